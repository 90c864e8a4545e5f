"""History retention: at start-up the window forgets sent history older than the setting, never a pending row.

Rows and requests are made by real sends to the sandbox over loopback, then moved into the
past in the outbox file itself (as if the time had passed), then a new window starts on it.
"""

import sqlite3

import pytest

from gui.data.store import State
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.settings import DEFAULT_HISTORY_DAYS

from .test_main_window import send_and_wait, type_datapoint, use_sandbox

DAY_MS = 86_400_000


def age(store_path, days, request_ids=(), row_ids=()):
    """Move these requests (with their attempts) and outbox rows `days` into the past, in the file."""
    shift = days * DAY_MS
    db = sqlite3.connect(store_path, timeout=10)
    try:
        with db:
            for request_id in request_ids:
                db.execute(
                    "UPDATE requests SET created_ms = created_ms - ?, finished_ms = finished_ms - ? WHERE id = ?",
                    (shift, shift, request_id),
                )
                db.execute("UPDATE attempts SET started_ms = started_ms - ? WHERE request_id = ?", (shift, request_id))
            for row_id in row_ids:
                db.execute(
                    "UPDATE outbox SET created_ms = created_ms - ?, updated_ms = updated_ms - ? WHERE id = ?",
                    (shift, shift, row_id),
                )
    finally:
        db.close()


def request_ids(store):
    return [entry.request_id for entry in store.history(None)][::-1]


def by_stream(store):
    """Every outbox row on disk as (stream, state, in the editor), by id."""
    return [(row.stream_id, row.state, row.in_editor) for row in store.rows()]


def table(window):
    model = window.model
    return [
        (model.index(r, DatapointsModel.STREAM).data(), model.index(r, DatapointsModel.STATUS).data())
        for r in range(model.rowCount())
    ]


def remove_rows_of(window, stream):
    window.editor.table.clearSelection()
    for r, row in enumerate(window.model.rows()):
        if row.stream_id == stream:
            window.editor.table.selectionModel().select(
                window.model.index(r, 0),
                window.editor.table.selectionModel().SelectionFlag.Select
                | window.editor.table.selectionModel().SelectionFlag.Rows,
            )
    window.editor.remove_selected()


def wait_for_start_up(qtbot, window):
    qtbot.waitUntil(lambda: not window.send_controller.pruning.is_running, timeout=10_000)


@pytest.mark.parametrize("fault", ["unknown", "failed"])
def test_start_up_forgets_sent_history_older_than_a_year_and_keeps_every_pending_row(
    qtbot, make_window, sandbox, store_path, fault
):
    first = make_window()
    assert first.history.keep_days_spin.value() == DEFAULT_HISTORY_DAYS == 365
    use_sandbox(first)
    type_datapoint(qtbot, first, "old", "1", (8, 0, 0))
    type_datapoint(qtbot, first, "old", "2", (8, 0, 1))
    assert send_and_wait(qtbot, first) is True
    remove_rows_of(first, "old")  # sent rows leave the table and stay on record
    type_datapoint(qtbot, first, "shown", "3", (8, 0, 2))
    assert send_and_wait(qtbot, first) is True  # sent, still in the table
    old_requests = request_ids(first.store)
    type_datapoint(qtbot, first, "recent", "4", (8, 0, 3))
    assert send_and_wait(qtbot, first) is True
    remove_rows_of(first, "recent")
    recent_request = request_ids(first.store)[-1]

    first.send_panel.options_bar.max_points_spin.setValue(
        1
    )  # one datapoint per request: the second waits behind the first
    if fault == "unknown":
        sandbox.html_every = 1  # a sign-in page: the platform may or may not have it
    else:
        first.connection.key_edit.setText("WRONG-KEY")  # errno 3: refused
    type_datapoint(qtbot, first, "pending", "5", (8, 0, 4))
    type_datapoint(qtbot, first, "pending", "6", (8, 0, 5))
    assert send_and_wait(qtbot, first) is False
    type_datapoint(qtbot, first, "draft", "7", (8, 0, 6))  # typed, never sent
    pending_requests = request_ids(first.store)[len(old_requests) + 1 :]
    assert len(pending_requests) == 1
    before = by_stream(first.store)
    assert before == [
        ("old", State.SENT, False),
        ("old", State.SENT, False),
        ("shown", State.SENT, True),
        ("recent", State.SENT, False),
        ("pending", State(fault), True),
        ("pending", State.UNSENT, True),
        ("draft", State.DRAFT, True),
    ]
    first.close()  # which stops the window's sandbox: the fixture's; started again below

    # A year and a month pass for everything but the recent send.
    recent_row = next(row.id for row in first.store.rows() if row.stream_id == "recent")
    age(
        store_path,
        400,
        [*old_requests, *pending_requests],
        [row.id for row in first.store.rows() if row.id != recent_row],
    )

    second = make_window()
    wait_for_start_up(qtbot, second)

    # The old sent requests go; the request behind the pending row stays (it says why the row is pending).
    assert "History: 2 requests older than 365 days forgotten." in second.statusBar().currentMessage()
    assert sorted(set(request_ids(second.store))) == sorted([*pending_requests, recent_request])
    entries = len(second.store.history(None))
    second.result_tabs.setCurrentWidget(second.history)
    assert entries > 1 and second.history.model.total == entries  # the table shows what was kept
    # Only the old sent rows no longer in the table are gone; every pending row stays, whatever its age.
    assert by_stream(second.store) == before[2:]
    assert table(second) == [
        ("shown", "sent"),
        ("pending", "unknown, safe to resend" if fault == "unknown" else "failed"),
        ("pending", "not sent"),
        ("draft", "not sent"),
    ]

    # Nothing was lost: the pending rows still go out.
    sandbox.html_every = 0
    sandbox.start()
    use_sandbox(second)
    assert send_and_wait(qtbot, second) is True
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "pending")] == [5, 6]
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "draft")] == [7]


def test_the_retention_is_chosen_in_the_history_tab_remembered_and_applied_at_the_next_start(
    qtbot, make_window, store_path
):
    first = make_window()
    first.history.keep_days_spin.setValue(0)
    assert first.history.keep_days_spin.text() == "forever"
    use_sandbox(first)
    type_datapoint(qtbot, first, "t", "1", (8, 0, 0))
    assert send_and_wait(qtbot, first) is True
    remove_rows_of(first, "t")  # sent: off the table, on record
    first.close()
    age(store_path, 10_000, request_ids(first.store), [row.id for row in first.store.rows()])

    kept = make_window()  # "forever": nothing is forgotten, however old
    wait_for_start_up(qtbot, kept)
    assert kept.history.keep_days_spin.text() == "forever"
    assert [row.stream_id for row in kept.store.rows()] == ["t"] and kept.store.request_count() == 1
    kept.history.keep_days_spin.setValue(30)
    kept.close()

    pruned = make_window()
    wait_for_start_up(qtbot, pruned)
    assert pruned.history.keep_days_spin.value() == 30
    assert pruned.store.rows() == [] and pruned.store.request_count() == 0
