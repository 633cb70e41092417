"""The step dialogs of the request loop: raise, dispatch (one or many), resolve, follow up; and the
office's time limits and departments.

Each dialog calls one model action through the notifier when accepted; an expected error is shown and
the dialog stays open so nothing typed is lost.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import requests as rq
from gridboard.models import supplies
from gridboard.models.addresses import short_address
from gridboard.models.clock import now_iso
from gridboard.models.vocab import RATINGS, REQUEST_CATEGORIES, REQUEST_SOURCES, REQUEST_URGENCIES
from gridboard.ui import ask, labels, ops
from gridboard.ui.member_box import MemberBox
from gridboard.ui.notifier import Notifier

_FAILED = ops.FAILED


def _qdatetime(value: str) -> QDateTime:
    return QDateTime(datetime.fromisoformat(value))


def _iso(edit: QDateTimeEdit) -> str:
    return edit.dateTime().toPython().replace(microsecond=0).isoformat(sep=" ")


def _quantity(value: float) -> str:
    return f"{value:g}"


class StepDialog(QDialog):
    """Shared frame: a form, OK/Cancel, and `perform` that keeps the dialog open on a known error."""

    def __init__(self, notifier: Notifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.store = notifier.store
        self.window_ = ops.host(notifier)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("stepButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)
        self._as_opened = self._typed()

    def _typed(self) -> tuple[str, ...]:
        """Every text typed in the dialog (line edits, editable drop-downs, text boxes)."""
        texts = [e.text() for e in self.findChildren(QLineEdit)]
        texts += [c.currentText() for c in self.findChildren(QComboBox) if c.isEditable()]
        texts += [t.toPlainText() for t in self.findChildren(QPlainTextEdit)]
        return tuple(texts)

    def has_unsaved_work(self) -> bool:
        return self.result() != QDialog.DialogCode.Accepted and self._typed() != getattr(
            self, "_as_opened", self._typed()
        )

    def reject(self) -> None:
        # Esc, Cancel and the window's close button all come here.
        if self.has_unsaved_work() and not ask.discard_unsaved(
            self, self.tr("What you typed here is not saved yet. Close and lose it?")
        ):
            return
        super().reject()

    def save(self) -> bool:
        raise NotImplementedError

    def accept(self) -> None:
        if self.save():
            super().accept()


class ItemsEditor(QWidget):
    """Lines of scarce-supplies items: item (with common suggestions), quantity, unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemsEditor")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.addWidget(QLabel(self.tr("Item"), self), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Quantity"), self), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Unit"), self), 0, 2)
        self.lines: list[tuple[QComboBox, QDoubleSpinBox, QLineEdit]] = []
        self.add_button = QPushButton(self.tr("Add an item"), self)
        self.add_button.setObjectName("addItemButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda _=False: self.add_line())
        self.grid.addWidget(self.add_button, 99, 0)
        self.add_line()

    def add_line(self, item: str = "", quantity: float = 1, unit: str = "") -> None:
        number = len(self.lines) + 1
        name = QComboBox(self)
        name.setObjectName(f"itemName_{number}")
        name.setEditable(True)
        name.addItem("")
        for common, common_unit in supplies.COMMON_ITEMS:
            name.addItem(common, common_unit)
        name.setCurrentText(item)
        amount = QDoubleSpinBox(self)
        amount.setObjectName(f"itemQuantity_{number}")
        amount.setDecimals(1)
        amount.setRange(0, 100000)
        amount.setValue(quantity)
        unit_edit = QLineEdit(unit, self)
        unit_edit.setObjectName(f"itemUnit_{number}")
        unit_edit.setMaximumWidth(80)

        def fill_unit(index: int) -> None:
            suggested = name.itemData(index)
            if suggested and not unit_edit.text().strip():
                unit_edit.setText(suggested)

        name.currentIndexChanged.connect(fill_unit)
        self.grid.addWidget(name, number, 0)
        self.grid.addWidget(amount, number, 1)
        self.grid.addWidget(unit_edit, number, 2)
        self.lines.append((name, amount, unit_edit))

    def items(self) -> list[supplies.SupplyItem]:
        return [
            supplies.SupplyItem(name.currentText().strip(), amount.value(), unit.text().strip())
            for name, amount, unit in self.lines
            if name.currentText().strip()
        ]


class RaiseDialog(StepDialog):
    """A new request for one household (walk-in, phone, hotline, or noted on a visit)."""

    def __init__(
        self, notifier: Notifier, household_id: int, parent: QWidget | None = None, *, source: str = "walk_in"
    ) -> None:
        super().__init__(notifier, parent)
        self.setObjectName("raiseRequestDialog")
        self.setWindowTitle(self.tr("Raise a request"))
        self.household_id = household_id
        self.request_id: int | None = None
        place = rq.household_place(self.store, household_id)
        heading = QLabel(
            f"{short_address(place['building'], place['kind'], place['unit'], place['room'])} {place['head_name']}",
            self,
        )
        heading.setObjectName("raiseHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form.addRow(heading)

        self.category = QComboBox(self)
        self.category.setObjectName("raiseCategory")
        for code in REQUEST_CATEGORIES:
            self.category.addItem(labels.request_category(code), code)
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("raiseUrgency")
        for code in REQUEST_URGENCIES:
            self.urgency.addItem(labels.request_urgency(code), code)
        self.source = QComboBox(self)
        self.source.setObjectName("raiseSource")
        for code in REQUEST_SOURCES:
            self.source.addItem(labels.request_source(code), code)
        self.source.setCurrentIndex(self.source.findData(source))
        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("raiseTicket")
        self.ticket.setPlaceholderText(self.tr("12345 ticket number"))
        self.text = QLineEdit(self)
        self.text.setObjectName("raiseText")
        self.text.setPlaceholderText(self.tr("What do they ask for?"))
        self.due_label = QLabel(self)
        self.due_label.setObjectName("raiseDue")
        self.items = ItemsEditor(self)
        self.items_label = QLabel(self.tr("Items needed"), self)

        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Urgency"), self.urgency)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Ticket"), self.ticket)
        self.form.addRow(self.tr("Request"), self.text)
        self.form.addRow(self.items_label, self.items)
        self.form.addRow(self.tr("Time limit"), self.due_label)
        self.finish_layout()

        self.category.currentIndexChanged.connect(lambda _=0: self._update())
        self.urgency.currentIndexChanged.connect(lambda _=0: self._update())
        self.source.currentIndexChanged.connect(lambda _=0: self._update())
        self._update()
        self.text.setFocus()

    def _update(self) -> None:
        supplies_shown = self.category.currentData() == "supplies"
        self.items.setVisible(supplies_shown)
        self.items_label.setVisible(supplies_shown)
        self.ticket.setEnabled(self.source.currentData() == "hotline")
        hours = rq.time_limits(self.store)[self.category.currentData()][self.urgency.currentData()]
        self.due_label.setText(self.tr("{hours} hours from now").format(hours=hours))

    def save(self) -> bool:
        category = self.category.currentData()
        result = ops.run(
            self.window_,
            self.tr("Record a request"),
            rq.raise_request,
            parent=self,
            household_id=self.household_id,
            category=category,
            text=self.text.text(),
            urgency=self.urgency.currentData(),
            source=self.source.currentData(),
            hotline_ticket=self.ticket.text() if self.source.currentData() == "hotline" else "",
            items=self.items.items() if category == "supplies" else (),
        )
        if result is _FAILED:
            return False
        self.request_id = result
        return True


