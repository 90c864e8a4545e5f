"""Where the table starts in the rows read: lines skipped above it, its header, a units row under it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gui.data.importers import cells as C
from gui.data.importers.columns import is_time_name
from gui.data.importers.options import ImportOptions
from gui.data.importers.plan import _CHOSEN
from gui.data.importers.result import (
    ImportFailed,
    unnamed_column,
)
from gui.data.importers.result import message as _m
from gui.data.importers.sniff import mode_of
from gui.data.importers.sources import cell_text, effective_width
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

_UNIT_WORDS = {
    "mm", "cm", "m", "km", "hpa", "pa", "kpa", "mbar", "bar", "psi", "v", "mv", "a", "ma", "w", "kw", "kwh", "wh",
    "s", "ms", "min", "h", "lux", "lx", "ppm", "ppb", "db", "dba", "hz", "c", "f", "k", "kg", "g", "l", "ml",
    "m/s", "km/h", "mph", "rpm", "deg", "degc", "degf", "%rh", "mg/l", "mg/m3", "ug/m3", "µs/cm", "us/cm", "ntu",
    "j", "kj", "mj", "psu", "-", "unit", "units", "einheit", "单位",
}  # fmt: skip


_ANNOTATIONS = ("#group", "#datatype", "#default")


@dataclass
class Structure:
    """Where the table is in the rows read: lines skipped, the header, a units row, the data sample."""

    skip: int  #: rows above the header (or above the first data row without a header)
    has_header: bool
    width: int
    names: list[str]
    data_sample: list[Sequence[Any]]
    notes: list[Message]
    units: list[str] = field(default_factory=list)  #: per column, from a units row under the header
    data_start: int = 0  #: index in the sample of the first data row
    annotated: bool = False  #: InfluxDB annotated CSV: `#group`/`#datatype`/`#default` lines, repeated headers
    decisions: list[Message] = field(default_factory=list)


_TIMELIKE = (C.CellClass.DATE, C.CellClass.DATETIME, C.CellClass.TIME_OF_DAY)


def _is_text_row(row: Sequence[Any], missing: frozenset[str]) -> bool:
    """A row of names: no date or time, and at least 80% text (a station number among them is allowed)."""
    classes = [C.classify(c, missing)[0] for c in row]
    filled = [c for c in classes if c is not C.CellClass.MISSING]
    if not filled or any(c in _TIMELIKE for c in filled):
        return False
    return sum(c is C.CellClass.TEXT for c in filled) >= 0.8 * len(filled)


def _names_time_column(row: Sequence[Any], data: Sequence[Any], missing: frozenset[str]) -> bool:
    """True when the row's name above a date or time cell of the first data row says "time" (`Datum`)."""
    return any(
        j < len(row) and is_time_name(cell_text(row[j])) and C.classify(cell, missing)[0] in _TIMELIKE
        for j, cell in enumerate(data)
    )


def _is_units_row(row: Sequence[Any]) -> bool:
    """`°C, mm, %, [hPa], (m/s)`: short texts of which at least one is a unit."""
    cells = [cell_text(c).strip() for c in row if not (c is None or cell_text(c).strip() == "")]
    if not cells or any(len(c) > 16 for c in cells):
        return False

    def unit(text: str) -> bool:
        inner = text.strip("[]() ").casefold()
        return inner in _UNIT_WORDS or any(ch in text for ch in "°%µ²³℃/") or (text[:1] in "[(" and text[-1:] in "])")

    return any(unit(c) for c in cells)


def _is_annotation(row: Sequence[Any]) -> bool:
    return bool(row) and isinstance(row[0], str) and row[0].startswith(_ANNOTATIONS)


