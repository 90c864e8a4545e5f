"""Verify on platform: which rows are read back, with which client; the Verify tab (`gui.ui.verify_panel`) shows it.

The texts are the window's: they are in the catalogue's "MainWindow" context, as they were
when the window did this itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from gui import i18n
from gui.data.target import NO_TARGET, Platform
from gui.i18n import translate
from gui.onenet.client import ConfigError
from gui.onenet.readings import Readings
from gui.ui.connection_panel import ConnectionPanel
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import RowStatus
from gui.ui.verify_panel import VerifyPanel

__all__ = ["VerifyController"]


class VerifyController(QObject):
    """Starts a read-back on `panel` (on its worker) and brings its tab to the front of `tabs`.

    `verify_on_platform()`: the table's rows marked sent to the connection's target (or to no
    target), with the connection's key (the product access key on the current platform).
    `verify_history(endpoint, device_id, readings)`: what selected history requests stored.
    """

    def __init__(
        self,
        model: DatapointsModel,
        connection: ConnectionPanel,
        panel: VerifyPanel,
        tabs: QTabWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._connection = connection
        self._panel = panel
        self._tabs = tabs

    def verify_on_platform(self) -> None:
        """Read the sent rows back from the platform and compare, on a worker (the Verify tab shows it)."""
        self._tabs.setCurrentWidget(self._panel)
        if self._panel.is_running:
            return
        target = self._connection.current_target()
        rows = self._model.rows()
        sent = [i for i, row in enumerate(rows) if row.status is RowStatus.SENT and row.target in (target, NO_TARGET)]
        if not sent:
            if any(row.status is RowStatus.SENT for row in rows):
                self._panel.show_message(
                    translate(
                        "MainWindow", "Nothing to verify here: the datapoints marked sent were sent to other targets."
                    )
                )
            else:
                self._panel.show_message(
                    translate("MainWindow", "Nothing to verify: no datapoint in the table is marked sent.")
                )
            return
        readings, _ = self._model.readings(sent)
        if target is not None and target.platform is Platform.THING:  # read back with the product access key
            client, problem = self._connection.make_client()
            if not self._connection.access_key:
                problem = translate(
                    "MainWindow", "Reading back from the current platform needs the product's access key."
                )
            if client is None or problem:
                self._panel.show_message(translate("MainWindow", "Cannot read the platform: {why}").format(why=problem))
                return
            self._panel.start(client, readings)
            return
        connection = self._connection
        self._verify(connection.endpoint, connection.device_id, connection.api_key, readings)

    def verify_history(self, endpoint: str, device_id: str, readings: Readings) -> None:
        """Verify what selected history requests stored; the key: the form's for its device, else the keyring's."""
        self._tabs.setCurrentWidget(self._panel)
        if self._panel.is_running:
            return
        try:
            url = self._connection.url_of(endpoint)  # the window's sandbox: where it runs now
        except ConfigError as exc:
            self._panel.show_message(translate("MainWindow", "Cannot read the platform: {why}").format(why=exc))
            return
        self._verify(url, device_id, self._connection.key_for(device_id), readings)

    def _verify(self, endpoint: str, device_id: str, api_key: str, readings: Readings) -> None:
        from gui.onenet.client import ConfigError, OneNetClient

        try:
            client = OneNetClient(endpoint, device_id, api_key)
        except ConfigError as exc:
            self._panel.show_message(
                translate("MainWindow", "Cannot read the platform: {why}").format(why=i18n.why(exc))
            )
            return
        self._panel.start(client, readings)
