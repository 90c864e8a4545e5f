"""Reading a file of readings from the command line, as `send FILE` and `verify FILE` do: the options and the report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from gui import i18n
from gui.cli_common import _err
from gui.data.importers import (
    ZONE_IN_TIMES,
    DateOrder,
    ImportOptions,
    ImportResult,
    Layout,
    MissingTime,
    local_zone_name,
)
from gui.i18n import render, translate
from gui.onenet.validation import Severity
from gui.onenet.zones import ZoneError, parse_zone
from gui.text import QT_TRANSLATE_NOOP, Counted

#: Problems printed before "… and N more".
SHOWN_PROBLEMS = 20


def add_import_arguments(parser: Any) -> None:
    """How a file of readings is read (`send FILE`, `verify FILE`): zone, markers, encoding, layout…"""
    parser.add_argument(
        "--source-tz",
        metavar="ZONE",
        type=source_zone_argument,
        help=QT_TRANSLATE_NOOP(
            "cli",
            "the zone the file's times were written in: an IANA name (Europe/Berlin), UTC+8, or local for this "
            "computer's; needed when the file does not state it (a zone in the times or the time column's header "
            "is used otherwise)",
        ),
    )
    parser.add_argument(
        "--na",
        metavar="MARKER",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "a cell text meaning 'no reading' (repeatable), e.g. --na NA --na -200 --na ---; empty cells always are",
        ),
    )
    parser.add_argument(
        "--encoding",
        help=QT_TRANSLATE_NOOP("cli", "the file's encoding, e.g. gb18030, utf-8, cp1252 (default: detect)"),
    )
    parser.add_argument("--delimiter", help=QT_TRANSLATE_NOOP("cli", "the cell delimiter: , ; tab | (default: detect)"))
    parser.add_argument(
        "--sheet",
        help=QT_TRANSLATE_NOOP(
            "cli",
            "the XLSX sheet, hidden or not (default: the sheet the workbook opens on, else the first visible one; "
            "never a hidden one)",
        ),
    )
    parser.add_argument("--layout", choices=[m.value for m in Layout], help=QT_TRANSLATE_NOOP("cli", "default: detect"))
    parser.add_argument(
        "--date-order",
        choices=[m.value for m in DateOrder],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "for dates like 04/11/2026: dmy = 4 November, mdy = April 11; with a two-digit year, ymd = 26-12-07 is "
            "7 December 2026 (default: from the data; asked when more than one order fits every date)",
        ),
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=first_date_argument,
        help=QT_TRANSLATE_NOOP(
            "cli",
            "for a file of times of day without any date (08:30:00): the date of its first row; a time earlier "
            "than the row before it starts the next day (without it such a file is refused, exit 2)",
        ),
    )
    parser.add_argument(
        "--decimal",
        choices=[".", ","],
        metavar="MARK",
        help=QT_TRANSLATE_NOOP("cli", "the decimal mark, . or , (default: detect per column)"),
    )
    parser.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "the header is line N of the file (default: detect; 0: none)"),
    )
    parser.add_argument(
        "--time-format",
        metavar="PATTERN",
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "how the time column is written, as a strftime pattern, e.g. '%%d.%%m.%%Y %%H:%%M' (overrides "
                "detection; cells that do not match are rejected)",
            )
        ),
    )
    parser.add_argument(
        "--time-column", metavar="COLUMN", help=QT_TRANSLATE_NOOP("cli", "the time column, by name or 1-based number")
    )
    parser.add_argument(
        "--columns",
        metavar="LIST",
        action="append",
        help=QT_TRANSLATE_NOOP(
            "cli", "import only these columns (names or 1-based numbers, comma-separated; repeatable)"
        ),
    )
    parser.add_argument(
        "--exclude",
        metavar="LIST",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli", "do not import these columns (names or 1-based numbers, comma-separated; repeatable)"
        ),
    )
    parser.add_argument(
        "--text",
        metavar="LIST",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "read these columns as text, numbers too (names or 1-based numbers, comma-separated; repeatable); "
            "default: a column holding any number is numbers, its other cells rejected",
        ),
    )
    parser.add_argument(
        "--number",
        metavar="LIST",
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli",
            "read these columns as numbers (names or 1-based numbers, comma-separated; repeatable); default: a "
            "column whose numbers are written with leading zeros (0012) is text, as identifiers and codes are",
        ),
    )
    parser.add_argument(
        "--stream-id",
        metavar="OLD=NEW",
        action="append",
        default=[],
        help=(
            QT_TRANSLATE_NOOP(
                "cli",
                "send column OLD (name, number or suggested id; long layout: a datastream id in the file) as "
                "datastream NEW (repeatable)",
            )
        ),
    )


def _column_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def options_from_args(args: argparse.Namespace) -> ImportOptions:
    """The ImportOptions of `send`'s arguments: the dialog's defaults unless an option says otherwise.

    Raises ValueError for a malformed option (`--stream-id` without `=`,
    a negative `--header-row`, a `--time-format` without a directive).
    """
    delimiter = args.delimiter
    if delimiter in ("tab", "\\t"):
        delimiter = "\t"
    rename: dict[str, str] = {}
    for pair in getattr(args, "stream_id", []):
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ValueError(f"--stream-id {pair!r}: give OLD=NEW, e.g. --stream-id 'Temp, °C=temperature'")
        rename[old.strip()] = new.strip()
    header_row = getattr(args, "header_row", None)
    if header_row is not None and header_row < 0:
        raise ValueError("--header-row must be 0 (no header) or a line number")
    source_tz = args.source_tz
    return ImportOptions(
        source_tz=local_zone_name() if source_tz in (None, LOCAL_ZONE) else source_tz,
        encoding=args.encoding,
        delimiter=delimiter,
        sheet=args.sheet,
        layout=Layout(args.layout) if args.layout else None,
        decimal=args.decimal,
        missing_markers=tuple(args.na),
        date_order=DateOrder(args.date_order) if args.date_order else None,
        missing_time=MissingTime(args.missing_time) if getattr(args, "missing_time", None) else None,
        skip_rows=max(0, header_row - 1) if header_row is not None else None,
        has_header=(header_row != 0) if header_row is not None else None,
        time_pattern=getattr(args, "time_format", None),
        time_column=getattr(args, "time_column", None),
        include=_column_list(getattr(args, "columns", None)),
        exclude=_column_list(getattr(args, "exclude", [])) or (),
        text=_column_list(getattr(args, "text", [])) or (),
        numbers=_column_list(getattr(args, "number", [])) or (),
        rename=rename,
        zone_from_file=source_tz is None,
        first_date=getattr(args, "date", None),
    )


def first_date_argument(text: str) -> date:
    """`--date`: a calendar date written YYYY-MM-DD; argparse.ArgumentTypeError (exit 2) with the reason otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a date written YYYY-MM-DD, e.g. 2026-12-07").format(text=repr(text))
        ) from None


