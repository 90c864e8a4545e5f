"""The store's records: row states, outcomes, the rows and history entries it returns, its errors. No Qt, no SQL."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from gui.data.target import Platform, Target
from gui.onenet.formats import BodyType
from gui.onenet.readings import Datapoint, Value, ValueKind
from gui.text import QT_TRANSLATE_NOOP, Message, from_stored


class State(enum.StrEnum):
    """Where an outbox row is (see the module docstring for the transitions)."""

    DRAFT = "draft"  #: in the editor, not queued for sending
    UNSENT = "unsent"  #: queued: to be sent to its endpoint and device
    IN_FLIGHT = "in_flight"  #: carried by a request that has not finished
    UNKNOWN = "unknown"  #: a request carrying it may or may not have stored it
    SENT = "sent"  #: the platform answered errno 0 to a request carrying it
    FAILED = "failed"  #: the platform refused it (auth, validation); needs the user


#: States a send takes (`unsent`, `unknown`); a row must be queued (`unsent`) to be sent.
SENDABLE = (State.UNSENT, State.UNKNOWN)


class AttemptOutcome(enum.StrEnum):
    """The result of one HTTP attempt, as the history records it."""

    SENT = "sent"  #: errno 0
    FAILED = "failed"  #: an answer saying it was not stored (4xx, 5xx, errno != 0) or no connection
    UNKNOWN = "unknown"  #: it may have been stored: timeout after sending, dropped connection, odd answer


class RequestOutcome(enum.StrEnum):
    """The final result of a request (all its attempts); also what happens to its rows."""

    SENT = "sent"  #: rows -> sent
    FAILED = "failed"  #: rows -> failed
    UNKNOWN = "unknown"  #: rows -> unknown
    UNSENT = "unsent"  #: never delivered (no connection, 429, 5xx, cancelled): rows back as they were


class StoreError(Exception):
    """The database cannot be used: too new a schema, a row being sent cannot be edited, etc."""


class StoreBusy(StoreError):
    """Another process (or pipeline) is sending from this outbox right now."""


class SourceRow(NamedTuple):
    """An outbox row read from a file: its row number there, its stream, its state (`Store.from_source`)."""

    row: int
    stream_id: str
    state: State


def content_hash(path: str | Path) -> str:
    """The SHA-256 (hex) of the file's bytes: the hash of `NewRow.source`. OSError if it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class NewRow:
    """A datapoint entering the outbox: its stream, the point, the kind the user chose, where it came from.

    `source` is `(content hash, row number)` for a datapoint read from a file: the file's
    SHA-256 (hex) and its row as a spreadsheet shows it (1-based); with `stream_id` it
    names the reading, so the same file sent twice is noticed (`Store.from_source`).
    None for a datapoint typed in.
    """

    stream_id: str
    point: Datapoint
    kind: ValueKind = ValueKind.AUTO
    source: tuple[str, int] | None = None


@dataclass(frozen=True)
class OutboxRow:
    """One outbox row as stored. `at`, `created`, `updated` are aware datetimes in UTC.

    `revision` counts content edits (0 when added); a planned request remembers it so a
    row edited after its body was encoded is not sent with stale content.
    `request_id` is the last finished request that carried the row (None if none did).
    `target` is where it goes (`platform`, `endpoint`, `device_id`; `NO_TARGET` for a draft
    stored before targets were recorded, schema v3).
    """

    id: int
    endpoint: str
    device_id: str
    stream_id: str
    at: datetime | None
    value: Value
    kind: ValueKind
    state: State
    in_editor: bool
    revision: int
    request_id: int | None
    last_error: str
    created: datetime
    updated: datetime
    platform: Platform = Platform.DATAPOINTS
    source: tuple[str, int] | None = None  # (file SHA-256, row) when read from a file, as `NewRow.source`
    #: `last_error` as a Message, shown in the reader's language (`stored_text`); None: `last_error` as is
    last_error_text: Message | None = None

    @property
    def point(self) -> Datapoint:
        """The datapoint (value and `at`) of this row."""
        return Datapoint(self.value, self.at)

    @property
    def target(self) -> Target:
        """Where this row goes."""
        return Target(self.endpoint, self.device_id, self.platform)


