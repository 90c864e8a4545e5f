"""OneJSON request bodies for the current platform: `thing/property/post` and `thing/history/post`, split to its limits.

No Qt. Shapes and limits from shared onenet-api.md, "The current platform", **Upload, device side**:

- property post (the latest value of each property, the platform stamps it):
  `{"id":"123","version":"1.0","params":{"temp":{"value":36.5},"gear":{"value":3}}}`;
  one value per property per request. Datapoints without `at` go this way.
- history post (timed values): `{"id":"1","version":"1.0","params":[{"properties":
  {"temp":[{"value":20.1,"time":1524448722000},...]}}]}`; `time` in Unix milliseconds
  (UTC: no time-zone conversion on the wire); at most 100 values per property and 100
  per device in one request [H, platform docs]. "100 per device" is read conservatively:
  at most 100 values in a request, whatever the properties. Datapoints with `at` go this way.
- `id`: a string of digits, at most 13 (`MessageIds`: Unix milliseconds, strictly increasing).

Splitting keeps the rules of `gui.onenet.split` that apply here: datapoints keep their
order (`Readings.pairs()`, stream by stream) and requests are sent in order, so of two
values of a property with the same time the later still wins; nothing is dropped. What does
not apply: a property post cannot carry two values of one property, so several datapoints
without `at` of one property go in successive property posts, in order (the last is the
latest value; the platform keeps each in its history with its arrival time) and a warning
says so. History posts come first, then property posts (the latest values last).
"""

from __future__ import annotations

import enum
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gui.onenet.readings import Readings, Value, unix_ms
from gui.onenet.thingmodel import ThingModel
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "MAX_HISTORY_VALUES",
    "ONEJSON_VERSION",
    "MessageIds",
    "PostKind",
    "ThingPlan",
    "ThingRequest",
    "body_of",
    "plan_posts",
]

#: At most this many values per property, and per device, in one history post (shared onenet-api.md) [H].
MAX_HISTORY_VALUES = 100
#: The `version` of every OneJSON message (shared onenet-api.md, "Upload, device side").
ONEJSON_VERSION = "1.0"
#: `id` is a string of digits, at most 13.
MAX_ID_DIGITS = 13


class PostKind(enum.Enum):
    """Which device API a request goes to (its `topic`'s last two parts)."""

    PROPERTY = "property"
    HISTORY = "history"

    @property
    def topic_suffix(self) -> str:
        """`thing/property/post` or `thing/history/post`."""
        return f"thing/{self.value}/post"


class MessageIds:
    """Message `id`s: Unix milliseconds as text (13 digits until 2286), strictly increasing, thread-safe.

    `clock` returns Unix seconds (default `time.time`); `first` starts a fixed sequence instead (tests).
    """

    def __init__(self, clock: Callable[[], float] = time.time, first: int | None = None) -> None:
        self._clock = clock
        self._last = (first - 1) if first is not None else 0
        self._fixed = first is not None
        self._lock = threading.Lock()

    def next(self) -> str:
        """The next id."""
        with self._lock:
            candidate = self._last + 1 if self._fixed else max(int(self._clock() * 1000), self._last + 1)
            self._last = candidate
        text = str(candidate)
        if len(text) > MAX_ID_DIGITS:
            raise ValueError(f"message id {text} has more than {MAX_ID_DIGITS} digits")
        return text


@dataclass(frozen=True)
class ThingRequest:
    """One request of a plan: its kind and the datapoints it carries.

    `points` index `Readings.pairs()` order; `values` are the wire values: per property
    identifier, `(value, time ms or None)` in order.
    """

    kind: PostKind
    points: tuple[int, ...]
    values: tuple[tuple[str, tuple[tuple[Any, int | None], ...]], ...]

    def body(self, message_id: str) -> bytes:
        """The exact body with this `id` (UTF-8 JSON, no spaces)."""
        return body_of(self.kind, self.values, message_id)


