"""The Connection box: endpoint, device id, api-key (kept in the keyring), and the local sandbox switch."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import i18n
from gui.data.logs import register_secret
from gui.data.secrets import SecretStore
from gui.data.target import SANDBOX_ENDPOINT, Target
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, is_cleartext
from gui.ui.colours import set_style
from gui.ui.settings import Settings
from gui.ui.workers import Task

if TYPE_CHECKING:
    from gui.sandbox import Sandbox

SandboxFactory = Callable[[], "Sandbox"]


def default_sandbox() -> Sandbox:
    """An embedded sandbox on a free loopback port with the demo device."""
    from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID, Sandbox

    return Sandbox({DEFAULT_DEVICE_ID: DEFAULT_API_KEY}).start()


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose `&` mnemonic focuses `buddy` (QLabel shows `&` literally without one)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class ConnectionPanel(QGroupBox):
    """Where requests go: `endpoint_edit`, `device_edit`, `key_edit` (masked unless revealed), `sandbox_check`.

    `changed` fires on every edit of the three fields; `revealToggled(bool)` when
    the api-key is shown or masked. The sandbox (made by `sandbox_factory` on
    first use) replaces the fields while checked; unchecking gives back what was
    typed. The api-key goes to `secrets` (the system keyring) only on a send
    (`remember`), never to the settings file. `stop_sandbox()` at close.
    `targetCommitted` fires when the target may have changed; `waiting_bar` (keep, move,
    discard) asks about the rows of the previous one, filled and answered by the window.
    """

    changed = Signal()
    #: The target may have changed (the endpoint or device field was left, the sandbox box toggled).
    targetCommitted = Signal()
    revealToggled = Signal(bool)
    sandboxChanged = Signal()  # the sandbox was started, stopped, or switched on or off

    def __init__(
        self, settings: Settings, secrets: SecretStore, sandbox_factory: SandboxFactory, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Connection"), parent)
        self.settings = settings
        self.secrets = secrets
        self._sandbox_factory = sandbox_factory
        self.sandbox: Sandbox | None = None
        self._real_connection = (settings.endpoint, settings.device_id, "")
        self._key_pending: str | None = None  # the device whose key waits for the keyring to load (`load_key`)
        self._keyring_task: Task | None = None

        self.endpoint_edit = QLineEdit()
        self.endpoint_edit.setPlaceholderText(DEFAULT_ENDPOINT)
        self.device_edit = QLineEdit()
        self.device_edit.setPlaceholderText(self.tr("e.g. 4093215"))
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("api-key of the device or product"))
        self.reveal_button = QToolButton()
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Show the api-key here and in the preview"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.reveal_button)
        self.sandbox_check = QCheckBox(self.tr("Use the local sandbox (no account needed)"))
        self.cleartext_label = QLabel(self.tr("⚠ Plain http sends the api-key in clear text. Use https."))
        set_style(self.cleartext_label, "color: $warning;")
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        set_style(self.keyring_label, "color: $muted;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Endpoint:"), self.endpoint_edit)
        form.addRow("", self.cleartext_label)
        form.addRow(self.tr("&Device id:"), self.device_edit)
        form.addRow(buddy_label(self.tr("api-&key:"), self.key_edit), key_row)
        form.addRow("", self.keyring_label)
        form.addRow("", self.sandbox_check)
        # Asks what to do with rows made for the previous target (the window fills and answers it).
        self.waiting_bar = QFrame()
        set_style(self.waiting_bar, "QFrame { background: $attention_bg; border-radius: 4px; }")
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("&Keep for their target"))
        self.keep_button.setToolTip(self.tr("They wait, and are sent when the connection names their target again"))
        self.move_button = QPushButton(self.tr("&Move to this target"))
        self.move_button.setToolTip(self.tr("Send them to the target the connection names now"))
        self.discard_button = QPushButton(self.tr("&Discard them"))
        waiting_layout = QVBoxLayout(self.waiting_bar)
        waiting_layout.addWidget(self.waiting_label)
        waiting_buttons = QHBoxLayout()
        waiting_buttons.addWidget(self.keep_button)
        waiting_buttons.addWidget(self.move_button)
        waiting_buttons.addWidget(self.discard_button)
        waiting_buttons.addStretch(1)
        waiting_layout.addLayout(waiting_buttons)
        self.waiting_bar.hide()
        form.addRow(self.waiting_bar)

        for edit in (self.endpoint_edit, self.device_edit, self.key_edit):
            edit.textChanged.connect(self.changed)
        self.endpoint_edit.textChanged.connect(self._on_endpoint_edit_textChanged)
        for edit in (self.endpoint_edit, self.device_edit):
            edit.editingFinished.connect(self.targetCommitted)
        self.device_edit.editingFinished.connect(self._on_device_edit_editingFinished)
        self.reveal_button.toggled.connect(self._on_reveal_button_toggled)
        self.sandbox_check.toggled.connect(self._on_sandbox_check_toggled)

    def restore(self) -> None:
        """Show the remembered endpoint and device, the device's api-key from the keyring, and the sandbox box.

        When the keyring is not loaded yet (`SecretStore.loaded`), the key waits for
        `load_key`, and the keyring line says it is being looked for.
        """
        self.endpoint_edit.setText(self.settings.endpoint)
        self.device_edit.setText(self.settings.device_id)
        if not self.secrets.loaded:
            self._key_pending = self.settings.device_id
            self.keyring_label.setText(self.tr("Looking for a saved api-key in the system keyring…"))
        else:
            stored_key = self.secrets.get(self.settings.device_id) if self.settings.device_id else None
            if stored_key:
                self.key_edit.setText(stored_key)
            self._update_keyring_label()
        if self.settings.use_sandbox:
            self.sandbox_check.setChecked(True)

    def load_key(self, pool: QThreadPool) -> None:
        """Load the keyring on `pool` and then show the remembered device's api-key (after the window's first paint).

        keyring's import and the OS's secret service take a while; meanwhile the window is
        usable. A key typed, or another device chosen, meanwhile is kept.
        """
        if self._key_pending is None:
            return
        device_id, secrets = self._key_pending, self.secrets

        def look_up(cancelled: Callable[[], bool]) -> tuple[str, str | None]:
            secrets.load()
            return device_id, secrets.get(device_id) if device_id else None

        self._keyring_task = Task(pool, self)
        self._keyring_task.start(look_up, result=self._on_key_loaded, error=self._on_key_loaded)

    def _on_key_loaded(self, found: tuple[str, str | None] | Exception) -> None:
        self._key_pending = None
        if isinstance(found, tuple):
            device_id, key = found
            unchanged = not self.key_edit.text() and self.device_edit.text() == device_id
            if key and unchanged and not self.sandbox_check.isChecked():
                self.key_edit.setText(key)
        self._update_keyring_label()

    @property
    def endpoint(self) -> str:
        """The endpoint typed (the default when empty)."""
        return self.endpoint_edit.text() or DEFAULT_ENDPOINT

    @property
    def device_id(self) -> str:
        return self.device_edit.text()

    def target(self) -> tuple[str, str]:
        """(endpoint, device id) as the outbox stores them: where a send would go now (the sandbox's as stored)."""
        current = self.current_target()
        return (current.endpoint, current.device_id) if current is not None else (self.endpoint, self.device_id)

    def real_connection(self) -> tuple[str, str]:
        """(endpoint, device id) of the real connection: the fields, or while the sandbox is used, those it hides."""
        if self.sandbox_check.isChecked():
            return self._real_connection[0], self._real_connection[1]
        return self.endpoint_edit.text(), self.device_id

    def current_target(self) -> Target | None:
        """The target new rows get and Send sends to: the sandbox's, or the fields' (None while incomplete)."""
        if self.sandbox_check.isChecked():
            return Target.sandbox(self.device_id)
        try:
            return Target.of(self.endpoint, self.device_id)
        except ConfigError:
            return None

    def commit_target(self) -> None:
        """The fields as typed now name the target (a send starts): `targetCommitted`, as leaving a field does."""
        self.targetCommitted.emit()

    def url_of(self, endpoint: str) -> str:
        """The URL requests for a target's `endpoint` go to: the running sandbox's for `SANDBOX_ENDPOINT`.

        ConfigError when that is the sandbox's and it does not run.
        """
        if endpoint != SANDBOX_ENDPOINT:
            return endpoint
        if self.sandbox is None:
            raise ConfigError("the local sandbox is not running: tick 'Use the local sandbox' to send its datapoints")
        return self.sandbox.url

    @property
    def api_key(self) -> str:
        return self.key_edit.text()

    @property
    def is_revealed(self) -> bool:
        """True while the api-key is shown in clear."""
        return self.reveal_button.isChecked()

    def make_client(self) -> tuple[OneNetClient | None, str]:
        """A client for the fields, or None and the reason."""
        try:
            client = OneNetClient(self.endpoint, self.device_id, self.api_key)
        except ConfigError as exc:
            return None, self.tr("Cannot build the request: {why}").format(why=i18n.why(exc))
        return client, ""

    def key_for(self, device_id: str) -> str:
        """The api-key for `device_id`: the form's for its own device, else the keyring's ("" if none)."""
        return self.api_key if device_id == self.device_id else (self.secrets.get(device_id) or "")

    def remember(self) -> None:
        """A send starts: mask the key in the logs; outside the sandbox keep the key and the connection."""
        register_secret(self.api_key)  # masked in the logs whatever quotes it
        if not self.sandbox_check.isChecked():
            self.secrets.set(self.device_id, self.api_key)
            self.settings.endpoint = self.endpoint
            self.settings.device_id = self.device_id
            self._update_keyring_label()

    def save(self) -> None:
        """The window closes: remember the connection typed (not the sandbox's) and the sandbox box."""
        self.settings.use_sandbox = self.sandbox_check.isChecked()
        if not self.sandbox_check.isChecked():
            self.settings.endpoint = self.endpoint
            self.settings.device_id = self.device_id

    @property
    def sandbox_in_use(self) -> bool:
        """True while requests go to the local sandbox (the check box is checked)."""
        return self.sandbox_check.isChecked()

    def listen_on(self, host: str) -> str:
        """Restart the sandbox on `host` (an address of this computer); "" or why it could not listen.

        On failure the sandbox goes back to loopback, so it never stays on an address by accident.
        """
        if self.sandbox is None:
            return self.tr("The sandbox is not running.")
        why = ""
        try:
            self.sandbox.listen_on(host)
        except (OSError, ValueError) as exc:
            why = self.tr("Cannot listen on {host}: {why}").format(host=host, why=i18n.why(exc))
            self.sandbox.listen_on("127.0.0.1")
        if self.sandbox_check.isChecked():
            self.endpoint_edit.setText(self.sandbox.url)
        self.sandboxChanged.emit()
        return why

    def stop_sandbox(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
            self.sandboxChanged.emit()

    def _on_endpoint_edit_textChanged(self, text: str) -> None:
        self.cleartext_label.setVisible(is_cleartext(text or DEFAULT_ENDPOINT))

    def _on_device_edit_editingFinished(self) -> None:
        if self.sandbox_check.isChecked() or self.key_edit.text():
            return
        stored = self.secrets.get(self.device_edit.text().strip())
        if stored:
            self.key_edit.setText(stored)

    def _on_reveal_button_toggled(self, revealed: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
        self.reveal_button.setText(self.tr("Hide") if revealed else self.tr("Show"))
        self.revealToggled.emit(revealed)

    def _update_keyring_label(self) -> None:
        if self._key_pending is not None and not self.sandbox_check.isChecked():
            return  # still "Looking for a saved api-key…"
        if self.sandbox_check.isChecked():
            self.keyring_label.setText(self.tr("Sandbox: a local test server on this computer; nothing leaves it."))
        elif self.secrets.available:
            self.keyring_label.setText(self.tr("The api-key is saved in the system keyring when you send."))
        else:
            self.keyring_label.setText(
                self.tr("No system keyring ({why}): the api-key is kept for this session only.").format(
                    why=self.secrets.last_error
                )
            )

    def _on_sandbox_check_toggled(self, on: bool) -> None:
        if on:
            from gui.sandbox import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

            self._real_connection = (self.endpoint_edit.text(), self.device_edit.text(), self.key_edit.text())
            if self.sandbox is None:
                self.sandbox = self._sandbox_factory()
            self.endpoint_edit.setText(self.sandbox.url)
            self.device_edit.setText(DEFAULT_DEVICE_ID)
            self.key_edit.setText(DEFAULT_API_KEY)
        else:
            endpoint, device, key = self._real_connection
            self.endpoint_edit.setText(endpoint)
            self.device_edit.setText(device)
            self.key_edit.setText(key)
        self.endpoint_edit.setReadOnly(on)
        self._update_keyring_label()
        self.sandboxChanged.emit()
        self.targetCommitted.emit()
