"""The current platform's token: checked against a second implementation, the notes' shapes and a real-world token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.app import main
from gui.onenet.token import (
    METHODS,
    TokenError,
    fresh_token,
    make_token,
    parse_token,
    resource,
    sign,
)

DEVICE_KEY = base64.b64encode(b"\x00\xff device key with +/= in base64 \xfb\xef").decode()
NOW = 1_800_000_000


def independent_token(key: str, res: str, et: int, method: str) -> str:
    """The notes' algorithm written again with hmac, hashlib, base64 and urllib.parse only."""
    message = "\n".join([str(et), method, res, "2018-10-31"]).encode()
    digest = hmac.new(base64.b64decode(key), message, getattr(hashlib, method)).digest()
    signature = base64.b64encode(digest).decode()
    fields = [("version", "2018-10-31"), ("res", res), ("et", str(et)), ("method", method), ("sign", signature)]
    return "&".join(f"{name}={urllib.parse.quote(value, safe='')}" for name, value in fields)


@pytest.mark.parametrize("method", ["md5", "sha1", "sha256"])
@pytest.mark.parametrize("device", [None, "dev1"])
def test_token_equals_the_independent_implementation(method, device):
    res = f"products/DuE2rcXUKn/devices/{device}" if device else "products/DuE2rcXUKn"
    token = make_token(DEVICE_KEY, "DuE2rcXUKn", device, et=NOW + 600, method=method, now=NOW)
    assert token == independent_token(DEVICE_KEY, res, NOW + 600, method)


@given(
    key=st.binary(min_size=1, max_size=64).map(lambda b: base64.b64encode(b).decode()),
    product=st.from_regex(r"[A-Za-z0-9]{10}", fullmatch=True),
    device=st.from_regex(r"[A-Za-z0-9_\-.@:]{1,32}", fullmatch=True),
    et=st.integers(NOW + 1, 2**33),
    method=st.sampled_from(METHODS),
)
def test_any_key_and_name_agree_with_the_independent_implementation(key, product, device, et, method):
    res = f"products/{product}/devices/{device}"
    assert make_token(key, product, device, et=et, method=method, now=NOW) == independent_token(key, res, et, method)


def test_shape_of_the_notes_every_value_url_encoded():
    token = make_token(DEVICE_KEY, "DuE2rcXUKn", "dev1", et=NOW + 60, method="sha256", now=NOW)
    fields = token.split("&")
    assert [f.partition("=")[0] for f in fields] == ["version", "res", "et", "method", "sign"]
    assert fields[0] == "version=2018-10-31"
    assert fields[1] == "res=products%2FDuE2rcXUKn%2Fdevices%2Fdev1"
    assert fields[2] == f"et={NOW + 60}"
    signature = fields[4].removeprefix("sign=")
    assert not set("/+=") & set(signature), signature  # %2F, %2B, %3D
    assert len(base64.b64decode(urllib.parse.unquote(signature))) == 32  # sha256


def test_a_real_world_token_from_public_firmware():
    """wuyipeng6/project, Middlewares/lwip/lwip_app/lwip_demo.h (commit 367e1cc8), ALIENTEK's lwIP+OneNET demo:
    product 8q4Ad1z2jn, access key s6W5…E0E=, et 1893456000, sha1, and the PASSWORD it states (made with token.exe)."""
    stated = (
        "version=2018-10-31&res=products%2F8q4Ad1z2jn&et=1893456000&method=sha1&sign=vw2LFxZMrYawijQhxQRSJ3aC4CQ%3D"
    )
    key = "s6W5Qf29VVc1gaUfA5VBt+XZbyPBC/Wpk7Ntf7vNE0E="
    assert make_token(key, "8q4Ad1z2jn", et=1893456000, method="sha1", now=NOW) == stated
    parts = parse_token(stated)
    assert parts.signed_by(key)
    assert parts.product_id == "8q4Ad1z2jn" and parts.device_name is None


def test_a_real_world_device_token_from_public_firmware():
    """omeCp-cmyw/Zigbe-CC2530, Projects/zstack/Samples/GenericApp/Source/IOT.h (commit 4944f1f4): product gZSY9iX0tP,
    device temp, the key it calls ACCESS_KEY, and the ONENET_TOKEN it states (device res, md5, et 1780918555)."""
    stated = (
        "version=2018-10-31&res=products%2FgZSY9iX0tP%2Fdevices%2Ftemp&et=1780918555&method=md5"
        "&sign=4KqqNF59z77rYCafkNpS2Q%3D%3D"
    )
    key = "o0trd0lLvyPhqUPFRdmRHbllH1tj82nph9E97yFXz2s="
    assert make_token(key, "gZSY9iX0tP", "temp", et=1780918555, method="md5", now=NOW - 10**8) == stated
    assert independent_token(key, "products/gZSY9iX0tP/devices/temp", 1780918555, "md5") == stated


