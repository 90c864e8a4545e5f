"""Converting rows of a table into datapoints by column, with every bad cell's row, column and reason.

The plan (`detect.Plan`) says what each column is; `RowConverter` turns
chunks of rows into the `PointTable` of an `ImportResult`, with C-level
`map` where a whole chunk of a column is plain (`cells.numbers_fast`,
`cells.times_fast`) and the per-cell parsers otherwise.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Protocol, cast

from gui.data.importers import cells as C
from gui.data.importers.cell_numbers import CellError
from gui.data.importers.cell_times import without_zone_word
from gui.data.importers.kinds import Seen, is_missing
from gui.data.importers.options import Layout, MissingTime, Role, TimeFormat
from gui.data.importers.plan import Plan
from gui.data.importers.preview import preview_rows
from gui.data.importers.refusals import _CUT_SHORT, _NO_TIME, _NO_TIME_COLUMN, Reason, part_reason, value_reason
from gui.data.importers.result import CellStatus, ImportResult, PreviewCell, PreviewRow, Problem
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text, cut_short, effective_width, without_end
from gui.data.importers.structure import row_cut_short, row_too_long
from gui.data.importers.zones import ZoneCheck, summer_days
from gui.onenet.readings import Value, ValueKind, format_at
from gui.onenet.validation import Severity
from gui.text import QT_TRANSLATE_NOOP, Counted, Message, reason_of


class RejectedSink(Protocol):
    """Receives the rejected rows of a pass: first the column names, then each row."""

    def header(self, names: list[str]) -> None:
        """The table's column names, before any row; called again when the rows are read again (a later row
        decided a column's kind, `kinds.revise`): the rows received before are then dropped."""

    def row(self, number: int, reasons: list[str], cells: Sequence[Any]) -> None:
        """A rejected row: its row number in the file, the reasons, its cells as read."""


def typed_value(raw: Any) -> Value:
    """A JSON value as a datapoint value: numbers, strings and objects as they are."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, dict)):
        shown = json.dumps(raw, ensure_ascii=False)
        not_value = QT_TRANSLATE_NOOP(
            "importers", "{shown} is not a datapoint value (a number, a string or a JSON object)"
        )
        raise CellError(_m("not-a-value", not_value, shown=shown))
    if isinstance(raw, float) and not math.isfinite(raw):
        not_finite = QT_TRANSLATE_NOOP("importers", "NaN or infinity cannot be sent (not valid JSON)")
        raise CellError(_m("not-finite", not_finite))
    return raw


def _shown(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}" + ("" if at.tzinfo is None else f" {at:%z}")


def _first_few(rows: list[int], count: int) -> str:
    """`30` or `3, 9, 12, …`: the first rows' numbers (the sentence around them says "row(s)")."""
    return ", ".join(str(r) for r in rows) + (", …" if count > len(rows) else "")


_STAMPED_BY_PLATFORM = _m(
    "stamped-by-platform", QT_TRANSLATE_NOOP("importers", "no time: sent without at (the platform stamps it)")
)


