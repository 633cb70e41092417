"""Emergency mode (战时状态): declaring and ending it, daily roll call, 1+4+N rosters, instructions
with each grid's feedback, supply deliveries, and the end-of-emergency report figures.

While an emergency is active `rules.current_cycles` swaps in its own cycles (priority households
daily by default), so the board, the dashboard and the roll call all read the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gridboard.models import records, rules, settings, supplies, visits
from gridboard.models.addresses import short_address
from gridboard.models.clock import now_iso, parse_date
from gridboard.models.clock import today as today_
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store
from gridboard.models.vocab import REACHED_OUTCOMES

# Kinds of emergency (codes stored in the file) with their Chinese names.
EMERGENCY_KINDS = {
    "epidemic": "疫情防控",
    "blizzard": "暴雪",
    "power_cut": "停电",
    "flood": "洪涝",
    "heat": "高温",
    "other": "其他",
}

# Roll-call states of a priority household for one day; "not_tried" is the absence of a result.
ROLLCALL_STATES = {
    "reached_safe": "已联系·平安",
    "reached_needs_help": "已联系·需帮助",
    "unreachable": "联系不上",
    "not_tried": "未联系",
}
RECORDED_STATES = ("reached_safe", "reached_needs_help", "unreachable")
# A roll-call result is also a visit, so coverage and the board agree with the roll call.
_VISIT_OUTCOME = {"reached_safe": "met", "reached_needs_help": "met", "unreachable": "nobody_home"}

# The emergency grid team "1+4+N": one temporary branch secretary, four kinds of members, N volunteers.
ROSTER_ROLES = {
    "temp_secretary": "临时党支部书记",
    "cadre_sent_down": "下沉干部",
    "community_worker": "社区工作者",
    "grid_leader": "网格长",
    "building_head": "楼栋长",
    "volunteer": "党员志愿者",
}
CORE_ROLES = ("temp_secretary", "cadre_sent_down", "community_worker", "grid_leader", "building_head")
# The role a member's kind suggests when they are put on a roster.
ROLE_FOR_KIND = {
    "cadre": "cadre_sent_down",
    "grid_worker": "grid_leader",
    "building_head": "building_head",
    "unit_head": "building_head",
    "community_member": "community_worker",
    "in_service": "volunteer",
    "volunteer": "volunteer",
}


@dataclass(frozen=True)
class Emergency:
    id: int
    uid: str
    community_id: int | None
    name: str
    kind: str
    started_at: str
    ended_at: str | None
    declared_by: str
    cycle_priority_days: int
    cycle_other_days: int

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def start_day(self) -> date:
        return date.fromisoformat(self.started_at[:10])


def _emergency(row: Any) -> Emergency:
    return Emergency(**{f: row[f] for f in Emergency.__dataclass_fields__})


# -- declaring and ending ------------------------------------------------------------------------------


def declare_emergency(
    store: Store,
    *,
    name: str,
    kind: str = "other",
    started_at: str | datetime | None = None,
    declared_by: str | None = None,
    community_id: int | None = None,
    cycle_priority_days: int = 1,
    cycle_other_days: int = 3,
) -> int:
    """Put the community on an emergency footing; its cycles replace the normal ones at once."""
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "An emergency needs a name."))
    records.require(
        kind in EMERGENCY_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown kind of emergency {value}."), value=kind
    )
    records.require(
        1 <= cycle_priority_days <= cycle_other_days <= 30,
        QT_TRANSLATE_NOOP(
            "Errors",
            "Emergency cycles must be 1–30 days, priority households no less often than others.",
        ),
    )
    if settings.active_emergency_row(store, community_id) is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "An emergency is already in force; end it before declaring another.")
        )
    when = visits.normalise_when(started_at or now_iso())
    records.require(
        when[:10] <= today_().isoformat(),
        QT_TRANSLATE_NOOP("Errors", "An emergency cannot start in the future ({value})."),
        value=when,
    )
    if community_id is None:
        community_id = store.scalar("SELECT min(id) FROM community WHERE archived_at IS NULL")
    with store.atomic():
        emergency_id = records.insert(
            store,
            "emergency",
            {
                "community_id": community_id,
                "name": name.strip(),
                "kind": kind,
                "started_at": when,
                "declared_by": (declared_by or store.operator).strip(),
                "cycle_priority_days": cycle_priority_days,
                "cycle_other_days": cycle_other_days,
            },
        )
        # The dashboard's tallies follow the emergency's cycles (reads would catch up anyway).
        rules.advance_tallies(store)
    store.changes.note("emergency")
    store.changes.everything = True  # every household's status follows the new cycles
    return emergency_id


def end_emergency(store: Store, emergency_id: int, *, ended_at: str | datetime | None = None) -> None:
    """Back to normal cycles; everything recorded during the emergency is kept for the report."""
    current = get_emergency(store, emergency_id)
    records.require(current.active, QT_TRANSLATE_NOOP("Errors", "This emergency has already ended."))
    when = visits.normalise_when(ended_at or now_iso())
    records.require(
        when >= current.started_at,
        QT_TRANSLATE_NOOP("Errors", "An emergency cannot end before it started ({value})."),
        value=when,
    )
    with store.atomic():
        records.update(store, "emergency", emergency_id, {"ended_at": when}, action="end")
        rules.advance_tallies(store)
    store.changes.note("emergency")
    store.changes.everything = True


def get_emergency(store: Store, emergency_id: int) -> Emergency:
    return _emergency(records.fetch(store, "emergency", emergency_id))


def active_emergency(store: Store, community_id: int | None = None) -> Emergency | None:
    row = settings.active_emergency_row(store, community_id)
    return None if row is None else _emergency(row)


def list_emergencies(store: Store) -> list[Emergency]:
    return [_emergency(r) for r in store.query("SELECT * FROM emergency ORDER BY started_at DESC, id DESC")]


# -- roll call -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RollcallRow:
    """One priority household on the roll-call board for one day."""

    household_id: int
    grid_id: int
    grid_name: str
    building_name: str
    address: str
    head_name: str
    phone: str
    tier: int
    markers: str
    state: str  # today's state (the latest attempt of the day), "not_tried" when none
    at: str | None
    member_name: str
    operator: str
    rollcall_id: int | None
    alarm: bool  # unreachable at the last two attempts: raised to the top in red
    place: tuple[Any, ...] = ()  # address order (grid, building, unit, floor, room)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Alarms first, then by address: the board's order."""
        return (not self.alarm, self.place)


