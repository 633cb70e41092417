"""Logging (or correcting) a visit, keyboard first: everything is pre-filled, Enter saves.

The member defaults to the one paired with the household, the date to today, method and outcome
to the last visit's. Requests the residents raised can be written down in the same dialog; they
are saved in one transaction with the visit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import board
from gridboard.models.clock import now_iso, today
from gridboard.models.store import Store
from gridboard.models.visits import Visit
from gridboard.models.vocab import REQUEST_CATEGORIES, REQUEST_URGENCIES, VISIT_METHODS, VISIT_OUTCOMES
from gridboard.ui import ask, labels


class RequestRow(QWidget):
    """One request written down during the visit: category, what they asked for, urgency."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.category = QComboBox(self)
        self.category.setObjectName(f"requestCategory_{number}")
        for code in REQUEST_CATEGORIES:
            self.category.addItem(labels.request_category(code), code)
        self.text = QLineEdit(self)
        self.text.setObjectName(f"requestText_{number}")
        self.text.setPlaceholderText(self.tr("What do they need?"))
        self.urgency = QComboBox(self)
        self.urgency.setObjectName(f"requestUrgency_{number}")
        for code in REQUEST_URGENCIES:
            self.urgency.addItem(labels.request_urgency(code), code)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setObjectName(f"requestRemove_{number}")
        layout.addWidget(self.category)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.urgency)
        layout.addWidget(self.remove)

    def draft(self) -> board.RequestDraft:
        return board.RequestDraft(
            category=self.category.currentData(),
            text=self.text.text().strip(),
            urgency=self.urgency.currentData(),
        )


class _Choices(QStringListModel):
    """A combo's texts in one list held by Qt, and each row's id (`currentData()`, `findData`)."""

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget) -> None:
        super().__init__([text for _, text in choices], parent)
        self.ids = [choice_id for choice_id, _ in choices]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()] if index.isValid() and 0 <= index.row() < len(self.ids) else None
        return super().data(index, role)


