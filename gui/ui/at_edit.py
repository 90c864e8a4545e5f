"""Time fields of the forms: the add form's `at` (typed, pasted or its date picked) and the time-zone chooser."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QEvent, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from gui import i18n
from gui.data.typed_at import read_typed_at, read_typed_stamp
from gui.onenet.zones import (
    Zone,
    ZoneError,
    inverted_sign,
    legacy_zone,
    offered_zone_names,
    offset_name,
    parse_zone,
    zone_offsets,
)
from gui.ui.colours import set_style

#: How the field shows a time.
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"


class ZoneCombo(QComboBox):
    """An editable chooser of every IANA time zone that also takes `UTC`, `UTC+8`, `GMT-3`, `+05:30`.

    Every text is read by `gui.onenet.zones.parse_zone` as it is typed. A zone
    becomes the zone in use (`zone`) and `zoneChanged(Zone)` is emitted when it
    differs from the previous one. Text that is not a zone (yet: `Asia`,
    `UTC+`) never changes the zone in use: the box is outlined in red and
    `reason_label` (placed by the owner, under or beside the box) says why and,
    when `keeps_zone`, which zone stays in use. A completer offers the IANA
    names containing what is typed (`berlin`, `shangh`), less `Etc/GMT±N`,
    whose sign is inverted (`offered_zone_names`); typed in full they are
    read, and `reason_label` says their offset ("Etc/GMT-3 is UTC+03:00").
    """

    zoneChanged = Signal(object)  # the Zone now in use

    def __init__(self, tip: str, keeps_zone: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The ~600 names are listed when first needed (`list_zones`): a window's first paint does without them.
        self._listed = False
        self._names = QStringListModel(self)  # the completer's
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        # As wide as a usual name, not the longest (America/Argentina/ComodRivadavia): the window fits a small
        # screen. The list shows every name whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(len("America/Sao_Paulo"))
        self.setToolTip(tip)
        self.keeps_zone = keeps_zone
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        set_style(self.reason_label, "color: $error;")
        self.reason_label.hide()
        self._zone: Zone | None = None
        self._problem: ZoneError | None = None
        self.currentTextChanged.connect(self._on_currentTextChanged)
        line = self.lineEdit()
        assert line is not None  # editable
        line.textEdited.connect(self.list_zones)

    def list_zones(self) -> None:
        """Put the zone names into the list and the completer, once: when the box is first focused, typed into or
        opened (or, in the window, just after its first paint). The text and the zone in use stay as they are."""
        if self._listed:
            return
        self._listed = True
        names = list(offered_zone_names())  # never `Etc/GMT-3` for `GMT-3` typed: it is UTC+3
        text = self.currentText()
        with QSignalBlocker(self):  # the first name would become the text (and the zone) for a moment
            self.addItems(names)
            self.setEditText(text)
        self._names.setStringList(names)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.list_zones()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.list_zones()
        super().showPopup()

    @property
    def zone(self) -> Zone | None:
        """The zone in use: the last text that was a zone (None before any)."""
        return self._zone

    @property
    def problem(self) -> ZoneError | None:
        """Why the text shown is not a zone, None when it is one."""
        return self._problem

    def reason(self, problem: ZoneError) -> str:
        """`problem` in the user's words (translated), with the zone still in use when `keeps_zone`."""
        text = problem.text.strip()
        why = {
            "empty": self.tr("Type a time zone: a name like Asia/Shanghai or an offset like UTC+8."),
            "incomplete": self.tr("“{text}” is not a time zone yet: continue it, e.g. {example}."),
            "abbreviation": self.tr(
                "“{text}” is an abbreviation, not a time zone: several zones share one (CST is China's, US "
                "Central's and Cuba's). Type the zone's name, e.g. Asia/Shanghai, or its offset, e.g. UTC+8."
            ),
            "offset-range": self.tr(
                "“{text}” is not a time zone: an offset is at most 14 hours (UTC-14:00 to UTC+14:00)."
            ),
            "offset-minutes": self.tr("“{text}” is not a time zone: the minutes of an offset go from 00 to 59."),
        }.get(
            problem.code,
            self.tr("“{text}” is not a time zone: type a name like Asia/Shanghai or an offset like UTC+8."),
        )
        why = why.format(text=text, example=problem.example)
        if self.keeps_zone and self._zone is not None:
            why += " " + self.tr("Times stay in {zone}.").format(zone=self._zone.name)
        return why

    def _note(self, zone: Zone) -> str:
        """What a zone the list never offers is (an inverted `Etc/GMT-3`, a legacy `CST6CDT`), "" for the others."""
        if inverted_sign(zone.name):
            offset = zone.tz.utcoffset(None)
            return self.tr("{name} is {offset} (the Etc/GMT names count west as plus).").format(
                name=zone.name, offset=offset_name(offset) if offset is not None else "?"
            )
        today = legacy_zone(zone.name)
        if not today:
            return ""
        if zone.name.startswith("CST"):  # what a Chinese user's "CST" completes to
            note = self.tr(
                "{name} is US Central time ({offsets}, as in {zone}), not China's CST: China's time is Asia/Shanghai "
                "(UTC+08:00)."
            )
        else:
            note = self.tr("{name} is an old name for the time of {zone} ({offsets}): check that it is the zone meant.")
        return note.format(name=zone.name, zone=today, offsets=zone_offsets(zone.tz, datetime.now(UTC).year))

    def _on_currentTextChanged(self, text: str) -> None:
        try:
            zone = parse_zone(text)
        except ZoneError as exc:
            self._problem = exc
            set_style(self, "QComboBox { border: 1px solid $error; }")
            set_style(self.reason_label, "color: $error;")
            self.reason_label.setText(self.reason(exc))
            self.reason_label.show()
            return
        self._problem = None
        set_style(self, "")
        note = self._note(zone)  # typed in full, never offered: valid, but say what it is
        if note:
            set_style(self.reason_label, "color: $note;")
            self.reason_label.setText(note)
            self.reason_label.show()
        else:
            self.reason_label.hide()
        if zone != self._zone:
            self._zone = zone
            self.zoneChanged.emit(zone)


