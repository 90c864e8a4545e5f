"""Issue 10: the files people really have, as small real-looking files; each "What to build" item has a test here.

The refusals are tested through `send --dry-run` (exit status and message).
"""

from __future__ import annotations

import ast
import json
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from gui.data.importers import (
    ZONE_IN_TIMES,
    DateOrder,
    ImportOptions,
    Layout,
    MissingTime,
    Role,
    TimeFormat,
    import_file,
)
from gui.data.importers.sniff import detect_encoding, western_over
from gui.onenet.readings import format_at

SH = "Asia/Shanghai"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
PLATFORM = timezone(timedelta(hours=8))


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def load(path: Path, **options):
    options.setdefault("source_tz", SH)
    return import_file(path, ImportOptions(**options), now=NOW)


def streams(result) -> dict[str, list[tuple[str | None, object]]]:
    out: dict[str, list[tuple[str | None, object]]] = {}
    for sid, point in result.pairs():
        out.setdefault(sid, []).append((format_at(point.at) if point.at else None, point.value))
    return out


def send(capsysbinary, path: Path, *extra: str) -> tuple[int, dict, str]:
    """`send PATH --dry-run …`: (exit status, datapoints of the first body by stream, stderr)."""
    code = main(["send", str(path), "--dry-run", *extra])
    captured = capsysbinary.readouterr()
    points: dict = {}
    if captured.out and b"\n\n" in captured.out:
        body = captured.out.split(b"\n\n", 1)[1].split(b"\n", 1)[0]
        points = {
            s["id"]: [(p.get("at"), p["value"]) for p in s["datapoints"]] for s in json.loads(body)["datastreams"]
        }
    return code, points, captured.err.decode()


# --- 1. times found in real exports ----------------------------------------------------------


def test_compact_yyyymmddhhmm_is_2017_not_milliseconds_since_1970(tmp_path):
    path = write(
        tmp_path,
        "produkt_zehn_min_tu.txt",
        "STATIONS_ID;MESS_DATUM;  QN;TT_10;eor\n"
        "       1766;201701010000;    3;  2.5;eor\n"
        "       1766;201701010010;    3;  2.4;eor\n"
        "       1766;201701010020;    3;-999;eor\n",
    )
    result = load(path, source_tz="UTC", missing_markers=("-999",))
    assert streams(result) == {"TT_10": [("2017-01-01T08:00:00", 2.5), ("2017-01-01T08:10:00", 2.4)]}
    time = result.detected.columns[1]
    assert (time.role, time.time_format) == (Role.TIME, TimeFormat.COMPACT)
    decided = next(d for d in result.detected.decisions if d.code == "time")
    assert decided.args["how"].args["form"] == "YYYYMMDDHHMM"
    assert decided.args["zone"].args["zone"] == "UTC" and decided.args["zone"].args["why"].code == "zone-unstated"
    # station code, quality flag and end-of-record marker: proposed as not imported, with the reason
    notes = {c.name: c.note for c in result.detected.columns if c.role is Role.SKIP}
    assert set(notes) == {"STATIONS_ID", "QN", "eor"} and all(n.code == "not-imported" for n in notes.values())


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("19580329", "1958-03-29T00:00:00"),
        ("2017010113", "2017-01-01T13:00:00"),
        ("20170101133005", "2017-01-01T13:30:05"),
    ],
)
def test_compact_digits_of_every_length(tmp_path, digits, expected):
    path = write(tmp_path, "c.csv", f"date,co2\n{digits},316.1\n")
    assert streams(load(path, source_tz="UTC+8")) == {"co2": [(expected, 316.1)]}


