"""Memory and timing of a long simulation (issue 16): is the simulator's memory flat over time?

Runs what `onenet-uploader simulate` runs (Simulation + run_schedule + send_tick: each
tick into the outbox, then sent) against a sandbox in its own process, in a throw-away
data folder, and samples this process's resident memory (VmRSS) and Python's traced
allocations every tick. The baseline is the same process after its warm-up (the first
10 % of ticks): memory flat means the end is within noise of it.

    .venv/bin/python benchmarks/bench_simulate.py                      # 10 minutes at 1 s, 3 streams
    .venv/bin/python benchmarks/bench_simulate.py --every 0.05 --count 2000   # quick (no `at`)

Also printed: how late ticks ran (the schedule's heartbeat): median and worst.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def rss_mib() -> float:
    """Resident memory of this process in MiB (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=float, default=1.0, help="seconds between ticks (default 1)")
    parser.add_argument("--count", type=int, default=600, help="ticks (default 600)")
    args = parser.parse_args()
    with_at = args.every >= 1

    data = tempfile.TemporaryDirectory(prefix="bench-simulate-")
    os.environ["ONENET_UPLOADER_DATA_DIR"] = data.name
    os.environ["ONENET_UPLOADER_LOG_DIR"] = data.name
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "gui", "sandbox", "--capture", os.devnull],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert sandbox.stdout is not None
        url = sandbox.stdout.readline().strip()
        from gui.cli_simulate import send_tick
        from gui.data.simulator import Simulation, parse_stream, run_schedule
        from gui.onenet.client import OneNetClient
        from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

        rng = random.Random(1)
        simulation = Simulation(
            [
                parse_stream(text, every_s=args.every, rng=rng)
                for text in ("temp=walk:20..25", "hum=sine:40..60/60s", "mode=list:eco,boost")
            ],
            with_at=with_at,
        )
        clients = lambda endpoint, device: OneNetClient(endpoint, device, DEFAULT_API_KEY, timeout=10)  # noqa: E731
        samples: list[tuple[float, float]] = []
        late: list[float] = []
        sent_total = 0
        tracemalloc.start()
        start = time.monotonic()

        def tick(number: int) -> None:
            nonlocal sent_total
            late.append(time.monotonic() - (start + number * args.every))
            sent, _, _ = send_tick(simulation.tick(), url, DEFAULT_DEVICE_ID, clients)
            sent_total += sent
            samples.append((rss_mib(), tracemalloc.get_traced_memory()[0] / 1024))

        run_schedule(tick, every_s=args.every, count=args.count)
        elapsed = time.monotonic() - start
    finally:
        sandbox.terminate()
        sandbox.wait(10)
        data.cleanup()

    warm = max(1, len(samples) // 10)
    base_rss = statistics.median(s[0] for s in samples[warm : 2 * warm])
    end_rss = statistics.median(s[0] for s in samples[-warm:])
    base_py = statistics.median(s[1] for s in samples[warm : 2 * warm])
    end_py = statistics.median(s[1] for s in samples[-warm:])
    print(f"{len(samples)} ticks every {args.every} s ({'with' if with_at else 'without'} at) in {elapsed:.0f} s;")
    print(f"  {sent_total} datapoints sent, 3 a tick")
    print(f"  RSS: baseline (ticks {warm + 1}-{2 * warm}) {base_rss:.1f} MiB, last {warm} ticks {end_rss:.1f} MiB,")
    print(f"       growth {end_rss - base_rss:+.1f} MiB, peak {max(s[0] for s in samples):.1f} MiB")
    print(
        f"  Python heap (tracemalloc): baseline {base_py:.0f} KiB, end {end_py:.0f} KiB ({end_py - base_py:+.0f} KiB)"
    )
    print(f"  tick lateness: median {statistics.median(late) * 1000:.1f} ms, worst {max(late) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
