"""The user's language: Qt Linguist catalogues for the window and the command line alike (QtCore only).

One catalogue format, one reader: the `.ts` sources in resources/translations/ are
compiled to `.qm` with `pyside6-lrelease` (shipped with PySide6-Essentials) on first
use into the user's cache (keyed by the source's content), or taken as compiled from
the bundle (packaging/onenet-uploader.spec compiles them). Qt's `QTranslator` reads
them; without a QApplication (the command line) `translate` asks the translators
itself. English has a catalogue too: the plural forms of its `%n` sentences.

The language is chosen, first match wins: the Language menu's choice (window) or
`--lang` (command line); else LC_ALL, LC_MESSAGES, LANG; else the system's locale.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.text import QT_TRANSLATE_NOOP, Counted, Message, library_reason

#: The languages the product speaks: code -> its name in itself (the Language menu).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"
#: File names: resources/translations/onenet-uploader_<code>.ts
CATALOGUE = "onenet-uploader_{}"

_active: list[QTranslator] = []
_installed_on: list[int] = []  # id() of the application the translators are installed on, if any
_language: str | None = None  # None until chosen: the first `translate` chooses from the environment


def supported(name: str | None) -> str | None:
    """The product's language for a locale name (`zh_CN.UTF-8`, `zh-Hans`, `en_GB`, `C`), or None."""
    if not name:
        return None
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base.lower().startswith("zh"):
        return "zh_CN"  # the only Chinese catalogue: Simplified
    if base.lower().startswith("en") or base in ("C", "POSIX"):
        return "en"
    return None


def choose(requested: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak: `requested` (menu or --lang), else the environment's, else the system's, else English."""
    for candidate in (requested, environ.get("LC_ALL"), environ.get("LC_MESSAGES"), environ.get("LANG")):
        found = supported(candidate)
        if found:
            return found
    for name in QLocale.system().uiLanguages():
        found = supported(name)
        if found:
            return found
    return DEFAULT_LANGUAGE


def source_dirs() -> list[Path]:
    """Where the catalogues are: the package's (wheel, bundle), then the source tree's (checkout, editable)."""
    package = Path(__file__).resolve().parent
    return [package / "resources" / "translations", package.parent / "resources" / "translations"]


def lrelease() -> str:
    """The `lrelease` of the installed PySide6 (its wheels ship it), or one on PATH."""
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease"),):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise FileNotFoundError("lrelease (PySide6-Essentials) not found")
    return found


def cache_dir() -> Path:
    """Compiled catalogues: the user's cache (ONENET_UPLOADER_CACHE overrides it, e.g. in tests)."""
    override = os.environ.get("ONENET_UPLOADER_CACHE")
    if override:
        return Path(override) / "translations"
    import platformdirs

    return Path(platformdirs.user_cache_dir("onenet-uploader")) / "translations"


def compiled(language: str) -> Path | None:
    """The `.qm` of a language: shipped beside its `.ts`, or compiled from it into the cache once. None if absent."""
    name = CATALOGUE.format(language)
    for directory in source_dirs():
        if (directory / f"{name}.qm").is_file():
            return directory / f"{name}.qm"
        ts = directory / f"{name}.ts"
        if ts.is_file():
            digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
            target = cache_dir() / f"{name}-{digest}.qm"
            if not target.is_file():  # compiled once (each start only hashes the source)
                import subprocess

                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_suffix(f".{os.getpid()}.part")
                subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(partial)], check=True)
                partial.replace(target)  # another process may do the same: the result is identical
            return target
    return None


def language() -> str:
    """The language in use (chosen from the environment if nothing chose one yet)."""
    return _language or set_language(choose())


def ensure_language() -> None:
    """Choose the language from the environment unless a caller (--lang, the Language menu) chose one.

    A language chosen before the QApplication existed (the command line) is installed on it now.
    """
    if _language is None:
        set_language(choose())
        return
    app = QCoreApplication.instance()
    if app is not None and id(app) not in _installed_on:
        set_language(_language)


