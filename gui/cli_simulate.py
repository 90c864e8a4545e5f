"""`onenet-uploader simulate`: send generated datapoints on a schedule, through the outbox like any send.

Each tick's datapoints enter the outbox (durable before a byte is sent), then the
outbox of that endpoint and device is sent (`gui.data.pipeline.send_outbox`): what a
tick could not send (offline, platform busy, another sender running) waits in the
outbox and goes out with a later tick, or with `onenet-uploader outbox send`.
No Qt is imported here.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from gui import i18n
from gui.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, bad_limits
from gui.cli_options import add_target_options
from gui.data.simulator import Simulation, check_every, parse_interval, parse_stream, run_schedule
from gui.i18n import translate
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, validate_endpoint
from gui.onenet.readings import Datapoint, format_value
from gui.text import QT_TRANSLATE_NOOP

__all__ = ["add_simulate_command", "run_simulate"]


EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    """values of a stream (STREAM=SPEC, --stream once per stream):
  temp=21.5              the same value every tick (fixed:21.5 too; text is allowed)
  mode=list:eco,boost    the values in turn
  temp=file:values.txt   the file's values in turn, one a line (UTF-8, blank lines skipped), starting
                         over after the last line; all of the first value's kind (number, JSON object
                         or text): a line that is not is refused, naming the line
  temp=walk:20..25       a random walk within the bounds (walk:20..25/0.5: steps of at most 0.5)
  temp=sine:20..25/60s   a sine between the bounds, period 60 s (default)
  n=ramp:0..100/5        from 0 up by 5 each tick, back to 0 after 100

The api-key is read from $ONENET_API_KEY only. Every datapoint carries `at` = the
moment of its tick (--no-at: the platform stamps it). Ctrl+C stops; what was not
sent waits in the outbox (`onenet-uploader outbox send`).

exit status: 0 all sent; 1 some datapoints still wait in the outbox; 2 bad arguments; 4 the outbox database
cannot be used
""",
)


def add_simulate_command(subparsers: Any) -> None:
    """Register `simulate` on the app's argument parser (sets `run`)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "simulate",
        help=QT_TRANSLATE_NOOP("cli", "send generated datapoints every N seconds, as a device would"),
        description=(
            QT_TRANSLATE_NOOP(
                "cli",
                "Simulate a device: generate values per datastream and send them on a schedule, "
                "through the outbox (nothing is lost when offline).",
            )
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--stream", action="append", required=True, metavar="STREAM=SPEC", help=QT_TRANSLATE_NOOP("cli", "see below")
    )
    parser.add_argument(
        "--every", default="1s", help=QT_TRANSLATE_NOOP("cli", "time between ticks: 1s, 500ms, 2m (default 1s)")
    )
    parser.add_argument(
        "--count", type=int, default=None, help=QT_TRANSLATE_NOOP("cli", "number of ticks (default: until Ctrl+C)")
    )
    add_target_options(
        parser,
        endpoint=QT_TRANSLATE_NOOP("cli", "platform URL (default %(default)s)"),
        device=QT_TRANSLATE_NOOP("cli", "device id"),
        defaults={"endpoint": DEFAULT_ENDPOINT},
        required=("device",),
        metavars=False,
    )
    parser.add_argument(
        "--no-at",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "send no `at`: the platform stamps each datapoint"),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help=QT_TRANSLATE_NOOP("cli", "seconds to wait for each answer (default 10)"),
    )
    parser.add_argument(
        "--seed", type=int, default=None, help=QT_TRANSLATE_NOOP("cli", "seed of the random walks (repeatable runs)")
    )
    parser.set_defaults(run=run_simulate)


def _describe(pairs: list[tuple[str, Datapoint]]) -> str:
    return " ".join(f"{stream}={format_value(point.value)}" for stream, point in pairs)


