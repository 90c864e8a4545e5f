"""Where a process's memory is, for the memory benchmarks: resident parts, malloc's arenas, SQLite's own count.

Linux and glibc only (``/proc/self/status``, ``mallinfo2``, ``malloc_trim``); each probe gives
None where it cannot read (another OS, a Python whose sqlite3 module has SQLite built in).
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path


def resident_mib() -> dict[str, float]:
    """VmRSS and its parts RssAnon (heap, arenas, stacks) and RssFile (mapped files: code, fonts) in MiB; {} if
    /proc is not there."""
    parts: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                parts[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return parts


def threads() -> int:
    """Threads of this process now (each may have a malloc arena of its own)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallinfo2") else None


_LIBC = _libc()
if _LIBC is not None:
    _LIBC.mallinfo2.restype = _MallInfo2


def malloc_kib() -> tuple[float, float] | None:
    """(in use, free but kept) in KiB over all of malloc's arenas (glibc's mallinfo2): what C code holds (Qt,
    SQLite, Python's blocks over 512 bytes) and what malloc keeps for reuse instead of giving it back."""
    if _LIBC is None:
        return None
    info = _LIBC.mallinfo2()
    return (info.uordblks + info.hblkhd) / 1024, info.fordblks / 1024


def malloc_trim() -> bool:
    """Give malloc's free memory back to the system (glibc's malloc_trim(0)); False if not available."""
    if _LIBC is None:
        return False
    _LIBC.malloc_trim(0)
    return True


def _sqlite() -> ctypes.CDLL | None:
    """The SQLite library this process's sqlite3 module uses (found in /proc/self/maps once it is loaded)."""
    import sqlite3  # noqa: F401  (loads the library, if the module links to one)

    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "libsqlite3" in line}
    except OSError:
        return None
    if len(paths) != 1:
        return None  # built into the module, or two copies: not reachable this way
    lib = ctypes.CDLL(paths.pop())
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return lib


_SQLITE = _sqlite()


def sqlite_kib() -> float | None:
    """Memory SQLite holds now (sqlite3_memory_used: page caches, statements, schema), in KiB."""
    return _SQLITE.sqlite3_memory_used() / 1024 if _SQLITE is not None else None
