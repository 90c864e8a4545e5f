"""The send pipeline shared by the window and the command line: outbox rows -> requests -> OneNET -> history.

Input: planned requests, each an exact body (`EncodedBody`) plus the outbox ids it
carries, sent in order, one at a time. Per request: the rows are marked `in_flight`
(committed before a byte is sent), the request is sent with `OneNetClient.send`,
retried when that is safe, every attempt is recorded in the history, and the rows end
`sent`, `failed`, `unknown` or back where they were. No Qt here; the window runs
`Pipeline.run` on a worker thread and the CLI on its main thread.

Retry rules (shared onenet-api.md, "Response"): connection errors, timeouts, HTTP 5xx
and 429 are retried with exponential backoff and jitter (`Retry-After` honoured),
within `RetryPolicy.max_attempts` and `max_total_s`; auth and validation failures
never are. A failure *after* the request went out (read timeout, connection dropped
mid-answer, a 5xx other than 503 such as a gateway's 502/504, a redirect, an answer
that is not OneNET's or too large) is an **unknown** outcome: the platform may have
stored the datapoints (`attempts.classify`). Such a request is sent again only when that cannot
duplicate anything, i.e. every datapoint carries an explicit `at` (OneNET overwrites
equal `at`, "Overwrite rule"), see `gui.data.outbox.is_safe_to_resend`; otherwise its rows end
`unknown` and the user decides (`plan_outbox(..., allow_duplicates=True)`).

Why not urllib3's `Retry` mounted on the session: every attempt must be recorded with
its own status, errno and latency, and a mounted `Retry` hides the attempts it makes;
an answer cut off mid-body fails while requests reads the body, outside urllib3's retry
loop, so a second retry layer would be needed anyway; whether a read timeout may be
retried differs per request (its `at`s), not per session; and `Retry.sleep` cannot be
interrupted by Cancel. So the loop is here, in one place, and urllib3's own
`Retry.parse_retry_after` reads `Retry-After` (seconds or an HTTP date).

Cancel (`threading.Event` or a callable returning True) is checked before every
request and attempt and interrupts backoff sleeps; an attempt already on the wire is
waited for (at most the client's timeout) and recorded. Requests not started keep their
rows as they were. Crash safety: killed at any moment, rows of the request on the wire
are `in_flight` on disk and become `unknown` at the next start (`Store.recover`).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import requests

from gui.data.attempts import classify, retry_after_s
from gui.data.outbox import ClientFactory, CountedRequests, Plan, PlannedRequest, ThingClientFactory, plan_outbox
from gui.data.send_results import PipelineResult, Progress, RequestResult, RetryNotice
from gui.data.store import Attempt, AttemptOutcome, BegunRequest, RequestOutcome, SendLock, Store
from gui.data.target import Platform
from gui.onenet.client import AuthError, ConfigError, OneNetClient, OneNetError, PlatformResponse
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS
from gui.onenet.thing_client import ThingClient
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

__all__ = [
    "CancelToken",
    "Pipeline",
    "RetryPolicy",
    "send_outbox",
]

log = logging.getLogger(__name__)

#: Cancel: an Event that gets set, or a callable that returns True once cancelled.
CancelToken = threading.Event | Callable[[], bool] | None


# -- retry policy (what an attempt's result means: `attempts.classify`) ------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one request is tried. Times in seconds.

    Attempt n+1 waits `min(backoff_max_s, backoff_s * 2**(n-1))` shortened by up to
    `jitter` (a fraction, 0..1) at random, so many clients do not retry in step; or
    exactly what `Retry-After` asks (capped at `retry_after_max_s`). A request gives up
    after `max_attempts` attempts, or when the next wait would end beyond `max_total_s`
    after its first attempt started (an attempt on the wire may add one client timeout).
    """

    max_attempts: int = 5
    backoff_s: float = 0.5
    backoff_max_s: float = 30.0
    jitter: float = 0.5
    max_total_s: float = 120.0
    retry_after_max_s: float = 300.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter is a fraction from 0 to 1")

    def wait_s(self, failures: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds to wait after `failures` failed attempts (1, 2, ...)."""
        if retry_after is not None:
            return min(retry_after, self.retry_after_max_s)
        backoff = min(self.backoff_max_s, self.backoff_s * 2.0 ** (failures - 1))
        return backoff * (1.0 - self.jitter * rng.random())


# -- the pipeline -------------------------------------------------------------------------------


def _note(code: str, source: str, **args: object) -> Message:
    """Why a request's attempts ended (the catalogues' context "pipeline")."""
    return Message(code, "pipeline", source, args)


def _cancel_check(cancel: CancelToken) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def _sleep(seconds: float, cancel: CancelToken) -> bool:
    """Sleep up to `seconds`; returns True (early) when cancelled."""
    if isinstance(cancel, threading.Event):
        return cancel.wait(seconds)
    check = _cancel_check(cancel)
    end = time.monotonic() + seconds
    while not check():
        left = end - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(left, 0.05))
    return True


@dataclass(frozen=True)
class _Delivery:
    outcome: RequestOutcome
    attempts: tuple[Attempt, ...]
    response: PlatformResponse | None
    error: Exception | None
    message: str
    last: Attempt | None = None  # the last attempt, if the history does not have it yet
    text: Message | None = None  # `message` for a person


@dataclass(frozen=True)
class _AttemptEvent:
    attempt: Attempt
    notice: RetryNotice | None  # None: the request's last attempt


_DONE = object()


class Pipeline:
    """Sends planned requests in order, one at a time, with retries, recording everything in `store`.

    `clients(endpoint, device_id)` makes a new OneNetClient (with the api-key) for a
    target; it is called once per target and run, the pipeline closes the client's
    session when the run ends; it may raise ConfigError (e.g. no api-key), which
    leaves that target's rows unsent. The client's timeout bounds how long
    Cancel can take. `rng` makes the jitter reproducible in tests. `things` does the same
    for requests to the current platform (`PlannedRequest.platform` THING): a `ThingClient`,
    which signs each request with a fresh token; without it such requests are not sent.
    """

    def __init__(
        self,
        store: Store,
        clients: ClientFactory,
        policy: RetryPolicy | None = None,
        *,
        rng: random.Random | None = None,
        things: ThingClientFactory | None = None,
    ) -> None:
        self.store = store
        self._clients = clients
        self._things = things
        self.policy = policy or RetryPolicy()
        self._rng = rng or random.Random()
        self._made: dict[tuple[Platform, str, str], OneNetClient | ThingClient | ConfigError] = {}

    def _close_clients(self) -> None:
        """Close the HTTP sessions of the clients this run made (the factory's clients belong to the pipeline)."""
        for client in self._made.values():
            if not isinstance(client, ConfigError):
                client.session.close()
        self._made.clear()

    def _client(self, planned: PlannedRequest) -> OneNetClient | ThingClient | ConfigError:
        key = planned.key
        if key not in self._made:
            try:
                if planned.platform is Platform.THING:
                    if self._things is None:
                        raise ConfigError("this send has no keys for the current platform (thing model)")
                    self._made[key] = self._things(planned.endpoint, planned.device_id)
                else:
                    self._made[key] = self._clients(planned.endpoint, planned.device_id)
            except ConfigError as exc:
                self._made[key] = exc
        return self._made[key]

    def run(
        self,
        requests: Iterable[PlannedRequest],
        *,
        cancel: CancelToken = None,
        progress: Callable[[Progress], None] | None = None,
        lock: SendLock | None = None,
    ) -> PipelineResult:
        """Send `requests` (a Plan or any sequence) in order; returns every request's result.

        Holds the outbox's send lock for the run (StoreBusy if another sender has it),
        or runs under `lock`, one the caller holds already (it queued the rows under it,
        so a refused send queues nothing), and first recovers rows a crashed sender left
        in flight. `progress` is called on
        this thread after every request and before every retry wait.

        Sending to a target (endpoint and device) stops at its first request that ends
        neither sent nor plainly rejected: auth failed, unreachable after every retry,
        unknown outcome. Its remaining requests are reported not sent (outcome None) and
        their rows stay in the outbox for the next send. Exceptions from the store or
        the plan propagate, after the request on the wire has been recorded.
        """
        if lock is not None and not lock.held:
            raise ValueError("a send lock passed to Pipeline.run must be held")
        with contextlib.nullcontext(lock) if lock is not None else self.store.send_lock() as held:
            recovered = self.store.recover(held)
            if recovered:
                log.warning("recovered %d datapoints left in flight by an earlier run: now unknown", recovered)
            run = _Run(self, requests, cancel, progress)
            log.info("send: %d requests, %d datapoints", *run.totals())
            try:
                result = run.execute()
            finally:
                self._close_clients()
        log.info("send finished: %s", result.summary())
        return result

    def _deliver(
        self,
        client: OneNetClient | ThingClient,
        prepared: requests.PreparedRequest,
        planned: PlannedRequest,
        index: int,
        cancel: CancelToken,
        events: queue.Queue[object],
    ) -> _Delivery:
        """The attempts of one request (runs on the sender thread; touches no database).

        Every attempt is put on `events`: with a RetryNotice when a retry follows, else
        alone (the last one).
        """
        policy = self.policy
        cancelled = _cancel_check(cancel)
        first_start = time.monotonic()
        attempts: list[Attempt] = []
        may_have_arrived = False
        response: PlatformResponse | None = None
        error: Exception | None = None
        note: Message | None = None
        for number in range(1, policy.max_attempts + 1):
            started = datetime.now(UTC)
            clock = time.perf_counter()
            try:
                response, error = client.send(prepared), None
            except OneNetError as exc:
                response, error = exc.response, exc
            except Exception as exc:  # not the client's typed errors: treat as "may have gone out"
                response, error = None, exc
            latency = time.perf_counter() - clock
            verdict = classify(error, planned.idempotent)
            may_have_arrived |= verdict.may_have_arrived
            attempt = Attempt(
                number,
                started,
                latency,
                response.http_status if response is not None else None,
                response.errno if response is not None else None,
                (response.error or "") if error is None and response is not None else str(error),
                response.text if response is not None else "",
                verdict.outcome,
                getattr(error, "text", None) if isinstance(getattr(error, "text", None), Message) else None,
            )
            attempts.append(attempt)
            self._log_attempt(prepared, planned, index, attempt)
            wait = policy.wait_s(number, retry_after_s(response), self._rng)
            if not verdict.retry:
                pass
            elif number == policy.max_attempts:
                note = Counted("gave-up").tr("gave up after %Ln attempt(s)", "", number)
            elif time.monotonic() + wait - first_start > policy.max_total_s:
                note = _note(
                    "gave-up-time",
                    QT_TRANSLATE_NOOP("pipeline", "gave up: a retry in {wait} s would end beyond {limit} s"),
                    wait=f"{wait:.3g}",
                    limit=f"{policy.max_total_s:g}",
                )
            elif cancelled():
                note = _note("cancelled", QT_TRANSLATE_NOOP("pipeline", "cancelled"))
            else:
                log.info("request %d: retrying in %.2f s", index, wait)
                events.put(_AttemptEvent(attempt, RetryNotice(index, attempt, wait)))
                if _sleep(wait, cancel):
                    note = _note("cancelled", QT_TRANSLATE_NOOP("pipeline", "cancelled"))
                    break
                continue
            events.put(_AttemptEvent(attempt, None))
            break
        outcome = verdict.final
        if outcome is not RequestOutcome.SENT and outcome is not RequestOutcome.FAILED:
            outcome = RequestOutcome.UNKNOWN if may_have_arrived else RequestOutcome.UNSENT
        text: Message | None = None
        if error is not None:
            text = getattr(error, "text", None) or Message.verbatim(attempts[-1].error)
        if note is not None:
            with_note = QT_TRANSLATE_NOOP("pipeline", "{why} ({note})")
            text = Message("note", "pipeline", with_note, {"why": text, "note": note}) if text else note
        return _Delivery(outcome, tuple(attempts), response, error, str(text) if text else "", text=text)

    @staticmethod
    def _log_attempt(prepared: requests.PreparedRequest, planned: PlannedRequest, index: int, attempt: Attempt) -> None:
        answer = f"HTTP {attempt.http_status}" if attempt.http_status is not None else "no answer"
        if attempt.errno is not None:
            answer += f" errno {attempt.errno}"
        level = logging.INFO if attempt.outcome is AttemptOutcome.SENT else logging.WARNING
        log.log(
            level,
            "request %d attempt %d: POST %s device=%s type=%d datapoints=%d bytes=%d -> %s in %.0f ms: %s (%s)",
            index,
            attempt.number,
            prepared.url,
            planned.device_id,
            int(planned.body.type),
            planned.datapoints,
            len(planned.body.data),
            answer,
            attempt.latency_s * 1000,
            attempt.outcome.value,
            attempt.error,
        )
        if log.isEnabledFor(logging.DEBUG):
            log.debug("request %d body: %s", index, planned.body.data.decode("utf-8", "replace"))


@dataclass
class _Staged:
    """A planned request on its way: numbered, with its client, maybe already marked in flight."""

    index: int
    planned: PlannedRequest
    begun: BegunRequest | None = None
    future: Future[_Delivery] | None = None
    waited: bool = False


class _Run:
    """One `Pipeline.run`: the loop, with the bookkeeping of request k done while k+1 is on the wire.

    Per request only "mark in flight, hand to the sender thread" is on the critical
    path; recording the previous request and encoding the next happen while this one
    is on the wire. An idempotent next request (every datapoint has `at`) is even
    marked in flight early: if the run stops before sending it, it is put back; if the
    process dies first, its rows come back `unknown`, which for such rows only means
    "send again" (harmless). Other requests are marked just before they are sent, so
    `unknown` never flags rows that certainly did not go out.
    """

    def __init__(
        self,
        pipeline: Pipeline,
        requests: Iterable[PlannedRequest],
        cancel: CancelToken,
        progress: Callable[[Progress], None] | None,
    ) -> None:
        self.pipeline = pipeline
        self.store = pipeline.store
        user_cancel = _cancel_check(cancel)
        #: Set when the run ends abnormally (an exception, a second Ctrl+C): the sender then
        #: stops retrying, as on Cancel, so clean_up waits at most for the attempt on the wire.
        stop = self.stop = threading.Event()
        # not `self.stop` in the lambda: the run would refer to itself, a cycle that keeps its results (every
        # request's body and answer) until the collector's rare full pass (issue 16: a timed send every second)
        self.cancelled: Callable[[], bool] = lambda: stop.is_set() or user_cancel()
        self.progress = progress
        self.requests: Iterable[PlannedRequest]
        if isinstance(requests, CountedRequests):  # knows its totals; each request is made as it is taken
            self._totals = (requests.requests, requests.datapoints)
            self.requests = requests
        else:
            listed = list(requests)
            self._totals = (len(listed), sum(r.datapoints for r in listed))
            self.requests = listed
        self.result = PipelineResult()
        self.done = 0
        self.sent = 0
        self.events: queue.Queue[object] = queue.Queue()
        self.blocked: dict[tuple[Platform, str, str], str] = {}
        self.upload_id = self.store.new_upload_id()  # the run holds the send lock: no other run numbers one
        self._index = 0

    def totals(self) -> tuple[int, int]:
        """(requests, datapoints) planned."""
        return self._totals

    def report(self, last: RequestResult | None = None, retry: RetryNotice | None = None) -> None:
        if self.progress is not None:
            requests_total, datapoints_total = self.totals()
            self.progress(
                Progress(
                    len(self.result.results),
                    requests_total,
                    self.done,
                    self.sent,
                    datapoints_total,
                    last,
                    retry,
                )
            )

    def record(self, item: RequestResult) -> None:
        self.result.results.append(item)
        self.done += item.planned.datapoints
        if item.outcome is RequestOutcome.SENT:
            self.sent += item.planned.datapoints
        self.report(last=item)

    def stage(self, iterator: Iterator[PlannedRequest]) -> _Staged | None:
        planned = next(iterator, None)
        if planned is None:
            return None
        self._index += 1
        return _Staged(self._index, planned)

    def begin(self, staged: _Staged) -> str | None:
        """Mark `staged` in flight unless it cannot be sent; returns why not (None: it may go)."""
        if staged.begun is not None:
            return None
        planned = staged.planned
        reason = self.blocked.get(planned.key)
        client = self.pipeline._client(planned) if reason is None else None
        if isinstance(client, ConfigError):
            reason = self.blocked[planned.key] = str(client)
        elif client is not None:
            staged.begun = self.store.begin_request(
                planned.endpoint,
                planned.device_id,
                planned.body,
                planned.outbox_ids,
                planned.revisions,
                planned.idempotent,
                self.upload_id,
                # the URL it goes to (the window's sandbox: where it runs now)
                sent_to=client.device_endpoint if isinstance(client, ThingClient) else client.endpoint,
                platform=planned.platform,
            )
            if staged.begun is None:
                reason = "its datapoints changed or were sent since the request was planned"
        return reason

    def put_back(self, staged: _Staged | None) -> None:
        """Undo an early `begin` of a request that will not be sent after all."""
        if staged is not None and staged.begun is not None and staged.future is None:
            self.store.abandon_request(staged.begun)
            staged.begun = None

    def submit(self, staged: _Staged, executor: ThreadPoolExecutor) -> None:
        planned = staged.planned
        client = self.pipeline._client(planned)
        if isinstance(client, ThingClient):
            assert planned.kind is not None
            prepared = client.prepare_body(planned.kind, planned.body.data)  # a fresh token for every request
        else:
            assert isinstance(client, OneNetClient)
            prepared = client.prepare_upload(planned.body)
        staged.future = executor.submit(
            self.pipeline._deliver, client, prepared, staged.planned, staged.index, self.cancelled, self.events
        )
        staged.future.add_done_callback(lambda _: self.events.put(_DONE))

    def wait(self, staged: _Staged) -> _Delivery:
        """Wait for the sender, recording retried attempts as they happen."""
        assert staged.begun is not None and staged.future is not None
        last: Attempt | None = None
        while (event := self.events.get()) is not _DONE:
            assert isinstance(event, _AttemptEvent)
            if event.notice is None:
                last = event.attempt
            else:
                self.store.record_attempt(staged.begun.request_id, event.attempt)
                self.report(retry=event.notice)
        try:
            delivery = staged.future.result()
        except Exception as exc:  # a bug in the sender: the request may have gone out
            log.exception("request %d: unexpected error while sending", staged.index)
            delivery = _Delivery(RequestOutcome.UNKNOWN, (), None, exc, f"unexpected error: {exc}")
        if delivery.outcome is not RequestOutcome.SENT and (
            delivery.outcome is not RequestOutcome.FAILED or isinstance(delivery.error, AuthError)
        ):
            planned = staged.planned
            self.blocked[planned.key] = (
                f"sending to {planned.endpoint} device {planned.device_id} stopped after request "
                f"{staged.index}: {delivery.message or delivery.outcome.value}"
            )
        staged.waited = True
        return replace(delivery, last=last)

    def finish(self, staged: _Staged, delivery: _Delivery) -> RequestResult:
        """Record the outcome (and last attempt) and move the rows on; `record` the result after."""
        assert staged.begun is not None
        self.store.finish_request(staged.begun, delivery.outcome, delivery.last, delivery.text or delivery.message)
        return RequestResult(
            staged.planned,
            staged.begun.request_id,
            delivery.outcome,
            delivery.attempts,
            delivery.response,
            delivery.error,
            delivery.message,
            text=delivery.text,
        )

    def execute(self) -> PipelineResult:
        iterator = iter(self.requests)
        executor = ThreadPoolExecutor(1, thread_name_prefix="onenet-send")
        current: _Staged | None = None
        upcoming: _Staged | None = None
        unrecorded: tuple[_Staged, _Delivery] | None = None
        try:
            current = self.stage(iterator)
            while current is not None:
                if self.cancelled():
                    self.result.cancelled = True
                    break
                reason = self.begin(current)
                if reason is not None:
                    if unrecorded is not None:  # keep the results in order
                        self.record(self.finish(*unrecorded))
                        unrecorded = None
                    log.warning("request %d not sent: %s", current.index, reason)
                    self.record(RequestResult(current.planned, None, None, message=f"not sent: {reason}"))
                    current = self.stage(iterator)
                    continue
                self.submit(current, executor)
                # While it is on the wire: encode the next request; record the previous one and
                # mark the next one in flight early if it is idempotent (one transaction).
                upcoming = self.stage(iterator)
                early = upcoming is not None and upcoming.planned.idempotent and not self.cancelled()
                with self.store.batch(durable=False):
                    finished = self.finish(*unrecorded) if unrecorded is not None else None
                    if early:
                        assert upcoming is not None
                        self.begin(upcoming)  # idempotent: may be marked in flight one request early
                unrecorded = None  # only now: had the batch failed, clean_up would record it again
                if finished is not None:
                    self.record(finished)
                delivery = self.wait(current)
                unrecorded, current, upcoming = (current, delivery), upcoming, None
                if current is not None and (current.planned.key in self.blocked or self.cancelled()):
                    self.put_back(current)
            if unrecorded is not None:
                self.record(self.finish(*unrecorded))
                unrecorded = None
        finally:
            self.clean_up(current, upcoming, unrecorded)
            executor.shutdown(wait=True)
        return self.result

    def clean_up(
        self, current: _Staged | None, upcoming: _Staged | None, unrecorded: tuple[_Staged, _Delivery] | None
    ) -> None:
        """After an exception: record what went out, put back what did not. Errors here are only logged."""
        self.stop.set()
        leftovers: list[Callable[[], None]] = []
        if unrecorded is not None:
            leftovers.append(lambda: self.record(self.finish(*unrecorded)))
        if current is not None and current.future is not None and not current.waited:
            leftovers.append(lambda: self.record(self.finish(current, self.wait(current))))
        leftovers += [lambda: self.put_back(current), lambda: self.put_back(upcoming)]
        for step in leftovers:
            try:
                step()
            except Exception:
                log.exception("while stopping a send after an error")


def send_outbox(
    store: Store,
    clients: ClientFactory,
    *,
    endpoint: str | None = None,
    device_id: str | None = None,
    max_points: int = DEFAULT_MAX_POINTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_duplicates: bool = False,
    policy: RetryPolicy | None = None,
    cancel: CancelToken = None,
    progress: Callable[[Progress], None] | None = None,
    things: ThingClientFactory | None = None,
) -> tuple[Plan, PipelineResult]:
    """Recover (`Store.recover`), plan (`gui.data.outbox.plan_outbox`) and send (`Pipeline.run`) the outbox, type 1.

    What `onenet-uploader outbox send` does: its unsent and unknown rows, planned into
    requests of at most `max_points` datapoints and `max_bytes` body bytes exactly as the
    window plans its rows. Returns the plan (for `held_back` and `warnings`) and the
    result. Raises StoreBusy if another sender runs, FormatError if type 1 cannot carry
    the rows (NaN never enters the outbox, so in practice it can). Rows of current-platform
    targets go as OneJSON posts through `things` (`gui.data.outbox.thing_clients`).
    """
    store.recover()  # rows a killed sender left in flight are part of this send (None: another sender runs)
    plan = plan_outbox(
        store,
        endpoint=endpoint,
        device_id=device_id,
        max_points=max_points,
        max_bytes=max_bytes,
        allow_duplicates=allow_duplicates,
    )
    return plan, Pipeline(store, clients, policy, things=things).run(plan, cancel=cancel, progress=progress)
