"""Dialogs for pairing: a member picker with loads, pairing households or places, reassigning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import ledger, members, pairing, records
from gridboard.models.members import MemberLoad
from gridboard.models.store import Store
from gridboard.ui import ask, labels, ops

_ROOT = QModelIndex()


class MemberChoiceModel(QAbstractTableModel):
    """Members with their load, for choosing who takes something on."""

    def __init__(self, rows: list[MemberLoad], limit: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.limit = limit

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("Pairing", "Name"),
                QCoreApplication.translate("Pairing", "Kind"),
                QCoreApplication.translate("Pairing", "Households"),
                QCoreApplication.translate("Pairing", "Branch / work unit"),
            )[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return m.name
            if column == 1:
                return labels.member_kind(m.kind)
            if column == 2:
                return f"{m.households} / {self.limit}"
            return m.affiliation
        if role == Qt.ItemDataRole.UserRole:
            return m.id
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and m.households >= self.limit:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and m.households >= self.limit:
            return QCoreApplication.translate(
                "Pairing", "At or over the load limit of {limit} households"
            ).format(limit=self.limit)
        return None


class MemberPicker(QWidget):
    """A filter box over every serving member with their load; lowest load first."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, exclude: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPicker")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("memberFilter")
        self.filter.setPlaceholderText(QCoreApplication.translate("Pairing", "Type a name to filter…"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        rows = [m for m in members.member_loads(store) if m.id != exclude]
        rows.sort(key=lambda m: (m.households, m.name))
        self.model = MemberChoiceModel(rows, members.load_limit(store), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("memberTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(460, 260)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

    def select_member(self, member_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == member_id:
                self.table.selectRow(row)
                return True
        return False

    def member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else int(rows[0].data(Qt.ItemDataRole.UserRole))


class _Dialog(QDialog):
    def __init__(self, window: Any, title: str, name: str) -> None:
        super().__init__(window if isinstance(window, QWidget) else None)
        self.window_ = window
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)

    def open_modal(self) -> _Dialog:
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open()
        return self


def describe_place(store: Store, building_id: int, unit: int | None, floor: int | None) -> str:
    name = records.name_of(store, "building", building_id)
    if unit is not None and floor is not None:
        return QCoreApplication.translate("Pairing", "{building} unit {unit}, floor {floor}").format(
            building=name, unit=unit, floor=floor
        )
    if unit is not None:
        return QCoreApplication.translate("Pairing", "{building} unit {unit}").format(
            building=name, unit=unit
        )
    if floor is not None:
        return QCoreApplication.translate("Pairing", "{building} floor {floor} (all units)").format(
            building=name, floor=floor
        )
    return QCoreApplication.translate("Pairing", "{building} (the whole building)").format(building=name)


class PairDialog(_Dialog):
    """Choose a member for some households (1+1 / N+1 / 1+N) or for a place (包楼层/单元/楼栋)."""

    def __init__(
        self,
        window: Any,
        *,
        household_ids: list[int] | None = None,
        place: tuple[int, int | None, int | None] | None = None,
    ) -> None:
        super().__init__(window, QCoreApplication.translate("Pairing", "Pair a member"), "pairDialog")
        self.household_ids = household_ids or []
        self.place = place
        store = window.store
        if place is not None:
            what = QCoreApplication.translate(
                "Pairing", "Give {place} to a member; households added there later are covered too."
            ).format(place=describe_place(store, *place))
        elif len(self.household_ids) == 1:
            row = ledger.household_heading(store, self.household_ids[0])
            what = QCoreApplication.translate(
                "Pairing", "Pair a member with {building} {unit}-{room} {head}."
            ).format(building=row["name"], unit=row["unit"], room=row["room"], head=row["head_name"])
        else:
            what = QCoreApplication.translate(
                "Pairing", "Pair one member with these {count} households (1+N)."
            ).format(count=len(self.household_ids))
        intro = QLabel(what, self)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.picker = MemberPicker(store, self)
        self.layout_.addWidget(self.picker)
        form = QFormLayout()
        self.mode = QComboBox(self)
        self.mode.setObjectName("modeCombo")
        self.mode.addItem(QCoreApplication.translate("Pairing", "Chosen for me"), None)
        for code in ("1+1", "N+1", "1+N"):
            self.mode.addItem(labels.pairing_mode(code), code)
        if place is None:
            form.addRow(QCoreApplication.translate("Pairing", "Form"), self.mode)
        else:
            self.mode.hide()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        form.addRow(QCoreApplication.translate("Pairing", "Reason"), self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()

    def accept(self) -> None:
        member_id = self.picker.member_id()
        if member_id is None:
            ask.warn(
                self,
                QCoreApplication.translate("Pairing", "Pair a member"),
                QCoreApplication.translate("Pairing", "Choose a member first."),
            )
            return
        reason = self.reason.text().strip()
        if self.place is not None:
            building_id, unit, floor = self.place
            done = ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Give {place} to a member").format(
                    place=describe_place(self.window_.store, *self.place)
                ),
                lambda store: pairing.give_scope(
                    store, member_id=member_id, building_id=building_id, unit=unit, floor=floor, reason=reason
                ),
                parent=self,
            )
        else:
            ids, mode = list(self.household_ids), self.mode.currentData()
            done = ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Pair a member"),
                lambda store: pairing.pair_households(
                    store, member_id=member_id, household_ids=ids, mode=mode, reason=reason
                ),
                parent=self,
            )
        if done is not ops.FAILED:
            super().accept()


class PlaceDialog(_Dialog):
    """From a member's page: choose a building and a household, floor, unit or the whole building."""

    def __init__(self, window: Any, member_id: int) -> None:
        super().__init__(
            window, QCoreApplication.translate("Pairing", "Give households to a member"), "placeDialog"
        )
        self.member_id = member_id
        store = window.store
        name = records.name_of(store, "member", member_id)
        self.layout_.addWidget(
            QLabel(QCoreApplication.translate("Pairing", "What should {name} cover?").format(name=name), self)
        )
        form = QFormLayout()
        self.building = QComboBox(self)
        self.building.setObjectName("buildingCombo")
        for r in pairing.member_community_buildings(store, member_id):
            self.building.addItem(f"{r['grid']} · {r['name']}", r["id"])
        self.what = QComboBox(self)
        self.what.setObjectName("whatCombo")
        for code, text in (
            ("household", QCoreApplication.translate("Pairing", "One household (1+1)")),
            ("floor", QCoreApplication.translate("Pairing", "A floor (包楼层)")),
            ("unit", QCoreApplication.translate("Pairing", "A unit (包单元)")),
            ("building", QCoreApplication.translate("Pairing", "The whole building (包楼栋)")),
        ):
            self.what.addItem(text, code)
        self.unit = QSpinBox(self)
        self.unit.setObjectName("unitSpin")
        self.unit.setRange(0, 50)
        self.unit.setSpecialValueText(QCoreApplication.translate("Pairing", "(all units)"))
        self.unit.setValue(1)
        self.floor = QSpinBox(self)
        self.floor.setObjectName("floorSpin")
        self.floor.setRange(1, 120)
        self.room = QLineEdit(self)
        self.room.setObjectName("roomEdit")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        form.addRow(QCoreApplication.translate("Pairing", "Building"), self.building)
        form.addRow(QCoreApplication.translate("Pairing", "Covers"), self.what)
        form.addRow(QCoreApplication.translate("Pairing", "Unit"), self.unit)
        form.addRow(QCoreApplication.translate("Pairing", "Floor"), self.floor)
        form.addRow(QCoreApplication.translate("Pairing", "Room"), self.room)
        form.addRow(QCoreApplication.translate("Pairing", "Reason"), self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.what.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        what = self.what.currentData()
        self.unit.setEnabled(what != "building")
        self.floor.setEnabled(what in ("floor", "household"))
        self.room.setEnabled(what == "household")

    def accept(self) -> None:
        store = self.window_.store
        building_id = self.building.currentData()
        what = self.what.currentData()
        reason = self.reason.text().strip()
        member_id = self.member_id
        if building_id is None:
            return
        if what == "household":
            household_id = ledger.household_at(
                store, building_id, self.unit.value(), self.room.text().strip()
            )
            if household_id is None:
                ask.warn(
                    self,
                    self.windowTitle(),
                    QCoreApplication.translate("Pairing", "There is no such room in that building and unit."),
                )
                return
            done = ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Pair a member"),
                lambda s: pairing.pair_households(
                    s, member_id=member_id, household_ids=[household_id], reason=reason
                ),
                parent=self,
            )
        else:
            unit = None if what == "building" or self.unit.value() == 0 else self.unit.value()
            floor = self.floor.value() if what == "floor" else None
            done = ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Give {place} to a member").format(
                    place=describe_place(store, building_id, unit, floor)
                ),
                lambda s: pairing.give_scope(
                    s, member_id=member_id, building_id=building_id, unit=unit, floor=floor, reason=reason
                ),
                parent=self,
            )
        if done is not ops.FAILED:
            super().accept()


