"""The History tab over 100,000 stored requests: opening it and filtering, side by side with the bare SQL.

The tab reads one count and one page of requests per view (tests/gui/test_history.py checks that on counts);
this measures how long that takes on this machine. The floor is the same store calls made directly, with no
model or view: `history_count` and `history_page(offset 0, PAGE_SIZE)` for each filter.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_history.py --repeat 5

Each repeat opens a fresh panel on the same store file (made once, 100,000 requests) and runs both, in
alternating order; the medians are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from gui.data.store import HistoryFilter, Store
from gui.ui.history import PAGE_SIZE, HistoryPanel

sys.path.append(str(Path(__file__).resolve().parents[1]))  # the repository: tests/histories.py fills the store
from tests.histories import N, fill, show_one_day

#: The filters the test applies, in order, as the store sees them (the last: one day in UTC+8).
DAY = datetime(2026, 1, 1, 16, tzinfo=UTC)
FILTERS = (
    HistoryFilter(outcome="failed"),
    HistoryFilter(outcome="failed", device="dev-B"),
    HistoryFilter(outcome="failed", device="dev-B", text='"value":7000}'),
    HistoryFilter(since=DAY, until=DAY + timedelta(days=1)),
)


def settle() -> None:
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def panel_run(store: Store) -> tuple[float, float]:
    """Seconds to open a shown panel, then to apply the filters through its widgets."""
    started = time.perf_counter()
    panel = HistoryPanel(store)
    panel.resize(1200, 600)
    panel.show()
    settle()
    opened = time.perf_counter() - started
    started = time.perf_counter()
    panel.outcome_combo.setCurrentIndex(panel.outcome_combo.findData("failed"))
    panel.device_edit.setText("dev-B")
    panel.apply_filter()
    panel.search_edit.setText('"value":7000}')
    panel.apply_filter()
    show_one_day(panel)
    settle()
    filtered = time.perf_counter() - started
    assert panel.model.total == 24 * 60, panel.model.total
    panel.close()
    panel.deleteLater()
    settle()
    return opened, filtered


def floor_run(store: Store) -> tuple[float, float]:
    """The same reads made directly: a count and a first page for the whole history, then for each filter."""

    def view(flt: HistoryFilter) -> None:
        pinned = replace(flt, max_request_id=store.last_request_id())
        store.history_count(pinned)
        store.history_page(pinned, 0, PAGE_SIZE)

    started = time.perf_counter()
    view(HistoryFilter())
    opened = time.perf_counter() - started
    started = time.perf_counter()
    for flt in FILTERS:
        view(flt)
    return opened, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "outbox.sqlite3") as store:
        fill(store)
        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "panel": []}
        order: list[tuple[str, Callable[[Store], tuple[float, float]]]] = [("floor", floor_run), ("panel", panel_run)]
        for _ in range(args.repeat):
            for name, run in order:
                runs[name].append(run(store))
            order.reverse()
    print(f"{N:,} requests, {args.repeat} repeats, medians (s):")
    print(f"{'':8}{'open':>10}{'filters':>10}")
    for name, values in runs.items():
        print(f"{name:8}{statistics.median(v[0] for v in values):10.3f}{statistics.median(v[1] for v in values):10.3f}")
    del app


if __name__ == "__main__":
    main()
