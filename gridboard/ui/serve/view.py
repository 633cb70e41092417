"""The serve view (Ctrl+7): units and reporting in, posts, needs and projects, services and points,
the points ranking, escalations (社区吹哨、部门报到) and emergency duty posts, one tab each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import duty, service, units
from gridboard.models import escalation as esc
from gridboard.models import instructions as ins
from gridboard.models.changes import Changes
from gridboard.models.clock import today
from gridboard.models.errors import KnownError
from gridboard.models.masking import mask_phone
from gridboard.ui import ask, ops
from gridboard.ui.editors.form import Field, FormDialog
from gridboard.ui.serve import labels
from gridboard.ui.tables import communities_shown

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"
OVERDUE = QColor("#fbe3e1")
ON_DUTY = QColor("#e2f1e4")
SERVE_TABLES = {
    "org_unit",
    "member",
    "report_in",
    "service_post",
    "post_claim",
    "community_need",
    "unit_resource",
    "service_project",
    "point_rule",
    "service_record",
    "escalation",
    "request",
    "duty_post",
    "duty_shift",
    "emergency_instruction",
}


class Table(QTableWidget):
    """A read-only list filled from model rows; row ids kept in the first column's user data."""

    def __init__(self, name: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def fill(
        self,
        rows: Sequence[Sequence[Any]],
        ids: Sequence[Any],
        shaded: Sequence[bool] | None = None,
        shade: QColor = OVERDUE,
    ) -> None:
        current = self.current_id()
        self.setUpdatesEnabled(False)
        self.setRowCount(len(rows))
        for r, (cells, row_id) in enumerate(zip(rows, ids, strict=True)):
            for c, value in enumerate(cells):
                text = f"{value:g}" if isinstance(value, float) else "" if value is None else str(value)
                item = QTableWidgetItem(text)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row_id)
                if shaded and shaded[r]:
                    item.setBackground(shade)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(self.columnCount() - 1):
            self.setColumnWidth(c, min(self.columnWidth(c), 260))
        self.setUpdatesEnabled(True)
        if current is not None:
            self.select_id(current)

    def current_id(self) -> Any:
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select_id(self, row_id: Any) -> bool:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == row_id:
                self.selectRow(r)
                return True
        return False

    def column_texts(self, column: int) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]


def _button(parent: QWidget, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _=False: slot())
    return button


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    return label


def _float(text: Any) -> float:
    try:
        return float(str(text).strip() or 0)
    except ValueError:
        return -1.0  # refused by the model's range check, with its message