@pytest.mark.parametrize(
    ("number", "fmt"),
    [
        (1_700_000_000, TimeFormat.EPOCH_S),
        (1_700_000_000_000, TimeFormat.EPOCH_MS),
        (1_700_000_000_000_000, TimeFormat.EPOCH_US),
        (1_700_000_000_000_000_000, TimeFormat.EPOCH_NS),
    ],
)
def test_unix_times_are_told_apart_by_magnitude(tmp_path, number, fmt):
    path = write(tmp_path, "e.csv", f"timestamp,v\n{number},1\n")
    result = load(path)
    assert result.detected.columns[0].time_format is fmt
    assert streams(result) == {"v": [("2023-11-15T06:13:20", 1)]}  # 2023-11-14 22:13:20 UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 1 2000", "2000-01-01T00:00:00"),
        ("Jan-1-1995", "1995-01-01T00:00:00"),
        ("1-Jan-2020", "2020-01-01T00:00:00"),
        ('"January 1, 2000"', "2000-01-01T00:00:00"),
        ("14-May-2024 08:30", "2024-05-14T08:30:00"),
        ("2024年5月14日 8时30分", "2024-05-14T08:30:00"),
    ],
)
def test_month_names_and_chinese_dates(tmp_path, text, expected):
    path = write(tmp_path, "m.csv", f"date,price\n{text},39.81\n")
    assert streams(load(path, source_tz="UTC+8")) == {"price": [(expected, 39.81)]}


def test_periods_are_read_as_their_start_and_said(tmp_path):
    path = write(tmp_path, "q.csv", "period,lrm\n1974Q1,11.63\n1974Q2,11.60\n")
    result = load(path, source_tz="UTC+8")
    assert streams(result) == {"lrm": [("1974-01-01T00:00:00", 11.63), ("1974-04-01T00:00:00", 11.60)]}
    assert "periods" in {n.code for n in result.detected.notes}
    months = write(tmp_path, "mo.csv", "month,orders\n2024-05,3\n2024-06,4\n")
    assert streams(load(months, source_tz="UTC+8"))["orders"][1] == ("2024-06-01T00:00:00", 4)


def test_an_interval_column_gives_each_row_its_start_not_midnight(tmp_path):
    text = "Datum;Zeit;Verbrauch\n" + "".join(f"01.03.2024;{h:02d}:00 - {h + 1:02d}:00;{h}\n" for h in range(3))
    result = load(write(tmp_path, "i.csv", text), source_tz="UTC+8")
    assert [at for at, _ in streams(result)["Verbrauch"]] == [
        "2024-03-01T00:00:00",
        "2024-03-01T01:00:00",
        "2024-03-01T02:00:00",
    ]
    assert "intervals" in {n.code for n in result.detected.notes}


def test_year_month_day_hour_columns_are_combined(tmp_path):
    text = "year,month,day,hour,PM2.5\n2010,1,1,0,129\n2010,1,1,1,148\n"
    result = load(write(tmp_path, "p.csv", text), source_tz="UTC+8")
    assert streams(result) == {"PM2.5": [("2010-01-01T00:00:00", 129), ("2010-01-01T01:00:00", 148)]}
    assert [c.role for c in result.detected.columns[:4]] == [Role.TIME_PART] * 4


def test_a_typed_time_format_overrides_detection_and_names_each_bad_cell(tmp_path, capsysbinary):
    path = write(tmp_path, "f.csv", "Zeitpunkt;Wert\n14.05.2024 08:30;1\n14/05/2024 09:30;2\n14.05.2024 10:30;3\n")
    code, points, err = send(capsysbinary, path, "--source-tz", "UTC+8", "--time-format", "%d.%m.%Y %H:%M")
    assert code == EXIT_REJECTED
    assert "rejected: row 3, Zeitpunkt: '14/05/2024 09:30' does not match the time format %d.%m.%Y %H:%M" in err
    assert points == {"Wert": [("2024-05-14T08:30:00", 1), ("2024-05-14T10:30:00", 3)]}


def test_a_time_format_finds_its_column_when_none_was_detected(tmp_path):
    path = write(tmp_path, "g.csv", "when,v\n2024/14/05-0830,1\n2024/15/05-0930,2\n")
    assert load(path).needs_time
    result = load(path, time_pattern="%Y/%d/%m-%H%M", source_tz="UTC+8")
    assert streams(result) == {"v": [("2024-05-14T08:30:00", 1), ("2024-05-15T09:30:00", 2)]}


# --- 2. zones stated in the file ---------------------------------------------------------------


