"""Import benchmark (issue 3): a 1,000,000-row wide CSV and a 100,000-row XLSX, against two baselines.

Each measurement runs in a fresh process, so its peak memory is its own:
wall time (perf_counter around the work) and peak RSS growth (getrusage's
maximum minus the RSS just before the work; Linux). Baselines:

- floor: the pure-Python floor the issue names: `csv.reader` + `float()` +
  `datetime.fromisoformat()` on the same cells, the converted rows kept in a
  list (an import has to keep them). For XLSX: openpyxl's read-only
  `iter_rows(values_only=True)` kept as tuples (cells arrive typed).
- pandas: `pandas.read_csv(path, parse_dates=["time"])` / `pandas.read_excel`,
  run by another interpreter (`--pandas-python`), never a project dependency.

Usage (from the repository root):
  python benchmarks/import_bench.py [--rows 1000000] [--xlsx-rows 100000] [--dir /tmp/onenet-import-bench]
                                    [--pandas-python /tmp/benchvenv/bin/python] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]

# --- files ----------------------------------------------------------------------------------------


def make_csv(path: Path, rows: int) -> Path:
    """ISO time + 3 numeric columns (two floats, one int), 30 s apart, seeded."""
    if path.exists():
        return path
    rng = random.Random(1)
    start = datetime(2026, 1, 1)
    tmp = path.with_suffix(".part")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        f.write("time,temperature,humidity,pressure\n")
        for i in range(rows):
            at = (start + timedelta(seconds=30 * i)).isoformat(timespec="seconds")
            f.write(f"{at},{rng.uniform(10, 30):.2f},{rng.uniform(20, 90):.1f},{rng.randint(990, 1030)}\n")
    tmp.replace(path)
    return path


def make_xlsx(path: Path, rows: int) -> Path:
    """The same columns in a workbook: date cells, number cells."""
    if path.exists():
        return path
    import openpyxl

    rng = random.Random(1)
    start = datetime(2026, 1, 1)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Readings")
    sheet.append(["time", "temperature", "humidity", "pressure"])
    for i in range(rows):
        at = start + timedelta(seconds=30 * i)
        sheet.append([at, round(rng.uniform(10, 30), 2), round(rng.uniform(20, 90), 1), rng.randint(990, 1030)])
    tmp = path.with_suffix(".part.xlsx")
    book.save(tmp)
    tmp.replace(path)
    return path


# --- measured work (child processes) ---------------------------------------------------------------


def _rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def floor_csv(path: str) -> int:
    import csv

    fromiso = datetime.fromisoformat
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            out.append((fromiso(row[0]), float(row[1]), float(row[2]), float(row[3])))
    return 3 * len(out)


def floor_csv_nogc(path: str) -> int:
    """The floor with the cyclic garbage collector paused: what the collector costs (the importer runs with it)."""
    import gc

    gc.disable()
    return floor_csv(path)


def floor_xlsx(path: str) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return 3 * (len(rows) - 1)


def ours(path: str, zone: str = "Asia/Shanghai", readings: bool = False) -> int:
    sys.path.insert(0, str(ROOT))
    from gui.data.importers import ImportOptions, import_file

    result = import_file(path, ImportOptions(source_tz=zone))
    if readings:
        built = result.readings()
        return len(built)
    return len(result)


CHILDREN = {
    "floor-csv": floor_csv,
    "floor-csv-nogc": floor_csv_nogc,
    "floor-xlsx": floor_xlsx,
    "ours": ours,
    "ours-berlin": lambda p: ours(p, "Europe/Berlin"),
    "ours-readings": lambda p: ours(p, readings=True),
}

PANDAS_CODE = """
import json, resource, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'): return int(line.split()[1])
import pandas as pd
kind, path = sys.argv[1], sys.argv[2]
base = rss(); start = time.perf_counter()
if kind == 'csv':
    frame = pd.read_csv(path, parse_dates=['time'])
else:
    frame = pd.read_excel(path, engine='openpyxl')
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({'seconds': seconds, 'peak_mib': (peak - base) / 1024, 'points': 3 * len(frame),
                  'version': pd.__version__}))
"""


def child(kind: str, path: str) -> None:
    import resource

    work = CHILDREN[kind]
    if kind.startswith("ours"):  # import the package before measuring, as the app has it loaded
        sys.path.insert(0, str(ROOT))
        import gui.data.importers  # noqa: F401
    if "xlsx" in kind or path.endswith(".xlsx"):
        import openpyxl  # noqa: F401
    base = _rss_kib()
    start = time.perf_counter()
    points = work(path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": (peak - base) / 1024, "points": points}))


def run(kind: str, path: Path, python: str = sys.executable) -> dict[str, float]:
    if kind.startswith("pandas"):
        command = [python, "-c", PANDAS_CODE, "xlsx" if path.suffix == ".xlsx" else "csv", str(path)]
    else:
        command = [python, str(HERE), "--child", kind, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def best_of(kind: str, path: Path, repeat: int, python: str = sys.executable) -> dict[str, float]:
    runs = [run(kind, path, python) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r["seconds"])
    fastest["peak_mib"] = max(r["peak_mib"] for r in runs)
    return fastest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "onenet-import-bench")
    parser.add_argument("--pandas-python", help="an interpreter with pandas installed (not the project's)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest is reported")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    args.dir.mkdir(parents=True, exist_ok=True)
    csv_path = make_csv(args.dir / f"wide_{args.rows}.csv", args.rows)
    xlsx_path = make_xlsx(args.dir / f"wide_{args.xlsx_rows}.xlsx", args.xlsx_rows)
    plan = [
        ("csv", "floor-csv", csv_path, sys.executable),
        ("csv", "floor-csv-nogc", csv_path, sys.executable),
        ("csv", "ours", csv_path, sys.executable),
        ("csv", "ours-berlin", csv_path, sys.executable),
        ("csv", "ours-readings", csv_path, sys.executable),
        ("xlsx", "floor-xlsx", xlsx_path, sys.executable),
        ("xlsx", "ours", xlsx_path, sys.executable),
    ]
    if args.pandas_python:
        plan.insert(4, ("csv", "pandas", csv_path, args.pandas_python))
        plan.append(("xlsx", "pandas", xlsx_path, args.pandas_python))
    results: dict[str, dict[str, dict[str, float]]] = {"csv": {}, "xlsx": {}}
    for table, kind, path, python in plan:
        results[table][kind] = best_of(kind, path, args.repeat, python)
        r = results[table][kind]
        print(
            f"{table:4s} {kind:14s} {r['seconds']:7.2f} s  {r['peak_mib']:7.0f} MiB  {r['points']:,} points", flush=True
        )
    print()
    print(f"best of {args.repeat} runs, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print("| file | reader | wall time | × floor | peak memory | × floor |")
    print("|---|---|---:|---:|---:|---:|")
    for table, name in (("csv", f"{args.rows:,}-row CSV"), ("xlsx", f"{args.xlsx_rows:,}-row XLSX")):
        floor = results[table]["floor-" + table]
        for kind, r in results[table].items():
            print(
                f"| {name} | {kind} | {r['seconds']:.2f} s | {r['seconds'] / floor['seconds']:.2f} | "
                f"{r['peak_mib']:.0f} MiB | {r['peak_mib'] / max(floor['peak_mib'], 1):.2f} |"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
