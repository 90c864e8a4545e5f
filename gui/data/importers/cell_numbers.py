"""Reading a number cell: decimal comma, thousands separators, the C-level fast path; the reason a cell
is refused (`CellError`)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import repeat
from typing import Any

from gui.data.importers.result import message as _m
from gui.data.importers.sources import UncomputedFormula
from gui.onenet.readings import NumberOutOfRange, mistyped_number, parse_number
from gui.text import QT_TRANSLATE_NOOP, Message

#: Thousands separators accepted with each decimal mark (space, no-break space, narrow no-break
#: space and apostrophe are used in both conventions).
_GROUPS = {".": ", '\u00a0\u202f", ",": ". '\u00a0\u202f"}


_GROUPED = {
    mark: re.compile(rf"[+-]?\d{{1,3}}(?P<g>[{re.escape(groups)}])\d{{3}}(?:(?P=g)\d{{3}})*(?:{re.escape(mark)}\d+)?")
    for mark, groups in _GROUPS.items()
}


_PLAIN_CHARS = re.compile(r"[0-9.+\-]*")
#: The longest plain decimal the fast path reads with float(): a longer one may be nearer 0 than a double's
#: normal range (2.2e-308 takes 308 zeros), which `parse_number` refuses.
_FLOAT_FAST_MAX = 300


_STRONG = {
    ",": re.compile(r"[+-]?(?:\d+,\d{1,2}|\d+,\d{4,}|0,\d+|\d{4,},\d+|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})"),
    ".": re.compile(
        r"[+-]?(?:\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+|\d{4,}\.\d+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})"
    ),
}


#: A number written with a zero before another digit (`0012`, `-007`; not `0`, `0.5`, `-0.5`).
_ZERO_PADDED = re.compile(r"\s*[+-]?0\d")
#: The same at the start of a line of cells joined by line breaks (a C-level scan over a chunk of a column).
ZERO_PADDED_IN = re.compile(r"(?:^|\n)[^\S\n]*[+-]?0\d")


def zero_padded(text: str) -> bool:
    """Whether a number cell is written with leading zeros (`0012`): an identifier or a code (a batch, a sample,
    a postcode), whose zeros a number would lose; its column is read as text (`kinds.kind_of`)."""
    return _ZERO_PADDED.match(text) is not None


#: `1,234` / `1.234`: one separator with exactly three digits after it (a decimal mark or a thousands separator).
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}[.,]\d{3}")


class CellError(ValueError):
    """A cell that cannot be read: `text` is the reason for a person (a Message), str() its English source."""

    def __init__(self, text: Message) -> None:
        self.text = text
        super().__init__(str(text))


def refuse_uncomputed(raw: Any) -> None:
    """CellError when `raw` is a workbook formula without a computed value (`sources.UncomputedFormula`):
    every cell parser starts here, so such a cell is never read as empty nor as its formula's text."""
    if isinstance(raw, UncomputedFormula):
        raise CellError(raw.reason)


