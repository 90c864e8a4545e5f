"""Headless commands over the same core as the window (no Qt is imported here)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_profiles import (
    add_profile_argument,
    add_profile_command,
    device_key,
    open_profile,
    send_thing,
    thing_keys,
    verify_thing_profile,
)
from gui.cli_simulate import add_simulate_command
from gui.cli_token import add_token_command
from gui.data.importers import (
    ZONE_IN_TIMES,
    DateOrder,
    ImportFailed,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    import_file,
    local_zone_name,
)
from gui.i18n import render, translate
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, OneNetError, describe_request
from gui.onenet.formats import BodyType, EncodedBody, FormatError
from gui.onenet.readings import Readings
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS, MIN_MAX_BYTES, RequestPlan
from gui.onenet.validation import Severity, validate
from gui.onenet.zones import ZoneError, parse_zone
from gui.sandbox import cli as sandbox_cli
from gui.text import QT_TRANSLATE_NOOP, Counted

if TYPE_CHECKING:
    from gui.data.outbox import PlannedRequest
    from gui.data.pipeline import Pipeline
    from gui.data.target import Target

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
#: The outbox database cannot be used as it is (every command): damaged (moved aside and
#: salvaged), gone or emptied since it held data, disk full, read-only. The message says which.
EXIT_STORAGE = 4

SEND_EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    """The api-key is read from the environment variable ONENET_API_KEY, never from the command line.
Defaults are the import dialog's: the columns detection proposes (row indexes, labels and
event markers are left out, with the reason), suggested datastream ids, detected encoding,
delimiter, header row, layout, time column and time format. The zone of the times is
the file's: an offset or Z/UTC in each time, Unix times (UTC), or a zone in the time
column's header. Times whose zone the file does not state are refused (exit 2) unless
--source-tz names the zone they were written in (--source-tz local: this computer's);
it is never assumed. A file in which no time column is understood is refused (exit 3)
unless --time-column/--time-format name it or --missing-time says what rows without a
time get. Missing-value markers that start with '-' are given as --na=--- or --na ---.

exit status:
  0  everything sent (or, with --dry-run, every request printed) and nothing rejected
  1  a request failed (errno not 0, HTTP or network error), a datapoint is invalid, or
     validation warned (e.g. two datapoints of a stream with the same at: the platform keeps
     one) and --send-anyway was not given
  2  bad arguments, no ONENET_API_KEY, a file that cannot be read, or a question to answer
     (--date-order for dates like 04/11/2026; --source-tz for times whose zone the file
     does not state, or for a header that says CST)
  2  also: this file was queued to this device before (its datapoints wait in the outbox or
     were sent): nothing queued again; --again queues them anew
  3  some rows cannot be read: they are listed and nothing is sent; --skip-rejected sends
     the other rows (exit 0 if they are stored); or no time column was understood and
     --missing-time was not given: nothing is sent
  4  the outbox database cannot be used as it is: damaged (moved aside, what was readable
     saved into a new one), gone or emptied since it held data, disk full or read-only
""",
)


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

    send_parser: argparse.ArgumentParser = subparsers.add_parser(
        "send",
        help=QT_TRANSLATE_NOOP("cli", "upload the readings of a CSV, XLSX or JSON file"),
        description=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Import a file of readings (CSV/TSV/TXT, XLSX, JSON, type 5 text) the way the window's "
                "File > Import does, and upload its datapoints.",
            )
        ),
        epilog=SEND_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_send_arguments(send_parser)
    send_parser.set_defaults(run=run_send)


# -- onenet-uploader outbox [send] ------------------------------------------------------------

#: `outbox send` takes the api-key from API_KEY_ENV when set, else the OS keyring.
EXIT_NOT_ALL_SENT, EXIT_BUSY, EXIT_INTERRUPTED = 1, 3, 130


def add_outbox_commands(subparsers: Any) -> None:
    """Register `outbox` (list) and `outbox send` (send unsent and unknown datapoints headless)."""
    from gui.data.store import State

    outbox: argparse.ArgumentParser = subparsers.add_parser(
        "outbox",
        help=QT_TRANSLATE_NOOP("cli", "list the outbox: datapoints not sent yet, or `outbox send` them"),
        description=(
            QT_TRANSLATE_NOOP(
                "cli",
                "List the outbox kept in the data directory (counts by state, then the rows). "
                "The data directory can be moved with $ONENET_UPLOADER_DATA_DIR.",
            )
        ),
    )
    outbox.add_argument(
        "--state",
        action="append",
        choices=[state.value for state in State],
        help=QT_TRANSLATE_NOOP("cli", "list rows in this state (repeatable; default: every state but sent)"),
    )
    outbox.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "list at most N rows (0: all; default 50)"),
    )
    outbox.set_defaults(run=run_outbox_list)
    actions = outbox.add_subparsers(dest="outbox_command", metavar="ACTION")
    send: argparse.ArgumentParser = actions.add_parser(
        "send",
        help=QT_TRANSLATE_NOOP("cli", "send the unsent and unknown datapoints"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Send the outbox's unsent and unknown datapoints, in requests of at most --batch datapoints "
            "and --max-bytes body bytes, split as the window and `send` split them (a datastream's datapoints "
            "without `at` stay in one request), retrying connection errors, timeouts, HTTP 5xx and 429. "
            "The api-key comes from $ONENET_API_KEY or, if unset, from the system keyring (saved there by the "
            "window). Ctrl+C stops after the request on the wire; what is not sent stays in the outbox.",
        ),
        epilog=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Exit status: 0 all sent; 1 some not sent (see the output and the log); 2 usage; "
                "3 another send from this outbox is running; 4 the outbox database is damaged (salvaged), gone, "
                "full or read-only; 130 interrupted.",
            )
        ),
    )
    send.add_argument(
        "--endpoint",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("cli", "only datapoints queued for this endpoint (they are never re-addressed)"),
    )
    send.add_argument(
        "--device", metavar="ID", help=QT_TRANSLATE_NOOP("cli", "only datapoints queued for this device id")
    )
    add_profile_argument(send, "only datapoints queued for")
    send.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_MAX_POINTS,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "datapoints per request at most (default %(default)s)"),
    )
    send.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "body bytes per request at most (default %(default)s)"),
    )
    send.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP("cli", "seconds per attempt: connect, send and the whole answer"),
    )
    send.add_argument(
        "--attempts",
        type=int,
        default=5,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "attempts per request (default 5)"),
    )
    send.add_argument(
        "--allow-duplicates",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli", "also resend unknown datapoints without an explicit `at` (the platform may store them twice)"
        ),
    )
    send.add_argument(
        "--retry-failed",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli", "also send the datapoints the platform refused before (after fixing the cause: the key, the device)"
        ),
    )
    send.add_argument(
        "--debug", action="store_true", help=QT_TRANSLATE_NOOP("cli", "log request bodies too (the api-key never)")
    )
    send.set_defaults(run=run_outbox_send)


def _ellipsis(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(0, width - used)
    return fill + text if right else text + fill


def _state_name(state: Any) -> str:
    """An outbox state in the user's language, its code beside it when that differs (what --state takes)."""
    names = {  # English: the codes themselves
        "draft": QT_TRANSLATE_NOOP("outbox-state", "draft"),
        "unsent": QT_TRANSLATE_NOOP("outbox-state", "unsent"),
        "in_flight": QT_TRANSLATE_NOOP("outbox-state", "in_flight"),
        "sent": QT_TRANSLATE_NOOP("outbox-state", "sent"),
        "failed": QT_TRANSLATE_NOOP("outbox-state", "failed"),
        "unknown": QT_TRANSLATE_NOOP("outbox-state", "unknown"),
    }
    code = str(state.value)
    return translate("outbox-state", names[code]) if code in names else code


def run_outbox_list(args: argparse.Namespace) -> int:
    """Print the outbox's counts by state and its rows (`at` in platform time, UTC+8, as sent)."""
    from gui.data.paths import default_store_path
    from gui.data.store import State, Store
    from gui.data.store.health import check_not_lost
    from gui.data.trials import adopt_at_start
    from gui.onenet.readings import format_at, format_value

    path = default_store_path()
    check_not_lost(path)  # StoreMissing: it held data before
    adopt_at_start(path)  # what a killed --sandbox trial left for real targets
    if not path.exists():
        print(translate("cli", "The outbox is empty (no database yet at {path}).").format(path=path))
        return EXIT_OK
    states = [State(value) for value in args.state] if args.state else [s for s in State if s is not State.SENT]
    with Store(path) as store:
        counts = store.counts()
        rows = store.rows(states, limit=args.limit or None)
        matching = sum(counts[s] for s in states)
    print(translate("cli", "Outbox {path}").format(path=path))
    for state in State:
        name = _state_name(state)
        code = "" if name == state.value else f"  (--state {state.value})"
        print(f"  {_pad(name, 10)}{counts[state]:>10}{code}")
    if counts[State.IN_FLIGHT]:
        print(
            translate(
                "cli", "  (in_flight: being sent now, or left by a program that stopped; the next send resends them)"
            )
        )
    if not rows:
        return EXIT_OK
    print()
    heading = [
        _pad("id", 8, right=True),
        _pad(translate("cli", "state"), 9),
        _pad(translate("cli", "device"), 12),
        _pad(translate("cli", "datastream"), 16),
        _pad(translate("cli", "at (UTC+8)"), 19),
        _pad(translate("cli", "value"), 24),
        translate("cli", "endpoint"),
    ]
    print("  ".join(heading))
    for row in rows:
        at = format_at(row.at) if row.at is not None else translate("cli", "(platform time)")
        line = (
            f"{row.id:>8}  {_pad(_state_name(row.state), 9)}  {_pad(_ellipsis(row.device_id, 12), 12)}  "
            f"{_pad(_ellipsis(row.stream_id, 16), 16)}  {_pad(at, 19)}  "
            f"{_pad(_ellipsis(format_value(row.value), 24), 24)}  {row.endpoint}"
        )
        if row.last_error:
            error = render(row.last_error_text) if row.last_error_text is not None else row.last_error
            line += f"  ({_ellipsis(error, 60)})"
        print(line)
    if matching > len(rows):
        print(translate("cli", "… {n} more (--limit 0 lists all)").format(n=matching - len(rows)))
    return EXIT_OK


def run_outbox_send(args: argparse.Namespace, secrets: Any = None) -> int:
    """Send the outbox's unsent and unknown datapoints; print one line per request and a summary.

    The api-key: `$ONENET_API_KEY`, else the keyring entry of each device (`secrets`, a
    SecretStore, defaults to the OS keyring). Rows of the current platform are signed with
    the device key from `ONENET_KEY`, else that of a saved profile of their device. With
    `--profile NAME`, only that profile's rows, with its keys. Logs to the rotating log file.
    """
    from gui.data.logs import register_secret, setup_logging
    from gui.data.outbox import clients, thing_clients
    from gui.data.pipeline import Progress, RetryPolicy, send_outbox
    from gui.data.secrets import SecretStore
    from gui.data.store import State, Store, StoreBusy
    from gui.onenet.client import validate_endpoint

    if args.batch < 1 or args.attempts < 1 or not args.timeout > 0 or args.max_bytes < MIN_MAX_BYTES:
        print(
            translate(
                "cli",
                "outbox send: --batch and --attempts must be at least 1, --max-bytes at least {n}, --timeout above 0",
            ).format(n=MIN_MAX_BYTES),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        endpoint = validate_endpoint(args.endpoint) if args.endpoint else None
    except ConfigError as exc:
        print(translate("cli", "outbox send: {why}").format(why=render(exc.text)), file=sys.stderr)
        return EXIT_USAGE
    profile = None
    if args.profile:
        if args.endpoint or args.device:
            print("outbox send: --profile names the target: leave out --device and --endpoint", file=sys.stderr)
            return EXIT_USAGE
        opened = open_profile(args.profile, "outbox send", secrets)
        if isinstance(opened, str):
            print(opened, file=sys.stderr)
            return EXIT_USAGE
        profile, secrets = opened
        endpoint, args.device = profile.target().endpoint, profile.target().device_id
    log_file = setup_logging(debug=args.debug)
    key_from_env = os.environ.get(API_KEY_ENV, "")
    register_secret(key_from_env)
    keyring = secrets

    def key_for(device_id: str) -> str:
        nonlocal keyring
        key = key_from_env
        if not key:
            keyring = keyring or SecretStore()
            key = (profile.key(keyring) if profile is not None else keyring.get(device_id)) or ""
        if not key:
            why = translate("cli", "no api-key for device {device}: set ${env} or save the key in the window")
            raise ConfigError(why.format(device=device_id, env=API_KEY_ENV))
        return key

    def thing_key(device: str, which: int) -> str:
        nonlocal keyring
        keyring = keyring or SecretStore()
        return thing_keys(device, keyring, profile)[which]

    def progress(state: Progress) -> None:
        if state.retry is not None:
            attempt = state.retry.attempt
            print(
                translate("cli", "  request {k} attempt {number}: {why}; retrying in {s:.1f} s").format(
                    k=state.retry.request_index, number=attempt.number, why=attempt.error, s=state.retry.wait_s
                ),
                file=sys.stderr,
            )
        elif state.last is not None:
            last = state.last
            if last.outcome is None:
                text = render(last.text) if last.text else last.message
            else:
                detail = (render(last.text) if last.text else last.message) or (
                    f"errno {last.response.errno}" if last.response is not None else ""
                )
                text = last.outcome.value + (f" ({detail})" if detail else "")
            print(
                f"[{state.requests_done}/{state.requests_total}] {i18n.datapoints(last.planned.datapoints)}: {text}",
                file=sys.stderr,
            )

    from gui.data.trials import adopt_at_start

    adopt_at_start()  # what a killed --sandbox trial left for real targets is sent too
    cancel = threading.Event()
    restore = _on_interrupt(cancel.set)
    try:
        with Store() as store:
            failed = [r.id for r in store.rows([State.FAILED], endpoint=endpoint, device_id=args.device)]
            if args.retry_failed and failed:
                store.set_state(failed, State.UNSENT)
                failed = []
            plan, result = send_outbox(
                store,
                clients(key_for, timeout=args.timeout),
                things=thing_clients(
                    lambda device: thing_key(device, 0),
                    access_key=lambda device: thing_key(device, 1),
                    timeout=args.timeout,
                ),
                endpoint=endpoint,
                device_id=args.device,
                max_points=args.batch,
                max_bytes=args.max_bytes,
                allow_duplicates=args.allow_duplicates,
                policy=RetryPolicy(max_attempts=args.attempts),
                cancel=cancel,
                progress=progress,
            )
    except StoreBusy as exc:
        print(translate("cli", "outbox send: {why}").format(why=exc), file=sys.stderr)
        return EXIT_BUSY
    except KeyboardInterrupt:
        print(
            translate("cli", "Interrupted. What was not sent stays in the outbox; `outbox send` sends it."),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    finally:
        restore()
    narrowed = ""
    if endpoint:
        narrowed += translate("cli", " for {endpoint}").format(endpoint=endpoint)
    if args.device:
        narrowed += translate("cli", " for device {device}").format(device=args.device)
    if plan.sandbox:
        print(
            translate(
                "cli",
                "{n} datapoints made for the window's local sandbox were left alone: only the window runs it "
                "(they never go to another endpoint unless you move them there in the window).",
            ).format(n=plan.sandbox)
        )
    if plan.requests == 0 and not plan.held_back:
        print(
            translate("cli", "Nothing to send: the outbox has no unsent or unknown datapoints{narrowed}.").format(
                narrowed=narrowed
            )
        )
        if failed:
            print(
                translate(
                    "cli",
                    "{n} datapoints{narrowed} were refused by the platform (failed): fix the cause (see "
                    "`onenet-uploader outbox --state failed` and the log), then send them with --retry-failed.",
                ).format(n=len(failed), narrowed=narrowed)
            )
        return EXIT_NOT_ALL_SENT if failed else EXIT_OK
    for warning in plan.warnings:
        print(translate("cli", "warning: {warning}").format(warning=render(warning)), file=sys.stderr)
    if plan.apart:
        print(
            render(
                Counted("sent-apart").tr(
                    "%Ln datapoint(s) without `at` went in requests of their own: their datastreams had several "
                    "queued, and of one request the platform keeps only the last. Each is stamped with the time "
                    "it arrived.",
                    "",
                    plan.apart,
                )
            )
        )
    print(render(result.summary_message()) + translate("cli", "."))
    if failed:
        print(
            translate(
                "cli", "{n} datapoints refused by the platform earlier were not retried (--retry-failed does)."
            ).format(n=len(failed))
        )
    if plan.held_back:
        print(
            translate(
                "cli",
                "{n} datapoints without an explicit `at` were held back: an earlier request that "
                "carried them may have stored them (outcome unknown), and the platform would store them again. "
                "Check the platform, then use --allow-duplicates to send them anyway.",
            ).format(n=plan.held_back)
        )
    print(translate("cli", "Log: {path}").format(path=log_file))
    if result.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.ok and not plan.held_back and not failed else EXIT_NOT_ALL_SENT


def _on_interrupt(handler: Callable[[], None]) -> Callable[[], None]:
    """Make Ctrl+C call `handler` (a graceful stop) until the returned function restores the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.getsignal(signal.SIGINT)

    def first(signum: int, frame: Any) -> None:
        handler()
        print(
            translate("cli", "Stopping after the request on the wire (Ctrl+C again to abort at once)…"), file=sys.stderr
        )
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, first)

    def restore() -> None:
        signal.signal(signal.SIGINT, previous)

    return restore


#: `verify` exits 1 when something is missing or different, 3 when the platform could not be read.
EXIT_PROBLEMS, EXIT_PLATFORM = 1, 3


def add_verify_command(subparsers: Any) -> None:
    """`onenet-uploader verify (FILE | --body FILE | --last) [--device ID] [--endpoint URL] …`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "verify",
        help=QT_TRANSLATE_NOOP(
            "cli", "read sent datapoints back from the platform and compare: a file, a request body or the last upload"
        ),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Read datapoints back from the platform (GET /devices/{id}/datapoints, per datastream over "
            "the sent time range) and compare with what was sent: each datapoint is found, missing, different, "
            "overwritten (a later one had the same at) or unverifiable (sent without at). What was sent is one of: "
            "a file of readings, imported as `send` imports it (FILE); a request body as sent (--body FILE); or the "
            "last upload this computer made, from the outbox's history (--last: its endpoint and device come from "
            "there). The api-key is read from the environment variable ONENET_API_KEY, else from the OS keyring "
            "entry the window saved for the device.",
        ),
        epilog=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Exit status: 0 every checkable datapoint found; 1 something missing or different (with --strict "
                "also: something unverifiable); 2 bad arguments, file, body or api-key, a question to answer "
                "(--source-tz for times whose zone FILE does not state, --date-order), or nothing to verify; "
                "3 the platform could not be read; 4 the outbox database is damaged (salvaged), gone, full or "
                "read-only.",
            )
        ),
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file", nargs="?", metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "a file of readings (CSV/TSV/TXT, XLSX, JSON)")
    )
    source.add_argument(
        "--body", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "a request body as it was sent")
    )
    source.add_argument(
        "--last",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "the last upload (one Send or `outbox send`) from the outbox's history"),
    )
    parser.add_argument(
        "--type",
        type=int,
        choices=[1, 3, 4, 5],
        default=1,
        help=QT_TRANSLATE_NOOP("cli", "with --body: the body's format, the ?type= of the upload (default 1)"),
    )
    parser.add_argument(
        "--device",
        metavar="ID",
        help=QT_TRANSLATE_NOOP("cli", "device id (required unless --last; with --last: narrows)"),
    )
    add_profile_argument(parser, "read back from")
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help=QT_TRANSLATE_NOOP("cli", "seconds to wait per request")
    )
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("cli", "API endpoint (default https://api.heclouds.com; with --last: from the history)"),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "exit 1 also when a datapoint cannot be verified (sent without at)"),
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help=QT_TRANSLATE_NOOP("cli", "list every datapoint, not only problems")
    )
    import_group = parser.add_argument_group(QT_TRANSLATE_NOOP("cli", "reading FILE (as `send` reads it)"))
    add_import_arguments(import_group)
    parser.set_defaults(run=run_verify)


