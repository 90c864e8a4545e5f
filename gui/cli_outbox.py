"""`onenet-uploader outbox` (list what waits) and `outbox send` (send it headless, as the window would)."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any

from gui import i18n
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE, _on_interrupt, _pad, bad_limits
from gui.cli_options import add_limit_options, add_target_options
from gui.cli_outbox_edit import add_outbox_edit_commands
from gui.cli_profiles import open_profile, thing_keys
from gui.i18n import render, translate
from gui.onenet.client import ConfigError, answer_message
from gui.text import QT_TRANSLATE_NOOP, Counted

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
            "and --max-bytes body bytes, split as the window and `send` split them (at most one datapoint "
            "without `at` of a datastream in a request), retrying connection errors, timeouts, HTTP 5xx and 429. "
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
    add_target_options(
        send,
        endpoint=QT_TRANSLATE_NOOP("cli", "only datapoints queued for this endpoint (they are never re-addressed)"),
        device=QT_TRANSLATE_NOOP("cli", "only datapoints queued for this device id"),
        profile=QT_TRANSLATE_NOOP(
            "cli",
            "only datapoints queued for the target of this device profile (saved in the window: either platform; "
            "its key from the OS keyring unless the environment gives one)",
        ),
    )
    add_limit_options(send, "batch", "max_bytes", "timeout", "attempts")
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
    add_outbox_edit_commands(actions)


def _ellipsis(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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
    from gui.data.pipeline import RetryPolicy, send_outbox
    from gui.data.secrets import SecretStore
    from gui.data.send_results import Progress
    from gui.data.store import State, Store, StoreBusy
    from gui.onenet.client import validate_endpoint

    why = bad_limits(args, "outbox send")
    if why:
        print(why, file=sys.stderr)
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
                    render(answer_message(last.response)) if last.response is not None else ""
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
            render(
                Counted("sandbox-left").tr(
                    "%Ln datapoint(s) made for the window's local sandbox were left alone: only the window runs it "
                    "(they never go to another endpoint unless you move them there in the window).",
                    "",
                    plan.sandbox,
                )
            )
        )
    if plan.requests == 0 and not plan.held_back:
        print(
            translate("cli", "Nothing to send: the outbox has no unsent or unknown datapoints{narrowed}.").format(
                narrowed=narrowed
            )
        )
        if failed:
            print(
                render(
                    Counted("refused")
                    .tr(
                        "%Ln datapoint(s){narrowed} were refused by the platform (failed): fix the cause (see "
                        "`onenet-uploader outbox --state failed` and the log), then send them with --retry-failed.",
                        "",
                        len(failed),
                    )
                    .with_args(narrowed=narrowed)
                )
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
            render(
                Counted("not-retried").tr(
                    "%Ln datapoint(s) refused by the platform earlier were not retried (--retry-failed does).",
                    "",
                    len(failed),
                )
            )
        )
    if plan.held_back:
        print(
            render(
                Counted("held-back").tr(
                    "%Ln datapoint(s) without an explicit `at` were held back: an earlier request that "
                    "carried them may have stored them (outcome unknown), and the platform would store them again. "
                    "Check the platform, then use --allow-duplicates to send them anyway.",
                    "",
                    plan.held_back,
                )
            )
        )
    print(translate("cli", "Log: {path}").format(path=log_file))
    if result.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.ok and not plan.held_back and not failed else EXIT_NOT_ALL_SENT
