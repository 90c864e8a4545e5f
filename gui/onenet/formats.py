"""OneNET upload body formats (`?type=1|3|4|5`): readings <-> exact body bytes.

The formats are described in shared onenet-api.md ("Body formats"); type 1
is the seed's own API description. Every encoder returns the bytes that go
on the wire, so the preview and the send can never differ.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

from gui.onenet.readings import (
    PLATFORM_TZ,
    Datapoint,
    Datastream,
    Readings,
    Value,
    format_at,
    format_value,
    is_finite_value,
    parse_at,
    parse_number,
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


def _dumps(obj: Any) -> bytes:
    # Compact, UTF-8 (stream ids may be Chinese), NaN refused (not JSON).
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def encode(readings: Readings, body_type: BodyType = BodyType.FULL_JSON, separators: str | None = None) -> EncodedBody:
    """Encode readings as the body of one upload request of `body_type`.

    Raises FormatError when the readings cannot be said in that format
    (e.g. two points of one stream in type 3) or hold NaN/infinity.
    `separators` (two different characters) applies to type 5 only; None
    picks a pair that no id, time or value contains.
    """
    for stream_id, point in readings.pairs():
        if not is_finite_value(point.value):
            raise FormatError(f"datastream {stream_id!r}: NaN or infinity cannot be sent (not valid JSON)")
    try:
        if body_type is BodyType.FULL_JSON:
            return EncodedBody(body_type, encode_type1(readings), _JSON_CT)
        if body_type is BodyType.SIMPLE_JSON:
            return EncodedBody(body_type, encode_type3(readings), _JSON_CT)
        if body_type is BodyType.TIMED_JSON:
            return EncodedBody(body_type, encode_type4(readings), _JSON_CT)
        return EncodedBody(body_type, encode_type5(readings, separators), _TEXT_CT)
    except ValueError as exc:
        if isinstance(exc, FormatError):
            raise
        raise FormatError(str(exc)) from exc


def encode_type1(readings: Readings) -> bytes:
    """Type 1: every stream with its datapoints, `at` omitted where absent.

    Reproduces the seed's example: keys `datastreams`, `id`, `datapoints`,
    `at`, `value` in that order; ints stay ints, objects stay objects.
    """
    streams = []
    for stream in readings.datastreams:
        points: list[dict[str, Any]] = []
        for point in stream.datapoints:
            item: dict[str, Any] = {}
            if point.at is not None:
                item["at"] = format_at(point.at)
            item["value"] = point.value
            points.append(item)
        streams.append({"id": stream.id, "datapoints": points})
    return _dumps({"datastreams": streams})


def encode_type3(readings: Readings) -> bytes:
    """Type 3: `{"stream": value}`; exactly one point without `at` per stream."""
    body: dict[str, Value] = {}
    for stream in readings.datastreams:
        if len(stream.datapoints) != 1:
            raise FormatError(f"type 3 carries one value per datastream; {stream.id!r} has {len(stream.datapoints)}")
        point = stream.datapoints[0]
        if point.at is not None:
            raise FormatError(f"type 3 carries no `at`; {stream.id!r} has one (the platform stamps type 3 points)")
        if stream.id in body:
            raise FormatError(f"datastream {stream.id!r} appears twice")
        body[stream.id] = point.value
    return _dumps(body)


def encode_type4(readings: Readings) -> bytes:
    """Type 4: `{"stream": {"YYYY-MM-DDThh:mm:ss": value}}`; every point needs `at`."""
    body: dict[str, dict[str, Value]] = {}
    for stream in readings.datastreams:
        if stream.id in body:
            raise FormatError(f"datastream {stream.id!r} appears twice")
        points: dict[str, Value] = {}
        for index, point in enumerate(stream.datapoints):
            if point.at is None:
                raise FormatError(f"type 4 needs an `at` on every datapoint; {stream.id!r} #{index + 1} has none")
            at = format_at(point.at)
            if at in points:
                raise FormatError(f"type 4 cannot carry two points of {stream.id!r} at {at}")
            points[at] = point.value
        body[stream.id] = points
    return _dumps(body)


#: Separator pairs tried in order for type 5 (sub-field, field).
TYPE5_SEPARATOR_CANDIDATES = [",;", "|;", ",|", "|^", "~^", "#~", "\t\n"]


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


def choose_type5_separators(readings: Readings) -> str:
    """The first candidate pair that no id, `at` or value contains; FormatError if none."""
    texts = type5_texts(readings)
    for pair in TYPE5_SEPARATOR_CANDIDATES:
        if not any(pair[0] in t or pair[1] in t for t in texts):
            return pair
    raise FormatError("every type 5 separator pair occurs in some id or value; use type 1")


def encode_type5(readings: Readings, separators: str | None = None) -> bytes:
    """Type 5: `<sub><field>` then `stream<sub>at<sub>value` or `stream<sub>value` fields.

    `separators` is two different characters (sub-field first, field
    second); None chooses them so no text contains either. Raises
    FormatError on a collision or a JSON object value.
    """
    texts = type5_texts(readings)
    if separators is None:
        separators = choose_type5_separators(readings)
    if len(separators) != 2 or separators[0] == separators[1]:
        raise FormatError("type 5 needs two different separator characters")
    sub, sep = separators[0], separators[1]
    for text in texts:
        if sub in text or sep in text:
            raise FormatError(f"{text!r} contains a separator {separators!r}; choose others")
    fields: list[str] = []
    for stream_id, point in readings.pairs():
        parts = [stream_id]
        if point.at is not None:
            parts.append(format_at(point.at))
        parts.append(format_value(point.value))
        fields.append(sub.join(parts))
    return (separators + sep.join(fields)).encode()


def decode(data: bytes, body_type: BodyType = BodyType.FULL_JSON) -> Readings:
    """Decode a request body of `body_type` into readings; `at` in platform time.

    Raises FormatError with a message saying what is wrong and where.
    """
    if body_type is BodyType.TEXT:
        try:
            return decode_type5(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise FormatError(f"type 5 body is not UTF-8 text (byte {exc.start})") from exc
    try:
        obj = json.loads(data, parse_constant=_refuse_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"body is not valid JSON: {exc}") from exc
    if body_type is BodyType.FULL_JSON:
        return decode_type1(obj)
    if body_type is BodyType.SIMPLE_JSON:
        return decode_type3(obj)
    return decode_type4(obj)


def _refuse_constant(name: str) -> Any:
    raise FormatError(f"{name} is not valid JSON")


def _value(raw: Any, where: str) -> Value:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, dict)):
        raise FormatError(f"{where}: value must be a number, a string or a JSON object, not {json.dumps(raw)}")
    if not is_finite_value(raw):
        raise FormatError(f"{where}: number out of range (it would be infinity)")
    return raw


def _parse_at(raw: Any, where: str) -> Any:
    if not isinstance(raw, str):
        raise FormatError(f"{where}: `at` must be a string like 2013-04-22T00:35:43")
    try:
        return parse_at(raw, PLATFORM_TZ)
    except ValueError as exc:
        raise FormatError(f"{where}: {exc}") from exc


def decode_type1(obj: Any) -> Readings:
    """Decode a parsed type 1 body (see `encode_type1`)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("datastreams"), list):
        raise FormatError('type 1 body must be {"datastreams": [...]}')
    streams = []
    for i, raw_stream in enumerate(obj["datastreams"]):
        where = f"datastreams[{i}]"
        if not isinstance(raw_stream, dict) or not isinstance(raw_stream.get("id"), str):
            raise FormatError(f'{where}: must be {{"id": "...", "datapoints": [...]}}')
        raw_points = raw_stream.get("datapoints")
        if not isinstance(raw_points, list):
            raise FormatError(f"{where}: `datapoints` must be a list")
        points = []
        for j, raw_point in enumerate(raw_points):
            pwhere = f"{where}.datapoints[{j}]"
            if not isinstance(raw_point, dict) or "value" not in raw_point:
                raise FormatError(f"{pwhere}: must be an object with a `value`")
            at = _parse_at(raw_point["at"], pwhere) if raw_point.get("at") is not None else None
            points.append(Datapoint(_value(raw_point["value"], pwhere), at))
        streams.append(Datastream(raw_stream["id"], points))
    return Readings(streams)


