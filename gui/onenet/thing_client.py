"""HTTP client for the current platform (thing model): property and history posts, the thing model, read-back.

No Qt. URLs, headers and answers from shared onenet-api.md, "The current platform":

- device side, `{device endpoint}/fuse/http/device/thing/{kind}/post` with
  `?topic=$sys/<pid>/<device name>/thing/{kind}/post&protocol=http` (kind: property or history),
  header `token: <token>` (signed with the device key, else the product access key),
  `Content-Type: application/json`, a OneJSON body (`gui.onenet.onejson`);
- application side, `{app endpoint}/thingmodel/...`, header `authorization: <token>` signed
  with the product access key (`res=products/<pid>`);
- answers `{"errno":0,"error":"succ"}` or `{"code":0,"msg":"succ",...}`: both read into
  `PlatformResponse` (`errno`, `error`); errno 2 (auth failed) raises AuthError, 37 (rate
  limit) a retryable RateLimited, any other non-zero RejectedError.

A token is made for every request (`gui.onenet.token.fresh_token`, 5 minutes) and kept
nowhere but in that request; keys and recent tokens are masked in everything an answer
brings (`HttpClient`). Sending, deadlines and bounds are `HttpClient.send`'s.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from gui.onenet.client import (
    DEFAULT_TIMEOUT_S,
    ConfigError,
    HttpClient,
    MalformedResponse,
    OneNetClient,
    PlatformResponse,
    RejectedError,
    _raise_for_body,
    validate_endpoint,
)
from gui.onenet.formats import EncodedBody
from gui.onenet.onejson import MessageIds, PostKind, ThingRequest
from gui.onenet.thingmodel import ModelError, ThingModel, parse_thing_model
from gui.onenet.token import DEFAULT_LIFETIME_S, DEFAULT_METHOD, TokenError, decode_key, fresh_token, resource

if TYPE_CHECKING:
    import requests

__all__ = [
    "APP_ENDPOINT",
    "DEVICE_ENDPOINT",
    "ERRNO_AUTH_FAILED",
    "ERRNO_HINTS",
    "ERRNO_RATE_LIMIT",
    "HistoryPage",
    "RateLimited",
    "ThingClient",
    "UploadClient",
]

#: The device side's host (shared onenet-api.md, "Upload, device side").
DEVICE_ENDPOINT = "https://open.iot.10086.cn"
#: The application side's host (shared onenet-api.md, "Read back and model, application side").
APP_ENDPOINT = "https://iot-api.heclouds.com"
ERRNO_AUTH_FAILED = 2
ERRNO_RATE_LIMIT = 37
#: The documented errno values of the current platform (shared onenet-api.md, "The current platform").
ERRNO_HINTS = {
    0: "Success.",
    1: "Internal error of the platform.",
    2: "Authentication failed (authPermissionDeny): the token is wrong, expired or not for this device.",
    4: "A parameter is missing.",
    6: "Invalid parameter: an identifier or a value the thing model refuses, or a limit broken.",
    37: "Rate limit reached (reachRateLimit): send more slowly.",
}
#: `query-device-property-history`'s `limit` range.
MAX_HISTORY_LIMIT = 100
#: Tokens of this many recent requests are masked in answers (a server echoing one).
_RECENT_TOKENS = 16


class RateLimited(RejectedError):
    """errno 37, reachRateLimit: worth retrying later."""

    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return True


@dataclass(frozen=True)
class HistoryPage:
    """One page of `query-device-property-history`: `total` values in the range, this page's `(time ms, value text)`."""

    total: int
    values: list[tuple[int, str]]
    response: PlatformResponse


def topic_part(what: str, text: str) -> str:
    """A product id or device name checked for the topic `$sys/<pid>/<device name>/...`; ConfigError if it cannot be."""
    try:
        resource(text)  # the same names a token's `res` can carry: no '/', spaces or controls
    except TokenError as exc:
        raise ConfigError(str(exc).replace("product id", what)) from None
    if any(c in text for c in "#+?&"):
        raise ConfigError(f"{what} {text!r} must not contain # + ? &")
    return text


