"""The database's schema and its migrations (`PRAGMA user_version`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from gui.data.store.records import StoreError

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
    # v3: where a row read from a file came from (the file's SHA-256, its row number): with the
    # stream it names the reading, so a file sent twice is queued once. NULL for typed rows.
    (
        "ALTER TABLE outbox ADD COLUMN source_hash TEXT",
        "ALTER TABLE outbox ADD COLUMN source_row INTEGER",
        "CREATE INDEX outbox_source ON outbox (source_hash, endpoint, device_id) WHERE source_hash IS NOT NULL",
    ),
    # v4: every row knows its target (`gui.data.target.Target`): the platform kind beside the endpoint and
    # device it already had. Rows of v3 keep their endpoint and device; drafts had none ('') and get the
    # connection current when the window next opens (`Store.adopt_untargeted`), which is where v3's Send
    # would have sent them.
    ("ALTER TABLE outbox ADD COLUMN platform TEXT NOT NULL DEFAULT 'datapoints'",),
    # v5: every request records the platform it went to (`gui.data.target.Platform`), which says how its
    # body reads: a legacy body of `body_type`, or a current-platform OneJSON post (body_type 1 then:
    # its datapoints with `at` carry their time, those without are stamped, as type 1's). Requests
    # before v5 went to the legacy platform.
    (
        "ALTER TABLE requests ADD COLUMN platform TEXT NOT NULL DEFAULT 'datapoints'",
        "DROP VIEW history",
        """CREATE VIEW history AS
            SELECT a.id AS attempt_id, r.id AS request_id, a.number, a.started_ms, r.endpoint, r.device_id,
                   r.body_type, r.content_type, r.body, r.datapoints, r.outbox_ids, a.http_status, a.errno,
                   a.error, a.response, a.latency_ms, a.outcome, r.outcome AS request_outcome, r.created_ms,
                   r.platform
            FROM requests AS r LEFT JOIN attempts AS a ON a.request_id = r.id""",
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
