"""Request > Send on a timer…: ticks driven by calling the timer's slot; each tick through the outbox and a send."""

from __future__ import annotations

import gc
import threading
import tracemalloc
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gui.data.pipeline import RetryPolicy
from gui.data.store import State
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.rows import Row
from gui.ui.workers import Worker


def wait_send(qtbot, window, dialog, *, start: bool = False) -> bool:
    """Tick once (or Start, whose first tick goes at once) and wait for the send it starts to end; its outcome
    (True: errno 0).

    The send reports its outcome (`sendFinished`) before its worker's end reaches the GUI
    thread; a tick in between would find the send still running and leave its datapoints
    for later, so this waits for both.
    """
    with qtbot.waitSignal(window.sendFinished, timeout=20_000) as finished:
        if start:
            assert dialog.start()
        else:
            dialog.tick()
    qtbot.waitUntil(lambda: not window.send_controller.sending.is_busy, timeout=20_000)
    return bool(finished.args[0])


def test_timed_sending_keeps_a_failed_ticks_datapoints_and_sends_them_later(qtbot, make_window, sandbox):
    window = make_window(retry_policy=RetryPolicy(max_attempts=1))  # the fault reaches the outbox, no retry hides it
    window.connection.sandbox_check.setChecked(True)
    window.add_rows([Row("temperature", Datapoint(21.5, None)), Row("note", Datapoint("door open", None))])
    window.editor.table.selectRow(0)

    dialog = window.open_timed_send()
    assert dialog.streams_edit.toPlainText() == "temperature=fixed:21.5"  # the selected stream, its value
    dialog.streams_edit.setPlainText("temperature=list:20,21,22\nhumidity=ramp:40..60/5")
    dialog.every_spin.setValue(3600)  # the timer never fires here: the test calls its slot
    dialog.count_spin.setValue(3)
    window.model.remove_rows([0, 1])

    assert wait_send(qtbot, window, dialog, start=True)  # the first tick goes at once
    assert dialog.ticks == 1 and dialog.timer.isActive()
    assert "Next send at" in dialog.next_label.text() and "1 of 3" in dialog.counter_label.text()

    sandbox.fail_every = 2  # the 2nd upload: HTTP 500, nothing stored
    assert wait_send(qtbot, window, dialog) is False
    kept = window.store.counts()
    assert kept[State.SENT] == 2 and kept[State.UNKNOWN] + kept[State.UNSENT] == 2  # the failed tick's two

    sandbox.fail_every = 0
    assert wait_send(qtbot, window, dialog) is True  # the 3rd tick's send carries the 2nd tick's datapoints too
    assert not dialog.timer.isActive() and "3 of 3" in dialog.counter_label.text()
    assert window.store.counts()[State.SENT] == 6
    temperatures = sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")
    assert [p.value for p in temperatures] == [20, 21, 22]
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "humidity")] == [40, 45, 50]
    ats = [p.at for p in temperatures]
    assert all(at is not None for at in ats) and ats == sorted(set(ats))  # at = the tick, each later


def test_a_tick_during_a_send_goes_as_soon_as_that_send_ends(qtbot, window, sandbox):
    """Not at the next tick: after the last tick there is none, and its datapoints would wait in the outbox."""
    window.connection.sandbox_check.setChecked(True)
    dialog = window.open_timed_send()
    dialog.streams_edit.setPlainText("temperature=ramp:0..100")
    dialog.every_spin.setValue(3600)  # the timer never fires here: the test calls its slot
    dialog.count_spin.setValue(2)
    assert dialog.start()  # tick 1: its send runs on a worker
    assert window.send_controller.sending.is_busy
    dialog.tick()  # tick 2, the last, while tick 1's send runs
    assert not dialog.timer.isActive()
    qtbot.waitUntil(lambda: window.store.counts()[State.SENT] == 2, timeout=20_000)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [0, 1]


def test_ticks_under_a_second_with_at_do_not_start(qtbot, window):
    window.connection.sandbox_check.setChecked(True)
    dialog = window.open_timed_send()
    dialog.streams_edit.setPlainText("temperature=21.5")
    dialog.every_spin.setValue(0.5)
    assert not dialog.start()  # each tick's at a second after the last would run ahead of the clock
    assert "seconds precision" in dialog.message_label.text() and window.model.rowCount() == 0
    dialog.at_check.setChecked(False)  # the platform stamps them
    dialog.every_spin.setValue(3600)
    with qtbot.waitSignal(window.sendFinished, timeout=20_000):
        assert dialog.start()
    assert window.model.rows()[0].point.at is None


