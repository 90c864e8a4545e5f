"""The window in Simplified Chinese (issue 14): nothing a user reads stays English, switching at run time.

`shown_texts` walks what a user reads in the window: every widget's text, tooltip and
placeholder, tab and combo box items, menus and actions, table headers. A text in
Chinese may keep names and code a technician types or sees in the platform's console
(OneNET, JSON, api-key, errno, URLs, paths, datastream ids, `type=5`), nothing else.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
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

from .test_layout import SIZES, at_size, check, dialog_problems, open_import, readings_window, tab_problems

#: Latin words a Chinese window keeps: names, units, code and the platform's field names.
KEPT = {
    "onenet", "json", "api", "key", "errno", "error", "http", "https", "url", "id", "at", "type", "token", "curl",
    "csv", "xlsx", "utf", "bom", "gbk", "iana", "unix", "utc", "cst", "nan", "kib", "kb", "mb", "mib", "ms", "png",
    "jsonl", "lines", "hex", "windows", "sh", "bash", "zsh", "strftime", "get", "post", "datapoints", "devices",
    "temperature", "humidity", "pressure", "asia", "shanghai", "localhost", "heclouds", "com", "onenet_api_key",
    "export", "sandbox", "uploader", "stream", "value", "yyyymmdd", "hh", "mm", "ss", "ctrl", "enter", "esc", "del",
    "shift", "excel", "english", "succ", "access", "zone",
}  # fmt: skip
#: Code, names and values inside a text: `--options`, $VARS, {fields}, URLs, paths, ids with digits, ISO times.
CODE = re.compile(
    r"<[^>]+>|&\w+;|`[^`]*`|--?[\w-]+|\$?\b[A-Z][A-Z0-9_]{1,}\b|\{[^}]*\}|https?://\S+|\S*[/\\]\S*|\S*\d\S*|%\w"
)


def english_words(text: str) -> set[str]:
    """Words of three or more Latin letters a Chinese reader would meet in `text` (outside KEPT and code)."""
    prose = CODE.sub(" ", text).replace("&", "")
    return {w for w in re.findall(r"[A-Za-z]{3,}", prose) if w.lower() not in KEPT}


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user can read in `window` and its menus, visible or a click away."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: object) -> None:
        if isinstance(text, str) and text:
            found.append((where, text))

    for widget in [window, *window.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        add(f"{name}.toolTip", widget.toolTip())
        if widget.isWindow():
            add(f"{name}.windowTitle", widget.windowTitle())
        if isinstance(widget, QAbstractButton | QLabel):
            add(f"{name}.text", widget.text())
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add(f"{name}.placeholder", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(f"{name}.title", widget.title())
        if isinstance(widget, QMenu):
            add(f"{name}.title", widget.title())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name}.tab", widget.tabText(i))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(f"{name}.item", widget.itemText(i))
        if isinstance(widget, QSpinBox):
            add(f"{name}.suffix", widget.suffix())
        if isinstance(widget, QAbstractSpinBox):
            add(f"{name}.special", widget.specialValueText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # Qt's private models (a completer's popup): no headers to read
                continue
            for row in range(min(model.rowCount(QModelIndex()), 20)):  # the cells the models word (status, kind)
                for column in range(columns):
                    add(f"{name}.cell", model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))
            for column in range(columns):
                add(f"{name}.header", model.headerData(column, Qt.Orientation.Horizontal))
                add(
                    f"{name}.headerTip",
                    model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
                )
        for action in widget.actions():
            add(f"{name}.action", action.text())
            add(f"{name}.actionTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    return found


def english_in(window: QWidget) -> list[str]:
    return sorted(
        {f"{where}: {text!r} {sorted(words)}" for where, text in shown_texts(window) if (words := english_words(text))}
    )


@pytest.fixture
def chinese():
    """The language set to 简体中文 for the test; English again after."""
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_the_check_finds_english_prose_and_lets_names_pass():
    assert english_words("发送(&S)") == set()
    assert english_words("已发送 3 个数据点 · type 5 · errno 0 · https://api.heclouds.com/devices/42") == set()
    assert english_words("Send anyway") == {"Send", "anyway"}


def test_the_window_in_chinese_shows_no_english_word(qtbot, chinese, make_window):
    window = readings_window(qtbot, make_window())
    assert window.send_action.text() == "发送(&S)"
    assert english_in(window) == []


def test_switching_language_retranslates_the_open_window_and_is_remembered(qtbot, make_window, settings_path):
    window = readings_window(qtbot, make_window())
    assert window.send_action.text() == "&Send"
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.send_action.text() == "发送(&S)")
        assert window.result_tabs.tabText(0) == "响应"
        assert english_in(window) == []
        assert window.language_actions["zh_CN"].isChecked()
        again = make_window()  # a later start: the choice is remembered
        assert again.settings.language == "zh_CN"
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.send_action.text() == "&Send")
    assert window.result_tabs.tabText(0) == "Response"
    assert window.editor.add_button.text() == "&Add datapoint"


def test_switching_language_keeps_the_zone_and_every_time_shown(qtbot, make_window):
    """The zone box lists zone names, not texts to translate: a switch must leave the zone in use alone."""
    window = readings_window(qtbot, make_window())
    zone_box = window.editor.zone_combo
    zone_box.setCurrentText("Asia/Shanghai")
    at_column = window.model.AT
    shown = [window.model.index(r, at_column).data() for r in range(window.model.rowCount())]
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.send_action.text() == "发送(&S)")
        assert zone_box.currentText() == "Asia/Shanghai" and zone_box.zone.name == "Asia/Shanghai"
        assert [window.model.index(r, at_column).data() for r in range(window.model.rowCount())] == shown
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.send_action.text() == "&Send")
    assert zone_box.currentText() == "Asia/Shanghai"


class Lengthened(QTranslator):
    """Every text 40 % longer (Vorta's TRANS_SCALE): where a translation is longer, nothing may be cut off."""

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        extra = max(1, round(len(re.sub(r"<[^>]+>|\{[^}]*\}", "", source)) * 0.4))
        return source + "~" * extra


#: Where issue 14 asks the window to fit in both languages: 1366x768, and Chinese at 1024x700 too (English is
#: checked there in test_layout). The keep/move/discard question floats over the editor's column when asked and
#: takes no place before, so the Chinese window fits 700 px.
CASES = [("lengthened", SIZES[0]), ("zh_CN", SIZES[0]), ("zh_CN", SIZES[1])]
CASE_IDS = ["lengthened-1366x768", "zh_CN-1366x768", "zh_CN-1024x700"]
DIALOG_CASES = CASES
DIALOG_CASE_IDS = CASE_IDS


@pytest.fixture
def speaking(request):
    """The window's texts 40 % longer than English (a pseudo-locale, as Vorta's TRANS_SCALE), or in Chinese."""
    i18n.ensure_language()  # the catalogues first: the lengthened texts come before them
    translator = Lengthened()
    if request.param == "zh_CN":
        i18n.set_language("zh_CN")
    else:
        QApplication.installTranslator(translator)
    yield request.param
    QApplication.removeTranslator(translator)
    i18n.set_language("en")


@pytest.mark.parametrize(("speaking", "size"), CASES, ids=CASE_IDS, indirect=["speaking"])
def test_longer_or_chinese_texts_are_not_cut_off_in_any_tab(qtbot, speaking, make_window, size):
    window = make_window()
    at_size(qtbot, window, size)
    readings_window(qtbot, window)
    if speaking == "lengthened":
        assert window.send_action.text().startswith("&Send~")
    problems = tab_problems(qtbot, window)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("speaking", "size"), DIALOG_CASES, ids=DIALOG_CASE_IDS, indirect=["speaking"])
