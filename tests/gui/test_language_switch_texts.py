"""Tester fresh5, window item 4: texts the panels format (the keyring note, "Last sent: …", the history's
"✔ n entries exported to …") are worded again when the language is switched at run time."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from gui import i18n
from gui.data.secrets import SecretStore

from .test_language import english_words
from .test_main_window import send_and_wait, type_datapoint, use_sandbox


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en")


def test_formatted_texts_follow_a_language_switch(qtbot, make_window, sandbox, tmp_path, english_after):
    window = make_window(secrets=SecretStore(fail.Keyring()))
    connection, preview, history = window.connection, window.send_panel.preview, window.history
    assert "(no OS keyring is available)" in connection.keyring_label.text()
    use_sandbox(window)
    type_datapoint(qtbot, window, "temperature", "21.5")
    assert send_and_wait(qtbot, window) is True
    assert preview.last_sent_text.toPlainText().startswith("Last sent: request 1 of 1 · errno 0\n")
    path = tmp_path / "history.csv"
    with qtbot.waitSignal(history.exportFinished, timeout=60_000):
        assert history.export_csv(path) is True
    assert history.export_label.text().startswith("✔ ") and f"exported to {path}." in history.export_label.text()
    connection.sandbox_check.setChecked(False)  # the keyring note shows while the sandbox is off

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.send_action.text() == "发送(&S)")  # Qt posts LanguageChange: the window retranslated

    note = connection.keyring_label.text()
    assert "没有可用的系统密钥环" in note and english_words(note) == set(), note  # main: the reason stayed English
    last_sent = preview.last_sent_text.toPlainText()
    first_line = last_sent.splitlines()[0]
    assert english_words(first_line) == set() and "errno 0" in first_line, first_line  # main: 'Last sent: …'
    assert "POST /devices/" in last_sent  # the request itself, as it went
    exported = history.export_label.text()
    assert english_words(exported) == set() and str(path) in exported, exported  # main: '✔ 1 entry exported to …'
