"""The send pipeline's rules without a network: resend safety, retry policy, classification, planning."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from gui.data.attempts import classify, retry_after_s
from gui.data.outbox import is_safe_to_resend, make_request, plan_outbox, resend_risk
from gui.data.pipeline import RetryPolicy
from gui.data.store import AttemptOutcome, NewRow, RequestOutcome, State, Store
from gui.onenet.client import AuthError, MalformedResponse, PlatformResponse, RejectedError, ServerError
from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import Datapoint, Readings

ENDPOINT = "http://127.0.0.1:9"
DEVICE = "4093215"
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def answer(status: int, headers: dict[str, str] | None = None, errno: int | None = None) -> PlatformResponse:
    return PlatformResponse(status, errno, None, 0.01, "", None, headers or {})


# -- idempotency -----------------------------------------------------------------------------------


def test_resend_is_safe_only_when_every_point_has_an_at():
    stamped = [Datapoint(1, T0), Datapoint(2, T0 + timedelta(seconds=1))]
    assert is_safe_to_resend(stamped)
    assert resend_risk(stamped) == 0
    assert not is_safe_to_resend([*stamped, Datapoint(3)])
    assert resend_risk([*stamped, Datapoint(3)]) == 1
    # type 3 carries no `at` at all: the platform stamps every copy anew
    assert resend_risk(stamped, BodyType.SIMPLE_JSON) == 2


# -- retry policy ----------------------------------------------------------------------------------


def test_backoff_doubles_with_jitter_up_to_the_cap():
    policy = RetryPolicy(backoff_s=0.5, backoff_max_s=3.0, jitter=0.5)
    rng = random.Random(7)
    for failures, full in ((1, 0.5), (2, 1.0), (3, 2.0), (4, 3.0), (9, 3.0)):
        for _ in range(20):
            assert full * 0.5 <= policy.wait_s(failures, None, rng) <= full
    assert RetryPolicy(jitter=0.0).wait_s(2, None, rng) == 1.0


def test_retry_after_wins_but_is_capped():
    policy = RetryPolicy(retry_after_max_s=60)
    assert policy.wait_s(1, 7.0, random.Random()) == 7.0
    assert policy.wait_s(1, 3600.0, random.Random()) == 60


def test_retry_after_is_read_as_seconds_or_an_http_date():
    assert retry_after_s(answer(429, {"Retry-After": "3"})) == 3.0
    assert retry_after_s(answer(503, {"retry-after": " 2 "})) == 2.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after_s(answer(429, {"Retry-After": later})) or 0) <= 31
    assert retry_after_s(answer(429, {"Retry-After": "soon"})) is None
    assert retry_after_s(answer(429)) is None
    assert retry_after_s(None) is None


def test_a_policy_needs_an_attempt_and_a_sane_jitter():
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(jitter=1.5)


# -- classification (network failures are classified over real sockets in the integration tests) ----


@pytest.mark.parametrize("idempotent", [True, False])
def test_answers_are_classified_by_the_platform_rules(idempotent):
    ok = classify(None, idempotent)
    assert (ok.outcome, ok.retry, ok.final) == (AttemptOutcome.SENT, False, RequestOutcome.SENT)
    for error in (ServerError("HTTP 503", answer(503)), RejectedError("HTTP 429", answer(429))):
        verdict = classify(error, idempotent)
        assert (verdict.outcome, verdict.retry, verdict.may_have_arrived) == (AttemptOutcome.FAILED, True, False)
    for status in (500, 502, 504):  # a gateway may have forwarded it; the platform may have stored it
        verdict = classify(ServerError(f"HTTP {status}", answer(status)), idempotent)
        assert (verdict.outcome, verdict.may_have_arrived, verdict.final) == (
            AttemptOutcome.UNKNOWN,
            True,
            RequestOutcome.UNKNOWN,
        )
        assert verdict.retry is idempotent  # resent only when every datapoint has an `at`
    for error in (AuthError("errno 3", answer(200, errno=3)), RejectedError("errno 5", answer(200, errno=5))):
        verdict = classify(error, idempotent)
        assert (verdict.outcome, verdict.retry, verdict.final) == (AttemptOutcome.FAILED, False, RequestOutcome.FAILED)
    odd = classify(MalformedResponse("HTML", answer(200)), idempotent)
    assert (odd.outcome, odd.retry, odd.final) == (AttemptOutcome.UNKNOWN, False, RequestOutcome.UNKNOWN)


# -- planning --------------------------------------------------------------------------------------


def add(store: Store, count: int, *, at: bool = True, device: str = DEVICE, stream: str = "t") -> list[int]:
    points = [Datapoint(i, T0 + timedelta(seconds=i) if at else None) for i in range(count)]
    return store.add(
        [NewRow(stream, p) for p in points], state=State.UNSENT, endpoint=ENDPOINT, device_id=device, in_editor=False
    )


def test_plan_groups_by_target_and_chunks_in_id_order(store):
    a1 = add(store, 5, device="A")
    b = add(store, 3, device="B")
    a2 = add(store, 2, device="A", stream="u")
    store.add([NewRow("draft", Datapoint(1, T0))])  # drafts are not sent
    plan = plan_outbox(store, max_points=4)
    assert (plan.requests, plan.datapoints, plan.held_back) == (3, 10, 0)
    planned = list(plan)
    assert [p.device_id for p in planned] == ["A", "A", "B"]
    assert [p.outbox_ids for p in planned] == [tuple(a1[:4]), (a1[4], *a2), tuple(b)]
    second = decode(planned[1].body.data)
    assert [(s.id, [d.value for d in s.datapoints]) for s in second.datastreams] == [("t", [4]), ("u", [0, 1])]
    assert all(p.idempotent and p.revisions == (0,) * p.datapoints for p in planned)
    assert [p.outbox_ids for p in plan_outbox(store, device_id="B")] == [tuple(b)]


def test_plan_holds_back_unknown_points_without_at(store):
    stamped = add(store, 2)
    unstamped = add(store, 2, at=False, stream="u")
    store.set_state(stamped + unstamped, State.UNKNOWN)
    fresh = add(store, 1, at=False, stream="v")
    plan = plan_outbox(store)
    assert plan.held_back == 2
    [request] = list(plan)
    assert request.outbox_ids == (*stamped, *fresh)
    assert not request.idempotent  # `fresh` has no at: a first send, but not safe to repeat
    first, second = plan_outbox(store, allow_duplicates=True)  # of "u"'s two without at, one per request
    assert (first.outbox_ids, second.outbox_ids) == ((*stamped, unstamped[0]), (unstamped[1], *fresh))


def test_plan_splits_requests_larger_than_max_bytes(store):
    add(store, 8)
    plan = plan_outbox(store, max_points=8, max_bytes=200)
    planned = list(plan)
    assert all(len(p.body.data) <= 200 for p in planned)
    assert sum(p.datapoints for p in planned) == 8
    assert plan.requests == len(planned) > 1


def test_plan_sends_a_streams_datapoints_without_at_one_per_request(store):
    # Queued one by one (as a timed send's ticks while the server was down): of several without `at` in one
    # request the platform keeps only the last (shared onenet-api.md, overwrite rule), so each goes in a
    # request of its own (split.py), in the order queued.
    ids = []
    for _ in range(3):
        ids += add(store, 1, stream="temp")
        ids += add(store, 1, at=False, stream="door")
    plan = plan_outbox(store, max_points=4)
    planned = list(plan)
    assert [p.datapoints for p in planned] == [4, 1, 1] and plan.requests == 3 and plan.apart == 2
    doors = [[i for i in p.outbox_ids if i in ids[1::2]] for p in planned]
    assert doors == [[ids[1]], [ids[3]], [ids[5]]]  # in the order queued


def test_plan_refuses_type_3(store):
    with pytest.raises(ValueError):
        plan_outbox(store, body_type=BodyType.SIMPLE_JSON)


def test_make_request_checks_the_rows_share_a_target(store):
    ids = add(store, 2)
    rows = store.get(ids)
    body = encode(Readings.from_pairs((r.stream_id, r.point) for r in rows))
    request = make_request(rows, body)
    assert (request.endpoint, request.device_id, request.outbox_ids, request.idempotent) == (
        ENDPOINT,
        DEVICE,
        tuple(ids),
        True,
    )
    assert json.loads(request.body.data)["datastreams"][0]["id"] == "t"
    other = add(store, 1, device="other")
    with pytest.raises(ValueError):
        make_request(store.get(ids + other), body)
    with pytest.raises(ValueError):
        make_request(store.get(store.add([NewRow("draft", Datapoint(1, T0))])), body)
    with pytest.raises(ValueError):
        make_request([], body)
