"""The rule `broken-json`: text that looks like a JSON object but is not one, said with json's own words and place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.onenet.readings import Datapoint, Readings
from gui.onenet.validation import BrokenJson, Severity, broken_json, validate
from gui.text import sentence

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{"x": 1, "y": }', BrokenJson("Expecting value", 1, 15)),
        ('  {"x": 1', BrokenJson("Expecting ',' delimiter", 1, 10)),
        ('{"x": 1}\n{"y": 2}', BrokenJson("Extra data", 2, 1)),
        ('{"x": NaN}', BrokenJson("NaN is not valid JSON")),
        ('{"a": ' * 100_000, BrokenJson("nested too deeply")),
    ],
)
def test_broken_json_says_what_and_where(text, found):
    assert broken_json(text) == found


@pytest.mark.parametrize("text", ['{"x": 1}', "open", "[1, 2", "", "x {", "84"])
def test_other_text_and_valid_objects_are_not_broken_json(text):
    assert broken_json(text) is None


@given(st.text())
def test_broken_json_never_raises(text):
    found = broken_json(text)
    assert found is None or (found.what and str(found).startswith("not valid JSON: "))


def test_validate_warns_about_a_text_value_that_looks_like_broken_json():
    readings = Readings.from_pairs(
        [("key", Datapoint('{"x": 1, "y": }', NOW)), ("key", Datapoint({"x": 1}, NOW.replace(hour=11)))]
    )
    (issue,) = validate(readings, now=NOW)
    assert issue.rule == "broken-json" and issue.severity is Severity.WARNING and issue.point_index == 0
    assert 'value \'{"x": 1, "y": }\' is text, not valid JSON: Expecting value (line 1, column 15)' in issue.message
    assert "text like broken JSON" in issue.message


def test_a_long_broken_value_is_shortened_in_the_message():
    readings = Readings.from_pairs([("key", Datapoint("{" + "a" * 500, NOW))])
    (issue,) = validate(readings, now=NOW)
    assert "a" * 100 not in issue.message and "…'" in issue.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the last wins", "the last wins."), ("done.", "done."), ("sure?", "sure?"), ("and more…", "and more…")],
)
def test_sentence_ends_with_one_full_stop(text, expected):
    assert sentence(text) == expected
