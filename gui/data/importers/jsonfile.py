"""JSON and type 5 files: OneNET bodies (types 1, 3, 4 and 5, via `decoding.decode`) and record lists.

A body is decoded as the platform would decode it (its `at`s are platform
time, UTC+8; points without `at` keep none unless the user chooses
otherwise). Records are `[{"stream": …, "at": …, "value": …}, …]` (or one
such object per line, JSON Lines), read one record at a time with
`JSONDecoder.raw_decode`, so a large list is never held as text; their
`at` may be ISO text in the source zone, other date forms, or Unix
seconds/milliseconds, detected like a table's time column. Both go through
the table pass as a long layout (stream, at, value).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime, tzinfo
from itertools import islice
from pathlib import Path
from typing import Any

from gui.data.importers.cell_numbers import CellError
from gui.data.importers.cells import EPOCH_FORMATS, parse_epoch_int, parse_numeric_time
from gui.data.importers.columns import SAMPLE_ROWS, profile_columns
from gui.data.importers.convert import RejectedSink, RowConverter
from gui.data.importers.options import FileFormat, ImportOptions, Layout, MissingTime, TimeFormat
from gui.data.importers.plan import TimeSpec, long_plan, order_name
from gui.data.importers.result import (
    ZONE_IN_TIMES,
    ZONE_UNSTATED,
    ColumnStats,
    Detected,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    PointTable,
)
from gui.data.importers.result import message as _m
from gui.data.importers.sniff import Encoding
from gui.data.importers.sources import RowsSource
from gui.data.importers.tabular import CHUNK_ROWS, Cancelled, Progress, import_rows
from gui.data.importers.time_columns import numeric_time_format, order_readings, pick_time_format, times_state_zone
from gui.data.importers.zones import unused_zone
from gui.onenet.decoding import decode_type1, decode_type3, decode_type4, decode_type5
from gui.onenet.formats import BodyType, FormatError
from gui.onenet.readings import parse_at
from gui.text import QT_TRANSLATE_NOOP, Message, reason_of

_KEYS = {
    "stream": ("stream", "datastream", "datastream_id", "stream_id", "id", "name"),
    "at": ("at", "time", "timestamp", "datetime", "date", "ts"),
    "value": ("value", "val", "v"),
}
_WS = re.compile(r"\s*")
_READ = 1 << 16
MAX_RECORD_CHARS = 16 << 20
#: What a JSON nested deeper than Python's parser goes (thousands of levels) is refused with.
TOO_DEEP = _m(
    "too-deep",
    QT_TRANSLATE_NOOP(
        "importers",
        "The JSON is nested too deeply to read (thousands of [ or {{ inside each other): it is not a file of readings.",
    ),
)
_ABSENT = object()


def looks_like_type5(text: str) -> bool:
    """`,;temperature,2015-03-22T22:31:12,22.5;102`: one line opening with two different separators."""
    body = text.rstrip("\r\n")
    if len(body) < 3 or "\n" in body:
        return False
    first, second = body[0], body[1]
    plain = " \t\"'{[" + "0123456789"
    return (
        first != second and not first.isalnum() and not second.isalnum() and first not in plain and second not in plain
    )


def body_type_of(obj: Any) -> BodyType:
    """Which OneNET body a parsed JSON object is: `{"datastreams": …}` type 1, `{"s": {at: v}}` type 4, else 3."""
    if isinstance(obj, dict) and "datastreams" in obj:
        return BodyType.FULL_JSON
    if (
        isinstance(obj, dict)
        and obj
        and all(isinstance(v, dict) and v and all(_is_at(k) for k in v) for v in obj.values())
    ):
        return BodyType.TIMED_JSON
    return BodyType.SIMPLE_JSON


def _is_at(text: str) -> bool:
    try:
        parse_at(text)
    except ValueError:
        return False
    return True


def _refuse_constant(name: str) -> Any:
    raise CellError(_m("constant-not-json", QT_TRANSLATE_NOOP("importers", "{name} is not valid JSON"), name=name))


def _key(record: dict[str, Any], name: str) -> Any:
    for key in _KEYS[name]:
        if key in record:
            return record[key]
    folded = {k.casefold(): v for k, v in record.items() if isinstance(k, str)}
    for key in _KEYS[name]:
        if key in folded:
            return folded[key]
    return _ABSENT


class _Records:
    """Records of a JSON list or JSON Lines file, one at a time, as (number, object)."""

    def __init__(self, path: Path, encoding: Encoding, lines: bool) -> None:
        self.path = path
        self.encoding = encoding
        self.lines = lines
        self.size = path.stat().st_size
        self._raw: Any = None

    def progress(self) -> tuple[int, int]:
        try:
            return (self._raw.tell() if self._raw is not None else 0), self.size
        except (OSError, ValueError):
            return 0, self.size

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        self.close()
        self._raw = self.path.open("rb")
        text = io.TextIOWrapper(self._raw, encoding=self.encoding.codec, errors="replace")
        try:
            if self.lines:
                for number, line in enumerate(text, 1):
                    if line.strip():
                        try:
                            yield number, json.loads(line, parse_constant=_refuse_constant)
                        except RecursionError:
                            yield number, _Broken(TOO_DEEP)
                        except ValueError as exc:
                            yield number, _Broken(reason_of(exc))
            else:
                yield from enumerate(_iter_array(text), 1)
        finally:
            text.detach()

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


class _Broken:
    """A JSON Lines line that is not JSON."""

    def __init__(self, reason: Message) -> None:
        self.reason = reason


def _iter_array(f: io.TextIOWrapper) -> Iterator[Any]:
    """The elements of a top-level JSON array, parsed one by one from a text stream."""
    decoder = json.JSONDecoder(parse_constant=_refuse_constant)
    buf, pos, eof = "", 0, False

    def refill() -> None:
        nonlocal buf, pos, eof
        more = f.read(_READ)
        eof = not more
        buf, pos = buf[pos:] + more, 0

    def skip_ws() -> None:
        nonlocal pos
        while True:
            match = _WS.match(buf, pos)
            pos = match.end() if match else pos
            if pos < len(buf) or eof:
                return
            refill()

    refill()
    skip_ws()
    if buf[pos : pos + 1] != "[":
        raise ImportFailed(
            _m(
                "the-json-file-does-not-start-wit",
                QT_TRANSLATE_NOOP("importers", "The JSON file does not start with [ or {{."),
            )
        )
    pos += 1
    first = True
    while True:
        skip_ws()
        if pos >= len(buf):
            raise ImportFailed(
                _m(
                    "the-json-list-is-not-closed-with",
                    QT_TRANSLATE_NOOP("importers", "The JSON list is not closed with ] (the file ends early)."),
                )
            )
        if buf[pos] == "]":
            return
        if not first:
            if buf[pos] != ",":
                raise ImportFailed(
                    _m(
                        "the-json-list-has-where-a-comma-",
                        QT_TRANSLATE_NOOP("importers", "The JSON list has {buf_pos} where a comma should be."),
                        buf_pos=repr(buf[pos]),
                    )
                )
            pos += 1
            skip_ws()
        while True:
            try:
                obj, end = decoder.raw_decode(buf, pos)
            except RecursionError as exc:
                raise ImportFailed(TOO_DEEP) from exc
            except ValueError as exc:
                if eof:
                    raise ImportFailed(
                        _m(
                            "the-json-is-not-valid",
                            QT_TRANSLATE_NOOP("importers", "The JSON is not valid: {why}."),
                            why=reason_of(exc),
                        )
                    ) from exc
                if len(buf) - pos > MAX_RECORD_CHARS:
                    raise ImportFailed(
                        _m(
                            "a-json-record-is-larger-than-mib",
                            QT_TRANSLATE_NOOP("importers", "A JSON record is larger than 16 MiB."),
                        )
                    ) from exc
                refill()
                continue
            if end >= len(buf) and not eof:
                refill()
                continue
            break
        yield obj
        pos, first = end, False


_NOT_OBJECT = _m(
    "record-not-object",
    QT_TRANSLATE_NOOP("importers", 'a record must be an object {{"stream": …, "at": …, "value": …}}'),
)
_NO_STREAM = _m("record-no-stream", QT_TRANSLATE_NOOP("importers", 'the record has no "stream"'))
_NO_VALUE = _m("record-no-value", QT_TRANSLATE_NOOP("importers", 'the record has no "value"'))


def _record_row(obj: Any) -> tuple[Any, Any, Any] | Message:
    if isinstance(obj, _Broken):
        return _m("line-not-json", QT_TRANSLATE_NOOP("importers", "this line is not JSON: {why}"), why=obj.reason)
    if not isinstance(obj, dict):
        return _NOT_OBJECT
    stream, at, value = _key(obj, "stream"), _key(obj, "at"), _key(obj, "value")
    if stream is _ABSENT:
        return _NO_STREAM
    if value is _ABSENT:
        return _NO_VALUE
    if isinstance(at, (int, float)) and not isinstance(at, bool):
        # A number in JSON is a Unix time: seconds, ms, µs or ns by its magnitude.
        fmt = next((f for f, (low, _), _ in reversed(EPOCH_FORMATS) if abs(at) >= low), TimeFormat.EPOCH_S)
        with contextlib.suppress(ValueError):  # else reported by the pass, with the reason
            at = parse_epoch_int(at, fmt) if isinstance(at, int) else parse_numeric_time(float(at), fmt)
    return (stream, None if at is _ABSENT else at, value)


def _is_row_record(obj: Any) -> bool:
    """`{"date": …, "open": …, "close": …}`: a record of a table's row (no stream/value keys), read as wide."""
    return (
        isinstance(obj, dict)
        and bool(obj)
        and (_key(obj, "stream") is _ABSENT or _key(obj, "value") is _ABSENT)
        and all(v is None or isinstance(v, (int, float, str, bool)) for v in obj.values())
    )


