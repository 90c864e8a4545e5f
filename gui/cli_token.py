"""`onenet-uploader token`: a token of the current platform for a product or a device, to paste into firmware.

The key comes from the environment variable `ONENET_KEY` only (a command line is visible
to other users and kept in shell history). The token alone goes to stdout; what it is for
and when it expires (in this computer's zone, and as `et`) go to stderr. The algorithm is
`gui.onenet.token` (shared onenet-api.md, "The current platform", **Token**). No Qt.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from datetime import datetime, timedelta
from typing import Any

from gui.data.importers.zones import local_zone_name
from gui.i18n import translate
from gui.onenet.readings import localize, parse_at
from gui.onenet.token import DEFAULT_METHOD, METHODS, TokenError, make_token, resource
from gui.onenet.zones import parse_zone
from gui.text import QT_TRANSLATE_NOOP

__all__ = ["KEY_ENV", "add_token_command", "expiry_of", "run_token"]

#: The key is read from this environment variable only.
KEY_ENV = "ONENET_KEY"
#: `--expires` when not given: short, as a token should live.
DEFAULT_EXPIRES = "1h"
EXIT_OK, EXIT_USAGE = 0, 2

_DURATION = re.compile(r"\s*(?P<n>[0-9]{1,9})\s*(?P<unit>s|m|min|h|d|y)\s*", re.IGNORECASE)
_UNIT_S = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "y": 365 * 86400}
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})\s*")
_UNIX = re.compile(r"\s*([0-9]{10,12})\s*")

EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    """The key is read from the environment variable ONENET_KEY, never from the command line:
the device's key (设备密钥) with --device, else the product's access key (access_key),
as the OneNET console shows it (base64 text).

--expires TIME: a duration from now (90s, 30m, 12h, 365d, 5y), a date or time in this
computer's zone (2027-06-30, 2027-06-30 18:00; an offset such as +08:00 is used as given),
or Unix seconds (1893456000). Default 1h. The platform refuses a token whose
expiry has passed: a token pasted into firmware must outlive the firmware's use of it.

exit status: 0 the token printed; 2 bad arguments, no ONENET_KEY, a key that is not
base64, an expiry that is not in the future
""",
)


def add_token_command(subparsers: Any) -> None:
    """Register `token` on the app's argument parser (sets `run`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "token",
        help=QT_TRANSLATE_NOOP("cli", "print a token of the current (thing model) platform for a product or device"),
        description=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Make the signed token the current OneNET platform takes (token.exe's job), "
                "for a product or one of its devices.",
            )
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--product", required=True, metavar="PID", help=QT_TRANSLATE_NOOP("cli", "the product id (e.g. DuE2rcXUKn)")
    )
    parser.add_argument(
        "--device",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("cli", "the device name: the token is the device's (the key is its device key)"),
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default=DEFAULT_METHOD,
        help=QT_TRANSLATE_NOOP("cli", "signature method (default %(default)s)"),
    )
    parser.add_argument(
        "--expires",
        default=DEFAULT_EXPIRES,
        metavar="TIME",
        help=QT_TRANSLATE_NOOP("cli", "when it expires (default %(default)s)"),
    )
    parser.set_defaults(run=run_token)


def expiry_of(text: str, now: float, zone_name: str | None = None) -> int:
    """`et` (Unix seconds) for `--expires TIME`: a duration from `now`, a date/time in the zone, or Unix seconds.

    `zone_name` is an IANA name (default this computer's zone). Raises ValueError when the
    text is none of these; an expiry not after `now` is the caller's to refuse.
    """
    duration = _DURATION.fullmatch(text)
    if duration is not None:
        return int(now) + int(duration["n"]) * _UNIT_S[duration["unit"].lower()]
    unix = _UNIX.fullmatch(text)
    if unix is not None:
        return int(unix[1])
    zone = parse_zone(zone_name or local_zone_name()).tz
    date = _DATE.fullmatch(text)
    if date is not None:
        at = localize(datetime.fromisoformat(date[1]), zone)
    else:
        try:
            at = parse_at(text, zone)
        except ValueError:
            raise ValueError(
                f"--expires {text!r} is not a duration (30m, 12h, 365d), a date or time (2027-06-30 18:00) "
                "or Unix seconds"
            ) from None
    return int(at.timestamp() + (0.999999 if at.microsecond else 0))


def _shown_expiry(et: int, zone_name: str) -> str:
    """`et` in the user's zone: `2027-06-30 18:00:00 CEST (UTC+02:00)`."""
    at = datetime.fromtimestamp(et, parse_zone(zone_name).tz)
    offset = at.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{at:%Y-%m-%d %H:%M:%S} {at.tzname()} (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


def run_token(args: argparse.Namespace) -> int:
    """Print the token on stdout, its resource and expiry on stderr; the exit status (module docstring)."""
    key = os.environ.get(KEY_ENV, "")
    if not key.strip():
        if args.device:
            said = translate("cli", "token: set {env} to the device key (it is never taken from the command line)")
        else:
            said = translate(
                "cli", "token: set {env} to the product's access key (it is never taken from the command line)"
            )
        print(said.format(env=KEY_ENV), file=sys.stderr)
        return EXIT_USAGE
    now = time.time()
    zone_name = local_zone_name()
    try:
        et = expiry_of(args.expires, now, zone_name)
        if et <= now:
            raise TokenError(
                translate(
                    "cli", "--expires {expires} is {time}, in the past: the platform refuses an expired token"
                ).format(expires=repr(args.expires), time=_shown_expiry(et, zone_name))
            )
        token = make_token(key, args.product, args.device, et=et, method=args.method, now=now)
    except (TokenError, ValueError) as exc:
        print(translate("cli", "token: {why}").format(why=exc), file=sys.stderr)
        return EXIT_USAGE
    print(token)
    print(
        translate("cli", "token for res={res}, method {method}, valid until {time} (et={et})").format(
            res=resource(args.product, args.device), method=args.method, time=_shown_expiry(et, zone_name), et=et
        ),
        file=sys.stderr,
    )
    return EXIT_OK
