"""The app's modes as a user starts them: `--sandbox` is a trial that leaves nothing behind."""

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from gui.app import build_parser, no_display, opens_window
from gui.data.paths import data_dir
from gui.data.store import NewRow, State, Store
from gui.onenet.formats import encode
from gui.onenet.readings import Datapoint, Readings
from gui.ui.datapoints_model import DatapointsModel

from .test_trial import run_window_with, user_config


def test_a_sandbox_trial_keeps_no_settings_and_no_outbox(qapp, tmp_path):
    config = user_config(tmp_path)
    seen = {}

    def look_and_close(window):
        seen["rows"] = window.model.rowCount()
        seen["sandbox"] = window.connection.sandbox_check.isChecked()
        window.editor.zone_combo.setCurrentText("Europe/Berlin")  # a choice a real session would remember
        window.close()

    run_window_with(look_and_close, sandbox=True)
    assert seen == {"rows": 6, "sandbox": True}  # the demo readings, on the embedded sandbox
    assert not config.exists() or not any(p.is_file() for p in config.rglob("*")), list(config.rglob("*"))
    assert not (data_dir() / "outbox.sqlite3").exists()


def test_a_start_after_a_killed_send_shows_its_rows_unknown(qapp, tmp_path):
    user_config(tmp_path)
    endpoint, device = "http://127.0.0.1:9", "4093215"  # the discard port: nothing is sent there
    with Store(data_dir() / "outbox.sqlite3") as store:  # a send killed while its request was on the wire
        ids = store.add([NewRow("temperature", Datapoint(21.5, datetime(2024, 5, 1, tzinfo=UTC)))])
        store.queue(ids, endpoint, device)
        body = encode(Readings.from_pairs((r.stream_id, r.point) for r in store.get(ids)))
        assert store.begin_request(endpoint, device, body, ids, [r.revision for r in store.get(ids)], True)
    seen = {}

    def look_and_close(window):
        seen["status"] = window.model.index(0, DatapointsModel.STATUS).data()
        seen["stored"] = window.store.get(ids)[0].state
        window.close()

    run_window_with(look_and_close, sandbox=False)
    assert seen == {"status": "unknown, safe to resend", "stored": State.UNKNOWN}


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


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--sandbox"],
        ["--smoke-test"],
        ["--lang", "zh_CN"],
        ["--lang=en", "--sandbox"],
        ["--sandbox", "--lang", "x"],
    ],
)
def test_a_window_start_is_read_as_the_whole_command_line_would_be(argv):
    assert opens_window(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["send"],
        ["--help"],
        ["--version"],
        ["--sandbox", "--smoke-test"],  # the whole parser says they exclude each other
        ["--sandbox", "--sandbox"],
        ["--lang", "en", "--lang", "zh_CN"],
        ["--lang"],
        ["--lang", "--sandbox"],
        ["--sand"],  # an abbreviation: argparse's to read
        ["--lang", "en", "outbox"],
        [""],
    ],
)
def test_anything_else_goes_to_the_whole_parser(argv):
    assert not opens_window(argv)


#: What the first paint of a window start does not need: loaded when the user first asks for it.
NOT_FOR_THE_FIRST_PAINT = (
    "gui.cli",
    "gui.data.importers",
    "gui.sandbox.server",
    "gui.sandbox.things",
    "filelock",  # the send lock: a start with nothing left in flight has nothing to recover (`Store.recover`)
    "h11",
    "PySide6.QtNetwork",
    *(f"gui.ui.{name}" for name in ("verify_controller", "inspector", "compare_dialog")),
)
#: The modules of the result tabs but Response (`gui.ui.result_tabs.LazyTab`): loaded when their tab first opens.
THE_TABS = (
    *(f"gui.ui.{name}" for name in ("plot", "plot_feed", "verify_panel", "history", "history_model", "sandbox_tab")),
    "pyqtgraph",
    "numpy",
)


def test_a_window_start_loads_what_the_first_paint_needs_and_no_more(tmp_path):
    # As the command starts, up to the first paint; then each result tab opened in turn, as a user clicks it.
    code = (
        "import sys\n"
        "from gui.app import main\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def loaded(names):\n"
        "    return sorted(m for m in names if m in sys.modules)\n"
        "def first_paint():  # in place of the event loop\n"
        "    QApplication.processEvents()\n"
        f"    print(loaded({NOT_FOR_THE_FIRST_PAINT + THE_TABS!r}))\n"
        "    from gui.onenet.zones import zone_names\n"
        "    print(zone_names.cache_info().currsize)  # the system's zone database walked: 1\n"
        "    window, = (w for w in QApplication.topLevelWidgets() if type(w).__name__ == 'MainWindow')\n"
        "    for index in range(window.result_tabs.count()):\n"
        "        window.result_tabs.setCurrentIndex(index)\n"
        "        QApplication.processEvents()\n"
        f"    print(loaded({THE_TABS!r}))\n"
        "    for w in QApplication.topLevelWidgets(): w.close()\n"
        "    return 0\n"
        "QApplication.exec = staticmethod(first_paint)\n"
        "sys.exit(main([]))\n"
    )
    home = {f"XDG_{name}_HOME": str(tmp_path / name) for name in ("CONFIG", "DATA", "STATE", "CACHE")}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **home)
    for name in ("ONENET_UPLOADER_DATA_DIR", "ONENET_UPLOADER_LOG_DIR"):
        env[name] = str(tmp_path / name)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    at_first_paint, zones_listed, tabs_opened = done.stdout.strip().splitlines()[-3:]
    assert (at_first_paint, zones_listed) == ("[]", "0")
    assert tabs_opened == str(sorted(THE_TABS))
