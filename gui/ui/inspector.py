"""The inspector: every request the sandbox received, its bytes, verdict and answer; filter, curl, import, export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.sandbox.capture import Capture, Exchange, Severity, as_curl, hex_dump, shown_bytes
from gui.ui.colours import brush
from gui.ui.tables import row_table, text_width

if TYPE_CHECKING:
    import requests

    from gui.ui.compare_dialog import CompareDialog

_Index = QModelIndex | QPersistentModelIndex
MIN_REQUEST_WIDTH, MAX_REQUEST_WIDTH = 100, 320  # px of the Request column (method and path, elided in the middle)
MIN_CLIENT_WIDTH = 90  # px of the From column (address and port, elided in the middle)
_COLOURS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def _worst(exchange: Exchange) -> Severity | None:
    for severity in (Severity.ERROR, Severity.WARNING, Severity.NOTE):
        if any(f.severity is severity for f in exchange.findings):
            return severity
    return None


class ExchangesModel(QAbstractTableModel):
    """One row per captured request: number, time, client, request (method and path), device, HTTP status, errno,
    verdict. The time shows seconds; its tooltip the date and milliseconds."""

    NUMBER, TIME, CLIENT, TARGET, DEVICE, STATUS, ERRNO, VERDICT = range(8)
    #: The Exchange of a row.
    ExchangeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, capacity: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Exchange] = []
        self.capacity = capacity

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("#"),
            self.tr("Time"),
            self.tr("From"),
            self.tr("Request"),
            self.tr("Device"),
            self.tr("HTTP"),
            self.tr("errno"),
            self.tr("Verdict"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        exchange = self._rows[index.row()]
        column = index.column()
        if role == self.ExchangeRole:
            return exchange
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(exchange, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERDICT:
            colour = _COLOURS.get(_worst(exchange) or Severity.NOTE)
            return brush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.VERDICT:
            return exchange.verdict_in(i18n.render)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TIME:
            return exchange.received.astimezone().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
        return None

    def _text(self, exchange: Exchange, column: int) -> str:
        if column == self.NUMBER:
            return str(exchange.number)
        if column == self.TIME:
            return exchange.received.astimezone().strftime("%H:%M:%S")
        if column == self.CLIENT:
            return exchange.client
        if column == self.TARGET:
            return f"{exchange.method} {exchange.target}".strip()
        if column == self.DEVICE:
            return exchange.device or ""
        if column == self.STATUS:
            return str(exchange.status) if exchange.status else self.tr("none")
        if column == self.ERRNO:
            return "" if exchange.errno is None else str(exchange.errno)
        if not exchange.findings:
            return self.tr("no rule broken")
        worst = _worst(exchange)
        first = next(f for f in exchange.findings if f.severity is worst)
        return i18n.render(first.message) if first.message is not None else first.text

    def append(self, exchange: Exchange) -> None:
        """Add a captured request at the end, dropping the oldest beyond the capacity (as the capture does)."""
        if len(self._rows) >= self.capacity:
            drop = len(self._rows) - self.capacity + 1
            self.beginRemoveRows(QModelIndex(), 0, drop - 1)
            del self._rows[:drop]
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(exchange)
        self.endInsertRows()

    def reset(self, exchanges: list[Exchange]) -> None:
        self.beginResetModel()
        self._rows = list(exchanges[-self.capacity :])
        self.endResetModel()

    def exchanges(self) -> list[Exchange]:
        return list(self._rows)


class ExchangeFilter(QSortFilterProxyModel):
    """Shows the rows of one device (or all) and of one kind of outcome (all, accepted, refused, with a warning)."""

    ALL, ACCEPTED, REFUSED, WARNED = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device: str | None = None
        self._kind = self.ALL

    def set_device(self, device: str | None) -> None:
        """Only requests to ``device`` (None: every request)."""
        self._refilter(device, self._kind)

    def set_kind(self, kind: int) -> None:
        """One of ALL, ACCEPTED (errno 0), REFUSED (no errno 0), WARNED (a warning)."""
        self._refilter(self._device, kind)

    def _refilter(self, device: str | None, kind: int) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10; invalidateRowsFilter() is deprecated there
            self.beginFilterChange()
            self._device, self._kind = device, kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._device, self._kind = device, kind
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        exchange: Exchange = self.sourceModel().data(index, ExchangesModel.ExchangeRole)
        if self._device is not None and exchange.device != self._device:
            return False
        if self._kind == self.ACCEPTED:
            return exchange.errno == 0
        if self._kind == self.REFUSED:
            return exchange.errno != 0
        if self._kind == self.WARNED:
            return any(f.severity is Severity.WARNING for f in exchange.findings)
        return True


class _Arrivals(QObject):
    """Carries exchanges from the sandbox's threads to the GUI thread (a queued signal)."""

    arrived = Signal(object)


