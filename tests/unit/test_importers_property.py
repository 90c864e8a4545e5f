"""Property: a wide CSV written with arbitrary streams, values, delimiters, encodings and time formats
imports back to the same readings (stream ids, value types and values, instants)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gui.data.importers import DateOrder, ImportOptions, TimeFormat, import_file
from gui.data.importers.cells import (
    MISSING_LIKE,
    CellClass,
    classify,
    numbers_fast,
    parse_datetime_text,
    parse_number_text,
    times_fast,
)
from gui.data.importers.columns import _STREAM_HINTS, _VALUE_HINTS, is_time_name
from gui.data.importers.columns import plain_name as _plain

ZONES = ["Asia/Shanghai", "UTC", "Europe/Berlin", "America/New_York", "Australia/Adelaide"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]
DELIMITERS = [",", ";", "\t", "|"]
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def _ok_name(name: str) -> bool:
    plain = _plain(name)
    return not is_time_name(name) and plain not in _STREAM_HINTS and plain not in _VALUE_HINTS


#: Chinese as files hold it: words of two or more characters (one lone character in a whole file is
#: ambiguous between GB18030 and a Western code page; see sniff._reads_as_chinese).
CJK_WORDS = ["温度", "湿度", "压力", "风速", "光照", "备注", "早班", "晚班", "交接", "正常", "异常", "数据", "设备编号"]
stream_names = st.one_of(
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True),
    st.sampled_from(CJK_WORDS),
    st.builds(lambda a, b: a + b, st.sampled_from(CJK_WORDS), st.sampled_from(CJK_WORDS)),
).filter(_ok_name)


def _is_plain_text(text: str) -> bool:
    return (
        text == text.strip()
        and bool(text)
        and classify(text, frozenset({""}))[0] is CellClass.TEXT
        and text.casefold() not in MISSING_LIKE
    )


_pieces = st.one_of(
    st.sampled_from(CJK_WORDS), st.text(alphabet="abcdefgxyz ABC,;|\"'-_.:/()\n", min_size=1, max_size=6)
)
texts = st.lists(_pieces, min_size=1, max_size=4).map("".join).filter(_is_plain_text)
integers = st.integers(-(10**6), 10**6)
# No subnormals (nearer 0 than 2.2e-308): a cell holding one is refused (`parse_number`, NumberOutOfRange).
floats = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def wide_files(draw):
    names = draw(st.lists(stream_names, min_size=1, max_size=4, unique_by=lambda n: n.casefold()))
    kinds = [draw(st.sampled_from(["number", "text"])) for _ in names]
    rows = draw(st.integers(1, 12))
    zone = draw(st.sampled_from(ZONES))
    time_format = draw(st.sampled_from(["iso", "iso_minutes", "slash_ymd", "dmy", "mdy", "offset", "epoch"]))
    delimiter = draw(st.sampled_from(DELIMITERS))
    encoding = draw(st.sampled_from(ENCODINGS))
    decimal_comma = delimiter != "," and draw(st.booleans())
    start = draw(st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2090, 1, 1))).replace(tzinfo=UTC)
    step = timedelta(minutes=draw(st.integers(1, 60 * 24 * 40)))
    instants = [(start + i * step).replace(second=0, microsecond=0) for i in range(rows)]
    cells = []
    for _ in range(rows):
        row = []
        for kind in kinds:
            if draw(st.integers(0, 5)) == 0:
                row.append(None)  # missing
            elif kind == "number":
                number = draw(st.one_of(integers, floats))
                row.append(number)
            else:
                row.append(draw(texts))
        cells.append(row)
    return names, kinds, instants, cells, zone, time_format, delimiter, encoding, decimal_comma


def _time_text(instant: datetime, zone: ZoneInfo, fmt: str) -> str:
    local = instant.astimezone(zone)
    if fmt == "iso":
        return local.strftime("%Y-%m-%dT%H:%M:%S")
    if fmt == "iso_minutes":
        return local.strftime("%Y-%m-%d %H:%M")
    if fmt == "slash_ymd":
        return f"{local.year}/{local.month}/{local.day} {local.hour}:{local.minute:02d}"
    if fmt == "dmy":
        return local.strftime("%d/%m/%Y %H:%M")
    if fmt == "mdy":
        hour, meridian = local.hour % 12 or 12, "PM" if local.hour >= 12 else "AM"
        return f"{local.month:02d}/{local.day:02d}/{local.year} {hour}:{local.minute:02d} {meridian}"
    if fmt == "offset":
        return instant.astimezone(ZoneInfo("Asia/Kolkata")).isoformat()  # an explicit offset wins
    return str(int(instant.timestamp()))


def _number_text(number: int | float, decimal_comma: bool) -> str:
    if isinstance(number, int):
        return str(number)
    text = f"{number:.2f}" if decimal_comma else repr(number)  # two decimals: the comma shows it is decimal
    return text.replace(".", ",") if decimal_comma else text


def _expected_number(text: str) -> int | float:
    plain = text.replace(",", ".")
    return int(plain) if "." not in plain and "e" not in plain else float(plain)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wide_files())
def test_a_written_wide_csv_imports_back_to_the_same_readings(tmp_path, case):
    names, kinds, instants, cells, zone_name, time_format, delimiter, encoding, decimal_comma = case
    zone = ZoneInfo(zone_name)
    for instant in instants:  # a repeated wall-clock hour cannot say which one it is
        local = instant.astimezone(zone).replace(tzinfo=None)
        assume(zone.utcoffset(local.replace(fold=0)) == zone.utcoffset(local.replace(fold=1)))
    header = ["timestamp" if time_format == "epoch" else "time", *names]
    expected: list[tuple[str, int | float | str, datetime]] = []
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for instant, row in zip(instants, cells, strict=True):
        written = [_time_text(instant, zone, time_format)]
        for name, kind, value in zip(names, kinds, row, strict=True):
            if value is None:
                written.append("")
                continue
            text = _number_text(value, decimal_comma) if kind == "number" else str(value)
            written.append(text)
            expected.append((name, _expected_number(text) if kind == "number" else text, instant))
        writer.writerow(written)
    path = tmp_path / "written.csv"
    path.write_bytes(out.getvalue().encode(encoding))

    # Every column chosen (by number): a column of one repeated text would otherwise be proposed as a label.
    every = tuple(str(k + 2) for k in range(len(names)))
    options = ImportOptions(source_tz=zone_name, include=every)
    result = import_file(path, options, now=NOW)
    if result.needs_date_order:  # the user is asked; answer as the file was written
        order = DateOrder.MDY if time_format == "mdy" else DateOrder.DMY
        result = import_file(path, ImportOptions(source_tz=zone_name, date_order=order, include=every), now=NOW)

    assert result.rows_rejected == 0, result.problems[:3]
    assert result.detected.delimiter == delimiter
    got = [(stream, point.value, point.at.astimezone(UTC)) for stream, point in result.pairs() if point.at]
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert [(s, type(v)) for s, v, _ in sorted(got, key=repr)] == [
        (s, type(v)) for s, v, _ in sorted(expected, key=repr)
    ]


number_cells = st.lists(
    st.one_of(
        st.from_regex(r"[+-]?\d{1,8}(\.\d{0,6})?", fullmatch=True),
        st.from_regex(r"[+-]?\d{0,4},\d{0,4}", fullmatch=True),
        st.text(alphabet="0123456789.,+-e _", max_size=8),
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(number_cells, st.sampled_from([".", ","]))
def test_the_fast_number_path_agrees_with_the_per_cell_parser(cells, mark):
    fast = numbers_fast(cells, mark)
    if fast is not None:
        careful = [parse_number_text(c, mark) for c in cells]
        assert fast == careful and [type(v) for v in fast] == [type(v) for v in careful]


time_cells = st.lists(
    st.one_of(
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)).map(
            lambda d: d.isoformat(sep=" ", timespec="seconds")
        ),
        st.from_regex(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?", fullmatch=True),
        st.text(alphabet="0123456789-:T WZ+", max_size=20),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(time_cells)
def test_the_fast_time_path_agrees_with_the_per_cell_parser(cells):
    fast = times_fast(cells, TimeFormat.YMD)
    if fast is not None:
        assert fast == [parse_datetime_text(c, TimeFormat.YMD) for c in cells]
