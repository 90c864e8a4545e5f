"""Compare with my device: a captured device request beside the editor's request, side by side.

The request line and headers, the bodies (normalised: JSON with sorted keys
and indented, type 5 one field per line; and as raw bytes, non-UTF-8 bytes
escaped) and the datapoints each body carries are diffed with `difflib`; a
line says in words whether the two bodies carry the same datapoints, decoded
by their `type` (shared onenet-api.md, "Body formats") whatever their bytes.
The api-key (any secret header) shows as the same mask on both sides.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from gui import i18n
from gui.i18n import translate
from gui.onenet.client import MASK
from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, FormatError
from gui.onenet.readings import PLATFORM_TZ, Readings
from gui.onenet.request_text import describe_request
from gui.sandbox.capture import SECRET_HEADERS, Exchange
from gui.ui.colours import filled, set_style
from gui.ui.screens import fit_to_screen

if TYPE_CHECKING:
    import requests

_HEAD_END = re.compile(rb"\r?\n\r?\n")
_DEVICE_PATH = re.compile(r"/devices/([^/?]+)/datapoints")
#: HtmlDiff's "next change" links column, which leads nowhere in a QTextBrowser.
_NEXT_LINKS = re.compile(r'<t[dh] class="diff_next"[^>]*>.*?</t[dh]>')
#: Datapoints named one by one in the verdict when the two bodies differ; the rest are counted.
NAMED_DIFFERENCES = 3
#: The diff's style sheet; its colours are named colours of gui.ui.colours (filled in by `_show_diff`).
_STYLE = (
    "table.diff {font-family: monospace; border: none;}"
    "td {padding: 0 4px; white-space: pre;} th {text-align: left; padding: 2px 4px; background: $header_bg;}"
    ".diff_header {color: $muted;} .diff_next {color: $muted;}"
    ".diff_add {background-color: $diff_add_bg;} .diff_chg {background-color: $diff_change_bg;}"
    ".diff_sub {background-color: $diff_remove_bg;}"
)


@dataclass(frozen=True)
class RequestSide:
    """One side of the comparison: a request's head and body as they went on the wire (secrets masked).

    ``head`` is the request line and header lines with their own line ends
    (secret header values replaced by ``MASK``), ``body`` the body bytes
    (de-chunked), ``body_type`` the ``type`` parameter's text (``"1"`` when
    absent), ``device`` the device id of the upload path (None if not one).
    """

    title: str
    head: bytes
    body: bytes
    body_type: str
    device: str | None

    @classmethod
    def of_exchange(cls, exchange: Exchange, title: str) -> RequestSide:
        """A request the sandbox captured (its head as it came, the api-key masked)."""
        match = _HEAD_END.search(exchange.raw)
        head = exchange.raw[: match.end()] if match else exchange.raw
        return cls(title, _mask_secrets(head), exchange.body, exchange.body_type or "1", exchange.device)

    @classmethod
    def of_prepared(cls, prepared: requests.PreparedRequest, title: str) -> RequestSide:
        """The editor's request (as `describe_request` gives it, with the CRLF line ends http.client sends)."""
        head = ("\r\n".join(describe_request(prepared).split("\n")) + "\r\n\r\n").encode("utf-8")
        body = prepared.body if isinstance(prepared.body, bytes) else (prepared.body or "").encode("utf-8")
        parts = urlsplit(prepared.url or "")
        body_type = parse_qs(parts.query).get("type", ["1"])[0]
        device = _DEVICE_PATH.search(parts.path)
        return cls(title, head, body, body_type, device[1] if device else None)

    def head_lines(self) -> list[str]:
        """Request line, then the headers as ``name: value`` (name in lower case, sorted by name)."""
        lines = self.head.decode("utf-8", "backslashreplace").splitlines()
        headers = []
        for line in lines[1:]:
            name, colon, value = line.partition(":")
            if colon:
                headers.append(f"{name.strip().lower()}: {value.strip()}")
            elif line:
                headers.append(line)
        return lines[:1] + sorted(headers)

    def body_lines(self) -> list[str]:
        """The body normalised: JSON sorted and indented; type 5 the separators, then one field per line."""
        text = self.body.decode("utf-8", "backslashreplace")
        if self.body_type == str(int(BodyType.TEXT)):
            if len(text) < 2 or text[0] == text[1]:
                return text.splitlines()
            sub, sep = text[0], text[1]
            return [f"separators {sub!r} {sep!r}", *text[2:].rstrip("\r\n").split(sep)]
        try:
            return json.dumps(json.loads(self.body), sort_keys=True, indent=2, ensure_ascii=False).splitlines()
        except (ValueError, RecursionError):
            return text.splitlines()

    def readings(self) -> Readings:
        """The body's datapoints; ValueError (in words) when its type is unknown or it does not decode."""
        try:
            body_type = BodyType(int(self.body_type))
        except ValueError:
            raise ValueError(
                translate("CompareDialog", "type {type!r} is not a body type").format(type=self.body_type)
            ) from None
        try:
            return decode(self.body, body_type)
        except (FormatError, RecursionError) as exc:
            raise ValueError(
                translate("CompareDialog", "its type {type} body does not decode: {why}").format(
                    type=self.body_type, why=i18n.why(exc)
                )
            ) from exc


