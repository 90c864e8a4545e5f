"""Where a table's rows come from: a delimited text file, a worksheet of a workbook, or rows in memory.

Each source yields rows as sequences of raw cells (text for CSV; typed
values for XLSX and JSON) and reports progress as (done, total) in its own
unit; `take` reads a batch and turns the csv module's errors into
ImportFailed.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, suppress
from datetime import date, datetime, time
from itertools import chain, islice
from pathlib import Path
from typing import Any

from gui.data.importers.result import ImportFailed, Sheets
from gui.data.importers.result import message as _m
from gui.data.importers.serials import excel_serial
from gui.text import QT_TRANSLATE_NOOP, Message, reason_of


class UncomputedFormula:
    """A workbook cell holding a formula without a computed value (a file written by a program, e.g.
    openpyxl, and never opened in a spreadsheet): no value to send, and not an empty cell either, so the row
    is rejected with `reason` wherever the cell is read (`cells.refuse_uncomputed`). `formula` is its text,
    `=B2+1`, shown in the preview."""

    __slots__ = ("formula",)

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return f"UncomputedFormula({self.formula!r})"

    @property
    def reason(self) -> Message:
        return _m(
            "uncomputed-formula",
            QT_TRANSLATE_NOOP(
                "importers",
                "{formula} is a formula without a computed value: open and save the file in Excel or LibreOffice",
            ),
            formula=self.formula,
        )


def is_empty(cell: Any) -> bool:
    """An empty cell: None or only spaces."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def effective_width(row: Sequence[Any]) -> int:
    """The row's width without its trailing empty cells."""
    n = len(row)
    while n and is_empty(row[n - 1]):
        n -= 1
    return n


def cell_text(raw: Any) -> str:
    """A cell as text, as a spreadsheet would show it (dates in ISO form)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, (date, time)):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, UncomputedFormula):
        return raw.formula
    return str(raw)


class Source(AbstractContextManager["Source"]):
    """Rows of a table, with progress as (done, total) in the source's own unit."""

    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    hidden_sheets: tuple[str, ...] = ()  #: the workbook's hidden worksheets (Excel and LibreOffice do not show them)
    default_sheet: str | None = None  #: the sheet read when none is chosen (`_opening_sheet`)
    sheet_how: Message | None = None  #: how `sheet` was chosen
    #: A delimited file whose last line has no line end after it: that row may be cut short (`line_end_missing`).
    unterminated: bool = False

    def rows(self) -> Iterator[Sequence[Any]]:
        raise NotImplementedError

    def progress(self) -> tuple[int, int]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Read after a delimited file's last line: a Unicode noncharacter, never in a text file. Alone it is a row of
#: its own, left out (`_END_ROW`); at the end of the last cell, that cell's quote was never closed (`cut_short`).
_END = "\ufdd0"
_END_ROW = [_END]


def cut_short(row: Sequence[Any]) -> bool:
    """Whether a delimited file's row is its last one, cut inside a quoted cell (`2026-12-07,"2.5` and the file
    ends): its last cell holds the rest of the file, never a value to read."""
    return bool(row) and isinstance(row[-1], str) and row[-1].endswith(_END + "\n")


def without_end(row: Sequence[Any]) -> list[Any]:
    """A `cut_short` row as the file has it (without what marks the end of the file)."""
    return [*row[:-1], row[-1].removesuffix(_END + "\n")]


def line_end_missing(path: Path, encoding: str) -> bool:
    """Whether a text file's last line has no line end after it (a file written to the end ends with one).

    Reads the last 16 bytes (a character cut at their start is dropped when decoded); UTF-16 and UTF-32
    with a byte-order mark are read in the order it gives.
    """
    with path.open("rb") as f:
        head = f.read(4)
        size = f.seek(0, io.SEEK_END)
        f.seek(max(0, size - 16))
        tail = f.read()
    if not size:
        return False
    if encoding.replace("_", "-").casefold() in ("utf-16", "utf-32"):
        bits = encoding[-2:]
        big = head.startswith(codecs.BOM_UTF32_BE if bits == "32" else codecs.BOM_UTF16_BE)
        encoding = f"utf-{bits}-{'be' if big else 'le'}"
    return not tail.decode(encoding, errors="ignore").endswith(("\n", "\r"))