def test_a_line_that_cannot_be_read_does_not_start(qtbot, window):
    dialog = window.open_timed_send()
    dialog.streams_edit.setPlainText("temperature=walk:25..20")
    assert not dialog.start()
    assert "low bound" in dialog.message_label.text() and not dialog.timer.isActive()
    assert window.model.rowCount() == 0


def test_a_tick_that_comes_while_a_send_runs_is_sent_when_that_send_ends(qtbot, make_window, sandbox, monkeypatch):
    """The send's outcome is shown when its result arrives; its run ends a moment later (the pool thread reports
    it). A tick in between found the window busy and waited for a sendFinished that had already been emitted: its
    datapoint stayed unsent until the next tick (in the tests: a 120 s wait for a send that never started)."""
    window = make_window(retry_policy=RetryPolicy(max_attempts=1))
    window.connection.sandbox_check.setChecked(True)
    dialog = window.open_timed_send()
    dialog.streams_edit.setPlainText("temperature=ramp:0..100")
    dialog.every_spin.setValue(3600)
    outlet = window.send_controller.sending._outlet
    emit, ended = outlet.emit, threading.Event()

    def end_when_told(name, *args):
        if name == "finished":
            ended.wait(60)  # the run reports its end only once the test has ticked again
        emit(name, *args)

    monkeypatch.setattr(outlet, "emit", end_when_told)
    try:
        with qtbot.waitSignal(window.sendFinished, timeout=20_000) as first:
            assert dialog.start()  # tick 1
            qtbot.waitUntil(lambda: window.response.errno_label.text() == "0", timeout=20_000)  # its outcome shown
            assert window.send_controller.sending.is_busy  # its run not ended yet
            dialog.tick()  # tick 2: the timer fires now
            ended.set()
    finally:
        ended.set()
    assert first.args == [True]
    qtbot.waitUntil(lambda: len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 2, timeout=20_000)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [0, 1]


def test_older_ticks_leave_the_table_once_stored_and_a_failed_ticks_rows_stay_until_sent(qtbot, make_window, sandbox):
    window = make_window(retry_policy=RetryPolicy(max_attempts=1))
    window.connection.sandbox_check.setChecked(True)
    dialog = window.open_timed_send()
    dialog.keep_ticks = 2
    dialog.streams_edit.setPlainText("temperature=ramp:0..100")  # tick k sends k - 1
    dialog.every_spin.setValue(3600)
    assert wait_send(qtbot, window, dialog, start=True)  # tick 1
    sandbox.fail_every = 2  # the 2nd upload (tick 2) is refused, nothing stored
    assert wait_send(qtbot, window, dialog) is False
    sandbox.fail_every = 0
    for _ in range(3):  # ticks 3-5; the 3rd tick's send carries tick 2's datapoint too
        assert wait_send(qtbot, window, dialog) is True
    table = [row.point.value for row in window.model.rows()]
    assert table == [3, 4]  # the last 2 ticks; the rest is stored, so it left the table
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [0, 1, 2, 3, 4]
    assert window.store.counts()[State.SENT] == 5  # on record (History) though no longer in the table

    sandbox.fail_every = 1  # every upload fails from now on
    for _ in range(3):  # ticks 6-8
        assert wait_send(qtbot, window, dialog) is False
    # none of ticks 6-8 was stored: all three stay, though tick 6 is older than the last 2 (tick 5 left)
    assert [row.point.value for row in window.model.rows()] == [5, 6, 7]
    assert window.store.counts()[State.UNSENT] + window.store.counts()[State.UNKNOWN] == 3
    sandbox.fail_every = 0
    assert wait_send(qtbot, window, dialog) is True  # tick 9 carries ticks 6-8 too
    assert [row.point.value for row in window.model.rows()] == [7, 8]
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == list(range(9))


