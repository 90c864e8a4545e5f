"""Where the program keeps its files: the data directory (outbox database) and the log directory.

Both follow the platform's conventions (platformdirs) and can be moved with an
environment variable, for tests, portable installs and running two isolated
copies side by side. No Qt here.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "onenet-uploader"

#: Overrides the data directory (outbox database, its lock file).
DATA_DIR_ENV = "ONENET_UPLOADER_DATA_DIR"
#: Overrides the log directory (rotating log files).
LOG_DIR_ENV = "ONENET_UPLOADER_LOG_DIR"

#: File name of the outbox and history database inside the data directory.
STORE_FILE = "outbox.sqlite3"


def data_dir() -> Path:
    """The directory for the outbox database: `$ONENET_UPLOADER_DATA_DIR` if set, else the user data dir.

    E.g. `~/.local/share/onenet-uploader` on Linux, `%LOCALAPPDATA%\\onenet-uploader` on
    Windows, `~/Library/Application Support/onenet-uploader` on macOS. Not created here.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The directory for log files: `$ONENET_UPLOADER_LOG_DIR` if set, else the user log dir.

    E.g. `~/.local/state/onenet-uploader/log` on Linux, `%LOCALAPPDATA%\\onenet-uploader\\Logs`
    on Windows, `~/Library/Logs/onenet-uploader` on macOS. Not created here; the window's
    "Open log folder" menu item opens it (create it first with `ensure_dir`).
    """
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override).expanduser()
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
