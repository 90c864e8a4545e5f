"""A salvaged outbox says what it lost, not only what it saved, and storage faults are said in Chinese under
`--lang zh_CN` (fresh tester 8, findings 4 and 5). Real outbox files in tmp_path, damaged as the tester did:
pages 50, 57, …, 300 overwritten with 600 bytes each."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui import i18n
from gui.app import main
from gui.data.logs import close_logging
from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV
from gui.data.store import Store

from ..outboxes import EXIT_STORAGE, fill

#: The tester's outbox: seattle-temps.csv queued, 8,759 unsent datapoints.
QUEUED = 8759


@pytest.fixture
def data(dirs):
    return dirs / "data"


def damaged(data: Path) -> Path:
    """An outbox of QUEUED unsent datapoints with 36 of its 4 KiB pages partly overwritten (the tester's damage)."""
    path = data / "outbox.sqlite3"
    fill(path, QUEUED)
    with open(path, "r+b") as file:
        for page in range(50, 301, 7):
            file.seek(page * 4096 + 1000)
            file.write(b"\x00\xff" * 300)
    return path


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    finally:
        i18n.set_language("en")
        close_logging()
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def saved(path: Path) -> int:
    with Store(path) as store:
        counts = store.counts()
    return sum(counts.values())


def test_a_salvage_says_how_many_datapoints_it_could_not_read(data, capsys):
    path = damaged(data)
    code, text = run(capsys, "outbox")
    assert code == EXIT_STORAGE
    kept = saved(path)
    lost = QUEUED - kept  # by hand: 8,759 put in, minus what the new outbox holds
    assert 0 < kept < QUEUED
    assert f"Saved into a new outbox: {kept:,} unsent" in text
    assert f"\n{lost:,} datapoints could not be read.\n" in text  # was: only what was saved
    assert "At least" not in text and "may be lost" not in text  # the table's and its index's counts agree
    assert "readings typed in the window cannot be sent again from a file" in text


def test_a_file_cut_short_says_datapoints_may_be_lost(data, capsys):
    path = data / "outbox.sqlite3"
    fill(path, QUEUED)
    with open(path, "r+b") as file:
        file.truncate(path.stat().st_size // 2)  # the table's pages and its index's past the middle are gone
    code, text = run(capsys, "outbox")
    assert code == EXIT_STORAGE
    assert 0 < saved(path) < QUEUED
    assert "Some datapoints may be lost: the damaged file no longer says how many it held." in text
    assert "typed in the window cannot be sent again from a file" in text


def test_the_salvage_is_said_in_chinese(data, capsys):
    path = damaged(data)
    code, text = run(capsys, "--lang", "zh_CN", "outbox")
    assert code == EXIT_STORAGE
    lost = QUEUED - saved(path)  # as above
    assert f"发件箱数据库 {path} 已损坏。" in text
    assert f"已保存到新的发件箱：{QUEUED - lost:,} 未发送" in text
    assert f"{lost:,} 个数据点无法读取。" in text
    assert "无法从文件重新发送" in text
    for english in ("was damaged", "moved aside", "Saved into", "could not be read", "Check the outbox", "salvaging"):
        assert english not in text  # was: the whole report in English, the log's lines before it


def test_a_read_only_outbox_is_said_in_chinese(read_only_outbox, monkeypatch, capsys):
    monkeypatch.setenv(DATA_DIR_ENV, str(read_only_outbox))
    monkeypatch.setenv(LOG_DIR_ENV, str(read_only_outbox.parent / "logs"))
    code, text = run(capsys, "--lang", "zh_CN", "outbox", "send")
    assert code == EXIT_STORAGE, text
    assert f"无法写入发件箱数据库 {read_only_outbox / 'outbox.sqlite3'}：" in text and "只读" in text
    assert "Cannot write" not in text and "read-only" not in text  # was: English
