"""`onenet-uploader verify` against the sandbox: exit status, output, the api-key from the environment only."""

import subprocess
import sys
from pathlib import Path

import pytest

from gui.app import main
from gui.onenet.client import OneNetClient
from gui.onenet.examples import SEED_EXAMPLE_TYPE1, seed_example
from gui.onenet.formats import BodyType, encode
from gui.onenet.readings import Datapoint, Readings, parse_at
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

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


# -- verify FILE and verify --last --------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WIDE = str(FIXTURES / "lab_readings_wide.csv")


def send_wide(sandbox, monkeypatch, *extra):
    monkeypatch.setenv("ONENET_API_KEY", DEFAULT_API_KEY)
    args = ["send", WIDE, "--device", DEVICE, "--endpoint", sandbox.url, "--source-tz", "Europe/Berlin", *extra]
    assert main(args) == 0


def test_a_file_of_readings_is_read_as_send_reads_it(sandbox, monkeypatch, capsys):
    send_wide(sandbox, monkeypatch)
    capsys.readouterr()
    args = [WIDE, "--device", DEVICE, "--endpoint", sandbox.url, "--source-tz", "Europe/Berlin"]
    assert run(args, monkeypatch) == 0
    assert "18 datapoints sent: 18 found, 0 missing" in capsys.readouterr().out

    # Read in the wrong zone, the file's times are not those sent: every datapoint is missing.
    assert run([*args[:-1], "Asia/Shanghai"], monkeypatch) == 1
    assert "0 found, 18 missing" in capsys.readouterr().out


def test_the_last_upload_from_the_history_found_then_missing(sandbox, monkeypatch, capsys):
    send_wide(sandbox, monkeypatch, "--max-points", "5")
    capsys.readouterr()
    assert run(["--last"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert out.startswith("the last upload (")
    assert f"4 requests to device {DEVICE} at {sandbox.url}" in out
    assert "18 datapoints sent: 18 found, 0 missing" in out

    ph = sandbox.datapoints(DEVICE, "ph")
    sandbox.delete(DEVICE, "ph", ph[0].at)
    assert run(["--last", "--device", DEVICE], monkeypatch) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("missing      ph  ")
    assert "17 found, 1 missing" in out


def test_the_last_upload_is_the_newest_send_only(sandbox, monkeypatch, capsys):
    send_wide(sandbox, monkeypatch)
    monkeypatch.setenv("ONENET_API_KEY", DEFAULT_API_KEY)
    long = str(FIXTURES / "lab_readings_long.csv")
    assert main(["send", long, "--device", DEVICE, "--endpoint", sandbox.url, "--source-tz", "Asia/Shanghai"]) == 0
    capsys.readouterr()
    assert run(["--last"], monkeypatch) == 0
    assert "5 datapoints sent: 5 found" in capsys.readouterr().out


def test_the_api_key_comes_from_the_keyring_when_the_environment_has_none(sandbox, monkeypatch, memory_keyring):
    from gui.app import build_parser
    from gui.cli_verify import run_verify
    from gui.data.secrets import SecretStore

    send_wide(sandbox, monkeypatch)
    monkeypatch.delenv("ONENET_API_KEY")
    secrets = SecretStore(memory_keyring)
    args = build_parser().parse_args(["verify", "--last"])
    assert run_verify(args, secrets) == 2
    secrets.set(DEVICE, DEFAULT_API_KEY)
    assert run_verify(args, secrets) == 0


def test_nothing_to_verify_and_bad_combinations_exit_2(sandbox, monkeypatch, capsys):
    assert run(["--last"], monkeypatch) == 2
    assert "no upload in the outbox's history" in capsys.readouterr().err
    send_wide(sandbox, monkeypatch)
    capsys.readouterr()
    assert run(["--last", "--endpoint", sandbox.url], monkeypatch) == 2
    assert "--endpoint cannot be combined with --last" in capsys.readouterr().err
    assert run(["--last", "--device", "another"], monkeypatch) == 2
    assert "no upload to device another in the outbox's history" in capsys.readouterr().err
    assert run([WIDE, "--endpoint", sandbox.url], monkeypatch) == 2
    assert "--device ID is required" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run([WIDE, "--last"], monkeypatch)  # one source only