@dataclass
class _Sent:
    """What one verification compares: readings sent to one endpoint and device, and where they came from."""

    endpoint: str
    device_id: str
    readings: Readings
    source: str


def _sent_from_args(args: argparse.Namespace) -> list[_Sent] | str:
    """What `verify` compares, by target; or why there is nothing (a message for stderr)."""
    from gui.data.store import RequestOutcome, Store, StoreError
    from gui.onenet.formats import BodyType, decode

    if args.last:
        if args.endpoint:
            return "--endpoint cannot be combined with --last (the history says where the upload went)"
        try:
            with Store() as store:
                requests = store.last_upload(args.device)
        except (StoreError, OSError) as exc:
            return f"cannot read the outbox's history: {exc}"
        if not requests:
            if args.device:
                return translate("cli", "no upload to device {device} in the outbox's history").format(
                    device=args.device
                )
            return translate("cli", "no upload in the outbox's history")
        delivered = [r for r in requests if r.outcome in (RequestOutcome.SENT, RequestOutcome.UNKNOWN, None)]
        if not delivered:
            return translate(
                "cli", "none of the last upload's {requests} reached the platform: nothing to verify"
            ).format(requests=i18n.requests(len(requests)))
        groups: dict[tuple[str, str], list[Any]] = {}
        for request in delivered:
            groups.setdefault((request.endpoint, request.device_id), []).append(request)
        sent = []
        for (endpoint, device_id), group in groups.items():
            try:
                pairs = [pair for r in group for pair in decode(r.body, r.body_type).pairs()]
            except FormatError as exc:
                return translate("cli", "a stored body of the last upload cannot be read back: {why}").format(
                    why=i18n.why(exc)
                )
            unknown = sum(r.outcome is not RequestOutcome.SENT for r in group)
            source = translate("cli", "the last upload ({time} UTC): {requests}").format(
                time=f"{group[0].created:%Y-%m-%d %H:%M:%S}", requests=i18n.requests(len(group))
            )
            if unknown:
                source += translate("cli", ", {n} of unknown outcome").format(n=unknown)
            sent.append(_Sent(endpoint, device_id, Readings.from_pairs(pairs), source))
        return sent
    if not args.device:
        return translate("cli", "--device ID is required (unless --last)")
    endpoint = args.endpoint or DEFAULT_ENDPOINT
    if args.body is not None:
        try:
            readings = decode(args.body.read_bytes(), BodyType(args.type))
        except OSError as exc:
            return translate("cli", "cannot read {path}: {why}").format(path=args.body, why=exc.strerror or exc)
        except FormatError as exc:
            return translate("cli", "{path} is not a type {type} body: {why}").format(
                path=args.body, type=args.type, why=i18n.why(exc)
            )
        return [_Sent(endpoint, args.device, readings, str(args.body))]
    try:
        # A row without a time was sent stamped by the platform (or with the moment of the
        # send): nothing to look for, so it stays without `at` and counts as unverifiable.
        result = import_file(args.file, replace(options_from_args(args), missing_time=MissingTime.PLATFORM))
    except (ImportFailed, ValueError) as exc:
        return f"{args.file}: {i18n.why(exc)}"
    _report_import(args.file, result)
    if result.needs_date_order:
        return translate("cli", "dates like {dates} can be day/month or month/day: pass --date-order").format(
            dates=", ".join(result.ambiguous_dates)
        )
    if result.zone_question:
        return translate("cli", "the time column's header says {zone} ({choices}): pass --source-tz").format(
            zone=result.zone_question_text, choices=" / ".join(result.zone_question)
        )
    if result.zone_unstated:
        return zone_unstated_message(result)
    readings = result.readings()
    if not len(readings):
        return translate("cli", "{path}: no datapoints to verify").format(path=args.file)
    return [_Sent(endpoint, args.device, readings, args.file)]


