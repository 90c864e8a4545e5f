"""Background work: a QRunnable plus a signals QObject, with a cancel flag."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class WorkerSignals(QObject):
    """started(); result(object); error(Exception); finished() — always last."""

    started = Signal()
    progress = Signal(object)  # whatever fn passes to Worker.report(), on the GUI thread
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(cancelled)` off the GUI thread; `cancelled()` tells it to stop.

    After `cancel()` nothing but `finished` is emitted, so a cancelled
    operation can never overwrite what the window shows next.
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

    @property
    def is_cancelled(self) -> bool:
        """True once `cancel()` was called."""
        return self._cancel.is_set()

    def report(self, progress: Any) -> None:
        """Emit `progress` to the GUI thread (call it from `fn`); dropped once cancelled."""
        if not self.is_cancelled:
            self.signals.progress.emit(progress)

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
