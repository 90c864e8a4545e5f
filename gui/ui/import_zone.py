"""The import dialog's notes on time: the zone the file's times are read in, how they will show in the editor's table,
and the question when no time column is understood or the file states its zone ambiguously."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gui.data.importers import ZONE_IN_TIMES, Detected, ImportResult, TimeFormat
from gui.onenet.zones import ZoneError, offset_name, parse_zone
from gui.ui.at_edit import ZoneCombo
from gui.ui.colours import set_style
from gui.ui.import_preview import ORANGE


class ZoneNote(QLabel):
    """Beside the zone choice (`zone_combo`, outlined while the note asks): the zone of times that state none.

    `zone_remembered`: the zone shown is the one of the last import, not this computer's.
    """

    def __init__(self, zone_combo: ZoneCombo, zone_remembered: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone_combo = zone_combo
        self._zone_remembered = zone_remembered
        self.setWordWrap(True)
        set_style(self, f"color: ${ORANGE};")
        self.hide()

    def show_for(self, result: ImportResult | None) -> None:
        """Beside the zone choice: the times state no zone, so the one shown is used (importing confirms it);
        or the time column's header states the zone, which is used and which the box does not change."""
        unstated = result is not None and bool(result.zone_unstated)
        stated = result is not None and header_states_zone(result.detected)
        set_style(self, "color: $note;" if stated else f"color: ${ORANGE};")
        if stated and result is not None:
            d = result.detected
            self.setText(
                self.tr(
                    "The header of column “{column}” states the zone, {stated}: its times are read in {zone}. "
                    "The zone box applies only to times without a zone."
                ).format(column=d.zone_column, stated=d.zone_stated, zone=d.source_tz)
            )
        elif unstated:
            zone = result.detected.source_tz if result is not None else ""
            self.setText(
                self.tr(
                    "The file does not say which time zone its times are in: the zone of your last import, {zone}, "
                    "is used. Importing confirms it; choose the zone they were written in if it is another."
                ).format(zone=zone)
                if self._zone_remembered
                else self.tr(
                    "The file does not say which time zone its times are in: this computer's zone, {zone}, is "
                    "used. Importing confirms it; choose the zone they were written in if it is another."
                ).format(zone=zone)
            )
        self.setVisible(unstated or stated)
        if self._zone_combo.problem is None:  # else the box keeps its red outline
            set_style(self._zone_combo, f"QComboBox {{ border: 2px solid ${ORANGE}; }}" if unstated else "")


