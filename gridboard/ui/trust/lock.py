"""The idle lock: after the file's idle time the window hides its contents and asks for the PIN again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import operators
from gridboard.models.settings import get_setting

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def role_texts() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        "admin": QCoreApplication.translate("Trust", "Administrator (管理员)"),
        "worker": QCoreApplication.translate("Trust", "Community worker (社区工作者)"),
        "grid_worker": QCoreApplication.translate("Trust", "Grid worker (网格员)"),
        "read_only": QCoreApplication.translate("Trust", "Read only (只读)"),
    }


class LockScreen(QFrame):
    """Covers the whole screen, above the window and any dialog left open (an application-modal
    window of its own, so a half-typed visit is neither shown nor lost); only the signed-in
    operator's PIN, or switching operator, opens it."""

    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(
            window,
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.window_ = window
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#lockScreen { background: #eef1f5; } #lockPanel { background: white; border: 1px solid #c8ced8;"
            " border-radius: 8px; }"
        )
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setMinimumWidth(420)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel(panel)
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        inner.addWidget(self.title)
        self.reason = QLabel(panel)
        self.reason.setObjectName("lockReason")
        self.reason.setWordWrap(True)
        inner.addWidget(self.reason)
        self.secret_edit = QLineEdit(panel)
        self.secret_edit.setObjectName("lockSecret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("PIN or password"))
        self.secret_edit.returnPressed.connect(self.try_unlock)
        inner.addWidget(self.secret_edit)
        self.message = QLabel(panel)
        self.message.setObjectName("lockMessage")
        self.message.setStyleSheet("color: #b00020;")
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Someone else…"), panel)
        self.switch_button.setObjectName("lockSwitch")
        self.switch_button.clicked.connect(lambda _=False: self.switch_requested.emit())
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"), panel)
        self.unlock_button.setObjectName("lockUnlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(lambda _=False: self.try_unlock())
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.hide()

    def show_for(self, store, minutes: int | None) -> None:
        session = store.session
        name = session.name if session is not None else store.operator
        role = role_texts().get(session.role, "") if session is not None else ""
        self.title.setText(self.tr("Locked — {name}").format(name=f"{name}（{role}）" if role else name))
        self.reason.setText(
            (
                self.tr("This window locked itself after {minutes} minutes without use.").format(
                    minutes=minutes
                )
                if minutes
                else self.tr("This window is locked.")
            )
            + "\n"
            + self.tr("Type your PIN or password to go on.")
        )
        self.message.clear()
        self.secret_edit.clear()
        screen = self.window_.screen()
        area = self.window_.frameGeometry()
        self.setGeometry(area.united(screen.geometry()) if screen is not None else area)
        self.show()  # a new top-level, stays-on-top window: shown above the others, no raise needed
        self.activateWindow()
        self.secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> bool:
        store = self.window_.store
        session = store.session
        if session is None or operators.verify(store, session.operator_id, self.secret_edit.text()):
            self.secret_edit.clear()
            self.unlocked.emit()
            return True
        self.message.setText(self.tr("That is not the PIN or password of {name}.").format(name=session.name))
        self.secret_edit.clear()
        return False


class IdleLock(QObject):
    """Watches for use of the application; locks the window after the file's `lock_after_minutes`."""

    locked_changed = Signal(bool)
    MS_PER_MINUTE = 60_000  # tests shorten the minute, the rest is the real path

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.screen = LockScreen(window)
        self.screen.unlocked.connect(self.unlock)
        self._disabled: list[QObject] = []
        self.timer = QTimer(self)
        self.timer.setObjectName("idleLockTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock(idle=True))
        self.minutes = 0
        self.reload()
        QApplication.instance().installEventFilter(self)
        window.closed.connect(self._stop)

    def _stop(self, *_args) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def reload(self) -> None:
        """The idle time from the file (0: never). Only a signed-in window locks."""
        self.minutes = int(get_setting(self.window.store, "lock_after_minutes") or 0)
        self.timer.stop()
        if self.minutes > 0 and self.window.store.session is not None and not self.is_locked():
            self.timer.start(self.minutes * self.MS_PER_MINUTE)

    def is_locked(self) -> bool:
        return self.screen.isVisible()

    def lock(self, *, idle: bool = False) -> None:
        if self.is_locked() or self.window.store.session is None:
            return
        self.timer.stop()
        for widget in (self.window.menuBar(), self.window.centralWidget(), self.window.view_bar):
            if widget.isEnabled():
                widget.setEnabled(False)
                self._disabled.append(widget)
        for action in self.window.findChildren(QAction):
            if action.isEnabled() and action.shortcut().count():
                action.setEnabled(False)
                self._disabled.append(action)
        self.screen.show_for(self.window.store, self.minutes if idle else None)
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        self.screen.hide()
        for thing in self._disabled:
            thing.setEnabled(True)
        self._disabled.clear()
        self.locked_changed.emit(False)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _ACTIVITY and not self.is_locked() and self.timer.isActive():
            self.timer.start()
        return False
