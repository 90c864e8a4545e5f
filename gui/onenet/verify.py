"""Verify on the platform: read sent datapoints back and compare them with what was sent (no Qt).

The platform is read with `GET /devices/{id}/datapoints`, one datastream at a
time over the sent time range, following `cursor` with `limit` at most 6000
(shared onenet-api.md, "Reading back"). Every sent datapoint gets one
:class:`Check` with an :class:`Outcome`.

Rules and decisions (see also the issue note of issue 6):

- **Overwrite rule.** Two datapoints of one stream with the same `at`
  overwrite each other and the later wins (shared onenet-api.md,
  "Timestamps"). `at` goes on the wire in whole seconds, platform time
  (:func:`gui.onenet.readings.format_at`), so the comparison key is the
  second. Of several sent points with one key, the last in `readings` order
  is expected on the platform; the earlier ones are reported
  ``OVERWRITTEN`` (expected to be absent, not a problem). The order of
  `readings` is taken to be the order the points were sent.
- **Datapoints without `at`** are stamped by the platform's clock on
  arrival; nothing ties a read-back point to them but its value, and a value
  in a time window is not proof (another send or another device may have
  stored the same value; the two clocks differ by an unknown amount). They
  are reported ``UNVERIFIABLE``, never found or missing.
- **Numbers** are compared as JSON numbers, exactly: `84` equals `84.0`
  (JSON has one number type, RFC 8259; a platform that stores doubles writes
  either), `23.001` does not equal `23.0010001`, a number never equals a
  string (`84` vs `"84"`) and JSON `true` never equals `1`. Equal numbers
  written differently get a note. Objects are compared key by key with the
  same rule; strings exactly.
- A datapoint read back at the same second but another millisecond is not
  the sent one (uploads have whole seconds, so a sent point reads back at
  `.000`); points of the range that were not sent are counted in
  :attr:`VerifyReport.others`, not judged.
- A datastream id containing a comma cannot be read back alone
  (`datastream_id` is a comma-separated list): its points are
  ``UNVERIFIABLE``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, TypeVar

from gui.onenet.client import MAX_READ_LIMIT, OneNetClient
from gui.onenet.readings import PLATFORM_TZ, Readings, Value, format_at, kind_of, unix_ms
from gui.text import QT_TRANSLATE_NOOP, Message

# A time as a platform keeps it (`plan_by_time`): a datetime to the second, or Unix milliseconds.
_Key = TypeVar("_Key")

__all__ = [
    "Check",
    "Outcome",
    "Progress",
    "VerifyCancelled",
    "VerifyReport",
    "compare_values",
    "plan_checks",
    "verify",
]


class Outcome(enum.Enum):
    """What the platform holds for one sent datapoint."""

    #: Read back at its `at` with an equal value.
    FOUND = "found"
    #: Nothing read back at its `at`.
    MISSING = "missing"
    #: Something else read back at its `at` (another value or kind).
    DIFFERENT = "different"
    #: A later datapoint of the same stream and `at` replaced it: not expected on the platform.
    OVERWRITTEN = "overwritten"
    #: Sent without `at` (or unreadable alone): the platform stamped it, it cannot be found by time.
    UNVERIFIABLE = "unverifiable"

    @property
    def is_problem(self) -> bool:
        """True for MISSING and DIFFERENT: what makes a verification fail."""
        return self in (Outcome.MISSING, Outcome.DIFFERENT)


@dataclass(frozen=True)
class Check:
    """One sent datapoint and what the platform holds for it.

    `at` is the time as sent: platform time (UTC+8), whole seconds; None
    for a datapoint sent without `at`. `platform` is the value read back at
    that `at` (FOUND, DIFFERENT), else None. `note` explains the outcome
    in a sentence where it needs one (a Message: `gui.i18n.render`; None: no note).
    """

    stream_id: str
    at: datetime | None
    sent: Value
    outcome: Outcome
    platform: Value | None = None
    note: Message | None = None


@dataclass(frozen=True)
class Progress:
    """Where a verification is: datastreams read so far out of all, datapoints read back, GET requests."""

    streams_done: int
    streams_total: int
    read_back: int
    requests: int
    stream_id: str = ""


@dataclass(frozen=True)
class VerifyReport:
    """The checks, one per sent datapoint in `readings` order, and what the read-back cost.

    `read_back` counts datapoints the platform returned, `others` those of
    them that were not sent (another source, or stamped by the platform),
    `requests` the GET requests made.
    """

    checks: tuple[Check, ...]
    read_back: int = 0
    others: int = 0
    requests: int = 0

    @cached_property
    def counts(self) -> dict[Outcome, int]:
        """How many checks have each outcome (every Outcome is a key)."""
        counts = dict.fromkeys(Outcome, 0)
        for check in self.checks:
            counts[check.outcome] += 1
        return counts

    @property
    def ok(self) -> bool:
        """True when nothing is MISSING or DIFFERENT (unverifiable points do not count)."""
        return not any(check.outcome.is_problem for check in self.checks)

    @property
    def problems(self) -> list[Check]:
        """The MISSING and DIFFERENT checks, in order."""
        return [check for check in self.checks if check.outcome.is_problem]

    def summary(self) -> str:
        """One line of counts, e.g. `4 datapoints sent: 2 found, 1 missing, 0 different, 1 overwritten, …`."""
        return str(self.summary_message())

    def summary_message(self) -> Message:
        """`summary()` for a person (rendered in their language by `gui.i18n.render`)."""
        c = self.counts
        source = QT_TRANSLATE_NOOP(
            "verify",
            "{sent} datapoints sent: {found} found, {missing} missing, {different} different, {overwritten} "
            "overwritten (a later one had the same at), {unverifiable} unverifiable (no at)",
        )
        args = {
            "sent": str(len(self.checks)),
            "found": str(c[Outcome.FOUND]),
            "missing": str(c[Outcome.MISSING]),
            "different": str(c[Outcome.DIFFERENT]),
            "overwritten": str(c[Outcome.OVERWRITTEN]),
            "unverifiable": str(c[Outcome.UNVERIFIABLE]),
        }
        return Message("verify-summary", "verify", source, args)


class VerifyCancelled(Exception):
    """The verification was cancelled between two read-back requests."""


def _sent_second(at: datetime) -> datetime:
    """`at` as it went on the wire: platform time, fractions of a second dropped (`format_at`)."""
    at = at.astimezone(PLATFORM_TZ)
    return at.replace(microsecond=0)


def plan_checks(readings: Readings) -> list[Check]:
    """One check per datapoint of `readings`, in order, before anything is read back (`plan_by_time`).

    Points with `at` start as MISSING (to be looked up), except those a
    later point of the same stream and second overwrites (OVERWRITTEN).
    Points without `at`, and points of a datastream id with a comma, are
    UNVERIFIABLE. `at` of the checks is in platform time, whole seconds.
    """
    return plan_by_time(
        readings,
        _sent_second,
        _same,
        no_at=note("no-at", QT_TRANSLATE_NOOP("verify", "sent without at: the platform stamped it with its own clock")),
        overwritten=lambda stream_id, at: note(
            "overwritten",
            QT_TRANSLATE_NOOP("verify", "a later datapoint of {stream} at {at} replaced it"),
            stream=repr(stream_id),
            at=format_at(at),
        ),
        unverifiable=_comma_id,
    )


def _comma_id(stream_id: str) -> Message | None:
    if "," not in stream_id:
        return None
    return note("comma-id", QT_TRANSLATE_NOOP("verify", "a datastream id with a comma cannot be read back alone"))


def _same(at: datetime) -> datetime:
    return at


def plan_by_time(
    readings: Readings,
    kept: Callable[[datetime], _Key],
    shown: Callable[[_Key], datetime],
    *,
    no_at: Message,
    overwritten: Callable[[str, datetime], Message],
    unverifiable: Callable[[str], Message | None] | None = None,
) -> list[Check]:
    """One check per datapoint of `readings`, in `Readings.pairs()` order: either platform's plan.

    Without `at`: UNVERIFIABLE, noted `no_at`; so is a datapoint whose stream `unverifiable` gives a note.
    With `at`: MISSING (to be looked up) at `shown(kept(at))`, the time as the platform keeps it (legacy:
    whole seconds, thing model: milliseconds), or OVERWRITTEN, noted `overwritten(stream_id, that time)`,
    when a later datapoint of the same stream has the same `kept(at)`: the platform keeps the last of equal
    times (shared onenet-api.md).
    """
    checks: list[Check] = []
    winner: dict[tuple[str, _Key], int] = {}
    for stream_id, point in readings.pairs():
        if point.at is None:
            checks.append(Check(stream_id, None, point.value, Outcome.UNVERIFIABLE, note=no_at))
            continue
        key = kept(point.at)
        why = unverifiable(stream_id) if unverifiable is not None else None
        if why is not None:
            checks.append(Check(stream_id, shown(key), point.value, Outcome.UNVERIFIABLE, note=why))
            continue
        earlier = winner.get((stream_id, key))
        if earlier is not None:
            replaced = checks[earlier]
            assert replaced.at is not None
            checks[earlier] = replace(replaced, outcome=Outcome.OVERWRITTEN, note=overwritten(stream_id, replaced.at))
        winner[(stream_id, key)] = len(checks)
        checks.append(Check(stream_id, shown(key), point.value, Outcome.MISSING))
    return checks


def _same_json(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b  # exact: int vs float compares the mathematical values
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    if a is None or b is None:
        return a is None and b is None
    return type(a) is type(b) and bool(a == b)


def _written_alike(a: Any, b: Any) -> bool:
    """Whether two equal JSON values are also written alike (84 vs 84.0 are not)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return all(_written_alike(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return all(_written_alike(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b)


def compare_values(sent: Value, platform: Any) -> tuple[bool, Message | None]:
    """Whether the platform's value equals the sent one (the module's number rule), and a note.

    The note is None for values equal and written alike; it says "same
    number, written differently" for `84` vs `84.0` (code `written-differently`),
    and names the kinds when they differ (number vs text, code `kinds-differ`).
    """
    if not _same_json(sent, platform):
        platform_kind = _kind_name(platform)
        sent_kind = kind_of(sent).value
        if platform_kind != sent_kind:
            return False, note(
                "kinds-differ",
                QT_TRANSLATE_NOOP("verify", "sent a {sent}, the platform holds a {platform}"),
                sent=_KIND_WORDS.get(sent_kind) or Message.verbatim(sent_kind),
                platform=_KIND_WORDS.get(platform_kind) or Message.verbatim(platform_kind),
            )
        return False, note("differs", QT_TRANSLATE_NOOP("verify", "the value differs"))
    if not _written_alike(sent, platform):
        return True, note(
            "written-differently",
            QT_TRANSLATE_NOOP("verify", "same number, written differently by the platform (JSON has one number type)"),
        )
    return True, None


def note(code: str, source: str, **args: object) -> Message:
    """A check's note (the catalogues' context "verify")."""
    return Message(code, "verify", source, args)


_KIND_WORDS = {
    "boolean": note("kind-boolean", QT_TRANSLATE_NOOP("verify", "boolean")),
    "number": note("kind-number", QT_TRANSLATE_NOOP("verify", "number")),
    "text": note("kind-text", QT_TRANSLATE_NOOP("verify", "text")),
    "json": note("kind-json", QT_TRANSLATE_NOOP("verify", "json")),
    "null": note("kind-null", QT_TRANSLATE_NOOP("verify", "null")),
}


def _kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "json"
    if value is None:
        return "null"
    return type(value).__name__


def _never() -> bool:
    return False


def verify(
    client: OneNetClient,
    readings: Readings,
    *,
    cancelled: Callable[[], bool] = _never,
    progress: Callable[[Progress], None] | None = None,
    limit: int = MAX_READ_LIMIT,
) -> VerifyReport:
    """Read every sent datastream back over its sent time range and compare.

    `readings` is what was sent, in the order it was sent. Per datastream
    with checkable points, one read-back over [first `at`, last `at` + 1 s]
    (platform time, whole seconds), paged with `cursor`,
    `limit` points per page (1..6000). `cancelled()` is asked before every
    request; when it says True, VerifyCancelled is raised. `progress` is
    called after every page (from the calling thread).

    Raises the client's errors (AuthError, RejectedError, ServerError,
    NetworkError, MalformedResponse) and VerifyCancelled.
    """

    def pages(stream_id: str, times: list[datetime]) -> Iterator[list[tuple[int, Any]]]:
        # `end` one second wider: whether the platform's `end` is inclusive is not documented [L].
        for page in client.iter_read_pages([stream_id], min(times), max(times) + timedelta(seconds=1), limit):
            stream = page.readings.stream(stream_id)
            yield [(unix_ms(_stamped(point.at)), point.value) for point in (stream.datapoints if stream else ())]

    return read_back_and_compare(plan_checks(readings), pages, _compared, cancelled=cancelled, progress=progress)


def _stamped(at: datetime | None) -> datetime:
    assert at is not None  # a read-back datapoint always has its `at`
    return at


def _compared(check: Check, found: Mapping[int, Any]) -> Check:
    """A legacy check against the values read back at each millisecond: MISSING, FOUND or DIFFERENT."""
    assert check.at is not None
    key = unix_ms(check.at)
    if key not in found:
        return replace(check, note=note("missing", QT_TRANSLATE_NOOP("verify", "nothing read back at this at")))
    equal, compared = compare_values(check.sent, found[key])
    return replace(check, outcome=Outcome.FOUND if equal else Outcome.DIFFERENT, platform=found[key], note=compared)


def read_back_and_compare(
    checks: list[Check],
    pages_of: Callable[[str, list[datetime]], Iterator[Iterable[tuple[int, Any]]]],
    compare: Callable[[Check, Mapping[int, Any]], Check],
    *,
    cancelled: Callable[[], bool],
    progress: Callable[[Progress], None] | None,
) -> VerifyReport:
    """Either platform's read-back: the MISSING `checks` (a plan) looked up, stream by stream, in sending order.

    `pages_of(stream_id, sent times)` reads a stream back over the sent range, a page of (Unix ms, value held)
    at a time; what was read at a sent millisecond is kept, what was not counts in `others`. `compare(check,
    held by ms)` gives each check its outcome. `cancelled()` is asked before every page is read
    (VerifyCancelled when True); `progress` is called after every page and after each stream.
    """
    wanted: dict[str, list[int]] = {}
    for index, check in enumerate(checks):
        if check.outcome is Outcome.MISSING:
            wanted.setdefault(check.stream_id, []).append(index)
    read_back = others = requests = 0
    total = len(wanted)
    for done, (stream_id, indexes) in enumerate(wanted.items()):
        times = [at for i in indexes if (at := checks[i].at) is not None]
        expected = {unix_ms(at) for at in times}
        found: dict[int, Any] = {}
        pages = pages_of(stream_id, times)
        while True:
            if cancelled():
                raise VerifyCancelled("verification cancelled")
            page = next(pages, None)
            if page is None:
                break
            requests += 1
            for ms, held in page:
                read_back += 1
                if ms in expected:
                    found[ms] = held
                else:
                    others += 1
            if progress is not None:
                progress(Progress(done, total, read_back, requests, stream_id))
        for i in indexes:
            checks[i] = compare(checks[i], found)
        if progress is not None:
            progress(Progress(done + 1, total, read_back, requests, stream_id))
    return VerifyReport(tuple(checks), read_back, others, requests)
