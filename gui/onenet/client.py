"""HTTP client for OneNET's datapoints API (requests), with typed errors.

`POST {endpoint}/devices/{device_id}/datapoints[?type=N]` uploads, `GET` on
the same path reads back (shared onenet-api.md, "Request", "Response",
"Reading back"). The request is prepared once; the preview shows that very
object and `send` sends it, so what is shown is what goes over the wire.

Every answer is bounded: at most `MAX_ANSWER_BYTES` are read (more: "answer too
large", a MalformedResponse, outcome unknown), and one deadline covers an attempt's
connect, send and answer (`timeout` seconds): a server trickling a byte every few
seconds is cut off at the deadline. The deadline is kept by a timer that shuts the
attempt's socket down (urllib3's own timeouts apply per socket operation only). Every
text an answer brings (body, headers, error) is masked (`gui.onenet.masking`) before
anything else sees it: an echoed api-key never leaves the client.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import gui
from gui.onenet.formats import EncodedBody
from gui.onenet.masking import mask, secret_forms
from gui.onenet.readings import AT_FORMAT, FULL_WIDTH_ASCII, PLATFORM_TZ, Datapoint, Readings, parse_at
from gui.text import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:  # requests is imported when a client is made, not with this module (start-up time)
    import requests

#: The endpoint of the user's API description, over HTTPS (documented as
#: supported; the official Android SDK's default): shared onenet-api.md.
DEFAULT_ENDPOINT = "https://api.heclouds.com"
DEFAULT_TIMEOUT_S = 10.0
#: The most bytes read from one answer (after content decoding). OneNET answers are a
#: few hundred bytes, a read-back page of 6,000 datapoints about 300 KB.
MAX_ANSWER_BYTES = 1 << 20
#: The read-back `limit` range (shared onenet-api.md, "Reading back").
MAX_READ_LIMIT = 6000
MASK = "••••••••"
#: Request headers (lower case) whose values are secrets: the legacy api-key, the current platform's token
#: (device side `token`, application side `authorization`; shared onenet-api.md, "The current platform").
SECRET_HEADERS = frozenset({"api-key", "token", "authorization"})


def user_agent() -> str:
    """The User-Agent of every request: `onenet-uploader/VERSION (+requests/VERSION)`."""
    import requests

    return f"onenet-uploader/{gui.__version__} (+requests/{requests.__version__})"


#: Plain-language hints for the errno values that are known [H]; the
#: platform's own `errno`/`error` are always shown verbatim beside them.
ERRNO_HINTS = {
    0: QT_TRANSLATE_NOOP("client", "Success."),
    3: QT_TRANSLATE_NOOP("client", "Authentication failed: the api-key is wrong or does not belong to this device."),
}


@dataclass(frozen=True)
class PlatformResponse:
    """What came back: HTTP status, the platform's errno/error, latency (s), raw text."""

    http_status: int
    errno: int | None
    error: str | None
    latency_s: float
    text: str
    data: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Success is decided by `errno == 0`, not by HTTP status (shared onenet-api.md)."""
        return self.errno == 0 and self.http_status < 400

    @property
    def hint(self) -> str:
        """A plain-language hint for a known errno, else an empty string."""
        return ERRNO_HINTS.get(self.errno, "") if self.errno is not None else ""


def answer_message(response: PlatformResponse | None) -> Message:
    """What came back, as a user reads it: the one wording of the CLI's lines, the window's and `outbox send`'s.

    `errno 10, HTTP 200`; an answer without errno did not come from OneNET's
    API but from a gateway or proxy in front of it (shared onenet-api.md,
    "errno / error": in every response of the platform): `HTTP 502 from the
    gateway, no OneNET answer`; nothing came back: `no answer`.
    """
    if response is None:
        return _m("no-answer", QT_TRANSLATE_NOOP("client", "no answer"))
    if response.errno is None:
        return _m(
            "gateway-answer",
            QT_TRANSLATE_NOOP("client", "HTTP {status} from the gateway, no OneNET answer"),
            status=str(response.http_status),
        )
    return _m(
        "answer",
        QT_TRANSLATE_NOOP("client", "errno {errno}, HTTP {status}"),
        errno=str(response.errno),
        status=str(response.http_status),
    )


class OneNetError(Exception):
    """A failed request; `response` holds what came back, if anything did."""

    #: Whether sending the same request again may succeed (shared
    #: onenet-api.md: connection errors, timeouts, 5xx and 429 yes; auth and
    #: validation failures no).
    retryable = False

    def __init__(self, message: Message | str, response: PlatformResponse | None = None) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(str(self.text))
        self.response = response


class AuthError(OneNetError):
    """errno 3, `auth failed`: wrong api-key or device."""


class RejectedError(OneNetError):
    """The platform refused the request: a non-zero errno or HTTP 4xx (429 is retryable)."""

    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return self.response is not None and self.response.http_status == 429


class ServerError(OneNetError):
    """HTTP 5xx from the platform or a proxy in front of it."""

    retryable = True


class NetworkError(OneNetError):
    """No answer: connection refused, host not found, timeout, connection dropped."""

    retryable = True


class MalformedResponse(OneNetError):
    """An answer that is not the platform's JSON (an HTML proxy page, say), a redirect, or over MAX_ANSWER_BYTES."""


