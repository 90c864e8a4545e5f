"""A `--sandbox` trial keeps nothing of the sandbox and loses nothing else (issue 13, Why 2)."""

import faulthandler
import sys

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.app import run_window
from gui.data.paths import data_dir
from gui.data.store import State, Store
from gui.data.target import Target
from gui.data.trials import adopt_orphaned_trials, trials_dir
from gui.ui.main_window import MainWindow

from .test_main_window import type_datapoint
from .test_targets import type_connection

REAL_ENDPOINT = "https://onenet.invalid"  # reserved (RFC 6761): nothing is sent in this test


def user_config(tmp_path):
    """QSettings' user folder (native and ini formats) moved to tmp_path/config, a fresh user's; returns it."""
    config = tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(config))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    return config


def run_window_with(act, *, sandbox: bool) -> None:
    """Start the window as the app does (`run_window`, `--sandbox` or not) and call `act(window)` on the GUI thread
    as soon as its main window is shown (looked for every 10 ms, not after a fixed time: a loaded machine may show
    it later); `act` must close it. Asserts the app exits 0."""
    timer = QTimer(interval=10)

    def look():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if shown:
            timer.stop()
            act(*shown)

    timer.timeout.connect(look)
    timer.start()
    try:
        assert run_window([], sandbox=sandbox) == 0
    finally:
        timer.stop()
        faulthandler.enable(sys.__stderr__, all_threads=True)  # run_window sent fatal errors to its crash log


def test_real_work_made_in_a_sandbox_trial_is_there_at_the_next_start(qtbot, qapp, tmp_path):
    user_config(tmp_path)
    seen = {}

    def work_and_quit(window):
        try:
            seen["demo"] = window.model.rowCount()
            qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)  # untick: a real endpoint
            seen["said"] = window.statusBar().currentMessage()
            type_connection(qtbot, window, REAL_ENDPOINT, "777", "REAL-KEY")
            keep = window.connection.keep_button  # the demo rows stay the sandbox's
            qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
            window.editor.zone_combo.setCurrentText("Europe/Berlin")
            for value in ("21.5", "22.0", "22.5"):
                type_datapoint(qtbot, window, "temperature", value)
        finally:
            window.close()  # quit: no question needed, nothing is lost

    run_window_with(work_and_quit, sandbox=True)
    assert seen.pop("said").startswith("A sandbox trial: your own outbox is not shown here.")
    assert seen == {"demo": 6}

    with Store(data_dir() / "outbox.sqlite3") as store:
        kept = store.editor_rows()
    assert [(r.stream_id, r.value, r.state) for r in kept] == [
        ("temperature", v, State.DRAFT) for v in (21.5, 22, 22.5)
    ]
    assert {r.target for r in kept} == {Target.of(REAL_ENDPOINT, "777")}  # nothing of the sandbox's demo
    settings = QSettings()
    assert (settings.value("connection/endpoint"), settings.value("connection/device_id")) == (REAL_ENDPOINT, "777")
    assert settings.value("editor/time_zone") == "Europe/Berlin"


def test_real_work_a_trial_could_not_keep_at_quit_is_handed_over_at_the_next_start(qtbot, qapp, tmp_path, monkeypatch):
    user_config(tmp_path)
    blocked = data_dir() / "outbox.sqlite3"
    blocked.mkdir(parents=True)  # the user's outbox cannot be opened when the trial quits
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))

    def work_and_quit(window):
        try:
            qtbot.mouseClick(window.connection.sandbox_check, Qt.MouseButton.LeftButton)
            type_connection(qtbot, window, REAL_ENDPOINT, "777", "REAL-KEY")
            qtbot.mouseClick(window.connection.keep_button, Qt.MouseButton.LeftButton)
            type_datapoint(qtbot, window, "temperature", "21.5")
        finally:
            window.close()

    run_window_with(work_and_quit, sandbox=True)
    assert len(said) == 1 and "move there at your next start" in said[0]
    [folder] = trials_dir().iterdir()  # left for the next start

    blocked.rmdir()
    assert adopt_orphaned_trials() == 1  # what the next start does first
    with Store(data_dir() / "outbox.sqlite3") as store:
        kept = store.editor_rows()
    assert [(r.stream_id, r.value, r.state, r.target) for r in kept] == [
        ("temperature", 21.5, State.DRAFT, Target.of(REAL_ENDPOINT, "777"))
    ]
    assert not folder.exists()
