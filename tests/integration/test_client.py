"""The HTTP client against real servers on loopback: answers, typed errors, read-back paging."""

import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gui.onenet.client import (
    AuthError,
    ConfigError,
    MalformedResponse,
    NetworkError,
    OneNetClient,
    RejectedError,
    ServerError,
    validate_endpoint,
)
from gui.onenet.examples import SEED_EXAMPLE_TYPE1
from gui.onenet.formats import BodyType, EncodedBody, encode
from gui.onenet.readings import PLATFORM_TZ, Datapoint, Readings, parse_at
from gui.onenet.request_text import describe_request
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

SEED = EncodedBody(BodyType.FULL_JSON, SEED_EXAMPLE_TYPE1, "application/json")


def client_for(sandbox, key=DEFAULT_API_KEY, device=DEFAULT_DEVICE_ID, timeout=5.0):
    return OneNetClient(sandbox.url, device, key, timeout=timeout)


def test_upload_answers_errno_0_with_status_latency_and_raw_text(sandbox):
    response = client_for(sandbox).upload(SEED)
    assert response.ok
    assert (response.errno, response.error, response.http_status) == (0, "succ", 200)
    assert response.latency_s > 0
    assert response.text == '{"errno":0,"error":"succ"}'
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "key")] == [23.001]


def test_wrong_key_is_an_auth_error_and_not_retryable(sandbox):
    with pytest.raises(AuthError) as caught:
        client_for(sandbox, key="WRONG").upload(SEED)
    assert caught.value.response.errno == 3
    assert caught.value.response.error == "auth failed"
    assert not caught.value.retryable
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []


def test_malformed_body_is_rejected_with_the_platform_text(sandbox):
    bad = EncodedBody(BodyType.FULL_JSON, b'{"datastreams": 5}', "application/json")
    with pytest.raises(RejectedError) as caught:
        client_for(sandbox).upload(bad)
    assert caught.value.response.errno not in (None, 0, 3)
    assert "datastreams" in caught.value.response.error
    assert not caught.value.retryable


def test_http_500_is_a_retryable_server_error(sandbox):
    sandbox.fail_every = 1
    with pytest.raises(ServerError) as caught:
        client_for(sandbox).upload(SEED)
    assert caught.value.response.http_status == 500
    assert caught.value.retryable


def test_closed_port_is_a_network_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NetworkError, match="connection refused") as caught:
        OneNetClient(f"http://127.0.0.1:{port}", "1", "k").upload(SEED)
    assert caught.value.response is None
    assert caught.value.retryable


def test_unresolvable_host_is_a_network_error():
    with pytest.raises(NetworkError, match=r"host not found: no-such-host\.invalid"):
        OneNetClient("http://no-such-host.invalid", "1", "k", timeout=5).upload(SEED)


def test_slow_answer_times_out(sandbox):
    sandbox.delay = 1.5
    with pytest.raises(NetworkError, match=r"no answer .* within 0\.3 s"):
        client_for(sandbox, timeout=0.3).upload(SEED)


class _HtmlHandler(BaseHTTPRequestHandler):
    status = 200

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def html_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_html_page_is_a_malformed_response_with_its_text(html_server):
    with pytest.raises(MalformedResponse) as caught:
        OneNetClient(html_server, "1", "k").upload(SEED)
    assert "502 Bad Gateway" in caught.value.response.text
    assert caught.value.response.errno is None


def test_a_proxy_page_with_a_4xx_status_is_named_a_web_page(html_server, monkeypatch):
    monkeypatch.setattr(_HtmlHandler, "status", 403)
    with pytest.raises(RejectedError, match=r"HTTP 403 \(a web page: a proxy or sign-in page in the way\?\)"):
        OneNetClient(html_server, "1", "k").upload(SEED)


def test_device_id_cannot_leave_the_datapoints_path(sandbox):
    client = OneNetClient(sandbox.url, "../../x?type=5", DEFAULT_API_KEY)
    prepared = client.prepare_upload(SEED)
    assert prepared.path_url == "/devices/..%2F..%2Fx%3Ftype%3D5/datapoints"
    with pytest.raises(AuthError):  # an unknown device, not another endpoint
        client.send(prepared)


@pytest.mark.parametrize("device", ["", " 1", ".", "..", "a\nb"])
def test_invalid_device_ids_are_refused(device):
    with pytest.raises(ConfigError):
        OneNetClient("https://api.onenet.invalid", device, "k")


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("", r"^no api-key: .*\$ONENET_API_KEY"),  # said as missing, with where to give one; not "empty or spans lines"
        ("KEY-PART-1\nKEY-PART-2", r"^the api-key spans lines: paste it again as one line"),
    ],
)
def test_a_missing_or_broken_api_key_is_refused_with_what_to_do(key, why):
    with pytest.raises(ConfigError, match=why):
        OneNetClient("https://api.onenet.invalid", "1", key)


@pytest.mark.parametrize("endpoint", ["api.onenet.invalid", "ftp://x", "https://", "https://u:p@h", "https://h/?q=1"])
def test_invalid_endpoints_are_refused(endpoint):
    with pytest.raises(ConfigError):
        OneNetClient(endpoint, "1", "k")


@pytest.mark.parametrize(
    ("endpoint", "why"),
    [
        ("https://api.onenet.invalidhttp://127.0.0.1:60805", "two pasted together"),  # typed after the default
        ("https://api.onenet.invalid:", "no valid port"),
        ("http://127.0.0.1:99999", "no valid port"),
        ("http://127.0.0.1 :8080", "spaces"),
    ],
)
def test_endpoints_mangled_by_typing_are_refused_with_the_reason(endpoint, why):
    with pytest.raises(ConfigError, match=why):
        validate_endpoint(endpoint)


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:8080", "http://[::1]:80", "https://api.onenet.invalid/base/"])
def test_valid_endpoints_pass(endpoint):
    assert validate_endpoint(endpoint) == endpoint.rstrip("/")


def test_prepared_request_carries_key_type_and_user_agent():
    client = OneNetClient("https://api.onenet.invalid/", "4093215", "KEY-123")
    prepared = client.prepare_upload(encode(Readings.from_pairs([("t", Datapoint(1))]), BodyType.TEXT))
    assert prepared.url == "https://api.onenet.invalid/devices/4093215/datapoints?type=5"
    assert prepared.headers["api-key"] == "KEY-123"
    assert prepared.headers["User-Agent"].startswith("onenet-uploader/")
    shown = describe_request(prepared)
    assert "KEY-123" not in shown
    assert shown.splitlines()[:2] == ["POST /devices/4093215/datapoints?type=5 HTTP/1.1", "Host: api.onenet.invalid"]
    assert "KEY-123" in describe_request(prepared, reveal_key=True)


def test_read_back_pages_across_more_than_6000_points(sandbox):
    start = parse_at("2026-11-01T00:00:00")
    pairs = [("t", Datapoint(i, start + timedelta(seconds=i))) for i in range(6500)]
    client = client_for(sandbox)
    client.upload(encode(Readings.from_pairs(pairs)))
    pages = list(client.iter_read_pages(["t"], start=start, end=start + timedelta(hours=3)))
    assert len(pages) == 2
    values = [p.value for page in pages for p in page.readings.datastreams[0].datapoints]
    assert values == list(range(6500))
    assert pages[0].readings.datastreams[0].datapoints[0].at == start.astimezone(PLATFORM_TZ)


def test_read_back_limit_is_checked():
    client = OneNetClient("https://api.onenet.invalid", "1", "k")
    with pytest.raises(ValueError):
        client.read_datapoints(limit=6001)
