"""The request history as a CSV file, written whole or not at all (no Qt; runs on a worker thread).

The rows come from the store a page at a time (`Store.history_pages`) and go to a
temporary file beside the chosen one, which takes the chosen name (`os.replace`) only
once every row is written: a cancelled or failed export leaves no half-written file,
and a file already at that path stays as it was. The api-key is never in the store
(see `gui.data.store`), so it is never in the file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from gui.data.paths import written_whole
from gui.data.store import HistoryFilter, HistorySummary, Store

__all__ = [
    "CSV_COLUMNS",
    "TIME_FORMAT",
    "ExportCancelled",
    "ExportFailed",
    "csv_row",
    "format_time",
    "write_history_csv",
]

#: `time` column (and the History table): local time in the chosen zone, then `.mmm`.
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: The header row of the file.
CSV_COLUMNS = (
    "time",
    "request_id",
    "attempt",
    "endpoint",
    "device_id",
    "type",
    "datapoints",
    "outcome",
    "http_status",
    "errno",
    "latency_ms",
    "error",
    "body",
)
#: Rows read from the store per page (one store call; the cancel flag is checked per row).
EXPORT_PAGE_SIZE = 1000


class ExportCancelled(Exception):
    """The export was cancelled before the file was complete; nothing was written at the path."""


class ExportFailed(Exception):
    """The file could not be written: `path` is the chosen file, `why` the system's reason.

    Nothing was written at `path` (a file already there is unchanged).
    """

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


def format_time(at: datetime, tz: tzinfo) -> str:
    """`at` in zone `tz` as `2026-01-01 08:50:00.000` (milliseconds, no zone suffix)."""
    local = at.astimezone(tz)
    return local.strftime(TIME_FORMAT) + f".{local.microsecond // 1000:03d}"


def csv_row(entry: HistorySummary, tz: tzinfo) -> list[str | int]:
    """The CSV row of one history entry (fetched `with_body=True`), in `CSV_COLUMNS` order.

    `latency_ms` has one decimal; empty cells for what the entry does not have (no
    attempt finished: no attempt number, HTTP status, errno or latency). The body is
    the exact bytes sent, decoded as UTF-8 (undecodable bytes become U+FFFD).
    """
    return [
        format_time(entry.time, tz),
        entry.request_id,
        "" if entry.number is None else entry.number,
        entry.endpoint,
        entry.device_id,
        int(entry.body_type),
        entry.datapoints,
        entry.outcome,
        "" if entry.http_status is None else entry.http_status,
        "" if entry.errno is None else entry.errno,
        "" if entry.latency_s is None else f"{entry.latency_s * 1000:.1f}",
        entry.error,
        (entry.body or b"").decode("utf-8", errors="replace"),
    ]


def write_history_csv(
    store: Store,
    flt: HistoryFilter,
    path: str | os.PathLike[str],
    tz: tzinfo,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    total: int | None = None,
) -> int:
    """Write every history entry matching `flt` to the CSV file `path`; returns how many were written.

    Newest first, one row per attempt (`csv_row`), header `CSV_COLUMNS`, UTF-8 with BOM
    (Excel reads Chinese text right), times in `tz`. Pin `flt.max_request_id` to export
    the entries a table shows while sends add more. `progress(done, total)` is called
    after each page of rows (`total`: the expected count, default `store.history_count(flt)`);
    `cancelled()` is checked before every row.

    Written to a temporary file in the same folder, renamed over `path` at the end, so
    `path` gets the whole export or nothing. Raises ExportCancelled when `cancelled()`
    turned true first, ExportFailed (the path and the reason) for any OSError (folder
    missing or read-only, disk full, `path` a folder or locked); the temporary file is
    removed in both cases. sqlite3.Error from the store propagates as is.
    """
    target = Path(path)
    expected = store.history_count(flt) if total is None else total
    count = 0
    try:
        with written_whole(target, encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for page in store.history_pages(flt, EXPORT_PAGE_SIZE, with_body=True):
                for entry in page:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled()
                    writer.writerow(csv_row(entry, tz))
                    count += 1
                if progress is not None:
                    progress(count, max(expected, count))
            if cancelled is not None and cancelled():
                raise ExportCancelled()
    except OSError as exc:
        raise ExportFailed(target, _reason(exc, "")) from exc
    return count


def _reason(exc: OSError, context: str) -> str:
    why = exc.strerror or str(exc) or type(exc).__name__
    return f"{why} ({context})" if context else why
