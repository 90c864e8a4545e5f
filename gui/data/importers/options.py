"""What may be chosen about reading a file: `ImportOptions`, shared by the import dialog and `send`.

Every field left at its default (`None`) is detected from the file; the
detected value is reported back in `ImportResult.detected`, so a user sees
what was assumed and can override exactly that.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from gui.onenet.readings import ValueKind


class FileFormat(enum.Enum):
    """How the bytes are laid out; detected from the content, then the extension."""

    DELIMITED = "delimited"  #: CSV, TSV or TXT: rows of cells split by `,` `;` tab or `|`
    XLSX = "xlsx"  #: an Excel workbook (Office Open XML)
    JSON = "json"  #: a OneNET body of type 1/3/4, or a list of {"stream", "at", "value"} records
    TYPE5 = "type5"  #: a OneNET type 5 text body, e.g. `,;temperature,2015-03-22T22:31:12,22.5;102`


class Layout(enum.Enum):
    """Where datastreams are in a table."""

    WIDE = "wide"  #: a time column (or date + time columns), then one column per datastream
    LONG = "long"  #: one row per datapoint: a datastream column, a time column, a value column


class Role(enum.Enum):
    """What a column of a table holds."""

    TIME = "time"  #: date and time of the row, in one cell
    DATE = "date"  #: the date of the row, its time of day in a TIME_OF_DAY column
    TIME_OF_DAY = "time_of_day"  #: e.g. `18:00`, `18.00.00`, `6:00 PM`, `00:00 - 01:00` (its start)
    TIME_PART = "time_part"  #: one part of a time split over columns (year, month, day, hour, minute, second)
    VALUE = "value"  #: wide: one datastream's values; long: every row's value
    STREAM = "stream"  #: long layout: the datastream id of the row
    SKIP = "skip"  #: not imported


class TimeFormat(enum.Enum):
    """How the cells of a time column are written."""

    YMD = "ymd"  #: year first: ISO 8601 (`2026-11-02T08:30:00+01:00`), `2026/11/4 9:00`, `2024年5月14日 8时30分`
    DMY = "dmy"  #: day first: `04/11/2026 18:00`, `4.11.2026 18.00.00`
    MDY = "mdy"  #: month first: `11/04/2026 6:00 PM`
    YYMMDD = "yymmdd"  #: a two-digit year first: `26-12-07 08:30` (7 December 2026; loggers write it)
    TIME_OF_DAY = "time_of_day"  #: `18:00`, `18.00.00`, `6:00 PM` (with a date column)
    EXCEL = "excel"  #: Excel serial days since 1899-12-30 (`46330.375`)
    EPOCH_S = "epoch_s"  #: Unix time in seconds (`1793500200`), an instant: the source zone does not apply
    EPOCH_MS = "epoch_ms"  #: Unix time in milliseconds
    EPOCH_US = "epoch_us"  #: Unix time in microseconds
    EPOCH_NS = "epoch_ns"  #: Unix time in nanoseconds (InfluxDB line protocol)
    COMPACT = "compact"  #: digits `YYYYMMDD`, `YYYYMMDDHH`, `YYYYMMDDHHMM`, `YYYYMMDDHHMMSS` (weather services)
    MONTH_NAME = "month_name"  #: English month names: `Jan 1 2000`, `1-Jan-2020`, `January 1, 2000 08:30`
    PERIOD = "period"  #: a period, read as its start: `1974Q1`, `2024-05`, `2024`
    INTERVAL = "interval"  #: an interval of times of day, read as its start: `00:00 - 01:00` (with a date column)
    PATTERN = "pattern"  #: the user's strftime pattern (`ImportOptions.time_pattern`), e.g. `%d.%m.%Y %H:%M`
    PARTS = "parts"  #: year / month / day / hour [/ minute / second] columns combined
    NATIVE = "native"  #: spreadsheet date/time cells (their text cells, if any, are read as YMD)


class DateOrder(enum.Enum):
    """Which of `04/11/2026` is the day (and of `26-12-07` the year): asked when the data cannot tell."""

    DMY = "dmy"  #: 4 November 2026
    MDY = "mdy"  #: April 11, 2026
    YMD = "ymd"  #: with a two-digit year only: `26-12-07` is 7 December 2026

    @property
    def time_format(self) -> TimeFormat:
        """The format that reads dates in this order."""
        return {DateOrder.DMY: TimeFormat.DMY, DateOrder.MDY: TimeFormat.MDY}.get(self, TimeFormat.YYMMDD)


class MissingTime(enum.Enum):
    """What happens to a row (or datapoint) without a time."""

    NOW = "now"  #: stamped with the import time (a resend then stores it once)
    PLATFORM = "platform"  #: sent without `at`: the platform stamps it on arrival
    REFUSE = "refuse"  #: rejected, reported as a problem


@dataclass(frozen=True)
class ColumnChoice:
    """The user's overrides for one column (by 0-based index); None keeps what was detected."""

    role: Role | None = None
    stream_id: str | None = None  #: wide layout: the datastream this column goes to
    kind: ValueKind | None = None  #: how the values are read (AUTO: number, JSON object or text per cell)
    time_format: TimeFormat | None = None  #: time columns only


