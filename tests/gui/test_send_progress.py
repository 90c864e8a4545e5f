"""A send's progress is read from the outbox on the sending thread and reaches the window coalesced."""

from types import SimpleNamespace

from gui.data.store import RequestOutcome, State
from gui.ui import send_worker
from gui.ui.send_worker import SendWorker


class FakeStore:
    """Answers `states(ids)` as the outbox would after the pipeline marked them: SENT, revision 1."""

    def __init__(self):
        self.asked = []

    def states(self, ids):
        self.asked.append(list(ids))
        return [(i, State.SENT, 1) for i in ids]


def progress(done, total, ids, outcome=RequestOutcome.SENT):
    last = SimpleNamespace(planned=SimpleNamespace(outbox_ids=tuple(ids)), outcome=outcome)
    return SimpleNamespace(requests_done=done, requests_total=total, last=last, retry=None)


def make_worker(store, requests):
    out = SimpleNamespace(plan=[None] * requests, readings=None)
    return SendWorker(lambda cancelled: None, store, out)


def test_requests_finished_within_the_interval_reach_the_window_as_one_report(qtbot, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(send_worker.time, "monotonic", lambda: clock[0])
    store = FakeStore()
    worker = make_worker(store, 5)
    reports = []
    worker.signals.progress.connect(reports.append)  # same thread: delivered at once

    worker.report(progress(1, 5, [1, 2]))  # the first report goes at once
    assert [(r.done, r.ids) for r in reports] == [(1, [1, 2])]
    worker.report(progress(2, 5, [3, 4]))
    worker.report(progress(3, 5, [5]))
    assert len(reports) == 1  # within the interval: kept
    clock[0] += send_worker.PROGRESS_INTERVAL_S
    worker.report(progress(4, 5, [6]))
    assert [(r.done, r.ids, r.states, r.revisions) for r in reports[1:]] == [
        (4, [3, 4, 5, 6], [State.SENT] * 4, [1] * 4)
    ]
    assert store.asked == [[1, 2], [3, 4], [5], [6]]  # read here, on the sending thread, not by the window


def test_a_failed_request_is_reported_at_once_and_the_rest_at_the_end(qtbot, monkeypatch):
    monkeypatch.setattr(send_worker.time, "monotonic", lambda: 1000.0)
    worker = make_worker(FakeStore(), 3)
    reports = []
    worker.signals.progress.connect(reports.append)
    worker.report(progress(1, 3, [1]))
    worker.report(progress(2, 3, [2]))
    assert len(reports) == 1
    worker.report(progress(3, 3, [3], RequestOutcome.FAILED))
    assert [(r.done, r.ids, r.failed, r.last_sent) for r in reports[1:]] == [(3, [2, 3], 3, False)]
    worker.report(progress(3, 3, [4]))
    worker._flush()  # what the worker does when the pipeline returns
    assert [r.ids for r in reports[2:]] == [[4]]
