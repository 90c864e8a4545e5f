"""The layers stay as ARCHITECTURE.md draws them, and no test reaches past loopback.

- gui/onenet and gui/data (the core) import nothing from Qt, the sandbox or the UI;
- gui/sandbox imports the core, never the reverse, and no UI or Qt;
- gui/ui never builds SQL (no ``sqlite3``, no SQL text): SQL stays in the store.

Each rule is checked twice where it can be: statically (every ``import``, also the ones
inside functions) and by importing the modules in a fresh interpreter (what they pull in
transitively). Each check is shown to catch a violation.
"""

import ast
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_socket import SocketConnectBlockedError

import gui

ROOT = Path(gui.__file__).parent
QT = ("PySide6", "shiboken6", "pyqtgraph")
ABOVE_THE_CORE = ("gui.ui", "gui.sandbox", "gui.app", "gui.cli", *QT)
ABOVE_THE_SANDBOX = ("gui.ui", "gui.app", *QT)
#: SQL as the store writes it: upper-case keywords in statement shapes ("Select a file" is not SQL).
SQL = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(?:TABLE|INDEX|VIEW|TRIGGER)\b|\bALTER\s+TABLE\b|\bDROP\s+TABLE\b|\bPRAGMA\s+\w+"
)


def modules_of(package_dir: Path, package: str) -> dict[str, Path]:
    """Every module of a package directory (subpackages too): dotted name -> file."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).with_suffix("").parts
        found[".".join((package, *parts)).removesuffix(".__init__")] = path
    return found


def imported_names(module: str, path: Path) -> set[str]:
    """The dotted names a module imports anywhere in its text (`from a import b` gives a and a.b)."""
    names: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def forbidden_imports(modules: dict[str, Path], forbidden: tuple[str, ...]) -> list[str]:
    """`module -> name` for every import of a forbidden package (or of one of its modules)."""
    return sorted(
        f"{module} -> {name}"
        for module, path in modules.items()
        for name in imported_names(module, path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    )


def loaded_after_import(modules: list[str], watched: tuple[str, ...]) -> list[str]:
    """The watched packages a fresh interpreter holds after importing `modules` (transitive imports too)."""
    code = (
        "import sys\n"
        f"for m in {modules!r}: __import__(m)\n"
        f"watched = {watched!r}\n"
        "print(','.join(sorted(m for m in sys.modules if any(m == w or m.startswith(w + '.') for w in watched))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [name for name in result.stdout.strip().split(",") if name]


def sql_in(path: Path) -> list[str]:
    """`sqlite3` imports and SQL text in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"import {n}" for n in imported_names("m", path) if n.split(".")[0] == "sqlite3"]
    found += [
        node.value[:60]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]
    return found


def core_modules() -> dict[str, Path]:
    return modules_of(ROOT / "onenet", "gui.onenet") | modules_of(ROOT / "data", "gui.data")


# -- the core ----------------------------------------------------------------------------------


def test_core_imports_nothing_above_it():
    modules = core_modules()
    assert "gui.data.importers.tabular" in modules  # subpackages are checked too
    assert forbidden_imports(modules, ABOVE_THE_CORE) == []


def test_core_modules_import_no_qt_nor_the_sandbox():
    modules = list(core_modules())
    assert len(modules) > 5
    assert loaded_after_import(modules, (*QT, "gui.sandbox", "gui.ui")) == []


def test_the_check_would_catch_qt():
    assert "PySide6" in loaded_after_import(["gui.ui.datapoints_model"], QT)


# -- the sandbox -------------------------------------------------------------------------------


def test_the_sandbox_imports_the_core_and_no_ui():
    modules = modules_of(ROOT / "sandbox", "gui.sandbox")
    assert {"gui.sandbox.server", "gui.sandbox.connection", "gui.sandbox.platform", "gui.sandbox.cli"} <= set(modules)
    assert forbidden_imports(modules, ABOVE_THE_SANDBOX) == []
    assert any(name.startswith("gui.onenet") for m, p in modules.items() for name in imported_names(m, p))
    assert loaded_after_import(list(modules), (*QT, "gui.ui")) == []


# -- the UI ------------------------------------------------------------------------------------


def test_the_ui_builds_no_sql():
    modules = modules_of(ROOT / "ui", "gui.ui")
    assert "gui.ui.main_window" in modules
    assert {module: found for module, path in modules.items() if (found := sql_in(path))} == {}


# -- each check can fail -----------------------------------------------------------------------


def test_the_checks_would_catch_violations(tmp_path):
    package = tmp_path / "onenet"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "rules.py").write_text("def later():\n    from gui.sandbox.server import Sandbox\n")
    (package / "sub" / "view.py").write_text("from ... import ui\nimport PySide6.QtCore\n")
    (package / "store_ui.py").write_text(
        'import sqlite3\nQ = "SELECT id FROM outbox WHERE state = ?"\nLABEL = "Select a file"\n'
    )
    modules = modules_of(package, "gui.onenet")
    assert forbidden_imports(modules, ABOVE_THE_CORE) == [
        "gui.onenet.rules -> gui.sandbox.server",
        "gui.onenet.rules -> gui.sandbox.server.Sandbox",
        "gui.onenet.sub.view -> PySide6.QtCore",
        "gui.onenet.sub.view -> gui.ui",
    ]
    assert forbidden_imports(modules, ABOVE_THE_SANDBOX) == [
        "gui.onenet.sub.view -> PySide6.QtCore",
        "gui.onenet.sub.view -> gui.ui",
    ]
    assert sql_in(package / "store_ui.py") == ["import sqlite3", "SELECT id FROM outbox WHERE state = ?"]
    assert loaded_after_import(["gui.cli"], ("gui.sandbox",)) != []  # the CLI may use the sandbox


# -- loopback only -----------------------------------------------------------------------------


def test_no_test_reaches_past_loopback():
    """pytest-socket (--allow-hosts in pyproject.toml) stops a connection to any other host before a packet leaves."""
    with pytest.raises(SocketConnectBlockedError), pytest.warns(UserWarning, match=r"192\.0\.2\.1"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.5)  # TEST-NET-1, RFC 5737


# -- start-up ----------------------------------------------------------------------------------


def test_the_window_is_shown_without_package_metadata_and_the_version_is_read_when_asked_for():
    """`importlib.metadata` (about 20 ms) is not imported to show the window; `gui.__version__` still answers."""
    assert loaded_after_import(["gui.app", "gui.ui.main_window"], ("importlib.metadata",)) == []
    import importlib.metadata

    import gui

    assert gui.__version__ == importlib.metadata.version("onenet-uploader")
    with pytest.raises(AttributeError):
        _ = gui.no_such_name  # type: ignore[attr-defined]
