"""Every row knows its target (issue 13, items 2 and 3): a sandbox row never reaches a real endpoint unless moved."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.data.target import SANDBOX_ENDPOINT
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.ui.datapoints_model import DatapointsModel

from .layout import layout_problems
from .test_main_window import send_and_wait, type_datapoint

REAL_DEVICE = "5550001"
REAL_KEY = "REAL-PLATFORM-KEY"


@pytest.fixture
def real_platform():
    """A second server standing for the real platform (loopback only), with its own device and key."""
    with Sandbox({REAL_DEVICE: REAL_KEY, DEFAULT_DEVICE_ID: DEFAULT_API_KEY}) as running:
        yield running


@pytest.fixture
def sandboxes():
    """A factory of embedded sandboxes, one per window as the app makes them (a new port each); stopped after."""
    made = []

    def make():
        made.append(Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}).start())
        return made[-1]

    yield make
    for running in made:
        running.stop()


def answer_waiting(qtbot, window, button):
    """Answer the connection's "datapoints waiting for another target" bar; returns what it said."""
    bar = window.connection.waiting_bar
    qtbot.waitUntil(bar.isVisible)
    said = window.connection.waiting_label.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return said


def type_connection(qtbot, window, endpoint, device, key):
    """Type the real connection as a user: each field, then Enter (which commits the target)."""
    connection = window.connection
    for edit, text in ((connection.endpoint_edit, endpoint), (connection.device_edit, device)):
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    connection.key_edit.selectAll()
    qtbot.keyClicks(connection.key_edit, key)


def stored(server, device, stream):
    return [point.value for point in server.datapoints(device, stream)]


def test_a_sandbox_reading_never_goes_to_the_real_endpoint_after_a_restart(
    qtbot, make_window, sandboxes, real_platform
):
    """Why 3: tick the sandbox, add a reading, quit; restart, enter the real endpoint, Send."""
    first = make_window(sandbox_factory=sandboxes)
    qtbot.mouseClick(first.connection.sandbox_check, Qt.MouseButton.LeftButton)
    type_datapoint(qtbot, first, "probe", "1")
    first.close()

    second = make_window(sandbox_factory=sandboxes)
    sandbox = second.connection.sandbox
    assert second.connection.sandbox_check.isChecked()  # remembered in a normal session
    qtbot.mouseClick(second.connection.sandbox_check, Qt.MouseButton.LeftButton)  # untick: back to the real fields
    type_connection(qtbot, second, real_platform.url, REAL_DEVICE, REAL_KEY)
    assert "1 datapoint not sent yet was made for" in answer_waiting(qtbot, second, second.connection.keep_button)
    assert not second.connection.waiting_bar.isVisible()
    second.send_controller.refresh_preview()

    # Nothing of the sandbox's goes out: Send is disabled and says why.
    assert not second.send_panel.send_button.isEnabled()
    # One target in the table: no Target column, so the text names their target itself.
    assert second.model.columnCount() == 5
    assert (
        f"1 datapoint waits for its target, {DEFAULT_DEVICE_ID} · sandbox." in second.send_panel.send_button.toolTip()
    )
    assert "Target column" not in second.send_panel.send_button.toolTip()
    type_datapoint(qtbot, second, "temperature", "21.5")
    model = second.model
    assert model.columnCount() == 6  # rows of two targets: the Target column shows
    targets = [model.index(r, DatapointsModel.TARGET).data() for r in range(model.rowCount())]
    assert targets == [f"{DEFAULT_DEVICE_ID} · sandbox", f"{REAL_DEVICE} · {real_platform.url}"]
    assert send_and_wait(qtbot, second)
    assert stored(real_platform, REAL_DEVICE, "temperature") == [21.5]
    assert stored(real_platform, REAL_DEVICE, "probe") == []
    assert stored(real_platform, DEFAULT_DEVICE_ID, "probe") == []
    statuses = [model.index(r, DatapointsModel.STATUS).data() for r in range(model.rowCount())]
    assert statuses == ["not sent", "sent"]

    # Back on the sandbox, its reading goes there (a new port: the row's target is "the sandbox", not a URL).
    qtbot.mouseClick(second.connection.sandbox_check, Qt.MouseButton.LeftButton)
    assert send_and_wait(qtbot, second)
    assert stored(sandbox, DEFAULT_DEVICE_ID, "probe") == [1]
    assert stored(real_platform, DEFAULT_DEVICE_ID, "probe") == []
    # The history keeps the URL each request went to; the rows keep "the sandbox" as their target.
    assert {e.endpoint for e in second.store.history()} == {sandbox.url, real_platform.url}
    assert {r.endpoint for r in second.store.editor_rows()} == {SANDBOX_ENDPOINT, real_platform.url}


def test_moving_waiting_rows_sends_them_to_the_new_target_only_when_the_user_says_so(
    qtbot, make_window, sandbox, real_platform
):
    window = make_window()
    qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)
    type_datapoint(qtbot, window, "probe", "7")
    qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)
    type_connection(qtbot, window, real_platform.url, REAL_DEVICE, REAL_KEY)
    # Until answered, the row waits for the sandbox: Send has nothing for this target.
    window.send_controller.refresh_preview()
    assert not window.send_panel.send_button.isEnabled()
    answer_waiting(qtbot, window, window.connection.move_button)
    assert window.model.columnCount() == 5  # one target only
    assert window.model.rows()[0].target.endpoint == real_platform.url
    assert send_and_wait(qtbot, window)
    assert stored(real_platform, REAL_DEVICE, "probe") == [7]
    assert stored(sandbox, DEFAULT_DEVICE_ID, "probe") == []


def answer_discard(qtbot, window, choice):
    """Press Discard on the waiting bar, then `choice` ("discard" or "cancel") in its question; returns the question."""
    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        asked.append(box.text())
        [discard] = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole]
        button = discard if choice == "discard" else box.button(QMessageBox.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    answer_waiting(qtbot, window, window.connection.discard_button)
    return asked[0]


def test_discarding_waiting_rows_asks_then_removes_them(qtbot, make_window, sandbox, real_platform):
    window = make_window()
    window.resize(QSize(1366, 768))
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 768))
    qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)
    type_datapoint(qtbot, window, "probe", "3")
    type_datapoint(qtbot, window, "probe", "4")
    editor_at = window.editor.mapTo(window, QPoint(0, 0))
    qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)
    type_connection(qtbot, window, real_platform.url, REAL_DEVICE, REAL_KEY)
    qtbot.waitUntil(window.connection.waiting_bar.isVisible)
    # The layouts typing left pending (the http warning shows while the address is half typed) run first.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.editor.mapTo(window, QPoint(0, 0)) == editor_at  # the question pushes nothing from under the pointer
    bar = window.connection.waiting_bar
    assert bar.parent() is window.editor.parent() and bar.geometry().bottom() == window.editor.geometry().bottom()
    for size in (QSize(1366, 768), QSize(1024, 700)):  # the question fits the small screens, nothing cut
        window.resize(size)
        qtbot.waitUntil(lambda size=size: window.size() == size)
        assert layout_problems(window) == []
    asked = answer_discard(qtbot, window, "cancel")
    assert asked.startswith(f"Discard 2 datapoints made for {DEFAULT_DEVICE_ID} · sandbox? They were never sent")
    assert window.model.rowCount() == 2  # cancelled: nothing discarded, the question still open
    assert window.connection.waiting_bar.isVisible()
    answer_discard(qtbot, window, "discard")
    assert window.model.rowCount() == 0
    assert window.store.editor_rows() == []
