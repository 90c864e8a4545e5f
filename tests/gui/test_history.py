"""The History tab: lazy model over 100,000 stored requests, filters, detail of a real send, export, resend."""

import csv
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from gui.data.store import HistoryFilter, NewRow, State, Store
from gui.onenet.readings import Datapoint
from gui.onenet.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.history import CSV_COLUMNS, PAGE_SIZE, HistoryModel, HistoryPanel

from .test_main_window import send_and_wait, type_datapoint, use_sandbox

N = 100_000
T0 = datetime(2026, 1, 1, tzinfo=UTC)
ENDPOINT = "https://iot-api.heclouds.com"


def fill(store: Store, n: int = N) -> None:
    """n finished requests, one attempt each, straight into the tables: every 10th failed, every 7th device B."""
    t0 = int(T0.timestamp() * 1000)
    requests, attempts = [], []
    for i in range(1, n + 1):
        device = "dev-B" if i % 7 == 0 else "dev-A"
        failed = i % 10 == 0
        body = f'{{"datastreams":[{{"id":"temp","datapoints":[{{"value":{i}}}]}}]}}'.encode()
        started = t0 + i * 60_000  # one a minute: ~69 days
        requests.append((i, started, ENDPOINT, device, 1, "application/json", body, 1, f"[{i}]", 1, "sent", started))
        attempts.append(
            (
                i,
                i,
                1,
                started,
                12.5,
                200,
                3 if failed else 0,
                "auth failed" if failed else "succ",
                "{}",
                "failed" if failed else "sent",
            )
        )
    db = sqlite3.connect(store.path)
    with db:
        db.executemany(
            "INSERT INTO requests (id, created_ms, endpoint, device_id, body_type, content_type, body, datapoints, "
            "outbox_ids, idempotent, outcome, finished_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            requests,
        )
        db.executemany(
            "INSERT INTO attempts (id, request_id, number, started_ms, latency_ms, http_status, errno, error, "
            "response, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            attempts,
        )
    db.close()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "outbox.sqlite3") as opened:
        yield opened


@pytest.fixture
def big_store(store):
    fill(store)
    return store


def test_store_history_pages_and_filters(store):
    fill(store, 1000)
    assert store.history_count() == 1000
    page = store.history_page(HistoryFilter(), 0, 10)
    assert [s.request_id for s in page] == list(range(1000, 990, -1))  # newest first
    assert store.history_page(HistoryFilter(), 995, 10)[-1].request_id == 1
    assert store.history_count(HistoryFilter(outcome="failed")) == 100
    assert store.history_count(HistoryFilter(device="B")) == 1000 // 7
    assert store.history_count(HistoryFilter(text="auth")) == 100
    assert store.history_count(HistoryFilter(text='"value":123}')) == 1  # the body is searched
    assert store.history_count(HistoryFilter(text="%")) == 0  # LIKE wildcards are literal
    since = T0 + timedelta(minutes=100)
    assert store.history_count(HistoryFilter(since=since, until=since + timedelta(minutes=10))) == 10
    assert store.history_count(HistoryFilter(max_request_id=500)) == 500
    first = store.history_page(HistoryFilter(outcome="failed"), 0, 1, with_body=True)[0]
    assert (first.request_id, first.errno, first.error, first.latency_s) == (1000, 3, "auth failed", 0.0125)
    assert first.body is not None and b'"value":1000' in first.body


def test_model_passes_qtmodeltester_and_fetches_lazily(qtmodeltester, store):
    fill(store, 1234)
    model = HistoryModel(store)
    model.refresh()
    assert model.total == 1234 and model.rowCount() == PAGE_SIZE  # the first page only
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1234 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, HistoryModel.FORMAT).data() == "type 1"
    assert model.index(0, HistoryModel.OUTCOME).data() == "sent"
    assert model.index(0, HistoryModel.LATENCY).data() in ("12 ms", "13 ms")


def test_history_of_100000_requests_opens_and_filters_without_a_stall(qtbot, big_store):
    started = time.perf_counter()
    panel = HistoryPanel(big_store)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    opened = time.perf_counter() - started
    assert panel.model.total == N
    assert PAGE_SIZE <= panel.model.rowCount() < N  # a page or two, not everything
    assert panel.model.index(0, HistoryModel.TIME).data() == "2026-03-11 18:40:00.000"  # T0 + 100000 min in UTC+8
    assert opened < 2.0, f"opening took {opened:.2f} s"

    started = time.perf_counter()
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData("failed"))
    assert panel.model.total == N // 10
    panel.device_edit.setText("dev-B")
    qtbot.waitUntil(lambda: panel.model.total == len([i for i in range(10, N + 1, 10) if i % 7 == 0]))
    panel.search_edit.setText('"value":7000}')
    qtbot.waitUntil(lambda: panel.model.total == 1)
    assert panel.model.summary(0).request_id == 7000
    panel.search_edit.clear()
    panel.device_edit.clear()
    panel.outcome_combo.setCurrentIndex(0)
    panel.from_date.setDate(QDate(2026, 1, 2))
    panel.to_date.setDate(QDate(2026, 1, 2))
    panel.from_check.setChecked(True)
    panel.to_check.setChecked(True)
    panel.apply_filter()
    assert panel.model.total == 24 * 60  # one whole day (UTC+8) of one-a-minute requests
    filtering = time.perf_counter() - started
    assert filtering < 5.0, f"filtering took {filtering:.2f} s"

    # scrolling to the end fetches the rest, a page at a time
    panel.from_check.setChecked(False)
    panel.to_check.setChecked(False)
    assert panel.model.total == N
    rows = panel.model.rowCount()
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > rows)


