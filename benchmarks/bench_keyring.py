"""An in-memory keyring for the benchmarks: the window asks the OS keyring, which a headless machine lacks.

It is the tests' own (tests/memory_keyring.py), so the benchmarks measure the window as the tests check it: a
keyring that counts as the system keyring, as on a user's desktop.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def memory_keyring() -> Any:
    """A fresh `MemoryKeyring` (keyring imported when called, as the app does)."""
    root = str(Path(__file__).resolve().parents[1])  # the repository, whose tests/ holds the keyring
    if root not in sys.path:
        sys.path.append(root)
    from tests.memory_keyring import MemoryKeyring

    return MemoryKeyring()
