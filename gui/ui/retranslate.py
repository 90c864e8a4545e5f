"""Switching the language of an open window: every text a widget shows, put into the new language.

A panel sets its texts once, with `self.tr(...)`, where it builds its widgets. When the
language changes (`QEvent.LanguageChange`), `retranslate_widgets` walks the widgets and
actions of a panel and replaces each text that is a catalogue entry in the old language
(the English source, or its translation) by the same entry in the new one: titles,
labels, buttons, tooltips, placeholders, tabs, combo box items, menus, actions. Texts
made of an entry and values (`"{n} datapoints sent"` filled in) are not entries: the
panel says them again in its `retranslate()` (or the next time they change), and table
models ask `tr()` whenever they are painted, so a repaint is enough for them.

The entries are read from the same `.ts` catalogues the translators are compiled from
(`gui.i18n.source_dirs`), once per language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from gui import i18n

__all__ = ["entries", "retranslate_widgets"]


@cache
def entries(language: str) -> dict[str, tuple[str, str]]:
    """Text as `language` shows it -> (context, source), for every finished entry of its catalogue.

    English: the sources themselves (and their plural forms are not needed: a text with
    a count is never an entry by itself).
    """
    import xml.etree.ElementTree as ET  # the language changed: not needed to show the window

    found: dict[str, tuple[str, str]] = {}
    name = i18n.CATALOGUE.format("zh_CN" if language == "en" else language) + ".ts"
    for directory in i18n.source_dirs():
        path = directory / name
        if not path.is_file():
            continue
        for context in ET.parse(path).getroot().iter("context"):
            context_name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or message.get("numerus") == "yes":
                    continue
                shown = source if language == "en" else (translation.text or "")
                if shown and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                    found.setdefault(shown, (context_name, source))
        break
    return found


def _again(text: str, old: dict[str, tuple[str, str]]) -> str | None:
    """`text` in the language now installed, if it is a catalogue entry of the old one; else None."""
    if not text or text not in old:
        return None
    context, source = old[text]
    return QCoreApplication.translate(context, source)


def _redo(get: Callable[[], str], put: Callable[[str], object], old: dict[str, tuple[str, str]]) -> None:
    new = _again(get(), old)
    if new is not None:
        put(new)


def _actions(widget: QWidget) -> Iterator[QAction]:
    yield from widget.actions()
    if isinstance(widget, QMenu):
        menu_action = widget.menuAction()
        if menu_action is not None:
            yield menu_action


def _tabs(tabs: QTabWidget, old: dict[str, tuple[str, str]]) -> None:
    for i in range(tabs.count()):
        for get, put in ((tabs.tabText, tabs.setTabText), (tabs.tabToolTip, tabs.setTabToolTip)):
            new = _again(get(i), old)
            if new is not None:
                put(i, new)


def _items(combo: QComboBox, old: dict[str, tuple[str, str]]) -> None:
    for i in range(combo.count()):
        new = _again(combo.itemText(i), old)
        if new is not None:
            combo.setItemText(i, new)
        tip = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        new = _again(tip, old) if isinstance(tip, str) else None
        if new is not None:
            combo.setItemData(i, new, Qt.ItemDataRole.ToolTipRole)


def retranslate_widgets(root: QWidget, old_language: str) -> None:
    """Put the texts of `root` and every widget and action under it into the language now installed.

    `old_language` is the language the texts are in (a key of `gui.i18n.LANGUAGES`).
    Item models (their `data`/`headerData` call `tr()` when asked) are told that their
    headers changed and are repainted.
    """
    old = entries(old_language)
    root.setLocale(QLocale())  # dates, month names and numbers of Qt's own widgets (a calendar) follow
    widgets = [root, *root.findChildren(QWidget)]
    seen_actions: set[int] = set()
    models: dict[int, QAbstractItemModel] = {}
    combo_models: set[int] = set()
    for widget in widgets:
        if widget.isWindow() and widget is not root:  # a locale is not passed on to a popup or dialog
            widget.setLocale(QLocale())
        _redo(widget.windowTitle, widget.setWindowTitle, old)
        _redo(widget.toolTip, widget.setToolTip, old)
        _redo(widget.statusTip, widget.setStatusTip, old)
        if isinstance(widget, QAbstractButton | QLabel):
            _redo(widget.text, widget.setText, old)
        if isinstance(widget, QLineEdit):
            if widget.isReadOnly():
                _redo(widget.text, widget.setText, old)
            _redo(widget.placeholderText, widget.setPlaceholderText, old)
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            _redo(widget.placeholderText, widget.setPlaceholderText, old)
        if isinstance(widget, QGroupBox):
            _redo(widget.title, widget.setTitle, old)
        if isinstance(widget, QMenu):
            _redo(widget.title, widget.setTitle, old)
        if isinstance(widget, QTabWidget):
            _tabs(widget, old)
        if isinstance(widget, QComboBox):
            _items(widget, old)
            _redo(widget.placeholderText, widget.setPlaceholderText, old)
            combo_models.add(id(widget.model()))
        if isinstance(widget, QSpinBox):
            _redo(widget.suffix, widget.setSuffix, old)
            _redo(widget.prefix, widget.setPrefix, old)
        if isinstance(widget, QAbstractSpinBox):
            _redo(widget.specialValueText, widget.setSpecialValueText, old)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            models[id(widget.model())] = widget.model()
        for action in _actions(widget):
            if id(action) in seen_actions:
                continue
            seen_actions.add(id(action))
            _redo(action.text, action.setText, old)
            _redo(action.toolTip, action.setToolTip, old)
            _redo(action.statusTip, action.setStatusTip, old)
    for key, model in models.items():
        # A combo box's own items were put right above. Told that its cells changed, an editable combo
        # box puts its current item's text in its field: a zone box would go from the Asia/Shanghai typed in
        # it to the list's first name, Africa/Abidjan, and every time in the table with it.
        if key not in combo_models:
            _refresh_model(model)


def _refresh_model(model: QAbstractItemModel) -> None:
    """Ask the views of `model` to fetch its headers and cells again (they call `tr()` when asked)."""
    try:
        columns, rows = model.columnCount(QModelIndex()), model.rowCount(QModelIndex())
    except TypeError:  # Qt's private models (a completer's popup) show no texts of ours
        return
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows:
        model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        if columns:
            model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
