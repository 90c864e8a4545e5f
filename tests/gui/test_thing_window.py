"""The window uploads to the current platform (thing model): the sandbox's demo product through the built-in profile.

Property posts (no at) and history posts (at) of each value type, read back from the sandbox; the preview shows the
exact request with the token masked; Copy as curl; the thing model checked before sending with the rule named, its
identifiers offered; without the access key the checks are skipped and the user is told.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from gui.onenet.token import parse_token
from gui.onenet.verify import Outcome
from gui.sandbox.profiles import SANDBOX_THING
from gui.sandbox.things import DEFAULT_DEVICE_KEY, DEFAULT_DEVICE_NAME, DEFAULT_PRODUCT_ID

from .test_main_window import send_and_wait
from .test_profiles_window import choose

PID, DEV = DEFAULT_PRODUCT_ID, DEFAULT_DEVICE_NAME
#: One value of each type of the sandbox's thing model, as typed, and as the platform keeps it.
EVERY_TYPE = [
    ("temp", "21.5", 21.5),
    ("count", "42", 42),
    ("power", "true", True),
    ("mode", "2", 2),
    ("label", "Kühlraum 3", "Kühlraum 3"),
    ("position", '{"x": 1.25, "y": -3}', {"x": 1.25, "y": -3}),
]


def type_reading(qtbot, window, stream, value, at: datetime | None):
    """The add form as a user fills it: the datastream, the time (none: the platform stamps it), the value."""
    editor = window.editor
    editor.stream_combo.setCurrentText("")
    qtbot.keyClicks(editor.stream_combo.lineEdit(), stream)
    if at is None:
        editor.time_combo.setCurrentIndex(editor.TIME_NONE)
    else:
        editor.time_combo.setCurrentIndex(editor.TIME_CHOSEN)
        shown = at.astimezone(ZoneInfo(editor.zone_combo.currentText()))  # the form shows the editor's zone
        editor.at_edit.setDateTime(
            QDateTime(QDate(shown.year, shown.month, shown.day), QTime(shown.hour, shown.minute, shown.second))
        )
    editor.value_edit.setText(value)  # typed, as pasted (QTest types ASCII only: "Kühlraum")
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)


@pytest.fixture
def thing_window(qtbot, window):
    choose(qtbot, window.connection.profile_combo, SANDBOX_THING.name)
    # the product's thing model is read (the built-in profile has the access key): its identifiers are offered
    qtbot.waitUntil(lambda: window.editor.stream_combo.findText("position") >= 0)
    return window


def test_property_posts_of_every_type_go_to_the_sandbox_and_are_read_back(qtbot, thing_window, sandbox):
    for identifier, typed, _ in EVERY_TYPE:
        type_reading(qtbot, thing_window, identifier, typed, None)
    thing_window.send_controller.refresh_preview()
    head = thing_window.send_panel.preview.request_text.toPlainText().split("\n\n")[0].splitlines()
    topic = f"$sys/{PID}/{DEV}/thing/property/post"
    assert head[0] == f"POST /fuse/http/device/thing/property/post?topic={topic}&protocol=http HTTP/1.1"
    assert "token: ••••••••" in head
    assert "OneJSON" in thing_window.send_panel.summary_label.text()
    assert send_and_wait(qtbot, thing_window)
    latest = sandbox.things._latest(PID, DEV)
    assert {identifier: latest[identifier][1] for identifier, _, _ in EVERY_TYPE} == {
        identifier: kept for identifier, _, kept in EVERY_TYPE
    }
    (entry,) = thing_window.store.history()
    assert entry.platform.value == "thing" and entry.endpoint == sandbox.url
    assert json.loads(entry.body)["params"]["power"] == {"value": True}


def test_history_posts_of_every_type_go_to_the_sandbox_and_are_read_back(qtbot, thing_window, sandbox):
    at = datetime(2026, 11, 2, 0, 30, 5, tzinfo=UTC)
    for identifier, typed, _ in EVERY_TYPE:
        type_reading(qtbot, thing_window, identifier, typed, at)
    assert send_and_wait(qtbot, thing_window)
    ms = int(at.timestamp() * 1000)
    for identifier, _, kept in EVERY_TYPE:
        assert sandbox.things.history(PID, DEV, identifier) == [(ms, kept)], identifier
    (entry,) = thing_window.store.history()
    assert json.loads(entry.body)["params"][0]["properties"]["temp"] == [{"value": 21.5, "time": ms}]
    assert all(row.status.value == "sent" for row in thing_window.model.rows())


def test_copy_as_curl_masks_the_token_and_revealing_shows_a_fresh_one(qtbot, thing_window):
    type_reading(qtbot, thing_window, "temp", "20.5", None)
    thing_window.send_controller.refresh_preview()
    curl = thing_window.send_panel.preview.curl_text()
    assert "-H 'token: '\"$ONENET_TOKEN\"" in curl or "$ONENET_TOKEN" in curl
    assert "sign=" not in curl
    qtbot.mouseClick(thing_window.connection.reveal_button, Qt.MouseButton.LeftButton)
    thing_window.send_controller.refresh_preview()
    token = next(
        line.split(": ", 1)[1]
        for line in thing_window.send_panel.preview.request_text.toPlainText().splitlines()
        if line.startswith("token: ")
    )
    assert parse_token(token).device_name == DEV and parse_token(token).signed_by(DEFAULT_DEVICE_KEY)


def test_the_thing_model_refuses_before_sending_with_the_rule_named(qtbot, thing_window, sandbox):
    type_reading(qtbot, thing_window, "count", "abc", None)
    type_reading(qtbot, thing_window, "humidity", "40", None)
    thing_window.send_controller.refresh_preview()
    issues = [thing_window.editor.issues_list.item(i).text() for i in range(thing_window.editor.issues_list.count())]
    assert any("property 'count' (int32)" in text and text.startswith("Error") for text in issues)
    assert any("property 'humidity'" in text and "not in the model" in text for text in issues)
    qtbot.mouseClick(thing_window.send_panel.send_button, Qt.MouseButton.LeftButton)
    assert not thing_window.send_controller.sending.is_busy  # refused: nothing queued, nothing sent
    assert {row.status.value for row in thing_window.model.rows()} == {"unsent"}
    assert sandbox.things._latest(PID, DEV) == {}


def test_without_the_access_key_the_checks_are_skipped_and_the_user_is_told(qtbot, thing_window, sandbox):
    connection = thing_window.connection
    connection.duplicate_profile("no access key")
    connection.access_key_edit.clear()
    type_reading(qtbot, thing_window, "temp", "19.5", None)
    thing_window.send_controller.refresh_preview()
    issues = [thing_window.editor.issues_list.item(i).text() for i in range(thing_window.editor.issues_list.count())]
    assert any("not checked before sending" in text for text in issues), issues
    assert send_and_wait(qtbot, thing_window, confirm=True)  # a warning: the user says "send anyway"
    assert sandbox.things._latest(PID, DEV)["temp"][1] == 19.5


def test_verify_in_the_window_reads_the_thing_model_history_back(qtbot, thing_window, sandbox):
    at = datetime(2026, 11, 2, 0, 30, 5, tzinfo=UTC)
    for identifier, typed, _ in EVERY_TYPE:
        type_reading(qtbot, thing_window, identifier, typed, at)
    assert send_and_wait(qtbot, thing_window)
    panel = thing_window.verify_panel
    thing_window.verify_on_platform()
    qtbot.waitUntil(lambda: panel.report is not None)
    assert panel.report.ok and panel.report.counts[Outcome.FOUND] == len(EVERY_TYPE)
    sandbox.things.clear()
    thing_window.verify_on_platform()
    qtbot.waitUntil(lambda: panel.report is not None and panel.report.counts[Outcome.MISSING] == len(EVERY_TYPE))


def test_the_history_shows_a_thing_request_as_sent(qtbot, thing_window, sandbox):
    from gui.ui.history import detail_text

    type_reading(qtbot, thing_window, "temp", "20.5", None)
    assert send_and_wait(qtbot, thing_window)
    (entry,) = thing_window.store.history()
    text = detail_text(entry)
    assert "Type: OneJSON (current platform, thing model)" in text
    assert f"POST /fuse/http/device/thing/property/post?topic=$sys/{PID}/{DEV}/thing/property/post" in text
    assert "token: ••••••••" in text and "sign=" not in text
