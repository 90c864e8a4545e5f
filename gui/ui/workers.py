"""Background work: a QRunnable plus a signals QObject, with a cancel flag."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
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

    `fn` may hold plain data only, never a QObject (a widget, a model): the
    last reference to an object is dropped by whichever thread ends it, and a
    widget released on a worker thread is destroyed twice by PySide6 (a crash
    seen in CI). TypeError names the Qt object `fn` holds.

    After `cancel()` neither `result` nor `error` is emitted, so a cancelled
    operation can never overwrite what the window shows next. `report()`
    (progress) is delivered even after a cancel: it tells facts the window
    must not lose, such as a request the platform has stored.
    """

    def __init__(self, fn: Callable[[Callable[[], bool]], Any]) -> None:
        held = next(_qt_objects_held_by(fn), None)
        if held is not None:
            raise TypeError(
                f"the work of a Worker holds the Qt object {held!r}: a Qt object kept alive (and maybe "
                "released) by a worker thread is destroyed off the GUI thread; pass plain data instead"
            )
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


def _qt_objects_held_by(fn: object, depth: int = 0) -> Iterator[QObject]:
    """The QObjects reachable from `fn`: its bound object, closure cells, partial arguments, nested functions."""
    if depth > 4:
        return
    if isinstance(fn, QObject):
        yield fn
        return
    if isinstance(fn, functools.partial):
        for item in (fn.func, *fn.args, *fn.keywords.values()):
            yield from _qt_objects_held_by(item, depth + 1)
        return
    bound = getattr(fn, "__self__", None)
    if bound is not None and not isinstance(bound, type):
        yield from _qt_objects_held_by(bound, depth + 1)
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            item = cell.cell_contents
        except ValueError:  # not assigned yet (e.g. the worker itself)
            continue
        if isinstance(item, QObject) or callable(item):
            yield from _qt_objects_held_by(item, depth + 1)
