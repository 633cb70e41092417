"""Declaring an emergency (name, kind, start, who declared it, its cycles), and the banner shown while on."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gridboard.models import emergency as em
from gridboard.ui.emergency import texts


class DeclareDialog(QDialog):
    """The form; `declared` carries the keyword arguments for `emergency.declare_emergency`."""

    declared = Signal(dict)

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declareEmergencyDialog")
        self.setWindowTitle(self.tr("Declare an emergency"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("emergencyNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Blizzard response, 27 November"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("emergencyKindCombo")
        for code in em.EMERGENCY_KINDS:
            self.kind_combo.addItem(texts.kind(code), code)
        self.start_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.start_edit.setObjectName("emergencyStartEdit")
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.by_edit = QLineEdit(operator, self)
        self.by_edit.setObjectName("emergencyDeclaredByEdit")
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setObjectName("emergencyPriorityDaysSpin")
        self.priority_spin.setRange(1, 30)
        self.priority_spin.setValue(1)
        self.priority_spin.setSuffix(self.tr(" day(s)"))
        self.other_spin = QSpinBox(self)
        self.other_spin.setObjectName("emergencyOtherDaysSpin")
        self.other_spin.setRange(1, 30)
        self.other_spin.setValue(3)
        self.other_spin.setSuffix(self.tr(" day(s)"))

        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Started at:"), self.start_edit)
        form.addRow(self.tr("Declared by:"), self.by_edit)
        form.addRow(self.tr("Reach priority households every:"), self.priority_spin)
        form.addRow(self.tr("Reach other households every:"), self.other_spin)
        note = QLabel(
            self.tr(
                "While the emergency is in force these cycles replace the normal ones, the board shows"
                " priority households first and the roll call opens every day."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("declareButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Declare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "started_at": self.start_edit.dateTime().toString("yyyy-MM-dd HH:mm:00"),
            "declared_by": self.by_edit.text(),
            "cycle_priority_days": self.priority_spin.value(),
            "cycle_other_days": self.other_spin.value(),
        }

    def accept(self) -> None:
        self.declared.emit(self.values())


class EmergencyBanner(QFrame):
    """A red band across the window while an emergency is in force."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.setStyleSheet(
            "#emergencyBanner { background: #b71c1c; }"
            " #emergencyBanner QLabel { color: white; font-weight: bold; }"
            " #emergencyBanner QPushButton { color: #b71c1c; background: white; border-radius: 3px;"
            " padding: 2px 10px; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("emergencyBannerText")
        self.rollcall_button = QPushButton(self.tr("Roll call"), self)
        self.rollcall_button.setObjectName("emergencyBannerRollcall")
        self.end_button = QPushButton(self.tr("End emergency…"), self)
        self.end_button.setObjectName("emergencyBannerEnd")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.rollcall_button)
        layout.addWidget(self.end_button)
        self.hide()

    def show_emergency(self, emergency: em.Emergency | None, counts: dict[str, int] | None = None) -> None:
        if emergency is None:
            self.hide()
            return
        text = self.tr(
            "EMERGENCY: {name} ({kind}) since {start}, declared by {by}. Priority households every"
            " {priority} day(s), others every {other} day(s)."
        ).format(
            name=emergency.name,
            kind=texts.kind(emergency.kind),
            start=emergency.started_at[:16],
            by=emergency.declared_by,
            priority=emergency.cycle_priority_days,
            other=emergency.cycle_other_days,
        )
        if counts is not None:
            text += " " + self.tr("Today: {done} of {total} reached, {alarms} unreachable twice.").format(
                done=counts["reached_safe"] + counts["reached_needs_help"],
                total=counts["total"],
                alarms=counts["alarm"],
            )
        self.label.setText(text)
        self.show()
