"""Background work (gui.ui.workers.Task) and Qt object ownership: nothing Qt is left for Python's collector."""

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from gui.ui.main_window import delete_now
from gui.ui.workers import Task, Worker


class Gate:
    """A work function that waits until opened, reporting first; the test decides when it ends."""

    def __init__(self, value):
        self.value = value
        self.open = threading.Event()

    def __call__(self, cancelled):
        self.open.wait(10)
        return self.value


def test_a_task_delivers_result_and_finished_of_its_current_run(qtbot):
    owner = QObject()
    task = Task(QThreadPool.globalInstance(), owner)
    seen = []
    task.start(lambda cancelled: 42, result=seen.append, finished=lambda current: seen.append(("end", current)))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [42, ("end", True)]
    assert not task.is_busy and not task.is_running


def test_a_cancelled_or_superseded_run_says_nothing_but_its_progress_and_end(qtbot):
    owner = QObject()
    task = Task(QThreadPool.globalInstance(), owner)
    seen = []
    old = Gate("old")
    first = Worker(lambda cancelled: (first.report("stored"), old(cancelled))[1])
    task.start(
        first,
        result=lambda v: seen.append(("result", v)),
        progress=lambda item, current: seen.append(("progress", item, current)),
        finished=lambda current: seen.append(("end old", current)),
    )
    assert task.cancel() is True and not task.is_busy and task.is_running
    new = Gate("new")
    task.start(new, result=lambda v: seen.append(("result", v)), finished=lambda c: seen.append(("end new", c)))
    old.open.set()
    qtbot.waitUntil(lambda: ("end old", False) in seen)
    new.open.set()
    qtbot.waitUntil(lambda: ("end new", True) in seen)
    assert ("progress", "stored", False) in seen  # a fact the window must not lose, even after Cancel
    assert ("result", "old") not in seen and ("result", "new") in seen
    assert not task.is_running


def test_a_run_that_ends_after_its_panel_was_deleted_says_nothing_and_raises_nothing(qtbot):
    """A window deleted while its run still works: the run's end reaches nobody and raises nothing in the pool."""
    pool = QThreadPool()
    owner = QObject()
    task = Task(pool, owner)
    seen = []
    gate = Gate("late")
    worker = Worker(lambda cancelled: (gate(cancelled), worker.report("stored"))[0])
    task.start(worker, result=seen.append, progress=lambda item, current: seen.append(item))
    delete_now(owner)  # the task and its signals object go, on the GUI thread, while the run waits
    assert not shiboken6.isValid(task)
    gate.open.set()
    assert pool.waitForDone(10_000)
    # An exception in the pool thread (RuntimeError: Signal source has been deleted) fails this test: pytest-qt
    # reports exceptions raised in Python code that Qt called.
    assert seen == []


def test_a_run_that_ends_as_its_signals_are_being_deleted_raises_nothing(qtbot):
    """The moment between PySide marking the signals object deleted (its destructor starts) and Qt's `destroyed`,
    which closes the outlet: a run's `finished` emitted then found "Signal source has been deleted" (once in a
    test run, a window deleted while its start-up work still ran). Made here by deleting the signals object with
    its `destroyed` not connected: the run's end is dropped, nothing raises in the pool thread."""
    pool = QThreadPool()
    owner = QObject()
    task = Task(pool, owner)
    seen = []
    gate = Gate("late")
    task.start(gate, result=seen.append, finished=lambda current: seen.append(("end", current)))
    signals = task._signals
    signals.destroyed.disconnect()  # as if `destroyed` had not come yet
    shiboken6.delete(signals)
    gate.open.set()
    assert pool.waitForDone(10_000)
    assert seen == []
    delete_now(owner)


def test_a_tasks_runs_have_no_qt_object_of_their_own(qtbot):
    owner = QObject()
    task = Task(QThreadPool.globalInstance(), owner)
    ends = []
    workers = [task.start(lambda cancelled: None, finished=ends.append) for _ in range(3)]
    qtbot.waitUntil(lambda: len(ends) == 3)
    # Whichever thread drops a worker last destroys nothing of Qt's: the one signals object is the task's.
    assert all(worker._signals is None for worker in workers)
    assert [type(child).__name__ for child in task.children()] == ["TaskSignals"]
    assert all(child.thread() is owner.thread() for child in task.children())


def test_a_finished_run_is_kept_alive_by_nothing(qtbot):
    """Neither the pool nor the task keeps a finished run, nor what its work held (a send's rows and plan; issue 16).

    Each run starts on an idle pool, so it may end before `QThreadPool.start` returns: a QRunnable run with
    auto-delete was then kept by the pool for ever (PySide6 makes the pool its owner after the call).
    """
    pool = QThreadPool()
    owner = QObject()
    task = Task(pool, owner)
    ends = []
    runs = []
    for _ in range(50):
        runs.append(weakref.ref(task.start(lambda cancelled: bytearray(10_000), finished=ends.append)))
        qtbot.waitUntil(lambda: len(ends) == len(runs))
    assert pool.waitForDone(10_000)
    gc.collect()
    assert [run for run in runs if run() is not None] == []


def test_a_closed_window_is_deleted_whole_before_any_collection(qtbot, make_window):
    window = make_window()
    model, table = window.model, window.editor.table
    window.close()
    window.pool.waitForDone(10_000)
    delete_now(window)
    assert not shiboken6.isValid(window) and not shiboken6.isValid(model) and not shiboken6.isValid(table)
    # Python's collector may now run on any thread: there is no Qt object left for it to destroy.
    collector = threading.Thread(target=gc.collect)
    collector.start()
    collector.join()
    assert gc.isenabled()