class VisitDialog(QDialog):
    """`save(values)` does the work (through the notifier) and returns False to keep the dialog open."""

    def __init__(
        self,
        store: Store,
        household_id: int,
        save: Callable[[dict[str, Any]], bool],
        *,
        visit: Visit | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitDialog")
        self.store = store
        self.household_id = household_id
        self.visit = visit
        self._save = save
        self.request_rows: list[RequestRow] = []
        self._next_row = 1
        detail = board.household_detail(store, household_id)
        correcting = visit is not None
        self.setWindowTitle(self.tr("Correct a visit") if correcting else self.tr("Log a visit"))

        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        address = self.tr("{building} unit {unit}, room {room}").format(
            building=detail.building_name, unit=detail.unit, room=detail.room
        )
        if detail.head_name:
            address = self.tr("{address} — {head}").format(address=address, head=detail.head_name)
        heading = QLabel(title or address, self)
        heading.setObjectName("visitHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)

        form = QFormLayout()
        defaults = board.visit_defaults(store, household_id)
        self.member = QComboBox(self)
        self.member.setObjectName("visitMember")
        community = board.building_community(store, detail.building_id)
        names = dict(board.member_choices(store, community))
        choices: list[tuple[int | None, str]] = [(None, self.tr("(no member recorded)"))]
        choices += [
            (member_id, self.tr("{name} (paired)").format(name=names[member_id]))
            for member_id in defaults.member_ids
            if member_id in names
        ]
        choices += [
            (member_id, name) for member_id, name in names.items() if member_id not in defaults.member_ids
        ]
        # A city community has a couple of thousand members: one item per addItem took a third of a
        # second, and measuring them all for the width more. Their texts go to Qt in one call.
        self.member.setModel(_Choices(choices, self.member))
        self.member.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.member.setMinimumContentsLength(24)
        self.member.setEditable(False)
        form.addRow(self.tr("&Member:"), self.member)

        self.date = QDateEdit(self)
        self.date.setObjectName("visitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(_qdate(today()))
        form.addRow(self.tr("&Date:"), self.date)

        self.method = QComboBox(self)
        self.method.setObjectName("visitMethod")
        for code in VISIT_METHODS:
            self.method.addItem(labels.visit_method(code), code)
        form.addRow(self.tr("&How:"), self.method)

        self.outcome = QComboBox(self)
        self.outcome.setObjectName("visitOutcome")
        for code in VISIT_OUTCOMES:
            self.outcome.addItem(labels.visit_outcome(code), code)
        form.addRow(self.tr("&Outcome:"), self.outcome)

        self.note = QLineEdit(self)
        self.note.setObjectName("visitNote")
        self.note.setPlaceholderText(self.tr("What did you see? (optional)"))
        form.addRow(self.tr("&Note:"), self.note)
        layout.addLayout(form)

        self.requests_box = QVBoxLayout()
        self.add_request_button = QPushButton(self.tr("Add a &request they raised"), self)
        self.add_request_button.setObjectName("addRequestButton")
        self.add_request_button.setAutoDefault(False)
        self.add_request_button.clicked.connect(lambda _=False: self.add_request_row())
        if not correcting:
            layout.addLayout(self.requests_box)
            layout.addWidget(self.add_request_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.add_request_button.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("visitButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("visitSave")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if visit is None:
            self._select(self.member, defaults.member_ids[0] if defaults.member_ids else None)
            self.date.setDate(_qdate(defaults.day))
            self._select(self.method, defaults.method)
            self._select(self.outcome, defaults.outcome)
        else:
            self._select(self.member, visit.member_ids[0] if visit.member_ids else None)
            self.member.setEnabled(False)  # correcting changes what happened, not who went
            self.date.setDate(_qdate(date.fromisoformat(visit.visited_at[:10])))
            self._select(self.method, visit.method)
            self._select(self.outcome, visit.outcome)
            self.note.setText(visit.note)
        self.outcome.setFocus()
        self._as_opened = self._entered()

    def add_request_row(self) -> RequestRow:
        row = RequestRow(self._next_row, self)
        self._next_row += 1
        row.remove.clicked.connect(lambda _=False, r=row: self._remove_row(r))
        row.remove.setAutoDefault(False)
        self.requests_box.addWidget(row)
        self.request_rows.append(row)
        row.category.setFocus()
        return row

    def _remove_row(self, row: RequestRow) -> None:
        self.request_rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def values(self) -> dict[str, Any]:
        """The keyword arguments for `board.log_visit_with_requests` (or `visits.correct_visit`)."""
        day = self.date.date().toPython()
        if self.visit is not None and day.isoformat() == self.visit.visited_at[:10]:
            when = self.visit.visited_at  # keep the time when the day is unchanged
        else:
            when = now_iso() if day == today() else f"{day.isoformat()} 12:00:00"
        values: dict[str, Any] = {
            "visited_at": when,
            "method": self.method.currentData(),
            "outcome": self.outcome.currentData(),
            "note": self.note.text().strip(),
        }
        if self.visit is None:
            member = self.member.currentData()
            values["household_id"] = self.household_id
            values["member_ids"] = [] if member is None else [member]
            values["new_requests"] = [row.draft() for row in self.request_rows]
        return values

    def _entered(self) -> tuple[Any, ...]:
        return (
            self.date.date(),
            self.method.currentData(),
            self.outcome.currentData(),
            self.note.text().strip(),
            tuple(row.text.text().strip() for row in self.request_rows if row.text.text().strip()),
        )

    def has_unsaved_work(self) -> bool:
        """Something typed and not saved: a note or a request (or, correcting, any change at all)."""
        if self.visit is not None:
            return self._entered() != self._as_opened
        return bool(self.note.text().strip()) or any(row.text.text().strip() for row in self.request_rows)

    def reject(self) -> None:
        # Esc, Cancel and the window's close button all come here.
        if self.has_unsaved_work() and not ask.discard_unsaved(
            self, self.tr("What you typed for this visit is not saved yet. Close and lose it?")
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+R adds a request row wherever the focus is in the dialog.
        if event.matches(QKeySequence.StandardKey.Refresh) or (
            event.key() == Qt.Key.Key_R and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.visit is None:
                self.add_request_row()
            event.accept()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self._save(self.values()):
            super().accept()

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
