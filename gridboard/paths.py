"""Where gridboard keeps its own things: the user data folder, or beside the program in portable mode.

Every per-user location (the log, the demo file, settings when portable) comes from here, so a copy
run from a USB stick with the marker file beside it writes nothing to the PC. No Qt here: the data
folder is the one Qt's `QStandardPaths.AppDataLocation` gives for organisation and application
"gridboard", computed the same way, so files made before this module existed are still found.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ORGANIZATION = "gridboard"
APPLICATION = "gridboard"
# A file of this name beside the executable (any content) makes the copy portable.
PORTABLE_MARKER = "portable.txt"
# In portable mode everything gridboard writes for itself goes in this folder beside the executable.
PORTABLE_DATA = "gridboard-data"


def program_folder() -> Path:
    """The folder holding the `gridboard` executable (a bundle), else the source checkout's root."""
    if getattr(sys, "frozen", False):
        # The real file, not a symlink to it (/usr/bin/gridboard -> /opt/gridboard/gridboard).
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_folder(program: Path | None = None) -> Path | None:
    """The portable data folder when the marker file sits beside the executable, else None."""
    folder = program if program is not None else program_folder()
    if (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    return None


def is_portable(program: Path | None = None) -> bool:
    return portable_folder(program) is not None


def user_data_folder(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """This user's data folder on this PC (Qt's AppDataLocation for gridboard/gridboard)."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        # XDG: an unset, empty or relative XDG_DATA_HOME means ~/.local/share.
        xdg = env.get("XDG_DATA_HOME", "")
        base = (
            Path(xdg)
            if xdg and os.path.isabs(xdg)
            else Path(env.get("HOME") or Path.home()) / ".local" / "share"
        )
    return base / ORGANIZATION / APPLICATION


def data_folder(program: Path | None = None) -> Path:
    """Where the log, the demo file and (portable) the settings live: the one place to ask."""
    portable = portable_folder(program)
    return portable if portable is not None else user_data_folder()


def settings_folder(program: Path | None = None) -> Path | None:
    """Where Qt's settings go in portable mode (an ini file); None means Qt's usual place on this PC."""
    portable = portable_folder(program)
    return portable / "settings" if portable is not None else None


def cache_folder(program: Path | None = None) -> Path | None:
    """Portable mode: where caches that libraries would put in the home folder go instead."""
    portable = portable_folder(program)
    return portable / "cache" if portable is not None else None
