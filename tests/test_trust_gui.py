"""Signing in, the idle lock, switching operator, roles in the window, and the audit viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TESTER, TESTER_PIN, Small, save_screenshot
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gridboard.models import ledger, operators, visits
from gridboard.models.opening import open_store
from gridboard.models.settings import set_setting
from gridboard.ui import ask
from gridboard.ui.app import AppController
from gridboard.ui.main_window import MainWindow
from gridboard.ui.trust import TrustFeature, signin
from gridboard.ui.trust.audit_view import AuditDialog
from gridboard.ui.trust.operators_dialog import OperatorEditor

pytestmark = pytest.mark.gui


def _drive(qtbot, dialog_class, fill) -> None:
    """Fill the next dialog of this class once it shows (exec() runs its own loop)."""
    from PySide6.QtCore import QTimer

    def later() -> None:
        from PySide6.QtWidgets import QApplication

        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, dialog_class) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, later)
            return
        fill(shown[0])

    QTimer.singleShot(0, later)


def test_first_start_of_a_file_makes_its_administrator(gui, qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(signin, "sign_in_on_open", signin.real_sign_in_on_open)
    path = tmp_path / "new.gridboard"

    def fill(dialog: signin.FirstOperatorDialog) -> None:
        save_screenshot(dialog, "trust_first_operator")
        dialog.name_edit.setText("王书记")
        dialog.secret_edit.setText("1234")
        dialog.again_edit.setText("4321")
        dialog.accept()
        assert "differ" in dialog.message.text() or "不一致" in dialog.message.text()
        dialog.again_edit.setText("1234")
        dialog.accept()

    _drive(qtbot, signin.FirstOperatorDialog, fill)
    controller = AppController()
    assert controller.open_path(path, create=True)
    qtbot.addWidget(controller.window)
    store = controller.store
    assert store.session.name == "王书记" and store.session.role == "admin"
    assert "王书记" in controller.window.findChild(type(controller.window.file_label), "signedInAs").text()
    controller.close()


def test_a_file_from_before_operators_asks_for_the_first(gui, qtbot, tmp_path: Path, monkeypatch) -> None:
    import shutil

    monkeypatch.setattr(signin, "sign_in_on_open", signin.real_sign_in_on_open)
    path = tmp_path / "old.gridboard"
    shutil.copy(Path(__file__).parent / "data" / "v1.gridboard", path)
    seen: list[str] = []

    def fill(dialog) -> None:
        seen.append(dialog.objectName())
        dialog.reject()

    _drive(qtbot, signin.FirstOperatorDialog, fill)
    controller = AppController()
    assert not controller.open_path(path)  # cancelled: no window, the file stays closed
    assert seen == ["firstOperatorDialog"] and controller.window is None


def test_sign_in_screen_refuses_a_wrong_pin(gui, qtbot, small: Small) -> None:
    operators.create_operator(small.store, name="李娜", role="worker", secret="1357")
    dialog = signin.SignInDialog(small.store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_combo.setCurrentText("李娜")
    dialog.secret_edit.setText("9999")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.message.text()
    save_screenshot(dialog, "trust_sign_in")
    qtbot.keyClicks(dialog.secret_edit, "1357")
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert small.store.session.name == "李娜"


def _nothing_modal_left(qtbot) -> None:
    """Input to the window is real input here: a modal dialog or lock screen an earlier test left
    open would block it (Qt drops input to blocked windows before any filter sees it)."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowModality() != Qt.WindowModality.NonModal:
            widget.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)


def test_using_the_window_keeps_it_unlocked(gui, qtbot, window) -> None:
    _nothing_modal_left(qtbot)
    lock = window.features.get(TrustFeature).lock
    set_setting(window.store, "lock_after_minutes", 5)
    lock.reload()
    full = 5 * 60_000
    # Some idle time passes (the timer's own count, not a guess of how long a wait took)...
    qtbot.waitUntil(lambda: lock.timer.remainingTime() < full - 1500, timeout=30_000)
    before = lock.timer.remainingTime()
    # ...then a real key press on the window, delivered by Qt, starts the idle time again.
    qtbot.keyClick(window.views, Qt.Key.Key_Shift)
    after = lock.timer.remainingTime()
    assert after > before + 1000, (before, after)
    assert lock.timer.isActive() and not lock.is_locked()


