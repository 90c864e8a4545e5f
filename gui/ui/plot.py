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
interactive). What is and is not plotted is decided in :mod:`gui.ui.plot_data`;
the rows are followed (and a big first conversion prepared on the pool) by
:mod:`gui.ui.plot_feed`; the series' value axes are :mod:`gui.ui.plot_axes`;
the pyqtgraph pieces and time helpers :mod:`gui.ui.plot_items`.

pyqtgraph and numpy are imported when the plot is first shown or first gets
data, so they cost nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.onenet.readings import PLATFORM_TZ, Readings
from gui.ui.colours import css, set_style
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.plot_axes import SeriesAxes, detail_for
from gui.ui.plot_feed import PlotFeed
from gui.ui.plot_items import (
    DATED_LABEL_MAX_S,
    SeriesItems,
    colour_plot_widget,
    format_time,
    make_plot_widget,
)
from gui.ui.rows import Row

if TYPE_CHECKING:
    import pyqtgraph as pg

    from gui.ui.plot_data import Counts, SeriesData


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
    #: How close (pixels) the crosshair must come to a datapoint to name it.
    SNAP_PX = 12

    ZONE_DISPLAY, ZONE_PLATFORM = range(2)

    def __init__(self, parent: QWidget | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._counts: Counts | None = None  # the last counts shown (retranslate says them again)
        self.plot_widget: pg.PlotWidget | None = None
        self._axis: Any = None
        self._vline: Any = None
        self._hline: Any = None
        self._display_tz: tzinfo = PLATFORM_TZ
        self._display_name = "UTC+8"
        self._series: dict[str, SeriesData] = {}
        self._stream_of: dict[str, str] = {}
        self.counts: Counts | None = None
        self.series_items: dict[str, SeriesItems] = {}
        #: The legend's curve (sent points) of every series, by series name.
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._symbols_on: dict[int, bool] = {}
        self._downsample: dict[int, int] = {}
        self.axes_mode = self.AXES_PER_SERIES
        self._axes: SeriesAxes | None = None  # made with the plot
        self._legend: Any = None
        self._preparing_rows = (0, 0)  # rows converted, of all, while "preparing" is shown
        self.feed = PlotFeed(pool or QThreadPool.globalInstance(), self.isVisible, self)
        self.feed.ready.connect(self._on_feed_ready)
        self.feed.preparing.connect(self._on_feed_preparing)
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
        self._preparing = QWidget()  # in the plot's place while many rows are converted on the pool
        self._preparing_label = QLabel()
        self._preparing_label.setWordWrap(True)
        self._preparing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._preparing_bar = QProgressBar()
        self._preparing_bar.setMaximumWidth(360)
        preparing = QVBoxLayout(self._preparing)
        preparing.addStretch(1)
        preparing.addWidget(self._preparing_label)
        preparing.addWidget(self._preparing_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        preparing.addStretch(1)
        self._preparing.hide()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(toolbar)
        self._layout.addLayout(info)
        self._layout.addWidget(self._empty, 1)
        self._layout.addWidget(self._preparing, 1)
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
            self.plot_widget, self._axis, self._legend, (self._vline, self._hline) = make_plot_widget(self.axis_tz)
            plot_item = self.plot_widget.getPlotItem()
            self._on_grid_button_toggled(self.grid_button.isChecked())
            self.plot_widget.scene().sigMouseMoved.connect(self._on_scene_mouseMoved)
            plot_item.getViewBox().sigXRangeChanged.connect(self._update_detail)
            plot_item.getViewBox().sigXRangeChanged.connect(self._update_axis_label)
            plot_item.getViewBox().sigResized.connect(self._update_detail)
            self._axes = SeriesAxes(plot_item, self._legend)
            plot_item.getViewBox().sigResized.connect(self._axes.fit_views)
            self.plot_widget.viewport().installEventFilter(self)
            self._colour_plot()
            self._update_axis_label()
            self._layout.insertWidget(self._layout.indexOf(self._empty), self.plot_widget, 1)
            self.plot_widget.setVisible(self._preparing.isHidden())
            self._empty.hide()
        return self.plot_widget

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_plot()
        super().showEvent(event)
        self.feed.shown()

    # --- feeding ---------------------------------------------------------------------------
    def set_model(self, model: DatapointsModel) -> None:
        """Follow the editor model: every row by its status, updated as rows change (see gui.ui.plot_feed)."""
        self.feed.set_model(model)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (and stop following a model); redrawn at once (more than SYNC_ROWS: when prepared)."""
        self.feed.set_rows(rows)

    def add_sent(self, readings: Readings, stamped_at: datetime) -> None:
        """Datapoints were just sent at `stamped_at`: those without `at` are drawn at that time.

        `readings` must hold the editor rows' own Datapoint objects (the
        window sends `model.readings()`). Without a model, the readings are
        added as sent rows. Redrawn at once.
        """
        self.feed.add_sent(readings, stamped_at)

    def set_series(self, series: Mapping[str, SeriesData]) -> None:
        """Draw these arrays as they are (stops following rows); see SeriesData."""
        from gui.ui.plot_data import Counts

        self.feed.clear()
        self._show_preparing(False)
        self._draw(dict(series), {name: name for name in series}, Counts(plotted=sum(map(len, series.values()))))

    @property
    def series(self) -> dict[str, SeriesData]:
        """The series as last drawn, by name (all statuses; overwritten sent points left out)."""
        return dict(self._series)

    def stream_of(self, name: str) -> str:
        """The datastream id of a series (`key` for `key.x`)."""
        return self._stream_of.get(name, name)

    def refresh(self) -> None:
        """Rebuild the series from the rows now and redraw (editor changes otherwise wait a moment).

        Rows to convert anew (the first show, a reset) above SYNC_ROWS are
        prepared on the pool: "preparing" is shown, the redraw follows.
        """
        self.feed.refresh()

    @property
    def is_preparing(self) -> bool:
        """True while the rows are converted on the pool ("preparing" shown instead of the plot)."""
        return self.feed.is_preparing

    def cancel(self) -> None:
        """Stop the work on the pool (the window closes)."""
        self.feed.cancel()

    def _on_feed_preparing(self, done: int, total: int) -> None:
        self._preparing_rows = (done, total)
        self._show_preparing(True)

    def _show_preparing(self, on: bool) -> None:
        """The "preparing" state in the plot's place, with the rows converted so far, or the plot again."""
        if on:
            done, total = self._preparing_rows
            self._preparing_label.setText(self.tr("Preparing the plot of {rows}…").format(rows=i18n.rows(total)))
            self._preparing_bar.setRange(0, max(1, total))
            self._preparing_bar.setValue(done)
        elif self._preparing.isHidden():
            return
        self._preparing.setVisible(on)
        if self.plot_widget is not None:
            self.plot_widget.setVisible(not on)
        self._empty.setVisible(not on and self.plot_widget is None)

    def _on_feed_ready(self, series: dict[str, SeriesData], streams: dict[str, str], counts: Counts) -> None:
        self._show_preparing(False)
        self._draw(series, streams, counts)

    # --- colours ---------------------------------------------------------------------------
    def recolour(self) -> None:
        """The colour scheme changed (see gui.ui.colours.Theme): the plot again, in its colours."""
        self.key_label.setText(self._key_text())
        if self.plot_widget is None:
            return
        self._colour_plot()
        for items in self.series_items.values():
            items.recolour()
        self._arrange_axes()  # the axes of the series, in the series' colours

    def _colour_plot(self) -> None:
        assert self.plot_widget is not None
        colour_plot_widget(self.plot_widget, self._legend, (self._vline, self._hline))

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
        plot = self._ensure_plot()
        items = SeriesItems.create(name, len(self.series_items))
        sent = items.sent
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
        self._series_axes().drop(name, self.series_items[name])
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
        if self._axes is not None:
            self._axes.set_visible(name, visible)
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
    def view_of(self, name: str) -> pg.ViewBox:
        """The view box a series is drawn in: its own when it has its own axis, else the plot's."""
        return self._series_axes().view_of(name)

    def axis_of(self, name: str) -> pg.AxisItem:
        """The value axis of a series: its own, or the plot's left axis."""
        return self._series_axes().axis_of(name)

    def _series_axes(self) -> SeriesAxes:
        self._ensure_plot()
        assert self._axes is not None
        return self._axes

    def _arrange_axes(self) -> None:
        """Each series in its view, on its axis (see gui.ui.plot_axes.SeriesAxes), the legend after the last."""
        self._series_axes().arrange(self.series_items, self.axes_mode == self.AXES_PER_SERIES)

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

    def _update_detail(self, *args: Any) -> None:
        """Per curve, from the number of its points in view: the peak downsampling factor and symbols on/off.

        See gui.ui.plot_axes.detail_for: symbols while at most SYMBOL_LIMIT points are in view, with room.
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
        view = self._ensure_plot().getPlotItem().getViewBox()
        return detail_for(x, view, self.GROUPS_PER_PX, min(self.SYMBOL_LIMIT, view.width() / self.SYMBOL_SPACING_PX))

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
        if not self._preparing.isHidden():
            self._show_preparing(True)

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
        self._ensure_plot().getPlotItem().enableAutoRange()
        shown = {name: s for name, s in self._series.items() if len(s) and self.is_series_visible(name)}
        self._series_axes().fit(shown)

    def zoom_time(self, factor: float) -> None:
        """Scale the time axis around the middle of the view (factor < 1 zooms in)."""
        self._ensure_plot().getPlotItem().getViewBox().scaleBy(x=factor)

    def _on_grid_button_toggled(self, on: bool) -> None:
        """Grid lines behind the curves (opaque, see gui.ui.plot_items.axis_types)."""
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
            from gui.ui.plot_data import format_number

            name, px, py, status = nearest
            text += self.tr("  —  {series} = {value} at {time} ({status})").format(
                series=name, value=format_number(py), time=format_time(px, self.axis_tz), status=status
            )
        self.readout_label.setText(text)
        return text

    def _nearest(self, x: float, y: float) -> tuple[str, float, float, str] | None:
        """The shown datapoint nearest to (x, y) within SNAP_PX pixels: series, x, y, status name."""
        assert self.plot_widget is not None
        scene_pos = self.plot_widget.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        shown = {name: data for name, data in self._series.items() if self.is_series_visible(name)}
        best = self._series_axes().nearest(shown, scene_pos, self.SNAP_PX)
        if best is None:
            return None
        name, k = best
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
        from gui.ui.plot_data import write_csv

        shown = {name: data for name, data in self._series.items() if self.is_series_visible(name)}
        return write_csv(path, shown, self.stream_of, self.axis_tz)

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
