"""What a table is, decided from its first rows: delimiter, where the table starts, columns, time, zone, layout.

Every decision is made for a whole column (never per cell) from
`SAMPLE_ROWS` rows, and each one comes with how it was reached, for the
dialog and `send` to show (`Plan.decisions`). A time format is taken only
when the column's values fit it; the cells that do not are rejected later
with their reason, never read another way.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, tzinfo
from itertools import pairwise
from typing import Any

from gui.data.importers import cells as C
from gui.data.importers.kinds import MISSING_LIKE, kind_of, markers_decision
from gui.data.importers.options import DateOrder, ImportOptions, Layout, Role, TimeFormat
from gui.data.importers.result import (
    ZONE_IN_TIMES,
    ZONE_UNKNOWN,
    ZONE_UNSTATED,
    ColumnInfo,
    ImportFailed,
    zone_reason_message,
)
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text, effective_width
from gui.data.importers.zones import StatedZone, stated_zone, unused_zone
from gui.onenet.readings import ValueKind
from gui.onenet.validation import is_safe_stream_id, suggest_stream_id
from gui.onenet.zones import parse_zone
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

SAMPLE_ROWS = 1000
DELIMITERS = ",;\t|"
#: Delimiter detection reads at most this many lines, each cut to this many characters: bounded work
#: (the csv module's C reader, linear in its input) whatever the file holds.
SNIFF_LINES, SNIFF_LINE_CHARS = 200, 16384

_TIME_HINTS = {
    "time", "date", "datetime", "timestamp", "ts", "at", "zeit", "datum", "uhrzeit", "fecha", "hora",
    "heure", "data", "ora", "tijd", "czas", "время", "дата", "changed", "updated", "period", "periode",
    "quarter", "year", "month", "zeitstempel", "messzeit",
}  # fmt: skip
_TIME_HINTS_CJK = ("时间", "日期", "时刻", "時間", "日時", "日付")
#: Long layout: the datastream column's header, best first (InfluxDB's `_field` before `_measurement`).
_STREAM_HINTS = (
    "stream", "datastream", "datastream_id", "datastreamid", "stream_id", "streamid", "entity_id", "_field",
    "field", "metric", "id", "channel", "sensor", "tag", "name", "variable", "quantity", "parameter",
    "数据流", "数据流id", "通道", "传感器", "名称", "变量",
)  # fmt: skip
_VALUE_HINTS = ("value", "_value", "val", "reading", "measurement", "state", "值", "数值", "读数", "测量值", "数据")
#: Headers of columns that number rows, not readings.
_INDEX_NAMES = {"#", "no", "no.", "nr", "nr.", "n°", "index", "idx", "entry_id", "row", "rownum", "序号", "编号", ""}
#: Data-logger event columns (HOBOware: `Logged`, `Button Down`, `Host Connected`…): markers, not readings.
_EVENT_NAMES = (
    "logged", "button down", "button up", "host connected", "end of file", "stopped", "started",
    "coupler attached", "coupler detached", "bad battery", "good battery", "new interval",
)  # fmt: skip
#: Headers of label columns (a station's code) that are not readings even when they hold numbers.
_LABEL_HINTS = {
    "station", "stations_id", "station_id", "stn", "code", "site", "site_id", "location", "eor", "qn", "sensor",
    "serial", "device", "logger", "model", "host", "unit", "place", "ort", "standort", "站点", "站名", "设备",
}  # fmt: skip
#: Time parts split over columns, by header (lower case), and their unit.
_PART_NAMES = {
    "year": "year", "yr": "year", "yyyy": "year", "jahr": "year", "年": "year", "年份": "year",
    "month": "month", "mon": "month", "mo": "month", "mm": "month", "monat": "month", "月": "month", "月份": "month",
    "day": "day", "dd": "day", "tag": "day", "日": "day", "dom": "day",
    "hour": "hour", "hr": "hour", "hh": "hour", "stunde": "hour", "时": "hour", "小时": "hour",
    "minute": "minute", "min": "minute", "minuten": "minute", "分": "minute",
    "second": "second", "sec": "second", "sekunde": "second", "秒": "second",
}  # fmt: skip
_PART_RANGES = {
    "year": (1000, 2999), "month": (1, 12), "day": (1, 31), "hour": (0, 24), "minute": (0, 59), "second": (0, 59),
}  # fmt: skip
_UNIT_WORDS = {
    "mm", "cm", "m", "km", "hpa", "pa", "kpa", "mbar", "bar", "psi", "v", "mv", "a", "ma", "w", "kw", "kwh", "wh",
    "s", "ms", "min", "h", "lux", "lx", "ppm", "ppb", "db", "dba", "hz", "c", "f", "k", "kg", "g", "l", "ml",
    "m/s", "km/h", "mph", "rpm", "deg", "degc", "degf", "%rh", "mg/l", "mg/m3", "ug/m3", "µs/cm", "us/cm", "ntu",
    "j", "kj", "mj", "psu", "-", "unit", "units", "einheit", "单位",
}  # fmt: skip
_ANNOTATIONS = ("#group", "#datatype", "#default")


def mode_of(counts: Sequence[int]) -> tuple[int, int]:
    """The most common count and how often it occurs; ties go to the larger count (tables are wider than preambles)."""
    width, hits = max(Counter(counts).items(), key=lambda item: (item[1], item[0]))
    return width, hits


def _tokens(name: str) -> set[str]:
    out, word = set(), []
    for ch in name.casefold():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.add("".join(word))
            word = []
    if word:
        out.add("".join(word))
    return out


def is_time_name(name: str) -> bool:
    """A header that says "time": `time`, `Date/Time`, `timestamp (UTC)`, `MESS_DATUM`, `_time`, `时间`…"""
    return bool(_tokens(name) & _TIME_HINTS) or any(h in name for h in _TIME_HINTS_CJK)


def plain_name(name: str) -> str:
    """A header compared with the hint lists: stripped, case-folded, spaces as `_`."""
    return name.strip().casefold().replace(" ", "_")


# --- delimiter -------------------------------------------------------------------------------


def sniff_delimiter(lines: Sequence[str]) -> tuple[str, Message]:
    """The delimiter among `, ; tab |` and why: the one that splits the data rows most evenly.

    The data rows are the lower three quarters of the records read (headers,
    titles and notes are at the top, so a header with trailing junk cannot
    outvote them). Score: rows splitting into more than one cell, the share
    of rows with the most common cell count, few cells that hold another
    candidate delimiter (a `;` file with decimal commas splits on `,` into
    cells that hold `;`), then the width. Bounded work: at most
    `SNIFF_LINES` lines of `SNIFF_LINE_CHARS` characters, read by the csv
    module's C reader (no regular expression that could backtrack).
    """
    sample = [line[:SNIFF_LINE_CHARS] for line in lines[:SNIFF_LINES] if line.strip()]
    if not sample:
        return ",", _m("delimiter-empty", QT_TRANSLATE_NOOP("importers", "no data to tell: comma"))
    scores: dict[str, tuple[bool, float, float, int]] = {}
    for delimiter in DELIMITERS:
        try:
            records = [r for r in csv.reader(sample, delimiter=delimiter) if r]
        except csv.Error:  # a quoted field longer than the csv module allows: not this delimiter's layout
            continue
        # Records, not lines: a quoted cell may hold line breaks, and cutting the sample
        # inside one would read the rest of the file as a single cell.
        rows = records[len(records) // 4 :] if len(records) >= 8 else records
        if not rows:
            continue
        width, hits = mode_of([len(r) for r in rows])
        others = DELIMITERS.replace(delimiter, "")
        cells = [cell for r in rows for cell in r]
        junk = sum(1 for cell in cells if any(o in cell for o in others)) / max(1, len(cells))
        scores[delimiter] = (width > 1, round(hits / len(rows), 2), -round(junk, 1), width)
    best = max(scores, key=lambda d: scores[d]) if scores else ","
    width = scores[best][3] if best in scores else 1
    share = scores[best][1] if best in scores else 0.0
    return best, _m(
        "delimiter-split",
        QT_TRANSLATE_NOOP("importers", "{share}% of the data rows split into {width} cells"),
        share=round(share * 100),
        width=width,
    )


# --- columns ---------------------------------------------------------------------------------


@dataclass
class Profile:
    """What the sample says about one column."""

    classes: Counter[C.CellClass] = field(default_factory=Counter)
    formats: Counter[TimeFormat] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)
    raws: list[Any] = field(default_factory=list)
    decimals: Counter[str] = field(default_factory=Counter)
    distinct: set[str] = field(default_factory=set)
    ambiguous_comma: int = 0
    missing_like: int = 0  # text cells such as `NA`, `--`, `#N/A`: a marker the user has not given
    missing_texts: set[str] = field(default_factory=set)
    other_texts: list[str] = field(default_factory=list)  # the first few other texts (`OVER`, `23.5 °C`)
    example: str = ""

    @property
    def filled(self) -> int:
        return sum(n for c, n in self.classes.items() if c is not C.CellClass.MISSING)

    def share(self, *classes: C.CellClass) -> float:
        filled = self.filled
        return sum(self.classes[c] for c in classes) / filled if filled else 0.0


def profile_columns(rows: Sequence[Sequence[Any]], width: int, missing: frozenset[str]) -> list[Profile]:
    """Per column of `rows`: cell classes, time formats, decimal evidence, examples and distinct texts."""
    profiles = [Profile() for _ in range(width)]
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
            if len(profile.distinct) <= 50:
                profile.distinct.add(cell_text(raw).strip())
            if cls is C.CellClass.TEXT and isinstance(raw, str) and raw.strip().casefold() in MISSING_LIKE:
                profile.missing_like += 1
                profile.missing_texts.add(raw.strip())
            elif (
                cls is C.CellClass.TEXT
                and len(profile.other_texts) < 3
                and cell_text(raw).strip() not in (profile.other_texts)
            ):
                profile.other_texts.append(cell_text(raw).strip())
            if isinstance(raw, str):
                if len(profile.texts) < SAMPLE_ROWS:
                    profile.texts.append(raw.strip())
                evidence = C.decimal_evidence(raw)
                if evidence:
                    profile.decimals[evidence] += 1
                elif C.is_ambiguous_comma(raw):
                    profile.ambiguous_comma += 1
    return profiles


# --- where the table starts ------------------------------------------------------------------


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
        name = name or f"column {j + 1}"
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


# --- the plan --------------------------------------------------------------------------------


@dataclass
class TimeSpec:
    """How rows get their time: one TIME column, DATE + TIME_OF_DAY, year/month/day… parts, or none."""

    time_col: int | None = None
    date_col: int | None = None
    tod_col: int | None = None
    fmt: TimeFormat = TimeFormat.YMD
    date_fmt: TimeFormat = TimeFormat.YMD
    undecided: bool = False
    today: date | None = None
    pattern: str | None = None  #: the user's strftime pattern for the TIME column
    interval: bool = False  #: the TIME_OF_DAY column holds intervals (`00:00 - 01:00`): read as their start
    parts: dict[str, int] = field(default_factory=dict)  #: unit (`year`, `month`…) -> column

    @property
    def found(self) -> bool:
        """True when rows get a time from the file."""
        return self.time_col is not None or self.date_col is not None or self.tod_col is not None or bool(self.parts)

    def column(self) -> int:
        """The column a time problem is reported in (-1: none)."""
        for j in (self.time_col, self.date_col, self.tod_col, *self.parts.values()):
            if j is not None:
                return j
        return -1


@dataclass
class Plan:
    """What every column is and how rows get their time and zone; `decisions` say how each was reached."""

    infos: list[ColumnInfo]
    time: TimeSpec
    values: list[int]  # wide: VALUE column indexes, in stream order
    stream_col: int | None = None
    value_col: int | None = None
    layout: Layout = Layout.WIDE
    date_order: DateOrder | None = None
    date_order_reason: Message | None = None
    ambiguous: tuple[str, ...] = ()
    notes: list[Message] = field(default_factory=list)
    decisions: list[Message] = field(default_factory=list)
    zone: tzinfo | None = None  #: the zone the file states (a header), when it wins over the source zone
    zone_name: str = ""
    zone_reason: str = ""
    zone_question: StatedZone | None = None  #: an ambiguous zone the file states: ask
    #: The times state no zone (no offset in the cells, none in the header) and nobody chose one: they are
    #: read in `ImportOptions.source_tz`, which `send` must not assume (it asks) and the dialog shows.
    zone_unstated: bool = False
    zone_stated: str = ""  #: what the file states (`GMT+00:00`; ZONE_IN_TIMES when each time gives its zone)
    zone_column: str = ""  #: the time column whose header (or cells) state `zone_stated`
    zone_unused: str = ""  #: the zone the caller chose, when it differs from the stated one and so does not apply
    rename: dict[str, str] = field(default_factory=dict)  #: long layout: datastream ids renamed
    missing: frozenset[str] = frozenset()  #: texts found among numbers that mean "no reading" (`---`, `NA`)
    zone_why: Message | None = None  #: `zone_reason` in words (`result.zone_reason_message`), for a person
    #: Wide value columns whose kind the first rows gave (not the user): the pass checks it on every row
    #: (`kinds.Seen`), and `kinds.revise` gives the plan of all rows when a later row decides otherwise.
    watched: frozenset[int] = frozenset()


def times_state_zone(profiles: Sequence[Profile], spec: TimeSpec) -> bool:
    """True when every sampled time cell gives its own zone: an offset, `Z`, ` UTC`, or a Unix time (UTC).

    Only a single time column can: a date column with a time-of-day column,
    or year/month/day… parts, are clock times of some zone. Cells that do
    not parse are left out (they are rejected later, with their reason);
    decided on the sample, as every detection is.
    """
    if spec.time_col is None or spec.tod_col is not None or spec.parts:
        return False
    aware = False
    for raw in profiles[spec.time_col].raws:
        try:
            if spec.fmt is TimeFormat.PATTERN and spec.pattern and not isinstance(raw, date):
                parsed = C.parse_pattern(cell_text(raw), spec.pattern)
            else:
                parsed = C.parse_time_cell(raw, spec.fmt)
        except (ValueError, OverflowError):
            continue
        if parsed.tzinfo is None:
            return False
        aware = True
    return aware


def pick_time_format(
    profile: Profile, choice: TimeFormat | None, options: ImportOptions
) -> tuple[TimeFormat, DateOrder | None, Message | None, bool]:
    """(format, date order, order reason, undecided) for a time or date column's text cells."""
    if choice is not None and choice is not TimeFormat.DMY and choice is not TimeFormat.MDY:
        return choice, None, None, False
    if choice is not None:
        order = DateOrder.DMY if choice is TimeFormat.DMY else DateOrder.MDY
        return choice, order, _CHOSEN, False
    text_formats = Counter({f: n for f, n in profile.formats.items() if f is not TimeFormat.NATIVE})
    if not text_formats:
        return TimeFormat.NATIVE if profile.formats else TimeFormat.YMD, None, None, False
    fmt = text_formats.most_common(1)[0][0]
    if fmt is not TimeFormat.DMY:
        return fmt, None, None, False
    if options.date_order is not None:
        chosen = options.date_order
        return (TimeFormat.DMY if chosen is DateOrder.DMY else TimeFormat.MDY), chosen, _CHOSEN, False
    found, reason = C.date_order_from(profile.texts)
    if found is None:
        return TimeFormat.DMY, None, reason, True
    return (TimeFormat.DMY if found is DateOrder.DMY else TimeFormat.MDY), found, reason, False


