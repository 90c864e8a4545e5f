"""Command line, QApplication bootstrap and the app's modes (window, --sandbox, --smoke-test)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gui
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from gui.ui.main_window import MainWindow

APP_NAME = "onenet-uploader"


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """`onenet-uploader [--sandbox | --smoke-test]` or `onenet-uploader COMMAND …`.

    Without `commands`, only the options of a window start (`opens_window`): the commands'
    parsers and the modules they import are not needed to show the window.
    """
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=QT_TRANSLATE_NOOP("cli", "Upload datapoints to China Mobile's OneNET IoT platform by hand."),
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=QT_TRANSLATE_NOOP(
            "cli", "language of the window and the messages: en or zh_CN (default: LC_ALL, LANG, the system's)"
        ),
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--sandbox",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "open the window on an embedded local sandbox with a demo device"),
    )
    mode.add_argument(
        "--smoke-test",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli", "build the window offscreen, send the seed example to an embedded sandbox, check it arrived, exit"
        ),
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from gui import cli  # the commands and what they import: not needed to show the window

    cli.add_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


#: The options that choose how the window opens (one of them at most).
_WINDOW_MODES = ("--sandbox", "--smoke-test")


def opens_window(argv: Sequence[str]) -> bool:
    """True when `argv` only opens the window: at most one of --sandbox, --smoke-test and one `--lang LANG`.

    Such a command line means the same to the parser with or without its commands and
    cannot fail, so it is read without them (`build_parser(commands=False)`). Anything
    else (a command, --help, --version, an abbreviation, a repeated or unknown option)
    goes to the whole parser, which says what it means or what is wrong.
    """
    seen: set[str] = set()
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in _WINDOW_MODES:
            option = "mode"
        elif token.startswith("--lang="):
            option = "lang"
        elif token == "--lang" and rest and not rest[0].startswith("-"):
            option = "lang"
            rest.pop(0)
        else:
            return False
        if option in seen:
            return False
        seen.add(option)
    return True


class _VersionAction(argparse._VersionAction):
    """`--version`: argparse's own (its help text translated as the others), the version read only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        self.version = f"%(prog)s {gui.__version__}"
        super().__call__(parser, *args)


#: Qt messages that say nothing to a user: the offscreen platform (smoke test,
#: CI) cannot resize native windows and says so for every window.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode: object, context: object, message: str) -> None:
    if message not in _QUIET_QT_MESSAGES:
        print(message, file=sys.stderr)


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with the names QSettings and the desktop use."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from gui.resources import icon_path

    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("OneNET Datapoint Uploader")
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def add_demo_readings(window: MainWindow) -> None:
    """A few readings of the last half hour, so a newcomer can press Send at once."""
    from gui.onenet.readings import Datapoint
    from gui.ui.rows import Row

    now = datetime.now(UTC).replace(second=0, microsecond=0)
    rows = []
    for minutes, temperature, humidity in ((30, 21.4, 45.1), (20, 21.9, 44.0), (10, 22.6, 41.7)):
        at = now - timedelta(minutes=minutes)
        rows += [Row("temperature", Datapoint(temperature, at)), Row("humidity", Datapoint(humidity, at))]
    window.add_rows(rows)


