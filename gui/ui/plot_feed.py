"""The rows the plot shows, as series: the editor model followed change by change, or a fixed list of rows.

The rows are kept as numpy columns (:class:`gui.ui.plot_data.RowTable`): the
model's inserts, removals, edits and status changes are applied as splices;
a first conversion, a model reset or a new list converts every row. Up to
SYNC_ROWS rows that happens at once on the GUI thread (tens of ms); above,
the conversion and the series are prepared on the pool (a
`gui.ui.workers.Task`: about 3 s for a million rows, which froze the window
when the Plot tab was first opened) while the panel shows "preparing" with
the rows done so far. Splices that arrive meanwhile are kept and applied to
the new table when it is ready; a reset, a new model or new rows make the
run stale: it is cancelled (its result is dropped) and a new one starts.

numpy is imported by the first conversion, not when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, QObject, QThreadPool, QTimer, Signal

from gui.onenet.readings import Readings
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row, RowStatus
from gui.ui.workers import Task, Worker

if TYPE_CHECKING:
    from gui.ui.plot_data import Counts, Prepared, RowTable, SeriesData

#: Up to this many rows a conversion of every row runs at once on the GUI thread; above, on the pool
#: (the same bound as the preview's, gui.ui.send_controller.SYNC_PLAN_ROWS).
SYNC_ROWS = 20_000
#: Milliseconds to gather editor changes into one redraw.
REFRESH_DELAY_MS = 40

Change = Callable[["RowTable"], object]


class PlotFeed(QObject):
    """The plot's rows, turned into series: `ready(series, streams, counts)` each time they are (re)built.

    `streams` is the datastream id of each series (`key` for `key.x`).
    `preparing(done, total)` (rows) while a conversion runs on `pool`, from
    its start to just before its `ready`. Changes are gathered for
    REFRESH_DELAY_MS and rebuilt while `visible()` is true; `refresh()`
    rebuilds now.
    """

    ready = Signal(object, object, object)  # dict[str, SeriesData], dict[str, str], Counts
    preparing = Signal(int, int)

    def __init__(self, pool: QThreadPool, visible: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._visible = visible
        self._model: DatapointsModel | None = None
        self._rows: list[Row] = []  # the rows shown when no model is followed
        self._table: RowTable | None = None  # made on first use (numpy); holds the send stamps
        self._stale = True  # the table does not hold the rows: converted again at the next refresh
        self._changes: list[Change] = []  # splices since the running conversion took its rows
        self.task = Task(pool, self)  # the conversion on the pool (at most one current)
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def has_rows(self) -> bool:
        """True when rows are followed or shown (a model, or a non-empty list)."""
        return self._model is not None or bool(self._rows)

    @property
    def is_preparing(self) -> bool:
        """True while a conversion runs on the pool for the rows now shown."""
        return self.task.is_busy

    def cancel(self) -> None:
        """Stop every conversion on the pool (the window closes); the rows are converted again when needed."""
        if self.task.is_running:
            self._stale = True
            self._changes = []
        self.task.cancel_all()

    def shown(self) -> None:
        """The plot was shown: rebuild now if anything changed while it was hidden."""
        if self._dirty or (self._stale and self.has_rows and not self.task.is_busy):
            self.refresh()

    # --- what is shown ---------------------------------------------------------------------
    def set_model(self, model: DatapointsModel) -> None:
        """Follow the editor model: every row by its status, updated as rows change."""
        self._disconnect()
        self._model = model
        for signal, slot in self._model_connections():
            signal.connect(slot)
        self._invalidate()

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (and stop following a model); rebuilt now (or prepared on the pool)."""
        self._disconnect()
        self._rows = list(rows)
        self._invalidate()
        self.refresh()

    def clear(self) -> None:
        """Show no rows (the panel draws arrays of its own); nothing is rebuilt until rows are given."""
        self._disconnect()
        self._rows = []
        self._table = None
        self._stale = True
        self._changes = []
        self.task.cancel()
        self._timer.stop()
        self._dirty = False

    def add_sent(self, readings: Readings, stamped_at: datetime) -> None:
        """Datapoints were just sent at `stamped_at`: those without `at` get that time (see PlotPanel.add_sent)."""
        table = self._ensure_table()
        for _, point in readings.pairs():
            table.stamp(point, stamped_at)
        if self._model is None:
            first = len(self._rows)
            new = [Row(stream_id, point, status=RowStatus.SENT) for stream_id, point in readings.pairs()]
            self._rows.extend(new)
            self._change(lambda t: t.insert(first, new))
        self.refresh()

    def _disconnect(self) -> None:
        if self._model is not None:
            for signal, slot in self._model_connections():
                signal.disconnect(slot)
            self._model = None

    def _model_connections(self) -> list[tuple[Any, Any]]:
        model = self._model
        assert model is not None
        return [
            (model.rowsInserted, self._on_model_rowsInserted),
            (model.rowsRemoved, self._on_model_rowsRemoved),
            (model.dataChanged, self._on_model_dataChanged),
            (model.modelReset, self._invalidate),
            (model.layoutChanged, self._invalidate),
        ]

    def _source_rows(self) -> Sequence[Row]:
        return self._model.rows() if self._model is not None else self._rows

    def _ensure_table(self) -> RowTable:
        if self._table is None:
            from gui.ui.plot_data import RowTable

            self._table = RowTable()
        return self._table

    # --- changes ---------------------------------------------------------------------------
    # The changed rows are read from a snapshot of the model (its columns shared, nothing copied) only when the
    # change is applied: no Row is made for a plot never opened (a million imported rows: 3.5 s of the GUI thread).
    def _on_model_rowsInserted(self, parent: QModelIndex, first: int, last: int) -> None:
        assert self._model is not None
        rows = self._model.rows()
        self._change(lambda t: t.insert(first, rows[first : last + 1]))

    def _on_model_rowsRemoved(self, parent: QModelIndex, first: int, last: int) -> None:
        self._change(lambda t: t.remove(first, last))

    def _on_model_dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = None) -> None:
        assert self._model is not None
        first, last = top_left.row(), bottom_right.row()
        rows = self._model.rows()
        if top_left.column() == bottom_right.column() == DatapointsModel.STATUS:
            self._change(lambda t: t.set_status(first, rows[first : last + 1]))
        else:
            self._change(lambda t: t.replace(first, rows[first : last + 1]))

    def _change(self, change: Change) -> None:
        """A splice of the rows: on the table now, on the table being prepared when it is ready, or on neither
        (a stale table is converted again as a whole)."""
        if not self._stale and self._table is not None:
            change(self._table)
        elif self.task.is_busy:
            self._changes.append(change)
        self._schedule()

    def _invalidate(self) -> None:
        """Every row may have changed: the running conversion is stale; convert again at the next refresh."""
        self._stale = True
        self._changes = []
        self.task.cancel()
        self._schedule()

    def _schedule(self) -> None:
        self._dirty = True
        if self._visible():
            self._timer.start()

    # --- rebuilding ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the series from the rows now (a big conversion: start it, `ready` follows when it is done)."""
        self._timer.stop()
        self._dirty = False
        table = self._ensure_table()
        rows = self._source_rows()
        if self._stale:
            if len(rows) > SYNC_ROWS:
                if not self.task.is_busy:
                    self._prepare(rows)
                return
            table.reset(rows)
            self._stale = False
        table.restamp(rows)
        self._emit(table, *table.series())

    def _prepare(self, rows: Sequence[Row]) -> None:
        """Convert `rows` (a snapshot) and build their series on the pool."""
        from gui.ui.plot_data import prepare

        snapshot = rows if self._model is not None else list(rows)  # the list grows with add_sent
        stamps = self._ensure_table().stamps()
        self._changes = []
        worker = Worker(lambda cancelled: prepare(snapshot, stamps, cancelled, worker.report_progress))
        self.task.start(worker, result=lambda prepared: self._on_prepared(prepared, stamps), progress=self._on_progress)
        self.preparing.emit(0, len(snapshot))

    def _on_progress(self, item: object, current: bool) -> None:
        if current:
            done, total = cast(tuple[int, int], item)  # Worker.report_progress
            self.preparing.emit(done, total)

    def _on_prepared(self, prepared: Prepared, stamps: dict[int, Any]) -> None:
        """The current conversion is done: it becomes the table, with the stamps and splices since it started."""
        table = prepared.table
        if self._table is not None:
            table.add_stamps({k: v for k, v in self._table.stamps().items() if k not in stamps})
        changes, self._changes = self._changes, []
        for change in changes:
            change(table)
        self._table, self._stale = table, False
        series, counts = prepared.series, prepared.counts
        if table.restamp(self._source_rows()) or changes:
            series, counts = table.series()
        self._emit(table, series, counts)

    def _emit(self, table: RowTable, series: dict[str, SeriesData], counts: Counts) -> None:
        streams = {name: table.stream_ids[table.series_stream[code]] for code, name in enumerate(table.series_names)}
        self.ready.emit(series, streams, counts)
