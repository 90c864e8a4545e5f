"""Times whose zone the file does not state are a question, never a guess: the import core says so, `send`
and `verify FILE` refuse without `--source-tz` (exit 2), and `--na` takes markers that start with `-`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.app import main
from gui.cli import join_dash_values
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE
from gui.data.importers import ZONE_IN_TIMES, ZONE_UNSTATED, ImportOptions, MissingTime, import_file


@pytest.fixture(autouse=True)
def berlin_computer(monkeypatch):
    """A computer in Berlin (UTC+1 in November): its zone differs from the platform's, UTC+8."""
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    monkeypatch.setenv("TZ", "Europe/Berlin")


def write(tmp_path: Path, text: str, name: str = "readings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def send(capsysbinary, path: Path, *extra: str) -> tuple[int, dict[str, list], str]:
    """`send PATH --dry-run …`: (exit, {stream: [(at, value)]} of the printed bodies, stderr)."""
    code = main(["send", str(path), "--dry-run", *extra])
    captured = capsysbinary.readouterr()
    points: dict[str, list] = {}
    out = captured.out
    if out:
        body = out.split(b"\n\n", 1)[1].rsplit(b"\n", 2)[0]
        for stream in json.loads(body)["datastreams"]:
            points[stream["id"]] = [(p.get("at"), p["value"]) for p in stream["datapoints"]]
    return code, points, captured.err.decode()


# --- the import core ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unstated", "reason"),
    [
        ("time,temp\n2026-11-02 08:30,21.4\n", ("time",), ZONE_UNSTATED),
        ("Datum,Zeit,temp\n02.11.2026,08:30,21.4\n", ("Datum", "Zeit"), ZONE_UNSTATED),
        ("year,month,day,hour,temp\n2026,11,2,8,21.4\n2026,11,2,9,21.5\n", ("year", "month", "day", "hour"), None),
        ("time,temp\n2026-11-02T08:30:00+01:00,21.4\n", (), ZONE_IN_TIMES),
        ("time,temp\n2026-11-02T07:30:00Z,21.4\n", (), ZONE_IN_TIMES),
        ("time,temp\n2026-11-02 07:30:00 UTC,21.4\n", (), ZONE_IN_TIMES),
        ("time,temp\n1793604600,21.4\n", (), ZONE_IN_TIMES),
        ("time (UTC),temp\n2026-11-02 07:30,21.4\n", (), "from the header 'time (UTC)'"),
    ],
)
def test_the_core_says_which_times_state_no_zone(tmp_path, text, unstated, reason):
    result = import_file(write(tmp_path, text), ImportOptions(source_tz="Europe/Berlin"))
    assert result.zone_unstated == unstated
    if reason is not None:
        assert result.detected.zone_reason == reason
    assert not result.needs_answer  # not a question of the core: the dialog confirms, `send` refuses
    assert len(result) > 0


def test_a_chosen_zone_is_never_unstated(tmp_path):
    path = write(tmp_path, "time,temp\n2026-11-02 08:30,21.4\n")
    result = import_file(path, ImportOptions(source_tz="Europe/Berlin", zone_from_file=False))
    assert result.zone_unstated == () and result.detected.zone_reason == "chosen"


def test_rows_without_a_time_are_not_asked_a_zone(tmp_path):
    path = write(tmp_path, "temp\n21.4\n")
    result = import_file(path, ImportOptions(source_tz="Europe/Berlin", missing_time=MissingTime.PLATFORM))
    assert result.zone_unstated == () and len(result) == 1
    assert result.detected.zone_reason != ZONE_IN_TIMES  # no times: none states a zone


@pytest.mark.parametrize(
    ("at", "unstated"), [("2026-11-02 08:30", ("at",)), ("2026-11-02T07:30:00Z", ()), (1793604600, ())]
)
def test_json_records_follow_the_same_rule(tmp_path, at, unstated):
    path = write(tmp_path, json.dumps([{"stream": "temp", "at": at, "value": 21.4}]), "records.json")
    assert import_file(path, ImportOptions(source_tz="Europe/Berlin")).zone_unstated == unstated


# --- send and verify --------------------------------------------------------------------------


