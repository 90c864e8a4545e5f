"""Which columns give the time and how they are written: time formats from the cells, numbers that are
times, year/month/day… columns, whether every time states its zone, and the zone they are read in (`time_zone`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, tzinfo
from typing import Any, NamedTuple

from gui.data.importers import cells as C
from gui.data.importers.cell_times import open_zone_word
from gui.data.importers.columns import Profile, _integers, plain_name
from gui.data.importers.options import DateOrder, ImportOptions, TimeFormat
from gui.data.importers.plan import _CHOSEN, TimeSpec, format_label
from gui.data.importers.result import ZONE_IN_TIMES, ZONE_UNKNOWN, ZONE_UNSTATED, column_ref, zone_reason_message
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text
from gui.data.importers.zones import StatedZone, stated_zone, summer_days, summer_question, unused_zone
from gui.onenet.zones import parse_zone
from gui.text import QT_TRANSLATE_NOOP, Message

#: Time parts split over columns, by header (lower case), and their unit.
_PART_NAMES = {
    "year": "year", "yr": "year", "yyyy": "year", "jahr": "year", "年": "year", "年份": "year",
    "month": "month", "mon": "month", "mo": "month", "mm": "month", "monat": "month", "月": "month", "月份": "month",
    "day": "day", "dd": "day", "tag": "day", "日": "day", "dom": "day",
    "hour": "hour", "hr": "hour", "hh": "hour", "stunde": "hour", "时": "hour", "小时": "hour",
    "minute": "minute", "min": "minute", "minuten": "minute", "分": "minute",
    "second": "second", "sec": "second", "sekunde": "second", "秒": "second",
}  # fmt: skip


_PART_RANGES = {
    "year": (1000, 2999), "month": (1, 12), "day": (1, 31), "hour": (0, 24), "minute": (0, 59), "second": (0, 59),
}  # fmt: skip


def times_state_zone(profiles: Sequence[Profile], spec: TimeSpec) -> bool:
    """True when every sampled time cell gives its own zone: an offset, `Z`, ` UTC`, or a Unix time (UTC).

    Only a single time column can: a date column with a time-of-day column,
    or year/month/day… parts, are clock times of some zone. Cells that do
    not parse are left out (they are rejected later, with their reason);
    decided on the sample, as every detection is.
    """
    if spec.time_col is None or spec.tod_col is not None or spec.parts:
        return False
    aware = False
    for raw in profiles[spec.time_col].raws:
        try:
            if spec.fmt is TimeFormat.PATTERN and spec.pattern and not isinstance(raw, date):
                parsed = C.parse_pattern(cell_text(raw), spec.pattern)
            else:
                parsed = C.parse_time_cell(raw, spec.fmt)
        except (ValueError, OverflowError):
            continue
        if parsed.tzinfo is None:
            return False
        aware = True
    return aware


def sample_days(profiles: Sequence[Profile], spec: TimeSpec) -> list[date]:
    """The dates of the sampled time (or date) cells that parse; times of day alone: the date given, if any."""
    if spec.time_col is None and spec.date_col is None:
        return [spec.today] if spec.today is not None else []
    days: list[date] = []
    for raw in profiles[spec.time_col if spec.time_col is not None else spec.date_col].raws:  # type: ignore[index]
        try:
            if spec.time_col is None:
                days.append(C.parse_date_cell(raw, spec.date_fmt))
            elif spec.fmt is TimeFormat.PATTERN and spec.pattern and not isinstance(raw, date):
                days.append(C.parse_pattern(cell_text(raw), spec.pattern).date())
            else:
                days.append(C.parse_time_cell(raw, spec.fmt).date())
        except (ValueError, OverflowError):
            continue
    return days


def pick_time_format(
    profile: Profile, choice: TimeFormat | None, options: ImportOptions
) -> tuple[TimeFormat, DateOrder | None, Message | None, tuple[DateOrder, ...] | None]:
    """(format, date order, order reason, the orders to ask among or None) for a time or date column's text cells.

    The orders to ask among are those that give a valid date in every
    sampled cell (`cells.date_order_from`); None when the order is decided.
    """
    orders = {o.time_format: o for o in DateOrder}
    if choice is not None and choice not in orders:
        return choice, None, None, None
    if choice is not None:
        return choice, orders[choice], _CHOSEN, None
    text_formats = Counter({f: n for f, n in profile.formats.items() if f is not TimeFormat.NATIVE})
    if not text_formats:
        return TimeFormat.NATIVE if profile.formats else TimeFormat.YMD, None, None, None
    fmt = text_formats.most_common(1)[0][0]
    if fmt is not TimeFormat.DMY:
        return fmt, None, None, None
    if options.date_order is not None:
        chosen = options.date_order
        return chosen.time_format, chosen, _CHOSEN, None
    found, reason, fit = C.date_order_from(profile.texts)
    if found is None:
        return TimeFormat.DMY, None, reason, fit
    return found.time_format, found, reason, None


def order_readings(orders: Sequence[DateOrder], texts: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each order with the first date that fits read in it (`YYYY-MM-DD HH:MM`), for the question to show."""
    readings = []
    for order in orders:
        for text in texts:
            try:
                parsed = C.parse_datetime_text(text, order.time_format)
            except ValueError:
                continue
            readings.append((order.value, f"{parsed:%Y-%m-%d %H:%M}"))
            break
    return tuple(readings)


