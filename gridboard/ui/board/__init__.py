"""The pairing board feature: the main screen with the area tree, building map, site plan and household panel.

`BoardFeature` adds the "board" view (Ctrl+1) and the navigators for households, buildings,
grids and communities. Other features declare `needs = (BoardFeature,)` and extend the board
through `BoardView.map_menu_hooks`, `HouseholdPanel.add_action` and `HouseholdPanel.add_section`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication

from gridboard.ui.board.view import BoardView
from gridboard.ui.features import Feature

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

__all__ = ["BoardFeature", "BoardView"]


class BoardFeature:
    """The board view and the navigators that open a place on it."""

    needs: ClassVar[tuple[type[Feature], ...]] = ()

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = view = BoardView(window)
        window.add_view("board", QCoreApplication.translate("Board", "Board"), view, "Ctrl+1")
        window.navigators["household"] = self.show_household
        window.navigators["building"] = self.show_building
        window.navigators["grid"] = self.show_grid
        window.navigators["community"] = self.show_community
        window.add_action(
            "visits",
            "actionBoardLogVisit",
            QCoreApplication.translate("Board", "Log a visit for the selected household…"),
            view._log_current,
        )

    def show(self) -> BoardView:
        self.window.show_view("board")
        return self.view

    def show_household(self, household_id: int) -> None:
        self.show().select_household(household_id)

    def show_building(self, building_id: int) -> None:
        self.show().open_building(building_id)

    def show_grid(self, grid_id: int) -> None:
        self.show().open_grid(grid_id)

    def show_community(self, community_id: int) -> None:
        view = self.show()
        index = view.tree_model.index_for("community", community_id)
        if index.isValid():
            view.tree.setCurrentIndex(index)
            view.tree.expand(index)
