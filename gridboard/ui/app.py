"""Making the application and opening files: the controller behind the welcome dialog and File menu."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gridboard import logs, paths
from gridboard.models import cipher, ledger
from gridboard.models.backup import daily_backup, needs_daily_backup
from gridboard.models.errors import QT_TRANSLATE_NOOP, DamagedFile, KnownError, storage_error
from gridboard.models.opening import open_store
from gridboard.models.store import FILE_SUFFIX, Store
from gridboard.ui import ask
from gridboard.ui.crash import CrashHandler
from gridboard.ui.dashboard import preload
from gridboard.ui.file_check import FileCheck
from gridboard.ui.labels import error_text
from gridboard.ui.main_window import MainWindow
from gridboard.ui.places import app_icon, use_portable_places
from gridboard.ui.resources import install_fonts, install_translations, ui_font
from gridboard.ui.tasks import run_task
from gridboard.ui.travel.background import Background
from gridboard.ui.welcome import WelcomeDialog

RECENT_KEY = "recent_files"
MAX_RECENT = 8
BACKUP_RETRY_MS = 15 * 60 * 1000
# The day's backup starts this long after the window is up, so the first open of the day is like any other.
BACKUP_DELAY_MS = 1500
log = logging.getLogger(__name__)


DEMO_KEY = "demo/path"


def data_folder() -> Path:
    """The user data folder (the demo file, the log); beside the program in portable mode."""
    return paths.data_folder()


def make_application(argv: list[str] | None = None) -> QApplication:
    # Names and (portable) places before the application exists: settings and caches follow them.
    QCoreApplication.setOrganizationName(paths.ORGANIZATION)
    QCoreApplication.setApplicationName(paths.APPLICATION)
    use_portable_places()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("gridboard")  # the desktop entry's name: its icon on Wayland and in docks
    family = install_fonts()
    app.setFont(ui_font(family, 10.5))
    install_translations(str(QSettings().value("language", "auto")))
    from gridboard.ui.wheel import install_wheel_guard

    install_wheel_guard(app)
    return app


class AppController(QObject):
    """Owns the open file and its window; one file open at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.store: Store | None = None
        self.file_check: FileCheck | None = None  # the open file's whole-file check, while it runs
        self._recent_writer: threading.Thread | None = None  # the recent files' list, being written
        # A backup that failed is tried again later, never a reason not to work.
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backupRetry")
        self.backup_timer.setSingleShot(True)
        self.backup_timer.setInterval(BACKUP_RETRY_MS)
        self.backup_timer.timeout.connect(self._retry_backup)
        self.backups = Background(self)
        self.backups.finished.connect(self._backup_done)

    # -- files ------------------------------------------------------------------------------------

    def file_filter(self) -> str:
        return self.tr("gridboard files (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX)

    def open_path(
        self, path: Path, *, create: bool = False, writable: bool = False, passphrase: str | None = None
    ) -> bool:
        """Open `path` in a new window. A file another copy writes to, or one that cannot be written,
        opens read only with a banner; with `writable=True` (the banner's button) it is refused instead
        and the window already open stays as it is."""
        parent = self.window
        try:
            # Checking a city-sized file takes seconds: never in the GUI thread, and it can be cancelled.
            store = run_task(
                parent,
                self.tr("Opening {name}…").format(name=path.name),
                # A big file opens after its header and schema checks; the whole-file check then runs
                # behind the window, which stays read only until it passes.
                lambda progress: open_store(
                    path,
                    create=create,
                    progress=progress,
                    allow_read_only=not writable,
                    check="quick" if create else "deferred",
                    passphrase=passphrase,
                ),
            )
        except (cipher.PassphraseNeeded, cipher.WrongPassphrase) as error:
            # A protected file (issue 16): ask for its passphrase, and again after a wrong one.
            from gridboard.ui.trust import protect

            again = isinstance(error, cipher.WrongPassphrase)
            given = protect.ask_passphrase(parent, path, again=again)
            if given:
                return self.open_path(path, create=create, writable=writable, passphrase=given)
            ask.show_error(parent, error)
            return False
        except KnownError as error:
            ask.show_error(parent, error)
            if not writable:
                self._forget_recent(str(path))
            return False
        if store is None:
            return False
        if not self._sign_in(store):
            store.close()
            return False
        # The dashboard's charts (pyqtgraph) are imported while the window is made: the import holds
        # Python's lock in long native calls (Qt's libraries loaded, numpy set up), which froze a
        # window already in use for 0.2-0.3 s when it came after the open; begun before the PIN
        # dialog, it would make typing in it stutter.
        preload.start()
        log.info("opened %s%s", path, f" read only ({store.read_only.reason})" if store.read_only else "")
        try:
            self._show(store)
        except sqlite3.DatabaseError as error:
            # A page the first view reads is damaged (a file whose whole-file check was still to run).
            store.close(checkpoint=False)
            damaged = storage_error(error, path) or DamagedFile(
                QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({error})."), path=str(path), error=str(error)
            )
            log.warning("opening %s failed: %s", path, error)
            ask.show_error(parent, damaged)
            return False
        self._remember_recent(str(path))
        if store.read_only is not None and store.read_only.reason == "checking":
            self._check_in_background(store)
        else:
            self._backup_today(store)
        return True

    def _check_in_background(self, store: Store) -> None:
        check = FileCheck(store, self)
        self.file_check = check
        if self.window is not None:
            self.window.file_check = check
        window = self.window

        def passed() -> None:
            if self.store is store and self.window is window and window is not None:
                window.refresh_read_only()
                self._backup_today(store)

        def failed(error: KnownError) -> None:
            if self.store is store and self.window is window and window is not None:
                window.refresh_read_only()
                ask.show_error(window, error)

        check.passed.connect(passed)
        check.failed.connect(failed)
        check.start()

    def new_file(self) -> bool:
        path = ask.save_file(
            self.window, self.tr("New community file"), self.file_filter(), self.tr("community")
        )
        if not path:
            return False
        path = Path(path) if path.endswith(FILE_SUFFIX) else Path(path + FILE_SUFFIX)
        if path.exists():
            ask.warn(
                self.window,
                self.tr("New community file"),
                self.tr("{path} already exists.").format(path=path),
            )
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
        """The demo made last time (where the user chose to save it), else where one would go:
        the Documents folder (the data folder beside the program when portable)."""
        made = str(QSettings().value(DEMO_KEY, "") or "")
        if made and Path(made).exists():
            return Path(made)
        name = self.tr("Demo community") + FILE_SUFFIX
        if paths.is_portable():
            return data_folder() / name
        return ask.start_folder("gridboard") / ask.safe_file_name(name)

    def open_demo(self) -> bool:
        path = self.demo_path()
        if not path.exists():
            from gridboard.models.demo import generate

            # Asked, not hidden in a data folder: the user finds the demo file again and can delete it.
            chosen = ask.save_file(
                self.window,
                self.tr("Save the demo community as"),
                self.file_filter(),
                str(path),
                kind="gridboard",
            )
            if not chosen:
                return False
            path = Path(chosen) if chosen.endswith(FILE_SUFFIX) else Path(chosen + FILE_SUFFIX)
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
            QSettings().setValue(DEMO_KEY, str(path))
        return self.open_path(path)

    def recent_files(self) -> list[str]:
        self._wait_for_recent()
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

    def _stop_check(self) -> None:
        if self.file_check is not None:
            self.file_check.cancel()
            self.file_check = None

    def _sign_in(self, store: Store) -> bool:
        """Who is working: the file's first operator is made, or someone signs in (issue 16)."""
        from gridboard.ui.trust import signin

        return signin.sign_in_on_open(self.window, store)

    def reopen_window(self) -> None:
        """The same file in a new window (another operator signed in: other menus, other grids)."""
        if self.store is not None:
            self._show(self.store, reuse_store=True)

    def _show(self, store: Store, *, reuse_store: bool = False) -> None:
        old_window, old_store = self.window, self.store
        window = MainWindow(store, app_controller=self)  # first: a file it cannot read changes nothing here
        if old_store is not store:
            self._stop_check()
        self.store = store
        self.window = window
        if reuse_store and self.file_check is not None:
            self.window.file_check = self.file_check
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None and not reuse_store and old_store is not store:
            old_store.close()

    def _backup_today(self, store: Store) -> bool:
        """Today's copy of the file, made after the window is up, in the background, from a connection
        of its own: it never holds up opening or work. If it cannot be made (a full disk, a read-only
        folder, anything), the window says so in its status bar and it is tried again later."""
        if not needs_daily_backup(store):
            return True
        self._backup_store = store
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: self.backups.start(lambda: daily_backup(store)))
        return True

    def _backup_done(self, error: BaseException | None) -> None:
        store = getattr(self, "_backup_store", None)
        if error is None:
            if self.window is not None and self.store is store:
                self.window.clear_backup_problem()
            return
        known = error if isinstance(error, KnownError) else None
        if isinstance(error, (sqlite3.Error, OSError)):
            known = storage_error(error, store.path if store is not None else None)
        if known is None:
            log.error("today's backup failed", exc_info=error)
        else:
            log.warning("today's backup failed: %s", error)
        reason = error_text(known) if known is not None else repr(error)
        if self.window is not None and self.store is store:
            text = self.tr("Today's backup could not be made; it will be tried again later. ({reason})")
            self.window.show_backup_problem(text.format(reason=reason))
        self.backup_timer.start()

    def _retry_backup(self) -> None:
        if self.store is not None:
            self._backup_today(self.store)

    def _remember_recent(self, path: str) -> None:
        paths = [p for p in self.recent_files() if p != path]
        self._write_recent([path, *paths][:MAX_RECENT])

    def _forget_recent(self, path: str) -> None:
        self._write_recent([p for p in self.recent_files() if p != path])

    def _write_recent(self, paths: list[str]) -> None:
        """Written by a thread: QSettings flushes its file to disk (fdatasync), which on a busy disk
        held the window's opening most of a second. Reading the list waits for it."""
        self._wait_for_recent()
        self._recent_writer = threading.Thread(
            target=lambda: QSettings().setValue(RECENT_KEY, paths), name="recent files"
        )
        self._recent_writer.start()

    def _wait_for_recent(self) -> None:
        if self._recent_writer is not None:
            self._recent_writer.join()
            self._recent_writer = None

    def close(self) -> None:
        self.backup_timer.stop()
        self._wait_for_recent()
        self._stop_check()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()  # its timers (the requests' clock) go with it
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(path: str | None = None) -> int:
    app = make_application()
    log_file = logs.configure(data_folder())
    log.info("gridboard starting; log at %s", log_file)
    controller = AppController()
    crashes = CrashHandler(lambda: controller.store, lambda: controller.window)
    crashes.install()
    try:
        if not controller.start(path):
            return 0
        code = app.exec()
        controller.close()
        return code
    finally:
        crashes.uninstall()
        log.info("gridboard stopped")
        logs.shutdown()
