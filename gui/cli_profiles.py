"""`profile` (the window's device profiles, headless) and `--profile NAME` for `send`, `outbox send` and `verify`
(no Qt here).

A profile (`gui.data.profiles`) names a target of either platform and keeps its keys in the
OS keyring. Keys may also come from the environment, never from the command line: the
api-key from `ONENET_API_KEY` (legacy), the device key from `ONENET_KEY` (current, as the
`token` command reads it); the environment wins. The product access key comes from
`ONENET_ACCESS_KEY`, else the profile; without it the thing-model checks are skipped and the
user is told. Sending to and verifying on the current platform with a profile: `gui.cli_send.send_thing`,
`gui.cli_verify.verify_thing_profile`.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_options import add_target_options
from gui.cli_token import KEY_ENV
from gui.i18n import render, translate
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.data.profiles import Profile

__all__ = [
    "ACCESS_KEY_ENV",
    "access_key",
    "add_profile_command",
    "device_key",
    "open_profile",
    "run_profile",
    "thing_keys",
]

#: `profile add` reads a current-platform profile's product access key from this variable (never the command line).
ACCESS_KEY_ENV = "ONENET_ACCESS_KEY"


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
    from gui.cli_common import API_KEY_ENV
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
    add_target_options(target, device=QT_TRANSLATE_NOOP("cli", "legacy api-key platform: the device id"))
    target.add_argument(
        "--product", metavar="PID", help=QT_TRANSLATE_NOOP("cli", "current thing-model platform: the product id")
    )
    add.add_argument(
        "--device-name",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("cli", "current platform: the device name (with --product)"),
    )
    add_target_options(
        add, endpoint=QT_TRANSLATE_NOOP("cli", "default: the platform's (the device side's for --product)")
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
    from gui.cli_common import API_KEY_ENV, EXIT_OK, EXIT_USAGE
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
