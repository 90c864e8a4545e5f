"""The sandbox's HTTP layer: :class:`Sandbox`, a local OneNET-compatible server.

It answers the legacy OneNET "datapoints" API the way shared onenet-api.md
describes the platform, so the product, its tests and a user's own firmware
can be tried without an account or network. Standard library only; no Qt.

Endpoints (shared onenet-api.md, "Request" and "Reading back"):

- ``POST /devices/{device_id}/datapoints[?type=1|3|4|5]`` -- store datapoints.
  The body is decoded by :func:`gui.onenet.formats.decode` (missing ``type``
  means 1). A request is all or nothing: any error stores nothing.
- ``GET /devices/{device_id}/datapoints`` -- read them back with
  ``datastream_id``, ``start``, ``end``, ``duration``, ``limit``, ``cursor``,
  ``sort``; see :class:`~gui.sandbox.platform.Platform` for the exact semantics.
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

The api-key is never logged: log lines and error texts show it masked
(:func:`~gui.sandbox.platform.mask_key`; shared onenet-api.md, "Terms").
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import socketserver
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from gui.onenet.formats import BodyType, FormatError, decode
from gui.sandbox.platform import (
    ERRNO_AUTH_FAILED,
    ERRNO_BAD_BODY,
    ERRNO_BAD_LENGTH,
    ERRNO_BAD_PARAMETER,
    ERRNO_INTERNAL,
    ERRNO_NOT_FOUND,
    ERRNO_OK,
    Platform,
    ReadQuery,
    is_whole,
    readback_at,
)

__all__ = ["CONNECTION_TIMEOUT", "MAX_BODY_BYTES", "Sandbox"]


#: The sandbox's own cap on one request body. The platform documents no
#: limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md,
#: "Limits"); this only keeps a runaway client from filling memory.
MAX_BODY_BYTES = 8 * 1024 * 1024

#: Seconds a connection may stay idle, or take to send its body, before it is closed.
CONNECTION_TIMEOUT = 10.0

_SUCC = "succ"
_AUTH_FAILED = "auth failed"
_DATAPOINTS_PATH = re.compile(r"/devices/(?P<device>[^/]+)/datapoints/?")
_SECRET_PARAM = re.compile(r"((?:^|[?&;])[^=&;]*key[^=&;]*=)[^&;]*", re.IGNORECASE)


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class _RequestError(Exception):
    """An errno answer decided while handling a request."""

    def __init__(self, errno: int, error: str, status: int = HTTPStatus.OK) -> None:
        super().__init__(error)
        self.errno = errno
        self.error = error
        self.status = status


class Sandbox(Platform):
    """A local OneNET-compatible HTTP server in front of a :class:`~gui.sandbox.platform.Platform`.

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
        super().__init__(devices)
        self.host = host
        self.delay = delay
        self.fail_every = fail_every
        self.throttle_every = 0
        self.retry_after = "1"
        self.html_every = 0
        self.html_status = 200
        self.drop_every = 0
        self.log = log
        self._requested_port = port
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
        if texts or not is_whole(text):
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
        if is_whole(text) and int(text) <= MAX_BODY_BYTES:
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
        return self.sandbox.key_matches(device_id, given.strip() if given is not None else None)

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
        number = sandbox.count_upload()
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
                stored = len(sandbox.store(device_id, readings))
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
                query = ReadQuery.parse(self._params(), sandbox.clock())
            except ValueError as exc:
                raise _RequestError(ERRNO_BAD_PARAMETER, str(exc)) from exc
        except _RequestError as exc:
            self._send_json(exc.status, {"errno": exc.errno, "error": exc.error})
            self._log_line(exc.status, exc.errno, device=device_id, error=exc.error)
            return
        page, cursor = sandbox.read(device_id, query)
        count = sum(len(points) for _, points in page)
        data: dict[str, Any] = {"count": count}
        if cursor is not None:
            data["cursor"] = cursor
        data["datastreams"] = [
            {"id": stream_id, "datapoints": [{"at": readback_at(p.at), "value": p.value} for p in points if p.at]}
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
