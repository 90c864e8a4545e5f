"""The window sending on a timer for minutes (issue 16): is memory flat, does the window stay responsive?

The main window, offscreen, on a real outbox file, runs Request > Send on a timer
(`gui/ui/timed_send.py`) with three streams (a random walk, a sine, a list) every
`--every` seconds, `--count` times, to a sandbox in its own process on loopback (so
the server's storage and capture are not counted as the window's memory).
A 10 ms QTimer ticks on the GUI thread: the longest gap between two heartbeats is
the longest a click would have waited.

Memory is sampled at every send: resident memory (VmRSS, and its parts RssAnon and
RssFile), the Python heap (tracemalloc, which slows the process a little and keeps
its own bookkeeping in malloc's memory: shown apart), SQLite's
own count (sqlite3_memory_used: its page cache and statements), malloc's arenas
(glibc's mallinfo2: in use, and free but kept) and the outbox file. The warm-up is
the first `KEEP_TICKS` sends (the editor's table fills up to its bound until then)
rounded up to whole minutes; the baseline is the minute after it, so "flat" means
the last minute is within noise of the baseline and the trend after the warm-up
(a least-squares line through every send's sample) is near zero. At the end a full
collection (gc.collect) frees what only it can (objects in reference cycles), then the
process gives malloc's free memory back (malloc_trim(0)): what RSS drops by there was
kept by malloc, not held by the program. `--top N` compares tracemalloc snapshots
(baseline minute's end and the end; taking them costs memory, counted in RSS) and
lists the N lines whose allocations grew most.

`--tree NAME=PATH` (repeatable) runs the benchmark once per tree, each in its own
process with `PYTHONPATH=PATH`, all at the same time (the same load on a shared
machine), and prints each run and then the runs side by side.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py                # 10 min at 1 s
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py --count 1800   # 30 min
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py --count 360 --top 20   # what grew
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py --tree main=/path/to/main --tree this=.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from array import array
from typing import Any

from bench_memory import malloc_kib, malloc_trim, resident_mib, sqlite_kib, threads
from bench_window import sandbox_window  # benchmarks/ is on sys.path when a script there runs

TICK_S = 0.010
# what is sampled at every send, in the per-minute table's order
SAMPLED = (
    *("VmRSS", "RssAnon", "RssFile", "heap", "tracing", "sqlite"),
    *("malloc_used", "malloc_free", "threads", "outbox", "rows"),
)


def run(every: float, count: int, top: int) -> dict[str, Any]:
    """One run in this process: the figures `report` prints."""
    from PySide6.QtCore import QTimer

    from gui.app import make_application
    from gui.data.store import Store
    from gui.onenet.client import OneNetClient
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
    from gui.ui.timed_send import KEEP_TICKS

    minute = max(1, round(60 / every))  # sends in a minute
    warm_minutes = math.ceil((KEEP_TICKS + 1) / minute)  # the table is full from send KEEP_TICKS + 1 on
    if count < (warm_minutes + 2) * minute:
        raise SystemExit(f"--count {count} is too few: the warm-up is {warm_minutes * minute} sends, then 2 minutes")
    minutes = math.ceil(count / minute)

    app = make_application([])
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "gui", "sandbox", "--capture", os.devnull],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert sandbox.stdout is not None
    url = sandbox.stdout.readline().strip()
    load_before = os.getloadavg()[0]
    # every sample's place is made before the run: a list growing by a float a send would count as the window's
    samples = {name: array("d", bytes(8 * count)) for name in SAMPLED}
    tick_times = array("d", bytes(8 * count))
    gaps = array("d", bytes(8 * minutes))  # longest heartbeat gap in each minute
    snapshots: list[tracemalloc.Snapshot] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(os.path.join(tmp, "outbox.sqlite3")) as store,
    ):
        window, pool = sandbox_window(tmp, store, url)
        dialog = window.open_timed_send()
        dialog.streams_edit.setPlainText("temp=walk:20..25\nhum=sine:40..60/60s\nmode=list:eco,boost")
        dialog.every_spin.setValue(every)
        dialog.count_spin.setValue(count)

        # The heartbeat keeps a few numbers, not every beat: a list of 100 beats a second grew by ~2 MiB in
        # 10 minutes, which this benchmark would have counted as the window's.
        beat = {"last": 0.0, "longest": 0.0, "longest_later": 0.0, "over_100ms": 0}

        def on_beat() -> None:
            now = time.perf_counter()
            gap = now - beat["last"]
            beat["last"] = now
            beat["longest"] = max(beat["longest"], gap)
            if dialog.ticks > 1:  # from the second send on (the first loads the HTTP client)
                beat["longest_later"] = max(beat["longest_later"], gap)
            beat["over_100ms"] += gap > 0.1
            m = min(max(dialog.ticks - 1, 0) // minute, minutes - 1)
            gaps[m] = max(gaps[m], gap)

        heartbeat = QTimer(interval=round(TICK_S * 1000))
        heartbeat.timeout.connect(on_beat)
        files = [os.path.join(tmp, "outbox.sqlite3" + end) for end in ("", "-wal")]

        def on_ticked(n: int) -> None:
            if n == 2:  # after the first send, which loads the HTTP client (slow to import while traced)
                tracemalloc.start()
            i = n - 1
            resident = resident_mib()
            for key in ("VmRSS", "RssAnon", "RssFile"):
                samples[key][i] = resident.get(key, math.nan)
            samples["heap"][i] = tracemalloc.get_traced_memory()[0] / 1024
            samples["tracing"][i] = tracemalloc.get_tracemalloc_memory() / 1024  # its own, malloc'd: not the app's
            samples["sqlite"][i] = sqlite_kib() or math.nan
            samples["malloc_used"][i], samples["malloc_free"][i] = malloc_kib() or (math.nan, math.nan)
            samples["threads"][i] = threads()
            samples["outbox"][i] = sum(os.path.getsize(f) for f in files if os.path.exists(f)) / 1024
            samples["rows"][i] = window.model.rowCount()
            tick_times[i] = time.perf_counter()
            if top and n == (warm_minutes + 1) * minute:
                snapshots.append(tracemalloc.take_snapshot())

        dialog.ticked.connect(on_ticked)
        heartbeat.start()
        start = beat["last"] = time.perf_counter()
        if not dialog.start():
            raise SystemExit(f"could not start: {dialog.message_label.text()}")
        # until the last tick, and its send: the outbox has nothing left to send
        while dialog.ticks < count or window.send_controller.sending.is_busy:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        heartbeat.stop()
        on_beat()  # the gap up to the end
        if top:
            snapshots.append(tracemalloc.take_snapshot())
        reader = OneNetClient(url, DEFAULT_DEVICE_ID, DEFAULT_API_KEY)
        stored = sum(
            len(list(reader.read_datapoints([s], limit=6000).readings.pairs())) for s in ("temp", "hum", "mode")
        )
        at_end = resident_mib().get("VmRSS", math.nan)
        gc.collect()  # what only the collector's full pass frees (objects in cycles)
        collected = resident_mib().get("VmRSS", math.nan)
        trimmed = malloc_trim()
        after_trim = resident_mib().get("VmRSS", math.nan)
        ticks = dialog.ticks
        dialog.stop()
        window.close()
        pool.waitForDone()
    sandbox.terminate()
    sandbox.wait(10)

    growth: list[tuple[str, float, int]] = []
    if len(snapshots) == 2:
        for stat in snapshots[1].compare_to(snapshots[0], "lineno")[:top]:
            frame = stat.traceback[0]
            name = frame.filename.split("site-packages/")[-1]  # a library's file from its package on
            where = f"{os.path.relpath(name) if os.path.isabs(name) else name}:{frame.lineno}"
            growth.append((where, stat.size_diff / 1024, stat.count_diff))
    after = slice(warm_minutes * minute, count)
    seconds = [t - tick_times[after.start] for t in tick_times[after]]

    def per_hour(name: str) -> float:
        """Slope of a least-squares line through the samples after the warm-up, per hour."""
        return statistics.linear_regression(seconds, samples[name][after]).slope * 3600

    by_minute = [
        {name: statistics.median(samples[name][k * minute : (k + 1) * minute]) for name in SAMPLED}
        | {"gap_ms": gaps[k] * 1000}
        for k in range(minutes)
    ]
    return {
        "tree": os.path.dirname(os.path.dirname(sys.modules["gui"].__file__ or "")),
        "every": every,
        "ticks": ticks,
        "seconds": end - start,
        "load": (load_before, os.getloadavg()[0]),
        "stored": stored,
        "expected": 3 * ticks,
        "keep_ticks": KEEP_TICKS,
        "minute": minute,
        "warm_minutes": warm_minutes,
        "by_minute": by_minute,
        "per_hour": {"VmRSS": per_hour("VmRSS"), "heap": per_hour("heap"), "malloc_used": per_hour("malloc_used")},
        "end": (at_end, collected, after_trim if trimmed else math.nan),
        "longest_ms": beat["longest"] * 1000,
        "longest_later_ms": beat["longest_later"] * 1000,
        "over_100ms": beat["over_100ms"],
        "top": growth,
    }


def report(r: dict[str, Any]) -> list[str]:
    """One run's figures as Markdown: a line, the table by minute, the summary, the growth by line if measured."""
    minute, warm, rows = r["minute"], r["warm_minutes"], r["by_minute"]
    base, last = rows[warm], rows[-1]
    lines = [
        f"{r['ticks']} sends every {r['every']:g} s in {r['seconds']:.0f} s, {r['stored']:,} of {r['expected']:,} "
        f"datapoints stored; load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}; tree {r['tree']}",
        f"warm-up: sends 1-{warm * minute} (the table keeps the last KEEP_TICKS = {r['keep_ticks']} ticks); "
        f"baseline: minute {warm + 1}. Medians by minute (KiB unless named):",
        "",
        "| minute | RSS MiB | RssAnon MiB | RssFile MiB | Python heap | tracemalloc's own | SQLite | malloc in use "
        "| malloc free | threads | outbox file | table rows | longest gap ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k, m in enumerate(rows):
        label = f"{k + 1}{' (warm-up)' if k < warm else ' (baseline)' if k == warm else ''}"
        lines.append(
            f"| {label} | {m['VmRSS']:.1f} | {m['RssAnon']:.1f} | {m['RssFile']:.1f} | {m['heap']:,.0f} | "
            f"{m['tracing']:,.0f} | "
            f"{m['sqlite']:,.0f} | {m['malloc_used']:,.0f} | {m['malloc_free']:,.0f} | {m['threads']:.0f} | "
            f"{m['outbox']:,.0f} | {m['rows']:.0f} | {m['gap_ms']:.0f} |"
        )

    def change(key: str, unit: str, digits: int) -> str:
        return f"{base[key]:,.{digits}f} -> {last[key]:,.{digits}f} {unit} ({last[key] - base[key]:+,.{digits}f})"

    hour = r["per_hour"]
    lines += [
        "",
        "| what (baseline minute -> last minute, medians) | value |",
        "|---|---|",
        f"| resident memory (VmRSS) | {change('VmRSS', 'MiB', 1)} |",
        f"| of it anonymous (heap, arenas, stacks) / mapped files | {change('RssAnon', 'MiB', 1)} / "
        f"{change('RssFile', 'MiB', 1)} |",
        f"| Python heap (tracemalloc) / tracemalloc's own memory (in malloc's) | {change('heap', 'KiB', 0)} / "
        f"{change('tracing', 'KiB', 0)} |",
        f"| SQLite (sqlite3_memory_used) | {change('sqlite', 'KiB', 0)} |",
        f"| malloc in use / free but kept (mallinfo2) | {change('malloc_used', 'KiB', 0)} / "
        f"{change('malloc_free', 'KiB', 0)} |",
        f"| trend after the warm-up (least squares), per hour: RSS / Python heap / malloc in use | "
        f"{hour['VmRSS']:+.2f} MiB / {hour['heap']:+,.0f} KiB / {hour['malloc_used']:+,.0f} KiB |",
    ]
    lines.append(
        "| RSS at the end -> after a full collection (gc.collect) -> after malloc_trim(0) | "
        + " -> ".join(f"{v:.1f}" for v in r["end"])
        + " MiB |"
    )
    lines += [
        f"| longest GUI heartbeat gap (10 ms timer): whole run / from the second send on | "
        f"{r['longest_ms']:.0f} / {r['longest_later_ms']:.0f} ms |",
        f"| heartbeat gaps over 100 ms, whole run | {r['over_100ms']:.0f} |",
    ]
    if r["top"]:
        lines += ["", "| grew most (tracemalloc, baseline's end -> end) | KiB | blocks |", "|---|---:|---:|"]
        lines += [f"| {where} | {kib:+,.1f} | {blocks:+,} |" for where, kib, blocks in r["top"]]
    return lines


def side_by_side(runs: dict[str, dict[str, Any]]) -> list[str]:
    """The runs' summaries in one table, a column a tree."""
    names = list(runs)
    lines = ["| " + " | ".join(["what", *names]) + " |", "|---|" + "---:|" * len(names)]

    def row(what: str, cell: Any) -> None:
        lines.append(f"| {what} | " + " | ".join(cell(runs[n]) for n in names) + " |")

    def change(key: str, digits: int) -> Any:
        def cell(r: dict[str, Any]) -> str:
            base, last = r["by_minute"][r["warm_minutes"]], r["by_minute"][-1]
            return f"{base[key]:,.{digits}f} -> {last[key]:,.{digits}f} ({last[key] - base[key]:+,.{digits}f})"

        return cell

    row("datapoints stored", lambda r: f"{r['stored']:,} of {r['expected']:,}")
    row("RSS, baseline -> last minute (MiB)", change("VmRSS", 1))
    row("RSS by minute (MiB)", lambda r: ", ".join(f"{m['VmRSS']:.1f}" for m in r["by_minute"]))
    row("RSS trend after the warm-up (MiB an hour)", lambda r: f"{r['per_hour']['VmRSS']:+.2f}")
    row("Python heap (KiB)", change("heap", 0))
    row("SQLite (KiB)", change("sqlite", 0))
    row("malloc in use (KiB)", change("malloc_used", 0))
    row("malloc free but kept (KiB)", change("malloc_free", 0))
    row("table rows at the end", lambda r: f"{r['by_minute'][-1]['rows']:.0f}")
    row("longest heartbeat gap from the second send (ms)", lambda r: f"{r['longest_later_ms']:.0f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=float, default=1.0, help="seconds between sends (default 1)")
    parser.add_argument("--count", type=int, default=600, help="sends (default 600: 10 minutes at 1 s)")
    parser.add_argument("--top", type=int, default=0, help="list the N lines whose Python allocations grew most")
    parser.add_argument("--tree", action="append", default=[], metavar="NAME=PATH", help="run against these trees")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a --tree run's child
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.tree:
        result = run(args.every, args.count, args.top)
        print(json.dumps(result) if args.json else "\n".join(report(result)))
        return 0
    children = {}
    for spec in args.tree:
        name, _, path = spec.partition("=")
        env = dict(os.environ, PYTHONPATH=os.path.abspath(path))
        command = [sys.executable, __file__, "--json", f"--every={args.every}", f"--count={args.count}"]
        children[name] = subprocess.Popen([*command, f"--top={args.top}"], env=env, stdout=subprocess.PIPE, text=True)
    runs = {name: json.loads(child.communicate()[0].splitlines()[-1]) for name, child in children.items()}
    for name, result in runs.items():
        print("\n".join([f"### {name}", "", *report(result), ""]))
    print("\n".join(side_by_side(runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
