"""The History tab's table model and its detail text: request attempts read from the store a page at a time.

`HistoryModel` reads the store a page at a time (`canFetchMore`/`fetchMore`, pages of
`PAGE_SIZE`), so 100,000 entries open and filter in the time of one count and one page;
`detail_text` gives one entry's request as the client builds it (api-key masked: the key
is never stored), its body (pretty-printed when JSON) and its answer.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui import i18n
from gui.data.history_export import format_time
from gui.data.store import HistoryEntry, HistoryFilter, HistorySummary, Store
from gui.data.target import Platform
from gui.i18n import translate
from gui.onenet.client import MASK, ConfigError, OneNetClient
from gui.onenet.formats import EncodedBody
from gui.onenet.readings import PLATFORM_TZ
from gui.onenet.request_text import describe_request
from gui.onenet.thing_client import ThingClient
from gui.ui.colours import brush
from gui.ui.tables import OneCallPerCell

_Index = QModelIndex | QPersistentModelIndex
#: Rows read from the store per `fetchMore`.
PAGE_SIZE = 500
_OUTCOME_COLOURS = {"sent": "ok", "failed": "error", "unknown": "warning"}


class HistoryModel(OneCallPerCell, QAbstractTableModel):
    """History rows matching a `HistoryFilter`, newest first, read from the store lazily."""

    #: Columns: what happened when, first (the outcome must show in a narrow tab), then where and the details.
    TIME, OUTCOME, DATAPOINTS, DEVICE, FORMAT, HTTP, ERRNO, LATENCY = range(8)
    #: Custom role: the `HistorySummary` of an index's row.
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self._filter = HistoryFilter()
        self._snapshot = HistoryFilter(max_request_id=0)
        self._rows: list[HistorySummary] = []
        self._total = 0
        self._tz: tzinfo = PLATFORM_TZ
        self._tz_name = "UTC+8"

    # --- what is shown -----------------------------------------------------------------
    @property
    def filter(self) -> HistoryFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many entries match the filter (fetched or not)."""
        return self._total

    def set_filter(self, flt: HistoryFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-read the store: count the matching entries and fetch the first page (the view asks for more)."""
        self.beginResetModel()
        last = self.store.last_request_id()
        flt = self._filter
        self._snapshot = replace(flt, max_request_id=last)
        self._total = self.store.history_count(self._snapshot)
        self._rows = []
        self.endResetModel()
        if self._total:
            self.fetchMore(QModelIndex())

    def set_display_tz(self, tz: tzinfo, name: str = "") -> None:
        """Show times in `tz`; the Time column's header names the zone (`name`, default `str(tz)`)."""
        self._tz = tz
        self._tz_name = name or str(tz)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.TIME, self.TIME)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.TIME), self.index(len(self._rows) - 1, self.TIME))

    @property
    def display_tz(self) -> tzinfo:
        return self._tz

    @property
    def snapshot(self) -> HistoryFilter:
        """The filter as of the last refresh, pinned to the requests stored then (what the table lists)."""
        return self._snapshot

    def summary(self, row: int) -> HistorySummary:
        return self._rows[row]

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        page = self.store.history_page(self._snapshot, len(self._rows), self.page_size)
        if not page:
            self._total = len(self._rows)  # pruned meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            self.TIME: self.tr("Time ({zone})").format(zone=self._tz_name),
            self.OUTCOME: self.tr("Outcome"),
            self.DATAPOINTS: self.tr("Datapoints"),
            self.DEVICE: self.tr("Device"),
            self.FORMAT: self.tr("Format"),
            self.HTTP: self.tr("HTTP"),
            self.ERRNO: self.tr("errno"),
            self.LATENCY: self.tr("Latency"),
        }
        return names.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == self.SummaryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and entry.outcome in _OUTCOME_COLOURS:
            return brush(_OUTCOME_COLOURS[entry.outcome])
        if role == Qt.ItemDataRole.ToolTipRole and entry.error:
            return i18n.render(entry.error_text) if entry.error_text is not None else entry.error
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.DATAPOINTS,
            self.HTTP,
            self.ERRNO,
            self.LATENCY,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: HistorySummary, column: int) -> str | None:
        if column == self.TIME:
            return format_time(entry.time, self._tz)
        if column == self.DEVICE:
            return entry.device_id
        if column == self.FORMAT:
            return self.tr("type {n}").format(n=int(entry.body_type))
        if column == self.DATAPOINTS:
            return f"{entry.datapoints:,}"
        if column == self.OUTCOME:
            outcome = outcome_name(entry.outcome)
            return outcome if entry.number in (None, 1) else f"{outcome} (#{entry.number})"
        if column == self.HTTP:
            return "" if entry.http_status is None else str(entry.http_status)
        if column == self.ERRNO:
            return "" if entry.errno is None else str(entry.errno)
        if column == self.LATENCY:
            return "" if entry.latency_s is None else f"{entry.latency_s * 1000:.0f} ms"
        return None