def test_a_zone_in_the_header_wins_over_the_computers(tmp_path):
    text = 'Plot Title: 20827226\n"#","Date Time, GMT+00:00","Temp, °C"\n1,05/30/19 12:00:00 PM,11.2\n'
    result = load(write(tmp_path, "hobo.csv", text), source_tz=SH)
    assert streams(result) == {"Temp_C": [("2019-05-30T20:00:00", 11.2)]}  # 12:00 UTC, not 12:00 in Shanghai
    assert result.detected.zone_reason == "from the header 'Date Time, GMT+00:00'"
    assert result.detected.zone_unused == ""  # nobody chose a zone: nothing to tell


@pytest.mark.parametrize(
    ("header", "at"), [("Date Time, GMT+00:00", "08:30"), ("Timestamp(UTC)", "08:30"), ("time (UTC-3)", "11:30")]
)
def test_a_zone_chosen_by_hand_does_not_override_the_headers(tmp_path, header, at):
    """`--source-tz` / the zone box apply only to times without a stated zone; a differing one is named."""
    path = write(tmp_path, "z.csv", f'"{header}",v\n2026-11-02 00:30:00,1\n')
    chosen = load(path, source_tz=SH, zone_from_file=False)
    assert streams(chosen)["v"][0][0] == f"2026-11-02T{at}:00"  # not 00:30: the header's zone, not Shanghai's
    assert chosen.detected.zone_reason == f"from the header {header!r}"
    assert (chosen.detected.zone_column, chosen.detected.zone_unused) == (header, SH)
    assert chosen.detected.zone_stated in header


@pytest.mark.parametrize("same", ["UTC", "UTC+00:00"])
def test_a_chosen_zone_equal_to_the_headers_is_not_named(tmp_path, same):
    path = write(tmp_path, "z.csv", '"Date Time, GMT+00:00",v\n2026-11-02 00:30:00,1\n')
    assert load(path, source_tz=same, zone_from_file=False).detected.zone_unused == ""


def test_a_chosen_zone_answers_an_ambiguous_headers_question(tmp_path):
    path = write(tmp_path, "z.csv", '"Time (CST)",v\n2026-11-02 00:30:00,1\n')
    assert load(path, source_tz=SH).zone_question
    chosen = load(path, source_tz=SH, zone_from_file=False)
    assert not chosen.needs_answer and streams(chosen)["v"][0][0] == "2026-11-02T00:30:00"


def test_a_zone_chosen_for_times_with_offsets_is_named_and_not_applied(tmp_path):
    path = write(tmp_path, "z.csv", "time,v\n2026-11-02T00:30:00+00:00,1\n")
    chosen = load(path, source_tz=SH, zone_from_file=False)
    assert streams(chosen)["v"][0][0] == "2026-11-02T08:30:00"
    assert (chosen.detected.zone_reason, chosen.detected.zone_unused) == (ZONE_IN_TIMES, SH)


@pytest.mark.parametrize(
    ("header", "at"), [("Timestamp(UTC)", "08:30"), ("time (UTC+8)", "00:30"), ("Zeit (MESZ)", "06:30")]
)
def test_zones_written_in_headers(tmp_path, header, at):
    path = write(tmp_path, "z.csv", f'"{header}",v\n2024-05-14 00:30,1\n')
    assert streams(load(path, source_tz="America/New_York"))["v"][0][0] == f"2024-05-14T{at}:00"


def test_an_ambiguous_zone_abbreviation_asks(tmp_path, capsysbinary):
    path = write(tmp_path, "ph.csv", "#,Date-Time (AST/ADT),pH\n1,2025-03-07 21:56:06,7.9\n")
    result = load(path)
    assert result.zone_question and len(result) == 0
    code, _, err = send(capsysbinary, path)
    assert code == EXIT_USAGE and "AST/ADT" in err and "--source-tz" in err
    code, points, _ = send(capsysbinary, path, "--source-tz", "America/Halifax")
    assert code == EXIT_OK and points == {"pH": [("2025-03-08T09:56:06", 7.9)]}


# --- 3. where the table starts -------------------------------------------------------------------


