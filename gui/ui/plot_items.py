"""The plot's pyqtgraph pieces and time helpers: zone axes, a view fitting minutes, a side legend, curves.

pyqtgraph is imported by `axis_types` on first use (the plot's first show or
data), never when this module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette, QPen

from gui.ui.colours import blend, colour, plot_background, series_colour

if TYPE_CHECKING:
    import pyqtgraph as pg

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: Fitting the view never shows less time than this (seconds): one datapoint, or points within a
#: second, get ten minutes around them, so the axis reads hours and minutes, not "54.600 … 55.099".
MIN_FIT_SPAN_S = 600.0
#: The axis label names the date(s) in view while the view spans at most this many seconds
#: (finer than days, the ticks show clock times only).
DATED_LABEL_MAX_S = 5 * 24 * 3600


@dataclass
class SeriesItems:
    """The three curves of one series; `sent` is the one in the legend; `index` picks its colour."""

    sent: pg.PlotDataItem
    pending: pg.PlotDataItem
    failed: pg.PlotDataItem
    index: int

    @property
    def color(self) -> str:
        """The series' colour in the scheme in force (`#rrggbb`, gui.ui.colours.series_colour)."""
        return series_colour(self.index).name()

    @property
    def items(self) -> tuple[pg.PlotDataItem, pg.PlotDataItem, pg.PlotDataItem]:
        return (self.sent, self.pending, self.failed)

    @classmethod
    def create(cls, name: str, index: int) -> SeriesItems:
        """The curves of a new series named `name` (the sent curve carries the name into the legend), coloured."""
        import pyqtgraph as pg

        sent = pg.PlotDataItem(name=name, symbol="o", symbolSize=7)
        pending = pg.PlotDataItem(symbol="o", symbolSize=8)
        failed = pg.PlotDataItem(symbol="x", symbolSize=10)
        items = cls(sent, pending, failed, index)
        items.recolour()
        return items

    def recolour(self) -> None:
        """A series' pens and symbols: its colour; hollow symbols filled with the background; failed: error."""
        import pyqtgraph as pg

        color, error = series_colour(self.index), colour("error")
        self.sent.setPen(pg.mkPen(color, width=2))
        self.sent.setSymbolBrush(pg.mkBrush(color))
        self.sent.setSymbolPen(pg.mkPen(color))
        # Dashed and dotted lines at most 1 px wide: Qt's raster engine dashes those itself (its cosmetic
        # stroker); a wider dash is stroked into a polygon over the whole path, 36 s for 8,000 points in view
        # (tester fresh5: the Plot tab froze with 640k unsent datapoints).
        self.pending.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine))
        self.pending.setSymbolBrush(pg.mkBrush(plot_background()))
        self.pending.setSymbolPen(pg.mkPen(color, width=1.5))
        self.failed.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DotLine))
        self.failed.setSymbolBrush(pg.mkBrush(error))
        self.failed.setSymbolPen(pg.mkPen(error, width=1.5))


def utc_offset_at(tz: tzinfo, timestamp: float) -> int:
    """The zone's offset from UTC in seconds at an instant (0 when the instant cannot be expressed)."""
    try:
        offset = datetime.fromtimestamp(timestamp, UTC).astimezone(tz).utcoffset()
    except (OverflowError, OSError, ValueError):
        return 0
    return int(offset.total_seconds()) if offset is not None else 0


def format_time(timestamp: float, tz: tzinfo, fmt: str = TIME_FORMAT) -> str:
    """An epoch time as wall-clock text in `tz`; "" when out of range."""
    try:
        return datetime.fromtimestamp(timestamp, UTC).astimezone(tz).strftime(fmt)
    except (OverflowError, OSError, ValueError):
        return ""


def fit_span(x0: float, x1: float, minimum: float = MIN_FIT_SPAN_S) -> tuple[float, float]:
    """The time range (epoch seconds) a fit shows for data from x0 to x1: as it is, or `minimum` around its middle."""
    if x1 - x0 >= minimum:
        return x0, x1
    middle = (x0 + x1) / 2
    return middle - minimum / 2, middle + minimum / 2


_axis_classes: tuple[Any, Any, Any, Any] | None = None


