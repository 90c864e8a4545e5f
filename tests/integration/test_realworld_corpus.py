"""The real-world corpus (tests/fixtures/realworld) through `onenet-uploader send FILE --dry-run`.

Every file is sent twice, as a user on a UTC+8 computer would: with no options, and with
the options a careful user gives (expected.json, written by answers.py with pandas, not by
the product). Each datastream sent is compared with the answer: its count, its earliest and
latest `at` in platform time and the values at those; the set of datastreams must be the
answer's exactly (a row index or logger-event column sent as a datastream fails). A file
that must be refused is compared by exit status and the words of the reason.

`send` runs in a child process with a time limit, so a file that hangs the importer fails
its own test instead of the run.
"""

from __future__ import annotations

import ast
import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "realworld"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
MODES = ("no_options", "careful")
#: The computer the user runs `send` on: the product's users are in China.
COMPUTER_ZONE = "Asia/Shanghai"
#: Seconds one `send --dry-run` of a file of a few hundred rows may take before it counts as hung.
HUNG_AFTER_S = 60

#: The answers refuse a file that does not state its zone (exit 2, --source-tz); the importers branch reads it
#: in the computer's zone, as the README documents and issue 10 item 2 says ("zones stated in the file win over
#: the computer's zone"). To be settled by the lead; the careful answers, which name the zone, pass.
ZONE_POLICY = "the computer's zone is used where the file states none (the answer asks for --source-tz)"
#: China kept summer time from 1986 to 1991: 1987-07-01 00:00 in Asia/Shanghai is UTC+9, 1987-06-30T23:00 in
#: platform time (UTC+8). The answer assumes UTC+8 all year; `--source-tz UTC+8` would give it.
SHANGHAI_1987 = "the answer takes Asia/Shanghai as UTC+8 in July 1987 (it was UTC+9, summer time)"
#: (file, mode) -> why it fails on this branch. Delete an entry when a change makes it pass: the
#: marks are strict, so a pass that is still listed fails the run.
FAILS_TODAY: dict[tuple[str, str], str] = {
    ("dwd_10min_solar_produkt_zehn_now_sd_01766.txt", "no_options"): ZONE_POLICY,
    ("dwd_hourly_precip_produkt_rr_stunde_00020.txt", "no_options"): ZONE_POLICY,
    ("lo_de_DE_cp1252.csv", "no_options"): ZONE_POLICY,
    ("lo_de_DE_datum_zeit.xlsx", "no_options"): ZONE_POLICY,
    ("lo_en_US_cp1252.csv", "no_options"): ZONE_POLICY,
    ("lo_en_US_utf16_tab.txt", "no_options"): ZONE_POLICY,
    ("lo_zh_CN_chinese_dates.xlsx", "no_options"): ZONE_POLICY,
    ("lo_zh_CN_gb18030.csv", "no_options"): ZONE_POLICY,
    ("prsa_beijing_split_time.csv", "no_options"): ZONE_POLICY,
    ("statsmodels_co2_weekly.csv", "no_options"): ZONE_POLICY,
    ("statsmodels_danish_quarterly.csv", "no_options"): ZONE_POLICY,
    ("statsmodels_elec_equip_monthly.csv", "no_options"): ZONE_POLICY,
    ("uci_air_quality_semicolon.csv", "no_options"): ZONE_POLICY,
    ("vega_ohlc_records.json", "no_options"): ZONE_POLICY,
    ("vega_seattle_weather_daily.csv", "no_options"): ZONE_POLICY,
    ("vega_stocks_long.csv", "no_options"): ZONE_POLICY,
    ("statsmodels_danish_quarterly.csv", "careful"): SHANGHAI_1987,
}


def cases() -> Iterator[Any]:
    for name in sorted(EXPECTED):
        for mode in MODES:
            why = FAILS_TODAY.get((name, mode))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(name, mode, marks=marks, id=f"{name}-{mode}")


