"""Refusals and warnings of an import reach Chinese output in Chinese: the core's reasons are Messages, and
Python's own words (datetime's, int()'s, json's) are said in the product's (`gui.text.reason_of`).

Files a tester met (`send --dry-run --lang zh_CN`): an hour 24, an AM/PM time in the future, a time the clocks
skipped, times the clocks repeated, rows cut short, a JSON Lines line that is not JSON. Their stderr may hold
English only inside quotes (the file's own cells), in ids, zone names, paths and option names.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest

from gui import i18n
from gui.app import main
from gui.cli_common import API_KEY_ENV
from gui.text import library_reason, reason_of

FILES = {
    "t_24h.csv": "Datum;Uhrzeit;Messwert\n07.12.2026;24:00;1\n07.12.2026;09:00:00,500;2\n",
    "t_ampm.csv": "Date,Value\n12/07/2026 12:30:00 AM,1\n12/07/2026 12:30:00 PM,2\n12/13/2099 01:05:00 PM,3\n",
    "t_dst_berlin.csv": "time,temp\n2026-03-29 01:30:00,1\n2026-03-29 02:30:00,2\n2026-03-29 03:30:00,3\n",
    "t_fallback_desc3.csv": "time,temp\n2026-10-25 02:40,3\n2026-10-25 02:20,2\n2026-10-25 01:50,1\n",
    "debian.csv": "version,codename,series,created,release,eol,eol-lts,eol-elts\n"
    "1.1,Buzz,buzz,1993-08-16,1996-06-17,1997-06-05\n"
    "12,Bookworm,bookworm,2021-08-14,2023-06-10,2026-06-10,2028-06-30,2033-06-30\n",
    "broken.jsonl": '{"stream": "temp", "at": "2026-12-07T08:00:00", "value": 1}\n{"stream": "temp", "at": \n',
}
#: What a Chinese reader may meet in Latin letters: quoted cells, option names, zone names and ids, paths, numbers.
_KEPT = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|--[\w-]+|\S*[/\\]\S*|\S*\d\S*|\b(?:UTC|JSON|at|DST)\b")
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,;:()]+[A-Za-z]{2,}){2,}")


def english_runs(text: str) -> list[str]:
    """Runs of three or more English words outside what `_KEPT` lets through, with their line."""
    return [line for line in text.splitlines() if _ENGLISH_RUN.search(_KEPT.sub(" ", line))]


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("name", sorted(FILES))
def test_an_import_in_chinese_refuses_and_warns_in_chinese(name, tmp_path, monkeypatch, capsysbinary):
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    path = tmp_path / name
    path.write_text(FILES[name], encoding="utf-8")
    main(["--lang", "zh_CN", "send", str(path), "--dry-run", "--source-tz", "Europe/Berlin"])
    err = capsysbinary.readouterr().err.decode()
    assert "已拒绝" in err or "警告" in err, err  # each file has a refusal or a warning to say
    assert english_runs(err) == [], err


def test_the_tester_s_sentences_are_said_in_chinese(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    said = {}
    for name in ("t_24h.csv", "t_ampm.csv", "t_dst_berlin.csv", "t_fallback_desc3.csv", "debian.csv"):
        path = tmp_path / name
        path.write_text(FILES[name], encoding="utf-8")
        main(["--lang", "zh_CN", "send", str(path), "--dry-run", "--source-tz", "Europe/Berlin"])
        said[name] = capsysbinary.readouterr().err.decode()
    assert "没有时间的行：拒绝" in said["t_24h.csv"]
    assert "'24:00' 不是有效的时刻（小时须在 0 到 23 之间）" in said["t_24h.csv"]
    assert "1 个时间在将来：第 4 行。时区或格式是否正确？" in said["t_ampm.csv"]
    assert "2026-03-29 02:30:00 在 Europe/Berlin 中不存在" in said["t_dst_berlin.csv"]
    # newest first across the autumn change, the order cannot tell which 02:40 and 02:20 are meant: refused (fold7)
    assert (
        "2026-10-25 02:40:00 在 Europe/Berlin 中出现两次（时钟回拨），前后各行无法判断是哪一次"
        in said["t_fallback_desc3.csv"]
    )
    assert "1 行的单元格少于表头：行末缺少的单元格按空读取" in said["debian.csv"]  # short rows read (values7)


def _raised(call):
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("no exception")


@pytest.mark.parametrize(
    "call",
    [
        lambda: datetime.time(24, 0),
        lambda: datetime.time(8, 60),
        lambda: datetime.date(2026, 2, 30),
        lambda: datetime.date(2026, 13, 1),
        lambda: datetime.date(0, 1, 1),
        lambda: datetime.datetime.strptime("07.12.2026", "%Y-%m-%d"),
        lambda: datetime.datetime.strptime("2026x", "%Y"),
        lambda: int("x"),
        lambda: float("x"),
        lambda: json.loads("{"),
        lambda: datetime.datetime(1, 1, 1) - datetime.timedelta(days=1),
    ],
)
def test_python_s_own_words_are_said_in_the_product_s(call):
    exc = _raised(call)
    assert library_reason(exc) is not None, str(exc)
    i18n.set_language("zh_CN")
    assert english_runs(i18n.render(reason_of(exc))) == []
    assert english_runs(i18n.why(exc)) == []


def test_another_library_s_words_are_logged_not_shown(caplog):
    with caplog.at_level("INFO", logger="gui.text"):
        reason = reason_of(KeyError("some internal detail of a library"))
    i18n.set_language("zh_CN")
    assert i18n.render(reason) == "无法读取"
    assert "some internal detail of a library" in caplog.text


@pytest.mark.parametrize("spec", ["temp=walk:25..20", "temp=bogus:1", "temp=walk:20..25/0", "temp=list:", "temp"])
def test_a_simulation_refused_in_chinese_says_why_in_chinese(spec, monkeypatch, capsys):
    monkeypatch.setenv(API_KEY_ENV, "not-a-real-key")
    code = main(["--lang", "zh_CN", "simulate", "--stream", spec, "--device", "1", "--count", "1"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("simulate："), err
    assert english_runs(err) == [], err
