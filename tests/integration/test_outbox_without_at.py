"""Datapoints without `at` queued one by one are each kept: the outbox never puts two of a stream in one request.

Of several datapoints of one stream without `at` in one request the platform keeps only the
last (shared onenet-api.md, "Overwrite rule"). A timed send's ticks queued while the server
was down, sent later by `outbox send`, were each a reading of their own (found by a tester:
4 ticks, "4 datapoints sent in 1 request", 1 stored).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gui import cli_common, cli_outbox
from gui.app import build_parser
from gui.data.logs import close_logging
from gui.data.outbox import plan_outbox
from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV
from gui.data.secrets import SecretStore
from gui.data.store import NewRow, State, Store
from gui.onenet.decoding import decode
from gui.onenet.readings import Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def test_ticks_without_at_queued_while_offline_are_each_stored(tmp_path, monkeypatch, capsys, sandbox, memory_keyring):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(LOG_DIR_ENV, str(tmp_path / "logs"))
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    target = {"endpoint": sandbox.url, "device_id": DEFAULT_DEVICE_ID}
    with Store(tmp_path / "data" / "outbox.sqlite3") as store:
        for tick, value in enumerate([0, 5, 10, 15]):  # four ticks, each queued on its own, as `simulate --no-at`
            store.add([NewRow("noat", Datapoint(value))], state=State.UNSENT, **target)
            store.add(
                [NewRow("temp", Datapoint(20 + tick, T0 + timedelta(seconds=tick)))], state=State.UNSENT, **target
            )
        store.add([NewRow("door", Datapoint(1))], state=State.UNSENT, **target)  # one without `at`: no reason to part
        plan = plan_outbox(store)
        assert plan.apart == 3
        bodies = [decode(request.body.data) for request in plan]
        assert [[p.value for s, p in body.pairs() if s == "noat"] for body in bodies] == [[0], [5], [10], [15]]
        assert sum(len(body) for body in bodies) == 9  # the rest fill those requests: no request more

    args = build_parser().parse_args(["outbox", "send"])
    assert cli_outbox.run_outbox_send(args, SecretStore(memory_keyring)) == cli_common.EXIT_OK
    close_logging()
    out = capsys.readouterr().out
    assert "3 datapoints without `at` went in requests of their own" in out
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "noat")] == [0, 5, 10, 15]  # in the order made
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temp")] == [20, 21, 22, 23]
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "door")] == [1]
