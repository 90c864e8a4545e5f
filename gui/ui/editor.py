"""The Datapoints box: the add form (datastream, value, at, zone), the table of rows, and the issues under it."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.store import StoreError
from gui.onenet.readings import (
    Datapoint,
    MistypedNumber,
    NumberOutOfRange,
    RepeatedKey,
    Value,
    ValueKind,
    format_value,
    mistyped_number,
    parse_number,
    parse_value,
)
from gui.onenet.validation import BrokenJson, Severity, broken_json
from gui.onenet.zones import Zone, ZoneError, parse_zone
from gui.ui.at_edit import DISPLAY_FORMAT, AtEdit, ZoneCombo
from gui.ui.colours import set_style
from gui.ui.connection_panel import buddy_label
from gui.ui.datapoints_model import DatapointsModel
from gui.ui.outgoing import Outgoing
from gui.ui.settings import Settings
from gui.ui.tables import row_table, text_width

#: Issues listed under the table at most (a million-row upload may have a million).
MAX_LISTED_ISSUES = 200


class HintLabel(QLabel):
    """A word-wrapped message that keeps two lines' height whatever it says (more only for a longer one), so
    the rows under it stay put as hints come and go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # narrower: a message may need a third line
            self._fit()

    def _fit(self) -> None:
        two_lines = 2 * self.fontMetrics().lineSpacing()
        self.setFixedHeight(max(two_lines, self.heightForWidth(self.width()) if self.text() else 0))


