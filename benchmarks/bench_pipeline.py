"""Benchmark (issue 5): 100,000 datapoints through the send pipeline vs a bare requests loop.

Both post the same bodies (500 datapoints each, type 1) to the same OneNET sandbox,
which runs in its own process (`python -m gui sandbox`) so it does not share this
process's GIL. Measured:

- **floor**: a bare `requests.Session` loop posting the prepared bodies, nothing else;
- **encode + post**: the same loop, encoding each body from in-memory readings first
  (`formats.encode`), i.e. a sender without outbox, history or retries;
- **pipeline (send)**: `send_outbox` on an outbox already holding the rows (what Send
  does after an import): plan, encode, mark in flight, send, record each attempt, mark sent;
- **pipeline (end to end)**: the same plus storing the 100,000 rows first (`Store.add`).

Besides wall time, the CPU seconds this (client) process used are reported.

Run: `.venv/bin/python benchmarks/bench_pipeline.py [--points N] [--batch N] [--repeat N]`.
Prints a Markdown table for benchmarks/README.md. Each configuration runs against a
fresh sandbox and a fresh database; the configurations run back to back in each of
`--repeat` runs, and the ratio to the floor is taken per run (median and best run).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from gui.data.pipeline import RetryPolicy, send_outbox
from gui.data.store import NewRow, State, Store
from gui.onenet.client import OneNetClient
from gui.onenet.formats import encode
from gui.onenet.readings import Datapoint, Readings
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

STREAMS = ("temperature", "humidity", "pressure", "pm2.5")


@contextmanager
def sandbox_process() -> Iterator[str]:
    """A sandbox in a child process on a free loopback port; yields its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "sandbox"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(10)


def readings(count: int) -> list[NewRow]:
    """`count` datapoints over four streams, one second apart, explicit `at`."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        NewRow(STREAMS[i % len(STREAMS)], Datapoint(round(20 + (i % 1000) / 100, 2), start + timedelta(seconds=i)))
        for i in range(count)
    ]


def run_pipeline(rows: list[NewRow], batch: int, end_to_end: bool) -> tuple[float, float, list[bytes], str]:
    """Seconds (wall, CPU) for the pipeline; also the exact bodies it sent (from the history) and a summary."""
    with sandbox_process() as url, tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "outbox.sqlite3") as store:

        def client(endpoint: str, device_id: str) -> OneNetClient:
            return OneNetClient(endpoint, device_id, DEFAULT_API_KEY)

        if not end_to_end:
            store.add(rows, state=State.UNSENT, endpoint=url, device_id=DEFAULT_DEVICE_ID, in_editor=False)
        start, cpu = time.perf_counter(), time.process_time()
        if end_to_end:
            store.add(rows, state=State.UNSENT, endpoint=url, device_id=DEFAULT_DEVICE_ID, in_editor=False)
        _, result = send_outbox(store, client, max_points=batch, policy=RetryPolicy())
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert result.ok and result.sent == len(rows), result.summary()
        bodies = [entry.body for entry in reversed(store.history(None))]
        return elapsed, cpu, bodies, result.summary()


def run_floor(bodies: list[bytes] | None, rows: list[NewRow], batch: int) -> tuple[float, float]:
    """Seconds (wall, CPU) for a bare requests.Session loop posting to a fresh sandbox.

    `bodies`: post these prepared bodies (the floor); None: encode each batch of `rows` first.
    """
    with sandbox_process() as url:
        session = requests.Session()
        target = f"{url}/devices/{DEFAULT_DEVICE_ID}/datapoints"
        headers = {"api-key": DEFAULT_API_KEY, "Content-Type": "application/json"}
        start, cpu = time.perf_counter(), time.process_time()
        if bodies is None:
            batches = (rows[i : i + batch] for i in range(0, len(rows), batch))
            bodies_iter = (encode(Readings.from_pairs((r.stream_id, r.point) for r in b)).data for b in batches)
        else:
            bodies_iter = iter(bodies)
        for body in bodies_iter:
            answer = session.post(target, data=body, headers=headers, timeout=10)
            assert answer.json()["errno"] == 0
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        session.close()
        return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = readings(args.points)
    names = {
        "floor": "floor: bare requests.Session loop, same bodies",
        "encode": "encode + post: the same loop, encoding each body first",
        "send": "pipeline, send (rows already in the outbox)",
        "end": f"pipeline, end to end (store {args.points:,} rows + send)",
    }
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits every configuration
        send_wall, send_cpu, bodies, summary = run_pipeline(rows, args.batch, end_to_end=False)
        results = {
            "send": (send_wall, send_cpu),
            "floor": run_floor(bodies, rows, args.batch),
            "encode": run_floor(None, rows, args.batch),
            "end": run_pipeline(rows, args.batch, end_to_end=True)[:2],
        }
        for name, (seconds, used) in results.items():
            wall[name].append(seconds)
            cpu[name].append(used)
        print("  run: " + ", ".join(f"{k} {v[0]:.3f} s" for k, v in results.items()), file=sys.stderr)
    median = {name: statistics.median(wall[name]) for name in names}
    # Ratios per run (each run's configurations ran back to back), then their median and best:
    # on a shared machine a busy moment slows one run, not one configuration.
    ratios = {name: [f / w for f, w in zip(wall["floor"], wall[name], strict=True)] for name in names}
    n = args.points
    print(f"{n:,} datapoints, {len(bodies)} requests of {args.batch}, {args.repeat} runs; {summary}")
    print(f"Python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs\n")
    print("| configuration | seconds (median) | datapoints/s | ratio to floor: median | best run | client CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, label in names.items():
        seconds = median[name]
        print(
            f"| {label} | {seconds:.3f} | {n / seconds:,.0f} | {statistics.median(ratios[name]):.2f} "
            f"| {max(ratios[name]):.2f} | {statistics.median(cpu[name]):.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
