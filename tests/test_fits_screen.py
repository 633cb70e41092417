"""Fits the screen: the first window fits a 1366×768 office screen, and no view cuts anything off there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gridboard.ui import screen

pytestmark = pytest.mark.gui
# A 1366×768 screen less a 40-pixel task bar.
AVAILABLE = QRect(0, 0, 1366, 728)
VIEWS = ("board", "members", "requests", "dashboard", "rollcall", "emergency")


def needed_width(widget: QWidget) -> int:
    """What the widget needs to show its text whole."""
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        if not text:
            return 0
        probe = QComboBox()  # Qt's own measure: a combo sized to this one text
        probe.setFont(widget.font())
        probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        probe.addItem(widget.itemIcon(widget.currentIndex()), text)
        needed = probe.sizeHint().width()
        probe.deleteLater()
        return needed
    if isinstance(widget, QLineEdit):
        return widget.minimumSizeHint().width()
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
    return widget.minimumSizeHint().width()


def cut_off(window: QWidget) -> list[str]:
    """Buttons, labels, boxes and fields a user cannot read whole: outside the window or its scroll
    area, or narrower than their text needs."""
    problems = []
    inside = window.rect()
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or not isinstance(
            child, QAbstractButton | QLabel | QComboBox | QLineEdit
        ):
            continue
        if isinstance(child, QLabel) and (
            child.wordWrap() or not child.text() or child.pixmap() is not None and not child.pixmap().isNull()
        ):
            continue
        if child.parentWidget() is not None and type(child.parentWidget()).__name__ in (
            "QTabBar",
            "QToolBarExtension",
        ):
            continue
        visible = child.visibleRegion().boundingRect()
        top_left = child.mapTo(window, QPoint(0, 0))
        where = QRect(top_left, child.size())
        name = f"{type(child).__name__}#{child.objectName()} {getattr(child, 'text', lambda: '')()!r}"
        if visible.isEmpty():
            continue  # scrolled away inside a scroll area: reachable by scrolling
        if not inside.contains(where):
            problems.append(f"{name} outside the window at {where}")
        elif child.width() + 1 < needed_width(child):
            problems.append(f"{name} {child.width()} px wide, needs {needed_width(child)}")
    return problems


def test_first_window_fits_a_1366_by_768_screen(gui, qtbot, small, monkeypatch) -> None:
    from gridboard.ui.main_window import MainWindow

    monkeypatch.setattr(screen, "available", lambda widget=None: QRect(AVAILABLE))
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    assert window.width() <= AVAILABLE.width() - screen.FRAME.width()
    assert window.height() <= AVAILABLE.height() - screen.FRAME.height()
    assert window.minimumSizeHint().height() <= window.height()


@pytest.fixture
def demo_window(gui, qtbot, community_demo):
    from gridboard.models.opening import open_store
    from gridboard.ui.main_window import MainWindow

    store = open_store(community_demo, operator="tester")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(AVAILABLE.size() - screen.FRAME)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    store.close()


@pytest.mark.parametrize("key", VIEWS)
def test_view_fits_1366_by_768(demo_window, qtbot, key) -> None:
    from conftest import save_screenshot

    window = demo_window
    window.show_view(key)
    qtbot.wait(50)
    if key == "dashboard":
        view = window.view("dashboard")
        qtbot.waitUntil(lambda: view.up_to_date, timeout=20000)
        qtbot.wait(50)  # the last figures laid out
    size = AVAILABLE.size() - screen.FRAME
    assert window.width() <= size.width() and window.height() <= size.height()
    assert window.minimumSizeHint().width() <= size.width()
    assert window.minimumSizeHint().height() <= size.height()
    save_screenshot(window, f"fit_1366_{key}")
    assert cut_off(window) == []
