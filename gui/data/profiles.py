"""Device profiles: named targets of either platform, kept in a settings file; their keys in the OS keyring.

A profile is a name and a target (`gui.data.target.Target`): the legacy api-key platform
(endpoint, device id) or the current thing-model platform (device endpoint, product id,
device name; the application side's endpoint for the thing model and read-back). Its keys
are never in the file: the api-key or device key is kept in the OS keyring under the
profile (`SecretStore` entry `profile:<name>`), the product access key (optional: the
thing model and read-back need it) under `profile:<name>:access`.

Where: `profiles.json` in the data directory (`gui.data.paths.data_dir`, moved with
`ONENET_UPLOADER_DATA_DIR`), written whole (`written_whole`), because the command line
(`send`, `outbox send`, `verify` with `--profile NAME`) reads the window's profiles and
imports no Qt, so it cannot read QSettings. The file holds the profiles and the name of
the one last used.

Built-in profiles (`ProfileBook(builtin=...)`) are listed first, never stored, changed or
deleted, and carry their keys: the sandbox's, one per platform (`gui.sandbox.profiles`:
its legacy device, the demo thing-model device), whose target is the window's embedded
sandbox (`SANDBOX_ENDPOINT`), which only the window runs. No Qt here (nor the sandbox).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from gui.data.paths import data_dir, ensure_dir, written_whole
from gui.data.target import Platform, Target
from gui.onenet.client import DEFAULT_ENDPOINT, ConfigError
from gui.onenet.thing_client import APP_ENDPOINT, DEVICE_ENDPOINT
from gui.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "PROFILES_FILE",
    "Profile",
    "ProfileBook",
    "ProfileError",
    "Profiles",
]

#: The file in the data directory that keeps the profiles (no keys).
PROFILES_FILE = "profiles.json"
_FORMAT = 1
_MAX_NAME = 80


class ProfileError(ValueError):
    """A profile name that cannot be used (empty, taken, built in), or a profiles file that cannot be read.

    `text` says why as a Message (context "profiles"), shown in the reader's language; str() is English.
    """

    def __init__(self, message: Message | str) -> None:
        self.text = message if isinstance(message, Message) else Message.verbatim(message)
        super().__init__(str(self.text))


def _why(code: str, source: str, **args: object) -> ProfileError:
    return ProfileError(Message(code, "profiles", source, args))


class _Secrets(Protocol):
    def get(self, device_id: str) -> str | None: ...
    def set(self, device_id: str, api_key: str) -> bool: ...
    def delete(self, device_id: str) -> None: ...


@dataclass(frozen=True)
class Profile:
    """A named target. Legacy: `endpoint` and `device_id`. Current: `endpoint` (device side),
    `product_id`, `device_name` and `app_endpoint` (thing model and read-back).

    `builtin` profiles are the sandbox's (see the module docstring): their keys are the
    sandbox's demo keys (`builtin_key`, `builtin_access_key`), not the keyring's.
    """

    name: str
    platform: Platform = Platform.DATAPOINTS
    endpoint: str = DEFAULT_ENDPOINT
    device_id: str = ""
    product_id: str = ""
    device_name: str = ""
    app_endpoint: str = APP_ENDPOINT
    builtin: bool = False
    builtin_key: str = ""
    builtin_access_key: str = ""

    @property
    def key_entry(self) -> str:
        """The keyring entry of its api-key (legacy) or device key (current)."""
        return f"profile:{self.name}"

    @property
    def access_entry(self) -> str:
        """The keyring entry of its product access key (current platform)."""
        return f"profile:{self.name}:access"

    def target(self) -> Target:
        """Its target, checked (`Target.of` / `Target.thing`); ConfigError when a field is missing or invalid."""
        if self.platform is Platform.THING:
            return Target.thing(self.endpoint, self.product_id, self.device_name)
        return Target.of(self.endpoint, self.device_id)

    def key(self, secrets: _Secrets) -> str:
        """Its api-key or device key ("" when none is saved)."""
        return self.builtin_key if self.builtin else (secrets.get(self.key_entry) or "")

    def access_key(self, secrets: _Secrets) -> str:
        """Its product access key ("" when none is saved; always "" on the legacy platform)."""
        if self.platform is not Platform.THING:
            return ""
        return self.builtin_access_key if self.builtin else (secrets.get(self.access_entry) or "")

    def describe(self) -> str:
        """One line for a list: `name: current thing model, device dev1 of product P at URL` (untranslated)."""
        return str(self.description())

    def description(self) -> Message:
        """`describe` for a person, translated where shown (code `profile`; `profile-incomplete`: it cannot send)."""
        try:
            where = self.target().text()
        except ConfigError as exc:
            where = Message(
                "profile-incomplete", "target", QT_TRANSLATE_NOOP("target", "incomplete ({why})"), {"why": exc.text}
            )
        return Message(
            "profile",
            "target",
            QT_TRANSLATE_NOOP("target", "{name}: {platform}, {where}"),
            {"name": self.name, "platform": self.platform.text(), "where": where},
        )

    def as_json(self) -> dict[str, Any]:
        """What the profiles file keeps of it (never a key)."""
        data = asdict(self)
        for field in ("builtin", "builtin_key", "builtin_access_key"):
            data.pop(field)
        data["platform"] = self.platform.value
        return data

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        """A profile read from the file; ProfileError when it is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            raise _why("no-name", QT_TRANSLATE_NOOP("profiles", "a profile without a name"))
        try:
            platform = Platform(data.get("platform", Platform.DATAPOINTS.value))
        except ValueError:
            raise _why(
                "unknown-platform",
                QT_TRANSLATE_NOOP("profiles", "profile {name} names an unknown platform"),
                name=repr(data["name"]),
            ) from None
        blank = _BLANK[platform]

        def text(key: str, default: str) -> str:
            value = data.get(key, default)
            return value if isinstance(value, str) else default

        return cls(
            data["name"],
            platform,
            endpoint=text("endpoint", blank.endpoint),
            device_id=text("device_id", ""),
            product_id=text("product_id", ""),
            device_name=text("device_name", ""),
            app_endpoint=text("app_endpoint", blank.app_endpoint),
        )


