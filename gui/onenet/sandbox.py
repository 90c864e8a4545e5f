"""A local OneNET-compatible HTTP server (the "sandbox") for trying uploads safely.

It answers the legacy OneNET "datapoints" API the way shared onenet-api.md
describes the platform, so the product, its tests and a user's own firmware
can be tried without an account or network. Standard library only; no Qt.

Endpoints (shared onenet-api.md, "Request" and "Reading back"):

- ``POST /devices/{device_id}/datapoints[?type=1|3|4|5]`` -- store datapoints.
  The body is decoded by :func:`gui.onenet.formats.decode` (missing ``type``
  means 1). A request is all or nothing: any error stores nothing.
- ``GET /devices/{device_id}/datapoints`` -- read them back with
  ``datastream_id``, ``start``, ``end``, ``duration``, ``limit``, ``cursor``,
  ``sort``; see :class:`Sandbox` for the exact semantics.
- Anything else: HTTP 404 with an errno JSON body.

Every answer is JSON ``{"errno": N, "error": "..."}`` with
``Content-Type: application/json``, except the injected faults
(``fail_every``, ``throttle_every``, ``html_every``, ``drop_every``; see
:class:`Sandbox`), which imitate what proxies and networks do. The platform's
rule is "decide success by errno, not by HTTP status" (shared
onenet-api.md, "Response"), so the sandbox answers HTTP 200 for every errno
it sends except 404 (unknown API) and 500 (internal error), which forces
clients to read ``errno``.

errno codes:

==== ==================== ================================================
0    ``succ``             success (shared onenet-api.md, "Response" [H])
1    internal error       a sandbox bug; HTTP 500
3    ``auth failed``      wrong or missing ``api-key``, or unknown device
                          (shared onenet-api.md, "Response" [H])
4    invalid parameter    bad URL parameter: ``type``, ``limit``, ``start``,
                          ``end``, ``duration``, ``sort``, ``cursor``; also
                          malformed HTTP requests (then HTTP 400/414/431)
5    invalid body         the body does not decode as its ``type`` (the
                          :class:`~gui.onenet.formats.FormatError` text is the
                          ``error``), or holds a non-finite number
6    content length       POST without ``Content-Length``, with a chunked
                          body, a bad length, a body larger than
                          ``MAX_BODY_BYTES`` or shorter than announced
7    not found            unknown path or method; HTTP 404
==== ==================== ================================================

Only 0 and 3 are the platform's documented codes; 1 and 4-7 are the
sandbox's own (the platform's other codes "are not reliably documented",
shared onenet-api.md, "Response"), so clients must show ``errno`` and
``error`` verbatim rather than depend on them.

Times: ``at`` is platform time, Beijing time UTC+8
(:data:`~gui.onenet.readings.PLATFORM_TZ`), stored at millisecond precision.
A point without ``at`` gets the server's clock; two points of one stream
with the same ``at`` overwrite each other, the later wins (shared
onenet-api.md, "Timestamps", "Overwrite rule" [H]).

The api-key is never logged: log lines and error texts show it masked
(:func:`mask_key`; shared onenet-api.md, "Terms").
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import copy
import hmac
import json
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from gui.onenet.formats import BodyType, FormatError, decode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Readings, Value, is_finite_value, parse_at

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_DEVICE_ID",
    "ERRNO_AUTH_FAILED",
    "ERRNO_BAD_BODY",
    "ERRNO_BAD_LENGTH",
    "ERRNO_BAD_PARAMETER",
    "ERRNO_INTERNAL",
    "ERRNO_NOT_FOUND",
    "ERRNO_OK",
    "MAX_BODY_BYTES",
    "READ_LIMIT_DEFAULT",
    "READ_LIMIT_MAX",
    "Sandbox",
    "add_arguments",
    "main",
    "mask_key",
    "run",
]

#: Device and key the CLI and the tests' ``sandbox`` fixture configure.
DEFAULT_DEVICE_ID = "4093215"
DEFAULT_API_KEY = "SANDBOX-KEY-1"

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

#: The sandbox's own cap on one request body. The platform documents no
#: limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md,
#: "Limits"); this only keeps a runaway client from filling memory.
MAX_BODY_BYTES = 8 * 1024 * 1024

#: Seconds a connection may stay idle, or take to send its body, before it is closed.
CONNECTION_TIMEOUT = 10.0

_SUCC = "succ"
_AUTH_FAILED = "auth failed"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)
_DATAPOINTS_PATH = re.compile(r"/devices/(?P<device>[^/]+)/datapoints/?")
_WHOLE = re.compile(r"\s*[0-9]{1,18}\s*")
_SECRET_PARAM = re.compile(r"((?:^|[?&;])[^=&;]*key[^=&;]*=)[^&;]*", re.IGNORECASE)
_LOWEST = -(2**63)
_HIGHEST = 2**63


def mask_key(key: str) -> str:
    """An api-key as it may be shown or logged: all but the last 2 characters hidden.

    Keys shorter than 12 characters are hidden completely; ``""`` -> ``"(none)"``.
    """
    if not key:
        return "(none)"
    if len(key) < 12:
        return "*" * len(key)
    return "*" * (len(key) - 2) + key[-2:]


def _platform_now() -> datetime:
    return datetime.now(PLATFORM_TZ)


def _ms(at: datetime) -> int:
    """Milliseconds since the Unix epoch of an aware datetime (exact, no float)."""
    return (at - _EPOCH) // _ONE_MS


def _from_ms(ms: int) -> datetime:
    return (_EPOCH + timedelta(milliseconds=ms)).astimezone(PLATFORM_TZ)


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


def _readback_at(at: datetime) -> str:
    """`at` as the read-back API writes it: `2017-06-23 11:09:46.281` (UTC+8)."""
    at = at.astimezone(PLATFORM_TZ)
    return (
        f"{at.year:04d}-{at.month:02d}-{at.day:02d} "
        f"{at.hour:02d}:{at.minute:02d}:{at.second:02d}.{at.microsecond // 1000:03d}"
    )


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class _RequestError(Exception):
    """An errno answer decided while handling a request."""

    def __init__(self, errno: int, error: str, status: int = HTTPStatus.OK) -> None:
        super().__init__(error)
        self.errno = errno
        self.error = error
        self.status = status


@dataclass(frozen=True)
class _ReadQuery:
    """The parsed parameters of a read-back request (times in ms since the epoch)."""

    streams: frozenset[str] | None
    lowest: int
    highest: int
    descending: bool
    limit: int
    after: tuple[str, int] | None

    @classmethod
    def parse(cls, params: dict[str, list[str]], now: datetime) -> _ReadQuery:
        """Parse the URL parameters; ValueError names the parameter that is wrong."""
        streams_text = _single(params, "datastream_id")
        streams = None
        if streams_text is not None:
            ids = frozenset(s.strip() for s in streams_text.split(",") if s.strip())
            streams = ids or None

        limit_text = _single(params, "limit")
        limit = READ_LIMIT_DEFAULT
        if limit_text is not None:
            if not _is_whole(limit_text) or not 1 <= int(limit_text) <= READ_LIMIT_MAX:
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


def _is_whole(text: str) -> bool:
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
        if not _is_whole(duration):
            raise ValueError(f"duration must be a whole number of seconds, not {duration!r}")
        seconds = int(duration)
    lowest, highest = _LOWEST, _HIGHEST
    if start is not None:
        lowest = _ms(_time_param("start", start))
    if end is not None:
        highest = _ms(_time_param("end", end)) + (0 if "." in end else 999)
    if seconds is not None:
        span = seconds * 1000
        if start is not None:
            highest = lowest + span
        elif end is not None:
            lowest = highest - span
        else:
            highest = _ms(now)
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


class Sandbox:
    """A local OneNET-compatible HTTP server with in-memory storage.

    ``devices`` maps ``device_id`` -> api-key. ``port=0`` picks a free port
    (see :attr:`port` after :meth:`start`). ``delay`` (seconds, float) is
    slept before answering every upload; ``fail_every=N`` (N > 0) answers
    every Nth upload (counted by :attr:`upload_count`: the 1st..Nth upload
    request received, whatever its outcome) with HTTP 500 and a plain-text,
    non-JSON body, storing nothing. Both are plain attributes settable while
    running, as are these fault injections (0: off), checked in this order
    after ``fail_every``, each counting uploads the same way:

    - ``throttle_every=N``: HTTP 429 with ``Retry-After: <retry_after>``
      (``retry_after``, a string: seconds or an HTTP date; default ``"1"``)
      and a plain-text body, storing nothing (a rate-limiting gateway);
    - ``html_every=N``: HTTP ``html_status`` (default 200) with an HTML page,
      storing nothing (a captive portal, or a proxy's error page);
    - ``drop_every=N``: the upload is handled and **stored**, then the answer
      is cut off mid-body (headers announce the full length, half the body
      is sent, the connection is closed): the client cannot know it worked.

    ``log`` receives one line per request (method, path, device,
    type, HTTP status, errno, points stored or returned); the api-key never
    appears in it. It is called from server threads.

    Storage is per device, per stream, keyed by ``at`` at millisecond
    precision, platform time UTC+8. Equal ``at`` -> the later write wins
    (shared onenet-api.md, "Overwrite rule"). Points without ``at`` are
    stamped with the server clock (UTC+8, ms); every such point of one
    request gets the same stamp, so of one stream only the last is kept
    (same source). Stamps of different requests are strictly increasing,
    so two requests never overwrite each other's unstamped points.

    Read-back (``GET``) semantics, shared onenet-api.md "Reading back":
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

    def __init__(
        self,
        devices: dict[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        delay: float = 0.0,
        fail_every: int = 0,
        log: Callable[[str], None] | None = None,
    ) -> None:
        if delay < 0:
            raise ValueError("delay must be >= 0 seconds")
        if fail_every < 0:
            raise ValueError("fail_every must be >= 0")
        self.host = host
        self.delay = delay
        self.fail_every = fail_every
        self.throttle_every = 0
        self.retry_after = "1"
        self.html_every = 0
        self.html_status = 200
        self.drop_every = 0
        self.log = log
        #: The server clock, returning an aware datetime; stamps points without `at`
        #: and anchors a lone `duration`. Replace it to freeze time in tests.
        self.clock: Callable[[], datetime] = _platform_now
        self._requested_port = port
        self._lock = threading.Lock()
        self._devices: dict[str, str] = dict(devices or {})
        self._data: dict[str, dict[str, dict[int, Datapoint]]] = {}
        self._uploads = 0
        self._last_stamp_ms = _LOWEST
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- lifecycle -----------------------------------------------------

    def start(self) -> Sandbox:
        """Listen and serve on a background daemon thread; returns self.

        Raises OSError when the address cannot be bound (port in use).
        Starting a running sandbox does nothing.
        """
        if self._server is not None:
            return self
        self._stopping.clear()
        server_class = _Server6 if ":" in self.host else _Server
        server = server_class((self.host, self._requested_port), self)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="onenet-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the listening socket and open connections. Storage is kept."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        # shutdown() waits for serve_forever's select() to time out; a connection wakes it at once.
        stopper = threading.Thread(target=server.shutdown, name="onenet-sandbox-stop", daemon=True)
        stopper.start()
        while stopper.is_alive():
            server.wake()
            stopper.join(0.01)
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port being served; RuntimeError before :meth:`start`."""
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """``http://HOST:PORT``, the endpoint to configure in a client."""
        host = self.host or "127.0.0.1"
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    # -- devices and storage ------------------------------------------

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
        return self._store(device_id, Readings.from_pairs([(stream_id, point)]))[0][1]

    def delete(self, device_id: str, stream_id: str, at: datetime) -> bool:
        """Remove the point of that stream at ``at`` (ms precision); False if there was none."""
        key = _ms(at)
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

    def _store(self, device_id: str, readings: Readings) -> list[tuple[str, Datapoint]]:
        """Store all of ``readings`` or nothing; FormatError if a point is unstorable."""
        needs_stamp = any(point.at is None for _, point in readings.pairs())
        with self._lock:
            stamp_ms = max(_ms(self.clock()), self._last_stamp_ms + 1) if needs_stamp else None
            stamp = _from_ms(stamp_ms) if stamp_ms is not None else None
            stored = [(stream_id, _normalized(point, stamp)) for stream_id, point in readings.pairs()]
            if stamp_ms is not None:
                self._last_stamp_ms = stamp_ms
            device = self._data.setdefault(device_id, {})
            for stream_id, point in stored:
                assert point.at is not None
                device.setdefault(stream_id, {})[_ms(point.at)] = point
            return stored

    def _read(self, device_id: str, query: _ReadQuery) -> tuple[list[tuple[str, list[Datapoint]]], str | None]:
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

    # -- used by the request handler ------------------------------------

    def _count_upload(self) -> int:
        with self._lock:
            self._uploads += 1
            return self._uploads

    def _key_matches(self, device_id: str, given: str | None) -> bool:
        with self._lock:
            expected = self._devices.get(device_id)
        if expected is None or given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)

    def _emit(self, line: str) -> None:
        log = self.log
        if log is not None:
            with contextlib.suppress(Exception):  # a broken logger must not break the server
                log(line)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # the default 5 drops connections of a burst of parallel uploads
    # On Windows SO_REUSEADDR lets a second server bind a port in use; refuse that instead.
    allow_reuse_address = not sys.platform.startswith("win")

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), which can
        # take seconds on machines without DNS; the name is never used here.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def process_request(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if isinstance(request, socket.socket):
            with self._connections_lock:
                self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket | tuple[bytes, socket.socket]) -> None:
        if isinstance(request, socket.socket):
            _lingering_close(request)
            with self._connections_lock:
                self._connections.discard(request)
        self.close_request(request)

    def wake(self) -> None:
        """Connect to the listening socket so a waiting serve_forever loop looks at its flags."""
        host, port = str(self.server_address[0]), int(self.server_address[1])
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.2):
            pass

    def close_connections(self) -> None:
        """Wake every handler thread blocked on a connection so it ends."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        exc = sys.exc_info()[1]
        self.sandbox._emit(f"internal error: {type(exc).__name__}: {exc}")


class _Server6(_Server):
    address_family = socket.AF_INET6


def _lingering_close(connection: socket.socket) -> None:
    """Half-close, then read what the client still sends (e.g. firmware's trailing CRLFs).

    Closing a socket with unread input makes the kernel send RST, which can
    destroy the response before the client reads it.
    """
    try:
        connection.shutdown(socket.SHUT_WR)
        connection.settimeout(0.5)
        for _ in range(16):
            if not connection.recv(65536):
                break
    except OSError:
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The status line and headers go out in one write, the body in a second: with Nagle's
    # algorithm on, the body waits for the client's delayed ACK (~40 ms per answer on Linux).
    disable_nagle_algorithm = True
    server_version = "OneNET-Sandbox/1.0"
    sys_version = ""
    timeout = CONNECTION_TIMEOUT

    # -- plumbing --------------------------------------------------------

    @property
    def sandbox(self) -> Sandbox:
        return cast(_Server, self.server).sandbox

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:
        """Silence http.server's own stderr lines; one line per request is logged instead."""

    def parse_request(self) -> bool:
        # Firmware appends CRLFs after a body; RFC 9112 2.2 says a server
        # SHOULD ignore empty lines before a request line.
        line: bytes = getattr(self, "raw_requestline", b"")  # typeshed leaves it untyped
        for _ in range(8):
            if line not in (b"\r\n", b"\n"):
                break
            line = self.rfile.readline(65537)
        self.raw_requestline = line
        if not line or line in (b"\r\n", b"\n"):
            self.close_connection = True
            return False
        if len(line) > 65536:
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return False
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # answer with a status line all the same
            self.request_version = "HTTP/1.0"
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol errors as errno JSON; unknown methods (501) become 404 like unknown paths."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            # Garbage parses as HTTP/0.9, whose answers carry no status line; nobody speaks 0.9.
            self.request_version = "HTTP/1.0"
        command = getattr(self, "command", None)
        status: int
        if code == HTTPStatus.NOT_IMPLEMENTED and command:
            status, errno, error = HTTPStatus.NOT_FOUND, ERRNO_NOT_FOUND, f"no such API: {command} {self._path()}"
        elif code >= 500:
            status, errno, error = code, ERRNO_INTERNAL, message or "internal error"
        else:
            status, errno, error = code, ERRNO_BAD_PARAMETER, message or "bad request"
        with contextlib.suppress(OSError):
            self._send(status, _json_bytes({"errno": errno, "error": error}), "application/json")
        self._log_line(status, errno, error=error)

    def _path(self) -> str:
        """The request target for the log, any `*key*=` query value masked, at most 200 characters."""
        path = _SECRET_PARAM.sub(r"\1***", getattr(self, "path", "") or "")
        return path if len(path) <= 200 else path[:200] + "…"

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        self._send(status, _json_bytes(payload), "application/json")

    def _log_line(
        self,
        status: int,
        errno: int | None,
        *,
        device: str | None = None,
        body_type: str | None = None,
        stored: int | None = None,
        returned: int | None = None,
        error: str | None = None,
    ) -> None:
        parts = [f"{getattr(self, 'command', None) or '-'} {self._path()}"]
        if device is not None:
            parts.append(f"device={device}")
        if body_type is not None:
            parts.append(f"type={body_type}")
        parts.append(f"-> HTTP {int(status)}")
        if errno is not None:
            parts.append(f"errno={errno}")
        if stored is not None:
            parts.append(f"stored={stored}")
        if returned is not None:
            parts.append(f"returned={returned}")
        if error is not None and errno != ERRNO_OK:
            parts.append(f"error={error[:160]!r}")
        self.sandbox._emit(" ".join(parts))

    def _guarded(self, handler: Callable[[], None]) -> None:
        try:
            handler()
        except OSError:
            # The client went away (timeout, reset, broken pipe): nothing to answer.
            self.close_connection = True
        except Exception as exc:
            self.close_connection = True
            error = f"internal error: {type(exc).__name__}: {exc}"
            self._log_line(HTTPStatus.INTERNAL_SERVER_ERROR, ERRNO_INTERNAL, error=error)
            with contextlib.suppress(OSError):
                self._send_json(HTTPStatus.INTERNAL_SERVER_ERROR, {"errno": ERRNO_INTERNAL, "error": "internal error"})

    def _read_body(self) -> bytes:
        """Exactly Content-Length bytes of body; _RequestError(errno 6) otherwise.

        On any framing problem the connection is closed after the answer,
        since the end of the body cannot be known.
        """
        if self.headers.get("Transfer-Encoding") is not None:
            self.close_connection = True
            raise _RequestError(ERRNO_BAD_LENGTH, "chunked bodies are not supported; send Content-Length")
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self.close_connection = True
            raise _RequestError(ERRNO_BAD_LENGTH, "Content-Length required")
        texts = {text.strip() for text in lengths}
        text = texts.pop()
        if texts or not _is_whole(text):
            self.close_connection = True
            raise _RequestError(ERRNO_BAD_LENGTH, f"invalid Content-Length {', '.join(lengths)!r}")
        length = int(text)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            raise _RequestError(ERRNO_BAD_LENGTH, f"body of {length} bytes is larger than {MAX_BODY_BYTES}")
        data = self.rfile.read(length)
        if len(data) < length:
            self.close_connection = True
            raise _RequestError(ERRNO_BAD_LENGTH, f"body ended after {len(data)} of {length} bytes")
        return data

    def _discard_body(self) -> None:
        """Consume a body this request does not use, or close the connection after it."""
        if self.headers.get("Transfer-Encoding") is not None:
            self.close_connection = True
            return
        text = (self.headers.get("Content-Length") or "0").strip()
        if _is_whole(text) and int(text) <= MAX_BODY_BYTES:
            if int(text) and len(self.rfile.read(int(text))) < int(text):
                self.close_connection = True
        else:
            self.close_connection = True

    def _device(self) -> str | None:
        match = _DATAPOINTS_PATH.fullmatch(urlsplit(self.path).path)
        return unquote(match["device"]) if match else None

    def _params(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def _authorized(self, device_id: str) -> bool:
        given = self.headers.get("api-key")  # header names are case-insensitive
        return self.sandbox._key_matches(device_id, given.strip() if given is not None else None)

    def _not_found(self) -> None:
        self._discard_body()
        error = f"no such API: {self.command} {self._path()}"
        self._send_json(HTTPStatus.NOT_FOUND, {"errno": ERRNO_NOT_FOUND, "error": error})
        self._log_line(HTTPStatus.NOT_FOUND, ERRNO_NOT_FOUND, error=error)

    # -- methods -----------------------------------------------------------

    def do_POST(self) -> None:
        self._guarded(self._post)

    def do_GET(self) -> None:
        self._guarded(self._get)

    def _post(self) -> None:
        device_id = self._device()
        if device_id is None:
            self._not_found()
            return
        sandbox = self.sandbox
        number = sandbox._count_upload()
        type_values = self._params().get("type")
        shown_type = ",".join(type_values) if type_values else "1"
        status: int = HTTPStatus.OK
        errno, error, stored = ERRNO_OK, _SUCC, 0
        body: bytes | None = None
        framing: _RequestError | None = None
        try:
            body = self._read_body()
        except _RequestError as exc:
            framing = exc
        fail_every = sandbox.fail_every
        if fail_every > 0 and number % fail_every == 0:
            sandbox._sleep(sandbox.delay)
            text = f"500 Internal Server Error\n(sandbox: upload #{number} fails, fail_every={fail_every})\n"
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, text.encode(), "text/plain; charset=utf-8")
            self._log_line(HTTPStatus.INTERNAL_SERVER_ERROR, None, device=device_id, body_type=shown_type, stored=0)
            return
        if _nth(number, sandbox.throttle_every):
            sandbox._sleep(sandbox.delay)
            text = f"429 Too Many Requests\n(sandbox: upload #{number}, throttle_every={sandbox.throttle_every})\n"
            self._send(
                HTTPStatus.TOO_MANY_REQUESTS,
                text.encode(),
                "text/plain; charset=utf-8",
                {"Retry-After": sandbox.retry_after},
            )
            self._log_line(HTTPStatus.TOO_MANY_REQUESTS, None, device=device_id, body_type=shown_type, stored=0)
            return
        if _nth(number, sandbox.html_every):
            sandbox._sleep(sandbox.delay)
            status = sandbox.html_status
            page = (
                f"<!DOCTYPE html><html><head><title>Sign in</title></head><body>sandbox: upload #{number}</body></html>"
            )
            self._send(status, page.encode(), "text/html; charset=utf-8")
            self._log_line(status, None, device=device_id, body_type=shown_type, stored=0)
            return
        try:
            if not self._authorized(device_id):
                raise _RequestError(ERRNO_AUTH_FAILED, _AUTH_FAILED)
            if framing is not None:
                raise framing
            assert body is not None
            body_type = _body_type(type_values)
            try:
                readings = decode(body, body_type)
                stored = len(sandbox._store(device_id, readings))
            except FormatError as exc:
                raise _RequestError(ERRNO_BAD_BODY, str(exc)) from exc
            except RecursionError as exc:
                raise _RequestError(ERRNO_BAD_BODY, "body is nested too deeply") from exc
        except _RequestError as exc:
            status, errno, error, stored = exc.status, exc.errno, exc.error, 0
        sandbox._sleep(sandbox.delay)
        if _nth(number, sandbox.drop_every):
            answer = _json_bytes({"errno": errno, "error": error})
            self.close_connection = True
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer[: len(answer) // 2])
            self._log_line(status, errno, device=device_id, body_type=shown_type, stored=stored, error="answer cut off")
            return
        self._send_json(status, {"errno": errno, "error": error})
        self._log_line(status, errno, device=device_id, body_type=shown_type, stored=stored, error=error)

    def _get(self) -> None:
        device_id = self._device()
        if device_id is None:
            self._not_found()
            return
        self._discard_body()
        sandbox = self.sandbox
        try:
            if not self._authorized(device_id):
                raise _RequestError(ERRNO_AUTH_FAILED, _AUTH_FAILED)
            try:
                query = _ReadQuery.parse(self._params(), sandbox.clock())
            except ValueError as exc:
                raise _RequestError(ERRNO_BAD_PARAMETER, str(exc)) from exc
        except _RequestError as exc:
            self._send_json(exc.status, {"errno": exc.errno, "error": exc.error})
            self._log_line(exc.status, exc.errno, device=device_id, error=exc.error)
            return
        page, cursor = sandbox._read(device_id, query)
        count = sum(len(points) for _, points in page)
        data: dict[str, Any] = {"count": count}
        if cursor is not None:
            data["cursor"] = cursor
        data["datastreams"] = [
            {"id": stream_id, "datapoints": [{"at": _readback_at(p.at), "value": p.value} for p in points if p.at]}
            for stream_id, points in page
        ]
        self._send_json(HTTPStatus.OK, {"errno": ERRNO_OK, "error": _SUCC, "data": data})
        self._log_line(HTTPStatus.OK, ERRNO_OK, device=device_id, returned=count)

    def do_PUT(self) -> None:
        self._guarded(self._not_found)

    def do_DELETE(self) -> None:
        self._guarded(self._not_found)

    def do_PATCH(self) -> None:
        self._guarded(self._not_found)

    def do_HEAD(self) -> None:
        self._guarded(self._not_found)

    def do_OPTIONS(self) -> None:
        self._guarded(self._not_found)


def _nth(number: int, every: int) -> bool:
    """True when fault injection `every` (0: off) picks upload `number`."""
    return every > 0 and number % every == 0


def _body_type(values: list[str] | None) -> BodyType:
    """The ``type`` URL parameter: absent -> 1 (shared onenet-api.md, "Body formats")."""
    if not values:
        return BodyType.FULL_JSON
    if len(values) > 1:
        raise _RequestError(ERRNO_BAD_PARAMETER, "type is given more than once")
    text = values[0]
    try:
        return BodyType(int(text.strip()))
    except ValueError:
        allowed = ", ".join(str(int(t)) for t in BodyType)
        raise _RequestError(ERRNO_BAD_PARAMETER, f"type must be one of {allowed}, not {text!r}") from None


# -- command line ---------------------------------------------------------------


def _port_number(text: str) -> int:
    if not _is_whole(text) or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number 0..65535")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds >= 0")
    return value


def _count(text: str) -> int:
    if not _is_whole(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``sandbox`` subcommand's options to ``parser``."""
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this computer only)"
    )
    parser.add_argument("--port", type=_port_number, default=0, help="TCP port (default: a free port)")
    parser.add_argument(
        "--device", default=DEFAULT_DEVICE_ID, help=f"device id to accept (default {DEFAULT_DEVICE_ID})"
    )
    parser.add_argument(
        "--api-key", default=DEFAULT_API_KEY, help=f"api-key of that device (default {DEFAULT_API_KEY})"
    )
    parser.add_argument(
        "--delay", type=_seconds, default=0.0, metavar="S", help="seconds to wait before answering each upload"
    )
    parser.add_argument(
        "--fail-every",
        type=_count,
        default=0,
        metavar="N",
        help="answer every Nth upload with HTTP 500 and store nothing (0: never)",
    )


