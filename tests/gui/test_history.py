"""The History tab: lazy model over 100,000 stored requests, filters, detail of a real send, export, resend."""

import csv
import shutil
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool, QTimer

from gui.data.store import HistoryFilter, NewRow, State, Store
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.colours import css
from gui.ui.history import CSV_COLUMNS, PAGE_SIZE, HistoryModel, HistoryPanel

from ..histories import ENDPOINT, T0, N, fill, show_one_day
from .test_main_window import send_and_wait, type_datapoint, use_sandbox


@pytest.fixture(scope="module")
def big_store_file(tmp_path_factory):
    """An outbox file holding N requests (`fill`), made once per module: filling it takes seconds."""
    path = tmp_path_factory.mktemp("history") / "outbox.sqlite3"
    with Store(path) as made:
        fill(made)
    return path


@pytest.fixture
def big_store(big_store_file, tmp_path):
    """A store of its own on a copy of `big_store_file`: what a test writes stays in its copy."""
    path = tmp_path / "outbox.sqlite3"
    shutil.copyfile(big_store_file, path)
    with Store(path) as opened:
        yield opened


@pytest.fixture
def make_panel(qtbot):
    """HistoryPanel(store) on its own thread pool, shown; the pool must be idle at teardown."""
    pools = []

    def make(store):
        pool = QThreadPool()
        pools.append(pool)
        panel = HistoryPanel(store, pool=pool)
        qtbot.addWidget(panel)
        panel.resize(1200, 600)
        panel.show()
        return panel

    yield make
    for pool in pools:
        assert pool.waitForDone(10_000), "an export was left running"


def export_and_wait(qtbot, panel, path):
    """Start an export to `path` and wait for its end: True when the file was written."""
    with qtbot.waitSignal(panel.exportFinished, timeout=60_000) as blocker:
        assert panel.export_csv(path) is True
    assert not panel.is_exporting and panel.export_button.isEnabled()
    return blocker.args[0]


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


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


def test_history_of_100000_requests_opens_and_filters_a_page_at_a_time(qtbot, big_store, monkeypatch):
    """Opening and filtering 100,000 requests reads one count and one page each time, never the whole history.

    That is what keeps them quick whatever the size (a count and a page of SQL); how quick is measured by
    benchmarks/bench_history.py against the same SQL run bare, not asserted here.
    """
    fetched: list[int] = []
    page = big_store.history_page

    def counted_page(*args, **kwargs):
        rows = page(*args, **kwargs)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(big_store, "history_page", counted_page)
    panel = HistoryPanel(big_store)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.model.total == N
    assert PAGE_SIZE <= panel.model.rowCount() < N  # a page or two, not everything
    assert sum(fetched) == panel.model.rowCount() <= 2 * PAGE_SIZE  # read from the store: the rows shown only
    assert panel.model.index(0, HistoryModel.TIME).data() == "2026-03-11 18:40:00.000"  # T0 + 100000 min in UTC+8

    fetched.clear()
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData("failed"))
    assert panel.model.total == N // 10
    panel.device_edit.setText("dev-B")
    qtbot.waitUntil(lambda: panel.model.total == len([i for i in range(10, N + 1, 10) if i % 7 == 0]))
    panel.search_edit.setText('"value":7000}')
    qtbot.waitUntil(lambda: panel.model.total == 1)
    assert panel.model.summary(0).request_id == 7000
    show_one_day(panel)
    assert panel.model.total == 24 * 60  # one whole day (UTC+8) of one-a-minute requests
    # every filter read a page at most (the view may ask for a second one to fill itself)
    assert fetched and max(fetched) <= PAGE_SIZE
    assert panel.model.rowCount() <= 2 * PAGE_SIZE

    # scrolling to the end fetches the rest, a page at a time
    panel.from_check.setChecked(False)
    panel.to_check.setChecked(False)
    assert panel.model.total == N
    rows = panel.model.rowCount()
    fetched.clear()
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > rows)
    assert fetched and max(fetched) == PAGE_SIZE and panel.model.rowCount() < N


def test_export_csv_writes_the_filtered_entries(qtbot, make_panel, store, tmp_path):
    fill(store, 50)
    panel = make_panel(store)
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData("failed"))
    path = tmp_path / "history.csv"
    assert export_and_wait(qtbot, panel, path) is True
    assert panel.export_label.text() == f"✔ 5 entries exported to {path}."
    rows = read_csv(path)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[1] for r in rows[1:]] == ["50", "40", "30", "20", "10"]
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["time"] == "2026-01-01 08:50:00.000"
    assert (first["device_id"], first["type"], first["outcome"], first["errno"]) == ("dev-A", "1", "failed", "3")
    assert first["error"] == "auth failed" and '"value":50' in first["body"]
    assert first["latency_ms"] == "12.5"


