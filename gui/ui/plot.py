"""Plot of the numeric datapoints that were sent, one curve per series, against time."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    import pyqtgraph as pg

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
    """Sent numeric datapoints per series over time; curves are created once and updated.

    pyqtgraph is imported when the plot is first shown or first gets data,
    so it costs nothing at start-up.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget: pg.PlotWidget | None = None
        self._axis: Any = None
        self._utc_offset: int | None = None
        self._zone_name = ""
        self._empty = QLabel(self.tr("Numeric values appear here once they are sent."))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._empty)
        self._points: dict[str, dict[float, float]] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}

    def _ensure_plot(self) -> pg.PlotWidget:
        if self.plot_widget is None:
            import pyqtgraph as pg

            self._axis = pg.DateAxisItem(orientation="bottom", utcOffset=self._utc_offset)
            self.plot_widget = pg.PlotWidget(axisItems={"bottom": self._axis}, background="w")
            self.plot_widget.showGrid(x=True, y=True, alpha=0.25)
            self.plot_widget.addLegend(offset=(10, 10))
            self.plot_widget.setClipToView(True)
            self.plot_widget.setDownsampling(auto=True, mode="peak")
            self.plot_widget.setLabel("bottom", self.tr("time ({zone})").format(zone=self._zone_name))
            self._layout.addWidget(self.plot_widget, 1)
        return self.plot_widget

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_plot()
        super().showEvent(event)

    def set_time_zone(self, tz: tzinfo, name: str) -> None:
        """Show times on the axis in `tz` (its current UTC offset)."""
        offset = datetime.now(tz).utcoffset()
        self._utc_offset = -int(offset.total_seconds()) if offset is not None else None
        self._zone_name = name
        if self.plot_widget is not None:
            self._axis.utcOffset = self._utc_offset
            self.plot_widget.setLabel("bottom", self.tr("time ({zone})").format(zone=name))
            self._axis.picture = None
            self._axis.update()

    def add_sent(self, readings: Readings, stamped_at: datetime) -> None:
        """Add sent readings; a point at an existing time of a series replaces it (the overwrite rule)."""
        series = numeric_series(readings, stamped_at)
        if not series:
            return
        plot = self._ensure_plot()
        import pyqtgraph as pg

        for name, points in series.items():
            self._points.setdefault(name, {}).update(points)
            xs = sorted(self._points[name])
            ys = [self._points[name][x] for x in xs]
            curve = self.curves.get(name)
            if curve is None:
                color = _COLORS[len(self.curves) % len(_COLORS)]
                curve = plot.plot(name=name, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=6, symbolBrush=color)
                self.curves[name] = curve
            curve.setData(xs, ys)
        self._empty.setVisible(not self.curves)
