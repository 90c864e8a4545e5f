"""Verify's rules without a network: the overwrite rule, points without at, how values compare."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from gui.onenet.examples import seed_example
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Readings, parse_at
from gui.onenet.verify import Check, Outcome, VerifyReport, compare_values, plan_checks

AT = parse_at("2013-04-22T00:35:43")


def test_seed_example_plan_overwritten_json_and_three_to_look_up():
    checks = plan_checks(seed_example())
    assert [(c.stream_id, c.outcome) for c in checks] == [
        ("temperature", Outcome.MISSING),
        ("temperature", Outcome.MISSING),
        ("key", Outcome.OVERWRITTEN),
        ("key", Outcome.MISSING),
    ]
    assert checks[2].sent == {"x": 123, "y": 123.994}
    note = checks[2].note
    assert note is not None and (note.code, note.args) == (
        "overwritten",
        {"stream": "'key'", "at": "2013-04-22T00:35:43"},
    )
    assert checks[3].sent == 23.001
    assert all(c.at is not None and c.at.utcoffset() == timedelta(hours=8) for c in checks)


def test_the_second_is_the_key_fractions_are_dropped_like_on_the_wire():
    readings = Readings.from_pairs(
        [("t", Datapoint(1, AT + timedelta(milliseconds=300))), ("t", Datapoint(2, AT + timedelta(milliseconds=700)))]
    )
    checks = plan_checks(readings)
    assert [c.outcome for c in checks] == [Outcome.OVERWRITTEN, Outcome.MISSING]
    assert checks[1].at == AT


def test_same_instant_in_another_zone_overwrites_too():
    berlin = AT.astimezone(ZoneInfo("Europe/Berlin"))
    assert berlin.hour == 18
    readings = Readings.from_pairs([("t", Datapoint(1, berlin)), ("t", Datapoint(2, AT.astimezone(PLATFORM_TZ)))])
    assert [c.outcome for c in plan_checks(readings)] == [Outcome.OVERWRITTEN, Outcome.MISSING]


def test_points_without_at_and_comma_ids_are_unverifiable_not_missing():
    readings = Readings.from_pairs([("t", Datapoint(1)), ("t", Datapoint(2)), ("a,b", Datapoint(3, AT))])
    checks = plan_checks(readings)
    assert [c.outcome for c in checks] == [Outcome.UNVERIFIABLE] * 3
    assert checks[0].at is None and checks[0].note is not None and checks[0].note.code == "no-at"
    assert checks[2].note is not None and checks[2].note.code == "comma-id"
    report = VerifyReport(tuple(checks))
    assert report.ok
    assert report.counts[Outcome.UNVERIFIABLE] == 3


@pytest.mark.parametrize(
    ("sent", "platform", "equal", "note"),
    [
        (84, 84, True, None),
        (84, 84.0, True, "written-differently"),
        (84.0, 84, True, "written-differently"),
        (23.001, 23.001, True, None),
        (23.001, 23.0010001, False, "differs"),
        (84, "84", False, ("kinds-differ", "kind-number", "kind-text")),
        ("84", 84, False, ("kinds-differ", "kind-text", "kind-number")),
        (1, True, False, ("kinds-differ", "kind-number", "kind-boolean")),
        ({"x": 123, "y": 123.994}, {"x": 123.0, "y": 123.994}, True, "written-differently"),
        ({"x": 123, "y": 123.994}, {"x": 123}, False, "differs"),
        ({"x": {"a": 1}}, {"x": {"a": True}}, False, "differs"),
        ({"x": [1, 2]}, {"x": [1, 2.0]}, True, "written-differently"),
        ("bacd", "bacd", True, None),
        ("bacd", None, False, ("kinds-differ", "kind-text", "kind-null")),
    ],
)
def test_values_compare_as_json_numbers_exactly(sent, platform, equal, note):
    result, text = compare_values(sent, platform)
    assert result is equal
    if note is None:
        assert text is None
    elif isinstance(note, tuple):
        assert text is not None and (text.code, text.args["sent"].code, text.args["platform"].code) == note
    else:
        assert text is not None and text.code == note


def test_report_counts_ok_and_summary():
    report = VerifyReport(
        (
            Check("t", AT, 1, Outcome.FOUND, 1),
            Check("t", AT, 2, Outcome.MISSING),
            Check("t", AT, 3, Outcome.DIFFERENT, 4),
            Check("t", AT, 5, Outcome.OVERWRITTEN),
            Check("t", None, 6, Outcome.UNVERIFIABLE),
        )
    )
    assert not report.ok
    assert [c.sent for c in report.problems] == [2, 3]
    assert report.summary() == (
        "5 datapoints sent: 1 found, 1 missing, 1 different, 1 overwritten (a later one had the same at), "
        "1 unverifiable (no at)"
    )