def numeric_time_format(profile: Profile, hinted: bool) -> tuple[TimeFormat, Message] | None:
    """The format of a column of numbers that are times, with the evidence, or None.

    Compact `YYYYMMDD[HH[MM[SS]]]` digits come first when every value has
    the same length and forms a valid date (so `201701010000` is 2017, not
    milliseconds since 1970); they need a time header only as `YYYYMMDD`.
    Unix seconds/ms/µs/ns are told apart by magnitude, Excel days and 4-digit
    years need a time header. Every value must fit.
    """
    raws = profile.raws
    if not raws:
        return None
    ints = _integers(raws)
    if ints is not None and all(i >= 0 for i in ints):
        lengths = {len(str(i)) for i in ints}
        if len(lengths) == 1:
            length = lengths.pop()
            if length in C.COMPACT_LENGTHS and (hinted or length > 8):
                try:
                    for i in ints:
                        C.parse_compact(str(i))
                except ValueError:
                    pass
                else:
                    return TimeFormat.COMPACT, _m(
                        "time-compact",
                        QT_TRANSLATE_NOOP("importers", "every value is {length} digits that form a valid date, {form}"),
                        length=length,
                        form=C.COMPACT_LENGTHS[length],
                    )
            if length == 4 and hinted and all(1000 <= i <= 2999 for i in ints):
                return TimeFormat.PERIOD, _m(
                    "time-years", QT_TRANSLATE_NOOP("importers", "every value is a year: read as the year's start")
                )
    if not hinted:
        return None
    for fmt, (low, high), _ in C.EPOCH_FORMATS:
        if C.looks_like(raws, fmt):
            return fmt, _m(
                "time-epoch",
                QT_TRANSLATE_NOOP("importers", "every value is between {low} and {high}: {unit}"),
                low=f"{low:.0e}",
                high=f"{high:.1e}",
                unit=format_label(fmt),
            )
    if C.looks_like(raws, TimeFormat.EXCEL):
        return TimeFormat.EXCEL, _m(
            "time-excel", QT_TRANSLATE_NOOP("importers", "every value is between 20000 and 80000: Excel days")
        )
    return None


def _all_times_of_day(raws: Sequence[Any], interval: bool = False) -> bool:
    if not raws:
        return False
    for raw in raws:
        try:
            C.parse_time_of_day_cell(raw, interval)
        except ValueError:
            return False
    return True


def _pattern_fits(raws: Sequence[Any], pattern: str) -> float:
    texts = [r for r in raws if isinstance(r, str)]
    if not texts:
        return 0.0
    good = 0
    for text in texts:
        try:
            C.parse_pattern(text, pattern)
        except ValueError:
            continue
        good += 1
    return good / len(texts)


def _time_parts(names: list[str], profiles: list[Profile], free: list[int]) -> dict[str, int]:
    """Columns named year, month, day, hour… holding whole numbers in range: a time split over columns."""
    parts: dict[str, int] = {}
    for j in free:
        unit = _PART_NAMES.get(plain_name(names[j]))
        if unit is None or unit in parts or not profiles[j].filled:
            continue
        ints = _integers(profiles[j].raws)
        low, high = _PART_RANGES[unit]
        if ints is not None and all(low <= i <= high for i in ints):
            parts[unit] = j
    if "year" not in parts:
        return {}
    order = ("year", "month", "day", "hour", "minute", "second")
    kept: dict[str, int] = {}
    for unit in order:  # a part counts only when every larger one is there: year + day is not a time
        if unit not in parts:
            break
        kept[unit] = parts[unit]
    return kept


class TimeZone(NamedTuple):
    """The zone the time columns are read in and how it was decided; `make_plan` keeps each in `Plan`."""

    zone: tzinfo | None
    name: str
    reason: str
    why: Message
    question: StatedZone | None
    season_of: StatedZone | None
    unstated: bool
    stated: str
    column: str
    unused: str


