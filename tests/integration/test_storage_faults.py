"""Storage faults said and survived (issue 12, "Why" 5): an emptied, gone, cut-short, garbled, deleted-while-open,
full or read-only outbox database. Real files in tmp_path; the disk-full case in a child process with a file-size
limit; the read-only case on a folder this process cannot write (chmod, or a read-only tmpfs when run as root)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from gui import cli_common
from gui.app import main
from gui.data.logs import close_logging
from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV
from gui.data.pipeline import RetryPolicy, send_outbox
from gui.data.store import NewRow, State, Store
from gui.onenet.client import OneNetClient
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

from ..outboxes import ENDPOINT, EXIT_STORAGE, T0, fill


@pytest.fixture
def data(dirs):
    return dirs / "data"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# -- emptied or gone --------------------------------------------------------------------------------


def test_a_database_truncated_to_0_bytes_is_reported_not_recreated_empty(data, capsys):
    path = data / "outbox.sqlite3"
    fill(path, 20)
    path.write_bytes(b"")
    code, text = run(capsys, "outbox", "send")
    assert code == EXIT_STORAGE  # main: "Nothing to send", exit 0
    assert f"{path} is empty (0 bytes)" in text and "held datapoints" in text
    assert run(capsys, "outbox")[0] == EXIT_STORAGE
    assert path.stat().st_size == 0  # left as found: the user may restore it


def test_a_deleted_database_is_reported(data, capsys):
    path = data / "outbox.sqlite3"
    fill(path, 20)
    path.unlink()
    code, text = run(capsys, "outbox")
    assert code == EXIT_STORAGE and f"{path} is gone" in text
    assert "delete" in text and "outbox.sqlite3.written" in text  # how to start afresh on purpose
    (data / "outbox.sqlite3.written").unlink()
    assert run(capsys, "outbox")[0] == cli_common.EXIT_OK


# -- damaged ------------------------------------------------------------------------------------------


def damaged_copies(data: Path) -> list[Path]:
    return sorted(p for p in data.glob("outbox.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm")))


def test_a_database_cut_to_half_is_moved_aside_and_its_readable_rows_saved(data, capsys):
    path = data / "outbox.sqlite3"
    fill(path, unsent=3000, sent=3000)  # sent rows first (ids 1..3000), unsent after
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.truncate(size // 2)
    code, text = run(capsys, "outbox", "send")
    assert code == EXIT_STORAGE  # main: a raw sqlite traceback
    (aside,) = damaged_copies(data)
    assert f"moved aside to {aside}" in text and "Saved into a new outbox" in text
    assert aside.stat().st_size == size // 2  # kept as it was
    with Store(path) as store:
        counts = store.counts()
    assert 0 < counts[State.SENT] + counts[State.UNSENT] < 6000
    assert run(capsys, "outbox")[0] == cli_common.EXIT_OK  # the new file opens normally


def test_garbage_inside_is_found_when_opened_and_unsent_rows_are_saved_first(data, capsys):
    path = data / "outbox.sqlite3"
    fill(path, unsent=2000, sent=2000)
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size * 3 // 4)
        file.write(random.Random(8192).randbytes(8192))  # two pages of garbage, the same on every run
    code, text = run(capsys, "outbox")
    assert code == EXIT_STORAGE
    assert "was damaged" in text and len(damaged_copies(data)) == 1
    with Store(path) as store:
        counts = store.counts()
    assert counts[State.UNSENT] > 0 and counts[State.UNSENT] + counts[State.SENT] >= 3000


def test_a_garbage_file_is_moved_aside(data, capsys):
    data.mkdir(parents=True)
    (data / "outbox.sqlite3").write_bytes(b"this is not a database, " * 400)
    code, text = run(capsys, "outbox", "send")
    assert code == EXIT_STORAGE and "was damaged" in text
    assert len(damaged_copies(data)) == 1
    (data / "outbox.sqlite3").write_bytes(b"garbage again, " * 400)  # within the same second, most likely
    assert run(capsys, "outbox")[0] == EXIT_STORAGE
    assert len(damaged_copies(data)) == 2  # the first copy is kept, not replaced


# -- deleted while running ----------------------------------------------------------------------------


def test_deleting_the_database_while_open_is_noticed_before_the_next_write(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    with Store(path) as store:
        store.add([NewRow("temperature", Datapoint(i)) for i in range(20)], state=State.UNSENT, endpoint=ENDPOINT,
                  device_id="1")  # fmt: skip
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        store.add([NewRow("humidity", Datapoint(1))], state=State.UNSENT, endpoint=ENDPOINT, device_id="1")
    with Store(path) as reopened:
        assert reopened.counts()[State.UNSENT] == 21  # main: a new, empty database


def test_deleting_the_database_while_a_send_runs_loses_nothing(tmp_path, sandbox):
    path = tmp_path / "outbox.sqlite3"
    with Store(path) as store:
        rows = [NewRow("temperature", Datapoint(i, T0 + timedelta(seconds=i))) for i in range(500)]
        store.add(rows, state=State.UNSENT, endpoint=sandbox.url, device_id=DEFAULT_DEVICE_ID)
        deleted = []

        def delete_once(progress) -> None:
            if progress.last is not None and not deleted:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                deleted.append(True)

        clients = lambda endpoint, device: OneNetClient(endpoint, device, DEFAULT_API_KEY)  # noqa: E731
        _, result = send_outbox(store, clients, max_points=50, policy=RetryPolicy(max_attempts=1), progress=delete_once)
        assert result.ok and deleted
    with Store(path) as reopened:
        assert reopened.counts()[State.SENT] == 500
        assert len(reopened.history(None)) == 10


# -- disk full, read-only -----------------------------------------------------------------------------

FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import UTC, datetime, timedelta
    from gui.data.store import NewRow, State, Store
    from gui.onenet.readings import Datapoint

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
    store = Store(sys.argv[1])
    limit = 256 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    rows = [NewRow("temperature", Datapoint("x" * 200)) for i in range(5000)]
    try:
        store.add(rows, state=State.UNSENT, endpoint="http://127.0.0.1:9", device_id="1")
    except Exception as exc:
        print(type(exc).__name__, exc)
    """
)


