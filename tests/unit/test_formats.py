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
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gui.onenet.decoding import decode
from gui.onenet.formats import (
    TYPE5_SEPARATOR_CANDIDATES,
    BodyType,
    FormatError,
    can_carry,
    carry_reasons,
    choose_type5_separators,
    encode,
    fragments,
    utf8,
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
        (one("t", Datapoint("84")), BodyType.TEXT, None, "would arrive as a number"),
        (one("t", Datapoint(" ok")), BodyType.TEXT, None, "spaces at an end"),
        (one("t", Datapoint("a\r\nb")), BodyType.TEXT, None, "line break"),
        (one("t", Datapoint("x")), BodyType.TEXT, "\n;", "line break"),
        (one("t", Datapoint(1, at("2020-01-01T00:00:00"))), BodyType.TEXT, "T;", "`at` or number"),
        (one("a;b", Datapoint("x")), BodyType.TEXT, ",;", "datastream id 'a;b'"),
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
# No subnormal floats (nearer 0 than 2.2e-308): a number read from a text is never one (`parse_number` refuses it).
_values: st.SearchStrategy[Value] = st.one_of(
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False),
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


_t5_ids = st.text(st.characters(codec="utf-8", exclude_characters=",;|^~#\t\n\r "), min_size=1, max_size=8).filter(
    lambda t: t == t.strip() and t.isprintable()
)
_t5_texts = _texts.filter(lambda t: t == t.strip() and t.isprintable() and not any(c in t for c in ",;"))
_t5_values: st.SearchStrategy[Value] = st.one_of(
    st.integers(), st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False), _t5_texts
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_t5_ids, _t5_values, _ats), min_size=1, max_size=6))
def test_type5_round_trips_values_it_can_carry(pairs: list[tuple[str, Value, datetime | None]]) -> None:
    readings = Readings.from_pairs((stream_id, Datapoint(value, when)) for stream_id, value, when in pairs)
    body = encode(readings, BodyType.TEXT)

    assert body.data.startswith(b",;")
    assert decode(body.data, BodyType.TEXT) == readings


# -- what each format can carry: one rule set for the selector and the encoder ------------------------

_any_texts = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["84", " 84", "1e5", "-.5", "٣", "a,b", "x;y", "|", "\t", "ok ", "a\nb", "95.2%", "nan"]),
)
_any_values: st.SearchStrategy[Value] = st.one_of(
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False),
    _any_texts,
    st.dictionaries(st.text(max_size=3), st.integers() | st.text(max_size=3), max_size=2),
)
_any_ids = st.one_of(st.sampled_from(["t", "pm2.5", "温度", "a b", " s", "x,y", "1"]), st.text(min_size=1, max_size=5))
_any_separators = st.none() | st.sampled_from([",;", "|^", ";;", ",", "T;", "\n;", ";\n", "a;", " ,"])


@st.composite
def _readings(draw: st.DrawFn, max_points: int = 8) -> Readings:
    """Readings grouped by stream (as the window and importers build them), `at` to the second."""
    pairs = draw(st.lists(st.tuples(_any_ids, _any_values, _ats), min_size=1, max_size=max_points))
    return Readings.from_pairs((stream_id, Datapoint(value, when)) for stream_id, value, when in pairs)


@st.composite
def _type3_readings(draw: st.DrawFn) -> Readings:
    values = draw(st.dictionaries(_any_ids, _any_values, min_size=1, max_size=5))
    return Readings([Datastream(k, [Datapoint(v)]) for k, v in values.items()])


@st.composite
def _type4_readings(draw: st.DrawFn) -> Readings:
    streams = draw(
        st.dictionaries(
            _any_ids,
            st.dictionaries(st.integers(0, 2_000_000_000), _any_values, min_size=1, max_size=4),
            min_size=1,
            max_size=3,
        )
    )
    base = at("1970-01-01T08:00:00")
    return Readings(
        [
            Datastream(k, [Datapoint(v, base + timedelta(seconds=sec)) for sec, v in points.items()])
            for k, points in streams.items()
        ]
    )


def _check_agreement(readings: Readings, body_type: BodyType, separators: str | None) -> None:
    """`can_carry` and `encode` agree; when the format can carry the readings, they round-trip exactly."""
    reason = can_carry(readings, body_type, separators)
    if reason is None:
        body = encode(readings, body_type, separators)
        assert decode(body.data, body_type) == readings
        assert body.data == _reference_encode(readings, body_type, separators or body.data[:2].decode())
    else:
        with pytest.raises(FormatError) as error:
            encode(readings, body_type, separators)
        assert str(error.value) == reason


