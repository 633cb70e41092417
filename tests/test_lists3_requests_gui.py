"""The requests list read off the GUI thread: the right requests in the secretary's order for its
default filter and after the filters change (against an independent reading of the file), the
selection kept over a refresh, the filters' choices read after the rows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from conftest import Small

from gridboard.models import ledger, records
from gridboard.models import requests as rq
from gridboard.ui.main_window import MainWindow
from gridboard.ui.requests.table_model import COLUMNS

pytestmark = pytest.mark.gui

OPEN = ("collected", "dispatched", "in_progress")


def at(**delta: float) -> str:
    return (datetime.now() - timedelta(**delta)).replace(microsecond=0).isoformat(sep=" ")


def _requests(small: Small) -> dict[str, int]:
    """Requests in every state: overdue ones (two, different lateness), open ones due later, resolved,
    followed up (closed) and withdrawn; two categories; two grids' households."""
    store = small.store
    grid2 = ledger.create_grid(store, community_id=small.community, name="第二网格")
    ledger.create_building(
        store, rooms="lived_in", grid_id=grid2, name="7号楼", number=7, units=1, floors=2, rooms_per_floor=2
    )
    other = int(
        store.scalar(
            "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.grid_id = ?"
            " ORDER BY h.id LIMIT 1",
            [grid2],
        )
    )
    h = [small.household(1, room) for room in ("101", "102", "201", "202")]
    made: dict[str, int] = {}

    def make(key: str, household: int, category: str, collected: str, due: str) -> int:
        made[key] = rq.raise_request(
            store, household_id=household, category=category, text=key, at=collected, due_at=due
        )
        return made[key]

    make("late2", h[0], "repairs", at(days=6), at(days=2))
    make("late1", h[1], "medicine", at(days=5), at(hours=3))
    make("soon", h[2], "repairs", at(days=1), at(hours=-5))
    make("later", other, "medicine", at(hours=2), at(days=-3))
    make("no_due_open", h[3], "repairs", at(hours=1), at(days=-9))
    rq.dispatch_request(store, made["soon"], member_id=small.member)
    rq.dispatch_request(store, made["later"], department="物业")
    rq.start_request(store, made["later"])
    make("resolved", h[0], "repairs", at(days=3), at(days=-1))
    rq.dispatch_request(store, made["resolved"], member_id=small.member)
    rq.start_request(store, made["resolved"])
    rq.resolve_request(store, made["resolved"], resolution="修好了")
    make("closed", h[1], "medicine", at(days=4), at(days=-1))
    rq.dispatch_request(store, made["closed"], member_id=small.member)
    rq.start_request(store, made["closed"])
    rq.resolve_request(store, made["closed"], resolution="送到了")
    rq.follow_up_request(store, made["closed"], rating="satisfied")
    make("withdrawn", h[2], "repairs", at(days=2), at(days=-1))
    rq.withdraw_request(store, made["withdrawn"], reason="录错了")
    store.take_changes()
    return made


def expected_ids(
    store, *, statuses: tuple[str, ...], category: str | None = None, withdrawn: bool = False
) -> list[int]:
    """The secretary's order read independently: every request's own columns, sorted in Python
    (overdue first, most overdue on top; then open ones by due time; then the rest newest first)."""
    now = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    rows = store.query("SELECT id, status, category, due_at, collected_at, archived_at FROM request")
    chosen = [
        r
        for r in rows
        if (r["archived_at"] is not None) == withdrawn
        and (not statuses or r["status"] in statuses)
        and (category is None or r["category"] == category)
    ]

    def key(r) -> tuple:
        is_open = r["status"] in OPEN and r["archived_at"] is None
        overdue = is_open and r["due_at"] is not None and r["due_at"] < now
        due = r["due_at"] if r["status"] in OPEN else None
        # Rows sort ascending on each part; "newest first" is the negated rank of (collected, id).
        return (not overdue, not is_open, due is not None, due or "")

    newest_first = sorted(chosen, key=lambda r: (r["collected_at"], r["id"]), reverse=True)
    return [r["id"] for r in sorted(newest_first, key=key)]


def shown_ids(view) -> list[int]:
    """What the table shows, by the number column (row by row, as painted)."""
    column = COLUMNS.index("number")
    return [int(view.model.index(r, column).data()) for r in range(view.model.rowCount())]


