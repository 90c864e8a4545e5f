"""Requests as real firmware writes them, as raw bytes over a socket: stored right, captured whole, judged right.

Two requests are byte-exact reproductions of what public OneNET firmware puts
on the wire (the source is named above each); the others are the framings
such firmware and Android's HttpURLConnection use (chunked, HTTP/1.0,
pipelining, 100-continue, CRLFs after the body).
"""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.i18n import render
from gui.onenet.readings import PLATFORM_TZ, Datapoint
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox
from gui.sandbox.capture import Exchange, Severity, describe
from gui.sandbox.server import ERRNO_BUSY, MAX_BODY_BYTES, MAX_HEADER_BYTES, is_loopback

from ..raw_http import answers_to, exchange

DEVICE, KEY = DEFAULT_DEVICE_ID, DEFAULT_API_KEY
MASKED = b"***********-1"  # KEY, all but its last 2 characters hidden, same length
SUCC = {"errno": 0, "error": "succ"}


def only(sandbox: Sandbox) -> Exchange:
    captured = sandbox.capture.exchanges()
    assert len(captured) == 1, [e.verdict for e in captured]
    return captured[0]


def severities(item: Exchange) -> list[Severity]:
    return [f.severity for f in item.findings]


def values(sandbox: Sandbox, stream: str) -> list[Any]:
    return [p.value for p in sandbox.datapoints(DEVICE, stream)]


# -- byte-exact requests of public firmware --------------------------------------------------


def test_esp8266_type5_request_of_the_onenet_demo_code(sandbox: Sandbox) -> None:
    # cm-heclouds/OneNET_demo_code_kylin, OneNET_Demo_ESP8266_HTTP_HT/Protocol/http/HTTP_Demo.c (HTTP_PostPkt):
    # "api-key:" and "Host:" without a space, "Content-Length:<n>", a type 5 body ",;<stream>,<value>", HTTP/1.1.
    request = (
        b"POST /devices/4093215/datapoints?type=5 HTTP/1.1\r\n"
        b"api-key:SANDBOX-KEY-1\r\n"
        b"Host:api.heclouds.com\r\n"
        b"Content-Length:16\r\n\r\n"
        b",;temperature,25"
    )
    [(status, _, body)] = answers_to(sandbox.port, request)

    assert (status, json.loads(body)) == (200, SUCC)
    assert values(sandbox, "temperature") == [25]
    item = only(sandbox)
    assert item.raw == request.replace(KEY.encode(), MASKED)  # the exact bytes, the key masked in place
    assert (item.device, item.body_type, item.stored, item.errno) == (DEVICE, "5", 1, 0)
    assert item.header("API-KEY") == MASKED.decode()
    assert Severity.ERROR not in severities(item)


def test_stm32_esp8266_type1_request_of_onenetmini(sandbox: Sandbox) -> None:
    # scjyyhl/OneNetMini, User/HTTP/http.c (createRequestData) with User/OneNet/OneNet.c (reportSHTDataPoint):
    # the absolute URL's path, Host, Content-Type, User-Agent, Accept, Content-Length, then "api-key: KEY";
    # the body is sprintf'd with %.2f and has no `at`.
    body = (
        b'{"datastreams":[{"id":"temperature","datapoints":[{"value":23.45}]},'
        b'{"id":"humidity","datapoints":[{"value":55.10}]}]}'
    )
    request = (
        b"POST /devices/4093215/datapoints HTTP/1.1\r\n"
        b"Host: api.heclouds.com\r\n"
        b"Content-Type: application/json\r\n"
        b"User-Agent: dlsHttp/1.0.0\r\n"
        b"Accept: */*\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        b"api-key: SANDBOX-KEY-1\r\n"
        b"\r\n" + body
    )
    [(status, _, answer)] = answers_to(sandbox.port, request)

    assert (status, json.loads(answer)) == (200, SUCC)
    assert (values(sandbox, "temperature"), values(sandbox, "humidity")) == ([23.45], [55.1])
    item = only(sandbox)
    assert item.body == body
    assert item.readings().stream("humidity") is not None
    assert item.findings == ()


