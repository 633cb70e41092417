"""An emergency's 1+4+N rosters per grid: who is on them, the roles still empty, whom to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from gridboard.models import records
from gridboard.models.clock import now_iso
from gridboard.models.emergency.declaring import get_emergency
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store

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