def _integers(raws: Sequence[Any]) -> list[int] | None:
    out = []
    for raw in raws:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int):
            out.append(raw)
        elif isinstance(raw, float) and raw.is_integer():
            out.append(int(raw))
        elif isinstance(raw, str) and raw.strip().isdecimal():  # not isdigit: "²" is a digit int() refuses
            out.append(int(raw.strip()))
        else:
            return None
    return out


def numeric_time_format(profile: Profile, hinted: bool) -> tuple[TimeFormat, Message] | None:
    """The format of a column of numbers that are times, with the evidence, or None.

    Compact `YYYYMMDD[HH[MM[SS]]]` digits come first when every value has
    the same length and forms a valid date (so `201701010000` is 2017, not
    milliseconds since 1970); they need a time header only as `YYYYMMDD`.
    Unix seconds/ms/µs/ns are told apart by magnitude, Excel days and 4-digit
    years need a time header. Every value must fit.
    """
    raws = profile.raws
    if not raws:
        return None
    ints = _integers(raws)
    if ints is not None and all(i >= 0 for i in ints):
        lengths = {len(str(i)) for i in ints}
        if len(lengths) == 1:
            length = lengths.pop()
            if length in C.COMPACT_LENGTHS and (hinted or length > 8):
                try:
                    for i in ints:
                        C.parse_compact(str(i))
                except ValueError:
                    pass
                else:
                    return TimeFormat.COMPACT, _m(
                        "time-compact",
                        QT_TRANSLATE_NOOP("importers", "every value is {length} digits that form a valid date, {form}"),
                        length=length,
                        form=C.COMPACT_LENGTHS[length],
                    )
            if length == 4 and hinted and all(1000 <= i <= 2999 for i in ints):
                return TimeFormat.PERIOD, _m(
                    "time-years", QT_TRANSLATE_NOOP("importers", "every value is a year: read as the year's start")
                )
    if not hinted:
        return None
    for fmt, (low, high), _ in C.EPOCH_FORMATS:
        if C.looks_like(raws, fmt):
            return fmt, _m(
                "time-epoch",
                QT_TRANSLATE_NOOP("importers", "every value is between {low} and {high}: {unit}"),
                low=f"{low:.0e}",
                high=f"{high:.1e}",
                unit=format_label(fmt),
            )
    if C.looks_like(raws, TimeFormat.EXCEL):
        return TimeFormat.EXCEL, _m(
            "time-excel", QT_TRANSLATE_NOOP("importers", "every value is between 20000 and 80000: Excel days")
        )
    return None


