"""Which sheet of a workbook is read: the one a person sees on opening it, never a hidden one unless named.

A fresh tester's `hidden_first.xlsx` (session 8, finding 3): its first sheet, "old", is hidden and holds 2020
data; "current" is visible and active. Before: `send` read "old" and said nothing of it being hidden, exit 0.
Each file goes through `send --dry-run`; the expected `at` (platform time, UTC+8) is worked out by hand.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE

from ..dry_runs import dry_run
from ..workbooks import hide, rewrite_workbook_xml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def test_the_visible_active_sheet_is_read_and_the_hidden_first_one_is_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "hidden_first.xlsx", "--source-tz", "Europe/Berlin")
    # "current": 2026-12-07 08:00 in Berlin (CET, UTC+1 in December) = 07:00 UTC = 15:00 at UTC+8
    assert code == EXIT_OK
    assert streams == {"v": [("2026-12-07T15:00:00", 1)]}
    assert "sheet: current (the sheet the workbook opens on; hidden sheets, not read: 'old')" in err


def test_a_hidden_sheet_named_with_sheet_is_read_and_said_to_be_hidden(capsysbinary):
    code, streams, err = dry_run(
        capsysbinary, FIXTURES / "hidden_first.xlsx", "--sheet", "old", "--source-tz", "Europe/Berlin"
    )
    # "old": 2020-01-01 00:00 in Berlin (UTC+1) = 2019-12-31 23:00 UTC = 2020-01-01 07:00 at UTC+8
    assert code == EXIT_OK
    assert streams == {"v": [("2020-01-01T07:00:00", 999)]}
    assert "sheet: old (chosen; it is a hidden sheet: Excel and LibreOffice do not show it)" in err


def test_the_active_sheet_is_read_when_it_is_not_the_first(capsysbinary):
    path = FIXTURES / "active_second_sheet.xlsx"  # Monday, Tuesday (active), Wednesday; none hidden
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # Tuesday: 2026-12-01 09:30 in Berlin (UTC+1) = 08:30 UTC = 16:30 at UTC+8
    assert code == EXIT_OK and streams == {"temp": [("2026-12-01T16:30:00", 21.25)]}
    assert "sheet: Tuesday (the sheet the workbook opens on)" in err
    code, streams, err = dry_run(capsysbinary, path, "--sheet", "Monday", "--source-tz", "Europe/Berlin")
    # Monday: 2026-11-30 08:00 in Berlin (UTC+1) = 07:00 UTC = 15:00 at UTC+8
    assert code == EXIT_OK and streams == {"temp": [("2026-11-30T15:00:00", 20.5)]}
    assert "sheet: Monday (chosen)" in err


def test_a_workbook_without_a_visible_sheet_is_refused_naming_its_sheets(capsysbinary, tmp_path):
    path = tmp_path / "all_hidden.xlsx"
    path.write_bytes((FIXTURES / "hidden_first.xlsx").read_bytes())
    rewrite_workbook_xml(path, hide("current"))
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Europe/Berlin")
    assert code == EXIT_USAGE and streams == {}
    assert "No sheet of the workbook is visible (hidden: 'old', 'current')" in err and "--sheet NAME" in err
    code, streams, _ = dry_run(capsysbinary, path, "--sheet", "current", "--source-tz", "Europe/Berlin")
    assert code == EXIT_OK and streams == {"v": [("2026-12-07T15:00:00", 1)]}


def test_a_hidden_active_sheet_gives_the_first_visible_one_and_says_so(capsysbinary, tmp_path):
    path = tmp_path / "active_hidden.xlsx"
    path.write_bytes((FIXTURES / "active_second_sheet.xlsx").read_bytes())
    rewrite_workbook_xml(path, hide("Tuesday"))  # Tuesday stays the active sheet (activeTab="1")
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # Monday: 2026-11-30 08:00 in Berlin (UTC+1) = 07:00 UTC = 15:00 at UTC+8
    assert code == EXIT_OK and streams == {"temp": [("2026-11-30T15:00:00", 20.5)]}
    assert (
        "sheet: Monday (the first visible sheet: the sheet the workbook opens on, 'Tuesday', is hidden; "
        "hidden sheets, not read: 'Tuesday')"
    ) in err


def test_a_workbook_that_names_no_sheet_it_opens_on_gives_the_first_visible_one(capsysbinary, tmp_path):
    path = tmp_path / "active_unknown.xlsx"
    path.write_bytes((FIXTURES / "active_second_sheet.xlsx").read_bytes())
    rewrite_workbook_xml(path, lambda xml: xml.replace('activeTab="1"', 'activeTab="9"'))  # no 10th sheet
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Europe/Berlin")
    # Monday: 2026-11-30 08:00 in Berlin (UTC+1) = 07:00 UTC = 15:00 at UTC+8
    assert code == EXIT_OK and streams == {"temp": [("2026-11-30T15:00:00", 20.5)]}
    assert "sheet: Monday (the first visible sheet: the workbook does not say which sheet it opens on)" in err


def test_a_workbook_opening_on_a_chart_reads_the_first_visible_worksheet(capsysbinary, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.active.append(["time", "temp"])
    book.active.append([datetime(2026, 12, 7, 8, 0), 20.5])
    chart = BarChart()
    chart.add_data(Reference(book["Data"], min_col=2, min_row=1, max_row=2), titles_from_data=True)
    book.create_chartsheet("Chart", 0).add_chart(chart)
    book.active = 0  # the chart
    path = tmp_path / "chart_first.xlsx"
    book.save(path)
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    # Beijing time is platform time: 08:00 stays 08:00
    assert code == EXIT_OK and streams == {"temp": [("2026-12-07T08:00:00", 20.5)]}
    assert "sheet: Data (the first visible sheet: the workbook opens on the chart 'Chart')" in err
    code, streams, err = dry_run(capsysbinary, path, "--sheet", "Chart", "--source-tz", "Asia/Shanghai")
    assert code == EXIT_USAGE and streams == {} and "Sheet 'Chart' is a chart: it holds no table to read." in err


def test_the_sheet_option_says_which_sheet_is_read_by_default(capsys):
    with pytest.raises(SystemExit):
        main(["send", "--help"])
    assert "never a hidden one" in " ".join(capsys.readouterr().out.split())
