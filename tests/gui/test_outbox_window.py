"""The window on the outbox store: crash recovery of edits, unknown outcomes, cancel, a busy outbox, no leaked key."""

import logging
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer

from gui.data.logs import close_logging, setup_logging
from gui.data.pipeline import RetryPolicy
from gui.data.store import State
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row, RowStatus

from .test_main_window import send_and_wait, type_datapoint, use_sandbox

BASE = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def timed(n, stream="t"):
    return [Row(stream, Datapoint(float(i), BASE + timedelta(seconds=i))) for i in range(n)]


def shown(window):
    """What the table holds, without ids: (stream, value, at, kind, status) per row."""
    return [(r.stream_id, r.point.value, r.point.at, r.kind, r.status) for r in window.model.rows()]


def test_rows_typed_edited_and_removed_are_back_in_a_new_window_without_sending(qtbot, make_window, store_path):
    first = make_window()
    type_datapoint(qtbot, first, "temperature", "21.5")
    type_datapoint(qtbot, first, "temperature", "22.0", (8, 0, 0))
    type_datapoint(qtbot, first, "note", "door open")
    type_datapoint(qtbot, first, "gone", "1")
    first.model.setData(first.model.index(1, DatapointsModel.VALUE), "23.25")
    first.editor.table.selectRow(3)
    first.editor.remove_selected()
    before = shown(first)
    assert [row[1] for row in before] == [21.5, 23.25, "door open"]
    first.deleteLater()  # no close, no send: the edits must already be on disk

    second = make_window()
    assert shown(second) == before
    assert all(r.id is not None for r in second.model.rows())
    assert second.store.counts()[State.DRAFT] == 3


def test_add_rows_is_one_transaction_and_rows_keep_their_ids(make_window):
    window = make_window()
    first = window.add_rows(timed(1000))
    assert first == 0 and window.model.rowCount() == 1000
    ids = [r.id for r in window.model.rows()]
    assert ids == list(range(ids[0], ids[0] + 1000))
    assert window.store.counts()[State.DRAFT] == 1000


def test_timeout_gives_an_unknown_outcome_and_a_resend_stores_once(qtbot, window, sandbox):
    sandbox.delay = 60  # longer than any wait below: each attempt ends by the client's timeout
    window.send_controller.client_timeout = 0.5
    window.send_controller.retry_policy = RetryPolicy(max_attempts=2, backoff_s=0.05, jitter=0.0)
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")  # "Now": an explicit at
    busy_ticks = []  # heartbeats of the GUI thread during the send (how long its stalls are: benchmarks/)
    heartbeat = QTimer(interval=20)
    heartbeat.timeout.connect(lambda: busy_ticks.append(1) if window.send_controller.sending.is_busy else None)
    heartbeat.start()
    assert send_and_wait(qtbot, window) is False
    heartbeat.stop()
    assert len(busy_ticks) >= 3, "the GUI thread handled no events while the send waited for its answers"

    assert window.model.rows()[0].status is RowStatus.UNKNOWN
    assert window.model.index(0, DatapointsModel.STATUS).data() == "unknown, safe to resend"
    assert "no clear answer" in window.response.outcome_label.text()
    assert "Sending them again is safe" in window.response.outcome_label.text()
    assert window.store.counts()[State.UNKNOWN] == 1

    sandbox.delay = 0.0
    assert send_and_wait(qtbot, window) is True
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 1
    assert window.model.rows()[0].status is RowStatus.SENT


def test_unknown_rows_without_at_are_held_back_until_the_user_accepts_duplicates(qtbot, window, sandbox):
    sandbox.delay = 2.0
    window.send_controller.client_timeout = 0.5
    use_sandbox(window)
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_NONE)
    assert window.editor.no_at_label.isVisible()  # the form says a resend may duplicate
    window.editor.stream_combo.setCurrentText("counter")
    window.editor.value_edit.setText("7")
    assert window.editor.add_datapoint()
    assert send_and_wait(qtbot, window) is False
    assert window.model.index(0, DatapointsModel.STATUS).data() == "unknown, may duplicate"
    assert "may store them twice" in window.response.outcome_label.text()

    sandbox.delay = 0.0
    qtbot.waitUntil(
        lambda: not window.send_controller.sending.is_busy
    )  # the send's worker has finished, not only answered
    window.send_controller.refresh_preview()
    assert (  # one datapoint: told in the singular (it read "1 datapoints got no clear answer")
        "1 datapoint got no clear answer and has no at: sending it again may store it twice. Press Send to choose"
        in window.send_panel.summary_label.text()
    )
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert window.send_panel.confirm_bar.isVisible() and "may &duplicate" in window.send_panel.send_anyway_button.text()
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.send_panel.send_anyway_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert window.model.rows()[0].status is RowStatus.SENT