def test_longer_or_chinese_texts_are_not_cut_off_in_the_dialogs(qtbot, speaking, make_window, size, tmp_path):
    problems = dialog_problems(qtbot, readings_window(qtbot, make_window()), size, tmp_path)
    assert not problems, "\n".join(problems)


def test_the_chinese_window_at_1366x768_is_saved_for_a_look(qtbot, chinese, make_window, tmp_path):
    window = readings_window(qtbot, make_window())
    window.result_tabs.setCurrentIndex(0)
    check(qtbot, window, "painted")
    path = tmp_path / "main-window-zh_CN.png"
    assert window.grab().save(str(path)) and path.stat().st_size > 0


def test_the_dialogs_in_chinese_show_no_english_word_but_the_files_own(qtbot, chinese, make_window, tmp_path):
    window = readings_window(qtbot, make_window())
    found = []
    timed = window.open_timed_send()
    qtbot.waitExposed(timed)
    found += english_in(timed)
    timed.close()
    box = window.show_getting_started()
    qtbot.waitExposed(box)
    found += english_in(box)
    box.close()
    dialog = open_import(qtbot, window, tmp_path)
    # The file's own words (its name, column names, cells, datastream ids) are shown as they are.
    own = set(
        re.findall(
            r"[A-Za-z]{3,}", " ".join([dialog.path.name, *(c.name for c in dialog.import_result.detected.columns)])
        )
    )
    for row in dialog.import_result.preview:
        own.update(w for cell in row.cells for w in re.findall(r"[A-Za-z]{3,}", cell.text + " " + cell.shown))
    found += [line for line in english_in(dialog) if not set(re.findall(r"'(\w+)'", line.rsplit(" [", 1)[1])) <= own]
    dialog.reject()
    assert found == [], "\n".join(found)
