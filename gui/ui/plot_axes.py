"""The value axes of the plot's series: one for all, or the first on the left and every other on its own.

Per series (the default, *Axes* in the plot's toolbar), the first series is
drawn in the plot's own view on its left axis; every other gets a view box
of its own, lying exactly over the plot's view with time linked, and an
axis at the right in its colour; the legend comes after the last axis. The
crosshair looks for the nearest datapoint of each series in its own view's
coordinates. pyqtgraph and numpy are imported on first use.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt

from gui.ui.colours import colour
from gui.ui.plot_items import SeriesItems, axis_types, fit_span, move_item

if TYPE_CHECKING:
    import pyqtgraph as pg

    from gui.ui.plot_data import SeriesData


class SeriesAxes:
    """The views and value axes of the series of one plot item (`plot`), and where its `legend` goes."""

    def __init__(self, plot: pg.PlotItem, legend: Any) -> None:
        self.plot = plot
        self.legend = legend
        #: The series drawn on an axis of their own: (view box, axis), by series name.
        self.own: dict[str, tuple[pg.ViewBox, pg.AxisItem]] = {}

    def view_of(self, name: str) -> pg.ViewBox:
        """The view box a series is drawn in: its own when it has its own axis, else the plot's."""
        own = self.own.get(name)
        return own[0] if own is not None else self.plot.getViewBox()

    def axis_of(self, name: str) -> pg.AxisItem:
        """The value axis of a series: its own, or the plot's left axis."""
        own = self.own.get(name)
        return own[1] if own is not None else self.plot.getAxis("left")

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide the own axis of a series (with the series), if it has one."""
        if name in self.own:
            self.own[name][1].setVisible(visible)

    def arrange(self, series_items: Mapping[str, SeriesItems], per_series: bool) -> None:
        """Put each series in its view (per series: the first on the left axis, the others on their own axes
        at the right, each labelled in its colour), then the legend after the last axis."""
        import pyqtgraph as pg

        value_axis = axis_types()[0]
        plot = self.plot
        main = plot.getViewBox()
        names = list(series_items)
        own = names[1:] if per_series else []
        layout = plot.layout
        for name in [n for n in self.own if n not in own]:
            self.drop(name, series_items[name])
        for _, axis in self.own.values():  # laid out again below, in the order of the series
            layout.removeItem(axis)
        layout.removeItem(self.legend)
        for name in own:
            if name not in self.own:
                view = pg.ViewBox(enableMenu=False)
                view.setMouseEnabled(False, False)  # the plot's own view takes the mouse; time is linked
                view.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                view.setZValue(main.zValue() - 0.5)  # over the grid, under the crosshair
                plot.scene().addItem(view)
                view.setXLink(main)
                axis = value_axis(orientation="right")
                axis.linkToView(view)
                self.own[name] = (view, axis)
                main.linked_views.append(view)
                for item in series_items[name].items:
                    move_item(item, main, view)
                axis.setVisible(series_items[name].sent.isVisible())
        for column, name in enumerate(own, start=3):
            axis = self.own[name][1]
            layout.addItem(axis, 2, column)
            axis.setPen(colour("muted"))
            axis.setLabel(name, color=series_items[name].color)
            axis.setTextPen(series_items[name].color)
        layout.addItem(self.legend, 2, 3 + len(own))
        left = plot.getAxis("left")
        if own:
            color = series_items[names[0]].color
            left.setLabel(names[0], color=color)
            left.setTextPen(color)
        else:
            left.setLabel("")
            left.setTextPen(colour("muted"))
        layout.activate()  # the view's place now, not at the next event: what it shows is where it is drawn
        self.fit_views()

    def drop(self, name: str, items: SeriesItems) -> None:
        """Back to the plot's view and axis, for a series that had its own."""
        own = self.own.pop(name, None)
        if own is None:
            return
        view, axis = own
        plot = self.plot
        main = plot.getViewBox()
        main.linked_views.remove(view)
        for item in items.items:
            move_item(item, view, main)
        plot.layout.removeItem(axis)
        plot.scene().removeItem(axis)
        view.setXLink(None)
        plot.scene().removeItem(view)

    def fit_views(self, *args: Any) -> None:
        """The series' own views lie exactly over the plot's view."""
        main = self.plot.getViewBox()
        for view, _ in self.own.values():
            view.setGeometry(main.sceneBoundingRect())
            view.linkedViewChanged(main, view.XAxis)

    def fit(self, shown: Mapping[str, SeriesData]) -> None:
        """Fit every view to the full series it shows (see PlotPanel.fit_all); time alike in all views."""
        import numpy as np

        if not shown:
            return
        x0, x1 = fit_span(min(float(s.x[0]) for s in shown.values()), max(float(s.x[-1]) for s in shown.values()))
        main = self.plot.getViewBox()
        for view in {self.view_of(name) for name in shown} | {main}:
            mine = [s for name, s in shown.items() if self.view_of(name) is view]
            view.enableAutoRange()
            if mine:
                y0 = min(float(np.min(s.y)) for s in mine)
                y1 = max(float(np.max(s.y)) for s in mine)
                view.setRange(xRange=(x0, x1), yRange=(y0, y1), disableAutoRange=False)
            elif view is main:
                view.setRange(xRange=(x0, x1), disableAutoRange=False)

    def nearest(self, series: Mapping[str, SeriesData], scene_pos: QPointF, snap_px: float) -> tuple[str, int] | None:
        """The datapoint of `series` nearest to a scene position within `snap_px` pixels: (series name, index)."""
        import numpy as np

        best: tuple[float, str, int] | None = None
        for name, data in series.items():
            if not len(data):
                continue
            view = self.view_of(name)  # each series in the coordinates of its own axis
            px, py = view.viewPixelSize()
            if not px or not py:
                continue
            point = view.mapSceneToView(scene_pos)
            x, y = point.x(), point.y()
            i = int(np.searchsorted(data.x, x))
            lo, hi = max(0, i - 4), min(len(data), i + 4)
            dx = (data.x[lo:hi] - x) / px
            dy = (data.y[lo:hi] - y) / py
            dist = np.hypot(dx, dy)
            j = int(np.argmin(dist))
            if dist[j] <= snap_px and (best is None or dist[j] < best[0]):
                best = (float(dist[j]), name, lo + j)
        return None if best is None else (best[1], best[2])


def detail_for(x: Any, view: pg.ViewBox, groups_per_px: float, symbol_limit: float) -> tuple[int, bool]:
    """(peak downsampling factor, symbols on) for a curve with these x values in `view` (PlotPanel._update_detail).

    pyqtgraph's own auto downsampling derives the factor from the mean
    spacing of the whole series and draws nothing when a short burst sits
    in a wide view (factor > points); here the factor comes from the points
    actually in view. It keeps about `groups_per_px` min/max groups per pixel of the
    view's width for the points in view, is a power of two and leaves at
    least two groups; symbols are on while at most `symbol_limit` points are in view.
    """
    import numpy as np

    n = 0 if x is None else len(x)
    if not n:
        return 1, True
    if view.autoRangeEnabled()[0]:
        count = n  # the view is about to fit all of it
    else:
        x0, x1 = view.viewRange()[0]
        count = int(np.searchsorted(x, x1, "right") - np.searchsorted(x, x0, "left"))
    ratio = count / max(1.0, view.width() * groups_per_px)
    ds = 1 if ratio < 2 else min(2 ** int(math.log2(ratio)), max(1, n // 2))
    return ds, count <= symbol_limit
