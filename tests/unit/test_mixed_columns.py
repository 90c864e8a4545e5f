"""A column with both numbers and texts is numbers: its texts are rejected with row, column and reason, never
a guess that sends its numbers as texts (a fresh tester's files, session 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_REJECTED
from gui.data.importers import ColumnChoice, ImportOptions, import_file
from gui.onenet.readings import ValueKind
from gui.onenet.validation import Severity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MARKER = "if it marks a missing reading, add it as a missing-value marker"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def load(name: str, **options):
    return import_file(FIXTURES / name, ImportOptions(source_tz="UTC", **options))


def rejected(result) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.reason) for p in result.problems if p.severity is Severity.ERROR]


def values(result) -> list[object]:
    return [point.value for _, point in result.pairs()]


@pytest.mark.parametrize(
    ("name", "kept", "refused"),
    [
        # five logger OVER cells and five numbers: as many texts as numbers
        (
            "numbers_with_logger_over.csv",
            [25.5, 26.5, 27.5, 28.5, 29.5],
            [(row, f"'OVER' is not a number; {MARKER}") for row in range(2, 7)],
        ),
        # a unit in the cell: no unit is read from cells, the reason says where it belongs
        (
            "numbers_with_units.csv",
            [24.5],
            [
                (2, "'23.5 °C' is not a number: a number with a unit; write the unit in the header, the number alone"),
                (3, "'24.0 °C' is not a number: a number with a unit; write the unit in the header, the number alone"),
            ],
        ),
        # `nan` means no reading (skipped, said among the decisions); `inf` is no number JSON can send
        ("numbers_with_nan_inf.csv", [23.5], [(4, f"'inf' is infinity, which JSON cannot carry; {MARKER}")]),
    ],
)
def test_numbers_stay_numbers_and_texts_among_them_are_rejected(name, kept, refused):
    result = load(name)
    assert [c.kind for c in result.detected.columns if c.name == "temp"] == [ValueKind.NUMBER]
    assert values(result) == kept and all(isinstance(v, float) for v in values(result))
    assert rejected(result) == [(row, "temp", why) for row, why in refused]
    said = " ".join(str(d) for d in result.detected.decisions)
    assert "column 'temp': numbers, with texts among them" in said


def test_send_refuses_them_with_row_column_and_reason(capsysbinary):
    code = main(["send", str(FIXTURES / "numbers_with_logger_over.csv"), "--dry-run", "--source-tz", "UTC"])
    captured = capsysbinary.readouterr()
    err = captured.err.decode()
    assert code == EXIT_REJECTED
    assert f"rejected: row 2, temp: 'OVER' is not a number; {MARKER}" in err
    assert '"25.5"' not in captured.out.decode()  # never a number sent as a text


def test_the_texts_marked_missing_leave_the_numbers(capsysbinary):
    result = load("numbers_with_logger_over.csv", missing_markers=("OVER",))
    assert values(result) == [25.5, 26.5, 27.5, 28.5, 29.5] and not rejected(result)


def test_read_as_text_by_choice_every_cell_is_sent_as_text():
    result = load("numbers_with_logger_over.csv", columns={1: ColumnChoice(kind=ValueKind.TEXT)})
    assert values(result) == ["OVER"] * 5 + ["25.5", "26.5", "27.5", "28.5", "29.5"] and not rejected(result)
    assert "texts among them" not in " ".join(str(d) for d in result.detected.decisions)


def test_a_column_of_texts_alone_stays_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("time,state\n2026-07-15 10:00,open\n2026-07-15 11:00,closed\n")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    assert values(result) == ["open", "closed"] and not rejected(result)


def test_send_text_reads_the_column_as_text(capsysbinary):
    path = FIXTURES / "numbers_with_logger_over.csv"
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC", "--text", "temp"])
    captured = capsysbinary.readouterr()
    assert code == 0 and "rejected:" not in captured.err.decode()
    assert captured.out.decode().count('"value":"OVER"') == 5 and '"value":"25.5"' in captured.out.decode()
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC", "--text", "humidity"])
    assert code == 2 and "text: the file has no column 'humidity'" in capsysbinary.readouterr().err.decode()
