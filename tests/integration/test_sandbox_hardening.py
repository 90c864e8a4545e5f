"""Issue 12, "What to build" 7: the sandbox's log cannot be forged, a malformed number is refused with an errno and a
reason (not HTTP 500), and a request whose client left before its answer is logged. Real sockets over loopback.
(The caps on connections and body size: test_sandbox_firmware's test_too_many_connections_are_refused_with_503
and test_a_body_too_large_is_refused_before_it_is_read.)"""

from __future__ import annotations

import json
import queue
import socket

from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

from ..raw_http import exchange


def logged_sandbox() -> tuple[Sandbox, queue.Queue[str]]:
    lines: queue.Queue[str] = queue.Queue()
    return Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}, log=lines.put), lines


def post(path: str, body: bytes) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: a\r\napi-key: {DEFAULT_API_KEY}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode() + body


def test_a_crlf_in_the_device_id_cannot_forge_a_log_line() -> None:
    sandbox, lines = logged_sandbox()
    with sandbox:
        forged = "GET /devices/1/datapoints -> HTTP 200 errno=0"
        encoded = forged.replace(" ", "%20").replace("/", "%2f")  # one path segment: read as the device id
        path = f"/devices/{DEFAULT_DEVICE_ID}%0d%0a{encoded}%0a%1b[2J/datapoints?type=3"
        exchange(sandbox.port, post(path, b'{"t": 1}'))
        line = lines.get(timeout=5)
    assert "\r" not in line and "\n" not in line and "\x1b" not in line  # main: a second, forged line
    assert "\\r\\n" in line and "\\x1b" in line  # escaped, so the reader sees what came


def test_a_number_of_5000_digits_is_refused_with_an_errno_and_a_reason_not_500() -> None:
    sandbox, _ = logged_sandbox()
    with sandbox:
        body = b'{"temperature": ' + b"9" * 5000 + b"}"
        answer = exchange(sandbox.port, post(f"/devices/{DEFAULT_DEVICE_ID}/datapoints?type=3", body))
        stored = sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert not head.startswith(b"HTTP/1.1 500"), head  # main: HTTP 500
    refusal = json.loads(payload)
    assert refusal["errno"] != 0 and refusal["error"], refusal
    assert stored == []


def test_a_request_whose_client_left_before_the_answer_is_logged_and_captured() -> None:
    sandbox, lines = logged_sandbox()
    with sandbox:
        with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as conn:
            conn.sendall(post(f"/devices/{DEFAULT_DEVICE_ID}/datapoints?type=3", b'{"t": 1}'))
        # closed without reading the answer (a FIN, not a reset: the request itself always arrives whole)
        line = lines.get(timeout=5)  # main: stored but never logged
        assert "stored=1" in line and DEFAULT_DEVICE_ID in line
        assert [e.stored for e in sandbox.capture.exchanges()] == [1]
