"""A send failing inside the worker says so and marks nothing sent (issue 13, Why 9: reinstalled under the window)."""

import sys

from PySide6.QtCore import Qt

import gui.data.outbox
from gui.data.store import State
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.datapoints_model import DatapointsModel

from .test_main_window import type_datapoint, use_sandbox


def statuses(window):
    model = window.model
    return [model.index(r, DatapointsModel.STATUS).data() for r in range(model.rowCount())]


def test_a_module_gone_under_the_open_window_fails_the_send_visibly_and_marks_nothing_sent(
    qtbot, window, sandbox, monkeypatch
):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    type_datapoint(qtbot, window, "humidity", "40")

    # The package was reinstalled under the open window: planning on the worker, and the modules the window
    # has not loaded yet, raise ModuleNotFoundError.
    def gone(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'gui.onenet.split'")

    monkeypatch.setattr(gui.data.outbox, "requests_of", gone)
    monkeypatch.setitem(sys.modules, "gui.ui.send_messages", None)
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as finished:
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.send_controller.sending.is_busy)

    assert finished.args == [False]
    assert statuses(window) == ["not sent", "not sent"]
    assert State.SENT not in {row.state for row in window.store.editor_rows()}
    assert (
        sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature") == sandbox.datapoints(DEFAULT_DEVICE_ID, "humidity") == []
    )
    message = window.statusBar().currentMessage()
    assert "Sending" not in message
    assert "ModuleNotFoundError: No module named 'gui.onenet.split'" in message
    assert "restart" in window.response.outcome_label.text()
    assert window.send_panel.send_button.isEnabled() and not window.send_panel.progress.isVisible()
