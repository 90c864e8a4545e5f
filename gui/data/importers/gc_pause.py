"""Pausing Python's cyclic garbage collector while millions of acyclic objects are made."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nested and from several threads: the last one resumes).

    An import makes millions of objects and no reference cycles; meanwhile
    the collector would traverse the growing columns again and again (a
    third of a 1,000,000-row import, and pauses of the GUI thread, which
    shares the interpreter lock). Reference counting still frees everything
    at once; collection resumes when the last pauser leaves.
    """
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()


def gc_paused() -> bool:
    """True while some `paused_gc()` block runs (a collector on a timer should wait)."""
    return _pausers > 0
