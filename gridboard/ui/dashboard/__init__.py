"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`install(window)` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report. The view
(and pyqtgraph, which its charts need) is built when first shown, not while the window opens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

__all__ = ["install"]


def install(window: Any) -> None:
    def build() -> Any:
        from gridboard.ui.dashboard.view import DashboardView

        view = DashboardView(window)
        window.dashboard = view
        return view

    window.add_view("dashboard", QCoreApplication.translate("Dashboard", "Dashboard"), build, "Ctrl+4")

    def export() -> None:
        window.show_view("dashboard").export_pdf()

    window.add_action(
        "file",
        "actionDashboardReport",
        QCoreApplication.translate("Dashboard", "Export dashboard &report (PDF)…"),
        export,
    )
