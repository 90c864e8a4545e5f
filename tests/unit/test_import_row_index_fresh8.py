"""`send --dry-run` on files R's `write.csv` writes (a fresh tester's, session 8): an unnamed first column of row
numbers 1, 2, 3… before the data. That column is a row index, as the wide layout already says
(`columns.row_index`), and never a long layout's value column: before, the files were read as long (a column of
repeated labels beside "one column of numbers", the row numbers), the row numbers sent as the values under the
labels as datastream ids, the other columns dropped, exit 0. The answers are worked out by hand from the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_FAILED, EXIT_OK, EXIT_USAGE

from ..dry_runs import dry_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INDEX_LEFT_OUT = "not imported: column 1 (a row index (the first column, counting up by one))"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def test_an_r_export_is_read_wide_without_its_row_numbers(capsysbinary):
    code, streams, err = dry_run(capsysbinary, FIXTURES / "r_export_samples.csv", "--source-tz", "Asia/Shanghai")
    # before: "layout: long (a column of a few repeated names ('result') beside one column of numbers)",
    # streams 'pass' (1, 4, 5, 7, 8, 10) and 'fail' (2, 3, 6, 9): the row numbers; exit 0
    assert code == EXIT_OK
    assert "layout: wide (one column per datastream)" in err and INDEX_LEFT_OUT in err
    # By hand: `start` is the only column all dates (`end` is the second: "another time" is not taken, it stays
    # the text it is, as any wide column that is not the time). Asia/Shanghai is UTC+8, the platform's time, so
    # each `at` is `start` as written: 08:00 on row 1, one hour later each row, 17:00 on row 10.
    ats = [f"2026-11-02T{h:02}:00:00" for h in range(8, 18)]
    assert list(streams) == ["sample", "end", "result"]
    assert streams["sample"] == list(zip(ats, [f"S-{c}{n}" for c in "ABCDE" for n in (1, 2)], strict=True))
    assert streams["end"] == [(at, f"2026-11-02 {h:02}:50:00") for at, h in zip(ats, range(8, 18), strict=True)]
    results = ["pass", "fail", "fail", "pass", "pass", "fail", "pass", "pass", "fail", "pass"]
    assert streams["result"] == list(zip(ats, results, strict=True))
    assert "30 datapoints from 10 rows (sample (10), end (10), result (10)); 0 rows rejected" in err


def test_ggplot2_presidential_is_read_wide_without_its_row_numbers(capsysbinary):
    path = FIXTURES / "r_ggplot2_presidential.csv"
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    # before: streams 'Republican' (1, 4, 5, 7, 8, 10) and 'Democratic' (2, 3, 6, 9), the row numbers
    assert "layout: wide (one column per datastream)" in err and INDEX_LEFT_OUT in err
    # By hand: `start` (dates) is the time, each at midnight of its day in UTC+8, the platform's time. Every
    # term begins before 2000 but Bush's second: nine "before 2000" warnings per datastream, so the dry run
    # exits as a send would stop (EXIT_FAILED) while printing the body it would send.
    starts = ["1953-01-20", "1961-01-20", "1963-11-22", "1969-01-20", "1974-08-09", "1977-01-20", "1981-01-20"]
    starts += ["1989-01-20", "1993-01-20", "2001-01-20"]
    ats = [f"{d}T00:00:00" for d in starts]
    names = ["Eisenhower", "Kennedy", "Johson", "Nixon", "Ford", "Carter", "Reagan", "Bush", "Clinton", "Bush"]
    parties = ["Republican", "Democratic", "Democratic", "Republican", "Republican", "Democratic", "Republican"]
    parties += ["Republican", "Democratic", "Republican"]
    ends = [*starts[1:], "2009-01-20"]  # each term ends when the next begins; the last, 2009-01-20
    assert code == EXIT_FAILED and err.count("is before 2000") == 27
    assert list(streams) == ["name", "end", "party"]
    assert streams["name"] == list(zip(ats, names, strict=True))
    assert streams["end"] == list(zip(ats, ends, strict=True))
    assert streams["party"] == list(zip(ats, parties, strict=True))


def test_a_row_index_is_never_a_long_layouts_value_column(capsysbinary, tmp_path):
    # Long layout asked for, and the only column left for the value is the row index: refused with the reason,
    # never the row numbers sent under 'a' and 'b'.
    path = tmp_path / "labels.csv"
    rows = ['"1","a",2026-11-02 08:00', '"2","b",2026-11-02 09:00', '"3","a",2026-11-02 10:00']
    path.write_text("\n".join(['"","station","time"', *rows]) + "\n")
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai", "--layout", "long")
    assert code == EXIT_USAGE and not streams
    assert "The long layout needs a datastream column and a value column" in err


def test_a_long_file_with_a_row_index_is_read_as_without_it(capsysbinary, tmp_path):
    # pandas' `to_csv` of a long table: an index column counting from 0. Without the index this file is long
    # (a column of repeated names beside one column of numbers); with it, the same.
    rows = [("a", "21.5"), ("b", "40"), ("c", "3.6")] * 3
    lines = [",station,time,reading"] + [f"{i},{s},2026-11-02 {8 + i // 3:02}:00,{v}" for i, (s, v) in enumerate(rows)]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n")
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    assert code == EXIT_OK and "layout: long" in err
    # by hand: rows 0-2 at 08:00, 3-5 at 09:00, 6-8 at 10:00; each station once an hour
    hours = [f"2026-11-02T{h:02}:00:00" for h in (8, 9, 10)]
    assert streams == {"a": [(h, 21.5) for h in hours], "b": [(h, 40) for h in hours], "c": [(h, 3.6) for h in hours]}
