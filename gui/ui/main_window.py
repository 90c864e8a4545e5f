"""The main window: assembles the connection panel, the datapoint editor, the preview and send panel, the
result tabs (response, plot, verify, history) and the send controller, and wires them together."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import gui
from gui import i18n
from gui.data.logs import log_folder
from gui.data.outbox import RequestOptions
from gui.data.secrets import SecretStore
from gui.data.store import Store, StoreError
from gui.data.target import NO_TARGET, Platform, Target
from gui.onenet.client import DEFAULT_TIMEOUT_S, ConfigError
from gui.onenet.formats import BodyType
from gui.onenet.readings import Readings, kind_of
from gui.ui.colours import DARK, LIGHT, SYSTEM, set_style, theme
from gui.ui.connection_panel import ConnectionPanel, SandboxFactory, default_sandbox
from gui.ui.datapoints_model import DatapointsModel, Row, RowStatus
from gui.ui.editor import DatapointEditor
from gui.ui.history import HistoryPanel, requeue_for_resend
from gui.ui.import_controller import ImportController
from gui.ui.plot import PlotPanel
from gui.ui.response_panel import ResponsePanel
from gui.ui.retranslate import retranslate_widgets
from gui.ui.sandbox_tab import SandboxTab
from gui.ui.screens import fit_to_screen
from gui.ui.send_controller import SendController
from gui.ui.send_panel import PreviewSendPanel
from gui.ui.settings import Settings
from gui.ui.verify_panel import VerifyPanel

if TYPE_CHECKING:
    from gui.data.pipeline import RetryPolicy
    from gui.ui.timed_send import TimedSendDialog
    from gui.ui.trial import Trial

__all__ = ["MainWindow", "SandboxFactory", "default_sandbox", "delete_now"]

#: The window's size at first start (px), or less: it opens within the screen's available area.
DEFAULT_SIZE = QSize(1280, 820)


def delete_now(widget: QWidget) -> None:
    """Delete `widget` and its children now, on this (the GUI) thread, once it is closed and its pool is done.

    A window is owned by whoever made it: deleting it explicitly means its Qt
    objects never wait for Python's collector, which may run on any thread.
    """
    import shiboken6

    if shiboken6.isValid(widget):
        shiboken6.delete(widget)


class MainWindow(QMainWindow):
    """Everything of one upload in one window; collaborators are passed in for tests.

    `store` is the outbox on disk (the source of truth; `model` shows it): every row
    typed or imported goes to it before the table shows it, so a crash loses nothing.
    The parts, each in its module: `connection` (ConnectionPanel), `editor`
    (DatapointEditor), `send_panel` (PreviewSendPanel), `response` (ResponsePanel),
    `plot`, `verify_panel`, `history`, `sandbox_tab` (the inspector), and `sender` (SendController: plan, send,
    prune, with `retry_policy`, default `RetryPolicy()`). Closing cancels its work;
    whoever made the window deletes it (`deleteLater()`) once its pool is done.
    """

    sendFinished = Signal(bool)  # emitted after every send attempt: True on errno 0

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
        self.pool = thread_pool or QThreadPool.globalInstance()
        i18n.ensure_language()
        self._language = i18n.language()  # the language the texts are in (changeEvent: it changed)
        self.model = DatapointsModel(parent=self, store=store)
        self.setWindowTitle(self.tr("OneNET Datapoint Uploader"))
        self._build_actions()

        self.connection = ConnectionPanel(self.settings, secrets, sandbox_factory)
        self.importer.target = self.connection.target  # the panel's bound method: no cycle back to the window
        self.editor = DatapointEditor(self.model, self.settings, self.remove_action)
        self.send_panel = PreviewSendPanel(self.send_action)
        self.response = ResponsePanel(self.verify_action)
        self.plot = PlotPanel()
        self.plot.set_model(self.model)
        self.verify_panel = VerifyPanel(self.pool)
        self.history = HistoryPanel(self.store, pool=self.pool)
        self.sandbox_tab = SandboxTab()
        self._build_layout()
        self.send_controller = SendController(
            model=self.model,
            store=store,
            settings=self.settings,
            connection=self.connection,
            editor=self.editor,
            panel=self.send_panel,
            response=self.response,
            plot=self.plot,
            send_action=self.send_action,
            cancel_action=self.cancel_action,
            pool=self.pool,
            retry_policy=retry_policy,
            parent=self,
        )
        self.send_controller.client_timeout = DEFAULT_TIMEOUT_S
        self._target: Target | None = None  # the target new rows get: the connection's (last complete one)
        self._waiting_for: Target | None = None  # the previous target, while the waiting bar asks about its rows
        self._connect_signals()
        self._restore()
        self._target = self.connection.current_target()
        self.model.target = self._target or NO_TARGET
        self._adopt_untargeted()
        self.send_controller.refresh_preview()
        self.send_controller.start_prune()
        self._painted = False  # see paintEvent
        self._closed = False

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
        self.getting_started_action = QAction(self.tr("&Getting started"), self)
        self.getting_started_box: QMessageBox | None = None
        self.log_folder_action = QAction(self.tr("Open &log folder"), self)
        self.log_folder_action.setToolTip(self.tr("Show the folder of the log file (requests, outcomes, errors)"))
        self.verify_action = QAction(self.tr("&Verify on platform"), self)
        self.verify_action.setToolTip(self.tr("Read the sent datapoints back from the platform and compare"))
        self.timed_send_action = QAction(self.tr("Send on a &timer…"), self)
        self.timed_send_action.setToolTip(
            self.tr("Send the selected streams every N seconds, as a device would (through the outbox)")
        )
        self.timed_send: TimedSendDialog | None = None
        self.trial: Trial | None = None  # a --sandbox session: hands real work over to the user's own when it closes

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.log_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # Import…, toolbar, drops
        self.importer = ImportController(
            self,
            file_menu,
            self.model,
            self.pool,
            self.settings,
            before=self.quit_action,
        )
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.remove_action, self.resend_action, self.clear_action])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_actions = QActionGroup(self)
        for mode, text, tip in (
            (SYSTEM, self.tr("&System"), self.tr("Light or dark as the desktop is, and follow it when it changes")),
            (LIGHT, self.tr("&Light"), self.tr("Dark text on light backgrounds")),
            (DARK, self.tr("&Dark"), self.tr("Light text on dark backgrounds")),
        ):
            action = theme_menu.addAction(text)
            action.setCheckable(True)
            action.setData(mode)
            action.setToolTip(tip)
            self.theme_actions.addAction(action)
        theme_menu.setToolTipsVisible(True)
        self.theme_actions.triggered.connect(self._on_theme_actions_triggered)
        request_menu = self.menuBar().addMenu(self.tr("&Request"))
        request_menu.addActions([self.send_action, self.cancel_action, self.timed_send_action])
        request_menu.addSeparator()
        request_menu.addAction(self.verify_action)
        self._build_language_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.getting_started_action)
        help_menu.addAction(self.about_action)

    def _build_language_menu(self) -> None:
        """Language: each language by its own name (never translated), the one in use checked; remembered."""
        self.language_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = group.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self._language)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def set_language(self, code: str) -> None:
        """Speak `code` (a key of `gui.i18n.LANGUAGES`) from now on and remember it; the window retranslates."""
        self.settings.language = code
        i18n.set_language(code)  # Qt sends LanguageChange: changeEvent retranslates

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and i18n.language() != self._language:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Put the open window into the language now in use: every static text, then each panel's own texts."""
        old, self._language = self._language, i18n.language()
        retranslate_widgets(self, old)
        for code, action in self.language_actions.items():
            action.setChecked(code == self._language)
        panels = (self.connection, self.editor, self.send_panel, self.plot, self.history, self.sandbox_tab)
        for panel in (*panels, self.send_controller):
            again = getattr(panel, "retranslate", None)
            if callable(again):
                again()
        self.send_controller.refresh_preview()

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.connection)
        left_layout.addWidget(self.editor, 1)
        self.connection.float_waiting_bar_over(left)  # the keep/move/discard question: over the column's bottom

        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(self.response, self.tr("Response"))
        self.result_tabs.addTab(self.plot, self.tr("Plot"))
        self.result_tabs.addTab(self.verify_panel, self.tr("Verify"))
        self.result_tabs.addTab(self.history, self.tr("History"))
        # The inspector is the tallest tab: it scrolls rather than make the window too tall for a small screen.
        self.sandbox_page = QScrollArea(widgetResizable=True)
        self.sandbox_page.setFrameShape(QFrame.Shape.NoFrame)
        self.sandbox_page.setWidget(self.sandbox_tab)
        self.result_tabs.addTab(self.sandbox_page, self.tr("Sandbox"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.addWidget(self.send_panel)
        vsplit.addWidget(self.result_tabs)
        vsplit.setSizes([420, 280])  # the preview shows the headers and the start of the body
        right_layout.addWidget(vsplit)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 640])
        self.setCentralWidget(self.splitter)
        self.statusBar()
        fit_to_screen(self, DEFAULT_SIZE)

    def _connect_signals(self) -> None:
        self.connection.revealToggled.connect(self.send_panel.preview.set_reveal)
        self.connection.sandboxChanged.connect(self._on_connection_sandboxChanged)
        self.connection.targetCommitted.connect(self._on_connection_targetCommitted)
        self.connection.keep_button.clicked.connect(self._on_keep_button_clicked)
        self.connection.move_button.clicked.connect(self._on_move_button_clicked)
        self.connection.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.sandbox_tab.readingsImported.connect(self._on_inspector_readingsImported)
        self.sandbox_tab.listenRequested.connect(self._on_sandbox_tab_listenRequested)
        self.send_panel.preview.shown.connect(self._on_preview_shown)
        self.send_panel.preview.copied.connect(self._say)
        self.editor.zoneChanged.connect(self._on_editor_zoneChanged)
        for source in (self.editor, self.send_controller):
            source.message.connect(self._say)
        self.importer.message.connect(self._say)
        self.importer.zoneRequested.connect(self.editor.set_zone)
        self.send_controller.sendFinished.connect(self.sendFinished)
        self.send_controller.sendFinished.connect(self._on_sendFinished)
        self.send_controller.historyPruned.connect(self.history.refresh)
        self.resend_action.triggered.connect(self._on_resend_action_triggered)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.getting_started_action.triggered.connect(self.show_getting_started)
        self.log_folder_action.triggered.connect(self._on_log_folder_action_triggered)
        self.verify_action.triggered.connect(self.verify_on_platform)
        self.timed_send_action.triggered.connect(self.open_timed_send)
        self.response.verify_button.clicked.connect(self.verify_on_platform)
        self.verify_panel.verifyRequested.connect(self.verify_on_platform)
        self.history.resendRequested.connect(self._on_history_resendRequested)
        self.history.verifyRequested.connect(self._on_history_verifyRequested)
        self.addAction(self.send_action)
        self.addAction(self.cancel_action)

    def _restore(self) -> None:
        self.connection.restore()
        self.editor.restore()
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
            fit_to_screen(self, self.size())  # saved on a larger screen, or the screen got smaller
        if self.settings.splitter_state is not None:
            self.splitter.restoreState(self.settings.splitter_state)
        self.send_panel.options_bar.set_options(
            RequestOptions(
                BodyType(self.settings.body_type),
                self.settings.separators or None,
                self.settings.max_points,
                self.settings.max_bytes,
            )
        )
        self.history.keep_days_spin.setValue(self.settings.history_days)
        self.history.keep_days_spin.valueChanged.connect(self._on_keep_days_spin_valueChanged)
        self.plot.set_axes_mode(self.settings.plot_axes)
        self.plot.axesModeChanged.connect(self._on_plot_axesModeChanged)
        self.set_theme(self.settings.theme)

    def set_theme(self, mode: str) -> None:
        """View > Theme: SYSTEM, LIGHT or DARK (gui.ui.colours) for the whole application, at once."""
        theme().set_mode(mode)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == theme().mode)

    # --- between the parts ---------------------------------------------------------------
    def _say(self, message: str, error: bool = False) -> None:
        set_style(self.statusBar(), "color: $error;" if error else "")
        self.statusBar().showMessage(message, 15000)

    def _on_editor_zoneChanged(self, tz: object, name: str) -> None:
        for panel in (self.plot, self.verify_panel, self.history):
            panel.set_time_zone(tz, name)  # type: ignore[arg-type]

    def _on_connection_sandboxChanged(self) -> None:
        self.sandbox_tab.show_sandbox(self.connection.sandbox, self.connection.sandbox_in_use)
        if self.trial is not None and not self.connection.sandbox_in_use:  # the README's "A sandbox trial" paragraph
            self._say(
                self.tr(
                    "A sandbox trial: your own outbox is not shown here. Datapoints you make here for a real "
                    "endpoint are kept in it and show at your next start without --sandbox."
                )
            )

    # --- targets -------------------------------------------------------------------------
    def _adopt_untargeted(self) -> None:
        """Rows without a target (drafts of schema v3, or typed before a device id was) get one.

        Drafts of v3 get the remembered connection (not the sandbox: v3 never remembered it):
        where v3's Send would have sent them. Rows typed in this session before the
        connection was complete get the connection's target once it is.
        """
        try:
            remembered = Target.of(self.settings.endpoint, self.settings.device_id)
        except ConfigError:
            remembered = None
        target = self._target if self._target is not None and not self._target.is_sandbox else remembered
        if target is not None:
            try:
                self.model.adopt_untargeted(target)
            except StoreError as exc:
                self._say(self.tr("The datapoints without a target keep none: {why}").format(why=exc), error=True)

    def _on_connection_targetCommitted(self) -> None:
        """The connection now names another target: new rows get it, Send sends to it; ask about rows waiting.

        Rows not sent yet for the previous target wait for it (Send never takes them
        elsewhere; the Target column shows them) until the user answers the connection's
        waiting bar: keep them for their target, move them to the new one, or discard them.
        A row made for the sandbox never goes elsewhere unless moved there.
        """
        new = self.connection.current_target()
        self.model.target = new or NO_TARGET
        old = self._target
        if new is None or new == old:
            return
        self._target = new
        if old is not None and self.model.waiting_for(old):
            self._waiting_for = old
        try:
            self.model.adopt_untargeted(new)  # typed before the connection named a target
        except StoreError as exc:
            self._say(self.tr("The datapoints without a target keep none: {why}").format(why=exc), error=True)
        self._update_waiting_bar()
        self.send_controller.schedule_preview()

    def _update_waiting_bar(self) -> None:
        """Show the question about the rows waiting for `_waiting_for` while some wait and it is not the target."""
        old, new = self._waiting_for, self._target
        waiting = self.model.waiting_for(old) if old is not None and new is not None and old != new else []
        bar = self.connection.waiting_bar
        if not waiting or old is None or new is None:
            self._waiting_for = None
            bar.hide()
            return
        self.connection.waiting_label.setText(
            self.tr(
                "{n} datapoints not sent yet were made for {old}; the connection now names {new}. They are not sent "
                "here unless you move them."
            ).format(n=f"{len(waiting):,}", old=self.model.target_text(old), new=self.model.target_text(new))
        )
        bar.show()

    def _on_keep_button_clicked(self) -> None:
        old = self._waiting_for
        if old is not None:
            n = len(self.model.waiting_for(old))
            self._say(self.tr("{n} datapoints wait for {old}.").format(n=n, old=self.model.target_text(old)))
        self._waiting_for = None
        self._update_waiting_bar()

    def _on_move_button_clicked(self) -> None:
        old, new = self._waiting_for, self._target
        if old is None or new is None:
            return
        waiting = self.model.waiting_for(old)
        try:
            self.model.retarget(waiting, new)
        except StoreError as exc:
            self._say(self.tr("Not moved: {why}").format(why=exc), error=True)
            return
        moved = self.tr("{n} datapoints moved to {new}.")
        self._say(moved.format(n=len(waiting), new=self.model.target_text(new)))
        self._update_waiting_bar()

    def _on_discard_button_clicked(self) -> None:
        old = self._waiting_for
        if old is None:
            return
        waiting = self.model.waiting_for(old)
        if not self._confirm_discard(len(waiting), old):
            return
        try:
            self.model.remove_rows(waiting)
        except StoreError as exc:
            self._say(self.tr("Not discarded: {why}").format(why=exc), error=True)
            return
        self._say(self.tr("{n} datapoints discarded.").format(n=len(waiting)))
        self._update_waiting_bar()

    def _on_preview_shown(self) -> None:
        problem = "" if self.send_panel.preview.prepared() is not None else self.tr("The editor has no request to send")
        self.sandbox_tab.set_editor_request(self.send_panel.preview.prepared(), problem)

    def _on_sandbox_tab_listenRequested(self, host: str) -> None:
        why = self.connection.listen_on(host)
        if why:
            self._say(why, error=True)

    def _on_inspector_readingsImported(self, readings: Readings) -> None:
        """A captured request's datapoints go to the editor as the import dialog's do: the outbox first."""
        rows = [Row(stream_id, point, kind_of(point.value)) for stream_id, point in readings.pairs()]
        try:
            self.add_rows(rows)
        except (ValueError, StoreError, OSError) as exc:
            self._say(self.tr("Not imported: {why}").format(why=i18n.why(exc)), error=True)
            return
        self._say(self.tr("{points} imported from the sandbox's request.").format(points=i18n.datapoints(len(rows))))

    def _on_sendFinished(self, ok: bool) -> None:
        self.result_tabs.setCurrentIndex(0)
        self.history.refresh()

    def _on_keep_days_spin_valueChanged(self, days: int) -> None:
        self.settings.history_days = days

    def _on_plot_axesModeChanged(self, mode: str) -> None:
        self.settings.plot_axes = mode

    def _on_theme_actions_triggered(self, action: QAction) -> None:
        self.settings.theme = str(action.data())
        self.set_theme(self.settings.theme)

    def add_rows(self, rows: list[Row]) -> int:
        """Add rows (typed, imported) to the outbox and the table in one transaction; returns the first new row.

        The call for importers: `window.add_rows([Row(stream_id, Datapoint(value, at), kind), ...])`
        (status and id are set here). Same as `window.model.extend(rows)`, which it calls.
        Raises ValueError (nothing added) for a NaN/infinite value, StoreError/OSError if
        the outbox cannot be written.
        """
        return self.model.extend(rows)

    def _on_resend_action_triggered(self) -> None:
        self.model.mark_unsent(list(range(self.model.rowCount())))

    def _confirm_discard(self, n: int, target: Target) -> bool:
        """Ask before the waiting rows are deleted (never sent, no undo); Cancel is the default."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard datapoints"),
            self.tr("Discard {n} datapoints made for {old}? They were never sent, and cannot be restored.").format(
                n=f"{n:,}", old=self.model.target_text(target)
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        discard = box.addButton(
            self.tr("Discard {n} datapoints").format(n=f"{n:,}"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is discard

    def _on_history_resendRequested(self, ids: list[int]) -> None:
        editor, queued = requeue_for_resend(self.store, ids)
        self.model.sync_from_store(editor)
        self._say(
            self.tr("{n} datapoints marked to send again; {q} not in the table queued for 'outbox send'").format(
                n=len(editor), q=len(queued)
            )
        )

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
                self._say(self.tr("Not cleared: {why}").format(why=i18n.why(exc)), error=True)
                return
            self.verify_panel.clear()  # its results were of the rows cleared

    # --- timed sending -------------------------------------------------------------------
    def open_timed_send(self) -> TimedSendDialog:
        """Show the timer dialog (one per window), filled with the selected streams and their last values."""
        from gui.ui.timed_send import TimedSendDialog

        if self.timed_send is None:
            rows = self.model.rows()
            chosen = sorted(index.row() for index in self.editor.table.selectionModel().selectedRows())
            last = {rows[r].stream_id: rows[r].point.value for r in chosen}
            self.timed_send = TimedSendDialog(
                list(last.items()),
                self.model,
                self.send_controller.send,
                lambda: self.send_controller.sending.is_busy,
                parent=self,
            )
            self.sendFinished.connect(self.timed_send.on_send_finished)
        self.timed_send.show()
        return self.timed_send

    # --- verify --------------------------------------------------------------------------
    def verify_on_platform(self) -> None:
        """Read the sent rows back from the platform and compare, on a worker (the Verify tab shows it)."""
        self.result_tabs.setCurrentWidget(self.verify_panel)
        if self.verify_panel.is_running:
            return
        target = self.connection.current_target()
        rows = self.model.rows()
        sent = [i for i, row in enumerate(rows) if row.status is RowStatus.SENT and row.target in (target, NO_TARGET)]
        if not sent:
            if any(row.status is RowStatus.SENT for row in rows):
                self.verify_panel.show_message(
                    self.tr("Nothing to verify here: the datapoints marked sent were sent to other targets.")
                )
            else:
                self.verify_panel.show_message(self.tr("Nothing to verify: no datapoint in the table is marked sent."))
            return
        readings, _ = self.model.readings(sent)
        if target is not None and target.platform is Platform.THING:  # read back with the product access key
            client, problem = self.connection.make_client()
            if not self.connection.access_key:
                problem = self.tr("Reading back from the current platform needs the product's access key.")
            if client is None or problem:
                self.verify_panel.show_message(self.tr("Cannot read the platform: {why}").format(why=problem))
                return
            self.verify_panel.start(client, readings)
            return
        self._verify(self.connection.endpoint, self.connection.device_id, self.connection.api_key, readings)

    def _on_history_verifyRequested(self, endpoint: str, device_id: str, readings: Readings) -> None:
        """Verify what selected history requests stored; the key: the form's for its device, else the keyring's."""
        self.result_tabs.setCurrentWidget(self.verify_panel)
        if self.verify_panel.is_running:
            return
        try:
            url = self.connection.url_of(endpoint)  # the window's sandbox: where it runs now
        except ConfigError as exc:
            self.verify_panel.show_message(self.tr("Cannot read the platform: {why}").format(why=exc))
            return
        self._verify(url, device_id, self.connection.key_for(device_id), readings)

    def _verify(self, endpoint: str, device_id: str, api_key: str, readings: Readings) -> None:
        from gui.onenet.client import ConfigError, OneNetClient

        try:
            client = OneNetClient(endpoint, device_id, api_key)
        except ConfigError as exc:
            self.verify_panel.show_message(self.tr("Cannot read the platform: {why}").format(why=i18n.why(exc)))
            return
        self.verify_panel.start(client, readings)

    # --- misc ----------------------------------------------------------------------------
    def _on_log_folder_action_triggered(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OneNET Datapoint Uploader"),
            self.tr("OneNET Datapoint Uploader {version}\nUploads datapoints to OneNET's HTTP API.").format(
                version=gui.__version__
            ),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # what the first paint does not need is loaded after it, on the pool
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self._closed or not self.isVisible():  # closed meanwhile: its pool waited for its work already
            return
        QCoreApplication.setApplicationVersion(gui.__version__)  # read from the installed metadata: not needed to show
        self.connection.load_key(self.pool)
        self.send_controller.warm_up()

    def show_getting_started(self) -> QMessageBox:
        """Help > Getting started: the sandbox and its api-key, the seed example (a button adds it), where data
        and logs are kept (this session's outbox file and the log folder). Shown window-modal; returned for tests."""
        from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

        box = self.getting_started_box = QMessageBox(self)
        box.setWindowTitle(self.tr("Getting started"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "<p><b>Try it on the sandbox.</b> Tick <i>Use the local sandbox</i> (or start the program with "
                "<code>onenet-uploader --sandbox</code>): a OneNET-compatible server on this computer with device "
                "<code>{device}</code> and api-key <code>{key}</code>. Nothing leaves this computer. "
                "<i>Copy as curl</i> gives a command that sends the previewed request; in the terminal, first "
                "<code>export ONENET_API_KEY={key}</code>.</p>"
                "<p><b>The seed example</b> is the request body of OneNET's API description: datastreams "
                "<code>temperature</code> and <code>key</code>, four datapoints; two of <code>key</code> have the "
                "same at, so the check warns that the platform keeps only the last. <i>Add the example</i> puts "
                "it in the table; then press Send.</p>"
                "<p><b>Where things are kept.</b> Datapoints and the history of requests: <code>{outbox}</code> "
                "(a <code>--sandbox</code> trial keeps its own in a folder of its own beside it, removed when it "
                "closes; what it made for a real endpoint moves to yours then, or at the next start if it was "
                "killed). "
                "Logs: <code>{logs}</code> (<i>File &gt; Open log folder</i>). The api-key is never written to "
                "a file: it is kept in the system's keyring, or for the session only.</p>"
            ).format(
                device=DEFAULT_DEVICE_ID,
                key=DEFAULT_API_KEY,
                outbox=html.escape(str(self.store.path)),
                logs=html.escape(str(log_folder())),
            )
        )
        add = box.addButton(self.tr("Add the &example"), QMessageBox.ButtonRole.ActionRole)
        add.clicked.connect(self.add_seed_example)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        return box

    def add_seed_example(self) -> None:
        """Add the seed example's four datapoints to the outbox and the table (the status bar says so)."""
        from gui.onenet.examples import seed_example

        rows = [Row(stream_id, point, kind_of(point.value)) for stream_id, point in seed_example().pairs()]
        try:
            self.add_rows(rows)
        except (ValueError, StoreError, OSError) as exc:
            self._say(self.tr("Not added: {why}").format(why=i18n.why(exc)), error=True)
            return
        self._say(self.tr("{points} of the seed example added.").format(points=i18n.datapoints(len(rows))))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel all work, wait (up to 2 s) for the pool, remember the layout, stop the sandbox."""
        self._closed = True
        if self.timed_send is not None:
            self.timed_send.stop()
        self.send_controller.stop()
        self.verify_panel.cancel()
        self.history.cancel_export()
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.connection.save()
        self.settings.sync()
        self.pool.waitForDone(2000)
        if self.trial is not None:
            self._end_trial(self.trial)
        self.connection.stop_sandbox()
        super().closeEvent(event)

    def _end_trial(self, trial: Trial) -> None:
        """A --sandbox trial closes: rows and the connection made for a real endpoint go to the user's own."""
        endpoint, device_id = self.connection.real_connection()
        try:
            trial.keep(self.model.rows(), endpoint, device_id, self.settings.time_zone)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Not kept"),
                self.tr(
                    "The datapoints made for a real endpoint in this trial could not be kept in your outbox now: "
                    "{why}. They stay in the trial's folder and move there at your next start."
                ).format(why=exc),
            )
