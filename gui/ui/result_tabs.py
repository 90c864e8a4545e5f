"""The tabs under the preview: Response, Plot, Verify, History and Sandbox (the inspector), each a panel of its own.

The tab titles are the window's: they are in the catalogue's "MainWindow" context, as they
were when the window built the tabs itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from gui.i18n import translate

__all__ = ["ResultTabs"]


class ResultTabs(QTabWidget):
    """The result panels as tabs, in this order: `response`, `plot`, `verify`, `history`, then `sandbox`.

    The inspector (`sandbox`) is the tallest tab: it is shown in `sandbox_page`, a scroll area,
    rather than make the window too tall for a small screen.
    """

    def __init__(self, response: QWidget, plot: QWidget, verify: QWidget, history: QWidget, sandbox: QWidget) -> None:
        super().__init__()
        self.addTab(response, translate("MainWindow", "Response"))
        self.addTab(plot, translate("MainWindow", "Plot"))
        self.addTab(verify, translate("MainWindow", "Verify"))
        self.addTab(history, translate("MainWindow", "History"))
        self.sandbox_page = QScrollArea(widgetResizable=True)
        self.sandbox_page.setFrameShape(QFrame.Shape.NoFrame)
        self.sandbox_page.setWidget(sandbox)
        self.addTab(self.sandbox_page, translate("MainWindow", "Sandbox"))