def _all_times_of_day(raws: Sequence[Any], interval: bool = False) -> bool:
    if not raws:
        return False
    for raw in raws:
        try:
            C.parse_time_of_day_cell(raw, interval)
        except ValueError:
            return False
    return True


def _pattern_fits(raws: Sequence[Any], pattern: str) -> float:
    texts = [r for r in raws if isinstance(r, str)]
    if not texts:
        return 0.0
    good = 0
    for text in texts:
        try:
            C.parse_pattern(text, pattern)
        except ValueError:
            continue
        good += 1
    return good / len(texts)


def _unique(stream_id: str, used: set[str]) -> str:
    if stream_id not in used:
        return stream_id
    n = 2
    while f"{stream_id}_{n}" in used:
        n += 1
    return f"{stream_id}_{n}"


def _resolve(key: str, names: list[str], what: str) -> int:
    """A column given by name (case-insensitive) or 1-based number; ImportFailed naming the columns otherwise."""
    text = key.strip()
    folded = [n.casefold() for n in names]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    if text.isdigit() and 1 <= int(text) <= len(names):
        return int(text) - 1
    shown = ", ".join(f"{i + 1}: {n}" for i, n in enumerate(names))
    raise ImportFailed(
        _m(
            "the-file-has-no-column-its-colum",
            QT_TRANSLATE_NOOP("importers", "{what}: the file has no column {text}. Its columns are {shown}."),
            what=str(what),
            text=repr(text),
            shown=str(shown),
        )
    )


