"""The platform's rules checked before sending: one place, errors and warnings.

Errors block a send; warnings are shown and the user may send anyway. Each
issue names the datastream and datapoint it concerns and the rule's reason
(the rules come from shared onenet-api.md, cited per rule below).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from gui.onenet.formats import AtTexts, has_lone_surrogate, wire_ats
from gui.onenet.readings import (
    Datapoint,
    Readings,
    Value,
    format_value,
    is_finite_value,
    mistyped_number,
    parse_json_object,
)
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

#: Stream id characters accepted without comment: letters (any script: the
#: official SDK used Chinese ids), digits, `_ - .` (`pm2.5` is the docs' own).
_SAFE_ID = re.compile(r"[\w.\-]+")
_UNSAFE_RUN = re.compile(r"[^\w.\-]+")
#: Before this, an `at` is most likely a wrong format or zone.
EARLIEST_PLAUSIBLE_AT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(minutes=10)
LARGE_VALUE_BYTES = 64 * 1024


class Severity(enum.Enum):
    """ERROR blocks sending; WARNING asks "send anyway"."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One finding: the rule broken (its code), its text, and where (indexes into Readings, 0-based).

    `text` is rendered for a person by `gui.i18n.render`; `message` is its untranslated
    source with the parameters (logs, tests).
    """

    severity: Severity
    rule: str
    text: Message
    stream_id: str
    stream_index: int
    point_index: int | None = None

    @property
    def message(self) -> str:
        """The text untranslated (logs, tests); a person reads `gui.i18n.render(issue.text)`."""
        return str(self.text)


def is_safe_stream_id(text: str) -> bool:
    """True when a stream id has only characters accepted without comment (letters, digits, `_ - .`)."""
    return bool(_SAFE_ID.fullmatch(text))


def suggest_stream_id(text: str) -> str:
    """A stream id without characters the platform may reject: `温度(℃)` -> `温度`.

    Runs of other characters become `_`; leading/trailing `_` are dropped.
    Returns `stream` when nothing usable is left.
    """
    suggestion = _UNSAFE_RUN.sub("_", text.strip()).strip("_")
    return suggestion or "stream"


#: Each rule's name as shown, and its reason (shared onenet-api.md, cited per rule in `validate`): English
#: sources of the "validation" context of the catalogues.
RULES = {
    "empty-id": (
        QT_TRANSLATE_NOOP("validation", "empty id"),
        QT_TRANSLATE_NOOP("validation", "the platform names a datastream by its id and cannot create one without"),
    ),
    "unsafe-id": (
        QT_TRANSLATE_NOOP("validation", "unusual id"),
        QT_TRANSLATE_NOOP("validation", "the platform may reject characters other than letters, digits, _ - ."),
    ),
    "non-finite": (
        QT_TRANSLATE_NOOP("validation", "NaN or infinity"),
        QT_TRANSLATE_NOOP("validation", "not valid JSON: the platform cannot read it"),
    ),
    "not-text": (
        QT_TRANSLATE_NOOP("validation", "not text"),
        QT_TRANSLATE_NOOP("validation", "it holds a lone surrogate (e.g. \\ud800), which no UTF-8 body can carry"),
    ),
    "too-deep": (
        QT_TRANSLATE_NOOP("validation", "nested too deeply"),
        QT_TRANSLATE_NOOP("validation", "a JSON object this deep cannot be written"),
    ),
    "duplicate-at": (
        QT_TRANSLATE_NOOP("validation", "duplicate at"),
        QT_TRANSLATE_NOOP(
            "validation", "datapoints of one stream with the same at overwrite each other, the last wins"
        ),
    ),
    "several-without-at": (
        QT_TRANSLATE_NOOP("validation", "several without at"),
        QT_TRANSLATE_NOOP(
            "validation",
            "each goes in a request of its own (of one request the platform keeps only the last) and is "
            "stamped with the time it arrives, milliseconds apart: give them an at to keep the times they were taken",
        ),
    ),
    "implausible-at": (
        QT_TRANSLATE_NOOP("validation", "implausible at"),
        QT_TRANSLATE_NOOP("validation", "likely a wrong time zone or time format"),
    ),
    "large-value": (
        QT_TRANSLATE_NOOP("validation", "large value"),
        QT_TRANSLATE_NOOP("validation", "related OneNET endpoints cap bodies at 64 KB; the platform may reject it"),
    ),
    "text-among-numbers": (
        QT_TRANSLATE_NOOP("validation", "text among numbers"),
        QT_TRANSLATE_NOOP(
            "validation",
            "the platform stores it as text (values may be numbers, strings or objects), "
            "not as the number it looks like",
        ),
    ),
    "broken-json": (
        QT_TRANSLATE_NOOP("validation", "text like broken JSON"),
        QT_TRANSLATE_NOOP(
            "validation",
            "the platform stores it as text (values may be numbers, strings or objects), "
            "not as the object it looks like",
        ),
    ),
}


@dataclass(frozen=True)
class BrokenJson:
    """Why a text that looks like a JSON object is not one: json's message (`what`, English) and where.

    `line` and `column` are 1-based, as Python's json module counts them; 0 when
    it names no place (`NaN`, nesting too deep).
    """

    what: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return str(self.text)

    @property
    def text(self) -> Message:
        """`not valid JSON: <json's words> (line L, column C)` (json's own words stay English)."""
        if self.line:
            return _m(
                "broken-json-at",
                QT_TRANSLATE_NOOP("validation", "not valid JSON: {what} (line {line}, column {column})"),
                what=self.what,
                line=self.line,
                column=self.column,
            )
        return _m("broken-json", QT_TRANSLATE_NOOP("validation", "not valid JSON: {what}"), what=self.what)


def broken_json(text: str) -> BrokenJson | None:
    """The rule `broken-json`: a text that starts with `{` (spaces before it aside) but is no JSON object, and why.

    None for any other text, and for a valid object. The editor refuses such a
    text in Auto (it must be chosen as Text), `validate` warns about such text
    values at Send. Objects are read by `parse_json_object`, as everywhere.
    """
    if not text.lstrip().startswith("{"):
        return None
    try:
        parse_json_object(text)
    except ValueError as exc:
        cause = exc.__cause__
        if isinstance(cause, json.JSONDecodeError):
            return BrokenJson(cause.msg, cause.lineno, cause.colno)
        if isinstance(cause, RecursionError):
            return BrokenJson("nested too deeply")
        return BrokenJson(str(exc))
    return None


def _shortened(text: str, most: int = 40) -> str:
    """`text` whole, or its start and `…` when longer than `most` characters."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _m(code: str, source: str, n: int = -1, **args: object) -> Message:
    return Message(code, "validation", source, args, n)


def _issue(
    severity: Severity,
    rule: str,
    what: Message,
    stream_id: str,
    s_index: int,
    p_index: int | None = None,
    at: str = "",
) -> Issue:
    """An Issue whose text names the stream, the datapoint (number in its stream, its at) and the rule's reason."""
    if stream_id.strip():
        where = _m("where-stream", QT_TRANSLATE_NOOP("validation", "datastream {id}"), id=repr(stream_id))
    else:
        where = _m(
            "where-stream-no-id", QT_TRANSLATE_NOOP("validation", "datastream #{number} (no id)"), number=s_index + 1
        )
    if p_index is not None:
        if at:
            where = _m(
                "where-point",
                QT_TRANSLATE_NOOP("validation", "{stream}, datapoint #{point} (at {at})"),
                stream=where,
                point=p_index + 1,
                at=at,
            )
        else:
            where = _m(
                "where-point-no-at",
                QT_TRANSLATE_NOOP("validation", "{stream}, datapoint #{point} (no at)"),
                stream=where,
                point=p_index + 1,
            )
    title, reason = RULES[rule]
    text = _m(
        rule,
        QT_TRANSLATE_NOOP("validation", "{where}: {what} — {title}: {reason}"),
        where=where,
        what=what,
        title=_m(rule + "-title", title),
        reason=_m(rule + "-reason", reason),
    )
    return Issue(severity, rule, text, stream_id, s_index, p_index)


def _not_text(sid: str, s_index: int, p_index: int, at_text: str) -> Issue:
    """The value of datapoint `p_index` of stream `sid` cannot be sent as text (a lone surrogate: not UTF-8)."""
    return _issue(
        Severity.ERROR,
        "not-text",
        _m("its-value", QT_TRANSLATE_NOOP("validation", "its value")),
        sid,
        s_index,
        p_index,
        at_text,
    )


def _value_bytes(value: Value) -> int:
    """Bytes of a value on the wire (JSON text; UTF-8), computed only when it could exceed 64 KiB.

    Raises UnicodeEncodeError for text with a lone surrogate, RecursionError for an object nested too deeply.
    """
    if isinstance(value, str):
        return len(value) if len(value) * 4 <= LARGE_VALUE_BYTES else len(value.encode())
    if isinstance(value, dict):
        return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
    return 0


#: How many datapoint numbers a message about many datapoints lists before "…".
FIRST_FEW = 5


def _overwritten(points: list[Datapoint], texts: Sequence[str | None], sid: str, s_index: int) -> list[Issue]:
    """`duplicate-at` and `several-without-at` of one stream: one issue per rule, with a count and the first few.

    O(n) in time and memory: a stream whose datapoints all share one `at`
    (a file read without times, stamped "now") gives one message, not one
    per datapoint listing every other.
    """
    last: dict[str | None, int] = {}
    for p_index, text in enumerate(texts):
        last[text] = p_index
    lost: dict[bool, list[int]] = {True: [], False: []}  # without at?
    for p_index, text in enumerate(texts):
        if last[text] != p_index:
            lost[text is None].append(p_index)
    issues = []
    for without_at, indexes in lost.items():
        if not indexes:
            continue
        count = len(indexes)
        first = indexes[0]
        shown = ", ".join(f"#{i + 1}" for i in indexes[:FIRST_FEW]) + (", …" if count > FIRST_FEW else "")
        text = texts[first]
        kept = format_value(points[last[text]].value)
        if without_at:
            rule = "several-without-at"
            what = (
                Counted(rule)
                .tr(
                    "%Ln datapoint(s) without at ({shown}) are followed by another without at in the stream",
                    "",
                    count,
                )
                .with_args(shown=shown)
            )
        else:
            rule = "duplicate-at"
            what = (
                Counted(rule)
                .tr(
                    "%Ln datapoint(s) ({shown}) are overwritten by a later one with the same at; "
                    "at {at}, the first such, only #{last} ({kept}) is kept",
                    "",
                    count,
                )
                .with_args(shown=shown, at=text, kept=kept, last=last[text] + 1)
            )
        issues.append(_issue(Severity.WARNING, rule, what, sid, s_index, first, text or ""))
    return issues


def validate(readings: Readings, now: datetime | None = None, *, ats: AtTexts | None = None) -> list[Issue]:
    """Check readings against the platform's rules; issues in stream/point order.

    `now` (aware, default the current time) is the reference for "in the
    future"; `ats` (from `formats.wire_ats`) avoids formatting every `at`
    again. Each message names the datastream, the datapoint (its number
    within the stream, 1-based, and its `at` in UTC+8) and the rule with its
    reason. Rules and their sources (shared onenet-api.md):
    - `empty-id` (error): a datastream needs an id.
    - `unsafe-id` (warning): characters the platform may reject in an id;
      flagged, not forbidden (the official SDK used Chinese ids).
    - `non-finite` (error): NaN and infinity are not valid JSON.
    - `not-text` (error): an id or a text holding a lone surrogate (`\\ud800`) cannot be UTF-8.
    - `too-deep` (error): an object value nested too deeply to be written.
    - `duplicate-at` (warning): equal `at` in one stream overwrite each other,
      the later wins ("Overwrite rule"). One issue per stream: the count of
      overwritten datapoints and the first few (`_overwritten`, O(n)).
    - `several-without-at` (warning): of several points of one stream without
      `at` in one request only the last is kept ("Overwrite rule"), so the
      splitter sends each in a request of its own (gui/onenet/split.py); each
      then gets the time it arrives, not the time it was taken. One issue per
      stream, as above.
    - `implausible-at` (warning): before 2000 or more than 10 minutes in the
      future: likely a wrong time zone or format ("Timestamps").
    - `large-value` (warning): a value over 64 KiB on the wire (related
      endpoints cap bodies at 64 KB, "Limits").
    - `text-among-numbers` (warning): in a stream that has numbers, a text
      that looks like a mistyped number (`21,5`, `12.5 V`: `mistyped_number`);
      a value may be a number, a string or an object ("Body formats", type 1),
      so the platform keeps it as text.
    - `broken-json` (warning): a text that starts with `{` but is not a valid
      JSON object (`broken_json`): the platform keeps it as text, not as the
      object meant (values may be objects, "Body formats", type 1).
    """
    now = now or datetime.now(UTC)
    latest = now + FUTURE_TOLERANCE
    if ats is None:
        ats = wire_ats(readings)
    issues: list[Issue] = []
    for s_index, (stream, texts) in enumerate(zip(readings.datastreams, ats, strict=True)):
        sid = stream.id
        if has_lone_surrogate(sid):  # the messages show the id as repr(): escaped
            issues.append(
                _issue(
                    Severity.ERROR, "not-text", _m("its-id", QT_TRANSLATE_NOOP("validation", "its id")), sid, s_index
                )
            )
        if not sid.strip():
            issues.append(
                _issue(
                    Severity.ERROR,
                    "empty-id",
                    _m("no-id", QT_TRANSLATE_NOOP("validation", "it has no id")),
                    sid,
                    s_index,
                )
            )
        elif not _SAFE_ID.fullmatch(sid):
            what = _m("consider", QT_TRANSLATE_NOOP("validation", "consider {id}"), id=repr(suggest_stream_id(sid)))
            issues.append(_issue(Severity.WARNING, "unsafe-id", what, sid, s_index))
        points = stream.datapoints
        has_numbers = False
        texts_seen: list[int] = []
        for p_index, point in enumerate(points):
            value, when = point.value, point.at
            kind = value.__class__
            if kind is int:
                has_numbers = True
            elif kind is float:
                has_numbers = True
                if value - value != 0.0:  # type: ignore[operator]  # NaN and infinities give NaN
                    issues.append(
                        _issue(
                            Severity.ERROR,
                            "non-finite",
                            _m("value", QT_TRANSLATE_NOOP("validation", "value {value}"), value=str(value)),
                            sid,
                            s_index,
                            p_index,
                            texts[p_index] or "",
                        )
                    )
            else:
                if kind is str:
                    texts_seen.append(p_index)
                    if has_lone_surrogate(value):  # type: ignore[arg-type]  # a str
                        issues.append(_not_text(sid, s_index, p_index, texts[p_index] or ""))
                        continue
                    broken = broken_json(value) if value.lstrip()[:1] == "{" else None  # type: ignore[arg-type,union-attr]
                    if broken is not None:
                        what = _m(
                            "broken-json-value",
                            QT_TRANSLATE_NOOP("validation", "value {value} is text, {why}"),
                            value=repr(_shortened(value)),  # type: ignore[arg-type]
                            why=broken.text,
                        )
                        at_text = texts[p_index] or ""
                        issues.append(_issue(Severity.WARNING, "broken-json", what, sid, s_index, p_index, at_text))
                try:
                    finite = is_finite_value(value)
                    size = _value_bytes(value) if finite else 0
                except UnicodeEncodeError:
                    issues.append(_not_text(sid, s_index, p_index, texts[p_index] or ""))
                    continue
                except RecursionError:
                    at_text = texts[p_index] or ""
                    issues.append(
                        _issue(
                            Severity.ERROR,
                            "too-deep",
                            _m("its-value", QT_TRANSLATE_NOOP("validation", "its value")),
                            sid,
                            s_index,
                            p_index,
                            at_text,
                        )
                    )
                    continue
                if not finite:
                    issues.append(
                        _issue(
                            Severity.ERROR,
                            "non-finite",
                            _m("a-value", QT_TRANSLATE_NOOP("validation", "value")),
                            sid,
                            s_index,
                            p_index,
                            texts[p_index] or "",
                        )
                    )
                elif size > LARGE_VALUE_BYTES:
                    issues.append(
                        _issue(
                            Severity.WARNING,
                            "large-value",
                            _m(
                                "size",
                                QT_TRANSLATE_NOOP("validation", "its value is {size} bytes, over 64 KiB"),
                                size=size,
                            ),
                            sid,
                            s_index,
                            p_index,
                            texts[p_index] or "",
                        )
                    )
            if when is not None and (when < EARLIEST_PLAUSIBLE_AT or when > latest):
                if when < EARLIEST_PLAUSIBLE_AT:
                    why = _m(
                        "before-2000", QT_TRANSLATE_NOOP("validation", "{at} (UTC+8) is before 2000"), at=texts[p_index]
                    )
                else:
                    why = _m(
                        "future",
                        QT_TRANSLATE_NOOP("validation", "{at} (UTC+8) is more than 10 minutes in the future"),
                        at=texts[p_index],
                    )
                issues.append(
                    _issue(
                        Severity.WARNING,
                        "implausible-at",
                        why,
                        sid,
                        s_index,
                        p_index,
                        texts[p_index] or "",
                    )
                )
        if has_numbers:
            for p_index in texts_seen:
                hint = mistyped_number(points[p_index].value)  # type: ignore[arg-type]  # a str, seen above
                if hint is not None and not hint.numbers and hint.why is not None:  # `nan`, `1e309`
                    what = _m(
                        "not-a-json-number",
                        QT_TRANSLATE_NOOP("validation", "{why}: the platform would store it as text"),
                        why=hint.why,
                    )
                    issues.append(
                        _issue(
                            Severity.WARNING, "text-among-numbers", what, sid, s_index, p_index, texts[p_index] or ""
                        )
                    )
                elif hint is not None:
                    meant: Message | str = hint.numbers[0]
                    if len(hint.numbers) == 2:
                        meant = _m(
                            "either",
                            QT_TRANSLATE_NOOP("validation", "{a} or {b}"),
                            a=hint.numbers[0],
                            b=hint.numbers[1],
                        )
                    what = _m(
                        "mistyped",
                        QT_TRANSLATE_NOOP("validation", "value {value} is text: did you mean {meant}?"),
                        value=repr(points[p_index].value),
                        meant=meant,
                    )
                    issues.append(
                        _issue(
                            Severity.WARNING, "text-among-numbers", what, sid, s_index, p_index, texts[p_index] or ""
                        )
                    )
        if len(set(texts)) != len(texts):
            issues.extend(_overwritten(points, texts, sid, s_index))
    issues.sort(key=lambda i: (i.stream_index, -1 if i.point_index is None else i.point_index))
    return issues
