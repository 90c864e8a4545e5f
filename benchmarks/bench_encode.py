"""Benchmark: encoding a million datapoints (types 1 and 5) against json.dumps, and opening the preview.

Run from the repository root with the project's venv:

    .venv/bin/python benchmarks/bench_encode.py [--points 1000000] [--repeat 3]

Prints a Markdown table (best of `--repeat` runs, seconds). The floor is
`json.dumps` of the equivalent plain type 1 dict, whose `at`s are already
strings; the encoder starts from the readings model (aware datetimes,
converted to UTC+8 and formatted per datapoint), so it does strictly more.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.onenet.formats import BodyType, encode, wire_ats
from gui.onenet.readings import Datapoint, Datastream, Readings, format_at
from gui.onenet.split import plan_requests
from gui.onenet.validation import validate

STREAMS = 10


def best(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def make_readings(points: int) -> Readings:
    """`STREAMS` streams, one float per second each, all with `at` (UTC): like a logger's export."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    per_stream = points // STREAMS
    return Readings(
        [
            Datastream(
                f"sensor{k}",
                [
                    Datapoint(round(20 + k + (i % 1000) / 100, 2), base + timedelta(seconds=i))
                    for i in range(per_stream)
                ],
            )
            for k in range(STREAMS)
        ]
    )


def plain_dict(readings: Readings) -> dict[str, object]:
    return {
        "datastreams": [
            {
                "id": s.id,
                "datapoints": [{"at": format_at(p.at), "value": p.value} for p in s.datapoints if p.at is not None],
            }
            for s in readings.datastreams
        ]
    }


def preview_open(readings: Readings) -> dict[str, float]:
    """Seconds from refresh_preview() to request 1 shown; GUI-thread block; longest heartbeat gap."""
    from keyring.backends import fail
    from PySide6.QtCore import QSettings, QThreadPool, QTimer

    from gui.app import make_application
    from gui.data.secrets import SecretStore
    from gui.data.store import Store
    from gui.ui.main_window import MainWindow

    try:
        from gui.ui.rows import Row
    except ImportError:  # a tree before the rows moved out of the model's module (a --tree baseline)
        from gui.ui.datapoints_model import Row

    app = make_application([])  # as the app runs: cyclic garbage collected on the GUI thread only
    with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "outbox.sqlite3")) as store:
        pool = QThreadPool()
        window = MainWindow(
            QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
            SecretStore(fail.Keyring()),  # type: ignore[no-untyped-call]
            store,
            thread_pool=pool,
        )
        window.connection.endpoint_edit.setText("http://127.0.0.1:9")
        window.connection.device_edit.setText("4093215")
        window.connection.key_edit.setText("k")
        window.show()
        start = time.perf_counter()
        window.model.extend([Row(stream_id, point) for stream_id, point in readings.pairs()])
        load = time.perf_counter() - start
        app.processEvents()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer(interval=10)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        start = time.perf_counter()
        window.send_controller.refresh_preview()
        blocked = time.perf_counter() - start
        last[0] = time.perf_counter()
        while window.send_panel.preview.request_combo.count() == 0:
            app.processEvents()
            time.sleep(0.001)
        shown = time.perf_counter() - start
        heartbeat.stop()
        start = time.perf_counter()
        window.send_panel.preview.request_combo.setCurrentIndex(window.send_panel.preview.request_combo.count() // 2)
        switch = time.perf_counter() - start
        window.close()
        pool.waitForDone()
    return {"load": load, "blocked": blocked, "shown": shown, "max_gap": max(gaps, default=0.0), "switch": switch}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-gui", action="store_true", help="skip the preview measurement")
    args = parser.parse_args()

    start = time.perf_counter()
    readings = make_readings(args.points)
    build = time.perf_counter() - start
    plain = plain_dict(readings)
    rows: list[tuple[str, float, str]] = []

    floor = best(args.repeat, lambda: json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode())
    rows.append(("floor: json.dumps(plain type 1 dict).encode()", floor, ""))
    strict = best(
        args.repeat,
        lambda: json.dumps(plain, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode(),
    )
    rows.append(("stricter floor: the same with check_circular=False", strict, f"{strict / floor:.2f}x"))
    naive = best(
        args.repeat, lambda: json.dumps(plain_dict(readings), ensure_ascii=False, separators=(",", ":")).encode()
    )
    rows.append(("reference: build that dict from the readings + json.dumps", naive, f"{naive / floor:.2f}x"))
    assert encode(readings).data == json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()
    for body_type in (BodyType.FULL_JSON, BodyType.TEXT):
        seconds = best(args.repeat, lambda t=body_type: encode(readings, t))
        ratio = f"{seconds / floor:.2f}x ({seconds / strict:.2f}x stricter)"
        rows.append((f"encode(readings, type {int(body_type)}): one body", seconds, ratio))
    for body_type in (BodyType.FULL_JSON, BodyType.TEXT):
        seconds = best(args.repeat, lambda t=body_type: plan_requests(readings, t))
        plan = plan_requests(readings, body_type)
        label = f"plan_requests(type {int(body_type)}): {len(plan)} requests of <=500 points, <=64 KiB"
        rows.append((label, seconds, f"{seconds / floor:.2f}x"))
    ats = wire_ats(readings)
    rows.append(("wire_ats (every at to UTC+8 text)", best(args.repeat, lambda: wire_ats(readings)), ""))
    rows.append(("validate (all rules, shared ats)", best(args.repeat, lambda: validate(readings, ats=ats)), ""))

    print(f"# {args.points:,} datapoints in {STREAMS} streams (built in {build:.2f} s)")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    print()
    print(f"| what | seconds (best of {args.repeat}) | vs floor |")
    print("|---|---:|---:|")
    for label, seconds, ratio in rows:
        print(f"| {label} | {seconds:.3f} | {ratio} |")
    if not args.no_gui:
        gui = preview_open(readings)
        print(f"| window: model.extend({args.points:,} rows) | {gui['load']:.3f} | |")
        print(f"| window: refresh_preview() blocks the GUI thread | {gui['blocked']:.3f} | |")
        print(f"| window: preview open (request 1 of the plan shown) | {gui['shown']:.3f} | |")
        print(f"| window: longest GUI heartbeat gap meanwhile (10 ms timer) | {gui['max_gap']:.3f} | |")
        print(f"| window: switch to another request in the list | {gui['switch']:.3f} | |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
