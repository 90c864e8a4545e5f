"""The outbox and the request history on disk: one SQLite database (stdlib sqlite3, WAL).

Every datapoint typed or imported is a row of the **outbox** before any request
carries it; every request attempt is a row of the **history**. Killed at any moment,
the program finds on its next start exactly what it had: rows being sent at the time
are `in_flight` and become `unknown` (`Store.recover`), everything else is as it was
committed. The api-key is never stored here (it lives in the OS keyring, see
`gui.data.secrets`). No Qt here.

Outbox row states (`State`)::

    draft ──queue──▶ unsent ──begin──▶ in_flight ──▶ sent
      ▲                ▲                   │    ├──▶ failed   (rejected: auth, validation)
      └──── update ────┴── not delivered ◀─┘    └──▶ unknown  (may have arrived: timeout,
                                                               dropped connection, odd answer)

`draft` rows are the editor's rows the user has not asked to send (they survive a
crash; `onenet-uploader outbox send` leaves them alone). `unsent` and `unknown` rows are
what a send takes; resending an `unknown` row is harmless when it has an explicit
`at`: OneNET overwrites a datapoint of a stream with an equal `at` (shared
onenet-api.md, "Overwrite rule"), see `gui.data.pipeline.is_safe_to_resend`.

Units and zones: `at` is stored as `at_ms`, integer milliseconds since the Unix epoch
(UTC), NULL when the platform is to stamp the point; `created_ms`/`updated_ms`/
`started_ms`/`finished_ms` likewise. Values are JSON text (`84`, `23.001`, `"text"`,
`{"x": 1}`) plus the `ValueKind` the user chose.

Durability: entry-time writes (`add`, `update`, `queue`, ...) commit with
`synchronous=FULL` (an fsync per transaction: a reading survives a power cut once
`add` returned). The pipeline's bookkeeping commits with `synchronous=NORMAL`
(WAL: safe against a crashed or killed process; a power cut may forget the last
"sent" marks, so those rows are sent again - harmless with explicit `at`). Pass
`durable_bookkeeping=True` to fsync those too.

Concurrency: one `Store` may be shared by threads (an internal lock serialises its
calls; transactions are short). Several processes may open the same file (WAL);
only one at a time may send, see `Store.send_lock`.
"""

from __future__ import annotations

import contextlib
import enum
import json
import math
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from gui.data.logs import redact
from gui.data.paths import default_store_path, ensure_dir
from gui.onenet.client import validate_endpoint
from gui.onenet.formats import BodyType, EncodedBody
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Value, ValueKind

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Attempt",
    "AttemptOutcome",
    "BegunRequest",
    "HistoryEntry",
    "HistoryFilter",
    "HistorySummary",
    "NewRow",
    "OutboxRow",
    "RequestOutcome",
    "SendLock",
    "State",
    "Store",
    "StoreBusy",
    "StoreError",
    "UploadedRequest",
    "migrate",
]


class State(enum.StrEnum):
    """Where an outbox row is (see the module docstring for the transitions)."""

    DRAFT = "draft"  #: in the editor, not queued for sending
    UNSENT = "unsent"  #: queued: to be sent to its endpoint and device
    IN_FLIGHT = "in_flight"  #: carried by a request that has not finished
    UNKNOWN = "unknown"  #: a request carrying it may or may not have stored it
    SENT = "sent"  #: the platform answered errno 0 to a request carrying it
    FAILED = "failed"  #: the platform refused it (auth, validation); needs the user


#: States a send takes (`unsent`, `unknown`); a row must be queued (`unsent`) to be sent.
SENDABLE = (State.UNSENT, State.UNKNOWN)


class AttemptOutcome(enum.StrEnum):
    """The result of one HTTP attempt, as the history records it."""

    SENT = "sent"  #: errno 0
    FAILED = "failed"  #: an answer saying it was not stored (4xx, 5xx, errno != 0) or no connection
    UNKNOWN = "unknown"  #: it may have been stored: timeout after sending, dropped connection, odd answer


class RequestOutcome(enum.StrEnum):
    """The final result of a request (all its attempts); also what happens to its rows."""

    SENT = "sent"  #: rows -> sent
    FAILED = "failed"  #: rows -> failed
    UNKNOWN = "unknown"  #: rows -> unknown
    UNSENT = "unsent"  #: never delivered (no connection, 429, 5xx, cancelled): rows back as they were


