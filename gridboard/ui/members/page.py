"""A member's page: who they are, their load, what they cover (and covered), and their visit record."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import members, pairing
from gridboard.models.changes import Changes
from gridboard.models.masking import mask_phone
from gridboard.ui import labels


class MemberPage(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPage")
        self.window_ = window
        self.member_id: int | None = None
        self.show_phones = False
        self.rows: list[pairing.PairingRow] = []
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("memberTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.details = QLabel(self)
        self.details.setObjectName("memberDetails")
        # One short fact a line; a word-wrapped label in a splitter would be given one line's height.
        self.details.setWordWrap(False)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.details)

        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text, slot) in enumerate(
            (
                ("showOnMapButton", self.tr("Show on the map"), self.show_on_map),
                ("giveHouseholdsButton", self.tr("Give households…"), self.give_households),
                ("reassignButton", self.tr("Reassign all (leaving)…"), self.reassign),
                ("endPairingButton", self.tr("End selected pairing…"), self.end_selected),
                ("editMemberButton", self.tr("Edit member…"), self.edit_member),
                ("removeMemberButton", self.tr("Remove member"), self.remove_member),
            )
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button, i // 3, i % 3)
            self.buttons[name] = button
        layout.addLayout(buttons)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("memberTabs")
        self.pairings = self._table(
            "memberPairings",
            [
                self.tr("Covers"),
                self.tr("Form"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Reason"),
            ],
        )
        self.pairings.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.visits = self._table(
            "memberVisits",
            [
                self.tr("When"),
                self.tr("Household"),
                self.tr("How"),
                self.tr("Outcome"),
                self.tr("Note"),
            ],
        )
        self.visits.doubleClicked.connect(lambda index: self._open_visit(index.row()))
        self.tabs.addTab(self.pairings, self.tr("Pairings"))
        self.tabs.addTab(self.visits, self.tr("Visit record"))
        layout.addWidget(self.tabs, 1)
        self.set_member(None)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- showing -----------------------------------------------------------------------------------

    def set_show_phones(self, on: bool) -> None:
        self.show_phones = on
        self.refresh()

    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self.refresh()

    def changed(self, changes: Changes) -> None:
        if self.member_id is not None and (changes.everything or changes.tables - {"grid_role"}):
            self.refresh()

    def refresh(self) -> None:
        store = self.window_.store
        for button in self.buttons.values():
            button.setEnabled(self.member_id is not None)
        if self.member_id is None:
            self.title.setText(self.tr("No member selected"))
            self.details.setText(self.tr("Choose a member in the list to see their households and visits."))
            self.pairings.setRowCount(0)
            self.visits.setRowCount(0)
            return
        m = members.member(store, self.member_id)
        [load] = members.member_loads(store, member_ids=[self.member_id], include_inactive=True) or [None]
        self.title.setText(m["name"])
        phone = m["phone"] if self.show_phones else mask_phone(m["phone"])
        lines = [
            html.escape(labels.member_kind(m["kind"]))
            + ("" if m["active"] else " · " + html.escape(self.tr("no longer serving"))),
        ]
        if m["branch"]:
            lines.append(html.escape(self.tr("Branch: {branch}").format(branch=m["branch"])))
        if m["kind"] == "in_service" or m["work_unit"]:
            lines.append(html.escape(self.tr("Work unit: {unit}").format(unit=m["work_unit"] or "—")))
        if phone:
            lines.append(html.escape(self.tr("Phone: {phone}").format(phone=phone)))
        if m.get("home_building"):
            lines.append(
                html.escape(
                    self.tr("Lives at {building} {unit}-{room}").format(
                        building=m["home_building"], unit=m["home_unit"], room=m["home_room"]
                    )
                )
            )
        if load is not None:
            limit = members.load_limit(store)
            text = self.tr(
                "Covers {households} households ({priority} priority), {visited} visited this cycle."
            ).format(households=load.households, priority=load.priority, visited=load.visited_in_cycle)
            lines.append(html.escape(text))
            if load.over_limit:
                warning = self.tr("Over the office's load limit of {limit} households.").format(limit=limit)
                lines.append(f"<span style='color:#b3261e; font-weight:bold'>{html.escape(warning)}</span>")
        self.details.setText("<br>".join(lines))
        self._fill_pairings()
        self._fill_visits()

    def _fill_pairings(self) -> None:
        from gridboard.ui.pairing.dialogs import describe_place

        store = self.window_.store
        self.rows = pairing.member_pairings(store, self.member_id)
        self.pairings.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            if r.kind == "pairing":
                what = f"{r.building_name} {r.unit}-{r.room}"
                form = r.mode or ""
            else:
                what = describe_place(store, r.building_id, r.unit, r.floor)
                form = (
                    self.tr("Floor")
                    if r.floor is not None
                    else self.tr("Unit")
                    if r.unit is not None
                    else self.tr("Building")
                )
            reason = r.end_reason if r.ended_on else r.reason
            for column, text in enumerate((what, form, r.started_on, r.ended_on or "", reason)):
                item = QTableWidgetItem(text)
                if r.ended_on:
                    item.setForeground(Qt.GlobalColor.gray)
                self.pairings.setItem(i, column, item)
        self.pairings.resizeColumnsToContents()

    def _fill_visits(self) -> None:
        rows = members.member_visits(self.window_.store, self.member_id)
        self.visit_rows = rows
        self.visits.setRowCount(len(rows))
        for i, v in enumerate(rows):
            texts = (
                v.visited_at[:16],
                f"{v.building_name} {v.unit}-{v.room}",
                labels.visit_method(v.method),
                labels.visit_outcome(v.outcome),
                v.note,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if v.withdrawn:
                    item.setForeground(Qt.GlobalColor.gray)
                self.visits.setItem(i, column, item)
        self.visits.resizeColumnsToContents()

    # -- actions -----------------------------------------------------------------------------------

    def selected_row(self) -> pairing.PairingRow | None:
        rows = self.pairings.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def show_on_map(self) -> None:
        board = self.window_.view("board")
        if board is None or self.member_id is None:
            return
        first = next((r for r in self.rows if not r.ended_on), None)
        if first is not None and first.household_id is not None:
            self.window_.navigate("household", first.household_id)
        elif first is not None:
            self.window_.navigate("building", first.building_id)
        board.highlight_member(self.member_id)

    def _open_row(self, row: int) -> None:
        r = self.rows[row]
        if r.household_id is not None:
            self.window_.navigate("household", r.household_id)
        else:
            self.window_.navigate("building", r.building_id)

    def _open_visit(self, row: int) -> None:
        self.window_.navigate("household", self.visit_rows[row].household_id)

    def give_households(self) -> Any:
        from gridboard.ui.pairing.dialogs import PlaceDialog

        return PlaceDialog(self.window_, self.member_id).open_modal() if self.member_id else None

    def reassign(self) -> Any:
        from gridboard.ui.pairing.dialogs import ReassignDialog

        return ReassignDialog(self.window_, self.member_id).open_modal() if self.member_id else None

    def end_selected(self) -> bool:
        from gridboard.ui.pairing.dialogs import end_pairing

        row = self.selected_row()
        return row is not None and not row.ended_on and end_pairing(self.window_, row)

    def edit_member(self) -> Any:
        from gridboard.ui.editors import ledger_editors

        return ledger_editors.edit_member(self.window_, self.member_id) if self.member_id else None

    def remove_member(self) -> bool:
        from gridboard.ui.editors import ledger_editors

        if self.member_id is None:
            return False
        return ledger_editors.remove(self.window_, "member", self.member_id, self.title.text())
