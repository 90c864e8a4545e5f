"""The upload loop driven through the window's widgets, against the sandbox over real HTTP."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QTimer
from PySide6.QtGui import QHelpEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

from gui.onenet.client import OneNetClient
from gui.onenet.readings import ValueKind, parse_value
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.colours import css
from gui.ui.rows import RowStatus

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_ROWS = [
    ("temperature", "bacd", (0, 35, 43)),
    ("temperature", "84", (0, 55, 43)),
    ("key", '{"x": 123, "y": 123.994}', (0, 35, 43)),
    ("key", "23.001", (0, 35, 43)),
]


def fill_form(qtbot, window, stream, value, hms=None, day=QDate(2013, 4, 22)):  # noqa: B008
    """Fill the add form like a user (at `hms` on `day`, or now), without pressing Enter."""
    editor = window.editor
    editor.stream_combo.setCurrentText("")
    qtbot.keyClicks(editor.stream_combo.lineEdit(), stream)
    if hms is None:
        editor.time_combo.setCurrentIndex(editor.TIME_NOW)
    else:
        editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
        editor.at_edit.setDateTime(QDateTime(day, QTime(*hms)))
    editor.value_edit.clear()
    qtbot.keyClicks(editor.value_edit, value)


def type_datapoint(qtbot, window, stream, value, hms=None):
    """Fill the add form like a user and press Enter in the value field."""
    fill_form(qtbot, window, stream, value, hms)
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)


def use_sandbox(window):
    window.connection.sandbox_check.setChecked(True)
    window.send_controller.refresh_preview()


def preview_body(window):
    window.send_controller.refresh_preview()
    return window.send_panel.preview.request_text.toPlainText().split("\n\n", 1)[1]


def send_and_wait(qtbot, window, confirm=False):
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
        if confirm:
            assert window.send_panel.confirm_bar.isVisible()
            qtbot.mouseClick(window.send_panel.send_anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not window.send_controller.sending.is_busy
    )  # the worker finished too: the window is idle again
    return blocker.args[0]


def test_seed_example_typed_in_previews_warns_sends_and_reads_back(qtbot, window, sandbox):
    use_sandbox(window)
    for stream, value, hms in SEED_ROWS:
        type_datapoint(qtbot, window, stream, value, hms)
    assert window.model.rowCount() == 4

    body = preview_body(window)
    seed = json.loads((FIXTURES / "seed_example_type1.json").read_text())
    sent = json.loads(body)
    assert sent == seed
    points = [p["value"] for s in sent["datastreams"] for p in s["datapoints"]]
    assert [type(v) for v in points] == [str, int, dict, float]
    assert body == json.dumps(seed, separators=(",", ":"))

    warnings = [window.editor.issues_list.item(i).text() for i in range(window.editor.issues_list.count())]
    assert len(warnings) == 1
    assert "'key'" in warnings[0] and "23.001" in warnings[0] and "2013-04-22T00:35:43" in warnings[0]

    assert send_and_wait(qtbot, window, confirm=True) is True
    assert window.response.errno_label.text() == "0"
    assert window.response.error_label.text() == "succ"
    assert window.response.http_label.text() == "200"
    assert [r.status for r in window.model.rows()] == [RowStatus.SENT] * 4
    assert set(window.plot.curves) == {"temperature", "key", "key.x", "key.y"}

    page = OneNetClient(sandbox.url, DEFAULT_DEVICE_ID, DEFAULT_API_KEY).read_datapoints(limit=100)
    temperature, key = page.readings.stream("temperature"), page.readings.stream("key")
    assert [p.value for p in temperature.datapoints] == ["bacd", 84]
    assert [p.value for p in key.datapoints] == [23.001]


def test_warning_bar_can_decline(qtbot, window, sandbox):
    use_sandbox(window)
    for stream, value, hms in SEED_ROWS:
        type_datapoint(qtbot, window, stream, value, hms)
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert window.send_panel.confirm_bar.isVisible()
    qtbot.mouseClick(window.send_panel.dont_send_button, Qt.MouseButton.LeftButton)
    assert not window.send_panel.confirm_bar.isVisible()
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []


def test_a_decimal_comma_among_numbers_asks_before_it_is_sent_as_text(qtbot, window, sandbox):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.4", (8, 0, 0))
    type_datapoint(qtbot, window, "temperature", "21,5", (8, 10, 0))
    kind = window.model.index(1, window.model.KIND)
    assert kind.data() == "text" and kind.data(Qt.ItemDataRole.ForegroundRole).color().name() == css("warning")
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert window.send_panel.confirm_bar.isVisible()
    issues = [window.editor.issues_list.item(i).text() for i in range(window.editor.issues_list.count())]
    assert any("'21,5' is text: did you mean 21.5?" in text for text in issues), issues
    qtbot.mouseClick(window.send_panel.dont_send_button, Qt.MouseButton.LeftButton)
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []


def test_wrong_api_key_shows_errno_3_and_keeps_readings(qtbot, window, sandbox):
    use_sandbox(window)
    window.connection.key_edit.setText("WRONG-KEY")
    type_datapoint(qtbot, window, "temperature", "21.5")
    assert send_and_wait(qtbot, window) is False
    assert window.response.errno_label.text() == "3"
    assert window.response.error_label.text() == "auth failed"
    assert "api-key is wrong" in window.response.outcome_label.text()
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []
    assert window.model.rowCount() == 1
    assert window.model.rows()[0].status is RowStatus.FAILED
    assert "21.5" in preview_body(window)  # still ready to send again


def test_closed_port_gives_a_clear_network_error(qtbot, window, closed_port):
    window.connection.endpoint_edit.setText(f"http://127.0.0.1:{closed_port}")
    window.connection.device_edit.setText("123")
    window.connection.key_edit.setText("k")
    type_datapoint(qtbot, window, "temperature", "21.5")
    assert send_and_wait(qtbot, window) is False
    assert "connection refused" in window.response.outcome_label.text()
    assert window.response.http_label.text() == "no answer"
    assert window.model.rowCount() == 1


@pytest.fixture
def ticks():
    """Heartbeats of the GUI thread, one every 20 ms while the test runs: the list grows while events flow."""
    beats: list[int] = []
    heartbeat = QTimer(interval=20)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    yield beats
    heartbeat.stop()


def test_slow_platform_keeps_the_window_alive_and_cancel_works(qtbot, window, sandbox, held_answers, ticks):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert window.send_panel.cancel_button.isEnabled() and window.send_panel.progress.isVisible()
    qtbot.waitUntil(lambda: held_answers.held == 1)  # stored by the platform, its answer not yet given
    ticks.clear()
    qtbot.waitUntil(lambda: len(ticks) >= 10)  # 10 heartbeats of the GUI thread while the send waits
    assert window.send_controller.sending.is_busy
    qtbot.mouseClick(window.send_panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.send_panel.cancel_button.isEnabled()
    assert not window.send_panel.send_button.isEnabled()  # idle again, but its only datapoint is still on the wire
    assert "being sent" in window.send_panel.send_button.toolTip()
    assert "Cancelled" in window.response.outcome_label.text()
    assert window.model.rows()[0].status is RowStatus.IN_FLIGHT  # on the wire: the answer is waited for
    held_answers.release(1)
    qtbot.waitUntil(lambda: not window.send_controller.is_working, timeout=10_000)
    assert window.model.rows()[0].status is RowStatus.SENT  # it was stored, and the table says so
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 1


def test_slow_send_finishes_while_events_flow(qtbot, window, sandbox, held_answers, ticks):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: held_answers.held == 1)
        ticks.clear()
        qtbot.waitUntil(lambda: len(ticks) >= 10)  # the GUI thread goes on while the answer is awaited
        assert window.send_controller.sending.is_busy
        held_answers.release(1)
    assert blocker.args == [True]
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 1


def test_api_key_is_masked_in_the_preview_unless_revealed(qtbot, window):
    window.connection.endpoint_edit.setText("https://onenet.invalid")  # previewed only; never a real host
    window.connection.device_edit.setText("4093215")
    window.connection.key_edit.setText("SECRET-KEY-42")
    type_datapoint(qtbot, window, "temperature", "1")
    window.send_controller.refresh_preview()
    assert "SECRET-KEY-42" not in window.send_panel.preview.request_text.toPlainText()
    assert "api-key: ••••••••" in window.send_panel.preview.request_text.toPlainText()
    assert window.connection.key_edit.echoMode() == window.connection.key_edit.EchoMode.Password
    qtbot.mouseClick(window.connection.reveal_button, Qt.MouseButton.LeftButton)
    window.send_controller.refresh_preview()
    assert "api-key: SECRET-KEY-42" in window.send_panel.preview.request_text.toPlainText()


def test_preview_shows_method_url_headers(qtbot, window):
    # A reserved name that can never resolve: previewed only, and nothing could reach a real host.
    window.connection.endpoint_edit.setText("https://onenet.invalid")
    window.connection.device_edit.setText("4093215")
    window.connection.key_edit.setText("k")
    type_datapoint(qtbot, window, "temperature", "1")
    window.send_controller.refresh_preview()
    head = window.send_panel.preview.request_text.toPlainText().split("\n\n")[0].splitlines()
    assert head[0] == "POST /devices/4093215/datapoints HTTP/1.1"
    assert "Host: onenet.invalid" in head
    assert "Content-Type: application/json" in head
    assert any(line.startswith("User-Agent: onenet-uploader/") for line in head)
    assert "bytes" in window.send_panel.summary_label.text()


@pytest.mark.parametrize(
    ("endpoint", "visible"),
    [("http://onenet.invalid", True), ("https://onenet.invalid", False), ("http://127.0.0.1:1", False)],
)
def test_cleartext_warning(window, endpoint, visible):
    window.show()
    window.connection.endpoint_edit.setText(endpoint)
    assert window.connection.cleartext_label.isVisible() is visible


def test_device_id_cannot_alter_the_path(qtbot, window):
    window.connection.endpoint_edit.setText("https://onenet.invalid")
    window.connection.device_edit.setText("1/../../x?type=5#")
    window.connection.key_edit.setText("k")
    type_datapoint(qtbot, window, "t", "1")
    window.send_controller.refresh_preview()
    first = window.send_panel.preview.request_text.toPlainText().splitlines()[0]
    assert first == "POST /devices/1%2F..%2F..%2Fx%3Ftype%3D5%23/datapoints HTTP/1.1"


def test_an_endpoint_typed_after_the_default_is_refused_with_the_reason(qtbot, window):
    window.connection.endpoint_edit.setText("https://onenet.invalid")  # reserved: never resolves
    window.connection.endpoint_edit.end(False)
    qtbot.keyClicks(window.connection.endpoint_edit, "http://127.0.0.1:60805")  # typed without clearing the field first
    window.connection.device_edit.setText("4093215")
    window.connection.key_edit.setText("k")
    type_datapoint(qtbot, window, "t", "1")
    window.send_controller.refresh_preview()
    assert "two pasted together" in window.send_panel.preview.request_text.toPlainText()
    assert "POST //" not in window.send_panel.preview.request_text.toPlainText()


def test_json_is_checked_as_you_type(qtbot, window):
    window.editor.kind_combo.setCurrentIndex(window.editor.kind_combo.findData(window.editor.kind_combo.itemData(3)))
    qtbot.keyClicks(window.editor.value_edit, '{"x": ')
    assert not window.editor.add_button.isEnabled()
    assert window.editor.value_message.text() == "Not valid JSON: Expecting value (line 1, column 7)"  # as in Auto
    qtbot.keyClicks(window.editor.value_edit, "1}")
    assert window.editor.add_button.isEnabled()


def test_invalid_value_is_refused_and_nothing_typed_is_lost(qtbot, window):
    window.editor.kind_combo.setCurrentIndex(1)  # Number
    window.editor.stream_combo.setCurrentText("t")
    qtbot.keyClicks(window.editor.value_edit, "12,5")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    assert window.model.rowCount() == 0
    assert window.editor.value_edit.text() == "12,5"
    assert "not a number" in window.editor.value_message.text()


def test_bad_edit_in_the_table_keeps_the_old_value(qtbot, window):
    window.editor.kind_combo.setCurrentIndex(1)  # Number
    type_datapoint(qtbot, window, "t", "12.5")
    model = window.model
    index = model.index(0, model.VALUE)
    with qtbot.waitSignal(model.editRejected):
        assert model.setData(index, "twelve") is False
    assert model.data(index) == "12.5"
    assert "not changed" in window.statusBar().currentMessage()


def test_settings_are_remembered_and_the_key_goes_to_the_keyring(qtbot, make_window, memory_keyring, settings_path):
    first = make_window()
    first.connection.endpoint_edit.setText(
        "https://onenet.invalid"
    )  # reserved (RFC 6761): never resolves, never retried
    first.connection.device_edit.setText("777")
    first.connection.key_edit.setText("THE-SECRET-KEY")
    first.editor.zone_combo.setCurrentText("Europe/Berlin")
    type_datapoint(qtbot, first, "humidity", "40")
    first.resize(900, 700)
    first.send_controller._start_send(
        first.send_controller.outgoing()
    )  # host not found is fine: only what is remembered counts
    qtbot.waitUntil(lambda: not first.send_controller.sending.is_busy, timeout=15_000)
    first.close()

    assert memory_keyring.passwords[("onenet-uploader", "777")] == "THE-SECRET-KEY"
    assert "THE-SECRET-KEY" not in Path(settings_path).read_text()

    second = make_window()
    assert second.connection.device_edit.text() == "777"
    assert second.connection.key_edit.text() == "THE-SECRET-KEY"
    assert second.editor.stream_combo.findText("humidity") >= 0
    assert second.settings.time_zone == "Asia/Shanghai"  # the fixture sets it again


def test_without_keyring_the_ui_says_session_only(make_window):
    from keyring.backends import fail

    from gui.data.secrets import SecretStore

    window = make_window(secrets=SecretStore(fail.Keyring()))
    assert "session only" in window.connection.keyring_label.text()


def test_times_are_typed_and_shown_in_the_chosen_zone(qtbot, window):
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    assert "Europe/Berlin" in window.model.headerData(1, Qt.Orientation.Horizontal)
    window.connection.endpoint_edit.setText("https://onenet.invalid")  # reserved: never resolves
    window.connection.device_edit.setText("1")
    window.connection.key_edit.setText("k")
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.setDateTime(QDateTime(QDate(2026, 11, 2), QTime(9, 0, 0)))
    window.editor.stream_combo.setCurrentText("t")
    qtbot.keyClicks(window.editor.value_edit, "1")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    assert '"at":"2026-11-02T16:00:00"' in preview_body(window)
    assert window.model.data(window.model.index(0, 1)) == "2026-11-02 09:00:00"


def tooltip_at(view, index):
    """The tooltip the view shows when the mouse rests on `index` (as a user would see it), then hidden again."""
    center = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, view.viewport().mapToGlobal(center))
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform, showing the tooltip
def test_editor_columns_fit_the_default_window_and_long_ids_elide_in_the_middle(qtbot, window):
    long_id = "bench_voltage_channel_a_of_the_second_rack_in_lab_three"
    type_datapoint(qtbot, window, "bench_voltage_channel_a", "12.5", (0, 35, 43))
    type_datapoint(qtbot, window, long_id, "12.75", (0, 35, 44))
    table, model = window.editor.table, window.model
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())  # every column in view: no scrollbar
    assert header.sectionViewportPosition(model.STATUS) + header.sectionSize(model.STATUS) <= table.viewport().width()

    metrics = table.fontMetrics()
    for column in (model.STREAM, model.AT, model.VALUE, model.KIND, model.STATUS):
        text = model.index(0, column).data()
        assert metrics.horizontalAdvance(text) < header.sectionSize(column) - 8, (column, text)
    assert tooltip_at(table, model.index(0, model.STREAM)) == ""  # shown whole: no tooltip needed

    long_index = model.index(1, model.STREAM)
    assert metrics.horizontalAdvance(long_id) > header.sectionSize(model.STREAM)
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(model.STREAM).initStyleOption(option, long_index)
    assert option.textElideMode is Qt.TextElideMode.ElideMiddle  # "bench_volt…lab_three": both ends tell ids apart
    assert tooltip_at(table, long_index) == long_id
    assert "UTC+8" in tooltip_at(table, model.index(1, model.AT))  # the model's own tooltips stay


def test_send_is_disabled_with_the_reason_while_there_is_nothing_to_send(qtbot, window, sandbox):
    use_sandbox(window)
    window.send_controller.refresh_preview()
    assert "Nothing to send" in window.send_panel.preview.request_text.toPlainText()
    assert not window.send_panel.send_button.isEnabled() and not window.send_action.isEnabled()
    assert window.send_panel.send_button.toolTip() == "Nothing to send: add datapoints first."
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.send_controller.sending.is_busy
    assert window.statusBar().currentMessage() == ""  # Ctrl+Enter did nothing: no "cannot send" either

    type_datapoint(qtbot, window, "temperature", "21.5")
    window.send_controller.refresh_preview()
    assert window.send_panel.send_button.isEnabled() and window.send_action.isEnabled()
    assert "Ctrl+Enter" in window.send_panel.send_button.toolTip()
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: not window.send_controller.sending.is_busy)
    window.send_controller.refresh_preview()
    assert not window.send_panel.send_button.isEnabled()  # all sent: nothing left, and the tooltip says what to do
    assert window.send_panel.send_button.toolTip().startswith("Nothing to send: every datapoint in the table is sent")
    assert "Edit menu" in window.send_panel.send_button.toolTip()

    window.resend_action.trigger()  # marked unsent: Send comes back
    window.send_controller.refresh_preview()
    assert window.send_panel.send_button.isEnabled()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("84", "Read as a number"),
        ("23.001", "Read as a number"),
        ('{"x": 1}', "Read as a JSON object"),
        ("open", "Read as text"),
        ("150,2", "Read as text — did you mean 150.2? A number takes a decimal point, not a comma."),
        ("12.5 V", "Read as text — did you mean 12.5? 'V' after the number makes it text."),
        ("12.0x", "Read as text — did you mean 12.0? 'x' after the number makes it text."),
        (
            "1,000",
            "Read as text — did you mean 1.000 or 1000? A number takes a decimal point and no thousands separators.",
        ),
        # A Chinese input method in full-width mode: the number meant, said with the number sent.
        ("２１．５", "Read as the number 21.5 (full-width characters read as half-width)"),
        ("２１，５", "Read as text — did you mean 21.5? A number takes a decimal point, not a comma."),
    ],
)
def test_auto_says_in_words_how_the_value_is_read_and_hints_at_a_mistyped_number(qtbot, window, typed, message):
    window.editor.stream_combo.setCurrentText("bench_voltage")
    if typed.isascii():
        qtbot.keyClicks(window.editor.value_edit, typed)
    else:  # as an input method delivers it: committed text (QTest types Latin-1 keys only)
        event = QInputMethodEvent()
        event.setCommitString(typed)
        QApplication.sendEvent(window.editor.value_edit, event)
    assert window.editor.value_message.isVisible() and window.editor.value_message.text() == message
    hinted = "did you mean" in message
    assert (css("warning") in window.editor.value_message.styleSheet()) is hinted  # a hint stands out, the rest is grey
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    (row,) = window.model.rows()
    assert row.point.value == parse_value(typed)  # added as Auto reads it: a hint never changes the value
    if hinted:
        assert window.model.index(0, window.model.KIND).data() == "text"


def test_number_kind_refuses_a_mistyped_number_and_says_which_was_meant(qtbot, window):
    window.editor.kind_combo.setCurrentIndex(window.editor.kind_combo.findData(ValueKind.NUMBER))
    qtbot.keyClicks(window.editor.value_edit, "150,2")
    assert not window.editor.add_button.isEnabled()
    assert window.editor.value_message.text() == "'150,2' is not a number — did you mean 150.2?"


def test_the_preview_says_the_body_carries_at_in_platform_time(qtbot, window):
    use_sandbox(window)
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.setDateTime(
        QDateTime(QDate(2025, 3, 1), QTime(23, 30, 0))
    )  # 1 March in Berlin, 2 March in UTC+8
    window.editor.stream_combo.setCurrentText("t")
    qtbot.keyClicks(window.editor.value_edit, "1")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    assert window.model.index(0, window.model.AT).data() == "2025-03-01 23:30:00"
    header_tip = window.model.headerData(window.model.AT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header_tip == "Shown and typed in Europe/Berlin; sent in platform time (UTC+8)"
    assert '"at":"2025-03-02T06:30:00"' in preview_body(window)
    note = window.send_panel.preview.at_note_label
    assert note.isVisible()
    assert note.text() == (
        "at in the body is platform time (UTC+8): 2025-03-01 23:30:00 in Europe/Berlin is sent as 2025-03-02T06:30:00."
    )

    window.editor.zone_combo.setCurrentText("Asia/Shanghai")
    window.send_controller.refresh_preview()
    assert note.text() == "at in the body is platform time (UTC+8), as the table shows it."

    window.send_panel.options_bar.format_combo.setCurrentIndex(
        window.send_panel.options_bar.format_combo.findData(3)
    )  # no at in type 3
    window.send_controller.refresh_preview()
    assert not note.isVisible()


def test_a_whole_time_typed_over_the_at_field_is_read_exactly(qtbot, window):
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.line.selectAll()
    qtbot.keyClicks(window.editor.at_edit.line, "2024-05-14 08:10:00")  # a QDateTimeEdit made this 2026-05-14 08:31:10
    window.editor.stream_combo.setCurrentText("t")
    qtbot.keyClicks(window.editor.value_edit, "1")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    [row] = window.model.rows()
    assert row.point.at == datetime(2024, 5, 14, 8, 10, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_an_at_that_is_not_a_time_is_refused_and_nothing_is_added(qtbot, window):
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.line.setText("2024-13-01 08:00:00")
    assert "“2024-13-01 08:00:00” is not a valid date" in window.editor.at_edit.line.toolTip()  # month 13: why
    window.editor.stream_combo.setCurrentText("t")
    qtbot.keyClicks(window.editor.value_edit, "1")
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)
    assert window.model.rowCount() == 0
    assert "The at cannot be read" in window.statusBar().currentMessage()
    assert window.editor.value_edit.text() == "1"  # what was typed stays


def test_the_calendar_sets_the_date_and_keeps_the_time(qtbot, window):
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_CHOSEN)
    window.editor.at_edit.line.setText("2026-11-02 08:30:15")
    window.editor.at_edit.calendar.clicked.emit(QDate(2026, 10, 31))  # a click on 31 October
    assert window.editor.at_edit.line.text() == "2026-10-31 08:30:15"