def test_a_title_block_and_a_units_row_are_not_data(tmp_path):
    text = (
        "Station report;;\nExported by LibreOffice;;\n\nDatum;Temperatur;Niederschlag\n;°C;mm\n"
        "2024-05-14 08:00;12,5;0,2\n2024-05-14 09:00;13,1;0\n"
    )
    result = load(write(tmp_path, "t.csv", text), source_tz="UTC+8")
    assert result.rows_rejected == 0
    assert streams(result)["Temperatur"] == [("2024-05-14T08:00:00", 12.5), ("2024-05-14T09:00:00", 13.1)]
    assert [c.unit for c in result.detected.columns] == ["", "°C", "mm"]
    assert result.detected.header_line == 4


def test_an_xlsx_with_a_title_block_and_a_units_row(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Messreihe Gewächshaus 2"])
    sheet.append(["Exportiert am", datetime(2024, 5, 15)])
    sheet.append([])
    sheet.append(["Zeit", "Temperatur", "Feuchte"])
    sheet.append([None, "°C", "%"])
    sheet.append([datetime(2024, 5, 14, 8, 0), 21.5, 40])
    sheet.append([datetime(2024, 5, 14, 9, 0), 22.0, 41])
    path = tmp_path / "libreoffice.xlsx"
    book.save(path)
    result = load(path, source_tz="UTC+8")
    assert result.rows_rejected == 0
    assert streams(result) == {
        "Temperatur": [("2024-05-14T08:00:00", 21.5), ("2024-05-14T09:00:00", 22.0)],
        "Feuchte": [("2024-05-14T08:00:00", 40), ("2024-05-14T09:00:00", 41)],
    }


def test_influxdb_annotated_csv_with_two_tables(tmp_path):
    table = (
        "#group,false,false,true,true,false,false,true,true\n"
        "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string\n"
        "#default,_result,,,,,,,\n"
        ",result,table,_start,_stop,_time,_value,_field,_measurement\n"
    )
    text = (
        table
        + ",,0,2024-05-14T00:00:00Z,2024-05-15T00:00:00Z,2024-05-14T08:00:00Z,21.5,temperature,room\n"
        + ",,0,2024-05-14T00:00:00Z,2024-05-15T00:00:00Z,2024-05-14T09:00:00Z,21.7,temperature,room\n\n"
        + table
        + ",,1,2024-05-14T00:00:00Z,2024-05-15T00:00:00Z,2024-05-14T08:00:00Z,40,humidity,room\n"
    )
    result = load(write(tmp_path, "influx.csv", text))
    assert result.detected.layout is Layout.LONG and result.rows_rejected == 0
    assert streams(result) == {
        "temperature": [("2024-05-14T16:00:00", 21.5), ("2024-05-14T17:00:00", 21.7)],
        "humidity": [("2024-05-14T16:00:00", 40)],
    }


def test_header_row_option(tmp_path, capsysbinary):
    path = write(tmp_path, "h.csv", "param_id;t_id;v_id\nDatum;Wert;Menge\n2024-05-14 08:00;1;2\n")
    code, points, err = send(capsysbinary, path, "--source-tz", "UTC+8", "--header-row", "1", "--skip-rejected")
    assert "Datum" not in points and "t_id" in err
    code, points, _ = send(capsysbinary, path, "--source-tz", "UTC+8", "--header-row", "2")
    assert code == EXIT_OK and points == {"Wert": [("2024-05-14T08:00:00", 1)], "Menge": [("2024-05-14T08:00:00", 2)]}


# --- 4. delimiter and encoding -----------------------------------------------------------------


def test_a_semicolon_file_with_decimal_commas_and_a_junk_header_tail(tmp_path):
    rows = "".join(f"10/03/2004;{18 + i}.00.00;2,6;1360;150;11,9;-200;;\n" for i in range(5))
    text = "Date;Time;CO(GT);PT08.S1(CO);NMHC(GT);C6H6(GT);NOx(GT);;,,,,,\n" + rows
    result = load(write(tmp_path, "AirQualityUCI.csv", text), missing_markers=("-200",), date_order=DateOrder.DMY)
    assert result.detected.delimiter == ";"
    assert streams(result)["CO_GT"][0] == ("2004-03-10T18:00:00", 2.6)
    assert set(streams(result)) == {"CO_GT", "PT08.S1_CO", "NMHC_GT", "C6H6_GT"}  # NOx: only -200, no reading


def test_500_double_quotes_do_not_hang_detection(tmp_path):
    path = write(tmp_path, "quotes.csv", '"' * 500 + "\n" + "a,b\n" * 3)
    done = threading.Event()
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(import_file(path, ImportOptions(source_tz=SH, missing_time=MissingTime.NOW)))
        except Exception as exc:  # an ImportFailed with a reason is an answer too
            outcome.append(exc)
        done.set()

    threading.Thread(target=work, daemon=True).start()
    assert done.wait(60), "detection did not finish"
    assert outcome


def test_windows_1252_is_preferred_over_iso_8859_16():
    data = "time,product\n2024-05-14 08:30,Acme\u00ae sensor\n".encode("cp1252")
    assert western_over("iso8859_16", data) and not western_over("cp1250", data)
    assert detect_encoding(data, b"", None).codec == "cp1252"


# --- 5. layouts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["entity_id,state,last_changed", "_field,_value,_time", "sensor,value,time", "stream,value,at"],
)
def test_long_layout_from_headers(tmp_path, header):
    a, b, c = header.split(",")
    rows = {a: ["sensor.temp", "sensor.hum"], b: ["21.5", "40"], c: ["2024-05-14T08:00:00Z", "2024-05-14T08:00:00Z"]}
    text = header + "\n" + "".join(",".join(rows[h][i] for h in (a, b, c)) + "\n" for i in range(2))
    result = load(write(tmp_path, "l.csv", text))
    assert result.detected.layout is Layout.LONG
    assert streams(result) == {
        "sensor.temp": [("2024-05-14T16:00:00", 21.5)],
        "sensor.hum": [("2024-05-14T16:00:00", 40)],
    }


