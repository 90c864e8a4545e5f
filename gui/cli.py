"""Headless commands over the same core as the window (no Qt is imported here)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable
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
    add_outbox_commands(subparsers)
    add_verify_command(subparsers)


# -- onenet-uploader outbox [send] ------------------------------------------------------------

#: The api-key for `outbox send` when set (else the OS keyring); never a command-line argument,
#: which other users of the computer could read in the process list.
API_KEY_ENV = "ONENET_API_KEY"

EXIT_OK, EXIT_NOT_ALL_SENT, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def add_outbox_commands(subparsers: Any) -> None:
    """Register `outbox` (list) and `outbox send` (send unsent and unknown datapoints headless)."""
    from gui.data.store import State

    outbox: argparse.ArgumentParser = subparsers.add_parser(
        "outbox",
        help="list the outbox: datapoints not sent yet, or `outbox send` them",
        description="List the outbox kept in the data directory (counts by state, then the rows). "
        "The data directory can be moved with $ONENET_UPLOADER_DATA_DIR.",
    )
    outbox.add_argument(
        "--state",
        action="append",
        choices=[state.value for state in State],
        help="list rows in this state (repeatable; default: every state but sent)",
    )
    outbox.add_argument("--limit", type=int, default=50, metavar="N", help="list at most N rows (0: all; default 50)")
    outbox.set_defaults(run=run_outbox_list)
    actions = outbox.add_subparsers(dest="outbox_command", metavar="ACTION")
    send: argparse.ArgumentParser = actions.add_parser(
        "send",
        help="send the unsent and unknown datapoints",
        description=f"Send the outbox's unsent and unknown datapoints, in requests of --batch datapoints, "
        f"retrying connection errors, timeouts, HTTP 5xx and 429. The api-key comes from ${API_KEY_ENV} "
        "or, if unset, from the system keyring (saved there by the window). Ctrl+C stops after the "
        "request on the wire; what is not sent stays in the outbox.",
        epilog="Exit status: 0 all sent; 1 some not sent (see the output and the log); 2 usage; "
        "3 another send from this outbox is running; 130 interrupted.",
    )
    send.add_argument("--endpoint", metavar="URL", help="only datapoints queued for this endpoint")
    send.add_argument("--device", metavar="ID", help="only datapoints queued for this device id")
    send.add_argument("--batch", type=int, default=500, metavar="N", help="datapoints per request (default 500)")
    send.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait for an answer")
    send.add_argument("--attempts", type=int, default=5, metavar="N", help="attempts per request (default 5)")
    send.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="also resend unknown datapoints without an explicit `at` (the platform may store them twice)",
    )
    send.add_argument("--debug", action="store_true", help="log request bodies too (the api-key never)")
    send.set_defaults(run=run_outbox_send)


def _ellipsis(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_outbox_list(args: argparse.Namespace) -> int:
    """Print the outbox's counts by state and its rows (`at` in platform time, UTC+8, as sent)."""
    from gui.data.paths import default_store_path
    from gui.data.store import State, Store
    from gui.onenet.readings import format_at, format_value

    path = default_store_path()
    if not path.exists():
        print(f"The outbox is empty (no database yet at {path}).")
        return EXIT_OK
    states = [State(value) for value in args.state] if args.state else [s for s in State if s is not State.SENT]
    with Store(path) as store:
        counts = store.counts()
        rows = store.rows(states, limit=args.limit or None)
        matching = sum(counts[s] for s in states)
    print(f"Outbox {path}")
    for state in State:
        print(f"  {state.value:<10}{counts[state]:>10}")
    if counts[State.IN_FLIGHT]:
        print("  (in_flight: being sent now, or left by a program that stopped; the next send resends them)")
    if not rows:
        return EXIT_OK
    print()
    print(f"{'id':>8}  {'state':<9}  {'device':<12}  {'datastream':<16}  {'at (UTC+8)':<19}  {'value':<24}  endpoint")
    for row in rows:
        at = format_at(row.at) if row.at is not None else "(platform time)"
        line = (
            f"{row.id:>8}  {row.state.value:<9}  {_ellipsis(row.device_id, 12):<12}  "
            f"{_ellipsis(row.stream_id, 16):<16}  {at:<19}  {_ellipsis(format_value(row.value), 24):<24}  "
            f"{row.endpoint}"
        )
        if row.last_error:
            line += f"  ({_ellipsis(row.last_error, 60)})"
        print(line)
    if matching > len(rows):
        print(f"… {matching - len(rows)} more (--limit 0 lists all)")
    return EXIT_OK


