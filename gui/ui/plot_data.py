"""The plot's data: the editor's rows as numpy columns, turned into numeric series by status.

No widgets here (it imports the row types of the editor model only), so it is
cheap to test and to benchmark. :class:`RowTable` keeps one entry per row
and one per plotted number of a row; the editor model's changes are applied
as splices (insert, remove, replace, status), and :meth:`RowTable.series`
builds the series with vectorized numpy, so an update of a million rows
costs a few sorts, not a Python loop.

Rules (documented for users in the plot's key and the issue note):

- A datastream's numbers are the series named by its id; the numeric fields
  of JSON object values are series `id.field` (nested objects `id.a.b`).
  Text values, booleans, lists and numbers too large for a float are not
  plotted (they are counted).
- x is the epoch time in seconds of `at` as it goes on the wire: fractions
  of a second are dropped (:func:`gui.onenet.readings.format_at`).
- Datapoints without `at` are plotted at the time they were sent (the
  stamp the window records with :meth:`RowTable.stamp`); not-yet-sent and
  failed ones have no time and are omitted (counted).
- Overwrite rule (shared onenet-api.md, "Timestamps"): of the sent rows of
  one datastream at the same second, only the last in row order is on the
  platform, so only it is plotted, in every series of that stream (the seed
  example's `key` shows 23.001 at 00:35:43 and `key.x`/`key.y` show nothing
  there once sent). Row order is taken as send order. Not-yet-sent and
  failed rows are all shown.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

import numpy as np
import numpy.typing as npt

from gui.onenet.readings import Datapoint
from gui.ui.rows import Row, RowStatus

#: Status codes of the `status` arrays.
UNSENT, SENT, FAILED = 0, 1, 2
#: Rows on the wire or with an unknown outcome are not known to be stored: drawn as not sent.
STATUS_CODES = {
    RowStatus.UNSENT: UNSENT,
    RowStatus.IN_FLIGHT: UNSENT,
    RowStatus.UNKNOWN: UNSENT,
    RowStatus.SENT: SENT,
    RowStatus.FAILED: FAILED,
}
STATUS_NAMES = {UNSENT: "not sent", SENT: "sent", FAILED: "failed"}

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
I8 = npt.NDArray[np.int8]


@dataclass(frozen=True)
class SeriesData:
    """One series: `x` epoch seconds (float64, ascending), `y` (float64), `status` codes (int8), `row` (int64).

    `row` is the editor row of each point (-1 when there is none, e.g.
    arrays handed in directly). All four have the same length.
    """

    x: F64
    y: F64
    status: I8
    row: I64

    @classmethod
    def of(cls, x: Any, y: Any, status: Any = None) -> SeriesData:
        """A series from array-likes, sorted by x; `status` defaults to SENT for every point."""
        xs = np.asarray(x, dtype=np.float64)
        ys = np.asarray(y, dtype=np.float64)
        codes = np.full(len(xs), SENT, np.int8) if status is None else np.asarray(status, dtype=np.int8)
        rows = np.full(len(xs), -1, np.int64)
        if len(xs) > 1 and not bool(np.all(xs[1:] >= xs[:-1])):
            order = np.argsort(xs, kind="stable")
            xs, ys, codes = xs[order], ys[order], codes[order]
        return cls(xs, ys, codes, rows)

    def __len__(self) -> int:
        return len(self.x)

    def with_status(self, code: int) -> tuple[F64, F64]:
        """x and y of the points with one status code."""
        if len(self.status) and bool(np.all(self.status == code)):
            return self.x, self.y
        mask = self.status == code
        return self.x[mask], self.y[mask]


@dataclass(frozen=True)
class Counts:
    """What the plot leaves out: text values, points without a time, overwritten sent points."""

    plotted: int = 0
    not_numeric: int = 0
    no_time: int = 0
    overwritten: int = 0


def numeric_fields(value: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """The plottable numbers of a value: `("", 84.0)` for a number, `("x", 123.0)`… for an object.

    Nested objects give dotted names (`"a.b"`); booleans, strings, lists,
    null and numbers beyond the float range give nothing.
    """
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        number = _finite(value)
        if number is not None:
            yield prefix, number
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from numeric_fields(item, f"{prefix}.{key}" if prefix else str(key))


def _finite(value: int | float) -> float | None:
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _empty_f() -> F64:
    return np.empty(0, np.float64)


class RowTable:
    """The editor's rows as numpy columns, updated by splices; :meth:`series` builds the plot data.

    Row columns (one per editor row): stream code, time key (epoch seconds,
    NaN when the row has no time), status code, has-`at` flag. Entry columns
    (one per plotted number, sorted by row): row, series code, y.
    """

    def __init__(self) -> None:
        self.stream_ids: list[str] = []
        self._stream_code: dict[str, int] = {}
        self.series_names: list[str] = []
        self.series_stream: list[int] = []
        self._series_code: dict[str, int] = {}
        self._stamps: dict[int, tuple[Datapoint, float]] = {}
        self.r_stream: I32 = np.empty(0, np.int32)
        self.r_key: F64 = _empty_f()
        self.r_status: I8 = np.empty(0, np.int8)
        self.r_has_at = np.empty(0, np.bool_)
        self.r_numeric = np.empty(0, np.bool_)
        self.e_row: I64 = np.empty(0, np.int64)
        self.e_series: I32 = np.empty(0, np.int32)
        self.e_y: F64 = _empty_f()

    def __len__(self) -> int:
        return len(self.r_key)

    # --- stamps of datapoints sent without `at` -------------------------------------------
    def stamp(self, point: Datapoint, sent_at: datetime) -> None:
        """Remember when a datapoint without `at` was sent (identity of the Datapoint object)."""
        if point.at is None:
            self._stamps[id(point)] = (point, sent_at.timestamp())

    def stamp_of(self, point: Datapoint) -> float | None:
        """The recorded send time (epoch seconds) of this very Datapoint object, or None."""
        entry = self._stamps.get(id(point))
        return entry[1] if entry is not None and entry[0] is point else None

    def forget_stamps_except(self, rows: Sequence[Row]) -> None:
        """Drop stamps of datapoints no longer in `rows`."""
        alive = {id(r.point) for r in rows if r.point.at is None}
        self._stamps = {k: v for k, v in self._stamps.items() if k in alive}

    # --- conversion -----------------------------------------------------------------------
    def _code(self, table: dict[str, int], names: list[str], name: str) -> int:
        code = table.get(name)
        if code is None:
            code = table[name] = len(names)
            names.append(name)
        return code

    def _convert(self, rows: Sequence[Row], first: int) -> tuple[Any, ...]:
        """Row and entry columns of `rows`, numbered from row `first` (the only Python loop over rows)."""
        n = len(rows)
        r_stream = np.empty(n, np.int32)
        r_key = np.empty(n, np.float64)
        r_status = np.empty(n, np.int8)
        r_has_at = np.empty(n, np.bool_)
        r_numeric = np.empty(n, np.bool_)
        e_row: list[int] = []
        e_series: list[int] = []
        e_y: list[float] = []
        codes = STATUS_CODES
        nan = math.nan
        for i, row in enumerate(rows):
            point = row.point
            stream_code = self._stream_code.get(row.stream_id)
            if stream_code is None:
                stream_code = self._code(self._stream_code, self.stream_ids, row.stream_id)
            status = codes[row.status]
            r_stream[i] = stream_code
            r_status[i] = status
            at = point.at
            if at is not None:
                r_key[i] = math.floor(at.timestamp())
                r_has_at[i] = True
            else:
                stamp = self.stamp_of(point) if status == SENT else None
                r_key[i] = nan if stamp is None else stamp
                r_has_at[i] = False
            value = point.value
            kind = type(value)
            if kind is float or kind is int:
                number = _finite(value)  # type: ignore[arg-type]
                r_numeric[i] = number is not None
                if number is not None:
                    e_row.append(first + i)
                    e_series.append(self._series_for(row.stream_id, "", stream_code))
                    e_y.append(number)
            elif kind is dict:
                fields = list(numeric_fields(value))
                r_numeric[i] = bool(fields)
                for name, number in fields:
                    e_row.append(first + i)
                    e_series.append(self._series_for(row.stream_id, name, stream_code))
                    e_y.append(number)
            else:
                r_numeric[i] = False
        return (
            r_stream,
            r_key,
            r_status,
            r_has_at,
            r_numeric,
            np.asarray(e_row, np.int64),
            np.asarray(e_series, np.int32),
            np.asarray(e_y, np.float64),
        )

    def _series_for(self, stream_id: str, field: str, stream_code: int) -> int:
        name = f"{stream_id}.{field}" if field else stream_id
        code = self._series_code.get(name)
        if code is None:
            code = self._code(self._series_code, self.series_names, name)
            self.series_stream.append(stream_code)
        return code

    # --- splices (indexes are editor rows) ------------------------------------------------
    def reset(self, rows: Sequence[Row]) -> None:
        """Replace everything by `rows`."""
        (
            self.r_stream,
            self.r_key,
            self.r_status,
            self.r_has_at,
            self.r_numeric,
            self.e_row,
            self.e_series,
            self.e_y,
        ) = self._convert(rows, 0)
        self.forget_stamps_except(rows)

    def insert(self, first: int, rows: Sequence[Row]) -> None:
        """`rows` were inserted before row `first` (`first == len(self)` appends)."""
        if not rows:
            return
        n = len(rows)
        cols = self._convert(rows, first)
        self.r_stream = np.concatenate([self.r_stream[:first], cols[0], self.r_stream[first:]])
        self.r_key = np.concatenate([self.r_key[:first], cols[1], self.r_key[first:]])
        self.r_status = np.concatenate([self.r_status[:first], cols[2], self.r_status[first:]])
        self.r_has_at = np.concatenate([self.r_has_at[:first], cols[3], self.r_has_at[first:]])
        self.r_numeric = np.concatenate([self.r_numeric[:first], cols[4], self.r_numeric[first:]])
        cut = int(np.searchsorted(self.e_row, first, side="left"))
        tail_rows = self.e_row[cut:] + n
        self.e_row = np.concatenate([self.e_row[:cut], cols[5], tail_rows])
        self.e_series = np.concatenate([self.e_series[:cut], cols[6], self.e_series[cut:]])
        self.e_y = np.concatenate([self.e_y[:cut], cols[7], self.e_y[cut:]])

    def remove(self, first: int, last: int) -> None:
        """Rows `first`..`last` (inclusive) were removed."""
        n = last - first + 1
        if n <= 0:
            return
        keep = np.ones(len(self.r_key), np.bool_)
        keep[first : last + 1] = False
        self.r_stream = self.r_stream[keep]
        self.r_key = self.r_key[keep]
        self.r_status = self.r_status[keep]
        self.r_has_at = self.r_has_at[keep]
        self.r_numeric = self.r_numeric[keep]
        lo = int(np.searchsorted(self.e_row, first, side="left"))
        hi = int(np.searchsorted(self.e_row, last, side="right"))
        self.e_row = np.concatenate([self.e_row[:lo], self.e_row[hi:] - n])
        self.e_series = np.concatenate([self.e_series[:lo], self.e_series[hi:]])
        self.e_y = np.concatenate([self.e_y[:lo], self.e_y[hi:]])

    def replace(self, first: int, rows: Sequence[Row]) -> None:
        """Rows `first`.. were edited and are now `rows` (same count)."""
        if rows:
            self.remove(first, first + len(rows) - 1)
            self.insert(first, rows)

    def set_status(self, first: int, rows: Sequence[Row]) -> None:
        """Rows `first`.. changed status only; they are now `rows`.

        Rows without `at` get their send stamp (if recorded) when sent, and
        lose their time when no longer sent.
        """
        codes = STATUS_CODES
        status = np.fromiter((codes[r.status] for r in rows), np.int8, len(rows))
        self.r_status[first : first + len(rows)] = status
        for offset in np.flatnonzero(~self.r_has_at[first : first + len(rows)]):
            row = rows[int(offset)]
            stamp = self.stamp_of(row.point) if row.status is RowStatus.SENT else None
            self.r_key[first + int(offset)] = math.nan if stamp is None else stamp

    def restamp(self, rows: Sequence[Row]) -> None:
        """Give sent rows without `at` and without a time their recorded stamp (stamps come after the status)."""
        waiting = np.flatnonzero(~self.r_has_at & (self.r_status == SENT) & np.isnan(self.r_key))
        for index in waiting:
            stamp = self.stamp_of(rows[int(index)].point)
            if stamp is not None:
                self.r_key[int(index)] = stamp

    # --- the series -----------------------------------------------------------------------
    def series(self) -> tuple[dict[str, SeriesData], Counts]:
        """Every series with at least one timed point (possibly all overwritten), and what was left out.

        Series come in the order they first appeared; within a series points
        are sorted by x, equal x in row order.
        """
        timed = ~np.isnan(self.r_key)
        keep_row = timed.copy()
        sent_rows = np.flatnonzero(timed & (self.r_status == SENT))
        overwritten = 0
        if len(sent_rows) > 1:
            losers = _overwritten(sent_rows, self.r_stream[sent_rows], self.r_key[sent_rows])
            keep_row[losers] = False
            overwritten = len(losers)
        counts = Counts(
            plotted=0,
            not_numeric=int(np.count_nonzero(~self.r_numeric)),
            no_time=int(np.count_nonzero(~timed & self.r_numeric)),
            overwritten=overwritten,
        )
        if not len(self.e_row):
            return {}, counts
        e_timed = timed[self.e_row]
        present = np.unique(self.e_series[e_timed])
        e_keep = keep_row[self.e_row]
        idx = np.flatnonzero(e_keep)
        codes = self.e_series[idx]
        by_series = idx[np.argsort(codes, kind="stable")]
        sorted_codes = self.e_series[by_series]
        starts = np.searchsorted(sorted_codes, present, side="left")
        ends = np.searchsorted(sorted_codes, present, side="right")
        result: dict[str, SeriesData] = {}
        plotted = 0
        for code, lo, hi in sorted(zip(present.tolist(), starts.tolist(), ends.tolist(), strict=True)):
            entries = by_series[lo:hi]
            rows = self.e_row[entries]
            x = self.r_key[rows]
            if len(x) > 1 and not bool(np.all(x[1:] >= x[:-1])):
                order = np.argsort(x, kind="stable")
                entries, rows, x = entries[order], rows[order], x[order]
            result[self.series_names[code]] = SeriesData(x, self.e_y[entries], self.r_status[rows], rows)
            plotted += len(x)
        return result, Counts(plotted, counts.not_numeric, counts.no_time, counts.overwritten)


def _overwritten(rows: I64, streams: I32, keys: F64) -> I64:
    """The sent rows a later sent row of the same stream and key overwrites (`rows` ascending)."""
    order = np.argsort(streams, kind="stable")
    s, k, r = streams[order], keys[order], rows[order]
    # within each stream, by key; stable, so equal keys stay in row order
    same_stream = s[1:] == s[:-1]
    if not bool(np.all((k[1:] >= k[:-1]) | ~same_stream)):
        order2 = np.lexsort((r, k, s))
        s, k, r = s[order2], k[order2], r[order2]
    later_same = (s[1:] == s[:-1]) & (k[1:] == k[:-1])
    return np.asarray(r[:-1][later_same], np.int64)


def iso_times(x: F64, tz: tzinfo) -> list[str]:
    """Epoch seconds as ISO 8601 wall-clock times in `tz` with their offset: `2013-04-22T00:35:43+08:00`.

    Whole seconds unless some time has a fraction (then milliseconds for
    all). Vectorized: the offset is looked up once per hour of data (zone
    changes fall on whole hours), so a million times take well under a second.
    """
    if not len(x):
        return []
    hours = np.floor(x / 3600.0)
    unique, inverse = np.unique(hours, return_inverse=True)
    offsets = np.empty(len(unique), np.int64)
    suffixes: list[str] = []
    for i, hour in enumerate(unique.tolist()):
        offset = datetime.fromtimestamp(hour * 3600.0, UTC).astimezone(tz).utcoffset()
        seconds = int(offset.total_seconds()) if offset is not None else 0
        offsets[i] = seconds
        sign = "+" if seconds >= 0 else "-"
        hh, rest = divmod(abs(seconds), 3600)
        suffixes.append(f"{sign}{hh:02d}:{rest // 60:02d}")
    local_ms = np.round((x + offsets[inverse]) * 1000.0).astype(np.int64)
    whole = bool(np.all(local_ms % 1000 == 0))
    texts = np.datetime_as_string(local_ms.astype("datetime64[ms]"), unit="s" if whole else "ms")
    return [t + suffixes[k] for t, k in zip(texts.tolist(), inverse.tolist(), strict=True)]
