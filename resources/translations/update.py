"""Bring the catalogues up to date with the sources: `python resources/translations/update.py`.

Runs `pyside6-lupdate` (PySide6-Essentials) over gui/ into every onenet-uploader_*.ts
here, without source locations (so a moved line changes no catalogue) and dropping
what the sources no longer say. New entries arrive "unfinished": translate them (Qt
Linguist, `pyside6-linguist`, or by hand) before committing; tests/unit/test_translations.py
fails while any entry is new, unfinished or vanished. English's catalogue holds the
plural forms only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def lupdate_command(ts: Path, *, drop_vanished: bool = True) -> list[str]:
    """The lupdate command line that refreshes `ts` from gui/ (English: plural forms only)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(lupdate) if lupdate.exists() else "pyside6-lupdate", "-silent", "-locations", "none"]
    command += ["-extensions", "py", "-source-language", "en"]
    if drop_vanished:
        command.append("-no-obsolete")
    if ts.name.endswith("_en.ts"):
        command.append("-pluralonly")
    return [*command, str(ROOT / "gui"), "-ts", str(ts)]


def main() -> int:
    for ts in sorted(HERE.glob("onenet-uploader_*.ts")):
        subprocess.run(lupdate_command(ts), check=True)
        print(f"updated {ts.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
