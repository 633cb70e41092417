"""The Print menu: visit sheets, door-knocking lists, grid sheets, contact tables, the day's requests list,
and "Enter a returned sheet" (also under Visits).

`install(window)` adds the actions; `window.printing` is the feature object, which opens the dialogs
(`print_dialog(kind)`, `entry_dialog()`), so the board and others can offer printing too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from gridboard.ui.printing.dialog import PrintDialog
from gridboard.ui.printing.entry import SheetEntryDialog

__all__ = ["PrintDialog", "PrintingFeature", "SheetEntryDialog", "install"]


class PrintingFeature(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("printingFeature")

    def print_dialog(self, kind: str = "member", *, target_id: int | None = None) -> PrintDialog:
        dialog = PrintDialog(self.window, kind=kind, target_id=target_id)
        dialog.show()
        return dialog

    def entry_dialog(self, sheet_no: str = "") -> SheetEntryDialog:
        dialog = SheetEntryDialog(self.window)
        dialog.show()
        if sheet_no:
            dialog.open_sheet(sheet_no)
        return dialog


def install(window: Any) -> PrintingFeature:
    feature = PrintingFeature(window)
    window.printing = feature
    for name, text, kind, shortcut in (
        (
            "actionPrintMemberSheet",
            QCoreApplication.translate("Printing", "&Visit sheet for a member…"),
            "member",
            "Ctrl+P",
        ),
        (
            "actionPrintBuildingList",
            QCoreApplication.translate("Printing", "&Door-knocking list for a building…"),
            "building",
            None,
        ),
        (
            "actionPrintGridSheets",
            QCoreApplication.translate("Printing", "Visit sheets for a &grid…"),
            "grid",
            None,
        ),
        (
            "actionPrintContactTable",
            QCoreApplication.translate("Printing", "&Contact table for a unit entrance…"),
            "contact",
            None,
        ),
        (
            "actionPrintTodaysRequests",
            QCoreApplication.translate("Printing", "Today's &requests list…"),
            "requests",
            None,
        ),
    ):
        window.add_action("print", name, text, lambda k=kind: feature.print_dialog(k), shortcut)
    window.menu("print").addSeparator()
    enter = window.add_action(
        "print",
        "actionEnterReturnedSheet",
        QCoreApplication.translate("Printing", "&Enter a returned sheet…"),
        feature.entry_dialog,
        "Ctrl+Shift+E",
    )
    window.menu("visits").addAction(enter)
    return feature
