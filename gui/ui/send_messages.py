"""How a send ended, in words: the summary the Response tab and the status bar show."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.data.outbox import is_safe_to_resend
from gui.data.pipeline import PipelineResult
from gui.data.store import RequestOutcome, Store, StoreBusy
from gui.onenet.client import PlatformResponse
from gui.text import counted


def tr(text: str) -> str:
    return QCoreApplication.translate("SendMessages", text)


@dataclass(frozen=True)
class SendOutcome:
    """What the Response tab shows: the answer (if any), the error (None: stored), `summary`, and `kept`.

    `kept` says where the datapoints not stored are; None: the general sentence, "": nothing.
    """

    response: PlatformResponse | None
    error: Exception | None
    summary: str
    kept: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def outcome_of_result(result: PipelineResult, store: Store) -> SendOutcome:
    """The words for a send that ran: every request stored, or the first that was not and what it means."""
    total = len(result.results)
    if result.ok:
        last = result.results[-1] if result.results else None
        summary = tr("✔ Stored: errno 0. {n} sent in {k}.").format(
            n=counted(result.sent, "datapoint"), k=counted(total, "request")
        )
        return SendOutcome(last.response if last else None, None, summary)
    k, bad = next((k, r) for k, r in enumerate(result.results) if r.outcome is not RequestOutcome.SENT)
    why = bad.message or bad.error or tr("not sent")  # the message adds how often it was tried
    if bad.outcome is RequestOutcome.UNKNOWN:
        rows = store.get(bad.planned.outbox_ids)
        safe = is_safe_to_resend(rows, bad.planned.body.type)
        summary = tr(
            "? Request {k} of {n}: no clear answer: {why}. The platform may have stored its {m} datapoints; "
            "they are marked 'unknown'."
        ).format(k=k + 1, n=total, why=why, m=f"{bad.planned.datapoints:,}")
        summary += "\n" + (
            tr("Sending them again is safe: they have an explicit at, which the platform overwrites.")
            if safe
            else tr("They have no at: sending them again may store them twice.")
        )
    elif bad.outcome is RequestOutcome.UNSENT:
        summary = tr("✘ Request {k} of {n} not delivered: {why}").format(k=k + 1, n=total, why=why)
    else:
        summary = tr("✘ Request {k} of {n} not stored: {why}").format(k=k + 1, n=total, why=why)
    if result.sent:
        summary += "\n" + tr("{n} datapoints were stored (marked 'sent').").format(n=f"{result.sent:,}")
    if any(r.outcome is None for r in result.results[k + 1 :]):
        summary += "\n" + tr(
            "Stopped there: the later requests were not sent, so their datapoints cannot overwrite the earlier "
            "ones out of order. Send again to go on."
        )
    kept: str | None = None  # where the datapoints not stored are: the general sentence
    if not any(r.outcome is RequestOutcome.FAILED for r in result.results):
        if bad.outcome is RequestOutcome.UNSENT:
            kept = tr("The datapoints not stored are kept in the table, marked 'not sent'.")
        elif bad.outcome is RequestOutcome.UNKNOWN:
            kept = ""  # said above: marked 'unknown'; any later ones: "Stopped there"
    error = bad.error if bad.error is not None else Exception(why)
    return SendOutcome(bad.response, error, summary, kept)


def outcome_of_error(exc: Exception) -> SendOutcome:
    """The words for a send that could not run (the outbox busy, or unreadable)."""
    if isinstance(exc, StoreBusy):
        message = tr(
            "Another send from this outbox is running (perhaps 'onenet-uploader outbox send', or a cancelled "
            "send finishing its last request). Nothing was sent; try again when it has finished."
        )
    else:
        message = tr("✘ Not stored: {why}").format(why=exc)
    return SendOutcome(None, exc, message)
