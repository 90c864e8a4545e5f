"""The OS keyring's stand-in for the tests and the benchmarks: a headless machine has no Secret Service."""

from __future__ import annotations

import keyring.backends.SecretService


class MemoryKeyring(keyring.backends.SecretService.Keyring):
    """Keeps passwords in a dict; a Secret Service backend to `gui.data.secrets.is_system_keyring`, so the window
    keeps api-keys in it and says so, as with the user's own OS keyring."""

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
