"""Files R's `write.csv` writes (a fresh tester's, session 8; the `send` answers are in
tests/unit/test_import_row_index_fresh8.py) in the import dialog, driven through its widgets: the unnamed first
column of row numbers is a row index, left out with the reason, never the value column of a long layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from gui.data.importers import Layout, Role

from .import_dialogs import import_points, reread

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INDEX_NOTE = "not imported: a row index (the first column, counting up by one)"


def roles(dialog) -> list[Role]:
    table = dialog.columns_table
    out = []
    for r in range(table.rowCount()):
        combo = table.cellWidget(r, dialog.COL_ROLE)
        assert isinstance(combo, QComboBox)
        out.append(combo.currentData())
    return out


def test_an_r_export_is_read_wide_with_its_row_numbers_left_out(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "r_export_samples.csv")
    # before: "Automatic: long", column 1 -> value, 'sample' not imported, "Import 10 datapoints" (the row numbers
    # under 'pass' and 'fail')
    assert dialog.layout_combo.itemText(0) == "Automatic: wide"
    assert roles(dialog) == [Role.SKIP, Role.VALUE, Role.TIME, Role.VALUE, Role.VALUE]
    assert dialog.columns_table.item(0, dialog.COL_NOTE).text() == INDEX_NOTE
    assert dialog.problems_box.title() == "Problems: none"
    assert dialog.import_button.text() == "&Import 30 datapoints"
    got = import_points(qtbot, dialog, rows)
    # by hand: `start` is the time (the computer's zone, Asia/Shanghai, is the platform's: as written)
    ats = [f"2026-11-02T{h:02}:00:00" for h in range(8, 18)]
    results = ["pass", "fail", "fail", "pass", "pass", "fail", "pass", "pass", "fail", "pass"]
    assert got["result"] == list(zip(ats, results, strict=True))
    assert got["sample"] == list(zip(ats, [f"S-{c}{n}" for c in "ABCDE" for n in (1, 2)], strict=True))
    assert got["end"] == [(at, f"2026-11-02 {h:02}:50:00") for at, h in zip(ats, range(8, 18), strict=True)]
    assert list(got) == ["sample", "end", "result"]


def test_ggplot2_presidential_is_read_wide_with_its_row_numbers_left_out(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "r_ggplot2_presidential.csv")
    assert dialog.layout_combo.itemText(0) == "Automatic: wide"
    assert roles(dialog) == [Role.SKIP, Role.VALUE, Role.TIME, Role.VALUE, Role.VALUE]
    assert dialog.columns_table.item(0, dialog.COL_NOTE).text() == INDEX_NOTE
    got = import_points(qtbot, dialog, rows)
    assert list(got) == ["name", "end", "party"]  # before: 'Republican' and 'Democratic', the row numbers
    assert got["party"][0] == ("1953-01-20T00:00:00", "Republican")
    assert got["party"][-1] == ("2001-01-20T00:00:00", "Republican")
    assert [v for _, v in got["name"]][:3] == ["Eisenhower", "Kennedy", "Johson"]


def test_long_chosen_for_an_r_export_never_takes_the_row_numbers_as_values(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "labels.csv"
    rows = ['"1","a",2026-11-02 08:00', '"2","b",2026-11-02 09:00', '"3","a",2026-11-02 10:00']
    path.write_text("\n".join(['"","station","time"', *rows]) + "\n")
    dialog, _ = open_import_dialog(path)
    combo = dialog.layout_combo
    reread(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(Layout.LONG)))
    # the only column left for the value is the row index: refused with what to do, nothing to import
    assert "The long layout needs a datastream column and a value column" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
