"""The household panel beside the map: address, residents and tags, pairings, visits, open requests, actions.

Other features add their own buttons (`add_action`) and sections (`add_section`) for the current
household, e.g. "Pair a member…" and "Raise a request…".
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import board
from gridboard.models.masking import mask_phone
from gridboard.models.store import Store
from gridboard.models.vocab import Tier
from gridboard.ui import labels
from gridboard.ui.board import colors

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HouseholdPanel(QScrollArea):
    """Shows one household (or a summary of several selected)."""

    log_visit_requested = Signal(int)  # household id
    withdraw_visit_requested = Signal(int)  # visit id
    correct_visit_requested = Signal(int)  # visit id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdPanel")
        self.store = store
        self.household_id: int | None = None
        self.detail: board.HouseholdDetail | None = None
        self._sections: list[tuple[str, Callable[[Store, int], QWidget]]] = []
        self._section_widgets: list[QWidget] = []
        self._action_buttons: list[QPushButton] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)

        body = QWidget(self)
        body.setObjectName("householdPanelBody")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(10, 8, 10, 8)
        self.body_layout.setSpacing(8)
        # Taller than the window: scroll, never squash.
        self.body_layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)

        self.title = QLabel(body)
        self.title.setObjectName("panelAddress")
        title_font = QFont()
        title_font.setPointSizeF(14)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_layout.addWidget(self.title)

        self.status = QLabel(body)
        self.status.setObjectName("panelStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.body_layout.addWidget(self.status)

        self.actions_box = QWidget(body)
        # At least as tall as its rows of buttons (never squashed), and no taller.
        self.actions_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.log_button = QPushButton(self.tr("Log a visit…"), self.actions_box)
        self.log_button.setObjectName("logVisitButton")
        self.log_button.setToolTip(self.tr("Log a visit to this household (Enter on the map)"))
        self.log_button.clicked.connect(self._log_visit)
        self.actions_layout.addWidget(self.log_button, 0, 0)
        self.body_layout.addWidget(self.actions_box)

        self.residents = self._text_section("panelResidents", self.tr("Residents"))
        self.pairings = self._text_section("panelPairings", self.tr("Pairings"))
        pairings_box = self.pairings.parentWidget()
        pairings_layout = pairings_box.layout() if pairings_box is not None else None
        assert isinstance(pairings_layout, QVBoxLayout)  # made by _text_section
        self.history_button = QPushButton(self.tr("Show pairing history"), pairings_box)
        self.history_button.setObjectName("pairingHistoryButton")
        self.history_button.setFlat(True)
        self.history_button.clicked.connect(self.show_pairing_history)
        pairings_layout.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._history_for: int | None = None  # the household whose history is shown

        visits_box = QGroupBox(self.tr("Visits"), body)
        visits_box.setObjectName("panelVisits")
        visits_layout = QVBoxLayout(visits_box)
        self.visit_list = QTreeWidget(visits_box)
        self.visit_list.setObjectName("visitList")
        self.visit_list.setRootIsDecorated(False)
        self.visit_list.setHeaderLabels(
            [self.tr("Date"), self.tr("How"), self.tr("Outcome"), self.tr("By"), self.tr("Note")]
        )
        self.visit_list.setMinimumHeight(140)
        self.visit_list.currentItemChanged.connect(lambda *_: self._update_visit_buttons())
        visits_layout.addWidget(self.visit_list)
        row = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct…"), visits_box)
        self.correct_button.setObjectName("correctVisitButton")
        self.correct_button.clicked.connect(self._correct_visit)
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), visits_box)
        self.withdraw_button.setObjectName("withdrawVisitButton")
        self.withdraw_button.clicked.connect(self._withdraw_visit)
        row.addWidget(self.correct_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        visits_layout.addLayout(row)
        self.body_layout.addWidget(visits_box)

        self.requests = self._text_section("panelRequests", self.tr("Open requests"))

        self.extra_layout = QVBoxLayout()
        self.body_layout.addLayout(self.extra_layout)
        self.body_layout.addStretch(1)
        self.setWidget(body)
        self.show_nothing()

    # -- hooks for other features -----------------------------------------------------------------

    def add_action(self, object_name: str, text: str, callback: Callable[[int], object]) -> QPushButton:
        """A button acting on the current household (called with its id)."""
        button = QPushButton(text, self.actions_box)
        button.setObjectName(object_name)
        button.clicked.connect(lambda _=False: self.household_id is not None and callback(self.household_id))
        count = len(self._action_buttons) + 1
        self.actions_layout.addWidget(button, count // 2, count % 2)
        self._action_buttons.append(button)
        # Other features add their buttons before the window is shown: the body's layout must ask the
        # box its height again, or the first paint squeezes every row into the one row's height it had.
        self.actions_box.updateGeometry()
        button.setEnabled(self.household_id is not None)
        return button

    def add_section(self, title: str, factory: Callable[[Store, int], QWidget]) -> None:
        """A section built afresh for each household shown: factory(store, household_id) -> widget."""
        self._sections.append((title, factory))
        if self.household_id is not None:
            self._build_sections()

    # -- showing -----------------------------------------------------------------------------------

    def show_nothing(self, selected: int = 0) -> None:
        self.household_id = None
        self.detail = None
        if selected > 1:
            self.title.setText(self.tr("{count} households selected").format(count=selected))
            self.status.setText(self.tr("Right-click the map for actions on all of them."))
        else:
            self.title.setText(self.tr("No household selected"))
            self.status.setText(self.tr("Click a household on the map, or move with the arrow keys."))
        for widget in (self.residents, self.pairings, self.requests):
            widget.setText("")
        self.history_button.hide()
        self.visit_list.clear()
        for button in (self.log_button, *self._action_buttons):
            button.setEnabled(False)
        self._clear_sections()
        self._update_visit_buttons()

    def set_household(self, household_id: int | None) -> None:
        if household_id is None:
            self.show_nothing()
            return
        if household_id != self.household_id:
            self._history_for = None
        self.household_id = household_id
        self.refresh()

    def show_pairing_history(self) -> None:
        """Ended pairings and scopes too (read on request: they have no index of their own)."""
        if self.household_id is None or self.detail is None:
            return
        self._history_for = self.household_id
        self.pairings.setText(self._pairings_html(board.pairing_history(self.store, self.household_id)))
        self.history_button.hide()

    def refresh(self) -> None:
        if self.household_id is None:
            return
        detail = board.household_detail(self.store, self.household_id)
        self.detail = detail
        self.title.setText(
            self.tr("{building} unit {unit}, room {room}").format(
                building=detail.building_name, unit=detail.unit, room=detail.room
            )
        )
        fill = colors.STATUS_COLORS.get(detail.status, colors.STATUS_COLORS["vacant"])
        parts = [
            (
                f'<span style="background-color:{fill[0]}; color:{fill[1]};">&nbsp;'
                f"{html.escape(labels.visit_status(detail.status))}&nbsp;</span>"
            ),
            html.escape(labels.occupancy(detail.occupancy)),
        ]
        if detail.priority_tier:
            parts.append(
                html.escape(
                    self.tr("High risk")
                    if detail.priority_tier == Tier.HIGH
                    else self.tr("Priority household")
                )
            )
        head = detail.head_name or self.tr("(no head of household recorded)")
        line2 = self.tr("Head: {name} · {people} people · phone {phone}").format(
            name=head, people=detail.people, phone=mask_phone(detail.phone) or "—"
        )
        last = self.tr("Last visit: {when}").format(when=(detail.last_visit_at or self.tr("never"))[:16])
        self.status.setText(" · ".join(parts) + "<br>" + html.escape(line2) + "<br>" + html.escape(last))

        self.residents.setText(self._residents_html(detail))
        if self._history_for == detail.id:
            self.pairings.setText(self._pairings_html(board.pairing_history(self.store, detail.id)))
        else:
            self.pairings.setText(self._pairings_html(detail.pairings))
        self.history_button.setVisible(self._history_for != detail.id)
        self._fill_visits(detail)
        self.requests.setText(self._requests_html(detail))
        for button in (self.log_button, *self._action_buttons):
            button.setEnabled(True)
        self._build_sections()

    def selected_visit_id(self) -> int | None:
        item = self.visit_list.currentItem()
        return None if item is None else item.data(0, VISIT_ID_ROLE)

    # -- parts ---------------------------------------------------------------------------------------

    def _text_section(self, name: str, title: str) -> QLabel:
        box = QGroupBox(title, self)
        box.setObjectName(name)
        layout = QVBoxLayout(box)
        label = QLabel(box)
        label.setObjectName(name + "Text")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(label)
        self.body_layout.addWidget(box)
        return label

    def _residents_html(self, detail: board.HouseholdDetail) -> str:
        if not detail.residents:
            return html.escape(self.tr("No residents recorded."))
        lines = []
        for r in detail.residents:
            tags = [labels.tag_label(code, name) for code, name in zip(r.tags, r.tag_names, strict=False)]
            born = f" ({r.birth_year})" if r.birth_year else ""
            tag_html = "".join(
                f' <span style="color:#b3261e; border:1px solid #b3261e;">&nbsp;{html.escape(t)}&nbsp;</span>'
                for t in tags
            )
            lines.append(f"{html.escape(r.name)}{born}{tag_html}")
        return "<br>".join(lines)

    def _pairings_html(self, pairings: list[board.PairingLine]) -> str:
        if not pairings:
            return html.escape(self.tr("Not paired with any member."))
        lines = []
        for p in pairings:
            if p.mode in ("building", "unit", "floor"):
                how = {
                    "building": self.tr("covers the building"),
                    "unit": self.tr("covers the unit"),
                    "floor": self.tr("covers the floor"),
                }[p.mode]
            else:
                how = p.mode
            if p.ended_on is None:
                text = self.tr("{member} — {how}, since {start}").format(
                    member=p.member_name, how=how, start=p.started_on
                )
                lines.append(f"<b>{html.escape(text)}</b>")
            else:
                text = self.tr("{member} — {how}, {start} to {end}").format(
                    member=p.member_name, how=how, start=p.started_on, end=p.ended_on
                )
                lines.append(f'<span style="color:#888888">{html.escape(text)}</span>')
        return "<br>".join(lines)

    def _requests_html(self, detail: board.HouseholdDetail) -> str:
        if not detail.requests:
            return html.escape(self.tr("None open."))
        lines = []
        for q in detail.requests:
            text = (
                f"{labels.request_category(q.category)} · {labels.request_urgency(q.urgency)} · "
                f"{labels.request_status(q.status)} · {q.collected_at[:10]}"
            )
            line = html.escape(text)
            if q.text:
                line += "<br>&nbsp;&nbsp;" + html.escape(q.text)
            lines.append(line)
        return "<br>".join(lines)

    def _fill_visits(self, detail: board.HouseholdDetail) -> None:
        keep = self.selected_visit_id()
        self.visit_list.clear()
        grey = QBrush(QColor("#999999"))
        for v in detail.visits:
            item = QTreeWidgetItem(
                [
                    v.visited_at[:16]
                    if v.time_written
                    else v.visited_at[:10] + self.tr(" (time not written)"),
                    labels.visit_method(v.method),
                    labels.visit_outcome(v.outcome),
                    "、".join(v.member_names),
                    v.note,
                ]
            )
            item.setData(0, VISIT_ID_ROLE, v.id)
            if v.withdrawn_at:
                font = item.font(0)
                font.setStrikeOut(True)
                for column in range(5):
                    item.setFont(column, font)
                    item.setForeground(column, grey)
                item.setToolTip(0, self.tr("Withdrawn on {when}").format(when=v.withdrawn_at[:16]))
            self.visit_list.addTopLevelItem(item)
            if v.id == keep:
                self.visit_list.setCurrentItem(item)
        for column in range(4):
            self.visit_list.resizeColumnToContents(column)
        self._update_visit_buttons()

    def _update_visit_buttons(self) -> None:
        visit_id = self.selected_visit_id()
        live = False
        if visit_id is not None and self.detail is not None:
            live = any(v.id == visit_id and not v.withdrawn_at for v in self.detail.visits)
        self.withdraw_button.setEnabled(live)
        self.correct_button.setEnabled(live)

    def _clear_sections(self) -> None:
        for widget in self._section_widgets:
            widget.setParent(None)
            widget.deleteLater()
        self._section_widgets = []

    def _build_sections(self) -> None:
        self._clear_sections()
        if self.household_id is None:
            return
        for title, factory in self._sections:
            box = QGroupBox(title, self.widget())
            layout = QVBoxLayout(box)
            layout.addWidget(factory(self.store, self.household_id))
            self.extra_layout.addWidget(box)
            self._section_widgets.append(box)

    def _log_visit(self) -> None:
        if self.household_id is not None:
            self.log_visit_requested.emit(self.household_id)

    def _withdraw_visit(self) -> None:
        visit_id = self.selected_visit_id()
        if visit_id is not None:
            self.withdraw_visit_requested.emit(visit_id)

    def _correct_visit(self) -> None:
        visit_id = self.selected_visit_id()
        if visit_id is not None:
            self.correct_visit_requested.emit(visit_id)
