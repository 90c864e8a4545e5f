"""The inspector's data: every request the sandbox received, its exact bytes, the answer and a verdict in words.

An :class:`Exchange` is one request and its answer, kept by :class:`Capture`
(a bounded ring, newest last). Secrets never enter it: the value of an
``api-key``, ``token`` or ``authorization`` header and of any ``*key*=``
query parameter is masked where it stands, keeping its length (all but the
last 2 characters become ``*``, as :func:`~gui.sandbox.platform.mask_key`;
all of it when the sandbox found the api-key wrong: a wrong key may be another
device's real one), so the bytes shown or exported are the bytes received, less the secret.

The verdict is a list of :class:`Finding`: which rule of the platform a
request breaks and how to fix it (rules from shared onenet-api.md, cited
per finding), plus notes on what the sandbox tolerated (chunked body, extra
CRLFs). No Qt.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from gui.onenet.decoding import decode
from gui.onenet.formats import BodyType, FormatError
from gui.onenet.readings import Readings, format_at
from gui.onenet.thingmodel import RULES as THING_MODEL_RULES
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "DEFAULT_CAPACITY",
    "SECRET_HEADERS",
    "Capture",
    "Exchange",
    "Finding",
    "Severity",
    "as_curl",
    "body_findings",
    "describe",
    "mask_head",
    "mask_target",
    "thing_model_finding",
]

#: Exchanges a capture keeps by default (the oldest go first).
DEFAULT_CAPACITY = 1000
#: Bytes of requests and answers a capture keeps at most, whatever the count (bodies may be 8 MiB each).
DEFAULT_BYTE_BUDGET = 64 * 1024 * 1024

#: Header names (lower case) whose values are secrets (shared onenet-api.md, "Terms", "Token").
SECRET_HEADERS = frozenset({b"api-key", b"token", b"authorization"})
_SECRET_PARAM = re.compile(rb"((?:^|[?&;])[^=&;]*key[^=&;]*=)([^&;\s]*)", re.IGNORECASE)
_LINE = re.compile(rb"([^\r\n]*)(\r?\n|$)")


class Severity(Enum):
    """How much a finding matters: ``error`` (the platform refuses or loses data), ``warning``, ``note``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Finding:
    """One rule a request breaks (or a tolerance it relied on): what, and how to fix it.

    `text` and `fix` are English (logs, the capture file); `message` and `fix_message` the
    same as Messages, shown in the reader's language (`shown`); None: the text as it is
    (the platform's own words). Make one with `finding`.
    """

    severity: Severity
    text: str
    fix: str = ""
    message: Message | None = None
    fix_message: Message | None = None

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.text}" + (f" — {self.fix}" if self.fix else "")

    def shown(self, render: Callable[[Message], str]) -> str:
        """The finding in the reader's language: `render` is `gui.i18n.render` (the sandbox imports no UI)."""
        what = render(self.message) if self.message is not None else self.text
        fix = render(self.fix_message) if self.fix_message is not None else self.fix
        line = render(sandbox_text(f"severity-{self.severity.value}", _SEVERITIES[self.severity], what=what))
        return line + (render(sandbox_text("fix", QT_TRANSLATE_NOOP("sandbox", " — {fix}"), fix=fix)) if fix else "")


_SEVERITIES = {
    Severity.ERROR: QT_TRANSLATE_NOOP("sandbox", "error: {what}"),
    Severity.WARNING: QT_TRANSLATE_NOOP("sandbox", "warning: {what}"),
    Severity.NOTE: QT_TRANSLATE_NOOP("sandbox", "note: {what}"),
}


def sandbox_text(code: str, source: str, **args: object) -> Message:
    """A text of the sandbox (the catalogues' context "sandbox")."""
    return Message(code, "sandbox", source, args)


def finding(severity: Severity, what: Message | str, fix: Message | str | None = None) -> Finding:
    """A Finding of Messages (a str: the platform's own words, shown as they are)."""
    message = what if isinstance(what, Message) else None
    fix_message = fix if isinstance(fix, Message) else None
    return Finding(severity, str(what), str(fix) if fix else "", message, fix_message)


