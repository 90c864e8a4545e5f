"""The send controller: plans the preview, sends it, and prunes old history, each on the window's thread pool.

It owns the work and the state of a send (which plan is current, whether a
send runs, what the user confirmed); the panels only show what it tells them.
Progress of a send is read from the outbox and coalesced on the sending
thread (`gui.ui.send_worker.SendWorker`), so the GUI thread applies one bulk
change to the table at most ten times a second, however many requests finish meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction

from gui import i18n
from gui.data.store import Store
from gui.data.target import Platform, Target
from gui.onenet.client import DEFAULT_TIMEOUT_S, ConfigError, answer_message
from gui.onenet.readings import Readings
from gui.onenet.thing_client import ThingClient
from gui.onenet.thingmodel import ThingModel
from gui.text import sentence
from gui.ui.connection_panel import ConnectionPanel
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.editor import DatapointEditor
from gui.ui.outgoing import Outgoing, compute_outgoing
from gui.ui.response_panel import ResponsePanel
from gui.ui.result_tabs import LazyTab
from gui.ui.rows import Row, RowStatus
from gui.ui.send_panel import PreviewSendPanel
from gui.ui.send_worker import SendProgress, SendReport, _load_pipeline, _SendJob, upload_worker
from gui.ui.settings import Settings
from gui.ui.workers import Task

if TYPE_CHECKING:  # the pipeline (and requests) is imported by the first send, not at start-up
    from gui.data.pipeline import RetryPolicy
    from gui.data.send_results import RequestResult
    from gui.ui.plot import PlotPanel
    from gui.ui.send_messages import SendOutcome

log = logging.getLogger(__name__)

#: Up to this many table rows the preview is computed at once on the GUI thread (a few tens of ms);
#: above, on a worker, while the preview says "computing…".
SYNC_PLAN_ROWS = 20_000
#: Datapoints added to the plot after a send at most (the plot sorts every series in Python).
MAX_PLOTTED_POINTS = 100_000
#: Datapoints of a send the plot is redrawn for at once even while hidden (a bigger send: when it is shown).
PLOT_AT_ONCE = 20_000


def _reason(result: RequestResult) -> str:
    """Why a request ended as it did, in the user's language (its Message), else as the pipeline said it."""
    return i18n.render(result.text) if result.text is not None else result.message


