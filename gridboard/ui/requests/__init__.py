"""Residents' requests feature: the requests view (Ctrl+3), the step actions in the Requests menu,
today's list (日清日结), time limits, and "Raise a request…" on the board's household panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton

from gridboard.models import requests as rq
from gridboard.models.changes import Changes
from gridboard.ui.board import BoardFeature
from gridboard.ui.features import Feature
from gridboard.ui.requests.dialogs import RaiseDialog, TimeLimitsDialog
from gridboard.ui.requests.today import TodaysListDialog
from gridboard.ui.requests.view import RequestsView

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

__all__ = ["RequestsFeature", "RequestsView"]


class RequestsFeature:
    """The requests view, its menu, the overdue alarm and the household panel's "Raise a request…"."""

    needs: ClassVar[tuple[type[Feature], ...]] = (BoardFeature,)

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = view = RequestsView(window)
        window.add_view("requests", QCoreApplication.translate("Requests", "Requests"), view, "Ctrl+3")
        menu = window.menu("requests")
        for key in ("dispatch", "start", "resolve", "follow_up", "withdraw"):
            menu.addAction(view.actions_[key])
        menu.addSeparator()
        window.navigators["request"] = self.open_request
        window.add_action(
            "requests",
            "actionTodaysList",
            QCoreApplication.translate("Requests", "&Today's list…"),
            self.todays_list,
            "Ctrl+Shift+T",
        )
        window.add_action(
            "requests",
            "actionOverdueRequests",
            QCoreApplication.translate("Requests", "&Overdue requests"),
            self.overdue,
        )
        window.add_action(
            "requests",
            "actionRequestLimits",
            QCoreApplication.translate("Requests", "Time &limits and departments…"),
            self.limits,
        )
        view.today_button.clicked.connect(lambda _=False: self.todays_list())

        # Escalation everywhere: overdue requests are counted in red in the status bar, whatever view is open.
        self.alarm = alarm = QPushButton(window.statusBar())
        alarm.setObjectName("overdueRequestsAlarm")
        alarm.setFlat(True)
        alarm.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
        alarm.setToolTip(QCoreApplication.translate("Requests", "Show the overdue requests"))
        alarm.clicked.connect(lambda _=False: self.overdue())
        window.statusBar().addPermanentWidget(alarm)
        window.notifier.changed.connect(self._update_alarm)
        view.clock.timeout.connect(self._update_alarm)
        # A closed window's file may be closed too (opening another file, quitting): its clock stops then,
        # or five minutes later it would count requests in a closed database.
        window.closed.connect(view.clock.stop)
        self._update_alarm()

        window.features.get(BoardFeature).view.panel.add_action(
            "raiseRequestButton", QCoreApplication.translate("Requests", "Raise a request…"), self.raise_for
        )

    def show(self) -> RequestsView:
        self.window.show_view("requests")
        return self.view

    def open_request(self, request_id: int) -> None:
        self.show().select_request(request_id)

    def todays_list(self) -> TodaysListDialog:
        dialog = TodaysListDialog(self.window.notifier, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def overdue(self) -> None:
        view = self.show()
        view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
        view.overdue_filter.setChecked(True)

    def limits(self) -> None:
        dialog = TimeLimitsDialog(self.window.notifier, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def raise_for(self, household_id: int) -> RaiseDialog:
        dialog = RaiseDialog(self.window.notifier, household_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _update_alarm(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes.everything and "request" not in changes.tables:
            return
        if self.window.store.closed:
            return  # the clock of a window whose file was closed
        count = rq.count_requests(self.window.store, rq.RequestFilter(overdue_only=True))
        self.alarm.setText(
            QCoreApplication.translate("Requests", "{count} overdue requests").format(count=count)
        )
        self.alarm.setVisible(count > 0)
