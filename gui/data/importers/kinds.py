"""A value column's kind (numbers, text, JSON objects) from all its rows, not only the first ones read.

The rule (session 5): a column with any number is numbers, and its texts
(`OVER`, `23.5 °C`, `inf`) are rejected with row, column and reason unless
they mean "no reading" (`NA`, `--`: `MISSING_LIKE`, skipped and said among
the decisions); a column whose every cell is a JSON object is JSON; else
text. Detection (`detect.make_plan`) applies it to the first rows read
(`columns.SAMPLE_ROWS`); the chunked pass watches every row of the columns
so decided, and of those it proposed not to import for what the first rows
held (`Seen`, fed by `convert.RowConverter`); `revise` says what all rows
decide otherwise, `detect.make_plan` takes it, and `tabular.import_rows`
reads the rows again with that plan (a second pass only then), so no value
is sent with the JSON type of a sample that did not show it, and no reading
is left out for a reason only the first rows gave.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from gui.data.importers import cells as C
from gui.data.importers.cells import MISSING_LIKE
from gui.data.importers.result import column_label, kind_name
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text
from gui.onenet.readings import Value, ValueKind
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

if TYPE_CHECKING:
    from gui.data.importers.plan import Plan

#: The first character of every text `cells.parse_number_text` may read (after stripping spaces).
_NUMBER_START = "+-.,\u2212"
#: Over a text column's distinct cells joined by line breaks (a C-level scan; a hit sends them down the
#: careful path): a cell that may be a number.
_MAY_BE_NUMBER = re.compile(rf"\n[\d{re.escape(_NUMBER_START)}]")
#: `MISSING_LIKE` as people write them (`NA`, `Null`): a C-level set intersection for columns of many texts.
_MISSING_WRITTEN = frozenset(f(t) for t in MISSING_LIKE for f in (str.lower, str.upper, str.title, str.capitalize))
#: Up to this many distinct texts in a chunk, each is checked exactly (casefolded, classified).
_FEW = 64


def is_missing(raw: Any, missing: frozenset[str]) -> bool:
    """Whether a cell means "no reading": empty, or a missing-value marker (numbers too: `-200`)."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip() in missing
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and len(missing) > 1:
        return cell_text(raw) in missing
    return False


def kind_of(filled: int, numbers: int, objects: int, padded: int = 0) -> ValueKind:
    """The kind of a wide table's value column from its cells: `filled` not missing, of them `numbers`
    numbers and `objects` JSON objects (`cells.classify`), `padded` of the numbers written with leading
    zeros (`0012`, `cells.zero_padded`: identifiers or codes, text, never a number that loses the zeros).
    AUTO for a column without a filled cell."""
    if not filled:
        return ValueKind.AUTO
    if objects == filled:
        return ValueKind.JSON
    if numbers and not padded:
        return ValueKind.NUMBER
    return ValueKind.TEXT


def zero_padded_decision(column: str, example: str, stream: bool = False) -> Message:
    """The decision that a value column (`stream`: a long layout's datastream) whose numbers carry leading
    zeros is read as text, and how to get numbers instead (code `zero-padded-text`)."""
    source = (
        QT_TRANSLATE_NOOP(
            "importers",
            "datastream {column}: text, not numbers: {example} is written with leading zeros, as identifiers and "
            "codes are, and a number would lose them",
        )
        if stream
        else QT_TRANSLATE_NOOP(
            "importers",
            "column {column}: text, not numbers: {example} is written with leading zeros, as identifiers and codes "
            "are, and a number would lose them (to send numbers: send --number {column}; the import dialog's "
            "columns table)",
        )
    )
    return _m("zero-padded-text", source, column=repr(column), example=repr(example))


def markers_decision(found: Iterable[str]) -> Message:
    """The decision that texts meaning "no reading" among numbers are skipped (code `no-reading-markers`)."""
    shown = ", ".join(repr(t) for t in sorted(found))
    return _m(
        "no-reading-markers",
        QT_TRANSLATE_NOOP("importers", "no reading: {markers} among numbers (skipped, never sent)"),
        markers=shown,
    )


