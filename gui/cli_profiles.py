"""`--profile NAME` for `send`, `outbox send` and `verify`, and `send` to the current platform (no Qt here).

A profile (`gui.data.profiles`) names a target of either platform and keeps its keys in the
OS keyring. Keys may also come from the environment, never from the command line: the
api-key from `ONENET_API_KEY` (legacy), the device key from `ONENET_KEY` (current, as the
`token` command reads it); the environment wins. The product access key comes from
`ONENET_ACCESS_KEY`, else the profile; without it the thing-model checks are skipped and the
user is told.

`send --profile NAME` with a current-platform profile imports the file as `send` does, checks
the readings against the thing model when the access key is there (`thingmodel.check_readings`,
each refusal with its rule), plans them with `gui.data.outbox.plan_thing` and sends them through
the outbox and the pipeline, one fresh token per request; `--dry-run` prints each request with
the token masked.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_token import KEY_ENV
from gui.i18n import render, translate
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.data.importers import ImportResult
    from gui.data.profiles import Profile
    from gui.onenet.readings import Readings
    from gui.onenet.thingmodel import ThingModel

__all__ = [
    "ACCESS_KEY_ENV",
    "add_profile_argument",
    "add_profile_command",
    "device_key",
    "open_profile",
    "run_profile",
    "send_thing",
    "thing_keys",
    "verify_thing_profile",
]

#: `profile add` reads a current-platform profile's product access key from this variable (never the command line).
ACCESS_KEY_ENV = "ONENET_ACCESS_KEY"

#: The key a dry run signs its stand-in tokens with when no key is at hand (the token is masked anyway).
_DRY_RUN_KEY = "ZHJ5IHJ1bg=="  # base64 of "dry run"


def add_profile_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """`--profile NAME`: a device profile saved in the window (or a built-in sandbox one, in the window only)."""
    parser.add_argument("--profile", metavar="NAME", help=_PROFILE_HELPS[what])


#: --profile's help per command (whole sentences: each language words them its own way).
_PROFILE_HELPS = {
    "only datapoints queued for": QT_TRANSLATE_NOOP(
        "cli",
        "only datapoints queued for the target of this device profile (saved in the window: either platform; "
        "its key from the OS keyring unless the environment gives one)",
    ),
    "read back from": QT_TRANSLATE_NOOP(
        "cli",
        "read back from the target of this device profile (saved in the window: either platform; "
        "its key from the OS keyring unless the environment gives one)",
    ),
    "send to": QT_TRANSLATE_NOOP(
        "cli",
        "send to the target of this device profile (saved in the window: either platform; "
        "its key from the OS keyring unless the environment gives one)",
    ),
}


def open_profile(name: str, command: str, secrets: Any = None) -> tuple[Profile, Any] | str:
    """The profile `name` and the key store it reads from, or why not (a message for stderr).

    Refused: an unknown name, an incomplete profile, or one of the window's embedded
    sandbox (only the window runs it: start `onenet-uploader sandbox` and save a profile with
    its URL).
    """
    from gui.data.profiles import ProfileBook, ProfileError
    from gui.data.secrets import SecretStore
    from gui.data.target import SANDBOX_ENDPOINT
    from gui.onenet.client import ConfigError
    from gui.sandbox.profiles import BUILT_IN

    secrets = secrets if secrets is not None else SecretStore()
    try:
        profile = ProfileBook(secrets, builtin=BUILT_IN).load().get(name)
        target = profile.target()
    except (ProfileError, ConfigError) as exc:
        return f"{command}: {i18n.why(exc)}"
    if target.endpoint == SANDBOX_ENDPOINT:
        return (
            f"{command}: profile {name!r} is the window's embedded sandbox, which only the window runs; "
            "start `onenet-uploader sandbox` and save a profile with the URL it prints"
        )
    return profile, secrets


def device_key(profile: Profile, secrets: Any) -> str:
    """The key that signs uploads for `profile`: the environment's (ONENET_API_KEY, ONENET_KEY), else the profile's."""
    from gui.cli import API_KEY_ENV
    from gui.data.target import Platform

    env = API_KEY_ENV if profile.platform is Platform.DATAPOINTS else KEY_ENV
    return os.environ.get(env, "") or profile.key(secrets)


def access_key(profile: Profile, secrets: Any) -> str:
    """The product access key of a current-platform profile: `ONENET_ACCESS_KEY` if set, else the profile's."""
    from gui.data.target import Platform

    if profile.platform is not Platform.THING:
        return ""
    return os.environ.get(ACCESS_KEY_ENV, "") or profile.access_key(secrets)


def thing_keys(device: str, secrets: Any, profile: Profile | None = None) -> tuple[str, str]:
    """`(device key, access key)` for a current-platform device (`<product id>/<device name>`); "" for none.

    The device key from `ONENET_KEY` if set; else the keys of `profile`, or of the first
    saved profile of that device (the key belongs to the device, whatever the endpoint).
    """
    from gui.data.profiles import ProfileBook
    from gui.data.target import Platform
    from gui.onenet.client import ConfigError

    candidates = [profile] if profile is not None else ProfileBook(secrets).load().saved
    for candidate in candidates:
        try:
            if candidate.platform is Platform.THING and candidate.target().device_id == device:
                return device_key(candidate, secrets), access_key(candidate, secrets)
        except ConfigError:
            continue
    return os.environ.get(KEY_ENV, ""), ""


