"""`onenet-uploader send FILE --dry-run`: every fixture file, the README's answers, exit statuses, the api-key rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)


def dry_run(capsysbinary, name: str | Path, *extra: str) -> tuple[int, list[str], bytes, str, str]:
    """Run `send FILE --dry-run`; (exit, header lines, body bytes, summary line, stderr)."""
    path = name if isinstance(name, Path) else FIXTURES / name
    code = main(["send", str(path), "--dry-run", "--source-tz", "Asia/Shanghai", *extra])
    captured = capsysbinary.readouterr()
    out, err = captured.out, captured.err.decode()
    if not out:
        return code, [], b"", "", err
    head, rest = out.split(b"\n\n", 1)
    body, summary = rest.rstrip(b"\n").rsplit(b"\n", 1)
    return code, head.decode().split("\n"), body, summary.decode(), err


def datapoints(body: bytes) -> dict[str, list[tuple[str | None, object]]]:
    return {s["id"]: [(p.get("at"), p["value"]) for p in s["datapoints"]] for s in json.loads(body)["datastreams"]}


def test_dry_run_prints_an_http_message_with_the_key_masked(capsysbinary, monkeypatch):
    monkeypatch.setenv(API_KEY_ENV, "SECRET-KEY-123")
    code, head, body, summary, err = dry_run(capsysbinary, "lab_readings_wide.csv", "--device", "4093215")
    assert code == EXIT_OK
    assert head[0] == "POST /devices/4093215/datapoints HTTP/1.1"
    assert head[1] == "Host: api.heclouds.com"
    assert "api-key: ***" in head
    assert "Content-Type: application/json" in head
    assert f"Content-Length: {len(body)}" in head
    assert summary == f"dry run: 18 datapoints in 1 request, {len(body)} bytes of body; nothing sent"
    assert b"SECRET-KEY-123" not in body and "SECRET-KEY-123" not in "\n".join(head) + err


def test_dry_run_wide_case(capsysbinary):
    code, head, body, summary, err = dry_run(capsysbinary, "lab_readings_wide.csv")
    got = datapoints(body)
    assert code == EXIT_OK and summary.startswith("dry run: 18 datapoints")
    assert head[0] == "POST /devices/DEVICE_ID/datapoints HTTP/1.1"
    assert {k: len(v) for k, v in got.items()} == {"temperature": 5, "humidity": 5, "ph": 4, "note": 4}
    assert [v for _, v in got["ph"]] == [7.02, 7.05, 7.01, 6.98]
    assert got["temperature"][0] == ("2026-11-02T08:30:00", 21.4)
    assert "" not in [v for _, v in got["note"]]
    assert "layout: wide" in err


def test_dry_run_wide_case_in_berlin(capsysbinary):
    code = main(["send", str(FIXTURES / "lab_readings_wide.csv"), "--dry-run", "--source-tz", "Europe/Berlin"])
    out = capsysbinary.readouterr().out
    body = out.split(b"\n\n", 1)[1].split(b"\n", 1)[0]
    assert code == EXIT_OK
    assert datapoints(body)["temperature"][0][0] == "2026-11-02T15:30:00"


def test_dry_run_long_case(capsysbinary):
    code, _, body, summary, _ = dry_run(capsysbinary, "lab_readings_long.csv")
    got = datapoints(body)
    assert code == EXIT_OK and summary.startswith("dry run: 5 datapoints in 1 request")
    assert got["temperature"] == [("2026-11-03T09:00:00", 20.9), ("2026-11-03T09:15:00", 21.3)]
    assert got["pressure"] == [("2026-11-03T09:00:00", 1013.2)]
    assert got["status"] == [("2026-11-03T09:00:00", "OK")]
    assert got["vector"] == [("2026-11-03T09:00:00", {"x": 1.5, "y": -0.25})]
    assert b'"value":{"x":1.5,"y":-0.25}' in body  # an object, not a string


def test_dry_run_gbk_case(capsysbinary):
    code, _, body, _, err = dry_run(capsysbinary, "lab_readings_gbk.csv")
    got = datapoints(body)
    assert code == EXIT_OK
    assert "encoding: GBK/GB18030 (detected)" in err
    assert "column '温度(℃)' -> datastream '温度'" in err
    assert got["温度"] == [("2026-11-04T09:00:00", 18.5), ("2026-11-04T13:00:00", 20.25), ("2026-11-04T17:00:00", 19.0)]
    assert b'"value":20.25' in body
    assert [v for _, v in got["备注"]] == ["早班", "晚班 交接"]


def test_dry_run_type3_body(capsysbinary):
    code, head, body, summary, _ = dry_run(capsysbinary, "doc_example_type3.json")
    assert code == EXIT_OK and head[0].endswith("/datapoints HTTP/1.1") and "2 datapoints" in summary
    assert datapoints(body) == {"temperature": [(None, 22.5)], "humidity": [(None, "95.2%")]}


def test_dry_run_type4_body(capsysbinary):
    code, _, body, _, _ = dry_run(capsysbinary, "doc_example_type4.json")
    assert code == EXIT_OK
    assert datapoints(body) == {"temperature": [("2015-03-22T22:31:12", 22.5)]}


def test_dry_run_type5_text(capsysbinary):
    code, _, body, _, _ = dry_run(capsysbinary, "doc_example_type5.txt")
    assert code == EXIT_OK
    assert datapoints(body) == {
        "temperature": [("2015-03-22T22:31:12", 22.5)],
        "1": [(None, 102)],
        "pm2.5": [(None, 89)],
        "3": [(None, 10)],
    }


def test_dry_run_seed_body_is_the_seed(capsysbinary):
    code, _, body, _, err = dry_run(capsysbinary, "seed_example_type1.json")
    seed = json.loads((FIXTURES / "seed_example_type1.json").read_text())
    assert code == EXIT_FAILED  # the warning stops the send without --send-anyway, so the dry run says so too
    assert body == json.dumps(seed, separators=(",", ":")).encode()
    assert "warning: datastream 'key'" in err and "23.001" in err  # the platform keeps only the last


def test_sending_needs_the_key_from_the_environment(capsysbinary):
    code = main(["send", str(FIXTURES / "lab_readings_wide.csv"), "--device", "4093215"])
    err = capsysbinary.readouterr().err.decode()
    assert code == EXIT_USAGE
    assert f"set the environment variable {API_KEY_ENV}" in err


def test_the_key_cannot_be_given_on_the_command_line(capsysbinary):
    with pytest.raises(SystemExit) as exit_info:
        main(["send", str(FIXTURES / "lab_readings_wide.csv"), "--api-key", "X"])
    assert exit_info.value.code == 2


def test_rejected_rows_make_the_exit_status_non_zero_unless_skipped(capsysbinary, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("time,co\n2026-11-02 08:30,1.5\n2026-11-02 09:30,offline\n2026-11-02 10:30,2\n")
    code, _, body, _, err = dry_run(capsysbinary, path)
    assert code == EXIT_REJECTED
    assert "rejected: row 3, co: 'offline' is not a number" in err
    assert datapoints(body) == {"co": [("2026-11-02T08:30:00", 1.5), ("2026-11-02T10:30:00", 2)]}
    code, _, _, _, _ = dry_run(capsysbinary, path, "--skip-rejected")
    assert code == EXIT_OK
    code, _, body, _, _ = dry_run(capsysbinary, path, "--na", "offline")
    assert code == EXIT_OK and datapoints(body) == {"co": [("2026-11-02T08:30:00", 1.5), ("2026-11-02T10:30:00", 2)]}


def test_a_dry_run_exits_as_the_send_would_for_warnings(capsysbinary, tmp_path, monkeypatch):
    path = tmp_path / "dups.csv"  # the tester's f11_dups.csv: two datapoints at one `at`, the platform keeps one
    path.write_text("time,t\n2026-08-01 10:00:00,1\n2026-08-01 10:00:00,2\n2026-08-01 10:00:01,3\n")
    code, _, _, _, err = dry_run(capsysbinary, path)
    assert code == EXIT_FAILED and "warning" in err  # was 0, while the send itself stops with 1
    monkeypatch.setenv(API_KEY_ENV, "a-key-of-some-length")
    code = main(
        ["send", str(path), "--source-tz", "Asia/Shanghai", "--endpoint", "http://127.0.0.1:9", "--device", "1"]
    )
    capsysbinary.readouterr()
    assert code == EXIT_FAILED  # the send it stands for: refused before anything is sent
    code, _, _, _, _ = dry_run(capsysbinary, path, "--send-anyway")
    assert code == EXIT_OK


def test_a_question_is_an_error_with_the_option_to_answer_it(capsysbinary, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("date,v\n04/11/2026 09:00,1\n")
    code, _, _, _, err = dry_run(capsysbinary, path)
    assert code == EXIT_USAGE and "--date-order dmy or mdy" in err
    assert "format day/month/year or month/day/year" in err  # never one order stated, then asked for
    assert "format day/month/year (" not in err and "format month/day/year (" not in err
    code, _, body, _, _ = dry_run(capsysbinary, path, "--date-order", "mdy")
    assert code == EXIT_OK and datapoints(body) == {"v": [("2026-04-11T09:00:00", 1)]}


def test_an_ambiguous_header_zone_is_said_to_be_unknown(capsysbinary, tmp_path):
    path = tmp_path / "cst.csv"
    path.write_text('"Time (CST)",v\n2026-11-02 00:30:00,1\n')
    code = main(["send", str(path), "--dry-run"])
    err = capsysbinary.readouterr().err.decode()
    assert code == EXIT_USAGE and "zone  ()" not in err
    assert "zone unknown: the header 'Time (CST)' says CST" in err
    assert "source time zone: unknown" in err and "--source-tz" in err


@pytest.mark.parametrize("header", ["Date Time, GMT+00:00", "Timestamp(UTC)"])
def test_source_tz_does_not_override_the_zone_a_header_states_and_says_so(capsysbinary, tmp_path, header):
    path = tmp_path / "hdr.csv"
    path.write_text(f'"{header}",v\n2026-11-02 00:30:00,1\n')
    code, _, body, _, err = dry_run(capsysbinary, path)  # with --source-tz Asia/Shanghai
    assert code == EXIT_OK and datapoints(body) == {"v": [("2026-11-02T08:30:00", 1)]}  # 00:30 UTC, not Shanghai
    stated = "GMT+00:00" if "GMT" in header else "UTC"
    assert f"column {header!r} states {stated}; --source-tz Asia/Shanghai applies only to times without a zone" in err
    code = main(["send", str(path), "--dry-run", "--source-tz", "UTC"])
    assert code == EXIT_OK and "applies only to" not in capsysbinary.readouterr().err.decode()  # the same zone


def test_a_file_that_cannot_be_read(capsysbinary, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    code, _, _, _, err = dry_run(capsysbinary, path)
    assert code == EXIT_USAGE and "The file is empty" in err


def test_problems_are_listed_in_row_order_and_a_folder_is_named_as_one(capsysbinary, tmp_path):
    path = tmp_path / "r.csv"
    lines = ["time,a,b", "2026-11-02 08:30,1,1", "2026-11-02 09:30,2,2,2", "2026-11-02 10:30,3,x"]
    lines += ["2026-11-02 11:30,4,4", "2026-11-02 12:30,y,5", "2026-11-02 13:30,6,6", "2026-11-02 14:30,7"]
    path.write_text("\n".join(lines))  # too long, not a number, cut short (the last line): found in different passes
    _, _, _, _, err = dry_run(capsysbinary, path)
    rows = [int(re.match(r"\s*rejected: row (\d+)", line)[1]) for line in err.splitlines() if "rejected: row" in line]
    assert rows == sorted(rows) and len(rows) == 4, err
    code, _, _, _, err = dry_run(capsysbinary, tmp_path)
    assert code == EXIT_USAGE
    assert "is a folder: give one file of readings in it" in err


def test_a_body_without_at_and_rows_without_a_time_refused_is_rejected_with_its_streams_counted(capsysbinary, tmp_path):
    """A type-3 body has no `at`; with --missing-time refuse every row is rejected, each stream counted 0 (it was
    an IndexError traceback: a stream seen only in refused rows had no count)."""
    body = tmp_path / "type3.json"
    body.write_text('{"temperature": 21.5, "humidity": 40}', encoding="utf-8")
    code, _, _, _, err = dry_run(capsysbinary, body, "--missing-time", "refuse")
    assert code == EXIT_REJECTED
    assert "0 datapoints from 2 rows (temperature (0), humidity (0)); 2 rows rejected" in err
    assert "Traceback" not in err