def import_json(
    path: Path,
    file_format: FileFormat,
    encoding: Encoding,
    head_text: str,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    sink: RejectedSink | None = None,
) -> ImportResult:
    """Import a OneNET body or a JSON record list; ImportFailed says why a file cannot be read."""
    stripped = head_text.lstrip("\ufeff \t\r\n")
    if file_format is FileFormat.TYPE5 or (stripped.startswith("{") and not _is_json_lines(stripped)):
        return _import_body(path, file_format, encoding, options, tz, now, sink)
    if not stripped.startswith(("[", "{")):
        raise ImportFailed(
            _m(
                "the-file-is-not-json-it-does-not",
                QT_TRANSLATE_NOOP("importers", "The file is not JSON: it does not start with [ or {{."),
            )
        )
    return _import_records(path, encoding, stripped.startswith("{"), options, tz, now, progress, cancelled, sink)


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    if len(lines) < 2 or not lines[1].lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def _import_body(
    path: Path,
    file_format: FileFormat,
    encoding: Encoding,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    sink: RejectedSink | None,
) -> ImportResult:
    try:
        text = path.read_bytes().decode(encoding.codec)
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            _m(
                "the-file-is-not-valid-text-byte-",
                QT_TRANSLATE_NOOP(
                    "importers", "The file is not valid {label} text (byte {start}): choose the encoding."
                ),
                label=str(encoding.label),
                start=str(exc.start),
            )
        ) from exc
    text = text.lstrip("\ufeff")
    obj: Any = None
    if file_format is FileFormat.TYPE5:
        body_type = BodyType.TEXT
    else:
        try:
            obj = json.loads(text, parse_constant=_refuse_constant)
        except RecursionError as exc:
            raise ImportFailed(TOO_DEEP) from exc
        except ValueError as exc:
            raise ImportFailed(
                _m(
                    "the-file-is-not-valid-json",
                    QT_TRANSLATE_NOOP("importers", "The file is not valid JSON: {why}."),
                    why=reason_of(exc),
                )
            ) from exc
        body_type = body_type_of(obj)
    decoders = {BodyType.FULL_JSON: decode_type1, BodyType.SIMPLE_JSON: decode_type3, BodyType.TIMED_JSON: decode_type4}
    try:
        readings = decode_type5(text) if body_type is BodyType.TEXT else decoders[body_type](obj)
    except FormatError as exc:
        raise ImportFailed(
            _m(
                "this-looks-like-a-onenet-type-bo",
                QT_TRANSLATE_NOOP("importers", "This looks like a OneNET type {int} body but cannot be read: {why}"),
                int=str(int(body_type)),
                why=reason_of(exc),
            )
        ) from exc
    if not len(readings):
        raise ImportFailed(
            _m("the-body-holds-no-datapoints", QT_TRANSLATE_NOOP("importers", "The body holds no datapoints."))
        )
    missing_time = options.missing_time or MissingTime.PLATFORM
    plan = long_plan(TimeFormat.NATIVE)
    detected = Detected(
        file_format=file_format,
        encoding=encoding.codec,
        encoding_label=encoding.label,
        encoding_reason=encoding.reason,
        layout=Layout.LONG,
        body_type=body_type,
        columns=tuple(plan.infos),
        source_tz="UTC+8",
        missing_time=missing_time,
        missing_markers=tuple(m.strip() for m in options.missing_markers),
        notes=(
            _m(
                "onenet-body",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "A OneNET body: its times are platform time (UTC+8); the source time zone does not apply.",
                ),
            ),
        ),
    )
    result = ImportResult(str(path), detected, PointTable([], False, tz), stats=[ColumnStats() for _ in range(3)])
    missing = frozenset({""} | {m.strip() for m in options.missing_markers})
    runner = RowConverter(plan, 3, missing, missing_time, tz, now, result, False, options.preview_rows, sink)
    runner.json_typed = True
    runner.warn_missing_time = False
    if sink is not None:
        sink.header(["stream", "at", "value"])
    rows = [(stream_id, point.at, point.value) for stream_id, point in readings.pairs()]
    for start in range(0, len(rows), CHUNK_ROWS):
        runner.process(list(rows[start : start + CHUNK_ROWS]), start + 1)
    return result


