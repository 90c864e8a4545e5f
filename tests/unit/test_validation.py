"""Validation rules: each with a case that triggers it and one that does not."""

from datetime import UTC, datetime, timedelta

import pytest

from gui.onenet.examples import seed_example
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.onenet.validation import Severity, suggest_stream_id, validate

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
AT = datetime(2026, 11, 29, 11, 0, tzinfo=UTC)


def rules(readings):
    return [(i.rule, i.severity, i.stream_id, i.point_index) for i in validate(readings, now=NOW)]


def one(stream_id, *points):
    return Readings([Datastream(stream_id, list(points))])


def test_seed_example_warns_that_key_is_overwritten():
    issues = validate(seed_example(), now=NOW)
    duplicate = [i for i in issues if i.rule == "duplicate-at"]
    assert len(duplicate) == 1
    assert duplicate[0].stream_id == "key"
    assert duplicate[0].point_index == 0
    assert duplicate[0].severity is Severity.WARNING
    assert "23.001" in duplicate[0].message
    assert "2013-04-22T00:35:43" in duplicate[0].message


def test_distinct_ats_are_fine():
    assert rules(one("t", Datapoint(1, AT), Datapoint(2, AT + timedelta(seconds=1)))) == []


def test_equal_at_after_conversion_to_platform_time_is_a_duplicate():
    # 08:00 UTC and 16:00 UTC+8 are the same `at` on the wire.
    from datetime import timezone

    other = AT.astimezone(timezone(timedelta(hours=8)))
    assert [r[0] for r in rules(one("t", Datapoint(1, AT), Datapoint(2, other)))] == ["duplicate-at"]


def test_several_points_without_at():
    assert rules(one("t", Datapoint(1), Datapoint(2))) == [("several-without-at", Severity.WARNING, "t", 0)]
    assert rules(one("t", Datapoint(1), Datapoint(2, AT))) == []


def test_empty_stream_id_is_an_error():
    assert rules(one("", Datapoint(1, AT))) == [("empty-id", Severity.ERROR, "", None)]


def test_non_finite_values_are_errors():
    assert rules(one("t", Datapoint(float("nan"), AT))) == [("non-finite", Severity.ERROR, "t", 0)]
    assert rules(one("t", Datapoint({"x": float("inf")}, AT))) == [("non-finite", Severity.ERROR, "t", 0)]
    assert rules(one("t", Datapoint(1.5, AT))) == []


@pytest.mark.parametrize("stream_id", ["temp erature", "a/b", "温度(℃)"])
def test_unsafe_ids_are_flagged_with_a_suggestion(stream_id):
    issues = validate(one(stream_id, Datapoint(1, AT)), now=NOW)
    assert [i.rule for i in issues] == ["unsafe-id"]
    assert repr(suggest_stream_id(stream_id)) in issues[0].message


@pytest.mark.parametrize("stream_id", ["temperature", "pm2.5", "温度", "test_stream-1"])
def test_usual_ids_pass(stream_id):
    assert rules(one(stream_id, Datapoint(1, AT))) == []


def test_implausible_times():
    old = datetime(1999, 12, 31, tzinfo=UTC)
    future = NOW + timedelta(minutes=11)
    assert [r[0] for r in rules(one("t", Datapoint(1, old)))] == ["implausible-at"]
    assert [r[0] for r in rules(one("t", Datapoint(1, future)))] == ["implausible-at"]
    assert rules(one("t", Datapoint(1, NOW + timedelta(minutes=9)))) == []


def test_large_value_warns():
    assert [r[0] for r in rules(one("t", Datapoint("x" * 70_000, AT)))] == ["large-value"]
    assert rules(one("t", Datapoint("x" * 60_000, AT))) == []


@pytest.mark.parametrize(
    ("readings", "rule", "point"),
    [
        (one("", Datapoint(1, AT)), "empty-id", None),
        (one("a/b", Datapoint(1, AT)), "unsafe-id", None),
        (one("t", Datapoint(1, AT), Datapoint(float("nan"), AT + timedelta(seconds=1))), "non-finite", 2),
        (one("t", Datapoint(1, AT), Datapoint(2, AT)), "duplicate-at", 1),
        (one("t", Datapoint(1), Datapoint(2)), "several-without-at", 1),
        (one("t", Datapoint(1, datetime(1990, 1, 1, tzinfo=UTC))), "implausible-at", 1),
        (one("t", Datapoint({"x": "y" * 70_000}, AT)), "large-value", 1),
    ],
)
def test_every_message_names_stream_datapoint_rule_and_reason(readings, rule, point):
    from gui.onenet.validation import RULES

    issue = next(i for i in validate(readings, now=NOW) if i.rule == rule)
    title, reason = RULES[rule]
    stream_id = readings.datastreams[0].id
    assert (f"datastream {stream_id!r}" if stream_id else "datastream #1 (no id)") in issue.message
    if point is not None:
        assert f"datapoint #{point}" in issue.message
        assert issue.point_index == point - 1
    assert f"{title}: {reason}" in issue.message


def test_many_overwritten_points_are_one_message_with_a_count_and_the_first_few():
    base = datetime(2026, 1, 1, tzinfo=UTC)
    points = [Datapoint(float(i), base + timedelta(seconds=i // 2)) for i in range(200_000)]

    [issue] = validate(one("t", *points), now=NOW)

    assert issue.rule == "duplicate-at" and issue.point_index == 0
    what = issue.text.args["what"]
    assert (what.code, what.n, what.args["shown"]) == ("duplicate-at", 100_000, "#1, #3, #5, #7, #9, …")
    assert (what.args["kept"], what.args["last"]) == ("1.0", 2)


def test_a_stream_sharing_one_at_gives_a_message_of_bounded_length():
    # A file read without times and stamped "now": every datapoint shares one at. The message once listed
    # every other datapoint for each datapoint (O(n^2): 6.4 GB for 9,357 rows); now it is one line.
    points = [Datapoint(i, AT) for i in range(50_000)]
    issues = validate(one("t", *points), now=NOW)
    assert [(i.rule, i.point_index) for i in issues] == [("duplicate-at", 0)]
    assert len(issues[0].message) < 400 and issues[0].text.args["what"].n == 49_999
    [without] = validate(one("t", *[Datapoint(i) for i in range(50_000)]), now=NOW)
    what = without.text.args["what"]
    assert without.rule == "several-without-at" and (what.code, what.n) == ("several-without-at", 49_999)
    assert what.args["shown"].startswith("#1, #2")


def test_a_mistyped_number_among_numbers_is_flagged_with_the_number_meant():
    second = timedelta(seconds=1)
    readings = one("t", Datapoint(21.4, AT), Datapoint("21,5", AT + second), Datapoint(22, AT + 2 * second))
    [issue] = validate(readings, now=NOW)
    assert (issue.rule, issue.severity, issue.point_index) == ("text-among-numbers", Severity.WARNING, 1)
    assert "datapoint #2" in issue.message and "'21,5' is text: did you mean 21.5?" in issue.message


@pytest.mark.parametrize(
    "values",
    [
        ["21,5", "22,5"],  # no numbers in the stream: text is what it holds
        [21.4, "left the door open"],  # a note, not a number typed wrongly
        [21.4, 22.0],
    ],
)
def test_text_that_is_not_a_mistyped_number_among_numbers_is_not_flagged(values):
    points = [Datapoint(v, AT + timedelta(seconds=i)) for i, v in enumerate(values)]
    assert rules(one("t", *points)) == []
