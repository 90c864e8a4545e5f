"""Plot: 1,000,000 datapoints in one series, the app's PlotPanel vs a bare pyqtgraph PlotWidget (the floor).

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_plot.py [RUNS] [FRAMES]`
(the venv's python, with the project installed). Every configuration runs in
its own process, RUNS times (default 5), alternating; each process builds the
same arrays (one datapoint a second from 2024-01-01, a seeded random walk),
then measures:

- first render: from creating the widget with the arrays in hand to the end
  of its first synchronous paint (widget built, data set, shown, laid out,
  `viewport().repaint()` returned);
- frame time while panning: FRAMES steps (default 200) of moving the time
  range by 1 % of its width and repainting synchronously, in two views: the
  whole million in view ("wide") and a tenth of it ("zoomed", 100,000 points
  in view). Reported: median and worst frame of each process, then the
  median over processes.

Configurations:
- `floor`: bare `pg.PlotWidget`, `plot(x, y)`, `setDownsampling(auto=True,
  mode="peak")`, `setClipToView(True)`: pyqtgraph's own recipe for big data;
- `naive`: bare `pg.PlotWidget`, `plot(x, y)`, nothing else (context only;
  a tenth of the frames, each takes about a second);
- `panel`: the app's `PlotPanel.set_series` with the same arrays (every
  point "sent": solid line; legend, date axis in a zone, crosshair, status
  curves, grid: the defaults);
- `panel-nogrid`: the same with the Grid button off;
- `rows`: the app's `PlotPanel.set_rows` with 1,000,000 editor rows (`Row`
  objects: the path the window takes); its first render includes turning the
  rows into arrays (on the pool since the first open left the GUI thread:
  first render is until they are drawn; the GUI thread's stall is measured by
  benchmarks/bench_plot_open.py). Also measured: appending one row to a followed 1,000,000-row
  model and redrawing.
- `rows-unsent`: the same rows not sent yet (an import before Send: the dashed "not sent" curve). Before
  the dashed pen was 1 px its first render did not end (a 1.5 px dash: 36 s a paint for 8,000 points).

Offscreen Qt paints into a raster backing store, so painting is real work
(its time grows with the points drawn); there is no GPU and no screen.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

N = 1_000_000
START = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
SIZE = (1280, 720)


def arrays():  # type: ignore[no-untyped-def]
    import numpy as np

    x = START + np.arange(N, dtype=np.float64)
    y = 20.0 + np.cumsum(np.random.default_rng(6).normal(0.0, 0.05, N))
    return x, y


def wait_prepared(app, widget) -> None:  # type: ignore[no-untyped-def]
    """Until the panel drew rows it converts on the pool (more than gui.ui.plot_feed.SYNC_ROWS of them)."""
    while getattr(widget, "is_preparing", False):
        app.processEvents()
        time.sleep(0.001)


def measure(kind: str, frames: int) -> dict[str, float]:
    """One configuration in this process; returns its timings in milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    x, y = arrays()
    rows = None
    if kind in ("rows", "rows-unsent"):
        from gui.onenet.readings import Datapoint

        try:
            from gui.ui.rows import Row, RowStatus
        except ImportError:  # a tree before the rows moved out of the model's module (a --tree baseline)
            from gui.ui.datapoints_model import Row, RowStatus

        base = datetime.fromtimestamp(START, UTC)
        status = RowStatus.SENT if kind == "rows" else RowStatus.UNSENT
        rows = [
            Row("value", Datapoint(float(v), base + timedelta(seconds=i)), status=status)
            for i, v in enumerate(y.tolist())
        ]
    if kind in ("panel", "panel-nogrid", "rows", "rows-unsent"):
        from gui.ui.plot import PlotPanel
        from gui.ui.plot_data import SeriesData

    pg.mkPen("b")  # pyqtgraph's lazy set-up outside the timings, for every configuration alike
    t0, c0 = time.perf_counter(), time.thread_time()
    if kind in ("floor", "naive"):
        widget = pg.PlotWidget()
        if kind == "floor":
            widget.setDownsampling(auto=True, mode="peak")
            widget.setClipToView(True)
        widget.plot(x, y, pen=pg.mkPen("#1f77b4", width=2))
        plot_widget = widget
    else:
        widget = PlotPanel()
        widget.grid_button.setChecked(kind != "panel-nogrid")
        if kind in ("panel", "panel-nogrid"):
            widget.set_series({"value": SeriesData.of(x, y)})
        else:
            widget.set_rows(rows)
    widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    wait_prepared(app, widget)
    if kind not in ("floor", "naive"):
        plot_widget = widget.plot_widget  # made when first shown or first drawn
    plot_widget.viewport().repaint()
    first, first_cpu = time.perf_counter() - t0, time.thread_time() - c0

    view = plot_widget.getPlotItem().getViewBox()
    result = {"first_render_ms": first * 1000, "first_render_cpu_ms": first_cpu * 1000}
    for name, fraction in (("wide", 1.0), ("zoomed", 0.1)):
        width = (x[-1] - x[0]) * fraction
        a = x[0] + (x[-1] - x[0] - width) * 0.25
        view.setRange(xRange=(a, a + width), yRange=(float(y.min()), float(y.max())), padding=0)
        app.processEvents()
        plot_widget.viewport().repaint()
        times, cpu = [], []
        steps = max(10, frames // 10) if kind == "naive" else frames  # about a second per naive frame
        for step in range(steps):
            shift = width * 0.01 * (1 if step < steps // 2 else -1)
            a += shift
            t, c = time.perf_counter(), time.thread_time()
            view.setXRange(a, a + width, padding=0)
            app.processEvents()
            plot_widget.viewport().repaint()
            times.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - c)
        result[f"{name}_median_ms"] = statistics.median(times) * 1000
        result[f"{name}_worst_ms"] = max(times) * 1000
        result[f"{name}_cpu_median_ms"] = statistics.median(cpu) * 1000
        result[f"{name}_cpu_worst_ms"] = max(cpu) * 1000

    if kind == "rows":
        from gui.onenet.readings import Datapoint
        from gui.ui.datapoints_model import DatapointsModel

        model = DatapointsModel()
        model.extend(rows)
        widget.set_model(model)
        widget.refresh()
        wait_prepared(app, widget)
        t = time.perf_counter()
        model.append("value", Datapoint(1.0, datetime.fromtimestamp(START + N, UTC)))
        widget.refresh()
        plot_widget.viewport().repaint()
        result["append_one_row_ms"] = (time.perf_counter() - t) * 1000
    shown = plot_widget.getPlotItem().listDataItems()[0]
    result["drawn_points"] = float(len(shown._getDisplayDataset().x)) if shown._getDisplayDataset() else 0.0
    assert np.isfinite(result["first_render_ms"])
    widget.close()
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kinds = ["floor", "panel", "panel-nogrid", "naive", "rows", "rows-unsent"]
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    for _ in range(runs):
        for kind in kinds:
            out = subprocess.run(
                [sys.executable, __file__, "--one", kind, str(frames)], check=True, capture_output=True, text=True
            ).stdout
            results[kind].append(json.loads(out.strip().splitlines()[-1]))
    med = {k: {key: statistics.median(r[key] for r in rs) for key in rs[0]} for k, rs in results.items()}
    floor = med["floor"]
    print(f"{N:,} datapoints, one series, {SIZE[0]}x{SIZE[1]}, {runs} processes per configuration, {frames} frames")
    print("medians over processes; each cell: wall ms / main-thread CPU ms")
    print(
        "| configuration | first render | wide: median frame | wide: worst | zoomed: median frame | zoomed: worst "
        "| CPU vs floor (first / wide / zoomed) |"
    )
    print("|---|---|---|---|---|---|---|")
    for kind, m in med.items():
        cells = [f"{m[f'{key}_ms']:.0f} / {m[f'{key}_cpu_ms']:.0f}" for key in ("first_render",)]
        for view in ("wide", "zoomed"):
            cells.append(f"{m[f'{view}_median_ms']:.1f} / {m[f'{view}_cpu_median_ms']:.1f}")
            cells.append(f"{m[f'{view}_worst_ms']:.1f} / {m[f'{view}_cpu_worst_ms']:.1f}")
        ratios = " / ".join(
            f"{m[key] / floor[key]:.2f}x"
            for key in ("first_render_cpu_ms", "wide_cpu_median_ms", "zoomed_cpu_median_ms")
        )
        print(f"| {kind} | " + " | ".join(cells) + f" | {ratios} |")
    if "append_one_row_ms" in med.get("rows", {}):
        append_ms = med["rows"]["append_one_row_ms"]
        print(f"rows: append one row to a followed 1,000,000-row model + redraw: {append_ms:.0f} ms")


if __name__ == "__main__":
    main()
