"""The import dialog's "How the file is read" box: encoding, delimiter, header, layout, day/month order, decimal mark,
time zone, rows without a time, missing-value markers, header row, time format and sheet; what was detected beside
each choice left automatic, and the notes on the file's times under them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from gui import i18n
from gui.data.importers import (
    ZONE_IN_TIMES,
    ZONE_UNSTATED,
    ColumnChoice,
    DateOrder,
    FileFormat,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    Role,
    Sheets,
    TimeFormat,
)
from gui.onenet.readings import ValueKind
from gui.ui.at_edit import ZoneCombo
from gui.ui.colours import set_style
from gui.ui.import_preview import ORANGE
from gui.ui.import_zone import EditorZoneNote, TimeQuestion, ZoneNote, header_states_zone


class ReadSettings(QGroupBox):
    """How the file is read: a control per import option (`options()`), and what the last read found (`show_detected`).

    `source_zone` is the zone shown first for times that state none (`zone_remembered`: the last import's, else
    this computer's); `editor_zone` is the zone the editor shows times in (`editor_zone_box` says when they differ).
    """

    def __init__(
        self, source_zone: str, zone_remembered: bool, editor_zone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("How the file is read"), parent)
        auto = self.tr("Automatic")
        self.encoding_combo = self._combo(
            [
                (auto, None),
                ("UTF-8", "utf-8"),
                (self.tr("UTF-8 with BOM"), "utf-8-sig"),
                ("GBK/GB18030", "gb18030"),
                ("Big5", "big5"),
                ("Shift-JIS", "cp932"),
                (self.tr("Windows-1252 (Western European)"), "cp1252"),
                ("UTF-16", "utf-16"),
            ]
        )
        self.delimiter_combo = self._combo(
            [
                (auto, None),
                (self.tr("Comma  ,"), ","),
                (self.tr("Semicolon  ;"), ";"),
                (self.tr("Tab"), "\t"),
                (self.tr("Vertical bar  |"), "|"),
            ]
        )
        self.header_combo = self._combo(
            [(auto, None), (self.tr("First row is a header"), True), (self.tr("No header row"), False)]
        )
        self.layout_combo = self._combo(
            [
                (auto, None),
                (self.tr("Wide: a column per datastream"), Layout.WIDE),
                (self.tr("Long: stream, time, value per row"), Layout.LONG),
            ]
        )
        self.sheet_combo = QComboBox()
        self.sheet_label = QLabel(self.tr("S&heet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        self.order_combo = self._combo(
            [
                (self.tr("From the data"), None),
                (self.tr("Day first: 04/11/2026 is 4 November"), DateOrder.DMY),
                (self.tr("Month first: 04/11/2026 is April 11"), DateOrder.MDY),
                (self.tr("Two-digit year first: 26-12-07 is 7 December 2026"), DateOrder.YMD),
            ]
        )
        self.zone_combo = ZoneCombo(
            self.tr("The zone the file's clock times were written in; they are sent in platform time, UTC+8."),
            keeps_zone=False,  # nothing is imported while the box holds no zone
        )
        self.zone_combo.setCurrentText(source_zone)
        self.missing_time_combo = self._combo(
            [
                (auto, None),
                (self.tr("Stamp them with the import time"), MissingTime.NOW),
                (self.tr("Send without at (the platform stamps them)"), MissingTime.PLATFORM),
                (self.tr("Refuse them"), MissingTime.REFUSE),
            ]
        )
        self.decimal_combo = self._combo([(auto, None), (self.tr("Point: 2.6"), "."), (self.tr("Comma: 2,6"), ",")])
        self.header_row_spin = QSpinBox()
        self.header_row_spin.setRange(0, 9999)
        self.header_row_spin.setSpecialValueText(self.tr("Automatic"))
        self.header_row_spin.setPrefix(self.tr("line "))
        self.header_row_spin.setToolTip(
            self.tr("The line of the file that holds the column names (lines above it are skipped)")
        )
        self.time_format_edit = QLineEdit()
        self.time_format_edit.setPlaceholderText(self.tr("Automatic, or e.g. %d.%m.%Y %H:%M"))
        self.time_format_edit.setToolTip(
            self.tr(
                "How the time column is written, as a strftime pattern (%Y year, %m month, %d day, %H hour, "
                "%M minute, %S second, %b month name). It overrides what was detected; cells that do not match "
                "are listed and their rows are not imported."
            )
        )
        self.markers_edit = QLineEdit()
        self.markers_edit.setPlaceholderText(self.tr("e.g. NA, -200, --"))
        self.markers_edit.setToolTip(
            self.tr(
                "Cell texts that mean 'no reading', separated by commas. Such cells are skipped, never sent; "
                "empty cells always are."
            )
        )

        grid = QGridLayout(self)
        rows: list[list[tuple[str, QWidget]]] = [
            [
                (self.tr("&Encoding:"), self.encoding_combo),
                (self.tr("&Delimiter:"), self.delimiter_combo),
                (self.tr("&Header:"), self.header_combo),
            ],
            [
                (self.tr("&Layout:"), self.layout_combo),
                (self.tr("Day/&month order:"), self.order_combo),
                (self.tr("Decimal mar&k:"), self.decimal_combo),
            ],
            [
                (self.tr("Times are in &zone:"), self.zone_combo),
                (self.tr("Rows without a &time:"), self.missing_time_combo),
                (self.tr("Missing-value ma&rkers:"), self.markers_edit),
            ],
            [
                (self.tr("Header &row:"), self.header_row_spin),
                (self.tr("Time &format:"), self.time_format_edit),
            ],
        ]
        # Beside the zone choice: the file does not say its zone, so the one shown is used (importing confirms it).
        self.zone_note = ZoneNote(self.zone_combo, zone_remembered)
        zone_cell = QWidget()
        zone_column = QVBoxLayout(zone_cell)
        zone_column.setContentsMargins(0, 0, 0, 0)
        zone_column.addWidget(self.zone_combo)
        zone_column.addWidget(self.zone_combo.reason_label)
        cells: dict[QWidget, QWidget] = {self.zone_combo: zone_cell}
        # Two choices a row: every choice's text shows whole in a dialog 1024 px wide.
        pairs = [pair for row in rows for pair in row]
        for i, (text, widget) in enumerate(pairs):
            r, c = divmod(i, 2)
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(cells.get(widget, widget), r, 2 * c + 1, Qt.AlignmentFlag.AlignTop)
        r, c = divmod(len(pairs), 2)
        grid.addWidget(self.sheet_label, r, 2 * c)
        grid.addWidget(self.sheet_combo, r, 2 * c + 1)
        for c in (1, 3):
            grid.setColumnStretch(c, 1)
        notes_row = r + 1
        self.order_note = QLabel()
        self.order_note.setWordWrap(True)
        set_style(self.order_note, f"color: ${ORANGE}; font-weight: bold;")
        self.order_note.hide()
        self.detected_label = QLabel()
        self.detected_label.setWordWrap(True)
        set_style(self.detected_label, "color: $muted;")
        self.time_box = TimeQuestion()
        # The zone's note spans the dialog: in the zone box's column it would need four lines on a small screen.
        grid.addWidget(self.zone_note, notes_row, 0, 1, 4)
        grid.addWidget(self.detected_label, notes_row + 1, 0, 1, 4)
        grid.addWidget(self.order_note, notes_row + 2, 0, 1, 4)
        grid.addWidget(self.time_box, notes_row + 3, 0, 1, 4)
        # How the file's times will show in the editor's table, when its zone is another.
        self.editor_zone_box = EditorZoneNote(editor_zone)
        grid.addWidget(self.editor_zone_box, notes_row + 4, 0, 1, 4)

    def _combo(self, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def options(self, zone_from_file: bool, columns: Mapping[int, ColumnChoice]) -> ImportOptions:
        """The ImportOptions the controls say now, with the user's `columns` choices; `zone_from_file`: a zone the
        file states wins over the box (the user did not choose one)."""
        markers = tuple(m.strip() for m in self.markers_edit.text().split(",") if m.strip())
        sheet = self.sheet_combo.currentData() if self.sheet_combo.currentIndex() > 0 else None
        header_line = self.header_row_spin.value()
        pattern = self.time_format_edit.text().strip() or None
        zone = self.zone_combo.zone
        return ImportOptions(
            # a text that is no zone yet is passed as typed: the read refuses it with the reason
            source_tz=zone.name
            if zone is not None and self.zone_combo.problem is None
            else self.zone_combo.currentText(),
            encoding=self.encoding_combo.currentData(),
            delimiter=self.delimiter_combo.currentData(),
            has_header=True if header_line else self.header_combo.currentData(),
            skip_rows=header_line - 1 if header_line else None,
            time_pattern=pattern if pattern and "%" in pattern else None,
            zone_from_file=zone_from_file,
            sheet=sheet,
            layout=self.layout_combo.currentData(),
            decimal=self.decimal_combo.currentData(),
            missing_markers=markers,
            date_order=self.order_combo.currentData(),
            missing_time=self.missing_time_combo.currentData(),
            columns=dict(columns),
            first_date=self.time_box.first_date(),
        )

    def _set_auto_text(self, combo: QComboBox, detected: str) -> None:
        combo.setItemText(0, self.tr("Automatic: {found}").format(found=detected) if detected else self.tr("Automatic"))

    def show_detected(
        self, result: ImportResult, time_format_name: Callable[[TimeFormat | None, ImportResult], str]
    ) -> None:
        """Say what was found in `result` beside each choice left automatic, and the notes on the file's times."""
        d = result.detected
        text_file = d.file_format is FileFormat.DELIMITED
        table = d.body_type is None and d.file_format is not FileFormat.JSON
        self._set_auto_text(self.encoding_combo, d.encoding_label if self.encoding_combo.currentIndex() == 0 else "")
        delimiter_names = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab"), "|": self.tr("bar")}
        self._set_auto_text(self.delimiter_combo, delimiter_names.get(d.delimiter or "", ""))
        self._set_auto_text(self.header_combo, self.tr("yes") if d.has_header else self.tr("no"))
        self._set_auto_text(
            self.layout_combo, self.tr("wide") if d.layout is Layout.WIDE else self.tr("long (stream, time, value)")
        )
        self._set_auto_text(
            self.missing_time_combo,
            {
                MissingTime.NOW: self.tr("stamp the import time"),
                MissingTime.PLATFORM: self.tr("send without at"),
                MissingTime.REFUSE: self.tr("refuse"),
            }[d.missing_time],
        )
        marks = {c.decimal for c in d.columns if c.role is Role.VALUE and c.kind in (ValueKind.NUMBER, ValueKind.AUTO)}
        self._set_auto_text(
            self.decimal_combo,
            (self.tr("point") if marks == {"."} else self.tr("comma") if marks == {","} else self.tr("per column"))
            if marks
            else "",
        )
        order = {
            "day/month/year": self.tr("day first"),
            "month/day/year": self.tr("month first"),
            "yy-mm-dd": self.tr("two-digit year first"),
        }.get(d.date_order or "", "")
        self.order_combo.setItemText(
            0, self.tr("From the data: {order}").format(order=order) if order else self.tr("From the data")
        )
        self.encoding_combo.setEnabled(d.file_format is not FileFormat.XLSX)
        for widget in (self.delimiter_combo,):
            widget.setEnabled(text_file)
        for widget in (self.header_combo, self.layout_combo, self.decimal_combo):
            widget.setEnabled(table)
        # a zone the file states in the time column's header wins: the box does not apply to it (its note says so)
        self.zone_combo.setEnabled(d.body_type is None and not header_states_zone(d))
        self.order_combo.setEnabled(d.body_type is None)
        xlsx = d.file_format is FileFormat.XLSX
        self.sheet_label.setVisible(xlsx)
        self.sheet_combo.setVisible(xlsx)
        if xlsx:
            self.show_sheets(Sheets(d.sheets, d.hidden_sheets, d.default_sheet))

        parts = [self._format_name(d)]
        if d.body_type is not None:
            parts.append(self.tr("a OneNET type {n} body: times are platform time (UTC+8)").format(n=int(d.body_type)))
        times = d.time_columns() if d.body_type is None else []
        if times:
            shown_formats = dict.fromkeys(time_format_name(c.time_format, result) for c in times)
            in_times = d.zone_reason == ZONE_IN_TIMES
            parts.append(
                self.tr("times from {names} ({formats}, e.g. {example}) in {zone}{how}, sent in UTC+8").format(
                    names=" + ".join(f"“{c.name}”" for c in times),
                    formats=" + ".join(shown_formats),
                    example=" ".join(c.example for c in times),
                    zone=self.tr("the zone each time gives") if in_times else d.source_tz,
                    how="" if in_times else self._zone_reason(d.zone_reason),
                )
            )
        elif d.body_type is None:
            parts.append(self.tr("no time column"))
        if d.skipped_rows:
            parts.append(self.tr("%Ln line(s) above the table skipped", "", d.skipped_rows))
        text = " · ".join(p for p in parts if p)
        # The core's notes, less those said above in the dialog's own words.
        said = ("onenet-body", "lines-skipped")
        notes = [i18n.render(n) for n in d.notes if n.code not in said]
        if notes:
            text += "\n" + "\n".join(notes)
        # How each decision was reached, as the core says it (the same lines `send` prints).
        decided = [i18n.render(m) for m in d.decisions if m.code not in ("layout", "header")]
        if decided:
            text += "\n" + self.tr("How:") + " " + self.tr("; ").join(decided)
        self.detected_label.setText(self.tr("Found: {what}").format(what=text))

        self.zone_note.show_for(result)
        self.editor_zone_box.show_for(result)
        self.time_box.show_for(result)
        decimal = any(q.code == "decimal-question" for q in result.questions)
        set_style(self.decimal_combo, f"QComboBox {{ border: 2px solid ${ORANGE}; }}" if decimal else "")
        needs = result.needs_date_order
        self.order_note.setVisible(needs)
        set_style(self.order_combo, f"QComboBox {{ border: 2px solid ${ORANGE}; }}" if needs else "")
        if needs:
            names = {"dmy": self.tr("day first"), "mdy": self.tr("month first"), "ymd": self.tr("two-digit year first")}
            ways = self.tr(", ").join(
                self.tr("{reading} ({order})").format(reading=reading, order=names.get(order, order))
                for order, reading in result.date_orders
            )
            self.order_note.setText(
                self.tr(
                    "Dates like {examples} can be read in more than one order; the first one is {ways}. "
                    "Choose the order above."
                ).format(examples=", ".join(result.ambiguous_dates), ways=ways)
            )

    def show_sheets(self, sheets: Sheets) -> None:
        """List a workbook's `sheets` in the Sheet box, each hidden one said, first the one read when none is chosen
        (the sheet the workbook opens on); the sheet chosen stays chosen."""
        items = [
            (name, self.tr("{name} (hidden)").format(name=name) if name in sheets.hidden else name)
            for name in sheets.names
        ]
        first = (
            self.tr("Shown on opening: {name}").format(name=sheets.default)
            if sheets.default is not None
            else self.tr("No visible sheet: choose one")
        )
        box = self.sheet_combo
        if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == [(None, first), *items]:
            return
        current = box.currentData() if box.currentIndex() > 0 else None
        box.clear()
        box.addItem(first, None)
        for name, text in items:
            box.addItem(text, name)
        if current in sheets.names:
            box.setCurrentIndex(sheets.names.index(current) + 1)
        self.sheet_label.setVisible(True)
        box.setVisible(True)

    def _zone_reason(self, reason: str) -> str:
        if reason.startswith("from the header"):
            return self.tr(" (from the header {header})").format(header=reason.removeprefix("from the header "))
        if reason == "chosen":
            return self.tr(" (chosen)")
        if reason == ZONE_UNSTATED:
            return self.tr(" (not stated in the file: the zone chosen above)")
        return ""

    def _format_name(self, d: Any) -> str:
        if d.file_format is FileFormat.XLSX:
            if d.sheet_how is not None:
                return self.tr("Excel workbook, sheet “{sheet}” ({how})").format(
                    sheet=d.sheet or "", how=i18n.render(d.sheet_how)
                )
            return self.tr("Excel workbook, sheet “{sheet}”").format(sheet=d.sheet or "")
        if d.file_format is FileFormat.TYPE5:
            return self.tr("OneNET type 5 text ({encoding})").format(encoding=d.encoding_label)
        if d.file_format is FileFormat.JSON:
            return self.tr("JSON ({encoding})").format(encoding=d.encoding_label)
        return self.tr("text table ({encoding})").format(encoding=d.encoding_label)