class ConfigError(ValueError):
    """The endpoint, device id or api-key cannot make a valid request; `text` says why (a Message)."""

    def __init__(self, message: Message | str) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(str(self.text))


def _m(code: str, source: str, **args: object) -> Message:
    """A message of the client (the catalogues' context "client")."""
    return Message(code, "client", source, args)


def validate_endpoint(endpoint: str) -> str:
    """`http(s)://host[:port][/base]` without trailing slash; ConfigError otherwise."""
    endpoint = endpoint.strip().rstrip("/")
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            _m(
                "endpoint-shape",
                QT_TRANSLATE_NOOP("client", "endpoint {endpoint} must look like https://api.heclouds.com"),
                endpoint=repr(endpoint),
            )
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigError(
            _m(
                "endpoint-extra",
                QT_TRANSLATE_NOOP("client", "endpoint must not contain a query, fragment or credentials"),
            )
        )
    if any(c.isspace() for c in endpoint):
        raise ConfigError(
            _m(
                "endpoint-spaces",
                QT_TRANSLATE_NOOP("client", "endpoint {endpoint} must not contain spaces"),
                endpoint=repr(endpoint),
            )
        )
    if "//" in parts.path:
        raise ConfigError(
            _m(
                "endpoint-two",
                QT_TRANSLATE_NOOP("client", "endpoint {endpoint} is not one address (two pasted together?)"),
                endpoint=repr(endpoint),
            )
        )
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.netloc.endswith(":") or (port is None and ":" in parts.netloc.rsplit("]", 1)[-1]):
        raise ConfigError(
            _m(
                "endpoint-port",
                QT_TRANSLATE_NOOP("client", "endpoint {endpoint} has no valid port after ':'"),
                endpoint=repr(endpoint),
            )
        )
    return endpoint


def read_device_id(text: str) -> str:
    """A device id as typed (the window's field, `--device`), as it is sent: full-width characters, as an input
    method in full-width mode types them (`４０９３２１５`), read as their ASCII forms (`FULL_WIDTH_ASCII`).

    A legacy device's id is its number (shared onenet-api.md, "Terms"): ConfigError for one that is still not
    ASCII (`设备1`), which was sent percent-encoded and answered "auth failed" as if the api-key were wrong.
    Nothing else is changed (`device_path` checks the rest).
    """
    if text.isascii():
        return text
    read = text.translate(FULL_WIDTH_ASCII)
    other = next((c for c in read if not c.isascii()), "")
    if other:
        raise ConfigError(
            _m(
                "device-not-ascii",
                QT_TRANSLATE_NOOP(
                    "client",
                    "device id {device} has '{char}': a device id is the device's number as the OneNET console "
                    "shows it, e.g. 4093215",
                ),
                device=text,
                char=other,
            )
        )
    return read


