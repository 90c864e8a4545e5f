"""Window sizes that fit the screen: every window and dialog opens within its screen's available area.

The smallest screens the app is made for are a 1366×768 laptop and a 1024×700
window; a window asks for its preferred size and gets at most what the screen
offers (minus the title bar and frame the window manager adds), placed on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
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

    A window that was already placed (e.g. restored geometry) is moved back
    inside the area if it lies partly outside. Returns the size given. A
    window whose minimum size is larger than the area keeps its minimum (the
    layout tests keep every window's minimum within 1024×700).
    """
    area = available_area(window)
    room = area.size() - FRAME_ALLOWANCE
    size = preferred.boundedTo(room)
    window.resize(size)
    frame = window.frameGeometry()
    if not area.contains(frame):
        x = max(area.left(), min(frame.left(), area.right() + 1 - size.width() - FRAME_ALLOWANCE.width()))
        y = max(area.top(), min(frame.top(), area.bottom() + 1 - size.height() - FRAME_ALLOWANCE.height()))
        window.move(x, y)
    return size
