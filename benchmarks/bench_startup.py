"""Start-up: `onenet-uploader --smoke-test` vs a bare PySide6 window, side by side.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py [RUNS]`
(the venv's python, with the project installed). Prints the median and the
spread of wall time per process over RUNS alternating runs (default 15).
The smoke test does more than start (it sends a request to an embedded
sandbox and checks it), so it is an upper bound on the app's start-up.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget(); w.resize(1280, 820); w.show(); app.processEvents(); w.close()\n"
)

APP_WINDOW = (
    "import tempfile, os\n"
    "from keyring.backends import fail\n"
    "from PySide6.QtCore import QSettings\n"
    "from gui.app import make_application\n"
    "from gui.data.secrets import SecretStore\n"
    "from gui.data.store import Store\n"
    "from gui.ui.main_window import MainWindow\n"
    "app = make_application([])\n"
    "d = tempfile.mkdtemp()\n"
    "settings = QSettings(os.path.join(d, 's.ini'), QSettings.Format.IniFormat)\n"
    "w = MainWindow(settings, SecretStore(fail.Keyring()), Store(os.path.join(d, 'o.sqlite3')))\n"
    "w.show(); app.processEvents(); w.close()\n"
)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    commands = {
        "bare PySide6 window (floor)": [sys.executable, "-c", BARE_WINDOW],
        "onenet-uploader window shown": [sys.executable, "-c", APP_WINDOW],
        "onenet-uploader --smoke-test": [sys.executable, "-m", "gui", "--smoke-test"],
    }
    results: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the file cache once each
        timed(cmd)
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(timed(cmd))
    floor = statistics.median(results["bare PySide6 window (floor)"])
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:32s} median {median:.3f} s  min {min(times):.3f}  max {max(times):.3f}  ({median / floor:.2f}x)")


if __name__ == "__main__":
    main()
