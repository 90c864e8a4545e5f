"""Request > Send on a timer…: the selected streams sent every N seconds (or N times), as a device would.

The values come from :mod:`gui.data.simulator` (one generator for the CLI's
``simulate`` and this dialog: fixed, list in turn, random walk, sine, ramp),
written ``STREAM=SPEC`` one a line. Each tick's datapoints go to the outbox
first (the editor's model, as any typed or imported row) and then out through
the send controller like any Send: when a send fails or is still running, they
stay in the outbox and go with the next tick's send (or when the running send ends).

For hours of ticks the editor's table keeps the rows of the last `KEEP_TICKS`
ticks only: an older tick's rows leave the table once the platform has stored
them (sent rows stay on record: History lists every request), so memory stays
flat; rows not stored yet stay in the table (and the outbox) until a send stores them.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.simulator import Simulation, check_every, parse_stream
from gui.data.store import StoreError
from gui.onenet.readings import Value, kind_of
from gui.ui.colours import set_style
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.rows import Row, RowStatus

KEEP_TICKS = 100  # ticks whose rows the editor's table keeps (older ones leave it once stored)


def spec_of(stream_id: str, value: Value) -> str:
    """The ``STREAM=fixed:VALUE`` line that sends `value` unchanged (numbers and text as typed, JSON as JSON)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"{stream_id}=fixed:{text}"


