"""The result tabs but Response are made when first opened or used (`gui.ui.result_tabs.LazyTab`), and then show
what they would have shown had they been made with the window: sends, captures, zone, settings and language
from before."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from gui.onenet.readings import Datapoint
from gui.ui.history import HistoryPanel
from gui.ui.history_model import HistoryModel
from gui.ui.plot import PlotPanel
from gui.ui.plot_data import SENT
from gui.ui.sandbox_tab import SandboxTab
from gui.ui.verify_panel import VerifyPanel

from .test_main_window import send_and_wait, type_datapoint, use_sandbox


def open_tab(qtbot, window, title):
    """Click the tab titled `title` as a user does; its page, once shown."""
    tabs = window.result_tabs
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    page = tabs.currentWidget()
    qtbot.waitExposed(page)
    return page


def made(window):
    """The lazy tabs made so far, by title."""
    tabs = window.result_tabs
    return [tabs.tabText(tabs.indexOf(tab.page)) for tab in tabs.lazy if tab.built is not None]


def test_the_window_makes_only_the_response_tab_and_each_other_tab_on_first_open(qtbot, window):
    tabs = window.result_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["Response", "Plot", "Verify", "History", "Sandbox"]
    assert made(window) == []
    kinds = {"Plot": PlotPanel, "Verify": VerifyPanel, "History": HistoryPanel}
    for title, kind in kinds.items():
        page = open_tab(qtbot, window, title)
        assert isinstance(page, kind) and page.isVisible()
        assert tabs.indexOf(page) == titles.index(title)  # in the empty page's place
    assert made(window) == ["Plot", "Verify", "History"]
    page = open_tab(qtbot, window, "Sandbox")
    assert page is window.sandbox_page and isinstance(window.sandbox_tab, SandboxTab)  # scrolls: the page holds it
    assert window.sandbox_tab.isVisible()
    assert [tabs.tabText(i) for i in range(tabs.count())] == titles and tabs.count() == 5


def test_history_opened_after_a_send_lists_it_with_the_zone_and_retention_chosen_before(
    qtbot, window, sandbox, settings_path
):
    window.settings.history_days = 9
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    assert send_and_wait(qtbot, window) is True
    assert made(window) == []  # the send made no tab: History reads the store when it is opened
    panel = open_tab(qtbot, window, "History")
    assert panel is window.history
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, HistoryModel.DEVICE).data() == window.connection.device_id
    assert panel.table.horizontalHeader().toolTip() == "Times in Asia/Shanghai"  # the window's zone (conftest)
    assert panel.keep_days_spin.value() == 9
    panel.keep_days_spin.setValue(4)
    assert window.settings.history_days == 4

    type_datapoint(qtbot, window, "temp", "22.5", (10, 0, 1))
    assert send_and_wait(qtbot, window) is True  # a send with History made: it is read again when shown
    open_tab(qtbot, window, "History")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)


def test_the_plot_opened_after_a_send_draws_the_rows_sent_before(qtbot, window, sandbox):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    type_datapoint(qtbot, window, "temp", "22.5", (10, 0, 1))
    assert send_and_wait(qtbot, window) is True
    assert made(window) == []  # rows with `at`: the plot reads them from the table when it is made
    type_datapoint(qtbot, window, "temp", "23.5", (10, 0, 2))
    plot = open_tab(qtbot, window, "Plot")
    qtbot.waitUntil(lambda: "temp" in plot.series)
    assert plot.series["temp"].y.tolist() == [21.5, 22.5, 23.5]
    assert plot.series["temp"].status.tolist()[:2] == [SENT, SENT] and plot.series["temp"].status[2] != SENT
    assert plot.axis_zone_name == "Asia/Shanghai"


def test_a_send_without_at_makes_the_plot_which_draws_them_at_the_send_time(qtbot, window, sandbox):
    use_sandbox(window)
    window.model.append("level", Datapoint(5))
    window.model.append("level", Datapoint(7, datetime(2024, 5, 1, tzinfo=UTC)))
    before = datetime.now(UTC).timestamp()
    assert send_and_wait(qtbot, window) is True
    after = datetime.now(UTC).timestamp()
    assert made(window) == ["Plot"]  # only the plot keeps when they were sent
    plot = open_tab(qtbot, window, "Plot")
    plot.refresh()
    x, y = plot.series["level"].x.tolist(), plot.series["level"].y.tolist()
    assert y == [7.0, 5.0] and before <= x[1] <= after


def test_the_sandbox_tab_opened_after_a_send_shows_the_request_the_sandbox_received(qtbot, window, sandbox):
    use_sandbox(window)
    type_datapoint(qtbot, window, "temp", "21.5", (10, 0, 0))
    assert send_and_wait(qtbot, window) is True
    assert made(window) == []
    open_tab(qtbot, window, "Sandbox")
    tab = window.sandbox_tab
    assert not tab.hint_label.isVisible() and tab.bench.isVisible()
    assert f":{window.connection.sandbox.port}" in tab.url_edit.text()  # where a device posts
    inspector = tab.inspector
    qtbot.waitUntil(lambda: inspector.model.rowCount() == 1)
    inspector.table.setCurrentIndex(inspector.proxy.index(0, 0))
    assert "/datapoints" in inspector.request_text.toPlainText()


def test_a_tab_first_opened_after_a_language_switch_speaks_the_new_language(qtbot, window):
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.result_tabs.tabText(0) == "响应")
        assert made(window) == []
        panel = open_tab(qtbot, window, "历史记录")  # the empty page's title was retranslated too
        assert panel is window.history
        assert panel.outcome_combo.itemText(0) == "所有结果"
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.history.outcome_combo.itemText(0) == "Any outcome")  # and back, made now
