"""The main window as the window benchmarks open it: settings in a temporary folder naming a sandbox and its demo
device, whose api-key an in-memory keyring holds (bench_keyring), and a thread pool of its own."""

from __future__ import annotations

import os
from typing import Any

from bench_keyring import memory_keyring  # benchmarks/ is on sys.path when a script there runs


def sandbox_window(folder: str, store: Any, url: str) -> tuple[Any, Any]:
    """(MainWindow, its QThreadPool): the window shown, on settings in `folder` naming the sandbox at `url` and
    its demo device, with `store` as its outbox. gui is imported when called (a --tree run imports its tree's)."""
    from PySide6.QtCore import QSettings, QThreadPool

    from gui.data.secrets import SecretStore
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID
    from gui.ui.main_window import MainWindow

    settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("connection/endpoint", url)
    settings.setValue("connection/device_id", DEFAULT_DEVICE_ID)
    secrets = SecretStore(memory_keyring())
    secrets.set(DEFAULT_DEVICE_ID, DEFAULT_API_KEY)
    pool = QThreadPool()
    window = MainWindow(settings, secrets, store, thread_pool=pool)
    window.show()
    return window, pool
