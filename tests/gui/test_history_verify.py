"""History's Verify selected never does nothing: what it cannot verify, it says why (issue 13, Why 6)."""

from PySide6.QtCore import Qt

from .test_history import select_row
from .test_main_window import send_and_wait, type_datapoint, use_sandbox
from .test_targets import REAL_DEVICE, REAL_KEY, real_platform, type_connection  # noqa: F401  (a fixture)


def open_history(qtbot, window, requests):
    window.result_tabs.setCurrentWidget(window.history)
    window.history.refresh()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == requests)
    return window.history


def test_verify_selected_of_requests_never_stored_says_why(qtbot, window, closed_port):
    type_connection(qtbot, window, f"http://127.0.0.1:{closed_port}", "42", "KEY")
    type_datapoint(qtbot, window, "temp", "21.5")
    assert send_and_wait(qtbot, window) is False  # connection refused: never stored
    panel = open_history(qtbot, window, 4)  # every attempt is an entry
    select_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_label.isVisible()
    assert "none of the 1 selected attempts was stored (errno 0)" in panel.verify_label.text()
    assert window.result_tabs.currentWidget() is panel  # said where the user looks, not in another tab

    select_row(qtbot, panel, 1)  # another selection: the old explanation goes
    assert not panel.verify_label.isVisible()


def test_verify_selected_of_several_targets_says_why(qtbot, window, sandbox, real_platform):  # noqa: F811
    type_connection(qtbot, window, real_platform.url, REAL_DEVICE, REAL_KEY)
    type_datapoint(qtbot, window, "temp", "21.5")
    assert send_and_wait(qtbot, window) is True
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "22.5")
    assert send_and_wait(qtbot, window) is True
    panel = open_history(qtbot, window, 2)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(panel.selected_summaries()) == 2
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_label.isVisible()
    text = panel.verify_label.text()
    assert "went to 2 targets" in text and f"device {REAL_DEVICE} at {real_platform.url}" in text
    assert window.result_tabs.currentWidget() is panel
