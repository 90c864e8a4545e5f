"""The real-world corpus (tests/fixtures/realworld) through the import dialog, driven with pytest-qt.

The same files and answers as tests/integration/test_realworld_corpus.py: each file is opened on a
UTC+8 computer, once as it is read and once after the careful user's choices (the `send` options
of expected.json, made through the dialog's controls), then imported; the rows handed to the
editor are compared per datastream with the answer. A file that `send` must refuse with a question
(exit 2) must leave "Import" disabled and ask, in its summary or its list of problems, naming what
it asks (the zone, for `--source-tz`); one with rows that cannot be read (exit 3) must list them.

`apply_option` knows which control answers which `send` option. The dialog has none yet for
`--header-row`, `--time-format`, `--columns` and `--stream-id`: those cases fail until it has one
and `apply_option` drives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QComboBox

from gui.data.importers import DateOrder, Layout, MissingTime
from gui.onenet.readings import format_at
from gui.ui.import_dialog import ImportDialog

from ..integration.test_realworld_corpus import (
    COMPUTER_ZONE,
    CORPUS,
    EXPECTED,
    MODES,
    NO_ZONE_QUESTION,
    assert_streams,
    by_label,
    summarise,
)

#: Seconds a read of a file of a few hundred rows may take.
READ_TIMEOUT_MS = 20_000

#: (file, mode) -> why it fails on today's main. Delete an entry when a change makes it pass: the
#: marks are strict, so a pass that is still listed fails the run.
FAILS_TODAY: dict[tuple[str, str], str] = {
    (
        "homeassistant_history.csv",
        "no_options",
    ): "`entity_id,state,last_changed` is not read as long: entity_id and state are imported as datastreams",
    (
        "aquameasure_670364.csv",
        "careful",
    ): "`Timestamp(UTC)` in the header is ignored: the times are read in the computer's zone",
    (
        "dwd_10min_solar_produkt_zehn_now_sd_01766.txt",
        "careful",
    ): "MESS_DATUM (YYYYMMDDHHMM) is not read as a time: it is imported as a datastream",
    (
        "dwd_10min_solar_produkt_zehn_now_sd_01766.txt",
        "no_options",
    ): NO_ZONE_QUESTION + "; MESS_DATUM (YYYYMMDDHHMM) is not read as a time",
    (
        "dwd_hourly_precip_produkt_rr_stunde_00020.txt",
        "careful",
    ): "MESS_DATUM (YYYYMMDDHH) is not read as a time: it is imported as a datastream",
    (
        "dwd_hourly_precip_produkt_rr_stunde_00020.txt",
        "no_options",
    ): NO_ZONE_QUESTION + "; MESS_DATUM (YYYYMMDDHH) is not read as a time",
    ("dwd_poi_10315_BEOB.csv", "careful"): "the dialog has no header-row choice",
    ("dwd_poi_10315_BEOB.csv", "no_options"): "the parameter-id line is taken as the header",
    ("hobo_do_title_20827226.csv", "careful"): "the dialog has no header-row choice",
    (
        "hobo_do_title_20827226.csv",
        "no_options",
    ): "the `#` row index and the five logger-event columns are imported as datastreams",
    ("hobo_ph_ast_adt_22058687.csv", "no_options"): "`Date-Time (AST/ADT)` is not asked about",
    ("hobo_temp_10755220.csv", "no_options"): "the five logger-event columns (`Logged`) are imported as datastreams",
    ("influxdb_annotated_long.csv", "careful"): "the dialog has no header-row choice",
    ("influxdb_annotated_long.csv", "no_options"): "the `#datatype` annotation line is taken as the header",
    ("lo_de_DE_cp1252.csv", "careful"): "the dialog has no header-row choice",
    (
        "lo_de_DE_cp1252.csv",
        "no_options",
    ): NO_ZONE_QUESTION + "; the units row is rejected as data",
    ("lo_de_DE_datum_zeit.xlsx", "careful"): "the dialog has no header-row choice",
    (
        "lo_de_DE_datum_zeit.xlsx",
        "no_options",
    ): "the workbook is not read (TypeError on its title block and units row) and the zone is not asked",
    ("lo_en_US_cp1252.csv", "careful"): "the dialog has no header-row choice",
    (
        "lo_en_US_cp1252.csv",
        "no_options",
    ): "the title line is taken as the header; " + NO_ZONE_QUESTION,
    ("lo_en_US_utf16_tab.txt", "careful"): "the dialog has no time-format field",
    (
        "lo_en_US_utf16_tab.txt",
        "no_options",
    ): "`04/12/23 12:00 AM` is not read; " + NO_ZONE_QUESTION,
    ("lo_zh_CN_chinese_dates.xlsx", "careful"): "the dialog has no header-row choice",
    (
        "lo_zh_CN_chinese_dates.xlsx",
        "no_options",
    ): "the workbook is not read (TypeError on its title block and units row) and the zone is not asked",
    ("lo_zh_CN_gb18030.csv", "careful"): "the dialog has no header-row choice",
    (
        "lo_zh_CN_gb18030.csv",
        "no_options",
    ): NO_ZONE_QUESTION + "; the units row is rejected as data",
    (
        "prsa_beijing_split_time.csv",
        "careful",
    ): "year/month/day/hour are not combined: they are imported as datastreams",
    (
        "prsa_beijing_split_time.csv",
        "no_options",
    ): NO_ZONE_QUESTION + "; year/month/day/hour are not combined",
    ("statsmodels_co2_weekly.csv", "careful"): "`19580329` is not read as a date: `date` is imported as a datastream",
    (
        "statsmodels_co2_weekly.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
    (
        "statsmodels_danish_quarterly.csv",
        "careful",
    ): "`1974Q1` is not read as a period: `period` is imported as a datastream",
    (
        "statsmodels_danish_quarterly.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
    (
        "statsmodels_elec_equip_monthly.csv",
        "careful",
    ): "`Jan-1-1995` is not read as a date: `DATE` is imported as a datastream",
    (
        "statsmodels_elec_equip_monthly.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
    ("thingspeak_feeds_offset.csv", "no_options"): "`entry_id` is imported as a datastream",
    ("thingspeak_feeds_utc.csv", "no_options"): "`entry_id` is imported as a datastream",
    (
        "uci_air_quality_semicolon.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
    ("vega_ohlc_records.json", "careful"): "a JSON array of row records is not read as a wide table",
    ("vega_ohlc_records.json", "no_options"): 'a JSON array of row records is refused as records without "stream"',
    (
        "vega_seattle_weather_daily.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
    ("vega_stocks_long.csv", "careful"): "`Jan 1 2000` is not read as a date: the rows are stamped now",
    (
        "vega_stocks_long.csv",
        "no_options",
    ): NO_ZONE_QUESTION,
}


def cases() -> Iterator[Any]:
    for name in sorted(EXPECTED):
        for mode in MODES:
            why = FAILS_TODAY.get((name, mode))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(name, mode, marks=marks, id=f"{name}-{mode}")


def test_the_failure_list_names_only_real_cases():
    assert set(FAILS_TODAY) <= {(name, mode) for name in EXPECTED for mode in MODES}


@pytest.fixture
def pool():
    pool = QThreadPool()
    yield pool
    assert pool.waitForDone(READ_TIMEOUT_MS), "a worker was left running"


def options(args: list[str]) -> list[tuple[str, str | None]]:
    """`send` arguments as (option, value) pairs: `--na=NA`, `--na NA` and `--skip-rejected`."""
    pairs: list[tuple[str, str | None]] = []
    rest = list(args)
    while rest:
        option = rest.pop(0)
        if "=" in option:
            option, value = option.split("=", 1)
            pairs.append((option, value))
        elif option == "--skip-rejected":
            pairs.append((option, None))
        else:
            pairs.append((option, rest.pop(0)))
    return pairs


def reread(qtbot, dialog: ImportDialog, change) -> None:
    with qtbot.waitSignal(dialog.finishedReading, timeout=READ_TIMEOUT_MS):
        change()


def choose(qtbot, dialog: ImportDialog, combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    if combo.currentIndex() != index:
        reread(qtbot, dialog, lambda: combo.setCurrentIndex(index))


def column_names(dialog: ImportDialog) -> list[str]:
    table = dialog.columns_table
    return [table.item(r, dialog.COL_NAME).text() for r in range(table.rowCount())]


def apply_option(qtbot, dialog: ImportDialog, option: str, value: str | None) -> None:
    """Make the choice `send OPTION VALUE` makes, through the dialog's own control for it."""
    if option == "--source-tz":
        if dialog.zone_combo.currentText() != value:
            reread(qtbot, dialog, lambda: dialog.zone_combo.setCurrentText(value))
    elif option == "--na":
        markers = [m.strip() for m in dialog.markers_edit.text().split(",") if m.strip()]
        dialog.markers_edit.setText(", ".join([*markers, str(value)]))
        reread(qtbot, dialog, dialog.markers_edit.editingFinished.emit)
    elif option == "--date-order":
        choose(qtbot, dialog, dialog.order_combo, DateOrder(value))
    elif option == "--layout":
        choose(qtbot, dialog, dialog.layout_combo, Layout(value))
    elif option == "--missing-time":
        choose(qtbot, dialog, dialog.missing_time_combo, MissingTime(value))
    elif option == "--encoding":
        choose(qtbot, dialog, dialog.encoding_combo, value)
    elif option == "--delimiter":
        choose(qtbot, dialog, dialog.delimiter_combo, "\t" if value == "tab" else value)
    elif option == "--decimal":
        choose(qtbot, dialog, dialog.decimal_combo, value)
    elif option == "--exclude":
        names = column_names(dialog)
        for item in str(value).split(","):
            column = int(item) - 1 if item.isdigit() else names.index(item)
            box = dialog.include_checkbox(column)
            if box.isChecked():
                reread(qtbot, dialog, lambda box=box: box.setChecked(False))
    elif option == "--skip-rejected":
        pass  # the dialog never imports a row it cannot read; it imports the others when asked
    else:
        pytest.fail(f"the import dialog has no control for {option} yet")


