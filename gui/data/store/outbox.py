"""The outbox's rows and their state machine: entering and editing rows, queueing, the pipeline's bookkeeping."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from datetime import timedelta
from typing import Any

from gui.data.logs import redact
from gui.data.store.codec import (
    _EPOCHS,
    _IN_IDS,
    _KIND_TEXT,
    _PLATFORMS,
    _ROW_COLUMNS,
    RESPONSE_CHARS,
    _ids_json,
    _ids_json_steps,
    _now_ms,
    _row,
    _value,
    _value_json,
    _where_ids,
    _with_sets,
)
from gui.data.store.connection import Connection, SendLock
from gui.data.store.records import (
    SENDABLE,
    Attempt,
    BegunRequest,
    NewRow,
    OutboxRow,
    QueuedRow,
    RequestOutcome,
    SourceRow,
    State,
    StoreBusy,
    StoreError,
)
from gui.data.target import Platform, Target, normalise_endpoint
from gui.onenet.formats import EncodedBody
from gui.onenet.readings import PLATFORM_TZ, Datapoint, ValueKind, unix_ms
from gui.text import Message, stored

_STATES = {state.value: state for state in State}
#: True when a sender left work unfinished (killed, or running now): what `OutboxRows.recover` has to look at.
_UNFINISHED = (
    "SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'in_flight') "
    "OR EXISTS (SELECT 1 FROM requests WHERE outcome IS NULL)"
)


class OutboxRows(Connection):
    """The outbox table: rows as typed or imported, their states, and the requests that carry them."""

    # -- entering and editing rows ---------------------------------------------------------------

    def add(
        self,
        rows: Iterable[NewRow],
        *,
        state: State = State.DRAFT,
        endpoint: str = "",
        device_id: str = "",
        in_editor: bool = True,
        platform: Platform = Platform.DATAPOINTS,
    ) -> list[int]:
        """Add datapoints in one transaction (executemany); returns their ids, in order.

        `endpoint` and `device_id` are the rows' target (`gui.data.target.Target`): where
        they go, for drafts too (empty: none yet). `state` is DRAFT (editor rows not yet
        queued) or UNSENT (queued, e.g. an import sent at once; the endpoint is normalised
        by `normalise_endpoint`, ConfigError if invalid). `in_editor` False keeps the rows
        out of the window's table once sent. Ids are never reused. Durable (fsync) when
        it returns. Raises ValueError for a NaN/infinite value (never sendable), for
        UNSENT without an endpoint and device, or another state.
        """
        if state not in (State.DRAFT, State.UNSENT):
            raise ValueError("new rows are draft or unsent")
        if state is State.UNSENT and not (endpoint and device_id):
            raise ValueError("unsent rows need an endpoint and a device id")
        if endpoint:
            endpoint = normalise_endpoint(endpoint)
        now = _now_ms()
        editor = int(in_editor)
        kinds = _KIND_TEXT
        values = [
            (
                row.stream_id,
                None if row.point.at is None else unix_ms(row.point.at),
                _value_json(row.point.value),
                kinds[row.kind],
                *(row.source or (None, None)),
            )
            for row in rows
        ]
        if not values:
            return []
        same = (platform.value, endpoint, device_id, state.value, editor, now, now)
        with self._transaction() as db:
            first = 1 + max(
                db.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0],
                (db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone() or (0,))[0],
            )
            db.executemany(
                "INSERT INTO outbox (platform, endpoint, device_id, state, in_editor, created_ms, updated_ms, id, "
                "stream_id, at_ms, value, kind, source_hash, source_row) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((*same, first + i, *row) for i, row in enumerate(values)),
            )
        return list(range(first, first + len(values)))

    def update(
        self,
        row_id: int,
        *,
        stream_id: str | None = None,
        point: Datapoint | None = None,
        kind: ValueKind | None = None,
    ) -> OutboxRow:
        """Change a row's stream, datapoint and/or kind; it becomes a DRAFT again (to be re-queued).

        Bumps `revision`. Raises StoreError when the row does not exist or is being sent
        (`in_flight`), ValueError for a NaN/infinite value.
        """
        sets: list[str] = []
        params: list[Any] = []
        if stream_id is not None:
            sets.append("stream_id = ?")
            params.append(stream_id)
        if point is not None:
            sets += ["at_ms = ?", "value = ?"]
            params += [unix_ms(point.at) if point.at is not None else None, _value_json(point.value)]
        if kind is not None:
            sets.append("kind = ?")
            params.append(kind.value)
        with self._transaction() as db:
            found = db.execute("SELECT state FROM outbox WHERE id = ?", (row_id,)).fetchone()
            if found is None:
                raise StoreError(f"outbox row {row_id} does not exist")
            if found[0] == State.IN_FLIGHT:
                raise StoreError(f"outbox row {row_id} is being sent; edit it when the send has finished")
            db.execute(
                f"UPDATE outbox SET {', '.join([*sets, ''])} state = 'draft', revision = revision + 1, "
                "last_error = '', in_editor = 1, updated_ms = ? WHERE id = ?",
                (*params, _now_ms(), row_id),
            )
            raw = db.execute(f"SELECT {_ROW_COLUMNS} FROM outbox WHERE id = ?", (row_id,)).fetchone()
        return _row(raw)

    def delete(self, ids: Collection[int]) -> int:
        """Delete rows for good (the history keeps the bodies that carried them); returns how many.

        Raises StoreError if any of them is being sent (nothing is deleted then).
        """
        with self._transaction() as db:
            self._refuse_in_flight(db, ids)
            return db.execute(f"DELETE FROM outbox WHERE {_IN_IDS}", (_ids_json(ids),)).rowcount

    def remove_from_editor(self, ids: Collection[int]) -> int:
        """What the editor's "remove" does: sent rows leave the table but stay on record, others are deleted.

        Returns the number of rows affected. Raises StoreError if any is being sent.
        """
        with self._transaction() as db:
            self._refuse_in_flight(db, ids)
            ids_json = _ids_json(ids)
            hidden = db.execute(
                f"UPDATE outbox SET in_editor = 0, updated_ms = ? WHERE {_IN_IDS} AND state = 'sent'",
                (_now_ms(), ids_json),
            ).rowcount
            deleted = db.execute(f"DELETE FROM outbox WHERE {_IN_IDS} AND state != 'sent'", (ids_json,)).rowcount
        return int(hidden + deleted)

    @staticmethod
    def _refuse_in_flight(db: sqlite3.Connection, ids: Collection[int]) -> None:
        busy = db.execute(
            f"SELECT count(*) FROM outbox WHERE {_IN_IDS} AND state = 'in_flight'", (_ids_json(ids),)
        ).fetchone()[0]
        if busy:
            raise StoreError(f"{busy} of these datapoints are being sent; wait for the send to finish")

    def queue(self, ids: Iterable[int], endpoint: str, device_id: str) -> int:
        """Queue rows for sending to `endpoint`/`device_id` (draft, unsent, unknown, failed -> unsent).

        `unknown` rows stay `unknown` (re-addressed): whether they arrived is still not
        known. Returns the number of rows queued; sent and in-flight rows are left alone.
        The endpoint is normalised (`normalise_endpoint`: no trailing slash); ConfigError if invalid.
        Only the window's Send and a history resend queue rows, each to the target the rows
        already have (or, for rows without one, the target in use); `retarget` moves rows.

        One transaction, a statement per `_IDS_JSON_STEP` ids, `ids` read a step at a time
        (an iterator may list them as they go): SQLite runs each statement without the GIL,
        so queueing a million rows on a worker never keeps it from the GUI thread for more
        than the few milliseconds of listing one step.
        """
        if not (endpoint and device_id):
            raise ValueError("queue needs an endpoint and a device id")
        endpoint = normalise_endpoint(endpoint)
        with self._transaction() as db:
            now = _now_ms()
            return sum(
                db.execute(
                    "UPDATE outbox SET endpoint = ?, device_id = ?, last_error = '', updated_ms = ?, "
                    "state = CASE state WHEN 'unknown' THEN 'unknown' ELSE 'unsent' END "
                    f"WHERE {_IN_IDS} AND state IN ('draft', 'unsent', 'unknown', 'failed')",
                    (endpoint, device_id, now, step),
                ).rowcount
                for step in _ids_json_steps(ids)
            )

    def retarget(self, ids: Collection[int], target: Target) -> int:
        """Give rows not sent yet a new target (the user moved them); returns how many moved.

        Draft, unsent, unknown and failed rows move (an unknown row may be stored at its old
        target already: the user chose); sent and in-flight rows keep theirs, as the history
        does. ValueError for an empty target.
        """
        if not target.is_set:
            raise ValueError("rows are moved to a target with an endpoint and a device id")
        with self._transaction() as db:
            return int(
                db.execute(
                    "UPDATE outbox SET endpoint = ?, device_id = ?, platform = ?, updated_ms = ? "
                    f"WHERE {_IN_IDS} AND state NOT IN ('sent', 'in_flight')",
                    (target.endpoint, target.device_id, target.platform.value, _now_ms(), _ids_json(ids)),
                ).rowcount
            )

    def adopt_untargeted(self, target: Target) -> list[int]:
        """Give the editor's rows that have no target (drafts of schema v3) `target`; returns their ids.

        The window calls it with the connection it opens on: the target v3's Send would
        have used for them. ValueError for an empty target.
        """
        if not target.is_set:
            raise ValueError("rows are given a target with an endpoint and a device id")
        with self._transaction() as db:
            ids = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM outbox WHERE in_editor = 1 AND (endpoint = '' OR device_id = '') "
                    "AND state NOT IN ('sent', 'in_flight')"
                )
            ]
            if ids:
                db.execute(
                    f"UPDATE outbox SET endpoint = ?, device_id = ?, platform = ?, updated_ms = ? WHERE {_IN_IDS}",
                    (target.endpoint, target.device_id, target.platform.value, _now_ms(), _ids_json(ids)),
                )
        return ids

    def set_state(self, ids: Collection[int], state: State) -> int:
        """Force rows to `state` (e.g. the editor's "mark unsent": DRAFT); in-flight rows are left alone.

        Returns the number of rows changed. IN_FLIGHT cannot be set (ValueError): only a
        pipeline marks rows in flight.
        """
        if state is State.IN_FLIGHT:
            raise ValueError("only a pipeline marks rows in flight")
        with self._transaction() as db:
            return int(
                db.execute(
                    f"UPDATE outbox SET state = ?, updated_ms = ? WHERE {_IN_IDS} AND state != 'in_flight'",
                    (state.value, _now_ms(), _ids_json(ids)),
                ).rowcount
            )

    # -- reading rows --------------------------------------------------------------------------------

    def editor_rows(self) -> list[OutboxRow]:
        """The rows the window's table shows, by id: those typed or imported in the window and not removed.

        Rows queued headless (`send`, a history resend of rows no longer in the table) are
        not among them: `outbox send` sends them. Every row keeps its target either way;
        the window's Send takes only its table's rows of the connection's target.
        """
        raw = self._query(f"SELECT {_ROW_COLUMNS} FROM outbox WHERE in_editor = 1 ORDER BY id")
        return [_row(r) for r in raw]

    def get(self, ids: Collection[int]) -> list[OutboxRow]:
        """The rows with these ids, by id (missing ids are skipped)."""
        raw = self._query(f"SELECT {_ROW_COLUMNS} FROM outbox WHERE {_IN_IDS} ORDER BY id", (_ids_json(ids),))
        return [_row(r) for r in raw]

    def states(self, ids: Collection[int]) -> list[tuple[int, State, int]]:
        """`(id, state, revision)` of the rows with these ids, by id (missing ids are skipped).

        What a send's progress shows of each row, without reading the rest of it (`get` parses
        three times and the value of every row: a million rows' progress on the sending thread).
        """
        raw = self._query(f"SELECT id, state, revision FROM outbox WHERE {_IN_IDS} ORDER BY id", (_ids_json(ids),))
        states = _STATES
        return [(r[0], states[r[1]], r[2]) for r in raw]

    def rows(
        self,
        states: Collection[State] | None = None,
        *,
        endpoint: str | None = None,
        device_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[OutboxRow]:
        """Rows by id, optionally only in `states`, of one endpoint/device, a page of `limit` from `offset`."""
        where, params = self._filter(states, endpoint, device_id)
        sql = f"SELECT {_ROW_COLUMNS} FROM outbox{where} ORDER BY id LIMIT ? OFFSET ?"
        raw = self._query(sql, [*params, -1 if limit is None else limit, offset])
        return [_row(r) for r in raw]

    @staticmethod
    def _filter(states: Collection[State] | None, endpoint: str | None, device_id: str | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if states is not None:
            clauses.append(f"state IN ({', '.join('?' * len(states)) or 'NULL'})")
            params += [s.value for s in states]
        if endpoint is not None:
            clauses.append("endpoint = ?")
            params.append(endpoint)
        if device_id is not None:
            clauses.append("device_id = ?")
            params.append(device_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def counts(self, *, endpoint: str | None = None, device_id: str | None = None) -> dict[State, int]:
        """Number of rows in each state (every state present, 0 if none), optionally of one endpoint/device."""
        where, params = self._filter(None, endpoint, device_id)
        found = dict(self._query(f"SELECT state, count(*) FROM outbox{where} GROUP BY state", params))
        return {state: int(found.get(state.value, 0)) for state in State}

    def queued(self, *, endpoint: str | None = None, device_id: str | None = None) -> list[QueuedRow]:
        """The rows a send takes (`unsent`, `unknown`; of one endpoint/device if given), by id.

        Only what a request is made of (`QueuedRow`), `at` already in platform time
        (UTC+8), ready for the encoders: this runs per datapoint of an `outbox send`.
        Which of them a send may take is `gui.data.outbox`'s rule (`may_store_twice`).
        """
        where, params = self._filter(SENDABLE, endpoint, device_id)
        raw = self._query(
            "SELECT id, revision, endpoint, device_id, stream_id, state, at_ms, value, platform "
            f"FROM outbox{where} ORDER BY id",
            params,
        )
        # from_ms(), inlined. timedelta(0, 0, 0, ms) is timedelta(milliseconds=ms), exact,
        # without the keyword argument's cost (a third faster); State(...) as a dict lookup.
        epoch, delta, states, platforms = _EPOCHS[PLATFORM_TZ], timedelta, _STATES, _PLATFORMS
        return [
            QueuedRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                states[r[5]],
                Datapoint(_value(r[7]), epoch + delta(0, 0, 0, r[6]) if r[6] is not None else None),
                platforms[r[8]],
            )
            for r in raw
        ]

    def from_source(self, source_hash: str, endpoint: str, device_id: str) -> list[SourceRow]:
        """The rows read from the file with this SHA-256 and queued to `endpoint`/`device_id`, by id.

        What a second `send` of the same file asks before it queues anything (drafts and
        rows of other targets are not counted). The endpoint is normalised as `queue`
        stores it; ConfigError if invalid.
        """
        raw = self._query(
            "SELECT source_row, stream_id, state FROM outbox WHERE source_hash = ? AND endpoint = ? "
            "AND device_id = ? AND state != 'draft' ORDER BY id",
            (source_hash, normalise_endpoint(endpoint), device_id),
        )
        return [SourceRow(r[0], r[1], _STATES[r[2]]) for r in raw]

    # -- crash recovery ----------------------------------------------------------------------------

    def recover(self, lock: SendLock | None = None) -> int | None:
        """After a crash: rows left `in_flight` become `unknown`, unfinished requests `unknown`.

        Only safe when no other sender is running, so it needs the send lock: pass the
        one you hold, or it is tried here and None returned if another sender has it
        (the rows really are in flight then). Returns the number of rows recovered.
        Without a lock and with nothing in flight (no row `in_flight`, no request without
        an outcome: what a start finds unless a sender was killed or runs now) there is
        nothing to recover: 0 at once, no lock taken (`filelock` is not even imported).
        Call it when the window starts; the pipeline calls it before every run.
        """
        if lock is None:
            if not self._query(_UNFINISHED)[0][0]:
                return 0
            try:
                with self.send_lock() as own:
                    return self.recover(own)
            except StoreBusy:
                return None
        if not lock.held:
            raise StoreError("recover() needs the send lock held")
        now = _now_ms()
        with self._transaction() as db:
            count = db.execute(
                "UPDATE outbox SET state = 'unknown', updated_ms = ?, "
                "last_error = 'the program stopped while sending these' WHERE state = 'in_flight'",
                (now,),
            ).rowcount
            db.execute("UPDATE requests SET outcome = 'unknown', finished_ms = ? WHERE outcome IS NULL", (now,))
        return int(count)

    # -- the pipeline's bookkeeping ----------------------------------------------------------------

    def begin_request(
        self,
        endpoint: str,
        device_id: str,
        body: EncodedBody,
        outbox_ids: Sequence[int],
        revisions: Sequence[int],
        idempotent: bool,
        upload_id: int | None = None,
        sent_to: str | None = None,
        platform: Platform = Platform.DATAPOINTS,
    ) -> BegunRequest | None:
        """Record a request and mark its rows `in_flight`, atomically, before it is sent.

        `upload_id` (from `new_upload_id`) groups the requests of one upload. `sent_to` is
        the endpoint the history records when it is not `endpoint` itself: the URL of the
        window's sandbox for its rows (`gui.data.target.SANDBOX_ENDPOINT`). `platform` is
        the platform it goes to (recorded with it; the rows must be of that platform).

        Returns None (and changes nothing) unless every row still exists, is unsent or
        unknown, is addressed to `endpoint`/`device_id` and is at the `revisions` the
        body was made from: the body must be exactly the rows as they are now.
        """
        if len(outbox_ids) != len(revisions) or not outbox_ids:
            raise ValueError("one revision per outbox id, at least one id")
        ids_json = _ids_json(outbox_ids)
        where, where_params = _where_ids(outbox_ids)
        now = _now_ms()
        with self._transaction(durable=False) as db:
            # Revisions only grow, so equal sums mean every row is at its planned revision.
            count, revision_sum, unknown = db.execute(
                "SELECT count(*), total(revision), total(state = 'unknown') FROM outbox "
                f"WHERE {where} AND state IN ('unsent', 'unknown') AND endpoint = ? AND device_id = ? AND platform = ?",
                (*where_params, endpoint, device_id, platform.value),
            ).fetchone()
            if count != len(outbox_ids) or revision_sum != sum(revisions):
                return None
            was_unknown: frozenset[int] = frozenset()
            if unknown:
                was_unknown = frozenset(
                    r[0] for r in db.execute(f"SELECT id FROM outbox WHERE {where} AND state = 'unknown'", where_params)
                )
            request_id = db.execute(
                "INSERT INTO requests (created_ms, endpoint, device_id, body_type, content_type, body, datapoints, "
                "outbox_ids, idempotent, upload_id, platform) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    sent_to or endpoint,
                    device_id,
                    int(body.type),
                    body.content_type,
                    body.data,
                    len(outbox_ids),
                    ids_json,
                    int(idempotent),
                    upload_id,
                    platform.value,
                ),
            ).lastrowid
            assert request_id is not None
            db.execute(f"UPDATE outbox SET state = 'in_flight', updated_ms = ? WHERE {where}", (now, *where_params))
        return BegunRequest(request_id, tuple(outbox_ids), was_unknown)

    def _put_back_sql(self, begun: BegunRequest, sets: str) -> tuple[str, tuple[Any, ...]]:
        """`UPDATE outbox` putting the rows back to `unsent` or, if they were, `unknown`; plus `sets`."""
        where, where_params = _where_ids(begun.outbox_ids)
        if not begun.was_unknown:
            return f"UPDATE outbox SET state = 'unsent', {sets} WHERE {where}", where_params
        return (
            "UPDATE outbox SET state = CASE WHEN id IN (SELECT value FROM json_each(?)) THEN 'unknown' "
            f"ELSE 'unsent' END, {sets} WHERE {where}",
            (_ids_json(begun.was_unknown), *where_params),
        )

    def abandon_request(self, begun: BegunRequest) -> None:
        """Undo `begin_request` for a request that was never sent: rows back as they were, request forgotten."""
        sql, params = self._put_back_sql(begun, "updated_ms = ?")
        with self._transaction(durable=False) as db:
            # `sets` params come first in the statement, then the id clause's.
            db.execute(sql, _with_sets(params, (_now_ms(),), begun))
            db.execute("DELETE FROM requests WHERE id = ?", (begun.request_id,))

    def record_attempt(self, request_id: int, attempt: Attempt) -> None:
        """Add one attempt (not the last) of a running request to the history."""
        with self._transaction(durable=False) as db:
            self._insert_attempt(db, request_id, attempt)

    def finish_request(
        self,
        begun: BegunRequest,
        outcome: RequestOutcome,
        last: Attempt | None,
        last_error: str | Message = "",
    ) -> None:
        """Record the last attempt (if any) and move the request's rows on, in one transaction.

        SENT/FAILED/UNKNOWN set the rows to that state (`last_error` kept on failed and
        unknown rows); UNSENT (never delivered) puts them back as they were: `unknown`
        if they were before, else `unsent`.
        """
        now = _now_ms()
        shown = stored(last_error) if isinstance(last_error, Message) else last_error
        error = "" if outcome is RequestOutcome.SENT else redact(shown)
        sets = ("last_error = ?, request_id = ?, updated_ms = ?", (error, begun.request_id, now))
        with self._transaction(durable=False) as db:
            if last is not None:
                self._insert_attempt(db, begun.request_id, last)
            db.execute(
                "UPDATE requests SET outcome = ?, finished_ms = ? WHERE id = ?",
                (outcome.value, now, begun.request_id),
            )
            if outcome is RequestOutcome.UNSENT:
                sql, params = self._put_back_sql(begun, sets[0])
                db.execute(sql, _with_sets(params, sets[1], begun))
            else:
                where, where_params = _where_ids(begun.outbox_ids)
                db.execute(
                    f"UPDATE outbox SET state = ?, {sets[0]} WHERE {where}", (outcome.value, *sets[1], *where_params)
                )

    @staticmethod
    def _insert_attempt(db: sqlite3.Connection, request_id: int, attempt: Attempt) -> None:
        # redact(): a registered api-key never reaches the file, even if an answer echoed it.
        db.execute(
            "INSERT INTO attempts (request_id, number, started_ms, latency_ms, http_status, errno, error, response, "
            "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                request_id,
                attempt.number,
                unix_ms(attempt.started),
                attempt.latency_s * 1000.0,
                attempt.http_status,
                attempt.errno,
                redact(stored(attempt.text) if attempt.text is not None else attempt.error),
                redact(attempt.response[:RESPONSE_CHARS]),
                attempt.outcome.value,
            ),
        )
