"""The import dialog's Sheet box: the sheet a person sees on opening the workbook is read, hidden sheets are said
and can still be chosen (a fresh tester's `hidden_first.xlsx`, session 8, finding 3). Expected `at`s are platform
time, UTC+8, worked out by hand."""

from __future__ import annotations

from pathlib import Path

from ..workbooks import hide, rewrite_workbook_xml
from .import_dialogs import import_points, reread

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def preview_texts(dialog) -> list[list[str]]:
    model = dialog.preview_model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def sheet_items(dialog) -> list[str]:
    return [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())]


def test_the_sheet_shown_on_opening_is_read_and_the_hidden_one_is_marked(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "hidden_first.xlsx", zone="Europe/Berlin")
    assert sheet_items(dialog) == ["Shown on opening: current", "old (hidden)", "current"]
    # "current": 2026-12-07 08:00 in Berlin (UTC+1 in December) = 07:00 UTC = 15:00 at UTC+8
    assert preview_texts(dialog) == [["2026-12-07T15:00:00", "1"]]
    assert "hidden sheets, not read: 'old'" in dialog.detected_label.text()
    assert import_points(qtbot, dialog, rows) == {"v": [("2026-12-07T15:00:00", 1)]}


def test_a_hidden_sheet_chosen_in_the_box_is_read_and_said_hidden(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "hidden_first.xlsx", zone="Europe/Berlin")
    reread(qtbot, dialog, lambda: dialog.sheet_combo.setCurrentIndex(1))  # "old (hidden)"
    assert dialog.sheet_combo.currentText() == "old (hidden)"  # the list stays as it was
    # "old": 2020-01-01 00:00 in Berlin (UTC+1) = 2019-12-31 23:00 UTC = 2020-01-01 07:00 at UTC+8
    assert preview_texts(dialog) == [["2020-01-01T07:00:00", "999"]]
    assert "sheet “old” (chosen; it is a hidden sheet" in dialog.detected_label.text()
    assert import_points(qtbot, dialog, rows) == {"v": [("2020-01-01T07:00:00", 999)]}


def test_the_active_sheet_is_read_when_it_is_not_the_first(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "active_second_sheet.xlsx", zone="Europe/Berlin")
    assert sheet_items(dialog) == ["Shown on opening: Tuesday", "Monday", "Tuesday", "Wednesday"]
    # Tuesday: 2026-12-01 09:30 in Berlin (UTC+1) = 08:30 UTC = 16:30 at UTC+8
    assert import_points(qtbot, dialog, rows) == {"temp": [("2026-12-01T16:30:00", 21.25)]}


def test_a_workbook_without_a_visible_sheet_is_refused_and_its_sheets_offered(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "all_hidden.xlsx"
    path.write_bytes((FIXTURES / "hidden_first.xlsx").read_bytes())
    rewrite_workbook_xml(path, hide("current"))
    dialog, rows = open_import_dialog(path, zone="Europe/Berlin")
    assert "No sheet of the workbook is visible (hidden: 'old', 'current')" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.sheet_combo.isVisibleTo(dialog)
    assert sheet_items(dialog) == ["No visible sheet: choose one", "old (hidden)", "current (hidden)"]
    reread(qtbot, dialog, lambda: dialog.sheet_combo.setCurrentIndex(2))
    # "current": 2026-12-07 08:00 in Berlin (UTC+1) = 15:00 at UTC+8
    assert import_points(qtbot, dialog, rows) == {"v": [("2026-12-07T15:00:00", 1)]}