class AtEdit(QWidget):
    """A time typed as text and read exactly as shown, or refused; a calendar button sets its date.

    It replaces a QDateTimeEdit, which turned a whole timestamp typed over its
    text into another time without a word (typing `2024-05-14 08:10:00` over
    `2026-…` gave `2026-05-14 08:31:10`). The text is read as the importer reads a
    year-first time (`gui.data.typed_at`: `2026/12/7 8:30`, `2026年12月7日 9时30分`,
    full-width digits too). While it cannot be read the field is outlined in
    red and its tooltip says why (not while disabled: then it only shows a
    time, e.g. the current one for "Now"). `changed` is emitted on every edit.
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
        """The time shown, aware: in `tz` unless the text gives an offset; ValueError (its `text` a Message saying
        why) if it is not a time or the clocks skipped or repeated it in `tz` (`read_typed_at`)."""
        return read_typed_at(self.line.text(), tz)

    def set_value(self, when: datetime) -> None:
        """Show `when` (its wall-clock part), to the second."""
        self.line.setText(when.strftime(DISPLAY_FORMAT))

    def setDateTime(self, when: QDateTime) -> None:
        """Show a QDateTime (as QDateTimeEdit.setDateTime did)."""
        self.line.setText(when.toString("yyyy-MM-dd HH:mm:ss"))

    def set_zone_tip(self, text: str) -> None:
        """The tooltip naming the zone the time is in (kept under any error message)."""
        self._zone_tip = text
        self._show_check(self.line.text())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._show_check(self.line.text())

    def _on_line_textChanged(self, text: str) -> None:
        self._show_check(text)
        self.changed.emit()

    def _show_check(self, text: str) -> None:
        try:
            if self.isEnabled():
                read_typed_stamp(text)
        except ValueError as exc:
            set_style(self.line, "QLineEdit { border: 1px solid $error; }")
            self.line.setToolTip(f"{i18n.why(exc)}\n{self._zone_tip}".strip())
        else:
            set_style(self.line, "")
            self.line.setToolTip(self._zone_tip)

    def _on_calendar_clicked(self, date: QDate) -> None:
        try:  # the time of day typed stays (and its offset, if one is typed)
            stamped = read_typed_stamp(self.line.text())
        except ValueError:
            stamped = datetime(2000, 1, 1)
        picked = stamped.replace(year=date.year(), month=date.month(), day=date.day())
        self.line.setText(picked.isoformat(sep=" ", timespec="seconds"))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
