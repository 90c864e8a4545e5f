"""File > Import…: read a file of readings, show how it was read, let the user adjust, import the good rows."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.importers import (
    ZONE_UNSTATED,
    ImportCancelled,
    ImportFailed,
    ImportOptions,
    ImportResult,
    MissingTime,
    import_file,
    write_rejected,
)
from gui.data.store import StoreError, content_hash
from gui.onenet.readings import kind_of
from gui.ui.colours import set_style
from gui.ui.import_columns import ColumnsTable
from gui.ui.import_preview import GREEN, ORANGE, RED, PreviewModel, ProblemsBox
from gui.ui.import_settings import ReadSettings
from gui.ui.preview import human_bytes
from gui.ui.rows import Row
from gui.ui.screens import fit_to_screen
from gui.ui.settings import system_zone_name
from gui.ui.workers import Task, Worker

#: Above this many datapoints the dialog says the editor may get slow.
LARGE_IMPORT = 100_000


class ImportDialog(QDialog):
    """Reads a file on a worker as the user adjusts how; "Import N datapoints" hands the good rows on.

    `on_import(rows)` receives the editor rows (built on a worker, and passed
    through `prepare` there when given, e.g. to store them) and the dialog
    closes; `source_zone` is the default zone of the file's times
    (the computer's, or with `zone_remembered` the zone of the last import:
    either way the dialog says it is used and importing confirms it).
    `editor_zone` is the zone the editor shows times in: when the file's
    times will show otherwise in the table, the dialog says how ("08:30 in
    the file shows as 00:30 in the table…") and offers to show the editor
    in the file's zone (`showInZone(name)`). Each row remembers its source (the file's SHA-256, its row).
    `queued_before(sha256)`, called on the worker, gives the (row, stream id) of this
    file's datapoints that already wait or were sent: when some are imported again the
    dialog asks first (`again_box`: "Import again" / "Cancel", Cancel the default).
    Collaborators are passed in so tests can drive it.
    """

    finishedReading = Signal(bool)  # after every read, once it has ended: True when a result is shown
    imported = Signal(int)  # datapoints handed to on_import
    rejectedSaved = Signal(int, str)  # rows written, path
    showInZone = Signal(str)  # the user asks the editor to show times in this zone (a `parse_zone` name)

    COL_INCLUDE, COL_NAME, COL_ROLE, COL_ID, COL_KIND, COL_NOTE = (
        ColumnsTable.COL_INCLUDE,
        ColumnsTable.COL_NAME,
        ColumnsTable.COL_ROLE,
        ColumnsTable.COL_ID,
        ColumnsTable.COL_KIND,
        ColumnsTable.COL_NOTE,
    )

    def __init__(
        self,
        path: str | Path,
        on_import: Callable[[Sequence[Row]], None],
        pool: QThreadPool,
        source_zone: str | None = None,
        parent: QWidget | None = None,
        prepare: Callable[[list[Row]], Sequence[Row]] | None = None,
        queued_before: Callable[[str], Collection[tuple[int, str]]] | None = None,
        editor_zone: str = "",
        zone_remembered: bool = False,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._on_import = on_import
        self._prepare = prepare
        self._queued_before = queued_before
        #: The question when rows of this file already wait or were sent (shown window-modal, not blocking).
        self.again_box: QMessageBox | None = None
        self.pool = pool
        self._source_zone = source_zone or system_zone_name()
        self._zone_remembered = bool(source_zone) and zone_remembered
        self._editor_zone = editor_zone
        self.work = Task(pool, self)  # the read, import or save of rejected rows running (one at a time)
        self._read: bool | None = None  # how the read ended, for finishedReading once its run has ended
        self.import_result: ImportResult | None = None
        self.failure = ""
        self._filling = False
        self._saving_to = ""
        self._zone_chosen = False  # the user chose the zone: for times without one (a zone the file states wins)
        self.setWindowTitle(self.tr("Import readings — {name}").format(name=self.path.name))
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.read)
        self._connect()
        fit_to_screen(self, QSize(1100, 840))
        self.read()

    # --- construction ------------------------------------------------------------------
    def _build(self) -> None:
        size = self.path.stat().st_size if self.path.exists() else 0
        self.file_label = QLabel(
            self.tr("<b>{name}</b> · {size} · {folder}").format(
                name=self.path.name, size=human_bytes(size), folder=self.path.parent
            )
        )
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.settings = settings = ReadSettings(self._source_zone, self._zone_remembered, self._editor_zone)
        # The controls by name, for tests and the dialog's own slots.
        self.encoding_combo, self.delimiter_combo = settings.encoding_combo, settings.delimiter_combo
        self.header_combo, self.layout_combo = settings.header_combo, settings.layout_combo
        self.sheet_combo, self.order_combo, self.zone_combo = (
            settings.sheet_combo,
            settings.order_combo,
            settings.zone_combo,
        )
        self.missing_time_combo, self.decimal_combo = settings.missing_time_combo, settings.decimal_combo
        self.header_row_spin, self.time_format_edit = settings.header_row_spin, settings.time_format_edit
        self.markers_edit, self.detected_label, self.order_note = (
            settings.markers_edit,
            settings.detected_label,
            settings.order_note,
        )
        self.zone_note, self.time_box, self.editor_zone_box = (
            settings.zone_note,
            settings.time_box,
            settings.editor_zone_box,
        )
        self.time_note, self.stamp_now_button = self.time_box.time_note, self.time_box.stamp_now_button
        self.first_date_edit = self.time_box.first_date_edit
        self.editor_zone_note, self.show_in_zone_button = self.editor_zone_box.note, self.editor_zone_box.button

        self.columns_table = ColumnsTable()
        columns_box = QGroupBox(self.tr("Columns"))
        QVBoxLayout(columns_box).addWidget(self.columns_table)

        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.verticalHeader().setDefaultSectionSize(22)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_view.horizontalHeader().setDefaultSectionSize(150)
        preview_box = QGroupBox(self.tr("First rows, as they will be sent (times in platform time, UTC+8)"))
        QVBoxLayout(preview_box).addWidget(self.preview_view)

        self.problems_box = ProblemsBox()
        self.problems_list = self.problems_box.problems_list
        # The tables may be squeezed to a header and a row: the form above takes more room in Chinese
        # (CJK fonts are taller), and the dialog still fits a 700 px screen.
        self.columns_table.setMinimumHeight(48)
        self.preview_view.setMinimumHeight(48)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(columns_box)
        splitter.addWidget(preview_box)
        splitter.addWidget(self.problems_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setToolTip(self.tr("Stop reading (or importing, or saving) the file"))
        self.stop_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.summary_label, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.stop_button)

        self.save_rejected_button = QPushButton(self.tr("&Save rejected rows…"))
        self.save_rejected_button.setToolTip(
            self.tr("Write the rows that cannot be imported, with the reason, to a CSV file to fix and import later")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejected_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(settings)
        layout.addWidget(splitter, 1)
        layout.addLayout(status_row)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for combo in (
            self.encoding_combo,
            self.delimiter_combo,
            self.header_combo,
            self.layout_combo,
            self.sheet_combo,
        ):
            combo.currentIndexChanged.connect(self._on_structure_changed)
        self.header_row_spin.valueChanged.connect(self._on_structure_changed)
        self.time_format_edit.editingFinished.connect(self._schedule)
        self.first_date_edit.editingFinished.connect(self._schedule)
        self.stamp_now_button.clicked.connect(self._on_stamp_now_button_clicked)
        self.editor_zone_box.showInZone.connect(self.showInZone)
        for combo in (self.order_combo, self.missing_time_combo, self.decimal_combo):
            combo.currentIndexChanged.connect(self._schedule)
        self.zone_combo.currentTextChanged.connect(self._on_zone_combo_changed)
        self.markers_edit.editingFinished.connect(self._schedule)
        self.columns_table.choicesChanged.connect(self._schedule)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.import_datapoints)
        self.save_rejected_button.clicked.connect(self._on_save_rejected_button_clicked)
        self.problems_box.rowActivated.connect(self._on_problems_box_rowActivated)

    # --- options -------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        """The ImportOptions the controls say now."""
        return self.settings.options(zone_from_file=not self._zone_chosen, columns=self.columns_table.choices)

    def _schedule(self) -> None:
        if not self._filling:
            self._timer.start()

    def _on_structure_changed(self) -> None:
        if self._filling:
            return
        self.columns_table.choices.clear()  # column numbers may mean other columns now
        self._schedule()

    def _on_stamp_now_button_clicked(self) -> None:
        """The explicit choice the dialog offers when no time column is understood."""
        self.missing_time_combo.setCurrentIndex(self.missing_time_combo.findData(MissingTime.NOW))

    def _on_zone_combo_changed(self, _text: str) -> None:
        if not self._filling:
            self._zone_chosen = True
        problem = self.zone_combo.problem  # the box read the text first (its own slot)
        if problem is not None:
            self._timer.stop()
            self.summary_label.setText(self.zone_combo.reason(problem))
            set_style(self.summary_label, f"color: ${ORANGE};")
            self.import_button.setEnabled(False)
            self.editor_zone_box.hide()  # it spoke of the zone read before
            return
        self._schedule()

    def zone_to_remember(self) -> str:
        """The zone in the box when the last read used it (chosen, or confirmed for times that state none); else ""."""
        result, zone = self.import_result, self.zone_combo.zone
        if result is None or zone is None or self.zone_combo.problem is not None:
            return ""
        return zone.name if result.detected.zone_reason in ("chosen", ZONE_UNSTATED) else ""

    # --- reading on a worker ---------------------------------------------------------------
    def read(self) -> None:
        """Read the file with the current options on a worker (a read still running is cancelled)."""
        self._timer.stop()
        self.stop(quiet=True)
        pattern = self.time_format_edit.text().strip()
        if pattern and "%" not in pattern:
            self.summary_label.setText(
                self.tr("“{pattern}” is not a time format: use % codes such as %d.%m.%Y %H:%M.").format(pattern=pattern)
            )
            set_style(self.summary_label, f"color: ${ORANGE};")
            self.import_button.setEnabled(False)
            return
        options = self.options()
        path = self.path

        def work(cancelled: Callable[[], bool]) -> ImportResult:
            return import_file(path, options, progress=worker.report_progress, cancelled=cancelled)

        worker = Worker(work)
        self._start(worker, self._on_read_result, self._on_read_error)
        self.summary_label.setText(self.tr("Reading {name}…").format(name=self.path.name))
        set_style(self.summary_label, "")

    def _start(self, worker: Worker, on_result: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        """Run `worker` as the current work: `on_result`/`on_error` are called for it only (`Task`)."""
        self.work.start(
            worker,
            result=on_result,
            error=on_error,
            progress=self._on_worker_progress,
            finished=self._on_worker_finished,
        )
        self._set_busy(True)

    def stop(self, quiet: bool = False) -> None:
        """Cancel the read (or save, or import) in progress; what is shown stays."""
        if not self.work.cancel():
            return
        self._read = None
        self._set_busy(False)
        if not quiet:
            self.summary_label.setText(self.tr("Stopped. Change a setting to read the file again."))
            set_style(self.summary_label, "")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.stop_button.setVisible(busy)
        self.import_button.setEnabled(not busy and self._can_import())
        self.save_rejected_button.setEnabled(not busy and bool(self.import_result and self.import_result.rows_rejected))

    def _on_worker_progress(self, progress: tuple[int, int], current: bool) -> None:
        done, total = progress
        if current and total:
            self.progress.setValue(int(1000 * min(done, total) / total))

    def _on_worker_finished(self, current: bool) -> None:
        if current:
            self._set_busy(False)
            read, self._read = self._read, None
            if read is not None:  # said once the read has ended: the dialog can import or read again now
                self.finishedReading.emit(read)

    def _on_read_result(self, result: ImportResult) -> None:
        self.import_result, self.failure = result, ""
        self._show(result)
        self._read = True

    def _on_read_error(self, exc: Exception) -> None:
        if isinstance(exc, ImportCancelled):
            return
        self.import_result = None
        if isinstance(exc, ImportFailed):
            self.failure = i18n.why(exc)
            if exc.sheets is not None:  # a workbook whose sheet cannot be read: the Sheet box offers the others
                self._filling = True
                try:
                    self.settings.show_sheets(exc.sheets)
                finally:
                    self._filling = False
        elif isinstance(exc, StoreError):  # the rows were read, the outbox could not take them (its path: in exc)
            self.failure = self.tr("Nothing imported, the outbox cannot be written: {why}").format(why=i18n.why(exc))
        else:
            self.failure = self.tr("Cannot read the file: {why}").format(why=f"{exc.__class__.__name__}: {exc}")
        self.preview_model.set_result(None)
        self.columns_table.clear_result()
        self.problems_box.clear()
        self.detected_label.setText("")
        self.order_note.hide()
        self.zone_note.show_for(None)
        self.editor_zone_box.show_for(None)
        self.time_box.hide()
        self.summary_label.setText(self.tr("✘ {why}").format(why=self.failure))
        set_style(self.summary_label, f"color: ${RED}; font-weight: bold;")
        self.import_button.setText(self.tr("Import"))
        self._read = False

    # --- showing a result ------------------------------------------------------------------
    def _can_import(self) -> bool:
        result = self.import_result
        return result is not None and not result.needs_answer and len(result) > 0 and self.zone_combo.problem is None

    def _show(self, result: ImportResult) -> None:
        self._filling = True
        try:
            self.settings.show_detected(result, self.columns_table.time_format_name)
            self.columns_table.fill(result)
        finally:
            self._filling = False
        self.preview_model.set_result(result)
        self.problems_box.show_result(result)
        self._show_summary(result)
        self._fit_sections(result)

    def _fit_sections(self, result: ImportResult) -> None:
        """Give the columns table room for its rows, the problems list room only when there are problems."""
        total = sum(self.splitter.sizes()) or 600
        row_height = self.columns_table.verticalHeader().defaultSectionSize()
        header_height = self.columns_table.horizontalHeader().sizeHint().height()
        columns = min(len(result.detected.columns), 8) * row_height + header_height + 48
        problems = 50 if not result.problem_count else min(200, 60 + 22 * result.problem_count)
        self.splitter.setSizes([columns, max(150, total - columns - problems), problems])

    def _show_summary(self, result: ImportResult) -> None:
        count = len(result)
        streams = result.stream_counts()
        if result.needs_date_order or result.zone_question or result.questions or result.needs_date:
            asked = [i18n.render(q)[:1].upper() + i18n.render(q)[1:] + "." for q in result.questions]
            if result.needs_date:
                asked.append(self.tr("Type the date of the first row to read the times of day."))
            if result.zone_question:
                asked.append(
                    self.tr("The time column says {text}: choose the zone the times were written in.").format(
                        text=result.zone_question_text
                    )
                )
            if result.needs_date_order:
                asked.append(self.tr("Choose the day/month order to read the times."))
            text = " ".join(asked)
            colour = ORANGE
        elif result.needs_time:
            text = self.tr("No time column: choose one, type the time format, or stamp the rows with the import time.")
            colour = ORANGE
        elif count == 0:
            text = self.tr("Nothing to import: {rows} read, {rejected} not imported.").format(
                rows=i18n.rows(result.rows_read), rejected=result.rows_rejected
            )
            colour = RED
        else:
            per = self.tr(", ").join(self.tr("{stream} ({n})").format(stream=sid, n=n) for sid, n in streams.items())
            text = self.tr("{points} from {rows} into {streams} ({per}).").format(
                points=i18n.datapoints(count),
                rows=i18n.rows(result.rows_read),
                streams=i18n.datastreams(len(streams)),
                per=per,
            )
            if result.rows_rejected:
                text += " " + self.tr(
                    "%Ln row(s) cannot be read and are not imported (see Problems).", "", result.rows_rejected
                )
            if count > LARGE_IMPORT:
                text += " " + self.tr(
                    "That many datapoints make the editor slow; `onenet-uploader send` uploads files this size."
                )
            colour = ORANGE if result.rows_rejected else GREEN
        self.summary_label.setText(text)
        set_style(self.summary_label, f"color: ${colour};")
        self.import_button.setText(
            self.tr("&Import %Ln datapoint(s)", "", count) if not result.needs_answer else self.tr("&Import")
        )
        self.import_button.setEnabled(self._can_import())
        self.save_rejected_button.setEnabled(bool(result.rows_rejected))

    # --- column edits ----------------------------------------------------------------------
    def set_stream_id(self, column_index: int, stream_id: str) -> None:
        """Type a datastream id into the columns table, as a user would."""
        self.columns_table.set_stream_id(column_index, stream_id)

    def include_checkbox(self, column_index: int) -> QCheckBox:
        """The Import checkbox of a column (for tests and accessibility tools)."""
        return self.columns_table.include_checkbox(column_index)

    def _on_problems_box_rowActivated(self, row: int) -> None:
        if self.import_result is None:
            return
        for r, preview in enumerate(self.import_result.preview):
            if preview.row == row:
                self.preview_view.selectRow(r)
                self.preview_view.scrollTo(self.preview_model.index(r, 0))
                return

    # --- import and save -------------------------------------------------------------------
    def import_datapoints(self, again: bool = False) -> None:
        """Build the editor rows on a worker, hand them to `on_import`, close.

        Unless `again`, rows of this file that already wait or were sent (`queued_before`)
        stop the import and the dialog asks (`again_box`); "Import again" calls this with `again`.
        """
        result = self.import_result
        if result is None or not self._can_import():
            return

        prepare = self._prepare
        queued_before = None if again else self._queued_before
        path = self.path

        def work(cancelled: Callable[[], bool]) -> Sequence[Row] | _QueuedBefore:
            digest = content_hash(path)
            rows: list[Row] = []
            pairs = zip(result.pairs(), result.table.source_rows(), strict=True)
            for n, ((stream_id, point), row) in enumerate(pairs):
                if n % 65536 == 0:
                    if cancelled():
                        raise ImportCancelled()
                    worker.report_progress(n, len(result))
                rows.append(Row(stream_id, point, kind_of(point.value), source=(digest, row)))
            if queued_before is not None:
                known = queued_before(digest)
                if known:
                    repeated = sum(1 for r in rows if r.source is not None and (r.source[1], r.stream_id) in known)
                    if repeated:
                        return _QueuedBefore(repeated, len(rows))
            if prepare is not None:
                worker.report_progress(len(result), len(result))
                return prepare(rows)  # e.g. into the outbox, one transaction, off the GUI thread
            return rows

        worker = Worker(work)
        self._start(worker, self._on_rows_ready, self._on_read_error)
        self.summary_label.setText(self.tr("Adding %Ln datapoint(s) to the editor…", "", len(result)))

    def _on_rows_ready(self, rows: Sequence[Row] | _QueuedBefore) -> None:
        if isinstance(rows, _QueuedBefore):
            self._ask_again(rows)
            return
        self._on_import(rows)
        self.imported.emit(len(rows))
        self.accept()

    def _ask_again(self, found: _QueuedBefore) -> None:
        """Some rows of this file already wait or were sent: "Import again" or "Cancel" (the default)."""
        self.summary_label.setText(
            self.tr(
                "%Ln of {total} datapoints of this file already wait to be sent or were sent.", "", found.repeated
            ).format(total=found.total)
        )
        set_style(self.summary_label, f"color: ${ORANGE};")
        box = self.again_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already queued"))
        box.setText(
            self.tr(
                "%Ln of the {total} datapoints in {name} were imported before and already wait to be sent or were "
                "sent to this device. Import them again? Datapoints without a time of their own would be stored twice.",
                "",
                found.repeated,
            ).format(total=found.total, name=self.path.name)
        )
        again = box.addButton(self.tr("Import again"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered() -> None:
            self.again_box = None
            if box.clickedButton() is again:
                self.import_datapoints(again=True)
            else:
                self.summary_label.setText(self.tr("Not imported: the datapoints of this file are already queued."))
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _on_save_rejected_button_clicked(self) -> None:
        default = str(self.path.with_name(f"{self.path.stem}-rejected.csv"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default, self.tr("CSV (*.csv)"))
        if path:
            self.save_rejected(path)

    def save_rejected(self, out_path: str) -> None:
        """Write the rejected rows (row number, reason, cells) to `out_path` as CSV, on a worker."""
        options = self.options()
        source = self.path

        def work(cancelled: Callable[[], bool]) -> int:
            return write_rejected(source, options, out_path, progress=worker.report_progress, cancelled=cancelled)

        worker = Worker(work)
        self._saving_to = out_path
        self._start(worker, self._on_rejected_saved, self._on_save_error)
        self.summary_label.setText(self.tr("Writing the rejected rows to {path}…").format(path=out_path))

    def _on_rejected_saved(self, count: int) -> None:
        path = self._saving_to
        self.summary_label.setText(self.tr("%Ln rejected row(s) written to {path}.", "", count).format(path=path))
        set_style(self.summary_label, f"color: ${GREEN};")
        self.rejectedSaved.emit(count, path)

    def _on_save_error(self, exc: Exception) -> None:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.summary_label.setText(self.tr("✘ The rejected rows could not be written: {why}").format(why=why))
        set_style(self.summary_label, f"color: ${RED}; font-weight: bold;")

    def done(self, code: int) -> None:
        """Close: a read still running is cancelled (its result is dropped)."""
        self._timer.stop()
        self.work.cancel()
        super().done(code)


@dataclass(frozen=True)
class _QueuedBefore:
    """What the import worker found: `repeated` of the `total` datapoints of the file already wait or were sent."""

    repeated: int
    total: int
