"""The History tab: every request attempt from the store, filterable, with its exact request and answer.

`HistoryModel` (gui.ui.history_model) reads the store a page at a time (`canFetchMore`/`fetchMore`, pages of
`PAGE_SIZE`), so 100,000 entries open and filter in the time of one count and one page.
`HistoryPanel` adds the filter bar (outcome, device, from/to date, text; debounced),
the detail pane (the request as the client builds it, api-key masked: the key is never
stored; the body, pretty-printed when JSON; the answer), "Resend selected" (emits
`resendRequested` with the outbox ids: the window re-queues them, see `gui.data.outbox.requeue_for_resend`;
datapoints without `at` the platform may hold already are only resent once the user
accepts duplicates in an inline bar, see `gui.data.outbox.resend_plan`)
and "Export CSV…" (the matching entries, written on a worker with progress and Cancel by
`gui.data.history_export`; there is no key to leak).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.history_export import CSV_COLUMNS, ExportCancelled, ExportFailed, write_history_csv
from gui.data.outbox import requeue_for_resend, resend_plan
from gui.data.store import (
    AttemptOutcome,
    HistoryEntry,
    HistoryFilter,
    HistorySummary,
    Store,
)
from gui.data.target import Platform
from gui.onenet.decoding import decode
from gui.onenet.formats import FormatError
from gui.onenet.readings import Readings
from gui.ui.colours import set_style
from gui.ui.history_model import PAGE_SIZE, HistoryModel, detail_text
from gui.ui.settings import DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS
from gui.ui.tables import ElideMiddleDelegate, text_width
from gui.ui.workers import Task, Worker

__all__ = [
    "CSV_COLUMNS",
    "PAGE_SIZE",
    "HistoryModel",
    "HistoryPanel",
    "detail_text",
    "requeue_for_resend",
    "resend_plan",
]


@dataclass
class _ExportJob:
    """One export, as plain data the worker fills in: where to, and how many rows once the file is in place."""

    path: Path
    count: int | None = None
    cancelled: bool = False  # Cancel was pressed (the worker may still finish the file)


class HistoryPanel(QWidget):
    """Filter bar, the lazily filled table, the detail pane, Resend and Export.

    Long work (the CSV export) runs on `pool` (default: the global thread pool).
    `keep_days_spin` shows the retention (days; 0: forever); the window stores it in its
    settings and prunes the history to it at start-up.
    """

    #: Outbox ids of the selected entries' rows, to be sent again.
    resendRequested = Signal(list)
    #: (endpoint, device id, Readings) of the selected requests that were stored (see verify_selected)
    verifyRequested = Signal(str, str, object)
    #: After every export (written, cancelled or failed): True when the file was written.
    exportFinished = Signal(bool)
    DEBOUNCE_MS = 250

    def __init__(self, store: Store, parent: QWidget | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = pool or QThreadPool.globalInstance()
        self.export_task = Task(self.pool, self)
        self._export_job: _ExportJob | None = None
        self._exported: Callable[[], str] | None = None  # the export label's "✔ n entries exported", to word again
        self._pending_resend: list[int] = []  # asked about in the resend bar
        self._stale = False  # the store changed while the panel was hidden
        self._zone_name = ""  # the zone times are shown in (set_time_zone)
        self.model = HistoryModel(store, self)

        self.outcome_combo = QComboBox()
        for text, value in (
            (self.tr("Any outcome"), ""),
            (self.tr("Sent"), "sent"),
            (self.tr("Failed"), "failed"),
            (self.tr("Unknown"), "unknown"),
        ):
            self.outcome_combo.addItem(text, value)
        self.device_edit = QLineEdit(placeholderText=self.tr("Device"), clearButtonEnabled=True)
        self.from_check = QCheckBox(self.tr("From"))
        self.from_date = QDateEdit(QDate.currentDate())
        self.to_check = QCheckBox(self.tr("to"))
        self.to_date = QDateEdit(QDate.currentDate())
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.search_edit = QLineEdit(
            placeholderText=self.tr("Search error, endpoint, device, body"), clearButtonEnabled=True
        )
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.outcome_combo)
        filters.addWidget(self.device_edit, 1)
        filters.addWidget(self.search_edit, 2)
        for line, sample in ((self.device_edit, "4093215"), (self.search_edit, self.tr("Search error"))):
            line.setMinimumWidth(line.fontMetrics().horizontalAdvance(sample) + 40)  # room for the clear button

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        model = self.model
        samples = {  # each column as wide as its usual text or its name; a longer device id is cut in the middle
            model.TIME: ("2026-01-01 00:00:00.000",),
            model.OUTCOME: (self.tr("unknown (#4)"), self.tr("not sent (#4)"), self.tr("Outcome")),
            model.DATAPOINTS: ("100,000", self.tr("Datapoints")),
            model.DEVICE: ("4093215000", self.tr("Device")),
            model.FORMAT: (self.tr("type {n}").format(n=5), self.tr("Format")),
            model.HTTP: ("000", self.tr("HTTP")),
            model.ERRNO: ("000", self.tr("errno")),
        }
        for column, texts in samples.items():
            header.resizeSection(column, text_width(self, *texts))
        self.table.setItemDelegateForColumn(model.DEVICE, ElideMiddleDelegate(self.table))

        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(self.tr("Select a request to see exactly what was sent and what came back"))
        # Under the table, as wide as the tab, long lines wrapped: a request reads without sideways scrolling.
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.resend_button = QPushButton(self.tr("&Resend selected"))
        self.resend_button.setEnabled(False)
        self.resend_button.setToolTip(self.tr("Mark the selected requests' datapoints to be sent again"))
        self.verify_button = QPushButton(self.tr("&Verify selected"))
        self.verify_button.setEnabled(False)
        self.verify_button.setToolTip(self.tr("Read the selected requests' datapoints back from the platform"))
        # Why Verify selected did not run (several targets, nothing stored): said under the buttons pressed.
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        set_style(self.verify_label, "color: $error;")
        self.verify_label.hide()
        self.resend_bar = QFrame()
        set_style(self.resend_bar, "QFrame { background: $attention_bg; border-radius: 4px; }")
        self.resend_label = QLabel()
        self.resend_label.setWordWrap(True)
        self.resend_anyway_button = QPushButton(self.tr("Resend anyway (may &duplicate)"))
        self.resend_cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.resend_anyway_button, self.resend_cancel_button):
            button.setAutoDefault(True)  # Enter presses the focused one: Cancel, when the bar opens
        resend_layout = QHBoxLayout(self.resend_bar)
        resend_layout.addWidget(self.resend_label, 1)
        resend_layout.addWidget(self.resend_anyway_button)
        resend_layout.addWidget(self.resend_cancel_button)
        self.resend_bar.hide()

        self.export_button = QPushButton(self.tr("Export &CSV…"))
        self.export_button.setToolTip(self.tr("Write the entries matching the filter to a CSV file"))
        self.export_progress = QProgressBar()
        self.export_progress.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("0,000,000 of 0,000,000 entries") + 40
        )
        self.export_progress.hide()
        self.export_cancel_button = QPushButton(self.tr("Cancel export"))
        self.export_cancel_button.hide()
        self.export_label = QLabel()
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_label.hide()
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.keep_days_spin = QSpinBox()
        self.keep_days_spin.setRange(0, MAX_HISTORY_DAYS)
        self.keep_days_spin.setValue(DEFAULT_HISTORY_DAYS)
        self.keep_days_spin.setSuffix(self.tr(" days"))
        self.keep_days_spin.setSpecialValueText(self.tr("forever"))
        self.keep_days_spin.setToolTip(
            self.tr(
                "Requests and sent datapoints older than this are forgotten when the program starts. "
                "Datapoints not sent yet, failed or unknown are always kept."
            )
        )
        keep_label = QLabel(self.tr("Keep histor&y for:"))
        keep_label.setBuddy(self.keep_days_spin)
        # Rows short enough for a 1024 px wide window: the dates with the retention above the table, the count
        # and the actions under it, the export's progress and outcome under them.
        dates_row = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates_row.addWidget(widget)
        dates_row.addStretch(1)
        dates_row.addWidget(keep_label)
        dates_row.addWidget(self.keep_days_spin)
        self.count_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_progress)
        export_row.addWidget(self.export_cancel_button)
        export_row.addWidget(self.export_label, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.resend_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.verify_label)
        layout.addLayout(export_row)

        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.outcome_combo.currentIndexChanged.connect(self.apply_filter)
        for line in (self.device_edit, self.search_edit):
            line.textChanged.connect(self._debounce.start)
        for check, date in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(date.setEnabled)
            check.toggled.connect(self.apply_filter)
            date.dateChanged.connect(self._debounce.start)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.resend_button.clicked.connect(self.resend_selected)
        self.resend_anyway_button.clicked.connect(self._on_resend_anyway_button_clicked)
        self.resend_cancel_button.clicked.connect(self._on_resend_cancel_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_cancel_button.clicked.connect(self.cancel_export)
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    # --- filtering ----------------------------------------------------------------------
    def current_filter(self) -> HistoryFilter:
        """The filter the bar describes; dates are whole days in the display zone, `to` inclusive."""
        tz = self.model.display_tz

        def day(date: QDate) -> datetime:
            return datetime(date.year(), date.month(), date.day(), tzinfo=tz)

        return HistoryFilter(
            outcome=self.outcome_combo.currentData() or None,
            device=self.device_edit.text().strip(),
            since=day(self.from_date.date()) if self.from_check.isChecked() else None,
            until=day(self.to_date.date()) + timedelta(days=1) if self.to_check.isChecked() else None,
            text=self.search_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self.detail.clear()
        self._close_resend_bar()

    def refresh(self) -> None:
        """Re-read the store (after a send): the filter stays, the selection and detail go.

        While the panel is hidden the re-read waits until it is shown: a send a
        second (timed sending) must not query a page of up to 500 requests on
        the GUI thread, and keep it, for a tab nobody looks at.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.model.refresh()
        self.detail.clear()
        self._close_resend_bar()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def set_time_zone(self, tz: tzinfo, name: str = "") -> None:
        self.model.set_display_tz(tz, name)
        self._zone_name = name or str(tz)
        self._show_zone()

    def _show_zone(self) -> None:
        self.table.horizontalHeader().setToolTip(self.tr("Times in {zone}").format(zone=self._zone_name))

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = self.tr("%Ln request(s) match", "", total)
        self.count_label.setText(text + self.tr(", {shown} loaded").format(shown=i18n.number(shown)))

    def retranslate(self) -> None:
        """The count and the zone in the language now in use (the window retranslates the static texts)."""
        self._update_count()
        if self._zone_name:
            self._show_zone()
        if self._exported is not None:
            exported = self._exported
            self._tell(exported(), "ok")
            self._exported = exported

    # --- selection, detail, resend ------------------------------------------------------
    def selected_summaries(self) -> list[HistorySummary]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.summary(r) for r in rows]

    def entry(self, summary: HistorySummary) -> HistoryEntry | None:
        """The full entry (body, raw answer) of a row, from the store."""
        for entry in self.store.history(request_id=summary.request_id):
            if entry.attempt_id == summary.attempt_id:
                return entry
        return None

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        summaries = self.selected_summaries()
        self.resend_button.setEnabled(bool(summaries))
        self.verify_button.setEnabled(bool(summaries))
        self._close_resend_bar()  # it asked about the selection before
        self.verify_label.hide()  # it said why the previous selection could not be verified
        entry = self.entry(summaries[-1]) if summaries else None
        if entry is None:
            self.detail.clear()
        else:
            self.detail.setPlainText(detail_text(entry, self.model.display_tz))

    def resend_selected(self) -> list[int]:
        """Emit `resendRequested` with the outbox ids the selected requests carried; returns the ids emitted.

        When some of those datapoints have no `at` and the platform may hold them already
        (`resend_plan`), nothing is emitted yet ([] is returned): the resend bar says how
        many would be stored twice and asks, Cancel focused; "Resend anyway" emits.
        """
        entries = [e for e in map(self.entry, self.selected_summaries()) if e is not None]
        ids, duplicates = resend_plan(self.store, entries)
        if not ids:
            self._close_resend_bar()
            return []
        if duplicates:
            self._pending_resend = ids
            if duplicates == len(ids):
                text = (
                    self.tr("The datapoint to resend has no at and the platform may hold it already.")
                    if duplicates == 1
                    else self.tr("All {n} datapoints to resend have no at and the platform may hold them already.")
                )
            else:
                text = (
                    self.tr("1 of the {total} datapoints to resend has no at and the platform may hold it already.")
                    if duplicates == 1
                    else self.tr(
                        "{n} of the {total} datapoints to resend have no at and the platform may hold them already."
                    )
                )
            why = self.tr(
                "It stamps each datapoint without at with its arrival time, so resending stores a second copy "
                "instead of overwriting the first. Resend anyway?"
            )
            self.resend_label.setText(text.format(n=f"{duplicates:,}", total=f"{len(ids):,}") + " " + why)
            self.resend_bar.show()
            self.resend_cancel_button.setFocus()
            return []
        self._close_resend_bar()
        self.resendRequested.emit(ids)
        return ids

    def _on_resend_anyway_button_clicked(self) -> None:
        ids = self._pending_resend
        self._close_resend_bar()
        if ids:
            self.resendRequested.emit(ids)

    def _on_resend_cancel_button_clicked(self) -> None:
        self._close_resend_bar()
        self.resend_button.setFocus()

    def _close_resend_bar(self) -> None:
        self._pending_resend = []
        self.resend_bar.hide()

    def _on_verify_button_clicked(self) -> None:
        problem = self.verify_selected()
        self.verify_label.setText(problem)
        self.verify_label.setVisible(bool(problem))

    def verify_selected(self) -> str:
        """Emit `verifyRequested` with what the selected stored requests carried; returns a problem or "".

        The bodies are decoded as sent (`gui.onenet.decoding.decode`); only requests the
        platform answered with errno 0 are taken, and all must be of one endpoint and device.
        The button shows the problem under the buttons (`verify_label`).
        """
        entries = [e for e in map(self.entry, self.selected_summaries()) if e is not None]
        stored = [e for e in entries if e.attempt is not None and e.attempt.outcome is AttemptOutcome.SENT]
        if not stored:
            return self.tr(
                "Nothing to verify: none of the {n} selected attempts was stored (errno 0). Select a request the "
                "platform answered with errno 0."
            ).format(n=len(entries))
        targets = sorted({(e.endpoint, e.device_id) for e in stored})
        if len(targets) != 1:
            named = ", ".join(
                self.tr("device {device} at {endpoint}").format(device=d, endpoint=e) for e, d in targets[:3]
            )
            return self.tr(
                "The selected requests went to {n} targets ({targets}): select requests of one endpoint and device "
                "to verify them."
            ).format(n=len(targets), targets=named + (", …" if len(targets) > 3 else ""))
        if any(e.platform is Platform.THING for e in stored):
            return self.tr(
                "Requests to the current platform (thing model) are verified from the table (Verify on platform) "
                "or with onenet-uploader verify FILE --profile NAME."
            )
        try:
            pairs = [pair for e in stored for pair in decode(e.body, e.body_type).pairs()]
        except FormatError as exc:
            return self.tr("A stored body cannot be read back: {why}").format(why=i18n.why(exc))
        ((endpoint, device_id),) = targets
        self.verifyRequested.emit(endpoint, device_id, Readings.from_pairs(pairs))
        return ""

    # --- export ---------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), "history.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    @property
    def is_exporting(self) -> bool:
        """True from `export_csv` until its worker has finished (a cancelled one too)."""
        return self.export_task.is_busy

    def export_csv(self, path: Path) -> bool:
        """Write the entries the table lists (filter and snapshot as shown) to `path`, on a worker.

        Returns False (and does nothing) while another export runs. Progress shows as
        "done of total" entries; `cancel_export` (the Cancel button) stops it within a row.
        The file appears whole or not at all (`gui.data.history_export.write_history_csv`:
        UTF-8 with BOM, times in the display zone, no api-key: the store has none);
        `exportFinished(bool)` and the line under the buttons tell how it ended.
        """
        if self.export_task.is_busy:
            return False
        store, flt, tz, total = self.store, self.model.snapshot, self.model.display_tz, self.model.total
        job = _ExportJob(Path(path))

        def work(cancelled: Callable[[], bool]) -> int:
            job.count = write_history_csv(
                store, flt, job.path, tz, progress=worker.report_progress, cancelled=cancelled, total=total
            )
            return job.count

        self._export_job = job
        worker = Worker(work)
        self.export_task.start(
            worker,
            progress=self._on_export_worker_progress,
            error=self._on_export_worker_error,
            finished=self._on_export_worker_finished,
        )
        self.export_progress.setRange(0, max(total, 1))
        self.export_progress.setValue(0)
        self.export_progress.setFormat(self.tr("{done} of {total} entries").format(done=0, total=f"{total:,}"))
        self._set_exporting(True)
        self._tell(self.tr("Exporting %Ln entry(ies) to {path}…", "", total).format(path=job.path))
        return True

    def cancel_export(self) -> None:
        """Stop the export (within a row); the chosen file is not written (one already there stays as it was)."""
        worker = self.export_task.current
        if worker is None or worker.is_cancelled:
            return
        worker.cancel()  # still the current run: its end is shown (Task.cancel would forget it)
        if self._export_job is not None:
            self._export_job.cancelled = True
        self.export_cancel_button.setEnabled(False)
        self._tell(self.tr("Cancelling the export…"))

    def _set_exporting(self, busy: bool) -> None:
        self.export_progress.setVisible(busy)
        self.export_cancel_button.setVisible(busy)
        self.export_cancel_button.setEnabled(busy)
        self.export_button.setEnabled(not busy)

    def _tell(self, text: str, colour: str = "") -> None:
        self._exported = None
        self.export_label.setText(text)
        set_style(self.export_label, f"color: ${colour}; font-weight: bold;" if colour else "")
        self.export_label.setVisible(bool(text))

    def _on_export_worker_progress(self, progress: tuple[int, int], current: bool) -> None:
        done, total = progress
        if not current:
            return
        self.export_progress.setMaximum(max(total, 1))
        self.export_progress.setValue(done)
        self.export_progress.setFormat(
            self.tr("{done} of {total} entries").format(done=f"{done:,}", total=f"{total:,}")
        )

    def _on_export_worker_error(self, exc: Exception) -> None:
        job = self._export_job
        if job is None:
            return
        if isinstance(exc, ExportFailed):
            message = self.tr("✘ Not exported: {path} could not be written: {why}. Nothing was written there.")
            self._tell(message.format(path=exc.path, why=exc.why), "error")
        elif not isinstance(exc, ExportCancelled):
            message = self.tr("✘ Not exported: the history could not be read: {why}. Nothing was written to {path}.")
            self._tell(message.format(why=i18n.why(exc), path=job.path), "error")

    def _on_export_worker_finished(self, current: bool) -> None:
        job = self._export_job
        if not current or job is None:
            return
        self._export_job = None
        self._set_exporting(False)
        if job.count is not None:  # the file is in place (even when Cancel came after the last row)
            count, path = job.count, job.path

            def exported() -> str:
                return self.tr("✔ %Ln entry(ies) exported to {path}.", "", count).format(path=path)

            self._tell(exported(), "ok")
            self._exported = exported  # worded again in another language (retranslate)
        elif job.cancelled:
            self._tell(self.tr("Export cancelled: nothing was written to {path}.").format(path=job.path))
        self.exportFinished.emit(job.count is not None)
