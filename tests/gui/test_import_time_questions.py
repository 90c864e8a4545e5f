"""The import dialog asks what a file's times cannot say (a fresh tester's files, session 6): the date order of
two-digit years, the date of times of day, the zone behind `CET` in summer; it refuses empty time cells and
repeated wall-clock times it cannot tell apart. Expected times (platform time, UTC+8) are worked out by hand."""

from __future__ import annotations

from pathlib import Path

from gui.data.importers import DateOrder, MissingTime

from .import_dialogs import import_points, reread

TIMES = Path(__file__).resolve().parents[1] / "fixtures" / "times"


def import_rows(qtbot, dialog, rows):
    """Import the file's one datastream: its (at, value) pairs."""
    (points,) = import_points(qtbot, dialog, rows).values()
    return points


def problems(dialog) -> list[str]:
    return [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]


def test_two_digit_years_ask_the_order_showing_each_reading_that_fits(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(TIMES / "yymmdd_send.csv")
    assert dialog.import_result.needs_date_order and not dialog.import_button.isEnabled()
    note = dialog.order_note.text()
    # 26-12-07 08:30: 26 December 2007 day first, 7 December 2026 year first; month first fits no date
    assert "2007-12-26 08:30 (day first), 2026-12-07 08:30 (two-digit year first)" in note
    assert "month first" not in note
    combo = dialog.order_combo
    reread(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(DateOrder.YMD)))
    assert not dialog.order_note.isVisible() and dialog.import_button.isEnabled()
    assert import_rows(qtbot, dialog, rows) == [("2026-12-07T08:30:00", 1), ("2026-12-08T08:30:00", 2)]


def test_an_empty_time_cell_is_refused_by_default_not_stamped_now(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(TIMES / "empty_time_cell.csv")
    assert dialog.missing_time_combo.currentData() is None
    assert dialog.missing_time_combo.itemText(0) == "Automatic: refuse"
    assert any(p.startswith("Row 3, time: no time: the time cell is empty") for p in problems(dialog))
    # 08:00Z and 08:02Z are 16:00 and 16:02 in UTC+8; the row without a time is not imported
    assert import_rows(qtbot, dialog, rows) == [("2026-01-05T16:00:00", 21.5), ("2026-01-05T16:02:00", 21.7)]


def test_stamping_rows_without_a_time_is_the_users_choice(qtbot, open_import_dialog):
    dialog, _ = open_import_dialog(TIMES / "empty_time_cell.csv")
    combo = dialog.missing_time_combo
    reread(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(MissingTime.PLATFORM)))
    assert dialog.import_result.rows_rejected == 0 and len(dialog.import_result) == 3


def test_times_of_day_alone_ask_for_the_date_of_the_first_row(qtbot, open_import_dialog):
    dialog, rows = open_import_dialog(TIMES / "timeonly_midnight.csv", zone="UTC")
    assert dialog.import_result.needs_date and not dialog.import_button.isEnabled()
    assert dialog.time_box.isVisible() and dialog.first_date_edit.isVisible()
    assert "“Time” holds times of day only and the file gives no date" in dialog.time_note.text()

    def type_date() -> None:
        dialog.first_date_edit.setText("2026-11-30")
        dialog.first_date_edit.editingFinished.emit()

    reread(qtbot, dialog, type_date)
    assert dialog.import_button.isEnabled()
    # 23:58 UTC on 30 November is 07:58 on 1 December in UTC+8; 00:00 after 23:59 is the next day's
    assert [at for at, _ in import_rows(qtbot, dialog, rows)] == [
        "2026-12-01T07:58:00",
        "2026-12-01T07:59:00",
        "2026-12-01T08:00:00",
        "2026-12-01T08:01:00",
    ]


