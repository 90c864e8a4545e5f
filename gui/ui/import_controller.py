"""File > Import…, the toolbar button and drops on the window: they open the import dialog (gui.ui.import_dialog).

The dialog and the readers (gui.data.importers) are imported when a file is
first opened, not with the window: the first paint does not need them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QStyle, QWidget

from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row
from gui.ui.settings import Settings

if TYPE_CHECKING:
    from gui.ui.import_dialog import ImportDialog


class ImportController(QObject):
    """Opens the import dialog from File > Import… (Ctrl+O), a toolbar button and files dropped on the window.

    What it needs of the window is passed in, nothing is looked up on it:
    `model` (the editor's DatapointsModel: imported rows go to `model.extend`,
    so they join the preview like typed ones), `pool` (the thread pool the
    dialog reads on) and `settings` (the folder last imported from is
    remembered in `settings.import_dir`, the zone last imported with in
    `settings.import_zone`, and the editor's zone is `settings.time_zone`).
    It says what was imported with `message(text)`. `window` is the QMainWindow that gets the menu entry, the
    toolbar and the drops; the window keeps one controller.
    """

    dialogOpened = Signal(object)  # the ImportDialog
    message = Signal(str)  # "N datapoints imported from NAME.", for the window's status bar
    zoneRequested = Signal(str)  # the dialog offered the file's zone and the user wants the editor in it

    def __init__(
        self,
        window: QMainWindow,
        file_menu: QMenu,
        model: DatapointsModel,
        pool: QThreadPool,
        settings: Settings,
        before: QAction | None = None,
        target: Callable[[], tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(window)
        self._model = model
        #: (endpoint, device id) a send would go to now: a second import of a file queued there asks first.
        self.target = target
        self._pool = pool
        self._settings = settings
        self.dialog: ImportDialog | None = None
        self.import_action = QAction(self.tr("&Import readings…"), window)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.setToolTip(
            self.tr("Import readings from a CSV, Excel or JSON file (Ctrl+O); you can also drop a file on the window")
        )
        self.import_action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        if before is not None:
            file_menu.insertAction(before, self.import_action)
            file_menu.insertSeparator(before)
        else:
            file_menu.addAction(self.import_action)
        self.toolbar = window.addToolBar(self.tr("File"))
        self.toolbar.setObjectName("fileToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.import_action)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _on_import_action_triggered(self) -> None:
        from gui.data.importers import FILE_PATTERNS

        patterns = " ".join(FILE_PATTERNS)
        path, _ = QFileDialog.getOpenFileName(
            self._window(),
            self.tr("Import readings"),
            self._settings.import_dir,
            self.tr("Readings ({patterns});;All files (*)").format(patterns=patterns),
        )
        if path:
            self.open(path)

    def open(self, path: str) -> ImportDialog:
        """Open the import dialog on `path` (window-modal; it reads the file at once)."""
        from gui.ui.import_dialog import ImportDialog

        self._settings.import_dir = str(Path(path).parent)
        if self.dialog is not None:
            self.dialog.close()
        model = self._model

        def add(rows: Sequence[Row]) -> None:
            model.extend(rows)

        dialog = self.dialog = ImportDialog(
            path,
            add,
            self._pool,
            parent=self._window(),
            prepare=model.preparer(),
            queued_before=self._queued_before(),
            source_zone=self._settings.import_zone or None,
            zone_remembered=True,
            editor_zone=self._settings.time_zone,
        )
        dialog.imported.connect(self._on_dialog_imported)
        dialog.showInZone.connect(self.zoneRequested)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    def _queued_before(self) -> Callable[[str], set[tuple[int, str]]] | None:
        """For the dialog's worker: (row, stream id) of a file's datapoints that wait or were sent to the target.

        The target (endpoint, device id) is the window's as the dialog opens (it is modal).
        An invalid endpoint: nothing is known to be queued to it.
        """
        store = self._model.store
        if store is None or self.target is None:
            return None
        endpoint, device_id = self.target()

        def queued_before(digest: str) -> set[tuple[int, str]]:
            from gui.onenet.client import ConfigError

            try:
                return {(r.row, r.stream_id) for r in store.from_source(digest, endpoint, device_id)}
            except ConfigError:
                return set()

        return queued_before

    def _on_dialog_imported(self, count: int) -> None:
        zone = self.dialog.zone_to_remember() if self.dialog else ""
        if zone:
            self._settings.import_zone = zone
        self.message.emit(
            self.tr("%Ln datapoint(s) imported from {name}.", "", count).format(
                name=self.dialog.path.name if self.dialog else ""
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window is asked of Qt (our parent), not of a Python attribute: while a closed window is
        # destroyed, its events still come here after Python may have cleared this object's attributes.
        if watched is not self.parent():
            return super().eventFilter(watched, event)
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent,)) or event.type() == QEvent.Type.DragMove
            if _dropped_file(event) is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.open(path)
                return True
        return super().eventFilter(watched, event)


def _dropped_file(event: Any) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            return str(url.toLocalFile())
    return None
