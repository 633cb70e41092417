"""Pairing and keeping the ledger: the members view, proposals, pairing from the map and the household
panel, the grid team editor, ledger editing in the Edit menu, and the search box."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget, QWidgetAction

from gridboard.models import ledger, records
from gridboard.ui import ask
from gridboard.ui.board import BoardFeature
from gridboard.ui.editors import ledger_editors as editors
from gridboard.ui.features import Feature
from gridboard.ui.members.view import MembersView
from gridboard.ui.pairing.dialogs import PairDialog
from gridboard.ui.pairing.team_editor import edit_team
from gridboard.ui.search import SearchBox

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow


class LedgerFeature:
    """The members view, the search box, pairing and ledger editing (`window.features.get(LedgerFeature)`)."""

    needs: ClassVar[tuple[type[Feature], ...]] = (BoardFeature,)

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.members = MembersView(window)
        window.add_view("members", QCoreApplication.translate("Ledger", "Members"), self.members, "Ctrl+2")
        window.navigators["member"] = self.show_member
        bar = window.view_bar
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.search = SearchBox(window, bar)
        self._bar_widgets = []
        for widget in (spacer, self.search):
            action = QWidgetAction(bar)
            action.setDefaultWidget(widget)
            bar.addAction(action)
            self._bar_widgets.append(action)
        # Features installed after this one add their views to the bar; keep the search at its end.
        QTimer.singleShot(0, self._search_to_end)
        self._menus()
        self.board = window.features.get(BoardFeature).view
        self.board.map_menu_hooks.append(self.map_menu)
        panel = self.board.panel
        panel.add_action(
            "pairMemberButton", QCoreApplication.translate("Ledger", "Pair a member…"), self.pair_household
        )
        panel.add_action(
            "editHouseholdButton",
            QCoreApplication.translate("Ledger", "Edit household…"),
            lambda h: editors.edit_household(window, h),
        )
        panel.add_action(
            "residentsButton",
            QCoreApplication.translate("Ledger", "Residents…"),
            lambda h: editors.residents(window, h),
        )

    def _search_to_end(self) -> None:
        bar = self.window.view_bar
        if bar.actions()[-len(self._bar_widgets) :] == self._bar_widgets:
            return
        for action in self._bar_widgets:
            bar.removeAction(action)
        for action in self._bar_widgets:
            bar.addAction(action)

    # -- where we are on the board -----------------------------------------------------------------

    def selected(self) -> list[int]:
        return self.board.selected_household_ids()

    def building_id(self) -> int | None:
        return self.board.current_building_id()

    def grid_id(self) -> int | None:
        if self.board.grid_id is not None:
            return self.board.grid_id
        return ledger.first_grid_id(self.window.store)

    def community_id(self) -> int | None:
        grid_id = self.grid_id()
        if grid_id is not None:
            return ledger.grid_community(self.window.store, grid_id)
        return ledger.first_community_id(self.window.store)

    def _need(self, value: Any, message: str) -> bool:
        if value is None or value == []:
            ask.inform(self.window, QCoreApplication.translate("Ledger", "Edit"), message)
            return False
        return True

    def _with(
        self, value: Callable[[], int | None], message: str, action: Callable[[int], object]
    ) -> Callable[[], object]:
        """A menu slot: `action` on what `value` finds now, or `message` when there is none."""

        def slot() -> object:
            found = value()
            if found is None:
                return self._need(None, message)
            return action(found)

        return slot

    # -- menus -------------------------------------------------------------------------------------

    def _menus(self) -> None:
        w = self.window
        w.add_action(
            "edit", "actionFind", QCoreApplication.translate("Ledger", "&Find…"), self.search.focus, "Ctrl+F"
        )
        w.menu("edit").addSeparator()
        pick_household = QCoreApplication.translate("Ledger", "Select a household on the map first.")
        pick_building = QCoreApplication.translate("Ledger", "Open a building on the board first.")
        for name, text, slot in (
            (
                "actionNewCommunity",
                QCoreApplication.translate("Ledger", "New community…"),
                lambda: editors.new_community(w),
            ),
            (
                "actionEditCommunity",
                QCoreApplication.translate("Ledger", "Edit community…"),
                self._with(
                    self.community_id,
                    QCoreApplication.translate("Ledger", "There is no community yet."),
                    lambda c: editors.edit_community(w, c),
                ),
            ),
            (
                "actionNewGrid",
                QCoreApplication.translate("Ledger", "New grid…"),
                self._with(
                    self.community_id,
                    QCoreApplication.translate("Ledger", "There is no community yet."),
                    lambda c: editors.new_grid(w, c),
                ),
            ),
            (
                "actionEditGrid",
                QCoreApplication.translate("Ledger", "Edit grid…"),
                self._with(
                    self.grid_id,
                    QCoreApplication.translate("Ledger", "There is no grid yet."),
                    lambda g: editors.edit_grid(w, g),
                ),
            ),
            (
                "actionGridTeam",
                QCoreApplication.translate("Ledger", "Grid team…"),
                lambda: edit_team(w, self.grid_id()),
            ),
            (None, None, None),
            (
                "actionNewBuilding",
                QCoreApplication.translate("Ledger", "New building…"),
                self._with(
                    self.grid_id,
                    QCoreApplication.translate("Ledger", "There is no grid yet."),
                    lambda g: editors.new_building(w, g),
                ),
            ),
            (
                "actionEditBuilding",
                QCoreApplication.translate("Ledger", "Edit building…"),
                self._with(self.building_id, pick_building, lambda b: editors.edit_building(w, b)),
            ),
            (
                "actionAddRoom",
                QCoreApplication.translate("Ledger", "Add a room…"),
                self._with(self.building_id, pick_building, lambda b: editors.add_room(w, b)),
            ),
            (
                "actionRemoveBuilding",
                QCoreApplication.translate("Ledger", "Remove building"),
                self._with(
                    self.building_id,
                    pick_building,
                    lambda b: editors.remove(w, "building", b, self._building_name()),
                ),
            ),
            (None, None, None),
            (
                "actionEditHousehold",
                QCoreApplication.translate("Ledger", "Edit household…"),
                lambda: (
                    self._need(self.selected(), pick_household)
                    and editors.edit_household(w, self.selected()[0])
                ),
            ),
            (
                "actionResidents",
                QCoreApplication.translate("Ledger", "Residents…"),
                lambda: (
                    self._need(self.selected(), pick_household) and editors.residents(w, self.selected()[0])
                ),
            ),
            (
                "actionMoveOut",
                QCoreApplication.translate("Ledger", "Move residents out"),
                lambda: (
                    self._need(self.selected(), pick_household) and editors.move_out(w, self.selected()[0])
                ),
            ),
            (
                "actionMoveIn",
                QCoreApplication.translate("Ledger", "Move new residents in…"),
                lambda: (
                    self._need(self.selected(), pick_household) and editors.move_in(w, self.selected()[0])
                ),
            ),
            (
                "actionMergeRooms",
                QCoreApplication.translate("Ledger", "Merge selected rooms…"),
                lambda: editors.merge_rooms(w, self.selected()),
            ),
            (
                "actionRemoveHousehold",
                QCoreApplication.translate("Ledger", "Remove household"),
                lambda: (
                    self._need(self.selected(), pick_household)
                    and editors.remove(
                        w,
                        "household",
                        self.selected()[0],
                        QCoreApplication.translate("Ledger", "this household"),
                    )
                ),
            ),
            (None, None, None),
            (
                "actionNewMember",
                QCoreApplication.translate("Ledger", "New member…"),
                self._with(
                    self.community_id,
                    QCoreApplication.translate("Ledger", "There is no community yet."),
                    lambda c: editors.new_member(w, c),
                ),
            ),
        ):
            if name is None or text is None or slot is None:
                w.menu("edit").addSeparator()
            else:
                w.add_action("edit", name, text, slot)
        w.add_action(
            "view",
            "actionProposals",
            QCoreApplication.translate("Ledger", "Unpaired priority households"),
            self.show_proposals,
        )

    def _building_name(self) -> str:
        return records.name_of(self.window.store, "building", self.building_id())

    # -- pairing from the board --------------------------------------------------------------------

    def pair_household(self, household_id: int) -> PairDialog:
        return PairDialog(self.window, household_ids=[household_id]).open_modal()

    def pair_households(self, household_ids: list[int]) -> PairDialog:
        return PairDialog(self.window, household_ids=household_ids).open_modal()

    def give_place(self, building_id: int, unit: int | None, floor: int | None) -> PairDialog:
        return PairDialog(self.window, place=(building_id, unit, floor)).open_modal()

    def map_menu(self, menu: QMenu, household_ids: list[int]) -> None:
        if not household_ids:
            return
        rows = ledger.household_places(self.window.store, household_ids)
        buildings = {r["building_id"] for r in rows}
        units = {r["unit"] for r in rows}
        floors = {r["floor"] for r in rows}
        pair = menu.addAction(
            QCoreApplication.translate("Ledger", "Pair a member with this household…")
            if len(household_ids) == 1
            else QCoreApplication.translate("Ledger", "Pair one member with these {n} households…").format(
                n=len(household_ids)
            )
        )
        pair.setObjectName("menuPairMember")
        pair.triggered.connect(lambda _=False: self.pair_households(household_ids))
        if len(buildings) != 1:
            return
        building_id = next(iter(buildings))
        if len(floors) == 1:
            floor = next(iter(floors))
            unit = next(iter(units)) if len(units) == 1 else None
            action = menu.addAction(
                QCoreApplication.translate("Ledger", "Give floor {floor} of unit {unit} to a member…").format(
                    floor=floor, unit=unit
                )
                if unit
                else QCoreApplication.translate("Ledger", "Give floor {floor} to a member…").format(
                    floor=floor
                )
            )
            action.setObjectName("menuGiveFloor")
            action.triggered.connect(lambda _=False: self.give_place(building_id, unit, floor))
        if len(units) == 1:
            unit = next(iter(units))
            action = menu.addAction(
                QCoreApplication.translate("Ledger", "Give unit {unit} to a member…").format(unit=unit)
            )
            action.setObjectName("menuGiveUnit")
            action.triggered.connect(lambda _=False: self.give_place(building_id, unit, None))
        action = menu.addAction(QCoreApplication.translate("Ledger", "Give the whole building to a member…"))
        action.setObjectName("menuGiveBuilding")
        action.triggered.connect(lambda _=False: self.give_place(building_id, None, None))
        if len(household_ids) == 1:
            edit = menu.addAction(QCoreApplication.translate("Ledger", "Edit household…"))
            edit.setObjectName("menuEditHousehold")
            edit.triggered.connect(lambda _=False: editors.edit_household(self.window, household_ids[0]))
        elif len(units) == 1:
            merge = menu.addAction(QCoreApplication.translate("Ledger", "Merge these rooms into one home…"))
            merge.setObjectName("menuMergeRooms")
            merge.triggered.connect(lambda _=False: editors.merge_rooms(self.window, household_ids))

    # -- navigation --------------------------------------------------------------------------------

    def show_member(self, member_id: int) -> None:
        self.window.show_view("members")
        self.members.show_member(member_id)

    def show_proposals(self) -> None:
        self.window.show_view("members")
        self.members.show_proposals()
