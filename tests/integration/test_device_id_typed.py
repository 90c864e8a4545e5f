"""Tester fresh7, item 11: `--device ４０９３２１５` (full-width digits, an input method's) goes to device 4093215,
as the window's field reads it (one check: `gui.onenet.client.read_device_id`); an id still not ASCII is refused
with why before any request."""

from __future__ import annotations

import pytest

from gui.app import main
from gui.cli_common import API_KEY_ENV, EXIT_OK
from gui.data.target import Target
from gui.onenet.client import ConfigError, OneNetClient, read_device_id
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID


def test_send_with_a_device_id_in_full_width_digits_reaches_that_device(sandbox, monkeypatch, capsys, tmp_path):
    assert DEFAULT_DEVICE_ID == "4093215"
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    data = tmp_path / "one.csv"
    data.write_text("time,temperature\n2026-12-07 09:00:00,21.5\n", encoding="utf-8")
    args = ["send", str(data), "--device", "４０９３２１５", "--endpoint", sandbox.url, "--source-tz", "Asia/Shanghai"]
    code = main(args)
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    assert "errno 0 (succ)" in out and "%EF%BC" not in out
    assert [p.value for p in sandbox.datapoints(DEFAULT_DEVICE_ID, "temperature")] == [21.5]


def test_a_device_id_not_ascii_is_refused_before_sending(sandbox, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(API_KEY_ENV, DEFAULT_API_KEY)
    data = tmp_path / "one.csv"
    data.write_text("time,temperature\n2026-12-07 09:00:00,21.5\n", encoding="utf-8")
    code = main(["send", str(data), "--device", "设备1", "--endpoint", sandbox.url, "--source-tz", "Asia/Shanghai"])
    err = capsys.readouterr().err
    assert code != EXIT_OK
    assert "device id 设备1 has '设': a device id is the device's number" in err
    assert sandbox.upload_count == 0


@pytest.mark.parametrize(("typed", "read"), [("４０９３２１５", "4093215"), ("4093215", "4093215"), ("dev-1", "dev-1")])
def test_the_one_reading_of_a_device_id(typed, read):
    assert read_device_id(typed) == read
    assert OneNetClient("https://api.onenet.invalid", typed, "k").path == f"/devices/{read}/datapoints"
    assert Target.of("https://api.onenet.invalid", f"　{typed}　").device_id == read  # ideographic spaces around


@pytest.mark.parametrize("typed", ["设备1", "４０９３２１５号", "٤٠٩٣"])
def test_a_device_id_still_not_ascii_is_a_config_error(typed):
    with pytest.raises(ConfigError, match="a device id is the device's number"):
        read_device_id(typed)
    with pytest.raises(ConfigError):
        OneNetClient("https://api.onenet.invalid", typed, "k")