class TimedSendDialog(QDialog):
    """Send the streams of `streams_edit` every `every_spin` seconds, `count_spin` times (0: until stopped).

    Each tick's rows go to `model` (`DatapointsModel.extend`: the outbox, then the
    editor's table; ValueError, StoreError or OSError refuse them: the timer pauses
    with the reason); `send()` starts a send of every unsent row; `busy()` is True
    while one runs. After each send the rows of ticks older than the last
    `keep_ticks` leave the table once they show as sent (:meth:`trim`).
    `tick()` is the timer's slot (tests call it, or set a short interval).
    `ticked(n)` after each tick (n: ticks so far); `counter_label` and
    `next_label` show them. `at` of each datapoint: the moment of the tick
    (whole seconds, UTC, each later than the last) unless `at_check` is off.
    """

    ticked = Signal(int)

    def __init__(
        self,
        streams: Sequence[tuple[str, Value]],
        model: DatapointsModel,
        send: Callable[[], None],
        busy: Callable[[], bool],
        parent: QWidget | None = None,
        keep_ticks: int = KEEP_TICKS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send on a timer"))
        self._model, self._send, self._busy = model, send, busy
        self.keep_ticks = keep_ticks
        self._recent: deque[list[int]] = deque()  # outbox ids of the last ticks' rows, oldest first
        self._leaving: set[int] = set()  # ids of older ticks' rows, to leave the table once sent
        self.simulation: Simulation | None = None
        self._behind = False  # a tick came while a send ran: send again when it ends
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)

        self.streams_edit = QPlainTextEdit("\n".join(spec_of(s, v) for s, v in streams))
        self.streams_edit.setPlaceholderText("temperature=walk:20..25")
        self.streams_edit.setToolTip(
            self.tr(
                "One stream a line, STREAM=VALUES: 21.5 (fixed), list:20,21,22 (in turn), file:values.txt (a file's "
                "values in turn, one a line, starting over after the last), walk:20..25 (random walk within the "
                "bounds, step /0.5), sine:20..25/60s, ramp:0..100/5"
            )
        )
        self.file_button = QPushButton(self.tr("Values from a &file…"))
        self.file_button.setToolTip(
            self.tr(
                "Add a stream whose values are read from a text file, one a line, sent in turn; after the last "
                "line it starts again from the first. All values are of the first one's kind (number, JSON or text)."
            )
        )
        self.every_spin = QDoubleSpinBox(minimum=0.1, maximum=86400.0, value=10.0, decimals=1, suffix=self.tr(" s"))
        self.count_spin = QSpinBox(minimum=0, maximum=1_000_000, value=0)
        self.count_spin.setSpecialValueText(self.tr("until stopped"))
        self.at_check = QCheckBox(self.tr("at = the moment of sending (else the platform stamps them)"))
        self.at_check.setChecked(True)
        self.start_button = QPushButton(self.tr("&Start"))
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.stop_button = QPushButton(self.tr("S&top"))
        self.counter_label = QLabel()
        self.next_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.keep_label = QLabel(
            self.tr(
                "The table keeps the datapoints of the last %Ln tick(s); older ones leave it once the platform has "
                "stored them (History lists every request).",
                "",
                keep_ticks,
            )
        )
        self.keep_label.setWordWrap(True)
        set_style(self.keep_label, "color: $muted;")
        form = QFormLayout()
        form.addRow(self.tr("Streams:"), self.streams_edit)
        form.addRow("", self.file_button)
        form.addRow(self.tr("Every:"), self.every_spin)
        form.addRow(self.tr("Times:"), self.count_spin)
        form.addRow("", self.at_check)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        for label in (self.counter_label, self.next_label, self.message_label, self.keep_label):
            layout.addWidget(label)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.stop_button.clicked.connect(self.stop)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self._update()

    def _on_file_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Values from a file"), "", self.tr("Text files (*.txt *.csv);;All files (*)")
        )
        if name:
            self.add_file_stream(Path(name))

    def add_file_stream(self, path: Path, stream_id: str = "") -> None:
        """Add the line ``STREAM=file:PATH`` (the stream named after the file unless given); read when started."""
        lines = [line for line in self.streams_edit.toPlainText().splitlines() if line.strip()]
        lines.append(f"{stream_id or path.stem}=file:{path}")
        self.streams_edit.setPlainText("\n".join(lines))

    @property
    def ticks(self) -> int:
        return self.simulation.ticks if self.simulation is not None else 0

    def start(self) -> bool:
        """Start (or resume after a pause); False with the reason shown if a line cannot be read."""
        if self.simulation is None:
            every = self.every_spin.value()
            try:
                check_every(every, self.at_check.isChecked())
                specs = [
                    parse_stream(line, every_s=every)
                    for line in self.streams_edit.toPlainText().splitlines()
                    if line.strip()
                ]
                self.simulation = Simulation(specs, with_at=self.at_check.isChecked())
            except ValueError as exc:
                self.message_label.setText(self.tr("Cannot start: {why}").format(why=i18n.why(exc)))
                return False
        self.message_label.clear()
        self.timer.start(round(self.every_spin.value() * 1000))
        self.tick()  # the first send goes at once
        return True

    def pause(self) -> None:
        self.timer.stop()
        self._update()

    def stop(self) -> None:
        """Stop; the next Start begins again from the first value (what was queued stays in the outbox)."""
        self.timer.stop()
        self.simulation = None
        self._update()

    def tick(self) -> None:
        """Add one datapoint per stream to the outbox and send; stops after the count."""
        simulation = self.simulation
        if simulation is None:
            return
        rows = [Row(stream_id, point, kind_of(point.value)) for stream_id, point in simulation.tick()]
        try:
            first = self._model.extend(rows)
        except (ValueError, StoreError, OSError) as exc:
            self.timer.stop()
            self.message_label.setText(self.tr("Paused: {why}").format(why=i18n.why(exc)))
            self._update()
            return
        added = self._model.rows()[first : first + len(rows)]
        self._recent.append([row.id for row in added if row.id is not None])
        while len(self._recent) > self.keep_ticks:
            self._leaving.update(self._recent.popleft())
        self._behind = self._busy()  # then they go when the running send ends
        if not self._behind:
            self._send()
        count = self.count_spin.value()
        if count and simulation.ticks >= count:
            self.timer.stop()
        self._update()
        self.ticked.emit(simulation.ticks)

    def on_send_finished(self, ok: bool) -> None:
        """The window's send ended: trim the table; send what ticks added meanwhile (after a failure the next tick
        retries)."""
        self.trim()
        if self._behind and ok and not self._busy():  # the window says so once the send's run has ended
            self._behind = False
            self._send()

    def trim(self) -> int:
        """Take the rows of ticks older than the last `keep_ticks` out of the editor's table once they show as sent.

        They stay on record in the outbox (`Store.remove_from_editor` keeps sent rows; History
        lists their requests); rows not sent yet, or removed or edited by the user meanwhile,
        are left as they are. Returns the number of rows taken out.
        """
        if not self._leaving:
            return 0
        rows = self._model.rows()
        chosen: list[int] = []
        present: set[int] = set()
        for position, row in enumerate(rows):
            if row.id in self._leaving:
                present.add(row.id)
                if row.status is RowStatus.SENT:
                    chosen.append(position)
        self._leaving &= present  # rows the user removed are no longer followed
        if not chosen:
            return 0
        gone = {rows[p].id for p in chosen}
        try:
            self._model.remove_rows(chosen)
        except StoreError:
            return 0  # one is being sent again (the user marked it unsent): next time
        self._leaving -= gone
        return len(chosen)

    def _update(self) -> None:
        running = self.timer.isActive()
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(self.simulation is not None)
        count = self.count_spin.value()
        if count:
            self.counter_label.setText(self.tr("Ticks: {n} of {count}").format(n=self.ticks, count=count))
        else:
            self.counter_label.setText(self.tr("Ticks: {n}").format(n=self.ticks))
        if running:
            due = QDateTime.currentDateTime().addMSecs(self.timer.remainingTime())
            self.next_label.setText(self.tr("Next send at {time}").format(time=due.toString("HH:mm:ss")))
        else:
            self.next_label.setText(self.tr("Paused") if self.simulation is not None else "")
        for widget in (self.streams_edit, self.file_button, self.every_spin, self.at_check):
            widget.setEnabled(self.simulation is None)
