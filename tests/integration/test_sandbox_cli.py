"""`onenet-uploader sandbox --verbose / --capture / --host`: each request whole, exported, and who can reach it."""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from gui.sandbox import Sandbox
from gui.sandbox.cli import add_arguments, exposure_lines, run

from ..raw_http import exchange

KEY = "CLI-SECRET-KEY-42"


@contextmanager
def serving(*argv: str) -> Iterator[Sandbox]:
    """Run the command in a thread until the block ends; the running sandbox."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--device", "42", "--api-key", KEY, *argv])
    stop, ready = threading.Event(), threading.Event()
    started: list[Sandbox] = []
    result: list[int] = []

    def on_ready(sandbox: Sandbox) -> None:
        started.append(sandbox)
        ready.set()

    thread = threading.Thread(target=lambda: result.append(run(args, stop_event=stop, on_ready=on_ready)))
    thread.start()
    try:
        assert ready.wait(10)
        yield started[0]
    finally:
        stop.set()
        thread.join(timeout=10)
    assert result == [0]


REQUEST = (
    b"POST /devices/42/datapoints?type=5 HTTP/1.1\r\napi-key:" + KEY.encode() + b"\r\nHost:api.heclouds.com\r\n"
    b"Content-Length:16\r\n\r\n,;temperature,25"
)


def test_verbose_prints_each_request_whole_with_the_key_masked(capsys: pytest.CaptureFixture[str]) -> None:
    with serving("--verbose") as sandbox:
        assert exchange(sandbox.port, REQUEST).endswith(b'{"errno":0,"error":"succ"}')
        assert exchange(sandbox.port, REQUEST.replace(b"16\r\n\r\n,;temperature,25", b"3\r\n\r\n\xff\xfe\x00"))

    _, err = capsys.readouterr()
    assert KEY not in err
    assert "#1 " in err and "-> HTTP 200 errno 0, stored 1" in err
    assert "api-key:***************42\\r\\n" in err  # the bytes as sent, CRLFs shown
    assert ",;temperature,25" in err
    assert '{"errno":0,"error":"succ"}' in err
    assert "no rule broken" in err
    assert "ff fe 00" in err  # a body that is not UTF-8 is shown in hex
    assert "the body is not valid type 5" in err


def test_capture_appends_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "traffic.jsonl"
    path.write_text('{"earlier":1}\n')
    with serving("--capture", str(path)) as sandbox:
        exchange(sandbox.port, REQUEST)
        exchange(sandbox.port, b"GET /nothing HTTP/1.0\r\n\r\n")

    text = path.read_text(encoding="utf-8")
    assert KEY not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0] == {"earlier": 1}
    assert [(x["method"], x["status"], x["errno"]) for x in lines[1:]] == [("POST", 200, 0), ("GET", 404, 7)]
    assert lines[1]["body"] == ",;temperature,25"
    assert lines[1]["raw"].startswith("POST /devices/42/datapoints?type=5 HTTP/1.1\r\napi-key:***")


def test_capture_to_an_unwritable_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args(["--capture", str(tmp_path)])) == 1  # a folder
    assert "cannot write" in capsys.readouterr().err


def test_loopback_is_said_and_any_other_address_is_warned_with_the_url_for_a_device() -> None:
    assert exposure_lines("127.0.0.1", 8080, "42", KEY) == [
        "this computer only: a client here uses http://127.0.0.1:8080"
    ]
    warning, *urls = exposure_lines("192.168.1.5", 8080, "42", KEY)
    assert "anyone on that network can send to this sandbox" in warning
    assert "device 42 with api-key ***************42" in warning
    assert urls == ["a device on the bench posts to http://192.168.1.5:8080/devices/42/datapoints"]
    warning, *urls = exposure_lines("0.0.0.0", 8080, "42", "SANDBOX-KEY-1")
    assert "api-key SANDBOX-KEY-1" in warning  # the sandbox's default key is no secret
    assert urls and all(u.startswith("a device on the bench posts to http://") for u in urls)


def test_the_command_listens_on_loopback_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    with serving() as sandbox:
        assert sandbox.host == "127.0.0.1"
    assert "this computer only" in capsys.readouterr().err


def test_the_command_listens_on_ipv6_loopback_and_says_the_url_with_brackets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with serving("--host", "::1") as sandbox:
        assert sandbox.host == "::1" and sandbox.loopback_only
        assert sandbox.url == f"http://[::1]:{sandbox.port}"
        assert b'"errno":0' in exchange(sandbox.port, REQUEST, host="::1")  # real HTTP over IPv6
        assert [p.value for p in sandbox.datapoints("42", "temperature")] == [25]
        port = sandbox.port
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"http://[::1]:{port}"
    assert f"this computer only: a client here uses http://[::1]:{port}" in err


def test_an_ipv6_address_beyond_loopback_is_warned_with_a_bracketed_url() -> None:
    warning, *urls = exposure_lines("fd00::2", 8080, "42", KEY)
    assert "anyone on that network can send to this sandbox" in warning
    assert urls == ["a device on the bench posts to http://[fd00::2]:8080/devices/42/datapoints"]


@pytest.mark.parametrize("host", ["fe80::1%eth0", "fe80::fc:ff:fe00:1"])
def test_a_link_local_ipv6_address_is_refused_with_the_reason(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["--host", host])
    assert exited.value.code == 2
    assert "link-local IPv6 address" in capsys.readouterr().err


def test_the_command_speaks_the_users_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its own lines are Messages: `onenet-uploader --lang zh_CN sandbox` says them in Chinese (here: a refusal)."""
    from gui import i18n
    from gui.app import main

    try:
        assert main(["--lang", "zh_CN", "sandbox", "--capture", str(tmp_path)]) == 1  # a folder: cannot write
    finally:
        i18n.set_language("en")
    assert f"sandbox：无法写入 {tmp_path}：" in capsys.readouterr().err
