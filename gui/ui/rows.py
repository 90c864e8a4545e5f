"""The editor's rows as the model keeps them: `Row`, its status, one shared `Target` per target, and the packed
columns a million rows are held in (`Packed`, `RowsView`)."""

from __future__ import annotations

import enum
import functools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import is_not, itemgetter
from typing import Any, NamedTuple, overload

from gui.data.outbox import readings_of
from gui.data.store import OutboxRow, State
from gui.data.target import NO_TARGET, Platform, Target
from gui.onenet.readings import Datapoint, Readings, ValueKind


class RowStatus(enum.Enum):
    """Where a row's datapoint is: not sent yet, being sent, sent (errno 0), failed, or unknown (may have arrived)."""

    UNSENT = "unsent"
    IN_FLIGHT = "in_flight"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


#: The editor's status of each outbox state (draft and queued rows are both "not sent").
STATUS_OF_STATE = {
    State.DRAFT: RowStatus.UNSENT,
    State.UNSENT: RowStatus.UNSENT,
    State.IN_FLIGHT: RowStatus.IN_FLIGHT,
    State.UNKNOWN: RowStatus.UNKNOWN,
    State.SENT: RowStatus.SENT,
    State.FAILED: RowStatus.FAILED,
}


@dataclass(frozen=True, slots=True)
class Row:
    """One editor row: the stream, the datapoint, the kind the user chose, its status.

    `id` and `revision` are those of its outbox row (`gui.data.store.OutboxRow`) once the
    model has a store; None and 0 in a model without one. `source` is where a row read
    from a file came from, `(content hash, row number)` (`gui.data.store.NewRow.source`).
    `target` is where it goes (`gui.data.target.Target`, one shared object per target;
    `NO_TARGET` until it has one): the model's `target` when it was added.
    """

    stream_id: str
    point: Datapoint
    kind: ValueKind = ValueKind.AUTO
    status: RowStatus = RowStatus.UNSENT
    id: int | None = None
    revision: int = 0
    source: tuple[str, int] | None = None
    target: Target = NO_TARGET

    @classmethod
    def from_outbox(cls, row: OutboxRow) -> Row:
        """The editor row of an outbox row."""
        target = shared_target(row.endpoint, row.device_id, row.platform)
        return cls(row.stream_id, row.point, row.kind, STATUS_OF_STATE[row.state], row.id, row.revision, None, target)


_TARGETS: dict[tuple[str, str, Platform], Target] = {}  # (endpoint, device id, platform) -> the one Target
_TARGET_LIST: list[Target] = []  # every shared Target; a packed row holds its index (an int, untracked)
_TARGET_INDEX: dict[Target, int] = {}


def shared_target(endpoint: str, device_id: str, platform: Platform = Platform.DATAPOINTS) -> Target:
    """One Target object per target, shared by every row of it (a million rows hold one, not a million)."""
    key = (endpoint, device_id, platform)
    found = _TARGETS.get(key)
    if found is None:
        found = _TARGETS[key] = Target(endpoint, device_id, platform)
        _TARGET_INDEX[found] = len(_TARGET_LIST)
        _TARGET_LIST.append(found)
    return found


def _target_index(target: Target) -> int:
    index = _TARGET_INDEX.get(target)
    if index is None:
        index = _TARGET_INDEX[shared_target(target.endpoint, target.device_id, target.platform)]
    return index


