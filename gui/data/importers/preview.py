"""The dialog's first rows: each cell as read and as it will be sent, with its status and reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gui.data.importers import cells as C
from gui.data.importers.options import Role
from gui.data.importers.result import CellStatus, PreviewCell, PreviewRow
from gui.data.importers.result import message as _m
from gui.data.importers.sources import cell_text
from gui.onenet.readings import Value, format_at, format_value
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.data.importers.convert import RowConverter
    from gui.data.importers.refusals import Reason

_ORDER_UNKNOWN = _m("order-unknown", QT_TRANSLATE_NOOP("importers", "day/month order not known: choose it"))
_SKIPPED = _m("missing-skipped", QT_TRANSLATE_NOOP("importers", "missing: skipped"))


def preview_rows(
    conv: RowConverter,
    numbers: Sequence[int],
    good: list[Sequence[Any]],
    times: list[datetime | None],
    converted: list[list[Value | None]],
    long_values: list[Value | None],
    errors: dict[int, list[tuple[int, Reason]]],
    warnings: dict[int, list[tuple[int, Reason]]],
    rejected: set[int],
) -> None:
    """Add the chunk's rows to `conv.result.preview` until it holds `conv.preview_rows` rows."""
    plan = conv.plan
    by_col = {j: col for j, col in zip(plan.values, converted, strict=True)}
    time_col = conv.plan.time.column()
    tz = conv.table.tz
    for i, row in enumerate(good):
        if len(conv.result.preview) >= conv.preview_rows:
            return
        bad = {j: r for j, r in errors.get(i, [])}
        noted = {j: r for j, r in warnings.get(i, [])}
        cells = []
        for j in range(conv.width):
            raw = row[j]
            text = cell_text(raw)
            info = plan.infos[j]
            if j in bad:
                cells.append(PreviewCell(text, text, CellStatus.ERROR, bad[j]))
                continue
            if info.role is Role.SKIP:
                cells.append(PreviewCell(text, text, CellStatus.SKIPPED))
                continue
            if j == time_col:
                at = times[i]
                reason: Reason | None
                if plan.time.undecided:
                    shown, status, reason = text, CellStatus.WARNING, _ORDER_UNKNOWN
                elif at is None:
                    shown, status, reason = "(no at)", CellStatus.MISSING, noted.get(j)
                else:
                    aware = at if at.tzinfo is not None else at.replace(tzinfo=tz)
                    shown = format_at(aware)
                    status = CellStatus.WARNING if j in noted else CellStatus.OK
                    reason = noted.get(j)
                cells.append(PreviewCell(text, shown, status, reason))
                continue
            if info.role in (Role.DATE, Role.TIME_OF_DAY, Role.TIME, Role.TIME_PART):
                cells.append(PreviewCell(text, text, CellStatus.OK))
                continue
            if info.role is Role.STREAM:
                cells.append(PreviewCell(text, text.strip(), CellStatus.OK))
                continue
            value = by_col[j][i] if j in by_col else long_values[i] if long_values else None
            if value is None:
                cells.append(PreviewCell(text, "", CellStatus.MISSING, _SKIPPED))
            else:
                shown = format_value(value) if not isinstance(value, dict) else C.json_dumps_compact(value)
                cells.append(PreviewCell(text, shown, CellStatus.OK))
        conv.result.preview.append(PreviewRow(numbers[i], tuple(cells), i in rejected))
