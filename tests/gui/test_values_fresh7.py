"""A fresh tester's values in the window (session 7; the `send` answers are in tests/unit/test_import_values_fresh7.py):
codes with leading zeros and rows that leave off trailing empty fields in the import dialog, and a JSON object
naming a key twice typed in the editor. Driven through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QComboBox

from gui.onenet.readings import ValueKind
from gui.ui.colours import css
from gui.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BATCH = 1  # the column's index in fresh7_values.csv


@pytest.fixture
def pool():
    pool = QThreadPool()
    yield pool
    assert pool.waitForDone(10_000), "a worker was left running"


def open_dialog(qtbot, pool, path: Path) -> tuple[ImportDialog, list]:
    rows: list = []
    dialog = ImportDialog(path, rows.extend, pool, source_zone="UTC")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        dialog.show()
    return dialog, rows


def imported(qtbot, dialog, rows) -> dict[str, list[object]]:
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    out: dict[str, list[object]] = {}
    for row in rows:
        out.setdefault(row.stream_id, []).append(row.point.value)
    return out


def preview_column(dialog, column: int) -> list[str]:
    model = dialog.preview_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_codes_with_leading_zeros_are_text_in_the_dialog_and_the_kind_box_gives_numbers(qtbot, pool):
    dialog, rows = open_dialog(qtbot, pool, FIXTURES / "fresh7_values.csv")
    # before: "Automatic: number", the preview showed 12, 13, 100 and 12, 13, 100 were imported
    combo = dialog.columns_table.cellWidget(BATCH, dialog.COL_KIND)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Automatic: text"
    assert "column 'batch': text, not numbers: '0012' is written with leading zeros" in dialog.detected_label.text()
    assert preview_column(dialog, BATCH) == ["0012", "0013", "0100"]
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        combo = dialog.columns_table.cellWidget(BATCH, dialog.COL_KIND)
        combo.setCurrentIndex(combo.findData(ValueKind.NUMBER))
    assert "leading zeros" not in dialog.detected_label.text()
    assert imported(qtbot, dialog, rows)["batch"] == [12, 13, 100]


def test_codes_with_leading_zeros_are_imported_as_written(qtbot, pool):
    dialog, rows = open_dialog(qtbot, pool, FIXTURES / "fresh7_values.csv")
    assert imported(qtbot, dialog, rows)["batch"] == ["0012", "0013", "0100"]


def test_rows_that_leave_off_trailing_empty_fields_are_imported_and_counted(qtbot, pool):
    dialog, rows = open_dialog(qtbot, pool, FIXTURES / "distro_info_debian.csv")
    # before: "Problems: 15 rows not imported", each "the row has 6 cells but the table has 8 columns (cut short?)"
    assert (
        "15 rows with fewer cells than the header: the cells missing at their end are read as empty"
        in dialog.detected_label.text()
    )
    assert dialog.import_result.rows_rejected == 0
    assert len(imported(qtbot, dialog, rows)["codename"]) == 22


def test_ubuntu_short_rows_are_read_and_the_lts_versions_listed_as_problems(qtbot, pool):
    dialog, rows = open_dialog(qtbot, pool, FIXTURES / "distro_info_ubuntu.csv")
    assert "37 rows with fewer cells than the header" in dialog.detected_label.text()
    assert dialog.problems_box.title() == "Problems: 11 rows not imported, 0 warnings"
    assert dialog.problems_list.item(0).text().startswith("Row 5, version “6.06 LTS”: '6.06 LTS' is not a number")
    assert len(imported(qtbot, dialog, rows)["codename"]) == 33


def test_a_json_cell_naming_a_key_twice_is_a_problem_naming_the_key(qtbot, pool):
    dialog, rows = open_dialog(qtbot, pool, FIXTURES / "json_repeated_key.csv")
    assert (
        dialog.problems_list.item(0)
        .text()
        .startswith('Row 2, meta “{"x": 1, "x": 2}”: the JSON object names the key "x" more than once')
    )
    assert imported(qtbot, dialog, rows)["meta"] == [{"x": 3}]


def test_a_json_object_naming_a_key_twice_is_refused_in_the_editor_with_the_key(qtbot, window):
    editor = window.editor
    for kind in (ValueKind.AUTO, ValueKind.JSON):
        editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(kind))
        editor.stream_combo.setCurrentText("meta")
        editor.value_edit.clear()
        qtbot.keyClicks(editor.value_edit, '{"x": 1, "x": 2}')
        qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)
        # before: added, and sent as {"x":2}
        assert window.model.rowCount() == 0
        assert editor.value_message.text() == 'the JSON object names the key "x" more than once: write each key once'
        assert css("error") in editor.value_message.styleSheet() and not editor.add_button.isEnabled()
        assert editor.value_edit.text() == '{"x": 1, "x": 2}'  # nothing typed is lost
    editor.value_edit.clear()
    qtbot.keyClicks(editor.value_edit, '{"x": 1, "y": 2}')
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)
    (row,) = window.model.rows()
    assert row.point.value == {"x": 1, "y": 2}
