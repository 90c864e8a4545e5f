"""The import dialog on a fresh tester's files whose values reached the platform wrong (session 6; the `send`
answers are in tests/unit/test_import_values_fresh6.py): what it asks, what it says and what it imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gui.data.importers import DateOrder

from .import_dialogs import import_points

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def imported(qtbot, dialog, rows) -> dict[str, list[object]]:
    """The values imported, per datastream."""
    return {stream: [value for _, value in points] for stream, points in import_points(qtbot, dialog, rows).items()}


def test_numbers_that_read_two_ways_are_asked_with_both_readings_then_the_choice_decides(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "decimal_unsure_quoted_comma.csv", zone="UTC")
    assert (
        "Column 'flow': '1,234' is 1.234 with a decimal comma or 1234 with a decimal point"
        in dialog.summary_label.text()
    )
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData(","))
    assert dialog.import_button.isEnabled()
    values = imported(qtbot, dialog, rows)["flow"]
    assert values == [1.234, 2.5, 3.125] and all(isinstance(v, float) for v in values)


def test_the_decimal_reading_taken_from_the_file_is_said_under_how(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "decimal_de_thousands.csv", zone="UTC")
    assert "column 'Druck': '1.013' read as 1013, a decimal comma ('21,5' in column 'Temperatur')" in (
        dialog.detected_label.text()
    )
    assert imported(qtbot, dialog, rows)["Druck"] == [1013, 1014, 1012]


def test_values_under_a_header_without_a_name_wait_for_an_id_or_for_the_column_to_be_left_out(
    qtbot, open_import_dialog, tmp_path
):
    path = tmp_path / "unnamed.csv"
    path.write_text("time,,temp\n2026-12-07T08:00:00Z,A1,1.5\n2026-12-07T08:01:00Z,A2,2.5\n", encoding="utf-8")
    dialog, rows = open_import_dialog(path, zone="UTC")
    assert "Column 2 has values but no header name, so no datastream id" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        dialog.set_stream_id(1, "code")
    assert dialog.import_button.isEnabled()
    assert imported(qtbot, dialog, rows) == {"code": ["A1", "A2"], "temp": [1.5, 2.5]}


def test_long_layout_no_reading_texts_of_a_number_stream_are_not_imported(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "long_numbers_na_err.csv", zone="UTC")
    assert "no reading: 'ERR', 'NA' among numbers (skipped, never sent)" in dialog.detected_label.text()
    assert imported(qtbot, dialog, rows) == {"templong3": [21.5, 21.8]}


def test_a_row_cut_inside_a_quote_is_listed_and_not_imported(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "cut_inside_quote.csv", zone="UTC")
    assert dialog.problems_list.item(0).text() == (
        "Row 3, temp “2.5”: the quoted cell is not closed: the file may be cut short (the whole row is not imported)"
    )
    assert imported(qtbot, dialog, rows) == {"temp": [1.5]}


def test_a_nameless_column_of_separators_is_not_imported_and_says_why(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "uci_air_quality_head_junk_column.csv", zone="UTC")
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        dialog.order_combo.setCurrentIndex(dialog.order_combo.findData(DateOrder.DMY))
    assert "not imported: ',,,,,' (no header and no readings in the first 5 rows, only ',')" in (
        dialog.detected_label.text()
    )
    got = imported(qtbot, dialog, rows)
    assert "stream" not in got and len(got) == 13 and got["CO_GT"][0] == 2.6


def test_full_width_numbers_are_imported_as_the_numbers_meant(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(FIXTURES / "numbers_full_width.csv", zone="UTC")
    assert (
        "column '温度': full-width characters read as half-width ('２１．５' is 21.5)" in dialog.detected_label.text()
    )
    assert imported(qtbot, dialog, rows) == {"温度": [21.5, 21.7, -3, 22.1]}


def test_a_column_without_a_header_name_is_shown_by_its_number_in_the_users_language(qtbot, open_import_dialog):
    from gui import i18n

    i18n.set_language("zh_CN")
    try:
        dialog, _rows = open_import_dialog(FIXTURES / "uci_air_quality_head_junk_column.csv", zone="UTC")
        names = [dialog.columns_table.item(r, dialog.COL_NAME).text() for r in range(dialog.columns_table.rowCount())]
        model = dialog.preview_model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    finally:
        i18n.set_language("en")
    assert names[15] == "第 16 列" and names[14] == "AH" and names[16] == ",,,,,"
    # the preview's header names it as the table does (was: `column 16` in English above the preview)
    assert headers[15].split("\n")[0] == "第 16 列" and headers[14].split("\n")[0] == "AH"


def test_a_column_without_a_header_name_is_said_in_chinese_on_the_command_line(capsys):
    from gui import i18n
    from gui.app import main

    try:
        main(["--lang", "zh_CN", "send", str(FIXTURES / "uci_air_quality_head_junk_column.csv"), "--dry-run",
              "--source-tz", "UTC"])  # fmt: skip
    finally:
        i18n.set_language("en")
    err = capsys.readouterr().err
    assert "不导入 第 16 列：" in err  # its 16th column has no header
    assert "column 16" not in err  # was: `不导入 'column 16'`


def test_number_cells_and_text_cells_that_disagree_about_the_decimal_mark_are_asked(qtbot, open_import_dialog):
    # LibreOffice with English settings kept 1.013 and 1.011 as numbers and '1.012,5' as text (session 8): the
    # text's decimal comma would make 1.013 read 1013, so neither reading is taken (before: 1.013, 1012.5, 1.011)
    dialog, _rows = open_import_dialog(FIXTURES / "decimal_mixed_locale_de.xlsx", zone="Europe/Berlin")
    asked = (
        "Column 'Druck': its number cells and its text cells disagree about the decimal mark: the text '1.012,5' "
        "has a decimal comma, with which the number 1.013 would be 1013"
    )
    assert asked in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finishedReading, timeout=20_000):
        dialog.decimal_combo.setCurrentIndex(dialog.decimal_combo.findData(","))
    assert asked in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()


def test_the_same_sheet_as_csv_is_read_with_its_decimal_comma(qtbot, open_import_dialog):
    # the CSV the .xlsx was made from: every cell is text, `1.012,5` tells the comma, so 1.013 -> 1013
    dialog, rows = open_import_dialog(FIXTURES / "decimal_mixed_locale_de.csv", zone="Europe/Berlin")
    assert dialog.import_button.isEnabled()
    values = imported(qtbot, dialog, rows)
    assert values["Druck"] == [1013, 1012.5, 1011]
    assert values["Temperatur"] == [21.5, 22, 22.25]