@settings(max_examples=300, deadline=None)
@given(_readings(), st.sampled_from(list(BodyType)), _any_separators)
def test_can_carry_and_encode_never_disagree_and_what_is_carried_round_trips(
    readings: Readings, body_type: BodyType, separators: str | None
) -> None:
    _check_agreement(readings, body_type, separators if body_type is BodyType.TEXT else None)


@settings(max_examples=200, deadline=None)
@given(_type3_readings())
def test_type3_round_trips_one_value_per_stream(readings: Readings) -> None:
    assert can_carry(readings, BodyType.SIMPLE_JSON) is None
    _check_agreement(readings, BodyType.SIMPLE_JSON, None)


@settings(max_examples=200, deadline=None)
@given(_type4_readings())
def test_type4_round_trips_timed_points(readings: Readings) -> None:
    assert can_carry(readings, BodyType.TIMED_JSON) is None
    _check_agreement(readings, BodyType.TIMED_JSON, None)


@settings(max_examples=200, deadline=None)
@given(_readings(), _any_separators)
def test_type5_round_trips_whatever_it_accepts(readings: Readings, separators: str | None) -> None:
    assume(can_carry(readings, BodyType.TEXT) is None)
    _check_agreement(readings, BodyType.TEXT, separators)


def _reference_encode(readings: Readings, body_type: BodyType, separators: str) -> bytes:
    """The formats written the obvious way (plain dicts and json.dumps): the fragments must give the same bytes."""
    from gui.onenet.readings import format_at, format_value

    def dumps(obj: object) -> bytes:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()

    if body_type is BodyType.FULL_JSON:
        return dumps(
            {
                "datastreams": [
                    {
                        "id": s.id,
                        "datapoints": [
                            ({"at": format_at(p.at)} if p.at else {}) | {"value": p.value} for p in s.datapoints
                        ],
                    }
                    for s in readings.datastreams
                ]
            }
        )
    if body_type is BodyType.SIMPLE_JSON:
        return dumps({s.id: s.datapoints[0].value for s in readings.datastreams})
    if body_type is BodyType.TIMED_JSON:
        return dumps({s.id: {format_at(p.at): p.value for p in s.datapoints if p.at} for s in readings.datastreams})
    sub, sep = separators
    fields = [
        sub.join([stream_id] + ([format_at(p.at)] if p.at else []) + [format_value(p.value)])
        for stream_id, p in readings.pairs()
    ]
    return (separators + sep.join(fields)).encode()


def test_seed_example_in_all_four_formats() -> None:
    """Type 1 exact; 3, 4 and 5 refuse it, each with the reason (the selector's tooltip)."""
    seed = seed_readings()
    reasons = carry_reasons(seed)

    assert reasons[BodyType.FULL_JSON] is None
    assert encode(seed).data == SEED_COMPACT
    assert "one value per datastream; 'temperature' has 2" in str(reasons[BodyType.SIMPLE_JSON])
    assert "two points of 'key' at 2013-04-22T00:35:43" in str(reasons[BodyType.TIMED_JSON])
    assert "JSON object" in str(reasons[BodyType.TEXT]) and "'key', datapoint #1" in str(reasons[BodyType.TEXT])
    for body_type in (BodyType.SIMPLE_JSON, BodyType.TIMED_JSON, BodyType.TEXT):
        with pytest.raises(FormatError, match="type"):
            encode(seed, body_type)


def test_seed_example_without_the_overwritten_point_goes_as_type_4() -> None:
    """Drop the object that the platform overwrites anyway: then type 4 can say it, and type 5 could not (text)."""
    seed = seed_readings()
    seed.datastreams[1].datapoints.pop(0)

    body = encode(seed, BodyType.TIMED_JSON)

    assert body.data == (
        b'{"temperature":{"2013-04-22T00:35:43":"bacd","2013-04-22T00:55:43":84},"key":{"2013-04-22T00:35:43":23.001}}'
    )
    assert decode(body.data, BodyType.TIMED_JSON) == seed
    assert encode(seed, BodyType.TEXT).data == (
        b",;temperature,2013-04-22T00:35:43,bacd;temperature,2013-04-22T00:55:43,84;key,2013-04-22T00:35:43,23.001"
    )