def _is_number(raw: Any) -> bool:
    if isinstance(raw, str):
        text = raw.strip()
        if not text or not (text[0].isdigit() or text[0] in _NUMBER_START):
            return False  # no number starts so: spares `classify` on every word of a text column
    return C.classify(raw, frozenset())[0] is C.CellClass.NUMBER


#: The reasons a column is proposed as not imported that only the first rows gave (`columns._skip_reason`
#: codes): such a column is watched too, and imported when a later row holds a reading.
SAMPLE_SKIPS = ("skip-unnamed-empty", "skip-unnamed-junk", "skip-no-reading", "skip-label-text")


@dataclass
class Seen:
    """What the pass sees in one column whose kind the first rows gave (`kind`), over all its rows.

    `kind` None: a column the first rows proposed not to import (`SAMPLE_SKIPS`), `known` the texts they
    showed in it (its label, its "no reading" texts). `first_row` is the file's row number of the first
    cell the first rows did not foresee (a number in a text column, a text in a JSON column, a reading in
    a column not imported…), `first_text` that cell as read; `missing_like` the texts meaning "no
    reading" (`MISSING_LIKE`) seen.
    """

    kind: ValueKind | None
    known: frozenset[str] = frozenset()
    filled: int = 0
    numbers: int = 0
    objects: int = 0
    missing_like: set[str] = field(default_factory=set)
    first_row: int | None = None
    first_text: str = ""
    padded: int = 0  #: numbers written with leading zeros (`cells.zero_padded`): the column is text
    first_padded: str = ""  #: the first of them
    #: AUTO (a long layout's datastream not in the first rows): values read as text, which its kind may refuse.
    texts_read: int = 0
    marked: int = 0  #: AUTO, JSON: cells that are `MISSING_LIKE` texts

    def see(
        self, cells: Sequence[Any], values: Sequence[Value | None], rows: Sequence[int], missing: Callable[[Any], bool]
    ) -> None:
        """Take a chunk of the column: its raw `cells`, the `values` read from them (None: missing or
        rejected; nothing for a column not imported), the file's row number of each, and the import's
        test for a missing cell."""
        odd: set[Any] = set()
        if self.kind is ValueKind.NUMBER:  # numbers stay numbers unless written with leading zeros (`0012`)
            self._see_padded(cells, rows)
            if None in values:
                self.missing_like.update(
                    text
                    for raw, value in zip(cells, values, strict=True)
                    if value is None
                    and isinstance(raw, str)
                    and (text := raw.strip()).casefold() in MISSING_LIKE
                    and not missing(raw)
                )
            return
        if self.kind is ValueKind.TEXT:  # the values are the stripped texts (None: missing or rejected)
            distinct = set(values)
            distinct.discard(None)
            texts = cast(set[str], distinct)
            if len(texts) <= _FEW:
                self.missing_like.update(t for t in texts if t.casefold() in MISSING_LIKE)
            else:
                self.missing_like.update(texts & _MISSING_WRITTEN)
                if not _MAY_BE_NUMBER.search("\n" + "\n".join(texts)):
                    return
            odd = {t for t in texts if _is_number(t)}
            self.numbers += sum(1 for v in values if v in odd) if odd else 0
            padded = {v for v in odd if C.zero_padded(v)}
            self.padded += sum(1 for v in values if v in padded) if padded else 0
            self.first_padded = self.first_padded or next((v for v in values if isinstance(v, str) and v in padded), "")
            if self.kind_of_all_rows() is ValueKind.TEXT:  # a column of codes (`0012`, `13`) stays text
                odd = set()
        else:
            if self.kind is ValueKind.AUTO:
                self.texts_read += sum(1 for v in values if isinstance(v, str))
            for raw, count in Counter(cells).items():
                if missing(raw):
                    continue
                text = cell_text(raw).strip()
                no_reading = text.casefold() in MISSING_LIKE
                if no_reading:
                    self.missing_like.add(text)
                    self.marked += count
                self.filled += count
                cls = C.classify(raw, frozenset())[0]
                self.numbers += count if cls is C.CellClass.NUMBER else 0
                if cls is C.CellClass.NUMBER and C.zero_padded(text):
                    self.padded += count
                    self.first_padded = self.first_padded or text
                self.objects += count if cls is C.CellClass.JSON else 0
                if (
                    self.kind is ValueKind.AUTO
                    or (self.kind is ValueKind.JSON and cls is not C.CellClass.JSON)
                    or (self.kind is None and not no_reading and text not in self.known)
                ):
                    odd.add(raw)
            values = cells
        if odd and self.first_row is None:
            i = next(i for i, value in enumerate(values) if value in odd)
            self.first_row, self.first_text = rows[i], cell_text(cells[i]).strip()

    def _see_padded(self, cells: Sequence[Any], rows: Sequence[int]) -> None:
        """A number column: count its cells written with leading zeros (C-level scan of the chunk's texts)."""
        try:
            joined = "\n".join(cells)
        except TypeError:  # a spreadsheet's number cells among its texts: only the texts can carry zeros
            joined = "\n".join(c if isinstance(c, str) else "" for c in cells)
        if C.ZERO_PADDED_IN.search(joined) is None:
            return
        padded = [i for i, c in enumerate(cells) if isinstance(c, str) and C.zero_padded(c)]
        self.padded += len(padded)
        self.first_padded = self.first_padded or (cell_text(cells[padded[0]]).strip() if padded else "")
        if padded and self.first_row is None:
            self.first_row, self.first_text = rows[padded[0]], cell_text(cells[padded[0]]).strip()

    def kind_of_all_rows(self) -> ValueKind | None:
        """The column's kind from every row seen (`kind_of`; a number column stays numbers unless written with
        leading zeros); None: a column not imported whose rows hold no reading the first rows did not show."""
        if self.kind is ValueKind.NUMBER:
            return ValueKind.TEXT if self.padded else ValueKind.NUMBER
        if self.kind is ValueKind.TEXT:
            return ValueKind.NUMBER if self.numbers and not self.padded else ValueKind.TEXT
        if self.kind is None and self.first_row is None:
            return None
        return kind_of(self.filled, self.numbers, self.objects, self.padded)

    def read_right(self) -> bool:
        """Whether the values read with `kind` are those of `kind_of_all_rows` (AUTO reads what it can: right
        unless numbers came with texts, or JSON objects with texts)."""
        kind = self.kind_of_all_rows()
        if self.kind is not ValueKind.AUTO or kind is ValueKind.AUTO:
            return kind is self.kind or kind is ValueKind.AUTO
        if kind is ValueKind.NUMBER:
            return not self.texts_read and not self.objects
        if kind is ValueKind.TEXT and self.padded:  # AUTO read `0012` as the number 12
            return False
        return kind is ValueKind.JSON or not self.objects


