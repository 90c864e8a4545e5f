"""The import dialog's preview of the first rows as they will be sent, and its list of the problems found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from gui import i18n
from gui.data.importers import CellStatus, ColumnInfo, ImportResult, Problem, Role
from gui.data.importers.result import column_title
from gui.onenet.validation import Severity
from gui.ui.colours import brush

_Index = QModelIndex | QPersistentModelIndex
#: Problems listed in the dialog; the count says how many more there are.
SHOWN_PROBLEMS = 1000
RED, ORANGE, GREY, GREEN = "error", "warning", "muted", "ok"  # named colours, gui.ui.colours


class PreviewModel(QAbstractTableModel):
    """The first data rows as they will be imported: one column per file column, rows numbered as in the file.

    Display: the value as it will be sent (times as platform-time `at`);
    tooltip: the cell as read and, for a problem, the reason; rejected rows
    are tinted, missing cells show a dash, columns not imported are grey.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: ImportResult | None = None
        self._columns: tuple[ColumnInfo, ...] = ()

    def set_result(self, result: ImportResult | None) -> None:
        """Show the preview of `result` (None: empty)."""
        self.beginResetModel()
        self._result = result
        self._columns = result.detected.columns if result is not None else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._result is None else len(self._result.preview)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._result is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._result.preview):
                return str(self._result.preview[section].row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Row number in the file")
            return None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{i18n.render(column_title(column.name, column.index))}\n{self._target(column)}"
        if role == Qt.ItemDataRole.ForegroundRole and column.role is Role.SKIP:
            return brush(GREY)
        return None

    def _target(self, column: ColumnInfo) -> str:
        if column.role is Role.SKIP:
            return self.tr("(not imported)")
        if column.role in (Role.TIME, Role.DATE):
            return self.tr("→ at (UTC+8)")
        if column.role is Role.TIME_OF_DAY:
            return self.tr("(time of day)")
        if column.role is Role.STREAM:
            return self.tr("→ datastream")
        if column.stream_id:
            return f"→ {column.stream_id}"
        return self.tr("→ value")

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._result is None or not index.isValid():
            return None
        preview = self._result.preview
        if not 0 <= index.row() < len(preview):
            return None
        row = preview[index.row()]
        if not 0 <= index.column() < len(row.cells):
            return None
        cell = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.status is CellStatus.MISSING and not cell.shown:
                return "—"
            return cell.shown
        if role == Qt.ItemDataRole.ToolTipRole:
            read = self.tr("In the file: {text}").format(text=cell.text) if cell.text else self.tr("Empty in the file")
            return f"{read}\n{i18n.render(cell.reason)}" if cell.reason is not None else read
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {
                CellStatus.ERROR: RED,
                CellStatus.WARNING: ORANGE,
                CellStatus.MISSING: GREY,
                CellStatus.SKIPPED: GREY,
            }.get(cell.status)
            return brush(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and row.rejected:
            return brush("error_bg")
        if role == Qt.ItemDataRole.FontRole and cell.status is CellStatus.ERROR:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ProblemsBox(QGroupBox):
    """The problems of a read, one line each (`problems_list`); activating one emits `rowActivated(row in the file)`."""

    rowActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        self.problems_list.setMinimumHeight(24)
        QVBoxLayout(self).addWidget(self.problems_list)
        self.problems_list.itemActivated.connect(self._on_problems_list_itemActivated)
        self.problems_list.itemClicked.connect(self._on_problems_list_itemActivated)

    def clear(self) -> None:
        """No result: no problems listed."""
        self.problems_list.clear()
        self.setTitle(self.tr("Problems"))

    def show_result(self, result: ImportResult) -> None:
        """List the first SHOWN_PROBLEMS problems of `result` (and how many more) and count them in the title."""
        self.problems_list.clear()
        style = self.style()
        for problem in result.problems[:SHOWN_PROBLEMS]:
            item = QListWidgetItem(
                style.standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxCritical
                    if problem.severity is Severity.ERROR
                    else QStyle.StandardPixmap.SP_MessageBoxWarning
                ),
                self.problem_text(problem),
            )
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            self.problems_list.addItem(item)
        if result.problem_count > SHOWN_PROBLEMS:
            self.problems_list.addItem(self.tr("… and %Ln more problem(s)", "", result.problem_count - SHOWN_PROBLEMS))
        errors = result.rows_rejected
        warnings = result.problem_count - len(result.errors) if result.problem_count <= SHOWN_PROBLEMS else 0
        self.setTitle(
            self.tr("Problems: {rows} not imported, {warnings}").format(
                rows=i18n.rows(errors), warnings=i18n.warnings(warnings)
            )
            if result.problem_count
            else self.tr("Problems: none")
        )

    def problem_text(self, problem: Problem) -> str:
        """A problem as one line: where, the cell, why, and what happens to the row."""
        where = self.tr("Row {row}").format(row=problem.row) if problem.row is not None else self.tr("File")
        if problem.column:
            where += self.tr(", {column}").format(column=problem.column)
        cell = f" “{problem.text}”" if problem.text and problem.column else ""
        outcome = (
            self.tr("the whole row is not imported") if problem.severity is Severity.ERROR else self.tr("imported")
        )
        why = i18n.render(problem.why) if problem.why is not None else problem.reason
        return f"{where}{cell}: {why} ({outcome})"

    def _on_problems_list_itemActivated(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, int):
            self.rowActivated.emit(row)
