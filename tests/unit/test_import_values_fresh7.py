"""`send --dry-run` on a fresh tester's files (session 7) whose values or rows were changed or refused wrongly:
leading zeros dropped from codes, rows that leave off trailing empty fields refused, JSON objects naming a key
twice. The answers are written by hand (value and JSON type on the wire, exit status, the line that says why)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_REJECTED
from gui.data.importers import ImportOptions, import_file
from gui.data.importers.columns import SAMPLE_ROWS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def dry_run(capsysbinary, path: Path, *extra: str) -> tuple[int, dict[str, list[tuple[str, object]]], str]:
    """`send FILE --dry-run --source-tz UTC`: (exit, {stream: [(at, value)]} of every request, stderr)."""
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC", "--send-anyway", *extra])
    captured = capsysbinary.readouterr()
    streams: dict[str, list[tuple[str, object]]] = {}
    for line in captured.out.decode().splitlines():
        if line.startswith("{"):
            for stream in json.loads(line)["datastreams"]:
                streams.setdefault(stream["id"], []).extend((p["at"], p["value"]) for p in stream["datapoints"])
    return code, streams, captured.err.decode()


# -- 1. leading zeros: codes, never numbers that lose them -----------------------------------------------------------
def test_a_column_of_numbers_with_leading_zeros_is_sent_as_written_and_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "fresh7_values.csv")
    # before: exit 0 with 12, 13, 100 (numbers) and "column 'batch' -> datastream 'batch', numbers"
    assert code == EXIT_OK
    # 09:00 UTC is 17:00 platform time (UTC+8)
    assert streams["batch"] == [
        ("2026-12-07T17:00:00", "0012"),
        ("2026-12-07T18:00:00", "0013"),
        ("2026-12-07T19:00:00", "0100"),
    ]
    assert (
        "column 'batch': text, not numbers: '0012' is written with leading zeros, as identifiers and codes are, "
        "and a number would lose them (to send numbers: send --number 'batch'; the import dialog's columns table)"
    ) in err
    assert "column 'batch' -> datastream 'batch', text" in err
    # `+21.5`, `-0.0`, `+0` carry no leading zero: still numbers
    assert [v for _, v in streams["signed"]] == [21.5, -0.0, 0]


def test_send_number_reads_such_a_column_as_numbers(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "fresh7_values.csv", "--number", "batch")
    assert code == EXIT_OK
    assert [v for _, v in streams["batch"]] == [12, 13, 100]
    assert "leading zeros" not in err


def test_zero_point_five_and_zero_stay_numbers(capsysbinary, tmp_path):
    path = tmp_path / "zeros.csv"
    path.write_text("time,v\n2026-12-07 09:00,0.5\n2026-12-07 10:00,-0.5\n2026-12-07 11:00,0\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_OK
    assert [v for _, v in streams["v"]] == [0.5, -0.5, 0]
    assert "leading zeros" not in err


def test_leading_zeros_below_the_first_rows_read_make_the_column_text(tmp_path):
    # the first SAMPLE_ROWS rows are plain numbers (1, 2, …); one row far below them is `0042`
    lines = [f"2026-12-07 00:00:{i % 60:02d},{i}" for i in range(1, SAMPLE_ROWS + 10)]
    lines.append("2026-12-08 00:00:00,0042")
    path = tmp_path / "late.csv"
    path.write_text("time,sample\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    values = [p.value for _, p in result.pairs()]
    assert values[0] == "1" and values[-1] == "0042" and len(values) == SAMPLE_ROWS + 10
    assert all(isinstance(v, str) for v in values)
    decisions = " ".join(map(str, result.detected.decisions))
    assert f"column 'sample': text, decided on all its rows: row {SAMPLE_ROWS + 11} holds 0042" in decisions


def test_a_text_column_of_codes_with_and_without_zeros_stays_text_in_one_pass(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("time,sample\n2026-12-07 09:00,0012\n2026-12-07 10:00,13\n2026-12-07 11:00,0100\n", "utf-8")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    assert [p.value for _, p in result.pairs()] == ["0012", "13", "0100"]


def test_a_text_column_whose_numbers_come_chunks_before_their_zeros_keeps_every_row(tmp_path):
    # texts in the first rows read (text), plain numbers from row 1001 (numbers?), `0012` in a later chunk (text)
    cells = [f"A{i}" for i in range(1000)] + ["13"] * 8000 + ["0012"]
    lines = [f"2026-12-07 {i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d},{c}" for i, c in enumerate(cells)]
    path = tmp_path / "late_codes.csv"
    path.write_text("time,sample\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    values = [p.value for _, p in result.pairs()]
    assert len(values) == 9001 and values[0] == "A0" and values[1000] == "13" and values[-1] == "0012"


# -- 2. rows that leave off trailing empty fields -------------------------------------------------------------------
def test_debian_csv_short_rows_have_their_missing_cells_empty(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "distro_info_debian.csv")
    # before: "15 rows rejected", each "the row has 6 cells but the table has 8 columns (cut short?)", exit 3
    assert code == EXIT_OK
    assert "rejected" not in err.replace("0 rows rejected", "")
    assert "15 rows with fewer cells than the header: the cells missing at their end are read as empty" in err
    # 22 rows; version empty in the rows of Sid and Experimental; release and eol missing in 4 rows of 4 cells;
    # eol-lts in the 7 full rows and 6.0's row of 7 cells; eol-elts only in the 7 full rows
    counts = {stream: len(points) for stream, points in streams.items()}
    assert counts == {
        "version": 20,
        "codename": 22,
        "series": 22,
        "release": 18,
        "eol": 18,
        "eol-lts": 8,
        "eol-elts": 7,
    }
    assert streams["codename"][0] == ("1993-08-16T08:00:00", "Buzz")  # created 1993-08-16, midnight UTC
    assert streams["eol"][0] == ("1993-08-16T08:00:00", "1997-06-05")
    assert ("2009-02-14T08:00:00", "2016-02-29") in streams["eol-lts"]  # Squeeze, the row of 7 cells


def test_ubuntu_csv_rows_are_read_with_the_version_column_left_as_detected(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "distro_info_ubuntu.csv")
    # before: all 44 rows rejected as "cut short?", exit 3
    assert "37 rows with fewer cells than the header" in err
    # `6.06 LTS` in a column of numbers: the 11 LTS rows are rejected with the reason, the other 33 read
    assert code == EXIT_REJECTED
    assert "rejected: row 5, version: '6.06 LTS' is not a number" in err
    assert len(streams["codename"]) == 33
    assert streams["codename"][0] == ("2004-03-05T08:00:00", "Warty Warthog")
    code, streams, err = dry_run(capsysbinary, FIXTURES / "distro_info_ubuntu.csv", "--text", "version")
    assert code == EXIT_OK and len(streams["codename"]) == 44
    assert streams["version"][:4] == [
        ("2004-03-05T08:00:00", "4.10"),
        ("2004-10-20T08:00:00", "5.04"),
        ("2005-04-08T08:00:00", "5.10"),
        ("2005-10-12T08:00:00", "6.06 LTS"),
    ]
    # the 11 LTS rows name an end of server support; from 12.04 LTS (8 rows) of ESM, from 14.04 (7) of legacy
    counts = {stream: len(streams[stream]) for stream in ("eol-server", "eol-esm", "eol-legacy")}
    assert counts == {"eol-server": 11, "eol-esm": 8, "eol-legacy": 7}


def test_the_last_line_cut_short_without_a_line_end_is_still_rejected(capsysbinary, tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text("time,a,b\n2026-12-07 09:00,1\n2026-12-07 10:00,2,3\n2026-12-07 11:00,4", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_REJECTED
    assert streams == {"a": [("2026-12-07T17:00:00", 1), ("2026-12-07T18:00:00", 2)], "b": [("2026-12-07T18:00:00", 3)]}
    assert (
        "rejected: row 4: the file's last line has 2 cells but the table has 3 columns, and no line end after it: "
        "the file may be cut short"
    ) in err
    assert "1 row with fewer cells than the header" in err
    # with its line end the same last line is a row that left off its empty field
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_OK and streams["a"][-1] == ("2026-12-07T19:00:00", 4)
    assert "2 rows with fewer cells than the header" in err


def test_the_last_line_cut_short_is_found_in_utf16_and_past_the_first_chunk(tmp_path):
    lines = [f"2026-12-07 00:{i // 60 % 60:02d}:{i % 60:02d},{i},{i}" for i in range(5000)]
    path = tmp_path / "long.csv"
    path.write_text("time,a,b\r\n" + "\r\n".join(lines) + "\r\n2026-12-08 00:00:00,7", encoding="utf-16")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    assert result.rows_read == 5001 and result.rows_rejected == 1
    assert result.errors[0].row == 5002 and "no line end after it" in result.errors[0].reason


def test_a_row_with_more_cells_than_the_header_stays_rejected(capsysbinary, tmp_path):
    path = tmp_path / "long_row.csv"
    path.write_text("time,a\n2026-12-07 09:00,1,5\n2026-12-07 10:00,2\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_REJECTED and streams == {"a": [("2026-12-07T18:00:00", 2)]}
    assert "rejected: row 2: the row has 3 cells but the table has 2 columns" in err


# -- 4. JSON objects naming a key twice ------------------------------------------------------------------------------
def test_a_json_cell_naming_a_key_twice_rejects_its_row_with_the_key(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "json_repeated_key.csv")
    # before: exit 0 with {"x":2} sent for row 2
    assert code == EXIT_REJECTED
    assert streams["meta"] == [("2026-12-07T18:00:00", {"x": 3})]
    assert 'rejected: row 2, meta: the JSON object names the key "x" more than once: write each key once' in err


def test_a_cell_nested_too_deeply_for_json_is_read_as_text_not_a_crash(tmp_path):
    # found by the fuzz test once the fixtures above were added: json's RecursionError escaped from `classify`
    deep = '{"a": ' + "[" * 100_000
    path = tmp_path / "deep.csv"
    path.write_text(f"time,note\n2026-12-07 09:00,{deep}\n2026-12-07 10:00,ok\n", encoding="utf-8")
    result = import_file(path, ImportOptions(source_tz="UTC"))
    assert [p.value for _, p in result.pairs()] == [deep, "ok"]
