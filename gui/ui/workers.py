"""Background work in one place: a `Worker` (a QRunnable with a cancel flag) and `Task`, which runs them.

A panel keeps one `Task` per kind of work (a send, a preview, an export) and
starts its runs with `Task.start(fn, result=..., error=..., progress=...,
finished=...)`. The task holds every run until it finished (a cancelled one
too, so nothing is released while the pool still runs it), knows which run is
the current one, and calls `result`/`error` only for the current run: a
cancelled or superseded run can never overwrite what the window shows next.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """started(); progress(object); result(object); error(Exception); finished() — always last."""

    started = Signal()
    progress = Signal(object)  # whatever fn passes to Worker.report(), on the GUI thread
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(cancelled)` off the GUI thread; `cancelled()` tells it to stop.

    `fn` should hold plain data (rows, options, a client), not widgets: what it
    reads of the window is read when the work starts, on the GUI thread.
    After `cancel()` neither `result` nor `error` is emitted, so a cancelled
    operation can never overwrite what the window shows next. `report()`
    (progress) is delivered even after a cancel: it tells facts the window
    must not lose, such as a request the platform has stored.
    """

    def __init__(self, fn: Callable[[Callable[[], bool]], Any], parent: QObject | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals(parent)  # with a parent, deleted on the GUI thread (see Task)
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


Callback = Callable[..., object]


@dataclass
class _Run:
    worker: Worker
    result: Callback | None
    error: Callback | None
    progress: Callable[[Any, bool], object] | None
    finished: Callable[[bool], object] | None


class Task(QObject):
    """One kind of background work of a panel, run on `pool`: at most one current run.

    `start` makes the new run the current one (the caller cancels the old one
    first if it must stop). Callbacks run on the GUI thread:
    - `result(value)` and `error(exc)`: for the current run only;
    - `progress(item, current)`: every report, of a cancelled run too (`current` False);
    - `finished(current)`: always, last; the task forgets the run after it.
    The task drops its references to the callbacks when the run finished, so a
    finished run keeps nothing of the panel alive, and deletes the run's signals
    object (a child of the task) on the GUI thread.
    """

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self.pool = pool
        self._current: Worker | None = None
        self._runs: dict[QObject, _Run] = {}  # by the run's signals object: every run still on the pool

    @property
    def current(self) -> Worker | None:
        """The run the panel waits for (None when idle or after `cancel()`)."""
        return self._current

    @property
    def is_busy(self) -> bool:
        """True while a current run exists."""
        return self._current is not None

    @property
    def is_running(self) -> bool:
        """True while any run, a cancelled one too, is still on the pool."""
        return bool(self._runs)

    def start(
        self,
        fn: Callable[[Callable[[], bool]], Any] | Worker,
        *,
        result: Callback | None = None,
        error: Callback | None = None,
        progress: Callable[[Any, bool], object] | None = None,
        finished: Callable[[bool], object] | None = None,
    ) -> Worker:
        """Run `fn(cancelled)` (or a ready `Worker`) on the pool as the current run; returns its worker."""
        worker = fn if isinstance(fn, Worker) else Worker(fn, parent=self)
        signals = worker.signals
        if signals.parent() is None:
            signals.setParent(self)
        self._runs[signals] = _Run(worker, result, error, progress, finished)
        self._current = worker
        signals.result.connect(self._on_result)
        signals.error.connect(self._on_error)
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        self.pool.start(worker)
        return worker

    def cancel(self) -> bool:
        """Cancel the current run and forget it as current; False if there was none."""
        worker, self._current = self._current, None
        if worker is None:
            return False
        worker.cancel()
        return True

    def cancel_all(self) -> None:
        """Cancel every run still on the pool (the window closes)."""
        self._current = None
        for run in self._runs.values():
            run.worker.cancel()

    def _run_of_sender(self) -> tuple[_Run | None, bool]:
        run = self._runs.get(self.sender())
        return run, run is not None and run.worker is self._current

    def _on_result(self, value: object) -> None:
        run, current = self._run_of_sender()
        if run is not None and current and run.result is not None:
            run.result(value)

    def _on_error(self, exc: object) -> None:
        run, current = self._run_of_sender()
        if run is not None and current and run.error is not None:
            run.error(exc)

    def _on_progress(self, item: object) -> None:
        run, current = self._run_of_sender()
        if run is not None and run.progress is not None:
            run.progress(item, current)

    def _on_finished(self) -> None:
        run, current = self._run_of_sender()
        if run is None:
            return
        if current:
            self._current = None
        try:
            if run.finished is not None:
                run.finished(current)
        finally:
            # The pool's thread may still hold the Worker (its run() returning); its signals object, a QObject
            # of this thread, is deleted here, on this thread, never by whichever thread drops the Worker last.
            self._runs.pop(run.worker.signals, None)
            run.worker.signals.deleteLater()
