"""The board page: navigation tree left, the building map or grid site plan centre, household panel right.

Every change arrives as `Changes` from the notifier; the board refreshes only the tree rows of the
buildings touched, only the cells of the households touched, and the panel if it shows one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QPointF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import board, records, visits
from gridboard.models.changes import Changes
from gridboard.models.rules import Coverage, coverage
from gridboard.ui import ask, ops
from gridboard.ui.board.colors import BandLegend, StatusLegend
from gridboard.ui.board.floor_map import FloorMap
from gridboard.ui.board.household_panel import HouseholdPanel
from gridboard.ui.board.site_plan import SitePlan
from gridboard.ui.board.tree import NODE_ROLE, AreaTreeModel
from gridboard.ui.board.visit_dialog import VisitDialog

SPLITTER_KEY = "board/splitter"
STRUCTURE_TABLES = {"community", "grid"}


class BoardView(QWidget):
    """The main screen. Other features extend it through `map_menu_hooks` and the panel's hooks."""

    selection_changed = Signal(list)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardView")
        self.window_ = window
        self.store = window.store
        self.notifier = window.notifier
        self.map_menu_hooks: list[Callable[[QMenu, list[int]], None]] = []
        self.grid_id: int | None = None
        self.building: board.BuildingInfo | None = None
        self.dialog: VisitDialog | None = None

        self.tree_model = AreaTreeModel(self.store, self)
        window.closed.connect(self.tree_model.shutdown)
        self.tree = QTreeView(self)
        self.tree.setObjectName("navTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed count columns: resizing to contents would measure every row on each change.
        digits = self.tree.fontMetrics().horizontalAdvance("0000000")
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(digits, header.sectionSizeHint(column)) + 8)
        self.tree.setMinimumWidth(230)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        for community in range(self.tree_model.rowCount()):
            self.tree.expand(self.tree_model.index(community, 0))

        self.floor_map = FloorMap(self)
        self.site_plan = SitePlan(self)
        self.panel = HouseholdPanel(self.store, self)

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        heading = QWidget(centre)
        heading_layout = QHBoxLayout(heading)
        heading_layout.setContentsMargins(8, 4, 8, 4)
        self.title = QLabel(heading)
        self.title.setObjectName("boardTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.coverage_label = QLabel(heading)
        self.coverage_label.setObjectName("coverageLabel")
        heading_layout.addWidget(self.title)
        heading_layout.addSpacing(16)
        heading_layout.addWidget(self.coverage_label, 1)
        centre_layout.addWidget(heading)
        self.toolbar = QToolBar(centre)
        self.toolbar.setObjectName("boardToolbar")
        centre_layout.addWidget(self.toolbar)
        self.stack = QStackedWidget(centre)
        self.stack.setObjectName("boardStack")
        self.stack.addWidget(self.site_plan)
        self.stack.addWidget(self.floor_map)
        from gridboard.ui.board.first_steps import FirstSteps

        self.first_steps = FirstSteps(self.window_, self.stack)
        self.stack.addWidget(self.first_steps)
        centre_layout.addWidget(self.stack, 1)
        self.status_legend = StatusLegend(centre)
        self.band_legend = BandLegend(centre)
        centre_layout.addWidget(self.status_legend)
        centre_layout.addWidget(self.band_legend)
        self.status_legend.set_markers(board.marker_legend(self.store))
        self._build_toolbar()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("boardSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([260, 760, 340])
        state = QSettings().value(SPLITTER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        # Saved once the dragging stops: each save flushes the settings file to disk.
        self._splitter_timer = QTimer(self)
        self._splitter_timer.setSingleShot(True)
        self._splitter_timer.setInterval(500)
        self._splitter_timer.timeout.connect(self._save_splitter)
        self._splitter_moved = False
        self.splitter.splitterMoved.connect(self._splitter_dragged)
        window.closed.connect(self._save_splitter_if_moved)  # a drag just before closing is kept too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.floor_map.selection_changed.connect(self._map_selection_changed)
        self.floor_map.activated.connect(self.log_visit)
        self.floor_map.context_menu_requested.connect(self._map_menu)
        self.site_plan.building_activated.connect(self.open_building)
        self.site_plan.building_moved.connect(self._building_moved)
        self.panel.log_visit_requested.connect(self.log_visit)
        self.panel.withdraw_visit_requested.connect(self.withdraw_visit)
        self.panel.correct_visit_requested.connect(self.correct_visit)
        self.notifier.changed.connect(self._on_changed)

        self._show_page("plan")
        first_grid = next(
            (n.id for n in board.area_nodes(self.store) if n.level == "grid"),
            None,
        )
        if first_grid is not None:
            self.open_grid(first_grid)
        else:
            self._show_first_steps()

    # -- toolbar -------------------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[..., object],
        shortcut: str | None = None,
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = self.toolbar
        self.plan_action = self._action(
            "actionSitePlan", self.tr("Site plan"), self.show_site_plan, "Backspace"
        )
        bar.addAction(self.plan_action)
        bar.addSeparator()
        self.log_action = self._action("actionLogVisit", self.tr("Log a visit…"), self._log_current, "Ctrl+L")
        bar.addAction(self.log_action)
        bar.addSeparator()
        self.filter_actions: dict[str, QAction] = {}
        for name, text, shortcut in (
            ("priority", self.tr("Priority only"), "Alt+1"),
            ("overdue", self.tr("Overdue only"), "Alt+2"),
            ("requests", self.tr("With open requests"), "Alt+3"),
        ):
            action = self._action(
                f"filter{name.capitalize()}",
                text,
                lambda on, n=name: self._filter_toggled(n, on),
                shortcut,
                checkable=True,
            )
            bar.addAction(action)
            self.filter_actions[name] = action
        self.member_combo = QComboBox(bar)
        self.member_combo.setObjectName("memberFilter")
        self.member_combo.setMinimumContentsLength(8)
        self.member_combo.setToolTip(self.tr("Outline one member's households"))
        self._fill_members()
        self.member_combo.currentIndexChanged.connect(
            lambda _: self.floor_map.highlight_member(self.member_combo.currentData())
        )
        bar.addWidget(self.member_combo)
        bar.addSeparator()
        for name, text, slot, shortcut in (
            ("actionZoomIn", self.tr("Zoom in"), self.floor_map.zoom_in, "Ctrl+="),
            ("actionZoomOut", self.tr("Zoom out"), self.floor_map.zoom_out, "Ctrl+-"),
            ("actionFit", self.tr("Fit"), self.floor_map.fit, "Ctrl+0"),
        ):
            bar.addAction(self._action(name, text, slot, shortcut))
        self.find_action = self._action("actionFocusTree", self.tr("Go to area"), self._focus_tree, "Ctrl+G")

    def _fill_members(self) -> None:
        current = self.member_combo.currentData()
        self.member_combo.blockSignals(True)
        self.member_combo.clear()
        self.member_combo.addItem(self.tr("(no member outlined)"), None)
        # Only the open building's community: a city file has tens of thousands of members.
        if self.building is not None:
            for member_id, name in board.member_choices(self.store, self.building.community_id):
                self.member_combo.addItem(name, member_id)
        index = self.member_combo.findData(current)
        self.member_combo.setCurrentIndex(max(index, 0))
        self.member_combo.blockSignals(False)

    def _filter_toggled(self, name: str, on: bool) -> None:
        self.floor_map.set_filter(name, on)

    def _focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- public API ----------------------------------------------------------------------------------

    def selected_household_ids(self) -> list[int]:
        return self.floor_map.selected_ids() if self.stack.currentWidget() is self.floor_map else []

    def current_building_id(self) -> int | None:
        return self.building.id if self.building else None

    def open_building(self, building_id: int) -> None:
        info = board.building_info(self.store, building_id)
        community_changed = self.building is None or self.building.community_id != info.community_id
        self.building = info
        self.grid_id = info.grid_id
        self._show_page("map")  # first, so the map knows its size when it picks a zoom
        self.floor_map.set_building(building_id, board.building_cells(self.store, building_id))
        if community_changed:
            self._fill_members()
            self.floor_map.highlight_member(self.member_combo.currentData())
        self._select_tree("building", building_id)
        self._refresh_heading()
        self.panel.show_nothing()
        self.selection_changed.emit([])

    def open_grid(self, grid_id: int) -> None:
        self.grid_id = grid_id
        self._load_site_plan()
        self._select_tree("grid", grid_id)
        self._show_page("plan")
        self._refresh_heading()
        self.panel.show_nothing()
        self.selection_changed.emit([])

    def show_site_plan(self) -> None:
        if self.grid_id is not None:
            self.open_grid(self.grid_id)

    def select_household(self, household_id: int) -> None:
        building_id = board.household_building(self.store, household_id)
        if self.current_building_id() != building_id or self.stack.currentWidget() is not self.floor_map:
            self.open_building(building_id)
        self.floor_map.select_household(household_id)
        self.floor_map.setFocus()

    def set_filter(self, name: str, on: bool) -> None:
        self.filter_actions[name].setChecked(on)  # toggled -> floor_map.set_filter

    def highlight_member(self, member_id: int | None) -> None:
        index = self.member_combo.findData(member_id)
        if index < 0 and member_id is not None:
            name = records.name_of(self.store, "member", member_id) or str(member_id)
            self.member_combo.addItem(name, member_id)
            index = self.member_combo.count() - 1
        self.member_combo.setCurrentIndex(max(index, 0))
        self.floor_map.highlight_member(member_id)

    # -- visits --------------------------------------------------------------------------------------

    def _log_current(self) -> None:
        ids = self.selected_household_ids()
        current = self.floor_map.current if self.floor_map.current in ids else (ids[0] if ids else None)
        if current is not None:
            self.log_visit(current)

    def log_visit(self, household_id: int) -> VisitDialog:
        """Open the visit dialog (window-modal, not blocking); Enter in it saves."""
        dialog = VisitDialog(self.store, household_id, self._save_visit, parent=self)
        self._open_dialog(dialog)
        return dialog

    def correct_visit(self, visit_id: int) -> VisitDialog | None:
        found = [
            v
            for v in visits.household_visits(self.store, board.visit_household(self.store, visit_id))
            if v.id == visit_id
        ]
        if not found:
            return None
        visit = found[0]

        def save(values: dict[str, Any]) -> bool:
            return (
                ops.run(
                    self.window_,
                    self.tr("Correct a visit"),
                    visits.correct_visit,
                    visit_id,
                    parent=self,
                    **values,
                )
                is not ops.FAILED
            )

        dialog = VisitDialog(self.store, visit.household_id, save, visit=visit, parent=self)
        self._open_dialog(dialog)
        return dialog

    def withdraw_visit(self, visit_id: int) -> bool:
        reason = ask.text(
            self,
            self.tr("Withdraw a visit"),
            self.tr("Why is this visit withdrawn? (It stays in the audit log.)"),
            self.tr("Entered by mistake"),
        )
        if reason is None:
            return False
        return (
            ops.run(
                self.window_,
                self.tr("Withdraw a visit"),
                visits.withdraw_visit,
                visit_id,
                parent=self,
                reason=reason,
            )
            is not ops.FAILED
        )

    def _open_dialog(self, dialog: VisitDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: VisitDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self.stack.currentWidget() is self.floor_map:
            self.floor_map.setFocus()

    def _save_visit(self, values: dict[str, Any]) -> bool:
        return (
            ops.run(
                self.window_, self.tr("Log a visit"), board.log_visit_with_requests, parent=self, **values
            )
            is not ops.FAILED
        )

    # -- site plan -------------------------------------------------------------------------------------

    def _load_site_plan(self) -> None:
        if self.grid_id is None:
            return
        blocks = board.grid_blocks(self.store, self.grid_id)
        figures = {c.key: c for c in coverage(self.store, "building", within={"grid": self.grid_id})}
        self.site_plan.set_grid(self.grid_id, blocks, figures)

    def _building_moved(self, building_id: int, old: QPointF, new: QPointF) -> None:
        ops.run(
            self.window_,
            self.tr("Move a building on the site plan"),
            board.set_building_position,
            building_id,
            parent=self,
            x=new.x(),
            y=new.y(),
        )

    # -- refreshing ------------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or "tag" in changes.tables:
            self.status_legend.set_markers(board.marker_legend(self.store))
        if changes.everything or changes.tables & STRUCTURE_TABLES or self._new_buildings(changes):
            self._reload_all()
            return
        buildings = set(changes.buildings)
        if changes.households and not buildings >= self._buildings_of(changes.households, known=buildings):
            buildings |= self._buildings_of(changes.households)
        self.tree_model.refresh_buildings(buildings, names="building" in changes.tables)
        if "member" in changes.tables:
            self._fill_members()
        if self.building is not None and self.building.id in buildings:
            self._refresh_map(changes)
        on_plan = self.stack.currentWidget() is self.site_plan and self.grid_id is not None
        if on_plan and (self.grid_id in changes.grids or buildings & set(self.site_plan.blocks)):
            self._load_site_plan()
        if self.panel.household_id is not None and (
            self.panel.household_id in changes.households
            or (self.panel.detail is not None and self.panel.detail.building_id in buildings)
        ):
            self.panel.refresh()
        self._refresh_heading()

    def _new_buildings(self, changes: Changes) -> bool:
        return any(not self.tree_model.has_building(b) for b in changes.buildings)

    def _buildings_of(self, household_ids: set[int], *, known: set[int] | None = None) -> set[int]:
        if self.floor_map.building_id is not None and household_ids <= set(self.floor_map.cells):
            return {self.floor_map.building_id}
        return board.households_buildings(self.store, list(household_ids))

    def _refresh_map(self, changes: Changes) -> None:
        assert self.building is not None
        building_wide = bool(
            changes.tables & {"scope", "building", "household", "setting", "emergency", "tag"}
        )
        mine = changes.households & set(self.floor_map.cells)
        if (
            not building_wide
            and mine
            and len(mine) < 50
            and self.floor_map.update_cells(board.cells(self.store, sorted(mine)))
        ):
            return
        self.building = board.building_info(self.store, self.building.id)
        self.floor_map.set_building(self.building.id, board.building_cells(self.store, self.building.id))

    def _reload_all(self) -> None:
        self.tree_model.reload()
        for community in range(self.tree_model.rowCount()):
            self.tree.expand(self.tree_model.index(community, 0))
        self._fill_members()
        on_map = self.building is not None and self.stack.currentWidget() is self.floor_map
        if on_map and self.tree_model.has_building(self.building.id):
            selected = self.floor_map.selected_ids()
            self.open_building(self.building.id)
            self.floor_map.set_selection(selected)
            return
        if self.grid_id is not None:
            self.open_grid(self.grid_id)
        else:
            first = next((n.id for n in board.area_nodes(self.store) if n.level == "grid"), None)
            if first is not None:
                self.open_grid(first)
            else:
                self._show_first_steps()

    def _refresh_heading(self) -> None:
        if self.stack.currentWidget() is self.floor_map and self.building is not None:
            # The tree's counts (the same rules SQL) and the cells already loaded: no extra query.
            counts = self.tree_model.counts("building", self.building.id) or board.BuildingCounts(0)
            paired = sum(1 for c in self.floor_map.cells.values() if c.status not in ("vacant", "not_paired"))
            figures = Coverage(
                key=self.building.id,
                name=self.building.name,
                households=counts.households,
                paired=paired,
                visited_in_cycle=counts.visited_in_cycle,
                priority=0,
                priority_overdue=counts.priority_overdue,
                overdue=counts.overdue,
            )
            self.title.setText(self.building.name)
            self.coverage_label.setText(self._coverage_text(figures))
        elif self.grid_id is not None:
            figures = coverage(self.store, "grid", within={"grid": self.grid_id})
            name = records.name_of(self.store, "grid", self.grid_id)
            self.title.setText(name)
            self.coverage_label.setText(self._coverage_text(figures[0] if figures else None))

    def _coverage_text(self, figures: Any) -> str:
        if figures is None or not figures.households:
            return self.tr("No households lived in")
        return self.tr(
            "{households} households · paired {paired:.0f}% · visited within cycle {visited:.0f}%"
            " · {overdue} overdue"
        ).format(
            households=figures.households,
            paired=100 * (figures.paired_share or 0),
            visited=100 * (figures.visited_share or 0),
            overdue=figures.overdue,
        )

    # -- tree, pages, panel ---------------------------------------------------------------------------

    def _select_tree(self, level: str, node_id: int) -> None:
        index = self.tree_model.index_for(level, node_id)
        if not index.isValid() or self.tree.currentIndex() == index:
            return
        self.tree.selectionModel().blockSignals(True)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.selectionModel().blockSignals(False)
        self.tree.viewport().update()
        self.tree.scrollTo(index)

    def _tree_current_changed(self, current, _previous) -> None:
        node = current.data(NODE_ROLE)
        if node is None:
            return
        level, node_id = node
        if level == "building":
            self.open_building(node_id)
        elif level == "grid":
            self.open_grid(node_id)
        else:
            grids = self.tree_model.children_of(level, node_id)
            if grids:
                self.grid_id = grids[0][1]
                self._load_site_plan()
                self._show_page("plan")
                self._refresh_heading()

    def _show_first_steps(self) -> None:
        """A blank community: its next steps instead of an empty plan."""
        self.title.setText(self.tr("No grids yet"))
        self._show_page("plan")
        self.stack.setCurrentWidget(self.first_steps)
        self.band_legend.setVisible(False)

    def _show_page(self, page: str) -> None:
        on_map = page == "map"
        self.stack.setCurrentWidget(self.floor_map if on_map else self.site_plan)
        self.status_legend.setVisible(on_map)
        self.band_legend.setVisible(not on_map)
        for action in (*self.filter_actions.values(), self.log_action):
            action.setEnabled(on_map)
        self.member_combo.setEnabled(on_map)
        self.plan_action.setEnabled(on_map)

    def _map_selection_changed(self, ids: list[int]) -> None:
        if len(ids) == 1:
            self.panel.set_household(ids[0])
        else:
            self.panel.show_nothing(len(ids))
        message = self.tr("{count} households selected").format(count=len(ids)) if len(ids) > 1 else ""
        self.window_.statusBar().showMessage(message)
        self.selection_changed.emit(ids)

    def _map_menu(self, global_pos: Any, ids: list[int]) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("floorMapMenu")
        if len(ids) == 1:
            log = menu.addAction(self.tr("Log a visit…"))
            log.setObjectName("menuLogVisit")
            log.triggered.connect(lambda _=False: self.log_visit(ids[0]))
        select_floor = menu.addAction(self.tr("Select the whole floor"))
        select_floor.setObjectName("menuSelectFloor")
        first = self.floor_map.cell(ids[0])
        if first is not None:
            select_floor.triggered.connect(lambda _=False: self.floor_map.select_floor(first.floor))
            select_unit = menu.addAction(self.tr("Select the whole unit"))
            select_unit.setObjectName("menuSelectUnit")
            select_unit.triggered.connect(lambda _=False: self.floor_map.select_unit(first.unit))
        for hook in self.map_menu_hooks:
            menu.addSeparator()
            hook(menu, list(ids))
        if global_pos is not None:
            menu.popup(global_pos)
        return menu

    def _splitter_dragged(self, *_: Any) -> None:
        self._splitter_moved = True
        self._splitter_timer.start()

    def _save_splitter_if_moved(self) -> None:
        if self._splitter_moved:
            self._save_splitter()

    def _save_splitter(self) -> None:
        self._splitter_moved = False
        QSettings().setValue(SPLITTER_KEY, self.splitter.saveState())
