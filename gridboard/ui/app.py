"""Making the application and opening files: the controller behind the welcome dialog and File menu."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from gridboard.models import ledger
from gridboard.models.backup import daily_backup, needs_daily_backup
from gridboard.models.errors import KnownError
from gridboard.models.store import FILE_SUFFIX, Store, open_store
from gridboard.ui import ask
from gridboard.ui.main_window import MainWindow
from gridboard.ui.resources import install_fonts, install_translations, ui_font
from gridboard.ui.tasks import run_task
from gridboard.ui.welcome import WelcomeDialog

RECENT_KEY = "recent_files"
MAX_RECENT = 8


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("gridboard")
    QCoreApplication.setApplicationName("gridboard")
    family = install_fonts()
    app.setFont(ui_font(family, 10.5))
    install_translations(str(QSettings().value("language", "auto")))
    return app


class AppController(QObject):
    """Owns the open file and its window; one file open at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.store: Store | None = None

    # -- files ------------------------------------------------------------------------------------

    def file_filter(self) -> str:
        return self.tr("gridboard files (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX)

    def open_path(self, path: Path, *, create: bool = False) -> bool:
        parent = self.window
        try:
            # Checking a city-sized file takes seconds: never in the GUI thread, and it can be cancelled.
            store = run_task(
                parent,
                self.tr("Opening {name}…").format(name=path.name),
                lambda progress: open_store(path, create=create, progress=progress),
            )
        except KnownError as error:
            ask.show_error(parent, error)
            self._forget_recent(str(path))
            return False
        if store is None:
            return False
        self._show(store)
        self._remember_recent(str(path))
        self._backup_today(store)
        return True

    def new_file(self) -> bool:
        path = ask.save_file(self.window, self.tr("New community file"), self.file_filter(), "community")
        if not path:
            return False
        path = Path(path) if path.endswith(FILE_SUFFIX) else Path(path + FILE_SUFFIX)
        if path.exists():
            ask.warn(self.window, self.tr("New community file"), self.tr("{path} already exists.").format(path=path))
            return False
        name = ask.text(self.window, self.tr("New community"), self.tr("Name of the community:"))
        if not name:
            return False
        if not self.open_path(path, create=True):
            return False
        self.window.notifier.perform(ledger.create_community, name=name)
        return True

    def open_file_dialog(self) -> bool:
        path = ask.open_file(self.window, self.tr("Open a gridboard file"), self.file_filter())
        return bool(path) and self.open_path(Path(path))

    def demo_path(self) -> Path:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        return folder / f"demo-community{FILE_SUFFIX}"

    def open_demo(self) -> bool:
        path = self.demo_path()
        if not path.exists():
            from gridboard.models.demo import generate

            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.unlink(missing_ok=True)
            made = run_task(
                self.window,
                self.tr("Making the demo community…"),
                lambda progress: generate(partial, "community", progress=progress),
            )
            if made is None:
                partial.unlink(missing_ok=True)
                return False
            partial.replace(path)
        return self.open_path(path)

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, []) or []
        paths = [value] if isinstance(value, str) else list(value)
        return [p for p in paths if Path(p).exists()]

    # -- language -----------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        install_translations(code)
        if self.store is not None:
            self._show(self.store, reuse_store=True)

    # -- start --------------------------------------------------------------------------------------

    def start(self, path: str | None) -> bool:
        """Open the given file, else the last one, else ask with the welcome dialog."""
        if path:
            return self.open_path(Path(path), create=not Path(path).exists())
        recent = self.recent_files()
        if recent and self.open_path(Path(recent[0])):
            return True
        return self.welcome()

    def welcome(self) -> bool:
        dialog = WelcomeDialog(self.recent_files())
        chosen: list[bool] = []

        def attempt(action) -> None:
            if action():
                chosen.append(True)
                dialog.accept()

        dialog.new_requested.connect(lambda: attempt(self.new_file))
        dialog.open_requested.connect(lambda: attempt(self.open_file_dialog))
        dialog.demo_requested.connect(lambda: attempt(self.open_demo))
        dialog.recent_requested.connect(lambda p: attempt(lambda: self.open_path(Path(p))))
        dialog.exec()
        return bool(chosen)

    # -- internals ----------------------------------------------------------------------------------

    def _show(self, store: Store, *, reuse_store: bool = False) -> None:
        old_window, old_store = self.window, self.store
        self.store = store
        self.window = MainWindow(store, app_controller=self)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None and not reuse_store and old_store is not store:
            old_store.close()

    def _backup_today(self, store: Store) -> None:
        if not needs_daily_backup(store):
            return
        try:
            run_task(self.window, self.tr("Making today's backup…"), lambda progress: daily_backup(store, progress=progress))
        except OSError as error:
            ask.warn(self.window, self.tr("Backup"), self.tr("Today's backup could not be made: {error}").format(error=error))

    def _remember_recent(self, path: str) -> None:
        paths = [p for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, [path, *paths][:MAX_RECENT])

    def _forget_recent(self, path: str) -> None:
        QSettings().setValue(RECENT_KEY, [p for p in self.recent_files() if p != path])

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(path: str | None = None) -> int:
    app = make_application()
    controller = AppController()
    if not controller.start(path):
        return 0
    code = app.exec()
    controller.close()
    return code
