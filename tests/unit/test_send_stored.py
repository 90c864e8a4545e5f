"""What a send stored and which of its datapoints have no `at` (the plot stamps them with the send time)."""

from datetime import UTC, datetime, timedelta

from gui.data.outbox import RequestOptions, plan_readings
from gui.onenet.readings import Datapoint, Datastream, Readings
from gui.ui.outgoing import Outgoing
from gui.ui.send_worker import _stored_and_unstamped


def test_the_stored_requests_give_their_count_and_their_datapoints_without_at_in_order():
    base = datetime(2026, 1, 1, tzinfo=UTC)
    streams = [
        Datastream("a", [Datapoint(i, base + timedelta(seconds=i)) for i in range(5)]),
        Datastream("b", [Datapoint(10 + i, None if i in (1, 6) else base + timedelta(seconds=i)) for i in range(9)]),
        Datastream("c", [Datapoint(20)]),
        Datastream("d", [Datapoint(30 + i, None if i == 0 else base + timedelta(seconds=i)) for i in range(4)]),
    ]
    readings = Readings(streams)
    plan = plan_readings(readings, RequestOptions(max_points=3))
    out = Outgoing(readings, list(range(19)), [], RequestOptions(max_points=3), plan=plan)
    pairs = [(stream.id, p) for stream in streams for p in stream.datapoints]
    assert len(plan) > 4
    for chosen in ([], list(range(len(plan))), [1, 3], [len(plan) - 1]):
        expected = [pairs[j] for k in chosen for j in range(plan.requests[k].start, plan.requests[k].stop)]
        stored, unstamped = _stored_and_unstamped(out, chosen)
        assert stored == len(expected)
        assert unstamped == [(sid, p) for sid, p in expected if p.at is None]
    assert [p.value for _, p in _stored_and_unstamped(out, range(len(plan)))[1]] == [11, 16, 20, 30]
