"""The Sandbox tab of the window: the inspector on the window's own sandbox, and its datapoints into the editor."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QHostAddress

from gui.data.store import State
from gui.ui.inspector import ExchangesModel
from gui.ui.sandbox_tab import machine_addresses

from ..raw_http import exchange


def chunked_request() -> bytes:
    """What Android's HttpURLConnection writes in streaming mode: a chunked body with a trailer."""
    return (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\nHost: 127.0.0.1\r\n"
        b'Transfer-Encoding: chunked\r\n\r\nf\r\n{"temperature":\r\n5\r\n22.5}\r\n0\r\nX-Checksum: 7f3a\r\n\r\n'
    )


def test_the_tab_says_how_to_start_the_sandbox_while_it_is_off(window):
    tab = window.sandbox_tab
    assert window.result_tabs.indexOf(window.sandbox_page) >= 0  # the tab scrolls: the page holds it
    assert tab.hint_label.isVisibleTo(tab)
    assert tab.inspector is None  # built with the sandbox, not with the window
    window.connection.sandbox_check.setChecked(True)
    assert tab.inspector is not None
    assert not tab.hint_label.isVisibleTo(tab)
    window.connection.sandbox_check.setChecked(False)
    assert tab.hint_label.isVisibleTo(tab)


def test_a_chunked_device_request_shows_with_its_verdict_and_imports_into_the_editor(qtbot, window, sandbox):
    window.connection.sandbox_check.setChecked(True)
    inspector = window.sandbox_tab.inspector
    window.result_tabs.setCurrentWidget(window.sandbox_page)

    answer = exchange(window.connection.sandbox.port, chunked_request())
    assert answer.startswith(b"HTTP/1.1 200")
    qtbot.waitUntil(lambda: inspector.model.rowCount() == 1)
    verdict = inspector.model.index(0, ExchangesModel.VERDICT).data()
    assert "chunked body: 2 chunks, trailers X-Checksum" in verdict, verdict

    inspector.table.setCurrentIndex(inspector.proxy.index(0, 0))
    assert "Transfer-Encoding: chunked" in inspector.request_text.toPlainText()
    rows_before = window.model.rowCount()
    drafts_before = window.store.counts()[State.DRAFT]
    inspector.import_button.click()

    assert window.model.rowCount() == rows_before + 1
    row = window.model.rows()[-1]
    assert row.stream_id == "temperature" and row.point.value == 22.5
    assert row.id is not None  # in the outbox first, as the import dialog's rows are
    assert window.store.counts()[State.DRAFT] == drafts_before + 1
    assert "1 datapoint imported" in window.statusBar().currentMessage()


def test_the_sandbox_listens_on_loopback_until_another_address_is_chosen_then_warns(qtbot, window, sandbox):
    window.connection.sandbox_check.setChecked(True)
    tab = window.sandbox_tab
    assert sandbox.host == "127.0.0.1" and sandbox.loopback_only
    assert tab.address_combo.currentData() == "127.0.0.1"
    assert not tab.warning_label.isVisibleTo(tab)
    assert tab.url_edit.text() == sandbox.url
    assert "4093215" in tab.expects_label.text() and "SANDBOX-KEY-1" in tab.expects_label.text()

    tab.address_combo.setCurrentIndex(tab.address_combo.findData("0.0.0.0"))  # every address: beyond loopback
    assert sandbox.running and sandbox.host == "0.0.0.0" and not sandbox.loopback_only
    assert tab.warning_label.isVisibleTo(tab)
    assert "anyone on that network can send" in tab.warning_label.text()
    assert window.connection.endpoint_edit.text() == sandbox.url  # the window sends to where it now listens
    tab.copy_button.click()
    assert QGuiApplication.clipboard().text() == tab.url_edit.text()

    tab.address_combo.setCurrentIndex(tab.address_combo.findData("127.0.0.1"))
    assert sandbox.host == "127.0.0.1" and not tab.warning_label.isVisibleTo(tab)
    assert exchange(sandbox.port, b"GET /devices/4093215 HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.")


def test_ipv6_addresses_are_offered_link_local_ones_left_out_with_the_reason(qtbot, window, sandbox):
    given = ["127.0.0.1", "::1", "fe80::fc:ff:fe00:1%eth0", "fd00::2", "192.168.1.5", "2001:db8::7"]
    usable, link_local = machine_addresses([QHostAddress(a) for a in given])
    assert usable == ["192.168.1.5", "fd00::2", "2001:db8::7"]  # loopback is offered on its own; IPv4 first
    assert link_local == ["fe80::fc:ff:fe00:1%eth0"]

    window.connection.sandbox_check.setChecked(True)
    tab = window.sandbox_tab
    hosts = [tab.address_combo.itemData(i) for i in range(tab.address_combo.count())]
    assert hosts[:2] == ["127.0.0.1", "::1"] and hosts[-2:] == ["0.0.0.0", "::"]
    assert all(not h.lower().startswith("fe80:") for h in hosts)
    if machine_addresses()[1]:  # this computer has link-local IPv6 addresses: the tooltip says why they are absent
        assert "link-local" in tab.address_combo.toolTip()

    tab.address_combo.setCurrentIndex(tab.address_combo.findData("::1"))  # IPv6 loopback: still this computer only
    assert sandbox.running and sandbox.host == "::1" and sandbox.loopback_only
    assert tab.url_edit.text() == f"http://[::1]:{sandbox.port}"
    assert not tab.warning_label.isVisibleTo(tab)
    assert window.connection.endpoint_edit.text() == tab.url_edit.text()
    exchange(sandbox.port, chunked_request(), host="::1")  # real HTTP over IPv6
    assert [p.value for p in sandbox.datapoints("4093215", "temperature")][-1] == 22.5
    qtbot.waitUntil(lambda: tab.inspector.model.rowCount() >= 1)
    assert tab.inspector.model.data(
        tab.inspector.model.index(tab.inspector.model.rowCount() - 1, ExchangesModel.CLIENT)
    ).startswith("[::1]:")
