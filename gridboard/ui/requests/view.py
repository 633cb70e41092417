"""The requests view: filters, the secretary's list (overdue on top, in red), a detail pane with the
timeline of steps, and the step actions with their keyboard shortcuts (bulk dispatch included)."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import lists, supplies
from gridboard.models import requests as rq
from gridboard.models.changes import Changes
from gridboard.models.clock import now_iso
from gridboard.models.vocab import (
    OPEN_REQUEST_STATUSES,
    REQUEST_CATEGORIES,
    REQUEST_SOURCES,
    REQUEST_STATUSES,
)
from gridboard.ui import ask, labels, ops
from gridboard.ui.reader import WARM_AFTER_MS, ReadWorker
from gridboard.ui.requests.dialogs import DispatchDialog, FollowUpDialog, ResolveDialog, StepDialog
from gridboard.ui.requests.table_model import COLUMNS, ID_ROLE, RequestTableModel
from gridboard.ui.tables import use_choices

# The filters' choices are read this long after the list is on screen.
CHOICES_AFTER_MS = 120

# Ages offered in the filter: (key, older_than_days, newer_than_days).
AGES = (("any", None, None), ("today", None, 1), ("week", None, 7), ("older3", 3, None),
        ("older7", 7, None), ("older30", 30, None))  # fmt: skip


class RequestsView(QWidget):
    """Everything the office does with requests, on one page."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsView")
        self.window_ = window
        self.store = window.store
        self.notifier = window.notifier
        self.dialog: QDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_filters())

        self.summary = QLabel(self)
        self.summary.setObjectName("requestsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("requestsSplitter")
        self.model = RequestTableModel(self.store, self)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("requestsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # At 1366 pixels the request's text keeps some room (about seven characters) beside a
        # community column too: the short columns are as wide as their Chinese texts, no wider.
        widths = {"number": 46, "status": 122, "category": 72, "urgency": 40, "address": 128, "community": 72,
                  "grid": 70, "text": 160, "source": 50, "assignee": 80, "collected": 80, "due": 118,
                  "age": 54}  # fmt: skip
        for column, name in enumerate(COLUMNS):
            header.resizeSection(column, widths[name])
        # Only a file of several communities shows which community a request's grid is in.
        self.table.setColumnHidden(COLUMNS.index("community"), True)
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.show_household())

        detail = QWidget(self.splitter)
        detail.setMinimumWidth(280)
        detail.setMaximumWidth(420)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(6, 0, 0, 0)
        self.detail = QTextBrowser(detail)
        self.detail.setObjectName("requestDetail")
        self.detail.setOpenLinks(False)
        detail_layout.addWidget(self.detail, 1)
        self.step_buttons = QWidget(detail)
        # Two rows of three, so the pane can stay narrow.
        buttons = QGridLayout(self.step_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.step_buttons)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # The detail pane starts near its narrowest: at 1366 pixels the list needs the room.
        self.splitter.setSizes([1100, 290])
        layout.addWidget(self.splitter, 1)

        # Step actions: shortcuts work while the requests view has focus; they also sit in the menu.
        self.actions_: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("dispatch", self.tr("&Dispatch…"), "Ctrl+D", self.dispatch_selected),
            ("start", self.tr("&Start work"), "Ctrl+G", self.start_selected),
            ("resolve", self.tr("&Resolve…"), "Ctrl+E", self.resolve_selected),
            ("follow_up", self.tr("&Follow up…"), "Ctrl+K", self.follow_up_selected),
            ("withdraw", self.tr("&Withdraw…"), None, self.withdraw_selected),
        ):
            action = QAction(text, self)
            action.setObjectName(f"actionRequest_{key}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
            self.actions_[key] = action
            button = QPushButton(text.replace("&", ""), self.step_buttons)
            button.setObjectName(f"requestButton_{key}")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            position = len(self.actions_) - 1
            buttons.addWidget(button, position // 3, position % 3)
        self.household_button = QPushButton(self.tr("Household"), self.step_buttons)
        self.household_button.setObjectName("requestButton_household")
        self.household_button.clicked.connect(lambda _=False: self.show_household())
        buttons.addWidget(self.household_button, 1, 2)

        self.notifier.changed.connect(self._on_changed)
        # The overdue marks move with the clock: look again every few minutes.
        self.clock = QTimer(self)
        self.clock.setInterval(5 * 60 * 1000)
        # A window kept alive after its file closed (its last minutes, a test's leftovers) stays quiet.
        self.clock.timeout.connect(lambda: None if self.store.closed else self._refresh())
        self.clock.start()
        # The grids and assignees to filter by are read when first shown too.
        self._choices_stale = True
        # The list is read when first shown (a city file need not pay for it at start-up), and
        # changes made while it is hidden are caught up on when it is shown again.
        self.model.filter = self.current_filter()
        self._stale = True
        # Reading the list and the filters' choices runs off the GUI thread (a city's list and its
        # twenty thousand assignees took the window for half a second); `_stale` stays set until
        # the reading is on screen.
        self.reader = ReadWorker(self.store, self, name="requests")
        self.reader.finished.connect(self._read)
        self.reader.failed.connect(self._read_failed)
        window.closed.connect(self.reader.shutdown)
        # Its connection is opened once the window is up, so the first showing does not wait for it.
        QTimer.singleShot(WARM_AFTER_MS, self, self.reader.warm)
        self._pending: int | None = None
        self._to_select: int | None = None  # a request to select once the list is read
        self._select_under = self.model.filter  # the filters it was asked under
        self._widened = False  # the filters were cleared to find it

    # -- filters -----------------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("filterStatus")
        self.status_filter.addItem(self.tr("Not closed (open or awaiting follow-up)"), "unclosed")
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("All statuses"), "all")
        for code in REQUEST_STATUSES:
            self.status_filter.addItem(labels.request_status(code), code)
        self.status_filter.addItem(self.tr("Withdrawn"), "withdrawn")
        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("filterCategory")
        self.category_filter.addItem(self.tr("All categories"), None)
        for code in REQUEST_CATEGORIES:
            self.category_filter.addItem(labels.request_category(code), code)
        self.grid_filter = QComboBox(self)
        self.grid_filter.setObjectName("filterGrid")
        self.assignee_filter = QComboBox(self)
        self.assignee_filter.setObjectName("filterAssignee")
        self.source_filter = QComboBox(self)
        self.source_filter.setObjectName("filterSource")
        self.source_filter.addItem(self.tr("All sources"), None)
        for code in REQUEST_SOURCES:
            self.source_filter.addItem(labels.request_source(code), code)
        self.age_filter = QComboBox(self)
        self.age_filter.setObjectName("filterAge")
        age_texts = {
            "any": self.tr("Any age"),
            "today": self.tr("Received today"),
            "week": self.tr("Received this week"),
            "older3": self.tr("Older than 3 days"),
            "older7": self.tr("Older than 7 days"),
            "older30": self.tr("Older than 30 days"),
        }
        for key, _older, _newer in AGES:
            self.age_filter.addItem(age_texts[key], key)
        self.overdue_filter = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_filter.setObjectName("filterOverdue")
        self.search = QLineEdit(self)
        self.search.setObjectName("filterSearch")
        self.search.setPlaceholderText(self.tr("Search text or ticket"))
        self.search.setClearButtonEnabled(True)
        self.today_button = QPushButton(self.tr("Today's list…"), self)
        self.today_button.setObjectName("todaysListButton")
        self._filter_combos = (self.status_filter, self.category_filter, self.grid_filter, self.assignee_filter,
                               self.source_filter, self.age_filter)  # fmt: skip
        for widget in self._filter_combos:
            widget.currentIndexChanged.connect(lambda _=0: self.apply_filters())
            # Wide enough for what is chosen (at 1366 pixels too); long grid or member names are cut
            # at 12 characters rather than pushing the row off the screen.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            widget.setMaximumWidth(widget.fontMetrics().horizontalAdvance("汉") * 12 + 40)
            row.addWidget(widget)
        # A city's grids and assignees: set in one call each, never measured item by item.
        self.grid_choices = use_choices(self.grid_filter)
        self.assignee_choices = use_choices(self.assignee_filter)
        self.overdue_filter.toggled.connect(lambda _=False: self.apply_filters())
        # Search filters as you type, once typing pauses.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.returnPressed.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("汉") * 8)
        row.addWidget(self.overdue_filter)
        row.addWidget(self.search, 1)
        row.addWidget(self.today_button)
        return row

    def _fill_filter_choices(self, choices: lists.RequestChoices | None = None) -> None:
        """Grids and assignees come from the file; keep what was chosen."""
        if choices is None:
            choices = lists.request_choices(self.store)
        self._choices_stale = False
        for combo in (self.grid_filter, self.assignee_filter):
            combo.blockSignals(True)
        grid, assignee = self.grid_filter.currentData(), self.assignee_filter.currentData()
        self.grid_choices.set_items([(self.tr("All grids"), None), *choices.grids])
        self.assignee_choices.set_items([(self.tr("Anyone"), None), *choices.assignees])
        for combo, value in ((self.grid_filter, grid), (self.assignee_filter, assignee)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_filter(self) -> rq.RequestFilter:
        status = self.status_filter.currentData()
        statuses: tuple[str, ...] = ()
        withdrawn = False
        if status == "unclosed":
            statuses = (*OPEN_REQUEST_STATUSES, "resolved")
        elif status == "open":
            statuses = OPEN_REQUEST_STATUSES
        elif status == "withdrawn":
            withdrawn = True
        elif status != "all":
            statuses = (status,)
        category = self.category_filter.currentData()
        assignee = self.assignee_filter.currentData()
        _key, older, newer = AGES[max(self.age_filter.currentIndex(), 0)]
        f = rq.RequestFilter(
            statuses=statuses,
            categories=(category,) if category else (),
            grid_id=self.grid_filter.currentData(),
            member_id=assignee[1] if assignee and assignee[0] == "member" else None,
            department=assignee[1] if assignee and assignee[0] == "department" else None,
            source=self.source_filter.currentData(),
            older_than_days=older,
            newer_than_days=newer,
            overdue_only=self.overdue_filter.isChecked(),
            search=self.search.text(),
            withdrawn_only=withdrawn,
        )
        return f

    def apply_filters(self) -> None:
        """A filter changed: the list is read again off the GUI thread (on a city file "all statuses"
        is a hundred thousand requests); what is on screen stays until the reading comes."""
        self._search_timer.stop()
        self._stale = True
        self._read_in_background()

    # -- reading off the GUI thread ------------------------------------------------------------------

    def _read_in_background(self) -> None:
        """Read the list (when stale) and the filters' choices (when stale) off the GUI thread; what is
        on screen stays until the reading comes (`_read`)."""
        with_list = self._stale or self._pending is not None
        # The list first, then the choices (a city's assignees) in a reading of their own (`_read`):
        # the rows on screen do not wait for the filters' items.
        f, now, choices = self.current_filter(), now_iso(), self._choices_stale and not with_list
        self.model.filter = f
        seq = self.reader.seq + 1  # noted first: a file in memory is read at once
        self._pending = seq if with_list else None
        self.reader.request(
            lambda store: lists.request_list(store, f, now, choices=choices, with_list=with_list)
        )

    @property
    def up_to_date(self) -> bool:
        return not self._stale and not self._choices_stale and self._pending is None

    def _read(self, seq: int, found: lists.RequestList) -> None:
        if seq != self.reader.seq or self.store.closed:
            return
        if found.choices is not None and self._choices_stale:
            self._fill_filter_choices(found.choices)
        if found.ids is None or seq != self._pending:
            return  # no list in it, or the list was read in the GUI thread meanwhile
        self._pending = None
        self._stale = False
        self._keeping_selection(lambda: self.model.set_ids(found.ids, found.now, found.communities))
        self._after_reload(found.overdue_shown, found.overdue_all)
        self._select_when_read()
        if self._choices_stale:
            # The filters' choices once the rows are painted: read beside the painting, a city's
            # assignees would slow it.
            QTimer.singleShot(CHOICES_AFTER_MS, self, self._read_choices_if_stale)

    def _read_choices_if_stale(self) -> None:
        if self._choices_stale and self._pending is None and not self.store.closed:
            self._read_in_background()

    def _read_failed(self, seq: int, error: Exception) -> None:
        if seq != self.reader.seq:
            return
        self._pending = None
        self._to_select = None
        raise error

    # -- selection and detail -----------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.data(index, ID_ROLE)
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_request(self, request_id: int) -> bool:
        """Select the request: at once if the list is read and holds it; else once the list is read,
        with every filter cleared if it is not in this one. Both readings are off the GUI thread (a
        city's "all statuses" is a hundred thousand requests). True: selected now."""
        self._to_select, self._widened = request_id, False
        self._select_under = self.current_filter()
        if self._stale or self._pending is not None:
            if self._pending is None:
                self._read_in_background()
        else:
            self._select_when_read()
        return self.current_id() == request_id

    def _select_when_read(self) -> None:
        """The list is read: select the request asked for, or widen the filters once to find it."""
        request_id = self._to_select
        if request_id is None:
            return
        if self.model.filter != self._select_under:
            self._to_select = None  # the filters were changed meanwhile: the user has moved on
            return
        row = self.model.row_of(request_id)
        if row >= 0:
            self._to_select = None
            self.select_rows([row])
        elif self._widened:
            self._to_select = None  # not in the whole list either: nothing to select
        else:
            self._widened = True
            self._show_everything()
            self._select_under = self.current_filter()

    def _show_everything(self) -> None:
        """Every filter cleared, and the list read again once (not once per filter)."""
        combos = self._filter_combos
        for widget in (*combos, self.overdue_filter):
            widget.blockSignals(True)
        try:
            self.status_filter.setCurrentIndex(self.status_filter.findData("all"))
            for combo in combos[1:]:
                combo.setCurrentIndex(0)
            self.overdue_filter.setChecked(False)
        finally:
            for widget in (*combos, self.overdue_filter):
                widget.blockSignals(False)
        self.search.clear()  # with its signals: its clear button follows (its timer is stopped below)
        self.apply_filters()

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            selection.setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(rows[0], 0))

    def _selection_changed(self) -> None:
        self._update_actions()
        self._show_detail(self.current_id())

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        rows = [self.model.row_at(self.model.row_of(i)) for i in ids]
        rows = [r for r in rows if r is not None]
        single = len(rows) == 1
        self.actions_["dispatch"].setEnabled(bool(rows) and all(rq.can(r, "dispatch") for r in rows))
        for key in ("start", "resolve", "follow_up", "withdraw"):
            self.actions_[key].setEnabled(single and rq.can(rows[0], key))
        self.household_button.setEnabled(single)

    def _show_detail(self, request_id: int | None) -> None:
        if request_id is None:
            self.detail.setHtml(
                "<p style='color:#6b6b6b'>"
                + html.escape(
                    self.tr("Select a request to see its timeline. Select several to dispatch them together.")
                )
                + "</p>"
            )
            return
        self.detail.setHtml(self.detail_html(request_id))

    def detail_html(self, request_id: int) -> str:
        row = rq.get_request(self.store, request_id)
        e = html.escape
        status = self.model.status_text(row)
        colour = "#b3261e" if row.overdue else "#1f1f1f"
        title = self.tr("Request {number}").format(number=row.id)
        items_title, timeline_title = self.tr("Items"), self.tr("Timeline")
        parts = [
            (f"<h3 style='margin:0'>{e(title)} · {e(labels.request_category(row.category))}</h3>"),
            (
                f"<p style='color:{colour}; font-weight:bold; margin:2px 0'>{e(status)} · "
                f"{e(labels.request_urgency(row.urgency))}</p>"
            ),
            f"<p style='margin:2px 0'>{e(row.address)} {e(row.head_name)} · {e(row.grid_name)}</p>",
            f"<p style='margin:6px 0; font-size:larger'>{e(row.text or '—')}</p>",
        ]
        facts = [
            (
                self.tr("Source"),
                labels.request_source(row.source) + (f" {row.hotline_ticket}" if row.hotline_ticket else ""),
            ),
            (self.tr("Assigned to"), row.assignee or "—"),
            (self.tr("Due"), (row.due_at or "—")[:16]),
        ]
        if row.resolution:
            facts.append((self.tr("Resolution"), row.resolution))
        if row.rating:
            facts.append((self.tr("Rating"), labels.rating(row.rating)))
        parts.append(
            "<table cellspacing=0 cellpadding=2>"
            + "".join(f"<tr><td style='color:#6b6b6b'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in facts)
            + "</table>"
        )
        items = supplies.request_items(self.store, request_id)
        if items:
            parts.append(
                f"<h4 style='margin:8px 0 2px 0'>{e(items_title)}</h4><table cellspacing=0 cellpadding=2>"
            )
            parts.append(
                "<tr>"
                + "".join(f"<th align=left>{e(h)}</th>" for h in (self.tr("Item"), self.tr("Needed"),
                                                                  self.tr("Delivered"), self.tr("Outstanding")))
                + "</tr>"
            )  # fmt: skip
            for item in items:
                parts.append(
                    f"<tr><td>{e(item.item)}</td><td>{item.quantity:g} {e(item.unit)}</td>"
                    f"<td>{item.delivered:g}</td><td>{item.outstanding:g}</td></tr>"
                )
            parts.append("</table>")
        parts.append(f"<h4 style='margin:8px 0 2px 0'>{e(timeline_title)}</h4>")
        parts.append("<table cellspacing=0 cellpadding=2>")
        for step in rq.request_steps(self.store, request_id):
            by = self.tr("by {operator}").format(operator=step.operator)
            parts.append(
                f"<tr><td style='color:#6b6b6b' valign=top>{e(step.at[:16])}</td>"
                f"<td valign=top><b>{e(self.step_label(step.step))}</b> {e(self.step_detail(step))}"
                f"<br><span style='color:#6b6b6b'>{e(by)}"
                "</span></td></tr>"
            )
        parts.append("</table>")
        return "".join(parts)

    def step_label(self, step: str) -> str:
        return {
            "collected": self.tr("Collected"),
            "dispatched": self.tr("Dispatched"),
            "in_progress": self.tr("Work started"),
            "resolved": self.tr("Resolved"),
            "followed_up": self.tr("Followed up"),
            "reopened": self.tr("Reopened"),
            "withdrawn": self.tr("Withdrawn"),
            "escalated": self.tr("Escalated"),
            "answered": self.tr("Answered by the unit"),
        }.get(step, step)

    def step_detail(self, step: rq.Step) -> str:
        bits = []
        if step.step in ("dispatched", "escalated") and (step.member_name or step.department):
            bits.append(self.tr("to {who}").format(who=step.member_name or step.department))
        if step.due_at and step.step in ("collected", "dispatched", "reopened", "escalated"):
            bits.append(self.tr("due {when}").format(when=step.due_at[:16]))
        if step.rating:
            bits.append(labels.rating(step.rating))
        if step.note:
            bits.append(step.note)
        return " · ".join(bits)

    # -- actions ------------------------------------------------------------------------------------------

    def _open(self, dialog: StepDialog) -> StepDialog:
        """Window-modal and not blocking (tests and keyboard users carry on in it)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.table.setFocus()

    def dispatch_selected(self) -> StepDialog | None:
        ids = self.selected_ids()
        if not ids or not self.actions_["dispatch"].isEnabled():
            return None
        return self._open(DispatchDialog(self.notifier, ids, self))

    def start_selected(self) -> bool:
        request_id = self.current_id()
        if request_id is None or not self.actions_["start"].isEnabled():
            return False
        return (
            ops.run(self.window_, self.tr("Start work"), rq.start_request, request_id, parent=self)
            is not ops.FAILED
        )

    def resolve_selected(self) -> StepDialog | None:
        request_id = self.current_id()
        if request_id is None or not self.actions_["resolve"].isEnabled():
            return None
        return self._open(ResolveDialog(self.notifier, request_id, self))

    def follow_up_selected(self) -> StepDialog | None:
        request_id = self.current_id()
        if request_id is None or not self.actions_["follow_up"].isEnabled():
            return None
        return self._open(FollowUpDialog(self.notifier, request_id, self))

    def withdraw_selected(self) -> bool:
        request_id = self.current_id()
        if request_id is None or not self.actions_["withdraw"].isEnabled():
            return False
        reason = ask.text(
            self,
            self.tr("Withdraw a request"),
            self.tr("Why is this request withdrawn? (It stays in the file and the audit log.)"),
            self.tr("Entered by mistake"),
        )
        if reason is None:
            return False
        return (
            ops.run(
                self.window_,
                self.tr("Withdraw a request"),
                rq.withdraw_request,
                request_id,
                parent=self,
                reason=reason,
            )
            is not ops.FAILED
        )

    def show_household(self) -> None:
        request_id = self.current_id()
        if request_id is not None:
            household = rq.request_household(self.store, request_id)
            self.window_.navigate("household", household)

    # -- refreshing ----------------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        choices = changes.everything or bool({"grid", "member"} & changes.tables)
        if choices:
            self._choices_stale = True
        if changes.everything or {"request", "request_item", "supply_delivery", "household", "building",
                                  "grid", "member"} & changes.tables:  # fmt: skip
            self._refresh()
        if choices and self.isVisible():
            self._read_in_background()  # the choices (a city's assignees) off the GUI thread

    def _refresh(self) -> None:
        """After a change: the rows on screen are fetched again at once (the step buttons go by
        them), which requests match and their order off the GUI thread; a hidden list is read when it
        is next shown."""
        if self.isVisible():
            self.model.refetch_rows()
            self._update_actions()
            self._show_detail(self.current_id())
            self._stale = True
            self._read_in_background()
        else:
            self._stale = True

    def _keeping_selection(self, reload: Any) -> None:
        selected = self.selected_ids()
        current = self.current_id()
        reload()
        rows = [r for r in (self.model.row_of(i) for i in selected) if r >= 0]
        if current is not None and self.model.row_of(current) >= 0:
            first = self.model.row_of(current)
            rows = [first] + [r for r in rows if r != first]
        self.select_rows(rows)

    def _after_reload(self, overdue: int | None = None, everywhere: int | None = None) -> None:
        total = len(self.model.ids)
        self.table.setColumnHidden(COLUMNS.index("community"), not self.model.communities)
        # Overdue among what is shown (the filter's own count), then the whole file's if it differs.
        if overdue is None or everywhere is None:
            shown = replace(self.model.filter, overdue_only=True)
            overdue = rq.count_requests(self.store, shown, now=self.model.now)
            everywhere = rq.count_requests(
                self.store, rq.RequestFilter(overdue_only=True), now=self.model.now
            )
        text = html.escape(self.tr("{count} requests shown").format(count=total))
        if overdue:
            text += (
                " · <b style='color:#b3261e'>"
                + html.escape(self.tr("{count} of them overdue").format(count=overdue))
                + "</b>"
            )
        if everywhere != overdue:
            text += " · " + html.escape(self.tr("{count} overdue in all").format(count=everywhere))
        self.summary.setText(text)
        self._update_actions()
        self._show_detail(self.current_id())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if (self._stale or self._choices_stale) and self._pending is None:
            self._stale = True
            self._read_in_background()
