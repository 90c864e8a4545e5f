"""The real-world corpus (tests/fixtures/realworld) through `onenet-uploader send FILE --dry-run`.

Every file is sent twice, as a user on a UTC+8 computer would: with no options, and with
the options a careful user gives (expected.json, written by answers.py with pandas, not by
the product). Each datastream sent is compared with the answer: its count, its earliest and
latest `at` in platform time and the values at those; the set of datastreams must be the
answer's exactly (a row index or logger-event column sent as a datastream fails). A file
that must be refused is compared by exit status and the words of the reason.

`send` runs in a child process with a time limit, so a file that hangs the importer fails
its own test instead of the run (forked from one that has imported the product: tests/forked.py).
"""

from __future__ import annotations

import ast
import json
import math
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ..forked import GuiCommand

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "realworld"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
MODES = ("no_options", "careful")
#: The computer the user runs `send` on: the product's users are in China.
COMPUTER_ZONE = "Asia/Shanghai"
#: Seconds one `send --dry-run` of a file of a few hundred rows may take before it counts as hung.
HUNG_AFTER_S = 60


def cases() -> Iterator[Any]:
    for name in sorted(EXPECTED):
        for mode in MODES:
            yield pytest.param(name, mode, id=f"{name}-{mode}")


def test_every_file_has_an_answer_and_every_answer_a_file():
    files = {p.name for p in CORPUS.iterdir() if p.suffix not in (".md", ".py") and p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 20


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


def sent_points(out: bytes) -> dict[str, list[tuple[str | None, Any]]]:
    """The datapoints of a dry run's request bodies, per datastream in order: (at or None, value) each."""
    points: dict[str, list[tuple[str | None, Any]]] = {}
    for body in request_bodies(out):
        for stream in body["datastreams"]:
            points.setdefault(stream["id"], []).extend((p.get("at"), p["value"]) for p in stream["datapoints"])
    return points


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


def computer() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "ONENET_API_KEY"} | {"TZ": COMPUTER_ZONE}


@pytest.fixture(scope="module")
def gui_command() -> Iterator[GuiCommand]:
    command = GuiCommand(computer())
    yield command
    command.close()


@pytest.fixture
def dry_run(gui_command: GuiCommand, tmp_path: Path) -> Callable[[str, list[str]], subprocess.CompletedProcess[bytes]]:
    def run(name: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
        command = ["send", str(CORPUS / name), "--dry-run", *args]
        try:
            return gui_command.run(command, computer(), tmp_path, HUNG_AFTER_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"send --dry-run {name} {' '.join(args)} gave no answer in {HUNG_AFTER_S} s")

    return run


@pytest.mark.parametrize(("name", "mode"), list(cases()))
def test_send_dry_run_gives_the_answer(name, mode, dry_run):
    answer = EXPECTED[name][mode]
    # Warnings (a time far off, equal `at`s) are the user's to weigh: the dry run exits 1 for them, as the send
    # would; what a reading of the file gives is checked as sent anyway.
    result = dry_run(name, answer["args"] + ([] if "refusal" in answer else ["--send-anyway"]))
    err = result.stderr.decode("utf-8", "replace")
    if "refusal" in answer:
        assert_refusal(result.returncode, err, answer["refusal"])
        return
    assert result.returncode == 0, f"exit {result.returncode}:\n{err[-4000:]}"
    assert_streams(summarise(by_label(sent_points(result.stdout), column_of_stream(err))), answer["streams"])


def header_zone_files() -> list[str]:
    return [n for n in sorted(EXPECTED) if EXPECTED[n]["zone"]["known_from"].startswith("the header of the time")]


def without_source_tz(args: list[str]) -> list[str]:
    out, skip = [], False
    for arg in args:
        if skip or arg == "--source-tz":
            skip = not skip
            continue
        out.append(arg)
    return out


@pytest.mark.parametrize("name", header_zone_files())
def test_a_zone_given_by_hand_does_not_override_the_headers(name, dry_run):
    """The header states the zone (`Date Time, GMT+00:00`, `Timestamp(UTC)`): `--source-tz` with another zone
    (the computer's, as the refusal of zone-less files teaches) changes no time, and stderr says why."""
    answer = EXPECTED[name]["careful"]
    result = dry_run(name, [*without_source_tz(answer["args"]), "--source-tz", COMPUTER_ZONE, "--send-anyway"])
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, f"exit {result.returncode}:\n{err[-4000:]}"
    assert_streams(summarise(by_label(sent_points(result.stdout), column_of_stream(err))), answer["streams"])
    assert f"--source-tz {COMPUTER_ZONE} applies only to times without a zone" in err, err
