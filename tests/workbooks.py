"""Workbooks as Excel can save them and openpyxl will not write: `xl/workbook.xml` edited in the zip."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path


def rewrite_workbook_xml(path: Path, edit: Callable[[str], str]) -> None:
    """Rewrite `xl/workbook.xml` of the workbook at `path` with `edit(xml) -> xml` (openpyxl refuses to write a
    workbook without a visible sheet, or whose active sheet is hidden)."""
    with zipfile.ZipFile(path) as old:
        members = {name: old.read(name) for name in old.namelist()}
    members["xl/workbook.xml"] = edit(members["xl/workbook.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for member, data in members.items():
            new.writestr(member, data)


def hide(name: str) -> Callable[[str], str]:
    """An edit for `rewrite_workbook_xml`: sheet `name` (visible, as openpyxl writes it) made hidden."""

    def edit(xml: str) -> str:
        edited = re.sub(rf'(<sheet name="{name}" sheetId="\d+") state="visible"', r'\1 state="hidden"', xml)
        assert edited != xml, f"no visible sheet {name!r} in {xml}"
        return edited

    return edit
