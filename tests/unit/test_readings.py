"""Readings model: values, `at` in platform time, grouping."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.onenet.readings import (
    AtError,
    Datapoint,
    MistypedNumber,
    NumberOutOfRange,
    Readings,
    ValueKind,
    format_at,
    format_value,
    kind_of,
    localize,
    mistyped_number,
    occurrences,
    parse_at,
    parse_number,
    parse_value,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84", 84),
        ("-3", -3),
        ("23.001", 23.001),
        ("1e3", 1000.0),
        ("bacd", "bacd"),
        ('{"x": 1}', {"x": 1}),
        # Full-width forms, as a Chinese input method in full-width mode types them, are the number meant.
        ("２１．５", 21.5),
        ("－３", -3),
        ("８４", 84),
        ("１ｅ３", 1000.0),
        # Other digits are not JSON's: kept as the text typed.
        ("\u0663", "\u0663"),  # Arabic-Indic three
        ("\u00b2", "\u00b2"),  # superscript two
        ("２１．５\u00b2", "２１．５\u00b2"),
    ],
)
def test_auto_kind_reads_numbers_objects_and_text(text, expected):
    value = parse_value(text)
    assert value == expected
    assert type(value) is type(expected)


def test_integers_stay_integers_and_floats_floats():
    assert type(parse_value("84")) is int
    assert type(parse_value("84.0")) is float


def test_explicit_text_keeps_a_number_like_string():
    assert parse_value("84", ValueKind.TEXT) == "84"


@pytest.mark.parametrize("text", ["nan", "inf", "1e999", "12a", ""])
def test_explicit_number_refuses_what_json_cannot_carry(text):
    with pytest.raises(ValueError):
        parse_value(text, ValueKind.NUMBER)


# Fresh tester 8, finding 6: `1e-400` was sent as 0.0. A double's normal range is 2.2250738585072014e-308
# (sys.float_info.min) to 1.8e308: nearer 0 and not written as zero, the number is refused, as `1e309` is.
@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("1e-400", "too small"),  # float() gives 0.0
        ("-1e-400", "too small"),  # -0.0
        ("0.001e-306", "too small"),  # 1e-309, a subnormal: fewer digits than a double's 15-17
        ("1e-310", "too small"),  # subnormal
        ("0." + "0" * 400 + "1", "too small"),  # 1e-401 without an exponent
        ("1e309", "too large"),  # infinity
        ("-1.8e308", "too large"),  # -inf (the largest double is 1.7976931348623157e308)
    ],
)
def test_parse_number_refuses_what_a_double_loses(text, cause):
    with pytest.raises(NumberOutOfRange) as caught:
        parse_number(text)
    assert caught.value.cause == cause
    with pytest.raises(NumberOutOfRange):
        parse_value(text, ValueKind.NUMBER)
    assert parse_value(text) == text  # Auto: text; the editor refuses it (tests/gui/test_value_range.py)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("0e-400", 0.0),  # written as zero: zero is meant
        ("-0.0e-999", 0.0),
        ("0." + "0" * 400, 0.0),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),  # sys.float_info.min, the smallest normal double
        ("1.7976931348623157e308", 1.7976931348623157e308),  # sys.float_info.max
    ],
)
def test_parse_number_keeps_zero_and_the_ends_of_the_range(text, number):
    assert parse_number(text) == number


def test_broken_json_names_line_and_column():
    with pytest.raises(ValueError, match=r"line 1, column \d+"):
        parse_value('{"x": }', ValueKind.JSON)


def test_json_kind_refuses_arrays():
    with pytest.raises(ValueError, match="object"):
        parse_value("[1, 2]", ValueKind.JSON)


def test_auto_keeps_broken_json_as_text_not_lost():
    assert parse_value('{"x": ') == '{"x": '


def test_berlin_reading_is_sent_in_utc_plus_8():
    # shared onenet-api.md: 09:00 in Berlin (UTC+1) is sent as 16:00.
    at = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert format_at(at) == "2026-11-02T16:00:00"


def test_format_at_refuses_naive_times():
    with pytest.raises(ValueError):
        format_at(datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        Datapoint(1, datetime(2026, 1, 1))


def test_parse_at_reads_upload_and_read_back_forms():
    upload = parse_at("2013-04-22T00:35:43")
    read_back = parse_at("2017-06-23 11:09:46.281")
    assert format_at(upload) == "2013-04-22T00:35:43"
    assert read_back.microsecond == 281000
    assert read_back.utcoffset() == timedelta(hours=8)
    assert parse_at("2026-01-01T00:00:00Z") == datetime(2026, 1, 1, tzinfo=UTC)


def test_dst_gap_is_reported_not_guessed():
    with pytest.raises(ValueError, match="does not exist"):
        localize(datetime(2026, 3, 29, 2, 30), ZoneInfo("Europe/Berlin"))


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_at_round_trips_at_seconds_precision(at):
    at = at.replace(microsecond=0)
    assert parse_at(format_at(at)) == at


@given(
    st.one_of(
        st.integers(),
        # subnormals (under 2.2e-308) are refused as typed: `test_parse_number_refuses_what_a_double_loses`
        st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False),
        st.text(),
        st.dictionaries(st.text(), st.integers()),
    )
)
def test_format_value_round_trips_with_its_kind(value):
    assert parse_value(format_value(value), kind_of(value)) == value


def test_readings_group_by_stream_in_first_seen_order():
    at = datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=8)))
    readings = Readings.from_pairs([("b", Datapoint(1, at)), ("a", Datapoint(2)), ("b", Datapoint(3))])
    assert [s.id for s in readings.datastreams] == ["b", "a"]
    assert [p.value for p in readings.datastreams[0].datapoints] == [1, 3]
    assert len(readings) == 3


def test_booleans_are_not_values():
    with pytest.raises(TypeError):
        Datapoint(True)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("150,2", MistypedNumber(("150.2",), "comma")),
        (" 7,5 ", MistypedNumber(("7.5",), "comma")),
        ("1,234,567", MistypedNumber(("1234567",), "thousands")),
        ("1,000", MistypedNumber(("1.000", "1000"), "comma or thousands")),
        ("12.5 V", MistypedNumber(("12.5",), "after", "V")),
        ("150,2 V", MistypedNumber(("150.2",), "after", "V")),
        ("-3 °C", MistypedNumber(("-3",), "after", "°C")),
        ("12.0x", MistypedNumber(("12.0",), "after", "x")),
        ("V12.5", MistypedNumber(("12.5",), "letter", "V")),
        ("\u22125", MistypedNumber(("-5",), "minus")),
        ("２１，５", MistypedNumber(("21.5",), "comma")),  # full-width, hinted in ASCII
        ("１２．５ Ｖ", MistypedNumber(("12.5",), "after", "Ｖ")),
        ("84", None),
        ("23.001", None),
        ("open", None),
        ("3rd floor", None),
        ("N/A", None),
        ("2024-01-05", None),
        # Fresh tester 8, finding 7: number-like texts that no number reads, each with why.
        ("0x1F", MistypedNumber(("31",), "hex")),  # 1*16 + 15
        ("0x10", MistypedNumber(("16",), "hex")),  # 1*16 + 0
        ("1_000", MistypedNumber(("1000",), "underscores")),
        ("-1_000.5", MistypedNumber(("-1000.5",), "underscores")),
        ("1e309", MistypedNumber((), "too large")),  # doubles end at 1.8e308
        ("1e-400", MistypedNumber((), "too small")),  # float() gives 0.0; the normal range starts at 2.2e-308
        ("nan", MistypedNumber((), "nan")),
        ("-Infinity", MistypedNumber((), "infinity")),
        ("inf", MistypedNumber((), "infinity")),
        ("_1", None),
        ("1o0", None),
        ("12 V DC", None),
        ('{"x": 1}', None),
        ("", None),
    ],
)
def test_mistyped_number_suggests_only_numbers_that_parse(text, hint):
    assert mistyped_number(text) == hint
    if hint is not None:
        assert all(isinstance(parse_value(n), int | float) for n in hint.numbers)
        assert isinstance(parse_value(text), str)  # the hint never changes how the text is read


def test_occurrences_of_a_wall_clock_time_and_localize_refuses_a_repeated_one():
    berlin = ZoneInfo("Europe/Berlin")
    assert occurrences(datetime(2026, 10, 25, 2, 30), berlin) == (timedelta(hours=2), timedelta(hours=1))
    assert occurrences(datetime(2026, 3, 29, 2, 30), berlin) == ()
    assert occurrences(datetime(2026, 10, 25, 3, 30), berlin) == (timedelta(hours=1),)
    assert occurrences(datetime(2026, 10, 25, 2, 30), UTC) == (timedelta(0),)
    with pytest.raises(AtError, match="happens twice") as raised:
        localize(datetime(2026, 10, 25, 2, 30), berlin)
    assert raised.value.text.code == "at-twice"
    assert raised.value.text.args["second"] == "2026-10-25 02:30:00+01:00"
    assert parse_at(raised.value.text.args["second"], berlin) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