def axis_types() -> tuple[Any, Any, Any, Any]:
    """(value axis, zone date axis, time view box, side legend), pyqtgraph classes built on first use.

    The axes draw their tick and grid lines opaque: pyqtgraph fades grid
    lines of finer tick levels with alpha; Qt's raster engine draws
    semi-transparent lines about ten times slower, which doubled the frame
    time of panning a million points. The same colours, made opaque over the
    plot's background, look alike and draw fast; the axes sit behind the view
    box so the opaque lines never cover the data. The view box auto-ranges
    over at least MIN_FIT_SPAN_S of time, and over the times of the series
    drawn in the views linked to it (`linked_views`: a series with its own
    axis). The side legend takes its place in the plot's layout, beside the
    axes, instead of floating over the data.
    """
    global _axis_classes
    if _axis_classes is None:
        import pyqtgraph as pg

        class OpaqueGridMixin:
            def generateDrawSpecs(self, p: Any) -> Any:
                specs = super().generateDrawSpecs(p)  # type: ignore[misc]
                if specs is None:
                    return None
                axis_spec, tick_specs, text_specs = specs
                opaque, background = [], plot_background()
                for pen, p1, p2 in tick_specs:
                    if pen.color().alpha() < 255:
                        pen = QPen(pen)
                        pen.setColor(blend(pen.color(), background))
                    opaque.append((pen, p1, p2))
                return axis_spec, opaque, text_specs

        class ValueAxis(OpaqueGridMixin, pg.AxisItem):  # type: ignore[misc]
            """The value axis, with opaque grid lines."""

        class ZoneDateAxis(OpaqueGridMixin, pg.DateAxisItem):  # type: ignore[misc]
            """Ticks placed with the zone's offset in the middle of the view, labelled exactly in the zone."""

            def __init__(self, zone: tzinfo) -> None:
                super().__init__(orientation="bottom")
                self.zone = zone

            def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
                self.utcOffset = -utc_offset_at(self.zone, (minVal + maxVal) / 2)
                return super().tickValues(minVal, maxVal, size)

            def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
                spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
                if spec is None:
                    return super().tickStrings(values, scale, spacing)  # type: ignore[no-any-return]
                texts = []
                for value in values:
                    text = format_time(value, self.zone, spec.format)
                    if "%f" in spec.format:
                        text = text[:-3]
                    elif "%Y" in spec.format:
                        text = text.lstrip("0")
                    texts.append(text)
                return texts

        class TimeViewBox(pg.ViewBox):  # type: ignore[misc]
            """A view box whose auto-range fits at least MIN_FIT_SPAN_S of time (see fit_span)."""

            def __init__(self) -> None:
                super().__init__()
                self.linked_views: list[pg.ViewBox] = []

            def childrenBounds(self, *args: Any, **kwargs: Any) -> Any:
                bounds = super().childrenBounds(*args, **kwargs)
                for view in self.linked_views:
                    other = view.childrenBounds()[0]
                    if other is not None:
                        bounds[0] = (
                            other if bounds[0] is None else [min(bounds[0][0], other[0]), max(bounds[0][1], other[1])]
                        )
                if bounds[0] is not None:
                    bounds[0] = list(fit_span(*bounds[0]))
                return bounds

        class SideLegend(pg.LegendItem):  # type: ignore[misc]
            """A legend laid out beside the plot: its size is its entries', the layout places it."""

            def updateSize(self) -> None:
                super().updateSize()
                self.setMinimumSize(self.width(), self.height())
                self.setMaximumSize(self.width(), self.height())
                self.updateGeometry()

        _axis_classes = (ValueAxis, ZoneDateAxis, TimeViewBox, SideLegend)
    return _axis_classes


def make_plot_widget(zone: tzinfo) -> tuple[pg.PlotWidget, Any, Any, tuple[pg.InfiniteLine, pg.InfiniteLine]]:
    """The plot's widget: a time axis in `zone`, the side legend, crosshair lines (hidden); its pieces as
    (widget, date axis, legend, (vertical line, horizontal line))."""
    import pyqtgraph as pg

    value_axis, date_axis, view_box, side_legend = axis_types()
    axis = date_axis(zone)
    widget = pg.PlotWidget(
        axisItems={"bottom": axis, "left": value_axis(orientation="left")},
        viewBox=view_box(),
        background=plot_background(),
    )
    widget.setMinimumHeight(120)
    plot_item = widget.getPlotItem()
    # Beside the plot (after the axes, see gui.ui.plot_axes.SeriesAxes.arrange), never over the data.
    legend = side_legend()
    plot_item.legend = legend  # PlotItem.addItem enters named curves in it
    plot_item.layout.addItem(legend, 2, 3)
    plot_item.setClipToView(True)  # downsampling is set per curve, see PlotPanel._update_detail
    plot_item.setMenuEnabled(False)
    plot_item.hideButtons()
    vline = pg.InfiniteLine(angle=90, movable=False)
    hline = pg.InfiniteLine(angle=0, movable=False)
    for line in (vline, hline):
        line.hide()
        plot_item.addItem(line, ignoreBounds=True)
    return widget, axis, legend, (vline, hline)


def colour_plot_widget(widget: pg.PlotWidget, legend: Any, lines: Sequence[pg.InfiniteLine]) -> None:
    """Background (the palette's base), axes and grid (muted), legend (the palette's text), crosshair lines."""
    import pyqtgraph as pg

    plot = widget.getPlotItem()
    widget.setBackground(plot_background())
    muted = colour("muted")
    for name in ("left", "bottom"):
        plot.getAxis(name).setPen(muted)  # the grid's lines too, made opaque over the background
        plot.getAxis(name).setTextPen(muted)
    legend.setLabelTextColor(QGuiApplication.palette().color(QPalette.ColorRole.Text))
    for line in lines:
        line.setPen(pg.mkPen(muted, style=Qt.PenStyle.DashLine))


def move_item(item: pg.PlotDataItem, old: pg.ViewBox, new: pg.ViewBox) -> None:
    """Move a curve from one view box to another.

    Its clipping to the view is off while it moves: ViewBox.addItem puts it in
    the scene before its view, and a clipped curve then asks the plot widget
    (not a view box) for its range.
    """
    old.removeItem(item)
    item.setClipToView(False)
    new.addItem(item)
    item.setClipToView(True)