def _mask_secrets(head: bytes) -> bytes:
    out = []
    for line in head.splitlines(keepends=True):
        name, colon, value = line.partition(b":")
        if colon and name.strip().lower() in SECRET_HEADERS:
            space = b" " if value.startswith(b" ") else b""
            ending = line[len(line.rstrip(b"\r\n")) :]
            line = name + colon + space + MASK.encode("utf-8") + ending
        out.append(line)
    return b"".join(out)


def escaped_lines(data: bytes) -> list[str]:
    """Bytes as text lines: non-UTF-8 bytes as ``\\xNN``, CR shown as ``\\r`` and LF as ``\\n`` at the line end."""
    text = data.decode("utf-8", "backslashreplace").replace("\r", "\\r")
    return [line.replace("\n", "\\n") for line in text.splitlines(keepends=True)] if text else []


def _point_key(stream: str, value: object, at: datetime | None) -> tuple[str, str, datetime | None]:
    return stream, json.dumps(value, sort_keys=True, ensure_ascii=False), at


def datapoint_lines(readings: Readings) -> list[str]:
    """One line per datapoint, ``stream  at (UTC+8)  value``, sorted: the same readings give the same lines."""
    lines = []
    for stream, point in readings.pairs():
        at = (
            point.at.astimezone(PLATFORM_TZ).isoformat()
            if point.at is not None
            else translate("CompareDialog", "(no at)")
        )
        lines.append(f"{stream}  {at}  {json.dumps(point.value, sort_keys=True, ensure_ascii=False)}")
    return sorted(lines)


def datapoints_verdict(device: RequestSide, editor: RequestSide) -> tuple[bool | None, str]:
    """Whether the two bodies carry the same datapoints (True/False; None when one does not decode), in words."""
    try:
        ours = device.readings()
    except ValueError as exc:
        return None, translate("CompareDialog", "The device's body cannot be compared: {why}.").format(
            why=i18n.why(exc)
        )
    try:
        theirs = editor.readings()
    except ValueError as exc:
        return None, translate("CompareDialog", "The editor's body cannot be compared: {why}.").format(
            why=i18n.why(exc)
        )
    left = Counter(_point_key(s, p.value, p.at) for s, p in ours.pairs())
    right = Counter(_point_key(s, p.value, p.at) for s, p in theirs.pairs())
    where = ""
    if device.device != editor.device:
        where = f" (but to different devices: {device.device} and {editor.device})"
    if device.device != editor.device:
        where = translate("CompareDialog", " (but to different devices: {device} and {editor})").format(
            device=device.device, editor=editor.device
        )
    if left == right:
        if device.body == editor.body:
            text = translate("CompareDialog", "Both bodies carry the same {points}{where}, byte for byte the same.")
        else:
            text = translate(
                "CompareDialog",
                "Both bodies carry the same {points}{where}; their bytes differ (type {a} and type {b}).",
            )
        return True, text.format(points=i18n.datapoints(len(ours)), where=where, a=device.body_type, b=editor.body_type)
    only = []
    for label, extra in (
        (translate("CompareDialog", "only the device's"), left - right),
        (translate("CompareDialog", "only the editor's"), right - left),
    ):
        points = sorted(extra.elements(), key=repr)
        if points:
            named = ", ".join(_named(p) for p in points[:NAMED_DIFFERENCES])
            if len(points) > NAMED_DIFFERENCES:
                named += translate("CompareDialog", " and {n} more").format(n=len(points) - NAMED_DIFFERENCES)
            only.append(f"{label}: {named}")
    return False, translate("CompareDialog", "The bodies carry different datapoints{where}: {only}.").format(
        where=where, only="; ".join(only)
    )


