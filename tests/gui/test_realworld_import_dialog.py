"""The real-world corpus (tests/fixtures/realworld) through the import dialog, driven with pytest-qt.

The same files and answers as tests/integration/test_realworld_corpus.py: each file is opened on a
UTC+8 computer, once as it is read and once after the careful user's choices (the `send` options
of expected.json, made through the dialog's controls), then imported; the rows handed to the
editor are compared per datastream with the answer. A file that `send` must refuse with a question
(exit 2) must leave "Import" disabled and ask, in its summary or its list of problems, naming what
it asks (the zone, for `--source-tz`); one with rows that cannot be read (exit 3) must list them.

A file whose times state no zone is the exception: `send` asks for `--source-tz`, but the dialog is
a confirmation step. It starts with the computer's zone and says, beside the zone choice, that the
file does not state one; importing confirms it. Its answer with no options is the answer's
`dialog` (the file read in the computer's zone, or another question the file raises), and the
words of its `says` must be beside the zone choice.

`apply_option` knows which control answers which `send` option (`--header-row`: the Header row
field, `--time-format`: the Time format field). `--columns` and `--stream-id` are the columns
table's Import boxes and ids; no answer uses them yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from gui.data.importers import DateOrder, Layout, MissingTime
from gui.ui.import_dialog import ImportDialog

from ..integration.test_realworld_corpus import (
    COMPUTER_ZONE,
    CORPUS,
    EXPECTED,
    MODES,
    assert_streams,
    by_label,
    header_zone_files,
    summarise,
    without_source_tz,
)
from .import_dialogs import import_points, reread


def cases() -> Iterator[Any]:
    for name in sorted(EXPECTED):
        for mode in MODES:
            yield pytest.param(name, mode, id=f"{name}-{mode}")


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
    elif option == "--header-row":
        if dialog.header_row_spin.value() != int(str(value)):
            reread(qtbot, dialog, lambda: dialog.header_row_spin.setValue(int(str(value))))
    elif option == "--time-format":

        def type_format() -> None:
            dialog.time_format_edit.setText(str(value))
            dialog.time_format_edit.editingFinished.emit()

        reread(qtbot, dialog, type_format)
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
    return import_points(qtbot, dialog, rows)


def stream_columns(dialog: ImportDialog) -> dict[str, str]:
    """Datastream id -> the column it is read from, as the dialog's column table shows them."""
    table = dialog.columns_table
    pairs = (
        (table.item(r, dialog.COL_ID).text(), table.item(r, dialog.COL_NAME).text()) for r in range(table.rowCount())
    )
    return {stream: name for stream, name in pairs if stream}


def zone_note(dialog: ImportDialog) -> str:
    """What the dialog says by its zone choice, in the same group of choices ("" when it says nothing there)."""
    note = dialog.zone_note
    shown = note.isVisibleTo(dialog) and note.parentWidget().isAncestorOf(dialog.zone_combo)
    return note.text() if shown else ""


@pytest.mark.parametrize(("name", "mode"), list(cases()))
def test_import_dialog_gives_the_answer(qtbot, open_import_dialog, name, mode):
    answer = EXPECTED[name][mode]
    dialog_answer = answer.get("dialog")
    if dialog_answer is not None:  # the file states no zone: the dialog reads it in the computer's, and says so
        answer = {"args": answer["args"], **dialog_answer}
    dialog, rows = open_import_dialog(Path(CORPUS / name), zone=COMPUTER_ZONE)
    for option, value in options(answer["args"]):
        apply_option(qtbot, dialog, option, value)
    # Beside the zone choice: said while the file states no zone and the zone shown is still the computer's
    # (the careful user who names that zone confirms it by importing, as the dialog says); never otherwise.
    beside_zone = zone_note(dialog)
    unstated = EXPECTED[name]["no_options"].get("dialog")
    if unstated is not None and dict(options(answer["args"])).get("--source-tz", COMPUTER_ZONE) == COMPUTER_ZONE:
        missing = [w for w in unstated["says"] if w.lower() not in beside_zone.lower()]
        assert not missing, f"beside the zone choice, the dialog does not say {missing}: {beside_zone!r}"
    elif name in header_zone_files():  # the header's zone is used: said there, with why the box does not apply
        assert "states the zone" in beside_zone and "applies only to times without a zone" in beside_zone
    else:
        assert not beside_zone, f"the file states its zone, or another was chosen, yet the dialog says {beside_zone!r}"
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


@pytest.mark.parametrize("name", header_zone_files())
def test_a_zone_in_the_box_does_not_override_the_headers(qtbot, open_import_dialog, name):
    """The header states the zone (`Date Time, GMT+00:00`, `Timestamp(UTC)`): another zone in the box (as
    remembered from the last import) changes no time, and the box is not offered for the column."""
    answer = EXPECTED[name]["careful"]
    dialog, rows = open_import_dialog(Path(CORPUS / name), zone="Europe/Berlin")
    for option, value in options(without_source_tz(answer["args"])):
        apply_option(qtbot, dialog, option, value)
    assert not dialog.zone_combo.isEnabled()
    assert "states the zone" in zone_note(dialog)
    points = imported_points(qtbot, dialog, rows)
    assert_streams(summarise(by_label(points, stream_columns(dialog))), answer["streams"])
