"""The product's thing model (物模型): its properties, values checked against them, values read back as their type.

No Qt. Shapes from shared onenet-api.md, "The current platform": property identifiers and
value types must match the thing model (int32, int64, float, double, bool, enum, string,
date, struct, array); an unknown identifier or a wrong type is refused by the platform.
The answer of `/thingmodel/query-thing-model` is [L] (shape not confirmed), so
`parse_thing_model` reads it defensively: `data.properties` (or `data.model.properties`,
or a bare list), each `{"identifier", "name", "dataType": {"type", "specs"}}`; specs as
OneNET's console writes them (numbers often as text: `{"min": "-40", "max": "120"}`;
enum and bool specs map value texts to labels: `{"0": "off", "1": "on"}`; string
`{"length": "64"}`; struct a list of member properties; array `{"length", "type"}`).

Values are checked in the project's validation style (`gui.onenet.validation.Issue`): each
message names the property, the datapoint, the rule and its reason, and every rule is
an ERROR: the platform refuses the whole request.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gui.onenet.readings import Readings, Value, format_value
from gui.onenet.validation import Issue, Severity
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "INT32",
    "INT64",
    "RULES",
    "TYPES",
    "ModelError",
    "Property",
    "ThingModel",
    "ValueRefused",
    "check_readings",
    "parse_thing_model",
]

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
#: The data types of the platform's thing model (shared onenet-api.md, "The current platform").
TYPES = ("int32", "int64", "float", "double", "bool", "enum", "string", "date", "struct", "array")
#: A string property's length when its specs give none [L]: the console's largest (bytes of UTF-8).
DEFAULT_STRING_LENGTH = 10240

#: Each thing-model rule: its name as shown, and its reason (shared onenet-api.md, "The current platform").
RULES = {
    "unknown-identifier": (
        QT_TRANSLATE_NOOP("validation", "unknown identifier"),
        QT_TRANSLATE_NOOP(
            "validation", "the product's thing model has no such property; the platform refuses the request"
        ),
    ),
    "wrong-type": (
        QT_TRANSLATE_NOOP("validation", "wrong type"),
        QT_TRANSLATE_NOOP(
            "validation", "the value must be of the property's data type; the platform refuses the request"
        ),
    ),
    "not-integer": (
        QT_TRANSLATE_NOOP("validation", "not an integer"),
        QT_TRANSLATE_NOOP("validation", "an int32 or int64 property takes whole numbers only"),
    ),
    "out-of-range": (
        QT_TRANSLATE_NOOP("validation", "out of range"),
        QT_TRANSLATE_NOOP("validation", "the value must lie within the property's min and max (and its type's range)"),
    ),
    "wrong-bool": (
        QT_TRANSLATE_NOOP("validation", "wrong bool"),
        QT_TRANSLATE_NOOP("validation", "a bool property takes true or false"),
    ),
    "wrong-enum": (
        QT_TRANSLATE_NOOP("validation", "wrong enum"),
        QT_TRANSLATE_NOOP("validation", "an enum property takes one of the values its model lists"),
    ),
    "too-long": (
        QT_TRANSLATE_NOOP("validation", "too long"),
        QT_TRANSLATE_NOOP("validation", "a string property takes at most its model's length in bytes (UTF-8)"),
    ),
    "unknown-member": (
        QT_TRANSLATE_NOOP("validation", "unknown member"),
        QT_TRANSLATE_NOOP("validation", "a struct property takes only the members its model lists"),
    ),
    "missing-member": (
        QT_TRANSLATE_NOOP("validation", "missing member"),
        QT_TRANSLATE_NOOP("validation", "a struct property's value must give every member its model lists"),
    ),
    "unsupported-type": (
        QT_TRANSLATE_NOOP("validation", "unsupported type"),
        QT_TRANSLATE_NOOP("validation", "this tool cannot enter values of this data type; send them from the device"),
    ),
}


class ModelError(ValueError):
    """A thing model (the platform's answer) that cannot be read: no property list, a property without identifier."""


class ValueRefused(ValueError):
    """A value the thing model refuses: `rule` is a key of RULES, `args[0]` says what is wrong."""

    def __init__(self, rule: str, what: Message | str) -> None:
        super().__init__(str(what))
        self.rule = rule
        #: what is wrong, for a person (`gui.i18n.render`); a str is shown as it is (the sandbox's platform answer)
        self.what = what if isinstance(what, Message) else Message.verbatim(what)


def _number(text: Any) -> float | int | None:
    """A spec number written as a number or as text (`"-40"`, `"0.5"`); None when absent or not a number."""
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, (int, float)):
        return text
    if isinstance(text, str):
        try:
            return int(text) if re.fullmatch(r"\s*[+-]?\d+\s*", text) else float(text)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Property:
    """One property of a thing model: `identifier`, `type` (one of TYPES), its limits.

    `minimum`/`maximum` for numbers (None: the type's own range), `values` for enum and
    bool (value text -> label: `{"0": "off", "1": "on"}`), `length` for strings (bytes of
    UTF-8) and arrays (items), `members` for structs, `item_type` for arrays.
    """

    identifier: str
    type: str
    name: str = ""
    minimum: float | int | None = None
    maximum: float | int | None = None
    unit: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    length: int | None = None
    members: tuple[Property, ...] = ()
    item_type: str = ""

    @classmethod
    def from_json(cls, item: Any) -> Property:
        """A property from the model's JSON (see the module docstring); ModelError when it has no identifier."""
        if not isinstance(item, dict) or not isinstance(item.get("identifier"), str) or not item["identifier"]:
            raise ModelError(f"a property without identifier: {json.dumps(item, ensure_ascii=False)[:120]}")
        data_type = item.get("dataType") or item.get("data_type") or {}
        if not isinstance(data_type, dict):
            data_type = {}
        kind = str(data_type.get("type", "")).strip().lower()
        specs = data_type.get("specs")
        minimum = maximum = None
        unit = ""
        values: dict[str, str] = {}
        length: int | None = None
        members: tuple[Property, ...] = ()
        item_type = ""
        if isinstance(specs, dict):
            minimum, maximum = _number(specs.get("min")), _number(specs.get("max"))
            unit = str(specs.get("unit") or specs.get("unitName") or "")
            if kind in ("enum", "bool"):
                values = {str(k): str(v) for k, v in specs.items()}
            raw_length = _number(specs.get("length"))
            length = int(raw_length) if raw_length is not None else None
            if kind == "array":
                item_type = str(specs.get("type", "")).lower()
        elif isinstance(specs, list) and kind == "struct":
            members = tuple(cls.from_json(member) for member in specs)
        return cls(
            item["identifier"],
            kind,
            str(item.get("name") or ""),
            minimum,
            maximum,
            unit,
            values,
            length,
            members,
            item_type,
        )

    # -- the value that goes on the wire ----------------------------------------------------

    def wire_value(self, value: Value) -> Any:
        """The JSON value a OneJSON body carries for `value` under this property's type.

        Numbers stay numbers; a bool property takes the texts `true`/`false` (the readings
        model has no bool: that is how they are typed or imported) and sends JSON true/false;
        a date property takes Unix milliseconds (a whole number); a struct an object whose
        members are checked in turn. Raises ValueRefused naming the rule the value breaks.
        """
        kind = self.type
        if kind in ("int32", "int64"):
            return self._integer(value, INT32 if kind == "int32" else INT64)
        if kind in ("float", "double"):
            return self._real(value)
        if kind == "bool":
            if value in ("true", "false"):
                return value == "true"
            raise ValueRefused(
                "wrong-bool", _w(QT_TRANSLATE_NOOP("validation", "{value} is not true or false"), value=_shown(value))
            )
        if kind == "enum":
            return self._enum(value)
        if kind == "string":
            if not isinstance(value, str):
                raise ValueRefused("wrong-type", _is_a(value, "string"))
            limit = self.length if self.length is not None else DEFAULT_STRING_LENGTH
            size = len(value.encode("utf-8", "surrogatepass"))
            if size > limit:
                raise ValueRefused(
                    "too-long",
                    _w(
                        QT_TRANSLATE_NOOP("validation", "{size} bytes, more than the {limit} the model allows"),
                        size=size,
                        limit=limit,
                    ),
                )
            return value
        if kind == "date":
            return self._integer(value, (0, INT64[1]))
        if kind == "struct":
            return self._struct(value)
        raise ValueRefused(
            "unsupported-type",
            _w(QT_TRANSLATE_NOOP("validation", "the property is of type {type}"), type=kind or "(none)"),
        )

    def _integer(self, value: Value, bounds: tuple[int, int]) -> int:
        if isinstance(value, float):
            if value.is_integer():
                raise ValueRefused(
                    "not-integer",
                    _w(
                        QT_TRANSLATE_NOOP("validation", "{value} is written as a decimal; write {whole}"),
                        value=_shown(value),
                        whole=str(int(value)),
                    ),
                )
            raise ValueRefused(
                "not-integer", _w(QT_TRANSLATE_NOOP("validation", "{value} is not a whole number"), value=_shown(value))
            )
        if not isinstance(value, int):
            raise ValueRefused("wrong-type", _is_a(value, self.type))
        self._in_range(value, bounds)
        return value

    def _real(self, value: Value) -> int | float:
        if not isinstance(value, (int, float)):
            raise ValueRefused("wrong-type", _is_a(value, self.type))
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueRefused(
                "wrong-type",
                _w(QT_TRANSLATE_NOOP("validation", "{value} is not a number JSON can carry"), value=str(value)),
            )
        self._in_range(value, None)
        return value

    def _in_range(self, value: int | float, bounds: tuple[int, int] | None) -> None:
        low = self.minimum if self.minimum is not None else (bounds[0] if bounds else None)
        high = self.maximum if self.maximum is not None else (bounds[1] if bounds else None)
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            raise ValueRefused(
                "out-of-range",
                _w(
                    QT_TRANSLATE_NOOP("validation", "{value} is outside the {type} range {low}..{high}"),
                    value=_spec(value),
                    type=self.type,
                    low=str(bounds[0]),
                    high=str(bounds[1]),
                ),
            )
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueRefused(
                "out-of-range",
                _w(
                    QT_TRANSLATE_NOOP("validation", "{value} is outside {low}..{high}{unit}"),
                    value=_spec(value),
                    low=_spec(low),
                    high=_spec(high),
                    unit=self.unit,
                ),
            )

    def _enum(self, value: Value) -> int:
        if isinstance(value, int) and str(value) in self.values:
            return value
        listed = ", ".join(f"{k} ({v})" for k, v in self.values.items()) or "-"
        if isinstance(value, str):
            meant = next((k for k, label in self.values.items() if label == value), None)
            if meant is not None:
                what = QT_TRANSLATE_NOOP(
                    "validation", "{value} is text; the model lists {listed}; did you mean {meant}?"
                )
            else:
                what = QT_TRANSLATE_NOOP("validation", "{value} is text; the model lists {listed}")
            raise ValueRefused("wrong-enum", _w(what, value=_shown(value), listed=listed, meant=str(meant)))
        raise ValueRefused(
            "wrong-enum",
            _w(QT_TRANSLATE_NOOP("validation", "{value} is not one of {listed}"), value=_shown(value), listed=listed),
        )

    def _struct(self, value: Value) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValueRefused("wrong-type", _is_a(value, "struct"))
        members = {m.identifier: m for m in self.members}
        out: dict[str, Any] = {}
        for key, item in value.items():
            member = members.get(key)
            if member is None:
                raise ValueRefused("unknown-member", _not_member(key, members))
            if isinstance(item, bool) or not isinstance(item, (int, float, str, dict)):
                item_text = "true" if item is True else "false" if item is False else None
                if item_text is None or member.type != "bool":
                    raise ValueRefused(
                        "wrong-type",
                        _w(
                            QT_TRANSLATE_NOOP("validation", "member {member}: {value} is not a {type}"),
                            member=repr(key),
                            value=json.dumps(item),
                            type=member.type,
                        ),
                    )
                item = item_text
            try:
                out[key] = member.wire_value(item)
            except ValueRefused as exc:
                raise ValueRefused(exc.rule, _of_member(key, exc.what)) from None
        missing = [name for name in members if name not in value]
        if missing:
            raise ValueRefused("missing-member", _missing(missing))
        return out

    def check_json(self, value: Any) -> Any:
        """`value` as it came in a OneJSON body, checked strictly as JSON (the platform's side); returns it.

        A bool property takes JSON true/false only, a number property never a bool or text,
        a struct its members alike. Raises ValueRefused naming the rule the value breaks.
        """
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            raise ValueRefused(
                "wrong-bool",
                _w(
                    QT_TRANSLATE_NOOP("validation", "{value} is not true or false"),
                    value=json.dumps(value, ensure_ascii=False)[:40],
                ),
            )
        if isinstance(value, bool) or value is None or isinstance(value, list):
            shown = json.dumps(value)[:40]
            raise ValueRefused(
                "wrong-type",
                _w(
                    QT_TRANSLATE_NOOP("validation", "{value} is not a value of a {type} property"),
                    value=shown,
                    type=self.type or "(none)",
                ),
            )
        if self.type == "struct" and isinstance(value, dict):
            members = {m.identifier: m for m in self.members}
            for key, item in value.items():
                member = members.get(key)
                if member is None:
                    raise ValueRefused("unknown-member", _not_member(key, members))
                try:
                    member.check_json(item)
                except ValueRefused as exc:
                    raise ValueRefused(exc.rule, _of_member(key, exc.what)) from None
            missing = [name for name in members if name not in value]
            if missing:
                raise ValueRefused("missing-member", _missing(missing))
            return value
        return self.wire_value(value)

    # -- a value read back ------------------------------------------------------------------

    def from_text(self, text: str) -> Any:
        """A value read back as text (`query-device-property-history` writes values as text) as this type.

        `"78"` -> 78 for int32/int64/enum/date, `"36.5"` -> 36.5 for float/double, `"true"`
        -> True for bool (also `"1"`/`"0"`), a struct's JSON text -> its object. Raises
        ValueError when the text cannot be read as the type.
        """
        kind = self.type
        stripped = text.strip()
        if kind in ("int32", "int64", "enum", "date"):
            if not re.fullmatch(r"[+-]?\d+", stripped):
                raise ValueError(f"{text!r} is not a whole number")
            return int(stripped)
        if kind in ("float", "double"):
            number = float(stripped)
            if not math.isfinite(number):
                raise ValueError(f"{text!r} is not a finite number")
            return number
        if kind == "bool":
            if stripped.lower() in ("true", "1"):
                return True
            if stripped.lower() in ("false", "0"):
                return False
            raise ValueError(f"{text!r} is not true or false")
        if kind in ("struct", "array"):
            return json.loads(text)
        return text


