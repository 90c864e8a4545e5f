"""GUI fixtures: a main window on isolated settings, an in-memory keyring and a real sandbox."""

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from gui.data.secrets import SecretStore
from gui.ui.main_window import MainWindow


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings_path, memory_keyring, sandbox):
    """Build main windows sharing one settings file and keyring; closed at teardown."""
    pools = []

    def make(**overrides):
        pool = QThreadPool()
        pools.append(pool)
        window = MainWindow(
            QSettings(settings_path, QSettings.Format.IniFormat),
            overrides.get("secrets") or SecretStore(memory_keyring),
            sandbox_factory=lambda: sandbox,
            thread_pool=pool,
        )
        qtbot.addWidget(window)
        window.show()
        window.zone_combo.setCurrentText("Asia/Shanghai")
        return window

    yield make
    for pool in pools:
        assert pool.waitForDone(10_000), "a worker was left running"


@pytest.fixture
def window(make_window):
    return make_window()
