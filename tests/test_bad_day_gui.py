"""A bad day in the window (issue 14): a second process holding the file, a full disk, a backup that
fails at start, a read-only file, an exception in a slot, and Esc on typed rows."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from bad_day_support import Holder, read_only_view
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFrame, QPushButton

from gridboard import logs
from gridboard.models import backup, pairing, sheets
from gridboard.models.errors import DiskFull, FileLocked, KnownError, ReadOnlyFile
from gridboard.ui import ask, labels
from gridboard.ui.app import AppController
from gridboard.ui.crash import CrashHandler

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch) -> list[KnownError]:
    """Messages shown through the one error seam (ask.show_error), instead of message boxes."""
    errors: list[KnownError] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: errors.append(error))
    return errors


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def type_a_visit(window, household_id: int):
    dialog = window.view("board").log_visit(household_id)
    dialog.note.setText("老人腿脚不便，要轮椅")
    row = dialog.add_request_row()
    row.text.setText("申请一台轮椅")
    return dialog, row


# -- a second process holds the file ------------------------------------------------------------------------


def test_a_second_process_holding_the_write_lock_keeps_the_dialog_and_its_text(
    window, qtbot, small, shown
) -> None:
    store = small.store
    store.execute("PRAGMA busy_timeout = 300")
    hid = small.household(1, "101")
    dialog, row = type_a_visit(window, hid)
    with Holder(store.path, "sqlite"):  # an import, or a copy tool, in the middle of a write
        save_button(dialog).click()
        assert len(shown) == 1 and isinstance(shown[0], FileLocked)
        assert store.path.name in labels.error_text(shown[0])
        assert dialog.isVisible(), "the dialog stays open"
        assert dialog.note.text() == "老人腿脚不便，要轮椅" and row.text.text() == "申请一台轮椅"
        assert store.scalar("SELECT count(*) FROM visit") == 0
        save_screenshot(window, "bad_day_busy_visit")
    save_button(dialog).click()  # the other writer is done: the same entry goes through
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.scalar("SELECT count(*) FROM visit") == 1
    assert store.scalar("SELECT text FROM request") == "申请一台轮椅"


def test_a_second_copy_opens_read_only_with_a_banner_naming_who_has_it(gui, qtbot, small, shown) -> None:
    path = small.store.path
    hid = small.household(1, "101")
    small.store.close()
    with Holder(path, "app", operator="李四") as holder:
        controller = AppController()
        assert controller.open_path(path)
        window = controller.window  # the controller's: replaced (and deleted) when the file reopens
        assert controller.store.read_only is not None
        banner = window.findChild(QFrame, "readOnlyBanner")
        assert banner is not None and banner.isVisible()
        text = window.read_only_text()
        assert "李四" in text and socket.gethostname() in text
        save_screenshot(window, "bad_day_read_only_banner")
        # Work typed anyway is not lost: the save says why and the dialog keeps it.
        dialog, row = type_a_visit(window, hid)
        save_button(dialog).click()
        assert isinstance(shown[-1], ReadOnlyFile) and dialog.isVisible()
        assert dialog.note.text() == "老人腿脚不便，要轮椅"
        dialog.done(0)
        # "Open for writing" while the other copy still has it: refused, this window stays.
        banner.findChild(QPushButton, "readOnlyRetry").click()
        assert isinstance(shown[-1], FileLocked) and "李四" in str(shown[-1])
        assert controller.window is window
        holder.kill()
    window.findChild(QPushButton, "readOnlyRetry").click()
    assert controller.window is not window and controller.store.read_only is None
    assert controller.window.findChild(QFrame, "readOnlyBanner") is None
    controller.close()


def test_a_read_only_disk_opens_read_only_with_a_banner(gui, qtbot, small, tmp_path: Path) -> None:
    source = small.store.path
    small.store.close()
    with read_only_view(source.parent) as view:
        controller = AppController()
        assert controller.open_path(view / source.name)
        qtbot.addWidget(controller.window)
        assert controller.store.read_only.reason in ("file", "folder")
        assert controller.window.findChild(QFrame, "readOnlyBanner") is not None
        assert controller.store.scalar("SELECT count(*) FROM household") == 24
        controller.close()


# -- a full disk -------------------------------------------------------------------------------------------


def test_a_full_disk_keeps_the_dialog_and_its_text(window, qtbot, small, shown) -> None:
    store = small.store
    hid = small.household(1, "102")
    store.execute(f"PRAGMA max_page_count = {store.scalar('PRAGMA page_count')}")
    dialog, row = type_a_visit(window, hid)
    dialog.note.setText("满" * 3_900)  # a visit that needs a new page the file may not have
    save_button(dialog).click()
    assert len(shown) == 1 and isinstance(shown[0], DiskFull)
    assert dialog.isVisible() and dialog.note.text() == "满" * 3_900 and row.text.text() == "申请一台轮椅"
    assert store.scalar("SELECT count(*) FROM visit") == 0
    store.execute("PRAGMA max_page_count = 1073741823")
    save_button(dialog).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.scalar("SELECT count(*) FROM visit") == 1


# -- start-up never depends on the backup --------------------------------------------------------------------


def test_a_failing_backup_is_a_warning_and_is_tried_again(gui, qtbot, small, monkeypatch) -> None:
    import gridboard.ui.app as app_module

    path = small.store.path
    small.store.close()
    calls: list[str] = []

    def full(store, **kwargs):
        calls.append("full")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(app_module, "daily_backup", full)
    controller = AppController()
    assert controller.start(str(path)), "the file opens although its backup cannot be made"
    window = controller.window
    qtbot.addWidget(window)
    # In the background, a moment after the window is up (longer on a busy machine).
    qtbot.waitUntil(lambda: bool(calls) and window.backup_label.isVisible(), timeout=20_000)
    assert window.backup_label.text()
    assert controller.backup_timer.isActive()
    save_screenshot(window, "bad_day_backup_warning")
    monkeypatch.setattr(app_module, "daily_backup", backup.daily_backup)
    controller.backup_timer.timeout.emit()  # what the timer does later
    qtbot.waitUntil(lambda: not window.backup_label.isVisible(), timeout=15_000)
    assert list(backup.backup_folder(path).glob("*.gridboard.pack"))
    controller.close()


def test_a_bug_in_the_backup_does_not_stop_the_file_opening(gui, qtbot, small, monkeypatch) -> None:
    import gridboard.ui.app as app_module

    path = small.store.path
    small.store.close()
    monkeypatch.setattr(app_module, "daily_backup", lambda store, **kwargs: 1 / 0)
    controller = AppController()
    assert controller.open_path(path)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(controller.window.backup_label.isVisible)
    controller.close()


# -- the crash dialog ----------------------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_opens_the_crash_dialog(window, qtbot, small, tmp_path: Path, shown) -> None:
    logs.shutdown()
    log_file = logs.configure(tmp_path / "data")
    handler = CrashHandler(lambda: small.store, lambda: window)
    handler.install()
    try:
        dialog, _row = type_a_visit(window, small.household(2, "101"))
        save_button(dialog).click()  # a real save: the time it landed is what the crash dialog names
        saved = small.store.saved_at
        assert saved is not None

        def broken() -> None:
            raise RuntimeError("a bug in a slot")

        button = QPushButton("boom", window)
        button.clicked.connect(broken)
        button.click()
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
        crash = handler.dialog
        assert crash.objectName() == "crashDialog"
        details = crash.text.toPlainText()
        assert "RuntimeError: a bug in a slot" in details and str(small.store.path) in details
        assert str(log_file) in crash.log_label.text()
        assert saved.strftime("%Y-%m-%d %H:%M:%S") in crash.safe_label.text()
        save_screenshot(crash, "bad_day_crash_dialog")
        crash.copy_button.click()
        assert QApplication.clipboard().text() == crash.details
        button.click()  # a second failure while it is open: added to it, not a second dialog
        qtbot.waitUntil(lambda: crash.text.toPlainText().count("RuntimeError: a bug in a slot") == 2)
        logging_flush()
        assert "RuntimeError: a bug in a slot" in log_file.read_text(encoding="utf-8")
        crash.reject()
        qtbot.waitUntil(lambda: handler.dialog is None)

        # Expected trouble that escapes a slot is a plain message, not a crash.
        def locked() -> None:
            raise sqlite3.OperationalError("database is locked")

        other = QPushButton("locked", window)
        other.clicked.connect(locked)
        other.click()
        qtbot.waitUntil(lambda: bool(shown))
        assert isinstance(shown[-1], FileLocked) and handler.dialog is None
    finally:
        handler.uninstall()
        logs.shutdown()


def logging_flush() -> None:
    import logging

    for h in logging.getLogger("gridboard").handlers:
        h.flush()


# -- Esc with typed rows asks first --------------------------------------------------------------------------


class Answers(list):
    """Each "discard what you typed?" question asked; `discard` is the answer given (False: keep)."""

    discard = False


@pytest.fixture
def answers(monkeypatch) -> Answers:
    asked = Answers()

    def discard_unsaved(parent, text) -> bool:
        asked.append(text)
        return asked.discard

    monkeypatch.setattr(ask, "discard_unsaved", discard_unsaved)
    return asked


def test_esc_on_a_typed_visit_asks_first(window, qtbot, small, answers) -> None:
    dialog = window.view("board").log_visit(small.household(1, "101"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == [], "nothing typed: Esc just closes"
    dialog, row = type_a_visit(window, small.household(1, "101"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible() and row.text.text() == "申请一台轮椅"
    dialog.close()  # the window's close button asks too
    assert len(answers) == 2 and dialog.isVisible()
    answers.discard = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_on_typed_sheet_rows_asks_first(gui, qtbot, small, answers) -> None:
    from PySide6.QtWidgets import QWidget

    from gridboard.ui.notifier import Notifier
    from gridboard.ui.printing.entry import OUTCOME, SheetEntryDialog

    host = QWidget()
    host.store = small.store
    host.notifier = Notifier(small.store, host)
    qtbot.addWidget(host)
    pairing.add_scope(small.store, member_id=small.member, building_id=small.building, unit=1)
    (printed,) = sheets.record_sheets(small.store, [sheets.member_sheet(small.store, small.member)])
    dialog = SheetEntryDialog(host)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.open_sheet(printed.info.sheet_no)
    for row in range(3):
        dialog.model.set_value(row, OUTCOME, "1")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and "3" in answers[0] and dialog.isVisible()
    assert dialog.unsaved_rows() == 3
    answers.discard = True
    dialog.reject()
    assert not dialog.isVisible()


def test_esc_on_a_typed_request_asks_first(window, qtbot, small, answers) -> None:
    from gridboard.ui.requests.dialogs import RaiseDialog

    dialog = RaiseDialog(window.notifier, small.household(1, "101"), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers == [] and not dialog.isVisible()
    dialog = RaiseDialog(window.notifier, small.household(1, "101"), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setText("楼道灯坏了")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible() and dialog.text.text() == "楼道灯坏了"
    dialog.accept()
    assert not dialog.isVisible() and small.store.scalar("SELECT text FROM request") == "楼道灯坏了"


def test_closing_the_window_with_a_typed_dialog_asks_first(window, qtbot, small, answers) -> None:
    dialog, _row = type_a_visit(window, small.household(1, "101"))
    window.close()
    assert len(answers) == 1 and window.isVisible() and dialog.isVisible()
    answers.discard = True
    window.close()
    assert not window.isVisible()
