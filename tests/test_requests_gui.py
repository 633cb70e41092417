"""The requests feature driven as a user would: raised in the visit dialog, dispatched, resolved, rated
dissatisfied and reopened; bulk dispatch; overdue on top in red; today's list on screen and in PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ARTIFACTS, Small, save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QPushButton

from gridboard.models import requests as rq
from gridboard.models import supplies
from gridboard.models.opening import open_store
from gridboard.ui import ask, ops
from gridboard.ui.main_window import MainWindow
from gridboard.ui.requests.table_model import COLUMNS, OVERDUE_TEXT, RequestTableModel
from gridboard.ui.requests.view import RequestsView

pytestmark = pytest.mark.gui

# QTest types ASCII only; Chinese text goes in as an input method would put it, with insert().


def ago(**delta: float) -> str:
    return (datetime.now() - timedelta(**delta)).replace(microsecond=0).isoformat(sep=" ")


@pytest.fixture
def demo_window(gui, qtbot, community_demo: Path):
    store = open_store(community_demo, operator="社区书记")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    store.close()


def requests_view(qtbot, window: MainWindow) -> RequestsView:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "requests"
    view = window.findChild(RequestsView, "requestsView")
    assert view is not None
    qtbot.waitUntil(lambda: view.up_to_date)  # the list is read off the GUI thread
    # Meanwhile the offscreen platform may have taken the window's activation away (a dialog closed
    # before): the user's next keys go to the window, as they would after a click on it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return view


def dialog_named(qtbot, window, name: str) -> QDialog:
    qtbot.waitUntil(
        lambda: window.findChild(QDialog, name) is not None and window.findChild(QDialog, name).isVisible()
    )
    dialog = window.findChild(QDialog, name)
    qtbot.waitExposed(dialog)
    return dialog


def click_row(qtbot, view: RequestsView, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shortcut(qtbot, view: RequestsView, key: Qt.Key) -> None:
    view.table.setFocus()
    qtbot.keyClick(view.table, key, Qt.KeyboardModifier.ControlModifier)


def test_the_loop_from_visit_dialog_to_reopened(window, qtbot, small: Small) -> None:
    store = small.store
    household = small.household(1, "302")
    board = window.view("board")

    # Raised during a visit, in the board's visit dialog.
    window.navigate("household", household)
    qtbot.mouseClick(board.panel.log_button, Qt.MouseButton.LeftButton)
    dialog = dialog_named(qtbot, window, "visitDialog")
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    row = dialog.request_rows[0]
    row.category.setCurrentIndex(row.category.findData("repairs"))
    row.text.insert("厨房下水道堵塞")
    qtbot.keyClick(row.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store.scalar("SELECT count(*) FROM request") == 1)
    request_id = store.scalar("SELECT id FROM request")
    assert store.scalar("SELECT source FROM request") == "visit"

    view = requests_view(qtbot, window)
    assert view.model.ids == [request_id]
    click_row(qtbot, view, 0)
    assert view.current_id() == request_id
    assert "厨房下水道堵塞" in view.detail.toPlainText()

    # Dispatch (Ctrl+D) to a department.
    shortcut(qtbot, view, Qt.Key.Key_D)
    dispatch = dialog_named(qtbot, window, "dispatchDialog")
    dispatch.to_department.setChecked(True)
    dispatch.department.setCurrentText("物业公司")
    qtbot.keyClick(dispatch.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).status == "dispatched")
    assert rq.get_request(store, request_id).assignee == "物业公司"

    # Start (Ctrl+G), resolve (Ctrl+E).
    shortcut(qtbot, view, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).status == "in_progress")
    shortcut(qtbot, view, Qt.Key.Key_E)
    resolve = dialog_named(qtbot, window, "resolveDialog")
    resolve.resolution.insert("已疏通")
    qtbot.keyClick(resolve.resolution, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).status == "resolved")

    # Follow up (Ctrl+K), rated dissatisfied: reopened, history kept.
    shortcut(qtbot, view, Qt.Key.Key_K)
    follow = dialog_named(qtbot, window, "followUpDialog")
    qtbot.mouseClick(follow.ratings["dissatisfied"], Qt.MouseButton.LeftButton)
    follow.note.insert("还是堵")
    qtbot.keyClick(follow.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).reopen_count == 1)
    row = rq.get_request(store, request_id)
    assert row.status == "collected" and row.rating == "dissatisfied"
    steps = [s.step for s in rq.request_steps(store, request_id)]
    assert steps == ["collected", "dispatched", "in_progress", "resolved", "followed_up", "reopened"]
    # Still in the list (open again), selected, with the whole timeline in the detail pane.
    assert view.current_id() == request_id
    text = view.detail.toPlainText()
    assert "已疏通" in text and "还是堵" in text
    assert view.actions_["dispatch"].isEnabled() and not view.actions_["resolve"].isEnabled()
    # The board's cell badge counts it as open again.
    assert rq.open_request_counts(store) == {household: 1}


def test_illegal_step_is_refused_with_a_message(window, qtbot, small: Small, monkeypatch) -> None:
    store = small.store
    request_id = rq.raise_request(store, household_id=small.household(1, "101"), category="other")
    window.notifier.flush()
    view = requests_view(qtbot, window)
    click_row(qtbot, view, 0)
    assert not view.actions_["resolve"].isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(str(error)))
    steps = window.undo_stack.count()
    assert (
        ops.run(window, "Resolve", rq.resolve_request, request_id, parent=view, resolution="x") is ops.FAILED
    )
    assert shown == [f"Request {request_id} has not been dispatched yet; dispatch it first."]
    assert window.undo_stack.count() == steps  # nothing to undo
    assert rq.get_request(store, request_id).status == "collected"


def test_bulk_dispatch_of_selected_requests(window, qtbot, small: Small) -> None:
    store = small.store
    ids = [
        rq.raise_request(store, household_id=small.household(1, room), category="repairs", at=ago(hours=1))
        for room in ("101", "102", "201")
    ]
    window.notifier.flush()
    view = requests_view(qtbot, window)
    assert sorted(view.model.ids) == sorted(ids)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(view.selected_ids()) == sorted(ids)
    shortcut(qtbot, view, Qt.Key.Key_D)
    dispatch = dialog_named(qtbot, window, "dispatchDialog")
    assert "3" in dispatch.windowTitle()
    dispatch.to_member.setChecked(True)
    dispatch.member.setCurrentIndex(dispatch.member.findData(small.member))
    dispatch.keep_due.setChecked(False)
    qtbot.mouseClick(dispatch.buttons.button(dispatch.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: {rq.get_request(store, i).status for i in ids} == {"dispatched"})
    assert {rq.get_request(store, i).assignee_member_id for i in ids} == {small.member}
    assert len({rq.get_request(store, i).due_at for i in ids}) == 1
    assert sorted(view.selected_ids()) == sorted(ids)  # the selection survives the refresh


def test_overdue_requests_are_at_the_top_in_red(window, qtbot, small: Small) -> None:
    store = small.store
    h = small.household
    fresh = rq.raise_request(store, household_id=h(1, "101"), category="benefits", at=ago(minutes=5))
    late = rq.raise_request(store, household_id=h(1, "102"), category="medicine", at=ago(hours=30))
    later = rq.raise_request(
        store, household_id=h(2, "101"), category="hazard", urgency="critical", at=ago(hours=3)
    )
    window.notifier.flush()
    view = requests_view(qtbot, window)
    assert view.model.ids == [late, later, fresh]  # most overdue first
    status = COLUMNS.index("status")
    for row in (0, 1):
        index = view.model.index(row, status)
        assert index.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_TEXT
    assert view.model.index(2, status).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "2" in view.summary.text()
    window.findChild(QAction, "actionOverdueRequests").trigger()
    qtbot.waitUntil(lambda: view.up_to_date)  # a filter's list is read off the GUI thread
    assert view.model.ids == [late, later]
    # Escalated whatever view is open: a red count in the status bar that leads to them.
    window.show_view("board")
    alarm = window.findChild(QPushButton, "overdueRequestsAlarm")
    assert alarm.isVisible() and "2" in alarm.text()
    view.overdue_filter.setChecked(False)
    qtbot.mouseClick(alarm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.up_to_date)
    assert window.current_view_key() == "requests" and view.model.ids == [late, later]


def test_raise_a_scarce_supplies_request_from_the_household_panel(window, qtbot, small: Small) -> None:
    store = small.store
    household = small.household(2, "502")
    board = window.view("board")
    window.navigate("household", household)
    button = board.panel.findChild(QPushButton, "raiseRequestButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = dialog_named(qtbot, window, "raiseRequestDialog")
    assert not dialog.items.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("supplies"))
    assert dialog.items.isVisible()
    dialog.source.setCurrentIndex(dialog.source.findData("hotline"))
    qtbot.keyClicks(dialog.ticket, "202611270042")
    dialog.text.insert("独居老人需要制氧")
    name, amount, _unit = dialog.items.lines[0]
    name.setCurrentIndex(name.findText("医用氧气"))
    amount.setValue(2)
    assert dialog.items.lines[0][2].text() == "瓶"  # the usual unit filled in
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.scalar("SELECT count(*) FROM request") == 1)
    request_id = store.scalar("SELECT id FROM request")
    assert rq.get_request(store, request_id).hotline_ticket == "202611270042"
    [need] = supplies.needed_by_grid_item(store)
    assert (need.item, need.needed, need.unit) == ("医用氧气", 2, "瓶")
    qtbot.waitUntil(lambda: "独居老人需要制氧" in board.panel.requests.text())

    # Resolved with the delivery: the 紧缺物资 list has nothing outstanding.
    rq.dispatch_request(store, request_id, department="社区卫生服务站")
    rq.start_request(store, request_id)
    window.notifier.flush()
    view = requests_view(qtbot, window)
    view.select_request(request_id)
    resolve = view.resolve_selected()
    qtbot.waitExposed(resolve)
    assert next(iter(resolve.delivered.values())).value() == 2
    resolve.resolution.insert("已送达两瓶")
    qtbot.keyClick(resolve.resolution, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).status == "resolved")
    [need] = supplies.needed_by_grid_item(store, open_only=False)
    assert need.outstanding == 0


def test_time_limits_dialog(window, qtbot, small: Small) -> None:
    window.findChild(QAction, "actionRequestLimits").trigger()
    dialog = dialog_named(qtbot, window, "timeLimitsDialog")
    dialog.spins["hazard", "critical"].setValue(1)
    dialog.departments.setPlainText("物业公司\n供热公司\n")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rq.time_limits(small.store)["hazard"]["critical"] == 1)
    assert rq.departments(small.store) == ["物业公司", "供热公司"]


def test_requests_view_on_the_demo_community(demo_window, qtbot, qtmodeltester) -> None:
    window = demo_window
    store = window.store
    view = requests_view(qtbot, window)
    model = view.model
    assert model.rowCount() == rq.count_requests(
        store,
        rq.RequestFilter(statuses=("collected", "dispatched", "in_progress", "resolved")),
        now=model.now,
    )
    first = model.row_at(0)
    assert first is not None and first.overdue  # the secretary sees overdue ones first
    # Filters agree with a plain count.
    view.category_filter.setCurrentIndex(view.category_filter.findData("repairs"))
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    qtbot.waitUntil(lambda: view.up_to_date)  # a filter's list is read off the GUI thread
    assert model.rowCount() == rq.count_requests(
        store, rq.RequestFilter(categories=("repairs",)), now=model.now
    )
    view.source_filter.setCurrentIndex(view.source_filter.findData("hotline"))
    view.grid_filter.setCurrentIndex(1)
    grid = view.grid_filter.currentData()
    qtbot.waitUntil(lambda: view.up_to_date)
    assert model.rowCount() == rq.count_requests(
        store, rq.RequestFilter(categories=("repairs",), source="hotline", grid_id=grid), now=model.now
    )
    checked = RequestTableModel(store)
    checked.set_filter(rq.RequestFilter(grid_id=grid))
    qtmodeltester.check(checked)
    for combo in (view.category_filter, view.source_filter, view.grid_filter):
        combo.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
    qtbot.waitUntil(lambda: view.up_to_date)
    click_row(qtbot, view, 0)
    qtbot.waitUntil(lambda: view.step_buttons.visibleRegion().boundingRect().height() >= 40)
    save_screenshot(window, "requests_view")


def test_todays_list_on_screen_and_as_pdf(window, qtbot, small: Small, monkeypatch, tmp_path: Path) -> None:
    store = small.store
    h = small.household
    # Today's steps all fall after midnight: just after it, the story is told faster.
    since_midnight = (
        datetime.now() - datetime.combine(date.today(), datetime.min.time())
    ).total_seconds() / 60
    if since_midnight < 1:
        pytest.skip("the first minute of the day leaves no room for today's steps")
    scale = min(1.0, (since_midnight - 0.5) / 50)

    def today_ago(minutes: float) -> str:
        return ago(minutes=minutes * scale)

    first = rq.raise_request(
        store, household_id=h(1, "101"), category="hazard", text="电动车楼道充电", at=today_ago(minutes=50)
    )
    rq.raise_request(
        store,
        household_id=h(1, "402"),
        category="supplies",
        text="需要婴幼儿奶粉",
        urgency="urgent",
        items=[("婴幼儿奶粉", 2, "罐")],
        at=today_ago(minutes=20),
    )
    rq.raise_request(
        store, household_id=h(2, "301"), category="parking", source="hotline", hotline_ticket="2611270031",
        text="车位被长期占用", at=today_ago(minutes=10),
    )  # fmt: skip
    late = rq.raise_request(
        store, household_id=h(2, "602"), category="medicine", text="胰岛素快用完了", at=ago(hours=30)
    )
    rq.dispatch_request(store, late, member_id=small.member, at=ago(hours=29))
    rq.dispatch_request(store, first, department="物业公司", at=today_ago(minutes=40))
    rq.start_request(store, first, at=today_ago(minutes=30))
    rq.resolve_request(store, first, resolution="已劝离并清理", at=today_ago(minutes=5))
    window.notifier.flush()
    view = requests_view(qtbot, window)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    dialog = dialog_named(qtbot, window, "todaysListDialog")
    listing = dialog.current
    assert listing.received[0].id == first and len(listing.received) == 3
    assert [r.id for r in listing.due] == [late] and listing.due[0].overdue
    assert listing.closed_today == 1 and listing.still_open_received == 2
    text = dialog.browser.toPlainText()
    assert "电动车楼道充电" in text and "需要婴幼儿奶粉" in text and "胰岛素快用完了" in text
    save_screenshot(dialog, "todays_list")

    pdf = tmp_path / "today"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(pdf))
    saved = dialog.save_pdf()
    assert saved == str(pdf) + ".pdf" and Path(saved).read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", saved, "-"], capture_output=True, text=True, check=True)
        assert "电动车楼道充电" in out.stdout
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", saved, str(ARTIFACTS / "todays_list_pdf")],
            check=True,
        )
    # Closed (and deleted), it no longer listens to changes.
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "todaysListDialog") is None)
    rq.raise_request(store, household_id=h(1, "601"), category="other", text="x")
    window.notifier.flush()


def test_a_closed_window_stops_looking_at_the_clock(window, qtbot) -> None:
    """The requests view looks again every five minutes; once its window is closed (and its file with
    it) that must stop, or the timer fires on a closed database (seen in a slow full test run)."""
    view = window.findChild(RequestsView)
    assert view.clock.isActive()
    window.close()
    assert not view.clock.isActive()