class DelimitedSource(Source):
    """A CSV/TSV/TXT file decoded with `encoding` (bad bytes become U+FFFD, reported per cell)."""

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.size = path.stat().st_size
        self.unterminated = line_end_missing(path, encoding)
        self._raw: Any = None
        self._text: io.TextIOWrapper | None = None

    def rows(self) -> Iterator[list[str]]:
        """The csv reader (C-level wrappers only); `take` turns its csv.Error into ImportFailed. The last row,
        when a quote in it is never closed, is `cut_short`."""
        self.close()
        self._raw = self.path.open("rb")
        self._text = io.TextIOWrapper(self._raw, encoding=self.encoding, errors="replace", newline="")
        reader = csv.reader(
            chain(self._text, (_END + "\n",)), delimiter=self.delimiter, quotechar='"', doublequote=True, strict=False
        )
        return filter(_END_ROW.__ne__, reader)  # C-level: no Python step per row

    def progress(self) -> tuple[int, int]:
        try:
            done = self._raw.tell() if self._raw is not None else 0
        except (OSError, ValueError):
            done = 0
        return done, self.size

    def close(self) -> None:
        if self._text is not None:
            self._text.detach()
            self._text = None
        if self._raw is not None:
            self._raw.close()
            self._raw = None


class XlsxSource(Source):
    """A worksheet of an XLSX workbook read with openpyxl in read-only mode (cells keep their types)."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        import openpyxl  # a few hundred ms: only when a workbook is opened
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise ImportFailed(
                _m(
                    "cannot-be-opened-as-an-excel-wor",
                    QT_TRANSLATE_NOOP("importers", "{name} cannot be opened as an Excel workbook: {why}"),
                    name=str(path.name),
                    why=reason_of(exc),
                )
            ) from exc
        except Exception as exc:  # zipfile.BadZipFile and friends from a damaged file
            raise ImportFailed(
                _m(
                    "is-not-a-readable-excel-workbook",
                    QT_TRANSLATE_NOOP("importers", "{name} is not a readable Excel workbook ({name2})."),
                    name=str(path.name),
                    name2=str(exc.__class__.__name__),
                )
            ) from exc
        self.sheets = tuple(self._book.sheetnames)
        self.hidden_sheets = tuple(ws.title for ws in self._book.worksheets if ws.sheet_state != "visible")
        self.default_sheet, how = _opening_sheet(self._book)
        listed = Sheets(self.sheets, self.hidden_sheets, self.default_sheet)
        charts = {cs.title for cs in self._book.chartsheets}
        if sheet is None:
            self.sheet, self.sheet_how = self.default_sheet, how
        elif sheet in self.sheets:
            self.sheet = sheet
            if sheet in self.hidden_sheets:
                self.sheet_how = _m(
                    "sheet-chosen-hidden",
                    QT_TRANSLATE_NOOP(
                        "importers", "chosen; it is a hidden sheet: Excel and LibreOffice do not show it"
                    ),
                )
            else:
                self.sheet_how = _m("sheet-chosen", QT_TRANSLATE_NOOP("importers", "chosen"))
        else:
            self.close()
            raise ImportFailed(
                _m(
                    "the-workbook-has-no-sheet-it-has",
                    QT_TRANSLATE_NOOP("importers", "The workbook has no sheet {sheet}; it has {sheets}."),
                    sheet=repr(sheet),
                    sheets=str(", ".join(self.sheets)),
                ),
                sheets=listed,
            )
        if self.sheet in charts:
            self.close()
            raise ImportFailed(
                _m(
                    "sheet-is-a-chart",
                    QT_TRANSLATE_NOOP("importers", "Sheet {sheet} is a chart: it holds no table to read."),
                    sheet=repr(self.sheet),
                ),
                sheets=listed,
            )
        if self.sheet is None and self.hidden_sheets:
            self.close()
            raise ImportFailed(
                _m(
                    "no-visible-sheet",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "No sheet of the workbook is visible (hidden: {hidden}): which one a person opening it "
                        "reads cannot be told. Choose the sheet to read (send --sheet NAME, the import dialog's "
                        "Sheet).",
                    ),
                    hidden=", ".join(repr(name) for name in self.hidden_sheets),
                ),
                sheets=listed,
            )
        if self.sheet is None:
            self.close()
            raise ImportFailed(
                _m("the-workbook-has-no-sheets", QT_TRANSLATE_NOOP("importers", "The workbook has no sheets."))
            )
        self._sheet = self._book[self.sheet]
        self._done = 0

    def rows(self) -> Iterator[Sequence[Any]]:
        self._done = 0
        try:
            for values in _sheet_values(self._book, self._sheet):
                self._done += 1
                yield values
        except Exception as exc:  # a damaged sheet inside a sound zip: ParseError, TypeError, ValueError…
            raise ImportFailed(
                _m(
                    "row-of-sheet-cannot-be-read-the-",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "Row {done_1} of sheet {sheet} cannot be read: the workbook is damaged "
                        "({name}). Open it in Excel or LibreOffice and save it again.",
                    ),
                    done_1=str(self._done + 1),
                    sheet=repr(self.sheet),
                    name=str(exc.__class__.__name__),
                )
            ) from exc

    def progress(self) -> tuple[int, int]:
        total = self._sheet.max_row or 0
        return self._done, max(total, self._done)

    def close(self) -> None:
        self._book.close()


def _opening_sheet(book: Any) -> tuple[str | None, Message | None]:
    """The worksheet a person sees on opening `book`, read when no sheet is chosen, with how it was found: the
    sheet the workbook opens on (its active sheet) when that is a visible worksheet, else the first visible
    worksheet, never a hidden one (None: no visible worksheet). The how is None for a workbook of one sheet."""
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    if not visible:
        return None, None
    hidden = [ws.title for ws in book.worksheets if ws.sheet_state != "visible"]
    active = book.active  # None: the workbook's activeTab is no sheet of it
    opens_on_it = active is not None and active.title in visible
    name = active.title if opens_on_it else visible[0]
    if opens_on_it:
        if len(book.sheetnames) == 1:
            return name, None
        how = _m("sheet-opens-on", QT_TRANSLATE_NOOP("importers", "the sheet the workbook opens on"))
    elif active is None:
        how = _m(
            "sheet-first-visible",
            QT_TRANSLATE_NOOP(
                "importers", "the first visible sheet: the workbook does not say which sheet it opens on"
            ),
        )
    elif active.title in hidden:
        how = _m(
            "sheet-first-visible-active-hidden",
            QT_TRANSLATE_NOOP(
                "importers", "the first visible sheet: the sheet the workbook opens on, {sheet}, is hidden"
            ),
            sheet=repr(active.title),
        )
    else:
        how = _m(
            "sheet-first-visible-active-chart",
            QT_TRANSLATE_NOOP("importers", "the first visible sheet: the workbook opens on the chart {sheet}"),
            sheet=repr(active.title),
        )
    if hidden:
        how = _m(
            "sheet-hidden-not-read",
            QT_TRANSLATE_NOOP("importers", "{how}; hidden sheets, not read: {hidden}"),
            how=how,
            hidden=", ".join(repr(title) for title in hidden),
        )
    return name, how


def _sheet_values(book: Any, sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a read-only worksheet as values, as `sheet.iter_rows(values_only=True)` gives them (rows
    the file leaves out are empty, rows beyond its stated size are not read), except that a formula cell
    without a computed value is an `UncomputedFormula`, not None (an empty cell).

    openpyxl's `data_only` reader gives None for both; its parser (`WorkSheetParser`, which
    `ReadOnlyWorksheet._cells_by_row` uses) is given a `parse_cell` that tells them apart, and this loop
    is that method's, for values from the first row and column. A formula computing the empty text is
    written `t="str"` with an empty `<v>` by Excel and LibreOffice: that is an empty cell. A date cell
    whose serial is not a whole second is read to the precision its `<v>` is written with (`excel_serial`,
    the rule of CSV cells too): openpyxl alone gives 09:19:59.992 for `46363.3888888`, Excel shows 09:20:00.
    """
    from openpyxl.utils.datetime import from_excel
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            value = cell["value"]
            if cell["data_type"] == "d" and isinstance(value, (datetime, time)) and value.microsecond:
                with suppress(TypeError, ValueError, OverflowError):  # ISO text (`t="d"`): as read
                    cell["value"] = from_excel(excel_serial(float(element.findtext(VALUE_TAG))), self.epoch)
            elif value is None and cell["data_type"] != "str":
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = UncomputedFormula("=" + (formula.text or ""))
            return cell

    width, height = sheet.max_column, sheet.max_row
    empty: tuple[Any, ...] = (None,) * width if width is not None else ()
    done = 0
    with sheet._get_source() as src:
        parser = Parser(
            src,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            if height is not None and number > height:
                yield from [empty] * (height - done)  # as openpyxl: empty rows up to the stated size
                return
            while done + 1 < number:
                done += 1
                yield empty
            if done < number:
                done += 1
                yield sheet._get_row(cells, 1, width, values_only=True)


class RowsSource(Source):
    """Rows already in memory or made on the fly (JSON records read as a table); progress from `progress_of`."""

    def __init__(self, rows: Callable[[], Iterable[Sequence[Any]]], progress_of: Callable[[], tuple[int, int]]) -> None:
        self._rows = rows
        self._progress_of = progress_of

    def rows(self) -> Iterator[Sequence[Any]]:
        return iter(self._rows())

    def progress(self) -> tuple[int, int]:
        return self._progress_of()

    def close(self) -> None:
        pass


def take(rows: Iterator[Sequence[Any]], count: int, first: int) -> list[Sequence[Any]]:
    """The next `count` rows (fewer at the end); a row the csv module cannot read is an ImportFailed."""
    chunk: list[Sequence[Any]] = []
    try:
        chunk.extend(islice(rows, count))
    except csv.Error as exc:
        raise ImportFailed(
            _m(
                "row-cannot-be-read-a-cell-over-k",
                QT_TRANSLATE_NOOP(
                    "importers",
                    'Row {first_len} cannot be read: {why}. A cell over 128 KiB or a quote (") that '
                    "is never closed can cause this.",
                ),
                first_len=str(first + len(chunk)),
                why=reason_of(exc),
            )
        ) from exc
    return chunk
