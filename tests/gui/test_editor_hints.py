"""Issue 13, item 7 and small things of item 10: malformed JSON in Auto, the questions and confirmations said
in full, and an add form that does not jump when a hint appears. Driven through the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from gui.onenet.readings import ValueKind
from gui.ui.colours import css

BROKEN = '{"x": 1, "y": }'


def use_sandbox(window):
    window.connection.sandbox_check.setChecked(True)


def type_value(qtbot, window, stream, text, at=None):
    """Fill the add form like a user (stream, value; a chosen `at` if given) and press Enter in the value field."""
    editor = window.editor
    editor.stream_combo.setCurrentText(stream)
    if at is None:
        editor.time_combo.setCurrentIndex(editor.TIME_NOW)
    else:
        editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
        editor.at_edit.line.setText(at)
    editor.value_edit.clear()
    qtbot.keyClicks(editor.value_edit, text)
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)


def click_send(qtbot, window):
    window.send_controller.refresh_preview()
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)


# --- Why 7: malformed JSON in Auto ------------------------------------------------------------------


def test_malformed_json_in_auto_is_said_with_where_and_not_added_as_text(qtbot, window):
    editor = window.editor
    assert editor.kind_combo.currentData() is ValueKind.AUTO
    type_value(qtbot, window, "key", BROKEN)
    assert window.model.rowCount() == 0  # main added it as the text '{"x": 1, "y": }'
    assert editor.value_message.text() == (
        "Not valid JSON: Expecting value (line 1, column 15). To add it as text, set the kind to Text."
    )
    assert css("error") in editor.value_message.styleSheet() and not editor.add_button.isEnabled()
    assert editor.value_edit.text() == BROKEN  # nothing typed is lost

    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(ValueKind.TEXT))
    assert editor.add_button.isEnabled()
    assert "it is sent as this text" in editor.value_message.text()
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)
    (row,) = window.model.rows()
    assert row.point.value == BROKEN


def test_a_text_that_looks_like_broken_json_is_a_warning_at_send(qtbot, window):
    use_sandbox(window)
    editor = window.editor
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(ValueKind.TEXT))
    type_value(qtbot, window, "key", BROKEN)
    assert window.model.rowCount() == 1
    click_send(qtbot, window)
    assert window.send_panel.confirm_bar.isVisible()  # main sent it without a word
    question = window.send_panel.confirm_label.text()
    assert 'value \'{"x": 1, "y": }\' is text, not valid JSON: Expecting value (line 1, column 15)' in question
    assert "text like broken JSON" in question and question.endswith(". Send anyway?")


# --- item 10: the duplicate-at question, Copy as curl, the form that does not jump -----------------------


def test_the_duplicate_at_question_ends_its_sentence_before_asking(qtbot, window):
    use_sandbox(window)
    type_value(qtbot, window, "t", "1", at="2026-11-02 08:30:00")
    type_value(qtbot, window, "t", "2", at="2026-11-02 08:30:00")
    click_send(qtbot, window)
    question = window.send_panel.confirm_label.text()
    assert question.endswith("the last wins. Send anyway?")  # main: "…the last wins Send anyway?"


def test_copy_as_curl_confirms_in_the_status_bar(qtbot, window):
    use_sandbox(window)
    type_value(qtbot, window, "t", "1")
    window.send_controller.refresh_preview()
    qtbot.mouseClick(window.send_panel.preview.copy_curl_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().startswith("curl ")
    assert window.statusBar().currentMessage() == (
        "Copied the curl command of request 1 of 1 (the api-key as $ONENET_API_KEY)."
    )
    qtbot.mouseClick(window.send_panel.preview.copy_body_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Copied the body of request 1 of 1."


@pytest.mark.parametrize(
    "typed",
    ["150,2", "1,000", "12.5 V", BROKEN, '{"x": ', "84"],
)
def test_the_form_does_not_jump_when_a_hint_appears(qtbot, window, typed):
    editor = window.editor

    def positions():
        editor.layout().activate()
        return [w.mapTo(editor, QPoint(0, 0)) for w in (editor.time_combo, editor.zone_combo, editor.add_button)]

    before = positions()
    qtbot.keyClicks(editor.value_edit, typed)
    assert editor.value_message.text()  # a hint or a reading is said
    assert positions() == before  # main: the rows under the value moved down by the hint's height
    editor.value_edit.clear()
    assert positions() == before