def decode_type3(obj: Any) -> Readings:
    """Decode a parsed type 3 body `{"stream": value}` (points without `at`)."""
    if not isinstance(obj, dict):
        raise FormatError('type 3 body must be an object {"stream": value}')
    return Readings([Datastream(k, [Datapoint(_value(v, k))]) for k, v in obj.items()])


def decode_type4(obj: Any) -> Readings:
    """Decode a parsed type 4 body `{"stream": {"at": value}}`."""
    if not isinstance(obj, dict):
        raise FormatError('type 4 body must be an object {"stream": {"at": value}}')
    streams = []
    for stream_id, raw_points in obj.items():
        if not isinstance(raw_points, dict):
            raise FormatError(f'{stream_id}: type 4 needs {{"YYYY-MM-DDThh:mm:ss": value}}')
        points = [Datapoint(_value(v, f"{stream_id}.{at}"), _parse_at(at, stream_id)) for at, v in raw_points.items()]
        streams.append(Datastream(stream_id, points))
    return Readings(streams)


def _type5_value(text: str) -> Value:
    try:
        return parse_number(text)
    except ValueError:
        return text


def decode_type5(text: str) -> Readings:
    """Decode a type 5 body such as `,;temperature,2015-03-22T22:31:12,22.5;102;pm2.5,89;10`.

    A bare value's stream id is its field's position counted from 0 (`102`
    above goes to stream `"1"`); number-like values become numbers.
    Trailing CRLFs (devices append them) are ignored; the first two
    characters are always the separators, whatever they are.
    """
    if len(text) > 2:
        text = text[:2] + text[2:].rstrip("\r\n")
    if len(text) < 2 or text[0] == text[1]:
        raise FormatError("type 5 body must start with two different separator characters, e.g. ',;'")
    sub, sep = text[0], text[1]
    pairs: list[tuple[str, Datapoint]] = []
    for position, field in enumerate(text[2:].split(sep)):
        if not field:
            continue
        parts = field.split(sub)
        if len(parts) == 1:
            pairs.append((str(position), Datapoint(_type5_value(parts[0]))))
        elif len(parts) == 2:
            pairs.append((parts[0], Datapoint(_type5_value(parts[1]))))
        elif len(parts) == 3:
            at = _parse_at(parts[1], f"field {position}")
            pairs.append((parts[0], Datapoint(_type5_value(parts[2]), at)))
        else:
            raise FormatError(f"field {position} {field!r} has {len(parts)} parts; expected 1 to 3")
    return Readings.from_pairs(pairs)