def _import_records(
    path: Path,
    encoding: Encoding,
    lines: bool,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    progress: Progress | None,
    cancelled: Cancelled | None,
    sink: RejectedSink | None,
) -> ImportResult:
    records = _Records(path, encoding, lines)
    missing = frozenset({""} | {m.strip() for m in options.missing_markers})
    try:
        sample = list(islice(iter(records), SAMPLE_ROWS))
        if not sample:
            raise ImportFailed(
                _m(
                    "the-json-list-is-empty-no-record",
                    QT_TRANSLATE_NOOP("importers", "The JSON list is empty: no records."),
                )
            )
        if _is_row_record(sample[0][1]):
            return _import_row_records(path, records, sample, encoding, options, tz, now, progress, cancelled, sink)
        rows = [r for _, obj in sample if not isinstance(r := _record_row(obj), Message)]
        profile = profile_columns([(at,) for _, at, _ in rows], 1, missing)[0]
        choice = options.choice(1).time_format
        if choice is None and profile.filled and not profile.formats:
            found = numeric_time_format(profile, True)
            choice = found[0] if found else None
        fmt, order, reason, undecided = pick_time_format(profile, choice, options)
        plan = long_plan(fmt, (order, reason, undecided))
        orders = order_readings(plan.time.orders, profile.texts)
        # records whose `at` is empty among records with one are rejected unless the user chose otherwise
        missing_time = options.missing_time or (MissingTime.REFUSE if profile.filled else MissingTime.NOW)
        if profile.filled and times_state_zone([profile], TimeSpec(time_col=0, fmt=fmt)):
            zone_reason = ZONE_IN_TIMES
        elif not options.zone_from_file:
            zone_reason = "chosen"
        else:
            zone_reason = ZONE_UNSTATED
        detected = Detected(
            file_format=FileFormat.JSON,
            encoding=encoding.codec,
            encoding_label=encoding.label,
            encoding_reason=encoding.reason,
            layout=Layout.LONG,
            columns=tuple(plan.infos),
            date_order=order_name(order),
            date_order_reason=reason,
            source_tz=options.source_tz,
            missing_time=missing_time,
            missing_markers=tuple(sorted(missing - {""})),
            notes=(_m("json-lines", QT_TRANSLATE_NOOP("importers", "JSON Lines: one record per line.")),)
            if lines
            else (),
            zone_reason=zone_reason,
            zone_stated=ZONE_IN_TIMES if zone_reason == ZONE_IN_TIMES else "",
            zone_column="at" if zone_reason == ZONE_IN_TIMES else "",
            zone_unused=unused_zone(options, ZONE_IN_TIMES, "") if zone_reason == ZONE_IN_TIMES else "",
        )
        result = ImportResult(str(path), detected, PointTable([], False, tz), stats=[ColumnStats() for _ in range(3)])
        if zone_reason == ZONE_UNSTATED and profile.filled:  # records without any `at` follow missing_time
            result.zone_unstated = ("at",)
        runner = RowConverter(plan, 3, missing, missing_time, tz, now, result, False, options.preview_rows, sink)
        runner.json_typed = True
        if undecided is not None:
            result.needs_date_order = True
            result.ambiguous_dates = tuple(profile.texts[:3])
            result.date_orders = orders
            runner.store = False
            first = [r for _, obj in sample[: options.preview_rows] if not isinstance(r := _record_row(obj), Message)]
            runner.process(list(first), 1)
            result.rows_read = result.rows_rejected = result.problem_count = 0
            result.problems.clear()
            return result
        if sink is not None:
            sink.header(["stream", "at", "value"])
        _records_pass(records, runner, progress, cancelled)
        return result
    finally:
        records.close()


