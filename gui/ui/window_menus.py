"""The window's menu bar and the actions its parts share: File, Edit, View > Theme, Request, Language and Help.

The texts are the window's: they are in the catalogue's "MainWindow" context, as they were
when the window built its menus itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from gui import i18n
from gui.i18n import translate
from gui.ui.colours import DARK, LIGHT, SYSTEM, theme
from gui.ui.help_menu import open_log_folder, show_about
from gui.ui.settings import Settings

__all__ = ["WindowMenus"]


class WindowMenus(QObject):
    """Builds the menus of `window` and owns their actions (each parented to `window`, as its parts use them).

    The parts are given the actions they show (`send_action` to the send panel, `remove_action`
    to the editor, `verify_action` to the response tab); the window connects the rest, but for
    File > Open log folder and Help > About (`gui.ui.help_menu`), done here. View > Theme
    (`theme_actions`, each with its mode as data) sets and remembers the theme itself (`settings.theme`);
    Language > … (`language_actions`, by code) emits `languageChosen(code)`. `file_menu` is where
    the import controller adds File > Import…, before `quit_action`.
    """

    languageChosen = Signal(str)  # a key of gui.i18n.LANGUAGES, chosen in the Language menu

    def __init__(self, window: QMainWindow, settings: Settings, language: str) -> None:
        super().__init__(window)  # no reference back to the window: its Python side would wait for the collector
        self._settings = settings
        self.send_action = QAction(translate("MainWindow", "&Send"), window)
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.setToolTip(translate("MainWindow", "Send the request shown in the preview (Ctrl+Enter)"))
        self.cancel_action = QAction(translate("MainWindow", "&Cancel send"), window)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setEnabled(False)
        self.remove_action = QAction(translate("MainWindow", "&Remove selected datapoints"), window)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.resend_action = QAction(translate("MainWindow", "Mark all datapoints &unsent"), window)
        self.clear_action = QAction(translate("MainWindow", "C&lear all datapoints…"), window)
        self.quit_action = QAction(translate("MainWindow", "&Quit"), window)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(translate("MainWindow", "&About"), window)
        self.getting_started_action = QAction(translate("MainWindow", "&Getting started"), window)
        self.log_folder_action = QAction(translate("MainWindow", "Open &log folder"), window)
        self.log_folder_action.setToolTip(
            translate("MainWindow", "Show the folder of the log file (requests, outcomes, errors)")
        )
        self.verify_action = QAction(translate("MainWindow", "&Verify on platform"), window)
        self.verify_action.setToolTip(
            translate("MainWindow", "Read the sent datapoints back from the platform and compare")
        )
        self.timed_send_action = QAction(translate("MainWindow", "Send on a &timer…"), window)
        self.timed_send_action.setToolTip(
            translate("MainWindow", "Send the selected streams every N seconds, as a device would (through the outbox)")
        )

        menu_bar = window.menuBar()
        self.file_menu: QMenu = menu_bar.addMenu(translate("MainWindow", "&File"))
        self.file_menu.addAction(self.log_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.remove_action, self.resend_action, self.clear_action])
        view_menu = menu_bar.addMenu(translate("MainWindow", "&View"))
        theme_menu = view_menu.addMenu(translate("MainWindow", "&Theme"))
        self.theme_actions = QActionGroup(window)
        for mode, text, tip in (
            (
                SYSTEM,
                translate("MainWindow", "&System"),
                translate("MainWindow", "Light or dark as the desktop is, and follow it when it changes"),
            ),
            (LIGHT, translate("MainWindow", "&Light"), translate("MainWindow", "Dark text on light backgrounds")),
            (DARK, translate("MainWindow", "&Dark"), translate("MainWindow", "Light text on dark backgrounds")),
        ):
            action = theme_menu.addAction(text)
            action.setCheckable(True)
            action.setData(mode)
            action.setToolTip(tip)
            self.theme_actions.addAction(action)
        theme_menu.setToolTipsVisible(True)
        self.theme_actions.triggered.connect(self._on_theme_actions_triggered)
        request_menu = menu_bar.addMenu(translate("MainWindow", "&Request"))
        request_menu.addActions([self.send_action, self.cancel_action, self.timed_send_action])
        request_menu.addSeparator()
        request_menu.addAction(self.verify_action)
        self._build_language_menu(window, language)
        help_menu = menu_bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.getting_started_action)
        help_menu.addAction(self.about_action)
        self.log_folder_action.triggered.connect(open_log_folder)
        self.about_action.triggered.connect(self._on_about_action_triggered)

    def _build_language_menu(self, window: QMainWindow, language: str) -> None:
        """Language: each language by its own name (never translated), the one in use checked; remembered."""
        self.language_menu = window.menuBar().addMenu(translate("MainWindow", "&Language"))
        group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = group.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, code=code: self.languageChosen.emit(code))
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def check_language(self, code: str) -> None:
        """Check the Language menu's entry of `code` (the language now in use)."""
        for each, action in self.language_actions.items():
            action.setChecked(each == code)

    def set_theme(self, mode: str) -> None:
        """View > Theme: SYSTEM, LIGHT or DARK (gui.ui.colours) for the whole application, at once."""
        theme().set_mode(mode)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == theme().mode)

    def _on_about_action_triggered(self) -> None:
        window = self.parent()
        show_about(window if isinstance(window, QWidget) else None)

    def _on_theme_actions_triggered(self, action: QAction) -> None:
        self._settings.theme = str(action.data())
        self.set_theme(self._settings.theme)