def run_window(argv: Sequence[str], sandbox: bool, language: str | None = None) -> int:
    """Open the main window on the user's outbox; with `sandbox`, on an embedded sandbox with demo readings.

    Logs go to the rotating log file; rows a crashed send left in flight become
    "unknown" (`Store.recover`) before the table shows the outbox, and so do those a killed
    `--sandbox` trial left for real targets (`gui.data.trials.adopt_at_start`). A storage fault at
    start is said in a dialog (`gui.ui.storage_faults.open_outbox`): a damaged outbox is
    salvaged and the window opens on the new one; otherwise returns `gui.cli.EXIT_STORAGE`.
    The window speaks `language` (--lang), else the one chosen in its Language menu, else the system's.
    """
    from PySide6.QtCore import QSettings, QThreadPool

    from gui import i18n
    from gui.data.logs import close_crash_log, close_logging, enable_crash_log, setup_logging
    from gui.data.secrets import SecretStore
    from gui.data.trials import TrialFolder, adopt_at_start
    from gui.ui.main_window import MainWindow, delete_now
    from gui.ui.settings import Settings
    from gui.ui.storage_faults import open_outbox

    app = make_application(argv)
    i18n.set_language(i18n.choose(language or Settings(QSettings()).language))
    setup_logging()
    enable_crash_log()  # a fatal error leaves every thread's stack beside the log
    # What a killed --sandbox trial made for real targets goes to the user's outbox now (see gui.data.trials).
    adopt_at_start()
    # --sandbox is a trial: its demo rows live in a throw-away outbox, never in the user's own
    # (where they would wait as drafts to be sent to a real device later).
    trial = None
    if sandbox:
        try:
            trial = TrialFolder()
        except OSError:  # a data dir that cannot be written: the trial runs, in the temp dir (found by no start)
            trial = TrialFolder(Path(tempfile.gettempdir()))
    # A damaged outbox is salvaged and said in a dialog; an emptied, gone, full or read-only one: a dialog, then exit.
    opened = open_outbox(trial.outbox if trial else None)
    if opened is None:
        from gui.cli import EXIT_STORAGE

        if trial is not None:
            trial.cleanup()
        close_crash_log()
        close_logging()
        return EXIT_STORAGE
    with opened as store:
        # The trial's settings (time zone, window layout) are thrown away with it, too.
        settings = QSettings()
        if trial is not None:
            settings = QSettings(str(trial.path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, SecretStore(), store)
        if trial is not None:  # what the trial makes for a real endpoint is kept in the user's own outbox
            from gui.ui.trial import Trial

            window.trial = Trial(QSettings())
        if sandbox:
            window.connection.sandbox_check.setChecked(True)
            add_demo_readings(window)
        window.show()
        status = app.exec()
        QThreadPool.globalInstance().waitForDone()  # a cancelled send records its last request
        handed_over = window.trial is None or window.trial.kept
        delete_now(window)  # here, on the GUI thread
    if trial is not None:
        if handed_over:
            trial.cleanup()
        else:  # not kept (the user's outbox could not be written): the next start hands the rows over
            trial.release()
    close_crash_log()
    close_logging()
    return status


def smoke_test(argv: Sequence[str]) -> int:
    """Send the seed example through the real window and worker to an embedded sandbox.

    Exits 0 when the sandbox then holds it as the platform would (2 points
    in `temperature`, 1 in `key`: the overwrite rule), else 1 with a message.
    Touches neither the user's settings, outbox, logs nor the keyring (a temporary store).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from keyring.backends import fail
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from gui.data.secrets import SecretStore
    from gui.data.store import Store
    from gui.onenet.examples import seed_example
    from gui.sandbox import DEFAULT_DEVICE_ID
    from gui.ui.main_window import MainWindow, delete_now

    app = make_application(argv)
    with (
        tempfile.TemporaryDirectory(prefix="onenet-smoke-") as tmp,
        Store(os.path.join(tmp, "outbox.sqlite3")) as store,
    ):
        settings = QSettings(os.path.join(tmp, "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, SecretStore(fail.Keyring()), store)  # type: ignore[no-untyped-call]
        window.connection.sandbox_check.setChecked(True)
        for stream_id, point in seed_example().pairs():
            window.model.append(stream_id, point)
        outcome: list[bool] = []
        loop = QEventLoop()

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        window.sendFinished.connect(finished)
        QTimer.singleShot(20_000, loop.quit)
        window.show()
        window.send_controller.send()
        window.send_panel.send_anyway_button.click()  # the seed has a duplicate `at`: a warning
        if not outcome:
            loop.exec()
        sandbox = window.connection.sandbox
        counts = {s: len(sandbox.datapoints(DEFAULT_DEVICE_ID, s)) for s in ("temperature", "key")} if sandbox else {}
        window.close()
        app.processEvents()
        window.pool.waitForDone(10_000)
        delete_now(window)
    if outcome != [True] or counts != {"temperature": 2, "key": 1}:
        print(f"smoke test FAILED: send outcome {outcome}, stored {counts}", file=sys.stderr)
        return 1
    print(f"smoke test passed: onenet-uploader {gui.__version__}, sandbox stored {counts}")
    return 0


def requested_language(argv: Sequence[str]) -> str | None:
    """The `--lang` of a command line (read before parsing it: --help is written in that language), or None."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `onenet-uploader` and `python -m gui`."""
    from gui import i18n

    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(i18n.choose(requested_language(argv)))
    if opens_window(argv):  # nothing to say about the command line: the window is what was asked for
        args = build_parser(commands=False).parse_args(argv)
    else:
        parser = build_parser()
        i18n.translate_parser(parser)
        from gui.cli import join_dash_values  # loaded by build_parser already

        args = parser.parse_args(join_dash_values(argv))
    if args.command:
        import logging

        from gui.cli import EXIT_STORAGE
        from gui.data.logs import LOGGER_NAME

        # The log's lines go to its file (commands that keep one), never to the terminal in English: without this,
        # Python's last-resort handler prints the store's errors (a salvage) before the command's own message.
        logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())
        from gui.data.store.health import StorageFault

        try:
            return int(args.run(args))
        except StorageFault as exc:  # damaged, lost, full, read-only: said with the path, its own exit status
            print(f"onenet-uploader: {i18n.render(exc.text)}", file=sys.stderr)
            return EXIT_STORAGE
        except BrokenPipeError:  # `onenet-uploader outbox | head`: the reader left; say nothing more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    if args.smoke_test:
        return smoke_test(argv)
    missing = no_display()
    if missing:
        print(f"onenet-uploader: {missing}", file=sys.stderr)
        return 2
    return run_window(argv, args.sandbox, args.lang)


def no_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """Why the window cannot open on this Linux session (no X11 or Wayland display), or ""."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): start it in a desktop "
        "session; on a machine without a screen, `onenet-uploader --smoke-test` checks the installation and "
        "the commands (`send`, `verify`, `outbox`) work headless"
    )


if __name__ == "__main__":
    sys.exit(main())
