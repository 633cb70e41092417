"""Those who come to serve (issue 21): the serve view (Ctrl+7) with units and reporting in, posts,
needs and projects, services and points, the ranking, escalations and duty posts; "Escalate…" in
the Requests menu for the selected request; the escalations' count in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QPushButton

from gridboard.models import escalation as esc
from gridboard.models.changes import Changes
from gridboard.models.errors import KnownError
from gridboard.ui import ask

__all__ = ["install"]


def install(window: Any) -> None:
    def build() -> Any:
        # Built when first shown (its fifteen tables, and openpyxl for its exports, cost a second
        # while a city file's window opened).
        from gridboard.ui.serve.view import ServeView

        view = ServeView(window)
        window.serve = view
        return view

    window.add_view("serve", QCoreApplication.translate("Serve", "Serve"), build, "Ctrl+7")

    # Escalations rise a level by rule as their limits pass, whatever else is going on (and whether
    # or not the view was ever shown).
    def rise() -> None:
        if window.store.read_only or window.store.closed:
            return
        try:
            window.notifier.perform(esc.rise_overdue)
        except KnownError as error:
            ask.show_error(window, error)

    clock = QTimer(window)
    clock.setObjectName("serveClock")
    clock.setInterval(5 * 60 * 1000)
    clock.timeout.connect(rise)
    clock.start()
    window.serve_clock = clock
    # A closed window's file is closed too: its clock must not look at it again.
    window.closed.connect(clock.stop)

    def show(tab: int) -> Any:
        view = window.show_view("serve")
        view.tabs.setCurrentIndex(tab)
        return view

    def escalate_selected() -> Any:
        requests_view = getattr(window, "requests", None)
        request_id = requests_view.current_id() if requests_view is not None else None
        return show(5).escalate(request_id)

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
        lambda: show(5),
    )
    window.add_action(
        "print",
        "actionPrintFeedbackSheets",
        QCoreApplication.translate("Serve", "Quarterly feedback sheets…"),
        lambda: show(3).print_quarter(),
    )
    window.add_action(
        "emergency",
        "actionDutyPosts",
        QCoreApplication.translate("Serve", "Duty posts and checkpoints"),
        lambda: show(6),
    )

    # Overdue escalations counted in the status bar, like overdue requests.
    alarm = QPushButton(window.statusBar())
    alarm.setObjectName("overdueEscalationsAlarm")
    alarm.setFlat(True)
    alarm.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
    alarm.clicked.connect(lambda _=False: show(5).overdue_only.setChecked(True))
    window.statusBar().addPermanentWidget(alarm)

    def update_alarm(changes: Changes | None = None) -> None:
        if changes is not None and not changes.everything and not changes.tables & {"escalation", "request"}:
            return
        counts = esc.escalation_counts(window.store)
        overdue = sum(v for k, v in counts.items() if k.startswith("overdue"))
        alarm.setText(
            QCoreApplication.translate("Serve", "{count} overdue escalations").format(count=overdue)
        )
        alarm.setVisible(overdue > 0)

    window.notifier.changed.connect(update_alarm)
    update_alarm()
