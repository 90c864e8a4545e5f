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
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

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

    def __init__(self, message: Message | str, sheets: Sheets | None = None) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        self.sheets = sheets  #: a workbook's sheets, to choose another one from (the import dialog's Sheet)
        super().__init__(str(self.text))


@dataclass(frozen=True)
class Sheets:
    """A workbook's sheets, to choose one from: every name in order, the hidden ones, and the sheet read when
    none is chosen (the one a person sees on opening the workbook; None: no sheet is visible)."""

    names: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    default: str | None = None


def message(code: str, source: str, **args: object) -> Message:
    """A sentence of the importers (the catalogues' context "importers")."""
    return Message(code, "importers", source, args)


def unnamed_column(index: int) -> str:
    """The name of the column at `index` (0-based) when it has no header: `column 3`, what `--time-column` and
    the other options match. Said to a person by `column_title` (in the reader's language)."""
    return f"column {index + 1}"


def column_title(name: str, index: int) -> Message:
    """The column `name` at `index` as a person reads it: its header as it is, or, for a column without one
    (`unnamed_column`), `column 3` in the reader's language (`第 3 列`)."""
    if name == unnamed_column(index):
        return message("unnamed-column", QT_TRANSLATE_NOOP("importers", "column {n}"), n=index + 1)
    return Message.verbatim(name)


def column_ref(name: str, index: int) -> Message | str:
    """The column in a sentence: its header quoted (`'Temp'`), or `column_title`'s words for one without a header."""
    return column_title(name, index) if name == unnamed_column(index) else repr(name)


