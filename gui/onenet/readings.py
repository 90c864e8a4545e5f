"""The readings model: datastreams of datapoints, their values and `at` times.

Everything else (encoders, validation, client, store, plot) works on these
types. No Qt here.
"""

from __future__ import annotations

import enum
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from gui.text import QT_TRANSLATE_NOOP, Message, reason_of

#: OneNET interprets `at` as Beijing time, a fixed UTC+8 without DST
#: (shared onenet-api.md, "Timestamps"; the official SDK forces GMT+8).
PLATFORM_TZ = timezone(timedelta(hours=8), "UTC+8")

#: Wire format of `at` in uploads: `YYYY-MM-DDThh:mm:ss`, seconds precision,
#: no zone suffix (shared onenet-api.md; the seed's API description).
AT_FORMAT = "%Y-%m-%dT%H:%M:%S"

#: A datapoint value: a JSON number, a string or a JSON object
#: (the seed's API description: "string / int / json...").
Value = int | float | str | dict[str, Any]


class ValueKind(enum.Enum):
    """How a value's text is read: the user's explicit choice or `AUTO`."""

    AUTO = "auto"
    NUMBER = "number"
    TEXT = "text"
    JSON = "json"


def kind_of(value: Value) -> ValueKind:
    """The kind of an already parsed value (never `AUTO`)."""
    if isinstance(value, dict):
        return ValueKind.JSON
    if isinstance(value, str):
        return ValueKind.TEXT
    return ValueKind.NUMBER


_INT_RE = re.compile(r"[+-]?[0-9]+")
_FLOAT_RE = re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?")

#: The full-width forms of a number's characters, as a Chinese or Japanese input method in full-width mode
#: types them (`２１．５`, `－３`): read as the ASCII characters they stand for. Other digits (`٣`, `²`) are not.
FULL_WIDTH_NUMBER = str.maketrans("０１２３４５６７８９．＋－ｅＥ", "0123456789.+-eE")

#: Every full-width form of an ASCII character (U+FF01..U+FF5E: `４`, `：`, `／`, `Ａ`) and the ideographic space
#: (U+3000), as an input method in full-width mode types them: read as the characters they stand for (a time or
#: a device id typed; `FULL_WIDTH_NUMBER` is its part for numbers).
FULL_WIDTH_ASCII = {0x3000: " ", **{0xFF01 + i: chr(0x21 + i) for i in range(94)}}


#: A number whose digits before its exponent are not all zero (`1e-400`, `0.001e-310`; not `0e-400`, `0.0`).
_NONZERO_MANTISSA = re.compile(r"[^eE]*[1-9]")


def parse_number(text: str) -> int | float:
    """Parse a JSON-style number: `84` -> int 84, `23.001` -> float 23.001.

    Integers stay integers (OneNET stores `84` and `84.0` differently in its
    JSON). Full-width digits, point and signs (`２１．５`) are read as their
    ASCII forms (`FULL_WIDTH_NUMBER`); the number sent is ASCII JSON. Raises
    ValueError for anything else, including `nan` and `inf`, which JSON cannot
    carry. NumberOutOfRange (a ReadingError) for a number outside a double's
    normal range: beyond 1.8e308 (`1e309`, a float would be infinity) or,
    written not zero, nearer zero than 2.2e-308 (`1e-400` would be sent as
    0.0; `1e-310`, a subnormal, keeps fewer digits than written): the number
    written is never sent as another one.
    """
    stripped = text.strip().translate(FULL_WIDTH_NUMBER)
    if _INT_RE.fullmatch(stripped):
        return int(stripped)
    if _FLOAT_RE.fullmatch(stripped):
        number = float(stripped)
        if not math.isfinite(number):
            raise NumberOutOfRange(
                "too large",
                _m("too-large", QT_TRANSLATE_NOOP("readings", "{text} is too large for a JSON number"), text),
            )
        if abs(number) < sys.float_info.min and _NONZERO_MANTISSA.match(stripped):
            raise NumberOutOfRange(
                "too small",
                _m(
                    "too-small",
                    QT_TRANSLATE_NOOP(
                        "readings",
                        "{text} is too close to zero for a JSON number (nearer 0 than 2.2e-308): it would be sent as 0"
                        " or with digits lost",
                    ),
                    text,
                ),
            )
        return number
    raise ReadingError(_m("not-a-number", QT_TRANSLATE_NOOP("readings", "{text} is not a number"), text))


