"""Storage faults, said and survived: a damaged file salvaged, a lost one reported, a full or read-only disk named.

What the store does when its file is not what it left (issue 12, "Why" 5):

- **Checked when opened** (`PRAGMA quick_check`). A damaged file (garbage inside, cut
  short, "file is not a database") is moved aside as `outbox.sqlite3.damaged-<UTC time>`
  (with its `-wal`/`-shm`), a new database is made at the old path and everything still
  readable is copied into it: unsent, unknown, failed and in-flight rows first (in-flight
  ones become unknown), then drafts, then sent rows, then the history. `StoreSalvaged`
  then says what was saved, what was lost (counted from what the damaged file still says it
  held: its table's and indexes' row counts; "at least" when they disagree, "some may be
  lost" when none can be read) and where the old file is.
- **Written before, now empty or gone**: a marker beside the database
  (`outbox.sqlite3.written`, made once it holds a row or a request) remembers that it held data;
  opening a missing or empty database with the marker present raises `StoreMissing`
  instead of creating an empty one silently.
- **Deleted while running**: noticed before the next write (the file at the path is no
  longer the one open) and the whole database, still readable through the open
  connection, is written again at the path (`Connection._check_file`).
- **Disk full, read-only, I/O errors**: `StoreUnwritable`, with the path and the
  reason, never a bare "cannot rollback".

Every fault is a `StorageFault` (a `StoreError`): the CLI exits with its own status for
it, the window shows its message. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from gui.data.store.records import StoreError
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

__all__ = [
    "SalvageReport",
    "StorageFault",
    "StoreMissing",
    "StoreSalvaged",
    "StoreUnwritable",
    "marker_path",
    "unwritable",
]

log = logging.getLogger(__name__)

#: Rows taken first from a damaged file: those still to be sent or decided on.
_PENDING = ("unsent", "unknown", "failed", "in_flight")
_CHUNK = 1000


class StorageFault(StoreError):
    """The outbox's file cannot be used as it is; the message names the path and what to do."""

    def __init__(self, message: Message | str, path: Path) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(str(self.text))
        self.path = path


def _m(code: str, source: str, **args: object) -> Message:
    """A message of the store (the catalogues' context "store")."""
    return Message(code, "store", source, args)


class StoreMissing(StorageFault):
    """The database held data before (its marker says so) and is now empty or gone."""


class StoreUnwritable(StorageFault):
    """The database cannot be written: disk full, read-only folder or file, an I/O error."""


# What the salvage could not read, by kind (`SalvageReport.lost`): the words of `SalvageReport.gaps`.
_WHAT = {
    "outbox rows": QT_TRANSLATE_NOOP("store", "outbox rows"),
    "requests": QT_TRANSLATE_NOOP("store", "history requests"),
    "attempts": QT_TRANSLATE_NOOP("store", "history attempts"),
}


def _lines(parts: list[Message], separator: str = "\n") -> Message:
    """`parts` rendered one after another, `separator` between them (a layout, not a sentence to translate)."""
    source = separator.join(f"{{p{i}}}" for i in range(len(parts)))
    return Message("lines", "", source, {f"p{i}": part for i, part in enumerate(parts)})


