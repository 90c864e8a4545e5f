"""Qt objects and worker threads: workers hold plain data only; cyclic garbage is collected on the GUI thread only."""

import functools
import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from gui.data.importers.gc_pause import paused_gc
from gui.ui.gc_guard import GuiThreadCollector, guard_gc
from gui.ui.workers import Worker


def test_a_worker_refuses_work_that_holds_a_widget(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(TypeError, match=r"holds the Qt object .*QWidget"):
        Worker(lambda cancelled: widget.width())
    with pytest.raises(TypeError, match="QObject"):
        Worker(functools.partial(lambda owner, cancelled: None, QObject()))

    def nested(cancelled):
        return inner()

    def inner():
        return widget.width()

    with pytest.raises(TypeError, match="QWidget"):
        Worker(nested)


def test_a_worker_takes_plain_data_and_itself(qtbot):
    rows = [1, 2, 3]

    def work(cancelled):
        worker.report(len(rows))  # the worker's own cell is still empty when Worker() looks
        return sum(rows)

    worker = Worker(work)
    assert worker.signals is not None


def test_cyclic_garbage_holding_a_widget_is_collected_on_the_gui_thread_only(qtbot, qapp):
    collector = guard_gc(qapp)
    assert collector.is_active and not gc.isenabled()

    class Holder:
        pass

    holder = Holder()
    holder.me = holder  # a cycle: only the cyclic collector can free it
    holder.widget = QWidget()
    alive = weakref.ref(holder)
    del holder

    def allocate():  # enough to trigger several automatic collections, were they on
        junk = [[i] for i in range(200_000)]
        for item in junk:
            item.append(item)

    thread = threading.Thread(target=allocate)
    thread.start()
    thread.join()
    assert alive() is not None, "collected on the worker thread"

    assert gc.get_count()[0] > gc.get_threshold()[0]
    assert collector.collect_due() > 0
    gc.collect()  # the widget's cycle may sit in an older generation than the ones due
    assert alive() is None


def test_no_collection_while_an_import_paused_the_collector(qapp):
    collector = GuiThreadCollector()
    collector.start()
    try:
        junk = [[i] for i in range(2000)]
        for item in junk:
            item.append(item)
        del junk
        with paused_gc():
            assert collector.collect_due() == 0
            assert not gc.isenabled()
        assert not gc.isenabled()  # the pause gives back the state it found
        assert collector.collect_due() > 1000
    finally:
        collector.stop()
    assert gc.isenabled()
