"""Tester fresh5, window item 1: a time the clocks went back over is never read silently as one of its two
occurrences (the add form and the table's at edits); a later successful add clears the earlier error."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from gui.onenet.readings import format_at


def add_chosen(qtbot, window, at_text, value="1.5"):
    """Fill the add form (stream, value, a chosen at in the form's zone) and press Enter in the value field."""
    editor = window.editor
    editor.stream_combo.setCurrentText("temp_gui")
    editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
    editor.at_edit.line.setText(at_text)
    editor.value_edit.setText(value)
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)


def test_a_repeated_time_is_refused_with_both_offsets_and_the_chosen_one_is_added(qtbot, window):
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    add_chosen(qtbot, window, "2026-10-25 02:30:00")
    assert window.model.rowCount() == 0  # main added it as 08:30 platform time (the first occurrence), silently
    said = window.editor.at_message.text()  # whole, under the field (the status bar's one line cut it)
    assert "2026-10-25 02:30:00 happens twice in Europe/Berlin" in said
    assert "2026-10-25 02:30:00+02:00 for the first occurrence" in said
    assert "2026-10-25 02:30:00+01:00 for the second" in said

    add_chosen(qtbot, window, "2026-10-25 02:30:00+01:00")  # the second occurrence, as the message says
    (row,) = window.model.rows()
    assert row.point.at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert format_at(row.point.at) == "2026-10-25T09:30:00"  # platform time
    assert window.statusBar().currentMessage() == ""  # the earlier attempt's error no longer shows


def test_a_skipped_time_is_still_refused_and_ordinary_times_of_the_change_day_are_added(qtbot, window):
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    add_chosen(qtbot, window, "2026-03-29 02:30:00")
    assert window.model.rowCount() == 0
    assert "2026-03-29 02:30:00 does not exist in Europe/Berlin" in window.editor.at_message.text()
    add_chosen(qtbot, window, "2026-10-25 03:30:00")  # after the repeated hour: once only
    (row,) = window.model.rows()
    assert row.point.at == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)


def test_the_table_refuses_a_repeated_time_typed_over_an_at(qtbot, window):
    window.editor.zone_combo.setCurrentText("Europe/Berlin")
    add_chosen(qtbot, window, "2026-10-24 12:00:00")
    model = window.model
    with qtbot.waitSignal(model.editRejected) as rejected:
        assert not model.setData(model.index(0, model.AT), "2026-10-25 02:30", Qt.ItemDataRole.EditRole)
    assert "happens twice in Europe/Berlin" in rejected.args[2]
    assert model.rows()[0].point.at == datetime(2026, 10, 24, 10, 0, tzinfo=UTC)  # unchanged