def test_export_of_100000_entries_runs_on_a_worker_with_progress(qtbot, make_panel, big_store, tmp_path):
    panel = make_panel(big_store)
    path = tmp_path / "history.csv"
    heartbeats = 0

    def beat():
        nonlocal heartbeats
        heartbeats += 1

    timer = QTimer(interval=5)
    timer.timeout.connect(beat)
    seen = []  # (progress shown, heartbeats so far): when the GUI thread got to show each step
    panel.export_progress.valueChanged.connect(lambda value: seen.append((value, heartbeats)))
    timer.start()
    with qtbot.waitSignal(panel.exportFinished, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)  # the view as it is now
        assert panel.export_csv(path) is True
        assert panel.is_exporting and not panel.export_button.isEnabled()  # back at once: the worker writes
        assert panel.export_progress.isVisible() and panel.export_cancel_button.isVisible()
        assert panel.export_label.text() == f"Exporting 100,000 entries to {path}…"
    timer.stop()
    assert blocker.args == [True]
    assert panel.export_label.text() == f"✔ 100,000 entries exported to {path}."
    assert not panel.export_progress.isVisible() and not panel.export_cancel_button.isVisible()
    # The window went on handling events while the worker wrote: progress steps were shown at different
    # moments of the event loop, not in one burst at the end.
    assert seen[-1][0] == N and len(seen) >= 10
    assert len({beats for _, beats in seen}) >= 3, seen

    rows = read_csv(path)
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == N + 1
    assert [r[1] for r in rows[1:4]] == ["100000", "99999", "99998"] and rows[-1][1] == "1"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("outbox.sqlite3")] == ["history.csv"]


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, make_panel, big_store, tmp_path):
    panel = make_panel(big_store)
    out = tmp_path / "exports"
    out.mkdir()
    path = out / "history.csv"
    path.write_text("last week's export\n", encoding="utf-8")
    steps = []

    def cancel_at_the_first_step(value):
        if value == 0:  # the bar's start, before the worker runs
            return
        steps.append(value)
        if len(steps) == 1:
            qtbot.mouseClick(panel.export_cancel_button, Qt.MouseButton.LeftButton)

    panel.export_progress.valueChanged.connect(cancel_at_the_first_step)
    with qtbot.waitSignal(panel.exportFinished, timeout=60_000) as blocker:
        assert panel.export_csv(path) is True
    assert blocker.args == [False]
    assert 0 < steps[0] < N and steps[-1] < N  # stopped early, not after writing everything
    assert panel.export_label.text() == f"Export cancelled: nothing was written to {path}."
    assert path.read_text(encoding="utf-8") == "last week's export\n"  # the file there is untouched
    assert [p.name for p in out.iterdir()] == ["history.csv"]  # and no temporary file is left behind
    assert panel.export_button.isEnabled() and not panel.export_progress.isVisible()

    # The next export starts afresh and writes the whole file.
    assert export_and_wait(qtbot, panel, path) is True
    assert len(read_csv(path)) == N + 1


def test_closing_the_window_mid_export_leaves_no_file(qtbot, window, tmp_path):
    fill(window.store)
    panel = window.history
    window.result_tabs.setCurrentWidget(panel)  # read when shown
    path = tmp_path / "history.csv"

    def close_at_the_first_step(value):
        if value > 0 and window.isVisible():
            window.close()

    panel.export_progress.valueChanged.connect(close_at_the_first_step)
    with qtbot.waitSignal(panel.exportFinished, timeout=60_000) as blocker:
        assert panel.export_csv(path) is True
    assert blocker.args == [False] and not window.isVisible()
    assert not path.exists() and not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_an_unwritable_path_says_which_file_and_why(qtbot, make_panel, store, tmp_path):
    fill(store, 2000)
    panel = make_panel(store)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    path = not_a_folder / "history.csv"
    assert export_and_wait(qtbot, panel, path) is False
    text = panel.export_label.text()
    assert text.startswith(f"✘ Not exported: {path} could not be written: Not a directory"), text
    assert "Nothing was written there." in text and css("error") in panel.export_label.styleSheet()

    a_folder = tmp_path / "taken.csv"  # found only when the finished file takes the name
    a_folder.mkdir()
    assert export_and_wait(qtbot, panel, a_folder) is False
    assert panel.export_label.text().startswith(f"✘ Not exported: {a_folder} could not be written: Is a directory")
    assert list(a_folder.iterdir()) == [] and not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def select_row(qtbot, panel, row):
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def send_two_and_open_history(qtbot, window):
    """Send two timed datapoints of `temp` to the sandbox; the History tab, shown."""
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    type_datapoint(qtbot, window, "temp", "22.5", (10, 0, 1))
    assert send_and_wait(qtbot, window) is True
    window.result_tabs.setCurrentWidget(window.history)
    return window.history


