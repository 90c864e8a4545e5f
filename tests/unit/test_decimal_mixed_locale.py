"""`send --dry-run` on a German sheet opened with English settings and saved as .xlsx (a fresh tester's file,
session 8): its number cells and its text cells disagree about the decimal mark, so nothing of the column is
guessed. The answers are worked out by hand from the file (tests/fixtures/README.md)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE

from ..dry_runs import dry_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# The .xlsx (LibreOffice, en-US, from decimal_mixed_locale_de.csv) holds in `Druck` the numbers 1.013 and 1.011
# and the text '1.012,5'. The text has a decimal comma (dot for thousands); with that reading the number 1.013,
# written 1.013, would be 1013: the two kinds of cell disagree, 1000x apart. Before the fix: 1.013, 1012.5, 1.011
# sent in one stream, exit 0.
ASKED = (
    "column 'Druck': its number cells and its text cells disagree about the decimal mark: the text '1.012,5' has "
    "a decimal comma, with which the number 1.013 would be 1013"
)


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


@pytest.mark.parametrize("extra", [(), ("--decimal", ",")])
def test_number_cells_and_text_cells_that_disagree_about_the_decimal_mark_are_asked_nothing_sent(capsysbinary, extra):
    code, streams, err = dry_run(
        capsysbinary, FIXTURES / "decimal_mixed_locale_de.xlsx", "--source-tz", "Europe/Berlin", *extra
    )
    assert code == EXIT_USAGE
    assert streams == {}
    assert ASKED in err
    assert "send --decimal ." in err


def test_the_decimal_point_sends_the_number_cells_as_they_are_and_refuses_the_text_cells(capsysbinary):
    # --decimal . is the file's mark: '1.012,5' (Druck, row 3) and '21,5', '22,25' (Temperatur, rows 2 and 4) are
    # not numbers with a decimal point, so every row holds a refused cell and nothing is sent; no 1000x mix.
    code, streams, err = dry_run(
        capsysbinary, FIXTURES / "decimal_mixed_locale_de.xlsx", "--source-tz", "Europe/Berlin", "--decimal", "."
    )
    assert streams == {} and code != EXIT_OK
    assert "rejected: row 3, Druck: '1.012,5' is not a number" in err
    assert ASKED not in err


def test_the_same_sheet_as_csv_is_read_with_its_decimal_comma(capsysbinary):
    # 07.12.2026 08:30 Berlin (UTC+1) is 15:30 at UTC+8 (platform time); 1.013 -> 1013, 1.012,5 -> 1012.5
    code, streams, _err = dry_run(
        capsysbinary, FIXTURES / "decimal_mixed_locale_de.csv", "--source-tz", "Europe/Berlin"
    )
    assert code == EXIT_OK
    assert streams["Druck"] == [
        ("2026-12-07T15:30:00", 1013),
        ("2026-12-07T16:30:00", 1012.5),
        ("2026-12-07T17:30:00", 1011),
    ]
    assert [v for _, v in streams["Temperatur"]] == [21.5, 22, 22.25]


def sheet(tmp_path: Path, druck: list[object], temperatur: list[object]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Zeit", "Druck", "Temperatur"])
    for hour, (d, t) in enumerate(zip(druck, temperatur, strict=True)):
        ws.append([f"2026-12-07 {8 + hour:02d}:30", d, t])
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    return path


def test_number_cells_alone_are_sent_as_they_are(capsysbinary, tmp_path):
    # no text cell says anything about a mark: 1.013 is the number the sheet holds
    path = sheet(tmp_path, [1.013, 1.0125, 1.011], [21.5, 22, 22.25])
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    assert code == EXIT_OK and "disagree" not in err
    assert [v for _, v in streams["Druck"]] == [1.013, 1.0125, 1.011]


def test_text_cells_with_a_decimal_comma_alone_are_read_with_it(capsysbinary, tmp_path):
    # '1.013' -> 1013 (dot for thousands, told by '1.012,5' in the column); integer number cells (22) read alike
    path = sheet(tmp_path, ["1.013", "1.012,5", "1.011"], ["21,5", 22, "22,25"])
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    assert code == EXIT_OK and "disagree" not in err
    assert [v for _, v in streams["Druck"]] == [1013, 1012.5, 1011]
    assert [v for _, v in streams["Temperatur"]] == [21.5, 22, 22.25]
