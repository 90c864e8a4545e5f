"""The request options (format, type 5 separators, limits) and the preview of the requests an upload makes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.outbox import RequestOptions, ThingRequestPlan
from gui.onenet.client import PlatformResponse
from gui.onenet.formats import BodyType, EncodedBody
from gui.onenet.request_text import curl_command, describe_request
from gui.onenet.split import RequestPlan
from gui.onenet.thing_client import UploadClient
from gui.text import Counted
from gui.ui.colours import set_style

if TYPE_CHECKING:
    import requests

_Index = QModelIndex | QPersistentModelIndex

#: Bodies larger than this are shown as their start and end only (the rest: "Save body to file…").
WHOLE_BODY_MAX = 1_000_000
#: How much of the start and of the end of a large body is shown.
BODY_EDGE = 32 * 1024
#: Bodies larger than this are not pretty-printed in the window.
PRETTY_MAX = 256 * 1024


def human_bytes(size: int) -> str:
    """`812 bytes`, `31.2 KiB`, `5.0 MiB` (`812 字节`): as the locale writes a size (QLocale)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeIecFormat)


def pretty_body(body: EncodedBody) -> str:
    """A readable view of a body: indented JSON, or type 5 fields one per line with the separators named."""
    if body.type is BodyType.TEXT:
        text = body.data.decode("utf-8")
        sub, sep = text[0], text[1]
        fields = text[2:].split(sep)
        header = i18n.render(
            Counted("fields")
            .tr("sub-field separator {sub}, field separator {sep}; %Ln field(s):", "", len(fields))
            .with_args(sub=repr(sub), sep=repr(sep))
        )
        return "\n".join([header, *(f"  {field}" for field in fields)])
    return json.dumps(json.loads(body.data), indent=2, ensure_ascii=False)


