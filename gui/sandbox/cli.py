"""``onenet-uploader sandbox``: run the sandbox in the foreground and log its requests."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable, Sequence

from gui.sandbox.platform import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, is_whole, mask_key
from gui.sandbox.server import Sandbox

__all__ = ["add_arguments", "main", "run"]


def _port_number(text: str) -> int:
    if not is_whole(text) or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number 0..65535")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds >= 0")
    return value


def _count(text: str) -> int:
    if not is_whole(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``sandbox`` subcommand's options to ``parser``."""
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this computer only)"
    )
    parser.add_argument("--port", type=_port_number, default=0, help="TCP port (default: a free port)")
    parser.add_argument(
        "--device", default=DEFAULT_DEVICE_ID, help=f"device id to accept (default {DEFAULT_DEVICE_ID})"
    )
    parser.add_argument(
        "--api-key", default=DEFAULT_API_KEY, help=f"api-key of that device (default {DEFAULT_API_KEY})"
    )
    parser.add_argument(
        "--delay", type=_seconds, default=0.0, metavar="S", help="seconds to wait before answering each upload"
    )
    parser.add_argument(
        "--fail-every",
        type=_count,
        default=0,
        metavar="N",
        help="answer every Nth upload with HTTP 500 and store nothing (0: never)",
    )


def run(
    args: argparse.Namespace,
    *,
    stop_event: threading.Event | None = None,
    on_ready: Callable[[Sandbox], None] | None = None,
) -> int:
    """Serve in the foreground until Ctrl+C (or ``stop_event``); returns the exit status.

    Prints the URL on stdout and one line per request on stderr.
    ``on_ready`` is called with the running sandbox (for embedding and tests).
    Returns 1 when the address cannot be bound.
    """

    def log(line: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)

    sandbox = Sandbox(
        {args.device: args.api_key},
        host=args.host,
        port=args.port,
        delay=args.delay,
        fail_every=args.fail_every,
        log=log,
    )
    try:
        sandbox.start()
    except OSError as exc:
        print(f"sandbox: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    try:
        print(sandbox.url, flush=True)
        print(
            f"OneNET sandbox at {sandbox.url} (plain HTTP): device {args.device}, "
            + (
                f"api-key {DEFAULT_API_KEY} (the sandbox's default, not a secret)"
                if args.api_key == DEFAULT_API_KEY
                else f"api-key {mask_key(args.api_key)}"
            )
            + "; times are UTC+8. Press Ctrl+C to stop.",
            file=sys.stderr,
            flush=True,
        )
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"warning: listening on {args.host}, reachable from other computers", file=sys.stderr, flush=True)
        if on_ready is not None:
            on_ready(sandbox)
        event = stop_event if stop_event is not None else threading.Event()
        while not event.wait(0.2):  # a timed wait lets Ctrl+C through on Windows too
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``onenet-uploader sandbox [--port N] [--device ID] [--api-key KEY] [--delay S] [--fail-every N]``."""
    parser = argparse.ArgumentParser(
        prog="onenet-uploader sandbox",
        description="Run a local OneNET-compatible server to try uploads without an account.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))
