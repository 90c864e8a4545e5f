"""`onenet-uploader outbox` and `outbox send` against the sandbox, run in this process on real files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from keyring.backends import fail

from gui import cli_common, cli_outbox
from gui.app import build_parser, main
from gui.data.secrets import SecretStore
from gui.data.store import NewRow, State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

DEVICE = DEFAULT_DEVICE_ID
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def fill(tmp_path, endpoint: str, count: int = 12, *, at: bool = True, device: str = DEVICE) -> list[int]:
    with Store(tmp_path / "data" / "outbox.sqlite3") as store:
        rows = [NewRow("temperature", Datapoint(i, T0 + timedelta(seconds=i) if at else None)) for i in range(count)]
        return store.add(rows, state=State.UNSENT, endpoint=endpoint, device_id=device)


def send_args(*extra: str):
    return build_parser().parse_args(["outbox", "send", "--batch", "5", *extra])


def no_keyring() -> SecretStore:
    return SecretStore(fail.Keyring())  # type: ignore[no-untyped-call]


def test_listing_an_empty_outbox_creates_nothing(dirs, capsys):
    assert main(["outbox"]) == 0
    assert "The outbox is empty" in capsys.readouterr().out
    assert not (dirs / "data").exists()


def test_listing_shows_counts_and_rows(dirs, capsys, sandbox):
    ids = fill(dirs, sandbox.url, 3)
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        store.add([NewRow("note", Datapoint("typed, not sent"))])
        store.set_state(ids[:1], State.SENT)
    assert main(["outbox"]) == 0
    out = capsys.readouterr().out
    assert f"{'draft':<10}{1:>10}" in out and f"{'unsent':<10}{2:>10}" in out and f"{'sent':<10}{1:>10}" in out
    assert "2024-05-01T20:00:01" in out  # `at` as sent, platform time UTC+8
    assert "typed, not sent" in out and "(platform time)" in out
    assert "2024-05-01T20:00:00" not in out  # sent rows are not listed by default
    assert main(["outbox", "--state", "sent"]) == 0
    assert "2024-05-01T20:00:00" in capsys.readouterr().out
    assert main(["outbox", "--limit", "1"]) == 0
    assert "… 2 more" in capsys.readouterr().out


def test_send_with_the_key_from_the_environment(dirs, capsys, sandbox, monkeypatch):
    fill(dirs, sandbox.url, 12)
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    sandbox.fail_every = 2
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_common.EXIT_OK
    captured = capsys.readouterr()
    assert "12 datapoints sent in 3 requests." in captured.out
    assert "[3/3] 2 datapoints: sent" in captured.err
    assert "retrying in" in captured.err
    assert len(sandbox.datapoints(DEVICE, "temperature")) == 12
    assert "request 1 attempt 1" in (dirs / "logs" / "onenet-uploader.log").read_text(encoding="utf-8")
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_common.EXIT_OK
    assert "Nothing to send" in capsys.readouterr().out


def test_send_with_the_key_from_the_keyring(dirs, capsys, sandbox, memory_keyring):
    fill(dirs, sandbox.url, 4)
    secrets = SecretStore(memory_keyring)
    secrets.set(DEVICE, DEFAULT_API_KEY)
    assert cli_outbox.run_outbox_send(send_args(), SecretStore(memory_keyring)) == cli_common.EXIT_OK
    assert "4 datapoints sent" in capsys.readouterr().out


def test_without_a_key_nothing_is_sent_and_the_rows_wait(dirs, capsys, sandbox):
    ids = fill(dirs, sandbox.url, 4)
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_NOT_ALL_SENT
    err = capsys.readouterr().err
    assert f"no api-key for device {DEVICE}: set ${cli_common.API_KEY_ENV}" in err
    assert sandbox.upload_count == 0
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert {r.state for r in store.get(ids)} == {State.UNSENT}


def test_filters_and_a_busy_outbox(dirs, capsys, sandbox, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    ours = fill(dirs, sandbox.url, 3)
    other = fill(dirs, sandbox.url, 3, device="another-device")
    assert cli_outbox.run_outbox_send(send_args("--device", DEVICE, "--endpoint", sandbox.url + "/"), no_keyring()) == 0
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert {r.state for r in store.get(ours)} == {State.SENT}
        assert {r.state for r in store.get(other)} == {State.UNSENT}
        with store.send_lock():
            assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_BUSY
    assert "another send from this outbox is running" in capsys.readouterr().err
    assert cli_outbox.run_outbox_send(send_args("--batch", "0"), no_keyring()) == cli_common.EXIT_USAGE
    assert cli_outbox.run_outbox_send(send_args("--endpoint", "ftp://nowhere"), no_keyring()) == cli_common.EXIT_USAGE


def test_unknown_points_without_at_are_held_back_unless_allowed(dirs, capsys, sandbox, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    ids = fill(dirs, sandbox.url, 2, at=False)
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        store.set_state(ids, State.UNKNOWN)
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_NOT_ALL_SENT
    assert "2 datapoints without an explicit `at` were held back" in capsys.readouterr().out
    assert sandbox.upload_count == 0
    assert cli_outbox.run_outbox_send(send_args("--allow-duplicates"), no_keyring()) == cli_common.EXIT_OK
    assert sandbox.upload_count == 2  # one request each: of two without `at` in one, only the last is kept


def test_one_held_back_datapoint_is_told_in_the_singular(dirs, capsys, sandbox, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    ids = fill(dirs, sandbox.url, 1, at=False)
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        store.set_state(ids, State.UNKNOWN)
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_NOT_ALL_SENT
    out = capsys.readouterr().out
    assert "1 datapoint without an explicit `at` was held back: an earlier request that carried it" in out
    assert sandbox.upload_count == 0


def test_the_api_key_is_no_command_line_option():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["outbox", "send", "--api-key", "x"])


def test_refused_datapoints_wait_for_retry_failed(dirs, capsys, sandbox, monkeypatch):
    ids = fill(dirs, sandbox.url, 4)
    monkeypatch.setenv(cli_common.API_KEY_ENV, "WRONG-KEY")
    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_NOT_ALL_SENT
    capsys.readouterr()
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)  # the key fixed

    assert cli_outbox.run_outbox_send(send_args(), no_keyring()) == cli_outbox.EXIT_NOT_ALL_SENT
    out = capsys.readouterr().out
    assert "Nothing to send: the outbox has no unsent or unknown datapoints." in out
    assert "4 datapoints were refused by the platform (failed)" in out and "--retry-failed" in out
    assert sandbox.streams(DEVICE) == []

    assert cli_outbox.run_outbox_send(send_args("--retry-failed"), no_keyring()) == cli_common.EXIT_OK
    assert "4 datapoints sent" in capsys.readouterr().out
    assert len(sandbox.datapoints(DEVICE, "temperature")) == 4
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert {r.state for r in store.get(ids)} == {State.SENT}


def test_a_filter_that_matches_nothing_says_so(dirs, capsys, sandbox, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    fill(dirs, sandbox.url, 2)
    assert cli_outbox.run_outbox_send(send_args("--device", "another-device"), no_keyring()) == cli_common.EXIT_OK
    assert "no unsent or unknown datapoints for device another-device." in capsys.readouterr().out
    assert sandbox.upload_count == 0


def test_a_send_lock_held_by_another_process_makes_outbox_send_exit_3(dirs, sandbox):
    """The lock is an OS file lock (filelock): one process holds it, `outbox send` in another is refused."""
    ids = fill(dirs, sandbox.url, 3)
    env = {**os.environ, cli_common.API_KEY_ENV: DEFAULT_API_KEY}
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from gui.data.store import Store\n"
            "lock = Store(sys.argv[1]).send_lock(); lock.acquire(); print('held', flush=True); time.sleep(60)\n",
            str(dirs / "data" / "outbox.sqlite3"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        busy = subprocess.run(
            [sys.executable, "-m", "gui", "outbox", "send"], env=env, capture_output=True, text=True, timeout=120
        )
        assert busy.returncode == cli_outbox.EXIT_BUSY == 3, busy.stdout + busy.stderr
        assert "another send from this outbox is running" in busy.stderr
        assert sandbox.upload_count == 0
    finally:
        holder.kill()  # SIGKILL on POSIX: the OS lets go of the lock, no clean-up runs in the holder
        holder.wait(10)
        holder.stdout.close()
    done = subprocess.run(
        [sys.executable, "-m", "gui", "outbox", "send"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == cli_common.EXIT_OK, done.stdout + done.stderr
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert {r.state for r in store.get(ids)} == {State.SENT}


def test_listing_in_chinese_says_headings_states_and_stored_reasons_in_chinese(dirs, capsys, sandbox):
    """Headings and states through the catalogue; a stored reason (code + params) in the reader's language."""
    from gui import i18n
    from gui.data.store import RequestOutcome
    from gui.onenet.formats import encode
    from gui.onenet.readings import Readings
    from gui.text import Message

    ids = fill(dirs, sandbox.url, 2)
    why = Message("no-key", "outbox", "no api-key for device {device}", {"device": DEVICE})
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(ids[:1])))
        begun = store.begin_request(sandbox.url, DEVICE, body, ids[:1], [0], True)
        assert begun is not None
        store.finish_request(begun, RequestOutcome.UNSENT, None, why)
    try:
        i18n.set_language("zh_CN")
        expected = i18n.render(why)
        assert main(["--lang", "zh_CN", "outbox"]) == 0
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "未发送" in out and "(--state unsent)" in out
    assert all(word in out for word in ("状态", "设备", "数据流", "值", "接入地址"))
    assert expected != str(why) and f"({expected})" in out