def _import_row_records(
    path: Path,
    records: _Records,
    sample: list[tuple[int, Any]],
    encoding: Encoding,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    progress: Progress | None,
    cancelled: Cancelled | None,
    sink: RejectedSink | None,
) -> ImportResult:
    """A list of row records (`[{"date": …, "open": …}]`) read as a wide table: keys are the columns."""
    keys: dict[str, None] = {}
    for _, obj in sample:
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(str(k) for k in obj))
    names = list(keys)

    def rows() -> Iterator[Sequence[Any]]:
        yield names
        for _, obj in records:
            if isinstance(obj, dict):
                yield [obj.get(k) for k in names]
            else:
                yield [json.dumps(obj, ensure_ascii=False, default=str)[:200]]

    return import_rows(
        path,
        RowsSource(rows, records.progress),
        FileFormat.JSON,
        options,
        tz,
        now,
        encoding,
        None,
        None,
        progress,
        cancelled,
        sink,
        notes=(
            _m(
                "json-row-records",
                QT_TRANSLATE_NOOP("importers", "A JSON list of row records: read as a table, one column per key."),
            ),
        ),
    )


def _records_pass(
    records: _Records, runner: RowConverter, progress: Progress | None, cancelled: Cancelled | None
) -> None:
    """Feed the records to the pass in batches, in file order, rejecting those that are not records."""
    batch: list[Any] = []
    batch_start = 1
    for number, obj in records:
        if not batch:
            batch_start = number
        row = _record_row(obj)
        if isinstance(row, Message):
            _flush(runner, batch, batch_start)
            batch = []
            runner.reject(number, (json.dumps(obj, ensure_ascii=False, default=str)[:200],), row)
            continue
        if number != batch_start + len(batch):  # JSON Lines: a blank line; keep numbers right
            _flush(runner, batch, batch_start)
            batch, batch_start = [], number
        batch.append(row)
        if len(batch) >= CHUNK_ROWS:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            _flush(runner, batch, batch_start)
            batch = []
            if progress is not None:
                progress(*records.progress())
    _flush(runner, batch, batch_start)


def _flush(runner: RowConverter, batch: list[Any], start: int) -> None:
    if batch:
        runner.process(batch, start)
