"""The look every row table of the app shares (editor, verify results, history)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

#: Room (px) a cell needs beside its text: the style's text margins and a little air.
CELL_PADDING = 18
#: Tooltips of cut text show at most this many characters (a value may be 64 KiB of JSON).
TOOLTIP_MAX_CHARS = 2000


def text_width(widget: QWidget, *samples: str) -> int:
    """The width (px) of a column that shows the widest of `samples` whole in `widget`'s font."""
    metrics = widget.fontMetrics()
    return max(metrics.horizontalAdvance(sample) for sample in samples) + CELL_PADDING


class OneCallPerCell:
    """For a Python item model: a view asks for a cell's roles in one call into Python, not one call per role.

    A delegate paints a cell from some seven roles (text, colours, font, alignment, …) and asks
    for them together (`multiData`); Qt's default answers by calling `data()` once per role, each
    call a new entry into Python that waits for the GIL while a worker thread plans or sends
    (benchmarks/bench_window_stall.py). Here the roles are answered from `data()` in one entry.
    """

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData, /
    ) -> None:
        data = self.data  # type: ignore[attr-defined]  # the model's own (QAbstractItemModel.data)
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(data(index, roleDataSpan.role()))
            return
        # A sequence at run time (`__len__`, `__getitem__`), which PySide's type stubs do not say.
        for role_data in cast("Sequence[QModelRoleData]", roleDataSpan):
            role_data.setData(data(index, role_data.role()))


class ElideMiddleDelegate(QStyledItemDelegate):
    """Cuts a cell's text in the middle ("bench_volt…lab_three": both ends of an id tell ids apart).

    When the text is cut and the model gives no tooltip of its own, the
    whole text is the tooltip.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            event is not None
            and event.type() == QEvent.Type.ToolTip
            and index.isValid()
            and index.data(Qt.ItemDataRole.ToolTipRole) is None
        ):
            if self.is_cut(view, option, index):
                text = str(index.data(Qt.ItemDataRole.DisplayRole))
                if len(text) > TOOLTIP_MAX_CHARS:
                    text = text[:TOOLTIP_MAX_CHARS] + "…"
                QToolTip.showText(event.globalPos(), text, view)
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)

    def is_cut(
        self, view: QWidget | None, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Whether the cell's text is wider than the room the style gives it (so it is shown elided)."""
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        style = view.style() if view is not None else QApplication.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, styled, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        return bool(styled.text) and styled.fontMetrics.horizontalAdvance(styled.text) > room.width() - 2 * margin


class RowTableView(QTableView):
    """A QTableView that repaints for changed rows only when some of them are on screen.

    QTableView repaints its whole viewport for any change of more than one cell, even of
    rows scrolled far away: a send that re-colours a million rows, request by request,
    would repaint the visible rows ten times a second for nothing (each repaint asks the
    model's Python `data()` hundreds of times while the sending thread wants the GIL).
    """

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        if self.state() is not QAbstractItemView.State.EditingState and topLeft.isValid() and bottomRight.isValid():
            # The view's height, not its viewport's: at least the rows on screen, and no `viewport()` call (the
            # first one from Python wraps the viewport widget, about 0.1 s on a loaded machine, at a send's start).
            first = self.rowAt(0)
            last = self.rowAt(self.height() - 1)
            if first >= 0 and (bottomRight.row() < first or (last >= 0 and topLeft.row() > last)):
                return  # nothing on screen changed (nor an open editor's row: none is open)
        super().dataChanged(topLeft, bottomRight, list(roles))


def row_table(
    model: QAbstractItemModel,
    widths: Sequence[int],
    stretch: int | None = None,
    elide_middle: Sequence[int] = (),
) -> QTableView:
    """A table of `model` selecting whole rows, compact one-line rows, `widths` (px) for the first columns.

    `stretch`: the column that takes the room the others leave (the last one
    when None), so the columns fill the view without a horizontal scrollbar;
    its width in `widths` is ignored. `elide_middle`: columns whose text is
    cut in the middle, the whole text in the tooltip (`ElideMiddleDelegate`).
    """
    table = RowTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)  # cut text is elided on its line, not wrapped out of the row
    vertical = table.verticalHeader()
    vertical.setDefaultSectionSize(22)
    # The models give no row headers (an empty strip): hidden, the header is neither sized nor painted. Shown,
    # it sizes itself from the model's header data of its first and last hundred rows whenever rows are added
    # or removed: some 800 calls into Python, each waiting for the GIL while a worker thread plans or sends a
    # million rows (seconds of a frozen window: benchmarks/bench_window_stall.py).
    vertical.hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if elide_middle:
        delegate = ElideMiddleDelegate(table)
        for column in elide_middle:
            table.setItemDelegateForColumn(column, delegate)
    return table
