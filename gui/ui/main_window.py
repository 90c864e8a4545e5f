"""The main window: assembles the connection panel, the datapoint editor, the preview and send panel, the
result tabs (response, plot, verify, history, sandbox) and the controllers (send, verify, target switch),
under its menus (gui.ui.window_menus), and wires them together."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

import gui
from gui import i18n
from gui.data.outbox import RequestOptions
from gui.data.secrets import SecretStore
from gui.data.store import Store, StoreError
from gui.onenet.client import DEFAULT_TIMEOUT_S
from gui.onenet.formats import BodyType
from gui.onenet.readings import Readings, kind_of
from gui.ui.colours import set_style
from gui.ui.connection_panel import ConnectionPanel, SandboxFactory, default_sandbox
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.editor import DatapointEditor
from gui.ui.help_menu import show_getting_started
from gui.ui.import_controller import ImportController
from gui.ui.response_panel import ResponsePanel
from gui.ui.result_tabs import ResultTabs
from gui.ui.retranslate import retranslate_widgets
from gui.ui.rows import Row
from gui.ui.screens import fit_to_screen
from gui.ui.send_controller import SendController
from gui.ui.send_panel import PreviewSendPanel
from gui.ui.settings import Settings
from gui.ui.startup_checks import unreadable_files_box
from gui.ui.target_switch import TargetSwitch
from gui.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from datetime import tzinfo

    import requests

    from gui.data.pipeline import RetryPolicy
    from gui.ui.history import HistoryPanel
    from gui.ui.plot import PlotPanel
    from gui.ui.sandbox_tab import SandboxTab
    from gui.ui.timed_send import TimedSendDialog
    from gui.ui.trial import Trial
    from gui.ui.verify_controller import VerifyController
    from gui.ui.verify_panel import VerifyPanel

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
    The parts, each in its module: `menus` (WindowMenus: the menus and their actions), `connection`
    (ConnectionPanel), `editor` (DatapointEditor), `send_panel` (PreviewSendPanel), `result_tabs`
    (ResultTabs: `response`, `plot`, `verify_panel`, `history`, `sandbox_tab`, the inspector),
    `send_controller` (SendController: plan, send, prune, with `retry_policy`, default `RetryPolicy()`),
    `verifier` (VerifyController: Verify on platform) and `targets` (TargetSwitch: which target new rows
    get, and the question about rows waiting for another). The result tabs but Response are made when
    first shown or first used (`gui.ui.result_tabs.LazyTab`; `_make_plot` and its kin say what the window
    gives each), and so is `verifier`: the first paint needs none of them. Closing cancels its work;
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
        self._build_menus()

        self.connection = ConnectionPanel(self.settings, secrets, sandbox_factory)
        self.importer.target = self.connection.target  # the panel's bound method: no cycle back to the window
        self.editor = DatapointEditor(self.model, self.settings, self.remove_action)
        self.send_panel = PreviewSendPanel(self.send_action)
        self.response = ResponsePanel(self.verify_action)
        self._build_layout()
        self.send_controller = SendController(
            model=self.model,
            store=store,
            settings=self.settings,
            connection=self.connection,
            editor=self.editor,
            panel=self.send_panel,
            response=self.response,
            plot=self.result_tabs.plot,
            send_action=self.send_action,
            cancel_action=self.cancel_action,
            pool=self.pool,
            retry_policy=retry_policy,
            parent=self,
        )
        self.send_controller.client_timeout = DEFAULT_TIMEOUT_S
        self.targets = TargetSwitch(self.model, self.connection, self.settings, parent=self)
        self._connect_signals()
        self._restore()
        self.startup_box = unreadable_files_box(self, self.settings.unreadable(), self.connection.profiles_problem)
        self.targets.start()
        self.send_controller.refresh_preview()
        self.send_controller.start_prune()
        self._painted = False  # see paintEvent
        self._closed = False

    # --- construction ------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.menus = WindowMenus(self, self.settings, self._language)
        m = self.menus  # the actions the parts show, and the tests trigger, by their names on the window
        self.send_action, self.cancel_action, self.remove_action = m.send_action, m.cancel_action, m.remove_action
        self.resend_action, self.clear_action, self.quit_action = m.resend_action, m.clear_action, m.quit_action
        self.verify_action, self.theme_actions = m.verify_action, m.theme_actions
        self.language_actions = m.language_actions
        self.getting_started_box: QMessageBox | None = None
        self.timed_send: TimedSendDialog | None = None
        self.trial: Trial | None = None  # a --sandbox session: hands real work over to the user's own when it closes
        # Import…, toolbar, drops
        self.importer = ImportController(
            self,
            m.file_menu,
            self.model,
            self.pool,
            self.settings,
            before=self.quit_action,
        )

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
        self.menus.check_language(self._language)
        panels = (self.connection, self.editor, self.send_panel, *self.result_tabs.built_panels())
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

        self.result_tabs = ResultTabs(
            self.response, self._make_plot, self._make_verify_panel, self._make_history, self._make_sandbox_tab
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.addWidget(self.send_panel)
        vsplit.addWidget(self.result_tabs)
        vsplit.setSizes([420, 280])  # the preview shows the headers and the start of the body
        right_layout.addWidget(vsplit)
        self.send_panel.float_confirm_bar_over(right)  # "Send anyway?": over the result tabs' top, not the body

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
        self.targets.message.connect(self._say)
        self.targets.retargeted.connect(self.send_controller.schedule_preview)
        self.send_panel.preview.shown.connect(self._on_preview_shown)
        self.send_panel.preview.copied.connect(self._say)
        self.editor.zoneChanged.connect(self._on_editor_zoneChanged)
        for source in (self.editor, self.send_controller):
            source.message.connect(self._say)
        self.importer.message.connect(self._say)
        self.importer.zoneRequested.connect(self.editor.set_zone)
        self.send_controller.sendFinished.connect(self.sendFinished)
        self.send_controller.sendFinished.connect(self._on_sendFinished)
        self.resend_action.triggered.connect(self._on_resend_action_triggered)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.menus.getting_started_action.triggered.connect(self.show_getting_started)
        self.menus.languageChosen.connect(self.set_language)
        self.verify_action.triggered.connect(self.verify_on_platform)
        self.menus.timed_send_action.triggered.connect(self.open_timed_send)
        self.response.verify_button.clicked.connect(self.verify_on_platform)
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
        self.menus.set_theme(self.settings.theme)

    # --- the lazy result tabs (gui.ui.result_tabs): each made with the window's state as it is then ---------
    @property
    def plot(self) -> PlotPanel:
        return self.result_tabs.plot.get()

    @property
    def verify_panel(self) -> VerifyPanel:
        return self.result_tabs.verify.get()

    @property
    def history(self) -> HistoryPanel:
        return self.result_tabs.history.get()

    @property
    def sandbox_tab(self) -> SandboxTab:
        return self.result_tabs.sandbox.get()

    @property
    def sandbox_page(self) -> QScrollArea:
        """The Sandbox tab's page: a scroll area holding `sandbox_tab`."""
        self.result_tabs.sandbox.get()
        page = self.result_tabs.sandbox.page
        assert isinstance(page, QScrollArea)
        return page

    @cached_property
    def verifier(self) -> VerifyController:
        """Verify on platform (`gui.ui.verify_controller`), made at the first verification."""
        from gui.ui.verify_controller import VerifyController

        return VerifyController(self.model, self.connection, self.result_tabs.verify, parent=self)

    def _make_plot(self) -> PlotPanel:
        from gui.ui.plot import PlotPanel

        plot = PlotPanel(pool=self.pool)
        plot.set_model(self.model)  # the rows sent before are the model's: drawn by their status
        plot.set_time_zone(self.model.display_tz, self.model.display_zone_name)
        plot.set_axes_mode(self.settings.plot_axes)
        plot.axesModeChanged.connect(self._on_plot_axesModeChanged)
        plot.refresh()  # drawn now, shown or not, as a plot made at start is after each send
        return plot

    def _make_verify_panel(self) -> VerifyPanel:
        from gui.ui.verify_panel import VerifyPanel

        panel = VerifyPanel(self.pool)
        panel.set_time_zone(self.model.display_tz, self.model.display_zone_name)
        panel.verifyRequested.connect(self.verify_on_platform)
        return panel

    def _make_history(self) -> HistoryPanel:
        from gui.ui.history import HistoryPanel

        history = HistoryPanel(self.store, pool=self.pool)  # reads the store when first shown
        history.set_time_zone(self.model.display_tz, self.model.display_zone_name)
        history.keep_days_spin.setValue(self.settings.history_days)
        history.keep_days_spin.valueChanged.connect(self._on_keep_days_spin_valueChanged)
        self.send_controller.historyPruned.connect(history.refresh)
        history.resendRequested.connect(self._on_history_resendRequested)
        history.verifyRequested.connect(self._on_history_verifyRequested)
        return history

    def _make_sandbox_tab(self) -> SandboxTab:
        from gui.ui.sandbox_tab import SandboxTab

        tab = SandboxTab()
        tab.readingsImported.connect(self._on_inspector_readingsImported)
        tab.listenRequested.connect(self._on_sandbox_tab_listenRequested)
        tab.show_sandbox(self.connection.sandbox, self.connection.sandbox_in_use)  # its capture so far with it
        tab.set_editor_request(*self._editor_request())
        return tab

    # --- between the parts ---------------------------------------------------------------
    def _say(self, message: str, error: bool = False) -> None:
        set_style(self.statusBar(), "color: $error;" if error else "")
        self.statusBar().showMessage(message, 15000)

    def _on_editor_zoneChanged(self, tz: tzinfo, name: str) -> None:
        tabs = self.result_tabs  # a tab made later takes the model's zone
        tabs.plot.if_built(lambda plot: plot.set_time_zone(tz, name))
        tabs.verify.if_built(lambda panel: panel.set_time_zone(tz, name))
        tabs.history.if_built(lambda history: history.set_time_zone(tz, name))

    def _on_connection_sandboxChanged(self) -> None:
        connection = self.connection
        self.result_tabs.sandbox.if_built(lambda tab: tab.show_sandbox(connection.sandbox, connection.sandbox_in_use))
        if self.trial is not None and not self.connection.sandbox_in_use:  # the README's "A sandbox trial" paragraph
            self._say(
                self.tr(
                    "A sandbox trial: your own outbox is not shown here. Datapoints you make here for a real "
                    "endpoint are kept in it and show at your next start without --sandbox."
                )
            )

    def _editor_request(self) -> tuple[requests.PreparedRequest | None, str]:
        """The preview's request for the inspector to compare with, or None and why there is none."""
        prepared = self.send_panel.preview.prepared()
        return prepared, "" if prepared is not None else self.tr("The editor has no request to send")

    def _on_preview_shown(self) -> None:
        self.result_tabs.sandbox.if_built(lambda tab: tab.set_editor_request(*self._editor_request()))

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
        self.result_tabs.history.if_built(lambda history: history.refresh())

    def _on_keep_days_spin_valueChanged(self, days: int) -> None:
        self.settings.history_days = days

    def _on_plot_axesModeChanged(self, mode: str) -> None:
        self.settings.plot_axes = mode

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

    def _on_history_verifyRequested(self, endpoint: str, device_id: str, readings: Readings) -> None:
        self.verifier.verify_history(endpoint, device_id, readings)

    def _on_history_resendRequested(self, ids: list[int]) -> None:
        from gui.ui.history import requeue_for_resend

        editor, queued = requeue_for_resend(self.store, ids)
        self.model.sync_from_store(editor)
        self._say(
            self.tr(
                "%Ln datapoint(s) marked to send again; {q} not in the table queued for 'outbox send'", "", len(editor)
            ).format(q=len(queued))
        )

    def _on_clear_action_triggered(self) -> None:
        if self.model.rowCount() == 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Clear all datapoints"),
            self.tr("Remove all %Ln datapoint(s) from the table?", "", self.model.rowCount()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.model.clear()
            except StoreError as exc:
                self._say(self.tr("Not cleared: {why}").format(why=i18n.why(exc)), error=True)
                return
            self.result_tabs.verify.if_built(lambda panel: panel.clear())  # its results were of the rows cleared

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

    def verify_on_platform(self) -> None:
        """Verify on platform (`gui.ui.verify_controller`): the sent rows read back and compared, on the Verify tab."""
        self.verifier.verify_on_platform()

    # --- misc ----------------------------------------------------------------------------
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
        self.editor.zone_combo.list_zones()  # the ~600 zone names of its list and completer

    def show_getting_started(self) -> QMessageBox:
        """Help > Getting started (`gui.ui.help_menu`), its button adding the seed example; returned for tests."""
        self.getting_started_box = show_getting_started(self, self.store.path, self.add_seed_example)
        return self.getting_started_box

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
        tabs = self.result_tabs
        tabs.verify.if_built(lambda panel: panel.cancel())
        tabs.history.if_built(lambda history: history.cancel_export())
        tabs.plot.if_built(lambda plot: plot.cancel())
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.connection.save()
        self.settings.sync()
        self.pool.waitForDone(2000)
        if self.trial is not None:  # a --sandbox trial: rows and the connection made for a real endpoint are kept
            self.trial.hand_over(self, self.model.rows(), *self.connection.real_connection(), self.settings.time_zone)
        self.connection.stop_sandbox()
        super().closeEvent(event)
