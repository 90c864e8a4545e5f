"""Reading a time cell: ISO 8601 and day/month orders, compact digits, month names, periods, intervals, Unix
and Excel numbers, the user's pattern; the C-level fast path. Each parser raises a `CellError` with the reason."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import repeat
from typing import Any

from gui.data.importers.cell_numbers import CellError, refuse_uncomputed
from gui.data.importers.options import DateOrder, TimeFormat
from gui.data.importers.result import message as _m
from gui.data.importers.serials import excel_datetime
from gui.data.importers.zones import CELL_ZONE_WORDS, cell_zone
from gui.text import QT_TRANSLATE_NOOP, Message, reason_of

_TIME = (
    r"(?P<H>\d{1,2})(?P<ts>[:.])(?P<M>\d{2})(?:(?P=ts)(?P<S>\d{2})(?:[.,](?P<F>\d{1,6}))?)?"
    r"(?:\s*(?P<P>[AaPp]\.?[Mm]\.?))?"
)


#: After a time: an offset, `Z`, ` UTC`, or a zone abbreviation the header rule knows (`CET`, `CST`: `cell_zone`).
_ZONE = rf"(?:\s*(?P<Z>Z|UTC|GMT|[+-]\d{{2}}(?::?\d{{2}})?)|\s+(?-i:(?P<A>{CELL_ZONE_WORDS})))?"


_YMD_RE = re.compile(
    rf"(?P<y>\d{{4}})\s*(?P<sep>[-/.年])\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})\s*日?"
    rf"(?:(?:T|\s+|\s*T\s*){_TIME}{_ZONE})?"
)


_XY_RE = re.compile(
    rf"(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})"
    rf"(?:(?:T|\s+){_TIME}{_ZONE})?"
)


_TOD_RE = re.compile(_TIME)


#: Plausible ranges of numeric times (so a column of pressures is never read as dates).
EXCEL_RANGE = (20000.0, 80000.0)  # 1954 .. 2119


EPOCH_S_RANGE = (1e8, 4.2e9)  # 1973 .. 2103


EPOCH_MS_RANGE = (1e11, 4.2e12)


EPOCH_US_RANGE = (1e14, 4.2e15)


EPOCH_NS_RANGE = (1e17, 4.2e18)


#: Unix time formats by magnitude; the ranges do not overlap, so the magnitude alone tells them apart.
EPOCH_FORMATS = (
    (TimeFormat.EPOCH_S, EPOCH_S_RANGE, 1),
    (TimeFormat.EPOCH_MS, EPOCH_MS_RANGE, 1_000),
    (TimeFormat.EPOCH_US, EPOCH_US_RANGE, 1_000_000),
    (TimeFormat.EPOCH_NS, EPOCH_NS_RANGE, 1_000_000_000),
)


_EPOCH_UNITS = {fmt: per_second for fmt, _, per_second in EPOCH_FORMATS}


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


#: Years a compact `YYYYMMDD…` number may have (a weather service's archive starts in the 19th century).
COMPACT_YEARS = (1800, 2200)


COMPACT_LENGTHS = {8: "YYYYMMDD", 10: "YYYYMMDDHH", 12: "YYYYMMDDHHMM", 14: "YYYYMMDDHHMMSS"}


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        1,
    )
    for name in names
}  # fmt: skip


_SEP = r"[\s\-/.]*"


_TAIL = rf"(?:(?:T|\s+|,\s*|\s+at\s+){_TIME}{_ZONE})?"


_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"


_MONTH_RES = (
    re.compile(
        rf"{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_SEP}(?P<mon>[a-z]{{3,9}})\.?,?{_SEP}(?P<y>\d{{4}}|\d{{2}}){_TAIL}",
        re.I,
    ),
    re.compile(
        rf"{_WEEKDAY}(?P<mon>[a-z]{{3,9}})\.?{_SEP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?{_SEP}(?P<y>\d{{4}}){_TAIL}", re.I
    ),
    re.compile(rf"(?P<y>\d{{4}}){_SEP}(?P<mon>[a-z]{{3,9}})\.?{_SEP}(?P<d>\d{{1,2}}){_TAIL}", re.I),
    # `date`'s layout: `Mon Dec  7 09:00:00 CST 2026` (the year after the time and its zone)
    re.compile(rf"{_WEEKDAY}(?P<mon>[a-z]{{3,9}})\s+(?P<d>\d{{1,2}})\s+{_TIME}{_ZONE}\s+(?P<y>\d{{4}})", re.I),
)


_QUARTER_RES = (
    re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*Q(?P<q>[1-4])", re.I),
    re.compile(r"Q(?P<q>[1-4])\s*[-/ ]?\s*(?P<y>\d{4})", re.I),
)


_YEAR_MONTH_RE = re.compile(r"(?P<y>\d{4})\s*[-/年]\s*(?P<m>\d{1,2})\s*月?")


_YEAR_RE = re.compile(r"\d{4}")


_INTERVAL_RE = re.compile(
    rf"{_TIME}\s*(?:-|–|—|~|to|bis)\s*\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?"
)


#: Chinese clock times: `8时30分`, `8点30分15秒`, `8时` (read as `8:30`, `8:30:15`, `8:00`).
_CJK_CLOCK = re.compile(r"(\d{1,2})\s*[时時点點]\s*(?:(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?)?")


#: `上午 11:15:00` / `下午 1:15` (before the time, as Chinese Excel and WPS write AM/PM).
_CJK_MERIDIAN = re.compile(r"(上午|下午)\s*(\d{1,2}:\d{2}(?::\d{2})?)")


#: A zone abbreviation inside a time cell, as a word of its own (`… CET`, `… 09:00:00 CST 2026`).
_ZONE_WORD = re.compile(rf"\s({CELL_ZONE_WORDS})(?=\s|$)")


def open_zone_word(raws: Sequence[Any], fmt: TimeFormat) -> tuple[str, list[date]]:
    """The zone abbreviation sampled time cells carry that leaves their offset open, and the dates of those cells.

    The first word a cell is refused for (`cell_zone`: `CST`, or `CET` on a
    summer date) that reads without it; ("", []) when there is none. The
    column's zone then answers that word (`time_columns.time_zone`) as it
    answers a header's; a cell with another such word stays refused with
    its reason. Cells the word settles (`CEST`, `CET` in winter) are read
    with their offset and do not count.
    """
    word, days = "", []
    for raw in raws:
        if not isinstance(raw, str):
            continue
        try:
            parse_datetime_text(raw, fmt)
        except CellError as exc:
            found = _ZONE_WORD.search(raw)
            if found is None or getattr(exc.text, "code", "") != "cell-zone" or word not in ("", found[1]):
                continue
            try:
                stripped = parse_datetime_text(without_zone_word(raw, found[1]), fmt)
            except ValueError:
                continue
            word = found[1]
            days.append(stripped.date())
        except ValueError:
            continue
    return word, days


def without_zone_word(text: str, word: str) -> str:
    """`text` without the zone abbreviation `word` (a word of its own), to read its clock time alone."""
    return _ZONE_WORD.sub(lambda m: "" if m[1] == word else m[0], text, count=1)


def _time_of(match: re.Match[str], text: str) -> time:
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"] or 0)
    micro = int((match["F"] or "0").ljust(6, "0"))
    meridian = (match["P"] or "").replace(".", "").lower()
    if meridian:
        if not 1 <= hour <= 12:
            raise CellError(
                _m(
                    "hour-cannot-go-with",
                    QT_TRANSLATE_NOOP("importers", "{text}: hour {hour} cannot go with {meridian}"),
                    text=repr(text),
                    hour=str(hour),
                    meridian=str(meridian.upper()),
                )
            )
        hour = hour % 12 + (12 if meridian == "pm" else 0)
    try:
        return time(hour, minute, second, micro)
    except ValueError as exc:
        raise CellError(
            _m(
                "is-not-a-valid-time-of-day",
                QT_TRANSLATE_NOOP("importers", "{text} is not a valid time of day ({why})"),
                text=repr(text),
                why=reason_of(exc),
            )
        ) from exc


def _clock_time(pattern: re.Pattern[str], text: str, code: str, refusal: str) -> time:
    """The time of day `pattern` (with `_time_of`'s groups) reads in the whole of `text`; CellError(`refusal`,
    a message with `{text}`) when it does not match."""
    match = pattern.fullmatch(text.strip())
    if match is None:
        raise CellError(_m(code, refusal, text=repr(text)))
    return _time_of(match, text)


def _zone_of(match: re.Match[str], day: date, text: str) -> Any:
    zone = match["Z"]
    if not zone:
        if match["A"]:  # an abbreviation: its offset on that date, by the header's rule, or why it has none
            found = cell_zone(match["A"], day)
            if isinstance(found, Message):
                raise CellError(
                    _m("cell-zone", QT_TRANSLATE_NOOP("importers", "{text}: {why}"), text=repr(text), why=found)
                )
            return found
        return None
    if zone in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(sign * timedelta(minutes=minutes))


def _build(y: int, m: int, d: int, match: re.Match[str], text: str, order: str) -> datetime:
    try:
        day = date(y, m, d)
    except ValueError as exc:
        raise CellError(
            _m(
                "is-not-a-valid-date-when-read-as",
                QT_TRANSLATE_NOOP("importers", "{text} is not a valid date when read as {order} ({why})"),
                text=repr(text),
                order=str(order),
                why=reason_of(exc),
            )
        ) from exc
    moment = _time_of(match, text) if match["H"] is not None else time(0)
    stamped = datetime.combine(day, moment)
    zone = _zone_of(match, day, text)
    return stamped.replace(tzinfo=zone) if zone is not None else stamped


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # Excel's rule: 00-29 -> 2000s, 30-99 -> 1900s
        year += 2000 if year < 30 else 1900
    return year


def parse_datetime_text(text: str, fmt: TimeFormat, order: DateOrder | None = None) -> datetime:
    """A date and time written as text, naive (clock time of the source zone) or aware (offset given).

    `fmt` YMD: ISO 8601 (`2026-11-02T08:30:00`, with `Z`/`+01:00`), `2026/11/4 9:00`,
    `2026.11.04 18.00.00`, `2026年11月4日 9:00`. DMY / MDY: `04/11/2026 18:00`,
    `4.11.26`, `11/04/2026 6:00 PM`; for DMY/MDY, `order` is not needed.
    EXCEL / EPOCH_S / EPOCH_MS: numbers (see `parse_numeric_time`).
    TIME_OF_DAY: ValueError (needs a date). Raises ValueError with the reason.
    """
    t = text.strip()
    if fmt in (TimeFormat.YMD, TimeFormat.NATIVE):
        if not t.isascii():
            t = cjk_clock(t)
        try:
            parsed = datetime.fromisoformat(t)
        except ValueError:
            pass
        else:
            if len(t) >= 10 and t[4] == "-":
                return parsed
        match = _YMD_RE.fullmatch(t)
        if match is None:
            raise CellError(
                _m(
                    "is-not-a-time-like-year-first",
                    QT_TRANSLATE_NOOP("importers", "{text} is not a time like 2026-11-02 08:30 (year first)"),
                    text=repr(text),
                )
            )
        return _build(int(match["y"]), int(match["m"]), int(match["d"]), match, text, "year-month-day")
    if fmt in (TimeFormat.DMY, TimeFormat.MDY):
        match = _XY_RE.fullmatch(t)
        if match is None:
            example = "04/11/2026 18:00 (day first)" if fmt is TimeFormat.DMY else "11/04/2026 6:00 PM (month first)"
            raise CellError(
                _m(
                    "is-not-a-time-like",
                    QT_TRANSLATE_NOOP("importers", "{text} is not a time like {example}"),
                    text=repr(text),
                    example=str(example),
                )
            )
        a, b = int(match["a"]), int(match["b"])
        day, month = (a, b) if fmt is TimeFormat.DMY else (b, a)
        name = "day/month/year" if fmt is TimeFormat.DMY else "month/day/year"
        return _build(_year(match["y"]), month, day, match, text, name)
    if fmt is TimeFormat.YYMMDD:
        match = _XY_RE.fullmatch(t)
        if match is None or len(match["a"]) != 2 or len(match["y"]) != 2:
            raise CellError(
                _m(
                    "is-not-a-time-like-yy-mm-dd",
                    QT_TRANSLATE_NOOP("importers", "{text} is not a time like 26-12-07 08:30 (two-digit year first)"),
                    text=repr(text),
                )
            )
        return _build(_year(match["a"]), int(match["b"]), int(match["y"]), match, text, "yy-mm-dd")
    if fmt is TimeFormat.COMPACT:
        return parse_compact(t)
    if fmt is TimeFormat.MONTH_NAME:
        return parse_month_name(t)
    if fmt is TimeFormat.PERIOD:
        return parse_period(t)
    if fmt in _EPOCH_UNITS and t.isdigit():
        return parse_epoch_int(int(t), fmt)
    if fmt in _NUMERIC_TIMES:
        try:
            number = float(t.replace(",", "."))
        except ValueError:
            raise CellError(
                _m(
                    "is-not-a-number-of",
                    QT_TRANSLATE_NOOP("importers", "{text} is not a number of {unit}"),
                    text=repr(text),
                    unit=_m("unit", _numeric_name(fmt)),
                )
            ) from None
        return parse_numeric_time(number, fmt)
    raise CellError(
        _m(
            "a-time-of-day-needs-a-date-column",
            QT_TRANSLATE_NOOP("importers", "{text}: a time of day needs a date column"),
            text=repr(text),
        )
    )


_NUMERIC_TIMES = (TimeFormat.EXCEL, *_EPOCH_UNITS)


def cjk_clock(text: str) -> str:
    """`2024年5月14日 8时30分` -> `2024年5月14日 8:30`, `2026/12/7 下午 1:15:00` -> `2026/12/7 1:15:00 PM`:
    Chinese clock times in the form the time parsers read (上午 is AM, 下午 PM, as Chinese Excel and WPS write)."""

    def clock(match: re.Match[str]) -> str:
        hour, minute, second = match[1], match[2] or "0", match[3]
        return f" {int(hour)}:{int(minute):02d}" + (f":{int(second):02d}" if second else "")

    text = _CJK_MERIDIAN.sub(lambda m: f"{m[2]} {'AM' if m[1] == '上午' else 'PM'}", text)
    if "日" not in text and not _CJK_CLOCK.search(text):
        return text.strip()
    return _CJK_CLOCK.sub(clock, text).replace("日 ", "日").replace("日", "日 ").strip()


def parse_compact(text: str) -> datetime:
    """`20170101`, `2017010113`, `201701011330`, `20170101133005`: year, month, day [hour [minute [second]]].

    The usual form of German and Swiss weather-service exports (DWD, MeteoSwiss).
    Naive: the clock time of the source zone. Raises ValueError with the reason.
    """
    t = text.strip()
    if not t.isdigit() or len(t) not in COMPACT_LENGTHS:
        raise CellError(
            _m(
                "is-not-a-time-written-as-yyyymmdd-hh-mm-",
                QT_TRANSLATE_NOOP("importers", "{text} is not a time written as YYYYMMDD[HH[MM[SS]]] digits"),
                text=repr(text),
            )
        )
    parts = [int(t[0:4]), int(t[4:6]), int(t[6:8]), int(t[8:10] or 0), int(t[10:12] or 0), int(t[12:14] or 0)]
    if not COMPACT_YEARS[0] <= parts[0] <= COMPACT_YEARS[1]:
        raise CellError(
            _m(
                "year-is-not-plausible-for",
                QT_TRANSLATE_NOOP("importers", "{text}: year {year} is not plausible for {what}"),
                text=repr(text),
                year=str(parts[0]),
                what=str(COMPACT_LENGTHS[len(t)]),
            )
        )
    try:
        return datetime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
    except ValueError as exc:
        raise CellError(
            _m(
                "is-not-a-valid-time",
                QT_TRANSLATE_NOOP("importers", "{text} is not a valid {what} time ({why})"),
                text=repr(text),
                what=str(COMPACT_LENGTHS[len(t)]),
                why=reason_of(exc),
            )
        ) from None


def parse_month_name(text: str) -> datetime:
    """`Jan 1 2000`, `Jan-1-1995`, `1-Jan-2020`, `January 1, 2000 08:30`, `2000 Jan 01`: English month names.

    The month name makes the order unambiguous. Raises ValueError with the reason.
    """
    t = text.strip()
    for pattern in _MONTH_RES:
        match = pattern.fullmatch(t)
        if match is None:
            continue
        month = _MONTHS.get(match["mon"].casefold())
        if month is None:
            raise CellError(
                _m(
                    "is-not-an-english-month-name",
                    QT_TRANSLATE_NOOP("importers", "{text}: {month} is not an English month name"),
                    text=repr(text),
                    month=repr(match["mon"]),
                )
            )
        return _build(_year(match["y"]), month, int(match["d"]), match, text, "a date with a month name")
    raise CellError(
        _m(
            "is-not-a-date-like-jan-or-jan",
            QT_TRANSLATE_NOOP("importers", "{text} is not a date like Jan 1 2000 or 1-Jan-2020"),
            text=repr(text),
        )
    )


def parse_period(text: str) -> datetime:
    """The start of a period: `1974Q1` -> 1974-01-01, `2024-05` -> 2024-05-01, `2024` -> 2024-01-01 (naive)."""
    t = text.strip()
    for pattern in _QUARTER_RES:
        match = pattern.fullmatch(t)
        if match:
            return datetime(int(match["y"]), 3 * int(match["q"]) - 2, 1)
    match = _YEAR_MONTH_RE.fullmatch(t)
    if match:
        month = int(match["m"])
        if not 1 <= month <= 12:
            raise CellError(
                _m(
                    "month-does-not-exist",
                    QT_TRANSLATE_NOOP("importers", "{text}: month {month} does not exist"),
                    text=repr(text),
                    month=str(month),
                )
            )
        return datetime(int(match["y"]), month, 1)
    if _YEAR_RE.fullmatch(t):
        return datetime(int(t), 1, 1)
    raise CellError(
        _m(
            "is-not-a-period-like-q-or",
            QT_TRANSLATE_NOOP("importers", "{text} is not a period like 1974Q1, 2024-05 or 2024"),
            text=repr(text),
        )
    )


def parse_interval_start(text: str) -> time:
    """`00:00 - 01:00`, `08:00–09:00` -> the interval's start time of day; ValueError otherwise."""
    return _clock_time(
        _INTERVAL_RE,
        text,
        "is-not-an-interval-of-times-of-day-like",
        QT_TRANSLATE_NOOP("importers", "{text} is not an interval of times of day like 00:00 - 01:00"),
    )


