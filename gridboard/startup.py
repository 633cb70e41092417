"""Before the window starts: say in plain words which system packages a fresh Linux desktop lacks.

Qt's own message for a missing library is "Could not load the Qt platform plugin "xcb" ... no Qt
platform plugin could be initialized", and then it aborts the process, so it cannot be caught. The
check here is cheap enough for every start (it asks the dynamic loader for the libraries the xcb
plugin needs, about a millisecond) and names the Debian/UOS/Kylin packages to install instead.
No Qt is imported to check; QtCore is used only to translate the message.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping

from gridboard.models.errors import QT_TRANSLATE_NOOP

# What Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) and QtGui load from the system, with
# the Debian package that carries each. tests/test_startup.py checks this against the plugin's own
# list (readelf), so a newer PySide6 needing another library fails a test instead of an office PC.
LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

MISSING_TEXT = QT_TRANSLATE_NOOP(
    "Startup",
    "gridboard's window cannot start: this computer lacks system libraries it needs ({libraries}).\n"
    "Install them (as administrator), then start gridboard again:\n\n    sudo apt install {packages}\n",
)
NO_DISPLAY_TEXT = QT_TRANSLATE_NOOP(
    "Startup",
    "gridboard's window needs a desktop session, and none was found (DISPLAY is not set).\n"
    "Start it from the desktop. The commands (gridboard check, stats, demo, print...) work without one.",
)


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        pass
    else:
        return True
    # A bundle may carry a library itself, beside Qt's.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        try:
            ctypes.CDLL(os.path.join(bundle, soname))
        except OSError:
            return False
        return True
    return False


def missing_libraries(
    libraries: Mapping[str, str] = LIBRARIES, loadable: Callable[[str], bool] = _loadable
) -> dict[str, str]:
    """The libraries (soname -> Debian package) the dynamic loader cannot find."""
    return {soname: package for soname, package in libraries.items() if not loadable(soname)}


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Will Qt start on X11 (the xcb plugin)? Only then are its libraries checked."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    # A Wayland session: Qt tries its Wayland plugin first.
    return not env.get("WAYLAND_DISPLAY")


def window_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    missing: Callable[[], Mapping[str, str]] | None = None,
) -> str | None:
    """Why the window cannot start, in plain words (translated), or None when nothing is in the way."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env, platform):
        return None
    if not env.get("DISPLAY"):
        return translate(NO_DISPLAY_TEXT)
    lacking = (missing or missing_libraries)()
    if not lacking:
        return None
    return missing_text(lacking)


def missing_text(lacking: Mapping[str, str]) -> str:
    packages = " ".join(dict.fromkeys(lacking.values()))
    return translate(MISSING_TEXT).format(libraries=", ".join(lacking), packages=packages)


def import_problem(error: ImportError) -> str | None:
    """An ImportError of PySide6 naming a system library (libEGL.so.1: cannot open shared object
    file) in plain words, else None (then it is a bug and is raised)."""
    found = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", str(error))
    if not found:
        return None
    soname = found.group(1)
    return missing_text({soname: LIBRARIES.get(soname, soname.split(".so")[0])})


def translate(text: str) -> str:
    """The message in Chinese on a Chinese system. Only QtCore is needed, which has no X11 libraries."""
    try:
        from PySide6.QtCore import QLocale, QTranslator

        from gridboard import bundled
    except ImportError:
        return text
    if QLocale.system().language() != QLocale.Language.Chinese:
        return text
    translator = QTranslator()
    data = bundled.files().joinpath("translations", "about_zh_CN.qm")
    blob = data.read_bytes() if data.is_file() else b""  # load() keeps a pointer: keep the bytes alive
    if not blob or not translator.load(blob):
        return text
    return translator.translate("Startup", text) or text
