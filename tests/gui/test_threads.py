"""Qt objects and worker threads: workers hold plain data only; cyclic garbage is collected on the GUI thread only."""

import functools
import gc
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from gui.data.importers.gc_pause import paused_gc
from gui.ui.gc_guard import GUI_SWITCH_INTERVAL_S, GuiThreadCollector, guard_gc
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


def test_the_collector_hands_the_gil_over_often_while_it_runs(qapp):
    assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)  # the app's (tests/conftest.py)
    saved = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)
    finally:
        collector.stop()
        assert sys.getswitchinterval() == pytest.approx(0.005)  # what it found
        sys.setswitchinterval(saved)


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


def test_a_full_collection_waits_until_the_heap_grew_by_a_quarter(qapp):
    collector = GuiThreadCollector()
    collector.start()
    collected: list[int] = []

    def record(phase, info):
        if phase == "start":
            collected.append(info["generation"])

    def make_gen2_due():
        for _ in range(11):
            gc.collect(1)  # counts[2] > 10
        for _ in range(11):
            gc.collect(0)  # counts[1] > 10
        return [[i] for i in range(1000)]  # counts[0] > 700

    gc.callbacks.append(record)
    try:
        young = make_gen2_due()
        collected.clear()
        collector.collect_due()
        assert collected == [1], "a full collection although the heap did not grow"

        grown = [[i] for i in range(sys.getallocatedblocks() // 2)]  # the heap grows by more than a quarter
        younger = make_gen2_due()  # (freeing `young` now would lower the young generation's count)
        collected.clear()
        collector.collect_due()
        assert collected == [2]
        del grown, young, younger
    finally:
        gc.callbacks.remove(record)
        collector.stop()