class ThingClient(HttpClient):
    """Talks to one device (product id + device name) of the current platform.

    `device_key` (the device's key) signs uploads; without it the product's `access_key`
    does. The thing model and read-back need `access_key` (ConfigError otherwise). Keys are
    base64 text (ConfigError otherwise). `method` and `lifetime_s` make each request's
    token; `clock` gives Unix seconds (tests). Raises ConfigError at construction for an
    invalid endpoint, id or name, or no key at all.
    """

    def __init__(
        self,
        product_id: str,
        device_name: str,
        *,
        device_key: str | None = None,
        access_key: str | None = None,
        device_endpoint: str = DEVICE_ENDPOINT,
        app_endpoint: str = APP_ENDPOINT,
        method: str = DEFAULT_METHOD,
        lifetime_s: int = DEFAULT_LIFETIME_S,
        clock: Callable[[], float] = time.time,
        ids: MessageIds | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
        session: requests.Session | None = None,
    ) -> None:
        self.product_id = topic_part("product id", product_id)
        self.device_name = topic_part("device name", device_name)
        self.device_endpoint = validate_endpoint(device_endpoint)
        self.app_endpoint = validate_endpoint(app_endpoint)
        if not device_key and not access_key:
            raise ConfigError("a device key or the product's access key is needed")
        try:
            for key in (device_key, access_key):
                if key:
                    decode_key(key)
        except TokenError as exc:
            raise ConfigError(str(exc)) from None
        self._device_key = device_key or None
        self._access_key = access_key or None
        self.method = method
        self.lifetime_s = lifetime_s
        self.clock = clock
        self.ids = ids or MessageIds(clock)
        self._recent_tokens: deque[str] = deque(maxlen=_RECENT_TOKENS)
        super().__init__(timeout, session, tuple(k for k in (device_key, access_key) if k))
        self._key_forms = self._secret_forms

    @property
    def has_access_key(self) -> bool:
        """True when the product's access key was given: the thing model and read-back can be used."""
        return self._access_key is not None

    def _token(self, device_level: bool) -> str:
        """A fresh token: device level (device key, else access key) or product level (access key)."""
        if device_level and self._device_key is not None:
            token = fresh_token(
                self._device_key,
                self.product_id,
                self.device_name,
                method=self.method,
                lifetime_s=self.lifetime_s,
                now=self.clock(),
            )
        elif self._access_key is not None:
            token = fresh_token(
                self._access_key, self.product_id, method=self.method, lifetime_s=self.lifetime_s, now=self.clock()
            )
        else:
            raise ConfigError("the thing model and read-back need the product's access key")
        self._recent_tokens.append(token)
        self._secret_forms = self._key_forms
        self._add_secrets(*self._recent_tokens)
        return token

    def _read_answer(self, http_status: int, text: str, latency: float, headers: dict[str, str]) -> PlatformResponse:
        try:
            return _raise_for_body(
                http_status, text, latency, headers, code_and_msg=True, auth_errnos=frozenset({ERRNO_AUTH_FAILED})
            )
        except RejectedError as exc:
            if exc.response is not None and exc.response.errno == ERRNO_RATE_LIMIT:
                raise RateLimited(str(exc), exc.response) from None
            raise

    # -- device side -------------------------------------------------------------------------

    def topic(self, kind: PostKind) -> str:
        """`$sys/<pid>/<device name>/thing/{property|history}/post`."""
        return f"$sys/{self.product_id}/{self.device_name}/{kind.topic_suffix}"

    def post_url(self, kind: PostKind) -> str:
        """The full URL of a post, the topic percent-encoded except `$` and `/` (as firmware writes it)."""
        topic = quote(self.topic(kind), safe="$/")
        return f"{self.device_endpoint}/fuse/http/device/{kind.topic_suffix}?topic={topic}&protocol=http"

    def prepare_post(self, request: ThingRequest, message_id: str | None = None) -> requests.PreparedRequest:
        """The exact request for one planned post: URL, a fresh `token`, the OneJSON body with a new `id`.

        Raises ConfigError when no key can sign it, TokenError for a key that cannot.
        """
        return self.prepare_body(request.kind, request.body(message_id or self.ids.next()))

    @property
    def endpoint(self) -> str:
        """The device side's endpoint (where uploads go), as `OneNetClient.endpoint` is the legacy one's."""
        return self.device_endpoint

    @property
    def url(self) -> str:
        """Where uploads go, for messages (the device endpoint; each post's URL is `post_url`)."""
        return self.device_endpoint

    def prepare_upload(self, body: EncodedBody) -> requests.PreparedRequest:
        """The exact request for a OneJSON body of `onejson.body_of`, as `OneNetClient.prepare_upload` makes one.

        Its kind is read from the body: a history post's `params` is a list, a property
        post's an object (`onejson.body_of`). ValueError for a body that is neither.
        """
        try:
            params = json.loads(body.data)["params"]
        except (ValueError, KeyError, TypeError):
            raise ValueError("not a OneJSON post body") from None
        return self.prepare_body(PostKind.HISTORY if isinstance(params, list) else PostKind.PROPERTY, body.data)

    def prepare_body(self, kind: PostKind, body: bytes) -> requests.PreparedRequest:
        """The exact request for a OneJSON body made already (the outbox records it before sending): a fresh `token`.

        Raises ConfigError when no key can sign it, TokenError for a key that cannot.
        """
        import requests

        prepared = requests.Request(
            "POST",
            self.post_url(kind),
            data=body,
            headers={"token": self._token(device_level=True), "Content-Type": "application/json"},
        )
        return self.session.prepare_request(prepared)

    def post(self, request: ThingRequest) -> PlatformResponse:
        """Prepare and send one planned post; the errors of `HttpClient.send` (AuthError for errno 2...)."""
        return self.send(self.prepare_post(request))

    # -- application side --------------------------------------------------------------------

    def _get(self, path: str, params: dict[str, str]) -> PlatformResponse:
        import requests

        prepared = self.session.prepare_request(
            requests.Request(
                "GET",
                self.app_endpoint + path,
                params=params,
                headers={"authorization": self._token(device_level=False)},
            )
        )
        return self.send(prepared)

    def query_thing_model(self) -> ThingModel:
        """The product's thing model (`/thingmodel/query-thing-model`, shape [L]: `thingmodel.parse_thing_model`).

        Raises ConfigError without the access key, MalformedResponse when the answer holds
        no model, and the errors of `HttpClient.send`.
        """
        response = self._get("/thingmodel/query-thing-model", {"product_id": self.product_id})
        try:
            return parse_thing_model(response.data)
        except ModelError as exc:
            raise MalformedResponse(f"thing model not understood: {exc}", response) from exc

    def query_device_property(self) -> dict[str, tuple[str, int | None]]:
        """The latest value of every property (`/thingmodel/query-device-property`): identifier -> (text, time ms).

        The answer's `data` is a list of `{"identifier", "value", "time"}` [M]; MalformedResponse otherwise.
        """
        response = self._get(
            "/thingmodel/query-device-property", {"product_id": self.product_id, "device_name": self.device_name}
        )
        data = response.data
        if isinstance(data, dict) and isinstance(data.get("list"), list):
            data = data["list"]
        if not isinstance(data, list):
            raise MalformedResponse("query-device-property answer has no list of properties", response)
        latest: dict[str, tuple[str, int | None]] = {}
        for item in data:
            if not isinstance(item, dict) or not isinstance(item.get("identifier"), str):
                raise MalformedResponse("query-device-property item without identifier", response)
            ms = item.get("time")
            value = item.get("value")
            latest[item["identifier"]] = (
                value if isinstance(value, str) else _text_of(value),
                ms if isinstance(ms, int) and not isinstance(ms, bool) else None,
            )
        return latest

    def query_property_history(
        self, identifier: str, start_ms: int, end_ms: int, *, offset: int = 0, limit: int = MAX_HISTORY_LIMIT
    ) -> HistoryPage:
        """One page of `/thingmodel/query-device-property-history`, oldest first (`sort=1`).

        `start_ms`/`end_ms` are Unix milliseconds; `limit` 1..100 (ValueError otherwise).
        Values come back as text (shared onenet-api.md): read them with `Property.from_text`.
        """
        if not 1 <= limit <= MAX_HISTORY_LIMIT:
            raise ValueError(f"limit must be 1..{MAX_HISTORY_LIMIT}")
        response = self._get(
            "/thingmodel/query-device-property-history",
            {
                "product_id": self.product_id,
                "device_name": self.device_name,
                "identifier": identifier,
                "start_time": str(start_ms),
                "end_time": str(end_ms),
                "sort": "1",
                "offset": str(offset),
                "limit": str(limit),
            },
        )
        data = response.data
        if not isinstance(data, dict) or not isinstance(data.get("list", []), list):
            raise MalformedResponse("property history answer has no data.list", response)
        values: list[tuple[int, str]] = []
        for item in data.get("list", []):
            ms = item.get("time") if isinstance(item, dict) else None
            if not isinstance(ms, int) or isinstance(ms, bool):
                raise MalformedResponse(f"property history item without a time: {item!r:.80}", response)
            value = item.get("value")
            values.append((ms, value if isinstance(value, str) else _text_of(value)))
        total = data.get("total", len(values))
        return HistoryPage(total if isinstance(total, int) else len(values), values, response)

    def iter_property_history(self, identifier: str, start_ms: int, end_ms: int) -> Iterator[HistoryPage]:
        """Every page of a property's history in [start_ms, end_ms], following `offset` until `total` is read."""
        offset = 0
        while True:
            page = self.query_property_history(identifier, start_ms, end_ms, offset=offset)
            yield page
            offset += len(page.values)
            if not page.values or offset >= page.total:
                return


def _text_of(value: Any) -> str:
    """A value the platform sent as JSON rather than text, written as text (`true`, `78`, `{"x":1}`)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


#: A client that uploads, of either platform: both have `endpoint`, `url`, `prepare_upload(body)` and `send`.
UploadClient = OneNetClient | ThingClient
