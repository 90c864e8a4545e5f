"""Small screens (issue 13, item 5 and the layout bits of 10).

Every window and dialog opens within the available area of the 1366x768
screen the GUI tests run on (tests/screen_1366x768.json), and at that size
and at 1024x700 every tab and dialog shows each text whole with nothing cut
off or overlapping, as checked by tests/gui/layout.py. History's detail pane
reads a request without sideways scrolling; the plot gives quantities of
different ranges their own axes, its legend never covers the data; Help has
a Getting started. The states a user reported, in English and Chinese: the
"Send anyway?" bar neither squeezes the body nor grows the window, a bad JSON
value is said whole, the editor's columns keep their headings at 1024x700.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
from gui.ui.plot import PlotPanel
from gui.ui.rows import Row

from .layout import layout_problems
from .test_main_window import send_and_wait, use_sandbox

FIXTURES = Path(__file__).parents[1] / "fixtures"
#: The sizes the window must work at: the 1366x768 laptop (the window as it opens there) and 1024x700.
SIZES = ["opened on 1366x768", QSize(1024, 700)]


def within_screen(window: QWidget, area: QRect | None = None) -> bool:
    """True once the shown window with its frame lies within `area` (default: its screen's available area)."""
    return (area or window.screen().availableGeometry()).contains(window.frameGeometry())


def readings_window(qtbot, window, all_sent=None):
    """The window on its sandbox after one send: temperature, humidity and pressure (near 1013), two unsent."""
    use_sandbox(window)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    rows = []
    for minutes, temperature, humidity, pressure in ((30, 21.4, 45.1, 1013.2), (20, 21.9, 44.0, 1012.8)):
        at = now - timedelta(minutes=minutes)
        rows += [Row("temperature", Datapoint(temperature, at)), Row("humidity", Datapoint(humidity, at))]
        rows += [Row("pressure", Datapoint(pressure, at))]
    window.add_rows(rows)
    assert send_and_wait(qtbot, window)
    if all_sent is not None:
        all_sent(window)  # a check while nothing waits to be sent ("Nothing to send: …")
    window.add_rows([Row("temperature", Datapoint(22.6, now)), Row("pressure", Datapoint(1012.1, now))])
    shown = window.result_tabs.currentIndex()
    window.result_tabs.setCurrentWidget(window.history)  # History reads the store when it is shown
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1)
    window.history.table.selectRow(0)
    window.result_tabs.setCurrentIndex(shown)
    window.send_controller.refresh_preview()
    return window


def at_size(qtbot, window: QWidget, size) -> None:
    """Give `window` the size under test: as it opened, or `size` (a dialog: at most `size`)."""
    if isinstance(size, QSize):
        target = size.boundedTo(window.size()) if isinstance(window, QDialog) else size
        window.resize(target)
        qtbot.waitUntil(lambda: window.size() == target)


def settle() -> None:
    """Posted layout requests and repaints run (no waiting: only what is queued now)."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def check(qtbot, window: QWidget, what: str) -> list[str]:
    settle()
    window.grab()  # painted once: pyqtgraph's axes take their width as they are drawn
    settle()
    return [f"{what}: {problem}" for problem in layout_problems(window)]


# --- opens within the screen -----------------------------------------------------------------


def test_the_window_opens_within_a_1366x768_screen_also_with_a_larger_saved_geometry(qtbot, make_window):
    assert QGuiApplication.primaryScreen().size() == QSize(1366, 768)
    window = make_window()
    qtbot.waitUntil(lambda: within_screen(window))
    assert window.width() >= 1024 and window.height() >= 700  # it uses the room
    window.resize(1600, 1000)  # as if saved on a larger screen
    window.close()
    again = make_window()
    qtbot.waitUntil(lambda: within_screen(again))
    assert again.width() < 1366


def test_the_window_can_be_1024x700(qtbot, window):
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert minimum.width() <= 1024 and minimum.height() <= 700, minimum
    readings_window(qtbot, window)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.size() == QSize(1024, 700))


def test_dialogs_open_within_the_screen(qtbot, window, monkeypatch, tmp_path):
    readings_window(qtbot, window)
    dialog = open_import(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: within_screen(dialog))
    dialog.reject()
    timed = window.open_timed_send()
    qtbot.waitExposed(timed)
    qtbot.waitUntil(lambda: within_screen(timed))
    timed.close()
    box = window.show_getting_started()
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: within_screen(box))


def test_a_dialog_fits_a_smaller_screen(qtbot, window, monkeypatch, tmp_path):
    """The import dialog asks for 1100x840; on a 1024x700 screen it opens within it (QScreen mocked)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, 1024, 700))
    dialog = open_import(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: within_screen(dialog, QRect(0, 0, 1024, 700)))


def open_import(qtbot, window, tmp_path):
    path = tmp_path / "lab_readings_wide.csv"
    shutil.copy(FIXTURES / "lab_readings_wide.csv", path)
    dialog = window.importer.open(str(path))
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10_000)
    qtbot.waitExposed(dialog)
    return dialog