def test_doc_type5_re_encodes_with_named_streams() -> None:
    """Positional ids come back as named fields: the same readings, said explicitly."""
    readings = decode((FIXTURES / "doc_example_type5.txt").read_bytes(), BodyType.TEXT)

    data = encode(readings, BodyType.TEXT).data

    assert data == b",;temperature,2015-03-22T22:31:12,22.5;1,102;pm2.5,89;3,10"
    assert decode(data, BodyType.TEXT) == readings


def test_doc_examples_in_every_format_they_fit() -> None:
    type3 = decode((FIXTURES / "doc_example_type3.json").read_bytes(), BodyType.SIMPLE_JSON)
    type4 = decode((FIXTURES / "doc_example_type4.json").read_bytes(), BodyType.TIMED_JSON)

    assert carry_reasons(type3)[BodyType.TIMED_JSON] is not None  # no `at`
    assert encode(type3, BodyType.TEXT).data == b",;temperature,22.5;humidity,95.2%"
    assert decode(encode(type3).data) == type3
    assert carry_reasons(type4)[BodyType.SIMPLE_JSON] is not None  # has `at`
    assert decode(encode(type4, BodyType.TEXT).data, BodyType.TEXT) == type4


def test_user_separators_are_used_or_refused_with_the_reason() -> None:
    readings = Readings([Datastream("note", [Datapoint("a,b")]), Datastream("t", [Datapoint(1)])])

    assert encode(readings, BodyType.TEXT, "|^").data == b"|^note|a,b^t|1"
    reason = can_carry(readings, BodyType.TEXT, ",;")
    assert reason is not None and "',' occurs in datastream 'note', datapoint #1 ('a,b')" in reason
    assert can_carry(readings, BodyType.TEXT) is None  # auto separators avoid the comma
    assert choose_type5_separators(readings) == "|;"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.none() | st.datetimes(timezones=st.timezones(), allow_imaginary=False), max_size=5))
def test_wire_ats_agree_with_format_at(times: list[datetime | None]) -> None:
    from gui.onenet.formats import wire_ats
    from gui.onenet.readings import format_at

    readings = one("t", *(Datapoint(1, when) for when in times))
    try:
        expected = [None if when is None else format_at(when) for when in times]
    except OverflowError:
        assume(False)
    assert wire_ats(readings) == [expected]


AT = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("body_type", list(BodyType))
def test_fragments_keep_every_datapoint_text_in_one_string_with_where_each_starts(body_type):
    """`Fragments` holds one string and an array of offsets, not a list of a million strings (issue 11)."""
    streams = [Datastream("温度", [Datapoint(v, AT + timedelta(seconds=i)) for i, v in enumerate([1, "高", 2.5])])]
    streams += [Datastream("empty", []), Datastream("t", [Datapoint(7, AT)])]
    if body_type is BodyType.SIMPLE_JSON:
        streams = [Datastream("温度", [Datapoint("高")]), Datastream("t", [Datapoint(7)])]
    readings = Readings(streams)
    built = fragments(readings, body_type)
    texts = [built.point(i) for i in range(built.count)]
    assert built.count == len(list(readings.pairs())) == len(built.offsets) - 1
    assert "".join(built.texts) == "".join(t + built.point_sep for t in texts)
    assert all(texts)
    sizes = [len(utf8(t + built.point_sep)) for t in texts]
    assert list(built.byte_offsets()) == [sum(sizes[:k]) for k in range(len(sizes) + 1)]
    assert built.full_text().encode() == encode(readings, body_type).data
    for a in range(built.count):
        for b in range(a + 1, built.count + 1):
            chunk = Readings.from_pairs(list(readings.pairs())[a:b])
            assert built.body(a, b).data == encode(chunk, body_type, built.separators or None).data


def test_ascii_fragments_count_bytes_as_characters():
    built = fragments(Readings([Datastream("t", [Datapoint(i, AT) for i in range(5)])]))
    assert built.byte_offsets() is built.offsets


def test_a_lone_surrogate_in_a_datapoint_is_named_as_utf8_names_it():
    built = fragments(Readings([Datastream("t", [Datapoint("ok"), Datapoint("bad \ud800 text")])]))
    with pytest.raises(FormatError) as raised:
        built.byte_offsets()
    with pytest.raises(FormatError) as expected:
        utf8(built.point(1))
    assert str(raised.value) == str(expected.value)
