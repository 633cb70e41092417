"""Little things that cost a new secretary time: the wheel, the File menu, the requests filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget

pytestmark = pytest.mark.gui


def _wheel(widget: QWidget, down: bool = True) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_page_not_an_unfocused_combo(gui, qtbot) -> None:
    scroll = QScrollArea()
    body = QWidget()
    layout = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems(["一", "二", "三"])
    layout.addWidget(combo)
    layout.addSpacing(3000)
    scroll.setWidget(body)
    scroll.resize(300, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    _wheel(combo)
    assert combo.currentIndex() == 0
    assert scroll.verticalScrollBar().value() > 0  # the page scrolled instead
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1  # a combo the user clicked into still takes the wheel


def test_quit_is_the_last_item_of_the_file_menu(window) -> None:
    actions = [a for a in window.menu("file").actions() if not a.isSeparator()]
    assert actions[-1].objectName() == "actionQuit"
    assert any(a.objectName() == "actionDashboardReport" for a in actions)


def test_requests_search_filters_as_you_type_and_count_agrees(window, qtbot, small) -> None:
    from gridboard.models import requests

    household = small.household(1, "101")
    requests.raise_request(small.store, household_id=household, category="medicine", text="买降压药")
    requests.raise_request(small.store, household_id=household, category="repairs", text="水管漏水")
    old = requests.raise_request(
        small.store, household_id=household, category="repairs", text="楼道灯坏", at="2024-01-01 09:00:00"
    )
    assert old
    small.store.take_changes()
    window.notifier.changed.emit(
        __import__("gridboard.models.changes", fromlist=["Changes"]).Changes(everything=True)
    )
    window.show_view("requests")
    view = window.view("requests")
    view.status_filter.setCurrentIndex(view.status_filter.findData("unclosed"))
    qtbot.waitUntil(lambda: len(view.model.ids) == 3)
    view.search.setText("水管")  # no Enter
    qtbot.waitUntil(lambda: len(view.model.ids) == 1, timeout=3000)
    summary = view.summary.text()
    # The old overdue request is not shown: the count of overdue says so, not "1 overdue" beside 1 row.
    assert "显示 1" in summary or "1 " in summary, summary
    assert "其中超时" not in summary, summary
    view.search.setText("")
    qtbot.waitUntil(lambda: len(view.model.ids) == 3, timeout=3000)
    assert "其中超时1件" in view.summary.text().replace(" ", ""), view.summary.text()