@dataclass(frozen=True, slots=True)
class MistypedNumber:
    """Text that looks like a number typed wrongly, and the number(s) probably meant.

    `numbers`: one or two texts that `parse_number` reads (two when a comma is
    a decimal mark or a thousands separator: `1,000` -> `1.000`, `1000`).
    `cause`: "comma" (`150,2`), "thousands" (`1,234,567`), "comma or thousands"
    (`1,000`), "after" (something after the number, a unit or a stray letter:
    `12.5 V`, `12.0x`; `extra` is it), "letter" (one letter before the
    number: `V12`; `extra` is it), "minus" (the typographic minus sign `−5`),
    "hex" (`0x10` -> `16`) or "underscores" (`1_000` -> `1000`, Python's digit
    groups). With no number meant (`numbers` empty): "too large" (`1e309`) and
    "too small" (`1e-400`), a number out of a double's range
    (`NumberOutOfRange`), "nan" and "infinity" (`nan`, `-inf`, `Infinity`: not
    JSON numbers).
    """

    numbers: tuple[str, ...]
    cause: str
    extra: str = ""
    #: Why the text is not a number, for the causes added with NaN and the range (the editor words the others).
    why: Message | None = field(default=None, compare=False)


#: A number (decimal point or comma) followed by something that is neither a digit nor a space: `12.5 V`, `12.0x`.
_NUMBER_THEN_RE = re.compile(r"(?P<number>[+-]?(\d+([.,]\d*)?|[.,]\d+))\s*(?P<after>[^\d\s.,+-][^\d\s]*)")
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
_LETTER_RE = re.compile(r"[^\W\d_]")


#: For hints: `FULL_WIDTH_NUMBER` and the full-width comma (`２１，５` is `21,5` typed in full-width).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．＋－ｅＥ，", "0123456789.+-eE,")


_HEX_RE = re.compile(r"[+-]?0[xX][0-9a-fA-F]+")
_UNDERSCORES_RE = re.compile(r"[+-]?\d+(_\d+)+(\.\d+(_\d+)*)?([eE][+-]?\d+)?")
#: What Python and JavaScript write for NaN and the infinities (`float()` reads them; JSON does not).
_NOT_FINITE = {"nan": "nan", "inf": "infinity", "infinity": "infinity"}


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


