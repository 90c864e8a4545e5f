"""Tables (CSV/TSV/TXT, XLSX, JSON row records): detection from the first rows, then a chunked pass.

`import_table` reads `SAMPLE_ROWS` rows from a source (`sources`), finds
where the table starts and what every column is (`detect`), then reads
`CHUNK_ROWS` rows at a time and converts them by column (`convert`), the
first ones also into the dialog's preview cells (`preview`). Memory holds
the imported values and one chunk of text, never a copy of the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, tzinfo
from pathlib import Path

from gui.data.importers.columns import SAMPLE_ROWS
from gui.data.importers.convert import RejectedSink, RowConverter
from gui.data.importers.detect import make_plan
from gui.data.importers.kinds import revise
from gui.data.importers.options import FileFormat, ImportOptions, Layout, MissingTime
from gui.data.importers.plan import Plan, order_name
from gui.data.importers.result import (
    ColumnStats,
    Detected,
    ImportCancelled,
    ImportFailed,
    ImportResult,
    PointTable,
    Sheets,
)
from gui.data.importers.result import message as _m
from gui.data.importers.sniff import HEAD_BYTES, Encoding, sniff_delimiter
from gui.data.importers.sources import DelimitedSource, Source, XlsxSource, cut_short, effective_width, take
from gui.data.importers.structure import find_structure, short_rows_said
from gui.text import QT_TRANSLATE_NOOP, Message

CHUNK_ROWS = 4096

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def import_table(
    path: Path,
    file_format: FileFormat,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    encoding: Encoding | None = None,
    head_text: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    sink: RejectedSink | None = None,
) -> ImportResult:
    """Import a delimited text file (with `encoding`, first decoded text `head_text`) or an XLSX sheet.

    See the module docstring for the method; raises ImportFailed or
    ImportCancelled.
    """
    delimiter: str | None = None
    delimiter_reason: Message | None = None
    source: Source
    if file_format is FileFormat.XLSX:
        source = XlsxSource(path, options.sheet)
    else:
        assert encoding is not None
        lines = head_text.splitlines()
        if len(lines) <= 1 and len(head_text.encode("utf-8", "replace")) >= HEAD_BYTES - 16:
            raise ImportFailed(
                _m(
                    "the-first-line-is-longer-than-mi",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "The first line is longer than 1 MiB: this is not a table of readings (rows "
                        "of a CSV file are short). Is it the right file?",
                    ),
                )
            )
        if options.delimiter:
            delimiter = options.delimiter
            delimiter_reason = _m("chosen", QT_TRANSLATE_NOOP("importers", "chosen"))
        else:
            delimiter, delimiter_reason = sniff_delimiter(lines)
        source = DelimitedSource(path, encoding.codec, delimiter)
    return import_rows(
        path, source, file_format, options, tz, now, encoding, delimiter, delimiter_reason, progress, cancelled, sink
    )


def import_rows(
    path: Path,
    source: Source,
    file_format: FileFormat,
    options: ImportOptions,
    tz: tzinfo,
    now: datetime,
    encoding: Encoding | None,
    delimiter: str | None,
    delimiter_reason: Message | None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    sink: RejectedSink | None = None,
    notes: tuple[Message, ...] = (),
) -> ImportResult:
    """Import the rows of `source` as a table: detection on the first rows, then the chunked pass.

    The zone a header states (`Date Time, GMT+00:00`) replaces `tz`, also
    when the caller chose one (`zones.unused_zone`). A question to answer first (day/month
    order, no time column understood, an ambiguous zone) gives a result
    with the preview and nothing imported (`ImportResult.needs_answer`).
    Raises ImportFailed or ImportCancelled.
    """
    missing = frozenset({""} | {m.strip() for m in options.missing_markers})
    with source:
        sample = take(source.rows(), SAMPLE_ROWS + 1, 1)
        sample_ends_file = source.unterminated and len(sample) <= SAMPLE_ROWS  # its last row: the file's last line
        if sample and cut_short(sample[-1]):  # not read for detection: the pass rejects it
            sample.pop()
            sample_ends_file = False
        if not sample or all(effective_width(r) == 0 for r in sample):
            if file_format is FileFormat.XLSX:
                raise ImportFailed(_m("empty-sheet", QT_TRANSLATE_NOOP("importers", "The sheet is empty.")))
            raise ImportFailed(_m("empty-file", QT_TRANSLATE_NOOP("importers", "The file is empty.")))
        structure = find_structure(sample, options, missing)
        others = [name for name in source.sheets if name != source.sheet]
        if structure.has_header and not structure.data_sample and others:
            raise ImportFailed(
                _m(
                    "header-only-sheet",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "Sheet {sheet} has a header row but no data rows below it. The workbook's other sheets: "
                        "{others}; choose one (send --sheet NAME, the import dialog's Sheet).",
                    ),
                    sheet=repr(source.sheet),
                    others=", ".join(repr(name) for name in others),
                ),
                sheets=Sheets(source.sheets, source.hidden_sheets, source.default_sheet),
            )
        if structure.has_header and not structure.data_sample:
            raise ImportFailed(
                _m(
                    "the-file-has-a-header-row-but-no",
                    QT_TRANSLATE_NOOP("importers", "The file has a header row but no data rows below it."),
                )
            )
        plan = make_plan(structure, options, missing, delimiter)
        if plan.zone is not None:
            tz = plan.zone
        no_time = not plan.time.found
        # an empty cell in a column of times is a rejected row unless the user chose what such rows get
        missing_time = options.missing_time or MissingTime.REFUSE

        def result_of(plan: Plan) -> ImportResult:
            detected = Detected(
                file_format=file_format,
                encoding=encoding.codec if encoding else None,
                encoding_label=encoding.label if encoding else "",
                encoding_reason=encoding.reason if encoding else "",
                delimiter=delimiter,
                has_header=structure.has_header,
                skipped_rows=structure.skip,
                sheet=source.sheet,
                sheets=source.sheets,
                hidden_sheets=source.hidden_sheets,
                default_sheet=source.default_sheet,
                sheet_how=source.sheet_how,
                layout=plan.layout,
                columns=tuple(plan.infos),
                date_order=order_name(plan.date_order),
                date_order_reason=plan.date_order_reason,
                source_tz=plan.zone_name or options.source_tz,
                missing_time=missing_time,
                missing_markers=tuple(sorted((missing | plan.missing) - {""})),
                notes=tuple(structure.notes + plan.notes) + notes,
                delimiter_reason=delimiter_reason,
                header_line=structure.skip + 1 if structure.has_header else None,
                zone_reason=plan.zone_reason,
                zone_why=plan.zone_why,
                decisions=tuple(structure.decisions + plan.decisions),
                zone_stated=plan.zone_stated,
                zone_column=plan.zone_column,
                zone_unused=plan.zone_unused,
            )
            stream_ids = [plan.infos[j].stream_id for j in plan.values] if plan.layout is Layout.WIDE else []
            result = ImportResult(
                str(path),
                detected,
                PointTable(stream_ids, plan.layout is Layout.WIDE, tz),
                stats=[ColumnStats() for _ in range(structure.width)],
            )
            if plan.zone_unstated:
                result.zone_unstated = tuple(c.name for c in detected.time_columns())
            return result

        padded = file_format is not FileFormat.DELIMITED

        def converter(plan: Plan, result: ImportResult, target: RejectedSink | None) -> RowConverter:
            runner = RowConverter(
                plan,
                structure.width,
                missing | plan.missing,
                missing_time,
                tz,
                now,
                result,
                padded,
                options.preview_rows,
                target,
            )
            if plan.rename:
                runner.rename = plan.rename
            if structure.annotated:
                runner.repeated_header = list(sample[structure.skip])
            return runner

        result = result_of(plan)
        first_data = structure.data_start + 1
        asked = plan.time.undecided or plan.time.needs_date or plan.zone_question is not None or bool(plan.questions)
        if asked or (no_time and options.missing_time is None):
            result.needs_date_order = plan.time.undecided
            result.needs_date = plan.time.needs_date
            result.questions = plan.questions
            result.ambiguous_dates = plan.ambiguous
            result.date_orders = plan.orders
            if plan.zone_question is not None:
                result.zone_question = plan.zone_question.choices
                result.zone_question_text = plan.zone_question.text
            result.needs_time = no_time
            preview = converter(plan, result, None)
            preview.store = False
            preview.warn_missing_time = False
            if plan.time.needs_date:  # no time can be read before the date is given: none is "missing"
                preview.missing_time = MissingTime.PLATFORM
            shown = sample[first_data - 1 : first_data - 1 + options.preview_rows]
            preview.process(shown, first_data, sample_ends_file and first_data - 1 + len(shown) == len(sample))
            said_short_rows(result, preview)
            if asked:  # the answer changes what can be read
                result.rows_read = result.rows_rejected = 0
                result.problems.clear()
                result.problem_count = 0
            return result

        def read_all(plan: Plan, result: ImportResult) -> RowConverter:
            """One pass over the data rows, by chunks; its runner holds what it saw (`RowConverter.seen`)."""
            runner = converter(plan, result, sink)
            if sink is not None:
                sink.header(structure.names)
            rows = source.rows()
            take(rows, first_data - 1, 1)
            number = first_data
            chunk = take(rows, CHUNK_ROWS, number)
            while chunk:  # one chunk ahead: the last one holds the file's last line
                _check(cancelled)
                after = take(rows, CHUNK_ROWS, number + len(chunk))
                runner.process(chunk, number, source.unterminated and not after)
                number += len(chunk)
                chunk = after
                if runner.store and any(seen.first_row is not None for seen in runner.seen.values()):
                    runner.store = False  # the rows are read again (below): keep nothing of this pass meanwhile
                if progress is not None:
                    progress(*source.progress())
            return runner

        runner = read_all(plan, result)
        revision = revise(plan, runner.seen, len(structure.data_sample), runner.streams_seen)
        if revision is not None:  # a later row decides what the first rows did not show: read with all rows' plan
            del runner, result  # this pass's datapoints go before the next pass keeps its own
            plan = make_plan(structure, options, missing, delimiter, revision)
            result = result_of(plan)
            if plan.questions:  # readings below the first rows in a column without a name: asked, nothing read
                result.questions = plan.questions
                return result
            runner = read_all(plan, result)
        if runner.store:
            runner.finish()
        said_short_rows(result, runner)
    return result


def said_short_rows(result: ImportResult, runner: RowConverter) -> None:
    """Add to the detection lines how many rows had fewer cells than the header (`RowConverter.process`)."""
    if runner.short_rows:
        decisions = (*result.detected.decisions, short_rows_said(runner.short_rows))
        result.detected = replace(result.detected, decisions=decisions)


def decode_head(head: bytes, encoding: Encoding, complete: bool) -> str:
    """The first bytes decoded (a character cut at the end is dropped unless the file ended)."""
    decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
    return decoder.decode(head, final=complete)
