"""Headless commands over the same core as the window (no Qt is imported here)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
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
    add_verify_command(subparsers)


#: The environment variable `verify` reads the api-key from (never a command-line
#: argument: those show in the process list and the shell history).
API_KEY_ENV = "ONENET_API_KEY"
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_PLATFORM = 0, 1, 2, 3


def add_verify_command(subparsers: Any) -> None:
    """`onenet-uploader verify --body FILE [--type 1|3|4|5] --device ID [--endpoint URL] [--strict] [--verbose]`."""
    from gui.onenet.client import DEFAULT_ENDPOINT

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "verify",
        help="read sent datapoints back from the platform and compare with a request body",
        description="Read the datapoints of a request body back from the platform "
        "(GET /devices/{id}/datapoints, per datastream over the sent time range) and compare: each datapoint "
        f"is found, missing, different, overwritten (a later one had the same at) or unverifiable (no at). "
        f"The api-key is read from the environment variable {API_KEY_ENV}.",
        epilog="Exit status: 0 every checkable datapoint found; 1 something missing or different (with --strict "
        "also: something unverifiable); 2 bad arguments, body or api-key; 3 the platform could not be read.",
    )
    parser.add_argument("--body", required=True, type=Path, metavar="FILE", help="the request body that was sent")
    parser.add_argument(
        "--type",
        type=int,
        choices=[1, 3, 4, 5],
        default=1,
        help="the body's format, the ?type= of the upload (default 1)",
    )
    parser.add_argument("--device", required=True, help="device id")
    parser.add_argument("--endpoint", default=DEFAULT_ENDPOINT, help=f"API endpoint (default {DEFAULT_ENDPOINT})")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait per request")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 also when a datapoint cannot be verified (sent without at)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every datapoint, not only problems")
    parser.set_defaults(run=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    """The `verify` command; returns the exit status (see the command's epilog). Never prints the api-key."""
    from gui.onenet.client import ConfigError, OneNetClient, OneNetError
    from gui.onenet.formats import BodyType, FormatError, decode
    from gui.onenet.readings import format_at, format_value
    from gui.onenet.verify import Outcome, Progress, verify

    api_key = os.environ.get(API_KEY_ENV, "")
    if not api_key:
        print(f"verify: set the api-key in the environment variable {API_KEY_ENV}", file=sys.stderr)
        return EXIT_USAGE
    try:
        readings = decode(args.body.read_bytes(), BodyType(args.type))
    except OSError as exc:
        print(f"verify: cannot read {args.body}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except FormatError as exc:
        print(f"verify: {args.body} is not a type {args.type} body: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        client = OneNetClient(args.endpoint, args.device, api_key, timeout=args.timeout)
    except ConfigError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return EXIT_USAGE

    show_progress = sys.stderr.isatty()

    def progress(p: Progress) -> None:
        if show_progress:
            text = f"reading {p.stream_id!r}: {p.read_back} datapoints, {p.requests} requests"
            print("\r" + text, end="", file=sys.stderr)

    try:
        report = verify(client, readings, progress=progress)
    except OneNetError as exc:
        print(("\n" if show_progress else "") + f"verify: could not read {client.url} back: {exc}", file=sys.stderr)
        return EXIT_PLATFORM
    except KeyboardInterrupt:
        print("\nverify: interrupted", file=sys.stderr)
        return 130
    if show_progress:
        print(file=sys.stderr)
    for check in report.checks:
        if not (args.verbose or check.outcome.is_problem or (args.strict and check.outcome is Outcome.UNVERIFIABLE)):
            continue
        at = format_at(check.at) if check.at is not None else "(no at)"
        line = f"{check.outcome.value:<12} {check.stream_id}  {at}  sent {format_value(check.sent)}"
        if check.platform is not None:
            line += f"  platform {format_value(check.platform)}"
        if check.note:
            line += f"  ({check.note})"
        print(line)
    print(report.summary())
    print(f"{report.read_back} datapoints read back from {client.url} in {report.requests} requests")
    if not report.ok:
        return EXIT_PROBLEMS
    if args.strict and report.counts[Outcome.UNVERIFIABLE]:
        return EXIT_PROBLEMS
    return EXIT_OK