def device_path(device_id: str) -> str:
    """`/devices/{device_id}/datapoints` with the id percent-encoded.

    Every character but letters, digits and `-._~` is escaped, so no device
    id can change the path or query (shared onenet-api.md, "Request").
    Raises ConfigError for an empty id, `.`/`..`, or control characters.
    """
    if not device_id or device_id.strip() != device_id:
        raise ConfigError(
            _m("device-empty", QT_TRANSLATE_NOOP("client", "device id must not be empty or have spaces around it"))
        )
    if device_id in (".", "..") or any(ord(c) < 32 or ord(c) == 127 for c in device_id):
        raise ConfigError(
            _m("device-invalid", QT_TRANSLATE_NOOP("client", "device id {device} is not valid"), device=repr(device_id))
        )
    return f"/devices/{quote(device_id, safe='')}/datapoints"


def is_cleartext(endpoint: str) -> bool:
    """True when the endpoint is plain http to a non-loopback host: the api-key travels in clear text."""
    parts = urlsplit(endpoint.strip())
    return parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1")


def _raise_for_body(
    http_status: int,
    text: str,
    latency: float,
    headers: dict[str, str],
    *,
    code_and_msg: bool = False,
    auth_errnos: frozenset[int] = frozenset({3}),
) -> PlatformResponse:
    """Turn an HTTP answer into a PlatformResponse, or raise the typed error it means.

    The result code is `errno` (text `error`); with `code_and_msg` (the current platform,
    shared onenet-api.md, "The current platform": "accept both") an answer without `errno`
    is read by its `code` and `msg` instead. `auth_errnos` raise AuthError (legacy: 3;
    current: 2, authPermissionDeny).
    """
    try:
        data = json.loads(text) if text.strip() else None
    except ValueError:
        data = None
    errno = data.get("errno") if isinstance(data, dict) else None
    error = data.get("error") if isinstance(data, dict) else None
    if code_and_msg and isinstance(data, dict) and errno is None and "code" in data:
        errno, error = data.get("code"), data.get("msg")
    response = PlatformResponse(
        http_status,
        errno if isinstance(errno, int) and not isinstance(errno, bool) else None,
        str(error) if error is not None else None,
        latency,
        text,
        data.get("data") if isinstance(data, dict) else None,
        headers,
    )
    if http_status >= 500:
        raise ServerError(
            _m("server-error", QT_TRANSLATE_NOOP("client", "server error: HTTP {status}"), status=str(http_status)),
            response,
        )
    if 300 <= http_status < 400:
        location = next((v for k, v in headers.items() if k.lower() == "location"), "")
        raise MalformedResponse(
            _m(
                "redirect",
                QT_TRANSLATE_NOOP(
                    "client",
                    "HTTP {status}: a redirect to {location}, not followed (the api-key would go along); "
                    "whether it was stored is unknown",
                ),
                status=str(http_status),
                location=location or "?",
            ),
            response,
        )
    if response.errno is None:
        if http_status == 429:
            raise RejectedError(_m("too-many", QT_TRANSLATE_NOOP("client", "too many requests: HTTP 429")), response)
        if http_status >= 400:
            if _is_web_page(text, headers):
                why = QT_TRANSLATE_NOOP(
                    "client", "request rejected: HTTP {status} (a web page: a proxy or sign-in page in the way?)"
                )
            else:
                why = QT_TRANSLATE_NOOP("client", "request rejected: HTTP {status}")
            raise RejectedError(_m("rejected-http", why, status=str(http_status)), response)
        if _is_web_page(text, headers):
            raise MalformedResponse(
                _m(
                    "web-page",
                    QT_TRANSLATE_NOOP(
                        "client",
                        "HTTP {status} but the answer is a web page, not OneNET JSON "
                        "(a proxy or sign-in page in the way?)",
                    ),
                    status=str(http_status),
                ),
                response,
            )
        raise MalformedResponse(
            _m(
                "no-errno",
                QT_TRANSLATE_NOOP("client", "HTTP {status} but the answer is not OneNET JSON (no errno)"),
                status=str(http_status),
            ),
            response,
        )
    if response.errno in auth_errnos:
        raise AuthError(
            _m(
                "auth",
                QT_TRANSLATE_NOOP("client", "errno {errno}: {error}"),
                errno=str(response.errno),
                error=response.error or "",
            ),
            response,
        )
    if response.errno != 0 or http_status >= 400:
        raise RejectedError(
            _m(
                "errno",
                QT_TRANSLATE_NOOP("client", "errno {errno}: {error} (HTTP {status})"),
                errno=str(response.errno),
                error=response.error or "",
                status=str(http_status),
            ),
            response,
        )
    return response