def cells_zone(
    name: str, profile: Profile, spec: TimeSpec, options: ImportOptions
) -> tuple[StatedZone | None, Message | None]:
    """A zone abbreviation in the time cells that leaves their offset open (`CST`; `CET` on summer dates), read
    as a header's (`stated_zone`, `summer_question`): asked (the question and why) when the caller chose no
    zone, else answered by the chosen zone. Either way `spec.open_zone` is set, so each cell is read without
    the word (`convert`). (None, None) when the cells carry no such word, or the caller chose the zone."""
    word, days = open_zone_word(profile.raws, spec.fmt)
    if not word:
        return None, None
    spec.open_zone = word
    if not options.zone_from_file:
        return None, None
    stated = stated_zone(word)
    assert stated is not None, word  # the cells' words are those `stated_zone` reads
    if stated.summer:
        summer = summer_days(stated, days)
        return summer_question(stated), _m(
            "zone-cells-summer",
            QT_TRANSLATE_NOOP(
                "importers",
                "unknown: the cells of {column} say {zone} on dates such as {day}, in summer time where {zone} is "
                "the winter time ({region}): the fixed offset or that local time?",
            ),
            column=repr(name),
            zone=word,
            day=summer[0].isoformat() if summer else "?",
            region=stated.summer,
        )
    return stated, _m(
        "zone-cells-ambiguous",
        QT_TRANSLATE_NOOP("importers", "unknown: the cells of {column} say {zone}, which several use"),
        column=repr(name),
        zone=word,
    )


def time_zone(
    has_header: bool, names: list[str], profiles: Sequence[Profile], spec: TimeSpec, options: ImportOptions
) -> TimeZone:
    """The zone of the time columns: the zone a header states wins for its column; the caller's zone applies
    only to times without one (`ImportOptions.source_tz`, or asked when `zone_from_file` and none is stated)."""
    zone: tzinfo | None = None
    zone_name = zone_reason = zone_stated = zone_column = ""
    zone_why: Message | None = None
    question: StatedZone | None = None
    season_of: StatedZone | None = None
    columns = [j for j in (spec.time_col, spec.date_col, spec.tod_col, *spec.parts.values()) if j is not None]
    if has_header:
        for j in columns:
            stated = stated_zone(names[j])
            if stated is None:
                continue
            season: Message | None = None
            season_zone = stated if stated.summer else None
            if stated.summer:  # `CET` over dates in Berlin's summer: the fixed offset, or Berlin's clock?
                days = sample_days(profiles, spec)
                summer = summer_days(stated, days)
                if summer or not days:
                    stated = summer_question(stated)
                    summer_reason = _m(
                        "zone-summer",
                        QT_TRANSLATE_NOOP(
                            "importers",
                            "unknown: the header {header} says {zone}, and dates such as {day} fall in summer time "
                            "where {zone} is the winter time ({region}): the fixed offset or that local time?",
                        ),
                        header=column_ref(names[j], j),
                        zone=stated.text,
                        day=summer[0].isoformat() if summer else "?",
                        region=stated.summer,
                    )
                else:
                    season = _m(
                        "zone-season",
                        QT_TRANSLATE_NOOP(
                            "importers",
                            "from the header {header}: every date read is outside summer time, so {zone} is "
                            "{offset} whether the clock is fixed or {region}'s",
                        ),
                        header=column_ref(names[j], j),
                        zone=stated.text,
                        offset=stated.name,
                        region=stated.summer,
                    )
            if stated.choices:  # ambiguous (`CST`): a zone the user chose is the answer
                if options.zone_from_file:
                    question = stated
                    zone_reason = f"{ZONE_UNKNOWN}: the header {names[j]!r} says {stated.text}, which several use"
                    zone_why = (
                        summer_reason
                        if stated.summer
                        else _m(
                            "zone-ambiguous",
                            QT_TRANSLATE_NOOP(
                                "importers", "unknown: the header {header} says {zone}, which several use"
                            ),
                            header=column_ref(names[j], j),
                            zone=stated.text,
                        )
                    )
            else:
                zone, zone_name = parse_zone(stated.name).tz, stated.name
                zone_reason = f"from the header {names[j]!r}"
                zone_why = season or zone_reason_message(zone_reason)
                season_of = season_zone
                zone_stated, zone_column = stated.text, names[j]
            break
    if zone is None and question is None and spec.time_col is not None and spec.fmt is not TimeFormat.PATTERN:
        question, why = cells_zone(names[spec.time_col], profiles[spec.time_col], spec, options)
        if question is not None:
            zone_reason, zone_why = f"{ZONE_UNKNOWN}: the cells of {names[spec.time_col]!r} say {question.text}", why
    unstated = False
    if zone is None and question is None:
        zone_name = options.source_tz
        if spec.found and not spec.open_zone and times_state_zone(profiles, spec):
            zone_reason = ZONE_IN_TIMES
            zone_stated, zone_column = ZONE_IN_TIMES, names[columns[0]]
        elif not options.zone_from_file:
            zone_reason = "chosen"
        else:  # no times at all is not a zone to ask about: rows without a time follow `missing_time`
            zone_reason, unstated = ZONE_UNSTATED, spec.found
    zone_unused = unused_zone(options, zone_stated, zone_name)
    zone_why = zone_why or zone_reason_message(zone_reason)
    return TimeZone(
        zone, zone_name, zone_reason, zone_why, question, season_of, unstated, zone_stated, zone_column, zone_unused
    )