def _priority_where(alias: str = "h") -> str:
    return f"{alias}.priority_tier > 0 AND {alias}.occupancy != 'vacant' AND {alias}.archived_at IS NULL"


def _community_clause(emergency: Emergency) -> str:
    return "" if emergency.community_id is None else "AND g.community_id = :community"


def rollcall_rows(
    store: Store,
    emergency_id: int,
    *,
    day: date | None = None,
    grid_id: int | None = None,
    household_ids: list[int] | set[int] | None = None,
) -> list[RollcallRow]:
    """Every priority household (or those of `household_ids` that are) with its roll-call state on
    `day`, alarms first, then by address."""
    emergency = get_emergency(store, emergency_id)
    on = day or today_()
    params: dict[str, Any] = {"e": emergency_id, "day": on.isoformat(), "community": emergency.community_id}
    grid_clause = ""
    if grid_id is not None:
        grid_clause = "AND g.id = :grid"
        params["grid"] = grid_id
    if household_ids is not None:
        wanted = {f"h{i}": int(h) for i, h in enumerate(sorted(household_ids))}
        grid_clause += f" AND h.id IN ({','.join(':' + k for k in wanted) or 'NULL'})"
        params.update(wanted)
    # The last two attempts of each household come from index seeks on rollcall_household
    # (emergency, household, at), so the board costs about the same however many days have passed.
    attempt = """(SELECT r.id FROM rollcall r WHERE r.emergency_id = :e AND r.household_id = h.id
        AND r.withdrawn_at IS NULL AND r.day <= :day ORDER BY r.at DESC, r.id DESC LIMIT 1 OFFSET {n})"""
    rows = store.query(
        f"""
        SELECT h.id, g.id AS grid_id, g.name AS grid_name, b.name AS building_name, b.kind,
            h.unit, h.floor, h.room, h.head_name, h.phone, h.priority_tier, g.sort_order, b.number,
            b.id AS building_id,
            (SELECT group_concat(DISTINCT t.marker) FROM resident r
                JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
                WHERE r.household_id = h.id AND r.moved_out_at IS NULL AND r.archived_at IS NULL
                AND t.tier > 0) AS markers,
            CASE WHEN a1.day = :day THEN a1.state ELSE 'not_tried' END AS state,
            CASE WHEN a1.day = :day THEN a1.at END AS at,
            CASE WHEN a1.day = :day THEN a1.id END AS rollcall_id,
            CASE WHEN a1.day = :day THEN coalesce(m.name, '') ELSE '' END AS member_name,
            CASE WHEN a1.day = :day THEN a1.operator ELSE '' END AS operator,
            coalesce(a1.state = 'unreachable' AND a2.state = 'unreachable', 0) AS alarm
        FROM household h
        JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
        LEFT JOIN rollcall a1 ON a1.id = {attempt.format(n=0)}
        LEFT JOIN rollcall a2 ON a2.id = {attempt.format(n=1)}
        LEFT JOIN member m ON m.id = a1.member_id
        WHERE {_priority_where()} AND b.archived_at IS NULL {_community_clause(emergency)} {grid_clause}
        ORDER BY alarm DESC, g.sort_order, g.id, b.number, b.id, h.unit, h.floor, h.room
        """,
        params,
    )
    return [
        RollcallRow(
            household_id=r["id"],
            grid_id=r["grid_id"],
            grid_name=r["grid_name"],
            building_name=r["building_name"],
            address=short_address(r["building_name"], r["kind"], r["unit"], r["room"]),
            head_name=r["head_name"],
            phone=r["phone"],
            tier=r["priority_tier"],
            markers=(r["markers"] or "").replace(",", ""),
            state=r["state"],
            at=r["at"],
            member_name=r["member_name"],
            operator=r["operator"] or "",
            rollcall_id=r["rollcall_id"],
            alarm=bool(r["alarm"]),
            place=(
                r["sort_order"],
                r["grid_id"],
                r["number"],
                r["building_id"],
                r["unit"],
                r["floor"],
                r["room"],
            ),
        )
        for r in rows
    ]


