"""The app's modes as a user starts them: `--sandbox` is a trial that leaves nothing behind."""

import faulthandler
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gui.app import run_window
from gui.data.paths import data_dir
from gui.ui.main_window import MainWindow


def test_a_sandbox_trial_keeps_no_settings_and_no_outbox(qapp, tmp_path):
    config = tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    seen = {}

    def look_and_close():
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["rows"] = window.model.rowCount()
        seen["sandbox"] = window.sandbox_check.isChecked()
        window.zone_combo.setCurrentText("Europe/Berlin")  # a choice a real session would remember
        window.close()

    QTimer.singleShot(300, look_and_close)
    try:
        assert run_window([], sandbox=True) == 0
    finally:
        faulthandler.enable(sys.__stderr__, all_threads=True)  # run_window sent fatal errors to its crash log
    assert seen == {"rows": 6, "sandbox": True}  # the demo readings, on the embedded sandbox
    assert not config.exists() or not any(p.is_file() for p in config.rglob("*")), list(config.rglob("*"))
    assert not (data_dir() / "outbox.sqlite3").exists()
