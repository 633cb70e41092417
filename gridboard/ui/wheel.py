"""The mouse wheel scrolls the page: it never changes a combo box or number box that has no focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

_POLISH, _WHEEL = QEvent.Type.Polish, QEvent.Type.Wheel


class WheelGuard(QObject):
    """An application-wide filter: a wheel over an unfocused combo/spin box goes to its parent, so a
    scrolling dashboard or form keeps scrolling instead of changing the value under the pointer."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        # Every event of the application passes here: its type is asked once (each call makes a
        # Python enum), and most events leave at once.
        kind = event.type()
        if kind is not _POLISH and kind is not _WHEEL:
            return False
        if kind is _POLISH and isinstance(watched, QComboBox | QAbstractSpinBox):
            # A wheel would otherwise give them focus first (Qt.WheelFocus), and then change them.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if (
            kind is _WHEEL
            and isinstance(watched, QComboBox | QAbstractSpinBox)
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            area = watched.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                # The page under it scrolls, as if the box were not there.
                QApplication.sendEvent(area.viewport(), event)
            else:
                event.ignore()  # not accepted: Qt hands it on to the parent
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