def mistyped_number(text: str) -> MistypedNumber | None:
    """What a text that is not a number but looks like a mistyped one probably meant, or None.

    For hints only: the value stays the text typed (`parse_value` is not
    changed by this); the user decides. Conservative: `3rd floor`, `N/A`,
    `2024-01-05`, `1o0` and numbers give None. A number out of range
    (`1e309`), NaN and infinity give a hint with no number meant: why the
    text is not one (the editor and `validate` say so).
    """
    stripped = text.strip()
    if not stripped:
        return None
    try:
        parse_number(stripped)
    except NumberOutOfRange as exc:
        return MistypedNumber((), exc.cause, why=exc.text)
    except ValueError:
        pass
    else:
        return None
    cause = _NOT_FINITE.get(stripped.lower().lstrip("+-"))
    if cause == "nan":
        nan = QT_TRANSLATE_NOOP("readings", "{text} is NaN (not a number), which JSON cannot carry")
        return MistypedNumber((), cause, why=_m("hint-nan", nan, text))
    if cause == "infinity":
        inf = QT_TRANSLATE_NOOP("readings", "{text} is infinity, which JSON cannot carry")
        return MistypedNumber((), cause, why=_m("hint-infinity", inf, text))
    if _HEX_RE.fullmatch(stripped):
        hexa = QT_TRANSLATE_NOOP("readings", "{text} is hexadecimal: a JSON number is written in decimal digits")
        return MistypedNumber((str(int(stripped, 16)),), "hex", why=_m("hint-hex", hexa, text))
    if _UNDERSCORES_RE.fullmatch(stripped) and _is_number(stripped.replace("_", "")):
        under = QT_TRANSLATE_NOOP("readings", "{text} has '_' between its digits: a JSON number has none")
        return MistypedNumber((stripped.replace("_", ""),), "underscores", why=_m("hint-underscores", under, text))
    stripped = stripped.translate(_FULL_WIDTH)  # `２１，５` is `21,5` typed in full-width: the hint says `21.5`
    if "\u2212" in stripped:
        candidate = stripped.replace("\u2212", "-")
        if _is_number(candidate):
            return MistypedNumber((candidate,), "minus")
    if "," in stripped and "." not in stripped:
        if _GROUPED_RE.fullmatch(stripped):
            grouped = stripped.replace(",", "")
            if stripped.count(",") > 1:
                return MistypedNumber((grouped,), "thousands")
            return MistypedNumber((stripped.replace(",", "."), grouped), "comma or thousands")
        candidate = stripped.replace(",", ".")
        if stripped.count(",") == 1 and _is_number(candidate):
            return MistypedNumber((candidate,), "comma")
    match = _NUMBER_THEN_RE.fullmatch(stripped)
    if match is not None:
        candidate = match["number"].replace(",", ".")
        if _is_number(candidate):
            return MistypedNumber((candidate,), "after", match["after"])
    if _LETTER_RE.fullmatch(stripped[0]):
        candidate = stripped[1:].strip()
        if _is_number(candidate):
            return MistypedNumber((candidate,), "letter", stripped[0])
    return None


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse a JSON object such as `{"x": 123, "y": 123.994}`.

    Raises ValueError naming the line and column of a syntax error, or when
    the text is valid JSON but not an object (OneNET takes objects, not
    arrays or scalars, as JSON values) or nested too deeply for Python's
    json (thousands of levels); RepeatedKey (a ValueError) when an
    object, at any depth, names a key twice (`{"x": 1, "x": 2}`: json would
    keep the last value without a word).
    """
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_object_once)
    except json.JSONDecodeError as exc:
        raise ReadingError(reason_of(exc)) from exc
    except RecursionError as exc:  # json's C scanner counts each `[`/`{` against the recursion limit
        raise ReadingError(
            _m("json-too-deep", QT_TRANSLATE_NOOP("readings", "not valid JSON: nested too deeply"))
        ) from exc
    if not isinstance(parsed, dict):
        raise ReadingError(
            _m("not-an-object", QT_TRANSLATE_NOOP("readings", "a JSON value must be an object: {{...}}"))
        )
    return parsed


class RepeatedKey(ValueError):
    """A JSON object that names `key` twice: which value is meant is the user's to say, never json's silent
    "the last one wins"; `text` (a Message) says so."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.text = Message(
            "json-repeated-key",
            "readings",
            QT_TRANSLATE_NOOP("readings", "the JSON object names the key {key} more than once: write each key once"),
            {"key": json.dumps(key, ensure_ascii=False)},
        )
        super().__init__(str(self.text))


def _object_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json's `object_pairs_hook`: the object, or RepeatedKey for its first key named twice."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKey(key)
            seen.add(key)
    return obj


def _refuse_constant(name: str) -> Any:
    raise ReadingError(
        Message(
            "constant-not-json", "readings", QT_TRANSLATE_NOOP("readings", "{name} is not valid JSON"), {"name": name}
        )
    )


def parse_value(text: str, kind: ValueKind = ValueKind.AUTO) -> Value:
    """Turn the text a user typed or a file held into a datapoint value.

    `AUTO`: a number if the text is one (`84` -> 84, `23.001` -> 23.001), a
    JSON object if it starts with `{` and parses, otherwise the text itself.
    An explicit kind forces the reading (`TEXT` keeps `"84"` a string) and
    raises ValueError when the text cannot be read that way; an object that
    names a key twice is RepeatedKey in AUTO too (`parse_json_object`).
    """
    if kind is ValueKind.TEXT:
        return text
    if kind is ValueKind.NUMBER:
        return parse_number(text)
    if kind is ValueKind.JSON:
        return parse_json_object(text)
    try:
        return parse_number(text)
    except ValueError:
        pass
    if text.lstrip().startswith("{"):
        try:
            return parse_json_object(text)
        except RepeatedKey:
            raise  # an object, but which value of the key is meant is unknown: never sent as text instead
        except ValueError:
            pass
    return text


def format_value(value: Value) -> str:
    """The text shown for a value; `parse_value(format_value(v), kind_of(v)) == v`."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def is_finite_value(value: Value) -> bool:
    """False when a value holds NaN or an infinity anywhere (not valid JSON)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_is_finite_json(v) for v in value.values())
    return True


def _is_finite_json(item: Any) -> bool:
    if isinstance(item, float):
        return math.isfinite(item)
    if isinstance(item, dict):
        return all(_is_finite_json(v) for v in item.values())
    if isinstance(item, list):
        return all(_is_finite_json(v) for v in item)
    return True


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_NAIVE = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
_ONE_MS = timedelta(milliseconds=1)
_PLATFORM_OFFSET_S = 8 * 3600
#: "MM:SS" for every second of an hour, and "YYYY-MM-DDThh:" per hour seen:
#: formatting a million `at`s this way is ~3x faster than strftime.
_MINUTE_SECOND = [f"{m:02d}:{s:02d}" for m in range(60) for s in range(60)]
_HOUR_PREFIX: dict[int, str] = {}
_HOUR_PREFIX_MAX = 100_000


