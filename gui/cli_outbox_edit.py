"""`onenet-uploader outbox discard` and `outbox move`: rows waiting for a target, removed or re-addressed.

What the window's waiting bar does with the rows of a previous target (Discard, Move),
for rows queued from the command line, e.g. for a mistyped endpoint that `outbox send`
retries forever. Rows are chosen by the target they wait for (`--endpoint`, `--device`)
and optionally by state; only rows not sent yet (draft, unsent, unknown, failed) are
touched, through the store's own operations (`Store.remove_from_editor`, `Store.retarget`),
which leave rows being sent (in flight) and sent rows alone. Nothing is asked; every row
removed or moved is printed (stdout), problems go to stderr. No Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from gui import i18n
from gui.cli_options import add_target_options
from gui.i18n import render, translate
from gui.onenet.client import ConfigError
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.data.store import OutboxRow, State

__all__ = ["add_outbox_edit_commands", "run_outbox_discard", "run_outbox_move"]

EXIT_OK, EXIT_NOT_ALL, EXIT_USAGE = 0, 1, 2
#: The states these commands touch: rows not sent yet and not being sent.
EDITABLE = ("draft", "unsent", "unknown", "failed")

EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    "Exit status: 0 done; 1 nothing matched, or some matching datapoints are being sent now (left alone); "
    "2 usage (an invalid endpoint); 4 the outbox database is damaged (salvaged), gone, full or read-only.",
)


def add_outbox_edit_commands(actions: Any) -> None:
    """Register `discard` and `move` under `outbox` (`actions`: its subparsers); each sets `run`."""
    discard: argparse.ArgumentParser = actions.add_parser(
        "discard",
        help=QT_TRANSLATE_NOOP("cli", "delete datapoints waiting for a target (never sent ones only)"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Delete the outbox's datapoints waiting for --endpoint (and --device): drafts, unsent, unknown and "
            "failed ones, as the window's Discard does. Asks nothing; prints each datapoint deleted. Datapoints "
            "being sent and those sent are left alone.",
        ),
        epilog=EPILOG,
    )
    move: argparse.ArgumentParser = actions.add_parser(
        "move",
        help=QT_TRANSLATE_NOOP("cli", "give datapoints waiting for a target another endpoint or device"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Re-address the outbox's datapoints waiting for --endpoint (and --device) to --to-endpoint (and "
            "--to-device), as the window's Move does; `outbox send` then sends them there. Asks nothing; prints "
            "each datapoint moved. Datapoints being sent and those sent keep their target.",
        ),
        epilog=EPILOG,
    )
    for parser in (discard, move):
        _add_row_filter(parser)
    move.add_argument(
        "--to-endpoint",
        metavar="URL",
        required=True,
        help=QT_TRANSLATE_NOOP("cli", "the endpoint to send them to instead"),
    )
    move.add_argument(
        "--to-device",
        metavar="ID",
        help=QT_TRANSLATE_NOOP("cli", "the device id to send them to instead (default: each keeps its own)"),
    )
    discard.set_defaults(run=run_outbox_discard)
    move.set_defaults(run=run_outbox_move)


def _add_row_filter(parser: argparse.ArgumentParser) -> None:
    """The rows `discard` and `move` touch: those waiting for --endpoint (and --device), in --state."""
    add_target_options(
        parser,
        required=("endpoint",),
        endpoint=QT_TRANSLATE_NOOP("cli", "the endpoint the datapoints wait for"),
        device=QT_TRANSLATE_NOOP("cli", "only datapoints waiting for this device id"),
    )
    parser.add_argument(
        "--state",
        action="append",
        choices=EDITABLE,
        help=QT_TRANSLATE_NOOP("cli", "only datapoints in this state (repeatable; default: all four)"),
    )


def _chosen(args: argparse.Namespace, command: str) -> tuple[str, list[State]] | None:
    """The normalised --endpoint and the states asked for; None (said on stderr) for an invalid endpoint."""
    from gui.data.store import State
    from gui.data.target import normalise_endpoint

    try:
        endpoint = normalise_endpoint(args.endpoint)
    except ConfigError as exc:
        print(
            translate("cli", "outbox {command}: {why}").format(command=command, why=render(exc.text)), file=sys.stderr
        )
        return None
    return endpoint, [State(value) for value in (args.state or EDITABLE)]


def _print_rows(rows: Sequence[OutboxRow]) -> None:
    """One line a row: id, state, device, datastream, `at` (UTC+8, as sent), value, endpoint."""
    from gui.onenet.readings import format_at, format_value

    for row in rows:
        at = format_at(row.at) if row.at is not None else translate("cli", "(platform time)")
        print(f"{row.id:>8}  {row.state.value:<8}  {row.device_id}  {row.stream_id}  {at}  {format_value(row.value)}")


def _where(endpoint: str, device: str | None) -> str:
    if device is None:
        return endpoint
    return translate("cli", "device {device} at {endpoint}").format(device=device, endpoint=endpoint)


def _left_alone(store: Any, endpoint: str, device: str | None, args: argparse.Namespace, command: str) -> bool:
    """Say (stderr) how many datapoints of the target are being sent now and were not touched; True if any."""
    from gui.data.store import State

    if args.state:  # only the states asked for were wanted
        return False
    busy = store.counts(endpoint=endpoint, device_id=device)[State.IN_FLIGHT]
    if busy:
        print(
            translate(
                "cli",
                "outbox {command}: {points} for {target} are being sent now and were left alone "
                "(`onenet-uploader outbox` shows them once the send has finished)",
            ).format(command=command, points=i18n.datapoints(busy), target=_where(endpoint, device)),
            file=sys.stderr,
        )
    return bool(busy)


def _nothing(endpoint: str, device: str | None, command: str) -> int:
    print(
        translate(
            "cli", "outbox {command}: No datapoints wait for {target} (`onenet-uploader outbox` lists the outbox)."
        ).format(command=command, target=_where(endpoint, device)),
        file=sys.stderr,
    )
    return EXIT_NOT_ALL


def run_outbox_discard(args: argparse.Namespace) -> int:
    """Delete the rows not sent yet that wait for --endpoint/--device (in --state); print each one deleted."""
    return _edit_waiting(args, "discard", _discard, _say_discarded)


def run_outbox_move(args: argparse.Namespace) -> int:
    """Give the rows not sent yet that wait for --endpoint/--device (in --state) --to-endpoint/--to-device."""
    return _edit_waiting(args, "move", _move, _say_moved)


def _edit_waiting(
    args: argparse.Namespace,
    command: str,
    edit: Callable[[Any, list[OutboxRow], argparse.Namespace], list[OutboxRow] | int],
    report: Callable[[list[OutboxRow], str, argparse.Namespace], None],
) -> int:
    """What discard and move share: the rows waiting for --endpoint/--device in --state, `edit(store, rows, args)`
    (the rows changed, or an exit status), the datapoints being sent that were left alone, and each row changed
    printed before `report(rows, endpoint, args)` says the rest."""
    from gui.data.store import Store

    chosen = _chosen(args, command)
    if chosen is None:
        return EXIT_USAGE
    endpoint, states = chosen
    with Store() as store:
        rows = store.rows(states, endpoint=endpoint, device_id=args.device)
        edited = edit(store, rows, args)
        if isinstance(edited, int):
            return edited
        busy = _left_alone(store, endpoint, args.device, args, command)
    if not edited:
        return EXIT_NOT_ALL if busy else _nothing(endpoint, args.device, command)
    _print_rows(edited)
    report(edited, endpoint, args)
    return EXIT_NOT_ALL if busy else EXIT_OK


def _discard(store: Any, rows: list[OutboxRow], args: argparse.Namespace) -> list[OutboxRow] | int:
    """Delete `rows`: those deleted (rows sent meanwhile are kept), or EXIT_NOT_ALL when the store refused."""
    from gui.data.store import StoreError

    if rows:
        ids = [row.id for row in rows]
        try:
            store.remove_from_editor(ids)  # refuses rows gone in flight; keeps rows sent meanwhile on record
        except StoreError as exc:
            print(translate("cli", "outbox {command}: {why}").format(command="discard", why=exc), file=sys.stderr)
            return EXIT_NOT_ALL
        still = {row.id for row in store.get(ids)}  # sent meanwhile: kept
        rows = [row for row in rows if row.id not in still]
    return rows


def _say_discarded(rows: list[OutboxRow], endpoint: str, args: argparse.Namespace) -> None:
    print(
        translate("cli", "Discarded {points} waiting for {target}.").format(
            points=i18n.datapoints(len(rows)), target=_where(endpoint, args.device)
        )
    )


def _move(store: Any, rows: list[OutboxRow], args: argparse.Namespace) -> list[OutboxRow] | int:
    """Give `rows` --to-endpoint/--to-device: those moved, or EXIT_USAGE (an invalid target) or EXIT_NOT_ALL."""
    from gui.data.store import StoreError
    from gui.data.target import Platform, Target

    groups: dict[Target, list[int]] = {}
    try:
        for row in rows:
            device = args.to_device or row.device_id
            if row.platform is Platform.THING and args.to_device:
                product, _, name = device.partition("/")
                target = Target.thing(args.to_endpoint, product, name)
            else:
                target = Target.of(args.to_endpoint, device, row.platform)
            groups.setdefault(target, []).append(row.id)
        if not rows:  # the new endpoint is checked even so: a typo is said, not passed over
            Target.of(args.to_endpoint, args.to_device or "-")
    except ConfigError as exc:
        print(
            translate("cli", "outbox {command}: {why}").format(command="move", why=render(exc.text)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        for target, ids in groups.items():
            store.retarget(ids, target)  # rows sent or gone in flight meanwhile keep their target
    except StoreError as exc:
        print(translate("cli", "outbox {command}: {why}").format(command="move", why=exc), file=sys.stderr)
        return EXIT_NOT_ALL
    wanted = {row_id: target for target, ids in groups.items() for row_id in ids}
    return sorted(
        (row for row in store.get(list(wanted)) if Target(row.endpoint, row.device_id, row.platform) == wanted[row.id]),
        key=lambda row: row.id,
    )


def _say_moved(moved: list[OutboxRow], endpoint: str, args: argparse.Namespace) -> None:
    from gui.data.store import State

    targets = sorted({_where(row.endpoint, row.device_id) for row in moved})
    print(
        translate("cli", "Moved {points} from {old} to {new}; `onenet-uploader outbox send` sends them there.").format(
            points=i18n.datapoints(len(moved)), old=_where(endpoint, args.device), new=", ".join(targets)
        )
    )
    unknown = sum(1 for row in moved if row.state is State.UNKNOWN)
    if unknown:
        print(
            translate(
                "cli",
                "{points} of them have an unknown outcome: they may be stored at {old} already "
                "(`outbox send` holds back those without `at` unless --allow-duplicates).",
            ).format(points=i18n.datapoints(unknown), old=_where(endpoint, args.device))
        )
