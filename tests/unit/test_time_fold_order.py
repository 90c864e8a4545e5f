"""A wall-clock time repeated the night summer time ends is worked out only from rows whose direction the file
shows: oldest first the rows go back inside the repeated hour, newest first they jump forward; anything else is
refused naming both offsets, and two rows are never read as one instant because of the fold (fresh tester, session 7).

Expected times are worked out by hand: in Europe/Berlin on 2026-10-25 the clocks go back from 03:00 CEST (+02:00)
to 02:00 CET (+01:00) at 01:00 UTC, so 02:00-02:59 happens twice; `at` on the wire is platform time, UTC+8.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_REJECTED
from gui.data.importers.zones import ZoneCheck

from ..dry_runs import dry_run_points

TIMES = Path(__file__).resolve().parents[1] / "fixtures" / "times"
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def send(capsysbinary, path: Path) -> tuple[int, list[tuple[str | None, object]], str]:
    """`send PATH --dry-run --source-tz Europe/Berlin`: (exit status, [(at, value)] printed, stderr)."""
    return dry_run_points(capsysbinary, path, "--source-tz", "Europe/Berlin")


def test_newest_first_rows_that_never_jump_forward_are_refused_not_read_as_both_offsets(capsysbinary):
    # 02:40, 02:20, 01:50 newest first: 02:40 and 02:20 fit both summer (00:40Z, 00:20Z), both winter
    # (01:40Z, 01:20Z) or 02:40 winter and 02:20 summer: the file cannot tell, both rows are refused.
    # 01:50 happens once, CEST: 23:50Z on the 24th, 07:50 on the 25th in UTC+8.
    code, points, err = send(capsysbinary, TIMES / "berlin_fallback_newest3.csv")
    # the dry run shows the body of the rows read (sent only with --skip-rejected): 01:50 alone
    assert code == EXIT_REJECTED and points == [("2026-10-25T07:50:00", 1)]
    for row, at in ((2, "02:40"), (3, "02:20")):
        assert (
            f"rejected: row {row}, time: 2026-10-25 {at}:00 happens twice in Europe/Berlin (the clocks went back) "
            "and the rows around it do not tell which: write its offset after the time in the file, +02:00 for the "
            "first occurrence or +01:00 for the second"
        ) in err
    assert "row 4" not in err


def test_newest_first_rows_that_jump_forward_inside_the_repeated_hour_are_read_mirrored(capsysbinary):
    # 03:30 CET 02:30Z, 03:00 CET 02:00Z, then (newest first) 02:30 CET 01:30Z, 02:00 CET 01:00Z, the jump
    # forward, 02:30 CEST 00:30Z, 02:00 CEST 00:00Z, 01:30 CEST 23:30Z (24th): +8 h each.
    code, points, err = send(capsysbinary, TIMES / "berlin_fallback_newest.csv")
    assert code == EXIT_OK
    assert points == [
        ("2026-10-25T10:30:00", 7),
        ("2026-10-25T10:00:00", 6),
        ("2026-10-25T09:30:00", 5),
        ("2026-10-25T09:00:00", 4),
        ("2026-10-25T08:30:00", 3),
        ("2026-10-25T08:00:00", 2),
        ("2026-10-25T07:30:00", 1),
    ]
    assert "row 4, time: 2026-10-25 02:30:00 happens twice" in err and "its second occurrence, UTC+01:00" in err
    assert "row 6, time: 2026-10-25 02:30:00 happens twice" in err and "its first occurrence, UTC+02:00" in err
    assert "duplicate at" not in err


def instants(times: list[datetime | None]) -> list[datetime | None]:
    """Each checked time as UTC (None stays None), as the importer sends it."""
    return [None if t is None else t.replace(tzinfo=BERLIN).astimezone(UTC) for t in times]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, 25, hour, minute)


def utc(hour: int, minute: int = 0, day: int = 25) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=UTC)


def test_several_datastreams_of_one_time_long_layout_keep_their_equal_times():
    # 02:00 ×2, 02:30 ×2 (summer: 00:00Z, 00:30Z), back to 02:00 ×2, 02:30 ×2 (winter: 01:00Z, 01:30Z)
    times = [at(1, 30), at(2), at(2), at(2, 30), at(2, 30), at(2), at(2), at(2, 30), at(2, 30), at(3)]
    out, errors, _ = ZoneCheck(BERLIN).check(times)
    assert errors == {}
    assert instants(out) == [
        utc(23, 30, 24), utc(0), utc(0), utc(0, 30), utc(0, 30), utc(1), utc(1), utc(1, 30), utc(1, 30), utc(2),
    ]  # fmt: skip


def test_rows_out_of_order_around_the_repeated_hour_are_refused():
    # 01:30, then 02:30, 02:10, 02:20, 02:05 go back twice: no reading puts them in order either way
    times = [at(1, 30), at(2, 30), at(2, 10), at(2, 20), at(2, 5), at(3, 30)]
    out, errors, warnings = ZoneCheck(BERLIN).check(times)
    assert sorted(errors) == [1, 2, 3, 4] and warnings == {}
    assert out[1:5] == [None, None, None, None]


def test_a_run_across_two_chunks_goes_on_in_the_direction_and_from_the_instant_the_first_chunk_ended_at():
    check = ZoneCheck(BERLIN)
    # chunk 1, oldest first: 01:50 (23:50Z), 02:40 summer (00:40Z), 02:10 winter (01:10Z): the step back
    first, errors, _ = check.check([at(1, 50), at(2, 40), at(2, 10)])
    assert errors == {} and instants(first) == [utc(23, 50, 24), utc(0, 40), utc(1, 10)]
    # chunk 2: 02:20 and 02:50 can only be winter after 01:10Z going forward (01:20Z, 01:50Z), then 03:10 CET
    second, errors, _ = check.check([at(2, 20), at(2, 50), at(3, 10)])
    assert errors == {} and instants(second) == [utc(1, 20), utc(1, 50), utc(2, 10)]


def test_a_newest_first_file_read_across_chunks_keeps_its_direction():
    check = ZoneCheck(BERLIN)
    # chunk 1 has no change (the 26th, CET): it shows the file goes back in time
    check.check([datetime(2026, 10, 26, 1), datetime(2026, 10, 25, 23)])
    # chunk 2: 03:10 CET (02:10Z), then 02:40 and 02:20 jump forward to 02:50: 02:40, 02:20 winter (01:40Z,
    # 01:20Z), 02:50 and 02:30 summer (00:50Z, 00:30Z), 01:50 CEST (23:50Z on the 24th)
    out, errors, _ = check.check([at(3, 10), at(2, 40), at(2, 20), at(2, 50), at(2, 30), at(1, 50)])
    assert errors == {}
    assert instants(out) == [utc(2, 10), utc(1, 40), utc(1, 20), utc(0, 50), utc(0, 30), utc(23, 50, 24)]
    assert all(b < a for a, b in zip(instants(out), instants(out)[1:], strict=False))  # type: ignore[operator]


def test_the_same_time_twice_on_its_own_is_refused_not_read_as_one_instant():
    # 02:30 twice between 01:30 and 03:30: summer/summer, summer/winter, winter/winter all fit
    out, errors, _ = ZoneCheck(BERLIN).check([at(1, 30), at(2, 30), at(2, 30), at(3, 30)])
    assert sorted(errors) == [1, 2] and out[1] is None and out[2] is None
