"""Background work in one place: a `Worker` (work with a cancel flag) and `Task`, which runs them on a thread pool.

A panel keeps one `Task` per kind of work (a send, a preview, an export) and
starts its runs with `Task.start(fn, result=..., error=..., progress=...,
finished=...)`. The task holds every run until it finished (a cancelled one
too, so nothing is released while the pool still runs it), knows which run is
the current one, and calls `result`/`error` only for the current run: a
cancelled or superseded run can never overwrite what the window shows next.

A run goes to the pool as a callable (`QThreadPool.start(worker.run)`): Qt wraps
it in a runnable of its own, which the pool deletes after run() has returned,
and PySide6 holds the callable only while it runs. A worker that is itself a
QRunnable cannot be released that way: `QThreadPool.start(QRunnable)` makes the
pool its Python owner, for ever without auto-delete (every finished run, with
its rows and plan, stayed alive: issue 16), and with auto-delete still for every
run that had ended before `start` returned (PySide6 adds the ownership after
the call); deleting it from the GUI thread could free it before its run() had
returned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal


class WorkerSignals(QObject):
    """started(); progress(object); result(object); error(Exception); finished() — always last."""

    started = Signal()
    progress = Signal(object)  # whatever fn passes to Worker.report(), on the GUI thread
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class TaskSignals(QObject):
    """A Task's one signals object: every signal carries the Worker it is about first."""

    progress = Signal(object, object)
    result = Signal(object, object)
    error = Signal(object, object)
    finished = Signal(object)


class _Outlet:
    """A Task's signals as its runs reach them from pool threads, closed when the task is deleted.

    A window can be deleted (on the GUI thread) while one of its runs still
    works on the pool; emitting on the deleted signals object would raise in
    the pool thread. The outlet is closed from the task's `destroyed`, which
    Qt emits before it deletes the task's children (the signals object among
    them), under the same lock its emits hold, so an emit either happens
    wholly before the deletion or not at all. PySide marks a Python-made
    object deleted as its destructor starts, before `destroyed`: an emit in
    that moment finds the signals deleted ("Signal source has been deleted",
    a run's `finished` seen once in a test run) and closes the outlet.
    """

    def __init__(self, signals: TaskSignals, owner: QObject) -> None:
        self._lock = threading.Lock()
        self._signals: TaskSignals | None = signals
        owner.destroyed.connect(self.close)
        signals.destroyed.connect(self.close)

    def close(self) -> None:
        with self._lock:
            self._signals = None

    def emit(self, name: str, *args: object) -> None:
        """Emit the signal `name` with `args` unless the task is gone (its run's outcome has nobody to go to)."""
        with self._lock:
            signals = self._signals
            if signals is None:
                return
            try:
                getattr(signals, name).emit(*args)
            except RuntimeError:
                if shiboken6.isValid(signals):
                    raise
                self._signals = None  # being deleted: the C++ object lives until `close` (waiting for this lock)