def test_a_full_disk_is_said_with_the_path_not_as_cannot_rollback(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    fill(path, 5)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(path)], capture_output=True, text=True, env=env,
                          timeout=120)  # fmt: skip
    assert done.stdout.startswith("StoreUnwritable"), done.stdout + done.stderr  # main: "cannot rollback"
    assert str(path) in done.stdout and "rollback" not in done.stdout
    assert "disk is full" in done.stdout or "disk reported an error" in done.stdout
    with Store(path) as store:  # what was there is intact
        assert store.counts()[State.UNSENT] == 5


def test_a_read_only_outbox_is_said_with_the_path(read_only_outbox, monkeypatch, capsys):
    monkeypatch.setenv(DATA_DIR_ENV, str(read_only_outbox))
    monkeypatch.setenv(LOG_DIR_ENV, str(read_only_outbox.parent / "logs"))
    code, text = run(capsys, "outbox", "send")
    close_logging()
    assert code == EXIT_STORAGE, text  # main: a traceback
    assert str(read_only_outbox / "outbox.sqlite3") in text and "read-only" in text


def test_an_outbox_that_never_held_data_may_vanish_quietly(data, capsys):
    with Store(data / "outbox.sqlite3") as store:
        store.recover()  # a transaction, but no data
    assert not (data / "outbox.sqlite3.written").exists()
    (data / "outbox.sqlite3").unlink()
    assert run(capsys, "outbox")[0] == 0


def garble(path: Path) -> None:
    """Two pages of garbage three quarters in, the same on every run."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.seek(size * 3 // 4)
        file.write(random.Random(8192).randbytes(8192))


def test_a_damaged_outbox_under_a_relative_data_dir_is_salvaged(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_DIR_ENV, "dd3")  # relative, as a user types it
    monkeypatch.setenv(LOG_DIR_ENV, "logs")
    path = tmp_path / "dd3" / "outbox.sqlite3"
    fill(path, unsent=2000, sent=2000)
    garble(path)
    try:
        code, text = run(capsys, "outbox")
        assert code == EXIT_STORAGE  # was: ValueError "relative path can't be expressed as a file URI", exit 1
        assert "Saved into a new outbox" in text and str(path) in text  # the absolute path, not "dd3/…"
        code, text = run(capsys, "outbox")
        assert code == cli_common.EXIT_OK and "unsent" in text
    finally:
        close_logging()
    with Store(path) as store:
        assert store.counts()[State.UNSENT] > 0


def test_a_salvage_that_fails_midway_puts_the_damaged_file_back(data, capsys, monkeypatch):
    from gui.data.store import health

    path = data / "outbox.sqlite3"
    fill(path, unsent=2000, sent=2000)
    garble(path)
    damaged = path.read_bytes()

    def fail(*args: object) -> None:
        raise ValueError("an unforeseen error while copying")

    monkeypatch.setattr(health, "_copy_history", fail)
    code, text = run(capsys, "outbox")
    assert code == EXIT_STORAGE
    assert f"{path} is damaged and could not be salvaged" in text and "an unforeseen error" in text
    assert path.read_bytes() == damaged  # back where it was, as it was: never a new empty outbox in its place
    assert damaged_copies(data) == []
    monkeypatch.undo()
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    monkeypatch.setenv(LOG_DIR_ENV, str(data.parent / "logs"))
    code, text = run(capsys, "outbox")  # the next run salvages it
    assert code == EXIT_STORAGE and "Saved into a new outbox" in text
