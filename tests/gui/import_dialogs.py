"""The import dialog in tests: a change made and the read it triggers waited for; Import clicked and the
datapoints it hands the editor taken (the dialog itself is opened by the `open_import_dialog` fixture)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gui.onenet.readings import format_at
from gui.ui.import_dialog import ImportDialog

#: How long a read of a file of a few hundred rows may take (the suite's waits scale it on a loaded machine).
READ_TIMEOUT_MS = 20_000


def reread(qtbot, dialog: ImportDialog, change) -> None:
    """Make a change in the dialog and wait for the read it triggers."""
    with qtbot.waitSignal(dialog.finishedReading, timeout=READ_TIMEOUT_MS):
        change()


def import_points(qtbot, dialog: ImportDialog, rows: list) -> dict[str, list[tuple[str | None, Any]]]:
    """Click "Import N datapoints", wait for the rows; per datastream in order of appearance, (at, value) each."""
    with qtbot.waitSignal(dialog.imported, timeout=READ_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    points: dict[str, list[tuple[str | None, Any]]] = {}
    for row in rows:
        points.setdefault(row.stream_id, []).append(
            (format_at(row.point.at) if row.point.at else None, row.point.value)
        )
    return points
