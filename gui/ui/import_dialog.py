"""File > Import…: read a file of readings, show how it was read, let the user adjust, import the good rows."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.importers import (
    ZONE_IN_TIMES,
    ZONE_UNSTATED,
    CellStatus,
    ColumnChoice,
    ColumnInfo,
    DateOrder,
    Detected,
    FileFormat,
    ImportCancelled,
    ImportFailed,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    Problem,
    Role,
    TimeFormat,
    import_file,
    write_rejected,
)
from gui.data.store import StoreError, content_hash
from gui.onenet.readings import ValueKind, kind_of
from gui.onenet.validation import Severity, suggest_stream_id
from gui.onenet.zones import ZoneError, offset_name, parse_zone
from gui.text import Message
from gui.ui.at_edit import ZoneCombo
from gui.ui.colours import brush, set_item_colour, set_style
from gui.ui.datapoints_model import Row
from gui.ui.preview import human_bytes
from gui.ui.screens import fit_to_screen
from gui.ui.settings import system_zone_name
from gui.ui.workers import Task, Worker

_Index = QModelIndex | QPersistentModelIndex
#: Problems listed in the dialog; the count says how many more there are.
SHOWN_PROBLEMS = 1000
#: Above this many datapoints the dialog says the editor may get slow.
LARGE_IMPORT = 100_000
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
            return f"{column.name}\n{self._target(column)}"
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
            why = i18n.render(cell.reason) if isinstance(cell.reason, Message) else cell.reason
            return f"{read}\n{why}" if why else read
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


class ImportDialog(QDialog):
    """Reads a file on a worker as the user adjusts how; "Import N datapoints" hands the good rows on.

    `on_import(rows)` receives the editor rows (built on a worker, and passed
    through `prepare` there when given, e.g. to store them) and the dialog
    closes; `source_zone` is the default zone of the file's times
    (the computer's, or with `zone_remembered` the zone of the last import:
    either way the dialog says it is used and importing confirms it).
    `editor_zone` is the zone the editor shows times in: when the file's
    times will show otherwise in the table, the dialog says how ("08:30 in
    the file shows as 00:30 in the table…") and offers to show the editor
    in the file's zone (`showInZone(name)`). Each row remembers its source (the file's SHA-256, its row).
    `queued_before(sha256)`, called on the worker, gives the (row, stream id) of this
    file's datapoints that already wait or were sent: when some are imported again the
    dialog asks first (`again_box`: "Import again" / "Cancel", Cancel the default).
    Collaborators are passed in so tests can drive it.
    """

    finishedReading = Signal(bool)  # after every read, once it has ended: True when a result is shown
    imported = Signal(int)  # datapoints handed to on_import
    rejectedSaved = Signal(int, str)  # rows written, path
    showInZone = Signal(str)  # the user asks the editor to show times in this zone (a `parse_zone` name)

    COL_INCLUDE, COL_NAME, COL_ROLE, COL_ID, COL_KIND, COL_NOTE = range(6)

    def __init__(
        self,
        path: str | Path,
        on_import: Callable[[list[Row]], None],
        pool: QThreadPool,
        source_zone: str | None = None,
        parent: QWidget | None = None,
        prepare: Callable[[list[Row]], list[Row]] | None = None,
        queued_before: Callable[[str], Collection[tuple[int, str]]] | None = None,
        editor_zone: str = "",
        zone_remembered: bool = False,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._on_import = on_import
        self._prepare = prepare
        self._queued_before = queued_before
        #: The question when rows of this file already wait or were sent (shown window-modal, not blocking).
        self.again_box: QMessageBox | None = None
        self.pool = pool
        self._source_zone = source_zone or system_zone_name()
        self._zone_remembered = bool(source_zone) and zone_remembered
        self._editor_zone = editor_zone
        self._choices: dict[int, ColumnChoice] = {}
        self.work = Task(pool, self)  # the read, import or save of rejected rows running (one at a time)
        self._read: bool | None = None  # how the read ended, for finishedReading once its run has ended
        self.import_result: ImportResult | None = None
        self.failure = ""
        self._filling = False
        self._saving_to = ""
        self._zone_chosen = False  # the user chose the zone: for times without one (a zone the file states wins)
        self.setWindowTitle(self.tr("Import readings — {name}").format(name=self.path.name))
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.read)
        self._connect()
        fit_to_screen(self, QSize(1100, 840))
        self.read()

    # --- construction ------------------------------------------------------------------
    def _combo(self, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _build(self) -> None:
        size = self.path.stat().st_size if self.path.exists() else 0
        self.file_label = QLabel(
            self.tr("<b>{name}</b> · {size} · {folder}").format(
                name=self.path.name, size=human_bytes(size), folder=self.path.parent
            )
        )
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.zone_combo.setCurrentText(self._source_zone)
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

        settings = QGroupBox(self.tr("How the file is read"))
        grid = QGridLayout(settings)
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
        self.zone_note = QLabel()
        self.zone_note.setWordWrap(True)
        set_style(self.zone_note, f"color: ${ORANGE};")
        self.zone_note.hide()
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
        self.time_note = QLabel()
        self.time_note.setWordWrap(True)
        set_style(self.time_note, f"color: ${ORANGE}; font-weight: bold;")
        self.stamp_now_button = QPushButton(self.tr("Stamp every row with the import time"))
        self.stamp_now_button.setToolTip(
            self.tr("Send the rows at the moment of importing: only right for readings taken just now")
        )
        # Times of day without any date: the date of the first row, typed (never today's, assumed).
        self.first_date_edit = QLineEdit()
        self.first_date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.first_date_edit.setToolTip(self.tr("The date of the file's first row"))
        self.first_date_edit.hide()
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_note, 1)
        time_row.addWidget(self.first_date_edit)
        time_row.addWidget(self.stamp_now_button)
        self.time_box = QWidget()
        self.time_box.setLayout(time_row)
        self.time_box.hide()
        # The zone's note spans the dialog: in the zone box's column it would need four lines on a small screen.
        grid.addWidget(self.zone_note, notes_row, 0, 1, 4)
        grid.addWidget(self.detected_label, notes_row + 1, 0, 1, 4)
        grid.addWidget(self.order_note, notes_row + 2, 0, 1, 4)
        grid.addWidget(self.time_box, notes_row + 3, 0, 1, 4)
        # How the file's times will show in the editor's table, when its zone is another.
        self.editor_zone_note = QLabel()
        self.editor_zone_note.setWordWrap(True)
        set_style(self.editor_zone_note, "color: $note;")
        self.show_in_zone_button = QPushButton()
        self.show_in_zone_button.setToolTip(
            self.tr("Type and show times in the editor in the file's zone (they are sent the same either way)")
        )
        editor_zone_row = QHBoxLayout()
        editor_zone_row.setContentsMargins(0, 0, 0, 0)
        editor_zone_row.addWidget(self.editor_zone_note, 1)
        editor_zone_row.addWidget(self.show_in_zone_button)
        self.editor_zone_box = QWidget()
        self.editor_zone_box.setLayout(editor_zone_row)
        self.editor_zone_box.hide()
        self._file_zone = ""  # the zone the button offers
        grid.addWidget(self.editor_zone_box, notes_row + 4, 0, 1, 4)

        self.columns_table = QTableWidget(0, 6)
        self.columns_table.setHorizontalHeaderLabels(
            [
                self.tr("Import"),
                self.tr("Column in the file"),
                self.tr("Use as"),
                self.tr("Datastream id"),
                self.tr("Read as"),
                self.tr("What was found"),
            ]
        )
        self.columns_table.verticalHeader().hide()
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        columns_box = QGroupBox(self.tr("Columns"))
        QVBoxLayout(columns_box).addWidget(self.columns_table)

        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.verticalHeader().setDefaultSectionSize(22)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_view.horizontalHeader().setDefaultSectionSize(150)
        preview_box = QGroupBox(self.tr("First rows, as they will be sent (times in platform time, UTC+8)"))
        QVBoxLayout(preview_box).addWidget(self.preview_view)

        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        self.problems_list.setMinimumHeight(24)
        # The tables may be squeezed to a header and a row: the form above takes more room in Chinese
        # (CJK fonts are taller), and the dialog still fits a 700 px screen.
        self.columns_table.setMinimumHeight(48)
        self.preview_view.setMinimumHeight(48)
        self.problems_box = QGroupBox(self.tr("Problems"))
        QVBoxLayout(self.problems_box).addWidget(self.problems_list)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(columns_box)
        splitter.addWidget(preview_box)
        splitter.addWidget(self.problems_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setToolTip(self.tr("Stop reading (or importing, or saving) the file"))
        self.stop_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.summary_label, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.stop_button)

        self.save_rejected_button = QPushButton(self.tr("&Save rejected rows…"))
        self.save_rejected_button.setToolTip(
            self.tr("Write the rows that cannot be imported, with the reason, to a CSV file to fix and import later")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejected_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(settings)
        layout.addWidget(splitter, 1)
        layout.addLayout(status_row)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        for combo in (
            self.encoding_combo,
            self.delimiter_combo,
            self.header_combo,
            self.layout_combo,
            self.sheet_combo,
        ):
            combo.currentIndexChanged.connect(self._on_structure_changed)
        self.header_row_spin.valueChanged.connect(self._on_structure_changed)
        self.time_format_edit.editingFinished.connect(self._schedule)
        self.first_date_edit.editingFinished.connect(self._schedule)
        self.stamp_now_button.clicked.connect(self._on_stamp_now_button_clicked)
        self.show_in_zone_button.clicked.connect(self._on_show_in_zone_button_clicked)
        for combo in (self.order_combo, self.missing_time_combo, self.decimal_combo):
            combo.currentIndexChanged.connect(self._schedule)
        self.zone_combo.currentTextChanged.connect(self._on_zone_combo_changed)
        self.markers_edit.editingFinished.connect(self._schedule)
        self.columns_table.itemChanged.connect(self._on_columns_table_itemChanged)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.import_datapoints)
        self.save_rejected_button.clicked.connect(self._on_save_rejected_button_clicked)
        self.problems_list.itemActivated.connect(self._on_problems_list_itemActivated)
        self.problems_list.itemClicked.connect(self._on_problems_list_itemActivated)

    # --- options -------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        """The ImportOptions the controls say now."""
        markers = tuple(m.strip() for m in self.markers_edit.text().split(",") if m.strip())
        sheet = (
            self.sheet_combo.currentText() if self.sheet_combo.count() and self.sheet_combo.currentIndex() > 0 else None
        )
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
            zone_from_file=not self._zone_chosen,
            sheet=sheet,
            layout=self.layout_combo.currentData(),
            decimal=self.decimal_combo.currentData(),
            missing_markers=markers,
            date_order=self.order_combo.currentData(),
            missing_time=self.missing_time_combo.currentData(),
            columns=dict(self._choices),
            first_date=_first_date(self.first_date_edit.text()),
        )

    def _schedule(self) -> None:
        if not self._filling:
            self._timer.start()

    def _on_structure_changed(self) -> None:
        if self._filling:
            return
        self._choices.clear()  # column numbers may mean other columns now
        self._schedule()

    def _on_stamp_now_button_clicked(self) -> None:
        """The explicit choice the dialog offers when no time column is understood."""
        self.missing_time_combo.setCurrentIndex(self.missing_time_combo.findData(MissingTime.NOW))

    def _on_zone_combo_changed(self, _text: str) -> None:
        if not self._filling:
            self._zone_chosen = True
        problem = self.zone_combo.problem  # the box read the text first (its own slot)
        if problem is not None:
            self._timer.stop()
            self.summary_label.setText(self.zone_combo.reason(problem))
            set_style(self.summary_label, f"color: ${ORANGE};")
            self.import_button.setEnabled(False)
            self.editor_zone_box.hide()  # it spoke of the zone read before
            return
        self._schedule()

    def zone_to_remember(self) -> str:
        """The zone in the box when the last read used it (chosen, or confirmed for times that state none); else ""."""
        result, zone = self.import_result, self.zone_combo.zone
        if result is None or zone is None or self.zone_combo.problem is not None:
            return ""
        return zone.name if result.detected.zone_reason in ("chosen", ZONE_UNSTATED) else ""

    def _on_show_in_zone_button_clicked(self) -> None:
        if self._file_zone:
            self._editor_zone = self._file_zone
            self.showInZone.emit(self._file_zone)
            self._show_editor_zone_note(self.import_result)

    # --- reading on a worker ---------------------------------------------------------------
    def read(self) -> None:
        """Read the file with the current options on a worker (a read still running is cancelled)."""
        self._timer.stop()
        self.stop(quiet=True)
        pattern = self.time_format_edit.text().strip()
        if pattern and "%" not in pattern:
            self.summary_label.setText(
                self.tr("“{pattern}” is not a time format: use % codes such as %d.%m.%Y %H:%M.").format(pattern=pattern)
            )
            set_style(self.summary_label, f"color: ${ORANGE};")
            self.import_button.setEnabled(False)
            return
        options = self.options()
        path = self.path

        def work(cancelled: Callable[[], bool]) -> ImportResult:
            return import_file(path, options, progress=worker.report_progress, cancelled=cancelled)

        worker = Worker(work)
        self._start(worker, self._on_read_result, self._on_read_error)
        self.summary_label.setText(self.tr("Reading {name}…").format(name=self.path.name))
        set_style(self.summary_label, "")

    def _start(self, worker: Worker, on_result: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        """Run `worker` as the current work: `on_result`/`on_error` are called for it only (`Task`)."""
        self.work.start(
            worker,
            result=on_result,
            error=on_error,
            progress=self._on_worker_progress,
            finished=self._on_worker_finished,
        )
        self._set_busy(True)

    def stop(self, quiet: bool = False) -> None:
        """Cancel the read (or save, or import) in progress; what is shown stays."""
        if not self.work.cancel():
            return
        self._read = None
        self._set_busy(False)
        if not quiet:
            self.summary_label.setText(self.tr("Stopped. Change a setting to read the file again."))
            set_style(self.summary_label, "")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.stop_button.setVisible(busy)
        self.import_button.setEnabled(not busy and self._can_import())
        self.save_rejected_button.setEnabled(not busy and bool(self.import_result and self.import_result.rows_rejected))

    def _on_worker_progress(self, progress: tuple[int, int], current: bool) -> None:
        done, total = progress
        if current and total:
            self.progress.setValue(int(1000 * min(done, total) / total))

    def _on_worker_finished(self, current: bool) -> None:
        if current:
            self._set_busy(False)
            read, self._read = self._read, None
            if read is not None:  # said once the read has ended: the dialog can import or read again now
                self.finishedReading.emit(read)

    def _on_read_result(self, result: ImportResult) -> None:
        self.import_result, self.failure = result, ""
        self._show(result)
        self._read = True

    def _on_read_error(self, exc: Exception) -> None:
        if isinstance(exc, ImportCancelled):
            return
        self.import_result = None
        if isinstance(exc, ImportFailed):
            self.failure = i18n.why(exc)
        elif isinstance(exc, StoreError):  # the rows were read, the outbox could not take them (its path: in exc)
            self.failure = self.tr("Nothing imported, the outbox cannot be written: {why}").format(why=i18n.why(exc))
        else:
            self.failure = self.tr("Cannot read the file: {why}").format(why=f"{exc.__class__.__name__}: {exc}")
        self.preview_model.set_result(None)
        self.columns_table.setRowCount(0)
        self.problems_list.clear()
        self.problems_box.setTitle(self.tr("Problems"))
        self.detected_label.setText("")
        self.order_note.hide()
        self._show_zone_note(None)
        self._show_editor_zone_note(None)
        self.time_box.hide()
        self.summary_label.setText(self.tr("✘ {why}").format(why=self.failure))
        set_style(self.summary_label, f"color: ${RED}; font-weight: bold;")
        self.import_button.setText(self.tr("Import"))
        self._read = False

    # --- showing a result ------------------------------------------------------------------
    def _can_import(self) -> bool:
        result = self.import_result
        return result is not None and not result.needs_answer and len(result) > 0 and self.zone_combo.problem is None

    def _show(self, result: ImportResult) -> None:
        self._filling = True
        try:
            self._show_detected(result)
            self._fill_columns(result)
        finally:
            self._filling = False
        self.preview_model.set_result(result)
        self._fill_problems(result)
        self._show_summary(result)
        self._fit_sections(result)

    def _fit_sections(self, result: ImportResult) -> None:
        """Give the columns table room for its rows, the problems list room only when there are problems."""
        total = sum(self.splitter.sizes()) or 600
        row_height = self.columns_table.verticalHeader().defaultSectionSize()
        header_height = self.columns_table.horizontalHeader().sizeHint().height()
        columns = min(len(result.detected.columns), 8) * row_height + header_height + 48
        problems = 50 if not result.problem_count else min(200, 60 + 22 * result.problem_count)
        self.splitter.setSizes([columns, max(150, total - columns - problems), problems])

    def _set_auto_text(self, combo: QComboBox, detected: str) -> None:
        combo.setItemText(0, self.tr("Automatic: {found}").format(found=detected) if detected else self.tr("Automatic"))

    def _show_detected(self, result: ImportResult) -> None:
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
        self.zone_combo.setEnabled(d.body_type is None and not _header_states_zone(d))
        self.order_combo.setEnabled(d.body_type is None)
        xlsx = d.file_format is FileFormat.XLSX
        self.sheet_label.setVisible(xlsx)
        self.sheet_combo.setVisible(xlsx)
        if xlsx and [self.sheet_combo.itemText(i) for i in range(1, self.sheet_combo.count())] != list(d.sheets):
            current = self.sheet_combo.currentText()
            self.sheet_combo.clear()
            self.sheet_combo.addItem(self.tr("First sheet: {name}").format(name=d.sheets[0] if d.sheets else ""))
            self.sheet_combo.addItems(list(d.sheets))
            if current in d.sheets:
                self.sheet_combo.setCurrentText(current)

        parts = [self._format_name(d)]
        if d.body_type is not None:
            parts.append(self.tr("a OneNET type {n} body: times are platform time (UTC+8)").format(n=int(d.body_type)))
        times = d.time_columns() if d.body_type is None else []
        if times:
            shown_formats = dict.fromkeys(self._time_format_name(c.time_format, result) for c in times)
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

        self._show_zone_note(result)
        self._show_editor_zone_note(result)
        self._show_time_question(result)
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

    def _zone_reason(self, reason: str) -> str:
        if reason.startswith("from the header"):
            return self.tr(" (from the header {header})").format(header=reason.removeprefix("from the header "))
        if reason == "chosen":
            return self.tr(" (chosen)")
        if reason == ZONE_UNSTATED:
            return self.tr(" (not stated in the file: the zone chosen above)")
        return ""

    def _show_zone_note(self, result: ImportResult | None) -> None:
        """Beside the zone choice: the times state no zone, so the one shown is used (importing confirms it);
        or the time column's header states the zone, which is used and which the box does not change."""
        unstated = result is not None and bool(result.zone_unstated)
        stated = result is not None and _header_states_zone(result.detected)
        set_style(self.zone_note, "color: $note;" if stated else f"color: ${ORANGE};")
        if stated and result is not None:
            d = result.detected
            self.zone_note.setText(
                self.tr(
                    "The header of column “{column}” states the zone, {stated}: its times are read in {zone}. "
                    "The zone box applies only to times without a zone."
                ).format(column=d.zone_column, stated=d.zone_stated, zone=d.source_tz)
            )
        elif unstated:
            zone = result.detected.source_tz if result is not None else ""
            self.zone_note.setText(
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
        self.zone_note.setVisible(unstated or stated)
        if self.zone_combo.problem is None:  # else the box keeps its red outline
            set_style(self.zone_combo, f"QComboBox {{ border: 2px solid ${ORANGE}; }}" if unstated else "")

    def _show_editor_zone_note(self, result: ImportResult | None) -> None:
        """Under the settings: how the file's first time will show in the editor's table, when otherwise than in
        the file, with a button to show the editor in the file's zone (nothing is converted: only how times show)."""
        example = _shown_elsewhere(result, self._editor_zone) if result is not None else None
        if example is not None:
            in_file, in_table, self._file_zone = example
            self.editor_zone_note.setText(
                self.tr(
                    "{file} in the file shows as {table} in the table, because the editor shows times in {zone}."
                ).format(file=in_file, table=in_table, zone=self._editor_zone)
            )
            self.show_in_zone_button.setText(self.tr("Show the editor in {zone}").format(zone=self._file_zone))
        else:
            self._file_zone = ""
        self.editor_zone_box.setVisible(example is not None)

    def _show_time_question(self, result: ImportResult) -> None:
        """No time understood, a zone the file states ambiguously, or times of day without a date: say so and
        offer the explicit choices."""
        if result.zone_question:
            self.time_note.setText(
                self.tr(
                    "The time column's header says {text}, which can mean {choices}. Choose the zone above."
                ).format(text=result.zone_question_text, choices=self.tr(" or ").join(result.zone_question))
            )
            self.stamp_now_button.hide()
        elif result.needs_date:
            column = next((c.name for c in result.detected.time_columns()), "")
            self.time_note.setText(
                self.tr(
                    "Column “{column}” holds times of day only and the file gives no date, so nothing is imported. "
                    "Type the date of the first row (a time earlier than the row before it is read as the next day):"
                ).format(column=column)
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
        elif self.first_date_edit.text():
            self.time_note.setText(self.tr("Date of the first row:"))
            self.stamp_now_button.hide()
        dated = result.needs_date or bool(self.first_date_edit.text())
        self.first_date_edit.setVisible(dated)
        self.time_box.setVisible(bool(result.zone_question) or result.needs_time or dated)

    def _format_name(self, d: Any) -> str:
        if d.file_format is FileFormat.XLSX:
            return self.tr("Excel workbook, sheet “{sheet}”").format(sheet=d.sheet or "")
        if d.file_format is FileFormat.TYPE5:
            return self.tr("OneNET type 5 text ({encoding})").format(encoding=d.encoding_label)
        if d.file_format is FileFormat.JSON:
            return self.tr("JSON ({encoding})").format(encoding=d.encoding_label)
        return self.tr("text table ({encoding})").format(encoding=d.encoding_label)

    def _time_format_name(self, fmt: TimeFormat | None, result: ImportResult | None = None) -> str:
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

    def _fill_columns(self, result: ImportResult) -> None:
        d = result.detected
        table = self.columns_table
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

            name = QTableWidgetItem(column.name)
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
                self.tr("Automatic: {fmt}").format(fmt=self._time_format_name(column.time_format, self.import_result)),
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
                combo.addItem(self._time_format_name(fmt), fmt)
            chosen = self._choices.get(column.index, ColumnChoice()).time_format
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
            chosen_kind = self._choices.get(column.index, ColumnChoice()).kind
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

    def _fill_problems(self, result: ImportResult) -> None:
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
        self.problems_box.setTitle(
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

    def _show_summary(self, result: ImportResult) -> None:
        count = len(result)
        streams = result.stream_counts()
        if result.needs_date_order or result.zone_question or result.needs_date:
            asked = []
            if result.needs_date:
                asked.append(self.tr("Type the date of the first row to read the times of day."))
            if result.zone_question:
                asked.append(
                    self.tr("The time column's header says {text}: choose the zone the times were written in.").format(
                        text=result.zone_question_text
                    )
                )
            if result.needs_date_order:
                asked.append(self.tr("Choose the day/month order to read the times."))
            text = " ".join(asked)
            colour = ORANGE
        elif result.needs_time:
            text = self.tr("No time column: choose one, type the time format, or stamp the rows with the import time.")
            colour = ORANGE
        elif count == 0:
            text = self.tr("Nothing to import: {rows} read, {rejected} not imported.").format(
                rows=i18n.rows(result.rows_read), rejected=result.rows_rejected
            )
            colour = RED
        else:
            per = self.tr(", ").join(self.tr("{stream} ({n})").format(stream=sid, n=n) for sid, n in streams.items())
            text = self.tr("{points} from {rows} into {streams} ({per}).").format(
                points=i18n.datapoints(count),
                rows=i18n.rows(result.rows_read),
                streams=i18n.datastreams(len(streams)),
                per=per,
            )
            if result.rows_rejected:
                text += " " + self.tr(
                    "%Ln row(s) cannot be read and are not imported (see Problems).", "", result.rows_rejected
                )
            if count > LARGE_IMPORT:
                text += " " + self.tr(
                    "That many datapoints make the editor slow; `onenet-uploader send` uploads files this size."
                )
            colour = ORANGE if result.rows_rejected else GREEN
        self.summary_label.setText(text)
        set_style(self.summary_label, f"color: ${colour};")
        self.import_button.setText(
            self.tr("&Import %Ln datapoint(s)", "", count) if not result.needs_answer else self.tr("&Import")
        )
        self.import_button.setEnabled(self._can_import())
        self.save_rejected_button.setEnabled(bool(result.rows_rejected))

    # --- column edits ----------------------------------------------------------------------
    def _set_choice(self, index: int, **changes: Any) -> None:
        if self._filling:
            return
        self._choices[index] = replace(self._choices.get(index, ColumnChoice()), **changes)
        self._schedule()

    def _on_include_toggled(self, index: int, on: bool) -> None:
        detected = (
            next((c for c in self.import_result.detected.columns if c.index == index), None)
            if self.import_result
            else None
        )
        if on:
            role = None if detected is not None and detected.role is not Role.SKIP else Role.VALUE
            if self._choices.get(index, ColumnChoice()).role is Role.SKIP and detected and detected.role is Role.SKIP:
                role = Role.VALUE
        else:
            role = Role.SKIP
        self._set_choice(index, role=role)

    def _on_columns_table_itemChanged(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.COL_ID or self.import_result is None:
            return
        column = self.import_result.detected.columns[item.row()]
        text = item.text().strip()
        if text and text != column.stream_id:
            self._set_choice(column.index, stream_id=text)

    def set_stream_id(self, column_index: int, stream_id: str) -> None:
        """Type a datastream id into the columns table, as a user would."""
        row = next(r for r, c in enumerate(self.import_result.detected.columns) if c.index == column_index)  # type: ignore[union-attr]
        item = self.columns_table.item(row, self.COL_ID)
        assert item is not None
        item.setText(stream_id)

    def include_checkbox(self, column_index: int) -> QCheckBox:
        """The Import checkbox of a column (for tests and accessibility tools)."""
        holder = self.columns_table.cellWidget(column_index, self.COL_INCLUDE)
        box = holder.findChild(QCheckBox)
        assert isinstance(box, QCheckBox)
        return box

    def _on_problems_list_itemActivated(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, int) or self.import_result is None:
            return
        for r, preview in enumerate(self.import_result.preview):
            if preview.row == row:
                self.preview_view.selectRow(r)
                self.preview_view.scrollTo(self.preview_model.index(r, 0))
                return

    # --- import and save -------------------------------------------------------------------
    def import_datapoints(self, again: bool = False) -> None:
        """Build the editor rows on a worker, hand them to `on_import`, close.

        Unless `again`, rows of this file that already wait or were sent (`queued_before`)
        stop the import and the dialog asks (`again_box`); "Import again" calls this with `again`.
        """
        result = self.import_result
        if result is None or not self._can_import():
            return

        prepare = self._prepare
        queued_before = None if again else self._queued_before
        path = self.path

        def work(cancelled: Callable[[], bool]) -> list[Row] | _QueuedBefore:
            digest = content_hash(path)
            rows = []
            pairs = zip(result.pairs(), result.table.source_rows(), strict=True)
            for n, ((stream_id, point), row) in enumerate(pairs):
                if n % 65536 == 0:
                    if cancelled():
                        raise ImportCancelled()
                    worker.report_progress(n, len(result))
                rows.append(Row(stream_id, point, kind_of(point.value), source=(digest, row)))
            if queued_before is not None:
                known = queued_before(digest)
                if known:
                    repeated = sum(1 for r in rows if r.source is not None and (r.source[1], r.stream_id) in known)
                    if repeated:
                        return _QueuedBefore(repeated, len(rows))
            if prepare is not None:
                worker.report_progress(len(result), len(result))
                rows = prepare(rows)  # e.g. into the outbox, one transaction, off the GUI thread
            return rows

        worker = Worker(work)
        self._start(worker, self._on_rows_ready, self._on_read_error)
        self.summary_label.setText(self.tr("Adding %Ln datapoint(s) to the editor…", "", len(result)))

    def _on_rows_ready(self, rows: list[Row] | _QueuedBefore) -> None:
        if isinstance(rows, _QueuedBefore):
            self._ask_again(rows)
            return
        self._on_import(rows)
        self.imported.emit(len(rows))
        self.accept()

    def _ask_again(self, found: _QueuedBefore) -> None:
        """Some rows of this file already wait or were sent: "Import again" or "Cancel" (the default)."""
        self.summary_label.setText(
            self.tr(
                "%Ln of {total} datapoints of this file already wait to be sent or were sent.", "", found.repeated
            ).format(total=found.total)
        )
        set_style(self.summary_label, f"color: ${ORANGE};")
        box = self.again_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already queued"))
        box.setText(
            self.tr(
                "%Ln of the {total} datapoints in {name} were imported before and already wait to be sent or were "
                "sent to this device. Import them again? Datapoints without a time of their own would be stored twice.",
                "",
                found.repeated,
            ).format(total=found.total, name=self.path.name)
        )
        again = box.addButton(self.tr("Import again"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered() -> None:
            self.again_box = None
            if box.clickedButton() is again:
                self.import_datapoints(again=True)
            else:
                self.summary_label.setText(self.tr("Not imported: the datapoints of this file are already queued."))
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _on_save_rejected_button_clicked(self) -> None:
        default = str(self.path.with_name(f"{self.path.stem}-rejected.csv"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default, self.tr("CSV (*.csv)"))
        if path:
            self.save_rejected(path)

    def save_rejected(self, out_path: str) -> None:
        """Write the rejected rows (row number, reason, cells) to `out_path` as CSV, on a worker."""
        options = self.options()
        source = self.path

        def work(cancelled: Callable[[], bool]) -> int:
            return write_rejected(source, options, out_path, progress=worker.report_progress, cancelled=cancelled)

        worker = Worker(work)
        self._saving_to = out_path
        self._start(worker, self._on_rejected_saved, self._on_save_error)
        self.summary_label.setText(self.tr("Writing the rejected rows to {path}…").format(path=out_path))

    def _on_rejected_saved(self, count: int) -> None:
        path = self._saving_to
        self.summary_label.setText(self.tr("%Ln rejected row(s) written to {path}.", "", count).format(path=path))
        set_style(self.summary_label, f"color: ${GREEN};")
        self.rejectedSaved.emit(count, path)

    def _on_save_error(self, exc: Exception) -> None:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.summary_label.setText(self.tr("✘ The rejected rows could not be written: {why}").format(why=why))
        set_style(self.summary_label, f"color: ${RED}; font-weight: bold;")

    def done(self, code: int) -> None:
        """Close: a read still running is cancelled (its result is dropped)."""
        self._timer.stop()
        self.work.cancel()
        super().done(code)


@dataclass(frozen=True)
class _QueuedBefore:
    """What the import worker found: `repeated` of the `total` datapoints of the file already wait or were sent."""

    repeated: int
    total: int


_EPOCH_FORMATS = (TimeFormat.EPOCH_S, TimeFormat.EPOCH_MS, TimeFormat.EPOCH_US, TimeFormat.EPOCH_NS)


def _header_states_zone(d: Detected) -> bool:
    """True when a time column's header states the zone the times were read in (`Date Time, GMT+00:00`)."""
    return bool(d.zone_stated) and d.zone_stated != ZONE_IN_TIMES


def _shown_elsewhere(result: ImportResult, editor_zone: str) -> tuple[str, str, str] | None:
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


def _first_date(text: str) -> date | None:
    """The first row's date typed as YYYY-MM-DD, or None (then the dialog keeps asking for it)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
