"""Splitting one upload into several requests under a datapoint and a byte limit, without changing its meaning.

The platform documents no limit on a request; related endpoints cap bodies
at 64 KB-800 KB (shared onenet-api.md, "Limits"), so uploads are split into
requests of at most `max_points` datapoints and `max_bytes` body bytes
(defaults 500 and 64 KiB: conservative). No Qt here.

Rules that keep the meaning of the upload (shared onenet-api.md, "Overwrite
rule"):

- Datapoints keep their order (stream by stream, as `Readings.pairs()`),
  and requests are sent in order, one after the other: of two points of a
  stream with the same `at`, the later still wins, whether they share a
  request or not.
- A stream's datapoints *without* `at` are never split across requests. In
  one request the platform stamps them alike and keeps only the last; sent
  in two requests they would get two different server stamps and both
  survive. So the run from a stream's first to its last no-`at` datapoint
  travels in one request, even when that request must then exceed the
  limits (a warning says so; validation already warns that only the last
  survives). Nothing is ever dropped.
- A single datapoint larger than `max_bytes` gets a request of its own,
  with a warning; it is never dropped.
- Type 3 requests stay type 3: each stream still has its one value; type 4
  requests hold only points with `at`; type 5 requests all use the same
  separators.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from gui.onenet.formats import AtTexts, BodyType, EncodedBody, Fragments, fragments, utf8_len
from gui.onenet.readings import Datastream, Readings

DEFAULT_MAX_POINTS = 500
DEFAULT_MAX_BYTES = 64 * 1024
#: The smallest byte limit accepted: a type 1 body with one small datapoint.
MIN_MAX_BYTES = 64


@dataclass(frozen=True)
class RequestSpan:
    """One request of a plan: datapoints `start:stop` in `Readings.pairs()` order, its body size in bytes.

    Which outbox rows it carries, and where to, is `gui.data.outbox.PlannedRequest`'s (see `requests_of`).
    """

    start: int
    stop: int
    size: int
    streams: int
    #: Over `max_points` or `max_bytes` because it cannot be split (see the module docstring).
    oversized: bool = False

    @property
    def points(self) -> int:
        """How many datapoints this request carries."""
        return self.stop - self.start


@dataclass
class RequestPlan:
    """An upload as an ordered list of requests; bodies are joined on demand from per-datapoint fragments.

    `warnings` explain requests over the limits. `body(k)` is exactly what
    request k sends.
    """

    fragments: Fragments
    requests: list[RequestSpan]
    max_points: int
    max_bytes: int
    warnings: list[str] = field(default_factory=list)

    @property
    def body_type(self) -> BodyType:
        """The `type` of every request."""
        return self.fragments.body_type

    @property
    def separators(self) -> str:
        """Type 5: the separator pair every request uses (else empty)."""
        return self.fragments.separators

    @property
    def total_points(self) -> int:
        """Datapoints in all requests."""
        return self.fragments.count

    @property
    def total_bytes(self) -> int:
        """Body bytes of all requests together."""
        return sum(r.size for r in self.requests)

    def __len__(self) -> int:
        return len(self.requests)

    def body(self, index: int) -> EncodedBody:
        """The exact body of request `index` (0-based)."""
        request = self.requests[index]
        return self.fragments.body(request.start, request.stop)

    def bodies(self) -> list[EncodedBody]:
        """Every request's body, in sending order."""
        return [self.body(k) for k in range(len(self.requests))]


