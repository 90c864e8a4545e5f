"""The sandbox: a local OneNET-compatible server, a tool of the product (not a platform rule).

Modules: :mod:`~gui.sandbox.platform` (devices, stored datapoints and
read-back by the platform's rules), :mod:`~gui.sandbox.server` (the
:class:`Sandbox`: listening, fault injection, who can reach it),
:mod:`~gui.sandbox.connection` (the connections: requests read and answered
in turn, the route chosen), :mod:`~gui.sandbox.framing` (HTTP on h11: the
head, the body's limits, the answer's shape), :mod:`~gui.sandbox.legacy` (the
legacy platform's datapoints routes and fault injection),
:mod:`~gui.sandbox.things` (the current platform: a product with devices,
keys and a thing model, its token checks and routes),
:mod:`~gui.sandbox.capture` (the inspector's data: every request with its
bytes, answer and verdict), :mod:`~gui.sandbox.demo` (the demo devices and
keys) and :mod:`~gui.sandbox.cli` (``onenet-uploader sandbox``). It imports
the core (:mod:`gui.onenet`), never the reverse, and no Qt.
"""

import importlib
from typing import TYPE_CHECKING

from gui.sandbox.demo import DEFAULT_API_KEY, DEFAULT_DEVICE_ID

if TYPE_CHECKING:
    from gui.sandbox.platform import (
        ERRNO_AUTH_FAILED,
        ERRNO_BAD_BODY,
        ERRNO_BAD_LENGTH,
        ERRNO_BAD_PARAMETER,
        ERRNO_INTERNAL,
        ERRNO_NOT_FOUND,
        ERRNO_OK,
        READ_LIMIT_DEFAULT,
        READ_LIMIT_MAX,
        Platform,
        mask_key,
    )
    from gui.sandbox.server import MAX_BODY_BYTES, Sandbox

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_DEVICE_ID",
    "ERRNO_AUTH_FAILED",
    "ERRNO_BAD_BODY",
    "ERRNO_BAD_LENGTH",
    "ERRNO_BAD_PARAMETER",
    "ERRNO_INTERNAL",
    "ERRNO_NOT_FOUND",
    "ERRNO_OK",
    "MAX_BODY_BYTES",
    "READ_LIMIT_DEFAULT",
    "READ_LIMIT_MAX",
    "Platform",
    "Sandbox",
    "mask_key",
]


#: The names of __all__ that live in gui.sandbox.server; the others not imported above, in gui.sandbox.platform.
_IN_SERVER = ("MAX_BODY_BYTES", "Sandbox")
#: The package's other names, each loaded from its module when first asked for (`__getattr__`).
_FROM = {
    name: "gui.sandbox.server" if name in _IN_SERVER else "gui.sandbox.platform"
    for name in __all__
    if name not in ("DEFAULT_API_KEY", "DEFAULT_DEVICE_ID")
}


def __getattr__(name: str) -> object:
    """A name of the package, its module loaded when first asked for (the server: h11, sockets, threads).

    The window's built-in profiles need only the sandbox's demo device and keys
    (`gui.sandbox.demo`), not the sandbox, to be shown.
    """
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_FROM[name]), name)