class DatapointEditor(QGroupBox):
    """The rows of the upload: typed in the add form or imported, edited in the table (`model`, the outbox's view).

    `zoneChanged(tzinfo, name)` when the user picks another display zone (the
    window passes it to the other panels); `message(text, error)` for the status
    bar. `remove_action` (Delete) removes the selected rows.
    """

    TIME_NOW, TIME_CHOSEN, TIME_NONE = range(3)

    zoneChanged = Signal(object, str)
    message = Signal(str, bool)

    def __init__(
        self, model: DatapointsModel, settings: Settings, remove_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Datapoints"), parent)
        self.model = model
        self.settings = settings

        self.stream_combo = QComboBox(editable=True)
        self.stream_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        stream_line = self.stream_combo.lineEdit()
        assert stream_line is not None
        stream_line.setPlaceholderText(self.tr("datastream id, e.g. temperature"))
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr('84, 23.001, text or {"x": 1}'))
        self.kind_combo = QComboBox()
        for kind, label in (
            (ValueKind.AUTO, self.tr("Auto")),
            (ValueKind.NUMBER, self.tr("Number")),
            (ValueKind.TEXT, self.tr("Text")),
            (ValueKind.JSON, self.tr("JSON object")),
        ):
            self.kind_combo.addItem(label, kind)
        self.time_combo = QComboBox()
        self.time_combo.addItems([self.tr("Now"), self.tr("Chosen time"), self.tr("No at (platform stamps it)")])
        self.time_combo.setToolTip(
            self.tr("'Now' stamps the reading when you add it, so sending it twice stores it once.")
        )
        self.at_edit = AtEdit()
        self.at_edit.setEnabled(False)
        self.zone_combo = ZoneCombo(self.tr("Times are typed and shown in this zone; they are sent in UTC+8"))
        self._said_error = False  # the last message was an error (a later success clears it from the status bar)
        self._chosen_text = ""  # the chosen time as typed, kept while "Now" or "No at" is picked
        self._now_timer = QTimer(self, singleShot=True)  # the greyed "Now" shows the current time
        self.no_at_label = QLabel(
            self.tr(
                "⚠ Without at the platform stamps it on arrival: if a send gets no clear answer, "
                "sending it again may store it twice."
            )
        )
        self.no_at_label.setWordWrap(True)
        set_style(self.no_at_label, "color: $warning;")
        self.no_at_label.hide()
        # Why the at typed cannot be added, whole and wrapped: the status bar's one line cut it at the window's edge.
        self.at_message = QLabel()
        self.at_message.setWordWrap(True)
        set_style(self.at_message, "color: $error;")
        self.at_message.hide()
        self.add_button = QPushButton(self.tr("&Add datapoint"))
        self.value_message = HintLabel()

        add_form = QFormLayout()
        add_form.addRow(self.tr("Data&stream:"), self.stream_combo)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.kind_combo)
        add_form.addRow(buddy_label(self.tr("&Value:"), self.value_edit), value_row)
        add_form.addRow("", self.value_message)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_combo)
        time_row.addWidget(self.at_edit, 1)
        add_form.addRow(buddy_label(self.tr("a&t:"), self.time_combo), time_row)
        add_form.addRow("", self.at_message)
        add_form.addRow("", self.no_at_label)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.zone_combo, 1)
        zone_row.addWidget(self.add_button)
        add_form.addRow(buddy_label(self.tr("Time &zone:"), self.zone_combo), zone_row)
        add_form.addRow("", self.zone_combo.reason_label)

        widths = {  # the datastream column takes the rest; long ids and values are cut in the middle
            model.AT: text_width(self, "0000-00-00 00:00:00"),
            model.VALUE: text_width(self, "-1234.567", self.tr("Value")),
            model.KIND: text_width(self, "number", self.tr("Kind")),
            model.STATUS: text_width(self, self.tr("sending…"), self.tr("not sent"), self.tr("Status")),
        }
        self.table = row_table(
            model,
            [widths.get(column, 0) for column in range(model.columnCount())],
            stretch=model.STREAM,
            elide_middle=(model.STREAM, model.VALUE),
        )
        self._value_width = widths[model.VALUE]
        self.table.viewport().installEventFilter(self)  # narrow: the Value column gives room first (_fit_columns)
        self.table.addAction(remove_action)
        self.issues_list = QListWidget()
        self.issues_list.setMaximumHeight(110)
        self.issues_list.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(add_form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.issues_list)

        self.value_edit.textChanged.connect(self.check_value)
        self.value_edit.returnPressed.connect(self.add_datapoint)
        self.kind_combo.currentIndexChanged.connect(self.check_value)
        self.time_combo.currentIndexChanged.connect(self._on_time_combo_changed)
        self.at_edit.changed.connect(self._on_at_edit_changed)
        self.zone_combo.zoneChanged.connect(self._on_zone_combo_zoneChanged)
        self._now_timer.timeout.connect(self._show_now)
        self.add_button.clicked.connect(self.add_datapoint)
        self.model.editRejected.connect(self._on_model_editRejected)
        self.issues_list.itemActivated.connect(self._on_issues_list_itemActivated)
        self.issues_list.itemClicked.connect(self._on_issues_list_itemActivated)
        remove_action.triggered.connect(self.remove_selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Narrow (a 1024 px window), the Value column gives up room first, down to its heading's width (its text
        is cut in the middle, whole in its tooltip), so the datastream column keeps room for its heading: it
        had the few pixels left beside the fixed columns ("te…re", the heading cut)."""
        model, header = self.model, self.table.horizontalHeader()
        fixed = sum(
            header.sectionSize(column)
            for column in range(model.columnCount())
            if column not in (model.STREAM, model.VALUE) and not header.isSectionHidden(column)
        )
        rest = self.table.viewport().width() - fixed  # for the two: the datastream at least its heading or half
        room = rest - max(header.sectionSizeHint(model.STREAM), rest // 2)
        width = max(header.sectionSizeHint(model.VALUE), min(self._value_width, room))
        if header.sectionSize(model.VALUE) != width:
            self.table.setColumnWidth(model.VALUE, width)

    def restore(self) -> None:
        """Show the remembered datastreams and zone (UTC if the remembered one is not a zone here)."""
        self.stream_combo.addItems(self.settings.streams)
        self.stream_combo.setCurrentText(self.settings.streams[0] if self.settings.streams else "")
        remembered = self.settings.time_zone
        try:
            zone = parse_zone(remembered).name
        except ZoneError as exc:
            zone = "UTC"
            self._say(
                self.tr("The remembered time zone is not used: {why} Times are shown in UTC.").format(
                    why=self.zone_combo.reason(exc)
                ),
                error=True,
            )
        self.set_zone(zone)
        self._on_time_combo_changed(self.time_combo.currentIndex())
        self.check_value()

    def set_zone(self, text: str) -> None:
        """Type `text` into the zone box (`Asia/Shanghai`, `UTC+8`): used when it is a zone, else said beside it."""
        self.zone_combo.setCurrentText(text)
        zone = self.zone_combo.zone
        if zone is not None and self.settings.time_zone != zone.name:  # the box held this text already
            self._on_zone_combo_zoneChanged(zone)

    def _say(self, text: str, error: bool = False) -> None:
        self._said_error = error
        self.message.emit(text, error)

    @property
    def display_tz(self) -> tzinfo:
        """The zone the user types and reads times in."""
        return self.model.display_tz

    def _on_zone_combo_zoneChanged(self, zone: Zone) -> None:
        """Show and read times in `zone` from now on; nothing typed is converted or replaced."""
        self.model.set_display_tz(zone.tz, zone.name)
        self.at_edit.set_zone_tip(self.tr("In {zone}").format(zone=zone.name))
        self.settings.time_zone = zone.name
        if self.time_combo.currentIndex() == self.TIME_NOW:
            self._show_now()
        self.zoneChanged.emit(zone.tz, zone.name)

    def _on_time_combo_changed(self, index: int) -> None:
        chosen = index == self.TIME_CHOSEN
        if self.at_edit.isEnabled() and not chosen:
            self._chosen_text = self.at_edit.line.text()
        self.at_edit.setEnabled(chosen)
        self.no_at_label.setVisible(index == self.TIME_NONE)
        if index == self.TIME_NOW:
            self._show_now()
            return
        self._now_timer.stop()
        if chosen:
            if self._chosen_text:
                self.at_edit.line.setText(self._chosen_text)
            elif not self.at_edit.line.text():
                self.at_edit.set_value(datetime.now(self.display_tz))
        else:
            self.at_edit.line.clear()

    def _check_at(self) -> datetime | None:
        """The chosen at, aware; None with why shown under the field (whole: it may name two offsets to type)."""
        try:
            at = self.at_edit.value(self.display_tz)
        except ValueError as exc:
            self.at_message.setText(self.tr("The at cannot be read: {why}").format(why=i18n.why(exc)))
            self.at_message.show()
            return None
        self.at_message.hide()
        return at

    def _on_at_edit_changed(self) -> None:
        """While a refusal shows under the field, it follows the text: gone once the text reads, or says why not."""
        if not self.at_message.isHidden():
            if self.time_combo.currentIndex() == self.TIME_CHOSEN:
                self._check_at()
            else:
                self.at_message.hide()

    def _show_now(self) -> None:
        """The greyed field of "Now": the current time in the display zone, renewed as each second starts."""
        now = datetime.now(self.display_tz)
        self.at_edit.line.setText(now.strftime(DISPLAY_FORMAT))
        self._now_timer.start(1000 - now.microsecond // 1000)

    def _current_kind(self) -> ValueKind:
        kind = self.kind_combo.currentData()
        return kind if isinstance(kind, ValueKind) else ValueKind.AUTO

    def check_value(self) -> bool:
        """Check the value as it is typed; True when it can be added as it stands."""
        text = self.value_edit.text()
        kind = self._current_kind()
        ok, message, colour = True, "", "muted"
        if not text and kind is not ValueKind.TEXT:
            ok = False
        else:
            try:
                value = parse_value(text, kind)
            except RepeatedKey as exc:  # an object, but which value of the key is meant?
                ok, message, colour = False, i18n.render(exc.text), "error"
            except ValueError as exc:
                broken = broken_json(text) if kind is ValueKind.JSON else None  # json's reason, in our words
                reason = i18n.why(exc) if isinstance(exc, NumberOutOfRange) else str(exc)
                ok, message, colour = False, self._broken_json(broken) if broken else reason, "error"
                hint = mistyped_number(text) if kind is ValueKind.NUMBER else None
                if hint is not None and hint.numbers:
                    message += " — " + self.tr("did you mean {number}?").format(number=self._numbers_meant(hint))
            else:
                broken = broken_json(text) if isinstance(value, str) else None
                if broken is not None and kind is ValueKind.AUTO:  # never added as text without asking for text
                    ok, colour = False, "error"
                    message = self.tr("{why}. To add it as text, set the kind to Text.").format(
                        why=self._broken_json(broken)
                    )
                elif broken is not None:
                    message = self.tr("Text: {why}; it is sent as this text, not as an object.").format(
                        why=self._broken_json(broken)
                    )
                    colour = "warning"
                elif kind is ValueKind.AUTO and (out := self._out_of_range(text)) is not None:
                    ok, colour = False, "error"  # a number the importer refuses too: never text without asking
                    message = self.tr("{why}. To add it as text, set the kind to Text.").format(why=i18n.why(out))
                elif kind is ValueKind.AUTO:
                    message, colour = self._read_as(text, value)
        self.value_message.setText(message)
        set_style(self.value_message, f"color: ${colour};")
        self.add_button.setEnabled(ok)
        return ok

    @staticmethod
    def _out_of_range(text: str) -> NumberOutOfRange | None:
        """The reason `text` is a number a double cannot hold as written (`1e309`, `1e-400`: `parse_number`)."""
        try:
            parse_number(text)
        except NumberOutOfRange as exc:
            return exc
        except ValueError:
            pass
        return None

    def _read_as(self, text: str, value: Value) -> tuple[str, str]:
        """How Auto read `text`, in words, and the colour to say it in: a text that looks like a mistyped number
        gets a visible hint with the number probably meant (the value stays the text; the user decides)."""
        if isinstance(value, dict):
            return self.tr("Read as a JSON object"), "muted"
        if not isinstance(value, str):
            if not text.isascii():  # `２１．５` from an input method in full-width mode: say what is sent
                return self.tr("Read as the number {number} (full-width characters read as half-width)").format(
                    number=format_value(value)
                ), "muted"
            return self.tr("Read as a number"), "muted"
        hint = mistyped_number(text)
        if hint is None:
            return self.tr("Read as text"), "muted"
        if not hint.numbers and hint.why is not None:  # `nan`, `inf`: no number meant
            return self.tr("Read as text: {why}").format(why=i18n.render(hint.why)), "warning"
        why = {
            "comma": self.tr("A number takes a decimal point, not a comma."),
            "thousands": self.tr("A number is typed without thousands separators."),
            "comma or thousands": self.tr("A number takes a decimal point and no thousands separators."),
            "after": self.tr("'{extra}' after the number makes it text."),
            "letter": self.tr("'{extra}' before the number makes it text."),
            "minus": self.tr("A number's minus sign is '-', not '−'."),
        }.get(hint.cause, i18n.render(hint.why) + "." if hint.why is not None else "")
        message = self.tr("Read as text — did you mean {number}?").format(number=self._numbers_meant(hint))
        return f"{message} {why.format(extra=hint.extra)}".rstrip(), "warning"

    def _broken_json(self, broken: BrokenJson) -> str:
        """The value line's words for `broken`: `Not valid JSON: Expecting value (line 1, column 15)` (json's own)."""
        if broken.line:
            return self.tr("Not valid JSON: {what} (line {line}, column {column})").format(
                what=broken.what, line=broken.line, column=broken.column
            )
        return self.tr("Not valid JSON: {what}").format(what=broken.what)

    def _numbers_meant(self, hint: MistypedNumber) -> str:
        """`150.2`, or `1.000 or 1000`."""
        return self.tr(" or ").join(hint.numbers)

    def add_datapoint(self) -> bool:
        """Add the datapoint of the form to the table; False (with a message) when it cannot be."""
        stream_id = self.stream_combo.currentText().strip()
        if not stream_id:
            self._say(self.tr("Type a datastream id first."), error=True)
            self.stream_combo.setFocus()
            return False
        if not self.check_value():  # why is said under the value, whole (the status bar's one line cut it)
            said = self.value_message.text()
            self._say(
                self.tr("The value cannot be read: see the message under it.")
                if said
                else self.tr("Type a value first."),
                error=True,
            )
            self.value_edit.setFocus()
            return False
        kind = self._current_kind()
        value = parse_value(self.value_edit.text(), kind)
        mode = self.time_combo.currentIndex()
        at: datetime | None
        if mode == self.TIME_NOW:
            at = datetime.now(UTC).replace(microsecond=0)
        elif mode == self.TIME_CHOSEN:
            if self.zone_combo.problem is not None:  # the time would be read in a zone other than the one typed
                self._say(self.tr("The at cannot be read: see the message under the time zone."), error=True)
                self.zone_combo.setFocus()
                return False
            at = self._check_at()
            if at is None:  # not a time, or one the clocks skipped or repeated in that zone (`localize`)
                self._say(self.tr("The at cannot be read: see the message under it."), error=True)
                self.at_edit.line.setFocus()
                return False
        else:
            at = None
        try:
            row = self.model.append(stream_id, Datapoint(value, at), kind)
        except (StoreError, ValueError, OSError) as exc:
            self._say(self.tr("The datapoint could not be saved: {why}").format(why=i18n.why(exc)), error=True)
            return False
        self.table.scrollTo(self.model.index(row, 0))
        if self._said_error:  # an earlier attempt's error no longer holds
            self._say("")
        self._remember_stream(stream_id)
        self.value_edit.clear()
        self.value_edit.setFocus()
        return True

    def _remember_stream(self, stream_id: str) -> None:
        streams = [stream_id] + [s for s in self.settings.streams if s != stream_id]
        self.settings.streams = streams[:50]
        if self.stream_combo.findText(stream_id) < 0:
            self.stream_combo.addItem(stream_id)
        self.stream_combo.setCurrentText(stream_id)

    def remove_selected(self) -> None:
        """Remove the selected rows of the table (sent ones stay on record in the history)."""
        try:
            self.model.remove_rows([index.row() for index in self.table.selectionModel().selectedRows()])
        except StoreError as exc:
            self._say(self.tr("Not removed: {why}").format(why=i18n.why(exc)), error=True)

    def _on_model_editRejected(self, row: int, column: int, reason: str) -> None:
        name = self.model.headerData(column, Qt.Orientation.Horizontal)
        self._say(self.tr("Row {row}, {column}: not changed: {why}").format(row=row + 1, column=name, why=reason), True)

    def _on_issues_list_itemActivated(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, int) and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def offer_identifiers(self, identifiers: list[str]) -> None:
        """Offer a thing model's property identifiers in the datastream box (the current platform's datastreams)."""
        for identifier in identifiers:
            if self.stream_combo.findText(identifier) < 0:
                self.stream_combo.addItem(identifier)
        self.stream_combo.setToolTip(
            self.tr("On the current platform a datastream is a property of the thing model: {ids}").format(
                ids=", ".join(identifiers)
            )
        )

    def show_issues(self, out: Outgoing) -> None:
        """List the issues of the upload (at most MAX_LISTED_ISSUES), each pointing at its row."""
        self.issues_list.clear()
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        starts = [0]
        for stream in out.readings.datastreams:
            starts.append(starts[-1] + len(stream.datapoints))
        for issue in out.issues[:MAX_LISTED_ISSUES]:
            row = out.rows[starts[issue.stream_index] + issue.point_index] if issue.point_index is not None else None
            prefix = self.tr("Error") if issue.severity is Severity.ERROR else self.tr("Warning")
            text = f"{prefix}: {i18n.render(issue.text)}"
            if row is not None:
                text += self.tr(" (row {row})").format(row=row + 1)
            item = QListWidgetItem(icons[issue.severity], text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.issues_list.addItem(item)
        if len(out.issues) > MAX_LISTED_ISSUES:
            self.issues_list.addItem(
                self.tr("… and {n} more issues ({errors} errors in all).").format(
                    n=f"{len(out.issues) - MAX_LISTED_ISSUES:,}", errors=f"{len(out.errors):,}"
                )
            )
        self.issues_list.setVisible(bool(out.issues))
