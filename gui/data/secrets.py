"""The api-key in the OS keyring (keyring), with an explicit in-memory fallback.

The api-key can write to every device of a product: it is never written to
settings, logs or files by this program. Every key this store hands out or is
given is also registered with the log filter (`gui.data.logs.register_secret`),
so it is masked should it ever reach a log line. Where the OS has no keyring, the
key lives only in memory for the session and `available` says so, so the UI
can tell the user; there is no silent plain-text fallback.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail

from gui.data.logs import register_secret

SERVICE = "onenet-uploader"


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


class SecretStore:
    """api-keys by device id: in the OS keyring when one exists, else in memory.

    `backend` defaults to keyring's choice for this OS. Keyring failures
    (locked, denied) never raise: the key is kept in memory and
    `last_error` says why.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self.available = _usable(self._backend)
        self._memory: dict[str, str] = {}
        self.last_error = "" if self.available else "no OS keyring is available"

    def get(self, device_id: str) -> str | None:
        """The api-key saved for this device, or None."""
        if device_id in self._memory:
            return self._memory[device_id]
        if not self.available or not device_id:
            return None
        try:
            key = self._backend.get_password(SERVICE, device_id)
        except keyring.errors.KeyringError as exc:
            self.last_error = str(exc) or exc.__class__.__name__
            return None
        if key:
            register_secret(key)
        return key

    def set(self, device_id: str, api_key: str) -> bool:
        """Save the api-key for this device; True when it reached the OS keyring."""
        if not device_id:
            return False
        register_secret(api_key)
        if self.available:
            try:
                self._backend.set_password(SERVICE, device_id, api_key)
                self._memory.pop(device_id, None)
                return True
            except keyring.errors.KeyringError as exc:
                self.last_error = str(exc) or exc.__class__.__name__
        self._memory[device_id] = api_key
        return False

    def delete(self, device_id: str) -> None:
        """Forget the api-key of this device, in memory and in the keyring."""
        self._memory.pop(device_id, None)
        if self.available:
            with contextlib.suppress(keyring.errors.KeyringError):
                self._backend.delete_password(SERVICE, device_id)
