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
FILE_HASH = "ab" * 32  # the rows were imported from a file: its SHA-256 and row numbers
start = datetime(2024, 1, 1, tzinfo=UTC)
trial = TrialFolder(Path(root))
with Store(trial.outbox) as store:
    store.add([NewRow("demo", Datapoint(i, start + timedelta(seconds=i))) for i in range(5)],
              endpoint=SANDBOX_ENDPOINT, device_id=device)
    store.add([NewRow("note", Datapoint(7, start))], endpoint=endpoint, device_id=device)
    store.add([NewRow("temperature", Datapoint(i, start + timedelta(seconds=i)), source=(FILE_HASH, i + 2))
               for i in range(40)],
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
    # Still known as rows 2.. of their file: importing it again is noticed (gui.data.store Store.from_source).
    assert sorted(r.source for r in rows if r.stream_id == "temperature") == [("ab" * 32, i + 2) for i in range(40)]
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


#: The QA steps in a real window (offscreen): `onenet-uploader --sandbox`, untick "Use the local sandbox",
#: the real endpoint (argv[1]), "Move to this target" (the demo readings), Send.
WINDOW = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import run_window
from gui.ui.main_window import MainWindow

def work():
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    connection = window.connection
    QTest.mouseClick(connection.sandbox_check, Qt.MouseButton.LeftButton)
    for edit, text in ((connection.endpoint_edit, sys.argv[1]), (connection.device_edit, sys.argv[2])):
        edit.selectAll()
        QTest.keyClicks(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)
    connection.key_edit.selectAll()
    QTest.keyClicks(connection.key_edit, sys.argv[3])
    QTest.mouseClick(connection.move_button, Qt.MouseButton.LeftButton)
    print(window.model.rowCount(), flush=True)
    QTest.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)

app = QApplication(["onenet-uploader"])
QTimer.singleShot(0, work)
sys.exit(run_window([], sandbox=True))
"""


def test_a_sandbox_window_killed_mid_send_loses_nothing_the_next_start_shows_it(sandbox: Sandbox, tmp_path):
    sandbox.delay = 30.0  # a slow platform: the request is on the wire when the window dies
    env = {
        **os.environ,
        DATA_DIR_ENV: str(tmp_path / "data"),
        LOG_DIR_ENV: str(tmp_path / "logs"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no OS keyring: the key stays in memory
    }
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, sandbox.url, DEFAULT_DEVICE_ID, DEFAULT_API_KEY],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        moved = int(window.stdout.readline())
        wait_for(lambda: sandbox.upload_count >= 1, 60, "the window's request")
        [folder] = (tmp_path / "data" / "trials").glob(TRIAL_PREFIX + "*")
        running = subprocess.run(
            [sys.executable, "-m", "gui", "outbox"], env=env, capture_output=True, text=True, timeout=60
        )
        assert running.returncode == 0, running.stderr
        assert folder.exists()  # a running trial is its own
    finally:
        kill(window)
    assert moved > 0

    listing = subprocess.run(
        [sys.executable, "-m", "gui", "outbox"], env=env, capture_output=True, text=True, timeout=60
    )
    assert listing.returncode == 0, listing.stderr
    counts = {line.split()[0]: int(line.split()[1]) for line in listing.stdout.splitlines()[1:7]}
    assert counts["unknown"] == moved  # "unknown, safe to resend": the demo readings all have their `at`
    assert counts["in_flight"] == counts["sent"] == counts["unsent"] == counts["draft"] == 0
    assert sandbox.url in listing.stdout
    assert not folder.exists()