def parse_number_text(text: str, decimal: str = ".") -> int | float:
    """A number as written in a file: `84` -> 84, `2,6` (decimal ",") -> 2.6, `1,013.2` -> 1013.2.

    `decimal` is the decimal mark, `.` or `,`. Thousands separators (the
    other mark, space, no-break space, apostrophe) are accepted only in
    groups of three digits. Integers stay ints (OneNET keeps `84` and
    `84.0` apart). Raises ValueError with the reason, also for NaN and
    infinity (not JSON).
    """
    t = text.strip().replace("\u2212", "-")
    if decimal == ",":
        if "." not in t and t.count(",") <= 1:
            try:
                return parse_number(t.replace(",", "."))
            except NumberOutOfRange:
                raise
            except ValueError:
                pass
    else:
        try:
            return parse_number(t)
        except NumberOutOfRange:  # `1e309`, `1e-400`: a number, but not one a double holds as written
            raise
        except ValueError:
            pass
    grouped = _GROUPED[decimal].fullmatch(t)
    if grouped:
        plain = t.replace(grouped["g"], "")
        return parse_number(plain.replace(",", ".") if decimal == "," else plain)
    if decimal == "," and re.fullmatch(r"[+-]?\d*\.\d+", t):
        raise CellError(
            _m(
                "is-not-a-number-with-a-decimal-comma-thi",
                QT_TRANSLATE_NOOP(
                    "importers", "{text} is not a number with a decimal comma (this column uses `,` as decimal mark)"
                ),
                text=repr(text),
            )
        )
    if decimal == "." and re.fullmatch(r"[+-]?\d+,\d+", t):
        raise CellError(
            _m(
                "is-not-a-number-with-a-decimal-point-thi",
                QT_TRANSLATE_NOOP(
                    "importers", "{text} is not a number with a decimal point (this column uses `.` as decimal mark)"
                ),
                text=repr(text),
            )
        )
    hint = mistyped_number(t)
    if hint is not None and hint.why is not None:  # `0x10`, `1_000`, `inf`: why, as the editor says it
        raise CellError(hint.why)
    raise CellError(_m("is-not-a-number", QT_TRANSLATE_NOOP("importers", "{text} is not a number"), text=repr(text)))


def numbers_fast(cells: Sequence[Any], decimal: str) -> list[int | float] | None:
    """All cells of a column chunk as numbers at C speed, or None when any cell needs `parse_number_text`.

    Accepted: every cell an int/float object (spreadsheets), or every cell
    plain digits (ints), or every cell digits with exactly one decimal mark
    (floats). Empty cells, signs-only, exponents, groups: None; so is a
    chunk with a cell over 300 characters (`0.000…1` with 400 zeros would be
    0.0: `parse_number` refuses it, `NumberOutOfRange`).
    """
    if not cells:
        return []
    if isinstance(cells[0], str):
        try:
            joined = "".join(cells)
        except TypeError:  # a spreadsheet's text cell, then a number cell: the per-cell path reads each
            return None
        if decimal == ",":
            if "." in joined:
                return None
            joined = joined.replace(",", ".")
            cells = list(map(str.replace, cells, repeat(","), repeat(".")))
        if not _PLAIN_CHARS.fullmatch(joined):
            return None
        try:
            if "." not in joined:
                return list(map(int, cells))
            if joined.count(".") == len(cells) and len(max(cells, key=len)) <= _FLOAT_FAST_MAX:
                return list(map(float, cells))
        except ValueError:
            return None
        return None
    types = set(map(type, cells))
    if types <= {int, float}:
        if float in types and not all(map(math.isfinite, cells)):
            return None
        return list(cells)
    return None


def decimal_evidence(text: str) -> str | None:
    """`,` or `.` when a cell shows which decimal mark it uses (`2,6`, `0.123`, `1.013,2`), else None."""
    t = text.strip()
    for mark in (",", "."):
        if _STRONG[mark].fullmatch(t):
            return mark
    return None


def comma_rereads(number: Any) -> str:
    """The written form of a spreadsheet's number cell (`1.013`) when a decimal-comma reading, with `.` for
    thousands, makes another number of it (1013), else "": beside text cells with a decimal comma (`1.012,5`) it
    is the sign of a locale mix-up (a German sheet opened in an English spreadsheet: `1.013` became a number,
    `1.012,5` stayed text), and no mark reads both alike (`plan.decimal_mark`)."""
    if not isinstance(number, float) or not math.isfinite(number) or number.is_integer():
        return ""
    written = str(number)
    try:
        return written if parse_number_text(written, ",") != number else ""
    except ValueError:
        return ""


def is_ambiguous_number(text: str) -> bool:
    """`1,234` or `1.234`: 1.234 with that separator as decimal mark, 1234 with it as thousands separator; the
    column or the file must tell (`decimal_evidence` of another cell), else the user."""
    return bool(_AMBIGUOUS.fullmatch(text.strip()))
