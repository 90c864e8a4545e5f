"""Request limits that cannot be used are refused before anything is queued or sent, the same way by every command.

`send --timeout -1` reached the HTTP library, whose refusal was reported as "outcome unknown: may have been
stored" though no byte had been sent (found by a tester); `nan` and `inf` were taken as timeouts.
"""

from __future__ import annotations

import pytest

from gui import cli_common
from gui.app import main
from gui.cli_common import EXIT_USAGE
from gui.data.store import State, Store
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox


@pytest.fixture
def dirs(dirs, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    return dirs


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("time,temperature\n2026-11-02T08:30:00+08:00,21.4\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--timeout", "-1", "--timeout must be a number of seconds above 0, not -1.0"),
        ("--timeout", "0", "--timeout must be a number of seconds above 0, not 0.0"),
        ("--timeout", "nan", "--timeout must be a number of seconds above 0, not nan"),
        ("--timeout", "inf", "--timeout must be a number of seconds above 0, not inf"),
        ("--max-points", "0", "--max-points must be at least 1, not 0"),
        ("--max-bytes", "10", "--max-bytes must be at least"),
    ],
)
def test_send_refuses_limits_it_cannot_use_and_queues_nothing(
    dirs, sheet, sandbox: Sandbox, capsys, option, value, said
) -> None:
    argv = ["send", str(sheet), "--endpoint", sandbox.url, "--device", DEFAULT_DEVICE_ID, option, value]
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"send: {said}" in err and "Traceback" not in err and "unknown" not in err
    assert sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature") == []
    outbox = dirs / "data" / "outbox.sqlite3"
    if outbox.exists():
        with Store(outbox) as store:
            assert store.rows(list(State)) == []


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["outbox", "send", "--attempts", "0"], "outbox send: --attempts must be at least 1, not 0"),
        (["outbox", "send", "--batch", "-5"], "outbox send: --batch must be at least 1, not -5"),
        (["outbox", "send", "--timeout", "nan"], "outbox send: --timeout must be a number of seconds above 0"),
        (
            ["simulate", "--stream", "t=1", "--count", "1", "--device", "1", "--timeout", "-1"],
            "simulate: --timeout must be a number of seconds above 0, not -1.0",
        ),
        (
            ["verify", "--last", "--device", "1", "--timeout", "0"],
            "verify: --timeout must be a number of seconds above 0",
        ),
    ],
)
def test_every_command_refuses_them_the_same_way(dirs, capsys, argv, said) -> None:
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
