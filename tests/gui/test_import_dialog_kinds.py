"""The import dialog on files whose `level` column changes kind below the first 1,000 rows (answers in
tests/unit/test_kind_all_rows.py): the kind box, the decision, the rows not imported and what is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from gui.onenet.readings import ValueKind

from .import_dialogs import import_points

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LEVEL = 3  # the column's index


def imported_level(qtbot, dialog, rows) -> list[tuple[str | None, object]]:
    return import_points(qtbot, dialog, rows).get("level", [])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_numbers_below_the_first_rows_make_the_column_numbers_and_the_texts_are_listed(
    qtbot, open_import_dialog, suffix
):
    dialog, rows = open_import_dialog(FIXTURES / f"kind_text_then_numbers{suffix}", zone="UTC")
    combo = dialog.columns_table.cellWidget(LEVEL, dialog.COL_KIND)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Automatic: number"
    assert "column 'level': numbers, decided on all its rows: row 1012 holds 2" in dialog.detected_label.text()
    assert dialog.problems_box.title() == "Problems: 1,010 rows not imported, 0 warnings"
    first = dialog.problems_list.item(0).text()
    assert first.startswith("Row 2, level “OVER”: 'OVER' is not a number")
    assert dialog.import_button.text() == "&Import 60 datapoints"
    level = imported_level(qtbot, dialog, rows)
    assert level[:2] == [("2026-11-03T00:50:00", 2), ("2026-11-03T00:51:00", 3.75)]
    assert len(level) == 20 and not [v for _, v in level if isinstance(v, str)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_kind_box_reads_the_column_as_text_then_every_cell_is_text(qtbot, open_import_dialog, suffix):
    dialog, rows = open_import_dialog(FIXTURES / f"kind_text_then_numbers{suffix}", zone="UTC")
    combo = dialog.columns_table.cellWidget(LEVEL, dialog.COL_KIND)
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        combo.setCurrentIndex(combo.findData(ValueKind.TEXT))
    assert dialog.import_result.rows_rejected == 0 and "decided on all its rows" not in dialog.detected_label.text()
    level = imported_level(qtbot, dialog, rows)
    assert len(level) == 1030 and level[1010] == ("2026-11-03T00:50:00", "2")
    assert all(isinstance(v, str) for _, v in level)


def test_texts_below_the_first_rows_of_numbers_are_listed(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "kind_numbers_then_text.xlsx", zone="UTC")
    combo = dialog.columns_table.cellWidget(LEVEL, dialog.COL_KIND)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Automatic: number"
    assert dialog.problems_box.title() == "Problems: 20 rows not imported, 0 warnings"
    assert dialog.problems_list.item(0).text().startswith("Row 1012, level “LOW”: 'LOW' is not a number")
    level = imported_level(qtbot, dialog, rows)
    assert len(level) == 1010 and not [v for _, v in level if isinstance(v, str)]
