"""A value column's kind follows from all its rows, not from the first 1,000 read for detection: a number
below them makes the column numbers (its texts rejected with row, column and reason), never texts on the wire.

The fixtures (tests/fixtures/README.md) hold 1,030 data rows; `level` changes kind after data row 1,010
(file row 1,011); the .xlsx files are the .csv files converted by LibreOffice (`soffice --headless
--convert-to xlsx`). The answers below were worked out by hand from how the files were written: data row i
(0-based, file row i + 2) is at 2026-11-02 00:00 + i minutes (UTC; sent as UTC+8), and its number is
`i % 9` for even i, `3 + (i % 4) / 4` for odd i.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_REJECTED
from gui.data.importers import ImportOptions, import_file, write_rejected
from gui.i18n import render
from gui.onenet.readings import ValueKind
from gui.onenet.validation import Severity

from ..dry_runs import dry_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MARKER = "if it marks a missing reading, add it as a missing-value marker"
#: Data rows 1,010..1,013 (file rows 1,012..1,015): their `level` numbers, int or float as written.
LATER_NUMBERS = [2, 3.75, 4, 3.25]
FIRST_LATER_AT = "2026-11-03T00:50:00"  # file row 1,012: 2026-11-02 16:50 UTC


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def load(path: Path, **options):
    return import_file(path, ImportOptions(source_tz="UTC", **options))


def stream(result, stream_id: str) -> list[object]:
    return [point.value for sid, point in result.pairs() if sid == stream_id]


def errors(result) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.reason) for p in result.problems if p.severity is Severity.ERROR]


def kind(result, name: str) -> ValueKind:
    return next(c.kind for c in result.detected.columns if c.name == name)


def said(result) -> str:
    return "\n".join(render(d) for d in result.detected.decisions)


def send(capsysbinary, path: Path, *extra: str) -> tuple[int, dict[str, list[tuple[str | None, object]]], str]:
    """`send PATH --dry-run --source-tz UTC`: exit status, {stream: [(at, value)]} of every body printed, stderr."""
    return dry_run(capsysbinary, path, "--source-tz", "UTC", *extra)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_texts_then_numbers_below_the_first_rows_make_the_column_numbers(suffix):
    result = load(FIXTURES / f"kind_text_then_numbers{suffix}")
    assert kind(result, "level") is ValueKind.NUMBER
    assert result.rows_read == 1030 and result.rows_rejected == 1010
    marks = ["OVER", "UNDER", "LOW"]
    assert errors(result)[:4] == [
        (row, "level", f"{marks[(row - 2) % 3]!r} is not a number; {MARKER}") for row in (2, 3, 4, 5)
    ]
    assert errors(result)[-1] == (1011, "level", f"'UNDER' is not a number; {MARKER}")
    level = stream(result, "level")
    assert level[:4] == LATER_NUMBERS and len(level) == 20
    assert [type(v) for v in level[:4]] == [int, float, int, float]
    decided = "column 'level': numbers, decided on all its rows: row 1012 holds 2, which the first 1,000 rows read"
    assert decided + " did not show" in said(result)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_send_refuses_the_texts_and_never_puts_a_later_number_on_the_wire_as_a_string(capsysbinary, suffix):
    code, points, err = send(capsysbinary, FIXTURES / f"kind_text_then_numbers{suffix}")
    assert code == EXIT_REJECTED
    assert f"rejected: row 2, level: 'OVER' is not a number; {MARKER}" in err
    assert "send: 1,010 rows cannot be read" not in err  # a dry run prints what it would send, and exits 3
    assert points["level"][:4] == [(FIRST_LATER_AT, 2), ("2026-11-03T00:51:00", 3.75), ("2026-11-03T00:52:00", 4),
                                   ("2026-11-03T00:53:00", 3.25)]  # fmt: skip
    assert not [v for _, v in points["level"] if isinstance(v, str)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_send_text_sends_every_cell_of_the_column_as_text(capsysbinary, suffix):
    code, points, err = send(capsysbinary, FIXTURES / f"kind_text_then_numbers{suffix}", "--text", "level")
    assert code == EXIT_OK and "rejected:" not in err
    level = points["level"]
    assert len(level) == 1030 and all(isinstance(v, str) for _, v in level)
    assert level[0] == ("2026-11-02T08:00:00", "OVER") and level[1010] == (FIRST_LATER_AT, "2")
    assert level[1011] == ("2026-11-03T00:51:00", "3.75")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_numbers_then_texts_stay_numbers_and_the_later_texts_are_rejected(capsysbinary, suffix):
    path = FIXTURES / f"kind_numbers_then_text{suffix}"
    result = load(path)
    assert kind(result, "level") is ValueKind.NUMBER and result.rows_rejected == 20
    assert errors(result)[:2] == [(1012, "level", f"'LOW' is not a number; {MARKER}"),
                                  (1013, "level", f"'OVER' is not a number; {MARKER}")]  # fmt: skip
    level = stream(result, "level")
    assert len(level) == 1010 and level[:4] == [0, 3.25, 2, 3.75]
    assert "decided on all its rows" not in said(result)  # the first rows told it right: nothing to revise
    code, points, _ = send(capsysbinary, path)
    assert code == EXIT_REJECTED and not [v for _, v in points["level"] if isinstance(v, str)]


def _write(path: Path, level: list[str]) -> Path:
    rows = [f"2026-11-02 {i // 60:02d}:{i % 60:02d},{20 + i % 5},{cell}" for i, cell in enumerate(level)]
    path.write_text("time,temp,level\n" + "\n".join(rows) + "\n")
    return path


def test_a_column_empty_in_the_first_rows_gets_the_kind_of_the_rows_below(tmp_path):
    # empty for 1,100 rows, then numbers and one OVER: before, read "as written" (numbers and a text mixed)
    level = [""] * 1100 + ["7", "OVER", "8.5"]
    result = load(_write(tmp_path / "late.csv", level))
    assert kind(result, "level") is ValueKind.NUMBER
    assert stream(result, "level") == [7, 8.5]
    assert errors(result) == [(1103, "level", f"'OVER' is not a number; {MARKER}")]
    assert "column 'level': numbers, decided on all its rows: row 1102 holds 7" in said(result)
    assert not next(c for c in result.detected.columns if c.name == "level").note  # not "empty in the first rows"


@pytest.mark.parametrize(
    ("first", "rejected", "skipped"),
    [
        # the same text in 1,010 rows: a label to the first rows; below them, readings: OVER is a text among numbers
        ("OVER", list(range(2, 1012)), False),
        # only `NA` (no reading) in the first rows: not imported then; the later numbers are readings
        ("NA", [], True),
    ],
)
def test_a_column_the_first_rows_left_out_is_imported_when_the_rows_below_hold_readings(
    tmp_path, capsysbinary, first, rejected, skipped
):
    path = _write(tmp_path / "left_out.csv", [first] * 1010 + [str(n) for n in (2, 3, 4)])
    result = load(path)
    assert kind(result, "level") is ValueKind.NUMBER
    assert stream(result, "level") == [2, 3, 4]
    assert [row for row, _, _ in errors(result)] == rejected
    assert "column 'level': numbers, decided on all its rows: row 1012 holds 2" in said(result)
    assert "not imported: 'level'" not in said(result)
    assert ("no reading: 'NA' among numbers (skipped, never sent)" in said(result)) is skipped
    code, points, _ = send(capsysbinary, path)
    assert code == (EXIT_REJECTED if rejected else EXIT_OK)
    assert points["level"] == [("2026-11-03T00:50:00", 2), ("2026-11-03T00:51:00", 3), ("2026-11-03T00:52:00", 4)]


def test_a_no_reading_text_below_the_first_rows_is_skipped_as_in_them(tmp_path):
    level = [str(i % 9) for i in range(1100)] + ["NA", "5"]
    result = load(_write(tmp_path / "na.csv", level))
    assert kind(result, "level") is ValueKind.NUMBER and not errors(result)
    assert stream(result, "level")[-2:] == [1, 5]  # data row 1,099 is 1099 % 9 = 1; NA skipped, never sent
    assert "no reading: 'NA' among numbers (skipped, never sent)" in said(result)
    assert result.stats[2].missing == 1


def test_json_objects_then_a_text_is_a_text_column_as_the_rule_reads_all_rows(tmp_path):
    level = ['"{""x"": 1}"'] * 1050 + ["OFF"]
    result = load(_write(tmp_path / "json.csv", level))
    assert kind(result, "level") is ValueKind.TEXT and not errors(result)
    assert stream(result, "level")[-2:] == ['{"x": 1}', "OFF"]
    assert "column 'level': text, decided on all its rows: row 1052 holds OFF" in said(result)


def test_a_chosen_kind_is_kept_whatever_the_rows_below_hold():
    result = load(FIXTURES / "kind_text_then_numbers.csv", text=("level",))
    assert kind(result, "level") is ValueKind.TEXT and not errors(result)
    assert stream(result, "level")[1010] == "2"


@pytest.mark.parametrize(("name", "passes"), [("kind_numbers_then_text.csv", 1), ("kind_text_then_numbers.csv", 2)])
def test_the_rows_are_read_again_only_when_a_later_row_decides_a_kind(name, passes):
    chunks: list[tuple[int, int]] = []  # one progress call per chunk: 1,030 rows are one chunk per pass
    import_file(
        FIXTURES / name, ImportOptions(source_tz="UTC"), progress=lambda done, total: chunks.append((done, total))
    )
    assert len(chunks) == passes


def test_the_rejected_rows_written_are_those_of_all_rows_once(tmp_path):
    out = tmp_path / "rejected.csv"
    count = write_rejected(FIXTURES / "kind_text_then_numbers.csv", ImportOptions(source_tz="UTC"), out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert count == 1010 and len(rows) == 1011
    assert rows[0] == ["row", "problem", "time", "temp", "hum", "level"]
    assert rows[1] == ["2", f"level: 'OVER' is not a number; {MARKER}", "2026-11-02 00:00:00", "20.0", "40", "OVER"]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(2, 1012)]
