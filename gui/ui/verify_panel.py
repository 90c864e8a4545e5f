"""Verify on the platform: read sent datapoints back on a worker and show each one's outcome with counts."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.onenet.client import OneNetClient
from gui.onenet.readings import PLATFORM_TZ, Readings, format_value
from gui.onenet.thing_client import ThingClient
from gui.onenet.verify import Check, Outcome, Progress, VerifyReport, verify
from gui.ui.colours import brush, set_style
from gui.ui.tables import row_table
from gui.ui.workers import Task, Worker

_Index = QModelIndex | QPersistentModelIndex
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_COLOURS = {
    Outcome.FOUND: "ok",
    Outcome.MISSING: "error",
    Outcome.DIFFERENT: "error",
    Outcome.OVERWRITTEN: "muted",
    Outcome.UNVERIFIABLE: "warning",
}


class VerifyModel(QAbstractTableModel):
    """One row per sent datapoint: datastream, at, sent value, platform value, outcome, note."""

    STREAM, AT, SENT, PLATFORM, OUTCOME, NOTE = range(6)
    #: Custom roles: the Check of a row, and its Outcome.
    CheckRole = Qt.ItemDataRole.UserRole + 1
    OutcomeRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: list[Check] = []
        self._tz: tzinfo = PLATFORM_TZ
        self._tz_name = "UTC+8"

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._checks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 6:
            return None
        return [
            self.tr("Datastream"),
            self.tr("at ({zone})").format(zone=self._tz_name),
            self.tr("Sent"),
            self.tr("On the platform"),
            self.tr("Outcome"),
            self.tr("Note"),
        ][section]

    def outcome_text(self, outcome: Outcome) -> str:
        """The translated name of an outcome."""
        return {
            Outcome.FOUND: self.tr("found"),
            Outcome.MISSING: self.tr("missing"),
            Outcome.DIFFERENT: self.tr("different"),
            Outcome.OVERWRITTEN: self.tr("overwritten"),
            Outcome.UNVERIFIABLE: self.tr("unverifiable"),
        }[outcome]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._checks):
            return None
        check = self._checks[index.row()]
        column = index.column()
        if role == self.CheckRole:
            return check
        if role == self.OutcomeRole:
            return check.outcome.value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STREAM:
                return check.stream_id
            if column == self.AT:
                return check.at.astimezone(self._tz).strftime(_TIME_FORMAT) if check.at else self.tr("(no at)")
            if column == self.SENT:
                return format_value(check.sent)
            if column == self.PLATFORM:
                return format_value(check.platform) if check.platform is not None else "–"
            if column == self.OUTCOME:
                return self.outcome_text(check.outcome)
            if column == self.NOTE:
                return i18n.render(check.note) if check.note is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and check.note is not None:
            return i18n.render(check.note)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME:
            return brush(_COLOURS[check.outcome])
        return None

    def set_report(self, report: VerifyReport | None) -> None:
        """Show a report's checks (None: empty)."""
        self.beginResetModel()
        self._checks = list(report.checks) if report is not None else []
        self.endResetModel()

    def set_time_zone(self, tz: tzinfo, name: str) -> None:
        """Show `at` in `tz` (named `name` in the header)."""
        self._tz, self._tz_name = tz, name
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.AT, self.AT)
        if self._checks:
            self.dataChanged.emit(self.index(0, self.AT), self.index(len(self._checks) - 1, self.AT))