def parse_pattern(text: str, pattern: str) -> datetime:
    """A time read with the user's strftime `pattern`; naive unless the pattern has `%z`. ValueError if no match."""
    try:
        return datetime.strptime(text.strip(), pattern)
    except ValueError:
        raise CellError(
            _m(
                "does-not-match-the-time-format",
                QT_TRANSLATE_NOOP("importers", "{text} does not match the time format {pattern}"),
                text=repr(text.strip()),
                pattern=str(pattern),
            )
        ) from None


def parse_epoch_int(number: int, fmt: TimeFormat) -> datetime:
    """Unix time as an integer count of `fmt`'s unit (exact: no float rounding of nanoseconds)."""
    per_second = _EPOCH_UNITS[fmt]
    seconds, rest = divmod(number, per_second)
    try:
        return _EPOCH + timedelta(seconds=seconds, microseconds=rest * 1_000_000 // per_second)
    except OverflowError:
        raise CellError(
            _m(
                "is-not-a-unix-time-in",
                QT_TRANSLATE_NOOP("importers", "{number} is not a Unix time in {unit}"),
                number=str(number),
                unit=_m("unit", _numeric_name(fmt)),
            )
        ) from None


def _numeric_name(fmt: TimeFormat) -> str:
    return {
        TimeFormat.EXCEL: QT_TRANSLATE_NOOP("importers", "Excel days"),
        TimeFormat.EPOCH_S: QT_TRANSLATE_NOOP("importers", "Unix seconds"),
        TimeFormat.EPOCH_MS: QT_TRANSLATE_NOOP("importers", "Unix milliseconds"),
        TimeFormat.EPOCH_US: QT_TRANSLATE_NOOP("importers", "Unix microseconds"),
        TimeFormat.EPOCH_NS: QT_TRANSLATE_NOOP("importers", "Unix nanoseconds"),
    }.get(fmt, fmt.value)


def parse_numeric_time(number: float, fmt: TimeFormat) -> datetime:
    """Excel serial days (naive, the sheet's clock) or Unix time in s/ms/us/ns (aware UTC instants).

    Excel serials are read to the precision they are written with
    (`excel_serial`: 46363.3888888 is 09:20:00, not 09:19:59.992); the
    1900 leap-year bug affects only dates before March 1900.
    """
    if not math.isfinite(number):
        raise CellError(_m("not-a-finite-number", QT_TRANSLATE_NOOP("importers", "not a finite number")))
    if fmt is TimeFormat.EXCEL:
        if not 1 <= number < 2958466:
            raise CellError(
                _m(
                    "is-not-an-excel-date-serial",
                    QT_TRANSLATE_NOOP("importers", "{number} is not an Excel date serial"),
                    number=format(number, "g"),
                )
            )
        return excel_datetime(number)
    if fmt is not TimeFormat.EPOCH_S and number.is_integer():
        return parse_epoch_int(int(number), fmt)
    seconds = number / _EPOCH_UNITS[fmt]
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise CellError(
            _m(
                "is-not-a-unix-time-in",
                QT_TRANSLATE_NOOP("importers", "{number} is not a Unix time in {unit}"),
                number=format(number, "g"),
                unit=_m("unit", _numeric_name(fmt)),
            )
        ) from exc


def parse_date_text(text: str, fmt: TimeFormat) -> date:
    """The date of a date column (`2026-11-04`, `04.11.2026`); a time part, if any, must be midnight."""
    stamped = parse_datetime_text(text, fmt)
    if stamped.time() != time(0) or stamped.tzinfo is not None:
        raise CellError(
            _m("is-not-a-date-alone", QT_TRANSLATE_NOOP("importers", "{text} is not a date alone"), text=repr(text))
        )
    return stamped.date()


def parse_time_of_day_text(text: str) -> time:
    """`18:00`, `18.00.00`, `9:00:30.5`, `6:00 PM` -> a time of day; ValueError otherwise."""
    return _clock_time(
        _TOD_RE,
        text,
        "is-not-a-time-of-day-like-or",
        QT_TRANSLATE_NOOP("importers", "{text} is not a time of day like 18:00 or 18.00.00"),
    )


def parse_time_cell(raw: Any, fmt: TimeFormat) -> datetime:
    """A time cell of any type (text, spreadsheet datetime, number) as naive or aware datetime."""
    refuse_uncomputed(raw)
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time(0))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if fmt in _EPOCH_UNITS and isinstance(raw, int):
            return parse_epoch_int(raw, fmt)
        if isinstance(raw, int) and not -(2**63) <= raw < 2**63:  # float() of it overflows: far past any time
            raise CellError(
                _m(
                    "digits",
                    QT_TRANSLATE_NOOP("importers", "{start}… ({digits} digits) is not a time"),
                    start=str(raw)[:12],
                    digits=str(len(str(abs(raw)))),
                )
            )
        if fmt in _NUMERIC_TIMES:
            return parse_numeric_time(float(raw), fmt)
        if fmt in (TimeFormat.COMPACT, TimeFormat.PERIOD) and float(raw).is_integer():
            return parse_datetime_text(str(int(raw)), fmt)
        if fmt is TimeFormat.NATIVE:
            return parse_numeric_time(float(raw), TimeFormat.EXCEL)
        raise CellError(
            _m(
                "is-a-number-not-a-time-choose-excel-days",
                QT_TRANSLATE_NOOP(
                    "importers", "{value} is a number, not a time (choose Excel days or Unix time as the format)"
                ),
                value=str(raw),
            )
        )
    if isinstance(raw, time):
        raise CellError(
            _m(
                "is-a-time-of-day-without-a-date",
                QT_TRANSLATE_NOOP("importers", "{value} is a time of day without a date"),
                value=str(raw.isoformat()),
            )
        )
    return parse_datetime_text(str(raw), fmt)


