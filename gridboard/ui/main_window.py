"""The main window: menus, a bar of views (board, members, requests, dashboard...), status bar.

Each feature is a class in its own module (`features.Feature`), listed in FEATURES; made with the
window after the features it `needs`, it adds its view with `add_view`, its actions to `menu(...)`,
and navigation targets to `navigators`. Others reach it by its class: `window.features.get(Kind)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.store import Store
from gridboard.ui.features import Features, load
from gridboard.ui.notifier import Notifier

# The window's features ("module:Class", each a `features.Feature`), in the order their views appear;
# a feature that needs another comes after it whatever this order says (`features.install_order`).
FEATURES: tuple[str, ...] = (
    "gridboard.ui.board:BoardFeature",
    "gridboard.ui.ledger_feature:LedgerFeature",
    "gridboard.ui.requests:RequestsFeature",
    "gridboard.ui.dashboard:DashboardFeature",
    "gridboard.ui.emergency:EmergencyFeature",
    "gridboard.ui.serve:ServeFeature",
    "gridboard.ui.printing:PrintingFeature",
    "gridboard.ui.exchange:ExchangeFeature",
    "gridboard.ui.travel:TravelFeature",
    "gridboard.ui.trust:TrustFeature",
)

# Steps the undo stack keeps: the oldest falls off (each holds the rows its action touched, twice).
UNDO_LIMIT = 100


class MainWindow(QMainWindow):
    """One window bound to one open file for its whole life (opening another file makes a new one)."""

    closed = Signal()

    def __init__(self, store: Store, *, app_controller: object | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.controller = app_controller
        self.notifier = Notifier(store, self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.navigators: dict[str, Callable[[int], None]] = {}
        self._views: dict[str, QWidget] = {}
        self._factories: dict[str, tuple[Callable[[], QWidget], QWidget]] = {}  # views built when first shown
        self._view_actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self.features = Features()
        self.guide_dialog: QDialog | None = None  # the guide, while it is open (F1 raises it)

        self.setWindowTitle(self._title())
        self._build_frame()
        self._build_menus()
        self.features.install(self, [load(spec) for spec in FEATURES])
        self._quit_last()
        if self._view_actions:
            self.show_view(next(iter(self._view_actions)))
        self._restore_layout()

    # -- building ---------------------------------------------------------------------------------

    def _title(self) -> str:
        name = self.store.path.name if self.store.path else self.tr("(unsaved)")
        if self.store.read_only is not None:
            return self.tr("gridboard — {file} (read only)").format(file=name)
        return self.tr("gridboard — {file}").format(file=name)

    def _build_frame(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Banners (e.g. an emergency in force) stack here, above the views.
        self.banner_layout = QVBoxLayout()
        self.banner_layout.setSpacing(0)
        layout.addLayout(self.banner_layout)
        self.views = QStackedWidget(central)
        self.views.setObjectName("views")
        layout.addWidget(self.views, 1)
        self.empty_label = QLabel(
            self.tr("This file is open. Use the menus to add a community, grids and buildings."), self.views
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.views.addWidget(self.empty_label)
        self.setCentralWidget(central)

        self.view_bar = QToolBar(self.tr("Views"), self)
        self.view_bar.setObjectName("viewBar")
        self.view_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view_bar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.view_bar)
        self._view_group = QActionGroup(self)
        self._view_group.setExclusive(True)

        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("backupStatus")
        self.backup_label.setStyleSheet("color: #9a4d00;")
        self.backup_label.hide()
        self.statusBar().addPermanentWidget(self.backup_label)
        self.file_label = QLabel(str(self.store.path or ""))
        self.statusBar().addPermanentWidget(self.file_label)
        self.statusBar().setObjectName("statusBar")
        self.read_only_banner: QFrame | None = None
        self.file_check: object | None = None  # set by the app while a big file's check runs
        if self.store.read_only is not None:
            self._add_read_only_banner()

    def read_only_text(self) -> str:
        """Why this window cannot change its file, and what to do about it."""
        read_only = self.store.read_only
        if read_only is None:
            return ""
        if read_only.reason == "locked":
            holder = read_only.holder
            if holder is not None and (holder.operator or holder.host):
                return self.tr(
                    "Read only: {operator} on {host} has had this file open for writing since {since}."
                    " You can look, print and export; to make changes, close it there and open it again."
                ).format(operator=holder.operator or "?", host=holder.host or "?", since=holder.since or "?")
            return self.tr(
                "Read only: another copy of gridboard has this file open for writing."
                " You can look, print and export; to make changes, close it there and open it again."
            )
        if read_only.reason == "checking":
            return self.tr(
                "Checking the file before anything can be changed (a few seconds on a big file)."
                " You can look around meanwhile."
            )
        if read_only.reason == "damaged":
            return self.tr(
                "Read only: this file is damaged ({problem}). You can look, print and export;"
                " restore a backup to go on working."
            ).format(problem=read_only.problem or "?")
        return self.tr(
            "Read only: this file, or the folder or disk it is on, cannot be written to."
            " You can look, print and export; to make changes, copy it to a folder you can write to."
        )

    def _add_read_only_banner(self) -> None:
        banner = QFrame(self)
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet("#readOnlyBanner { background: #fff3cd; border-bottom: 1px solid #e0c36a; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        label = QLabel(self.read_only_text(), banner)
        label.setObjectName("readOnlyText")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if (
            self.controller is not None
            and self.store.path is not None
            and self.store.read_only.reason
            in (
                "locked",
                "file",
                "folder",
            )
        ):
            again = QPushButton(self.tr("Open for writing"), banner)
            again.setObjectName("readOnlyRetry")
            path = self.store.path
            again.clicked.connect(lambda _=False: self.controller.open_path(path, writable=True))
            row.addWidget(again)
        self.banner_layout.addWidget(banner)
        self.read_only_banner = banner

    def refresh_read_only(self) -> None:
        """The file's read-only state changed (its check in the background passed or failed)."""
        self.setWindowTitle(self._title())
        if self.read_only_banner is not None:
            self.read_only_banner.hide()
            self.read_only_banner.setParent(None)
            self.read_only_banner.deleteLater()
            self.read_only_banner = None
        if self.store.read_only is not None:
            self._add_read_only_banner()
            self.read_only_banner.show()

    def show_backup_problem(self, text: str) -> None:
        """A backup that failed: a warning in the status bar (the app works on; it tries again later)."""
        self.backup_label.setText(text)
        self.backup_label.setToolTip(text)
        self.backup_label.show()

    def clear_backup_problem(self) -> None:
        self.backup_label.clear()
        self.backup_label.hide()

    def unsaved_dialogs(self) -> list[QDialog]:
        """Open entry dialogs holding typed rows not yet saved (they define `has_unsaved_work`)."""
        return [
            d
            for d in self.findChildren(QDialog)
            if d.isVisible() and callable(getattr(d, "has_unsaved_work", None)) and d.has_unsaved_work()
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (
            ("file", self.tr("&File")),
            ("edit", self.tr("&Edit")),
            ("view", self.tr("&View")),
            ("visits", self.tr("V&isits")),
            ("requests", self.tr("&Requests")),
            ("print", self.tr("&Print")),
            ("emergency", self.tr("E&mergency")),
            ("tools", self.tr("&Tools")),
            ("help", self.tr("&Help")),
        ):
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{key}")
            self._menus[key] = menu

        file_menu = self._menus["file"]
        if self.controller is not None:
            for name, text, shortcut, slot in (
                ("actionNew", self.tr("&New community file…"), QKeySequence.StandardKey.New, "new_file"),
                ("actionOpen", self.tr("&Open…"), QKeySequence.StandardKey.Open, "open_file_dialog"),
                ("actionDemo", self.tr("Explore a &demo community"), None, "open_demo"),
            ):
                action = self.add_action("file", name, text, getattr(self.controller, slot), shortcut)
                del action
            self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
            self.recent_menu.setObjectName("menu_recent")
            self.recent_menu.aboutToShow.connect(self._fill_recent)
            file_menu.addSeparator()
        self.add_action("file", "actionQuit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("actionUndo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("actionRedo")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self._menus["edit"].addActions([undo, redo])
        self._menus["edit"].addSeparator()

        if self.controller is not None:
            language = self._menus["tools"].addMenu(self.tr("&Language"))
            language.setObjectName("menu_language")
            group = QActionGroup(self)
            current = QSettings().value("language", "auto")
            for code, text in (("auto", self.tr("As the system")), ("zh_CN", "中文"), ("en", "English")):
                action = language.addAction(text)
                action.setObjectName(f"actionLanguage_{code}")
                action.setCheckable(True)
                action.setChecked(code == current)
                action.triggered.connect(lambda _=False, c=code: self.controller.set_language(c))
                group.addAction(action)
        self.add_action("tools", "actionCycles", self.tr("Visit &cycles and limits…"), self._edit_cycles)
        self.add_action(
            "help", "actionGuide", self.tr("&Guide"), self._guide, QKeySequence.StandardKey.HelpContents
        )
        self.add_action("help", "actionAbout", self.tr("&About gridboard"), self._about)

    def _quit_last(self) -> None:
        """Quit stays the File menu's last item whatever the features added after it."""
        file_menu = self._menus["file"]
        quit_action = self.findChild(QAction, "actionQuit")
        if quit_action is None or file_menu.actions()[-1] is quit_action:
            return
        file_menu.removeAction(quit_action)
        while file_menu.actions() and file_menu.actions()[-1].isSeparator():
            file_menu.removeAction(file_menu.actions()[-1])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

    # -- what features use --------------------------------------------------------------------------

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def add_action(
        self,
        menu: str,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self._menus[menu].addAction(action)
        return action

    def add_view(
        self, key: str, title: str, widget: QWidget | Callable[[], QWidget], shortcut: str | None = None
    ) -> QAction:
        """A page of the window, with a button on the view bar and an entry in the View menu.

        `widget` may be a function that makes it: the page is then built when first shown or asked
        for (`view`), so a view that is slow to build does not hold up the window's first paint."""
        if isinstance(widget, QWidget):
            widget.setObjectName(widget.objectName() or f"view_{key}")
            page = widget
            self._views[key] = widget
        else:
            page = QWidget(self.views)
            page.setObjectName(f"pending_{key}")
            self._factories[key] = (widget, page)
        self.views.addWidget(page)
        action = QAction(title, self)
        action.setObjectName(f"actionView_{key}")
        action.setCheckable(True)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: self.show_view(key))
        self._view_group.addAction(action)
        self.view_bar.addAction(action)
        self._menus["view"].addAction(action)
        self._view_actions[key] = action
        return action

    def view_action(self, key: str) -> QAction:
        """The view's entry in the View menu and on the view bar (to add it to another menu too)."""
        return self._view_actions[key]

    def _built(self, key: str) -> QWidget | None:
        if key in self._factories:
            factory, page = self._factories.pop(key)
            widget = factory()
            widget.setObjectName(widget.objectName() or f"view_{key}")
            index = self.views.indexOf(page)
            was_current = self.views.currentWidget() is page
            self.views.insertWidget(index, widget)
            self.views.removeWidget(page)
            page.deleteLater()
            self._views[key] = widget
            if was_current:
                self.views.setCurrentWidget(widget)
        return self._views.get(key)

    def show_view(self, key: str) -> QWidget:
        widget = self._built(key)
        assert widget is not None, key
        self.views.setCurrentWidget(widget)
        self._view_actions[key].setChecked(True)
        return widget

    def view(self, key: str) -> QWidget | None:
        return self._built(key)

    def current_view_key(self) -> str | None:
        current = self.views.currentWidget()
        return next((k for k, w in self._views.items() if w is current), None)

    def navigate(self, target: str, target_id: int) -> bool:
        """Open a household, building, grid... wherever a feature knows how (usually the board)."""
        navigator = self.navigators.get(target)
        if navigator is None:
            return False
        navigator(target_id)
        return True

    # -- own actions ----------------------------------------------------------------------------------

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.controller.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.controller.open_path(Path(p)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _edit_cycles(self) -> None:
        from gridboard.ui.settings_dialog import CyclesDialog

        CyclesDialog(self.notifier, self).exec()

    def _guide(self) -> None:
        from gridboard.ui.guide import show_guide

        show_guide(self)

    def _about(self) -> None:
        from gridboard.ui.about import AboutDialog

        AboutDialog(self.store, self).exec()

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        from gridboard.ui.screen import fit_window

        fit_window(self, self.width(), self.height())  # e.g. 1280×800 on a 768-pixel screen
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        if self.unsaved_dialogs():
            from gridboard.ui import ask

            if not ask.discard_unsaved(
                self, self.tr("Some entries typed in an open dialog are not saved yet. Close and lose them?")
            ):
                event.ignore()
                return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        # A closed window's clocks (requests' overdue marks, the idle lock) must not fire later on a
        # file that has been closed meanwhile.
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.closed.emit()
        super().closeEvent(event)
