"""`send --dry-run` run in the test's process, as a user runs it: what it would send, read from what it prints."""

from __future__ import annotations

import json
from pathlib import Path

from gui.app import main


def dry_run(capsysbinary, path: Path, *extra: str) -> tuple[int, dict[str, list[tuple[str | None, object]]], str]:
    """`send PATH --dry-run EXTRA…`: (exit status, {datastream: [(at or None, value)]} of every body printed in
    order, stderr)."""
    code = main(["send", str(path), "--dry-run", *extra])
    captured = capsysbinary.readouterr()
    streams: dict[str, list[tuple[str | None, object]]] = {}
    for line in captured.out.decode().splitlines():
        if line.startswith("{"):
            for stream in json.loads(line)["datastreams"]:
                streams.setdefault(stream["id"], []).extend((p.get("at"), p["value"]) for p in stream["datapoints"])
    return code, streams, captured.err.decode()
