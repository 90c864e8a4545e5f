"""The sandbox's HTTP connections: requests parsed by h11, answered, captured whole.

One thread per connection (:class:`_Server`, at most ``Sandbox.max_connections``
at once; more are answered HTTP 503 errno 8 and closed), requests one after
another on it (keep-alive, pipelining). What is accepted and answered is
described in :mod:`gui.sandbox.server`; every request lands in the sandbox's
:class:`~gui.sandbox.capture.Capture` before its answer is written. No Qt.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import socketserver
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

import h11

from gui.onenet.formats import BodyType, FormatError, decode, upload_at_problem
from gui.sandbox import things
from gui.sandbox.capture import (
    Exchange,
    Finding,
    Severity,
    body_findings,
    fix_for_format_error,
    mask_head,
    mask_target,
)
from gui.sandbox.capture import finding as capture_finding
from gui.sandbox.platform import (
    ERRNO_AUTH_FAILED,
    ERRNO_BAD_BODY,
    ERRNO_BAD_LENGTH,
    ERRNO_BAD_PARAMETER,
    ERRNO_INTERNAL,
    ERRNO_NOT_FOUND,
    ERRNO_OK,
    ReadQuery,
    mask_key,
    readback_at,
)
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

if TYPE_CHECKING:
    from gui.sandbox.server import Sandbox

__all__ = ["CONNECTION_TIMEOUT", "ERRNO_BUSY", "MAX_BODY_BYTES", "MAX_CONNECTIONS", "MAX_HEADER_BYTES"]

#: The sandbox's own cap on one request body. The platform documents no
#: limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md,
#: "Limits"); this only keeps a runaway client from filling memory.
MAX_BODY_BYTES = 8 * 1024 * 1024
#: The cap on a request line and its headers together (HTTP 431 beyond).
MAX_HEADER_BYTES = 16 * 1024
#: Connections served at once by default; more are answered HTTP 503 errno 8 and closed.
MAX_CONNECTIONS = 64
#: Seconds a connection may stay idle, or take to send its body, before it is closed.
CONNECTION_TIMEOUT = 10.0

ERRNO_BUSY = 8

_SUCC = "succ"
_AUTH_FAILED = "auth failed"
_SERVER = "OneNET-Sandbox/1.0"
_DATAPOINTS_PATH = re.compile(r"/devices/(?P<device>[^/]+)/datapoints/?")
_NO_VERSION = re.compile(rb"([!-~]+) ([!-~]+)")
_CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TRANSFER_ENCODING = re.compile(rb"^transfer-encoding[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_SECRET_PARAM = re.compile(r"((?:^|[?&;])[^=&;]*key[^=&;]*=)[^&;]*", re.IGNORECASE)
_HOST = re.compile(rb"^host[ \t]*:", re.IGNORECASE | re.MULTILINE)
_CRLF = b"\r\n"


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class _RequestError(Exception):
    """An errno answer decided while handling a request."""

    def __init__(self, errno: int, error: str, status: int = HTTPStatus.OK, finding: Finding | None = None) -> None:
        super().__init__(error)
        self.errno = errno
        self.error = error
        self.status = status
        self.finding = finding


class _Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # the default 5 drops connections of a burst of parallel uploads
    # On Windows SO_REUSEADDR lets a second server bind a port in use; refuse that instead.
    allow_reuse_address = not sys.platform.startswith("win")

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Connection)

    def process_request(self, request: Any, client_address: Any) -> None:
        if isinstance(request, socket.socket):
            with self._connections_lock:
                busy = len(self._connections) >= self.sandbox.max_connections
                if not busy:
                    self._connections.add(request)
            if busy:
                refusal = threading.Thread(
                    target=self._refuse, args=(request, client_address), name="onenet-sandbox-busy", daemon=True
                )
                refusal.start()
                return
        super().process_request(request, client_address)

    def _refuse(self, request: socket.socket, client_address: Any) -> None:
        """Answer HTTP 503 errno 8 without reading the request, and close: too many connections."""
        sandbox = self.sandbox
        started = time.perf_counter()
        error = f"too many connections (more than {sandbox.max_connections} at once); try again"
        body = _json_bytes({"errno": ERRNO_BUSY, "error": error})
        answer = (
            f"HTTP/1.1 503 Service Unavailable\r\nServer: {_SERVER}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        ).encode() + body
        finding = capture_finding(
            Severity.ERROR,
            error,
            _m(
                "fix-connections", QT_TRANSLATE_NOOP("sandbox", "close each connection when done, or use fewer at once")
            ),
        )
        sandbox.capture.add(
            _exchange_stub(
                sandbox,
                client_address,
                started,
                status=503,
                errno=ERRNO_BUSY,
                error=error,
                answer=answer,
                finding=finding,
            )
        )
        sandbox._emit(f"- (connection from {_client(client_address)}) -> HTTP 503 errno={ERRNO_BUSY}")
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(answer)
        _lingering_close(request)
        request.close()

    def shutdown_request(self, request: Any) -> None:
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

    def handle_error(self, request: Any, client_address: Any) -> None:
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


def _client(address: Any) -> str:
    if isinstance(address, tuple) and len(address) >= 2:
        host = str(address[0])
        return f"[{host}]:{address[1]}" if ":" in host else f"{host}:{address[1]}"
    return str(address)


def _exchange_stub(
    sandbox: Sandbox,
    client_address: Any,
    started: float,
    *,
    status: int,
    errno: int | None,
    error: str,
    answer: bytes,
    finding: Finding,
    raw: bytes = b"",
    received: datetime | None = None,
) -> Exchange:
    """An exchange for bytes that never became a request (refused, or not HTTP)."""
    elapsed = (time.perf_counter() - started) * 1000
    return Exchange(
        number=sandbox.capture.next_number(),
        client=_client(client_address),
        received=received or datetime.now(UTC),
        receive_ms=0.0,
        answer_ms=elapsed,
        raw=mask_head(raw),
        method="-",
        target="",
        version="",
        headers=(),
        body=b"",
        chunks=0,
        trailers=(),
        device=None,
        body_type=None,
        status=status,
        errno=errno,
        error=error,
        answer=answer,
        stored=0,
        findings=(finding,),
    )


@dataclass
class _Answer:
    """What to send back: status, body, content type and extra headers; ``close`` ends the connection."""

    status: int
    body: bytes
    content_type: str = "application/json"
    headers: list[tuple[str, str]] = field(default_factory=list)
    errno: int | None = None
    error: str = ""
    stored: int = 0
    returned: int | None = None
    close: bool = False
    cut: bool = False  # send half the body, then close (drop_every)

    @classmethod
    def of(cls, status: int, errno: int, error: str, **kwargs: Any) -> _Answer:
        return cls(status, _json_bytes({"errno": errno, "error": error}), errno=errno, error=error, **kwargs)


@dataclass
class _Request:
    """One request as it is being handled: the parsed head, the body, what was found."""

    method: str
    target: str
    version: str
    head: bytes  # as received
    headers: list[tuple[str, str]]
    h11_headers: dict[str, list[str]]
    body: bytearray = field(default_factory=bytearray)
    body_done: bool = False
    chunks: int = 0
    trailers: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    device: str | None = None
    body_type: str | None = None
    key_wrong: bool = False  # an api-key was given and is not the device's: masked whole, not even its tail

    def header(self, name: str) -> str | None:
        values = self.h11_headers.get(name)
        return values[0] if values else None


class _Connection(socketserver.BaseRequestHandler):
    """One TCP connection: requests parsed by h11, one after another (keep-alive, pipelining)."""

    request: socket.socket
    server: _Server

    def setup(self) -> None:
        self.sandbox = self.server.sandbox
        self.client = _client(self.client_address)
        self.pending = bytearray()
        self.eof = False
        self.request.settimeout(CONNECTION_TIMEOUT)
        # The status line and headers go out in one write, the body in a second: with Nagle's
        # algorithm on, the body waits for the client's delayed ACK (~40 ms per answer on Linux).
        with contextlib.suppress(OSError):
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self) -> None:
        with contextlib.suppress(OSError):  # the client went away (reset, broken pipe): nothing to answer
            while not self.sandbox._stopping.is_set() and self._one_request():
                pass

    # -- reading -----------------------------------------------------------------------------

    def _receive(self) -> bool:
        """Read more bytes into ``pending``; False at end of input or on timeout."""
        if self.eof:
            return False
        try:
            data = self.request.recv(65536)
        except TimeoutError:
            return False
        if not data:
            self.eof = True
            return False
        self.pending += data
        return True

    def _skip_empty_lines(self) -> int:
        """Drop CR and LF bytes before a request line (RFC 9112 2.2); how many there were."""
        stripped = bytes(self.pending).lstrip(b"\r\n")
        count = len(self.pending) - len(stripped)
        if count:
            del self.pending[:count]
        return count

    def _one_request(self) -> bool:
        """Read, answer and capture one request; True when the connection stays open for another."""
        stray = self._skip_empty_lines()
        while not self.pending:
            if not self._receive():
                return False
            stray += self._skip_empty_lines()
        started_wall = datetime.now(UTC)
        started = time.perf_counter()
        head_end = _head_end(self.pending)
        while head_end is None and len(self.pending) <= MAX_HEADER_BYTES:
            if not self._receive():
                break
            head_end = _head_end(self.pending)
        if head_end is None or head_end > MAX_HEADER_BYTES:  # too long, cut off, or silent
            conn = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEADER_BYTES)
            conn.receive_data(bytes(self.pending))
            if head_end is None and len(self.pending) <= MAX_HEADER_BYTES:
                conn.receive_data(b"")
            try:
                if head_end is not None:
                    raise h11.RemoteProtocolError("head too long", error_status_hint=431)
                conn.next_event()
                raise h11.RemoteProtocolError("the request ended inside its head", error_status_hint=400)
            except h11.RemoteProtocolError as exc:
                self._protocol_error(conn, exc, bytes(self.pending), started, started_wall)
            return False
        head = bytes(self.pending[:head_end])
        after_head = bytearray(self.pending[head_end:])
        self.pending = bytearray()
        fed_head, findings = _for_h11(head)
        if stray:
            findings.insert(
                0,
                capture_finding(
                    Severity.NOTE,
                    Counted("stray-lines").tr(
                        "%Ln byte(s) of empty lines came before the request line (CRLFs after an earlier body?); "
                        "skipped, as RFC 9112 2.2 allows",
                        "",
                        stray,
                    ),
                ),
            )
        conn = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEADER_BYTES + 1024)
        conn.receive_data(fed_head + bytes(after_head))
        try:
            event = conn.next_event()
            if not isinstance(event, h11.Request):
                raise h11.RemoteProtocolError("no request line", error_status_hint=400)
            if event.http_version not in (b"1.0", b"1.1"):
                version = event.http_version.decode("ascii", "replace")
                raise h11.RemoteProtocolError(f"HTTP/{version} is not spoken here", error_status_hint=505)
        except h11.RemoteProtocolError as exc:
            self._protocol_error(conn, exc, head + bytes(after_head), started, started_wall)
            return False
        request = _Request(
            method=event.method.decode("ascii", "replace"),
            target=event.target.decode("latin-1"),
            version=f"HTTP/{event.http_version.decode('ascii')}",
            head=head,
            headers=_header_lines(head),
            h11_headers=_h11_headers(event.headers),
            findings=findings,
        )
        self.conn, self.after_head = conn, after_head
        try:
            answer = self._answer(request)
        except Exception as exc:  # a sandbox bug: say so, never die
            error = f"internal error: {type(exc).__name__}: {exc}"
            self.sandbox._emit(f"{request.method} {_shown_target(request.target)} -> HTTP 500 errno=1 error={error!r}")
            answer = _Answer.of(HTTPStatus.INTERNAL_SERVER_ERROR, ERRNO_INTERNAL, "internal error", close=True)
        body_done = time.perf_counter()
        leftover = b""
        if request.body_done and conn.their_state is not h11.ERROR:
            leftover = bytes(conn.trailing_data[0])
            consumed = len(after_head) - len(leftover)
            raw = head + bytes(after_head[:consumed])
        else:
            raw = head + bytes(after_head)
        extra = len(leftover) - len(leftover.lstrip(b"\r\n"))
        if extra:
            request.findings.append(
                capture_finding(
                    Severity.NOTE,
                    Counted("crlf-after-body").tr(
                        "%Ln byte(s) of CR/LF came after the body; ignored, as the platform does", "", extra
                    ),
                )
            )
            leftover = leftover[extra:]
        if leftover and (answer.close or conn.their_state is h11.MUST_CLOSE or answer.errno == ERRNO_BAD_BODY):
            length = request.header("content-length")
            request.findings.append(
                capture_finding(
                    Severity.WARNING,
                    _leftover_text(length, len(leftover), answer.close or conn.their_state is h11.MUST_CLOSE),
                    _m(
                        "fix-content-length",
                        QT_TRANSLATE_NOOP(
                            "sandbox", "make Content-Length the body's length in bytes as sent (UTF-8 encoded)"
                        ),
                    ),
                )
            )
        try:
            sent = self._answer_bytes(conn, answer, head_only=request.method == "HEAD")
        except h11.LocalProtocolError:
            sent, answer.close = b"", True
        keep = not answer.close and conn.our_state is h11.DONE and conn.their_state is h11.DONE
        self.pending = bytearray(leftover) if keep else bytearray()
        finished = time.perf_counter()
        self.sandbox.capture.add(
            Exchange(
                number=self.sandbox.capture.next_number(),
                client=self.client,
                received=started_wall,
                receive_ms=(body_done - started) * 1000,
                answer_ms=(finished - body_done) * 1000,
                raw=mask_head(raw[: len(head)], whole=request.key_wrong) + raw[len(head) :],
                method=request.method,
                target=mask_target(request.target.encode("latin-1"), whole=request.key_wrong).decode("latin-1"),
                version=request.version,
                headers=tuple(_masked_headers(request.headers, whole=request.key_wrong)),
                body=bytes(request.body),
                chunks=request.chunks,
                trailers=tuple(_masked_headers(request.trailers, whole=request.key_wrong)),
                device=request.device,
                body_type=request.body_type,
                status=answer.status if sent else 0,
                errno=answer.errno,
                error=answer.error,
                answer=sent,
                stored=answer.stored,
                findings=tuple(request.findings),
            )
        )
        self._log(request, answer)
        self._write(sent)  # after the capture: whoever reads the answer finds it captured
        return keep

    def _read_body(self, request: _Request) -> bytes:
        """The whole body, de-chunked; _RequestError(errno 6) when it cannot be read whole.

        On any framing problem the connection is closed after the answer,
        since the end of the body cannot be known.
        """
        conn = self.conn
        lengths = request.h11_headers.get("content-length")
        chunked = request.header("transfer-encoding") is not None
        if request.method == "POST" and not lengths and not chunked:
            raise _RequestError(
                ERRNO_BAD_LENGTH,
                "Content-Length required",
                finding=capture_finding(
                    Severity.ERROR,
                    _m(
                        "no-length",
                        QT_TRANSLATE_NOOP(
                            "sandbox",
                            "the request has neither Content-Length nor a chunked body, so its body cannot be read",
                        ),
                    ),
                    _m(
                        "fix-add-length",
                        QT_TRANSLATE_NOOP("sandbox", "add Content-Length: <the body's length in bytes>"),
                    ),
                ),
            )
        length = int(lengths[0]) if lengths else None
        if length is not None and length > MAX_BODY_BYTES:
            raise _RequestError(ERRNO_BAD_LENGTH, f"body of {length} bytes is larger than {MAX_BODY_BYTES}")
        if conn.they_are_waiting_for_100_continue:
            self._write(conn.send(h11.InformationalResponse(status_code=100, headers=[], reason=b"Continue")))
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as exc:
                raise _framing_error(request, length, chunked) from exc
            if isinstance(event, h11.Data):
                request.body += event.data
                request.chunks += 1 if chunked and event.chunk_start else 0
                if len(request.body) > MAX_BODY_BYTES:
                    raise _RequestError(ERRNO_BAD_LENGTH, f"body is larger than {MAX_BODY_BYTES} bytes")
            elif isinstance(event, h11.EndOfMessage):
                request.trailers = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in event.headers.raw_items()]
                request.body_done = True
                break
            elif event is h11.NEED_DATA:
                before = len(self.pending)
                if self._receive():
                    data = bytes(self.pending[before:])
                    del self.pending[before:]
                    self.after_head += data
                    conn.receive_data(data)
                elif self.eof:
                    conn.receive_data(b"")
                else:
                    raise _framing_error(request, length, chunked)
            else:  # h11.PAUSED and the like cannot come before EndOfMessage
                raise _framing_error(request, length, chunked)
        if chunked:
            trailers = ", ".join(name for name, _ in request.trailers)
            request.findings.append(
                capture_finding(
                    Severity.NOTE,
                    _m(
                        "chunked",
                        QT_TRANSLATE_NOOP(
                            "sandbox",
                            "chunked body: {chunks} chunks{trailers}, {size} bytes; the sandbox joins them, the "
                            "platform documents only Content-Length bodies (onenet-api.md, What real devices send)",
                        ),
                        chunks=request.chunks,
                        trailers=f", trailers {trailers}" if trailers else "",
                        size=len(request.body),
                    ),
                    _m(
                        "fix-chunked",
                        QT_TRANSLATE_NOOP("sandbox", "if the platform refuses it, send Content-Length instead"),
                    ),
                )
            )
        return bytes(request.body)

    # -- answering ---------------------------------------------------------------------------

    def _answer(self, request: _Request) -> _Answer:
        path = urlsplit(request.target).path
        if things.is_thing_path(path):
            return self._thing(request)
        match = _DATAPOINTS_PATH.fullmatch(path)
        if match is None or request.method not in ("POST", "GET"):
            return self._not_found(request)
        request.device = unquote(match["device"])
        if request.method == "POST":
            return self._post(request)
        return self._get(request)

    def _thing(self, request: _Request) -> _Answer:
        """A route of the current platform (:mod:`gui.sandbox.things`): the body read here, answered there."""
        try:
            body = self._read_body(request)
        except _RequestError as exc:
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
            return _Answer.of(exc.status, exc.errno, exc.error, close=True)
        answer = things.handle(self.sandbox.things, request.method, request.target, request.h11_headers, body)
        request.device = answer.device
        request.findings.extend(answer.findings)
        return _Answer(
            answer.status,
            _json_bytes(answer.payload),
            errno=answer.errno,
            error=answer.error,
            stored=answer.stored,
            returned=answer.returned,
        )

    def _not_found(self, request: _Request) -> _Answer:
        close = False
        try:
            if request.method != "POST" or request.h11_headers.get("content-length"):
                self._read_body(request)
        except _RequestError:
            close = True
        error = f"no such API: {request.method} {_shown_target(request.target)}"
        request.findings.append(
            capture_finding(
                Severity.ERROR,
                error,
                _m(
                    "fix-api",
                    QT_TRANSLATE_NOOP(
                        "sandbox",
                        "uploads are POST /devices/<device_id>/datapoints[?type=N]; read-back is GET on the same path",
                    ),
                ),
            )
        )
        return _Answer.of(HTTPStatus.NOT_FOUND, ERRNO_NOT_FOUND, error, close=close)

    def _params(self, request: _Request) -> dict[str, list[str]]:
        return parse_qs(urlsplit(request.target).query, keep_blank_values=True)

    def _auth(self, request: _Request, device_id: str) -> None:
        """_RequestError(errno 3) with the reason in words unless the api-key is that device's."""
        given = request.header("api-key")  # header names are case-insensitive
        given = given.strip() if given is not None else None
        if self.sandbox.key_matches(device_id, given):
            return
        request.key_wrong = given is not None
        sandbox = self.sandbox
        if given is None:
            finding = capture_finding(
                Severity.ERROR,
                _m("no-key-header", QT_TRANSLATE_NOOP("sandbox", "no api-key header")),
                _m("fix-key-header", QT_TRANSLATE_NOOP("sandbox", "add the header api-key: <the device's api-key>")),
            )
        elif not sandbox.knows(device_id):
            finding = capture_finding(
                Severity.ERROR,
                _m(
                    "unknown-device",
                    QT_TRANSLATE_NOOP("sandbox", "device {device} is not one the sandbox knows"),
                    device=repr(device_id),
                ),
                _m(
                    "fix-device-path",
                    QT_TRANSLATE_NOOP("sandbox", "check the device id in the path /devices/<device_id>/datapoints"),
                ),
            )
        elif (owner := sandbox.device_of_key(given)) is not None:
            finding = capture_finding(
                Severity.ERROR,
                _m(
                    "key-of-other-device",
                    QT_TRANSLATE_NOOP("sandbox", "the api-key {key} is the key of device {owner}, not of {device}"),
                    key=mask_key(given, whole=True),
                    owner=repr(owner),
                    device=repr(device_id),
                ),
                _m(
                    "fix-own-key",
                    QT_TRANSLATE_NOOP("sandbox", "send device {device}'s own api-key, or post to {path}"),
                    device=repr(device_id),
                    path=f"/devices/{owner}/datapoints",
                ),
            )
        else:
            finding = capture_finding(
                Severity.ERROR,
                _m(
                    "wrong-key",
                    QT_TRANSLATE_NOOP("sandbox", "the api-key {key} is not device {device}'s"),
                    key=mask_key(given, whole=True),
                    device=repr(device_id),
                ),
                _m(
                    "fix-copy-key",
                    QT_TRANSLATE_NOOP("sandbox", "copy the device's api-key again (no spaces, same case)"),
                ),
            )
        raise _RequestError(ERRNO_AUTH_FAILED, _AUTH_FAILED, finding=finding)

    def _post(self, request: _Request) -> _Answer:
        sandbox = self.sandbox
        device_id = request.device
        assert device_id is not None
        number = sandbox.count_upload()
        type_values = self._params(request).get("type")
        request.body_type = ",".join(type_values) if type_values else "1"
        framing: _RequestError | None = None
        body = b""
        try:
            body = self._read_body(request)
        except _RequestError as exc:
            framing = exc
        close = framing is not None
        if _nth(number, sandbox.fail_every):
            sandbox._sleep(sandbox.delay)
            text = f"500 Internal Server Error\n(sandbox: upload #{number} fails, fail_every={sandbox.fail_every})\n"
            request.findings.append(_fault(f"fail_every={sandbox.fail_every}"))
            return _Answer(HTTPStatus.INTERNAL_SERVER_ERROR, text.encode(), "text/plain; charset=utf-8", close=close)
        if _nth(number, sandbox.throttle_every):
            sandbox._sleep(sandbox.delay)
            text = f"429 Too Many Requests\n(sandbox: upload #{number}, throttle_every={sandbox.throttle_every})\n"
            request.findings.append(_fault(f"throttle_every={sandbox.throttle_every}"))
            return _Answer(
                HTTPStatus.TOO_MANY_REQUESTS,
                text.encode(),
                "text/plain; charset=utf-8",
                [("Retry-After", sandbox.retry_after)],
                close=close,
            )
        if _nth(number, sandbox.html_every):
            sandbox._sleep(sandbox.delay)
            page = (
                f"<!DOCTYPE html><html><head><title>Sign in</title></head><body>sandbox: upload #{number}</body></html>"
            )
            request.findings.append(_fault(f"html_every={sandbox.html_every}"))
            return _Answer(sandbox.html_status, page.encode(), "text/html; charset=utf-8", close=close)
        status: int = HTTPStatus.OK
        errno, error, stored = ERRNO_OK, _SUCC, 0
        try:
            self._auth(request, device_id)
            if framing is not None:
                raise framing
            body_type = _body_type(type_values)
            try:
                at_texts: list[str] = []
                readings = decode(body, body_type, at_texts=at_texts)
                for text in at_texts:
                    problem = upload_at_problem(text)
                    if problem is None:
                        continue
                    refused, reason = problem
                    if refused:
                        raise FormatError(reason)
                    request.findings.append(capture_finding(Severity.WARNING, reason, fix_for_format_error(reason)))
                request.findings.extend(body_findings(readings))
                stored = len(sandbox.store(device_id, readings))
            except FormatError as exc:
                raise _RequestError(
                    ERRNO_BAD_BODY,
                    str(exc),
                    finding=capture_finding(
                        Severity.ERROR,
                        _m(
                            "bad-body",
                            QT_TRANSLATE_NOOP("sandbox", "the body is not valid type {type}: {why}"),
                            type=str(int(body_type)),
                            why=getattr(exc, "text", None) or str(exc),
                        ),
                        fix_for_format_error(str(exc)),
                    ),
                ) from exc
            except RecursionError as exc:
                raise _RequestError(ERRNO_BAD_BODY, "body is nested too deeply") from exc
        except _RequestError as exc:
            status, errno, error, stored = exc.status, exc.errno, exc.error, 0
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
        sandbox._sleep(sandbox.delay)
        cut = _nth(number, sandbox.drop_every)
        if cut:
            request.findings.append(_fault(f"drop_every={sandbox.drop_every}"))
        return _Answer.of(status, errno, error, stored=stored, close=close or cut, cut=cut)

    def _get(self, request: _Request) -> _Answer:
        sandbox = self.sandbox
        device_id = request.device
        assert device_id is not None
        try:
            self._read_body(request)
            self._auth(request, device_id)
            try:
                query = ReadQuery.parse(self._params(request), sandbox.clock())
            except ValueError as exc:
                raise _RequestError(
                    ERRNO_BAD_PARAMETER,
                    str(exc),
                    finding=capture_finding(
                        Severity.ERROR,
                        str(exc),
                        _m(
                            "fix-read-back",
                            QT_TRANSLATE_NOOP("sandbox", "see onenet-api.md, Reading back, for the parameters"),
                        ),
                    ),
                ) from exc
        except _RequestError as exc:
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
            return _Answer.of(exc.status, exc.errno, exc.error, close=not request.body_done)
        page, cursor = sandbox.read(device_id, query)
        count = sum(len(points) for _, points in page)
        data: dict[str, Any] = {"count": count}
        if cursor is not None:
            data["cursor"] = cursor
        data["datastreams"] = [
            {"id": stream_id, "datapoints": [{"at": readback_at(p.at), "value": p.value} for p in points if p.at]}
            for stream_id, points in page
        ]
        body = _json_bytes({"errno": ERRNO_OK, "error": _SUCC, "data": data})
        return _Answer(HTTPStatus.OK, body, errno=ERRNO_OK, error=_SUCC, returned=count)

    def _protocol_error(
        self, conn: h11.Connection, exc: h11.RemoteProtocolError, raw: bytes, started: float, started_wall: datetime
    ) -> None:
        """Answer bytes h11 cannot take as a request (errno JSON), capture them and close."""
        status, errno, error, fix = _protocol_answer(exc, raw)
        answer = _Answer.of(status, errno, error, close=True)
        sent = b""
        with contextlib.suppress(h11.LocalProtocolError):
            sent = self._answer_bytes(conn, answer, head_only=False)
        exchange = _exchange_stub(
            self.sandbox,
            self.client_address,
            started,
            status=status if sent else 0,
            errno=errno,
            error=error,
            answer=sent,
            finding=Finding(Severity.ERROR, error, fix),
            raw=raw,
            received=started_wall,
        )
        self.sandbox.capture.add(exchange)
        self.sandbox._emit(f"- {self.client} -> HTTP {status} errno={errno} error={error[:160]!r}")
        self._write(sent)

    def _answer_bytes(self, conn: h11.Connection, answer: _Answer, *, head_only: bool) -> bytes:
        """The answer's bytes as h11 frames them (a cut-off answer: its first half); nothing is written yet."""
        headers = [
            ("Server", _SERVER),
            ("Date", formatdate(usegmt=True)),
            ("Content-Type", answer.content_type),
            *answer.headers,
            ("Content-Length", str(len(answer.body))),
        ]
        if answer.close:
            headers.append(("Connection", "close"))
        phrase = HTTPStatus(answer.status).phrase if answer.status in HTTPStatus._value2member_map_ else ""
        sent = conn.send(h11.Response(status_code=answer.status, headers=headers, reason=phrase.encode()))
        assert sent is not None
        if answer.cut:
            sent += conn.send(h11.Data(data=answer.body[: len(answer.body) // 2])) or b""
        else:
            if not head_only and answer.body:
                sent += conn.send(h11.Data(data=answer.body)) or b""
            sent += conn.send(h11.EndOfMessage()) or b""
        return sent

    def _write(self, data: bytes | None) -> None:
        if data:
            self.request.sendall(data)

    def _log(self, request: _Request, answer: _Answer) -> None:
        parts = [f"{request.method} {_shown_target(request.target)}"]
        if request.device is not None:
            parts.append(f"device={request.device}")
        if request.body_type is not None:
            parts.append(f"type={request.body_type}")
        parts.append(f"-> HTTP {int(answer.status)}")
        if answer.errno is not None:
            parts.append(f"errno={answer.errno}")
        if request.method == "POST" and request.device is not None:
            parts.append(f"stored={answer.stored}")
        if answer.returned is not None:
            parts.append(f"returned={answer.returned}")
        if answer.cut:
            parts.append("error='answer cut off'")
        elif answer.errno not in (None, ERRNO_OK):
            parts.append(f"error={answer.error[:160]!r}")
        self.sandbox._emit(" ".join(parts))


def _head_end(data: bytearray) -> int | None:
    """The index just past the blank line ending a request head (CRLFCRLF or bare LFLF), or None."""
    ends = [i + n for i, n in ((data.find(b"\r\n\r\n"), 4), (data.find(b"\n\n"), 2)) if i >= 0]
    return min(ends) if ends else None


def _for_h11(head: bytes) -> tuple[bytes, list[Finding]]:
    """The head as h11 will take it, and what was mended: a missing version (HTTP/0.9 style), a missing Host."""
    findings: list[Finding] = []
    line, _, rest = head.partition(b"\n")
    line = line.removesuffix(b"\r")
    if _NO_VERSION.fullmatch(line):
        line += b" HTTP/1.0"
        findings.append(
            Finding(
                Severity.WARNING,
                "the request line has no HTTP version; read as HTTP/1.0",
                "end the request line with HTTP/1.1",
            )
        )
    elif line.endswith(b"HTTP/1.1") and not _HOST.search(rest):
        rest = b"Host: onenet-sandbox\r\n" + rest
        findings.append(
            Finding(
                Severity.WARNING,
                "HTTP/1.1 requires a Host header and there is none",
                "add Host: api.heclouds.com (the platform's host name)",
            )
        )
    return line + _CRLF + rest, findings


def _header_lines(head: bytes) -> list[tuple[str, str]]:
    """The header lines of a head as received (name case kept, value stripped)."""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")[1:]
    pairs = []
    for line in lines:
        if not line.strip():
            continue
        name, _, value = line.partition(b":")
        pairs.append((name.decode("latin-1").strip(), value.decode("latin-1").strip()))
    return pairs


def _masked_headers(headers: list[tuple[str, str]], *, whole: bool = False) -> list[tuple[str, str]]:
    secret = {b"api-key", b"token", b"authorization"}
    return [
        (name, mask_key(value, whole=whole) if name.lower().encode("latin-1") in secret else value)
        for name, value in headers
    ]


def _h11_headers(headers: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in headers:
        found.setdefault(name.decode("latin-1"), []).append(value.decode("latin-1"))
    return found


def _shown_target(target: str) -> str:
    """The request target for the log, any `*key*=` query value masked, at most 200 characters."""
    shown = _SECRET_PARAM.sub(r"\1***", target)
    return shown if len(shown) <= 200 else shown[:200] + "…"


def _framing_error(request: _Request, length: int | None, chunked: bool) -> _RequestError:
    got = len(request.body)
    if chunked:
        error = f"chunked body ended after {got} bytes without its last (zero) chunk"
        fix = "end a chunked body with 0\\r\\n\\r\\n"
    else:
        error = f"body ended after {got} of {length} bytes"
        fix = "make Content-Length the body's length in bytes as sent (UTF-8 encoded, without trailing CRLF)"
    text = f"Content-Length {length} but {got} bytes came" if not chunked else error
    return _RequestError(ERRNO_BAD_LENGTH, error, finding=Finding(Severity.ERROR, text, fix))


def _protocol_answer(exc: h11.RemoteProtocolError, raw: bytes) -> tuple[int, int, str, str]:
    """Status, errno, error and fix for bytes h11 refused."""
    message = str(exc)
    head = raw[: _head_end(bytearray(raw)) or len(raw)]
    if "Content-Length" in message or "content-length" in message.lower():
        values = ", ".join(v.decode("latin-1").strip() for v in _CONTENT_LENGTH.findall(head.replace(b"\r", b"")))
        return (
            HTTPStatus.OK,
            ERRNO_BAD_LENGTH,
            f"invalid Content-Length {values!r}",
            "Content-Length is the body's length in bytes: digits only, once",
        )
    if "Transfer-Encoding" in message or "transfer-encoding" in message.lower():
        values = ", ".join(v.decode("latin-1") for v in _TRANSFER_ENCODING.findall(head))
        return (
            HTTPStatus.OK,
            ERRNO_BAD_LENGTH,
            f"Transfer-Encoding {values!r} is not supported; send chunked or Content-Length",
            "send Content-Length: <bytes>, or Transfer-Encoding: chunked alone",
        )
    if exc.error_status_hint == HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE:
        return (
            HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            ERRNO_BAD_PARAMETER,
            f"request line and headers longer than {MAX_HEADER_BYTES} bytes",
            "shorten the URL and headers",
        )
    status = exc.error_status_hint if 400 <= exc.error_status_hint < 600 else HTTPStatus.BAD_REQUEST
    return (
        status,
        ERRNO_BAD_PARAMETER,
        f"not an HTTP request: {message}",
        "start with a request line like POST /devices/<id>/datapoints HTTP/1.1, then headers, then a blank line",
    )


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
        raise _RequestError(
            ERRNO_BAD_PARAMETER,
            f"type must be one of {allowed}, not {text!r}",
            finding=Finding(
                Severity.ERROR, f"type {text!r} is not a body type", f"use ?type= one of {allowed} (or none for 1)"
            ),
        ) from None


def _m(code: str, source: str, **args: object) -> Message:
    """A text of the sandbox (the catalogues' context "sandbox")."""
    return Message(code, "sandbox", source, args)


def _fault(which: str) -> Finding:
    """The note on an answer the sandbox's fault injection made (`which`: `fail_every=3`)."""
    return capture_finding(
        Severity.NOTE, _m("fault", QT_TRANSLATE_NOOP("sandbox", "fault injected: {which}"), which=which)
    )


def _leftover_text(length: str | None, extra: int, unread: bool) -> Message:
    """Bytes after the body: `Content-Length N but M more bytes came…`, unread or read as a next request."""
    if unread and length:
        text = Counted("leftover").tr(
            "Content-Length {length} but %Ln more byte(s) came right after the body; they were not read", "", extra
        )
    elif unread:
        text = Counted("leftover").tr("%Ln more byte(s) came right after the body; they were not read", "", extra)
    elif length:
        text = Counted("leftover").tr(
            "Content-Length {length} but %Ln more byte(s) came right after the body; read as a next request", "", extra
        )
    else:
        text = Counted("leftover").tr("%Ln more byte(s) came right after the body; read as a next request", "", extra)
    return text.with_args(length=length) if length else text
