"""A plain-text keyring is not "the system keyring" (issue 12, "Why" 4), with keyrings.alt really installed."""

from __future__ import annotations

import keyring.backends.chainer
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from gui.data.secrets import SecretStore

KEY = "PLAINTEXT-CANARY-8c1f0e"


def plaintext(tmp_path) -> PlaintextKeyring:
    backend = PlaintextKeyring()  # type: ignore[no-untyped-call]
    backend.file_path = str(tmp_path / "keyring_pass.cfg")  # where the user's would be, in tmp_path
    return backend


def test_a_plaintext_keyring_keeps_the_key_for_the_session_only(tmp_path):
    secrets = SecretStore(plaintext(tmp_path))
    assert not secrets.available
    assert "PlaintextKeyring" in secrets.last_error and "not encrypt" in secrets.last_error
    assert secrets.set("4093215", KEY) is False  # not in a keyring: kept in memory
    assert secrets.get("4093215") == KEY
    assert not (tmp_path / "keyring_pass.cfg").exists()
    assert SecretStore(plaintext(tmp_path)).get("4093215") is None  # a new session does not have it


def test_a_chain_with_a_plaintext_fallback_uses_only_its_system_keyring(tmp_path, memory_keyring, monkeypatch):
    chain = keyring.backends.chainer.ChainerBackend()  # type: ignore[no-untyped-call]
    monkeypatch.setattr(type(chain), "backends", property(lambda self: [memory_keyring, plaintext(tmp_path)]))
    secrets = SecretStore(chain)
    assert secrets.available
    assert secrets.set("4093215", KEY)
    assert memory_keyring.passwords == {("onenet-uploader", "4093215"): KEY}
    assert not (tmp_path / "keyring_pass.cfg").exists()


def test_an_encrypting_file_keyring_counts():
    from gui.data.secrets import is_system_keyring

    # Not constructed: its constructor needs pycryptodome, which only checks that it can encrypt.
    assert is_system_keyring(EncryptedKeyring.__new__(EncryptedKeyring))
    assert not is_system_keyring(PlaintextKeyring.__new__(PlaintextKeyring))
