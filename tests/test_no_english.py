"""Chinese all the way: every dialog and message box the menus open, and Qt's own file dialog, show
no English word on a button, label or title (the program's name and file-type words aside)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from gridboard.models import ledger, pairing, requests, visits
from gridboard.ui import ask
from gridboard.ui.resources import install_translations

pytestmark = pytest.mark.gui
# Words that are the same in a Chinese UI: our program's name and the kinds of file people know.
ALLOWED = {"gridboard", "pdf", "excel", "csv", "png", "xlsx", "xlsm", "xls", "ods", "wps", "qr", "id", "ok"}
ALLOWED -= {"ok"}  # OK must read 确定
# Key names as printed on the keyboard (Chinese Windows writes Ctrl+Z too).
ALLOWED |= {"ctrl", "alt", "shift", "esc", "tab", "enter", "del", "pgup", "pgdown", "home", "end"}
# "PIN 码" is how Chinese software says it; the About box names the software it is built on.
ALLOWED |= {"pin", "python", "qt", "pyside", "sqlite"}
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text or "")  # rich text tags
    text = re.sub(r"&\w+;", " ", text)  # entities
    text = re.sub(r"\*(?:\.\w+)+", " ", text)  # *.pdf, *.gridboard.gz patterns in filters
    text = re.sub(r"\S*[/\\]\S*|\S+\.gridboard", " ", text)  # paths and file names: data, not words
    text = text.replace("tester", "")  # the operator's name in these tests
    text = re.sub(r"\bm\d{3}_\w+", " ", text)  # a schema step's name (About box): an identifier
    text = re.sub(r"\([A-Z]\)|&(?=\w)", "", text)  # mnemonics: 保存(S), &S
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED]


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user reads on a window."""
    texts = [("title", widget.windowTitle())]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        name = f"{type(child).__name__}#{child.objectName()}"
        if isinstance(child, QLabel):
            texts.append((name, child.text()))
        elif isinstance(child, QAbstractButton):
            texts.append((name, child.text()))
            texts.append((name + ".tooltip", child.toolTip()))
        elif isinstance(child, QGroupBox):
            texts.append((name, child.title()))
        elif isinstance(child, QTabWidget):
            texts.extend((name, child.tabText(i)) for i in range(child.count()))
        elif isinstance(child, QComboBox):
            texts.extend((name, child.itemText(i)) for i in range(child.count()))
        elif isinstance(child, QLineEdit):
            texts.append((name + ".placeholder", child.placeholderText()))
        if isinstance(child, QAbstractItemView) and (child.model() is not None):
            model = child.model()
            if hasattr(child, "horizontalHeader") or hasattr(child, "header"):
                texts.extend(
                    (name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                    for c in range(model.columnCount())
                )
    return texts


def english_on(widget: QWidget) -> list[str]:
    return [f"{where}: {text!r}" for where, text in widget_texts(widget) if english_words(text)]


@pytest.fixture
def chinese(gui):
    install_translations("zh_CN")
    yield
    install_translations(str(QSettings().value("language", "auto")))


@pytest.fixture
def full_small(small):
    """The small community with a resident, a pairing, a visit and an open request: dialogs have content."""
    db = small.store
    household = small.household(1, "101")
    ledger.add_resident(db, household_id=household, name="王喆", birth_year=1940, tags=["living_alone"])
    pairing.pair_member(db, member_id=small.member, household_id=household, mode="1+1")
    visits.log_visit(db, household_id=household, member_ids=[small.member], method="in_person", outcome="met")
    small.request = requests.raise_request(db, household_id=household, category="medicine", text="买药")
    db.take_changes()
    return small


def test_every_dialog_the_menus_open_is_chinese(chinese, qtbot, full_small, monkeypatch) -> None:
    from gridboard.ui.main_window import MainWindow

    seen: list[str] = []
    problems: list[str] = []

    def record(title: str, text: str = "") -> None:
        seen.append(title)
        for piece in (title, text):
            if english_words(piece):
                problems.append(f"message {title!r}: {piece!r}")

    monkeypatch.setattr(ask, "confirm", lambda parent, title, text: record(title, text) or False)
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: record(title, text))
    monkeypatch.setattr(ask, "warn", lambda parent, title, text: record(title, text))
    monkeypatch.setattr(ask, "show_error", lambda parent, error: record("error", str(error)))
    monkeypatch.setattr(ask, "text", lambda parent, title, label, value="": record(title, label))
    monkeypatch.setattr(ask, "open_file", lambda parent, title, filters, **k: record(title, filters))
    monkeypatch.setattr(
        ask, "save_file", lambda parent, title, filters, suggested="", **k: record(title, filters)
    )

    def fake_exec(dialog: QDialog) -> int:
        dialog.show()
        seen.append(dialog.windowTitle())
        problems.extend(f"{type(dialog).__name__}: {p}" for p in english_on(dialog))
        dialog.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    # Qt's static pickers run their own dialog in C++, out of reach of the exec above: answer cancel.
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (0, False)))
    window = MainWindow(full_small.store)
    qtbot.addWidget(window)
    window.resize(1350, 720)
    window.show()
    window.navigate("household", full_small.household(1, "101"))
    problems.extend(f"main window: {p}" for p in english_on(window))

    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("action")]
    skip = {"actionQuit", "actionUndo", "actionRedo", "actionRemoveBuilding", "actionRemoveHousehold"}
    for action in actions:
        if action.objectName() in skip or not action.isEnabled() or action.menu() is not None:
            continue
        # Only windows of this main window: QApplication.topLevelWidgets() may hand back other tests'
        # widgets half way through their deletion (a crash when touched).
        before = {id(w) for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()}
        name = action.objectName()
        if name == "actionBoardLogVisit":
            window.show_view("board")
            window.view("board").select_household(full_small.household(1, "101"))
        elif name.startswith("actionRequest_"):
            window.show_view("requests")
            requests = window.view("requests")
            requests.select_request(full_small.request)  # once the list is read, off the GUI thread
            qtbot.waitUntil(lambda view=requests: view.current_id() == full_small.request)
        action.trigger()
        for widget in [w for w in window.findChildren(QWidget) if w.isWindow()]:
            if widget.isVisible() and id(widget) not in before:
                seen.append(widget.windowTitle())
                problems.extend(
                    f"{action.objectName()} → {type(widget).__name__}: {p}" for p in english_on(widget)
                )
                widget.close()
        problems.extend(
            f"{action.objectName()} (view): {p}" for p in english_on(window.views.currentWidget())
        )
    assert len(seen) >= 15, seen
    assert problems == [], "\n".join(sorted(set(problems)))


def test_qt_file_dialog_and_message_box_are_chinese(chinese, qtbot) -> None:
    dialog = QFileDialog(None, "保存", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_on(dialog) == []
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "要继续吗？")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    box.show()
    assert english_on(box) == []


def test_english_words_finds_english() -> None:
    assert english_words("Look in:") == ["Look", "in"]
    assert english_words("保存(&S)") == []
    assert english_words("gridboard 文件 (*.gridboard)") == []
    assert english_words("OK") == ["OK"]