def test_idle_lock_hides_the_window_and_asks_for_the_pin(gui, qtbot, window, monkeypatch) -> None:
    from gridboard.ui.trust.lock import IdleLock

    _nothing_modal_left(qtbot)
    # A minute of 300 ms: the file's setting, the lock's real timer and its own timeout do the rest.
    monkeypatch.setattr(IdleLock, "MS_PER_MINUTE", 300)
    lock = window.features.get(TrustFeature).lock
    set_setting(window.store, "lock_after_minutes", 1)
    lock.reload()
    assert lock.timer.isActive() and lock.timer.interval() == 300 and not lock.is_locked()
    qtbot.waitUntil(lock.is_locked, timeout=30_000)  # nobody touched it: it locked by itself
    screen = lock.screen
    assert not window.menuBar().isEnabled() and not window.centralWidget().isEnabled()
    log_visit = window.findChild(type(window.menuBar().actions()[0]), "actionLogVisit")
    assert log_visit is None or not log_visit.isEnabled()
    assert screen.isWindow() and screen.geometry().contains(
        window.geometry()
    )  # above the window and its dialogs
    # A wrong PIN keeps it locked, says so, and the window stays covered.
    qtbot.keyClicks(screen.secret_edit, "0000")
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    assert lock.is_locked() and screen.message.text() and not window.centralWidget().isEnabled()
    assert screen.secret_edit.text() == ""
    save_screenshot(screen, "trust_lock_screen")
    # The operator's PIN opens it; the idle time starts again...
    qtbot.keyClicks(screen.secret_edit, TESTER_PIN)
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    assert not lock.is_locked()
    assert window.menuBar().isEnabled() and window.centralWidget().isEnabled()
    assert lock.timer.isActive()
    # ...and, left alone again, it locks again by itself.
    qtbot.waitUntil(lock.is_locked, timeout=30_000)
    qtbot.keyClicks(lock.screen.secret_edit, TESTER_PIN)
    qtbot.keyClick(lock.screen.secret_edit, Qt.Key.Key_Return)
    assert not lock.is_locked()
    set_setting(window.store, "lock_after_minutes", 0)
    lock.reload()
    assert not lock.timer.isActive()


def test_a_dialog_left_open_is_covered_and_kept(gui, qtbot, window) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    edit.setText("half typed")
    dialog.show()
    window.features.get(TrustFeature).lock.lock()
    screen = window.features.get(TrustFeature).lock.screen
    assert screen.isVisible() and dialog.isVisible()
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    qtbot.keyClicks(screen.secret_edit, TESTER_PIN)
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    assert not window.features.get(TrustFeature).lock.is_locked() and edit.text() == "half typed"
    dialog.close()


def test_switching_operator_is_one_step(gui, qtbot, window, small: Small) -> None:
    operators.create_operator(small.store, name="只看", role="read_only", secret="1111")

    def fill(dialog: signin.SignInDialog) -> None:
        dialog.name_combo.setCurrentText("只看")
        dialog.secret_edit.setText("1111")
        dialog.accept()

    _drive(qtbot, signin.SignInDialog, fill)
    assert window.features.get(TrustFeature).switch_operator()
    assert small.store.session.name == "只看"
    assert "只看" in window.features.get(TrustFeature).label.text()


def test_read_only_operator_cannot_write_through_the_window(gui, qtbot, small: Small, monkeypatch) -> None:
    operators.create_operator(small.store, name="只看", role="read_only", secret="1111")
    operators.sign_in(small.store, "只看", "1111")
    errors: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: errors.append(str(error)))
    win = MainWindow(small.store)
    qtbot.addWidget(win)
    win.show()
    assert win.findChild(type(win.menuBar().actions()[0]), "actionOperators") is None
    household = small.household(1, "101")
    with pytest.raises(operators.NotAllowed):
        win.notifier.perform(visits.log_visit, household_id=household)
    assert small.store.scalar("SELECT count(*) FROM visit") == 0


def test_grid_worker_sees_only_their_grid_in_the_window(gui, qtbot, small: Small) -> None:
    grid2 = ledger.create_grid(small.store, community_id=small.community, name="第二网格")
    ledger.create_building(
        small.store, grid_id=grid2, name="8号楼", number=8, units=1, floors=2, rooms_per_floor=1
    )
    operators.create_operator(
        small.store, name="网格员甲", role="grid_worker", secret="2222", grid_ids=[small.grid]
    )
    operators.sign_in(small.store, "网格员甲", "2222")
    win = MainWindow(small.store)
    qtbot.addWidget(win)
    win.show()
    board = win.view("board")
    model = board.tree_model
    texts: list[str] = []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            texts.append(str(model.data(index)))
            if model.canFetchMore(index):
                model.fetchMore(index)
            walk(index)

    walk(model.index(-1, -1))
    joined = " ".join(texts)
    assert "第一网格" in joined and "第二网格" not in joined and "8号楼" not in joined
    assert win.findChild(type(win.menuBar().actions()[0]), "actionAuditTrail") is None


