"""The Sandbox tab of the window: where the sandbox listens, and the inspector on its traffic (or how to start it).

The tab is made when it is first opened (`gui.ui.result_tabs.LazyTab`). The inspector (and
with it the sandbox's modules) and the list of this computer's addresses (QtNetwork) are
made when the tab is shown a running sandbox, not before: the first paint needs none of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.ui.colours import set_style

if TYPE_CHECKING:
    import requests
    from PySide6.QtNetwork import QHostAddress

    from gui.sandbox import Sandbox
    from gui.ui.inspector import InspectorPanel


LOOPBACK = "127.0.0.1"
LOOPBACK6 = "::1"
EVERY_ADDRESS = "0.0.0.0"
EVERY_ADDRESS6 = "::"


def machine_addresses(addresses: Iterable[QHostAddress] | None = None) -> tuple[list[str], list[str]]:
    """This computer's IPv4 and IPv6 addresses other than loopback, and the link-local IPv6 ones left out.

    `addresses`: default QNetworkInterface.allAddresses(), in the order Qt lists them (IPv4
    first here). Link-local IPv6 addresses (fe80::/10) are left out: they mean something
    only with the interface's zone id (``fe80::1%eth0``), which a device's URL cannot
    carry for most HTTP clients and firmware (RFC 6874's ``%25`` is rarely supported).
    """
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    ipv4, ipv6 = QAbstractSocket.NetworkLayerProtocol.IPv4Protocol, QAbstractSocket.NetworkLayerProtocol.IPv6Protocol
    usable: list[str] = []
    link_local: list[str] = []
    for address in QNetworkInterface.allAddresses() if addresses is None else addresses:
        if address.protocol() not in (ipv4, ipv6) or address.isLoopback():
            continue
        if address.protocol() == ipv6 and address.isLinkLocal():
            link_local.append(address.toString())
        else:
            usable.append(address.toString())
    usable.sort(key=lambda text: ":" in text)  # IPv4 first, each family in Qt's order
    return usable, link_local


class SandboxTab(QWidget):
    """`hint_label` while the sandbox is not in use; `inspector` (an InspectorPanel, None until the sandbox starts).

    Above the inspector, the bench bar: `address_combo` (where the sandbox
    listens: loopback unless the user chooses one of the machine's addresses or
    every address; a choice emits `listenRequested(host)`), `warning_label`
    (shown beyond loopback: anyone on that network can send to it),
    `expects_label` (the device and api-key it expects) and `url_edit` with
    `copy_button` (the URL a device should use).

    :meth:`show_sandbox` is called by the window whenever its sandbox starts,
    stops, moves or is switched on or off; the traffic already captured stays shown.
    `readingsImported(Readings)` passes on the inspector's "import as readings".
    :meth:`set_editor_request` gives the inspector the editor's request to compare with.
    """

    readingsImported = Signal(object)
    listenRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sandbox: Sandbox | None = None
        self._url = ""
        self.inspector: InspectorPanel | None = None
        self._editor_request: tuple[requests.PreparedRequest | None, str] = (None, "")
        self.hint_label = QLabel(
            self.tr(
                "The window is not using the local sandbox. Check “Use the local sandbox” under Connection to "
                "start it: every request it receives (from this window, curl or a device) shows here with its "
                "bytes and a verdict."
            )
        )
        self.hint_label.setWordWrap(True)
        set_style(self.hint_label, "color: $muted;")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.hint_label)
        self._build_bench()
        self._layout.addStretch(1)

    def _build_bench(self) -> None:
        self.bench = QWidget()
        self.address_combo = QComboBox()
        self.address_combo.addItem(self.tr("This computer only ({host})").format(host=LOOPBACK), LOOPBACK)
        self.address_combo.addItem(self.tr("This computer only, IPv6 ({host})").format(host=LOOPBACK6), LOOPBACK6)
        self.address_combo.addItem(
            self.tr("Every address of this computer ({host})").format(host=EVERY_ADDRESS), EVERY_ADDRESS
        )
        self.address_combo.addItem(
            self.tr("Every IPv6 address of this computer ({host})").format(host=EVERY_ADDRESS6), EVERY_ADDRESS6
        )
        self._link_local: list[str] | None = None  # None: this computer's addresses are not listed yet (_show_bench)
        self.address_combo.setToolTip(self._address_tip())
        self.url_edit = QLineEdit(readOnly=True)
        self.copy_button = QPushButton(self.tr("Copy URL"))
        self.expects_label = QLabel()
        self.expects_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        set_style(self.warning_label, "color: $warning;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Listen on:")))
        row.addWidget(self.address_combo)
        row.addWidget(QLabel(self.tr("Device URL:")))
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self.bench)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.expects_label)
        layout.addWidget(self.warning_label)
        self.bench.setVisible(False)
        self._layout.addWidget(self.bench)
        self.address_combo.currentIndexChanged.connect(self._on_address_combo_currentIndexChanged)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)

    def _address_tip(self) -> str:
        tip = self.tr(
            "Where the sandbox listens; a device on the bench needs an address of this computer on its network"
        )
        if self._link_local:
            tip += "\n" + self.tr(
                "Not offered: {hosts} (link-local IPv6: a device would need the interface's zone id in the URL, "
                "which most HTTP clients and firmware cannot send; use another address of that network)"
            ).format(hosts=", ".join(self._link_local))
        return tip

    def retranslate(self) -> None:
        """The texts made of words and values, in the language now in use (the window retranslates the rest)."""
        for host, text in (
            (LOOPBACK, self.tr("This computer only ({host})")),
            (LOOPBACK6, self.tr("This computer only, IPv6 ({host})")),
            (EVERY_ADDRESS, self.tr("Every address of this computer ({host})")),
            (EVERY_ADDRESS6, self.tr("Every IPv6 address of this computer ({host})")),
        ):
            index = self.address_combo.findData(host)
            if index >= 0:
                self.address_combo.setItemText(index, text.format(host=host))
        self.address_combo.setToolTip(self._address_tip())
        if self._sandbox is not None and self._sandbox.running:
            self._show_bench(self._sandbox)
        if self.inspector is not None:
            self.inspector.retranslate()

    def _on_address_combo_currentIndexChanged(self, _index: int) -> None:
        self.listenRequested.emit(str(self.address_combo.currentData()))

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())

    def show_sandbox(self, sandbox: Sandbox | None, in_use: bool) -> None:
        """Follow `sandbox`'s capture (None: keep what is shown); the hint shows unless `in_use`."""
        self.hint_label.setVisible(not in_use)
        self.bench.setVisible(sandbox is not None and sandbox.running)
        if sandbox is None or not sandbox.running:
            return
        self._show_bench(sandbox)
        if sandbox is self._sandbox and sandbox.url == self._url:
            return
        self._sandbox, self._url = sandbox, sandbox.url
        if self.inspector is None:
            from gui.ui.inspector import InspectorPanel

            self.inspector = InspectorPanel()
            self.inspector.readingsImported.connect(self.readingsImported)
            self.inspector.set_editor_request(*self._editor_request)
            self._layout.takeAt(self._layout.count() - 1)  # the stretch that kept the hint at the top
            self._layout.addWidget(self.inspector, 1)
        self.inspector.set_capture(sandbox.capture, sandbox.url)

    def set_editor_request(self, prepared: requests.PreparedRequest | None, problem: str = "") -> None:
        """The request the editor would send now (None: none, `problem` says why), for the inspector's compare."""
        self._editor_request = (prepared, problem)
        if self.inspector is not None:
            self.inspector.set_editor_request(prepared, problem)

    def _show_bench(self, sandbox: Sandbox) -> None:
        from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
        from gui.sandbox.server import device_urls, is_loopback

        self.address_combo.blockSignals(True)
        if self._link_local is None:  # the sandbox's first start: this computer's addresses, after the loopback ones
            usable, self._link_local = machine_addresses()
            for i, host in enumerate(usable):
                self.address_combo.insertItem(2 + i, host, host)
            self.address_combo.setToolTip(self._address_tip())
        if self.address_combo.findData(sandbox.host) < 0:
            self.address_combo.addItem(sandbox.host, sandbox.host)
        self.address_combo.setCurrentIndex(self.address_combo.findData(sandbox.host))
        self.address_combo.blockSignals(False)
        urls = device_urls(sandbox.host, sandbox.port)
        self.url_edit.setText(urls[0])
        self.url_edit.setToolTip("\n".join(urls))
        self.expects_label.setText(
            self.tr(
                "It expects device {device} with api-key {key}; a device posts to {url}/devices/{device}/datapoints"
            ).format(device=DEFAULT_DEVICE_ID, key=DEFAULT_API_KEY, url=urls[0])
        )
        beyond = not is_loopback(sandbox.host)
        self.warning_label.setVisible(beyond)
        if beyond:
            self.warning_label.setText(
                self.tr("⚠ Listening on {host}: anyone on that network can send to this sandbox.").format(
                    host=sandbox.host
                )
            )