class QueuedRow(NamedTuple):
    """An outbox row as a send plans it (`Store.queued`): what its request is made of, and its state.

    `point.at` is in platform time (UTC+8); the row is queued to `endpoint`/`device_id`.
    """

    id: int
    revision: int
    endpoint: str
    device_id: str
    stream_id: str
    state: State
    point: Datapoint
    platform: Platform = Platform.DATAPOINTS


@dataclass(frozen=True)
class Attempt:
    """One HTTP attempt of a request: when (UTC), how long (s), what came back, the outcome.

    `http_status`/`errno` are None when there was no answer (or no errno in it); `error`
    is the platform's `error` text or our description of the failure; `response` the
    start of the raw answer (at most 2000 characters). Secrets are masked before storing.
    """

    number: int
    started: datetime
    latency_s: float
    http_status: int | None
    errno: int | None
    error: str
    response: str
    outcome: AttemptOutcome
    #: `error` as a Message, shown in the reader's language (stored with it: `gui.text.stored`); None: `error` as is
    text: Message | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """An attempt with its request: endpoint, device, body type and exact body bytes, carried ids.

    `attempt` (and `attempt_id`) is None for a request none of whose attempts finished:
    the program stopped while it was on the wire (its `request_outcome` is then unknown).
    """

    attempt_id: int | None
    request_id: int
    endpoint: str
    device_id: str
    body_type: BodyType
    content_type: str
    body: bytes
    datapoints: int
    outbox_ids: tuple[int, ...]
    request_outcome: RequestOutcome | None
    attempt: Attempt | None
    platform: Platform = Platform.DATAPOINTS  #: where it went; THING: a OneJSON post (schema v5)


@dataclass(frozen=True)
class UploadedRequest:
    """A request of an upload (one Send or `outbox send`): its target, exact body and outcome.

    `upload_id` is None for a request recorded before uploads were numbered (schema v1):
    such a request is an upload of its own. `created` is UTC. `outcome` is None while
    (or if the program stopped while) the request was on the wire.
    """

    request_id: int
    upload_id: int | None
    created: datetime
    endpoint: str
    device_id: str
    body_type: BodyType
    body: bytes
    datapoints: int
    outcome: RequestOutcome | None


@dataclass(frozen=True)
class BegunRequest:
    """A request the store has marked in flight: its id, its rows, which of them were `unknown` before."""

    request_id: int
    outbox_ids: tuple[int, ...]
    was_unknown: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class HistoryFilter:
    """Which history rows a paged query returns; every field None/empty means "any".

    `outcome` matches the attempt's outcome (or, for a request with no finished attempt,
    the request's). `device` is a substring of the device id. `since`/`until` bound the
    attempt's start (the request's creation when it has no attempt), `until` exclusive.
    `text` is a substring (case-insensitive for ASCII) of the error, endpoint, device id
    or body. `max_request_id` pins a snapshot: later requests are left out, so pages
    fetched one after the other do not shift when a send adds requests meanwhile.
    """

    outcome: str | None = None
    device: str = ""
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    max_request_id: int | None = None


@dataclass(frozen=True)
class HistorySummary:
    """One history row as a table shows it (no body, no raw response: see `Store.history(request_id=...)`).

    `time` is the attempt's start (UTC), or the request's creation when it has no finished
    attempt (then `attempt_id`, `http_status`, `errno`, `latency_s` are None and `outcome`
    is the request's). `body` is only filled when asked for (`with_body=True`).
    """

    attempt_id: int | None
    request_id: int
    number: int | None
    time: datetime
    endpoint: str
    device_id: str
    body_type: BodyType
    datapoints: int
    outcome: str
    http_status: int | None
    errno: int | None
    latency_s: float | None
    error: str
    body: bytes | None = None
    error_text: Message | None = None  #: `error` as a Message (the reader's language); None: `error` as is


#: Texts the store wrote in English before messages were stored with their code (`gui.text.stored`).
_KNOWN_STORED = {
    "the program stopped while sending these": Message(
        "stopped-while-sending", "store", QT_TRANSLATE_NOOP("store", "the program stopped while sending these")
    ),
}


def stored_text(text: str) -> tuple[str, Message | None]:
    """A stored delivery message (`last_error`, an attempt's `error`): (its English text, its Message or None).

    Rows stored before messages had codes hold plain English: shown as written, but for the
    store's own texts (`_KNOWN_STORED`), which are translated as well.
    """
    if not text:
        return "", None
    message = from_stored(text, _KNOWN_STORED)
    return str(message), (None if message.code == "verbatim" else message)
