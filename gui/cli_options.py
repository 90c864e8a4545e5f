"""The options of a command line that name a target, and those that limit its requests, in one place.

Every command that takes --endpoint, --device, --api-key or --profile (`send`, `outbox send`, `verify`,
`simulate`, `profile add`, and the sandbox's own command line, `gui.sandbox.cli`) adds them with
`add_target_options`: the same flag and the same shown value (URL, ID, KEY, NAME) everywhere; each
command words their help for what it does with them. The commands that send (`send`, `outbox send`)
add their request limits (datapoints and body bytes per request, seconds per attempt, attempts) with
`add_limit_options`: the same type, default and help everywhere. This module imports only the core's
limits and `gui.text` (no Qt), so the sandbox can use it too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS
from gui.text import QT_TRANSLATE_NOOP

__all__ = ["LIMIT_OPTIONS", "TARGET_OPTIONS", "add_limit_options", "add_target_options"]

# The help texts of the request limits (before any `#:` note, which lupdate would give them as a comment).
_POINTS_HELP = QT_TRANSLATE_NOOP("cli", "datapoints per request at most (default %(default)s)")
_BYTES_HELP = QT_TRANSLATE_NOOP("cli", "body bytes per request at most (default %(default)s)")
_TIMEOUT_HELP = QT_TRANSLATE_NOOP("cli", "seconds per attempt: connect, send and the whole answer")
_ATTEMPTS_HELP = QT_TRANSLATE_NOOP("cli", "attempts per request (default 5)")

#: Each target option by its keyword in `add_target_options`: its flag and how its value is shown in --help.
TARGET_OPTIONS = {
    "endpoint": ("--endpoint", "URL"),
    "device": ("--device", "ID"),
    "api_key": ("--api-key", "KEY"),
    "profile": ("--profile", "NAME"),
}


def add_target_options(
    parser: Any,
    *,
    defaults: Mapping[str, object] | None = None,
    required: Collection[str] = (),
    metavars: bool = True,
    **helps: str,
) -> None:
    """Add the target options named in `helps` to `parser`, in the order given, each with its help text.

    `parser`: an ArgumentParser, an argument group or a mutually exclusive group. `helps`: keyword
    (a key of TARGET_OPTIONS) -> help (marked `QT_TRANSLATE_NOOP("cli", …)` where it is written;
    `%(default)s` is the default). `defaults`: keyword -> default value (None when not given);
    `required`: the keywords that must be given. `metavars=False` shows each value as argparse
    names it (ENDPOINT, DEVICE, API_KEY, PROFILE) instead of TARGET_OPTIONS' URL, ID, KEY, NAME.
    Raises KeyError for a keyword not in TARGET_OPTIONS.
    """
    defaults = defaults or {}
    for key, text in helps.items():
        flag, metavar = TARGET_OPTIONS[key]
        options: dict[str, Any] = {"help": text}
        if metavars:
            options["metavar"] = metavar
        if key in defaults:
            options["default"] = defaults[key]
        if key in required:
            options["required"] = True
        if key == "device":
            options["type"] = _device_argument
        parser.add_argument(flag, **options)


def _device_argument(text: str) -> str:
    """`--device`: the id as the window reads it (`gui.onenet.client.read_device_id`: `４０９３２１５` is 4093215).
    An id that is not one stays as given: the client refuses it with the reason, translated, before sending."""
    from gui.onenet.client import ConfigError, read_device_id

    try:
        return read_device_id(text)
    except ConfigError:
        return text


#: Each request-limit option by its keyword in `add_limit_options`: its flag, type, default, shown value and help.
#: `outbox send` spells the datapoints per request --batch, `send` --max-points (args.batch, args.max_points).
LIMIT_OPTIONS: dict[str, tuple[str, type, object, str, str]] = {
    "batch": ("--batch", int, DEFAULT_MAX_POINTS, "N", _POINTS_HELP),
    "max_points": ("--max-points", int, DEFAULT_MAX_POINTS, "N", _POINTS_HELP),
    "max_bytes": ("--max-bytes", int, DEFAULT_MAX_BYTES, "N", _BYTES_HELP),
    "timeout": ("--timeout", float, 10.0, "S", _TIMEOUT_HELP),
    "attempts": ("--attempts", int, 5, "N", _ATTEMPTS_HELP),
}


def add_limit_options(parser: Any, *names: str, metavars: bool = True) -> None:
    """Add the request-limit options `names` (keys of LIMIT_OPTIONS) to `parser`, in the order given.

    `parser`: an ArgumentParser or an argument group. `metavars=False` shows each value as argparse
    names it (TIMEOUT) instead of LIMIT_OPTIONS' N, S. Raises KeyError for a name not in LIMIT_OPTIONS.
    """
    for name in names:
        flag, kind, default, metavar, text = LIMIT_OPTIONS[name]
        options: dict[str, Any] = {"type": kind, "default": default, "help": text}
        if metavars:
            options["metavar"] = metavar
        parser.add_argument(flag, **options)
