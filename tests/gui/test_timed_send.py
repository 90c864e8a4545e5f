"""Request > Send on a timer…: ticks driven by calling the timer's slot; each tick through the outbox and a send."""

from __future__ import annotations

from gui.data.pipeline import RetryPolicy
from gui.data.store import State
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.datapoints_model import Row


def wait_send(qtbot, window, dialog) -> bool:
    """Tick once and wait for the send it starts; its outcome (True: errno 0)."""
    with qtbot.waitSignal(window.sendFinished, timeout=20_000) as finished:
        dialog.tick()
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

    with qtbot.waitSignal(window.sendFinished, timeout=20_000) as first:
        assert dialog.start()  # the first tick goes at once
    assert first.args == [True]
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


def test_a_line_that_cannot_be_read_does_not_start(qtbot, window):
    dialog = window.open_timed_send()
    dialog.streams_edit.setPlainText("temperature=walk:25..20")
    assert not dialog.start()
    assert "low bound" in dialog.message_label.text() and not dialog.timer.isActive()
    assert window.model.rowCount() == 0