#: A row as the model keeps it, beside its datapoint, status and revision: `(stream id, kind, outbox id, source,
#: target)`, the kind as its `.value` string, the target as its index in `_TARGET_LIST`. A tuple of strings,
#: numbers and None is untracked by Python's cyclic collector after its first young collection, so a million
#: rows do not grow what full collections traverse: per row only its `Datapoint` (kept as is, so the preview's
#: readings and the plot use the very objects) is tracked. What a send changes, each row's status and
#: revision, is kept in columns beside (a `bytearray` of `_STATUS_LIST` indexes, an `array("q")`): a send
#: changes them in place, or in a copy of a few megabytes when a snapshot shares them, never in a new list
#: of a million tuples that the next young collections would traverse while holding the GIL (the stall of
#: a send's start, benchmarks/bench_window_stall.py).
Packed = tuple[Any, ...]
_KINDS = {kind.value: kind for kind in ValueKind}
_STATUS_LIST = list(RowStatus)
_STATUS_CODE = {status: code for code, status in enumerate(_STATUS_LIST)}
_CODE_OF_STATE = {state: _STATUS_CODE[status] for state, status in STATUS_OF_STATE.items()}
_ID = itemgetter(2)  # a packed row's outbox id
_TARGET_OF = itemgetter(4)  # a packed row's target index
_is_not_none = functools.partial(is_not, None)
_IDS_STEP = 10_000
_new = object.__new__
_ROW_FIELDS = [Row.__dict__[name].__set__ for name in ("stream_id", "point", "kind", "status", "id", "revision")]
_set_source = Row.__dict__["source"].__set__
_set_target = Row.__dict__["target"].__set__


def _pack(row: Row) -> Packed:
    return (row.stream_id, row.kind.value, row.id, row.source, _target_index(row.target))


def _unpack(packed: Packed, point: Datapoint, status: int, revision: int) -> Row:
    """The Row of a packed row, its datapoint, status code and revision (without the frozen dataclass's __init__)."""
    stream_id, kind, row_id, source, target = packed
    row = _new(Row)
    set_stream_id, set_point, set_kind, set_status, set_id, set_revision = _ROW_FIELDS
    set_stream_id(row, stream_id)
    set_point(row, point)
    set_kind(row, _KINDS[kind])
    set_status(row, _STATUS_LIST[status])
    set_id(row, row_id)
    set_revision(row, revision)
    _set_source(row, source)
    _set_target(row, _TARGET_LIST[target])
    return row


