"""What every headless command shares: the api-key's environment variable, exit statuses, output (`_pad`: columns
of a table) and Ctrl+C."""

from __future__ import annotations

import argparse
import math
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from gui.i18n import translate
from gui.onenet.split import MIN_MAX_BYTES

#: The api-key is read from this environment variable only, never from the command line
#: (a command line is visible to other users and kept in shell history).
API_KEY_ENV = "ONENET_API_KEY"
#: Shown in --dry-run output instead of the api-key.
DRY_RUN_MASK = "***"

EXIT_OK = 0
EXIT_FAILED = 1  # a request failed, or validation found an error
EXIT_USAGE = 2  # bad arguments, no api-key, a file that cannot be read, a question to answer
EXIT_REJECTED = 3  # rows were rejected: nothing sent (unless --skip-rejected)


def bad_limits(args: argparse.Namespace, command: str) -> str | None:
    """Why the request limits on this command line cannot be used ("{command}: …", translated); None when they can.

    Checks those `args` has (`gui.cli_options.LIMIT_OPTIONS`, and any command's `--timeout`): datapoints per
    request and attempts at least 1, body bytes at least `MIN_MAX_BYTES`, seconds per attempt a finite number
    above 0. Checked before anything is queued or sent: `--timeout -1` reached the HTTP library, whose refusal
    was reported as a request whose outcome is unknown.
    """
    problems: list[str] = []
    for name, flag in (("batch", "--batch"), ("max_points", "--max-points"), ("attempts", "--attempts")):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            problems.append(
                translate("cli", "{option} must be at least 1, not {value}").format(option=flag, value=value)
            )
    value = getattr(args, "max_bytes", None)
    if value is not None and value < MIN_MAX_BYTES:
        problems.append(
            translate("cli", "--max-bytes must be at least {n}, not {value}").format(n=MIN_MAX_BYTES, value=value)
        )
    value = getattr(args, "timeout", None)
    if value is not None and not (math.isfinite(value) and value > 0):
        problems.append(
            translate("cli", "--timeout must be a number of seconds above 0, not {value}").format(value=value)
        )
    if not problems:
        return None
    return translate("cli", "{command}: {why}").format(command=command, why="; ".join(problems))


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


def _pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(0, width - used)
    return fill + text if right else text + fill
