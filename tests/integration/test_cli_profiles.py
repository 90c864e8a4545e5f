"""`send --profile NAME` (and `outbox send --profile NAME`) for both platforms, over real HTTP to the sandbox."""

from __future__ import annotations

import json

import keyring
import pytest

from gui.app import main
from gui.data.logs import close_logging
from gui.data.profiles import Profile, ProfileBook
from gui.data.secrets import SecretStore
from gui.data.store import State, Store
from gui.data.target import Platform
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.sandbox.profiles import BUILT_IN, SANDBOX_THING
from gui.sandbox.things import DEFAULT_ACCESS_KEY, DEFAULT_DEVICE_KEY, DEFAULT_DEVICE_NAME, DEFAULT_PRODUCT_ID

PID, DEV = DEFAULT_PRODUCT_ID, DEFAULT_DEVICE_NAME
READINGS = "time,temp,count\n2026-11-02T00:30:00Z,21.5,3\n2026-11-02T00:31:00Z,22.0,4\n"
T1_MS = 1793579400000  # 2026-11-02T00:30:00Z


@pytest.fixture
def book(memory_keyring, monkeypatch) -> ProfileBook:
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory_keyring)  # the CLI opens "the OS keyring"
    monkeypatch.delenv("ONENET_API_KEY", raising=False)
    monkeypatch.delenv("ONENET_KEY", raising=False)
    yield ProfileBook(SecretStore(memory_keyring), builtin=BUILT_IN)
    close_logging()


@pytest.fixture
def readings(tmp_path):
    path = tmp_path / "readings.csv"
    path.write_text(READINGS, encoding="utf-8")
    return str(path)


def thing(sandbox, name: str = "bench") -> Profile:
    return Profile(name, Platform.THING, sandbox.url, product_id=PID, device_name=DEV, app_endpoint=sandbox.url)


def test_send_with_a_legacy_profile_uses_its_target_and_its_key_from_the_keyring(sandbox, book, readings, capsys):
    book.save(Profile("office", Platform.DATAPOINTS, sandbox.url, device_id=DEFAULT_DEVICE_ID), key=DEFAULT_API_KEY)
    assert main(["send", readings, "--profile", "office"]) == 0
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temp")] == [21.5, 22.0]
    captured = capsys.readouterr()
    assert DEFAULT_API_KEY not in captured.out
    assert "at on the wire: platform time, UTC+8" in captured.err


def test_send_with_a_thing_profile_posts_history_to_the_current_platform(sandbox, book, readings, capsys):
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY)
    assert main(["send", readings, "--profile", "bench"]) == 0
    captured = capsys.readouterr()
    assert "no product access key" in captured.err and "not checked" in captured.err
    # The thing model's `time` is Unix milliseconds: stderr said "sent as UTC+8" (a tester read it as a wrong zone)
    assert "at on the wire: Unix milliseconds (UTC)" in captured.err and "UTC+8" not in captured.err
    assert f"to {sandbox.url}" in captured.out
    assert sandbox.things.history(PID, DEV, "temp") == [(T1_MS, 21.5), (T1_MS + 60_000, 22.0)]
    assert sandbox.things.history(PID, DEV, "count") == [(T1_MS, 3), (T1_MS + 60_000, 4)]
    with Store() as store:
        (entry,) = store.history(None)
        assert entry.platform is Platform.THING and entry.device_id == f"{PID}/{DEV}"
        assert json.loads(entry.body)["params"][0]["properties"]["temp"][0] == {"value": 21.5, "time": T1_MS}
        assert {r.state for r in store.rows()} == {State.SENT}
    assert DEFAULT_DEVICE_KEY not in captured.out + captured.err


def test_with_the_access_key_the_thing_model_refuses_before_sending(sandbox, book, tmp_path, capsys):
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY, access_key=DEFAULT_ACCESS_KEY)
    path = tmp_path / "wrong.csv"
    path.write_text("time,temp,humidity\n2026-11-02T00:30:00Z,500,40\n", encoding="utf-8")
    assert main(["send", str(path), "--profile", "bench"]) == 1
    err = capsys.readouterr().err
    assert "property 'humidity'" in err and "not in the model" in err
    assert "property 'temp' (float)" in err
    assert sandbox.things.history(PID, DEV, "temp") == []


def test_a_dry_run_shows_the_exact_request_with_the_token_masked(sandbox, book, readings, capsys):
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY)
    assert main(["send", readings, "--profile", "bench", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "POST /fuse/http/device/thing/history/post?topic=$sys/SbxProd001/dev1/thing/history/post&protocol=http" in out
    )
    assert "token: ***" in out and "sign=" not in out
    assert '"properties":{"temp":[{"value":21.5,"time":1793579400000}' in out
    assert sandbox.things.history(PID, DEV, "temp") == []


def test_the_environment_key_wins_and_a_wrong_one_fails_with_errno_2(sandbox, book, readings, capsys, monkeypatch):
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY)
    monkeypatch.setenv("ONENET_KEY", "d3Jvbmcga2V5")
    assert main(["send", readings, "--profile", "bench"]) == 1
    assert "errno 2" in capsys.readouterr().out
    assert sandbox.things.history(PID, DEV, "temp") == []


def test_profiles_that_cannot_be_used_from_the_command_line_are_refused(book, readings, capsys):
    assert main(["send", readings, "--profile", SANDBOX_THING.name]) == 2
    assert "only the window runs" in capsys.readouterr().err
    assert main(["send", readings, "--profile", "nobody"]) == 2
    assert "no profile named 'nobody'" in capsys.readouterr().err
    assert main(["send", readings, "--profile", "x", "--device", "1"]) == 2
    assert "leave out --device" in capsys.readouterr().err


