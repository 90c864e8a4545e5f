"""The command line speaks the user's language: --lang, then LC_ALL / LC_MESSAGES / LANG; --help included.

Chinese output is checked for what a reader meets: no English word outside the
names, options and values a person types (`--dry-run`, `ONENET_API_KEY`, `FILE`,
`errno`, paths). Every test puts the suite's English back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gui import i18n
from gui.app import main
from gui.cli_common import API_KEY_ENV

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: Words a Chinese reader meets as they are: names, code, field terms the glossary keeps.
KEPT = {"onenet", "uploader", "json", "api", "key", "errno", "http", "https", "url", "id", "at", "type", "token",
        "curl", "csv", "tsv", "txt", "xlsx", "utf", "gb", "gbk", "iana", "unix", "base", "tcp", "utc", "cst", "nan",
        "access_key", "strftime", "lang", "zh_cn", "en", "dmy", "mdy", "ymd", "now", "platform", "refuse", "local",
        "fixed", "list", "walk", "sine", "ramp", "temp", "mode", "eco", "boost", "md", "sha", "heclouds", "com",
        "true", "false", "sh", "bash", "zsh", "stderr", "stdout", "file", "in_flight", "failed", "sent",
        "unsent", "unknown", "asia", "shanghai", "europe", "berlin", "exe", "draft", "ctrl", "tab",
        "sandbox", "outbox", "send", "verify", "simulate", "command", "action", "spec", "stream", "value", "profile",
        "add", "delete", "name", "pid", "discard", "move"}  # fmt: skip
CODE = re.compile(
    r"--?[\w-]+(=\S*)?|`[^`]*`|(?<![\w$])\$?[A-Z][A-Z0-9_]+\b|\S*\d\S*|%\(\w+\)s|\{[^}]*\}|https?://\S+|\S+/\S+|\S+\.\w+"
)


def english_words(text: str) -> set[str]:
    """Words of three or more Latin letters outside code, names and values (see KEPT)."""
    prose = CODE.sub(" ", text)
    return {w for w in re.findall(r"[A-Za-z_]{3,}", prose) if w.lower() not in KEPT}


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["send"],
        ["outbox"],
        ["outbox", "send"],
        ["outbox", "discard"],
        ["outbox", "move"],
        ["verify"],
        ["simulate"],
        ["token"],
        ["profile", "add"],
    ],
)
def test_help_in_chinese_has_no_english_prose(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "zh_CN", *command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：")
    assert english_words(out) == set(), out


def test_lang_follows_the_environment_and_the_option_wins(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "手动向中国移动 OneNET 物联网平台上传数据点。" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "Upload datapoints to China Mobile's OneNET IoT platform by hand." in capsys.readouterr().out


def test_a_send_in_chinese_says_the_rule_and_the_counts_in_chinese(monkeypatch, capsysbinary):
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    path = FIXTURES / "seed_example_type1.json"  # its stream "key" has two datapoints with one at: a warning
    code = main(["--lang", "zh_CN", "send", str(path), "--dry-run"])
    captured = capsysbinary.readouterr()
    out, err = captured.out.decode(), captured.err.decode()
    assert code == 1  # as the send would: a warning without --send-anyway
    assert "at 重复：同一数据流中 at 相同的数据点会互相覆盖" in err
    summary = out.rstrip("\n").rsplit("\n", 1)[1]
    assert re.fullmatch(r"试运行：\d+ 个数据点，1 个请求，请求体共 \d+ 字节；未发送任何内容", summary)


def test_english_plurals_come_from_the_catalogue(capsysbinary, monkeypatch):
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    main(["--lang", "en", "send", str(FIXTURES / "seed_example_type1.json"), "--dry-run"])
    summary = capsysbinary.readouterr().out.decode().rstrip("\n").rsplit("\n", 1)[1]
    assert re.fullmatch(r"dry run: \d+ datapoints in 1 request, \d+ bytes of body; nothing sent", summary)


def test_a_csv_send_in_chinese_says_how_the_file_was_read_in_chinese(monkeypatch, capsysbinary, tmp_path):
    """The detection lines (`read …:`): every decision and note of the importers through the catalogue."""
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    path = tmp_path / "readings.csv"
    path.write_text(
        "Station log\n\nNo;Date Time, GMT+00:00;temp;flag\n1;13/11/2026 09:00;21,5;OK\n2;14/11/2026 09:10;NA;OK\n"
        "3;15/11/2026 09:20;22,0;OK\n",
        encoding="utf-8",
    )
    code = main(["--lang", "zh_CN", "send", str(path), "--dry-run"])
    err = capsysbinary.readouterr().err.decode()
    assert code == 0, err
    read = err.split("\n\n", 1)[0]
    assert "时间：列 " in read and "分隔符：分号" in read, read
    own = {"Station", "log", "Date", "Time", "GMT", "temp", "flag", "No", "NA", "OK", "readings"}
    assert english_words(read) - own == set(), read
