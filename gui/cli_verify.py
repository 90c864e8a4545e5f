"""`onenet-uploader verify`: read sent datapoints back from the platform and compare (a file, a body, the last
upload)."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE, _pad, bad_limits
from gui.cli_import import (
    _report_import,
    add_import_arguments,
    date_order_message,
    needs_date_message,
    options_from_args,
    zone_unstated_message,
)
from gui.cli_options import add_target_options
from gui.cli_profiles import access_key, open_profile
from gui.data.importers import ImportFailed, MissingTime, import_file
from gui.i18n import render, translate
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetError
from gui.onenet.formats import FormatError
from gui.onenet.readings import Readings
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.data.profiles import Profile

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
    add_target_options(
        parser,
        device=QT_TRANSLATE_NOOP("cli", "device id (required unless --last; with --last: narrows)"),
        profile=QT_TRANSLATE_NOOP(
            "cli",
            "read back from the target of this device profile (saved in the window: either platform; "
            "its key from the OS keyring unless the environment gives one)",
        ),
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help=QT_TRANSLATE_NOOP("cli", "seconds to wait per request")
    )
    add_target_options(
        parser,
        endpoint=QT_TRANSLATE_NOOP(
            "cli", "API endpoint (default https://api.heclouds.com; with --last: from the history)"
        ),
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
    from gui.onenet.decoding import decode
    from gui.onenet.formats import BodyType

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
        return date_order_message(result)
    if result.needs_date:
        return needs_date_message(result)
    if result.zone_question:
        return translate("cli", "the time column says {zone} ({choices}): pass --source-tz").format(
            zone=result.zone_question_text, choices=" / ".join(result.zone_question)
        )
    if result.zone_unstated:
        return zone_unstated_message(result)
    if result.questions:
        return i18n.render(result.questions[0])
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

    why = bad_limits(args, "verify")
    if why:
        print(why, file=sys.stderr)
        return EXIT_USAGE
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


def verify_thing_profile(args: argparse.Namespace, profile: Profile, secrets: Any, readings: Readings) -> int:
    """`verify FILE --profile NAME` on the current platform: `verify_thing`, printed as `verify` prints; its exits."""
    from gui.data.logs import register_secret
    from gui.onenet.client import OneNetError
    from gui.onenet.thing_client import ThingClient
    from gui.onenet.thing_verify import verify_thing
    from gui.onenet.verify import Outcome

    access = access_key(profile, secrets)
    if not access:
        print(
            f"verify: profile {profile.name!r} has no product access key: reading back "
            "(query-device-property-history) needs it; save it in the window's profile",
            file=sys.stderr,
        )
        return EXIT_USAGE
    register_secret(access)
    client = ThingClient(
        profile.product_id,
        profile.device_name,
        access_key=access,
        device_endpoint=profile.endpoint,
        app_endpoint=profile.app_endpoint,
        timeout=args.timeout,
    )
    try:
        model = client.query_thing_model()
        report = verify_thing(client, readings, model)
    except (OneNetError, ValueError) as exc:
        print(f"verify: could not read {client.app_endpoint} back: {exc}", file=sys.stderr)
        return EXIT_PLATFORM
    finally:
        client.session.close()
    print_checks(report, args)
    print(render(report.summary_message()))
    print(
        translate("cli", "{points} read back from {url} for device {device} of product {product} in {requests}").format(
            points=i18n.datapoints(report.read_back),
            url=client.app_endpoint,
            device=profile.device_name,
            product=profile.product_id,
            requests=i18n.requests(report.requests),
        )
    )
    strict_unverifiable = args.strict and report.counts[Outcome.UNVERIFIABLE]
    return EXIT_PROBLEMS if not report.ok or strict_unverifiable else EXIT_OK
