"""A `--sandbox` trial killed with SIGKILL loses nothing made for a real endpoint: the next start hands it over."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV
from gui.data.store import State, Store
from gui.data.trials import TRIAL_PREFIX, adopt_orphaned_trials
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

#: A trial as `run_window(sandbox=True)` makes it (its folder, its lock, its outbox): demo rows for the
#: window's sandbox, a draft and 40 queued rows for a real endpoint (the loopback sandbox stands in for
#: one), which it sends in requests of 10 - until it is killed.
TRIAL = """
import sys
from datetime import datetime, timedelta, UTC
from pathlib import Path
from gui.data.pipeline import send_outbox
from gui.data.store import NewRow, State, Store
from gui.data.target import SANDBOX_ENDPOINT
from gui.data.trials import TrialFolder
from gui.onenet.client import OneNetClient
from gui.onenet.readings import Datapoint

endpoint, device, key, root = sys.argv[1:5]
start = datetime(2024, 1, 1, tzinfo=UTC)
trial = TrialFolder(Path(root))
with Store(trial.outbox) as store:
    store.add([NewRow("demo", Datapoint(i, start + timedelta(seconds=i))) for i in range(5)],
              endpoint=SANDBOX_ENDPOINT, device_id=device)
    store.add([NewRow("note", Datapoint(7, start))], endpoint=endpoint, device_id=device)
    store.add([NewRow("temperature", Datapoint(i, start + timedelta(seconds=i))) for i in range(40)],
              state=State.UNSENT, endpoint=endpoint, device_id=device)
    print(trial.path, flush=True)
    send_outbox(store, lambda e, d: OneNetClient(e, d, key), max_points=10)
    print("finished", flush=True)
"""


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def start_trial(sandbox: Sandbox, root) -> tuple[subprocess.Popen[str], str]:
    trial = subprocess.Popen(
        [sys.executable, "-c", TRIAL, sandbox.url, DEFAULT_DEVICE_ID, DEFAULT_API_KEY, str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert trial.stdout is not None
    return trial, trial.stdout.readline().strip()


def kill(process: subprocess.Popen[str]) -> None:
    process.kill()  # SIGKILL on POSIX: no handler, no clean-up, mid-request
    _, errors = process.communicate(timeout=30)
    if sys.platform != "win32":
        assert process.returncode == -9, errors


def test_a_trial_killed_mid_send_hands_its_real_rows_to_the_next_start(sandbox: Sandbox, tmp_path):
    sandbox.delay = 30.0  # a slow platform: the first request is still on the wire when the trial dies
    trial, folder = start_trial(sandbox, tmp_path)
    try:
        wait_for(lambda: sandbox.upload_count >= 1, 60, "the trial's first request")
    finally:
        kill(trial)
    user = tmp_path / "user" / "outbox.sqlite3"

    assert adopt_orphaned_trials(user, tmp_path) == 41

    with Store(user) as store:
        rows = store.rows()
    assert not os.path.exists(folder)  # the trial's folder is gone, its real work is not
    assert {r.endpoint for r in rows} == {sandbox.url}  # nothing of the sandbox's
    by_state = {s: [r for r in rows if r.state is s] for s in State}
    assert [(r.stream_id, r.value) for r in by_state[State.DRAFT]] == [("note", 7)]
    # The request on the wire at the kill (and the next, which the pipeline marks in flight early):
    # "unknown, safe to resend" (each has its `at`), as after any crash; the rest still unsent.
    unknown = len(by_state[State.UNKNOWN])
    assert unknown in (10, 20)
    assert [r.value for r in by_state[State.UNKNOWN]] == list(range(unknown))
    assert [r.value for r in by_state[State.UNSENT]] == list(range(unknown, 40))
    assert all(r.at == datetime(2024, 1, 1, tzinfo=UTC) + timedelta(seconds=r.value) for r in by_state[State.UNSENT])
    assert adopt_orphaned_trials(user, tmp_path) == 0  # handed over once


def test_a_running_trial_is_left_alone(sandbox: Sandbox, tmp_path):
    sandbox.delay = 30.0
    trial, folder = start_trial(sandbox, tmp_path)
    try:
        wait_for(lambda: sandbox.upload_count >= 1, 60, "the trial's first request")
        assert adopt_orphaned_trials(tmp_path / "user.sqlite3", tmp_path) == 0
        assert os.path.exists(folder)
        assert not (tmp_path / "user.sqlite3").exists()
    finally:
        kill(trial)


def test_the_outbox_command_shows_what_a_killed_trial_left(sandbox: Sandbox, tmp_path):
    sandbox.delay = 30.0
    trial, _ = start_trial(sandbox, tmp_path)
    try:
        wait_for(lambda: sandbox.upload_count >= 1, 60, "the trial's first request")
    finally:
        kill(trial)
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data"), LOG_DIR_ENV: str(tmp_path / "logs")}
    env["TMPDIR"] = str(tmp_path)  # where the trial made its folder: the temp dir of both processes
    listing = subprocess.run(
        [sys.executable, "-m", "gui", "outbox"], env=env, capture_output=True, text=True, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    assert f"{'draft':<10}{1:>10}" in listing.stdout
    counts = {line.split()[0]: int(line.split()[1]) for line in listing.stdout.splitlines()[1:7]}
    assert counts["unknown"] in (10, 20)
    assert counts["unknown"] + counts["unsent"] == 40
    assert counts["in_flight"] == counts["sent"] == counts["failed"] == 0
    assert not list(tmp_path.glob(TRIAL_PREFIX + "*"))