@dataclass(frozen=True)
class ImportOptions:
    """How to read one file. `source_tz` is required; everything else defaults to "detect".

    - `source_tz`: the zone the file's clock times were written in: an IANA
      name (`Europe/Berlin`), `UTC`, or a fixed offset (`UTC+8`, `+05:30`),
      as `gui.onenet.zones.parse_zone` reads them (ImportFailed otherwise).
      Callers pass the computer's zone by default (the Qt side from
      `gui.ui.settings.system_zone_name()`, the CLI from `local_zone_name()`).
      Times with an explicit offset and Unix times ignore it. Times that
      state no zone read in it while `zone_from_file` is True are named in
      `ImportResult.zone_unstated`: the dialog shows that it used this zone,
      `send` refuses without `--source-tz`. Everything is converted to
      platform time, UTC+8, when sent (shared onenet-api.md).
    - `encoding`: a Python codec name (`gb18030`, `utf-8-sig`, `cp1252`).
    - `delimiter`: one of `,` `;` tab `|` (any single character works).
    - `skip_rows`: lines above the header (an instrument's preamble); the
      header is then line `skip_rows + 1` (`send --header-row N`).
    - `decimal`: `.` or `,` for every number column; None decides per column.
    - `missing_markers`: cell texts that mean "no reading" besides an empty
      cell (always missing), e.g. `NA`, `-200`, `--`. Compared after
      stripping spaces, case-sensitive. A missing cell is skipped, never sent.
    - `missing_time`: None means REFUSE for tables and for records with an
      `at` (an empty cell in a column of times rejects its row, as a cell
      that is no time does: "no time"; a table without any time column is
      asked about, `ImportResult.needs_time`), NOW for records without any
      `at`, and PLATFORM for OneNET bodies (whose points without `at` mean
      "server time"). NOW and PLATFORM are the user's explicit choices.
    - `columns`: per column overrides, by 0-based column index.
    - `preview_rows`: how many data rows `ImportResult.preview` keeps.
    - `time_pattern`: a strftime pattern (`%d.%m.%Y %H:%M`) for the time
      column, overriding detection; cells that do not match are rejected.
      Without a time column chosen, the column whose cells match it is used.
    - `time_column`: the time column by name or 1-based number (`send --time-column`).
    - `include`: only these columns are imported (names or 1-based numbers;
      time columns are always read); None: every column detection proposes.
    - `exclude`: these columns are not imported (names or 1-based numbers).
    - `text`: these value columns are read as text (names or 1-based numbers;
      `send --text`): every cell a string, numbers too; the same as a
      `ColumnChoice(kind=ValueKind.TEXT)` (a kind chosen in `columns` wins).
    - `numbers`: these value columns are read as numbers (`send --number`),
      also when written with leading zeros (`0012` -> 12), which are
      otherwise read as text (`kinds.kind_of`); a kind chosen in `columns` wins.
    - `rename`: datastream ids: {old: new}; old is a column name, a 1-based
      column number or a suggested id (wide), or a datastream id in the file (long).
    - `zone_from_file`: False when the user chose `source_tz` explicitly
      (then it is never "unstated", and answers an ambiguous header zone such
      as `CST`). A zone the file states (a header such as `Date Time,
      GMT+00:00`, offsets in the times) wins over `source_tz` either way;
      a chosen zone that differs is named in `Detected.zone_unused`.
    - `first_date`: for a file of times of day without any date (`08:30:00`):
      the date of its first row (`send --date`); a time of day earlier than
      the row before it starts the next day. None: asked
      (`ImportResult.needs_date`), never today's date assumed.
    """

    source_tz: str
    file_format: FileFormat | None = None
    encoding: str | None = None
    delimiter: str | None = None
    has_header: bool | None = None
    skip_rows: int | None = None
    sheet: str | None = None
    layout: Layout | None = None
    decimal: str | None = None
    missing_markers: tuple[str, ...] = ()
    date_order: DateOrder | None = None
    missing_time: MissingTime | None = None
    columns: Mapping[int, ColumnChoice] = field(default_factory=dict)
    preview_rows: int = 50
    time_pattern: str | None = None
    time_column: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    rename: Mapping[str, str] = field(default_factory=dict)
    zone_from_file: bool = True
    first_date: date | None = None

    def __post_init__(self) -> None:
        if self.decimal not in (None, ".", ","):
            raise ValueError("decimal must be '.' or ','")
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ValueError("the delimiter must be one character")
        if self.skip_rows is not None and self.skip_rows < 0:
            raise ValueError("skip_rows must not be negative")
        if self.time_pattern is not None and "%" not in self.time_pattern:
            raise ValueError(f"the time format {self.time_pattern!r} has no % directive (e.g. %d.%m.%Y %H:%M)")

    def choice(self, index: int) -> ColumnChoice:
        """The overrides of column `index` (an empty choice when there are none)."""
        return self.columns.get(index) or ColumnChoice()