# -- framings --------------------------------------------------------------------------------


def chunked(*parts: bytes, trailers: bytes = b"") -> bytes:
    """A chunked body as HttpURLConnection writes it: lower-case hex sizes, CRLF, a 0 chunk, trailers."""
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n" + trailers + b"\r\n"


@pytest.mark.parametrize("trailers", [b"", b"X-Checksum: 7f3a\r\n"])
def test_chunked_bodies_with_and_without_trailers_are_stored(sandbox: Sandbox, trailers: bytes) -> None:
    head = (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\n"
        b"Content-Type: application/json\r\nHost: 127.0.0.1\r\nConnection: Keep-Alive\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    request = head + chunked(b'{"temperature":', b"22.5}", trailers=trailers)

    [(status, _, body)] = answers_to(sandbox.port, request)

    assert (status, json.loads(body)) == (200, SUCC)
    assert values(sandbox, "temperature") == [22.5]
    item = only(sandbox)
    assert item.body == b'{"temperature":22.5}'
    assert item.raw == request.replace(KEY.encode(), MASKED)
    assert item.chunks == 2
    assert item.trailers == ((("X-Checksum", "7f3a"),) if trailers else ())
    [note] = item.findings
    assert note.severity is Severity.NOTE
    assert "chunked body: 2 chunks" in note.text
    assert ("trailers X-Checksum" in note.text) is bool(trailers)


def test_http_1_0_with_connection_close(sandbox: Sandbox) -> None:
    request = (
        b"POST /devices/4093215/datapoints?type=5 HTTP/1.0\r\nConnection: close\r\n"
        b"api-key: SANDBOX-KEY-1\r\nContent-Length: 22\r\n\r\n,;humidity,55;temp,23\r\n"
    )
    [(status, headers, body)] = answers_to(sandbox.port, request, half_close=False)  # the server closes by itself

    assert (status, headers["connection"], json.loads(body)) == (200, "close", SUCC)
    assert (values(sandbox, "humidity"), values(sandbox, "temp")) == ([55], [23])


def test_pipelined_requests_are_answered_in_order_and_captured_apart(sandbox: Sandbox) -> None:
    first = (
        b"POST /devices/4093215/datapoints?type=5 HTTP/1.1\r\nHost: a\r\n"
        b"api-key: SANDBOX-KEY-1\r\nContent-Length: 5\r\n\r\n,;a,1"
    )
    wrong = first.replace(b"SANDBOX-KEY-1", b"NOT-THE-KEY-9")
    last = first.replace(b"Host: a\r\n", b"Host: a\r\nConnection: close\r\n").replace(b",;a,1", b",;b,2")

    answers = answers_to(sandbox.port, first + wrong + last, half_close=False)

    assert [json.loads(body)["errno"] for _, _, body in answers] == [0, 3, 0]
    assert (values(sandbox, "a"), values(sandbox, "b")) == ([1], [2])
    captured = sandbox.capture.exchanges()
    assert [e.raw for e in captured] == [
        first.replace(KEY.encode(), MASKED),
        wrong.replace(b"NOT-THE-KEY-9", b"*************"),  # a wrong key: not even its tail
        last.replace(KEY.encode(), MASKED),
    ]
    assert "is not device '4093215'" in captured[1].verdict


