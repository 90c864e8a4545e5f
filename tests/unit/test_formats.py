"""Body formats (gui/onenet/formats.py): the cases' answers, exact bytes, refusals.

Expected answers: tests/fixtures/README.md (the cases) and shared
onenet-api.md ("Body formats", "Timestamps").
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.onenet.formats import (
    TYPE5_SEPARATOR_CANDIDATES,
    BodyType,
    FormatError,
    choose_type5_separators,
    decode,
    encode,
)
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Datastream, Readings, Value, parse_value

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SEED_COMPACT = (
    b'{"datastreams":[{"id":"temperature","datapoints":[{"at":"2013-04-22T00:35:43","value":"bacd"},'
    b'{"at":"2013-04-22T00:55:43","value":84}]},{"id":"key","datapoints":[{"at":"2013-04-22T00:35:43",'
    b'"value":{"x":123,"y":123.994}},{"at":"2013-04-22T00:35:43","value":23.001}]}]}'
)


def at(text: str) -> datetime:
    """A platform-time (UTC+8) datetime from `YYYY-MM-DDThh:mm:ss`."""
    return datetime.fromisoformat(text).replace(tzinfo=PLATFORM_TZ)


def one(stream_id: str, *points: Datapoint) -> Readings:
    return Readings([Datastream(stream_id, list(points))])


def seed_readings() -> Readings:
    """The seed's four datapoints as a user enters them by hand."""
    return Readings(
        [
            Datastream(
                "temperature",
                [Datapoint("bacd", at("2013-04-22T00:35:43")), Datapoint(84, at("2013-04-22T00:55:43"))],
            ),
            Datastream(
                "key",
                [
                    Datapoint({"x": 123, "y": 123.994}, at("2013-04-22T00:35:43")),
                    Datapoint(23.001, at("2013-04-22T00:35:43")),
                ],
            ),
        ]
    )


# -- type 1: the seed ---------------------------------------------------------------


def test_seed_file_decodes_to_the_four_datapoints_with_their_types() -> None:
    readings = decode((FIXTURES / "seed_example_type1.json").read_bytes(), BodyType.FULL_JSON)

    assert readings == seed_readings()
    values = [point.value for _, point in readings.pairs()]
    assert [type(v) for v in values] == [str, int, dict, float]
    assert all(point.at is not None and point.at.utcoffset() == timedelta(hours=8) for _, point in readings.pairs())


def test_seed_readings_encode_to_exact_compact_bytes() -> None:
    body = encode(seed_readings())

    assert body.type is BodyType.FULL_JSON
    assert body.data == SEED_COMPACT
    assert body.content_type == "application/json"
    assert body.query == {}
    # Same structure, keys, order, values and types as the user's document.
    seed = json.loads((FIXTURES / "seed_example_type1.json").read_bytes())
    assert json.dumps(seed, separators=(",", ":")).encode() == SEED_COMPACT


def test_seed_round_trips() -> None:
    data = (FIXTURES / "seed_example_type1.json").read_bytes()

    assert encode(decode(data)).data == SEED_COMPACT
    assert decode(SEED_COMPACT) == seed_readings()


def test_type1_omits_missing_at_and_keeps_unicode() -> None:
    readings = Readings([Datastream("温度", [Datapoint(20.25), Datapoint("备注", at("2026-11-04T09:00:00"))])])

    data = encode(readings).data

    assert data.decode("utf-8") == (
        '{"datastreams":[{"id":"温度","datapoints":[{"value":20.25},{"at":"2026-11-04T09:00:00","value":"备注"}]}]}'
    )
    assert decode(data) == readings


def test_at_is_sent_in_platform_time() -> None:
    # A reading taken at 09:00 in Berlin (UTC+1) is sent as 16:00 (shared onenet-api.md, "Timestamps").
    berlin = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    utc = datetime(2026, 11, 2, 8, 0, 0, 999_999, tzinfo=UTC)

    data = encode(Readings([Datastream("t", [Datapoint(1, berlin), Datapoint(2, utc)])])).data

    assert b'"at":"2026-11-02T16:00:00"' in data
    assert b'"at":"2026-11-02T16:00:00","value":2' in data  # fractions dropped


def test_type1_decode_reads_readback_and_offset_forms_of_at() -> None:
    body = (
        b'{"datastreams":[{"id":"t","datapoints":['
        b'{"at":"2017-06-23 11:09:46.281","value":1},{"at":"2017-06-23T03:09:46Z","value":2},{"value":3}]}]}'
    )

    points = decode(body).datastreams[0].datapoints

    assert points[0].at == datetime(2017, 6, 23, 11, 9, 46, 281000, tzinfo=PLATFORM_TZ)
    assert points[1].at == at("2017-06-23T11:09:46")
    assert points[2].at is None


