"""The plot: series and their data by status, the overwrite rule, legend, crosshair, pan/zoom, export."""

import csv
import random
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from gui.onenet.examples import seed_example
from gui.onenet.readings import Datapoint, parse_at
from gui.sandbox import DEFAULT_API_KEY
from gui.ui.colours import blend, css, plot_background
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.plot import MIN_FIT_SPAN_S, PlotPanel
from gui.ui.plot_data import FAILED, SENT, UNSENT, RowTable, SeriesData
from gui.ui.rows import Row, RowStatus

SEED_AT = parse_at("2013-04-22T00:35:43").timestamp()
SEED_AT2 = parse_at("2013-04-22T00:55:43").timestamp()


@pytest.fixture
def panel(qtbot):
    panel = PlotPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def seed_rows(status=RowStatus.UNSENT):
    return [Row(stream_id, point, status=status) for stream_id, point in seed_example().pairs()]


def data(panel, name):
    series = panel.series[name]
    return series.x.tolist(), series.y.tolist(), series.status.tolist()


def drawn(item):
    x, y = item.getData()
    return ([] if x is None else x.tolist()), ([] if y is None else y.tolist())


def move_mouse(qtbot, widget, pos):
    """A mouse move (no button) delivered to the plot's viewport.

    pyqtgraph's scene drops moves that come sooner than 1/mouseRateLimit
    seconds after the previous one, so wait that long first.
    """
    qtbot.wait(int(1000 / pg.getConfigOption("mouseRateLimit")) + 5)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def view_pos(panel, x, y, series=None):
    """Widget (viewport) coordinates of a point in view coordinates (of the series' own axis, when it has one).

    The plot is drawn first: its value axes take the width of their tick labels as they are drawn.
    """
    panel.plot_widget.grab()
    QApplication.processEvents()
    view = panel.view_of(series) if series else panel.plot_widget.getPlotItem().getViewBox()
    return panel.plot_widget.mapFromScene(view.mapViewToScene(QPointF(x, y)))


# --- the seed example ------------------------------------------------------------------------


def test_seed_example_not_sent_shows_every_number_as_pending(panel):
    panel.set_rows(seed_rows())
    assert list(panel.series) == ["temperature", "key.x", "key.y", "key"]
    assert data(panel, "temperature") == ([SEED_AT2], [84.0], [UNSENT])
    assert data(panel, "key.x") == ([SEED_AT], [123.0], [UNSENT])
    assert data(panel, "key.y") == ([SEED_AT], [123.994], [UNSENT])
    assert data(panel, "key") == ([SEED_AT], [23.001], [UNSENT])
    items = panel.series_items["key"]
    assert drawn(items.pending) == ([SEED_AT], [23.001])
    assert drawn(items.sent) == ([], [])
    assert panel.counts.not_numeric == 1  # "bacd"
    assert "text values (not plotted): 1" in panel.status_label.text()


def test_seed_example_once_sent_key_shows_only_23_001_at_that_time(panel):
    panel.set_rows(seed_rows(RowStatus.SENT))
    assert set(panel.curves) == {"temperature", "key", "key.x", "key.y"}
    assert data(panel, "key") == ([SEED_AT], [23.001], [SENT])
    assert data(panel, "key.x") == ([], [], [])
    assert data(panel, "key.y") == ([], [], [])
    assert data(panel, "temperature") == ([SEED_AT2], [84.0], [SENT])
    assert drawn(panel.series_items["key"].sent) == ([SEED_AT], [23.001])
    assert drawn(panel.series_items["key.x"].sent) == ([], [])
    assert panel.counts.overwritten == 1
    assert "overwritten by a later sent datapoint at the same at: 1" in panel.status_label.text()


def test_failed_rows_are_drawn_with_the_failed_curve(panel):
    panel.set_rows(seed_rows(RowStatus.FAILED))
    assert data(panel, "key.x") == ([SEED_AT], [123.0], [FAILED])  # not stored, so not overwritten either
    items = panel.series_items["temperature"]
    assert drawn(items.failed) == ([SEED_AT2], [84.0])
    assert drawn(items.sent) == drawn(items.pending) == ([], [])
    assert items.failed.opts["symbol"] == "x"
    assert items.failed.opts["symbolBrush"].color().name() == css("error")


