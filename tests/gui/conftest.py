"""GUI fixtures: a main window on isolated settings, an in-memory keyring and a real sandbox; a thread pool and
the import dialog on it."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from gui.data.pipeline import RetryPolicy
from gui.data.secrets import SecretStore
from gui.data.store import Store
from gui.ui.import_dialog import ImportDialog
from gui.ui.main_window import MainWindow

from .import_dialogs import READ_TIMEOUT_MS

#: Retries as the window makes them, with short waits so a test takes seconds.
FAST_RETRIES = RetryPolicy(max_attempts=4, backoff_s=0.05, backoff_max_s=0.2, jitter=0.0, max_total_s=20.0)


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "data" / "outbox.sqlite3"


@pytest.fixture
def make_window(qtbot, settings_path, store_path, memory_keyring, sandbox):
    """Build main windows sharing one settings file, keyring and outbox file; closed at teardown."""
    pools = []
    stores = []

    def make(**overrides):
        pool = QThreadPool()
        pools.append(pool)
        store = Store(store_path)
        stores.append(store)
        window = MainWindow(
            QSettings(settings_path, QSettings.Format.IniFormat),
            overrides.get("secrets") or SecretStore(memory_keyring),
            store,
            # The shared sandbox, started again when an earlier window stopped it (the box is remembered).
            sandbox_factory=overrides.get("sandbox_factory")
            or (lambda: sandbox if sandbox.running else sandbox.start()),
            thread_pool=pool,
            retry_policy=overrides.get("retry_policy", FAST_RETRIES),
        )
        qtbot.addWidget(window)
        window.show()
        window.editor.zone_combo.setCurrentText("Asia/Shanghai")
        return window

    yield make
    for pool in pools:
        assert pool.waitForDone(10_000), "a worker was left running"
    for store in stores:
        store.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def pool():
    """A thread pool of the test's own: a worker still running a while after the test fails it."""
    pool = QThreadPool()
    yield pool
    assert pool.waitForDone(READ_TIMEOUT_MS), "a worker was left running"


@pytest.fixture
def open_import_dialog(qtbot, pool):
    """`open_import_dialog(path, zone)`: an ImportDialog on the file, `zone` the computer's (default Asia/Shanghai),
    shown and its first read waited for; returns (dialog, the list it hands the editor's rows to)."""

    def open_(path: Path, zone: str = "Asia/Shanghai") -> tuple[ImportDialog, list]:
        rows: list = []
        dialog = ImportDialog(path, rows.extend, pool, source_zone=zone)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.finishedReading, timeout=READ_TIMEOUT_MS):
            dialog.show()
        return dialog, rows

    return open_
