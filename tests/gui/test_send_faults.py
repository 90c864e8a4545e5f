"""Send faults through the window's widgets against the real sandbox over loopback HTTP: nothing lost, nothing leaked.

Each test checks what the user reads (outcome, status bar, table, History tab), what the
outbox on disk says and what the sandbox stored, and that the GUI thread kept turning
while the pipeline waited to retry (a 20 ms QTimer's ticks counted while the status bar
announced the retry: a count of events, not a duration).
"""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer

from gui.data.pipeline import RetryPolicy
from gui.data.store import AttemptOutcome, RequestOutcome, State
from gui.onenet.readings import PLATFORM_TZ, Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.history import HistoryModel
from gui.ui.rows import RowStatus

from .test_main_window import send_and_wait, type_datapoint, use_sandbox

#: Waits long enough (0.4 s, then 0.8 s) for a 20 ms heartbeat to tick dozens of times between attempts.
SLOW_RETRIES = RetryPolicy(max_attempts=3, backoff_s=0.4, backoff_max_s=0.8, jitter=0.0, max_total_s=20.0)
#: Heartbeats that must have come while the window announced a retry ("trying again in …").
#: About 60 are expected in the 1.2 s of SLOW_RETRIES' waits; far fewer means the GUI thread stalled.
MIN_TICKS_WHILE_WAITING = 10
#: Typed at these times (2013-04-22, in the window's zone: Asia/Shanghai, i.e. platform time).
TIMES = [(8, 0, 0), (8, 0, 1), (8, 0, 2), (8, 0, 3)]


class Heartbeat:
    """A 20 ms timer on the GUI thread; every tick records the status bar's message at that moment."""

    def __init__(self, window):
        self.messages: list[str] = []
        self._timer = QTimer(window, interval=20)
        self._timer.timeout.connect(lambda: self.messages.append(window.statusBar().currentMessage()))

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc_info):
        self._timer.stop()

    def ticks_while(self, text: str) -> int:
        """How many ticks came while the status bar said `text`."""
        return sum(text in message for message in self.messages)


def at(hms):
    return datetime(2013, 4, 22, *hms, tzinfo=PLATFORM_TZ)


def type_readings(qtbot, window, stream="temperature", values=("21.5", "21.75", "22.0", "22.25")):
    """Type one datapoint per value at TIMES[i], like a user; returns what the sandbox should end up holding."""
    for value, hms in zip(values, TIMES, strict=False):
        type_datapoint(qtbot, window, stream, value, hms)
    return [Datapoint(float(v), at(hms)) for v, hms in zip(values, TIMES, strict=False)]


def statuses(window):
    return [row.status for row in window.model.rows()]


def status_texts(window):
    model = window.model
    return [model.index(r, DatapointsModel.STATUS).data() for r in range(model.rowCount())]


def store_states(window):
    return [row.state for row in window.store.rows()]


def history_rows(window):
    """The History tab as the user reads it, newest first: (outcome, HTTP status) per attempt."""
    window.result_tabs.setCurrentWidget(window.history)
    model = window.history.model
    return [
        (model.index(r, HistoryModel.OUTCOME).data(), model.index(r, HistoryModel.HTTP).data())
        for r in range(model.rowCount())
    ]


def stored(sandbox, stream="temperature"):
    return [(p.value, p.at) for p in sandbox.datapoints(DEFAULT_DEVICE_ID, stream)]


def as_stored(points):
    return [(p.value, p.at) for p in points]


def assert_no_key_shown(window, key=DEFAULT_API_KEY):
    for text in (
        window.response.outcome_label.text(),
        window.response.raw_response.toPlainText(),
        window.statusBar().currentMessage(),
    ):
        assert key not in text


# -- (a) 429 with Retry-After, then success ------------------------------------------------------------