def _time_parts(names: list[str], profiles: list[Profile], free: list[int]) -> dict[str, int]:
    """Columns named year, month, day, hour… holding whole numbers in range: a time split over columns."""
    parts: dict[str, int] = {}
    for j in free:
        unit = _PART_NAMES.get(plain_name(names[j]))
        if unit is None or unit in parts or not profiles[j].filled:
            continue
        ints = _integers(profiles[j].raws)
        low, high = _PART_RANGES[unit]
        if ints is not None and all(low <= i <= high for i in ints):
            parts[unit] = j
    if "year" not in parts:
        return {}
    order = ("year", "month", "day", "hour", "minute", "second")
    kept: dict[str, int] = {}
    for unit in order:  # a part counts only when every larger one is there: year + day is not a time
        if unit not in parts:
            break
        kept[unit] = parts[unit]
    return kept


def _skip_reason(name: str, profile: Profile, rows: int, unnamed: bool, first: bool) -> Message | None:
    """Why a column is proposed as not imported (None: it is a reading)."""
    folded = name.strip().casefold()
    if not profile.filled:
        if not unnamed:
            return None
        return Counted("skip-unnamed-empty").tr("no header and empty in the first %Ln row(s)", "", rows)
    ints = _integers(profile.raws)
    if folded in _INDEX_NAMES and ints is not None:
        return _m("skip-index-named", QT_TRANSLATE_NOOP("importers", "a row index (its header says so)"))
    if first and ints is not None and len(ints) >= 3 and all(b - a == 1 for a, b in pairwise(ints)):
        return _m(
            "skip-index-counting", QT_TRANSLATE_NOOP("importers", "a row index (the first column, counting up by one)")
        )
    if folded in _EVENT_NAMES or any(folded.startswith(e + " (") for e in _EVENT_NAMES):
        return _m("skip-event", QT_TRANSLATE_NOOP("importers", "a logger's event marker, not readings"))
    texts = profile.classes[C.CellClass.TEXT]
    if profile.missing_like == profile.filled:
        return (
            Counted("skip-no-reading")
            .tr("only {text} (no reading) in the first %Ln row(s)", "", rows)
            .with_args(text=repr(next(iter(profile.missing_texts))))
        )
    if len(profile.distinct) == 1 and profile.filled >= 2:
        value = next(iter(profile.distinct))
        named = plain_name(name) in _LABEL_HINTS or bool(_tokens(name) & _LABEL_HINTS)
        # A constant text is a label when its header says so, when it holds digits (a serial number), or
        # over many rows; a reading may stay the same over a short file (wind from SE all day).
        if texts == profile.filled and (named or any(ch.isdigit() for ch in value) or profile.filled >= 100):
            return _m(
                "skip-label-text",
                QT_TRANSLATE_NOOP("importers", "the same text in every row ({value}): a label"),
                value=repr(value),
            )
        if texts != profile.filled and named:
            return _m(
                "skip-label-code",
                QT_TRANSLATE_NOOP("importers", "the same code in every row ({value}): a label"),
                value=repr(value),
            )
    return None


