"""Help > Getting started and Help > About, and File > Open log folder: what the window tells about itself.

The texts are the window's: they are in the catalogue's "MainWindow" context, as they were
when the window showed these itself.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

import gui
from gui.data.logs import log_folder
from gui.i18n import translate

__all__ = ["open_log_folder", "show_about", "show_getting_started"]


def show_getting_started(parent: QWidget, outbox: Path, add_example: Callable[[], None]) -> QMessageBox:
    """Help > Getting started: the sandbox and its api-key, the seed example (a button calls `add_example`), where
    data and logs are kept (`outbox`, this session's outbox file, and the log folder). Shown window-modal."""
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

    box = QMessageBox(parent)
    box.setWindowTitle(translate("MainWindow", "Getting started"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        translate(
            "MainWindow",
            "<p><b>Try it on the sandbox.</b> Tick <i>Use the local sandbox</i> (or start the program with "
            "<code>onenet-uploader --sandbox</code>): a OneNET-compatible server on this computer with device "
            "<code>{device}</code> and api-key <code>{key}</code>. Nothing leaves this computer. "
            "<i>Copy as curl</i> gives a command that sends the previewed request; in the terminal, first "
            "<code>export ONENET_API_KEY={key}</code>.</p>"
            "<p><b>The seed example</b> is the request body of OneNET's API description: datastreams "
            "<code>temperature</code> and <code>key</code>, four datapoints; two of <code>key</code> have the "
            "same at, so the check warns that the platform keeps only the last. <i>Add the example</i> puts "
            "it in the table; then press Send.</p>"
            "<p><b>Where things are kept.</b> Datapoints and the history of requests: <code>{outbox}</code> "
            "(a <code>--sandbox</code> trial keeps its own in a folder of its own beside it, removed when it "
            "closes; what it made for a real endpoint moves to yours then, or at the next start if it was "
            "killed). "
            "Logs: <code>{logs}</code> (<i>File &gt; Open log folder</i>). The api-key is never written to "
            "a file: it is kept in the system's keyring, or for the session only.</p>",
        ).format(
            device=DEFAULT_DEVICE_ID,
            key=DEFAULT_API_KEY,
            outbox=html.escape(str(outbox)),
            logs=html.escape(str(log_folder())),
        )
    )
    add = box.addButton(translate("MainWindow", "Add the &example"), QMessageBox.ButtonRole.ActionRole)
    add.clicked.connect(add_example)
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def show_about(parent: QWidget | None) -> None:
    """Help > About: the program's name and version."""
    QMessageBox.about(
        parent,
        translate("MainWindow", "About OneNET Datapoint Uploader"),
        translate("MainWindow", "OneNET Datapoint Uploader {version}\nUploads datapoints to OneNET's HTTP API.").format(
            version=gui.__version__
        ),
    )


def open_log_folder() -> None:
    """File > Open log folder: the folder of the log file, in the desktop's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))
