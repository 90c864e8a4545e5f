"""Workbook formulas without a computed value are rejected with the reason, never read as empty cells.

A program such as openpyxl writes a formula and no value (`<f>B2+1</f><v/>`): only a spreadsheet computes it.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_REJECTED
from gui.data.importers import ImportOptions, import_file
from gui.onenet.readings import format_at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REASON = "a formula without a computed value: open and save the file in Excel or LibreOffice"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def load(path: Path):
    return import_file(path, ImportOptions(source_tz="UTC+8"))


def points(result) -> dict[str, list[tuple[str, object]]]:
    out: dict[str, list[tuple[str, object]]] = {}
    for sid, point in result.pairs():
        out.setdefault(sid, []).append((format_at(point.at) if point.at else "", point.value))
    return out


def test_the_testers_workbook_rejects_the_formulas_row(capsysbinary):
    """f04: B4 is `=B2+1` with no value (openpyxl wrote it); the 08:01 reading is rejected, not dropped."""
    path = FIXTURES / "excel_formula_without_value.xlsx"
    result = load(path)
    assert result.rows_rejected == 1
    [problem] = [p for p in result.problems if p.row is not None]
    assert (problem.row, problem.column) == (4, "Temp") and problem.reason.endswith(f"=B2+1 is {REASON}")
    assert [v for _, v in points(result)["Temp"]] == [21.5, 21.6, 22, 22.1]  # rows 2, 3, 5, 6
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC+8"])
    err = capsysbinary.readouterr().err.decode()
    assert code == EXIT_REJECTED and "rejected: row 4, Temp: =B2+1 is " + REASON in err


def rewrite_sheet(path: Path, edit) -> None:
    """Rewrite the first worksheet's XML of the workbook at `path` with `edit(xml) -> xml`."""
    with zipfile.ZipFile(path) as old:
        members = {name: old.read(name) for name in old.namelist()}
    name = "xl/worksheets/sheet1.xml"
    members[name] = edit(members[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for member, data in members.items():
            new.writestr(member, data)


def test_computed_formulas_are_their_values_and_an_uncomputed_time_is_rejected(tmp_path):
    path = tmp_path / "f.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["time", "temp", "note"])
    sheet.append([datetime(2026, 1, 15, 8, 0), 21.5, "a"])
    sheet.append([datetime(2026, 1, 15, 8, 1), "=B2+0.2", '=IF(B2>30,"hot","")'])
    sheet.append(["=A2+1/1440", 21.9, "c"])
    book.save(path)

    def computed(xml: str) -> str:
        # as a spreadsheet saves them: a number, and a text formula whose result is the empty text
        xml = re.sub(r"(<c r=\"B3\"[^>]*><f>[^<]*</f>)<v\s*/>", r"\g<1><v>21.7</v>", xml)
        return re.sub(r"<c r=\"C3\"([^>]*)><f>([^<]*)</f><v\s*/>", r'<c r="C3" t="str"><f>\2</f><v></v>', xml)

    rewrite_sheet(path, computed)
    result = load(path)
    assert points(result) == {
        "temp": [("2026-01-15T08:00:00", 21.5), ("2026-01-15T08:01:00", 21.7)],
        "note": [("2026-01-15T08:00:00", "a")],  # the empty text is an empty cell: skipped, not rejected
    }
    [problem] = [p for p in result.problems if p.row is not None]
    assert (problem.row, problem.column) == (4, "time") and problem.reason.endswith(f"=A2+1/1440 is {REASON}")