def make_plan(structure: Structure, options: ImportOptions, missing: frozenset[str], delimiter: str | None) -> Plan:
    """Decide every column's role, the time source, its format and zone, the layout, kinds and ids.

    The user's choices (`options.columns`, `time_column`, `time_pattern`,
    `include`, `exclude`, `rename`, `layout`) win over detection. Raises
    ImportFailed when a named column does not exist or nothing is left to
    import.
    """
    width, names = structure.width, structure.names
    rows_read = len(structure.data_sample)
    profiles = profile_columns(structure.data_sample, width, missing)
    choices = {j: options.choice(j) for j in range(width)}
    roles: dict[int, Role] = {j: c.role for j, c in choices.items() if c.role is not None}
    notes: list[Message] = []
    decisions: list[Message] = []
    reasons: dict[int, Message] = {}
    user_roles = set(roles)

    excluded = {_resolve(k, names, "excluded") for k in options.exclude}
    included = {_resolve(k, names, "columns") for k in options.include} if options.include is not None else None
    for j in {_resolve(k, names, "text") for k in options.text}:
        if choices[j].kind is None:
            choices[j] = replace(choices[j], kind=ValueKind.TEXT)
    if options.time_column:
        j = _resolve(options.time_column, names, "time column")
        roles[j] = Role.TIME
        user_roles.add(j)

    # layout
    layout = options.layout
    folded = [plain_name(n) for n in names]
    stream_guess = next((folded.index(h) for h in _STREAM_HINTS if h in folded), None)
    value_guess = next((folded.index(h) for h in _VALUE_HINTS if h in folded and folded.index(h) != stream_guess), None)

    free = [j for j in range(width) if j not in roles]

    def hinted(j: int) -> bool:
        return is_time_name(names[j])

    spec = TimeSpec(pattern=options.time_pattern)
    time_reason: Message | None = None
    has_time_role = any(r in (Role.TIME, Role.DATE, Role.TIME_OF_DAY) for r in roles.values())
    if options.time_pattern and not has_time_role:
        fits = sorted(
            ((_pattern_fits(profiles[j].raws, options.time_pattern), j) for j in free if profiles[j].filled),
            key=lambda t: (-t[0], not hinted(t[1]), t[1]),
        )
        if fits and fits[0][0] >= 0.5:
            roles[fits[0][1]] = Role.TIME
            time_reason = _m(
                "time-pattern-fits",
                QT_TRANSLATE_NOOP("importers", "its cells match the format {pattern}"),
                pattern=options.time_pattern,
            )
            has_time_role = True
    parts = {} if has_time_role else _time_parts(names, profiles, free)
    if parts:
        for j in parts.values():
            roles[j] = Role.TIME_PART
        spec.parts = parts
        has_time_role = True
    numeric_formats: dict[int, tuple[TimeFormat, Message]] = {}
    if not has_time_role:
        # A column of dates: 90% of its cells, or half when its header says "time" (the rest are reported).
        dated = [
            j
            for j in free
            if profiles[j].filled
            and profiles[j].share(C.CellClass.DATETIME, C.CellClass.DATE) >= (0.5 if hinted(j) else 0.9)
        ]
        if dated:
            j = sorted(dated, key=lambda k: (not hinted(k), k))[0]
            if profiles[j].share(C.CellClass.DATE) >= 0.9 and profiles[j].formats.most_common(1)[0][0] not in (
                TimeFormat.PERIOD,
            ):
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
            share = round(100 * profiles[j].share(C.CellClass.DATETIME, C.CellClass.DATE))
            time_reason = (
                _m(
                    "time-dates-named",
                    QT_TRANSLATE_NOOP("importers", "{share}% of its cells are dates and its header says time"),
                    share=share,
                )
                if hinted(j)
                else _m("time-dates", QT_TRANSLATE_NOOP("importers", "{share}% of its cells are dates"), share=share)
            )
        else:
            for j in free:
                found = numeric_time_format(profiles[j], hinted(j)) if profiles[j].filled else None
                if found is not None:
                    numeric_formats[j] = found
            numeric = sorted(numeric_formats, key=lambda k: (not hinted(k), k))
            tods = [j for j in free if profiles[j].filled and profiles[j].share(C.CellClass.TIME_OF_DAY) >= 0.9]
            if numeric:
                roles[numeric[0]] = Role.TIME
                time_reason = numeric_formats[numeric[0]][1]
            elif tods:
                roles[tods[0]] = Role.TIME_OF_DAY

    if layout is None:
        how: Message
        if Role.STREAM in roles.values():
            layout = Layout.LONG
            how = _m("layout-stream-chosen", QT_TRANSLATE_NOOP("importers", "a datastream column was chosen"))
        elif structure.has_header and stream_guess is not None and value_guess is not None:
            layout = Layout.LONG
            how = _m(
                "layout-headers",
                QT_TRANSLATE_NOOP("importers", "headers {stream} and {value} name the datastream and the value"),
                stream=repr(names[stream_guess]),
                value=repr(names[value_guess]),
            )
        else:
            layout = Layout.WIDE
            how = _m("layout-wide-default", QT_TRANSLATE_NOOP("importers", "one column per datastream"))
            rest = [j for j in range(width) if j not in roles and profiles[j].filled]
            labels = [
                j
                for j in rest
                if profiles[j].share(C.CellClass.TEXT) > 0.9
                and 2 <= len(profiles[j].distinct) <= 20
                and profiles[j].filled >= 3 * len(profiles[j].distinct)
            ]
            numbers = [j for j in rest if j not in labels and profiles[j].share(C.CellClass.NUMBER) > 0.5]
            if any(r is Role.TIME for r in roles.values()) and len(labels) == 1 and len(numbers) == 1:
                stream_guess, value_guess = labels[0], numbers[0]
                layout = Layout.LONG
                how = _m(
                    "layout-labels",
                    QT_TRANSLATE_NOOP(
                        "importers", "a column of a few repeated names ({name}) beside one column of numbers"
                    ),
                    name=repr(names[labels[0]]),
                )
        decisions.append(
            _m(
                "layout",
                QT_TRANSLATE_NOOP("importers", "layout: {layout} ({how})"),
                layout=layout_name(layout),
                how=how,
            )
        )
    else:
        decisions.append(
            _m(
                "layout",
                QT_TRANSLATE_NOOP("importers", "layout: {layout} ({how})"),
                layout=layout_name(layout),
                how=_CHOSEN,
            )
        )

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
            unnamed = structure.has_header and (
                names[j] == f"column {j + 1}" or not any(ch.isalnum() for ch in names[j])
            )
            reason = _skip_reason(names[j], profiles[j], rows_read, unnamed, j == 0)
            if reason is not None:
                roles[j], reasons[j] = Role.SKIP, reason
            else:
                roles[j] = Role.VALUE
        for j, role in roles.items():
            if role is Role.STREAM:
                roles[j] = Role.VALUE
        for j in range(width):
            if roles[j] is not Role.VALUE:
                continue
            if j in excluded:
                roles[j], reasons[j] = Role.SKIP, _m("skip-excluded", QT_TRANSLATE_NOOP("importers", "excluded"))
            elif included is not None and j not in included:
                roles[j] = Role.SKIP
                reasons[j] = _m("skip-not-chosen", QT_TRANSLATE_NOOP("importers", "not among the columns chosen"))
            elif included is not None and j in included and j in reasons:
                del reasons[j]
        if included is not None:
            for j in included:
                if roles[j] is Role.SKIP and j not in user_roles:
                    roles[j] = Role.VALUE
                    reasons.pop(j, None)

    # one time source only
    for j in range(width):
        role = roles[j]
        if role is Role.TIME and spec.time_col is None and spec.date_col is None and not spec.parts:
            spec.time_col = j
        elif role is Role.DATE and spec.date_col is None and spec.time_col is None and not spec.parts:
            spec.date_col = j
        elif role is Role.TIME_OF_DAY and spec.tod_col is None and spec.time_col is None and not spec.parts:
            spec.tod_col = j
        elif role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY):
            roles[j] = Role.SKIP
            reasons[j] = _ANOTHER_TIME
    if spec.time_col is not None and spec.tod_col is not None:
        roles[spec.tod_col] = Role.SKIP
        reasons[spec.tod_col] = _ANOTHER_TIME
        spec.tod_col = None

    date_order: DateOrder | None = None
    order_reason: Message | None = None
    ambiguous: tuple[str, ...] = ()
    timed = spec.time_col if spec.time_col is not None else spec.date_col
    fmt_label: Message | None = None
    if timed is not None:
        profile = profiles[timed]
        time_choice = choices[timed].time_format
        if spec.pattern and spec.time_col is not None:
            time_choice = TimeFormat.PATTERN
        if time_choice is None and not profile.formats and profile.filled:
            found = numeric_formats.get(timed) or numeric_time_format(profile, True)
            if found is not None:
                time_choice = found[0]
                time_reason = time_reason or found[1]
        fmt, date_order, order_reason, undecided = pick_time_format(profile, time_choice, options)
        if undecided:
            spec.undecided = True
            ambiguous = tuple(t for t in profile.texts[:3])
        if spec.time_col is not None:
            spec.fmt = fmt
        else:
            spec.date_fmt = fmt
        if choices[timed].time_format is not None:
            time_reason = _CHOSEN
        elif time_choice is TimeFormat.PATTERN:
            time_reason = _m("time-pattern-given", QT_TRANSLATE_NOOP("importers", "the format given"))
        fmt_label = format_label(fmt, spec.pattern)
        if undecided:  # no day above 12 tells the order: either reading, not the one picked provisionally
            fmt_label = _m("time-order-undecided", QT_TRANSLATE_NOOP("importers", "day/month/year or month/day/year"))
        if fmt is TimeFormat.PERIOD:
            notes.append(
                _m(
                    "periods",
                    QT_TRANSLATE_NOOP(
                        "importers", "Column {column} holds periods ({example}): each is read as its start."
                    ),
                    column=repr(names[timed]),
                    example=profile.example,
                )
            )
    if spec.tod_col is not None:
        tod_profile = profiles[spec.tod_col]
        spec.interval = (
            tod_profile.formats.most_common(1)[0][0] is TimeFormat.INTERVAL if tod_profile.formats else False
        )
        if spec.interval:
            notes.append(
                _m(
                    "intervals",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "Column {column} holds intervals ({example}): each row is read at the interval's start.",
                    ),
                    column=repr(names[spec.tod_col]),
                    example=tod_profile.example,
                )
            )
    if spec.tod_col is not None and spec.date_col is None:
        spec.today = date.today()
        notes.append(
            _m(
                "dated-today",
                QT_TRANSLATE_NOOP("importers", "Times of day without a date column: dated today, {today}."),
                today=spec.today.isoformat(),
            )
        )
    if spec.tod_col is not None:
        spec.fmt = TimeFormat.TIME_OF_DAY

    # the zone the file states wins for its column; the caller's zone applies only to times without one
    zone: tzinfo | None = None
    zone_name = zone_reason = zone_stated = zone_column = ""
    zone_why: Message | None = None
    question: StatedZone | None = None
    time_columns = [j for j in (spec.time_col, spec.date_col, spec.tod_col, *spec.parts.values()) if j is not None]
    if structure.has_header:
        for j in time_columns:
            stated = stated_zone(names[j])
            if stated is None:
                continue
            if stated.choices:  # ambiguous (`CST`): a zone the user chose is the answer
                if options.zone_from_file:
                    question = stated
                    zone_reason = f"{ZONE_UNKNOWN}: the header {names[j]!r} says {stated.text}, which several use"
                    zone_why = _m(
                        "zone-ambiguous",
                        QT_TRANSLATE_NOOP("importers", "unknown: the header {header} says {zone}, which several use"),
                        header=repr(names[j]),
                        zone=stated.text,
                    )
            else:
                zone, zone_name = parse_zone(stated.name).tz, stated.name
                zone_reason = f"from the header {names[j]!r}"
                zone_why = zone_reason_message(zone_reason)
                zone_stated, zone_column = stated.text, names[j]
            break
    unstated = False
    if zone is None and question is None:
        zone_name = options.source_tz
        if spec.found and times_state_zone(profiles, spec):
            zone_reason = ZONE_IN_TIMES
            zone_stated, zone_column = ZONE_IN_TIMES, names[time_columns[0]]
        elif not options.zone_from_file:
            zone_reason = "chosen"
        else:  # no times at all is not a zone to ask about: rows without a time follow `missing_time`
            zone_reason, unstated = ZONE_UNSTATED, spec.found
    zone_unused = unused_zone(options, zone_stated, zone_name)
    zone_why = zone_why or zone_reason_message(zone_reason)

    # time decision, in words
    zone_text = _m("zone-of-time", QT_TRANSLATE_NOOP("importers", "zone {zone} ({why})"), zone=zone_name, why=zone_why)
    if spec.parts:
        shown = " + ".join(f"{names[j]!r}" for j in spec.parts.values())
        decisions.append(
            _m(
                "time-parts",
                QT_TRANSLATE_NOOP("importers", "time: columns {columns} combined, {zone}"),
                columns=shown,
                zone=zone_text,
            )
        )
        notes.append(
            _m(
                "time-parts-note",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "The time is combined from the columns {columns}; they are not imported as datastreams.",
                ),
                columns=shown,
            )
        )
    elif timed is not None or spec.tod_col is not None:
        where: Message
        if timed is None:
            where = _m(
                "time-where-tod",
                QT_TRANSLATE_NOOP("importers", "times of day only, column {column}"),
                column=repr(names[spec.tod_col or 0]),
            )
        elif spec.tod_col is None:
            where = _m("time-where", QT_TRANSLATE_NOOP("importers", "column {column}"), column=repr(names[timed]))
        else:
            where = _m(
                "time-where-date-tod",
                QT_TRANSLATE_NOOP("importers", "columns {date} + {time}"),
                date=repr(names[timed]),
                time=repr(names[spec.tod_col]),
            )
        if spec.interval:
            where = _m(
                "time-where-intervals", QT_TRANSLATE_NOOP("importers", "{where} (intervals: their start)"), where=where
            )
        epoch = spec.fmt in (TimeFormat.EPOCH_S, TimeFormat.EPOCH_MS, TimeFormat.EPOCH_US, TimeFormat.EPOCH_NS)
        if epoch:
            zone_text = _m("zone-epoch", QT_TRANSLATE_NOOP("importers", "UTC instants: no zone applies"))
        elif zone_reason == ZONE_IN_TIMES:
            zone_text = _m(
                "zone-in-times", QT_TRANSLATE_NOOP("importers", "each time gives its zone (an offset, Z or UTC)")
            )
        elif question is not None:
            zone_text = _m("zone-question", QT_TRANSLATE_NOOP("importers", "zone {why}"), why=zone_why)
        shown_format = fmt_label or format_label(TimeFormat.TIME_OF_DAY)
        if time_reason is not None:
            decisions.append(
                _m(
                    "time",
                    QT_TRANSLATE_NOOP("importers", "time: {where}, format {format} ({how}), {zone}"),
                    where=where,
                    format=shown_format,
                    how=time_reason,
                    zone=zone_text,
                )
            )
        else:
            decisions.append(
                _m(
                    "time",
                    QT_TRANSLATE_NOOP("importers", "time: {where}, format {format}, {zone}"),
                    where=where,
                    format=shown_format,
                    zone=zone_text,
                )
            )
    else:
        decisions.append(_m("time-none", QT_TRANSLATE_NOOP("importers", "time: no column was understood as a time")))

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

    rename = dict(options.rename)
    renamed_keys: set[str] = set()

    # values and ids
    infos: list[ColumnInfo] = []
    watched: set[int] = set()
    used_ids: set[str] = set()
    values: list[int] = []
    units = structure.units
    for j in range(width):
        role = roles[j]
        profile = profiles[j]
        choice = choices[j]
        unit = units[j] if j < len(units) else ""
        info = ColumnInfo(index=j, name=names[j], role=role, example=profile.example, unit=unit)
        if role is Role.VALUE:
            kind = choice.kind
            if kind is None and layout is Layout.LONG:
                kind = ValueKind.AUTO
            elif kind is None:
                # numbers, whatever else the column holds (`kinds.kind_of`); the pass checks every later row
                kind = kind_of(profile.filled, profile.classes[C.CellClass.NUMBER], profile.classes[C.CellClass.JSON])
                watched.add(j)
            suggested = names[j] if is_safe_stream_id(names[j]) else suggest_stream_id(names[j])
            note = (
                None if profile.filled else Counted("empty-column").tr("empty in the first %Ln row(s)", "", rows_read)
            )
            if layout is Layout.WIDE:
                new = next((rename[k] for k in (names[j], str(j + 1), suggested) if k in rename), None)
                if new is not None:
                    renamed_keys.update(k for k in (names[j], str(j + 1), suggested) if k in rename)
                stream_id = choice.stream_id.strip() if choice.stream_id else (new or _unique(suggested, used_ids))
                used_ids.add(stream_id)
                info = replace(info, stream_id=stream_id, suggested_id=suggested, id_safe=is_safe_stream_id(stream_id))
                values.append(j)
            info = replace(info, kind=kind, decimal=decimal_of(j), note=note)
        elif role in (Role.TIME, Role.DATE):
            info = replace(info, time_format=spec.fmt if role is Role.TIME else spec.date_fmt)
        elif role is Role.TIME_OF_DAY:
            info = replace(info, time_format=TimeFormat.INTERVAL if spec.interval else TimeFormat.TIME_OF_DAY)
        elif role is Role.TIME_PART:
            info = replace(
                info,
                time_format=TimeFormat.PARTS,
                note=_m("time-part", QT_TRANSLATE_NOOP("importers", "part of the time")),
            )
        elif role is Role.SKIP and j in reasons:
            info = replace(info, note=_not_imported(reasons[j]))
        infos.append(info)
    if layout is Layout.WIDE:
        unknown = [k for k in rename if k not in renamed_keys]
        if unknown:
            raise ImportFailed(
                _m(
                    "stream-id-the-file-has-no-column",
                    QT_TRANSLATE_NOOP(
                        "importers", "stream id: the file has no column {unknown_0} to rename. Its columns are {join}."
                    ),
                    unknown_0=repr(unknown[0]),
                    join=str(", ".join(names)),
                )
            )
    found_missing = frozenset(
        t for info in infos if info.kind is ValueKind.NUMBER for t in profiles[info.index].missing_texts
    )
    if found_missing:
        decisions.append(markers_decision(found_missing))
    decisions += [
        _m(
            "texts-among-numbers",
            QT_TRANSLATE_NOOP(
                "importers",
                "column {column}: numbers, with texts among them ({texts}): their rows are rejected unless the "
                "texts are missing-value markers or the column is read as text (send --text; the import dialog's "
                "columns table)",
            ),
            column=repr(info.name),
            texts=", ".join(repr(t) for t in profiles[info.index].other_texts),
        )
        for info in infos
        if info.kind is ValueKind.NUMBER and choices[info.index].kind is None and profiles[info.index].other_texts
    ]
    decisions += [
        _m(
            "skipped-column",
            QT_TRANSLATE_NOOP("importers", "not imported: {column} ({why})"),
            column=repr(names[j]),
            why=reasons[j],
        )
        for j in range(width)
        if roles[j] is Role.SKIP and j in reasons
    ]

    stream_col = next((j for j in range(width) if roles[j] is Role.STREAM), None)
    value_col = next((j for j in range(width) if roles[j] is Role.VALUE), None)
    if layout is Layout.LONG and (stream_col is None or value_col is None):
        raise ImportFailed(
            _m(
                "the-long-layout-needs-a-datastre",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "The long layout needs a datastream column and a value column: choose them in the"
                    " columns table, or read the file as wide.",
                ),
            )
        )
    if layout is Layout.WIDE and not values:
        raise ImportFailed(
            _m(
                "no-column-is-imported-include-at",
                QT_TRANSLATE_NOOP("importers", "No column is imported: include at least one column as a datastream."),
            )
        )
    return Plan(
        infos,
        spec,
        values,
        stream_col,
        value_col,
        layout,
        date_order,
        order_reason,
        ambiguous,
        notes,
        decisions,
        zone,
        zone_name,
        zone_reason,
        question,
        unstated,
        zone_stated,
        zone_column,
        zone_unused,
        rename if layout is Layout.LONG else {},
        found_missing,
        zone_why,
        frozenset(watched),
    )


