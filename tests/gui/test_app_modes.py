"""The app's modes as a user starts them: `--sandbox` is a trial that leaves nothing behind."""

import faulthandler
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from gui.app import no_display, run_window
from gui.data.paths import data_dir

from .test_trial import when_shown


def test_a_sandbox_trial_keeps_no_settings_and_no_outbox(qapp, tmp_path):
    config = tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    seen = {}

    def look_and_close(window):
        seen["rows"] = window.model.rowCount()
        seen["sandbox"] = window.connection.sandbox_check.isChecked()
        window.editor.zone_combo.setCurrentText("Europe/Berlin")  # a choice a real session would remember
        window.close()

    looking = when_shown(look_and_close)
    try:
        assert run_window([], sandbox=True) == 0
    finally:
        looking.stop()
        faulthandler.enable(sys.__stderr__, all_threads=True)  # run_window sent fatal errors to its crash log
    assert seen == {"rows": 6, "sandbox": True}  # the demo readings, on the embedded sandbox
    assert not config.exists() or not any(p.is_file() for p in config.rglob("*")), list(config.rglob("*"))
    assert not (data_dir() / "outbox.sqlite3").exists()


def test_without_a_display_the_app_says_so_instead_of_aborting():
    assert "no display" in no_display({}, "linux")
    assert "--smoke-test" in no_display({}, "linux")
    assert no_display({"DISPLAY": ":0"}, "linux") == ""
    assert no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert no_display({}, "win32") == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are Linux's")
def test_the_command_without_a_display_exits_2_with_the_reason():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "gui"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no display to open the window on" in done.stderr
