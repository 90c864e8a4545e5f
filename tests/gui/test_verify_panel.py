"""Verify on platform from the window: a worker with progress and Cancel, a checked table model, counts."""

import threading
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool

from gui.onenet.client import OneNetClient
from gui.onenet.examples import seed_example
from gui.onenet.formats import encode
from gui.onenet.readings import Datapoint, Readings, parse_at
from gui.onenet.verify import Check, Outcome, VerifyReport
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.colours import css
from gui.ui.verify_panel import VerifyModel, VerifyPanel

DEVICE = DEFAULT_DEVICE_ID
AT = parse_at("2013-04-22T00:35:43")


def send_seed(qtbot, window):
    window.connection.sandbox_check.setChecked(True)
    for stream_id, point in seed_example().pairs():
        window.model.append(stream_id, point)
    with qtbot.waitSignal(window.sendFinished, timeout=10_000) as blocker:
        window.send_controller.send()
        window.send_panel.send_anyway_button.click()
    assert blocker.args == [True]


def table_rows(panel):
    model = panel.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())] for row in range(model.rowCount())
    ]


def test_verify_model_passes_qtmodeltester(qtmodeltester):
    model = VerifyModel()
    model.set_report(
        VerifyReport(
            (
                Check("temperature", AT, 84, Outcome.FOUND, 84),
                Check("temperature", AT, 85, Outcome.MISSING, note="nothing read back at this at"),
                Check("key", AT, {"x": 1}, Outcome.OVERWRITTEN, note="replaced"),
                Check("key", AT, 23.001, Outcome.DIFFERENT, "23"),
                Check("level", None, 5, Outcome.UNVERIFIABLE, note="no at"),
            )
        )
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(4, VerifyModel.AT).data() == "(no at)"
    assert model.index(1, VerifyModel.PLATFORM).data() == "–"
    assert model.index(3, VerifyModel.OUTCOME).data(Qt.ItemDataRole.ForegroundRole).color().name() == css("error")


def test_verify_from_the_window_all_found_then_the_right_ones_missing_and_different(qtbot, window, sandbox):
    send_seed(qtbot, window)
    panel = window.verify_panel
    with qtbot.waitSignal(panel.finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.response.verify_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.ok
    assert window.result_tabs.currentWidget() is panel
    assert panel.summary_label.text() == "✔ All 3 checkable datapoints are on the platform as sent."
    assert "found 3 · missing 0 · different 0 · overwritten 1" in panel.counts_label.text()
    rows = table_rows(panel)
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("temperature", "2013-04-22 00:35:43", "found"),  # the window's zone is Asia/Shanghai (UTC+8)
        ("temperature", "2013-04-22 00:55:43", "found"),
        ("key", "2013-04-22 00:35:43", "overwritten"),
        ("key", "2013-04-22 00:35:43", "found"),
    ]
    assert rows[3][2:4] == ["23.001", "23.001"]

    sandbox.delete(DEVICE, "temperature", parse_at("2013-04-22T00:55:43"))
    sandbox.put(DEVICE, "key", Datapoint(23.5, AT))
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        window.verify_action.trigger()  # the Request menu's item
    assert panel.summary_label.text() == "✘ 1 missing and 1 different of 3 checkable datapoints."
    rows = table_rows(panel)
    assert [r[4] for r in rows] == ["found", "missing", "overwritten", "different"]
    assert rows[3][2:4] == ["23.001", "23.5"]

    panel.only_problems_check.setChecked(True)
    assert [(r[0], r[4]) for r in table_rows(panel)] == [("temperature", "missing"), ("key", "different")]
    panel.only_problems_check.setChecked(False)
    assert len(table_rows(panel)) == 4

    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    assert table_rows(panel)[0][1] == "2013-04-21 18:35:43"
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "at (Europe/Berlin)"


def test_verify_is_in_the_request_menu(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Request")
    assert window.verify_action in menu.actions()


def test_nothing_sent_nothing_to_verify(qtbot, window):
    window.connection.sandbox_check.setChecked(True)
    window.model.append("t", Datapoint(1, AT))
    qtbot.mouseClick(window.response.verify_button, Qt.MouseButton.LeftButton)
    assert not window.verify_panel.is_running
    assert "no datapoint in the table is marked sent" in window.verify_panel.summary_label.text()


def test_a_read_back_error_is_shown(qtbot, window):
    send_seed(qtbot, window)
    window.connection.key_edit.setText("WRONG")
    with qtbot.waitSignal(window.verify_panel.finished, timeout=10_000) as blocker:
        window.verify_on_platform()
    assert blocker.args == [None]
    assert "Could not read the platform back" in window.verify_panel.summary_label.text()
    assert "auth failed" in window.verify_panel.summary_label.text()
    assert window.verify_panel.run_button.isEnabled()


def test_progress_then_cancel_leaves_nothing_compared(qtbot, sandbox):
    pool = QThreadPool()
    panel = VerifyPanel(pool)
    qtbot.addWidget(panel)
    panel.show()
    client = OneNetClient(sandbox.url, DEVICE, DEFAULT_API_KEY)
    start = parse_at("2024-01-01T00:00:00")
    readings = Readings.from_pairs([("big", Datapoint(i, start + timedelta(seconds=i))) for i in range(13_000)])
    client.upload(encode(readings))

    seen = []

    def on_progress(progress):
        seen.append(progress)
        if len(seen) == 1:
            assert panel.progress.isVisible() and panel.cancel_button.isEnabled()
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    panel.progressed.connect(on_progress)
    with qtbot.waitSignal(panel.finished, timeout=10_000) as blocker:
        assert panel.start(client, readings)
    assert blocker.args == [None]
    assert pool.waitForDone(10_000)
    assert seen and seen[0].read_back == 6000
    assert panel.summary_label.text() == "Verification cancelled: nothing was compared."
    assert panel.model.rowCount() == 0 and panel.report is None
    assert not panel.progress.isVisible() and panel.run_button.isEnabled()
    QCoreApplication.sendPostedEvents()  # a result still queued after Cancel (the pool is done) changes nothing
    assert panel.model.rowCount() == 0


def test_finished_is_said_once_the_panel_can_verify_again(qtbot, sandbox, monkeypatch):
    """The outcome is shown when the run's result arrives; the run ends a moment later (the pool thread reports it).
    `finished` comes after that, so a listener may verify again at once (it was refused: "one already runs")."""
    pool = QThreadPool()
    panel = VerifyPanel(pool)
    qtbot.addWidget(panel)
    client = OneNetClient(sandbox.url, DEVICE, DEFAULT_API_KEY)
    readings = Readings.from_pairs([("t", Datapoint(1, AT))])
    client.upload(encode(readings))
    outlet = panel.task._outlet
    emit, ended = outlet.emit, threading.Event()

    def end_when_told(name, *args):
        if name == "finished":
            ended.wait(60)  # the run reports its end only once the test has looked
        emit(name, *args)

    monkeypatch.setattr(outlet, "emit", end_when_told)
    again = []
    panel.finished.connect(lambda report: again.append(panel.start(client, readings)) if not again else None)
    try:
        assert panel.start(client, readings)
        qtbot.waitUntil(lambda: panel.report is not None)  # the outcome is shown, the run not ended yet
        assert again == []
    finally:
        ended.set()
    qtbot.waitUntil(lambda: again == [True])
    qtbot.waitUntil(lambda: not panel.is_running)
    assert pool.waitForDone(10_000)
