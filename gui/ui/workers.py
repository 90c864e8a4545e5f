"""Background work: a QRunnable plus a signals QObject, with a cancel flag."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class WorkerSignals(QObject):
    """started(); progress(object); result(object); error(Exception); finished() — always last."""

    started = Signal()
    progress = Signal(object)  # whatever fn passes to Worker.report(), on the GUI thread
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(cancelled)` off the GUI thread; `cancelled()` tells it to stop.

    After `cancel()` neither `result` nor `error` is emitted, so a cancelled
    operation can never overwrite what the window shows next. `report()`
    (progress) is delivered even after a cancel: it tells facts the window
    must not lose, such as a request the platform has stored.
    """

    def __init__(self, fn: Callable[[Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop; its result, if any still comes, is dropped."""
        self._cancel.set()

    def report(self, item: Any) -> None:
        """Emit `progress(item)` from the work (any thread)."""
        self.signals.progress.emit(item)

    def report_progress(self, done: int, total: int) -> None:
        """`report((done, total))` in any unit (bytes, rows); dropped once cancelled."""
        if not self.is_cancelled:
            self.report((done, total))

    @property
    def is_cancelled(self) -> bool:
        """True once `cancel()` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        self.signals.started.emit()
        try:
            outcome = self._fn(self._cancel.is_set)
        except Exception as exc:  # reported to the GUI thread, never lost
            if not self.is_cancelled:
                self.signals.error.emit(exc)
        else:
            if not self.is_cancelled:
                self.signals.result.emit(outcome)
        finally:
            self.signals.finished.emit()
