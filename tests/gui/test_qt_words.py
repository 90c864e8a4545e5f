"""Tester fresh5, window item 3: Qt's own dialogs in Chinese. The qtbase catalogue PySide6 ships lacks Qt 6's
`&Look in:`, `Files of &type:` and the file types' words; the product's catalogue gives them (gui.i18n.QT_WORDS)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLabel

from gui import i18n
from tests.gui.test_language import english_in


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_a_qt_file_dialog_in_chinese_has_no_english_label(qtbot, chinese, tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "readings.csv").write_text("at,value\n", encoding="utf-8")
    dialog = QFileDialog(None, "", str(tmp_path), "CSV (*.csv)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)："} <= labels  # main: '&Look in:', 'Files of &type:'
    qtbot.waitUntil(lambda: "文件夹" in kinds(dialog, tmp_path))  # main: 'Folder' (read in the background)
    own = [line for line in english_in(dialog) if not line.startswith("QListView(sidebar).cell:")]  # folders' names
    assert own == []


def kinds(dialog: QFileDialog, root) -> set[str]:
    """The Type column's texts of the folder shown (the file system model fills them in the background)."""
    model = dialog.findChild(QFileSystemModel)
    parent = model.index(str(root))
    return {model.type(model.index(row, 0, parent)) for row in range(model.rowCount(parent))}