def test_expect_100_continue_is_answered_before_the_body(sandbox: Sandbox) -> None:
    head = (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\nHost: a\r\napi-key: SANDBOX-KEY-1\r\n"
        b"Expect: 100-continue\r\nContent-Length: 7\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as conn:
        conn.sendall(head)
        assert conn.recv(65536).startswith(b"HTTP/1.1 100 Continue\r\n")
        conn.sendall(b'{"t":1}')
        assert conn.recv(65536).startswith(b"HTTP/1.1 200 OK\r\n")

    assert values(sandbox, "t") == [1]
    assert only(sandbox).raw == head.replace(KEY.encode(), MASKED) + b'{"t":1}'


def test_crlfs_after_the_body_are_ignored_and_said(sandbox: Sandbox) -> None:
    request = (
        b"POST /devices/4093215/datapoints?type=5 HTTP/1.1\r\nHost: a\r\n"
        b"api-key:SANDBOX-KEY-1\r\nContent-Length: 5\r\n\r\n,;a,1\r\n\r\n"
    )
    second = request.replace(b",;a,1", b",;a,2")

    answers = answers_to(sandbox.port, request + second)

    assert [json.loads(body) for _, _, body in answers] == [SUCC, SUCC]
    first_item = sandbox.capture.exchanges()[0]
    assert first_item.raw == request[:-4].replace(KEY.encode(), MASKED)
    assert "4 bytes of CR/LF came after the body" in first_item.verdict_in(render)
    # The plain verdict (the sandbox's --verbose lines, logs) puts the count's English form in too.
    assert "4 bytes of CR/LF came after the body" in first_item.verdict
    assert "byte(s)" not in describe(first_item)


# -- verdicts --------------------------------------------------------------------------------


def upload_raw(
    sandbox: Sandbox, body: bytes, *, length: int | None = None, key: bytes = KEY.encode(), body_type: int = 1
) -> Exchange:
    query = b"" if body_type == 1 else b"?type=%d" % body_type
    request = (
        b"POST /devices/4093215/datapoints" + query + b" HTTP/1.1\r\nHost: a\r\napi-key: " + key + b"\r\n"
        b"Content-Length: " + str(len(body) if length is None else length).encode() + b"\r\n\r\n" + body
    )
    answers_to(sandbox.port, request)
    return sandbox.capture.exchanges()[-1]


def test_verdict_content_length_larger_than_the_body(sandbox: Sandbox) -> None:
    body = b'{"datastreams":[{"id":"t","datapoints":[{"value":1}]}]}'
    item = upload_raw(sandbox, body, length=len(body) + 2)

    assert item.errno == 6
    assert f"Content-Length {len(body) + 2} but {len(body)} bytes came" in item.verdict
    assert sandbox.streams(DEVICE) == []


def test_verdict_content_length_smaller_than_the_body(sandbox: Sandbox) -> None:
    body = b'{"datastreams":[{"id":"t","datapoints":[{"value":1}]}]}'
    upload_raw(sandbox, body, length=len(body) - 2)
    item, rest = sandbox.capture.exchanges()  # the 2 bytes left over are read as a next "request"

    assert (item.errno, rest.status) == (5, 400)
    assert f"Content-Length {len(body) - 2} but 2 more bytes came right after the body" in item.verdict_in(render)
    assert sandbox.streams(DEVICE) == []


def test_verdict_at_in_the_wrong_format(sandbox: Sandbox) -> None:
    item = upload_raw(sandbox, b'{"datastreams":[{"id":"t","datapoints":[{"at":"07/12/2026 10:00","value":1}]}]}')

    assert item.errno == 5
    assert "not a time like 2013-04-22T00:35:43" in item.verdict
    assert "YYYY-MM-DDThh:mm:ss" in item.verdict


@pytest.mark.parametrize("at", ["2026-12-07T08:00:00Z", "2026-12-07T08:00:00+08:00", "2026-12-07T08:00:00-0300"])
def test_an_at_with_a_zone_is_refused_not_shifted(sandbox: Sandbox, at: str) -> None:
    """The platform reads `at` as Beijing time without a zone [H]: a suffix must not pass in the sandbox."""
    body = b'{"datastreams":[{"id":"t","datapoints":[{"at":"%s","value":1}]}]}' % at.encode()
    item = upload_raw(sandbox, body)

    assert item.errno == 5 and values(sandbox, "t") == []
    assert f"`at` {at} has a zone" in item.verdict and "YYYY-MM-DDThh:mm:ss" in item.verdict


@pytest.mark.parametrize(
    ("body", "at"),
    [
        (b'{"datastreams":[{"id":"t","datapoints":[{"at":"2026-12-07 08:00:00","value":1}]}]}', "2026-12-07 08:00:00"),
        (b'{"t":{"2026-12-07T08:00:00.123":1}}', "2026-12-07T08:00:00.123"),
        (b",;t,2026-12-07T08:00,1", "2026-12-07T08:00"),
    ],
)
def test_an_at_in_an_undocumented_form_is_stored_with_a_warning(sandbox: Sandbox, body: bytes, at: str) -> None:
    """A space, a fraction or no seconds: stored as read (Beijing time), and the verdict says it is undocumented."""
    body_type = {b"{": 1 if b"datastreams" in body else 4, b",": 5}[body[:1]]
    item = upload_raw(sandbox, body, body_type=body_type)

    assert item.errno == 0 and values(sandbox, "t") == [1]
    assert severities(item) == [Severity.WARNING]
    assert f"`at` {at} is not the documented form YYYY-MM-DDThh:mm:ss" in item.verdict
    stored = sandbox.datapoints(DEVICE, "t")[0].at
    assert stored is not None and stored.astimezone(PLATFORM_TZ).strftime("%Y-%m-%d %H:%M") == "2026-12-07 08:00"


def test_verdict_two_datapoints_at_the_same_at(sandbox: Sandbox) -> None:
    body = (
        b'{"datastreams":[{"id":"key","datapoints":[{"at":"2013-04-22T00:35:43","value":"x"},'
        b'{"at":"2013-04-22T00:35:43","value":23.001}]}]}'
    )
    item = upload_raw(sandbox, body)

    assert item.errno == 0
    assert severities(item) == [Severity.WARNING]
    assert "2 datapoints of 'key' at the same `at` 2013-04-22T00:35:43" in item.verdict
    assert values(sandbox, "key") == [23.001]


def test_verdict_the_api_key_of_another_device(sandbox: Sandbox) -> None:
    sandbox.add_device("777", "KEY-OF-777")
    item = upload_raw(sandbox, b'{"datastreams":[]}', key=b"KEY-OF-777")

    assert item.errno == 3
    assert "is the key of device '777', not of '4093215'" in item.verdict
    assert "KEY-OF-777" not in item.verdict
    assert b"KEY-OF-777" not in item.raw


def test_a_wrong_key_is_masked_whole_even_a_long_one_of_another_device(sandbox: Sandbox) -> None:
    other = "ANOTHER-DEVICES-REAL-KEY-Zq"  # long enough that a right key would show its last 2 characters
    sandbox.add_device("778", other)
    item = upload_raw(sandbox, b'{"datastreams":[]}', key=other.encode())

    assert item.errno == 3
    hidden = "*" * len(other)
    assert item.header("api-key") == hidden and hidden.encode() + b"\r\n" in item.raw
    assert "Zq" not in item.verdict and b"Zq" not in item.raw and "Zq" not in json.dumps(item.to_json())


def test_verdict_no_api_key(sandbox: Sandbox) -> None:
    answers_to(
        sandbox.port, b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{}     "
    )
    assert "no api-key header" in only(sandbox).verdict


# -- limits, and nothing a device sends crashes the sandbox -----------------------------------


def test_a_head_too_large_is_refused_with_431(sandbox: Sandbox) -> None:
    request = b"POST /devices/4093215/datapoints HTTP/1.1\r\nX-Pad: " + b"x" * MAX_HEADER_BYTES + b"\r\n\r\n"
    [(status, _, body)] = answers_to(sandbox.port, request)

    assert (status, json.loads(body)["errno"]) == (431, 4)
    assert "longer than" in only(sandbox).verdict


def test_a_body_too_large_is_refused_before_it_is_read(sandbox: Sandbox) -> None:
    request = (
        b"POST /devices/4093215/datapoints HTTP/1.1\r\nHost: a\r\napi-key: SANDBOX-KEY-1\r\n"
        b"Expect: 100-continue\r\nContent-Length: " + str(MAX_BODY_BYTES + 1).encode() + b"\r\n\r\n"
    )
    [(status, _, body)] = answers_to(sandbox.port, request)

    assert (status, json.loads(body)["errno"]) == (200, 6)
    assert "larger than" in json.loads(body)["error"]


def test_too_many_connections_are_refused_with_503() -> None:
    with Sandbox({DEVICE: KEY}, max_connections=1) as sandbox:
        with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as idle:
            idle.sendall(b"POST /devices/4093215/datapoints HTTP/1.1\r\n")  # keeps its connection busy
            [(status, headers, body)] = answers_to(sandbox.port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        assert (status, headers["connection"], json.loads(body)["errno"]) == (503, "close", ERRNO_BUSY)
        assert "too many connections" in sandbox.capture.exchanges()[0].verdict


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    b"POST ",
                    b"GET ",
                    b"/devices/4093215/datapoints",
                    b"?type=",
                    b"5",
                    b" HTTP/1.1",
                    b" HTTP/1.0",
                    b"\r\n",
                    b"\n",
                    b"api-key:",
                    b"SANDBOX-KEY-1",
                    b"Content-Length:",
                    b"7",
                    b"-1",
                    b"99999999999",
                    b"Transfer-Encoding: chunked",
                    b"Expect: 100-continue",
                    b"0\r\n",
                    b"ff\r\n",
                    b"{",
                    b",;t,1",
                    b":",
                    b"\x00",
                    b"\xff\xfe",
                    b" ",
                ]
            ),
            max_size=30,
        ).map(b"".join),
    )
)
def test_nothing_a_device_sends_stops_the_sandbox(sandbox: Sandbox, data: bytes) -> None:
    exchange(sandbox.port, data)

    answer = requests.post(
        f"{sandbox.url}/devices/{DEVICE}/datapoints", params={"type": "3"}, data=b'{"ok":1}', headers={"api-key": KEY}
    )
    assert answer.json() == SUCC
    assert sandbox.capture.exchanges()[-1].status == 200


