"""A send on the window's thread pool: the pipeline's run, and its progress read from the outbox as requests finish.

`SendWorker` coalesces the rows of finished requests on the sending thread, so the GUI
thread applies one bulk change to the table at most ten times a second, however many
requests finish meanwhile; `_SendJob` is what the send's callbacks on the GUI thread share.
"""

from __future__ import annotations

import bisect
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gui.data.outbox import ThingRequestPlan
from gui.data.store import RequestOutcome, State, Store
from gui.data.target import Platform, Target
from gui.onenet.readings import Datapoint
from gui.onenet.thing_client import UploadClient
from gui.ui.outgoing import Outgoing
from gui.ui.rows import Row, RowsView
from gui.ui.workers import Worker

if TYPE_CHECKING:  # the pipeline (and requests) is imported by the first send, not at start-up
    from gui.data.outbox import PlannedRequest
    from gui.data.pipeline import RetryPolicy
    from gui.data.send_results import PipelineResult, Progress, RetryNotice
    from gui.onenet.split import RequestPlan

#: Seconds between two progress reports of a send to the GUI thread, at least (a failure is told at once).
PROGRESS_INTERVAL_S = 0.1


@dataclass
class SendProgress:
    """What finished since the last report of a send: the rows as the store has them now, and where the send is."""

    done: int
    total: int
    ids: list[int] = field(default_factory=list)  # outbox rows of the requests finished, as plain columns
    states: list[State] = field(default_factory=list)
    revisions: list[int] = field(default_factory=list)
    failed: int | None = None  # the request (1-based) that just failed
    last_sent: bool = False  # the last request finished was stored (so the next one goes out)
    retry: RetryNotice | None = None  # a request waits to be retried


@dataclass
class SendReport:
    """A finished send: the pipeline's result, and the datapoints it stored."""

    result: PipelineResult
    stored: int  # datapoints of the requests stored
    unstamped: list[tuple[str, Datapoint]]  # those of them without `at`: the plot draws them at the send time


class SendWorker(Worker):
    """A send on the pool: `run(cancelled)`; progress is read from the outbox on this thread.

    `report(progress)` (the pipeline's callback) reads the rows of the finished
    request from `store` and keeps them; every PROGRESS_INTERVAL_S, on a
    failure, a retry notice and at the end they go to the GUI thread in one
    `SendProgress`. The result is a `SendReport`.
    """

    def __init__(
        self,
        run: Callable[[Callable[[], bool]], PipelineResult],
        store: Store,
        out: Outgoing,
    ) -> None:
        super().__init__(self._send)
        self._run = run
        self._store = store
        self._out = out
        self._stored_requests: list[int] = []
        self._pending = SendProgress(0, len(out.plan) if out.plan is not None else 0)
        self._last_report = 0.0

    def report(self, item: Progress) -> None:
        progress = item
        if progress.retry is not None:
            self._flush()
            super().report(SendProgress(progress.requests_done, progress.requests_total, retry=progress.retry))
            return
        last = progress.last
        if last is None:
            return
        pending = self._pending
        for row_id, state, revision in self._store.states(last.planned.outbox_ids):
            pending.ids.append(row_id)
            pending.states.append(state)
            pending.revisions.append(revision)
        pending.done, pending.total = progress.requests_done, progress.requests_total
        pending.last_sent = last.outcome is RequestOutcome.SENT
        if pending.last_sent:
            self._stored_requests.append(progress.requests_done - 1)
        elif last.outcome is RequestOutcome.FAILED:
            pending.failed = progress.requests_done
        now = time.monotonic()
        if pending.failed is not None or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._flush(now)

    def _flush(self, now: float | None = None) -> None:
        pending = self._pending
        if pending.ids or pending.failed is not None:
            super().report(pending)
            self._pending = SendProgress(pending.done, pending.total)
        self._last_report = time.monotonic() if now is None else now

    def _send(self, cancelled: Callable[[], bool]) -> SendReport:
        try:
            result = self._run(cancelled)
        finally:
            self._flush()
        stored, unstamped = _stored_and_unstamped(self._out, self._stored_requests)
        # `run` reports through this worker, so it and this worker refer to each other: a cycle that only the
        # collector's rare full pass frees, with the send's rows, plan and pipeline (issue 16: every timed send
        # kept its snapshot of the table until then). Dropped here, they go as soon as the send ends.
        del self._run, self._out
        return SendReport(result, stored, unstamped)