def rollcall_counts(store: Store, emergency_id: int, *, day: date | None = None) -> dict[str, int]:
    """How many priority households are in each state on `day`, plus "alarm" and "total".

    The same figures as counting `rollcall_rows`, in three aggregate queries (the banner shows them
    after every keystroke).
    """
    emergency = get_emergency(store, emergency_id)
    params = {"e": emergency_id, "day": (day or today_()).isoformat(), "community": emergency.community_id}
    joins = "JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"
    on_board = f"{_priority_where()} AND b.archived_at IS NULL {_community_clause(emergency)}"
    total = int(store.scalar(f"SELECT count(*) FROM household h {joins} WHERE {on_board}", params) or 0)
    counts = dict.fromkeys(ROLLCALL_STATES, 0)
    for r in store.query(
        f"""
        WITH latest AS (
            SELECT household_id, state, row_number() OVER (PARTITION BY household_id
                ORDER BY at DESC, id DESC) AS n
            FROM rollcall WHERE emergency_id = :e AND day = :day AND withdrawn_at IS NULL
        )
        SELECT l.state, count(*) AS c FROM latest l JOIN household h ON h.id = l.household_id {joins}
        WHERE l.n = 1 AND {on_board} GROUP BY l.state
        """,
        params,
    ):
        counts[r["state"]] = r["c"]
    counts["not_tried"] = total - sum(counts[s] for s in RECORDED_STATES)
    alarms = store.scalar(
        f"""
        WITH last_two AS (
            SELECT household_id, state, row_number() OVER (PARTITION BY household_id
                ORDER BY at DESC, id DESC) AS n
            FROM rollcall WHERE emergency_id = :e AND day <= :day AND withdrawn_at IS NULL
        )
        SELECT count(*) FROM (
            SELECT household_id FROM last_two WHERE n <= 2 GROUP BY household_id
            HAVING sum(state = 'unreachable') = 2
        ) a JOIN household h ON h.id = a.household_id {joins} WHERE {on_board}
        """,
        params,
    )
    return {**counts, "alarm": int(alarms or 0), "total": total}


