"""Layout checked by code: every visible text shows whole, nothing lies outside its window or over a sibling.

`layout_problems(window)` walks every visible widget of a window (the tab or
page shown, not hidden ones) and returns what a user would see as broken, one
line per problem naming the widget and its text:

- a button, check box, label, non-editable combo box, spin box or progress bar whose text
  is wider than the room its style leaves for it ("Type 1 · fı",
  "esend selecte"); a word-wrapped label too low for its lines;
- a widget that reaches outside its parent or its window (cut off);
- two visible sibling widgets that overlap (but for an overlay, a widget whose
  `overlay` property is true: it floats over its siblings by design).

Widgets inside a scroll area's viewport are checked for their text only:
scrolled content lies outside the viewport by design.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionProgressBar,
    QWidget,
)

#: Pixels two siblings may share at their edges (a tab widget's pane overlaps its tab bar by its frame).
EDGE_PX = 2


def visible_text(text: str) -> str:
    """A button's or label's text as shown: `&&` is an ampersand, a single `&` marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    return f"{type(widget).__name__}{f' {text[:40]!r}' if text else ''}"


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """True for a widget inside a scroll area's viewport (its content may lie outside it)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def _push_button_needs(button: QPushButton) -> int:
    """The width (px) the style needs to show a push button's text and icon whole (without its 80 px minimum)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    metrics = button.fontMetrics()
    width = metrics.horizontalAdvance(visible_text(button.text()))
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    if button.menu() is not None:
        width += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    wide = 1000  # contents this wide are never raised to the style's minimum button width
    padding = (
        button.style()
        .sizeFromContents(QStyle.ContentsType.CT_PushButton, option, QSize(wide, metrics.height()), button)
        .width()
        - wide
    )
    return width + padding


def text_problem(widget: QWidget) -> str:
    """Why the widget's text does not show whole ("" when it does, or it shows none)."""
    if isinstance(widget, QPushButton) and widget.text():
        needs = _push_button_needs(widget)
        return f"needs {needs} px, has {widget.width()}" if widget.width() < needs else ""
    if isinstance(widget, QAbstractButton) and widget.text():  # check boxes, radio and tool buttons
        needs = widget.sizeHint().width()
        return f"needs {needs} px, has {widget.width()}" if widget.width() < needs else ""
    if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
        if widget.wordWrap():
            needs = widget.heightForWidth(widget.width())
            return f"needs {needs} px high, has {widget.height()}" if widget.height() < needs else ""
        needs = widget.minimumSizeHint().width()
        return f"needs {needs} px, has {widget.width()}" if widget.width() < needs else ""
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        needs = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            needs += widget.iconSize().width() + 4
        return f"text needs {needs} px, field has {field.width()}" if field.width() < needs else ""
    if isinstance(widget, QProgressBar) and widget.isTextVisible() and widget.text():
        option = QStyleOptionProgressBar()
        widget.initStyleOption(option)
        label = widget.style().subElementRect(QStyle.SubElement.SE_ProgressBarLabel, option, widget)
        needs = widget.fontMetrics().horizontalAdvance(widget.text())
        return f"text needs {needs} px, bar has {label.width()}" if label.width() < needs else ""
    if isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        if edit is not None and edit.text():
            needs = edit.fontMetrics().horizontalAdvance(edit.text()) + 4  # QLineEdit's own margin, 2 px a side
            room = edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right()
            return f"text needs {needs} px, field has {room}" if room < needs else ""
    return ""


def layout_problems(window: QWidget) -> list[str]:
    """Everything cut off or overlapping among the visible widgets of `window` (see the module's docstring)."""
    problems = []
    window_rect = window.rect()
    shown = [w for w in window.findChildren(QWidget) if w.isVisible() and not w.isWindow()]
    for widget in shown:
        why = text_problem(widget)
        if why:
            problems.append(f"{_name(widget)}: text cut ({why})")
        if _scrolled(widget, window):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window_rect.contains(rect):
            problems.append(f"{_name(widget)}: outside the window ({rect.getRect()} in {window_rect.getRect()})")
        parent = widget.parentWidget()
        if parent is not None and parent is not window and not parent.rect().contains(widget.geometry()):
            problems.append(f"{_name(widget)}: outside its parent {_name(parent)}")
    for parent in [window, *shown]:
        if _scrolled(parent, window):
            continue
        direct = parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        children = [c for c in direct if c.isVisible() and not c.isWindow() and not c.property("overlay")]
        for a, b in combinations(children, 2):
            common = a.geometry().intersected(b.geometry())
            if common.width() > EDGE_PX and common.height() > EDGE_PX:
                problems.append(f"{_name(a)} and {_name(b)} overlap ({common.getRect()})")
    return problems
