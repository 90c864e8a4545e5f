"""The shared row table repaints for changed rows only when some of them are on screen (issue 11: send stall)."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex

from gui.ui.tables import row_table


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
