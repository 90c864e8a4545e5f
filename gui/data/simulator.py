"""Simulate a device: values generated per datastream, a tick every N seconds, each tick's datapoints sent.

The values (per stream, given as ``STREAM=SPEC``, see :func:`parse_stream`):

- ``21.5`` or ``fixed:21.5`` -- the same value every tick (a number, or text);
- ``list:20,21,22`` -- the values in turn, starting over after the last;
- ``file:values.txt`` -- the values of a text file in turn, one a line (UTF-8; blank lines
  skipped; a relative path is from the current folder), starting over after the last line
  (it wraps around: ``--count`` / the window's Times ends a run). The file's first value
  decides the kind of them all (a number, a JSON object, or text): a line that cannot be
  read as that kind is refused naming its line (``22,1`` among numbers is not sent as text);
  it is read whole when the simulation is made, so every line is checked before the first tick;
- ``walk:20..25`` (``walk:20..25/0.5``) -- a random walk within the bounds, each step
  at most 0.5 (default: a tenth of the span) up or down; it starts in the middle;
- ``sine:20..25`` (``sine:20..25/60s``) -- a sine between the bounds with that period
  (default 60 s of ticks), starting at the middle, rising;
- ``ramp:0..100`` (``ramp:0..100/5``) -- from the low bound up by the step (default 1)
  each tick, back to the low bound after the high one.

Numbers are rounded to ``decimals`` (default 2). Each tick's datapoints carry ``at`` =
the moment of the tick (an aware datetime, UTC; the encoder writes it in platform time,
shared onenet-api.md "Timestamps"), or none when ``with_at`` is False (the platform then
stamps them; several without ``at`` of one stream in one request keep only the last,
"Overwrite rule", so a tick holds one datapoint per stream).

:func:`run_schedule` calls a function on a fixed schedule (ticks at start + n * every,
so a slow tick does not shift the later ones; a tick that is late is run at once, never
twice). No Qt; the sending is the caller's (the CLI adds each tick to the outbox and
sends it like any send).
"""

from __future__ import annotations

import math
import random
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui.onenet.readings import Datapoint, Value, ValueKind, is_finite_value, parse_value
from gui.text import QT_TRANSLATE_NOOP, Message, reason_of


class SimulationError(ValueError):
    """A simulation that cannot run as asked (an interval, a stream's spec, a values file): `text` (a Message) says
    why, translated where shown; str() is its English source."""

    def __init__(self, text: Message) -> None:
        super().__init__(str(text))
        self.text = text


def _m(code: str, source: str, **args: object) -> Message:
    return Message(code, "simulator", source, args)


__all__ = [
    "Generator",
    "Simulation",
    "StreamSpec",
    "check_every",
    "parse_interval",
    "parse_stream",
    "read_values",
    "run_schedule",
]

_INTERVAL = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(ms|s|m|h)?\s*", re.IGNORECASE)
_UNIT_S = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
_BOUNDS = re.compile(r"\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*\.\.\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*")


def check_every(every_s: float, with_at: bool) -> None:
    """ValueError when ticks less than 1 s apart would carry `at`.

    The platform's `at` has seconds precision (shared onenet-api.md "Timestamps") and
    equal `at`s overwrite each other, so each tick's `at` is a second after the last
    (:meth:`Simulation.tick`): at 0.25 s they would run ahead of the clock, 45 minutes
    an hour, until the window asks whether to send times that far in the future.
    """
    if with_at and every_s < 1:
        raise SimulationError(
            _m(
                "too-fast",
                QT_TRANSLATE_NOOP(
                    "simulator",
                    "ticks less than 1 s apart would need `at`s less than 1 s apart, and the platform's `at` has "
                    "seconds precision: tick every 1 s or more, or send without `at` (the platform stamps them)",
                ),
            )
        )


def parse_interval(text: str) -> float:
    """Seconds of ``1s``, ``500ms``, ``2m``, ``1h`` or a bare number of seconds; ValueError unless > 0."""
    match = _INTERVAL.fullmatch(text)
    if match is None:
        raise SimulationError(
            _m(
                "not-interval",
                QT_TRANSLATE_NOOP("simulator", "{text} is not a time like 1s, 500ms, 2m"),
                text=repr(text),
            )
        )
    seconds = float(match[1]) * _UNIT_S[(match[2] or "s").lower()]
    if not seconds > 0:
        raise SimulationError(
            _m("not-positive", QT_TRANSLATE_NOOP("simulator", "{text} is not more than zero"), text=repr(text))
        )
    return seconds


class Generator:
    """The values of one datastream, one per tick; :meth:`value` takes the tick number (0, 1, ...)."""

    def value(self, tick: int) -> Value:
        raise NotImplementedError


@dataclass
class _Fixed(Generator):
    fixed: Value

    def value(self, tick: int) -> Value:
        return self.fixed


@dataclass
class _InTurn(Generator):
    values: list[Value]

    def value(self, tick: int) -> Value:
        return self.values[tick % len(self.values)]