#: A new profile of each platform, before the user fills it in.
_BLANK = {
    Platform.DATAPOINTS: Profile("", Platform.DATAPOINTS, DEFAULT_ENDPOINT),
    Platform.THING: Profile("", Platform.THING, DEVICE_ENDPOINT),
}


@dataclass
class Profiles:
    """The saved profiles (in order), the name of the last one used ("" for none), the built-in ones."""

    saved: list[Profile]
    current: str = ""
    builtin: tuple[Profile, ...] = ()

    def all(self) -> list[Profile]:
        """The built-in profiles, then the saved ones."""
        return [*self.builtin, *self.saved]

    def find(self, name: str) -> Profile | None:
        """The profile of this name (built in or saved), or None."""
        return next((p for p in self.all() if p.name == name), None)

    def get(self, name: str) -> Profile:
        """The profile of this name; ProfileError naming the ones there are otherwise."""
        found = self.find(name)
        if found is None:
            names = ", ".join(repr(p.name) for p in self.all())
            raise _why(
                "no-such-profile",
                QT_TRANSLATE_NOOP("profiles", "no profile named {name} (there are: {names})"),
                name=repr(name),
                names=names,
            )
        return found


class ProfileBook:
    """Reads and changes the profiles file and the keys kept under each profile.

    `path` defaults to `data_dir() / PROFILES_FILE`; `secrets` is where keys go (a
    `gui.data.secrets.SecretStore`); `builtin` the profiles listed first that are not in
    the file. Every change is written at once, whole. Raises
    ProfileError for a name that is empty, too long, taken or built in, OSError when the
    file cannot be written.
    """

    def __init__(self, secrets: _Secrets, path: Path | None = None, builtin: Iterable[Profile] = ()) -> None:
        self.secrets = secrets
        self.path = path if path is not None else data_dir() / PROFILES_FILE
        self.builtin = tuple(builtin)

    def load(self) -> Profiles:
        """The profiles in the file (none when there is no file); ProfileError for a file that is not ours."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Profiles([], "", self.builtin)
        try:
            data = json.loads(text)
            saved = [Profile.from_json(item) for item in data["profiles"]]
            current = str(data.get("current", ""))
        except (ValueError, KeyError, TypeError) as exc:
            raise _why(
                "unreadable",
                QT_TRANSLATE_NOOP("profiles", "{path} cannot be read as profiles: {why}"),
                path=str(self.path),
                why=str(exc),
            ) from None
        return Profiles(saved, current, self.builtin)

    def _save(self, profiles: Profiles) -> None:
        ensure_dir(self.path.parent)
        data = {"format": _FORMAT, "current": profiles.current, "profiles": [p.as_json() for p in profiles.saved]}
        with written_whole(self.path) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)

    @staticmethod
    def _check_name(profiles: Profiles, name: str, *, allow: str | None = None) -> str:
        name = name.strip()
        if not name:
            raise _why("needs-name", QT_TRANSLATE_NOOP("profiles", "a profile needs a name"))
        if len(name) > _MAX_NAME or any(not c.isprintable() for c in name):
            raise _why(
                "name-too-long",
                QT_TRANSLATE_NOOP("profiles", "a profile name is at most {n} printable characters"),
                n=_MAX_NAME,
            )
        if name != allow and profiles.find(name) is not None:
            raise _why(
                "name-taken", QT_TRANSLATE_NOOP("profiles", "there is a profile named {name} already"), name=repr(name)
            )
        return name

    @staticmethod
    def _saved_index(profiles: Profiles, name: str) -> int:
        for index, profile in enumerate(profiles.saved):
            if profile.name == name:
                return index
        if profiles.find(name) is not None:
            raise _why(
                "built-in",
                QT_TRANSLATE_NOOP("profiles", "{name} is built in: it cannot be changed (duplicate it)"),
                name=repr(name),
            )
        raise _why("no-such-profile", QT_TRANSLATE_NOOP("profiles", "no profile named {name}"), name=repr(name))

    @staticmethod
    def blank(platform: Platform) -> Profile:
        """A new profile of `platform` with the platform's public endpoints, no name yet."""
        return _BLANK[platform]

    def save(self, profile: Profile, *, key: str | None = None, access_key: str | None = None) -> Profile:
        """Add `profile`, or replace the saved one of that name; keys given are saved under it ("" deletes)."""
        profiles = self.load()
        try:
            index = self._saved_index(profiles, profile.name)
        except ProfileError:
            index = -1
            profile = replace(profile, name=self._check_name(profiles, profile.name))
        if index >= 0:
            profiles.saved[index] = profile
        else:
            profiles.saved.append(profile)
        self._save(profiles)
        for entry, value in ((profile.key_entry, key), (profile.access_entry, access_key)):
            if value is not None:
                if value:
                    self.secrets.set(entry, value)
                else:
                    self.secrets.delete(entry)
        return profile

    def rename(self, old: str, new: str) -> Profile:
        """Rename a saved profile; its keys move with it."""
        profiles = self.load()
        index = self._saved_index(profiles, old)
        profile = replace(profiles.saved[index], name=self._check_name(profiles, new, allow=old))
        profiles.saved[index] = profile
        if profiles.current == old:
            profiles.current = profile.name
        self._save(profiles)
        self._move_keys(replace(profile, name=old), profile)
        return profile

    def duplicate(self, name: str, new: str) -> Profile:
        """A saved copy of any profile (a built-in one too) under `new`, with copies of its keys."""
        profiles = self.load()
        source = profiles.get(name)
        copy = replace(
            source, name=self._check_name(profiles, new), builtin=False, builtin_key="", builtin_access_key=""
        )
        profiles.saved.append(copy)
        self._save(profiles)
        key, access = source.key(self.secrets), source.access_key(self.secrets)
        if key:
            self.secrets.set(copy.key_entry, key)
        if access:
            self.secrets.set(copy.access_entry, access)
        return copy

    def delete(self, name: str) -> None:
        """Delete a saved profile and its keys (a built-in one cannot be)."""
        profiles = self.load()
        index = self._saved_index(profiles, name)
        gone = profiles.saved.pop(index)
        if profiles.current == name:
            profiles.current = ""
        self._save(profiles)
        self.secrets.delete(gone.key_entry)
        self.secrets.delete(gone.access_entry)

    def set_current(self, name: str) -> None:
        """Remember `name` as the profile last used (it must exist; "" for none: the connection typed)."""
        profiles = self.load()
        if name:
            profiles.get(name)
        profiles.current = name
        self._save(profiles)

    def _move_keys(self, old: Profile, new: Profile) -> None:
        for old_entry, new_entry in ((old.key_entry, new.key_entry), (old.access_entry, new.access_entry)):
            value = self.secrets.get(old_entry)
            if value:
                self.secrets.set(new_entry, value)
                self.secrets.delete(old_entry)

    def for_target(self, target: Target) -> Iterable[Profile]:
        """The profiles (built in or saved) whose target is `target` (the keys of rows queued there)."""
        for profile in self.load().all():
            try:
                if profile.target() == target:
                    yield profile
            except ConfigError:
                continue