@dataclass
class SalvageReport:
    """What was saved from a damaged database: rows per state, history requests and attempts, where the old file is,
    and what the damaged file said it held (`held`: table -> (rows, exact), None when it no longer says)."""

    damaged_path: Path
    new_path: Path
    rows: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    attempts: int = 0
    unreadable: list[Message] = field(default_factory=list)  # what could not be read at all (tables, rows)
    held: dict[str, tuple[int | None, bool]] = field(default_factory=dict)
    _gaps: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def lost(self, what: str, row_id: int) -> None:
        """Note that the row `row_id` of `what` (a key of `_WHAT`: "outbox rows", "requests") could not be read."""
        self._gaps.setdefault(what, []).append(row_id)

    def gaps(self) -> list[Message]:
        """Everything that could not be read: whole tables, then id ranges per kind of row."""
        found = list(self.unreadable)
        for what, ids in self._gaps.items():
            kind = _m(what, _WHAT.get(what, what))
            ids = sorted(set(ids))
            start = previous = ids[0]
            for row_id in [*ids[1:], None]:
                if row_id is not None and row_id == previous + 1:
                    previous = row_id
                    continue
                if start == previous:
                    found.append(_m("gap-id", QT_TRANSLATE_NOOP("store", "{what} id {id}"), what=kind, id=str(start)))
                else:
                    found.append(
                        _m(
                            "gap-ids",
                            QT_TRANSLATE_NOOP("store", "{what} ids {first}-{last}"),
                            what=kind,
                            first=str(start),
                            last=str(previous),
                        )
                    )
                if row_id is not None:
                    start = previous = row_id
        return found

    def missing(self, table: str, saved: int) -> tuple[int | None, bool]:
        """How many rows of `table` the damaged file held that were not saved: (n, exact); (None, False) when the
        file no longer says how many it held, or says fewer than were saved (then its count is garbled too)."""
        held, exact = self.held.get(table, (None, False))
        if held is None or held < saved:
            return None, False
        return held - saved, exact

    def lost_lines(self) -> list[Message]:
        """What was lost, counted where the damaged file still says how many it held, and what the user can do."""
        lines: list[Message] = []
        saved = sum(self.rows.values())
        n, exact = self.missing("outbox", saved)
        if n is None:
            lines.append(
                _m(
                    "rows-maybe-lost",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "Some datapoints may be lost: the damaged file no longer says how many it held.",
                    ),
                )
            )
        elif n and exact:
            lines.append(Counted("rows-lost").tr("%Ln datapoint(s) could not be read.", "", n))
        elif n:
            lines.append(Counted("rows-lost-at-least").tr("At least %Ln datapoint(s) could not be read.", "", n))
        requests, requests_exact = self.missing("requests", self.requests)
        attempts, attempts_exact = self.missing("attempts", self.attempts)
        entries = (requests or 0) + (attempts or 0)
        if entries:
            if requests_exact and attempts_exact:
                lines.append(Counted("history-lost").tr("%Ln history entry(ies) could not be read.", "", entries))
            else:
                lines.append(
                    Counted("history-lost-at-least").tr(
                        "At least %Ln history entry(ies) could not be read.", "", entries
                    )
                )
        if n is None or n:
            lines.append(
                _m(
                    "lost-again",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "Datapoints imported from a file are queued again when you send the file again (those still "
                        "in the outbox are not queued twice); readings typed in the window cannot be sent again from "
                        "a file: look for them in the damaged copy or a backup.",
                    ),
                )
            )
        return lines

    def lines(self) -> list[Message]:
        """The report, a sentence a line, without what to do next (the window and the command line say their own)."""
        states = [
            _m(
                "saved-state",
                QT_TRANSLATE_NOOP("store", "{n} {state}"),
                n=n,
                state=Message(state, "outbox-state", state),
            )
            for state, n in self.rows.items()
            if n
        ]
        saved = (
            _lines(states, "{sep}").with_args(sep=_m("sep", QT_TRANSLATE_NOOP("store", ", ")))
            if states
            else _m("no-rows", QT_TRANSLATE_NOOP("store", "no rows"))
        )
        lines = [
            _m(
                "damaged",
                QT_TRANSLATE_NOOP("store", "The outbox database {path} was damaged."),
                path=str(self.new_path),
            ),
            _m(
                "moved-aside",
                QT_TRANSLATE_NOOP(
                    "store",
                    "It was moved aside to {damaged} (keep it: a backup tool or a support request may save more).",
                ),
                damaged=str(self.damaged_path),
            ),
            _m(
                "saved",
                QT_TRANSLATE_NOOP(
                    "store", "Saved into a new outbox: {saved}; history: {requests} requests, {attempts} attempts."
                ),
                saved=saved,
                requests=self.requests,
                attempts=self.attempts,
            ),
            *self.lost_lines(),
        ]
        gaps = self.gaps()
        if gaps:
            shown = _lines(gaps[:5], "; ")
            lines.append(
                _m("gaps", QT_TRANSLATE_NOOP("store", "Could not be read: {gaps}"), gaps=shown)
                if len(gaps) <= 5
                else _m("gaps-more", QT_TRANSLATE_NOOP("store", "Could not be read: {gaps}; …"), gaps=shown)
            )
        return lines

    def message(self) -> Message:
        """The report for the command line: its lines, then what to do."""
        check = _m(
            "check-outbox", QT_TRANSLATE_NOOP("store", "Check the outbox (`onenet-uploader outbox`), then send again.")
        )
        return _lines([*self.lines(), check])

    def describe(self) -> str:
        """Several lines in English for the log."""
        return str(self.message())


class StoreSalvaged(StorageFault):
    """The database was damaged: moved aside and salvaged (`report`); opening it again opens the new one."""

    def __init__(self, report: SalvageReport) -> None:
        super().__init__(report.message(), report.new_path)
        self.report = report


