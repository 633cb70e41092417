"""A small form dialog built from field descriptions, used by every ledger editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


@dataclass
class Field:
    key: str
    label: str
    kind: str = "text"  # text, int, choice, check, tags
    choices: list[tuple[Any, str]] = field(default_factory=list)
    minimum: int = 0
    maximum: int = 9999
    optional: bool = False  # int fields: 0 means "not given" (None)


class FormDialog(QDialog):
    """Fields in a form; OK calls `save(values)` and closes only when it returns True."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: list[Field],
        values: dict[str, Any] | None = None,
        *,
        save: Callable[[dict[str, Any]], bool] | None = None,
        name: str = "formDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.fields = fields
        self.save = save
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        values = values or {}
        for f in fields:
            widget = self._make(f, values.get(f.key))
            widget.setObjectName(f"field_{f.key}")
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _make(self, f: Field, value: Any) -> QWidget:
        if f.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(f.minimum, f.maximum)
            spin.setValue(int(value) if value not in (None, "") else f.minimum)
            if f.optional:
                spin.setSpecialValueText(self.tr("(not given)"))
            return spin
        if f.kind == "choice":
            combo = QComboBox(self)
            for code, label in f.choices:
                combo.addItem(label, code)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            return combo
        if f.kind == "check":
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if f.kind == "tags":
            tags = QListWidget(self)
            chosen = set(value or ())
            for code, label in f.choices:
                item = QListWidgetItem(label, tags)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
            tags.setMinimumHeight(160)
            return tags
        edit = QLineEdit(self)
        edit.setText("" if value is None else str(value))
        return edit

    def widget(self, key: str) -> QWidget:
        return self.widgets[key]

    def set_value(self, key: str, value: Any) -> None:
        """Fill a field as a user would (tests use it too)."""
        w = self.widgets[key]
        if isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(w.findData(value), 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in set(value or ())
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(w, QLineEdit):
            w.setText(str(value))

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if isinstance(w, QSpinBox):
                result[f.key] = None if f.optional and w.value() == w.minimum() else w.value()
            elif isinstance(w, QComboBox):
                result[f.key] = w.currentData()
            elif isinstance(w, QCheckBox):
                result[f.key] = w.isChecked()
            elif isinstance(w, QListWidget):
                result[f.key] = [
                    w.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(w.count())
                    if w.item(i).checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(w, QLineEdit):
                result[f.key] = w.text().strip()
        return result

    def accept(self) -> None:
        if self.save is None or self.save(self.values()):
            super().accept()
