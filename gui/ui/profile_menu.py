"""The "…" button beside the device profiles: save the fields to the profile, add, rename, duplicate or delete one.

Each action asks what it needs (a name; for Delete, a yes) and calls the Connection box's operation, which
returns "" or why not (gui.data.profiles says why); a reason is shown in a warning (`say`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton, QWidget

from gui.data.profiles import Profile

#: An operation on the profiles: "" when done, else why not.
Operation = Callable[[], str]
NamedOperation = Callable[[str], str]


class ProfileMenu(QToolButton):
    """The button and its actions (`save_profile_action` … `delete_profile_action`), enabled by `enable_for`.

    `profile_name()` names the profile in use; `save`, `add`, `rename`, `duplicate` and `delete` do the work.
    """

    def __init__(
        self,
        profile_name: Callable[[], str],
        *,
        save: Operation,
        add: NamedOperation,
        rename: NamedOperation,
        duplicate: NamedOperation,
        delete: Operation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile_name = profile_name
        self._save, self._add, self._rename, self._duplicate, self._delete = save, add, rename, duplicate, delete
        self.setText(self.tr("…"))
        self.setToolTip(self.tr("Add, save, rename, duplicate or delete profiles"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.save_profile_action = menu.addAction(self.tr("&Save the fields to this profile"))
        self.add_profile_action = menu.addAction(self.tr("&Add a profile of the fields…"))
        self.rename_profile_action = menu.addAction(self.tr("&Rename…"))
        self.duplicate_profile_action = menu.addAction(self.tr("D&uplicate…"))
        self.delete_profile_action = menu.addAction(self.tr("&Delete"))
        self.setMenu(menu)
        self.save_profile_action.triggered.connect(self._on_save_profile_action_triggered)
        self.add_profile_action.triggered.connect(self._on_add_profile_action_triggered)
        self.rename_profile_action.triggered.connect(self._on_rename_profile_action_triggered)
        self.duplicate_profile_action.triggered.connect(self._on_duplicate_profile_action_triggered)
        self.delete_profile_action.triggered.connect(self._on_delete_profile_action_triggered)

    def enable_for(self, profile: Profile | None) -> None:
        """Enable what can be done to `profile` (None: no profile in use; a built-in one can only be duplicated)."""
        for action in (self.save_profile_action, self.rename_profile_action, self.delete_profile_action):
            action.setEnabled(profile is not None and not profile.builtin)
        self.duplicate_profile_action.setEnabled(profile is not None)

    def say(self, why: str) -> None:
        """Show why an operation on the profiles was not done (nothing when `why` is "")."""
        if why:
            QMessageBox.warning(self, self.tr("Profiles"), why)

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, self.tr("Profile name:"), text=text)
        return name if ok else None

    def _on_save_profile_action_triggered(self) -> None:
        self.say(self._save())

    def _on_add_profile_action_triggered(self) -> None:
        name = self._ask_name(self.tr("Add a profile"))
        if name is not None:
            self.say(self._add(name))

    def _on_rename_profile_action_triggered(self) -> None:
        name = self._ask_name(self.tr("Rename the profile"), self._profile_name())
        if name is not None:
            self.say(self._rename(name))

    def _on_duplicate_profile_action_triggered(self) -> None:
        name = self._ask_name(
            self.tr("Duplicate the profile"), self.tr("{name} (copy)").format(name=self._profile_name())
        )
        if name is not None:
            self.say(self._duplicate(name))

    def _on_delete_profile_action_triggered(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Profiles"),
            self.tr("Delete the profile {name} and its keys?").format(name=self._profile_name()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.say(self._delete())