def marker_path(path: Path) -> Path:
    """The marker beside the database that says it has held data (`outbox.sqlite3.written`)."""
    return path.with_name(path.name + ".written")


def write_marker(path: Path) -> None:
    """Leave the marker (best effort: a marker that cannot be written only weakens the check)."""
    marker = marker_path(path)
    if not marker.exists():
        with contextlib.suppress(OSError):
            marker.write_text(
                "onenet-uploader: the outbox database beside this file has held data. If it is gone or empty,\n"
                "the program reports it instead of starting an empty one. Delete this file to start afresh.\n",
                encoding="utf-8",
            )


def check_not_lost(path: Path) -> None:
    """StoreMissing when the database is missing or empty although its marker says it held data."""
    try:
        size: int | None = path.stat().st_size
    except FileNotFoundError:
        size = None
    if (size is None or size == 0) and marker_path(path).exists():
        if size is None:
            what = QT_TRANSLATE_NOOP(
                "store",
                "The outbox database {path} is gone, though it held datapoints and history before: it was deleted "
                "or truncated outside the program. Restore it from a backup if you have one; to start with an empty "
                "outbox instead, delete {marker}.",
            )
        else:
            what = QT_TRANSLATE_NOOP(
                "store",
                "The outbox database {path} is empty (0 bytes), though it held datapoints and history before: it was "
                "deleted or truncated outside the program. Restore it from a backup if you have one; to start with an "
                "empty outbox instead, delete {marker}.",
            )
        raise StoreMissing(_m("store-missing", what, path=str(path), marker=str(marker_path(path))), path)


_UNWRITABLE = {
    "database or disk is full": QT_TRANSLATE_NOOP("store", "the disk is full"),
    "attempt to write a readonly database": QT_TRANSLATE_NOOP("store", "the file or its folder is read-only"),
    "unable to open database file": QT_TRANSLATE_NOOP("store", "it cannot be opened (a read-only or missing folder?)"),
    "disk i/o error": QT_TRANSLATE_NOOP("store", "the disk reported an error (full, removed, or failing)"),
    "readonly database": QT_TRANSLATE_NOOP("store", "the file or its folder is read-only"),
}
_CANNOT_WRITE = QT_TRANSLATE_NOOP("store", "Cannot write the outbox database {path}: {reason} ({error}).")
_CANNOT_WRITE_OS = QT_TRANSLATE_NOOP("store", "Cannot write the outbox database {path}: {error}.")


def unwritable(exc: BaseException, path: Path) -> StoreUnwritable | None:
    """The StoreUnwritable an sqlite3 or OS error means (disk full, read-only, I/O), or None for other errors."""
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        for needle, reason in _UNWRITABLE.items():
            if needle in text:
                why = _m(needle, reason)
                return StoreUnwritable(
                    _m("unwritable", _CANNOT_WRITE, path=str(path), reason=why, error=str(exc)), path
                )
        return None
    if isinstance(exc, OSError):
        error = str(exc.strerror or exc)
        return StoreUnwritable(_m("unwritable-os", _CANNOT_WRITE_OS, path=str(path), error=error), path)
    return None


def is_damaged(exc: sqlite3.Error) -> bool:
    """True for the errors of a damaged file (not of a locked or unwritable one)."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def quick_check(db: sqlite3.Connection) -> list[str]:
    """`PRAGMA quick_check`'s findings: [] when the file is sound."""
    found = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    return [] if found == ["ok"] else found


# -- salvage -----------------------------------------------------------------------------------


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]


def _table(table: str, exc: BaseException | None = None) -> Message:
    """`the outbox table` (with sqlite's words when there are some): a table that could not be read at all."""
    names = {
        "outbox": QT_TRANSLATE_NOOP("store", "the outbox table"),
        "requests": QT_TRANSLATE_NOOP("store", "the requests table"),
        "attempts": QT_TRANSLATE_NOOP("store", "the attempts table"),
    }
    name = _m(f"table-{table}", names.get(table, table))
    if exc is None:
        return name
    return _m("table-error", QT_TRANSLATE_NOOP("store", "{table} ({error})"), table=name, error=str(exc))