def dialog_text(dialog: ImportDialog) -> str:
    """What the dialog says about this file: its summary line and its list of problems."""
    problems = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    return "\n".join([dialog.summary_label.text(), *problems])


#: The dialog's word for what a `send` option answers, in a question.
QUESTION_WORDS = {"--source-tz": "zone", "--date-order": "day", "--header-row": "header", "--time-format": "time"}


def imported_points(qtbot, dialog: ImportDialog, rows: list) -> dict[str, list[tuple[str | None, Any]]]:
    assert dialog.import_button.isEnabled(), dialog_text(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=READ_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    points: dict[str, list[tuple[str | None, Any]]] = {}
    for row in rows:
        at = format_at(row.point.at) if row.point.at else None
        points.setdefault(row.stream_id, []).append((at, row.point.value))
    return points


def stream_columns(dialog: ImportDialog) -> dict[str, str]:
    """Datastream id -> the column it is read from, as the dialog's column table shows them."""
    table = dialog.columns_table
    pairs = (
        (table.item(r, dialog.COL_ID).text(), table.item(r, dialog.COL_NAME).text()) for r in range(table.rowCount())
    )
    return {stream: name for stream, name in pairs if stream}


@pytest.mark.parametrize(("name", "mode"), list(cases()))
def test_import_dialog_gives_the_answer(qtbot, pool, name, mode):
    answer = EXPECTED[name][mode]
    rows: list = []
    dialog = ImportDialog(Path(CORPUS / name), rows.extend, pool, source_zone=COMPUTER_ZONE)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finishedReading, timeout=READ_TIMEOUT_MS):
        dialog.show()
    for option, value in options(answer["args"]):
        apply_option(qtbot, dialog, option, value)
    if "refusal" in answer:
        refusal = answer["refusal"]
        exits = refusal["exit"] if isinstance(refusal["exit"], list) else [refusal["exit"]]
        text = dialog_text(dialog)
        if exits == [3]:  # rows that cannot be read: listed, never imported
            result = dialog.import_result
            assert result is not None and result.rows_rejected > 0, text
            assert dialog.problems_list.count() > 0, text
        else:  # a question: nothing can be imported before it is answered
            assert not dialog.import_button.isEnabled(), text
            words = [QUESTION_WORDS.get(w, w) for w in refusal["words"]]
            missing = [w for w in words if w.lower() not in text.lower()]
            assert not missing, f"the dialog does not say {missing}:\n{text}"
        return
    points = imported_points(qtbot, dialog, rows)
    assert_streams(summarise(by_label(points, stream_columns(dialog))), answer["streams"])
