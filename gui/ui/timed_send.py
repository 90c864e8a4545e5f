"""Request > Send on a timer…: the selected streams sent every N seconds (or N times), as a device would.

The values come from :mod:`gui.data.simulator` (one generator for the CLI's
``simulate`` and this dialog: fixed, list in turn, random walk, sine, ramp),
written ``STREAM=SPEC`` one a line. Each tick's datapoints go to the outbox
first (the window's ``add_rows``) and then out through the send controller
like any Send: when a send fails or is still running, they stay in the outbox
and go with the next tick's send (or when the running send ends).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
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
from gui.data.simulator import Simulation, parse_stream
from gui.data.store import StoreError
from gui.onenet.readings import Value, kind_of
from gui.ui.datapoints_model import Row


def spec_of(stream_id: str, value: Value) -> str:
    """The ``STREAM=fixed:VALUE`` line that sends `value` unchanged (numbers and text as typed, JSON as JSON)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"{stream_id}=fixed:{text}"


class TimedSendDialog(QDialog):
    """Send the streams of `streams_edit` every `every_spin` seconds, `count_spin` times (0: until stopped).

    `add_rows(rows)` puts a tick's rows in the outbox and the editor (ValueError,
    StoreError or OSError refuse them: the timer pauses with the reason);
    `send()` starts a send of every unsent row; `busy()` is True while one runs.
    `tick()` is the timer's slot (tests call it, or set a short interval).
    `ticked(n)` after each tick (n: ticks so far); `counter_label` and
    `next_label` show them. `at` of each datapoint: the moment of the tick
    (whole seconds, UTC, each later than the last) unless `at_check` is off.
    """

    ticked = Signal(int)

    def __init__(
        self,
        streams: Sequence[tuple[str, Value]],
        add_rows: Callable[[list[Row]], int],
        send: Callable[[], None],
        busy: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send on a timer"))
        self._add_rows, self._send, self._busy = add_rows, send, busy
        self.simulation: Simulation | None = None
        self._behind = False  # a tick came while a send ran: send again when it ends
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)

        self.streams_edit = QPlainTextEdit("\n".join(spec_of(s, v) for s, v in streams))
        self.streams_edit.setPlaceholderText("temperature=walk:20..25")
        self.streams_edit.setToolTip(
            self.tr(
                "One stream a line, STREAM=VALUES: 21.5 (fixed), list:20,21,22 (in turn), walk:20..25 (random walk "
                "within the bounds, step /0.5), sine:20..25/60s, ramp:0..100/5"
            )
        )
        self.every_spin = QDoubleSpinBox(minimum=0.1, maximum=86400.0, value=10.0, decimals=1, suffix=" s")
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
        form = QFormLayout()
        form.addRow(self.tr("Streams:"), self.streams_edit)
        form.addRow(self.tr("Every:"), self.every_spin)
        form.addRow(self.tr("Times:"), self.count_spin)
        form.addRow("", self.at_check)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        for label in (self.counter_label, self.next_label, self.message_label):
            layout.addWidget(label)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.stop_button.clicked.connect(self.stop)
        self._update()

    @property
    def ticks(self) -> int:
        return self.simulation.ticks if self.simulation is not None else 0

    def start(self) -> bool:
        """Start (or resume after a pause); False with the reason shown if a line cannot be read."""
        if self.simulation is None:
            every = self.every_spin.value()
            try:
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
            self._add_rows(rows)
        except (ValueError, StoreError, OSError) as exc:
            self.timer.stop()
            self.message_label.setText(self.tr("Paused: {why}").format(why=i18n.why(exc)))
            self._update()
            return
        if self._busy():
            self._behind = True  # they go when the running send ends
        else:
            self._send()
        count = self.count_spin.value()
        if count and simulation.ticks >= count:
            self.timer.stop()
        self._update()
        self.ticked.emit(simulation.ticks)

    def on_send_finished(self, ok: bool) -> None:
        """The window's send ended: send what ticks added meanwhile (after a failure the next tick retries)."""
        if self._behind and ok and not self._busy():
            self._behind = False
            self._send()

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
        for widget in (self.streams_edit, self.every_spin, self.at_check):
            widget.setEnabled(self.simulation is None)
