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

from gui.data.outbox import RequestOptions, may_store_twice, plan_readings, readings_of
from gui.data.target import Target
from gui.onenet.formats import BodyType, FormatError, can_carry, wire_ats
from gui.onenet.readings import Readings
from gui.onenet.split import RequestPlan
from gui.onenet.validation import Issue, Severity, validate
from gui.ui.datapoints_model import Row, RowStatus, RowsView

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
    yet that wait for another target than the one Send sends to (they are not planned).
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
    elsewhere: int = 0

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


def compute_outgoing(
    rows: Sequence[Row],
    options: RequestOptions,
    now: datetime | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    allow_duplicates: bool = False,
    target: Target | None = None,
) -> Outgoing:
    """Readings of the rows not yet sent, validated, each format's ability to carry them, and the plan.

    `rows` is a snapshot of the table (Row objects are immutable). Rows being sent
    are left out; so are rows that may be stored twice (`may_store_twice`), unless
    `allow_duplicates` (they are listed in `held_back`). Only rows of `target` (and rows
    without one, which Send gives it) are taken: each row goes to its own target only
    (`Outgoing.elsewhere` counts the others; `target` None: only rows without one). Rows are grouped and planned
    by `gui.data.outbox` (`readings_of`, `plan_readings`), as `send` and `outbox send` do. Raises Cancelled as soon as
    `cancelled()` is true between steps. Messages in `problem` are English (core
    messages); the window adds its own words.
    """
    body_type = options.body_type
    sent, in_flight, unsent = RowStatus.SENT, RowStatus.IN_FLIGHT, RowStatus.UNSENT
    chosen = array("q")  # not a list: no million-item container for the garbage collector to traverse
    held_back: list[int] = []
    elsewhere = 0
    # The model's snapshot is read without a Row per row (a million rows: no million objects made and kept).
    statuses = (
        rows.statuses() if isinstance(rows, RowsView) else ((row.status, row.point.at, row.target) for row in rows)
    )
    for i, (status, at, row_target) in enumerate(statuses):
        if status is sent or status is in_flight:
            continue
        if row_target is not target and row_target != target and row_target.is_set:
            elsewhere += 1
            continue
        # `status is not unsent` only spares a million unsent rows the call: the platform holds none of them.
        if not allow_duplicates and status is not unsent and may_store_twice(status.value, at, body_type):
            held_back.append(i)
        else:
            chosen.append(i)
    readings, order = rows.readings(chosen) if isinstance(rows, RowsView) else readings_of(rows, chosen)
    outgoing = Outgoing(readings, order, [], options, snapshot=rows, held_back=held_back, elsewhere=elsewhere)
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
        outgoing.plan = plan_readings(readings, options, ats=ats)
    except (FormatError, ValueError) as exc:
        outgoing.problem = str(exc)
    return outgoing