def needs_date_message(result: ImportResult) -> str:
    """The question `send` and `verify` ask when `result.needs_date`: the file has times of day, no date."""
    column = next((c.name for c in result.detected.time_columns()), "")
    return translate(
        "cli",
        "column {column} holds times of day only and the file gives no date: pass --date YYYY-MM-DD, the date "
        "of the first row (a time earlier than the row before it is read as the next day)",
    ).format(column=repr(column))


#: `--source-tz local`: this computer's zone, chosen explicitly.
LOCAL_ZONE = "local"


def source_zone_argument(text: str) -> str:
    """`--source-tz`: the zone's canonical name (`parse_zone`: `UTC+8` -> `UTC+08:00`), or LOCAL_ZONE.

    Raises argparse.ArgumentTypeError with the reason (argparse then exits 2 with it) for text that is not a zone.
    """
    if text.strip().casefold() == LOCAL_ZONE:
        return LOCAL_ZONE
    try:
        return parse_zone(text).name
    except ZoneError as exc:
        why = translate("cli", "{why} (or local: this computer's zone)").format(why=render(exc.message))
        raise argparse.ArgumentTypeError(why) from None


def date_order_message(result: ImportResult) -> str:
    """The question `send` and `verify` ask when `result.needs_date_order`: each --date-order value that fits."""
    ways = translate("cli", ", ").join(
        translate("cli", "{reading} with --date-order {order}").format(reading=reading, order=order)
        for order, reading in result.date_orders
    )
    values = translate("cli", " or ").join(order for order, _ in result.date_orders) or "dmy or mdy"
    return translate(
        "cli",
        "dates like {examples} can be read in more than one order ({first} is {ways}): pass --date-order {values}, "
        "the order they were written in",
    ).format(
        examples=", ".join(result.ambiguous_dates),
        first=result.ambiguous_dates[0] if result.ambiguous_dates else "",
        ways=ways,
        values=values,
    )