def stream_kinds(
    rows: Sequence[Sequence[Any]], stream_col: int, value_col: int, missing: frozenset[str], column: str
) -> tuple[dict[str, ValueKind], frozenset[str], list[Message]]:
    """Long layout: each datastream's kind (by its id in the file) from `rows`, by the rule of a wide value
    column (`kind_of`); the "no reading" texts among numbers; a decision for each datastream of numbers
    with other texts (value column named `column`)."""
    seen: dict[str, Seen] = {}
    for row in rows:
        if len(row) <= max(stream_col, value_col):
            continue
        stream = cell_text(row[stream_col]).strip()
        if stream:
            raw = row[value_col]
            seen.setdefault(stream, Seen(ValueKind.AUTO)).see([raw], [raw], [0], lambda r: is_missing(r, missing))
    kinds = {stream: values.kind_of_all_rows() or ValueKind.AUTO for stream, values in seen.items()}
    numeric = [seen[stream] for stream, kind in kinds.items() if kind is ValueKind.NUMBER]
    markers = frozenset(t for values in numeric for t in values.missing_like)
    said = [
        numbers_with_texts(stream, column)
        for stream, values in seen.items()
        if kinds[stream] is ValueKind.NUMBER and values.filled > values.numbers + values.marked
    ]
    said += [
        zero_padded_decision(stream, values.first_padded, True) for stream, values in seen.items() if values.padded
    ]
    return kinds, markers, said


