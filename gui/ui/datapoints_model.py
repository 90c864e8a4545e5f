"""The editor's table of datapoints: one row per datapoint, grouped into readings by stream."""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from gui import i18n
from gui.data.store import NewRow, State, Store, StoreError
from gui.data.target import NO_TARGET, Target
from gui.data.typed_at import read_typed_at
from gui.onenet.readings import (
    PLATFORM_TZ,
    Datapoint,
    MistypedNumber,
    Readings,
    ValueKind,
    format_at,
    format_value,
    kind_of,
    mistyped_number,
    parse_value,
)
from gui.ui.colours import brush
from gui.ui.rows import (
    _CODE_OF_STATE,
    _ID,
    _STATUS_CODE,
    _TARGET_INDEX,
    _TARGET_LIST,
    _TARGET_OF,
    Packed,
    Row,
    RowStatus,
    RowsView,
    _pack,
    _target_index,
    _unpack,
    shared_target,
)
from gui.ui.tables import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"


class DatapointsModel(OneCallPerCell, QAbstractTableModel):
    """Rows of (datastream, at, value, kind, status); edits parse or are refused.

    An edit that cannot be read (a bad number, broken JSON, a time that is
    not a time) leaves the row as it was and emits `editRejected` with the
    reason, so nothing typed is silently changed.

    With a `store` (`gui.data.store.Store`) every change goes to the outbox on disk
    first and then to the table, so a crash loses nothing typed or imported:
    `extend`/`append` add rows in one transaction, edits `Store.update`, removal
    `Store.remove_from_editor`. Each row keeps its outbox id. Store errors (a row
    being sent) refuse the change: `editRejected` for edits, StoreError raised from
    `remove_rows`/`clear`/`mark_unsent`.

    Every row keeps its target (`Row.target`): new rows get the model's `target` (the
    connection's, set by the window). The TARGET column exists only while rows of
    several targets are in the table (`several_targets`).
    """

    STREAM, AT, VALUE, KIND, STATUS, TARGET = range(6)
    editRejected = Signal(int, int, str)  # row, column, reason
    #: Custom role: the Row dataclass of an index's row.
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, display_tz: tzinfo = PLATFORM_TZ, parent: Any = None, store: Store | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Packed] = []  # see Packed
        self._points: list[Datapoint] = []  # each row's datapoint
        self._statuses = bytearray()  # each row's status, as its index in _STATUS_LIST
        self._revisions = array("q")  # each row's revision
        # A snapshot (`rows()`) shares the columns; the model copies one before it next changes it.
        self._shared_rows = self._shared_points = self._shared_states = self._shared_revisions = False
        self._tz = display_tz
        self._tz_name = "UTC+8"
        self.store = store
        self.target: Target = NO_TARGET  # new rows go here (the window keeps it the connection's)
        self._positions: dict[int, int] | None = {}  # outbox id -> row; None: rebuild when needed
        self._targets: dict[Target, int] = {}  # rows per target: the TARGET column shows while there are several
        if store is not None:
            rows = [Row.from_outbox(r) for r in store.editor_rows()]
            self._rows, self._points = [_pack(r) for r in rows], [r.point for r in rows]
            self._statuses = bytearray(_STATUS_CODE[r.status] for r in rows)
            self._revisions = array("q", (r.revision for r in rows))
            self._positions = None
            self._count_targets()

    # --- Qt model interface -------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (6 if self.several_targets() else 5)

    def several_targets(self) -> bool:
        """True while the table holds rows of more than one target (then the TARGET column shows)."""
        return len(self._targets) > 1

    def _count_targets(self, targets: Mapping[int, int] | None = None, *, removed: bool = False) -> None:
        """Count rows in (or, `removed`, out): `targets` maps a shared target's index to its rows; None: all afresh.

        Adds or drops the TARGET column. Counted in C (a `Counter` of ints): a million rows in some 50 ms.
        """
        before = self.several_targets()
        if targets is None:
            self._targets = {}
            targets = Counter(map(_TARGET_OF, self._rows))
        counts = self._targets
        sign = -1 if removed else 1
        for index, number in targets.items():
            target = _TARGET_LIST[index]
            left = counts.get(target, 0) + sign * number
            if left > 0:
                counts[target] = left
            else:
                counts.pop(target, None)
        after = self.several_targets()
        if after and not before:
            self.beginInsertColumns(QModelIndex(), self.TARGET, self.TARGET)
            self.endInsertColumns()
        elif before and not after:
            self.beginRemoveColumns(QModelIndex(), self.TARGET, self.TARGET)
            self.endRemoveColumns()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.AT:
            return self.tr("Shown and typed in {zone}; sent in platform time (UTC+8)").format(zone=self._tz_name)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Datastream"),
            self.tr("at ({zone})").format(zone=self._tz_name),
            self.tr("Value"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Target"),
        ][section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() not in (self.STATUS, self.TARGET):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _kind_name(self, kind: ValueKind) -> str:
        """A value kind as the table shows it, in the user's language (edits take the English word)."""
        names = {ValueKind.NUMBER: self.tr("number"), ValueKind.TEXT: self.tr("text"), ValueKind.JSON: self.tr("json")}
        return names.get(kind, kind.value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._row(index.row())
        column = index.column()
        if role == self.RowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if column in (self.VALUE, self.KIND) and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            hint = self._mistyped(row)
            if hint is not None:  # text that looks like a number typed wrongly: say so where the row is
                if role == Qt.ItemDataRole.ForegroundRole:
                    return brush("warning")
                if not hint.numbers and hint.why is not None:  # `nan`, `1e309`: no number meant
                    return self.tr(
                        "Read as text: {why}. Edit the value, or set the kind to text to keep it as text."
                    ).format(why=i18n.render(hint.why))
                return self.tr(
                    "Read as text — did you mean {number}? Edit the value to send a number, or set the kind to "
                    "text to keep it as text."
                ).format(number=self.tr(" or ").join(hint.numbers))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.KIND:
            if row.kind is ValueKind.AUTO:
                return self.tr("Read automatically from the value; edit to force number, text or json")
            return self.tr("Chosen by you")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and row.status is RowStatus.UNKNOWN:
            if row.point.at is None:
                return self.tr(
                    "A request carrying it got no clear answer: it may be stored. It has no at, so sending it "
                    "again may store it twice."
                )
            return self.tr("A request carrying it got no clear answer: it may be stored. Sending it again is safe.")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.AT:
            if row.point.at is None:
                return self.tr("No at: the platform stamps this datapoint when it arrives")
            return self.tr("Sent as {at} (platform time, UTC+8)").format(at=format_at(row.point.at))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and row.status is RowStatus.FAILED:
                return brush("error")
            if column == self.STATUS and row.status is RowStatus.SENT:
                return brush("ok")
            if column == self.STATUS and row.status is RowStatus.UNKNOWN:
                return brush("warning")
            if column == self.STATUS and row.status is RowStatus.IN_FLIGHT:
                return brush("note")
            if column == self.AT and row.point.at is None:
                return brush("muted")
        return None

    @staticmethod
    def _mistyped(row: Row) -> MistypedNumber | None:
        """For an Auto row read as text: the number it probably meant (`mistyped_number`), else None."""
        value = row.point.value
        if row.kind is not ValueKind.AUTO or not isinstance(value, str):
            return None
        return mistyped_number(value)

    def _text(self, row: Row, column: int, edit: bool) -> str:
        if column == self.STREAM:
            return row.stream_id
        if column == self.AT:
            if row.point.at is None:
                return "" if edit else self.tr("(platform time)")
            return row.point.at.astimezone(self._tz).strftime(DISPLAY_FORMAT)
        if column == self.VALUE:
            return format_value(row.point.value)
        if column == self.KIND:
            return row.kind.value if edit else self._kind_name(kind_of(row.point.value))
        if column == self.TARGET:
            return self.target_text(row.target)
        if row.status is RowStatus.UNKNOWN:
            return self.tr("unknown, safe to resend") if row.point.at is not None else self.tr("unknown, may duplicate")
        return {
            RowStatus.UNSENT: self.tr("not sent"),
            RowStatus.IN_FLIGHT: self.tr("sending…"),
            RowStatus.SENT: self.tr("sent"),
            RowStatus.FAILED: self.tr("failed"),
        }[row.status]

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() in (self.STATUS, self.TARGET):
            return False
        row = self._row(index.row())
        try:
            updated = self._edited(row, index.column(), str(value))
        except ValueError as exc:
            self.editRejected.emit(index.row(), index.column(), i18n.why(exc))
            return False
        if updated == row:
            return True
        if self.store is not None and row.id is not None:
            try:
                stored = self.store.update(row.id, stream_id=updated.stream_id, point=updated.point, kind=updated.kind)
            except (StoreError, ValueError) as exc:
                self.editRejected.emit(index.row(), index.column(), str(exc))
                return False
            updated = replace(updated, revision=stored.revision)
        self._own()
        self._rows[index.row()] = _pack(updated)
        self._points[index.row()] = updated.point
        self._statuses[index.row()] = _STATUS_CODE[RowStatus.UNSENT]
        self._revisions[index.row()] = updated.revision
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.STATUS))
        return True

    def _edited(self, row: Row, column: int, text: str) -> Row:
        if column == self.STREAM:
            return replace(row, stream_id=text.strip())
        if column == self.AT:
            at = read_typed_at(text, self._tz) if text.strip() else None  # as the at field reads it
            return replace(row, point=Datapoint(row.point.value, at))
        if column == self.VALUE:
            return replace(row, point=Datapoint(parse_value(text, row.kind), row.point.at))
        kind = ValueKind(text)
        point = Datapoint(parse_value(format_value(row.point.value), kind), row.point.at)
        return replace(row, point=point, kind=kind)

    # --- editing API ---------------------------------------------------------------
    @property
    def display_tz(self) -> tzinfo:
        """The zone `at` is shown and typed in (the user's setting)."""
        return self._tz

    @property
    def display_zone_name(self) -> str:
        """The name of `display_tz` as the header says it (`Asia/Shanghai`, `UTC+8`)."""
        return self._tz_name

    def set_display_tz(self, tz: tzinfo, name: str) -> None:
        """Show and read `at` in `tz` (named `name` in the header); values do not change."""
        self._tz, self._tz_name = tz, name
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.AT, self.AT)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.AT), self.index(len(self._rows) - 1, self.AT))

    def append(self, stream_id: str, point: Datapoint, kind: ValueKind = ValueKind.AUTO) -> int:
        """Add a datapoint at the end; returns its row."""
        return self.extend([Row(stream_id, point, kind)])

    def extend(self, rows: Sequence[Row]) -> int:
        """Add rows at the end (to the store first, in one transaction, as drafts); returns the first new row.

        The one entry point for new rows (typed, imported, demo): a million rows are one
        `Store.add` (executemany, one fsync). Their status becomes "not sent"; their ids
        those the store gave. Raises ValueError (nothing added) for a NaN/infinite value.
        """
        first = len(self._rows)
        if not rows:
            return first
        if isinstance(rows, RowsView):  # packed on a worker (`preparer`): the GUI thread only joins the columns
            packed, points, statuses, revisions = rows.columns()
        else:
            if self.store is not None and not all(r.id is not None for r in rows):
                rows = store_rows(self.store, rows, self.target)
            elif self.store is None:
                rows = [r if r.target.is_set else replace(r, target=self.target) for r in rows]
            packed, points, statuses, revisions = RowsView.of(rows).columns()
        self.beginInsertRows(QModelIndex(), first, first + len(packed) - 1)
        self._own()
        self._rows.extend(packed)
        self._points.extend(points)
        self._statuses.extend(statuses)
        self._revisions.extend(revisions)
        if self._positions is not None:
            ids = map(_ID, packed)
            self._positions.update(
                zip(ids, range(first, first + len(packed)), strict=True)
                if self.store is not None  # every stored row has its outbox id
                else ((i, k) for i, k in zip(ids, range(first, first + len(packed)), strict=True) if i is not None)
            )
        self.endInsertRows()
        # Counted by the worker that packed them, where it could (`RowsView.target_counts`): not on this thread.
        self._count_targets(rows.target_counts() if isinstance(rows, RowsView) else Counter(map(_TARGET_OF, packed)))
        return first

    def preparer(self) -> Callable[[Sequence[Row]], RowsView]:
        """A callable for a worker: rows written to this model's store (`store_rows`) and packed as the model keeps
        them (`RowsView.of`), so that `extend` on the GUI thread only joins the columns (a million rows: 4 s of
        a frozen window when packed there, measured on a loaded machine with benchmarks/bench_window_stall.py's rows).

        It holds the store only, never the model: a Qt object must not be kept
        alive, or released, by a worker thread.
        """
        return functools.partial(_stored_and_packed, self.store, self.target)

    def remove_rows(self, rows: list[int]) -> None:
        """Remove the given rows (any order): from the store's editor first (StoreError if one is being sent)."""
        chosen = sorted({row for row in rows if 0 <= row < len(self._rows)}, reverse=True)
        self._forget([self._rows[row][2] for row in chosen])
        self._count_targets(Counter(self._rows[row][4] for row in chosen), removed=True)
        self._own()
        for row in chosen:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._points[row]
            del self._statuses[row]
            del self._revisions[row]
            self.endRemoveRows()

    def clear(self) -> None:
        """Remove every row (StoreError, nothing removed, if one is being sent)."""
        self._forget([row[2] for row in self._rows])
        self.beginResetModel()
        self._rows, self._points, self._statuses, self._revisions = [], [], bytearray(), array("q")
        self._shared_rows = self._shared_points = self._shared_states = self._shared_revisions = False
        self._positions = {}
        self._targets = {}
        self.endResetModel()

    def _forget(self, ids: list[int | None]) -> None:
        known = [i for i in ids if i is not None]
        if self.store is not None and known:
            self.store.remove_from_editor(known)
        self._positions = None

    @staticmethod
    def target_text(target: Target) -> str:
        """How the table names a target: `4093215 · sandbox`, `4093215 · https://api.heclouds.com`, `—` for none."""
        if not target.is_set:
            return "—"
        where = QCoreApplication.translate("DatapointsModel", "sandbox") if target.is_sandbox else target.endpoint
        return f"{target.device_id} · {where}"

    def waiting_for(self, target: Target) -> list[int]:
        """Rows of `target` not sent yet (neither sent nor being sent): those a change of target asks about."""
        done = (_STATUS_CODE[RowStatus.SENT], _STATUS_CODE[RowStatus.IN_FLIGHT])
        index = _TARGET_INDEX.get(target)
        return [
            i
            for i, (p, status) in enumerate(zip(self._rows, self._statuses, strict=True))
            if p[4] == index and status not in done
        ]

    def retarget(self, rows: list[int], target: Target) -> None:
        """Move rows not sent yet to `target` (the store first; sent and in-flight rows keep theirs)."""
        done = (_STATUS_CODE[RowStatus.SENT], _STATUS_CODE[RowStatus.IN_FLIGHT])
        chosen = [i for i in rows if 0 <= i < len(self._rows) and self._statuses[i] not in done]
        ids = [i for i in (self._rows[r][2] for r in chosen) if i is not None]
        if self.store is not None and ids:
            self.store.retarget(ids, target)
        self._set_targets(chosen, target)

    def adopt_untargeted(self, target: Target) -> int:
        """Give rows without a target (drafts stored before targets were) `target`; returns how many."""
        if self.store is None:
            chosen = [i for i, p in enumerate(self._rows) if not _TARGET_LIST[p[4]].is_set]
        else:
            adopted = set(self.store.adopt_untargeted(target))
            chosen = [i for i, p in enumerate(self._rows) if p[2] in adopted]
        self._set_targets(chosen, target)
        return len(chosen)

    def _set_targets(self, rows: list[int], target: Target) -> None:
        if not rows:
            return
        index = _target_index(target)
        self._count_targets(Counter(self._rows[i][4] for i in rows), removed=True)
        self._own(points=False, states=False, revisions=False)
        for i in rows:
            self._rows[i] = (*self._rows[i][:4], index)
        self._count_targets({index: len(rows)})
        # Every listener (the send plan, the plot) hears it: which rows Send takes depends on their target.
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))

    def mark_unsent(self, rows: list[int]) -> None:
        """Mark rows "not sent" (drafts in the store; rows being sent are left alone), e.g. to send them again."""
        ids = self._view().ids(rows)
        if self.store is not None and ids:
            self.store.set_state(ids, State.DRAFT)
            self.sync_from_store(ids)
        else:
            self.set_status(rows, RowStatus.UNSENT)

    def sync_from_store(self, ids: Iterable[int]) -> None:
        """Show these outbox rows as the store has them now (status, revision); rows not in the table are skipped."""
        if self.store is None:
            return
        stored = self.store.get(list(ids))
        self.show_states([r.id for r in stored], [r.state for r in stored], [r.revision for r in stored])

    def show_states(self, ids: Sequence[int], states: Sequence[State], revisions: Sequence[int]) -> None:
        """Show outbox rows (by id) in their store `states` and `revisions` (read on any thread), in one change."""
        statuses, revisions_, code_of = self._statuses, self._revisions, _CODE_OF_STATE
        first, last, owned = len(self._rows), -1, False
        for i, state, revision in zip(self._positions_of(ids), states, revisions, strict=True):
            if i is None:
                continue
            code = code_of[state]
            if statuses[i] != code or revisions_[i] != revision:
                if not owned:
                    self._own(rows=False, points=False)
                    statuses, revisions_, owned = self._statuses, self._revisions, True
                statuses[i], revisions_[i] = code, revision
                if i < first:
                    first = i
                if i > last:
                    last = i
        if last >= 0:
            self.dataChanged.emit(self.index(first, self.STATUS), self.index(last, self.STATUS))

    def show_status(self, ids: Iterable[int], status: RowStatus) -> None:
        """Show rows (by outbox id) with `status` without writing the store (e.g. "sending…" before it reports)."""
        self.set_status([p for p in self._positions_of(ids) if p is not None], status)

    def _positions_of(self, ids: Iterable[int]) -> Iterator[int | None]:
        """The table row of each outbox row `ids` (None: not in the table), for a send's progress.

        A request's rows are mostly rows one after the other, or a stride apart (streams
        interleaved): each id is first looked for one stride after the previous one's row,
        then by `_position` (a bisection), ten times a second on the GUI thread during a send.
        """
        rows = self._rows
        n, i, stride = len(rows), -1, 1
        for row_id in ids:
            guess = i + stride
            if 0 <= guess < n and rows[guess][2] == row_id:
                i = guess
                yield i
                continue
            found = self._position(row_id)
            if found is not None:
                stride = found - i if 0 <= i < found else 1
                i = found
            yield found

    def _position(self, row_id: int) -> int | None:
        """The table row of outbox row `row_id`, or None.

        Rows are added in the order the store gives ids (and read from it by id), so ids
        ascend down the table and a bisection finds one; a table where they do not
        falls back to a map of every id (building it for a million rows takes a while).
        """
        rows = self._rows
        try:
            i = bisect_left(rows, row_id, key=_ID)
        except TypeError:  # rows without an outbox id
            i = len(rows)
        if i < len(rows) and rows[i][2] == row_id:
            return i
        return self._position_map().get(row_id)

    def _position_map(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {r[2]: k for k, r in enumerate(self._rows) if r[2] is not None}
        return self._positions

    def rows(self) -> RowsView:
        """All rows in order, as they are now (a snapshot: later changes of the model do not show in it).

        Made at once: it shares the model's lists, which the model copies before it next
        changes them (`_own`). A copy of a million rows on every snapshot gave the planner
        two new million-item lists, which the next young collection of the garbage
        collector traversed while holding the GIL (about 50 ms of a preview's longest
        stall, benchmarks/README.md).
        """
        self._shared_rows = self._shared_points = self._shared_states = self._shared_revisions = True
        return self._view()

    def _view(self) -> RowsView:
        return RowsView(self._rows, self._points, self._statuses, self._revisions)

    def _own(self, *, rows: bool = True, points: bool = True, states: bool = True, revisions: bool = True) -> None:
        """Make the columns this model's own before changing them in place (a snapshot may share them).

        Only those about to change: `rows` the packed rows (a target, an edit), `points` the
        datapoints, `states` the statuses, `revisions` the revisions (a send changes only these
        two; "sending…" only the statuses, a copy of a megabyte for a million rows).
        """
        if rows and self._shared_rows:
            self._rows, self._shared_rows = list(self._rows), False
        if points and self._shared_points:
            self._points, self._shared_points = list(self._points), False
        if states and self._shared_states:
            self._statuses, self._shared_states = self._statuses[:], False
        if revisions and self._shared_revisions:
            self._revisions, self._shared_revisions = self._revisions[:], False

    def _row(self, row: int) -> Row:
        return _unpack(self._rows[row], self._points[row], self._statuses[row], self._revisions[row])

    def unsent_rows(self) -> list[int]:
        """Indexes of rows not yet sent successfully."""
        sent = _STATUS_CODE[RowStatus.SENT]
        return [i for i, status in enumerate(self._statuses) if status != sent]

    def readings(self, rows: list[int] | None = None) -> tuple[Readings, array[int]]:
        """The readings of `rows` (default all), and for each datapoint in readings order its row.

        Streams appear in the order of their first row; within a stream rows
        keep their order (the type 1 body follows this order).
        """
        return self._view().readings(range(len(self._rows)) if rows is None else rows)

    def set_status(self, rows: list[int], status: RowStatus) -> None:
        """Show rows with `status` (sent, failed, "sending…") without writing the store."""
        if rows:
            self._own(rows=False, points=False, revisions=False)
        code = _STATUS_CODE[status]
        for i in rows:
            self._statuses[i] = code
        if rows:
            self.dataChanged.emit(self.index(min(rows), self.STATUS), self.index(max(rows), self.STATUS))


def _stored_and_packed(store: Store | None, target: Target, rows: Sequence[Row]) -> RowsView:
    """`store_rows`, packed as the model keeps rows (see `DatapointsModel.preparer`), without a Row made each."""
    if store is None:
        return RowsView.of(store_rows(store, rows, target))
    return RowsView.stored(rows, *_store(store, rows, target))


def store_rows(store: Store | None, rows: Sequence[Row], target: Target = NO_TARGET) -> list[Row]:
    """`rows` written to `store` (one transaction) for `target`, with the ids it gave, as "not sent".

    With no store, the rows as given. Raises ValueError (nothing stored) for a
    NaN/infinite value, StoreError or OSError when the outbox cannot be written.
    """
    if store is None:
        shared = shared_target(target.endpoint, target.device_id, target.platform)
        return [replace(r, target=shared) for r in rows]
    ids, shared = _store(store, rows, target)
    return [
        Row(r.stream_id, r.point, r.kind, RowStatus.UNSENT, i, 0, None, shared) for r, i in zip(rows, ids, strict=True)
    ]


def _store(store: Store, rows: Sequence[Row], target: Target) -> tuple[list[int], Target]:
    """Add `rows` to `store` for `target` (one transaction): their outbox ids, and the one shared Target object.

    May run on a worker (the Store is thread-safe): the import dialog stores a million rows off the GUI thread.
    """
    ids = store.add(
        (NewRow(r.stream_id, r.point, r.kind, r.source) for r in rows),
        endpoint=target.endpoint,
        device_id=target.device_id,
        platform=target.platform,
    )
    return ids, shared_target(target.endpoint, target.device_id, target.platform)