def test_outbox_send_with_a_profile_sends_only_its_rows_with_its_keys(sandbox, book, capsys, monkeypatch):
    from datetime import UTC, datetime

    from gui.data.store import NewRow
    from gui.data.target import Target
    from gui.onenet.readings import Datapoint

    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY)
    at = datetime(2026, 11, 2, 0, 30, tzinfo=UTC)
    bench = Target.thing(sandbox.url, PID, DEV)
    with Store() as store:
        store.add([NewRow("temp", Datapoint(19.5, at))], state=State.UNSENT, endpoint=bench.endpoint,
                  device_id=bench.device_id, platform=Platform.THING, in_editor=False)  # fmt: skip
        legacy = store.add([NewRow("temp", Datapoint(1.0, at))], state=State.UNSENT, endpoint=sandbox.url,
                           device_id=DEFAULT_DEVICE_ID, in_editor=False)  # fmt: skip
    assert main(["outbox", "send", "--profile", "bench"]) == 0
    assert sandbox.things.history(PID, DEV, "temp") == [(T1_MS, 19.5)]
    assert sandbox.datapoints(DEFAULT_DEVICE_ID, "temp") == []
    with Store() as store:
        assert store.get(legacy)[0].state is State.UNSENT
    capsys.readouterr()
    monkeypatch.setenv("ONENET_API_KEY", DEFAULT_API_KEY)
    assert main(["outbox", "send"]) == 0  # the rest: the legacy row, its key from the environment
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temp")] == [1.0]


def test_outbox_send_finds_a_thing_rows_key_in_a_saved_profile_of_its_device(sandbox, book, capsys):
    from datetime import UTC, datetime

    from gui.data.store import NewRow
    from gui.data.target import Target
    from gui.onenet.readings import Datapoint

    bench = Target.thing(sandbox.url, PID, DEV)
    with Store() as store:
        row = NewRow("count", Datapoint(5, datetime(2026, 11, 2, 0, 30, tzinfo=UTC)))
        store.add([row], state=State.UNSENT, endpoint=bench.endpoint, device_id=bench.device_id,
                  platform=Platform.THING, in_editor=False)  # fmt: skip
    assert main(["outbox", "send"]) == 1  # no key anywhere: the row waits
    assert "no device key for device dev1 of product SbxProd001" in capsys.readouterr().err
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY)
    assert main(["outbox", "send"]) == 0
    assert sandbox.things.history(PID, DEV, "count") == [(T1_MS, 5)]


def test_verify_with_a_thing_profile_reads_back_what_send_sent(sandbox, book, readings, capsys):
    book.save(thing(sandbox, "no access"), key=DEFAULT_DEVICE_KEY)
    assert main(["send", readings, "--profile", "no access"]) == 0
    assert main(["verify", readings, "--profile", "no access"]) == 2
    assert "needs it" in capsys.readouterr().err
    book.save(thing(sandbox), key=DEFAULT_DEVICE_KEY, access_key=DEFAULT_ACCESS_KEY)
    assert main(["verify", readings, "--profile", "bench"]) == 0
    out = capsys.readouterr().out
    assert "4 found" in out and "for device dev1 of product SbxProd001" in out
    sandbox.things.clear()
    assert main(["verify", readings, "--profile", "bench"]) == 1
    assert "missing" in capsys.readouterr().out


def test_verify_with_a_legacy_profile_uses_its_target_and_key(sandbox, book, readings, capsys):
    book.save(Profile("office", Platform.DATAPOINTS, sandbox.url, device_id=DEFAULT_DEVICE_ID), key=DEFAULT_API_KEY)
    assert main(["send", readings, "--profile", "office"]) == 0
    assert main(["verify", readings, "--profile", "office"]) == 0
    assert "4 found" in capsys.readouterr().out


def test_profile_add_list_delete_keys_from_the_environment_only(sandbox, book, readings, capsys, monkeypatch):
    monkeypatch.setenv("ONENET_KEY", DEFAULT_DEVICE_KEY)
    monkeypatch.setenv("ONENET_ACCESS_KEY", DEFAULT_ACCESS_KEY)
    args = ["profile", "add", "bench", "--product", PID, "--device-name", DEV, "--endpoint", sandbox.url]
    assert main([*args, "--app-endpoint", sandbox.url]) == 0
    out = capsys.readouterr().out
    assert "saved bench: current thing model, device dev1 of product SbxProd001" in out
    assert "key and access key in the keyring" in out and DEFAULT_DEVICE_KEY not in out
    monkeypatch.delenv("ONENET_KEY")
    monkeypatch.delenv("ONENET_ACCESS_KEY")
    assert main(["send", readings, "--profile", "bench"]) == 0  # its keys from the keyring
    assert main(["verify", readings, "--profile", "bench"]) == 0
    assert main(["profile"]) == 0
    listed = capsys.readouterr().out
    assert "Sandbox (thing): current thing model" in listed and "bench: current thing model" in listed
    assert main(["profile", "add", "x", "--product", PID]) == 2
    assert "--device-name goes with --product" in capsys.readouterr().err
    assert main(["profile", "delete", "bench"]) == 0
    assert main(["profile", "delete", SANDBOX_THING.name]) == 2
    assert "built in" in capsys.readouterr().err
