"""Verify on platform: which rows are read back, with which client; the Verify tab (`gui.ui.verify_panel`) shows it.

The texts are the window's: they are in the catalogue's "MainWindow" context, as they were
when the window did this itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui import i18n
from gui.data.target import NO_TARGET, Platform
from gui.i18n import translate
from gui.onenet.client import ConfigError
from gui.onenet.readings import Readings
from gui.ui.connection_panel import ConnectionPanel
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.result_tabs import LazyTab
from gui.ui.rows import RowStatus

if TYPE_CHECKING:
    from gui.ui.verify_panel import VerifyPanel

__all__ = ["VerifyController"]


class VerifyController(QObject):
    """Starts a read-back on the Verify tab's panel (on its worker), brought to the front (made if not yet).

    `verify_on_platform()`: the table's rows marked sent to the connection's target (or to no
    target), with the connection's key (the product access key on the current platform).
    `verify_history(endpoint, device_id, readings)`: what selected history requests stored.
    """

    def __init__(
        self,
        model: DatapointsModel,
        connection: ConnectionPanel,
        tab: LazyTab[VerifyPanel],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._connection = connection
        self._tab = tab

    def verify_on_platform(self) -> None:
        """Read the sent rows back from the platform and compare, on a worker (the Verify tab shows it)."""
        panel = self._tab.show()
        if panel.is_running:
            return
        target = self._connection.current_target()
        rows = self._model.rows()
        sent = [i for i, row in enumerate(rows) if row.status is RowStatus.SENT and row.target in (target, NO_TARGET)]
        if not sent:
            if any(row.status is RowStatus.SENT for row in rows):
                panel.show_message(
                    translate(
                        "MainWindow", "Nothing to verify here: the datapoints marked sent were sent to other targets."
                    )
                )
            else:
                panel.show_message(
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
                panel.show_message(translate("MainWindow", "Cannot read the platform: {why}").format(why=problem))
                return
            panel.start(client, readings)
            return
        connection = self._connection
        self._verify(panel, connection.endpoint, connection.device_id, connection.api_key, readings)

    def verify_history(self, endpoint: str, device_id: str, readings: Readings) -> None:
        """Verify what selected history requests stored; the key: the form's for its device, else the keyring's."""
        panel = self._tab.show()
        if panel.is_running:
            return
        try:
            url = self._connection.url_of(endpoint)  # the window's sandbox: where it runs now
        except ConfigError as exc:
            panel.show_message(translate("MainWindow", "Cannot read the platform: {why}").format(why=exc))
            return
        self._verify(panel, url, device_id, self._connection.key_for(device_id), readings)

    def _verify(self, panel: VerifyPanel, endpoint: str, device_id: str, api_key: str, readings: Readings) -> None:
        from gui.onenet.client import ConfigError, OneNetClient

        try:
            client = OneNetClient(endpoint, device_id, api_key)
        except ConfigError as exc:
            panel.show_message(translate("MainWindow", "Cannot read the platform: {why}").format(why=i18n.why(exc)))
            return
        panel.start(client, readings)
