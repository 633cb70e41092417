"""The pairing board driven as a user would: tree, map, keyboard, visit dialog, panel, site plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Small, save_screenshot
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton, QWidget

from gridboard.models import ledger, pairing, tallies, visits
from gridboard.models.opening import open_store
from gridboard.ui import ask
from gridboard.ui.board import colors
from gridboard.ui.board.floor_map import FloorMap
from gridboard.ui.board.tree import NODE_ROLE
from gridboard.ui.board.view import BoardView
from gridboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_window(gui, qtbot, community_demo: Path):
    store = open_store(community_demo)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1500, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    store.close()


def board_of(window: MainWindow) -> BoardView:
    view = window.findChild(BoardView, "boardView")
    assert view is not None and window.current_view_key() == "board"
    return view


def click_tree(qtbot, view: BoardView, level: str, node_id: int) -> None:
    index = view.tree_model.index_for(level, node_id)
    view.tree.expand(index.parent())
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell_pixel(floor_map: FloorMap, household_id: int) -> QColor:
    """The colour drawn at the cell's left edge, half-way down (clear of texts, markers and badges)."""
    rect = floor_map.cell_rect(household_id)
    point = floor_map.mapFromScene(rect.left() + 7, rect.center().y())
    return floor_map.viewport().grab().toImage().pixelColor(point)


def tree_overdue(view: BoardView, building_id: int) -> int:
    counts = view.tree_model.counts("building", building_id)
    index = view.tree_model.index_for("building", building_id)
    shown = view.tree_model.index(index.row(), 2, index.parent()).data()
    assert shown == (str(counts.overdue) if counts.overdue else "")
    return counts.overdue


def visit_dialog(qtbot, window: QWidget) -> QDialog:
    """The visit dialog now open (a closed one may linger until deleted)."""

    def shown() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog, "visitDialog") if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    dialog = shown()[0]
    qtbot.waitExposed(dialog)
    return dialog


def test_log_a_visit_from_the_keyboard_and_withdraw_it(demo_window, qtbot, monkeypatch) -> None:
    window = demo_window
    view = board_of(window)
    store = window.store
    qtbot.waitUntil(lambda: view.tree_model.rowCount() > 0)
    tall = store.scalar("SELECT id FROM building WHERE floors = 33 ORDER BY id LIMIT 1")
    grid = store.scalar("SELECT grid_id FROM building WHERE id = ?", [tall])

    # Through the tree: the grid's site plan, then the building's floor map.
    click_tree(qtbot, view, "grid", grid)
    assert view.stack.currentWidget() is view.site_plan
    click_tree(qtbot, view, "building", tall)
    assert view.stack.currentWidget() is view.floor_map
    assert view.current_building_id() == tall
    floor_map = view.floor_map

    # A paired, overdue household with a neighbour on its left: reach it with the arrow keys.
    layout = floor_map.layout_
    target = next(
        c.id
        for c in floor_map.cells.values()
        if c.status == "overdue"
        and c.member_ids
        and (layout.positions[c.id][0], layout.positions[c.id][1] - 1) in layout.at
    )
    row, column = layout.positions[target]
    qtbot.mouseClick(
        floor_map.viewport(),
        Qt.MouseButton.LeftButton,
        pos=floor_map.cell_center_in_view(layout.at[(row, column - 1)]),
    )
    qtbot.keyClick(floor_map, Qt.Key.Key_Right)
    assert view.selected_household_ids() == [target]
    assert view.panel.household_id == target
    before_colour = cell_pixel(floor_map, target)
    assert before_colour == colors.status_fill("overdue")
    before_badge = tree_overdue(view, tall)
    before_coverage = view.coverage_label.text()
    QApplication.processEvents()
    save_screenshot(window, "board_33_floors")

    # Enter opens the visit dialog with the paired member; Enter again saves.
    qtbot.keyClick(floor_map, Qt.Key.Key_Return)
    dialog = visit_dialog(qtbot, window)
    assert dialog.member.currentData() == floor_map.cells[target].member_ids[0]
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: floor_map.cells[target].status == "ok")
    assert cell_pixel(floor_map, target) == colors.status_fill("ok")
    assert tree_overdue(view, tall) == before_badge - 1
    assert view.coverage_label.text() != before_coverage
    visit_id = store.scalar("SELECT max(id) FROM visit WHERE household_id = ?", [target])
    assert store.scalar("SELECT member_id FROM visit_member WHERE visit_id = ?", [visit_id]) == dialog_member(
        store, target
    )

    # Withdraw it from the panel: everything goes back.
    monkeypatch.setattr(ask, "text", lambda *a, **k: "录错了")
    panel = view.panel
    panel.visit_list.setCurrentItem(panel.visit_list.topLevelItem(0))
    assert panel.selected_visit_id() == visit_id
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: floor_map.cells[target].status == "overdue")
    assert cell_pixel(floor_map, target) == before_colour
    assert tree_overdue(view, tall) == before_badge
    assert view.coverage_label.text() == before_coverage
    assert store.scalar("SELECT withdrawn_reason FROM visit WHERE id = ?", [visit_id]) == "录错了"


