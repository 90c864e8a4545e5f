"""What one attempt's result means for its request: sent, failed, or unknown (may have arrived), and
whether it is retried (`classify`), and the wait an answer asks for (`retry_after_s`).

The rules are the shared onenet-api.md's ("Response", "Overwrite rule"); `pipeline.Pipeline` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass

import requests
from urllib3.exceptions import ConnectTimeoutError
from urllib3.util.retry import Retry

from gui.data.store import AttemptOutcome, RequestOutcome
from gui.onenet.client import AuthError, NetworkError, PlatformResponse, RejectedError, ServerError

__all__ = ["NOT_PROCESSED_STATUSES", "Verdict", "classify", "retry_after_s"]


def retry_after_s(response: PlatformResponse | None) -> float | None:
    """The answer's `Retry-After` in seconds (delay-seconds or an HTTP date), None if absent or unreadable."""
    if response is None:
        return None
    for name, value in response.headers.items():
        if name.lower() == "retry-after":
            try:
                return float(Retry().parse_retry_after(value))
            except Exception:  # urllib3 raises InvalidHeader; any garbage means "not given"
                return None
    return None


@dataclass(frozen=True)
class Verdict:
    """What one attempt's result means: its outcome, whether it may have arrived, whether to retry, the end state."""

    outcome: AttemptOutcome
    may_have_arrived: bool
    retry: bool
    final: RequestOutcome


def _before_sending(error: BaseException) -> bool:
    """True when the failure happened before the request left: no connection, DNS, connect timeout."""
    seen: set[int] = set()
    stack: list[object] = [error]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        # urllib3's NewConnectionError (refused) and NameResolutionError derive from ConnectTimeoutError.
        if isinstance(item, ConnectTimeoutError | requests.ConnectTimeout):
            return True
        stack += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return False


#: HTTP statuses that say the request was not processed: 503 (Service Unavailable: refused
#: before it was handled, what an overloaded platform or a gateway with no upstream says)
#: and 429 (Too Many Requests). Every other 5xx may come after the platform stored the
#: datapoints: a gateway's 502/504 after forwarding, the platform's 500 midway.
NOT_PROCESSED_STATUSES = frozenset({429, 503})


def classify(error: Exception | None, idempotent: bool) -> Verdict:
    """What an attempt's error (None: errno 0) means for the request (shared onenet-api.md, "Response").

    "Unknown" means the platform may hold the datapoints: such an attempt is retried only
    when the request is `idempotent` (every datapoint has an explicit `at`, which the
    platform overwrites: "Overwrite rule"); otherwise its rows end `unknown` and are never
    sent again without the user's word (`plan_outbox(..., allow_duplicates=True)`).

    - None: sent.
    - No connection, host not found, connect timeout: not delivered; retry.
    - HTTP 503 and 429 (`NOT_PROCESSED_STATUSES`): not stored (the server said it did not
      handle it); retry.
    - Any other HTTP 5xx (a gateway's 502/504, a 500): may have arrived: unknown.
    - Read timeout, past the attempt's deadline, connection dropped after sending: unknown.
    - Auth (errno 3) and other rejections (4xx, errno != 0): failed; never retried.
    - A redirect, an answer that is not OneNET's (HTML page with HTTP 200, ...), one too
      large to read, or anything else: unknown, not retried (the same proxy will answer
      the same; the user looks).
    """
    if error is None:
        return Verdict(AttemptOutcome.SENT, True, False, RequestOutcome.SENT)
    if isinstance(error, NetworkError):
        if _before_sending(error):
            return Verdict(AttemptOutcome.FAILED, False, True, RequestOutcome.UNSENT)
        return Verdict(AttemptOutcome.UNKNOWN, True, idempotent, RequestOutcome.UNKNOWN)
    if isinstance(error, ServerError | RejectedError) and (
        error.response is not None and error.response.http_status in NOT_PROCESSED_STATUSES
    ):
        return Verdict(AttemptOutcome.FAILED, False, True, RequestOutcome.UNSENT)
    if isinstance(error, ServerError):
        return Verdict(AttemptOutcome.UNKNOWN, True, idempotent, RequestOutcome.UNKNOWN)
    if isinstance(error, AuthError | RejectedError):
        return Verdict(AttemptOutcome.FAILED, False, False, RequestOutcome.FAILED)
    return Verdict(AttemptOutcome.UNKNOWN, True, False, RequestOutcome.UNKNOWN)
