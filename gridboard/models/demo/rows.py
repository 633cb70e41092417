"""The demo's rows: columns per table, and the builder that gives each row its id, uid and stamps."""

from __future__ import annotations

import functools
import random
from datetime import date, timedelta
from typing import Any

from gridboard.models.clock import seeded_uid
from gridboard.models.demo.plan import BASE_DAYS, HISTORY_DAYS, SETUP_DAYS
from gridboard.models.search import initials

# fmt: off
# Columns written for each table, in insert order (parents before children).
COLUMNS: dict[str, tuple[str, ...]] = {
    "community": ("name", "hotline", "address"),
    "grid": ("community_id", "name", "sort_order"),
    "building": ("grid_id", "name", "number", "kind", "units", "floors", "rooms_per_floor", "unit_layout"),
    "household": (
        "building_id", "unit", "floor", "room", "head_name", "phone", "people", "occupancy", "notes",
        "priority_tier", "last_visit_at", "last_outcome", "last_reached_at",
    ),
    "resident": (
        "household_id", "name", "gender", "birth_year", "phone", "id_number", "moved_out_at", "name_initials",
    ),
    "resident_tag": ("resident_id", "tag_id"),
    "member": (
        "community_id", "name", "phone", "kind", "branch", "work_unit", "home_household_id", "active",
        "name_initials",
    ),
    "grid_role": ("grid_id", "member_id", "role", "building_id", "unit", "started_on", "ended_on"),
    "pairing": ("member_id", "household_id", "mode", "started_on", "ended_on", "reason", "end_reason"),
    "scope": (
        "member_id", "building_id", "unit", "floor", "started_on", "ended_on", "reason", "end_reason",
    ),
    "visit": ("household_id", "visited_at", "method", "outcome", "note", "source", "sheet_no"),
    "visit_member": ("visit_id", "member_id"),
    "printed_sheet": (
        "sheet_no", "kind", "member_id", "building_id", "grid_id", "period", "floor_order", "printed_at",
        "operator",
    ),
    "printed_sheet_row": ("sheet_id", "position", "household_id", "visit_id"),
    "request": (
        "household_id", "visit_id", "category", "text", "urgency", "source", "hotline_ticket", "status",
        "assignee_member_id", "assignee_department", "due_at", "resolution", "rating", "collected_at",
        "dispatched_at", "started_at", "resolved_at", "followed_up_at", "reopened_at", "reopen_count",
    ),
    "request_step": (
        "request_id", "step", "at", "operator", "note", "member_id", "department", "due_at", "rating",
    ),
    "request_item": ("request_id", "item", "quantity", "unit"),
    "emergency": (
        "community_id", "name", "kind", "started_at", "ended_at", "declared_by", "cycle_priority_days",
        "cycle_other_days",
    ),
    "supply_delivery": (
        "emergency_id", "grid_id", "item", "quantity", "unit", "request_item_id", "household_id",
        "delivered_at", "delivered_by", "note",
    ),
    "setting": ("key", "value"),
    "audit_log": ("at", "operator", "action", "table_name", "row_uid", "old", "new"),
}
# fmt: on
TABLES = tuple(COLUMNS)
INSERT_SQL = {
    t: f"INSERT INTO {t} (id, uid, created_at, updated_at, {', '.join(cols)})"
    f" VALUES ({', '.join('?' * (len(cols) + 4))})"
    for t, cols in COLUMNS.items()
}
Batch = dict[str, list[tuple[Any, ...]]]


class Rows:
    """Builds the rows of every table (ids, uids, stamps) without touching a database."""

    def __init__(self, seed: int, today: date, tag_ids: dict[str, int], first_ids: dict[str, int]) -> None:
        self.seed = seed
        self.today = today
        self.tag_ids = tag_ids
        base = today - timedelta(days=BASE_DAYS)
        self.now = BASE_DAYS * 1440 + 17 * 60 + 30  # generated "now": 17:30 today
        self.start = (BASE_DAYS - HISTORY_DAYS) * 1440
        self.setup = (BASE_DAYS - SETUP_DAYS) * 1440
        # Minutes count from midnight `BASE_DAYS` before today; text stamps come from two tables.
        self._days = [(base + timedelta(days=d)).isoformat() for d in range(BASE_DAYS + 40)]
        self._times = [f" {m // 60:02d}:{m % 60:02d}:00" for m in range(1440)]
        self.next_id = dict(first_ids)
        self.sheets_per_day: dict[str, int] = {}
        # Pinyin initials for search (m006); names repeat a lot, so each is worked out once.
        self.initials = functools.lru_cache(maxsize=None)(initials)
        self.rows: Batch = {t: [] for t in TABLES}

    # -- small helpers ----------------------------------------------------------------------
    def ts(self, minute: int) -> str:
        day, rest = divmod(minute, 1440)
        return self._days[day] + self._times[rest]

    def day(self, minute: int) -> str:
        return self._days[minute // 1440]

    uid = staticmethod(seeded_uid)  # reproducible: the same seed gives the same uids

    def add(self, table: str, rng: random.Random, created: str, updated: str, *values: Any) -> int:
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        self.rows[table].append((row_id, self.uid(rng), created, updated, *values))
        return row_id

    def take(self) -> Batch:
        """The rows built since the last call, in insert order (parents first)."""
        batch = {t: rows for t, rows in self.rows.items() if rows}
        self.rows = {t: [] for t in TABLES}
        return batch