def test_a_json_array_of_row_records_is_read_as_wide(tmp_path):
    records = [
        {"date": "2009-06-01", "open": 28.7, "close": 28.96, "signal": "short"},
        {"date": "2009-06-02", "open": 30.04, "close": 30.85, "signal": "long"},
    ]
    result = load(write(tmp_path, "ohlc.json", json.dumps(records)), source_tz="UTC+8")
    assert result.detected.layout is Layout.WIDE
    assert streams(result) == {
        "open": [("2009-06-01T00:00:00", 28.7), ("2009-06-02T00:00:00", 30.04)],
        "close": [("2009-06-01T00:00:00", 28.96), ("2009-06-02T00:00:00", 30.85)],
        "signal": [("2009-06-01T00:00:00", "short"), ("2009-06-02T00:00:00", "long")],
    }


# --- 6. columns that are not readings ------------------------------------------------------------


def test_index_label_and_event_columns_are_proposed_as_not_imported(tmp_path):
    text = (
        "#,entry_id,Date Time,Temp,Site,Logged\n"
        "1,101,2024-05-14 08:00,21.5,Lab A,\n"
        "2,102,2024-05-14 09:00,21.7,Lab A,\n"
        "3,103,2024-05-14 10:00,,Lab A,Logged\n"
    )
    result = load(write(tmp_path, "x.csv", text))
    roles = {c.name: (c.role, c.note.args["why"].code if c.note else "") for c in result.detected.columns}
    assert list(streams(result)) == ["Temp"]
    assert roles["#"] == (Role.SKIP, "skip-index-named")
    assert roles["entry_id"] == (Role.SKIP, "skip-index-named")
    assert roles["Site"][1] == "skip-label-text" and roles["Logged"][1] == "skip-event"


