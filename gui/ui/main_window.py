"""The main window: connection, datapoints editor, exact request preview, send, response, plot."""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

import requests
from PySide6.QtCore import QDateTime, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import __version__
from gui.data.secrets import SecretStore
from gui.onenet.client import (
    DEFAULT_ENDPOINT,
    ConfigError,
    OneNetClient,
    OneNetError,
    PlatformResponse,
    describe_request,
    is_cleartext,
)
from gui.onenet.formats import BodyType, FormatError, encode
from gui.onenet.readings import Datapoint, Readings, ValueKind, localize, parse_json_object, parse_value
from gui.onenet.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.onenet.validation import Issue, Severity, validate
from gui.ui.datapoints_model import DatapointsModel, RowStatus
from gui.ui.import_dialog import ImportController
from gui.ui.plot import PlotPanel
from gui.ui.settings import Settings
from gui.ui.workers import Worker

SandboxFactory = Callable[[], Sandbox]


def default_sandbox() -> Sandbox:
    """An embedded sandbox on a free loopback port with the demo device."""
    return Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}).start()


@dataclass
class Outgoing:
    """The request the preview shows and Send sends: readings, their rows, the prepared request, issues."""

    readings: Readings
    rows: list[int]
    issues: list[Issue]
    client: OneNetClient | None = None
    prepared: requests.PreparedRequest | None = None
    problem: str = ""

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]


class MainWindow(QMainWindow):
    """Everything of one upload in one window; collaborators are passed in for tests."""

    sendFinished = Signal(bool)  # emitted after every send attempt: True on errno 0

    TIME_NOW, TIME_CHOSEN, TIME_NONE = range(3)

    def __init__(
        self,
        settings: QSettings,
        secrets: SecretStore,
        sandbox_factory: SandboxFactory = default_sandbox,
        thread_pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self.settings = Settings(settings)
        self.secrets = secrets
        self._sandbox_factory = sandbox_factory
        self.sandbox: Sandbox | None = None
        self._real_connection = (self.settings.endpoint, self.settings.device_id, "")
        self.pool = thread_pool or QThreadPool.globalInstance()
        self._worker: Worker | None = None  # the send the window waits for
        self._running: set[Worker] = set()  # every worker still on the pool, cancelled ones too
        self._outgoing: Outgoing | None = None
        self._in_flight_rows: list[int] = []
        self.model = DatapointsModel(parent=self)

        self.setWindowTitle(self.tr("OneNET Datapoint Uploader"))
        self._build_actions()
        self._build_ui()
        self._preview_timer = QTimer(self, singleShot=True, interval=80)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._connect_signals()
        self._restore()
        self.refresh_preview()

    # --- construction ------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.send_action = QAction(self.tr("&Send"), self)
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.setToolTip(self.tr("Send the request shown in the preview (Ctrl+Enter)"))
        self.cancel_action = QAction(self.tr("&Cancel send"), self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setEnabled(False)
        self.remove_action = QAction(self.tr("&Remove selected datapoints"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.resend_action = QAction(self.tr("Mark all datapoints &unsent"), self)
        self.clear_action = QAction(self.tr("C&lear all datapoints…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self.tr("&About"), self)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.quit_action)
        self.importer = ImportController(self, file_menu, before=self.quit_action)  # Import…, toolbar, drops
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.remove_action, self.resend_action, self.clear_action])
        request_menu = self.menuBar().addMenu(self.tr("&Request"))
        request_menu.addActions([self.send_action, self.cancel_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_ui(self) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # Connection
        self.endpoint_edit = QLineEdit()
        self.endpoint_edit.setPlaceholderText(DEFAULT_ENDPOINT)
        self.device_edit = QLineEdit()
        self.device_edit.setPlaceholderText(self.tr("e.g. 4093215"))
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("api-key of the device or product"))
        self.reveal_button = QToolButton()
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Show the api-key here and in the preview"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.reveal_button)
        self.sandbox_check = QCheckBox(self.tr("Use the local sandbox (no account needed)"))
        self.cleartext_label = QLabel(self.tr("⚠ Plain http sends the api-key in clear text. Use https."))
        self.cleartext_label.setStyleSheet("color: #b45f06;")
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setStyleSheet("color: #555;")
        connection = QGroupBox(self.tr("Connection"))
        form = QFormLayout(connection)
        form.addRow(self.tr("&Endpoint:"), self.endpoint_edit)
        form.addRow("", self.cleartext_label)
        form.addRow(self.tr("&Device id:"), self.device_edit)
        form.addRow(self.tr("api-&key:"), key_row)
        form.addRow("", self.keyring_label)
        form.addRow("", self.sandbox_check)

        # Editor: add form
        self.stream_combo = QComboBox(editable=True)
        self.stream_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.stream_combo.setPlaceholderText(self.tr("datastream id, e.g. temperature"))
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr('84, 23.001, text or {"x": 1}'))
        self.kind_combo = QComboBox()
        for kind, label in (
            (ValueKind.AUTO, self.tr("Auto")),
            (ValueKind.NUMBER, self.tr("Number")),
            (ValueKind.TEXT, self.tr("Text")),
            (ValueKind.JSON, self.tr("JSON object")),
        ):
            self.kind_combo.addItem(label, kind)
        self.time_combo = QComboBox()
        self.time_combo.addItems([self.tr("Now"), self.tr("Chosen time"), self.tr("No at (platform stamps it)")])
        self.time_combo.setToolTip(
            self.tr("'Now' stamps the reading when you add it, so sending it twice stores it once.")
        )
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setEnabled(False)
        self.zone_combo = QComboBox(editable=True)
        zones = sorted(zoneinfo.available_timezones())
        self.zone_combo.addItems(zones)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(zones, self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.setCompleter(completer)
        self.zone_combo.setToolTip(self.tr("Times are typed and shown in this zone; they are sent in UTC+8"))
        self.add_button = QPushButton(self.tr("&Add datapoint"))
        self.value_message = QLabel()
        self.value_message.setWordWrap(True)

        add_form = QFormLayout()
        add_form.addRow(self.tr("Data&stream:"), self.stream_combo)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.kind_combo)
        add_form.addRow(self.tr("&Value:"), value_row)
        add_form.addRow("", self.value_message)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_combo)
        time_row.addWidget(self.at_edit, 1)
        add_form.addRow(self.tr("a&t:"), time_row)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.zone_combo, 1)
        zone_row.addWidget(self.add_button)
        add_form.addRow(self.tr("Time &zone:"), zone_row)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 110), (1, 140), (2, 130), (3, 70)):
            self.table.setColumnWidth(column, width)
        self.table.addAction(self.remove_action)
        self.issues_list = QListWidget()
        self.issues_list.setMaximumHeight(110)
        self.issues_list.setWordWrap(True)

        editor = QGroupBox(self.tr("Datapoints"))
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(add_form)
        editor_layout.addWidget(self.table, 1)
        editor_layout.addWidget(self.issues_list)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(connection)
        left_layout.addWidget(editor, 1)

        # Preview
        self.summary_label = QLabel()
        self.request_text = QPlainTextEdit(readOnly=True)
        self.request_text.setFont(mono)
        self.request_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.pretty_text = QPlainTextEdit(readOnly=True)
        self.pretty_text.setFont(mono)
        self.preview_tabs = QTabWidget()
        self.preview_tabs.addTab(self.request_text, self.tr("Request (exact)"))
        self.preview_tabs.addTab(self.pretty_text, self.tr("Body (pretty)"))

        self.confirm_bar = QFrame()
        self.confirm_bar.setStyleSheet("QFrame { background: #fff4ce; border-radius: 4px; }")
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.send_anyway_button = QPushButton(self.tr("Send a&nyway"))
        self.dont_send_button = QPushButton(self.tr("Don't send"))
        confirm_layout = QHBoxLayout(self.confirm_bar)
        confirm_layout.addWidget(self.confirm_label, 1)
        confirm_layout.addWidget(self.send_anyway_button)
        confirm_layout.addWidget(self.dont_send_button)
        self.confirm_bar.hide()

        self.send_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp), self.tr("Send"))
        self.send_button.setToolTip(self.send_action.toolTip())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(self.summary_label, 1)
        send_row.addWidget(self.progress)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.send_button)

        # Response and plot
        self.outcome_label = QLabel(self.tr("Nothing sent yet."))
        self.outcome_label.setWordWrap(True)
        self.errno_label = QLabel("–")
        self.error_label = QLabel("–")
        self.http_label = QLabel("–")
        self.latency_label = QLabel("–")
        for field in (self.errno_label, self.error_label, self.http_label, self.latency_label):
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw_response = QPlainTextEdit(readOnly=True)
        self.raw_response.setFont(mono)
        response = QWidget()
        response_form = QFormLayout(response)
        response_form.addRow(self.outcome_label)
        response_form.addRow(self.tr("errno:"), self.errno_label)
        response_form.addRow(self.tr("error:"), self.error_label)
        response_form.addRow(self.tr("HTTP status:"), self.http_label)
        response_form.addRow(self.tr("Latency:"), self.latency_label)
        response_form.addRow(self.tr("Raw response:"), self.raw_response)
        self.plot = PlotPanel()
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(response, self.tr("Response"))
        self.result_tabs.addTab(self.plot, self.tr("Plot"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_box = QGroupBox(self.tr("Preview: what will be sent"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_tabs, 1)
        preview_layout.addWidget(self.confirm_bar)
        preview_layout.addLayout(send_row)
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.addWidget(preview_box)
        vsplit.addWidget(self.result_tabs)
        vsplit.setSizes([360, 320])
        right_layout.addWidget(vsplit)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 640])
        self.setCentralWidget(self.splitter)
        self.statusBar()
        self.resize(1280, 820)

    def _connect_signals(self) -> None:
        for edit in (self.endpoint_edit, self.device_edit, self.key_edit):
            edit.textChanged.connect(self._schedule_preview)
        self.endpoint_edit.textChanged.connect(self._on_endpoint_edit_textChanged)
        self.device_edit.editingFinished.connect(self._on_device_edit_editingFinished)
        self.reveal_button.toggled.connect(self._on_reveal_button_toggled)
        self.sandbox_check.toggled.connect(self._on_sandbox_check_toggled)
        self.value_edit.textChanged.connect(self._check_value)
        self.value_edit.returnPressed.connect(self.add_datapoint)
        self.kind_combo.currentIndexChanged.connect(self._check_value)
        self.time_combo.currentIndexChanged.connect(self._on_time_combo_changed)
        self.zone_combo.currentTextChanged.connect(self._on_zone_combo_changed)
        self.add_button.clicked.connect(self.add_datapoint)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._schedule_preview)
        self.model.editRejected.connect(self._on_model_editRejected)
        self.issues_list.itemActivated.connect(self._on_issues_list_itemActivated)
        self.issues_list.itemClicked.connect(self._on_issues_list_itemActivated)
        self.send_action.triggered.connect(self.send)
        self.send_button.clicked.connect(self.send)
        self.send_anyway_button.clicked.connect(self._on_send_anyway_clicked)
        self.dont_send_button.clicked.connect(self.confirm_bar.hide)
        self.cancel_action.triggered.connect(self.cancel_send)
        self.cancel_button.clicked.connect(self.cancel_send)
        self.remove_action.triggered.connect(self.remove_selected)
        self.resend_action.triggered.connect(self._on_resend_action_triggered)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.addAction(self.send_action)
        self.addAction(self.cancel_action)

    def _restore(self) -> None:
        self.endpoint_edit.setText(self.settings.endpoint)
        self.device_edit.setText(self.settings.device_id)
        stored_key = self.secrets.get(self.settings.device_id) if self.settings.device_id else None
        if stored_key:
            self.key_edit.setText(stored_key)
        self.stream_combo.addItems(self.settings.streams)
        self.stream_combo.setCurrentText(self.settings.streams[0] if self.settings.streams else "")
        zone = self.settings.time_zone
        if self.zone_combo.findText(zone) < 0:
            zone = "UTC"
        self.zone_combo.setCurrentText(zone)
        self._on_zone_combo_changed(zone)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.splitter_state is not None:
            self.splitter.restoreState(self.settings.splitter_state)
        self._update_keyring_label()
        self._check_value()

    # --- connection ----------------------------------------------------------------------
    def _on_endpoint_edit_textChanged(self, text: str) -> None:
        self.cleartext_label.setVisible(is_cleartext(text or DEFAULT_ENDPOINT))

    def _on_device_edit_editingFinished(self) -> None:
        if self.sandbox_check.isChecked() or self.key_edit.text():
            return
        stored = self.secrets.get(self.device_edit.text().strip())
        if stored:
            self.key_edit.setText(stored)

    def _on_reveal_button_toggled(self, revealed: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
        self.reveal_button.setText(self.tr("Hide") if revealed else self.tr("Show"))
        self._schedule_preview()

    def _update_keyring_label(self) -> None:
        if self.sandbox_check.isChecked():
            self.keyring_label.setText(self.tr("Sandbox: a local test server on this computer; nothing leaves it."))
        elif self.secrets.available:
            self.keyring_label.setText(self.tr("The api-key is saved in the system keyring when you send."))
        else:
            self.keyring_label.setText(
                self.tr("No system keyring ({why}): the api-key is kept for this session only.").format(
                    why=self.secrets.last_error
                )
            )

    def _on_sandbox_check_toggled(self, on: bool) -> None:
        if on:
            self._real_connection = (self.endpoint_edit.text(), self.device_edit.text(), self.key_edit.text())
            if self.sandbox is None:
                self.sandbox = self._sandbox_factory()
            self.endpoint_edit.setText(self.sandbox.url)
            self.device_edit.setText(DEFAULT_DEVICE_ID)
            self.key_edit.setText(DEFAULT_API_KEY)
        else:
            endpoint, device, key = self._real_connection
            self.endpoint_edit.setText(endpoint)
            self.device_edit.setText(device)
            self.key_edit.setText(key)
        self.endpoint_edit.setReadOnly(on)
        self._update_keyring_label()

    # --- editor --------------------------------------------------------------------------
    @property
    def display_tz(self) -> tzinfo:
        """The zone the user types and reads times in."""
        return self.model.display_tz

    def _on_zone_combo_changed(self, name: str) -> None:
        try:
            tz = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return
        self.model.set_display_tz(tz, name)
        self.plot.set_time_zone(tz, name)
        self.at_edit.setToolTip(self.tr("In {zone}").format(zone=name))
        self.settings.time_zone = name

    def _on_time_combo_changed(self, index: int) -> None:
        self.at_edit.setEnabled(index == self.TIME_CHOSEN)
        if index == self.TIME_CHOSEN:
            self.at_edit.setDateTime(QDateTime(datetime.now(self.display_tz).replace(tzinfo=None, microsecond=0)))

    def _current_kind(self) -> ValueKind:
        kind = self.kind_combo.currentData()
        return kind if isinstance(kind, ValueKind) else ValueKind.AUTO

    def _check_value(self) -> bool:
        """Check the value as it is typed; True when it can be added as it stands."""
        text = self.value_edit.text()
        kind = self._current_kind()
        ok, message, colour = True, "", "#555"
        if not text and kind is not ValueKind.TEXT:
            ok = False
        else:
            try:
                value = parse_value(text, kind)
            except ValueError as exc:
                ok, message, colour = False, str(exc), "#b00020"
            else:
                if kind is ValueKind.AUTO and text.lstrip().startswith("{") and isinstance(value, str):
                    try:
                        parse_json_object(text)
                    except ValueError as exc:
                        message = self.tr("{why}: it would be sent as text; choose 'JSON object' to insist.").format(
                            why=exc
                        )
                        colour = "#b45f06"
                elif kind is ValueKind.AUTO:
                    message = self.tr("Read as {kind}").format(kind=type(value).__name__.replace("dict", "JSON object"))
        self.value_message.setText(message)
        self.value_message.setStyleSheet(f"color: {colour};")
        self.add_button.setEnabled(ok)
        return ok

    def add_datapoint(self) -> bool:
        """Add the datapoint of the form to the table; False (with a message) when it cannot be."""
        stream_id = self.stream_combo.currentText().strip()
        if not stream_id:
            self._say(self.tr("Type a datastream id first."), error=True)
            self.stream_combo.setFocus()
            return False
        if not self._check_value():
            self._say(self.tr("The value cannot be read: {why}").format(why=self.value_message.text()), error=True)
            return False
        kind = self._current_kind()
        value = parse_value(self.value_edit.text(), kind)
        mode = self.time_combo.currentIndex()
        at: datetime | None
        if mode == self.TIME_NOW:
            at = datetime.now(UTC).replace(microsecond=0)
        elif mode == self.TIME_CHOSEN:
            try:
                at = localize(self.at_edit.dateTime().toPython(), self.display_tz)  # type: ignore[arg-type]
            except ValueError as exc:
                self._say(str(exc), error=True)
                return False
        else:
            at = None
        row = self.model.append(stream_id, Datapoint(value, at), kind)
        self.table.scrollTo(self.model.index(row, 0))
        self._remember_stream(stream_id)
        self.value_edit.clear()
        self.value_edit.setFocus()
        return True

    def _remember_stream(self, stream_id: str) -> None:
        streams = [stream_id] + [s for s in self.settings.streams if s != stream_id]
        self.settings.streams = streams[:50]
        if self.stream_combo.findText(stream_id) < 0:
            self.stream_combo.addItem(stream_id)
        self.stream_combo.setCurrentText(stream_id)

    def remove_selected(self) -> None:
        """Remove the selected rows of the table."""
        self.model.remove_rows([index.row() for index in self.table.selectionModel().selectedRows()])

    def _on_resend_action_triggered(self) -> None:
        self.model.set_status(list(range(self.model.rowCount())), RowStatus.UNSENT)

    def _on_clear_action_triggered(self) -> None:
        if self.model.rowCount() == 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Clear all datapoints"),
            self.tr("Remove all {n} datapoints from the table?").format(n=self.model.rowCount()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.clear()

    def _on_model_editRejected(self, row: int, column: int, reason: str) -> None:
        name = self.model.headerData(column, Qt.Orientation.Horizontal)
        self._say(self.tr("Row {row}, {column}: not changed: {why}").format(row=row + 1, column=name, why=reason), True)

    def _on_issues_list_itemActivated(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, int) and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- preview -------------------------------------------------------------------------
    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def outgoing(self) -> Outgoing:
        """Build the request Send would send now: unsent rows, validated, encoded, prepared."""
        readings, rows = self.model.readings(self.model.unsent_rows())
        outgoing = Outgoing(readings, rows, validate(readings))
        if not rows:
            outgoing.problem = self.tr("Nothing to send: add datapoints (every row is sent).")
            return outgoing
        try:
            body = encode(readings, BodyType.FULL_JSON)
        except FormatError as exc:
            outgoing.problem = str(exc)
            return outgoing
        try:
            outgoing.client = OneNetClient(
                self.endpoint_edit.text() or DEFAULT_ENDPOINT,
                self.device_edit.text(),
                self.key_edit.text(),
            )
        except ConfigError as exc:
            outgoing.problem = self.tr("Cannot build the request: {why}").format(why=exc)
            return outgoing
        outgoing.prepared = outgoing.client.prepare_upload(body)
        return outgoing

    def refresh_preview(self) -> None:
        """Rebuild the preview, the issues list and the Send button state."""
        self._preview_timer.stop()
        out = self._outgoing = self.outgoing()
        self._show_issues(out)
        if out.prepared is None:
            self.request_text.setPlainText(out.problem)
            self.pretty_text.setPlainText("")
            self.summary_label.setText(out.problem)
        else:
            body = out.prepared.body if isinstance(out.prepared.body, bytes) else b""
            head = describe_request(out.prepared, reveal_key=self.reveal_button.isChecked())
            self.request_text.setPlainText(head + "\n\n" + body.decode("utf-8", "replace"))
            self.pretty_text.setPlainText(json.dumps(json.loads(body), indent=2, ensure_ascii=False))
            self.summary_label.setText(
                self.tr("{points} datapoints in {streams} datastreams · {size} bytes · type 1").format(
                    points=len(out.readings), streams=len(out.readings.datastreams), size=len(body)
                )
            )
        self.confirm_bar.hide()

    def _show_issues(self, out: Outgoing) -> None:
        self.issues_list.clear()
        style = self.style()
        for issue in out.issues:
            row = out.rows[self._flat_index(out.readings, issue)] if issue.point_index is not None else None
            prefix = self.tr("Error") if issue.severity is Severity.ERROR else self.tr("Warning")
            text = f"{prefix}: {issue.message}"
            if row is not None:
                text += self.tr(" (row {row})").format(row=row + 1)
            icon = style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if issue.severity is Severity.ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            item = QListWidgetItem(icon, text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.issues_list.addItem(item)
        self.issues_list.setVisible(bool(out.issues))

    @staticmethod
    def _flat_index(readings: Readings, issue: Issue) -> int:
        before = sum(len(s.datapoints) for s in readings.datastreams[: issue.stream_index])
        return before + (issue.point_index or 0)

    # --- send ----------------------------------------------------------------------------
    def send(self) -> None:
        """Send the previewed request on a worker; warnings ask first (inline), errors block."""
        if self._worker is not None:
            return
        self.refresh_preview()
        out = self._outgoing
        if out is None or out.prepared is None or out.errors:
            self._say(out.problem if out and out.problem else self.tr("Fix the errors listed first."), error=True)
            return
        if out.warnings:
            self.confirm_label.setText(
                self.tr("{n} warning(s): {first} Send anyway?").format(
                    n=len(out.warnings), first=out.warnings[0].message
                )
            )
            self.confirm_bar.show()
            self.send_anyway_button.setFocus()
            return
        self._start_send(out)

    def _on_send_anyway_clicked(self) -> None:
        self.confirm_bar.hide()
        if self._outgoing is not None and self._outgoing.prepared is not None and self._worker is None:
            self._start_send(self._outgoing)

    def _start_send(self, out: Outgoing) -> None:
        assert out.client is not None and out.prepared is not None
        client, prepared = out.client, out.prepared
        if not self.sandbox_check.isChecked():
            self.secrets.set(self.device_edit.text(), self.key_edit.text())
            self.settings.endpoint = self.endpoint_edit.text() or DEFAULT_ENDPOINT
            self.settings.device_id = self.device_edit.text()
            self._update_keyring_label()
        self._in_flight_rows = list(out.rows)
        self._in_flight_readings = out.readings
        worker = self._worker = Worker(lambda cancelled: client.send(prepared))
        self._running.add(worker)
        worker.signals.result.connect(self._on_worker_result)
        worker.signals.error.connect(self._on_worker_error)
        worker.signals.finished.connect(self._on_worker_finished)
        self._set_busy(True)
        self._say(self.tr("Sending {n} datapoints to {url}…").format(n=len(out.rows), url=client.url))
        self.pool.start(worker)

    def cancel_send(self) -> None:
        """Stop waiting for the answer; the datapoints stay unsent so they can be sent again."""
        if self._worker is None:
            self.confirm_bar.hide()
            return
        self._worker.cancel()
        self._worker = None
        self._set_busy(False)
        self.outcome_label.setText(
            self.tr(
                "Cancelled. The request may already have reached the platform; its datapoints stay 'not sent' "
                "so you can send them again (datapoints with an explicit at are stored once)."
            )
        )
        self._say(self.tr("Send cancelled."))
        self.refresh_preview()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        self.send_button.setEnabled(not busy)
        self.send_action.setEnabled(not busy)
        for widget in (self.endpoint_edit, self.device_edit, self.key_edit, self.sandbox_check):
            widget.setEnabled(not busy)

    def _is_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    def _on_worker_result(self, response: PlatformResponse) -> None:
        if not self._is_current():
            return
        stamped = datetime.now(UTC)
        self.model.set_status(self._in_flight_rows, RowStatus.SENT)
        self.plot.add_sent(self._in_flight_readings, stamped)
        self._show_response(response, None)
        self.sendFinished.emit(True)

    def _on_worker_error(self, exc: Exception) -> None:
        if not self._is_current():
            return
        self.model.set_status(self._in_flight_rows, RowStatus.FAILED)
        self._show_response(exc.response if isinstance(exc, OneNetError) else None, exc)
        self.sendFinished.emit(False)

    def _on_worker_finished(self) -> None:
        self._running = {w for w in self._running if w.signals is not self.sender()}
        if self._is_current():
            self._worker = None
            self._set_busy(False)
            self.refresh_preview()

    def _show_response(self, response: PlatformResponse | None, exc: Exception | None) -> None:
        if exc is None and response is not None:
            outcome = self.tr("✔ Stored: errno 0. {n} datapoints sent.").format(n=len(self._in_flight_rows))
            colour = "#1b7f3b"
        else:
            outcome = self.tr("✘ Not stored: {why}").format(why=exc)
            if response is not None and response.hint:
                outcome += "\n" + response.hint
            outcome += "\n" + self.tr("The datapoints are kept in the table, marked 'failed'.")
            colour = "#b00020"
        self.outcome_label.setText(outcome)
        self.outcome_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.errno_label.setText(str(response.errno) if response and response.errno is not None else "–")
        self.error_label.setText(response.error if response and response.error is not None else "–")
        self.http_label.setText(str(response.http_status) if response else self.tr("no answer"))
        self.latency_label.setText(self.tr("{ms:.0f} ms").format(ms=response.latency_s * 1000) if response else "–")
        self.raw_response.setPlainText(response.text if response else str(exc))
        self.result_tabs.setCurrentIndex(0)
        self._say(outcome.splitlines()[0], error=exc is not None)

    # --- misc ----------------------------------------------------------------------------
    def _say(self, message: str, error: bool = False) -> None:
        self.statusBar().setStyleSheet("color: #b00020;" if error else "")
        self.statusBar().showMessage(message, 15000)

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OneNET Datapoint Uploader"),
            self.tr("OneNET Datapoint Uploader {version}\nUploads datapoints to OneNET's HTTP API.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            self._worker.cancel()
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        if not self.sandbox_check.isChecked():
            self.settings.endpoint = self.endpoint_edit.text() or DEFAULT_ENDPOINT
            self.settings.device_id = self.device_edit.text()
        self.settings.sync()
        self.pool.waitForDone(2000)
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        super().closeEvent(event)
        QApplication.processEvents()
