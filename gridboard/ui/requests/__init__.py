"""Residents' requests feature: the requests view (Ctrl+3), the step actions in the Requests menu,
today's list (日清日结), time limits, and "Raise a request…" on the board's household panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton

from gridboard.models import requests as rq
from gridboard.models.changes import Changes
from gridboard.ui.requests.dialogs import RaiseDialog, TimeLimitsDialog
from gridboard.ui.requests.today import TodaysListDialog
from gridboard.ui.requests.view import RequestsView

__all__ = ["RequestsView", "install"]


def install(window: Any) -> RequestsView:
    view = RequestsView(window)
    window.add_view("requests", QCoreApplication.translate("Requests", "Requests"), view, "Ctrl+3")
    window.requests = view
    menu = window.menu("requests")
    for key in ("dispatch", "start", "resolve", "follow_up", "withdraw"):
        menu.addAction(view.actions_[key])
    menu.addSeparator()

    def show_requests() -> RequestsView:
        window.show_view("requests")
        return view

    def open_request(request_id: int) -> None:
        show_requests().select_request(request_id)

    def todays_list() -> TodaysListDialog:
        dialog = TodaysListDialog(window.notifier, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def overdue() -> None:
        show_requests()
        view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
        view.overdue_filter.setChecked(True)

    def limits() -> None:
        dialog = TimeLimitsDialog(window.notifier, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def raise_for(household_id: int) -> RaiseDialog:
        dialog = RaiseDialog(window.notifier, household_id, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    window.navigators["request"] = open_request
    window.raise_request_dialog = raise_for
    window.add_action(
        "requests",
        "actionTodaysList",
        QCoreApplication.translate("Requests", "&Today's list…"),
        todays_list,
        "Ctrl+Shift+T",
    )
    window.add_action(
        "requests",
        "actionOverdueRequests",
        QCoreApplication.translate("Requests", "&Overdue requests"),
        overdue,
    )
    window.add_action(
        "requests",
        "actionRequestLimits",
        QCoreApplication.translate("Requests", "Time &limits and departments…"),
        limits,
    )
    view.today_button.clicked.connect(lambda _=False: todays_list())

    # Escalation everywhere: overdue requests are counted in red in the status bar, whatever view is open.
    alarm = QPushButton(window.statusBar())
    alarm.setObjectName("overdueRequestsAlarm")
    alarm.setFlat(True)
    alarm.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
    alarm.setToolTip(QCoreApplication.translate("Requests", "Show the overdue requests"))
    alarm.clicked.connect(lambda _=False: overdue())
    window.statusBar().addPermanentWidget(alarm)

    def update_alarm(changes: Changes | None = None) -> None:
        if changes is not None and not changes.everything and "request" not in changes.tables:
            return
        count = rq.count_requests(window.store, rq.RequestFilter(overdue_only=True))
        alarm.setText(QCoreApplication.translate("Requests", "{count} overdue requests").format(count=count))
        alarm.setVisible(count > 0)

    window.notifier.changed.connect(update_alarm)
    view.clock.timeout.connect(lambda: None if window.store.closed else update_alarm())
    window.closed.connect(view.clock.stop)
    update_alarm()

    window.view("board").panel.add_action(
        "raiseRequestButton", QCoreApplication.translate("Requests", "Raise a request…"), raise_for
    )
    return view
