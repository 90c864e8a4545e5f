"""Shared fixtures: offscreen Qt, an in-memory keyring, isolated settings."""

import faulthandler
import functools
import gc
import os
import tempfile
from pathlib import Path

# Offscreen, on one 1366x768 screen (the smallest laptop screen the window must fit; offscreen's own is 800x800).
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('screen_1366x768.json')}"
# The suite speaks English whatever the developer's locale (tests that want Chinese ask for it), and
# compiles the translation catalogues into a cache of its own, not the user's.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
os.environ.setdefault("ONENET_UPLOADER_CACHE", os.path.join(tempfile.gettempdir(), "onenet-uploader-test-cache"))

import pytest
from hypothesis import settings
from pytestqt.qtbot import QtBot

from .memory_keyring import MemoryKeyring

# The suite runs the same hypothesis examples every time (CI must not turn red by luck);
# HYPOTHESIS_PROFILE=explore draws new ones, to look for bugs on purpose.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


# A wait ends as soon as what it waits for happens; its timeout only bounds a test that fails. The timeouts in the
# tests were chosen on a quiet machine; a machine shared with other jobs ran them up to several times slower
# (a 10 s wait for a send timed out at load 5), so every pytest-qt wait allows WAIT_SCALE times its timeout.
WAIT_SCALE = 6


def _patient(wait):
    @functools.wraps(wait)
    def patient(*args, timeout=5000, **kwargs):
        return wait(*args, timeout=timeout if timeout is None or timeout < 0 else timeout * WAIT_SCALE, **kwargs)

    return patient


for _name in ("waitSignal", "waitSignals", "waitUntil", "waitCallback", "waitExposed", "waitActive"):
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))


@pytest.fixture
def memory_keyring():
    return MemoryKeyring()


@pytest.fixture
def sandbox():
    """A started Sandbox on 127.0.0.1 (a free port) with device "4093215" / key "SANDBOX-KEY-1"; stopped after."""
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

    with Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}) as running:
        yield running


class HeldAnswers:
    """The sandbox's answers to uploads, held while `holding`: each upload is stored, then its answer waits.

    A test looks at what the window shows while a request is on the wire for as long as it likes, then lets the
    answers go (`release(n)` the next n, `stop()` all and hold no more). It replaces the sandbox's wait before
    an upload's answer (where `delay` is slept), so nothing depends on how fast the machine is. Answers still held
    after 60 s go anyway, so a test that fails leaves no server thread behind.
    """

    def __init__(self) -> None:
        import threading

        self._changed = threading.Condition()
        self.holding = True
        self.held = 0  # answers waiting now
        self.uploads = 0  # uploads answered or waiting, since the fixture started
        self._released = 0

    def _wait_before_answering(self, seconds: float) -> None:
        with self._changed:
            self.uploads += 1
            if not self.holding:
                return
            self.held += 1
            self._changed.notify_all()
            self._changed.wait_for(lambda: not self.holding or self._released > 0, timeout=60)
            if self._released > 0:
                self._released -= 1
            self.held -= 1

    def wait_held(self, count: int = 1, timeout: float = 30) -> bool:
        """Block until `count` answers are held (for tests without an event loop); False after `timeout` s."""
        with self._changed:
            return self._changed.wait_for(lambda: self.held >= count, timeout=timeout)

    def release(self, count: int = 1) -> None:
        with self._changed:
            self._released += count
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self.holding = False
            self._changed.notify_all()


@pytest.fixture
def held_answers(sandbox, monkeypatch):
    """`sandbox`'s answers to uploads held until the test lets them go (`HeldAnswers`)."""
    held = HeldAnswers()
    monkeypatch.setattr(sandbox, "_sleep", held._wait_before_answering)
    yield held
    held.stop()


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