def test_a_lone_repeated_wall_clock_time_is_not_imported_and_names_both_offsets(qtbot, open_import_dialog):
    dialog, _ = open_import_dialog(TIMES / "berlin_ambiguous_one.csv", zone="Europe/Berlin")
    assert dialog.import_result.rows_rejected == 1 and len(dialog.import_result) == 0
    assert not dialog.import_button.isEnabled()
    (text,) = problems(dialog)
    assert "happens twice in Europe/Berlin" in text and "+02:00 for the first occurrence or +01:00" in text


def test_cet_over_summer_dates_is_asked_like_cst(qtbot, open_import_dialog, tmp_path):
    path = tmp_path / "july.csv"
    path.write_text("Time [CET],v\n2026-07-15 13:00,1\n", encoding="utf-8")
    dialog, rows = open_import_dialog(path)
    assert dialog.import_result.zone_question and not dialog.import_button.isEnabled()
    assert "says CET, which can mean UTC+01:00" in dialog.time_note.text()
    assert "Europe/Berlin (CET in winter, CEST in summer)" in dialog.time_note.text()
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Europe/Berlin"))
    # 13:00 CEST (UTC+2) is 11:00 UTC, 19:00 in UTC+8
    assert import_rows(qtbot, dialog, rows) == [("2026-07-15T19:00:00", 1)]


def test_newest_first_rows_across_the_autumn_change_are_refused_when_the_order_cannot_tell(qtbot, open_import_dialog):
    # 02:40, 02:20 newest first fit both summer, both winter, or winter then summer: both refused; 01:50 is
    # CEST only: 23:50Z on the 24th, 07:50 on the 25th in UTC+8
    dialog, rows = open_import_dialog(TIMES / "berlin_fallback_newest3.csv", zone="Europe/Berlin")
    assert dialog.import_result.rows_rejected == 2 and len(dialog.import_result) == 1
    twice = "happens twice in Europe/Berlin (the clocks went back) and the rows around it do not tell which"
    said = problems(dialog)
    assert len(said) == 2
    for text, (row, at) in zip(said, ((2, "02:40"), (3, "02:20")), strict=True):
        assert text.startswith(f"Row {row}, time “2026-10-25 {at}”: 2026-10-25 {at}:00 {twice}")
        assert "+02:00 for the first occurrence or +01:00 for the second" in text
    assert import_rows(qtbot, dialog, rows) == [("2026-10-25T07:50:00", 1)]


def test_newest_first_rows_that_jump_forward_in_the_repeated_hour_import_mirrored(qtbot, open_import_dialog):
    # 03:30, 03:00 CET; 02:30, 02:00 CET; the jump forward; 02:30, 02:00, 01:30 CEST: 02:30Z … 23:30Z, +8 h
    dialog, rows = open_import_dialog(TIMES / "berlin_fallback_newest.csv", zone="Europe/Berlin")
    assert dialog.import_result.rows_rejected == 0
    assert [at for at, _ in import_rows(qtbot, dialog, rows)] == [
        "2026-10-25T10:30:00",
        "2026-10-25T10:00:00",
        "2026-10-25T09:30:00",
        "2026-10-25T09:00:00",
        "2026-10-25T08:30:00",
        "2026-10-25T08:00:00",
        "2026-10-25T07:30:00",
    ]


def test_cst_in_the_time_cells_is_asked_like_a_header_cst(qtbot, open_import_dialog):
    # `date`'s layout, `Mon Dec  7 09:00:00 CST 2026`: China, US Central or Cuba? 09:00 in China (UTC+8) is
    # 01:00Z, 09:00 in platform time
    dialog, rows = open_import_dialog(TIMES / "date_cst.csv", zone="UTC")
    assert dialog.import_result.zone_question and not dialog.import_button.isEnabled()
    assert "The time column says CST, which can mean Asia/Shanghai (China, UTC+8)" in dialog.time_note.text()
    assert not any("empty" in p for p in problems(dialog))
    reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText("Asia/Shanghai"))
    assert import_rows(qtbot, dialog, rows) == [("2026-12-07T09:00:00", 1)]
