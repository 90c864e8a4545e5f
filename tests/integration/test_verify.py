"""Verify against the sandbox over loopback HTTP: found, missing, different, paging past 6000, cancel."""

from datetime import timedelta

import pytest

from gui.onenet.client import AuthError, OneNetClient
from gui.onenet.examples import seed_example
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import Datapoint, Readings, parse_at
from gui.onenet.verify import Outcome, VerifyCancelled, verify
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

DEVICE = DEFAULT_DEVICE_ID


def client_for(sandbox, key=DEFAULT_API_KEY):
    return OneNetClient(sandbox.url, DEVICE, key, timeout=10.0)


def outcomes(report):
    return [(c.stream_id, c.sent, c.outcome) for c in report.checks]


def test_seed_example_all_found_after_upload(sandbox):
    client = client_for(sandbox)
    readings = seed_example()
    client.upload(encode(readings))
    report = verify(client, readings)
    assert report.ok
    assert outcomes(report) == [
        ("temperature", "bacd", Outcome.FOUND),
        ("temperature", 84, Outcome.FOUND),
        ("key", {"x": 123, "y": 123.994}, Outcome.OVERWRITTEN),
        ("key", 23.001, Outcome.FOUND),
    ]
    assert report.checks[3].platform == 23.001
    assert report.counts[Outcome.FOUND] == 3
    assert (report.read_back, report.others, report.requests) == (3, 0, 2)


def test_deleted_and_changed_datapoints_are_reported_missing_and_different(sandbox):
    client = client_for(sandbox)
    readings = seed_example()
    client.upload(encode(readings))
    assert sandbox.delete(DEVICE, "temperature", parse_at("2013-04-22T00:55:43"))
    sandbox.put(DEVICE, "key", Datapoint(23.5, parse_at("2013-04-22T00:35:43")))

    report = verify(client, readings)
    assert not report.ok
    assert outcomes(report) == [
        ("temperature", "bacd", Outcome.FOUND),
        ("temperature", 84, Outcome.MISSING),
        ("key", {"x": 123, "y": 123.994}, Outcome.OVERWRITTEN),
        ("key", 23.001, Outcome.DIFFERENT),
    ]
    assert report.checks[3].platform == 23.5
    assert [c.at for c in report.problems] == [parse_at("2013-04-22T00:55:43"), parse_at("2013-04-22T00:35:43")]
    assert report.counts == {
        Outcome.FOUND: 1,
        Outcome.MISSING: 1,
        Outcome.DIFFERENT: 1,
        Outcome.OVERWRITTEN: 1,
        Outcome.UNVERIFIABLE: 0,
    }


def test_a_text_put_where_a_number_was_sent_is_different_and_a_float_for_an_int_is_found(sandbox):
    client = client_for(sandbox)
    at = parse_at("2024-05-01T12:00:00")
    readings = Readings.from_pairs([("t", Datapoint(84, at)), ("t", Datapoint(7, at + timedelta(seconds=1)))])
    client.upload(encode(readings))
    sandbox.put(DEVICE, "t", Datapoint(84.0, at))
    sandbox.put(DEVICE, "t", Datapoint("7", at + timedelta(seconds=1)))
    report = verify(client, readings)
    assert [c.outcome for c in report.checks] == [Outcome.FOUND, Outcome.DIFFERENT]
    first, second = (c.note for c in report.checks)
    assert first is not None and first.code == "written-differently"
    assert second is not None and str(second) == "sent a number, the platform holds a text"


def test_other_points_in_the_range_are_counted_not_judged(sandbox):
    client = client_for(sandbox)
    at = parse_at("2024-05-01T12:00:00")
    readings = Readings.from_pairs([("t", Datapoint(1, at)), ("t", Datapoint(3, at + timedelta(minutes=2)))])
    client.upload(encode(readings))
    sandbox.put(DEVICE, "t", Datapoint(2, at + timedelta(minutes=1)))
    sandbox.put(DEVICE, "t", Datapoint(9, at + timedelta(milliseconds=281)))  # same second, another point
    report = verify(client, readings)
    assert report.ok
    assert (report.read_back, report.others) == (4, 2)


def test_points_without_at_are_unverifiable_even_though_stored(sandbox):
    client = client_for(sandbox)
    readings = Readings.from_pairs([("temperature", Datapoint(22.5)), ("humidity", Datapoint("95.2%"))])
    client.upload(encode(readings, BodyType.SIMPLE_JSON))
    assert len(sandbox.datapoints(DEVICE, "temperature")) == 1
    report = verify(client, readings)
    assert report.ok
    assert report.requests == 0
    assert [c.outcome for c in report.checks] == [Outcome.UNVERIFIABLE] * 2


def test_read_back_pages_past_6000_per_stream_and_finds_the_right_problems(sandbox):
    client = client_for(sandbox)
    start = parse_at("2024-01-01T00:00:00")
    n = 13_000
    points = [("big", Datapoint(i * 0.5, start + timedelta(seconds=i))) for i in range(n)]
    readings = Readings.from_pairs([*points, ("small", Datapoint(1, start))])
    client.upload(encode(readings))
    assert len(sandbox.datapoints(DEVICE, "big")) == n

    progress = []
    report = verify(client, readings, progress=progress.append)
    assert report.ok
    assert report.counts[Outcome.FOUND] == n + 1
    assert report.read_back == n + 1
    assert report.requests == 4  # big: 6000 + 6000 + 1000; small: 1
    reads = [p.read_back for p in progress]
    assert reads == sorted(reads) and reads[-1] == n + 1
    assert [p.requests for p in progress if p.stream_id == "big"][:3] == [1, 2, 3]
    assert progress[-1].streams_done == progress[-1].streams_total == 2

    deleted, changed = 7_001, 12_500  # on the second and the third page
    sandbox.delete(DEVICE, "big", start + timedelta(seconds=deleted))
    sandbox.put(DEVICE, "big", Datapoint(-1, start + timedelta(seconds=changed)))
    report = verify(client, readings)
    assert [(c.sent, c.outcome) for c in report.problems] == [
        (deleted * 0.5, Outcome.MISSING),
        (changed * 0.5, Outcome.DIFFERENT),
    ]
    assert report.problems[1].platform == -1
    assert report.counts[Outcome.FOUND] == n - 1


def test_smaller_limit_pages_more(sandbox):
    client = client_for(sandbox)
    start = parse_at("2024-01-01T00:00:00")
    readings = Readings.from_pairs([("s", Datapoint(i, start + timedelta(seconds=i))) for i in range(25)])
    client.upload(encode(readings))
    report = verify(client, readings, limit=10)
    assert report.ok and report.requests == 3


def test_cancel_between_pages_raises_and_stops_reading(sandbox):
    client = client_for(sandbox)
    start = parse_at("2024-01-01T00:00:00")
    readings = Readings.from_pairs([("s", Datapoint(i, start + timedelta(seconds=i))) for i in range(30)])
    client.upload(encode(readings))
    seen = []
    with pytest.raises(VerifyCancelled):
        verify(client, readings, limit=10, cancelled=lambda: len(seen) >= 1, progress=seen.append)
    assert len(seen) == 1 and seen[0].requests == 1


def test_wrong_key_raises_auth_error(sandbox):
    readings = seed_example()
    with pytest.raises(AuthError):
        verify(client_for(sandbox, key="WRONG"), readings)
