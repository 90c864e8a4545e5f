"""`send --dry-run` run in the test's process, as a user runs it: what it would send, read from what it prints."""

from __future__ import annotations

import json
from pathlib import Path

from gui.app import main

Point = tuple[str | None, object]  # (at or None, value) as printed


def dry_run(capsysbinary, path: Path, *extra: str) -> tuple[int, dict[str, list[Point]], str]:
    """`send PATH --dry-run EXTRA…`: (exit status, {datastream: [(at or None, value)]} of every body printed in
    order, stderr)."""
    code, printed, err = _printed(capsysbinary, path, extra)
    streams: dict[str, list[Point]] = {}
    for stream_id, point in printed:
        streams.setdefault(stream_id, []).append(point)
    return code, streams, err


def dry_run_points(capsysbinary, path: Path, *extra: str) -> tuple[int, list[Point], str]:
    """`dry_run`, with every datapoint printed in one list, in order, whatever its datastream."""
    code, printed, err = _printed(capsysbinary, path, extra)
    return code, [point for _, point in printed], err


def _printed(capsysbinary, path: Path, extra: tuple[str, ...]) -> tuple[int, list[tuple[str, Point]], str]:
    code = main(["send", str(path), "--dry-run", *extra])
    captured = capsysbinary.readouterr()
    printed = [
        (stream["id"], (p.get("at"), p["value"]))
        for line in captured.out.decode().splitlines()
        if line.startswith("{")
        for stream in json.loads(line)["datastreams"]
        for p in stream["datapoints"]
    ]
    return code, printed, captured.err.decode()