def _spec(number: float | int | None) -> str:
    return "" if number is None else format_value(number)


def _w(source: str, **args: object) -> Message:
    """What a value breaks, in the catalogues' context "validation" (code `thing-model`)."""
    return Message("thing-model", "validation", source, args)


def _kind(value: Value) -> Message:
    if isinstance(value, dict):
        return _w(QT_TRANSLATE_NOOP("validation", "a JSON object"))
    if isinstance(value, str):
        return _w(QT_TRANSLATE_NOOP("validation", "a text"))
    return _w(QT_TRANSLATE_NOOP("validation", "a number"))


def _is_a(value: Value, kind: str) -> Message:
    return _w(
        QT_TRANSLATE_NOOP("validation", "{value} is {kind}, the property is of type {type}"),
        value=_shown(value),
        kind=_kind(value),
        type=kind,
    )


def _not_member(key: str, members: Iterable[str]) -> Message:
    return _w(
        QT_TRANSLATE_NOOP("validation", "{member} is not a member (members: {members})"),
        member=repr(key),
        members=", ".join(members),
    )


def _of_member(key: str, what: Message) -> Message:
    return _w(QT_TRANSLATE_NOOP("validation", "member {member}: {what}"), member=repr(key), what=what)


def _missing(names: Iterable[str]) -> Message:
    return _w(QT_TRANSLATE_NOOP("validation", "no {members}"), members=", ".join(repr(m) for m in names))