def test_detail_of_a_real_send_then_export_and_resend(qtbot, window, sandbox, tmp_path):
    panel = send_two_and_open_history(qtbot, window)
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
    assert export_and_wait(qtbot, panel, path) is True
    assert len(read_csv(path)) == 2
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
    window.result_tabs.setCurrentWidget(panel)  # the send showed the Response tab; History reads the store again
    qtbot.waitUntil(lambda: panel.model.total == 2)
    assert {r.state for r in store.get(ids)} == {State.SENT}


def test_verify_selected_reads_the_stored_request_back(qtbot, window, sandbox):
    from gui.onenet.readings import PLATFORM_TZ
    from gui.onenet.verify import Outcome

    panel = send_two_and_open_history(qtbot, window)
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
    from gui.data.outbox import requeue_for_resend

    ids = store.add([NewRow("temp", Datapoint(1, T0)), NewRow("temp", Datapoint(2, T0 + timedelta(seconds=1)))])
    store.set_state(ids, State.SENT)
    store.remove_from_editor([ids[1]])
    assert requeue_for_resend(store, ids) == ([ids[0]], [ids[1]])
    assert [r.state for r in store.get(ids)] == [State.DRAFT, State.UNSENT]


def type_without_at(qtbot, window, stream, value):
    """Add a datapoint with at "none" (the platform stamps it) through the form."""
    window.editor.stream_combo.setCurrentText("")
    qtbot.keyClicks(window.editor.stream_combo.lineEdit(), stream)
    window.editor.time_combo.setCurrentIndex(window.editor.TIME_NONE)
    window.editor.value_edit.clear()
    qtbot.keyClicks(window.editor.value_edit, value)
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)


def stored_values(sandbox, stream):
    return [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, stream)]


