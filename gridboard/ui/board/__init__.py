"""The pairing board feature: the main screen with the area tree, building map, site plan and household panel.

`install(window)` adds the "board" view (Ctrl+1) and the navigators for households, buildings,
grids and communities. Other features extend the board through `BoardView.map_menu_hooks`,
`HouseholdPanel.add_action` and `HouseholdPanel.add_section`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gridboard.ui.board.view import BoardView

__all__ = ["BoardView", "install"]


def install(window: Any) -> BoardView:
    view = BoardView(window)
    window.add_view("board", QCoreApplication.translate("Board", "Board"), view, "Ctrl+1")

    def show() -> None:
        window.show_view("board")

    def household(household_id: int) -> None:
        show()
        view.select_household(household_id)

    def building(building_id: int) -> None:
        show()
        view.open_building(building_id)

    def grid(grid_id: int) -> None:
        show()
        view.open_grid(grid_id)

    def community(community_id: int) -> None:
        show()
        index = view.tree_model.index_for("community", community_id)
        if index.isValid():
            view.tree.setCurrentIndex(index)
            view.tree.expand(index)

    window.navigators["household"] = household
    window.navigators["building"] = building
    window.navigators["grid"] = grid
    window.navigators["community"] = community
    window.add_action(
        "visits",
        "actionBoardLogVisit",
        QCoreApplication.translate("Board", "Log a visit for the selected household…"),
        view._log_current,
    )
    return view
