"""Shared fixtures: offscreen Qt, an in-memory keyring, isolated settings."""

import faulthandler
import gc
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
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

    with Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}) as running:
        yield running


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on: bound a moment ago and closed (connections are refused).

    The suite never reaches past loopback (pytest-socket's --allow-hosts in pyproject.toml enforces it):
    an unreachable endpoint in a test is ``http://127.0.0.1:<closed_port>`` or a reserved ``.invalid`` name.
    """
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(autouse=True)
def _private_data_and_log_dirs(tmp_path, monkeypatch):
    """No test reads or writes the user's own outbox or logs (commands default to them)."""
    monkeypatch.setenv("ONENET_UPLOADER_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("ONENET_UPLOADER_LOG_DIR", str(tmp_path / "user-log"))


#: A test that runs longer than this is taken for hung: every thread's stack is printed and the run stops.
HANG_AFTER_S = 300


@pytest.fixture(autouse=True)
def _hung_test_watchdog():
    """Stop the whole run, with every thread's Python stack, if one test hangs (a deadlock must not eat CI's hour).

    faulthandler's watchdog is a C thread: it fires even when a deadlocked thread holds the interpreter lock.
    """
    faulthandler.dump_traceback_later(HANG_AFTER_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(request):
    """Qt tests run as the app does (gui.ui.gc_guard): cyclic collection on the GUI thread only, all of it after."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    from gui.ui.gc_guard import guard_gc

    collector = guard_gc(request.getfixturevalue("qapp"))
    yield
    # The widgets pytest-qt closed are deleted by Qt first (their Python objects intact), then the
    # collector frees what is left: collecting first would clear the attributes of Python objects
    # whose Qt objects still run (an event filter without its `window`, say).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collector.stop()
    gc.collect()
