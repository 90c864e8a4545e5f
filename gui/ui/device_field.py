"""The Connection box's device id field: read as it is sent (full-width digits as ASCII), with a note under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from gui import i18n
from gui.onenet.client import ConfigError, read_device_id
from gui.ui.colours import set_style


class DeviceField(QWidget):
    """`line` (the device id typed) and `note` under it, saying how the id was read or why it cannot be sent.

    When the field is left, an id typed in full-width digits (`４０９３２１５`, as an input method in full-width
    mode types them) is replaced by its ASCII digits and the note says so; an id that is still not ASCII
    (`设备1`) is kept as typed and the note says why no request can go to it (`read_device_id`, the check the
    command line's --device and every request use too). The note goes once the text changes again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.note)
        self.setFocusProxy(self.line)
        self._noted = ""  # the text the note is about
        self.line.editingFinished.connect(self._on_line_editingFinished)
        self.line.textChanged.connect(self._on_line_textChanged)

    def _on_line_editingFinished(self) -> None:
        typed = self.line.text()
        try:
            read = read_device_id(typed)
        except ConfigError as exc:
            self._say(typed, self.tr("No request can go to this device id: {why}").format(why=i18n.why(exc)), "error")
            return
        if read != typed:
            self._noted = read
            self.line.setText(read)
            said = self.tr("Read as {device}: full-width digits are sent as ASCII digits.")
            self._say(read, said.format(device=read))

    def _say(self, about: str, text: str, colour: str = "note") -> None:
        self._noted = about
        self.note.setText(text)
        set_style(self.note, f"color: ${colour};")
        self.note.show()

    def _on_line_textChanged(self, text: str) -> None:
        if text != self._noted:
            self.note.hide()
