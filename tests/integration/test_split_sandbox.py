"""A split upload stores what one request would, and every datapoint without `at` (real HTTP to the sandbox)."""

from __future__ import annotations

import pytest

from gui.onenet.client import OneNetClient
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Datastream, Readings
from gui.onenet.split import plan_requests
from gui.sandbox import DEFAULT_API_KEY

ONE, SPLIT = "1000001", "1000002"


def at(second: int):
    from datetime import datetime

    return datetime(2026, 3, 1, 12, 0, second, tzinfo=PLATFORM_TZ)


def stored(sandbox, device: str, stream_id: str) -> tuple[dict[str, object], list[object]]:
    """Values at explicit times, and the values of points the server stamped (not at a test time)."""
    points = sandbox.datapoints(device, stream_id)
    explicit = {p.at.isoformat(): p.value for p in points if p.at.year == 2026 and p.at.month == 3}
    stamped = [p.value for p in points if not (p.at.year == 2026 and p.at.month == 3)]
    return explicit, stamped


@pytest.mark.parametrize("body_type", [BodyType.FULL_JSON, BodyType.TEXT])
def test_split_upload_stores_what_one_request_would_and_every_point_without_at(sandbox, body_type) -> None:
    readings = Readings(
        [
            Datastream(
                "t",
                [
                    Datapoint(1, at(0)),
                    Datapoint(2, at(0)),  # same `at`: the later wins, whether split or not
                    Datapoint(3),  # without `at`: in one request only the last of these two survives;
                    Datapoint(4, at(1)),
                    Datapoint(5),  # the planner sends them in two, so both do
                    Datapoint(6, at(2)),
                    Datapoint(7, at(0)),  # overwrites 2, from a later request
                ],
            ),
            Datastream("u", [Datapoint(i, at(i)) for i in range(5)]),
        ]
    )
    sandbox.add_device(ONE, DEFAULT_API_KEY)
    sandbox.add_device(SPLIT, DEFAULT_API_KEY)
    OneNetClient(sandbox.url, ONE, DEFAULT_API_KEY).upload(encode(readings, body_type))

    plan = plan_requests(readings, body_type, max_points=2, max_bytes=1024)
    client = OneNetClient(sandbox.url, SPLIT, DEFAULT_API_KEY)
    for k in range(len(plan)):
        assert client.upload(plan.body(k)).ok

    assert len(plan) >= 4
    assert stored(sandbox, SPLIT, "u") == stored(sandbox, ONE, "u")
    explicit, stamped = stored(sandbox, SPLIT, "t")
    assert explicit == stored(sandbox, ONE, "t")[0] and explicit[at(0).isoformat()] == 7  # equal `at`: the last wins
    assert stamped == [3, 5]  # each in a request of its own, in order
    assert stored(sandbox, ONE, "t")[1] == [5]  # the rule's reason: of one request, only the last survives