def _held(db: sqlite3.Connection, table: str) -> tuple[int | None, bool]:
    """How many rows the damaged `table` held, as its file still says: (n, exact), or (None, False).

    A count is the number of cells in a b-tree, read without decoding the rows (SQLite's
    count(*)): the table's own and each index's that holds every row. A count above the
    highest id ever given (`sqlite_sequence`) is garbled and left out. Exact when two or
    more counts agree; else the smallest is a bound from below ("at least" that many,
    as far as a damaged file can say).
    """
    counts: list[int] = []
    with contextlib.suppress(sqlite3.DatabaseError):
        counts.append(int(db.execute(f"SELECT count(*) FROM {table} NOT INDEXED").fetchone()[0]))
    indexes: list[str] = []
    with contextlib.suppress(sqlite3.DatabaseError):
        indexes = [
            str(name)
            for name, sql in db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
            )
            if sql and " WHERE " not in sql.upper()  # a partial index holds some rows only
        ]
    for index in indexes:
        with contextlib.suppress(sqlite3.DatabaseError):
            counts.append(int(db.execute(f'SELECT count(*) FROM {table} INDEXED BY "{index}"').fetchone()[0]))
    highest: int | None = None
    with contextlib.suppress(sqlite3.DatabaseError, TypeError):
        highest = int(db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()[0])
    plausible = [n for n in counts if n >= 0 and (highest is None or n <= highest)]
    if not plausible:
        return None, False
    return min(plausible), len(plausible) == len(counts) >= 2 and len(set(plausible)) == 1


def _id_range(db: sqlite3.Connection, table: str, size_hint: int) -> tuple[int, int]:
    try:
        low, high = db.execute(f"SELECT min(id), max(id) FROM {table}").fetchone()
        if low is not None and high is not None:
            return int(low), int(high)
    except sqlite3.DatabaseError:
        pass
    with contextlib.suppress(sqlite3.DatabaseError):
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        if row is not None:
            return 1, int(row[0])
    return 1, max(1, size_hint)


def _readable_rows(
    db: sqlite3.Connection, sql: str, low: int, high: int, report: SalvageReport, what: str
) -> Iterator[tuple[object, ...]]:
    """The rows `sql` (with `id BETWEEN ? AND ?`) finds in [low, high], halving ranges that fail to read."""
    stack = [(start, min(start + _CHUNK - 1, high)) for start in range(low, high + 1, _CHUNK)][::-1]
    while stack:
        first, last = stack.pop()
        try:
            rows = db.execute(sql, (first, last)).fetchall()
        except sqlite3.DatabaseError:
            if first == last:
                report.lost(what, first)
                continue
            middle = (first + last) // 2
            stack += [(middle + 1, last), (first, middle)]
            continue
        yield from rows


