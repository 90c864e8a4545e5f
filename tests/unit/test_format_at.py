"""`format_at` (sped up for the send pipeline) writes exactly what `strftime(AT_FORMAT)` would."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from gui.onenet.readings import AT_FORMAT, PLATFORM_TZ, format_at

zones = st.sampled_from([UTC, PLATFORM_TZ, timezone(timedelta(hours=-9, minutes=-30)), timezone(timedelta(hours=14))])


@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)), zones)
def test_format_at_is_strftime_in_platform_time(naive, zone):
    at = naive.replace(tzinfo=zone)
    assert format_at(at) == at.astimezone(PLATFORM_TZ).strftime(AT_FORMAT)
