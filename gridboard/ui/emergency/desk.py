"""The emergency desk (view key "emergency"): 1+4+N rosters, instructions with grid feedback, supplies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import emergency as em
from gridboard.models import lists
from gridboard.models.changes import Changes
from gridboard.models.masking import mask_phone
from gridboard.ui import labels, ops
from gridboard.ui.emergency import texts
from gridboard.ui.tables import size_columns

UNANSWERED = QColor("#fde2e2")


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    # Sized from the first rows after each fill: resizing to contents measures every cell on every
    # setItem (a city's thousand lines of supplies took seconds).
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().hide()
    return table


def _fill(
    table: QTableWidget,
    rows: list[list[str]],
    data: list[Any],
    shade: list[bool] | None = None,
    numbers: tuple[int, ...] = (),
) -> None:
    table.setUpdatesEnabled(False)
    try:
        _fill_rows(table, rows, data, shade, numbers)
    finally:
        table.setUpdatesEnabled(True)
    size_columns(table)


def _fill_rows(
    table: QTableWidget,
    rows: list[list[str]],
    data: list[Any],
    shade: list[bool] | None,
    numbers: tuple[int, ...],
) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c in numbers:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(Qt.ItemDataRole.UserRole, data[r])
            if shade and shade[r]:
                item.setBackground(QBrush(UNANSWERED))
            table.setItem(r, c, item)


def _number(value: float) -> str:
    return f"{value:g}"


class _Tab(QWidget):
    def __init__(self, desk: EmergencyDesk) -> None:
        super().__init__(desk)
        self.desk = desk
        self.store = desk.store

    def grid_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def fill_grids(self, combo: QComboBox) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if self.desk.emergency is not None:
            for grid_id, name in em.grids(self.store, self.desk.emergency.id):
                combo.addItem(self.desk.grid_label(grid_id, name), grid_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)


class RosterTab(_Tab):
    """A grid's 1+4+N team, chosen from the members list."""

    def __init__(self, desk: EmergencyDesk) -> None:
        super().__init__(desk)
        self.grids = self.grid_combo("rosterGridCombo")
        self.grids.currentIndexChanged.connect(self.reload)
        self.table = _table(
            self,
            "rosterTable",
            [self.tr("Role"), self.tr("Name"), self.tr("Kind of member"), self.tr("Phone")],
        )
        self.gaps = QLabel(self)
        self.gaps.setObjectName("rosterGaps")
        self.gaps.setWordWrap(True)
        self.members = QComboBox(self)
        self.members.setObjectName("rosterMemberCombo")
        # A city-wide emergency lists tens of thousands of members: a plain list of texts (Qt copies it
        # in one call) beside their (id, kind), and a width that does not measure every one of them.
        self.candidates: list[tuple[int, str]] = []
        self.members.setModel(QStringListModel(self.members))
        self.members.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.members.setMinimumContentsLength(24)
        self.members.setEditable(True)
        self.members.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.members.currentIndexChanged.connect(self._suggest_role)
        self.roles = QComboBox(self)
        self.roles.setObjectName("rosterRoleCombo")
        for code in em.ROSTER_ROLES:
            self.roles.addItem(texts.role(code), code)
        add = QPushButton(self.tr("Add to roster"), self)
        add.setObjectName("rosterAddButton")
        add.clicked.connect(self.add_selected)
        remove = QPushButton(self.tr("Remove from roster"), self)
        remove.setObjectName("rosterRemoveButton")
        remove.clicked.connect(self.remove_selected)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Grid:"), self))
        top.addWidget(self.grids)
        top.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Member:"), self))
        pick.addWidget(self.members, 2)
        pick.addWidget(QLabel(self.tr("Role:"), self))
        pick.addWidget(self.roles, 1)
        pick.addWidget(add)
        pick.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.gaps)
        layout.addLayout(pick)

    def refresh(self) -> None:
        self.fill_grids(self.grids)
        self._candidates_for: tuple[int | None, int | None] | None = None
        self.reload()

    def _fill_candidates(self, grid_id: int | None) -> None:
        """The members of the grid's community (a city-wide emergency's desk would otherwise list the
        whole city's members: seconds), read again when another grid is chosen."""
        key = (self.desk.emergency.id if self.desk.emergency else None, grid_id)
        if key == getattr(self, "_candidates_for", None):
            return
        self._candidates_for = key
        self.members.blockSignals(True)
        found = (
            []
            if self.desk.emergency is None
            else em.roster_candidates(self.store, self.desk.emergency.id, grid_id)
        )
        kinds = {kind: labels.member_kind(kind) for kind in {kind for _, _, kind in found}}
        self.candidates = [(member_id, kind) for member_id, _, kind in found]
        self.members.model().setStringList([f"{name}（{kinds[kind]}）" for _, name, kind in found])
        self.members.setCurrentIndex(0 if found else -1)
        self.members.blockSignals(False)
        self._suggest_role()

    def reload(self) -> None:
        grid_id = self.grids.currentData()
        self._fill_candidates(grid_id)
        if self.desk.emergency is None or grid_id is None:
            self.table.setRowCount(0)
            self.gaps.clear()
            return
        team = em.roster(self.store, self.desk.emergency.id, grid_id)
        _fill(
            self.table,
            [
                [texts.role(m.role), m.member_name, labels.member_kind(m.member_kind), mask_phone(m.phone)]
                for m in team
            ],
            [m.id for m in team],
        )
        gaps = em.roster_gaps(self.store, self.desk.emergency.id, grid_id)
        volunteers = sum(m.role == "volunteer" for m in team)
        if gaps:
            self.gaps.setText(
                self.tr("Still to fill for 1+4+N: {roles}. Volunteers: {n}.").format(
                    roles="、".join(texts.role(g) for g in gaps), n=volunteers
                )
            )
        else:
            self.gaps.setText(self.tr("1+4 complete; {n} member volunteer(s).").format(n=volunteers))

    def member_choice(self) -> tuple[int, str] | None:
        """(member id, kind) of the member chosen in the combo."""
        index = self.members.currentIndex()
        return self.candidates[index] if 0 <= index < len(self.candidates) else None

    def _suggest_role(self) -> None:
        data = self.member_choice()
        if data:
            self.roles.setCurrentIndex(self.roles.findData(em.ROLE_FOR_KIND.get(data[1], "volunteer")))

    def add_selected(self) -> None:
        data, grid_id = self.member_choice(), self.grids.currentData()
        if self.desk.emergency is None or not data or grid_id is None:
            return
        ops.run(
            self.desk.main_window,
            self.tr("Add to the roster"),
            em.add_to_roster,
            parent=self,
            emergency_id=self.desk.emergency.id,
            grid_id=grid_id,
            member_id=data[0],
            role=self.roles.currentData(),
        )

    def remove_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            ops.run(
                self.desk.main_window,
                self.tr("Take off the roster"),
                em.remove_from_roster,
                item.data(Qt.ItemDataRole.UserRole),
                parent=self,
            )


