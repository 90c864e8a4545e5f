"""The client's bounds against misbehaving servers (issue 12, "Why" 6): answer size, one deadline per attempt."""

from __future__ import annotations

import threading

import pytest

from gui.onenet.client import MalformedResponse, NetworkError, OneNetClient
from gui.onenet.examples import SEED_EXAMPLE_TYPE1
from gui.onenet.formats import BodyType, EncodedBody

SEED = EncodedBody(BodyType.FULL_JSON, SEED_EXAMPLE_TYPE1, "application/json")
OK = b'{"errno":0,"error":"succ"}'
MIB = 1 << 20  # the bound: gui.onenet.client.MAX_ANSWER_BYTES


def test_a_server_trickling_its_answer_is_cut_off_at_the_attempts_deadline(rogue_server):
    """A byte every 0.2 s never trips a per-read timeout of 1 s; the whole answer (a success) would take 8 s."""
    written: list[int] = []
    finished = threading.Event()

    def trickle(connection):
        body = OK + b" " * 40
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        connection.sendall(f"Content-Length: {len(body)}\r\n\r\n".encode())
        try:
            for byte in body:
                connection.sendall(bytes([byte]))
                written.append(byte)
                if finished.wait(0.2):
                    return
        finally:
            finished.set()

    client = OneNetClient(rogue_server(trickle), "1", "a-key-of-some-length", timeout=1.0)
    with pytest.raises(NetworkError, match=r"no answer from 127\.0\.0\.1:\d+ within 1 s"):
        client.upload(SEED)
    finished.set()
    assert len(written) < len(OK) + 40  # cut off midway, not read to its end


def test_a_server_trickling_its_headers_is_cut_off_too(rogue_server):
    stop = threading.Event()

    def trickle(connection):
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
            connection.sendall(bytes([byte]))
            if stop.wait(0.2):
                return

    client = OneNetClient(rogue_server(trickle), "1", "a-key-of-some-length", timeout=1.0)
    with pytest.raises(NetworkError, match="no answer from"):
        client.upload(SEED)
    stop.set()


def test_an_answer_over_one_mib_is_not_read_and_its_outcome_is_unknown(rogue_server):
    """An errno-0 answer padded with 3 MiB of spaces (valid JSON) is refused as too large, not taken for success."""
    sent: list[int] = []

    def huge(connection):
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + OK)
        for _ in range(48):
            connection.sendall(b" " * 65536)
            sent.append(65536)

    client = OneNetClient(rogue_server(huge), "1", "a-key-of-some-length", timeout=5.0)
    with pytest.raises(MalformedResponse, match="answer too large") as caught:
        client.upload(SEED)
    assert caught.value.response is not None and caught.value.response.http_status == 200


def test_a_compressed_answer_is_bounded_after_decompression(rogue_server):
    import gzip

    bomb = gzip.compress(OK + b" " * (4 << 20))

    def zipped(connection):
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
            + f"Content-Length: {len(bomb)}\r\n\r\n".encode()
            + bomb
        )

    with pytest.raises(MalformedResponse, match="answer too large"):
        OneNetClient(rogue_server(zipped), "1", "a-key-of-some-length").upload(SEED)


def test_an_answer_of_exactly_the_limit_is_read(rogue_server):
    body = OK + b" " * (MIB - len(OK))

    def full(connection):
        connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)

    response = OneNetClient(rogue_server(full), "1", "a-key-of-some-length").upload(SEED)
    assert response.errno == 0


def test_cancel_returns_within_the_timeout_while_a_server_trickles(rogue_server, tmp_path):
    """Cancel waits for the attempt on the wire, which its deadline ends: not for the 60 s the trickle would take."""
    from gui.data.pipeline import Pipeline, RetryPolicy
    from gui.data.store import NewRow, State, Store
    from gui.onenet.readings import Datapoint

    stop = threading.Event()
    answering = threading.Event()

    def trickle(connection):
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n")
        answering.set()
        for _ in range(300):  # 60 s at 0.2 s a byte
            connection.sendall(b" ")
            if stop.wait(0.2):
                return

    url = rogue_server(trickle)
    with Store(tmp_path / "outbox.sqlite3") as store:
        store.add([NewRow("t", Datapoint(1))], state=State.UNSENT, endpoint=url, device_id="1")
        from gui.data.outbox import clients, plan_outbox

        cancel = threading.Event()
        box: list[object] = []
        pipeline = Pipeline(store, clients("a-key-of-some-length", timeout=1.0), RetryPolicy(max_attempts=3))
        thread = threading.Thread(
            target=lambda: box.append(pipeline.run(plan_outbox(store, allow_duplicates=True), cancel=cancel))
        )
        thread.start()
        assert answering.wait(10)
        cancel.set()  # the request on the wire is waited for, within its deadline
        thread.join(20)
        stop.set()
        assert not thread.is_alive()
        assert store.counts()[State.UNKNOWN] + store.counts()[State.UNSENT] == 1  # never taken for sent
