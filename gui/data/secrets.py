"""The api-key in the OS keyring (keyring), with an explicit in-memory fallback.

The api-key can write to every device of a product: it is never written to
settings, logs or files by this program. Every key this store hands out or is
given is also registered with the log filter (`gui.data.logs.register_secret`),
so it is masked should it ever reach a log line. Where the OS has no keyring, the
key lives only in memory for the session and `available` says so, so the UI
can tell the user; there is no silent plain-text fallback.

Only a backend that is the OS's store (Secret Service, KWallet, macOS Keychain,
Windows Credential Locker) or encrypts (keyrings.alt's password-encrypted file,
its DPAPI-protected Windows stores) counts as the system keyring
(`SYSTEM_KEYRINGS`). Any other backend keyring may choose, e.g. keyrings.alt's
`PlaintextKeyring`, which writes the key base64-encoded into `keyring_pass.cfg`,
is not used: the key stays in memory and `last_error` names the backend.

keyring is imported when a `SecretStore` is first used, not with this module: it
costs a third of the window's start-up (jaraco.context imports urllib.request and
ssl; importlib_metadata finds the backends), so the window loads it on a worker
after its first paint (`SecretStore.load`).
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from gui.data.logs import register_secret
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import keyring.backend

SERVICE = "onenet-uploader"

#: Backend classes (module.qualname, subclasses included) that keep a key as the OS's
#: store does or encrypted: the only ones called "the system keyring".
SYSTEM_KEYRINGS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
        "keyrings.alt.file.EncryptedKeyring",
        "keyrings.alt.Windows.EncryptedKeyring",
        "keyrings.alt.Windows.RegistryKeyring",
    }
)


def _name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_system_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    """True when `backend` is the OS's secret store or encrypts what it keeps (`SYSTEM_KEYRINGS`)."""
    return any(f"{cls.__module__}.{cls.__qualname__}" in SYSTEM_KEYRINGS for cls in type(backend).__mro__)


#: The reason `system_keyring` gives when there is none (the window translates it in the "secrets" context).
NO_KEYRING = QT_TRANSLATE_NOOP("secrets", "no OS keyring is available")


def system_keyring(
    backend: keyring.backend.KeyringBackend,
) -> tuple[keyring.backend.KeyringBackend | None, str]:
    """The backend to keep api-keys in, and why there is none ("" when there is one).

    A chain of backends (keyring's default when several exist) gives its highest-priority
    system keyring: a chain would fall back to a plain-text file when the OS's store is
    locked.
    """
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return None, NO_KEYRING
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    for candidate in candidates:
        if is_system_keyring(candidate):
            return candidate, ""
    if not candidates:
        return None, NO_KEYRING
    names = ", ".join(_name(c) for c in candidates)
    return None, f"the keyring backend {names} does not encrypt the key"


class SecretStore:
    """api-keys by device id: in the system keyring when there is one (`system_keyring`), else in memory.

    `backend` defaults to keyring's choice for this OS, made (and keyring imported)
    by `load()` or the first use of the store (`loaded` tells whether that happened).
    Keyring failures (locked, denied) never raise: the key is kept in memory and
    `last_error` says why; so does a backend that is not a system keyring.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._lock = threading.Lock()  # load() may run on a worker while the GUI thread asks
        self._backend: keyring.backend.KeyringBackend | None = None
        self._available = False
        self._memory: dict[str, str] = {}
        self._last_error = ""
        if backend is not None:
            self._choose(backend)

    def _choose(self, backend: keyring.backend.KeyringBackend) -> None:
        from keyring.backends import fail

        chosen, why = system_keyring(backend)
        self._available = chosen is not None
        self._last_error = why
        self._backend = chosen if chosen is not None else fail.Keyring()  # type: ignore[no-untyped-call]

    @property
    def loaded(self) -> bool:
        """True once the backend is chosen (given, or `load()` ran): using the store then imports nothing."""
        return self._backend is not None

    def load(self) -> None:
        """Import keyring and choose the backend if not done yet (any thread; a D-Bus look-up may take a while)."""
        with self._lock:
            if self._backend is None:
                try:
                    import keyring

                    backend = keyring.get_keyring()
                except Exception as exc:  # a broken keyring installation: said, the key kept in memory
                    from keyring.backends import fail

                    self._choose(fail.Keyring())  # type: ignore[no-untyped-call]
                    self._last_error = f"the keyring could not be loaded: {exc}"
                    return
                self._choose(backend)

    @property
    def available(self) -> bool:
        """True when keys go to a system keyring (`system_keyring`), else they are kept for this session only."""
        self.load()
        return self._available

    @property
    def last_error(self) -> str:
        """Why keys are not kept in a system keyring, or why the last keyring call failed ("" if none)."""
        self.load()
        return self._last_error

    def get(self, device_id: str) -> str | None:
        """The api-key saved for this device, or None."""
        if device_id in self._memory:
            return self._memory[device_id]
        if not self.available or not device_id:
            return None
        import keyring.errors

        assert self._backend is not None  # loaded by `available`
        try:
            key = self._backend.get_password(SERVICE, device_id)
        except keyring.errors.KeyringError as exc:
            self._last_error = str(exc) or exc.__class__.__name__
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
            import keyring.errors

            assert self._backend is not None  # loaded by `available`
            try:
                self._backend.set_password(SERVICE, device_id, api_key)
                self._memory.pop(device_id, None)
                return True
            except keyring.errors.KeyringError as exc:
                self._last_error = str(exc) or exc.__class__.__name__
        self._memory[device_id] = api_key
        return False

    def delete(self, device_id: str) -> None:
        """Forget the api-key of this device, in memory and in the keyring."""
        self._memory.pop(device_id, None)
        if self.available:
            import keyring.errors

            assert self._backend is not None  # loaded by `available`
            with contextlib.suppress(keyring.errors.KeyringError):
                self._backend.delete_password(SERVICE, device_id)
