"""The GUI thread's share of the interpreter: cyclic garbage collection on it only, and the GIL handed over often.

Automatic collection runs in whichever thread happens to allocate. When it
frees a widget that sat in a reference cycle (a widget and a slot connected to
it are one) on a worker thread, PySide6 hands the widget's destruction to the
GUI thread while the widget may already be gone: a segmentation fault in
`Shiboken::BindingManager::runDeletionInMainThread`, or a double destruction,
seen in this project's CI and test runs. So, as pyqtgraph's `GarbageCollector`
does (pyqtgraph/util/garbage_collector.py; not imported here, because importing
pyqtgraph costs a quarter of a second of start-up), automatic collection is
switched off and a timer on the GUI thread collects each generation when the
interpreter's own thresholds say it is due.

A full collection traverses every object (a million editor rows are millions
of them: a pause of the GUI thread). CPython makes one only when the objects
that survived into the old generation grew by a quarter since the last; this
collector approximates that with the interpreter's count of allocated memory
blocks (`sys.getallocatedblocks`): no full collection while the heap has not
grown by a quarter since the last one.

While a worker runs Python (a million-datapoint preview), every call Qt makes
into Python on the GUI thread (a model's `data()` for each cell painted, a
timer's slot) first waits for the worker to hand over the GIL, up to the
interpreter's switch interval (5 ms): painting a table took seconds, and the
heartbeat test of that preview failed. While the collector runs, the switch
interval is `GUI_SWITCH_INTERVAL_S`; workers lose a few per cent of speed,
and only while the GUI thread wants the GIL.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

from gui.data.importers.gc_pause import gc_paused

#: The interpreter's GIL switch interval (seconds) while the collector runs (Python's default: 0.005).
GUI_SWITCH_INTERVAL_S = 0.001


class GuiThreadCollector(QObject):
    """While started: no automatic collection; `collect_due()` every `interval_ms` (ms) on the GUI thread.

    Create and start it on the GUI thread. `stop()` switches automatic
    collection back on. A collection is skipped while an import has paused the
    collector (`paused_gc`), as automatic collection would be. While started,
    the GIL switch interval is `GUI_SWITCH_INTERVAL_S` (`stop()` restores it).
    """

    #: A full collection waits until the heap grew by this factor since the last one (CPython: 25 %).
    FULL_GROWTH = 1.25

    def __init__(self, interval_ms: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._blocks_after_full = sys.getallocatedblocks()
        self._switch_interval = sys.getswitchinterval()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    @property
    def is_active(self) -> bool:
        """True between `start()` and `stop()`."""
        return self._timer.isActive()

    def start(self) -> None:
        """Switch automatic collection off and collect on the timer instead; hand the GIL over more often."""
        if not self._timer.isActive():
            self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer, switch automatic collection back on and restore the switch interval."""
        self._timer.stop()
        gc.enable()
        sys.setswitchinterval(self._switch_interval)

    def collect_due(self) -> int:
        """Collect what the interpreter would collect now (thresholds passed); returns the unreachable objects found."""
        if gc_paused():
            return 0
        counts, due = gc.get_count(), -1
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            due = generation
        if due == 2 and sys.getallocatedblocks() < self._blocks_after_full * self.FULL_GROWTH:
            due = 1
        if due < 0:
            return 0
        found = gc.collect(due)
        if due == 2:
            self._blocks_after_full = sys.getallocatedblocks()
        return found


def guard_gc(app: QObject) -> GuiThreadCollector:
    """Start `app`'s collector (made once, a child of `app`): cyclic collection on the GUI thread only."""
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        collector = GuiThreadCollector(parent=app)
    collector.start()
    return collector