class ReassignDialog(_Dialog):
    """A member is leaving: every household and place they cover goes to another member at once."""

    def __init__(self, window: Any, member_id: int) -> None:
        super().__init__(
            window, QCoreApplication.translate("Pairing", "Reassign a leaving member"), "reassignDialog"
        )
        self.member_id = member_id
        store = window.store
        name = records.name_of(store, "member", member_id)
        count = len(pairing.member_pairings(store, member_id, include_ended=False))
        text = QLabel(
            QCoreApplication.translate(
                "Pairing", "{name} hands over {count} pairings and places. Choose who takes them over:"
            ).format(name=name, count=count),
            self,
        )
        text.setWordWrap(True)
        self.layout_.addWidget(text)
        self.picker = MemberPicker(store, self, exclude=member_id)
        self.layout_.addWidget(self.picker)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(QCoreApplication.translate("Pairing", "e.g. moved away, transferred"))
        form.addRow(QCoreApplication.translate("Pairing", "Reason"), self.reason)
        self.layout_.addLayout(form)
        self.finish_layout()

    def accept(self) -> None:
        to_member = self.picker.member_id()
        if to_member is None:
            ask.warn(
                self, self.windowTitle(), QCoreApplication.translate("Pairing", "Choose a member first.")
            )
            return
        reason = self.reason.text().strip()
        from_member = self.member_id
        done = ops.run(
            self.window_,
            QCoreApplication.translate("Pairing", "Reassign a leaving member"),
            lambda s: pairing.reassign_member(
                s, from_member_id=from_member, to_member_id=to_member, reason=reason
            ),
            parent=self,
        )
        if done is not ops.FAILED:
            self._mark_left(from_member)
            super().accept()

    def _mark_left(self, member_id: int) -> None:
        """全部转交 usually means the member left: ask, and mark them no longer serving."""
        from gridboard.models import ledger, records

        name = records.name_of(self.window_.store, "member", member_id)
        if ask.confirm(
            self,
            self.windowTitle(),
            QCoreApplication.translate(
                "Pairing",
                "Has {name} left? Mark {name} as no longer serving (kept in the file, not offered again).",
            ).format(name=name),
        ):
            ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Mark {name} as no longer serving").format(name=name),
                ledger.update_row,
                "member",
                member_id,
                parent=self,
                active=False,
            )


