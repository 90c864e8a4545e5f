"""A zone abbreviation inside a time cell is read by the header's rule (`stated_zone`): one offset (`CEST`,
`JST`), or a region's standard time (`CET`) over a winter date, is that offset; an ambiguous one (`CST`) or
`CET` over a summer date is asked, as in a header (refused with that reason where the column's zone is another's),
never read in a guessed zone; and `date`'s layout
`Mon Dec  7 09:00:00 CST 2026` is read (a fresh tester's files, session 7: both were "the time cell is empty").

Worked out by hand: CET is UTC+01:00, CEST UTC+02:00; `at` on the wire is platform time, UTC+8.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE

from ..dry_runs import dry_run_points as send

TIMES = Path(__file__).resolve().parents[1] / "fixtures" / "times"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def test_cet_in_winter_cells_is_their_offset_and_states_the_zone(capsysbinary):
    # 2026-12-07 09:00 and 10:00 CET (+01:00) = 08:00Z, 09:00Z = 16:00, 17:00 in UTC+8; no --source-tz needed
    code, points, err = send(capsysbinary, TIMES / "cet_cell.csv")
    assert code == EXIT_OK
    assert points == [("2026-12-07T16:00:00", 1), ("2026-12-07T17:00:00", 2)]
    assert "source time zone: stated in each time" in err


def test_cst_in_date_layout_cells_is_asked_as_a_header_cst_is(capsysbinary):
    code, points, err = send(capsysbinary, TIMES / "date_cst.csv")
    assert code == EXIT_USAGE and points == []
    assert "empty" not in err
    assert (
        "send: the time column says CST, which can mean Asia/Shanghai (China, UTC+8) or America/Chicago (US Central, "
        "UTC-6) or America/Havana (Cuba, UTC-5): pass --source-tz with the zone the times were written in"
    ) in err


def test_the_zone_chosen_answers_cst_in_the_cells(capsysbinary):
    code, points, _ = send(capsysbinary, TIMES / "date_cst.csv", "--source-tz", "Asia/Shanghai")
    # Mon Dec  7 09:00:00 CST 2026 in China (UTC+8) is 01:00Z, 09:00 in platform time (UTC+8)
    assert code == EXIT_OK and points == [("2026-12-07T09:00:00", 1)]


def test_the_date_layout_with_a_zone_that_says_its_offset_is_read(capsysbinary, tmp_path):
    path = tmp_path / "date.csv"
    path.write_text("time,v\nMon Dec  7 09:00:00 CET 2026,1\nSun Jul 12 09:00:00 CEST 2026,2\n", encoding="utf-8")
    code, points, _ = send(capsysbinary, path)
    # 09:00 CET = 08:00Z = 16:00 (+8); 09:00 CEST on 12 July = 07:00Z = 15:00 (+8)
    assert code == EXIT_OK and points == [("2026-12-07T16:00:00", 1), ("2026-07-12T15:00:00", 2)]


def test_cet_on_a_summer_date_is_asked_as_the_header_would_be(capsysbinary, tmp_path):
    path = tmp_path / "july.csv"
    path.write_text("time,v\n2026-07-15 13:00 CET,1\n2026-12-07 13:00 CET,2\n", encoding="utf-8")
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_USAGE and points == []
    assert "the cells of 'time' say CET on dates such as 2026-07-15, in summer time" in err
    assert "send: the time column says CET, which can mean UTC+01:00 (CET all year" in err
    code, points, _ = send(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # 15 July 13:00 in Berlin is CEST (+02:00): 11:00Z, 19:00 (+8); 7 December 13:00 CET = 12:00Z = 20:00 (+8)
    assert code == EXIT_OK and points == [("2026-07-15T19:00:00", 1), ("2026-12-07T20:00:00", 2)]


def test_a_cell_zone_left_open_under_a_header_zone_is_refused_saying_why(capsysbinary, tmp_path):
    path = tmp_path / "both.csv"
    path.write_text("time (UTC),v\n2026-12-07 09:00 CST,1\n2026-12-07 10:00,2\n", encoding="utf-8")
    code, points, err = send(capsysbinary, path, "--skip-rejected")
    # the header's UTC is the column's zone: 10:00 UTC is 18:00 (+8); CST in the cell is not read as UTC
    assert code == EXIT_OK and points == [("2026-12-07T18:00:00", 2)]
    assert (
        "row 2, time (UTC): '2026-12-07 09:00 CST': the zone CST in the cell is used by several zones "
        "(Asia/Shanghai (China, UTC+8); America/Chicago (US Central, UTC-6); America/Havana (Cuba, UTC-5)): "
        "write the offset that was meant in its place, such as +08:00"
    ) in err


def test_rows_of_a_file_without_a_time_column_say_so_not_that_their_cell_is_empty(capsysbinary, tmp_path):
    path = tmp_path / "notime.csv"
    path.write_text("time,v\nsoon,1\n", encoding="utf-8")
    code, _, err = send(capsysbinary, path, "--source-tz", "UTC")
    assert code != EXIT_OK
    assert "rejected: row 2: no time: no column of the file was understood as a time" in err
    assert "the time cell is empty" not in err
