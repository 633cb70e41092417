"""The bundled font is registered once per process: the window and the printouts both ask for it,
and each registration read and parsed the whole file again (in the first print preview's wait)."""

from __future__ import annotations

from unittest import mock

from PySide6.QtGui import QFontDatabase

from gridboard import fonts
from gridboard.printing import layout


def test_the_font_is_registered_once_for_screens_and_printouts(qapp) -> None:
    family = fonts.install_fonts()
    assert family  # the bundled CJK font is there
    with mock.patch.object(QFontDatabase, "addApplicationFontFromData") as register:
        assert layout.font_family() == family
        assert fonts.install_fonts() == family
    register.assert_not_called()