@pytest.fixture
def read_only_outbox(tmp_path):
    """A folder holding an outbox database (5 unsent rows, `outboxes.fill`) that this process cannot write.

    As a user's read-only folder is: neither the folder nor the file can be written (chmod; as root, which
    ignores modes, a tmpfs mounted read-only). Skipped as root where nothing can be mounted.
    """
    import shutil
    import subprocess

    from .outboxes import fill

    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        fill(folder / "outbox.sqlite3", 5)
        folder.chmod(0o500)
        (folder / "outbox.sqlite3").chmod(0o400)
        yield folder
        folder.chmod(0o700)
        return
    if shutil.which("mount") is None:
        pytest.skip("running as root without mount: no folder is read-only to this process")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("running as root and cannot mount a tmpfs: no folder is read-only to this process")
    try:
        fill(folder / "outbox.sqlite3", 5)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def store(tmp_path):
    """An empty outbox database of the test's own (tmp_path/outbox.sqlite3), open, closed after."""
    from gui.data.store import Store

    with Store(tmp_path / "outbox.sqlite3") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _private_data_and_log_dirs(tmp_path, monkeypatch):
    """No test reads or writes the user's own outbox or logs (commands default to them), and none leaves logging on.

    A command run by a test (`main(["send", …])`) sets up the product's log at INFO; left on, every later
    test's request lines were made and kept by pytest's own log capture for that test's report (3 KiB a
    tick: `test_ticks_keep_nothing_per_tick_in_python` failed after `test_send_paths.py`, passed alone).
    """
    from gui.data.logs import close_logging

    monkeypatch.setenv("ONENET_UPLOADER_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("ONENET_UPLOADER_LOG_DIR", str(tmp_path / "user-log"))
    yield
    close_logging()


#: A test that runs longer than this is taken for hung: every thread's stack is printed and the run stops.
#: The costliest test needs about 20 s of CPU; on this 2-core machine shared with five other test runs it got
#: an eighth of a core, and at 38 s of CPU (before its cut) it ran past 300 s and stopped a healthy run.
HANG_AFTER_S = 600

#: The terminal's stderr, kept before pytest captures output: a dump written to fd 2 during a test would go to
#: the capture's file and be lost when the watchdog ends the process (a stopped run said nothing at all).
_TERMINAL_STDERR: int | None = None


def pytest_configure(config):
    global _TERMINAL_STDERR
    _TERMINAL_STDERR = os.dup(2)


@pytest.fixture(autouse=True)
def _hung_test_watchdog():
    """Stop the whole run, with every thread's Python stack, if one test hangs (a deadlock must not eat CI's hour).

    faulthandler's watchdog is a C thread: it fires even when a deadlocked thread holds the interpreter lock.
    """
    faulthandler.dump_traceback_later(HANG_AFTER_S, exit=True, file=_TERMINAL_STDERR or 2)
    yield
    faulthandler.cancel_dump_traceback_later()


def _collect_and_freeze() -> None:
    """Collect what the test left, then move every object still alive out of the collector's sight (`gc.freeze`).

    A full collection visits every object: with the modules the suite has loaded it took 0.1-0.4 s after each Qt
    test, and longer ones during allocation-heavy tests (hypothesis), most of it spent on modules and
    classes, which live to the end. After a freeze a collection visits only what was made since, so the
    collector still runs as usual during a test, on every object the test made. What an earlier test left
    alive is no longer listed by `gc.get_objects()` (nothing here needs it) nor collected if it later
    becomes cyclic garbage (the memory of the run; windows are deleted explicitly, above).
    """
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _qt_leaves_nothing_behind(request):
    """A Qt test leaves no window behind: what it made is deleted here, on the GUI thread, and checked.

    pytest-qt has closed and `deleteLater()`ed the widgets the test registered; they are deleted now,
    before Python's collector could meet them (it runs on whichever thread allocates, and a Qt object
    it frees on a worker thread crashes PySide6). A window still there fails the test, as napari's do.
    """
    if "qapp" not in request.fixturenames:
        yield
        _collect_and_freeze()
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtWidgets import QApplication

    def windows():  # Qt's own popups (menus, tooltips) come and go by themselves
        return [
            w
            for w in QApplication.topLevelWidgets()
            if shiboken6.isValid(w) and w.parent() is None and w.windowType() not in (Qt.Popup, Qt.ToolTip)
        ]

    before = set(windows())
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [w for w in windows() if w not in before]
    for widget in left:  # deleted all the same, so one leak does not fail the tests after it
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _collect_and_freeze()
    assert not left, f"the test left top-level widgets behind: {[type(w).__name__ for w in left]}"


@pytest.fixture
def rogue_server():
    """A loopback HTTP server written to misbehave: `rogue_server(answer) -> "http://127.0.0.1:<port>"`.

    `answer(connection)` is called with the connected socket after the whole request (headers
    and Content-Length body) has been read; it writes whatever raw bytes it likes. Every
    request gets a connection of its own (the answer decides when it closes).
    """
    import socket
    import threading

    servers: list[socket.socket] = []
    stop = threading.Event()

    def start(answer):
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.1)
        servers.append(listener)

        def handle(connection: socket.socket) -> None:
            with connection:
                connection.settimeout(30)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        data += connection.recv(65536) or b"\r\n\r\n"
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = next(
                        (
                            int(line.split(b":", 1)[1])
                            for line in head.split(b"\r\n")
                            if line.lower().startswith(b"content-length:")
                        ),
                        0,
                    )
                    while len(body) < length:
                        body += connection.recv(65536)
                    answer(connection)
                except OSError:  # the client hung up: what some answers test
                    pass

        def serve() -> None:
            while not stop.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                threading.Thread(target=handle, args=(connection,), daemon=True).start()

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield start
    stop.set()
    for listener in servers:
        listener.close()