def _named(key: tuple[str, str, datetime | None]) -> str:
    stream, value, at = key
    if at is None:
        return translate("CompareDialog", "{stream} = {value} without at").format(stream=stream, value=value)
    return translate("CompareDialog", "{stream} = {value} at {at}").format(
        stream=stream, value=value, at=at.astimezone(PLATFORM_TZ).isoformat()
    )


class CompareDialog(QDialog):
    """The device's request (left) beside the editor's (right): `verdict_label`, then `tabs`.

    Tab "Normalised": `normalised_view` diffs the heads (headers by name, in
    lower case), the bodies (sorted, indented JSON; type 5 one field per line)
    and the datapoints. Tab "Raw bytes": `raw_view` diffs the heads and
    bodies as sent (CR/LF shown, non-UTF-8 bytes escaped). `same` is True,
    False, or None when a body does not decode.
    """

    def __init__(self, device: RequestSide, editor: RequestSide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with the editor's request"))
        self.same, verdict = datapoints_verdict(device, editor)
        self.verdict_label = QLabel(verdict)
        self.verdict_label.setWordWrap(True)
        colour = {True: "ok", False: "error", None: "warning"}[self.same]
        set_style(self.verdict_label, f"color: ${colour}; font-weight: bold;")
        datapoints: tuple[list[str], list[str]] = ([], [])
        if self.same is not None:
            datapoints = (datapoint_lines(device.readings()), datapoint_lines(editor.readings()))
        self.normalised_view = self._view(
            device,
            editor,
            [
                (self.tr("Request line and headers"), device.head_lines(), editor.head_lines()),
                (self.tr("Body"), device.body_lines(), editor.body_lines()),
                (self.tr("Datapoints (stream, at in UTC+8, value)"), *datapoints),
            ],
        )
        self.raw_view = self._view(
            device,
            editor,
            [
                (self.tr("Request line and headers"), escaped_lines(device.head), escaped_lines(editor.head)),
                (self.tr("Body"), escaped_lines(device.body), escaped_lines(editor.body)),
            ],
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.normalised_view, self.tr("Normalised"))
        self.tabs.addTab(self.raw_view, self.tr("Raw bytes"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(1100, 650))

    def _view(
        self, device: RequestSide, editor: RequestSide, parts: list[tuple[str, list[str], list[str]]]
    ) -> QTextBrowser:
        differ = difflib.HtmlDiff(tabsize=4)
        html = []
        for title, left, right in parts:
            html.append(f"<h4>{title}</h4>")
            table = _NEXT_LINKS.sub("", differ.make_table(left, right, device.title, editor.title))
            html.append(table.replace('<table class="diff"', '<table class="diff" width="100%"', 1))
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.setProperty("diffHtml", "".join(html))
        self._show_diff(view)
        return view

    def _show_diff(self, view: QTextBrowser) -> None:
        """The diff's HTML, with the style sheet of the colour scheme in force."""
        view.document().setDefaultStyleSheet(filled(_STYLE))
        view.setHtml(str(view.property("diffHtml")))

    def recolour(self) -> None:
        """The colour scheme changed (see gui.ui.colours.Theme): both diffs again, in its colours."""
        for view in (self.normalised_view, self.raw_view):
            self._show_diff(view)

    def text(self) -> str:
        """What both tabs show, as plain text (for tests and copying)."""
        return self.normalised_view.toPlainText() + "\n" + self.raw_view.toPlainText()