def _shown(value: Value) -> str:
    return repr(value) if isinstance(value, str) else format_value(value)


@dataclass(frozen=True)
class ThingModel:
    """A product's thing model: its properties by identifier, in the model's order."""

    properties: Mapping[str, Property]

    @classmethod
    def of(cls, properties: Iterable[Property]) -> ThingModel:
        """A model of these properties (a later one with the same identifier replaces an earlier)."""
        return cls({p.identifier: p for p in properties})

    def get(self, identifier: str) -> Property | None:
        """The property with this identifier, or None."""
        return self.properties.get(identifier)

    def wire_value(self, identifier: str, value: Value) -> Any:
        """The JSON value for `value` of property `identifier`; ValueRefused (unknown-identifier, or a type's rule)."""
        prop = self.properties.get(identifier)
        if prop is None:
            raise ValueRefused(
                "unknown-identifier",
                _w(
                    QT_TRANSLATE_NOOP("validation", "{identifier} is not in the model (properties: {known})"),
                    identifier=repr(identifier),
                    known=", ".join(self.properties) or "-",
                ),
            )
        return prop.wire_value(value)


def parse_thing_model(data: Any) -> ThingModel:
    """The model from the `data` of a `/thingmodel/query-thing-model` answer (shape [L], read defensively).

    Takes `{"properties": [...]}`, `{"model": {"properties": [...]}}` (also `thingModel`), or the
    list itself. Raises ModelError when no property list is found or a property has no identifier.
    """
    items: Any = data
    if isinstance(data, dict):
        for key in ("model", "thingModel", "thing_model"):
            inner = data.get(key)
            if isinstance(inner, str):
                try:
                    inner = json.loads(inner)
                except ValueError:
                    inner = None
            if isinstance(inner, dict) and "properties" in inner:
                data = inner
                break
        items = data.get("properties")
    if not isinstance(items, list):
        raise ModelError("the answer holds no list of properties (data.properties)")
    return ThingModel.of(Property.from_json(item) for item in items)


