"""The window sending on a timer for minutes (issue 16): is memory flat, does the window stay responsive?

The main window, offscreen, on a real outbox file, runs Request > Send on a timer
(`gui/ui/timed_send.py`) with three streams (a random walk, a sine, a list) every
`--every` seconds, `--count` times, to a sandbox in its own process on loopback (so
the server's storage and capture are not counted as the window's memory).
A 10 ms QTimer ticks on the GUI thread: the longest gap between two heartbeats is
the longest a click would have waited. Resident memory (VmRSS) and the Python heap
(tracemalloc, which slows the process a little) are sampled at every send tick; the
baseline is the same process after its warm-up (the first 10 % of ticks), so "flat"
means the last minute is within noise of it. The datapoints stored are read back
from the sandbox over HTTP. Run it against another tree (a baseline) with
`PYTHONPATH=/path/to/that/tree`.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py                # 10 min at 1 s
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timed_send.py --count 60     # 1 min
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc

from bench_keyring import memory_keyring  # benchmarks/ is on sys.path when a script there runs
from bench_simulate import rss_mib

TICK_S = 0.010


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=float, default=1.0, help="seconds between sends (default 1)")
    parser.add_argument("--count", type=int, default=600, help="sends (default 600: 10 minutes at 1 s)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QThreadPool, QTimer

    from gui.app import make_application
    from gui.data.secrets import SecretStore
    from gui.data.store import Store
    from gui.onenet.client import OneNetClient
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
    from gui.ui.main_window import MainWindow

    app = make_application([])
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "gui", "sandbox", "--capture", os.devnull],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert sandbox.stdout is not None
    url = sandbox.stdout.readline().strip()
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(os.path.join(tmp, "outbox.sqlite3")) as store,
    ):
        settings = QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("connection/endpoint", url)
        settings.setValue("connection/device_id", DEFAULT_DEVICE_ID)
        secrets = SecretStore(memory_keyring())
        secrets.set(DEFAULT_DEVICE_ID, DEFAULT_API_KEY)
        pool = QThreadPool()
        window = MainWindow(settings, secrets, store, thread_pool=pool)
        window.show()
        dialog = window.open_timed_send()
        dialog.streams_edit.setPlainText("temp=walk:20..25\nhum=sine:40..60/60s\nmode=list:eco,boost")
        dialog.every_spin.setValue(args.every)
        dialog.count_spin.setValue(args.count)

        # The heartbeat keeps three numbers, not every beat: a list of 100 beats a second grew by ~2 MiB in
        # 10 minutes, which this benchmark would have counted as the window's.
        beat = {"last": 0.0, "longest": 0.0, "longest_later": 0.0, "over_100ms": 0}

        def on_beat() -> None:
            now = time.perf_counter()
            gap = now - beat["last"]
            beat["last"] = now
            beat["longest"] = max(beat["longest"], gap)
            if len(tick_times) > 1:  # from the second send on (the first loads the HTTP client)
                beat["longest_later"] = max(beat["longest_later"], gap)
            beat["over_100ms"] += gap > 0.1

        heartbeat = QTimer(interval=round(TICK_S * 1000))
        heartbeat.timeout.connect(on_beat)
        memory: list[float] = []
        heap: list[float] = []
        tick_times: list[float] = []
        outbox_kib: list[float] = []

        def on_ticked(n: int) -> None:
            if n == 2:  # after the first send, which loads the HTTP client (slow to import while traced)
                tracemalloc.start()
            memory.append(rss_mib())
            files = [os.path.join(tmp, "outbox.sqlite3" + end) for end in ("", "-wal")]
            outbox_kib.append(sum(os.path.getsize(f) for f in files if os.path.exists(f)) / 1024)
            heap.append(tracemalloc.get_traced_memory()[0] / 1024)
            tick_times.append(time.perf_counter())

        dialog.ticked.connect(on_ticked)
        heartbeat.start()
        start = beat["last"] = time.perf_counter()
        if not dialog.start():
            print(f"could not start: {dialog.message_label.text()}")
            return 1
        while dialog.ticks < args.count or window.send_controller.sending.is_busy:
            app.processEvents()
            time.sleep(0.001)
        # the last tick's send: wait until the outbox has nothing left to send
        while window.send_controller.sending.is_busy:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        heartbeat.stop()
        on_beat()  # the gap up to the end
        reader = OneNetClient(url, DEFAULT_DEVICE_ID, DEFAULT_API_KEY)
        stored = sum(
            len(list(reader.read_datapoints([s], limit=6000).readings.pairs())) for s in ("temp", "hum", "mode")
        )
        warm = max(1, len(memory) // 10)
        baseline = statistics.median(memory[warm : 2 * warm])
        minute = max(1, round(60 / args.every))
        last_minute = statistics.median(memory[-minute:])
        heap_base, heap_end = statistics.median(heap[warm : 2 * warm]), statistics.median(heap[-minute:])
        sent = f"{stored} of {3 * dialog.ticks} datapoints stored"
        print(f"{dialog.ticks} sends every {args.every:g} s in {end - start:.0f} s; {sent}")
        print("| what | value |")
        print("|---|---|")
        print(f"| resident memory after warm-up (median of sends {warm + 1}-{2 * warm}) | {baseline:.1f} MiB |")
        print(f"| resident memory, last minute (median) | {last_minute:.1f} MiB |")
        print(f"| growth | {last_minute - baseline:+.1f} MiB |")
        print(f"| Python heap (tracemalloc), after warm-up -> last minute | {heap_base:.0f} -> {heap_end:.0f} KiB |")
        print(f"| heap growth | {heap_end - heap_base:+.0f} KiB |")
        by_minute = [statistics.median(memory[k : k + minute]) for k in range(0, len(memory), minute)]
        print(f"| resident memory by minute (median) | {', '.join(f'{m:.1f}' for m in by_minute)} MiB |")
        outbox = f"{outbox_kib[2 * warm - 1]:.0f} -> {outbox_kib[-1]:.0f} KiB"
        print(f"| outbox file (with its WAL) after warm-up -> end | {outbox} |")
        print(f"| rows in the editor's table at the end | {window.model.rowCount()} |")
        print(f"| longest GUI heartbeat gap (10 ms timer), whole run | {beat['longest'] * 1000:.0f} ms |")
        print(f"| longest GUI heartbeat gap from the second send on | {beat['longest_later'] * 1000:.0f} ms |")
        print(f"| heartbeat gaps over 100 ms, whole run | {beat['over_100ms']:.0f} |")
        dialog.stop()
        window.close()
        pool.waitForDone()
    sandbox.terminate()
    sandbox.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
