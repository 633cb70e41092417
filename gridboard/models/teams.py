"""Grid teams: the normal "1+1+1+N" (cadre responsible, branch secretary, grid worker, assistants)
plus building and unit heads, with role history kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gridboard.models import records
from gridboard.models.clock import today
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store
from gridboard.models.vocab import GRID_ROLES

# Roles one person holds at a time in a grid (or, for heads, in a building / a unit).
SINGLE_ROLES = ("cadre_responsible", "branch_secretary", "grid_worker", "building_head", "unit_head")


@dataclass(frozen=True)
class TeamRole:
    id: int
    grid_id: int
    role: str
    member_id: int
    member_name: str
    member_kind: str
    building_id: int | None
    building_name: str | None
    unit: int | None
    started_on: str
    ended_on: str | None


def grid_team(store: Store, grid_id: int, *, include_ended: bool = False) -> list[TeamRole]:
    order = ", ".join(f"'{r}'" for r in GRID_ROLES)
    rows = store.query(
        f"""SELECT r.id, r.grid_id, r.role, r.member_id, m.name AS member_name, m.kind AS member_kind,
            r.building_id, b.name AS building_name, r.unit, r.started_on, r.ended_on
        FROM grid_role r JOIN member m ON m.id = r.member_id LEFT JOIN building b ON b.id = r.building_id
        WHERE r.grid_id = ? {"" if include_ended else "AND r.ended_on IS NULL"}
        ORDER BY r.ended_on IS NOT NULL, instr('{order.replace("'", "")}', r.role), b.number, r.unit,
            r.started_on""",
        [grid_id],
    )
    return [TeamRole(**dict(r)) for r in rows]


@dataclass(frozen=True)
class RoleChange:
    new_id: int
    ended: tuple[int, ...]


def assign_role(
    store: Store,
    *,
    grid_id: int,
    role: str,
    member_id: int,
    building_id: int | None = None,
    unit: int | None = None,
    on: date | None = None,
) -> RoleChange:
    """Give a member a role in a grid's team; the previous holder of a single role steps down."""
    records.require(role in GRID_ROLES, QT_TRANSLATE_NOOP("Errors", "Unknown grid role {role}."), role=role)
    if role in ("building_head", "unit_head"):
        records.require(
            building_id is not None, QT_TRANSLATE_NOOP("Errors", "Choose the building for this role.")
        )
        records.require(
            building_id is None or records.fetch(store, "building", building_id)["grid_id"] == grid_id,
            QT_TRANSLATE_NOOP("Errors", "That building is not in this grid."),
        )
    if role == "unit_head":
        records.require(unit is not None, QT_TRANSLATE_NOOP("Errors", "Choose the unit for this role."))
    else:
        unit = None
    if role != "building_head" and role != "unit_head":
        building_id = None
    same = store.scalar(
        "SELECT id FROM grid_role WHERE grid_id = ? AND role = ? AND member_id = ? AND building_id IS ?"
        " AND unit IS ? AND ended_on IS NULL",
        [grid_id, role, member_id, building_id, unit],
    )
    records.require(not same, QT_TRANSLATE_NOOP("Errors", "This member already has that role."))
    day = (on or today()).isoformat()
    ended: list[int] = []
    with store.atomic():
        if role in SINGLE_ROLES:
            for (role_id,) in store.execute(
                "SELECT id FROM grid_role WHERE grid_id = ? AND role = ? AND building_id IS ? AND unit IS ?"
                " AND ended_on IS NULL",
                [grid_id, role, building_id, unit],
            ).fetchall():
                records.update(store, "grid_role", role_id, {"ended_on": day}, action="end")
                ended.append(role_id)
        new_id = records.insert(
            store,
            "grid_role",
            {
                "grid_id": grid_id,
                "member_id": member_id,
                "role": role,
                "building_id": building_id,
                "unit": unit,
                "started_on": day,
            },
        )
    store.changes.note("grid_role", grid=grid_id, member=member_id)
    return RoleChange(new_id, tuple(ended))


def end_role(store: Store, role_id: int, *, on: date | None = None) -> None:
    row = records.fetch(store, "grid_role", role_id)
    records.require(row["ended_on"] is None, QT_TRANSLATE_NOOP("Errors", "This role has already ended."))
    with store.atomic():
        records.update(store, "grid_role", role_id, {"ended_on": (on or today()).isoformat()}, action="end")
    store.changes.note("grid_role", grid=row["grid_id"], member=row["member_id"])