def test_ticks_keep_nothing_per_tick_in_python(qtbot, make_window, sandbox):
    """Heap allocated by the window's code (any frame in gui/ui) after N more ticks vs after 2N: no per-tick growth.

    Measured with 3 streams: 8 KiB a tick when the thread pool kept every finished send's
    worker (with its plan and a snapshot of every row), 2.3 KiB a tick when every tick's rows
    stayed in the table; now about 7 KiB in all whether N is 15 or 30 (fixed costs).
    """
    window = make_window(retry_policy=RetryPolicy(max_attempts=1))
    window.connection.sandbox_check.setChecked(True)
    window.history.model.page_size = 5  # the History tab holds one page of requests: bounded, but 500 by default
    dialog = window.open_timed_send()
    dialog.keep_ticks = 3
    dialog.streams_edit.setPlainText("temp=walk:20..25\nhum=sine:40..60/60s\nmode=list:eco,boost")
    dialog.every_spin.setValue(3600)
    assert wait_send(qtbot, window, dialog, start=True)
    n = 20
    for _ in range(n):  # warm-up: the table and History reach their bounds
        assert wait_send(qtbot, window, dialog)
    traced = [tracemalloc.Filter(True, "*/gui/ui/*", all_frames=True)]
    earlier = {id(o) for o in gc.get_objects() if isinstance(o, Worker)}  # other tests' windows may hold some
    # 16 frames a traceback: every allocation kept by the window's code has a frame of gui/ui within its 11
    # innermost (measured over both snapshots with 30); each frame kept costs CPU on every allocation traced.
    tracemalloc.start(16)
    try:
        heap = []
        for _ in range(2):
            for _ in range(n):
                assert wait_send(qtbot, window, dialog)
            qtbot.waitUntil(lambda: not window.send_controller.sending.is_running)
            gc.collect()
            heap.append(sum(s.size for s in tracemalloc.take_snapshot().filter_traces(traced).statistics("filename")))
    finally:
        tracemalloc.stop()
    # fixed costs (caches, the last strings shown) are a few KiB at most; a row or a send kept is KiBs a tick
    assert heap[1] - heap[0] < n * 1024, f"{(heap[1] - heap[0]) / n:.0f} bytes a tick"
    assert window.model.rowCount() <= 3 * (dialog.keep_ticks + 1)
    assert not [o for o in gc.get_objects() if isinstance(o, Worker) and id(o) not in earlier]  # none kept alive


def test_a_send_leaves_nothing_for_the_collector(qtbot, make_window, sandbox):
    """Each send's snapshot of the table, plan and pipeline go when it ends, with the collector off.

    They were held in reference cycles (the send's worker and its closure, a pipeline run
    and its cancel check) that only a full collection frees, and none ran in 30 minutes of
    a send a second (benchmarks/bench_timed_send.py): rows that had left the table stayed.
    """
    from gui.data.pipeline import Pipeline
    from gui.ui.outgoing import Outgoing
    from gui.ui.send_worker import SendWorker

    window = make_window()
    window.connection.sandbox_check.setChecked(True)
    dialog = window.open_timed_send()
    dialog.keep_ticks = 1
    dialog.streams_edit.setPlainText("temperature=ramp:0..100")
    dialog.every_spin.setValue(3600)
    assert wait_send(qtbot, window, dialog, start=True)
    gc.collect()
    gc.disable()
    try:
        for _ in range(8):
            assert wait_send(qtbot, window, dialog)
        qtbot.waitUntil(lambda: not window.send_controller.sending.is_running)
        alive = Counter(type(o) for o in gc.get_objects() if isinstance(o, Outgoing | SendWorker | Pipeline))
    finally:
        gc.enable()
    assert alive == {Outgoing: 1}  # the preview's plan of the table as it is; no send's


def test_values_from_a_file_are_sent_in_turn_and_a_bad_line_is_named(
    qtbot, make_window, sandbox, tmp_path, monkeypatch
):
    window = make_window()
    window.connection.sandbox_check.setChecked(True)
    path = tmp_path / "boiler.txt"
    path.write_text("60.5\n61\n", encoding="utf-8")
    dialog = window.open_timed_send()
    dialog.streams_edit.clear()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.streams_edit.toPlainText() == f"boiler=file:{path}"
    dialog.every_spin.setValue(3600)
    dialog.count_spin.setValue(3)
    assert wait_send(qtbot, window, dialog, start=True)
    for _ in range(2):
        assert wait_send(qtbot, window, dialog)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "boiler")] == [60.5, 61, 60.5]  # wraps around

    dialog.stop()
    path.write_text("60.5\n61\nhot\n", encoding="utf-8")
    assert not dialog.start()
    assert "boiler.txt, line 3: 'hot' is not a number" in dialog.message_label.text()
    assert not dialog.timer.isActive() and len(sandbox.datapoints(DEFAULT_DEVICE_ID, "boiler")) == 3
