"""`send --dry-run` on a fresh tester's files whose values reached the platform wrong with exit 0 (session 6):
the answers are written by hand (value and JSON type on the wire, exit status, the line that says why)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_REJECTED, EXIT_USAGE

from ..dry_runs import dry_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def typed(points: list[tuple[str, object]]) -> list[tuple[str, object, type]]:
    return [(at, value, type(value)) for at, value in points]


# -- 1. long layout: a datastream of numbers keeps its texts out, as a wide value column does -------------------------
def test_long_layout_no_reading_texts_among_numbers_are_skipped_and_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "long_numbers_na_err.csv")
    # before: exit 0 with {"value":"NA"} and {"value":"ERR"} sent as text datapoints of the number stream
    assert code == EXIT_OK
    assert typed(streams["templong3"]) == [
        ("2026-12-07T08:00:00", 21.5, float),
        ("2026-12-07T08:04:00", 21.8, float),
    ]
    assert "no reading: 'ERR', 'NA' among numbers (skipped, never sent)" in err


def long_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "long.csv"
    path.write_text("sensor,timestamp,reading\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_long_layout_other_texts_of_a_number_stream_are_rejected_with_row_and_column(capsysbinary, tmp_path):
    path = long_file(
        tmp_path,
        [
            "t1,2026-12-07T08:00:00Z,21.5",
            "t1,2026-12-07T08:01:00Z,OVER",
            "state,2026-12-07T08:00:00Z,OK",
            "state,2026-12-07T08:01:00Z,idle",
        ],
    )
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_REJECTED
    assert "rejected: row 3, reading: 'OVER' is not a number; if it marks a missing reading" in err
    assert "datastream 't1': numbers, with texts among them" in err
    assert typed(streams["t1"]) == [("2026-12-07T16:00:00", 21.5, float)]
    assert typed(streams["state"]) == [("2026-12-07T16:00:00", "OK", str), ("2026-12-07T16:01:00", "idle", str)]


def test_long_layout_a_stream_first_seen_below_the_rows_detection_reads_follows_the_same_rule(capsysbinary, tmp_path):
    lines = [f"a,2026-12-07T{h:02d}:{m:02d}:00Z,{h}.{m}" for h in range(20) for m in range(0, 60)][:1100]
    lines += ["b,2026-12-08T00:00:00Z,5", "b,2026-12-08T00:01:00Z,OVER", "c,2026-12-08T00:00:00Z,on"]
    code, streams, err = dry_run(capsysbinary, long_file(tmp_path, lines))
    assert code == EXIT_REJECTED
    assert "rejected: row 1103, reading: 'OVER' is not a number" in err
    assert typed(streams["b"]) == [("2026-12-08T08:00:00", 5, int)]
    assert typed(streams["c"]) == [("2026-12-08T08:00:00", "on", str)]
    assert len(streams["a"]) == 1100


def test_long_layout_value_column_read_as_text_sends_every_cell_as_text(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "long_numbers_na_err.csv", "--text", "reading")
    assert code == EXIT_OK and "no reading" not in err
    assert [v for _, v in streams["templong3"]] == ["21.5", "NA", "ERR", "21.8"]


# -- 2. decimal mark: decided by evidence and said, or asked --------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "value", "comma", "point"),
    [
        ("decimal_unsure_quoted_comma.csv", "'1,234'", "1.234", "1234"),  # before: 1234, 2500, 3125, exit 0
        ("decimal_unsure_semicolon_comma.csv", "'1,234'", "1.234", "1234"),  # before: 1.234, 2.5, 3.125, exit 0
        ("decimal_unsure_semicolon_dot.csv", "'1.234'", "1234", "1.234"),  # before: 1.234, 2.5, 3.125, exit 0
    ],
)
def test_numbers_that_read_two_ways_are_asked_naming_the_option(capsysbinary, name, value, comma, point):
    code, streams, err = dry_run(capsysbinary, FIXTURES / name)
    assert code == EXIT_USAGE and streams == {}
    assert (
        f"send: column 'flow': {value} is {comma} with a decimal comma or {point} with a decimal point (the other "
        "mark a thousands separator), and no other number in the file tells which: choose the decimal mark "
        "(send --decimal , or --decimal .;"
    ) in err


@pytest.mark.parametrize(
    ("name", "mark", "values"),
    [
        ("decimal_unsure_quoted_comma.csv", ",", [(1.234, float), (2.5, float), (3.125, float)]),
        ("decimal_unsure_quoted_comma.csv", ".", [(1234, int), (2500, int), (3125, int)]),
        ("decimal_unsure_semicolon_dot.csv", ",", [(1234, int), (2500, int), (3125, int)]),
        ("decimal_unsure_semicolon_dot.csv", ".", [(1.234, float), (2.5, float), (3.125, float)]),
    ],
)
def test_the_decimal_option_answers(capsysbinary, name, mark, values):
    code, streams, err = dry_run(capsysbinary, FIXTURES / name, "--decimal", mark)
    assert code == EXIT_OK and "decimal mark" not in err
    assert [(v, type(v)) for _, v in streams["flow"]] == values


def test_a_decimal_comma_elsewhere_in_the_file_decides_and_the_reading_is_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "decimal_de_thousands.csv", "--source-tz", "Europe/Berlin")
    assert code == EXIT_OK
    assert "column 'Druck': '1.013' read as 1013, a decimal comma ('21,5' in column 'Temperatur')" in err
    assert [(v, type(v)) for _, v in streams["Druck"]] == [(1013, int), (1014, int), (1012, int)]
    assert [v for _, v in streams["Temperatur"]] == [21.5, 21.6, 21.7]


def test_a_decimal_point_in_the_same_column_decides_and_the_reading_is_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "decimal_en_thousands.csv")
    assert code == EXIT_OK
    assert "column 'flow': '1,234' read as 1234, a decimal point ('2.5' in this column)" in err
    assert [(v, type(v)) for _, v in streams["flow"]] == [(1234, int), (2.5, float), (1234567.5, float)]


# -- 3. a column without a header name --------------------------------------------------------------------------------
def test_a_trailing_column_of_separators_without_a_name_is_left_out_and_said(capsysbinary):
    code, streams, err = dry_run(
        capsysbinary,
        FIXTURES / "uci_air_quality_head_junk_column.csv",
        "--source-tz",
        "Europe/Rome",
        "--na",
        "-200",
        "--date-order",
        "dmy",
    )
    # before: datastream 'stream' with the text "," twice, exit 0
    assert code == EXIT_OK
    assert "not imported: ',,,,,' (no header and no readings in the first 5 rows, only ',')" in err
    assert list(streams) == [
        "CO_GT", "PT08.S1_CO", "NMHC_GT", "C6H6_GT", "PT08.S2_NMHC", "NOx_GT", "PT08.S3_NOx", "NO2_GT",
        "PT08.S4_NO2", "PT08.S5_O3", "T", "RH", "AH",
    ]  # fmt: skip
    assert streams["CO_GT"][0] == ("2004-03-11T01:00:00", 2.6)  # 10/03/2004 18:00 in Rome (UTC+1) is 01:00 UTC+8


def test_values_under_a_header_without_a_name_are_asked_for_a_datastream_id(capsysbinary, tmp_path):
    path = tmp_path / "unnamed.csv"
    path.write_text("time,,temp\n2026-12-07T08:00:00Z,A1,1.5\n2026-12-07T08:01:00Z,A2,2.5\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_USAGE and streams == {}
    assert (
        "send: column 2 has values but no header name, so no datastream id: give it one (send --stream-id 2=ID; "
        "the import dialog's columns table) or leave the column out (send --exclude 2)"
    ) in err
    code, streams, err = dry_run(capsysbinary, path, "--stream-id", "2=code")
    assert code == EXIT_OK and typed(streams["code"]) == [
        ("2026-12-07T16:00:00", "A1", str),
        ("2026-12-07T16:01:00", "A2", str),
    ]
    code, streams, err = dry_run(capsysbinary, path, "--exclude", "2")
    assert code == EXIT_OK and list(streams) == ["temp"]


# -- 4. a file cut inside a quoted cell ------------------------------------------------------------------------------
def test_a_last_row_cut_inside_a_quote_is_rejected_not_read(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "cut_inside_quote.csv")
    # before: 2.5 sent for row 3, exit 0
    assert code == EXIT_REJECTED
    assert "rejected: row 3, temp: the quoted cell is not closed: the file may be cut short" in err
    assert typed(streams["temp"]) == [("2026-12-07T16:00:00", 1.5, float)]


def test_a_closed_quote_at_the_end_of_the_file_is_read(capsysbinary, tmp_path):
    path = tmp_path / "closed.csv"
    path.write_text('time,temp\n2026-12-07T08:00:00Z,1.5\n2026-12-07T08:01:00Z,"2.5"', encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_OK and [v for _, v in streams["temp"]] == [1.5, 2.5] and "0 rows rejected" in err


def test_values_below_the_rows_detection_reads_in_a_column_without_a_name_are_asked_too(capsysbinary, tmp_path):
    lines = ["time,,temp"] + [f"2026-12-01T{i // 60:02d}:{i % 60:02d}:00Z,,{i}" for i in range(1200)]
    path = tmp_path / "late.csv"
    path.write_text("\n".join([*lines, "2026-12-02T00:00:00Z,XYZ,5"]) + "\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path)
    assert code == EXIT_USAGE and streams == {}
    assert "send: column 2 has values but no header name, so no datastream id" in err


# -- 5. full-width numbers in a file, as an input method in full-width mode writes them --------------------------
def test_full_width_numbers_in_a_file_are_the_numbers_meant_and_said(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "numbers_full_width.csv", "--source-tz", "Asia/Shanghai")
    # before: '２１．５' and '－３' rejected as "not a number"
    assert "column '温度': full-width characters read as half-width ('２１．５' is 21.5)" in err
    assert typed(streams["温度"]) == [
        ("2026-12-07T08:30:00", 21.5, float),
        ("2026-12-07T08:40:00", 21.7, float),
        ("2026-12-07T08:50:00", -3, int),
        ("2026-12-07T09:30:00", 22.1, float),
    ]
    assert code == EXIT_REJECTED  # 1e400, 0x10 and 22.1℃ are not numbers JSON can carry as they are
    assert "rejected: row 9, 温度: '22.1℃' is not a number: a number with a unit" in err
