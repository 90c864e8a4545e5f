"""`onenet-uploader send FILE`: import a file of readings, check it, and upload it through the outbox (or --dry-run).

`send --profile NAME` with a current-platform profile (`send_thing`) imports the file as `send` does, checks
the readings against the thing model when the access key is there (`thingmodel.check_readings`,
each refusal with its rule), plans them with `gui.data.outbox.plan_thing` and sends them through
the outbox and the pipeline, one fresh token per request; `--dry-run` prints each request with
the token masked.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_common import (
    API_KEY_ENV,
    DRY_RUN_MASK,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    _err,
    _out,
    bad_limits,
)
from gui.cli_import import (
    _report_import,
    add_import_arguments,
    date_order_message,
    needs_date_message,
    options_from_args,
    zone_unstated_message,
)
from gui.cli_options import add_limit_options, add_target_options
from gui.cli_profiles import access_key, device_key, open_profile
from gui.cli_token import KEY_ENV
from gui.data.importers import ImportFailed, ImportResult, MissingTime, import_file
from gui.i18n import render, translate
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, answer_message
from gui.onenet.formats import BodyType, EncodedBody, FormatError
from gui.onenet.readings import Readings
from gui.onenet.request_text import describe_request
from gui.onenet.split import RequestPlan
from gui.onenet.validation import Severity, validate
from gui.text import QT_TRANSLATE_NOOP, Counted

if TYPE_CHECKING:
    from gui.data.outbox import PlannedRequest
    from gui.data.pipeline import Pipeline
    from gui.data.profiles import Profile
    from gui.data.target import Target
    from gui.onenet.thingmodel import ThingModel


#: The device id a dry run shows when --device is not given.
DRY_RUN_DEVICE = "DEVICE_ID"
#: The key a dry run signs its stand-in tokens with when no key is at hand (the token is masked anyway).
_DRY_RUN_KEY = "ZHJ5IHJ1bg=="  # base64 of "dry run"


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

exit status (--dry-run exits as the send would, for the same file and options):
  0  everything sent (or, with --dry-run, every request printed) and nothing rejected
  1  a request failed (errno not 0, HTTP or network error), a datapoint is invalid, or
     validation warned (e.g. two datapoints of a stream with the same at: the platform keeps
     one) and --send-anyway was not given
  2  bad arguments, no ONENET_API_KEY, a file that cannot be read, or a question to answer
     (--date-order for dates like 04/11/2026 or 26-12-07; --date for times of day without
     a date; --source-tz for times whose zone the file does not state, or for a header
     that says CST, or CET/EST over summer dates)
  2  also: this file was queued to this device before (its datapoints wait in the outbox or
     were sent): nothing queued again; --again queues them anew
  3  some rows cannot be read (an empty time cell, a wall-clock time that happens twice at
     the end of summer time, ...): they are listed and nothing is sent; --skip-rejected sends
     the other rows (exit 0 if they are stored); or no time column was understood and
     --missing-time was not given: nothing is sent
  4  the outbox database cannot be used as it is: damaged (moved aside, what was readable
     saved into a new one), gone or emptied since it held data, disk full or read-only
""",
)


def add_send_command(subparsers: Any) -> None:
    """Register `send` on the app's argument parser (sets `run`)."""
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


