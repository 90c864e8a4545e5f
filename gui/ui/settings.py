"""Typed settings, declared in one place, kept in QSettings (never the api-key)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimeZone

from gui.onenet.client import DEFAULT_ENDPOINT
from gui.onenet.split import DEFAULT_MAX_BYTES, DEFAULT_MAX_POINTS, MIN_MAX_BYTES

#: Days of history kept when nothing else is said (History tab, "Keep history for").
DEFAULT_HISTORY_DAYS = 365
#: The longest retention that can be chosen (about a century); 0 means "forever".
MAX_HISTORY_DAYS = 36_500


def system_zone_name() -> str:
    """The computer's IANA time zone id (e.g. `Europe/Berlin`), `UTC` if unknown."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return name


class Settings:
    """What is remembered between runs: connection, streams, zone, request options, window layout."""

    def __init__(self, store: QSettings) -> None:
        self._s = store
        # A file that could not be read is never written over (Qt would rewrite it from the
        # defaults): changes are kept here, for this run only (see `unreadable`).
        self._apart: dict[str, Any] | None = None if store.status() == QSettings.Status.NoError else {}

    def unreadable(self) -> str:
        """Why the settings file could not be read, in the user's language, with its path; "" when it was read.

        A file Qt cannot parse (`QSettings.Status.FormatError`) or may not read
        (`AccessError`) gives the defaults, and is never written: it stays as it is for the
        user to correct or restore; what is changed meanwhile lasts until the window closes.
        """
        status = self._s.status()
        if status == QSettings.Status.NoError:
            return ""
        if status == QSettings.Status.FormatError:
            why = QCoreApplication.translate("Settings", "it is not in the settings format (damaged or edited?)")
        else:
            why = QCoreApplication.translate("Settings", "it cannot be read or written (permissions?)")
        return QCoreApplication.translate(
            "Settings",
            "The settings file {path} cannot be read: {why}. The window starts with the default settings and "
            "leaves the file as it is; what you change now is kept only until the window closes. Correct, restore or "
            "remove the file to keep your settings again.",
        ).format(path=self._s.fileName(), why=why)

    def _value(self, key: str, default: Any = None) -> Any:
        if self._apart is not None and key in self._apart:
            return self._apart[key]
        return self._s.value(key, default)

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        if self._apart is not None:
            self._apart[key] = value
            return
        self._s.setValue(key, value)

    @property
    def language(self) -> str | None:
        """The language chosen in the Language menu (a key of `gui.i18n.LANGUAGES`), None: the system's."""
        value = self._value("ui/language")
        return str(value) if value else None

    @language.setter
    def language(self, value: str | None) -> None:
        self._set("ui/language", value or "")

    @property
    def endpoint(self) -> str:
        return str(self._get("connection/endpoint", DEFAULT_ENDPOINT, str))

    @endpoint.setter
    def endpoint(self, value: str) -> None:
        self._set("connection/endpoint", value)

    @property
    def device_id(self) -> str:
        return str(self._get("connection/device_id", "", str))

    @device_id.setter
    def device_id(self, value: str) -> None:
        self._set("connection/device_id", value)

    @property
    def use_sandbox(self) -> bool:
        """The connection's "Use the local sandbox" box, as it was when the window last closed."""
        return str(self._get("connection/use_sandbox", "false", str)).lower() == "true"

    @use_sandbox.setter
    def use_sandbox(self, value: bool) -> None:
        self._set("connection/use_sandbox", "true" if value else "false")

    @property
    def streams(self) -> list[str]:
        value = self._value("editor/streams", [])
        if isinstance(value, str):  # QSettings gives a lone item back as a string
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list) else []

    @streams.setter
    def streams(self, value: list[str]) -> None:
        self._set("editor/streams", list(value))

    @property
    def time_zone(self) -> str:
        """The editor's zone (`gui.onenet.zones` name); the computer's (`system_zone_name`) until one was chosen."""
        value = self._s.value("editor/time_zone")
        return str(value) if value is not None else system_zone_name()  # asked only then: Qt's first look is slow

    @time_zone.setter
    def time_zone(self, value: str) -> None:
        self._set("editor/time_zone", value)

    @property
    def import_dir(self) -> str:
        """The folder File > Import last opened a file from ("" at first)."""
        return str(self._get("import/dir", "", str))

    @import_dir.setter
    def import_dir(self, value: str) -> None:
        self._set("import/dir", value)

    @property
    def import_zone(self) -> str:
        """The zone the last import read its times in, chosen or confirmed ("" at first: the computer's is offered).

        One zone for every file type: the zone belongs to the clock that wrote the
        times (a logger, a colleague's laptop), which sends CSV one day and Excel the next.
        """
        return str(self._get("import/zone", "", str))

    @import_zone.setter
    def import_zone(self, value: str) -> None:
        self._set("import/zone", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        value = self._value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._set("window/splitter", value)

    @property
    def plot_axes(self) -> str:
        """The plot's axes: "per_series" (default) or "shared" (see PlotPanel.set_axes_mode)."""
        return str(self._get("plot/axes", "per_series", str))

    @plot_axes.setter
    def plot_axes(self, value: str) -> None:
        self._set("plot/axes", value)

    @property
    def body_type(self) -> int:
        """The `type` of uploads (1, 3, 4 or 5)."""
        value = int(self._get("request/body_type", 1, int))
        return value if value in (1, 3, 4, 5) else 1

    @body_type.setter
    def body_type(self, value: int) -> None:
        self._set("request/body_type", int(value))

    @property
    def separators(self) -> str:
        """Type 5 separators the user chose; empty means automatic."""
        value = str(self._get("request/separators", "", str))
        return value if len(value) == 2 else ""

    @separators.setter
    def separators(self, value: str) -> None:
        self._set("request/separators", value)

    @property
    def max_points(self) -> int:
        """Datapoints per request at most (default 500)."""
        return max(1, int(self._get("request/max_points", DEFAULT_MAX_POINTS, int)))

    @max_points.setter
    def max_points(self, value: int) -> None:
        self._set("request/max_points", int(value))

    @property
    def max_bytes(self) -> int:
        """Body bytes per request at most (default 64 KiB)."""
        return max(MIN_MAX_BYTES, int(self._get("request/max_bytes", DEFAULT_MAX_BYTES, int)))

    @max_bytes.setter
    def max_bytes(self, value: int) -> None:
        self._set("request/max_bytes", int(value))

    @property
    def history_days(self) -> int:
        """Days the history keeps finished requests and sent datapoints (default 365; 0: forever).

        Applied once at start-up (`gui.data.store.Store.prune`); datapoints not sent yet,
        failed or unknown are never pruned. A stored value outside 0..MAX_HISTORY_DAYS
        reads as the default.
        """
        value = int(self._get("history/keep_days", DEFAULT_HISTORY_DAYS, int))
        return value if 0 <= value <= MAX_HISTORY_DAYS else DEFAULT_HISTORY_DAYS

    @history_days.setter
    def history_days(self, value: int) -> None:
        self._set("history/keep_days", int(value))

    @property
    def theme(self) -> str:
        """View > Theme: "system" (follow the desktop, the default), "light" or "dark" (gui.ui.colours)."""
        value = str(self._get("view/theme", "system", str))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", value)

    def sync(self) -> None:
        """Write to disk now (never a file that could not be read)."""
        if self._apart is None:
            self._s.sync()
