"""The readings model: datastreams of datapoints, their values and `at` times.

Everything else (encoders, validation, client, store, plot) works on these
types. No Qt here.
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

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


_INT_RE = re.compile(r"[+-]?\d+")
_FLOAT_RE = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")


def parse_number(text: str) -> int | float:
    """Parse a JSON-style number: `84` -> int 84, `23.001` -> float 23.001.

    Integers stay integers (OneNET stores `84` and `84.0` differently in its
    JSON). Raises ValueError for anything else, including `nan` and `inf`,
    which JSON cannot carry.
    """
    stripped = text.strip()
    if _INT_RE.fullmatch(stripped):
        return int(stripped)
    if _FLOAT_RE.fullmatch(stripped):
        number = float(stripped)
        if math.isfinite(number):
            return number
        raise ValueError(f"{text!r} is too large for a JSON number")
    raise ValueError(f"{text!r} is not a number")


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse a JSON object such as `{"x": 123, "y": 123.994}`.

    Raises ValueError naming the line and column of a syntax error, or when
    the text is valid JSON but not an object (OneNET takes objects, not
    arrays or scalars, as JSON values).
    """
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(parsed, dict):
        raise ValueError("a JSON value must be an object: {...}")
    return parsed


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_value(text: str, kind: ValueKind = ValueKind.AUTO) -> Value:
    """Turn the text a user typed or a file held into a datapoint value.

    `AUTO`: a number if the text is one (`84` -> 84, `23.001` -> 23.001), a
    JSON object if it starts with `{` and parses, otherwise the text itself.
    An explicit kind forces the reading (`TEXT` keeps `"84"` a string) and
    raises ValueError when the text cannot be read that way.
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


def format_at(at: datetime) -> str:
    """`at` on the wire: converted to platform time (UTC+8), `YYYY-MM-DDThh:mm:ss`.

    `at` must be time-zone-aware (ValueError otherwise): a reading taken at
    09:00 in Berlin (UTC+1) is sent as `16:00:00`. Fractions of a second are
    dropped; the platform's upload format has seconds precision
    (shared onenet-api.md, "Timestamps").
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be time-zone-aware")
    # == strftime(AT_FORMAT), twice as fast (it runs for every datapoint sent), 4-digit years everywhere.
    return at.astimezone(PLATFORM_TZ).isoformat(timespec="seconds")[:19]


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
        raise ValueError(f"{text!r} is not a time like 2013-04-22T00:35:43")
    iso = f"{match['date']}T{match['time']}"
    zone = match["zone"]
    if zone:
        iso += "+00:00" if zone == "Z" else zone
    parsed = datetime.fromisoformat(iso)
    if parsed.tzinfo is None:
        parsed = localize(parsed, default_tz)
    return parsed


def localize(naive: datetime, tz: tzinfo) -> datetime:
    """Attach `tz` to a wall-clock time; ValueError when that time does not exist there.

    A time skipped by a DST change (e.g. 02:30 on a spring-forward night in
    Europe/Berlin) raises; a repeated one (autumn) takes its first
    occurrence (`fold=0`).
    """
    aware = naive.replace(tzinfo=tz, fold=0)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive.replace(tzinfo=None):
        raise ValueError(f"{naive:%Y-%m-%d %H:%M:%S} does not exist in {tz} (the clocks skipped it)")
    return aware


@dataclass(frozen=True)
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