class RowConverter:
    """Converts chunks of rows by column and stores the good rows in `result.table`; one instance per import.

    `process(rows, first)` takes a chunk of raw rows numbered from `first`
    (the file's row numbers); bad cells become Problems and their rows are
    rejected whole; `reject(number, row, reason)` rejects a row that is not
    a row of the table at all; `finish()` adds the warnings that need the
    whole column (times far from the rest, times in the future). JSON
    sources set `json_typed` (values keep their JSON type) and OneNET bodies
    `warn_missing_time = False`. `store = False` reports without keeping
    datapoints (a preview, or rejected rows written to a sink).
    """

    def __init__(
        self,
        plan: Plan,
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
        self.padded = padded  # spreadsheets: short rows are padded, never said
        self.short_rows = 0  #: delimited rows read with empty cells added at their end (`process`)
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
        #: InfluxDB annotated CSV: the header, repeated above each table (those rows and `#` lines are skipped).
        self.repeated_header: list[Any] | None = None
        #: Long layout: datastream ids renamed ({id in the file: id sent}).
        self.rename: dict[str, str] = {}
        self._lowest: datetime | None = None
        self._highest: datetime | None = None
        self._sampled: list[datetime] = []
        self._chunks: list[tuple[int, int, datetime, datetime]] = []  # stored rows [start, end): lowest, highest
        #: What every row shows of the value columns whose kind the first rows gave (`kinds.revise`).
        wide = plan.layout is Layout.WIDE
        self.seen = {
            j: Seen(plan.infos[j].kind if plan.infos[j].role is Role.VALUE else None, known)
            for j, known in plan.watched.items()
            if wide
        }
        #: Long layout, a value column of no chosen kind: what every row shows of each datastream's values.
        self.streams_seen: dict[str, Seen] | None = {} if not wide and plan.value_col in plan.watched else None
        #: Times of day without a date column: the current row's day, the previous time of day, the chunk's new days.
        self._day: date | None = None
        self._last_tod: time | None = None
        self.new_days: list[tuple[int, Message]] = []

    # -- rows --
    def process(self, rows: list[Sequence[Any]], first: int, ends_file: bool = False) -> None:
        """Convert and store rows numbered `first`, `first + 1`, … (blank rows are skipped).

        A row with fewer cells than the table has its missing cells at the end empty (writers leave off
        trailing empty fields; counted in `short_rows`), unless it is the file's last line without a line
        end after it (`ends_file`: the last of `rows` is): that one may be cut short and is rejected.
        """
        width = self.width
        last = len(rows) - 1 if ends_file else -1  # the file's last line, with no line end after it
        if rows and cut_short(rows[-1]):  # the file ends inside a quoted cell: nothing of that row is read
            cut = without_end(rows[-1])
            self.reject(first + len(rows) - 1, cut, _CUT_SHORT, len(cut) - 1)
            rows, last = rows[:-1], -1
        if self.repeated_header is not None:  # InfluxDB annotated CSV: each table has its own annotations and header
            header = self.repeated_header
            rows = [
                [] if (r and isinstance(r[0], str) and r[0].startswith("#")) or list(r[: len(header)]) == header else r
                for r in rows
            ]
        if set(map(len, rows)) == {width}:
            good: list[Sequence[Any]] = rows
            numbers: Sequence[int] = range(first, first + len(rows))
        else:
            good, kept = [], []
            for offset, row in enumerate(rows):
                number = first + offset
                effective = effective_width(row)
                if effective == 0:
                    continue
                if len(row) > width:
                    if effective > width:
                        self.reject(number, row, row_too_long(effective, width))
                        continue
                    row = row[:width]
                elif len(row) < width:
                    if not self.padded and offset == last:
                        self.reject(number, row, row_cut_short(len(row), width))
                        continue
                    self.short_rows += not self.padded
                    row = tuple(row) + (None,) * (width - len(row))
                good.append(row)
                kept.append(number)
            numbers = kept
        if not good:
            return
        self.result.rows_read += len(good)
        columns = list(zip(*good, strict=True))
        errors: dict[int, list[tuple[int, Reason]]] = {}
        warnings: dict[int, list[tuple[int, Reason]]] = {}

        times, time_errors = self._times(columns)
        times, gaps, repeats = self.zone.check(times)
        if self.plan.season is not None:
            self._outside_season(times, time_errors)
        time_col = self._time_column()
        for i, found in time_errors.items():
            errors.setdefault(i, []).append(found)
        for i, reason in gaps.items():
            errors.setdefault(i, []).append((time_col, reason))
        for i, reason in repeats.items():
            warnings.setdefault(i, []).append((time_col, reason))
        for i, said in self.new_days:
            warnings.setdefault(i, []).append((time_col, said))

        if self.plan.layout is Layout.WIDE:
            converted = [self._values(j, columns[j], errors) for j in self.plan.values]
            if self.seen:
                by_column = dict(zip(self.plan.values, converted, strict=True))
                for j, seen in self.seen.items():
                    seen.see(columns[j], by_column.get(j, ()), numbers, self._is_missing)
            if all(None not in col for col in converted):
                has_value = [True] * len(good)
            else:
                has_value = [any(col[i] is not None for col in converted) for i in range(len(good))]
            stream_ids: list[int] = []
            long_values: list[Value | None] = []
        else:
            converted = []
            stream_ids, long_values = self._long(columns, numbers, errors)
            has_value = [v is not None for v in long_values]

        self._missing_times(times, has_value, errors, warnings, time_col)
        rejected = {i for i in errors if i < len(good)}
        skip = rejected | ({i for i in range(len(good)) if not has_value[i]} if False in has_value else set())
        self._report(numbers, good, errors, warnings, rejected)
        if len(self.result.preview) < self.preview_rows:
            preview_rows(self, numbers, good, times, converted, long_values, errors, warnings, rejected)
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
        self._note_times(times, len(table.ats))
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

    def _is_missing(self, raw: Any) -> bool:
        return is_missing(raw, self.missing)

    def _time_column(self) -> int:
        return self.plan.time.column()

    # -- times far off --
    def _note_times(self, times: list[datetime | None], start: int) -> None:
        """Keep each chunk's lowest and highest time and a sample, for `finish` (C-level min/max per chunk).

        `times` are the chunk's stored times, from row `start` of the table.
        """
        known = cast(list[datetime], times) if None not in times else [t for t in times if t is not None]
        if not known:
            return
        try:
            low, high = min(known), max(known)
            if self._lowest is not None and self._highest is not None:
                low, high = min(low, self._lowest), max(high, self._highest)
            self._chunks.append((start, start + len(times), min(known), max(known)))
        except TypeError:  # naive and aware times mixed (some cells gave an offset): not compared
            return
        self._lowest, self._highest = low, high
        step = max(1, len(known) // 64)
        self._sampled.extend(known[::step])

    def finish(self) -> None:
        """Warn about times far from the rest of their column and times in the future (one message each).

        Plausibility is judged per column, not by a fixed year: a time is
        far off when it lies more than ten times the column's inner spread
        (between its 5th and 95th percentiles, at least a day) outside that
        range. Future: later than the import's `now` plus ten minutes.
        """
        if self._lowest is None or self._highest is None or not self._sampled:
            return
        ordered = sorted(self._sampled)
        low, high = ordered[len(ordered) // 20], ordered[-1 - len(ordered) // 20]
        spread = max(high - low, timedelta(days=1)) * 10
        try:
            far = self._lowest < low - spread or self._highest > high + spread
            aware = self._highest.tzinfo is not None
            latest = self.now + timedelta(minutes=10)
            future = self._highest > (latest if aware else latest.astimezone(self.table.tz).replace(tzinfo=None))
        except (TypeError, OverflowError):
            return
        if not far and not future:
            return
        far_rows: list[int] = []
        future_rows: list[int] = []
        count_far = count_future = 0
        limit = latest if aware else latest.astimezone(self.table.tz).replace(tzinfo=None)
        first, last = low - spread, high + spread
        rows, ats = self.table.rows, self.table.ats
        for begin, end, lowest, highest in self._chunks:  # only the chunks that hold such times are read
            if not (lowest < first or highest > min(last, limit)):
                continue
            for index in range(begin, end):
                at = ats[index]
                if at is None:
                    continue
                if far and (at < first or at > last):
                    count_far += 1
                    if len(far_rows) < 5:
                        far_rows.append(rows[index])
                if future and at > limit:
                    count_future += 1
                    if len(future_rows) < 5:
                        future_rows.append(rows[index])
        name = self.names[self._time_column()] if 0 <= self._time_column() < len(self.names) else "time"
        if count_far:
            far_off = Counted("times-far").tr(
                "%Ln time(s) far from the rest of the column ({low} to {high} for most rows): row(s) {rows}. "
                "A typing error, or another format?",
                "",
                count_far,
            )
            far_off = far_off.with_args(low=_shown(low), high=_shown(high), rows=_first_few(far_rows, count_far))
            self.result.add_problem(Problem(None, name, str(far_off), Severity.WARNING, why=far_off))
        if count_future:
            ahead = Counted("times-future").tr(
                "%Ln time(s) in the future: row(s) {rows}. Is the time zone or the format right?", "", count_future
            )
            ahead = ahead.with_args(rows=_first_few(future_rows, count_future))
            self.result.add_problem(Problem(None, name, str(ahead), Severity.WARNING, why=ahead))
        self.result.time_warnings = count_far + count_future

    def reject(self, number: int, row: Sequence[Any], reason: Reason, column: int | None = None) -> None:
        """Reject a whole row (its `column`, when one cell is the reason)."""
        self.result.rows_read += 1
        self.result.rows_rejected += 1
        name = self.names[column] if column is not None and 0 <= column < len(self.names) else None
        shown = cell_text(row[column]) if name is not None and column is not None else self._row_text(row)
        self.result.add_problem(Problem(number, name, str(reason), Severity.ERROR, shown, reason))
        if self.sink is not None:
            self.sink.row(number, [str(reason) if name is None else f"{name}: {reason}"], row)
        if len(self.result.preview) < self.preview_rows:
            padded = list(row[: self.width]) + [None] * (self.width - len(row))
            cells = tuple(PreviewCell(cell_text(c), cell_text(c), CellStatus.ERROR, reason) for c in padded)
            self.result.preview.append(PreviewRow(number, cells, True))

    @staticmethod
    def _row_text(row: Sequence[Any]) -> str:
        text = ",".join(cell_text(c) for c in row)
        return text if len(text) <= 200 else text[:200] + "…"

    # -- times --
    def _times(self, columns: list[tuple[Any, ...]]) -> tuple[list[datetime | None], dict[int, tuple[int, Reason]]]:
        spec = self.plan.time
        n = len(columns[0])
        errors: dict[int, tuple[int, Reason]] = {}
        if spec.parts:
            return self._parts(columns, n)
        if spec.time_col is not None and spec.fmt is TimeFormat.PATTERN:
            cells = columns[spec.time_col]
            out_p: list[datetime | None] = []
            pattern = spec.pattern or ""
            for i, raw in enumerate(cells):
                if is_missing(raw, self.missing):
                    out_p.append(None)
                    continue
                try:
                    C.refuse_uncomputed(raw)
                    out_p.append(raw if isinstance(raw, datetime) else C.parse_pattern(cell_text(raw), pattern))
                except ValueError as exc:
                    errors[i] = (spec.time_col, reason_of(exc))
                    out_p.append(None)
            return out_p, errors
        if spec.time_col is not None:
            cells = columns[spec.time_col]
            fast = None if self.markers else C.times_fast(cells, spec.fmt)
            if fast is not None:
                return list(fast), errors
            out: list[datetime | None] = []
            word = spec.open_zone
            for i, raw in enumerate(cells):
                if is_missing(raw, self.missing):
                    out.append(None)
                    continue
                try:
                    if word and isinstance(raw, str):  # the column's zone answers it: read the clock time alone
                        raw = without_zone_word(raw, word)
                    out.append(C.parse_time_cell(raw, spec.fmt))
                except ValueError as exc:
                    errors[i] = (spec.time_col, reason_of(exc))
                    out.append(None)
            return out, errors
        if spec.date_col is None:
            if spec.tod_col is None or spec.today is None:  # no time, or the date is asked first
                return [None] * n, errors
            return self._times_of_day(columns[spec.tod_col], spec.tod_col, spec.today)
        out = []
        dates = columns[spec.date_col]
        tods = columns[spec.tod_col] if spec.tod_col is not None else [None] * n
        for i, (raw_date, raw_tod) in enumerate(zip(dates, tods, strict=True)):
            if is_missing(raw_date, self.missing):
                out.append(None)
                continue
            try:
                day = C.parse_date_cell(raw_date, spec.date_fmt)
            except ValueError as exc:
                errors[i] = (spec.date_col, reason_of(exc))
                out.append(None)
                continue
            if spec.tod_col is None or is_missing(raw_tod, self.missing):
                if spec.tod_col is not None:
                    errors[i] = (spec.tod_col, _m("no-time-of-day", QT_TRANSLATE_NOOP("importers", "no time of day")))
                    out.append(None)
                    continue
                out.append(datetime.combine(day, time(0)))
                continue
            try:
                out.append(datetime.combine(day, C.parse_time_of_day_cell(raw_tod, spec.interval)))
            except ValueError as exc:
                errors[i] = (spec.tod_col, reason_of(exc))
                out.append(None)
        return out, errors

    def _outside_season(self, times: list[datetime | None], errors: dict[int, tuple[int, Reason]]) -> None:
        """A header's `CET` was read as UTC+01:00 because the first rows are all in winter: a later row in the
        region's summer makes that unsure (the clock may have shown CEST), so it is rejected with the reason."""
        season = self.plan.season
        assert season is not None
        days = {t.date() for t in times if t is not None and t.tzinfo is None}
        summer = set(summer_days(season, list(days)))
        if not summer:
            return
        for i, at in enumerate(times):
            if at is not None and at.tzinfo is None and at.date() in summer:
                errors[i] = (
                    self._time_column(),
                    _m(
                        "zone-summer-row",
                        QT_TRANSLATE_NOOP(
                            "importers",
                            "the header says {zone}, read as {offset} because the first rows are all outside summer "
                            "time, but this date is in summer time, when a clock labelled {zone} may show {region}'s "
                            "summer time: choose the zone (send --source-tz, the dialog's zone box)",
                        ),
                        zone=season.text,
                        offset=season.name,
                        region=season.summer,
                    ),
                )
                times[i] = None

    def _times_of_day(
        self, cells: tuple[Any, ...], column: int, first: date
    ) -> tuple[list[datetime | None], dict[int, tuple[int, Reason]]]:
        """Times of day without a date column: the first row on `first`, the next day whenever the clock went
        back (`23:59` then `00:00`); each new day is said (`self.new_days`, for the chunk's warnings)."""
        errors: dict[int, tuple[int, Reason]] = {}
        out: list[datetime | None] = []
        self.new_days = []
        if self._day is None:
            self._day = first
        for i, raw in enumerate(cells):
            if is_missing(raw, self.missing):
                errors[i] = (column, _m("no-time-of-day", QT_TRANSLATE_NOOP("importers", "no time of day")))
                out.append(None)
                continue
            try:
                moment = C.parse_time_of_day_cell(raw, self.plan.time.interval)
            except ValueError as exc:
                errors[i] = (column, reason_of(exc))
                out.append(None)
                continue
            if self._last_tod is not None and moment < self._last_tod:
                self._day += timedelta(days=1)
                self.new_days.append(
                    (
                        i,
                        _m(
                            "next-day",
                            QT_TRANSLATE_NOOP(
                                "importers",
                                "the time of day went back from {before} to {after}: read as the next day, {day}",
                            ),
                            before=self._last_tod.isoformat(),
                            after=moment.isoformat(),
                            day=self._day.isoformat(),
                        ),
                    )
                )
            self._last_tod = moment
            out.append(datetime.combine(self._day, moment))
        return out, errors

    def _parts(
        self, columns: list[tuple[Any, ...]], n: int
    ) -> tuple[list[datetime | None], dict[int, tuple[int, Reason]]]:
        """Times combined from year / month / day / hour / minute / second columns (missing parts: their start)."""
        spec = self.plan.time
        errors: dict[int, tuple[int, Reason]] = {}
        units = list(spec.parts)
        cols = [columns[spec.parts[u]] for u in units]
        out: list[datetime | None] = []
        for i in range(n):
            values = [1, 1, 1, 0, 0, 0]
            bad = None
            for k, (unit, col) in enumerate(zip(units, cols, strict=True)):
                raw = col[i]
                if is_missing(raw, self.missing):
                    bad = (spec.parts[unit], part_reason(unit, None))
                    break
                text = cell_text(raw).strip()
                try:
                    number = float(text)
                except ValueError:
                    bad = (spec.parts[unit], part_reason(unit, text))
                    break
                if not number.is_integer():
                    bad = (spec.parts[unit], part_reason(unit, text))
                    break
                values[k] = int(number)
            if bad is not None:
                errors[i] = bad
                out.append(None)
                continue
            extra = timedelta(0)
            if values[3] == 24 and values[4] == values[5] == 0:  # hour 24: the end of the day, the next one's 00:00
                values[3], extra = 0, timedelta(days=1)
            try:
                y, mo, d, h, mi, sec = values
                out.append(datetime(y, mo, d, h, mi, sec) + extra)
            except ValueError as exc:
                not_time = QT_TRANSLATE_NOOP("importers", "{parts} is not a time ({why})")
                parts = "-".join(map(str, values[: len(units)]))
                errors[i] = (spec.parts[units[0]], _m("parts-not-time", not_time, parts=parts, why=reason_of(exc)))
                out.append(None)
        return out, errors

    def _missing_times(
        self,
        times: list[datetime | None],
        has_value: list[bool],
        errors: dict[int, list[tuple[int, Reason]]],
        warnings: dict[int, list[tuple[int, Reason]]],
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
                errors.setdefault(i, []).append((time_col, _NO_TIME if time_col >= 0 else _NO_TIME_COLUMN))
            elif policy is MissingTime.NOW:
                times[i] = self.now
                if timed:
                    stamped = QT_TRANSLATE_NOOP("importers", "no time: stamped now ({at})")
                    warnings.setdefault(i, []).append((time_col, _m("stamped-now", stamped, at=format_at(self.now))))
            elif timed:
                warnings.setdefault(i, []).append((time_col, _STAMPED_BY_PLATFORM))

    # -- values --
    def _values(
        self, j: int, cells: tuple[Any, ...], errors: dict[int, list[tuple[int, Reason]]]
    ) -> list[Value | None]:
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
            if is_missing(raw, self.missing):
                stats.missing += 1
                out.append(None)
                continue
            try:
                out.append(C.parse_cell_value(raw, kind, info.decimal))
            except ValueError as exc:
                errors.setdefault(i, []).append((j, value_reason(exc, raw, kind)))
                out.append(None)
                continue
            stats.values += 1
        return out

    def _long(
        self, columns: list[tuple[Any, ...]], rows: Sequence[int], errors: dict[int, list[tuple[int, Reason]]]
    ) -> tuple[list[int], list[Value | None]]:
        """The stream index and value of each row; a datastream's values are read as its kind (`plan.stream_kinds`,
        watched in `streams_seen`) unless the user chose the value column's kind."""
        plan = self.plan
        assert plan.stream_col is not None and plan.value_col is not None
        info = plan.infos[plan.value_col]
        streams, values = columns[plan.stream_col], columns[plan.value_col]
        ids: list[int] = []
        out: list[Value | None] = []
        stats = self.stats[plan.value_col]
        watched = self.streams_seen
        kinds = plan.stream_kinds
        rows_of: dict[str, list[int]] = {}
        for i, (raw_stream, raw) in enumerate(zip(streams, values, strict=True)):
            stream = cell_text(raw_stream).strip()
            if not stream:
                errors.setdefault(i, []).append(
                    (plan.stream_col, _m("no-id", QT_TRANSLATE_NOOP("importers", "no datastream id")))
                )
                ids.append(0)
                out.append(None)
                continue
            ids.append(self.table.stream_index(self.rename.get(stream, stream), self.stream_index))
            if watched is not None:
                rows_of.setdefault(stream, []).append(i)
            if is_missing(raw, self.missing):
                stats.missing += 1
                out.append(None)
                continue
            kind = kinds.get(stream, info.kind)
            try:
                out.append(typed_value(raw) if self.json_typed else C.parse_cell_value(raw, kind, info.decimal))
            except ValueError as exc:
                errors.setdefault(i, []).append((plan.value_col, value_reason(exc, raw, kind)))
                out.append(None)
                continue
            stats.values += 1
        if watched is not None:  # each datastream's kind by the rule of a wide value column (`kinds.revise`)
            for stream, where in rows_of.items():
                seen = watched.get(stream)
                if seen is None:
                    seen = watched[stream] = Seen(kinds.get(stream, ValueKind.AUTO))
                seen.see(
                    [values[i] for i in where], [out[i] for i in where], [rows[i] for i in where], self._is_missing
                )
        return ids, out

    # -- reporting --
    def _report(
        self,
        numbers: Sequence[int],
        good: list[Sequence[Any]],
        errors: dict[int, list[tuple[int, Reason]]],
        warnings: dict[int, list[tuple[int, Reason]]],
        rejected: set[int],
    ) -> None:
        result = self.result
        for i in sorted(set(errors) | set(warnings)):
            row = good[i]
            for severity, found in ((Severity.ERROR, errors.get(i, [])), (Severity.WARNING, warnings.get(i, []))):
                for j, reason in found:
                    name = self.names[j] if 0 <= j < len(self.names) else None
                    text = cell_text(row[j]) if 0 <= j < len(row) else ""
                    result.add_problem(Problem(numbers[i], name, str(reason), severity, text, reason))
                    if severity is Severity.ERROR and 0 <= j < len(self.stats):
                        self.stats[j].rejected += 1
            if i in rejected:
                result.rows_rejected += 1
                if self.sink is not None:
                    reasons = [
                        f"{self.names[j]}: {reason}" if 0 <= j < len(self.names) else str(reason)
                        for j, reason in errors[i]
                    ]
                    self.sink.row(numbers[i], reasons, row)
