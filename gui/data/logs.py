"""The rotating log file (request lines, outcomes, errors) and the filter that keeps secrets out of it.

What is logged (by `gui.*` loggers, e.g. the send pipeline): one line per request
attempt (method, URL, device, body type, datapoints, bytes, HTTP status, errno, error,
latency, outcome), retries, cancellations, failures. Never an api-key: the client puts
it in a header that is never logged, and `SecretFilter` masks any value registered with
`register_secret` as a second line of defence. Request bodies (the user's readings) only
at DEBUG level, when the user switches debug logging on. No Qt here.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import threading
import time
from pathlib import Path
from typing import IO

from gui.data.paths import ensure_dir, log_dir
from gui.onenet.masking import MIN_SECRET_LENGTH, mask, secret_forms

__all__ = [
    "LOGGER_NAME",
    "LOG_FILE",
    "SECRETS",
    "SecretFilter",
    "close_logging",
    "log_folder",
    "redact",
    "register_secret",
    "setup_logging",
]

#: The package logger: every module logs to `logging.getLogger(__name__)` below it.
LOGGER_NAME = "gui"
LOG_FILE = "onenet-uploader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # UTC, see SecretFilter/_handler below


class SecretFilter(logging.Filter):
    """Masks every registered secret (api-keys) in a record's message, arguments and traceback.

    Attach it to handlers (a handler's filters see records of every logger that reach it).
    Every form of a secret is matched (`gui.onenet.masking.secret_forms`: as is,
    URL-encoded, base64), longest first; strings shorter than `MIN_SECRET_LENGTH` are ignored.
    Thread-safe: the pipeline logs from its sender thread.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._by_secret: dict[str, tuple[str, ...]] = {}
        self._secrets: tuple[str, ...] = ()  # every form of every secret, longest first

    def add(self, secret: str) -> None:
        """Mask `secret`, in every form, from now on (no-op for a string shorter than `MIN_SECRET_LENGTH`)."""
        if len(secret) < MIN_SECRET_LENGTH:
            return
        with self._lock:
            if secret not in self._by_secret:
                self._by_secret[secret] = secret_forms(secret)
                self._refresh()

    def discard(self, secret: str) -> None:
        """Stop masking `secret`."""
        with self._lock:
            if self._by_secret.pop(secret, None) is not None:
                self._refresh()

    def _refresh(self) -> None:
        forms = {form for forms in self._by_secret.values() for form in forms}
        self._secrets = tuple(sorted(forms, key=len, reverse=True))

    def redact(self, text: str) -> str:
        """`text` with every form of every registered secret replaced by `***` (`MASK`)."""
        return mask(text, self._secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place with secrets masked; never drops a record."""
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: keep what there is, masked
            message = f"{record.msg} {record.args}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


#: The process-wide filter the log handler uses and `redact` applies to stored texts.
SECRETS = SecretFilter()


def register_secret(secret: str) -> None:
    """Tell the log filter (and `redact`) about an api-key, so it is masked wherever it shows up."""
    SECRETS.add(secret)


def redact(text: str) -> str:
    """`text` with every registered secret masked (used for error texts stored in the history)."""
    return SECRETS.redact(text)


_handler_lock = threading.Lock()
_handler: logging.Handler | None = None


def log_folder() -> Path:
    """The folder the log file is in, created if missing (for the window's "Open log folder")."""
    return ensure_dir(log_dir())


def setup_logging(
    directory: Path | None = None,
    *,
    debug: bool = False,
    max_bytes: int = 1_000_000,
    backup_count: int = 5,
) -> Path:
    """Log `gui.*` to a rotating file `onenet-uploader.log` in `directory` (default `log_folder()`).

    INFO by default (request lines, outcomes, errors); `debug=True` adds request bodies
    and other detail. Rotates at `max_bytes` (bytes) keeping `backup_count` old files.
    Times are UTC (`2024-05-01T12:00:00Z`). Calling it again replaces the handler it
    installed earlier. Returns the log file's path; raises OSError if the folder cannot
    be created.
    """
    folder = ensure_dir(directory) if directory is not None else log_folder()
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
    )
    formatter = logging.Formatter(_FORMAT, _DATE_FORMAT)
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(SECRETS)
    handler.setLevel(logging.DEBUG if debug else logging.INFO)
    logger = logging.getLogger(LOGGER_NAME)
    global _handler
    with _handler_lock:
        if _handler is not None:
            logger.removeHandler(_handler)
            _handler.close()
        _handler = handler
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    return path


CRASH_FILE = "crash.log"
_crash_file: IO[str] | None = None


def enable_crash_log(directory: Path | None = None) -> Path:
    """On a fatal error (a segmentation fault, an abort), append every thread's Python stack to `crash.log`.

    In `directory` (default `log_folder()`), beside the log. A stack names files,
    lines and functions only: never a value, so never the api-key. The file stays
    open for the life of the process (faulthandler writes to it from the signal
    handler). Returns its path; raises OSError if it cannot be opened.
    """
    global _crash_file
    folder = ensure_dir(directory) if directory is not None else log_folder()
    path = folder / CRASH_FILE
    crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open for faulthandler
    faulthandler.enable(crash_file, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    return path


def close_crash_log() -> None:
    """Stop writing fatal errors to `crash.log` and close it (at the end of a run; tests)."""
    global _crash_file
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def close_logging() -> None:
    """Remove and close the handler `setup_logging` installed, and its level (tests, shutdown)."""
    global _handler
    with _handler_lock:
        if _handler is not None:
            logger = logging.getLogger(LOGGER_NAME)
            logger.removeHandler(_handler)
            logger.setLevel(logging.NOTSET)
            _handler.close()
            _handler = None
