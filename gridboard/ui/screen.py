"""Window sizes that fit the screen they open on (a 1366×768 office screen included)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window frame and title bar that the available geometry does not include.
FRAME = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen windows may use (without task bar or panels)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fitted_size(widget: QWidget | None, width: int, height: int) -> QSize:
    """`width`×`height`, shrunk to what the screen leaves once the frame is drawn."""
    room = available(widget).size() - FRAME
    return QSize(max(320, min(width, room.width())), max(240, min(height, room.height())))


def fit_window(window: QWidget, width: int, height: int) -> None:
    """Resize to fit and keep the whole frame on the screen."""
    window.resize(fitted_size(window, width, height))
    area = available(window)
    geometry = window.frameGeometry()
    if not area.contains(geometry):
        geometry.moveCenter(area.center())
        geometry.moveTop(max(area.top(), geometry.top()))
        geometry.moveLeft(max(area.left(), geometry.left()))
        window.move(geometry.topLeft())