class EditorZoneNote(QWidget):
    """How the file's first time will show in the editor's table (in `editor_zone`), when otherwise than in the file.

    Its button asks to show the editor in the file's zone: `showInZone(name)`, a `parse_zone` name.
    """

    showInZone = Signal(str)

    def __init__(self, editor_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor_zone = editor_zone
        self._result: ImportResult | None = None  # the result the note speaks of
        self.note = QLabel()
        self.note.setWordWrap(True)
        set_style(self.note, "color: $note;")
        self.button = QPushButton()
        self.button.setToolTip(
            self.tr("Type and show times in the editor in the file's zone (they are sent the same either way)")
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.button)
        self.setLayout(row)
        self.hide()
        self._file_zone = ""  # the zone the button offers
        self.button.clicked.connect(self._on_button_clicked)

    def show_for(self, result: ImportResult | None) -> None:
        """Under the settings: how the file's first time will show in the editor's table, when otherwise than in
        the file, with a button to show the editor in the file's zone (nothing is converted: only how times show)."""
        self._result = result
        example = shown_elsewhere(result, self.editor_zone) if result is not None else None
        if example is not None:
            in_file, in_table, self._file_zone = example
            self.note.setText(
                self.tr(
                    "{file} in the file shows as {table} in the table, because the editor shows times in {zone}."
                ).format(file=in_file, table=in_table, zone=self.editor_zone)
            )
            self.button.setText(self.tr("Show the editor in {zone}").format(zone=self._file_zone))
        else:
            self._file_zone = ""
        self.setVisible(example is not None)

    def _on_button_clicked(self) -> None:
        if self._file_zone:
            self.editor_zone = self._file_zone
            self.showInZone.emit(self._file_zone)
            self.show_for(self._result)


class TimeQuestion(QWidget):
    """No time understood, a zone stated ambiguously, or times of day without a date: `time_note` says so, with
    `stamp_now_button` or `first_date_edit` (the first row's date, typed: never today's assumed) when it helps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_note = QLabel()
        self.time_note.setWordWrap(True)
        set_style(self.time_note, f"color: ${ORANGE}; font-weight: bold;")
        self.stamp_now_button = QPushButton(self.tr("Stamp every row with the import time"))
        self.stamp_now_button.setToolTip(
            self.tr("Send the rows at the moment of importing: only right for readings taken just now")
        )
        self.first_date_edit = QLineEdit()
        self.first_date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.first_date_edit.setToolTip(self.tr("The date of the file's first row"))
        self.first_date_edit.hide()
        row = QHBoxLayout()
        row.addWidget(self.time_note, 1)
        row.addWidget(self.first_date_edit)
        row.addWidget(self.stamp_now_button)
        self.setLayout(row)
        self.hide()

    def show_for(self, result: ImportResult) -> None:
        """No time understood, a zone the file states ambiguously, or times of day without a date: say so and
        offer the explicit choices."""
        if result.zone_question:
            self.time_note.setText(
                self.tr("The time column says {text}, which can mean {choices}. Choose the zone above.").format(
                    text=result.zone_question_text, choices=self.tr(" or ").join(result.zone_question)
                )
            )
            self.stamp_now_button.hide()
        elif result.needs_time:
            self.time_note.setText(
                self.tr(
                    "No column was understood as a time, so nothing is imported. Choose the time column "
                    "(Use as: Time) below and, if it is written another way, type its Time format above — "
                    "or stamp every row with the import time."
                )
            )
            self.stamp_now_button.show()
        elif result.needs_date:
            column = next((c.name for c in result.detected.time_columns()), "")
            self.time_note.setText(
                self.tr(
                    "Column “{column}” holds times of day only and the file gives no date, so nothing is imported. "
                    "Type the date of the first row (a time earlier than the row before it is read as the next day):"
                ).format(column=column)
            )
            self.stamp_now_button.hide()
        elif self.first_date_edit.text():
            self.time_note.setText(self.tr("Date of the first row:"))
            self.stamp_now_button.hide()
        dated = result.needs_date or bool(self.first_date_edit.text())
        self.first_date_edit.setVisible(dated)
        self.setVisible(bool(result.zone_question) or result.needs_time or dated)

    def first_date(self) -> date | None:
        """The first row's date typed as YYYY-MM-DD, or None (then the dialog keeps asking for it)."""
        try:
            return date.fromisoformat(self.first_date_edit.text().strip())
        except ValueError:
            return None


_EPOCH_FORMATS = (TimeFormat.EPOCH_S, TimeFormat.EPOCH_MS, TimeFormat.EPOCH_US, TimeFormat.EPOCH_NS)


def header_states_zone(d: Detected) -> bool:
    """True when a time column's header states the zone the times were read in (`Date Time, GMT+00:00`)."""
    return bool(d.zone_stated) and d.zone_stated != ZONE_IN_TIMES


def shown_elsewhere(result: ImportResult, editor_zone: str) -> tuple[str, str, str] | None:
    """(the file's first time as the file writes it, as the table will show it in `editor_zone`, the file's zone)
    when the two clocks differ; None when they agree, or there is no time, or the file's times are Unix times."""
    try:
        editor = parse_zone(editor_zone)
    except ZoneError:
        return None
    d = result.detected
    if any(c.time_format in _EPOCH_FORMATS for c in d.time_columns()):
        return None  # numbers in the file: no clock to compare with
    first = next((at for at in result.table.ats if at is not None), None)
    if first is None:
        return None
    if first.tzinfo is None:  # a clock time of the zone the import used
        try:
            zone = parse_zone(d.source_tz)
        except ZoneError:
            return None
        in_file, instant, name = first, first.replace(tzinfo=zone.tz), zone.name
    else:  # the time gave its offset (or the body is platform time)
        offset = first.utcoffset()
        if offset is None:
            return None
        tz = first.tzinfo
        name = tz.key if isinstance(tz, ZoneInfo) else offset_name(offset)
        in_file, instant = first.replace(tzinfo=None), first
    in_table = instant.astimezone(editor.tz).replace(tzinfo=None)
    if in_table == in_file.replace(tzinfo=None, fold=0):
        return None
    return _clock(in_file, in_table), _clock(in_table, in_file), name


def _clock(when: datetime, other: datetime) -> str:
    """`08:30` (seconds when either has them; the date when the two days differ)."""
    fmt = "%H:%M:%S" if when.second or other.second else "%H:%M"
    if when.date() != other.date():
        fmt = "%Y-%m-%d " + fmt
    return when.strftime(fmt)