def _is_web_page(text: str, headers: dict[str, str]) -> bool:
    """True for an HTML answer (by Content-Type or by its first character): a proxy's or portal's page."""
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    return "html" in content_type.lower() or text.lstrip().startswith("<")


def _network_message(exc: requests.RequestException, url: str, timeout: float) -> Message:
    import requests

    host = urlsplit(url).netloc
    if isinstance(exc, requests.Timeout):
        return _m(
            "timeout",
            QT_TRANSLATE_NOOP("client", "no answer from {host} within {seconds} s"),
            host=host,
            seconds=f"{timeout:g}",
        )
    text = str(exc)
    if "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
        return _m(
            "host-not-found", QT_TRANSLATE_NOOP("client", "host not found: {host}"), host=urlsplit(url).hostname or ""
        )
    if "Connection refused" in text or "ConnectionRefusedError" in text:
        return _m(
            "refused", QT_TRANSLATE_NOOP("client", "connection refused by {host}: is the server running?"), host=host
        )
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or "IncompleteRead" in text:
        return _m("cut-off", QT_TRANSLATE_NOOP("client", "the answer from {host} was cut off midway"), host=host)
    if "RemoteDisconnected" in text or "Connection aborted" in text or "ConnectionResetError" in text:
        return _m("closed", QT_TRANSLATE_NOOP("client", "{host} closed the connection without an answer"), host=host)
    return _m(
        "network",
        QT_TRANSLATE_NOOP("client", "network error talking to {host}: {error}"),
        host=host,
        error=exc.__class__.__name__,
    )


@dataclass(frozen=True)
class ReadPage:
    """One page of a read-back: total `count`, the next `cursor` (None at the end), the readings."""

    count: int
    cursor: str | None
    readings: Readings
    response: PlatformResponse


