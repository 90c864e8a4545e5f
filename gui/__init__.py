"""OneNET Datapoint Uploader: upload readings to OneNET's HTTP API by hand.

`gui.__version__` is the installed distribution's version (`0.0.0+source` for a source
tree never installed), read when first asked for: `importlib.metadata` takes about
20 ms to import, which showing the window does not need (issue 11, start-up).
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'gui' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("onenet-uploader")
    except PackageNotFoundError:  # a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