@pytest.fixture
def listed(gui, qtbot, small: Small):
    made = _requests(small)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("requests")
    view = window.view("requests")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=10_000)
    yield window, view, made
    window.close()


def test_the_default_filter_shows_what_is_not_closed_in_the_secretarys_order(listed, small: Small) -> None:
    window, view, made = listed
    expected = expected_ids(small.store, statuses=(*OPEN, "resolved"))
    assert shown_ids(view) == expected
    # Overdue on top, the most overdue first; the closed and withdrawn ones are not in it.
    assert expected[:2] == [made["late2"], made["late1"]]
    assert made["closed"] not in expected and made["withdrawn"] not in expected
    assert expected[-1] == made["resolved"]
    assert view.model.rowCount() == 6


def test_changing_the_filters_shows_what_an_independent_reading_finds(listed, qtbot, small: Small) -> None:
    window, view, made = listed
    store = small.store
    for status, statuses, withdrawn in (
        ("all", (), False),
        ("open", OPEN, False),
        ("followed_up", ("followed_up",), False),
        ("withdrawn", (), True),
        ("unclosed", (*OPEN, "resolved"), False),
    ):
        view.status_filter.setCurrentIndex(view.status_filter.findData(status))
        qtbot.waitUntil(lambda: view.up_to_date)
        assert shown_ids(view) == expected_ids(store, statuses=statuses, withdrawn=withdrawn), status
    view.category_filter.setCurrentIndex(view.category_filter.findData("medicine"))
    qtbot.waitUntil(lambda: view.up_to_date)
    assert shown_ids(view) == expected_ids(store, statuses=(*OPEN, "resolved"), category="medicine")
    assert shown_ids(view) == [made["late1"], made["later"]]
    # The grid filter's choices were read (after the rows): the second grid's request alone.
    grid2 = store.scalar("SELECT id FROM grid WHERE name = '第二网格'")
    qtbot.waitUntil(lambda: view.grid_filter.findData(grid2) >= 0)
    view.category_filter.setCurrentIndex(0)
    view.grid_filter.setCurrentIndex(view.grid_filter.findData(grid2))
    qtbot.waitUntil(lambda: view.up_to_date)
    assert shown_ids(view) == [made["later"]]


def test_the_selection_stays_on_its_request_after_a_refresh(listed, qtbot, small: Small) -> None:
    window, view, made = listed
    assert view.select_request(made["soon"])
    assert view.current_id() == made["soon"]
    before = shown_ids(view)
    # Another request changes (in the window, as the notifier says): the list is read again.
    window.notifier.perform(rq.dispatch_request, made["late1"], member_id=small.member)
    qtbot.waitUntil(lambda: view.up_to_date)
    assert shown_ids(view) == expected_ids(small.store, statuses=(*OPEN, "resolved")) == before
    assert view.current_id() == made["soon"]
    assert view.model.row_at(view.model.row_of(made["late1"])).status == "dispatched"
    # A change that reads the choices again (a member renamed) keeps it too.
    window.notifier.perform(records.update, "member", small.member, {"name": "张三丰"})
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.current_id() == made["soon"]
    assert shown_ids(view) == before


def test_a_hidden_list_is_read_when_shown_again(listed, qtbot, small: Small) -> None:
    window, view, made = listed
    window.show_view("board")
    window.notifier.perform(rq.dispatch_request, made["late2"], member_id=small.member)
    window.notifier.perform(rq.start_request, made["late2"])
    window.notifier.perform(rq.resolve_request, made["late2"], resolution="修好了")
    assert not view.up_to_date  # read when shown, not while hidden
    window.show_view("requests")
    qtbot.waitUntil(lambda: view.up_to_date)
    expected = expected_ids(small.store, statuses=(*OPEN, "resolved"))
    assert shown_ids(view) == expected and expected[0] == made["late1"]


