"""Every colour the window draws, light and dark, and the theme that picks between them (System, Light, Dark).

Widgets draw with the palette's roles (`QPalette`) and, where a colour says
something, with a named colour of this module: `error`, `warning`, `ok`,
`note`, `muted` (text), `attention_bg`, `error_bg`, `diff_add_bg`,
`diff_change_bg`, `diff_remove_bg`, `header_bg` (backgrounds under the
palette's text) and the plot's series colours. Each has a light and a dark
value; which one is in force follows the application palette (`scheme`):
light text on a dark window is the dark scheme. Every text colour has a
contrast ratio of at least 4.5:1 (WCAG 2.x, 1.4.3) against the window and
base backgrounds of its scheme, and against the tinted backgrounds it is
drawn on (tests/gui/test_theme.py computes them).

The scheme changes when the user picks View > Theme or the desktop switches
between light and dark; `Theme.recolour` then fills in again every style
sheet set with `set_style`, every table item coloured with
`set_item_colour`, and calls `recolour()` on each widget that has one (the
plot, the comparison's diff): the one place where colours are re-applied.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable
from string import Template

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QWidget

__all__ = [
    "DARK",
    "LIGHT",
    "NAMED",
    "SCHEMES",
    "SERIES",
    "SYSTEM",
    "TEXT_COLOURS",
    "Theme",
    "blend",
    "brush",
    "colour",
    "contrast_ratio",
    "css",
    "filled",
    "palette_for",
    "plot_background",
    "scheme",
    "scheme_of",
    "series_colour",
    "set_item_colour",
    "set_style",
    "theme",
]

#: The schemes, and the theme's modes (SYSTEM: follow the desktop).
LIGHT, DARK, SYSTEM = "light", "dark", "system"
SCHEMES = (LIGHT, DARK)

#: name: (light, dark). Text colours are drawn on the window or base background of their scheme.
NAMED: dict[str, tuple[str, str]] = {
    "error": ("#b00020", "#ff8080"),
    "warning": ("#975000", "#f0a050"),
    "ok": ("#16702f", "#5fd07f"),
    "note": ("#1f5fa8", "#7cb4f5"),
    "muted": ("#595959", "#b0b0b0"),
    # backgrounds under the palette's text (and the text colours above): bars that ask, rejected rows, diffs
    "attention_bg": ("#fff4ce", "#4d4017"),
    "error_bg": ("#fde7e9", "#4a2227"),
    "diff_add_bg": ("#c8f0c8", "#1e4d26"),
    "diff_change_bg": ("#fff2a8", "#4d4417"),
    "diff_remove_bg": ("#f8c8c8", "#5a2328"),
    "header_bg": ("#e6e6e6", "#3c3c3c"),
}
#: The named colours that are text (each readable on every background of its scheme).
TEXT_COLOURS = ("error", "warning", "ok", "note", "muted")

#: The plot's series colours, in order (light, dark): a colour-blind-friendly set (after matplotlib's tab10),
#: darkened on white and lightened on black until axis labels in them read at 4.5:1.
SERIES: tuple[tuple[str, str], ...] = (
    ("#1f77b4", "#5aa9e6"),
    ("#b35000", "#ffa64d"),
    ("#2a7d2a", "#6cc86c"),
    ("#8c5cb8", "#c5a3ff"),
    ("#8c564b", "#d9a08f"),
    ("#b8358f", "#ff8ccf"),
    ("#137f8c", "#4fd0dc"),
    ("#6e6e10", "#d4d45a"),
)

#: The palettes set when the desktop does not give the chosen scheme (with the Fusion style): after Qt's own
#: Fusion palettes, with a highlight that white and near-white text read on at 4.5:1.
_PALETTES: dict[str, dict[str, str]] = {
    LIGHT: {
        "window": "#efefef",
        "text": "#000000",
        "base": "#ffffff",
        "alternate_base": "#f7f7f7",
        "button": "#efefef",
        "highlight": "#2f65a8",
        "highlighted_text": "#ffffff",
        "link": "#1f5fa8",
        "link_visited": "#6a3d9a",
        "tooltip_base": "#ffffdc",
        "disabled_text": "#8c8c8c",
    },
    DARK: {
        "window": "#323232",
        "text": "#f0f0f0",
        "base": "#242424",
        "alternate_base": "#2c2c2c",
        "button": "#3a3a3a",
        "highlight": "#2f65a8",
        "highlighted_text": "#f0f0f0",
        "link": "#7cb4f5",
        "link_visited": "#c5a3ff",
        "tooltip_base": "#3f3f3f",
        "disabled_text": "#8a8a8a",
    },
}

#: The dynamic property that keeps a widget's style sheet template (see set_style).
_STYLE_PROPERTY = "colourStyle"
#: The item data role that keeps a table item's colour name (see set_item_colour).
_ITEM_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 0x7C0


# --- reading colours ---------------------------------------------------------------------
def scheme_of(palette: QPalette) -> str:
    """DARK when the palette's window text is lighter than its window, else LIGHT."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return DARK if text.lightnessF() > window.lightnessF() else LIGHT


