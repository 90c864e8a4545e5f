"""The connection names another target: new rows get it, and the rows waiting for the previous one ask.

The texts are the window's: they are in the catalogue's "MainWindow" context, as they were
when the window did this itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.data.store import StoreError
from gui.data.target import NO_TARGET, Target
from gui.i18n import translate
from gui.onenet.client import ConfigError
from gui.ui.connection_panel import ConnectionPanel
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.settings import Settings

__all__ = ["TargetSwitch"]


class TargetSwitch(QObject):
    """Which target new rows get (`target`: the connection's last complete one), and the waiting bar's question.

    Rows not sent yet for the previous target wait for it (Send never takes them elsewhere; the
    Target column shows them) until the user answers the connection's waiting bar: keep them for
    their target, move them to the new one, or discard them (asked first: `parent` owns the
    question). It says what it did with `message(text, error)`, and `retargeted()` once the
    connection named another target (the preview is planned again).
    """

    message = Signal(str, bool)  # for the status bar: text, error
    retargeted = Signal()

    def __init__(
        self, model: DatapointsModel, connection: ConnectionPanel, settings: Settings, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._connection = connection
        self._settings = settings
        self.target: Target | None = None  # the target new rows get: the connection's (last complete one)
        self._waiting_for: Target | None = None  # the previous target, while the waiting bar asks about its rows
        connection.targetCommitted.connect(self._on_connection_targetCommitted)
        connection.keep_button.clicked.connect(self._on_keep_button_clicked)
        connection.move_button.clicked.connect(self._on_move_button_clicked)
        connection.discard_button.clicked.connect(self._on_discard_button_clicked)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.emit(text, error)

    def start(self) -> None:
        """Take the connection's target as restored, and give one to the rows without any."""
        self.target = self._connection.current_target()
        self._model.target = self.target or NO_TARGET
        self._adopt_untargeted()

    def _adopt_untargeted(self) -> None:
        """Rows without a target (drafts of schema v3, or typed before a device id was) get one.

        Drafts of v3 get the remembered connection (not the sandbox: v3 never remembered it):
        where v3's Send would have sent them. Rows typed in this session before the
        connection was complete get the connection's target once it is.
        """
        try:
            remembered = Target.of(self._settings.endpoint, self._settings.device_id)
        except ConfigError:
            remembered = None
        target = self.target if self.target is not None and not self.target.is_sandbox else remembered
        if target is not None:
            try:
                self._model.adopt_untargeted(target)
            except StoreError as exc:
                self._say(
                    translate("MainWindow", "The datapoints without a target keep none: {why}").format(why=exc),
                    error=True,
                )

    def _on_connection_targetCommitted(self) -> None:
        """The connection now names another target: new rows get it, Send sends to it; ask about rows waiting.

        A row made for the sandbox never goes elsewhere unless moved there.
        """
        new = self._connection.current_target()
        self._model.target = new or NO_TARGET
        old = self.target
        if new is None or new == old:
            return
        self.target = new
        if old is not None and self._model.waiting_for(old):
            self._waiting_for = old
        try:
            self._model.adopt_untargeted(new)  # typed before the connection named a target
        except StoreError as exc:
            self._say(
                translate("MainWindow", "The datapoints without a target keep none: {why}").format(why=exc),
                error=True,
            )
        self._update_waiting_bar()
        self.retargeted.emit()

    def _update_waiting_bar(self) -> None:
        """Show the question about the rows waiting for `_waiting_for` while some wait and it is not the target."""
        old, new = self._waiting_for, self.target
        waiting = self._model.waiting_for(old) if old is not None and new is not None and old != new else []
        bar = self._connection.waiting_bar
        if not waiting or old is None or new is None:
            self._waiting_for = None
            bar.hide()
            return
        self._connection.waiting_label.setText(
            self.tr(
                "%Ln datapoint(s) not sent yet were made for {old}; the connection now names {new}. They are not "
                "sent here unless you move them.",
                "",
                len(waiting),
            ).format(old=self._model.target_text(old), new=self._model.target_text(new))
        )
        bar.show()

    def _on_keep_button_clicked(self) -> None:
        old = self._waiting_for
        if old is not None:
            n = len(self._model.waiting_for(old))
            self._say(self.tr("%Ln datapoint(s) wait for {old}.", "", n).format(old=self._model.target_text(old)))
        self._waiting_for = None
        self._update_waiting_bar()

    def _on_move_button_clicked(self) -> None:
        old, new = self._waiting_for, self.target
        if old is None or new is None:
            return
        waiting = self._model.waiting_for(old)
        try:
            self._model.retarget(waiting, new)
        except StoreError as exc:
            self._say(translate("MainWindow", "Not moved: {why}").format(why=exc), error=True)
            return
        moved = self.tr("%Ln datapoint(s) moved to {new}.", "", len(waiting))
        self._say(moved.format(new=self._model.target_text(new)))
        self._update_waiting_bar()

    def _on_discard_button_clicked(self) -> None:
        old = self._waiting_for
        if old is None:
            return
        waiting = self._model.waiting_for(old)
        if not self._confirm_discard(len(waiting), old):
            return
        try:
            self._model.remove_rows(waiting)
        except StoreError as exc:
            self._say(translate("MainWindow", "Not discarded: {why}").format(why=exc), error=True)
            return
        self._say(self.tr("%Ln datapoint(s) discarded.", "", len(waiting)))
        self._update_waiting_bar()

    def _confirm_discard(self, n: int, target: Target) -> bool:
        """Ask before the waiting rows are deleted (never sent, no undo); Cancel is the default."""
        parent = self.parent()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Discard datapoints"),
            self.tr(
                "Discard %Ln datapoint(s) made for {old}? They were never sent, and cannot be restored.",
                "",
                n,
            ).format(old=self._model.target_text(target)),
            QMessageBox.StandardButton.Cancel,
            parent if isinstance(parent, QWidget) else None,
        )
        discard = box.addButton(self.tr("Discard %Ln datapoint(s)", "", n), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is discard
