"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`install(window)` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gridboard.ui.dashboard.view import DashboardView

__all__ = ["DashboardView", "install"]


def install(window: Any) -> DashboardView:
    view = DashboardView(window)
    window.add_view("dashboard", QCoreApplication.translate("Dashboard", "Dashboard"), view, "Ctrl+4")
    window.dashboard = view

    def export() -> None:
        window.show_view("dashboard")
        view.export_pdf()

    window.add_action(
        "file",
        "actionDashboardReport",
        QCoreApplication.translate("Dashboard", "Export dashboard &report (PDF)…"),
        export,
    )
    return view