class VerifyPanel(QWidget):
    """Runs a verification on a worker with progress and Cancel, and shows the checks with counts.

    `verifyRequested` is emitted by the panel's button (the window knows
    the connection and what was sent and calls :meth:`start`); `progressed`
    carries each Progress; `finished` carries the VerifyReport, or None
    after an error or Cancel.
    """

    verifyRequested = Signal()
    progressed = Signal(object)  # a gui.onenet.verify.Progress, after the panel showed it
    finished = Signal(object)

    def __init__(self, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The outcome shown, for `finished` once the run has ended (the panel can start again only then).
        self._ended: tuple[VerifyReport | None] | None = None
        self.pool = pool
        self.task = Task(pool, self)  # the verification the panel waits for
        self.report: VerifyReport | None = None
        self.model = VerifyModel(self)
        self.proxy = QSortFilterProxyModel(self)  # "only missing and different" filters on OutcomeRole
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(VerifyModel.OutcomeRole)

        self.run_button = QPushButton(self.tr("&Verify on platform"))
        self.run_button.setToolTip(
            self.tr("Read the sent datapoints back from the platform and compare them with what was sent")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.only_problems_check = QCheckBox(self.tr("Only &missing and different"))
        self.summary_label = QLabel(self.tr("Send datapoints, then verify that the platform stored them."))
        self.summary_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        set_style(self.counts_label, "color: $muted;")
        self.table = row_table(self.proxy, (100, 140, 90, 110, 90))

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.only_problems_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)

        self.run_button.clicked.connect(self.verifyRequested)
        self.cancel_button.clicked.connect(self.cancel)
        self.only_problems_check.toggled.connect(self._on_only_problems_check_toggled)

    @property
    def is_running(self) -> bool:
        """True while a verification runs."""
        return self.task.is_busy

    def start(self, client: OneNetClient | ThingClient, readings: Readings) -> bool:
        """Verify `readings` (what was sent, in send order) on a worker; False if one already runs.

        A `ThingClient` (the current platform) reads back with `verify_thing`, values compared as
        the product's thing model types them (read first; without it, as they were sent).
        """
        if self.task.is_busy:
            return False
        self.report = None
        self.model.set_report(None)
        self.counts_label.clear()

        def work(cancelled: Any) -> VerifyReport:
            if isinstance(client, ThingClient):
                from gui.onenet.thing_verify import verify_thing

                return verify_thing(
                    client, readings, client.query_thing_model(), cancelled=cancelled, progress=worker.report
                )
            return verify(client, readings, cancelled=cancelled, progress=worker.report)

        worker = Worker(work)
        self.task.start(
            worker,
            progress=self._on_worker_progress,
            result=self._on_worker_result,
            error=self._on_worker_error,
            finished=self._on_worker_finished,
        )
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self._show_summary(
            self.tr("Reading %Ln datapoint(s) back from {url}…", "", len(readings)).format(url=client.url), "muted"
        )
        return True

    def cancel(self) -> None:
        """Stop the verification; nothing is compared."""
        if not self.task.cancel():
            return
        self._set_busy(False)
        self._show_summary(self.tr("Verification cancelled: nothing was compared."), "warning")
        self._ended = None
        self.finished.emit(None)

    def set_time_zone(self, tz: tzinfo, name: str) -> None:
        """Show `at` in the user's display zone."""
        self.model.set_time_zone(tz, name)

    def clear(self) -> None:
        """Forget the results (the table they were read for was cleared); a running verification is cancelled."""
        self.task.cancel()
        self._set_busy(False)
        self.report = None
        self.model.set_report(None)
        self.counts_label.clear()
        self._show_summary(self.tr("Send datapoints, then verify that the platform stored them."), "muted")

    def show_message(self, text: str, error: bool = True) -> None:
        """A sentence in the summary line (e.g. why a verification cannot start)."""
        self._show_summary(text, "error" if error else "muted")

    def _show_summary(self, text: str, colour: str) -> None:
        """`text` in the summary line, in a named colour (gui.ui.colours)."""
        self.summary_label.setText(text)
        set_style(self.summary_label, f"color: ${colour}; font-weight: bold;")

    def _set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)

    def _on_worker_progress(self, progress: Progress, current: bool) -> None:
        if not current:
            return
        self.progress.setRange(0, max(1, progress.streams_total))
        self.progress.setValue(progress.streams_done)
        self.progress.setFormat(f"{progress.streams_done}/{progress.streams_total}")
        self.counts_label.setText(
            self.tr("Reading {stream!r}: %Ln datapoint(s) read back in {requests}", "", progress.read_back).format(
                stream=progress.stream_id, requests=i18n.requests(progress.requests)
            )
        )
        self.progressed.emit(progress)

    def _on_worker_result(self, report: VerifyReport) -> None:
        self.report = report
        self.model.set_report(report)
        c = report.counts
        checkable = c[Outcome.FOUND] + c[Outcome.MISSING] + c[Outcome.DIFFERENT]
        if not report.ok:
            self._show_summary(
                self.tr(
                    "✘ {missing} missing and {different} different of %Ln checkable datapoint(s).", "", checkable
                ).format(missing=c[Outcome.MISSING], different=c[Outcome.DIFFERENT]),
                "error",
            )
        elif checkable:
            self._show_summary(
                self.tr("✔ All %Ln checkable datapoint(s) are on the platform as sent.", "", checkable), "ok"
            )
        else:
            self._show_summary(self.tr("Nothing could be checked: no sent datapoint has an at."), "warning")
        self.counts_label.setText(
            self.tr(
                "found {found} · missing {missing} · different {different} · overwritten {overwritten} "
                "(a later one had the same at) · unverifiable {unverifiable} (sent without at) — "
                "{read} datapoints read back in {requests} requests"
            ).format(
                found=c[Outcome.FOUND],
                missing=c[Outcome.MISSING],
                different=c[Outcome.DIFFERENT],
                overwritten=c[Outcome.OVERWRITTEN],
                unverifiable=c[Outcome.UNVERIFIABLE],
                read=report.read_back,
                requests=report.requests,
            )
        )
        self._ended = (report,)

    def _on_worker_error(self, exc: Exception) -> None:
        self._show_summary(self.tr("✘ Could not read the platform back: {why}").format(why=i18n.why(exc)), "error")
        self._ended = (None,)

    def _on_worker_finished(self, current: bool) -> None:
        if current:
            self._set_busy(False)
            ended, self._ended = self._ended, None
            if ended is not None:
                self.finished.emit(ended[0])

    def _on_only_problems_check_toggled(self, on: bool) -> None:
        problems = "|".join(o.value for o in Outcome if o.is_problem)
        self.proxy.setFilterRegularExpression(f"^({problems})$" if on else "")