def test_export_csv_writes_the_filtered_entries(qtbot, store, tmp_path):
    fill(store, 50)
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData("failed"))
    path = tmp_path / "history.csv"
    assert panel.export_csv(path) == 5
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[1] for r in rows[1:]] == ["50", "40", "30", "20", "10"]
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["time"] == "2026-01-01 08:50:00.000"
    assert (first["device_id"], first["type"], first["outcome"], first["errno"]) == ("dev-A", "1", "failed", "3")
    assert first["error"] == "auth failed" and '"value":50' in first["body"]
    assert first["latency_ms"] == "12.5"


def select_row(qtbot, panel, row):
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_detail_of_a_real_send_then_export_and_resend(qtbot, window, sandbox, tmp_path):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    type_datapoint(qtbot, window, "temp", "22.5", (10, 0, 1))
    assert send_and_wait(qtbot, window) is True
    panel = window.history
    window.result_tabs.setCurrentWidget(panel)
    assert window.result_tabs.tabText(window.result_tabs.currentIndex()) == "History"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, HistoryModel.DEVICE).data() == DEFAULT_DEVICE_ID
    assert panel.model.index(0, HistoryModel.DATAPOINTS).data() == "2"
    assert panel.model.index(0, HistoryModel.HTTP).data() == "200"
    assert panel.model.index(0, HistoryModel.ERRNO).data() == "0"

    select_row(qtbot, panel, 0)
    text = panel.detail.toPlainText()
    assert f"POST /devices/{DEFAULT_DEVICE_ID}/datapoints" in text
    assert f"URL: {sandbox.url}/devices/{DEFAULT_DEVICE_ID}/datapoints" in text
    assert "api-key: ••••••••" in text
    assert "Content-Type: application/json" in text
    assert '"value": 21.5' in text  # pretty JSON body
    assert "errno: 0" in text and "HTTP status: 200" in text and "Latency:" in text
    assert DEFAULT_API_KEY not in text

    path = tmp_path / "h.csv"
    assert panel.export_csv(path) == 1
    assert DEFAULT_API_KEY not in path.read_text(encoding="utf-8-sig")
    window.grab().save(str(tmp_path / "window.png"))

    # Resend: the rows become "not sent" in the editor and go out with the next Send
    store = window.store
    ids = [row.id for row in window.model.rows()]
    assert {r.state for r in store.get(ids)} == {State.SENT}
    assert panel.resend_button.isEnabled()
    with qtbot.waitSignal(panel.resendRequested) as blocker:
        qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == sorted(ids)
    assert {r.state for r in store.get(ids)} == {State.DRAFT}
    assert all(row.status.name == "UNSENT" for row in window.model.rows())
    assert send_and_wait(qtbot, window) is True
    qtbot.waitUntil(lambda: panel.model.total == 2)
    assert {r.state for r in store.get(ids)} == {State.SENT}


def test_verify_selected_reads_the_stored_request_back(qtbot, window, sandbox):
    from gui.onenet.readings import PLATFORM_TZ
    from gui.onenet.verify import Outcome

    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    type_datapoint(qtbot, window, "temp", "22.5", (10, 0, 1))
    assert send_and_wait(qtbot, window) is True
    panel = window.history
    window.result_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    # The platform lost one datapoint since: verify from the history says which.
    assert sandbox.delete(DEFAULT_DEVICE_ID, "temp", datetime(2013, 4, 22, 10, 0, 1, tzinfo=PLATFORM_TZ))
    select_row(qtbot, panel, 0)
    assert panel.verify_button.isEnabled()
    with qtbot.waitSignal(window.verify_panel.finished, timeout=10_000):
        qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    report = window.verify_panel.report
    assert report is not None
    assert (report.counts[Outcome.FOUND], report.counts[Outcome.MISSING]) == (1, 1)
    assert window.result_tabs.currentWidget() is window.verify_panel


def test_resend_queues_rows_no_longer_in_the_editor(qtbot, store):
    from gui.ui.history import requeue_for_resend

    ids = store.add([NewRow("temp", Datapoint(1, T0)), NewRow("temp", Datapoint(2, T0 + timedelta(seconds=1)))])
    store.set_state(ids, State.SENT)
    store.remove_from_editor([ids[1]])
    assert requeue_for_resend(store, ids) == ([ids[0]], [ids[1]])
    assert [r.state for r in store.get(ids)] == [State.DRAFT, State.UNSENT]