def run_simulate(args: argparse.Namespace, *, stop: threading.Event | None = None) -> int:
    """Run the simulation; one line per tick on stderr, a summary on stdout; the exit status.

    ``stop`` (a threading.Event) ends it early, as Ctrl+C does.
    """
    from gui.data.logs import register_secret, setup_logging
    from gui.data.outbox import clients as outbox_clients

    why = bad_limits(args, "simulate")
    if why:
        print(why, file=sys.stderr)
        return EXIT_USAGE
    api_key = os.environ.get("ONENET_API_KEY", "")
    try:
        if not api_key:
            raise ValueError(translate("cli", "set the environment variable ONENET_API_KEY to the device's api-key"))
        if args.count is not None and args.count < 1:
            raise ValueError(translate("cli", "--count must be at least 1"))
        every_s = parse_interval(args.every)
        check_every(every_s, with_at=not args.no_at)
        endpoint = validate_endpoint(args.endpoint)
        OneNetClient(endpoint, args.device, api_key)  # refuses a device id that cannot be sent to
        rng = random.Random(args.seed)
        simulation = Simulation(
            [parse_stream(text, every_s=every_s, rng=rng) for text in args.stream], with_at=not args.no_at
        )
    except (ValueError, ConfigError) as exc:
        print(translate("cli", "simulate: {why}").format(why=i18n.why(exc)), file=sys.stderr)
        return EXIT_USAGE
    setup_logging()
    register_secret(api_key)
    stop = stop or threading.Event()
    waiting = 0

    clients = outbox_clients(api_key, timeout=args.timeout)

    def tick(number: int) -> None:
        nonlocal waiting
        pairs = simulation.tick()
        sent, waiting, why = send_tick(pairs, endpoint, args.device, clients, stop)
        total = f"/{args.count}" if args.count else ""
        when = datetime.now().strftime("%H:%M:%S")
        if not why:
            outcome = translate("cli", "sent {n}").format(n=sent)
        else:
            outcome = translate("cli", "not sent ({why}); {points} wait in the outbox").format(
                why=why, points=i18n.datapoints(waiting)
            )
        print(f"[{number + 1}{total}] {when} {_describe(pairs)} -> {outcome}", file=sys.stderr, flush=True)

    from gui.cli_common import _on_interrupt  # the CLI's Ctrl+C handling: first press stops, second kills

    restore = _on_interrupt(stop.set)
    try:
        ticks = run_schedule(tick, every_s=every_s, count=args.count, stop=stop)
    finally:
        restore()
    said = translate("cli", "{ticks} to device {device} at {url}; {points} wait in the outbox")
    print(said.format(ticks=i18n.ticks(ticks), device=args.device, url=endpoint, points=i18n.datapoints(waiting)))
    return EXIT_OK if not waiting else EXIT_FAILED  # 4 is the outbox database's, for every command


def send_tick(
    pairs: list[tuple[str, Datapoint]],
    endpoint: str,
    device_id: str,
    clients: Callable[[str, str], OneNetClient],  # gui.data.outbox.clients
    cancel: threading.Event | None = None,
) -> tuple[int, int, str]:
    """Put one tick's datapoints in the outbox, then send that endpoint's and device's outbox.

    Returns (datapoints sent now, datapoints still waiting for that device, why not all
    went: "" when they did). Earlier ticks' datapoints that waited go out first.
    """
    from gui.data.pipeline import RetryPolicy, send_outbox
    from gui.data.store import NewRow, State, Store, StoreBusy
    from gui.onenet.readings import kind_of

    with Store() as store:
        store.add(
            (NewRow(stream, point, kind_of(point.value)) for stream, point in pairs),
            state=State.UNSENT,
            endpoint=endpoint,
            device_id=device_id,
            in_editor=False,
        )
        why = ""
        sent = 0
        try:
            # one attempt per tick: the schedule itself is the retry, so a tick never waits out a backoff
            _, result = send_outbox(
                store,
                clients,
                endpoint=endpoint,
                device_id=device_id,
                policy=RetryPolicy(max_attempts=1),
                cancel=cancel,
            )
            sent = result.sent
            if not result.ok:
                reasons = [r.message or (str(r.error) if r.error else "") for r in result.results]
                why = next((r for r in reversed(reasons) if r), result.summary())
        except StoreBusy as exc:
            why = str(exc)
        waiting = len(store.rows([State.UNSENT, State.UNKNOWN], endpoint=endpoint, device_id=device_id))
    return sent, waiting, why