def run_outbox_send(args: argparse.Namespace, secrets: Any = None) -> int:
    """Send the outbox's unsent and unknown datapoints; print one line per request and a summary.

    The api-key: `$ONENET_API_KEY`, else the keyring entry of each device (`secrets`, a
    SecretStore, defaults to the OS keyring). Logs to the rotating log file.
    """
    from gui.data.logs import register_secret, setup_logging
    from gui.data.pipeline import Progress, RetryPolicy, send_outbox
    from gui.data.secrets import SecretStore
    from gui.data.store import Store, StoreBusy
    from gui.onenet.client import ConfigError, OneNetClient, validate_endpoint

    if args.batch < 1 or args.attempts < 1 or not args.timeout > 0:
        print("outbox send: --batch and --attempts must be at least 1, --timeout above 0", file=sys.stderr)
        return EXIT_USAGE
    try:
        endpoint = validate_endpoint(args.endpoint) if args.endpoint else None
    except ConfigError as exc:
        print(f"outbox send: {exc}", file=sys.stderr)
        return EXIT_USAGE
    log_file = setup_logging(debug=args.debug)
    key_from_env = os.environ.get(API_KEY_ENV, "")
    register_secret(key_from_env)
    keyring = secrets

    def clients(target_endpoint: str, device_id: str) -> OneNetClient:
        nonlocal keyring
        key = key_from_env
        if not key:
            keyring = keyring or SecretStore()
            key = keyring.get(device_id) or ""
        if not key:
            raise ConfigError(f"no api-key for device {device_id}: set ${API_KEY_ENV} or save the key in the window")
        register_secret(key)
        return OneNetClient(target_endpoint, device_id, key, timeout=args.timeout)

    def progress(state: Progress) -> None:
        if state.retry is not None:
            attempt = state.retry.attempt
            print(
                f"  request {state.retry.request_index} attempt {attempt.number}: {attempt.error}; "
                f"retrying in {state.retry.wait_s:.1f} s",
                file=sys.stderr,
            )
        elif state.last is not None:
            last = state.last
            if last.outcome is None:
                text = last.message
            else:
                detail = last.message or (f"errno {last.response.errno}" if last.response is not None else "")
                text = last.outcome.value + (f" ({detail})" if detail else "")
            print(
                f"[{state.requests_done}/{state.requests_total}] {last.planned.datapoints} datapoints: {text}",
                file=sys.stderr,
            )

    cancel = threading.Event()
    restore = _on_interrupt(cancel.set)
    try:
        with Store() as store:
            plan, result = send_outbox(
                store,
                clients,
                endpoint=endpoint,
                device_id=args.device,
                max_points=args.batch,
                allow_duplicates=args.allow_duplicates,
                policy=RetryPolicy(max_attempts=args.attempts),
                cancel=cancel,
                progress=progress,
            )
    except StoreBusy as exc:
        print(f"outbox send: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except KeyboardInterrupt:
        print("Interrupted. What was not sent stays in the outbox; `outbox send` sends it.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        restore()
    if plan.requests == 0 and not plan.held_back:
        print("Nothing to send: the outbox has no unsent or unknown datapoints.")
        return EXIT_OK
    print(result.summary() + ".")
    if plan.held_back:
        print(
            f"{plan.held_back} datapoints without an explicit `at` were held back: an earlier request that "
            "carried them may have stored them (outcome unknown), and the platform would store them again. "
            "Check the platform, then use --allow-duplicates to send them anyway."
        )
    print(f"Log: {log_file}")
    if result.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.ok and not plan.held_back else EXIT_NOT_ALL_SENT


def _on_interrupt(handler: Callable[[], None]) -> Callable[[], None]:
    """Make Ctrl+C call `handler` (a graceful stop) until the returned function restores the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGINT)

    def first(signum: int, frame: Any) -> None:
        handler()
        print("Stopping after the request on the wire (Ctrl+C again to abort at once)…", file=sys.stderr)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, first)

    def restore() -> None:
        signal.signal(signal.SIGINT, previous)

    return restore


#: `verify` exits 1 when something is missing or different, 3 when the platform could not be read.
EXIT_PROBLEMS, EXIT_PLATFORM = 1, 3


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
