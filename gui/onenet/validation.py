"""The platform's rules checked before sending: one place, errors and warnings.

Errors block a send; warnings are shown and the user may send anyway. Each
issue names the datastream and datapoint it concerns and the rule's reason
(the rules come from shared onenet-api.md, cited per rule below).
"""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from gui.onenet.readings import Readings, format_at, format_value, is_finite_value

#: Stream id characters accepted without comment: letters (any script: the
#: official SDK used Chinese ids), digits, `_ - .` (`pm2.5` is the docs' own).
_SAFE_ID = re.compile(r"[\w.\-]+")
_UNSAFE_RUN = re.compile(r"[^\w.\-]+")
#: Before this, an `at` is most likely a wrong format or zone.
EARLIEST_PLAUSIBLE_AT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(minutes=10)
LARGE_VALUE_BYTES = 64 * 1024


class Severity(enum.Enum):
    """ERROR blocks sending; WARNING asks "send anyway"."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One finding: the rule broken, a message, and where (indexes into Readings, 0-based)."""

    severity: Severity
    rule: str
    message: str
    stream_id: str
    stream_index: int
    point_index: int | None = None


def is_safe_stream_id(text: str) -> bool:
    """True when a stream id has only characters accepted without comment (letters, digits, `_ - .`)."""
    return bool(_SAFE_ID.fullmatch(text))


def suggest_stream_id(text: str) -> str:
    """A stream id without characters the platform may reject: `温度(℃)` -> `温度`.

    Runs of other characters become `_`; leading/trailing `_` are dropped.
    Returns `stream` when nothing usable is left.
    """
    suggestion = _UNSAFE_RUN.sub("_", text.strip()).strip("_")
    return suggestion or "stream"


def validate(readings: Readings, now: datetime | None = None) -> list[Issue]:
    """Check readings against the platform's rules; issues in stream/point order.

    `now` (aware, default the current time) is the reference for "in the
    future". Rules and their sources (shared onenet-api.md):
    - `empty-id` (error): a datastream needs an id.
    - `unsafe-id` (warning): characters the platform may reject in an id.
    - `non-finite` (error): NaN and infinity are not valid JSON.
    - `duplicate-at` (warning): equal `at` in one stream overwrite each other,
      the later wins ("Overwrite rule").
    - `several-without-at` (warning): of several points of one stream without
      `at` in one request only the last is kept ("Overwrite rule").
    - `implausible-at` (warning): before 2000 or more than 10 minutes in the
      future: likely a wrong time zone or format ("Timestamps").
    - `large-value` (warning): a value over 64 KiB (related endpoints cap
      bodies at 64 KB, "Limits").
    """
    now = now or datetime.now(UTC)
    issues: list[Issue] = []
    for s_index, stream in enumerate(readings.datastreams):
        sid = stream.id
        label = f"datastream {sid!r}"
        if not sid.strip():
            issues.append(Issue(Severity.ERROR, "empty-id", f"datastream #{s_index + 1} has no id", sid, s_index))
        elif not _SAFE_ID.fullmatch(sid):
            issues.append(
                Issue(
                    Severity.WARNING,
                    "unsafe-id",
                    f"{label}: the platform may reject its characters; consider {suggest_stream_id(sid)!r}",
                    sid,
                    s_index,
                )
            )
        by_at: dict[str, list[int]] = defaultdict(list)
        without_at: list[int] = []
        for p_index, point in enumerate(stream.datapoints):
            where = f"{label}, datapoint #{p_index + 1}"
            if not is_finite_value(point.value):
                issues.append(
                    Issue(
                        Severity.ERROR,
                        "non-finite",
                        f"{where}: NaN or infinity is not valid JSON",
                        sid,
                        s_index,
                        p_index,
                    )
                )
            elif len(format_value(point.value).encode()) > LARGE_VALUE_BYTES:
                issues.append(
                    Issue(Severity.WARNING, "large-value", f"{where}: value is over 64 KiB", sid, s_index, p_index)
                )
            if point.at is None:
                without_at.append(p_index)
                continue
            by_at[format_at(point.at)].append(p_index)
            if point.at < EARLIEST_PLAUSIBLE_AT or point.at > now + FUTURE_TOLERANCE:
                when = "before 2000" if point.at < EARLIEST_PLAUSIBLE_AT else "more than 10 minutes in the future"
                issues.append(
                    Issue(
                        Severity.WARNING,
                        "implausible-at",
                        f"{where}: at {format_at(point.at)} (UTC+8) is {when}; check the time zone and format",
                        sid,
                        s_index,
                        p_index,
                    )
                )
        for at, indexes in by_at.items():
            if len(indexes) > 1:
                kept = stream.datapoints[indexes[-1]].value
                numbers = ", ".join(f"#{i + 1}" for i in indexes)
                for p_index in indexes[:-1]:
                    issues.append(
                        Issue(
                            Severity.WARNING,
                            "duplicate-at",
                            f"{label}: datapoints {numbers} share at {at}; the platform keeps only the last "
                            f"({format_value(kept)})",
                            sid,
                            s_index,
                            p_index,
                        )
                    )
        if len(without_at) > 1:
            kept = stream.datapoints[without_at[-1]].value
            for p_index in without_at[:-1]:
                issues.append(
                    Issue(
                        Severity.WARNING,
                        "several-without-at",
                        f"{label}: {len(without_at)} datapoints have no at; in one request the platform keeps only "
                        f"the last ({format_value(kept)})",
                        sid,
                        s_index,
                        p_index,
                    )
                )
    return issues