class StoreError(Exception):
    """The database cannot be used: too new a schema, a row being sent cannot be edited, etc."""


class StoreBusy(StoreError):
    """Another process (or pipeline) is sending from this outbox right now."""


@dataclass(frozen=True)
class NewRow:
    """A datapoint entering the outbox: its stream, the point, the kind the user chose."""

    stream_id: str
    point: Datapoint
    kind: ValueKind = ValueKind.AUTO


@dataclass(frozen=True)
class OutboxRow:
    """One outbox row as stored. `at`, `created`, `updated` are aware datetimes in UTC.

    `revision` counts content edits (0 when added); a planned request remembers it so a
    row edited after its body was encoded is not sent with stale content.
    `request_id` is the last finished request that carried the row (None if none did).
    """

    id: int
    endpoint: str
    device_id: str
    stream_id: str
    at: datetime | None
    value: Value
    kind: ValueKind
    state: State
    in_editor: bool
    revision: int
    request_id: int | None
    last_error: str
    created: datetime
    updated: datetime

    @property
    def point(self) -> Datapoint:
        """The datapoint (value and `at`) of this row."""
        return Datapoint(self.value, self.at)


@dataclass(frozen=True)
class Attempt:
    """One HTTP attempt of a request: when (UTC), how long (s), what came back, the outcome.

    `http_status`/`errno` are None when there was no answer (or no errno in it); `error`
    is the platform's `error` text or our description of the failure; `response` the
    start of the raw answer (at most 2000 characters). Secrets are masked before storing.
    """

    number: int
    started: datetime
    latency_s: float
    http_status: int | None
    errno: int | None
    error: str
    response: str
    outcome: AttemptOutcome


@dataclass(frozen=True)
class HistoryEntry:
    """An attempt with its request: endpoint, device, body type and exact body bytes, carried ids.

    `attempt` (and `attempt_id`) is None for a request none of whose attempts finished:
    the program stopped while it was on the wire (its `request_outcome` is then unknown).
    """

    attempt_id: int | None
    request_id: int
    endpoint: str
    device_id: str
    body_type: BodyType
    content_type: str
    body: bytes
    datapoints: int
    outbox_ids: tuple[int, ...]
    request_outcome: RequestOutcome | None
    attempt: Attempt | None


@dataclass(frozen=True)
class UploadedRequest:
    """A request of an upload (one Send or `outbox send`): its target, exact body and outcome.

    `upload_id` is None for a request recorded before uploads were numbered (schema v1):
    such a request is an upload of its own. `created` is UTC. `outcome` is None while
    (or if the program stopped while) the request was on the wire.
    """

    request_id: int
    upload_id: int | None
    created: datetime
    endpoint: str
    device_id: str
    body_type: BodyType
    body: bytes
    datapoints: int
    outcome: RequestOutcome | None


@dataclass(frozen=True)
class BegunRequest:
    """A request the store has marked in flight: its id, its rows, which of them were `unknown` before."""

    request_id: int
    outbox_ids: tuple[int, ...]
    was_unknown: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class HistoryFilter:
    """Which history rows a paged query returns; every field None/empty means "any".

    `outcome` matches the attempt's outcome (or, for a request with no finished attempt,
    the request's). `device` is a substring of the device id. `since`/`until` bound the
    attempt's start (the request's creation when it has no attempt), `until` exclusive.
    `text` is a substring (case-insensitive for ASCII) of the error, endpoint, device id
    or body. `max_request_id` pins a snapshot: later requests are left out, so pages
    fetched one after the other do not shift when a send adds requests meanwhile.
    """

    outcome: str | None = None
    device: str = ""
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    max_request_id: int | None = None


