"""The sandbox's current platform: a product with devices, keys and a thing model, and its HTTP routes. No Qt.

The h11 layer (:mod:`gui.sandbox.connection`) hands every request whose path is one of
these routes to :func:`handle`, with the body already read; the answer comes back as a
:class:`ThingAnswer`. Routes, shapes and codes from shared onenet-api.md, "The current platform":

- ``POST /fuse/http/device/thing/property/post?topic=$sys/<pid>/<device name>/thing/property/post&protocol=http``
  and ``.../thing/history/post?topic=...history/post...``: header ``token`` (device key
  with ``res=products/<pid>/devices/<name>``, or the product's access key with
  ``res=products/<pid>``), a OneJSON body; answer ``{"errno":0,"error":"succ"}``.
- ``GET /thingmodel/query-thing-model?product_id=``,
  ``GET /thingmodel/query-device-property?product_id=&device_name=``,
  ``GET /thingmodel/query-device-property-history?product_id=&device_name=&identifier=&start_time=&end_time=``
  ``&sort=&offset=&limit=``:
  header ``authorization`` (access key, ``res=products/<pid>``); answer
  ``{"code":0,"msg":"succ","request_id":"…","data":…}``, values as text.

errno (device side, in ``errno``/``error``) and code (application side, in ``code``/``msg``)
are the documented values: 0 success, 1 internal error, 2 auth failed (authPermissionDeny:
no, unreadable, expired or wrongly signed token, or one whose ``res`` is not this
product/device), 4 parameter missing, 6 invalid parameter (a body that is not OneJSON, an
identifier or value the thing model refuses, more than 100 values of a property or of the
device in a history post, a bad query parameter). Always HTTP 200, as the legacy sandbox:
clients must read the code. A request is all or nothing. Every refusal adds a
:class:`~gui.sandbox.capture.Finding` naming the rule broken (the thing model's by name).

Storage: per product, device and property identifier, values keyed by ``time`` (Unix ms,
UTC); an equal time overwrites (the later wins, assumed as the legacy rule [L]). A value
without ``time`` is stamped with the server clock, strictly increasing.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from gui.onenet.onejson import MAX_HISTORY_VALUES, MAX_ID_DIGITS
from gui.onenet.thingmodel import ModelError, Property, ThingModel, ValueRefused, parse_thing_model
from gui.onenet.token import VERSION, TokenError, TokenParts, parse_token
from gui.sandbox.capture import Finding, Severity, thing_model_finding
from gui.sandbox.demo import (  # the demo product and devices
    DEFAULT_ACCESS_KEY,
    DEFAULT_DEVICE_KEY,
    DEFAULT_DEVICE_NAME,
    DEFAULT_PRODUCT_ID,
    SECOND_DEVICE_KEY,
    SECOND_DEVICE_NAME,
)
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "DEFAULT_ACCESS_KEY",
    "DEFAULT_DEVICE_KEY",
    "DEFAULT_DEVICE_NAME",
    "DEFAULT_PRODUCT_ID",
    "DEMO_THING_MODEL",
    "ERRNO_AUTH",
    "ERRNO_INVALID",
    "ERRNO_MISSING",
    "SECOND_DEVICE_KEY",
    "SECOND_DEVICE_NAME",
    "ThingAnswer",
    "ThingStore",
    "handle",
    "is_thing_path",
]

ERRNO_OK = 0
ERRNO_INTERNAL = 1
ERRNO_AUTH = 2
ERRNO_MISSING = 4
ERRNO_INVALID = 6
_AUTH_FAILED = "auth failed"

#: The demo product's thing model, as the console writes one (numbers in specs as text).
DEMO_THING_MODEL: list[dict[str, Any]] = [
    {
        "identifier": "temp",
        "name": "temperature",
        "accessMode": "r",
        "dataType": {"type": "float", "specs": {"min": "-40", "max": "125", "step": "0.1", "unit": "°C"}},
    },
    {
        "identifier": "count",
        "name": "counter",
        "accessMode": "r",
        "dataType": {"type": "int32", "specs": {"min": "0", "max": "100000", "step": "1"}},
    },
    {
        "identifier": "power",
        "name": "power",
        "accessMode": "rw",
        "dataType": {"type": "bool", "specs": {"0": "off", "1": "on"}},
    },
    {
        "identifier": "mode",
        "name": "mode",
        "accessMode": "rw",
        "dataType": {"type": "enum", "specs": {"0": "eco", "1": "boost", "2": "off"}},
    },
    {
        "identifier": "label",
        "name": "label",
        "accessMode": "rw",
        "dataType": {"type": "string", "specs": {"length": "32"}},
    },
    {
        "identifier": "position",
        "name": "position",
        "accessMode": "r",
        "dataType": {
            "type": "struct",
            "specs": [
                {
                    "identifier": "x",
                    "name": "x",
                    "dataType": {"type": "float", "specs": {"min": "-1000", "max": "1000"}},
                },
                {
                    "identifier": "y",
                    "name": "y",
                    "dataType": {"type": "float", "specs": {"min": "-1000", "max": "1000"}},
                },
            ],
        },
    },
]

_DEVICE_PATH = re.compile(r"/fuse/http/device/thing/(?P<kind>property|history)/post/?")
_APP_PATHS = (
    "/thingmodel/query-thing-model",
    "/thingmodel/query-device-property",
    "/thingmodel/query-device-property-history",
)
_TOPIC = re.compile(r"\$sys/(?P<pid>[^/]+)/(?P<device>[^/]+)/thing/(?P<kind>property|history)/post")
_ID = re.compile(rf"[0-9]{{1,{MAX_ID_DIGITS}}}")
_WHOLE = re.compile(r"[0-9]{1,16}")


def is_thing_path(path: str) -> bool:
    """True for a path of the current platform's routes (device posts and the ``/thingmodel/`` reads)."""
    return _DEVICE_PATH.fullmatch(path) is not None or path.rstrip("/") in _APP_PATHS


