"""Issue 13, items 1 and 4: the zone boxes of the window and the import dialog, typed into as a user does."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from gui.onenet.readings import PLATFORM_TZ
from gui.ui.colours import LIGHT, css

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RED = css("error", LIGHT)
#: Typing into a zone box opens its completer's popup, which the offscreen platform cannot raise or let grab keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")


def type_into(qtbot, line, text):
    """Select what the line holds and type `text` over it, key by key."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def type_zone(qtbot, combo, text):
    type_into(qtbot, combo.lineEdit(), text)
    popup = combo.completer().popup()
    if popup.isVisible():
        popup.hide()


def at_header(window):
    return window.model.headerData(window.model.AT, Qt.Orientation.Horizontal)


def add_reading(qtbot, window, at_text):
    """Add `1` to stream `t` at the chosen time `at_text` (typed into the at field)."""
    editor = window.editor
    editor.stream_combo.setCurrentText("t")
    editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
    type_into(qtbot, editor.at_edit.line, at_text)
    type_into(qtbot, editor.value_edit, "1")
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)


def preview_body(window):
    window.send_controller.refresh_preview()
    return window.send_panel.preview.request_text.toPlainText().split("\n\n", 1)[1]


# --- Why 1: the window's zone box -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "header", "sent"),
    [
        ("UTC+8", "at (UTC+08:00)", "2013-04-22T00:35:43"),  # main applied UTC: 08:35:43, eight hours off
        ("GMT+8", "at (UTC+08:00)", "2013-04-22T00:35:43"),
        ("GMT-3", "at (UTC-03:00)", "2013-04-22T11:35:43"),
        ("+05:30", "at (UTC+05:30)", "2013-04-22T03:05:43"),
        ("asia/tokyo", "at (Asia/Tokyo)", "2013-04-21T23:35:43"),
    ],
)
def test_an_offset_typed_in_the_zone_box_is_the_zone_times_are_read_in(qtbot, window, typed, header, sent):
    window.connection.sandbox_check.setChecked(True)
    type_zone(qtbot, window.editor.zone_combo, typed)
    assert at_header(window) == header
    assert not window.editor.zone_combo.reason_label.isVisible()
    add_reading(qtbot, window, "2013-04-22 00:35:43")
    assert window.model.index(0, window.model.AT).data() == "2013-04-22 00:35:43"
    assert f'"at":"{sent}"' in preview_body(window)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("Asia", "is not a time zone yet"),  # main: IsADirectoryError from ZoneInfo("Asia") in the slot
        ("Europe/", "is not a time zone yet"),
        ("../etc", "is not a time zone"),
        ("UTC+99", "at most 14 hours"),
        ("", "Type a time zone"),
        ("CST", "is an abbreviation, not a time zone"),  # it offered CST6CDT: US Central, 14 h from China's CST
    ],
)
def test_text_that_is_not_a_zone_is_outlined_with_the_reason_and_changes_nothing(qtbot, window, typed, reason):
    editor = window.editor
    assert at_header(window) == "at (Asia/Shanghai)"  # the fixture's zone
    type_zone(qtbot, editor.zone_combo, typed[:-1])
    in_use = window.settings.time_zone  # `UTC+9` on the way to `UTC+99` is a zone: the box shows what is used
    assert at_header(window) == f"at ({in_use})"
    if typed:
        qtbot.keyClicks(editor.zone_combo.lineEdit(), typed[-1])
    assert at_header(window) == f"at ({in_use})"  # the zone in use did not change
    assert window.settings.time_zone == in_use
    assert RED in editor.zone_combo.styleSheet()
    label = editor.zone_combo.reason_label
    assert label.isVisible() and reason in label.text()
    assert f"Times stay in {in_use}." in label.text()  # says which zone is still in use
    type_zone(qtbot, editor.zone_combo, "Europe/Berlin")
    assert at_header(window) == "at (Europe/Berlin)"
    assert RED not in editor.zone_combo.styleSheet() and not label.isVisible()


