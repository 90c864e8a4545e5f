"""The sandbox's HTTP layer: :class:`Sandbox`, a local OneNET-compatible server.

It answers the legacy OneNET "datapoints" API the way shared onenet-api.md
describes the platform, so the product, its tests and a user's own firmware
can be tried without an account or network. HTTP/1.0 and 1.1 are parsed by
h11: Content-Length and chunked bodies (trailers too), keep-alive and
pipelining, ``Expect: 100-continue``, header names in any case, ``name:value``
without a space; empty lines before a request line are skipped (firmware
writes CRLFs after a body; RFC 9112 2.2). Limits: ``MAX_HEADER_BYTES`` of
request line and headers (HTTP 431), ``MAX_BODY_BYTES`` of body, and
``max_connections`` at once (HTTP 503). Every request is kept with its exact
bytes, answer and verdict in :attr:`Sandbox.capture` (the inspector's data,
:mod:`gui.sandbox.capture`). No Qt.

Endpoints (shared onenet-api.md, "Request" and "Reading back"):

- ``POST /devices/{device_id}/datapoints[?type=1|3|4|5]`` -- store datapoints.
  The body is decoded by :func:`gui.onenet.decoding.decode` (missing ``type``
  means 1). A request is all or nothing: any error stores nothing.
- ``GET /devices/{device_id}/datapoints`` -- read them back with
  ``datastream_id``, ``start``, ``end``, ``duration``, ``limit``, ``cursor``,
  ``sort``; see :class:`~gui.sandbox.platform.Platform` for the exact semantics.
- The current platform's routes (``/fuse/http/device/thing/{property,history}/post``,
  ``/thingmodel/...``): answered by :mod:`gui.sandbox.things` (token checks, the thing
  model, its own errno/code values; see there). :attr:`Sandbox.things` holds its product.
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
6    content length       POST without ``Content-Length`` (nor a chunked
                          body), a bad length, a transfer coding other
                          than chunked, a body larger than
                          ``MAX_BODY_BYTES`` or shorter than announced
7    not found            unknown path or method; HTTP 404
8    busy                 more than ``max_connections`` connections at
                          once; HTTP 503, the connection is closed
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
import ipaddress
import re
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from gui.sandbox.capture import DEFAULT_CAPACITY, Capture
from gui.sandbox.connection import (
    CONNECTION_TIMEOUT,
    ERRNO_BUSY,
    MAX_BODY_BYTES,
    MAX_CONNECTIONS,
    MAX_HEADER_BYTES,
    _Server,
    _Server6,
)
from gui.sandbox.platform import Platform
from gui.sandbox.things import ThingStore

__all__ = [
    "CONNECTION_TIMEOUT",
    "ERRNO_BUSY",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_HEADER_BYTES",
    "Sandbox",
    "device_urls",
    "is_loopback",
]


def is_loopback(host: str) -> bool:
    """True when ``host`` is this computer only: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Sandbox(Platform):
    """A local OneNET-compatible HTTP server in front of a :class:`~gui.sandbox.platform.Platform`.

    ``devices`` maps ``device_id`` -> api-key. ``host`` is the address to
    listen on: loopback (``127.0.0.1``) unless the caller chooses another;
    an empty host (every address) is refused, so the sandbox never listens
    beyond this computer by itself. ``port=0`` picks a free port (see
    :attr:`port` after :meth:`start`). ``delay`` (seconds, float) is
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
    appears in it. It is called from server threads. :attr:`capture` keeps
    the last ``capture_size`` requests whole (:class:`~gui.sandbox.capture.Capture`).
    ``max_connections`` caps the connections served at once.
    """

    def __init__(
        self,
        devices: dict[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        delay: float = 0.0,
        fail_every: int = 0,
        log: Callable[[str], None] | None = None,
        *,
        capture_size: int = DEFAULT_CAPACITY,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        if delay < 0:
            raise ValueError("delay must be >= 0 seconds")
        if fail_every < 0:
            raise ValueError("fail_every must be >= 0")
        if not host.strip():
            raise ValueError("an empty host would listen on every address; name the address (e.g. 0.0.0.0)")
        if max_connections < 1:
            raise ValueError("max_connections must be >= 1")
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
        self.max_connections = max_connections
        self.capture = Capture(capture_size)
        #: The current platform's product, devices, thing model and values (:mod:`gui.sandbox.things`).
        self.things = ThingStore.demo()
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
        """Stop serving, close the listening socket and open connections. Storage and capture are kept."""
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

    def listen_on(self, host: str) -> Sandbox:
        """Stop, then listen on ``host`` (a new free port unless one was asked for); returns self.

        Storage and capture are kept. Raises ValueError for an empty host (every
        address), OSError when ``host`` cannot be bound (then nothing listens).
        """
        if not host.strip():
            raise ValueError("an empty host would listen on every address; name the address (e.g. 0.0.0.0)")
        self.stop()
        self.host = host
        return self.start()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._server is not None

    @property
    def port(self) -> int:
        """The TCP port being served; RuntimeError before :meth:`start`."""
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """``http://HOST:PORT``, the endpoint to configure in a client on this computer."""
        host = self.host
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        return _url(host, self.port)

    @property
    def loopback_only(self) -> bool:
        """True when only this computer can reach the sandbox."""
        return is_loopback(self.host)

    def device_urls(self) -> list[str]:
        """The endpoints a device should use (see :func:`device_urls`)."""
        return device_urls(self.host, self.port)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)

    def _emit(self, line: str) -> None:
        """Hand one log line to ``log``, its control characters escaped (a `%0d%0a` in a device id forges no line)."""
        log = self.log
        line = _CONTROL.sub(_escaped, line)
        if log is not None:
            with contextlib.suppress(Exception):  # a broken logger must not break the server
                log(line)


#: Characters that would break or fake a log line: C0 and C1 controls, DEL, the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    """A control character as Python writes it in a literal: \\r, \\n, \\t, \\x1b, \\u2028."""
    return repr(match[0])[1:-1]


def device_urls(host: str, port: int) -> list[str]:
    """The endpoints a device should use for a sandbox on ``host``:``port``.

    The chosen address itself, or for ``0.0.0.0``/``::`` (every address) this
    machine's own addresses (from its host name; loopback last), so the user
    knows what to put in the firmware.
    """
    if host not in ("0.0.0.0", "::"):
        return [_url(host, port)]
    family = socket.AF_INET if host == "0.0.0.0" else socket.AF_INET6
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, family, socket.SOCK_STREAM)
    except OSError:
        infos = []
    addresses = sorted({str(info[4][0]) for info in infos}, key=is_loopback)
    return [_url(a, port) for a in addresses] or [_url("127.0.0.1" if family == socket.AF_INET else "::1", port)]


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
