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