def scheme() -> str:
    """The scheme in force: that of the application palette (LIGHT before there is an application)."""
    if QGuiApplication.instance() is None:
        return LIGHT
    return scheme_of(QGuiApplication.palette())


def css(name: str, in_scheme: str | None = None) -> str:
    """A named colour as `#rrggbb` in `in_scheme` (default: the scheme in force). Raises KeyError for no such name."""
    light, dark = NAMED[name]
    return dark if (in_scheme or scheme()) == DARK else light


def colour(name: str, in_scheme: str | None = None) -> QColor:
    """A named colour (see css)."""
    return QColor(css(name, in_scheme))


def brush(name: str) -> QBrush:
    """A named colour of the scheme in force as a brush (for a model's ForegroundRole and BackgroundRole)."""
    return QBrush(colour(name))


def series_colour(index: int, in_scheme: str | None = None) -> QColor:
    """The plot's colour of the `index`-th series (0-based): SERIES in order, then hues a golden angle apart,
    each made dark (light scheme) or light (dark scheme) enough for 4.5:1 on its scheme's base background."""
    dark = (in_scheme or scheme()) == DARK
    if index < len(SERIES):
        return QColor(SERIES[index][dark])
    hue = (index * 0.381966) % 1.0
    background = QColor(_PALETTES[DARK if dark else LIGHT]["base"])
    lightness = 0.72 if dark else 0.38
    while True:
        r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.75)
        candidate = QColor.fromRgbF(r, g, b)
        if contrast_ratio(candidate, background) >= 4.5 or not 0.05 < lightness < 0.95:
            return candidate
        lightness += 0.03 if dark else -0.03


def plot_background() -> QColor:
    """The plot's background: the palette's base colour (that of text fields and tables)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base)


def relative_luminance(c: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1 to 21 (text wants at least 4.5, SC 1.4.3)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(c: QColor, background: QColor) -> QColor:
    """The opaque colour that a (semi-transparent) colour shows over an opaque background."""
    alpha = c.alphaF()
    return QColor(
        round(background.red() + (c.red() - background.red()) * alpha),
        round(background.green() + (c.green() - background.green()) * alpha),
        round(background.blue() + (c.blue() - background.blue()) * alpha),
    )


def palette_for(name: str) -> QPalette:
    """The full palette of a scheme (LIGHT or DARK), every role and group, for the Fusion style."""
    p = _PALETTES[name]
    window, text, button = QColor(p["window"]), QColor(p["text"]), QColor(p["button"])
    light, dark, mid = button.lighter(150), button.darker(150), button.darker(130)
    palette = QPalette(text, button, light, dark, mid, text, QColor(p["base"]))
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, window),
        (role.Midlight, mid.lighter(110)),
        (role.Shadow, dark.darker(135)),
        (role.AlternateBase, QColor(p["alternate_base"])),
        (role.ToolTipBase, QColor(p["tooltip_base"])),
        (role.ToolTipText, text),
        (role.Highlight, QColor(p["highlight"])),
        (role.HighlightedText, QColor(p["highlighted_text"])),
        (role.Link, QColor(p["link"])),
        (role.LinkVisited, QColor(p["link_visited"])),
        (role.BrightText, QColor(p["highlighted_text"])),
    ):
        palette.setColor(r, value)
    placeholder = QColor(text)
    placeholder.setAlphaF(0.5)
    palette.setColor(role.PlaceholderText, placeholder)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, QColor(p["disabled_text"]))
    palette.setColor(disabled, role.Base, window)
    palette.setColor(disabled, role.Highlight, QColor(p["disabled_text"]))
    return palette


# --- widgets that keep their colours -------------------------------------------------------
def filled(template: str) -> str:
    """`template` with its `$name`s replaced by the named colours of the scheme in force (`#rrggbb`)."""
    in_force = scheme()
    return Template(template).substitute({name: css(name, in_force) for name in NAMED})


def set_style(widget: QWidget, template: str) -> None:
    """Set the widget's style sheet from `template`, whose `$name`s are named colours (`"color: $error;"`).

    The template is kept and filled in again when the scheme changes; "" clears
    the style sheet. Raises KeyError for a name that is not in NAMED.
    """
    widget.setStyleSheet(filled(template) if template else "")
    widget.setProperty(_STYLE_PROPERTY, template or None)


def set_item_colour(item: QTableWidgetItem, name: str) -> None:
    """Draw a table item's text in a named colour, now and after the scheme changes."""
    item.setData(_ITEM_COLOUR_ROLE, name)
    item.setForeground(brush(name))


