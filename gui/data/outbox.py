"""The outbox service: what a row's state means for a send, what a resend risks, and how rows become requests.

The window, the History tab, `send` and `outbox send` all call this module, so each rule
lives here once; the SQL behind it is `gui.data.store`'s, the sending (retries, history)
`gui.data.pipeline`'s. No Qt here.

- **What a resend risks** (`stamped_by_platform`, `resend_risk`, `may_store_twice`): a
  datapoint sent without `at` (or in a type 3 body, which carries none) is stamped by the
  platform with its arrival time, so a second copy is a second datapoint; one with `at`
  overwrites itself, harmlessly (shared onenet-api.md, "Timestamps" and "Overwrite rule").
  Such a datapoint is held back from a send, or counted before a resend, when the
  platform may hold it already: its outcome is `unknown` (or `sent`, for a resend).
- **How rows become requests** (`readings_of`, `plan_readings`, `requests_of`): rows are
  grouped by datastream (streams in the order of their first row, rows in their order
  within a stream), planned by the one planner, `gui.onenet.split.plan_requests`, with
  every split rule it has (limits, one datapoint without `at` of a stream per request),
  and each planned span becomes a `PlannedRequest` carrying the rows' outbox
  ids and revisions. The window's Send, `send` and `outbox send` make the same requests
  of the same rows.
- **Both platforms** (`gui.data.target.Platform`): rows of a current-platform target
  (thing model) are planned by `gui.onenet.onejson.plan_posts` (history posts for
  datapoints with `at`, at most 100 values a request; property posts for those without)
  into `PlannedRequest`s of `platform` THING, whose body is the exact OneJSON post (its
  message `id` given as the request is taken). The resend rules are the same: a value
  without `at` is stamped on arrival (a copy is a second value), one with `at` carries
  its time; such a body is recorded as `BodyType.FULL_JSON` with `platform` THING.
- **Clients** (`clients`, `thing_clients`): the one way to build the client a send uses
  from a target and where its key comes from; a fresh token per request (`ThingClient`).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol, runtime_checkable

from gui.data.logs import register_secret
from gui.data.store import HistoryEntry, OutboxRow, QueuedRow, RequestOutcome, State, Store
from gui.data.target import SANDBOX_ENDPOINT, Platform, Target
from gui.onenet.client import DEFAULT_TIMEOUT_S, ConfigError, OneNetClient
from gui.onenet.formats import AtTexts, BodyType, EncodedBody
from gui.onenet.onejson import MAX_HISTORY_VALUES, MessageIds, PostKind, ThingPlan, plan_posts
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS, RequestPlan, plan_requests
from gui.onenet.thing_client import APP_ENDPOINT, ThingClient
from gui.onenet.thingmodel import ThingModel
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "MAY_BE_STORED",
    "ClientFactory",
    "Plan",
    "PlannedRequest",
    "RequestOptions",
    "ThingRequestPlan",
    "ThingSpan",
    "clients",
    "is_safe_to_resend",
    "make_request",
    "may_store_twice",
    "plan_outbox",
    "plan_readings",
    "plan_thing",
    "readings_of",
    "requests_of",
    "requeue_for_resend",
    "resend_plan",
    "resend_risk",
    "stamped_by_platform",
    "thing_clients",
    "thing_requests_of",
]

#: `(endpoint, device_id) -> OneNetClient` with the api-key for that device; may raise ConfigError.
ClientFactory = Callable[[str, str], OneNetClient]
#: `(endpoint, "<product id>/<device name>") -> ThingClient` with that device's key; may raise ConfigError.
ThingClientFactory = Callable[[str, str], ThingClient]
#: The Content-Type of every OneJSON post.
_ONEJSON_CT = "application/json"


@dataclass(frozen=True)
class RequestOptions:
    """How an upload is cut into requests: body type, type 5 separators (None: automatic), limits per request.

    Limits are datapoints and body bytes (UTF-8) per request; the defaults are
    `gui.onenet.split`'s (500, 64 KiB: the platform documents no limit).
    """

    body_type: BodyType = BodyType.FULL_JSON
    separators: str | None = None
    max_points: int = DEFAULT_MAX_POINTS
    max_bytes: int = DEFAULT_MAX_BYTES


# -- what a resend risks -----------------------------------------------------------------------------

#: States in which the platform may hold a row's datapoint already: it answered errno 0, or nobody knows.
MAY_BE_STORED = frozenset({State.SENT, State.UNKNOWN})


def stamped_by_platform(at: datetime | None, body_type: BodyType) -> bool:
    """True when the platform stamps this datapoint with its arrival time, so every copy sent is a new datapoint.

    Sent without `at`, or in a type 3 body, which carries no `at` at all (shared
    onenet-api.md, "Body formats", "Timestamps"); with `at` a copy overwrites itself
    ("Overwrite rule").
    """
    return at is None or body_type is BodyType.SIMPLE_JSON


class _HasAt(Protocol):
    @property
    def at(self) -> datetime | None: ...


def resend_risk(points: Iterable[_HasAt], body_type: BodyType = BodyType.FULL_JSON) -> int:
    """How many of these datapoints (or rows) a second copy of their request could store twice.

    Those `stamped_by_platform`: without `at`, or all of them in a type 3 body.
    """
    return sum(1 for point in points if stamped_by_platform(point.at, body_type))


def is_safe_to_resend(points: Iterable[_HasAt], body_type: BodyType = BodyType.FULL_JSON) -> bool:
    """True when sending these datapoints again cannot duplicate any: every one has an explicit `at`, not type 3.

    A request made of such rows is `idempotent`: only then does the pipeline resend it
    itself after an unknown outcome; otherwise the user decides.
    """
    return resend_risk(points, body_type) == 0


def may_store_twice(state: str, at: datetime | None, body_type: BodyType, *, maybe_stored: bool = False) -> bool:
    """True when sending this row (again) may store its datapoint twice.

    The platform may hold it already (`state` in `MAY_BE_STORED`, or `maybe_stored`:
    a request that carried it was stored, or has no clear outcome) and a copy would be
    a new datapoint (`stamped_by_platform`). `state` is a `State` or its value (the
    editor's statuses use the same words). A send holds such rows back unless the user
    accepts duplicates; a resend from the history asks first.
    """
    return (maybe_stored or state in MAY_BE_STORED) and stamped_by_platform(at, body_type)


def resend_plan(store: Store, entries: Iterable[HistoryEntry]) -> tuple[list[int], int]:
    """What resending these history requests sends: `(outbox ids, how many of them may be stored twice)`.

    The ids are the rows the requests carried that still exist and are not being sent
    (what `requeue_for_resend` re-queues), sorted. Counted as duplicates: rows for which
    `may_store_twice` holds, where the platform may hold a row already when it is marked
    sent or unknown now, or one of these requests carrying it was stored, has no clear
    outcome or never finished; a row carried in a type 3 body was stamped by the
    platform whatever its `at`. Rows of refused requests alone are not counted.
    """
    carried: set[int] = set()
    maybe_stored: set[int] = set()
    simple: set[int] = set()  # carried by a type 3 body
    for entry in entries:
        carried.update(entry.outbox_ids)
        if entry.request_outcome in (None, RequestOutcome.SENT, RequestOutcome.UNKNOWN):
            maybe_stored.update(entry.outbox_ids)
        if entry.body_type is BodyType.SIMPLE_JSON:
            simple.update(entry.outbox_ids)
    rows = [r for r in store.get(sorted(carried)) if r.state is not State.IN_FLIGHT]
    duplicates = sum(
        1
        for r in rows
        if may_store_twice(
            r.state,
            r.at,
            BodyType.SIMPLE_JSON if r.id in simple else BodyType.FULL_JSON,
            maybe_stored=r.id in maybe_stored,
        )
    )
    return [r.id for r in rows], duplicates


def requeue_for_resend(store: Store, ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Make these outbox rows go out again: `(editor_ids, queued_ids)`.

    Rows in the editor become "not sent" there (`draft`, as "Mark all unsent" does) so the
    next Send takes them; rows no longer in the editor are queued (`unsent`) for
    `onenet-uploader outbox send`. Rows being sent are left alone. Ask first when
    `resend_plan` counts duplicates.
    """
    rows = [r for r in store.get(sorted(set(ids))) if r.state is not State.IN_FLIGHT]
    editor = [r.id for r in rows if r.in_editor]
    queued = [r.id for r in rows if not r.in_editor]
    if editor:
        store.set_state(editor, State.DRAFT)
    if queued:
        store.set_state(queued, State.UNSENT)
    return editor, queued


# -- requests from rows ------------------------------------------------------------------------------


class Carried(Protocol):
    """A row a request can carry: the editor's `Row` or the store's `OutboxRow`."""

    @property
    def id(self) -> int | None: ...
    @property
    def revision(self) -> int: ...
    @property
    def stream_id(self) -> str: ...
    @property
    def point(self) -> Datapoint: ...


def readings_of(rows: Sequence[Carried], chosen: Iterable[int] | None = None) -> tuple[Readings, array[int]]:
    """The readings of `rows[i]` for i in `chosen` (default: all), and for each datapoint in readings order its i.

    Streams appear in the order of their first row; within a stream rows keep their
    order, which is the order the platform receives them in (the later of two equal
    `at` wins). The i are an `array("q")`: a list of a million ints would be traversed by
    every garbage collection of its generation, holding the GIL (the window's stall).
    """
    by_stream: dict[str, tuple[array[int], list[Datapoint]]] = {}
    for i in range(len(rows)) if chosen is None else chosen:
        row = rows[i]
        group = by_stream.get(row.stream_id)
        if group is None:
            group = by_stream[row.stream_id] = (array("q"), [])
        group[0].append(i)
        group[1].append(row.point)
    order = array("q")
    for indexes, _ in by_stream.values():
        order += indexes
    return Readings([Datastream(stream_id, points) for stream_id, (_, points) in by_stream.items()]), order


def plan_readings(readings: Readings, options: RequestOptions, *, ats: AtTexts | None = None) -> RequestPlan:
    """The requests that upload `readings` as `options` say: `gui.onenet.split.plan_requests`, the one planner.

    Raises FormatError when the body type cannot carry the readings, ValueError for
    limits below one datapoint or `split.MIN_MAX_BYTES`.
    """
    return plan_requests(
        readings, options.body_type, options.max_points, options.max_bytes, options.separators, ats=ats
    )


@dataclass(frozen=True)
class PlannedRequest:
    """One request to send: the exact body, where to, and the outbox rows it carries.

    `revisions` are the rows' `OutboxRow.revision` the body was encoded from, aligned
    with `outbox_ids`: a row edited since is not sent with stale content (the request
    is skipped). `idempotent`: sending it twice stores everything once (see
    `is_safe_to_resend`); only then does the pipeline resend after an unknown outcome.
    """

    endpoint: str
    device_id: str
    body: EncodedBody
    outbox_ids: tuple[int, ...]
    revisions: tuple[int, ...]
    idempotent: bool
    platform: Platform = Platform.DATAPOINTS
    kind: PostKind | None = None  #: THING: which post (property or history)

    @property
    def datapoints(self) -> int:
        """Number of datapoints carried."""
        return len(self.outbox_ids)

    @property
    def key(self) -> tuple[Platform, str, str]:
        """`(platform, endpoint, device_id)`: the target, one client per key in a send."""
        return self.platform, self.endpoint, self.device_id

    @property
    def target(self) -> tuple[str, str]:
        """`(endpoint, device_id)`."""
        return self.endpoint, self.device_id


def _request(endpoint: str, device_id: str, rows: Sequence[Carried], body: EncodedBody) -> PlannedRequest:
    ids = tuple(row.id for row in rows)
    if not ids or None in ids:
        raise ValueError("a request carries at least one datapoint, each an outbox row (with an id)")
    return PlannedRequest(
        endpoint,
        device_id,
        body,
        ids,  # type: ignore[arg-type]  # no None among them, checked above
        tuple(row.revision for row in rows),
        is_safe_to_resend((row.point for row in rows), body.type),
    )


def requests_of(plan: RequestPlan, rows: Sequence[Carried], endpoint: str, device_id: str) -> Iterator[PlannedRequest]:
    """The requests of `plan`, in sending order, each with the rows it carries.

    `rows[i]` is the outbox row of datapoint i of the plan (`Readings.pairs()` order,
    e.g. `[rows[i] for i in order]` with `order` from `readings_of`); the rows are (or
    are about to be) queued to `endpoint` (normalised, as `Store.queue` stores it) and
    `device_id`. Bodies are joined as each request is taken (`RequestPlan.body`).
    ValueError when `rows` does not match the plan or a row has no outbox id.
    """
    if len(rows) != plan.total_points:
        raise ValueError(f"{len(rows)} rows for a plan of {plan.total_points} datapoints")
    for k, span in enumerate(plan.requests):
        yield _request(endpoint, device_id, rows[span.start : span.stop], plan.body(k))


@dataclass(frozen=True)
class ThingSpan:
    """One request of a `ThingRequestPlan`: datapoints `start:stop` of the plan's `order`, its kind and body size.

    Shaped as `split.RequestSpan` (`points`, `size`, `streams`, `oversized`), so the window
    shows and sends both platforms' plans alike.
    """

    start: int
    stop: int
    size: int
    streams: int
    kind: PostKind
    oversized: bool = False

    @property
    def points(self) -> int:
        """Number of datapoints carried."""
        return self.stop - self.start


class ThingRequestPlan:
    """An upload to the current platform as exact requests in sending order (`plan_thing`).

    `order[j]` is the `Readings.pairs()` index of the plan's datapoint j; request k carries
    `order[requests[k].start : requests[k].stop]`. Bodies are made once, each with its own
    message `id`, so what a preview shows is what is sent (`body(k)`, recorded as type 1:
    see the module docstring). `warnings` in words (`onejson.plan_posts`).
    """

    def __init__(self, plan: ThingPlan, ids: MessageIds | None = None) -> None:
        ids = ids or MessageIds()
        self.order: list[int] = [i for request in plan.requests for i in request.points]
        self.requests: list[ThingSpan] = []
        self._bodies: list[EncodedBody] = []
        start = 0
        for request in plan.requests:
            body = EncodedBody(BodyType.FULL_JSON, request.body(ids.next()), _ONEJSON_CT)
            stop = start + len(request.points)
            self.requests.append(ThingSpan(start, stop, len(body.data), len(request.values), request.kind))
            self._bodies.append(body)
            start = stop
        self.warnings = list(plan.warnings)

    def __len__(self) -> int:
        return len(self.requests)

    @property
    def total_points(self) -> int:
        """Datapoints planned."""
        return len(self.order)

    @property
    def total_bytes(self) -> int:
        """Body bytes of every request."""
        return sum(span.size for span in self.requests)

    def body(self, index: int) -> EncodedBody:
        """The exact body of request `index`."""
        return self._bodies[index]


def plan_thing(
    readings: Readings, max_points: int = DEFAULT_MAX_POINTS, model: ThingModel | None = None
) -> ThingRequestPlan:
    """The current platform's requests for `readings`: `onejson.plan_posts`, at most `max_points` (and 100) a request.

    With `model`, values are converted to the model's wire values (a value it refuses raises
    `thingmodel.ValueRefused`: check first with `check_readings`); without it they go as they
    are. ValueError for `max_points` below 1.
    """
    if max_points < 1:
        raise ValueError("at least one datapoint per request")
    return ThingRequestPlan(plan_posts(readings, model, min(max_points, MAX_HISTORY_VALUES)))


def thing_requests_of(plan: ThingRequestPlan, rows: Sequence[Carried], target: Target) -> Iterator[PlannedRequest]:
    """The requests of a current-platform `plan`, in sending order, with the rows they carry.

    `rows[j]` is the outbox row of the plan's datapoint j (plan order: `[rows_by_readings[i]
    for i in plan.order]`), queued (or about to be) to `target` (platform THING). ValueError
    when `rows` does not match the plan, a row has no outbox id or the target is a legacy one.
    """
    if target.platform is not Platform.THING:
        raise ValueError("thing requests go to a current-platform target")
    if len(rows) != plan.total_points:
        raise ValueError(f"{len(rows)} rows for a plan of {plan.total_points} datapoints")
    for k, span in enumerate(plan.requests):
        planned = _request(target.endpoint, target.device_id, rows[span.start : span.stop], plan.body(k))
        yield replace(planned, platform=Platform.THING, kind=span.kind)


def make_request(rows: Sequence[OutboxRow], body: EncodedBody) -> PlannedRequest:
    """A PlannedRequest for a body the caller encoded from exactly these rows, to the target they are queued to.

    The rows must be queued (`Store.queue`) to one endpoint and device; ValueError otherwise.
    """
    if not rows:
        raise ValueError("a request carries at least one datapoint")
    targets = {(row.endpoint, row.device_id) for row in rows}
    if len(targets) != 1:
        raise ValueError("the rows of one request must be queued to one endpoint and device")
    ((endpoint, device_id),) = targets
    if not (endpoint and device_id):
        raise ValueError("queue the rows (Store.queue) before planning their request")
    return _request(endpoint, device_id, rows, body)


@runtime_checkable
class CountedRequests(Protocol):
    """Requests made as they are taken (each body joined, each row read then), their totals known before.

    What `gui.data.pipeline.Pipeline.run` takes without listing every request first: a
    million datapoints' requests made at once held the GIL against the window for seconds
    at the start of a send. `Plan` (`outbox send`) and `Requests` (the window's send) are such.
    """

    requests: int  #: how many requests iterating yields
    datapoints: int  #: how many datapoints they carry together

    def __iter__(self) -> Iterator[PlannedRequest]: ...


class Requests:
    """`CountedRequests` of the window's send: `make()` yields them one by one; `requests`, `datapoints` its totals."""

    def __init__(self, make: Callable[[], Iterator[PlannedRequest]], requests: int, datapoints: int) -> None:
        self._make = make
        self.requests = requests
        self.datapoints = datapoints

    def __iter__(self) -> Iterator[PlannedRequest]:
        return self._make()


class Plan:
    """What a send of the outbox makes: per target, its rows planned into requests (`requests_of`).

    Iterating yields the `PlannedRequest`s in sending order, targets one after the other,
    each body joined as it is taken. `requests` and `datapoints` are the totals (for
    progress); `held_back` counts rows left out because sending them again may store them
    twice (`may_store_twice`); `sandbox` counts rows left out because their target is the
    window's embedded sandbox (`gui.data.target.SANDBOX_ENDPOINT`), which only the window
    runs; `warnings` explain requests over the limits, as `RequestPlan.warnings` does;
    `apart` counts datapoints without `at` that go in a later request than their stream's
    first without `at` (the planner puts one of a stream in a request, `gui.onenet.split`).
    """

    def __init__(
        self,
        targets: list[tuple[Target, RequestPlan | ThingRequestPlan, list[QueuedRow]]],
        held_back: int,
        sandbox: int = 0,
        apart: int = 0,
    ) -> None:
        self._targets = targets
        self.sandbox = sandbox
        self.apart = apart
        self.requests = sum(len(plan) for _, plan, _ in targets)
        self.datapoints = sum(len(rows) for _, _, rows in targets)
        self.held_back = held_back
        self.warnings = [
            Message(
                warning.code,
                "planner",
                QT_TRANSLATE_NOOP("planner", "{target}: {warning}"),
                {"target": target.text(where=False), "warning": warning},
            )
            for target, plan, _ in targets
            for warning in plan.warnings
        ]

    def __iter__(self) -> Iterator[PlannedRequest]:
        for target, plan, rows in self._targets:
            if isinstance(plan, ThingRequestPlan):
                yield from thing_requests_of(plan, [rows[i] for i in plan.order], target)
            else:
                yield from requests_of(plan, rows, target.endpoint, target.device_id)


def plan_outbox(
    store: Store,
    *,
    endpoint: str | None = None,
    device_id: str | None = None,
    body_type: BodyType = BodyType.FULL_JSON,
    max_points: int = DEFAULT_MAX_POINTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_duplicates: bool = False,
) -> Plan:
    """Plan sending the outbox's `unsent` and `unknown` rows (of one endpoint/device if given).

    Rows are taken by target, endpoint and device (in that order), each row to its own
    target only, in id order, and planned as the window plans its rows (`readings_of`,
    `plan_readings`). Rows that `may_store_twice` are held back unless `allow_duplicates`;
    rows for the window's sandbox are left out (`Plan.sandbox`): it runs only in the window.
    Drafts and failed rows are not taken (queue them first). Raises FormatError when
    `body_type` cannot carry the rows, ValueError for limits below one datapoint or for
    type 3, which would drop the `at` the rows were entered with (one value per stream,
    no `at`): plan such requests from the editor.
    """
    if body_type is BodyType.SIMPLE_JSON:
        raise ValueError("type 3 carries one value per datastream and no `at`; the outbox is sent as type 1")
    options = RequestOptions(body_type, None, max_points, max_bytes)
    targets: dict[tuple[str, str, str], list[QueuedRow]] = {}
    held_back = sandbox = 0
    for row in store.queued(endpoint=endpoint, device_id=device_id):
        if row.endpoint == SANDBOX_ENDPOINT:
            sandbox += 1
        elif not allow_duplicates and may_store_twice(row.state, row.point.at, body_type):
            held_back += 1
        else:
            targets.setdefault((row.endpoint, row.device_id, row.platform.value), []).append(row)
    planned: list[tuple[Target, RequestPlan | ThingRequestPlan, list[QueuedRow]]] = []
    apart = 0
    for (target_endpoint, target_device, platform), rows in sorted(targets.items()):
        readings, order = readings_of(rows)
        target = Target(target_endpoint, target_device, Platform(platform))
        by_readings = [rows[i] for i in order]
        if target.platform is Platform.THING:
            planned.append((target, plan_thing(readings, max_points), by_readings))
        else:
            planned.append((target, plan_readings(readings, options), by_readings))
            apart += sum(max(0, sum(p.at is None for p in stream.datapoints) - 1) for stream in readings.datastreams)
    return Plan(planned, held_back, sandbox, apart)


# -- clients -----------------------------------------------------------------------------------------


def clients(api_key: str | Callable[[str], str], *, timeout: float = DEFAULT_TIMEOUT_S) -> ClientFactory:
    """The one way a send builds its `OneNetClient`s: `(endpoint, device_id) -> client`.

    `api_key` is the key, or a function of the device id returning it ("" when there is
    none; it may raise ConfigError with its own reason). Every key is registered with
    `gui.data.logs.register_secret` before use, so logs mask it. The client raises
    ConfigError for an invalid endpoint or device id, and so does the factory when there
    is no api-key. `timeout` is seconds per HTTP attempt.
    """

    def make(endpoint: str, device_id: str) -> OneNetClient:
        key = api_key(device_id) if callable(api_key) else api_key
        if not key:
            raise ConfigError(
                Message(
                    "no-api-key",
                    "outbox",
                    QT_TRANSLATE_NOOP("outbox", "no api-key for device {device}"),
                    {"device": device_id},
                )
            )
        register_secret(key)
        return OneNetClient(endpoint, device_id, key, timeout=timeout)

    return make


def thing_clients(
    device_key: str | Callable[[str], str],
    *,
    access_key: str | Callable[[str], str] = "",
    url_of: Callable[[str], str] | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> ThingClientFactory:
    """The one way a send builds its `ThingClient`s: `(endpoint, "<product id>/<device name>") -> client`.

    `device_key` is the device's key (base64 text) or a function of `<product id>/<device
    name>` returning it ("" when there is none; it may raise ConfigError); `access_key`
    likewise the product's access key (optional: it signs uploads when there is no device
    key, and reads the thing model). Every key is registered with `register_secret`; each
    request gets a fresh token from it (`ThingClient`, 5 minutes), stored nowhere. `url_of`
    maps a stored endpoint to the URL requests go to (the window's sandbox); the device
    endpoint serves the application side too when it is the sandbox. ConfigError when
    there is no key, or for an invalid endpoint, product id or device name.
    """

    def make(endpoint: str, device: str) -> ThingClient:
        product_id, _, device_name = device.partition("/")
        key = device_key(device) if callable(device_key) else device_key
        access = access_key(device) if callable(access_key) else access_key
        if not key and not access:
            raise ConfigError(f"no device key for device {device_name} of product {product_id}")
        for secret in (key, access):
            if secret:
                register_secret(secret)
        url = url_of(endpoint) if url_of is not None else endpoint
        return ThingClient(
            product_id,
            device_name,
            device_key=key or None,
            access_key=access or None,
            device_endpoint=url,
            app_endpoint=url if endpoint == SANDBOX_ENDPOINT else APP_ENDPOINT,
            timeout=timeout,
        )

    return make
