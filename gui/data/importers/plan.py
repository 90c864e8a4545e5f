"""What detection decides about a table (`Plan`, `TimeSpec`), and its choices in words (formats, layouts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from gui.data.importers.options import DateOrder, Layout, Role, TimeFormat
from gui.data.importers.result import (
    ColumnInfo,
)
from gui.data.importers.result import message as _m
from gui.data.importers.zones import StatedZone
from gui.onenet.readings import ValueKind
from gui.text import QT_TRANSLATE_NOOP, Message


@dataclass
class TimeSpec:
    """How rows get their time: one TIME column, DATE + TIME_OF_DAY, year/month/day… parts, or none."""

    time_col: int | None = None
    date_col: int | None = None
    tod_col: int | None = None
    fmt: TimeFormat = TimeFormat.YMD
    date_fmt: TimeFormat = TimeFormat.YMD
    undecided: bool = False
    orders: tuple[DateOrder, ...] = ()  #: when `undecided`: the date orders that fit every cell read, to ask among
    today: date | None = None  #: times of day without a date column: the first row's date (`first_date`)
    needs_date: bool = False  #: times of day without a date column, and no `first_date` given: ask for it
    pattern: str | None = None  #: the user's strftime pattern for the TIME column
    interval: bool = False  #: the TIME_OF_DAY column holds intervals (`00:00 - 01:00`): read as their start
    parts: dict[str, int] = field(default_factory=dict)  #: unit (`year`, `month`…) -> column

    @property
    def found(self) -> bool:
        """True when rows get a time from the file."""
        return self.time_col is not None or self.date_col is not None or self.tod_col is not None or bool(self.parts)

    def column(self) -> int:
        """The column a time problem is reported in (-1: none)."""
        for j in (self.time_col, self.date_col, self.tod_col, *self.parts.values()):
            if j is not None:
                return j
        return -1


@dataclass
class Plan:
    """What every column is and how rows get their time and zone; `decisions` say how each was reached."""

    infos: list[ColumnInfo]
    time: TimeSpec
    values: list[int]  # wide: VALUE column indexes, in stream order
    stream_col: int | None = None
    value_col: int | None = None
    layout: Layout = Layout.WIDE
    date_order: DateOrder | None = None
    date_order_reason: Message | None = None
    ambiguous: tuple[str, ...] = ()
    notes: list[Message] = field(default_factory=list)
    decisions: list[Message] = field(default_factory=list)
    zone: tzinfo | None = None  #: the zone the file states (a header), when it wins over the source zone
    zone_name: str = ""
    zone_reason: str = ""
    zone_question: StatedZone | None = None  #: an ambiguous zone the file states: ask
    #: The times state no zone (no offset in the cells, none in the header) and nobody chose one: they are
    #: read in `ImportOptions.source_tz`, which `send` must not assume (it asks) and the dialog shows.
    zone_unstated: bool = False
    zone_stated: str = ""  #: what the file states (`GMT+00:00`; ZONE_IN_TIMES when each time gives its zone)
    zone_column: str = ""  #: the time column whose header (or cells) state `zone_stated`
    zone_unused: str = ""  #: the zone the caller chose, when it differs from the stated one and so does not apply
    rename: dict[str, str] = field(default_factory=dict)  #: long layout: datastream ids renamed
    missing: frozenset[str] = frozenset()  #: texts found among numbers that mean "no reading" (`---`, `NA`)
    zone_why: Message | None = None  #: `zone_reason` in words (`result.zone_reason_message`), for a person
    #: Wide columns whose kind the first rows gave (not the user), and those they proposed not to import
    #: (`kinds.SAMPLE_SKIPS`), with the texts they showed in them: the pass checks every row (`kinds.Seen`),
    #: and `make_plan` takes what all rows decide otherwise (`kinds.revise`).
    watched: dict[int, frozenset[str]] = field(default_factory=dict)
    #: When the date order is asked: each order that fits (`DateOrder.value`) with the first date read in it.
    orders: tuple[tuple[str, str], ...] = ()
    #: A header's `CET` read as its fixed offset because every date of the first rows is in winter: the
    #: `StatedZone` whose region's summer dates, in a later row, reject that row (the offset is then unsure).
    season: StatedZone | None = None


def order_name(order: DateOrder | None) -> str | None:
    """A date order as `Detected.date_order` names it (`day/month/year`), None for none."""
    if order is None:
        return None
    return {DateOrder.DMY: "day/month/year", DateOrder.MDY: "month/day/year"}.get(order, "yy-mm-dd")


def long_plan(
    time_format: TimeFormat, decided: tuple[Any, Message | None, tuple[DateOrder, ...] | None] | None = None
) -> Plan:
    """The plan of (stream, at, value) rows: OneNET bodies and JSON record lists."""
    infos = [
        ColumnInfo(0, "stream", Role.STREAM),
        ColumnInfo(1, "at", Role.TIME, time_format=time_format),
        ColumnInfo(2, "value", Role.VALUE, kind=ValueKind.AUTO),
    ]
    spec = TimeSpec(time_col=1, fmt=time_format)
    plan = Plan(infos, spec, [], stream_col=0, value_col=2, layout=Layout.LONG)
    if decided is not None:
        plan.date_order, plan.date_order_reason, orders = decided
        spec.undecided = orders is not None
        spec.orders = orders or ()
    return plan


_FORMAT_LABELS = {
    TimeFormat.YMD: QT_TRANSLATE_NOOP("importers", "year-month-day"),
    TimeFormat.DMY: QT_TRANSLATE_NOOP("importers", "day/month/year"),
    TimeFormat.MDY: QT_TRANSLATE_NOOP("importers", "month/day/year"),
    TimeFormat.YYMMDD: QT_TRANSLATE_NOOP("importers", "yy-mm-dd (two-digit year first)"),
    TimeFormat.TIME_OF_DAY: QT_TRANSLATE_NOOP("importers", "time of day"),
    TimeFormat.EXCEL: QT_TRANSLATE_NOOP("importers", "Excel days"),
    TimeFormat.EPOCH_S: QT_TRANSLATE_NOOP("importers", "Unix seconds"),
    TimeFormat.EPOCH_MS: QT_TRANSLATE_NOOP("importers", "Unix milliseconds"),
    TimeFormat.EPOCH_US: QT_TRANSLATE_NOOP("importers", "Unix microseconds"),
    TimeFormat.EPOCH_NS: QT_TRANSLATE_NOOP("importers", "Unix nanoseconds"),
    TimeFormat.COMPACT: QT_TRANSLATE_NOOP("importers", "YYYYMMDD[HH[MM[SS]]] digits"),
    TimeFormat.MONTH_NAME: QT_TRANSLATE_NOOP("importers", "dates with month names"),
    TimeFormat.PERIOD: QT_TRANSLATE_NOOP("importers", "periods (read as their start)"),
    TimeFormat.INTERVAL: QT_TRANSLATE_NOOP("importers", "intervals (read as their start)"),
    TimeFormat.PARTS: QT_TRANSLATE_NOOP("importers", "year/month/day… columns"),
    TimeFormat.NATIVE: QT_TRANSLATE_NOOP("importers", "spreadsheet dates"),
}


def format_label(fmt: TimeFormat, pattern: str | None = None) -> Message:
    """A time format in words, for `send` and the dialog's "How:" (code `format-<value>`)."""
    if fmt is TimeFormat.PATTERN:
        if pattern:
            return Message.verbatim(pattern)
        return _m("time-pattern-given", QT_TRANSLATE_NOOP("importers", "the format given"))
    source = _FORMAT_LABELS.get(fmt)
    return _m(f"format-{fmt.value}", source) if source else Message.verbatim(fmt.value)


def layout_name(layout: Layout) -> Message:
    """`wide` / `long` in words (code `layout-<value>`)."""
    if layout is Layout.LONG:
        return _m("layout-long", QT_TRANSLATE_NOOP("importers", "long"))
    return _m("layout-wide", QT_TRANSLATE_NOOP("importers", "wide"))


_CHOSEN = _m("chosen", QT_TRANSLATE_NOOP("importers", "chosen"))


_ANOTHER_TIME = _m("skip-another-time", QT_TRANSLATE_NOOP("importers", "another column already gives the time"))


def _not_imported(why: Message) -> Message:
    """A column's note: not imported, and why."""
    return _m("not-imported", QT_TRANSLATE_NOOP("importers", "not imported: {why}"), why=why)