# -- types 3, 4, 5: the documentation's examples ----------------------------------------------


def test_doc_type3_decodes_and_encodes_back() -> None:
    data = (FIXTURES / "doc_example_type3.json").read_bytes().strip()

    readings = decode(data, BodyType.SIMPLE_JSON)

    assert readings == Readings(
        [Datastream("temperature", [Datapoint(22.5)]), Datastream("humidity", [Datapoint("95.2%")])]
    )
    temperature = readings.datastreams[0].datapoints[0].value
    assert isinstance(temperature, float)
    body = encode(readings, BodyType.SIMPLE_JSON)
    assert body.data == data
    assert body.query == {"type": "3"}


def test_doc_type4_decodes_and_round_trips() -> None:
    data = (FIXTURES / "doc_example_type4.json").read_bytes().strip()

    readings = decode(data, BodyType.TIMED_JSON)

    assert readings == one("temperature", Datapoint(22.5, at("2015-03-22T22:31:12")))
    assert encode(readings, BodyType.TIMED_JSON).data == data


def test_doc_type5_decodes_with_positional_stream_ids() -> None:
    data = (FIXTURES / "doc_example_type5.txt").read_bytes()

    readings = decode(data, BodyType.TEXT)

    assert list(readings.pairs()) == [
        ("temperature", Datapoint(22.5, at("2015-03-22T22:31:12"))),
        ("1", Datapoint(102)),
        ("pm2.5", Datapoint(89)),
        ("3", Datapoint(10)),
    ]


def test_type5_encodes_device_style_text_and_tolerates_trailing_crlf() -> None:
    readings = Readings([Datastream("humidity", [Datapoint(55)]), Datastream("temperature", [Datapoint(23)])])

    body = encode(readings, BodyType.TEXT)

    assert body.data == b",;humidity,55;temperature,23"
    assert body.content_type.startswith("text/plain")
    assert body.query == {"type": "5"}
    assert decode(body.data + b"\r\n\r\n", BodyType.TEXT) == readings


def test_type5_chooses_separators_no_text_contains() -> None:
    readings = one("note", Datapoint("a,b;c"))

    assert choose_type5_separators(readings) == "|^"
    assert decode(encode(readings, BodyType.TEXT).data, BodyType.TEXT) == readings


# -- encode refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("readings", "body_type", "separators", "fragment"),
    [
        (one("t", Datapoint(1), Datapoint(2)), BodyType.SIMPLE_JSON, None, "one value per datastream"),
        (one("t"), BodyType.SIMPLE_JSON, None, "one value per datastream"),
        (one("t", Datapoint(1, at("2020-01-01T00:00:00"))), BodyType.SIMPLE_JSON, None, "no `at`"),
        (
            Readings([Datastream("t", [Datapoint(1)]), Datastream("t", [Datapoint(2)])]),
            BodyType.SIMPLE_JSON,
            None,
            "appears twice",
        ),
        (one("t", Datapoint(1)), BodyType.TIMED_JSON, None, "needs an `at`"),
        (
            one("t", Datapoint(1, at("2020-01-01T00:00:00")), Datapoint(2, at("2020-01-01T00:00:00.500"))),
            BodyType.TIMED_JSON,
            None,
            "two points",
        ),
        (one("t", Datapoint({"x": 1})), BodyType.TEXT, None, "text only"),
        (one("t", Datapoint(1)), BodyType.TEXT, ",,", "two different"),
        (one("t", Datapoint(1)), BodyType.TEXT, ",", "two different"),
        (one("t", Datapoint("a,b")), BodyType.TEXT, ",;", "separator"),
        (one(",;|^~#\t\n", Datapoint(1)), BodyType.TEXT, None, "use type 1"),
        (one("t", Datapoint(float("nan"))), BodyType.FULL_JSON, None, ""),
        (one("t", Datapoint(float("inf"))), BodyType.SIMPLE_JSON, None, ""),
    ],
)
def test_encode_refuses_what_a_format_cannot_say(
    readings: Readings, body_type: BodyType, separators: str | None, fragment: str
) -> None:
    with pytest.raises(FormatError) as error:
        encode(readings, body_type, separators)
    assert fragment in str(error.value)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_type5_refuses_non_finite_numbers(value: float) -> None:
    with pytest.raises(FormatError):
        encode(one("t", Datapoint(value)), BodyType.TEXT)


