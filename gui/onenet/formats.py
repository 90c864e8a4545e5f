"""OneNET upload body formats (`?type=1|3|4|5`): readings -> exact body bytes.

The formats are described in shared onenet-api.md ("Body formats"); type 1
is the seed's own API description. Every encoder returns the bytes that go
on the wire, so the preview and the send can never differ. Bodies are read back by `decoding`.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import json
import operator
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gui.onenet.readings import (
    _EPOCH,
    _HOUR_PREFIX,
    _MINUTE_SECOND,
    _PLATFORM_OFFSET_S,
    _SECOND,
    Datastream,
    Readings,
    _hour_prefix,
    format_at,
    format_value,
    is_finite_value,
)


class BodyType(enum.IntEnum):
    """The `type` URL parameter of `POST /devices/{id}/datapoints`."""

    FULL_JSON = 1  #: `{"datastreams":[{"id":…,"datapoints":[{"at":…,"value":…}]}]}`
    SIMPLE_JSON = 3  #: `{"stream": value}`: one value per stream, server time
    TIMED_JSON = 4  #: `{"stream": {"at": value}}`: every point has `at`
    TEXT = 5  #: `,;stream,at,value;stream,value;value`: text only


class FormatError(ValueError):
    """A body cannot be decoded, or readings cannot be said in a format."""


@dataclass(frozen=True)
class EncodedBody:
    """The exact bytes of one request body, with its type and Content-Type."""

    type: BodyType
    data: bytes
    content_type: str

    @property
    def query(self) -> dict[str, str]:
        """URL query for this type: none for type 1 (the platform default)."""
        return {} if self.type is BodyType.FULL_JSON else {"type": str(int(self.type))}


_JSON_CT = "application/json"
_TEXT_CT = "text/plain; charset=utf-8"


# --- what each format can carry ------------------------------------------------------------------

#: Separator pairs tried in order for type 5 (sub-field, field). The last
#: pair can never collide: type 5 refuses control characters in texts.
TYPE5_SEPARATOR_CANDIDATES = [",;", "|;", ",|", "|^", "~^", "#~", "\t\n"]

#: Characters of `at` texts (`2015-03-22T22:31:12`) and of number texts (`-1.5e+16`).
_AT_CHARS = frozenset("0123456789-:T")
_NUMBER_CHARS = frozenset("0123456789-+.eE")
_NUMBER_LIKE = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

AtTexts = list[list[str | None]]


def wire_ats(readings: Readings) -> AtTexts:
    """Every datapoint's `at` as sent (`format_at`, UTC+8), None where absent; per stream, per point.

    Computed once per upload and shared by `can_carry`, the encoders and
    validation (formatting a million `at`s is the costliest step, so
    `format_at` is inlined here; a test checks they agree).
    """
    prefixes, minute_second, epoch, second = _HOUR_PREFIX, _MINUTE_SECOND, _EPOCH, _SECOND
    offset = _PLATFORM_OFFSET_S
    try:
        return [
            [
                None
                if a is None
                else (prefixes.get((t := (a - epoch) // second + offset) // 3600) or _hour_prefix(t // 3600))
                + minute_second[t % 3600]
                for a in map(_get_at, stream.datapoints)
            ]
            for stream in readings.datastreams
        ]
    except TypeError:  # a naive `at`: the Datapoint refuses them, so only a bypass gets here
        return [[None if p.at is None else format_at(p.at) for p in s.datapoints] for s in readings.datastreams]


_get_at = operator.attrgetter("at")


def _where(stream: Datastream, index: int) -> str:
    return f"datastream {stream.id!r}, datapoint #{index + 1}"


def can_carry(
    readings: Readings, body_type: BodyType, separators: str | None = None, *, ats: AtTexts | None = None
) -> str | None:
    """Why `body_type` cannot carry these readings exactly, or None when it can.

    The one rule set behind both the window's format selector (its tooltips)
    and `encode`'s refusals, so the two never disagree. "Carry" means the
    body says every datapoint as it is, so decoding it gives the same
    readings (`at` to the second: every format sends seconds):

    - type 1: everything (NaN/infinity are refused by validation and
      `encode` for every format alike).
    - type 3 `{"stream": value}`: exactly one datapoint per datastream, without
      `at` (the platform stamps it), each stream once.
    - type 4 `{"stream": {"at": value}}`: every datapoint has `at`; no two
      datapoints of a stream at the same `at` (object keys: one would vanish),
      each stream once.
    - type 5 text: no JSON objects; no text value that reads as a number
      (`"84"` would arrive as 84); no id or text with spaces at either end or
      with control characters (line breaks, tabs: devices and the platform
      trim them, undocumented [L] — refusing is the safe side). With
      `separators` given: two different characters that no id, `at` or value
      contains, the sub-field one not a line break; with None a pair is
      chosen (`choose_type5_separators`), which always succeeds given the
      rules above.
    Sources: shared onenet-api.md, "Body formats" and type 5 grammar.
    `ats` (from `wire_ats`) avoids formatting every `at` again.
    """
    if body_type is BodyType.FULL_JSON:
        return None
    if body_type is BodyType.SIMPLE_JSON:
        return _type3_reason(readings)
    if body_type is BodyType.TIMED_JSON:
        return _type4_reason(readings, ats)
    return _type5_reason(readings, separators)


def carry_reasons(readings: Readings, separators: str | None = None) -> dict[BodyType, str | None]:
    """`can_carry` for every body type (None where it can), sharing the work."""
    ats = wire_ats(readings) if any(s.datapoints for s in readings.datastreams) else []
    return {t: can_carry(readings, t, separators, ats=ats) for t in BodyType}


def _duplicate_stream(readings: Readings) -> str | None:
    seen: set[str] = set()
    for stream in readings.datastreams:
        if stream.id in seen:
            return stream.id
        seen.add(stream.id)
    return None


def _type3_reason(readings: Readings) -> str | None:
    for stream in readings.datastreams:
        if len(stream.datapoints) != 1:
            return (
                f"type 3 carries one value per datastream; {stream.id!r} has {len(stream.datapoints)} "
                "(use type 1, 4 or 5)"
            )
        if stream.datapoints[0].at is not None:
            return f"type 3 carries no `at`; {_where(stream, 0)} has one (the platform stamps type 3 points)"
    duplicate = _duplicate_stream(readings)
    if duplicate is not None:
        return f"type 3: datastream {duplicate!r} appears twice"
    return None


def _type4_reason(readings: Readings, ats: AtTexts | None) -> str | None:
    if ats is None:
        ats = wire_ats(readings)
    for stream, texts in zip(readings.datastreams, ats, strict=True):
        if None in texts:
            return f"type 4 needs an `at` on every datapoint; {_where(stream, texts.index(None))} has none"
    duplicate = _duplicate_stream(readings)
    if duplicate is not None:
        return f"type 4: datastream {duplicate!r} appears twice"
    for stream, texts in zip(readings.datastreams, ats, strict=True):
        if len(set(texts)) != len(texts):
            seen: dict[str | None, int] = {}
            for index, text in enumerate(texts):
                if text in seen:
                    return (
                        f"type 4 cannot carry two points of {stream.id!r} at {text} "
                        f"(#{seen[text] + 1} and #{index + 1}): one would vanish; use type 1"
                    )
                seen[text] = index
    return None


def _text_reason(text: str, what: str) -> str | None:
    if _CONTROL.search(text):
        return f"{what} {text!r} holds a line break or control character, which type 5 cannot carry; use type 1"
    if text != text.strip():
        return f"{what} {text!r} has spaces at an end, which type 5 may lose; use type 1"
    return None


@dataclass(frozen=True)
class _Type5Texts:
    """What type 5 separators must avoid: ids, text values (joined), whether `at`s and numbers occur."""

    ids: list[str]
    texts: str
    has_at: bool
    has_numbers: bool


def _type5_scan(readings: Readings) -> tuple[str | None, _Type5Texts]:
    """Why type 5 cannot carry the readings (or None), and the texts its separators must avoid."""
    texts: list[str] = []
    has_at = has_numbers = False
    found = _Type5Texts([], "", False, False)
    for stream in readings.datastreams:
        reason = _text_reason(stream.id, "datastream id")
        if reason:
            return reason, found
    for stream in readings.datastreams:
        points = stream.datapoints
        has_at = has_at or any(map(_get_at, points))  # a datetime is always true
        values = list(map(_get_value, points))
        kinds = set(map(type, values))
        if kinds <= _NUMBER_KINDS:  # numbers only: nothing to check one by one
            has_numbers = has_numbers or bool(values)
            continue
        for index, value in enumerate(values):
            if value.__class__ is str:
                assert isinstance(value, str)
                texts.append(value)
                reason = _text_reason(value, f"{_where(stream, index)}: text")
                if reason:
                    return reason, found
                if _NUMBER_LIKE.fullmatch(value):
                    return (
                        f"{_where(stream, index)}: text {value!r} would arrive as a number in type 5; use type 1",
                        found,
                    )
            elif isinstance(value, dict):
                return f"type 5 carries text only; {_where(stream, index)} has a JSON object value (use type 1)", found
            else:
                has_numbers = True
    return None, _Type5Texts([s.id for s in readings.datastreams], "\x00".join(texts), has_at, has_numbers)


def _type5_reason(readings: Readings, separators: str | None) -> str | None:
    reason, found = _type5_scan(readings)
    if reason is None and separators is not None:
        reason = _separators_reason(readings, separators, found)
    return reason


_get_value = operator.attrgetter("value")
_NUMBER_KINDS = frozenset({int, float})


def _separators_reason(readings: Readings, separators: str, found: _Type5Texts) -> str | None:
    if len(separators) != 2 or separators[0] == separators[1]:
        return f"type 5 needs two different separator characters, not {separators!r}"
    if separators[0] in "\r\n":
        return "type 5: the sub-field separator cannot be a line break (devices end bodies with line breaks)"
    for char in separators:
        if (found.has_at and char in _AT_CHARS) or (found.has_numbers and char in _NUMBER_CHARS):
            return f"type 5 separator {char!r} occurs in `at` or number texts; choose others"
        for stream_id in found.ids:
            if char in stream_id:
                return f"type 5 separator {char!r} occurs in datastream id {stream_id!r}; choose others"
        if char in found.texts:
            for stream in readings.datastreams:
                for index, point in enumerate(stream.datapoints):
                    if isinstance(point.value, str) and char in point.value:
                        return (
                            f"type 5 separator {char!r} occurs in {_where(stream, index)} ({point.value!r}); "
                            "choose others"
                        )
    return None


def choose_type5_separators(readings: Readings) -> str:
    """The first candidate pair that no id, `at` or value contains; FormatError if the readings are not type 5 text."""
    reason, found = _type5_scan(readings)
    if reason:
        raise FormatError(reason)
    return _choose_separators(readings, found)


def _choose_separators(readings: Readings, found: _Type5Texts) -> str:
    for pair in TYPE5_SEPARATOR_CANDIDATES:
        if _separators_reason(readings, pair, found) is None:
            return pair
    raise FormatError("every type 5 separator pair occurs in some id or value; use type 1")  # pragma: no cover


def type5_texts(readings: Readings) -> list[str]:
    """Every text a type 5 body would carry (ids, `at`s, values); raises FormatError for objects."""
    texts: list[str] = []
    for stream in readings.datastreams:
        texts.append(stream.id)
        for point in stream.datapoints:
            if isinstance(point.value, dict):
                raise FormatError(f"type 5 carries text only; {stream.id!r} has a JSON object value")
            texts.append(format_value(point.value))
            if point.at is not None:
                texts.append(format_at(point.at))
    return texts


# --- encoding: per-datapoint fragments, joined ------------------------------------------------------

_json_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str
_float_repr = float.__repr__  # json.dumps writes finite floats with float.__repr__
_int_repr = int.__repr__


def _dumps_str(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _refuse_non_finite(value_texts: list[str], stream: Datastream) -> None:
    """FormatError naming the datapoint when a value is NaN or infinite.

    Quick test first: `float.__repr__` writes them `nan`, `inf`, `-inf`
    (a type 5 text value may read so too; the exact check then decides).
    """
    if "nan" in value_texts or "inf" in value_texts or "-inf" in value_texts:
        reason = _non_finite(Readings([stream]))
        if reason:
            raise FormatError(reason)


def _non_finite(readings: Readings) -> str | None:
    for stream in readings.datastreams:
        for index, point in enumerate(stream.datapoints):
            value = point.value
            kind = value.__class__
            if kind is float:
                if value - value != 0.0:  # type: ignore[operator]  # NaN and infinities give NaN
                    return f"{_where(stream, index)}: NaN or infinity cannot be sent (not valid JSON)"
            elif kind is not int and kind is not str and not is_finite_value(value):
                return f"{_where(stream, index)}: NaN or infinity cannot be sent (not valid JSON)"
    return None


@dataclass(frozen=True)
class Fragments:
    """One upload in one body type as wire text pieces, built once: any run of datapoints joins into a body.

    Datapoint i (in `Readings.pairs()` order) is `point(i)`; `starts[s]:starts[s+1]`
    are stream s's. A body of datapoints `a:b` is `opening` + pieces of each stream
    touched (`heads[s]` + points joined by `point_sep` + `stream_close`) joined by
    `stream_sep` + `closing`: byte for byte what `json.dumps(..., separators=(",", ":"),
    ensure_ascii=False)` writes for types 1, 3 and 4.

    The texts are kept as one string per stream, `texts[s]`, each datapoint's text
    followed by `point_sep`; datapoint i starts at `offsets[i]`, counted over all streams
    (`offsets[count]` is the end), so stream s's string starts at `offsets[starts[s]]`.
    Not a list of a million strings: a list that size is traversed by every garbage
    collection of its generation while the GIL is held (the window's stall,
    benchmarks/bench_window_stall.py); an array and a few strings are not.
    """

    body_type: BodyType
    separators: str
    opening: str
    closing: str
    heads: list[str]
    stream_close: str
    stream_sep: str
    point_sep: str
    texts: list[str]
    offsets: array[int]
    starts: list[int]

    @property
    def content_type(self) -> str:
        """`application/json` for types 1, 3, 4; UTF-8 text for type 5."""
        return _TEXT_CT if self.body_type is BodyType.TEXT else _JSON_CT

    @property
    def count(self) -> int:
        """How many datapoints."""
        return len(self.offsets) - 1

    def point(self, index: int) -> str:
        """The wire text of datapoint `index` (without its separator)."""
        return self._run(index, index + 1)

    def _run(self, start: int, stop: int) -> str:
        """Datapoints `start:stop` (start < stop, one stream) joined by `point_sep`."""
        s = bisect.bisect_right(self.starts, start) - 1
        base = self.offsets[self.starts[s]]
        return self.texts[s][self.offsets[start] - base : self.offsets[stop] - base - len(self.point_sep)]

    def byte_offsets(self) -> array[int]:
        """`offsets` in UTF-8 bytes (each datapoint's text with its separator); FormatError as `utf8`.

        The same array as `offsets` when the texts are ASCII.
        """
        if all(text.isascii() for text in self.texts):
            return self.offsets
        offsets, starts, sep = self.offsets, self.starts, utf8_len(self.point_sep)
        sums = array("q", [0])
        for s, text in enumerate(self.texts):
            a, b = starts[s], starts[s + 1]
            if text.isascii():  # characters are bytes: the offsets, moved
                sums.extend(map(operator.add, offsets[a + 1 : b + 1], itertools.repeat(sums[-1] - offsets[a])))
            else:
                ends = itertools.accumulate((utf8_len(self.point(i)) + sep for i in range(a, b)), initial=sums[-1])
                next(ends)  # the initial offset, already there
                sums.extend(ends)
        return sums

    def text(self, start: int = 0, stop: int | None = None) -> str:
        """The body text of datapoints `start:stop` (flat order); streams without datapoints there are left out."""
        starts = self.starts
        stop = self.count if stop is None else stop
        pieces = []
        s = max(bisect.bisect_right(starts, start) - 1, 0)
        while s < len(self.heads) and starts[s] < stop:
            a, b = max(starts[s], start), min(starts[s + 1], stop)
            if a < b:
                pieces.append(self.heads[s] + self._run(a, b) + self.stream_close)
            s += 1
        return self.opening + self.stream_sep.join(pieces) + self.closing

    def full_text(self) -> str:
        """The body text of every datastream, those without datapoints too (what `encode` sends)."""
        starts = self.starts
        pieces = [
            head + (self._run(starts[s], starts[s + 1]) if starts[s] < starts[s + 1] else "") + self.stream_close
            for s, head in enumerate(self.heads)
        ]
        return self.opening + self.stream_sep.join(pieces) + self.closing

    def body(self, start: int = 0, stop: int | None = None) -> EncodedBody:
        """The EncodedBody of datapoints `start:stop`."""
        return EncodedBody(self.body_type, utf8(self.text(start, stop)), self.content_type)


#: Datapoint texts joined by one C call at most (each such call holds the GIL throughout).
_JOIN_STEP = 1 << 15


class _Joiner:
    """Gathers datapoint texts, stream by stream, into `Fragments.texts` and `Fragments.offsets`."""

    def __init__(self, sep: str) -> None:
        self.sep = sep
        self.texts: list[str] = []
        self.offsets = array("q", [0])

    def add(self, texts: list[str]) -> None:
        """The next stream's datapoint texts (in steps, so another thread waiting for the GIL gets it between)."""
        sep, offsets, parts = self.sep, self.offsets, list[str]()
        for k in range(0, len(texts), _JOIN_STEP):
            step = texts[k : k + _JOIN_STEP]
            parts += (sep.join(step), sep)
            ends = itertools.accumulate(
                map(operator.add, map(len, step), itertools.repeat(len(sep))), initial=offsets[-1]
            )
            next(ends)  # the initial offset, already there
            offsets.extend(ends)
        self.texts.append("".join(parts))


def fragments(
    readings: Readings,
    body_type: BodyType = BodyType.FULL_JSON,
    separators: str | None = None,
    *,
    ats: AtTexts | None = None,
) -> Fragments:
    """Build the wire fragments of `readings` in `body_type`; FormatError when it cannot carry them.

    Checks NaN/infinity and `can_carry` first (the single rule set), then
    writes each datapoint's text once. `separators` (type 5 only) None
    chooses a pair; `ats` from `wire_ats` avoids formatting `at` again.
    """
    if ats is None:
        ats = wire_ats(readings)
    if body_type is BodyType.TEXT:
        reason, found = _type5_scan(readings)
        if reason is None:
            if separators is None:
                separators = _choose_separators(readings, found)
            reason = _separators_reason(readings, separators, found)
    else:
        reason = can_carry(readings, body_type, separators, ats=ats)
    if reason:
        raise FormatError(reason)
    streams = readings.datastreams
    starts = [0]
    for stream in streams:
        starts.append(starts[-1] + len(stream.datapoints))
    fr: Callable[[Any], str] = _float_repr
    ir: Callable[[Any], str] = _int_repr
    js: Callable[[Any], str] = _json_str
    if body_type is BodyType.TEXT:
        assert separators is not None
        sub, sep = separators[0], separators[1]
        out = _Joiner(sep)
        add = out.add
        for stream, texts in zip(streams, ats, strict=True):
            sid = stream.id + sub
            values = [
                fr(v) if (c := (v := p.value).__class__) is float else ir(v) if c is int else str(v)
                for p in stream.datapoints
            ]
            _refuse_non_finite(values, stream)
            add([(sid if a is None else f"{sid}{a}{sub}") + v for v, a in zip(values, texts, strict=True)])
        return Fragments(
            body_type, separators, separators, "", [""] * len(streams), "", sep, sep, out.texts, out.offsets, starts
        )
    out = _Joiner(",")
    add = out.add
    for stream, texts in zip(streams, ats, strict=True):
        try:
            values = [
                fr(v)
                if (c := (v := p.value).__class__) is float
                else ir(v)
                if c is int
                else js(v)
                if c is str
                else _dumps_str(v)
                for p in stream.datapoints
            ]
        except ValueError:  # json.dumps: NaN inside an object
            values = ["nan"]
        except RecursionError:
            raise FormatError(f"datastream {stream.id!r}: a value is nested too deeply to be written") from None
        _refuse_non_finite(values, stream)
        if body_type is BodyType.FULL_JSON:
            add(
                [
                    f'{{"value":{v}}}' if a is None else f'{{"at":"{a}","value":{v}}}'
                    for v, a in zip(values, texts, strict=True)
                ]
            )
        elif body_type is BodyType.TIMED_JSON:
            add([f'"{a}":{v}' for v, a in zip(values, texts, strict=True)])
        else:
            add([f"{js(stream.id)}:{v}" for v in values])
    if body_type is BodyType.FULL_JSON:
        heads = [f'{{"id":{_json_str(s.id)},"datapoints":[' for s in streams]
        return Fragments(body_type, "", '{"datastreams":[', "]}", heads, "]}", ",", ",", out.texts, out.offsets, starts)
    if body_type is BodyType.TIMED_JSON:
        heads = [f"{_json_str(s.id)}:{{" for s in streams]
        return Fragments(body_type, "", "{", "}", heads, "}", ",", ",", out.texts, out.offsets, starts)
    return Fragments(body_type, "", "{", "}", [""] * len(streams), "", ",", ",", out.texts, out.offsets, starts)


def encode(readings: Readings, body_type: BodyType = BodyType.FULL_JSON, separators: str | None = None) -> EncodedBody:
    """Encode readings as the body of one upload request of `body_type`.

    Raises FormatError when the readings cannot be said in that format
    (`can_carry` gives the reason, e.g. two points of one stream in type 3)
    or hold NaN/infinity. `separators` (two different characters) applies
    to type 5 only; None picks a pair that no id, time or value contains.
    For many datapoints split into several requests, see
    `gui.onenet.split.plan_requests`.
    """
    try:
        built = fragments(readings, body_type, separators)
        return EncodedBody(body_type, utf8(built.full_text()), built.content_type)
    except FormatError:
        raise
    except (ValueError, OverflowError) as exc:
        raise FormatError(str(exc)) from exc
    except RecursionError:
        raise FormatError("a value is nested too deeply to encode") from None


def encode_type1(readings: Readings) -> bytes:
    """Type 1: every stream with its datapoints, `at` omitted where absent.

    Reproduces the seed's example: keys `datastreams`, `id`, `datapoints`,
    `at`, `value` in that order; ints stay ints, objects stay objects.
    """
    return encode(readings, BodyType.FULL_JSON).data


def encode_type3(readings: Readings) -> bytes:
    """Type 3: `{"stream": value}`; exactly one point without `at` per stream."""
    return encode(readings, BodyType.SIMPLE_JSON).data


def encode_type4(readings: Readings) -> bytes:
    """Type 4: `{"stream": {"YYYY-MM-DDThh:mm:ss": value}}`; every point needs `at`."""
    return encode(readings, BodyType.TIMED_JSON).data


def encode_type5(readings: Readings, separators: str | None = None) -> bytes:
    """Type 5: `<sub><field>` then `stream<sub>at<sub>value` or `stream<sub>value` fields.

    `separators` is two different characters (sub-field first, field
    second); None chooses them so no text contains either. Raises
    FormatError on a collision or a value type 5 cannot carry (`can_carry`).
    """
    return encode(readings, BodyType.TEXT, separators).data


def utf8(text: str) -> bytes:
    """`text` as UTF-8 bytes; FormatError for text no UTF-8 can carry (a lone surrogate such as `\\ud800`).

    Python strings may hold lone surrogates (a JSON `"\\ud800"`, a damaged file); no body can.
    """
    try:
        return text.encode()
    except UnicodeEncodeError as exc:
        near = text[max(0, exc.start - 20) : exc.start]
        raise FormatError(
            f"the text after {near!r} holds {text[exc.start]!r}, a lone surrogate: not text, cannot be sent"
        ) from None


def utf8_len(text: str) -> int:
    """`len(utf8(text))`, without encoding ASCII text; FormatError as `utf8`."""
    return len(text) if text.isascii() else len(utf8(text))


def has_lone_surrogate(text: str) -> bool:
    """True when `text` holds a lone surrogate (see `utf8`); quick for ASCII text."""
    if text.isascii():
        return False
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False
