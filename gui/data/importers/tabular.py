"""Tables (CSV/TSV/TXT and XLSX): structure and columns detected from the first rows, then a chunked pass.

Detection reads `SAMPLE_ROWS` rows: preamble lines, header, column count,
each column's role (time, date + time of day, datastream value; long
layout: stream, time, value), time format, day/month order, value kind and
decimal mark. The full pass then reads `CHUNK_ROWS` rows at a time and
converts each column of a chunk with C-level `map` where every cell is
plain (`cells.numbers_fast`, `cells.times_fast`), falling back to the
per-cell parsers, which give each bad cell its reason. Memory holds the
imported values and one chunk of text, never a copy of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, tzinfo
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from gui.data.importers import cells as C
from gui.data.importers.gc_pause import paused_gc
from gui.data.importers.options import (
    DateOrder,
    FileFormat,
    ImportOptions,
    Layout,
    MissingTime,
    Role,
    TimeFormat,
)
from gui.data.importers.result import (
    CellStatus,
    ColumnInfo,
    ColumnStats,
    Detected,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    PointTable,
    PreviewCell,
    PreviewRow,
    Problem,
)
from gui.data.importers.sniff import HEAD_BYTES, Encoding
from gui.data.importers.zones import ZoneCheck
from gui.onenet.readings import Value, ValueKind, format_at, format_value
from gui.onenet.validation import Severity, is_safe_stream_id, suggest_stream_id

SAMPLE_ROWS = 1000
#: Texts that usually mean "no reading": they do not make a number column text (they are reported,
#: with the hint to add them as missing-value markers).
MISSING_LIKE = frozenset(
    ["na", "n/a", "n.a.", "nan", "null", "none", "-", "--", "---", "#n/a", "?", "err", "error", "#value!", "#div/0!"]
)
CHUNK_ROWS = 4096
DELIMITERS = ",;\t|"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class RejectedSink(Protocol):
    """Receives the rejected rows of a pass: first the column names, then each row."""

    def header(self, names: list[str]) -> None:
        """The table's column names, before any row."""

    def row(self, number: int, reasons: list[str], cells: Sequence[Any]) -> None:
        """A rejected row: its row number in the file, the reasons, its cells as read."""


_TIME_HINTS = {
    "time", "date", "datetime", "timestamp", "ts", "at", "zeit", "datum", "uhrzeit", "fecha", "hora",
    "heure", "data", "ora", "tijd", "czas", "время", "дата",
}  # fmt: skip
_TIME_HINTS_CJK = ("时间", "日期", "时刻", "時間", "日時", "日付")
_STREAM_HINTS = {
    "stream", "datastream", "datastream_id", "datastreamid", "stream_id", "streamid", "id", "channel",
    "sensor", "tag", "name", "variable", "quantity", "数据流", "数据流id", "通道", "传感器", "名称", "变量",
}  # fmt: skip
_VALUE_HINTS = {"value", "val", "reading", "measurement", "值", "数值", "读数", "测量值", "数据"}


def _mode(counts: Sequence[int]) -> tuple[int, int]:
    """The most common count and how often it occurs; ties go to the larger count (tables are wider than preambles)."""
    width, hits = max(Counter(counts).items(), key=lambda item: (item[1], item[0]))
    return width, hits


def _tokens(name: str) -> set[str]:
    out, word = set(), []
    for ch in name.casefold():
        if ch.isalnum() or ch == "_":
            word.append(ch)
        elif word:
            out.add("".join(word))
            word = []
    if word:
        out.add("".join(word))
    return out


def is_time_name(name: str) -> bool:
    """A header that says "time": `time`, `Date/Time`, `timestamp (UTC)`, `时间`, `Datum`…"""
    return bool(_tokens(name) & _TIME_HINTS) or any(h in name for h in _TIME_HINTS_CJK)


def _plain(name: str) -> str:
    return name.strip().casefold().replace(" ", "_")


def _is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _effective_width(row: Sequence[Any]) -> int:
    n = len(row)
    while n and _is_empty(row[n - 1]):
        n -= 1
    return n


def cell_text(raw: Any) -> str:
    """A cell as text, as a spreadsheet would show it (dates in ISO form)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, (date, time)):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


# --- sources ---------------------------------------------------------------------------------


class _Source(AbstractContextManager["_Source"]):
    """Rows of a table, with progress as (done, total) in the source's own unit."""

    sheet: str | None = None
    sheets: tuple[str, ...] = ()

    def rows(self) -> Iterator[Sequence[Any]]:
        raise NotImplementedError

    def progress(self) -> tuple[int, int]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __exit__(self, *exc: object) -> None:
        self.close()


class DelimitedSource(_Source):
    """A CSV/TSV/TXT file decoded with `encoding` (bad bytes become U+FFFD, reported per cell)."""

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.size = path.stat().st_size
        self._raw: Any = None
        self._text: io.TextIOWrapper | None = None

    def rows(self) -> Iterator[list[str]]:
        """The csv reader itself (no wrapper per row); `take` turns its csv.Error into ImportFailed."""
        self.close()
        self._raw = self.path.open("rb")
        self._text = io.TextIOWrapper(self._raw, encoding=self.encoding, errors="replace", newline="")
        return csv.reader(self._text, delimiter=self.delimiter, quotechar='"', doublequote=True, strict=False)

    def progress(self) -> tuple[int, int]:
        try:
            done = self._raw.tell() if self._raw is not None else 0
        except (OSError, ValueError):
            done = 0
        return done, self.size

    def close(self) -> None:
        if self._text is not None:
            self._text.detach()
            self._text = None
        if self._raw is not None:
            self._raw.close()
            self._raw = None


