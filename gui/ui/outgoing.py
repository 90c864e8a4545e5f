"""What Send would send now: the editor's unsent rows as readings, their issues, and the request plan.

Computed from an immutable snapshot of the table's rows, so it can run on a
worker thread for big uploads (a million datapoints take seconds) while the
window stays responsive. No widgets here.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from gui.data.outbox import RequestOptions, ThingRequestPlan, may_store_twice, plan_readings, plan_thing, readings_of
from gui.data.target import Platform, Target
from gui.onenet.formats import BodyType, FormatError, can_carry, wire_ats
from gui.onenet.readings import Readings
from gui.onenet.split import RequestPlan
from gui.onenet.thingmodel import ThingModel, check_readings
from gui.onenet.validation import Issue, Severity, validate
from gui.text import Message
from gui.ui.rows import Row, RowStatus, RowsView

__all__ = ["Cancelled", "Outgoing", "compute_outgoing"]


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
    them twice (`gui.data.outbox.may_store_twice`). `elsewhere` counts the rows not sent
    yet that wait for another target than the one Send sends to (they are not planned);
    `elsewhere_targets` names those targets, in the order first met.
    For a current-platform target `plan` is a `ThingRequestPlan`, whose order is not the
    readings' (history posts first): `plan_rows` gives the rows in its order.
    """

    readings: Readings
    rows: Sequence[int]  # an array("q") (see `readings_of`)
    issues: list[Issue]
    options: RequestOptions
    carry: dict[BodyType, str | None] = field(default_factory=dict)
    plan: RequestPlan | ThingRequestPlan | None = None
    problem: str = ""
    snapshot: Sequence[Row] = ()
    generation: int = 0
    held_back: list[int] = field(default_factory=list)
    elsewhere: int = 0
    elsewhere_targets: tuple[Target, ...] = ()
    thing: bool = False  #: for a current-platform target (OneJSON posts)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    def plan_rows(self) -> Sequence[int]:
        """The table rows in the plan's order: request k carries `plan_rows()[start:stop]` of its span."""
        if isinstance(self.plan, ThingRequestPlan):
            return [self.rows[i] for i in self.plan.order]
        return self.rows

    def request_rows(self, index: int) -> Sequence[int]:
        """The table rows whose datapoints request `index` carries."""
        assert self.plan is not None
        request = self.plan.requests[index]
        if isinstance(self.plan, ThingRequestPlan):
            return [self.rows[i] for i in self.plan.order[request.start : request.stop]]
        return self.rows[request.start : request.stop]


def compute_outgoing(
    rows: Sequence[Row],
    options: RequestOptions,
    now: datetime | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    allow_duplicates: bool = False,
    target: Target | None = None,
    thing_model: ThingModel | None = None,
    thing_note: str = "",
    thing_pending: str = "",
) -> Outgoing:
    """Readings of the rows not yet sent, validated, each format's ability to carry them, and the plan.

    `rows` is a snapshot of the table (Row objects are immutable). Rows being sent
    are left out; so are rows that may be stored twice (`may_store_twice`), unless
    `allow_duplicates` (they are listed in `held_back`). Only rows of `target` (and rows
    without one, which Send gives it) are taken: each row goes to its own target only
    (`Outgoing.elsewhere` counts the others; `target` None: only rows without one). Rows are grouped and planned
    by `gui.data.outbox` (`readings_of`, `plan_readings`; `plan_thing` for a current-platform target, its
    values checked against `thing_model` by `check_readings`, or, without one, a warning saying why they are
    not: `thing_note`; while the model is being read, `thing_pending` says so and nothing is planned),
    as `send` and `outbox send` do. Raises Cancelled as soon as
    `cancelled()` is true between steps. Messages in `problem` are English (core
    messages); the window adds its own words.
    """
    body_type = options.body_type
    sent, in_flight, unsent = RowStatus.SENT, RowStatus.IN_FLIGHT, RowStatus.UNSENT
    chosen = array("q")  # not a list: no million-item container for the garbage collector to traverse
    held_back: list[int] = []
    elsewhere = 0
    others: dict[Target, None] = {}  # the targets of those, in order (a row's target is mostly its neighbour's)
    last_other: Target | None = None
    # The model's snapshot is read without a Row per row (a million rows: no million objects made and kept).
    statuses = (
        rows.statuses() if isinstance(rows, RowsView) else ((row.status, row.point.at, row.target) for row in rows)
    )
    for i, (status, at, row_target) in enumerate(statuses):
        if status is sent or status is in_flight:
            continue
        if row_target is not target and row_target != target and row_target.is_set:
            elsewhere += 1
            if row_target is not last_other:
                others[row_target] = None
                last_other = row_target
            continue
        # `status is not unsent` only spares a million unsent rows the call: the platform holds none of them.
        if not allow_duplicates and status is not unsent and may_store_twice(status.value, at, body_type):
            held_back.append(i)
        else:
            chosen.append(i)
    readings, order = rows.readings(chosen) if isinstance(rows, RowsView) else readings_of(rows, chosen)
    outgoing = Outgoing(
        readings,
        order,
        [],
        options,
        snapshot=rows,
        held_back=held_back,
        elsewhere=elsewhere,
        elsewhere_targets=tuple(others),
    )
    if cancelled():
        raise Cancelled
    ats = wire_ats(readings)
    if cancelled():
        raise Cancelled
    outgoing.issues = validate(readings, now, ats=ats)
    thing = outgoing.thing = target is not None and target.platform is Platform.THING
    if thing and order:
        if thing_model is not None:
            outgoing.issues += check_readings(thing_model, readings)
        else:
            outgoing.issues.append(
                Issue(Severity.WARNING, "thing-model-unchecked", Message.verbatim(thing_note), "", 0)
            )
    if cancelled():
        raise Cancelled
    outgoing.carry = {t: can_carry(readings, t, ats=ats) for t in BodyType}
    if not order:
        return outgoing
    if cancelled():
        raise Cancelled
    if thing and thing_pending:
        outgoing.problem = thing_pending
        return outgoing
    try:
        if thing:
            if outgoing.errors:
                raise ValueError("the thing model refuses some values (listed)")
            outgoing.plan = plan_thing(readings, options.max_points, thing_model)
        else:
            outgoing.plan = plan_readings(readings, options, ats=ats)
    except (FormatError, ValueError) as exc:
        outgoing.problem = str(exc)
    return outgoing
