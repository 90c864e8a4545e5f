"""The current platform through the one outbox service and pipeline, over real HTTP to the sandbox.

Rows of a thing-model target are planned by `onejson.plan_posts`, sent with a fresh token per
request, recorded in the history with their platform, recovered after a crash and held back
by the same "a resend may store twice" rule as the legacy platform's rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from gui.data.outbox import clients, plan_outbox, thing_clients
from gui.data.pipeline import send_outbox
from gui.data.store import NewRow, RequestOutcome, State, Store
from gui.data.target import Platform, Target
from gui.onenet.readings import Datapoint
from gui.onenet.token import parse_token
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.sandbox.things import DEFAULT_DEVICE_KEY, DEFAULT_DEVICE_NAME, DEFAULT_PRODUCT_ID

PID, DEV = DEFAULT_PRODUCT_ID, DEFAULT_DEVICE_NAME
T0 = datetime(2026, 11, 2, 0, 30, tzinfo=UTC)


def ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def add(store: Store, target: Target, rows: list[NewRow]) -> list[int]:
    return store.add(
        rows,
        state=State.UNSENT,
        endpoint=target.endpoint,
        device_id=target.device_id,
        platform=target.platform,
        in_editor=False,
    )


def test_thing_rows_go_as_onejson_posts_and_the_history_says_where(sandbox, tmp_path):
    target = Target.thing(sandbox.url, PID, DEV)
    legacy = Target.of(sandbox.url, DEFAULT_DEVICE_ID)
    seen_tokens: list[str] = []
    make = thing_clients(DEFAULT_DEVICE_KEY)

    def things(endpoint: str, device: str):
        client = make(endpoint, device)
        original = client.prepare_body

        def prepare(kind, body):
            prepared = original(kind, body)
            seen_tokens.append(prepared.headers["token"])
            return prepared

        client.prepare_body = prepare  # type: ignore[method-assign]
        return client

    with Store(tmp_path / "o.sqlite3") as store:
        timed = add(store, target, [NewRow("temp", Datapoint(20.5 + i, T0 + timedelta(minutes=i))) for i in range(3)])
        latest = add(store, target, [NewRow("count", Datapoint(7, None))])
        other = add(store, legacy, [NewRow("temp", Datapoint(1.5, T0))])
        plan, result = send_outbox(store, clients(DEFAULT_API_KEY), things=things)
        assert result.ok and plan.requests == 3  # legacy type 1, a history post, a property post
        assert {r.state for r in store.get(timed + latest + other)} == {State.SENT}
        entries = {e.request_id: e for e in store.history(None)}
        bodies = [(e.platform, json.loads(e.body)) for _, e in sorted(entries.items())]
        assert [platform for platform, _ in bodies] == [Platform.DATAPOINTS, Platform.THING, Platform.THING]
        assert "datastreams" in bodies[0][1]
        assert bodies[1][1]["params"] == [
            {"properties": {"temp": [{"value": 20.5 + i, "time": ms(T0 + timedelta(minutes=i))} for i in range(3)]}}
        ]
        assert bodies[2][1]["params"] == {"count": {"value": 7}}
        assert int(bodies[1][1]["id"]) < int(bodies[2][1]["id"])
        assert all(e.endpoint == sandbox.url for e in entries.values())
        flat = str([(e.attempt, e.body) for e in store.history(None)])
    assert [value for _, value in sandbox.things.history(PID, DEV, "temp")] == [20.5, 21.5, 22.5]
    assert [value for _, value in sandbox.things.history(PID, DEV, "count")] == [7]
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temp")] == [1.5]
    # a fresh token per request, for this device, never recorded
    assert len(seen_tokens) == 2  # one made for each request (equal within one second: `et` is in seconds)
    assert {parse_token(t).device_name for t in seen_tokens} == {DEV}
    assert not any(t in flat for t in seen_tokens) and DEFAULT_DEVICE_KEY not in flat


def test_250_timed_values_of_one_property_are_three_requests(sandbox, tmp_path):
    target = Target.thing(sandbox.url, PID, DEV)
    with Store(tmp_path / "o.sqlite3") as store:
        add(store, target, [NewRow("count", Datapoint(i, T0 + timedelta(seconds=i))) for i in range(250)])
        plan, result = send_outbox(store, clients(DEFAULT_API_KEY), things=thing_clients(DEFAULT_DEVICE_KEY))
        assert result.ok and plan.requests == 3
        assert [r.planned.datapoints for r in result.results] == [100, 100, 50]
    assert [value for _, value in sandbox.things.history(PID, DEV, "count")] == list(range(250))


def test_a_crash_leaves_thing_rows_unknown_and_the_resend_rule_holds_back_the_untimed(sandbox, tmp_path):
    target = Target.thing(sandbox.url, PID, DEV)
    with Store(tmp_path / "o.sqlite3") as store:
        timed = add(store, target, [NewRow("temp", Datapoint(30.0, T0))])
        untimed = add(store, target, [NewRow("count", Datapoint(3, None))])
        # a sender marks both requests in flight and dies before an answer
        with store.send_lock():
            for planned in plan_outbox(store):
                assert planned.platform is Platform.THING
                assert store.begin_request(
                    planned.endpoint,
                    planned.device_id,
                    planned.body,
                    planned.outbox_ids,
                    planned.revisions,
                    planned.idempotent,
                    platform=planned.platform,
                )
            assert not store.begin_request(  # the platform is part of the target a request is checked against
                planned.endpoint, planned.device_id, planned.body, planned.outbox_ids, planned.revisions, True
            )
        assert store.recover() == 2
        assert {r.state for r in store.get(timed + untimed)} == {State.UNKNOWN}
        plan, result = send_outbox(store, clients(DEFAULT_API_KEY), things=thing_clients(DEFAULT_DEVICE_KEY))
        assert plan.held_back == 1 and result.ok  # the value without `at` may be stored already
        assert store.get(timed)[0].state is State.SENT and store.get(untimed)[0].state is State.UNKNOWN
        plan, result = send_outbox(
            store, clients(DEFAULT_API_KEY), things=thing_clients(DEFAULT_DEVICE_KEY), allow_duplicates=True
        )
        assert result.ok and store.get(untimed)[0].state is State.SENT
        assert {e.request_outcome for e in store.history(None) if e.platform is Platform.THING} >= {
            RequestOutcome.UNKNOWN,
            RequestOutcome.SENT,
        }
    assert [value for _, value in sandbox.things.history(PID, DEV, "temp")] == [30.0]


def test_without_a_key_for_the_current_platform_its_rows_wait(sandbox, tmp_path):
    target = Target.thing(sandbox.url, PID, DEV)
    with Store(tmp_path / "o.sqlite3") as store:
        ids = add(store, target, [NewRow("temp", Datapoint(30.0, T0))])
        _, result = send_outbox(store, clients(DEFAULT_API_KEY))  # no `things`
        assert not result.ok and "current platform" in result.results[0].message
        _, result = send_outbox(store, clients(DEFAULT_API_KEY), things=thing_clients(""))
        assert "no device key for device dev1 of product SbxProd001" in result.results[0].message
        assert store.get(ids)[0].state is State.UNSENT
    assert sandbox.things.history(PID, DEV, "temp") == []


def test_a_wrong_device_key_fails_with_the_platforms_errno(sandbox, tmp_path):
    target = Target.thing(sandbox.url, PID, DEV)
    wrong = "d3Jvbmcga2V5"  # base64 of "wrong key"
    with Store(tmp_path / "o.sqlite3") as store:
        ids = add(store, target, [NewRow("temp", Datapoint(30.0, T0))])
        _, result = send_outbox(store, clients(DEFAULT_API_KEY), things=thing_clients(wrong))
        assert result.results[0].outcome is RequestOutcome.FAILED
        assert result.results[0].response is not None and result.results[0].response.errno == 2
        assert store.get(ids)[0].state is State.FAILED


def test_each_request_carries_its_own_rows_when_history_posts_go_before_earlier_rows(sandbox, tmp_path):
    """Plan order is not readings order (history posts first): every row is marked by the request that carried it."""
    target = Target.thing(sandbox.url, PID, DEV)
    with Store(tmp_path / "o.sqlite3") as store:
        latest = add(store, target, [NewRow("count", Datapoint(9, None))])
        timed = add(store, target, [NewRow("temp", Datapoint(25.0, T0))])
        plan = plan_outbox(store)
        carried = [(p.kind.value, p.outbox_ids) for p in plan]
        assert carried == [("history", tuple(timed)), ("property", tuple(latest))]
        _, result = send_outbox(store, clients(DEFAULT_API_KEY), things=thing_clients(DEFAULT_DEVICE_KEY))
        assert result.ok and {r.state for r in store.get(latest + timed)} == {State.SENT}
    assert [v for _, v in sandbox.things.history(PID, DEV, "count")] == [9]
    assert sandbox.things.history(PID, DEV, "temp") == [(ms(T0), 25.0)]
