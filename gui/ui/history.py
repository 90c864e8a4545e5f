"""The History tab: every request attempt from the store, filterable, with its exact request and answer.

`HistoryModel` reads the store a page at a time (`canFetchMore`/`fetchMore`, pages of
`PAGE_SIZE`), so 100,000 entries open and filter in the time of one count and one page.
`HistoryPanel` adds the filter bar (outcome, device, from/to date, text; debounced),
the detail pane (the request as the client builds it, api-key masked: the key is never
stored; the body, pretty-printed when JSON; the answer), "Resend selected" (emits
`resendRequested` with the outbox ids: the window re-queues them, see `requeue_for_resend`)
and "Export CSV…" (the matching entries; there is no key to leak).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.data.store import AttemptOutcome, HistoryEntry, HistoryFilter, HistorySummary, State, Store
from gui.onenet.client import MASK, ConfigError, OneNetClient, describe_request
from gui.onenet.formats import EncodedBody, FormatError, decode
from gui.onenet.readings import PLATFORM_TZ, Readings
from gui.ui.settings import DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS

__all__ = [
    "CSV_COLUMNS",
    "PAGE_SIZE",
    "HistoryModel",
    "HistoryPanel",
    "detail_text",
    "requeue_for_resend",
]

_Index = QModelIndex | QPersistentModelIndex
#: Rows read from the store per `fetchMore`.
PAGE_SIZE = 500
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: The header of "Export CSV…".
CSV_COLUMNS = (
    "time",
    "request_id",
    "attempt",
    "endpoint",
    "device_id",
    "type",
    "datapoints",
    "outcome",
    "http_status",
    "errno",
    "latency_ms",
    "error",
    "body",
)
_OUTCOME_COLOURS = {"sent": "#1b7f3b", "failed": "#b00020", "unknown": "#b45f06"}


def _format_time(at: datetime, tz: tzinfo) -> str:
    local = at.astimezone(tz)
    return local.strftime(TIME_FORMAT) + f".{local.microsecond // 1000:03d}"


class HistoryModel(QAbstractTableModel):
    """History rows matching a `HistoryFilter`, newest first, read from the store lazily."""

    TIME, DEVICE, FORMAT, DATAPOINTS, OUTCOME, HTTP, ERRNO, LATENCY = range(8)
    #: Custom role: the `HistorySummary` of an index's row.
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self._filter = HistoryFilter()
        self._snapshot = HistoryFilter(max_request_id=0)
        self._rows: list[HistorySummary] = []
        self._total = 0
        self._tz: tzinfo = PLATFORM_TZ

    # --- what is shown -----------------------------------------------------------------
    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many entries match the filter (fetched or not)."""
        return self._total

    def set_filter(self, flt: HistoryFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-read the store: count the matching entries and fetch the first page (the view asks for more)."""
        self.beginResetModel()
        last = self.store.last_request_id()
        flt = self._filter
        self._snapshot = HistoryFilter(flt.outcome, flt.device, flt.since, flt.until, flt.text, last)
        self._total = self.store.history_count(self._snapshot)
        self._rows = []
        self.endResetModel()
        if self._total:
            self.fetchMore(QModelIndex())

    def set_display_tz(self, tz: tzinfo) -> None:
        self._tz = tz
        if self._rows:
            self.dataChanged.emit(self.index(0, self.TIME), self.index(len(self._rows) - 1, self.TIME))

    @property
    def display_tz(self) -> tzinfo:
        return self._tz

    def summary(self, row: int) -> HistorySummary:
        return self._rows[row]

    def pages(self, with_body: bool = False, page_size: int = 5000) -> Iterable[HistorySummary]:
        """Every matching entry (as of the last refresh), a page at a time, from the store."""
        offset = 0
        while True:
            page = self.store.history_page(self._snapshot, offset, page_size, with_body=with_body)
            yield from page
            if len(page) < page_size:
                return
            offset += len(page)

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        page = self.store.history_page(self._snapshot, len(self._rows), self.page_size)
        if not page:
            self._total = len(self._rows)  # pruned meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("Time"),
            self.tr("Device"),
            self.tr("Format"),
            self.tr("Datapoints"),
            self.tr("Outcome"),
            self.tr("HTTP"),
            self.tr("errno"),
            self.tr("Latency"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == self.SummaryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and entry.outcome in _OUTCOME_COLOURS:
            return QBrush(QColor(_OUTCOME_COLOURS[entry.outcome]))
        if role == Qt.ItemDataRole.ToolTipRole and entry.error:
            return entry.error
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.DATAPOINTS,
            self.HTTP,
            self.ERRNO,
            self.LATENCY,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: HistorySummary, column: int) -> str | None:
        if column == self.TIME:
            return _format_time(entry.time, self._tz)
        if column == self.DEVICE:
            return entry.device_id
        if column == self.FORMAT:
            return self.tr("type {n}").format(n=int(entry.body_type))
        if column == self.DATAPOINTS:
            return str(entry.datapoints)
        if column == self.OUTCOME:
            text = {
                "sent": self.tr("sent"),
                "failed": self.tr("failed"),
                "unknown": self.tr("unknown"),
                "unsent": self.tr("not sent"),
            }
            outcome = text.get(entry.outcome, entry.outcome or self.tr("in flight"))
            return outcome if entry.number in (None, 1) else f"{outcome} (#{entry.number})"
        if column == self.HTTP:
            return "" if entry.http_status is None else str(entry.http_status)
        if column == self.ERRNO:
            return "" if entry.errno is None else str(entry.errno)
        if column == self.LATENCY:
            return "" if entry.latency_s is None else f"{entry.latency_s * 1000:.0f} ms"
        return None


def _pretty_body(entry: HistoryEntry) -> str:
    text = entry.body.decode("utf-8", errors="replace")
    if "json" in entry.content_type:
        try:
            return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            return text
    return text


def detail_text(entry: HistoryEntry, tz: tzinfo = PLATFORM_TZ) -> str:
    """The request (as the client builds it, api-key masked), the body and the answer, as text."""
    try:
        # The key is never stored: a placeholder goes in and describe_request masks it.
        client = OneNetClient(entry.endpoint, entry.device_id, "not-stored")
        prepared = client.prepare_upload(EncodedBody(entry.body_type, entry.body, entry.content_type))
        head, url = describe_request(prepared, mask=MASK), prepared.url or ""
    except ConfigError as exc:
        head, url = f"(cannot rebuild the request: {exc})", entry.endpoint
    attempt = entry.attempt
    lines = [f"Request #{entry.request_id}", f"URL: {url}", f"Type: {int(entry.body_type)}", "", head, ""]
    lines += [f"Body ({len(entry.body)} bytes, {entry.datapoints} datapoints):", _pretty_body(entry), "", "Response"]
    if attempt is None:
        outcome = entry.request_outcome.value if entry.request_outcome else "in flight"
        lines.append(f"no answer recorded (the program stopped while sending); outcome: {outcome}")
    else:
        lines += [
            f"Attempt: {attempt.number}, started {_format_time(attempt.started, tz)}",
            f"Outcome: {attempt.outcome.value}",
            f"HTTP status: {'' if attempt.http_status is None else attempt.http_status}",
            f"errno: {'' if attempt.errno is None else attempt.errno}",
            f"error: {attempt.error}",
            f"Latency: {attempt.latency_s * 1000:.0f} ms",
            "",
            attempt.response,
        ]
    return "\n".join(lines)


def requeue_for_resend(store: Store, ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Make these outbox rows go out again: `(editor_ids, queued_ids)`.

    Rows in the editor become "not sent" there (`draft`, as "Mark all unsent" does) so the
    next Send takes them; rows no longer in the editor are queued (`unsent`) for
    `onenet-uploader outbox send`. Rows being sent are left alone.
    """
    rows = [r for r in store.get(sorted(set(ids))) if r.state is not State.IN_FLIGHT]
    editor = [r.id for r in rows if r.in_editor]
    queued = [r.id for r in rows if not r.in_editor]
    if editor:
        store.set_state(editor, State.DRAFT)
    if queued:
        store.set_state(queued, State.UNSENT)
    return editor, queued


class HistoryPanel(QWidget):
    """Filter bar, the lazily filled table, the detail pane, Resend and Export.

    `keep_days_spin` shows the retention (days; 0: forever); the window stores it in its
    settings and prunes the history to it at start-up.
    """

    #: Outbox ids of the selected entries' rows, to be sent again.
    resendRequested = Signal(list)
    #: (endpoint, device id, Readings) of the selected requests that were stored (see verify_selected)
    verifyRequested = Signal(str, str, object)
    DEBOUNCE_MS = 250

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
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
        filters.addWidget(self.device_edit)
        filters.addWidget(self.from_check)
        filters.addWidget(self.from_date)
        filters.addWidget(self.to_check)
        filters.addWidget(self.to_date)
        filters.addWidget(self.search_edit, 2)

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
        metrics = self.fontMetrics()
        for column, sample in enumerate(
            ("2026-01-01 00:00:00.000", "device 0000000", "type 0", "Datapoints", "unknown (#4)", "HTTP", "errno")
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)

        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(self.tr("Select a request to see exactly what was sent and what came back"))
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.resend_button = QPushButton(self.tr("&Resend selected"))
        self.resend_button.setEnabled(False)
        self.resend_button.setToolTip(self.tr("Mark the selected requests' datapoints to be sent again"))
        self.verify_button = QPushButton(self.tr("&Verify selected"))
        self.verify_button.setEnabled(False)
        self.verify_button.setToolTip(self.tr("Read the selected requests' datapoints back from the platform"))
        self.export_button = QPushButton(self.tr("Export &CSV…"))
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(keep_label)
        buttons.addWidget(self.keep_days_spin)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

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
        self.verify_button.clicked.connect(self.verify_selected)
        self.export_button.clicked.connect(self._on_export_clicked)
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

    def refresh(self) -> None:
        """Re-read the store (after a send): the filter stays, the selection and detail go."""
        self.model.refresh()
        self.detail.clear()

    def set_time_zone(self, tz: tzinfo, name: str = "") -> None:
        self.model.set_display_tz(tz)
        self.table.horizontalHeader().setToolTip(self.tr("Times in {zone}").format(zone=name or str(tz)))

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = self.tr("1 request matches") if total == 1 else self.tr("{total} requests match").format(total=total)
        self.count_label.setText(text + self.tr(", {shown} loaded").format(shown=shown))

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
        entry = self.entry(summaries[-1]) if summaries else None
        if entry is None:
            self.detail.clear()
        else:
            self.detail.setPlainText(detail_text(entry, self.model.display_tz))

    def resend_selected(self) -> list[int]:
        """Emit `resendRequested` with the outbox ids the selected requests carried; returns them."""
        ids: set[int] = set()
        for summary in self.selected_summaries():
            entry = self.entry(summary)
            if entry is not None:
                ids.update(entry.outbox_ids)
        if ids:
            self.resendRequested.emit(sorted(ids))
        return sorted(ids)

    def verify_selected(self) -> str:
        """Emit `verifyRequested` with what the selected stored requests carried; returns a problem or "".

        The bodies are decoded as sent (`gui.onenet.formats.decode`); only requests the
        platform answered with errno 0 are taken, and all must be of one endpoint and device.
        """
        entries = [e for e in map(self.entry, self.selected_summaries()) if e is not None]
        stored = [e for e in entries if e.attempt is not None and e.attempt.outcome is AttemptOutcome.SENT]
        if not stored:
            return self.tr("None of the selected requests was stored (errno 0): nothing to verify.")
        targets = {(e.endpoint, e.device_id) for e in stored}
        if len(targets) != 1:
            return self.tr("Select requests of one endpoint and device.")
        try:
            pairs = [pair for e in stored for pair in decode(e.body, e.body_type).pairs()]
        except FormatError as exc:
            return self.tr("A stored body cannot be read back: {why}").format(why=exc)
        ((endpoint, device_id),) = targets
        self.verifyRequested.emit(endpoint, device_id, Readings.from_pairs(pairs))
        return ""

    # --- export ---------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), "history.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> int:
        """Write every entry matching the filter to `path` (UTF-8 with BOM, for Excel); returns the count.

        The api-key is never in the store, so never in the file.
        """
        tz = self.model.display_tz
        count = 0
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for s in self.model.pages(with_body=True):
                writer.writerow(
                    [
                        _format_time(s.time, tz),
                        s.request_id,
                        "" if s.number is None else s.number,
                        s.endpoint,
                        s.device_id,
                        int(s.body_type),
                        s.datapoints,
                        s.outcome,
                        "" if s.http_status is None else s.http_status,
                        "" if s.errno is None else s.errno,
                        "" if s.latency_s is None else f"{s.latency_s * 1000:.1f}",
                        s.error,
                        (s.body or b"").decode("utf-8", errors="replace"),
                    ]
                )
                count += 1
        return count