def test_429_with_retry_after_is_waited_out_and_retried_and_the_history_shows_every_attempt(qtbot, window, sandbox):
    sandbox.throttle_every = 2  # upload 2 (the second request) is throttled, its retry (upload 3) goes through
    sandbox.retry_after = "1"
    use_sandbox(window)
    window.send_panel.options_bar.max_points_spin.setValue(2)
    expected = type_readings(qtbot, window)

    with Heartbeat(window) as heartbeat:
        assert send_and_wait(qtbot, window) is True

    # The retry was announced for the request it concerns, in words, with the platform's wait.
    assert heartbeat.ticks_while("Request 2: too many requests") >= MIN_TICKS_WHILE_WAITING
    assert heartbeat.ticks_while("trying again in 1.0 s") >= MIN_TICKS_WHILE_WAITING
    assert heartbeat.ticks_while("Request 3") == 0
    assert sandbox.upload_count == 3
    assert stored(sandbox) == as_stored(expected)
    assert statuses(window) == [RowStatus.SENT] * 4
    assert status_texts(window) == ["sent"] * 4
    assert store_states(window) == [State.SENT] * 4
    assert window.response.outcome_label.text().startswith("✔ Stored: errno 0. 4 datapoints sent in 2 requests.")
    # The History tab: the second request's throttled attempt and its retry, then the first request.
    assert history_rows(window) == [("sent (#2)", "200"), ("failed", "429"), ("sent", "200")]
    throttled = window.history.model.summary(1)
    assert "too many requests" in throttled.error
    attempts = window.store.history(request_id=throttled.request_id)
    assert [(h.attempt.http_status, h.attempt.outcome) for h in attempts] == [
        (429, AttemptOutcome.FAILED),
        (200, AttemptOutcome.SENT),
    ]
    assert_no_key_shown(window)


# -- (b) an HTML page instead of OneNET's answer -------------------------------------------------------


def test_an_html_page_with_http_200_is_an_unknown_outcome_said_in_words_and_the_rows_stay(qtbot, window, sandbox):
    sandbox.html_every = 1  # a captive portal or proxy answers every upload with a sign-in page
    use_sandbox(window)
    type_readings(qtbot, window, values=("21.5", "22.0"))

    assert send_and_wait(qtbot, window) is False

    outcome = window.response.outcome_label.text()
    assert "no clear answer" in outcome and "web page, not OneNET JSON" in outcome
    assert "marked 'unknown'" in outcome and "Sending them again is safe" in outcome
    assert "marked 'failed' or 'not sent'" not in outcome  # they are not: they are 'unknown'
    assert window.response.http_label.text() == "200" and window.response.errno_label.text() == "–"
    assert window.response.raw_response.toPlainText().startswith("<!DOCTYPE html>")
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []
    assert sandbox.upload_count == 1  # the same page would come again: not retried
    assert status_texts(window) == ["unknown, safe to resend"] * 2
    assert store_states(window) == [State.UNKNOWN] * 2
    assert history_rows(window) == [("unknown", "200")]

    sandbox.html_every = 0  # the user signs in to the portal and presses Send again
    assert send_and_wait(qtbot, window) is True
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [21.5, 22.0]
    assert store_states(window) == [State.SENT] * 2
    assert_no_key_shown(window)


def test_an_html_503_page_from_a_proxy_is_retried_and_the_rows_stay_not_sent(qtbot, window, sandbox):
    sandbox.html_every = 1
    sandbox.html_status = 503  # "not handled"; a 502/504 may have been forwarded: unknown
    window.send_controller.retry_policy = SLOW_RETRIES
    use_sandbox(window)
    type_readings(qtbot, window, values=("21.5", "22.0"))

    with Heartbeat(window) as heartbeat:
        assert send_and_wait(qtbot, window) is False

    assert heartbeat.ticks_while("Request 1: server error: HTTP 503; trying again") >= MIN_TICKS_WHILE_WAITING
    outcome = window.response.outcome_label.text()
    assert outcome.startswith("✘ Request 1 of 1 not delivered: server error: HTTP 503 (gave up after 3 attempts)")
    assert "kept in the table, marked 'not sent'" in outcome
    assert window.response.http_label.text() == "503"
    assert sandbox.upload_count == 3 and sandbox.streams(DEFAULT_DEVICE_ID) == []
    assert status_texts(window) == ["not sent"] * 2
    assert store_states(window) == [State.UNSENT] * 2
    assert history_rows(window) == [("failed (#3)", "503"), ("failed (#2)", "503"), ("failed", "503")]


# -- (c) the connection cut off after the request went out ---------------------------------------------


