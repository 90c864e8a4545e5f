"""The shared row table repaints for changed rows only when some of them are on screen (issue 11: send stall)."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gui.ui.tables import OneCallPerCell, row_table


class CountingModel(QAbstractTableModel):
    """100,000 rows of 5 columns; counts the `data()` calls a repaint makes."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 100_000

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index, role=0):
        self.calls += 1
        return "x" if role == 0 else None


def repaint_calls(model, table, first, last):
    """data() calls the view makes to paint after rows first..last changed (all columns)."""
    QCoreApplication.processEvents()  # layouts and paints pending before the change: done
    table.viewport().repaint()
    model.calls = 0
    model.dataChanged.emit(model.index(first, 0), model.index(last, 4))
    QCoreApplication.processEvents()  # the update requests the change posted: painted now
    return model.calls


def test_changes_off_screen_do_not_repaint_and_changes_on_screen_do(qtbot):
    model = CountingModel()
    table = row_table(model, [60] * 5)
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)

    assert repaint_calls(model, table, 50_000, 50_500) == 0
    assert repaint_calls(model, table, 2, 3) > 0
    assert repaint_calls(model, table, 0, 99_999) > 0  # a range that covers the screen
    table.scrollTo(model.index(50_200, 0))
    assert repaint_calls(model, table, 50_000, 50_500) > 0
    assert repaint_calls(model, table, 0, 10) == 0


class GrowingModel(QAbstractTableModel):
    """Rows that can be added; counts the vertical header data the header asks for."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.vertical_calls = 0

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=0):
        return "x" if role == 0 else None

    def headerData(self, section, orientation, role=0):
        if orientation == Qt.Orientation.Vertical:
            self.vertical_calls += 1
        return None

    def grow(self, rows: int) -> None:
        self.beginInsertRows(QModelIndex(), self.rows, rows - 1)
        self.rows = rows
        self.endInsertRows()


def test_the_empty_row_headers_are_hidden_and_never_asked_for(qtbot):
    model = GrowingModel(10)
    table = row_table(model, [60] * 3)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    model.vertical_calls = 0
    model.grow(1_000_000)
    table.viewport().repaint()
    QCoreApplication.processEvents()  # laid out and painted with a million rows
    # A shown header sizes itself from the model's header data of its first and last hundred rows (some 800
    # calls into Python, each waiting for the GIL while a worker plans a million rows): none here.
    assert model.vertical_calls == 0
    assert not table.verticalHeader().isVisible()
    assert table.rowHeight(999_999) == 22


class RolesModel(QAbstractTableModel):
    """A few coloured cells; counts the calls of `data()` that do not come through `multiData`."""

    def __init__(self) -> None:
        super().__init__()
        self.in_multi = False
        self.direct_calls = 0
        self.multi_calls = 0

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 30

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=0):
        if not self.in_multi:
            self.direct_calls += 1
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}:{index.column()}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor("red"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OneCallRolesModel(OneCallPerCell, RolesModel):
    def multiData(self, index, roleDataSpan):
        self.multi_calls += 1
        self.in_multi = True
        try:
            super().multiData(index, roleDataSpan)
        finally:
            self.in_multi = False


def test_a_cell_is_painted_from_one_call_into_the_model_and_looks_the_same(qtbot):
    def painted(model):
        table = row_table(model, [80] * 3)
        qtbot.addWidget(table)
        table.resize(300, 200)
        table.show()
        qtbot.waitExposed(table)
        model.direct_calls = 0
        return table.grab().toImage()

    plain, one_call = RolesModel(), OneCallRolesModel()
    expected = painted(plain)
    assert plain.direct_calls > 0  # Qt asks for each role of each cell: a call into Python each
    image = painted(one_call)
    assert one_call.direct_calls == 0 and one_call.multi_calls > 0
    assert image == expected
