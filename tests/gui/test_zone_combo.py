"""The zone box (`ZoneCombo`): `GMT-3` typed never completes to `Etc/GMT-3`, which is UTC+3."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.ui.at_edit import ZoneCombo

#: Typing into a zone box opens its completer's popup, which the offscreen platform cannot raise or let grab keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")


@pytest.fixture
def combo(qtbot):
    owner = QWidget()  # the box's owner places its reason label, as the window and the import dialog do
    layout = QVBoxLayout(owner)
    box = ZoneCombo("tip")
    layout.addWidget(box)
    layout.addWidget(box.reason_label)
    qtbot.addWidget(owner)
    owner.show()
    box.lineEdit().setFocus()
    yield box  # `owner` lives as long as the test


def type_text(qtbot, combo, text):
    line = combo.lineEdit()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def completions(combo) -> list[str]:
    model = combo.completer().completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def pick(qtbot, combo, name):
    """Pick `name` among the completions as a user does: move to it in the popup and press Return."""
    completer = combo.completer()
    popup = completer.popup()
    row = completions(combo).index(name)
    popup.setCurrentIndex(completer.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


@pytest.mark.parametrize(("typed", "zone"), [("GMT-3", "UTC-03:00"), ("GMT+8", "UTC+08:00"), ("gmt-1", "UTC-01:00")])
def test_an_offset_typed_is_not_completed_to_an_inverted_etc_name(qtbot, combo, typed, zone):
    type_text(qtbot, combo, typed)
    assert not [name for name in completions(combo) if name.startswith("Etc/GMT") and name[7:8] in "+-"]
    assert combo.zone is not None and combo.zone.name == zone
    assert combo.itemText(combo.findText("Etc/GMT-3")) != "Etc/GMT-3"  # not in the list either


def test_a_completion_picked_is_the_zone(qtbot, combo):
    type_text(qtbot, combo, "berl")
    pick(qtbot, combo, "Europe/Berlin")
    assert combo.currentText() == "Europe/Berlin" and combo.zone.name == "Europe/Berlin"


@pytest.mark.parametrize(("typed", "offset"), [("Etc/GMT-3", "UTC+03:00"), ("Etc/GMT+5", "UTC-05:00")])
def test_an_inverted_etc_name_typed_in_full_is_read_and_its_offset_said(qtbot, combo, typed, offset):
    type_text(qtbot, combo, typed)
    assert combo.zone is not None and combo.zone.name == typed and combo.problem is None
    assert combo.reason_label.text().startswith(f"{typed} is {offset}")
    type_text(qtbot, combo, "Asia/Shanghai")
    assert combo.reason_label.text() == "" or combo.reason_label.isHidden()


def offered(combo) -> tuple[list[str], list[str]]:
    """The names the box's list and its completer (the one the box uses now) hold."""
    completer = combo.completer()
    model = completer.model()
    return [combo.itemText(i) for i in range(combo.count())], [
        model.index(row, 0).data() for row in range(model.rowCount())
    ]


LEGACY = ("CST6CDT", "EST5EDT", "MST7MDT", "PST8PDT", "EST", "MST", "HST", "CET", "EET", "MET", "WET")


@pytest.mark.parametrize("typed", ["CST", "cst", "EST", "PST", "CE"])
def test_an_abbreviation_typed_is_never_completed_to_a_legacy_name(qtbot, combo, typed):
    """Tester fresh7, item 2: `CST` was refused as ambiguous and, in the same moment, completed to CST6CDT (US
    Central, 14 h from China's CST), which picked was accepted without a word."""
    type_text(qtbot, combo, typed)
    assert not set(completions(combo)) & set(LEGACY)
    listed, completable = offered(combo)
    assert "Asia/Shanghai" in listed and "Asia/Shanghai" in completable
    assert not set(listed) & set(LEGACY) and not set(completable) & set(LEGACY)
    combo.showPopup()  # the list opened: the same names
    assert not {combo.itemText(i) for i in range(combo.count())} & set(LEGACY)
    combo.hidePopup()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("CST6CDT", "CST6CDT is US Central time (UTC-06:00 / UTC-05:00, as in America/Chicago), not China's CST"),
        ("EST5EDT", "EST5EDT is an old name for the time of America/New_York (UTC-05:00 / UTC-04:00)"),
        ("EST", "EST is an old name for the time of America/Panama (UTC-05:00)"),
        ("cet", "CET is an old name for the time of Europe/Brussels (UTC+01:00 / UTC+02:00)"),
    ],
)
def test_a_legacy_name_typed_in_full_is_read_with_a_note_saying_what_it_is(qtbot, combo, typed, said):
    type_text(qtbot, combo, typed)
    assert combo.zone is not None and combo.zone.name == typed.upper() and combo.problem is None
    assert combo.reason_label.isVisible() and combo.reason_label.text().startswith(said)
    type_text(qtbot, combo, "Asia/Shanghai")
    assert combo.reason_label.isHidden()
