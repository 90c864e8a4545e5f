"""The main window: connection, datapoints editor, exact request preview, send, response, plot."""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import islice

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
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
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import __version__
from gui.data.logs import log_folder, register_secret
from gui.data.outbox import PlannedRequest, clients, is_safe_to_resend, requests_of
from gui.data.pipeline import Pipeline, PipelineResult, Progress, RetryPolicy
from gui.data.secrets import SecretStore
from gui.data.store import RequestOutcome, Store, StoreBusy, StoreError
from gui.onenet.client import (
    DEFAULT_ENDPOINT,
    DEFAULT_TIMEOUT_S,
    ConfigError,
    OneNetClient,
    PlatformResponse,
    is_cleartext,
    validate_endpoint,
)
from gui.onenet.formats import BodyType
from gui.onenet.readings import (
    Datapoint,
    MistypedNumber,
    Readings,
    Value,
    ValueKind,
    format_at,
    mistyped_number,
    parse_json_object,
    parse_value,
)
from gui.onenet.validation import Issue, Severity
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.text import counted
from gui.ui.at_edit import AtEdit, zone_combo
from gui.ui.datapoints_model import DISPLAY_FORMAT, DatapointsModel, Row, RowStatus
from gui.ui.history import HistoryPanel, requeue_for_resend
from gui.ui.import_dialog import ImportController
from gui.ui.outgoing import Outgoing, RequestOptions, SendJob, compute_outgoing
from gui.ui.plot import PlotPanel
from gui.ui.preview import PreviewPanel, RequestOptionsBar, human_bytes
from gui.ui.settings import Settings
from gui.ui.tables import row_table, text_width
from gui.ui.verify_panel import VerifyPanel
from gui.ui.workers import Worker, WorkerSignals

SandboxFactory = Callable[[], Sandbox]

log = logging.getLogger(__name__)


def default_sandbox() -> Sandbox:
    """An embedded sandbox on a free loopback port with the demo device."""
    return Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}).start()


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose `&` mnemonic focuses `buddy` (QLabel shows `&` literally without one)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


#: Up to this many table rows the preview is computed at once on the GUI thread (a few tens of ms);
#: above, on a worker, while the preview says "computing…".
SYNC_PLAN_ROWS = 20_000
#: Issues listed under the table at most (a million-row upload may have a million).
MAX_LISTED_ISSUES = 200
#: Datapoints added to the plot after a send at most (the plot sorts every series in Python).
MAX_PLOTTED_POINTS = 100_000
#: Datapoints the preview's note on the zone of `at` looks through for an example `at`.
AT_NOTE_SCAN = 10_000


