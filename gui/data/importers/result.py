"""What an import gives back: `ImportResult` (datapoints, problems, the settings it used, a preview)."""

from __future__ import annotations

import enum
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo

from gui.data.importers.options import FileFormat, Layout, MissingTime, Role, TimeFormat
from gui.onenet.formats import BodyType
from gui.onenet.readings import Datapoint, Readings, Value, ValueKind
from gui.onenet.validation import Severity
from gui.text import Message

#: Problems kept in detail; beyond this only `problem_count` grows.
MAX_PROBLEMS = 10_000
#: `Detected.zone_reason` of times that state no zone, read in the zone the caller gave (`ImportOptions.source_tz`).
ZONE_UNSTATED = "not stated in the file"
#: `Detected.zone_reason` starts so while the zone a header states is ambiguous (`CST`): nobody chose one yet.
ZONE_UNKNOWN = "unknown"
#: `Detected.zone_reason` of times that each give their zone (`+02:00`, `Z`, ` UTC`) or are Unix times (UTC).
ZONE_IN_TIMES = "stated in each time"


class ImportFailed(Exception):
    """The file cannot be imported at all: empty, binary, unknown encoding, no table, broken JSON…

    The message is a sentence for the user saying what is wrong and, where
    possible, what to do: `text` (a Message, translated where shown); str() is its English source.
    """

    def __init__(self, message: Message | str) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(str(self.text))


def message(code: str, source: str, **args: object) -> Message:
    """A sentence of the importers (the catalogues' context "importers")."""
    return Message(code, "importers", source, args)


class ImportCancelled(Exception):
    """The caller's `cancelled()` returned True; nothing was imported."""


@dataclass(frozen=True)
class Problem:
    """One finding about a cell or row.

    `row` is the row number as a spreadsheet shows the file (1-based, the
    header included; for JSON the record or datapoint number), None for the
    whole file; `column` the column's name, None for the whole row; `text`
    the cell as read. ERROR: the row is not imported (a row is imported
    whole or not at all). WARNING: imported, worth a look. `gui.i18n.render(problem.why)`
    is the reason in the user's language (`reason` is its English source).
    """

    row: int | None
    column: str | None
    reason: str
    severity: Severity = Severity.ERROR
    text: str = ""
    #: `reason` as a Message (translated where shown), when the core words it; None: `reason` as it is.
    why: Message | None = None


@dataclass(frozen=True)
class ColumnInfo:
    """A column as detected and applied (the user's overrides included).

    `stream_id` is the datastream a wide layout's VALUE column goes to;
    `suggested_id` what `suggest_stream_id` makes of the header; `id_safe`
    False when `stream_id` has characters the platform may reject.
    `decimal` applies to number columns, `time_format` to time columns.
    `note` says why a column is proposed as not imported (a row index, a
    label, a logger's event marker, a part of the time).
    """

    index: int
    name: str
    role: Role
    stream_id: str = ""
    suggested_id: str = ""
    id_safe: bool = True
    kind: ValueKind = ValueKind.AUTO
    decimal: str = "."
    time_format: TimeFormat | None = None
    example: str = ""
    note: str = ""
    unit: str = ""  #: from a units row under the header (`°C`, `mm`), shown beside the column


