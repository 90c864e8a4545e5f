"""The core stays free of Qt (ARCHITECTURE.md: gui/onenet and gui/data import nothing from Qt)."""

import subprocess
import sys
from pathlib import Path

import gui

CORE = ["gui.onenet", "gui.data"]


def core_modules():
    root = Path(gui.__file__).parent
    for package in ("onenet", "data"):
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            yield ".".join(("gui", *parts)).removesuffix(".__init__")


def test_core_modules_import_no_qt():
    modules = list(core_modules())
    assert len(modules) > 5
    assert "gui.data.importers.tabular" in modules  # subpackages are checked too
    code = (
        "import sys\n"
        f"for m in {modules!r}: __import__(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout}"


def test_the_check_would_catch_qt():
    code = "import sys, gui.ui.datapoints_model; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
