"""Longest GUI stall when the Plot tab is first opened with 1,000,000 editor rows, and how long until it is drawn.

The window's path: a `PlotPanel` follows the editor's `DatapointsModel`
(`set_model`, hidden, so nothing is converted yet), the model holds N rows
not sent yet (one datastream, one datapoint a second), then the panel is
shown (the user opens the Plot tab). A 5 ms QTimer ticks on the GUI thread
from just before the show; the longest gap between two ticks (and from the
show to the first tick, and from the last tick to the end) is the longest
time a click would have waited. The end is the first paint after the plot
drew all N points (`refreshed` with `counts.plotted == N`, then a synchronous
repaint). Offscreen; each tree and run in a process of its own.

Side by side with a named baseline: `--tree NAME=PATH` (repeatable) runs the
same case against the `gui` package of another checkout, e.g. the tree
before the change: `git -C /work/main archive main | tar -x -C /tmp/before`,
with this venv's libraries.

Usage (from the repository root):
  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_plot_open.py \
      [--rows 1000000] [--runs 3] [--tree before=/tmp/before --tree after=.]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK_MS = 5


def _case(n: int) -> dict[str, float]:
    """In a child process: the first open of a plot following a model of `n` rows; seconds."""
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.onenet.readings import Datapoint
    from gui.ui.datapoints_model import DatapointsModel
    from gui.ui.plot import PlotPanel

    try:
        from gui.ui.rows import Row
    except ImportError:  # a tree before the rows moved out of the model's module (a --tree baseline)
        from gui.ui.datapoints_model import Row

    app = QApplication.instance() or QApplication([])
    import pyqtgraph as pg  # imported before the timings in both trees (the window has it by then too)

    pg.mkPen("b")
    base = datetime(2026, 1, 1, tzinfo=UTC)
    model = DatapointsModel()
    model.extend([Row("value", Datapoint(20.0 + i % 1000 / 100, base + timedelta(seconds=i))) for i in range(n)])
    panel = PlotPanel()
    panel.set_model(model)
    panel.resize(1280, 720)
    app.processEvents()

    ticks: list[float] = []
    heartbeat = QTimer(interval=TICK_MS)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    app.processEvents()
    start = time.perf_counter()
    loop = QEventLoop()
    panel.refreshed.connect(lambda: panel.counts is not None and panel.counts.plotted == n and loop.quit())
    panel.show()
    shown = time.perf_counter()
    if panel.counts is None or panel.counts.plotted != n:
        loop.exec()  # as the window waits: in Qt's event loop
    panel.plot_widget.viewport().repaint()
    end = time.perf_counter()
    heartbeat.stop()
    points = [start, *(t for t in ticks if start <= t <= end), end]
    gaps = sorted(((b - a, a - start) for a, b in itertools.pairwise(points)), reverse=True)[:5]
    print("longest gaps (s, at s):", [(round(g, 3), round(at, 3)) for g, at in gaps], file=sys.stderr)
    result = {
        "show_s": shown - start,
        "drawn_s": end - start,
        "gap_s": max(b - a for a, b in itertools.pairwise(points)),
    }
    panel.close()
    QThreadPool.globalInstance().waitForDone()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="editor rows (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=3, help="processes per tree (default 3), alternating")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH of a checkout to measure (repeatable)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child is not None:
        print(json.dumps(_case(args.child)))
        return 0
    trees = dict(tree.split("=", 1) for tree in args.tree) or {"this tree": str(ROOT)}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, path in trees.items():
            env = dict(os.environ, PYTHONPATH=str(Path(path).resolve()))
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(args.rows)], env=env, capture_output=True, text=True
            )
            if out.returncode != 0:
                print(f"{name}: failed: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return 1
            results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"first open of the Plot tab, {args.rows:,} rows not sent; medians of {args.runs} processes (min–max)")
    print("| tree | show() returned | drawn (all points, painted) | longest GUI gap |")
    print("|---|---:|---:|---:|")
    for name, runs in results.items():
        cells = []
        for key in ("show_s", "drawn_s", "gap_s"):
            values = [r[key] for r in runs]
            cells.append(f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