def numbers_with_texts(stream: str, column: str) -> Message:
    """Long layout: datastream `stream` holds numbers and other texts; its texts are rejected (code
    `stream-numbers-texts`)."""
    return _m(
        "stream-numbers-texts",
        QT_TRANSLATE_NOOP(
            "importers",
            "datastream {stream}: numbers, with texts among them: their rows are rejected unless the texts are "
            "missing-value markers or the column {column} is read as text (send --text; the import dialog's "
            "columns table)",
        ),
        stream=repr(stream),
        column=repr(column),
    )


@dataclass(frozen=True)
class Revision:
    """What all rows decide that the first rows did not: `kinds` of the columns that change (a column not
    imported by the first rows is then imported), texts meaning "no reading" among numbers found below
    them (`markers`), and a decision for each column, naming the row that decided it; long layout: the kind
    of each datastream (by its id in the file) from all its rows (`stream_kinds`)."""

    kinds: dict[int, ValueKind]
    markers: frozenset[str]
    decisions: list[Message]
    stream_kinds: dict[str, ValueKind] = field(default_factory=dict)


def revise(
    plan: Plan, seen: dict[int, Seen], rows_read: int, streams: dict[str, Seen] | None = None
) -> Revision | None:
    """What all rows decide unlike the first ones (`Revision`), or None when the first rows told it right.

    A Revision whenever a column's `Seen.first_row` is set (the pass may stop keeping datapoints then).

    `seen`: by column index, what the pass saw in the columns `plan.watched`;
    `rows_read`: how many data rows detection read. `detect.make_plan` takes
    the revision and gives the plan of all rows (which watches nothing).
    """
    kinds: dict[int, ValueKind] = {}
    decisions: list[Message] = []
    for j, column in sorted(seen.items()):
        kind = column.kind_of_all_rows()
        if kind is None or kind is column.kind:
            continue
        kinds[j] = kind
        name = column_label(plan.infos[j].name, j)
        decisions.append(
            Counted("kind-later")
            .tr(
                "column {column}: {kind}, decided on all its rows: row {row} holds {value}, which the first "
                "%Ln row(s) read did not show",
                "",
                rows_read,
            )
            .with_args(column=name, kind=kind_name(kind), row=str(column.first_row), value=column.first_text)
        )
    found = frozenset(
        t for j, column in seen.items() if kinds.get(j, column.kind) is ValueKind.NUMBER for t in column.missing_like
    )
    stream_kinds: dict[str, ValueKind] = {}
    changed = False
    if streams:  # long layout: each datastream's kind from all its rows, as a wide value column's
        assert plan.value_col is not None
        for stream, values in streams.items():
            kind = values.kind_of_all_rows() or ValueKind.AUTO
            stream_kinds[stream] = kind
            if kind is ValueKind.NUMBER:
                found |= values.missing_like
            if not values.read_right():
                changed = True
                if kind is ValueKind.NUMBER:
                    decisions.append(numbers_with_texts(stream, plan.infos[plan.value_col].name))
    rescan = any(column.first_row is not None for column in seen.values())  # the pass kept nothing then
    if not kinds and not changed and not rescan and found <= plan.missing:
        return None
    return Revision(kinds, found - plan.missing, decisions, stream_kinds)
