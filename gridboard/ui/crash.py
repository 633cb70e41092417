"""Nothing fails silently: expected trouble that escaped a slot is shown in plain words; a bug opens a
crash dialog (your data is safe up to …, the log's path, the details to copy) instead of vanishing.

PySide6 hands an exception raised in a slot or a Qt override to `sys.excepthook` and carries on, so
that is where `CrashHandler` listens (and `threading.excepthook` for Python threads). The dialog is
shown from the event loop, never from inside the failing paint or slot, and only one at a time.
"""

from __future__ import annotations

import logging
import platform
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridboard import logs
from gridboard.models.errors import KnownError, storage_error
from gridboard.models.store import Store
from gridboard.ui import ask

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """What went wrong, that the data is safe, where the log is, and the details to copy."""

    def __init__(
        self,
        details: str,
        *,
        saved_at: datetime | None,
        log_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("gridboard ran into a problem"))
        self.setMinimumWidth(560)
        self.details = details
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Something unexpected went wrong. It is a fault in gridboard, not something you did."),
            self,
        )
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        if saved_at is not None:
            safe = self.tr(
                "Your data is safe up to {time}: every change saved until then is in the file."
            ).format(time=saved_at.strftime("%Y-%m-%d %H:%M:%S"))
        else:
            safe = self.tr("Your data is safe up to the last change you saved: it is all in the file.")
        self.safe_label = QLabel(
            safe
            + "\n"
            + self.tr("What you were doing just now may not have been saved: check it, and do it again."),
            self,
        )
        self.safe_label.setObjectName("crashSafe")
        self.safe_label.setWordWrap(True)
        layout.addWidget(self.safe_label)
        where = str(log_path) if log_path else self.tr("(no log file could be made)")
        self.log_label = QLabel(
            self.tr("The details are also in the log file:\n{path}").format(path=where), self
        )
        self.log_label.setObjectName("crashLogPath")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        self.text = QPlainTextEdit(details, self)
        self.text.setObjectName("crashDetails")
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(180)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("crashClose")
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(lambda _=False: self.copy_details())
        layout.addWidget(buttons)

    def add_details(self, details: str) -> None:
        """Another failure while this dialog is open: appended, not a second dialog."""
        self.details += "\n\n" + details
        self.text.setPlainText(self.details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class CrashHandler(QObject):
    """Installed once by the app: every exception that reaches `sys.excepthook` is shown, never lost.

    `store_of()` gives the open Store (for "safe up to" and plain messages about its file), `parent_of()`
    the window to show dialogs over.
    """

    reported = Signal(object, str)  # (KnownError or None, details)

    def __init__(
        self,
        store_of: Callable[[], Store | None],
        parent_of: Callable[[], QWidget | None],
    ) -> None:
        super().__init__()
        self.store_of = store_of
        self.parent_of = parent_of
        self.dialog: CrashDialog | None = None
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None
        self._showing = False
        # Queued even within the GUI thread: the dialog opens after the failing slot or paint is over.
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._previous_hook = None

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)) or self._showing:
            # Ctrl+C, or a failure while showing a failure: no dialog loop, the old way.
            (self._previous_hook or sys.__excepthook__)(kind, value, tb)
            return
        store = self.store_of()
        known = None
        if isinstance(value, KnownError):
            known = value
        elif isinstance(value, (sqlite3.Error, OSError)):
            known = storage_error(value, store.path if store is not None else None)
        if known is not None:
            log.warning("shown to the user: %s", known, exc_info=(kind, value, tb))
            self.reported.emit(known, "")
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        self.reported.emit(None, crash_details(kind, value, tb, store))

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object, str)
    def _show(self, known: KnownError | None, details: str) -> None:
        self._showing = True
        try:
            self._show_now(known, details)
        finally:
            self._showing = False

    def _show_now(self, known: KnownError | None, details: str) -> None:
        parent = self.parent_of()
        if known is not None:
            ask.show_error(parent, known)
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        store = self.store_of()
        self.dialog = CrashDialog(
            details,
            saved_at=store.saved_at if store is not None else None,
            log_path=logs.log_path(),
            parent=parent,
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(lambda _=None: self._forget())
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None


def crash_details(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None, store: Store | None
) -> str:
    """The text a developer needs: versions, the file, the time and the traceback."""
    from gridboard import __version__

    lines = [
        (
            f"gridboard {__version__}, Python {platform.python_version()}, PySide6 {pyside_version},"
            f" SQLite {sqlite3.sqlite_version}, {platform.platform()}"
        ),
        f"time: {datetime.now().isoformat(sep=' ', timespec='seconds')}",
        f"file: {store.path if store is not None else '-'}"
        + (f" (read only: {store.read_only.reason})" if store is not None and store.read_only else ""),
        "",
        "".join(traceback.format_exception(kind, value, tb)).rstrip(),
    ]
    return "\n".join(lines)
