"""The question about datapoints made for the previous target: keep them for it, move them to this one, or discard.

The bar floats over the bottom of a host widget (`float_over`) and takes no place in any layout: it needs none
while nothing is asked, and showing it moves nothing (no row of the editor under the pointer). The window fills
and answers it (gui.ui.target_switch).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.ui.colours import set_style


class WaitingBar(QFrame):
    """`waiting_label` says what waits; `keep_button`, `move_button` and `discard_button` answer. Hidden at first.

    It floats over the bottom of its parent, or of the host given to `float_over`, its full width.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("waiting_bar")
        self.setProperty("overlay", True)  # over its siblings by design (the layout checks know)
        set_style(self, "QFrame#waiting_bar { background: $attention_bg; border: 1px solid $note; }")
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("&Keep for their target"))
        self.keep_button.setToolTip(self.tr("They wait, and are sent when the connection names their target again"))
        self.move_button = QPushButton(self.tr("&Move to this target"))
        self.move_button.setToolTip(self.tr("Send them to the target the connection names now"))
        self.discard_button = QPushButton(self.tr("&Discard them"))
        waiting_layout = QVBoxLayout(self)
        waiting_layout.addWidget(self.waiting_label)
        waiting_buttons = QHBoxLayout()
        waiting_buttons.addWidget(self.keep_button)
        waiting_buttons.addWidget(self.move_button)
        waiting_buttons.addWidget(self.discard_button)
        waiting_buttons.addStretch(1)
        waiting_layout.addLayout(waiting_buttons)
        self.hide()
        self._host: QWidget = parent
        parent.installEventFilter(self)
        self.installEventFilter(self)

    def float_over(self, host: QWidget) -> None:
        """Show the question as a bar over the bottom of `host`, its full width.

        The bar covers what is under it while it asks (the window gives the bottom of the editor's
        column, away from the connection fields being typed in); nothing is laid out again.
        """
        self._host.removeEventFilter(self)
        self._host = host
        self.setParent(host)
        host.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        host = self._host
        width = host.width()
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        height = max(height, self.minimumSizeHint().height())
        self.setGeometry(0, max(0, host.height() - height), width, height)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        host_resized = watched is self._host and kind == QEvent.Type.Resize
        if host_resized or (watched is self and kind in (QEvent.Type.Show, QEvent.Type.LayoutRequest)):
            self._place()
        return super().eventFilter(watched, event)
