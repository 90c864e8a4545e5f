"""Device profiles in the connection panel: switch, add, rename, duplicate, delete; the sandbox built in.

A switch never re-addresses rows: rows made for the previous profile's target wait (keep/move/discard).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from gui.data.profiles import Profile
from gui.data.target import SANDBOX_ENDPOINT, Platform, Target
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.sandbox.profiles import SANDBOX_LEGACY, SANDBOX_THING

from .test_main_window import send_and_wait, type_datapoint

REAL_DEVICE = "5550001"
REAL_KEY = "REAL-PLATFORM-KEY"


@pytest.fixture
def real_platform():
    """A second server standing for the real platform (loopback only), with its own device and key."""
    with Sandbox({REAL_DEVICE: REAL_KEY}) as running:
        yield running


def choose(qtbot, combo, text: str) -> None:
    """Pick `text` in a closed combo box with the keyboard, as a user does (each step is `activated`)."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, f"{text!r} is not listed"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def answer_name(qtbot, name: str) -> None:
    """Type `name` into the next name dialog and press OK (run before the action that opens it)."""

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, fill)
            return
        dialog.setTextValue(name)
        dialog.accept()

    QTimer.singleShot(0, fill)


def test_the_sandbox_is_a_built_in_profile_of_each_platform(qtbot, window, sandbox):
    connection = window.connection
    names = [connection.profile_combo.itemText(i) for i in range(connection.profile_combo.count())]
    assert names[1:] == [SANDBOX_LEGACY.name, SANDBOX_THING.name]
    choose(qtbot, connection.profile_combo, SANDBOX_THING.name)
    assert connection.sandbox_check.isChecked() and connection.platform is Platform.THING
    assert connection.current_target() == Target.sandbox("SbxProd001/dev1", Platform.THING)
    assert connection.product_edit.isVisible() and not connection.device_edit.isVisible()
    assert connection.key_label.text() == "Device &key:"
    choose(qtbot, connection.profile_combo, SANDBOX_LEGACY.name)
    assert connection.current_target() == Target.sandbox(DEFAULT_DEVICE_ID)
    assert connection.api_key == DEFAULT_API_KEY and connection.device_edit.isVisible()
    assert not connection.delete_profile_action.isEnabled()  # built in
    type_datapoint(qtbot, window, "probe", "2")
    assert send_and_wait(qtbot, window)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "probe")] == [2]


def test_add_rename_duplicate_delete_and_the_last_one_is_remembered(qtbot, make_window, memory_keyring, real_platform):
    window = make_window()
    connection = window.connection
    connection.endpoint_edit.setText(real_platform.url)
    connection.device_edit.setText(REAL_DEVICE)
    connection.key_edit.setText(REAL_KEY)
    answer_name(qtbot, "bench")
    connection.add_profile_action.trigger()
    assert connection.profile_combo.currentText() == "bench"
    assert ("onenet-uploader", "profile:bench") in memory_keyring.passwords  # the key under the profile
    assert REAL_KEY not in connection.profiles.path.read_text(encoding="utf-8")
    answer_name(qtbot, "bench 2")
    connection.rename_profile_action.trigger()
    assert connection.profile_combo.currentText() == "bench 2"
    assert connection.duplicate_profile("spare") == "" and connection.profile_combo.currentText() == "spare"
    assert connection.duplicate_profile("spare") == "there is a profile named 'spare' already"
    assert connection.delete_profile() == "" and connection.profile_combo.findText("spare") < 0
    assert connection.switch_profile("bench 2") == ""
    window.close()

    again = make_window()
    assert again.connection.profile_combo.currentText() == "bench 2"
    assert (again.connection.endpoint_edit.text(), again.connection.device_id) == (real_platform.url, REAL_DEVICE)
    assert again.connection.api_key == REAL_KEY  # from the keyring, under the profile
    type_datapoint(qtbot, again, "t", "5")
    assert send_and_wait(qtbot, again)
    assert [p.value for p in real_platform.datapoints(REAL_DEVICE, "t")] == [5]


