"""The office's visit cycles and member load limit, kept in the file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from gridboard.models.settings import get_setting, set_setting
from gridboard.models.store import Store
from gridboard.ui import ops
from gridboard.ui.notifier import Notifier

FIELDS = ("cycle_high_days", "cycle_priority_days", "cycle_normal_days", "due_soon_days", "member_load_limit")


class CyclesDialog(QDialog):
    def __init__(self, notifier: Notifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cyclesDialog")
        self.setWindowTitle(self.tr("Visit cycles and limits"))
        self.notifier = notifier
        labels = {
            "cycle_high_days": self.tr("Living alone, disabled, chronically ill, child in difficulty (days)"),
            "cycle_priority_days": self.tr("Other priority households (days)"),
            "cycle_normal_days": self.tr("All other households (days)"),
            "due_soon_days": self.tr("Warn this many days before due"),
            "member_load_limit": self.tr("Most households per member"),
        }
        form = QFormLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        for key in FIELDS:
            spin = QSpinBox(self)
            spin.setObjectName(key)
            spin.setRange(1, 999)
            spin.setValue(int(get_setting(notifier.store, key)))
            form.addRow(labels[key], spin)
            self.spins[key] = spin
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        values = {key: spin.value() for key, spin in self.spins.items()}

        def save(store: Store) -> None:
            with store.atomic():
                for key, value in values.items():
                    if value != int(get_setting(store, key)):
                        set_setting(store, key, value)

        if (
            ops.run(ops.host(self.notifier), self.tr("Visit cycles and limits"), save, parent=self)
            is ops.FAILED
        ):
            return
        super().accept()