def long_plan(time_format: TimeFormat, decided: tuple[Any, Message | None, bool] | None = None) -> Plan:
    """The plan of (stream, at, value) rows: OneNET bodies and JSON record lists."""
    infos = [
        ColumnInfo(0, "stream", Role.STREAM),
        ColumnInfo(1, "at", Role.TIME, time_format=time_format),
        ColumnInfo(2, "value", Role.VALUE, kind=ValueKind.AUTO),
    ]
    spec = TimeSpec(time_col=1, fmt=time_format)
    plan = Plan(infos, spec, [], stream_col=0, value_col=2, layout=Layout.LONG)
    if decided is not None:
        plan.date_order, plan.date_order_reason, spec.undecided = decided
    return plan


_FORMAT_LABELS = {
    TimeFormat.YMD: QT_TRANSLATE_NOOP("importers", "year-month-day"),
    TimeFormat.DMY: QT_TRANSLATE_NOOP("importers", "day/month/year"),
    TimeFormat.MDY: QT_TRANSLATE_NOOP("importers", "month/day/year"),
    TimeFormat.TIME_OF_DAY: QT_TRANSLATE_NOOP("importers", "time of day"),
    TimeFormat.EXCEL: QT_TRANSLATE_NOOP("importers", "Excel days"),
    TimeFormat.EPOCH_S: QT_TRANSLATE_NOOP("importers", "Unix seconds"),
    TimeFormat.EPOCH_MS: QT_TRANSLATE_NOOP("importers", "Unix milliseconds"),
    TimeFormat.EPOCH_US: QT_TRANSLATE_NOOP("importers", "Unix microseconds"),
    TimeFormat.EPOCH_NS: QT_TRANSLATE_NOOP("importers", "Unix nanoseconds"),
    TimeFormat.COMPACT: QT_TRANSLATE_NOOP("importers", "YYYYMMDD[HH[MM[SS]]] digits"),
    TimeFormat.MONTH_NAME: QT_TRANSLATE_NOOP("importers", "dates with month names"),
    TimeFormat.PERIOD: QT_TRANSLATE_NOOP("importers", "periods (read as their start)"),
    TimeFormat.INTERVAL: QT_TRANSLATE_NOOP("importers", "intervals (read as their start)"),
    TimeFormat.PARTS: QT_TRANSLATE_NOOP("importers", "year/month/day… columns"),
    TimeFormat.NATIVE: QT_TRANSLATE_NOOP("importers", "spreadsheet dates"),
}


def format_label(fmt: TimeFormat, pattern: str | None = None) -> Message:
    """A time format in words, for `send` and the dialog's "How:" (code `format-<value>`)."""
    if fmt is TimeFormat.PATTERN:
        if pattern:
            return Message.verbatim(pattern)
        return _m("time-pattern-given", QT_TRANSLATE_NOOP("importers", "the format given"))
    source = _FORMAT_LABELS.get(fmt)
    return _m(f"format-{fmt.value}", source) if source else Message.verbatim(fmt.value)


def layout_name(layout: Layout) -> Message:
    """`wide` / `long` in words (code `layout-<value>`)."""
    if layout is Layout.LONG:
        return _m("layout-long", QT_TRANSLATE_NOOP("importers", "long"))
    return _m("layout-wide", QT_TRANSLATE_NOOP("importers", "wide"))


_CHOSEN = _m("chosen", QT_TRANSLATE_NOOP("importers", "chosen"))
_ANOTHER_TIME = _m("skip-another-time", QT_TRANSLATE_NOOP("importers", "another column already gives the time"))


def _not_imported(why: Message) -> Message:
    """A column's note: not imported, and why."""
    return _m("not-imported", QT_TRANSLATE_NOOP("importers", "not imported: {why}"), why=why)
