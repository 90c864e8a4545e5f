"""One SQLite connection for the whole store, its transactions, and the send lock (one sender per outbox)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from filelock import FileLock, Timeout

from gui.data.paths import default_store_path, ensure_dir
from gui.data.store.records import StoreBusy
from gui.data.store.schema import MIGRATIONS, migrate

# -- the send lock ------------------------------------------------------------------------------


class SendLock:
    """An exclusive, non-blocking lock on `<database>.lock`, held while one pipeline sends.

    The `filelock` library's OS lock (flock on POSIX, msvcrt.locking on Windows; no
    fallback to a lock file that outlives its process), so it is released when its
    process ends, however it ends (even `kill -9`). Two SendLock objects on one outbox
    exclude each other, in one process or in two. Use as a context manager; `acquire`
    raises StoreBusy when another holder has it, or when this object holds it already.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False)

    def acquire(self) -> None:
        """Take the lock now or raise StoreBusy."""
        if self._lock.is_locked:
            raise StoreBusy("this send lock is already held")
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise StoreBusy("another send from this outbox is running (another window or command?)") from exc

    def release(self) -> None:
        """Let go of the lock."""
        if self._lock.is_locked:
            self._lock.release()

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


# -- the connection --------------------------------------------------------------------------------


class Connection:
    """The store's one SQLite connection (autocommit, WAL) and its transactions; `Store` adds the tables.

    See `gui.data.store.Store` for how it opens and what it raises.
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

    def __enter__(self) -> Self:
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
