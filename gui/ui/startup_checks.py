"""Files the window could not read at start, said once it opens: the settings file, the profiles file.

Either would otherwise leave the window with its defaults and without the user's profiles,
silently. Neither file is written while it cannot be read (Qt does not write back a
settings file it could not parse; `ProfileBook` refuses to save over a profiles file it
could not read), so the user can still correct or restore it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget


def unreadable_files_box(parent: QWidget, settings_problem: str, profiles_problem: str) -> QMessageBox | None:
    """A warning (not modal) naming each file that could not be read and why, shown as the window opens; None: all read.

    `settings_problem` as `Settings.unreadable` gives it; `profiles_problem` the profiles
    file's error for a person (`i18n.why` of a ProfileError), "" when it was read.
    """
    lines = []
    if settings_problem:
        lines.append(settings_problem)
    if profiles_problem:
        lines.append(
            QCoreApplication.translate(
                "StartupChecks",
                "Your saved profiles are not listed: {why}. The file is left as it is and no profile can be saved "
                "until it is corrected or removed.",
            ).format(why=profiles_problem)
        )
    if not lines:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("StartupChecks", "A file could not be read"),
        "\n\n".join(lines),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
    QTimer.singleShot(0, box, box.show)  # once the window is there, above it
    return box