def set_language(code: str) -> str:
    """Speak `code` (a key of LANGUAGES; else English) from now on; returns the language in use.

    With a QCoreApplication the translators are installed on it, which sends every
    widget a LanguageChange event (the window retranslates itself). Numbers are then
    written as the language's locale does, unless it is the system's language already.
    """
    global _language
    code = code if code in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    if app is not None and id(app) in _installed_on:
        for old in _active:
            QCoreApplication.removeTranslator(old)
    _active.clear()
    _installed_on.clear()
    if app is not None:
        _installed_on.append(id(app))
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (Path(qt_own) / f"qtbase_{code}.qm", compiled(code)):  # Qt's own words (buttons, dialogs), ours
        translator = QTranslator()
        if path is not None and path.is_file() and translator.load(str(path)):
            _active.append(translator)
            if app is not None:
                QCoreApplication.installTranslator(translator)
    system = QLocale.system()
    same = supported(system.name()) == code and system.language() != QLocale.Language.C
    QLocale.setDefault(system if same else QLocale(code))  # "C" is no person's locale: English's then
    _language = code
    return code


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the language in use (`%n`/`%Ln` replaced by `n`); the source itself when untranslated."""
    ensure_language()
    if QCoreApplication.instance() is not None:
        return QCoreApplication.translate(context, source, disambiguation, n)
    text: str | None = ""
    for translator in reversed(_active):
        text = translator.translate(context, source, disambiguation, n)
        if text:
            break
    text = text or source
    if n >= 0:
        text = text.replace("%Ln", QLocale().toString(n)).replace("%n", str(n))
    return text


def number(value: int | float) -> str:
    """A number as the locale writes it for a person (`12,345`, `2.5`); never for what is sent."""
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(value, "g", 12)


def render(message: Message) -> str:
    """A core Message in the language in use, its numbers as the locale writes them."""
    return message.render(lambda context, source, n: translate(context, source, None, n), number)


def render_all(messages: Sequence[Message]) -> list[str]:
    """Each message rendered (`render`)."""
    return [render(m) for m in messages]


#: argparse's own words (Python 3.11's argparse asks `gettext` for them), in the catalogue's "argparse" context.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
)

#: Qt's own words that the qtbase catalogue PySide6 ships does not translate (its sources predate Qt 6's `&Look
#: in:` and QAbstractFileIconProvider): ours, in Qt's contexts; our catalogue is asked before Qt's (installed last).
QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


def translate_parser(parser: argparse.ArgumentParser) -> None:
    """Put a command line's --help and errors into the language in use (from the "cli" and "argparse" contexts).

    The texts of `parser` and its subcommands (descriptions, epilogs, each argument's
    help, group titles) are marked `QT_TRANSLATE_NOOP("cli", …)` where they are written
    and translated here, once the language is known; argparse's own words go through
    `translate` too (argparse looks its `_` up when it needs a word).
    """
    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        if p.description:
            p.description = translate("cli", p.description)
        if p.epilog:
            p.epilog = translate("cli", p.epilog)
        for group in p._action_groups:
            if group.title:
                own = group.title in ("positional arguments", "options")  # argparse's, else ours
                group.title = translate("argparse" if own else "cli", group.title)
            if group.description:
                group.description = translate("cli", group.description)
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                context = "argparse" if isinstance(action, argparse._HelpAction | argparse._VersionAction) else "cli"
                action.help = translate(context, action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = translate("cli", choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)


# -- counts: the nouns the window and the command line count, each with its plural forms in the catalogues --


def datapoints(n: int) -> str:
    """`1 datapoint`, `1,000 datapoints`, `1,000 个数据点`."""
    return render(Counted("datapoints").tr("%Ln datapoint(s)", "", n))


def requests(n: int) -> str:
    """`1 request`, `7 requests`, `7 个请求`."""
    return render(Counted("requests").tr("%Ln request(s)", "", n))


def rows(n: int) -> str:
    """`1 row`, `12 rows`, `12 行`."""
    return render(Counted("rows").tr("%Ln row(s)", "", n))


def datastreams(n: int) -> str:
    """`1 datastream`, `3 datastreams`, `3 个数据流`."""
    return render(Counted("datastreams").tr("%Ln datastream(s)", "", n))


def warnings(n: int) -> str:
    """`1 warning`, `2 warnings`, `2 个警告`."""
    return render(Counted("warnings").tr("%Ln warning(s)", "", n))


def ticks(n: int) -> str:
    """`1 tick`, `60 ticks`, `60 次`."""
    return render(Counted("ticks").tr("%Ln tick(s)", "", n))


def why(exc: BaseException) -> str:
    """What went wrong, for a person: an error's `text` (a core Message) rendered, Python's own words (datetime's,
    int()'s, json's… `gui.text.library_reason`) in the product's, else the error's own words (an OS error's)."""
    text = getattr(exc, "text", None)
    if isinstance(text, Message):
        return render(text)
    known = library_reason(exc)
    return render(known) if known is not None else str(exc)
