"""The import dialog's Columns table: per column of the file, import it or not, what it is used as, its datastream id,
how its cells are read, and what was found in it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gui import i18n
from gui.data.importers import ColumnChoice, ColumnInfo, FileFormat, ImportResult, Layout, Role, TimeFormat
from gui.data.importers.result import column_title
from gui.onenet.readings import ValueKind
from gui.onenet.validation import suggest_stream_id
from gui.ui.colours import set_item_colour
from gui.ui.import_preview import ORANGE, RED


class ColumnsTable(QTableWidget):
    """The columns of the last read, one row each; what the user changes is kept in `choices` (by column index).

    `choicesChanged()` is emitted after each change the user makes (never while `fill` shows a result).
    """

    choicesChanged = Signal()

    COL_INCLUDE, COL_NAME, COL_ROLE, COL_ID, COL_KIND, COL_NOTE = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.choices: dict[int, ColumnChoice] = {}
        self._result: ImportResult | None = None
        self._filling = False
        self.setHorizontalHeaderLabels(
            [
                self.tr("Import"),
                self.tr("Column in the file"),
                self.tr("Use as"),
                self.tr("Datastream id"),
                self.tr("Read as"),
                self.tr("What was found"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.itemChanged.connect(self._on_itemChanged)

    def clear_result(self) -> None:
        """No result: no rows."""
        self._result = None
        self.setRowCount(0)

    def time_format_name(self, fmt: TimeFormat | None, result: ImportResult | None = None) -> str:
        if result is not None and result.needs_date_order and fmt in (TimeFormat.DMY, TimeFormat.MDY):
            return self.tr("which order?")
        return (
            {
                TimeFormat.YMD: self.tr("year-month-day"),
                TimeFormat.DMY: self.tr("day/month/year"),
                TimeFormat.MDY: self.tr("month/day/year"),
                TimeFormat.YYMMDD: self.tr("yy-mm-dd (two-digit year first)"),
                TimeFormat.TIME_OF_DAY: self.tr("time of day"),
                TimeFormat.EXCEL: self.tr("Excel days"),
                TimeFormat.EPOCH_S: self.tr("Unix seconds"),
                TimeFormat.EPOCH_MS: self.tr("Unix milliseconds"),
                TimeFormat.EPOCH_US: self.tr("Unix microseconds"),
                TimeFormat.EPOCH_NS: self.tr("Unix nanoseconds"),
                TimeFormat.COMPACT: self.tr("YYYYMMDD[HH[MM[SS]]] digits"),
                TimeFormat.MONTH_NAME: self.tr("dates with month names"),
                TimeFormat.PERIOD: self.tr("periods, read as their start"),
                TimeFormat.INTERVAL: self.tr("intervals, read as their start"),
                TimeFormat.PATTERN: self.tr("the format typed above"),
                TimeFormat.PARTS: self.tr("year, month, day… columns combined"),
                TimeFormat.NATIVE: self.tr("spreadsheet dates"),
            }.get(fmt, "?")
            if fmt is not None
            else "?"
        )

    def _role_items(self, layout: Layout) -> list[tuple[str, Role]]:
        items = [
            (self.tr("Time (date and time)"), Role.TIME),
            (self.tr("Date"), Role.DATE),
            (self.tr("Time of day"), Role.TIME_OF_DAY),
            (self.tr("Part of the time (year, month, day, hour…)"), Role.TIME_PART),
        ]
        if layout is Layout.LONG:
            return [(self.tr("Datastream id"), Role.STREAM), *items, (self.tr("Value"), Role.VALUE)]
        return [*items, (self.tr("Datastream"), Role.VALUE)]

    def fill(self, result: ImportResult) -> None:
        """Show the columns of `result`, each with what the user chose for it (`choices`)."""
        self._result = result
        self._filling = True
        try:
            self._fill(result)
        finally:
            self._filling = False

    def _fill(self, result: ImportResult) -> None:
        d = result.detected
        table = self
        table.setRowCount(len(d.columns))
        editable_roles = d.body_type is None and d.file_format is not FileFormat.JSON
        style = self.style()
        for r, column in enumerate(d.columns):
            stats = result.stats[r] if r < len(result.stats) else None
            include = QCheckBox()
            include.setChecked(column.role is not Role.SKIP)
            include.setEnabled(editable_roles)
            include.setToolTip(self.tr("Import this column"))
            include.toggled.connect(lambda on, j=column.index: self._on_include_toggled(j, on))
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(6, 0, 0, 0)
            box.addWidget(include)
            table.setCellWidget(r, self.COL_INCLUDE, holder)

            # a column without a header name: its number in words, translated (`--time-column` matches `column N`)
            name = QTableWidgetItem(i18n.render(column_title(column.name, column.index)))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            name.setToolTip(self.tr("e.g. {example}").format(example=column.example) if column.example else "")
            table.setItem(r, self.COL_NAME, name)

            role_combo = QComboBox()
            role_combo.addItem(self.tr("Not imported"), Role.SKIP)
            for text, role in self._role_items(d.layout):
                role_combo.addItem(text, role)
            role_combo.setCurrentIndex(max(0, role_combo.findData(column.role)))
            role_combo.setEnabled(editable_roles)
            role_combo.currentIndexChanged.connect(
                lambda _i, j=column.index, c=role_combo: self._set_choice(j, role=c.currentData())
            )
            table.setCellWidget(r, self.COL_ROLE, role_combo)

            id_item = QTableWidgetItem(column.stream_id)
            if column.role is Role.VALUE and d.layout is Layout.WIDE:
                id_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable)
                if not column.id_safe:
                    id_item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                    set_item_colour(id_item, RED)
                    id_item.setToolTip(
                        self.tr("The platform may reject characters of this id; suggested: {id}").format(
                            id=suggest_stream_id(column.stream_id)
                        )
                    )
                else:
                    id_item.setToolTip(self.tr("Double-click to change the datastream id"))
            else:
                id_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(r, self.COL_ID, id_item)

            table.setCellWidget(r, self.COL_KIND, self._kind_widget(column, editable_roles))
            note = QTableWidgetItem(self._column_note(column, stats, d.layout))
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            wide_value = column.role is Role.VALUE and d.layout is Layout.WIDE
            if wide_value and column.name != column.stream_id and column.suggested_id != column.name:
                set_item_colour(note, ORANGE)
            if stats is not None and stats.rejected:
                set_item_colour(note, RED)
            table.setItem(r, self.COL_NOTE, note)

    def _kind_widget(self, column: ColumnInfo, editable: bool) -> QWidget:
        combo = QComboBox()
        if column.role in (Role.TIME, Role.DATE):
            combo.addItem(
                self.tr("Automatic: {fmt}").format(fmt=self.time_format_name(column.time_format, self._result)),
                None,
            )
            for fmt in (
                TimeFormat.YMD,
                TimeFormat.DMY,
                TimeFormat.MDY,
                TimeFormat.COMPACT,
                TimeFormat.MONTH_NAME,
                TimeFormat.PERIOD,
                TimeFormat.EXCEL,
                TimeFormat.EPOCH_S,
                TimeFormat.EPOCH_MS,
                TimeFormat.EPOCH_US,
                TimeFormat.EPOCH_NS,
            ):
                combo.addItem(self.time_format_name(fmt), fmt)
            chosen = self.choices.get(column.index, ColumnChoice()).time_format
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.currentIndexChanged.connect(
                lambda _i, j=column.index, c=combo: self._set_choice(j, time_format=c.currentData())
            )
        elif column.role is Role.VALUE:
            names = {
                ValueKind.AUTO: self.tr("number, JSON or text per cell"),
                ValueKind.NUMBER: self.tr("number"),
                ValueKind.TEXT: self.tr("text"),
                ValueKind.JSON: self.tr("JSON object"),
            }
            combo.addItem(self.tr("Automatic: {kind}").format(kind=names[column.kind]), None)
            for kind in (ValueKind.NUMBER, ValueKind.TEXT, ValueKind.JSON):
                combo.addItem(names[kind], kind)
            chosen_kind = self.choices.get(column.index, ColumnChoice()).kind
            combo.setCurrentIndex(max(0, combo.findData(chosen_kind)) if chosen_kind else 0)
            combo.currentIndexChanged.connect(
                lambda _i, j=column.index, c=combo: self._set_choice(j, kind=c.currentData())
            )
        else:
            combo.addItem("—", None)
            combo.setEnabled(False)
        combo.setEnabled(combo.isEnabled() and editable)
        return combo

    def _column_note(self, column: ColumnInfo, stats: Any, layout: Layout) -> str:
        parts: list[str] = []
        if column.role is Role.VALUE and stats is not None:
            parts.append(self.tr("%Ln value(s)", "", stats.values))
            if stats.missing:
                parts.append(self.tr("{n} missing (skipped)").format(n=stats.missing))
            if stats.rejected:
                parts.append(self.tr("{n} cannot be read").format(n=stats.rejected))
            if column.kind is ValueKind.NUMBER and column.decimal == ",":
                parts.append(self.tr("decimal comma"))
        if column.role is Role.VALUE and layout is Layout.WIDE:
            if not column.id_safe:
                parts.append(
                    self.tr("the platform may reject this id; suggested: {id}").format(
                        id=suggest_stream_id(column.stream_id)
                    )
                )
            elif column.suggested_id != column.name and column.stream_id == column.suggested_id:
                dropped = "".join(dict.fromkeys(ch for ch in column.name if ch not in column.stream_id))
                if dropped.strip():
                    text = self.tr("id shortened: the platform may reject “{chars}”").format(
                        chars=dropped.replace(" ", "")
                    )
                    parts.append(text + (self.tr(" and spaces") if " " in dropped else ""))
                else:
                    parts.append(self.tr("id shortened: the platform may reject spaces"))
        if column.unit:
            parts.append(self.tr("unit {unit}").format(unit=column.unit))
        if column.role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY) and column.example:
            parts.append(self.tr("e.g. {example}").format(example=column.example))
        if column.note is not None:
            parts.append(i18n.render(column.note))
        return " · ".join(parts)

    def _set_choice(self, index: int, **changes: Any) -> None:
        if self._filling:
            return
        self.choices[index] = replace(self.choices.get(index, ColumnChoice()), **changes)
        self.choicesChanged.emit()

    def _on_include_toggled(self, index: int, on: bool) -> None:
        detected = next((c for c in self._result.detected.columns if c.index == index), None) if self._result else None
        if on:
            role = None if detected is not None and detected.role is not Role.SKIP else Role.VALUE
            if self.choices.get(index, ColumnChoice()).role is Role.SKIP and detected and detected.role is Role.SKIP:
                role = Role.VALUE
        else:
            role = Role.SKIP
        self._set_choice(index, role=role)

    def _on_itemChanged(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.COL_ID or self._result is None:
            return
        column = self._result.detected.columns[item.row()]
        text = item.text().strip()
        if text and text != column.stream_id:
            self._set_choice(column.index, stream_id=text)

    def set_stream_id(self, column_index: int, stream_id: str) -> None:
        """Type a datastream id into the columns table, as a user would."""
        row = next(r for r, c in enumerate(self._result.detected.columns) if c.index == column_index)  # type: ignore[union-attr]
        item = self.item(row, self.COL_ID)
        assert item is not None
        item.setText(stream_id)

    def include_checkbox(self, column_index: int) -> QCheckBox:
        """The Import checkbox of a column (for tests and accessibility tools)."""
        holder = self.cellWidget(column_index, self.COL_INCLUDE)
        box = holder.findChild(QCheckBox)
        assert isinstance(box, QCheckBox)
        return box