class HttpClient:
    """Sends prepared requests with one deadline per attempt and bounded, masked answers (both platforms).

    `secrets` are masked in every text an answer brings (in every form, `masking.secret_forms`).
    The session may be passed in (tests, retries); its http(s) adapters are replaced by
    ones that keep the attempt's deadline. `timeout` is seconds per attempt: connect,
    send and the whole answer. Subclasses read the answer (`_read_answer`) and add the
    platform's requests.
    """

    def __init__(
        self, timeout: float = DEFAULT_TIMEOUT_S, session: requests.Session | None = None, secrets: Sequence[str] = ()
    ) -> None:
        self._secret_forms: tuple[str, ...] = ()
        self._add_secrets(*secrets)
        self.timeout = timeout
        import requests

        from gui.onenet import transport

        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent()
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, transport.DeadlineAdapter())

    def _add_secrets(self, *secrets: str) -> None:
        """Mask these too, in every form, in what answers bring (longest form first)."""
        forms = set(self._secret_forms).union(*(secret_forms(secret) for secret in secrets))
        self._secret_forms = tuple(sorted(forms, key=len, reverse=True))

    def _read_answer(self, http_status: int, text: str, latency: float, headers: dict[str, str]) -> PlatformResponse:
        """The answer as a PlatformResponse, or the typed error it means (legacy rules: `errno`/`error`)."""
        return _raise_for_body(http_status, text, latency, headers)

    def send(self, prepared: requests.PreparedRequest) -> PlatformResponse:
        """Send a prepared request once; the PlatformResponse on errno 0.

        One deadline of `timeout` seconds covers connecting, sending and reading the
        whole answer; at most `MAX_ANSWER_BYTES` of it are read. Every text of the
        answer (body, headers, error texts) has the api-key masked in any form.
        Raises AuthError, RejectedError, ServerError, NetworkError (no answer, cut off,
        past the deadline) or MalformedResponse (not OneNET's JSON, or too large); each
        carries the response when there was one.
        """
        import requests

        from gui.onenet import transport

        host = urlsplit(prepared.url or "").netloc
        start = time.perf_counter()
        deadline = transport.Deadline(self.timeout)
        transport.attempt.deadline = deadline
        deadline.start()
        try:
            raw = self.session.send(prepared, timeout=self.timeout, allow_redirects=False, stream=True)
            try:
                body = transport.read_bounded(raw)
            finally:
                raw.close()
        except transport.TooLarge:
            latency = time.perf_counter() - start
            headers = self._masked_headers(raw)
            response = PlatformResponse(raw.status_code, None, None, latency, "", None, headers)
            raise MalformedResponse(
                _m(
                    "too-large",
                    QT_TRANSLATE_NOOP(
                        "client",
                        "the answer from {host} is larger than {mib} MiB: answer too large, not read "
                        "(whether it was stored is unknown)",
                    ),
                    host=host,
                    mib=MAX_ANSWER_BYTES // (1 << 20),
                ),
                response,
            ) from None
        except requests.RequestException as exc:
            if deadline.fired:
                raise NetworkError(
                    _m(
                        "timeout",
                        QT_TRANSLATE_NOOP("client", "no answer from {host} within {seconds} s"),
                        host=host,
                        seconds=f"{self.timeout:g}",
                    )
                ) from exc
            message = _network_message(exc, prepared.url or "", self.timeout)
            raise NetworkError(message.with_args(**{k: self._mask(str(v)) for k, v in message.args.items()})) from exc
        finally:
            deadline.cancel()
            transport.attempt.deadline = None
        if deadline.fired:  # the answer ended when its socket was shut: it may be cut short
            raise NetworkError(
                _m(
                    "timeout",
                    QT_TRANSLATE_NOOP("client", "no answer from {host} within {seconds} s"),
                    host=host,
                    seconds=f"{self.timeout:g}",
                )
            )
        latency = time.perf_counter() - start
        text = self._mask(transport.text_of(raw, body))
        return self._read_answer(raw.status_code, text, latency, self._masked_headers(raw))

    def _mask(self, text: str) -> str:
        return mask(text, self._secret_forms)

    def _masked_headers(self, raw: requests.Response) -> dict[str, str]:
        return {name: self._mask(value) for name, value in raw.headers.items()}


