"""Refusals, not crashes (issue 12, "Why" 7, decoder half): `decoding.decode`, validation and the planner raise only
their documented errors for any input. Each crasher found by fuzzing is a regression test; a hypothesis test mutates
real bodies (the fixtures') within a few seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, FormatError, encode
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.onenet.split import plan_requests
from gui.onenet.validation import Severity, validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BODIES = {
    BodyType.FULL_JSON: (FIXTURES / "seed_example_type1.json").read_bytes(),
    BodyType.SIMPLE_JSON: (FIXTURES / "doc_example_type3.json").read_bytes(),
    BodyType.TIMED_JSON: (FIXTURES / "doc_example_type4.json").read_bytes(),
    BodyType.TEXT: (FIXTURES / "doc_example_type5.txt").read_bytes(),
}


def downstream(readings: Readings) -> None:
    """What a decoded body goes through (verify --body, the window): validation, planning, encoding."""
    assert isinstance(validate(readings), list)
    for body_type in BodyType:
        try:
            plan_requests(readings, body_type, 500, 65536)
            encode(readings, body_type)
        except FormatError:
            pass


CRASHERS = {
    "deeply nested JSON (RecursionError)": (
        BodyType.FULL_JSON,
        b'{"datastreams":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ),
    "a value nested 900 deep": (
        BodyType.FULL_JSON,
        b'{"datastreams":[{"id":"a","datapoints":[{"value":' + b'{"a":' * 900 + b"1" + b"}" * 900 + b"}]}]}",
    ),
    "an integer of 5,000 digits (ValueError)": (
        BodyType.FULL_JSON,
        b'{"datastreams":[{"id":"a","datapoints":[{"value":' + b"9" * 5000 + b"}]}]}",
    ),
    "at 1e400": (BodyType.FULL_JSON, b'{"datastreams":[{"id":"a","datapoints":[{"at":1e400,"value":1}]}]}'),
    "a value 1e400": (BodyType.SIMPLE_JSON, b'{"a":1e400}'),
    "type 4 key 1e400": (BodyType.TIMED_JSON, b'{"a":{"1e400":1}}'),
    "bytes that are not UTF-8": (BodyType.FULL_JSON, b'{"datastreams":[{"id":"\xff","datapoints":[]}]}'),
}


@pytest.mark.parametrize("name", CRASHERS)
def test_each_crasher_is_a_refusal(name):
    body_type, data = CRASHERS[name]
    try:
        readings = decode(data, body_type)
    except FormatError:
        return
    downstream(readings)


@pytest.mark.parametrize(
    "body",
    [
        b'{"datastreams":[{"id":"a","datapoints":[{"value":"\\ud800"}]}]}',
        b'{"datastreams":[{"id":"\\ud800","datapoints":[{"value":1}]}]}',
        b'{"datastreams":[{"id":"a","datapoints":[{"value":{"x":"\\udfff"}}]}]}',
    ],
)
def test_a_lone_surrogate_is_an_error_of_validation_and_a_refusal_of_the_planner(body):
    readings = decode(body, BodyType.FULL_JSON)
    issues = validate(readings)
    assert [i.rule for i in issues if i.severity is Severity.ERROR] == ["not-text"]
    assert "\\ud8" in issues[0].message or "\\udf" in issues[0].message  # shown escaped: printable
    with pytest.raises(FormatError, match="lone surrogate"):
        plan_requests(readings, BodyType.FULL_JSON, 500, 65536)
    with pytest.raises(FormatError, match="lone surrogate"):
        encode(readings)


def test_a_lone_surrogate_typed_in_is_refused_the_same_way():
    readings = Readings([Datastream("t", [Datapoint("a\ud800b")])])
    assert [i.rule for i in validate(readings)] == ["not-text"]
    with pytest.raises(FormatError):
        plan_requests(readings, BodyType.TEXT, 500, 65536)


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut :]
    return data


INTERESTING = st.sampled_from(
    [
        b"[",
        b"{",
        b'"',
        b"\\ud800",
        b"1e400",
        b"9" * 40,
        b"-",
        b"null",
        b"true",
        b",",
        b":",
        b"\xff",
        b"\x00",
        b";",
        b"T",
    ]
)
EDITS = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 8), st.one_of(INTERESTING, st.binary(max_size=6))), max_size=6
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body_type=st.sampled_from(list(BodyType)), edits=EDITS)
def test_mutated_real_bodies_are_decoded_or_refused(body_type, edits):
    data = _mutate(BODIES[body_type], edits)
    try:
        readings = decode(data, body_type)
    except FormatError:
        return
    downstream(readings)
