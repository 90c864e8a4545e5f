"""Raw HTTP on one loopback connection, for tests that send what a client library would not: a firmware's bytes
as captured, half a request, two requests in one packet, a connection closed early."""

from __future__ import annotations

import socket


def exchange(port: int, data: bytes, *, host: str = "127.0.0.1", half_close: bool = True) -> bytes:
    """Send `data` on one connection to host:port (then half-close it, unless `half_close` is False: the server
    must close by itself), read until the server closes; the bytes received."""
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(data)
        if half_close:
            conn.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    return received


def answers(received: bytes) -> list[tuple[int, dict[str, str], bytes]]:
    """The HTTP answers in `received`, in order: (status, headers by lower-case name, body of Content-Length)."""
    found = []
    while received:
        head, sep, rest = received.partition(b"\r\n\r\n")
        assert sep, received
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        length = int(headers["content-length"])
        found.append((int(lines[0].split()[1]), headers, rest[:length]))
        received = rest[length:]
    return found


def answers_to(port: int, data: bytes, *, half_close: bool = True) -> list[tuple[int, dict[str, str], bytes]]:
    """`exchange` then `answers`: the HTTP answers to `data` sent on one connection to 127.0.0.1:port."""
    return answers(exchange(port, data, half_close=half_close))
