"""The window and storage faults (issue 12, "Why" 5): an emptied, damaged or read-only outbox at start, and a
fault while importing or sending, said in the window with the path; never a traceback. Real files in tmp_path;
the read-only case on a folder this process cannot write (chmod, or a read-only tmpfs when run as root);
QMessageBox replaced so nothing blocks, its text checked."""

from __future__ import annotations

import faulthandler
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.app import run_window
from gui.data.logs import close_logging
from gui.data.paths import DATA_DIR_ENV
from gui.data.store import State
from gui.data.store.health import StoreUnwritable
from gui.ui import storage_faults

from ..outboxes import EXIT_STORAGE, fill


@pytest.fixture
def dialogs(monkeypatch):
    """QMessageBox.warning/critical recorded as (kind, title, text) instead of shown."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "warning", recorder("warning"))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical"))
    return shown


def test_an_outbox_emptied_after_it_was_written_is_a_dialog_and_the_storage_exit_status(qapp, tmp_path, dialogs):
    path = Path(os.environ[DATA_DIR_ENV]) / "outbox.sqlite3"
    fill(path, 20)
    path.write_bytes(b"")
    try:
        code = run_window([], sandbox=False)  # main: no dialog, an empty outbox
    finally:
        faulthandler.enable(sys.__stderr__, all_threads=True)  # run_window sent fatal errors to its crash log
        close_logging()
    assert code == EXIT_STORAGE
    [(kind, _, text)] = dialogs
    assert kind == "critical"
    assert f"{path} is empty (0 bytes)" in text and "held datapoints" in text
    assert "restore" in text.lower()  # what to do
    assert path.stat().st_size == 0  # left as found: the user may restore it


def test_garbage_inside_is_salvaged_said_and_the_window_goes_on_with_the_new_outbox(qapp, tmp_path, dialogs):
    path = tmp_path / "outbox.sqlite3"
    fill(path, unsent=2000, sent=2000)
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size * 3 // 4)
        file.write(bytes(range(256)) * 32)  # two pages of garbage, the same every run
    store = storage_faults.open_outbox(path)
    assert store is not None
    with store:
        counts = store.counts()
    [(kind, _, text)] = dialogs
    [damaged] = [p for p in tmp_path.glob("outbox.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert kind == "warning"
    assert f"{path} was damaged" in text and f"moved aside to {damaged}" in text
    assert f"{counts[State.UNSENT]:,} unsent" in text  # what was saved, as the new outbox holds it
    assert counts[State.UNSENT] > 0 and counts[State.UNSENT] + counts[State.SENT] >= 3000
    lost = 4000 - counts[State.UNSENT] - counts[State.SENT]  # 4,000 put in, minus what the new outbox holds
    assert f" {lost:,} datapoints could not be read" in text  # what was lost too (was: not said)
    assert "typed in the window cannot be sent again from a file" in text


def test_a_read_only_outbox_is_a_dialog_with_the_path_not_a_traceback(qapp, read_only_outbox, dialogs):
    path = read_only_outbox / "outbox.sqlite3"
    assert storage_faults.open_outbox(path) is None  # main: a traceback out of run_window
    [(kind, _, text)] = dialogs
    assert kind == "critical"
    assert str(path) in text and "read-only" in text


def test_a_storage_fault_while_importing_is_said_in_the_dialog_not_left_reading(make_window, qtbot, monkeypatch):
    window = make_window()
    csv = Path(__file__).resolve().parents[1] / "fixtures" / "lab_readings_long.csv"
    fault = StoreUnwritable("Cannot write the outbox database /x/outbox.sqlite3: the disk is full.", Path("/x"))

    def full(*args, **kwargs):
        raise fault

    monkeypatch.setattr(window.store, "add", full)
    dialog = window.importer.open(str(csv))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000) as done:
        dialog.import_button.click()
    assert done.args == [False]
    text = dialog.summary_label.text()
    assert "/x/outbox.sqlite3" in text and "disk is full" in text and "cannot be written" in text
    assert "Cannot read the file" not in text  # main: the file blamed for the outbox's fault
    assert window.model.rowCount() == 0
    dialog.close()


def test_a_storage_fault_while_sending_is_said_with_the_path_and_nothing_is_marked_sent(
    qtbot, make_window, monkeypatch
):
    from .test_main_window import send_and_wait, type_datapoint, use_sandbox

    window = make_window()
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5", (8, 0, 0))
    path = window.store.path
    fault = StoreUnwritable(f"Cannot write the outbox database {path}: the disk is full.", path)

    def full(*args, **kwargs):
        raise fault

    monkeypatch.setattr(window.store, "queue", full)
    assert send_and_wait(qtbot, window) is False
    outcome = window.response.outcome_label.text()
    assert str(path) in outcome and "disk is full" in outcome and "Traceback" not in outcome
    assert str(path) in window.statusBar().currentMessage()
    assert State.SENT not in {row.state for row in window.store.rows()}
