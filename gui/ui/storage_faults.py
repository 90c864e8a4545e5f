"""The window's side of storage faults (issue 12): a damaged, emptied, gone, full or read-only outbox said in a dialog.

`open_outbox` is what the window starts with: it opens the outbox database and, when
`Store` raises a `StorageFault` (see `gui.data.store.health`), shows a dialog with the
path, what was saved and where the damaged copy is, and what to do; it then goes on with
the salvaged store, or returns None so the app exits with the CLI's storage status.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from gui.data.store import Store
from gui.data.store.health import SalvageReport, StorageFault, StoreMissing, StoreSalvaged, StoreUnwritable
from gui.i18n import render, translate


def salvaged_text(report: SalvageReport) -> str:
    """What the dialog says after a damaged outbox was moved aside and salvaged (several lines): the report's
    lines (saved, lost, where the damaged copy is), then what to do in the window."""
    lines = [render(line) for line in report.lines()]
    lines.append(translate("StorageFaults", "Check the table and the history, then send again."))
    return "\n".join(lines)


def fault_text(fault: StorageFault) -> str:
    """What the dialog says for a fault the window cannot go on with: the kind, the path, then the details."""
    if isinstance(fault, StoreMissing):
        head = translate("StorageFaults", "The outbox database {path} held datapoints before and is now empty or gone.")
    elif isinstance(fault, StoreUnwritable):
        head = translate(
            "StorageFaults", "The outbox database {path} cannot be written (disk full, read-only, or a disk error)."
        )
    else:
        head = translate("StorageFaults", "The outbox database {path} cannot be used.")
    return "\n".join(
        [
            head.format(path=fault.path),
            render(fault.text),
            translate(
                "StorageFaults",
                "The window closes and leaves the file as it is: free space, fix permissions or restore a backup.",
            ),
        ]
    )


def _open_and_recover(path: Path | None) -> Store:
    store = Store(path)
    try:
        store.recover()  # None: another sender (the CLI) runs; its rows show as being sent
    except BaseException:
        store.close()
        raise
    return store


def open_outbox(path: Path | None, parent: QWidget | None = None) -> Store | None:
    """The outbox `Store` at `path` (None: the user's), recovered, or None after a dialog saying why it cannot be used.

    Rows a crashed send left in flight become "unknown" (`Store.recover`). A damaged file
    is salvaged by `Store`; the dialog says what was saved and where the damaged copy is,
    and the window goes on with the new file. StoreMissing, StoreUnwritable, or a salvage
    that itself failed: a dialog, then None (the caller exits with `gui.cli.EXIT_STORAGE`).
    """
    try:
        try:
            return _open_and_recover(path)
        except StoreSalvaged as salvaged:
            QMessageBox.warning(
                parent, translate("StorageFaults", "The outbox was damaged"), salvaged_text(salvaged.report)
            )
            return _open_and_recover(path)  # the new file the salvage wrote
    except StorageFault as fault:
        QMessageBox.critical(parent, translate("StorageFaults", "The outbox cannot be used"), fault_text(fault))
        return None
