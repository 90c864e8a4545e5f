"""The Connection box: device profile, platform, endpoint, device, keys (kept in the keyring), the sandbox switch.

A profile (`gui.data.profiles`) names a target of either platform; the list switches, adds,
renames, duplicates and deletes them (the sandbox's two are built in), and the last one used
is remembered. Switching fills the fields and commits the target like leaving a field: rows
made for the previous target are never re-addressed (the window asks keep/move/discard).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from gui import i18n
from gui.data.logs import register_secret
from gui.data.profiles import Profile, ProfileBook, ProfileError, Profiles
from gui.data.secrets import SecretStore
from gui.data.target import SANDBOX_ENDPOINT, Platform, Target
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError, OneNetClient, is_cleartext
from gui.onenet.thing_client import APP_ENDPOINT, DEVICE_ENDPOINT, ThingClient, UploadClient
from gui.ui.colours import set_style
from gui.ui.device_field import DeviceField
from gui.ui.profile_menu import ProfileMenu
from gui.ui.settings import Settings
from gui.ui.waiting_bar import WaitingBar
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
        self._real_thing = ("", "", "")  # product id, device name, access key hidden by the sandbox
        self._app_endpoint = APP_ENDPOINT
        self._key_pending: str | None = None  # the device whose key waits for the keyring to load (`load_key`)
        self._profile_pending: Profile | None = None  # the remembered profile, its keys waiting likewise
        self._keyring_task: Task | None = None

        self.endpoint_edit = QLineEdit()
        self.endpoint_edit.setPlaceholderText(DEFAULT_ENDPOINT)
        self.device_field = DeviceField()  # says under the id how it was read (`４０９３２１５` is 4093215)
        self.device_edit = self.device_field.line
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
        from gui.sandbox.profiles import BUILT_IN

        self.profiles = ProfileBook(secrets, builtin=BUILT_IN)
        self.profiles_problem = ""  # why the profiles file could not be read when last loaded ("": it was)
        self.profile_combo = QComboBox()
        self.profile_combo.setToolTip(
            self.tr("Device profiles: a named target of either platform; its keys are kept in the system keyring")
        )
        self.profile_button = menu = ProfileMenu(
            lambda: self.profile_name,
            save=self.save_profile,
            add=self.add_profile,
            rename=self.rename_profile,
            duplicate=self.duplicate_profile,
            delete=self.delete_profile,
        )
        self.save_profile_action, self.add_profile_action = menu.save_profile_action, menu.add_profile_action
        self.rename_profile_action, self.delete_profile_action = menu.rename_profile_action, menu.delete_profile_action
        self.duplicate_profile_action = menu.duplicate_profile_action
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_combo, 3)
        self.platform_combo = QComboBox()
        self.platform_combo.setToolTip(self.tr("The platform the fields are for"))
        profile_row.addWidget(self.platform_combo, 2)
        profile_row.addWidget(self.profile_button)
        self.platform_combo.addItem(self.tr("Legacy api-key"), Platform.DATAPOINTS.value)
        self.platform_combo.addItem(self.tr("Thing model"), Platform.THING.value)
        self.platform_combo.setItemData(
            0, self.tr("The legacy platform: api.heclouds.com, device id and api-key"), Qt.ItemDataRole.ToolTipRole
        )
        self.platform_combo.setItemData(
            1,
            self.tr("The current platform: open.iot.10086.cn, product id, device name and a device key (token)"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.product_edit = QLineEdit()
        self.product_edit.setPlaceholderText(self.tr("e.g. DuE2rcXUKn"))
        self.device_name_edit = QLineEdit()
        self.device_name_edit.setPlaceholderText(self.tr("e.g. dev1"))
        self.access_key_edit = QLineEdit()
        self.access_key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.access_key_edit.setPlaceholderText(self.tr("optional: reads the thing model and verifies"))
        self.sandbox_check = QCheckBox(self.tr("Use the local sandbox (no account needed)"))
        self.cleartext_label = QLabel(self.tr("⚠ Plain http sends the api-key in clear text. Use https."))
        set_style(self.cleartext_label, "color: $warning;")
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        set_style(self.keyring_label, "color: $muted;")
        form = self.form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("Profile:"), self.profile_combo), profile_row)
        form.addRow(self.tr("&Endpoint:"), self.endpoint_edit)
        form.addRow("", self.cleartext_label)
        form.addRow(self.tr("&Device id:"), self.device_field)
        form.addRow(buddy_label(self.tr("Product id:"), self.product_edit), self.product_edit)
        form.addRow(buddy_label(self.tr("Device name:"), self.device_name_edit), self.device_name_edit)
        self.key_label = buddy_label(self.tr("api-&key:"), self.key_edit)
        form.addRow(self.key_label, key_row)
        form.addRow(buddy_label(self.tr("Access key:"), self.access_key_edit), self.access_key_edit)
        form.addRow("", self.keyring_label)
        form.addRow("", self.sandbox_check)
        # Asks what to do with rows made for the previous target (the window fills and answers it).
        self.waiting_bar = bar = WaitingBar(self)
        self.waiting_label, self.keep_button = bar.waiting_label, bar.keep_button
        self.move_button, self.discard_button = bar.move_button, bar.discard_button

        thing_edits = (self.product_edit, self.device_name_edit, self.access_key_edit)
        for edit in (self.endpoint_edit, self.device_edit, self.key_edit, *thing_edits):
            edit.textChanged.connect(self.changed)
        self.endpoint_edit.textChanged.connect(self._on_endpoint_edit_textChanged)
        for edit in (self.endpoint_edit, self.device_edit, self.product_edit, self.device_name_edit):
            edit.editingFinished.connect(self.targetCommitted)
        self.platform_combo.currentIndexChanged.connect(self._on_platform_combo_currentIndexChanged)
        self.profile_combo.activated.connect(self._on_profile_combo_activated)
        self._show_platform_rows()
        self.device_edit.editingFinished.connect(self._on_device_edit_editingFinished)
        self.reveal_button.toggled.connect(self._on_reveal_button_toggled)
        self.sandbox_check.toggled.connect(self._on_sandbox_check_toggled)

    def float_waiting_bar_over(self, host: QWidget) -> None:
        """Show the waiting question as a bar over the bottom of `host` (default: this panel), its full width."""
        self.waiting_bar.float_over(host)

    def restore(self) -> None:
        """Show the remembered endpoint and device, the device's api-key from the keyring, and the sandbox box.

        When the keyring is not loaded yet (`SecretStore.loaded`), the key waits for
        `load_key`, and the keyring line says it is being looked for. When a profile was
        used last, it is switched to (its fields now, its keys as the keyring gives them).
        """
        self.endpoint_edit.setText(self.settings.endpoint)
        self.device_edit.setText(self.settings.device_id)
        current = self._reload_profiles()
        if current is not None:
            keys_now = self.secrets.loaded or current.builtin
            if not keys_now:
                self._profile_pending = current  # before the fields: nothing may load the keyring now
            self._apply_profile(current, keys=keys_now)
            if not keys_now:
                self.keyring_label.setText(self.tr("Looking for the profile's keys in the system keyring…"))
            return
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
        if self._profile_pending is not None:
            profile, secrets = self._profile_pending, self.secrets

            def look_up_profile(cancelled: Callable[[], bool]) -> tuple[Profile, str, str]:
                secrets.load()
                return profile, profile.key(secrets), profile.access_key(secrets)

            self._keyring_task = Task(pool, self)
            self._keyring_task.start(
                look_up_profile, result=self._on_profile_keys_loaded, error=self._on_profile_keys_loaded
            )
            return
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

    def _on_profile_keys_loaded(self, found: tuple[Profile, str, str] | Exception) -> None:
        """The remembered profile's keys, once the keyring is loaded: filled unless typed or switched meanwhile."""
        self._profile_pending = None
        if isinstance(found, tuple):
            profile, key, access = found
            if self.profile_name == profile.name:
                if key and not self.key_edit.text():
                    self.key_edit.setText(key)
                if access and not self.access_key_edit.text():
                    self.access_key_edit.setText(access)
        self._update_keyring_label()

    # -- profiles ----------------------------------------------------------------------------

    @property
    def profile_name(self) -> str:
        """The profile in use ("" when the fields are no profile's)."""
        return str(self.profile_combo.currentData() or "")

    def _reload_profiles(self, select: str | None = None) -> Profile | None:
        """Fill the list (an unsaved connection, the built-in profiles, the saved ones) and select `select`.

        Without `select`, the profile last used. Returns the selected profile (None: unsaved).
        A profiles file that cannot be read leaves only the built-in ones, and says why.
        """
        try:
            profiles = self.profiles.load()
            problem = ""
        except ProfileError as exc:
            profiles = Profiles([], "", self.profiles.builtin)
            problem = i18n.why(exc)
        self.profiles_problem = problem  # said at start (gui.ui.startup_checks), where the label is soon replaced
        wanted = profiles.current if select is None else select
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("(no profile)"), "")
        builtin_names = {  # the built-in sandbox profiles, named in the user's language (data: their name)
            "Sandbox (api-key)": self.tr("Sandbox (api-key)"),
            "Sandbox (thing)": self.tr("Sandbox (thing)"),
        }
        for profile in profiles.all():
            shown = builtin_names.get(profile.name, profile.name) if profile.builtin else profile.name
            self.profile_combo.addItem(shown, profile.name)
            self.profile_combo.setItemData(
                self.profile_combo.count() - 1, i18n.render(profile.description()), Qt.ItemDataRole.ToolTipRole
            )
        index = self.profile_combo.findData(wanted) if wanted else 0
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)
        if problem:
            self.keyring_label.setText(self.tr("Profiles cannot be read: {why}").format(why=problem))
        builtin = profiles.find(self.profile_name)
        self.profile_button.enable_for(builtin)
        return builtin

    def _name_sandbox_profile(self) -> None:
        """Show the built-in sandbox profile of the platform while the sandbox box is ticked with no profile named.

        Ticking the box (or `--sandbox`) uses exactly that profile's connection, so the list
        says so instead of "(no profile)"; unticking it shows "(no profile)" again. Nothing
        is remembered: the profile last chosen stays the one used at the next start.
        """
        from gui.sandbox.profiles import BUILT_IN

        shown = self.profile_name
        builtins = {profile.name: profile for profile in BUILT_IN}
        if shown and shown not in builtins:
            return  # a profile of the user's (a copy of a sandbox one, or a real one)
        wanted = ""
        if self.sandbox_check.isChecked():
            wanted = next(profile.name for profile in BUILT_IN if profile.platform is self.platform)
        if wanted == shown:
            return
        index = self.profile_combo.findData(wanted)
        if index < 0:
            return
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.profile_button.enable_for(builtins.get(wanted))

    def switch_profile(self, name: str) -> str:
        """Use the profile `name` (fields, keys, sandbox) and remember it; "" or why not.

        The target is committed (`targetCommitted`): rows of the previous one are asked about,
        never re-addressed.
        """
        try:
            profile = self.profiles.load().get(name)
            self.profiles.set_current(name)
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        self._reload_profiles(name)
        self._apply_profile(profile)
        self.targetCommitted.emit()
        return ""

    def _apply_profile(self, profile: Profile, keys: bool = True) -> None:
        """Fill the fields from `profile` (the sandbox box for a built-in one); its keys too unless `keys` is False."""
        self.blockSignals(True)  # one targetCommitted, by the caller
        try:
            self.sandbox_check.setChecked(False)
            self.platform_combo.setCurrentIndex(self.platform_combo.findData(profile.platform.value))
            if profile.endpoint == SANDBOX_ENDPOINT:  # the sandbox's: its URL is where it runs now
                self.sandbox_check.setChecked(True)
                if not profile.builtin and keys:  # a copy: the keys saved under it
                    self.key_edit.setText(profile.key(self.secrets))
                    self.access_key_edit.setText(profile.access_key(self.secrets))
            else:
                self.endpoint_edit.setText(profile.endpoint)
                self.device_edit.setText(profile.device_id)
                self.product_edit.setText(profile.product_id)
                self.device_name_edit.setText(profile.device_name)
                self.key_edit.setText(profile.key(self.secrets) if keys else "")
                self.access_key_edit.setText(profile.access_key(self.secrets) if keys else "")
                self._app_endpoint = profile.app_endpoint
        finally:
            self.blockSignals(False)
        self._show_platform_rows()
        self._update_keyring_label()
        self.changed.emit()
        self.sandboxChanged.emit()

    def profile_of_fields(self, name: str) -> Profile:
        """A profile named `name` of what the fields say now (while the sandbox is used: a profile of the sandbox)."""
        endpoint = SANDBOX_ENDPOINT if self.sandbox_check.isChecked() else self.endpoint
        return Profile(
            name,
            self.platform,
            endpoint or (DEVICE_ENDPOINT if self.platform is Platform.THING else DEFAULT_ENDPOINT),
            device_id=self.device_id.strip() if self.platform is Platform.DATAPOINTS else "",
            product_id=self.product_edit.text().strip() if self.platform is Platform.THING else "",
            device_name=self.device_name_edit.text().strip() if self.platform is Platform.THING else "",
            app_endpoint=self._app_endpoint,
        )

    def add_profile(self, name: str) -> str:
        """Save the fields and keys as a new profile `name` and switch to it; "" or why not."""
        try:
            profile = self.profiles.save(
                self.profile_of_fields(name), key=self.api_key, access_key=self.access_key_edit.text()
            )
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        return self.switch_profile(profile.name)

    def save_profile(self) -> str:
        """Save the fields and keys to the profile in use (not a built-in one); "" or why not."""
        try:
            self.profiles.save(
                self.profile_of_fields(self.profile_name), key=self.api_key, access_key=self.access_key_edit.text()
            )
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        self._reload_profiles(self.profile_name)
        self.targetCommitted.emit()
        return ""

    def rename_profile(self, new: str) -> str:
        """Rename the profile in use; "" or why not."""
        try:
            profile = self.profiles.rename(self.profile_name, new)
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        self._reload_profiles(profile.name)
        return ""

    def duplicate_profile(self, new: str) -> str:
        """A copy of the profile in use (a built-in one too) under `new`, switched to; "" or why not."""
        try:
            profile = self.profiles.duplicate(self.profile_name, new)
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        return self.switch_profile(profile.name)

    def delete_profile(self) -> str:
        """Delete the profile in use and its keys; the fields stay (no profile). "" or why not."""
        try:
            self.profiles.delete(self.profile_name)
        except (ProfileError, OSError) as exc:
            return i18n.why(exc)
        self._reload_profiles("")
        return ""

    def _on_profile_combo_activated(self, index: int) -> None:
        name = str(self.profile_combo.itemData(index) or "")
        if name:
            self.profile_button.say(self.switch_profile(name))
        else:
            try:
                self.profiles.set_current("")  # the next start too uses the connection typed
            except (ProfileError, OSError) as exc:
                self.profile_button.say(str(exc))
            self._reload_profiles("")
            self.sandbox_check.setChecked(False)  # "(no profile)": the connection typed in the fields

    # -- the platform ------------------------------------------------------------------------

    @property
    def platform(self) -> Platform:
        """The platform the fields are for."""
        return Platform(self.platform_combo.currentData())

    def _show_platform_rows(self) -> None:
        thing = self.platform is Platform.THING
        self.form.setRowVisible(self.device_field, not thing)
        for edit in (self.product_edit, self.device_name_edit, self.access_key_edit):
            self.form.setRowVisible(edit, thing)
        self.key_label.setText(self.tr("Device &key:") if thing else self.tr("api-&key:"))
        self.key_edit.setPlaceholderText(
            self.tr("the device's key (设备密钥)") if thing else self.tr("api-key of the device or product")
        )
        self.endpoint_edit.setPlaceholderText(DEVICE_ENDPOINT if thing else DEFAULT_ENDPOINT)

    def _on_platform_combo_currentIndexChanged(self, _index: int) -> None:
        self._show_platform_rows()
        if self.sandbox_check.isChecked():
            self._fill_sandbox()
            self._name_sandbox_profile()
        self.changed.emit()
        self.targetCommitted.emit()

    @property
    def endpoint(self) -> str:
        """The endpoint typed (the platform's default when empty; the device side's for the current platform)."""
        return self.endpoint_edit.text() or (DEVICE_ENDPOINT if self.platform is Platform.THING else DEFAULT_ENDPOINT)

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
        endpoint = SANDBOX_ENDPOINT if self.sandbox_check.isChecked() else self.endpoint
        try:
            if self.platform is Platform.THING:
                return Target.thing(endpoint, self.product_edit.text(), self.device_name_edit.text())
            if self.sandbox_check.isChecked():
                return Target.sandbox(self.device_id)
            return Target.of(endpoint, self.device_id)
        except ConfigError:
            return None

    @property
    def access_key(self) -> str:
        """The product access key typed (current platform; "" when none)."""
        return self.access_key_edit.text() if self.platform is Platform.THING else ""

    @property
    def app_endpoint(self) -> str:
        """Where the thing model and read-back are asked (current platform): the sandbox's URL while it is used."""
        if self.sandbox_check.isChecked() and self.sandbox is not None:
            return self.sandbox.url
        return self._app_endpoint

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

    def make_client(self) -> tuple[UploadClient | None, str]:
        """A client for the fields (either platform's: a `ThingClient` for the current one), or None and the reason."""
        if self.platform is Platform.THING:
            try:
                target = self.current_target()
                if target is None:
                    Target.thing(self.endpoint, self.product_edit.text(), self.device_name_edit.text())  # says why
                    raise ConfigError("incomplete")
                url = self.url_of(target.endpoint)
                thing = ThingClient(
                    target.product_id,
                    target.device_name,
                    device_key=self.api_key or None,
                    access_key=self.access_key or None,
                    device_endpoint=url,
                    app_endpoint=self.app_endpoint,
                )
            except ConfigError as exc:
                return None, self.tr("Cannot build the request: {why}").format(why=exc)
            return thing, ""
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
        if self.access_key:
            register_secret(self.access_key)
        if not self.sandbox_check.isChecked() and self.platform is Platform.DATAPOINTS:
            self.secrets.set(self.device_id, self.api_key)
            self.settings.endpoint = self.endpoint
            self.settings.device_id = self.device_id
            self._update_keyring_label()

    def save(self) -> None:
        """The window closes: remember the connection typed (not the sandbox's) and the sandbox box."""
        self.settings.use_sandbox = self.sandbox_check.isChecked()
        if not self.sandbox_check.isChecked() and self.platform is Platform.DATAPOINTS:
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
        if (self._key_pending is not None or self._profile_pending is not None) and not self.sandbox_check.isChecked():
            return  # still "Looking for a saved api-key…"
        if self.sandbox_check.isChecked():
            self.keyring_label.setText(self.tr("Sandbox: a local test server on this computer; nothing leaves it."))
        elif self.secrets.available and self.platform is Platform.THING:
            self.keyring_label.setText(self.tr("The keys are kept in the system keyring with the profile (… menu)."))
        elif self.secrets.available:
            self.keyring_label.setText(self.tr("The api-key is saved in the system keyring when you send."))
        else:
            self.keyring_label.setText(
                self.tr("No system keyring ({why}): the api-key is kept for this session only.").format(
                    why=i18n.translate("secrets", self.secrets.last_error)  # its own words when not ours (an error's)
                )
            )

    def retranslate(self) -> None:
        """The keyring note in the language now in use (the window retranslates the static texts)."""
        self._update_keyring_label()

    def _fill_sandbox(self) -> None:
        """The sandbox's device and demo keys in the fields, for the platform chosen (`gui.sandbox.profiles`)."""
        from gui.sandbox.profiles import SANDBOX_LEGACY, SANDBOX_THING

        if self.sandbox is None:
            self.sandbox = self._sandbox_factory()
        self.endpoint_edit.setText(self.sandbox.url)
        self.device_edit.setText(SANDBOX_LEGACY.device_id)
        thing = self.platform is Platform.THING
        self.key_edit.setText(SANDBOX_THING.builtin_key if thing else SANDBOX_LEGACY.builtin_key)
        self.product_edit.setText(SANDBOX_THING.product_id)
        self.device_name_edit.setText(SANDBOX_THING.device_name)
        self.access_key_edit.setText(SANDBOX_THING.builtin_access_key)

    def _on_sandbox_check_toggled(self, on: bool) -> None:
        thing_edits = (self.product_edit, self.device_name_edit, self.access_key_edit)
        if on:
            self._real_connection = (self.endpoint_edit.text(), self.device_edit.text(), self.key_edit.text())
            self._real_thing = (self.product_edit.text(), self.device_name_edit.text(), self.access_key_edit.text())
            self._fill_sandbox()
        else:
            endpoint, device, key = self._real_connection
            self.endpoint_edit.setText(endpoint)
            self.device_edit.setText(device)
            self.key_edit.setText(key)
            for edit, text in zip(thing_edits, self._real_thing, strict=True):
                edit.setText(text)
        for edit in thing_edits[:2]:
            edit.setReadOnly(on)
        self.endpoint_edit.setReadOnly(on)
        self._name_sandbox_profile()
        self._update_keyring_label()
        self.sandboxChanged.emit()
        self.targetCommitted.emit()
