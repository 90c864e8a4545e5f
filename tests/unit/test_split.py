"""Splitting an upload into requests (gui/onenet/split.py): limits kept, nothing dropped, meaning unchanged.

Rules: the module docstring of gui/onenet/split.py, from shared
onenet-api.md ("Limits", "Overwrite rule").
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, FormatError, can_carry, encode
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS, plan_requests, split

BASE = datetime(2026, 1, 1, tzinfo=UTC)


def timed(stream_id: str, n: int, value: object = 1.5, offset: int = 0) -> Datastream:
    return Datastream(stream_id, [Datapoint(value, BASE + timedelta(seconds=offset + i)) for i in range(n)])  # type: ignore[arg-type]


def check_plan(readings: Readings, body_type: BodyType, max_points: int, max_bytes: int) -> None:
    """Every promise of plan_requests, checked on the real bodies."""
    plan = plan_requests(readings, body_type, max_points, max_bytes)
    pairs = list(readings.pairs())
    assert [r.start for r in plan.requests] == [0] + [r.stop for r in plan.requests[:-1]]
    assert plan.requests[-1].stop == len(pairs) if pairs else plan.requests == []
    decoded: list[tuple[str, Datapoint]] = []
    for k, request in enumerate(plan.requests):
        body = plan.body(k)
        assert body.type is body_type
        assert len(body.data) == request.size
        if not request.oversized:
            assert request.points <= max_points and request.size <= max_bytes
        chunk = Readings.from_pairs(pairs[request.start : request.stop])
        assert body.data == encode(chunk, body_type, plan.separators or None).data
        decoded.extend(decode(body.data, body_type).pairs())
        assert len(chunk.datastreams) == request.streams
    assert decoded == pairs  # nothing dropped, nothing reordered
    # a request holds at most one point without `at` of a stream (of several the platform keeps the last)
    for r in plan.requests:
        without_at = [stream_id for stream_id, point in pairs[r.start : r.stop] if point.at is None]
        assert len(without_at) == len(set(without_at))
    # and cuts are made only where a limit or that rule asks: no two requests could have been one
    for before, after in itertools.pairwise(plan.requests):
        both = Readings.from_pairs(pairs[before.start : after.stop])
        without_at = [stream_id for stream_id, point in pairs[before.start : after.stop] if point.at is None]
        assert (
            before.points + after.points > max_points
            or len(encode(both, body_type, plan.separators or None).data) > max_bytes
            or len(without_at) != len(set(without_at))
            or before.oversized
            or after.oversized
        )
    assert sum(r.oversized for r in plan.requests) == len(plan.warnings)


_values = st.one_of(st.integers(-1000, 1000), st.floats(-1e6, 1e6), st.sampled_from(["ok", "温度高", "a b"]))
_ats = st.none() | st.integers(0, 50).map(lambda s: BASE + timedelta(seconds=s))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["t", "pm2.5", "湿度"]), _values, _ats), min_size=1, max_size=40),
    st.sampled_from(list(BodyType)),
    st.integers(1, 12),
    st.integers(64, 400),
)
def test_every_plan_keeps_limits_order_and_one_without_at_of_a_stream_a_request(
    pairs, body_type, max_points, max_bytes
) -> None:
    readings = Readings.from_pairs((s, Datapoint(v, a)) for s, v, a in pairs)
    assume(can_carry(readings, body_type) is None)
    check_plan(readings, body_type, max_points, max_bytes)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), _values, min_size=1, max_size=30), st.integers(1, 5))
def test_type3_splits_into_type3_requests(values, max_points) -> None:
    readings = Readings([Datastream(k, [Datapoint(v)]) for k, v in values.items()])
    check_plan(readings, BodyType.SIMPLE_JSON, max_points, 120)


def test_defaults_and_a_small_upload_is_one_request() -> None:
    readings = Readings([timed("t", 3)])
    plan = plan_requests(readings)

    assert (plan.max_points, plan.max_bytes) == (DEFAULT_MAX_POINTS, DEFAULT_MAX_BYTES) == (500, 65536)
    assert len(plan) == 1 and plan.warnings == []
    assert plan.body(0) == encode(readings)
    assert split(readings) == [encode(readings)]


def test_points_limit_splits_a_stream_and_each_request_says_its_stream() -> None:
    readings = Readings([timed("a", 5), timed("b", 3)])

    bodies = split(readings, BodyType.FULL_JSON, max_points=3)

    assert [len(decode(b.data)) for b in bodies] == [3, 3, 2]
    assert [[s.id for s in decode(b.data).datastreams] for b in bodies] == [["a"], ["a", "b"], ["b"]]


def test_a_datapoint_over_the_byte_limit_goes_alone_with_a_warning() -> None:
    big = "x" * 500
    readings = Readings([Datastream("t", [Datapoint(1, BASE), Datapoint(big, BASE + timedelta(1)), Datapoint(2)])])

    plan = plan_requests(readings, BodyType.FULL_JSON, max_points=10, max_bytes=200)

    assert [r.points for r in plan.requests] == [1, 1, 1]
    assert [r.oversized for r in plan.requests] == [False, True, False]
    [warning] = plan.warnings
    assert warning.code == "oversized"
    assert (warning.args["request"], warning.args["stream"], warning.args["first"], warning.args["bytes"]) == (
        2,
        "'t'",
        "2",
        200,
    )
    assert decode(plan.body(1).data).datastreams[0].datapoints[0].value == big


def test_points_without_at_of_a_stream_go_one_a_request() -> None:
    # In one request only the last point without `at` survives; one a request, each does.
    points = [Datapoint(1, BASE), Datapoint(2), Datapoint(3, BASE + timedelta(1)), Datapoint(4), Datapoint(5, BASE)]
    readings = Readings([Datastream("t", points), Datastream("u", [Datapoint(6)])])

    plan = plan_requests(readings, BodyType.FULL_JSON, max_points=10, max_bytes=10_000)

    assert [(r.start, r.stop, r.oversized) for r in plan.requests] == [(0, 3, False), (3, 6, False)]
    assert plan.warnings == []


def test_bad_limits_and_formats_are_refused() -> None:
    readings = Readings([timed("t", 2)])
    with pytest.raises(ValueError, match="max_points"):
        plan_requests(readings, max_points=0)
    with pytest.raises(ValueError, match="max_bytes"):
        plan_requests(readings, max_bytes=10)
    with pytest.raises(FormatError, match="type 3"):
        plan_requests(readings, BodyType.SIMPLE_JSON)


def test_type5_requests_share_the_separators_and_bytes_count_utf8() -> None:
    readings = Readings([Datastream("温度", [Datapoint("a,b", BASE + timedelta(seconds=i)) for i in range(20)])])

    plan = plan_requests(readings, BodyType.TEXT, max_points=100, max_bytes=200)

    assert len(plan) > 1
    assert all(plan.body(k).data.startswith(b"|;") for k in range(len(plan)))
    assert all(len(plan.body(k).data) <= 200 for k in range(len(plan)))


@pytest.mark.slow
def test_a_million_datapoints_split_under_the_limits() -> None:
    streams = [timed(f"s{k}", 100_000, 20.5 + k, offset=k) for k in range(10)]
    readings = Readings(streams)

    plan = plan_requests(readings, BodyType.FULL_JSON)

    assert plan.total_points == 1_000_000 and plan.warnings == []
    assert all(r.points <= 500 and r.size <= 65536 for r in plan.requests)
    assert sum(r.points for r in plan.requests) == 1_000_000
    for k in (0, len(plan) // 2, len(plan) - 1):
        body = plan.body(k)
        assert len(body.data) == plan.requests[k].size
        assert len(json.loads(body.data)["datastreams"][0]["datapoints"]) >= 1
