"""What detection decides about a table (`Plan`, `TimeSpec`), and its choices in words (formats, layouts)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import TYPE_CHECKING, Any

from gui.data.importers.cell_numbers import parse_number_text
from gui.data.importers.options import DateOrder, Layout, Role, TimeFormat
from gui.data.importers.result import (
    ColumnInfo,
    column_label,
)
from gui.data.importers.result import message as _m
from gui.data.importers.zones import StatedZone
from gui.onenet.readings import ValueKind, parse_number
from gui.text import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from gui.data.importers.columns import Profile


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
    #: A zone abbreviation the TIME column's cells carry that leaves their offset open (`CST`; `CET` on summer
    #: dates): the column's zone answers it (asked, or the zone chosen), so it is taken out of each cell first.
    open_zone: str = ""

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
    #: and `make_plan` takes what all rows decide otherwise (`kinds.revise`). Long layout: the value column,
    #: when the user chose no kind for it (each datastream's values are watched, `stream_kinds`).
    watched: dict[int, frozenset[str]] = field(default_factory=dict)
    #: What the file leaves open and an option answers (`ImportResult.questions`): a number column's decimal mark
    #: (`decimal_question`), a datastream id for a column without a header name (`unnamed_question`).
    questions: tuple[Message, ...] = ()
    #: Long layout: each datastream's kind (by its id in the file) by the rule of a wide value column
    #: (`kinds.kind_of`); a datastream not in it is read as AUTO.
    stream_kinds: dict[str, ValueKind] = field(default_factory=dict)
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


def decimal_question(column: str, value: str) -> Message:
    """The question for a number column whose every separator may be either mark (`1,234`: 1.234 or 1234),
    with its first such cell read both ways (code `decimal-question`)."""
    return _m(
        "decimal-question",
        QT_TRANSLATE_NOOP(
            "importers",
            "column {column}: {value} is {comma} with a decimal comma or {point} with a decimal point (the other "
            "mark a thousands separator), and no other number in the file tells which: choose the decimal mark "
            "(send --decimal , or --decimal .; the import dialog's Decimal mark)",
        ),
        column=repr(column),
        value=repr(value),
        comma=str(parse_number_text(value, ",")),
        point=str(parse_number_text(value, ".")),
    )


def mixed_marks_question(column: str, number: str, text: str) -> Message:
    """The question for a spreadsheet column whose number cells (`1.013`) and text cells (`1.012,5`) disagree
    about the decimal mark (code `decimal-question`): `number` read with the text's decimal comma is another number
    (1013), the sign of a locale mix-up; the decimal point sends the number cells and refuses the text cells."""
    return _m(
        "decimal-question",
        QT_TRANSLATE_NOOP(
            "importers",
            "column {column}: its number cells and its text cells disagree about the decimal mark: the text {text} "
            "has a decimal comma, with which the number {number} would be {comma}; a sheet with decimal commas was "
            "likely opened with another language's settings. Fix these cells in the sheet, or choose the decimal "
            "point to send the number cells as they are and refuse the text cells (send --decimal .; the import "
            "dialog's Decimal mark)",
        ),
        column=repr(column),
        number=number,
        text=repr(text),
        comma=str(parse_number_text(number, ",")),
    )


def decimal_mark(
    chosen: str | None, names: list[str], profiles: list[Profile], j: int, kind: ValueKind, file_votes: Counter[str]
) -> tuple[str, Message | None]:
    """The decimal mark of column `j` read as `kind`: `chosen` (the user's), else what a cell of the column
    shows (`cells.decimal_evidence`), else what cells of the file show (`file_votes`), else `.`; with the
    reading of its `1,234`-like cells in words (`decimal_decision`), or the question when nothing told
    (`decimal_question`, code `decimal-question`). A column whose number cells a decimal comma would read
    otherwise (`cell_numbers.comma_rereads`) beside text cells with a decimal comma is asked even when the user chose
    the comma (`mixed_marks_question`): only the decimal point reads its number cells as they are."""
    reread = profiles[j].comma_reread if kind in (ValueKind.NUMBER, ValueKind.AUTO) else ""
    if reread and profiles[j].decimals[","] and chosen != ".":
        return ",", mixed_marks_question(names[j], reread, profiles[j].decimal_examples[","])
    if chosen:
        return chosen, None
    unsure = profiles[j].ambiguous if kind in (ValueKind.NUMBER, ValueKind.AUTO) else ""
    votes = profiles[j].decimals
    for source in (votes, file_votes):
        if source[","] != source["."]:
            mark = "," if source[","] > source["."] else "."
            return mark, decimal_decision(names, profiles, j, mark, source is votes) if unsure else None
    return ".", decimal_question(names[j], unsure) if unsure else None


def decimal_decision(names: list[str], profiles: list[Profile], j: int, mark: str, own: bool) -> Message:
    """How the decimal mark of column `j`, whose cells include `1,234`-like ones, was decided: by another cell of
    the column (`own`) or of the file that shows `mark` (`1,5`, `1.234,5`, `12,34`); the reading taken, in words."""
    value = profiles[j].ambiguous
    number = str(parse_number_text(value, mark))
    if own:
        evidence = profiles[j].decimal_examples[mark]
        where = _m(
            "decimal-where-column", QT_TRANSLATE_NOOP("importers", "{evidence} in this column"), evidence=repr(evidence)
        )
    else:
        k = next(k for k, p in enumerate(profiles) if k != j and mark in p.decimal_examples)
        where = _m(
            "decimal-where-file",
            QT_TRANSLATE_NOOP("importers", "{evidence} in column {other}"),
            evidence=repr(profiles[k].decimal_examples[mark]),
            other=column_label(names[k], k),
        )
    if mark == ",":
        return _m(
            "decimal-comma-decided",
            QT_TRANSLATE_NOOP("importers", "column {column}: {value} read as {number}, a decimal comma ({where})"),
            column=column_label(names[j], j),
            value=repr(value),
            number=number,
            where=where,
        )
    return _m(
        "decimal-point-decided",
        QT_TRANSLATE_NOOP("importers", "column {column}: {value} read as {number}, a decimal point ({where})"),
        column=column_label(names[j], j),
        value=repr(value),
        number=number,
        where=where,
    )


def unique_id(stream_id: str, used: set[str]) -> str:
    """`stream_id`, or `stream_id_2`, `_3`… when `used` holds it."""
    if stream_id not in used:
        return stream_id
    n = 2
    while f"{stream_id}_{n}" in used:
        n += 1
    return f"{stream_id}_{n}"


def full_width_decision(column: str, text: str) -> Message:
    """A value column whose numbers are written with full-width characters (`２１．５`, as an input method in
    full-width mode types them): read as the number meant, as the editor reads them (`readings.parse_number`);
    said with the first such cell (code `full-width`)."""
    return _m(
        "full-width",
        QT_TRANSLATE_NOOP(
            "importers", "column {column}: full-width characters read as half-width ({text} is {number})"
        ),
        column=repr(column),
        text=repr(text),
        number=str(parse_number(text)),
    )


def unnamed_question(number: int) -> Message:
    """The question for a column with values but no header name (the `number`th, 1-based): a datastream id is
    never made up for it (code `unnamed-question`)."""
    return _m(
        "unnamed-question",
        QT_TRANSLATE_NOOP(
            "importers",
            "column {n} has values but no header name, so no datastream id: give it one (send --stream-id {n}=ID; "
            "the import dialog's columns table) or leave the column out (send --exclude {n})",
        ),
        n=number,
    )