class SendController(QObject):
    """Plans the preview, sends it, and prunes old history; the window's panels show what it says.

    Sends run `gui.data.pipeline.Pipeline` on a worker with `retry_policy` and
    clients of `client_timeout` seconds. At start-up the history older than the
    "keep history" setting (`Settings.history_days`) is pruned once, on a worker
    (`Store.prune`: never rows not sent yet, failed or unknown).
    """

    sendFinished = Signal(bool)  # emitted after every send attempt, once no send runs: True on errno 0
    message = Signal(str, bool)  # for the status bar: text, error
    historyPruned = Signal()

    def __init__(
        self,
        *,
        model: DatapointsModel,
        store: Store,
        settings: Settings,
        connection: ConnectionPanel,
        editor: DatapointEditor,
        panel: PreviewSendPanel,
        response: ResponsePanel,
        plot: LazyTab[PlotPanel],
        send_action: QAction,
        cancel_action: QAction,
        pool: QThreadPool,
        retry_policy: RetryPolicy | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.store = store
        self.settings = settings
        self.connection = connection
        self.editor = editor
        self.panel = panel
        self.response = response
        self.plot = plot
        self.send_action = send_action
        self.cancel_action = cancel_action
        self.retry_policy = retry_policy  # None: the default `RetryPolicy()`, made on the send's worker
        self.client_timeout = 0.0  # seconds; set by the window (bounds how long Cancel takes)
        self.sending = Task(pool, self)  # the send the window waits for
        self.planning = Task(pool, self)  # computing the preview of a big upload
        self.pruning = Task(pool, self)  # forgetting old history at start-up
        self.modelling = Task(pool, self)  # reading a current-platform product's thing model
        #: (product target, access key, URL) -> the thing model read, or why it could not be
        self._thing_model: tuple[tuple[str, str, str], ThingModel | None, str] | None = None
        self._thing_model_reading: tuple[str, str, str] | None = None
        self._allow_duplicates = False  # the user chose "send anyway (may duplicate)" for this send
        self._last_outcome: Callable[[], SendOutcome] | None = None  # the last send's words, made again
        self._last_sent_again: Callable[[], None] | None = None  # "Last sent" shown again (retranslate)
        self._ended: bool | None = None  # the running send's outcome is shown: sendFinished(ok) when its run ends
        self._confirming_duplicates = False  # the confirm bar asks about duplicates (not warnings)
        self._outgoing: Outgoing | None = None
        self._plan_generation = 0  # bumped on every change of the rows or request options
        self._plan_worker_generation = -1
        self._send_requested = False  # Send was pressed while the plan was being computed
        self._nothing_to_send = ""  # why Send is disabled when no row waits to be sent ("" when some do)
        self.preview_timer = QTimer(self, singleShot=True, interval=80)
        self.preview_timer.timeout.connect(self.refresh_preview)

        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._on_rows_changed)
        connection.changed.connect(self._on_rows_changed)  # the target decides which rows go
        panel.options_bar.changed.connect(self._on_options_bar_changed)
        panel.send_button.clicked.connect(self.send)
        panel.send_anyway_button.clicked.connect(self._on_send_anyway_clicked)
        panel.cancel_button.clicked.connect(self.cancel_send)
        send_action.triggered.connect(self.send)
        cancel_action.triggered.connect(self.cancel_send)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.emit(text, error)

    @property
    def is_working(self) -> bool:
        """True while any plan, send or prune, a cancelled one too, is still on the pool."""
        return any(task.is_running for task in (self.planning, self.sending, self.pruning))

    # --- preview -------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self.preview_timer.start()

    def _on_rows_changed(self) -> None:
        self._plan_generation += 1
        self._set_nothing_to_send("")  # until the preview says otherwise: Send plans afresh anyway
        self.schedule_preview()

    def _on_options_bar_changed(self) -> None:
        options = self.panel.options_bar.options()
        self.settings.body_type = int(options.body_type)
        self.settings.separators = options.separators or ""
        self.settings.max_points = options.max_points
        self.settings.max_bytes = options.max_bytes
        self._on_rows_changed()

    def outgoing(self) -> Outgoing:
        """The upload Send would make now, computed at once: unsent rows, validated, planned into requests."""
        options = self.panel.options_bar.options()
        target = self.connection.current_target()
        model, note, pending = self._thing_checks(target)
        out = compute_outgoing(
            self.model.rows(),
            options,
            allow_duplicates=self._allow_duplicates,
            target=target,
            thing_model=model,
            thing_note=note,
            thing_pending=pending,
        )
        out.generation = self._plan_generation
        return out

    def _thing_checks(self, target: Target | None) -> tuple[ThingModel | None, str, str]:
        """For a current-platform target: `(thing model, why there is none, what is pending)`.

        The model is read (on a worker) when the product access key is given, once per
        product, key and URL; until it is, the plan waits ("pending"). Without the key, or
        when it cannot be read, the checks that need it are skipped and the note says so.
        """
        if target is None or target.platform is not Platform.THING:
            return None, "", ""
        access = self.connection.access_key
        if not access:
            return (
                None,
                self.tr(
                    "No product access key is given: the thing model is not read, so property identifiers and "
                    "value types are not checked before sending (the platform still refuses what its model does not "
                    "allow)."
                ),
                "",
            )
        try:
            url = self.connection.app_endpoint
        except ConfigError as exc:
            return None, str(exc), ""
        key = (target.product_id, access, url)
        if self._thing_model is not None and self._thing_model[0] == key:
            return self._thing_model[1], self._thing_model[2], ""
        if self._thing_model_reading != key:
            self._thing_model_reading = key
            product_id, device_name = target.product_id, target.device_name
            timeout = self.client_timeout or DEFAULT_TIMEOUT_S

            def read(cancelled: Callable[[], bool]) -> ThingModel:
                client = ThingClient(
                    product_id,
                    device_name,
                    access_key=access,
                    device_endpoint=url,
                    app_endpoint=url,
                    timeout=timeout,
                )
                try:
                    return client.query_thing_model()
                finally:
                    client.session.close()

            self.modelling.start(
                read,
                result=lambda model, key=key: self._on_thing_model(key, model, ""),
                error=lambda exc, key=key: self._on_thing_model(key, None, str(exc)),
            )
        return None, "", self.tr("reading the product's thing model…")

    def _on_thing_model(self, key: tuple[str, str, str], model: object, why: str) -> None:
        self._thing_model_reading = None
        note = ""
        if why:
            note = self.tr(
                "The thing model could not be read ({why}): property identifiers and value types are not checked "
                "before sending."
            ).format(why=why)
        self._thing_model = (key, model if isinstance(model, ThingModel) else None, note)
        if isinstance(model, ThingModel):
            self.editor.offer_identifiers(list(model.properties))
        self._on_rows_changed()

    def _plan_is_current(self) -> bool:
        return self._outgoing is not None and self._outgoing.generation == self._plan_generation

    def refresh_preview(self) -> None:
        """Show the requests Send would send, the issues and each format's ability; recompute if needed.

        Up to `SYNC_PLAN_ROWS` rows this happens at once; a bigger upload is
        planned on a worker (the preview says "computing…" meanwhile) and
        shown when it is ready, unless the rows changed again since.
        """
        self.preview_timer.stop()
        if not self._plan_is_current():
            if self.sending.is_busy:
                return  # a send is running: statuses change on every request; plan again when it ends
            if self.model.rowCount() > SYNC_PLAN_ROWS:
                self._start_plan_worker()
                return
            self.planning.cancel()
            self._outgoing = self.outgoing()
        assert self._outgoing is not None
        self._show_outgoing(self._outgoing)

    def _start_plan_worker(self) -> None:
        if self.planning.is_busy and self._plan_worker_generation == self._plan_generation:
            return  # already computing this very state
        self.planning.cancel()
        rows, options, generation = self.model.rows(), self.panel.options_bar.options(), self._plan_generation
        now = datetime.now(UTC)
        allow_duplicates = self._allow_duplicates
        target = self.connection.current_target()
        model, note, pending = self._thing_checks(target)

        def compute(cancelled: Callable[[], bool]) -> Outgoing:
            out = compute_outgoing(rows, options, now, cancelled, allow_duplicates, target, model, note, pending)
            out.generation = generation
            return out

        self._plan_worker_generation = generation
        self.planning.start(compute, result=self._on_plan_result, error=self._on_plan_error)
        message = self.tr("Computing the requests for %Ln datapoint(s)…", "", len(rows))
        self.panel.show_message(message)
        self._set_nothing_to_send("")  # Send now sends as soon as the requests are ready

    def _on_plan_result(self, out: Outgoing) -> None:
        if out.generation != self._plan_generation:
            self.schedule_preview()  # the rows changed meanwhile
            return
        self._outgoing = out
        self._show_outgoing(out)
        if self._send_requested:
            self._send_requested = False
            self.send()

    def _on_plan_error(self, exc: Exception) -> None:
        self._send_requested = False
        self.panel.show_message(self.tr("The preview could not be computed: {why}").format(why=i18n.why(exc)))

    def _show_outgoing(self, out: Outgoing) -> None:
        self.editor.show_issues(out)
        client, client_problem = self.connection.make_client()
        problem = self.panel.show_outgoing(
            out,
            client,
            client_problem,
            self.connection.is_revealed,
            self.editor.display_tz,
            self.settings.time_zone,
        )
        self._set_nothing_to_send(problem)

    def _set_nothing_to_send(self, reason: str) -> None:
        """Disable Send (button and Ctrl+Enter) with `reason` in its tooltip, or enable it again ("")."""
        self._nothing_to_send = reason
        self._update_send_enabled()

    def _update_send_enabled(self) -> None:
        enabled = not self.sending.is_busy and not self._nothing_to_send
        tooltip = self._nothing_to_send or self.tr("Send the request shown in the preview (Ctrl+Enter)")
        for widget in (self.panel.send_button, self.send_action):
            widget.setEnabled(enabled)
            widget.setToolTip(tooltip)

    # --- send ----------------------------------------------------------------------------
    def send(self) -> None:
        """Send every planned request in order on one worker; warnings ask first (inline), errors block.

        While a big upload is still being planned, the send starts as soon
        as the plan is ready. Datapoints whose outcome is unknown and that have
        no `at` are held back unless the user chooses "Send anyway (may duplicate)".
        """
        if self.sending.is_busy:
            return
        self.connection.commit_target()  # Ctrl+Enter in a connection field: the target typed is the one sent to
        if not self._plan_is_current():
            self._send_requested = True
            self.refresh_preview()
            if not self._plan_is_current():
                self._say(self.tr("Computing the requests; they are sent as soon as they are ready."))
                return
        self._send_requested = False
        out = self._outgoing
        if out is not None and out.held_back and not self._allow_duplicates:
            self._confirming_duplicates = True
            self.panel.ask(
                self.tr(
                    "%Ln datapoint(s) got no clear answer and have no at: the platform may have stored them, and "
                    "sending them again may store them twice. Send anyway (may duplicate)?",
                    "",
                    len(out.held_back),
                ),
                self.tr("Send anyway (may &duplicate)"),
            )
            return
        client, client_problem = self.connection.make_client()
        if out is None or out.plan is None or out.errors or client is None:
            if out is not None and out.errors:
                why = self.tr("Fix the errors listed first.")
            else:
                why = client_problem or self.panel.summary_label.text()
            self._say(why, error=True)
            return
        if out.warnings or out.plan.warnings:
            warnings = i18n.render_all([*(i.text for i in out.warnings), *out.plan.warnings])
            self._confirming_duplicates = False
            self.panel.ask(
                self.tr("%Ln warning(s): {first} Send anyway?", "", len(warnings)).format(first=sentence(warnings[0])),
                self.tr("Send a&nyway"),
            )
            return
        self._start_send(out)

    def _on_send_anyway_clicked(self) -> None:
        self.panel.confirm_bar.hide()
        if self._confirming_duplicates:
            self._confirming_duplicates = False
            self._allow_duplicates = True
            self._on_rows_changed()
            self.send()
            return
        if self._plan_is_current() and self._outgoing is not None and not self.sending.is_busy:
            self._start_send(self._outgoing)

    def _start_send(self, out: Outgoing) -> None:
        """`_send_now`, saying what happened if it fails before the worker runs (nothing is sent then)."""
        try:
            self._send_now(out)
        except Exception as exc:
            if self.sending.is_busy:
                raise  # the worker runs: its own error handling reports
            self._set_busy(False)
            self.model.sync_from_store(_SendJob(out).ids)
            self._show_failure(exc)

    def _send_now(self, out: Outgoing) -> None:
        """Queue the rows of `out.plan` in the outbox and send its requests with the pipeline, on a worker.

        The bodies are exactly the preview's (`out.plan.body(k)`), each carrying the
        outbox ids and revisions of its rows, so a row edited meanwhile is not sent
        stale. The pipeline retries what is safe to retry and records every attempt;
        rows are re-coloured from the store as requests finish. Sending stops at
        the first request that is neither stored nor plainly refused (the overwrite rule:
        later requests must not overtake it); the rest stay in the outbox for the next Send.
        """
        client, problem = self.connection.make_client()
        target = self.connection.current_target()
        if client is None or out.plan is None or target is None:
            self._say(problem or out.problem, error=True)
            return
        self._allow_duplicates = False  # asked again for the next send
        api_key, access_key = self.connection.api_key, self.connection.access_key
        self.connection.remember()
        total = len(out.plan)
        snapshot = out.snapshot
        first_rows = [snapshot[i] for i in out.request_rows(0)] if total else []
        store, policy, timeout = self.store, self.retry_policy, self.client_timeout
        worker = upload_worker(out, out.plan, target, client.endpoint, api_key, access_key, store, policy, timeout)
        job = _SendJob(out, client)
        self.sending.start(
            worker,
            progress=job.bind(self._on_send_progress),
            result=job.bind(self._on_send_result),
            error=self._on_send_error,
            finished=job.bind(self._on_send_finished),
        )
        self.panel.progress.setRange(0, total if total > 1 else 0)
        self.panel.progress.setValue(0)
        self._set_busy(True)
        self._mark_in_flight(first_rows)
        sending = self.tr("Sending {n} in {k} to {url}…").format(
            n=i18n.datapoints(len(out.rows)), k=i18n.requests(total), url=client.url
        )
        self._say(sending)
        # Nothing of the previous send stays on show as if it were this one's.
        self.response.show_sending(sending)
        self._last_sent_again = None
        self.panel.preview.show_last_sending(sending)

    def _mark_in_flight(self, rows: list[Row]) -> None:
        """Show the rows of the request going out as "sending…" (the store marks them itself; this is the view)."""
        self.model.show_status([row.id for row in rows if row.id is not None], RowStatus.IN_FLIGHT)

    def cancel_send(self) -> None:
        """Stop after the request in flight; stored requests stay marked sent, the rest stay in the outbox."""
        if not self.sending.cancel():
            self.panel.confirm_bar.hide()
            return
        self._set_busy(False)
        self.response.outcome_label.setText(
            self.tr(
                "Cancelled. The request in flight may still reach the platform; requests not yet stored keep their "
                "datapoints 'not sent' so you can send them again (datapoints with an explicit at are stored once)."
            )
        )
        self._say(self.tr("Send cancelled."))
        self.refresh_preview()
        self._emit_ended()  # its outcome came before the cancel

    def _set_busy(self, busy: bool) -> None:
        self.panel.progress.setVisible(busy)
        self.panel.cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        self._update_send_enabled()
        connection = self.connection
        for widget in (
            connection.endpoint_edit,
            connection.device_edit,
            connection.key_edit,
            connection.sandbox_check,
            self.panel.options_bar,
        ):
            widget.setEnabled(not busy)

    def _on_send_progress(self, job: _SendJob, progress: SendProgress, current: bool) -> None:
        """Requests finished (or one waits to be retried): re-colour their rows as the store has them, even after a
        cancel; the progress bar and the next request's "sending…" only for the send the window waits for."""
        if progress.retry is not None:
            if current:
                notice = progress.retry
                retrying = self.tr("Request {k}: {why}; trying again in {s:.1f} s…").format(
                    k=notice.request_index, why=notice.attempt.error, s=notice.wait_s
                )
                self._say(retrying)
                self.response.show_sending(retrying)
            return
        self.model.show_states(progress.ids, progress.states, progress.revisions)
        if not current:
            return
        self.panel.progress.setValue(progress.done)
        out = job.outgoing
        if progress.failed is not None:
            self._say(self.tr("Request {k} of {n} failed.").format(k=progress.failed, n=progress.total), error=True)
        elif progress.last_sent and out.plan is not None and progress.done < len(out.plan):
            self._mark_in_flight([out.snapshot[i] for i in out.request_rows(progress.done)])

    def _on_send_result(self, job: _SendJob, report: SendReport) -> None:
        job.finished = report.result.ok
        try:
            from gui.ui.send_messages import outcome_of_result

            self._plot_stored(report)
            self._show_last_sent(job, report)
            result, store = report.result, self.store
            self._show_outcome(outcome_of_result(result, store), lambda: outcome_of_result(result, store))
        except Exception as exc:  # e.g. the package was reinstalled under the open window: still say it
            job.finished = False  # show the rows as the store has them
            self._show_failure(exc)

    def _show_last_sent(self, job: _SendJob, report: SendReport) -> None:
        """The preview's "Last sent": the last request of the send that went out, exactly, with its answer.

        Kept as `_last_sent_again` (that one request only), which `retranslate` calls to word it anew.
        """
        results = report.result.results
        went = [k for k, r in enumerate(results) if r.outcome is not None]
        preview = self.panel.preview
        if not went:
            first = results[0] if results else None

            def nothing() -> None:
                preview.show_last_sending(
                    self.tr("Nothing was sent: {why}").format(why=_reason(first) if first is not None else "")
                )

            self._last_sent_again = nothing
            nothing()
            return
        k, n = went[-1], len(results)
        last = results[k]
        prepared = job.client.prepare_upload(last.planned.body) if job.client is not None else None

        def show() -> None:
            response = last.response
            answer = (  # the errno alone when there is one (the body shows the rest), else as the CLI says it
                self.tr("errno {errno}").format(errno=response.errno)
                if response is not None and response.errno is not None
                else i18n.render(answer_message(response))
            )
            title = self.tr("Last sent: request {k} of {n} · {answer}").format(k=k + 1, n=n, answer=answer)
            error = _reason(last) or (i18n.why(last.error) if last.error is not None else "")
            preview.show_last_sent(title, prepared, last.planned.body, response, error)

        self._last_sent_again = show
        show()
        preview.tabs.setCurrentWidget(preview.last_sent_text)

    def _on_send_error(self, exc: Exception) -> None:
        try:
            from gui.ui.send_messages import outcome_of_error

            outcome = outcome_of_error(exc)
        except Exception:
            self._show_failure(exc)
            return
        self._show_outcome(outcome, lambda: outcome_of_error(exc))

    def _show_failure(self, exc: BaseException) -> None:
        """A send failed in a way no outcome describes (a bug, a module gone): say it where the user looks.

        Needs no module not imported yet: it must work when the package was replaced under the
        open window (issue 13 item 9: `ModuleNotFoundError` after a reinstall).
        """
        log.error("send failed: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))
        summary = self.tr(
            "✘ The send stopped with an error: {kind}: {why}. Datapoints not stored stay in the table, marked "
            "'not sent' (their Status says where each one is). If the program was updated or reinstalled while this "
            "window was open, restart it."
        ).format(kind=type(exc).__name__, why=i18n.why(exc))
        error = exc if isinstance(exc, Exception) else Exception(str(exc))
        text = self.response.show_response(None, error, summary, "")
        self._last_sent_again = None
        self.panel.preview.show_last_sending(summary)
        self._say(text.splitlines()[0], error=True)
        self._send_ended(False)

    def _send_ended(self, ok: bool) -> None:
        """`sendFinished(ok)` as soon as no send runs: a listener may send again at once (the timer dialog does).

        A send's outcome is shown when its result arrives, but its run ends (the task no longer busy)
        only with the `finished` the pool thread reports after it; until then the signal waits for
        `_on_send_finished`.
        """
        self._ended = ok
        if not self.sending.is_busy:
            self._emit_ended()

    def _emit_ended(self) -> None:
        ended, self._ended = self._ended, None
        if ended is not None:
            self.sendFinished.emit(ended)

    def _on_send_finished(self, job: _SendJob, current: bool) -> None:
        if not job.finished:
            self.model.sync_from_store(job.ids)  # cancelled, stopped or failed: show what the store knows
        if current:
            self._set_busy(False)
            self.refresh_preview()
            self._emit_ended()

    def _plot_stored(self, report: SendReport) -> None:
        if report.stored > MAX_PLOTTED_POINTS:
            self._say(self.tr("%Ln datapoint(s) sent: too many to plot.", "", report.stored))
        elif report.unstamped:  # drawn at the send's time, which only the plot keeps: it is made now if not yet
            self.plot.get().add_sent(Readings.from_pairs(report.unstamped), datetime.now(UTC))
        elif report.stored:
            # Only the datapoints without `at` need the send time: the rest is redrawn now on a plot made already
            # (one not made reads the model when it is); after a big send a hidden plot follows the rest from the
            # model when it is shown (building its table for every row now would stall the window).
            def redraw(plot: PlotPanel) -> None:
                if plot.isVisible() or report.stored <= PLOT_AT_ONCE:
                    plot.refresh()

            self.plot.if_built(redraw)

    def retranslate(self) -> None:
        """The last send's outcome and its last request ("Last sent") again, in the language now in use."""
        if self._last_sent_again is not None:
            self._last_sent_again()
        if self._last_outcome is not None:
            outcome = self._last_outcome()
            self.response.show_response(outcome.response, outcome.error, outcome.summary, outcome.kept)

    def _show_outcome(self, outcome: SendOutcome, again: Callable[[], SendOutcome] | None = None) -> None:
        self._last_outcome = again or (lambda: outcome)
        text = self.response.show_response(outcome.response, outcome.error, outcome.summary, outcome.kept)
        self._say(text.splitlines()[0], error=not outcome.ok)
        self._send_ended(outcome.ok)

    def warm_up(self) -> None:
        """Load the send pipeline and the HTTP client (requests, urllib3) on a worker, once (after the first paint).

        Not imported to show the window (start-up), nor on the GUI thread by the first Send
        (a 0.4 s stall measured in benchmarks/bench_timed_send.py); a Send before it is done
        imports them on its own worker.
        It reports nothing (so nothing of the window is needed when it ends); the window's
        close waits for it with the rest of the pool.
        """
        self.sending.pool.start(_load_pipeline)

    # --- history retention ----------------------------------------------------------------
    def start_prune(self) -> None:
        """Forget requests and sent rows older than `Settings.history_days` (0: keep all), once, on a worker."""
        days = self.settings.history_days
        if days <= 0:
            return
        store, older_than = self.store, timedelta(days=days)

        def prune(cancelled: Callable[[], bool]) -> int:
            return store.prune(older_than)

        self.pruning.start(prune, result=self._on_prune_result, error=self._on_prune_error)

    def _on_prune_result(self, removed: int) -> None:
        if removed:
            log.info("history: %d requests older than %d days forgotten", removed, self.settings.history_days)
            self.historyPruned.emit()
            self._say(
                self.tr("History: {n} older than {days} days forgotten.").format(
                    n=i18n.requests(removed), days=self.settings.history_days
                )
            )

    def _on_prune_error(self, exc: Exception) -> None:
        log.warning("history: old requests could not be forgotten: %s", exc)
        self._say(self.tr("The old history could not be forgotten: {why}").format(why=i18n.why(exc)), error=True)

    def stop(self) -> None:
        """The window closes: cancel every run (a send stops after the request in flight)."""
        self.preview_timer.stop()
        for task in (self.planning, self.sending, self.pruning):
            task.cancel_all()
