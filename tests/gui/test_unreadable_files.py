"""A settings file or a profiles file that cannot be read is said when the window starts, with its path, and
left as it is (the tester's finding: the window opened with defaults and without the user's profiles, silently)."""

from __future__ import annotations

from gui.data.paths import data_dir
from gui.data.profiles import PROFILES_FILE


def test_a_truncated_profiles_file_is_said_at_start_and_left_as_it_is(qtbot, make_window):
    path = data_dir() / PROFILES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    cut = b'{\n "format": 1,\n "current": "bench",\n "profiles": [\n  {\n   "name": "bench", "platf'
    path.write_bytes(cut)
    window = make_window()
    qtbot.waitUntil(lambda: window.startup_box is not None and window.startup_box.isVisible())
    text = window.startup_box.text()
    assert str(path) in text and "profiles" in text.lower()
    window.close()
    assert path.read_bytes() == cut


def test_a_damaged_settings_file_is_said_at_start_and_left_as_it_is(qtbot, make_window, settings_path):
    damaged = b"[connection\ndevice_id=4093215\nendpoint=http://127.0.0.1:18096\n"
    with open(settings_path, "wb") as file:
        file.write(damaged)
    window = make_window()
    qtbot.waitUntil(lambda: window.startup_box is not None and window.startup_box.isVisible())
    assert settings_path in window.startup_box.text()
    window.close()
    with open(settings_path, "rb") as file:
        assert file.read() == damaged


def test_readable_files_say_nothing(qtbot, make_window):
    window = make_window()
    window.close()
    window = make_window()
    assert window.startup_box is None
