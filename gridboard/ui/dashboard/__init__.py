"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`install(window)` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report. The view
is built when first shown, not while the window opens; pyqtgraph, which its charts need, is imported
in a thread soon after the window is up (`preload`), and the charts are made one at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

__all__ = ["install"]

# pyqtgraph is imported behind the window this long after it is made: not while the first view paints.
PRELOAD_DELAY_MS = 1500


def install(window: Any) -> None:
    def build() -> Any:
        from gridboard.ui.dashboard.view import DashboardView

        view = DashboardView(window)
        window.dashboard = view
        return view

    window.add_view("dashboard", QCoreApplication.translate("Dashboard", "Dashboard"), build, "Ctrl+4")
    from gridboard.ui.dashboard import preload

    QTimer.singleShot(PRELOAD_DELAY_MS, preload.start)

    def export() -> None:
        window.show_view("dashboard").export_pdf()

    window.add_action(
        "file",
        "actionDashboardReport",
        QCoreApplication.translate("Dashboard", "Export dashboard &report (PDF)…"),
        export,
    )
