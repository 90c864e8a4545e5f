"""The inspector panel on a real sandbox: raw device requests arrive, show whole with the right verdict."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.onenet.readings import Readings
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.inspector import MAX_REQUEST_WIDTH, MIN_REQUEST_WIDTH, ExchangeFilter, ExchangesModel, InspectorPanel

from ..raw_http import exchange

KEY = DEFAULT_API_KEY


def post(device: str = DEFAULT_DEVICE_ID, body: bytes = b",;temperature,25", key: bytes = KEY.encode()) -> bytes:
    return (
        b"POST /devices/" + device.encode() + b"/datapoints?type=5 HTTP/1.1\r\napi-key:" + key + b"\r\n"
        b"Host:api.heclouds.com\r\nContent-Length:" + str(len(body)).encode() + b"\r\n\r\n" + body
    )


@pytest.fixture
def panel(qtbot, sandbox):
    widget = InspectorPanel(sandbox.capture, sandbox.url)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def arrive(qtbot, panel, sandbox, *requests: bytes) -> None:
    before = panel.model.rowCount()
    for request in requests:
        exchange(sandbox.port, request)
    qtbot.waitUntil(lambda: panel.model.rowCount() >= before + len(requests))


def select(panel, row: int) -> None:
    panel.table.setCurrentIndex(panel.proxy.index(row, 0))


def chunked_request() -> bytes:
    return (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\nHost: 127.0.0.1\r\n"
        b'Transfer-Encoding: chunked\r\n\r\nf\r\n{"temperature":\r\n5\r\n22.5}\r\n0\r\nX-Checksum: 7f3a\r\n\r\n'
    )


# (request, what the verdict says) for each kind of request firmware writes
KINDS = {
    "chunked with trailers": (chunked_request(), "chunked body: 2 chunks, trailers X-Checksum"),
    "chunked, no trailers": (chunked_request().replace(b"X-Checksum: 7f3a\r\n", b""), "chunked body: 2 chunks, 20"),
    "HTTP/1.0, Connection: close": (
        post().replace(b"HTTP/1.1", b"HTTP/1.0").replace(b"Host:", b"Connection: close\r\nHost:"),
        "no rule broken",
    ),
    "api-key:KEY without a space": (post(), "no rule broken"),
    "CRLFCRLF after the body": (post() + b"\r\n\r\n", "4 bytes of CR/LF came after the body"),
    "100-continue": (post().replace(b"Host:", b"Expect: 100-continue\r\nHost:"), "no rule broken"),
    "Content-Length too large": (post().replace(b"Length:16", b"Length:18"), "Content-Length 18 but 16 bytes came"),
    "at in the wrong format": (post(body=b",;t,2026/12/07 10:00:00,1"), "YYYY-MM-DDThh:mm:ss"),
    "the key of another device": (post(key=b"KEY-OF-777"), "is the key of device '777'"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_device_request_shows_with_its_verdict(qtbot, panel, sandbox, kind):
    sandbox.add_device("777", "KEY-OF-777")
    request, verdict = KINDS[kind]
    arrive(qtbot, panel, sandbox, request)
    select(panel, 0)

    assert verdict in panel.verdict_text.toPlainText()
    column = panel.model.data(panel.model.index(0, ExchangesModel.VERDICT))
    assert column in panel.verdict_text.toPlainText()  # the table shows the worst finding
    shown = panel.request_text.toPlainText()
    assert shown.startswith("POST /devices/")
    assert KEY not in shown and "KEY-OF-777" not in shown


def test_pipelined_requests_show_as_two_rows(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, post() + post(body=b",;temperature,26"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    select(panel, 1)
    assert panel.request_text.toPlainText().endswith(",;temperature,26")


def test_a_chunked_request_shows_its_bytes_answer_and_verdict(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, chunked_request())
    select(panel, 0)

    assert "Transfer-Encoding: chunked\\r\\n" in panel.request_text.toPlainText()
    assert "api-key: ***********-1" in panel.request_text.toPlainText()
    assert '{"errno":0,"error":"succ"}' in panel.answer_text.toPlainText()
    assert "chunked body: 2 chunks, trailers X-Checksum" in panel.verdict_text.toPlainText()
    assert panel.hex_text.toPlainText().startswith("00000000  50 4f 53 54")  # "POST"


def test_bytes_that_are_not_utf8_show_in_hex(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, post(body=b",;t,\xff\xfe"))
    select(panel, 0)
    assert "ff fe" in panel.request_text.toPlainText()
    assert "the body is not valid type 5" in panel.verdict_text.toPlainText()


def test_filter_by_device_and_by_outcome(qtbot, panel, sandbox):
    sandbox.add_device("777", "KEY-OF-777")
    arrive(qtbot, panel, sandbox, post(), post("777", key=b"KEY-OF-777"), post("777", key=b"WRONG-KEY"))
    assert panel.proxy.rowCount() == 3

    panel.device_combo.setCurrentIndex(panel.device_combo.findData("777"))
    assert panel.proxy.rowCount() == 2
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(ExchangeFilter.REFUSED))
    assert panel.proxy.rowCount() == 1
    assert "1 of 3 requests" in panel.count_label.text()
    panel.device_combo.setCurrentIndex(0)
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(ExchangeFilter.ACCEPTED))
    assert panel.proxy.rowCount() == 2


def test_copy_as_curl_gives_a_command_that_runs_with_the_key_from_the_environment(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, post(body=b",;temperature,25"))
    select(panel, 0)
    panel.curl_button.click()

    command = QGuiApplication.clipboard().text()
    assert command.startswith("curl ") and '-H "api-key: $ONENET_API_KEY"' in command  # as the preview's copy
    assert "*" not in command and KEY not in command  # never the masked key, which always fails
    assert f"{sandbox.url}/devices/4093215/datapoints?type=5" in command
    ran = subprocess.run(
        ["bash", "-c", command], env={**os.environ, "ONENET_API_KEY": KEY}, capture_output=True, timeout=30
    )
    assert json.loads(ran.stdout)["errno"] == 0, ran
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 2  # the original and the copy's


def test_import_as_readings_emits_the_datapoints(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, post(body=b",;temperature,25;humidity,55"))
    select(panel, 0)
    with qtbot.waitSignal(panel.readingsImported) as signal:
        panel.import_button.click()

    readings = signal.args[0]
    assert isinstance(readings, Readings)
    assert [(s, p.value) for s, p in readings.pairs()] == [("temperature", 25), ("humidity", 55)]


def test_a_request_without_datapoints_cannot_be_imported(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, b"GET /devices/4093215/datapoints HTTP/1.0\r\napi-key: SANDBOX-KEY-1\r\n\r\n")
    select(panel, 0)
    assert not panel.import_button.isEnabled()
    assert panel.import_readings() is False


def test_export_writes_json_lines_without_the_key(qtbot, panel, sandbox, tmp_path):
    arrive(qtbot, panel, sandbox, post(), chunked_request())
    path = tmp_path / "traffic.jsonl"

    assert panel.export_to(path) == 2
    text = path.read_text(encoding="utf-8")
    assert KEY not in text
    assert [json.loads(line)["chunks"] for line in text.splitlines()] == [0, 2]


def test_what_was_captured_before_the_panel_is_shown_too(qtbot, sandbox):
    exchange(sandbox.port, post())
    widget = InspectorPanel(sandbox.capture, sandbox.url)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 1
    assert widget.device_combo.findData(DEFAULT_DEVICE_ID) >= 0


def test_the_model_is_a_well_behaved_qt_model(qtbot, qtmodeltester, panel, sandbox):
    arrive(qtbot, panel, sandbox, post(), chunked_request())
    qtmodeltester.check(panel.model)


@pytest.mark.parametrize("width", [720, 1400])  # the Sandbox tab's width in a 1366x768 window, and a wide one
def test_the_columns_fit_the_view_the_request_elided_and_the_verdict_stretched(qtbot, panel, sandbox, width):
    panel.show()
    panel.resize(width, 500)
    arrive(qtbot, panel, sandbox, post(body=b",;temperature,25"), post(key=b"WRONG-KEY-000000"))
    table, header = panel.table, panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == table.viewport().width())  # every column within the view
    assert table.horizontalScrollBar().maximum() == 0
    request, verdict = header.sectionSize(ExchangesModel.TARGET), header.sectionSize(ExchangesModel.VERDICT)
    assert MIN_REQUEST_WIDTH <= request <= MAX_REQUEST_WIDTH
    assert verdict >= table.viewport().width() // 4  # the verdict gets the room From and Request give up
    if width > 1000:
        assert request == MAX_REQUEST_WIDTH
    shown = panel.model.index(0, ExchangesModel.TARGET).data()
    assert shown == "POST /devices/4093215/datapoints?type=5"  # whole in the model (tooltip when elided)
    assert ":" in panel.model.index(0, ExchangesModel.TIME).data(Qt.ItemDataRole.ToolTipRole)


def test_the_verdict_is_in_the_users_language(qtbot, panel, sandbox):
    """The sandbox's findings are Messages: the table, its tooltip and the Verdict tab show them in Chinese."""
    from gui import i18n

    sandbox.add_device("777", "KEY-OF-777")
    arrive(qtbot, panel, sandbox, post(key=b"KEY-OF-777"), post() + b"\r\n\r\n")
    i18n.set_language("zh_CN")
    try:
        select(panel, 0)
        verdict = panel.verdict_text.toPlainText()
        column = panel.model.data(panel.model.index(0, ExchangesModel.VERDICT))
        select(panel, 1)
        note = panel.verdict_text.toPlainText()
    finally:
        i18n.set_language("en")
    assert verdict.startswith("错误：API Key ") and "属于设备 '777'" in verdict and "请发送设备" in verdict
    assert column in verdict and "KEY-OF-777" not in verdict
    assert note == "提示：请求体后有 4 字节的 CR/LF；已忽略，与平台的做法相同"


def test_a_body_that_is_not_text_is_not_copied_as_curl_and_says_why(qtbot, panel, sandbox):
    arrive(qtbot, panel, sandbox, post(body=b",;t,\xff\xfe"))
    select(panel, 0)
    QGuiApplication.clipboard().setText("before")
    panel.curl_button.click()
    assert QGuiApplication.clipboard().text() == "before"
    assert "not UTF-8" in panel.message_label.text()
