"""The Print menu: visit sheets, door-knocking lists, grid sheets, contact tables, the day's requests list,
and "Enter a returned sheet" (also under Visits).

`PrintingFeature` adds the actions and opens the dialogs (`print_dialog(kind)`, `entry_dialog()`), so
the board and others can offer printing too (`window.features.get(PrintingFeature)`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMenu

from gridboard.ui.board import BoardFeature
from gridboard.ui.features import Feature

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

__all__ = ["PrintDialog", "PrintingFeature", "SheetEntryDialog"]

# The print dialog's modules are imported in a thread this long after the window is made (after the
# readers' connections and the dashboard made behind): at the first Print they held the window
# 0.1-0.15 s.
IMPORT_BEHIND_MS = 3000

log = logging.getLogger(__name__)


def import_dialog_behind() -> None:
    threading.Thread(target=_import_dialog, name="import printing", daemon=True).start()


def _import_dialog() -> None:
    try:
        import gridboard.ui.printing.dialog  # noqa: F401
    except Exception:  # noqa: BLE001 - the first Print imports it again, and says what is wrong
        log.exception("importing the print dialog behind the window failed")


def __getattr__(name: str) -> Any:
    # The dialogs (and the page layout, QR codes...) are imported when first used, not at start-up.
    if name == "PrintDialog":
        from gridboard.ui.printing.dialog import PrintDialog

        return PrintDialog
    if name == "SheetEntryDialog":
        from gridboard.ui.printing.entry import SheetEntryDialog

        return SheetEntryDialog
    raise AttributeError(name)


class PrintingFeature(QObject):
    needs: ClassVar[tuple[type[Feature], ...]] = (BoardFeature,)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("printingFeature")
        QTimer.singleShot(IMPORT_BEHIND_MS, self, import_dialog_behind)
        self.board = window.features.get(BoardFeature).view
        self._actions(window)

    def print_dialog(
        self, kind: str = "member", *, target_id: int | None = None, unit: int | None = None
    ) -> Any:
        from gridboard.ui.printing.dialog import PrintDialog

        if target_id is None:
            target_id = self._board_target(kind)
        dialog = PrintDialog(self.window, kind=kind, target_id=target_id)
        if unit is not None:
            dialog.unit_combo.setCurrentIndex(max(dialog.unit_combo.findData(unit), 0))
        dialog.show()
        return dialog

    def _board_target(self, kind: str) -> int | None:
        """What the board shows, so printing starts from the building or grid in front of the user."""
        board = self.board
        if kind in ("building", "contact"):
            return board.current_building_id()
        if kind in ("grid", "requests"):
            return board.grid_id
        return None

    def map_menu(self, menu: QMenu, household_ids: list[int]) -> None:
        """On the building map's menu: print this building's list, or this unit's contact table."""
        board = self.board
        building_id = board.current_building_id()
        if building_id is None:
            return
        cell = board.floor_map.cell(household_ids[0]) if household_ids else None
        action = menu.addAction(
            QCoreApplication.translate("Printing", "Print this building's door-knocking list…")
        )
        action.setObjectName("menuPrintBuildingList")
        action.triggered.connect(lambda _=False: self.print_dialog("building", target_id=building_id))
        if cell is not None:
            action = menu.addAction(
                QCoreApplication.translate("Printing", "Print the contact table for unit {unit}…").format(
                    unit=cell.unit
                )
            )
            action.setObjectName("menuPrintContactTable")
            action.triggered.connect(
                lambda _=False: self.print_dialog("contact", target_id=building_id, unit=cell.unit)
            )

    def entry_dialog(self, sheet_no: str = "") -> Any:
        from gridboard.ui.printing.entry import SheetEntryDialog

        dialog = SheetEntryDialog(self.window)
        dialog.show()
        if sheet_no:
            dialog.open_sheet(sheet_no)
        return dialog

    def _opener(self, kind: str) -> Callable[[], object]:
        return lambda: self.print_dialog(kind)

    def _actions(self, window: MainWindow) -> None:
        feature = self
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
            window.add_action("print", name, text, self._opener(kind), shortcut)
        window.menu("print").addSeparator()
        enter = window.add_action(
            "print",
            "actionEnterReturnedSheet",
            QCoreApplication.translate("Printing", "&Enter a returned sheet…"),
            feature.entry_dialog,
            "Ctrl+Shift+E",
        )
        window.menu("visits").addAction(enter)
        self.board.map_menu_hooks.append(feature.map_menu)