@dataclass
class _Product:
    access_key: str
    model_json: list[dict[str, Any]]
    model: ThingModel
    devices: dict[str, str] = field(default_factory=dict)


class ThingStore:
    """Products, devices, keys, thing models and stored property values; thread-safe.

    ``clock`` returns Unix seconds (float): token expiry and the stamps of values without
    ``time``; replace it to freeze time in tests.
    """

    def __init__(self) -> None:
        self.clock: Callable[[], float] = time.time
        self._lock = threading.Lock()
        self._products: dict[str, _Product] = {}
        self._history: dict[tuple[str, str, str], dict[int, Any]] = {}
        self._last_stamp = 0
        self.posts = 0

    @classmethod
    def demo(cls) -> ThingStore:
        """The demo product ``DEFAULT_PRODUCT_ID`` (``DEMO_THING_MODEL``) with devices ``dev1`` and ``dev2``."""
        store = cls()
        store.add_product(DEFAULT_PRODUCT_ID, DEFAULT_ACCESS_KEY, DEMO_THING_MODEL)
        store.add_device(DEFAULT_PRODUCT_ID, DEFAULT_DEVICE_NAME, DEFAULT_DEVICE_KEY)
        store.add_device(DEFAULT_PRODUCT_ID, SECOND_DEVICE_NAME, SECOND_DEVICE_KEY)
        return store

    def add_product(self, product_id: str, access_key: str, model_json: list[dict[str, Any]]) -> None:
        """Add (or replace) a product with its access key and thing model (ModelError when unreadable)."""
        model = parse_thing_model({"properties": model_json})
        with self._lock:
            old = self._products.get(product_id)
            self._products[product_id] = _Product(access_key, model_json, model, dict(old.devices) if old else {})

    def add_device(self, product_id: str, device_name: str, device_key: str) -> None:
        """Accept ``device_key`` for ``device_name`` of a product added before (KeyError otherwise)."""
        with self._lock:
            self._products[product_id].devices[device_name] = device_key

    def history(self, product_id: str, device_name: str, identifier: str) -> list[tuple[int, Any]]:
        """The stored ``(time ms, value)`` of a property, oldest first."""
        with self._lock:
            stored = self._history.get((product_id, device_name, identifier), {})
            return sorted(stored.items())

    def clear(self) -> None:
        """Forget every stored value (products, devices and keys stay)."""
        with self._lock:
            self._history.clear()

    def _product(self, product_id: str) -> _Product | None:
        with self._lock:
            return self._products.get(product_id)

    def _stamp(self) -> int:
        with self._lock:
            self._last_stamp = max(int(self.clock() * 1000), self._last_stamp + 1)
            return self._last_stamp

    def _store(self, product_id: str, device_name: str, values: list[tuple[str, int, Any]]) -> None:
        with self._lock:
            for identifier, ms, value in values:
                self._history.setdefault((product_id, device_name, identifier), {})[ms] = value

    def _latest(self, product_id: str, device_name: str) -> dict[str, tuple[int, Any]]:
        with self._lock:
            return {
                identifier: max(stored.items())
                for (pid, name, identifier), stored in self._history.items()
                if pid == product_id and name == device_name and stored
            }


