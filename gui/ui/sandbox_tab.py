"""The Sandbox tab of the window: the inspector on the window's sandbox, or how to start it when it is off.

The inspector (and with it the sandbox's modules) is built when the window's
sandbox first starts, not with the window: the first paint does not need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gui.sandbox import Sandbox
    from gui.ui.inspector import InspectorPanel


class SandboxTab(QWidget):
    """`hint_label` while the sandbox is not in use; `inspector` (an InspectorPanel, None until the sandbox starts).

    :meth:`show_sandbox` is called by the window whenever its sandbox starts,
    stops or is switched on or off; the traffic already captured stays shown.
    `readingsImported(Readings)` passes on the inspector's "import as readings".
    """

    readingsImported = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sandbox: Sandbox | None = None
        self.inspector: InspectorPanel | None = None
        self.hint_label = QLabel(
            self.tr(
                "The local sandbox is off. Check “Use the local sandbox” under Connection to start it: every request "
                "it receives (from this window, curl or a device) shows here with its bytes and a verdict."
            )
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555;")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.hint_label)
        self._layout.addStretch(1)

    def show_sandbox(self, sandbox: Sandbox | None, in_use: bool) -> None:
        """Follow `sandbox`'s capture (None: keep what is shown); the hint shows unless `in_use`."""
        self.hint_label.setVisible(not in_use)
        if sandbox is None or sandbox is self._sandbox:
            return
        self._sandbox = sandbox
        if self.inspector is None:
            from gui.ui.inspector import InspectorPanel

            self.inspector = InspectorPanel()
            self.inspector.readingsImported.connect(self.readingsImported)
            self._layout.takeAt(1)  # the stretch that kept the hint at the top
            self._layout.addWidget(self.inspector, 1)
        self.inspector.set_capture(sandbox.capture, sandbox.url)