def test_a_chosen_time_is_not_added_while_the_zone_box_is_not_a_zone(qtbot, window):
    type_zone(qtbot, window.editor.zone_combo, "Asia")
    add_reading(qtbot, window, "2013-04-22 00:35:43")
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == "The at cannot be read: see the message under the time zone."
    assert "not a time zone yet" in window.editor.zone_combo.reason_label.text()  # said whole there
    assert window.editor.zone_combo.reason_label.isVisible()


def test_changing_the_zone_converts_and_replaces_nothing_typed(qtbot, window):
    editor = window.editor
    editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
    type_into(qtbot, editor.at_edit.line, "2026-11-02 08:30:00")
    type_zone(qtbot, editor.zone_combo, "Europe/Berlin")
    assert editor.at_edit.line.text() == "2026-11-02 08:30:00"  # main replaced it with "now"
    type_zone(qtbot, editor.zone_combo, "UTC+8")
    assert editor.at_edit.line.text() == "2026-11-02 08:30:00"


def test_the_zone_box_completes_iana_names(qtbot, window):
    combo = window.editor.zone_combo
    type_into(qtbot, combo.lineEdit(), "shangh")
    completer = combo.completer()
    assert completer.completionCount() >= 1 and completer.currentCompletion() == "Asia/Shanghai"


def test_the_zone_box_lists_every_name_once_the_window_is_painted_and_keeps_its_zone(qtbot, window):
    combo = window.editor.zone_combo  # shown, the zone set, not painted yet: no list, the zone in use
    assert (combo.count(), combo.currentText(), combo.zone.name) == (0, "Asia/Shanghai", "Asia/Shanghai")
    changes = []
    combo.zoneChanged.connect(changes.append)
    qtbot.waitUntil(lambda: combo.count() > 0)  # just after the first paint
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Europe/Berlin" in names and "Etc/GMT-3" not in names
    assert combo.completer().model().rowCount() == len(names)
    assert (combo.currentText(), combo.zone.name, changes) == ("Asia/Shanghai", "Asia/Shanghai", [])


def test_a_remembered_offset_is_restored(qtbot, make_window):
    first = make_window()
    type_zone(qtbot, first.editor.zone_combo, "UTC+8")
    assert first.settings.time_zone == "UTC+08:00"
    first.close()
    second = make_window()  # the fixture types Asia/Shanghai again; the restore ran before
    assert second.settings.time_zone == "Asia/Shanghai"


# --- item 10: the greyed "Now" ------------------------------------------------------------------------


def test_the_greyed_now_shows_the_current_time_and_keeps_it_current(qtbot, window):
    editor = window.editor
    editor.time_combo.setCurrentIndex(editor.TIME_NOW)
    assert not editor.at_edit.line.isEnabled()

    def shown():
        return datetime.strptime(editor.at_edit.line.text(), "%Y-%m-%d %H:%M:%S").replace(
            tzinfo=ZoneInfo("Asia/Shanghai")
        )

    assert abs(shown() - datetime.now(PLATFORM_TZ)) < timedelta(seconds=2)
    first = editor.at_edit.line.text()
    qtbot.waitUntil(lambda: editor.at_edit.line.text() != first, timeout=3000)  # ticks with the clock
    assert abs(shown() - datetime.now(PLATFORM_TZ)) < timedelta(seconds=2)


# --- the import dialog's zone box ------------------------------------------------------------------


def open_import(qtbot, window, path):
    dialog = window.importer.open(str(path))
    qtbot.waitSignal(dialog.finishedReading, timeout=10_000).wait()
    return dialog


def test_the_import_dialog_reads_the_zone_with_the_same_parser(qtbot, window):
    dialog = open_import(qtbot, window, FIXTURES / "lab_readings_wide.csv")
    with qtbot.waitSignal(dialog.finishedReading, timeout=10_000):
        type_zone(qtbot, dialog.zone_combo, "UTC+8")
    assert dialog.preview_model.index(0, 0).data() == "2026-11-02T08:30:00"
    type_zone(qtbot, dialog.zone_combo, "Asia")  # main: IsADirectoryError in the slot
    assert "not a time zone yet" in dialog.zone_combo.reason_label.text()
    assert dialog.zone_combo.reason_label.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()


