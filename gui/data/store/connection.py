"""One SQLite connection for the whole store, its transactions, and the send lock (one sender per outbox)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from gui.data.paths import default_store_path, ensure_dir
from gui.data.store.health import (
    StoreSalvaged,
    StoreUnwritable,
    check_not_lost,
    is_damaged,
    quick_check,
    salvage,
    unwritable,
    write_marker,
)
from gui.data.store.records import StoreBusy
from gui.data.store.schema import MIGRATIONS, migrate
from gui.text import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

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
        from filelock import FileLock  # imported by the first send, not to show the window

        self.path = path
        self._lock = FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False)

    def acquire(self) -> None:
        """Take the lock now or raise StoreBusy."""
        from filelock import Timeout

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
        self._migrations = migrations
        try:
            ensure_dir(self.path.parent)
        except OSError as exc:
            raise StoreUnwritable(
                Message(
                    "no-folder",
                    "store",
                    QT_TRANSLATE_NOOP("store", "Cannot create the folder of the outbox database {folder}: {error}."),
                    {"folder": str(self.path.parent), "error": str(exc.strerror or exc)},
                ),
                self.path,
            ) from exc
        self._lock = threading.RLock()
        self._bookkeeping_sync = "FULL" if durable_bookkeeping else "NORMAL"
        self._sync = ""
        self._depth = 0
        #: Times the database was written again at its path after it was deleted while open.
        self.rewritten = 0
        check_not_lost(self.path)
        self._marked = False
        self._fd: int | None = None
        self._db = self._open(check=True)
        self._mark()

    def _mark(self) -> None:
        """Leave the marker beside the file once it holds a row or a request (see `health.check_not_lost`)."""
        held = self._db.execute("SELECT EXISTS (SELECT 1 FROM outbox) OR EXISTS (SELECT 1 FROM requests)").fetchone()
        if held[0]:
            self._marked = True
            write_marker(self.path)

    def _open(self, *, check: bool) -> sqlite3.Connection:
        """Connect, check (`PRAGMA quick_check`), set WAL and migrate; salvage a damaged file (StoreSalvaged).

        Raises StoreUnwritable when the file cannot be created or written, StoreError for a
        newer schema.
        """
        new = not self.path.exists()
        try:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        except sqlite3.Error as exc:
            raise (unwritable(exc, self.path) or exc) from exc
        try:
            if new and sys.platform != "win32":
                os.chmod(self.path, 0o600)
            found = quick_check(db) if check and not new else []
            if found:
                raise sqlite3.DatabaseError("quick_check: " + "; ".join(found[:3]))
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            self._sync = ""
            self._db = db
            self._set_sync("FULL")
            self.schema_version = migrate(db, self._migrations)
        except sqlite3.DatabaseError as exc:
            db.close()
            if not is_damaged(exc) and not str(exc).startswith("quick_check"):
                raise (unwritable(exc, self.path) or exc) from exc
            raise StoreSalvaged(salvage(self.path, lambda fresh: migrate(fresh, self._migrations))) from exc
        except BaseException:
            db.close()
            raise
        # A descriptor of our own on the file: fstat() tells cheaply (no path lookup: a stat
        # of the path cost 0.1 ms a write) whether the file was deleted or replaced (no links).
        old_fd = self._fd
        self._fd = os.open(self.path, os.O_RDONLY)
        if old_fd is not None:
            os.close(old_fd)
        return db

    def _check_file(self) -> None:
        """Before a write: if the file open is no longer at the path (deleted, replaced), write it again there.

        The open connection still reads the deleted file, so the whole database (rows and
        history) is copied to the path with SQLite's backup API and reopened there.
        """
        if self._fd is None or os.fstat(self._fd).st_nlink > 0:
            return
        log.error("the outbox database %s was deleted or replaced while open: writing it again", self.path)
        fresh = self.path.with_name(self.path.name + ".rewrite")
        try:
            ensure_dir(self.path.parent)
            with contextlib.suppress(FileNotFoundError):
                fresh.unlink()
            target = sqlite3.connect(fresh, isolation_level=None)
            try:
                self._db.backup(target)
            finally:
                target.close()
            if sys.platform != "win32":
                os.chmod(fresh, 0o600)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(str(self.path) + suffix)
            os.replace(fresh, self.path)
        except (OSError, sqlite3.Error) as exc:
            raise (unwritable(exc, self.path) or exc) from exc
        self._db.close()
        self._db = self._open(check=False)
        self.rewritten += 1
        write_marker(self.path)

    # -- plumbing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (committed data is on disk; nothing is pending between calls)."""
        with self._lock:
            self._db.close()
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

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
            self._check_file()
            try:
                self._set_sync("FULL" if durable else self._bookkeeping_sync)
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise (unwritable(exc, self.path) or exc) from exc
            self._depth += 1
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                # SQLite may have rolled back already (disk full): an explicit ROLLBACK would then
                # raise "cannot rollback" and hide the real error.
                if self._db.in_transaction:
                    try:
                        self._db.execute("ROLLBACK")
                    except sqlite3.Error:
                        log.exception("rollback failed after: %s", exc)
                fault = unwritable(exc, self.path) if isinstance(exc, sqlite3.Error) else None
                if fault is not None:
                    raise fault from exc
                raise
            finally:
                self._depth -= 1
            if not self._marked:
                self._mark()

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