def test_a_profile_switch_with_rows_waiting_asks_and_never_re_addresses_them(qtbot, window, sandbox, real_platform):
    connection = window.connection
    connection.profiles.save(
        Profile("real", Platform.DATAPOINTS, real_platform.url, device_id=REAL_DEVICE), key=REAL_KEY
    )
    choose(qtbot, connection.profile_combo, SANDBOX_LEGACY.name)
    type_datapoint(qtbot, window, "probe", "7")
    connection._reload_profiles(connection.profile_name)  # the profile saved meanwhile is listed
    choose(qtbot, connection.profile_combo, "real")
    qtbot.waitUntil(connection.waiting_bar.isVisible)
    assert "1 datapoint not sent yet was made for" in connection.waiting_label.text()
    qtbot.mouseClick(connection.keep_button, Qt.MouseButton.LeftButton)
    assert window.model.rows()[0].target.endpoint == SANDBOX_ENDPOINT  # kept for its own target
    type_datapoint(qtbot, window, "temperature", "21.5")
    assert send_and_wait(qtbot, window)
    assert [p.value for p in real_platform.datapoints(REAL_DEVICE, "temperature")] == [21.5]
    assert real_platform.datapoints(REAL_DEVICE, "probe") == []  # the sandbox's row did not go with the switch
    choose(qtbot, connection.profile_combo, SANDBOX_LEGACY.name)
    assert send_and_wait(qtbot, window)
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "probe")] == [7]


def test_the_remembered_profiles_keys_come_after_the_first_paint(qtbot, make_window, memory_keyring, monkeypatch):
    """Start-up does not load the keyring for the remembered profile: its fields at once, its keys a moment later."""
    import keyring.core

    from gui.data.secrets import SecretStore

    first = make_window()
    first.connection.endpoint_edit.setText("https://open.iot.onenet.invalid")
    first.connection.platform_combo.setCurrentIndex(first.connection.platform_combo.findData("thing"))
    first.connection.product_edit.setText("DuE2rcXUKn")
    first.connection.device_name_edit.setText("dev1")
    first.connection.key_edit.setText("ZGV2aWNlIGtleQ==")
    first.connection.access_key_edit.setText("YWNjZXNzIGtleQ==")
    assert first.connection.add_profile("field unit") == ""
    first.close()
    monkeypatch.setattr(keyring.core, "_keyring_backend", memory_keyring)  # keyring's choice for this OS

    secrets = SecretStore()
    second = make_window(secrets=secrets)
    connection = second.connection
    assert connection.profile_combo.currentText() == "field unit" and connection.product_edit.text() == "DuE2rcXUKn"
    assert not secrets.loaded and connection.key_edit.text() == ""
    assert "Looking for the profile's keys" in connection.keyring_label.text()
    second.show()
    qtbot.waitUntil(lambda: connection.access_key_edit.text() == "YWNjZXNzIGtleQ==", timeout=10_000)
    assert connection.key_edit.text() == "ZGV2aWNlIGtleQ=="
    assert connection.current_target() == Target.thing("https://open.iot.onenet.invalid", "DuE2rcXUKn", "dev1")


def test_ticking_the_sandbox_names_its_built_in_profile_and_nothing_is_remembered(qtbot, make_window, memory_keyring):
    window = make_window()
    connection = window.connection
    assert connection.profile_name == ""
    qtbot.mouseClick(connection.sandbox_check, Qt.MouseButton.LeftButton)
    assert connection.sandbox_check.isChecked()
    assert connection.profile_name == SANDBOX_LEGACY.name  # not "(no profile)": that connection is the profile's
    assert not connection.delete_profile_action.isEnabled() and connection.duplicate_profile_action.isEnabled()
    choose(
        qtbot,
        connection.platform_combo,
        connection.platform_combo.itemText(connection.platform_combo.findData(Platform.THING.value)),
    )
    assert connection.profile_name == SANDBOX_THING.name
    qtbot.mouseClick(connection.sandbox_check, Qt.MouseButton.LeftButton)
    assert not connection.sandbox_check.isChecked() and connection.profile_name == ""
    qtbot.mouseClick(connection.sandbox_check, Qt.MouseButton.LeftButton)
    choose(qtbot, connection.profile_combo, connection.profile_combo.itemText(0))  # "(no profile)": the fields
    assert not connection.sandbox_check.isChecked() and connection.profile_name == ""
    assert connection.profiles.load().current == ""  # shown, never chosen: the next start uses no profile