class RequestOptionsBar(QWidget):
    """Body type (types a reading set cannot use are disabled, the reason in the tooltip), separators, limits."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.format_combo = QComboBox()
        # Wide enough for every format's name: the chosen one is never cut (the bar takes two rows when narrow).
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for body_type, label in (
            (BodyType.FULL_JSON, self.tr("Type 1 · full JSON")),
            (BodyType.SIMPLE_JSON, self.tr("Type 3 · {stream: value}")),
            (BodyType.TIMED_JSON, self.tr("Type 4 · {stream: {at: value}}")),
            (BodyType.TEXT, self.tr("Type 5 · text")),
        ):
            self.format_combo.addItem(label, int(body_type))
        self.separators_edit = QLineEdit()
        self.separators_edit.setMaxLength(2)
        self.separators_edit.setFixedWidth(self.separators_edit.fontMetrics().horizontalAdvance("auto") + 24)
        self.separators_edit.setPlaceholderText(self.tr("auto"))
        self.separators_edit.setToolTip(
            self.tr(
                "Type 5 separators: two different characters, sub-field first, field second (e.g. ,;). "
                "Empty: chosen automatically so that no id or value contains them."
            )
        )
        self.separators_label = QLabel(self.tr("Se&parators:"))
        self.separators_label.setBuddy(self.separators_edit)
        self.max_points_spin = QSpinBox()
        self.max_points_spin.setRange(1, 1_000_000)
        self.max_points_spin.setValue(500)
        self.max_points_spin.setSuffix(self.tr(" datapoints"))
        self.max_points_spin.setToolTip(self.tr("Datapoints per request at most; larger uploads are split"))
        self.max_kib_spin = QSpinBox()
        self.max_kib_spin.setRange(1, 64 * 1024)
        self.max_kib_spin.setValue(64)
        self.max_kib_spin.setSuffix(self.tr(" KiB"))
        self.max_kib_spin.setToolTip(
            self.tr("Body size per request at most. OneNET documents no limit; related endpoints cap bodies at 64 KB.")
        )
        format_label = QLabel(self.tr("&Format:"))
        format_label.setBuddy(self.format_combo)
        limit_label = QLabel(self.tr("Per request at most:"))
        format_row = QHBoxLayout()
        format_row.addWidget(format_label)
        format_row.addWidget(self.format_combo, 1)
        format_row.addWidget(self.separators_label)
        format_row.addWidget(self.separators_edit)
        limits_row = QHBoxLayout()
        limits_row.addWidget(limit_label)
        limits_row.addWidget(self.max_points_spin)
        limits_row.addWidget(self.max_kib_spin)
        limits_row.addStretch(1)
        # One row when there is room, else the limits under the format (see resizeEvent).
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.addLayout(format_row, 1)
        self._rows.addSpacing(8)
        self._rows.addLayout(limits_row)
        self._row_layouts = (format_row, limits_row)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_currentIndexChanged)
        self.separators_edit.textChanged.connect(self.changed)
        self.max_points_spin.valueChanged.connect(self.changed)
        self.max_kib_spin.valueChanged.connect(self.changed)
        self._on_format_combo_currentIndexChanged()

    def _one_row_width(self) -> int:
        format_row, limits_row = self._row_layouts
        return format_row.minimumSize().width() + 8 + limits_row.minimumSize().width()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider of the two rows (the bar wraps), as high as it is laid out now."""
        format_row, limits_row = self._row_layouts
        width = max(format_row.minimumSize().width(), limits_row.minimumSize().width())
        return QSize(width, self._rows.minimumSize().height())

    def sizeHint(self) -> QSize:
        return QSize(self._one_row_width(), self._rows.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the format and the limits out in one row when they fit, else in two."""
        one_row = event.size().width() >= self._one_row_width()
        direction = QBoxLayout.Direction.LeftToRight if one_row else QBoxLayout.Direction.TopToBottom
        if self._rows.direction() != direction:
            self._rows.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)

    def body_type(self) -> BodyType:
        """The chosen body type."""
        return BodyType(int(self.format_combo.currentData()))

    def options(self) -> RequestOptions:
        """The options as chosen now."""
        separators = self.separators_edit.text()
        return RequestOptions(
            self.body_type(),
            separators if separators else None,
            self.max_points_spin.value(),
            self.max_kib_spin.value() * 1024,
        )

    def set_options(self, options: RequestOptions) -> None:
        """Show `options` (limits in bytes are shown rounded up to KiB)."""
        self.format_combo.setCurrentIndex(self.format_combo.findData(int(options.body_type)))
        self.separators_edit.setText(options.separators or "")
        self.max_points_spin.setValue(options.max_points)
        self.max_kib_spin.setValue(max(1, -(-options.max_bytes // 1024)))

    def set_carry(self, carry: dict[BodyType, str | None]) -> None:
        """Enable the body types that can carry the readings; the others say why in their tooltip.

        The current choice is never changed here: if it cannot carry the
        readings any more, the preview says so and Send is blocked.
        """
        model = self.format_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.format_combo.count()):
            body_type = BodyType(int(self.format_combo.itemData(row)))
            reason = carry.get(body_type)
            item = model.item(row)
            item.setEnabled(reason is None or row == self.format_combo.currentIndex())
            item.setToolTip(
                self.tr("Cannot carry these datapoints: {why}").format(why=reason)
                if reason
                else self.tr("Can carry every datapoint as it is")
            )
        current = carry.get(self.body_type())
        self.format_combo.setToolTip(
            self.tr("Cannot carry these datapoints: {why}").format(why=current) if current else ""
        )

    def _on_format_combo_currentIndexChanged(self) -> None:
        is_text = self.body_type() is BodyType.TEXT
        self.separators_edit.setEnabled(is_text)
        self.separators_label.setEnabled(is_text)
        self.changed.emit()


class RequestListModel(QAbstractListModel):
    """One row per planned request: "Request 2 of 7 · 500 datapoints · 31.2 KiB" (made on demand)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: RequestPlan | ThingRequestPlan | None = None

    def set_plan(self, plan: RequestPlan | ThingRequestPlan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._plan is None else len(self._plan)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._plan is None or not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        request = self._plan.requests[index.row()]
        text = self.tr("Request {k} of {n} · {points} · {size}").format(
            k=index.row() + 1,
            n=len(self._plan),
            points=i18n.datapoints(request.points),
            size=human_bytes(request.size),
        )
        if request.oversized:
            text += self.tr(" · over the limit")
        return text


class PreviewPanel(QWidget):
    """The requests of an upload and the selected one exactly: method, URL, headers, body bytes, pretty view.

    Large bodies (over `WHOLE_BODY_MAX` bytes) show their start and end;
    "Save body to file…" writes them whole. "Copy as curl" gives a command
    that sends the same bytes (api-key as `$ONENET_API_KEY` unless revealed).
    `shown` is emitted whenever the request shown (:meth:`prepared`) was set or cleared;
    `copied(text)` after a copy, saying what is on the clipboard (for the status bar).
    """

    shown = Signal()
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.requests_model = RequestListModel(self)
        self.request_combo = QComboBox()
        self.request_combo.setModel(self.requests_model)
        self.request_combo.setToolTip(self.tr("Large uploads are split into several requests, sent in this order"))
        self.size_label = QLabel()
        self.request_text = QPlainTextEdit(readOnly=True)
        self.request_text.setFont(mono)
        self.request_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.pretty_text = QPlainTextEdit(readOnly=True)
        self.pretty_text.setFont(mono)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.request_text, self.tr("Request (exact)"))
        self.tabs.addTab(self.pretty_text, self.tr("Body (pretty)"))
        # The last request a send put on the wire, exactly, and its answer: it stays when nothing is left to send.
        self.last_sent_text = QPlainTextEdit(readOnly=True)
        self.last_sent_text.setFont(mono)
        self.last_sent_text.setPlaceholderText(self.tr("Nothing sent yet in this window."))
        self.tabs.addTab(self.last_sent_text, self.tr("Last sent"))
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        set_style(self.note_label, "color: $warning;")
        self.note_label.hide()
        self.at_note_label = QLabel()  # the zone of the body's `at` (the table shows the user's zone)
        self.at_note_label.setWordWrap(True)
        set_style(self.at_note_label, "color: $note;")
        self.at_note_label.hide()
        self.copy_curl_button = QPushButton(self.tr("Copy as c&url"))
        self.copy_curl_button.setToolTip(
            self.tr("A curl command for sh/bash/zsh sending exactly these bytes; the api-key as $ONENET_API_KEY")
        )
        self.copy_body_button = QPushButton(self.tr("Copy &body"))
        self.save_body_button = QPushButton(self.tr("Save body to &file…"))
        top = QHBoxLayout()
        top.addWidget(self.request_combo, 1)  # the whole width: its text is long in some languages
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_curl_button)
        buttons.addWidget(self.copy_body_button)
        buttons.addWidget(self.save_body_button)
        buttons.addStretch(1)
        buttons.addWidget(self.size_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.at_note_label)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)

        self._plan: RequestPlan | ThingRequestPlan | None = None
        self._client: UploadClient | None = None
        self._client_problem = ""
        self._reveal = False
        self._body: EncodedBody | None = None
        self._prepared: requests.PreparedRequest | None = None
        self._pretty_done = False
        self.request_combo.currentIndexChanged.connect(self._show_selected)
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        self.copy_curl_button.clicked.connect(self.copy_curl)
        self.copy_body_button.clicked.connect(self.copy_body)
        self.save_body_button.clicked.connect(self._on_save_body_button_clicked)
        self.show_message("")

    # --- what is shown ---------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Show a message instead of a request (nothing to send, computing…, a format's refusal)."""
        self._plan, self._body, self._prepared = None, None, None
        self.requests_model.set_plan(None)
        self.request_combo.setEnabled(False)
        self.request_text.setPlainText(text)
        self.pretty_text.setPlainText("")
        self.size_label.setText("")
        self.note_label.hide()
        self.set_at_note("")
        self._set_buttons()
        self.shown.emit()

    def show_last_sent(
        self,
        title: str,
        prepared: requests.PreparedRequest | None,
        body: EncodedBody | None,
        response: PlatformResponse | None,
        error: str = "",
    ) -> None:
        """Show the last request a send put on the wire: `title`, its exact bytes (api-key masked), the answer.

        The answer is its HTTP status, headers and body as they came (masked by the client),
        or `error` when there was none. `prepared` None: `title` (and `error`) alone.
        """
        lines = [title, ""]
        if prepared is not None and body is not None:
            data = body.data
            shown = data[:WHOLE_BODY_MAX].decode("utf-8", "ignore")
            if len(data) > WHOLE_BODY_MAX:
                shown += "\n" + self.tr("[… %Ln more byte(s) …]", "", len(data) - WHOLE_BODY_MAX)
            lines += [describe_request(prepared), "", shown, ""]
        if response is not None:
            lines += [self.tr("Answer: HTTP {status}").format(status=response.http_status)]
            lines += [f"{name}: {value}" for name, value in response.headers.items()]
            lines += ["", response.text]
        elif error:
            lines += [self.tr("No answer: {why}").format(why=error)]
        self.last_sent_text.setPlainText("\n".join(lines))

    def show_last_sending(self, text: str) -> None:
        """A send started: the last sent request is the previous send's no more; say `text` instead."""
        self.last_sent_text.setPlainText(text)

    def set_at_note(self, text: str) -> None:
        """Say under the body in which zone its `at` are (platform time), or nothing ("")."""
        self.at_note_label.setText(text)
        self.at_note_label.setVisible(bool(text))

    def show_plan(
        self,
        plan: RequestPlan | ThingRequestPlan,
        client: UploadClient | None,
        client_problem: str = "",
        reveal: bool = False,
    ) -> None:
        """Show the requests of `plan`; keeps the selected request where it still exists.

        Without a client (connection settings incomplete) the body is shown
        under `client_problem`.
        """
        keep = self.request_combo.currentIndex() if self._plan is not None else 0
        self._client, self._client_problem, self._reveal = client, client_problem, reveal
        if plan is not self._plan:
            self._plan = plan
            self.requests_model.set_plan(plan)
        self.request_combo.setEnabled(len(plan) > 1)
        index = min(max(keep, 0), len(plan) - 1)
        if self.request_combo.currentIndex() != index:
            self.request_combo.setCurrentIndex(index)  # shows it
        else:
            self._show_selected()

    def set_reveal(self, reveal: bool) -> None:
        """Show the api-key in the request head (and curl) or mask it."""
        if reveal != self._reveal and self._plan is not None:
            self._reveal = reveal
            self._show_selected()
        self._reveal = reveal

    def selected(self) -> int:
        """The index of the request shown, or -1."""
        return self.request_combo.currentIndex() if self._plan is not None else -1

    def body(self) -> EncodedBody | None:
        """The body of the request shown."""
        return self._body

    def prepared(self) -> requests.PreparedRequest | None:
        """The exact request shown, when the connection settings make one."""
        return self._prepared

    def _show_selected(self) -> None:
        plan, index = self._plan, self.request_combo.currentIndex()
        if plan is None or not 0 <= index < len(plan):
            return
        body = self._body = plan.body(index)
        self._prepared = self._client.prepare_upload(body) if self._client is not None else None
        head = (
            describe_request(self._prepared, reveal_key=self._reveal)
            if self._prepared is not None
            else self._client_problem
        )
        data = body.data
        if len(data) > WHOLE_BODY_MAX:
            start = data[:BODY_EDGE].decode("utf-8", "ignore")
            end = data[-BODY_EDGE:].decode("utf-8", "ignore")
            hidden = len(data) - len(start.encode()) - len(end.encode())
            shown = (
                start
                + "\n\n"
                + self.tr("[… %Ln byte(s) not shown: use 'Save body to file…' to see the body whole …]", "", hidden)
                + "\n\n"
                + end
            )
            self.note_label.setText(
                self.tr("This body is {size}: only its first and last {edge} are shown.").format(
                    size=human_bytes(len(data)), edge=human_bytes(BODY_EDGE)
                )
            )
            self.note_label.show()
        else:
            shown = data.decode("utf-8")
            self.note_label.hide()
        self.request_text.setPlainText(head + "\n\n" + shown)
        request = plan.requests[index]
        self.size_label.setText(
            self.tr("body: {size} bytes · {streams} datastream(s)").format(
                size=f"{len(data):,}", streams=request.streams
            )
        )
        self._pretty_done = False
        self.pretty_text.setPlainText("")
        if self.tabs.currentWidget() is self.pretty_text:
            self._fill_pretty()
        self._set_buttons()
        self.shown.emit()

    def _on_tabs_currentChanged(self, index: int) -> None:
        if self.tabs.widget(index) is self.pretty_text and not self._pretty_done:
            self._fill_pretty()

    def _fill_pretty(self) -> None:
        body = self._body
        self._pretty_done = True
        if body is None:
            return
        if len(body.data) > PRETTY_MAX:
            self.pretty_text.setPlainText(
                self.tr("This body is {size}: too large to pretty-print here. Save it to a file to read it.").format(
                    size=human_bytes(len(body.data))
                )
            )
            return
        self.pretty_text.setPlainText(pretty_body(body))

    def _set_buttons(self) -> None:
        self.copy_curl_button.setEnabled(self._prepared is not None)
        self.copy_body_button.setEnabled(self._body is not None)
        self.save_body_button.setEnabled(self._body is not None)

    # --- actions ---------------------------------------------------------------------------
    def curl_text(self) -> str:
        """The curl command of the request shown ("" when there is none)."""
        if self._prepared is None:
            return ""
        return curl_command(self._prepared, reveal_key=self._reveal)

    def copy_curl(self) -> None:
        """Put the curl command of the request shown on the clipboard."""
        text = self.curl_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            which = self._which_request()
            self.copied.emit(
                self.tr("Copied the curl command of {which}.").format(which=which)
                if self._reveal
                else self.tr("Copied the curl command of {which} (the api-key as $ONENET_API_KEY).").format(which=which)
            )

    def copy_body(self) -> None:
        """Put the body text of the request shown on the clipboard."""
        if self._body is not None:
            QGuiApplication.clipboard().setText(self._body.data.decode("utf-8"))
            self.copied.emit(self.tr("Copied the body of {which}.").format(which=self._which_request()))

    def _which_request(self) -> str:
        """`request 2 of 7`: the request shown."""
        total = len(self._plan) if self._plan is not None else 1
        return self.tr("request {k} of {n}").format(k=self.selected() + 1, n=total)

    def save_body(self, path: str | Path) -> None:
        """Write the body of the request shown to `path`, byte for byte. OSError on failure."""
        if self._body is not None:
            Path(path).write_bytes(self._body.data)

    def _on_save_body_button_clicked(self) -> None:
        if self._body is None:
            return
        suffix = "txt" if self._body.type is BodyType.TEXT else "json"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save body to file"),
            f"request-{self.selected() + 1}.{suffix}",
            self.tr("Body (*.{suffix});;All files (*)").format(suffix=suffix),
        )
        if path:
            try:
                self.save_body(path)
            except OSError as exc:
                self.note_label.setText(self.tr("Could not save: {why}").format(why=i18n.why(exc)))
                self.note_label.show()