class ChooseMemberDialog(_Dialog):
    """Just choose a member (e.g. to change a proposal)."""

    def __init__(self, window: Any, title: str, *, current: int | None = None) -> None:
        super().__init__(window, title, "chooseMemberDialog")
        self.picker = MemberPicker(window.store, self)
        self.layout_.addWidget(self.picker)
        if current is not None:
            self.picker.select_member(current)
        self.finish_layout()
        self.chosen: int | None = None

    def accept(self) -> None:
        self.chosen = self.picker.member_id()
        if self.chosen is not None:
            super().accept()


def end_pairing(window: Any, row: pairing.PairingRow) -> bool:
    """End a pairing or scope with a reason (asked); undoable."""
    reason = ask.text(
        window,
        QCoreApplication.translate("Pairing", "End pairing"),
        QCoreApplication.translate("Pairing", "Why does it end?"),
    )
    if reason is None:
        return False
    if row.kind == "pairing":
        return (
            ops.run(
                window,
                QCoreApplication.translate("Pairing", "End pairing"),
                lambda s: pairing.end_pairing(s, row.id, reason=reason) or True,
            )
            is not ops.FAILED
        )
    return (
        ops.run(
            window,
            QCoreApplication.translate("Pairing", "End pairing"),
            lambda s: pairing.end_scope(s, row.id, reason=reason) or True,
        )
        is not ops.FAILED
    )