def record_rollcall(
    store: Store,
    *,
    emergency_id: int,
    household_id: int,
    state: str,
    method: str = "phone",
    member_id: int | None = None,
    at: str | datetime | None = None,
    note: str = "",
) -> int:
    """One roll-call attempt; it also logs the visit it was (met or nobody home). Returns its id."""
    records.require(
        state in RECORDED_STATES,
        QT_TRANSLATE_NOOP("Errors", "Unknown roll-call result {value}."),
        value=state,
    )
    emergency = get_emergency(store, emergency_id)
    records.require(
        emergency.active, QT_TRANSLATE_NOOP("Errors", "This emergency has ended; roll call is closed.")
    )
    when = visits.normalise_when(at or now_iso())
    household = records.fetch(store, "household", household_id)
    visit_note = ROLLCALL_STATES[state] + (f"：{note}" if note else "")
    with store.atomic():
        visit_id = visits.log_visit(
            store,
            household_id=household_id,
            member_ids=[member_id] if member_id else [],
            visited_at=when,
            method=method,
            outcome=_VISIT_OUTCOME[state],
            note=f"应急点名 {visit_note}",
        )
        rollcall_id = records.insert(
            store,
            "rollcall",
            {
                "emergency_id": emergency_id,
                "household_id": household_id,
                "day": when[:10],
                "at": when,
                "state": state,
                "method": method,
                "member_id": member_id,
                "operator": store.operator,
                "note": note,
                "visit_id": visit_id,
            },
        )
    store.changes.note("rollcall", household=household_id, building=household["building_id"])
    return rollcall_id


def withdraw_rollcall(store: Store, rollcall_id: int) -> None:
    """A wrong key: the attempt and its visit stop counting (both stay in the file and the audit log)."""
    row = records.fetch(store, "rollcall", rollcall_id)
    records.require(
        row["withdrawn_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "This roll-call result was already withdrawn."),
    )
    household = records.fetch(store, "household", row["household_id"])
    with store.atomic():
        records.update(store, "rollcall", rollcall_id, {"withdrawn_at": now_iso()}, action="withdraw")
        if row["visit_id"] is not None:
            visit = records.fetch(store, "visit", row["visit_id"])
            if visit["withdrawn_at"] is None:
                visits.withdraw_visit(store, row["visit_id"], reason="roll call withdrawn")
    store.changes.note("rollcall", household=row["household_id"], building=household["building_id"])


def restore_rollcall(store: Store, rollcall_id: int) -> None:
    """Undo a withdrawal."""
    row = records.fetch(store, "rollcall", rollcall_id)
    household = records.fetch(store, "household", row["household_id"])
    with store.atomic():
        records.update(store, "rollcall", rollcall_id, {"withdrawn_at": None}, action="restore")
        if row["visit_id"] is not None:
            visits.restore_visit(store, row["visit_id"])
    store.changes.note("rollcall", household=row["household_id"], building=household["building_id"])


# -- rosters ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterEntry:
    id: int
    grid_id: int
    member_id: int
    member_name: str
    member_kind: str
    phone: str
    role: str


def add_to_roster(store: Store, *, emergency_id: int, grid_id: int, member_id: int, role: str) -> int:
    """Put a member on a grid's 1+4+N team; one role per member per grid, one temporary secretary."""
    records.require(
        role in ROSTER_ROLES, QT_TRANSLATE_NOOP("Errors", "Unknown roster role {value}."), value=role
    )
    get_emergency(store, emergency_id)
    member = records.fetch(store, "member", member_id)
    grid = records.fetch(store, "grid", grid_id)
    already = store.one(
        "SELECT role FROM emergency_roster WHERE emergency_id = ? AND grid_id = ? AND member_id = ?"
        " AND ended_at IS NULL",
        [emergency_id, grid_id, member_id],
    )
    if already is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{name} is already on the roster of {grid}."),
            name=member["name"],
            grid=grid["name"],
        )
    if role == "temp_secretary":
        holder = store.scalar(
            "SELECT m.name FROM emergency_roster r JOIN member m ON m.id = r.member_id"
            " WHERE r.emergency_id = ? AND r.grid_id = ? AND r.role = 'temp_secretary' AND r.ended_at IS NULL",
            [emergency_id, grid_id],
        )
        if holder is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{grid} already has a temporary branch secretary ({name})."),
                grid=grid["name"],
                name=holder,
            )
    with store.atomic():
        roster_id = records.insert(
            store,
            "emergency_roster",
            {
                "emergency_id": emergency_id,
                "grid_id": grid_id,
                "member_id": member_id,
                "role": role,
                "added_at": now_iso(),
            },
        )
    store.changes.note("emergency_roster", grid=grid_id, member=member_id)
    return roster_id