def unix_ms(at: datetime) -> int:
    """Unix milliseconds (UTC) of an aware datetime, exact (integer arithmetic; fractions below 1 ms dropped): the
    thing model's `time` on the wire, and the millisecond the sandbox and the outbox keep a datapoint at.

    Raises ValueError for a naive datetime.
    """
    try:
        return (at - _EPOCH) // _ONE_MS
    except TypeError:
        raise ValueError("at must be time-zone-aware") from None


def from_unix_ms(ms: int) -> datetime:
    """The instant of Unix milliseconds `ms`, in platform time (UTC+8): `unix_ms` undone."""
    return (_EPOCH + timedelta(milliseconds=ms)).astimezone(PLATFORM_TZ)


def format_at(at: datetime) -> str:
    """`at` on the wire: converted to platform time (UTC+8), `YYYY-MM-DDThh:mm:ss`.

    `at` must be time-zone-aware (ValueError otherwise): a reading taken at
    09:00 in Berlin (UTC+1) is sent as `16:00:00`. Fractions of a second are
    dropped; the platform's upload format has seconds precision
    (shared onenet-api.md, "Timestamps"). The year always has four digits.
    OverflowError when the time is out of range in UTC+8 (after 9999-12-31).
    """
    try:
        seconds = (at - _EPOCH) // _SECOND + _PLATFORM_OFFSET_S
    except TypeError:
        raise ValueError("at must be time-zone-aware") from None
    hour, rest = divmod(seconds, 3600)
    return (_HOUR_PREFIX.get(hour) or _hour_prefix(hour)) + _MINUTE_SECOND[rest]


def _hour_prefix(hour: int) -> str:
    """`YYYY-MM-DDThh:` of an hour counted from 1970-01-01T00 (platform time), cached."""
    if len(_HOUR_PREFIX) >= _HOUR_PREFIX_MAX:
        _HOUR_PREFIX.clear()
    prefix = _HOUR_PREFIX[hour] = (_EPOCH_NAIVE + timedelta(hours=hour)).isoformat()[:14]
    return prefix


_AT_RE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)


def parse_at(text: str, default_tz: tzinfo = PLATFORM_TZ) -> datetime:
    """Parse an `at` as the platform writes it, into an aware datetime.

    Accepts the upload form `2013-04-22T00:35:43`, the read-back form
    `2017-06-23 11:09:46.281` (space, milliseconds) and ISO 8601 with an
    offset. Text without an offset is in `default_tz` (platform time unless
    told otherwise). Raises ValueError for anything else.
    """
    match = _AT_RE.fullmatch(text.strip())
    if match is None:
        not_at = QT_TRANSLATE_NOOP("readings", "{text} is not a time like 2013-04-22T00:35:43")
        raise ReadingError(_m("not-an-at", not_at, text))
    iso = f"{match['date']}T{match['time']}"
    zone = match["zone"]
    if zone:
        iso += "+00:00" if zone == "Z" else zone
    parsed = datetime.fromisoformat(iso)
    if parsed.tzinfo is None:
        parsed = localize(parsed, default_tz)
    return parsed


class ReadingError(ValueError):
    """A typed or read value or `at` that cannot be read: `text` (a Message) says why; str() is its English."""

    def __init__(self, text: Message) -> None:
        super().__init__(str(text))
        self.text = text


class NumberOutOfRange(ReadingError):
    """A number written in JSON's grammar that a double cannot hold as written (`parse_number`): `cause` is
    "too large" (`1e309`) or "too small" (`1e-400`)."""

    def __init__(self, cause: str, text: Message) -> None:
        super().__init__(text)
        self.cause = cause


def _m(code: str, source: str, text: str | None = None) -> Message:
    """A reason of the readings (context "readings") about `text`, as typed (quoted)."""
    return Message(code, "readings", source, {} if text is None else {"text": repr(text)})


class AtError(ValueError):
    """A wall-clock time that is not one instant in its zone; `text` (a Message) says why and how to type it."""

    def __init__(self, text: Message) -> None:
        super().__init__(str(text))
        self.text = text


