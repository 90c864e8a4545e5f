"""The history CSV export (gui/data/history_export.py): whole file or none, on real files in tmp_path."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime

import pytest

from gui.data.history_export import (
    CSV_COLUMNS,
    EXPORT_PAGE_SIZE,
    ExportCancelled,
    ExportFailed,
    write_history_csv,
)
from gui.data.store import HistoryFilter, Store
from gui.onenet.readings import PLATFORM_TZ

N = 2 * EXPORT_PAGE_SIZE + 345  # three pages
T0_MS = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp() * 1000)


def fill(store: Store, n: int = N) -> None:
    """n finished requests of one attempt each, straight into the tables; every 10th failed."""
    db = sqlite3.connect(store.path)
    with db:
        for i in range(1, n + 1):
            body = f'{{"datastreams":[{{"id":"temp","datapoints":[{{"value":{i}}}]}}]}}'.encode()
            started, outcome = T0_MS + i * 60_000, "failed" if i % 10 == 0 else "sent"
            db.execute(
                "INSERT INTO requests (id, created_ms, endpoint, device_id, body_type, content_type, body, "
                "datapoints, outbox_ids, idempotent, outcome, finished_ms) VALUES (?, ?, 'http://127.0.0.1:9', "
                "'dev-A', 1, 'application/json', ?, 1, ?, 1, ?, ?)",
                (i, started, body, f"[{i}]", outcome, started),
            )
            db.execute(
                "INSERT INTO attempts (id, request_id, number, started_ms, latency_ms, http_status, errno, error, "
                "response, outcome) VALUES (?, ?, 1, ?, 12.5, 200, ?, ?, '{}', ?)",
                (
                    i,
                    i,
                    started,
                    3 if outcome == "failed" else 0,
                    "auth failed" if outcome == "failed" else "succ",
                    outcome,
                ),
            )
    db.close()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "data" / "outbox.sqlite3") as opened:
        fill(opened)
        yield opened


def read(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_every_matching_entry_newest_first_with_progress_and_no_leftovers(store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    path = out / "history.csv"
    count = write_history_csv(store, HistoryFilter(), path, PLATFORM_TZ, progress=lambda d, t: seen.append((d, t)))
    assert count == N
    rows = read(path)
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == N + 1
    assert [int(r[1]) for r in rows[1:]] == list(range(N, 0, -1))
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["time"] == "2026-01-02 23:05:00.000"  # T0 + 2345 min, in UTC+8
    assert (first["attempt"], first["type"], first["latency_ms"], first["errno"]) == ("1", "1", "12.5", "0")
    assert seen == [(EXPORT_PAGE_SIZE, N), (2 * EXPORT_PAGE_SIZE, N), (N, N)]
    assert [p.name for p in out.iterdir()] == ["history.csv"]  # the temporary file took its name

    failed = write_history_csv(store, HistoryFilter(outcome="failed", max_request_id=100), path, PLATFORM_TZ)
    assert failed == 10 and [r[1] for r in read(path)[1:]] == [str(i) for i in range(100, 0, -10)]


def test_cancelled_leaves_no_file_and_an_existing_one_unchanged(store, tmp_path):
    path = tmp_path / "history.csv"
    progress = []

    with pytest.raises(ExportCancelled):
        write_history_csv(
            store,
            HistoryFilter(),
            path,
            PLATFORM_TZ,
            progress=lambda d, t: progress.append(d),
            cancelled=lambda: bool(progress),
        )
    assert progress == [EXPORT_PAGE_SIZE]  # stopped within the next row, not at the end
    assert not path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]

    path.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        write_history_csv(store, HistoryFilter(), path, PLATFORM_TZ, cancelled=lambda: True)
    assert path.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "history.csv"]


def test_an_unwritable_path_says_which_file_and_why_and_leaves_nothing(store, tmp_path):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(ExportFailed) as failed:
        write_history_csv(store, HistoryFilter(), not_a_folder / "history.csv", PLATFORM_TZ)
    assert failed.value.path == not_a_folder / "history.csv"
    assert "Not a directory" in failed.value.why and str(tmp_path) in failed.value.why

    a_folder = tmp_path / "history.csv"
    a_folder.mkdir()
    with pytest.raises(ExportFailed) as failed:  # found only at the very end, when the file takes its name
        write_history_csv(store, HistoryFilter(), a_folder, PLATFORM_TZ)
    assert failed.value.path == a_folder and "directory" in failed.value.why.lower()
    assert str(a_folder) in str(failed.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "history.csv", "notes.txt"]
    assert list(a_folder.iterdir()) == []
