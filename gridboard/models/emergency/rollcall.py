"""The daily roll call of an emergency's priority households: who was reached, who needs help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gridboard.models import records, visits
from gridboard.models.addresses import short_address
from gridboard.models.clock import now_iso, when_or_now
from gridboard.models.clock import today as today_
from gridboard.models.emergency.declaring import Emergency, get_emergency
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store

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


def priority_where(alias: str = "h") -> str:
    return f"{alias}.priority_tier > 0 AND {alias}.occupancy != 'vacant' AND {alias}.archived_at IS NULL"


def community_clause(emergency: Emergency) -> str:
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
        WHERE {priority_where()} AND b.archived_at IS NULL {community_clause(emergency)} {grid_clause}
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
    on_board = f"{priority_where()} AND b.archived_at IS NULL {community_clause(emergency)}"
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
    when = when_or_now(at)
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