def upload_worker(
    out: Outgoing,
    plan: RequestPlan | ThingRequestPlan,
    target: Target,
    url: str,
    api_key: str,
    access_key: str,
    store: Store,
    policy: RetryPolicy | None,
    timeout: float,
) -> SendWorker:
    """The worker that queues the rows of `out` (planned as `plan`) in `store` and sends the requests to `target`.

    `url` is where `target.endpoint`'s requests go (the running sandbox's for the window's
    sandbox); `api_key` (and for the current platform the product `access_key`) authenticate
    them, clients time out after `timeout` seconds, the pipeline retries with `policy`
    (None: the default `RetryPolicy()`).
    """
    from gui.data.outbox import Requests, clients, requests_of, thing_clients, thing_requests_of

    # Every row goes to its own target (the plan took only the rows of this one); the window's sandbox
    # is a target of its own (`SANDBOX_ENDPOINT`) whose URL is the running sandbox's.
    endpoint, device_id = target.endpoint, target.device_id
    total = len(plan)
    snapshot = out.snapshot

    def planned() -> Iterator[PlannedRequest]:
        # Each request's rows are made as it is taken, not a million Rows kept for the whole send.
        rows = out.plan_rows() if isinstance(plan, ThingRequestPlan) else out.rows
        carried = snapshot.picked(rows) if isinstance(snapshot, RowsView) else [snapshot[i] for i in rows]
        if isinstance(plan, ThingRequestPlan):
            return thing_requests_of(plan, carried, target)
        return requests_of(plan, carried, endpoint, device_id)

    # Made as the pipeline takes them (one request's rows and body at a time), not all before the first goes.
    counted = Requests(planned, total, plan.total_points)

    def run(cancelled: Callable[[], bool]) -> PipelineResult:
        # The pipeline imports requests: here, off the GUI thread, if `warm_up` has not loaded it yet.
        from gui.data.pipeline import Pipeline, RetryPolicy

        # The ids are listed as the queue takes them, a step at a time (`RowsView.id_steps`), not all at once.
        steps = snapshot.id_steps(out.rows) if isinstance(snapshot, RowsView) else [_ids_of(snapshot, out.rows)]
        store.queue(itertools.chain.from_iterable(steps), endpoint, device_id)
        if target.platform is Platform.THING:  # a fresh token per request, from the device key
            things = thing_clients(
                api_key, access_key=access_key, url_of=lambda e: url if e == endpoint else e, timeout=timeout
            )
            pipeline = Pipeline(store, clients(""), policy or RetryPolicy(), things=things)
        else:
            make = clients(api_key, timeout=timeout)
            pipeline = Pipeline(store, lambda e, d: make(url if e == endpoint else e, d), policy or RetryPolicy())
        return pipeline.run(counted, cancel=cancelled, progress=worker.report)

    worker = SendWorker(run, store, out)
    return worker


@dataclass
class _SendJob:
    """One send's own data, handed to its callbacks (the send of a cancelled run still reports)."""

    outgoing: Outgoing
    client: UploadClient | None = None  # the one the preview showed the requests with (its URL, masked key)
    finished: bool = False  # the pipeline ran to the end with every request stored

    @property
    def ids(self) -> Sequence[int]:
        """The outbox ids of every row the send carries (its plan's rows)."""
        return _ids_of(self.outgoing.snapshot, self.outgoing.rows)

    def bind(self, method: Callable[..., None]) -> Callable[..., None]:
        def call(*args: object) -> None:
            method(self, *args)

        return call


def _stored_and_unstamped(out: Outgoing, requests: Sequence[int]) -> tuple[int, list[tuple[str, Datapoint]]]:
    """How many datapoints `requests` (indexes into `out.plan`) carried, and their (stream id, datapoint)s without `at`.

    Read request by request from the streams' own lists: a list of every datapoint (a million new
    items) would be traversed by the garbage collector's next young collection, which holds the GIL.
    """
    stored, unstamped = 0, list[tuple[str, Datapoint]]()
    if out.plan is None:
        return stored, unstamped
    streams = out.readings.datastreams
    starts = [0, *itertools.accumulate(len(stream.datapoints) for stream in streams)]
    order = out.plan.order if isinstance(out.plan, ThingRequestPlan) else None  # not the readings' order
    for k in requests:
        request = out.plan.requests[k]
        stored += request.stop - request.start
        if order is not None:
            for j in (order[i] for i in range(request.start, request.stop)):
                s = bisect.bisect_right(starts, j) - 1
                point = streams[s].datapoints[j - starts[s]]
                if point.at is None:
                    unstamped.append((streams[s].id, point))
            continue
        j, s = request.start, bisect.bisect_right(starts, request.start) - 1
        while j < request.stop:
            stream, first = streams[s], starts[s]
            end = min(request.stop, starts[s + 1])
            unstamped.extend((stream.id, p) for p in stream.datapoints[j - first : end - first] if p.at is None)
            j, s = end, s + 1
    return stored, unstamped


def _ids_of(snapshot: Sequence[Row], rows: Sequence[int]) -> Sequence[int]:
    """The outbox ids of `snapshot[i]` for i in `rows` (read without a Row each from the model's snapshot)."""
    if isinstance(snapshot, RowsView):
        return snapshot.ids(rows)
    return [i for i in (snapshot[k].id for k in rows) if i is not None]


def _load_pipeline() -> None:
    import gui.data.pipeline  # noqa: F401  # requests and urllib3 with it