def parse_date_cell(raw: Any, fmt: TimeFormat) -> date:
    """A date cell: a spreadsheet date, or text in `fmt`."""
    refuse_uncomputed(raw)
    if isinstance(raw, datetime):
        if raw.time() != time(0):
            raise CellError(
                _m(
                    "is-not-a-date-alone",
                    QT_TRANSLATE_NOOP("importers", "{value} is not a date alone"),
                    value=str(raw.isoformat()),
                )
            )
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and fmt in (TimeFormat.EXCEL, TimeFormat.NATIVE):
        return parse_numeric_time(float(raw), TimeFormat.EXCEL).date()
    return parse_date_text(str(raw), TimeFormat.YMD if fmt is TimeFormat.NATIVE else fmt)


def parse_time_of_day_cell(raw: Any, interval: bool = False) -> time:
    """A time-of-day cell: a spreadsheet time, an Excel day fraction, or text (`interval`: `00:00 - 01:00`'s start)."""
    refuse_uncomputed(raw)
    if isinstance(raw, time):
        return raw
    if isinstance(raw, datetime):
        return raw.time()
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 0 <= raw < 1:
        return excel_datetime(raw).time()
    if interval:
        return parse_interval_start(str(raw))
    return parse_time_of_day_text(str(raw))


def times_fast(cells: Sequence[Any], fmt: TimeFormat) -> list[datetime] | None:
    """A chunk of a YMD (ISO) or spreadsheet time column at C speed, or None for the per-cell path."""
    if not cells:
        return []
    first = cells[0]
    if isinstance(first, str):
        if fmt is not TimeFormat.YMD:
            return None
        try:
            parsed = list(map(datetime.fromisoformat, cells))
        except (ValueError, TypeError):
            return None
        # fromisoformat also takes the basic form `20261102T0830`; the per-cell path does not.
        if not all(map(str.startswith, cells, repeat("-"), repeat(4))):
            return None
        return parsed
    if set(map(type, cells)) == {datetime}:
        return list(cells)
    return None