def column_label(name: str, index: int) -> Message | str:
    """The column after the word "column" in a sentence ("column {column}: …"): its header quoted (`'Temp'`), or for
    one without a header its number so marked (`16 (no header)`), not "column column 16"."""
    if name == unnamed_column(index):
        return message("unnamed-column-label", QT_TRANSLATE_NOOP("importers", "{n} (no header)"), n=index + 1)
    return repr(name)


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
    note: Message | None = None
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
    order was decided. `notes` are sentences about the file as a whole;
    `decisions` say each decision with how it was reached (codes: `layout`,
    `header`, `time`…). Both are Messages, in the user's language where shown.
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
    hidden_sheets: tuple[str, ...] = ()  #: a workbook's hidden sheets
    default_sheet: str | None = None  #: the sheet read when none is chosen (the one the workbook opens on)
    sheet_how: Message | None = None  #: how `sheet` was chosen
    layout: Layout = Layout.WIDE
    body_type: BodyType | None = None
    columns: tuple[ColumnInfo, ...] = ()
    date_order: str | None = None
    date_order_reason: Message | None = None
    source_tz: str = ""
    missing_time: MissingTime = MissingTime.NOW
    missing_markers: tuple[str, ...] = ()
    notes: tuple[Message, ...] = ()
    delimiter_reason: Message | None = None
    header_line: int | None = None  #: the header's line in the file (1-based), None without a header
    zone_reason: str = ""  #: where `source_tz` came from: "from the header 'Date Time, GMT+00:00'", "chosen"…
    decisions: tuple[Message, ...] = ()  #: each decision with how it was reached, one line each
    zone_why: Message | None = None  #: `zone_reason` in words (None: `zone_reason_message(zone_reason)`)
    zone_stated: str = ""  #: the zone the file states for its times (`GMT+00:00`), ZONE_IN_TIMES, or ""
    zone_column: str = ""  #: the time column whose header (or cells) state `zone_stated`
    #: The zone the caller chose (`--source-tz`, the zone box) when the file states another: it does not apply
    #: to that column (`gui.data.importers.zones.unused_zone`); "" otherwise.
    zone_unused: str = ""

    def time_columns(self) -> list[ColumnInfo]:
        """The columns that give rows their time."""
        return [c for c in self.columns if c.role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY, Role.TIME_PART)]

    def describe(self) -> list[Message]:
        """The settings as short lines (`send` prints them; the dialog builds its own)."""
        formats = {
            FileFormat.DELIMITED: QT_TRANSLATE_NOOP("importers", "delimited text (CSV, TSV, TXT)"),
            FileFormat.XLSX: QT_TRANSLATE_NOOP("importers", "Excel workbook (xlsx)"),
            FileFormat.JSON: QT_TRANSLATE_NOOP("importers", "JSON"),
            FileFormat.TYPE5: QT_TRANSLATE_NOOP("importers", "OneNET type 5 text"),
        }
        name = message(f"file-format-{self.file_format.value}", formats[self.file_format])
        lines = [message("describe-format", QT_TRANSLATE_NOOP("importers", "format: {format}"), format=name)]
        if self.encoding_label:
            if self.encoding_reason:
                lines.append(
                    message(
                        "describe-encoding",
                        QT_TRANSLATE_NOOP("importers", "encoding: {encoding} ({how})"),
                        encoding=self.encoding_label,
                        how=encoding_reason_message(self.encoding_reason),
                    )
                )
            else:
                lines.append(
                    message(
                        "describe-encoding",
                        QT_TRANSLATE_NOOP("importers", "encoding: {encoding}"),
                        encoding=self.encoding_label,
                    )
                )
        if self.delimiter is not None:
            name = delimiter_name(self.delimiter)
            if self.delimiter_reason is not None:
                lines.append(
                    message(
                        "describe-delimiter",
                        QT_TRANSLATE_NOOP("importers", "delimiter: {delimiter} ({how})"),
                        delimiter=name,
                        how=self.delimiter_reason,
                    )
                )
            else:
                lines.append(
                    message(
                        "describe-delimiter", QT_TRANSLATE_NOOP("importers", "delimiter: {delimiter}"), delimiter=name
                    )
                )
        if self.sheet is not None and self.sheet_how is not None:
            lines.append(
                message(
                    "describe-sheet",
                    QT_TRANSLATE_NOOP("importers", "sheet: {sheet} ({how})"),
                    sheet=self.sheet,
                    how=self.sheet_how,
                )
            )
        elif self.sheet is not None:
            lines.append(message("describe-sheet", QT_TRANSLATE_NOOP("importers", "sheet: {sheet}"), sheet=self.sheet))
        if self.body_type is not None:
            lines.append(
                message(
                    "describe-body", QT_TRANSLATE_NOOP("importers", "OneNET body type {n}"), n=str(int(self.body_type))
                )
            )
        elif not self.decisions:  # else the decisions say layout and header, with how they were found
            if self.has_header:
                lines.append(
                    message(
                        "describe-layout", QT_TRANSLATE_NOOP("importers", "layout: {layout}"), layout=self._layout()
                    )
                )
            else:
                lines.append(
                    message(
                        "describe-layout",
                        QT_TRANSLATE_NOOP("importers", "layout: {layout}, no header row"),
                        layout=self._layout(),
                    )
                )
            if self.skipped_rows:
                lines.append(
                    Counted("describe-skipped").tr("skipped %Ln line(s) above the header", "", self.skipped_rows)
                )
        lines.extend(self.decisions)
        if not self.decisions:
            for column in self.time_columns():
                time_format = column.time_format.value if column.time_format else "?"
                if column.example:
                    line = message(
                        "describe-time-column",
                        QT_TRANSLATE_NOOP("importers", "time: column {column} ({format}, e.g. {example})"),
                        column=column_label(column.name, column.index),
                        format=time_format,
                        example=repr(column.example),
                    )
                else:  # JSON records' own times: no text to show
                    line = message(
                        "describe-time-column",
                        QT_TRANSLATE_NOOP("importers", "time: column {column} ({format})"),
                        column=column_label(column.name, column.index),
                        format=time_format,
                    )
                lines.append(line)
        if self.date_order:
            lines.append(
                message(
                    "describe-order",
                    QT_TRANSLATE_NOOP("importers", "day/month order: {order} ({how})"),
                    order=_ORDER_NAMES.get(self.date_order) or Message.verbatim(self.date_order),
                    how=self.date_order_reason or Message.verbatim(""),
                )
            )
        why = self.zone_why or zone_reason_message(self.zone_reason)
        if self.zone_reason == ZONE_IN_TIMES:
            lines.append(
                message(
                    "describe-zone-in-times",
                    QT_TRANSLATE_NOOP("importers", "source time zone: stated in each time"),
                )
            )
        elif self.zone_reason.startswith(ZONE_UNKNOWN):
            lines.append(
                message("describe-zone-unknown", QT_TRANSLATE_NOOP("importers", "source time zone: {why}"), why=why)
            )
        elif self.zone_reason:
            lines.append(
                message(
                    "describe-zone",
                    QT_TRANSLATE_NOOP("importers", "source time zone: {zone}, {why}"),
                    zone=self.source_tz,
                    why=why,
                )
            )
        else:
            lines.append(
                message(
                    "describe-zone",
                    QT_TRANSLATE_NOOP("importers", "source time zone: {zone}"),
                    zone=self.source_tz,
                )
            )
        lines.append(
            message(
                "describe-missing-time",
                QT_TRANSLATE_NOOP("importers", "rows without a time: {choice}"),
                choice=missing_time_name(self.missing_time),
            )
        )
        for column in self.columns:
            if column.role is Role.VALUE and column.stream_id:
                unit = f" [{column.unit}]" if column.unit else ""
                ref = column_label(column.name, column.index)
                args = {
                    "column": Message("with-unit", "", "{column}{unit}", {"column": ref, "unit": unit}),
                    "stream": repr(column.stream_id),
                    "kind": kind_name(column.kind),
                }
                if column.id_safe:
                    source = QT_TRANSLATE_NOOP("importers", "column {column} -> datastream {stream}, {kind}")
                else:
                    source = QT_TRANSLATE_NOOP(
                        "importers", "column {column} -> datastream {stream} (may be rejected by the platform), {kind}"
                    )
                lines.append(message("describe-column", source, **args))
        lines.extend(self.notes)
        return lines

    def _layout(self) -> Message:
        if self.layout is Layout.LONG:
            return message("layout-long", QT_TRANSLATE_NOOP("importers", "long"))
        return message("layout-wide", QT_TRANSLATE_NOOP("importers", "wide"))


