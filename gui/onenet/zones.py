"""Time zones as people type them: one parser for the window, the import dialog and the command line."""

from __future__ import annotations

import functools
import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from gui.text import QT_TRANSLATE_NOOP, Message

#: The widest UTC offset accepted (the zones in use today span UTC-12:00 to UTC+14:00).
MAX_OFFSET_MINUTES = 14 * 60
#: Texts that mean UTC itself (any case).
_UTC_NAMES = frozenset({"UTC", "GMT", "Z"})
#: `UTC+8`, `GMT-3`, `+05:30`, `UTC+0530`, `utc + 8`; `−` (U+2212) is read as a minus sign.
_OFFSET = re.compile(
    r"(?:UTC|GMT)?\s*(?P<sign>[+\-−])\s*(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?|(?P<hh>\d{2})(?P<mm>\d{2}))",
    re.IGNORECASE | re.ASCII,
)
#: The start of an offset still being typed: `U`, `UTC`, `UTC+`, `+05:`.
_OFFSET_START = re.compile(
    r"(?:U|UT|UTC|G|GM|GMT)?\s*(?:[+\-−]\s*(?:\d{1,2}(?::\d?)?|\d{3})?)?", re.IGNORECASE | re.ASCII
)


class ZoneError(ValueError):
    """A text that is not a time zone, with why (`code`) for the window and the command line to say.

    `code` is one of:
    - `"empty"`: nothing typed;
    - `"incomplete"`: the start of a zone (`Asia`, `Europe/`, `UTC+`):
      `example` is a zone it could become (`Asia/Aden`, `UTC+8`);
    - `"abbreviation"`: an abbreviation that is not an IANA name (`CST`, `IST`):
      several zones share most of them, so none is guessed;
    - `"offset-range"`: an offset beyond ±14:00 (`UTC+99`);
    - `"offset-minutes"`: an offset's minutes beyond 59 (`+05:75`);
    - `"unknown"`: anything else (`Mars/Olympus`, `../etc`).
    `text` is the text as given; `str()` is an English sentence.
    """

    def __init__(self, code: str, text: str, example: str = "") -> None:
        self.code = code
        self.text = text
        self.example = example
        super().__init__(_MESSAGES[code].format(text=text.strip(), example=example))

    @property
    def message(self) -> Message:
        """The sentence for a person (`str()` is its English source), rendered by `gui.i18n.render`."""
        return Message(self.code, "zones", _MESSAGES[self.code], {"text": self.text.strip(), "example": self.example})


_MESSAGES = {
    "empty": QT_TRANSLATE_NOOP("zones", "no time zone given: type a name like Asia/Shanghai or an offset like UTC+8"),
    "incomplete": QT_TRANSLATE_NOOP("zones", "{text!r} is not a time zone yet: continue it, e.g. {example}"),
    "abbreviation": QT_TRANSLATE_NOOP(
        "zones",
        "{text!r} is an abbreviation, not a time zone: several zones share one (CST is China's, US Central's "
        "and Cuba's); type the zone's name, e.g. Asia/Shanghai, or its offset, e.g. UTC+8",
    ),
    "offset-range": QT_TRANSLATE_NOOP(
        "zones", "{text!r} is not a time zone: an offset is at most 14 hours (UTC-14:00 to UTC+14:00)"
    ),
    "offset-minutes": QT_TRANSLATE_NOOP("zones", "{text!r} is not a time zone: an offset's minutes go from 00 to 59"),
    "unknown": QT_TRANSLATE_NOOP(
        "zones", "{text!r} is not a time zone: type a name like Asia/Shanghai or an offset like UTC+8"
    ),
}


@dataclass(frozen=True)
class Zone:
    """A time zone as `parse_zone` read it.

    `name` is how the zone is written from now on (settings, headers,
    `--source-tz`): an IANA name as the database spells it
    (`Asia/Shanghai`), `UTC`, or a fixed offset `UTC+08:00` / `UTC-03:00`
    / `UTC+05:30` (hours and minutes east of UTC). `tz` is a `ZoneInfo`
    for IANA names (daylight saving time included) and a fixed
    `datetime.timezone` for `UTC` and offsets. `parse_zone(zone.name) == zone`.
    """

    name: str
    tz: tzinfo

    @property
    def fixed(self) -> bool:
        """True for UTC and fixed offsets (no daylight saving time)."""
        return isinstance(self.tz, timezone)


@functools.cache
def zone_names() -> tuple[str, ...]:
    """The IANA zone names this computer knows (`zoneinfo.available_timezones()`: the system's database or
    the `tzdata` package), sorted; read once."""
    return tuple(sorted(zoneinfo.available_timezones()))


#: `Etc/GMT-3` and the like: IANA names whose sign is the POSIX one, inverted (`Etc/GMT-3` is UTC+03:00).
_INVERTED_ETC = re.compile(r"Etc/GMT[+-]\d+")


def inverted_sign(name: str) -> bool:
    """True for the IANA names `Etc/GMT+N` / `Etc/GMT-N` (N > 0), whose sign is inverted: `Etc/GMT-3` is
    UTC+03:00 (POSIX, as the database defines them). They are valid zones but never offered in a list, where
    `GMT-3` typed would find `Etc/GMT-3`, six hours from UTC-3."""
    return bool(_INVERTED_ETC.fullmatch(name)) and int(name[7:]) != 0


