"""Tester fresh7, item 11: a device id typed in full-width digits (an input method's `４０９３２１５`) was sent
percent-encoded and answered "auth failed" with the hint "the api-key is wrong". The field reads it as ASCII and
says so under it; an id that is still not ASCII is refused with why before anything is sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from .layout import layout_problems
from .test_layout import check
from .test_main_window import send_and_wait, type_datapoint
from .test_targets import REAL_DEVICE, REAL_KEY, real_platform, stored  # noqa: F401 (a fixture)


def type_connection(qtbot, window, endpoint, device, key):
    """Type the connection; the device id as an input method commits it (QTest types Latin-1 keys only)."""
    connection = window.connection
    connection.endpoint_edit.selectAll()
    qtbot.keyClicks(connection.endpoint_edit, endpoint)
    qtbot.keyClick(connection.endpoint_edit, Qt.Key.Key_Return)
    connection.device_edit.setFocus()
    connection.device_edit.selectAll()
    committed = QInputMethodEvent()
    committed.setCommitString(device)
    QApplication.sendEvent(connection.device_edit, committed)
    qtbot.keyClick(connection.device_edit, Qt.Key.Key_Return)  # leaves the field as far as editingFinished goes
    connection.key_edit.selectAll()
    qtbot.keyClicks(connection.key_edit, key)


def test_full_width_digits_are_read_as_the_device_id_said_under_it_and_sent_there(qtbot, window, real_platform):  # noqa: F811
    type_connection(qtbot, window, real_platform.url, "５５５０００１", REAL_KEY)
    connection = window.connection
    assert connection.device_edit.text() == REAL_DEVICE == "5550001"
    note = connection.device_field.note
    assert note.isVisible() and note.text() == "Read as 5550001: full-width digits are sent as ASCII digits."
    assert not check(qtbot, window, "device note"), layout_problems(window)
    type_datapoint(qtbot, window, "probe", "1")
    assert send_and_wait(qtbot, window)
    assert stored(real_platform, REAL_DEVICE, "probe") == [1]
    qtbot.keyClicks(connection.device_edit, "2")  # typed on: the note was about the text before
    assert note.isHidden()


def test_a_device_id_that_is_not_ascii_is_refused_with_why_before_anything_is_sent(qtbot, window, real_platform):  # noqa: F811
    type_connection(qtbot, window, real_platform.url, "设备1", REAL_KEY)
    connection = window.connection
    note = connection.device_field.note
    assert connection.device_edit.text() == "设备1"  # kept as typed
    assert note.isVisible() and "device id 设备1 has '设': a device id is the device's number" in note.text()
    assert connection.current_target() is None
    client, why = connection.make_client()
    assert client is None and "device id 设备1 has '设'" in why
    assert real_platform.upload_count == 0
