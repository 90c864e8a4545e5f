"""Source time zones: the zone a header states, the computer's zone, and DST gaps and repeats found per row.

Zone names are read by the one parser, `gui.onenet.zones.parse_zone`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

from gui.data.importers.options import ImportOptions
from gui.data.importers.result import ZONE_IN_TIMES
from gui.onenet.readings import occurrences
from gui.onenet.zones import ZoneError, inverted_sign, offset_name, parse_zone
from gui.text import QT_TRANSLATE_NOOP, Message

#: Abbreviations that name one offset; a file's header writing them means that offset (no DST switch).
_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "WEST": 60, "CET": 60, "MEZ": 60, "CEST": 120, "MESZ": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "AWST": 480,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "PST": -480, "PDT": -420,
    "MST": -420, "MDT": -360, "AKST": -540, "AKDT": -480, "HST": -600, "PKT": 300,
}  # fmt: skip
#: Abbreviations several zones use: the file cannot say which, so the user is asked.
_AMBIGUOUS = {
    "CST": ("Asia/Shanghai (China, UTC+8)", "America/Chicago (US Central, UTC-6)", "America/Havana (Cuba, UTC-5)"),
    "AST": ("America/Halifax (Atlantic, UTC-4)", "Asia/Riyadh (Arabia, UTC+3)"),
    "ADT": ("America/Halifax (Atlantic daylight, UTC-3)", "Asia/Baghdad (Arabia daylight, UTC+4)"),
    "IST": ("Asia/Kolkata (India, UTC+5:30)", "Europe/Dublin (Ireland, UTC+1)", "Asia/Jerusalem (Israel, UTC+2)"),
    "BST": ("Europe/London (British summer, UTC+1)", "Asia/Dhaka (Bangladesh, UTC+6)"),
    "CDT": ("America/Chicago (US Central daylight, UTC-5)", "America/Havana (Cuba daylight, UTC-4)"),
}
#: Standard-time abbreviations of regions with summer time: (the region's zone, its summer abbreviation).
#: Loggers write `CET` or `EST` over their local clock all year, so over dates in the region's summer the
#: abbreviation may mean the fixed offset or that local time: asked then (`summer_question`), fixed otherwise.
_SUMMER_REGIONS = {
    "CET": ("Europe/Berlin", "CEST"), "MEZ": ("Europe/Berlin", "MESZ"), "WET": ("Europe/Lisbon", "WEST"),
    "EET": ("Europe/Helsinki", "EEST"), "EST": ("America/New_York", "EDT"), "MST": ("America/Denver", "MDT"),
    "PST": ("America/Los_Angeles", "PDT"), "AKST": ("America/Anchorage", "AKDT"),
    "AEST": ("Australia/Sydney", "AEDT"), "NZST": ("Pacific/Auckland", "NZDT"),
}  # fmt: skip
#: Chinese names of zones a header may give (`时间(北京时间)`: Beijing time is China's one zone, UTC+8 today).
_CHINESE_NAMES = {"北京时间": "Asia/Shanghai"}
#: A word that may be an abbreviation (`CET`); not the end of a name (`Etc/GMT+13`) nor an offset's start (`UTC+99`).
_WORD = re.compile(r"(?<![A-Za-z/])[A-Za-z]+(?![A-Za-z]|\s*[+\-−]\s*\d)")
#: An IANA name in a header, as the database spells them: `Europe/Berlin`, `America/Port-au-Prince`,
#: `Etc/GMT+5` (its sign and digits belong to the name, so `GMT+5` is not read as an offset of its own).
_NAME = re.compile(r"(?<![A-Za-z0-9_/+\-])[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+")
#: `GMT-05:00` (HOBO), `UTC+8`, `UTC/GMT+8`, `UTC+0530`, `UTC −3`; never the end of an `Etc/GMT+N` name.
_STATED_OFFSET = re.compile(
    r"(?<![A-Za-z])(?<![Ee][Tt][Cc]/)(?:UTC|GMT)\s*(?P<sign>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)"
)


@dataclass(frozen=True)
class StatedZone:
    """A zone a file states (in a column's header): `zone` set when it names one, else `choices` to ask among."""

    text: str  #: what the header says, e.g. `GMT+00:00`, `UTC`, `CST`
    name: str = ""  #: the zone as `parse_zone` reads it (`UTC`, `UTC+08:00`, `Europe/Berlin`); empty when ambiguous
    choices: tuple[str, ...] = ()  #: for an ambiguous abbreviation: the zones it may mean, in words
    #: A standard-time abbreviation of a region with summer time (`CET`): that region's zone (`Europe/Berlin`).
    summer: str = ""


def stated_zone(header: str) -> StatedZone | None:
    """The zone a column header states: `Date Time, GMT+00:00`, `Timestamp(UTC)`, `time (UTC+8)`, `Zeit (MEZ)`.

    IANA names (`Europe/Berlin`; `Etc/GMT+5` is UTC-05:00, as the database
    defines it, and is named so), offsets after UTC/GMT, `北京时间` (Beijing
    time: Asia/Shanghai), fixed-offset abbreviations (`CET` means UTC+1
    all year: loggers that write it do not switch to summer time). Ambiguous abbreviations (`CST`, `AST/ADT`,
    `IST`, `BST`) give `choices` instead of a zone. None when the header
    states no zone.
    """
    for word in _NAME.findall(header):
        try:
            zone = parse_zone(word)
        except ZoneError:
            continue
        # `Etc/GMT+5` is UTC-05:00 (the database's inverted sign): named by its offset, never misread
        name = (
            offset_name(zone.tz.utcoffset(datetime(2000, 1, 1)) or timedelta(0))
            if inverted_sign(zone.name)
            else zone.name
        )
        return StatedZone(word, name)
    match = _STATED_OFFSET.search(header)
    if match:
        sign = "+" if match["sign"] == "+" else "-"
        text = f"UTC{sign}{int(match['h']):02d}:{match['m'] or '00'}"
        try:
            parse_zone(text)  # the one parser's limits: at most 14 hours, minutes below 60
        except ZoneError:
            pass
        else:
            return StatedZone(match[0].strip(), text)
    for chinese, name in _CHINESE_NAMES.items():
        if chinese in header:
            return StatedZone(chinese, name)
    for first, second in (("AST", "ADT"), ("CST", "CDT")):
        if first in header and second in header:
            return StatedZone(f"{first}/{second}", choices=_AMBIGUOUS[first])
    for word in _WORD.findall(header):
        if not word.isupper():
            continue
        if word in _AMBIGUOUS:
            return StatedZone(word, choices=_AMBIGUOUS[word])
        if word in _ABBREVIATIONS and word != "Z":
            minutes = _ABBREVIATIONS[word]
            if minutes == 0:
                return StatedZone(word, "UTC")
            sign = "-" if minutes < 0 else "+"
            region = _SUMMER_REGIONS.get(word, ("", ""))[0]
            return StatedZone(word, f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", summer=region)
    return None


def summer_days(stated: StatedZone, days: Sequence[date]) -> list[date]:
    """The days on which `stated.summer`'s region keeps summer time (at noon), in order; [] for none."""
    if not stated.summer:
        return []
    region = parse_zone(stated.summer).tz
    return [d for d in sorted(set(days)) if region.dst(datetime.combine(d, time(12))) not in (None, timedelta(0))]


def summer_question(stated: StatedZone) -> StatedZone:
    """`CET` over summer dates: the fixed offset or the region's local time, to ask among."""
    summer = _SUMMER_REGIONS.get(stated.text, ("", ""))[1]
    return StatedZone(
        stated.text,
        choices=(
            f"{stated.name} ({stated.text} all year: the clock never switches to summer time)",
            f"{stated.summer} ({stated.text} in winter, {summer} in summer)",
        ),
        summer=stated.summer,
    )


def unused_zone(options: ImportOptions, stated: str, applied: str) -> str:
    """The zone the caller chose (`options.source_tz`) when the file states another for its times, else "".

    The rule, in one place: a zone the file states, in a time column's
    header (`Date Time, GMT+00:00`, `Timestamp(UTC)`) or in each time
    (`+02:00`, `Z`), wins for that column; the caller's zone (`--source-tz`,
    the dialog's zone box) applies only to times that state none. `stated`
    is what the file states ("" when nothing; ZONE_IN_TIMES for the cells),
    `applied` the zone read from the header (`parse_zone` name). "" too when
    nobody chose a zone (`options.zone_from_file`) or the chosen zone is the
    stated one (`UTC` for `GMT+00:00`): nothing to tell.
    """
    if not stated or options.zone_from_file:
        return ""
    if stated != ZONE_IN_TIMES:
        try:
            chosen, header = parse_zone(options.source_tz), parse_zone(applied)
        except ZoneError:
            return options.source_tz
        if chosen.name == header.name or (
            chosen.fixed and header.fixed and chosen.tz.utcoffset(None) == header.tz.utcoffset(None)
        ):
            return ""
    return options.source_tz


def local_zone_name() -> str:
    """The computer's IANA zone name without Qt: `TZ`, then `/etc/localtime`, then `/etc/timezone`.

    Falls back to the current fixed offset (e.g. `UTC+01:00`), which is
    right today but not across a DST change; the Qt side uses
    `gui.ui.settings.system_zone_name()` instead.
    """
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for candidate in candidates:
        try:
            return parse_zone(candidate).name
        except ZoneError:
            continue
    return offset_name(datetime.now().astimezone().utcoffset() or timedelta(0))


class ZoneCheck:
    """Finds wall-clock times a DST change skipped (gaps) or repeated, in file order.

    A gap (02:30 on a spring-forward night in Europe/Berlin) does not exist:
    the row is rejected with the reason. A repeated time (02:30 on the
    autumn night) is worked out from the order of the rows only when they
    go back in time inside the repeated hour (a logger writing on through
    the change: 02:00, 02:30, 02:00, 02:30): the rows before the step back
    are the first occurrence, from it on the second, each with a warning
    naming the reading taken. A repeated time whose rows never go back (a
    lone `02:30`) is rejected naming both offsets, as the editor refuses
    it (`gui.onenet.readings.occurrences`, the one rule): which one is meant
    is the file's to say. So is a run still undecided at the end of a
    chunk: refused, never guessed. Days without a change are recognised
    once (cached) and cost nothing per row.
    """

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._fixed = isinstance(tz, timezone)
        self._changes: dict[date, bool] = {}
        self._previous: datetime | None = None  # the previous row's naive time when it was a repeated one
        self._second = False

    def changes_on(self, day: date) -> bool:
        """True when the zone's UTC offset changes on `day` (so some times there are gaps or repeats)."""
        known = self._changes.get(day)
        if known is None:
            offsets = {
                self.tz.utcoffset(datetime.combine(day, moment).replace(fold=fold))
                for moment in (time(0), time(23, 59, 59))
                for fold in (0, 1)
            }
            known = self._changes[day] = len(offsets) > 1
        return known

    def check(
        self, times: Sequence[datetime | None]
    ) -> tuple[list[datetime | None], dict[int, Message], dict[int, Message]]:
        """Check naive times of consecutive rows; aware ones and None pass through.

        Returns the times (second occurrences get `fold=1`), errors by
        position (gaps, repeated times the order does not settle) and
        warnings by position (repeated times worked out from the order).
        """
        errors: dict[int, Message] = {}
        warnings: dict[int, Message] = {}
        if self._fixed:
            return list(times), errors, warnings
        if None in times:
            naive_days = {t.date() for t in times if t is not None and t.tzinfo is None}
        else:  # C speed; aware times add a day or two to look at, nothing more
            naive_days = set(map(datetime.date, times))  # type: ignore[arg-type]
        if not any(self.changes_on(day) for day in naive_days):
            self._previous, self._second = None, False
            return list(times), errors, warnings
        out = list(times)
        pending: list[tuple[int, datetime, timedelta, timedelta]] = []  # repeated times not yet told apart

        def undecided() -> None:
            for k, naive, first, second in pending:
                errors[k] = _twice(naive, self.tz, first, second)
            pending.clear()

        for i, naive in enumerate(times):
            if naive is None or naive.tzinfo is not None:
                continue
            if not self.changes_on(naive.date()):
                undecided()
                self._previous, self._second = None, False
                continue
            offsets = occurrences(naive, self.tz)  # the one rule of gaps and repeats (`localize` refuses both)
            if len(offsets) == 1:
                undecided()
                self._previous, self._second = None, False
                continue
            shown = f"{naive:%Y-%m-%d %H:%M:%S}"
            if not offsets:
                skipped = QT_TRANSLATE_NOOP(
                    "importers", "{at} does not exist in {zone} (the clocks skipped it at the DST change)"
                )
                errors[i] = Message("time-skipped", "importers", skipped, {"at": shown, "zone": str(self.tz)})
                continue
            first, second = offsets
            if not self._second and self._previous is not None and naive < self._previous:
                self._second = True  # the rows went back inside the repeated hour: the ones before were the first
                for k, earlier, first_k, _ in pending:
                    out[k] = earlier.replace(fold=0)
                    warnings[k] = _read_as(earlier, self.tz, "first", first_k)
                pending.clear()
            self._previous = naive
            if self._second:
                out[i] = naive.replace(fold=1)
                warnings[i] = _read_as(naive, self.tz, "second", second)
            else:
                out[i] = None
                pending.append((i, naive, first, second))
        undecided()  # the rows of this chunk do not settle them: refused, never guessed
        return out, errors, warnings


def _read_as(naive: datetime, tz: tzinfo, which: str, offset: timedelta) -> Message:
    """Which occurrence of a repeated wall-clock time the order of the rows gave (`which`: first, second)."""
    if which == "first":
        source = QT_TRANSLATE_NOOP(
            "importers",
            "{at} happens twice in {zone} (the clocks went back); read as its first occurrence, UTC{offset}, "
            "from the order of the rows",
        )
    else:
        source = QT_TRANSLATE_NOOP(
            "importers",
            "{at} happens twice in {zone} (the clocks went back); read as its second occurrence, UTC{offset}, "
            "from the order of the rows",
        )
    args = {"at": f"{naive:%Y-%m-%d %H:%M:%S}", "zone": str(tz), "offset": _format_offset(offset)}
    return Message(f"time-twice-{which}", "importers", source, args)


def _twice(naive: datetime, tz: tzinfo, first: timedelta, second: timedelta) -> Message:
    """Why a repeated wall-clock time is refused: it names both offsets, to write in the file."""
    return Message(
        "time-twice",
        "importers",
        QT_TRANSLATE_NOOP(
            "importers",
            "{at} happens twice in {zone} (the clocks went back) and the rows around it do not tell which: write "
            "its offset after the time in the file, {first} for the first occurrence or {second} for the second",
        ),
        {
            "at": f"{naive:%Y-%m-%d %H:%M:%S}",
            "zone": str(tz),
            "first": _format_offset(first),
            "second": _format_offset(second),
        },
    )


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
