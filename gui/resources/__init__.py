"""Package data of the app (icons), found the same way everywhere.

The files live next to this module and are looked up with
:func:`importlib.resources.files`, so one code path works from a source
checkout, from an installed wheel and from the PyInstaller bundle (whose
spec collects ``gui/resources/*`` as data of this package).

The PNGs here are generated from ``resources/icon.svg`` by
``packaging/make_icons.py``; do not edit them by hand.

No Qt here: callers turn the path into a ``QIcon`` themselves, e.g.
``app.setWindowIcon(QIcon(str(icon_path())))``.
"""

from __future__ import annotations

import atexit
import contextlib
import pathlib
from importlib import resources

__all__ = ["icon_path", "resource_path"]

#: Keeps files extracted from a zipped install alive until exit.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def resource_path(name: str) -> pathlib.Path:
    """A real filesystem path to the package resource *name*.

    Raises :class:`FileNotFoundError` if the resource is missing (for
    example, a wheel built without the package-data declaration).
    """
    ref = resources.files(__name__).joinpath(name)
    if not ref.is_file():
        raise FileNotFoundError(f"package resource {__name__}/{name} not found")
    if isinstance(ref, pathlib.Path):
        # Source checkout, installed wheel, PyInstaller bundle: already on disk.
        return ref
    # Zipped install (zipimport): extract once, kept until interpreter exit.
    return _extracted.enter_context(resources.as_file(ref))


def icon_path(name: str = "icon.png") -> pathlib.Path:
    """Path of the application icon (256x256 PNG by default)."""
    return resource_path(name)
