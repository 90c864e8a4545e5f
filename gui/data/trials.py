"""`--sandbox` trials on disk: their throw-away folders, and what a killed trial leaves for the user's outbox.

A trial (`onenet-uploader --sandbox`) keeps its outbox and settings in a folder of its
own, `<data dir>/trials/onenet-sandbox-XXXX/` (`trials_dir`), and holds that folder's owner lock
(`owner.lock`, the `filelock` library's OS lock: released by the OS when the process
ends, however it ends, even `kill -9`) for as long as it runs. A clean quit hands the
trial's real work to the user's own outbox (`gui.ui.trial.Trial`) and removes the
folder. A trial killed (`kill -9`, power cut, crash) leaves its folder behind; every
start (the window, `onenet-uploader outbox`) calls `adopt_orphaned_trials`, which hands
the rows of each folder whose owner is gone to the user's outbox, as a crash leaves them
there (in flight: "unknown, safe to resend"), then removes the folder. No Qt here.

Why at start and not as the rows are made: the window has one outbox (the trial's) and
its editor, planner and sender all work on it; writing real-target rows to a second
outbox as they are made would split every edit, queue and send between two databases.
The trial's outbox is already as durable as the user's (every entry fsynced), so a
killed trial has lost nothing: the next start only has to find it. Why the data dir and
not the temp dir: a temp dir may be emptied at boot (tmpfs), which would lose a trial
killed by a power cut, and it is not the tests' or a `$ONENET_UPLOADER_DATA_DIR`
session's own.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from gui.data.paths import data_dir, ensure_dir
from gui.data.store import NewRow, State, Store, StoreError
from gui.data.target import SANDBOX_ENDPOINT, Platform

if TYPE_CHECKING:
    from filelock import BaseFileLock

log = logging.getLogger(__name__)

#: How a trial's folder is named in `trials_dir()`: `onenet-sandbox-XXXX`.
TRIAL_PREFIX = "onenet-sandbox-"
#: The trial's outbox database and its owner lock, in its folder.
TRIAL_OUTBOX = "outbox.sqlite3"
OWNER_LOCK = "owner.lock"
#: How long a starting trial waits for its own lock (a start adopting orphans may be looking at it).
_OWNER_WAIT_S = 10.0


def trials_dir() -> Path:
    """Where trials make their folders: `data_dir()/trials` (not created here)."""
    return data_dir() / "trials"


def _owner_lock(folder: Path, timeout: float) -> BaseFileLock:
    from filelock import FileLock

    return FileLock(folder / OWNER_LOCK, timeout=timeout, thread_local=False, fallback_to_soft=False)


class TrialFolder:
    """A new trial's folder in `root` (default `trials_dir()`, created), its owner lock held until `cleanup`.

    `path` is the folder; `outbox` the trial's database path in it. Raises OSError when
    the folder cannot be made, filelock.Timeout when its lock cannot be taken.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=TRIAL_PREFIX, dir=ensure_dir(root or trials_dir())))
        self.outbox = self.path / TRIAL_OUTBOX
        self._lock = _owner_lock(self.path, _OWNER_WAIT_S)
        self._lock.acquire()

    def cleanup(self) -> None:
        """Remove the folder (its work was handed over or is the sandbox's), then let go of the lock."""
        shutil.rmtree(self.path, ignore_errors=True)
        self._lock.release()

    def release(self) -> None:
        """Let go of the lock and leave the folder: the next start hands its rows over (`adopt_orphaned_trials`)."""
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.cleanup()


#: The rows of a trial that are the user's work: every state but sent (in flight is recovered first).
_KEPT = (State.DRAFT, State.UNSENT, State.UNKNOWN, State.FAILED)


def adopt_orphaned_trials(user_outbox: Path | None = None, root: Path | None = None) -> int:
    """Hand the rows of every killed trial in `root` (default `trials_dir()`) to the user's outbox; returns rows.

    A trial folder is orphaned when its owner lock can be taken (its process is gone).
    Its rows not sent whose target is not the sandbox (the rule of `gui.ui.trial.Trial`)
    go to `user_outbox` (default the user's) with their target and state; rows the trial
    left in flight first become `unknown` ("the program stopped while sending these",
    `Store.recover`), so a send resends them as after any crash. The folder is then
    removed. A folder whose outbox cannot be read (damaged, another schema) is left as it
    is and logged. Raises StoreError/OSError when the user's outbox cannot be written
    (that folder is then left for the next start).
    """
    base = root if root is not None else trials_dir()
    adopted = 0
    for folder in sorted(base.glob(TRIAL_PREFIX + "*")):
        if not (folder / TRIAL_OUTBOX).is_file():
            continue  # a trial starting now (it locks before it makes its outbox), or nothing to hand over
        from filelock import Timeout  # loaded only when a trial folder is there

        lock = _owner_lock(folder, 0)
        try:
            lock.acquire()
        except (Timeout, OSError):
            continue  # its trial runs (or the folder is not ours to lock)
        try:
            adopted += _adopt(folder, user_outbox)
        finally:
            lock.release()
    return adopted


def _adopt(folder: Path, user_outbox: Path | None) -> int:
    """Hand over one orphaned trial's rows (its owner lock held) and remove its folder."""
    try:
        with Store(folder / TRIAL_OUTBOX) as trial:
            trial.recover()
            rows = [r for r in trial.rows(_KEPT) if r.endpoint != SANDBOX_ENDPOINT]
    except (StoreError, sqlite3.Error, OSError) as exc:
        log.error("a killed sandbox trial's outbox %s cannot be read, left as it is: %s", folder, exc)
        return 0
    if rows:
        groups: dict[tuple[Platform, str, str, State], list[NewRow]] = {}
        for r in rows:
            groups.setdefault((r.platform, r.endpoint, r.device_id, r.state), []).append(
                NewRow(r.stream_id, r.point, r.kind, r.source)
            )
        with Store(user_outbox) as user, user.batch():
            for (platform, endpoint, device_id, state), new in groups.items():
                ids = user.add(new, endpoint=endpoint, device_id=device_id, platform=platform)
                if state is not State.DRAFT:
                    user.set_state(ids, state)
        log.warning(
            "a killed sandbox trial left %d datapoints for real targets: handed to the user's outbox", len(rows)
        )
    # Between the commit above and this removal a second kill would hand them over twice (drafts shown twice;
    # resending an `unknown` row with an explicit `at` overwrites, see gui.data.outbox.resend_risk).
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)
    return len(rows)


def adopt_at_start(user_outbox: Path | None = None) -> int:
    """`adopt_orphaned_trials` for a start (window, `outbox` command): a failure is logged, never stops the start.

    The folders it could not hand over stay for the next start; the user's outbox itself
    is then opened (and its fault said) by the caller as usual.
    """
    try:
        return adopt_orphaned_trials(user_outbox)
    except (StoreError, sqlite3.Error, OSError):
        log.exception("a killed sandbox trial's rows could not be handed to the user's outbox yet")
        return 0
