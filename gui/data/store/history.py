"""The request history: attempts with their exact requests, paged and filtered, uploads, retention."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from gui.data.store.codec import _like, from_ms
from gui.data.store.connection import Connection
from gui.data.store.records import (
    Attempt,
    AttemptOutcome,
    HistoryEntry,
    HistoryFilter,
    HistorySummary,
    RequestOutcome,
    UploadedRequest,
    stored_text,
)
from gui.data.target import Platform
from gui.onenet.formats import BodyType
from gui.onenet.readings import unix_ms

#: The filter that matches every history row.
_ANY = HistoryFilter()


class HistoryTables(Connection):
    """The requests and attempts tables (and the `history` view over them)."""

    # -- history ------------------------------------------------------------------------------------

    def history(self, limit: int | None = 100, *, request_id: int | None = None) -> list[HistoryEntry]:
        """Attempts, newest first (or every attempt of one request, oldest first), with their requests."""
        columns = (
            "attempt_id, request_id, number, started_ms, endpoint, device_id, body_type, content_type, body, "
            "datapoints, outbox_ids, http_status, errno, error, response, latency_ms, outcome, request_outcome, "
            "platform"
        )
        if request_id is not None:
            raw = self._query(f"SELECT {columns} FROM history WHERE request_id = ? ORDER BY attempt_id", [request_id])
        else:
            raw = self._query(
                f"SELECT {columns} FROM history ORDER BY request_id DESC, attempt_id DESC LIMIT ?",
                [-1 if limit is None else limit],
            )
        return [
            HistoryEntry(
                attempt_id=r[0],
                request_id=r[1],
                endpoint=r[4],
                device_id=r[5],
                body_type=BodyType(r[6]),
                content_type=r[7],
                body=bytes(r[8]),
                datapoints=r[9],
                outbox_ids=tuple(json.loads(r[10])),
                request_outcome=RequestOutcome(r[17]) if r[17] is not None else None,
                platform=Platform(r[18]),
                attempt=None
                if r[0] is None
                else Attempt(
                    number=r[2],
                    started=from_ms(r[3]),
                    latency_s=r[15] / 1000.0,
                    http_status=r[11],
                    errno=r[12],
                    error=stored_text(r[13])[0],
                    response=r[14],
                    outcome=AttemptOutcome(r[16]),
                    text=stored_text(r[13])[1],
                ),
            )
            for r in raw
        ]

    @staticmethod
    def _history_where(flt: HistoryFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt.outcome:
            clauses.append("COALESCE(outcome, request_outcome) = ?")
            params.append(flt.outcome)
        if flt.device:
            clauses.append("device_id LIKE ? ESCAPE '\\'")
            params.append(_like(flt.device))
        if flt.since is not None:
            clauses.append("COALESCE(started_ms, created_ms) >= ?")
            params.append(unix_ms(flt.since))
        if flt.until is not None:
            clauses.append("COALESCE(started_ms, created_ms) < ?")
            params.append(unix_ms(flt.until))
        if flt.text:
            pattern = _like(flt.text)
            clauses.append(
                "(error LIKE ? ESCAPE '\\' OR endpoint LIKE ? ESCAPE '\\' OR device_id LIKE ? ESCAPE '\\' "
                "OR CAST(body AS TEXT) LIKE ? ESCAPE '\\')"
            )
            params += [pattern] * 4
        if flt.max_request_id is not None:
            clauses.append("request_id <= ?")
            params.append(flt.max_request_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def history_count(self, flt: HistoryFilter = _ANY) -> int:
        """How many history rows (attempts; requests without one count once) match `flt`."""
        where, params = self._history_where(flt)
        return int(self._query(f"SELECT count(*) FROM history{where}", params)[0][0])

    def history_page(
        self,
        flt: HistoryFilter = _ANY,
        offset: int = 0,
        limit: int = 500,
        *,
        with_body: bool = False,
    ) -> list[HistorySummary]:
        """A page of history rows matching `flt`, newest first (by request, then attempt), from `offset`."""
        where, params = self._history_where(flt)
        return self._history_rows(where, params, limit, offset, with_body)

    def history_pages(
        self, flt: HistoryFilter = _ANY, page_size: int = 1000, *, with_body: bool = False
    ) -> Iterator[list[HistorySummary]]:
        """Every history row matching `flt`, newest first, in pages of at most `page_size` rows.

        Keyset paging (each page starts after the last row of the one before), so every page
        costs the same however deep it is, and the store is free for other threads between
        pages. Pin `flt.max_request_id` for a consistent snapshot while sends add requests.
        Raises ValueError for a `page_size` below 1.
        """
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        where, params = self._history_where(flt)
        after: tuple[int, int | None] | None = None
        while True:
            keyset_where, keyset_params = where, list(params)
            if after is not None:
                request_id, attempt_id = after
                keyset_where += " AND " if keyset_where else " WHERE "
                if attempt_id is None:  # a request without attempts has this one row
                    keyset_where += "request_id < ?"
                    keyset_params.append(request_id)
                else:  # the request's older attempts, then older requests
                    keyset_where += "request_id <= ? AND (request_id < ? OR attempt_id < ?)"
                    keyset_params += [request_id, request_id, attempt_id]
            page = self._history_rows(keyset_where, keyset_params, page_size, 0, with_body)
            if page:
                yield page
            if len(page) < page_size:
                return
            after = (page[-1].request_id, page[-1].attempt_id)

    def _history_rows(
        self, where: str, params: list[Any], limit: int, offset: int, with_body: bool
    ) -> list[HistorySummary]:
        body = ", body" if with_body else ""
        raw = self._query(
            "SELECT attempt_id, request_id, number, COALESCE(started_ms, created_ms), endpoint, device_id, body_type, "
            "datapoints, COALESCE(outcome, request_outcome, ''), http_status, errno, latency_ms, COALESCE(error, '')"
            f"{body} FROM history{where} ORDER BY request_id DESC, attempt_id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [
            HistorySummary(
                attempt_id=r[0],
                request_id=r[1],
                number=r[2],
                time=from_ms(r[3]),
                endpoint=r[4],
                device_id=r[5],
                body_type=BodyType(r[6]),
                datapoints=r[7],
                outcome=r[8],
                http_status=r[9],
                errno=r[10],
                latency_s=r[11] / 1000.0 if r[11] is not None else None,
                error=stored_text(r[12])[0],
                error_text=stored_text(r[12])[1],
                body=bytes(r[13]) if with_body else None,
            )
            for r in raw
        ]

    def last_request_id(self) -> int:
        """The newest request's id (0 when the history is empty)."""
        return int(self._query("SELECT COALESCE(max(id), 0) FROM requests")[0][0])

    def new_upload_id(self) -> int:
        """A number for the requests of a new upload (one more than any so far); call it holding the send lock."""
        return int(self._query("SELECT COALESCE(max(upload_id), 0) + 1 FROM requests")[0][0])

    def last_upload(self, device_id: str | None = None) -> list[UploadedRequest]:
        """The requests of the newest upload (to `device_id`, if given), oldest first; [] if there is none.

        An upload is what one Send (or one `outbox send`) sent; it may hold requests to
        several devices unless `device_id` narrows it.
        """
        device_sql, device_params = ("AND device_id = ?", [device_id]) if device_id is not None else ("", [])
        newest = self._query(
            f"SELECT id, upload_id FROM requests WHERE 1 {device_sql} ORDER BY id DESC LIMIT 1", device_params
        )
        if not newest:
            return []
        request_id, upload_id = newest[0]
        where, params = ("upload_id = ?", [upload_id]) if upload_id is not None else ("id = ?", [request_id])
        raw = self._query(
            "SELECT id, upload_id, created_ms, endpoint, device_id, body_type, body, datapoints, outcome "
            f"FROM requests WHERE {where} {device_sql} ORDER BY id",
            [*params, *device_params],
        )
        return [
            UploadedRequest(
                request_id=r[0],
                upload_id=r[1],
                created=from_ms(r[2]),
                endpoint=r[3],
                device_id=r[4],
                body_type=BodyType(r[5]),
                body=bytes(r[6]),
                datapoints=r[7],
                outcome=RequestOutcome(r[8]) if r[8] is not None else None,
            )
            for r in raw
        ]

    def request_count(self) -> int:
        """How many requests the history holds."""
        return int(self._query("SELECT count(*) FROM requests")[0][0])

    def prune(self, older_than: timedelta, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> int:
        """Forget finished requests (with their attempts) and sent rows not in the editor, older than that.

        Unsent, unknown, failed and draft rows are never pruned, nor is the last request
        of an unknown or failed row (the history that explains it). Returns the number
        of requests removed.
        """
        cutoff = unix_ms(now() - older_than)
        with self._transaction() as db:
            removed = db.execute(
                "DELETE FROM requests WHERE outcome IS NOT NULL AND finished_ms < ? AND NOT EXISTS "
                "(SELECT 1 FROM outbox WHERE outbox.request_id = requests.id AND state IN ('unknown', 'failed'))",
                (cutoff,),
            ).rowcount
            db.execute("DELETE FROM outbox WHERE state = 'sent' AND in_editor = 0 AND updated_ms < ?", (cutoff,))
        return int(removed)
