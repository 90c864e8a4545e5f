"""Sentences of the core for a person: a code, an English source and parameters, translated where read (no Qt).

The core (gui/onenet, gui/data) imports no Qt, so it cannot translate. It returns a
`Message`: the English source text (the key of the Qt Linguist catalogues in
resources/translations/), its `{name}` parameters and, for a count, `n` (`%Ln` in the
source: Qt picks the plural form and writes the number as the locale does). The window
and the command line render it with `gui.i18n.render`; `str(message)` is the
untranslated source with its parameters, for logs and exceptions.

Sources are marked with `QT_TRANSLATE_NOOP(context, source)` so `pyside6-lupdate`
extracts them (it knows the name; the function itself only returns `source`); a
sentence with a count is made with `Counted(code).tr(source, "", n)`.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: (context, source, n) -> the translated source; n is -1 when the sentence has no count.
Translate = Callable[[str, str, int], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark `source` for extraction into the catalogue's `context`; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Message:
    """A sentence: `code` (stable, for tests and logs), `source` in `context`, `args`, and a count `n` (or -1).

    `args` values are text, numbers (written as the locale does when rendered) or
    Messages (rendered first, in the same language).
    """

    code: str
    context: str
    source: str
    args: Mapping[str, object] = field(default_factory=dict)
    n: int = -1

    def render(self, translate: Translate, number: Callable[[int | float], str] = str) -> str:
        """The sentence through `translate`, its numeric `args` written by `number` (`%Ln` is translate's)."""
        text = translate(self.context, self.source, self.n)
        values = {
            key: value.render(translate, number)
            if isinstance(value, Message)
            else number(value)
            if isinstance(value, int | float) and not isinstance(value, bool)
            else value
            for key, value in self.args.items()
        }
        return text.format_map(values)  # also `{{` -> `{` in a source without fields

    @staticmethod
    def verbatim(text: str) -> Message:
        """A text that is not ours to translate (the platform's words, another library's), shown as it is."""
        return Message("verbatim", "", "{text}", {"text": text})

    def with_args(self, **args: object) -> Message:
        """This message with `args` added."""
        return Message(self.code, self.context, self.source, {**self.args, **args}, self.n)

    def __str__(self) -> str:
        return self.render(untranslated)


@dataclass(frozen=True)
class Counted:
    """A sentence with a count: `Counted(code).tr(source, "", n)` (then `.with_args(...)`).

    lupdate reads that call's shape as a plural entry (in the context "", the one of
    a `.tr` outside a class), so each language gives its own forms (`%Ln datapoint(s)`:
    English "1 datapoint" / "2 datapoints", Chinese one form).
    """

    code: str

    def tr(self, source: str, disambiguation: str, n: int) -> Message:
        """The counted Message of `source` (`disambiguation` is for lupdate; always "")."""
        return Message(self.code, "", source, {}, n)


#: Marks a stored text that is a Message (`stored`), so that a text stored before is told apart and shown as it is.
STORED_MARK = "\x1e"


def stored(message: Message) -> str:
    """`message` as text to store (a database column): its code, context, source, args and count, as JSON.

    `from_stored` reads it back, so a stored message is shown in the reader's language later.
    Args that are not text, numbers or Messages are stored as their text.
    """

    def encode(m: Message) -> dict[str, Any]:
        args = {
            k: {"$m": encode(v)} if isinstance(v, Message) else v if isinstance(v, str | int | float) else str(v)
            for k, v in m.args.items()
        }
        return {"code": m.code, "context": m.context, "source": m.source, "args": args, "n": m.n}

    return STORED_MARK + json.dumps(encode(message), ensure_ascii=False)


def from_stored(text: str, known: Mapping[str, Message] | None = None) -> Message:
    """The Message `stored` made of `text`; a text stored before (plain English) as one of `known`, else verbatim."""

    def decode(data: Any) -> Message:
        args = {k: decode(v["$m"]) if isinstance(v, dict) else v for k, v in data["args"].items()}
        return Message(str(data["code"]), str(data["context"]), str(data["source"]), args, int(data["n"]))

    if text.startswith(STORED_MARK):
        try:
            return decode(json.loads(text[len(STORED_MARK) :]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return Message.verbatim(text[len(STORED_MARK) :])
    return (known or {}).get(text) or Message.verbatim(text)


def untranslated(context: str, source: str, n: int) -> str:
    """The source as written, its count put in (`%Ln`, `%n`): what `str(Message)` shows.

    A counted source's English plural marks take the count's form, as the English
    catalogue's forms do: `datapoint(s)` is "1 datapoint" / "2 datapoints",
    `entry(ies)` "1 entry" / "2 entries" (verbs are left as written).
    """
    if n < 0:
        return source
    text = _PLURAL_MARK.sub(lambda m: m[1] if n == 1 else m[1].removesuffix("y") + m[2], source)
    return text.replace("%Ln", f"{n:,}").replace("%n", str(n))


#: An English plural mark after a word of a counted source: `datapoint(s)`, `entry(ies)`.
_PLURAL_MARK = re.compile(r"(\w+)\((s|ies)\)")


def sentence(text: str) -> str:
    """`text` as a sentence: a full stop added unless it ends with `.`, `?`, `!`, `…` (or `。？！`) already.

    Messages that end without one ("… the last wins") read as one with a question after them.
    """
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "?", "!", "…", "。", "？", "！")) else stripped + "."


def _reason(code: str, source: str) -> tuple[str, str]:
    return code, source


#: Python's own words for what a file's cell or a typed value can cause (datetime, strptime, int(), float(), json,
#: zoneinfo): a pattern over `str(exc)` and the product's sentence in the catalogue's context "reasons" (the
#: pattern's named groups are the sentence's `{fields}`: the cell's text as Python quotes it).
_LIBRARY_WORDS: tuple[tuple[re.Pattern[str], tuple[str, str]], ...] = (
    (
        re.compile(r"hour must be in 0\.\.23"),
        _reason("hour-range", QT_TRANSLATE_NOOP("reasons", "the hour must be 0 to 23")),
    ),
    (
        re.compile(r"minute must be in 0\.\.59"),
        _reason("minute-range", QT_TRANSLATE_NOOP("reasons", "the minute must be 0 to 59")),
    ),
    (
        re.compile(r"second must be in 0\.\.59"),
        _reason("second-range", QT_TRANSLATE_NOOP("reasons", "the second must be 0 to 59")),
    ),
    (
        re.compile(r"microsecond must be in"),
        _reason("fraction-range", QT_TRANSLATE_NOOP("reasons", "the fraction of a second is out of range")),
    ),
    (
        re.compile(r"month must be in 1\.\.12"),
        _reason("month-range", QT_TRANSLATE_NOOP("reasons", "the month must be 1 to 12")),
    ),
    (
        re.compile(r"day is out of range for month"),
        _reason("day-range", QT_TRANSLATE_NOOP("reasons", "the month has no such day")),
    ),
    (
        re.compile(r"year (?P<year>-?\d+) is out of range"),
        _reason("year-range", QT_TRANSLATE_NOOP("reasons", "the year {year} is out of range")),
    ),
    (
        re.compile(r"time data (?P<text>.+) does not match format (?P<format>.+)"),
        _reason("strptime-mismatch", QT_TRANSLATE_NOOP("reasons", "{text} does not match the format {format}")),
    ),
    (
        re.compile(r"unconverted data remains: (?P<rest>.*)"),
        _reason("strptime-rest", QT_TRANSLATE_NOOP("reasons", "{rest} is left over after the format")),
    ),
    (
        re.compile(r"invalid literal for int\(\) with base \d+: (?P<text>.*)"),
        _reason("not-whole", QT_TRANSLATE_NOOP("reasons", "{text} is not a whole number")),
    ),
    (
        re.compile(r"could not convert string to float: (?P<text>.*)"),
        _reason("not-number", QT_TRANSLATE_NOOP("reasons", "{text} is not a number")),
    ),
    (
        re.compile(r"cannot convert float (?:infinity|NaN) to integer"),
        _reason("not-finite", QT_TRANSLATE_NOOP("reasons", "not a finite number")),
    ),
    (
        re.compile(r"out of range|must have magnitude|too large|overflow", re.I),
        _reason("out-of-range", QT_TRANSLATE_NOOP("reasons", "the number is too large for a time or a value")),
    ),
    (
        re.compile(r"No time zone found with key (?P<zone>.+)"),
        _reason("unknown-zone", QT_TRANSLATE_NOOP("reasons", "{zone} is not a known time zone")),
    ),
)

_NOT_JSON = QT_TRANSLATE_NOOP("reasons", "not valid JSON (line {line}, column {column})")
#: What an error of another library that no pattern knows is called; its own words go to the log only.
UNREADABLE = Message("unreadable", "reasons", QT_TRANSLATE_NOOP("reasons", "cannot be read"))


def library_reason(exc: BaseException) -> Message | None:
    """Python's own words in `exc` (datetime's `hour must be in 0..23`, int()'s, float()'s, json's, strptime's,
    zoneinfo's) as the product's translated sentence; None when they are none of those (`_LIBRARY_WORDS`)."""
    if isinstance(exc, json.JSONDecodeError):
        return Message("not-json", "reasons", _NOT_JSON, {"line": exc.lineno, "column": exc.colno})
    text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    for pattern, (code, source) in _LIBRARY_WORDS:
        found = pattern.search(text)
        if found:
            return Message(code, "reasons", source, found.groupdict())
    return None


def reason_of(exc: BaseException) -> Message:
    """Why a cell, a value or a file is refused, for a person: the core's Message (an error's `text`), else Python's
    own words translated (`library_reason`), else `UNREADABLE` (the error's own words are logged, never shown:
    they are another library's English)."""
    text = getattr(exc, "text", None)
    if isinstance(text, Message):
        return text
    known = library_reason(exc)
    if known is not None:
        return known
    logging.getLogger(__name__).info("refused for a reason in another library's words: %s: %s", type(exc).__name__, exc)
    return UNREADABLE