# -- secrets, export, loopback ---------------------------------------------------------------


def test_the_key_is_masked_everywhere_it_could_show(sandbox: Sandbox) -> None:
    requests.get(f"{sandbox.url}/devices/{DEVICE}/datapoints?api-key={KEY}", headers={"api-key": KEY}, timeout=5)
    requests.post(
        f"{sandbox.url}/devices/{DEVICE}/datapoints?type=3", data=b'{"t":1}', headers={"API-Key": KEY}, timeout=5
    )

    lines = list(sandbox.capture.json_lines())
    assert len(lines) == 2
    assert not any(KEY in line for line in lines)
    assert not any(
        KEY.encode() in e.raw or KEY in e.target or KEY in str(e.headers) for e in sandbox.capture.exchanges()
    )
    first = json.loads(lines[0])
    assert first["target"] == "/devices/4093215/datapoints?api-key=***********-1"
    assert ["api-key", "***********-1"] in first["headers"]


def test_capture_is_a_bounded_ring() -> None:
    with Sandbox({DEVICE: KEY}, capture_size=3) as sandbox:
        for i in range(5):
            requests.post(
                f"{sandbox.url}/devices/{DEVICE}/datapoints?type=3", data=b'{"t":%d}' % i, headers={"api-key": KEY}
            )
        assert [e.number for e in sandbox.capture.exchanges()] == [3, 4, 5]
        assert [e.readings().stream("t").datapoints[0].value for e in sandbox.capture.exchanges()] == [2, 3, 4]


def test_the_sandbox_listens_on_loopback_unless_told() -> None:
    assert Sandbox().host == "127.0.0.1"
    with pytest.raises(ValueError, match="every address"):
        Sandbox(host="")
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.5", "::")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    with Sandbox() as sandbox:
        assert sandbox.loopback_only
        assert sandbox.device_urls() == [sandbox.url]


def test_points_stored_from_a_device_keep_platform_time(sandbox: Sandbox) -> None:
    upload_raw(sandbox, b'{"datastreams":[{"id":"t","datapoints":[{"at":"2026-12-07T10:00:00","value":1}]}]}')
    [point] = sandbox.datapoints(DEVICE, "t")
    assert (
        point == Datapoint(1, point.at) and point.at is not None and point.at.utcoffset() == PLATFORM_TZ.utcoffset(None)
    )
