"""Issue 14 item 6: light and dark. Text reads at 4.5:1 in both schemes, View > Theme re-colours the open window
(labels, table colours, the plot), the desktop's scheme is followed, and no colour is written outside colours.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTableWidgetItem

from gui.ui import colours
from gui.ui.colours import (
    DARK,
    LIGHT,
    NAMED,
    SCHEMES,
    SYSTEM,
    TEXT_COLOURS,
    colour,
    contrast_ratio,
    css,
    palette_for,
    series_colour,
    set_item_colour,
    set_style,
    theme,
)
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.settings import Settings

from .test_main_window import send_and_wait, type_datapoint, use_sandbox

UI = Path(__file__).resolve().parents[2] / "gui" / "ui"
#: WCAG 2.x, success criterion 1.4.3: text (and images of text) at least 4.5:1.
TEXT_CONTRAST = 4.5
Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _system_theme_after(qapp):
    """Every test here leaves the application as it found it: the desktop's scheme, the platform's palette."""
    yield
    theme().system_scheme = theme()._desktop_scheme
    theme().set_mode(SYSTEM)
    assert colours.scheme() == LIGHT  # the offscreen platform's palette is light


def theme_action(window, mode):
    return next(a for a in window.theme_actions.actions() if a.data() == mode)


# --- contrast, computed from the palettes and the named colours ----------------------------------------
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_named_text_colour_reads_on_the_backgrounds_of_its_scheme(scheme):
    palette = palette_for(scheme)
    backgrounds = {
        "window": palette.color(Role.Window),
        "base": palette.color(Role.Base),
        "alternate base": palette.color(Role.AlternateBase),
        "error_bg (rejected rows of the import preview)": colour("error_bg", scheme),
    }
    for name in TEXT_COLOURS:
        for where, background in backgrounds.items():
            ratio = contrast_ratio(colour(name, scheme), background)
            assert ratio >= TEXT_CONTRAST, f"{scheme}: {name} on {where} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_palettes_text_reads_on_its_backgrounds_and_on_the_tinted_ones(scheme):
    palette = palette_for(scheme)
    pairs = {
        "window text on window": (Role.WindowText, palette.color(Role.Window)),
        "text on base": (Role.Text, palette.color(Role.Base)),
        "text on alternate base": (Role.Text, palette.color(Role.AlternateBase)),
        "button text on button": (Role.ButtonText, palette.color(Role.Button)),
        "highlighted text on highlight": (Role.HighlightedText, palette.color(Role.Highlight)),
        "tooltip text on tooltip": (Role.ToolTipText, palette.color(Role.ToolTipBase)),
        "link on base": (Role.Link, palette.color(Role.Base)),
    }
    # the bars that ask (send, resend), rejected rows, the diff's lines and headers: the palette's text on them
    for name in ("attention_bg", "error_bg", "diff_add_bg", "diff_change_bg", "diff_remove_bg", "header_bg"):
        pairs[f"text on {name}"] = (Role.Text, colour(name, scheme))
    for what, (role, background) in pairs.items():
        ratio = contrast_ratio(palette.color(role), background)
        assert ratio >= TEXT_CONTRAST, f"{scheme}: {what} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_plot_series_colours_read_on_the_plot_background(scheme):
    # a series' own axis is labelled in its colour: text, so 4.5:1 on the plot's background (the palette's base)
    background = palette_for(scheme).color(Role.Base)
    for index in range(24):
        ratio = contrast_ratio(series_colour(index, scheme), background)
        assert ratio >= TEXT_CONTRAST, f"{scheme}: series {index} is {ratio:.2f}:1"
    assert len({series_colour(i, scheme).name() for i in range(24)}) == 24  # every series its own colour


def test_contrast_ratio_is_the_wcag_formula():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("white"), QColor("white")) == pytest.approx(1.0)
    assert contrast_ratio(QColor(118, 118, 118), QColor("white")) == pytest.approx(4.54, abs=0.01)  # WebAIM's grey


def test_scheme_is_read_from_the_palette():
    assert colours.scheme_of(palette_for(LIGHT)) == LIGHT
    assert colours.scheme_of(palette_for(DARK)) == DARK
    assert all(css(name, LIGHT) != css(name, DARK) for name in NAMED)


# --- no colour outside colours.py -------------------------------------------------------------------
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def test_no_colour_is_written_in_the_ui_outside_the_colours_module():
    found = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "colours.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("  # ")[0]
            if HEX.search(code) or re.search(r"\bQColor\(|\brgba?\(|setStyleSheet\(|Qt\.GlobalColor", code):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "colours belong in gui/ui/colours.py (named, light and dark):\n" + "\n".join(found)


def test_the_source_check_finds_what_it_looks_for():
    assert HEX.search('label.setStyleSheet("color: #b45f06;")') and HEX.search("pen='#555'")
    assert not HEX.search("issue #14") and not HEX.search("row #1234567")


# --- set_style and table items ------------------------------------------------------------------------
def test_a_style_sheet_template_is_filled_in_and_cleared(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    set_style(label, "color: $error; font-weight: bold;")
    assert label.styleSheet() == f"color: {css('error', LIGHT)}; font-weight: bold;"
    set_style(label, "")
    assert label.styleSheet() == ""
    theme().set_mode(DARK)
    assert label.styleSheet() == ""  # a cleared style stays cleared
    with pytest.raises(KeyError):
        set_style(label, "color: $red;")


def test_table_items_in_named_colours_follow_the_scheme(qtbot):
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    coloured, plain = QTableWidgetItem("bad id"), QTableWidgetItem("fine")
    table.setItem(0, 0, coloured)
    table.setItem(0, 1, plain)
    set_item_colour(coloured, "error")
    assert coloured.foreground().color().name() == css("error", LIGHT)
    theme().set_mode(DARK)
    assert coloured.foreground().color().name() == css("error", DARK)
    assert plain.foreground().style() == Qt.BrushStyle.NoBrush  # the palette's text, untouched


# --- the open window -------------------------------------------------------------------------------------
def test_view_theme_recolours_the_open_window_and_is_remembered(qtbot, make_window, settings_path):
    window = make_window()
    use_sandbox(window)
    for stream, value in (("temperature", "21.5"), ("pressure", "1013.2")):
        type_datapoint(qtbot, window, stream, value)
    assert send_and_wait(qtbot, window)
    window.result_tabs.setCurrentWidget(window.plot)
    qtbot.waitUntil(lambda: set(window.plot.series_items) == {"temperature", "pressure"})
    qtbot.keyClicks(window.editor.value_edit, "150,2")  # read as text, with a hint in the warning colour
    hint = window.editor.value_message
    status = window.model.index(0, DatapointsModel.STATUS)
    plot = window.plot.plot_widget
    assert theme_action(window, SYSTEM).isChecked()

    def drawn_in(scheme):
        base = palette_for(scheme).color(Role.Base)
        hint.ensurePolished()
        return (
            hint.palette().color(Role.WindowText).name() == css("warning", scheme)
            and status.data(Qt.ItemDataRole.ForegroundRole).color().name() == css("ok", scheme)
            and plot.backgroundBrush().color() == base
            and window.plot.series_items["temperature"].sent.opts["pen"].color() == series_colour(0, scheme)
            and window.plot.axis_of("pressure").labelStyle["color"] == series_colour(1, scheme).name()
            and window.plot.series_items["pressure"].pending.opts["symbolBrush"].color() == base
            and plot.grab().toImage().pixelColor(2, 2) == base
            and f"color:{css('error', scheme)}" in window.plot.key_label.text()
        )

    assert drawn_in(LIGHT)
    theme_action(window, DARK).trigger()
    assert colours.scheme() == DARK and QApplication.palette().color(Role.Window) == palette_for(DARK).color(
        Role.Window
    )
    qtbot.waitUntil(lambda: drawn_in(DARK))
    assert Settings(QSettings(settings_path, QSettings.Format.IniFormat)).theme == DARK
    window.close()

    again = make_window()  # the next start: dark at once
    assert theme_action(again, DARK).isChecked() and colours.scheme() == DARK
    theme_action(again, LIGHT).trigger()
    assert colours.scheme() == LIGHT and theme_action(again, LIGHT).isChecked()
    assert Settings(QSettings(settings_path, QSettings.Format.IniFormat)).theme == LIGHT


def test_system_follows_the_desktop_when_it_turns_dark_and_back(qtbot, window):
    label = window.connection.keyring_label  # a muted note
    desktop = {"scheme": None}
    theme().system_scheme = lambda: desktop["scheme"]
    desktop["scheme"] = DARK  # the desktop says dark; its palette (offscreen's) stays light: the dark one is set
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: colours.scheme() == DARK)
    assert label.styleSheet() == f"color: {css('muted', DARK)};"
    desktop["scheme"] = LIGHT
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: colours.scheme() == LIGHT)
    assert label.styleSheet() == f"color: {css('muted', LIGHT)};"
    assert QApplication.palette().color(Role.Window) != palette_for(DARK).color(Role.Window)


def test_a_chosen_scheme_is_kept_when_the_desktop_changes(qtbot, window):
    theme_action(window, LIGHT).trigger()
    theme().system_scheme = lambda: DARK
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    QApplication.processEvents()
    assert colours.scheme() == LIGHT


def test_the_diff_of_the_comparison_is_shown_again_in_the_new_colours(qtbot):
    from gui.ui.compare_dialog import CompareDialog, RequestSide

    head = b"POST /devices/1/datapoints HTTP/1.1\r\nHost: x\r\n\r\n"
    dialog = CompareDialog(
        RequestSide("device", head, b'{"datastreams":[]}', "1", "1"),
        RequestSide("editor", head, b'{"datastreams":[{"id":"t","datapoints":[{"value":1}]}]}', "1", "1"),
    )
    qtbot.addWidget(dialog)
    assert css("diff_add_bg", LIGHT) in dialog.normalised_view.toHtml()
    theme().set_mode(DARK)
    html = dialog.normalised_view.toHtml()
    assert css("diff_add_bg", DARK) in html and css("diff_add_bg", LIGHT) not in html