@dataclass(frozen=True)
class Exchange:
    """One request the sandbox received and the answer it sent.

    ``raw`` is the request's bytes as they came (request line, headers, body
    framing, trailers), secrets masked; ``body`` the body after de-chunking.
    ``answer`` is the answer's bytes as sent (a cut-off answer as far as it
    went). Times: ``received`` is the wall clock (aware, UTC) of the first
    byte; ``receive_ms`` milliseconds from it to the end of the body;
    ``answer_ms`` from there to the answer's last byte. ``status`` 0 means
    no answer was sent. ``device`` and ``body_type`` (the ``type``
    parameter's text, ``"1"`` when absent) are None when not an upload path.
    """

    number: int
    client: str
    received: datetime
    receive_ms: float
    answer_ms: float
    raw: bytes
    method: str
    target: str
    version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    chunks: int
    trailers: tuple[tuple[str, str], ...]
    device: str | None
    body_type: str | None
    status: int
    errno: int | None
    error: str
    answer: bytes
    stored: int
    findings: tuple[Finding, ...] = field(default=())

    @property
    def verdict(self) -> str:
        """The findings in words, one per line; ``"no rule broken"`` when there are none."""
        return "\n".join(str(f) for f in self.findings) or "no rule broken"

    def verdict_in(self, render: Callable[[Message], str]) -> str:
        """`verdict` in the reader's language (`render` is `gui.i18n.render`)."""
        lines = [f.shown(render) for f in self.findings]
        return "\n".join(lines) or render(
            sandbox_text("no-rule-broken", QT_TRANSLATE_NOOP("sandbox", "no rule broken"))
        )

    def header(self, name: str) -> str | None:
        """The first header of that name (any case), as received (masked when secret)."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def readings(self) -> Readings:
        """The body's datapoints, decoded by its ``type`` (shared onenet-api.md, "Body formats").

        Raises ValueError when this is not an upload or its body does not decode.
        """
        if self.device is None or self.body_type is None or self.method != "POST":
            raise ValueError("not an upload request")
        try:
            body_type = BodyType(int(self.body_type))
        except ValueError:
            raise ValueError(f"type {self.body_type!r} is not a body type") from None
        try:
            return decode(self.body, body_type)
        except (FormatError, RecursionError) as exc:
            raise ValueError(str(exc)) from exc

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: bytes as UTF-8 text when they decode, else null, and always base64."""
        return {
            "number": self.number,
            "client": self.client,
            "received": self.received.isoformat(timespec="milliseconds"),
            "receive_ms": round(self.receive_ms, 3),
            "answer_ms": round(self.answer_ms, 3),
            "method": self.method,
            "target": self.target,
            "version": self.version,
            "headers": [list(h) for h in self.headers],
            "trailers": [list(h) for h in self.trailers],
            "chunks": self.chunks,
            "device": self.device,
            "type": self.body_type,
            "status": self.status,
            "errno": self.errno,
            "error": self.error,
            "stored": self.stored,
            "findings": [{"severity": f.severity.value, "text": f.text, "fix": f.fix} for f in self.findings],
            "raw": _text_or_none(self.raw),
            "raw_base64": base64.b64encode(self.raw).decode("ascii"),
            "body": _text_or_none(self.body),
            "answer": _text_or_none(self.answer),
            "answer_base64": base64.b64encode(self.answer).decode("ascii"),
        }


