"""Those who come to serve (issue 21): the serve view (Ctrl+7) with units and reporting in, posts,
needs and projects, services and points, the ranking, escalations and duty posts; "Escalate…" in
the Requests menu for the selected request; the escalations' count in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QPushButton

from gridboard.models import escalation as esc
from gridboard.models.changes import Changes
from gridboard.models.errors import KnownError
from gridboard.ui import ask
from gridboard.ui.features import Feature, LazyView
from gridboard.ui.requests import RequestsFeature

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow
    from gridboard.ui.serve.view import ServeView

__all__ = ["ServeFeature"]


class ServeFeature:
    """The serve view (made when first shown), its clock, its menu entries and its status-bar count."""

    needs: ClassVar[tuple[type[Feature], ...]] = (RequestsFeature,)

    def __init__(self, window: MainWindow) -> None:
        self.window = window

        def build() -> ServeView:
            # Built when first shown (its fifteen tables, and openpyxl for its exports, cost a second
            # while a city file's window opened).
            from gridboard.ui.serve.view import ServeView

            return ServeView(window, clock=self.clock)

        self.view: LazyView[ServeView] = LazyView(
            window, "serve", QCoreApplication.translate("Serve", "Serve"), build, "Ctrl+7"
        )

        # Escalations rise a level by rule as their limits pass, whatever else is going on (and whether
        # or not the view was ever shown).
        self.clock = clock = QTimer(window)
        clock.setObjectName("serveClock")
        clock.setInterval(5 * 60 * 1000)
        clock.timeout.connect(self._rise)
        clock.start()
        # A closed window's file is closed too: its clock must not look at it again.
        window.closed.connect(clock.stop)

        requests = window.features.get(RequestsFeature)

        def escalate_selected() -> object:
            return self.show(5).escalate(requests.view.current_id())

        window.add_action(
            "requests",
            "actionEscalateRequest",
            QCoreApplication.translate("Serve", "&Escalate to a unit or department…"),
            escalate_selected,
        )
        window.add_action(
            "requests",
            "actionEscalations",
            QCoreApplication.translate("Serve", "Escalated requests (street office)"),
            lambda: self.show(5),
        )
        window.add_action(
            "print",
            "actionPrintFeedbackSheets",
            QCoreApplication.translate("Serve", "Quarterly feedback sheets…"),
            lambda: self.show(3).print_quarter(),
        )
        window.add_action(
            "emergency",
            "actionDutyPosts",
            QCoreApplication.translate("Serve", "Duty posts and checkpoints"),
            lambda: self.show(6),
        )

        # Overdue escalations counted in the status bar, like overdue requests.
        self.alarm = alarm = QPushButton(window.statusBar())
        alarm.setObjectName("overdueEscalationsAlarm")
        alarm.setFlat(True)
        alarm.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
        alarm.clicked.connect(lambda _=False: self.show(5).overdue_only.setChecked(True))
        window.statusBar().addPermanentWidget(alarm)
        window.notifier.changed.connect(self._update_alarm)
        self._update_alarm()

    def show(self, tab: int) -> ServeView:
        view = self.view.show()
        view.tabs.setCurrentIndex(tab)
        return view

    def _rise(self) -> None:
        window = self.window
        if window.store.read_only or window.store.closed:
            return
        try:
            window.notifier.perform(esc.rise_overdue)
        except KnownError as error:
            ask.show_error(window, error)

    def _update_alarm(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes.everything and not changes.tables & {"escalation", "request"}:
            return
        counts = esc.escalation_counts(self.window.store)
        overdue = sum(v for k, v in counts.items() if k.startswith("overdue"))
        self.alarm.setText(
            QCoreApplication.translate("Serve", "{count} overdue escalations").format(count=overdue)
        )
        self.alarm.setVisible(overdue > 0)