def zone_unstated_message(result: ImportResult) -> str:
    """The question `send` and `verify` ask when `result.zone_unstated`: name the zone, never assumed."""
    names = " + ".join(repr(name) for name in result.zone_unstated)
    if len(result.zone_unstated) == 1:
        which = translate("cli", "column {names}").format(names=names)
    else:
        which = translate("cli", "columns {names}").format(names=names)
    return translate(
        "cli",
        "the times in {which} do not say which time zone they are in, and the file does not say either: "
        "pass --source-tz ZONE with the zone they were written in, e.g. --source-tz {here} (this computer's "
        "zone; --source-tz {local} means the same), --source-tz UTC or --source-tz Europe/Berlin",
    ).format(which=which, here=local_zone_name(), local=LOCAL_ZONE)


def _report_import(path: str, result: ImportResult) -> None:
    _err(
        translate("cli", "read {path}:").format(path=path),
        *(f"  {render(line)}" for line in result.detected.describe()),
    )
    d = result.detected
    if d.zone_unused:  # the file's zone wins: say so, never a silent choice between the two
        states = translate("cli", "a zone in each time") if d.zone_stated == ZONE_IN_TIMES else d.zone_stated
        _err(
            translate(
                "cli",
                "  note: column {column} states {states}; --source-tz {zone} applies only to times without a zone",
            ).format(column=repr(d.zone_column), states=states, zone=d.zone_unused)
        )
    counts = translate("cli", ", ").join(
        translate("cli", "{stream} ({n})").format(stream=sid, n=n) for sid, n in result.stream_counts().items()
    )
    _err(
        translate("cli", "  {points} from {rows} ({counts}); {rejected} rejected").format(
            points=i18n.datapoints(len(result)),
            rows=i18n.rows(result.rows_read),
            counts=counts or translate("cli", "none"),
            rejected=i18n.rows(result.rows_rejected),
        )
    )
    for problem in sorted(result.problems, key=lambda p: (p.row is not None, p.row or 0))[:SHOWN_PROBLEMS]:
        if problem.row is not None:
            where = translate("cli", "row {row}").format(row=problem.row)
        else:
            where = translate("cli", "file")
        if problem.column:
            where += translate("cli", ", {column}").format(column=problem.column)
        kind = translate("cli", "rejected") if problem.severity is Severity.ERROR else translate("cli", "warning")
        why = render(problem.why) if problem.why is not None else problem.reason
        _err(translate("cli", "  {kind}: {where}: {why}").format(kind=kind, where=where, why=why))
    if result.problem_count > SHOWN_PROBLEMS:
        _err(
            i18n.render(
                Counted("more-problems").tr("  … and %Ln more problem(s)", "", result.problem_count - SHOWN_PROBLEMS)
            )
        )
