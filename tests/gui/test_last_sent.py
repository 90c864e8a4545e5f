"""The last sent request stays viewable, answers show their headers, nothing stale looks current (issue 13, Why 8)."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.data.outbox import RequestOptions
from gui.sandbox import DEFAULT_API_KEY

from .test_main_window import send_and_wait, type_datapoint, use_sandbox


def test_after_send_the_last_request_its_answer_and_headers_stay_viewable(qtbot, window, sandbox):
    use_sandbox(window)
    window.send_panel.options_bar.set_options(RequestOptions(max_points=1))
    type_datapoint(qtbot, window, "temperature", "21.5")
    type_datapoint(qtbot, window, "humidity", "40")
    assert send_and_wait(qtbot, window) is True

    preview = window.send_panel.preview
    qtbot.waitUntil(lambda: "Nothing to send" in preview.request_text.toPlainText())  # planned again on a worker
    assert preview.tabs.currentWidget() is preview.last_sent_text
    text = preview.last_sent_text.toPlainText()
    assert text.startswith("Last sent: request 2 of 2 · errno 0\n")
    assert "POST /devices/4093215/datapoints HTTP/1.1" in text
    assert '{"datastreams":[{"id":"humidity","datapoints":[{"at":' in text  # the exact bytes of request 2
    assert DEFAULT_API_KEY not in text and "api-key: ••••" in text
    assert "Answer: HTTP 200" in text and "Content-Type: application/json" in text
    assert text.rstrip().endswith('{"errno":0,"error":"succ"}')
    headers = window.response.headers_text.toPlainText()  # the Response tab shows them too
    assert "Content-Type: application/json" in headers and "Content-Length:" in headers


def test_a_new_send_never_shows_the_previous_result_as_current(qtbot, window, held_answers):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    held_answers.release(1)  # the first send is answered at once
    assert send_and_wait(qtbot, window) is True
    assert window.response.outcome_label.text().startswith("✔ Stored")

    type_datapoint(qtbot, window, "humidity", "40")
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: held_answers.held == 1)  # on the wire, its answer held: what the panels show meanwhile
    response, preview = window.response, window.send_panel.preview
    assert response.outcome_label.text().startswith("Sending 1 datapoint in 1 request to http://127.0.0.1:")
    assert (response.errno_label.text(), response.http_label.text()) == ("–", "–")
    assert response.raw_response.toPlainText() == response.headers_text.toPlainText() == ""
    assert "errno 0" not in preview.last_sent_text.toPlainText()
    held_answers.release(1)
    qtbot.waitUntil(lambda: not window.send_controller.sending.is_busy, timeout=10_000)
    assert response.outcome_label.text().startswith("✔ Stored")


def test_verify_results_go_with_clear_all(qtbot, window, sandbox):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    assert send_and_wait(qtbot, window) is True
    with qtbot.waitSignal(window.verify_panel.finished, timeout=10_000):
        qtbot.mouseClick(window.response.verify_button, Qt.MouseButton.LeftButton)
    assert window.verify_panel.model.rowCount() == 1

    def confirm():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, confirm)
            return
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, confirm)
    window.clear_action.trigger()
    assert window.model.rowCount() == 0
    assert window.verify_panel.model.rowCount() == 0 and window.verify_panel.report is None
    assert window.verify_panel.counts_label.text() == ""
