"""An in-memory keyring for the benchmarks: the window asks the OS keyring, which a headless machine lacks."""

from __future__ import annotations

from typing import Any


def memory_keyring() -> Any:
    """A fresh keyring backend that keeps passwords in a dict (keyring imported when called, as the app does)."""
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.passwords.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.passwords[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.passwords.pop((service, username), None)

    return MemoryKeyring()