def remove_from_roster(store: Store, roster_id: int) -> None:
    row = records.fetch(store, "emergency_roster", roster_id)
    records.require(
        row["ended_at"] is None, QT_TRANSLATE_NOOP("Errors", "This member has already left the roster.")
    )
    with store.atomic():
        records.update(store, "emergency_roster", roster_id, {"ended_at": now_iso()}, action="end")
    store.changes.note("emergency_roster", grid=row["grid_id"], member=row["member_id"])


def roster(store: Store, emergency_id: int, grid_id: int) -> list[RosterEntry]:
    order = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(ROSTER_ROLES))
    rows = store.query(
        f"""
        SELECT r.id, r.grid_id, r.member_id, m.name, m.kind, m.phone, r.role
        FROM emergency_roster r JOIN member m ON m.id = r.member_id
        WHERE r.emergency_id = ? AND r.grid_id = ? AND r.ended_at IS NULL
        ORDER BY CASE r.role {order} END, r.added_at, r.id
        """,
        [emergency_id, grid_id],
    )
    return [
        RosterEntry(
            id=r["id"],
            grid_id=r["grid_id"],
            member_id=r["member_id"],
            member_name=r["name"],
            member_kind=r["kind"],
            phone=r["phone"],
            role=r["role"],
        )
        for r in rows
    ]


def roster_gaps(store: Store, emergency_id: int, grid_id: int) -> list[str]:
    """The roles of the "1+4" still empty on a grid's roster."""
    filled = {entry.role for entry in roster(store, emergency_id, grid_id)}
    return [role for role in CORE_ROLES if role not in filled]


def grids(store: Store, emergency_id: int) -> list[tuple[int, str]]:
    """The grids an emergency covers (its community's, or all), in their order."""
    emergency = get_emergency(store, emergency_id)
    return [
        (r["id"], r["name"])
        for r in store.query(
            "SELECT g.id, g.name FROM grid g WHERE g.archived_at IS NULL"
            " AND (? IS NULL OR g.community_id = ?) ORDER BY g.sort_order, g.id",
            [emergency.community_id, emergency.community_id],
        )
    ]


# -- instructions and feedback (一键响应, offline) ------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    id: int
    text: str
    issued_at: str
    issued_by: str
    grids: int
    answered: int

    @property
    def unanswered(self) -> int:
        return self.grids - self.answered


@dataclass(frozen=True)
class Feedback:
    id: int
    instruction_id: int
    grid_id: int
    grid_name: str
    feedback: str
    answered_at: str | None
    answered_by: str


def issue_instruction(
    store: Store,
    *,
    emergency_id: int,
    text: str,
    grid_ids: list[int] | None = None,
    at: str | datetime | None = None,
) -> int:
    """Record an instruction to some grids (all of them when `grid_ids` is None), awaiting feedback."""
    records.require(bool(text.strip()), QT_TRANSLATE_NOOP("Errors", "An instruction needs some text."))
    emergency = get_emergency(store, emergency_id)
    records.require(emergency.active, QT_TRANSLATE_NOOP("Errors", "This emergency has already ended."))
    targets = (
        [g for g, _ in grids(store, emergency_id)] if grid_ids is None else list(dict.fromkeys(grid_ids))
    )
    records.require(bool(targets), QT_TRANSLATE_NOOP("Errors", "Choose at least one grid."))
    with store.atomic():
        instruction_id = records.insert(
            store,
            "emergency_instruction",
            {
                "emergency_id": emergency_id,
                "text": text.strip(),
                "issued_at": visits.normalise_when(at or now_iso()),
                "issued_by": store.operator,
            },
        )
        for grid_id in targets:
            records.fetch(store, "grid", grid_id)
            records.insert(
                store,
                "emergency_feedback",
                {"instruction_id": instruction_id, "grid_id": grid_id},
                audit=False,
            )
    store.changes.note("emergency_instruction")
    return instruction_id


def record_feedback(
    store: Store, *, instruction_id: int, grid_id: int, feedback: str, at: str | datetime | None = None
) -> None:
    """A grid's answer to an instruction (brought back on paper or by phone); a later one replaces it."""
    records.require(bool(feedback.strip()), QT_TRANSLATE_NOOP("Errors", "Feedback needs some text."))
    row = store.one(
        "SELECT id FROM emergency_feedback WHERE instruction_id = ? AND grid_id = ?",
        [instruction_id, grid_id],
    )
    if row is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "This instruction was not sent to that grid."))
    with store.atomic():
        records.update(
            store,
            "emergency_feedback",
            row["id"],
            {
                "feedback": feedback.strip(),
                "answered_at": visits.normalise_when(at or now_iso()),
                "answered_by": store.operator,
            },
            action="feedback",
        )
    store.changes.note("emergency_instruction", grid=grid_id)


