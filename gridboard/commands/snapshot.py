"""`gridboard snapshot FILE --out PNG [--about]`: the real window on FILE, drawn to a PNG, no screen needed.

For documentation screenshots and for checking a built bundle (tests/test_packaging.py runs it from
the installed .deb): the same application setup as `gridboard FILE` (font, translations, icon,
portable settings, the log), the main window with every feature, or the About box over it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("snapshot", help="draw the window (or the About box) on FILE to a PNG")
    p.add_argument("file", nargs="?", metavar="FILE", help="the .gridboard file")
    p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")
    p.add_argument("--out", required=True, help="the PNG to write")
    p.add_argument("--about", action="store_true", help="the About box over the window")
    p.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT (default 1366x768)")
    p.add_argument("--lang", choices=("auto", "zh_CN", "en"), help="language (default: the saved choice)")
    p.set_defaults(func=run_snapshot)


def run_snapshot(args: argparse.Namespace) -> int:
    path = args.db or args.file
    if not path:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the .gridboard file to look at."))
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Give the size as WIDTHxHEIGHT, such as 1366x768.")
        ) from None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gridboard import logs
    from gridboard.models.opening import open_store
    from gridboard.ui.about import AboutDialog
    from gridboard.ui.app import data_folder, make_application
    from gridboard.ui.main_window import MainWindow
    from gridboard.ui.resources import install_translations

    make_application()
    if args.lang:
        install_translations(args.lang)
    logs.configure(data_folder())
    store = open_store(path, allow_read_only=True, operator="snapshot")
    try:
        window = MainWindow(store)
        window.resize(width, height)
        window.show()
        QApplication.processEvents()
        shown = window
        if args.about:
            about = AboutDialog(store, window)
            about.show()
            QApplication.processEvents()
            shown = about
        image = shown.grab()
        if not image.save(str(Path(args.out)), "PNG"):
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Could not write {path}."), path=args.out)
        print(f"{args.out}: {image.width()}×{image.height()}")
        window.close()  # saves the window's layout in the settings, as closing the app does
        window.deleteLater()
        QApplication.processEvents()
    finally:
        store.close()
        logs.shutdown()
    return 0
