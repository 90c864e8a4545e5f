"""The current platform over real HTTP on loopback: ThingClient against the sandbox's thing-model routes.

Property and history posts of every value type, read back and verified; the 100-value
limit; thing-model refusals named by rule (answer and verdict); expired, wrongly signed
and misaddressed tokens; answers in both shapes (errno/error, code/msg).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from gui.onenet.client import AuthError, RejectedError
from gui.onenet.onejson import PostKind, ThingRequest, plan_posts
from gui.onenet.readings import Datapoint, Readings
from gui.onenet.thing_client import ThingClient
from gui.onenet.thing_verify import verify_thing
from gui.onenet.thingmodel import check_readings
from gui.onenet.token import fresh_token, make_token
from gui.onenet.verify import Outcome
from gui.sandbox import Sandbox
from gui.sandbox.capture import Severity
from gui.sandbox.cli import add_arguments, run
from gui.sandbox.things import (
    DEFAULT_ACCESS_KEY,
    DEFAULT_DEVICE_KEY,
    DEFAULT_DEVICE_NAME,
    DEFAULT_PRODUCT_ID,
    SECOND_DEVICE_KEY,
    SECOND_DEVICE_NAME,
)

from ..raw_http import exchange

PID, DEV = DEFAULT_PRODUCT_ID, DEFAULT_DEVICE_NAME
T0 = datetime(2026, 11, 2, 0, 30, tzinfo=UTC)


def client_for(sandbox: Sandbox, **kwargs) -> ThingClient:
    args = {"device_key": DEFAULT_DEVICE_KEY, "access_key": DEFAULT_ACCESS_KEY} | kwargs
    return ThingClient(PID, DEV, device_endpoint=sandbox.url, app_endpoint=sandbox.url, **args)


@pytest.fixture
def thing(sandbox) -> ThingClient:
    return client_for(sandbox)


EVERY_TYPE = [
    ("temp", 21.5),
    ("count", 42),
    ("power", "true"),
    ("mode", 2),
    ("label", "Kühlraum 3"),
    ("position", {"x": 1.25, "y": -3}),
]


def post_all(client: ThingClient, readings: Readings, model) -> list:
    return [client.post(request) for request in plan_posts(readings, model).requests]


def test_the_thing_model_is_read_from_the_sandbox(thing):
    model = thing.query_thing_model()
    assert [(p.identifier, p.type) for p in model.properties.values()] == [
        ("temp", "float"),
        ("count", "int32"),
        ("power", "bool"),
        ("mode", "enum"),
        ("label", "string"),
        ("position", "struct"),
    ]


def test_history_post_of_every_type_is_stored_read_back_and_verified(thing, sandbox):
    model = thing.query_thing_model()
    readings = Readings.from_pairs(
        (identifier, Datapoint(value, T0 + timedelta(milliseconds=k * 250)))
        for k, (identifier, value) in enumerate(EVERY_TYPE)
    )
    assert check_readings(model, readings) == []
    answers = post_all(thing, readings, model)
    assert [(a.errno, a.error) for a in answers] == [(0, "succ")]
    assert sandbox.things.history(PID, DEV, "power") == [(int(T0.timestamp() * 1000) + 500, True)]
    assert sandbox.things.history(PID, DEV, "position") == [(int(T0.timestamp() * 1000) + 1250, {"x": 1.25, "y": -3})]
    report = verify_thing(thing, readings, model)
    assert report.counts[Outcome.FOUND] == len(EVERY_TYPE), [c for c in report.checks]
    assert report.ok and report.requests == len(EVERY_TYPE)
    assert [c.platform for c in report.checks] == [21.5, 42, True, 2, "Kühlraum 3", {"x": 1.25, "y": -3}]


def test_property_post_of_every_type_sets_the_latest_values(thing, sandbox):
    model = thing.query_thing_model()
    readings = Readings.from_pairs((identifier, Datapoint(value)) for identifier, value in EVERY_TYPE)
    plan = plan_posts(readings, model)
    assert [r.kind for r in plan.requests] == [PostKind.PROPERTY]
    before = int(time.time() * 1000)
    assert thing.post(plan.requests[0]).ok
    latest = thing.query_device_property()
    assert {k: v for k, (v, _) in latest.items()} == {
        "temp": "21.5",
        "count": "42",
        "power": "true",
        "mode": "2",
        "label": "Kühlraum 3",
        "position": '{"x":1.25,"y":-3}',
    }
    assert all(ms is not None and ms >= before for _, ms in latest.values())
    report = verify_thing(thing, readings, model)
    assert report.counts[Outcome.UNVERIFIABLE] == len(EVERY_TYPE) and report.requests == 0


def test_250_timed_values_of_one_property_go_in_3_requests_all_stored(thing, sandbox):
    model = thing.query_thing_model()
    readings = Readings.from_pairs(("count", Datapoint(k, T0 + timedelta(seconds=k))) for k in range(250))
    plan = plan_posts(readings, model)
    assert len(plan) == 3
    posts_before = sandbox.things.posts
    assert all(answer.ok for answer in post_all(thing, readings, model))
    assert sandbox.things.posts - posts_before == 3
    assert [v for _, v in sandbox.things.history(PID, DEV, "count")] == list(range(250))
    report = verify_thing(thing, readings, model)
    assert report.counts[Outcome.FOUND] == 250 and report.requests == 3  # 100 a page


def test_verify_tells_different_missing_and_overwritten(thing, sandbox):
    model = thing.query_thing_model()
    readings = Readings.from_pairs(
        [
            ("count", Datapoint(1, T0)),
            ("count", Datapoint(2, T0 + timedelta(seconds=1))),
            ("count", Datapoint(3, T0 + timedelta(seconds=2))),
            ("count", Datapoint(4, T0 + timedelta(seconds=2))),
        ]
    )
    post_all(thing, readings, model)
    ms = int(T0.timestamp() * 1000)
    sandbox.things.clear()  # the first is lost, someone else wrote another value over the second
    sandbox.things._store(PID, DEV, [("count", ms + 1000, 99), ("count", ms + 2000, 4)])
    report = verify_thing(thing, readings, model)
    assert [c.outcome for c in report.checks] == [
        Outcome.MISSING,
        Outcome.DIFFERENT,
        Outcome.OVERWRITTEN,
        Outcome.FOUND,
    ]
    assert report.checks[1].platform == 99 and not report.ok


def raw_post(sandbox: Sandbox, body: dict | bytes, *, kind: str = "property", token: str | None = None, device=DEV):
    topic = f"$sys/{PID}/{device}/thing/{kind}/post"
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    token = token or fresh_token(DEFAULT_DEVICE_KEY, PID, DEV)
    return requests.post(
        f"{sandbox.url}/fuse/http/device/thing/{kind}/post?topic={topic}&protocol=http",
        data=data,
        headers={"token": token, "Content-Type": "application/json"},
        timeout=5,
    )


@pytest.mark.parametrize(
    ("params", "rule"),
    [
        ({"humidity": {"value": 40}}, "unknown-identifier"),
        ({"count": {"value": "12"}}, "wrong-type"),
        ({"count": {"value": 12.5}}, "not-integer"),
        ({"count": {"value": 100001}}, "out-of-range"),
        ({"temp": {"value": -41}}, "out-of-range"),
        ({"power": {"value": "true"}}, "wrong-bool"),
        ({"power": {"value": 1}}, "wrong-bool"),
        ({"mode": {"value": 5}}, "wrong-enum"),
        ({"label": {"value": "x" * 33}}, "too-long"),
        ({"position": {"value": {"x": 1, "z": 2}}}, "unknown-member"),
        ({"temp": {"value": 20}, "count": {"value": "x"}}, "wrong-type"),
    ],
)
def test_values_the_thing_model_refuses_are_refused_with_the_rule_named(sandbox, params, rule):
    answer = raw_post(sandbox, {"id": "1", "version": "1.0", "params": params})
    assert answer.status_code == 200
    payload = answer.json()
    assert (
        payload["errno"] == 6 and f"({rule})" in payload["error"] and payload["error"].startswith("invalid parameter")
    )
    assert sandbox.things.history(PID, DEV, "temp") == []  # all or nothing
    verdict = sandbox.capture.exchanges()[-1]
    assert verdict.errno == 6 and verdict.device == f"{PID}/{DEV}"
    assert any(f.severity is Severity.ERROR and f"thing model rule {rule}" in f.text for f in verdict.findings)


def test_the_client_reads_a_refusal_as_rejected_with_errno_and_error(thing):
    request = ThingRequest(PostKind.PROPERTY, (0,), (("count", (("twelve", None),)),))
    with pytest.raises(RejectedError) as refused:
        thing.post(request)
    assert refused.value.response is not None and refused.value.response.errno == 6
    assert "wrong-type" in (refused.value.response.error or "") and not refused.value.retryable


def test_more_than_100_values_in_a_history_post_are_refused(sandbox):
    ms = int(T0.timestamp() * 1000)
    items = [{"value": k, "time": ms + k} for k in range(101)]
    answer = raw_post(
        sandbox, {"id": "2", "version": "1.0", "params": [{"properties": {"count": items}}]}, kind="history"
    )
    assert answer.json()["errno"] == 6 and "more than 100" in answer.json()["error"]
    split = {"count": items[:60], "mode": [{"value": 1, "time": ms + k} for k in range(41)]}
    answer = raw_post(sandbox, {"id": "3", "version": "1.0", "params": [{"properties": split}]}, kind="history")
    assert answer.json()["errno"] == 6 and "per device" in answer.json()["error"]


@pytest.mark.parametrize(
    ("body", "errno", "words"),
    [
        (b"not json", 6, "not JSON"),
        ({"version": "1.0", "params": {}}, 4, "no id"),
        ({"id": 123, "params": {"count": {"value": 1}}}, 6, "string of at most 13 digits"),
        ({"id": "12345678901234", "params": {"count": {"value": 1}}}, 6, "at most 13"),
    ],
)
def test_bodies_that_are_not_onejson_are_refused(sandbox, body, errno, words):
    payload = raw_post(sandbox, body).json()
    assert payload["errno"] == errno and words in payload["error"]


def test_an_expired_token_is_refused_as_auth_failed(sandbox):
    old = time.time() - 3600
    expired = client_for(sandbox, clock=lambda: old)  # its tokens expired 55 minutes ago
    with pytest.raises(AuthError) as refused:
        expired.post(ThingRequest(PostKind.PROPERTY, (0,), (("count", ((1, None),)),)))
    assert refused.value.response is not None and refused.value.response.errno == 2
    assert "the token expired" in sandbox.capture.exchanges()[-1].verdict
    assert sandbox.things.history(PID, DEV, "count") == []


def test_a_wrongly_signed_token_is_refused_as_auth_failed(sandbox):
    forged = fresh_token(SECOND_DEVICE_KEY, PID, DEV)  # dev2's key, dev1's res
    payload = raw_post(sandbox, {"id": "1", "params": {"count": {"value": 1}}}, token=forged).json()
    assert payload == {"errno": 2, "error": "auth failed"}
    assert "signature does not match device 'dev1'" in sandbox.capture.exchanges()[-1].verdict
    tampered = fresh_token(DEFAULT_DEVICE_KEY, PID, DEV).replace("et=", "et=9")
    assert raw_post(sandbox, {"id": "1", "params": {"count": {"value": 1}}}, token=tampered).json()["errno"] == 2


def test_a_token_for_another_device_or_product_is_refused(sandbox):
    dev2 = fresh_token(SECOND_DEVICE_KEY, PID, SECOND_DEVICE_NAME)
    assert raw_post(sandbox, {"id": "1", "params": {"count": {"value": 1}}}, token=dev2).json()["errno"] == 2
    assert "the token is for device 'dev2', the topic names 'dev1'" in sandbox.capture.exchanges()[-1].verdict
    other = make_token(DEFAULT_ACCESS_KEY, "OtherProd1", et=int(time.time()) + 60)
    assert raw_post(sandbox, {"id": "1", "params": {"count": {"value": 1}}}, token=other).json()["errno"] == 2
    # dev2 posting as itself is fine
    assert raw_post(sandbox, {"id": "1", "params": {"count": {"value": 1}}}, token=dev2, device=SECOND_DEVICE_NAME).ok


def test_the_product_access_key_can_post_for_a_device(sandbox):
    client = client_for(sandbox, device_key=None)
    assert client.post(ThingRequest(PostKind.PROPERTY, (0,), (("count", ((5, None),)),))).ok
    assert [v for _, v in sandbox.things.history(PID, DEV, "count")] == [5]


def test_the_read_apis_answer_code_and_msg_and_refuse_device_tokens(sandbox, thing):
    answer = requests.get(
        f"{sandbox.url}/thingmodel/query-thing-model",
        params={"product_id": PID},
        headers={"authorization": fresh_token(DEFAULT_DEVICE_KEY, PID, DEV)},
        timeout=5,
    ).json()
    assert answer["code"] == 2 and answer["msg"] == "auth failed" and answer["request_id"]
    assert (
        "a device token (res 'products/SbxProd001/devices/dev1') cannot read" in sandbox.capture.exchanges()[-1].verdict
    )
    no_access_key = client_for(sandbox, access_key=None)
    assert not no_access_key.has_access_key
    wrong = client_for(sandbox, access_key=SECOND_DEVICE_KEY)
    with pytest.raises(AuthError):
        wrong.query_thing_model()


def test_tokens_and_keys_never_reach_the_log_or_the_capture(sandbox, thing):
    lines: list[str] = []
    sandbox.log = lines.append
    prepared = thing.prepare_post(ThingRequest(PostKind.PROPERTY, (0,), (("count", ((1, None),)),)))
    token = prepared.headers["token"]
    thing.send(prepared)
    exchange = sandbox.capture.exchanges()[-1]
    sign = token.rpartition("sign=")[2]
    everything = "\n".join(lines) + exchange.raw.decode() + json.dumps(exchange.to_json())
    assert sign not in everything and DEFAULT_DEVICE_KEY not in everything
    assert exchange.header("token") is not None and exchange.header("token").endswith(token[-2:])


# -- a firmware's requests, byte for byte ------------------------------------------------------

FIXTURES = Path(__file__).parents[1] / "fixtures"
#: omeCp-cmyw/Zigbe-CC2530 (commit 4944f1f4), Projects/zstack/Samples/GenericApp/Source/IOT.h: the product,
#: device name, key and token the coordinator firmware states (tests/fixtures/README.md).
FIRMWARE_PRODUCT, FIRMWARE_DEVICE = "gZSY9iX0tP", "temp"
FIRMWARE_KEY = "o0trd0lLvyPhqUPFRdmRHbllH1tj82nph9E97yFXz2s="
FIRMWARE_ET = 1780918555  # the token's expiry: 2026-06-08 11:35:55 UTC


def firmware_sandbox(sandbox: Sandbox, now: float) -> Sandbox:
    """The firmware's product as the sandbox's: its properties (int32: the firmware writes %d), its key, a clock."""
    identifiers = ("temp", "humi", "MQ_2", "flame", "indoorAqi", "Relay", "HC-SR501")
    model = [
        {"identifier": name, "dataType": {"type": "int32", "specs": {"min": "0", "max": "100"}}} for name in identifiers
    ]
    sandbox.things.add_product(FIRMWARE_PRODUCT, FIRMWARE_KEY, model)
    # The firmware signs its device token (res=products/<pid>/devices/temp) with the key IOT.h calls ACCESS_KEY.
    sandbox.things.add_device(FIRMWARE_PRODUCT, FIRMWARE_DEVICE, FIRMWARE_KEY)
    sandbox.things.clock = lambda: now
    return sandbox


def replay(sandbox: Sandbox, data: bytes) -> tuple[bytes, dict]:
    head, _, body = exchange(sandbox.port, data).partition(b"\r\n\r\n")
    return head, json.loads(body)


@pytest.mark.parametrize(
    ("fixture", "stored"),
    [
        ("thing_zigbee_coordinator_id1.http", {"temp": 25, "humi": 60, "MQ_2": 30}),
        ("thing_zigbee_coordinator_id3.http", {"Relay": 1, "HC-SR501": 0}),
    ],
)
def test_a_firmware_property_post_replayed_byte_for_byte_is_stored(sandbox, fixture, stored):
    firmware_sandbox(sandbox, FIRMWARE_ET - 3600)  # an hour before its token expired
    head, answer = replay(sandbox, (FIXTURES / fixture).read_bytes())
    assert head.startswith(b"HTTP/1.1 200 ") and answer == {"errno": 0, "error": "succ"}
    for identifier, value in stored.items():
        assert sandbox.things.history(FIRMWARE_PRODUCT, FIRMWARE_DEVICE, identifier) == [
            (FIRMWARE_ET * 1000 - 3_600_000, value)
        ]
    exchange = sandbox.capture.exchanges()[-1]
    assert exchange.verdict == "no rule broken" and exchange.stored == len(stored)
    assert exchange.device == f"{FIRMWARE_PRODUCT}/{FIRMWARE_DEVICE}"
    assert b"4KqqNF59z77rYCafkNpS2Q" not in exchange.raw  # the token is masked in the capture


def test_the_same_firmware_request_after_its_token_expired_is_refused(sandbox):
    firmware_sandbox(sandbox, FIRMWARE_ET)
    _, answer = replay(sandbox, (FIXTURES / "thing_zigbee_coordinator_id1.http").read_bytes())
    assert answer == {"errno": 2, "error": "auth failed"}
    assert "the token expired at 2026-06-08 11:35:55 UTC" in sandbox.capture.exchanges()[-1].verdict
    assert sandbox.things.history(FIRMWARE_PRODUCT, FIRMWARE_DEVICE, "temp") == []


# -- onenet-uploader sandbox --verbose / --capture ---------------------------------------------


def test_sandbox_command_verdicts_name_the_thing_model_rule(tmp_path, capsys):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    capture = tmp_path / "traffic.jsonl"
    args = parser.parse_args(["--verbose", "--capture", str(capture)])
    stop, ready = threading.Event(), threading.Event()
    started: list[Sandbox] = []
    thread = threading.Thread(
        target=run, args=(args,), kwargs={"stop_event": stop, "on_ready": lambda s: (started.append(s), ready.set())}
    )
    thread.start()
    try:
        assert ready.wait(10)
        payload = raw_post(started[0], {"id": "9", "version": "1.0", "params": {"count": {"value": "12"}}}).json()
    finally:
        stop.set()
        thread.join(timeout=10)
    assert payload["errno"] == 6
    err = capsys.readouterr().err
    assert f"product {PID}, device {DEV}" in err
    assert "thing model rule wrong-type (wrong type)" in err and "send the property's data type" in err
    line = json.loads(capture.read_text(encoding="utf-8").splitlines()[-1])
    assert any("thing model rule wrong-type" in f["text"] for f in line["findings"])
    assert line["device"] == f"{PID}/{DEV}"


def test_the_request_as_shown_and_as_curl_masks_the_token(thing):
    from gui.onenet.request_text import curl_command, describe_request

    prepared = thing.prepare_post(ThingRequest(PostKind.PROPERTY, (0,), (("count", ((1, None),)),)), "77")
    token = prepared.headers["token"]
    shown = describe_request(prepared, mask="***")
    assert "token: ***" in shown and token not in shown
    assert "?topic=$sys/SbxProd001/dev1/thing/property/post&protocol=http HTTP/1.1" in shown
    curl = curl_command(prepared)
    assert '-H "token: $ONENET_TOKEN"' in curl and token not in curl
    assert """--data-binary '{"id":"77","version":"1.0","params":{"count":{"value":1}}}'""" in curl
    assert token in curl_command(prepared, reveal_key=True)


def test_code_and_msg_are_read_only_for_the_current_platform(sandbox, thing):
    """The legacy client still decides by errno alone: a code/msg answer is not OneNET's legacy JSON to it."""
    from gui.onenet.client import MalformedResponse, OneNetClient

    legacy = OneNetClient(sandbox.url, "4093215", "SANDBOX-KEY-1")
    prepared = legacy.session.prepare_request(
        requests.Request("GET", f"{sandbox.url}/thingmodel/query-thing-model", params={"product_id": PID})
    )
    with pytest.raises(MalformedResponse, match="no errno"):
        legacy.send(prepared)
    response = thing._get("/thingmodel/query-thing-model", {"product_id": PID})
    assert (response.errno, response.error, response.ok) == (0, "succ", True)
