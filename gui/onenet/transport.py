"""The HTTP transport under the OneNET client: one deadline per attempt and bounded answers.

Imported by `gui.onenet.client` when the first request is made, not with it: it
imports requests and urllib3, which the window does not need to show itself.
An attempt's deadline shuts down its socket when due (connect, send and the whole
answer share one deadline), so a server trickling its answer cannot hold a request
past the timeout; at most `MAX_ANSWER_BYTES` of an answer are read.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

from gui.onenet.client import MAX_ANSWER_BYTES

_CHUNK = 64 * 1024


class Deadline:
    """One attempt's deadline: at `seconds` after `start()` the attempt's socket is shut down.

    The socket is handed over by the connection that carries the attempt (`watch`); a
    read blocked on it then returns at once, and `fired` tells the attempt why. One
    watchdog thread (`_WATCHDOG`) keeps every running attempt's deadline.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self.cancelled = False
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None

    def start(self) -> None:
        _WATCHDOG.add(time.monotonic() + self.seconds, self)

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            self._sock = None  # the watchdog keeps this object until it is due

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.fired:
                self._shut()

    def fire(self) -> None:
        with self._lock:
            if self.cancelled:
                return
            self.fired = True
            self._shut()

    def _shut(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):  # already closed
                self._sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread firing `Deadline`s when due (a thread per attempt cost 2 ms a request)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._due: list[tuple[float, int, Deadline]] = []
        self._count = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, at: float, deadline: Deadline) -> None:
        with self._condition:
            heapq.heappush(self._due, (at, next(self._count), deadline))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="onenet-deadlines", daemon=True)
                self._thread.start()
            self._condition.notify()

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._due:
                    self._condition.wait()
                at, _, deadline = self._due[0]
                left = at - time.monotonic()
                if left > 0:
                    self._condition.wait(left)
                    continue
                heapq.heappop(self._due)
            deadline.fire()


_WATCHDOG = _Watchdog()
attempt = threading.local()  # .deadline: the Deadline of the attempt running on this thread


def _watch(sock: socket.socket | None) -> None:
    deadline: Deadline | None = getattr(attempt, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    """An HTTP connection that hands its socket to the running attempt's deadline."""

    def connect(self) -> None:
        super().connect()
        _watch(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)  # a kept-alive connection is not connected again
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    """`_WatchedHTTPConnection` over TLS."""

    def connect(self) -> None:
        super().connect()
        _watch(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def _watched(manager: PoolManager) -> PoolManager:
    manager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
    return manager


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter over connections whose sockets an attempt's deadline can shut down."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _watched(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> PoolManager:
        return _watched(super().proxy_manager_for(proxy, **proxy_kwargs))


class TooLarge(Exception):
    """The answer is over MAX_ANSWER_BYTES."""


def read_bounded(raw: requests.Response) -> bytes:
    """The answer's body, decoded (gzip, ...), at most MAX_ANSWER_BYTES; TooLarge beyond."""
    chunks: list[bytes] = []
    size = 0
    for chunk in raw.iter_content(_CHUNK):
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def text_of(raw: requests.Response, body: bytes) -> str:
    """The body as text in the answer's charset (UTF-8 when none or an unknown one), undecodable bytes replaced."""
    try:
        return body.decode(raw.encoding or "utf-8", "replace")
    except LookupError:
        return body.decode("utf-8", "replace")