class OneNetClient(HttpClient):
    """Talks to one device of one endpoint of the legacy API; authentication lives in `_auth_headers` only.

    Raises ConfigError at construction for an invalid endpoint or device id. `timeout`
    and `session` as `HttpClient`.
    """

    def __init__(
        self,
        endpoint: str,
        device_id: str,
        api_key: str,
        timeout: float = DEFAULT_TIMEOUT_S,
        session: requests.Session | None = None,
    ) -> None:
        self.endpoint = validate_endpoint(endpoint)
        device_id = read_device_id(device_id)
        self.path = device_path(device_id)
        self.device_id = device_id
        if not api_key:
            no_key = QT_TRANSLATE_NOOP(
                "client",
                "no api-key: give the device's api-key (the OneNET console shows it with the device) in the api-key "
                "field or a profile; on the command line, in the environment variable $ONENET_API_KEY",
            )
            raise ConfigError(_m("no-api-key", no_key))
        if any(c in api_key for c in "\r\n"):
            spans = QT_TRANSLATE_NOOP("client", "the api-key spans lines: paste it again as one line")
            raise ConfigError(_m("api-key-lines", spans))
        self._api_key = api_key
        super().__init__(timeout, session, (api_key,))

    @property
    def url(self) -> str:
        """`{endpoint}/devices/{device_id}/datapoints`."""
        return self.endpoint + self.path

    def _auth_headers(self) -> dict[str, str]:
        return {"api-key": self._api_key}

    def prepare_upload(self, body: EncodedBody) -> requests.PreparedRequest:
        """The exact upload request for `body` (URL with `?type=N`, headers, bytes)."""
        import requests

        request = requests.Request(
            "POST",
            self.url,
            params=body.query,
            data=body.data,
            headers={**self._auth_headers(), "Content-Type": body.content_type},
        )
        return self.session.prepare_request(request)

    def upload(self, body: EncodedBody) -> PlatformResponse:
        """Prepare and send one upload; see `send` for the errors raised."""
        return self.send(self.prepare_upload(body))

    def read_datapoints(
        self,
        datastream_ids: Sequence[str] | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 100,
        sort: str = "ASC",
        cursor: str | None = None,
    ) -> ReadPage:
        """One page of `GET /devices/{id}/datapoints`; times sent in platform time.

        `limit` is 1..6000 (ValueError otherwise), `sort` `ASC` or `DESC`.
        Returned `at`s are aware datetimes in UTC+8 (the platform writes
        `2017-06-23 11:09:46.281`). Raises the same errors as `send`.
        """
        if not 1 <= limit <= MAX_READ_LIMIT:
            raise ValueError(f"limit must be 1..{MAX_READ_LIMIT}")
        if sort not in ("ASC", "DESC"):
            raise ValueError("sort must be ASC or DESC")
        params: dict[str, str] = {"limit": str(limit), "sort": sort}
        if datastream_ids:
            params["datastream_id"] = ",".join(datastream_ids)
        if start is not None:
            params["start"] = start.astimezone(PLATFORM_TZ).strftime(AT_FORMAT)
        if end is not None:
            params["end"] = end.astimezone(PLATFORM_TZ).strftime(AT_FORMAT)
        if cursor:
            params["cursor"] = cursor
        import requests

        prepared = self.session.prepare_request(
            requests.Request("GET", self.url, params=params, headers=self._auth_headers())
        )
        response = self.send(prepared)
        return _read_page(response)

    def iter_read_pages(
        self,
        datastream_ids: Sequence[str] | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = MAX_READ_LIMIT,
    ) -> Iterator[ReadPage]:
        """Every page of a read-back, following `cursor` until the platform gives none."""
        cursor: str | None = None
        while True:
            page = self.read_datapoints(datastream_ids, start, end, limit, "ASC", cursor)
            yield page
            if not page.cursor:
                return
            cursor = page.cursor


def _read_page(response: PlatformResponse) -> ReadPage:
    data = response.data
    if not isinstance(data, dict) or not isinstance(data.get("datastreams", []), list):
        raise MalformedResponse("read-back answer has no data.datastreams", response)
    pairs = []
    try:
        for stream in data.get("datastreams", []):
            for point in stream.get("datapoints", []):
                pairs.append((str(stream["id"]), Datapoint(point["value"], parse_at(point["at"], PLATFORM_TZ))))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedResponse(f"read-back datapoint not understood: {exc}", response) from exc
    cursor = data.get("cursor") or None
    return ReadPage(
        int(data.get("count", len(pairs))), str(cursor) if cursor else None, Readings.from_pairs(pairs), response
    )
