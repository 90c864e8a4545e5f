"""What Send would send now: the editor's unsent rows as readings, their issues, and the request plan.

Computed from an immutable snapshot of the table's rows, so it can run on a
worker thread for big uploads (a million datapoints take seconds) while the
window stays responsive. No widgets here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from gui.onenet.client import OneNetClient, OneNetError, PlatformResponse
from gui.onenet.formats import BodyType, FormatError, can_carry, wire_ats
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS, RequestPlan, plan_requests
from gui.onenet.validation import Issue, Severity, validate
from gui.ui.datapoints_model import Row, RowStatus


@dataclass(frozen=True)
class RequestOptions:
    """The user's choices for the requests: body type, type 5 separators (None: automatic), limits per request."""

    body_type: BodyType = BodyType.FULL_JSON
    separators: str | None = None
    max_points: int = DEFAULT_MAX_POINTS
    max_bytes: int = DEFAULT_MAX_BYTES


class Cancelled(Exception):
    """The computation was superseded (the rows or options changed meanwhile)."""


@dataclass
class Outgoing:
    """The upload Send would make: readings, for each datapoint (readings order) its table row, issues, plan.

    `carry` gives, per body type, why it cannot carry the readings (None: it
    can), for the format selector. `problem` says why nothing can be sent.
    `snapshot` holds the Row objects the plan was made from, so a row that
    changed since is never marked sent by mistake. `held_back` lists the rows
    left out because their outcome is unknown and sending them again may store
    them twice (no explicit `at`; see `gui.data.pipeline.is_safe_to_resend`).
    """

    readings: Readings
    rows: list[int]
    issues: list[Issue]
    options: RequestOptions
    carry: dict[BodyType, str | None] = field(default_factory=dict)
    plan: RequestPlan | None = None
    problem: str = ""
    snapshot: Sequence[Row] = ()
    generation: int = 0
    held_back: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    def request_rows(self, index: int) -> list[int]:
        """The table rows whose datapoints request `index` carries."""
        assert self.plan is not None
        request = self.plan.requests[index]
        return self.rows[request.start : request.stop]


def readings_of(rows: Sequence[Row], chosen: Sequence[int]) -> tuple[Readings, list[int]]:
    """The readings of rows `chosen`, and for each datapoint in readings order its row.

    Streams appear in the order of their first row; within a stream rows keep
    their order (the bodies follow this order). Same as
    `DatapointsModel.readings`, on a snapshot.
    """
    by_stream: dict[str, tuple[list[int], list[Datapoint]]] = {}
    for i in chosen:
        row = rows[i]
        group = by_stream.get(row.stream_id)
        if group is None:
            group = by_stream[row.stream_id] = ([], [])
        group[0].append(i)
        group[1].append(row.point)
    order = [i for indexes, _ in by_stream.values() for i in indexes]
    return Readings([Datastream(stream_id, points) for stream_id, (_, points) in by_stream.items()]), order


def compute_outgoing(
    rows: Sequence[Row],
    options: RequestOptions,
    now: datetime | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    allow_duplicates: bool = False,
) -> Outgoing:
    """Readings of the rows not yet sent, validated, each format's ability to carry them, and the plan.

    `rows` is a snapshot of the table (Row objects are immutable). Rows being sent
    are left out; so are `unknown` rows that may be stored twice, unless
    `allow_duplicates` (they are listed in `held_back`). Raises Cancelled as soon as
    `cancelled()` is true between steps. Messages in `problem` are English (core
    messages); the window adds its own words.
    """
    body_type = options.body_type
    unknown_may_duplicate = not allow_duplicates
    type3 = body_type is BodyType.SIMPLE_JSON
    sent, in_flight, unknown = RowStatus.SENT, RowStatus.IN_FLIGHT, RowStatus.UNKNOWN
    chosen: list[int] = []
    held_back: list[int] = []
    # A row whose outcome is unknown may be stored twice if sent again without an `at`, or as type 3.
    for i, row in enumerate(rows):
        status = row.status
        if status is sent or status is in_flight:
            continue
        if unknown_may_duplicate and status is unknown and (type3 or row.point.at is None):
            held_back.append(i)
        else:
            chosen.append(i)
    readings, order = readings_of(rows, chosen)
    outgoing = Outgoing(readings, order, [], options, snapshot=rows, held_back=held_back)
    if cancelled():
        raise Cancelled
    ats = wire_ats(readings)
    if cancelled():
        raise Cancelled
    outgoing.issues = validate(readings, now, ats=ats)
    if cancelled():
        raise Cancelled
    outgoing.carry = {t: can_carry(readings, t, ats=ats) for t in BodyType}
    if not order:
        return outgoing
    if cancelled():
        raise Cancelled
    try:
        outgoing.plan = plan_requests(
            readings, options.body_type, options.max_points, options.max_bytes, options.separators, ats=ats
        )
    except (FormatError, ValueError) as exc:
        outgoing.problem = str(exc)
    return outgoing


@dataclass
class SendJob:
    """One send: the plan's requests sent in order on a worker; which were stored; the outbox ids it carries."""

    outgoing: Outgoing
    client: OneNetClient
    stored: list[int] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    finished: bool = False  # the result came: every request was reported


@dataclass(frozen=True)
class SendOutcome:
    """How a send ended: `done` requests of `total` stored; the failure of request `done`, if any."""

    done: int
    total: int
    response: PlatformResponse | None
    error: OneNetError | None = None