@dataclass
class ColumnStats:
    """Per column after the whole file: values imported, cells missing (skipped), cells rejected."""

    values: int = 0
    missing: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class Detected:
    """The settings the import used, detected or chosen, for showing to the user.

    `encoding_label` is for people ("GBK/GB18030", "UTF-8 with BOM");
    `encoding` the Python codec. `date_order_reason` says how day/month
    order was decided. `notes` are sentences about the file as a whole.
    """

    file_format: FileFormat
    encoding: str | None = None
    encoding_label: str = ""
    encoding_reason: str = ""
    delimiter: str | None = None
    has_header: bool = True
    skipped_rows: int = 0
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    layout: Layout = Layout.WIDE
    body_type: BodyType | None = None
    columns: tuple[ColumnInfo, ...] = ()
    date_order: str | None = None
    date_order_reason: str = ""
    source_tz: str = ""
    missing_time: MissingTime = MissingTime.NOW
    missing_markers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    delimiter_reason: str = ""
    header_line: int | None = None  #: the header's line in the file (1-based), None without a header
    zone_reason: str = ""  #: where `source_tz` came from: "from the header 'Date Time, GMT+00:00'", "chosen"…
    decisions: tuple[str, ...] = ()  #: each decision with how it was reached, one line each
    zone_stated: str = ""  #: the zone the file states for its times (`GMT+00:00`), ZONE_IN_TIMES, or ""
    zone_column: str = ""  #: the time column whose header (or cells) state `zone_stated`
    #: The zone the caller chose (`--source-tz`, the zone box) when the file states another: it does not apply
    #: to that column (`gui.data.importers.zones.unused_zone`); "" otherwise.
    zone_unused: str = ""

    def time_columns(self) -> list[ColumnInfo]:
        """The columns that give rows their time."""
        return [c for c in self.columns if c.role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY, Role.TIME_PART)]

    def describe(self) -> list[str]:
        """The settings as short English lines (`send` prints them; the dialog builds its own, translated)."""
        lines = [f"format: {self.file_format.value}"]
        if self.encoding_label:
            lines.append(
                f"encoding: {self.encoding_label}" + (f" ({self.encoding_reason})" if self.encoding_reason else "")
            )
        if self.delimiter is not None:
            how = f" ({self.delimiter_reason})" if self.delimiter_reason else ""
            lines.append(f"delimiter: {DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}{how}")
        if self.sheet is not None:
            lines.append(f"sheet: {self.sheet}")
        if self.body_type is not None:
            lines.append(f"OneNET body type {int(self.body_type)}")
        elif not self.decisions:  # else the decisions say layout and header, with how they were found
            lines.append(f"layout: {self.layout.value}" + ("" if self.has_header else ", no header row"))
            if self.skipped_rows:
                lines.append(f"skipped {self.skipped_rows} line(s) above the header")
        lines.extend(self.decisions)
        if not self.decisions:
            for column in self.time_columns():
                fmt = column.time_format.value if column.time_format else "?"
                lines.append(f"time: column {column.name!r} ({column.role.value}, {fmt}, e.g. {column.example!r})")
        if self.date_order:
            lines.append(f"day/month order: {self.date_order} ({self.date_order_reason})")
        if self.zone_reason == ZONE_IN_TIMES:
            lines.append("source time zone: stated in each time (sent as UTC+8)")
        elif self.zone_reason.startswith(ZONE_UNKNOWN):
            lines.append(f"source time zone: {self.zone_reason}")
        else:
            how = f", {self.zone_reason}" if self.zone_reason else ""
            lines.append(f"source time zone: {self.source_tz}{how} (sent as UTC+8)")
        lines.append(f"rows without a time: {self.missing_time.value}")
        for column in self.columns:
            if column.role is Role.VALUE and column.stream_id:
                unsafe = "" if column.id_safe else " (may be rejected by the platform)"
                unit = f" [{column.unit}]" if column.unit else ""
                lines.append(
                    f"column {column.name!r}{unit} -> datastream {column.stream_id!r}{unsafe}, {column.kind.value}"
                )
        lines.extend(self.notes)
        return lines


DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


class CellStatus(enum.Enum):
    """How a preview cell fared."""

    OK = "ok"
    MISSING = "missing"  #: empty or a missing-value marker: skipped
    ERROR = "error"  #: cannot be read: the row is rejected
    WARNING = "warning"  #: read, with a remark (e.g. a repeated DST hour)
    SKIPPED = "skipped"  #: the column is not imported


@dataclass(frozen=True)
class PreviewCell:
    """A cell as read (`text`) and as it will be sent (`shown`), with its status and reason."""

    text: str
    shown: str
    status: CellStatus = CellStatus.OK
    reason: str | Message = ""  # a Message where the core words it (rendered where shown)


@dataclass(frozen=True)
class PreviewRow:
    """One data row of the preview: its row number in the file, its cells, whether it is rejected."""

    row: int
    cells: tuple[PreviewCell, ...]
    rejected: bool = False


