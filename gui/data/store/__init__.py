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
onenet-api.md, "Overwrite rule"), see `gui.data.outbox.resend_risk`.

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

Layout: `records` (states, outcomes, rows, history entries, errors), `schema`
(migrations), `connection` (the one SQLite connection, transactions, the send lock),
`outbox` (rows and their state machine), `history` (requests and attempts, paging,
retention), `codec` (how values and times are written). What a state *means* for a
send (what a resend risks, which rows a send takes) is `gui.data.outbox`'s.
"""

from __future__ import annotations

from gui.data.store.connection import SendLock
from gui.data.store.history import HistoryTables
from gui.data.store.outbox import OutboxRows
from gui.data.store.records import (
    SENDABLE,
    Attempt,
    AttemptOutcome,
    BegunRequest,
    HistoryEntry,
    HistoryFilter,
    HistorySummary,
    NewRow,
    OutboxRow,
    QueuedRow,
    RequestOutcome,
    SourceRow,
    State,
    StoreBusy,
    StoreError,
    UploadedRequest,
    content_hash,
)
from gui.data.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SENDABLE",
    "Attempt",
    "AttemptOutcome",
    "BegunRequest",
    "HistoryEntry",
    "HistoryFilter",
    "HistorySummary",
    "NewRow",
    "OutboxRow",
    "QueuedRow",
    "RequestOutcome",
    "SendLock",
    "SourceRow",
    "State",
    "Store",
    "StoreBusy",
    "StoreError",
    "UploadedRequest",
    "content_hash",
    "migrate",
]


class Store(OutboxRows, HistoryTables):
    """The outbox and history database at `path` (default `data_dir()/outbox.sqlite3`).

    Opens (creating the file and folder if needed, user-only permissions on POSIX),
    switches to WAL and migrates to `SCHEMA_VERSION`. Raises StoreError for a database
    of a newer schema, sqlite3.Error for a file that is not a database. Close it (or use
    it as a context manager) when done.
    """