# --- nothing cut off or overlapping --------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x700"])
def test_every_tab_shows_its_texts_whole(qtbot, window, size):
    at_size(qtbot, window, size)
    problems = []
    readings_window(qtbot, window, all_sent=lambda w: problems.extend(check(qtbot, w, "all sent")))
    problems += tab_problems(qtbot, window)
    assert not problems, "\n".join(problems)


def tab_problems(qtbot, window) -> list[str]:
    """What `check` finds on each result tab in turn, then with type 4 chosen (the format box shows each format's
    name whole, the longest too)."""
    problems = []
    for index in range(window.result_tabs.count()):
        window.result_tabs.setCurrentIndex(index)
        problems += check(qtbot, window, f"tab {window.result_tabs.tabText(index)}")
    window.send_panel.options_bar.format_combo.setCurrentIndex(2)
    return problems + check(qtbot, window, "type 4")


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x700"])
def test_every_dialog_shows_its_texts_whole(qtbot, window, size, tmp_path):
    readings_window(qtbot, window)
    problems = dialog_problems(qtbot, window, size, tmp_path)
    assert not problems, "\n".join(problems)


def dialog_problems(qtbot, window, size, tmp_path) -> list[str]:
    """What `check` finds in each dialog of a window holding readings, the window and the import dialog at `size`:
    import (of a copy of a fixture in `tmp_path`), timed send of every row, getting started."""
    at_size(qtbot, window, size)
    dialog = open_import(qtbot, window, tmp_path)
    at_size(qtbot, dialog, size)
    problems = check(qtbot, dialog, "import")
    dialog.reject()
    window.editor.table.selectAll()
    timed = window.open_timed_send()
    qtbot.waitExposed(timed)
    problems += check(qtbot, timed, "timed send")
    timed.close()
    box = window.show_getting_started()
    qtbot.waitExposed(box)
    return problems + check(qtbot, box, "getting started")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_send_progress_shows_request_k_of_n_whole(qtbot, window, language):
    """Tester fresh5: "request 19 of" over "81" at 1366x768. The bar as a send shows it (send_controller)."""
    from gui import i18n

    readings_window(qtbot, window)
    try:
        window.set_language(language)
        qtbot.waitUntil(lambda: window.send_panel.progress.format() == window.send_panel.tr("request %v of %m"))
        progress = window.send_panel.progress
        progress.setRange(0, 81)
        progress.setValue(19)
        progress.setVisible(True)
        problems = check(qtbot, window, f"sending ({language})")
    finally:
        i18n.set_language("en")
    assert progress.text() != "" and not problems, "\n".join(problems)


def test_the_layout_check_finds_cut_text_and_overlaps(qtbot, window):
    """The check itself: squeezed below its minimum, the window's cut texts and overlaps are named."""
    window.setFixedSize(700, 500)
    window.result_tabs.setCurrentWidget(window.history)
    problems = "\n".join(check(qtbot, window, "squeezed"))
    assert "Keep histor&y for:': text cut" in problems and "outside its parent" in problems, problems


# --- History, plot, Getting started -------------------------------------------------------------


def test_history_detail_reads_a_request_without_sideways_scrolling(qtbot, window):
    readings_window(qtbot, window)
    window.result_tabs.setCurrentWidget(window.history)
    detail = window.history.detail
    qtbot.waitUntil(lambda: "Request #" in detail.toPlainText())
    url = next(line for line in detail.toPlainText().splitlines() if line.startswith("URL: "))
    assert detail.viewport().width() >= detail.fontMetrics().horizontalAdvance(url)  # the URL line in one line
    assert not detail.horizontalScrollBar().isVisible()


def test_the_plot_gives_each_quantity_its_own_axis_and_remembers_the_choice(qtbot, make_window, settings_path):
    window = readings_window(qtbot, make_window())
    plot = window.plot
    window.result_tabs.setCurrentWidget(plot)
    qtbot.waitUntil(lambda: set(plot.curves) == {"temperature", "humidity", "pressure"})
    plot.fit_all()
    spans = {name: plot.view_of(name).viewRange()[1] for name in plot.curves}
    for name, (low, high) in spans.items():
        assert high - low < 5, (name, low, high)  # not 0..1013: each within its own range
    assert plot.view_of("pressure") is not plot.view_of("temperature")
    assert plot.axis_of("pressure").labelText == "pressure"

    plot.shared_axis_action.trigger()
    assert plot.view_of("pressure") is plot.view_of("temperature")
    plot.fit_all()
    low, high = plot.view_of("temperature").viewRange()[1]
    assert high - low > 900  # one axis for all: the user's choice
    window.close()
    assert QSettings(settings_path, QSettings.Format.IniFormat).value("plot/axes") == PlotPanel.AXES_SHARED
    again = make_window()
    assert again.plot.axes_mode == PlotPanel.AXES_SHARED and again.plot.shared_axis_action.isChecked()


