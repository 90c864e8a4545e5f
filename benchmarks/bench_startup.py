"""Start-up: `onenet-uploader` and its main window vs a bare PySide6 window, side by side.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py [RUNS] [--pyc] [--tree NAME=PATH ...]`
(the venv's python, with the project installed). Prints the median and the
spread over RUNS alternating runs (default 15) of the time until the window was
shown (painted once: the child prints the wall clock after its first
`processEvents()`), of the whole process (start, show, close, exit) and the
child's CPU time until shown (`time.process_time()`: less swayed by other work
on a shared machine than the wall clock).
`--tree NAME=PATH` (repeatable) measures another checkout too (its `gui`
package first on PYTHONPATH, e.g. main exported with
`git archive main | tar -x -C /tmp/base`), side by side.

Three processes per tree:
- "window shown": the `MainWindow` alone, built on a new outbox and shown;
- "start": `onenet-uploader` as a user starts it (`gui.app.main([])`: language,
  command line, logs, the trial hand-over, the outbox opened and recovered, the
  window), up to its first paint, where the event loop would start. Its settings,
  outbox, logs and compiled catalogues live in a home of the tree's own for the
  run (XDG_*, shared with the other two), made by the first (warm-up) start:
  each measured start is a user's second start;
- `--smoke-test`: more than a start (it sends a request to an embedded sandbox
  and checks it), an upper bound on it.
The window uses the app's own `SecretStore()` with keyring's `fail` backend
(PYTHON_KEYRING_BACKEND), so the user's keyring is never touched and keyring
is loaded as the app loads it.

Bytecode: an installed package (`pip install`, the bundle) has its `.pyc`
compiled; a checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every module of
`gui` at each start. `--pyc` measures the former: bytecode is written to and
read from a cache of the run's own (PYTHONPYCACHEPREFIX, made by the warm-up
run), whatever PYTHONDONTWRITEBYTECODE says; without it the environment decides.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget(); w.resize(1280, 820); w.show(); app.processEvents()\n"
    "print(time.time(), time.process_time()); w.close()\n"
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
    "w.show(); app.processEvents(); print(time.time(), time.process_time()); w.close()\n"
)

START = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication\n"
    "def shown():  # in place of the event loop: the first paint, then quit\n"
    "    QApplication.processEvents(); print(time.time(), time.process_time())\n"
    "    for w in QApplication.topLevelWidgets(): w.close()\n"
    "    return 0\n"
    "QApplication.exec = staticmethod(shown)\n"
    "from gui.app import main\n"
    "sys.exit(main([]))\n"
)


def home(root: str) -> dict[str, str]:
    """The XDG directories of a user whose home is `root`: settings, outbox, logs, caches."""
    return {
        name: os.path.join(root, folder)
        for name, folder in (
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_CACHE_HOME", "cache"),
        )
    }


def timed(cmd: list[str], tree: str | None = None, extra: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Seconds until the child showed its window, in all, and of CPU until shown (nan: the child says none)."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **(extra or {}))
    if tree:
        env["PYTHONPATH"] = tree
    wall, start = time.time(), time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, env=env, text=True)
    whole = time.perf_counter() - start
    try:
        at, cpu = (float(v) for v in out.stdout.strip().splitlines()[-1].split())
        shown = at - wall
    except (ValueError, IndexError):  # the smoke test prints its verdict, not a time
        shown = cpu = float("nan")
    return shown, whole, cpu


def main() -> None:
    args = sys.argv[1:]
    if {"-h", "--help"} & set(args):
        print(__doc__)
        return
    trees: dict[str, str | None] = {}
    while "--tree" in args:
        at = args.index("--tree")
        name, path = args[at + 1].split("=", 1)
        trees[name] = os.path.abspath(path)
        del args[at : at + 2]
    pyc = "--pyc" in args
    if pyc:
        args.remove("--pyc")
    runs = int(args[0]) if args else 15
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.TemporaryDirectory(prefix="bench-startup-")
    # A child started with `-c` or `-m` finds `gui` in its working directory before PYTHONPATH: started in
    # a checkout, every tree would be that checkout. The children start in the scratch directory instead.
    os.chdir(scratch.name)
    for tree in trees.values():
        found = subprocess.run(
            [sys.executable, "-c", "import gui; print(gui.__file__)"],
            env=dict(os.environ, PYTHONPATH=tree),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert found.startswith(tree + os.sep), f"{tree}: gui is imported from {found}"
    if pyc:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(scratch.name, "pycache")
    print(
        f"bytecode: {'compiled once, cached (--pyc)' if pyc else 'as the environment says'}; "
        f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
    )
    commands: dict[str, tuple[list[str], str | None, dict[str, str] | None]] = {
        "bare PySide6 window (floor)": ([sys.executable, "-c", BARE_WINDOW], None, None)
    }
    for i, (name, tree) in enumerate(trees.items() or {"": None}.items()):
        suffix = f" [{name}]" if name else ""
        user = home(os.path.join(scratch.name, f"home{i}"))
        commands[f"onenet-uploader window shown{suffix}"] = ([sys.executable, "-c", APP_WINDOW], tree, user)
        commands[f"onenet-uploader start{suffix}"] = ([sys.executable, "-c", START], tree, user)
        commands[f"onenet-uploader --smoke-test{suffix}"] = ([sys.executable, "-m", "gui", "--smoke-test"], tree, user)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for cmd, tree, extra in commands.values():  # warm the file cache once each (and make the homes, the .pyc)
        timed(cmd, tree, extra)
    for _ in range(runs):
        for name, (cmd, tree, extra) in commands.items():
            results[name].append(timed(cmd, tree, extra))
    floors = [statistics.median(t[k] for t in results["bare PySide6 window (floor)"]) for k in (0, 1, 2)]
    for name, times in results.items():
        for k, what in enumerate(("shown", "process", "cpu")):
            values = [t[k] for t in times]
            if any(v != v for v in values):  # nan: the smoke test prints no time
                continue
            median = statistics.median(values)
            print(
                f"{name:48s} {what:7s} median {median:.3f} s  min {min(values):.3f}  max {max(values):.3f}  "
                f"({median / floors[k]:.2f}x)"
            )
    os.chdir(os.path.dirname(scratch.name))
    scratch.cleanup()


if __name__ == "__main__":
    main()
