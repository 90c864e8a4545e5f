"""The Response tab: how the last send ended, in words, and the platform's answer as it came."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from gui.i18n import translate
from gui.onenet.client import PlatformResponse


class ResponsePanel(QWidget):
    """`outcome_label` (the summary), errno, error, HTTP status, latency, the raw answer, and `verify_button`."""

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
        form = QFormLayout(self)
        form.addRow(self.outcome_label)
        form.addRow(self.tr("errno:"), self.errno_label)
        form.addRow(self.tr("error:"), self.error_label)
        form.addRow(self.tr("HTTP status:"), self.http_label)
        form.addRow(self.tr("Latency:"), self.latency_label)
        form.addRow(self.tr("Raw response:"), self.raw_response)
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
        colour = "#1b7f3b" if exc is None else "#b00020"
        self.outcome_label.setText(outcome)
        self.outcome_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.errno_label.setText(str(response.errno) if response and response.errno is not None else "–")
        self.error_label.setText(response.error if response and response.error is not None else "–")
        self.http_label.setText(str(response.http_status) if response else self.tr("no answer"))
        self.latency_label.setText(self.tr("{ms:.0f} ms").format(ms=response.latency_s * 1000) if response else "–")
        self.raw_response.setPlainText(response.text if response else str(exc))
        return outcome