def plan_requests(
    readings: Readings,
    body_type: BodyType = BodyType.FULL_JSON,
    max_points: int = DEFAULT_MAX_POINTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    separators: str | None = None,
    *,
    ats: AtTexts | None = None,
) -> RequestPlan:
    """Plan the requests that upload `readings` as `body_type`, each within `max_points` and `max_bytes`.

    Limits are datapoints and body bytes (UTF-8) per request. Greedy, in
    order: each request takes as many datapoints as fit, except where the
    module's meaning rules (no-`at` runs stay together, an oversized
    datapoint alone) force a request over a limit; each such request is
    `oversized` and explained in `warnings`. Every datapoint of `readings`
    is in exactly one request. `separators` applies to type 5 (None:
    chosen once for the whole upload). `ats` from `formats.wire_ats`
    avoids formatting every `at` again.

    Raises FormatError when `body_type` cannot carry the readings
    (`formats.can_carry`), they hold NaN/infinity or a lone surrogate
    (`formats.utf8`), ValueError for a
    limit below 1 datapoint or `MIN_MAX_BYTES` bytes. Fast for a million
    datapoints: each datapoint is written once; cuts are found by bisection
    over running byte sums.
    """
    if max_points < 1:
        raise ValueError("max_points must be at least 1")
    if max_bytes < MIN_MAX_BYTES:
        raise ValueError(f"max_bytes must be at least {MIN_MAX_BYTES}")
    built = fragments(readings, body_type, separators, ats=ats)
    plan = RequestPlan(built, [], max_points, max_bytes)
    if not built.count:
        return plan
    point_sep = utf8_len(built.point_sep)
    stream_sep = utf8_len(built.stream_sep)
    base = utf8_len(built.opening) + utf8_len(built.closing)
    close = utf8_len(built.stream_close)
    # sums[k]: bytes of points[:k], each followed by a point separator (FormatError for a lone surrogate).
    sums = built.byte_offsets()
    starts = built.starts

    chunk_start, used, count, streams_in_chunk = 0, base, 0, 0

    def close_chunk(stop: int, oversized: bool) -> None:
        nonlocal chunk_start, used, count, streams_in_chunk
        plan.requests.append(RequestSpan(chunk_start, stop, used, streams_in_chunk, oversized))
        chunk_start, used, count, streams_in_chunk = stop, base, 0, 0

    for s, stream in enumerate(readings.datastreams):
        first, end = starts[s], starts[s + 1]
        # The run from the first to the last datapoint without `at`: never cut inside it.
        no_at = [i for i, p in enumerate(stream.datapoints) if p.at is None]
        run = (first + no_at[0], first + no_at[-1]) if len(no_at) > 1 else None
        head = utf8_len(built.heads[s]) + close
        i = first
        while i < end:
            stream_cost = head + (stream_sep if streams_in_chunk else 0)
            budget = max_bytes - used - stream_cost + point_sep
            j = bisect.bisect_right(sums, sums[i] + budget, i, end + 1) - 1
            j = min(j, i + max_points - count, end)
            if run is not None and run[0] < j <= run[1]:
                j = run[0]  # stop before the no-`at` run; it goes whole into the next request
            oversized = False
            if j <= i:
                if count:  # something is in the request already: start a new one and try again
                    close_chunk(i, False)
                    continue
                # Alone in its request and still too big: a datapoint over max_bytes, or a no-`at` run.
                j = run[1] + 1 if run is not None and i == run[0] else i + 1
                oversized = True
                warning = _oversize_warning(stream, i - first, j - first, max_points, max_bytes)
                plan.warnings.append(f"request {len(plan.requests) + 1}: {warning}")
            used += stream_cost + sums[j] - sums[i] - point_sep
            count += j - i
            streams_in_chunk += 1
            i = j
            if oversized or i < end or count >= max_points:
                close_chunk(i, oversized)
    if count:
        close_chunk(built.count, False)
    return plan


def _oversize_warning(stream: Datastream, first: int, stop: int, max_points: int, max_bytes: int) -> str:
    if stop - first == 1:
        return (
            f"datastream {stream.id!r}, datapoint #{first + 1} alone is over the limit of {max_bytes} bytes; "
            "it is sent in a request of its own"
        )
    return (
        f"datastream {stream.id!r}, datapoints #{first + 1} to #{stop}: the {stop - first} points from its first "
        f"to its last without `at` travel in one request, over the limit of {max_points} datapoints or "
        f"{max_bytes} bytes: split across requests, the platform would keep all points without `at` instead "
        "of only the last (overwrite rule)"
    )


def split(
    readings: Readings,
    body_type: BodyType = BodyType.FULL_JSON,
    max_points: int = DEFAULT_MAX_POINTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    separators: str | None = None,
) -> list[EncodedBody]:
    """The bodies of `plan_requests(...)` in sending order (see there for rules and errors)."""
    return plan_requests(readings, body_type, max_points, max_bytes, separators).bodies()
