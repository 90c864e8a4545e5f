"""Killed at any moment (SIGKILL), nothing is lost: the outbox is on disk and `outbox send` finishes the job."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV
from gui.data.store import RequestOutcome, State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

DEVICE = DEFAULT_DEVICE_ID
COUNT = 100_000
BATCH = 500
START = datetime(2024, 1, 1, tzinfo=UTC)
STREAMS = ("temperature", "humidity")

#: The first process: stores COUNT datapoints in the outbox, then sends them in requests of BATCH.
SENDER = """
import os, sys
from datetime import datetime, timedelta, UTC
from gui.data.pipeline import send_outbox
from gui.data.store import NewRow, State, Store
from gui.onenet.client import OneNetClient
from gui.onenet.readings import Datapoint

endpoint, device, count, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
start = datetime(2024, 1, 1, tzinfo=UTC)
streams = ("temperature", "humidity")
with Store() as store:
    rows = [NewRow(streams[i % 2], Datapoint(i, start + timedelta(seconds=i))) for i in range(count)]
    store.add(rows, state=State.UNSENT, endpoint=endpoint, device_id=device, in_editor=False)
    print("stored", flush=True)
    key = os.environ["ONENET_API_KEY"]
    send_outbox(store, lambda e, d: OneNetClient(e, d, key), max_points=batch)
    print("finished", flush=True)
"""


def environment(tmp_path) -> dict[str, str]:
    return {
        **os.environ,
        DATA_DIR_ENV: str(tmp_path / "data"),
        LOG_DIR_ENV: str(tmp_path / "logs"),
        "ONENET_API_KEY": DEFAULT_API_KEY,
    }


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def expected(stream: str) -> list[tuple[datetime, int]]:
    return [(START + timedelta(seconds=i), i) for i in range(COUNT) if STREAMS[i % 2] == stream]


@pytest.mark.slow
def test_killed_mid_send_then_outbox_send_delivers_exactly_the_100000(sandbox: Sandbox, tmp_path):
    env = environment(tmp_path)
    sandbox.delay = 0.2  # a slow platform: the sender is almost always waiting for an answer
    sender = subprocess.Popen(
        [sys.executable, "-c", SENDER, sandbox.url, DEVICE, str(COUNT), str(BATCH)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert sender.stdout is not None
        assert sender.stdout.readline().strip() == "stored"
        wait_for(lambda: sandbox.upload_count >= 10, 60, "ten uploads")
    finally:
        sender.kill()  # SIGKILL on POSIX: no handler, no clean-up, mid-request
        _, errors = sender.communicate(timeout=30)
    if sys.platform != "win32":
        assert sender.returncode == -9, errors
    arrived_before = sum(len(sandbox.datapoints(DEVICE, s)) for s in STREAMS)
    assert 0 < arrived_before < COUNT

    with Store(tmp_path / "data" / "outbox.sqlite3") as store:
        counts = store.counts()
    assert sum(counts.values()) == COUNT  # every datapoint is still there
    # The request the sandbox was holding when the sender died, and (its datapoints all have
    # `at`) the next one, which the pipeline marks in flight early.
    in_flight = counts[State.IN_FLIGHT]
    assert in_flight in (BATCH, 2 * BATCH)
    assert counts[State.SENT] >= 8 * BATCH
    assert counts[State.UNSENT] == COUNT - counts[State.SENT] - in_flight

    listing = subprocess.run(
        [sys.executable, "-m", "gui", "outbox", "--limit", "3"], env=env, capture_output=True, text=True, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    assert f"{'in_flight':<10}{in_flight:>10}" in listing.stdout

    sandbox.delay = 0.0
    second = subprocess.run(
        [sys.executable, "-m", "gui", "outbox", "send"], env=env, capture_output=True, text=True, timeout=300
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"{COUNT - counts[State.SENT]:,} datapoints sent" in second.stdout

    for stream in STREAMS:
        assert [(p.at, p.value) for p in sandbox.datapoints(DEVICE, stream)] == expected(stream)
    assert sandbox.streams(DEVICE) == sorted(STREAMS)
    with Store(tmp_path / "data" / "outbox.sqlite3") as store:
        assert store.counts()[State.SENT] == COUNT
        interrupted = [h for h in store.history(None) if h.attempt is None]
    # The requests in flight at the kill: recorded with their bodies, no attempt finished, unknown.
    assert [h.request_outcome for h in interrupted] == [RequestOutcome.UNKNOWN] * (in_flight // BATCH)
    assert (tmp_path / "logs" / "onenet-uploader.log").exists()


def test_drafts_and_edits_survive_a_kill(tmp_path):
    script = """
import os, signal, sys
from datetime import datetime, UTC
from gui.data.store import NewRow, Store
from gui.onenet.readings import Datapoint, ValueKind
store = Store(sys.argv[1])
ids = store.add([NewRow("temperature", Datapoint(21.5, datetime(2024, 1, 1, tzinfo=UTC))),
                 NewRow("note", Datapoint("left the door open"), ValueKind.TEXT)])
store.update(ids[0], point=Datapoint(22.0, datetime(2024, 1, 1, tzinfo=UTC)))
os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
"""
    path = tmp_path / "outbox.sqlite3"
    subprocess.run([sys.executable, "-c", script, str(path)], timeout=60, check=False)
    with Store(path) as store:
        rows = store.editor_rows()
    assert [(r.stream_id, r.point, r.state) for r in rows] == [
        ("temperature", Datapoint(22.0, datetime(2024, 1, 1, tzinfo=UTC)), State.DRAFT),
        ("note", Datapoint("left the door open"), State.DRAFT),
    ]
