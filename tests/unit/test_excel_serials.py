"""Excel serial days are read to the precision they are written with: a serial within one unit of its last
written decimal of a whole second is that second, as Excel shows it, in CSV cells and workbook cells alike
(a fresh tester's files, session 7: `46363.3888888` was sent as 09:19:59).

Worked out by hand: day 46363 after 1899-12-30 is 2026-12-07; 09:20:00 is 0.3888… days, so `.3888888`
(seven decimals: one unit is 86400 s × 1e-7 = 8.64 ms) is 09:19:59.992 to its digits and 09:20:00 cut to them.
`at` on the wire is platform time, UTC+8 (the files' times are read as UTC here).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK
from gui.data.importers.serials import excel_datetime

TIMES = Path(__file__).resolve().parents[1] / "fixtures" / "times"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def sent_ats(capsysbinary, path: Path) -> tuple[int, list[str]]:
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC"])
    out = capsysbinary.readouterr().out.decode()
    return code, [
        p["at"]
        for line in out.splitlines()
        if line.startswith("{")
        for stream in json.loads(line)["datastreams"]
        for p in stream["datapoints"]
    ]


def test_excel_days_in_a_csv_written_to_seven_decimals_are_the_whole_seconds_excel_shows(capsysbinary):
    # .3749999 (08:59:59.991), .3888888 (09:19:59.992), .4027777 (09:39:59.993): each within 8.64 ms of
    # 09:00, 09:20, 09:40 UTC = 17:00, 17:20, 17:40 in UTC+8 (cut to whole seconds they were 16:59:59 …)
    code, ats = sent_ats(capsysbinary, TIMES / "excel_days_cut.csv")
    assert code == EXIT_OK
    assert ats == ["2026-12-07T17:00:00", "2026-12-07T17:20:00", "2026-12-07T17:40:00"]


def test_workbook_date_cells_follow_the_same_rule(capsysbinary):
    # <v> 46363.3749999999 (09:00:00 less 8.6 µs), 46363.38194444 (09:10:00 less 0.38 ms), 46363.3888888
    # (09:20:00 less 8 ms, seven decimals), 46363.395833333 (09:30:00 less 0.03 ms): 17:00 … 17:30 in UTC+8
    code, ats = sent_ats(capsysbinary, TIMES / "excel_serials_cut.xlsx")
    assert code == EXIT_OK
    assert ats == ["2026-12-07T17:00:00", "2026-12-07T17:10:00", "2026-12-07T17:20:00", "2026-12-07T17:30:00"]


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        # 0.38888946759 days = 33600.049999776 s: eleven decimals (0.86 µs) say 09:20:00.050, kept to the ms
        (46363.38888946759, datetime(2026, 12, 7, 9, 20, 0, 50_000)),
        # 0.3888889 (rounded to seven decimals) = 33600.00096 s: 09:20:00
        (46363.3888889, datetime(2026, 12, 7, 9, 20)),
        # five decimals (0.864 s): 0.38888 days = 33599.232 s, nearest whole second 09:19:59
        (46363.38888, datetime(2026, 12, 7, 9, 19, 59)),
        # Excel's own 09:20:00.5 (0.388894675925926 days) has 15 decimals: half a second stays
        (46363.388894675925926, datetime(2026, 12, 7, 9, 20, 0, 500_000)),
        (46363.0, datetime(2026, 12, 7)),
    ],
)
def test_a_serial_keeps_what_its_digits_say(serial, expected):
    assert excel_datetime(serial) == expected
