"""Start-up: `onenet-uploader --smoke-test` vs a bare PySide6 window, side by side.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py [RUNS] [--tree NAME=PATH ...]`
(the venv's python, with the project installed). Prints the median and the
spread over RUNS alternating runs (default 15) of the time until the window was
shown (painted once: the child prints the wall clock after its first
`processEvents()`) and of the whole process (start, show, close, exit).
`--tree NAME=PATH` (repeatable) measures the window and the smoke test of
another checkout too (its `gui` package first on PYTHONPATH, e.g. main
exported with `git archive main | tar -x -C /tmp/base`), side by side.
The smoke test does more than start (it sends a request to an embedded
sandbox and checks it), so it is an upper bound on the app's start-up.
The window uses the app's own `SecretStore()` with keyring's `fail` backend
(PYTHON_KEYRING_BACKEND), so the user's keyring is never touched and keyring
is loaded as the app loads it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

BARE_WINDOW = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget(); w.resize(1280, 820); w.show(); app.processEvents(); print(time.time()); w.close()\n"
)

APP_WINDOW = (
    "import tempfile, os, time\n"
    "from PySide6.QtCore import QSettings\n"
    "from gui.app import make_application\n"
    "from gui.data.secrets import SecretStore\n"
    "from gui.data.store import Store\n"
    "from gui.ui.main_window import MainWindow\n"
    "app = make_application([])\n"
    "d = tempfile.mkdtemp()\n"
    "settings = QSettings(os.path.join(d, 's.ini'), QSettings.Format.IniFormat)\n"
    "w = MainWindow(settings, SecretStore(), Store(os.path.join(d, 'o.sqlite3')))\n"
    "w.show(); app.processEvents(); print(time.time()); w.close()\n"
)


def timed(cmd: list[str], tree: str | None = None) -> tuple[float, float]:
    """Seconds until the child printed the time it showed its window (nan if it prints none), and in all."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if tree:
        env["PYTHONPATH"] = tree
    wall, start = time.time(), time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, env=env, text=True)
    whole = time.perf_counter() - start
    try:
        shown = float(out.stdout.strip().splitlines()[-1]) - wall
    except (ValueError, IndexError):
        shown = float("nan")
    return shown, whole


def main() -> None:
    args = sys.argv[1:]
    trees: dict[str, str | None] = {}
    while "--tree" in args:
        at = args.index("--tree")
        name, path = args[at + 1].split("=", 1)
        trees[name] = os.path.abspath(path)
        del args[at : at + 2]
    runs = int(args[0]) if args else 15
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    commands: dict[str, tuple[list[str], str | None]] = {
        "bare PySide6 window (floor)": ([sys.executable, "-c", BARE_WINDOW], None)
    }
    for name, tree in trees.items() or {"": None}.items():
        suffix = f" [{name}]" if name else ""
        commands[f"onenet-uploader window shown{suffix}"] = ([sys.executable, "-c", APP_WINDOW], tree)
        commands[f"onenet-uploader --smoke-test{suffix}"] = ([sys.executable, "-m", "gui", "--smoke-test"], tree)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd, tree in commands.values():  # warm the file cache once each
        timed(cmd, tree)
    for _ in range(runs):
        for name, (cmd, tree) in commands.items():
            results[name].append(timed(cmd, tree))
    floors = [statistics.median(t[k] for t in results["bare PySide6 window (floor)"]) for k in (0, 1)]
    for name, times in results.items():
        for k, what in enumerate(("shown", "process")):
            values = [t[k] for t in times]
            if any(v != v for v in values):  # nan: the smoke test prints no time
                continue
            median = statistics.median(values)
            print(
                f"{name:48s} {what:7s} median {median:.3f} s  min {min(values):.3f}  max {max(values):.3f}  "
                f"({median / floors[k]:.2f}x)"
            )


if __name__ == "__main__":
    main()