def outcome_name(outcome: str | None) -> str:
    """An outcome (`sent`, `failed`, `unknown`, `unsent`; None or "": in flight) in the user's language."""
    text = {
        "sent": translate("HistoryModel", "sent"),
        "failed": translate("HistoryModel", "failed"),
        "unknown": translate("HistoryModel", "unknown"),
        "unsent": translate("HistoryModel", "not sent"),
    }
    return text.get(outcome or "", outcome or translate("HistoryModel", "in flight"))


def _pretty_body(entry: HistoryEntry) -> str:
    text = entry.body.decode("utf-8", errors="replace")
    if "json" in entry.content_type:
        try:
            return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            return text
    return text


#: Signs a rebuilt current-platform request shown in the history (masked): no key is ever stored.
_NOT_STORED_KEY = "bm90LXN0b3JlZA=="  # base64 of "not-stored"


def detail_text(entry: HistoryEntry, tz: tzinfo = PLATFORM_TZ) -> str:
    """The request (as the client builds it, api-key masked), the body and the answer, as text."""
    thing = entry.platform is Platform.THING
    try:
        # Keys and tokens are never stored: a placeholder goes in and describe_request masks it.
        body = EncodedBody(entry.body_type, entry.body, entry.content_type)
        if thing:  # `device_id` is `<product id>/<device name>` (gui.data.target.Target.thing)
            product_id, _, device_name = entry.device_id.partition("/")
            thing_client = ThingClient(
                product_id, device_name, device_key=_NOT_STORED_KEY, device_endpoint=entry.endpoint
            )
            prepared = thing_client.prepare_upload(body)
        else:
            prepared = OneNetClient(entry.endpoint, entry.device_id, "not-stored").prepare_upload(body)
        head, url = describe_request(prepared, mask=MASK), prepared.url or ""
    except (ConfigError, ValueError) as exc:
        head, url = (
            translate("HistoryDetail", "(cannot rebuild the request: {why})").format(why=i18n.why(exc)),
            entry.endpoint,
        )
    attempt = entry.attempt
    thing_kind = translate("HistoryDetail", "OneJSON (current platform, thing model)")
    kind = thing_kind if thing else str(int(entry.body_type))
    lines = [
        translate("HistoryDetail", "Request #{number}").format(number=entry.request_id),
        translate("HistoryDetail", "URL: {url}").format(url=url),
        translate("HistoryDetail", "Type: {type}").format(type=kind),
        "",
        head,
        "",
    ]
    lines += [
        translate("HistoryDetail", "Body ({size} bytes, {points}):").format(
            size=len(entry.body), points=i18n.datapoints(entry.datapoints)
        ),
        _pretty_body(entry),
        "",
        translate("HistoryDetail", "Response"),
    ]
    if attempt is None:
        outcome = outcome_name(entry.request_outcome.value if entry.request_outcome else None)
        lines.append(
            translate(
                "HistoryDetail", "no answer recorded (the program stopped while sending); outcome: {outcome}"
            ).format(outcome=outcome)
        )
    else:
        lines += [
            translate("HistoryDetail", "Attempt: {number}, started {time}").format(
                number=attempt.number, time=format_time(attempt.started, tz)
            ),
            translate("HistoryDetail", "Outcome: {outcome}").format(outcome=outcome_name(attempt.outcome.value)),
            translate("HistoryDetail", "HTTP status: {status}").format(
                status="" if attempt.http_status is None else attempt.http_status
            ),
            f"errno: {'' if attempt.errno is None else attempt.errno}",
            translate("HistoryDetail", "error: {error}").format(
                error=i18n.render(attempt.text) if attempt.text is not None else attempt.error
            ),
            translate("HistoryDetail", "Latency: {ms:.0f} ms").format(ms=attempt.latency_s * 1000),
            "",
            attempt.response,
        ]
    return "\n".join(lines)
