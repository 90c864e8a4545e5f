"""The sandbox's built-in device profiles, one per platform (`gui.data.profiles`).

Their target is the window's embedded sandbox (`gui.data.target.SANDBOX_ENDPOINT`) and
their keys the sandbox's demo keys, which are no secret: the sandbox prints them.
"""

from __future__ import annotations

from gui.data.profiles import Profile
from gui.data.target import SANDBOX_ENDPOINT, Platform
from gui.sandbox.demo import (
    DEFAULT_ACCESS_KEY,
    DEFAULT_API_KEY,
    DEFAULT_DEVICE_ID,
    DEFAULT_DEVICE_KEY,
    DEFAULT_DEVICE_NAME,
    DEFAULT_PRODUCT_ID,
)

__all__ = ["BUILT_IN", "SANDBOX_LEGACY", "SANDBOX_THING"]

#: The window's embedded sandbox, legacy api-key platform: its device and demo api-key.
SANDBOX_LEGACY = Profile(
    "Sandbox (api-key)",
    Platform.DATAPOINTS,
    SANDBOX_ENDPOINT,
    device_id=DEFAULT_DEVICE_ID,
    builtin=True,
    builtin_key=DEFAULT_API_KEY,
)
#: The window's embedded sandbox, current platform: the demo product's device dev1 and its demo keys.
SANDBOX_THING = Profile(
    "Sandbox (thing)",
    Platform.THING,
    SANDBOX_ENDPOINT,
    product_id=DEFAULT_PRODUCT_ID,
    device_name=DEFAULT_DEVICE_NAME,
    app_endpoint=SANDBOX_ENDPOINT,
    builtin=True,
    builtin_key=DEFAULT_DEVICE_KEY,
    builtin_access_key=DEFAULT_ACCESS_KEY,
)
#: Both, in the order a profile list shows them.
BUILT_IN = (SANDBOX_LEGACY, SANDBOX_THING)