class XlsxSource(_Source):
    """A worksheet of an XLSX workbook read with openpyxl in read-only mode (cells keep their types)."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        import openpyxl  # a few hundred ms: only when a workbook is opened
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise ImportFailed(f"{path.name} cannot be opened as an Excel workbook: {exc}") from exc
        except Exception as exc:  # zipfile.BadZipFile and friends from a damaged file
            raise ImportFailed(f"{path.name} is not a readable Excel workbook ({exc.__class__.__name__}).") from exc
        self.sheets = tuple(self._book.sheetnames)
        if sheet is None:
            self.sheet = self.sheets[0] if self.sheets else None
        elif sheet in self.sheets:
            self.sheet = sheet
        else:
            self.close()
            raise ImportFailed(f"The workbook has no sheet {sheet!r}; it has {', '.join(self.sheets)}.")
        if self.sheet is None:
            self.close()
            raise ImportFailed("The workbook has no sheets.")
        self._sheet = self._book[self.sheet]
        self._done = 0

    def rows(self) -> Iterator[Sequence[Any]]:
        self._done = 0
        for values in self._sheet.iter_rows(values_only=True):
            self._done += 1
            yield values

    def progress(self) -> tuple[int, int]:
        total = self._sheet.max_row or 0
        return self._done, max(total, self._done)

    def close(self) -> None:
        self._book.close()


# --- detection -------------------------------------------------------------------------------


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter among `, ; tab |`: csv.Sniffer's answer if the rows agree, else the most consistent.

    Consistency: the share of non-empty rows with the most common cell
    count, for counts above one (a `;` file with decimal commas splits
    evenly on `;` but not on `,`, whose header has no commas).
    """
    sample = [line for line in lines if line.strip()][:100]
    if not sample:
        return ","
    scores: dict[str, tuple[bool, float, int]] = {}
    for delimiter in DELIMITERS:
        counts = [len(r) for r in csv.reader(sample, delimiter=delimiter) if r]
        if not counts:
            continue
        width, hits = _mode(counts)
        scores[delimiter] = (width > 1, round(hits / len(counts), 2), width)
    try:
        sniffed: str | None = csv.Sniffer().sniff("\n".join(sample[:50]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    best = max(scores, key=lambda d: scores[d]) if scores else ","
    if sniffed in scores and scores[sniffed][:2] == scores[best][:2]:
        return sniffed
    return best


@dataclass
class _Profile:
    """What the sample says about one column."""

    classes: Counter[C.CellClass] = field(default_factory=Counter)
    formats: Counter[TimeFormat] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)
    raws: list[Any] = field(default_factory=list)
    decimals: Counter[str] = field(default_factory=Counter)
    ambiguous_comma: int = 0
    missing_like: int = 0  # text cells such as `NA`, `--`, `#N/A`: a marker the user has not given
    example: str = ""

    @property
    def filled(self) -> int:
        return sum(n for c, n in self.classes.items() if c is not C.CellClass.MISSING)

    def share(self, *classes: C.CellClass) -> float:
        filled = self.filled
        return sum(self.classes[c] for c in classes) / filled if filled else 0.0


def _profile(rows: Sequence[Sequence[Any]], width: int, missing: frozenset[str]) -> list[_Profile]:
    profiles = [_Profile() for _ in range(width)]
    for row in rows:
        for j in range(min(width, len(row))):
            raw = row[j]
            profile = profiles[j]
            cls, fmt = C.classify(raw, missing)
            profile.classes[cls] += 1
            if cls is C.CellClass.MISSING:
                continue
            if not profile.example:
                profile.example = cell_text(raw)
            if fmt is not None:
                profile.formats[fmt] += 1
            if len(profile.raws) < 200:
                profile.raws.append(raw)
            if cls is C.CellClass.TEXT and isinstance(raw, str) and raw.strip().casefold() in MISSING_LIKE:
                profile.missing_like += 1
            if isinstance(raw, str):
                if len(profile.texts) < SAMPLE_ROWS:
                    profile.texts.append(raw.strip())
                evidence = C.decimal_evidence(raw)
                if evidence:
                    profile.decimals[evidence] += 1
                elif C.is_ambiguous_comma(raw):
                    profile.ambiguous_comma += 1
    return profiles


def _looks_like_header(first: Sequence[Any], data: Sequence[Sequence[Any]], missing: frozenset[str]) -> bool:
    classes = [C.classify(c, missing)[0] for c in first]
    if not data:
        return True
    filled = [c for c in classes if c is not C.CellClass.MISSING]
    if filled and all(c is C.CellClass.TEXT for c in filled):
        return True
    for j, cls in enumerate(classes):
        if cls is not C.CellClass.TEXT:
            continue
        below = [C.classify(r[j], missing)[0] for r in data[:200] if j < len(r)]
        present = [c for c in below if c is not C.CellClass.MISSING]
        if present and sum(c is not C.CellClass.TEXT for c in present) >= len(present) / 2:
            return True
    return False


@dataclass
class _Structure:
    skip: int
    has_header: bool
    width: int
    names: list[str]
    data_sample: list[Sequence[Any]]
    notes: list[str]


def _structure(sample: list[Sequence[Any]], options: ImportOptions, missing: frozenset[str]) -> _Structure:
    widths = [_effective_width(r) for r in sample]
    filled = [w for w in widths if w]
    if not filled:
        raise ImportFailed("The file has no data: every line is empty.")
    mode = _mode(filled)[0]
    notes: list[str] = []
    if options.skip_rows is not None:
        skip = min(options.skip_rows, len(sample))
    else:
        skip = 0
        while skip < len(sample) - 1 and (
            widths[skip] == 0 or (widths[skip] < mode and widths[skip] <= max(1, mode // 2))
        ):
            skip += 1
        if any(widths[:skip]):
            notes.append(f"{skip} line(s) above the table were skipped (they do not have its columns).")
    rest = sample[skip:]
    if not rest:
        raise ImportFailed("Nothing is left to read below the skipped lines.")
    first = rest[0]
    data = [r for r in rest[1:] if _effective_width(r)]
    has_header = options.has_header if options.has_header is not None else _looks_like_header(first, data, missing)
    width = max(mode, _effective_width(first) if has_header else 0)
    names: list[str] = []
    seen: set[str] = set()
    for j in range(width):
        name = cell_text(first[j]).strip() if has_header and j < len(first) else ""
        name = name or f"column {j + 1}"
        if name in seen:
            name = f"{name} ({j + 1})"
        seen.add(name)
        names.append(name)
    if has_header and any("\ufffd" in n for n in names):
        notes.append("Some header characters cannot be decoded: is the encoding right?")
    return _Structure(
        skip, has_header, width, names, data if has_header else [r for r in rest if _effective_width(r)], notes
    )


@dataclass
class _TimeSpec:
    """How rows get their time: one TIME column, or DATE + TIME_OF_DAY, or none."""

    time_col: int | None = None
    date_col: int | None = None
    tod_col: int | None = None
    fmt: TimeFormat = TimeFormat.YMD
    date_fmt: TimeFormat = TimeFormat.YMD
    undecided: bool = False
    today: date | None = None


@dataclass
class _Plan:
    infos: list[ColumnInfo]
    time: _TimeSpec
    values: list[int]  # wide: VALUE column indexes, in stream order
    stream_col: int | None = None
    value_col: int | None = None
    layout: Layout = Layout.WIDE
    date_order: DateOrder | None = None
    date_order_reason: str = ""
    ambiguous: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def _pick_time_format(
    profile: _Profile, choice: TimeFormat | None, options: ImportOptions
) -> tuple[TimeFormat, DateOrder | None, str, bool]:
    """(format, date order, reason, undecided) for a time or date column."""
    if choice is not None and choice is not TimeFormat.DMY and choice is not TimeFormat.MDY:
        return choice, None, "", False
    if choice is not None:
        order = DateOrder.DMY if choice is TimeFormat.DMY else DateOrder.MDY
        return choice, order, "chosen", False
    text_formats = Counter({f: n for f, n in profile.formats.items() if f is not TimeFormat.NATIVE})
    if not text_formats:
        return TimeFormat.NATIVE if profile.formats else TimeFormat.YMD, None, "", False
    fmt = text_formats.most_common(1)[0][0]
    if fmt is not TimeFormat.DMY:
        return fmt, None, "", False
    if options.date_order is not None:
        chosen = options.date_order
        return (TimeFormat.DMY if chosen is DateOrder.DMY else TimeFormat.MDY), chosen, "chosen", False
    found, reason = C.date_order_from(profile.texts)
    if found is None:
        return TimeFormat.DMY, None, reason, True
    return (TimeFormat.DMY if found is DateOrder.DMY else TimeFormat.MDY), found, reason, False


def _numeric_time_format(profile: _Profile) -> TimeFormat | None:
    for fmt in (TimeFormat.EPOCH_MS, TimeFormat.EPOCH_S, TimeFormat.EXCEL):
        if C.looks_like(profile.raws, fmt):
            return fmt
    return None


def _plan(structure: _Structure, options: ImportOptions, missing: frozenset[str], delimiter: str | None) -> _Plan:
    width, names = structure.width, structure.names
    profiles = _profile(structure.data_sample, width, missing)
    choices = {j: options.choice(j) for j in range(width)}
    roles: dict[int, Role] = {j: c.role for j, c in choices.items() if c.role is not None}
    notes: list[str] = []

    # layout
    layout = options.layout
    stream_guess = next((j for j in range(width) if _plain(names[j]) in _STREAM_HINTS), None)
    value_guess = next((j for j in range(width) if _plain(names[j]) in _VALUE_HINTS and j != stream_guess), None)
    if layout is None:
        if Role.STREAM in roles.values():
            layout = Layout.LONG
        else:
            long_ok = structure.has_header and stream_guess is not None and value_guess is not None
            layout = Layout.LONG if long_ok else Layout.WIDE

    free = [j for j in range(width) if j not in roles]

    # time columns
    def hinted(j: int) -> bool:
        return is_time_name(names[j])

    # A column of dates: 90% of its cells, or half when its header says "time" (the rest are reported).
    dated = [
        j
        for j in free
        if profiles[j].filled
        and profiles[j].share(C.CellClass.DATETIME, C.CellClass.DATE) >= (0.5 if hinted(j) else 0.9)
    ]
    if not any(r in (Role.TIME, Role.DATE, Role.TIME_OF_DAY) for r in roles.values()):
        if dated:
            j = sorted(dated, key=lambda k: (not hinted(k), k))[0]
            if profiles[j].share(C.CellClass.DATE) >= 0.9:
                tods = [
                    k
                    for k in free
                    if k != j
                    and profiles[k].filled
                    and (
                        profiles[k].share(C.CellClass.TIME_OF_DAY) >= 0.9
                        or (hinted(k) and _all_times_of_day(profiles[k].raws))
                    )
                ]
                if tods:
                    k = sorted(tods, key=lambda k: (abs(k - j) != 1, not hinted(k), k))[0]
                    roles[j], roles[k] = Role.DATE, Role.TIME_OF_DAY
                else:
                    roles[j] = Role.TIME
            else:
                roles[j] = Role.TIME
        else:
            numeric = [j for j in free if hinted(j) and profiles[j].filled and _numeric_time_format(profiles[j])]
            tods = [j for j in free if profiles[j].filled and profiles[j].share(C.CellClass.TIME_OF_DAY) >= 0.9]
            if numeric:
                roles[numeric[0]] = Role.TIME
            elif tods:
                roles[tods[0]] = Role.TIME_OF_DAY
    if layout is Layout.LONG:
        pick: int | None
        if Role.STREAM not in roles.values():
            pick = stream_guess if stream_guess is not None and stream_guess not in roles else None
            if pick is None:
                pick = next(
                    (k for k in range(width) if k not in roles and profiles[k].share(C.CellClass.TEXT) > 0.5), None
                )
            if pick is not None:
                roles[pick] = Role.STREAM
        if Role.VALUE not in roles.values():
            pick = value_guess if value_guess is not None and value_guess not in roles else None
            if pick is None:
                pick = next((k for k in reversed(range(width)) if k not in roles), None)
            if pick is not None:
                roles[pick] = Role.VALUE
        for j in range(width):
            roles.setdefault(j, Role.SKIP)
    else:
        for j in range(width):
            if j in roles:
                continue
            unnamed = names[j] == f"column {j + 1}" and structure.has_header
            roles[j] = Role.SKIP if unnamed and not profiles[j].filled else Role.VALUE
        for j, role in roles.items():
            if role is Role.STREAM:
                roles[j] = Role.VALUE

    # one time source only
    spec = _TimeSpec()
    for j in range(width):
        role = roles[j]
        if role is Role.TIME and spec.time_col is None and spec.date_col is None:
            spec.time_col = j
        elif role is Role.DATE and spec.date_col is None and spec.time_col is None:
            spec.date_col = j
        elif role is Role.TIME_OF_DAY and spec.tod_col is None and spec.time_col is None:
            spec.tod_col = j
        elif role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY):
            roles[j] = Role.SKIP
            notes.append(f"Column {names[j]!r} is not used: another column already gives the time.")
    if spec.time_col is not None and spec.tod_col is not None:
        roles[spec.tod_col] = Role.SKIP
        spec.tod_col = None

    date_order: DateOrder | None = None
    order_reason = ""
    ambiguous: tuple[str, ...] = ()
    timed = spec.time_col if spec.time_col is not None else spec.date_col
    if timed is not None:
        profile = profiles[timed]
        time_choice = choices[timed].time_format
        if time_choice is None and not profile.formats and profile.filled:
            time_choice = _numeric_time_format(profile)
        fmt, date_order, order_reason, undecided = _pick_time_format(profile, time_choice, options)
        if undecided:
            spec.undecided = True
            ambiguous = tuple(t for t in profile.texts[:3])
        if spec.time_col is not None:
            spec.fmt = fmt
        else:
            spec.date_fmt = fmt
    if spec.tod_col is not None and spec.date_col is None:
        spec.today = date.today()
        notes.append(f"Times of day without a date column: dated today, {spec.today.isoformat()}.")
    if spec.tod_col is not None:
        spec.fmt = TimeFormat.TIME_OF_DAY

    # decimal marks
    file_votes: Counter[str] = Counter()
    for p in profiles:
        file_votes.update(p.decimals)

    def decimal_of(j: int) -> str:
        if options.decimal:
            return options.decimal
        votes = profiles[j].decimals
        for source in (votes, file_votes):
            if source[","] != source["."]:
                return "," if source[","] > source["."] else "."
        return "," if delimiter == ";" and profiles[j].ambiguous_comma else "."

    # values and ids
    infos: list[ColumnInfo] = []
    used_ids: set[str] = set()
    values: list[int] = []
    for j in range(width):
        role = roles[j]
        profile = profiles[j]
        choice = choices[j]
        info = ColumnInfo(index=j, name=names[j], role=role, example=profile.example)
        if role is Role.VALUE:
            kind = choice.kind
            if kind is None:
                if layout is Layout.LONG or not profile.filled:
                    kind = ValueKind.AUTO
                elif profile.share(C.CellClass.JSON) == 1.0:
                    kind = ValueKind.JSON
                elif profile.classes[C.CellClass.NUMBER] * 2 > profile.filled - profile.missing_like > 0:
                    kind = ValueKind.NUMBER  # a majority of numbers; `NA`-like cells do not vote
                else:
                    kind = ValueKind.TEXT
            suggested = names[j] if is_safe_stream_id(names[j]) else suggest_stream_id(names[j])
            note = "" if profile.filled else f"empty in the first {len(structure.data_sample)} rows"
            if layout is Layout.WIDE:
                stream_id = choice.stream_id.strip() if choice.stream_id else _unique(suggested, used_ids)
                used_ids.add(stream_id)
                info = replace(
                    info,
                    stream_id=stream_id,
                    suggested_id=suggested,
                    id_safe=is_safe_stream_id(stream_id),
                )
                values.append(j)
            info = replace(info, kind=kind, decimal=decimal_of(j), note=note)
        elif role in (Role.TIME, Role.DATE):
            info = replace(info, time_format=spec.fmt if role is Role.TIME else spec.date_fmt)
        elif role is Role.TIME_OF_DAY:
            info = replace(info, time_format=TimeFormat.TIME_OF_DAY)
        infos.append(info)

    stream_col = next((j for j in range(width) if roles[j] is Role.STREAM), None)
    value_col = next((j for j in range(width) if roles[j] is Role.VALUE), None)
    if layout is Layout.LONG and (stream_col is None or value_col is None):
        raise ImportFailed(
            "The long layout needs a datastream column and a value column: choose them in the columns table, "
            "or read the file as wide."
        )
    if layout is Layout.WIDE and not values:
        raise ImportFailed("No column is imported: include at least one column as a datastream.")
    if timed is None and spec.tod_col is None:
        notes.append("No time column was found: every row is a reading without a time.")
    return _Plan(infos, spec, values, stream_col, value_col, layout, date_order, order_reason, ambiguous, notes)


def _all_times_of_day(raws: Sequence[Any]) -> bool:
    if not raws:
        return False
    for raw in raws:
        try:
            C.parse_time_of_day_cell(raw)
        except ValueError:
            return False
    return True


def _unique(stream_id: str, used: set[str]) -> str:
    if stream_id not in used:
        return stream_id
    n = 2
    while f"{stream_id}_{n}" in used:
        n += 1
    return f"{stream_id}_{n}"


# --- the pass --------------------------------------------------------------------------------


def _typed_value(raw: Any) -> Value:
    """A JSON value as a datapoint value: numbers, strings and objects as they are."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, dict)):
        shown = json.dumps(raw, ensure_ascii=False)
        raise ValueError(f"{shown} is not a datapoint value (a number, a string or a JSON object)")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError("NaN or infinity cannot be sent (not valid JSON)")
    return raw


def _is_missing(raw: Any, missing: frozenset[str]) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip() in missing
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and len(missing) > 1:
        return cell_text(raw) in missing
    return False


class _Pass:
    """Converts chunks of rows by column and stores the good rows; one instance per import."""

    def __init__(
        self,
        plan: _Plan,
        width: int,
        missing: frozenset[str],
        missing_time: MissingTime,
        tz: tzinfo,
        now: datetime,
        result: ImportResult,
        padded: bool,
        preview_rows: int,
        sink: RejectedSink | None,
    ) -> None:
        self.plan = plan
        self.width = width
        self.missing = missing
        self.markers = missing - {""}
        self.missing_time = missing_time
        self.zone = ZoneCheck(tz)
        self.now = now
        self.result = result
        self.table = result.table
        self.padded = padded  # spreadsheets: short rows are padded, not refused
        self.preview_rows = preview_rows
        self.sink = sink
        self.store = sink is None
        self.stream_index: dict[str, int] = {}
        self.names = [info.name for info in plan.infos]
        self.stats = result.stats
        #: JSON sources: values keep their JSON type ("20.9" stays text); no text is parsed.
        self.json_typed = False
        #: Warn per row about a missing time (not for OneNET bodies, where no `at` means "server time").
        self.warn_missing_time = True

    # -- rows --
    def process(self, rows: list[Sequence[Any]], first: int) -> None:
        """Convert and store rows numbered `first`, `first + 1`, … (blank rows are skipped)."""
        width = self.width
        if set(map(len, rows)) == {width}:
            good: list[Sequence[Any]] = rows
            numbers: Sequence[int] = range(first, first + len(rows))
        else:
            good, kept = [], []
            for offset, row in enumerate(rows):
                number = first + offset
                effective = _effective_width(row)
                if effective == 0:
                    continue
                if len(row) > width:
                    if effective > width:
                        self._reject_raw(
                            number,
                            row,
                            f"the row has {effective} cells but the table has {width} columns "
                            "(a delimiter inside a cell without quotes?)",
                        )
                        continue
                    row = row[:width]
                elif len(row) < width:
                    if not self.padded:
                        self._reject_raw(
                            number, row, f"the row has {len(row)} cells but the table has {width} columns (cut short?)"
                        )
                        continue
                    row = tuple(row) + (None,) * (width - len(row))
                good.append(row)
                kept.append(number)
            numbers = kept
        if not good:
            return
        self.result.rows_read += len(good)
        columns = list(zip(*good, strict=True))
        errors: dict[int, list[tuple[int, str]]] = {}
        warnings: dict[int, list[tuple[int, str]]] = {}

        times, time_errors = self._times(columns)
        times, gaps, repeats = self.zone.check(times)
        time_col = self._time_column()
        for i, found in time_errors.items():
            errors.setdefault(i, []).append(found)
        for i, reason in gaps.items():
            errors.setdefault(i, []).append((time_col, reason))
        for i, reason in repeats.items():
            warnings.setdefault(i, []).append((time_col, reason))

        if self.plan.layout is Layout.WIDE:
            converted = [self._values(j, columns[j], errors) for j in self.plan.values]
            if all(None not in col for col in converted):
                has_value = [True] * len(good)
            else:
                has_value = [any(col[i] is not None for col in converted) for i in range(len(good))]
            stream_ids: list[int] = []
            long_values: list[Value | None] = []
        else:
            converted = []
            stream_ids, long_values = self._long(columns, errors)
            has_value = [v is not None for v in long_values]

        self._missing_times(times, has_value, errors, warnings, time_col)
        rejected = {i for i in errors if i < len(good)}
        skip = rejected | ({i for i in range(len(good)) if not has_value[i]} if False in has_value else set())
        self._report(numbers, good, errors, warnings, rejected)
        if len(self.result.preview) < self.preview_rows:
            self._preview(numbers, good, times, converted, stream_ids, long_values, errors, warnings, rejected)
        if not self.store:
            return
        table = self.table
        if skip:
            keep = [i for i in range(len(good)) if i not in skip]
            numbers = [numbers[i] for i in keep]
            times = [times[i] for i in keep]
            converted = [[col[i] for i in keep] for col in converted]
            stream_ids = [stream_ids[i] for i in keep] if stream_ids else []
            long_values = [long_values[i] for i in keep] if long_values else []
        table.rows.extend(numbers)
        table.ats.extend(times)
        if self.plan.layout is Layout.WIDE:
            for target, col in zip(table.columns, converted, strict=True):
                target.extend(col)
            table.add_counts((j, len(col) - col.count(None)) for j, col in enumerate(converted))
        else:
            table.stream_of.extend(stream_ids)
            table.values.extend(v for v in long_values if v is not None)
            table.add_counts(Counter(stream_ids).items())

    def _time_column(self) -> int:
        spec = self.plan.time
        for j in (spec.time_col, spec.date_col, spec.tod_col):
            if j is not None:
                return j
        return -1

    def _reject_raw(self, number: int, row: Sequence[Any], reason: str) -> None:
        self.result.rows_read += 1
        self.result.rows_rejected += 1
        self.result.add_problem(Problem(number, None, reason, Severity.ERROR, self._row_text(row)))
        if self.sink is not None:
            self.sink.row(number, [reason], row)
        if len(self.result.preview) < self.preview_rows:
            padded = list(row[: self.width]) + [None] * (self.width - len(row))
            cells = tuple(PreviewCell(cell_text(c), cell_text(c), CellStatus.ERROR, reason) for c in padded)
            self.result.preview.append(PreviewRow(number, cells, True))

    @staticmethod
    def _row_text(row: Sequence[Any]) -> str:
        text = ",".join(cell_text(c) for c in row)
        return text if len(text) <= 200 else text[:200] + "…"

    # -- times --
    def _times(self, columns: list[tuple[Any, ...]]) -> tuple[list[datetime | None], dict[int, tuple[int, str]]]:
        spec = self.plan.time
        n = len(columns[0])
        errors: dict[int, tuple[int, str]] = {}
        if spec.time_col is not None:
            cells = columns[spec.time_col]
            fast = None if self.markers else C.times_fast(cells, spec.fmt)
            if fast is not None:
                return list(fast), errors
            out: list[datetime | None] = []
            for i, raw in enumerate(cells):
                if _is_missing(raw, self.missing):
                    out.append(None)
                    continue
                try:
                    out.append(C.parse_time_cell(raw, spec.fmt))
                except ValueError as exc:
                    errors[i] = (spec.time_col, str(exc))
                    out.append(None)
            return out, errors
        if spec.tod_col is None and spec.date_col is None:
            return [None] * n, errors
        out = []
        dates = columns[spec.date_col] if spec.date_col is not None else [spec.today] * n
        tods = columns[spec.tod_col] if spec.tod_col is not None else [None] * n
        for i, (raw_date, raw_tod) in enumerate(zip(dates, tods, strict=True)):
            if spec.date_col is not None and _is_missing(raw_date, self.missing):
                out.append(None)
                continue
            try:
                day = raw_date if isinstance(raw_date, date) and spec.date_col is None else None
                if day is None:
                    assert spec.date_col is not None
                    day = C.parse_date_cell(raw_date, spec.date_fmt)
            except ValueError as exc:
                errors[i] = (spec.date_col if spec.date_col is not None else -1, str(exc))
                out.append(None)
                continue
            if spec.tod_col is None or _is_missing(raw_tod, self.missing):
                if spec.tod_col is not None:
                    errors[i] = (spec.tod_col, "no time of day")
                    out.append(None)
                    continue
                out.append(datetime.combine(day, time(0)))
                continue
            try:
                out.append(datetime.combine(day, C.parse_time_of_day_cell(raw_tod)))
            except ValueError as exc:
                errors[i] = (spec.tod_col, str(exc))
                out.append(None)
        return out, errors

    def _missing_times(
        self,
        times: list[datetime | None],
        has_value: list[bool],
        errors: dict[int, list[tuple[int, str]]],
        warnings: dict[int, list[tuple[int, str]]],
        time_col: int,
    ) -> None:
        if None not in times:
            return
        timed = time_col >= 0 and self.warn_missing_time
        policy = self.missing_time
        for i, at in enumerate(times):
            if at is not None or i in errors or not has_value[i]:
                continue
            if policy is MissingTime.REFUSE:
                errors.setdefault(i, []).append((time_col, "no time (rows without a time are refused)"))
            elif policy is MissingTime.NOW:
                times[i] = self.now
                if timed:
                    warnings.setdefault(i, []).append((time_col, f"no time: stamped now ({format_at(self.now)})"))
            elif timed:
                warnings.setdefault(i, []).append((time_col, "no time: sent without at (the platform stamps it)"))

    # -- values --
    def _values(self, j: int, cells: tuple[Any, ...], errors: dict[int, list[tuple[int, str]]]) -> list[Value | None]:
        info = self.plan.infos[j]
        stats = self.stats[j]
        kind = info.kind
        if not self.markers:
            if kind is ValueKind.NUMBER:
                fast = C.numbers_fast(cells, info.decimal)
                if fast is not None:
                    stats.values += len(fast)
                    return list(fast)
            elif kind is ValueKind.TEXT and set(map(type, cells)) == {str}:
                stripped = list(map(str.strip, cells))
                if "\ufffd" not in "".join(stripped):
                    out: list[Value | None] = [None if s == "" else s for s in stripped]
                    missing = out.count(None)
                    stats.missing += missing
                    stats.values += len(out) - missing
                    return out
        out = []
        for i, raw in enumerate(cells):
            if _is_missing(raw, self.missing):
                stats.missing += 1
                out.append(None)
                continue
            try:
                out.append(C.parse_cell_value(raw, kind, info.decimal))
            except ValueError as exc:
                reason = str(exc)
                if kind is ValueKind.NUMBER and isinstance(raw, str) and raw.strip() and not raw.strip()[0].isdigit():
                    reason += "; if it marks a missing reading, add it as a missing-value marker"
                errors.setdefault(i, []).append((j, reason))
                out.append(None)
                continue
            stats.values += 1
        return out

    def _long(
        self, columns: list[tuple[Any, ...]], errors: dict[int, list[tuple[int, str]]]
    ) -> tuple[list[int], list[Value | None]]:
        plan = self.plan
        assert plan.stream_col is not None and plan.value_col is not None
        info = plan.infos[plan.value_col]
        streams, values = columns[plan.stream_col], columns[plan.value_col]
        ids: list[int] = []
        out: list[Value | None] = []
        stats = self.stats[plan.value_col]
        for i, (raw_stream, raw) in enumerate(zip(streams, values, strict=True)):
            stream = cell_text(raw_stream).strip()
            if not stream:
                errors.setdefault(i, []).append((plan.stream_col, "no datastream id"))
                ids.append(0)
                out.append(None)
                continue
            ids.append(self.table.stream_index(stream, self.stream_index))
            if _is_missing(raw, self.missing):
                stats.missing += 1
                out.append(None)
                continue
            try:
                out.append(_typed_value(raw) if self.json_typed else C.parse_cell_value(raw, info.kind, info.decimal))
            except ValueError as exc:
                errors.setdefault(i, []).append((plan.value_col, str(exc)))
                out.append(None)
                continue
            stats.values += 1
        return ids, out

    # -- reporting --
    def _report(
        self,
        numbers: Sequence[int],
        good: list[Sequence[Any]],
        errors: dict[int, list[tuple[int, str]]],
        warnings: dict[int, list[tuple[int, str]]],
        rejected: set[int],
    ) -> None:
        result = self.result
        for i in sorted(set(errors) | set(warnings)):
            row = good[i]
            for severity, found in ((Severity.ERROR, errors.get(i, [])), (Severity.WARNING, warnings.get(i, []))):
                for j, reason in found:
                    name = self.names[j] if 0 <= j < len(self.names) else None
                    text = cell_text(row[j]) if 0 <= j < len(row) else ""
                    result.add_problem(Problem(numbers[i], name, reason, severity, text))
                    if severity is Severity.ERROR and 0 <= j < len(self.stats):
                        self.stats[j].rejected += 1
            if i in rejected:
                result.rows_rejected += 1
                if self.sink is not None:
                    reasons = [
                        f"{self.names[j]}: {reason}" if 0 <= j < len(self.names) else reason for j, reason in errors[i]
                    ]
                    self.sink.row(numbers[i], reasons, row)

    def _preview(
        self,
        numbers: Sequence[int],
        good: list[Sequence[Any]],
        times: list[datetime | None],
        converted: list[list[Value | None]],
        stream_ids: list[int],
        long_values: list[Value | None],
        errors: dict[int, list[tuple[int, str]]],
        warnings: dict[int, list[tuple[int, str]]],
        rejected: set[int],
    ) -> None:
        plan = self.plan
        by_col = {j: col for j, col in zip(plan.values, converted, strict=True)}
        time_col = self._time_column()
        tz = self.table.tz
        for i, row in enumerate(good):
            if len(self.result.preview) >= self.preview_rows:
                return
            bad = {j: r for j, r in errors.get(i, [])}
            noted = {j: r for j, r in warnings.get(i, [])}
            cells = []
            for j in range(self.width):
                raw = row[j]
                text = cell_text(raw)
                info = plan.infos[j]
                if j in bad:
                    cells.append(PreviewCell(text, text, CellStatus.ERROR, bad[j]))
                    continue
                if info.role is Role.SKIP:
                    cells.append(PreviewCell(text, text, CellStatus.SKIPPED))
                    continue
                if j == time_col:
                    at = times[i]
                    if plan.time.undecided:
                        shown, status, reason = text, CellStatus.WARNING, "day/month order not known: choose it"
                    elif at is None:
                        shown, status, reason = "(no at)", CellStatus.MISSING, noted.get(j, "")
                    else:
                        aware = at if at.tzinfo is not None else at.replace(tzinfo=tz)
                        shown = format_at(aware)
                        status = CellStatus.WARNING if j in noted else CellStatus.OK
                        reason = noted.get(j, "")
                    cells.append(PreviewCell(text, shown, status, reason))
                    continue
                if info.role in (Role.DATE, Role.TIME_OF_DAY, Role.TIME):
                    cells.append(PreviewCell(text, text, CellStatus.OK))
                    continue
                if info.role is Role.STREAM:
                    cells.append(PreviewCell(text, text.strip(), CellStatus.OK))
                    continue
                value = by_col[j][i] if j in by_col else long_values[i] if long_values else None
                if value is None:
                    cells.append(PreviewCell(text, "", CellStatus.MISSING, "missing: skipped"))
                else:
                    shown = format_value(value) if not isinstance(value, dict) else C.json_dumps_compact(value)
                    cells.append(PreviewCell(text, shown, CellStatus.OK))
            self.result.preview.append(PreviewRow(numbers[i], tuple(cells), i in rejected))


# --- entry point -----------------------------------------------------------------------------


def take(rows: Iterator[Sequence[Any]], count: int, first: int) -> list[Sequence[Any]]:
    """The next `count` rows (fewer at the end); a row the csv module cannot read is an ImportFailed."""
    chunk: list[Sequence[Any]] = []
    try:
        chunk.extend(islice(rows, count))
    except csv.Error as exc:
        raise ImportFailed(
            f'Row {first + len(chunk)} cannot be read: {exc}. A cell over 128 KiB or a quote (") that is never '
            "closed can cause this."
        ) from exc
    return chunk


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def import_table(
    path: Path,
    file_format: FileFormat,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    encoding: Encoding | None = None,
    head_text: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    sink: RejectedSink | None = None,
) -> ImportResult:
    """Import a delimited text file (with `encoding`, first decoded text `head_text`) or an XLSX sheet.

    See the module docstring for the method; raises ImportFailed or
    ImportCancelled.
    """
    missing = frozenset({""} | {m.strip() for m in options.missing_markers})
    source: _Source
    delimiter: str | None = None
    if file_format is FileFormat.XLSX:
        source = XlsxSource(path, options.sheet)
    else:
        assert encoding is not None
        lines = head_text.splitlines()
        if len(lines) <= 1 and len(head_text.encode("utf-8", "replace")) >= HEAD_BYTES - 16:
            raise ImportFailed(
                "The first line is longer than 1 MiB: this is not a table of readings (rows of a CSV file are "
                "short). Is it the right file?"
            )
        delimiter = options.delimiter or sniff_delimiter(lines[:200])
        source = DelimitedSource(path, encoding.codec, delimiter)
    with source:
        sample = take(source.rows(), SAMPLE_ROWS + 1, 1)
        if not sample or all(_effective_width(r) == 0 for r in sample):
            raise ImportFailed("The file is empty." if file_format is not FileFormat.XLSX else "The sheet is empty.")
        structure = _structure(sample, options, missing)
        if structure.has_header and not structure.data_sample:
            raise ImportFailed("The file has a header row but no data rows below it.")
        plan = _plan(structure, options, missing, delimiter)
        missing_time = options.missing_time or MissingTime.NOW
        detected = Detected(
            file_format=file_format,
            encoding=encoding.codec if encoding else None,
            encoding_label=encoding.label if encoding else "",
            encoding_reason=encoding.reason if encoding else "",
            delimiter=delimiter,
            has_header=structure.has_header,
            skipped_rows=structure.skip,
            sheet=source.sheet,
            sheets=source.sheets,
            layout=plan.layout,
            columns=tuple(plan.infos),
            date_order=_order_name(plan.date_order),
            date_order_reason=plan.date_order_reason,
            source_tz=options.source_tz,
            missing_time=missing_time,
            missing_markers=tuple(sorted(missing - {""})),
            notes=tuple(structure.notes + plan.notes),
        )
        stream_ids = [plan.infos[j].stream_id for j in plan.values] if plan.layout is Layout.WIDE else []
        result = ImportResult(
            str(path),
            detected,
            PointTable(stream_ids, plan.layout is Layout.WIDE, tz),
            stats=[ColumnStats() for _ in range(structure.width)],
        )
        padded = file_format is FileFormat.XLSX
        first_data = structure.skip + (2 if structure.has_header else 1)
        if plan.time.undecided:
            result.needs_date_order = True
            result.ambiguous_dates = plan.ambiguous
            preview = _Pass(
                plan, structure.width, missing, missing_time, tz, now, result, padded, options.preview_rows, None
            )
            preview.store = False
            preview.process(sample[first_data - 1 : first_data - 1 + options.preview_rows], first_data)
            result.rows_read = result.rows_rejected = 0
            result.problems.clear()
            result.problem_count = 0
            return result
        runner = _Pass(
            plan, structure.width, missing, missing_time, tz, now, result, padded, options.preview_rows, sink
        )
        if sink is not None:
            sink.header(structure.names)
        rows = source.rows()
        take(rows, first_data - 1, 1)
        number = first_data
        with paused_gc():
            while True:
                _check(cancelled)
                chunk = take(rows, CHUNK_ROWS, number)
                if not chunk:
                    break
                runner.process(chunk, number)
                number += len(chunk)
                if progress is not None:
                    progress(*source.progress())
    return result


def _order_name(order: DateOrder | None) -> str | None:
    if order is None:
        return None
    return "day/month/year" if order is DateOrder.DMY else "month/day/year"


def decode_head(head: bytes, encoding: Encoding, complete: bool) -> str:
    """The first bytes decoded (a character cut at the end is dropped unless the file ended)."""
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
    return decoder.decode(head, final=complete)
