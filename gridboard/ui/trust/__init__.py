"""Trust in the window: who is signed in, switching operator, the idle lock, operators, the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel

from gridboard.ui.board import BoardFeature
from gridboard.ui.features import Feature
from gridboard.ui.trust.lock import IdleLock, role_texts

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow


class TrustFeature:
    """Who is signed in, the idle lock (`lock`), operators, the audit trail and a household's history."""

    needs: ClassVar[tuple[type[Feature], ...]] = (BoardFeature,)

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        store = window.store
        session = store.session
        self.label = QLabel(window)
        self.label.setObjectName("signedInAs")
        window.statusBar().addPermanentWidget(self.label)
        self.show_who()
        self.lock = IdleLock(window)
        self.lock.screen.switch_requested.connect(self.switch_operator)
        if session is not None:
            self._file_action(
                "actionSwitchOperator",
                QCoreApplication.translate("Trust", "S&witch operator…"),
                self.switch_operator,
                "Ctrl+Shift+O",
            )
            self._file_action(
                "actionLockNow",
                QCoreApplication.translate("Trust", "Loc&k the window"),
                self.lock.lock,
                "Ctrl+Shift+L",
            )
        if session is None or session.may("audit"):
            window.add_action(
                "tools",
                "actionAuditTrail",
                QCoreApplication.translate("Trust", "Audit trail (操作记录)…"),
                self.open_audit,
            )
        if session is not None and session.may("manage") and store.read_only is None:
            window.add_action(
                "tools",
                "actionOperators",
                QCoreApplication.translate("Trust", "&Operators…"),
                self.open_operators,
            )
            window.add_action(
                "tools",
                "actionPurge",
                QCoreApplication.translate("Trust", "Purge residents who moved out…"),
                self.open_purge,
            )
            from gridboard.models import cipher

            if store.path is not None and cipher.available():
                if cipher.is_protected(store.path):
                    self._file_action(
                        "actionUnprotect",
                        QCoreApplication.translate("Trust", "Remove passphrase protection…"),
                        self.unprotect,
                    )
                else:
                    self._file_action(
                        "actionProtect",
                        QCoreApplication.translate("Trust", "Protect with a passphrase…"),
                        self.protect,
                    )
        window.features.get(BoardFeature).view.panel.add_action(
            "householdHistoryButton",
            QCoreApplication.translate("Trust", "Its history…"),
            self.household_history,
        )
        window.navigators["household_history"] = self.household_history

    def _file_action(self, name: str, text: str, slot, shortcut=None):
        """An entry of the File menu, above Quit."""
        window = self.window
        action = window.add_action("file", name, text, slot, shortcut)
        menu = window.menu("file")
        quit_action = next((a for a in menu.actions() if a.objectName() == "actionQuit"), None)
        if quit_action is not None:
            menu.removeAction(action)
            menu.insertAction(quit_action, action)
        return action

    def show_who(self) -> None:
        session = self.window.store.session
        if session is None:
            self.label.setText("")
            return
        self.label.setText(
            QCoreApplication.translate("Trust", "Signed in: {name} ({role})").format(
                name=session.name, role=role_texts().get(session.role, "")
            )
        )

    def switch_operator(self) -> bool:
        """One step: a name and a PIN. The window is rebuilt for the new operator's role."""
        from gridboard.ui.trust.signin import SignInDialog

        window = self.window
        dialog = SignInDialog(window.store, window, switching=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.after_switch()

    def after_switch(self) -> bool:
        window = self.window
        if window.controller is not None and hasattr(window.controller, "reopen_window"):
            window.controller.reopen_window()
            return True
        if self.lock.is_locked():
            self.lock.unlock()
        self.show_who()
        window.notifier.refresh_all()
        return True

    def open_audit(self):
        from gridboard.ui.trust.audit_view import open_audit

        return open_audit(self.window)

    def household_history(self, household_id: int):
        from gridboard.models.board import household_detail
        from gridboard.ui.trust.audit_view import open_audit

        d = household_detail(self.window.store, household_id)
        title = QCoreApplication.translate("Trust", "History of {address}").format(
            address=f"{d.building_name} {d.unit}-{d.room}"
        )
        return open_audit(self.window, household_id, title)

    def protect(self):
        from gridboard.ui.trust.protect import protect_file

        return protect_file(self.window)

    def unprotect(self):
        from gridboard.ui.trust.protect import unprotect_file

        return unprotect_file(self.window)

    def open_purge(self):
        from gridboard.ui.trust.purge_dialog import PurgeDialog

        dialog = PurgeDialog(self.window)
        dialog.show()
        return dialog

    def open_operators(self):
        from gridboard.ui.trust.operators_dialog import OperatorsDialog

        dialog = OperatorsDialog(self.window)
        dialog.show()
        return dialog