def test_status_styles_differ(panel):
    panel.set_rows(seed_rows())
    items = panel.series_items["key"]
    sent_pen, pending_pen = items.sent.opts["pen"], items.pending.opts["pen"]
    assert sent_pen.style() == Qt.PenStyle.SolidLine
    assert pending_pen.style() == Qt.PenStyle.DashLine
    assert items.sent.opts["symbolBrush"].color().name() == items.color  # filled
    assert items.pending.opts["symbolBrush"].color() == plot_background()  # hollow
    assert items.failed.opts["symbol"] == "x"


def test_dashed_and_dotted_lines_are_drawn_by_the_raster_engine_itself(panel):
    """Tester fresh5: the Plot tab froze with 640k unsent datapoints. A dashed pen wider than 1 px is stroked
    into a polygon along the whole path (36 s for 8,000 points in view); at most 1 px wide and cosmetic, Qt's
    cosmetic stroker dashes it as it draws (as fast as a solid line)."""
    panel.set_rows(seed_rows())
    panel.recolour()  # the pens are set again in the scheme's colours: still so
    checked = 0
    for items in panel.series_items.values():
        for item in items.items:
            pen = item.opts["pen"]
            if pen.style() != Qt.PenStyle.SolidLine:
                assert pen.isCosmetic() and pen.widthF() <= 1, (item, pen.widthF())
                checked += 1
    assert checked == 2 * len(panel.series_items)  # not sent (dashed) and failed (dotted) of every series


# --- the window ---------------------------------------------------------------------------------