class ServeView(QWidget):
    """Those who come to serve, in one place; every change goes through the window's notifier."""

    def __init__(self, window: Any, *, clock: QTimer | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.store = window.store
        self.notifier = window.notifier
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Community:"), self))
        self.community = QComboBox(self)
        self.community.setObjectName("serveCommunity")
        self.community.addItem(self.tr("All communities"), None)
        for community_id, name in units.community_choices(self.store):
            self.community.addItem(name, community_id)
        if self.community.count() == 2:
            self.community.setCurrentIndex(1)
        self.community.currentIndexChanged.connect(lambda _=0: self.refresh())
        top.addWidget(self.community)
        top.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("serveSummary")
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("serveTabs")
        layout.addWidget(self.tabs, 1)
        self._build_units()
        self._build_posts()
        self._build_projects()
        self._build_services()
        self._build_ranking()
        self._build_escalations()
        self._build_duty()
        self._build_instructions()
        self.notifier.changed.connect(self._changed)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._fill_tab)
        # Escalations rise a level by rule as their limits pass, whatever else is going on: the
        # window's clock does it (the serve feature's: the view is built when first shown), else the view's own.
        self.clock = clock
        if self.clock is None:
            self.clock = QTimer(self)
            self.clock.setInterval(5 * 60 * 1000)
            self.clock.timeout.connect(self.rise_overdue)
            self.clock.start()
        self._dirty = True

    # -- building the tabs ------------------------------------------------------------------------------

    def _tab(
        self,
        title: str,
        buttons: Sequence[tuple[str, str, Callable[[], object]]] = (),
        *,
        left: Sequence[QWidget | int] = (),
        right: Sequence[QWidget] = (),
    ) -> tuple[QWidget, QVBoxLayout]:
        """A tab of the view: a page with a bar on top (its buttons, then `left` widgets or spacings,
        a stretch, the `right` widgets); the caller adds the tables below, to the layout returned."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        for name, text, slot in buttons:
            bar.addWidget(_button(page, name, text, slot))
        for item in left:
            if isinstance(item, int):
                bar.addSpacing(item)
            else:
                bar.addWidget(item)
        bar.addStretch(1)
        for widget in right:
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.tabs.addTab(page, title)
        return page, layout

    def _build_units(self) -> None:
        page, layout = self._tab(
            self.tr("Units and reporting in"),
            (
                ("newUnitButton", self.tr("New unit…"), self.new_unit),
                ("editUnitButton", self.tr("Edit unit…"), self.edit_unit),
                ("linkMembersButton", self.tr("Link members by work unit"), self.link_members),
                ("reportInButton", self.tr("Report in…"), self.report_in),
                ("receiveSlipButton", self.tr("Receive the slip"), self.receive_slip),
                ("printSlipButton", self.tr("Print slip and receipt…"), self.print_slip),
            ),
        )
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.units_table = Table(
            "unitsTable",
            [
                self.tr("Unit"),
                self.tr("Kind"),
                self.tr("Paired community"),
                self.tr("Contract"),
                self.tr("Members"),
                self.tr("Reported in"),
                self.tr("Contact"),
            ],
            split,
        )
        self.units_table.itemSelectionChanged.connect(self._fill_reporting)
        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Members of the unit:"), right))
        self.reported_filter = QComboBox(right)
        self.reported_filter.setObjectName("reportedFilter")
        for value, text in (
            (None, self.tr("Everyone")),
            (True, self.tr("Reported in")),
            (False, self.tr("Not reported yet")),
        ):
            self.reported_filter.addItem(text, value)
        self.reported_filter.currentIndexChanged.connect(lambda _=0: self._fill_reporting())
        row.addWidget(self.reported_filter)
        row.addStretch(1)
        rl.addLayout(row)
        self.reporting_table = Table(
            "reportingTable",
            [
                self.tr("Member"),
                self.tr("Reported on"),
                self.tr("Slip"),
                self.tr("Received"),
                self.tr("Posts"),
                self.tr("Community"),
            ],
            right,
        )
        rl.addWidget(self.reporting_table)
        split.addWidget(self.units_table)
        split.addWidget(right)
        split.setSizes([640, 560])
        layout.addWidget(split, 1)

    def _build_posts(self) -> None:
        self.without_post = _label(self, "withoutPostLabel")
        page, layout = self._tab(
            self.tr("Service posts"),
            (
                ("publishPostButton", self.tr("Publish a post…"), self.publish_post),
                ("claimPostButton", self.tr("Claim for a member…"), self.claim_post),
                ("closePostButton", self.tr("Close the post"), self.close_post),
            ),
            right=[self.without_post],
        )
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.posts_table = Table(
            "postsTable",
            [
                self.tr("Post"),
                self.tr("Category"),
                self.tr("Community"),
                self.tr("Grid"),
                self.tr("Places"),
                self.tr("Claimed"),
                self.tr("Open places"),
                self.tr("Published"),
            ],
            split,
        )
        self.posts_table.itemSelectionChanged.connect(self._fill_holders)
        self.holders_table = Table("holdersTable", [self.tr("Holder"), self.tr("Work unit")], split)
        split.setSizes([760, 400])
        layout.addWidget(split, 1)

    def _build_projects(self) -> None:
        page, layout = self._tab(
            self.tr("Needs, resources, projects"),
            (
                ("raiseNeedButton", self.tr("New need…"), self.raise_need),
                ("offerResourceButton", self.tr("New resource…"), self.offer_resource),
                ("startProjectButton", self.tr("Match need and resource…"), self.start_project),
                ("progressButton", self.tr("Progress…"), self.set_progress),
            ),
        )
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.needs_table = Table(
            "needsTable",
            [self.tr("Need"), self.tr("Category"), self.tr("Raised"), self.tr("Projects")],
            split,
        )
        self.resources_table = Table(
            "resourcesTable",
            [self.tr("Resource"), self.tr("Category"), self.tr("Unit"), self.tr("Projects")],
            split,
        )
        layout.addWidget(split, 1)
        layout.addWidget(QLabel(self.tr("Projects (a need met by a resource):"), page))
        self.projects_table = Table(
            "projectsTable",
            [
                self.tr("Project"),
                self.tr("Resource"),
                self.tr("Unit"),
                self.tr("Claimed"),
                self.tr("Status"),
                self.tr("Progress"),
                self.tr("Started"),
                self.tr("Finished"),
            ],
            page,
        )
        layout.addWidget(self.projects_table, 1)

    def _build_services(self) -> None:
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("quarterCombo")
        year, q = today().year, (today().month - 1) // 3 + 1
        for _ in range(8):
            self.quarter.addItem(f"{year}Q{q}", f"{year}Q{q}")
            year, q = (year, q - 1) if q > 1 else (year - 1, 4)
        self.quarter.currentIndexChanged.connect(lambda _=0: self._fill_services())
        page, layout = self._tab(
            self.tr("Services and points"),
            (
                ("recordServiceButton", self.tr("Record a service…"), self.record_service),
                ("pointRulesButton", self.tr("Point rules…"), self.edit_point_rules),
            ),
            left=[
                20,
                QLabel(self.tr("Quarter:"), self),
                self.quarter,
                _button(self, "printQuarterButton", self.tr("Print feedback sheets…"), self.print_quarter),
                _button(self, "exportQuarterButton", self.tr("Service cards to Excel…"), self.export_quarter),
            ],
        )
        self.services_table = Table(
            "servicesTable",
            [
                self.tr("Date"),
                self.tr("Member"),
                self.tr("Work unit"),
                self.tr("Service"),
                self.tr("What"),
                self.tr("Grid"),
                self.tr("Hours"),
                self.tr("Points"),
            ],
            page,
        )
        layout.addWidget(self.services_table, 1)

    def _build_ranking(self) -> None:
        from gridboard.ui.serve.ranking import RankingWidget

        self.ranking = RankingWidget(self.store, self)
        self.tabs.addTab(self.ranking, self.tr("Points ranking"))

    def _build_escalations(self) -> None:
        self.overdue_only = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(lambda _=False: self._fill_escalations())
        page, layout = self._tab(
            self.tr("Escalations"),
            (
                ("escalateButton", self.tr("Escalate a request…"), self.escalate),
                ("answerButton", self.tr("Unit reports and answers…"), self.answer),
                ("resolveEscalationButton", self.tr("Resolved…"), self.resolve),
                ("openRequestButton", self.tr("Open the request"), self.open_request),
            ),
            left=[self.overdue_only],
            right=[
                _button(self, "printEscalationsButton", self.tr("Print the list…"), self.print_escalations),
                _button(self, "exportEscalationsButton", self.tr("To Excel…"), self.export_escalations),
            ],
        )
        self.escalation_counts = QLabel(page)
        self.escalation_counts.setObjectName("escalationCounts")
        layout.addWidget(self.escalation_counts)
        self.escalations_table = Table(
            "escalationsTable",
            [
                self.tr("Request"),
                self.tr("Community"),
                self.tr("Grid"),
                self.tr("Address"),
                self.tr("What was asked"),
                self.tr("Level"),
                self.tr("Unit or department"),
                self.tr("Escalated"),
                self.tr("Answer by"),
                self.tr("Resolve by"),
                self.tr("State"),
            ],
            page,
        )
        layout.addWidget(self.escalations_table, 1)

    def _build_duty(self) -> None:
        self.on_duty = _label(self, "onDutyLabel")
        page, layout = self._tab(
            self.tr("Duty posts and checkpoints"),
            (
                ("newDutyPostButton", self.tr("New post or checkpoint…"), self.new_duty_post),
                ("addShiftButton", self.tr("Schedule a shift…"), self.add_shift),
                ("printRosterButton", self.tr("Print duty roster…"), self.print_roster),
            ),
            right=[self.on_duty],
        )
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.duty_table = Table(
            "dutyPostsTable",
            [
                self.tr("Post"),
                self.tr("Kind"),
                self.tr("Community"),
                self.tr("Grid"),
                self.tr("Location"),
                self.tr("Shifts"),
                self.tr("On duty now"),
            ],
            split,
        )
        self.duty_table.itemSelectionChanged.connect(self._fill_shifts)
        self.shifts_table = Table(
            "shiftsTable",
            [self.tr("From"), self.tr("To"), self.tr("Member"), self.tr("Kind of member"), self.tr("Phone")],
            split,
        )
        layout.addWidget(split, 1)

    def _build_instructions(self) -> None:
        self.overdue_feedback = _label(self, "overdueFeedbackLabel")
        page, layout = self._tab(
            self.tr("Instructions"),
            (
                ("issueInstructionButton", self.tr("Issue an instruction…"), self.issue_instruction),
                ("acknowledgeButton", self.tr("Mark as received"), self.acknowledge),
                ("feedbackButton", self.tr("Record feedback…"), self.record_feedback),
            ),
            right=[self.overdue_feedback],
        )
        split = QSplitter(Qt.Orientation.Horizontal, page)
        self.notices_table = Table(
            "noticesTable",
            [
                self.tr("Instruction"),
                self.tr("Issued"),
                self.tr("Feedback by"),
                self.tr("Targets"),
                self.tr("Acknowledged"),
                self.tr("Answered"),
                self.tr("Overdue"),
            ],
            split,
        )
        self.notices_table.itemSelectionChanged.connect(self._fill_targets)
        self.targets_table = Table(
            "targetsTable",
            [
                self.tr("Sent to"),
                self.tr("Kind"),
                self.tr("Acknowledged"),
                self.tr("Answered"),
                self.tr("Feedback"),
            ],
            split,
        )
        split.setSizes([700, 560])
        layout.addWidget(split, 1)

    # -- filling ----------------------------------------------------------------------------------------

    def community_id(self) -> int | None:
        return self.community.currentData()

    def _changed(self, changes: Changes) -> None:
        if changes.everything or changes.tables & SERVE_TABLES:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.rise_overdue()
            self.refresh()

    def refresh(self) -> None:
        """Fill the tab shown now; the others are filled when they are shown (a city file has many rows)."""
        self._dirty = False
        fillers = (
            self._fill_units,
            self._fill_posts,
            self._fill_projects,
            self._fill_services,
            self.ranking.refresh,
            self._fill_escalations,
            self._fill_duty,
            self._fill_notices,
        )
        self._stale = set(range(len(fillers)))
        self._fill_tab(self.tabs.currentIndex(), fillers)
        totals = units.totals(self.store, community_id=self.community_id())
        self.summary.setText(self.tr("{units} units · {reported} slips").format(**totals))

    def _fill_tab(self, index: int, fillers: Sequence[Callable[[], None]] | None = None) -> None:
        fillers = fillers or (
            self._fill_units,
            self._fill_posts,
            self._fill_projects,
            self._fill_services,
            self.ranking.refresh,
            self._fill_escalations,
            self._fill_duty,
            self._fill_notices,
        )
        if index in self._stale:
            self._stale.discard(index)
            fillers[index]()

    def _fill_units(self) -> None:
        rows = units.units(self.store, community_id=self.community_id())
        self.units_table.fill(
            [
                [
                    u.name,
                    labels.unit_kind(u.kind),
                    u.community_name,
                    f"{u.contract_start or ''} – {u.contract_end or ''}",
                    u.members,
                    u.reported,
                    f"{u.contact_name} {mask_phone(u.contact_phone)}".strip(),
                ]
                for u in rows
            ],
            [u.id for u in rows],
        )
        if self.units_table.currentRow() < 0 and rows:
            self.units_table.selectRow(0)
        self._fill_reporting()

    def _fill_reporting(self) -> None:
        unit_id = self.units_table.current_id()
        lines = (
            []
            if unit_id is None
            else units.reporting_list(
                self.store, unit_id=unit_id, reported=self.reported_filter.currentData()
            )
        )
        self.reporting_table.fill(
            [
                [
                    line.member_name,
                    line.reported_on or self.tr("not yet"),
                    line.slip_no,
                    self.tr("yes") if line.received else ("" if not line.slip_no else self.tr("no")),
                    line.posts,
                    line.community_name,
                ]
                for line in lines
            ],
            [line.member_id for line in lines],
            [not line.reported_on for line in lines],
        )

    def _fill_posts(self) -> None:
        rows = service.posts(self.store, community_id=self.community_id())
        communities = communities_shown(self.store, self.community_id())
        self.posts_table.setColumnHidden(2, not communities)
        self.posts_table.fill(
            [
                [
                    p.title,
                    labels.category(p.category),
                    communities.get(p.grid_id or 0, ""),
                    p.grid_name,
                    p.places,
                    p.claimed,
                    p.open_places,
                    p.published_on,
                ]
                for p in rows
            ],
            [p.id for p in rows],
        )
        missing = service.members_without_post(self.store, community_id=self.community_id())
        self.without_post.setText(
            self.tr("{count} reported members hold no post yet").format(count=len(missing))
            if missing
            else self.tr("Every reported member holds a post")
        )
        self._fill_holders()

    def _fill_holders(self) -> None:
        post_id = self.posts_table.current_id()
        rows = [] if post_id is None else service.post_members(self.store, post_id)
        self.holders_table.fill([[name, unit] for _i, name, unit in rows], [i for i, _n, _u in rows])

    def _fill_projects(self) -> None:
        community = self.community_id()
        needs = service.needs(self.store, community_id=community)
        self.needs_table.fill(
            [[n.title, labels.category(n.category), n.raised_on, n.projects] for n in needs],
            [n.id for n in needs],
        )
        found = service.resources(self.store)
        self.resources_table.fill(
            [[r.title, labels.category(r.category), r.unit_name, r.projects] for r in found],
            [r.id for r in found],
        )
        projects = service.projects(self.store, community_id=community)
        self.projects_table.fill(
            [
                [
                    p.title,
                    p.resource_title,
                    p.unit_name,
                    labels.claimed_by(p.claimed_by),
                    labels.project_status(p.status),
                    f"{p.progress}%",
                    p.started_on,
                    p.finished_on or "",
                ]
                for p in projects
            ],
            [p.id for p in projects],
        )

    def _fill_services(self) -> None:
        start, end = service.quarter_range(self.quarter.currentData())
        rows = service.services(self.store, start=start, end=end, limit=500)
        self.services_table.fill(
            [
                [
                    s.served_on,
                    s.member_name,
                    s.unit_name,
                    labels.service_kind(s.kind),
                    s.what,
                    s.grid_name,
                    float(s.hours),
                    float(s.points),
                ]
                for s in rows
            ],
            [s.id for s in rows],
        )

    def _fill_escalations(self) -> None:
        rows = esc.escalations(
            self.store,
            overdue_only=self.overdue_only.isChecked(),
            community_id=self.community_id(),
            limit=2000,
        )
        self.escalations_table.fill(
            [
                [
                    f"#{e.request_id}",
                    e.community_name,
                    e.grid_name,
                    e.address,
                    e.text,
                    labels.level(e.level),
                    e.target,
                    e.escalated_at[:16],
                    e.answer_due_at[:16],
                    e.resolve_due_at[:16],
                    labels.escalation_state(e.state),
                ]
                for e in rows
            ],
            [e.id for e in rows],
            [e.overdue for e in rows],
        )
        counts = esc.escalation_counts(self.store)
        self.escalation_counts.setText(
            self.tr("Open: community {c} · street {s} · district {d}   Overdue: {o}").format(
                c=counts["open_community"],
                s=counts["open_street"],
                d=counts["open_district"],
                o=sum(v for k, v in counts.items() if k.startswith("overdue")),
            )
        )

    def _fill_duty(self) -> None:
        posts = duty.duty_posts(self.store, community_id=self.community_id())
        communities = communities_shown(self.store, self.community_id())
        self.duty_table.setColumnHidden(2, not communities)
        self.duty_table.fill(
            [
                [
                    p.name,
                    labels.duty_kind(p.kind),
                    communities.get(p.grid_id or 0, ""),
                    p.grid_name,
                    p.location,
                    p.shifts,
                    p.on_duty,
                ]  # fmt: skip
                for p in posts
            ],
            [p.id for p in posts],
        )
        now = duty.on_duty_now(self.store, community_id=self.community_id())
        self.on_duty.setText(self.tr("On duty now: {count}").format(count=len(now)))
        self._fill_shifts()

    def _fill_shifts(self) -> None:
        post_id = self.duty_table.current_id()
        shifts = [] if post_id is None else duty.shifts(self.store, post_id)
        from gridboard.ui import labels as common

        self.shifts_table.fill(
            [
                [
                    s.starts_at[:16],
                    s.ends_at[:16],
                    s.member_name,
                    common.member_kind(s.member_kind),
                    mask_phone(s.phone),
                ]
                for s in shifts
            ],
            [s.id for s in shifts],
            [s.on_duty for s in shifts],
            ON_DUTY,
        )

    def _fill_notices(self) -> None:
        rows = ins.notices(self.store, community_id=self.community_id())
        self.notices_table.fill(
            [
                [
                    n.text,
                    n.issued_at[:16],
                    (n.due_at or "")[:16],
                    n.targets,
                    n.acknowledged,
                    n.answered,
                    n.overdue,
                ]
                for n in rows
            ],
            [n.id for n in rows],
            [n.overdue > 0 for n in rows],
        )
        late = ins.overdue_feedback(self.store)
        self.overdue_feedback.setText(
            self.tr("{count} answers overdue").format(count=len(late)) if late else ""
        )
        self._fill_targets()

    def _fill_targets(self) -> None:
        notice = self.notices_table.current_id()
        rows = [] if notice is None else ins.targets(self.store, notice)
        kinds = {"grid": self.tr("Grid"), "unit": self.tr("Unit"), "branch": self.tr("Party branch")}
        self.targets_table.fill(
            [
                [
                    t.name,
                    kinds[t.kind],
                    (t.acknowledged_at or "")[:16],
                    (t.answered_at or "")[:16],
                    t.feedback,
                ]
                for t in rows
            ],
            [t.id for t in rows],
            [t.overdue for t in rows],
        )

    # -- running actions ------------------------------------------------------------------------------------

    def perform(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a model action as one undo step (ops.run), named after the form it came from; expected
        trouble is shown in plain words and None returned."""
        texts = {
            "link_members_by_work_unit": self.tr("Link members to their units"),
            "receive_report": self.tr("Receive a report"),
            "close_post": self.tr("Close a post"),
            "rise_overdue": self.tr("Escalate overdue requests"),
            "acknowledge": self.tr("Acknowledge an instruction"),
        }
        dialog = self.dialog if self.dialog is not None and self.dialog.isVisible() else None
        text = texts.get(
            getattr(action, "__name__", ""), dialog.windowTitle() if dialog else self.tr("Serve")
        )
        result = ops.run(self.window_, text, action, *args, parent=self, **kwargs)
        if result is ops.FAILED:
            return None
        return True if result is None else result

    def _form(
        self,
        name: str,
        title: str,
        fields: list[Field],
        save: Callable[[dict[str, Any]], bool],
        values: dict[str, Any] | None = None,
    ) -> FormDialog:
        dialog = FormDialog(self, title, fields, values, save=save, name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _communities(self) -> list[tuple[Any, str]]:
        return units.community_choices(self.store)

    def _unit_choices(self, *, none: bool = False) -> list[tuple[Any, str]]:
        choices: list[tuple[Any, str]] = [(None, self.tr("(none)"))] if none else []
        return choices + [(u.id, u.name) for u in units.units(self.store)]

    def _member_choices(self) -> list[tuple[Any, str]]:
        return [
            (i, f"{n}（{w}）" if w else n)
            for i, n, w in units.member_choices(self.store, in_service_only=True)
        ]

    def _unit_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name")),
            Field("kind", self.tr("Kind"), "choice", [(k, labels.unit_kind(k)) for k in units.UNIT_KINDS]),
            Field(
                "community_id",
                self.tr("Paired community"),
                "choice",
                [(None, self.tr("(none)")), *self._communities()],
            ),
            Field("contract_terms", self.tr("Contract terms")),
            Field("contract_start", self.tr("Contract from (YYYY-MM-DD)")),
            Field("contract_end", self.tr("Contract until (YYYY-MM-DD)")),
            Field("contact_name", self.tr("Contact person")),
            Field("contact_phone", self.tr("Contact phone")),
        ]

    def new_unit(self) -> FormDialog:
        def save(v: dict[str, Any]) -> bool:
            return self.perform(units.add_unit, **v) is not None

        return self._form(
            "unitDialog",
            self.tr("New unit"),
            self._unit_fields(),
            save,
            {"community_id": self.community_id(), "contract_start": today().isoformat()},
        )

    def edit_unit(self) -> FormDialog | None:
        unit_id = self.units_table.current_id()
        if unit_id is None:
            return None
        u = units.get_unit(self.store, unit_id)

        def save(v: dict[str, Any]) -> bool:
            return self.perform(units.update_unit, unit_id, **v) is not None

        return self._form(
            "unitDialog",
            self.tr("Edit unit"),
            self._unit_fields(),
            save,
            {
                "name": u.name,
                "kind": u.kind,
                "community_id": u.community_id,
                "contract_terms": u.contract_terms,
                "contract_start": u.contract_start or "",
                "contract_end": u.contract_end or "",
                "contact_name": u.contact_name,
                "contact_phone": u.contact_phone,
            },
        )

    def link_members(self) -> int | None:
        linked = self.perform(units.link_members_by_work_unit, community_id=None)
        if linked is not None:
            self.window_.statusBar().showMessage(
                self.tr("{count} members linked to their units").format(
                    count=0 if linked is True else linked
                ),
                5000,
            )
        return linked

    def report_in(self) -> FormDialog:
        fields = [
            Field("member_id", self.tr("Member"), "choice", self._member_choices()),
            Field("community_id", self.tr("Reports to"), "choice", self._communities()),
            Field("reported_on", self.tr("Date (YYYY-MM-DD)")),
            Field("skills", self.tr("Skills")),
            Field("available_time", self.tr("Time they can give")),
        ]

        def save(v: dict[str, Any]) -> bool:
            report_id = self.perform(units.report_in, **v)
            if report_id is not None:
                self.last_report = report_id
            return report_id is not None

        return self._form(
            "reportInDialog",
            self.tr("Report in"),
            fields,
            save,
            {"community_id": self.community_id(), "reported_on": today().isoformat()},
        )

    def _selected_report(self) -> int | None:
        member_id = self.reporting_table.current_id()
        report = None if member_id is None else units.member_report(self.store, member_id)
        if report is None:
            ask.inform(self, self.tr("Reporting slip"), self.tr("Choose a member who has reported in."))
            return None
        return report.id

    def receive_slip(self) -> bool:
        report_id = self._selected_report()
        return report_id is not None and self.perform(units.receive_report, report_id) is not None

    def print_slip(self, path: str | None = None) -> str | None:
        report_id = self._selected_report()
        if report_id is None:
            return None
        from gridboard.printing.serve_documents import report_slip_document

        return self._render(
            lambda: report_slip_document(self.store, report_id), path, self.tr("reporting slip.pdf")
        )

    def _render(self, build: Callable[[], Any], path: str | None, suggested: str) -> str | None:
        path = path or ask.save_file(self, self.tr("Save as PDF"), PDF_FILTER, suggested)
        if not path:
            return None
        from gridboard.printing.layout import render_pdf

        try:
            render_pdf(build(), path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        self.window_.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return path

    def _export(self, write: Callable[[str], Any], path: str | None, suggested: str) -> str | None:
        path = path or ask.save_file(self, self.tr("Save as Excel"), XLSX_FILTER, suggested)
        if not path:
            return None
        try:
            write(path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        self.window_.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return path

    def publish_post(self) -> FormDialog:
        fields = [
            Field("community_id", self.tr("Community"), "choice", self._communities()),
            Field(
                "category",
                self.tr("Category"),
                "choice",
                [(k, labels.category(k)) for k in service.POST_CATEGORIES],
            ),
            Field("title", self.tr("Post")),
            Field("places", self.tr("People needed"), "int", minimum=1, maximum=999),
            Field("description", self.tr("What it involves")),
        ]

        def save(v: dict[str, Any]) -> bool:
            return self.perform(service.publish_post, **v) is not None

        return self._form(
            "postDialog",
            self.tr("Publish a post"),
            fields,
            save,
            {"community_id": self.community_id(), "places": 2},
        )

    def claim_post(self) -> FormDialog | None:
        post_id = self.posts_table.current_id()
        if post_id is None:
            ask.inform(self, self.tr("Claim a post"), self.tr("Choose a post first."))
            return None
        fields = [Field("member_id", self.tr("Member"), "choice", self._member_choices())]

        def save(v: dict[str, Any]) -> bool:
            return self.perform(service.claim_post, post_id=post_id, member_id=v["member_id"]) is not None

        title = self.tr("Claim {post}").format(post=service.get_post(self.store, post_id).title)
        return self._form("claimDialog", title, fields, save)

    def close_post(self) -> bool:
        post_id = self.posts_table.current_id()
        return post_id is not None and self.perform(service.close_post, post_id) is not None

    def raise_need(self) -> FormDialog:
        fields = [
            Field("community_id", self.tr("Community"), "choice", self._communities()),
            Field(
                "category",
                self.tr("Category"),
                "choice",
                [(k, labels.category(k)) for k in service.POST_CATEGORIES],
            ),
            Field("title", self.tr("Need")),
            Field("description", self.tr("Details")),
        ]
        return self._form(
            "needDialog",
            self.tr("New need"),
            fields,
            lambda v: self.perform(service.raise_need, **v) is not None,
            {"community_id": self.community_id()},
        )

    def offer_resource(self) -> FormDialog:
        fields = [
            Field("unit_id", self.tr("Unit"), "choice", self._unit_choices()),
            Field(
                "category",
                self.tr("Category"),
                "choice",
                [(k, labels.category(k)) for k in service.POST_CATEGORIES],
            ),
            Field("title", self.tr("Resource")),
            Field("description", self.tr("Details")),
        ]
        return self._form(
            "resourceDialog",
            self.tr("New resource"),
            fields,
            lambda v: self.perform(service.offer_resource, **v) is not None,
        )

    def start_project(self) -> FormDialog | None:
        need_id = self.needs_table.current_id()
        if need_id is None:
            ask.inform(self, self.tr("Match need and resource"), self.tr("Choose a need first."))
            return None
        matching = service.matching_resources(self.store, need_id)
        fields = [
            Field(
                "resource_id",
                self.tr("Resource"),
                "choice",
                [(r.id, f"{r.title}（{r.unit_name}）") for r in matching],
            ),
            Field(
                "claimed_by",
                self.tr("Claimed by"),
                "choice",
                [(k, labels.claimed_by(k)) for k in ("community", "unit")],
            ),
        ]
        return self._form(
            "projectDialog",
            self.tr("Match need and resource"),
            fields,
            lambda v: (
                v["resource_id"] is not None
                and self.perform(service.start_project, need_id=need_id, **v) is not None
            ),
        )

    def set_progress(self) -> FormDialog | None:
        project_id = self.projects_table.current_id()
        if project_id is None:
            return None
        fields = [
            Field("progress", self.tr("Progress (%)"), "int", minimum=0, maximum=100),
            Field("notes", self.tr("Notes")),
        ]
        return self._form(
            "progressDialog",
            self.tr("Progress"),
            fields,
            lambda v: self.perform(service.set_project_progress, project_id, **v) is not None,
        )

    def record_service(self) -> FormDialog:
        posts = service.posts(self.store, community_id=self.community_id())
        fields = [
            Field("member_id", self.tr("Member"), "choice", self._member_choices()),
            Field(
                "kind",
                self.tr("Service"),
                "choice",
                [(k, labels.service_kind(k)) for k in service.SERVICE_KINDS],
            ),
            Field(
                "post_id",
                self.tr("Post"),
                "choice",
                [(None, self.tr("(none)")), *[(p.id, p.title) for p in posts]],
            ),
            Field("served_on", self.tr("Date (YYYY-MM-DD)")),
            Field("hours", self.tr("Hours")),
            Field("note", self.tr("Note")),
        ]

        def save(v: dict[str, Any]) -> bool:
            v["hours"] = _float(v["hours"])
            return self.perform(service.record_service, **v) is not None

        return self._form(
            "serviceDialog",
            self.tr("Record a service"),
            fields,
            save,
            {"served_on": today().isoformat(), "hours": "2", "kind": "post_shift"},
        )

    def edit_point_rules(self) -> FormDialog:
        rules = service.point_rules(self.store)
        fields, values = [], {}
        for kind in service.SERVICE_KINDS:
            fields.append(
                Field(
                    f"{kind}.each",
                    self.tr("{service}: points each").format(service=labels.service_kind(kind)),
                )
            )
            fields.append(
                Field(
                    f"{kind}.hour",
                    self.tr("{service}: points per hour").format(service=labels.service_kind(kind)),
                )
            )
            values[f"{kind}.each"] = f"{rules[kind].points_each:g}"
            values[f"{kind}.hour"] = f"{rules[kind].points_per_hour:g}"

        def save(v: dict[str, Any]) -> bool:
            for kind in service.SERVICE_KINDS:
                each, hour = _float(v[f"{kind}.each"]), _float(v[f"{kind}.hour"])
                if (each, hour) != (rules[kind].points_each, rules[kind].points_per_hour) and self.perform(
                    service.set_point_rule, kind=kind, points_each=each, points_per_hour=hour
                ) is None:
                    return False
            return True

        return self._form("pointRulesDialog", self.tr("Point rules"), fields, save, values)

    def print_quarter(self, path: str | None = None) -> str | None:
        from gridboard.printing.serve_documents import quarter_document

        quarter = self.quarter.currentData()
        unit_id = self.units_table.current_id() if self.tabs.currentIndex() == 0 else None
        return self._render(
            lambda: quarter_document(self.store, quarter, None if unit_id is None else [unit_id]),
            path,
            self.tr("feedback sheets {quarter}.pdf").format(quarter=quarter),
        )

    def export_quarter(self, path: str | None = None) -> str | None:
        quarter = self.quarter.currentData()
        from gridboard.models import serve_export  # openpyxl: only when exporting

        return self._export(
            lambda p: serve_export.export_service_cards(self.store, quarter, p),
            path,
            self.tr("service cards {quarter}.xlsx").format(quarter=quarter),
        )

    def escalate(self, request_id: int | None = None) -> FormDialog:
        requests = esc.open_requests(self.store)
        fields = [
            Field("request_id", self.tr("Request"), "choice", requests),
            Field("unit_id", self.tr("To a unit"), "choice", self._unit_choices(none=True)),
            Field("department", self.tr("or to a department")),
            Field("reason", self.tr("Why the community cannot solve it")),
        ]

        def save(v: dict[str, Any]) -> bool:
            request = v.pop("request_id")
            return request is not None and self.perform(esc.escalate_request, request, **v) is not None

        return self._form(
            "escalateDialog",
            self.tr("Escalate a request (community whistle)"),
            fields,
            save,
            {"request_id": request_id},
        )

    def answer(self) -> FormDialog | None:
        escalation_id = self.escalations_table.current_id()
        if escalation_id is None:
            return None
        return self._form(
            "answerDialog",
            self.tr("The unit reports and answers"),
            [Field("answer", self.tr("Answer"))],
            lambda v: self.perform(esc.answer_escalation, escalation_id, **v) is not None,
        )

    def resolve(self) -> FormDialog | None:
        escalation_id = self.escalations_table.current_id()
        if escalation_id is None:
            return None
        fields = [
            Field("resolution", self.tr("What was done")),
            Field(
                "member_id",
                self.tr("Done by"),
                "choice",
                [(None, self.tr("(not named)")), *self._member_choices()],
            ),
            Field("hours", self.tr("Hours")),
        ]

        def save(v: dict[str, Any]) -> bool:
            v["hours"] = _float(v["hours"])
            return self.perform(esc.resolve_escalation, escalation_id, **v) is not None

        return self._form("resolveDialog", self.tr("Resolved"), fields, save, {"hours": "1"})

    def open_request(self) -> bool:
        escalation_id = self.escalations_table.current_id()
        if escalation_id is None:
            return False
        return self.window_.navigate("request", esc.get_escalation(self.store, escalation_id).request_id)

    def rise_overdue(self) -> list[int]:
        if self.store.read_only:
            return []
        risen = self.perform(esc.rise_overdue)
        return risen if isinstance(risen, list) else []

    def print_escalations(self, path: str | None = None) -> str | None:
        from gridboard.printing.serve_documents import escalations_document

        overdue = self.overdue_only.isChecked()
        return self._render(
            lambda: escalations_document(self.store, overdue_only=overdue),
            path,
            self.tr("escalated requests.pdf"),
        )

    def export_escalations(self, path: str | None = None) -> str | None:
        overdue = self.overdue_only.isChecked()
        from gridboard.models import serve_export  # openpyxl: only when exporting

        return self._export(
            lambda p: serve_export.export_escalations(self.store, p, overdue_only=overdue),
            path,
            self.tr("escalated requests.xlsx"),
        )

    def new_duty_post(self) -> FormDialog:
        from gridboard.models import ledger

        community = self.community_id() or ledger.first_community_id(self.store)
        grids = [(None, self.tr("(whole community)"))] + [
            (g, n) for g, n in duty.grid_choices(self.store, community)
        ]
        fields = [
            Field("kind", self.tr("Kind"), "choice", [(k, labels.duty_kind(k)) for k in duty.DUTY_KINDS]),
            Field("name", self.tr("Name")),
            Field("grid_id", self.tr("Grid"), "choice", grids),
            Field("location", self.tr("Location")),
        ]
        return self._form(
            "dutyPostDialog",
            self.tr("New post or checkpoint"),
            fields,
            lambda v: self.perform(duty.add_duty_post, community_id=community, **v) is not None,
            {"kind": "checkpoint"},
        )

    def add_shift(self) -> FormDialog | None:
        post_id = self.duty_table.current_id()
        if post_id is None:
            ask.inform(self, self.tr("Schedule a shift"), self.tr("Choose a post or checkpoint first."))
            return None
        start = f"{date.today().isoformat()} 08:00"
        fields = [
            Field(
                "member_id",
                self.tr("Member"),
                "choice",
                [(i, n) for i, n, _k in duty.shift_candidates(self.store)],
            ),
            Field("starts_at", self.tr("From (YYYY-MM-DD HH:MM)")),
            Field("hours", self.tr("Hours"), "int", minimum=1, maximum=24),
        ]
        return self._form(
            "shiftDialog",
            self.tr("Schedule a shift"),
            fields,
            lambda v: self.perform(duty.add_shift, post_id=post_id, **v) is not None,
            {"starts_at": start, "hours": 8},
        )

    def print_roster(self, path: str | None = None) -> str | None:
        from gridboard.printing.serve_documents import duty_roster_document

        post_id = self.duty_table.current_id()
        return self._render(
            lambda: duty_roster_document(self.store, None if post_id is None else [post_id]),
            path,
            self.tr("duty roster.pdf"),
        )

    def issue_instruction(self) -> FormDialog:
        from gridboard.models import ledger

        community = self.community_id() or ledger.first_community_id(self.store)
        fields = [
            Field("text", self.tr("Instruction")),
            Field("grid_ids", self.tr("To grids"), "tags", duty.grid_choices(self.store, community)),
            Field("unit_ids", self.tr("To units"), "tags", [(u.id, u.name) for u in units.units(self.store)]),
            Field(
                "branches",
                self.tr("To Party branches"),
                "tags",
                [(b, b) for b in ins.branch_choices(self.store)],
            ),
            Field("answer_within_hours", self.tr("Answer within (hours)"), "int", minimum=1, maximum=2160),
        ]
        return self._form(
            "instructionDialog",
            self.tr("Issue an instruction"),
            fields,
            lambda v: self.perform(ins.issue, community_id=community, **v) is not None,
            {"answer_within_hours": 24},
        )

    def acknowledge(self) -> bool:
        target = self.targets_table.current_id()
        return target is not None and self.perform(ins.acknowledge, target) is not None

    def record_feedback(self) -> FormDialog | None:
        target = self.targets_table.current_id()
        if target is None:
            ask.inform(self, self.tr("Record feedback"), self.tr("Choose who is reporting back first."))
            return None
        return self._form(
            "feedbackDialog",
            self.tr("Record feedback"),
            [Field("feedback", self.tr("Feedback"))],
            lambda v: self.perform(ins.answer, target, **v) is not None,
        )
