"""Compare with my device: a firmware's captured request beside the editor's request for the same readings."""

from __future__ import annotations

from datetime import datetime

import pytest

from gui.onenet.client import MASK
from gui.onenet.readings import PLATFORM_TZ, Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.colours import css
from gui.ui.compare_dialog import RequestSide, escaped_lines
from gui.ui.rows import Row

from ..raw_http import exchange
from .test_main_window import use_sandbox

AT = datetime(2015, 3, 22, 22, 31, 12, tzinfo=PLATFORM_TZ)


def firmware_request(body: bytes) -> bytes:
    """What a small firmware writes by hand: type 5, `api-key:KEY` without a space, its own Host."""
    return (
        b"POST /devices/" + DEFAULT_DEVICE_ID.encode() + b"/datapoints?type=5 HTTP/1.1\r\n"
        b"api-key:" + DEFAULT_API_KEY.encode() + b"\r\nHost:api.heclouds.com\r\n"
        b"Content-Length:" + str(len(body)).encode() + b"\r\n\r\n" + body
    )


@pytest.fixture
def inspector(qtbot, window):
    """The window on its sandbox, the editor holding temperature 22.5 at 2015-03-22T22:31:12 (UTC+8)."""
    use_sandbox(window)
    window.result_tabs.setCurrentWidget(window.sandbox_page)
    window.add_rows([Row("temperature", Datapoint(22.5, AT))])
    return window.sandbox_tab.inspector


def capture(qtbot, window, inspector, body: bytes) -> None:
    answer = exchange(window.connection.sandbox.port, firmware_request(body))
    assert answer.startswith(b"HTTP/1.1 200"), answer
    qtbot.waitUntil(lambda: inspector.model.rowCount() == 1)
    inspector.table.setCurrentIndex(inspector.proxy.index(0, 0))
    qtbot.waitUntil(inspector.compare_button.isEnabled)  # the editor's preview is planned on a timer


def test_a_type5_firmware_request_carries_the_same_datapoints_as_the_editors_type1(qtbot, window, inspector):
    capture(qtbot, window, inspector, b",;temperature,2015-03-22T22:31:12,22.5")
    inspector.compare_button.click()
    dialog = inspector.compare_dialog
    assert dialog is not None and dialog.isVisible()

    assert dialog.same is True
    verdict = dialog.verdict_label.text()
    assert "same 1 datapoint;" in verdict and "their bytes differ (type 5 and type 1)" in verdict, verdict
    text = dialog.text()
    # the differing lines, each side's own: request target, header spelling, body format
    assert f"POST /devices/{DEFAULT_DEVICE_ID}/datapoints?type=5 HTTP/1.1" in text
    assert f"POST /devices/{DEFAULT_DEVICE_ID}/datapoints HTTP/1.1" in text
    assert "host: api.heclouds.com" in text and "host: 127.0.0.1:" in text
    assert "temperature,2015-03-22T22:31:12,22.5" in text  # type 5: one field per line
    assert '"id": "temperature"' in text and '"value": 22.5' in text  # type 1: sorted, indented
    assert "api-key:" + MASK + "\\r\\n" in text  # raw bytes: the firmware's spelling, CRLF shown
    assert DEFAULT_API_KEY not in text and f"api-key: {MASK}" in text
    # the datapoints section shows one identical line on both sides
    assert text.count("temperature  2015-03-22T22:31:12+08:00  22.5") == 2
    html = dialog.normalised_view.toHtml()
    assert css("diff_add_bg") in html or css("diff_change_bg") in html  # changed/added lines are highlighted


def test_a_different_value_is_reported_as_different(qtbot, window, inspector):
    capture(qtbot, window, inspector, b",;temperature,2015-03-22T22:31:12,22.6")
    dialog = inspector.compare()
    assert dialog is not None and dialog.same is False
    verdict = dialog.verdict_label.text()
    assert "different datapoints" in verdict, verdict
    assert "only the device's: temperature = 22.6 at 2015-03-22T22:31:12+08:00" in verdict
    assert "only the editor's: temperature = 22.5 at 2015-03-22T22:31:12+08:00" in verdict


def test_the_button_says_why_it_is_disabled(qtbot, window):
    use_sandbox(window)
    inspector = window.sandbox_tab.inspector
    assert not inspector.compare_button.isEnabled()
    assert "Select a captured request" in inspector.compare_button.toolTip()
    exchange(window.connection.sandbox.port, firmware_request(b",;temperature,22.5"))
    qtbot.waitUntil(lambda: inspector.model.rowCount() == 1)
    inspector.table.setCurrentIndex(inspector.proxy.index(0, 0))
    assert not inspector.compare_button.isEnabled()  # the editor is empty
    assert "The editor has no request to send" in inspector.compare_button.toolTip()
    window.add_rows([Row("temperature", Datapoint(22.5))])
    qtbot.waitUntil(inspector.compare_button.isEnabled)
    assert inspector.compare() is not None


def test_raw_bytes_escape_what_is_not_utf8_and_show_line_ends():
    assert escaped_lines(b"ab\r\n\xffc") == ["ab\\r\\n", "\\xffc"]
    side = RequestSide("device", b"POST / HTTP/1.1\r\n\r\n", b",;t,\xff", "5", "1")
    assert side.body_lines() == ["separators ',' ';'", "t,\\xff"]
    with pytest.raises(ValueError, match="does not decode"):
        side.readings()
