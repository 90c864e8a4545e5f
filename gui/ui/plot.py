"""Plot of the editor's numeric datapoints over time, by status: sent, not sent, failed.

Every numeric datastream is a series, numeric fields of JSON object values
are series `stream.field`. Series of different ranges (pressure near 1013
beside a temperature near 21) each get their own value axis by default
(*Axes*: one axis per series, or one for all; the window remembers the
choice); the legend sits beside the plot, never over the data. Each series has three curves, created once and
updated with `setData`: sent (solid line, filled symbols), not sent (dashed
line, hollow symbols), failed (dotted line, red x symbols). Symbols are drawn
only while few enough points are in view; with many points the lines carry
the status (peak downsampling and clip-to-view keep a million points
interactive). What is and is not plotted is decided in :mod:`gui.ui.plot_data`.

pyqtgraph and numpy are imported when the plot is first shown or first gets
data, so they cost nothing at start-up.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.onenet.readings import PLATFORM_TZ, Readings
from gui.ui.colours import blend, colour, css, plot_background, series_colour, set_style
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row, RowStatus

if TYPE_CHECKING:
    import pyqtgraph as pg

    from gui.ui.plot_data import Counts, RowTable, SeriesData

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


def format_number(y: float) -> str:
    """A plotted value as text: integers without `.0`, others in the shortest exact form (`23.001`)."""
    if y.is_integer() and abs(y) < 1e15:
        return str(int(y))
    return repr(y)


_axis_classes: tuple[Any, Any, Any, Any] | None = None


def _axis_types() -> tuple[Any, Any, Any, Any]:
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


def _move_item(item: pg.PlotDataItem, old: pg.ViewBox, new: pg.ViewBox) -> None:
    """Move a curve from one view box to another.

    Its clipping to the view is off while it moves: ViewBox.addItem puts it in
    the scene before its view, and a clipped curve then asks the plot widget
    (not a view box) for its range.
    """
    old.removeItem(item)
    item.setClipToView(False)
    new.addItem(item)
    item.setClipToView(True)


class PlotPanel(QWidget):
    """The editor's numeric datapoints over time by status, with crosshair, zoom, pan and export.

    Feed it with :meth:`set_model` (it follows the editor model's changes
    incrementally), :meth:`set_rows` (a fixed list of rows) or
    :meth:`set_series` (arrays, e.g. for a benchmark). :meth:`add_sent`
    tells it when datapoints without `at` were sent, so they can be drawn at
    that time. `refreshed` is emitted after every redraw.
    `axes_mode` is AXES_PER_SERIES (default: the first series on the left
    axis, every other on an axis of its own at the right, in its colour) or
    AXES_SHARED; `axesModeChanged(mode)` when the user picks another.
    """

    refreshed = Signal()
    axesModeChanged = Signal(str)

    AXES_PER_SERIES, AXES_SHARED = "per_series", "shared"

    #: Symbols are drawn for a curve while at most this many of its points are in view,
    #: and while they are on average at least SYMBOL_SPACING_PX pixels apart.
    SYMBOL_LIMIT = 1500
    SYMBOL_SPACING_PX = 6
    #: Peak downsampling keeps about this many min/max groups per pixel of plot width.
    GROUPS_PER_PX = 2
    #: Milliseconds to gather editor changes into one redraw.
    REFRESH_DELAY_MS = 40
    #: How close (pixels) the crosshair must come to a datapoint to name it.
    SNAP_PX = 12

    ZONE_DISPLAY, ZONE_PLATFORM = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: Counts | None = None  # the last counts shown (retranslate says them again)
        self.plot_widget: pg.PlotWidget | None = None
        self._axis: Any = None
        self._vline: Any = None
        self._hline: Any = None
        self._display_tz: tzinfo = PLATFORM_TZ
        self._display_name = "UTC+8"
        self._model: DatapointsModel | None = None
        self._rows: list[Row] = []  # the rows shown when no model is followed
        self._table: RowTable | None = None
        self._dirty = False
        self._series: dict[str, SeriesData] = {}
        self._stream_of: dict[str, str] = {}
        self.counts: Counts | None = None
        self.series_items: dict[str, SeriesItems] = {}
        #: The legend's curve (sent points) of every series, by series name.
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._symbols_on: dict[int, bool] = {}
        self._downsample: dict[int, int] = {}
        self.axes_mode = self.AXES_PER_SERIES
        #: The series drawn on an axis of their own: (view box, axis), by series name.
        self._own_axes: dict[str, tuple[pg.ViewBox, pg.AxisItem]] = {}
        self._legend: Any = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=self.REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build_ui()

    # --- construction ------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("&Fit all"))
        self.fit_button.setToolTip(self.tr("Show every datapoint and follow new ones"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText(self.tr("Zoom +"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in on time (or turn the mouse wheel over the plot)"))
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText(self.tr("Zoom −"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out on time"))
        self.grid_button = QToolButton()
        self.grid_button.setText(self.tr("&Grid"))
        self.grid_button.setCheckable(True)
        self.grid_button.setChecked(True)
        self.grid_button.setToolTip(self.tr("Grid lines (with a million points, panning is faster without them)"))
        self.series_menu = QMenu(self)
        self.series_button = QToolButton()
        self.series_button.setText(self.tr("&Series"))
        self.series_button.setToolTip(self.tr("Show or hide series (or click a legend entry)"))
        self.series_button.setMenu(self.series_menu)
        self.series_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_png_action = QAction(self.tr("View as &PNG image…"), self)
        self.export_csv_action = QAction(self.tr("Plotted data as &CSV…"), self)
        export_menu = QMenu(self)
        export_menu.addActions([self.export_png_action, self.export_csv_action])
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setMenu(export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.axis_per_series_action = QAction(self.tr("An axis per series"), self, checkable=True)
        self.axis_per_series_action.setToolTip(
            self.tr("Each series on its own value axis, in its colour: a pressure near 1013 beside a temperature")
        )
        self.shared_axis_action = QAction(self.tr("One axis for all series"), self, checkable=True)
        axes_group = QActionGroup(self)
        for action, mode in (
            (self.axis_per_series_action, self.AXES_PER_SERIES),
            (self.shared_axis_action, self.AXES_SHARED),
        ):
            action.setData(mode)
            axes_group.addAction(action)
        self.axis_per_series_action.setChecked(True)
        axes_menu = QMenu(self)
        axes_menu.addActions(axes_group.actions())
        self.axes_button = QToolButton()
        self.axes_button.setText(self.tr("&Axes"))
        self.axes_button.setToolTip(self.tr("An axis per series, or one axis for all"))
        self.axes_button.setMenu(axes_menu)
        self.axes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.zone_combo = QComboBox()
        self.zone_combo.addItem(self._display_name)
        self.zone_combo.addItem(self.tr("Platform time (UTC+8)"))
        self.zone_combo.setToolTip(self.tr("The zone of the time axis, the crosshair and exported times"))
        zone_label = QLabel(self.tr("&Times in:"))
        zone_label.setBuddy(self.zone_combo)

        toolbar = QHBoxLayout()
        for button in (self.fit_button, self.zoom_in_button, self.zoom_out_button, self.grid_button):
            toolbar.addWidget(button)
        toolbar.addWidget(self.series_button)
        toolbar.addWidget(self.axes_button)
        toolbar.addWidget(self.export_button)
        toolbar.addStretch(1)

        self.readout_label = QLabel(" ")
        self.readout_label.setWordWrap(True)  # a long readout takes a second line, never widens the window
        self.readout_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label = QLabel(self._key_text())
        self.key_label.setToolTip(
            self.tr(
                "Datapoints without at are drawn at the time they were sent; unsent ones have no time yet. "
                "Of sent datapoints of one datastream at the same at, only the last is shown: "
                "the platform keeps only it."
            )
        )
        info = QHBoxLayout()  # the zone here, not in the toolbar: the tab fits a 1024 px wide window
        info.addWidget(self.readout_label, 1)
        info.addWidget(self.key_label)
        info.addWidget(zone_label)
        info.addWidget(self.zone_combo)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        set_style(self.status_label, "color: $muted;")
        self._empty = QLabel(self.tr("Numeric values of the datapoints appear here."))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(toolbar)
        self._layout.addLayout(info)
        self._layout.addWidget(self._empty, 1)
        self._layout.addWidget(self.status_label)

        self.fit_button.clicked.connect(self.fit_all)
        self.grid_button.toggled.connect(self._on_grid_button_toggled)
        self.zoom_in_button.clicked.connect(self._on_zoom_in_button_clicked)
        self.zoom_out_button.clicked.connect(self._on_zoom_out_button_clicked)
        self.zone_combo.currentIndexChanged.connect(self._on_zone_combo_currentIndexChanged)
        self.export_png_action.triggered.connect(self._on_export_png_action_triggered)
        self.export_csv_action.triggered.connect(self._on_export_csv_action_triggered)
        axes_group.triggered.connect(self._on_axes_group_triggered)

    def _ensure_plot(self) -> pg.PlotWidget:
        if self.plot_widget is None:
            import pyqtgraph as pg

            value_axis, date_axis, view_box, side_legend = _axis_types()
            self._axis = date_axis(self.axis_tz)
            self.plot_widget = pg.PlotWidget(
                axisItems={"bottom": self._axis, "left": value_axis(orientation="left")},
                viewBox=view_box(),
                background=plot_background(),
            )
            self.plot_widget.setMinimumHeight(120)
            plot_item = self.plot_widget.getPlotItem()
            self._on_grid_button_toggled(self.grid_button.isChecked())
            # Beside the plot (after the axes, see _arrange_axes), never over the data.
            self._legend = side_legend()
            plot_item.legend = self._legend  # PlotItem.addItem enters named curves in it
            plot_item.layout.addItem(self._legend, 2, 3)
            plot_item.setClipToView(True)  # downsampling is set per curve, see _update_detail
            plot_item.setMenuEnabled(False)
            plot_item.hideButtons()
            self._vline = pg.InfiniteLine(angle=90, movable=False)
            self._hline = pg.InfiniteLine(angle=0, movable=False)
            for line in (self._vline, self._hline):
                line.hide()
                plot_item.addItem(line, ignoreBounds=True)
            self.plot_widget.scene().sigMouseMoved.connect(self._on_scene_mouseMoved)
            plot_item.getViewBox().sigXRangeChanged.connect(self._update_detail)
            plot_item.getViewBox().sigXRangeChanged.connect(self._update_axis_label)
            plot_item.getViewBox().sigResized.connect(self._update_detail)
            plot_item.getViewBox().sigResized.connect(self._on_main_view_resized)
            self.plot_widget.viewport().installEventFilter(self)
            self._colour_plot()
            self._update_axis_label()
            self._layout.insertWidget(self._layout.indexOf(self._empty), self.plot_widget, 1)
            self._empty.hide()
        return self.plot_widget

    def _ensure_table(self) -> RowTable:
        if self._table is None:
            from gui.ui.plot_data import RowTable

            self._table = RowTable()
            self._table.reset(self._source_rows())
        return self._table

    def _source_rows(self) -> Sequence[Row]:
        return self._model.rows() if self._model is not None else self._rows

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_plot()
        if self._table is None and (self._model is not None or self._rows):
            self._dirty = True
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # --- feeding ---------------------------------------------------------------------------
    def set_model(self, model: DatapointsModel) -> None:
        """Follow the editor model: every row by its status, updated as rows change."""
        if self._model is not None:
            for signal, slot in self._model_connections():
                signal.disconnect(slot)
        self._model = model
        for signal, slot in self._model_connections():
            signal.connect(slot)
        if self._table is not None:
            self._table.reset(model.rows())
        self._schedule_refresh()

    def _model_connections(self) -> list[tuple[Any, Any]]:
        model = self._model
        assert model is not None
        return [
            (model.rowsInserted, self._on_model_rowsInserted),
            (model.rowsRemoved, self._on_model_rowsRemoved),
            (model.dataChanged, self._on_model_dataChanged),
            (model.modelReset, self._on_model_reset),
            (model.layoutChanged, self._on_model_reset),
        ]

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (and stop following a model); redrawn at once."""
        if self._model is not None:
            for signal, slot in self._model_connections():
                signal.disconnect(slot)
            self._model = None
        self._rows = list(rows)
        self._ensure_table().reset(self._rows)
        self.refresh()

    def add_sent(self, readings: Readings, stamped_at: datetime) -> None:
        """Datapoints were just sent at `stamped_at`: those without `at` are drawn at that time.

        `readings` must hold the editor rows' own Datapoint objects (the
        window sends `model.readings()`). Without a model, the readings are
        added as sent rows. Redrawn at once.
        """
        table = self._ensure_table()
        for _, point in readings.pairs():
            table.stamp(point, stamped_at)
        if self._model is None:
            first = len(self._rows)
            new = [Row(stream_id, point, status=RowStatus.SENT) for stream_id, point in readings.pairs()]
            self._rows.extend(new)
            table.insert(first, new)
        self.refresh()

    def set_series(self, series: Mapping[str, SeriesData]) -> None:
        """Draw these arrays as they are (stops following rows); see SeriesData."""
        if self._model is not None:
            for signal, slot in self._model_connections():
                signal.disconnect(slot)
            self._model = None
        self._rows = []
        self._table = None
        from gui.ui.plot_data import Counts

        self._draw(dict(series), {name: name for name in series}, Counts(plotted=sum(map(len, series.values()))))

    @property
    def series(self) -> dict[str, SeriesData]:
        """The series as last drawn, by name (all statuses; overwritten sent points left out)."""
        return dict(self._series)

    def stream_of(self, name: str) -> str:
        """The datastream id of a series (`key` for `key.x`)."""
        return self._stream_of.get(name, name)

    def _on_model_rowsInserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._table is not None and self._model is not None:
            self._table.insert(first, self._model.rows()[first : last + 1])
        self._schedule_refresh()

    def _on_model_rowsRemoved(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._table is not None:
            self._table.remove(first, last)
        self._schedule_refresh()

    def _on_model_dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = None) -> None:
        if self._table is not None and self._model is not None:
            first, last = top_left.row(), bottom_right.row()
            rows = self._model.rows()[first : last + 1]
            if top_left.column() == bottom_right.column() == DatapointsModel.STATUS:
                self._table.set_status(first, rows)
            else:
                self._table.replace(first, rows)
        self._schedule_refresh()

    def _on_model_reset(self) -> None:
        if self._table is not None:
            self._table.reset(self._source_rows())
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Rebuild the series from the rows now and redraw (editor changes otherwise wait a moment)."""
        self._refresh_timer.stop()
        self._dirty = False
        table = self._ensure_table()
        table.restamp(self._source_rows())
        series, counts = table.series()
        streams = {name: table.stream_ids[table.series_stream[code]] for code, name in enumerate(table.series_names)}
        self._draw(series, streams, counts)

    # --- colours ---------------------------------------------------------------------------
    def recolour(self) -> None:
        """The colour scheme changed (see gui.ui.colours.Theme): the plot again, in its colours."""
        self.key_label.setText(self._key_text())
        if self.plot_widget is None:
            return
        self._colour_plot()
        for items in self.series_items.values():
            self._colour_series(items)
        self._arrange_axes()  # the axes of the series, in the series' colours

    def _colour_plot(self) -> None:
        """Background (the palette's base), axes and grid (muted), legend (the palette's text), crosshair."""
        import pyqtgraph as pg

        assert self.plot_widget is not None
        plot = self.plot_widget.getPlotItem()
        self.plot_widget.setBackground(plot_background())
        muted = colour("muted")
        for name in ("left", "bottom"):
            plot.getAxis(name).setPen(muted)  # the grid's lines too, made opaque over the background
            plot.getAxis(name).setTextPen(muted)
        self._legend.setLabelTextColor(QGuiApplication.palette().color(QPalette.ColorRole.Text))
        for line in (self._vline, self._hline):
            line.setPen(pg.mkPen(muted, style=Qt.PenStyle.DashLine))

    def _colour_series(self, items: SeriesItems) -> None:
        """A series' pens and symbols: its colour; hollow symbols filled with the background; failed: error."""
        import pyqtgraph as pg

        color, error = series_colour(items.index), colour("error")
        items.sent.setPen(pg.mkPen(color, width=2))
        items.sent.setSymbolBrush(pg.mkBrush(color))
        items.sent.setSymbolPen(pg.mkPen(color))
        # Dashed and dotted lines at most 1 px wide: Qt's raster engine dashes those itself (its cosmetic
        # stroker); a wider dash is stroked into a polygon over the whole path, 36 s for 8,000 points in view
        # (tester fresh5: the Plot tab froze with 640k unsent datapoints).
        items.pending.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine))
        items.pending.setSymbolBrush(pg.mkBrush(plot_background()))
        items.pending.setSymbolPen(pg.mkPen(color, width=1.5))
        items.failed.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DotLine))
        items.failed.setSymbolBrush(pg.mkBrush(error))
        items.failed.setSymbolPen(pg.mkPen(error, width=1.5))

    # --- drawing ---------------------------------------------------------------------------
    def _draw(self, series: dict[str, SeriesData], streams: dict[str, str], counts: Counts) -> None:
        from gui.ui.plot_data import FAILED, SENT, UNSENT

        self._series = series
        self._stream_of = {name: streams.get(name, name) for name in series}
        self.counts = counts
        if series or self.plot_widget is not None:
            self._ensure_plot()
        for name in [n for n in self.series_items if n not in series]:
            self._remove_series(name)
        for name, data in series.items():
            items = self.series_items.get(name) or self._add_series(name)
            for item, code in ((items.sent, SENT), (items.pending, UNSENT), (items.failed, FAILED)):
                x, y = data.with_status(code)
                ds, symbols = self._detail_for(x)
                self._downsample[id(item)], self._symbols_on[id(item)] = ds, symbols
                symbol = ("x" if item is items.failed else "o") if symbols else None
                item.setData(x, y, symbol=symbol, downsample=ds)  # one update: never a million symbols
        if self.plot_widget is not None:
            self._arrange_axes()
        self._update_detail()
        self._update_axis_label()
        self._update_status_label(counts)
        self._rebuild_series_menu()
        self.refreshed.emit()

    def _add_series(self, name: str) -> SeriesItems:
        import pyqtgraph as pg

        plot = self._ensure_plot()
        sent = pg.PlotDataItem(name=name, symbol="o", symbolSize=7)
        pending = pg.PlotDataItem(symbol="o", symbolSize=8)
        failed = pg.PlotDataItem(symbol="x", symbolSize=10)
        items = SeriesItems(sent, pending, failed, len(self.series_items))
        self._colour_series(items)
        for item in items.items:
            plot.addItem(item)  # applies the plot's downsampling mode: set ours after it
            item.setDownsampling(ds=1, auto=False, method="peak")
            item.setClipToView(True)
            self._symbols_on[id(item)] = True
            self._downsample[id(item)] = 1
        sent.visibleChanged.connect(lambda: self._on_series_visibility_changed(name))
        self.series_items[name] = items
        self.curves[name] = sent
        return items

    def _remove_series(self, name: str) -> None:
        self._drop_own_axis(name)
        items = self.series_items.pop(name)
        self.curves.pop(name, None)
        plot = self._ensure_plot().getPlotItem()
        for item in items.items:
            plot.removeItem(item)
            self._symbols_on.pop(id(item), None)
            self._downsample.pop(id(item), None)
        if plot.legend is not None:
            plot.legend.removeItem(items.sent)

    def _on_series_visibility_changed(self, name: str) -> None:
        items = self.series_items.get(name)
        if items is None:
            return
        visible = items.sent.isVisible()
        items.pending.setVisible(visible)
        items.failed.setVisible(visible)
        if name in self._own_axes:
            self._own_axes[name][1].setVisible(visible)
        for action in self.series_menu.actions():
            if action.data() == name and action.isChecked() != visible:
                action.setChecked(visible)

    def set_series_visible(self, name: str, visible: bool) -> None:
        """Show or hide a series (as clicking its legend entry does)."""
        items = self.series_items.get(name)
        if items is not None:
            items.sent.setVisible(visible)

    def is_series_visible(self, name: str) -> bool:
        """Whether a series is shown (False for an unknown name)."""
        items = self.series_items.get(name)
        return items is not None and items.sent.isVisible()

    def _rebuild_series_menu(self) -> None:
        names = list(self.series_items)
        if [a.data() for a in self.series_menu.actions()] == names:
            return
        self.series_menu.clear()
        for name in names:
            action = self.series_menu.addAction(name)
            action.setData(name)
            action.setCheckable(True)
            action.setChecked(self.is_series_visible(name))
            action.toggled.connect(lambda on, n=name: self.set_series_visible(n, on))
        self.series_button.setEnabled(bool(names))

    # --- axes ------------------------------------------------------------------------------
    def set_axes_mode(self, mode: str) -> None:
        """AXES_PER_SERIES or AXES_SHARED (anything else: per series); redrawn at once."""
        mode = self.AXES_SHARED if mode == self.AXES_SHARED else self.AXES_PER_SERIES
        self.axes_mode = mode
        action = self.shared_axis_action if mode == self.AXES_SHARED else self.axis_per_series_action
        action.setChecked(True)
        if self.plot_widget is not None:
            self._arrange_axes()
            self.fit_all()

    def _on_axes_group_triggered(self, action: QAction) -> None:
        self.set_axes_mode(str(action.data()))
        self.axesModeChanged.emit(self.axes_mode)

    def view_of(self, name: str) -> pg.ViewBox:
        """The view box a series is drawn in: its own when it has its own axis, else the plot's."""
        own = self._own_axes.get(name)
        return own[0] if own is not None else self._ensure_plot().getPlotItem().getViewBox()

    def axis_of(self, name: str) -> pg.AxisItem:
        """The value axis of a series: its own, or the plot's left axis."""
        own = self._own_axes.get(name)
        return own[1] if own is not None else self._ensure_plot().getPlotItem().getAxis("left")

    def _arrange_axes(self) -> None:
        """Put each series in its view (per series: the first on the left axis, the others on their own axes
        at the right, each labelled in its colour), then the legend after the last axis."""
        import pyqtgraph as pg

        value_axis = _axis_types()[0]
        plot = self._ensure_plot().getPlotItem()
        main = plot.getViewBox()
        names = list(self.series_items)
        own = names[1:] if self.axes_mode == self.AXES_PER_SERIES else []
        layout = plot.layout
        for name in [n for n in self._own_axes if n not in own]:
            self._drop_own_axis(name)
        for _, axis in self._own_axes.values():  # laid out again below, in the order of the series
            layout.removeItem(axis)
        layout.removeItem(self._legend)
        for name in own:
            if name not in self._own_axes:
                view = pg.ViewBox(enableMenu=False)
                view.setMouseEnabled(False, False)  # the plot's own view takes the mouse; time is linked
                view.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                view.setZValue(main.zValue() - 0.5)  # over the grid, under the crosshair
                plot.scene().addItem(view)
                view.setXLink(main)
                axis = value_axis(orientation="right")
                axis.linkToView(view)
                self._own_axes[name] = (view, axis)
                main.linked_views.append(view)
                for item in self.series_items[name].items:
                    _move_item(item, main, view)
                axis.setVisible(self.is_series_visible(name))
        for column, name in enumerate(own, start=3):
            axis = self._own_axes[name][1]
            layout.addItem(axis, 2, column)
            axis.setPen(colour("muted"))
            axis.setLabel(name, color=self.series_items[name].color)
            axis.setTextPen(self.series_items[name].color)
        layout.addItem(self._legend, 2, 3 + len(own))
        left = plot.getAxis("left")
        if own:
            color = self.series_items[names[0]].color
            left.setLabel(names[0], color=color)
            left.setTextPen(color)
        else:
            left.setLabel("")
            left.setTextPen(colour("muted"))
        layout.activate()  # the view's place now, not at the next event: what it shows is where it is drawn
        self._on_main_view_resized()

    def _drop_own_axis(self, name: str) -> None:
        """Back to the plot's view and axis, for a series that had its own."""
        own = self._own_axes.pop(name, None)
        if own is None:
            return
        view, axis = own
        plot = self._ensure_plot().getPlotItem()
        main = plot.getViewBox()
        main.linked_views.remove(view)
        for item in self.series_items[name].items:
            _move_item(item, view, main)
        plot.layout.removeItem(axis)
        plot.scene().removeItem(axis)
        view.setXLink(None)
        plot.scene().removeItem(view)

    def _on_main_view_resized(self, *args: Any) -> None:
        """The series' own views lie exactly over the plot's view."""
        if self.plot_widget is None:
            return
        main = self.plot_widget.getPlotItem().getViewBox()
        for view, _ in self._own_axes.values():
            view.setGeometry(main.sceneBoundingRect())
            view.linkedViewChanged(main, view.XAxis)

    def _update_detail(self, *args: Any) -> None:
        """Per curve, from the number of its points in view: the peak downsampling factor and symbols on/off.

        pyqtgraph's own auto downsampling derives the factor from the mean
        spacing of the whole series and draws nothing when a short burst sits
        in a wide view (factor > points); here the factor comes from the points
        actually in view, is a power of two (panning does not change it) and
        always leaves at least two min/max groups. Symbols are drawn while at
        most SYMBOL_LIMIT points are in view and there is room for them.
        """
        if self.plot_widget is None:
            return
        for items in self.series_items.values():
            for item in items.items:
                ds, want = self._detail_for(item.xData)
                if self._downsample.get(id(item)) != ds:
                    self._downsample[id(item)] = ds
                    item.setDownsampling(ds=ds, auto=False, method="peak")
                if self._symbols_on.get(id(item)) != want:
                    self._symbols_on[id(item)] = want
                    item.setSymbol(("x" if item is items.failed else "o") if want else None)

    def _detail_for(self, x: Any) -> tuple[int, bool]:
        """(downsampling factor, symbols on) for a curve with these x values in the current view."""
        import numpy as np

        n = 0 if x is None else len(x)
        if not n:
            return 1, True
        view = self._ensure_plot().getPlotItem().getViewBox()
        if view.autoRangeEnabled()[0]:
            count = n  # the view is about to fit all of it
        else:
            x0, x1 = view.viewRange()[0]
            count = int(np.searchsorted(x, x1, "right") - np.searchsorted(x, x0, "left"))
        width = view.width()
        ratio = count / max(1.0, width * self.GROUPS_PER_PX)
        ds = 1 if ratio < 2 else min(2 ** int(math.log2(ratio)), max(1, n // 2))
        return ds, count <= min(self.SYMBOL_LIMIT, width / self.SYMBOL_SPACING_PX)

    def symbols_shown(self, name: str) -> bool:
        """Whether the sent curve of a series currently draws symbols."""
        items = self.series_items.get(name)
        return items is not None and items.sent.opts["symbol"] is not None

    def _key_text(self) -> str:
        return self.tr(
            "<span style='color:{muted}'>━●</span> sent &nbsp; <span style='color:{muted}'>╌○</span> not sent &nbsp; "
            "<span style='color:{red}'>✕</span> failed"
        ).format(muted=css("muted"), red=css("error"))

    def retranslate(self) -> None:
        """The texts made of words and values, in the language now in use (the window retranslates the rest)."""
        self.key_label.setText(self._key_text())
        if self._counts is not None:
            self._update_status_label(self._counts)

    def _update_status_label(self, counts: Counts) -> None:
        self._counts = counts
        parts = [self.tr("plotted: {n}").format(n=counts.plotted)]
        if counts.overwritten:
            parts.append(
                self.tr("overwritten by a later sent datapoint at the same at: {n}").format(n=counts.overwritten)
            )
        if counts.no_time:
            parts.append(self.tr("not sent and without at (no time yet): {n}").format(n=counts.no_time))
        if counts.not_numeric:
            parts.append(self.tr("text values (not plotted): {n}").format(n=counts.not_numeric))
        self.status_label.setText(" · ".join(parts))
        self._empty.setVisible(self.plot_widget is None)

    # --- view ------------------------------------------------------------------------------
    def fit_all(self) -> None:
        """Show every datapoint of the shown series and keep fitting as data change (until the user zooms or pans).

        The bounds come from the full series: pyqtgraph's own auto-range
        measures the curves as drawn, which are clipped to the current view.
        At least MIN_FIT_SPAN_S is shown (one datapoint: ten minutes around it).
        """
        import numpy as np

        plot = self._ensure_plot().getPlotItem()
        plot.enableAutoRange()
        shown = {name: s for name, s in self._series.items() if len(s) and self.is_series_visible(name)}
        if not shown:
            return
        x0, x1 = fit_span(min(float(s.x[0]) for s in shown.values()), max(float(s.x[-1]) for s in shown.values()))
        main = plot.getViewBox()
        for view in {self.view_of(name) for name in shown} | {main}:
            mine = [s for name, s in shown.items() if self.view_of(name) is view]
            view.enableAutoRange()
            if mine:
                y0 = min(float(np.min(s.y)) for s in mine)
                y1 = max(float(np.max(s.y)) for s in mine)
                view.setRange(xRange=(x0, x1), yRange=(y0, y1), disableAutoRange=False)
            elif view is main:
                view.setRange(xRange=(x0, x1), disableAutoRange=False)

    def zoom_time(self, factor: float) -> None:
        """Scale the time axis around the middle of the view (factor < 1 zooms in)."""
        self._ensure_plot().getPlotItem().getViewBox().scaleBy(x=factor)

    def _on_grid_button_toggled(self, on: bool) -> None:
        """Grid lines behind the curves (opaque, see _axis_types)."""
        if self.plot_widget is None:
            return
        plot = self.plot_widget.getPlotItem()
        for name in ("left", "bottom"):
            plot.getAxis(name).setZValue(plot.getViewBox().zValue() - 1)
        plot.showGrid(x=on, y=on, alpha=0.3)

    def _on_zoom_in_button_clicked(self) -> None:
        self.zoom_time(0.5)

    def _on_zoom_out_button_clicked(self) -> None:
        self.zoom_time(2.0)

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """((x0, x1), (y0, y1)) in view coordinates; x in epoch seconds."""
        (x0, x1), (y0, y1) = self._ensure_plot().getPlotItem().getViewBox().viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    # --- time zone -------------------------------------------------------------------------
    @property
    def axis_tz(self) -> tzinfo:
        """The zone the axis, the crosshair and exports show times in."""
        return PLATFORM_TZ if self.zone_combo.currentIndex() == self.ZONE_PLATFORM else self._display_tz

    @property
    def axis_zone_name(self) -> str:
        """The name of `axis_tz` as the axis shows it."""
        return "UTC+8" if self.zone_combo.currentIndex() == self.ZONE_PLATFORM else self._display_name

    def set_time_zone(self, tz: tzinfo, name: str) -> None:
        """The user's display zone (the editor's); the axis uses it unless platform time is chosen."""
        self._display_tz, self._display_name = tz, name
        self.zone_combo.setItemText(self.ZONE_DISPLAY, name)
        self._apply_zone()

    def _on_zone_combo_currentIndexChanged(self, index: int) -> None:
        self._apply_zone()

    def _apply_zone(self) -> None:
        if self._axis is not None:
            self._axis.zone = self.axis_tz
            self._axis.picture = None
            self._axis.update()
            self._update_axis_label()

    def _update_axis_label(self, *args: Any) -> None:
        """The axis label: "time (zone)", and the date(s) in view while the ticks show clock times only."""
        if self.plot_widget is None:
            return
        text = self.tr("time ({zone})").format(zone=self.axis_zone_name)
        (x0, x1), _ = self.view_range()
        shown = [s for s in self._series.values() if len(s)]
        in_view = bool(shown) and x0 <= max(s.x[-1] for s in shown) and x1 >= min(s.x[0] for s in shown)
        if in_view and x1 - x0 <= DATED_LABEL_MAX_S:
            first, last = format_time(x0, self.axis_tz, "%Y-%m-%d"), format_time(x1, self.axis_tz, "%Y-%m-%d")
            if first and first == last:
                text += " · " + first
            elif first and last:
                text += " · " + self.tr("{first} to {last}").format(first=first, last=last)
        axis = self.plot_widget.getPlotItem().getAxis("bottom")
        if axis.labelText != text:
            self.plot_widget.setLabel("bottom", text)

    # --- crosshair -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._vline is not None:
            self._vline.hide()
            self._hline.hide()
        return super().eventFilter(watched, event)

    def _on_scene_mouseMoved(self, pos: QPointF) -> None:
        assert self.plot_widget is not None
        view = self.plot_widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(pos):
            self._vline.hide()
            self._hline.hide()
            return
        point = view.mapSceneToView(pos)
        self.show_crosshair(point.x(), point.y())

    def show_crosshair(self, x: float, y: float) -> str:
        """Put the crosshair at view coordinates (x epoch seconds, y value); returns the readout text."""
        self._ensure_plot()
        self._vline.setPos(x)
        self._hline.setPos(y)
        self._vline.show()
        self._hline.show()
        text = self.tr("{time} ({zone}) · {value}").format(
            time=format_time(x, self.axis_tz) or "–", zone=self.axis_zone_name, value=f"{y:.6g}"
        )
        nearest = self._nearest(x, y)
        if nearest is not None:
            name, px, py, status = nearest
            text += self.tr("  —  {series} = {value} at {time} ({status})").format(
                series=name, value=format_number(py), time=format_time(px, self.axis_tz), status=status
            )
        self.readout_label.setText(text)
        return text

    def _nearest(self, x: float, y: float) -> tuple[str, float, float, str] | None:
        """The shown datapoint nearest to (x, y) within SNAP_PX pixels: series, x, y, status name."""
        import numpy as np

        assert self.plot_widget is not None
        scene_pos = self.plot_widget.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        best: tuple[float, str, int] | None = None
        for name, data in self._series.items():
            if not len(data) or not self.is_series_visible(name):
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
            if dist[j] <= self.SNAP_PX and (best is None or dist[j] < best[0]):
                best = (float(dist[j]), name, lo + j)
        if best is None:
            return None
        _, name, k = best
        data = self._series[name]
        return name, float(data.x[k]), float(data.y[k]), self.status_text(int(data.status[k]))

    def status_text(self, code: int) -> str:
        """The translated name of a status code of gui.ui.plot_data (sent, not sent, failed)."""
        return {0: self.tr("not sent"), 1: self.tr("sent"), 2: self.tr("failed")}.get(code, "?")

    # --- export ----------------------------------------------------------------------------
    def export_png(self, path: str) -> bool:
        """Save the plot as it is shown (legend, axes, current zoom) as a PNG image; False on failure."""
        return bool(self._ensure_plot().grab().save(path, "PNG"))

    def export_csv(self, path: str) -> int:
        """Write the data of the shown series as CSV; returns the number of datapoints written.

        Columns: series, datastream, at (ISO 8601 with the offset of the
        axis zone), value, status. Hidden series are left out. Nothing
        about the connection (never the api-key) is written. Raises OSError.
        """
        from gui.ui.plot_data import STATUS_NAMES, iso_times

        written = 0
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["series", "datastream", "at", "value", "status"])
            for name, data in self._series.items():
                if not self.is_series_visible(name) or not len(data):
                    continue
                stream = self.stream_of(name)
                times = iso_times(data.x, self.axis_tz)
                values = [format_number(v) for v in data.y.tolist()]
                statuses = [STATUS_NAMES[c] for c in data.status.tolist()]
                writer.writerows(zip([name] * len(data), [stream] * len(data), times, values, statuses, strict=True))
                written += len(data)
        return written

    def _on_export_png_action_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the plot as PNG"), "onenet-plot.png", self.tr("PNG images (*.png)")
        )
        if path:
            ok = self.export_png(path)
            self.status_label.setText(
                self.tr("Saved {path}").format(path=path) if ok else self.tr("Could not write {path}").format(path=path)
            )

    def _on_export_csv_action_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the plotted data as CSV"), "onenet-plot.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            try:
                count = self.export_csv(path)
            except OSError as exc:
                self.status_label.setText(self.tr("Could not write {path}: {why}").format(path=path, why=i18n.why(exc)))
            else:
                self.status_label.setText(self.tr("Saved %Ln datapoint(s) to {path}", "", count).format(path=path))
