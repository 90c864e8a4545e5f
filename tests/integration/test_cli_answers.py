"""How `send` and `outbox send` name an answer that is not the platform's (no errno): as a user reads it."""

from __future__ import annotations

import pytest

from gui import cli_common, i18n
from gui.app import main
from gui.onenet.client import PlatformResponse, answer_message
from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

READINGS = "time,temp\n2026-11-02T00:30:00Z,21.5\n"


@pytest.fixture
def readings(dirs, monkeypatch):
    monkeypatch.setenv(cli_common.API_KEY_ENV, DEFAULT_API_KEY)
    path = dirs / "readings.csv"
    path.write_text(READINGS, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_gateway_page_without_errno_is_named_so_not_errno_none(sandbox, readings, capsys, lang):
    sandbox.html_every = 1
    sandbox.html_status = 403  # a proxy's sign-in page: not retried
    try:
        assert main(["--lang", lang, "send", readings, "--endpoint", sandbox.url, "--device", DEFAULT_DEVICE_ID]) == 1
        said = i18n.render(answer_message(PlatformResponse(403, None, None, 0.0, "")))
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "None" not in out
    assert said in out
    if lang == "en":
        assert "HTTP 403 from the gateway, no OneNET answer." in out
    else:
        assert "OneNET" in said and "403" in said and said != "HTTP 403 from the gateway, no OneNET answer"


def test_the_wording_of_answers():
    assert str(answer_message(PlatformResponse(502, None, None, 0.1, "Bad Gateway"))) == (
        "HTTP 502 from the gateway, no OneNET answer"
    )
    assert str(answer_message(PlatformResponse(200, 10, "bad", 0.1, "{}"))) == "errno 10, HTTP 200"
    assert str(answer_message(None)) == "no answer"