@dataclass
class _Walk(Generator):
    low: float
    high: float
    step: float
    decimals: int
    rng: random.Random
    current: float = field(init=False)

    def __post_init__(self) -> None:
        self.current = (self.low + self.high) / 2

    def value(self, tick: int) -> Value:
        if tick:
            moved = self.current + self.rng.uniform(-self.step, self.step)
            # reflect at the bounds, so the walk stays inside without sticking to them
            if moved > self.high:
                moved = 2 * self.high - moved
            if moved < self.low:
                moved = 2 * self.low - moved
            self.current = min(max(moved, self.low), self.high)
        return round(self.current, self.decimals)


@dataclass
class _Sine(Generator):
    low: float
    high: float
    period_ticks: float
    decimals: int

    def value(self, tick: int) -> Value:
        middle, amplitude = (self.low + self.high) / 2, (self.high - self.low) / 2
        return round(middle + amplitude * math.sin(2 * math.pi * tick / self.period_ticks), self.decimals)


@dataclass
class _Ramp(Generator):
    low: float
    high: float
    step: float
    decimals: int

    def value(self, tick: int) -> Value:
        steps = math.floor((self.high - self.low) / self.step) + 1
        number = self.low + (tick % steps) * self.step
        return round(number, self.decimals)


@dataclass(frozen=True)
class StreamSpec:
    """One simulated datastream: its id and the generator of its values."""

    stream_id: str
    generator: Generator


def _bounds(text: str, kind: str) -> tuple[float, float]:
    match = _BOUNDS.fullmatch(text)
    if match is None:
        needs = QT_TRANSLATE_NOOP("simulator", "{kind} needs bounds like {kind}:20..25, not {text}")
        raise SimulationError(_m("no-bounds", needs, kind=kind, text=repr(text)))
    low, high = float(match[1]), float(match[2])
    if not (math.isfinite(low) and math.isfinite(high)) or not low < high:
        order = QT_TRANSLATE_NOOP("simulator", "{kind}: the low bound must be below the high one, not {text}")
        raise SimulationError(_m("bounds-order", order, kind=kind, text=repr(text)))
    return low, high


def _positive(text: str, what: str) -> float:
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise SimulationError(_m("not-above-zero", what, text=repr(text)))
    return number


