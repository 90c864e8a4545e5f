"""HTTP/1.1 framing for the sandbox's connections, on h11: a request's head read and mended, its body's limits and
framing errors, the answer's shape, and the texts the inspector shows about them. No Qt, no sockets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import h11

from gui.sandbox.capture import Finding, Severity
from gui.sandbox.platform import ERRNO_BAD_LENGTH, ERRNO_BAD_PARAMETER, mask_key
from gui.text import Counted, Message

#: The sandbox's own cap on one request body. The platform documents no
#: limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md,
#: "Limits"); this only keeps a runaway client from filling memory.
MAX_BODY_BYTES = 8 * 1024 * 1024
#: The cap on a request line and its headers together (HTTP 431 beyond).
MAX_HEADER_BYTES = 16 * 1024

SERVER = "OneNET-Sandbox/1.0"
_NO_VERSION = re.compile(rb"([!-~]+) ([!-~]+)")
_CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TRANSFER_ENCODING = re.compile(rb"^transfer-encoding[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_SECRET_PARAM = re.compile(r"((?:^|[?&;])[^=&;]*key[^=&;]*=)[^&;]*", re.IGNORECASE)
_HOST = re.compile(rb"^host[ \t]*:", re.IGNORECASE | re.MULTILINE)
_CRLF = b"\r\n"


def json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class RequestError(Exception):
    """An errno answer decided while handling a request."""

    def __init__(self, errno: int, error: str, status: int = HTTPStatus.OK, finding: Finding | None = None) -> None:
        super().__init__(error)
        self.errno = errno
        self.error = error
        self.status = status
        self.finding = finding


@dataclass
class Answer:
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
    def of(cls, status: int, errno: int, error: str, **kwargs: Any) -> Answer:
        return cls(status, json_bytes({"errno": errno, "error": error}), errno=errno, error=error, **kwargs)


@dataclass
class Request:
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


def end_of_head(data: bytearray) -> int | None:
    """The index just past the blank line ending a request head (CRLFCRLF or bare LFLF), or None."""
    ends = [i + n for i, n in ((data.find(b"\r\n\r\n"), 4), (data.find(b"\n\n"), 2)) if i >= 0]
    return min(ends) if ends else None


def for_h11(head: bytes) -> tuple[bytes, list[Finding]]:
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


def header_lines(head: bytes) -> list[tuple[str, str]]:
    """The header lines of a head as received (name case kept, value stripped)."""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")[1:]
    pairs = []
    for line in lines:
        if not line.strip():
            continue
        name, _, value = line.partition(b":")
        pairs.append((name.decode("latin-1").strip(), value.decode("latin-1").strip()))
    return pairs


def masked_headers(headers: list[tuple[str, str]], *, whole: bool = False) -> list[tuple[str, str]]:
    secret = {b"api-key", b"token", b"authorization"}
    return [
        (name, mask_key(value, whole=whole) if name.lower().encode("latin-1") in secret else value)
        for name, value in headers
    ]


def h11_headers(headers: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in headers:
        found.setdefault(name.decode("latin-1"), []).append(value.decode("latin-1"))
    return found


def shown_target(target: str) -> str:
    """The request target for the log, any `*key*=` query value masked, at most 200 characters."""
    shown = _SECRET_PARAM.sub(r"\1***", target)
    return shown if len(shown) <= 200 else shown[:200] + "…"


def framing_error(request: Request, length: int | None, chunked: bool) -> RequestError:
    got = len(request.body)
    if chunked:
        error = f"chunked body ended after {got} bytes without its last (zero) chunk"
        fix = "end a chunked body with 0\\r\\n\\r\\n"
    else:
        error = f"body ended after {got} of {length} bytes"
        fix = "make Content-Length the body's length in bytes as sent (UTF-8 encoded, without trailing CRLF)"
    text = f"Content-Length {length} but {got} bytes came" if not chunked else error
    return RequestError(ERRNO_BAD_LENGTH, error, finding=Finding(Severity.ERROR, text, fix))


def protocol_answer(exc: h11.RemoteProtocolError, raw: bytes) -> tuple[int, int, str, str]:
    """Status, errno, error and fix for bytes h11 refused."""
    message = str(exc)
    head = raw[: end_of_head(bytearray(raw)) or len(raw)]
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


def leftover_text(length: str | None, extra: int, unread: bool) -> Message:
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
