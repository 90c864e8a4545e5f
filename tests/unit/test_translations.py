"""The catalogues are kept complete: every entry the sources say is translated, none left behind.

`pyside6-lupdate` runs over gui/ into a copy of each catalogue (as
resources/translations/update.py does, but keeping what vanished so it can be
named); the test fails on an entry that is new or unfinished (a string without
its translation) or vanished (a translation the sources no longer ask for).
Run `python resources/translations/update.py`, translate, commit.
"""

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui.text import Counted

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _update_module():
    spec = importlib.util.spec_from_file_location("update_translations", TRANSLATIONS / "update.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unfinished(ts: Path) -> dict[str, list[str]]:
    """`{"unfinished": [...], "vanished": [...]}`: context and source of each such entry."""
    found: dict[str, list[str]] = {"unfinished": [], "vanished": []}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = message.find("translation").get("type")  # type: ignore[union-attr]
            if kind in ("vanished", "obsolete"):
                found["vanished"].append(f"{name}: {message.findtext('source')}")
            elif kind == "unfinished":
                found["unfinished"].append(f"{name}: {message.findtext('source')}")
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_lupdate_finds_nothing_new_unfinished_or_vanished(language, tmp_path):
    source = TRANSLATIONS / f"onenet-uploader_{language}.ts"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    subprocess.run(_update_module().lupdate_command(copy, drop_vanished=False), check=True)
    found = unfinished(copy)
    assert found == {"unfinished": [], "vanished": []}, (
        f"{source.name} is not complete: run `python resources/translations/update.py` and translate"
    )


def test_the_check_catches_a_new_string_and_a_vanished_one(tmp_path):
    ts = tmp_path / "onenet-uploader_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
        "<context><name>cli</name><message><source>no longer said anywhere</source>"
        "<translation>不再使用</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    sources = tmp_path / "gui"
    sources.mkdir()
    (sources / "m.py").write_text('X = QT_TRANSLATE_NOOP("cli", "a new string")\n', encoding="utf-8")
    command = _update_module().lupdate_command(ts, drop_vanished=False)
    command[command.index(str(ROOT / "gui"))] = str(sources)
    subprocess.run(command, check=True)
    assert unfinished(ts) == {"unfinished": ["cli: a new string"], "vanished": ["cli: no longer said anywhere"]}


def test_desktop_entry_and_metainfo_name_the_app_in_chinese():
    import configparser

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "linux" / "onenet-uploader.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name[zh_CN]"].startswith("OneNET ") and "数据点" in desktop["Name[zh_CN]"]
    assert "数据点" in desktop["Comment[zh_CN]"]

    meta = ET.parse(ROOT / "packaging" / "linux" / "io.github.onenet_uploader.metainfo.xml").getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    chinese = {e.tag: e.text for e in meta if e.get(lang) == "zh-CN"}
    assert chinese["name"] == desktop["Name[zh_CN]"] and chinese["summary"] == desktop["Comment[zh_CN]"]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 bytes and 0 entries (failed)"),
        (1, "1 byte and 1 entry (failed)"),
        (1234, "1,234 bytes and 1,234 entries (failed)"),
    ],
)
def test_untranslated_counted_sources_take_the_counts_english_form(n: int, expected: str) -> None:
    # str(Message) (logs, the sandbox's --verbose lines) shows no "(s)": the form the English catalogue would give.
    assert str(Counted("c").tr("%Ln byte(s) and %Ln entry(ies) (failed)", "", n)) == expected
