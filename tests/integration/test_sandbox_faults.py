"""The sandbox's fault injections over real HTTP: 429 with Retry-After, an HTML page, an answer cut off."""

from __future__ import annotations

import http.client

import pytest
import requests

from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

DEVICE = DEFAULT_DEVICE_ID


def post(sandbox: Sandbox, body: bytes) -> requests.Response:
    url = f"{sandbox.url}/devices/{DEVICE}/datapoints?type=3"
    return requests.post(url, data=body, headers={"api-key": DEFAULT_API_KEY}, timeout=5)


def test_throttle_every_answers_429_with_retry_after_and_stores_nothing(sandbox: Sandbox) -> None:
    sandbox.throttle_every = 2
    sandbox.retry_after = "7"
    assert post(sandbox, b'{"a":1}').json()["errno"] == 0
    throttled = post(sandbox, b'{"b":1}')
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "7"
    assert throttled.headers["Content-Type"].startswith("text/plain")
    assert sandbox.streams(DEVICE) == ["a"]


@pytest.mark.parametrize("status", [200, 502])
def test_html_every_answers_an_html_page_and_stores_nothing(sandbox: Sandbox, status: int) -> None:
    sandbox.html_every = 1
    sandbox.html_status = status
    page = post(sandbox, b'{"a":1}')
    assert page.status_code == status
    assert page.headers["Content-Type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>")
    assert sandbox.streams(DEVICE) == []


def test_drop_every_stores_then_cuts_the_answer_off(sandbox: Sandbox) -> None:
    sandbox.drop_every = 1
    connection = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=5)
    try:
        connection.request(
            "POST", f"/devices/{DEVICE}/datapoints?type=3", body=b'{"a":1}', headers={"api-key": DEFAULT_API_KEY}
        )
        answer = connection.getresponse()
        assert answer.status == 200
        with pytest.raises(http.client.IncompleteRead):
            answer.read()
    finally:
        connection.close()
    assert [p.value for p in sandbox.datapoints(DEVICE, "a")] == [1]  # stored all the same
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        post(sandbox, b'{"b":2}')
    sandbox.drop_every = 0
    assert post(sandbox, b'{"c":3}').json()["errno"] == 0
