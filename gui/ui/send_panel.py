"""The Preview box: the request options, the exact requests Send would send, the confirm bar and the send row."""

from __future__ import annotations

from datetime import tzinfo
from itertools import islice

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.onenet.formats import BodyType
from gui.onenet.readings import format_at
from gui.onenet.thing_client import UploadClient
from gui.ui.colours import set_style
from gui.ui.datapoints_model import DISPLAY_FORMAT, DatapointsModel
from gui.ui.outgoing import Outgoing
from gui.ui.preview import PreviewPanel, RequestOptionsBar, human_bytes

#: Datapoints the preview's note on the zone of `at` looks through for an example `at`.
AT_NOTE_SCAN = 10_000


class PreviewSendPanel(QGroupBox):
    """What will be sent and the buttons to send it.

    `options_bar` (type, separators, limits), `preview` (request by request,
    headers and body), `confirm_bar` (asks before a send with warnings),
    `summary_label`, `progress` ("request k of n"), `cancel_button` and
    `send_button`. It shows what the send controller tells it; it decides nothing.
    """

    def __init__(self, send_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preview: what will be sent"), parent)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.options_bar = RequestOptionsBar()
        self.preview = PreviewPanel()

        # The "Send anyway?" question floats just under this box (`float_confirm_bar_over`: over the top of the
        # result tabs) and takes no place in any layout: in the layout it squeezed the body preview to a line or
        # two and grew the window past a 1366x768 screen's 728 px (past 700 px at 1024x700).
        self.confirm_bar = QFrame(self)
        self.confirm_bar.setObjectName("confirm_bar")
        self.confirm_bar.setProperty("overlay", True)  # over its siblings by design (the layout checks know)
        set_style(self.confirm_bar, "QFrame#confirm_bar { background: $attention_bg; border: 1px solid $note; }")
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.send_anyway_button = QPushButton(self.tr("Send a&nyway"))
        self.dont_send_button = QPushButton(self.tr("Don't send"))
        confirm_layout = QHBoxLayout(self.confirm_bar)
        confirm_layout.addWidget(self.confirm_label, 1)
        confirm_layout.addWidget(self.send_anyway_button)
        confirm_layout.addWidget(self.dont_send_button)
        self.confirm_bar.hide()

        self.send_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp), self.tr("Send"))
        self.send_button.setToolTip(send_action.toolTip())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self._word_progress()
        self.progress.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(self.summary_label, 1)
        send_row.addWidget(self.progress)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.options_bar)
        layout.addWidget(self.preview, 1)
        layout.addLayout(send_row)
        self.dont_send_button.clicked.connect(self.confirm_bar.hide)
        self._bar_host: QWidget = self
        self.installEventFilter(self)
        self.confirm_bar.installEventFilter(self)

    def float_confirm_bar_over(self, host: QWidget) -> None:
        """Show the "Send anyway?" bar over `host` (an ancestor), its full width, just under this box.

        The window gives its right column: while the bar asks it covers the
        top of the result tabs, under the Send button; the body preview keeps
        its room and nothing is laid out again. Without a host the bar covers
        the bottom of this box.
        """
        self._bar_host.removeEventFilter(self)
        self._bar_host = host
        self.confirm_bar.setParent(host)
        self.confirm_bar.hide()
        host.installEventFilter(self)
        self._place_confirm_bar()

    def _place_confirm_bar(self) -> None:
        bar, host = self.confirm_bar, self._bar_host
        width = host.width()
        height = max(bar.heightForWidth(width) if bar.hasHeightForWidth() else 0, bar.minimumSizeHint().height())
        below = self.mapTo(host, QPoint(0, self.height())).y() if host is not self else host.height()
        bar.setGeometry(0, max(0, min(below, host.height() - height)), width, height)
        bar.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        moved = watched in (self, self._bar_host) and kind in (QEvent.Type.Resize, QEvent.Type.Move)
        if moved or (watched is self.confirm_bar and kind in (QEvent.Type.Show, QEvent.Type.LayoutRequest)):
            self._place_confirm_bar()
        return super().eventFilter(watched, event)

    def _word_progress(self) -> None:
        """The progress bar's "request k of n" in the language in use, wide enough for it whole at any count
        (tester fresh5: "request 19 of" over "81" at 1366x768)."""
        self.progress.setFormat(self.tr("request %v of %m"))
        widest = self.progress.format().replace("%v", "88888").replace("%m", "88888")
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance(widest) + 24)
        self.progress.setMaximumWidth(max(180, self.progress.minimumWidth()))

    def retranslate(self) -> None:
        """The progress bar's words in the language now in use (the window retranslates the static texts)."""
        self._word_progress()

    def show_message(self, text: str) -> None:
        """No plan to show: `text` in the preview and the summary line."""
        self.preview.show_message(text)
        self.summary_label.setText(text)

    def ask(self, question: str, button: str) -> None:
        """Show the confirm bar with `question`; `button` is the text of its Send anyway button."""
        self.confirm_label.setText(question)
        self.send_anyway_button.setText(button)
        self.confirm_bar.show()
        self.send_anyway_button.setFocus()

    def show_outgoing(
        self,
        out: Outgoing,
        client: UploadClient | None,
        client_problem: str,
        reveal: bool,
        display_tz: tzinfo,
        zone_name: str,
    ) -> str:
        """Show the upload Send would make; returns why nothing can be sent ("" when something can)."""
        self.options_bar.set_carry(out.carry)
        body_type = out.options.body_type
        if not out.rows and out.held_back:
            problem = self.tr(
                "%Ln datapoint(s) got no clear answer and have no at: sending them again may store them twice. "
                "Press Send to choose.",
                "",
                len(out.held_back),
            )
        elif not out.rows and len(out.elsewhere_targets) == 1:  # the table may show no Target column then
            problem = self.tr(
                "Nothing to send to this target: %Ln datapoint(s) wait for their target, {target}. Each is sent "
                "only to its own target: switch the connection to theirs to send them.",
                "",
                out.elsewhere,
            ).format(target=DatapointsModel.target_text(out.elsewhere_targets[0]))
        elif not out.rows and out.elsewhere:  # rows of several targets: the table shows its Target column
            problem = self.tr(
                "Nothing to send to this target: %Ln datapoint(s) wait for {targets} other targets (Target column). "
                "Each is sent only to its own target: switch the connection to theirs to send them.",
                "",
                out.elsewhere,
            ).format(targets=len(out.elsewhere_targets))
        elif not out.rows and out.snapshot:
            problem = self.tr(
                "Nothing to send: every datapoint in the table is sent (or being sent). Add datapoints, or mark "
                "them unsent (Edit menu) to send them again."
            )
        elif not out.rows:
            problem = self.tr("Nothing to send: add datapoints first.")
        elif out.plan is None and out.thing:
            problem = self.tr("Nothing can be sent yet: {why}").format(why=out.problem)
        elif out.plan is None:
            problem = self.tr("Type {type} cannot be sent: {why}").format(type=int(body_type), why=out.problem)
        else:
            problem = ""
        if out.plan is None:
            self.show_message(problem)
        else:
            self.preview.show_plan(out.plan, client, client_problem, reveal)
            plan = out.plan
            summary = self.tr("{points} in {streams} · {size} in {n} · {format}").format(
                points=i18n.datapoints(len(out.readings)),
                streams=i18n.datastreams(len(out.readings.datastreams)),
                size=human_bytes(plan.total_bytes),
                n=i18n.requests(len(plan)),
                format=self.tr("OneJSON (thing model)") if out.thing else self.tr("type {n}").format(n=int(body_type)),
            )
            self.preview.set_at_note(self._at_note(out, display_tz, zone_name))
            if plan.warnings:
                summary += "\n⚠ " + i18n.render(plan.warnings[0])
            if out.held_back:
                summary += "\n" + self.tr(
                    "%Ln datapoint(s) with an unknown outcome and no at are held back.", "", len(out.held_back)
                )
            if out.elsewhere:
                summary += "\n" + self.tr(
                    "%Ln datapoint(s) wait for other targets and are not sent now.", "", out.elsewhere
                )
            self.summary_label.setText(summary)
        self.confirm_bar.hide()
        return problem if not out.rows and not out.held_back else ""

    def _at_note(self, out: Outgoing, display_tz: tzinfo, zone_name: str) -> str:
        """The preview's note on the zone of the body's `at` (platform time, UTC+8), with the first `at` as example.

        The table shows `at` in the user's zone, the body in UTC+8 (shared onenet-api.md,
        "Timestamps"): the same instant may be another hour, even another date. "" when the
        body carries no `at` (type 3, or no datapoint of the first AT_NOTE_SCAN has one).
        """
        if out.options.body_type is BodyType.SIMPLE_JSON:
            return ""
        first = next((p.at for _, p in islice(out.readings.pairs(), AT_NOTE_SCAN) if p.at is not None), None)
        if first is None:
            return ""
        try:
            sent = format_at(first)
        except (OverflowError, ValueError):
            return ""
        shown = first.astimezone(display_tz).strftime(DISPLAY_FORMAT)
        if shown == sent.replace("T", " "):
            return self.tr("at in the body is platform time (UTC+8), as the table shows it.")
        return self.tr("at in the body is platform time (UTC+8): {shown} in {zone} is sent as {sent}.").format(
            shown=shown, zone=zone_name, sent=sent
        )