def print_checks(report: Any, args: argparse.Namespace) -> None:
    """`verify`'s lines: the problems of a VerifyReport (every check with --verbose; unverifiable with --strict)."""
    from gui.onenet.readings import format_at, format_value
    from gui.onenet.verify import Outcome

    for check in report.checks:
        shown = check.outcome.is_problem or (args.strict and check.outcome is Outcome.UNVERIFIABLE)
        if not (args.verbose or shown):
            continue
        at = format_at(check.at) if check.at is not None else translate("cli", "(no at)")
        outcome = translate("VerifyModel", check.outcome.value)  # the verify panel's names (found, missing…)
        line = f"{_pad(outcome, 12)} {check.stream_id}  {at}  " + translate("cli", "sent {value}").format(
            value=format_value(check.sent)
        )
        if check.platform is not None:
            line += "  " + translate("cli", "platform {value}").format(value=format_value(check.platform))
        if check.note is not None:
            line += translate("cli", "  ({note})").format(note=render(check.note))
        print(line)


def run_verify(args: argparse.Namespace, secrets: Any = None) -> int:
    """The `verify` command; returns the exit status (see the command's epilog). Never prints the api-key.

    The api-key: `$ONENET_API_KEY`, else the keyring entry of the device (`secrets`, a
    SecretStore, defaults to the OS keyring). With `--profile NAME` the profile's target and
    keys; a current-platform profile reads back with `query-device-property-history`
    (`gui.onenet.thing_verify.verify_thing`), which needs its product access key.
    """
    from gui.data.logs import register_secret
    from gui.data.secrets import SecretStore
    from gui.data.target import Platform
    from gui.onenet.client import OneNetClient
    from gui.onenet.verify import Outcome, Progress, verify

    profile = None
    if args.profile:
        if args.device or args.endpoint:
            print(
                translate("cli", "verify: --profile names the target: leave out --device and --endpoint"),
                file=sys.stderr,
            )
            return EXIT_USAGE
        opened = open_profile(args.profile, "verify", secrets)
        if isinstance(opened, str):
            print(opened, file=sys.stderr)
            return EXIT_USAGE
        profile, secrets = opened
        if profile.platform is Platform.THING and (args.last or args.body is not None):
            print(
                translate("cli", "verify: a thing-model profile verifies a FILE of readings (not --last or --body)"),
                file=sys.stderr,
            )
            return EXIT_USAGE
        args.endpoint, args.device = profile.target().endpoint, profile.target().device_id
    sent = _sent_from_args(args)
    if isinstance(sent, str):
        print(translate("cli", "verify: {why}").format(why=sent), file=sys.stderr)
        return EXIT_USAGE
    key_from_env = os.environ.get(API_KEY_ENV, "")
    register_secret(key_from_env)
    show_progress = sys.stderr.isatty()

    def progress(p: Progress) -> None:
        if show_progress:
            text = translate("cli", "reading {stream}: {points}, {requests}").format(
                stream=repr(p.stream_id), points=i18n.datapoints(p.read_back), requests=i18n.requests(p.requests)
            )
            print("\r" + text, end="", file=sys.stderr)

    status = EXIT_OK
    keyring = secrets
    for target in sent:
        if profile is not None and profile.platform is Platform.THING:
            return verify_thing_profile(args, profile, secrets, target.readings)
        api_key = key_from_env
        if not api_key:
            keyring = keyring or SecretStore()  # opened once, only when the environment has no key
            api_key = (profile.key(keyring) if profile is not None else keyring.get(target.device_id)) or ""
        if not api_key:
            print(
                translate(
                    "cli",
                    "verify: no api-key for device {device}: set the environment variable {env} "
                    "(or save the key in the window)",
                ).format(device=target.device_id, env=API_KEY_ENV),
                file=sys.stderr,
            )
            return EXIT_USAGE
        try:
            client = OneNetClient(target.endpoint, target.device_id, api_key, timeout=args.timeout)
        except ConfigError as exc:
            print(translate("cli", "verify: {why}").format(why=render(exc.text)), file=sys.stderr)
            return EXIT_USAGE
        if args.last:
            print(
                translate("cli", "{source} to device {device} at {url}").format(
                    source=target.source, device=target.device_id, url=client.url
                )
            )
        try:
            report = verify(client, target.readings, progress=progress)
        except OneNetError as exc:
            why = translate("cli", "verify: could not read {url} back: {why}").format(
                url=client.url, why=render(exc.text)
            )
            print(("\n" if show_progress else "") + why, file=sys.stderr)
            return EXIT_PLATFORM
        except KeyboardInterrupt:
            print("\n" + translate("cli", "verify: interrupted"), file=sys.stderr)
            return 130
        if show_progress:
            print(file=sys.stderr)
        strict_unverifiable = args.strict and report.counts[Outcome.UNVERIFIABLE]
        print_checks(report, args)
        print(render(report.summary_message()))
        print(
            translate("cli", "{points} read back from {url} in {requests}").format(
                points=i18n.datapoints(report.read_back), url=client.url, requests=i18n.requests(report.requests)
            )
        )
        if not report.ok or strict_unverifiable:
            status = EXIT_PROBLEMS
    return status


