"""Excel serial days read to the precision they are written with: the one rule for CSV cells and workbook cells."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

#: Day 0 of Excel's 1900 date system as Python counts (1899-12-30: Excel's 1900 leap-year bug folded in).
EXCEL_EPOCH = datetime(1899, 12, 30)

#: Excel keeps times to the millisecond: a serial nearer than this to a whole second is that second.
_EXCEL_RESOLUTION_S = 0.0005

#: Float error of a serial's seconds up to year 9999 (2.9e6 days: an ulp is 4e-5 s): not a digit the file wrote.
_FLOAT_SLACK_S = 1e-4


def excel_serial(number: float) -> float:
    """`number` Excel days (a serial: days since `EXCEL_EPOCH`, the fraction the time of day), read as written.

    A serial holds no more than the digits it is written with: `46363.3888888`
    (seven decimals, one unit of the last = 8.64 ms) is 09:19:59.992 only
    to those digits, and 09:20:00 (0.388888… days) written the same way,
    cut or rounded, gives `.3888888` or `.3888889`. So when a whole second
    lies within one unit of the last written decimal, the serial is that
    second, as Excel shows it (its `hh:mm:ss` rounds); a serial written to
    more digits than a millisecond (Excel's own resolution; a workbook
    stores 15-17 significant digits) is the whole second within half a
    millisecond of it. The digits written are the shortest decimal form
    that reads back as `number` (`repr`), which is the text of a CSV cell
    or a workbook's `<v>`. Returns days, the whole second as exact as a
    float keeps it (callers round to the millisecond); otherwise `number`
    unchanged. Rule of the product: Excel's resolution is the millisecond
    and its display rounds (the platform's legacy `at` has whole seconds,
    shared onenet-api.md "Timestamps").
    """
    text = repr(number)
    if not math.isfinite(number) or "e" in text or "." not in text:
        return number
    unit = 86_400 * 10.0 ** -(len(text) - text.index(".") - 1)
    days = math.floor(number)
    seconds = (number - days) * 86_400
    whole = round(seconds)
    if abs(seconds - whole) <= max(unit, _EXCEL_RESOLUTION_S) + _FLOAT_SLACK_S:
        return days + whole / 86_400
    return number


def excel_datetime(number: float) -> datetime:
    """Excel days of the 1900 date system as a naive datetime (`excel_serial`'s reading, to the millisecond).

    ValueError or OverflowError for serials outside Python's dates (callers check the range first).
    """
    return EXCEL_EPOCH + timedelta(milliseconds=round(excel_serial(number) * 86_400_000))
