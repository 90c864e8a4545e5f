"""Fresh tester 8, findings 6 and 7, typed into the editor: `1e-400` was added as 0.0 and `1e309`, `0x10`,
`1_000`, `nan`, `inf` as text without a word, while `21,5` got "did you mean 21.5?". Now a number a double cannot
hold as written is refused in Auto (as the importer refuses it), and the number-like texts get the warning path
of `21,5` with their reason, under the field, on the row and at send. Expected words worked out by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from gui.onenet.readings import ValueKind
from gui.sandbox import DEFAULT_DEVICE_ID
from gui.ui.colours import css

from .test_main_window import fill_form

TINY = (
    "'1e-400' is too close to zero for a JSON number (nearer 0 than 2.2e-308): it would be sent as 0 or with digits "
    "lost"
)
HUGE = "'1e309' is too large for a JSON number"


def type_value(qtbot, window, stream, text, hms=None):
    """Fill the add form like a user (on 2026-12-07 at `hms`, or now), without pressing Enter."""
    fill_form(qtbot, window, stream, text, hms, QDate(2026, 12, 7))


def enter(qtbot, window):
    qtbot.keyClick(window.editor.value_edit, Qt.Key.Key_Return)


@pytest.mark.parametrize(("typed", "why"), [("1e-400", TINY), ("1e309", HUGE)])
def test_a_number_a_double_cannot_hold_is_refused_in_auto_and_number(qtbot, window, typed, why):
    editor = window.editor
    type_value(qtbot, window, "v1", typed)
    enter(qtbot, window)
    assert window.model.rowCount() == 0  # before: 1e-400 added as 0.0, 1e309 as the text '1e309'
    assert editor.value_message.text() == why + ". To add it as text, set the kind to Text."
    assert css("error") in editor.value_message.styleSheet() and not editor.add_button.isEnabled()
    assert editor.value_edit.text() == typed  # nothing typed is lost

    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(ValueKind.NUMBER))
    assert editor.value_message.text() == why  # no "did you mean": no number is meant
    assert not editor.add_button.isEnabled()

    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(ValueKind.TEXT))
    assert editor.add_button.isEnabled()
    enter(qtbot, window)
    (row,) = window.model.rows()
    assert row.point.value == typed  # asked for as text: the text, never 0.0


# (typed, under the value field, at send). 0x10 = 1*16 + 0 = 16; 1_000 without its '_' is 1000.
NUMBER_LIKE = [
    (
        "0x10",
        "Read as text — did you mean 16? '0x10' is hexadecimal: a JSON number is written in decimal digits.",
        "value '0x10' is text: did you mean 16?",
    ),
    (
        "1_000",
        "Read as text — did you mean 1000? '1_000' has '_' between its digits: a JSON number has none.",
        "value '1_000' is text: did you mean 1000?",
    ),
    (
        "nan",
        "Read as text: 'nan' is NaN (not a number), which JSON cannot carry",
        "'nan' is NaN (not a number), which JSON cannot carry: the platform would store it as text",
    ),
    (
        "inf",
        "Read as text: 'inf' is infinity, which JSON cannot carry",
        "'inf' is infinity, which JSON cannot carry: the platform would store it as text",
    ),
]


def test_number_like_texts_among_numbers_are_warned_as_21_5_is(qtbot, window, sandbox):
    window.connection.sandbox_check.setChecked(True)
    editor = window.editor
    type_value(qtbot, window, "v1", "21.4", (8, 0, 0))
    enter(qtbot, window)
    for minute, (typed, hint, _) in enumerate(NUMBER_LIKE, start=1):
        type_value(qtbot, window, "v1", typed, (8, minute, 0))
        assert editor.value_message.text() == hint  # before: "Read as text", muted
        assert css("warning") in editor.value_message.styleSheet() and editor.add_button.isEnabled()
        enter(qtbot, window)
    assert [row.point.value for row in window.model.rows()] == [21.4, "0x10", "1_000", "nan", "inf"]
    nan = window.model.index(3, window.model.VALUE)
    assert nan.data(Qt.ItemDataRole.ToolTipRole) == (
        "Read as text: 'nan' is NaN (not a number), which JSON cannot carry. Edit the value, or set the kind to text "
        "to keep it as text."
    )
    assert nan.data(Qt.ItemDataRole.ForegroundRole).color().name() == css("warning")

    window.send_controller.refresh_preview()
    qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert window.send_panel.confirm_bar.isVisible()  # before: sent without a word
    issues = [editor.issues_list.item(i).text() for i in range(editor.issues_list.count())]
    for typed, _, at_send in NUMBER_LIKE:
        assert any(at_send in text for text in issues), (typed, issues)
    qtbot.mouseClick(window.send_panel.dont_send_button, Qt.MouseButton.LeftButton)
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []
