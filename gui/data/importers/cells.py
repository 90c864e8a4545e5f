"""Reading one cell: numbers (decimal comma, thousands separators), times in many forms, classes for detection.

The value of a cell as a kind reads it and the classes detection counts are here; the number parsers are in
`cell_numbers`, the time parsers in `cell_times` (both read from here too).

Every parser raises ValueError whose text is the reason shown to the user
next to the row and column (a CellError: its `text` is that reason as a Message,
translated where it is shown; str() is the English source). Column-wise fast paths (`numbers_fast`,
`times_fast`) convert a whole chunk of a column with C-level `map` and
return None when any cell needs the careful per-cell path, which is the
reference: the fast path accepts only what the per-cell path reads the same.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from gui.data.importers.cell_numbers import (
    ZERO_PADDED_IN,
    CellError,
    decimal_evidence,
    is_ambiguous_number,
    numbers_fast,
    parse_number_text,
    refuse_uncomputed,
    zero_padded,
)
from gui.data.importers.cell_times import (
    _INTERVAL_RE,
    _MONTH_RES,
    _MONTHS,
    _QUARTER_RES,
    _TOD_RE,
    _XY_RE,
    _YEAR_MONTH_RE,
    _YMD_RE,
    COMPACT_LENGTHS,
    EPOCH_FORMATS,
    EXCEL_RANGE,
    _year,
    cjk_clock,
    parse_compact,
    parse_date_cell,
    parse_datetime_text,
    parse_epoch_int,
    parse_numeric_time,
    parse_pattern,
    parse_time_cell,
    parse_time_of_day_cell,
    times_fast,
)
from gui.data.importers.options import DateOrder, TimeFormat
from gui.data.importers.result import message as _m
from gui.data.importers.sources import UncomputedFormula
from gui.onenet.readings import RepeatedKey, Value, ValueKind, parse_json_object
from gui.text import QT_TRANSLATE_NOOP, Message

#: Texts that usually mean "no reading": they do not make a number column text (they are reported,
#: with the hint to add them as missing-value markers).
MISSING_LIKE = frozenset(
    ["na", "n/a", "n.a.", "nan", "null", "none", "-", "--", "---", "#n/a", "?", "err", "error", "#value!", "#div/0!"]
)

#: The number parsers (`cell_numbers`) and time parsers (`cell_times`) are read from here too (`cells as C`).
__all__ = [
    "COMPACT_LENGTHS",
    "EPOCH_FORMATS",
    "MISSING_LIKE",
    "ZERO_PADDED_IN",
    "CellClass",
    "CellError",
    "classify",
    "date_order_from",
    "date_parts",
    "decimal_evidence",
    "is_ambiguous_number",
    "json_dumps_compact",
    "looks_like",
    "numbers_fast",
    "orders_in_words",
    "parse_cell_value",
    "parse_compact",
    "parse_date_cell",
    "parse_datetime_text",
    "parse_epoch_int",
    "parse_number_text",
    "parse_numeric_time",
    "parse_pattern",
    "parse_time_cell",
    "parse_time_of_day_cell",
    "refuse_uncomputed",
    "times_fast",
    "zero_padded",
]


def parse_cell_value(raw: Any, kind: ValueKind, decimal: str) -> Value:
    """A value cell (already known not to be missing) read as `kind`; ValueError with the reason.

    NUMBER: `parse_number_text`; TEXT: the stripped text; JSON: a JSON
    object; AUTO: a number if it is one, a JSON object if it starts with
    `{` and parses, else the text. Spreadsheet cells keep their type
    (numbers stay numbers, dates become text in ISO form).
    """
    refuse_uncomputed(raw)
    if isinstance(raw, bool):
        if kind is ValueKind.NUMBER:
            raise CellError(
                _m("is-not-a-number", QT_TRANSLATE_NOOP("importers", "{value} is not a number"), value=str(raw))
            )
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise CellError(
                _m(
                    "nan-or-infinity-cannot-be-sent-not-valid",
                    QT_TRANSLATE_NOOP("importers", "NaN or infinity cannot be sent (not valid JSON)"),
                )
            )
        if kind is ValueKind.TEXT:
            return _number_text(raw)
        if kind is ValueKind.JSON:
            raise CellError(
                _m(
                    "is-not-a-json-object",
                    QT_TRANSLATE_NOOP("importers", "{value} is not a JSON object"),
                    value=str(raw),
                )
            )
        return raw
    if isinstance(raw, (datetime, date, time)):
        if kind in (ValueKind.NUMBER, ValueKind.JSON):
            raise CellError(
                _m(
                    "is-a-date-or-time-not-a",
                    QT_TRANSLATE_NOOP("importers", "{value} is a date or time, not a {kind}"),
                    value=str(raw.isoformat()),
                    kind=str(kind.value),
                )
            )
        return raw.isoformat()
    text = str(raw).strip()
    if "\ufffd" in text:
        raise CellError(
            _m(
                "holds-bytes-that-are-not-valid-in-the-fi",
                QT_TRANSLATE_NOOP(
                    "importers", "{text} holds bytes that are not valid in the file's encoding; choose the encoding"
                ),
                text=repr(text),
            )
        )
    if kind is ValueKind.TEXT:
        return text
    if kind is ValueKind.NUMBER:
        return parse_number_text(text, decimal)
    if kind is ValueKind.JSON:
        return parse_json_object(text)
    try:
        return parse_number_text(text, decimal)
    except ValueError:
        pass
    if text.startswith("{"):
        try:
            return parse_json_object(text)
        except RepeatedKey:
            raise  # an object whose key is named twice: refused, never sent as text instead
        except ValueError:
            pass
    return text


def _number_text(number: int | float) -> str:
    return str(int(number)) if isinstance(number, float) and number.is_integer() else str(number)


class CellClass(enum.Enum):
    """What a cell looks like, for choosing roles, formats and kinds."""

    MISSING = "missing"
    DATETIME = "datetime"  # a date with a time
    DATE = "date"  # a date alone
    TIME_OF_DAY = "time_of_day"
    NUMBER = "number"
    JSON = "json"
    TEXT = "text"


def classify(raw: Any, missing: frozenset[str]) -> tuple[CellClass, TimeFormat | None]:
    """The class of a cell and, for dates and times written as text, the format that reads it.

    `TimeFormat.DMY` here means "day/month or month/day, undecided"; the
    column's numbers decide (see `date_order_from`).
    """
    if raw is None:
        return CellClass.MISSING, None
    if isinstance(raw, bool):
        return CellClass.TEXT, None
    if isinstance(raw, datetime):
        return (CellClass.DATE if raw.time() == time(0) else CellClass.DATETIME), TimeFormat.NATIVE
    if isinstance(raw, date):
        return CellClass.DATE, TimeFormat.NATIVE
    if isinstance(raw, time):
        return CellClass.TIME_OF_DAY, TimeFormat.NATIVE
    if isinstance(raw, (int, float)):
        return CellClass.NUMBER, None
    if isinstance(raw, UncomputedFormula):  # no value to judge the column by; rejected when read
        return CellClass.MISSING, None
    t = str(raw).strip()
    if t in missing:
        return CellClass.MISSING, None
    if not t.isascii() and ("年" in t or "午" in t):
        t = cjk_clock(t)
    if t[:1].isalpha() or (t[:1].isdigit() and any(ch.isalpha() for ch in t[:12])):
        found = _classify_words(t)
        if found is not None:
            return found
    if t[:1].isdigit():
        if len(t) >= 8:
            match = _YMD_RE.fullmatch(t)
            if match:
                return (CellClass.DATETIME if match["H"] else CellClass.DATE), TimeFormat.YMD
            if t[4:5] == "-":
                try:
                    datetime.fromisoformat(t)
                except ValueError:
                    pass
                else:
                    return CellClass.DATETIME, TimeFormat.YMD
            match = _XY_RE.fullmatch(t)
            if match:
                return (CellClass.DATETIME if match["H"] else CellClass.DATE), TimeFormat.DMY
        match = _TOD_RE.fullmatch(t)
        if match and (match["ts"] == ":" or match["S"] is not None or match["P"]):
            return CellClass.TIME_OF_DAY, TimeFormat.TIME_OF_DAY
        if _INTERVAL_RE.fullmatch(t):
            return CellClass.TIME_OF_DAY, TimeFormat.INTERVAL
        if len(t) <= 9 and (_YEAR_MONTH_RE.fullmatch(t) or _QUARTER_RES[0].fullmatch(t)):
            return CellClass.DATE, TimeFormat.PERIOD
    for mark in (".", ","):
        try:
            parse_number_text(t, mark)
        except ValueError:
            continue
        return CellClass.NUMBER, None
    if t.startswith("{"):
        try:
            parse_json_object(t)
        except RepeatedKey:
            return CellClass.JSON, None  # an object (refused when read: which value of the key is meant?)
        except ValueError:
            pass
        else:
            return CellClass.JSON, None
    return CellClass.TEXT, None


def _classify_words(t: str) -> tuple[CellClass, TimeFormat] | None:
    """Dates with English month names (`Jan 1 2000`) and quarters (`Q1 1974`, `1974Q1`), else None."""
    for pattern in _MONTH_RES:
        match = pattern.fullmatch(t)
        if match and match["mon"].casefold() in _MONTHS:
            return (CellClass.DATETIME if match["H"] else CellClass.DATE), TimeFormat.MONTH_NAME
    if len(t) <= 9 and any(p.fullmatch(t) for p in _QUARTER_RES):
        return CellClass.DATE, TimeFormat.PERIOD
    return None


def date_parts(text: str) -> tuple[int, int, str] | None:
    """The first two numbers and separator of `04/11/2026`-like text, for deciding day/month order."""
    match = _XY_RE.fullmatch(text.strip())
    return (int(match["a"]), int(match["b"]), match["sep"]) if match else None


def _order_fits(match: Any, order: DateOrder) -> bool:
    """Whether a `dd?mm?yy` match is a valid date when read in `order`."""
    a, b, last = match["a"], int(match["b"]), match["y"]
    if order is DateOrder.YMD:
        year, month, day = _year(a), b, int(last)
    else:
        year = _year(last)
        month, day = (b, int(a)) if order is DateOrder.DMY else (int(a), b)
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _order_label(order: DateOrder) -> Message:
    return {
        DateOrder.DMY: _m("order-dmy", QT_TRANSLATE_NOOP("importers", "day/month/year")),
        DateOrder.MDY: _m("order-mdy", QT_TRANSLATE_NOOP("importers", "month/day/year")),
    }.get(order) or _m("order-ymd", QT_TRANSLATE_NOOP("importers", "year-month-day (two-digit year first)"))


def orders_in_words(orders: Sequence[DateOrder]) -> Message:
    """`day/month/year or year-month-day (…)`, `a, b or c`: the orders in words."""
    labels = [_order_label(o) for o in orders] or [_order_label(DateOrder.DMY), _order_label(DateOrder.MDY)]
    if len(labels) == 3:
        return _m("orders-3", QT_TRANSLATE_NOOP("importers", "{a}, {b} or {c}"), a=labels[0], b=labels[1], c=labels[2])
    return _m("orders-2", QT_TRANSLATE_NOOP("importers", "{a} or {b}"), a=labels[0], b=labels[-1])


def date_order_from(samples: Sequence[str]) -> tuple[DateOrder | None, Message, tuple[DateOrder, ...]]:
    """Decide the order of `dd?mm?yyyy` cells: a first number above 12 is a day, and so on.

    Returns the order (None when the data cannot tell), how it was decided,
    in words, and the orders that fit (every cell a valid date; when none
    fits them all, those that fit some). Dots (`04.11.2026`) are day-first
    by convention (`12.04.23` too: the German and Swiss weather services'
    dd.mm.yy). With two-digit years written otherwise (`26-12-07`,
    `07/12/26`) a year-first reading competes too (loggers write yy-mm-dd):
    an order is taken only when it alone gives a valid date in every cell.
    """
    matches = [m for m in map(_XY_RE.fullmatch, (t.strip() for t in samples)) if m is not None]
    dots = bool(matches) and all(m["sep"] == "." for m in matches)
    if matches and all(len(m["y"]) == 2 for m in matches) and not dots:
        candidates = [DateOrder.DMY, DateOrder.MDY]
        if all(len(m["a"]) == 2 for m in matches):
            candidates.append(DateOrder.YMD)
        fit = tuple(o for o in candidates if all(_order_fits(m, o) for m in matches))
        if len(fit) == 1:
            return (
                fit[0],
                _m(
                    "order-only-fit",
                    QT_TRANSLATE_NOOP(
                        "importers", "two-digit years: only {order} gives a valid date in every row read"
                    ),
                    order=_order_label(fit[0]),
                ),
                fit,
            )
        if not fit:
            some = tuple(o for o in candidates if any(_order_fits(m, o) for m in matches))
            return (
                None,
                _m(
                    "order-both",
                    QT_TRANSLATE_NOOP(
                        "importers", "both orders occur; choose one (rows that do not fit it are reported)"
                    ),
                ),
                some,
            )
        return (
            None,
            _m(
                "order-two-digit",
                QT_TRANSLATE_NOOP("importers", "two-digit years: {orders} all give valid dates; choose one"),
                orders=orders_in_words(fit),
            ),
            fit,
        )
    both = (DateOrder.DMY, DateOrder.MDY)
    firsts, seconds, seps = 0, 0, set()
    for match in matches:
        a, b, sep = int(match["a"]), int(match["b"]), match["sep"]
        firsts, seconds = max(firsts, a), max(seconds, b)
        seps.add(sep)
    if firsts > 12 and seconds <= 12:
        return (
            DateOrder.DMY,
            _m("order-first-day", QT_TRANSLATE_NOOP("importers", "a first number is {n}, so it is the day"), n=firsts),
            (DateOrder.DMY,),
        )
    if seconds > 12 and firsts <= 12:
        return (
            DateOrder.MDY,
            _m(
                "order-second-day",
                QT_TRANSLATE_NOOP("importers", "a second number is {n}, so it is the day"),
                n=seconds,
            ),
            (DateOrder.MDY,),
        )
    if firsts > 12 and seconds > 12:
        return (
            None,
            _m(
                "order-both",
                QT_TRANSLATE_NOOP("importers", "both orders occur; choose one (rows that do not fit it are reported)"),
            ),
            both,
        )
    if seps == {"."}:
        return (
            DateOrder.DMY,
            _m("order-dots", QT_TRANSLATE_NOOP("importers", "dots: day.month.year by convention")),
            (DateOrder.DMY,),
        )
    return None, _m("order-unknown", QT_TRANSLATE_NOOP("importers", "no day above 12 in the rows read")), both


def looks_like(cells: Sequence[Any], fmt: TimeFormat) -> bool:
    """Whether numbers in a column fit a numeric time format's plausible range."""
    ranges = {TimeFormat.EXCEL: EXCEL_RANGE, **{f: r for f, r, _ in EPOCH_FORMATS}}
    low, high = ranges[fmt]
    numbers = []
    for cell in cells:
        try:
            numbers.append(float(cell) if not isinstance(cell, str) else float(cell.strip()))
        except (TypeError, ValueError, OverflowError):  # OverflowError: an integer too large for a float
            return False
    return bool(numbers) and all(low <= n <= high for n in numbers)


def json_dumps_compact(value: Any) -> str:
    """How a value is shown in a preview cell."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
