"""The rotating log file and the secret filter (gui/data/logs.py), on real files in tmp_path."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from gui.data import logs, paths
from gui.data.logs import SECRETS, SecretFilter, close_logging, log_folder, register_secret, setup_logging

KEY = "LOGS-TEST-KEY-7f3a9c"


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    close_logging()
    SECRETS.discard(KEY)


def read(path) -> str:
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_lines_go_to_the_rotating_file_in_utc(log_file):
    logging.getLogger("gui.data.pipeline").info("request %d -> HTTP %d", 1, 200)
    text = read(log_file)
    assert log_file.name == "onenet-uploader.log"
    assert "INFO gui.data.pipeline: request 1 -> HTTP 200" in text
    assert text[19] == "Z"  # 2024-05-01T12:00:00Z


def test_debug_lines_only_when_debug_is_on(tmp_path, log_file):
    logger = logging.getLogger("gui.data.pipeline")
    logger.debug("body: secret readings")
    logger.info("request line")
    assert "secret readings" not in read(log_file)
    debug_file = setup_logging(tmp_path / "debug", debug=True)
    logger.debug("body: readings shown")
    assert "readings shown" in read(debug_file)
    assert "readings shown" not in log_file.read_text(encoding="utf-8")  # the earlier handler was replaced


def test_a_registered_key_is_masked_in_messages_arguments_and_tracebacks(log_file):
    register_secret(KEY)
    logger = logging.getLogger("gui.anything")
    logger.warning(f"formatted in: {KEY}")
    logger.warning("as an argument: %s", KEY)
    try:
        raise RuntimeError(f"api-key {KEY} rejected")
    except RuntimeError:
        logger.exception("failed")
    text = read(log_file)
    assert KEY not in text
    assert "gui.anything: formatted in: ***\n" in text
    assert "gui.anything: as an argument: ***\n" in text
    assert "RuntimeError: api-key *** rejected" in text


def test_the_filter_prefers_the_longest_secret_and_ignores_short_ones():
    secret_filter = SecretFilter()
    secret_filter.add("")
    secret_filter.add("k")
    secret_filter.add("abcdef")
    secret_filter.add("abcdefgh")
    assert secret_filter.redact("x abcdefgh y abcdef k") == "x *** y *** k"
    secret_filter.discard("abcdefgh")
    assert secret_filter.redact("abcdefgh") == "***gh"


def test_rotation_keeps_backups(tmp_path):
    path = setup_logging(tmp_path, max_bytes=2000, backup_count=2)
    try:
        for i in range(200):
            logging.getLogger("gui.x").info("line %d %s", i, "x" * 50)
    finally:
        close_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["onenet-uploader.log", "onenet-uploader.log.1", "onenet-uploader.log.2"]
    assert path.stat().st_size <= 2000


def test_the_log_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path / "my logs"))
    assert log_folder() == tmp_path / "my logs"
    assert (tmp_path / "my logs").is_dir()
    monkeypatch.delenv(paths.LOG_DIR_ENV)
    assert paths.log_dir().name in ("log", "Logs", "onenet-uploader")


def test_a_fatal_error_leaves_every_threads_stack_in_the_crash_log(tmp_path):
    script = (
        "import ctypes, threading, time\n"
        "from pathlib import Path\nfrom gui.data.logs import enable_crash_log\n"
        f"enable_crash_log(Path({str(tmp_path)!r}))\n"
        "inside = threading.Event()\n"
        "def reading_back():\n"
        "    inside.set()\n"
        "    time.sleep(30)\n"
        "threading.Thread(target=reading_back, daemon=True).start()\n"
        "assert inside.wait(30)\n"
        "api_key = 'SECRET-KEY-123'\n"
        "ctypes.string_at(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    report = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in report
    assert "in reading_back" in report  # the other threads too
    assert "SECRET-KEY-123" not in report
