"""Plot of the numeric datapoints that were sent, one curve per series, against time."""

from __future__ import annotations

from datetime import datetime, tzinfo

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.onenet.readings import Readings

_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]


def numeric_series(readings: Readings, stamped_at: datetime) -> dict[str, list[tuple[float, float]]]:
    """Numeric points by series name: a stream's numbers under its id, numeric JSON fields as `id.field`.

    x is the epoch time in seconds of `at` (points without `at` use
    `stamped_at`, the moment they were sent); text values are not plotted.
    """
    series: dict[str, list[tuple[float, float]]] = {}
    for stream_id, point in readings.pairs():
        x = (point.at or stamped_at).timestamp()
        value = point.value
        if isinstance(value, (int, float)):
            series.setdefault(stream_id, []).append((x, float(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (int, float)) and not isinstance(item, bool):
                    series.setdefault(f"{stream_id}.{key}", []).append((x, float(item)))
    return series


class PlotPanel(QWidget):
    """Sent numeric datapoints per series over time; curves are created once and updated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axis = pg.DateAxisItem(orientation="bottom")
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": self._axis}, background="w")
        self.plot_widget.showGrid(x=True, y=True, alpha=0.25)
        self.plot_widget.addLegend(offset=(10, 10))
        self.plot_widget.setClipToView(True)
        self.plot_widget.setDownsampling(auto=True, mode="peak")
        self._empty = QLabel(self.tr("Numeric values appear here once they are sent."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._empty)
        layout.addWidget(self.plot_widget, 1)
        self._points: dict[str, dict[float, float]] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}

    def set_time_zone(self, tz: tzinfo, name: str) -> None:
        """Show times on the axis in `tz` (its current UTC offset)."""
        offset = datetime.now(tz).utcoffset()
        self._axis.utcOffset = -int(offset.total_seconds()) if offset is not None else None
        self.plot_widget.setLabel("bottom", self.tr("time ({zone})").format(zone=name))
        self._axis.picture = None
        self._axis.update()

    def add_sent(self, readings: Readings, stamped_at: datetime) -> None:
        """Add sent readings; a point at an existing time of a series replaces it (the overwrite rule)."""
        for name, points in numeric_series(readings, stamped_at).items():
            self._points.setdefault(name, {}).update(points)
            xs = sorted(self._points[name])
            ys = [self._points[name][x] for x in xs]
            curve = self.curves.get(name)
            if curve is None:
                color = _COLORS[len(self.curves) % len(_COLORS)]
                curve = self.plot_widget.plot(
                    name=name, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6, symbolBrush=color
                )
                self.curves[name] = curve
            curve.setData(xs, ys)
        self._empty.setVisible(not self.curves)

    def clear(self) -> None:
        """Forget every plotted point."""
        for curve in self.curves.values():
            self.plot_widget.removeItem(curve)
        self.curves.clear()
        self._points.clear()
        self._empty.setVisible(True)
