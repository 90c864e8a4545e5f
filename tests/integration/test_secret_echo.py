"""An api-key a server echoes (as sent, URL-encoded, base64) is stored, logged and shown masked (issue 12, "Why" 3)."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote, quote_plus

import pytest

from gui import cli_common
from gui.app import main
from gui.data.logs import close_logging

KEY = "Zx9+q/Wm=Lk3+Pt/Rv8=="
FORMS = {
    "as sent": KEY,
    "url-encoded": quote(KEY, safe=""),
    "url-encoded (form)": quote_plus(KEY),
    "base64": base64.b64encode(KEY.encode()).decode(),
    "base64 inside a header line": base64.b64encode(f"api-key: {KEY}".encode()).decode(),
}


def echo(connection):
    body = json.dumps({"errno": 3, "error": "auth failed for api-key " + " | ".join(FORMS.values())}).encode()
    connection.sendall(
        b"HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n"
        + f"X-Echo: {KEY}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )


def leaks(blob: bytes) -> list[str]:
    found = [name for name, form in FORMS.items() if form.encode() in blob]
    core = base64.b64encode(KEY.encode()).decode()[:-4]  # the key's base64 without its padded end
    if core.encode() in blob:
        found.append("base64 core")
    return found


@pytest.fixture
def dirs(dirs, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, KEY)
    return dirs


def test_an_echoed_key_is_in_no_file_and_no_output(dirs, rogue_server, capsys):
    url = rogue_server(echo)
    readings = dirs / "readings.csv"
    readings.write_text("time,temperature\n2024-05-01 12:00:00,21.5\n2024-05-01 12:01:00,21.6\n", encoding="utf-8")
    printed = []
    assert main(["send", str(readings), "--device", "4093215", "--endpoint", url, "--source-tz", "UTC"]) == 1
    printed.append(capsys.readouterr())
    assert main(["outbox", "send", "--retry-failed"]) == 1
    printed.append(capsys.readouterr())
    assert main(["outbox", "--state", "failed"]) == 0
    printed.append(capsys.readouterr())
    output = "".join(p.out + p.err for p in printed)
    assert "auth failed" in output  # the platform's text is shown, masked
    assert leaks(output.encode()) == []
    close_logging()
    files = [p for p in dirs.rglob("*") if p.is_file() and p != readings]
    assert any(p.suffix == ".sqlite3" for p in files) and any(p.suffix == ".log" for p in files)
    for path in files:
        assert leaks(path.read_bytes()) == [], path


@pytest.mark.parametrize("name", FORMS)
def test_every_form_of_the_key_is_masked(name):
    from gui.onenet.masking import mask, secret_forms

    text = f"<{FORMS[name]}>"
    assert KEY not in mask(text, secret_forms(KEY))
    assert leaks(mask(text, secret_forms(KEY)).encode()) == []
