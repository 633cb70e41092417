"""The bundled CJK font, registered with Qt once for the screens and the printouts alike (QtGui only)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication

from gridboard import bundled

FONT_FILE = "NotoSansSC-Subset.otf"


def install_fonts() -> str:
    """Register the bundled CJK font so a fresh machine renders Chinese; returns its family. Once per
    application: the window and the printouts both ask, and each registration read and parsed the
    9 MB file again (80 ms, in the first preview's wait) and kept another copy of it. Kept on the
    application object, so an application made again (tests) registers it again."""
    app = QGuiApplication.instance()
    known = app.property(_FAMILY_PROPERTY) if app is not None else None
    if known:
        return str(known)
    data = bundled.files().joinpath("fonts", FONT_FILE).read_bytes()
    font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else ""
    if app is not None and family:
        app.setProperty(_FAMILY_PROPERTY, family)
    return family


_FAMILY_PROPERTY = "gridboard_font_family"
