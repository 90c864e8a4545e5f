"""Tester fresh7, item 8: the add form's at reads what the file importer reads for one time (year first, Chinese
clock times, full-width input), refuses a day/month order with why, quotes a refused text as typed, and says a
refusal whole under the field (the status bar cut the doubled autumn time's two offsets at the window's edge)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .layout import layout_problems
from .test_editor_dst import add_chosen
from .test_layout import check


@pytest.mark.parametrize(
    ("typed", "utc"),
    [
        ("2026年12月7日 9时30分", datetime(2026, 12, 7, 1, 30, tzinfo=UTC)),
        ("2026/12/7 下午 1:15:00", datetime(2026, 12, 7, 5, 15, tzinfo=UTC)),
        ("2026/12/7 8:30", datetime(2026, 12, 7, 0, 30, tzinfo=UTC)),
        ("２０２６年１２月７日　９：３０", datetime(2026, 12, 7, 1, 30, tzinfo=UTC)),  # an input method's full width
        ("２０２６－１２－０７　０９：３０：００", datetime(2026, 12, 7, 1, 30, tzinfo=UTC)),
        ("Dec 7 2026 9:30", datetime(2026, 12, 7, 1, 30, tzinfo=UTC)),
        ("2026-12-07 09:30:00+01:00", datetime(2026, 12, 7, 8, 30, tzinfo=UTC)),  # its own offset, as before
    ],
)
def test_a_time_the_importer_reads_is_added_in_the_forms_zone(qtbot, window, typed, utc):
    editor = window.editor  # the fixture's zone: Asia/Shanghai
    editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
    editor.at_edit.line.setText(typed)
    assert editor.at_edit.line.styleSheet() == ""  # not outlined as unreadable while typed
    add_chosen(qtbot, window, typed)
    (row,) = window.model.rows()
    assert row.point.at == utc
    assert editor.at_message.isHidden()


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("07/12/2026 09:30", "“07/12/2026 09:30” is not read: with the day and month before the year"),
        ("12.7.26 9:30", "type the year first, e.g. 2026-12-07 09:30"),
        ("2026-12-07", "“2026-12-07” has no time of day"),
        ("２０２６年１３月７日　９：３０", "“２０２６年１３月７日　９：３０” is not a valid date"),  # as typed
        ("2026/12/7 下午 13:15", "“2026/12/7 下午 13:15”: hour 13 cannot go with PM"),
        ("tomorrow 9:30", "“tomorrow 9:30” is not a date"),
        ("9:30", "“9:30” is not a time: type it as 2026-11-02 08:30:00"),
    ],
)
def test_a_time_that_is_not_one_or_is_ambiguous_is_refused_with_why_quoted_as_typed(qtbot, window, typed, why):
    editor = window.editor
    add_chosen(qtbot, window, typed)
    assert window.model.rowCount() == 0
    said = editor.at_message.text()
    assert editor.at_message.isVisible() and why in said, said
    assert "\\u" not in said and "'" not in said
    assert why in editor.at_edit.line.toolTip()  # the red outline's tooltip says the same
    assert editor.at_edit.line.text() == typed  # nothing typed is lost


def test_a_doubled_autumn_time_is_said_whole_under_the_field_at_1366x768(qtbot, window, tmp_path):
    """shot-5: "…or 2026-10-25 02:30" — the status bar's one line cut the second offset off at the window's edge."""
    assert window.width() <= 1366
    editor = window.editor
    editor.zone_combo.setCurrentText("Europe/Berlin")
    add_chosen(qtbot, window, "2026-10-25 02:30:00")
    assert window.model.rowCount() == 0
    said = editor.at_message.text()
    assert "2026-10-25 02:30:00+02:00 for the first occurrence" in said
    assert said.endswith("2026-10-25 02:30:00+01:00 for the second")
    status = window.statusBar()
    assert status.fontMetrics().horizontalAdvance(status.currentMessage()) < status.width()
    assert not check(qtbot, window, "refused at"), layout_problems(window)  # the label is high enough for its lines
    label = editor.at_message
    assert label.wordWrap() and label.height() >= label.heightForWidth(label.width())
    assert window.grab().save(str(tmp_path / "at-refused.png"))

    add_chosen(qtbot, window, "2026-10-25 02:30:00+01:00")  # typed as the message says: added, the message gone
    assert window.model.rowCount() == 1 and editor.at_message.isHidden()


def test_the_message_under_the_field_follows_the_text_and_goes_with_another_time_mode(qtbot, window):
    editor = window.editor
    add_chosen(qtbot, window, "07/12/2026 09:30")
    assert editor.at_message.isVisible()
    editor.at_edit.line.setText("2026-12-07")
    assert "has no time of day" in editor.at_message.text()
    editor.at_edit.line.setText("2026-12-07 09:30")
    assert editor.at_message.isHidden()
    add_chosen(qtbot, window, "bad")
    assert editor.at_message.isVisible()
    editor.time_combo.setCurrentIndex(editor.TIME_NOW)
    assert editor.at_message.isHidden()


def test_the_calendar_keeps_the_time_of_day_typed_in_any_form(qtbot, window):
    editor = window.editor
    editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
    editor.at_edit.line.setText("2026/10/25 下午 2:30")
    editor.at_edit.calendar.clicked.emit(editor.at_edit.calendar.selectedDate().fromString("2026-11-03", "yyyy-MM-dd"))
    assert editor.at_edit.line.text() == "2026-11-03 14:30:00"
    editor.at_edit.line.setText("2026-10-25 02:30:00+01:00")
    editor.at_edit.calendar.clicked.emit(editor.at_edit.calendar.selectedDate().fromString("2026-10-26", "yyyy-MM-dd"))
    assert editor.at_edit.line.text() == "2026-10-26 02:30:00+01:00"