def test_audit_viewer_filters_masks_and_exports(
    gui, qtbot, window, small: Small, tmp_path: Path, monkeypatch
) -> None:
    store = small.store
    household = small.household(1, "101")
    ledger.update_household(store, household, head_name="刘芳", phone="13812345678")
    ledger.update_household(store, household, phone="13987654321", notes="女儿电话13511112222")
    operators.create_operator(store, name="李娜", role="worker", secret="1357")
    operators.sign_in(store, "李娜", "1357")
    visits.log_visit(store, household_id=household, note="身份证110101199001011234")
    operators.sign_in(store, TESTER, TESTER_PIN)
    dialog = window.features.get(TrustFeature).open_audit()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    model = dialog.model
    shown = "\n".join(
        " | ".join(str(model.data(model.index(r, c))) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    )
    assert "138****5678 → 139****4321" in shown
    assert "13812345678" not in shown and "13511112222" not in shown and "110101199001011234" not in shown
    dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findData("李娜"))
    assert {e.operator for e in model.entries} == {"李娜"}
    assert any(e.table == "visit" for e in model.entries)
    dialog.operator_combo.setCurrentIndex(0)
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("update"))
    assert model.entries and {e.action for e in model.entries} == {"update"}
    dialog.action_combo.setCurrentIndex(0)
    dialog.resize(1200, 520)
    save_screenshot(dialog, "trust_audit_viewer")
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(out))
    monkeypatch.setattr(ask, "inform", lambda *a, **k: None)
    dialog.export()
    cells = [str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c]
    assert any("139****4321" in c for c in cells) and not any("13987654321" in c for c in cells)


def test_household_panel_shows_its_own_history(gui, qtbot, window, small: Small) -> None:
    mine, other = small.household(1, "101"), small.household(2, "201")
    visits.log_visit(small.store, household_id=mine, note="一切正常")
    visits.log_visit(small.store, household_id=other, note="别家")
    window.navigate("household", mine)
    button = window.findChild(type(window.findChild(QDialog) or window.views), "householdHistoryButton")
    from PySide6.QtWidgets import QPushButton

    button = window.findChild(QPushButton, "householdHistoryButton")
    assert button is not None and button.isEnabled()
    button.click()
    dialogs = [d for d in window.findChildren(AuditDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    entries = dialogs[0].model.entries
    assert entries and all("101" in e.record for e in entries if e.record)
    assert not any("别家" in e.summary() for e in entries)


def test_operators_dialog_adds_a_grid_worker(gui, qtbot, window, small: Small) -> None:
    editor = OperatorEditor(small.store, window)
    qtbot.addWidget(editor)
    editor.name_edit.setText("网格员乙")
    editor.role_combo.setCurrentIndex(editor.role_combo.findData("grid_worker"))
    editor.secret_edit.setText("4444")
    editor.accept()
    assert editor.message.text()  # no grid chosen yet
    editor.grid_list.item(0).setCheckState(Qt.CheckState.Checked)
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted
    added = operators.find_operator(small.store, "网格员乙")
    assert added.role == "grid_worker" and added.grid_ids == (small.grid,)


def test_a_test_store_of_its_own_can_be_signed_in(gui, qtbot, tmp_path: Path) -> None:
    from conftest import sign_in_tester

    store = open_store(tmp_path / "own.gridboard", create=True)
    sign_in_tester(store)
    win = MainWindow(store)
    qtbot.addWidget(win)
    assert store.session.name == TESTER and "tester" in win.features.get(TrustFeature).label.text()
    win.close()
    store.close()


def test_protecting_a_file_makes_a_new_one_that_asks_for_its_passphrase(
    gui, qtbot, tmp_path: Path, small: Small, monkeypatch
) -> None:
    from gridboard.models import cipher
    from gridboard.ui.trust import protect

    path = small.store.path
    ledger.update_household(small.store, small.household(1, "101"), head_name="刘芳芳")
    small.store.close()
    controller = AppController()
    assert controller.open_path(path)
    window = controller.window  # the controller closes and deletes its windows

    def fill(dialog: protect.ProtectDialog) -> None:
        save_screenshot(dialog, "trust_protect")
        dialog.first.setText("correct horse")
        dialog.second.setText("correct horse")
        dialog.accept()
        assert dialog.message.text()  # the warning must be ticked first
        dialog.understood.setChecked(True)
        dialog.accept()

    _drive(qtbot, protect.ProtectDialog, fill)
    monkeypatch.setattr(ask, "confirm", lambda *a: False)  # do not open it yet
    made = window.features.get(TrustFeature).protect()
    assert made == path.with_name("test-protected.gridboard") and path.exists()
    assert "刘芳芳".encode() not in made.read_bytes()
    cipher.forget(made)
    answers = iter(["wrong one", "correct horse"])
    asked: list[bool] = []

    def answer(parent, p, again=False):
        asked.append(again)
        return next(answers)

    monkeypatch.setattr(protect, "ask_passphrase", answer)
    assert controller.open_path(made)
    assert asked == [False, True]
    assert controller.store.path == made and controller.store.scalar("SELECT count(*) FROM operator") == 1
    assert controller.window.findChild(type(controller.window.menuBar().actions()[0]), "actionUnprotect")
    controller.close()


def test_a_closed_window_stops_its_clocks(gui, qtbot, window) -> None:
    """A closed window's timers (requests' overdue marks, the idle lock) once fired minutes later on
    a file closed meanwhile ("Cannot operate on a closed database")."""
    from PySide6.QtCore import QTimer

    assert any(t.isActive() for t in window.findChildren(QTimer))
    window.close()
    assert not [t.objectName() for t in window.findChildren(QTimer) if t.isActive()]
