"""``onenet-uploader sandbox``: run the sandbox in the foreground and log its requests (``--verbose``: whole)."""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from gui.cli_options import add_target_options
from gui.sandbox import things
from gui.sandbox.capture import Exchange, describe, sandbox_text
from gui.sandbox.demo import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.sandbox.platform import is_whole, mask_key
from gui.sandbox.server import Sandbox, device_urls, is_loopback
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = ["add_arguments", "exposure_lines", "main", "run"]


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


def _host(text: str) -> str:
    """An address to listen on; a link-local IPv6 address (fe80::/10) is refused with the reason."""
    try:
        address = ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return text  # a host name, or not an address: the bind says why it cannot listen there
    if address.version == 6 and address.is_link_local:
        raise argparse.ArgumentTypeError(
            f"{text} is a link-local IPv6 address: it means something only with the interface's zone id, "
            "which a device's URL cannot carry; listen on another address of that network, or on ::"
        )
    return text


def _count(text: str) -> int:
    if not is_whole(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``sandbox`` subcommand's options to ``parser``."""
    parser.add_argument(
        "--host",
        type=_host,
        default="127.0.0.1",
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "address to listen on (default 127.0.0.1, this computer only; ::1 the same over IPv6; 0.0.0.0 "
                "(:: for IPv6): every network of this computer, so that a device on the bench can reach it; or one "
                "address of this computer (not a link-local IPv6 one, fe80::: a device's URL cannot carry its "
                "zone id))",
            )
        ),
    )
    parser.add_argument(
        "--port", type=_port_number, default=0, help=QT_TRANSLATE_NOOP("cli", "TCP port (default: a free port)")
    )
    add_target_options(
        parser,
        device=QT_TRANSLATE_NOOP("cli", "device id to accept (default %(default)s)"),
        api_key=QT_TRANSLATE_NOOP("cli", "api-key of that device (default %(default)s)"),
        defaults={"device": DEFAULT_DEVICE_ID, "api_key": DEFAULT_API_KEY},
        metavars=False,
    )
    parser.add_argument(
        "--delay",
        type=_seconds,
        default=0.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP("cli", "seconds to wait before answering each upload"),
    )
    parser.add_argument(
        "--fail-every",
        type=_count,
        default=0,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "answer every Nth upload with HTTP 500 and store nothing (0: never)"),
    )
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli", "print each request whole on stderr: its bytes (api-key masked), the answer and the verdict"
        ),
    )
    parser.add_argument(
        "--capture",
        type=Path,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "cli", "append each request, answer and verdict to FILE as one line of JSON (api-key masked)"
        ),
    )


def exposure_lines(host: str, port: int, device: str, api_key: str) -> list[str]:
    """What to tell the user about who can reach a sandbox on ``host``:``port``, and the URL a device should use.

    Loopback: one line with the URL. Any other address: a warning that anyone
    on that network can send to it, which api-key it expects (the default
    key in clear, any other masked), and the URL(s) for a device.
    """
    return [str(m) for m in exposure_messages(host, port, device, api_key)]


def exposure_messages(host: str, port: int, device: str, api_key: str) -> list[Message]:
    """`exposure_lines` as Messages, for the reader's language."""
    if is_loopback(host):
        return [
            sandbox_text(
                "local-only",
                QT_TRANSLATE_NOOP("sandbox", "this computer only: a client here uses {url}"),
                url=device_urls(host, port)[0],
            )
        ]
    shown_key = api_key if api_key == DEFAULT_API_KEY else mask_key(api_key)
    return [
        sandbox_text(
            "exposed",
            QT_TRANSLATE_NOOP(
                "sandbox",
                "warning: listening on {host}: anyone on that network can send to this sandbox; "
                "it expects device {device} with api-key {key}",
            ),
            host=host,
            device=device,
            key=shown_key,
        ),
        *(
            sandbox_text(
                "bench-url",
                QT_TRANSLATE_NOOP("sandbox", "a device on the bench posts to {url}"),
                url=f"{url}/devices/{device}/datapoints",
            )
            for url in device_urls(host, port)
        ),
    ]


