"""Longest event-loop stall while the import dialog reads a large file, and while its rows join the editor.

A QTimer ticks every 5 ms on the GUI thread; the longest gap between two
ticks minus 5 ms is the longest stall (the time a click would wait).
Offscreen, so the numbers include no painting to a screen.

Usage (from the repository root, after benchmarks/import_bench.py made the file):
  QT_QPA_PLATFORM=offscreen python benchmarks/gui_stall.py /tmp/onenet-bench/wide_1000000.csv [--window]

--window imports through the real main window (File > Import), so the
editor's own preview refresh after the import is measured too.

A file the dialog does not import (it cannot be read, a question is open, no
row can be read: `tests/fixtures/realworld/quotes_500.csv`) gives the reading
figures, then says why nothing was imported and exits 1; a wait that times out
(10 minutes) says which and exits 1 too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 5


class Ticks:
    """perf_counter() of every tick of a 5 ms timer."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def longest_stall_ms(self, start: float, end: float) -> float:
        inside = [t for t in self.times if start <= t <= end] or [start]
        points = [start, *inside, end]
        return max(b - a for a, b in pairwise(points)) * 1000 - TICK_MS


class Catch:
    """Catches `signal` from now on (so an emission before `wait()` is not missed)."""

    def __init__(self, signal) -> None:
        self.got: list[tuple] = []
        self.loop = QEventLoop()
        signal.connect(self._done)

    def _done(self, *args) -> None:
        self.got.append(args)
        self.loop.quit()

    def wait(self, what: str, timeout_s: float = 600) -> bool:
        """True once the signal came; False, with a message, after `timeout_s`."""
        if not self.got:
            QTimer.singleShot(int(timeout_s * 1000), self.loop.quit)
            self.loop.exec()
        if not self.got:
            print(f"gui_stall: gave up waiting for {what} after {timeout_s:.0f} s", file=sys.stderr)
        return bool(self.got)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    parser.add_argument("--window", action="store_true", help="import through the main window (File > Import)")
    args = parser.parse_args()
    app = QApplication([])
    ticks = Ticks()
    ticks.timer.start()
    from gui.ui.datapoints_model import DatapointsModel
    from gui.ui.import_dialog import ImportDialog

    window = None
    if args.window:
        from keyring.backends import fail

        from gui.data.secrets import SecretStore
        from gui.ui.main_window import MainWindow

        tmp = tempfile.mkdtemp(prefix="onenet-stall-")
        from gui.data.store import Store

        window = MainWindow(
            QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
            SecretStore(fail.Keyring()),
            Store(os.path.join(tmp, "outbox.sqlite3")),
        )
        window.show()
        app.processEvents()
        start = time.perf_counter()
        dialog = window.importer.open(str(args.file))
        read = Catch(dialog.finishedReading)
        dialog.zone_combo.setCurrentText("Asia/Shanghai")
        dialog.read()  # now, instead of after the 250 ms pause (the first read is cancelled)
    else:
        model = DatapointsModel()
        pool = QThreadPool()
        start = time.perf_counter()
        dialog = ImportDialog(args.file, model.extend, pool, source_zone="Asia/Shanghai")
        read = Catch(dialog.finishedReading)
        dialog.show()
    app.processEvents()
    shown = time.perf_counter()
    if not read.wait("the dialog to read the file"):
        return 1
    read_end = time.perf_counter()
    print(f"opening the dialog (building and first paint, GUI thread): {(shown - start) * 1000:.0f} ms")
    result = dialog.import_result
    points = len(result) if result is not None else 0
    print(f"read {args.file.name}: {points:,} datapoints in {read_end - start:.2f} s")
    print(f"  longest event-loop stall while reading: {ticks.longest_stall_ms(shown, read_end):.0f} ms")
    if not dialog.import_button.isEnabled():  # import_datapoints() would do nothing: no `imported` to wait for
        why = dialog.failure or dialog.summary_label.text()
        print(f"not imported: the dialog does not import this file ({why}); the import into the editor is not measured")
        return 1
    import_start = time.perf_counter()
    imported_signal = Catch(dialog.imported)
    dialog.import_datapoints()
    if not imported_signal.wait("the rows to reach the editor"):
        return 1
    imported = time.perf_counter()
    print(f"import into the editor: {imported - import_start:.2f} s")
    print(
        f"  longest stall while the rows were built and added: {ticks.longest_stall_ms(import_start, imported):.0f} ms"
    )
    if window is not None:
        settle_start = time.perf_counter()
        window.send_controller.preview_timer.timeout.emit()  # the preview refresh the import scheduled, now
        for _ in range(5):
            app.processEvents()
        settled = time.perf_counter()
        print(
            f"main window preview refresh after the import: {settled - settle_start:.2f} s "
            f"(longest stall {ticks.longest_stall_ms(settle_start, settled):.0f} ms)"
        )
        window.close()
    ticks.timer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