def test_cancel_mid_send_keeps_the_unsent_rows_in_the_outbox(qtbot, make_window, sandbox, held_answers):
    window = make_window()
    use_sandbox(window)
    window.send_panel.options_bar.max_points_spin.setValue(10)
    window.add_rows(timed(40))  # 4 requests of 10
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    held_answers.release(1)
    qtbot.waitUntil(lambda: window.model.rows()[0].status is RowStatus.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: held_answers.held == 1)  # request 2 on the wire
    qtbot.mouseClick(window.send_panel.cancel_button, Qt.MouseButton.LeftButton)
    held_answers.release(1)  # request 2 finishes; 3 and 4 are not started
    qtbot.waitUntil(lambda: not window.send_controller.is_working, timeout=10_000)

    stored = len(sandbox.datapoints(DEFAULT_DEVICE_ID, "t"))
    counts = window.store.counts()
    assert stored == 20 and held_answers.uploads == 2
    assert counts[State.SENT] == stored
    assert counts[State.UNSENT] == 40 - stored and counts[State.IN_FLIGHT] == 0
    assert [r.status for r in window.model.rows()] == [RowStatus.SENT] * stored + [RowStatus.UNSENT] * (40 - stored)

    again = make_window()  # e.g. after a restart: the rest is still there, ready to send
    assert sum(r.status is RowStatus.UNSENT for r in again.model.rows()) == 40 - stored
    held_answers.stop()
    use_sandbox(again)
    assert send_and_wait(qtbot, again) is True
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "t")) == 40


def test_a_send_lock_held_elsewhere_says_another_send_is_running(qtbot, window, sandbox):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    with window.store.send_lock():  # as `onenet-uploader outbox send` holds it
        assert send_and_wait(qtbot, window) is False
    assert "Another send from this outbox is running" in window.response.outcome_label.text()
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []
    assert window.model.rows()[0].status is RowStatus.UNSENT
    assert send_and_wait(qtbot, window) is True


def test_the_api_key_is_nowhere_on_disk_or_in_the_logs_after_a_session(
    qtbot, make_window, sandbox, tmp_path, memory_keyring, caplog, capsys
):
    key = "RECOGNISABLE-KEY-7f3e9a1c"
    sandbox.add_device("5550001", key)
    setup_logging(tmp_path / "log", debug=True)
    caplog.set_level(logging.DEBUG, logger="gui")
    try:
        window = make_window()
        window.connection.endpoint_edit.setText(sandbox.url)
        window.connection.device_edit.setText("5550001")
        window.connection.key_edit.setText(key)
        type_datapoint(qtbot, window, "temperature", "21.5")
        assert send_and_wait(qtbot, window) is True
        window.connection.key_edit.setText(key + "-wrong")  # a refused request is logged with its error too
        type_datapoint(qtbot, window, "temperature", "22.5")
        assert send_and_wait(qtbot, window) is False
        window.close()
    finally:
        close_logging()
    assert (tmp_path / "log" / "onenet-uploader.log").stat().st_size > 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "outbox.sqlite3" for p in files) and any(p.name == "settings.ini" for p in files)
    for path in files:
        assert key.encode() not in path.read_bytes(), f"the api-key leaked into {path}"
    assert key not in caplog.text
    out = capsys.readouterr()
    assert key not in out.out and key not in out.err
    assert memory_keyring.passwords  # where it belongs


def test_rows_queued_headless_for_another_device_stay_out_of_the_window(qtbot, make_window, store_path, sandbox):
    from gui.data.store import NewRow, Store

    with Store(store_path) as store:  # as `send … --device 999` leaves them when the platform refused them
        queued = store.add(
            [NewRow("t", Datapoint(i, BASE + timedelta(seconds=i))) for i in range(3)],
            state=State.UNSENT,
            endpoint=sandbox.url,
            device_id="999",
            in_editor=False,
        )
        store.set_state(queued, State.FAILED)
    window = make_window()
    use_sandbox(window)
    assert window.model.rowCount() == 0
    type_datapoint(qtbot, window, "own", "1")
    send_and_wait(qtbot, window)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "own")] == [1]
    assert sandbox.streams(DEFAULT_DEVICE_ID) == ["own"]
    rows = window.store.get(queued)
    assert {(r.device_id, r.state) for r in rows} == {("999", State.FAILED)}  # still for device 999
