"""Verify on the current platform: read sent properties back by `query-device-property-history` and compare (no Qt).

The report is the legacy verify's (`gui.onenet.verify`: `Check`, `Outcome`, `VerifyReport`,
`compare_values`), so both platforms show the same found / missing / different /
overwritten / unverifiable counts. What differs, from shared onenet-api.md, "The current
platform":

- `time` goes on the wire in Unix milliseconds, so a sent datapoint is looked up at its
  millisecond (the legacy API has whole seconds). Of several sent values of one property
  with the same millisecond the last is expected (the legacy overwrite rule, assumed
  here [L]); the earlier ones are OVERWRITTEN.
- Values come back as text (`"78"`): they are read as the model's type
  (`Property.from_text`) and compared with the value as sent (`Property.wire_value`: a
  bool property's `true` is JSON true). Without a model they are read as the kind of the
  sent value (a number as a number, an object as JSON, text as text), and a note says so.
- Datapoints sent without `at` (property posts) are stamped by the platform: UNVERIFIABLE.
- One property is read at a time over [first time, last time + 1 ms], 100 values a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from gui.onenet.readings import Readings, Value, from_unix_ms, parse_number, unix_ms
from gui.onenet.thing_client import ThingClient
from gui.onenet.thingmodel import Property, ThingModel, ValueRefused
from gui.onenet.verify import (
    Check,
    Outcome,
    Progress,
    VerifyReport,
    compare_values,
    note,
    plan_by_time,
    read_back_and_compare,
)
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = ["plan_thing_checks", "read_as_sent", "verify_thing"]


def plan_thing_checks(readings: Readings) -> list[Check]:
    """One check per datapoint, in `Readings.pairs()` order, before anything is read back (`plan_by_time`).

    With `at`: MISSING (to be looked up) at its millisecond, or OVERWRITTEN when a later
    datapoint of the property has the same millisecond. Without `at`: UNVERIFIABLE.
    `Check.at` is the sent time at millisecond precision, shown in UTC+8 like the legacy's.
    """
    return plan_by_time(
        readings,
        unix_ms,
        from_unix_ms,
        no_at=note(
            "no-at",
            QT_TRANSLATE_NOOP(
                "verify", "sent without at (a property post): the platform stamped it with its own clock"
            ),
        ),
        overwritten=lambda identifier, at: note(
            "overwritten", QT_TRANSLATE_NOOP("verify", "a later value had the same time (ms)")
        ),
    )


def read_as_sent(text: str, sent: Value, prop: Property | None) -> tuple[Any, Any, Message | None]:
    """`(value read back, value as sent on the wire, note)`: the text read as the model's type, else as the sent kind.

    Raises ValueError when the text cannot be read so (then the two differ).
    """
    if prop is not None:
        try:
            wire = prop.wire_value(sent)
        except ValueRefused:
            wire = sent
        return prop.from_text(text), wire, None
    why = note("no-model", QT_TRANSLATE_NOOP("verify", "no thing model: read back as the kind of the value sent"))
    if isinstance(sent, dict):
        return json.loads(text), sent, why
    if isinstance(sent, str):
        return text, sent, why
    return parse_number(text), sent, why


def _never() -> bool:
    return False


def verify_thing(
    client: ThingClient,
    readings: Readings,
    model: ThingModel | None = None,
    *,
    cancelled: Callable[[], bool] = _never,
    progress: Callable[[Progress], None] | None = None,
) -> VerifyReport:
    """Read every sent property back over its sent time range and compare (rules in the module docstring).

    `readings` is what was sent (datastream ids are identifiers), in sending order.
    `cancelled()` is asked before every request (VerifyCancelled when True); `progress`
    is called after every page. Raises the client's errors (ConfigError without the
    access key, AuthError, RejectedError, ServerError, NetworkError, MalformedResponse).
    """

    def pages(identifier: str, times: list[datetime]) -> Iterator[list[tuple[int, str]]]:
        sent = [unix_ms(at) for at in times]
        return (page.values for page in client.iter_property_history(identifier, min(sent), max(sent) + 1))

    def compared(check: Check, found: Mapping[int, str]) -> Check:
        return _compared(check, found, model.get(check.stream_id) if model is not None else None)

    return read_back_and_compare(plan_thing_checks(readings), pages, compared, cancelled=cancelled, progress=progress)


def _compared(check: Check, found: Mapping[int, str], prop: Property | None) -> Check:
    """A thing-model check against the texts read back at each millisecond: MISSING, FOUND or DIFFERENT."""
    assert check.at is not None
    held = found.get(unix_ms(check.at))
    if held is None:
        return replace(check, note=note("missing", QT_TRANSLATE_NOOP("verify", "nothing read back at this time")))
    try:
        platform, wire, read_note = read_as_sent(held, check.sent, prop)
    except ValueError:
        return replace(
            check,
            outcome=Outcome.DIFFERENT,
            platform=held,
            note=note(
                "not-sent-kind",
                QT_TRANSLATE_NOOP("verify", "the platform holds {held}, which is not a value of the sent kind"),
                held=repr(held),
            ),
        )
    equal, compared = compare_values(wire, platform)
    notes = (
        note("notes", QT_TRANSLATE_NOOP("verify", "{first}; {second}"), first=compared, second=read_note)
        if compared is not None and read_note is not None
        else compared or read_note
    )
    return replace(check, outcome=Outcome.FOUND if equal else Outcome.DIFFERENT, platform=platform, note=notes)
