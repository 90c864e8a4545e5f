"""The sandbox's HTTP connections: requests parsed by h11, answered, captured whole.

One thread per connection (:class:`_Server`, at most ``Sandbox.max_connections``
at once; more are answered HTTP 503 errno 8 and closed), requests one after
another on it (keep-alive, pipelining). What is accepted and answered is
described in :mod:`gui.sandbox.server`; every request lands in the sandbox's
:class:`~gui.sandbox.capture.Capture` before its answer is written. Here: the
connections, reading and answering one request after another, and the choice
of route: the current platform's (:mod:`gui.sandbox.things`) or the legacy
platform's (:mod:`gui.sandbox.legacy`); the framing's limits and texts are in
:mod:`gui.sandbox.framing`. No Qt.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import sys
import threading
import time
from datetime import UTC, datetime
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import h11

from gui.sandbox import things
from gui.sandbox.capture import Exchange, Finding, Severity, mask_head, mask_target, sandbox_text
from gui.sandbox.capture import finding as capture_finding
from gui.sandbox.framing import (
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    SERVER,
    Answer,
    Request,
    RequestError,
    end_of_head,
    for_h11,
    framing_error,
    h11_headers,
    header_lines,
    json_bytes,
    leftover_text,
    masked_headers,
    protocol_answer,
    shown_target,
)
from gui.sandbox.legacy import DATAPOINTS_PATH, LegacyRoutes
from gui.sandbox.platform import ERRNO_BAD_BODY, ERRNO_BAD_LENGTH, ERRNO_INTERNAL, ERRNO_OK
from gui.text import QT_TRANSLATE_NOOP, Counted

if TYPE_CHECKING:
    from gui.sandbox.server import Sandbox

__all__ = ["CONNECTION_TIMEOUT", "ERRNO_BUSY", "MAX_BODY_BYTES", "MAX_CONNECTIONS", "MAX_HEADER_BYTES"]

#: Connections served at once by default; more are answered HTTP 503 errno 8 and closed.
MAX_CONNECTIONS = 64
#: Seconds a connection may stay idle, or take to send its body, before it is closed.
CONNECTION_TIMEOUT = 10.0

ERRNO_BUSY = 8


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
        body = json_bytes({"errno": ERRNO_BUSY, "error": error})
        answer = (
            f"HTTP/1.1 503 Service Unavailable\r\nServer: {SERVER}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        ).encode() + body
        finding = capture_finding(
            Severity.ERROR,
            error,
            sandbox_text(
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


class _Connection(socketserver.BaseRequestHandler):
    """One TCP connection: requests parsed by h11, one after another (keep-alive, pipelining)."""

    request: socket.socket
    server: _Server

    def setup(self) -> None:
        self.sandbox = self.server.sandbox
        self.legacy = LegacyRoutes(self.sandbox, self._read_body)
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
        head_end = end_of_head(self.pending)
        while head_end is None and len(self.pending) <= MAX_HEADER_BYTES:
            if not self._receive():
                break
            head_end = end_of_head(self.pending)
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
        fed_head, findings = for_h11(head)
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
        request = Request(
            method=event.method.decode("ascii", "replace"),
            target=event.target.decode("latin-1"),
            version=f"HTTP/{event.http_version.decode('ascii')}",
            head=head,
            headers=header_lines(head),
            h11_headers=h11_headers(event.headers),
            findings=findings,
        )
        self.conn, self.after_head = conn, after_head
        try:
            answer = self._answer(request)
        except Exception as exc:  # a sandbox bug: say so, never die
            error = f"internal error: {type(exc).__name__}: {exc}"
            self.sandbox._emit(f"{request.method} {shown_target(request.target)} -> HTTP 500 errno=1 error={error!r}")
            answer = Answer.of(HTTPStatus.INTERNAL_SERVER_ERROR, ERRNO_INTERNAL, "internal error", close=True)
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
                    leftover_text(length, len(leftover), answer.close or conn.their_state is h11.MUST_CLOSE),
                    sandbox_text(
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
                headers=tuple(masked_headers(request.headers, whole=request.key_wrong)),
                body=bytes(request.body),
                chunks=request.chunks,
                trailers=tuple(masked_headers(request.trailers, whole=request.key_wrong)),
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

    def _read_body(self, request: Request) -> bytes:
        """The whole body, de-chunked; RequestError(errno 6) when it cannot be read whole.

        On any framing problem the connection is closed after the answer,
        since the end of the body cannot be known.
        """
        conn = self.conn
        lengths = request.h11_headers.get("content-length")
        chunked = request.header("transfer-encoding") is not None
        if request.method == "POST" and not lengths and not chunked:
            raise RequestError(
                ERRNO_BAD_LENGTH,
                "Content-Length required",
                finding=capture_finding(
                    Severity.ERROR,
                    sandbox_text(
                        "no-length",
                        QT_TRANSLATE_NOOP(
                            "sandbox",
                            "the request has neither Content-Length nor a chunked body, so its body cannot be read",
                        ),
                    ),
                    sandbox_text(
                        "fix-add-length",
                        QT_TRANSLATE_NOOP("sandbox", "add Content-Length: <the body's length in bytes>"),
                    ),
                ),
            )
        length = int(lengths[0]) if lengths else None
        if length is not None and length > MAX_BODY_BYTES:
            raise RequestError(ERRNO_BAD_LENGTH, f"body of {length} bytes is larger than {MAX_BODY_BYTES}")
        if conn.they_are_waiting_for_100_continue:
            self._write(conn.send(h11.InformationalResponse(status_code=100, headers=[], reason=b"Continue")))
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as exc:
                raise framing_error(request, length, chunked) from exc
            if isinstance(event, h11.Data):
                request.body += event.data
                request.chunks += 1 if chunked and event.chunk_start else 0
                if len(request.body) > MAX_BODY_BYTES:
                    raise RequestError(ERRNO_BAD_LENGTH, f"body is larger than {MAX_BODY_BYTES} bytes")
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
                    raise framing_error(request, length, chunked)
            else:  # h11.PAUSED and the like cannot come before EndOfMessage
                raise framing_error(request, length, chunked)
        if chunked:
            trailers = ", ".join(name for name, _ in request.trailers)
            request.findings.append(
                capture_finding(
                    Severity.NOTE,
                    sandbox_text(
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
                    sandbox_text(
                        "fix-chunked",
                        QT_TRANSLATE_NOOP("sandbox", "if the platform refuses it, send Content-Length instead"),
                    ),
                )
            )
        return bytes(request.body)

    # -- answering ---------------------------------------------------------------------------

    def _answer(self, request: Request) -> Answer:
        path = urlsplit(request.target).path
        if things.is_thing_path(path):
            return self._thing(request)
        match = DATAPOINTS_PATH.fullmatch(path)
        if match is None or request.method not in ("POST", "GET"):
            return self.legacy.not_found(request)
        request.device = unquote(match["device"])
        if request.method == "POST":
            return self.legacy.post(request)
        return self.legacy.get(request)

    def _thing(self, request: Request) -> Answer:
        """A route of the current platform (:mod:`gui.sandbox.things`): the body read here, answered there."""
        try:
            body = self._read_body(request)
        except RequestError as exc:
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
            return Answer.of(exc.status, exc.errno, exc.error, close=True)
        answer = things.handle(self.sandbox.things, request.method, request.target, request.h11_headers, body)
        request.device = answer.device
        request.findings.extend(answer.findings)
        return Answer(
            answer.status,
            json_bytes(answer.payload),
            errno=answer.errno,
            error=answer.error,
            stored=answer.stored,
            returned=answer.returned,
        )

    def _protocol_error(
        self, conn: h11.Connection, exc: h11.RemoteProtocolError, raw: bytes, started: float, started_wall: datetime
    ) -> None:
        """Answer bytes h11 cannot take as a request (errno JSON), capture them and close."""
        status, errno, error, fix = protocol_answer(exc, raw)
        answer = Answer.of(status, errno, error, close=True)
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

    def _answer_bytes(self, conn: h11.Connection, answer: Answer, *, head_only: bool) -> bytes:
        """The answer's bytes as h11 frames them (a cut-off answer: its first half); nothing is written yet."""
        headers = [
            ("Server", SERVER),
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

    def _log(self, request: Request, answer: Answer) -> None:
        parts = [f"{request.method} {shown_target(request.target)}"]
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