def run(
    args: argparse.Namespace,
    *,
    stop_event: threading.Event | None = None,
    on_ready: Callable[[Sandbox], None] | None = None,
    render: Callable[[Message], str] = str,
) -> int:
    """Serve in the foreground until Ctrl+C (or ``stop_event``); returns the exit status.

    Prints the URL on stdout and one line per request on stderr, or with
    ``args.verbose`` each request whole (bytes with the api-key masked,
    answer, verdict). ``args.capture`` (a path) gets each request appended
    as a line of JSON. ``on_ready`` is called with the running sandbox (for
    embedding and tests). Returns 1 when the address cannot be bound or the
    capture file cannot be opened.
    """
    verbose = bool(getattr(args, "verbose", False))
    capture_path: Path | None = getattr(args, "capture", None)

    def log(line: str) -> None:
        if not verbose:
            print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)

    capture_file: TextIO | None = None
    if capture_path is not None:
        try:
            capture_file = capture_path.open("a", encoding="utf-8")
        except OSError as exc:
            cannot = QT_TRANSLATE_NOOP("sandbox", "sandbox: cannot write {path}: {why}")
            print(render(sandbox_text("cannot-write", cannot, path=str(capture_path), why=str(exc))), file=sys.stderr)
            return 1

    sandbox = Sandbox(
        {args.device: args.api_key},
        host=args.host,
        port=args.port,
        delay=args.delay,
        fail_every=args.fail_every,
        log=log,
    )
    lock = threading.Lock()

    def on_exchange(exchange: Exchange) -> None:
        with lock:
            if verbose:
                print(describe(exchange), file=sys.stderr, flush=True)
            if capture_file is not None:
                capture_file.write(json.dumps(exchange.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
                capture_file.flush()

    sandbox.capture.subscribe(on_exchange)
    try:
        sandbox.start()
    except OSError as exc:
        cannot = QT_TRANSLATE_NOOP("sandbox", "sandbox: cannot listen on {address}: {why}")
        print(
            render(sandbox_text("cannot-listen", cannot, address=f"{args.host}:{args.port}", why=str(exc))),
            file=sys.stderr,
        )
        if capture_file is not None:
            capture_file.close()
        return 1
    try:
        print(sandbox.url, flush=True)
        if args.api_key == DEFAULT_API_KEY:
            started = QT_TRANSLATE_NOOP(
                "sandbox",
                "OneNET sandbox at {url} (plain HTTP): device {device}, api-key {key} (the sandbox's default, "
                "not a secret); times are UTC+8. Press Ctrl+C to stop.",
            )
        else:
            started = QT_TRANSLATE_NOOP(
                "sandbox",
                "OneNET sandbox at {url} (plain HTTP): device {device}, api-key {key}; times are UTC+8. "
                "Press Ctrl+C to stop.",
            )
        key = DEFAULT_API_KEY if args.api_key == DEFAULT_API_KEY else mask_key(args.api_key)
        print(
            render(sandbox_text("started", started, url=sandbox.url, device=args.device, key=key)),
            file=sys.stderr,
            flush=True,
        )
        thing = QT_TRANSLATE_NOOP(
            "sandbox",
            "Current platform (thing model): product {product}, device {device} (device key {device_key}), product "
            "access key {access_key} (the sandbox's demo keys, not secrets); devices post to {post}, reads go to "
            "{read}.",
        )
        shown = sandbox_text(
            "thing-started",
            thing,
            product=things.DEFAULT_PRODUCT_ID,
            device=things.DEFAULT_DEVICE_NAME,
            device_key=things.DEFAULT_DEVICE_KEY,
            access_key=things.DEFAULT_ACCESS_KEY,
            post=f"{sandbox.url}/fuse/http/device/thing/property/post",
            read=f"{sandbox.url}/thingmodel/",
        )
        print(render(shown), file=sys.stderr, flush=True)
        for line in exposure_messages(sandbox.host, sandbox.port, args.device, args.api_key):
            print(render(line), file=sys.stderr, flush=True)
        if on_ready is not None:
            on_ready(sandbox)
        event = stop_event if stop_event is not None else threading.Event()
        while not event.wait(0.2):  # a timed wait lets Ctrl+C through on Windows too
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
        if capture_file is not None:
            with lock:
                capture_file.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``onenet-uploader sandbox [--host H] [--port N] [--device ID] [--api-key KEY] [--delay S] [--fail-every N]
    [--verbose] [--capture FILE]``."""
    parser = argparse.ArgumentParser(
        prog="onenet-uploader sandbox",
        description=QT_TRANSLATE_NOOP("cli", "Run a local OneNET-compatible server to try uploads without an account."),
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))