def test_columns_exclude_and_stream_id_options(tmp_path, capsysbinary):
    path = write(tmp_path, "c.csv", "time,Temp °C,RH %,Battery V\n2024-05-14 08:00,21.5,40,3.6\n")
    base = ("--source-tz", "UTC+8")
    code, points, _ = send(capsysbinary, path, *base, "--columns", "Temp °C,3")
    assert code == EXIT_OK and set(points) == {"Temp_C", "RH"}
    code, points, _ = send(capsysbinary, path, *base, "--exclude", "4", "--stream-id", "Temp °C=temperature")
    assert code == EXIT_OK and set(points) == {"temperature", "RH"}
    code, _, err = send(capsysbinary, path, *base, "--exclude", "Pressure")
    assert code == EXIT_USAGE and "no column 'Pressure'" in err and "2: Temp °C" in err


# --- 7. never silently wrong -----------------------------------------------------------------------


def test_no_time_column_is_refused_unless_now_is_chosen(tmp_path, capsysbinary):
    path = write(tmp_path, "n.csv", "Date,temp\nJan 1st of 2000,21.5\nJan 2nd of 2000,21.7\n")
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_REJECTED and not points
    assert "no time column was understood" in err and "--missing-time now" in err and "--time-format" in err
    code, points, err = send(capsysbinary, path, "--missing-time", "now")
    assert len(points["temp"]) == 2
    # both stamped with the same now: the platform keeps one, so the send (and its dry run) stops for the warning
    assert code == EXIT_FAILED and "warning" in err


def test_times_far_off_and_in_the_future_are_warned_and_old_data_sets_are_not(tmp_path, capsysbinary):
    rows = "".join(f"1958-03-{d:02d},{315 + d / 10}\n" for d in range(1, 29))
    old = write(tmp_path, "co2.csv", "date,co2\n" + rows)
    assert not [p for p in load(old).problems]
    typo = write(tmp_path, "typo.csv", "date,co2\n" + rows + "2958-03-29,316\n")
    result = load(typo)
    far, future = result.warnings
    assert far.row is None and far.column == "date"
    assert "1 time far from the rest of the column (1958-03-02 00:00 to 1958-03-28 00:00" in far.reason
    assert "row 30." in far.reason and "1 time in the future: row 30." in future.reason
    assert result.time_warnings
    code, _, err = send(capsysbinary, typo, "--source-tz", "UTC+8")
    assert code == EXIT_FAILED and "far from the rest" in err  # a dry run shows, exiting as the send would
    code = main(["send", str(typo), "--device", "1", "--source-tz", "UTC+8"])
    assert code == EXIT_USAGE  # no api-key: checked first
    capsysbinary.readouterr()


def test_future_times_need_send_anyway(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.setenv(API_KEY_ENV, "KEY")
    future = datetime.now(UTC) + timedelta(days=3)
    path = write(tmp_path, "fut.csv", f"time,v\n{future:%Y-%m-%dT%H:%M:%SZ},1\n")
    code = main(["send", str(path), "--device", "1", "--endpoint", "http://127.0.0.1:9"])
    err = capsysbinary.readouterr().err.decode()
    assert code == EXIT_FAILED and "in the future" in err and "--send-anyway" in err


# --- 9. one detection core, every decision said --------------------------------------------------


def test_every_decision_is_said_with_how_it_was_reached(tmp_path, capsysbinary):
    path = write(tmp_path, "d.csv", '"Date Time, GMT+00:00";Temp\n201701010000;1,5\n201701010010;1,6\n')
    code, _, err = send(capsysbinary, path)
    assert code == EXIT_OK
    assert "delimiter: semicolon (100% of the data rows split into 2 cells)" in err
    assert (
        "time: column 'Date Time, GMT+00:00', format YYYYMMDD[HH[MM[SS]]] digits (every value is 12 digits that "
        "form a valid date, YYYYMMDDHHMM), zone UTC+00:00 (from the header 'Date Time, GMT+00:00')"
    ) in err


# --- 10. structure -------------------------------------------------------------------------------


def test_json_import_uses_only_public_names_of_the_table_modules():
    source = Path(__file__).resolve().parents[2] / "gui" / "data" / "importers" / "jsonfile.py"
    imported = [
        alias.name
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gui.data.importers")
        for alias in node.names
    ]
    assert imported and not [name for name in imported if name.startswith("_")]