def instructions(store: Store, emergency_id: int) -> list[Instruction]:
    rows = store.query(
        """
        SELECT i.id, i.text, i.issued_at, i.issued_by, count(f.id) AS grids,
            count(f.answered_at) AS answered
        FROM emergency_instruction i LEFT JOIN emergency_feedback f ON f.instruction_id = i.id
        WHERE i.emergency_id = ? AND i.withdrawn_at IS NULL
        GROUP BY i.id ORDER BY i.issued_at DESC, i.id DESC
        """,
        [emergency_id],
    )
    return [Instruction(**{k: r[k] for k in Instruction.__dataclass_fields__}) for r in rows]


def feedback_rows(store: Store, instruction_id: int) -> list[Feedback]:
    """Each grid's answer, the unanswered ones first."""
    rows = store.query(
        """
        SELECT f.id, f.instruction_id, f.grid_id, g.name AS grid_name, f.feedback, f.answered_at,
            f.answered_by
        FROM emergency_feedback f JOIN grid g ON g.id = f.grid_id
        WHERE f.instruction_id = ?
        ORDER BY f.answered_at IS NOT NULL, g.sort_order, g.id
        """,
        [instruction_id],
    )
    return [Feedback(**{k: r[k] for k in Feedback.__dataclass_fields__}) for r in rows]


# -- supplies (紧缺物资清单) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplyLine:
    grid_id: int
    grid_name: str
    item: str
    unit: str
    needed: float
    delivered: float

    @property
    def outstanding(self) -> float:
        return max(self.needed - self.delivered, 0.0)


def record_delivery(
    store: Store,
    *,
    grid_id: int,
    item: str,
    quantity: float,
    unit: str = "",
    emergency_id: int | None = None,
    household_id: int | None = None,
    at: str | datetime | None = None,
    note: str = "",
) -> int:
    """Supplies handed over to a grid as a whole (or one household in it), not against one request
    item (for those, `supplies.record_delivery`); they count against the grid's needs."""
    records.require(bool(item.strip()), QT_TRANSLATE_NOOP("Errors", "A delivery needs an item."))
    records.require(
        quantity > 0,
        QT_TRANSLATE_NOOP("Errors", "A quantity must be more than zero ({value})."),
        value=quantity,
    )
    records.fetch(store, "grid", grid_id)
    if emergency_id is None:
        current = active_emergency(store)
        emergency_id = current.id if current else None
    delivery_id = supplies.write_delivery(
        store,
        emergency_id=emergency_id,
        grid_id=grid_id,
        item=item.strip(),
        quantity=quantity,
        unit=unit.strip(),
        household_id=household_id,
        delivered_at=visits.normalise_when(at or now_iso()),
        note=note,
    )
    store.changes.note("supply_delivery", grid=grid_id, household=household_id)
    return delivery_id


def scarce_supplies(store: Store, *, community_id: int | None = None) -> list[SupplyLine]:
    """The 紧缺物资清单 per grid and item: what open supplies requests need (the requests area's
    `supplies.needed_by_grid_item`, delivered against their items) plus what was handed to a grid
    as a whole (deliveries here with no request item), and what is still outstanding."""
    totals: dict[tuple[int, str, str], list[float]] = {}
    within = None if community_id is None else {"community": community_id}
    for need in supplies.needed_by_grid_item(store, within=within):
        acc = totals.setdefault((need.grid_id, need.item, need.unit or ""), [0.0, 0.0])
        acc[0] += need.needed
        acc[1] += need.delivered
    for key, quantity in supplies.grid_deliveries(store, within=within).items():
        totals.setdefault(key, [0.0, 0.0])[1] += quantity
    names = {
        r["id"]: (r["sort_order"], r["name"]) for r in store.query("SELECT id, name, sort_order FROM grid")
    }
    lines = [
        SupplyLine(
            grid_id=key[0],
            grid_name=names.get(key[0], (0, ""))[1],
            item=key[1],
            unit=key[2],
            needed=acc[0],
            delivered=acc[1],
        )
        for key, acc in totals.items()
    ]
    lines.sort(key=lambda line: (names.get(line.grid_id, (0, ""))[0], line.grid_id, line.item, line.unit))
    return lines


