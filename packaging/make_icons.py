#!/usr/bin/env python3
"""Generate every raster icon of the app from ``resources/icon.svg``.

Build-time tool (not used by the app at run time). Needs:

* PySide6 with QtSvg (part of PySide6-Essentials, already a dependency of
  the project) to render the SVG, and
* Pillow (``packaging/requirements.txt``) to write optimised PNG, ICO and
  ICNS files.

Outputs (all committed; rerun this script after editing the SVG)::

    gui/resources/icon.png                       256 px, runtime window icon
    resources/icons/hicolor/NxN/apps/onenet-uploader.png
                                                 N = 16 24 32 48 64 128 256 512
                                                 (freedesktop icon theme layout)
    resources/icons/onenet-uploader.ico          16..256, Windows EXE icon
    resources/icons/onenet-uploader.icns         32..1024, macOS .app icon

Usage::

    python packaging/make_icons.py [--svg PATH] [--out-root DIR]

Every size is rendered from the vector source (no down-scaling of one big
bitmap), and Pillow writes PNGs without timestamps, so reruns with the
same Qt/Pillow versions give byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

try:
    from PIL import Image
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("make_icons: Pillow is required: pip install -r packaging/requirements.txt")

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "onenet-uploader"  # icon theme name, also used by the .desktop file

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the ICO maximum
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # what Pillow's ICNS writer stores
RUNTIME_SIZE = 256


class _SvgRasteriser:
    """Renders the SVG at any square size with QtSvg, as a Pillow RGBA image."""

    def __init__(self, svg: Path) -> None:
        # Render without any display; harmless if already set by the caller.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from PySide6.QtGui import QGuiApplication
            from PySide6.QtSvg import QSvgRenderer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            sys.exit(f"make_icons: PySide6 with QtSvg is required ({exc})")
        self._app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self._renderer = QSvgRenderer(str(svg))
        if not self._renderer.isValid():
            sys.exit(f"make_icons: {svg} is not a valid SVG for QtSvg")

    def render(self, size: int) -> Image.Image:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter

        image = QImage(size, size, QImage.Format.Format_RGBA8888)  # straight (not premultiplied) alpha
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._renderer.render(painter)
        painter.end()
        data = bytes(image.constBits())
        return Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA", image.bytesPerLine(), 1).copy()


def _save_png(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--svg", type=Path, default=ROOT / "resources" / "icon.svg", help="SVG source")
    parser.add_argument("--out-root", type=Path, default=ROOT, help="project root to write into (default: this repo)")
    args = parser.parse_args(argv)

    rasteriser = _SvgRasteriser(args.svg)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES) | {RUNTIME_SIZE})
    images = {size: rasteriser.render(size) for size in sizes}

    out = args.out_root
    written: list[Path] = []

    runtime = out / "gui" / "resources" / "icon.png"
    _save_png(images[RUNTIME_SIZE], runtime)
    written.append(runtime)

    for size in PNG_SIZES:
        path = out / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        _save_png(images[size], path)
        written.append(path)

    ico = out / "resources" / "icons" / f"{APP_ID}.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        "ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)

    icns = out / "resources" / "icons" / f"{APP_ID}.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        "ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(icns)

    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        print(f"{size:>8}  {path.relative_to(out) if path.is_relative_to(out) else path}")
    print(f"{total:>8}  total bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