_ORDER_NAMES = {
    "day/month/year": message("format-dmy", QT_TRANSLATE_NOOP("importers", "day/month/year")),
    "month/day/year": message("format-mdy", QT_TRANSLATE_NOOP("importers", "month/day/year")),
}


def missing_time_name(choice: MissingTime) -> Message:
    """What rows without a time get (`MissingTime`), in words (code `missing-time-<value>`)."""
    names = {
        MissingTime.NOW: QT_TRANSLATE_NOOP("importers", "stamped with the import time"),
        MissingTime.PLATFORM: QT_TRANSLATE_NOOP("importers", "sent without at (the platform stamps them)"),
        MissingTime.REFUSE: QT_TRANSLATE_NOOP("importers", "refused"),
    }
    return message(f"missing-time-{choice.value}", names[choice])


def kind_name(kind: ValueKind) -> Message:
    """How a column's values are read, in words (code `kind-<value>`)."""
    names = {
        ValueKind.AUTO: QT_TRANSLATE_NOOP("importers", "read as written"),
        ValueKind.NUMBER: QT_TRANSLATE_NOOP("importers", "numbers"),
        ValueKind.TEXT: QT_TRANSLATE_NOOP("importers", "text"),
        ValueKind.JSON: QT_TRANSLATE_NOOP("importers", "JSON"),
    }
    return message(f"kind-{kind.value}", names[kind])


def zone_reason_message(reason: str) -> Message:
    """`Detected.zone_reason` in words: chosen, not stated in the file, stated in each time, from the header …"""
    if reason == "chosen":
        return message("chosen", QT_TRANSLATE_NOOP("importers", "chosen"))
    if reason == ZONE_UNSTATED:
        return message("zone-unstated", QT_TRANSLATE_NOOP("importers", "not stated in the file"))
    if reason == ZONE_IN_TIMES:
        return message("zone-in-each-time", QT_TRANSLATE_NOOP("importers", "stated in each time"))
    if reason.startswith("from the header "):
        return message(
            "zone-from-header",
            QT_TRANSLATE_NOOP("importers", "from the header {header}"),
            header=reason.removeprefix("from the header "),
        )
    return Message.verbatim(reason)