def add_send_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `send`."""
    parser.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "the file to import"))
    parser.add_argument(
        "--device",
        metavar="ID",
        help=QT_TRANSLATE_NOOP("cli", "the device id (required unless --dry-run or --profile)"),
    )
    parser.add_argument("--endpoint", metavar="URL", help=QT_TRANSLATE_NOOP("cli", "default: https://api.heclouds.com"))
    add_profile_argument(parser, "send to")
    add_import_arguments(parser)
    parser.add_argument(
        "--missing-time",
        choices=[m.value for m in MissingTime],
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "rows without a time: now (stamp the import time), platform (send without at), refuse; "
                "default: a file with no time column is refused (exit 3), empty time cells are stamped now "
                "(OneNET bodies: platform)",
            )
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("cli", "print the requests instead of sending them")
    )
    parser.add_argument(
        "--send-anyway",
        action="store_true",
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "send although validation warned (a duplicate at, a time far off, a large value), as the window's "
                "Send anyway does",
            )
        ),
    )
    parser.add_argument(
        "--skip-rejected",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "send the other rows when some cannot be read (exit 0)"),
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "queue the file's datapoints although this file was queued to this device before (they wait in "
                "the outbox or were sent): without `at` the platform stores them twice",
            )
        ),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help=QT_TRANSLATE_NOOP("cli", "seconds per attempt: connect, send and the whole answer"),
    )
    parser.add_argument(
        "--type", type=int, choices=[1, 3, 4, 5], default=1, help=QT_TRANSLATE_NOOP("cli", "body format (default 1)")
    )
    parser.add_argument(
        "--max-points",
        type=int,
        default=DEFAULT_MAX_POINTS,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "datapoints per request at most (default %(default)s)"),
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "body bytes per request at most (default %(default)s)"),
    )


def add_import_arguments(parser: Any) -> None:
    """How a file of readings is read (`send FILE`, `verify FILE`): zone, markers, encoding, layout…"""
    parser.add_argument(
        "--source-tz",
        metavar="ZONE",
        type=source_zone_argument,
        help=QT_TRANSLATE_NOOP(
            "cli",
            "the zone the file's times were written in: an IANA name (Europe/Berlin), UTC+8, or local for this "
            "computer's; needed when the file does not state it (a zone in the times or the time column's header "
            "is used otherwise)",
        ),
    )
    parser.add_argument(
        "--na",
        metavar="MARKER",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "a cell text meaning 'no reading' (repeatable), e.g. --na NA --na -200 --na ---; empty cells always are",
        ),
    )
    parser.add_argument(
        "--encoding",
        help=QT_TRANSLATE_NOOP("cli", "the file's encoding, e.g. gb18030, utf-8, cp1252 (default: detect)"),
    )
    parser.add_argument("--delimiter", help=QT_TRANSLATE_NOOP("cli", "the cell delimiter: , ; tab | (default: detect)"))
    parser.add_argument("--sheet", help=QT_TRANSLATE_NOOP("cli", "the XLSX sheet (default: the first)"))
    parser.add_argument("--layout", choices=[m.value for m in Layout], help=QT_TRANSLATE_NOOP("cli", "default: detect"))
    parser.add_argument(
        "--date-order",
        choices=[m.value for m in DateOrder],
        help=QT_TRANSLATE_NOOP(
            "cli", "for dates like 04/11/2026: dmy = 4 November, mdy = April 11 (default: from the data)"
        ),
    )
    parser.add_argument(
        "--decimal",
        choices=[".", ","],
        metavar="MARK",
        help=QT_TRANSLATE_NOOP("cli", "the decimal mark, . or , (default: detect per column)"),
    )
    parser.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "the header is line N of the file (default: detect; 0: none)"),
    )
    parser.add_argument(
        "--time-format",
        metavar="PATTERN",
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "how the time column is written, as a strftime pattern, e.g. '%%d.%%m.%%Y %%H:%%M' (overrides "
                "detection; cells that do not match are rejected)",
            )
        ),
    )
    parser.add_argument(
        "--time-column", metavar="COLUMN", help=QT_TRANSLATE_NOOP("cli", "the time column, by name or 1-based number")
    )
    parser.add_argument(
        "--columns",
        metavar="LIST",
        action="append",
        help=QT_TRANSLATE_NOOP(
            "cli", "import only these columns (names or 1-based numbers, comma-separated; repeatable)"
        ),
    )
    parser.add_argument(
        "--exclude",
        metavar="LIST",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli", "do not import these columns (names or 1-based numbers, comma-separated; repeatable)"
        ),
    )
    parser.add_argument(
        "--text",
        metavar="LIST",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "read these columns as text, numbers too (names or 1-based numbers, comma-separated; repeatable); "
            "default: a column holding any number is numbers, its other cells rejected",
        ),
    )
    parser.add_argument(
        "--stream-id",
        metavar="OLD=NEW",
        action="append",
        default=[],
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "send column OLD (name, number or suggested id; long layout: a datastream id in the file) as "
                "datastream NEW (repeatable)",
            )
        ),
    )


def _column_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def options_from_args(args: argparse.Namespace) -> ImportOptions:
    """The ImportOptions of `send`'s arguments: the dialog's defaults unless an option says otherwise.

    Raises ValueError for a malformed option (`--stream-id` without `=`,
    a negative `--header-row`, a `--time-format` without a directive).
    """
    delimiter = args.delimiter
    if delimiter in ("tab", "\\t"):
        delimiter = "\t"
    rename: dict[str, str] = {}
    for pair in getattr(args, "stream_id", []):
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ValueError(f"--stream-id {pair!r}: give OLD=NEW, e.g. --stream-id 'Temp, °C=temperature'")
        rename[old.strip()] = new.strip()
    header_row = getattr(args, "header_row", None)
    if header_row is not None and header_row < 0:
        raise ValueError("--header-row must be 0 (no header) or a line number")
    source_tz = args.source_tz
    return ImportOptions(
        source_tz=local_zone_name() if source_tz in (None, LOCAL_ZONE) else source_tz,
        encoding=args.encoding,
        delimiter=delimiter,
        sheet=args.sheet,
        layout=Layout(args.layout) if args.layout else None,
        decimal=args.decimal,
        missing_markers=tuple(args.na),
        date_order=DateOrder(args.date_order) if args.date_order else None,
        missing_time=MissingTime(args.missing_time) if getattr(args, "missing_time", None) else None,
        skip_rows=max(0, header_row - 1) if header_row is not None else None,
        has_header=(header_row != 0) if header_row is not None else None,
        time_pattern=getattr(args, "time_format", None),
        time_column=getattr(args, "time_column", None),
        include=_column_list(getattr(args, "columns", None)),
        exclude=_column_list(getattr(args, "exclude", [])) or (),
        text=_column_list(getattr(args, "text", [])) or (),
        rename=rename,
        zone_from_file=source_tz is None,
    )


#: `--source-tz local`: this computer's zone, chosen explicitly.
LOCAL_ZONE = "local"


def source_zone_argument(text: str) -> str:
    """`--source-tz`: the zone's canonical name (`parse_zone`: `UTC+8` -> `UTC+08:00`), or LOCAL_ZONE.

    Raises argparse.ArgumentTypeError with the reason (argparse then exits 2 with it) for text that is not a zone.
    """
    if text.strip().casefold() == LOCAL_ZONE:
        return LOCAL_ZONE
    try:
        return parse_zone(text).name
    except ZoneError as exc:
        why = translate("cli", "{why} (or local: this computer's zone)").format(why=render(exc.message))
        raise argparse.ArgumentTypeError(why) from None


def zone_unstated_message(result: ImportResult) -> str:
    """The question `send` and `verify` ask when `result.zone_unstated`: name the zone, never assumed."""
    names = " + ".join(repr(name) for name in result.zone_unstated)
    if len(result.zone_unstated) == 1:
        which = translate("cli", "column {names}").format(names=names)
    else:
        which = translate("cli", "columns {names}").format(names=names)
    return translate(
        "cli",
        "the times in {which} do not say which time zone they are in, and the file does not say either: "
        "pass --source-tz ZONE with the zone they were written in, e.g. --source-tz {here} (this computer's "
        "zone; --source-tz {local} means the same), --source-tz UTC or --source-tz Europe/Berlin",
    ).format(which=which, here=local_zone_name(), local=LOCAL_ZONE)


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


def request_plan(readings: Readings, args: argparse.Namespace) -> RequestPlan:
    """The requests that upload `readings`, planned as the window and `outbox send` plan them.

    `args.type`, `args.max_points` and `args.max_bytes` choose the format and
    the limits per request. Raises FormatError when the format cannot carry
    the readings, ValueError for limits below one datapoint.
    """
    from gui.data.outbox import RequestOptions, plan_readings

    plan = plan_readings(readings, RequestOptions(BodyType(args.type), None, args.max_points, args.max_bytes))
    for warning in plan.warnings:
        _err(translate("cli", "warning: {warning}").format(warning=render(warning)))
    return plan


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
    _err(
        translate("cli", "read {path}:").format(path=path),
        *(f"  {render(line)}" for line in result.detected.describe()),
    )
    d = result.detected
    if d.zone_unused:  # the file's zone wins: say so, never a silent choice between the two
        states = translate("cli", "a zone in each time") if d.zone_stated == ZONE_IN_TIMES else d.zone_stated
        _err(
            translate(
                "cli",
                "  note: column {column} states {states}; --source-tz {zone} applies only to times without a zone",
            ).format(column=repr(d.zone_column), states=states, zone=d.zone_unused)
        )
    counts = translate("cli", ", ").join(
        translate("cli", "{stream} ({n})").format(stream=sid, n=n) for sid, n in result.stream_counts().items()
    )
    _err(
        translate("cli", "  {points} from {rows} ({counts}); {rejected} rejected").format(
            points=i18n.datapoints(len(result)),
            rows=i18n.rows(result.rows_read),
            counts=counts or translate("cli", "none"),
            rejected=i18n.rows(result.rows_rejected),
        )
    )
    for problem in sorted(result.problems, key=lambda p: (p.row is not None, p.row or 0))[:SHOWN_PROBLEMS]:
        if problem.row is not None:
            where = translate("cli", "row {row}").format(row=problem.row)
        else:
            where = translate("cli", "file")
        if problem.column:
            where += translate("cli", ", {column}").format(column=problem.column)
        kind = translate("cli", "rejected") if problem.severity is Severity.ERROR else translate("cli", "warning")
        why = render(problem.why) if problem.why is not None else problem.reason
        _err(translate("cli", "  {kind}: {where}: {why}").format(kind=kind, where=where, why=why))
    if result.problem_count > SHOWN_PROBLEMS:
        _err(translate("cli", "  … and {n} more problems").format(n=result.problem_count - SHOWN_PROBLEMS))


def run_send(args: argparse.Namespace) -> int:
    """`send FILE …`: import, check, then print (--dry-run) or send each request; see SEND_EPILOG for exits.

    With `--profile NAME` the profile is the target (not --endpoint/--device) and its key is
    used unless the environment gives one; a current-platform profile sends there
    (`gui.cli_profiles.send_thing`).
    """
    from gui.data.target import Platform

    profile = secrets = None
    if args.profile:
        if args.device or args.endpoint:
            _err("send: --profile names the target: leave out --device and --endpoint")
            return EXIT_USAGE
        opened = open_profile(args.profile, "send")
        if isinstance(opened, str):
            _err(opened)
            return EXIT_USAGE
        profile, secrets = opened
        if profile.platform is Platform.DATAPOINTS:
            args.endpoint, args.device = profile.endpoint, profile.device_id
    args.endpoint = args.endpoint or DEFAULT_ENDPOINT
    api_key = os.environ.get(API_KEY_ENV, "")
    if profile is not None and profile.platform is Platform.DATAPOINTS:
        api_key = device_key(profile, secrets)
        if not api_key and not args.dry_run:
            _err(
                translate(
                    "cli", "send: no api-key saved for profile {name}: save it in the window, or set {env}"
                ).format(name=repr(profile.name), env=API_KEY_ENV)
            )
            return EXIT_USAGE
    thing = profile is not None and profile.platform is Platform.THING
    if thing:
        pass  # its keys are checked after the import (a dry run needs none)
    elif not args.dry_run and not api_key:
        _err(
            translate(
                "cli",
                "send: set the environment variable {env} to the device's api-key (it is never read from "
                "the command line), or use --dry-run",
            ).format(env=API_KEY_ENV)
        )
        return EXIT_USAGE
    if not args.dry_run and not args.device and not thing:
        _err(translate("cli", "send: --device ID is required to send (a dry run shows DEVICE_ID)"))
        return EXIT_USAGE
    try:
        options = options_from_args(args)
        result = import_file(args.file, options)
    except (ImportFailed, ValueError) as exc:
        _err(translate("cli", "send: {file}: {why}").format(file=args.file, why=i18n.why(exc)))
        return EXIT_USAGE
    _report_import(args.file, result)
    if result.needs_date_order:
        examples = ", ".join(result.ambiguous_dates)
        _err(
            translate(
                "cli", "send: dates like {examples} can be day/month or month/day: pass --date-order dmy or mdy"
            ).format(examples=examples)
        )
    if result.zone_question:
        _err(
            translate(
                "cli",
                "send: the time column's header says {text}, which can mean {choices}: pass --source-tz with the "
                "zone the times were written in",
            ).format(text=result.zone_question_text, choices=translate("cli", " or ").join(result.zone_question))
        )
    if result.zone_unstated:
        _err(f"send: {zone_unstated_message(result)}")
    if result.needs_date_order or result.zone_question or result.zone_unstated:
        return EXIT_USAGE
    if result.needs_time:
        _err(
            translate(
                "cli",
                "send: no time column was understood in {file}: nothing sent. Name it with --time-column "
                "(and --time-format '%d.%m.%Y %H:%M' if it is written another way), or pass --missing-time now to "
                "stamp every row with the time of sending (or platform: the platform stamps each on arrival)",
            ).format(file=args.file)
        )
        return EXIT_REJECTED
    rejected = result.rows_rejected > 0 and not args.skip_rejected
    if rejected and not args.dry_run:
        _err(
            translate("cli", "send: {rows} cannot be read: nothing sent (fix them, or --skip-rejected)").format(
                rows=i18n.rows(result.rows_rejected)
            )
        )
        return EXIT_REJECTED
    readings = result.readings()
    if not len(readings):
        _err(translate("cli", "send: no datapoints to send"))
        return EXIT_FAILED if not rejected else EXIT_REJECTED
    if thing:
        assert profile is not None
        return send_thing(args, profile, secrets, readings, result)
    issues = validate(readings)
    for issue in issues:
        kind = translate("cli", "error") if issue.severity is Severity.ERROR else translate("cli", "warning")
        _err(f"  {kind}: {render(issue.text)}")
    errors = [i for i in issues if i.severity is Severity.ERROR]
    try:
        plan = request_plan(readings, args)
        bodies = [plan.body(k) for k in range(len(plan))]
        client = OneNetClient(
            args.endpoint, args.device or DRY_RUN_DEVICE, api_key or DRY_RUN_MASK, timeout=args.timeout
        )
    except ValueError as exc:  # FormatError, ConfigError, limits below one datapoint
        why = render(exc.text) if isinstance(exc, ConfigError) else str(exc)
        _err(translate("cli", "send: {why}").format(why=why))
        return EXIT_FAILED if isinstance(exc, FormatError) else EXIT_USAGE
    if args.dry_run:
        return _dry_run(client, bodies, len(readings), errors, rejected)
    if errors:
        _err(translate("cli", "send: the datapoints have errors (listed above): nothing sent"))
        return EXIT_FAILED
    if result.time_warnings and not args.send_anyway:
        _err(
            translate(
                "cli",
                "send: some times are far from the rest or in the future (listed above): nothing sent. Check them, "
                "then pass --send-anyway to send as they are",
            )
        )
        return EXIT_FAILED
    if issues and not args.send_anyway:
        _err(
            translate(
                "cli",
                "send: the datapoints have warnings (listed above; an overwritten datapoint is lost on the platform): "
                "nothing sent. Check them, then pass --send-anyway to send as they are",
            )
        )
        return EXIT_FAILED
    from gui.data.outbox import clients, requests_of
    from gui.data.pipeline import Pipeline
    from gui.data.target import Target

    target = Target.of(client.endpoint, client.device_id)
    status = _send_via_outbox(
        target,
        client.url,
        readings,
        plan,
        args,
        _sources(args.file, result),
        replan=lambda kept: request_plan(kept, args),
        requests_for=lambda plan, rows: requests_of(plan, rows, client.endpoint, client.device_id),
        pipeline=lambda store: Pipeline(store, clients(api_key, timeout=client.timeout)),
    )
    if result.rows_rejected:  # --skip-rejected: say it again under the outcome
        _err(
            translate("cli", "send: {rows} of {file} rejected (listed above): not sent").format(
                rows=i18n.rows(result.rows_rejected), file=args.file
            )
        )
    return status


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
    said = translate("cli", "dry run: {points} in {requests}, {size} bytes of body; nothing sent").format(
        points=i18n.datapoints(points), requests=i18n.requests(len(bodies)), size=total
    )
    _out((said + "\n").encode())
    if errors:
        return EXIT_FAILED
    return EXIT_REJECTED if rejected else EXIT_OK


def _sources(path: str, result: ImportResult) -> tuple[str, list[int]]:
    """The file's SHA-256 (hex) and, in `result.readings().pairs()` order, each datapoint's row in the file."""
    from gui.data.store import content_hash

    by_stream: dict[str, list[int]] = {}
    for (stream_id, _), row in zip(result.pairs(), result.table.source_rows(), strict=True):
        by_stream.setdefault(stream_id, []).append(row)
    return content_hash(path), [row for rows in by_stream.values() for row in rows]


def _report_queued_before(path: str, states: list[Any]) -> None:
    """Say that datapoints of this file were queued to this device before, and where they are (`states`: theirs)."""
    from gui.data.store import State

    sent = sum(1 for state in states if state is State.SENT)
    unknown = sum(1 for state in states if state is State.UNKNOWN)
    failed = sum(1 for state in states if state is State.FAILED)
    waiting = len(states) - sent - unknown - failed
    parts = [
        what.format(points=i18n.datapoints(n))
        for n, what in (
            (waiting, translate("cli", "{points} wait in the outbox (`onenet-uploader outbox send` sends them)")),
            (
                unknown,
                translate(
                    "cli",
                    "{points} may have been stored (outcome unknown; `outbox send --allow-duplicates` resends them)",
                ),
            ),
            (
                failed,
                translate("cli", "{points} were refused by the platform (`outbox send --retry-failed` resends them)"),
            ),
            (sent, translate("cli", "{points} were sent")),
        )
        if n
    ]
    _err(
        translate(
            "cli",
            "send: {path} was queued to this device before: {parts}. They are not queued again; --again queues "
            "them anew (datapoints without `at` would be stored twice).",
        ).format(path=path, parts=translate("cli", "; ").join(parts))
    )


def _send_via_outbox(
    target: Target,
    url: str,
    readings: Readings,
    plan: Any,
    args: argparse.Namespace,
    source: tuple[str, list[int]],
    *,
    replan: Callable[[Readings], Any],
    requests_for: Callable[[Any, list[Any]], Iterable[PlannedRequest]],
    pipeline: Callable[[Any], Pipeline],
) -> int:
    """Send the plan's requests through the outbox and the send pipeline, as the window does.

    Under the outbox's send lock (refused: nothing is queued), the datapoints enter the
    outbox first (not the window's editor), each remembering its `source` (the file's
    SHA-256 and its row there): datapoints of this file queued to this device before
    (waiting or sent) are not queued again unless `args.again`, and the user is told.
    Every attempt is recorded in the history, connection errors, timeouts, 503 and 429
    are retried, and what is not sent stays in the outbox for `outbox send`.
    """
    from gui.data.logs import setup_logging
    from gui.data.pipeline import Progress
    from gui.data.store import NewRow, RequestOutcome, State, Store, StoreBusy
    from gui.onenet.readings import kind_of

    setup_logging()

    def progress(state: Progress) -> None:
        if state.retry is not None:
            attempt = state.retry.attempt
            _err(
                translate("cli", "  attempt {number} failed: {why}; retrying in {s:.1f} s").format(
                    number=attempt.number, why=attempt.error, s=state.retry.wait_s
                )
            )

    digest, source_rows = source
    try:
        with Store() as store, store.send_lock() as lock:
            pairs = list(readings.pairs())
            known = {
                (r.row, r.stream_id): r.state for r in store.from_source(digest, target.endpoint, target.device_id)
            }
            keys = [(row, stream_id) for row, (stream_id, _) in zip(source_rows, pairs, strict=True)]
            keep = [i for i, key in enumerate(keys) if key not in known]
            if len(keep) < len(pairs) and not args.again:
                _report_queued_before(args.file, [known[key] for key in keys if key in known])
                if not keep:
                    return EXIT_USAGE
                pairs, source_rows = [pairs[i] for i in keep], [source_rows[i] for i in keep]
                plan = replan(Readings.from_pairs(pairs))  # same order: pairs are grouped by stream
            new = (
                NewRow(s, p, kind_of(p.value), (digest, row)) for (s, p), row in zip(pairs, source_rows, strict=True)
            )
            ids = store.add(
                new,
                state=State.UNSENT,
                endpoint=target.endpoint,
                device_id=target.device_id,
                platform=target.platform,
                in_editor=False,
            )
            rows = store.get(ids)  # by id: the order of readings.pairs(), the plan's
            requests = list(requests_for(plan, rows))
            result = pipeline(store).run(requests, progress=progress, lock=lock)
    except StoreBusy as exc:
        _err(translate("cli", "send: {why}: nothing queued, nothing sent").format(why=exc))
        return EXIT_FAILED
    total = len(plan.requests)
    not_sent = 0
    for index, (res, body) in enumerate(zip(result.results, requests, strict=True), 1):
        where = translate("cli", "request {k}/{n} ({size} bytes)").format(k=index, n=total, size=len(body.body.data))
        answer = res.response
        if res.outcome is RequestOutcome.SENT and answer is not None:
            _out(
                f"{where}: errno {answer.errno} ({answer.error}), HTTP {answer.http_status}, "
                f"{answer.latency_s * 1000:.0f} ms\n".encode()
            )
            continue
        if res.outcome is None:
            not_sent += 1
            continue
        why = (render(res.text) if res.text else res.message) or (
            str(res.error) if res.error is not None else res.outcome.value
        )
        detail = ""
        if answer is not None:  # the errno once: the reason may already say it
            errno = f"errno {answer.errno}"
            detail = f" HTTP {answer.http_status}." if errno in why else f" {errno}, HTTP {answer.http_status}."
        hint = " " + translate("client", answer.hint) if answer is not None and answer.hint else ""
        label = {
            RequestOutcome.UNKNOWN: translate("cli", "OUTCOME UNKNOWN"),
            RequestOutcome.UNSENT: translate("cli", "NOT DELIVERED"),
        }
        failed_label = translate("cli", "FAILED")
        line = f"{where}: {label.get(res.outcome, failed_label)}: {why}.{detail}{hint}"
        if res.outcome is RequestOutcome.UNKNOWN:
            line += translate("cli", " It may have been stored; `onenet-uploader outbox send` sends it again.")
        elif res.outcome is RequestOutcome.UNSENT:
            line += translate("cli", " Its datapoints wait in the outbox: `onenet-uploader outbox send` sends them.")
        _out((line + "\n").encode())
    if not_sent:
        stopped = render(
            Counted("later-requests").tr(
                "stopped: %Ln later request(s) not sent; they wait in the outbox", "", not_sent
            )
        )
        _out((stopped + "\n").encode())
    if result.ok:
        said = translate("cli", "sent {points} in {requests} to {url}").format(
            points=i18n.datapoints(result.sent), requests=i18n.requests(total), url=url
        )
        _out((said + "\n").encode())
        return EXIT_OK
    _out((render(result.summary_message()) + "\n").encode())
    return EXIT_FAILED