def test_resending_datapoints_without_at_asks_first_with_their_count(qtbot, window, sandbox):
    use_sandbox(window)
    type_without_at(qtbot, window, "counter", "7")
    type_without_at(qtbot, window, "level", "3")
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    assert send_and_wait(qtbot, window) is True
    assert (stored_values(sandbox, "counter"), stored_values(sandbox, "level")) == ([7], [3])
    uploads = sandbox.upload_count
    ids = [row.id for row in window.model.rows()]

    panel = window.history
    window.result_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    select_row(qtbot, panel, 0)
    with qtbot.assertNotEmitted(panel.resendRequested):
        qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert panel.resend_bar.isVisible()
    text = panel.resend_label.text()
    assert text.startswith("2 of the 3 datapoints to resend have no at and the platform may hold them already.")
    assert "stores a second copy" in text and text.endswith("Resend anyway?")
    assert panel.resend_anyway_button.text() == "Resend anyway (may &duplicate)"
    assert panel.focusWidget() is panel.resend_cancel_button  # the default answer

    # Enter takes the default: Cancel. Nothing is queued, nothing goes out.
    with qtbot.assertNotEmitted(panel.resendRequested):
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Return)
    assert not panel.resend_bar.isVisible()
    assert {r.state for r in window.store.get(ids)} == {State.SENT}  # nothing queued to go out again
    assert all(row.status.name == "SENT" for row in window.model.rows())
    assert sandbox.upload_count == uploads

    # Asked again and accepted: the rows go out again and the platform stores the ones without at twice.
    qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert panel.resend_bar.isVisible()
    with qtbot.waitSignal(panel.resendRequested) as blocker:
        qtbot.mouseClick(panel.resend_anyway_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == sorted(ids) and not panel.resend_bar.isVisible()
    assert {r.state for r in window.store.get(ids)} == {State.DRAFT}
    assert send_and_wait(qtbot, window) is True
    assert sandbox.upload_count == uploads + 1
    assert (stored_values(sandbox, "counter"), stored_values(sandbox, "level")) == ([7, 7], [3, 3])
    assert stored_values(sandbox, "temp") == [21.5]  # equal at: overwritten, stored once


def test_resending_datapoints_that_all_have_at_does_not_ask(qtbot, window, sandbox):
    panel = send_two_and_open_history(qtbot, window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    select_row(qtbot, panel, 0)
    with qtbot.waitSignal(panel.resendRequested):
        qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert not panel.resend_bar.isVisible()
    assert send_and_wait(qtbot, window) is True
    assert sandbox.upload_count == 2  # really sent twice
    points = sandbox.datapoints(DEFAULT_DEVICE_ID, "temp")
    assert [p.value for p in points] == [21.5, 22.5]  # overwritten: each stored once
    assert [p.at.strftime("%H:%M:%S") for p in points] == ["10:00:00", "10:00:01"]


def test_resending_a_refused_request_without_at_does_not_ask(qtbot, window, sandbox):
    use_sandbox(window)
    window.connection.key_edit.setText("not-the-key")
    type_without_at(qtbot, window, "counter", "7")
    assert send_and_wait(qtbot, window) is False  # errno 3: the platform stored nothing
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []
    panel = window.history
    window.result_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    select_row(qtbot, panel, 0)
    with qtbot.waitSignal(panel.resendRequested):
        qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    assert not panel.resend_bar.isVisible()
    window.connection.key_edit.setText(DEFAULT_API_KEY)
    assert send_and_wait(qtbot, window) is True
    assert stored_values(sandbox, "counter") == [7]  # once


def test_resend_plan_counts_what_the_platform_may_hold_without_at(store):
    from gui.data.outbox import resend_plan
    from gui.data.store import Attempt, AttemptOutcome, RequestOutcome
    from gui.onenet.formats import BodyType, encode
    from gui.onenet.readings import Readings

    def request(points, outcome, body_type=BodyType.FULL_JSON):
        rows = [NewRow(stream, point) for stream, point in points]
        ids = store.add(rows, state=State.UNSENT, endpoint=ENDPOINT, device_id="dev-A")
        body = encode(Readings.from_pairs(points), body_type)
        begun = store.begin_request(ENDPOINT, "dev-A", body, ids, [0] * len(ids), False)
        if outcome is not None:  # None: still on the wire
            attempt = Attempt(1, T0, 0.01, 200, 0, "succ", "{}", AttemptOutcome.SENT)
            store.finish_request(begun, outcome, attempt)
        [entry] = store.history(request_id=begun.request_id)
        return entry

    timed = request([("t", Datapoint(1, T0)), ("u", Datapoint(2, None))], RequestOutcome.SENT)
    assert resend_plan(store, [timed]) == (list(timed.outbox_ids), 1)
    simple = request([("a", Datapoint(1, None)), ("b", Datapoint(2, None))], RequestOutcome.SENT, BodyType.SIMPLE_JSON)
    unknown = request([("c", Datapoint(3, None))], RequestOutcome.UNKNOWN)
    refused = request([("d", Datapoint(4, None))], RequestOutcome.FAILED)
    undelivered = request([("e", Datapoint(5, None))], RequestOutcome.UNSENT)
    assert resend_plan(store, [simple, unknown])[1] == 3
    assert resend_plan(store, [refused, undelivered]) == ([*refused.outbox_ids, *undelivered.outbox_ids], 0)
    on_the_wire = request([("f", Datapoint(6, None))], None)
    assert resend_plan(store, [on_the_wire]) == ([], 0)  # being sent: left alone
    assert resend_plan(store, []) == ([], 0)


def test_history_tab_shows_the_outcome_whole_and_counts_with_thousands_separators(qtbot, window):
    fill(window.store, 1234)
    panel = window.history
    window.result_tabs.setCurrentWidget(panel)
    panel.refresh()
    table, header = panel.table, panel.table.horizontalHeader()
    column = HistoryModel.OUTCOME
    qtbot.waitUntil(
        lambda: header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
    )
    metrics = table.fontMetrics()
    needed = max(metrics.horizontalAdvance(text) for text in ("Outcome", "unknown (#4)", "not sent (#12)"))
    assert header.sectionSize(column) > needed
    assert panel.count_label.text() == "1,234 requests match, 500 loaded"


def test_the_time_column_names_the_zone_the_window_shows(qtbot, window, sandbox):
    panel = send_two_and_open_history(qtbot, window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    header = panel.model.headerData(HistoryModel.TIME, Qt.Orientation.Horizontal)
    assert header == "Time (Asia/Shanghai)"  # the window fixture's zone
    shanghai = panel.model.index(0, HistoryModel.TIME).data()
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    assert panel.model.headerData(HistoryModel.TIME, Qt.Orientation.Horizontal) == "Time (Europe/Berlin)"
    assert panel.model.index(0, HistoryModel.TIME).data() != shanghai


def test_a_hidden_history_tab_reads_the_store_when_it_is_shown(qtbot, window, sandbox):
    """Sends while History is hidden do not re-read it (a timed send a second would, for nobody); showing it does."""
    use_sandbox(window)
    type_without_at(qtbot, window, "counter", "7")
    assert send_and_wait(qtbot, window) is True
    assert window.result_tabs.currentWidget() is not window.history
    assert window.history.model.rowCount() == 0  # the store holds one request; the hidden tab has not read it
    window.result_tabs.setCurrentWidget(window.history)
    assert window.history.model.rowCount() == 1
    assert window.history.model.summary(0).outcome == "sent"
