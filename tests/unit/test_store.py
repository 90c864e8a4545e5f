"""The outbox and history database (the gui/data/store package) on real files in tmp_path."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gui.data.outbox import plan_outbox
from gui.data.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Attempt,
    AttemptOutcome,
    HistoryFilter,
    NewRow,
    RequestOutcome,
    State,
    Store,
    StoreBusy,
    StoreError,
    migrate,
)
from gui.onenet.client import ConfigError
from gui.onenet.formats import BodyType, EncodedBody, encode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Readings, ValueKind

ENDPOINT = "http://127.0.0.1:9"
DEVICE = "4093215"
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def rows(count: int, stream: str = "temperature", start: datetime = T0) -> list[NewRow]:
    return [NewRow(stream, Datapoint(20 + i, start + timedelta(seconds=i))) for i in range(count)]


def attempt(outcome: AttemptOutcome = AttemptOutcome.SENT, number: int = 1, error: str = "succ") -> Attempt:
    return Attempt(number, T0, 0.012, 200, 0, error, '{"errno":0,"error":"succ"}', outcome)


def begin(store: Store, ids: list[int], revisions: list[int] | None = None, endpoint: str = ENDPOINT):
    body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(ids)))
    return store.begin_request(endpoint, DEVICE, body, ids, revisions or [0] * len(ids), True)


# -- schema and migrations ---------------------------------------------------------------------


def test_a_new_database_is_wal_at_the_current_version_and_private(tmp_path):
    path = tmp_path / "sub" / "outbox.sqlite3"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        assert {"outbox", "requests", "attempts", "history"} <= tables
        columns = " ".join(
            r[1] for t in ("outbox", "requests", "attempts") for r in connection.execute(f"PRAGMA table_info({t})")
        )
        assert "key" not in columns.lower()  # nothing to hold an api-key
    finally:
        connection.close()
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700


def test_migrates_a_v0_database_to_the_current_version(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE unrelated (x)")  # a v0 file: user_version 0, none of our tables
    connection.commit()
    connection.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        [row_id] = store.add(rows(1))
        assert store.get([row_id])[0].value == 20


def test_a_later_migration_runs_once_and_keeps_the_data(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    with Store(path) as store:
        store.add(rows(3))
    v2 = (*MIGRATIONS, ("ALTER TABLE outbox ADD COLUMN note TEXT NOT NULL DEFAULT 'v2'",))
    for _ in range(2):  # the second open finds it done
        with Store(path, migrations=v2) as store:
            assert store.schema_version == len(v2)
            assert len(store.rows()) == 3
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT DISTINCT note FROM outbox").fetchall() == [("v2",)]
    connection.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    with Store(path):
        pass
    broken = (*MIGRATIONS, ("CREATE TABLE extra (x)", "THIS IS NOT SQL"))
    with pytest.raises(sqlite3.OperationalError):
        Store(path, migrations=broken)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
        assert migrate(connection) == SCHEMA_VERSION  # nothing left to do
    finally:
        connection.close()


def test_a_database_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


# -- entering and editing ----------------------------------------------------------------------


def test_values_kinds_and_times_round_trip(store):
    berlin = datetime(2024, 3, 1, 9, 0, 0, 123000, tzinfo=ZoneInfo("Europe/Berlin"))
    entered = [
        NewRow("temperature", Datapoint(84, T0)),
        NewRow("temperature", Datapoint(23.001, berlin)),
        NewRow("status", Datapoint("84", None), ValueKind.TEXT),
        NewRow("vector", Datapoint({"x": 123, "y": 123.994, "名": "温度"}, T0), ValueKind.JSON),
        NewRow("big", Datapoint(1e16, T0)),
    ]
    ids = store.add(entered)
    assert ids == list(range(ids[0], ids[0] + 5))
    got = store.get(ids)
    assert [(r.stream_id, r.value, r.kind) for r in got] == [(e.stream_id, e.point.value, e.kind) for e in entered]
    assert type(got[0].value) is int and type(got[1].value) is float and type(got[4].value) is float
    assert got[1].at == berlin and got[1].at.tzinfo is UTC  # the same instant, kept in UTC, ms precision
    assert got[2].at is None
    assert all(r.state is State.DRAFT and r.in_editor and r.revision == 0 for r in got)
    store.queue(ids, ENDPOINT, DEVICE)
    queued = store.queued()  # what a send plans: `at` in platform time, ready for the encoders
    assert [(q.id, q.stream_id, q.point.value, q.state) for q in queued] == [
        (i, e.stream_id, e.point.value, State.UNSENT) for i, e in zip(ids, entered, strict=True)
    ]
    assert queued[1].point.at == berlin and queued[1].point.at.utcoffset() == PLATFORM_TZ.utcoffset(None)


def test_non_finite_values_are_refused_at_entry(store):
    with pytest.raises(ValueError):
        store.add([NewRow("t", Datapoint(float("nan"), T0))])
    assert store.rows() == []


def test_ids_are_never_reused(store):
    first = store.add(rows(3))
    store.delete(first)
    assert store.add(rows(1)) == [first[-1] + 1]


def test_a_bulk_goes_in_in_one_transaction(store):
    """One transaction (one fsync), not one per row: what keeps a big import quick. How quick is measured by
    benchmarks/bench_pipeline.py ("end to end": storing 100,000 rows, then sending them)."""
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)  # every statement run, each row of the bulk too
    try:
        ids = store.add(rows(2_000), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE, in_editor=False)
    finally:
        store._db.set_trace_callback(None)
    assert len(ids) == 2_000 and len([s for s in statements if s.startswith("INSERT INTO outbox")]) == 2_000
    assert [s for s in statements if s.split()[0].upper() in ("BEGIN", "COMMIT", "ROLLBACK")] == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]


def test_a_bulk_of_100000_rows_goes_in(store):
    ids = store.add(rows(100_000), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE, in_editor=False)
    assert len(ids) == 100_000 == len(set(ids))
    assert store.counts()[State.UNSENT] == 100_000


def test_queue_takes_its_ids_a_step_at_a_time_in_one_transaction(store):
    """25,001 ids (three steps of `_IDS_JSON_STEP`) read from an iterator as the queue goes: each step its own
    statement, which SQLite runs without the GIL (the window's stall while a million rows are queued), all in one
    transaction; an id the iterator gives after the last step is never asked for."""
    ids = store.add(rows(25_001))
    taken: list[int] = []

    def listed() -> Iterator[int]:
        for i in ids:
            taken.append(i)
            yield i

    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        assert store.queue(listed(), ENDPOINT, DEVICE) == 25_001
    finally:
        store._db.set_trace_callback(None)
    assert taken == ids
    assert [s.split()[0] for s in statements if s.split()[0].upper() in ("BEGIN", "COMMIT", "UPDATE")] == [
        "BEGIN",
        "UPDATE",
        "UPDATE",
        "UPDATE",
        "COMMIT",
    ]
    assert store.counts()[State.UNSENT] == 25_001 and store.counts()[State.DRAFT] == 0


def test_unsent_rows_need_an_address_which_is_normalised(store):
    with pytest.raises(ValueError):
        store.add(rows(1), state=State.UNSENT)
    with pytest.raises(ConfigError):
        store.add(rows(1), state=State.UNSENT, endpoint="ftp://x", device_id=DEVICE)
    [row_id] = store.add(rows(1), state=State.UNSENT, endpoint=ENDPOINT + "/", device_id=DEVICE)
    assert store.get([row_id])[0].endpoint == ENDPOINT


def test_an_edit_makes_a_draft_with_a_new_revision(store):
    ids = store.add(rows(2), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    edited = store.update(ids[0], point=Datapoint(99.5, T0), kind=ValueKind.NUMBER)
    assert (edited.value, edited.kind, edited.state, edited.revision) == (99.5, ValueKind.NUMBER, State.DRAFT, 1)
    renamed = store.update(ids[0], stream_id="humidity")
    assert (renamed.stream_id, renamed.value, renamed.revision) == ("humidity", 99.5, 2)
    with pytest.raises(StoreError):
        store.update(10_000, stream_id="x")


def test_rows_being_sent_cannot_be_edited_or_removed(store):
    ids = store.add(rows(2), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    assert begin(store, ids) is not None
    with pytest.raises(StoreError, match="being sent"):
        store.update(ids[0], stream_id="x")
    with pytest.raises(StoreError):
        store.delete(ids)
    with pytest.raises(StoreError):
        store.remove_from_editor(ids)
    with pytest.raises(ValueError):
        store.set_state(ids, State.IN_FLIGHT)
    assert store.set_state(ids, State.DRAFT) == 0


def test_the_editor_sees_its_own_rows_never_those_queued_headless(store):
    drafts = store.add(rows(2, "draft"))
    queued = store.add(rows(2, "queued"), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE, in_editor=False)
    sent_hidden = store.add(rows(2, "import"), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE, in_editor=False)
    store.set_state(sent_hidden, State.SENT)
    sent_shown = store.add(rows(1, "typed"))
    store.set_state(sent_shown, State.SENT)
    assert [r.id for r in store.editor_rows()] == drafts + sent_shown
    assert store.remove_from_editor([drafts[0], sent_shown[0]]) == 2
    assert [r.id for r in store.editor_rows()] == [drafts[1]]
    assert [i for request in plan_outbox(store) for i in request.outbox_ids] == queued  # `outbox send` takes them
    assert store.get(sent_shown)[0].state is State.SENT  # kept on record, out of the table
    assert store.get([drafts[0]]) == []  # a draft removed is gone


def test_queue_addresses_rows_and_keeps_unknown_unknown(store):
    draft, failed, unknown, sent = (store.add(rows(1, s)) for s in ("a", "b", "c", "d"))
    store.set_state(failed, State.FAILED)
    store.set_state(unknown, State.UNKNOWN)
    store.set_state(sent, State.SENT)
    assert store.queue(draft + failed + unknown + sent, ENDPOINT + "/", DEVICE) == 3
    states = {r.stream_id: (r.state, r.endpoint, r.device_id) for r in store.rows()}
    assert states == {
        "a": (State.UNSENT, ENDPOINT, DEVICE),
        "b": (State.UNSENT, ENDPOINT, DEVICE),
        "c": (State.UNKNOWN, ENDPOINT, DEVICE),
        "d": (State.SENT, "", ""),
    }
    assert store.counts() == {
        State.DRAFT: 0,
        State.UNSENT: 2,
        State.IN_FLIGHT: 0,
        State.UNKNOWN: 1,
        State.SENT: 1,
        State.FAILED: 0,
    }
    assert [r.stream_id for r in store.rows([State.UNSENT], endpoint=ENDPOINT, device_id=DEVICE)] == ["a", "b"]
    assert store.rows([State.UNSENT], device_id="other") == []


# -- the pipeline's bookkeeping --------------------------------------------------------------------


def test_begin_marks_in_flight_and_finish_records_the_outcome(store):
    ids = store.add(rows(3), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begun = begin(store, ids)
    assert begun is not None and begun.was_unknown == frozenset()
    assert store.counts()[State.IN_FLIGHT] == 3
    store.record_attempt(begun.request_id, attempt(AttemptOutcome.FAILED, 1, "server error: HTTP 500"))
    store.finish_request(begun, RequestOutcome.SENT, attempt(AttemptOutcome.SENT, 2))
    assert {r.state for r in store.get(ids)} == {State.SENT}
    assert {r.request_id for r in store.get(ids)} == {begun.request_id}
    history = store.history(request_id=begun.request_id)
    assert [(h.attempt.number, h.attempt.outcome) for h in history] == [
        (1, AttemptOutcome.FAILED),
        (2, AttemptOutcome.SENT),
    ]
    entry = history[-1]
    assert (entry.endpoint, entry.device_id, entry.body_type, entry.datapoints) == (
        ENDPOINT,
        DEVICE,
        BodyType.FULL_JSON,
        3,
    )
    assert entry.outbox_ids == tuple(ids) and entry.request_outcome is RequestOutcome.SENT
    assert entry.body.startswith(b'{"datastreams":[{"id":"temperature"')
    assert entry.attempt.latency_s == pytest.approx(0.012)


def test_begin_refuses_rows_that_changed_since_planning(store):
    ids = store.add(rows(2), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    assert begin(store, ids, endpoint="http://elsewhere") is None  # addressed to another target
    store.update(ids[1], point=Datapoint(1, T0))  # edited: a draft at revision 1
    store.queue(ids, ENDPOINT, DEVICE)
    assert begin(store, ids, revisions=[0, 0]) is None  # the body was made from revision 0
    assert begin(store, [*ids, 99_999], revisions=[0, 1, 0]) is None  # a row that does not exist
    assert store.counts()[State.IN_FLIGHT] == 0 and store.request_count() == 0
    assert begin(store, ids, revisions=[0, 1]) is not None
    assert begin(store, ids, revisions=[0, 1]) is None  # already in flight


def test_not_delivered_puts_rows_back_as_they_were(store):
    ids = store.add(rows(4), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    store.set_state(ids[2:], State.UNKNOWN)
    begun = begin(store, [ids[0], ids[2], ids[3]])  # not contiguous: the JSON id list path
    assert begun is not None and begun.was_unknown == {ids[2], ids[3]}
    store.finish_request(begun, RequestOutcome.UNSENT, attempt(AttemptOutcome.FAILED, 1, "refused"), "refused")
    got = {r.id: (r.state, r.last_error) for r in store.get(ids)}
    assert got == {
        ids[0]: (State.UNSENT, "refused"),
        ids[1]: (State.UNSENT, ""),
        ids[2]: (State.UNKNOWN, "refused"),
        ids[3]: (State.UNKNOWN, "refused"),
    }


def test_an_abandoned_request_leaves_no_trace(store):
    ids = store.add(rows(2), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    store.set_state(ids[1:], State.UNKNOWN)
    begun = begin(store, ids)
    assert begun is not None
    store.abandon_request(begun)
    assert [r.state for r in store.get(ids)] == [State.UNSENT, State.UNKNOWN]
    assert store.request_count() == 0


def test_batch_is_one_transaction(store):
    ids = store.add(rows(2))
    with pytest.raises(RuntimeError), store.batch():
        store.set_state(ids, State.FAILED)
        raise RuntimeError("boom")
    assert {r.state for r in store.get(ids)} == {State.DRAFT}


def test_stored_error_texts_are_redacted(store):
    from gui.data.logs import SECRETS, register_secret

    ids = store.add(rows(1), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begun = begin(store, ids)
    assert begun is not None
    register_secret("REDACT-ME-0123456789")
    try:
        echoed = Attempt(
            1,
            T0,
            0.1,
            403,
            None,
            "proxy says REDACT-ME-0123456789",
            "<p>REDACT-ME-0123456789</p>",
            AttemptOutcome.FAILED,
        )
        store.finish_request(begun, RequestOutcome.FAILED, echoed, "rejected")
    finally:
        SECRETS.discard("REDACT-ME-0123456789")
    [entry] = store.history()
    assert "REDACT-ME" not in entry.attempt.error + entry.attempt.response
    assert "***" in entry.attempt.error


# -- crash recovery and the send lock ----------------------------------------------------------------


def test_recover_turns_in_flight_into_unknown(store):
    ids = store.add(rows(3), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begin(store, ids[:2])
    assert store.recover() == 2
    assert [r.state for r in store.get(ids)] == [State.UNKNOWN, State.UNKNOWN, State.UNSENT]
    assert store.get(ids)[0].last_error
    assert store.recover() == 0


def test_recover_does_nothing_while_another_sender_runs(store):
    ids = store.add(rows(1), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begin(store, ids)
    with store.send_lock():
        assert store.recover() is None
        assert store.get(ids)[0].state is State.IN_FLIGHT
    assert store.recover() == 1


def test_recover_with_nothing_in_flight_takes_no_lock(store):
    ids = store.add(rows(2), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    with store.send_lock():  # another sender, between two requests: nothing of it is in flight
        assert store.recover() == 0
    assert [r.state for r in store.get(ids)] == [State.UNSENT, State.UNSENT]


def test_recover_finishes_a_request_left_without_an_outcome(store):
    ids = store.add(rows(1), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begin(store, ids)
    with sqlite3.connect(store.path) as db:  # the row was put back, yet its request never got an outcome
        db.execute("UPDATE outbox SET state = 'unsent' WHERE id = ?", (ids[0],))
    assert store.recover() == 0
    assert [entry.request_outcome for entry in store.history()] == [RequestOutcome.UNKNOWN]


def test_the_send_lock_is_exclusive_and_dies_with_its_process(store, tmp_path):
    with store.send_lock(), pytest.raises(StoreBusy):
        store.send_lock().acquire()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from gui.data.store import Store\n"
            "lock = Store(sys.argv[1]).send_lock(); lock.acquire(); print('held', flush=True); time.sleep(60)\n",
            str(store.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy):
            store.send_lock().acquire()
    finally:
        holder.kill()  # SIGKILL on POSIX: no clean-up runs in the holder
        holder.wait(10)
        holder.stdout.close()
    with store.send_lock() as lock:
        assert lock.held


def test_two_connections_and_threads_share_the_file(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    with Store(path) as first, Store(path) as second:
        errors: list[BaseException] = []

        def writer() -> None:
            try:
                for _ in range(20):
                    first.add(rows(50, "a"))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        thread = threading.Thread(target=writer)
        thread.start()
        for _ in range(20):
            second.add(rows(50, "b"))
            first.counts()
        thread.join()
        assert not errors
        assert second.counts()[State.DRAFT] == 2000


def test_history_pages_walk_every_row_once_whatever_the_page_size(store):
    """Keyset paging over requests of 1 to 3 attempts and one with none (the program stopped mid-send)."""
    for k in range(6):
        ids = store.add(
            rows(1, start=T0 + timedelta(minutes=k)), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE
        )
        begun = begin(store, ids)
        assert begun is not None
        if k == 3:
            continue  # in flight for good: one history row without an attempt
        for number in range(1, k % 3 + 1):
            store.record_attempt(begun.request_id, attempt(AttemptOutcome.FAILED, number, "server error: HTTP 500"))
        store.finish_request(begun, RequestOutcome.SENT, attempt(AttemptOutcome.SENT, k % 3 + 1))
    everything = store.history_page(HistoryFilter(), 0, 1000)
    assert len(everything) == store.history_count() == 1 + 2 + 3 + 1 + 2 + 3
    assert [s.attempt_id for s in everything].count(None) == 1
    for size in range(1, 8):
        pages = list(store.history_pages(HistoryFilter(), size))
        assert all(1 <= len(page) <= size for page in pages)
        assert [s for page in pages for s in page] == everything, size
    failed = [s for page in store.history_pages(HistoryFilter(outcome="failed"), 2) for s in page]
    assert failed == store.history_page(HistoryFilter(outcome="failed"), 0, 1000) and len(failed) == 6
    with_body = next(iter(store.history_pages(HistoryFilter(max_request_id=2), 10, with_body=True)))
    assert [s.request_id for s in with_body] == [2, 2, 1] and all(s.body for s in with_body)
    assert list(store.history_pages(HistoryFilter(device="nobody"))) == []
    with pytest.raises(ValueError):
        next(iter(store.history_pages(page_size=0)))


def test_prune_forgets_old_sent_history_but_never_pending_rows(store):
    sent = store.add(rows(2, "old"), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE, in_editor=False)
    pending = store.add(rows(2, "pending"), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begun = begin(store, sent)
    assert begun is not None
    store.finish_request(begun, RequestOutcome.SENT, attempt())
    later = datetime.now(UTC) + timedelta(days=31)
    assert store.prune(timedelta(days=30), now=lambda: later) == 1
    assert store.request_count() == 0 and store.history() == []
    assert [r.id for r in store.rows()] == pending


def test_prune_keeps_the_request_that_explains_an_unknown_or_failed_row(store):
    ids = store.add(rows(3), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    for row_id, outcome in zip(ids, (RequestOutcome.UNKNOWN, RequestOutcome.FAILED, RequestOutcome.SENT), strict=True):
        begun = begin(store, [row_id])
        assert begun is not None
        store.finish_request(begun, outcome, attempt(AttemptOutcome(outcome.value)), "errno 3: auth failed")
    later = datetime.now(UTC) + timedelta(days=31)
    assert store.prune(timedelta(days=30), now=lambda: later) == 1  # only the sent one's
    kept = {e.request_outcome for e in store.history(None)}
    assert kept == {RequestOutcome.UNKNOWN, RequestOutcome.FAILED}


def test_an_encoded_body_is_stored_byte_for_byte(store):
    ids = store.add([NewRow("温度", Datapoint(21.5, T0))], state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    body = EncodedBody(BodyType.TEXT, ",;温度,2024-05-01T20:00:00,21.5".encode(), "text/plain; charset=utf-8")
    begun = store.begin_request(ENDPOINT, DEVICE, body, ids, [0], True)
    assert begun is not None
    store.finish_request(begun, RequestOutcome.SENT, attempt())
    [entry] = store.history()
    assert (entry.body, entry.body_type, entry.content_type) == (body.data, BodyType.TEXT, body.content_type)


def test_the_default_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ONENET_UPLOADER_DATA_DIR", str(tmp_path / "elsewhere"))
    with Store() as store:
        assert store.path == tmp_path / "elsewhere" / "outbox.sqlite3"
    assert os.path.exists(tmp_path / "elsewhere" / "outbox.sqlite3")


# -- uploads ----------------------------------------------------------------------------------


def test_the_last_upload_is_every_request_of_the_newest_send_and_only_those(store):
    ids = store.add(rows(6))
    store.queue(ids, ENDPOINT, DEVICE)
    first = store.new_upload_id()
    body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(ids[:2])))
    begun = store.begin_request(ENDPOINT, DEVICE, body, ids[:2], [0, 0], True, first)
    store.finish_request(begun, RequestOutcome.SENT, attempt())
    second = store.new_upload_id()
    assert second == first + 1
    for part, outcome in ((ids[2:4], RequestOutcome.SENT), (ids[4:], RequestOutcome.UNKNOWN)):
        body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(part)))
        begun = store.begin_request(ENDPOINT, DEVICE, body, part, [0, 0], True, second)
        store.finish_request(begun, outcome, attempt(AttemptOutcome(outcome.value)))

    last = store.last_upload()
    assert [r.upload_id for r in last] == [second, second]
    assert [r.outcome for r in last] == [RequestOutcome.SENT, RequestOutcome.UNKNOWN]
    assert [r.datapoints for r in last] == [2, 2]
    assert last[0].body.startswith(b'{"datastreams"') and last[0].device_id == DEVICE
    assert store.last_upload(device_id="another device") == []


def test_requests_from_before_uploads_were_numbered_are_uploads_of_their_own(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    v1 = sqlite3.connect(path, isolation_level=None)  # a database as the first release wrote it
    assert migrate(v1, MIGRATIONS[:1]) == 1
    for n in (1, 2):
        v1.execute(
            "INSERT INTO requests (created_ms, endpoint, device_id, body_type, content_type, body, datapoints, "
            "outbox_ids, idempotent, outcome) VALUES (?, ?, ?, 1, 'application/json', ?, 1, '[]', 1, 'sent')",
            (n, ENDPOINT, DEVICE, f'{{"datastreams":[{{"id":"t","datapoints":[{{"value":{n}}}]}}]}}'.encode()),
        )
    v1.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        [last] = store.last_upload()
        assert last.upload_id is None and last.request_id == 2 and last.body.endswith(b'"value":2}]}]}')
        assert store.new_upload_id() == 1


def test_requests_of_ids_in_steps_move_exactly_their_rows(store):
    """A stream's rows typed in turns with others have ids in steps (every 3rd here): only they move."""
    ids = store.add(rows(12), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    carried = ids[1::3]
    begun = begin(store, carried)
    assert begun is not None
    assert [r.id for r in store.rows([State.IN_FLIGHT])] == carried
    store.finish_request(begun, RequestOutcome.SENT, attempt())
    assert [r.id for r in store.rows([State.SENT])] == carried
    assert [r.id for r in store.rows([State.UNSENT])] == [i for i in ids if i not in carried]
    others = ids[2::3]
    store.set_state(ids[5:6], State.UNKNOWN)  # one of them unknown: put back as unknown, the others unsent
    again = begin(store, others)
    assert again is not None and [r.id for r in store.rows([State.IN_FLIGHT])] == others
    store.abandon_request(again)
    assert [r.id for r in store.rows([State.UNKNOWN])] == [ids[5]]
    assert [r.id for r in store.rows([State.UNSENT])] == [i for i in ids if i not in carried and i != ids[5]]


def test_delivery_messages_are_stored_with_their_code_and_old_plain_rows_stay_readable(store):
    """A delivery message is stored as code + params (shown in the reader's language later); plain text as it is."""
    from dataclasses import replace

    from gui.text import Message

    why = Message("timeout", "client", "no answer within {s} s", {"s": 10})
    ids = store.add(rows(3), state=State.UNSENT, endpoint=ENDPOINT, device_id=DEVICE)
    begun = begin(store, ids[:2])
    assert begun is not None
    tried = replace(attempt(AttemptOutcome.UNKNOWN, 1, str(why)), text=why)
    store.finish_request(begun, RequestOutcome.UNKNOWN, tried, why)
    row = store.get(ids[:1])[0]
    assert (row.last_error, row.last_error_text) == ("no answer within 10 s", why)
    [entry] = store.history(request_id=begun.request_id)
    assert entry.attempt is not None and (entry.attempt.error, entry.attempt.text) == ("no answer within 10 s", why)
    assert store.history_page()[0].error_text == why
    # a row stored before (plain English) reads as it was; the store's own old text is known and translated
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE outbox SET last_error = 'refused' WHERE id = ?", (ids[1],))
        db.execute("UPDATE outbox SET last_error = 'the program stopped while sending these' WHERE id = ?", (ids[2],))
    old, stopped = store.get(ids[1:])
    assert (old.last_error, old.last_error_text) == ("refused", None)
    assert stopped.last_error_text is not None and stopped.last_error_text.code == "stopped-while-sending"


def test_states_read_only_the_state_and_revision_of_each_row(store):
    """What a send's progress shows: `(id, state, revision)` by id, as `get` has them, missing ids skipped."""
    from array import array

    ids = store.add(rows(3))
    store.update(ids[1], point=Datapoint(99, T0))
    store.set_state([ids[2]], State.FAILED)
    expected = [(r.id, r.state, r.revision) for r in store.get(ids)]
    assert store.states(array("q", [ids[2], 10_000, *ids[:2]])) == expected
    assert [state for _, state, _ in expected] == [State.DRAFT, State.DRAFT, State.FAILED]
    assert [revision for _, _, revision in expected] == [0, 1, 0]


def test_ids_are_written_as_one_json_list_a_step_at_a_time(monkeypatch):
    """The ids bound to `id IN (json_each(?))` are the list json writes, whatever the steps they are listed in."""
    import json
    from array import array

    from gui.data.store import codec

    monkeypatch.setattr(codec, "_IDS_JSON_STEP", 10)
    for ids in ([], [7], list(range(25)), list(range(30))):
        assert codec._ids_json(array("q", ids)) == json.dumps(ids)
        assert codec._ids_json(iter(ids)) == json.dumps(ids)
