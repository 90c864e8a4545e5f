"""Build step of the wheel beyond pyproject.toml: the translation catalogues go into the package.

resources/translations/*.ts (the Qt Linguist sources, kept at the top of the tree) are
copied to gui/resources/translations/ of the built package; `gui.i18n` compiles them
with PySide6's lrelease on first use (a source checkout or editable install reads them
where they are). Everything else is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES = Path(__file__).resolve().parent / "resources" / "translations"


class BuildPyWithCatalogues(build_py):
    """build_py, then the .ts catalogues copied into the built `gui` package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "gui" / "resources" / "translations"
        for ts in sorted(SOURCES.glob("*.ts")):
            self.mkpath(str(target))
            self.copy_file(str(ts), str(target / ts.name))


setup(cmdclass={"build_py": BuildPyWithCatalogues})
