"""What the first rows say about each column (`Profile`), headers compared with hint lists, and why a column
is proposed as not imported (`_skip_reason`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from gui.data.importers import cells as C
from gui.data.importers.cell_numbers import comma_rereads
from gui.data.importers.options import TimeFormat
from gui.data.importers.result import ImportFailed
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text
from gui.onenet.readings import FULL_WIDTH_NUMBER
from gui.text import QT_TRANSLATE_NOOP, Counted, Message

SAMPLE_ROWS = 1000


_TIME_HINTS = {
    "time", "date", "datetime", "timestamp", "ts", "at", "zeit", "datum", "uhrzeit", "fecha", "hora",
    "heure", "data", "ora", "tijd", "czas", "время", "дата", "changed", "updated", "period", "periode",
    "quarter", "year", "month", "zeitstempel", "messzeit",
}  # fmt: skip


_TIME_HINTS_CJK = ("时间", "日期", "时刻", "時間", "日時", "日付")


#: Headers of columns that number rows, not readings.
_INDEX_NAMES = {"#", "no", "no.", "nr", "nr.", "n°", "index", "idx", "entry_id", "row", "rownum", "序号", "编号", ""}


#: Data-logger event columns (HOBOware: `Logged`, `Button Down`, `Host Connected`…): markers, not readings.
_EVENT_NAMES = (
    "logged", "button down", "button up", "host connected", "end of file", "stopped", "started",
    "coupler attached", "coupler detached", "bad battery", "good battery", "new interval",
)  # fmt: skip


#: Headers of label columns (a station's code) that are not readings even when they hold numbers.
_LABEL_HINTS = {
    "station", "stations_id", "station_id", "stn", "code", "site", "site_id", "location", "eor", "qn", "sensor",
    "serial", "device", "logger", "model", "host", "unit", "place", "ort", "standort", "站点", "站名", "设备",
}  # fmt: skip


def _tokens(name: str) -> set[str]:
    out, word = set(), []
    for ch in name.casefold():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.add("".join(word))
            word = []
    if word:
        out.add("".join(word))
    return out


def is_time_name(name: str) -> bool:
    """A header that says "time": `time`, `Date/Time`, `timestamp (UTC)`, `MESS_DATUM`, `_time`, `时间`…"""
    return bool(_tokens(name) & _TIME_HINTS) or any(h in name for h in _TIME_HINTS_CJK)


def plain_name(name: str) -> str:
    """A header compared with the hint lists: stripped, case-folded, spaces as `_`."""
    return name.strip().casefold().replace(" ", "_")


@dataclass
class Profile:
    """What the sample says about one column."""

    classes: Counter[C.CellClass] = field(default_factory=Counter)
    formats: Counter[TimeFormat] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)
    raws: list[Any] = field(default_factory=list)
    decimals: Counter[str] = field(default_factory=Counter)
    decimal_examples: dict[str, str] = field(default_factory=dict)  # the first cell that showed each decimal mark
    distinct: set[str] = field(default_factory=set)
    full_width: str = ""  # the first number written with full-width characters (`２１．５`)
    zero_padded: str = ""  # the first number written with leading zeros (`0012`, `cells.zero_padded`): a code
    ambiguous: str = ""  # the first `1,234` / `1.234` cell (`cells.is_ambiguous_number`): its decimal mark is unsure
    comma_reread: str = ""  # the first number cell a decimal comma reads otherwise (`cell_numbers.comma_rereads`)
    missing_like: int = 0  # text cells such as `NA`, `--`, `#N/A`: a marker the user has not given
    missing_texts: set[str] = field(default_factory=set)
    other_texts: list[str] = field(default_factory=list)  # the first few other texts (`OVER`, `23.5 °C`)
    example: str = ""

    @property
    def filled(self) -> int:
        return sum(n for c, n in self.classes.items() if c is not C.CellClass.MISSING)

    def share(self, *classes: C.CellClass) -> float:
        filled = self.filled
        return sum(self.classes[c] for c in classes) / filled if filled else 0.0


def profile_columns(rows: Sequence[Sequence[Any]], width: int, missing: frozenset[str]) -> list[Profile]:
    """Per column of `rows`: cell classes, time formats, decimal evidence, examples and distinct texts."""
    profiles = [Profile() for _ in range(width)]
    for row in rows:
        for j in range(min(width, len(row))):
            raw = row[j]
            profile = profiles[j]
            cls, fmt = C.classify(raw, missing)
            profile.classes[cls] += 1
            if cls is C.CellClass.MISSING:
                continue
            if not profile.example:
                profile.example = cell_text(raw)
            if fmt is not None:
                profile.formats[fmt] += 1
            if len(profile.raws) < 200:
                profile.raws.append(raw)
            if len(profile.distinct) <= 50:
                profile.distinct.add(cell_text(raw).strip())
            if cls is C.CellClass.TEXT and isinstance(raw, str) and raw.strip().casefold() in C.MISSING_LIKE:
                profile.missing_like += 1
                profile.missing_texts.add(raw.strip())
            elif (
                cls is C.CellClass.TEXT
                and len(profile.other_texts) < 3
                and cell_text(raw).strip() not in (profile.other_texts)
            ):
                profile.other_texts.append(cell_text(raw).strip())
            if not profile.comma_reread:
                profile.comma_reread = comma_rereads(raw)
            if isinstance(raw, str):
                if cls is C.CellClass.NUMBER and not profile.zero_padded and C.zero_padded(raw):
                    profile.zero_padded = raw.strip()
                if cls is C.CellClass.NUMBER and not raw.isascii() and not profile.full_width:
                    stripped = raw.strip()
                    profile.full_width = stripped if stripped.translate(FULL_WIDTH_NUMBER) != stripped else ""
                if len(profile.texts) < SAMPLE_ROWS:
                    profile.texts.append(raw.strip())
                evidence = C.decimal_evidence(raw)
                if evidence:
                    profile.decimals[evidence] += 1
                    profile.decimal_examples.setdefault(evidence, raw.strip())
                elif not profile.ambiguous and C.is_ambiguous_number(raw):
                    profile.ambiguous = raw.strip()
    return profiles


def _integers(raws: Sequence[Any]) -> list[int] | None:
    out = []
    for raw in raws:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int):
            out.append(raw)
        elif isinstance(raw, float) and raw.is_integer():
            out.append(int(raw))
        elif isinstance(raw, str) and raw.strip().isdecimal():  # not isdigit: "²" is a digit int() refuses
            out.append(int(raw.strip()))
        else:
            return None
    return out


def row_index(name: str, profile: Profile, first: bool) -> Message | None:
    """Why a column numbers the rows (None: it does not): whole numbers under a header such as `#`, `index`, `序号`,
    or the first column counting up by one (R's `write.csv`, pandas' `to_csv`). Never a reading, in any layout."""
    ints = _integers(profile.raws) if profile.filled else None
    if ints is None:
        return None
    if name.strip().casefold() in _INDEX_NAMES:
        return _m("skip-index-named", QT_TRANSLATE_NOOP("importers", "a row index (its header says so)"))
    if first and len(ints) >= 3 and all(b - a == 1 for a, b in pairwise(ints)):
        return _m(
            "skip-index-counting", QT_TRANSLATE_NOOP("importers", "a row index (the first column, counting up by one)")
        )
    return None


def _skip_reason(name: str, profile: Profile, rows: int, unnamed: bool, first: bool) -> Message | None:
    """Why a column is proposed as not imported (None: it is a reading)."""
    folded = name.strip().casefold()
    if not profile.filled:
        if not unnamed:
            return None
        return Counted("skip-unnamed-empty").tr("no header and empty in the first %Ln row(s)", "", rows)
    index = row_index(name, profile, first)
    if index is not None:
        return index
    if folded in _EVENT_NAMES or any(folded.startswith(e + " (") for e in _EVENT_NAMES):
        return _m("skip-event", QT_TRANSLATE_NOOP("importers", "a logger's event marker, not readings"))
    if unnamed and len(profile.distinct) <= 50 and not any(ch.isalnum() for t in profile.distinct for ch in t):
        return (
            Counted("skip-unnamed-junk")
            .tr("no header and no readings in the first %Ln row(s), only {text}", "", rows)
            .with_args(text=", ".join(repr(t) for t in sorted(profile.distinct)))
        )
    texts = profile.classes[C.CellClass.TEXT]
    if profile.missing_like == profile.filled:
        return (
            Counted("skip-no-reading")
            .tr("only {text} (no reading) in the first %Ln row(s)", "", rows)
            .with_args(text=repr(next(iter(profile.missing_texts))))
        )
    if len(profile.distinct) == 1 and profile.filled >= 2:
        value = next(iter(profile.distinct))
        named = plain_name(name) in _LABEL_HINTS or bool(_tokens(name) & _LABEL_HINTS)
        # A constant text is a label when its header says so, when it holds digits (a serial number), or
        # over many rows; a reading may stay the same over a short file (wind from SE all day).
        if texts == profile.filled and (named or any(ch.isdigit() for ch in value) or profile.filled >= 100):
            return _m(
                "skip-label-text",
                QT_TRANSLATE_NOOP("importers", "the same text in every row ({value}): a label"),
                value=repr(value),
            )
        if texts != profile.filled and named:
            return _m(
                "skip-label-code",
                QT_TRANSLATE_NOOP("importers", "the same code in every row ({value}): a label"),
                value=repr(value),
            )
    return None


#: Long layout: the datastream column's header, best first (InfluxDB's `_field` before `_measurement`).
_STREAM_HINTS = (
    "stream", "datastream", "datastream_id", "datastreamid", "stream_id", "streamid", "entity_id", "_field",
    "field", "metric", "id", "channel", "sensor", "tag", "name", "variable", "quantity", "parameter",
    "数据流", "数据流id", "通道", "传感器", "名称", "变量",
)  # fmt: skip


_VALUE_HINTS = ("value", "_value", "val", "reading", "measurement", "state", "值", "数值", "读数", "测量值", "数据")


def _resolve(key: str, names: list[str], what: str) -> int:
    """A column given by name (case-insensitive) or 1-based number; ImportFailed naming the columns otherwise."""
    text = key.strip()
    folded = [n.casefold() for n in names]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    if text.isdigit() and 1 <= int(text) <= len(names):
        return int(text) - 1
    shown = ", ".join(f"{i + 1}: {n}" for i, n in enumerate(names))
    raise ImportFailed(
        _m(
            "the-file-has-no-column-its-colum",
            QT_TRANSLATE_NOOP("importers", "{what}: the file has no column {text}. Its columns are {shown}."),
            what=str(what),
            text=repr(text),
            shown=str(shown),
        )
    )