@dataclass(frozen=True)
class HistorySummary:
    """One history row as a table shows it (no body, no raw response: see `Store.history(request_id=...)`).

    `time` is the attempt's start (UTC), or the request's creation when it has no finished
    attempt (then `attempt_id`, `http_status`, `errno`, `latency_s` are None and `outcome`
    is the request's). `body` is only filled when asked for (`with_body=True`).
    """

    attempt_id: int | None
    request_id: int
    number: int | None
    time: datetime
    endpoint: str
    device_id: str
    body_type: BodyType
    datapoints: int
    outcome: str
    http_status: int | None
    errno: int | None
    latency_s: float | None
    error: str
    body: bytes | None = None


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere (with `ESCAPE '\\'`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- schema -------------------------------------------------------------------------------

#: Migrations, one per schema version: MIGRATIONS[i] takes a database from version i to
#: i + 1 (version 0 is a new, empty file). Append new versions; never edit released ones.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # v1: outbox, requests (exact bodies), attempts, history view.
    (
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            endpoint TEXT NOT NULL DEFAULT '',
            device_id TEXT NOT NULL DEFAULT '',
            stream_id TEXT NOT NULL,
            at_ms INTEGER,
            value TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'auto',
            state TEXT NOT NULL DEFAULT 'draft'
                CHECK (state IN ('draft', 'unsent', 'in_flight', 'unknown', 'sent', 'failed')),
            in_editor INTEGER NOT NULL DEFAULT 1,
            revision INTEGER NOT NULL DEFAULT 0,
            request_id INTEGER,
            last_error TEXT NOT NULL DEFAULT '',
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL
        )""",
        """CREATE TABLE requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_ms INTEGER NOT NULL,
            endpoint TEXT NOT NULL,
            device_id TEXT NOT NULL,
            body_type INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            body BLOB NOT NULL,
            datapoints INTEGER NOT NULL,
            outbox_ids TEXT NOT NULL,
            idempotent INTEGER NOT NULL,
            outcome TEXT CHECK (outcome IN ('sent', 'failed', 'unknown', 'unsent')),
            finished_ms INTEGER
        )""",
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            started_ms INTEGER NOT NULL,
            latency_ms REAL NOT NULL,
            http_status INTEGER,
            errno INTEGER,
            error TEXT NOT NULL DEFAULT '',
            response TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'unknown'))
        )""",
        "CREATE INDEX attempts_request ON attempts (request_id)",
        # One row per attempt; a request with no finished attempt (the program stopped while
        # it was on the wire) appears once, with NULL attempt columns.
        """CREATE VIEW history AS
            SELECT a.id AS attempt_id, r.id AS request_id, a.number, a.started_ms, r.endpoint, r.device_id,
                   r.body_type, r.content_type, r.body, r.datapoints, r.outbox_ids, a.http_status, a.errno,
                   a.error, a.response, a.latency_ms, a.outcome, r.outcome AS request_outcome, r.created_ms
            FROM requests AS r LEFT JOIN attempts AS a ON a.request_id = r.id""",
    ),
    # v2: the upload (one Send, one `outbox send`) each request belongs to; NULL for v1 requests.
    (
        "ALTER TABLE requests ADD COLUMN upload_id INTEGER",
        "CREATE INDEX requests_upload ON requests (upload_id)",
        "CREATE INDEX outbox_request ON outbox (request_id)",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Bring a database to `len(migrations)` via `PRAGMA user_version`; returns the version.

    Each step runs in its own transaction together with its version bump, so a failed
    step leaves the database at the previous version. Raises StoreError when the file
    is of a newer version than this program knows (written by a later release).
    The connection must be in autocommit mode (`isolation_level=None`).
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise StoreError(
            f"the outbox database is of schema version {version}, newer than this program's "
            f"{len(migrations)}: update the program"
        )
    while version < len(migrations):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations[version]:
                connection.execute(statement)
            version += 1
            connection.execute(f"PRAGMA user_version = {version:d}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return version


# -- conversions ------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCHS = {UTC: _EPOCH, PLATFORM_TZ: _EPOCH.astimezone(PLATFORM_TZ)}
_ONE_MS = timedelta(milliseconds=1)
#: Longest raw answer kept per attempt (characters).
RESPONSE_CHARS = 2000


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def to_ms(at: datetime) -> int:
    """Milliseconds since the Unix epoch (UTC) of an aware datetime; sub-ms fractions dropped."""
    return (at - _EPOCH) // _ONE_MS


def from_ms(ms: int, tz: timezone = UTC) -> datetime:
    """The aware datetime, in the fixed-offset zone `tz` (default UTC), of milliseconds since the Unix epoch."""
    # The epoch written in `tz` plus a timedelta is exact for a fixed offset (no DST).
    # timedelta(0, 0, 0, ms) is timedelta(milliseconds=ms) without the keyword's cost.
    return _EPOCHS.get(tz, _EPOCH.astimezone(tz)) + timedelta(0, 0, 0, ms)


def _value_json(value: Value) -> str:
    """Values as JSON text; refuses NaN/infinity (never sendable: not JSON)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be sent (not valid JSON)")
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


_KIND_TEXT = {kind: kind.value for kind in ValueKind}


def _value(text: str) -> Value:
    """Parse a stored value; numbers (the common case) without the JSON decoder's overhead."""
    first = text[0]
    if first == '"' or first == "{":
        value: Value = json.loads(text)
        return value
    if "." in text or "e" in text or "E" in text:
        return float(text)
    return int(text)


_ROW_COLUMNS = (
    "id, endpoint, device_id, stream_id, at_ms, value, kind, state, in_editor, revision, "
    "request_id, last_error, created_ms, updated_ms"
)


def _row(raw: tuple[Any, ...]) -> OutboxRow:
    return OutboxRow(
        id=raw[0],
        endpoint=raw[1],
        device_id=raw[2],
        stream_id=raw[3],
        at=from_ms(raw[4]) if raw[4] is not None else None,
        value=_value(raw[5]),
        kind=ValueKind(raw[6]),
        state=State(raw[7]),
        in_editor=bool(raw[8]),
        revision=raw[9],
        request_id=raw[10],
        last_error=raw[11],
        created=from_ms(raw[12]),
        updated=from_ms(raw[13]),
    )


def _ids_json(ids: Iterable[int]) -> str:
    return json.dumps([int(i) for i in ids])


#: `id IN` a JSON array bound as one parameter: any number of ids, one statement.
_IN_IDS = "id IN (SELECT value FROM json_each(?))"


def _where_ids(ids: Sequence[int]) -> tuple[str, tuple[Any, ...]]:
    """A WHERE term for these ids: `id BETWEEN` for a contiguous run (the usual planned request), else `_IN_IDS`."""
    if isinstance(ids, range) and ids.step == 1 and ids:
        return "id BETWEEN ? AND ?", (ids.start, ids.stop - 1)
    low, high = min(ids), max(ids)
    if high - low + 1 == len(ids) and len(set(ids)) == len(ids):
        return "id BETWEEN ? AND ?", (low, high)
    return _IN_IDS, (_ids_json(ids),)


def _with_sets(params: tuple[Any, ...], sets: tuple[Any, ...], begun: BegunRequest) -> tuple[Any, ...]:
    """Parameters of a `_put_back_sql` statement: the CASE's ids (if any), then `sets`, then the id clause's."""
    if begun.was_unknown:
        return (params[0], *sets, *params[1:])
    return (*sets, *params)


# -- the send lock ------------------------------------------------------------------------------


class SendLock:
    """An exclusive, non-blocking lock on `<database>.lock`, held while one pipeline sends.

    Held by an OS file lock (flock on POSIX, msvcrt.locking on Windows), so it is
    released when its process ends, however it ends (even `kill -9`). Use as a context
    manager; `acquire` raises StoreBusy when another holder has it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock now or raise StoreBusy."""
        if self._file is not None:
            raise StoreBusy("this send lock is already held")
        handle = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise StoreBusy("another send from this outbox is running (another window or command?)") from exc
        self._file = handle

    def release(self) -> None:
        """Let go of the lock (closing the file releases it)."""
        handle, self._file = self._file, None
        if handle is not None:
            if sys.platform == "win32":
                import msvcrt

                with contextlib.suppress(OSError):
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            handle.close()

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._file is not None

    def __enter__(self) -> SendLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


# -- the store -------------------------------------------------------------------------------------


class Store:
    """The outbox and history database at `path` (default `data_dir()/outbox.sqlite3`).

    Opens (creating the file and folder if needed, user-only permissions on POSIX),
    switches to WAL and migrates to `SCHEMA_VERSION`. Raises StoreError for a database
    of a newer schema, sqlite3.Error for a file that is not a database. Close it (or use
    it as a context manager) when done.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        durable_bookkeeping: bool = False,
        migrations: Sequence[Sequence[str]] = MIGRATIONS,
    ) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        ensure_dir(self.path.parent)
        self._lock = threading.RLock()
        self._bookkeeping_sync = "FULL" if durable_bookkeeping else "NORMAL"
        self._sync = ""
        self._depth = 0
        new = not self.path.exists()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            if new and sys.platform != "win32":
                os.chmod(self.path, 0o600)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._set_sync("FULL")
            self.schema_version = migrate(self._db, migrations)
        except BaseException:
            self._db.close()
            raise

    # -- plumbing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (committed data is on disk; nothing is pending between calls)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _set_sync(self, level: str) -> None:
        if self._sync != level:
            self._db.execute(f"PRAGMA synchronous = {level}")
            self._sync = level

    @contextlib.contextmanager
    def _transaction(self, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) under the store's lock; joins an open `batch`."""
        with self._lock:
            if self._depth:
                yield self._db
                return
            self._set_sync("FULL" if durable else self._bookkeeping_sync)
            self._db.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")
            finally:
                self._depth -= 1

    @contextlib.contextmanager
    def batch(self, durable: bool = True) -> Iterator[None]:
        """Run several store calls in one transaction (one commit): all of them happen or none.

        Other threads wait for the store until the batch ends; keep it short.
        `durable=False` commits like the pipeline's bookkeeping (see the module docstring).
        """
        with self._transaction(durable):
            yield

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def send_lock(self) -> SendLock:
        """The lock one sender holds while sending from this outbox (see SendLock)."""
        return SendLock(self.path.with_name(self.path.name + ".lock"))

    # -- entering and editing rows ---------------------------------------------------------------

    def add(
        self,
        rows: Iterable[NewRow],
        *,
        state: State = State.DRAFT,
        endpoint: str = "",
        device_id: str = "",
        in_editor: bool = True,
    ) -> list[int]:
        """Add datapoints in one transaction (executemany); returns their ids, in order.

        `state` is DRAFT (editor rows not yet queued) or UNSENT (queued for `endpoint`
        and `device_id`, e.g. an import sent at once; the endpoint is normalised by
        `validate_endpoint`, ConfigError if invalid). `in_editor` False keeps the rows
        out of the window's table once sent. Ids are never reused. Durable (fsync) when
        it returns. Raises ValueError for a NaN/infinite value (never sendable), for
        UNSENT without an endpoint and device, or another state.
        """
        if state not in (State.DRAFT, State.UNSENT):
            raise ValueError("new rows are draft or unsent")
        if state is State.UNSENT and not (endpoint and device_id):
            raise ValueError("unsent rows need an endpoint and a device id")
        if endpoint:
            endpoint = validate_endpoint(endpoint)
        now = _now_ms()
        editor = int(in_editor)
        kinds = _KIND_TEXT
        values = [
            (
                row.stream_id,
                None if row.point.at is None else (row.point.at - _EPOCH) // _ONE_MS,
                _value_json(row.point.value),
                kinds[row.kind],
            )
            for row in rows
        ]
        if not values:
            return []
        with self._transaction() as db:
            first = 1 + max(
                db.execute("SELECT coalesce(max(id), 0) FROM outbox").fetchone()[0],
                (db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone() or (0,))[0],
            )
            db.executemany(
                "INSERT INTO outbox (id, endpoint, device_id, stream_id, at_ms, value, kind, state, in_editor, "
                "created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (first + i, endpoint, device_id, stream_id, at_ms, value, kind, state.value, editor, now, now)
                    for i, (stream_id, at_ms, value, kind) in enumerate(values)
                ),
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
            params += [to_ms(point.at) if point.at is not None else None, _value_json(point.value)]
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

    def queue(self, ids: Collection[int], endpoint: str, device_id: str) -> int:
        """Queue rows for sending to `endpoint`/`device_id` (draft, unsent, unknown, failed -> unsent).

        `unknown` rows stay `unknown` (re-addressed): whether they arrived is still not
        known. Returns the number of rows queued; sent and in-flight rows are left alone.
        The endpoint is normalised (`validate_endpoint`: no trailing slash); ConfigError if invalid.
        """
        if not (endpoint and device_id):
            raise ValueError("queue needs an endpoint and a device id")
        endpoint = validate_endpoint(endpoint)
        with self._transaction() as db:
            return int(
                db.execute(
                    "UPDATE outbox SET endpoint = ?, device_id = ?, last_error = '', updated_ms = ?, "
                    "state = CASE state WHEN 'unknown' THEN 'unknown' ELSE 'unsent' END "
                    f"WHERE {_IN_IDS} AND state IN ('draft', 'unsent', 'unknown', 'failed')",
                    (endpoint, device_id, _now_ms(), _ids_json(ids)),
                ).rowcount
            )

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
        not among them: they keep the endpoint and device they were queued for, and
        `outbox send` sends them; the window's Send, which addresses its rows to the
        window's device, never takes them.
        """
        raw = self._query(f"SELECT {_ROW_COLUMNS} FROM outbox WHERE in_editor = 1 ORDER BY id")
        return [_row(r) for r in raw]

    def get(self, ids: Collection[int]) -> list[OutboxRow]:
        """The rows with these ids, by id (missing ids are skipped)."""
        raw = self._query(f"SELECT {_ROW_COLUMNS} FROM outbox WHERE {_IN_IDS} ORDER BY id", (_ids_json(ids),))
        return [_row(r) for r in raw]

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

    def sendable(
        self,
        max_points: int,
        *,
        endpoint: str | None = None,
        device_id: str | None = None,
        allow_duplicates: bool = False,
    ) -> tuple[list[tuple[str, str, Sequence[int]]], int]:
        """What a send takes, in chunks: `[(endpoint, device_id, ids)]`, and how many rows are held back.

        Unsent and unknown rows, grouped by endpoint and device, in id order, at most
        `max_points` per chunk (`ids` is a `range` when the ids are consecutive). `unknown`
        rows without an `at` are held back (counted, not listed) unless `allow_duplicates`:
        a copy of them could be stored twice (see `gui.data.pipeline.is_safe_to_resend`).
        Consecutive ids are not even read: 100,000 rows of one import plan in milliseconds.
        """
        if max_points < 1:
            raise ValueError("max_points must be at least 1")
        where, params = self._filter(SENDABLE, endpoint, device_id)
        risky = "state = 'unknown' AND at_ms IS NULL"
        held_back = 0
        if not allow_duplicates:
            held_back = int(self._query(f"SELECT count(*) FROM outbox{where} AND {risky}", params)[0][0])
            where += f" AND NOT ({risky})"
        chunks: list[tuple[str, str, Sequence[int]]] = []
        targets = self._query(
            f"SELECT endpoint, device_id, count(*), min(id), max(id) FROM outbox{where} "
            "GROUP BY endpoint, device_id ORDER BY endpoint, device_id",
            params,
        )
        for target_endpoint, target_device, count, low, high in targets:
            ids: Sequence[int]
            if high - low + 1 == count:  # consecutive ids (an import, a typing session): no need to read them
                ids = range(low, high + 1)
            else:
                ids = [
                    r[0]
                    for r in self._query(
                        f"SELECT id FROM outbox{where} AND endpoint = ? AND device_id = ? ORDER BY id",
                        [*params, target_endpoint, target_device],
                    )
                ]
            chunks += [
                (target_endpoint, target_device, ids[i : i + max_points]) for i in range(0, len(ids), max_points)
            ]
        return chunks, held_back

    def points(self, ids: Collection[int]) -> list[tuple[int, int, str, Datapoint]]:
        """`(id, revision, stream_id, datapoint)` of these rows, by id: what a request body is made of.

        `at` comes back in platform time (UTC+8), ready for the encoders.
        """
        if not ids:
            return []
        where, params = _where_ids(ids if isinstance(ids, range) else list(ids))
        raw = self._query(f"SELECT id, revision, stream_id, at_ms, value FROM outbox WHERE {where} ORDER BY id", params)
        # from_ms(), inlined: this runs per datapoint sent. timedelta(0, 0, 0, ms) is
        # timedelta(milliseconds=ms), exact, without the keyword argument's cost (a third faster).
        epoch, delta = _EPOCHS[PLATFORM_TZ], timedelta
        return [
            (r[0], r[1], r[2], Datapoint(_value(r[4]), epoch + delta(0, 0, 0, r[3]) if r[3] is not None else None))
            for r in raw
        ]

    # -- crash recovery ----------------------------------------------------------------------------

    def recover(self, lock: SendLock | None = None) -> int | None:
        """After a crash: rows left `in_flight` become `unknown`, unfinished requests `unknown`.

        Only safe when no other sender is running, so it needs the send lock: pass the
        one you hold, or it is tried here and None returned if another sender has it
        (the rows really are in flight then). Returns the number of rows recovered.
        Call it when the window starts; the pipeline calls it before every run.
        """
        if lock is None:
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
    ) -> BegunRequest | None:
        """Record a request and mark its rows `in_flight`, atomically, before it is sent.

        `upload_id` (from `new_upload_id`) groups the requests of one upload.

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
                f"WHERE {where} AND state IN ('unsent', 'unknown') AND endpoint = ? AND device_id = ?",
                (*where_params, endpoint, device_id),
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
                "outbox_ids, idempotent, upload_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    endpoint,
                    device_id,
                    int(body.type),
                    body.content_type,
                    body.data,
                    len(outbox_ids),
                    ids_json,
                    int(idempotent),
                    upload_id,
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
        self, begun: BegunRequest, outcome: RequestOutcome, last: Attempt | None, last_error: str = ""
    ) -> None:
        """Record the last attempt (if any) and move the request's rows on, in one transaction.

        SENT/FAILED/UNKNOWN set the rows to that state (`last_error` kept on failed and
        unknown rows); UNSENT (never delivered) puts them back as they were: `unknown`
        if they were before, else `unsent`.
        """
        now = _now_ms()
        error = "" if outcome is RequestOutcome.SENT else last_error
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
                to_ms(attempt.started),
                attempt.latency_s * 1000.0,
                attempt.http_status,
                attempt.errno,
                redact(attempt.error),
                redact(attempt.response[:RESPONSE_CHARS]),
                attempt.outcome.value,
            ),
        )

    # -- history ------------------------------------------------------------------------------------

    def history(self, limit: int | None = 100, *, request_id: int | None = None) -> list[HistoryEntry]:
        """Attempts, newest first (or every attempt of one request, oldest first), with their requests."""
        columns = (
            "attempt_id, request_id, number, started_ms, endpoint, device_id, body_type, content_type, body, "
            "datapoints, outbox_ids, http_status, errno, error, response, latency_ms, outcome, request_outcome"
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
                attempt=None
                if r[0] is None
                else Attempt(
                    number=r[2],
                    started=from_ms(r[3]),
                    latency_s=r[15] / 1000.0,
                    http_status=r[11],
                    errno=r[12],
                    error=r[13],
                    response=r[14],
                    outcome=AttemptOutcome(r[16]),
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
            params.append(to_ms(flt.since))
        if flt.until is not None:
            clauses.append("COALESCE(started_ms, created_ms) < ?")
            params.append(to_ms(flt.until))
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

    def history_count(self, flt: HistoryFilter = HistoryFilter()) -> int:
        """How many history rows (attempts; requests without one count once) match `flt`."""
        where, params = self._history_where(flt)
        return int(self._query(f"SELECT count(*) FROM history{where}", params)[0][0])

    def history_page(
        self,
        flt: HistoryFilter = HistoryFilter(),
        offset: int = 0,
        limit: int = 500,
        *,
        with_body: bool = False,
    ) -> list[HistorySummary]:
        """A page of history rows matching `flt`, newest first (by request, then attempt), from `offset`."""
        where, params = self._history_where(flt)
        return self._history_rows(where, params, limit, offset, with_body)

    def history_pages(
        self, flt: HistoryFilter = HistoryFilter(), page_size: int = 1000, *, with_body: bool = False
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
                error=r[12],
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
        cutoff = to_ms(now() - older_than)
        with self._transaction() as db:
            removed = db.execute(
                "DELETE FROM requests WHERE outcome IS NOT NULL AND finished_ms < ? AND NOT EXISTS "
                "(SELECT 1 FROM outbox WHERE outbox.request_id = requests.id AND state IN ('unknown', 'failed'))",
                (cutoff,),
            ).rowcount
            db.execute("DELETE FROM outbox WHERE state = 'sent' AND in_editor = 0 AND updated_ms < ?", (cutoff,))
        return int(removed)
