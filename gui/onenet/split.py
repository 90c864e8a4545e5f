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
- A request holds at most one datapoint *without* `at` of a stream. Of
  several in one request the platform stamps them alike and keeps only the
  last; each in a request of its own gets its own server stamp (in sending
  order) and every one is kept. So the planner cuts before a stream's second
  datapoint without `at` in a request (validation warns that such datapoints
  get the time they arrive, milliseconds apart). The three send paths (the
  window, `send`, `outbox send`) plan with this one rule: a timed send's ticks
  queued while the server was down are each kept when the outbox catches up.
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
from gui.text import QT_TRANSLATE_NOOP, Message

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
    warnings: list[Message] = field(default_factory=list)

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
    module's meaning rules (one datapoint without `at` of a stream per
    request) cut it earlier, or a datapoint over `max_bytes` alone forces a
    request over the limit; such a request is `oversized` and explained in
    `warnings`. Every datapoint of `readings`
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
        # The stream's datapoints without `at` (indexes in pairs order): at most one of them in a request.
        no_at = [first + k for k, p in enumerate(stream.datapoints) if p.at is None]
        head = utf8_len(built.heads[s]) + close
        i = first
        while i < end:
            stream_cost = head + (stream_sep if streams_in_chunk else 0)
            budget = max_bytes - used - stream_cost + point_sep
            j = bisect.bisect_right(sums, sums[i] + budget, i, end + 1) - 1
            j = min(j, i + max_points - count, end)
            if len(no_at) > 1:  # stop before the second datapoint without `at` from i on
                second = bisect.bisect_left(no_at, i) + 1
                if second < len(no_at):
                    j = min(j, no_at[second])
            oversized = False
            if j <= i:
                if count:  # something is in the request already: start a new one and try again
                    close_chunk(i, False)
                    continue
                j = i + 1  # alone in its request and still too big: a datapoint over max_bytes
                oversized = True
                plan.warnings.append(_oversize_warning(len(plan.requests) + 1, stream, i - first, max_bytes))
            used += stream_cost + sums[j] - sums[i] - point_sep
            count += j - i
            streams_in_chunk += 1
            i = j
            if oversized or i < end or count >= max_points:
                close_chunk(i, oversized)
    if count:
        close_chunk(built.count, False)
    return plan


def _oversize_warning(request: int, stream: Datastream, index: int, max_bytes: int) -> Message:
    """Why request number `request` is over the byte limit (code `oversized`), a Message translated where shown."""
    source = QT_TRANSLATE_NOOP(
        "planner",
        "request {request}: datastream {stream}, datapoint #{first} alone is over the limit of {bytes} bytes; "
        "it is sent in a request of its own",
    )
    args = {"request": request, "stream": repr(stream.id), "first": str(index + 1), "bytes": max_bytes}
    return Message("oversized", "planner", source, args)


def split(
    readings: Readings,
    body_type: BodyType = BodyType.FULL_JSON,
    max_points: int = DEFAULT_MAX_POINTS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    separators: str | None = None,
) -> list[EncodedBody]:
    """The bodies of `plan_requests(...)` in sending order (see there for rules and errors)."""
    return plan_requests(readings, body_type, max_points, max_bytes, separators).bodies()
