"""The window says where the api-key is when the only keyring is a plain-text file (issue 12, "Why" 4)."""

from keyrings.alt.file import PlaintextKeyring

from gui.data.secrets import SecretStore


def test_with_a_plaintext_keyring_the_window_says_session_only(make_window, tmp_path):
    backend = PlaintextKeyring()  # type: ignore[no-untyped-call]
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    window = make_window(secrets=SecretStore(backend))
    text = window.connection.keyring_label.text()
    assert "session only" in text and "PlaintextKeyring" in text
    assert "saved in the system keyring" not in text


def test_the_keyring_is_loaded_after_the_first_paint_and_then_shows_the_stored_key(
    qtbot, make_window, memory_keyring, monkeypatch
):
    """Start-up does not import keyring (a third of it): the key appears a moment after the window (issue 11)."""
    import keyring.core

    first = make_window()
    first.connection.device_edit.setText("777")
    first.connection.key_edit.setText("THE-SECRET-KEY")
    first.connection.remember()  # what a send does: the key to the keyring, the device to the settings
    first.close()
    monkeypatch.setattr(keyring.core, "_keyring_backend", memory_keyring)  # keyring's choice for this OS

    secrets = SecretStore()
    second = make_window(secrets=secrets)
    assert not secrets.loaded
    assert second.connection.key_edit.text() == ""
    assert "Looking for a saved api-key" in second.connection.keyring_label.text()

    second.show()  # the first paint starts the look-up on the pool
    qtbot.waitUntil(lambda: second.connection.key_edit.text() == "THE-SECRET-KEY", timeout=10_000)
    assert secrets.loaded
    assert "saved in the system keyring" in second.connection.keyring_label.text()


def test_a_key_typed_before_the_keyring_answers_is_kept(qtbot, make_window, memory_keyring, monkeypatch):
    import keyring.core

    first = make_window()
    first.connection.device_edit.setText("777")
    first.connection.key_edit.setText("THE-SECRET-KEY")
    first.connection.remember()
    first.close()
    monkeypatch.setattr(keyring.core, "_keyring_backend", memory_keyring)

    second = make_window(secrets=SecretStore())
    second.connection.key_edit.setText("TYPED-MEANWHILE")
    second.show()
    qtbot.waitUntil(lambda: "Looking for" not in second.connection.keyring_label.text(), timeout=10_000)
    assert second.connection.key_edit.text() == "TYPED-MEANWHILE"