def _text_or_none(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class Capture:
    """A bounded, thread-safe ring of :class:`Exchange`, newest last.

    Keeps at most ``capacity`` exchanges and ``byte_budget`` bytes of
    requests and answers; the oldest go first. ``listeners`` are called
    (from server threads) with each new exchange; a listener that raises is
    ignored.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY, byte_budget: int = DEFAULT_BYTE_BUDGET) -> None:
        if capacity < 1:
            raise ValueError("capacity must be >= 1")
        self.capacity = capacity
        self.byte_budget = byte_budget
        self._lock = threading.Lock()
        self._items: deque[Exchange] = deque()
        self._bytes = 0
        self._number = 0
        self._listeners: list[Callable[[Exchange], None]] = []

    def next_number(self) -> int:
        """The number of the next exchange (1, 2, ...)."""
        with self._lock:
            self._number += 1
            return self._number

    def add(self, exchange: Exchange) -> None:
        """Keep ``exchange`` (dropping the oldest beyond the bounds) and tell the listeners."""
        size = _size(exchange)
        with self._lock:
            self._items.append(exchange)
            self._bytes += size
            while len(self._items) > self.capacity or (self._bytes > self.byte_budget and len(self._items) > 1):
                self._bytes -= _size(self._items.popleft())
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(exchange)
            except Exception:  # a broken listener must not break the server
                continue

    def subscribe(self, listener: Callable[[Exchange], None]) -> Callable[[], None]:
        """Call ``listener`` with every new exchange; returns a function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def exchanges(self) -> list[Exchange]:
        """A copy of what is kept, oldest first."""
        with self._lock:
            return list(self._items)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def clear(self) -> None:
        """Forget every exchange (numbering goes on)."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def json_lines(self) -> Iterator[str]:
        """Every kept exchange as one line of JSON (no newline at the end of each)."""
        for exchange in self.exchanges():
            yield json.dumps(exchange.to_json(), ensure_ascii=False, separators=(",", ":"))


def _size(exchange: Exchange) -> int:
    return len(exchange.raw) + len(exchange.body) + len(exchange.answer) + 512


# -- masking -----------------------------------------------------------------------------------


def _masked(value: bytes, whole: bool = False) -> bytes:
    """Same length: all but the last 2 bytes become ``*`` (all of it when 4 bytes or fewer, or `whole`)."""
    if whole or len(value) <= 4:
        return b"*" * len(value)
    return b"*" * (len(value) - 2) + value[-2:]


def mask_target(target: bytes, *, whole: bool = False) -> bytes:
    """A request target with every ``*key*=`` query value masked (same length; `whole`: no last 2 characters)."""
    return _SECRET_PARAM.sub(lambda m: m[1] + _masked(m[2], whole), target)


def mask_head(head: bytes, *, whole: bool = False) -> bytes:
    """A request head (request line and header lines) with its secrets masked, same length and line ends.

    `whole`: every secret masked completely, for a request whose api-key was wrong.
    """
    out = []
    for number, match in enumerate(_LINE.finditer(head)):
        line, end = match[1], match[2]
        if not line and not end:
            break
        if number == 0:
            line = mask_target(line, whole=whole)
        else:
            name, colon, value = line.partition(b":")
            if colon and name.strip().lower() in SECRET_HEADERS:
                stripped = value.strip(b" \t")
                lead = value[: len(value) - len(value.lstrip(b" \t"))]
                trail = value[len(lead) + len(stripped) :]
                line = name + colon + lead + _masked(stripped, whole) + trail
        out.append(line + end)
    return b"".join(out)


# -- verdicts ----------------------------------------------------------------------------------


def body_findings(readings: Readings) -> list[Finding]:
    """What the platform would do with these datapoints that the sender may not expect.

    Two datapoints of one stream at the same ``at`` overwrite each other (the
    later wins); several without ``at`` in one request keep only the last
    (shared onenet-api.md, "Overwrite rule" [H]).
    """
    findings = []
    for stream in readings.datastreams:
        counts = Counter(point.at for point in stream.datapoints)
        for at, count in counts.items():
            if count < 2:
                continue
            if at is None:
                findings.append(
                    finding(
                        Severity.WARNING,
                        sandbox_text(
                            "no-at-overwrite",
                            QT_TRANSLATE_NOOP(
                                "sandbox",
                                "{count} datapoints of {stream} have no `at`: the platform stamps them alike "
                                "and keeps only the last (onenet-api.md, Overwrite rule)",
                            ),
                            count=count,
                            stream=repr(stream.id),
                        ),
                        sandbox_text(
                            "fix-own-at",
                            QT_TRANSLATE_NOOP(
                                "sandbox", "give each datapoint its own `at`, or send them in separate requests"
                            ),
                        ),
                    )
                )
            else:
                findings.append(
                    finding(
                        Severity.WARNING,
                        sandbox_text(
                            "same-at-overwrite",
                            QT_TRANSLATE_NOOP(
                                "sandbox",
                                "{count} datapoints of {stream} at the same `at` {at}: "
                                "the platform keeps only the later (onenet-api.md, Overwrite rule)",
                            ),
                            count=count,
                            stream=repr(stream.id),
                            at=format_at(at),
                        ),
                        sandbox_text(
                            "fix-own-at-seconds",
                            QT_TRANSLATE_NOOP("sandbox", "give each datapoint its own `at` (seconds precision)"),
                        ),
                    )
                )
    return findings


def fix_for_format_error(message: str) -> Message:
    """How to mend a body the platform cannot decode, from the decoder's message."""
    if "is not a time like" in message or "`at`" in message:
        return sandbox_text(
            "fix-at-form",
            QT_TRANSLATE_NOOP(
                "sandbox", "write `at` as YYYY-MM-DDThh:mm:ss in Beijing time (UTC+8), e.g. 2026-12-07T13:05:00"
            ),
        )
    if "separator" in message:
        return sandbox_text(
            "fix-separators",
            QT_TRANSLATE_NOOP(
                "sandbox", "type 5 starts with two different separator characters, e.g. ,;temperature,23.5"
            ),
        )
    return sandbox_text(
        "fix-format",
        QT_TRANSLATE_NOOP(
            "sandbox", "check the body against the format its `type` names (onenet-api.md, Body formats)"
        ),
    )


#: How to mend a value the thing model refuses, by rule (`gui.onenet.thingmodel.RULES`).
_THING_MODEL_FIXES = {
    "unknown-identifier": QT_TRANSLATE_NOOP(
        "sandbox", "use an identifier of the product's thing model (OneNET console: product > thing model)"
    ),
    "wrong-type": QT_TRANSLATE_NOOP(
        "sandbox", "send the property's data type: a number for int32/int64/float/double/enum/date, text for string"
    ),
    "not-integer": QT_TRANSLATE_NOOP("sandbox", "send a whole number, without a decimal point"),
    "out-of-range": QT_TRANSLATE_NOOP("sandbox", "send a value within the property's min and max"),
    "wrong-bool": QT_TRANSLATE_NOOP("sandbox", "send true or false (JSON, without quotes)"),
    "wrong-enum": QT_TRANSLATE_NOOP("sandbox", "send one of the enum's values (a number the thing model lists)"),
    "too-long": QT_TRANSLATE_NOOP("sandbox", "shorten the text to the property's length"),
    "unknown-member": QT_TRANSLATE_NOOP("sandbox", "send only the struct's members"),
    "missing-member": QT_TRANSLATE_NOOP("sandbox", "send every member of the struct"),
    "unsupported-type": QT_TRANSLATE_NOOP("sandbox", "check the value against the thing model"),
}


def thing_model_finding(rule: str, text: str | Message) -> Finding:
    """The verdict on a value the product's thing model refuses: the rule broken by name and how to fix it.

    `rule` is a key of `gui.onenet.thingmodel.RULES`; the text names it with its reason
    (shared onenet-api.md, "The current platform": identifiers and types must match the model).
    """
    title, reason = THING_MODEL_RULES.get(rule, (rule, ""))
    what = sandbox_text(
        "thing-model-rule",
        QT_TRANSLATE_NOOP(
            "sandbox", "{text} — thing model rule {rule} ({title}): {reason} (onenet-api.md, The current platform)"
        ),
        text=text,
        rule=rule,
        title=Message("thing-model", "validation", title),
        reason=Message("thing-model", "validation", reason),
    )
    fix = _THING_MODEL_FIXES.get(rule)
    return finding(Severity.ERROR, what, sandbox_text(f"fix-{rule}", fix) if fix else None)


# -- showing -----------------------------------------------------------------------------------


def as_curl(exchange: Exchange, url: str) -> str:
    """A curl command that sends the same request to ``url`` (the sandbox's, e.g. ``http://127.0.0.1:8080``).

    Made by the one builder of curl commands, :func:`gui.onenet.client.curl_command`, as
    the window's preview makes its own: the api-key as ``"$ONENET_API_KEY"`` (a token as
    ``"$ONENET_TOKEN"``), never the masked value the capture holds, so the command runs
    once the variable is set. ValueError for a body that is not UTF-8 text.
    """
    import requests

    target = exchange.target
    if "://" in target:  # absolute form: keep only the path and query
        target = "/" + target.split("://", 1)[1].partition("/")[2]
    prepared = requests.Request(
        exchange.method, url.rstrip("/") + target, headers=dict(exchange.headers), data=exchange.body
    ).prepare()
    prepared.url = url.rstrip("/") + target  # as received: requests would re-quote it
    from gui.onenet.request_text import curl_command

    return curl_command(prepared)


def hex_dump(data: bytes, width: int = 16) -> str:
    """Offset, hex bytes and printable ASCII, ``width`` bytes a line."""
    lines = []
    for offset in range(0, len(data), width):
        chunk = data[offset : offset + width]
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {chunk.hex(' '):<{width * 3}} {text}")
    return "\n".join(lines)


def shown_bytes(data: bytes) -> str:
    """Bytes as text when they are UTF-8 (CR shown as ``\\r``), else as a hex dump."""
    text = _text_or_none(data)
    if text is None:
        return hex_dump(data)
    return text.replace("\r\n", "\\r\\n\n").replace("\r", "\\r")


def describe(exchange: Exchange, *, with_bytes: bool = True) -> str:
    """An exchange in words for a terminal: a summary line, the request and answer bytes, the verdict."""
    time = exchange.received.astimezone().strftime("%H:%M:%S.%f")[:-3]
    outcome = f"HTTP {exchange.status}" if exchange.status else "no answer"
    if exchange.errno is not None:
        outcome += f" errno {exchange.errno}"
    summary = (
        f"#{exchange.number} {time} from {exchange.client}: {exchange.method} {exchange.target} -> {outcome}"
        f", stored {exchange.stored} ({exchange.receive_ms:.1f} ms in, {exchange.answer_ms:.1f} ms to answer)"
    )
    if not with_bytes:
        return summary
    return "\n".join(
        [
            summary,
            "--- request",
            shown_bytes(exchange.raw),
            "--- answer",
            shown_bytes(exchange.answer),
            "--- verdict",
            exchange.verdict,
            "",
        ]
    )
