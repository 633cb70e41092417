"""Qt's side of where gridboard keeps things: settings in an ini file beside a portable copy, the icon."""

from __future__ import annotations

import os
import sys
from importlib import resources

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon

from gridboard import bundled, paths

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def use_portable_places() -> bool:
    """Portable mode: QSettings() (and Qt's own settings, such as the file dialog's) go to an ini file
    in the portable folder instead of the registry or the home folder. Call before the first QSettings.

    Also points the caches that fontconfig and Qt would make in the home folder at the portable
    folder (Linux). Returns whether this copy is portable.
    """
    folder = paths.settings_folder()
    if folder is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope,):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
        # On Linux the native format is an ini file too, and Qt's own settings use it.
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder))
    cache = paths.cache_folder()
    if cache is not None and sys.platform.startswith("linux"):
        os.environ["XDG_CACHE_HOME"] = str(cache)
    return True


def app_icon() -> QIcon:
    """gridboard's icon (resources/icons, rendered from gridboard.svg by tools/make_icons.py)."""
    icon = QIcon()
    folder = bundled.files().joinpath("icons")
    for size in ICON_SIZES:
        entry = folder.joinpath(f"gridboard-{size}.png")
        if entry.is_file():
            with resources.as_file(entry) as path:
                icon.addFile(str(path))
    return icon