class MainWindow(QMainWindow):
    """Everything of one upload in one window; collaborators are passed in for tests.

    `store` is the outbox on disk (the source of truth; `model` shows it): every row
    typed or imported goes to it before the table shows it, so a crash loses nothing.
    Sends run `gui.data.pipeline.Pipeline` on a worker with `retry_policy` (default
    `RetryPolicy()`) and clients of `client_timeout` seconds. At start-up the history
    older than the "keep history" setting (`Settings.history_days`) is pruned once, on a
    worker (`Store.prune`: never rows not sent yet, failed or unknown).
    """

    sendFinished = Signal(bool)  # emitted after every send attempt: True on errno 0

    TIME_NOW, TIME_CHOSEN, TIME_NONE = range(3)

    def __init__(
        self,
        settings: QSettings,
        secrets: SecretStore,
        store: Store,
        sandbox_factory: SandboxFactory = default_sandbox,
        thread_pool: QThreadPool | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__()
        self.settings = Settings(settings)
        self.secrets = secrets
        self.store = store
        self.retry_policy = retry_policy or RetryPolicy()
        self.client_timeout = DEFAULT_TIMEOUT_S  # seconds; bounds how long Cancel takes
        self._allow_duplicates = False  # the user chose "send anyway (may duplicate)" for this send
        self._confirming_duplicates = False  # the confirm bar asks about duplicates (not warnings)
        self._sandbox_factory = sandbox_factory
        self.sandbox: Sandbox | None = None
        self._real_connection = (self.settings.endpoint, self.settings.device_id, "")
        self.pool = thread_pool or QThreadPool.globalInstance()
        self._worker: Worker | None = None  # the send the window waits for
        self._running: set[Worker] = set()  # every worker still on the pool, cancelled ones too
        self._outgoing: Outgoing | None = None
        self._plan_generation = 0  # bumped on every change of the rows or request options
        self._plan_worker: Worker | None = None  # computing the preview of a big upload
        self._plan_worker_generation = -1
        self._send_requested = False  # Send was pressed while the plan was being computed
        self._nothing_to_send = ""  # why Send is disabled when no row waits to be sent ("" when some do)
        self._jobs: dict[WorkerSignals, SendJob] = {}
        self._prune_worker: Worker | None = None  # forgetting old history at start-up
        self.model = DatapointsModel(parent=self, store=store)

        self.setWindowTitle(self.tr("OneNET Datapoint Uploader"))
        self._build_actions()
        self._build_ui()
        self._preview_timer = QTimer(self, singleShot=True, interval=80)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._connect_signals()
        self._restore()
        self.refresh_preview()
        self._start_prune()

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
        self.log_folder_action = QAction(self.tr("Open &log folder"), self)
        self.log_folder_action.setToolTip(self.tr("Show the folder of the log file (requests, outcomes, errors)"))
        self.verify_action = QAction(self.tr("&Verify on platform"), self)
        self.verify_action.setToolTip(self.tr("Read the sent datapoints back from the platform and compare"))

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.log_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.importer = ImportController(self, file_menu, before=self.quit_action)  # Import…, toolbar, drops
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.remove_action, self.resend_action, self.clear_action])
        request_menu = self.menuBar().addMenu(self.tr("&Request"))
        request_menu.addActions([self.send_action, self.cancel_action])
        request_menu.addSeparator()
        request_menu.addAction(self.verify_action)
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
        form.addRow(_buddy_label(self.tr("api-&key:"), self.key_edit), key_row)
        form.addRow("", self.keyring_label)
        form.addRow("", self.sandbox_check)

        # Editor: add form
        self.stream_combo = QComboBox(editable=True)
        self.stream_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        stream_line = self.stream_combo.lineEdit()
        assert stream_line is not None
        stream_line.setPlaceholderText(self.tr("datastream id, e.g. temperature"))
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
        self.at_edit = AtEdit()
        self.at_edit.setEnabled(False)
        self.zone_combo = zone_combo(self.tr("Times are typed and shown in this zone; they are sent in UTC+8"))
        self.no_at_label = QLabel(
            self.tr(
                "⚠ Without at the platform stamps it on arrival: if a send gets no clear answer, "
                "sending it again may store it twice."
            )
        )
        self.no_at_label.setWordWrap(True)
        self.no_at_label.setStyleSheet("color: #b45f06;")
        self.no_at_label.hide()
        self.add_button = QPushButton(self.tr("&Add datapoint"))
        self.value_message = QLabel()
        self.value_message.setWordWrap(True)

        add_form = QFormLayout()
        add_form.addRow(self.tr("Data&stream:"), self.stream_combo)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.kind_combo)
        add_form.addRow(_buddy_label(self.tr("&Value:"), self.value_edit), value_row)
        add_form.addRow("", self.value_message)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_combo)
        time_row.addWidget(self.at_edit, 1)
        add_form.addRow(_buddy_label(self.tr("a&t:"), self.time_combo), time_row)
        add_form.addRow("", self.no_at_label)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.zone_combo, 1)
        zone_row.addWidget(self.add_button)
        add_form.addRow(_buddy_label(self.tr("Time &zone:"), self.zone_combo), zone_row)

        model = self.model
        widths = {  # the datastream column takes the rest; long ids and values are cut in the middle
            model.AT: text_width(self, "0000-00-00 00:00:00"),
            model.VALUE: text_width(self, "-1234.567", self.tr("Value")),
            model.KIND: text_width(self, "number", self.tr("Kind")),
            model.STATUS: text_width(self, self.tr("sending…"), self.tr("not sent"), self.tr("Status")),
        }
        self.table = row_table(
            model,
            [widths.get(column, 0) for column in range(model.columnCount())],
            stretch=model.STREAM,
            elide_middle=(model.STREAM, model.VALUE),
        )
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
        self.summary_label.setWordWrap(True)
        self.options_bar = RequestOptionsBar()
        self.preview = PreviewPanel()
        self.request_text = self.preview.request_text
        self.pretty_text = self.preview.pretty_text
        self.preview_tabs = self.preview.tabs

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
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("request %v of %m"))
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
        self.verify_button = QPushButton(self.tr("&Verify on platform"))
        self.verify_button.setToolTip(self.verify_action.toolTip())
        response_form.addRow("", self.verify_button)
        self.plot = PlotPanel()
        self.plot.set_model(self.model)
        self.verify_panel = VerifyPanel(self.pool)
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(response, self.tr("Response"))
        self.result_tabs.addTab(self.plot, self.tr("Plot"))
        self.result_tabs.addTab(self.verify_panel, self.tr("Verify"))
        self.history = HistoryPanel(self.store, pool=self.pool)
        self.result_tabs.addTab(self.history, self.tr("History"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_box = QGroupBox(self.tr("Preview: what will be sent"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.options_bar)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.confirm_bar)
        preview_layout.addLayout(send_row)
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.addWidget(preview_box)
        vsplit.addWidget(self.result_tabs)
        vsplit.setSizes([420, 280])  # the preview shows the headers and the start of the body
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
        self.options_bar.changed.connect(self._on_options_bar_changed)
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
            signal.connect(self._on_rows_changed)
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
        self.log_folder_action.triggered.connect(self._on_log_folder_action_triggered)
        self.verify_action.triggered.connect(self.verify_on_platform)
        self.verify_button.clicked.connect(self.verify_on_platform)
        self.verify_panel.verifyRequested.connect(self.verify_on_platform)
        self.history.resendRequested.connect(self._on_history_resendRequested)
        self.history.verifyRequested.connect(self._on_history_verifyRequested)
        self.sendFinished.connect(self.history.refresh)
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
        self.options_bar.set_options(
            RequestOptions(
                BodyType(self.settings.body_type),
                self.settings.separators or None,
                self.settings.max_points,
                self.settings.max_bytes,
            )
        )
        self.history.keep_days_spin.setValue(self.settings.history_days)
        self.history.keep_days_spin.valueChanged.connect(self._on_keep_days_spin_valueChanged)
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
        self.preview.set_reveal(revealed)

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
        self.verify_panel.set_time_zone(tz, name)
        self.history.set_time_zone(tz, name)
        self.at_edit.set_zone_tip(self.tr("In {zone}").format(zone=name))
        self.at_edit.set_value(datetime.now(tz))
        self.settings.time_zone = name

    def _on_time_combo_changed(self, index: int) -> None:
        self.at_edit.setEnabled(index == self.TIME_CHOSEN)
        self.no_at_label.setVisible(index == self.TIME_NONE)

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
                hint = mistyped_number(text) if kind is ValueKind.NUMBER else None
                if hint is not None:
                    message += " — " + self.tr("did you mean {number}?").format(number=self._numbers_meant(hint))
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
                    message, colour = self._read_as(text, value)
        self.value_message.setText(message)
        self.value_message.setStyleSheet(f"color: {colour};")
        self.add_button.setEnabled(ok)
        return ok

    def _read_as(self, text: str, value: Value) -> tuple[str, str]:
        """How Auto read `text`, in words, and the colour to say it in: a text that looks like a mistyped number
        gets a visible hint with the number probably meant (the value stays the text; the user decides)."""
        if isinstance(value, dict):
            return self.tr("Read as a JSON object"), "#555"
        if not isinstance(value, str):
            return self.tr("Read as a number"), "#555"
        hint = mistyped_number(text)
        if hint is None:
            return self.tr("Read as text"), "#555"
        why = {
            "comma": self.tr("A number takes a decimal point, not a comma."),
            "thousands": self.tr("A number is typed without thousands separators."),
            "comma or thousands": self.tr("A number takes a decimal point and no thousands separators."),
            "after": self.tr("'{extra}' after the number makes it text."),
            "letter": self.tr("'{extra}' before the number makes it text."),
            "minus": self.tr("A number's minus sign is '-', not '−'."),
        }.get(hint.cause, "")
        message = self.tr("Read as text — did you mean {number}?").format(number=self._numbers_meant(hint))
        return f"{message} {why.format(extra=hint.extra)}".rstrip(), "#b45f06"

    def _numbers_meant(self, hint: MistypedNumber) -> str:
        """`150.2`, or `1.000 or 1000`."""
        return self.tr(" or ").join(hint.numbers)

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
                at = self.at_edit.value(self.display_tz)
            except ValueError as exc:  # not a time, or a time the clocks skipped in that zone
                self._say(self.tr("The at cannot be read: {why}").format(why=exc), error=True)
                self.at_edit.line.setFocus()
                return False
        else:
            at = None
        try:
            row = self.model.append(stream_id, Datapoint(value, at), kind)
        except (StoreError, ValueError, OSError) as exc:
            self._say(self.tr("The datapoint could not be saved: {why}").format(why=exc), error=True)
            return False
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

    def add_rows(self, rows: list[Row]) -> int:
        """Add rows (typed, imported) to the outbox and the table in one transaction; returns the first new row.

        The call for importers: `window.add_rows([Row(stream_id, Datapoint(value, at), kind), ...])`
        (status and id are set here). Same as `window.model.extend(rows)`, which it calls.
        Raises ValueError (nothing added) for a NaN/infinite value, StoreError/OSError if
        the outbox cannot be written.
        """
        return self.model.extend(rows)

    def remove_selected(self) -> None:
        """Remove the selected rows of the table (sent ones stay on record in the history)."""
        try:
            self.model.remove_rows([index.row() for index in self.table.selectionModel().selectedRows()])
        except StoreError as exc:
            self._say(self.tr("Not removed: {why}").format(why=exc), error=True)

    def _on_resend_action_triggered(self) -> None:
        self.model.mark_unsent(list(range(self.model.rowCount())))

    def _on_history_resendRequested(self, ids: list[int]) -> None:
        editor, queued = requeue_for_resend(self.store, ids)
        self.model.sync_from_store(editor)
        self._say(
            self.tr("{n} datapoints marked to send again; {q} not in the table queued for 'outbox send'").format(
                n=len(editor), q=len(queued)
            )
        )

    def _on_history_verifyRequested(self, endpoint: str, device_id: str, readings: Readings) -> None:
        """Verify what selected history requests stored; the key: the form's for its device, else the keyring's."""
        self.result_tabs.setCurrentWidget(self.verify_panel)
        if self.verify_panel.is_running:
            return
        key = self.key_edit.text() if device_id == self.device_edit.text() else (self.secrets.get(device_id) or "")
        try:
            client = OneNetClient(endpoint, device_id, key)
        except ConfigError as exc:
            self.verify_panel.show_message(self.tr("Cannot read the platform: {why}").format(why=exc))
            return
        self.verify_panel.start(client, readings)

    def _on_clear_action_triggered(self) -> None:
        if self.model.rowCount() == 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Clear all datapoints"),
            self.tr("Remove all {n} datapoints from the table?").format(n=self.model.rowCount()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.model.clear()
            except StoreError as exc:
                self._say(self.tr("Not cleared: {why}").format(why=exc), error=True)

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

    def _on_rows_changed(self) -> None:
        self._plan_generation += 1
        self._set_nothing_to_send("")  # until the preview says otherwise: Send plans afresh anyway
        self._schedule_preview()

    def _on_options_bar_changed(self) -> None:
        options = self.options_bar.options()
        self.settings.body_type = int(options.body_type)
        self.settings.separators = options.separators or ""
        self.settings.max_points = options.max_points
        self.settings.max_bytes = options.max_bytes
        self._on_rows_changed()

    def _make_client(self) -> tuple[OneNetClient | None, str]:
        """A client for the connection fields, or None and the reason."""
        try:
            client = OneNetClient(
                self.endpoint_edit.text() or DEFAULT_ENDPOINT, self.device_edit.text(), self.key_edit.text()
            )
        except ConfigError as exc:
            return None, self.tr("Cannot build the request: {why}").format(why=exc)
        return client, ""

    def outgoing(self) -> Outgoing:
        """The upload Send would make now, computed at once: unsent rows, validated, planned into requests."""
        out = compute_outgoing(self.model.rows(), self.options_bar.options(), allow_duplicates=self._allow_duplicates)
        out.generation = self._plan_generation
        return out

    def _plan_is_current(self) -> bool:
        return self._outgoing is not None and self._outgoing.generation == self._plan_generation

    def refresh_preview(self) -> None:
        """Show the requests Send would send, the issues and each format's ability; recompute if needed.

        Up to `SYNC_PLAN_ROWS` rows this happens at once; a bigger upload is
        planned on a worker (the preview says "computing…" meanwhile) and
        shown when it is ready, unless the rows changed again since.
        """
        self._preview_timer.stop()
        if not self._plan_is_current():
            if self._worker is not None:
                return  # a send is running: statuses change on every request; plan again when it ends
            if self.model.rowCount() > SYNC_PLAN_ROWS:
                self._start_plan_worker()
                return
            self._stop_plan_worker()
            self._outgoing = self.outgoing()
        assert self._outgoing is not None
        self._show_outgoing(self._outgoing)

    def _start_plan_worker(self) -> None:
        if self._plan_worker is not None and self._plan_worker_generation == self._plan_generation:
            return  # already computing this very state
        self._stop_plan_worker()
        rows, options, generation = self.model.rows(), self.options_bar.options(), self._plan_generation
        now = datetime.now(UTC)
        allow_duplicates = self._allow_duplicates

        def compute(cancelled: Callable[[], bool]) -> Outgoing:
            out = compute_outgoing(rows, options, now, cancelled, allow_duplicates)
            out.generation = generation
            return out

        worker = self._plan_worker = Worker(compute)
        self._plan_worker_generation = generation
        self._running.add(worker)
        worker.signals.result.connect(self._on_plan_worker_result)
        worker.signals.error.connect(self._on_plan_worker_error)
        worker.signals.finished.connect(self._on_any_worker_finished)
        message = self.tr("Computing the requests for {n} datapoints…").format(n=f"{len(rows):,}")
        self.preview.show_message(message)
        self.summary_label.setText(message)
        self._set_nothing_to_send("")  # Send now sends as soon as the requests are ready
        self.pool.start(worker)

    def _stop_plan_worker(self) -> None:
        if self._plan_worker is not None:
            self._plan_worker.cancel()
            self._plan_worker = None

    def _on_plan_worker_result(self, out: Outgoing) -> None:
        if self._plan_worker is None or self.sender() is not self._plan_worker.signals:
            return
        self._plan_worker = None
        if out.generation != self._plan_generation:
            self._schedule_preview()  # the rows changed meanwhile
            return
        self._outgoing = out
        self._show_outgoing(out)
        if self._send_requested:
            self._send_requested = False
            self.send()

    def _on_plan_worker_error(self, exc: Exception) -> None:
        if self._plan_worker is None or self.sender() is not self._plan_worker.signals:
            return
        self._plan_worker = None
        self._send_requested = False
        message = self.tr("The preview could not be computed: {why}").format(why=exc)
        self.preview.show_message(message)
        self.summary_label.setText(message)

    def _on_any_worker_finished(self) -> None:
        self._running = {w for w in self._running if w.signals is not self.sender()}

    def _show_outgoing(self, out: Outgoing) -> None:
        self._show_issues(out)
        self.options_bar.set_carry(out.carry)
        body_type = out.options.body_type
        if not out.rows and out.held_back:
            problem = self.tr(
                "{n} datapoints got no clear answer and have no at: sending them again may store them twice. "
                "Press Send to choose."
            ).format(n=f"{len(out.held_back):,}")
        elif not out.rows and out.snapshot:
            problem = self.tr(
                "Nothing to send: every datapoint in the table is sent (or being sent). Add datapoints, or mark "
                "them unsent (Edit menu) to send them again."
            )
        elif not out.rows:
            problem = self.tr("Nothing to send: add datapoints first.")
        elif out.plan is None:
            problem = self.tr("Type {type} cannot be sent: {why}").format(type=int(body_type), why=out.problem)
        else:
            problem = ""
        self._set_nothing_to_send(problem if not out.rows and not out.held_back else "")
        if out.plan is None:
            self.preview.show_message(problem)
            self.summary_label.setText(problem)
        else:
            client, client_problem = self._make_client()
            self.preview.show_plan(out.plan, client, client_problem, self.reveal_button.isChecked())
            plan = out.plan
            summary = self.tr("{points} in {streams} · {size} in {n} · type {type}")
            self.summary_label.setText(
                summary.format(
                    points=counted(len(out.readings), "datapoint"),
                    streams=counted(len(out.readings.datastreams), "datastream"),
                    size=human_bytes(plan.total_bytes),
                    n=counted(len(plan), "request"),
                    type=int(body_type),
                )
            )
            self.preview.set_at_note(self._at_note(out))
            if plan.warnings:
                self.summary_label.setText(self.summary_label.text() + "\n⚠ " + plan.warnings[0])
            if out.held_back:
                self.summary_label.setText(
                    self.summary_label.text()
                    + "\n"
                    + self.tr("{n} datapoints with an unknown outcome and no at are held back.").format(
                        n=f"{len(out.held_back):,}"
                    )
                )
        self.confirm_bar.hide()

    def _at_note(self, out: Outgoing) -> str:
        """The preview's note on the zone of the body's `at` (platform time, UTC+8), with the first `at` as example.

        The table shows `at` in the user's zone, the body in UTC+8 (shared onenet-api.md,
        "Timestamps"): the same instant may be another hour, even another date. "" when the
        body carries no `at` (type 3, or no datapoint of the first AT_NOTE_SCAN has one).
        """
        if out.options.body_type is BodyType.SIMPLE_JSON:
            return ""
        first = next((p.at for _, p in islice(out.readings.pairs(), AT_NOTE_SCAN) if p.at is not None), None)
        if first is None:
            return ""
        try:
            sent = format_at(first)
        except (OverflowError, ValueError):
            return ""
        shown = first.astimezone(self.display_tz).strftime(DISPLAY_FORMAT)
        if shown == sent.replace("T", " "):
            return self.tr("at in the body is platform time (UTC+8), as the table shows it.")
        return self.tr("at in the body is platform time (UTC+8): {shown} in {zone} is sent as {sent}.").format(
            shown=shown, zone=self.settings.time_zone, sent=sent
        )

    def _show_issues(self, out: Outgoing) -> None:
        self.issues_list.clear()
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        starts = [0]
        for stream in out.readings.datastreams:
            starts.append(starts[-1] + len(stream.datapoints))
        for issue in out.issues[:MAX_LISTED_ISSUES]:
            row = out.rows[starts[issue.stream_index] + issue.point_index] if issue.point_index is not None else None
            prefix = self.tr("Error") if issue.severity is Severity.ERROR else self.tr("Warning")
            text = f"{prefix}: {issue.message}"
            if row is not None:
                text += self.tr(" (row {row})").format(row=row + 1)
            item = QListWidgetItem(icons[issue.severity], text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.issues_list.addItem(item)
        if len(out.issues) > MAX_LISTED_ISSUES:
            self.issues_list.addItem(
                self.tr("… and {n} more issues ({errors} errors in all).").format(
                    n=f"{len(out.issues) - MAX_LISTED_ISSUES:,}", errors=f"{len(out.errors):,}"
                )
            )
        self.issues_list.setVisible(bool(out.issues))

    @staticmethod
    def _flat_index(readings: Readings, issue: Issue) -> int:
        before = sum(len(s.datapoints) for s in readings.datastreams[: issue.stream_index])
        return before + (issue.point_index or 0)

    # --- send ----------------------------------------------------------------------------
    def send(self) -> None:
        """Send every planned request in order on one worker; warnings ask first (inline), errors block.

        While a big upload is still being planned, the send starts as soon
        as the plan is ready. Datapoints whose outcome is unknown and that have
        no `at` are held back unless the user chooses "Send anyway (may duplicate)".
        """
        if self._worker is not None:
            return
        if not self._plan_is_current():
            self._send_requested = True
            self.refresh_preview()
            if not self._plan_is_current():
                self._say(self.tr("Computing the requests; they are sent as soon as they are ready."))
                return
        self._send_requested = False
        out = self._outgoing
        if out is not None and out.held_back and not self._allow_duplicates:
            self._confirming_duplicates = True
            self.confirm_label.setText(
                self.tr(
                    "{n} datapoints got no clear answer and have no at: the platform may have stored them, and "
                    "sending them again may store them twice. Send anyway (may duplicate)?"
                ).format(n=f"{len(out.held_back):,}")
            )
            self.send_anyway_button.setText(self.tr("Send anyway (may &duplicate)"))
            self.confirm_bar.show()
            self.send_anyway_button.setFocus()
            return
        client, client_problem = self._make_client()
        if out is None or out.plan is None or out.errors or client is None:
            if out is not None and out.errors:
                why = self.tr("Fix the errors listed first.")
            else:
                why = client_problem or self.summary_label.text()
            self._say(why, error=True)
            return
        if out.warnings or out.plan.warnings:
            warnings = [i.message for i in out.warnings] + out.plan.warnings
            self._confirming_duplicates = False
            self.confirm_label.setText(
                self.tr("{n} warning(s): {first} Send anyway?").format(n=len(warnings), first=warnings[0])
            )
            self.send_anyway_button.setText(self.tr("Send a&nyway"))
            self.confirm_bar.show()
            self.send_anyway_button.setFocus()
            return
        self._start_send(out)

    def _on_send_anyway_clicked(self) -> None:
        self.confirm_bar.hide()
        if self._confirming_duplicates:
            self._confirming_duplicates = False
            self._allow_duplicates = True
            self._on_rows_changed()
            self.send()
            return
        if self._plan_is_current() and self._outgoing is not None and self._worker is None:
            self._start_send(self._outgoing)

    def _start_send(self, out: Outgoing) -> None:
        """Queue the rows of `out.plan` in the outbox and send its requests with the pipeline, on a worker.

        The bodies are exactly the preview's (`out.plan.body(k)`), each carrying the
        outbox ids and revisions of its rows, so a row edited meanwhile is not sent
        stale. The pipeline retries what is safe to retry and records every attempt;
        rows are re-coloured from the store as each request finishes. Sending stops at
        the first request that is neither stored nor plainly refused (the overwrite rule:
        later requests must not overtake it); the rest stay in the outbox for the next Send.
        """
        client, problem = self._make_client()
        if client is None or out.plan is None:
            self._say(problem or out.problem, error=True)
            return
        self._allow_duplicates = False  # asked again for the next send
        endpoint = self.endpoint_edit.text() or DEFAULT_ENDPOINT
        device_id = self.device_edit.text()
        api_key = self.key_edit.text()
        register_secret(api_key)  # masked in the logs whatever quotes it
        if not self.sandbox_check.isChecked():
            self.secrets.set(device_id, api_key)
            self.settings.endpoint = endpoint
            self.settings.device_id = device_id
            self._update_keyring_label()
        plan = out.plan
        total = len(plan)
        snapshot = out.snapshot
        request_rows = [[snapshot[i] for i in out.request_rows(k)] for k in range(total)]
        ids = [row.id for rows in request_rows for row in rows if row.id is not None]
        store, policy, timeout = self.store, self.retry_policy, self.client_timeout
        target = validate_endpoint(endpoint)

        def planned() -> Iterator[PlannedRequest]:
            return requests_of(plan, [snapshot[i] for i in out.rows], target, device_id)

        def run(cancelled: Callable[[], bool]) -> PipelineResult:
            store.queue(ids, endpoint, device_id)
            pipeline = Pipeline(store, clients(api_key, timeout=timeout), policy)
            return pipeline.run(planned(), cancel=cancelled, progress=worker.report)

        worker = self._worker = Worker(run)
        self._jobs[worker.signals] = SendJob(out, client, ids=ids)
        self._running.add(worker)
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.result.connect(self._on_worker_result)
        worker.signals.error.connect(self._on_worker_error)
        worker.signals.finished.connect(self._on_worker_finished)
        self.progress.setRange(0, total if total > 1 else 0)
        self.progress.setValue(0)
        self._set_busy(True)
        self._mark_in_flight(request_rows[0] if request_rows else [])
        self._say(
            self.tr("Sending {n} in {k} to {url}…").format(
                n=counted(len(out.rows), "datapoint"), k=counted(total, "request"), url=client.url
            )
        )
        self.pool.start(worker)

    def _mark_in_flight(self, rows: list[Row]) -> None:
        """Show the rows of the request going out as "sending…" (the store marks them itself; this is the view)."""
        self.model.show_status([row.id for row in rows if row.id is not None], RowStatus.IN_FLIGHT)

    def cancel_send(self) -> None:
        """Stop after the request in flight; stored requests stay marked sent, the rest stay in the outbox."""
        if self._worker is None:
            self.confirm_bar.hide()
            return
        self._worker.cancel()
        self._worker = None
        self._set_busy(False)
        self.outcome_label.setText(
            self.tr(
                "Cancelled. The request in flight may still reach the platform; requests not yet stored keep their "
                "datapoints 'not sent' so you can send them again (datapoints with an explicit at are stored once)."
            )
        )
        self._say(self.tr("Send cancelled."))
        self.refresh_preview()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        self._update_send_enabled()
        for widget in (self.endpoint_edit, self.device_edit, self.key_edit, self.sandbox_check, self.options_bar):
            widget.setEnabled(not busy)

    def _set_nothing_to_send(self, reason: str) -> None:
        """Disable Send (button and Ctrl+Enter) with `reason` in its tooltip, or enable it again ("")."""
        self._nothing_to_send = reason
        self._update_send_enabled()

    def _update_send_enabled(self) -> None:
        idle = self._worker is None
        self.send_button.setEnabled(idle and not self._nothing_to_send)
        self.send_action.setEnabled(idle and not self._nothing_to_send)
        tooltip = self._nothing_to_send or self.tr("Send the request shown in the preview (Ctrl+Enter)")
        self.send_button.setToolTip(tooltip)
        self.send_action.setToolTip(tooltip)

    def _is_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    def _on_worker_progress(self, progress: Progress) -> None:
        """A request finished (or waits to be retried): re-colour its rows from the store, even after a cancel."""
        job = self._jobs.get(self.sender())  # type: ignore[call-overload]
        if job is None:
            return
        current = self._is_current()
        if progress.retry is not None:
            if current:
                notice = progress.retry
                self._say(
                    self.tr("Request {k}: {why}; trying again in {s:.1f} s…").format(
                        k=notice.request_index, why=notice.attempt.error, s=notice.wait_s
                    )
                )
            return
        last = progress.last
        if last is None:
            return
        self.model.sync_from_store(last.planned.outbox_ids)
        if last.outcome is RequestOutcome.SENT:
            job.stored.append(progress.requests_done - 1)
        if current:
            self.progress.setValue(progress.requests_done)
            plan = job.outgoing.plan
            if last.outcome is RequestOutcome.SENT and plan is not None and progress.requests_done < len(plan):
                out = job.outgoing
                self._mark_in_flight([out.snapshot[i] for i in out.request_rows(progress.requests_done)])
            elif last.outcome is RequestOutcome.FAILED:
                self._say(
                    self.tr("Request {k} of {n} failed.").format(k=progress.requests_done, n=progress.requests_total),
                    error=True,
                )

    def _on_worker_result(self, result: PipelineResult) -> None:
        job = self._jobs.get(self.sender())  # type: ignore[call-overload]
        if job is not None:
            job.finished = result.ok
        if not self._is_current() or job is None:
            return
        self._plot_stored(job)
        total = len(result.results)
        if result.ok:
            last = result.results[-1] if result.results else None
            self._show_response(
                last.response if last else None,
                None,
                self.tr("✔ Stored: errno 0. {n} sent in {k}.").format(
                    n=counted(result.sent, "datapoint"), k=counted(total, "request")
                ),
            )
            self.sendFinished.emit(True)
            return
        k, bad = next((k, r) for k, r in enumerate(result.results) if r.outcome is not RequestOutcome.SENT)
        why = bad.message or bad.error or self.tr("not sent")  # the message adds how often it was tried
        if bad.outcome is RequestOutcome.UNKNOWN:
            rows = self.store.get(bad.planned.outbox_ids)
            safe = is_safe_to_resend(rows, bad.planned.body.type)
            summary = self.tr(
                "? Request {k} of {n}: no clear answer: {why}. The platform may have stored its {m} datapoints; "
                "they are marked 'unknown'."
            ).format(k=k + 1, n=total, why=why, m=f"{bad.planned.datapoints:,}")
            summary += "\n" + (
                self.tr("Sending them again is safe: they have an explicit at, which the platform overwrites.")
                if safe
                else self.tr("They have no at: sending them again may store them twice.")
            )
        elif bad.outcome is RequestOutcome.UNSENT:
            summary = self.tr("✘ Request {k} of {n} not delivered: {why}").format(k=k + 1, n=total, why=why)
        else:
            summary = self.tr("✘ Request {k} of {n} not stored: {why}").format(k=k + 1, n=total, why=why)
        if result.sent:
            summary += "\n" + self.tr("{n} datapoints were stored (marked 'sent').").format(n=f"{result.sent:,}")
        if any(r.outcome is None for r in result.results[k + 1 :]):
            summary += "\n" + self.tr(
                "Stopped there: the later requests were not sent, so their datapoints cannot overwrite the earlier "
                "ones out of order. Send again to go on."
            )
        kept: str | None = None  # where the datapoints not stored are: the general sentence
        if not any(r.outcome is RequestOutcome.FAILED for r in result.results):
            if bad.outcome is RequestOutcome.UNSENT:
                kept = self.tr("The datapoints not stored are kept in the table, marked 'not sent'.")
            elif bad.outcome is RequestOutcome.UNKNOWN:
                kept = ""  # said above: marked 'unknown'; any later ones: "Stopped there"
        error = bad.error if bad.error is not None else Exception(why)
        self._show_response(bad.response, error, summary, kept)
        self.sendFinished.emit(False)

    def _on_worker_error(self, exc: Exception) -> None:
        if not self._is_current():
            return
        if isinstance(exc, StoreBusy):
            message = self.tr(
                "Another send from this outbox is running (perhaps 'onenet-uploader outbox send', or a cancelled "
                "send finishing its last request). Nothing was sent; try again when it has finished."
            )
        else:
            message = self.tr("✘ Not stored: {why}").format(why=exc)
        self._show_response(None, exc, message)
        self.sendFinished.emit(False)

    def _on_worker_finished(self) -> None:
        job = self._jobs.pop(self.sender(), None)  # type: ignore[call-overload]
        self._running = {w for w in self._running if w.signals is not self.sender()}
        if job is not None and not job.finished:
            self.model.sync_from_store(job.ids)  # cancelled, stopped or failed: show what the store knows
        if self._is_current():
            self._worker = None
            self._set_busy(False)
            self.refresh_preview()

    def _plot_stored(self, job: SendJob) -> None:
        out = job.outgoing
        pairs = list(out.readings.pairs())
        assert out.plan is not None
        stored = [pair for k in job.stored for pair in pairs[out.plan.requests[k].start : out.plan.requests[k].stop]]
        if len(stored) > MAX_PLOTTED_POINTS:
            self._say(self.tr("{n} datapoints sent: too many to plot.").format(n=f"{len(stored):,}"))
        elif stored:
            self.plot.add_sent(Readings.from_pairs(stored), datetime.now(UTC))

    def _show_response(
        self, response: PlatformResponse | None, exc: Exception | None, summary: str, kept: str | None = None
    ) -> None:
        """Show how a send ended: `summary` first, then (on failure) the platform's hint and `kept`.

        `kept` says where the datapoints not stored are; None: the general sentence, "": nothing.
        """
        outcome = summary
        if exc is not None:
            if response is not None and response.hint:
                outcome += "\n" + response.hint
            if kept is None:
                kept = self.tr("The datapoints not stored are kept in the table, marked 'failed' or 'not sent'.")
            if kept:
                outcome += "\n" + kept
        colour = "#1b7f3b" if exc is None else "#b00020"
        self.outcome_label.setText(outcome)
        self.outcome_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.errno_label.setText(str(response.errno) if response and response.errno is not None else "–")
        self.error_label.setText(response.error if response and response.error is not None else "–")
        self.http_label.setText(str(response.http_status) if response else self.tr("no answer"))
        self.latency_label.setText(self.tr("{ms:.0f} ms").format(ms=response.latency_s * 1000) if response else "–")
        self.raw_response.setPlainText(response.text if response else str(exc))
        self.result_tabs.setCurrentIndex(0)
        self._say(outcome.splitlines()[0], error=exc is not None)

    # --- history retention ----------------------------------------------------------------
    def _on_keep_days_spin_valueChanged(self, days: int) -> None:
        self.settings.history_days = days

    def _start_prune(self) -> None:
        """Forget requests and sent rows older than `Settings.history_days` (0: keep all), once, on a worker."""
        days = self.settings.history_days
        if days <= 0:
            return
        store, older_than = self.store, timedelta(days=days)

        def prune(cancelled: Callable[[], bool]) -> int:
            return store.prune(older_than)

        worker = self._prune_worker = Worker(prune)
        self._running.add(worker)
        worker.signals.result.connect(self._on_prune_worker_result)
        worker.signals.error.connect(self._on_prune_worker_error)
        worker.signals.finished.connect(self._on_prune_worker_finished)
        self.pool.start(worker)

    def _on_prune_worker_result(self, removed: int) -> None:
        if removed:
            log.info("history: %d requests older than %d days forgotten", removed, self.settings.history_days)
            self.history.refresh()
            self._say(
                self.tr("History: {n} older than {days} days forgotten.").format(
                    n=counted(removed, "request"), days=self.settings.history_days
                )
            )

    def _on_prune_worker_error(self, exc: Exception) -> None:
        log.warning("history: old requests could not be forgotten: %s", exc)
        self._say(self.tr("The old history could not be forgotten: {why}").format(why=exc), error=True)

    def _on_prune_worker_finished(self) -> None:
        self._prune_worker = None
        self._on_any_worker_finished()

    # --- verify --------------------------------------------------------------------------
    def verify_on_platform(self) -> None:
        """Read the sent rows back from the platform and compare, on a worker (the Verify tab shows it)."""
        self.result_tabs.setCurrentWidget(self.verify_panel)
        if self.verify_panel.is_running:
            return
        sent = [i for i, row in enumerate(self.model.rows()) if row.status is RowStatus.SENT]
        if not sent:
            self.verify_panel.show_message(self.tr("Nothing to verify: no datapoint in the table is marked sent."))
            return
        try:
            client = OneNetClient(
                self.endpoint_edit.text() or DEFAULT_ENDPOINT, self.device_edit.text(), self.key_edit.text()
            )
        except ConfigError as exc:
            self.verify_panel.show_message(self.tr("Cannot read the platform: {why}").format(why=exc))
            return
        readings, _ = self.model.readings(sent)
        self.verify_panel.start(client, readings)

    # --- misc ----------------------------------------------------------------------------
    def _say(self, message: str, error: bool = False) -> None:
        self.statusBar().setStyleSheet("color: #b00020;" if error else "")
        self.statusBar().showMessage(message, 15000)

    def _on_log_folder_action_triggered(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OneNET Datapoint Uploader"),
            self.tr("OneNET Datapoint Uploader {version}\nUploads datapoints to OneNET's HTTP API.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_plan_worker()
        if self._worker is not None:
            self._worker.cancel()
        self.verify_panel.cancel()
        self.history.cancel_export()
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