def check_readings(model: ThingModel, readings: Readings) -> list[Issue]:
    """Every datapoint of `readings` checked against `model`: one ERROR Issue per value refused.

    Datastream ids are property identifiers. An unknown identifier gives one issue for its
    datastream (not one per datapoint); each other issue names the datapoint, and its
    message the property, the rule (`RULES`) and its reason. Sources: shared onenet-api.md,
    "The current platform" (identifiers and types must match the model).
    """
    issues: list[Issue] = []
    for s_index, stream in enumerate(readings.datastreams):
        prop = model.get(stream.id)
        if prop is None:
            what = _w(
                QT_TRANSLATE_NOOP("validation", "not in the model (properties: {known})"),
                known=", ".join(model.properties) or "-",
            )
            issues.append(_issue("unknown-identifier", what, stream.id, s_index, None))
            continue
        for p_index, point in enumerate(stream.datapoints):
            try:
                prop.wire_value(point.value)
            except ValueRefused as exc:
                issues.append(_issue(exc.rule, exc.what, stream.id, s_index, p_index, prop))
    return issues


def _issue(
    rule: str, what: Message, identifier: str, s_index: int, p_index: int | None, prop: Property | None = None
) -> Issue:
    title, reason = RULES[rule]
    name = repr(identifier) + (f" ({prop.type})" if prop is not None else "")
    if p_index is None:
        where = _w(QT_TRANSLATE_NOOP("validation", "property {name}"), name=name)
    else:
        where = _w(QT_TRANSLATE_NOOP("validation", "property {name}, datapoint #{n}"), name=name, n=str(p_index + 1))
    text = Message(
        rule,
        "validation",
        QT_TRANSLATE_NOOP("validation", "{where}: {what} — {title}: {reason}"),
        {"where": where, "what": what, "title": _w(title), "reason": _w(reason)},
    )
    return Issue(Severity.ERROR, rule, text, identifier, s_index, p_index)