# -- decode refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "body_type", "fragment"),
    [
        (b'{"datastreams":[', BodyType.FULL_JSON, "not valid JSON"),
        (b"\xff\xfe", BodyType.FULL_JSON, "not valid JSON"),
        (b"[]", BodyType.FULL_JSON, '{"datastreams"'),
        (b'{"datastreams":{}}', BodyType.FULL_JSON, '{"datastreams"'),
        (b'{"datastreams":[{"id":5,"datapoints":[]}]}', BodyType.FULL_JSON, "datastreams[0]"),
        (b'{"datastreams":[{"id":"t"}]}', BodyType.FULL_JSON, "`datapoints` must be a list"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"at":"2020-01-01T00:00:00"}]}]}', BodyType.FULL_JSON, "value"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"value":null}]}]}', BodyType.FULL_JSON, "null"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"value":true}]}]}', BodyType.FULL_JSON, "true"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"value":[1]}]}]}', BodyType.FULL_JSON, "[1]"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"at":"noon","value":1}]}]}', BodyType.FULL_JSON, "noon"),
        (b'{"datastreams":[{"id":"t","datapoints":[{"at":5,"value":1}]}]}', BodyType.FULL_JSON, "must be a string"),
        (b'{"t":NaN}', BodyType.SIMPLE_JSON, "NaN"),
        (b"[1]", BodyType.SIMPLE_JSON, "type 3"),
        (b'{"t":1}', BodyType.TIMED_JSON, "type 4"),
        (b'{"t":{"2020-02-30T00:00:00":1}}', BodyType.TIMED_JSON, "t"),
        (b",", BodyType.TEXT, "two different separator"),
        (b",,t,1", BodyType.TEXT, "two different separator"),
        (b",;a,b,c,d", BodyType.TEXT, "4 parts"),
        (b",;t,yesterday,1", BodyType.TEXT, "field 0"),
        (b",;t,\xff", BodyType.TEXT, "not UTF-8"),
    ],
)
def test_decode_refuses_malformed_bodies(data: bytes, body_type: BodyType, fragment: str) -> None:
    with pytest.raises(FormatError) as error:
        decode(data, body_type)
    assert fragment in str(error.value)


@pytest.mark.parametrize("body_type", [BodyType.FULL_JSON, BodyType.SIMPLE_JSON])
def test_decode_refuses_numbers_beyond_float_range(body_type: BodyType) -> None:
    data = {
        BodyType.FULL_JSON: b'{"datastreams":[{"id":"t","datapoints":[{"value":1e999}]}]}',
        BodyType.SIMPLE_JSON: b'{"t":-1e999}',
    }[body_type]
    with pytest.raises(FormatError):
        decode(data, body_type)


def test_type5_round_trips_with_every_candidate_separator_pair() -> None:
    readings = Readings([Datastream("a", [Datapoint("x")]), Datastream("b", [Datapoint(1)])])
    for pair in TYPE5_SEPARATOR_CANDIDATES:
        assert decode(encode(readings, BodyType.TEXT, pair).data, BodyType.TEXT) == readings, pair


# -- round-trip properties --------------------------------------------------------------------------

_texts = st.text(max_size=8).filter(lambda t: parse_value(t) == t)
_values: st.SearchStrategy[Value] = st.one_of(
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    _texts,
    st.dictionaries(st.text(max_size=4), st.integers() | st.text(max_size=4), max_size=3),
)
_ats = st.none() | st.integers(0, 2_000_000_000).map(lambda s: at("1970-01-01T08:00:00") + timedelta(seconds=s))
_pairs = st.lists(st.tuples(st.text(min_size=1, max_size=8), _values, _ats), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(_pairs)
def test_type1_round_trips(pairs: list[tuple[str, Value, datetime | None]]) -> None:
    readings = Readings.from_pairs((stream_id, Datapoint(value, when)) for stream_id, value, when in pairs)

    assert decode(encode(readings).data) == readings


_t5_ids = st.text(st.characters(codec="utf-8", exclude_characters=",;|^~#\t\n\r "), min_size=1, max_size=8)
_t5_texts = _texts.filter(lambda t: t == t.strip() and not any(c in t for c in ",;"))
_t5_values: st.SearchStrategy[Value] = st.one_of(
    st.integers(), st.floats(allow_nan=False, allow_infinity=False), _t5_texts
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_t5_ids, _t5_values, _ats), min_size=1, max_size=6))
def test_type5_round_trips_values_it_can_carry(pairs: list[tuple[str, Value, datetime | None]]) -> None:
    readings = Readings.from_pairs((stream_id, Datapoint(value, when)) for stream_id, value, when in pairs)
    body = encode(readings, BodyType.TEXT)

    assert body.data.startswith(b",;")
    assert decode(body.data, BodyType.TEXT) == readings
