"""Render resources/icons/gridboard.svg to the PNG sizes (and a Windows .ico): `python tools/make_icons.py`.

Uses Qt's own SVG renderer (QtSvg is in PySide6-Essentials), so no other tool is needed. The PNGs are
committed: the app and the bundle read PNGs and never need QtSvg at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "gridboard.svg"))
    if not renderer.isValid():
        print("gridboard.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ICONS / f"gridboard-{size}.png"
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ICONS.parent.parent))
    # Windows: one .ico with several sizes (Qt's ico writer takes one image; write the largest the
    # format allows if multi-size is not supported by this Qt).
    if b"ico" in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        render(renderer, 256).save(str(ICONS / "gridboard.ico"), "ICO")
        print("resources/icons/gridboard.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