def occurrences(naive: datetime, tz: tzinfo) -> tuple[timedelta, ...]:
    """The UTC offsets at which the wall-clock time `naive` happens in `tz`, earliest first.

    One for an ordinary time; none for a time the clocks skipped (02:30 on a
    spring-forward night in Europe/Berlin); two for a time they went back over
    (02:30 on the autumn night: +02:00 first, then +01:00). Read from the
    zone's `fold` (PEP 495). The one rule for both the importer's check
    (`gui.data.importers.zones.ZoneCheck`) and `localize`.
    """
    first = tz.utcoffset(naive.replace(tzinfo=None, fold=0))
    second = tz.utcoffset(naive.replace(tzinfo=None, fold=1))
    if first is None or second is None or first == second:
        return (first,) if first is not None else ()
    return (first, second) if first > second else ()


def _at_with_offset(naive: datetime, offset: timedelta) -> str:
    """`2026-10-25 02:30:00+02:00`: the time typed with its offset (a form `parse_at` reads)."""
    return naive.replace(tzinfo=timezone(offset)).isoformat(sep=" ", timespec="seconds")


def localize(naive: datetime, tz: tzinfo) -> datetime:
    """Attach `tz` to a wall-clock time; AtError (a ValueError) when it is not exactly one instant there.

    A time skipped by a DST change (e.g. 02:30 on a spring-forward night in
    Europe/Berlin) raises (code `at-skipped`); so does a repeated one (02:30
    on the autumn night, code `at-twice`): which occurrence is meant is the
    user's to say, by typing its offset (`2026-10-25 02:30:00+01:00`); the
    message names both. Never a guess (`occurrences`).
    """
    shown = f"{naive:%Y-%m-%d %H:%M:%S}"
    offsets = occurrences(naive, tz)
    if not offsets:
        raise AtError(
            Message(
                "at-skipped",
                "readings",
                QT_TRANSLATE_NOOP("readings", "{at} does not exist in {zone} (the clocks skipped it)"),
                {"at": shown, "zone": str(tz)},
            )
        )
    if len(offsets) > 1:
        raise AtError(
            Message(
                "at-twice",
                "readings",
                QT_TRANSLATE_NOOP(
                    "readings",
                    "{at} happens twice in {zone} (the clocks went back): type it with its offset to say which, "
                    "{first} for the first occurrence or {second} for the second",
                ),
                {
                    "at": shown,
                    "zone": str(tz),
                    "first": _at_with_offset(naive, offsets[0]),
                    "second": _at_with_offset(naive, offsets[1]),
                },
            )
        )
    return naive.replace(tzinfo=tz, fold=0)


@dataclass(frozen=True, slots=True)
class Datapoint:
    """One reading of a datastream: a value and an optional aware `at`.

    `at=None` lets the platform stamp the point with its own clock on
    arrival; several such points of one stream in one request overwrite each
    other (shared onenet-api.md, "Overwrite rule").
    """

    value: Value
    at: datetime | None = None

    def __post_init__(self) -> None:
        if self.at is not None and (self.at.tzinfo is None or self.at.utcoffset() is None):
            raise ValueError("Datapoint.at must be time-zone-aware")
        if isinstance(self.value, bool) or not isinstance(self.value, (int, float, str, dict)):
            raise TypeError(f"unsupported datapoint value {self.value!r}")


@dataclass
class Datastream:
    """A named series of one device (`id` such as `temperature`, `pm2.5`)."""

    id: str
    datapoints: list[Datapoint] = field(default_factory=list)


@dataclass
class Readings:
    """Datastreams in the order they are sent, each with its datapoints in order."""

    datastreams: list[Datastream] = field(default_factory=list)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, Datapoint]]) -> Readings:
        """Group `(stream id, datapoint)` pairs by stream, keeping first-seen order."""
        streams: dict[str, Datastream] = {}
        for stream_id, point in pairs:
            stream = streams.get(stream_id)
            if stream is None:
                stream = streams[stream_id] = Datastream(stream_id)
            stream.datapoints.append(point)
        return cls(list(streams.values()))

    def pairs(self) -> Iterator[tuple[str, Datapoint]]:
        """Every datapoint with its stream id, stream by stream."""
        for stream in self.datastreams:
            for point in stream.datapoints:
                yield stream.id, point

    def __len__(self) -> int:
        return sum(len(s.datapoints) for s in self.datastreams)

    def stream(self, stream_id: str) -> Datastream | None:
        """The datastream with this id, or None."""
        for stream in self.datastreams:
            if stream.id == stream_id:
                return stream
        return None
