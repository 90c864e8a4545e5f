"""A time a person types into one field (the editor's `at`): the importer's year-first and month-name readings."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, tzinfo

from gui.onenet.readings import FULL_WIDTH_ASCII, localize, parse_at
from gui.text import QT_TRANSLATE_NOOP, Message

# Day, month and year in either order (`07/12/2026`, `12.7.26`): 7 December or 12 July, so never read.
_DAY_MONTH_FIRST = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?:\D.*)?")
# A clock time (`9:30`, `9时`, `9点30分`): a date alone is no `at`.
_CLOCK = re.compile(r"\d\s*[:时時点點]")


class TypedAtError(ValueError):
    """A typed text that is not one time; `text` (a Message) says why, quoting the text as typed."""

    def __init__(self, text: Message) -> None:
        super().__init__(str(text))
        self.text = text


def _refuse(code: str, source: str, typed: str) -> TypedAtError:
    return TypedAtError(Message(code, "typed_at", source, {"text": typed.strip()}))


def read_typed_stamp(text: str) -> datetime:
    """The time `text` writes, naive (a wall-clock time) or aware (an offset or `Z`/`UTC` given).

    Read as the importer reads a year-first time cell (`gui.data.importers.cell_times.parse_datetime_text`
    with YMD, and English month names: `parse_month_name`): `2026-12-07 09:30:00`, `2026-10-25 02:30+01:00`,
    `2026/12/7 8:30`, `2026年12月7日 9时30分`, `2026/12/7 下午 1:15:00`, `Dec 7 2026 9:30`. Full-width
    characters (`２０２６年１２月７日　９：３０`, an input method's) are read as half-width (`FULL_WIDTH_ASCII`).
    Raises TypedAtError: for a day/month/year order (`07/12/2026` is 7 December or 12 July), for a date
    without a time of day, and with the importer's reason for anything else.
    """
    typed = text
    text = text.translate(FULL_WIDTH_ASCII).strip()
    if not text:
        raise _refuse("typed-at-empty", QT_TRANSLATE_NOOP("typed_at", "type a time, e.g. 2026-11-02 08:30:00"), typed)
    try:  # the platform's own form, most often typed: no need for the importer's parsers
        return parse_at(text).replace(tzinfo=None) if _naive_form(text) else parse_at(text)
    except ValueError:
        pass
    if _DAY_MONTH_FIRST.fullmatch(text):
        raise _refuse(
            "typed-at-day-month",
            QT_TRANSLATE_NOOP(
                "typed_at",
                "“{text}” is not read: with the day and month before the year, 07/12/2026 is 7 December or 12 "
                "July; type the year first, e.g. 2026-12-07 09:30",
            ),
            typed,
        )
    from gui.data.importers.cell_numbers import CellError  # the importer's, when first needed (~0.2 s to load)
    from gui.data.importers.cell_times import parse_datetime_text, parse_month_name
    from gui.data.importers.options import TimeFormat

    try:
        if text[:4].isdigit():
            stamped = parse_datetime_text(text, TimeFormat.YMD)
        elif re.search(r"[A-Za-z]{3}", text):
            stamped = parse_month_name(text)
        else:
            raise _refuse(
                "typed-at-not-a-time",
                QT_TRANSLATE_NOOP("typed_at", "“{text}” is not a time: type it as 2026-11-02 08:30:00"),
                typed,
            )
    except CellError as exc:  # the importer's reason, with the text as typed (it quotes its half-width form)
        reason = exc.text
        if "text" in reason.args:
            reason = dataclasses.replace(reason, args={**reason.args, "text": f"“{typed.strip()}”"})
        raise TypedAtError(reason) from None
    if not _CLOCK.search(text):
        raise _refuse(
            "typed-at-no-clock",
            QT_TRANSLATE_NOOP("typed_at", "“{text}” has no time of day: type it too, e.g. 2026-12-07 09:30"),
            typed,
        )
    return stamped


def _naive_form(text: str) -> bool:
    """True when a text `parse_at` reads gives no offset (it is then read in platform time, not wanted here)."""
    return not re.search(r"(Z|[+-]\d{2}:?\d{2})$", text)


def read_typed_at(text: str, tz: tzinfo) -> datetime:
    """The instant a typed time means: `read_typed_stamp`, in `tz` unless it gives an offset (aware).

    Raises TypedAtError (see `read_typed_stamp`) or AtError when the clocks skipped it or went back over it
    in `tz` (`gui.onenet.readings.localize`); both are ValueErrors whose `text` says why.
    """
    stamped = read_typed_stamp(text)
    return stamped if stamped.tzinfo is not None else localize(stamped, tz)