def find_structure(sample: list[Sequence[Any]], options: ImportOptions, missing: frozenset[str]) -> Structure:
    """Find the header row (below title blocks and notes), a units row under it, and the data rows read.

    Without `options.skip_rows`: the rows that span the table's width (the
    most common width) start at the first such row followed by another; of
    the all-text rows there before the first row holding a number or a
    date, the last is the header, or the one before it when the last is a
    units row. InfluxDB annotation lines are skipped. Raises ImportFailed
    when nothing is left.
    """
    widths = [effective_width(r) for r in sample]
    filled = [w for w in widths if w]
    if not filled:
        raise ImportFailed(
            _m(
                "the-file-has-no-data-every-line-",
                QT_TRANSLATE_NOOP("importers", "The file has no data: every line is empty."),
            )
        )
    annotated = any(_is_annotation(r) for r in sample[:10])
    at = [i for i, r in enumerate(sample) if not (annotated and _is_annotation(r))]  # sample index of each row
    rows = [sample[i] for i in at]
    widths = [effective_width(r) for r in rows]
    if not any(widths):
        raise ImportFailed(
            _m(
                "the-file-has-no-data-only-annota",
                QT_TRANSLATE_NOOP(
                    "importers", "The file has no data: only annotation lines (#group, #datatype, #default)."
                ),
            )
        )
    mode = mode_of([w for w in widths if w])[0]
    notes: list[Message] = []
    decisions: list[Message] = []
    if annotated:
        decisions.append(
            _m(
                "annotated-csv",
                QT_TRANSLATE_NOOP("importers", "InfluxDB annotated CSV: #group, #datatype and #default lines skipped"),
            )
        )
    n = len(rows)
    if options.skip_rows is not None:
        skip = next((k for k, i in enumerate(at) if i >= options.skip_rows), n)  # annotation lines count
        header_at: int | None = skip if options.has_header is not False else None
        how = _CHOSEN
    else:
        need = max(1, math.ceil(mode / 2)) if mode > 1 else 1
        start = 0
        while start < n - 1 and widths[start] < mode:
            start += 1
        first_data = next(
            (i for i in range(start, n) if widths[i] >= need and not _is_text_row(rows[i], missing)), None
        )
        text_rows = [i for i in range(start, first_data if first_data is not None else min(n, start + 1))]
        text_rows = [i for i in text_rows if widths[i] >= need and _is_text_row(rows[i], missing)]
        naming = (
            [i for i in text_rows if _names_time_column(rows[i], rows[first_data], missing)]
            if first_data is not None
            else []
        )
        how = _m("header-first-names", QT_TRANSLATE_NOOP("importers", "the first row of names above the data"))
        if options.has_header is False:
            header_at, skip = None, start
        elif not text_rows:
            header_at, skip = (start, start) if options.has_header else (None, start)
        elif naming:
            header_at = skip = naming[-1]
            how = _m("header-names-time", QT_TRANSLATE_NOOP("importers", "the row of names that names the time column"))
        else:
            header_at = skip = text_rows[0]
    if skip >= n:
        raise ImportFailed(
            _m(
                "nothing-is-left-to-read-below-th",
                QT_TRANSLATE_NOOP("importers", "Nothing is left to read below the skipped lines."),
            )
        )
    if skip and any(widths[:skip]):
        notes.append(
            Counted("lines-skipped").tr(
                "%Ln line(s) above the table were skipped (they do not have its columns).", "", skip
            )
        )
    has_header = header_at is not None
    first = rows[skip]
    data_start = skip + 1 if has_header else skip
    units: list[str] = []
    if has_header and data_start < n and _is_units_row(rows[data_start]) and _is_text_row(rows[data_start], missing):
        below = rows[data_start + 1 : data_start + 21]
        if below and any(not _is_text_row(r, missing) for r in below):
            units = [cell_text(c).strip() for c in rows[data_start]]
            data_start += 1
    width = max(mode, effective_width(first) if has_header else 0)
    names: list[str] = []
    seen: set[str] = set()
    for j in range(width):
        name = cell_text(first[j]).strip() if has_header and j < len(first) else ""
        name = name or unnamed_column(j)
        if name in seen:
            name = f"{name} ({j + 1})"
        seen.add(name)
        names.append(name)
    if has_header and any("\ufffd" in nm for nm in names):
        notes.append(
            _m(
                "header-undecodable",
                QT_TRANSLATE_NOOP("importers", "Some header characters cannot be decoded: is the encoding right?"),
            )
        )
    data = [r for r in rows[data_start:] if effective_width(r) and not (annotated and list(r) == list(first))]
    line = at[skip] + 1  # the header's line in the file (annotation lines count)
    if has_header:
        decisions.append(
            _m("header", QT_TRANSLATE_NOOP("importers", "header: line {line} ({how})"), line=line, how=how)
        )
    else:
        decisions.append(_m("header-none", QT_TRANSLATE_NOOP("importers", "no header row: columns are numbered")))
    if units:
        shown = ", ".join(u for u in units if u)
        decisions.append(
            _m("units-row", QT_TRANSLATE_NOOP("importers", "units row under the header: {units}"), units=shown)
        )
    start = at[data_start] if data_start < n else len(sample)
    return Structure(at[skip], has_header, width, names, data, notes, units, start, annotated, decisions)


def row_too_long(cells: int, width: int) -> Message:
    """Why a row with more cells than the table is rejected (code `row-too-long`)."""
    return _m(
        "row-too-long",
        QT_TRANSLATE_NOOP(
            "importers",
            "the row has {cells} cells but the table has {width} columns (a delimiter inside a cell without quotes?)",
        ),
        cells=cells,
        width=width,
    )


def row_cut_short(cells: int, width: int) -> Message:
    """Why the file's last line, with fewer cells than the table and no line end after it, is rejected (code
    `row-cut-short`): the file may have been cut while it was written."""
    return _m(
        "row-cut-short",
        QT_TRANSLATE_NOOP(
            "importers",
            "the file's last line has {cells} cells but the table has {width} columns, and no line end after it: "
            "the file may be cut short",
        ),
        cells=cells,
        width=width,
    )


def short_rows_said(count: int) -> Message:
    """The decision that `count` rows had fewer cells than the header, their missing cells at the end read as
    empty (code `short-rows`; CSV writers often leave off trailing empty fields)."""
    return Counted("short-rows").tr(
        "%Ln row(s) with fewer cells than the header: the cells missing at their end are read as empty", "", count
    )
