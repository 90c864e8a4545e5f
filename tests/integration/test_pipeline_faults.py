"""The send pipeline against the sandbox over real HTTP, with faults injected.

For every fault: the outcome is right (sent / failed / unknown / not delivered, retried
or not, as shared onenet-api.md "Response" and the pipeline's rules say), and after
recovery the sandbox holds every datapoint exactly once.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from gui.data import pipeline
from gui.data.outbox import Requests, is_safe_to_resend, make_request, plan_outbox
from gui.data.pipeline import Pipeline, RetryPolicy, send_outbox
from gui.data.send_results import Progress
from gui.data.store import AttemptOutcome, NewRow, RequestOutcome, State, Store, StoreBusy
from gui.onenet.client import ConfigError, OneNetClient
from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, EncodedBody, encode
from gui.onenet.readings import Datapoint, Readings
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

DEVICE = DEFAULT_DEVICE_ID
KEY = DEFAULT_API_KEY
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
STREAMS = ("temperature", "humidity")
#: Quick retries, so the tests are about behaviour rather than waiting.
FAST = RetryPolicy(max_attempts=4, backoff_s=0.01, backoff_max_s=0.05, max_total_s=20)


def readings(count: int, *, at: bool = True, start: datetime = T0) -> list[NewRow]:
    """`count` datapoints alternating over two streams, one second apart (or without `at`)."""
    return [
        NewRow(STREAMS[i % 2], Datapoint(round(20 + i / 10, 1), start + timedelta(seconds=i) if at else None))
        for i in range(count)
    ]


def queue(store: Store, rows: list[NewRow], endpoint: str) -> list[int]:
    return store.add(rows, state=State.UNSENT, endpoint=endpoint, device_id=DEVICE)


def clients(key: str = KEY, timeout: float = 5.0) -> Callable[[str, str], OneNetClient]:
    return lambda endpoint, device_id: OneNetClient(endpoint, device_id, key, timeout=timeout)


def send(store: Store, *, key: str = KEY, timeout: float = 5.0, policy: RetryPolicy = FAST, **kwargs):
    kwargs.setdefault("max_points", 10)
    return send_outbox(store, clients(key, timeout), policy=policy, **kwargs)


def assert_exactly_once(sandbox: Sandbox, rows: list[NewRow]) -> None:
    """The sandbox holds exactly these stamped datapoints: each once, nothing else."""
    for stream in {row.stream_id for row in rows}:
        expected = sorted((r.point.at, r.point.value) for r in rows if r.stream_id == stream)
        stored = [(p.at, p.value) for p in sandbox.datapoints(DEVICE, stream)]
        assert stored == expected, f"{stream}: {len(stored)} stored, {len(expected)} expected"
    assert set(sandbox.streams(DEVICE)) == {row.stream_id for row in rows}


def states_by_request(store: Store, planned) -> list[set[State]]:
    """The states of the rows of each planned request, in sending order (requests group rows by datastream)."""
    return [{row.state for row in store.get(request.outbox_ids)} for request in planned]


def attempts_of(result, index: int) -> list[tuple[int | None, AttemptOutcome]]:
    return [(a.http_status, a.outcome) for a in result.results[index].attempts]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- HTTP 5xx, 429 ---------------------------------------------------------------------------------


def test_http_500_on_every_third_request_is_unknown_retried_with_at_and_everything_arrives_once(sandbox, store):
    sandbox.fail_every = 3
    rows = readings(60)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert result.ok and result.sent == 60
    retried = [r for r in result.results if len(r.attempts) == 2]
    assert retried and all(
        attempts_of(result, result.results.index(r))[0] == (500, AttemptOutcome.UNKNOWN) for r in retried
    )
    assert sandbox.upload_count == sum(len(r.attempts) for r in result.results) == 6 + len(retried)
    assert_exactly_once(sandbox, rows)
    failed = [h for h in store.history(None) if h.attempt.http_status == 500]
    assert len(failed) == len(retried) and "500 Internal Server Error" in failed[0].attempt.response
    assert store.counts()[State.SENT] == 60


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """The seconds of every wait between attempts, as the pipeline asks for them; none is slept.

    Replaces the pipeline's one wait (`_sleep`), so a test checks how long it would wait, not the clock.
    """
    asked: list[float] = []

    def record(seconds: float, cancel: object) -> bool:
        asked.append(seconds)
        return False  # waited out, not cancelled

    monkeypatch.setattr(pipeline, "_sleep", record)
    return asked


def test_429_waits_as_long_as_retry_after_says(sandbox, store, waits):
    sandbox.throttle_every = 2
    sandbox.retry_after = "1"
    rows = readings(30)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert result.ok
    assert [len(r.attempts) for r in result.results] == [1, 2, 2]
    assert attempts_of(result, 1) == [(429, AttemptOutcome.FAILED), (200, AttemptOutcome.SENT)]
    assert waits == [1.0, 1.0]  # two throttled requests, each retried after the second Retry-After asked for
    assert_exactly_once(sandbox, rows)


def test_a_retry_after_beyond_the_time_budget_gives_up_at_once_and_keeps_the_rows(sandbox, store, waits):
    sandbox.throttle_every = 1
    sandbox.retry_after = "3600"
    rows = readings(20)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert waits == []  # gave up without waiting any of the hour
    assert result.results[0].outcome is RequestOutcome.UNSENT and "gave up" in result.results[0].message
    assert result.results[1].outcome is None  # the target is throttled: the rest waits for the next send
    assert store.counts()[State.UNSENT] == 20
    sandbox.throttle_every = 0
    assert send(store)[1].ok
    assert_exactly_once(sandbox, rows)


def test_html_502_from_a_proxy_is_unknown_and_retried_when_every_datapoint_has_at(sandbox, store):
    sandbox.html_every = 2
    sandbox.html_status = 502
    rows = readings(20)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert result.ok
    assert attempts_of(result, 1) == [(502, AttemptOutcome.UNKNOWN), (200, AttemptOutcome.SENT)]
    assert_exactly_once(sandbox, rows)


# -- outcomes that are unknown -----------------------------------------------------------------------


def test_a_3_s_delay_with_a_1_s_timeout_is_unknown_and_resent_safely(sandbox, store):
    sandbox.delay = 3.0
    rows = readings(10)
    ids = queue(store, rows, sandbox.url)
    notices: list[Progress] = []
    _, result = send(store, timeout=1.0, policy=RetryPolicy(max_attempts=2, backoff_s=0.01), progress=notices.append)
    [request] = result.results
    assert request.outcome is RequestOutcome.UNKNOWN
    # No status: each attempt gave up on its answer after the 1 s timeout (waiting for it would have given 200)
    assert [(a.http_status, a.outcome) for a in request.attempts] == [(None, AttemptOutcome.UNKNOWN)] * 2
    assert "within 1 s" in request.attempts[0].error
    assert [n.retry.attempt.number for n in notices if n.retry is not None] == [1]
    assert {r.state for r in store.get(ids)} == {State.UNKNOWN}
    assert is_safe_to_resend(store.get(ids))
    # The platform did store them (the sandbox stores before it sleeps): an unknown outcome.
    assert_exactly_once(sandbox, rows)

    sandbox.delay = 0.0
    _, again = send(store)
    assert again.ok and again.sent == 10
    assert_exactly_once(sandbox, rows)  # explicit `at`: the resend overwrote, nothing doubled
    assert [h.request_outcome for h in store.history(None)] == [RequestOutcome.SENT] + [RequestOutcome.UNKNOWN] * 2


def test_points_without_at_are_not_resent_after_an_unknown_outcome(sandbox, store):
    sandbox.delay = 2.0
    rows = [NewRow(f"s{i}", Datapoint(i)) for i in range(5)]  # no `at`: the platform stamps them
    ids = queue(store, rows, sandbox.url)
    _, result = send(store, timeout=0.5)
    [request] = result.results
    assert len(request.attempts) == 1  # a timeout is not retried when a copy could duplicate
    assert request.outcome is RequestOutcome.UNKNOWN
    assert not is_safe_to_resend(store.get(ids))
    sandbox.delay = 0.0
    plan = plan_outbox(store)
    assert (plan.requests, plan.held_back) == (0, 5)
    assert sum(len(sandbox.datapoints(DEVICE, f"s{i}")) for i in range(5)) == 5  # it had arrived
    # What the UI warns about is real: sent anyway, the platform stores a second copy.
    plan, forced = send(store, allow_duplicates=True)
    assert forced.ok
    assert sum(len(sandbox.datapoints(DEVICE, f"s{i}")) for i in range(5)) == 10


def test_an_answer_cut_off_mid_body_is_resent_when_safe(sandbox, store):
    sandbox.drop_every = 2
    rows = readings(40)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert result.ok
    assert attempts_of(result, 1) == [(None, AttemptOutcome.UNKNOWN), (200, AttemptOutcome.SENT)]
    assert_exactly_once(sandbox, rows)


def test_an_html_page_with_200_is_unknown_not_retried_and_stops_the_send(sandbox, store):
    sandbox.html_every = 2
    rows = readings(40)
    queue(store, rows, sandbox.url)
    _, result = send(store)
    assert [r.outcome for r in result.results] == [RequestOutcome.SENT, RequestOutcome.UNKNOWN, None, None]
    assert attempts_of(result, 1) == [(200, AttemptOutcome.UNKNOWN)]
    assert "not OneNET JSON" in result.results[1].message
    assert "stopped after request 2" in result.results[2].message
    planned = [r.planned for r in result.results]
    assert states_by_request(store, planned) == [{State.SENT}, {State.UNKNOWN}, {State.UNSENT}, {State.UNSENT}]
    assert [p.datapoints for p in planned] == [10] * 4
    sandbox.html_every = 0
    assert send(store)[1].ok
    assert_exactly_once(sandbox, rows)


# -- no connection -------------------------------------------------------------------------------------


def test_a_closed_port_is_retried_then_the_rows_wait_unsent(store):
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    rows = readings(30)
    queue(store, rows, endpoint)
    _, result = send(store)
    first = result.results[0]
    assert first.outcome is RequestOutcome.UNSENT  # certainly not delivered: not "unknown"
    assert [a.outcome for a in first.attempts] == [AttemptOutcome.FAILED] * FAST.max_attempts
    assert "refused" in first.attempts[0].error
    assert [r.outcome for r in result.results[1:]] == [None, None]
    assert store.counts()[State.UNSENT] == 30
    with Sandbox({DEVICE: KEY}, port=port) as recovered:
        assert send(store)[1].ok
        assert_exactly_once(recovered, rows)


def test_an_unresolvable_host_is_not_delivered_and_can_be_readdressed(sandbox, store):
    rows = readings(10)
    ids = queue(store, rows, "http://no-such-host.invalid")
    _, result = send(store)
    [request] = result.results
    assert request.outcome is RequestOutcome.UNSENT
    assert "host not found: no-such-host.invalid" in request.attempts[0].error
    assert {r.state for r in store.get(ids)} == {State.UNSENT}
    store.queue(ids, sandbox.url, DEVICE)  # the user corrects the endpoint
    assert send(store)[1].ok
    assert_exactly_once(sandbox, rows)


# -- rejections: never retried -----------------------------------------------------------------------


def test_auth_failure_is_not_retried_and_stops_sending_to_that_device(sandbox, store):
    rows = readings(30)
    ids = queue(store, rows, sandbox.url)
    _, result = send(store, key="WRONG-KEY-123456")
    assert [r.outcome for r in result.results] == [RequestOutcome.FAILED, None, None]
    assert attempts_of(result, 0) == [(200, AttemptOutcome.FAILED)]
    assert result.results[0].attempts[0].errno == 3
    assert sandbox.upload_count == 1 and sandbox.streams(DEVICE) == []
    planned = [r.planned for r in result.results]
    assert states_by_request(store, planned) == [{State.FAILED}, {State.UNSENT}, {State.UNSENT}]
    assert sum(p.datapoints for p in planned) == len(ids)
    store.queue(ids, sandbox.url, DEVICE)  # the user fixes the key and sends again
    assert send(store)[1].ok
    assert_exactly_once(sandbox, rows)


def test_a_rejected_body_is_not_retried_and_the_send_goes_on(sandbox, store):
    bad_ids = queue(store, readings(2), sandbox.url)
    good_rows = readings(2, start=T0 + timedelta(hours=1))
    good_ids = queue(store, good_rows, sandbox.url)
    bad = make_request(store.get(bad_ids), EncodedBody(BodyType.FULL_JSON, b'{"datastreams":"x"}', "application/json"))
    good_body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(good_ids)))
    good = make_request(store.get(good_ids), good_body)
    result = Pipeline(store, clients(), FAST).run([bad, good])
    assert [r.outcome for r in result.results] == [RequestOutcome.FAILED, RequestOutcome.SENT]
    assert attempts_of(result, 0) == [(200, AttemptOutcome.FAILED)] and result.results[0].attempts[0].errno == 5
    assert [r.state for r in store.get(bad_ids)] == [State.FAILED] * 2
    assert store.get(bad_ids)[0].last_error.startswith("errno 5")
    assert_exactly_once(sandbox, good_rows)


def test_a_target_without_a_client_keeps_its_rows(sandbox, store):
    ours = queue(store, readings(10), sandbox.url)
    theirs = store.add(readings(10), state=State.UNSENT, endpoint=sandbox.url, device_id="no-key-device")

    def factory(endpoint: str, device_id: str) -> OneNetClient:
        if device_id == "no-key-device":
            raise ConfigError("no api-key for device no-key-device")
        return OneNetClient(endpoint, device_id, KEY)

    plan = plan_outbox(store)
    result = Pipeline(store, factory, FAST).run(plan)
    assert [r.outcome for r in result.results] == [RequestOutcome.SENT, None]
    assert "no api-key" in result.results[1].message
    assert {r.state for r in store.get(ours)} == {State.SENT}
    assert {r.state for r in store.get(theirs)} == {State.UNSENT}


# -- cancel ------------------------------------------------------------------------------------------------


def run_in_thread(target: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    box: list[object] = []
    thread = threading.Thread(target=lambda: box.append(target()))
    thread.start()
    return thread, box


def test_cancel_interrupts_a_backoff_wait_at_once(sandbox, store):
    sandbox.html_every = 1
    sandbox.html_status = 503  # "not handled": retried, stores nothing
    ids = queue(store, readings(20), sandbox.url)
    cancel = threading.Event()
    retrying = threading.Event()
    slow = RetryPolicy(max_attempts=5, backoff_s=30, jitter=0, max_total_s=300)

    def progress(state: Progress) -> None:
        if state.retry is not None:
            retrying.set()

    thread, box = run_in_thread(lambda: send(store, policy=slow, cancel=cancel, progress=progress))
    assert retrying.wait(30)
    cancel.set()
    thread.join(20)  # bounded wait: the backoff it is in lasts 30 s, so a wait that ignored Cancel is still running
    assert not thread.is_alive()
    _, result = box[0]
    assert result.cancelled and [r.outcome for r in result.results] == [RequestOutcome.UNSENT]
    assert [r.state for r in store.get(ids)] == [State.UNSENT] * 20  # a 503 stored nothing
    assert store.counts()[State.IN_FLIGHT] == 0
    assert [h.attempt.http_status for h in store.history(None)] == [503]  # the one attempt made, recorded


def test_cancel_during_a_request_finishes_it_and_starts_no_other(sandbox, store, held_answers):
    rows = readings(30)
    queue(store, rows, sandbox.url)
    cancel = threading.Event()
    thread, box = run_in_thread(lambda: send(store, cancel=cancel))
    assert held_answers.wait_held(1), "request 1 never reached the sandbox"
    cancel.set()  # while request 1 is on the wire: the sandbox has stored it and holds its answer
    held_answers.stop()
    thread.join(30)
    assert not thread.is_alive()
    _, result = box[0]
    assert result.cancelled
    assert [r.outcome for r in result.results] == [RequestOutcome.SENT]
    assert states_by_request(store, [result.results[0].planned]) == [{State.SENT}]
    assert store.counts()[State.SENT] == 10 and store.counts()[State.UNSENT] == 20
    assert store.request_count() == 1  # request 2, marked early, was put back
    assert sandbox.upload_count == 1
    assert send(store)[1].ok
    assert_exactly_once(sandbox, rows)


# -- bookkeeping -------------------------------------------------------------------------------------------


def test_progress_history_and_bodies(sandbox, store):
    rows = readings(25)
    ids = queue(store, rows, sandbox.url)
    seen: list[Progress] = []
    send(store, progress=seen.append)
    assert [(p.requests_done, p.requests_total, p.datapoints_done, p.datapoints_sent) for p in seen] == [
        (1, 3, 10, 10),
        (2, 3, 20, 20),
        (3, 3, 25, 25),
    ]
    assert all(p.datapoints_total == 25 and p.last is not None for p in seen)
    history = list(reversed(store.history(None)))
    by_stream = ids[0::2] + ids[1::2]  # rows alternate between two streams; requests group them, as the window does
    assert [h.outbox_ids for h in history] == [tuple(by_stream[:10]), tuple(by_stream[10:20]), tuple(by_stream[20:])]
    sent_back = [pair for h in history for pair in decode(h.body, h.body_type).pairs()]
    assert sorted((p.at, p.value) for _, p in sent_back) == sorted((r.point.at, r.point.value) for r in rows)
    assert all(h.endpoint == sandbox.url and h.device_id == DEVICE for h in history)


def test_rows_edited_after_planning_are_not_sent_stale(sandbox, store):
    ids = queue(store, readings(4), sandbox.url)
    encoded = list(plan_outbox(store))  # bodies made now (a Plan itself encodes as late as it can)
    store.update(ids[0], point=Datapoint(99, T0))
    store.queue(ids, sandbox.url, DEVICE)
    result = Pipeline(store, clients(), FAST).run(encoded)
    assert [r.outcome for r in result.results] == [None] and "changed" in result.results[0].message
    assert sandbox.upload_count == 0
    assert send(store)[1].ok
    assert sandbox.datapoints(DEVICE, "temperature")[0].value == 99


def test_only_one_sender_at_a_time(sandbox, store):
    queue(store, readings(2), sandbox.url)
    with store.send_lock(), pytest.raises(StoreBusy):
        send(store)
    assert send(store)[1].ok


def test_an_error_mid_run_records_the_request_on_the_wire_and_puts_back_the_rest(sandbox, store):
    sandbox.delay = 0.2
    ids = queue(store, readings(30), sandbox.url)
    planned = list(plan_outbox(store, max_points=10))  # what the send below plans

    def progress(state: Progress) -> None:
        raise RuntimeError("the window went away")

    with pytest.raises(RuntimeError, match="went away"):
        send(store, progress=progress)
    assert State.IN_FLIGHT not in {r.state for r in store.get(ids)}
    # request 2 was on the wire: recorded
    assert states_by_request(store, planned) == [{State.SENT}, {State.SENT}, {State.UNSENT}]
    assert store.request_count() == 2  # request 3, marked early, was put back
    assert send(store)[1].ok


def test_counted_requests_are_made_as_the_pipeline_takes_them(sandbox, store):
    """The window's send (`Requests`): no request made before the one before it is on its way, totals known first."""
    rows = readings(60)
    queue(store, rows, sandbox.url)
    planned = list(plan_outbox(store, max_points=10))
    made: list[int] = []
    seen: list[tuple[int, int, int]] = []  # (requests made, requests done, requests total) at each progress

    def make():
        for request in planned:
            made.append(len(made))
            yield request

    counted = Requests(make, len(planned), sum(r.datapoints for r in planned))
    result = Pipeline(store, clients(), FAST).run(
        counted, progress=lambda p: seen.append((len(made), p.requests_done, p.requests_total))
    )
    assert result.ok and len(made) == 6
    # When a request is recorded, the next is on the wire and the one after it staged: none made further ahead.
    assert all(count <= done + 2 and total == 6 for count, done, total in seen)
    assert_exactly_once(sandbox, rows)
