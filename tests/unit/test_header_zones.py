"""The zone a time column's header states, read by the one zone parser (a fresh tester's files, session 5).

Answers are worked out here with zoneinfo from the zone's IANA definition, not with the importer's reader.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK
from gui.data.importers import ImportOptions, import_file
from gui.data.importers.zones import stated_zone
from gui.onenet.readings import format_at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLATFORM = timezone(timedelta(hours=8))
#: The clock time every file here holds.
WRITTEN = datetime(2026, 7, 15, 13, 0)


def platform_at(zone) -> str:
    """`WRITTEN` read in `zone` (a tzinfo), as the platform's `at` (UTC+8)."""
    return WRITTEN.replace(tzinfo=zone).astimezone(PLATFORM).strftime("%Y-%m-%dT%H:%M:%S")


def ats(path: Path, source_tz: str = "America/New_York") -> list[str]:
    result = import_file(path, ImportOptions(source_tz=source_tz))
    return [format_at(point.at) for _, point in result.pairs() if point.at]


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


@pytest.mark.parametrize(
    ("name", "zone", "at"),
    [
        # IANA Etc/GMT+5 is UTC-5 (POSIX sign, inverted): 13:00 there is 18:00 UTC, 02:00 next day in UTC+8
        ("header_zone_etc_gmt_plus5.csv", "Etc/GMT+5", "2026-07-16T02:00:00"),
        ("header_zone_etc_gmt_minus8.csv", "Etc/GMT-8", "2026-07-15T13:00:00"),  # UTC+8: the platform's own
        ("header_zone_beijing.csv", "Asia/Shanghai", "2026-07-15T13:00:00"),  # 时间(北京时间): Beijing time
    ],
)
def test_a_headers_zone_is_read_as_the_zone_database_defines_it(name, zone, at):
    assert platform_at(ZoneInfo(zone)) == at  # the answer, from the zone database alone
    assert ats(FIXTURES / name) == [at]  # not the source zone (New York), not the offset with its sign turned


def test_send_says_the_etc_zone_by_its_true_offset_and_sends_its_time(capsysbinary):
    code = main(["send", str(FIXTURES / "header_zone_etc_gmt_plus5.csv"), "--dry-run"])
    captured = capsysbinary.readouterr()
    err, out = captured.err.decode(), captured.out.decode()
    assert code == EXIT_OK, err
    assert "zone UTC-05:00 (from the header 'time (Etc/GMT+5)')" in err and "UTC+05:00" not in err
    assert '"at":"2026-07-16T02:00:00"' in out


@pytest.mark.parametrize(
    ("header", "zone"),
    [
        ("Date Time, GMT-05:00", timezone(timedelta(hours=-5))),  # as HOBOware writes it
        ("Date Time, GMT+00:00", UTC),
        ("Time (GMT+5)", timezone(timedelta(hours=5))),  # an offset after GMT counts east, unlike Etc/GMT+5
        ("Time UTC+8", PLATFORM),
        ("时间 UTC+08:00", PLATFORM),
        ("北京时间 UTC/GMT+8", PLATFORM),
        ("Time [UTC+05:30]", timezone(timedelta(hours=5, minutes=30))),
        ("time (UTC−3)", timezone(timedelta(hours=-3))),  # U+2212 minus
        ("Timestamp(UTC)", UTC),
        ("Time (JST)", timezone(timedelta(hours=9))),  # no summer time in Japan: fixed all year
        ("Time (America/New_York)", ZoneInfo("America/New_York")),  # July: EDT, UTC-4
        ("Time (Asia/Shanghai)", ZoneInfo("Asia/Shanghai")),
        ("time (etc/gmt-8)", ZoneInfo("Etc/GMT-8")),  # any case, as the zone box takes it
        ("北京时间", ZoneInfo("Asia/Shanghai")),
        ("时间（北京时间）", ZoneInfo("Asia/Shanghai")),  # full-width brackets
    ],
)
def test_every_header_zone_form_reads_right(tmp_path, header, zone):
    path = tmp_path / "z.csv"
    path.write_text(f'"{header}",v\n{WRITTEN:%Y-%m-%d %H:%M:%S},1\n', encoding="utf-8")
    assert ats(path, source_tz="Europe/London") == [platform_at(zone)]


@pytest.mark.parametrize("header", ["time (Etc/GMT+13)", "time (UTC+99)", "time (UTC+05:75)", "time"])
def test_no_zone_is_made_up_from_a_header_that_names_none(header):
    """Etc/GMT+13 is no zone (the database stops at +12); an offset beyond 14 hours is none either: not `GMT`."""
    assert stated_zone(header) is None


@pytest.mark.parametrize("header", ["Time (CST)", "Date-Time (AST/ADT)", "Time (IST)", "Time (BST)"])
def test_ambiguous_abbreviations_still_ask(header):
    stated = stated_zone(header)
    assert stated is not None and stated.choices and not stated.name
