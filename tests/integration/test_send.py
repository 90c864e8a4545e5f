"""`onenet-uploader send` over real HTTP to the sandbox: the file's datapoints arrive; failures exit non-zero."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_FAILED, EXIT_OK
from gui.onenet.readings import PLATFORM_TZ
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_send_wide_file_to_the_sandbox(sandbox, monkeypatch, capsys):
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    args = ["send", str(FIXTURES / "lab_readings_wide.csv"), "--device", DEFAULT_DEVICE_ID]
    code = main([*args, "--endpoint", sandbox.url, "--source-tz", "Europe/Berlin"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "request 1/1" in out and "errno 0 (succ), HTTP 200" in out
    assert "sent 18 datapoints in 1 request to" in out
    ph = sandbox.datapoints(DEFAULT_DEVICE_ID, "ph")
    assert [p.value for p in ph] == [7.02, 7.05, 7.01, 6.98]
    assert ph[0].at == datetime(2026, 11, 2, 15, 30, tzinfo=PLATFORM_TZ)
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "note")) == 4


def test_send_splits_like_the_window_and_stops_at_the_first_failure(sandbox, monkeypatch, capsys):
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    args = ["send", str(FIXTURES / "lab_readings_wide.csv"), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url]
    code = main([*args, "--source-tz", "Asia/Shanghai", "--type", "4", "--max-points", "5"])
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    assert "sent 18 datapoints in 4 requests to" in out
    assert sandbox.upload_count == 4
    assert len(sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")) == 5

    sandbox.clear()
    sandbox.fail_every = 2  # every second upload answers HTTP 500: retried, as in the window
    code = main([*args, "--source-tz", "Asia/Shanghai", "--max-points", "5", "--again"])  # sent before: --again
    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.out
    assert "retrying" in captured.err
    assert sum(len(sandbox.datapoints(DEFAULT_DEVICE_ID, s)) for s in sandbox.streams(DEFAULT_DEVICE_ID)) == 18

    sandbox.clear()
    sandbox.fail_every = 0
    monkeypatch.setenv(API_KEY_ENV, "WRONG")  # auth fails on request 1: never retried, the rest not sent
    code = main([*args, "--source-tz", "Asia/Shanghai", "--max-points", "5", "--again"])
    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert "request 1/4" in out and "FAILED" in out and "3 later requests not sent" in out
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []


def test_send_records_its_requests_in_the_outbox_history(sandbox, monkeypatch, capsys):
    from gui.data.store import State, Store

    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    args = ["send", str(FIXTURES / "lab_readings_long.csv"), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url]
    assert main([*args, "--source-tz", "Asia/Shanghai"]) == EXIT_OK
    capsys.readouterr()
    with Store() as store:  # the data dir the autouse fixture made private
        assert store.counts()[State.SENT] == 5
        assert store.editor_rows() == []  # a headless send never lands in the window's editor
        assert len(store.history(10)) == 1


def test_a_wrong_key_fails_with_the_platforms_errno(sandbox, monkeypatch, capsys):
    monkeypatch.setenv(API_KEY_ENV, "WRONG")
    args = ["send", str(FIXTURES / "lab_readings_long.csv"), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url]
    code = main([*args, "--source-tz", "Asia/Shanghai"])
    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert "FAILED" in out and "errno 3" in out and "wrong" in out.lower()
    assert out.count("errno 3") == 1, out  # said once
    assert sandbox.streams(DEFAULT_DEVICE_ID) == []


def test_send_as_a_separate_process(sandbox, tmp_path):
    env = {**os.environ, API_KEY_ENV: DEFAULT_API_KEY, "PYTHONIOENCODING": "ascii"}
    args = [sys.executable, "-m", "gui", "send", str(FIXTURES / "lab_readings_gbk.csv"), "--device", DEFAULT_DEVICE_ID]
    result = subprocess.run(
        [*args, "--endpoint", sandbox.url, "--source-tz", "Asia/Shanghai"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == EXIT_OK, result.stderr.decode("utf-8", "replace")
    assert b"sent 8 datapoints" in result.stdout
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "温度")] == [18.5, 20.25, 19.0]


def test_warnings_stop_the_send_until_send_anyway(sandbox, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    readings = tmp_path / "twice.csv"
    readings.write_text("time,temperature\n2026-11-02 08:30,21.4\n2026-11-02 08:30,21.9\n", encoding="utf-8")
    args = ["send", str(readings), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url, "--source-tz", "UTC"]
    assert main(args) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "warning:" in err and "nothing sent" in err and "--send-anyway" in err
    assert sandbox.upload_count == 0

    assert main([*args, "--send-anyway"]) == EXIT_OK
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [21.9]  # the platform kept one


def test_skipped_rows_are_named_again_under_the_outcome(sandbox, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    path = tmp_path / "r.csv"
    # `offline` is no number and no usual "no reading" text (`n/a` is read as missing since issue 10)
    path.write_text("time,co\n2026-11-02 08:30,1.5\n2026-11-02 09:30,offline\n2026-11-02 10:30,2\n", encoding="utf-8")
    args = ["send", str(path), "--device", DEFAULT_DEVICE_ID, "--endpoint", sandbox.url, "--source-tz", "UTC"]
    assert main([*args, "--skip-rejected"]) == EXIT_OK
    assert capsys.readouterr().err.splitlines()[-1] == f"send: 1 row of {path} rejected (listed above): not sent"
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "co")] == [1.5, 2]
