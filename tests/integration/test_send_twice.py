"""A reading is queued once (issue 12, "Why" 1): `send` of a file queued before, and `send` refused by the send lock."""

from __future__ import annotations

import functools

import pytest

from gui import cli_common
from gui.app import main
from gui.data import pipeline
from gui.data.store import State, Store
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

#: Three readings without a time, sent without `at`: every copy the platform receives is a datapoint of its own.
NOTIME = "temperature,humidity,ph\n21.5,40,7.1\n"


@pytest.fixture
def dirs(dirs, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    fast = functools.partial(pipeline.RetryPolicy, max_attempts=2, backoff_s=0.01, backoff_max_s=0.02)
    monkeypatch.setattr(pipeline, "RetryPolicy", fast)
    (dirs / "notime.csv").write_text(NOTIME, encoding="utf-8")
    return dirs


def send(dirs, endpoint, *extra):
    args = ["send", str(dirs / "notime.csv"), "--device", DEFAULT_DEVICE_ID, "--endpoint", endpoint]
    return main([*args, "--missing-time", "platform", *extra])


def stored(sandbox) -> int:
    return sum(len(sandbox.datapoints(DEFAULT_DEVICE_ID, s)) for s in sandbox.streams(DEFAULT_DEVICE_ID))


def test_sending_a_file_again_while_its_rows_wait_queues_nothing_and_says_so(dirs, closed_port, capsys):
    endpoint = f"http://127.0.0.1:{closed_port}"
    assert send(dirs, endpoint) == cli_common.EXIT_FAILED  # the server is down: the 3 readings wait in the outbox
    capsys.readouterr()
    with Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}, port=closed_port) as sandbox:
        assert send(dirs, endpoint) == cli_common.EXIT_USAGE
        err = capsys.readouterr().err
        assert "was queued to this device before: 3 datapoints wait in the outbox" in err
        assert "--again" in err
        assert stored(sandbox) == 0
        assert main(["outbox", "send"]) == cli_common.EXIT_OK
        assert stored(sandbox) == 3  # 3 readings, 3 datapoints (main stored 6)
        assert send(dirs, endpoint) == cli_common.EXIT_USAGE
        assert "3 datapoints were sent" in capsys.readouterr().err
        assert stored(sandbox) == 3
        assert send(dirs, endpoint, "--again") == cli_common.EXIT_OK  # the user's word
        assert stored(sandbox) == 6
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert store.counts()[State.SENT] == 6


def test_the_same_file_to_another_device_is_queued(dirs, sandbox, capsys):
    assert send(dirs, sandbox.url) == cli_common.EXIT_OK
    with Store(dirs / "data" / "outbox.sqlite3") as store:
        assert len(store.from_source(_sha256(dirs / "notime.csv"), sandbox.url, DEFAULT_DEVICE_ID)) == 3
        assert store.from_source(_sha256(dirs / "notime.csv"), sandbox.url, "777") == []


def _sha256(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_send_refused_by_the_send_lock_queues_nothing(dirs, sandbox, capsys):
    with Store(dirs / "data" / "outbox.sqlite3") as store, store.send_lock():
        assert send(dirs, sandbox.url) == cli_common.EXIT_FAILED
        assert "another send from this outbox is running" in capsys.readouterr().err
        assert sum(store.counts().values()) == 0  # main queued the 3 rows, unsaid
    assert stored(sandbox) == 0
