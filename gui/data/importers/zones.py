"""Source time zones: the zone a header states, the computer's zone, and DST gaps and repeats found per row.

Zone names are read by the one parser, `gui.onenet.zones.parse_zone`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
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


#: A zone abbreviation a time cell may carry after its time (`2026-12-07 09:00:00 CET`, `date`'s `… CST 2026`):
#: the words the header rule knows, upper case, longest first (`CEST` before `CET`).
CELL_ZONE_WORDS = "|".join(sorted((set(_ABBREVIATIONS) | set(_AMBIGUOUS)) - {"Z", "UTC", "GMT"}, key=len, reverse=True))


@functools.lru_cache(maxsize=4096)
def cell_zone(word: str, day: date) -> tzinfo | Message:
    """The offset a zone abbreviation in a time cell gives that cell (of date `day`), by the header's rule.

    `stated_zone` reads the word as it reads a header: a word of one offset
    (`CEST`, `JST`, `UTC`) is that offset; a region's standard-time word
    (`CET`, `EST`) is its fixed offset on a date outside the region's summer.
    Otherwise the cell cannot say which instant it is, and the Message says
    why: an ambiguous word (`CST`: China, US Central or Cuba) or a
    standard-time word on a summer date (`CET` in July: UTC+01:00 all year,
    or Berlin's clock showing CEST?). A header's word is asked; a cell's is
    refused with the reason, never read in a guessed zone: the offset
    written in its place settles it.
    """
    stated = stated_zone(word)
    assert stated is not None, word  # every word of CELL_ZONE_WORDS is one `stated_zone` reads
    if stated.choices:
        return Message(
            "cell-zone-ambiguous",
            "importers",
            QT_TRANSLATE_NOOP(
                "importers",
                "the zone {zone} in the cell is used by several zones ({choices}): write the offset that was "
                "meant in its place, such as +08:00",
            ),
            {"zone": word, "choices": "; ".join(stated.choices)},
        )
    if stated.summer and summer_days(stated, [day]):
        return Message(
            "cell-zone-summer",
            "importers",
            QT_TRANSLATE_NOOP(
                "importers",
                "the zone {zone} in the cell is {offset}, but this date is in summer time, when a clock labelled "
                "{zone} may show {region}'s summer time: write the offset that was meant in its place",
            ),
            {"zone": word, "offset": stated.name, "region": stated.summer},
        )
    return parse_zone(stated.name).tz


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
    autumn night) is worked out from the order of the rows only when exactly
    one reading puts the run of repeated rows, with the rows just around it,
    in order, and in the direction the file shows (the last step between
    rows before it, when there is one). Oldest first, a logger writing on
    through the change goes back inside the repeated hour (02:00, 02:30,
    02:00, 02:30): the rows before the step back are the first occurrence,
    from it on the second. Newest first, the same rows read mirrored jump
    forward (02:30, 02:00, 02:30, 02:00): the rows before the jump are the
    second occurrence, from it on the first. Each worked-out row gets a
    warning naming the reading taken. A run that more than one reading puts
    in order (a lone `02:30`; 02:40, 02:20 read newest first, which may be
    both summer, both winter or one of each) or none does (rows out of
    order) is rejected naming both offsets, as the editor refuses it
    (`gui.onenet.readings.occurrences`, the one rule): which one is meant
    is the file's to say. So two rows are never read as one instant because
    of the fold. A run still open at the end of a chunk is decided from the
    rows seen so far, and the next chunk goes on from its last instant and
    direction. Days without a change are recognised once (cached) and cost
    nothing per row.
    """

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._fixed = isinstance(tz, timezone)
        self._changes: dict[date, bool] = {}
        #: The last row's instant (naive UTC) with a known one, and the direction the rows took to it (+1, -1, 0).
        self._last: datetime | None = None
        self._direction = 0

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

    def _instant(self, t: datetime) -> datetime:
        """The UTC instant (naive) of an aware time or of a naive one that happens once in the zone."""
        if t.tzinfo is not None:
            return t.astimezone(UTC).replace(tzinfo=None)
        return t - (self.tz.utcoffset(t) or timedelta(0))

    def _pass(self, instant: datetime) -> None:
        """A row with a known instant: it sets the direction the file shows (equal times show none)."""
        if self._last is not None and instant != self._last:
            self._direction = 1 if instant > self._last else -1
        self._last = instant

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
            self._tail(times)
            return list(times), errors, warnings
        out = list(times)
        run: list[tuple[int, datetime, timedelta, timedelta]] = []  # consecutive repeated times of one day

        def settle(following: datetime | None) -> None:
            if run:
                self._settle(run, following, out, errors, warnings)
                run.clear()

        for i, t in enumerate(times):
            if t is None:
                continue
            if t.tzinfo is None and self.changes_on(t.date()):
                offsets = occurrences(t, self.tz)  # the one rule of gaps and repeats (`localize` refuses both)
                if not offsets:
                    skipped = QT_TRANSLATE_NOOP(
                        "importers", "{at} does not exist in {zone} (the clocks skipped it at the DST change)"
                    )
                    args = {"at": f"{t:%Y-%m-%d %H:%M:%S}", "zone": str(self.tz)}
                    errors[i] = Message("time-skipped", "importers", skipped, args)
                    continue
                if len(offsets) == 2:
                    if run and run[0][1].date() != t.date():
                        settle(None)  # another night's change: a run is one night's repeated hour
                    run.append((i, t, offsets[0], offsets[1]))
                    continue
            instant = self._instant(t)
            settle(instant)
            self._pass(instant)
        settle(None)  # decided from the rows seen so far; the next chunk goes on from the last instant
        return out, errors, warnings

    def _tail(self, times: Sequence[datetime | None]) -> None:
        """A chunk without a change: its last instant and the direction of its last step, for the next chunk."""
        last: datetime | None = None
        for t in reversed(times):
            if t is None:
                continue
            instant = self._instant(t)
            if last is None:
                last = instant
            elif instant != last:
                self._last, self._direction = instant, 0
                break
        if last is not None:
            self._pass(last)

    def _settle(
        self,
        run: list[tuple[int, datetime, timedelta, timedelta]],
        following: datetime | None,
        out: list[datetime | None],
        errors: dict[int, Message],
        warnings: dict[int, Message],
    ) -> None:
        """Read a run of repeated times by the one reading that keeps it in order with the rows around it.

        In order oldest first, first occurrences come before second ones
        (folds 0…0 1…1); newest first, the reverse (1…1 0…0). Each direction
        the file may take (only the one it shows, when it shows one) and each
        place of the switch is tried; equal times may stay equal (several
        datastreams of one time, long layout). Exactly one fitting reading is
        taken; otherwise every row of the run is rejected naming both offsets.
        """
        n = len(run)
        previous = self._last
        readings: set[tuple[int, int]] = set()  # (fold of every row before the switch, switch position)
        last: tuple[int, int] | None = None  # a fitting reading: (fold before the switch, switch position)
        for direction in (1, -1):
            if self._direction and direction != self._direction:
                continue
            before, after = (0, 1) if direction == 1 else (1, 0)
            a = [naive - (first if before == 0 else second) for _, naive, first, second in run]
            b = [naive - (first if after == 0 else second) for _, naive, first, second in run]
            ordered = _ascending if direction == 1 else _descending
            head = [True] * (n + 1)  # head[k]: previous, a[0], …, a[k-1] in order
            for k in range(1, n + 1):
                head[k] = head[k - 1] and ordered(previous if k == 1 else a[k - 2], a[k - 1])
            tail = [True] * (n + 1)  # tail[k]: b[k], …, b[n-1], following in order
            for k in range(n - 1, -1, -1):
                tail[k] = tail[k + 1] and ordered(b[k], following if k == n - 1 else b[k + 1])
            for k in range(n + 1):
                join = ordered(previous if k == 0 else a[k - 1], following if k == n else b[k])
                if head[k] and tail[k] and join:
                    # all rows of one fold is one reading, whichever direction found it
                    key = (after, n) if k == 0 else (before, k)
                    readings.add(key)
                    last = (before, k)
        if len(readings) != 1 or last is None:
            for k, naive, first, second in run:
                out[k] = None
                errors[k] = _twice(naive, self.tz, first, second)
            self._last = None
            return
        before, switch = last
        for position, (k, naive, first, second) in enumerate(run):
            fold = before if position < switch else 1 - before
            out[k] = naive.replace(fold=fold)
            warnings[k] = _read_as(naive, self.tz, "second" if fold else "first", second if fold else first)
            self._pass(naive - (second if fold else first))


def _ascending(x: datetime | None, y: datetime | None) -> bool:
    """`y` is not before `x` (or one of them is not there to compare)."""
    return x is None or y is None or y >= x


def _descending(x: datetime | None, y: datetime | None) -> bool:
    """`y` is not after `x` (or one of them is not there to compare)."""
    return x is None or y is None or y <= x


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
