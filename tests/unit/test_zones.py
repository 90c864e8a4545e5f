"""The one zone parser (gui.onenet.zones): what it reads, what it refuses and why, and nothing else raised."""

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.onenet.zones import Zone, ZoneError, parse_zone, zone_names


@pytest.mark.parametrize(
    ("text", "name", "offset"),
    [
        ("Asia/Shanghai", "Asia/Shanghai", None),
        ("  asia/shanghai ", "Asia/Shanghai", None),
        ("UTC", "UTC", timedelta(0)),
        ("gmt", "UTC", timedelta(0)),
        ("UTC+8", "UTC+08:00", timedelta(hours=8)),
        ("GMT+8", "UTC+08:00", timedelta(hours=8)),
        ("GMT-3", "UTC-03:00", timedelta(hours=-3)),
        ("+05:30", "UTC+05:30", timedelta(hours=5, minutes=30)),
        ("UTC+05:30", "UTC+05:30", timedelta(hours=5, minutes=30)),
        ("+0530", "UTC+05:30", timedelta(hours=5, minutes=30)),
        ("UTC−14", "UTC-14:00", timedelta(hours=-14)),
        ("UTC+0", "UTC", timedelta(0)),
    ],
)
def test_names_and_offsets_are_read_with_their_canonical_name(text, name, offset):
    zone = parse_zone(text)
    assert zone.name == name
    if offset is None:
        assert zone.tz == ZoneInfo(name) and not zone.fixed
    else:
        assert zone.tz.utcoffset(None) == offset and zone.fixed
    assert parse_zone(zone.name) == zone  # the name reads back as the same zone


@pytest.mark.parametrize(
    ("text", "code", "example"),
    [
        ("", "empty", ""),
        ("   ", "empty", ""),
        ("Asia", "incomplete", "Asia/Aden"),  # ZoneInfo("Asia") raised IsADirectoryError
        ("Europe/", "incomplete", "Europe/Amsterdam"),
        ("UTC+", "incomplete", "UTC+8"),
        ("+05:3", "incomplete", "UTC+8"),
        ("../etc", "unknown", ""),
        ("/etc/passwd", "unknown", ""),
        ("Mars/Olympus", "unknown", ""),
        ("posixrules", "unknown", ""),  # a file of the database, not a zone
        ("UTC+99", "offset-range", ""),
        ("UTC+14:30", "offset-range", ""),
        ("+05:60", "offset-minutes", ""),
        ("+٣", "unknown", ""),  # digits are ASCII digits
        # An abbreviation several zones share is never completed to the database's US name: `CST6CDT` is US
        # Central, 14 hours from China Standard Time, which a Chinese user typing CST means.
        ("CST", "abbreviation", ""),
        ("cst", "abbreviation", ""),
        ("PST", "abbreviation", ""),
        ("IST", "abbreviation", ""),
        ("CEST", "abbreviation", ""),
        ("CS", "unknown", ""),
    ],
)
def test_what_is_not_a_zone_is_refused_with_why(text, code, example):
    with pytest.raises(ZoneError) as refused:
        parse_zone(text)
    assert refused.value.code == code and refused.value.example == example
    assert isinstance(refused.value, ValueError)
    if text.strip():
        assert repr(text.strip()) in str(refused.value)


@given(st.text())
def test_any_text_is_a_zone_or_a_zone_error(text):
    try:
        zone = parse_zone(text)
    except ZoneError as exc:
        assert exc.code in ("empty", "incomplete", "abbreviation", "offset-range", "offset-minutes", "unknown")
    else:
        assert isinstance(zone, Zone) and parse_zone(zone.name) == zone


@given(st.text(alphabet="AEUTCGMaisz/_.+-−:0123456789 \x00", max_size=12))
def test_texts_close_to_zones_are_a_zone_or_a_zone_error(text):
    try:
        zone = parse_zone(text)
    except ZoneError:
        return
    assert zone.tz.utcoffset(None) is None or abs(zone.tz.utcoffset(None)) <= timedelta(hours=14)


@given(st.sampled_from(zone_names()))
def test_every_iana_name_is_read_as_itself(name):
    assert parse_zone(name).name == name


def test_utc_is_the_utc_singleton():
    assert parse_zone("Z").tz is UTC


def test_a_name_written_as_listed_is_read_without_listing_every_zone():
    zone_names.cache_clear()  # the system's database walked (and each file opened) again when asked
    assert parse_zone("Europe/Berlin") == Zone("Europe/Berlin", ZoneInfo("Europe/Berlin"))
    assert zone_names.cache_info().currsize == 0  # the tzdata package's list said so
    assert parse_zone("europe/berlin").name == "Europe/Berlin"  # any other spelling: from the whole list