@dataclass
class ThingPlan:
    """An upload to the current platform as requests in sending order; `warnings` in words."""

    requests: list[ThingRequest]
    warnings: list[Message] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.requests)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def body_of(
    kind: PostKind, values: tuple[tuple[str, tuple[tuple[Any, int | None], ...]], ...], message_id: str
) -> bytes:
    """A OneJSON body (see the module docstring for the shapes); keys in the order given.

    Property posts carry exactly one value per property (ValueError otherwise), with `time`
    when given; history posts every value with its `time` (ValueError when one has none).
    Raises ValueError for NaN or infinity (not JSON).
    """
    if kind is PostKind.PROPERTY:
        params: Any = {}
        for identifier, items in values:
            if len(items) != 1:
                raise ValueError(f"a property post carries one value of {identifier!r}, not {len(items)}")
            value, ms = items[0]
            params[identifier] = {"value": value} if ms is None else {"value": value, "time": ms}
    else:
        properties: dict[str, list[dict[str, Any]]] = {}
        for identifier, items in values:
            entries = properties.setdefault(identifier, [])
            for value, ms in items:
                if ms is None:
                    raise ValueError(f"a history post needs a time for every value ({identifier!r} has none)")
                entries.append({"value": value, "time": ms})
        params = [{"properties": properties}]
    return _dumps({"id": message_id, "version": ONEJSON_VERSION, "params": params}).encode("utf-8")


def _wire(model: ThingModel | None, identifier: str, value: Value) -> Any:
    return model.wire_value(identifier, value) if model is not None else value


def plan_posts(readings: Readings, model: ThingModel | None = None, max_values: int = MAX_HISTORY_VALUES) -> ThingPlan:
    """Plan the requests that upload `readings` to the current platform (rules in the module docstring).

    Datastream ids are property identifiers. With `model`, each value is converted to its
    wire value (`ThingModel.wire_value`: bool from `true`/`false`, ...) and a value the
    model refuses raises `ValueRefused` (check first with `thingmodel.check_readings`);
    without it values go as they are. History posts take at most `max_values` values
    (1..100, ValueError otherwise), in `Readings.pairs()` order.
    """
    if not 1 <= max_values <= MAX_HISTORY_VALUES:
        raise ValueError(f"max_values must be 1..{MAX_HISTORY_VALUES}")
    plan = ThingPlan([])
    timed: list[tuple[int, str, Any, int]] = []
    latest: dict[str, list[tuple[int, Any]]] = {}
    for index, (identifier, point) in enumerate(readings.pairs()):
        wire = _wire(model, identifier, point.value)
        if point.at is None:
            latest.setdefault(identifier, []).append((index, wire))
        else:
            timed.append((index, identifier, wire, unix_ms(point.at)))
    for start in range(0, len(timed), max_values):
        chunk = timed[start : start + max_values]
        grouped: dict[str, list[tuple[Any, int | None]]] = {}
        for _, identifier, wire, ms in chunk:
            grouped.setdefault(identifier, []).append((wire, ms))
        plan.requests.append(
            ThingRequest(
                PostKind.HISTORY,
                tuple(i for i, *_ in chunk),
                tuple((k, tuple(v)) for k, v in grouped.items()),
            )
        )
    rounds = max((len(items) for items in latest.values()), default=0)
    for round_index in range(rounds):
        carried = [(identifier, items[round_index]) for identifier, items in latest.items() if round_index < len(items)]
        plan.requests.append(
            ThingRequest(
                PostKind.PROPERTY,
                tuple(sorted(index for _, (index, _) in carried)),
                tuple((identifier, ((wire, None),)) for identifier, (_, wire) in carried),
            )
        )
    for identifier, items in latest.items():
        if len(items) > 1:
            plan.warnings.append(
                Message(
                    "posts-without-at",
                    "planner",
                    QT_TRANSLATE_NOOP(
                        "planner",
                        "property {property}: {n} datapoints without at go in {n} successive property posts (a post "
                        "carries one value per property); the last is the latest value, the platform keeps each in "
                        "its history stamped on arrival",
                    ),
                    {"property": repr(identifier), "n": len(items)},
                )
            )
    return plan