def send(qtbot, window, confirm=True):
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
        if confirm and window.send_panel.confirm_bar.isVisible():
            qtbot.mouseClick(window.send_panel.send_anyway_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def show_plot(qtbot, window):
    window.result_tabs.setCurrentWidget(window.plot)
    qtbot.waitExposed(window.plot)
    window.plot.refresh()
    return window.plot


def test_window_plot_follows_the_editor_rows_by_status(qtbot, window):
    window.connection.sandbox_check.setChecked(True)
    for stream_id, point in seed_example().pairs():
        window.model.append(stream_id, point)
    plot = show_plot(qtbot, window)
    assert data(plot, "key.x") == ([SEED_AT], [123.0], [UNSENT])

    assert send(qtbot, window) is True  # the window tells the plot at once (add_sent)
    assert data(plot, "key") == ([SEED_AT], [23.001], [SENT])
    assert data(plot, "key.x") == ([], [], [])
    assert data(plot, "temperature") == ([SEED_AT2], [84.0], [SENT])

    # a new row is pending next to the sent ones; the refresh waits for the editor to settle
    window.result_tabs.setCurrentWidget(window.plot)
    at = datetime(2013, 4, 22, 1, 0, tzinfo=UTC)
    with qtbot.waitSignal(plot.refreshed, timeout=5000):
        window.model.append("temperature", Datapoint(85, at))
    assert data(plot, "temperature") == ([SEED_AT2, at.timestamp()], [84.0, 85.0], [SENT, UNSENT])
    with qtbot.waitSignal(plot.refreshed, timeout=5000):
        window.model.remove_rows([window.model.rowCount() - 1])
    assert data(plot, "temperature") == ([SEED_AT2], [84.0], [SENT])


def test_window_failed_send_marks_the_plot_failed(qtbot, window, sandbox):
    window.connection.sandbox_check.setChecked(True)
    window.connection.key_edit.setText("WRONG")
    window.model.append("temperature", Datapoint(21.5, datetime(2024, 5, 1, tzinfo=UTC)))
    plot = show_plot(qtbot, window)
    assert send(qtbot, window) is False
    window.result_tabs.setCurrentWidget(window.plot)
    plot.refresh()
    assert data(plot, "temperature")[2] == [FAILED]
    assert drawn(plot.series_items["temperature"].failed)[1] == [21.5]


def test_points_without_at_are_drawn_when_sent_at_the_send_time_and_omitted_before(qtbot, window):
    window.connection.sandbox_check.setChecked(True)
    window.model.append("level", Datapoint(5))
    window.model.append("level", Datapoint(7, datetime(2024, 5, 1, tzinfo=UTC)))
    plot = show_plot(qtbot, window)
    assert data(plot, "level")[1] == [7.0]
    assert plot.counts.no_time == 1
    assert "no time yet" in plot.status_label.text()

    before = datetime.now(UTC).timestamp()
    assert send(qtbot, window) is True
    after = datetime.now(UTC).timestamp()
    window.result_tabs.setCurrentWidget(window.plot)
    plot.refresh()
    x, y, status = data(plot, "level")
    assert y == [7.0, 5.0] and status == [SENT, SENT]
    assert before <= x[1] <= after
    assert plot.counts.no_time == 0

    window.resend_action.trigger()  # marked unsent again: no time any more
    plot.refresh()
    assert data(plot, "level")[1] == [7.0]


def test_incremental_updates_equal_a_rebuild(qtbot):
    model = DatapointsModel()
    plot = PlotPanel()
    qtbot.addWidget(plot)
    plot.set_model(model)
    plot.show()
    rng = random.Random(6)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    streams = ["a", "b", "c"]

    def random_point():
        at = base + timedelta(seconds=rng.randrange(40)) if rng.random() < 0.9 else None
        kind = rng.random()
        if kind < 0.6:
            value = rng.choice([rng.randrange(100), rng.random() * 10])
        elif kind < 0.85:
            value = {"x": rng.randrange(10), "y": rng.random(), "s": "t"}
        else:
            value = "text"
        return Datapoint(value, at)

    for step in range(300):
        op = rng.random()
        n = model.rowCount()
        if op < 0.4 or n == 0:
            model.extend([Row(rng.choice(streams), random_point()) for _ in range(rng.randrange(1, 5))])
        elif op < 0.55:
            model.remove_rows(rng.sample(range(n), min(n, rng.randrange(1, 4))))
        elif op < 0.7:
            row = rng.randrange(n)
            model.setData(model.index(row, DatapointsModel.VALUE), str(rng.randrange(50)))
        elif op < 0.75:
            row = rng.randrange(n)
            model.setData(model.index(row, DatapointsModel.STREAM), rng.choice(streams))
        elif op < 0.95:
            rows = rng.sample(range(n), min(n, rng.randrange(1, 6)))
            model.set_status(rows, rng.choice([RowStatus.SENT, RowStatus.FAILED, RowStatus.UNSENT]))
        elif op < 0.97:
            model.clear()
        if step % 7 == 0 or step == 299:
            plot.refresh()
            fresh = RowTable()
            fresh.reset(model.rows())
            expected, counts = fresh.series()
            assert set(plot.series) == set(expected), step
            for name, series in expected.items():
                got = plot.series[name]
                assert got.x.tolist() == series.x.tolist(), (step, name)
                assert got.y.tolist() == series.y.tolist(), (step, name)
                assert got.status.tolist() == series.status.tolist(), (step, name)
                assert got.row.tolist() == series.row.tolist(), (step, name)
            assert plot.counts == counts


# --- legend, series menu ------------------------------------------------------------------------


def test_clicking_a_legend_entry_hides_and_shows_the_series(qtbot, panel):
    failed = Row("key", Datapoint(1.5, parse_at("2013-04-22T00:40:00")), status=RowStatus.FAILED)
    panel.set_rows([*seed_rows(), failed])
    legend = panel.plot_widget.getPlotItem().legend
    sample = next(sample for sample, label in legend.items if label.text == "key")
    items = panel.series_items["key"]

    def click_sample():
        center = sample.mapToScene(sample.boundingRect().center())
        qtbot.mouseClick(
            panel.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=panel.plot_widget.mapFromScene(center)
        )

    click_sample()
    assert not panel.is_series_visible("key")
    assert not items.sent.isVisible() and not items.pending.isVisible() and not items.failed.isVisible()
    action = next(a for a in panel.series_menu.actions() if a.data() == "key")
    assert not action.isChecked()
    assert panel.is_series_visible("temperature")
    click_sample()
    assert items.sent.isVisible() and items.pending.isVisible() and items.failed.isVisible()
    assert action.isChecked()

    action.trigger()  # the Series menu does the same
    assert not panel.is_series_visible("key")


# --- view: pan, zoom, fit all, symbols, downsampling ---------------------------------------------


def many_points(n, start=1.7e9):
    x = start + np.arange(n, dtype=np.float64)
    return SeriesData.of(x, np.sin(x / 50.0) * 10)


def test_pan_and_zoom_with_the_mouse_and_fit_all(qtbot, panel):
    panel.set_series({"wave": many_points(10_000)})
    panel.fit_all()
    (x0, x1), _ = panel.view_range()
    assert x0 <= 1.7e9 and x1 >= 1.7e9 + 9_999
    viewport = panel.plot_widget.viewport()
    center = viewport.rect().center()

    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=center)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, center + QPoint(-20 * step, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=center + QPoint(-200, 0))
    (p0, p1), _ = panel.view_range()
    assert p0 > x0 and p1 > x1  # dragged left: later times come into view
    assert p1 - p0 == pytest.approx(x1 - x0, rel=1e-6)

    wheel = QWheelEvent(
        QPointF(center),
        QPointF(viewport.mapToGlobal(center)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    (z0, z1), _ = panel.view_range()
    assert z1 - z0 < (p1 - p0) * 0.9

    qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    (i0, i1), _ = panel.view_range()
    assert i1 - i0 == pytest.approx((z1 - z0) / 2, rel=1e-6)
    qtbot.mouseClick(panel.zoom_out_button, Qt.MouseButton.LeftButton)
    (o0, o1), _ = panel.view_range()
    assert o1 - o0 == pytest.approx(z1 - z0, rel=1e-6)

    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    (f0, f1), _ = panel.view_range()
    assert f0 <= 1.7e9 and f1 >= 1.7e9 + 9_999


def test_dense_curves_drop_symbols_and_downsample_and_zooming_in_brings_them_back(qtbot, panel):
    panel.set_series({"wave": many_points(200_000)})
    panel.fit_all()
    curve = panel.curves["wave"]
    assert not panel.symbols_shown("wave")
    shown = curve._getDisplayDataset()
    assert 100 < len(shown.x) < 20_000  # peak-downsampled to a few points per pixel

    view = panel.plot_widget.getPlotItem().getViewBox()
    view.setXRange(1.7e9 + 1000, 1.7e9 + 1400, padding=0)
    assert not panel.symbols_shown("wave")  # 400 points on about 750 pixels: no room for symbols
    shown = curve._getDisplayDataset()
    assert 400 <= len(shown.x) <= 410  # clipped to the view, not downsampled
    view.setXRange(1.7e9 + 1000, 1.7e9 + 1060, padding=0)
    assert panel.symbols_shown("wave")


def test_a_short_burst_in_a_wide_view_is_still_drawn(panel):
    # pyqtgraph's own auto downsampling would draw nothing for "burst" here (factor > points)
    wide = SeriesData.of([0.0, 4e8], [80, 20])
    burst = SeriesData.of([4e8, 4e8 + 600, 4e8 + 1200], [40, 45, 41])
    panel.set_series({"wide": wide, "burst": burst})
    panel.fit_all()
    assert len(panel.curves["burst"]._getDisplayDataset().x) == 3


def tick_labels(panel):
    """Every tick label the time axis draws for the current view, at its current size."""
    axis = panel.plot_widget.getPlotItem().getAxis("bottom")
    (x0, x1), _ = panel.view_range()
    levels = axis.tickValues(x0, x1, axis.width())
    return [label for spacing, values in levels for label in axis.tickStrings(values, 1, spacing) if values]


CLOCK_LABEL = re.compile(r"\d\d:\d\d(:\d\d)?|\w{3} \d\d")  # 18:55, 18:55:43 or "Mon 22" (a day)


def test_one_typed_datapoint_gets_minutes_around_it_with_the_date(qtbot, window):
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.setDateTime(QDateTime(QDate(2013, 4, 22), QTime(0, 35, 43)))  # in Asia/Shanghai
    window.editor.stream_combo.setCurrentText("temperature")
    qtbot.keyClicks(window.editor.value_edit, "21.5")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    plot = show_plot(qtbot, window)
    qtbot.waitUntil(lambda: plot.view_range()[0] != (0.0, 1.0))  # pyqtgraph fits the view as it paints

    (x0, x1), _ = plot.view_range()
    assert x1 - x0 >= MIN_FIT_SPAN_S and x0 < SEED_AT < x1
    labels = tick_labels(plot)
    assert labels and all(CLOCK_LABEL.fullmatch(label) for label in labels), labels  # never "54.600"
    assert plot.plot_widget.getPlotItem().getAxis("bottom").labelText == "time (Asia/Shanghai) · 2013-04-22"

    qtbot.mouseClick(plot.fit_button, Qt.MouseButton.LeftButton)
    (f0, f1), _ = plot.view_range()
    assert f1 - f0 >= MIN_FIT_SPAN_S and f0 < SEED_AT < f1


def test_points_within_a_second_fit_into_minutes_and_a_long_range_fits_as_it_is(qtbot, panel):
    panel.set_series({"burst": SeriesData.of([SEED_AT, SEED_AT + 0.4], [1.0, 2.0])})
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    (x0, x1), _ = panel.view_range()
    assert x1 - x0 >= MIN_FIT_SPAN_S and x0 < SEED_AT < SEED_AT + 0.4 < x1
    assert all(CLOCK_LABEL.fullmatch(label) for label in tick_labels(panel))

    panel.set_series({"day": SeriesData.of([SEED_AT, SEED_AT + 7200], [1.0, 2.0])})
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    (x0, x1), _ = panel.view_range()
    assert x0 == pytest.approx(SEED_AT, abs=300) and x1 == pytest.approx(SEED_AT + 7200, abs=300)


# --- crosshair and time zones -------------------------------------------------------------------


def test_crosshair_reads_time_in_the_axis_zone_and_the_nearest_value(qtbot, panel):
    panel.set_time_zone(ZoneInfo("Europe/Berlin"), "Europe/Berlin")
    frame = [  # puts the seed's points inside the view, away from its edges
        Row("frame", Datapoint(0, parse_at("2013-04-22T00:00:00")), status=RowStatus.SENT),
        Row("frame", Datapoint(120, parse_at("2013-04-22T01:30:00")), status=RowStatus.SENT),
    ]
    panel.set_rows([*seed_rows(RowStatus.SENT), *frame])
    panel.fit_all()
    move_mouse(qtbot, panel.plot_widget.viewport(), view_pos(panel, SEED_AT, 23.001, "key"))
    text = panel.readout_label.text()
    assert text.startswith("2013-04-21 18:3") and "(Europe/Berlin) · " in text  # the cursor, to a pixel
    assert "key = 23.001 at 2013-04-21 18:35:43 (sent)" in text
    assert panel._vline.isVisible() and panel._vline.value() == pytest.approx(SEED_AT, abs=60)

    panel.zone_combo.setCurrentIndex(PlotPanel.ZONE_PLATFORM)
    move_mouse(qtbot, panel.plot_widget.viewport(), view_pos(panel, SEED_AT2, 84, "temperature"))
    text = panel.readout_label.text()
    assert "(UTC+8)" in text
    assert "temperature = 84 at 2013-04-22 00:55:43 (sent)" in text
    assert panel.plot_widget.getPlotItem().getAxis("bottom").labelText == "time (UTC+8) · 2013-04-21 to 2013-04-22"


def test_axis_ticks_are_labelled_in_the_chosen_zone(panel):
    panel.set_time_zone(ZoneInfo("Europe/Berlin"), "Europe/Berlin")
    panel.set_rows(seed_rows(RowStatus.SENT))
    axis = panel.plot_widget.getPlotItem().getAxis("bottom")
    spacing = 60
    axis.setZoomLevelForDensity(1)
    labels = axis.tickStrings([SEED_AT2], 1, spacing)
    assert labels == ["18:55"] or labels == ["18:55:43"]
    panel.zone_combo.setCurrentIndex(PlotPanel.ZONE_PLATFORM)
    labels = axis.tickStrings([SEED_AT2], 1, spacing)
    assert labels[0].startswith("00:55")
    assert axis.labelText == "time (UTC+8)"


# --- export ---------------------------------------------------------------------------------------


def test_export_png_and_csv_through_the_menu(qtbot, window, tmp_path, monkeypatch):
    window.connection.sandbox_check.setChecked(True)
    for stream_id, point in seed_example().pairs():
        window.model.append(stream_id, point)
    assert send(qtbot, window) is True
    window.model.append("temperature", Datapoint(85, datetime(2013, 4, 21, 17, 0, tzinfo=UTC)))
    plot = show_plot(qtbot, window)
    plot.zone_combo.setCurrentIndex(PlotPanel.ZONE_PLATFORM)
    plot.set_series_visible("key.y", False)

    png, table = tmp_path / "plot.png", tmp_path / "plot.csv"
    answers = iter([str(png), str(table)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (next(answers), ""))
    plot.export_png_action.trigger()
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (plot.plot_widget.width(), plot.plot_widget.height())
    assert "Saved" in plot.status_label.text()

    plot.export_csv_action.trigger()
    text = table.read_text(encoding="utf-8")
    assert DEFAULT_API_KEY not in text and "api-key" not in text
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["series", "datastream", "at", "value", "status"]
    assert rows[1:] == [
        ["temperature", "temperature", "2013-04-22T00:55:43+08:00", "84", "sent"],
        ["temperature", "temperature", "2013-04-22T01:00:00+08:00", "85", "not sent"],
        ["key", "key", "2013-04-22T00:35:43+08:00", "23.001", "sent"],
    ]
    assert "Saved 3 datapoints" in plot.status_label.text()


def test_csv_times_follow_the_display_zone_across_daylight_saving(panel, tmp_path):
    berlin = ZoneInfo("Europe/Berlin")
    panel.set_time_zone(berlin, "Europe/Berlin")
    before = datetime(2024, 3, 31, 0, 30, tzinfo=UTC)  # 01:30 CET
    after = datetime(2024, 3, 31, 1, 30, 0, 250_000, tzinfo=UTC)  # 03:30:00.250 CEST
    panel.set_rows(
        [
            Row("t", Datapoint(1, before), status=RowStatus.SENT),
            Row("t", Datapoint(2.5, after), status=RowStatus.SENT),
        ]
    )
    path = tmp_path / "dst.csv"
    assert panel.export_csv(str(path)) == 2
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert [r[2] for r in rows[1:]] == ["2024-03-31T01:30:00+01:00", "2024-03-31T03:30:00+02:00"]  # at: whole seconds


def test_grid_button_turns_the_grid_off_and_on(qtbot, panel):
    panel.set_rows(seed_rows())
    axes = [panel.plot_widget.getPlotItem().getAxis(name) for name in ("left", "bottom")]
    assert panel.grid_button.isChecked() and all(axis.grid for axis in axes)
    qtbot.mouseClick(panel.grid_button, Qt.MouseButton.LeftButton)
    assert not any(axis.grid for axis in axes)
    qtbot.mouseClick(panel.grid_button, Qt.MouseButton.LeftButton)
    assert all(axis.grid for axis in axes)


def test_grid_lines_are_opaque_and_behind_the_curves(panel):
    # semi-transparent lines are ~10x slower to draw; the fade is kept as opaque colours over the background
    panel.set_rows(seed_rows())
    plot = panel.plot_widget.getPlotItem()
    image = QImage(800, 500, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            assert axis.zValue() < plot.getViewBox().zValue()
            _, ticks, _ = axis.generateDrawSpecs(painter)
            assert ticks and all(pen.color().alpha() == 255 for pen, _, _ in ticks)
            assert len({pen.color().name() for pen, _, _ in ticks}) >= 1
    finally:
        painter.end()
    assert blend(QColor(0, 0, 0, 64), QColor("white")).name() == "#bfbfbf"
    assert blend(QColor(255, 255, 255, 64), QColor("black")).name() == "#404040"
