"""The Response tab: how the last send ended, in words, and the platform's answer as it came."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QWidget

from gui.i18n import render, translate
from gui.onenet.client import PlatformResponse, answer_message
from gui.ui.colours import set_style


class ResponsePanel(QWidget):
    """`outcome_label` (the summary), errno, error, HTTP status, latency, headers, the raw answer, `verify_button`.

    While a send runs (`show_sending`) nothing of the previous send is shown as current.
    """

    def __init__(self, verify_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome_label = QLabel(self.tr("Nothing sent yet."))
        self.outcome_label.setWordWrap(True)
        self.errno_label = QLabel("–")
        self.error_label = QLabel("–")
        self.http_label = QLabel("–")
        self.latency_label = QLabel("–")
        for field in (self.errno_label, self.error_label, self.http_label, self.latency_label):
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw_response = QPlainTextEdit(readOnly=True)
        self.raw_response.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.headers_text = QPlainTextEdit(readOnly=True)  # the answer's headers, one `Name: value` a line
        self.headers_text.setFont(self.raw_response.font())
        self.headers_text.setPlaceholderText(self.tr("The answer's headers"))
        answer = QSplitter(Qt.Orientation.Horizontal)  # beside the body: no taller than the tab was
        answer.addWidget(self.raw_response)
        answer.addWidget(self.headers_text)
        answer.setStretchFactor(0, 3)
        answer.setStretchFactor(1, 2)
        form = QFormLayout(self)
        form.addRow(self.outcome_label)
        form.addRow(self.tr("errno:"), self.errno_label)
        form.addRow(self.tr("error:"), self.error_label)
        form.addRow(self.tr("HTTP status:"), self.http_label)
        form.addRow(self.tr("Latency:"), self.latency_label)
        form.addRow(self.tr("Raw response:"), answer)
        self.verify_button = QPushButton(self.tr("&Verify on platform"))
        self.verify_button.setToolTip(verify_action.toolTip())
        form.addRow("", self.verify_button)

    def show_response(
        self, response: PlatformResponse | None, exc: Exception | None, summary: str, kept: str | None = None
    ) -> str:
        """Show how a send ended: `summary` first, then (on failure) the platform's hint and `kept`; returns the text.

        `kept` says where the datapoints not stored are; None: the general sentence, "": nothing.
        """
        outcome = summary
        if exc is not None:
            if response is not None and response.hint:
                outcome += "\n" + translate("client", response.hint)  # marked in ERRNO_HINTS
            if kept is None:
                kept = self.tr("The datapoints not stored are kept in the table, marked 'failed' or 'not sent'.")
            if kept:
                outcome += "\n" + kept
        colour = "ok" if exc is None else "error"
        self.outcome_label.setText(outcome)
        set_style(self.outcome_label, f"color: ${colour}; font-weight: bold;")
        errno = "–" if response is None else str(response.errno)
        if response is not None and response.errno is None:  # not the platform's answer: say whose (as the CLI)
            errno = "– (" + render(answer_message(response)) + ")"
        self.errno_label.setText(errno)
        self.error_label.setText(response.error if response and response.error is not None else "–")
        self.http_label.setText(str(response.http_status) if response else self.tr("no answer"))
        self.latency_label.setText(self.tr("{ms:.0f} ms").format(ms=response.latency_s * 1000) if response else "–")
        self.headers_text.setPlainText(headers_text(response))
        self.raw_response.setPlainText(response.text if response else str(exc))
        return outcome

    def show_sending(self, text: str) -> None:
        """A send started (or waits to retry): say `text`; the previous answer is cleared, never shown as current."""
        self.outcome_label.setText(text)
        set_style(self.outcome_label, "color: $note; font-weight: bold;")
        for label in (self.errno_label, self.error_label, self.http_label, self.latency_label):
            label.setText("–")
        self.headers_text.clear()
        self.raw_response.clear()


def headers_text(response: PlatformResponse | None) -> str:
    """The answer's headers as `Name: value` lines ("" without an answer); secrets are masked by the client."""
    if response is None:
        return ""
    return "\n".join(f"{name}: {value}" for name, value in response.headers.items())