# --- Why 4: the import dialog remembers the zone and says how the times will appear ---------------------


def test_the_import_dialog_remembers_the_zone_last_imported_with(qtbot, window, tmp_path):
    dialog = open_import(qtbot, window, FIXTURES / "lab_readings_wide.csv")
    with qtbot.waitSignal(dialog.finishedReading, timeout=10_000):
        type_zone(qtbot, dialog.zone_combo, "America/New_York")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    again = open_import(qtbot, window, FIXTURES / "lab_readings_long.csv")
    assert again.zone_combo.currentText() == "America/New_York"  # main: the computer's zone again
    assert "America/New_York" in again.zone_note.text() and "last import" in again.zone_note.text()


def test_the_import_dialog_says_how_the_files_times_appear_and_offers_the_files_zone(qtbot, window):
    type_zone(qtbot, window.editor.zone_combo, "UTC")
    dialog = open_import(qtbot, window, FIXTURES / "lab_readings_wide.csv")
    with qtbot.waitSignal(dialog.finishedReading, timeout=10_000):
        type_zone(qtbot, dialog.zone_combo, "Asia/Shanghai")
    note = dialog.editor_zone_note
    assert note.isVisibleTo(dialog)
    assert note.text() == ("08:30 in the file shows as 00:30 in the table, because the editor shows times in UTC.")
    button = dialog.show_in_zone_button
    assert button.isVisibleTo(dialog) and button.text() == "Show the editor in Asia/Shanghai"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.zone_combo.currentText() == "Asia/Shanghai"
    assert at_header(window) == "at (Asia/Shanghai)"
    assert not note.isVisibleTo(dialog) and not button.isVisibleTo(dialog)  # the zones agree now

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.model.index(0, window.model.AT).data() == "2026-11-02 08:30:00"  # as in the file


@pytest.mark.parametrize(
    ("cell", "note", "offered"),
    [
        ("2026-11-02T08:30:00+02:00", "08:30 in the file shows as 06:30 in the table", "UTC+02:00"),
        ("2026-11-02T23:30:00Z", "2026-11-02 23:30 in the file shows as 2026-11-03 07:30 in the table", "UTC"),
        ("1793500200", "", ""),  # a Unix time: the file shows a number, no clock to compare
    ],
)
def test_times_that_give_their_zone_are_compared_with_the_editors(qtbot, window, tmp_path, cell, note, offered):
    path = tmp_path / "stated.csv"
    path.write_text(f"time,t\n{cell},1\n", encoding="utf-8")
    editor_zone = "UTC" if offered != "UTC" else "Asia/Shanghai"
    type_zone(qtbot, window.editor.zone_combo, editor_zone)
    dialog = open_import(qtbot, window, path)
    assert dialog.editor_zone_note.isVisibleTo(dialog) is bool(note)
    if note:
        assert dialog.editor_zone_note.text().startswith(note)
        assert dialog.show_in_zone_button.text() == f"Show the editor in {offered}"


def test_a_zone_the_file_states_is_not_remembered_for_the_next_file(qtbot, window, tmp_path):
    window.settings.import_zone = "Europe/Berlin"
    path = tmp_path / "stated.csv"
    path.write_text('"Date Time, GMT+00:00",t\n2026-11-02 08:30,1\n', encoding="utf-8")
    dialog = open_import(qtbot, window, path)
    assert dialog.zone_combo.currentText() == "Europe/Berlin"  # offered, but the header's zone is used
    assert "from the header" in dialog.detected_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.settings.import_zone == "Europe/Berlin"


def test_a_remembered_zone_that_is_no_zone_here_is_said_not_used_silently(qtbot, make_window, settings_path):
    from PySide6.QtCore import QSettings

    QSettings(settings_path, QSettings.Format.IniFormat).setValue("editor/time_zone", "Mars/Olympus")
    window = make_window()  # the fixture then types Asia/Shanghai, as a user would
    assert window.statusBar().currentMessage() == (
        "The remembered time zone is not used: “Mars/Olympus” is not a time zone: type a name like Asia/Shanghai "
        "or an offset like UTC+8. Times are shown in UTC."
    )