#: The database's legacy names written like clock abbreviations: the POSIX-style US rules (`CST6CDT` is US
#: Central time, 14 hours from China's "CST") and the bare abbreviations (`EST`, `CET`), and the zone each stands
#: for today (tzdata's `backward` file links them there since 2024b). `CST`, `EST`, `IST` typed mean other zones as
#: often, so none of these is ever offered for them; typed in full, each is read with a note (`legacy_zone`).
LEGACY_NAMES = {
    "CET": "Europe/Brussels",
    "CST6CDT": "America/Chicago",
    "EET": "Europe/Athens",
    "EST": "America/Panama",
    "EST5EDT": "America/New_York",
    "HST": "Pacific/Honolulu",
    "MET": "Europe/Brussels",
    "MST": "America/Phoenix",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "WET": "Europe/Lisbon",
}


def legacy_zone(name: str) -> str:
    """The zone a legacy abbreviation-like name (`LEGACY_NAMES`, as `parse_zone` spells it) stands for today
    (`CST6CDT` -> `America/Chicago`); "" for any other name."""
    return LEGACY_NAMES.get(name, "")


def zone_offsets(tz: tzinfo, year: int) -> str:
    """The UTC offsets `tz` has on 1 January and 1 July of `year`, smaller first: `UTC-06:00 / UTC-05:00`, or one
    (`UTC+08:00`) when they are equal."""
    offsets: list[timedelta] = []
    for month in (1, 7):
        offset = datetime(year, month, 1, 12, tzinfo=tz).utcoffset()
        if offset is not None and offset not in offsets:
            offsets.append(offset)
    return " / ".join(offset_name(offset) for offset in sorted(offsets))


@functools.cache
def offered_zone_names() -> tuple[str, ...]:
    """What a zone list or completer offers: `zone_names()` less those with an inverted sign (`inverted_sign`)
    and the legacy abbreviation-like names (`LEGACY_NAMES`), which `CST` or `EST` typed would find."""
    return tuple(name for name in zone_names() if not inverted_sign(name) and name not in LEGACY_NAMES)


@functools.cache
def _names_by_folded_case() -> dict[str, str]:
    return {name.casefold(): name for name in zone_names()}


@functools.cache
def _packaged_zone_names() -> frozenset[str]:
    """The names the `tzdata` package lists (a dependency): `zoneinfo.available_timezones()` starts from this
    very list, so each is one of `zone_names()`. Read in well under a millisecond, where listing them all
    walks the system's database and opens each of its ~600 files (6 ms and more): a name typed or remembered
    exactly as listed is known without that walk. Empty without the package."""
    from importlib import resources

    try:
        with resources.files("tzdata").joinpath("zones").open("r") as listed:
            return frozenset(line.strip() for line in listed if line.strip())
    except (ImportError, FileNotFoundError):
        return frozenset()


def offset_name(offset: timedelta) -> str:
    """`UTC+08:00`, `UTC-03:00`, `UTC+05:30`; `UTC` for zero (the `name` `parse_zone` gives a fixed offset)."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_zone(text: str) -> Zone:
    """Read a time zone typed by a person or given on the command line.

    Accepts IANA names (`Asia/Shanghai`, any case: `asia/shanghai`; the
    names of `zone_names()`), `UTC` (also `GMT`, `Z`) and fixed offsets
    east of UTC written `UTC+8`, `GMT-3`, `+05:30`, `UTC+05:30`, `+0530`
    (note that the IANA names `Etc/GMT+3` count the other way round: UTC-3,
    as the database defines them). Spaces at the ends are ignored.

    Returns a `Zone` (its `name` is the canonical spelling). Raises
    `ZoneError` (a ValueError), and nothing else, for any other text; its
    `code` says why (see ZoneError).
    """
    stripped = text.strip()
    if not stripped:
        raise ZoneError("empty", text)
    if stripped.upper() in _UTC_NAMES:
        return Zone("UTC", UTC)
    match = _OFFSET.fullmatch(stripped)
    if match:
        hours = int(match["h"] or match["hh"])
        minutes = int(match["m"] or match["mm"] or 0)
        if minutes >= 60:
            raise ZoneError("offset-minutes", text)
        total = hours * 60 + minutes
        if total > MAX_OFFSET_MINUTES:
            raise ZoneError("offset-range", text)
        offset = timedelta(minutes=-total if match["sign"] != "+" else total)
        return Zone(offset_name(offset), timezone(offset) if total else UTC)
    # Names differ by more than case (IANA), so one listed exactly is the canonical spelling.
    name = stripped if stripped in _packaged_zone_names() else _names_by_folded_case().get(stripped.casefold())
    if name is not None:
        try:
            return Zone(name, zoneinfo.ZoneInfo(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # listed, yet its file cannot be read
            raise ZoneError("unknown", text) from None
    example = _completion(stripped)
    # `CST` is China's, the US's Central and Cuba's: never completed to `CST6CDT` (US Central, 14 h from China).
    if not example and (_ABBREVIATION.fullmatch(stripped) or stripped.upper() in _POSIX_RULE_STARTS):
        raise ZoneError("abbreviation", text)
    if example:
        raise ZoneError("incomplete", text, example)
    raise ZoneError("unknown", text)


#: A zone abbreviation as clocks and files write it (`CST`, `IST`, `CEST`); the ones that are IANA names
#: (`EST`, `CET`, `UTC`) are read before this is asked.
_ABBREVIATION = re.compile(r"[A-Z]{3,5}")
_POSIX_RULE_STARTS = frozenset({"CST", "EST", "MST", "PST"})


def _completion(start: str) -> str:
    """A zone `start` could become as more is typed ("" when none): an IANA name, or `UTC+8` for an offset."""
    folded = start.casefold()
    for name in zone_names():
        if name.casefold().startswith(folded) and name not in LEGACY_NAMES:
            return name
    if _OFFSET_START.fullmatch(start):
        return "UTC+8"
    return ""
