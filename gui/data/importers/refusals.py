"""Why a row or a cell is not imported: `Reason`, a parser's reason, and what to do about a value cell refused.

`convert.RowConverter` rejects rows with these reasons; `preview` shows them.
"""

from __future__ import annotations

import re
from typing import Any

from gui.data.importers.result import message as _m
from gui.onenet.readings import ValueKind
from gui.text import QT_TRANSLATE_NOOP, Message, reason_of

# `23.5 °C`, `45%`, `1013 hPa`: a number, then a unit (no unit is read from a cell: the reason says so).
_NUMBER_AND_UNIT = re.compile(r"[+\-−]?\d[\d.,]*\s*[^\d\s.,:/+\-−][^\d]*")

#: Why a cell or row is not imported: always a Message (another library's words go through `gui.text.reason_of`).
Reason = Message


_NO_TIME = _m(
    "no-time-refused",
    QT_TRANSLATE_NOOP(
        "importers",
        "no time: the time cell is empty (such rows are refused unless you choose what they get: send "
        "--missing-time now or platform, the import dialog's Rows without a time)",
    ),
)


#: A row of a file in which no column was understood as a time: its time cell is not empty, there is none.
_NO_TIME_COLUMN = _m(
    "no-time-column-refused",
    QT_TRANSLATE_NOOP(
        "importers",
        "no time: no column of the file was understood as a time (name it, with its format if need be: send "
        "--time-column and --time-format, the import dialog's Use as and Read as; or choose what rows without a "
        "time get: send --missing-time now or platform, the import dialog's Rows without a time)",
    ),
)


_CUT_SHORT = _m("cut-short", QT_TRANSLATE_NOOP("importers", "the quoted cell is not closed: the file may be cut short"))


def value_reason(exc: Exception, raw: Any, kind: ValueKind) -> Reason:
    """Why a value cell read as `kind` is refused: the parser's reason, with what to do for a number column's
    text (a missing-value marker?) or a number with its unit."""
    reason = reason_of(exc)
    if kind is ValueKind.NUMBER and isinstance(raw, str) and raw.strip() and not raw.strip()[0].isdigit():
        marker = QT_TRANSLATE_NOOP(
            "importers", "{why}; if it marks a missing reading, add it as a missing-value marker"
        )
        return _m("marker", marker, why=reason)
    if kind is ValueKind.NUMBER and isinstance(raw, str) and _NUMBER_AND_UNIT.fullmatch(raw.strip()):
        unit = QT_TRANSLATE_NOOP(
            "importers", "{why}: a number with a unit; write the unit in the header, the number alone"
        )
        return _m("unit", unit, why=reason)
    return reason


#: A part of the time (`TimeSpec.parts`' units) in words.
_UNITS = {
    "year": QT_TRANSLATE_NOOP("importers", "year"),
    "month": QT_TRANSLATE_NOOP("importers", "month"),
    "day": QT_TRANSLATE_NOOP("importers", "day"),
    "hour": QT_TRANSLATE_NOOP("importers", "hour"),
    "minute": QT_TRANSLATE_NOOP("importers", "minute"),
    "second": QT_TRANSLATE_NOOP("importers", "second"),
}


def part_reason(unit: str, text: str | None) -> Message:
    """Why a year/month/day/hour/minute/second cell is refused: empty (`text` None) or not a whole number."""
    name = _m(f"unit-{unit}", _UNITS[unit]) if unit in _UNITS else Message.verbatim(unit)
    if text is None:
        return _m("no-part", QT_TRANSLATE_NOOP("importers", "no {unit}"), unit=name)
    return _m(
        "part-not-whole",
        QT_TRANSLATE_NOOP("importers", "{text} is not a whole number ({unit})"),
        text=repr(text),
        unit=name,
    )
