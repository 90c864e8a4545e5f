"""Times the importer cannot be sure of are asked or refused, never guessed (a fresh tester's files, session 6).

Each file goes through `send --dry-run` as a user runs it; the expected `at` (platform time, UTC+8)
is worked out by hand in each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_REJECTED, EXIT_USAGE

from ..dry_runs import dry_run

TIMES = Path(__file__).resolve().parents[1] / "fixtures" / "times"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def send(capsysbinary, path: Path, *extra: str) -> tuple[int, list[tuple[str, str | None, object]], str]:
    """`send PATH --dry-run …`: (exit status, [(stream, at, value)] of every body printed, stderr)."""
    code, streams, err = dry_run(capsysbinary, path, *extra)
    return code, [(stream, at, value) for stream, points in streams.items() for at, value in points], err


# --- 1. two-digit years: year first is as valid a reading as day first -----------------------------------


def test_two_digit_years_that_fit_day_first_and_year_first_are_asked_naming_both_values(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "yymmdd_send.csv", "--source-tz", "Asia/Shanghai")
    assert code == EXIT_USAGE and points == []
    # 26-12-07 08:30: day first is 26 December 2007, year first 7 December 2026; month first fits no cell
    assert "26-12-07 08:30 is 2007-12-26 08:30 with --date-order dmy, 2026-12-07 08:30 with --date-order ymd" in err
    assert "pass --date-order dmy or ymd" in err


def test_two_digit_years_that_fit_all_three_orders_offer_all_three(capsysbinary):
    code, _, err = send(capsysbinary, TIMES / "ddmmyy.csv", "--source-tz", "Asia/Shanghai")
    assert code == EXIT_USAGE
    assert (
        "07-12-26 08:30 is 2026-12-07 08:30 with --date-order dmy, 2026-07-12 08:30 with --date-order mdy, "
        "2007-12-26 08:30 with --date-order ymd"
    ) in err


def test_the_year_first_answer_reads_the_dates_as_yy_mm_dd(capsysbinary):
    _, points, err = send(capsysbinary, TIMES / "yymmdd_send.csv", "--source-tz", "UTC", "--date-order", "ymd")
    # 2026-12-07 08:30 UTC is 16:30 in platform time (UTC+8)
    assert points == [("yyv", "2026-12-07T16:30:00", 1), ("yyv", "2026-12-08T16:30:00", 2)]
    assert "format yy-mm-dd (two-digit year first)" in err and "order: yy-mm-dd (chosen)" in err


def test_when_only_one_order_fits_every_two_digit_date_it_is_taken_and_said(capsysbinary, tmp_path):
    path = tmp_path / "logger.csv"
    # 99-01-15: 99 is no day and no month, so only year first (1999-01-15) fits
    path.write_text("time,v\n99-01-15 08:00,1\n99-01-16 08:00,2\n", encoding="utf-8")
    _, points, err = send(capsysbinary, path, "--source-tz", "UTC")  # exit 1: "before 2000" is warned about
    assert points == [("v", "1999-01-15T16:00:00", 1), ("v", "1999-01-16T16:00:00", 2)]
    assert "only year-month-day (two-digit year first) gives a valid date in every row read" in err


def test_four_digit_years_are_still_told_apart_by_a_day_above_12(capsysbinary, tmp_path):
    path = tmp_path / "dmy.csv"
    path.write_text("time,v\n26/12/2025 08:00,1\n", encoding="utf-8")
    code, points, _ = send(capsysbinary, path, "--source-tz", "UTC")
    assert code == EXIT_OK and points == [("v", "2025-12-26T16:00:00", 1)]


# --- 2. an empty time cell is a rejected row, like `--` --------------------------------------------------


def test_an_empty_time_cell_is_a_rejected_row_like_a_dash(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "empty_time_cell.csv")
    assert code == EXIT_REJECTED
    # the January readings, 08:00Z and 08:02Z, are 16:00 and 16:02 in platform time; 99.9 has no time
    assert points == [("temp", "2026-01-05T16:00:00", 21.5), ("temp", "2026-01-05T16:02:00", 21.7)]
    assert "rejected: row 3, time: no time: the time cell is empty" in err
    code, _, err = send(capsysbinary, TIMES / "dash_time_cell.csv")
    assert code == EXIT_REJECTED and "rejected: row 3, time: '--'" in err


def test_stamping_time_less_rows_is_an_explicit_choice(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "empty_time_cell.csv", "--missing-time", "platform")
    assert code == EXIT_OK
    assert ("temp", None, 99.9) in points  # sent without at: the platform stamps it on arrival
    assert "warning: row 3, time: no time: sent without at (the platform stamps it)" in err


# --- 3. times of day without a date: the date is asked, never today's ---------------------------------------


def test_times_of_day_without_a_date_are_refused_naming_the_date_option(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "timeonly2.csv", "--source-tz", "Asia/Shanghai")
    assert code == EXIT_USAGE and points == []
    assert "column 'Time' holds times of day only and the file gives no date: pass --date YYYY-MM-DD" in err
    assert "dated today" not in err


def test_the_date_given_dates_the_first_row_and_midnight_starts_the_next_day(capsysbinary):
    code, points, err = send(
        capsysbinary, TIMES / "timeonly_midnight.csv", "--source-tz", "UTC", "--date", "2026-11-30"
    )
    assert code == EXIT_OK
    # 23:58 and 23:59 UTC on 30 November are 07:58 and 07:59 on 1 December in UTC+8; 00:00 UTC after 23:59 is
    # 1 December, 08:00 in UTC+8 (never 30 November again)
    assert [at for _, at, _ in points] == [
        "2026-12-01T07:58:00",
        "2026-12-01T07:59:00",
        "2026-12-01T08:00:00",
        "2026-12-01T08:01:00",
    ]
    assert "row 4, Time: the time of day went back from 23:59:00 to 00:00:00: read as the next day, 2026-12-01" in err


def test_a_date_that_is_not_yyyy_mm_dd_is_a_usage_error(capsysbinary):
    with pytest.raises(SystemExit) as exit_:
        main(["send", str(TIMES / "timeonly2.csv"), "--dry-run", "--source-tz", "UTC", "--date", "7.12.2026"])
    assert exit_.value.code == EXIT_USAGE
    assert "'7.12.2026' is not a date written YYYY-MM-DD" in capsysbinary.readouterr().err.decode()


# --- 4. a wall-clock time that happens twice: worked out from the order, or refused naming both offsets ------


def test_a_lone_repeated_time_is_a_rejected_row_naming_both_offsets(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "berlin_ambiguous_one.csv", "--source-tz", "Europe/Berlin")
    assert code == EXIT_REJECTED and points == []
    assert (
        "rejected: row 2, Zeit: 2026-10-25 02:30:00 happens twice in Europe/Berlin (the clocks went back) and the "
        "rows around it do not tell which: write its offset after the time in the file, +02:00 for the first "
        "occurrence or +01:00 for the second"
    ) in err


def test_the_offset_written_after_the_time_settles_it(capsysbinary, tmp_path):
    path = tmp_path / "settled.csv"
    path.write_text("Zeit;Temperatur\n25.10.2026 02:30 +01:00;12,5\n", encoding="utf-8")
    code, points, _ = send(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # 02:30 at +01:00 is 01:30 UTC, 09:30 in platform time
    assert code == EXIT_OK and points == [("Temperatur", "2026-10-25T09:30:00", 12.5)]


def test_a_repeated_time_in_new_york_is_refused_too(capsysbinary):
    code, points, err = send(
        capsysbinary, TIMES / "ny.csv", "--source-tz", "America/New_York", "--date-order", "mdy", "--skip-rejected"
    )
    # 01:30 on 1 November 2026 happens twice in New York (EDT -04:00, then EST -05:00): refused; 02:30 on 8 March
    # does not exist; 00:30 EDT is 04:30 UTC, 12:30 in UTC+8; 02:30 EST is 07:30 UTC, 15:30 in UTC+8
    assert "row 3, timestamp: 2026-11-01 01:30:00 happens twice in America/New_York" in err
    assert "-04:00 for the first occurrence or -05:00 for the second" in err
    assert points == [("flow", "2026-11-01T12:30:00", 1), ("flow", "2026-11-01T15:30:00", 3)]
    assert code == EXIT_OK  # --skip-rejected: the other rows are sent


def test_a_logger_across_the_change_is_still_worked_out_from_the_order(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "berlin_fallback_seq.csv", "--source-tz", "Europe/Berlin")
    assert code == EXIT_OK
    # 01:30 +02:00, 02:00 +02:00, 02:30 +02:00, then back: 02:00 +01:00, 02:30 +01:00, 03:00 +01:00
    # = 23:30, 00:00, 00:30, 01:00, 01:30, 02:00 UTC = 07:30 ... 10:00 in UTC+8
    assert [at for _, at, _ in points] == [
        "2026-10-25T07:30:00",
        "2026-10-25T08:00:00",
        "2026-10-25T08:30:00",
        "2026-10-25T09:00:00",
        "2026-10-25T09:30:00",
        "2026-10-25T10:00:00",
    ]
    assert "row 3, Zeit: 2026-10-25 02:00:00 happens twice" in err and "first occurrence, UTC+02:00" in err


# --- 5. CET / EST in a header over summer dates: the fixed offset or the region's clock? ---------------------


@pytest.mark.parametrize(("header", "zone"), [("Time [CET]", "CET"), ("Time (EST)", "EST"), ("Zeit (MEZ)", "MEZ")])
def test_a_standard_time_abbreviation_over_summer_dates_is_asked_like_cst(capsysbinary, tmp_path, header, zone):
    path = tmp_path / "july.csv"
    path.write_text(f"{header},v\n2026-07-15 13:00,1\n", encoding="utf-8")
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_USAGE and points == []
    assert f"send: the time column says {zone}, which can mean UTC" in err
    assert "pass --source-tz with the zone the times were written in" in err


def test_the_answer_to_cet_over_summer_dates_reads_the_local_clock(capsysbinary, tmp_path):
    path = tmp_path / "july.csv"
    path.write_text("Time [CET],v\n2026-07-15 13:00,1\n", encoding="utf-8")
    code, points, _ = send(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # 13:00 in Berlin in July is CEST, UTC+2: 11:00 UTC, 19:00 in platform time
    assert code == EXIT_OK and points == [("v", "2026-07-15T19:00:00", 1)]


def test_cet_over_winter_dates_is_its_fixed_offset_and_says_why(capsysbinary, tmp_path):
    path = tmp_path / "january.csv"
    path.write_text("Time (EST),v\n2026-01-15 13:00,1\n", encoding="utf-8")
    code, points, err = send(capsysbinary, path)
    # 13:00 EST (UTC-5) is 18:00 UTC, 02:00 the next day in platform time
    assert code == EXIT_OK and points == [("v", "2026-01-16T02:00:00", 1)]
    assert "every date read is outside summer time, so EST is UTC-05:00" in err


def test_a_summer_date_after_the_first_rows_is_rejected_not_read_as_winter(capsysbinary, tmp_path):
    path = tmp_path / "long.csv"
    rows = [f"2026-01-{1 + i // 96:02d} {i % 96 // 4:02d}:{i % 4 * 15:02d},{i}" for i in range(1200)]
    path.write_text("Time [CET],v\n" + "\n".join(rows) + "\n2026-07-15 13:00,9999\n", encoding="utf-8")
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_REJECTED and len(points) == 1200
    assert points[0] == ("v", "2026-01-01T07:00:00", 0)  # 00:00 at UTC+1 is 23:00 UTC, 07:00 in UTC+8
    assert "rejected: row 1202, Time [CET]: the header says CET, read as UTC+01:00" in err


# --- 6. Chinese AM/PM (上午/下午) and a workbook whose first sheet is a note ---------------------------------


def test_chinese_am_pm_times_are_read_like_am_pm(capsysbinary, tmp_path):
    code, points, _ = send(capsysbinary, TIMES / "zh_ampm.csv", "--source-tz", "Asia/Shanghai")
    # 上午 11:15 = 11:15, 下午 1:15 = 13:15, 下午 12:05 = 12:05 (noon); Beijing time is platform time
    assert code == EXIT_OK
    assert points == [
        ("温度", "2026-12-07T11:15:00", 1),
        ("温度", "2026-12-07T13:15:00", 2),
        ("温度", "2026-12-07T12:05:00", 3),
    ]
    path = tmp_path / "midnight.csv"
    path.write_text("时间,温度\n2026/12/7 上午 12:05:00,1\n", encoding="utf-8")
    code, points, _ = send(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    assert code == EXIT_OK and points == [("温度", "2026-12-07T00:05:00", 1)]  # 上午 12:05 is five past midnight


def test_a_first_sheet_without_data_names_the_other_sheets(capsysbinary):
    code, _, err = send(capsysbinary, TIMES / "twosheets.xlsx", "--source-tz", "Asia/Shanghai")
    assert code == EXIT_USAGE
    assert "Sheet 'Info' has a header row but no data rows below it. The workbook's other sheets: 'Data'" in err
    assert "--sheet NAME" in err
