"""Headless commands over the same core as the window (no Qt is imported here)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from gui.data.importers import (
    DateOrder,
    ImportFailed,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    import_file,
    local_zone_name,
    paused_gc,
)
from gui.onenet import sandbox
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, OneNetError, describe_request
from gui.onenet.formats import BodyType, EncodedBody, FormatError, encode
from gui.onenet.readings import Readings
from gui.onenet.validation import Severity, validate

#: The api-key is read from this environment variable only, never from the command line
#: (a command line is visible to other users and kept in shell history).
API_KEY_ENV = "ONENET_API_KEY"
#: Shown in --dry-run output instead of the api-key.
DRY_RUN_MASK = "***"
#: The device id a dry run shows when --device is not given.
DRY_RUN_DEVICE = "DEVICE_ID"
#: Problems printed before "… and N more".
SHOWN_PROBLEMS = 20

EXIT_OK = 0
EXIT_FAILED = 1  # a request failed, or validation found an error
EXIT_USAGE = 2  # bad arguments, no api-key, a file that cannot be read, a question to answer
EXIT_REJECTED = 3  # rows were rejected: nothing sent (unless --skip-rejected)

SEND_EPILOG = f"""\
The api-key is read from the environment variable {API_KEY_ENV}, never from the command line.
Defaults are the import dialog's: every column, suggested datastream ids, detected encoding,
delimiter, layout and time format, rows without a time stamped now.

exit status:
  0  everything sent (or, with --dry-run, every request printed) and nothing rejected
  1  a request failed (errno not 0, HTTP or network error) or a datapoint is invalid
  2  bad arguments, no {API_KEY_ENV}, a file that cannot be read, or a question to answer
     (e.g. --date-order for dates like 04/11/2026)
  3  some rows cannot be read: they are listed and nothing is sent; --skip-rejected sends
     the other rows (exit 0 if they are stored)