def test_every_file_has_an_answer_and_every_answer_a_file():
    files = {p.name for p in CORPUS.iterdir() if p.suffix not in (".md", ".py") and p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 20


def test_the_failure_list_names_only_real_cases():
    assert set(FAILS_TODAY) <= {(name, mode) for name in EXPECTED for mode in MODES}


# --- reading what `send --dry-run` printed ----------------------------------------------------


def request_bodies(out: bytes) -> list[dict[str, Any]]:
    """The JSON bodies of the HTTP messages a dry run printed, in order."""
    bodies = []
    for head in re.finditer(rb"POST [^\n]*\n((?:[^\n]+\n)*)\n", out):
        length = re.search(rb"(?im)^Content-Length: (\d+)$", head.group(1))
        assert length, head.group(0)
        start = head.end()
        bodies.append(json.loads(out[start : start + int(length.group(1))]))
    return bodies


def column_of_stream(err: str) -> dict[str, str]:
    """Datastream id -> the column it was read from, from the lines `column 'X' -> datastream 'Y'`."""
    quoted = r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    return {
        ast.literal_eval(m.group(2)): ast.literal_eval(m.group(1))
        for m in re.finditer(rf"column {quoted} -> datastream {quoted}", err)
    }


def summarise(points: dict[str, list[tuple[str | None, Any]]]) -> dict[str, dict[str, Any]]:
    """Per stream: count, earliest and latest at, and the values there (the shape of expected.json)."""
    out = {}
    for stream, pairs in points.items():
        assert all(at is not None for at, _ in pairs), f"{stream}: datapoints without at"
        ordered = sorted(pairs, key=lambda p: str(p[0]))
        out[stream] = {
            "count": len(pairs),
            "first_at": ordered[0][0],
            "last_at": ordered[-1][0],
            "first_value": ordered[0][1],
            "last_value": ordered[-1][1],
        }
    return out


def by_label(points: dict[str, list[Any]], labels: dict[str, str]) -> dict[str, list[Any]]:
    """Key each stream by the column it came from (wide files) or by its own id (long files)."""
    out: dict[str, list[Any]] = {}
    for stream, pairs in points.items():
        out.setdefault(labels.get(stream, stream), []).extend(pairs)
    return out


def same_value(got: Any, want: Any) -> bool:
    if isinstance(want, str) or isinstance(got, str):
        return got == want
    return isinstance(got, int | float) and math.isclose(got, want, rel_tol=1e-12, abs_tol=0.0)


def assert_streams(got: dict[str, dict[str, Any]], want: dict[str, dict[str, Any]]) -> None:
    """The same datastreams, each with the same count, first/last at and first/last value."""
    extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
    assert not extra and not missing, f"datastreams differ: not expected {extra}, missing {missing}"
    wrong = []
    for label, answer in want.items():
        mine = got[label]
        for key in ("count", "first_at", "last_at"):
            if mine[key] != answer[key]:
                wrong.append(f"{label}: {key} {mine[key]!r}, expected {answer[key]!r}")
        for key in ("first_value", "last_value"):
            if not same_value(mine[key], answer[key]):
                wrong.append(f"{label}: {key} {mine[key]!r}, expected {answer[key]!r}")
    assert not wrong, "\n".join(wrong)


def assert_refusal(code: int, message: str, refusal: dict[str, Any]) -> None:
    exits = refusal["exit"] if isinstance(refusal["exit"], list) else [refusal["exit"]]
    assert code in exits, f"exit {code}, expected {exits}:\n{message}"
    missing = [w for w in refusal["words"] if w.lower() not in message.lower()]
    assert not missing, f"the reason does not say {missing}:\n{message}"


# --- the tests ------------------------------------------------------------------------------------


def dry_run(name: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "ONENET_API_KEY"} | {"TZ": COMPUTER_ZONE}
    command = [sys.executable, "-m", "gui", "send", str(CORPUS / name), "--dry-run", *args]
    try:
        return subprocess.run(command, env=env, capture_output=True, timeout=HUNG_AFTER_S, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"send --dry-run {name} {' '.join(args)} gave no answer in {HUNG_AFTER_S} s")


@pytest.mark.parametrize(("name", "mode"), list(cases()))
def test_send_dry_run_gives_the_answer(name, mode):
    answer = EXPECTED[name][mode]
    result = dry_run(name, answer["args"])
    err = result.stderr.decode("utf-8", "replace")
    if "refusal" in answer:
        assert_refusal(result.returncode, err, answer["refusal"])
        return
    assert result.returncode == 0, f"exit {result.returncode}:\n{err[-4000:]}"
    points: dict[str, list[tuple[str | None, Any]]] = {}
    for body in request_bodies(result.stdout):
        for stream in body["datastreams"]:
            points.setdefault(stream["id"], []).extend((p.get("at"), p["value"]) for p in stream["datapoints"])
    assert_streams(summarise(by_label(points, column_of_stream(err))), answer["streams"])
