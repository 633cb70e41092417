"""The list screens (issue 15, issue 17): a file of several communities opens its lists on one community,
grids of several communities carry their community, lists sort by the right key and keep their order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import save_screenshot, sign_in_tester
from PySide6.QtCore import Qt

from gridboard.models import duty, ledger, members, pairing, records, service
from gridboard.models import emergency as em
from gridboard.models import requests as rq
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.ui.main_window import MainWindow
from gridboard.ui.requests.table_model import COLUMNS

pytestmark = pytest.mark.gui

COMMUNITIES = ("幸福社区", "和平社区")


def _two_communities(store: Store) -> dict[str, dict[str, int]]:
    """Two communities, each with a grid called 第一网格, a building, two members and a request."""
    made: dict[str, dict[str, int]] = {}
    for n, name in enumerate(COMMUNITIES):
        community = ledger.create_community(store, name=name)
        grid = ledger.create_grid(store, community_id=community, name="第一网格")
        building = ledger.create_building(
            store, rooms="lived_in", grid_id=grid, name=f"{n + 1}号楼", number=n + 1, units=1, floors=3,
            rooms_per_floor=2,
        )  # fmt: skip
        households = [
            r[0]
            for r in store.execute("SELECT id FROM household WHERE building_id = ? ORDER BY id", [building])
        ]
        first = ledger.add_member(store, community_id=community, name=f"王{n}", kind="community_member")
        second = ledger.add_member(store, community_id=community, name=f"李{n}", kind="volunteer")
        pairing.pair_households(store, member_id=first, household_ids=households[:3])
        request = rq.raise_request(
            store, household_id=households[0], category="repairs", text=f"{name}的水管"
        )
        made[name] = {
            "community": community,
            "grid": grid,
            "request": request,
            "member": first,
            "other": second,
        }
    store.take_changes()
    return made


@pytest.fixture
def two(gui, qtbot, db: Store):
    made = _two_communities(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window, db, made
    window.close()


def test_the_members_view_opens_on_one_community_of_several(two, qtbot) -> None:
    window, store, made = two
    window.show_view("members")
    view = window.view("members").list
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 0)
    # The first community, not "all": its members only; "all" is the last choice, made deliberately.
    assert view.community.isVisible()
    assert view.community_id() == made[COMMUNITIES[0]]["community"]
    assert view.community.itemData(view.community.count() - 1) is None
    shown = {m.id for m in view.model.rows}
    assert shown == {made[COMMUNITIES[0]]["member"], made[COMMUNITIES[0]]["other"]}
    view.community.setCurrentIndex(view.community.count() - 1)
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() == 4)
    assert view.community_id() is None


def test_grids_of_two_communities_carry_their_community(two, qtbot) -> None:
    window, store, made = two
    # Requests: a community column, each row its grid's community (both grids are 第一网格).
    window.show_view("requests")
    requests = window.view("requests")
    qtbot.waitUntil(lambda: requests.up_to_date and requests.model.rowCount() == 2)
    column = COLUMNS.index("community")
    assert not requests.table.isColumnHidden(column)
    assert requests.model.headerData(column, Qt.Orientation.Horizontal) in ("Community", "社区")
    by_request = {
        requests.model.data(requests.model.index(r, 0), Qt.ItemDataRole.UserRole + 1): (
            requests.model.index(r, column).data(),
            requests.model.index(r, COLUMNS.index("grid")).data(),
        )
        for r in range(requests.model.rowCount())
    }
    assert by_request == {made[name]["request"]: (name, "第一网格") for name in COMMUNITIES}
    # The grid filter names each grid with its community.
    grids = [requests.grid_filter.itemText(i) for i in range(requests.grid_filter.count())]
    assert grids[1:] == [f"{name} 第一网格" for name in COMMUNITIES]
    save_screenshot(window, "lists-requests-two-communities")

    # The emergency desk of a street-wide emergency (no community of its own, as the street and city
    # demo files have it): supplies delivered to both grids, an instruction to both.
    emergency = em.declare_emergency(store, name="暴雨")
    records.update(store, "emergency", emergency, {"community_id": None})
    for name in COMMUNITIES:
        em.record_delivery(store, grid_id=made[name]["grid"], item="饮用水", quantity=5, unit="桶")
    em.issue_instruction(
        store, emergency_id=emergency, text="转移低洼住户", grid_ids=[made[n]["grid"] for n in COMMUNITIES]
    )
    window.notifier.flush()
    window.show_view("emergency")
    desk = window.view("emergency")
    desk.tabs.setCurrentWidget(desk.supplies)
    supplies = desk.supplies.table
    qtbot.waitUntil(lambda: supplies.rowCount() == 2)
    assert not supplies.isColumnHidden(0)
    assert sorted((supplies.item(r, 0).text(), supplies.item(r, 1).text()) for r in range(2)) == sorted(
        (name, "第一网格") for name in COMMUNITIES
    )
    desk.tabs.setCurrentWidget(desk.instructions)
    feedback = desk.instructions.feedback
    qtbot.waitUntil(lambda: feedback.rowCount() == 2)
    assert not feedback.isColumnHidden(0)
    assert sorted(feedback.item(r, 0).text() for r in range(2)) == sorted(COMMUNITIES)
    grid_list = desk.instructions.grid_list
    assert sorted(grid_list.item(i).text() for i in range(grid_list.count())) == sorted(
        f"{name} 第一网格" for name in COMMUNITIES
    )
    save_screenshot(window, "lists-desk-two-communities")

    # The serve view's posts and duty posts, all communities shown.
    for name in COMMUNITIES:
        service.publish_post(
            store,
            community_id=made[name]["community"],
            category="patrol",
            title=f"{name}巡逻",
            grid_id=made[name]["grid"],
        )
        duty.add_duty_post(
            store,
            community_id=made[name]["community"],
            kind="checkpoint",
            name=f"{name}卡点",
            grid_id=made[name]["grid"],
        )
    window.notifier.flush()
    window.show_view("serve")
    serve = window.view("serve")
    assert serve.community_id() is None
    serve.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: serve.posts_table.rowCount() == 2)
    assert not serve.posts_table.isColumnHidden(2)
    assert sorted(zip(serve.posts_table.column_texts(0), serve.posts_table.column_texts(2))) == sorted(
        (f"{name}巡逻", name) for name in COMMUNITIES
    )
    serve.tabs.setCurrentIndex(6)
    qtbot.waitUntil(lambda: serve.duty_table.rowCount() == 2)
    assert not serve.duty_table.isColumnHidden(2)
    assert sorted(zip(serve.duty_table.column_texts(0), serve.duty_table.column_texts(2))) == sorted(
        (f"{name}卡点", name) for name in COMMUNITIES
    )
    # One community chosen: its rows only, and no community column.
    serve.community.setCurrentIndex(serve.community.findData(made[COMMUNITIES[1]]["community"]))
    qtbot.waitUntil(lambda: serve.duty_table.rowCount() == 1)
    assert serve.duty_table.isColumnHidden(2)


def test_a_file_of_one_community_shows_no_community_column(window, qtbot, small) -> None:
    household = small.household(1, "101")
    rq.raise_request(small.store, household_id=household, category="repairs", text="灯坏了")
    window.notifier.flush()
    window.show_view("requests")
    view = window.view("requests")
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() == 1)
    assert view.table.isColumnHidden(COLUMNS.index("community"))
    assert view.grid_filter.itemText(1) == "第一网格"


# -- sorting and refreshing on the community demo ------------------------------------------------------


@pytest.fixture
def demo_window(gui, qtbot, community_demo: Path):
    store = open_store(community_demo, operator="tester")
    sign_in_tester(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window, store
    window.close()
    store.close()


def test_members_sort_by_name_and_load_as_an_independent_reading_does(demo_window, qtbot) -> None:
    window, store = demo_window
    window.show_view("members")
    view = window.view("members").list
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 100)
    community = view.community_id()
    # Independently: every serving member's load from the one-statement reading (member_loads), and
    # names straight from the member table.
    loads = {m.id: m for m in members.member_loads(store, community_id=community)}
    names = dict(
        store.execute(
            "SELECT id, name FROM member WHERE active = 1 AND archived_at IS NULL"
            + ("" if community is None else f" AND community_id = {int(community)}")
        ).fetchall()
    )
    assert set(view.model.ids) == set(loads) == set(names)
    by_name = sorted(names, key=lambda i: (names[i], i))
    expected = {
        (0, Qt.SortOrder.AscendingOrder): by_name,
        (0, Qt.SortOrder.DescendingOrder): by_name[::-1],
        # Loads: heaviest first, members of the same load in name order.
        (4, Qt.SortOrder.DescendingOrder): sorted(by_name, key=lambda i: -loads[i].households),
        (4, Qt.SortOrder.AscendingOrder): sorted(by_name, key=lambda i: loads[i].households),
        (6, Qt.SortOrder.DescendingOrder): sorted(by_name, key=lambda i: -loads[i].visited_in_cycle),
        (5, Qt.SortOrder.DescendingOrder): sorted(by_name, key=lambda i: -loads[i].priority),
    }
    for (column, order), ids in expected.items():
        view.table.sortByColumn(column, order)
        qtbot.waitUntil(lambda: view.up_to_date)
        assert view.model.ids == ids, (column, order)
    # What the screen shows in the first rows is those members, in that order.
    shown = [view.model.index(r, 0).data() for r in range(20)]
    assert shown == [names[i] for i in expected[(5, Qt.SortOrder.DescendingOrder)][:20]]
    save_screenshot(window, "lists-members-by-priority")


def test_lists_keep_their_content_and_order_after_a_refresh(demo_window, qtbot) -> None:
    window, store = demo_window
    window.show_view("members")
    members_view = window.view("members")
    view = members_view.list
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 100)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.up_to_date)
    chosen = view.model.ids[len(view.model.ids) // 2]
    assert view.select_member(chosen)
    before = list(view.model.ids)
    texts = [view.model.index(r, c).data() for r in range(10) for c in range(4)]
    # A change that concerns members (another member's phone) makes the list read again.
    other = view.model.ids[0]
    window.notifier.perform(records.update, "member", other, {"phone": "13900001111"})
    qtbot.waitUntil(lambda: not members_view._dirty and view.up_to_date)
    assert view.model.ids == before
    assert [view.model.index(r, c).data() for r in range(10) for c in range(4) if (r, c) != (0, 3)] == [
        t for i, t in enumerate(texts) if i != 3
    ]
    assert view.member_id() == chosen  # the selection stays on its member

    # The requests list: same ids in the same order after a refresh; the selection kept.
    window.show_view("requests")
    requests = window.view("requests")
    qtbot.waitUntil(lambda: requests.up_to_date and requests.model.rowCount() > 0)
    before = list(requests.model.ids)
    picked = before[min(3, len(before) - 1)]
    assert requests.select_request(picked)
    window.notifier.perform(
        records.update, "member", other, {"phone": "13900002222"}
    )  # choices and list read again
    qtbot.waitUntil(lambda: requests.up_to_date)
    assert requests.model.ids == before
    assert requests.current_id() == picked