def test_an_answer_cut_off_is_unknown_and_a_second_send_stores_each_datapoint_once(qtbot, window, sandbox):
    sandbox.drop_every = 1  # the sandbox stores every upload, then cuts its answer off mid-body
    window.send_controller.retry_policy = SLOW_RETRIES
    use_sandbox(window)
    expected = type_readings(qtbot, window)

    with Heartbeat(window) as heartbeat:
        assert send_and_wait(qtbot, window) is False

    # Explicit `at`: a copy cannot duplicate, so the pipeline itself tried again (and was cut off again).
    assert heartbeat.ticks_while("Request 1: ") >= MIN_TICKS_WHILE_WAITING
    assert heartbeat.ticks_while("cut off") >= MIN_TICKS_WHILE_WAITING
    assert sandbox.upload_count == 3
    outcome = window.response.outcome_label.text()
    assert outcome.startswith("? Request 1 of 1: no clear answer: the answer from 127.0.0.1:")
    assert "cut off" in outcome and "marked 'unknown'" in outcome and "Sending them again is safe" in outcome
    assert window.response.http_label.text() == "no answer"
    assert status_texts(window) == ["unknown, safe to resend"] * 4
    assert store_states(window) == [State.UNKNOWN] * 4
    assert stored(sandbox) == as_stored(expected)  # it did arrive: only the answer was lost
    assert history_rows(window) == [("unknown (#3)", ""), ("unknown (#2)", ""), ("unknown", "")]

    sandbox.drop_every = 0
    assert send_and_wait(qtbot, window) is True
    assert sandbox.upload_count == 4
    assert stored(sandbox) == as_stored(expected)  # resent, overwritten by equal `at`: each datapoint once
    assert statuses(window) == [RowStatus.SENT] * 4
    assert store_states(window) == [State.SENT] * 4
    assert [h.request_outcome for h in window.store.history(None)] == [RequestOutcome.SENT] + [
        RequestOutcome.UNKNOWN
    ] * 3
    assert_no_key_shown(window)


# -- (d), (e) no connection at all ---------------------------------------------------------------------


def closed_port() -> int:
    """A loopback port a sandbox listened on a moment ago and no longer does."""
    with Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}) as gone:
        port = gone.port
    return port


@pytest.mark.parametrize("fault", ["closed-port", "unresolvable-host"])
def test_no_connection_says_why_keeps_the_rows_not_sent_and_a_later_send_delivers_them(qtbot, window, sandbox, fault):
    if fault == "closed-port":
        port = closed_port()
        endpoint, why = f"http://127.0.0.1:{port}", f"connection refused by 127.0.0.1:{port}"
    else:  # the reserved TLD `.invalid` never resolves (RFC 6761)
        endpoint, why = "http://onenet-sandbox.invalid:8080", "host not found: onenet-sandbox.invalid"
    window.send_controller.retry_policy = SLOW_RETRIES
    window.connection.endpoint_edit.setText(endpoint)
    window.connection.device_edit.setText(DEFAULT_DEVICE_ID)
    window.connection.key_edit.setText(DEFAULT_API_KEY)
    expected = type_readings(qtbot, window, values=("21.5", "22.0"))

    with Heartbeat(window) as heartbeat:
        assert send_and_wait(qtbot, window) is False

    assert heartbeat.ticks_while(f"Request 1: {why}") >= MIN_TICKS_WHILE_WAITING
    outcome = window.response.outcome_label.text()
    assert outcome.startswith(f"✘ Request 1 of 1 not delivered: {why}")
    assert "(gave up after 3 attempts)" in outcome
    assert "kept in the table, marked 'not sent'" in outcome
    assert window.response.http_label.text() == "no answer"
    assert status_texts(window) == ["not sent"] * 2
    assert store_states(window) == [State.UNSENT] * 2
    assert history_rows(window) == [("failed (#3)", ""), ("failed (#2)", ""), ("failed", "")]
    assert_no_key_shown(window)

    use_sandbox(window)  # a server that answers: the same rows go there when moved, nothing was lost
    qtbot.waitUntil(window.connection.waiting_bar.isVisible)
    qtbot.mouseClick(window.connection.move_button, Qt.MouseButton.LeftButton)
    assert send_and_wait(qtbot, window) is True
    assert stored(sandbox) == as_stored(expected)
    assert store_states(window) == [State.SENT] * 2