"""


def add_commands(subparsers: Any) -> None:
    """Register `sandbox` and `send` on the app's argument parser.

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

    send_parser: argparse.ArgumentParser = subparsers.add_parser(
        "send",
        help="upload the readings of a CSV, XLSX or JSON file",
        description="Import a file of readings (CSV/TSV/TXT, XLSX, JSON, type 5 text) the way the window's "
        "File > Import does, and upload its datapoints.",
        epilog=SEND_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_send_arguments(send_parser)
    send_parser.set_defaults(run=run_send)


def add_send_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `send`."""
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--device", metavar="ID", help="the device id (required unless --dry-run)")
    parser.add_argument("--endpoint", metavar="URL", default=DEFAULT_ENDPOINT, help="default: %(default)s")
    parser.add_argument(
        "--source-tz",
        metavar="ZONE",
        help="the zone the file's times were written in (IANA name or UTC+8); default: this computer's",
    )
    parser.add_argument(
        "--na",
        metavar="MARKER",
        action="append",
        default=[],
        help="a cell text meaning 'no reading' (repeatable), e.g. --na NA --na -200; empty cells always are",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the requests instead of sending them")
    parser.add_argument(
        "--skip-rejected", action="store_true", help="send the other rows when some cannot be read (exit 0)"
    )
    parser.add_argument("--encoding", help="the file's encoding, e.g. gb18030, utf-8, cp1252 (default: detect)")
    parser.add_argument("--delimiter", help="the cell delimiter: , ; tab | (default: detect)")
    parser.add_argument("--sheet", help="the XLSX sheet (default: the first)")
    parser.add_argument("--layout", choices=[m.value for m in Layout], help="default: detect")
    parser.add_argument(
        "--date-order",
        choices=[m.value for m in DateOrder],
        help="for dates like 04/11/2026: dmy = 4 November, mdy = April 11 (default: from the data)",
    )
    parser.add_argument(
        "--decimal", choices=[".", ","], metavar="MARK", help="the decimal mark, . or , (default: detect per column)"
    )
    parser.add_argument(
        "--missing-time",
        choices=[m.value for m in MissingTime],
        help="rows without a time: now (stamp the import time), platform (send without at), refuse; "
        "default: now (OneNET bodies: platform)",
    )
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each answer")


def options_from_args(args: argparse.Namespace) -> ImportOptions:
    """The ImportOptions of `send`'s arguments: the dialog's defaults unless an option says otherwise."""
    delimiter = args.delimiter
    if delimiter in ("tab", "\\t"):
        delimiter = "\t"
    return ImportOptions(
        source_tz=args.source_tz or local_zone_name(),
        encoding=args.encoding,
        delimiter=delimiter,
        sheet=args.sheet,
        layout=Layout(args.layout) if args.layout else None,
        decimal=args.decimal,
        missing_markers=tuple(args.na),
        date_order=DateOrder(args.date_order) if args.date_order else None,
        missing_time=MissingTime(args.missing_time) if args.missing_time else None,
    )


def request_bodies(readings: Readings) -> list[EncodedBody]:
    """The bodies of the requests that upload `readings`: the one place an upload is cut into requests.

    For now one type 1 body (request splitting replaces this call).
    Raises FormatError when the readings cannot be encoded.
    """
    return [encode(readings, BodyType.FULL_JSON)]


def _err(*lines: str) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _out(data: bytes) -> None:
    """Bytes to stdout exactly (UTF-8 ids and values whatever the terminal's locale)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()


def _report_import(path: str, result: ImportResult) -> None:
    _err(f"read {path}:", *(f"  {line}" for line in result.detected.describe()))
    counts = ", ".join(f"{sid} ({n})" for sid, n in result.stream_counts().items())
    _err(
        f"  {len(result)} datapoints from {result.rows_read} rows ({counts or 'none'}); "
        f"{result.rows_rejected} rows rejected"
    )
    for problem in result.problems[:SHOWN_PROBLEMS]:
        where = f"row {problem.row}" if problem.row is not None else "file"
        if problem.column:
            where += f", {problem.column}"
        kind = "rejected" if problem.severity is Severity.ERROR else "warning"
        _err(f"  {kind}: {where}: {problem.reason}")
    if result.problem_count > SHOWN_PROBLEMS:
        _err(f"  … and {result.problem_count - SHOWN_PROBLEMS} more problems")


def run_send(args: argparse.Namespace) -> int:
    """`send FILE …`: import, check, then print (--dry-run) or send each request; see SEND_EPILOG for exits."""
    api_key = os.environ.get(API_KEY_ENV, "")
    if not args.dry_run and not api_key:
        _err(f"send: set the environment variable {API_KEY_ENV} to the device's api-key (it is never read from "
             "the command line), or use --dry-run")  # fmt: skip
        return EXIT_USAGE
    if not args.dry_run and not args.device:
        _err("send: --device ID is required to send (a dry run shows DEVICE_ID)")
        return EXIT_USAGE
    try:
        options = options_from_args(args)
        result = import_file(args.file, options)
    except (ImportFailed, ValueError) as exc:
        _err(f"send: {args.file}: {exc}")
        return EXIT_USAGE
    _report_import(args.file, result)
    if result.needs_date_order:
        examples = ", ".join(result.ambiguous_dates)
        _err(f"send: dates like {examples} can be day/month or month/day: pass --date-order dmy or mdy")
        return EXIT_USAGE
    rejected = result.rows_rejected > 0 and not args.skip_rejected
    if rejected and not args.dry_run:
        _err(f"send: {result.rows_rejected} rows cannot be read: nothing sent (fix them, or --skip-rejected)")
        return EXIT_REJECTED
    with paused_gc():
        readings = result.readings()
    if not len(readings):
        _err("send: no datapoints to send")
        return EXIT_FAILED if not rejected else EXIT_REJECTED
    issues = validate(readings)
    for issue in issues:
        _err(f"  {issue.severity.value}: {issue.message}")
    errors = [i for i in issues if i.severity is Severity.ERROR]
    try:
        bodies = request_bodies(readings)
        client = OneNetClient(
            args.endpoint, args.device or DRY_RUN_DEVICE, api_key or DRY_RUN_MASK, timeout=args.timeout
        )
    except (FormatError, ConfigError) as exc:
        _err(f"send: {exc}")
        return EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_FAILED
    if args.dry_run:
        return _dry_run(client, bodies, len(readings), errors, rejected)
    if errors:
        _err("send: the datapoints have errors (listed above): nothing sent")
        return EXIT_FAILED
    return _send(client, bodies, len(readings))


def _dry_run(
    client: OneNetClient, bodies: Sequence[EncodedBody], points: int, errors: list[Any], rejected: bool
) -> int:
    total = 0
    for index, body in enumerate(bodies):
        prepared = client.prepare_upload(body)
        head = describe_request(prepared, mask=DRY_RUN_MASK)
        data = prepared.body if isinstance(prepared.body, bytes) else body.data
        _out(("\n" if index else "").encode() + head.encode("utf-8") + b"\n\n" + data + b"\n")
        total += len(data)
    requests = "request" if len(bodies) == 1 else "requests"
    _out(f"dry run: {points} datapoints in {len(bodies)} {requests}, {total} bytes of body; nothing sent\n".encode())
    if errors:
        return EXIT_FAILED
    return EXIT_REJECTED if rejected else EXIT_OK


def _send(client: OneNetClient, bodies: Sequence[EncodedBody], points: int) -> int:
    failed = 0
    for index, body in enumerate(bodies, 1):
        where = f"request {index}/{len(bodies)} ({len(body.data)} bytes)"
        try:
            response = client.upload(body)
        except OneNetError as exc:
            failed += 1
            answer = exc.response
            detail = f" errno {answer.errno}, HTTP {answer.http_status}" if answer is not None else ""
            hint = f" {answer.hint}" if answer is not None and answer.hint else ""
            _out(f"{where}: FAILED: {exc}.{detail}{hint}\n".encode())
            continue
        _out(
            f"{where}: errno {response.errno} ({response.error}), HTTP {response.http_status}, "
            f"{response.latency_s * 1000:.0f} ms\n".encode()
        )
    if failed:
        _out(f"{failed} of {len(bodies)} requests failed; {points} datapoints were to be sent\n".encode())
        return EXIT_FAILED
    _out(f"sent {points} datapoints in {len(bodies)} request(s) to {client.url}\n".encode())
    return EXIT_OK
