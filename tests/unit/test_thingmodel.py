"""The thing model read from the platform's answer, values checked with the rule named, read back as their type."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gui.onenet.onejson import MAX_HISTORY_VALUES, MessageIds, PostKind, body_of, plan_posts
from gui.onenet.readings import Datapoint, Readings, unix_ms
from gui.onenet.thingmodel import ModelError, ValueRefused, check_readings, parse_thing_model
from gui.onenet.validation import Severity
from gui.sandbox.things import DEMO_THING_MODEL

MODEL = parse_thing_model({"properties": DEMO_THING_MODEL, "events": [], "services": []})
T0 = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def test_the_model_is_read_with_its_specs():
    assert list(MODEL.properties) == ["temp", "count", "power", "mode", "label", "position"]
    temp = MODEL.properties["temp"]
    assert (temp.type, temp.minimum, temp.maximum, temp.unit) == ("float", -40, 125, "°C")
    assert MODEL.properties["mode"].values == {"0": "eco", "1": "boost", "2": "off"}
    assert MODEL.properties["label"].length == 32
    assert [m.identifier for m in MODEL.properties["position"].members] == ["x", "y"]


@pytest.mark.parametrize(
    "data",
    [
        DEMO_THING_MODEL,
        {"model": {"properties": DEMO_THING_MODEL}},
        {"thingModel": '{"properties": [{"identifier": "temp", "dataType": {"type": "float"}}]}'},
    ],
)
def test_the_model_is_read_defensively(data):
    assert "temp" in parse_thing_model(data).properties


@pytest.mark.parametrize("data", [None, {"events": []}, {"properties": [{"name": "no identifier"}]}])
def test_a_model_without_properties_is_refused(data):
    with pytest.raises(ModelError):
        parse_thing_model(data)


@pytest.mark.parametrize(
    ("identifier", "value", "wire"),
    [
        ("temp", 21.5, 21.5),
        ("temp", 21, 21),
        ("count", 7, 7),
        ("power", "true", True),
        ("power", "false", False),
        ("mode", 2, 2),
        ("label", "héllo", "héllo"),
        ("position", {"x": 1.5, "y": -2}, {"x": 1.5, "y": -2}),
    ],
)
def test_values_of_each_type_go_on_the_wire_as_the_type(identifier, value, wire):
    sent = MODEL.wire_value(identifier, value)
    assert sent == wire and type(sent) is type(wire)


@pytest.mark.parametrize(
    ("identifier", "value", "rule", "words"),
    [
        ("nope", 1, "unknown-identifier", "not in the model"),
        ("count", "12", "wrong-type", "is a text, the property is of type int32"),
        ("count", 12.5, "not-integer", "not a whole number"),
        ("count", 12.0, "not-integer", "write 12"),
        ("count", 100001, "out-of-range", "outside 0..100000"),
        ("count", -1, "out-of-range", "outside 0..100000"),
        ("temp", "hot", "wrong-type", "is a text, the property is of type float"),
        ("temp", 125.5, "out-of-range", "outside -40..125°C"),
        ("power", 1, "wrong-bool", "not true or false"),
        ("power", "on", "wrong-bool", "not true or false"),
        ("mode", 3, "wrong-enum", "not one of 0 (eco), 1 (boost), 2 (off)"),
        ("mode", "boost", "wrong-enum", "did you mean 1?"),
        ("label", "x" * 33, "too-long", "33 bytes, more than the 32"),
        ("label", "温" * 11, "too-long", "33 bytes"),
        ("label", 5, "wrong-type", "the property is of type string"),
        ("position", {"x": 1, "z": 2}, "unknown-member", "'z' is not a member"),
        ("position", {"x": 1}, "missing-member", "no 'y'"),
        ("position", {"x": "a", "y": 1}, "wrong-type", "member 'x'"),
        ("position", 5, "wrong-type", "the property is of type struct"),
    ],
)
def test_values_the_model_refuses_name_the_rule(identifier, value, rule, words):
    with pytest.raises(ValueRefused) as refused:
        MODEL.wire_value(identifier, value)
    assert refused.value.rule == rule
    assert words in str(refused.value)


def test_int32_range_applies_without_specs():
    model = parse_thing_model([{"identifier": "n", "dataType": {"type": "int32"}}])
    assert model.wire_value("n", 2**31 - 1) == 2**31 - 1
    with pytest.raises(ValueRefused, match="int32 range"):
        model.wire_value("n", 2**31)


def test_check_readings_issues_in_the_validation_style():
    readings = Readings.from_pairs(
        [
            ("count", Datapoint(5, T0)),
            ("count", Datapoint("five", T0 + timedelta(seconds=1))),
            ("humidity", Datapoint(40, T0)),
            ("humidity", Datapoint(41, T0 + timedelta(seconds=1))),
        ]
    )
    issues = check_readings(MODEL, readings)
    assert [(i.rule, i.stream_id, i.point_index) for i in issues] == [
        ("wrong-type", "count", 1),
        ("unknown-identifier", "humidity", None),
    ]
    assert all(i.severity is Severity.ERROR for i in issues)
    assert issues[0].message.startswith("property 'count' (int32), datapoint #2: 'five' is a text")
    assert "wrong type: the value must be of the property's data type" in issues[0].message


@pytest.mark.parametrize(
    ("identifier", "text", "value"),
    [
        ("count", "78", 78),
        ("temp", "36.5", 36.5),
        ("power", "true", True),
        ("power", "0", False),
        ("label", " a ", " a "),
    ],
)
def test_values_read_back_as_text_are_read_as_the_type(identifier, text, value):
    assert MODEL.properties[identifier].from_text(text) == value


def test_strict_json_check_of_the_platform_side():
    assert MODEL.properties["power"].check_json(True) is True
    with pytest.raises(ValueRefused, match="not true or false"):
        MODEL.properties["power"].check_json("true")
    with pytest.raises(ValueRefused, match="not a value of a int32"):
        MODEL.properties["count"].check_json(True)


# -- OneJSON bodies and splitting ---------------------------------------------------------------


def test_property_post_body_is_the_notes_shape():
    body = body_of(PostKind.PROPERTY, (("temp", ((36.5, 1619142962931),)), ("gear", ((3, None),))), "123")
    assert (
        body == b'{"id":"123","version":"1.0","params":{"temp":{"value":36.5,"time":1619142962931},"gear":{"value":3}}}'
    )


def test_history_post_body_is_the_notes_shape():
    body = body_of(PostKind.HISTORY, (("temp", ((20.1, 1524448722000), (20.3, 1524448723000))),), "1")
    assert body == (
        b'{"id":"1","version":"1.0","params":[{"properties":{"temp":'
        b'[{"value":20.1,"time":1524448722000},{"value":20.3,"time":1524448723000}]}}]}'
    )


def test_250_timed_values_of_one_property_make_3_history_posts_in_order():
    readings = Readings.from_pairs(("temp", Datapoint(20 + k / 10, T0 + timedelta(seconds=k))) for k in range(250))
    plan = plan_posts(readings, MODEL)
    assert [(r.kind, len(r.points)) for r in plan.requests] == [(PostKind.HISTORY, 100)] * 2 + [(PostKind.HISTORY, 50)]
    assert [i for r in plan.requests for i in r.points] == list(range(250))
    times = [ms for r in plan.requests for _, items in r.values for _, ms in items]
    assert times == [unix_ms(T0) + 1000 * k for k in range(250)]


def test_no_request_holds_more_than_100_values_whatever_the_properties():
    readings = Readings.from_pairs(
        [(p, Datapoint(1, T0 + timedelta(seconds=k))) for p in ("count", "mode") for k in range(80)]
    )
    plan = plan_posts(readings, MODEL)
    assert [len(r.points) for r in plan.requests] == [100, 60]
    assert all(sum(len(items) for _, items in r.values) <= MAX_HISTORY_VALUES for r in plan.requests)


def test_values_without_at_are_property_posts_after_the_history_one_value_per_property():
    readings = Readings.from_pairs(
        [
            ("temp", Datapoint(20.0)),
            ("temp", Datapoint(21.0, T0)),
            ("power", Datapoint("true")),
            ("temp", Datapoint(22.0)),
        ]
    )
    plan = plan_posts(readings, MODEL)
    assert [r.kind for r in plan.requests] == [PostKind.HISTORY, PostKind.PROPERTY, PostKind.PROPERTY]
    assert (
        plan.requests[1].body("7")
        == b'{"id":"7","version":"1.0","params":{"temp":{"value":20.0},"power":{"value":true}}}'
    )
    assert plan.requests[2].body("8") == b'{"id":"8","version":"1.0","params":{"temp":{"value":22.0}}}'
    assert [(w.code, w.args["property"], w.args["n"]) for w in plan.warnings] == [("posts-without-at", "'temp'", 2)]


def test_a_value_the_model_refuses_stops_the_plan():
    with pytest.raises(ValueRefused):
        plan_posts(Readings.from_pairs([("count", Datapoint("x", T0))]), MODEL)


def test_message_ids_are_digits_at_most_13_and_increase():
    clock_values = iter([1_800_000_000.0, 1_800_000_000.0, 1_799_999_999.0])
    ids = MessageIds(lambda: next(clock_values))
    got = [ids.next() for _ in range(3)]
    assert got == ["1800000000000", "1800000000001", "1800000000002"]
    assert MessageIds(first=5).next() == "5"


def test_thing_model_issues_are_worded_in_the_users_language():
    """Each part of an issue (where, what, the rule's name and reason) comes from the catalogue."""
    from gui import i18n

    readings = Readings.from_pairs(
        [("count", Datapoint("12", T0)), ("nope", Datapoint(1, T0)), ("label", Datapoint(5, T0))]
    )
    issues = check_readings(MODEL, readings)
    assert {i.rule for i in issues} == {"wrong-type", "unknown-identifier"}
    i18n.set_language("zh_CN")
    try:
        shown = [i18n.render(i.text) for i in issues]
    finally:
        i18n.set_language("en")
    assert all("属性" in text for text in shown), shown
    assert not any(word in text for text in shown for word in ("property", "the model", "is a text")), shown
