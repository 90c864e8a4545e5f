"""The options that name a target on a command line: --endpoint, --device, --api-key and --profile, in one place.

Every command that takes them (`send`, `outbox send`, `verify`, `simulate`, `profile add`, and the
sandbox's own command line, `gui.sandbox.cli`) adds them with `add_target_options`: the same flag and
the same shown value (URL, ID, KEY, NAME) everywhere; each command words their help for what it does
with them. This module imports nothing of the program (no Qt), so the sandbox can use it too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

__all__ = ["TARGET_OPTIONS", "add_target_options"]

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
        parser.add_argument(flag, **options)
