"""The sandbox's demo devices and keys, which are no secret (the sandbox prints them).

Alone in a module so that the window can offer its built-in sandbox profiles
(`gui.sandbox.profiles`) without loading the sandbox itself; `gui.sandbox.platform`
and `gui.sandbox.things` use them from here.
"""

from __future__ import annotations

import base64

#: Legacy api-key platform: the device and key the CLI and the tests' ``sandbox`` fixture configure.
DEFAULT_DEVICE_ID = "4093215"
DEFAULT_API_KEY = "SANDBOX-KEY-1"

#: Current platform: the demo product and devices (not secrets: like the legacy DEFAULT_API_KEY).
DEFAULT_PRODUCT_ID = "SbxProd001"
DEFAULT_DEVICE_NAME = "dev1"
DEFAULT_DEVICE_KEY = base64.b64encode(b"sandbox device key of dev1 (demo)").decode()
SECOND_DEVICE_NAME = "dev2"
SECOND_DEVICE_KEY = base64.b64encode(b"sandbox device key of dev2 (demo)").decode()
DEFAULT_ACCESS_KEY = base64.b64encode(b"sandbox product access key (demo)").decode()