def run(
    args: argparse.Namespace,
    *,
    stop_event: threading.Event | None = None,
    on_ready: Callable[[Sandbox], None] | None = None,
) -> int:
    """Serve in the foreground until Ctrl+C (or ``stop_event``); returns the exit status.

    Prints the URL on stdout and one line per request on stderr.
    ``on_ready`` is called with the running sandbox (for embedding and tests).
    Returns 1 when the address cannot be bound.
    """

    def log(line: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)

    sandbox = Sandbox(
        {args.device: args.api_key},
        host=args.host,
        port=args.port,
        delay=args.delay,
        fail_every=args.fail_every,
        log=log,
    )
    try:
        sandbox.start()
    except OSError as exc:
        print(f"sandbox: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    try:
        print(sandbox.url, flush=True)
        print(
            f"OneNET sandbox at {sandbox.url} (plain HTTP): device {args.device}, "
            + (
                f"api-key {DEFAULT_API_KEY} (the sandbox's default, not a secret)"
                if args.api_key == DEFAULT_API_KEY
                else f"api-key {mask_key(args.api_key)}"
            )
            + "; times are UTC+8. Press Ctrl+C to stop.",
            file=sys.stderr,
            flush=True,
        )
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"warning: listening on {args.host}, reachable from other computers", file=sys.stderr, flush=True)
        if on_ready is not None:
            on_ready(sandbox)
        event = stop_event if stop_event is not None else threading.Event()
        while not event.wait(0.2):  # a timed wait lets Ctrl+C through on Windows too
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``onenet-uploader sandbox [--port N] [--device ID] [--api-key KEY] [--delay S] [--fail-every N]``."""
    parser = argparse.ArgumentParser(
        prog="onenet-uploader sandbox",
        description="Run a local OneNET-compatible server to try uploads without an account.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
