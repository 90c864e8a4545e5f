"""`--source-tz` is read by the one zone parser: offsets as the window reads them, bad zones exit 2 with the reason."""

from __future__ import annotations

import json

import pytest

from gui.app import main
from gui.cli_common import EXIT_OK, EXIT_USAGE


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("time,temperature\n2026-11-02 08:30,21.4\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("zone", "sent"),
    [
        ("UTC+8", "2026-11-02T08:30:00"),
        ("GMT-3", "2026-11-02T19:30:00"),
        ("+05:30", "2026-11-02T11:00:00"),
        ("asia/shanghai", "2026-11-02T08:30:00"),
        ("UTC", "2026-11-02T16:30:00"),
    ],
)
def test_source_tz_takes_names_and_offsets(capsysbinary, sheet, zone, sent):
    assert main(["send", str(sheet), "--dry-run", "--source-tz", zone]) == EXIT_OK
    out = capsysbinary.readouterr().out.decode()
    body = json.loads(out.split("\n\n", 1)[1].rsplit("\n", 2)[0])
    assert body["datastreams"][0]["datapoints"][0]["at"] == sent


@pytest.mark.parametrize(
    ("zone", "reason"),
    [
        ("Asia", "'Asia' is not a time zone yet: continue it, e.g. Asia/Aden"),  # main: IsADirectoryError, exit 1
        ("Europe/", "'Europe/' is not a time zone yet"),
        ("../etc", "'../etc' is not a time zone"),
        ("UTC+99", "'UTC+99' is not a time zone: an offset is at most 14 hours"),
        ("", "no time zone given"),
        ("CST", "'CST' is an abbreviation, not a time zone: several zones share one (CST is China's"),
    ],
)
@pytest.mark.parametrize("command", ["send", "verify"])
def test_a_source_tz_that_is_not_a_zone_exits_2_with_the_reason(capsys, sheet, command, zone, reason):
    extra = ["--dry-run"] if command == "send" else ["--device", "1"]
    with pytest.raises(SystemExit) as exited:
        main([command, str(sheet), *extra, "--source-tz", zone])
    assert exited.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"argument --source-tz: {reason}" in err and "Traceback" not in err