def test_fresh_token_expires_minutes_from_now():
    parts = parse_token(fresh_token(DEVICE_KEY, "P", "d", now=NOW))
    assert parts.et == NOW + 300 and parts.method == "sha256" and parts.res == "products/P/devices/d"
    assert parts.signed_by(DEVICE_KEY) and not parts.signed_by(base64.b64encode(b"another key").decode())


def test_parse_accepts_lower_case_escapes_as_firmware_writes_them():
    token = make_token(DEVICE_KEY, "P", "d", et=NOW + 5, method="md5", now=NOW).replace("%2F", "%2f")
    assert parse_token(token).res == "products/P/devices/d"
    assert parse_token(token).signed_by(DEVICE_KEY)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"key": "not base64!"}, "not base64"),
        ({"key": "  "}, "empty"),
        ({"et": NOW}, "not in the future"),
        ({"et": NOW - 1}, "not in the future"),
        ({"method": "sha512"}, "not one of md5, sha1, sha256"),
        ({"product": "a/b"}, "without '/'"),
        ({"device": "dev 1"}, "spaces"),
    ],
)
def test_bad_input_is_refused_with_the_reason(kwargs, message):
    args = {"key": DEVICE_KEY, "product": "P", "device": "d", "et": NOW + 60, "method": "md5"} | kwargs
    with pytest.raises(TokenError, match=message):
        make_token(args["key"], args["product"], args["device"], et=args["et"], method=args["method"], now=NOW)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("version=2018-10-31&res=products%2FP&et=1&method=md5", "no sign"),
        ("version=2018-10-31&res=products%2FP&et=soon&method=md5&sign=x", "not Unix seconds"),
        ("version=2018-10-31&res=products%2FP&et=1&method=hmac&sign=x", "not one of"),
        ("garbage", "not name=value"),
    ],
)
def test_unreadable_tokens_are_refused(token, message):
    with pytest.raises(TokenError, match=message):
        parse_token(token)


def test_sign_and_resource_alone():
    assert resource("P") == "products/P" and resource("P", "d") == "products/P/devices/d"
    expected = base64.b64encode(
        hmac.new(base64.b64decode(DEVICE_KEY), b"5\nmd5\nproducts/P\n2018-10-31", hashlib.md5).digest()
    ).decode()
    assert sign(DEVICE_KEY, "products/P", 5, "md5") == expected


# -- onenet-uploader token ---------------------------------------------------------------------


def test_cli_prints_the_token_alone_and_the_expiry_on_stderr(monkeypatch, capsys):
    monkeypatch.setenv("ONENET_KEY", "s6W5Qf29VVc1gaUfA5VBt+XZbyPBC/Wpk7Ntf7vNE0E=")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    status = main(["token", "--product", "8q4Ad1z2jn", "--method", "sha1", "--expires", "1893456000"])
    out, err = capsys.readouterr()
    assert status == 0
    assert out == (
        "version=2018-10-31&res=products%2F8q4Ad1z2jn&et=1893456000&method=sha1&sign=vw2LFxZMrYawijQhxQRSJ3aC4CQ%3D\n"
    )
    assert "2030-01-01 08:00:00 CST (UTC+08:00)" in err and "et=1893456000" in err
    assert "s6W5Qf29" not in out + err


def test_cli_expiry_as_a_time_in_the_users_zone(monkeypatch, capsys):
    monkeypatch.setenv("ONENET_KEY", DEVICE_KEY)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert main(["token", "--product", "P", "--device", "d", "--expires", "2099-06-30 18:00"]) == 0
    out, err = capsys.readouterr()
    parts = parse_token(out.strip())
    assert parts.et == datetime(2099, 6, 30, 16, tzinfo=UTC).timestamp()  # 18:00 CEST
    assert parts.signed_by(DEVICE_KEY) and parts.device_name == "d" and parts.method == "sha256"
    assert "2099-06-30 18:00:00 CEST (UTC+02:00)" in err


def test_cli_duration_expiry(monkeypatch, capsys):
    monkeypatch.setenv("ONENET_KEY", DEVICE_KEY)
    assert main(["token", "--product", "P", "--expires", "30m", "--method", "md5"]) == 0
    parts = parse_token(capsys.readouterr().out.strip())
    assert 0 < parts.et - time.time() <= 30 * 60


@pytest.mark.parametrize(
    ("env", "args", "message"),
    [
        (None, [], "set ONENET_KEY"),
        ("not base64!", [], "not base64"),
        (DEVICE_KEY, ["--expires", "2001-01-01"], "in the past"),
        (DEVICE_KEY, ["--expires", "tomorrow"], "is not a duration"),
        (DEVICE_KEY, ["--device", "a/b"], "without '/'"),
    ],
)
def test_cli_bad_input_exits_2_with_the_reason_and_prints_no_token(env, args, message, monkeypatch, capsys):
    if env is None:
        monkeypatch.delenv("ONENET_KEY", raising=False)
    else:
        monkeypatch.setenv("ONENET_KEY", env)
    assert main(["token", "--product", "P", *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err


def test_cli_takes_no_key_argument(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["token", "--product", "P", "--key", DEVICE_KEY])
    assert exit_info.value.code == 2
