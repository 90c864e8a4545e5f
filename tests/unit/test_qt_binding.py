"""The Qt binding does not corrupt reference counts when Python emits signals.

PySide6 6.12.0 returns `True` from `SignalInstance.emit()` without a new
reference: every emit whose result is dropped costs `True` one reference, and
on Python 3.11 (where `True` is not immortal) the process aborts with
"bool_dealloc" after a few hundred emits (pyqtgraph emits several per pan or
zoom step). pyproject.toml excludes that release; this test catches another.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_signals_keeps_the_refcount_of_true():
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.changed.emit(i)
    # other code may take or drop a reference meanwhile; the bug would show as -200
    assert sys.getrefcount(True) > before - 20
