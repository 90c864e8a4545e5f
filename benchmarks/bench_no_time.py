"""A file with no usable time column through `send --dry-run` (issue 10): wall time and peak memory.

Each run is a fresh `python -m gui send FILE --dry-run …` process, its
stdout (every request, printed) thrown away; wall time around the process,
peak memory its maximum RSS (Linux `getrusage` of the child). Runs:

- default: no time column understood, so nothing is sent (exit 3) after
  reading and detecting the whole file;
- `--missing-time now`: every row stamped with the import time, so every
  datapoint of a stream shares one `at`: the validation that once listed
  every other datapoint per datapoint (O(n^2)) now gives one message per
  stream; all requests are printed.

`--baseline-src DIR` runs the same commands with another checkout's `gui`
first on `PYTHONPATH` (e.g. main), for the "before" figures (use fewer
rows there: it is quadratic).

Usage (from the repository root):
  python benchmarks/bench_no_time.py [--rows 100000] [--dir /tmp/onenet-no-time-bench] [--baseline-src /work/main]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_file(path: Path, rows: int) -> Path:
    """Air-quality-like rows without a time: `;`, decimal commas, a label column, 5 numeric columns; seeded."""
    if path.exists():
        return path
    rng = random.Random(10)
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write("Sample;Station;CO(GT);NOx(GT);T;RH;AH\n")
        for i in range(rows):
            co, t, rh = rng.uniform(0.1, 9), rng.uniform(-2, 40), rng.uniform(9, 89)
            f.write(
                f"S-{i};Roma 2;{co:.1f}".replace(".", ",")
                + f";{rng.randint(2, 1400)};{t:.1f};{rh:.1f};{rng.uniform(0.2, 2.2):.4f}\n".replace(".", ",")
            )
    tmp.replace(path)
    return path


def run(args: list[str], src: Path | None) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of one `python -m gui …` process."""
    env = dict(os.environ, ONENET_UPLOADER_DATA_DIR=tempfile.mkdtemp(), ONENET_UPLOADER_LOG_DIR=tempfile.mkdtemp())
    if src is not None:
        env["PYTHONPATH"] = str(src)
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, sys.executable, "-m", "gui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "onenet-no-time-bench")
    parser.add_argument("--baseline-src", type=Path, help="another checkout whose `gui` is run instead")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest is reported")
    args = parser.parse_args()
    _ = resource  # the child measures itself; imported here so a non-Linux run fails early
    args.dir.mkdir(parents=True, exist_ok=True)
    path = make_file(args.dir / f"no_time_{args.rows}.csv", args.rows)
    common = ["send", str(path), "--dry-run", "--source-tz", "UTC+8"]
    print(f"{args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB; best of {args.repeat}")
    print("| run | exit | wall time | peak memory |")
    print("|---|---:|---:|---:|")
    for name, extra in (("default (refused: no time column)", []), ("--missing-time now", ["--missing-time", "now"])):
        best = min((run(common + extra, args.baseline_src) for _ in range(args.repeat)), key=lambda r: r[0])
        print(f"| {name} | {best[2]} | {best[0]:.2f} s | {best[1]:.0f} MiB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