def read_values(path: Path) -> list[Value]:
    """The values of a text file, one a line, all of the kind of the first (number, JSON object or text).

    UTF-8 (a byte-order mark is skipped); blank lines are skipped; each line is stripped.
    Raises ValueError naming the file and the line: a line that is not UTF-8, a value
    not of the first value's kind (``22,1`` after numbers), NaN/infinity; a file with no
    value or that cannot be read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        cannot = QT_TRANSLATE_NOOP("simulator", "cannot read {path}: {why}")
        raise SimulationError(_m("cannot-read", cannot, path=str(path), why=exc.strerror or str(exc))) from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    values: list[Value] = []
    kind: ValueKind | None = None
    first = 0
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            not_utf8 = QT_TRANSLATE_NOOP("simulator", "{path}, line {line}: not UTF-8 text")
            raise SimulationError(_m("not-utf8", not_utf8, path=str(path), line=number)) from None
        if not text:
            continue
        if kind is None:
            value = parse_value(text)
            kind = {int: ValueKind.NUMBER, float: ValueKind.NUMBER, dict: ValueKind.JSON}.get(
                type(value), ValueKind.TEXT
            )
            first = number
        else:
            try:
                value = parse_value(text, kind)
            except ValueError as exc:
                if kind is ValueKind.NUMBER:
                    unlike = QT_TRANSLATE_NOOP(
                        "simulator",
                        "{path}, line {line}: {text} is not a number, as the file's first value (line {first}) is",
                    )
                else:
                    unlike = QT_TRANSLATE_NOOP(
                        "simulator",
                        "{path}, line {line}: {text} is not a JSON object ({why}), as the file's first value "
                        "(line {first}) is",
                    )
                args = {"path": str(path), "line": number, "text": repr(text[:40]), "first": first}
                raise SimulationError(_m("unlike-first", unlike, why=reason_of(exc), **args)) from None
        if not is_finite_value(value):
            infinite = QT_TRANSLATE_NOOP("simulator", "{path}, line {line}: {text} is not a finite number")
            raise SimulationError(_m("not-finite", infinite, path=str(path), line=number, text=repr(text[:40])))
        values.append(value)
    if not values:
        empty = QT_TRANSLATE_NOOP("simulator", "{path} has no values (one value a line)")
        raise SimulationError(_m("no-values", empty, path=str(path)))
    return values


def parse_stream(text: str, *, every_s: float = 1.0, decimals: int = 2, rng: random.Random | None = None) -> StreamSpec:
    """``STREAM=SPEC`` (see the module docstring) -> a StreamSpec; ValueError with the reason.

    ``every_s`` (seconds between ticks) turns a sine's period in seconds into ticks;
    ``rng`` makes random walks reproducible (tests, benchmarks).
    """
    stream_id, equals, spec = text.partition("=")
    stream_id = stream_id.strip()
    if not equals or not stream_id:
        give = QT_TRANSLATE_NOOP("simulator", "{text}: give STREAM=VALUES, e.g. temp=walk:20..25")
        raise SimulationError(_m("no-spec", give, text=repr(text)))
    kind, colon, rest = spec.partition(":")
    kind = kind.strip().lower()
    generator: Generator
    if not colon or kind == "fixed":
        value = parse_value(rest if colon else spec)
        generator = _Fixed(value)
    elif kind == "list":
        values = [parse_value(part) for part in rest.split(",") if part.strip()]
        if not values:
            needs = QT_TRANSLATE_NOOP("simulator", "{text}: list needs values, e.g. list:20,21,22")
            raise SimulationError(_m("list-empty", needs, text=repr(text)))
        generator = _InTurn(values)
    elif kind == "file":
        if not rest.strip():
            needs = QT_TRANSLATE_NOOP("simulator", "{text}: file needs a path, e.g. file:values.txt")
            raise SimulationError(_m("file-no-path", needs, text=repr(text)))
        generator = _InTurn(read_values(Path(rest.strip()).expanduser()))
    elif kind in ("walk", "sine", "ramp"):
        bounds, slash, extra = rest.partition("/")
        low, high = _bounds(bounds, kind)
        if kind == "walk":
            step = (
                _positive(extra, QT_TRANSLATE_NOOP("simulator", "the walk's step must be a number above 0, not {text}"))
                if slash
                else (high - low) / 10
            )
            generator = _Walk(low, high, step, decimals, rng or random.Random())
        elif kind == "sine":
            period_s = parse_interval(extra) if slash else 60.0
            generator = _Sine(low, high, max(period_s / every_s, 1.0), decimals)
        else:
            generator = _Ramp(
                low,
                high,
                _positive(extra, QT_TRANSLATE_NOOP("simulator", "the ramp's step must be a number above 0, not {text}"))
                if slash
                else 1.0,
                decimals,
            )
    else:
        unknown = QT_TRANSLATE_NOOP("simulator", "{text}: {kind} is not one of fixed, list, file, walk, sine, ramp")
        raise SimulationError(_m("unknown-kind", unknown, text=repr(text), kind=repr(kind)))
    return StreamSpec(stream_id, generator)


@dataclass
class Simulation:
    """The streams of a simulated device; :meth:`tick` gives the next tick's datapoints."""

    streams: Sequence[StreamSpec]
    with_at: bool = True
    ticks: int = 0
    last_at: datetime | None = None

    def __post_init__(self) -> None:
        ids = [s.stream_id for s in self.streams]
        if not ids:
            raise SimulationError(
                _m("no-streams", QT_TRANSLATE_NOOP("simulator", "a simulation needs at least one stream"))
            )
        if len(set(ids)) != len(ids):
            twice = QT_TRANSLATE_NOOP(
                "simulator", "each stream may be given once: two datapoints of a stream in one tick overwrite"
            )
            raise SimulationError(_m("stream-twice", twice))

    def tick(self, now: datetime | None = None) -> list[tuple[str, Datapoint]]:
        """One datapoint per stream, ``at`` = ``now`` (default: the clock, UTC) unless ``with_at`` is off.

        ``at`` is cut to whole seconds (the platform's ``at`` has seconds precision,
        shared onenet-api.md "Timestamps") and always later than the previous tick's:
        a tick that would share its second with the previous one gets the next second,
        since equal ``at`` overwrite each other on the platform ("Overwrite rule").
        """
        at = None
        if self.with_at:
            at = (now or datetime.now(UTC)).replace(microsecond=0)
            if self.last_at is not None and at <= self.last_at:
                at = self.last_at + timedelta(seconds=1)
            self.last_at = at
        number, self.ticks = self.ticks, self.ticks + 1
        return [(s.stream_id, Datapoint(s.generator.value(number), at)) for s in self.streams]


def run_schedule(
    action: Callable[[int], None],
    *,
    every_s: float,
    count: int | None,
    stop: threading.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Call ``action(n)`` for n = 0, 1, ... at start + n * ``every_s`` (monotonic seconds); returns how many ran.

    Ends after ``count`` calls (None: until ``stop`` is set). ``stop`` ends the wait
    at once. A late tick runs immediately; ticks missed while an action ran long
    are skipped, not run in a burst.
    """
    stop = stop or threading.Event()
    start = clock()
    done = 0
    while count is None or done < count:
        due = start + done * every_s
        wait = due - clock()
        if wait > 0 and stop.wait(wait):
            break
        if stop.is_set():
            break
        action(done)
        done += 1
        behind = clock() - (start + done * every_s)
        if behind > every_s:  # skip what cannot be caught up, keep the phase
            start += math.floor(behind / every_s) * every_s
    return done