def _err(text: str) -> None:
    from gui.cli import _err as err

    err(text)


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
    from gui.cli import (
        DRY_RUN_MASK,
        EXIT_FAILED,
        EXIT_OK,
        EXIT_REJECTED,
        EXIT_USAGE,
        _out,
        _send_via_outbox,
        _sources,
    )
    from gui.data.logs import register_secret
    from gui.data.outbox import clients, plan_thing, thing_clients, thing_requests_of
    from gui.data.pipeline import Pipeline
    from gui.onenet.client import describe_request
    from gui.onenet.formats import FormatError
    from gui.onenet.onejson import MAX_HISTORY_VALUES
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


def verify_thing_profile(args: argparse.Namespace, profile: Profile, secrets: Any, readings: Readings) -> int:
    """`verify FILE --profile NAME` on the current platform: `verify_thing`, printed as `verify` prints; its exits."""
    from gui.cli import EXIT_OK, EXIT_PLATFORM, EXIT_PROBLEMS, EXIT_USAGE, print_checks
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


def add_profile_command(subparsers: Any) -> None:
    """`profile [list]`, `profile add NAME …`, `profile delete NAME`: the window's device profiles, headless."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "profile",
        help=QT_TRANSLATE_NOOP("cli", "list, add or delete device profiles (the window's)"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Device profiles name a target of either platform; the window and --profile NAME use them. "
            "Keys are read from the environment, never the command line, and kept in the OS keyring under the "
            "profile: the api-key from ONENET_API_KEY (legacy), the device key from ONENET_KEY and the product "
            "access key from ONENET_ACCESS_KEY (current platform; optional: the thing model and read-back need it).",
        ),
    )
    parser.set_defaults(run=run_profile, profile_command="list")
    actions = parser.add_subparsers(dest="profile_command", metavar="ACTION")
    actions.add_parser("list", help=QT_TRANSLATE_NOOP("cli", "list the profiles"))
    add = actions.add_parser("add", help=QT_TRANSLATE_NOOP("cli", "add (or replace) a profile"))
    add.add_argument("name", metavar="NAME")
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--device", metavar="ID", help=QT_TRANSLATE_NOOP("cli", "legacy api-key platform: the device id")
    )
    target.add_argument(
        "--product", metavar="PID", help=QT_TRANSLATE_NOOP("cli", "current thing-model platform: the product id")
    )
    add.add_argument(
        "--device-name",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("cli", "current platform: the device name (with --product)"),
    )
    add.add_argument(
        "--endpoint",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("cli", "default: the platform's (the device side's for --product)"),
    )
    add.add_argument(
        "--app-endpoint",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("cli", "current platform: thing model and read-back (default: the platform's)"),
    )
    delete = actions.add_parser("delete", help=QT_TRANSLATE_NOOP("cli", "delete a profile and its keys"))
    delete.add_argument("name", metavar="NAME")


def run_profile(args: argparse.Namespace, secrets: Any = None) -> int:
    """The `profile` command; exit 0, or 2 with the reason on stderr. Never prints a key."""
    from gui.cli import API_KEY_ENV, EXIT_OK, EXIT_USAGE
    from gui.data.profiles import ProfileBook, ProfileError
    from gui.data.secrets import SecretStore
    from gui.data.target import Platform
    from gui.onenet.client import ConfigError
    from gui.sandbox.profiles import BUILT_IN

    store = secrets if secrets is not None else SecretStore()
    book = ProfileBook(store, builtin=BUILT_IN)
    try:
        if args.profile_command == "add":
            thing = args.product is not None
            if thing != (args.device_name is not None):
                print(
                    translate("cli", "profile: --device-name goes with --product (the current platform)"),
                    file=sys.stderr,
                )
                return EXIT_USAGE
            blank = book.blank(Platform.THING if thing else Platform.DATAPOINTS)
            profile = replace(
                blank,
                name=args.name,
                endpoint=args.endpoint or blank.endpoint,
                device_id=args.device or "",
                product_id=args.product or "",
                device_name=args.device_name or "",
                app_endpoint=args.app_endpoint or blank.app_endpoint,
            )
            profile.target()  # complete and valid, or ConfigError
            key = os.environ.get(KEY_ENV if thing else API_KEY_ENV) or None
            access = (os.environ.get(ACCESS_KEY_ENV) or None) if thing else None
            saved = book.save(profile, key=key, access_key=access)
            if key and access:
                what = translate("cli", "key and access key")
            else:
                what = translate("cli", "key") if key else translate("cli", "access key")
            if not (key or access):
                kept = translate("cli", "no key saved")
            elif store.available:
                kept = translate("cli", "{what} in the keyring").format(what=what)
            else:
                kept = translate(
                    "cli", "{what} NOT saved: {why} (set the environment variables when you send instead)"
                ).format(what=what, why=store.last_error)
            print(translate("cli", "saved {profile} ({kept})").format(profile=render(saved.description()), kept=kept))
        elif args.profile_command == "delete":
            book.delete(args.name)
            print(translate("cli", "deleted profile {name} and its keys").format(name=repr(args.name)))
        else:
            profiles = book.load()
            builtin = translate("cli", " [built in: the window's sandbox]")
            for profile in profiles.all():
                mark = "*" if profile.name == profiles.current else " "
                print(f"{mark} {render(profile.description())}" + (builtin if profile.builtin else ""))
    except ConfigError as exc:
        print(translate("cli", "profile: {why}").format(why=render(exc.text)), file=sys.stderr)
        return EXIT_USAGE
    except (ProfileError, OSError) as exc:
        print(translate("cli", "profile: {why}").format(why=i18n.why(exc)), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
