"""What a send did and where it is: each request's result (`RequestResult`), a retry about to wait
(`RetryNotice`), the run's progress (`Progress`) and its end (`PipelineResult`), as `pipeline.Pipeline` reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gui.data.outbox import PlannedRequest
from gui.data.store import Attempt, RequestOutcome
from gui.onenet.client import PlatformResponse
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

__all__ = ["PipelineResult", "Progress", "RequestResult", "RetryNotice"]


@dataclass(frozen=True)
class RequestResult:
    """How one planned request ended.

    `outcome` None means it was not sent at all (`message` says why: its rows changed
    since planning, or no client could be made, e.g. no api-key). `response`/`error`
    are those of the last attempt.
    """

    planned: PlannedRequest
    request_id: int | None
    outcome: RequestOutcome | None
    attempts: tuple[Attempt, ...] = ()
    response: PlatformResponse | None = None
    error: Exception | None = None
    message: str = ""
    #: `message` as a Message for a person (rendered in their language); None: no message.
    text: Message | None = None


@dataclass(frozen=True)
class RetryNotice:
    """A failed attempt that will be retried after `wait_s` seconds (for a status line).

    `request_index` counts the run's requests from 1 (as the log's "request k" does).
    """

    request_index: int
    attempt: Attempt
    wait_s: float


@dataclass(frozen=True)
class Progress:
    """Where a run is: requests done of total, datapoints done (any outcome) and sent, of total.

    `last` is the request that just finished; `retry` is set instead while a request
    waits to be retried.
    """

    requests_done: int
    requests_total: int
    datapoints_done: int
    datapoints_sent: int
    datapoints_total: int
    last: RequestResult | None = None
    retry: RetryNotice | None = None


@dataclass
class PipelineResult:
    """Every request's result, in order, and whether the run was cancelled."""

    results: list[RequestResult] = field(default_factory=list)
    cancelled: bool = False

    def datapoints(self, outcome: RequestOutcome | None) -> int:
        """Datapoints carried by requests that ended with `outcome` (None: not sent at all)."""
        return sum(r.planned.datapoints for r in self.results if r.outcome is outcome)

    @property
    def sent(self) -> int:
        """Datapoints stored by the platform (errno 0)."""
        return self.datapoints(RequestOutcome.SENT)

    @property
    def ok(self) -> bool:
        """True when every planned request was sent and the run was not cancelled."""
        return not self.cancelled and all(r.outcome is RequestOutcome.SENT for r in self.results)

    def summary(self) -> str:
        """One line for the log (untranslated); a person reads `summary_message()` rendered."""
        return str(self.summary_message())

    def summary_message(self) -> Message:
        """What the send did: datapoints sent in how many requests, then the other outcomes' counts."""
        made = sum(1 for r in self.results if r.outcome is not None)  # skipped requests never went out
        text = (
            Counted("sent-in")
            .tr("%Ln datapoint(s) sent in {requests}", "", self.sent)
            .with_args(requests=Counted("requests").tr("%Ln request(s)", "", made))
        )
        for outcome, label in (
            (RequestOutcome.FAILED, QT_TRANSLATE_NOOP("pipeline", "{text}, {count} failed")),
            (RequestOutcome.UNKNOWN, QT_TRANSLATE_NOOP("pipeline", "{text}, {count} unknown (may have arrived)")),
            (RequestOutcome.UNSENT, QT_TRANSLATE_NOOP("pipeline", "{text}, {count} not delivered")),
            (None, QT_TRANSLATE_NOOP("pipeline", "{text}, {count} skipped")),
        ):
            count = self.datapoints(outcome)
            if count:
                text = Message(str(outcome), "pipeline", label, {"text": text, "count": count})
        if self.cancelled:
            text = Message("cancelled", "pipeline", QT_TRANSLATE_NOOP("pipeline", "{text}, cancelled"), {"text": text})
        return text