# -- the end-of-emergency report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DayFigures:
    day: date
    households_reached: int
    priority_households: int
    priority_reached: int
    rollcall_safe: int
    rollcall_needs_help: int
    rollcall_unreachable: int
    requests_raised: int
    requests_closed: int
    deliveries: int

    @property
    def priority_share(self) -> float | None:
        return self.priority_reached / self.priority_households if self.priority_households else None


@dataclass(frozen=True)
class Report:
    emergency: Emergency
    days: list[DayFigures]
    delivered_by_item: list[tuple[str, str, float]]  # item, unit, quantity
    supplies: list[SupplyLine] = field(default_factory=list)

    @property
    def total_requests_raised(self) -> int:
        return sum(d.requests_raised for d in self.days)

    @property
    def total_requests_closed(self) -> int:
        return sum(d.requests_closed for d in self.days)


def report_figures(store: Store, emergency_id: int, *, until: date | None = None) -> Report:
    """Day by day from the start to the end (or today): who was reached, requests, deliveries."""
    emergency = get_emergency(store, emergency_id)
    first = emergency.start_day
    last = parse_date(emergency.ended_at) or until or today_()
    last = max(last, first)
    # Everything counts from the declaration on, not from the start of its day: the same figures
    # the banner and the roll-call board showed at the time.
    span = {
        "first": emergency.started_at,
        "last": last.isoformat(),
        "after": (last + timedelta(days=1)).isoformat(),
        "community": emergency.community_id,
        "e": emergency_id,
    }
    area = """JOIN household h ON h.id = {t}.household_id JOIN building b ON b.id = h.building_id
              JOIN grid g ON g.id = b.grid_id"""
    # A literal community condition (not ":community IS NULL OR ...") lets SQLite start from the
    # community's households and seek their visits, instead of scanning the whole city's week.
    community = _community_clause(emergency)
    reached = ",".join(f"'{o}'" for o in REACHED_OUTCOMES)

    def per_day(sql: str) -> dict[str, int]:
        return {r[0]: int(r[1] or 0) for r in store.query(sql, span)}

    households = per_day(
        f"""SELECT substr(v.visited_at, 1, 10) AS d, count(DISTINCT v.household_id) FROM visit v
            {area.format(t="v")} WHERE v.withdrawn_at IS NULL AND v.outcome IN ({reached})
            AND v.visited_at >= :first AND v.visited_at < :after {community} GROUP BY d"""
    )
    priority_total = int(
        store.scalar(
            f"""SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id
                JOIN grid g ON g.id = b.grid_id WHERE {_priority_where()} AND b.archived_at IS NULL
                {community}""",
            span,
        )
        or 0
    )
    states: dict[str, dict[str, int]] = {}
    # Each day's roll call as the banner counts it (rollcall_counts): the latest result of each
    # priority household on the board; "priority reached" is its safe plus needs-help.
    for r in store.query(
        f"""
        WITH last AS (
            SELECT r.household_id, r.day, r.state, row_number() OVER (PARTITION BY r.household_id, r.day
                ORDER BY r.at DESC, r.id DESC) AS n
            FROM rollcall r WHERE r.emergency_id = :e AND r.withdrawn_at IS NULL
        )
        SELECT l.day, l.state, count(*) AS c FROM last l JOIN household h ON h.id = l.household_id
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE l.n = 1 AND {_priority_where()} AND b.archived_at IS NULL {community}
        GROUP BY l.day, l.state
        """,
        span,
    ):
        states.setdefault(r["day"], {})[r["state"]] = r["c"]
    raised = per_day(
        f"""SELECT substr(q.collected_at, 1, 10) AS d, count(*) FROM request q {area.format(t="q")}
            WHERE q.archived_at IS NULL AND q.collected_at >= :first AND q.collected_at < :after
            {community} GROUP BY d"""
    )
    closed = per_day(
        f"""SELECT substr(q.resolved_at, 1, 10) AS d, count(*) FROM request q {area.format(t="q")}
            WHERE q.archived_at IS NULL AND q.resolved_at IS NOT NULL
            AND q.resolved_at >= :first AND q.resolved_at < :after {community} GROUP BY d"""
    )
    deliveries = per_day(
        f"""SELECT substr(d.delivered_at, 1, 10) AS day, count(*) FROM supply_delivery d
           JOIN grid g ON g.id = d.grid_id
           WHERE d.delivered_at >= :first AND d.delivered_at < :after {community} GROUP BY day"""
    )
    days = []
    day = first
    while day <= last:
        key = day.isoformat()
        counted = states.get(key, {})
        days.append(
            DayFigures(
                day=day,
                households_reached=households.get(key, 0),
                priority_households=priority_total,
                priority_reached=counted.get("reached_safe", 0) + counted.get("reached_needs_help", 0),
                rollcall_safe=counted.get("reached_safe", 0),
                rollcall_needs_help=counted.get("reached_needs_help", 0),
                rollcall_unreachable=counted.get("unreachable", 0),
                requests_raised=raised.get(key, 0),
                requests_closed=closed.get(key, 0),
                deliveries=deliveries.get(key, 0),
            )
        )
        day += timedelta(days=1)
    delivered = [
        (r["item"], r["unit"], float(r["q"]))
        for r in store.query(
            f"""SELECT d.item, d.unit, sum(d.quantity) AS q FROM supply_delivery d
               JOIN grid g ON g.id = d.grid_id
               WHERE d.delivered_at >= :first AND d.delivered_at < :after {community}
               GROUP BY d.item, d.unit ORDER BY d.item, d.unit""",
            span,
        )
    ]
    return Report(
        emergency=emergency,
        days=days,
        delivered_by_item=delivered,
        supplies=scarce_supplies(store, community_id=emergency.community_id),
    )