class DispatchDialog(StepDialog):
    """Send one or several requests to a member or a department, with a due time."""

    def __init__(self, notifier: Notifier, request_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(notifier, parent)
        self.setObjectName("dispatchDialog")
        self.request_ids = request_ids
        self.setWindowTitle(
            self.tr("Dispatch a request")
            if len(request_ids) == 1
            else self.tr("Dispatch {count} requests").format(count=len(request_ids))
        )
        rows = rq.fetch_rows(self.store, request_ids)
        first = rows[request_ids[0]]

        self.to_member = QRadioButton(self.tr("To a &member"), self)
        self.to_member.setObjectName("toMember")
        self.to_department = QRadioButton(self.tr("To a de&partment"), self)
        self.to_department.setObjectName("toDepartment")
        group = QButtonGroup(self)
        group.addButton(self.to_member)
        group.addButton(self.to_department)
        # The household's paired members first (and chosen when nobody is assigned yet).
        self.member = MemberBox(self.store, self, household_id=first.household_id)
        self.member.setObjectName("dispatchMember")
        paired = [c.id for c in self.member.choices if c.paired]
        self.department = QComboBox(self)
        self.department.setObjectName("dispatchDepartment")
        self.department.setEditable(True)
        self.department.addItems(rq.departments(self.store))

        self.keep_due = QCheckBox(self.tr("Keep each request's own due time"), self)
        self.keep_due.setObjectName("keepDue")
        self.due = QDateTimeEdit(self)
        self.due.setObjectName("dispatchDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setDateTime(_qdatetime(first.due_at or now_iso()))
        self.keep_due.toggled.connect(lambda on: self.due.setEnabled(not on))
        self.keep_due.setChecked(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("dispatchNote")

        if first.assignee_member_id is not None:
            self.member.setCurrentIndex(self.member.findData(first.assignee_member_id))
            self.to_member.setChecked(True)
        elif first.assignee and self.department.findText(first.assignee) >= 0:
            self.department.setCurrentIndex(self.department.findText(first.assignee))
            self.to_department.setChecked(True)
        elif paired:
            self.member.select_member(paired[0])
            self.to_member.setChecked(True)
        else:
            self.to_department.setChecked(True)
        self.to_member.toggled.connect(lambda _=False: self._update())
        self._update()

        summary = QLabel(
            "\n".join(
                f"{r.id} · {labels.request_category(r.category)} · {r.address} · {r.text}"
                for r in (rows[i] for i in request_ids[:6] if i in rows)
            )
            + ("\n…" if len(request_ids) > 6 else ""),
            self,
        )
        summary.setObjectName("dispatchSummary")
        self.form.addRow(summary)
        self.form.addRow(self.to_member, self.member)
        self.form.addRow(self.to_department, self.department)
        self.form.addRow(self.keep_due)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish_layout()

    def _update(self) -> None:
        self.member.setEnabled(self.to_member.isChecked())
        self.department.setEnabled(self.to_department.isChecked())

    def save(self) -> bool:
        kwargs: dict[str, Any] = {"note": self.note.text().strip()}
        if self.to_member.isChecked():
            member_id = self.member.member_id()
            if member_id is None:
                ask.warn(self, self.windowTitle(), self.tr("Choose a member from the list."))
                return False
            kwargs["member_id"] = member_id
        else:
            kwargs["department"] = self.department.currentText()
        if not self.keep_due.isChecked():
            kwargs["due_at"] = _iso(self.due)
        return (
            ops.run(
                self.window_,
                self.tr("Dispatch"),
                rq.dispatch_requests,
                self.request_ids,
                parent=self,
                **kwargs,
            )
            is not _FAILED
        )


class ResolveDialog(StepDialog):
    """What was done; for scarce supplies, what was handed over."""

    def __init__(self, notifier: Notifier, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(notifier, parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(self.tr("Resolve request {number}").format(number=request_id))
        self.request_id = request_id
        row = rq.get_request(self.store, request_id)
        self.form.addRow(
            QLabel(f"{labels.request_category(row.category)} · {row.address} · {row.text}", self)
        )
        self.resolution = QLineEdit(self)
        self.resolution.setObjectName("resolution")
        self.resolution.setPlaceholderText(self.tr("What was done?"))
        self.form.addRow(self.tr("Resolution"), self.resolution)
        self.delivered: dict[int, QDoubleSpinBox] = {}
        for item in supplies.request_items(self.store, request_id):
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"delivered_{item.id}")
            spin.setDecimals(1)
            spin.setRange(0, 100000)
            spin.setValue(item.outstanding)
            spin.setSuffix(f" {item.unit}" if item.unit else "")
            self.delivered[item.id] = spin
            self.form.addRow(
                self.tr("{item}: delivered now (needed {needed}, already {done})").format(
                    item=item.item, needed=_quantity(item.quantity), done=_quantity(item.delivered)
                ),
                spin,
            )
        self.finish_layout()

    def save(self) -> bool:
        deliveries = {item_id: spin.value() for item_id, spin in self.delivered.items() if spin.value() > 0}
        return (
            ops.run(
                self.window_,
                self.tr("Resolve a request"),
                rq.resolve_request,
                self.request_id,
                parent=self,
                resolution=self.resolution.text(),
                deliveries=deliveries,
            )
            is not _FAILED
        )


class FollowUpDialog(StepDialog):
    """The call back and the resident's rating; dissatisfied reopens the request."""

    def __init__(self, notifier: Notifier, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(notifier, parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("Follow up request {number}").format(number=request_id))
        self.request_id = request_id
        self.reopened = False
        row = rq.get_request(self.store, request_id)
        self.form.addRow(QLabel(f"{row.address} · {row.text}\n{row.resolution}", self))
        self.ratings: dict[str, QRadioButton] = {}
        box = QHBoxLayout()
        group = QButtonGroup(self)
        for number, code in enumerate(RATINGS, start=1):
            button = QRadioButton(f"&{number} {labels.rating(code)}", self)
            button.setObjectName(f"rating_{code}")
            group.addButton(button)
            box.addWidget(button)
            self.ratings[code] = button
        self.ratings["satisfied"].setChecked(True)
        self.form.addRow(self.tr("Rating"), box)
        self.note = QLineEdit(self)
        self.note.setObjectName("followUpNote")
        self.note.setPlaceholderText(self.tr("What the resident said"))
        self.form.addRow(self.tr("Note"), self.note)
        hint = QLabel(self.tr("A dissatisfied rating reopens the request, to be dispatched again."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.finish_layout()

    def rating(self) -> str:
        return next(code for code, button in self.ratings.items() if button.isChecked())

    def save(self) -> bool:
        result = ops.run(
            self.window_,
            self.tr("Call back"),
            rq.follow_up_request,
            self.request_id,
            parent=self,
            rating=self.rating(),
            note=self.note.text(),
        )
        if result is _FAILED:
            return False
        self.reopened = bool(result)
        return True


class TimeLimitsDialog(StepDialog):
    """Hours allowed per category and urgency, and the departments requests can go to."""

    def __init__(self, notifier: Notifier, parent: QWidget | None = None) -> None:
        super().__init__(notifier, parent)
        self.setObjectName("timeLimitsDialog")
        self.setWindowTitle(self.tr("Request time limits and departments"))
        limits = rq.time_limits(self.store)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Hours allowed"), self), 0, 0)
        for column, urgency in enumerate(REQUEST_URGENCIES, start=1):
            grid.addWidget(
                QLabel(labels.request_urgency(urgency), self), 0, column, Qt.AlignmentFlag.AlignCenter
            )
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        for row, category in enumerate(REQUEST_CATEGORIES, start=1):
            grid.addWidget(QLabel(labels.request_category(category), self), row, 0)
            for column, urgency in enumerate(REQUEST_URGENCIES, start=1):
                spin = QSpinBox(self)
                spin.setObjectName(f"limit_{category}_{urgency}")
                spin.setRange(1, 24 * 365)
                spin.setValue(limits[category][urgency])
                grid.addWidget(spin, row, column)
                self.spins[category, urgency] = spin
        self.form.addRow(grid)
        self.departments = QPlainTextEdit("\n".join(rq.departments(self.store)), self)
        self.departments.setObjectName("departments")
        self.departments.setTabChangesFocus(True)
        self.form.addRow(self.tr("Departments (one a line)"), self.departments)
        self.finish_layout()

    def save(self) -> bool:
        limits: dict[str, dict[str, int]] = {}
        for (category, urgency), spin in self.spins.items():
            limits.setdefault(category, {})[urgency] = spin.value()

        def both(store: Any) -> None:
            with store.atomic():
                rq.set_time_limits(store, limits)
                rq.set_departments(store, self.departments.toPlainText().splitlines())

        return ops.run(self.window_, self.tr("Time limits and departments"), both, parent=self) is not _FAILED
