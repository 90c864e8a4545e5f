"""How a send ended, in words: the summary the Response tab and the status bar show."""

from __future__ import annotations

from dataclasses import dataclass

from gui import i18n
from gui.data.outbox import is_safe_to_resend
from gui.data.send_results import PipelineResult
from gui.data.store import RequestOutcome, Store, StoreBusy
from gui.i18n import translate
from gui.onenet.client import PlatformResponse
from gui.text import Counted, Message


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
        summary = translate("SendMessages", "✔ Stored: errno 0. {n} sent in {k}.").format(
            n=i18n.datapoints(result.sent), k=i18n.requests(total)
        )
        return SendOutcome(last.response if last else None, None, summary)
    k, bad = next((k, r) for k, r in enumerate(result.results) if r.outcome is not RequestOutcome.SENT)
    # the message adds how often it was tried; in the user's language when it has a text
    why = (i18n.render(bad.text) if bad.text else bad.message) or bad.error or translate("SendMessages", "not sent")
    if bad.outcome is RequestOutcome.UNKNOWN:
        rows = store.get(bad.planned.outbox_ids)
        safe = is_safe_to_resend(rows, bad.planned.body.type)
        summary = translate(
            "SendMessages",
            "? Request {k} of {n}: no clear answer: {why}. The platform may have stored its {m} datapoints; "
            "they are marked 'unknown'.",
        ).format(k=k + 1, n=total, why=why, m=f"{bad.planned.datapoints:,}")
        summary += "\n" + (
            translate(
                "SendMessages", "Sending them again is safe: they have an explicit at, which the platform overwrites."
            )
            if safe
            else translate("SendMessages", "They have no at: sending them again may store them twice.")
        )
    elif bad.outcome is RequestOutcome.UNSENT:
        summary = translate("SendMessages", "✘ Request {k} of {n} not delivered: {why}").format(
            k=k + 1, n=total, why=why
        )
    else:
        summary = translate("SendMessages", "✘ Request {k} of {n} not stored: {why}").format(k=k + 1, n=total, why=why)
    if result.sent:
        summary += "\n" + i18n.render(
            Counted("stored").tr("%Ln datapoint(s) were stored (marked 'sent').", "", result.sent)
        )
    if any(r.outcome is None for r in result.results[k + 1 :]):
        summary += "\n" + translate(
            "SendMessages",
            "Stopped there: the later requests were not sent, so their datapoints cannot overwrite the earlier "
            "ones out of order. Send again to go on.",
        )
    kept: str | None = None  # where the datapoints not stored are: the general sentence
    if not any(r.outcome is RequestOutcome.FAILED for r in result.results):
        if bad.outcome is RequestOutcome.UNSENT:
            kept = translate("SendMessages", "The datapoints not stored are kept in the table, marked 'not sent'.")
        elif bad.outcome is RequestOutcome.UNKNOWN:
            kept = ""  # said above: marked 'unknown'; any later ones: "Stopped there"
    error = bad.error if bad.error is not None else Exception(why)
    return SendOutcome(bad.response, error, summary, kept)


def outcome_of_error(exc: Exception) -> SendOutcome:
    """The words for a send that could not run (the outbox busy, or unreadable)."""
    if isinstance(exc, StoreBusy):
        message = translate(
            "SendMessages",
            "Another send from this outbox is running (perhaps 'onenet-uploader outbox send', or a cancelled "
            "send finishing its last request). Nothing was sent; try again when it has finished.",
        )
    else:
        text = getattr(exc, "text", None)
        why = i18n.render(text) if isinstance(text, Message) else str(exc)
        message = translate("SendMessages", "✘ Not stored: {why}").format(why=why)
    return SendOutcome(None, exc, message)
