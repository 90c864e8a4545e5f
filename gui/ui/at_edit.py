"""Time fields of the forms: the add form's `at` (typed, pasted or its date picked) and the time-zone chooser."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from gui.onenet.readings import parse_at

#: How the field shows a time.
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"


def zone_combo(tip: str) -> QComboBox:
    """An editable chooser of every IANA time zone, completing on any part of the name (`berlin`)."""
    combo = QComboBox(editable=True)
    zones = sorted(zoneinfo.available_timezones())
    combo.addItems(zones)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(zones, combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    # As wide as a usual name, not the longest (America/Argentina/ComodRivadavia): the window fits a small
    # screen. The list shows every name whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(len("America/Sao_Paulo"))
    combo.setToolTip(tip)
    return combo


def _check_time(text: str) -> None:
    """ValueError saying how to type a time, unless `text` is one `parse_at` reads (the table's edits use it too)."""
    try:
        parse_at(text, UTC)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a time: type it as 2026-11-02 08:30:00") from None


class AtEdit(QWidget):
    """A time typed as text and read exactly as shown, or refused; a calendar button sets its date.

    It replaces a QDateTimeEdit, which turned a whole timestamp typed over its
    text into another time without a word (typing `2024-05-14 08:10:00` over
    `2026-…` gave `2026-05-14 08:31:10`). The text is read as the table's `at`
    edits are (`parse_at`). While it cannot be read the field is outlined in
    red and its tooltip says why. `changed` is emitted on every edit.
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

    def value(self, tz: tzinfo) -> datetime:
        """The time shown, aware: in `tz` unless the text gives an offset; ValueError if it is not a time or
        the clocks skipped it in `tz` (`localize`)."""
        text = self.line.text()
        _check_time(text)
        return parse_at(text, tz)

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
            _check_time(text)
        except ValueError as exc:
            self.line.setStyleSheet("QLineEdit { border: 1px solid #b00020; }")
            self.line.setToolTip(f"{exc}\n{self._zone_tip}".strip())
        else:
            self.line.setStyleSheet("")
            self.line.setToolTip(self._zone_tip)
        self.changed.emit()

    def _on_calendar_clicked(self, date: QDate) -> None:
        text = self.line.text().strip()
        try:
            _check_time(text)
            rest = text[10:]  # after `YYYY-MM-DD`, which a time always starts with: its time of day, as typed
        except ValueError:
            rest = " 00:00:00"
        self.line.setText(date.toString("yyyy-MM-dd") + rest)
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
