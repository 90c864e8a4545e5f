"""The importers on real files in tmp_path: the cases' answers, encodings, layouts, values, times, bad files.

The expected answers of the fixture files come from tests/fixtures/README.md.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from gui.data.importers import (
    ColumnChoice,
    DateOrder,
    FileFormat,
    ImportCancelled,
    ImportFailed,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    Role,
    TimeFormat,
    import_file,
    write_rejected,
)
from gui.data.importers.cells import numbers_fast, parse_number_text
from gui.data.importers.sniff import sniff_delimiter
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import PLATFORM_TZ, ValueKind, format_at
from gui.onenet.validation import Severity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SH = "Asia/Shanghai"
NOW = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)


def load(path: Path | str, **options) -> ImportResult:
    options.setdefault("source_tz", SH)
    return import_file(path, ImportOptions(**options), now=NOW)


def points(result: ImportResult) -> dict[str, list[tuple[str | None, object]]]:
    """{stream: [(at in platform time or None, value), …]} in file order."""
    out: dict[str, list[tuple[str | None, object]]] = {}
    for stream_id, point in result.pairs():
        out.setdefault(stream_id, []).append((format_at(point.at) if point.at else None, point.value))
    return out


def values(result: ImportResult, stream: str) -> list[object]:
    return [v for _, v in points(result)[stream]]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- the cases --------------------------------------------------------------------------------


def test_wide_case_with_source_zone_shanghai():
    result = load(FIXTURES / "lab_readings_wide.csv")
    assert result.detected.layout is Layout.WIDE
    assert result.rows_read == 5 and result.rows_rejected == 0 and result.problem_count == 0
    assert result.stream_counts() == {"temperature": 5, "humidity": 5, "ph": 4, "note": 4}
    got = points(result)
    assert got["temperature"][0] == ("2026-11-02T08:30:00", 21.4)
    assert values(result, "ph") == [7.02, 7.05, 7.01, 6.98]  # the empty cell is skipped, not 0 or ""
    assert all(isinstance(v, float) for v in values(result, "humidity"))
    assert values(result, "note") == ["start of shift", "window opened, draft", "sensor recalibrated", "end of shift"]
    assert [at for at, _ in got["ph"]] == [
        "2026-11-02T08:30:00",
        "2026-11-02T10:30:00",
        "2026-11-02T12:30:00",
        "2026-11-02T16:30:00",
    ]


def test_wide_case_with_source_zone_berlin_is_seven_hours_later():
    result = load(FIXTURES / "lab_readings_wide.csv", source_tz="Europe/Berlin")
    assert points(result)["temperature"][0][0] == "2026-11-02T15:30:00"


def test_wide_case_note_column_can_be_excluded():
    result = load(FIXTURES / "lab_readings_wide.csv", columns={4: ColumnChoice(role=Role.SKIP)})
    assert result.stream_counts() == {"temperature": 5, "humidity": 5, "ph": 4}
    assert result.detected.columns[4].role is Role.SKIP


def test_long_case():
    result = load(FIXTURES / "lab_readings_long.csv")
    assert result.detected.layout is Layout.LONG
    assert len(result) == 5
    got = points(result)
    assert values(result, "temperature") == [20.9, 21.3]
    assert values(result, "pressure") == [1013.2]
    assert values(result, "status") == ["OK"]
    assert values(result, "vector") == [{"x": 1.5, "y": -0.25}]
    assert isinstance(got["vector"][0][1], dict)
    assert got["temperature"][1][0] == "2026-11-03T09:15:00"


def test_gbk_case():
    result = load(FIXTURES / "lab_readings_gbk.csv")
    detected = result.detected
    assert detected.encoding == "gb18030" and detected.encoding_label == "GBK/GB18030"
    assert detected.encoding_reason == "detected"
    assert [c.name for c in detected.columns] == ["时间", "温度(℃)", "湿度(%)", "备注"]
    assert result.rows_read == 3
    assert detected.columns[0].role is Role.TIME
    assert points(result)["温度"][0] == ("2026-11-04T09:00:00", 18.5)
    assert values(result, "温度") == [18.5, 20.25, 19.0]
    assert values(result, "湿度") == [61, 55, 58] and all(type(v) is int for v in values(result, "湿度"))
    temperature = detected.columns[1]
    assert (temperature.stream_id, temperature.suggested_id, temperature.id_safe) == ("温度", "温度", True)
    assert values(result, "备注") == ["早班", "晚班 交接"]


def test_gbk_case_stream_id_can_be_chosen():
    result = load(FIXTURES / "lab_readings_gbk.csv", columns={1: ColumnChoice(stream_id="温度(℃)")})
    column = result.detected.columns[1]
    assert column.stream_id == "温度(℃)" and not column.id_safe and column.suggested_id == "温度"


@pytest.mark.parametrize(
    ("name", "body_type"),
    [
        ("doc_example_type3.json", BodyType.SIMPLE_JSON),
        ("doc_example_type4.json", BodyType.TIMED_JSON),
        ("seed_example_type1.json", BodyType.FULL_JSON),
    ],
)
def test_onenet_json_bodies_are_recognised(name, body_type):
    result = load(FIXTURES / name)
    assert result.detected.file_format is FileFormat.JSON
    assert result.detected.body_type is body_type


def test_type3_body_decodes_without_at():
    result = load(FIXTURES / "doc_example_type3.json")
    assert points(result) == {"temperature": [(None, 22.5)], "humidity": [(None, "95.2%")]}
    assert result.detected.missing_time is MissingTime.PLATFORM
    assert result.problem_count == 0
    assert encode(result.readings(), BodyType.SIMPLE_JSON).data == (FIXTURES / "doc_example_type3.json").read_bytes()


def test_type3_body_can_be_stamped_now():
    result = load(FIXTURES / "doc_example_type3.json", missing_time=MissingTime.NOW)
    assert {at for pts in points(result).values() for at, _ in pts} == {format_at(NOW)}


def test_type4_body():
    result = load(FIXTURES / "doc_example_type4.json", source_tz="Europe/Berlin")  # the body's zone is UTC+8
    assert points(result) == {"temperature": [("2015-03-22T22:31:12", 22.5)]}
    assert encode(result.readings(), BodyType.TIMED_JSON).data == (FIXTURES / "doc_example_type4.json").read_bytes()


def test_type5_text():
    result = load(FIXTURES / "doc_example_type5.txt")
    assert result.detected.file_format is FileFormat.TYPE5
    assert points(result) == {
        "temperature": [("2015-03-22T22:31:12", 22.5)],
        "1": [(None, 102)],
        "pm2.5": [(None, 89)],
        "3": [(None, 10)],
    }


def test_seed_body_round_trips_exactly():
    result = load(FIXTURES / "seed_example_type1.json")
    seed = json.loads((FIXTURES / "seed_example_type1.json").read_text())
    assert encode(result.readings()).data == json.dumps(seed, separators=(",", ":")).encode()


# --- encodings --------------------------------------------------------------------------------

WIDE = "time,temperature,note\n2026-11-02 08:30,21.4,größer 温度\n2026-11-02 09:30,21.5,ok\n"


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("utf-16", "UTF-16 (BOM)"),
        ("utf-16-le", "UTF-16 LE"),
        ("gb18030", "GBK/GB18030"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, label):
    text = WIDE if encoding != "gb18030" else WIDE.replace("größer ", "较大 ")
    result = load(write(tmp_path, "r.csv", text, encoding))
    assert result.detected.encoding_label == label
    assert values(result, "note")[0] == text.splitlines()[1].split(",")[2]
    assert [c.name for c in result.detected.columns] == ["time", "temperature", "note"]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gb18030", "time,湿度\n2001-01-01T08:00:00,早班\n"),  # a few characters: charset-normalizer says EUC-KR
        ("gb18030", "time,交\n2001-01-01T08:00:00,AAA交\n"),  # one character: a Western code page
        ("cp949", "시간,온도,비고\n2026-11-04 09:00,18.5,정상 작동\n"),
        ("cp932", "時間,温度,備考\n2026-11-04 09:00,18.5,早番 引継ぎ\n2026-11-04 10:00,19.5,正常です\n"),
        ("big5", "時間,溫度,備註\n2026-11-04 09:00,18.5,早班 交接\n2026-11-04 10:00,19.5,正常運作\n"),
    ],
)
def test_east_asian_encodings_are_told_apart(tmp_path, encoding, text):
    result = load(write(tmp_path, "r.csv", text, encoding))
    assert result.detected.encoding == encoding
    assert [c.name for c in result.detected.columns] == text.split("\n")[0].split(",")


def test_windows_1252_is_preferred_over_its_look_alikes(tmp_path):
    path = write(tmp_path, "r.csv", "time;Température;Bemerkung\n2026-11-02 08:30;21,4;Prüfung à côté\n", "cp1252")
    result = load(path)
    assert result.detected.encoding == "cp1252"
    assert [c.name for c in result.detected.columns][1] == "Température"
    assert values(result, "Bemerkung") == ["Prüfung à côté"]
    assert values(result, "Température") == [21.4]


def test_encoding_override(tmp_path):
    path = write(tmp_path, "r.csv", "time,备注\n2026-11-02 08:30,早班\n", "gbk")
    result = load(path, encoding="gb18030")
    assert result.detected.encoding_reason == "chosen"
    assert values(result, "备注") == ["早班"]
    wrong = load(path, encoding="utf-8")  # bad bytes are reported per cell, not guessed
    assert wrong.rows_rejected == 1
    assert "encoding" in wrong.errors[0].reason


def test_unknown_encoding_name_is_a_clear_message(tmp_path):
    with pytest.raises(ImportFailed, match="Unknown encoding 'klingon'"):
        load(write(tmp_path, "r.csv", WIDE), encoding="klingon")


def test_bytes_no_encoding_explains_are_a_clear_message(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "r.csv"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    with pytest.raises(ImportFailed, match="Cannot tell the file's text encoding"):
        load(path)


# --- delimiters, numbers, missing values -------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path, delimiter):
    rows = [["time", "a", "b"], ["2026-11-02 08:30", "1.5", "x y"], ["2026-11-02 09:30", "2.5", "z"]]
    path = tmp_path / "r.txt"
    with path.open("w", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    result = load(path)
    assert result.detected.delimiter == delimiter
    assert values(result, "a") == [1.5, 2.5]


def test_sniffer_is_checked_against_consistency():
    lines = ["time;temp;hum", "2026-11-02 08:30;21,4;45,1", "2026-11-02 09:30;21,5;45,2"]
    assert sniff_delimiter(lines)[0] == ";"


def test_a_quoted_cell_with_a_line_break_does_not_decide_the_delimiter(tmp_path):
    # Found by hypothesis: the data rows were taken from the lines after the first quarter,
    # which began inside the quoted cell, so the rest of the file read as one quoted cell.
    lines = ["time,A,note", '2001-01-01 08:00:00,,":', ';"'] + [f"2001-01-01 08:0{i}:00,{i}," for i in range(1, 6)]
    assert sniff_delimiter(lines)[0] == ","
    path = tmp_path / "quoted.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load(path)
    assert result.detected.delimiter == ","
    assert values(result, "note") == [":\n;"]
    assert values(result, "A") == [1, 2, 3, 4, 5]


def test_decimal_comma_is_decided_from_the_data(tmp_path):
    path = write(tmp_path, "r.csv", "time;temp;count\n2026-11-02 08:30;2,6;3\n2026-11-02 09:30;21,45;4\n")
    result = load(path)
    assert result.detected.columns[1].decimal == ","
    assert values(result, "temp") == [2.6, 21.45]
    assert values(result, "count") == [3, 4]


@pytest.mark.parametrize(
    ("text", "mark", "number"),
    [
        ("1,013.2", ".", 1013.2),
        ("1.013,2", ",", 1013.2),
        ("1 013,2", ",", 1013.2),
        ("1\u00a0234\u00a0567", ".", 1234567),
        ("1'234.5", ".", 1234.5),
        ("2,6", ",", 2.6),
        ("84", ".", 84),
        ("-0.5", ".", -0.5),
        ("\u22123,5", ",", -3.5),
        ("1e3", ".", 1000.0),
    ],
)
def test_numbers_with_thousands_separators(text, mark, number):
    parsed = parse_number_text(text, mark)
    assert parsed == number and type(parsed) is type(number)


@pytest.mark.parametrize(("text", "mark"), [("1,23,4", "."), ("2.5", ","), ("nan", "."), ("inf", "."), ("1_000", ".")])
def test_not_numbers(text, mark):
    with pytest.raises(ValueError):
        parse_number_text(text, mark)


def test_fast_number_path_agrees_with_the_careful_one():
    for cells, mark in [(["1", "22", "-3", "+4"], "."), (["1.5", "2.", ".5"], "."), (["2,6", "3,0"], ",")]:
        assert numbers_fast(cells, mark) == [parse_number_text(c, mark) for c in cells]
    for cells in (["1", ""], ["1", "2.5"], ["nan"], ["1,234"], ["1e5"]):
        assert numbers_fast(cells, ".") is None


def test_missing_markers_skip_cells(tmp_path):
    path = write(
        tmp_path, "r.csv", "time,co,note\n2026-11-02 08:30,-200,NA\n2026-11-02 09:30,2.5,--\n2026-11-02 10:30,,x\n"
    )
    result = load(path, missing_markers=("-200", "NA", "--"))
    assert values(result, "co") == [2.5]
    assert values(result, "note") == ["x"]
    assert result.rows_rejected == 0
    assert result.stats[1].missing == 2


def test_a_text_cell_in_a_number_column_rejects_its_row_with_a_hint(tmp_path):
    path = write(
        tmp_path, "r.csv", "time,co,hum\n2026-11-02 08:30,1.5,40\n2026-11-02 09:30,offline,41\n2026-11-02 10:30,2,42\n"
    )
    result = load(path)
    assert result.detected.columns[1].kind is ValueKind.NUMBER
    assert result.rows_rejected == 1
    (problem,) = result.problems
    assert (problem.row, problem.column, problem.text, problem.severity) == (3, "co", "offline", Severity.ERROR)
    assert "missing-value marker" in problem.reason
    assert values(result, "hum") == [40, 42]  # a row is imported whole or not at all


def test_json_objects_in_cells_stay_objects(tmp_path):
    rows = [["time", "gps"], ["2026-11-02 08:30", '{"lat": 31.2, "lon": 121.5}'], ["2026-11-02 09:30", '{"lat": 31.3}']]
    path = tmp_path / "r.csv"
    with path.open("w", newline="") as f:
        csv.writer(f).writerows(rows)
    result = load(path)
    assert result.detected.columns[1].kind is ValueKind.JSON
    assert values(result, "gps") == [{"lat": 31.2, "lon": 121.5}, {"lat": 31.3}]


def test_kind_override_keeps_numbers_as_text(tmp_path):
    result = load(
        write(tmp_path, "r.csv", "time,code\n2026-11-02 08:30,007\n"), columns={1: ColumnChoice(kind=ValueKind.TEXT)}
    )
    assert values(result, "code") == ["007"]


# --- times ------------------------------------------------------------------------------------


def first_at(result: ImportResult) -> str | None:
    return next(iter(points(result).values()))[0][0]


@pytest.mark.parametrize(
    ("cell", "zone", "at"),
    [
        ("2026-11-02T08:30:00+01:00", SH, "2026-11-02T15:30:00"),  # an explicit offset wins over the zone
        ("2026-11-02T08:30:00Z", "Europe/Berlin", "2026-11-02T16:30:00"),
        ("2026-11-02 08:30:00.750", SH, "2026-11-02T08:30:00"),
        ("2026/11/4 9:00", SH, "2026-11-04T09:00:00"),
        ("2026.11.04 18.00.00", SH, "2026-11-04T18:00:00"),
        ("2026年11月4日 9:00", SH, "2026-11-04T09:00:00"),
        ("2026-11-04", SH, "2026-11-04T00:00:00"),
        ("2026-11-02 08:30", "UTC+1", "2026-11-02T15:30:00"),
    ],
)
def test_time_forms(tmp_path, cell, zone, at):
    path = tmp_path / "r.csv"
    with path.open("w", newline="") as f:
        csv.writer(f).writerows([["time", "v"], [cell, "1"]])
    assert first_at(load(path, source_tz=zone)) == at


def test_day_first_is_decided_by_a_day_above_12(tmp_path):
    path = write(tmp_path, "r.csv", "date,v\n04/11/2026 09:00,1\n13/11/2026 09:00,2\n")
    result = load(path)
    assert result.detected.date_order == "day/month/year"
    reason = result.detected.date_order_reason
    assert reason is not None and (reason.code, reason.args["n"]) == ("order-first-day", 13)
    assert [at for at, _ in points(result)["v"]] == ["2026-11-04T09:00:00", "2026-11-13T09:00:00"]


def test_month_first_is_decided_by_a_second_number_above_12(tmp_path):
    path = write(tmp_path, "r.csv", "date,v\n11/04/2026 6:00 PM,1\n11/13/2026 9:00 AM,2\n")
    result = load(path)
    assert result.detected.date_order == "month/day/year"
    assert [at for at, _ in points(result)["v"]] == ["2026-11-04T18:00:00", "2026-11-13T09:00:00"]


def test_undecidable_day_month_order_is_asked(tmp_path):
    path = write(tmp_path, "r.csv", "date,v\n04/11/2026 09:00,1\n05/11/2026 09:00,2\n")
    result = load(path)
    assert result.needs_date_order
    assert result.ambiguous_dates[0] == "04/11/2026 09:00"
    assert len(result) == 0 and result.preview  # nothing imported until answered; the rows are shown
    assert first_at(load(path, date_order=DateOrder.DMY)) == "2026-11-04T09:00:00"
    assert first_at(load(path, date_order=DateOrder.MDY)) == "2026-04-11T09:00:00"


def test_a_row_that_does_not_fit_the_chosen_order_is_rejected(tmp_path):
    path = write(tmp_path, "r.csv", "date,v\n13/11/2026 09:00,1\n11/13/2026 09:00,2\n")
    result = load(path, date_order=DateOrder.DMY)
    assert result.rows_rejected == 1
    assert result.errors[0].row == 3 and "day/month/year" in result.errors[0].reason


def test_date_column_and_dotted_time_of_day_column(tmp_path):
    path = write(tmp_path, "r.csv", "Datum;Zeit;Temperatur\n04.11.2026;18.00.00;21,5\n05.11.2026;07.30.00;19,0\n")
    result = load(path, source_tz="Europe/Berlin")
    roles = [c.role for c in result.detected.columns]
    assert roles == [Role.DATE, Role.TIME_OF_DAY, Role.VALUE]
    assert points(result)["Temperatur"] == [("2026-11-05T01:00:00", 21.5), ("2026-11-05T14:30:00", 19.0)]


def test_excel_serial_days(tmp_path):
    serial = (datetime(2026, 11, 4, 9, 0) - datetime(1899, 12, 30)) / timedelta(days=1)
    result = load(write(tmp_path, "r.csv", f"time,v\n{serial!r},1\n{serial + 1 / 24!r},2\n"))
    assert result.detected.columns[0].time_format is TimeFormat.EXCEL
    assert [at for at, _ in points(result)["v"]] == ["2026-11-04T09:00:00", "2026-11-04T10:00:00"]


@pytest.mark.parametrize(("scale", "fmt"), [(1, TimeFormat.EPOCH_S), (1000, TimeFormat.EPOCH_MS)])
def test_unix_times_are_instants(tmp_path, scale, fmt):
    instant = datetime(2026, 11, 2, 0, 30, tzinfo=UTC)
    stamp = int(instant.timestamp() * scale)
    result = load(write(tmp_path, "r.csv", f"timestamp,v\n{stamp},1\n"), source_tz="Europe/Berlin")
    assert result.detected.columns[0].time_format is fmt
    assert first_at(result) == "2026-11-02T08:30:00"


def test_time_format_override(tmp_path):
    path = write(tmp_path, "r.csv", "when,v\n1793500200,1\n")
    result = load(path, columns={0: ColumnChoice(role=Role.TIME, time_format=TimeFormat.EPOCH_S)})
    assert first_at(result) == format_at(datetime.fromtimestamp(1793500200, UTC))


def test_dst_gap_is_a_rejected_row_not_a_crash(tmp_path):
    path = write(tmp_path, "r.csv", "time,v\n2026-03-29 01:30,1\n2026-03-29 02:30,2\n2026-03-29 03:30,3\n")
    result = load(path, source_tz="Europe/Berlin")
    assert values(result, "v") == [1, 3]
    (problem,) = result.problems
    assert problem.row == 3 and problem.column == "time" and "does not exist" in problem.reason


def test_dst_repeat_is_read_in_file_order_and_reported(tmp_path):
    rows = ["01:30", "02:00", "02:30", "02:00", "02:30", "03:00"]
    path = write(tmp_path, "r.csv", "time,v\n" + "".join(f"2026-10-25 {t},{i}\n" for i, t in enumerate(rows)))
    result = load(path, source_tz="Europe/Berlin")
    utc = [datetime.fromisoformat(at).replace(tzinfo=PLATFORM_TZ).astimezone(UTC) for at, _ in points(result)["v"]]
    assert [f"{t:%H:%M}" for t in utc] == ["23:30", "00:00", "00:30", "01:00", "01:30", "02:00"]
    assert [p.severity for p in result.problems] == [Severity.WARNING] * 4
    assert "first occurrence" in result.problems[0].reason and "second occurrence" in result.problems[2].reason


def test_rows_without_time_follow_the_choice(tmp_path):
    path = write(tmp_path, "r.csv", "temperature,humidity\n21.4,45\n21.5,46\n")
    refused_by_default = load(path)  # no time column understood: nothing is stamped "now" unless asked
    assert refused_by_default.needs_time and len(refused_by_default) == 0
    assert "time-none" in {d.code for d in refused_by_default.detected.decisions}
    stamped = load(path, missing_time=MissingTime.NOW)
    assert {at for at, _ in points(stamped)["temperature"]} == {format_at(NOW)}
    assert {at for at, _ in points(load(path, missing_time=MissingTime.PLATFORM))["humidity"]} == {None}
    refused = load(path, missing_time=MissingTime.REFUSE)
    assert len(refused) == 0 and refused.rows_rejected == 2


def test_an_empty_time_cell_rejects_its_row_unless_stamping_is_chosen(tmp_path):
    path = write(tmp_path, "r.csv", "time,v\n2026-11-02 08:30,1\n,2\n")
    result = load(path)
    assert values(result, "v") == [1] and result.rows_rejected == 1
    assert result.problems[0].severity is Severity.ERROR and result.problems[0].reason.startswith("no time:")
    assert (result.problems[0].row, result.problems[0].column) == (3, "time")
    stamped = load(path, missing_time=MissingTime.NOW)
    assert values(stamped, "v") == [1, 2]
    assert stamped.problems[0].severity is Severity.WARNING and "stamped now" in stamped.problems[0].reason


# --- layouts and structure ---------------------------------------------------------------------


def test_layout_can_be_switched(tmp_path):
    result = load(FIXTURES / "lab_readings_long.csv", layout=Layout.WIDE)
    assert result.detected.layout is Layout.WIDE
    assert set(result.stream_counts()) == {"stream", "value"}


def test_headerless_file(tmp_path):
    result = load(write(tmp_path, "r.csv", "2026-11-02 08:30,21.4\n2026-11-02 09:30,21.5\n"))
    assert not result.detected.has_header
    assert [c.name for c in result.detected.columns] == ["column 1", "column 2"]
    assert values(result, "column_2") == [21.4, 21.5]


def test_lines_above_the_table_are_skipped(tmp_path):
    text = "Instrument: TH-100\nSerial: 12345\n\ntime,temperature,humidity\n2026-11-02 08:30,21.4,45\n"
    result = load(write(tmp_path, "r.csv", text))
    assert result.detected.skipped_rows == 3
    assert points(result)["temperature"] == [("2026-11-02T08:30:00", 21.4)]
    assert result.preview[0].row == 5


def test_excel_trailing_delimiters_are_not_ragged(tmp_path):
    result = load(write(tmp_path, "r.csv", "time,a,b\n2026-11-02 08:30,1,2,\n2026-11-02 09:30,3,4,\n"))
    assert result.rows_rejected == 0 and values(result, "a") == [1, 3]


# --- XLSX --------------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Readings"
    sheet.append(["time", "temperature", "count", "note"])
    sheet.append([datetime(2026, 11, 2, 8, 30), 21.4, 3, "start"])
    sheet.append([datetime(2026, 11, 2, 9, 30), 21.5, None, "2,6"])
    other = book.create_sheet("Split")
    other.append(["Datum", "Uhrzeit", "Wert"])
    other.append([datetime(2026, 11, 4), time(18, 0), "2,5"])
    path = tmp_path / "readings.xlsx"
    book.save(path)
    return path


def test_xlsx_cells_keep_their_types(workbook):
    result = load(workbook)
    assert result.detected.file_format is FileFormat.XLSX
    assert result.detected.sheets == ("Readings", "Split") and result.detected.sheet == "Readings"
    # "2,6" is a number (decimal comma) among texts: the column is not guessed to be text, "start" is rejected
    assert [(p.row, p.column) for p in result.problems if p.severity is Severity.ERROR] == [(2, "note")]
    result = load(workbook, columns={3: ColumnChoice(kind=ValueKind.TEXT)})  # the user reads it as text
    assert points(result)["temperature"] == [("2026-11-02T08:30:00", 21.4), ("2026-11-02T09:30:00", 21.5)]
    assert values(result, "count") == [3]
    assert values(result, "note") == ["start", "2,6"]


def test_xlsx_sheet_choice_with_date_and_time_cells(workbook):
    result = load(workbook, sheet="Split", source_tz="Europe/Berlin")
    assert [c.role for c in result.detected.columns] == [Role.DATE, Role.TIME_OF_DAY, Role.VALUE]
    assert points(result)["Wert"] == [("2026-11-05T01:00:00", 2.5)]


def test_xlsx_unknown_sheet_and_broken_workbook(workbook, tmp_path):
    with pytest.raises(ImportFailed, match="no sheet 'Nope'"):
        load(workbook, sheet="Nope")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ImportFailed, match=r"broken\.xlsx"):
        load(broken)


# --- JSON records ------------------------------------------------------------------------------


def test_json_records_keep_their_types(tmp_path):
    records = [
        {"stream": "temperature", "at": "2026-11-03T09:00:00", "value": 20.9},
        {"stream": "status", "at": "2026-11-03T09:00:00", "value": "20.9"},
        {"stream": "gps", "at": 1793500200000, "value": {"lat": 1}},
        {"stream": "temperature", "value": None},
    ]
    result = load(write(tmp_path, "r.json", json.dumps(records)))
    got = points(result)
    assert got["temperature"] == [("2026-11-03T09:00:00", 20.9)]  # null: missing, skipped
    assert got["status"] == [("2026-11-03T09:00:00", "20.9")]
    assert result.rows_rejected == 0


def test_json_records_with_bad_records(tmp_path):
    text = json.dumps(
        [{"stream": "a", "at": "2026-11-03T09:00:00", "value": 1}, 5, {"stream": "b"}, {"stream": "c", "value": True}]
    )
    result = load(write(tmp_path, "r.json", text))
    assert len(result) == 1 and result.rows_rejected == 3
    assert [p.row for p in result.errors] == [2, 3, 4]


def test_json_lines(tmp_path):
    lines = [json.dumps({"stream": "t", "at": f"2026-11-03T09:0{i}:00", "value": i}) for i in range(3)]
    result = load(write(tmp_path, "r.jsonl", "\n".join(lines) + "\n"))
    assert values(result, "t") == [0, 1, 2]


def test_broken_json_is_a_clear_message(tmp_path):
    with pytest.raises(ImportFailed, match="not valid JSON"):
        load(write(tmp_path, "r.json", '{"temperature": 22.5,'))
    with pytest.raises(ImportFailed, match="not closed"):
        load(write(tmp_path, "r.json", '[{"stream": "a", "value": 1}'))


# --- large files: progress, cancel, memory layout ---------------------------------------------


def big_csv(tmp_path: Path, rows: int) -> Path:
    start = datetime(2026, 1, 1)
    path = tmp_path / "big.csv"
    with path.open("w", newline="") as f:
        f.write("time,a,b,c\n")
        for i in range(rows):
            f.write(f"{(start + timedelta(seconds=30 * i)).isoformat()},{i * 0.5},{i},{i % 7}.25\n")
    return path


def test_progress_is_reported_and_cancel_stops(tmp_path):
    path = big_csv(tmp_path, 20_000)
    seen: list[tuple[int, int]] = []
    result = import_file(path, ImportOptions(source_tz=SH), progress=lambda d, t: seen.append((d, t)))
    assert len(result) == 60_000
    assert len(seen) >= 4 and seen[-1][0] == seen[-1][1] == path.stat().st_size
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ImportCancelled):
        import_file(path, ImportOptions(source_tz=SH), cancelled=cancelled)


def test_values_are_stored_by_column_not_as_objects(tmp_path):
    result = load(big_csv(tmp_path, 5000))
    table = result.table
    assert table.wide and len(table.columns) == 3 and len(table.ats) == 5000
    assert table.columns[1][:3] == [0, 1, 2] and table.columns[0][:2] == [0.0, 0.5]


def test_preview_holds_the_first_rows_only(tmp_path):
    result = load(big_csv(tmp_path, 5000), preview_rows=10)
    assert [r.row for r in result.preview] == list(range(2, 12))


# --- rejected rows -----------------------------------------------------------------------------


def test_rejected_rows_are_written_with_reasons(tmp_path):
    path = write(tmp_path, "r.csv", "time,co,note\n2026-11-02 08:30,1.5,a\n2026-11-02 09:30,offline,b\nyesterday,2,c\n")
    out = tmp_path / "rejected.csv"
    assert write_rejected(path, ImportOptions(source_tz=SH), out) == 2
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["row", "problem", "time", "co", "note"]
    assert [r[0] for r in rows[1:]] == ["3", "4"]
    assert rows[1][1].startswith("co: 'offline' is not a number") and rows[1][2:] == [
        "2026-11-02 09:30",
        "offline",
        "b",
    ]
    assert rows[2][1].startswith("time: 'yesterday'")


def test_a_cancelled_write_of_rejected_rows_leaves_the_old_file_as_it_was(tmp_path):
    path = big_csv(tmp_path, 5000)
    out = tmp_path / "rejected.csv"
    out.write_text("an earlier list", encoding="utf-8")
    calls = []

    def cancel_later():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        write_rejected(path, ImportOptions(source_tz=SH), out, cancelled=cancel_later)
    assert out.read_text(encoding="utf-8") == "an earlier list"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "rejected.csv"])


# --- bad files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"\n\n  \r\n", "only blank lines"),
        (b"time,temperature\n", "header row but no data rows"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
        (b'time,note\n2026-11-02 08:30,"never closed\n' + b"x,y\n" * 40_000, "Row 2 cannot be read"),
    ],
)
def test_bad_files_give_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        load(path)


def test_binary_bytes(tmp_path):
    path = tmp_path / "bad.csv"
    noise = random.Random(1000)  # the same bytes on every run (random ones could start with a byte-order mark)
    path.write_bytes(noise.randbytes(1000) + b"\0\0\0" + noise.randbytes(1000))
    with pytest.raises(ImportFailed, match="binary file"):
        load(path)


def test_a_row_with_more_cells_is_rejected_one_with_fewer_has_its_last_cells_empty(tmp_path):
    text = "time,a,b\n2026-11-02 08:30,1,2\n2026-11-02 09:30,1,2,3\n2026-11-02 10:30,1\n2026-11-02 11:30,5,6\n"
    result = load(write(tmp_path, "r.csv", text))
    assert values(result, "a") == [1, 1, 5]  # row 4 leaves off its empty last field (common CSV practice)
    assert values(result, "b") == [2, 6]
    assert [(p.row, p.column) for p in result.problems] == [(3, None)]
    assert "the row has 4 cells but the table has 3 columns" in result.problems[0].reason
    said = " ".join(map(str, result.detected.decisions))
    assert "1 row with fewer cells than the header: the cells missing at their end are read as empty" in said


def test_a_50_mb_single_line_is_refused_quickly(tmp_path):
    path = tmp_path / "line.csv"
    with path.open("wb") as f:
        chunk = b"1.5,2.5,abc," * 4096
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
    assert path.stat().st_size > 49 * 1024 * 1024
    with pytest.raises(ImportFailed, match="first line is longer than 1 MiB"):
        load(path)


def test_missing_file_and_bad_zone(tmp_path):
    with pytest.raises(ImportFailed, match="no file"):
        load(tmp_path / "nope.csv")
    with pytest.raises(ImportFailed, match="is not a time zone"):
        load(FIXTURES / "lab_readings_wide.csv", source_tz="Mars/Olympus")


def test_safe_headers_are_kept_as_stream_ids(tmp_path):
    result = load(write(tmp_path, "r.csv", "time,A,A_,pm2.5,温度(℃)\n2026-11-02 08:30,1,2,3,4\n"))
    assert [c.stream_id for c in result.detected.columns[1:]] == ["A", "A_", "pm2.5", "温度"]
    assert [c.id_safe for c in result.detected.columns[1:]] == [True, True, True, True]
