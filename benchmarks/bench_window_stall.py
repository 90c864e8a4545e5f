"""Longest GUI stall of the main window while a big upload is previewed, and while it is sent.

A 10 ms QTimer ticks on the GUI thread; the longest gap between two ticks
(and from the start to the first tick, and from the last tick to the end) is
the longest time a click would have waited. The window is shown and left to
finish what its start sets off (0.3 s of events, its pool idle); the rows are
added as the import dialog adds them (stored by the model's `preparer` on a
worker, shown by `extend`: "rows added"), laid out and painted; then the
preview is computed and the rows are sent, each while the heartbeat runs. Offscreen, on a real outbox file,
sending to the sandbox on loopback. Each case runs in its own process, so one
case's memory and threads cannot slow the next; the sandbox runs in a process
of its own too, as the platform would: in the window's process, the million
datapoints it stores would be collected by the window's garbage collector,
which measures the sandbox, not the window.

Side by side with a named baseline: `--tree NAME=PATH` (repeatable) runs the
same cases against the `gui` package of another checkout (e.g. main exported
with `git archive main | tar -x -C /tmp/base`), with this venv's libraries.

Usage (from the repository root):
  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window_stall.py \
      [--points 100000 --points 1000000] [--tree main=/tmp/base --tree branch=.]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TICK_S = 0.010
STREAMS = 4


def _sandbox_child() -> None:
    """Run in a process of its own: a sandbox with the demo device; prints its URL, then on stdin EOF the counts."""
    import gui.sandbox as sandbox

    with sandbox.Sandbox({sandbox.DEFAULT_DEVICE_ID: sandbox.DEFAULT_API_KEY}) as server:
        print(server.url, flush=True)
        sys.stdin.read()
        stored = sum(len(server.datapoints(sandbox.DEFAULT_DEVICE_ID, f"sensor{k}")) for k in range(STREAMS))
        print(stored, flush=True)


@contextlib.contextmanager
def _sandbox_process() -> Iterator[tuple[str, list[int]]]:
    """The URL of a sandbox in a child process, and a list that gets the datapoints it stored when it stops."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--sandbox-child"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdin is not None and child.stdout is not None
    stored: list[int] = []
    try:
        yield child.stdout.readline().strip(), stored
    finally:
        child.stdin.close()
        stored.append(int(child.stdout.readline() or 0))
        child.wait()


def _settle(app: Any, pool: Any, seconds: float = 0.3) -> None:
    """Run the event loop for `seconds` and wait for the pool: what a shown window or new rows set off is done."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)
    pool.waitForDone()
    app.processEvents()


def _case(points: int, send: bool = True) -> dict[str, float]:
    """Run in a child process: load `points` rows, preview them, send them; the seconds and longest gaps."""
    from bench_window import sandbox_window  # benchmarks/ is on sys.path when a script there runs
    from PySide6.QtCore import QTimer

    from gui.app import make_application
    from gui.data.store import Store
    from gui.onenet.readings import Datapoint

    try:
        from gui.ui.rows import Row
    except ImportError:  # a tree before the rows moved out of the model's module (a --tree baseline)
        from gui.ui.datapoints_model import Row

    app = make_application([])
    base = datetime(2026, 1, 1, tzinfo=UTC)
    per_stream = points // STREAMS
    rows = [
        Row(f"sensor{k}", Datapoint(round(20 + k + (i % 1000) / 100, 2), base + timedelta(seconds=i)))
        for k in range(STREAMS)
        for i in range(per_stream)
    ]
    result: dict[str, float] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        _sandbox_process() as (sandbox_url, stored),
        Store(os.path.join(tmp, "outbox.sqlite3")) as store,
    ):
        window, pool = sandbox_window(tmp, store, sandbox_url)
        controller = getattr(window, "send_controller", window)  # the window did it all before it was split
        preview = getattr(window, "send_panel", window).preview
        _settle(app, pool)  # the start's own work (done after the first paint) is not the preview's

        ticks: list[float] = []
        heartbeat = QTimer(interval=int(TICK_S * 1000))
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))

        def longest_gap(start: float, end: float) -> float:
            inside = [t for t in ticks if start <= t <= end]
            points_ = [start, *inside, end]
            return max(b - a for a, b in itertools.pairwise(points_))

        # The rows added as the import dialog adds them: stored (and, where the tree does it, packed) by the
        # model's `preparer` on a worker, then shown by `extend` on the GUI thread.
        prepared: list[Any] = []
        prepare = window.model.preparer()

        def store_rows(new: list[Any] = rows) -> None:
            prepared.append(prepare(new))

        heartbeat.start()
        start = time.perf_counter()
        pool.start(store_rows)
        while not prepared:
            app.processEvents()
            time.sleep(0.001)
        window.model.extend(prepared.pop())
        end = time.perf_counter()
        heartbeat.stop()
        result["add_s"] = end - start
        result["add_gap_s"] = longest_gap(start, end)
        del rows, store_rows
        # As in the app after an import: the table lays out and paints the new rows before the preview's
        # timer (80 ms) starts the plan. Stopped here, so that the plan starts when the heartbeat runs.
        with contextlib.suppress(AttributeError):
            controller.preview_timer.stop()
        _settle(app, pool)

        heartbeat.start()
        start = time.perf_counter()
        controller.refresh_preview()
        # Until the plan of these rows is shown (a combo filled by an earlier, smaller plan does not count).
        while preview.request_combo.count() == 0 or not controller._plan_is_current():
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        result["preview_s"] = end - start
        result["preview_gap_s"] = longest_gap(start, end)

        if not send:
            heartbeat.stop()
            window.close()
            pool.waitForDone()
            return result
        finished: list[bool] = []
        window.sendFinished.connect(finished.append)
        start = time.perf_counter()
        controller.send()
        while not finished:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        heartbeat.stop()
        result["send_s"] = end - start
        result["send_gap_s"] = longest_gap(start, end)
        result["sent_ok"] = float(finished[0])
        window.close()
        pool.waitForDone()
    if send:
        result["stored"] = float(stored[0])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, action="append", help="datapoints (default: 100000 and 1000000)")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH of a checkout to measure (repeatable)")
    parser.add_argument("--preview-only", action="store_true", help="measure the preview only, not the send")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sandbox-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sandbox_child:
        _sandbox_child()
        return 0
    if args.child is not None:
        print(json.dumps(_case(args.child, send=not args.preview_only)))
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    trees = dict(tree.split("=", 1) for tree in args.tree) or {"this tree": str(ROOT)}
    print("| tree | datapoints | rows added | longest gap | preview open | longest gap | send | longest gap | stored |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for points in args.points or [100_000, 1_000_000]:
        for name, path in trees.items():
            env = dict(os.environ, PYTHONPATH=str(Path(path).resolve()))
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(points), *(["--preview-only"] if args.preview_only else [])],
                env=env,
                capture_output=True,
                text=True,
            )
            if out.returncode != 0:
                print(f"| {name} | {points:,} | failed: {out.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            if args.preview_only:
                r.update(send_s=0.0, send_gap_s=0.0, stored=0.0)
            print(
                f"| {name} | {points:,} | {r['add_s']:.2f} s | {r['add_gap_s']:.3f} s "
                f"| {r['preview_s']:.2f} s | {r['preview_gap_s']:.3f} s "
                f"| {r['send_s']:.2f} s | {r['send_gap_s']:.3f} s | {int(r['stored']):,} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
