"""OneNET Datapoint Uploader: upload readings to OneNET's HTTP API by hand."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("onenet-uploader")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0+source"