class RowsView(Sequence[Row]):
    """The model's rows at one moment, as `Row`s made on access (no million Row objects made or kept).

    A snapshot: later changes of the model do not show in it. `ids`, `statuses` and
    `readings` read the rows without making a `Row` each, for the planner and the send.
    The columns are the model's (see `Packed`): `statuses` a bytearray of `_STATUS_LIST`
    indexes, `revisions` an `array("q")`.
    """

    __slots__ = ("_packed", "_points", "_revisions", "_statuses", "_target_counts")

    def __init__(
        self,
        packed: list[Packed],
        points: list[Datapoint],
        statuses: bytearray,
        revisions: array[int],
        target_counts: dict[int, int] | None = None,
    ) -> None:
        self._packed, self._points, self._statuses, self._revisions = packed, points, statuses, revisions
        self._target_counts = target_counts

    @classmethod
    def of(cls, rows: Sequence[Row]) -> RowsView:
        """`rows` packed as the model keeps them (on a worker: the model's `extend` then only joins the columns)."""
        return cls(
            list(map(_pack, rows)),
            [r.point for r in rows],
            bytearray(_STATUS_CODE[r.status] for r in rows),
            array("q", (r.revision for r in rows)),
        )

    @classmethod
    def stored(cls, rows: Sequence[Row], ids: Sequence[int], target: Target) -> RowsView:
        """`rows` just stored with outbox `ids` for `target` (one shared Target): not sent, revision 0, no source, as
        `store_rows` makes them, packed without a Row made each (a million fewer objects for the collector)."""
        index, unsent, count = _target_index(target), _STATUS_CODE[RowStatus.UNSENT], len(rows)
        return cls(
            [(r.stream_id, r.kind.value, i, None, index) for r, i in zip(rows, ids, strict=True)],
            [r.point for r in rows],
            bytearray([unsent]) * count,
            array("q", bytes(8 * count)),  # revision 0 each
            {index: count} if count else {},
        )

    def columns(self) -> tuple[list[Packed], list[Datapoint], bytearray, array[int]]:
        """The packed rows, datapoints, status codes and revisions (see `Packed`): the view's own, not copies."""
        return self._packed, self._points, self._statuses, self._revisions

    def target_counts(self) -> dict[int, int]:
        """How many rows each target has, by the shared target's index (`_TARGET_LIST`): counted once, in C."""
        if self._target_counts is None:
            self._target_counts = dict(Counter(map(_TARGET_OF, self._packed)))
        return self._target_counts

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return list(
                map(_unpack, self._packed[index], self._points[index], self._statuses[index], self._revisions[index])
            )
        return _unpack(self._packed[index], self._points[index], self._statuses[index], self._revisions[index])

    def __iter__(self) -> Iterator[Row]:
        return map(_unpack, self._packed, self._points, self._statuses, self._revisions)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowsView):
            return (
                self._packed == other._packed
                and self._points == other._points
                and self._statuses == other._statuses
                and self._revisions == other._revisions
            )
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal by content, like a list

    def picked(self, indexes: Sequence[int]) -> Sequence[Row]:
        """The rows `indexes` in that order, made as each is read (`requests_of` takes a request's slice at a time)."""
        return _Picked(self, indexes)

    def ids(self, indexes: Sequence[int]) -> array[int]:
        """The outbox ids of rows `indexes` (rows without one are skipped), as an `array("q")` (see `Packed`)."""
        ids = array("q")
        for step in self.id_steps(indexes):
            ids.extend(step)
        return ids

    def id_steps(self, indexes: Sequence[int]) -> Iterator[Iterator[int]]:
        """The outbox ids of rows `indexes` (rows without one skipped), `_IDS_STEP` rows a step, each read as taken.

        Read in C: a step holds the GIL a millisecond or two, a tenth of the time a Python
        step per row took. A million rows listed at once would keep the GIL from the GUI
        thread for a tenth of a second, which repainting waits for at every widget: the send
        queues a step's rows before it lists the next (`Store.queue`).
        """
        row_of = self._packed.__getitem__
        for start in range(0, len(indexes), _IDS_STEP):
            yield filter(_is_not_none, map(_ID, map(row_of, indexes[start : start + _IDS_STEP])))

    def statuses(self) -> Iterator[tuple[RowStatus, datetime | None, Target]]:
        """Every row's status, `at` and target, in order."""
        statuses, targets = _STATUS_LIST, _TARGET_LIST
        return (
            (statuses[code], point.at, targets[p[4]])
            for p, point, code in zip(self._packed, self._points, self._statuses, strict=True)
        )

    def readings(self, indexes: Iterable[int]) -> tuple[Readings, array[int]]:
        """The readings of rows `indexes`, and for each datapoint in readings order its row (`readings_of`)."""
        return readings_of(_Carried(self._packed, self._points), indexes)


class _StreamPoint(NamedTuple):
    stream_id: str
    point: Datapoint


class _Carried(Sequence[Any]):
    """Packed rows seen as `gui.data.outbox.Carried` for `readings_of`: `.stream_id` and `.point` only."""

    __slots__ = ("_packed", "_points")

    def __init__(self, packed: list[Packed], points: list[Datapoint]) -> None:
        self._packed, self._points = packed, points

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, index: Any) -> Any:
        return _StreamPoint(self._packed[index][0], self._points[index])


class _Picked(Sequence[Row]):
    __slots__ = ("_indexes", "_rows")

    def __init__(self, rows: RowsView, indexes: Sequence[int]) -> None:
        self._rows, self._indexes = rows, indexes

    def __len__(self) -> int:
        return len(self._indexes)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        rows = self._rows
        if isinstance(index, slice):
            return [rows[k] for k in self._indexes[index]]
        return rows[self._indexes[index]]
