"""`onenet-uploader verify` against the sandbox: exit status, output, the api-key from the environment only."""

import subprocess
import sys

import pytest

from gui.app import main
from gui.onenet.client import OneNetClient
from gui.onenet.examples import SEED_EXAMPLE_TYPE1, seed_example
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import Datapoint, Readings, parse_at
from gui.onenet.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

DEVICE = DEFAULT_DEVICE_ID


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "seed.json"
    path.write_bytes(SEED_EXAMPLE_TYPE1)
    return path


@pytest.fixture
def uploaded(sandbox):
    OneNetClient(sandbox.url, DEVICE, DEFAULT_API_KEY).upload(encode(seed_example()))
    return sandbox


def run(args, monkeypatch, key=DEFAULT_API_KEY):
    if key is None:
        monkeypatch.delenv("ONENET_API_KEY", raising=False)
    else:
        monkeypatch.setenv("ONENET_API_KEY", key)
    return main(["verify", *args])


def test_all_found_exits_0(uploaded, seed_file, monkeypatch, capsys):
    status = run(["--body", str(seed_file), "--endpoint", uploaded.url, "--device", DEVICE], monkeypatch)
    out = capsys.readouterr().out
    assert status == 0
    assert "4 datapoints sent: 3 found, 0 missing, 0 different, 1 overwritten" in out
    assert "missing " not in out
    assert DEFAULT_API_KEY not in out


def test_missing_and_different_exit_1_and_are_listed(uploaded, seed_file, monkeypatch, capsys):
    uploaded.delete(DEVICE, "temperature", parse_at("2013-04-22T00:55:43"))
    uploaded.put(DEVICE, "key", Datapoint(1, parse_at("2013-04-22T00:35:43")))
    status = run(["--body", str(seed_file), "--endpoint", uploaded.url, "--device", DEVICE], monkeypatch)
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0].startswith("missing      temperature  2013-04-22T00:55:43  sent 84")
    assert lines[1].startswith("different    key  2013-04-22T00:35:43  sent 23.001  platform 1")
    assert "1 found, 1 missing, 1 different" in lines[2]


def test_verbose_lists_every_datapoint(uploaded, seed_file, monkeypatch, capsys):
    assert run(["--body", str(seed_file), "--endpoint", uploaded.url, "--device", DEVICE, "-v"], monkeypatch) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:4]] == ["found", "found", "overwritten", "found"]


def test_type3_body_is_unverifiable_ok_unless_strict(sandbox, tmp_path, monkeypatch, capsys):
    body = tmp_path / "simple.json"
    body.write_bytes(b'{"temperature": 22.5}')
    readings = Readings.from_pairs([("temperature", Datapoint(22.5))])
    OneNetClient(sandbox.url, DEVICE, DEFAULT_API_KEY).upload(encode(readings, BodyType.SIMPLE_JSON))
    args = ["--body", str(body), "--type", "3", "--endpoint", sandbox.url, "--device", DEVICE]
    assert run(args, monkeypatch) == 0
    assert "1 unverifiable" in capsys.readouterr().out
    assert run([*args, "--strict"], monkeypatch) == 1
    assert capsys.readouterr().out.startswith("unverifiable temperature  (no at)")


def test_no_api_key_in_the_environment_exits_2(sandbox, seed_file, monkeypatch, capsys):
    assert run(["--body", str(seed_file), "--endpoint", sandbox.url, "--device", DEVICE], monkeypatch, key=None) == 2
    assert "ONENET_API_KEY" in capsys.readouterr().err


def test_bad_body_and_missing_file_exit_2(sandbox, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert run(["--body", str(bad), "--endpoint", sandbox.url, "--device", DEVICE], monkeypatch) == 2
    assert "is not a type 1 body" in capsys.readouterr().err
    missing = tmp_path / "missing.json"
    assert run(["--body", str(missing), "--endpoint", sandbox.url, "--device", DEVICE], monkeypatch) == 2
    assert "cannot read" in capsys.readouterr().err


def test_wrong_key_exits_3_without_showing_it(sandbox, seed_file, monkeypatch, capsys):
    status = run(["--body", str(seed_file), "--endpoint", sandbox.url, "--device", DEVICE], monkeypatch, "WRONG-KEY")
    captured = capsys.readouterr()
    assert status == 3
    assert "auth failed" in captured.err
    assert "WRONG-KEY" not in captured.err + captured.out


def test_the_installed_command_runs_headless(uploaded, seed_file):
    env = {"ONENET_API_KEY": DEFAULT_API_KEY, "PATH": ""}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gui",
            "verify",
            "--body",
            str(seed_file),
            "--endpoint",
            uploaded.url,
            "--device",
            DEVICE,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "3 found" in result.stdout