class Worker:
    """Runs `fn(cancelled)` off the GUI thread (`run`, on a pool thread); `cancelled()` tells it to stop.

    `fn` should hold plain data (rows, options, a client), not widgets: what it
    reads of the window is read when the work starts, on the GUI thread.
    After `cancel()` neither `result` nor `error` is emitted, so a cancelled
    operation can never overwrite what the window shows next. `report()`
    (progress) is delivered even after a cancel: it tells facts the window
    must not lose, such as a request the platform has stored.

    Run by a `Task`, a worker emits through the task's one signals object (no
    Qt object of its own, so whichever thread drops the worker last destroys
    nothing of Qt's); run alone (`pool.start(worker.run)`), `signals` (made on
    first use, on the GUI thread) tells what happens.
    """

    def __init__(self, fn: Callable[[Callable[[], bool]], Any]) -> None:
        self._fn: Callable[[Callable[[], bool]], Any] | None = fn
        self._cancel = threading.Event()
        self._signals: WorkerSignals | None = None
        self._task_signals: _Outlet | None = None

    @property
    def signals(self) -> WorkerSignals:
        """The signals of a worker run alone (not by a Task); connect before starting it."""
        if self._signals is None:
            self._signals = WorkerSignals()
        return self._signals

    def cancel(self) -> None:
        """Ask the work to stop; its result, if any still comes, is dropped."""
        self._cancel.set()

    def report(self, item: Any) -> None:
        """Emit `progress(item)` from the work (any thread)."""
        if self._task_signals is not None:
            self._task_signals.emit("progress", self, item)
        elif self._signals is not None:
            self._signals.progress.emit(item)

    def report_progress(self, done: int, total: int) -> None:
        """`report((done, total))` in any unit (bytes, rows); dropped once cancelled."""
        if not self.is_cancelled:
            self.report((done, total))

    @property
    def is_cancelled(self) -> bool:
        """True once `cancel()` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Do the work and emit its outcome, then `finished` (on the thread that calls it: a pool thread)."""
        task, alone = self._task_signals, self._signals
        if alone is not None:
            alone.started.emit()
        # A worker runs once: dropping `fn` as it starts lets what it holds go when it ends, even when it refers
        # to this worker (a bound method: a cycle only the collector's rare full pass would free; issue 16).
        fn, self._fn = self._fn, None
        try:
            assert fn is not None, "a worker runs once"
            outcome = fn(self._cancel.is_set)
        except Exception as exc:  # reported to the GUI thread, never lost
            if not self.is_cancelled:
                if task is not None:
                    task.emit("error", self, exc)
                elif alone is not None:
                    alone.error.emit(exc)
        else:
            if not self.is_cancelled:
                if task is not None:
                    task.emit("result", self, outcome)
                elif alone is not None:
                    alone.result.emit(outcome)
        finally:
            if task is not None:
                task.emit("finished", self)
            elif alone is not None:
                alone.finished.emit()


Callback = Callable[..., object]


@dataclass
class _Run:
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
    finished run keeps nothing of the panel alive. The runs report through the
    task's one signals object (a child of the task, so deleted with the panel,
    on the GUI thread): no run has a Qt object of its own, and which run a
    signal is about is its first argument, not `sender()`.
    """

    def __init__(self, pool: QThreadPool, parent: QObject) -> None:
        super().__init__(parent)
        self.pool = pool
        self._current: Worker | None = None
        self._runs: dict[Worker, _Run] = {}  # every run still on the pool
        self._signals = TaskSignals(self)  # one for all runs: deleted with the task, on the GUI thread
        self._signals.result.connect(self._on_result)
        self._signals.error.connect(self._on_error)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._outlet = _Outlet(self._signals, self)

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
        worker = fn if isinstance(fn, Worker) else Worker(fn)
        worker._task_signals = self._outlet
        self._runs[worker] = _Run(result, error, progress, finished)
        self._current = worker
        self.pool.start(worker.run)  # a runnable of Qt's own, deleted by the pool once run() returned
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
        for worker in self._runs:
            worker.cancel()

    def _on_result(self, worker: Worker, value: object) -> None:
        run = self._runs.get(worker)
        if run is not None and worker is self._current and run.result is not None:
            run.result(value)

    def _on_error(self, worker: Worker, exc: object) -> None:
        run = self._runs.get(worker)
        if run is not None and worker is self._current and run.error is not None:
            run.error(exc)

    def _on_progress(self, worker: Worker, item: object) -> None:
        run = self._runs.get(worker)
        if run is not None and run.progress is not None:
            run.progress(item, worker is self._current)

    def _on_finished(self, worker: Worker) -> None:
        run = self._runs.pop(worker, None)
        if run is None:
            return
        current = worker is self._current
        if current:
            self._current = None
        if run.finished is not None:
            run.finished(current)
