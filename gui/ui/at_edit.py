"""The add form's `at` field: a wall-clock time typed or pasted as text, or its date picked on a calendar."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

#: How the field shows a time, and the first way it reads one.
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"
#: Also read: without seconds, and with ISO's `T`.
READ_FORMATS = (DISPLAY_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M")


def read_wall_time(text: str) -> datetime:
    """`2026-11-02 08:30:00` (or without seconds, or with `T`) as a naive datetime; ValueError saying how to type it."""
    stripped = text.strip()
    for form in READ_FORMATS:
        try:
            return datetime.strptime(stripped, form)
        except ValueError:
            continue
    raise ValueError(f"{stripped!r} is not a time: type it as 2026-11-02 08:30:00")


class AtEdit(QWidget):
    """A time typed as text and read exactly as shown, or refused; a calendar button sets its date.

    It replaces a QDateTimeEdit, which turned a whole timestamp typed over its
    text into another time without a word (typing `2024-05-14 08:10:00` over
    `2026-…` gave `2026-05-14 08:31:10`). `value()` reads the text or raises
    ValueError; while the text cannot be read the field is outlined in red and
    its tooltip says why. `changed` is emitted on every edit.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("YYYY-MM-DD hh:mm:ss")
        self.calendar = QCalendarWidget()
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick the date on a calendar (the time of day stays)"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        self.calendar_button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        self._zone_tip = ""
        self.line.textChanged.connect(self._on_line_textChanged)
        self.calendar.clicked.connect(self._on_calendar_clicked)

    def value(self) -> datetime:
        """The time shown, naive (a wall-clock time in the form's zone); ValueError if the text is not one."""
        return read_wall_time(self.line.text())

    def set_value(self, when: datetime) -> None:
        """Show `when` (its wall-clock part), to the second."""
        self.line.setText(when.strftime(DISPLAY_FORMAT))

    def setDateTime(self, when: QDateTime) -> None:
        """Show a QDateTime (as QDateTimeEdit.setDateTime did)."""
        self.line.setText(when.toString("yyyy-MM-dd HH:mm:ss"))

    def set_zone_tip(self, text: str) -> None:
        """The tooltip naming the zone the time is in (kept under any error message)."""
        self._zone_tip = text
        self._on_line_textChanged(self.line.text())

    def _on_line_textChanged(self, text: str) -> None:
        try:
            read_wall_time(text)
        except ValueError as exc:
            self.line.setStyleSheet("QLineEdit { border: 1px solid #b00020; }")
            self.line.setToolTip(f"{exc}\n{self._zone_tip}".strip())
        else:
            self.line.setStyleSheet("")
            self.line.setToolTip(self._zone_tip)
        self.changed.emit()

    def _on_calendar_clicked(self, date: QDate) -> None:
        try:
            current = self.value()
        except ValueError:
            current = datetime(2000, 1, 1)
        self.set_value(current.replace(year=date.year(), month=date.month(), day=date.day()))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
