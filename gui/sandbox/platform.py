"""The platform side of the sandbox: devices, stored datapoints and read-back, no HTTP.

:class:`Platform` keeps what the legacy OneNET "datapoints" API would keep
(shared onenet-api.md, "Request", "Timestamps", "Reading back") in memory;
:class:`gui.sandbox.server.Sandbox` puts HTTP in front of it. Times: ``at``
is platform time, Beijing time UTC+8 (:data:`~gui.onenet.readings.PLATFORM_TZ`),
stored at millisecond precision.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hmac
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from gui.onenet.formats import FormatError
from gui.onenet.readings import (
    PLATFORM_TZ,
    Datapoint,
    Readings,
    Value,
    from_unix_ms,
    is_finite_value,
    parse_at,
    unix_ms,
)

__all__ = [
    "ERRNO_AUTH_FAILED",
    "ERRNO_BAD_BODY",
    "ERRNO_BAD_LENGTH",
    "ERRNO_BAD_PARAMETER",
    "ERRNO_INTERNAL",
    "ERRNO_NOT_FOUND",
    "ERRNO_OK",
    "READ_LIMIT_DEFAULT",
    "READ_LIMIT_MAX",
    "Platform",
    "ReadQuery",
    "is_whole",
    "mask_key",
    "readback_at",
]

ERRNO_OK = 0
ERRNO_INTERNAL = 1
ERRNO_AUTH_FAILED = 3
ERRNO_BAD_PARAMETER = 4
ERRNO_BAD_BODY = 5
ERRNO_BAD_LENGTH = 6
ERRNO_NOT_FOUND = 7

#: Read-back ``limit``: 1..6000, default 100 (shared onenet-api.md, "Reading back").
READ_LIMIT_MAX = 6000
READ_LIMIT_DEFAULT = 100

_WHOLE = re.compile(r"\s*[0-9]{1,18}\s*")
_LOWEST = -(2**63)
_HIGHEST = 2**63


def mask_key(key: str, *, whole: bool = False) -> str:
    """An api-key as it may be shown or logged: all but the last 2 characters hidden.

    Keys shorter than 12 characters are hidden completely, and so is any key when
    `whole` (a key found wrong: it may be another device's real one); ``""`` -> ``"(none)"``.
    """
    if not key:
        return "(none)"
    if whole or len(key) < 12:
        return "*" * len(key)
    return "*" * (len(key) - 2) + key[-2:]


def _platform_now() -> datetime:
    return datetime.now(PLATFORM_TZ)


def _normalized(point: Datapoint, stamp: datetime | None = None) -> Datapoint:
    """The point as stored: `at` in platform time, truncated to milliseconds.

    Raises FormatError for a non-finite value or an `at` that cannot be
    expressed in platform time.
    """
    if not is_finite_value(point.value):
        raise FormatError(f"value {point.value!r} is not a finite number")
    at = point.at if point.at is not None else stamp
    if at is None:
        raise ValueError("a point without `at` needs a stamp")
    try:
        at = at.astimezone(PLATFORM_TZ)
    except OverflowError as exc:
        raise FormatError(f"`at` {at.isoformat()} is out of range") from exc
    return Datapoint(_copied(point.value), at.replace(microsecond=at.microsecond // 1000 * 1000))


def _copied(value: Value) -> Value:
    """Values are stored and handed out as copies, so no caller can change the storage."""
    return copy.deepcopy(value) if isinstance(value, dict) else value


def readback_at(at: datetime) -> str:
    """`at` as the read-back API writes it: `2017-06-23 11:09:46.281` (UTC+8)."""
    at = at.astimezone(PLATFORM_TZ)
    return (
        f"{at.year:04d}-{at.month:02d}-{at.day:02d} "
        f"{at.hour:02d}:{at.minute:02d}:{at.second:02d}.{at.microsecond // 1000:03d}"
    )


@dataclass(frozen=True)
class ReadQuery:
    """The parsed parameters of a read-back request (times in ms since the epoch)."""

    streams: frozenset[str] | None
    lowest: int
    highest: int
    descending: bool
    limit: int
    after: tuple[str, int] | None

    @classmethod
    def parse(cls, params: dict[str, list[str]], now: datetime) -> ReadQuery:
        """Parse the URL parameters; ValueError names the parameter that is wrong."""
        streams_text = _single(params, "datastream_id")
        streams = None
        if streams_text is not None:
            ids = frozenset(s.strip() for s in streams_text.split(",") if s.strip())
            streams = ids or None

        limit_text = _single(params, "limit")
        limit = READ_LIMIT_DEFAULT
        if limit_text is not None:
            if not is_whole(limit_text) or not 1 <= int(limit_text) <= READ_LIMIT_MAX:
                raise ValueError(f"limit must be an integer from 1 to {READ_LIMIT_MAX}, not {limit_text!r}")
            limit = int(limit_text)

        sort_text = (_single(params, "sort") or "ASC").strip().upper()
        if sort_text not in ("ASC", "DESC"):
            raise ValueError(f"sort must be ASC or DESC, not {sort_text!r}")
        descending = sort_text == "DESC"

        lowest, highest = _window(_single(params, "start"), _single(params, "end"), _single(params, "duration"), now)
        cursor = _single(params, "cursor")
        after = _decode_cursor(cursor, sort_text) if cursor else None
        return cls(streams, lowest, highest, descending, limit, after)


def is_whole(text: str) -> bool:
    """True for ASCII digits with optional surrounding blanks (str.isdigit also takes "²")."""
    return _WHOLE.fullmatch(text) is not None


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise ValueError(f"{name} is given {len(values)} times")
    return values[0]


def _time_param(name: str, text: str) -> datetime:
    try:
        return parse_at(text, PLATFORM_TZ)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from exc


def _window(start: str | None, end: str | None, duration: str | None, now: datetime) -> tuple[int, int]:
    """The inclusive [lowest, highest] ms range of `start`, `end` and `duration`.

    `start`/`end` are platform time (UTC+8) `YYYY-MM-DDThh:mm:ss`; an `end`
    without a fraction covers its whole second. `duration` (seconds) counts
    forward from `start`, back from `end`, or back from now when it is
    alone. All three together are refused as ambiguous.
    """
    if start is not None and end is not None and duration is not None:
        raise ValueError("give at most two of start, end and duration")
    seconds: int | None = None
    if duration is not None:
        if not is_whole(duration):
            raise ValueError(f"duration must be a whole number of seconds, not {duration!r}")
        seconds = int(duration)
    lowest, highest = _LOWEST, _HIGHEST
    if start is not None:
        lowest = unix_ms(_time_param("start", start))
    if end is not None:
        highest = unix_ms(_time_param("end", end)) + (0 if "." in end else 999)
    if seconds is not None:
        span = seconds * 1000
        if start is not None:
            highest = lowest + span
        elif end is not None:
            lowest = highest - span
        else:
            highest = unix_ms(now)
            lowest = highest - span
    if lowest > highest:
        raise ValueError("start is after end")
    return lowest, highest


def _encode_cursor(stream_id: str, at_ms: int, sort: str) -> str:
    raw = json.dumps([stream_id, at_ms, sort], ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stream_id, at_ms, cursor_sort = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise ValueError(f"cursor {cursor!r} is not one this server gave") from exc
    if not isinstance(stream_id, str) or not isinstance(at_ms, int) or isinstance(at_ms, bool):
        raise ValueError(f"cursor {cursor!r} is not one this server gave")
    if cursor_sort != sort:
        raise ValueError(f"cursor belongs to a query with sort={cursor_sort}")
    return stream_id, at_ms


class Platform:
    """The devices and datapoints a sandbox holds, by the platform's rules; thread-safe.

    ``devices`` maps ``device_id`` -> api-key.

    Storage is per device, per stream, keyed by ``at`` at millisecond
    precision, platform time UTC+8. Equal ``at`` -> the later write wins
    (shared onenet-api.md, "Overwrite rule"). Points without ``at`` are
    stamped with the server clock (UTC+8, ms); every such point of one
    request gets the same stamp, so of one stream only the last is kept
    (same source). Stamps of different requests are strictly increasing,
    so two requests never overwrite each other's unstamped points.

    Read-back semantics, shared onenet-api.md "Reading back":
    ``datastream_id`` comma-separated (absent: all streams); ``start`` and
    ``end`` platform time, inclusive (an ``end`` without fraction covers its
    whole second); ``duration`` seconds (forward from ``start``, back from
    ``end``, or back from now); ``limit`` 1..6000 (default 100); ``sort``
    ``ASC`` (default) or ``DESC`` by ``at``; ``cursor`` from the previous
    page's answer, valid for the same query. Streams come in id order, each
    with its points in ``sort`` order; a page holds at most ``limit`` points
    across all streams; ``data.count`` is the number of points on the page;
    ``data.cursor`` is present only when more points follow. ``at`` is
    written ``YYYY-MM-DD hh:mm:ss.mmm``.
    """

    def __init__(self, devices: dict[str, str] | None = None) -> None:
        #: The server clock, returning an aware datetime; stamps points without `at`
        #: and anchors a lone `duration`. Replace it to freeze time in tests.
        self.clock: Callable[[], datetime] = _platform_now
        self._lock = threading.Lock()
        self._devices: dict[str, str] = dict(devices or {})
        self._data: dict[str, dict[str, dict[int, Datapoint]]] = {}
        self._uploads = 0
        self._last_stamp_ms = _LOWEST

    def add_device(self, device_id: str, api_key: str) -> None:
        """Accept ``api_key`` for ``device_id`` (replacing an earlier key)."""
        with self._lock:
            self._devices[device_id] = api_key

    @property
    def upload_count(self) -> int:
        """Upload requests (``POST`` to a datapoints path) received, whatever their outcome."""
        with self._lock:
            return self._uploads

    def datapoints(self, device_id: str, stream_id: str) -> list[Datapoint]:
        """A copy of the stream's stored points, sorted by ``at`` (UTC+8); [] if none."""
        with self._lock:
            stream = self._data.get(device_id, {}).get(stream_id, {})
            points = [stream[key] for key in sorted(stream)]
        return [Datapoint(_copied(p.value), p.at) for p in points]

    def streams(self, device_id: str) -> list[str]:
        """The ids of the device's streams holding at least one point, sorted."""
        with self._lock:
            return sorted(self._data.get(device_id, {}))

    def clear(self) -> None:
        """Forget every stored datapoint (devices and :attr:`upload_count` are kept)."""
        with self._lock:
            self._data.clear()

    def put(self, device_id: str, stream_id: str, point: Datapoint) -> Datapoint:
        """Store one point directly (no HTTP), by the upload rules; returns it as stored.

        ``at=None`` gets the server clock. Raises ValueError for a
        non-finite value.
        """
        return self.store(device_id, Readings.from_pairs([(stream_id, point)]))[0][1]

    def delete(self, device_id: str, stream_id: str, at: datetime) -> bool:
        """Remove the point of that stream at ``at`` (ms precision); False if there was none."""
        key = unix_ms(at)
        with self._lock:
            device = self._data.get(device_id, {})
            stream = device.get(stream_id, {})
            if stream.pop(key, None) is None:
                return False
            if not stream:
                del device[stream_id]
            if not device:
                del self._data[device_id]
            return True

    def store(self, device_id: str, readings: Readings) -> list[tuple[str, Datapoint]]:
        """Store all of ``readings`` or nothing; FormatError if a point is unstorable."""
        needs_stamp = any(point.at is None for _, point in readings.pairs())
        with self._lock:
            stamp_ms = max(unix_ms(self.clock()), self._last_stamp_ms + 1) if needs_stamp else None
            stamp = from_unix_ms(stamp_ms) if stamp_ms is not None else None
            stored = [(stream_id, _normalized(point, stamp)) for stream_id, point in readings.pairs()]
            if stamp_ms is not None:
                self._last_stamp_ms = stamp_ms
            device = self._data.setdefault(device_id, {})
            for stream_id, point in stored:
                assert point.at is not None
                device.setdefault(stream_id, {})[unix_ms(point.at)] = point
            return stored

    def read(self, device_id: str, query: ReadQuery) -> tuple[list[tuple[str, list[Datapoint]]], str | None]:
        """One page of a read-back: [(stream id, points)] and the next cursor or None."""
        with self._lock:
            device = self._data.get(device_id, {})
            snapshot = [
                (
                    stream_id,
                    [(key, point) for key, point in device[stream_id].items() if query.lowest <= key <= query.highest],
                )
                for stream_id in sorted(device)
                if query.streams is None or stream_id in query.streams
            ]
        page: list[tuple[str, list[Datapoint]]] = []
        room = query.limit
        last: tuple[str, int] | None = None
        more = False
        for stream_id, items in snapshot:
            if query.after is not None:
                after_stream, after_ms = query.after
                if stream_id < after_stream:
                    continue
                if stream_id == after_stream:
                    items = [kp for kp in items if (kp[0] < after_ms if query.descending else kp[0] > after_ms)]
            if not items:
                continue
            if room == 0:
                more = True
                break
            items.sort(key=lambda kp: kp[0], reverse=query.descending)
            taken = items[:room]
            page.append((stream_id, [point for _, point in taken]))
            room -= len(taken)
            last = (stream_id, taken[-1][0])
            if len(items) > len(taken):
                more = True
                break
        cursor = None
        if more and last is not None:
            cursor = _encode_cursor(last[0], last[1], "DESC" if query.descending else "ASC")
        return page, cursor

    # -- used by the HTTP layer ---------------------------------------

    def count_upload(self) -> int:
        """Count one more upload request; returns its number (1, 2, ...), which fault injection uses."""
        with self._lock:
            self._uploads += 1
            return self._uploads

    def device_of_key(self, key: str) -> str | None:
        """The device whose api-key ``key`` is (the first in id order), or None: to say "the key of another device"."""
        with self._lock:
            devices = sorted(self._devices.items())
        return next((d for d, k in devices if hmac.compare_digest(_utf8(k), _utf8(key))), None)

    def knows(self, device_id: str) -> bool:
        """True when ``device_id`` is a device this platform accepts."""
        with self._lock:
            return device_id in self._devices

    def key_matches(self, device_id: str, given: str | None) -> bool:
        """True when ``given`` is the api-key of ``device_id`` (compared in constant time)."""
        with self._lock:
            expected = self._devices.get(device_id)
        if expected is None or given is None:
            return False
        return hmac.compare_digest(_utf8(given), _utf8(expected))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")