def roster_candidates(
    store: Store, emergency_id: int, grid_id: int | None = None
) -> list[tuple[int, str, str]]:
    """Active members (id, name, kind), by name, to choose a roster from: those of the grid's community
    when a grid is given (a city-wide emergency's desk lists one community's members, not the city's),
    else of the emergency's community (every member for a file-wide emergency)."""
    community_id = get_emergency(store, emergency_id).community_id
    if grid_id is not None:
        community_id = store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid_id]) or community_id
    # One statement per case: "? IS NULL OR community_id = ?" cannot use the community's index.
    where, params = ("community_id = ? AND ", [community_id]) if community_id is not None else ("", [])
    return [
        (r["id"], r["name"], r["kind"])
        for r in store.query(
            f"SELECT id, name, kind FROM member WHERE {where}active = 1 AND archived_at IS NULL ORDER BY name, id",
            params,
        )
    ]


def latest_emergency(store: Store) -> Emergency | None:
    """The one in force, else the most recently started (for the report after the end)."""
    emergencies = list_emergencies(store)
    active = [e for e in emergencies if e.active]
    return (active or emergencies or [None])[0]  # type: ignore[list-item]


def get_instruction(store: Store, instruction_id: int) -> Instruction:
    row = store.one_required(
        """SELECT i.id, i.text, i.issued_at, i.issued_by, count(f.id) AS grids, count(f.answered_at) AS answered
           FROM emergency_instruction i LEFT JOIN emergency_feedback f ON f.instruction_id = i.id
           WHERE i.id = ? GROUP BY i.id""",
        [instruction_id],
    )
    if row is None:
        records.fetch(store, "emergency_instruction", instruction_id)  # raises the usual "No ... with id"
    return Instruction(**{k: row[k] for k in Instruction.__dataclass_fields__})


def instruction_emergency(store: Store, instruction_id: int) -> Emergency:
    row = records.fetch(store, "emergency_instruction", instruction_id)
    return get_emergency(store, row["emergency_id"])


def paired_member_names(store: Store, household_ids: list[int]) -> dict[int, str]:
    """Who covers each household now (pairings and scopes), names joined with 、, for printouts."""
    if not household_ids:
        return {}
    marks = ",".join("?" for _ in household_ids)
    rows = store.query(
        f"""
        SELECT h.id, group_concat(DISTINCT m.name) AS names FROM household h
        JOIN member m ON m.id IN (
            SELECT p.member_id FROM pairing p WHERE p.household_id = h.id AND p.ended_on IS NULL
            UNION
            SELECT s.member_id FROM scope s WHERE s.building_id = h.building_id AND s.ended_on IS NULL
                AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor))
        WHERE h.id IN ({marks}) GROUP BY h.id
        """,
        household_ids,
    )
    return {r["id"]: (r["names"] or "").replace(",", "、") for r in rows}