@dataclass
class ThingAnswer:
    """What a thing route answers: HTTP status, the JSON payload, its code and text, what it stored or returned."""

    status: int
    payload: dict[str, Any]
    errno: int
    error: str
    stored: int = 0
    returned: int | None = None
    device: str | None = None
    findings: list[Finding] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, errno: int, error: str, finding: Finding) -> None:
        super().__init__(error)
        self.errno = errno
        self.error = error
        self.finding = finding


def _refused(errno: int, error: str, fix: str = "") -> _Refused:
    """A refusal: the answer says `error`, except auth failures, which say only `auth failed` (the reason is the
    verdict's, as the legacy sandbox does)."""
    return _Refused(errno, _AUTH_FAILED if errno == ERRNO_AUTH else error, Finding(Severity.ERROR, error, fix))


def _value_text(value: Any) -> str:
    """A stored value as the read APIs write it: text as is, anything else as compact JSON (`78`, `true`)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def handle(store: ThingStore, method: str, target: str, headers: Mapping[str, list[str]], body: bytes) -> ThingAnswer:
    """Answer one request of a thing route (``is_thing_path``); ``headers`` by lower-case name, ``body`` read whole."""
    parts = urlsplit(target)
    params = parse_qs(parts.query, keep_blank_values=True)
    device = _DEVICE_PATH.fullmatch(parts.path)
    if device is not None:
        if method != "POST":
            return _device_answer(ERRNO_MISSING, f"{parts.path} takes POST, not {method}", None)
        return _post(store, device["kind"], params, headers, body)
    return _read(store, method, parts.path.rstrip("/"), params, headers)


def _device_answer(errno: int, error: str, finding: Finding | None, **kwargs: Any) -> ThingAnswer:
    answer = ThingAnswer(200, {"errno": errno, "error": error}, errno, error, **kwargs)
    if finding is not None:
        answer.findings.append(finding)
    return answer


def _header(headers: Mapping[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0].strip() if values else None


def _check_token(store: ThingStore, text: str | None, header: str, product_id: str, device_name: str | None) -> None:
    """_Refused(errno 2) with the reason unless ``text`` is a valid token for that product (and device).

    ``device_name`` None: only a product-level token (access key, ``res=products/<pid>``) is accepted.
    """
    if not text:
        raise _refused(ERRNO_AUTH, f"no {header} header", f"add the header {header}: <a token made from the key>")
    try:
        token = parse_token(text)
    except TokenError as exc:
        raise _refused(
            ERRNO_AUTH, f"the {header} is not a token: {exc}", "make it with onenet-uploader token"
        ) from None
    if token.version != VERSION:
        raise _refused(ERRNO_AUTH, f"token version {token.version!r} is not {VERSION}", f"use version={VERSION}")
    now = store.clock()
    if token.et <= now:
        expired = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(token.et))
        raise _refused(
            ERRNO_AUTH,
            f"the token expired at {expired} (et={token.et}, now {int(now)})",
            "make a fresh token with an expiry (et) in the future",
        )
    product = store._product(product_id)
    if product is None or token.product_id != product_id:
        raise _refused(
            ERRNO_AUTH,
            f"the token's res {token.res!r} is not for product {product_id!r}"
            if product is not None
            else f"product {product_id!r} is not one the sandbox knows",
            f"sign res=products/{product_id}" + (f"/devices/{device_name}" if device_name else ""),
        )
    key = _signing_key(product, token, device_name)
    if not token.signed_by(key):
        owner = "the product's access key" if token.device_name is None else f"device {token.device_name!r}'s key"
        raise _refused(
            ERRNO_AUTH,
            f"the token's signature does not match {owner} (res {token.res!r}, method {token.method})",
            "copy the key again (base64, as the console shows it) and sign et\\nmethod\\nres\\nversion",
        )


def _signing_key(product: _Product, token: TokenParts, device_name: str | None) -> str:
    if token.device_name is None:
        return product.access_key
    if device_name is None:
        raise _refused(
            ERRNO_AUTH,
            f"a device token (res {token.res!r}) cannot read the application APIs",
            "sign res=products/<pid> with the product's access key",
        )
    if token.device_name != device_name:
        raise _refused(
            ERRNO_AUTH,
            f"the token is for device {token.device_name!r}, the topic names {device_name!r}",
            f"sign res=products/<pid>/devices/{device_name} with that device's key",
        )
    key = product.devices.get(device_name)
    if key is None:
        raise _refused(ERRNO_AUTH, f"device {device_name!r} is not one the sandbox knows", "check the device name")
    return key


def _post(
    store: ThingStore, kind: str, params: dict[str, list[str]], headers: Mapping[str, list[str]], body: bytes
) -> ThingAnswer:
    store.posts += 1
    topic_values = params.get("topic")
    device: str | None = None
    try:
        if not topic_values:
            raise _refused(
                ERRNO_MISSING,
                "no topic parameter",
                f"add ?topic=$sys/<pid>/<device name>/thing/{kind}/post&protocol=http to the URL",
            )
        topic = _TOPIC.fullmatch(topic_values[0])
        if topic is None or topic["kind"] != kind:
            raise _refused(
                ERRNO_INVALID,
                f"topic {topic_values[0][:120]!r} is not $sys/<pid>/<device name>/thing/{kind}/post",
                f"the topic names this API: $sys/<pid>/<device name>/thing/{kind}/post",
            )
        product_id, device_name = topic["pid"], topic["device"]
        device = f"{product_id}/{device_name}"
        _check_token(store, _header(headers, "token"), "token", product_id, device_name)
        product = store._product(product_id)
        assert product is not None
        message = _message(body)
        if kind == "property":
            values = _property_values(product.model, message)
        else:
            values = _history_values(product.model, message)
    except _Refused as exc:
        return _device_answer(exc.errno, exc.error, exc.finding, device=device)
    stamp = store._stamp() if any(ms is None for _, ms, _ in values) else 0  # one arrival time per request
    stamped = [(identifier, ms if ms is not None else stamp, value) for identifier, ms, value in values]
    store._store(product_id, device_name, stamped)
    return _device_answer(ERRNO_OK, "succ", None, stored=len(stamped), device=device)


def _message(body: bytes) -> dict[str, Any]:
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refused(ERRNO_INVALID, f"the body is not JSON: {exc}", "send a OneJSON object as the body") from None
    if not isinstance(message, dict):
        raise _refused(ERRNO_INVALID, "the body is not a JSON object", '{"id":"1","version":"1.0","params":...}')
    if "id" not in message or "params" not in message:
        missing = " and ".join(name for name in ("id", "params") if name not in message)
        raise _refused(ERRNO_MISSING, f"the body has no {missing}", '{"id":"1","version":"1.0","params":...}')
    if not isinstance(message["id"], str) or not _ID.fullmatch(message["id"]):
        raise _refused(
            ERRNO_INVALID,
            f"id {json.dumps(message['id'])[:40]} is not a string of at most {MAX_ID_DIGITS} digits",
            'write the id as text of digits, e.g. "id":"123"',
        )
    return message


def _checked(model: ThingModel, identifier: Any, value: Any) -> Any:
    prop: Property | None = model.get(identifier) if isinstance(identifier, str) else None
    try:
        if prop is None:
            raise ValueRefused(
                "unknown-identifier", f"{identifier!r} is not in the model ({', '.join(model.properties)})"
            )
        return prop.check_json(value)
    except ValueRefused as exc:
        text = f"property {identifier!r}: {exc}"
        what = Message(
            "thing-model-property",
            "sandbox",
            QT_TRANSLATE_NOOP("sandbox", "property {property}: {what}"),
            {"property": repr(identifier), "what": exc.what},
        )
        raise _Refused(
            ERRNO_INVALID, f"invalid parameter: {text} ({exc.rule})", thing_model_finding(exc.rule, what)
        ) from None


def _time(identifier: str, item: dict[str, Any], required: bool) -> int | None:
    ms = item.get("time")
    if ms is None and not required:
        return None
    if isinstance(ms, bool) or not isinstance(ms, int) or ms < 0:
        raise _refused(
            ERRNO_INVALID if "time" in item else ERRNO_MISSING,
            f"property {identifier!r}: time {json.dumps(ms)} is not Unix milliseconds",
            "write time as a whole number of milliseconds since 1970 (UTC), e.g. 1780466677032",
        )
    return ms


def _property_values(model: ThingModel, message: dict[str, Any]) -> list[tuple[str, int | None, Any]]:
    params = message["params"]
    if not isinstance(params, dict) or not params:
        raise _refused(
            ERRNO_INVALID,
            "params of a property post must be an object of properties",
            '"params":{"temp":{"value":21.5}}',
        )
    values = []
    for identifier, item in params.items():
        if not isinstance(item, dict) or "value" not in item:
            raise _refused(
                ERRNO_INVALID, f'property {identifier!r} is not {{"value": ...}}', f'"{identifier}":{{"value":...}}'
            )
        values.append((identifier, _time(identifier, item, False), _checked(model, identifier, item["value"])))
    return values


def _history_values(model: ThingModel, message: dict[str, Any]) -> list[tuple[str, int | None, Any]]:
    params = message["params"]
    if not isinstance(params, list) or not params:
        raise _refused(
            ERRNO_INVALID,
            'params of a history post must be a list of {"properties": ...}',
            '"params":[{"properties":{"temp":[{"value":20.1,"time":1524448722000}]}}]',
        )
    values: list[tuple[str, int | None, Any]] = []
    for entry in params:
        properties = entry.get("properties") if isinstance(entry, dict) else None
        if not isinstance(properties, dict):
            raise _refused(ERRNO_INVALID, "a params entry has no properties object", '{"properties":{"temp":[...]}}')
        for identifier, items in properties.items():
            if not isinstance(items, list):
                raise _refused(
                    ERRNO_INVALID, f"property {identifier!r} is not a list of values", f'"{identifier}":[...]'
                )
            if len(items) > MAX_HISTORY_VALUES:
                raise _refused(
                    ERRNO_INVALID,
                    f"property {identifier!r} has {len(items)} values, more than {MAX_HISTORY_VALUES} in one request",
                    f"split into requests of at most {MAX_HISTORY_VALUES} values per property (onenet-api.md)",
                )
            for item in items:
                if not isinstance(item, dict) or "value" not in item:
                    raise _refused(ERRNO_INVALID, f'a value of {identifier!r} is not {{"value","time"}}', "")
                values.append((identifier, _time(identifier, item, True), _checked(model, identifier, item["value"])))
    if len(values) > MAX_HISTORY_VALUES:
        raise _refused(
            ERRNO_INVALID,
            f"{len(values)} values in one history post, more than {MAX_HISTORY_VALUES} per device",
            f"split into requests of at most {MAX_HISTORY_VALUES} values (onenet-api.md)",
        )
    return values


# -- application side --------------------------------------------------------------------------


def _app_answer(code: int, msg: str, data: Any = None, finding: Finding | None = None, **kwargs: Any) -> ThingAnswer:
    payload: dict[str, Any] = {"code": code, "msg": msg, "request_id": uuid.uuid4().hex}
    if data is not None:
        payload["data"] = data
    answer = ThingAnswer(200, payload, code, msg, **kwargs)
    if finding is not None:
        answer.findings.append(finding)
    return answer


def _param(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name)
    if not values or not values[0]:
        raise _refused(ERRNO_MISSING, f"parameter {name} is missing", f"add {name}= to the query")
    return values[0]


def _whole(params: dict[str, list[str]], name: str, default: int | None = None) -> int:
    values = params.get(name)
    if not values and default is not None:
        return default
    text = _param(params, name)
    if not _WHOLE.fullmatch(text):
        raise _refused(ERRNO_INVALID, f"parameter {name} {text[:30]!r} is not a whole number", "")
    return int(text)


def _read(
    store: ThingStore, method: str, path: str, params: dict[str, list[str]], headers: Mapping[str, list[str]]
) -> ThingAnswer:
    device: str | None = None
    try:
        if method != "GET":
            raise _refused(ERRNO_MISSING, f"{path} takes GET, not {method}")
        product_id = _param(params, "product_id")
        _check_token(store, _header(headers, "authorization"), "authorization", product_id, None)
        product = store._product(product_id)
        assert product is not None
        if path == "/thingmodel/query-thing-model":
            model = {"properties": product.model_json, "events": [], "services": []}
            return _app_answer(ERRNO_OK, "succ", model, returned=len(product.model_json))
        device_name = _param(params, "device_name")
        device = f"{product_id}/{device_name}"
        if device_name not in product.devices:
            raise _refused(ERRNO_INVALID, f"device {device_name!r} is not one of product {product_id!r}")
        if path == "/thingmodel/query-device-property":
            latest = store._latest(product_id, device_name)
            data = [
                {"identifier": identifier, "time": ms, "value": _value_text(value)}
                for identifier, (ms, value) in sorted(latest.items())
            ]
            return _app_answer(ERRNO_OK, "succ", data, returned=len(data), device=device)
        identifier = _param(params, "identifier")
        start, end = _whole(params, "start_time"), _whole(params, "end_time")
        sort = _whole(params, "sort", 1)
        offset, limit = _whole(params, "offset", 0), _whole(params, "limit", 10)
        if sort not in (1, 2) or not 1 <= limit <= 100 or start > end:
            raise _refused(ERRNO_INVALID, "sort is 1 or 2, limit 1..100 and start_time not after end_time")
        if store._product(product_id) is not None and product.model.get(identifier) is None:
            raise _refused(ERRNO_INVALID, f"identifier {identifier!r} is not in the thing model")
        stored = [(ms, v) for ms, v in store.history(product_id, device_name, identifier) if start <= ms <= end]
        if sort == 2:
            stored.reverse()
        page = stored[offset : offset + limit]
        history = {"total": len(stored), "list": [{"time": ms, "value": _value_text(v)} for ms, v in page]}
        return _app_answer(ERRNO_OK, "succ", history, returned=len(page), device=device)
    except _Refused as exc:
        return _app_answer(exc.errno, exc.error, finding=exc.finding, device=device)
    except ModelError as exc:  # a model added badly: a sandbox bug
        return _app_answer(ERRNO_INTERNAL, f"internal error: {exc}")