def dialog_member(store, household_id: int) -> int:
    return pairing.household_member_ids(store, household_id)[0]


def test_site_plan_screenshot_drag_and_click(demo_window, qtbot) -> None:
    window = demo_window
    view = board_of(window)
    store = window.store
    grid = store.scalar("SELECT grid_id FROM building WHERE floors = 33 ORDER BY id LIMIT 1")
    window.navigate("grid", grid)
    plan = view.site_plan
    assert plan.grid_id == grid and view.stack.currentWidget() is plan
    building = next(iter(plan.blocks))
    assert plan.blocks[building].label().endswith("%")
    QApplication.processEvents()
    save_screenshot(window, "board_site_plan")

    # Drag a block: its position is saved, and undo puts it back.
    start = plan.block_center_in_view(building)
    qtbot.mousePress(plan.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(plan.viewport(), start + QPoint(12 * step, 8 * step))
    qtbot.mouseRelease(plan.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(60, 40))
    saved = store.one("SELECT plan_x, plan_y FROM building WHERE id = ?", [building])
    assert saved["plan_x"] is not None
    assert window.undo_stack.canUndo()
    window.undo_stack.undo()
    moved_back = store.one("SELECT plan_x, plan_y FROM building WHERE id = ?", [building])
    assert (moved_back["plan_x"], moved_back["plan_y"]) != (saved["plan_x"], saved["plan_y"])

    # A click opens the building's floor map.
    qtbot.mouseClick(plan.viewport(), Qt.MouseButton.LeftButton, pos=plan.block_center_in_view(building))
    assert view.stack.currentWidget() is view.floor_map
    assert view.current_building_id() == building


def test_selection_by_click_ctrl_shift_floor_unit_and_rubber_band(window, qtbot, small: Small) -> None:
    view = board_of(window)
    window.navigate("building", small.building)
    floor_map = view.floor_map
    seen: list[list[int]] = []
    view.selection_changed.connect(seen.append)
    a, b, c = small.household(1, "101"), small.household(1, "202"), small.household(2, "601")
    click = lambda hid, mods=Qt.KeyboardModifier.NoModifier: qtbot.mouseClick(
        floor_map.viewport(), Qt.MouseButton.LeftButton, mods, floor_map.cell_center_in_view(hid)
    )
    click(a)
    assert view.selected_household_ids() == [a] and seen[-1] == [a]
    click(c, Qt.KeyboardModifier.ControlModifier)
    assert set(view.selected_household_ids()) == {a, c}
    click(c, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_household_ids() == [a]
    click(a)  # Ctrl+click moved the anchor; start the range from here again
    click(b, Qt.KeyboardModifier.ShiftModifier)  # a rectangle: floors 1-2, rooms 01-02 of unit 1
    assert set(view.selected_household_ids()) == {small.household(1, r) for r in ("101", "102", "201", "202")}
    assert "4" in view.panel.title.text()

    layout = floor_map.layout_
    row = layout.floors.index(3)
    qtbot.mouseClick(
        floor_map.viewport(),
        Qt.MouseButton.LeftButton,
        pos=floor_map.mapFromScene(layout.floor_rect(row).center()),
    )
    assert {floor_map.cells[i].floor for i in view.selected_household_ids()} == {3}
    assert len(view.selected_household_ids()) == 4
    qtbot.mouseClick(
        floor_map.viewport(),
        Qt.MouseButton.LeftButton,
        pos=floor_map.mapFromScene(layout.unit_rect(2).center()),
    )
    assert {floor_map.cells[i].unit for i in view.selected_household_ids()} == {2}
    assert len(view.selected_household_ids()) == 12

    # Rubber band from empty space below the map across the two bottom floors of unit 1.
    r1 = floor_map.cell_rect(small.household(1, "101"))
    r2 = floor_map.cell_rect(small.household(1, "202"))
    start = floor_map.mapFromScene(r1.left() + 2, r1.bottom() + 3)
    end = floor_map.mapFromScene(r2.right() - 2, r2.top() + 3)
    qtbot.mousePress(floor_map.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(floor_map.viewport(), start + (end - start) * step / 5)
    qtbot.mouseRelease(floor_map.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert set(view.selected_household_ids()) == {small.household(1, r) for r in ("101", "102", "201", "202")}


def test_keyboard_moves_zoom_and_filters(window, qtbot, small: Small) -> None:
    store = small.store
    view = board_of(window)
    window.navigate("household", small.household(1, "101"))
    floor_map = view.floor_map
    assert view.selected_household_ids() == [small.household(1, "101")]
    qtbot.keyClick(floor_map, Qt.Key.Key_Up)
    assert view.selected_household_ids() == [small.household(1, "201")]
    qtbot.keyClick(floor_map, Qt.Key.Key_Right)
    qtbot.keyClick(floor_map, Qt.Key.Key_Right)  # across into unit 2
    assert view.selected_household_ids() == [small.household(2, "201")]
    qtbot.keyClick(floor_map, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert set(view.selected_household_ids()) == {small.household(2, "201"), small.household(2, "101")}

    zoom = floor_map.zoom()
    qtbot.keyClick(floor_map, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert floor_map.zoom() > zoom
    qtbot.keyClick(floor_map, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(floor_map, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert floor_map.zoom() < zoom
    qtbot.keyClick(floor_map, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert (
        floor_map.mapFromScene(floor_map.sceneRect()).boundingRect().height() <= floor_map.viewport().height()
    )

    lonely = small.household(2, "502")
    ledger.set_resident_tags(
        store, ledger.add_resident(store, household_id=lonely, name="孙奶奶"), ["living_alone"]
    )
    pairing.pair_member(store, member_id=small.member, household_id=lonely)
    window.notifier.flush()
    assert floor_map.cells[lonely].markers == "独"
    view.set_filter("priority", True)
    assert view.filter_actions["priority"].isChecked()
    assert floor_map.dimmed_ids() == set(floor_map.cells) - {lonely}
    view.set_filter("priority", False)
    view.set_filter("requests", True)
    assert floor_map.dimmed_ids() == set(floor_map.cells)
    view.set_filter("requests", False)
    view.highlight_member(small.member)
    assert floor_map.outlined_ids() == {lonely}
    assert view.member_combo.currentData() == small.member
    view.highlight_member(None)
    assert floor_map.outlined_ids() == set()
    QApplication.processEvents()
    save_screenshot(window, "board_small")


def test_visit_dialog_raises_requests_and_correcting_a_visit(window, qtbot, small: Small) -> None:
    store = small.store
    view = board_of(window)
    household = small.household(1, "302")
    pairing.pair_member(store, member_id=small.member, household_id=household)
    window.notifier.flush()
    window.navigate("household", household)
    qtbot.mouseClick(view.panel.log_button, Qt.MouseButton.LeftButton)
    dialog = visit_dialog(qtbot, window)
    assert dialog.member.currentData() == small.member
    assert dialog.method.currentData() == "in_person" and dialog.outcome.currentData() == "met"
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    row = dialog.request_rows[0]
    row.category.setCurrentIndex(row.category.findData("repairs"))
    row.text.setText("楼道灯不亮")  # QTest cannot type Chinese; an input method would
    dialog.note.setText("身体不错")
    QApplication.processEvents()
    save_screenshot(dialog, "board_visit_dialog")
    qtbot.keyClick(row.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.floor_map.cells[household].open_requests == 1)
    visit_id = store.scalar("SELECT id FROM visit WHERE household_id = ?", [household])
    assert store.scalar("SELECT visit_id FROM request WHERE household_id = ?", [household]) == visit_id
    assert store.scalar("SELECT note FROM visit WHERE id = ?", [visit_id]) == "身体不错"
    assert "楼道灯不亮" in view.panel.requests.text()
    assert "张三" in view.panel.pairings.text()
    qtbot.mouseClick(view.panel.history_button, Qt.MouseButton.LeftButton)
    assert view.panel.history_button.isHidden() and "张三" in view.panel.pairings.text()
    tip = view.floor_map.tooltip(household)
    assert "302" in tip and "1" in tip

    # Correct it: the outcome was really "nobody home", so the clock was never reset.
    view.panel.visit_list.setCurrentItem(view.panel.visit_list.topLevelItem(0))
    qtbot.mouseClick(view.panel.correct_button, Qt.MouseButton.LeftButton)
    dialog = visit_dialog(qtbot, window)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("nobody_home"))
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.floor_map.cells[household].status == "never_visited")
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'correct'") == 1

    # Undo takes the correction back, then the visit itself (its row, not a withdrawn copy; the audit
    # trail keeps both and the undo); redo brings back the same visit, corrected again.
    uid = store.scalar("SELECT uid FROM visit WHERE id = ?", [visit_id])
    assert window.undo_stack.undoText() == "更正走访记录"
    window.undo_stack.undo()
    assert store.scalar("SELECT outcome FROM visit WHERE id = ?", [visit_id]) == "met"
    window.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM visit WHERE household_id = ?", [household]) == 0
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'undo' AND table_name = 'visit'") == 2
    qtbot.waitUntil(lambda: view.floor_map.cells[household].open_requests == 0)
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert store.scalar("SELECT uid, outcome FROM visit WHERE id = ?", [visit_id]) == uid
    assert store.scalar("SELECT outcome FROM visit WHERE id = ?", [visit_id]) == "nobody_home"
    assert store.scalar("SELECT visit_id FROM request WHERE household_id = ?", [household]) == visit_id
    assert tallies.verify(store.db) == []


def test_a_bad_visit_keeps_the_dialog_open_with_a_message(window, qtbot, small: Small, monkeypatch) -> None:
    view = board_of(window)
    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(str(error)))
    household = small.household(2, "102")
    window.navigate("household", household)
    dialog = view.log_visit(household)
    dialog.add_request_row()
    dialog.request_rows[0].urgency.addItem("??", "nonsense")
    dialog.request_rows[0].urgency.setCurrentIndex(dialog.request_rows[0].urgency.count() - 1)
    dialog.accept()
    assert shown and "nonsense" in shown[0]
    assert dialog.isVisible()
    assert small.store.scalar("SELECT count(*) FROM visit") == 0
    dialog.reject()


def test_hooks_for_other_features(window, qtbot, small: Small) -> None:
    view = board_of(window)
    window.navigate("building", small.building)
    called: list[tuple[str, object]] = []

    def hook(menu: QMenu, ids: list[int]) -> None:
        action = menu.addAction("Pair a member…")
        action.setObjectName("menuPairMember")
        called.append(("menu", list(ids)))

    view.map_menu_hooks.append(hook)
    button = view.panel.add_action(
        "pairMemberButton", "Pair a member…", lambda hid: called.append(("pair", hid))
    )
    view.panel.add_section("Extra", lambda store, hid: QPushButton(f"extra {hid}"))
    household = small.household(1, "401")
    view.select_household(household)
    menu = view._map_menu(None, view.selected_household_ids())
    assert menu.findChild(QMenu) is None and any(a.objectName() == "menuPairMember" for a in menu.actions())
    assert called[0] == ("menu", [household])
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert called[-1] == ("pair", household)
    assert any(b.text() == f"extra {household}" for b in view.panel.findChildren(QPushButton))
    assert window.navigate("community", small.community)
    assert view.stack.currentWidget() is view.site_plan


def test_tree_model_and_new_buildings_appear(window, qtbot, qtmodeltester, small: Small) -> None:
    view = board_of(window)
    qtmodeltester.check(view.tree_model)
    new = window.notifier.perform(
        ledger.create_building,
        grid_id=small.grid,
        name="7号楼",
        number=7,
        units=1,
        floors=2,
        rooms_per_floor=2,
    )
    assert view.tree_model.has_building(new)
    index = view.tree_model.index_for("building", new)
    assert index.data(NODE_ROLE) == ("building", new)
    # The new building's 4 template rooms are not yet surveyed (vacant): they count once entered.
    assert view.tree_model.counts("grid", small.grid).households == 24
    visits.log_visit(small.store, household_id=small.household(1, "101"))
    window.notifier.flush()
    assert view.tree_model.counts("community", small.community).visited_in_cycle == 1
    qtmodeltester.check(view.tree_model)


def test_a_33_floor_8_unit_building_fits(gui, qtbot, small: Small) -> None:
    """The largest shape the board promises to draw well."""
    ledger.create_building(
        small.store,
        rooms="lived_in",
        grid_id=small.grid,
        name="8号楼",
        number=8,
        units=8,
        floors=33,
        rooms_per_floor=4,
    )
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    view = board_of(window)
    big = small.store.scalar("SELECT id FROM building WHERE name = '8号楼'")
    window.navigate("building", big)
    floor_map = view.floor_map
    assert len(floor_map.cells) == 8 * 33 * 4
    assert floor_map.layout_.floors[0] == 33 and floor_map.layout_.columns == 32
    floor_map.fit()
    shown = floor_map.mapFromScene(floor_map.sceneRect()).boundingRect()
    assert shown.width() <= floor_map.viewport().width() and shown.height() <= floor_map.viewport().height()
    QApplication.processEvents()  # let pending layouts settle before the picture
    save_screenshot(window, "board_8_units")


def test_renames_and_archived_households_show_at_once(window, qtbot, small: Small) -> None:
    view = board_of(window)
    window.navigate("building", small.building)
    household = small.household(2, "402")
    assert household in view.floor_map.cells
    window.notifier.perform(ledger.update_row, "building", small.building, name="三号楼")
    assert view.tree_model.index_for("building", small.building).data() == "三号楼"
    window.notifier.perform(ledger.archive, "household", household)
    assert household not in view.floor_map.cells
    assert view.tree_model.counts("building", small.building).households == 23
    window.notifier.perform(ledger.update_household, small.household(1, "101"), head_name="欧阳娜娜")
    assert view.floor_map.cells[small.household(1, "101")].surname == "欧阳"