def salvage(path: Path, migrate_new: Callable[[sqlite3.Connection], object]) -> SalvageReport:
    """Move the damaged database at `path` aside and copy what is readable into a new one there.

    `migrate_new(connection)` gives the new database its schema. Returns the report.
    Raises StoreUnwritable when the file cannot be moved aside, or when the new one
    cannot be made or filled (any error, foreseen or not): then the new file is removed
    and the damaged one put back at `path` as it was, so the next start finds it again
    instead of an empty outbox; if it cannot be put back, the message says where it is.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while damaged.exists():  # never over an earlier damaged copy
        number += 1
        damaged = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    moved: list[str] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(path) + suffix)
            if source.exists():
                os.replace(source, Path(str(damaged) + suffix))
                moved.append(suffix)
    except OSError as exc:
        _put_back(path, damaged, moved)
        raise StoreUnwritable(
            _m(
                "cannot-move-aside",
                QT_TRANSLATE_NOOP("store", "The outbox database {path} is damaged and cannot be moved aside: {error}"),
                path=str(path),
                error=str(exc),
            ),
            path,
        ) from exc
    report = SalvageReport(damaged, path)
    log.error("the outbox database %s is damaged: moved aside to %s, salvaging", path, damaged)
    try:
        _fill_new(path, damaged, migrate_new, report)
    except Exception as exc:
        log.exception("salvaging %s into a new %s failed", damaged, path)
        fault = unwritable(exc, path)
        error: Message | str = fault.text if fault else (str(exc) or type(exc).__name__)
        if _put_back(path, damaged, moved):
            text = QT_TRANSLATE_NOOP(
                "store",
                "The outbox database {path} is damaged and could not be salvaged: {error}. It was left as it was "
                "(nothing was removed); the next start tries again. Keep a copy of it: a backup tool or a support "
                "request may save more.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "store",
                "The outbox database {path} is damaged and could not be salvaged: {error}. The damaged file is now "
                "{damaged}: nothing was removed. Move it back to {path} (replacing what is there) to try again.",
            )
        message = _m("cannot-salvage", text, path=str(path), damaged=str(damaged), error=error)
        raise StoreUnwritable(message, path) from exc
    log.error("salvaged from %s: %s", damaged, report.describe().replace("\n", " "))
    return report


def _fill_new(
    path: Path, damaged: Path, migrate_new: Callable[[sqlite3.Connection], object], report: SalvageReport
) -> None:
    """Make the new database at `path` and copy into it what `damaged` still holds (see `salvage`)."""
    new = sqlite3.connect(path, isolation_level=None)
    try:
        if sys.platform != "win32":
            os.chmod(path, 0o600)  # the user's readings, as a new store is
        migrate_new(new)
        new.execute("PRAGMA foreign_keys = ON")
        try:
            old = sqlite3.connect(f"{damaged.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)
            # Tolerate a schema naming pages past the end of a file cut short: read what is there.
            old.execute("PRAGMA writable_schema = ON")
        except sqlite3.Error as exc:
            report.unreadable.append(
                _m("whole-file", QT_TRANSLATE_NOOP("store", "the whole file ({error})"), error=str(exc))
            )
            return
        try:
            _copy_outbox(old, new, report, damaged.stat().st_size // 32)
            _copy_history(old, new, report, damaged.stat().st_size // 64)
        finally:
            old.close()
    finally:
        new.close()


def _put_back(path: Path, damaged: Path, moved: list[str]) -> bool:
    """Remove a new database at `path` and move the damaged files (`moved` suffixes) back; False if it failed."""
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        for suffix in moved:
            os.replace(Path(str(damaged) + suffix), Path(str(path) + suffix))
    except OSError:
        log.exception("could not put the damaged database %s back at %s", damaged, path)
        return False
    return True


def _copy_outbox(old: sqlite3.Connection, new: sqlite3.Connection, report: SalvageReport, hint: int) -> None:
    try:
        columns = [c for c in _columns(old, "outbox") if c in set(_columns(new, "outbox"))]
    except sqlite3.DatabaseError as exc:
        report.unreadable.append(_table("outbox", exc))
        return
    if "id" not in columns or "state" not in columns:
        report.unreadable.append(_table("outbox"))
        return
    report.held["outbox"] = _held(old, "outbox")
    low, high = _id_range(old, "outbox", hint)
    names = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO outbox ({names}) VALUES ({', '.join('?' * len(columns))})"
    state_at = columns.index("state")
    passes = (
        ("pending", f"state IN ({', '.join(repr(s) for s in _PENDING)})"),
        ("drafts", "state = 'draft'"),
        ("sent", f"state NOT IN ({', '.join(repr(s) for s in (*_PENDING, 'draft'))})"),
    )
    for _, where in passes:
        sql = f"SELECT {names} FROM outbox NOT INDEXED WHERE id BETWEEN ? AND ? AND {where}"
        new.execute("BEGIN")
        for raw in _readable_rows(old, sql, low, high, report, "outbox rows"):
            row = list(raw)
            if row[state_at] == "in_flight":
                row[state_at] = "unknown"  # the program stopped while sending it
            try:
                if new.execute(insert, row).rowcount:
                    report.rows[str(row[state_at])] = report.rows.get(str(row[state_at]), 0) + 1
            except sqlite3.IntegrityError:  # a garbled value the schema refuses
                report.unreadable.append(_m("bad-row", QT_TRANSLATE_NOOP("store", "outbox row {id}"), id=str(row[0])))
        new.execute("COMMIT")


def _copy_history(old: sqlite3.Connection, new: sqlite3.Connection, report: SalvageReport, hint: int) -> None:
    for table in ("requests", "attempts"):
        try:
            columns = [c for c in _columns(old, table) if c in set(_columns(new, table))]
        except sqlite3.DatabaseError as exc:
            report.unreadable.append(_table(table, exc))
            continue
        if "id" not in columns:
            report.unreadable.append(_table(table))
            continue
        report.held[table] = _held(old, table)
        low, high = _id_range(old, table, hint)
        names = ", ".join(columns)
        insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
        sql = f"SELECT {names} FROM {table} NOT INDEXED WHERE id BETWEEN ? AND ?"
        new.execute("BEGIN")
        for raw in _readable_rows(old, sql, low, high, report, table):
            try:
                if new.execute(insert, raw).rowcount:
                    if table == "requests":
                        report.requests += 1
                    else:
                        report.attempts += 1
            except sqlite3.IntegrityError:  # an attempt whose request was lost, a garbled value
                pass
        if table == "requests":  # requests left unfinished by a crash are unknown, as Store.recover makes them
            new.execute("UPDATE requests SET outcome = 'unknown' WHERE outcome IS NULL")
        new.execute("COMMIT")
