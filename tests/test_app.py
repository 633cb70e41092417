"""The real app starts offscreen, opens files, refuses bad ones with a message, and remembers them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import save_screenshot

from gridboard.ui import ask
from gridboard.ui.app import AppController

pytestmark = pytest.mark.gui


def test_app_opens_a_file_and_shows_the_main_window(gui, qtbot, small) -> None:
    path = small.store.path
    small.store.close()
    controller = AppController()
    assert controller.start(str(path))
    window = controller.window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.objectName() == "mainWindow"
    assert path.name in window.windowTitle()
    assert controller.recent_files() == [str(path)]
    save_screenshot(window, "main_window")
    controller.close()


def test_the_recent_files_are_written_behind_the_window(gui, qtbot, small, monkeypatch) -> None:
    """QSettings flushes its file to disk: on a busy disk that held the opening most of a second."""
    import threading

    from PySide6.QtCore import QSettings

    from gridboard.ui import app as app_module

    writers: list[str] = []

    class Watched(QSettings):
        def setValue(self, key, value) -> None:  # noqa: N802 - Qt's name
            if key == app_module.RECENT_KEY:
                writers.append(threading.current_thread().name)
            super().setValue(key, value)

    monkeypatch.setattr(app_module, "QSettings", Watched)
    path = small.store.path
    small.store.close()
    controller = AppController()
    assert controller.open_path(path)
    qtbot.addWidget(controller.window)
    assert controller.recent_files() == [str(path)]  # read after the write behind has ended
    assert writers == ["recent files"]
    controller.close()


def test_the_charts_are_imported_while_the_window_is_made(gui, qtbot, small, monkeypatch) -> None:
    """pyqtgraph's import holds Python's lock in long native calls: begun as the window is made,
    once the file is open and its operator signed in (not 1.5 s after the window is up, when it
    froze the board for 0.2-0.3 s; not while a PIN is typed)."""
    from gridboard.ui import app as app_module
    from gridboard.ui.dashboard import preload

    order: list[str] = []
    real_open = app_module.open_store
    monkeypatch.setattr(preload, "start", lambda: order.append("charts imported"))
    monkeypatch.setattr(
        app_module, "open_store", lambda *a, **k: order.append("file opened") or real_open(*a, **k)
    )
    path = small.store.path
    small.store.close()
    controller = AppController()
    assert controller.open_path(path)
    qtbot.addWidget(controller.window)
    assert order[:2] == ["file opened", "charts imported"]
    controller.close()


def test_bad_file_gives_a_message_and_no_window(gui, qtbot, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "ledger.gridboard"
    bad.write_bytes(b"PK\x03\x04 this is a zip, not a ledger")
    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(str(error)))
    controller = AppController()
    assert not controller.open_path(bad)
    assert controller.window is None
    assert "not a gridboard file" in shown[0]
    assert bad.read_bytes().startswith(b"PK")


def test_new_empty_community_from_the_welcome_choices(gui, qtbot, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "mine"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(ask, "text", lambda *a, **k: "向阳社区")
    controller = AppController()
    assert controller.new_file()
    qtbot.addWidget(controller.window)
    assert controller.store.scalar("SELECT name FROM community") == "向阳社区"
    assert controller.store.path == tmp_path / "mine.gridboard"
    controller.close()


def test_demo_community_is_made_in_the_background_then_opened(
    gui, qtbot, tmp_path: Path, monkeypatch
) -> None:
    import gridboard.models.demo as demo

    real_generate = demo.generate
    calls: list[str] = []

    def small_generate(path, scale, **kwargs):
        calls.append(scale)
        return real_generate(path, "test", **kwargs)  # the same code path, fewer households

    monkeypatch.setattr(demo, "generate", small_generate)
    controller = AppController()
    monkeypatch.setattr(controller, "demo_path", lambda: tmp_path / "demo.gridboard")
    asked: list[str] = []
    monkeypatch.setattr(
        ask,
        "save_file",
        lambda parent, title, filters, suggested="", **k: asked.append(suggested) or suggested,
    )
    assert controller.open_demo()
    assert asked == [str(tmp_path / "demo.gridboard")], "the demo asks where to save"
    qtbot.addWidget(controller.window)
    assert calls == ["community"]
    assert controller.store.scalar("SELECT count(*) FROM household") > 100
    assert not list(tmp_path.glob("*.partial"))
    controller.close()


def test_cancelled_demo_leaves_no_file(gui, qtbot, tmp_path: Path, monkeypatch) -> None:
    import gridboard.models.demo as demo
    from gridboard.models.errors import Cancelled

    def cancelled(path, scale, **kwargs):
        raise Cancelled()

    monkeypatch.setattr(demo, "generate", cancelled)
    controller = AppController()
    monkeypatch.setattr(controller, "demo_path", lambda: tmp_path / "demo.gridboard")
    monkeypatch.setattr(ask, "save_file", lambda parent, title, filters, suggested="", **k: suggested)
    assert not controller.open_demo()
    assert controller.window is None
    assert list(tmp_path.glob("demo*")) == []


def test_main_window_fits_an_old_office_screen(gui, qtbot, small) -> None:
    """1366×768 is still the commonest office laptop/PC screen: every view must fit it."""
    from gridboard.ui.main_window import MainWindow

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.show()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint
    window.resize(1366, 768)
    assert window.width() <= 1366


def _squashed_buttons(window) -> list[str]:
    from PySide6.QtWidgets import QPushButton

    return [
        f"{b.objectName() or b.text()}: {b.height()} < {b.sizeHint().height()}"
        for b in window.findChildren(QPushButton)
        if b.isVisible() and b.height() < b.sizeHint().height()
    ]


def test_a_blank_community_fits_an_old_office_screen_with_no_button_squashed(gui, qtbot, db) -> None:
    """The household panel's buttons are added by several features before the window is shown: its
    first paint at 1366×768 had all six squashed to a few pixels high (its box kept the height it had
    with one button)."""
    from gridboard.models import ledger
    from gridboard.ui.board import BoardFeature
    from gridboard.ui.main_window import MainWindow

    ledger.create_community(db, name="幸福社区")
    db.take_changes()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = window.features.get(BoardFeature).view.panel
    assert len(panel._action_buttons) >= 5  # the ledger's, requests' and trust's buttons are there
    # The first paint, before the event loop has run once more: what the user sees first.
    save_screenshot(window, "blank_community_1366")
    assert _squashed_buttons(window) == []
    qtbot.waitExposed(window)
    assert _squashed_buttons(window) == []
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint


def test_the_demo_goes_to_documents_unless_saved_elsewhere(gui, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    controller = AppController()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    assert controller.demo_path() == expected / "示范社区.gridboard"
    made = tmp_path / "我的示范.gridboard"
    made.write_bytes(b"")
    QSettings().setValue("demo/path", str(made))
    assert controller.demo_path() == made, "the demo made last time opens again"
