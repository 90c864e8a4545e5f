"""Outbox databases for the storage-fault tests (the command line's and the window's): filled, then damaged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui.data.store import NewRow, State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_DEVICE_ID

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
#: Where the rows of `fill` are queued to go: the discard port on loopback (nothing is sent there).
ENDPOINT = "http://127.0.0.1:9"
#: `gui.cli.EXIT_STORAGE`, documented in README.md: the outbox database cannot be used as it is.
EXIT_STORAGE = 4


def fill(path: Path, unsent: int = 20, sent: int = 0) -> None:
    """Write an outbox database at `path`: `sent + unsent` "temperature" datapoints (values 0, 1, …, at T0 + 0 s,
    1 s, …) for the sandbox's device at ENDPOINT; the first `sent` of them (ids 1..sent) marked sent."""
    with Store(path) as store:
        rows = [NewRow("temperature", Datapoint(i, T0 + timedelta(seconds=i))) for i in range(unsent + sent)]
        ids = store.add(rows, state=State.UNSENT, endpoint=ENDPOINT, device_id=DEFAULT_DEVICE_ID)
        if sent:
            store.set_state(ids[:sent], State.SENT)
