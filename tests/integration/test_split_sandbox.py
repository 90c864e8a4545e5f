"""A split upload stores what one request would, over real HTTP to the sandbox (overwrite rule kept)."""

from __future__ import annotations

import pytest

from gui.onenet.client import OneNetClient
from gui.onenet.formats import BodyType
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
def test_split_upload_stores_the_same_as_one_request(sandbox, body_type) -> None:
    readings = Readings(
        [
            Datastream(
                "t",
                [
                    Datapoint(1, at(0)),
                    Datapoint(2, at(0)),  # same `at`: the later wins, whether split or not
                    Datapoint(3),  # without `at`: of these two only the last survives...
                    Datapoint(4, at(1)),
                    Datapoint(5),  # ...unless they were split across requests
                    Datapoint(6, at(2)),
                    Datapoint(7, at(0)),  # overwrites 2, from a later request
                ],
            ),
            Datastream("u", [Datapoint(i, at(i)) for i in range(5)]),
        ]
    )
    sandbox.add_device(ONE, DEFAULT_API_KEY)
    sandbox.add_device(SPLIT, DEFAULT_API_KEY)
    OneNetClient(sandbox.url, ONE, DEFAULT_API_KEY).upload(plan_requests(readings, body_type).body(0))

    plan = plan_requests(readings, body_type, max_points=2, max_bytes=1024)
    client = OneNetClient(sandbox.url, SPLIT, DEFAULT_API_KEY)
    for k in range(len(plan)):
        assert client.upload(plan.body(k)).ok

    assert len(plan) >= 4
    for stream_id in ("t", "u"):
        assert stored(sandbox, SPLIT, stream_id) == stored(sandbox, ONE, stream_id)
    explicit, stamped = stored(sandbox, SPLIT, "t")
    assert stamped == [5]
    assert explicit[at(0).isoformat()] == 7

    # The rule's reason: sent in two requests, both points without `at` would survive.
    sandbox.add_device("1000003", DEFAULT_API_KEY)
    naive = OneNetClient(sandbox.url, "1000003", DEFAULT_API_KEY)
    for value in (3, 5):
        naive.upload(plan_requests(Readings([Datastream("t", [Datapoint(value)])]), body_type).body(0))
    assert stored(sandbox, "1000003", "t")[1] == [3, 5]