def test_at_1366_pixels_the_requests_text_keeps_seven_characters_beside_a_community_column(
    gui, qtbot, small: Small
) -> None:
    from conftest import save_screenshot

    made = _requests(small)
    other = ledger.create_community(small.store, name="东风社区")
    ledger.create_grid(small.store, community_id=other, name="第一网格")
    small.store.take_changes()
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("requests")
    view = window.view("requests")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=10_000)
    assert view.select_request(made["late1"])
    text = COLUMNS.index("text")
    assert not view.table.isColumnHidden(COLUMNS.index("community"))
    seven = view.table.fontMetrics().horizontalAdvance("楼道灯不亮了吗")
    assert view.table.horizontalHeader().sectionSize(text) >= seven
    # Every column's header and the age ("730 天") fit: nothing but long texts is cut.
    age = COLUMNS.index("age")
    assert (
        view.table.horizontalHeader().sectionSize(age)
        >= view.table.fontMetrics().horizontalAdvance("730 天") + 8
    )
    save_screenshot(window, "lists3-requests-1366")
    window.close()


def test_a_filter_is_read_off_the_gui_thread_and_a_step_shows_at_once(listed, qtbot, small: Small) -> None:
    window, view, made = listed
    # A filter change: what is on screen stays until the reading comes from the list's own thread.
    before = shown_ids(view)
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    assert not view.up_to_date and shown_ids(view) == before
    qtbot.waitUntil(lambda: view.up_to_date)
    assert shown_ids(view) == expected_ids(small.store, statuses=())
    view.status_filter.setCurrentIndex(view.status_filter.findData("unclosed"))
    qtbot.waitUntil(lambda: view.up_to_date)
    # A step on the selected request: its row and the step buttons follow at once, before the
    # list itself is read again.
    assert view.select_request(made["late1"])
    assert view.actions_["dispatch"].isEnabled() and not view.actions_["start"].isEnabled()
    window.notifier.perform(rq.dispatch_request, made["late1"], member_id=small.member)
    row = view.model.row_of(made["late1"])
    assert view.model.row_at(row).status == "dispatched"
    assert view.actions_["start"].isEnabled()
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.current_id() == made["late1"]
    assert shown_ids(view) == expected_ids(small.store, statuses=(*OPEN, "resolved"))


def test_opening_a_request_outside_the_filter_reads_the_whole_list_off_the_gui_thread(
    listed, qtbot, small: Small, monkeypatch
) -> None:
    """A closed request opened from elsewhere (the household panel, an escalation): the filters are
    cleared and the whole list read in the list's own thread (a city's "all statuses" held the window
    0.7 s), then the request is selected."""
    import threading

    from gridboard.models import lists

    window, view, made = listed
    readers: list[str] = []
    real = lists.request_list

    def recorded(*args, **kwargs):
        readers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(lists, "request_list", recorded)
    view.category_filter.setCurrentIndex(view.category_filter.findData("repairs"))
    qtbot.waitUntil(lambda: view.up_to_date)
    before = shown_ids(view)
    assert made["closed"] not in before  # followed up, and of the other category
    assert not view.select_request(made["closed"])  # not at once: the list is read first
    assert shown_ids(view) == before
    qtbot.waitUntil(lambda: view.current_id() == made["closed"])
    assert view.status_filter.currentData() == "all" and view.category_filter.currentIndex() == 0
    assert shown_ids(view) == expected_ids(small.store, statuses=())
    assert readers and set(readers) == {"requests"}
    # In the list now: selected at once.
    assert view.select_request(made["soon"]) and view.current_id() == made["soon"]
    # A request that is nowhere (deleted meanwhile): looked for in the whole list, nothing selected.
    assert not view.select_request(10**6)
    qtbot.waitUntil(lambda: view._to_select is None and view.up_to_date)
    assert view.current_id() == made["soon"]


def test_a_filter_chosen_while_a_request_is_looked_for_is_kept(listed, qtbot, small: Small) -> None:
    """The user moved on: the request asked for is not looked for under their new filter, and their
    filter is never cleared to find it."""
    window, view, made = listed
    view.status_filter.setCurrentIndex(view.status_filter.findData("open"))  # a reading under way
    assert not view.select_request(made["closed"])
    repairs = view.category_filter.findData("repairs")
    view.category_filter.setCurrentIndex(repairs)  # chosen before the reading came
    qtbot.waitUntil(lambda: view.up_to_date and view._to_select is None)
    qtbot.wait(50)
    assert view.category_filter.currentIndex() == repairs
    assert view.status_filter.currentData() == "open"
    assert view.current_id() != made["closed"]