#: `sniff.Encoding.reason` (a code) in words; `preferred over <codec>` keeps its codec.
_ENCODING_REASONS = {
    "chosen": QT_TRANSLATE_NOOP("importers", "chosen"),
    "detected": QT_TRANSLATE_NOOP("importers", "detected"),
    "byte order mark": QT_TRANSLATE_NOOP("importers", "byte order mark"),
    "zero bytes in every other place": QT_TRANSLATE_NOOP("importers", "zero bytes in every other place"),
    "plain ASCII": QT_TRANSLATE_NOOP("importers", "plain ASCII"),
    "valid UTF-8": QT_TRANSLATE_NOOP("importers", "valid UTF-8"),
    "reads as Chinese text": QT_TRANSLATE_NOOP("importers", "reads as Chinese text"),
}


def encoding_reason_message(reason: str) -> Message:
    """How the encoding was found (`sniff.Encoding.reason`), in words."""
    if reason in _ENCODING_REASONS:
        return message(f"encoding-{reason}", _ENCODING_REASONS[reason])
    prefix = "Western European text (preferred over "
    if reason.startswith(prefix):
        return message(
            "encoding-western",
            QT_TRANSLATE_NOOP("importers", "Western European text (preferred over {codec})"),
            codec=reason.removeprefix(prefix).rstrip(")"),
        )
    return Message.verbatim(reason)


def delimiter_name(delimiter: str) -> Message:
    """A delimiter in words: comma, semicolon, tab, vertical bar, or the character."""
    names = {
        ",": QT_TRANSLATE_NOOP("importers", "comma"),
        ";": QT_TRANSLATE_NOOP("importers", "semicolon"),
        "\t": QT_TRANSLATE_NOOP("importers", "tab"),
        "|": QT_TRANSLATE_NOOP("importers", "vertical bar"),
    }
    if delimiter in names:
        return message("delimiter-name", names[delimiter])
    return Message.verbatim(repr(delimiter))


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
    reason: Message | None = None  #: rendered where shown (`gui.i18n.render`)


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
            self._counts.append(0)  # seen, though its rows may all be refused: counted 0 until some are kept
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
      read says which number is the day; `ambiguous_dates` are examples,
      `date_orders` each order that fits every date read (`DateOrder.value`:
      `dmy`, `mdy`, `ymd` for a two-digit year first) with the first date
      read in it (`2026-12-07 08:30`).
    - `needs_date`: the times are times of day and the file gives no date
      (`08:30:00` alone): the date of the first row must be given
      (`ImportOptions.date`); nothing is imported until then.
    - `needs_time`: no column was understood as a time and the caller did
      not choose what rows without a time get (`MissingTime`): nothing is
      imported (stamping thousands of readings "now" is never a default);
      the problems of the first rows are kept (rows that do not fit the table).
    - `zone_question`: the file states an ambiguous zone (`CST`): the
      zones it may mean; nothing is imported until one is chosen.
    - `questions`: what the file leaves open and an option answers, each
      naming it: a number column whose every separated cell reads two ways
      (`1,234`: 1.234 or 1234) with nothing in the file telling the decimal
      mark (`ImportOptions.decimal`); a column with values but no header
      name (its datastream id: a `ColumnChoice.stream_id`, or leave it out).
      Nothing is imported until they are answered.
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
    date_orders: tuple[tuple[str, str], ...] = ()
    needs_date: bool = False
    needs_time: bool = False
    zone_question: tuple[str, ...] = ()
    zone_question_text: str = ""
    questions: tuple[Message, ...] = ()
    time_warnings: int = 0
    zone_unstated: tuple[str, ...] = ()

    @property
    def needs_answer(self) -> bool:
        """True while a question must be answered before anything is imported."""
        return (
            self.needs_date_order
            or self.needs_date
            or self.needs_time
            or bool(self.zone_question)
            or bool(self.questions)
        )

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
