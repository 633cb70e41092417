"""The grid team editor: 1+1+1+N (cadre responsible, branch secretary, grid worker, assistants)
plus building and unit heads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gridboard.models import ledger, teams
from gridboard.models.vocab import GRID_ROLES
from gridboard.ui import ask, labels, ops
from gridboard.ui.pairing.dialogs import MemberPicker


class TeamEditor(QDialog):
    def __init__(self, window: Any, grid_id: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("teamEditor")
        self.setWindowTitle(QCoreApplication.translate("Pairing", "Grid team"))
        self.window_ = window
        store = window.store
        layout = QVBoxLayout(self)
        self.grid = QComboBox(self)
        self.grid.setObjectName("gridCombo")
        for r in ledger.active_grids(store):
            self.grid.addItem(f"{r['community']} · {r['name']}", r["id"])
        if grid_id is not None:
            self.grid.setCurrentIndex(max(self.grid.findData(grid_id), 0))
        layout.addWidget(self.grid)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Pairing", "Role"),
                QCoreApplication.translate("Pairing", "Member"),
                QCoreApplication.translate("Pairing", "Where"),
                QCoreApplication.translate("Pairing", "Since"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(200)
        layout.addWidget(self.table)
        end = QPushButton(QCoreApplication.translate("Pairing", "End the selected role"), self)
        end.setObjectName("endRoleButton")
        end.clicked.connect(lambda _=False: self.end_selected())
        layout.addWidget(end)

        box = QGroupBox(QCoreApplication.translate("Pairing", "Give a role"), self)
        form = QFormLayout(box)
        self.role = QComboBox(box)
        self.role.setObjectName("roleCombo")
        for code in GRID_ROLES:
            self.role.addItem(labels.grid_role(code), code)
        self.building = QComboBox(box)
        self.building.setObjectName("buildingCombo")
        self.unit = QSpinBox(box)
        self.unit.setObjectName("unitSpin")
        self.unit.setRange(1, 50)
        self.picker = MemberPicker(store, box)
        form.addRow(QCoreApplication.translate("Pairing", "Role"), self.role)
        form.addRow(QCoreApplication.translate("Pairing", "Building"), self.building)
        form.addRow(QCoreApplication.translate("Pairing", "Unit"), self.unit)
        form.addRow(self.picker)
        assign = QPushButton(QCoreApplication.translate("Pairing", "Give the role"), box)
        assign.setObjectName("assignRoleButton")
        assign.clicked.connect(lambda _=False: self.assign())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(assign)
        form.addRow(row)
        layout.addWidget(box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.grid.currentIndexChanged.connect(lambda _i: self.reload())
        self.role.currentIndexChanged.connect(lambda _i: self._enable())
        window.notifier.changed.connect(self._changed)
        self.reload()
        self._enable()

    def grid_id(self) -> int | None:
        return self.grid.currentData()

    def _enable(self) -> None:
        role = self.role.currentData()
        self.building.setEnabled(role in ("building_head", "unit_head"))
        self.unit.setEnabled(role == "unit_head")

    def _changed(self, changes: Any) -> None:
        if changes.everything or "grid_role" in changes.tables or "member" in changes.tables:
            self.reload()

    def reload(self) -> None:
        grid_id = self.grid_id()
        self.building.clear()
        self.table.setRowCount(0)
        if grid_id is None:
            return
        for r in ledger.grid_buildings(self.window_.store, grid_id):
            self.building.addItem(r["name"], r["id"])
        self.rows = teams.grid_team(self.window_.store, grid_id)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            where = r.building_name or ""
            if r.unit is not None:
                where += QCoreApplication.translate("Pairing", " unit {unit}").format(unit=r.unit)
            for column, text in enumerate(
                (
                    labels.grid_role(r.role),
                    f"{r.member_name}（{labels.member_kind(r.member_kind)}）",
                    where,
                    r.started_on,
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()

    def assign(self) -> bool:
        grid_id, member_id = self.grid_id(), self.picker.member_id()
        if grid_id is None or member_id is None:
            ask.warn(
                self, self.windowTitle(), QCoreApplication.translate("Pairing", "Choose a member first.")
            )
            return False
        role = self.role.currentData()
        building_id = self.building.currentData() if role in ("building_head", "unit_head") else None
        unit = self.unit.value() if role == "unit_head" else None
        return (
            ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "Give a grid role"),
                lambda s: teams.assign_role(
                    s, grid_id=grid_id, role=role, member_id=member_id, building_id=building_id, unit=unit
                ),
                parent=self,
            )
            is not ops.FAILED
        )

    def end_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        role_id = int(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))
        return (
            ops.run(
                self.window_,
                QCoreApplication.translate("Pairing", "End a grid role"),
                lambda s: teams.end_role(s, role_id) or True,
                parent=self,
            )
            is not ops.FAILED
        )


def edit_team(window: Any, grid_id: int | None = None) -> TeamEditor:
    dialog = TeamEditor(window, grid_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