# --- the theme -------------------------------------------------------------------------------
class Theme(QObject):
    """The application's colours: the desktop's scheme (SYSTEM) or a chosen one (LIGHT, DARK); one per application.

    A chosen scheme is asked of the platform (`QStyleHints.setColorScheme`, Qt
    6.8+); where the palette does not follow (the platform cannot, or Qt is
    older), the Fusion style is set with this module's palette of that scheme.
    In SYSTEM mode the window follows the desktop (`colorSchemeChanged`), and
    where the desktop says dark but its palette is light (or the reverse), the
    palette of the scheme it says is set too.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.mode = SYSTEM
        self._own_palette: str | None = None  # the scheme of the palette this theme set, if any
        self._style_before: str | None = None  # the style's name before this theme set Fusion
        self._drawn: tuple[str, str | None] = (scheme(), None)  # what the widgets were last coloured for
        #: The scheme the desktop asks for (None: it does not say); replaced in tests.
        self.system_scheme: Callable[[], str | None] = self._desktop_scheme
        self._follow = QTimer(self, singleShot=True, interval=0)  # after Qt updated its palette
        self._follow.timeout.connect(self.apply)
        app.styleHints().colorSchemeChanged.connect(self._on_styleHints_colorSchemeChanged)

    def _desktop_scheme(self) -> str | None:
        value = self._app.styleHints().colorScheme()
        return {Qt.ColorScheme.Light: LIGHT, Qt.ColorScheme.Dark: DARK}.get(value)

    def set_mode(self, mode: str) -> None:
        """SYSTEM, LIGHT or DARK (anything else: SYSTEM); the open windows are recoloured at once."""
        self.mode = mode if mode in SCHEMES else SYSTEM
        self.apply()

    def apply(self) -> None:
        """Make the palette that of the mode's scheme, and recolour the widgets if anything changed."""
        app = self._app
        hints = app.styleHints()
        wanted = self.mode if self.mode in SCHEMES else self.system_scheme()
        if self._own_palette is not None and self._own_palette != wanted:
            app.setPalette(QPalette())  # back to the platform's palette (an empty palette resolves to it)
            self._own_palette = None
            if self._style_before is not None:
                app.setStyle(self._style_before)
                self._style_before = None
        if hasattr(hints, "setColorScheme"):  # Qt 6.8+
            if self.mode in SCHEMES:
                hints.setColorScheme(Qt.ColorScheme.Dark if self.mode == DARK else Qt.ColorScheme.Light)
            else:
                hints.unsetColorScheme()
        if wanted is not None and self._own_palette is None and scheme() != wanted:
            if app.style().name().lower() != "fusion":  # a native style may ignore the palette
                self._style_before = app.style().name()
                app.setStyle("Fusion")
            app.setPalette(palette_for(wanted))
            self._own_palette = wanted
        if (scheme(), self._own_palette) != self._drawn:
            self.recolour()

    def _on_styleHints_colorSchemeChanged(self, _scheme: Qt.ColorScheme) -> None:
        if self.mode == SYSTEM:
            self._follow.start()

    def recolour(self) -> None:
        """Fill in the named colours of the scheme in force again, everywhere they are drawn."""
        self._drawn = (scheme(), self._own_palette)
        for widget in QApplication.allWidgets():
            template = widget.property(_STYLE_PROPERTY)
            if template:
                widget.setStyleSheet(filled(str(template)))
            if isinstance(widget, QTableWidget):
                for row in range(widget.rowCount()):
                    for column in range(widget.columnCount()):
                        item = widget.item(row, column)
                        name = item.data(_ITEM_COLOUR_ROLE) if item is not None else None
                        if item is not None and name:
                            item.setForeground(brush(str(name)))
            hook = getattr(widget, "recolour", None)
            if callable(hook):
                hook()


def theme() -> Theme:
    """The application's Theme, made on first use (there must be a QApplication)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the theme needs a QApplication"
    found = app.findChild(Theme)
    return found if isinstance(found, Theme) else Theme(app)
