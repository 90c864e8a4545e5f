"""A `--sandbox` trial keeps nothing of the sandbox and loses nothing else: real work goes to the user's own outbox."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.data.store import NewRow, Store, StoreError
from gui.data.target import Target
from gui.i18n import translate
from gui.ui.rows import Row, RowStatus
from gui.ui.settings import Settings

log = logging.getLogger(__name__)


class Trial:
    """What a `--sandbox` session (a throw-away outbox and settings) hands over to the user's own when it closes.

    `user_settings` and `user_store` are the ones a normal session opens (`QSettings()`,
    the default outbox when None). Kept (`keep`): every row not sent whose target is not
    the sandbox (typed or imported for a real endpoint, or for no target yet), as a draft
    in the window's table of the next normal session, with its target; and, when the
    trial named a real connection (a device id), that endpoint, device and time zone.
    Nothing of the sandbox's: its rows, its demo device, its answers stay in the trial.
    A trial killed before it closes hands its rows over at the next start instead
    (`gui.data.trials.adopt_orphaned_trials`); so does one whose `keep` failed (`kept` False).
    """

    def __init__(self, user_settings: QSettings, user_store: Path | None = None) -> None:
        self.user_settings = user_settings
        self.user_store = user_store
        # False until `keep` has handed the rows over: the trial's folder is then left for the next start
        # (`gui.data.trials.adopt_orphaned_trials`) instead of being removed.
        self.kept = False

    def keep(self, rows: Sequence[Row], endpoint: str, device_id: str, time_zone: str) -> int:
        """Hand over the trial's real work: `rows` (the table), the real connection typed; returns rows kept.

        Raises StoreError/OSError when the user's outbox cannot be written (nothing is kept then).
        """
        real = [r for r in rows if r.status is not RowStatus.SENT and not r.target.is_sandbox]
        by_target: dict[Target, list[Row]] = {}
        for row in real:
            by_target.setdefault(row.target, []).append(row)
        if by_target:
            with Store(self.user_store) as store:
                for target, kept in by_target.items():
                    store.add(
                        (NewRow(r.stream_id, r.point, r.kind, r.source) for r in kept),
                        endpoint=target.endpoint,
                        device_id=target.device_id,
                        platform=target.platform,
                    )
            log.info("sandbox trial: %d datapoints for real targets kept in the user's outbox", len(real))
        self.kept = True
        if device_id.strip():
            settings = Settings(self.user_settings)
            settings.endpoint, settings.device_id, settings.time_zone = endpoint, device_id, time_zone
            settings.sync()
        return len(real)

    def hand_over(self, parent: QWidget, rows: Sequence[Row], endpoint: str, device_id: str, time_zone: str) -> None:
        """The trial's window closes: `keep` what it made for a real endpoint; if it cannot, say so over `parent`.

        What could not be kept stays in the trial's folder and moves at the next start.
        The texts are the window's (the catalogue's "MainWindow" context).
        """
        try:
            self.keep(rows, endpoint, device_id, time_zone)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(
                parent,
                translate("MainWindow", "Not kept"),
                translate(
                    "MainWindow",
                    "The datapoints made for a real endpoint in this trial could not be kept in your outbox now: "
                    "{why}. They stay in the trial's folder and move there at your next start.",
                ).format(why=exc),
            )