def add_send_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `send`."""
    parser.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "the file to import"))
    add_target_options(
        parser,
        device=QT_TRANSLATE_NOOP("cli", "the device id (required unless --dry-run or --profile)"),
        endpoint=QT_TRANSLATE_NOOP("cli", "default: https://api.heclouds.com"),
        profile=QT_TRANSLATE_NOOP(
            "cli",
            "send to the target of this device profile (saved in the window: either platform; "
            "its key from the OS keyring unless the environment gives one)",
        ),
    )
    add_import_arguments(parser)
    parser.add_argument(
        "--missing-time",
        choices=[m.value for m in MissingTime],
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "rows without a time: now (stamp each with the time of the import), platform (send without at: "
                "the platform stamps each on arrival), refuse; default: a file with no time column is refused "
                "(exit 3), and so is a row whose time cell is empty (a rejected row, exit 3; OneNET bodies: "
                "platform)",
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
    add_limit_options(parser, "timeout", metavars=False)  # shown as TIMEOUT, as it always was
    parser.add_argument(
        "--type", type=int, choices=[1, 3, 4, 5], default=1, help=QT_TRANSLATE_NOOP("cli", "body format (default 1)")
    )
    add_limit_options(parser, "max_points", "max_bytes")


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


def run_send(args: argparse.Namespace) -> int:
    """`send FILE …`: import, check, then print (--dry-run) or send each request; see SEND_EPILOG for exits.

    With `--profile NAME` the profile is the target (not --endpoint/--device) and its key is
    used unless the environment gives one; a current-platform profile sends there
    (`send_thing`).
    """
    from gui.data.target import Platform

    why = bad_limits(args, "send")
    if why:
        _err(why)
        return EXIT_USAGE
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
    if thing:  # the thing model's `time` is Unix milliseconds (shared onenet-api.md, "The current platform")
        _err("  " + translate("cli", "at on the wire: Unix milliseconds (UTC)"))
    else:  # the legacy API's `at` is platform time (shared onenet-api.md, "Timestamps")
        _err("  " + translate("cli", "at on the wire: platform time, UTC+8"))
    if result.needs_date_order:
        _err(f"send: {date_order_message(result)}")
    if result.zone_question:
        _err(
            translate(
                "cli",
                "send: the time column says {text}, which can mean {choices}: pass --source-tz with the "
                "zone the times were written in",
            ).format(text=result.zone_question_text, choices=translate("cli", " or ").join(result.zone_question))
        )
    if result.zone_unstated:
        _err(f"send: {zone_unstated_message(result)}")
    if result.needs_date:
        _err(f"send: {needs_date_message(result)}")
    for question in result.questions:
        _err(f"send: {render(question)}")
    if result.needs_date_order or result.needs_date or result.zone_question or result.zone_unstated or result.questions:
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
    if args.dry_run:  # the exit status the send would have: a script can check first
        warned = bool(result.time_warnings or issues) and not args.send_anyway
        return _dry_run(client, bodies, len(readings), rejected=rejected, errors=bool(errors), warned=warned)
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
    client: OneNetClient, bodies: Sequence[EncodedBody], points: int, *, rejected: bool, errors: bool, warned: bool
) -> int:
    """Print the requests a send would make; the exit status that send would have (nothing is sent).

    As `run_send` decides before sending: rows rejected (EXIT_REJECTED), then invalid
    datapoints, then warnings without --send-anyway (`warned`; EXIT_FAILED), else EXIT_OK.
    """
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
    if rejected:
        return EXIT_REJECTED
    return EXIT_FAILED if errors or warned else EXIT_OK


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


def _unknown_next(request: PlannedRequest, rows: dict[int, Any]) -> str:
    """What `outbox send` does with the datapoints of a request whose outcome is unknown, as one sentence to append.

    It holds back those that `may_store_twice` (without `at`: a copy would be a second
    datapoint) unless --allow-duplicates, and sends the others again (`plan_outbox`'s rule).
    """
    from gui.data.outbox import may_store_twice
    from gui.data.store import State

    held = sum(
        1
        for row_id in request.outbox_ids
        if row_id in rows and may_store_twice(State.UNKNOWN, rows[row_id].at, BodyType.FULL_JSON)
    )
    if not held:
        return translate("cli", " It may have been stored; `onenet-uploader outbox send` sends it again.")
    if held == len(request.outbox_ids):
        return translate(
            "cli",
            " It may have been stored; its datapoints have no `at`, so a copy would be stored twice: "
            "`onenet-uploader outbox send` holds them back. Check the platform (`onenet-uploader verify --last`); "
            "if they are missing, `outbox send --allow-duplicates` sends them again.",
        )
    return translate(
        "cli",
        " It may have been stored; `onenet-uploader outbox send` sends again those with `at` and holds back the "
        "{points} without (a copy would be stored twice): check the platform (`onenet-uploader verify --last`), "
        "then `outbox send --allow-duplicates` sends those too.",
    ).format(points=i18n.datapoints(held))


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
    from gui.data.send_results import Progress
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
            by_id = {row.id: row for row in rows}
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
            told = answer.errno is not None and f"errno {answer.errno}" in why
            detail = f" HTTP {answer.http_status}." if told else f" {render(answer_message(answer))}."
        hint = " " + translate("client", answer.hint) if answer is not None and answer.hint else ""
        label = {
            RequestOutcome.UNKNOWN: translate("cli", "OUTCOME UNKNOWN"),
            RequestOutcome.UNSENT: translate("cli", "NOT DELIVERED"),
        }
        failed_label = translate("cli", "FAILED")
        line = f"{where}: {label.get(res.outcome, failed_label)}: {why}.{detail}{hint}"
        if res.outcome is RequestOutcome.UNKNOWN:
            line += _unknown_next(body, by_id)
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


def _read_model(profile: Profile, key: str, access: str, timeout: float) -> ThingModel | str | None:
    """The product's thing model, None without the access key (said on stderr), or why it could not be read."""
    from gui.onenet.client import OneNetError
    from gui.onenet.thing_client import ThingClient

    if not access:
        _err(
            f"send: profile {profile.name!r} has no product access key: the thing model was not read, so property "
            "identifiers and value types are not checked before sending (the platform still refuses what its "
            "model does not allow)"
        )
        return None
    client = ThingClient(
        profile.product_id,
        profile.device_name,
        device_key=key or None,
        access_key=access,
        device_endpoint=profile.endpoint,
        app_endpoint=profile.app_endpoint,
        timeout=timeout,
    )
    try:
        return client.query_thing_model()
    except (OneNetError, ValueError) as exc:
        return f"send: the thing model of product {profile.product_id} could not be read: {exc}"
    finally:
        client.session.close()


def send_thing(
    args: argparse.Namespace, profile: Profile, secrets: Any, readings: Readings, result: ImportResult
) -> int:
    """`send FILE --profile NAME` to the current platform; exit statuses as `send`'s (SEND_EPILOG)."""
    from gui.data.logs import register_secret
    from gui.data.outbox import clients, plan_thing, thing_clients, thing_requests_of
    from gui.data.pipeline import Pipeline
    from gui.onenet.formats import FormatError
    from gui.onenet.onejson import MAX_HISTORY_VALUES
    from gui.onenet.request_text import describe_request
    from gui.onenet.thing_client import ThingClient
    from gui.onenet.thingmodel import check_readings

    if args.type != 1:
        _err("send: the current platform takes OneJSON posts: --type does not apply to a thing-model profile")
        return EXIT_USAGE
    key, access = device_key(profile, secrets), access_key(profile, secrets)
    for secret in (key, access):
        if secret:
            register_secret(secret)
    if not args.dry_run and not key and not access:
        _err(
            f"send: no device key for profile {profile.name!r}: save it in the window's profile, or set {KEY_ENV} "
            "(it is never read from the command line), or use --dry-run"
        )
        return EXIT_USAGE
    target = profile.target()
    model = _read_model(profile, key, access, args.timeout)
    if isinstance(model, str):
        _err(model)
        return EXIT_FAILED
    issues = check_readings(model, readings) if model is not None else []
    for issue in issues:
        _err(f"  {issue.severity.value}: {issue.message}")
    if issues:
        _err("send: the thing model refuses these values (listed above, each with its rule): nothing sent")
        return EXIT_FAILED
    try:
        plan = plan_thing(readings, min(args.max_points, MAX_HISTORY_VALUES), model)
    except (FormatError, ValueError) as exc:
        _err(f"send: {exc}")
        return EXIT_USAGE
    for warning in plan.warnings:
        _err(translate("cli", "warning: {warning}").format(warning=render(warning)))
    make = thing_clients(key or (_DRY_RUN_KEY if args.dry_run and not access else ""), access_key=access,
                         timeout=args.timeout)  # fmt: skip
    if args.dry_run:
        client: ThingClient = make(target.endpoint, target.device_id)
        total = 0
        for index in range(len(plan)):
            prepared = client.prepare_upload(plan.body(index))
            data = prepared.body if isinstance(prepared.body, bytes) else b""
            head = describe_request(prepared, mask=DRY_RUN_MASK)
            _out(("\n" if index else "").encode() + head.encode("utf-8") + b"\n\n" + data + b"\n")
            total += len(data)
        client.session.close()
        count = len(plan.requests)
        _out(f"dry run: {len(readings)} datapoints in {count} request{'s' if count != 1 else ''}, {total} bytes "
             "of body; nothing sent\n".encode())  # fmt: skip
        return EXIT_OK if not result.rows_rejected else EXIT_REJECTED
    return _send_via_outbox(
        target,
        target.endpoint,
        readings,
        plan,
        args,
        _sources(args.file, result),
        replan=lambda kept: plan_thing(kept, min(args.max_points, MAX_HISTORY_VALUES), model),
        requests_for=lambda plan, rows: thing_requests_of(plan, [rows[i] for i in plan.order], target),
        pipeline=lambda store: Pipeline(store, clients(""), things=make),
    )
