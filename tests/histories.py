"""History databases for the History tab's tests and benchmark: many finished requests, written straight in, and
the filter both apply last."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate

from gui.data.store import Store

N = 100_000
T0 = datetime(2026, 1, 1, tzinfo=UTC)
ENDPOINT = "https://iot-api.onenet.invalid"


def fill(store: Store, n: int = N) -> None:
    """n finished requests, one attempt each, straight into the tables: every 10th failed, every 7th device B."""
    t0 = int(T0.timestamp() * 1000)
    requests, attempts = [], []
    for i in range(1, n + 1):
        device = "dev-B" if i % 7 == 0 else "dev-A"
        failed = i % 10 == 0
        body = f'{{"datastreams":[{{"id":"temp","datapoints":[{{"value":{i}}}]}}]}}'.encode()
        started = t0 + i * 60_000  # one a minute: ~69 days
        requests.append((i, started, ENDPOINT, device, 1, "application/json", body, 1, f"[{i}]", 1, "sent", started))
        attempts.append(
            (
                i,
                i,
                1,
                started,
                12.5,
                200,
                3 if failed else 0,
                "auth failed" if failed else "succ",
                "{}",
                "failed" if failed else "sent",
            )
        )
    db = sqlite3.connect(store.path)
    with db:
        db.executemany(
            "INSERT INTO requests (id, created_ms, endpoint, device_id, body_type, content_type, body, datapoints, "
            "outbox_ids, idempotent, outcome, finished_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            requests,
        )
        db.executemany(
            "INSERT INTO attempts (id, request_id, number, started_ms, latency_ms, http_status, errno, error, "
            "response, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            attempts,
        )
    db.close()


def show_one_day(panel: Any) -> None:
    """Clear the other filters of a HistoryPanel and show 2026-01-02 alone (its dates are days in UTC+8): 24 * 60
    of `fill`'s one-a-minute requests."""
    panel.search_edit.clear()
    panel.device_edit.clear()
    panel.outcome_combo.setCurrentIndex(0)
    panel.from_date.setDate(QDate(2026, 1, 2))
    panel.to_date.setDate(QDate(2026, 1, 2))
    panel.from_check.setChecked(True)
    panel.to_check.setChecked(True)
    panel.apply_filter()
