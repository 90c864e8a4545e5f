"""Headless commands over the same core as the window (no Qt is imported here).

This module builds the commands into the app's argument parser (`add_commands`); each command is a module of
its own: `gui.cli_send`, `gui.cli_outbox`, `gui.cli_verify`, `gui.cli_simulate`, `gui.cli_token`,
`gui.cli_profiles`, and `gui.sandbox.cli`. What they share is in `gui.cli_common` (exit statuses, output) and
`gui.cli_import` (reading a file of readings).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from gui.cli_outbox import add_outbox_commands
from gui.cli_profiles import add_profile_command
from gui.cli_send import add_send_command
from gui.cli_simulate import add_simulate_command
from gui.cli_token import add_token_command
from gui.cli_verify import add_verify_command
from gui.i18n import render
from gui.sandbox import cli as sandbox_cli
from gui.text import QT_TRANSLATE_NOOP

#: The outbox database cannot be used as it is (every command): damaged (moved aside and
#: salvaged), gone or emptied since it held data, disk full, read-only. The message says which.
EXIT_STORAGE = 4


def add_commands(subparsers: Any) -> None:
    """Register `sandbox`, `outbox`, `verify`, `simulate`, `token`, `profile` and `send` on the app's argument parser.

    Each command sets `run(args) -> int` as its default, the exit status.
    """
    sandbox_parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help=QT_TRANSLATE_NOOP("cli", "run a local OneNET-compatible server in the foreground"),
        description=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Run a local OneNET-compatible server (on 127.0.0.1 unless --host says otherwise), "
                "logging each request.",
            )
        ),
    )
    sandbox_cli.add_arguments(sandbox_parser)
    sandbox_parser.set_defaults(run=lambda args: sandbox_cli.run(args, render=render))  # its lines translated
    add_outbox_commands(subparsers)
    add_verify_command(subparsers)
    add_simulate_command(subparsers)
    add_token_command(subparsers)
    add_profile_command(subparsers)
    add_send_command(subparsers)


#: Options whose value may start with `-` (`--na ---`, `--na -`): argparse takes such a value for an option.
DASH_VALUE_OPTIONS = ("--na",)


def join_dash_values(argv: Sequence[str]) -> list[str]:
    """`argv` with `--na VALUE` written `--na=VALUE` where VALUE starts with `-` and is not an option.

    argparse reads `---` (or `-`, `--x`) after `--na` as an option, not as the
    marker; `--na=---` always works, and this makes `--na ---` work too. A
    value that looks like an option (`-v`, `--dry-run`) is left alone, so a
    forgotten marker is still reported; nothing after a bare `--` is touched.
    """
    out: list[str] = []
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--":
            out.append(token)
            out.extend(rest)
            break
        if token in DASH_VALUE_OPTIONS and rest and rest[0].startswith("-") and not _looks_like_option(rest[0]):
            out.append(f"{token}={rest.pop(0)}")
        else:
            out.append(token)
    return out


def _looks_like_option(token: str) -> bool:
    """`-v`, `--dry-run`, `--na=x`: an option name; `---`, `-`, `--`, `-200`, `-n/a`: not."""
    name = token.removeprefix("--") if token.startswith("--") else token.removeprefix("-")
    name = name.split("=", 1)[0]
    return bool(name) and name[0].isalpha() and all(c.isalnum() or c == "-" for c in name)
