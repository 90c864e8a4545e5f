"""The OneNET sandbox over real HTTP on loopback: uploads, auth, failures, read-back.

The expected answers come from tests/fixtures/README.md (the cases) and
shared onenet-api.md (the platform's rules).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Datastream, Readings
from gui.sandbox import (
    DEFAULT_API_KEY,
    DEFAULT_DEVICE_ID,
    ERRNO_AUTH_FAILED,
    ERRNO_BAD_BODY,
    ERRNO_BAD_LENGTH,
    ERRNO_BAD_PARAMETER,
    ERRNO_NOT_FOUND,
    Sandbox,
    mask_key,
)
from gui.sandbox.cli import add_arguments, main, run
from gui.sandbox.server import CONNECTION_TIMEOUT

from ..raw_http import answers_to

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEVICE = DEFAULT_DEVICE_ID
KEY = DEFAULT_API_KEY
SUCC = {"errno": 0, "error": "succ"}


# -- helpers ---------------------------------------------------------------------


def raw_fixture(name: str) -> bytes:
    """A raw request fixture with CRLF header lines; the body bytes untouched.

    The files are stored with CRLF; this also copes with a checkout that
    turned them into LF.
    """
    data = (FIXTURES / name).read_bytes()
    for blank in (b"\r\n\r\n", b"\n\n"):
        head, found, rest = data.partition(blank)
        if found:
            return b"\r\n".join(head.replace(b"\r\n", b"\n").split(b"\n")) + b"\r\n\r\n" + rest
    raise AssertionError(f"{name} has no blank line after its headers")


def split_request(data: bytes) -> tuple[dict[str, str], bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, body


def send_raw(sandbox: Sandbox, data: bytes, *, half_close: bool = False) -> list[tuple[int, dict[str, str], bytes]]:
    """Send bytes over a socket, read until the server closes; the parsed responses."""
    return answers_to(sandbox.port, data, half_close=half_close)


def send_raw_one(sandbox: Sandbox, data: bytes, **kwargs: Any) -> tuple[int, dict[str, str], bytes]:
    responses = send_raw(sandbox, data, **kwargs)
    assert len(responses) == 1
    return responses[0]


def upload(
    sandbox: Sandbox,
    body: bytes,
    body_type: int | str | None = None,
    *,
    key: str | None = KEY,
    device: str = DEVICE,
    timeout: float = 5,
) -> requests.Response:
    headers = {"api-key": key} if key is not None else {}
    params = {"type": str(body_type)} if body_type is not None else None
    url = f"{sandbox.url}/devices/{device}/datapoints"
    return requests.post(url, data=body, params=params, headers=headers, timeout=timeout)


def read_back(sandbox: Sandbox, *, key: str = KEY, device: str = DEVICE, **params: Any) -> dict[str, Any]:
    url = f"{sandbox.url}/devices/{device}/datapoints"
    response = requests.get(url, params=params, headers={"api-key": key}, timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    answer: dict[str, Any] = response.json()
    return answer


def read_ok(sandbox: Sandbox, **params: Any) -> dict[str, Any]:
    answer = read_back(sandbox, **params)
    assert answer["errno"] == 0, answer
    assert answer["error"] == "succ"
    data: dict[str, Any] = answer["data"]
    return data


def points_of(data: dict[str, Any]) -> list[tuple[str, str, Any]]:
    return [(s["id"], p["at"], p["value"]) for s in data["datastreams"] for p in s["datapoints"]]


def values(sandbox: Sandbox, stream: str, device: str = DEVICE) -> list[Any]:
    return [p.value for p in sandbox.datapoints(device, stream)]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PLATFORM_TZ)


def timed_body(streams: dict[str, int], start: datetime, body_type: BodyType = BodyType.FULL_JSON) -> bytes:
    """Streams of `count` points one second apart from `start`, value = index."""
    readings = Readings(
        [
            Datastream(stream_id, [Datapoint(i, start + timedelta(seconds=i)) for i in range(count)])
            for stream_id, count in streams.items()
        ]
    )
    return encode(readings, body_type).data


# -- the cases: raw device requests ----------------------------------------------


@pytest.mark.parametrize("name", ["device_raw_type5.http", "device_raw_type1.http"])
def test_raw_fixture_content_length_matches_body(name: str) -> None:
    headers, body = split_request(raw_fixture(name))
    # Firmware appends CRLFs after the body; they are not part of it.
    assert int(headers["content-length"]) == len(body.rstrip(b"\r\n"))


def test_raw_type5_device_request_is_accepted(sandbox: Sandbox) -> None:
    data = raw_fixture("device_raw_type5.http")
    assert data.startswith(b"POST /devices/4093215/datapoints?type=5 HTTP/1.0\r\napi-key:SANDBOX-KEY-1\r\n")

    status, headers, body = send_raw_one(sandbox, data)

    assert status == 200
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == SUCC
    assert sandbox.streams(DEVICE) == ["humidity", "temperature"]
    assert values(sandbox, "humidity") == [55]
    assert values(sandbox, "temperature") == [23]


def test_raw_type1_device_request_is_accepted(sandbox: Sandbox) -> None:
    data = raw_fixture("device_raw_type1.http")
    assert b"\r\napi-Key: SANDBOX-KEY-1\r\n" in data

    status, _, body = send_raw_one(sandbox, data)

    assert status == 200
    assert json.loads(body) == SUCC
    assert sandbox.streams(DEVICE) == ["test_stream"]
    assert values(sandbox, "test_stream") == [28]


def test_raw_type1_with_wrong_key_fails_auth_and_stores_nothing(sandbox: Sandbox) -> None:
    data = raw_fixture("device_raw_type1.http").replace(b"SANDBOX-KEY-1", b"WRONG-KEY-999")

    status, _, body = send_raw_one(sandbox, data)

    assert status == 200
    assert json.loads(body) == {"errno": 3, "error": "auth failed"}
    assert sandbox.streams(DEVICE) == []
    assert sandbox.upload_count == 1


def test_points_without_at_get_the_server_clock_in_platform_time(sandbox: Sandbox) -> None:
    before = datetime.now(PLATFORM_TZ)
    send_raw_one(sandbox, raw_fixture("device_raw_type5.http"))
    after = datetime.now(PLATFORM_TZ)

    [humidity] = sandbox.datapoints(DEVICE, "humidity")
    [temperature] = sandbox.datapoints(DEVICE, "temperature")
    assert humidity.at is not None
    assert humidity.at.utcoffset() == timedelta(hours=8)
    assert humidity.at.microsecond % 1000 == 0  # millisecond precision
    assert before - timedelta(milliseconds=1) <= humidity.at <= after
    assert temperature.at == humidity.at  # one stamp per request


# -- the cases: the seed body ---------------------------------------------------


def test_seed_body_is_accepted_and_read_back_with_overwrite(sandbox: Sandbox) -> None:
    response = upload(sandbox, (FIXTURES / "seed_example_type1.json").read_bytes())

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == SUCC
    data = read_ok(sandbox)
    assert data["count"] == 3
    assert "cursor" not in data
    streams = {s["id"]: s["datapoints"] for s in data["datastreams"]}
    assert streams == {
        "key": [{"at": "2013-04-22 00:35:43.000", "value": 23.001}],
        "temperature": [
            {"at": "2013-04-22 00:35:43.000", "value": "bacd"},
            {"at": "2013-04-22 00:55:43.000", "value": 84},
        ],
    }
    assert isinstance(streams["temperature"][1]["value"], int)
    assert sandbox.datapoints(DEVICE, "key") == [Datapoint(23.001, at("2013-04-22T00:35:43"))]


def test_resending_a_batch_with_explicit_at_stores_it_once(sandbox: Sandbox) -> None:
    body = (FIXTURES / "seed_example_type1.json").read_bytes()
    assert upload(sandbox, body).json() == SUCC
    assert upload(sandbox, body).json() == SUCC

    assert len(sandbox.datapoints(DEVICE, "temperature")) == 2
    assert len(sandbox.datapoints(DEVICE, "key")) == 1
    assert sandbox.upload_count == 2


def test_later_request_overwrites_equal_at(sandbox: Sandbox) -> None:
    first = b'{"datastreams":[{"id":"t","datapoints":[{"at":"2020-01-01T00:00:00","value":1}]}]}'
    upload(sandbox, first)
    upload(sandbox, first.replace(b'"value":1', b'"value":2'))

    assert sandbox.datapoints(DEVICE, "t") == [Datapoint(2, at("2020-01-01T00:00:00"))]


def test_several_points_without_at_in_one_request_keep_only_the_last(sandbox: Sandbox) -> None:
    body = b'{"datastreams":[{"id":"t","datapoints":[{"value":1},{"value":2},{"value":3}]}]}'
    assert upload(sandbox, body).json() == SUCC

    assert values(sandbox, "t") == [3]


def test_requests_without_at_get_strictly_increasing_stamps(sandbox: Sandbox) -> None:
    frozen = datetime(2026, 1, 1, 12, 0, 0, 123456, tzinfo=PLATFORM_TZ)
    sandbox.clock = lambda: frozen
    upload(sandbox, b'{"t":1}', 3)
    upload(sandbox, b'{"t":2}', 3)

    points = sandbox.datapoints(DEVICE, "t")
    assert [p.value for p in points] == [1, 2]
    assert [p.at for p in points] == [
        datetime(2026, 1, 1, 12, 0, 0, 123000, tzinfo=PLATFORM_TZ),
        datetime(2026, 1, 1, 12, 0, 0, 124000, tzinfo=PLATFORM_TZ),
    ]


def test_doc_example_bodies_of_type_3_4_5_are_stored(sandbox: Sandbox) -> None:
    assert upload(sandbox, (FIXTURES / "doc_example_type3.json").read_bytes(), 3).json() == SUCC
    assert values(sandbox, "temperature") == [22.5]
    assert values(sandbox, "humidity") == ["95.2%"]
    sandbox.clear()

    assert upload(sandbox, (FIXTURES / "doc_example_type4.json").read_bytes(), 4).json() == SUCC
    assert sandbox.datapoints(DEVICE, "temperature") == [Datapoint(22.5, at("2015-03-22T22:31:12"))]
    sandbox.clear()

    assert upload(sandbox, (FIXTURES / "doc_example_type5.txt").read_bytes(), 5).json() == SUCC
    assert sandbox.streams(DEVICE) == ["1", "3", "pm2.5", "temperature"]
    assert sandbox.datapoints(DEVICE, "temperature") == [Datapoint(22.5, at("2015-03-22T22:31:12"))]
    assert (values(sandbox, "1"), values(sandbox, "pm2.5"), values(sandbox, "3")) == ([102], [89], [10])


# -- auth ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("device", "key"),
    [(DEVICE, "WRONG"), (DEVICE, None), (DEVICE, ""), ("999", KEY), (DEVICE, KEY.lower()), ("other", KEY)],
)
def test_auth_failures_answer_errno_3_and_store_nothing(sandbox: Sandbox, device: str, key: str | None) -> None:
    sandbox.add_device("other", "OTHER-KEY")

    response = upload(sandbox, b'{"t":1}', 3, device=device, key=key)

    assert response.status_code == 200
    assert response.json() == {"errno": ERRNO_AUTH_FAILED, "error": "auth failed"}
    assert sandbox.streams(device) == []


def test_auth_comes_before_body_validation(sandbox: Sandbox) -> None:
    assert upload(sandbox, b"{not json", key="WRONG").json()["errno"] == ERRNO_AUTH_FAILED


def test_header_name_case_and_value_padding_are_tolerated(sandbox: Sandbox) -> None:
    request = (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\nAPI-KEY:   SANDBOX-KEY-1  \r\n"
        b'Connection: close\r\nContent-Length: 7\r\n\r\n{"t":1}'
    )
    status, _, body = send_raw_one(sandbox, request)

    assert (status, json.loads(body)) == (200, SUCC)
    assert values(sandbox, "t") == [1]


def test_read_back_needs_the_key(sandbox: Sandbox) -> None:
    sandbox.put(DEVICE, "t", Datapoint(1))
    assert read_back(sandbox, key="WRONG") == {"errno": ERRNO_AUTH_FAILED, "error": "auth failed"}
    assert read_back(sandbox, device="999")["errno"] == ERRNO_AUTH_FAILED


# -- malformed uploads: nothing stored -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "body_type", "errno", "fragment"),
    [
        (b'{"datastreams":[{"id":"t","datapoints":[{"value":1}]}', None, ERRNO_BAD_BODY, "not valid JSON"),
        (b"", None, ERRNO_BAD_BODY, "not valid JSON"),
        (b'{"t":[1,2]}', 3, ERRNO_BAD_BODY, "value must be"),
        (b'{"t":{"yesterday":1}}', 4, ERRNO_BAD_BODY, "yesterday"),
        (b";;t,1", 5, ERRNO_BAD_BODY, "separator"),
        (b'{"t":1e999}', 3, ERRNO_BAD_BODY, "out of range"),
        (b"[" * 100_000, None, ERRNO_BAD_BODY, ""),
        (b'{"t":1}', 2, ERRNO_BAD_PARAMETER, "type"),
        (b'{"t":1}', "json", ERRNO_BAD_PARAMETER, "type"),
    ],
)
def test_bad_uploads_answer_an_errno_and_store_nothing(
    sandbox: Sandbox, body: bytes, body_type: int | str | None, errno: int, fragment: str
) -> None:
    response = upload(sandbox, body, body_type)

    assert response.status_code == 200
    answer = response.json()
    assert answer["errno"] == errno
    assert fragment in answer["error"]
    assert sandbox.streams(DEVICE) == []


def test_a_request_is_all_or_nothing(sandbox: Sandbox) -> None:
    body = (
        b'{"datastreams":[{"id":"good","datapoints":[{"at":"2020-01-01T00:00:00","value":1}]},'
        b'{"id":"bad","datapoints":[{"at":"2020-13-01T00:00:00","value":2}]}]}'
    )
    answer = upload(sandbox, body).json()

    assert answer["errno"] == ERRNO_BAD_BODY
    assert "datastreams[1].datapoints[0]" in answer["error"]
    assert sandbox.streams(DEVICE) == []


def test_post_without_content_length_is_refused(sandbox: Sandbox) -> None:
    request = b'POST /devices/4093215/datapoints?type=3 HTTP/1.0\r\napi-key: SANDBOX-KEY-1\r\n\r\n{"t":1}'

    status, _, body = send_raw_one(sandbox, request, half_close=True)

    assert status == 200
    assert json.loads(body) == {"errno": ERRNO_BAD_LENGTH, "error": "Content-Length required"}
    assert sandbox.streams(DEVICE) == []


def test_body_shorter_than_content_length_is_refused(sandbox: Sandbox) -> None:
    request = (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\nContent-Length: 50\r\n\r\n{}"
    )

    status, _, body = send_raw_one(sandbox, request, half_close=True)

    assert status == 200
    assert json.loads(body)["errno"] == ERRNO_BAD_LENGTH
    assert sandbox.streams(DEVICE) == []


def test_keep_alive_connection_survives_trailing_crlfs(sandbox: Sandbox) -> None:
    first = (
        b"POST /devices/4093215/datapoints?type=5 HTTP/1.1\r\n"
        b"api-key:SANDBOX-KEY-1\r\nContent-Length: 6\r\n\r\n,;a,1\r\n\r\n"
    )
    second = first.replace(b"HTTP/1.1\r\n", b"HTTP/1.1\r\nConnection: close\r\n").replace(b",;a,1", b",;b,2")

    responses = send_raw(sandbox, first + second)

    assert [(status, json.loads(body)) for status, _, body in responses] == [(200, SUCC), (200, SUCC)]
    assert (values(sandbox, "a"), values(sandbox, "b")) == ([1], [2])


@pytest.mark.parametrize(
    "garbage", [b"\x00\x01\x02 garbage\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"A B C D\r\n\r\n", b"X" * 70000 + b"\r\n"]
)
def test_garbage_does_not_stop_the_server(sandbox: Sandbox, garbage: bytes) -> None:
    status, headers, body = send_raw_one(sandbox, garbage)
    assert status >= 400
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["errno"] != 0

    assert upload(sandbox, b'{"t":1}', 3).json() == SUCC


def test_expect_100_continue_as_curl_sends_it(sandbox: Sandbox) -> None:
    head = (
        b"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\n"
        b"Expect: 100-continue\r\nConnection: close\r\nContent-Length: 7\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as conn:
        conn.sendall(head)
        interim = conn.recv(65536)
        conn.sendall(b'{"t":1}')
        received = b""
        while chunk := conn.recv(65536):
            received += chunk

    assert interim.startswith(b"HTTP/1.1 100")
    assert received.startswith(b"HTTP/1.1 200")
    assert received.endswith(b'{"errno":0,"error":"succ"}')
    assert values(sandbox, "t") == [1]


@pytest.mark.parametrize("length", ["abc", "-1", "\u00b2", "1, 2", "99999999999999999999"])
def test_invalid_content_length_is_refused(sandbox: Sandbox, length: str) -> None:
    request = (
        f"POST /devices/4093215/datapoints?type=3 HTTP/1.1\r\napi-key: SANDBOX-KEY-1\r\n"
        f"Content-Length: {length}\r\n\r\n{{}}"
    ).encode()

    status, _, body = send_raw_one(sandbox, request, half_close=True)

    assert (status, json.loads(body)["errno"]) == (200, ERRNO_BAD_LENGTH)


def test_concurrent_uploads_are_all_stored(sandbox: Sandbox) -> None:
    start = at("2020-01-01T00:00:00")

    def worker(n: int) -> None:
        for i in range(5):
            body = timed_body({f"s{n}": 1}, start + timedelta(minutes=i))
            assert upload(sandbox, body).json() == SUCC

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sandbox.upload_count == 40
    assert sum(len(sandbox.datapoints(DEVICE, f"s{n}")) for n in range(8)) == 40


# -- injected failures and delay -----------------------------------------------------


def test_fail_every_answers_http_500_plain_text_and_stores_nothing(sandbox: Sandbox) -> None:
    sandbox.fail_every = 2

    first = upload(sandbox, b'{"a":1}', 3)
    second = upload(sandbox, b'{"b":1}', 3)
    third = upload(sandbox, b'{"c":1}', 3)

    assert (first.status_code, first.json()) == (200, SUCC)
    assert second.status_code == 500
    assert second.headers["Content-Type"].startswith("text/plain")
    with pytest.raises(ValueError):
        json.loads(second.text)
    assert (third.status_code, third.json()) == (200, SUCC)
    assert sandbox.streams(DEVICE) == ["a", "c"]
    assert sandbox.upload_count == 3

    sandbox.fail_every = 0
    assert upload(sandbox, b'{"d":1}', 3).status_code == 200


def test_delay_slows_uploads_only(sandbox: Sandbox) -> None:
    sandbox.delay = 60  # far longer than either request below waits

    with pytest.raises(requests.exceptions.ReadTimeout):  # the upload is held for the delay
        upload(sandbox, b'{"t":1}', 3, timeout=0.3)
    read_ok(sandbox)  # a read is answered at once (within its 5 s timeout): the delay is not applied to it


def test_client_timeout_during_delay_leaves_the_data_stored(sandbox: Sandbox) -> None:
    sandbox.delay = 0.6

    with pytest.raises(requests.exceptions.ReadTimeout):
        upload(sandbox, b'{"t":1}', 3, timeout=0.2)

    assert values(sandbox, "t") == [1]  # the outcome is unknown to the client, but stored


# -- read-back --------------------------------------------------------------------------


def test_read_back_pages_across_streams_beyond_6000_points(sandbox: Sandbox) -> None:
    start = at("2021-05-01T00:00:00")
    assert upload(sandbox, timed_body({"b": 3000, "a": 4000}, start)).json() == SUCC

    first = read_ok(sandbox, limit=6000)
    assert first["count"] == 6000
    assert [(s["id"], len(s["datapoints"])) for s in first["datastreams"]] == [("a", 4000), ("b", 2000)]
    assert first["cursor"]
    second = read_ok(sandbox, limit=6000, cursor=first["cursor"])
    assert second["count"] == 1000
    assert "cursor" not in second
    assert [(s["id"], len(s["datapoints"])) for s in second["datastreams"]] == [("b", 1000)]

    got = points_of(first) + points_of(second)
    expected = [
        (stream, f"{start + timedelta(seconds=i):%Y-%m-%d %H:%M:%S}.000", i)
        for stream, count in (("a", 4000), ("b", 3000))
        for i in range(count)
    ]
    assert got == expected


def test_read_back_pages_descending(sandbox: Sandbox) -> None:
    start = at("2021-05-01T00:00:00")
    upload(sandbox, timed_body({"a": 3, "b": 4}, start))

    pages = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, "sort": "DESC"}
        if cursor:
            params["cursor"] = cursor
        data = read_ok(sandbox, **params)
        pages.append([(s, v) for s, _, v in points_of(data)])
        cursor = data.get("cursor")
        if cursor is None:
            break

    assert pages == [[("a", 2), ("a", 1)], [("a", 0), ("b", 3)], [("b", 2), ("b", 1)], [("b", 0)]]


def test_page_ending_exactly_at_a_stream_end_has_a_cursor_only_if_more_follow(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"a": 3, "b": 2}, at("2021-05-01T00:00:00")))

    first = read_ok(sandbox, limit=3)
    assert [s["id"] for s in first["datastreams"]] == ["a"]
    second = read_ok(sandbox, limit=3, cursor=first["cursor"])
    assert (second["count"], "cursor" in second) == (2, False)
    assert "cursor" not in read_ok(sandbox, limit=5)


def test_default_limit_is_100(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"a": 150}, at("2021-05-01T00:00:00")))

    data = read_ok(sandbox)

    assert data["count"] == 100
    assert "cursor" in data


def test_start_and_end_are_inclusive_platform_time(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"t": 6}, at("2021-05-01T10:00:00")))
    sandbox.put(DEVICE, "t", Datapoint("late", at("2021-05-01T10:00:03.500")))

    data = read_ok(sandbox, start="2021-05-01T10:00:01", end="2021-05-01T10:00:03")

    assert [(a, v) for _, a, v in points_of(data)] == [
        ("2021-05-01 10:00:01.000", 1),
        ("2021-05-01 10:00:02.000", 2),
        ("2021-05-01 10:00:03.000", 3),
        ("2021-05-01 10:00:03.500", "late"),
    ]


def test_duration_counts_from_start_or_back_from_now(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"t": 6}, at("2021-05-01T10:00:00")))
    sandbox.clock = lambda: at("2021-05-01T10:00:05")

    from_start = read_ok(sandbox, start="2021-05-01T10:00:01", duration=2)
    back_from_now = read_ok(sandbox, duration=1)

    assert [v for _, _, v in points_of(from_start)] == [1, 2, 3]
    assert [v for _, _, v in points_of(back_from_now)] == [4, 5]


def test_sort_desc_and_datastream_filter(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"a": 3, "b": 2, "c": 1}, at("2021-05-01T10:00:00")))

    data = read_ok(sandbox, datastream_id="c,a", sort="DESC")

    assert [(s, v) for s, _, v in points_of(data)] == [("a", 2), ("a", 1), ("a", 0), ("c", 0)]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 6001},
        {"limit": "many"},
        {"limit": "\u00b2"},
        {"sort": "UP"},
        {"start": "yesterday"},
        {"start": "2021-05-02T00:00:00", "end": "2021-05-01T00:00:00"},
        {"start": "2021-05-01T00:00:00", "end": "2021-05-02T00:00:00", "duration": 5},
        {"duration": "-5"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_bad_read_parameters_answer_errno_4(sandbox: Sandbox, params: dict[str, Any]) -> None:
    answer = read_back(sandbox, **params)

    assert answer["errno"] == ERRNO_BAD_PARAMETER
    assert answer["error"]
    assert "data" not in answer


def test_cursor_of_ascending_query_is_refused_for_descending(sandbox: Sandbox) -> None:
    upload(sandbox, timed_body({"a": 3}, at("2021-05-01T10:00:00")))
    cursor = read_ok(sandbox, limit=1)["cursor"]

    assert read_back(sandbox, limit=1, sort="DESC", cursor=cursor)["errno"] == ERRNO_BAD_PARAMETER


# -- other paths and methods ------------------------------------------------------------


def test_http_0_9_request_is_answered_with_a_status_line(sandbox: Sandbox) -> None:
    status, _, body = send_raw_one(sandbox, b"GET /devices/4093215/datapoints\r\n\r\n")

    assert (status, json.loads(body)["errno"]) == (200, ERRNO_AUTH_FAILED)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/devices/4093215"),
        ("POST", "/devices/4093215/datastreams"),
        ("PUT", "/devices/4093215/datapoints"),
        ("DELETE", "/devices/4093215/datapoints"),
        ("BREW", "/devices/4093215/datapoints"),
    ],
)
def test_unknown_path_or_method_is_404_with_errno(sandbox: Sandbox, method: str, path: str) -> None:
    response = requests.request(method, sandbox.url + path, data=b"{}", headers={"api-key": KEY}, timeout=5)

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["errno"] == ERRNO_NOT_FOUND
    assert sandbox.upload_count == 0


def test_absolute_form_request_target_is_accepted(sandbox: Sandbox) -> None:
    request = (
        b"POST http://api.onenet.invalid/devices/4093215/datapoints?type=3 HTTP/1.1\r\n"
        b'api-key: SANDBOX-KEY-1\r\nConnection: close\r\nContent-Length: 7\r\n\r\n{"t":1}'
    )
    status, _, body = send_raw_one(sandbox, request)

    assert (status, json.loads(body)) == (200, SUCC)


# -- logging, direct storage access, lifecycle, CLI ---------------------------------------------


def test_log_has_one_line_per_request_and_never_the_key() -> None:
    lines: list[str] = []
    with Sandbox({DEVICE: KEY}, log=lines.append) as sandbox:
        upload(sandbox, (FIXTURES / "doc_example_type3.json").read_bytes(), 3)
        upload(sandbox, b'{"t":1}', 3, key="WRONG-KEY-12345")
        upload(sandbox, b"{", 3)
        read_back(sandbox)
        requests.get(sandbox.url + "/nothing", timeout=5)

    assert len(lines) == 5
    assert "POST /devices/4093215/datapoints?type=3" in lines[0]
    assert "device=4093215" in lines[0]
    assert "type=3" in lines[0]
    assert "errno=0" in lines[0]
    assert "stored=2" in lines[0]
    assert "errno=3" in lines[1]
    assert "errno=5" in lines[2]
    assert "returned=2" in lines[3]
    assert "HTTP 404" in lines[4]
    assert not any(KEY in line or "WRONG-KEY" in line for line in lines)


def test_log_masks_a_key_sent_in_the_query() -> None:
    lines: list[str] = []
    with Sandbox({DEVICE: KEY}, log=lines.append) as sandbox:
        requests.get(f"{sandbox.url}/devices/{DEVICE}/datapoints?api-key={KEY}&limit=5", timeout=5)

    assert len(lines) == 1
    assert KEY not in lines[0]
    assert "api-key=***&limit=5" in lines[0]


def test_mask_key_hides_the_key() -> None:
    assert mask_key("SANDBOX-KEY-1") == "***********-1"
    assert mask_key("short") == "*****"
    assert mask_key("") == "(none)"


def test_put_delete_clear_and_streams() -> None:
    sandbox = Sandbox()  # storage works without a running server
    sandbox.clock = lambda: at("2022-02-02T02:02:02.002")
    stored = sandbox.put("d", "s", Datapoint(5))
    sandbox.put("d", "s", Datapoint(1, at("2022-01-01T00:00:00")))
    sandbox.put("d", "r", Datapoint({"x": 1}, at("2022-01-01T00:00:00.123999")))

    assert stored == Datapoint(5, at("2022-02-02T02:02:02.002"))
    assert sandbox.streams("d") == ["r", "s"]
    assert [p.value for p in sandbox.datapoints("d", "s")] == [1, 5]
    assert sandbox.datapoints("d", "r")[0].at == at("2022-01-01T00:00:00.123")
    assert sandbox.datapoints("nobody", "s") == []
    handed_out = sandbox.datapoints("d", "r")[0].value
    assert isinstance(handed_out, dict)
    handed_out["x"] = 2
    assert sandbox.datapoints("d", "r")[0].value == {"x": 1}

    assert sandbox.delete("d", "r", at("2022-01-01T00:00:00.123"))
    assert not sandbox.delete("d", "r", at("2022-01-01T00:00:00.123"))
    assert sandbox.streams("d") == ["s"]
    with pytest.raises(ValueError):
        sandbox.put("d", "s", Datapoint(float("nan")))
    sandbox.clear()
    assert sandbox.streams("d") == []


def test_port_and_url_before_start_raise_and_restart_keeps_data() -> None:
    sandbox = Sandbox({DEVICE: KEY})
    with pytest.raises(RuntimeError):
        _ = sandbox.url
    with sandbox:
        assert sandbox.url == f"http://127.0.0.1:{sandbox.port}"
        upload(sandbox, b'{"t":1}', 3)
    with sandbox:
        assert values(sandbox, "t") == [1]
        assert upload(sandbox, b'{"u":1}', 3).json() == SUCC


def test_stop_ends_idle_keep_alive_connections() -> None:
    with Sandbox({DEVICE: KEY}) as sandbox, socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as conn:
        conn.sendall(
            f"POST /devices/{DEVICE}/datapoints?type=3 HTTP/1.1\r\nHost: x\r\napi-key: {KEY}\r\n"
            'Content-Length: 7\r\n\r\n{"t":1}'.encode()
        )
        answer = b""
        while b'"succ"' not in answer:
            answer += conn.recv(65536) or pytest.fail(f"closed before the answer: {answer!r}")
        assert b"Connection: close" not in answer  # kept alive: the server now waits for a next request

        def reading_the_next_request() -> bool:  # its handler thread blocked reading this connection
            return any(
                frame.f_code.co_name == "_receive" and getattr(frame.f_locals.get("self"), "sandbox", None) is sandbox
                for frame in sys._current_frames().values()
            )

        deadline = time.monotonic() + 30
        while not reading_the_next_request():  # a bounded wait on the server's state
            assert time.monotonic() < deadline, "the connection's handler never waited for a next request"
            time.sleep(0.01)
        sandbox.stop()
        # The server closed it (end of input), rather than leaving it open until its idle timeout: this read
        # waits half that, so a connection left open fails here with TimeoutError.
        conn.settimeout(CONNECTION_TIMEOUT / 2)
        assert conn.recv(65536) == b""


def test_cli_serves_until_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--device", "42", "--api-key", "CLI-SECRET-KEY", "--fail-every", "3"])
    stop = threading.Event()
    started = threading.Event()
    ready: list[Sandbox] = []
    result: list[int] = []

    def on_ready(sandbox: Sandbox) -> None:
        ready.append(sandbox)
        started.set()

    thread = threading.Thread(target=lambda: result.append(run(args, stop_event=stop, on_ready=on_ready)))
    thread.start()
    try:
        assert started.wait(30), "the sandbox did not start"
        [sandbox] = ready
        url = sandbox.url
        assert sandbox.fail_every == 3
        response = upload(sandbox, b'{"t":1}', 3, device="42", key="CLI-SECRET-KEY")
        assert response.json() == SUCC
    finally:
        stop.set()
        thread.join(timeout=5)

    assert result == [0]
    out, err = capsys.readouterr()
    assert out.strip() == url
    assert "device=42" in err
    assert "errno=0" in err
    assert "CLI-SECRET-KEY" not in out + err


def test_cli_defaults() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([])

    assert (args.host, args.port, args.device, args.api_key) == ("127.0.0.1", 0, "4093215", "SANDBOX-KEY-1")
    assert (args.delay, args.fail_every) == (0.0, 0)


@pytest.mark.parametrize("argv", [["--port", "x"], ["--port", "70000"], ["--delay", "-1"], ["--fail-every", "-2"]])
def test_cli_refuses_bad_options(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_cli_reports_a_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]

        assert main(["--port", str(port)]) == 1

    assert "cannot listen" in capsys.readouterr().err


def test_cli_says_its_default_key_in_clear(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    stop = threading.Event()
    stop.set()  # serve, print, stop at once
    assert run(parser.parse_args(["--port", "0"]), stop_event=stop) == 0
    err = capsys.readouterr().err
    assert f"api-key {DEFAULT_API_KEY} (the sandbox's default, not a secret)" in err
