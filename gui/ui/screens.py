"""Window sizes that fit the screen: every window and dialog opens within its screen's available area.

The smallest screens the app is made for are a 1366×768 laptop and a 1024×700
window; a window asks for its preferred size and gets at most what the screen
offers (minus the title bar and frame the window manager adds), placed on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room (px) left for the window manager's frame and title bar, which are not known before a window is shown.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(window: QWidget) -> QRect:
    """The available geometry (px, desktop coordinates) of the screen of `window` (or of its parent)."""
    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> QSize:
    """Resize a top-level `window` to `preferred` (px) or less: it and its frame fit its screen's available area.

    Once shown (when its frame is known), the window is moved into the area if
    it lies partly outside (e.g. a geometry saved on a larger screen). Returns
    the size given. A window whose minimum size is larger than the area keeps
    its minimum (the layout tests keep every window's minimum within 1024×700).
    """
    room = available_area(window).size() - FRAME_ALLOWANCE
    size = preferred.boundedTo(room)
    window.resize(size)
    if window.isVisible():
        keep_on_screen(window)
    # The filter is the window's own child: a recursive search would wrap each of its widgets for Python (~10 ms).
    elif window.findChild(_OnScreenWhenShown, "", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        window.installEventFilter(_OnScreenWhenShown(window))
    return size


def keep_on_screen(window: QWidget) -> None:
    """Move a shown top-level window (with its frame) into its screen's available area, as far as it fits."""
    area = available_area(window)
    frame = window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)  # a window's position is its frame's


class _OnScreenWhenShown(QObject):
    """Keeps its window on screen once it is shown and placed (its frame is known only then), and when it grows.

    A dialog can grow after it is shown (a note appears once its file is read);
    its bottom must not slip off a small screen then.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown_or_grown = event.type() in (QEvent.Type.Show, QEvent.Type.Resize)
        if shown_or_grown and isinstance(watched, QWidget) and watched.isVisible():
            QTimer.singleShot(0, self, self._place)  # not after the window is gone
        return False

    def _place(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget) and window.isVisible():
            keep_on_screen(window)