class InspectorPanel(QWidget):
    """The sandbox's captured requests: a table filterable by device and outcome, and the selected one whole.

    Give it the sandbox's :class:`~gui.sandbox.capture.Capture` and the URL a
    copied curl command should target (:meth:`set_capture`). ``readingsImported``
    carries the datapoints (a :class:`~gui.onenet.readings.Readings`) of the
    selected request when the user imports them. The api-key is masked in
    everything shown, copied or exported (the capture never holds it).
    "Compare with the editor's request" (`compare_button`) opens a
    :class:`~gui.ui.compare_dialog.CompareDialog` of the selected request
    beside the one given to :meth:`set_editor_request`.
    """

    readingsImported = Signal(object)

    def __init__(self, capture: Capture | None = None, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._url = url
        self._unsubscribe: Callable[[], None] | None = None
        self._editor_request: requests.PreparedRequest | None = None
        self._editor_problem = self.tr("The editor has no request to send")
        self.compare_dialog: CompareDialog | None = None
        self._arrivals = _Arrivals(self)
        self._arrivals.arrived.connect(self._on_arrivals_arrived)
        self.model = ExchangesModel(capture.capacity if capture is not None else 1000, self)
        self.proxy = ExchangeFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        if capture is not None:
            self.set_capture(capture, url)

    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("All devices"), None)
        self.kind_combo = QComboBox()
        for label, kind in (
            (self.tr("All requests"), ExchangeFilter.ALL),
            (self.tr("Accepted (errno 0)"), ExchangeFilter.ACCEPTED),
            (self.tr("Refused"), ExchangeFilter.REFUSED),
            (self.tr("With a warning"), ExchangeFilter.WARNED),
        ):
            self.kind_combo.addItem(label, kind)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Device:")))
        filters.addWidget(self.device_combo)
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.kind_combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self._client_width = text_width(self, "127.0.0.1:65535")
        widths = [text_width(self, "9999"), text_width(self, "00:00:00"), self._client_width]
        widths += [MAX_REQUEST_WIDTH, text_width(self, "4093215"), text_width(self, "HTTP"), text_width(self, "errno")]
        self.table = row_table(
            self.proxy,
            widths,
            stretch=ExchangesModel.VERDICT,
            elide_middle=[ExchangesModel.CLIENT, ExchangesModel.TARGET],
        )
        self.table.viewport().installEventFilter(self)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.request_text = QPlainTextEdit(readOnly=True)
        self.hex_text = QPlainTextEdit(readOnly=True)
        self.answer_text = QPlainTextEdit(readOnly=True)
        for text in (self.request_text, self.hex_text, self.answer_text):
            text.setFont(mono)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.verdict_text = QPlainTextEdit(readOnly=True)
        self.details = QTabWidget()
        self.details.addTab(self.request_text, self.tr("Request"))
        self.details.addTab(self.hex_text, self.tr("Hex"))
        self.details.addTab(self.answer_text, self.tr("Answer"))
        self.details.addTab(self.verdict_text, self.tr("Verdict"))

        self.curl_button = QPushButton(self.tr("Copy as curl"))
        self.import_button = QPushButton(self.tr("Import as readings"))
        self.compare_button = QPushButton(self.tr("Compare with the editor's request"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save every captured request as JSON lines (api-keys masked)"))
        self.message_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.curl_button, self.import_button, self.compare_button, self.export_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message_label, 1)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)

        self.device_combo.currentIndexChanged.connect(self._on_device_combo_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.curl_button.clicked.connect(self.copy_as_curl)
        self.import_button.clicked.connect(self.import_readings)
        self.compare_button.clicked.connect(self.compare)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self._show(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Fit the columns to the view: 30 % of it for the verdict (which stretches over what is left), the
        rest first for the fixed columns, then for From and Request, both elided in the middle when narrow."""
        header = self.table.horizontalHeader()
        view = self.table.viewport().width()
        flexible = (ExchangesModel.CLIENT, ExchangesModel.TARGET, ExchangesModel.VERDICT)
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in flexible)
        rest = view - fixed - view * 3 // 10
        client = min(self._client_width, max(MIN_CLIENT_WIDTH, rest * 3 // 10))
        header.resizeSection(ExchangesModel.CLIENT, client)
        header.resizeSection(ExchangesModel.TARGET, min(MAX_REQUEST_WIDTH, max(MIN_REQUEST_WIDTH, rest - client)))

    # -- the capture ----------------------------------------------------------------------------

    def set_capture(self, capture: Capture | None, url: str = "") -> None:
        """Show ``capture`` (what it holds now, then each new request as it arrives); None shows nothing."""
        self.detach()
        self._url = url
        if capture is None:
            self.model.reset([])
        else:
            self.model.capacity = capture.capacity
            self._unsubscribe = capture.subscribe(self._arrivals.arrived.emit)
            self.model.reset(capture.exchanges())
            # the capture's listener must not outlive this panel's signal object
            self._arrivals.destroyed.connect(self._unsubscribe)
        self._refresh_devices()
        self._update_count()

    def detach(self) -> None:
        """Stop following the capture (what is shown stays)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_arrivals_arrived(self, exchange: Exchange) -> None:
        self.model.append(exchange)
        if exchange.device is not None and self.device_combo.findData(exchange.device) < 0:
            self.device_combo.addItem(exchange.device, exchange.device)
        self._update_count()

    def _refresh_devices(self) -> None:
        current = self.device_combo.currentData()
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        self.device_combo.addItem(self.tr("All devices"), None)
        for device in sorted({e.device for e in self.model.exchanges() if e.device is not None}):
            self.device_combo.addItem(device, device)
        self.device_combo.setCurrentIndex(max(self.device_combo.findData(current), 0))
        self.device_combo.blockSignals(False)
        self.proxy.set_device(self.device_combo.currentData())

    def retranslate(self) -> None:
        """The count in the language now in use (the window retranslates the static texts)."""
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{requests}").format(requests=i18n.requests(total)))
        else:
            self.count_label.setText(self.tr("{shown} of {total} requests").format(shown=shown, total=total))

    # -- filters and selection ----------------------------------------------------------------------

    def _on_device_combo_changed(self, _index: int) -> None:
        self.proxy.set_device(self.device_combo.currentData())
        self._update_count()

    def _on_kind_combo_changed(self, _index: int) -> None:
        self.proxy.set_kind(int(self.kind_combo.currentData()))
        self._update_count()

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.selected())

    def selected(self) -> Exchange | None:
        """The request selected in the table, or None."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        exchange: Exchange = self.proxy.data(index, ExchangesModel.ExchangeRole)
        return exchange

    def _show(self, exchange: Exchange | None) -> None:
        self.message_label.clear()
        self._update_compare_button()
        for button in (self.curl_button, self.import_button):
            button.setEnabled(exchange is not None)
        if exchange is None:
            for text in (self.request_text, self.hex_text, self.answer_text, self.verdict_text):
                text.clear()
            return
        self.request_text.setPlainText(shown_bytes(exchange.raw))
        self.hex_text.setPlainText(hex_dump(exchange.raw))
        self.answer_text.setPlainText(shown_bytes(exchange.answer) if exchange.answer else self.tr("(no answer)"))
        self.verdict_text.setPlainText(exchange.verdict_in(i18n.render))
        self.import_button.setEnabled(exchange.method == "POST" and exchange.device is not None)

    def _update_compare_button(self) -> None:
        if self.selected() is None:
            why = self.tr("Select a captured request to compare it with the editor's")
        elif self._editor_request is None:
            why = self._editor_problem
        else:
            why = ""
        self.compare_button.setEnabled(not why)
        self.compare_button.setToolTip(
            why or self.tr("Show the selected request and the editor's side by side: headers, bodies, datapoints")
        )

    def set_editor_request(self, prepared: requests.PreparedRequest | None, problem: str = "") -> None:
        """The request the editor would send now (None: it has none, `problem` says why) to compare with."""
        self._editor_request = prepared
        self._editor_problem = problem or self.tr("The editor has no request to send")
        self._update_compare_button()

    # -- actions -------------------------------------------------------------------------------------

    def copy_as_curl(self) -> str:
        """Put the selected request on the clipboard as a curl command (the api-key as $ONENET_API_KEY); returns it.

        "" (the reason shown) when nothing is selected or the body is not text a shell can pass.
        """
        exchange = self.selected()
        if exchange is None:
            return ""
        try:
            command = as_curl(exchange, self._url or "http://127.0.0.1")
        except ValueError:
            self.message_label.setText(self.tr("Not copied: this body is not UTF-8 text, which a shell cannot pass."))
            return ""
        QGuiApplication.clipboard().setText(command)
        self.message_label.setText(
            self.tr("Copied; in the terminal, set $ONENET_API_KEY (or $ONENET_TOKEN) to the key before running it.")
        )
        return command

    def import_readings(self) -> bool:
        """Emit ``readingsImported`` with the selected upload's datapoints; False (the reason shown) if none."""
        exchange = self.selected()
        if exchange is None:
            return False
        try:
            readings = exchange.readings()
        except ValueError as exc:
            self.message_label.setText(self.tr("Cannot import: {reason}").format(reason=exc))
            return False
        self.readingsImported.emit(readings)
        self.message_label.setText(self.tr("{points} imported").format(points=i18n.datapoints(len(readings))))
        return True

    def compare(self) -> CompareDialog | None:
        """Open the selected request beside the editor's in a dialog (returned); None when either is missing."""
        from gui.ui.compare_dialog import CompareDialog, RequestSide

        exchange, prepared = self.selected(), self._editor_request
        if exchange is None or prepared is None:
            return None
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(
            RequestSide.of_exchange(exchange, self.tr("Captured request #{number}").format(number=exchange.number)),
            RequestSide.of_prepared(prepared, self.tr("The editor's request")),
            self,
        )
        self.compare_dialog.show()
        return self.compare_dialog

    def export_to(self, path: Path) -> int:
        """Write every captured request shown in the table (all of them, filters aside) as JSON lines; the count."""
        exchanges = self.model.exchanges()
        with path.open("w", encoding="utf-8") as file:
            for exchange in exchanges:
                file.write(json.dumps(exchange.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
        return len(exchanges)

    def _on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export captured requests"), "sandbox-requests.jsonl", self.tr("JSON lines (*.jsonl)")
        )
        if not name:
            return
        try:
            count = self.export_to(Path(name))
        except OSError as exc:
            self.message_label.setText(self.tr("Not saved: {reason}").format(reason=exc.strerror or exc))
            return
        self.message_label.setText(self.tr("{requests} saved").format(requests=i18n.requests(count)))
