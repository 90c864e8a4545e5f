"""Issue 12, "A reading is queued once", in the window: importing a file whose rows already wait or were sent asks
("Import again" / "Cancel", Cancel the default). Driven through the widgets against the real sandbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gui.data.store import State, content_hash

from .test_main_window import send_and_wait, use_sandbox

CSV = Path(__file__).resolve().parents[1] / "fixtures" / "lab_readings_long.csv"


def import_file(qtbot, window):
    """Open the import dialog on CSV and press Import, as a user; returns the dialog."""
    dialog = window.importer.open(str(CSV))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
    dialog.import_button.click()
    return dialog


def the_question(qtbot, dialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.again_box is not None and dialog.again_box.isVisible(), timeout=20_000)
    box = dialog.again_box
    assert box is not None
    return box


def test_a_file_whose_rows_were_sent_asks_before_importing_again_and_cancel_is_the_default(qtbot, make_window, sandbox):
    window = make_window()
    use_sandbox(window)
    import_file(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20_000)  # 5 readings, rows 2-6 of the file
    assert send_and_wait(qtbot, window) is True
    sent = window.store.from_source(content_hash(CSV), *window.connection.target())  # the sandbox, as stored
    assert sorted(r.row for r in sent) == [2, 3, 4, 5, 6]  # each row remembers the file and its row there
    assert {r.state for r in sent} == {State.SENT}

    dialog = import_file(qtbot, window)  # main: imported again without a word (sent twice on the next Send)
    box = the_question(qtbot, dialog)
    assert "5 of the 5 datapoints in lab_readings_long.csv" in box.text() and "stored twice" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(box.finished):
        box.defaultButton().click()
    assert window.model.rowCount() == 5 and dialog.isVisible()
    assert "Not imported" in dialog.summary_label.text()

    dialog.import_button.click()  # asked again; this time the user means it
    box = the_question(qtbot, dialog)
    [again] = [b for b in box.buttons() if b.text() == "Import again"]
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        again.click()
    assert window.model.rowCount() == 10


def test_a_file_never_queued_is_imported_without_a_question(qtbot, make_window, sandbox):
    window = make_window()
    use_sandbox(window)
    import_file(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20_000)
    dialog = import_file(qtbot, window)  # drafts in the table only: nothing waits or was sent yet
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        pass
    assert dialog.again_box is None and window.model.rowCount() == 10
