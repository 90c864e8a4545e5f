"""Where the program keeps its files: the data directory (outbox database) and the log directory.

Both follow the platform's conventions (platformdirs) and can be moved with an
environment variable, for tests, portable installs and running two isolated
copies side by side. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import platformdirs

APP_NAME = "onenet-uploader"

#: Overrides the data directory (outbox database, its lock file).
DATA_DIR_ENV = "ONENET_UPLOADER_DATA_DIR"
#: Overrides the log directory (rotating log files).
LOG_DIR_ENV = "ONENET_UPLOADER_LOG_DIR"

#: File name of the outbox and history database inside the data directory.
STORE_FILE = "outbox.sqlite3"


def data_dir() -> Path:
    """The directory for the outbox database, absolute: `$ONENET_UPLOADER_DATA_DIR` if set, else the user data dir.

    A relative override is taken from the current directory, here: the paths said to the
    user and those SQLite opens as URIs must not depend on a later `chdir`. E.g.
    `~/.local/share/onenet-uploader` on Linux, `%LOCALAPPDATA%\\onenet-uploader` on Windows,
    `~/Library/Application Support/onenet-uploader` on macOS. Not created here.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The directory for log files, absolute: `$ONENET_UPLOADER_LOG_DIR` if set, else the user log dir.

    E.g. `~/.local/state/onenet-uploader/log` on Linux, `%LOCALAPPDATA%\\onenet-uploader\\Logs`
    on Windows, `~/Library/Logs/onenet-uploader` on macOS. Not created here; the window's
    "Open log folder" menu item opens it (create it first with `ensure_dir`).
    """
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_store_path() -> Path:
    """`data_dir() / "outbox.sqlite3"`."""
    return data_dir() / STORE_FILE


def ensure_dir(path: Path) -> Path:
    """Create `path` (and parents) if missing, readable by the user only on POSIX; returns it.

    Readings and request bodies are the user's data; logs name devices. Raises OSError
    when the directory cannot be created.
    """
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


@contextlib.contextmanager
def written_whole(path: str | Path, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """A text file to write that appears at `path` whole, or not at all.

    Written to a new hidden file beside `path` (same folder, so the rename cannot
    cross file systems), flushed to disk, then renamed over `path` (`os.replace`)
    when the block ends normally. If the block raises (an error, a cancel), the
    temporary file is removed, `path` is left as it was, and the exception
    propagates. OSError when the folder cannot take a new file or the rename fails
    (`path` a folder, say). The file gets the permissions of any new file (umask).
    """
    target = Path(path)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            break
        except FileExistsError:
            continue
        except OSError as exc:  # say where: the folder is the problem, not the file
            raise OSError(exc.errno, f"{exc.strerror} (cannot create a file in {target.parent})") from exc
    try:
        with open(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # never publish a file whose bytes are not on disk yet
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):  # the block's own error is the one to report
            temporary.unlink(missing_ok=True)
        raise
