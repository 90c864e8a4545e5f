"""Shared fixtures: offscreen Qt, an in-memory keyring, isolated settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Stands in for the OS keyring, which cannot run on a headless test machine."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    return MemoryKeyring()


@pytest.fixture
def sandbox():
    """A started Sandbox on 127.0.0.1 (a free port) with device "4093215" / key "SANDBOX-KEY-1"; stopped after."""
    from gui.onenet.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

    with Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}) as running:
        yield running


@pytest.fixture(autouse=True)
def _private_data_and_log_dirs(tmp_path, monkeypatch):
    """No test reads or writes the user's own outbox or logs (commands default to them)."""
    monkeypatch.setenv("ONENET_UPLOADER_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("ONENET_UPLOADER_LOG_DIR", str(tmp_path / "user-log"))
