"""The tabs under the preview: Response, Plot, Verify, History and Sandbox (the inspector), each a panel of its own.

Only Response is made with the window. The others are `LazyTab`s: the window passes a function
that makes the panel (and imports its module), called when the tab is first shown or the panel
is first asked for (`LazyTab.get`); until then the tab holds an empty page. The first paint
needs none of them.

The tab titles are the window's: they are in the catalogue's "MainWindow" context, as they
were when the window built the tabs itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakMethod

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from gui.i18n import translate

if TYPE_CHECKING:
    from gui.ui.history import HistoryPanel
    from gui.ui.plot import PlotPanel
    from gui.ui.sandbox_tab import SandboxTab
    from gui.ui.verify_panel import VerifyPanel

__all__ = ["LazyTab", "ResultTabs"]

P = TypeVar("P", bound=QWidget, covariant=True)


class LazyTab(Generic[P]):
    """A tab of `tabs` whose panel `make()` makes when the tab is first shown or `get()` first called.

    `make` is a bound method of the window, held weakly: the tabs do not keep the window alive (a
    cycle left for Python's collector, which may run on any thread). `page(panel)` (default: the
    panel itself) is what the tab shows: made with the panel, it takes the empty page's place at the
    same index, with its title (in the language now in use). `built` is the panel once made, else
    None: what only a made panel needs (a redraw, a cancel) goes through `if_built`; a panel made
    later reads the window's state as it is then.
    """

    def __init__(
        self, tabs: ResultTabs, title: str, make: Callable[[], P], page: Callable[[P], QWidget] | None = None
    ) -> None:
        self._tabs = tabs
        self._make = WeakMethod(make)
        self._page_of = page
        self.built: P | None = None
        self.page = QWidget()  # the empty page until the panel is made, then the panel's page
        tabs.addTab(self.page, title)

    def get(self) -> P:
        """The panel, made now if it was not yet."""
        if self.built is None:
            make = self._make()
            assert make is not None, "the window that makes the panel is gone"
            panel = self.built = make()
            page = self._page_of(panel) if self._page_of is not None else panel
            self._tabs.replace_page(self.page, page)
            self.page = page
        return self.built

    def show(self) -> P:
        """Bring the tab to the front (made now if it was not yet); returns the panel."""
        panel = self.get()
        self._tabs.setCurrentWidget(self.page)
        return panel

    def if_built(self, call: Callable[[P], object]) -> None:
        """`call(panel)` if the panel is made; else nothing (made later, it reads the state then)."""
        if self.built is not None:
            call(self.built)


def _scrolling(panel: QWidget) -> QScrollArea:
    page = QScrollArea(widgetResizable=True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(panel)
    return page


class ResultTabs(QTabWidget):
    """The result panels as tabs, in this order: `response`, then the lazy `plot`, `verify`, `history`, `sandbox`.

    Each lazy tab's panel is made by the function given for it (see LazyTab). The inspector
    (`sandbox`) is the tallest tab: it is shown in a scroll area (`sandbox.page`) rather than
    make the window too tall for a small screen.
    """

    def __init__(
        self,
        response: QWidget,
        plot: Callable[[], PlotPanel],
        verify: Callable[[], VerifyPanel],
        history: Callable[[], HistoryPanel],
        sandbox: Callable[[], SandboxTab],
    ) -> None:
        super().__init__()
        self.addTab(response, translate("MainWindow", "Response"))
        self.plot = LazyTab(self, translate("MainWindow", "Plot"), plot)
        self.verify = LazyTab(self, translate("MainWindow", "Verify"), verify)
        self.history = LazyTab(self, translate("MainWindow", "History"), history)
        self.sandbox = LazyTab(self, translate("MainWindow", "Sandbox"), sandbox, _scrolling)
        self.lazy: tuple[LazyTab[QWidget], ...] = (self.plot, self.verify, self.history, self.sandbox)
        self.currentChanged.connect(self._on_currentChanged)

    def built_panels(self) -> list[QWidget]:
        """The lazy tabs' panels made so far."""
        return [tab.built for tab in self.lazy if tab.built is not None]

    def replace_page(self, old: QWidget, new: QWidget) -> None:
        """Put `new` in place of the page `old` (same index, title and tooltip; current if `old` was); `old` goes."""
        index = self.indexOf(old)
        title, tip, current = self.tabText(index), self.tabToolTip(index), self.currentIndex() == index
        blocked = self.blockSignals(True)  # the tab in front changes on the way: no one is told
        try:
            self.removeTab(index)
            self.insertTab(index, new, title)
            self.setTabToolTip(index, tip)
            if current:
                self.setCurrentIndex(index)
        finally:
            self.blockSignals(blocked)
        old.deleteLater()

    def _on_currentChanged(self, index: int) -> None:
        page = self.widget(index)
        for tab in self.lazy:
            if tab.built is None and tab.page is page:
                tab.get()
