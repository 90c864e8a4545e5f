"""How rows and times are written in the database: milliseconds since the epoch, values as JSON text, id sets.

Shared by the store's modules; not part of the store's public API.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from gui.data.store.records import BegunRequest, OutboxRow, State, stored_text
from gui.data.target import Platform
from gui.onenet.readings import PLATFORM_TZ, Value, ValueKind

# -- conversions ------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCHS = {UTC: _EPOCH, PLATFORM_TZ: _EPOCH.astimezone(PLATFORM_TZ)}
#: Longest raw answer kept per attempt (characters).
RESPONSE_CHARS = 2000


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def from_ms(ms: int, tz: timezone = UTC) -> datetime:
    """The aware datetime, in the fixed-offset zone `tz` (default UTC), of milliseconds since the Unix epoch."""
    # The epoch written in `tz` plus a timedelta is exact for a fixed offset (no DST).
    # timedelta(0, 0, 0, ms) is timedelta(milliseconds=ms) without the keyword's cost.
    return _EPOCHS.get(tz, _EPOCH.astimezone(tz)) + timedelta(0, 0, 0, ms)


def _value_json(value: Value) -> str:
    """Values as JSON text; refuses NaN/infinity (never sendable: not JSON)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be sent (not valid JSON)")
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


_KIND_TEXT = {kind: kind.value for kind in ValueKind}


def _value(text: str) -> Value:
    """Parse a stored value; numbers (the common case) without the JSON decoder's overhead."""
    first = text[0]
    if first == '"' or first == "{":
        value: Value = json.loads(text)
        return value
    if "." in text or "e" in text or "E" in text:
        return float(text)
    return int(text)


_ROW_COLUMNS = (
    "id, endpoint, device_id, stream_id, at_ms, value, kind, state, in_editor, revision, "
    "request_id, last_error, created_ms, updated_ms, platform, source_hash, source_row"
)


_PLATFORMS = {platform.value: platform for platform in Platform}  # a dict lookup: cheaper than Platform(text)


def _row(raw: tuple[Any, ...]) -> OutboxRow:
    return OutboxRow(
        id=raw[0],
        endpoint=raw[1],
        device_id=raw[2],
        stream_id=raw[3],
        at=from_ms(raw[4]) if raw[4] is not None else None,
        value=_value(raw[5]),
        kind=ValueKind(raw[6]),
        state=State(raw[7]),
        in_editor=bool(raw[8]),
        revision=raw[9],
        request_id=raw[10],
        last_error=stored_text(raw[11])[0],
        created=from_ms(raw[12]),
        updated=from_ms(raw[13]),
        platform=_PLATFORMS[raw[14]],
        source=(raw[15], raw[16]) if raw[15] is not None else None,
        last_error_text=stored_text(raw[11])[1],
    )


#: Ids listed and written by one C call at most (`tolist`, `json.dumps`): a call holds the GIL throughout (a million
#: ids at once, ~80 ms of a stalled window while a worker queues a send; 10,000 a step, a few milliseconds).
_IDS_JSON_STEP = 10_000


def _ids_json(ids: Iterable[int]) -> str:
    """`json.dumps` of the ids as a list, the same text, written in steps so other threads run in between."""
    # An array("q") (the window's send of a million rows) is listed in C a step at a time, without a Python step per id.
    ints: Sequence[int] | array[int] = ids if isinstance(ids, array) else [int(i) for i in ids]
    step = _IDS_JSON_STEP
    return (
        "["
        + ", ".join(
            json.dumps(ints[k : k + step].tolist() if isinstance(ints, array) else ints[k : k + step])[1:-1]
            for k in range(0, len(ints), step)
        )
        + "]"
    )


def _ids_json_steps(ids: Iterable[int]) -> Iterator[str]:
    """`ids` as JSON arrays of `_IDS_JSON_STEP` ids at most, taken from `ids` as each is made (an iterator is
    read a step at a time): a statement per step, run between two steps, leaves the GIL to other threads (the
    window repaints meanwhile, each widget a call into Python; see `OutboxRows.queue`)."""
    if isinstance(ids, array):
        for k in range(0, len(ids), _IDS_JSON_STEP):
            yield _ids_json(ids[k : k + _IDS_JSON_STEP])
        return
    it = iter(ids)
    while step := array("q", itertools.islice(it, _IDS_JSON_STEP)):
        yield _ids_json(step)


#: `id IN` a JSON array bound as one parameter: any number of ids, one statement.
_IN_IDS = "id IN (SELECT value FROM json_each(?))"


def _where_ids(ids: Sequence[int]) -> tuple[str, tuple[Any, ...]]:
    """A WHERE term for these ids: `id BETWEEN` for a contiguous run (the usual planned request), else `_IN_IDS`.

    Ids in steps of one size (a datastream's rows typed or imported in turns with others:
    every 4th id, say) are a `BETWEEN` with a step, read as a range of the primary key.
    """
    if isinstance(ids, range) and ids.step == 1 and ids:
        return "id BETWEEN ? AND ?", (ids.start, ids.stop - 1)
    low, high = min(ids), max(ids)
    if high - low + 1 == len(ids) and len(set(ids)) == len(ids):
        return "id BETWEEN ? AND ?", (low, high)
    if len(ids) > 2 and ids[0] == low and ids[-1] == high and (high - low) % (len(ids) - 1) == 0:
        step = (high - low) // (len(ids) - 1)
        if step > 1 and all(b - a == step for a, b in itertools.pairwise(ids)):
            return "id BETWEEN ? AND ? AND (id - ?) % ? = 0", (low, high, low, step)
    return _IN_IDS, (_ids_json(ids),)


def _with_sets(params: tuple[Any, ...], sets: tuple[Any, ...], begun: BegunRequest) -> tuple[Any, ...]:
    """Parameters of a `_put_back_sql` statement: the CASE's ids (if any), then `sets`, then the id clause's."""
    if begun.was_unknown:
        return (params[0], *sets, *params[1:])
    return (*sets, *params)


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere (with `ESCAPE '\\'`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