def test_the_plot_legend_never_covers_the_data(qtbot, window):
    readings_window(qtbot, window)
    plot = window.plot
    window.result_tabs.setCurrentWidget(plot)
    qtbot.waitUntil(lambda: len(plot.curves) == 3)
    plot.plot_widget.grab()
    legend = plot.plot_widget.getPlotItem().legend
    view = plot.plot_widget.getPlotItem().getViewBox()
    assert len(legend.items) == 3
    assert not legend.sceneBoundingRect().intersects(view.sceneBoundingRect())
    assert plot.plot_widget.sceneRect().contains(legend.sceneBoundingRect())  # and is not cut off


def test_help_getting_started_names_the_sandbox_key_and_where_data_and_logs_live(qtbot, window):
    box = window.show_getting_started()
    text = box.text()
    assert DEFAULT_DEVICE_ID in text and DEFAULT_API_KEY in text and "ONENET_API_KEY" in text
    assert str(window.store.path) in text
    from gui.data.logs import log_folder

    assert str(log_folder()) in text
    add = next(b for b in box.buttons() if "example" in b.text())
    add.click()
    streams = [row.stream_id for row in window.model.rows()]
    assert streams.count("temperature") == 2 and streams.count("key") == 2


# --- states a user reported: "Send anyway?", bad JSON, the editor's columns ------------------------


def seed_window(qtbot, window, language, size):
    """The window with the seed example (a duplicate `at`: Send asks first), in `language`, at `size`."""
    from gui.onenet.examples import seed_example

    window.set_language(language)
    use_sandbox(window)
    window.add_rows([Row(stream, point) for stream, point in seed_example().pairs()])
    window.send_controller.refresh_preview()
    at_size(qtbot, window, size)
    settle()
    return window


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x700"])
def test_send_anyway_keeps_the_body_preview_and_the_window_size(qtbot, window, size, language):
    """Tester: the bar squeezed the body to a line or two and grew the window past 728 px (past 700 at 1024x700)."""
    from gui import i18n

    try:
        seed_window(qtbot, window, language, size)
        problems = check(qtbot, window, f"before sending ({language})")
        height, body = window.height(), window.send_panel.preview.request_text.height()
        qtbot.mouseClick(window.send_panel.send_button, Qt.MouseButton.LeftButton)
        bar, label = window.send_panel.confirm_bar, window.send_panel.confirm_label
        qtbot.waitUntil(bar.isVisible)
        problems += check(qtbot, window, f"send anyway ({language})")
        assert "Send anyway?" in label.text() or "仍然发送" in label.text()
        assert window.minimumSizeHint().height() <= min(728, height)
        assert window.height() == height and window.send_panel.preview.request_text.height() == body
        assert label.height() >= label.heightForWidth(label.width())  # the whole question
        assert window.rect().contains(QRect(bar.mapTo(window, QPoint(0, 0)), bar.size()))
        assert bar.mapTo(window, QPoint(0, 0)).y() >= window.send_panel.send_button.mapTo(window, QPoint(0, 0)).y()
    finally:
        i18n.set_language("en")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1024x700"])
def test_a_bad_json_value_is_said_whole_in_the_language_in_use(qtbot, window, size, language):
    from gui import i18n
    from gui.onenet.readings import ValueKind

    editor = window.editor
    try:
        seed_window(qtbot, window, language, size)
        editor.stream_combo.setCurrentText("key")
        problems = []
        for kind in (ValueKind.AUTO, ValueKind.JSON):
            editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(kind))
            editor.value_edit.setText('{"temperature": 21.5, "humidity": 40, "pressure": 1013.2, "note": "lab",}')
            qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)  # refused: said under the value
            message, status = editor.value_message, window.statusBar()
            problems += check(qtbot, window, f"bad JSON, {kind.name} ({language})")
            assert message.height() >= message.heightForWidth(message.width()) > 0, message.text()
            said = editor.tr("Not valid JSON: {what} (line {line}, column {column})").split("{what}")[0]
            assert message.text().startswith(said) and "not valid JSON" not in message.text()
            assert status.fontMetrics().horizontalAdvance(status.currentMessage()) < status.width()
    finally:
        i18n.set_language("en")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_editor_columns_show_their_headings_at_1024x700(qtbot, window, language):
    from gui import i18n

    try:
        seed_window(qtbot, window, language, QSize(1024, 700))
        table = window.editor.table
        header = table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        cut = [
            (window.model.headerData(c, Qt.Orientation.Horizontal), header.sectionSize(c), header.sectionSizeHint(c))
            for c in shown
            if header.sectionSize(c) < header.sectionSizeHint(c)
        ]
        assert not cut, cut
        assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
        assert not table.horizontalScrollBar().isVisible()
    finally:
        i18n.set_language("en")