class InstructionsTab(_Tab):
    """一键响应 offline: record an instruction, print it, record each grid's feedback."""

    def __init__(self, desk: EmergencyDesk) -> None:
        super().__init__(desk)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("instructionTextEdit")
        self.text.setPlaceholderText(self.tr("The instruction, as the grids should read it"))
        self.text.setMaximumHeight(80)
        self.grid_list = QListWidget(self)
        self.grid_list.setObjectName("instructionGridList")
        self.grid_list.setMaximumHeight(80)
        issue = QPushButton(self.tr("Record instruction"), self)
        issue.setObjectName("issueInstructionButton")
        issue.clicked.connect(self.issue)
        self.instructions = _table(
            self, "instructionTable", [self.tr("Issued"), self.tr("Answered"), self.tr("Instruction")]
        )
        self.instructions.itemSelectionChanged.connect(self.reload_feedback)
        self.unanswered = QLabel(self)
        self.unanswered.setObjectName("unansweredLabel")
        self.unanswered.setWordWrap(True)
        self.feedback = _table(
            self,
            "feedbackTable",
            [self.tr("Community"), self.tr("Grid"), self.tr("Answered at"), self.tr("Feedback")],
        )
        self.feedback_edit = QLineEdit(self)
        self.feedback_edit.setObjectName("feedbackEdit")
        self.feedback_edit.setPlaceholderText(self.tr("The selected grid's feedback"))
        record = QPushButton(self.tr("Record feedback"), self)
        record.setObjectName("recordFeedbackButton")
        record.clicked.connect(self.record_feedback)
        self.feedback_edit.returnPressed.connect(self.record_feedback)
        print_button = QPushButton(self.tr("Print instruction…"), self)
        print_button.setObjectName("printInstructionButton")
        print_button.clicked.connect(self.print_selected)

        new = QHBoxLayout()
        new.addWidget(self.text, 3)
        new.addWidget(self.grid_list, 1)
        new.addWidget(issue)
        answer = QHBoxLayout()
        answer.addWidget(self.feedback_edit, 1)
        answer.addWidget(record)
        answer.addWidget(print_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.unanswered)
        right_layout.addWidget(self.feedback, 1)
        right_layout.addLayout(answer)
        split = QSplitter(self)
        split.addWidget(self.instructions)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(new)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        self.grid_list.clear()
        if self.desk.emergency is not None:
            for grid_id, name in em.grids(self.store, self.desk.emergency.id):
                item = QListWidgetItem(self.desk.grid_label(grid_id, name), self.grid_list)
                item.setData(Qt.ItemDataRole.UserRole, grid_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
        self.reload()

    def reload(self) -> None:
        chosen = self.selected_instruction()
        rows = em.instructions(self.store, self.desk.emergency.id) if self.desk.emergency else []
        self.instructions.blockSignals(True)
        _fill(
            self.instructions,
            [[i.issued_at[5:16], f"{i.answered}/{i.grids}", i.text] for i in rows],
            [i.id for i in rows],
            [i.unanswered > 0 for i in rows],
        )
        ids = [i.id for i in rows]
        self.instructions.selectRow(ids.index(chosen) if chosen in ids else 0)
        self.instructions.blockSignals(False)
        self.reload_feedback()

    def selected_instruction(self) -> int | None:
        item = self.instructions.item(self.instructions.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def reload_feedback(self) -> None:
        instruction_id = self.selected_instruction()
        rows = em.feedback_rows(self.store, instruction_id) if instruction_id else []
        communities = self.desk.communities
        _fill(
            self.feedback,
            [
                [communities.get(r.grid_id, ""), r.grid_name, (r.answered_at or "")[5:16], r.feedback]
                for r in rows
            ],
            [r.grid_id for r in rows],
            [r.answered_at is None for r in rows],
        )
        self.feedback.setColumnHidden(0, not communities)
        waiting = [self.desk.grid_label(r.grid_id, r.grid_name) for r in rows if r.answered_at is None]
        if instruction_id is None:
            self.unanswered.setText(self.tr("No instructions yet."))
        elif waiting:
            self.unanswered.setText(
                self.tr("Not answered yet ({n}): {grids}").format(n=len(waiting), grids="、".join(waiting))
            )
        else:
            self.unanswered.setText(self.tr("Every grid has answered."))

    def issue(self) -> None:
        if self.desk.emergency is None:
            return
        grid_ids = [
            self.grid_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.grid_list.count())
            if self.grid_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        if (
            ops.run(
                self.desk.main_window,
                self.tr("Record an instruction"),
                em.issue_instruction,
                parent=self,
                emergency_id=self.desk.emergency.id,
                text=self.text.toPlainText(),
                grid_ids=grid_ids,
            )
            is not ops.FAILED
        ):
            self.text.clear()
            self.instructions.selectRow(0)

    def record_feedback(self) -> None:
        instruction_id = self.selected_instruction()
        item = self.feedback.item(self.feedback.currentRow(), 0)
        if instruction_id is None or item is None:
            return
        ops.run(
            self.desk.main_window,
            self.tr("Record feedback"),
            em.record_feedback,
            parent=self,
            instruction_id=instruction_id,
            grid_id=item.data(Qt.ItemDataRole.UserRole),
            feedback=self.feedback_edit.text(),
        )
        self.feedback_edit.clear()

    def print_selected(self) -> None:
        instruction_id = self.selected_instruction()
        if instruction_id is not None:
            from gridboard.ui.emergency import EmergencyFeature

            self.desk.main_window.features.get(EmergencyFeature).print_instruction(instruction_id)


class SuppliesTab(_Tab):
    """The 紧缺物资清单 per grid and item, and deliveries to a grid."""

    def __init__(self, desk: EmergencyDesk) -> None:
        super().__init__(desk)
        self.table = _table(
            self,
            "suppliesTable",
            [
                self.tr("Community"),
                self.tr("Grid"),
                self.tr("Item"),
                self.tr("Unit"),
                self.tr("Needed"),
                self.tr("Delivered"),
                self.tr("Outstanding"),
            ],
        )
        self.grids = self.grid_combo("deliveryGridCombo")
        self.item = QComboBox(self)
        self.item.setObjectName("deliveryItemCombo")
        self.item.setEditable(True)
        self.quantity = QDoubleSpinBox(self)
        self.quantity.setObjectName("deliveryQuantitySpin")
        self.quantity.setRange(0, 100000)
        self.quantity.setDecimals(1)
        self.quantity.setValue(1)
        self.unit = QLineEdit(self)
        self.unit.setObjectName("deliveryUnitEdit")
        self.unit.setMaximumWidth(80)
        self.item.currentIndexChanged.connect(self._suggest_unit)
        record = QPushButton(self.tr("Record delivery"), self)
        record.setObjectName("recordDeliveryButton")
        record.clicked.connect(self.record)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.grids)
        row.addWidget(self.item, 2)
        row.addWidget(self.quantity)
        row.addWidget(self.unit)
        row.addWidget(record)
        form.addRow(self.tr("Delivered to a grid:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)

    def refresh(self) -> None:
        self.fill_grids(self.grids)
        self.reload()

    def reload(self) -> None:
        community = self.desk.emergency.community_id if self.desk.emergency else None
        lines = em.scarce_supplies(self.store, community_id=community)
        communities = self.desk.communities
        _fill(
            self.table,
            [
                [
                    communities.get(line.grid_id, ""),
                    line.grid_name,
                    line.item,
                    line.unit,
                    _number(line.needed),
                    _number(line.delivered),
                    _number(line.outstanding),
                ]
                for line in lines
            ],
            [(line.grid_id, line.item, line.unit) for line in lines],
            [line.outstanding > 0 for line in lines],
            numbers=(4, 5, 6),
        )
        self.table.setColumnHidden(0, not communities)
        current = self.item.currentText()
        self.item.blockSignals(True)
        self.item.clear()
        known = dict.fromkeys([(line.item, line.unit) for line in lines] + list(_common_items()))
        for item, unit in known:
            self.item.addItem(item, unit)
        self.item.setEditText(current)
        self.item.blockSignals(False)

    def _suggest_unit(self) -> None:
        unit = self.item.currentData()
        if unit:
            self.unit.setText(unit)

    def record(self) -> None:
        grid_id = self.grids.currentData()
        if grid_id is None:
            return
        if (
            ops.run(
                self.desk.main_window,
                self.tr("Record a delivery"),
                em.record_delivery,
                parent=self,
                grid_id=grid_id,
                item=self.item.currentText(),
                quantity=self.quantity.value(),
                unit=self.unit.text(),
            )
            is not ops.FAILED
        ):
            self.quantity.setValue(1)


def _common_items() -> list[tuple[str, str]]:
    from gridboard.models.supplies import COMMON_ITEMS

    return list(COMMON_ITEMS)


class EmergencyDesk(QWidget):
    """Tabs for what the office runs during an emergency besides the roll call."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("emergencyDesk")
        self.main_window = window
        self.store = window.store
        self.emergency: em.Emergency | None = None
        # grid id -> community name in a file of several communities (a community column, grids
        # named with their community); empty for one community.
        self.communities: dict[int, str] = {}
        self.heading = QLabel(self)
        self.heading.setObjectName("emergencyDeskHeading")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("emergencyTabs")
        self.rosters = RosterTab(self)
        self.instructions = InstructionsTab(self)
        self.supplies = SuppliesTab(self)
        self.tabs.addTab(self.rosters, self.tr("Rosters (1+4+N)"))
        self.tabs.addTab(self.instructions, self.tr("Instructions and feedback"))
        self.tabs.addTab(self.supplies, self.tr("Scarce supplies"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        window.notifier.changed.connect(self._changed)
        self._stale = True  # read when first shown, not while the window opens
        self._stale_tabs: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())

    def refresh(self) -> None:
        """Read everything again now if the desk is on screen, else when it is next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.emergency = em.latest_emergency(self.store)
        # An emergency of one community lists its grids only; a street-wide one, all of them.
        self.communities = (
            lists.grid_communities(self.store)
            if self.emergency is not None and self.emergency.community_id is None
            else {}
        )
        if self.emergency is None:
            self.heading.setText(self.tr("No emergency has been declared in this file."))
        elif self.emergency.active:
            self.heading.setText(self.tr("In force: {name}").format(name=self.emergency.name))
        else:
            self.heading.setText(
                self.tr("Ended {end}: {name}").format(
                    name=self.emergency.name, end=self.emergency.ended_at[:16]
                )
            )
        self.setEnabled(self.emergency is not None)
        # Only the tab on screen is read now; the others when they are shown (a city's scarce-supplies
        # table alone has a thousand lines).
        self._stale_tabs = {self.rosters, self.instructions, self.supplies}
        self._refresh_tab()

    def grid_label(self, grid_id: int, name: str) -> str:
        """A grid's name, with its community's in a file of several (two 第一网格 are two grids)."""
        community = self.communities.get(grid_id)
        return f"{community} {name}" if community else name

    def _refresh_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale_tabs:
            self._stale_tabs.discard(tab)
            tab.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        if self._stale or not self.isVisible():
            self._stale = True  # all of it is read when the desk is next shown
            return
        if changes.everything or changes.tables & {"emergency", "grid", "member"}:
            self.refresh()
            return
        for tab, tables in (
            (self.rosters, {"emergency_roster"}),
            (self.instructions, {"emergency_instruction"}),
            (self.supplies, {"supply_delivery", "request_item", "request"}),
        ):
            if changes.tables & tables and tab not in self._stale_tabs:
                if tab is self.tabs.currentWidget():
                    tab.reload()
                else:
                    self._stale_tabs.add(tab)  # read again when it is shown
