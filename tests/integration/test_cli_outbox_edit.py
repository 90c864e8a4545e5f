"""`outbox discard` and `outbox move`: stuck rows (a typo endpoint) removed or re-addressed from the command line,
as the window's waiting bar discards or moves them; rows being sent and rows sent are never touched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gui import cli_common
from gui.app import main
from gui.data.store import NewRow, State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
TYPO = "http://127.0.0.1:1"


@pytest.fixture
def outbox(dirs):
    return dirs / "data" / "outbox.sqlite3"


def fill(path, endpoint: str, count: int, *, device: str = DEFAULT_DEVICE_ID, state: State = State.UNSENT) -> list[int]:
    with Store(path) as store:
        rows = [NewRow("temperature", Datapoint(i, T0 + timedelta(seconds=i))) for i in range(count)]
        return store.add(rows, state=state, endpoint=endpoint, device_id=device)


def test_discard_removes_the_stuck_rows_of_an_endpoint_and_says_each(outbox, capsys, sandbox):
    stuck = fill(outbox, TYPO, 3)
    other_device = fill(outbox, TYPO, 1, device="other")
    kept = fill(outbox, sandbox.url, 2)
    with Store(outbox) as store:
        store.set_state(stuck[:1], State.FAILED)
    assert main(["outbox", "discard", "--endpoint", TYPO + "/", "--device", DEFAULT_DEVICE_ID]) == 0
    out = capsys.readouterr().out
    for row_id in stuck:
        assert f"{row_id:>8}" in out
    assert f"{other_device[0]:>8}" not in out and "3 datapoints" in out
    with Store(outbox) as store:
        assert [r.id for r in store.rows()] == [*other_device, *kept]


def test_discard_leaves_rows_being_sent_and_sent_ones_alone(outbox, capsys):
    ids = fill(outbox, TYPO, 4)
    with Store(outbox) as store:
        store.set_state(ids[:1], State.SENT)
        store._db.execute("UPDATE outbox SET state = 'in_flight' WHERE id = ?", (ids[1],))  # a send in another process
    code = main(["outbox", "discard", "--endpoint", TYPO])
    captured = capsys.readouterr()
    assert code == 1 and "being sent" in captured.err
    with Store(outbox) as store:
        assert sorted(r.id for r in store.rows()) == ids[:2]


def test_discard_with_a_state_only_takes_those(outbox, capsys):
    ids = fill(outbox, TYPO, 3)
    with Store(outbox) as store:
        store.set_state(ids[:1], State.FAILED)
    assert main(["outbox", "discard", "--endpoint", TYPO, "--state", "failed"]) == 0
    with Store(outbox) as store:
        assert [r.id for r in store.rows()] == ids[1:]


def test_discard_of_nothing_says_so_and_fails(outbox, capsys):
    fill(outbox, TYPO, 1)
    assert main(["outbox", "discard", "--endpoint", "http://127.0.0.1:2"]) == 1
    assert "No datapoints wait for" in capsys.readouterr().err


def test_move_re_addresses_the_stuck_rows_and_outbox_send_then_delivers_them(outbox, capsys, monkeypatch, sandbox):
    ids = fill(outbox, TYPO, 3)
    assert main(["outbox", "move", "--endpoint", TYPO, "--to-endpoint", sandbox.url]) == 0
    out = capsys.readouterr().out
    assert "3 datapoints" in out and sandbox.url in out
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    assert main(["outbox", "send"]) == 0
    with Store(outbox) as store:
        assert {r.state for r in store.get(ids)} == {State.SENT}
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 3


def test_move_refuses_an_invalid_new_endpoint(outbox, capsys):
    fill(outbox, TYPO, 1)
    assert main(["outbox", "move", "--endpoint", TYPO, "--to-endpoint", "ftp://x"]) == 2
    with Store(outbox) as store:
        assert {r.endpoint for r in store.rows()} == {TYPO}
