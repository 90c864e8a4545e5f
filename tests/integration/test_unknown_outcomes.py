"""'Unknown' means unknown (issue 12, "Why" 2): after a gateway's 502/504 or a redirect, rows without `at` are never
resent without the user's word; rows with `at` may be (the platform overwrites equal `at`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gui.data.outbox import plan_outbox
from gui.data.pipeline import RetryPolicy, send_outbox
from gui.data.store import NewRow, RequestOutcome, State, Store
from gui.onenet.client import OneNetClient
from gui.onenet.readings import Datapoint

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
FAST = RetryPolicy(max_attempts=5, backoff_s=0.01, backoff_max_s=0.02, max_total_s=20)


def answering(head: bytes):
    def answer(connection):
        body = b"<html><body><h1>Gateway</h1></body></html>"
        connection.sendall(head + f"\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)

    return answer


GATEWAY_ANSWERS = {
    "502": b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html",
    "504": b"HTTP/1.1 504 Gateway Timeout\r\nContent-Type: text/html",
    "redirect": b"HTTP/1.1 302 Found\r\nLocation: https://login.example.invalid/",
}


def send(store, url):
    clients = lambda endpoint, device: OneNetClient(endpoint, device, "a-key-of-some-length", timeout=5)  # noqa: E731
    return send_outbox(store, clients, policy=FAST)


@pytest.mark.parametrize("answer", GATEWAY_ANSWERS)
def test_rows_without_at_are_unknown_after_a_gateway_answer_and_held_back(tmp_path, rogue_server, answer):
    url = rogue_server(answering(GATEWAY_ANSWERS[answer]))
    with Store(tmp_path / "outbox.sqlite3") as store:
        ids = store.add(
            [NewRow(f"stream{i}", Datapoint(i)) for i in range(3)], state=State.UNSENT, endpoint=url, device_id="1"
        )
        _, result = send(store, url)
        assert [r.outcome for r in result.results] == [RequestOutcome.UNKNOWN]
        assert len(result.results[0].attempts) == 1  # not resent: a copy would be a second datapoint
        assert [r.state for r in store.get(ids)] == [State.UNKNOWN] * 3
        assert plan_outbox(store).held_back == 3  # `outbox send` does not take them without --allow-duplicates


def test_rows_with_at_are_retried_after_a_502_and_may_be_sent_again(tmp_path, rogue_server):
    url = rogue_server(answering(GATEWAY_ANSWERS["502"]))
    with Store(tmp_path / "outbox.sqlite3") as store:
        rows = [NewRow("temperature", Datapoint(i, T0 + timedelta(seconds=i))) for i in range(3)]
        ids = store.add(rows, state=State.UNSENT, endpoint=url, device_id="1")
        _, result = send(store, url)
        assert len(result.results[0].attempts) == FAST.max_attempts
        assert [r.state for r in store.get(ids)] == [State.UNKNOWN] * 3
        plan = plan_outbox(store)
        assert (plan.held_back, plan.datapoints) == (0, 3)


def test_send_says_what_outbox_send_will_do_with_unknown_datapoints_without_at(
    tmp_path, rogue_server, monkeypatch, capsys
):
    from gui import cli_common, cli_outbox
    from gui.app import main
    from gui.data.logs import close_logging
    from gui.data.paths import DATA_DIR_ENV, LOG_DIR_ENV

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(LOG_DIR_ENV, str(tmp_path / "logs"))
    monkeypatch.setenv(cli_common.API_KEY_ENV, "a-key-of-some-length")
    url = rogue_server(answering(GATEWAY_ANSWERS["502"]))
    readings = tmp_path / "readings.csv"
    readings.write_text("temperature\n21.5\n", encoding="utf-8")
    try:
        code = main(["send", str(readings), "--missing-time", "platform", "--endpoint", url, "--device", "1"])
        out = capsys.readouterr().out
        assert code == cli_common.EXIT_FAILED and "OUTCOME UNKNOWN" in out
        assert "sends it again" not in out  # what it said; `outbox send` then held it back
        assert "holds them back" in out and "--allow-duplicates" in out and "verify --last" in out
        assert main(["outbox", "send"]) == cli_outbox.EXIT_NOT_ALL_SENT  # nothing sent: held back, as `send` said
        assert "--allow-duplicates" in capsys.readouterr().out
    finally:
        close_logging()
