"""OneNET upload bodies back to readings (`?type=1|3|4|5`): `decode` and one decoder per type.

The formats are `formats`' (shared onenet-api.md, "Body formats"); what an uploaded `at`
may look like is `upload_at_problem`'s (onenet-api.md, "Timestamps").
"""

from __future__ import annotations

import json
import re
from typing import Any

from gui.onenet.formats import BodyType, FormatError
from gui.onenet.readings import (
    PLATFORM_TZ,
    Datapoint,
    Datastream,
    Readings,
    Value,
    is_finite_value,
    parse_at,
    parse_number,
)

__all__ = ["decode", "decode_type1", "decode_type3", "decode_type4", "decode_type5", "upload_at_problem"]


def decode(data: bytes, body_type: BodyType = BodyType.FULL_JSON, *, at_texts: list[str] | None = None) -> Readings:
    """Decode a request body of `body_type` into readings; `at` in platform time.

    Every `at` is read in the forms `parse_at` takes (the read-back form and
    offsets too); `at_texts`, when given, receives each `at` exactly as the body
    wrote it, for a caller that holds uploads to the documented form
    (`upload_at_problem`).

    Raises FormatError, and only FormatError, with a message saying what is wrong and
    where: for any bytes (nesting too deep for the parser, an integer of more than 4,300
    digits, a number beyond float range included).
    """
    if body_type is BodyType.TEXT:
        try:
            return decode_type5(data.decode("utf-8"), at_texts=at_texts)
        except UnicodeDecodeError as exc:
            raise FormatError(f"type 5 body is not UTF-8 text (byte {exc.start})") from exc
    try:
        obj = json.loads(data, parse_constant=_refuse_constant)
    except FormatError:
        raise
    except RecursionError:
        raise FormatError("body is not valid JSON: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer of over 4,300 digits
        raise FormatError(f"body is not valid JSON: {exc}") from exc
    try:
        if body_type is BodyType.FULL_JSON:
            return decode_type1(obj, at_texts=at_texts)
        if body_type is BodyType.SIMPLE_JSON:
            return decode_type3(obj)
        return decode_type4(obj, at_texts=at_texts)
    except RecursionError:  # a value nested almost as deep as the parser allows
        raise FormatError("a value is nested too deeply") from None


def _refuse_constant(name: str) -> Any:
    raise FormatError(f"{name} is not valid JSON")


def _value(raw: Any, where: str) -> Value:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, dict)):
        raise FormatError(f"{where}: value must be a number, a string or a JSON object, not {json.dumps(raw)}")
    if not is_finite_value(raw):
        raise FormatError(f"{where}: number out of range (it would be infinity)")
    return raw


_UPLOAD_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_AT_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2})\s*$")


def upload_at_problem(text: str) -> tuple[bool, str] | None:
    """Why an uploaded `at` is not the documented form `YYYY-MM-DDThh:mm:ss`, or None when it is.

    Returns (refused, reason). The platform reads `at` as Beijing time with
    no zone suffix [H]: a suffix (`Z`, `+08:00`) is refused, since reading it
    either way could store the reading hours off. A space for the `T`, a
    fraction of a second or no seconds are the read-back form or undocumented
    [L] (shared onenet-api.md, "Timestamps"): not refused, but not to be
    relied on.
    """
    text = text.strip()
    if _UPLOAD_AT.fullmatch(text):
        return None
    if _AT_ZONE.search(text):
        return True, (
            f"`at` {text} has a zone: the platform reads `at` as Beijing time (UTC+8) without one, "
            "YYYY-MM-DDThh:mm:ss (onenet-api.md, Timestamps)"
        )
    return False, (
        f"`at` {text} is not the documented form YYYY-MM-DDThh:mm:ss (seconds, a T, no fraction); "
        "the sandbox reads it, the platform may not (onenet-api.md, Timestamps)"
    )


def _parse_at(raw: Any, where: str, at_texts: list[str] | None) -> Any:
    if not isinstance(raw, str):
        raise FormatError(f"{where}: `at` must be a string like 2013-04-22T00:35:43")
    if at_texts is not None:
        at_texts.append(raw)
    try:
        return parse_at(raw, PLATFORM_TZ)
    except ValueError as exc:
        raise FormatError(f"{where}: {exc}") from exc


def decode_type1(obj: Any, *, at_texts: list[str] | None = None) -> Readings:
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
            at = _parse_at(raw_point["at"], pwhere, at_texts) if raw_point.get("at") is not None else None
            points.append(Datapoint(_value(raw_point["value"], pwhere), at))
        streams.append(Datastream(raw_stream["id"], points))
    return Readings(streams)


def decode_type3(obj: Any) -> Readings:
    """Decode a parsed type 3 body `{"stream": value}` (points without `at`)."""
    if not isinstance(obj, dict):
        raise FormatError('type 3 body must be an object {"stream": value}')
    return Readings([Datastream(k, [Datapoint(_value(v, k))]) for k, v in obj.items()])


def decode_type4(obj: Any, *, at_texts: list[str] | None = None) -> Readings:
    """Decode a parsed type 4 body `{"stream": {"at": value}}`."""
    if not isinstance(obj, dict):
        raise FormatError('type 4 body must be an object {"stream": {"at": value}}')
    streams = []
    for stream_id, raw_points in obj.items():
        if not isinstance(raw_points, dict):
            raise FormatError(f'{stream_id}: type 4 needs {{"YYYY-MM-DDThh:mm:ss": value}}')
        points = [
            Datapoint(_value(value, f"{stream_id}.{at}"), _parse_at(at, stream_id, at_texts))
            for at, value in raw_points.items()
        ]
        streams.append(Datastream(stream_id, points))
    return Readings(streams)


def _type5_value(text: str) -> Value:
    try:
        return parse_number(text)
    except ValueError:
        return text


def decode_type5(text: str, *, at_texts: list[str] | None = None) -> Readings:
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
            at = _parse_at(parts[1], f"field {position}", at_texts)
            pairs.append((parts[0], Datapoint(_type5_value(parts[2]), at)))
        else:
            raise FormatError(f"field {position} {field!r} has {len(parts)} parts; expected 1 to 3")
    return Readings.from_pairs(pairs)