class PointTable:
    """The imported datapoints, stored by column so memory grows with the data, not per object.

    WIDE: one `at` per row shared by the row's values, one list per
    datastream with None where a cell was missing. LONG: one datapoint per
    row with the index of its stream. `at`s are kept as read: naive (clock
    time of `tz`, `fold` set for a repeated DST hour), aware (the file gave
    an offset, or a Unix time) or None (sent without `at`); Datapoints get
    their aware `at` when `pairs()` makes them (with the zone's UTC offset at
    that moment as a fixed-offset tzinfo: the same instant, cheaper to use).
    """

    def __init__(self, stream_ids: list[str], wide: bool, tz: tzinfo) -> None:
        self.stream_ids = stream_ids
        self.wide = wide
        self.tz = tz
        self.rows = array("q")
        self.ats: list[datetime | None] = []
        self.columns: list[list[Value | None]] = [[] for _ in stream_ids] if wide else []
        self.stream_of = array("I")
        self.values: list[Value] = []
        self.count = 0
        self._offsets: dict[timedelta | None, tzinfo] = {}
        self._counts: list[int] = [0] * len(stream_ids)

    def stream_index(self, stream_id: str, index: dict[str, int]) -> int:
        """The index of `stream_id` (long layout), adding it on first sight."""
        found = index.get(stream_id)
        if found is None:
            found = index[stream_id] = len(self.stream_ids)
            self.stream_ids.append(stream_id)
        return found

    def __len__(self) -> int:
        return self.count

    def _aware(self, at: datetime | None) -> datetime | None:
        """A naive `at` with the zone's UTC offset at that moment (fold respected), as a fixed-offset tzinfo.

        Same instant as attaching the zone itself, but `utcoffset()` on it is
        cheap, which every Datapoint check and encoder calls.
        """
        if at is None or at.tzinfo is not None:
            return at
        offset = self.tz.utcoffset(at)
        zone = self._offsets.get(offset)
        if zone is None:
            zone = self._offsets[offset] = timezone(offset) if offset is not None else self.tz
        return at.replace(tzinfo=zone)

    def pairs(self) -> Iterator[tuple[str, Datapoint]]:
        """Every datapoint with its stream id, in file order (row by row, left to right)."""
        ids = self.stream_ids
        if self.wide:
            columns = list(enumerate(self.columns))
            for r, at in enumerate(self.ats):
                aware = self._aware(at)
                for j, column in columns:
                    value = column[r]
                    if value is not None:
                        yield ids[j], Datapoint(value, aware)
        else:
            for r, at in enumerate(self.ats):
                yield ids[self.stream_of[r]], Datapoint(self.values[r], self._aware(at))

    def source_rows(self) -> Iterator[int]:
        """The file row number of each datapoint of `pairs()`, in the same order."""
        if self.wide:
            for r, row in enumerate(self.rows):
                for column in self.columns:
                    if column[r] is not None:
                        yield row
        else:
            yield from self.rows

    def counts(self) -> dict[str, int]:
        """Datapoints per stream id, in first-seen order (kept up to date by `add_counts`: no pass over the data)."""
        return {sid: self._counts[i] for i, sid in enumerate(self.stream_ids)}

    def add_counts(self, per_stream: Iterable[tuple[int, int]]) -> None:
        """Add (stream index, datapoints) pairs to the counts and the total."""
        for index, n in per_stream:
            while len(self._counts) <= index:
                self._counts.append(0)
            self._counts[index] += n
            self.count += n


@dataclass
class ImportResult:
    """A file read into datapoints, with everything the user should see about how.

    - `detected`: the settings used (detected or chosen).
    - `table`: the datapoints (`pairs()` / `readings()`); empty when
      `needs_date_order` (the question must be answered first).
    - `rows_read`: data rows read (header, preamble and blank lines not
      counted); `rows_rejected`: rows not imported (each has an ERROR
      problem); `problems`: the first `MAX_PROBLEMS`, `problem_count` all.
    - `stats`: per column (same order as `detected.columns`).
    - `preview`: the first `ImportOptions.preview_rows` data rows as read.
    - `needs_date_order`: dates like `04/11/2026` and nothing in the rows
      read says which number is the day; `ambiguous_dates` are examples.
    - `needs_time`: no column was understood as a time and the caller did
      not choose what rows without a time get (`MissingTime`): nothing is
      imported (stamping thousands of readings "now" is never a default);
      the problems of the first rows are kept (rows that do not fit the table).
    - `zone_question`: the file states an ambiguous zone (`CST`): the
      zones it may mean; nothing is imported until one is chosen.
    - `time_warnings`: times far from the rest of their column or in the
      future were found (listed as warnings): ask before sending.
    - `zone_unstated`: the names of the time column(s) whose times
      state no zone, in a file that states none either, read in
      `detected.source_tz` because nobody chose a zone; () when the times or
      the header give their zone, the zone was chosen, or there are no times.
      Not a question for `needs_answer`: the dialog shows the zone it used
      beside its zone choice (importing confirms it); `send` and `verify`
      refuse without `--source-tz` (never a silent guess).
    """

    path: str
    detected: Detected
    table: PointTable
    rows_read: int = 0
    rows_rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    stats: list[ColumnStats] = field(default_factory=list)
    preview: list[PreviewRow] = field(default_factory=list)
    needs_date_order: bool = False
    ambiguous_dates: tuple[str, ...] = ()
    needs_time: bool = False
    zone_question: tuple[str, ...] = ()
    zone_question_text: str = ""
    time_warnings: int = 0
    zone_unstated: tuple[str, ...] = ()

    @property
    def needs_answer(self) -> bool:
        """True while a question must be answered before anything is imported."""
        return self.needs_date_order or self.needs_time or bool(self.zone_question)

    def __len__(self) -> int:
        """The number of datapoints imported."""
        return len(self.table)

    def pairs(self) -> Iterator[tuple[str, Datapoint]]:
        """(stream id, Datapoint) in file order; `at` aware, in the source zone or as the file gave it."""
        return self.table.pairs()

    def readings(self) -> Readings:
        """The datapoints grouped by stream (first-seen order), each stream in file order."""
        return Readings.from_pairs(self.pairs())

    def stream_counts(self) -> dict[str, int]:
        """Datapoints per stream id."""
        return self.table.counts()

    @property
    def errors(self) -> list[Problem]:
        """The kept problems that rejected a row."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The kept problems that did not reject anything."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def add_problem(self, problem: Problem) -> None:
        """Record a problem (kept in detail up to MAX_PROBLEMS)."""
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
