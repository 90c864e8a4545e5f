"""Headless commands over the same core as the window (no Qt is imported here)."""

from __future__ import annotations

import argparse
from typing import Any

from gui.onenet import sandbox


def add_commands(subparsers: Any) -> None:
    """Register `sandbox` (and later commands) on the app's argument parser.

    Each command sets `run(args) -> int` as its default, the exit status.
    """
    sandbox_parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help="run a local OneNET-compatible server in the foreground",
        description="Run a local OneNET-compatible server (on 127.0.0.1 unless --host says otherwise), "
        "logging each request.",
    )
    sandbox.add_arguments(sandbox_parser)
    sandbox_parser.set_defaults(run=sandbox.run)
