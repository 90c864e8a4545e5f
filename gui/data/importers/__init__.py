"""Importing readings from files (CSV/TSV/TXT, XLSX, JSON, type 5 text): no Qt here.

One entry point, `import_file(path, ImportOptions(...))`, shared by the import
dialog and `onenet-uploader send`; it returns an `ImportResult` with the
datapoints, every problem by row and column, and the settings it used.
`write_rejected` writes the rows that were not imported to a CSV file.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from gui.data.importers.convert import RejectedSink
from gui.data.importers.jsonfile import import_json, looks_like_type5
from gui.data.importers.options import (
    ColumnChoice,
    DateOrder,
    FileFormat,
    ImportOptions,
    Layout,
    MissingTime,
    Role,
    TimeFormat,
)
from gui.data.importers.result import (
    DELIMITER_NAMES,
    MAX_PROBLEMS,
    ZONE_IN_TIMES,
    ZONE_UNSTATED,
    CellStatus,
    ColumnInfo,
    ColumnStats,
    Detected,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    PreviewCell,
    PreviewRow,
    Problem,
    Sheets,
)
from gui.data.importers.result import message as _m
from gui.data.importers.sniff import HEAD_BYTES, detect_encoding, detect_format, encoding_label, read_probe
from gui.data.importers.sources import cell_text
from gui.data.importers.tabular import Cancelled, Progress, decode_head, import_table
from gui.data.importers.zones import local_zone_name
from gui.data.paths import written_whole
from gui.onenet.zones import ZoneError, parse_zone
from gui.text import QT_TRANSLATE_NOOP

__all__ = [
    "DELIMITER_NAMES",
    "MAX_PROBLEMS",
    "ZONE_IN_TIMES",
    "ZONE_UNSTATED",
    "CellStatus",
    "ColumnChoice",
    "ColumnInfo",
    "ColumnStats",
    "DateOrder",
    "Detected",
    "FileFormat",
    "ImportCancelled",
    "ImportFailed",
    "ImportOptions",
    "ImportResult",
    "Layout",
    "MissingTime",
    "PreviewCell",
    "PreviewRow",
    "Problem",
    "Role",
    "Sheets",
    "TimeFormat",
    "encoding_label",
    "import_file",
    "local_zone_name",
    "write_rejected",
]

#: File name patterns the open dialog offers.
FILE_PATTERNS = ("*.csv", "*.tsv", "*.txt", "*.xlsx", "*.xlsm", "*.json", "*.jsonl")


def import_file(
    path: str | Path,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
    sink: RejectedSink | None = None,
) -> ImportResult:
    """Read a file of readings into datapoints.

    `progress(done, total)` is called after each chunk (bytes, or rows for
    XLSX); `cancelled()` is checked as often and raises ImportCancelled
    when it returns True. `now` (aware, default the current time to the
    second) stamps rows without a time under MissingTime.NOW. `sink`, if
    given, receives the rejected rows instead of the datapoints being kept.
    Raises ImportFailed with a sentence for the user when the file cannot be
    read at all; a bad cell is a Problem in the result, never an exception.
    """
    path = Path(path)
    now = now or datetime.now(UTC).replace(microsecond=0)
    try:
        tz = parse_zone(options.source_tz).tz
    except ZoneError as exc:
        raise ImportFailed(_m("failed", QT_TRANSLATE_NOOP("importers", "{why}."), why=str(exc))) from exc
    try:
        if path.is_dir():
            raise ImportFailed(
                _m(
                    "is-a-folder-give-one-file-of-rea",
                    QT_TRANSLATE_NOOP("importers", "{str} is a folder: give one file of readings in it."),
                    str=repr(str(path)),
                )
            )
        if not path.is_file():
            raise ImportFailed(
                _m("there-is-no-file", QT_TRANSLATE_NOOP("importers", "There is no file {str}."), str=repr(str(path)))
            )
        head, tail, size = read_probe(path)
    except OSError as exc:
        raise _unreadable(exc) from exc
    if size == 0:
        raise ImportFailed(_m("the-file-is-empty", QT_TRANSLATE_NOOP("importers", "The file is empty.")))
    file_format = options.file_format or detect_format(path, head)
    try:
        if file_format is FileFormat.XLSX:
            return import_table(path, file_format, options, tz, now, None, "", progress, cancelled, sink)
        encoding = detect_encoding(head, tail, options.encoding)
        text = decode_head(head, encoding, complete=size <= HEAD_BYTES)
        stripped = text.lstrip("\ufeff \t\r\n")
        if not stripped:
            raise ImportFailed(
                _m(
                    "the-file-is-empty-it-holds-only-",
                    QT_TRANSLATE_NOOP("importers", "The file is empty: it holds only blank lines."),
                )
            )
        if options.file_format is None:
            if stripped[0] in "[{":
                file_format = FileFormat.JSON
            elif looks_like_type5(stripped):
                file_format = FileFormat.TYPE5
            elif path.suffix.lower() in (".json", ".jsonl"):
                raise ImportFailed(
                    _m(
                        "the-file-is-not-json-it-does-not",
                        QT_TRANSLATE_NOOP("importers", "The file is not JSON: it does not start with [ or {{."),
                    )
                )
        if file_format in (FileFormat.JSON, FileFormat.TYPE5):
            return import_json(path, file_format, encoding, text, options, tz, now, progress, cancelled, sink)
        return import_table(path, file_format, options, tz, now, encoding, text, progress, cancelled, sink)
    except OSError as exc:
        raise _unreadable(exc) from exc
    except MemoryError as exc:
        raise ImportFailed(
            _m(
                "the-file-is-too-large-to-import-",
                QT_TRANSLATE_NOOP("importers", "The file is too large to import in this computer's memory."),
            )
        ) from exc


def _unreadable(exc: OSError) -> ImportFailed:
    """The file cannot be read (gone, no permission, a read error): the system's reason."""
    return ImportFailed(
        _m(
            "the-file-cannot-be-read",
            QT_TRANSLATE_NOOP("importers", "The file cannot be read: {strerror_or_exc}."),
            strerror_or_exc=str(exc.strerror or exc),
        )
    )


class _CsvSink:
    """Writes rejected rows to CSV: `row`, `problem`, then the file's own columns."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.writer(out)
        self.count = 0

    def header(self, names: list[str]) -> None:
        self.out.seek(0)  # a second pass starts over (`RejectedSink.header`)
        self.out.truncate()
        self.count = 0
        self.writer.writerow(["row", "problem", *names])

    def row(self, number: int, reasons: list[str], cells: Sequence[Any]) -> None:
        self.writer.writerow([number, "; ".join(reasons), *(cell_text(c) for c in cells)])
        self.count += 1


def write_rejected(
    path: str | Path,
    options: ImportOptions,
    out_path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
) -> int:
    """Write the rows `import_file(path, options)` rejects to `out_path` as CSV; returns how many.

    The file is read again (nothing is kept in memory meanwhile). Columns:
    `row` (its number in the source), `problem` (the reasons), then the
    source's columns as read. UTF-8 with BOM, so Excel opens Chinese text
    right. `out_path` gets the whole file or, on an error or a cancel, is left as
    it was (`written_whole`). Raises ImportFailed / ImportCancelled like
    `import_file`, OSError when `out_path` cannot be written.
    """
    with written_whole(out_path, encoding="utf-8-sig", newline="") as out:
        sink = _CsvSink(out)
        import_file(path, options, progress=progress, cancelled=cancelled, now=now, sink=sink)
    return sink.count
