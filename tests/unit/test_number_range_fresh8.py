"""Fresh tester 8, findings 6 and 7, through `send --dry-run`: a number a double cannot hold as written (`1e-400`
was sent as 0.0, `1e309` refused) and number-like texts (`0x10`, `1_000`, `-Infinity`) in a number column are
refused with the reason the editor gives them (one rule: `readings.parse_number` and `mistyped_number`). The
answers are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_REJECTED

from ..dry_runs import dry_run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def test_underflow_is_refused_as_overflow_is(capsysbinary):
    # time,v / 08:00,1e-400 / 08:01,1e309 / 08:02,5 (the tester's file). float('1e-400') is 0.0 (below the
    # smallest double, 4.9e-324); float('1e309') is inf (above 1.8e308). Only 5 (an int) is a number as written.
    code, streams, err = dry_run(capsysbinary, FIXTURES / "fresh8_tiny_huge.csv", "--source-tz", "Asia/Shanghai")
    assert streams == {"v": [("2026-12-07T08:02:00", 5)]}  # before: also ("2026-12-07T08:00:00", 0.0)
    assert code == EXIT_REJECTED
    assert (
        "rejected: row 2, v: '1e-400' is too close to zero for a JSON number (nearer 0 than 2.2e-308): it would be "
        "sent as 0 or with digits lost" in err
    )
    assert "rejected: row 3, v: '1e309' is too large for a JSON number" in err


def test_number_like_texts_are_refused_with_the_editors_reasons(capsysbinary):
    # 08:00 5 (int), 08:03 0x10 (hex: refused), 08:04 1_000 (underscores: refused), 08:05 nan (a missing-value
    # marker: skipped), 08:06 -Infinity (refused), 08:07 "21,5" (the column's only cell with a mark; a comma with
    # two digits after it is a decimal comma: 21.5), 08:08 1e-400 (refused, as above).
    code, streams, err = dry_run(capsysbinary, FIXTURES / "fresh8_number_like.csv", "--source-tz", "Asia/Shanghai")
    assert streams == {"v": [("2026-12-07T08:00:00", 5), ("2026-12-07T08:07:00", 21.5)]}
    assert code == EXIT_REJECTED
    # before: "'0x10' is not a number", "'1_000' is not a number", "'-Infinity' is not a number"
    assert "rejected: row 3, v: '0x10' is hexadecimal: a JSON number is written in decimal digits" in err
    assert "rejected: row 4, v: '1_000' has '_' between its digits: a JSON number has none" in err
    assert "rejected: row 6, v: '-Infinity' is infinity, which JSON cannot carry; if it marks a missing" in err
    assert "rejected: row 8, v: '1e-400' is too close to zero for a JSON number" in err


def test_a_plain_decimal_nearer_zero_than_a_double_is_refused_on_the_fast_path(capsysbinary, tmp_path):
    # Every cell digits with one point: the C-level path (`numbers_fast`) read '0.000…01' (400 zeros, 1e-401) with
    # float() as 0.0. 1.5 stays 1.5.
    tiny = "0." + "0" * 400 + "1"
    path = tmp_path / "plain.csv"
    path.write_text(f"time,v\n2026-12-07 08:00,1.5\n2026-12-07 08:01,{tiny}\n", encoding="utf-8")
    code, streams, err = dry_run(capsysbinary, path, "--source-tz", "Asia/Shanghai")
    assert streams == {"v": [("2026-12-07T08:00:00", 1.5)]}  # before: also ("2026-12-07T08:01:00", 0.0)
    assert code == EXIT_REJECTED
    assert f"rejected: row 3, v: '{tiny}' is too close to zero for a JSON number" in err