def test_send_asks_for_the_zone_of_times_that_state_none(capsysbinary, tmp_path):
    path = write(tmp_path, "time,temp\n2026-11-02 08:30,21.4\n")
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_USAGE and points == {}  # a dry run too: it shows what would be sent
    assert "column 'time'" in err
    assert "do not say which time zone they are in" in err
    assert "--source-tz ZONE" in err
    assert "--source-tz Europe/Berlin (this computer's zone" in err and "--source-tz local" in err


def test_source_tz_answers_it_and_local_means_this_computers_zone(capsysbinary, tmp_path):
    path = write(tmp_path, "time,temp\n2026-11-02 08:30,21.4\n")
    # 08:30 in Berlin (UTC+1) is 07:30 UTC, 15:30 platform time (UTC+8).
    for zone in ("local", "Europe/Berlin"):
        code, points, err = send(capsysbinary, path, "--source-tz", zone)
        assert code == EXIT_OK, err
        assert points == {"temp": [("2026-11-02T15:30:00", 21.4)]}
        assert "zone Europe/Berlin (chosen)" in err
    code, points, err = send(capsysbinary, path, "--source-tz", "UTC")
    assert code == EXIT_OK and points == {"temp": [("2026-11-02T16:30:00", 21.4)]}


@pytest.mark.parametrize(
    ("time_header", "cell"),
    [
        ("time", "2026-11-02T08:30:00+01:00"),
        ("time", "2026-11-02T07:30:00Z"),
        ("time", "2026-11-02 07:30:00 UTC"),
        ("time", "1793604600"),
        ("time (UTC)", "2026-11-02 07:30"),
        ("Date Time, GMT+00:00", "2026-11-02 07:30"),
    ],
)
def test_times_that_state_their_zone_need_no_source_tz(capsysbinary, tmp_path, time_header, cell):
    path = write(tmp_path, f'"{time_header}",temp\n{cell},21.4\n')
    code, points, err = send(capsysbinary, path)
    assert code == EXIT_OK, err
    assert points == {"temp": [("2026-11-02T15:30:00", 21.4)]}


def test_rows_without_a_time_follow_missing_time_not_the_zone_rule(capsysbinary, tmp_path):
    code, points, err = send(capsysbinary, write(tmp_path, "temp\n21.4\n"), "--missing-time", "platform")
    assert code == EXIT_OK, err
    assert points == {"temp": [(None, 21.4)]}


def test_verify_a_file_asks_the_same_question(capsys, tmp_path):
    path = write(tmp_path, "time,temp\n2026-11-02 08:30,21.4\n")
    # Refused before anything is read back: the endpoint is never contacted.
    code = main(["verify", str(path), "--device", "4093215", "--endpoint", "http://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert "column 'time'" in err and "do not say which time zone" in err and "--source-tz ZONE" in err


# --- --na with a marker that starts with "-" ---------------------------------------------------


def test_na_takes_a_marker_that_starts_with_a_dash(capsysbinary, tmp_path):
    path = write(tmp_path, "time,temp,state\n2026-11-02 08:30,21.4,---\n2026-11-02 09:30,21.5,open\n")
    sent = []
    for marker in (["--na", "---"], ["--na=---"]):
        code, points, err = send(capsysbinary, path, "--source-tz", "UTC+8", *marker)
        assert code == EXIT_OK, err
        sent.append(points)
    assert sent[0] == sent[1]
    assert sent[0]["state"] == [("2026-11-02T09:30:00", "open")]  # `---` is no reading, not the text "---"


def test_only_values_after_na_are_joined_and_never_an_option_or_after_a_bare_double_dash():
    assert join_dash_values(["send", "f.csv", "--na", "---", "--na", "-", "--na", "-200"]) == [
        "send",
        "f.csv",
        "--na=---",
        "--na=-",
        "--na=-200",
    ]
    # An option after --na stays an option (argparse then says --na needs a value).
    assert join_dash_values(["--na", "--dry-run"]) == ["--na", "--dry-run"]
    assert join_dash_values(["--na", "-v"]) == ["--na", "-v"]
    assert join_dash_values(["--source-tz", "-08:00"]) == ["--source-tz", "-08:00"]
    assert join_dash_values(["--", "--na", "---"]) == ["--", "--na", "---"]
