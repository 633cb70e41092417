"""Actions on the structure of the ledger: communities, grids, buildings, households, residents, members."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from gridboard.models import records, risk
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store
from gridboard.models.vocab import GENDERS, MEMBER_KINDS, OCCUPANCY, Tier


@dataclass(frozen=True)
class UnitShape:
    floors: int
    rooms_per_floor: int


def create_community(store: Store, *, name: str, hotline: str = "", address: str = "") -> int:
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A community needs a name."))
    with store.atomic():
        community_id = records.insert(
            store, "community", {"name": name.strip(), "hotline": hotline, "address": address}
        )
    store.changes.everything = True
    return community_id


def create_grid(store: Store, *, community_id: int, name: str, sort_order: int = 0) -> int:
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A grid needs a name."))
    with store.atomic():
        grid_id = records.insert(
            store,
            "grid",
            {"community_id": community_id, "name": name.strip(), "sort_order": sort_order},
        )
    store.changes.note("grid", grid=grid_id)
    return grid_id


def unit_shapes(building: dict[str, Any]) -> dict[int, UnitShape]:
    """Floors and rooms per floor of each unit, with the building's per-unit overrides applied."""
    overrides = json.loads(building.get("unit_layout") or "{}")
    shapes = {}
    for unit in range(1, building["units"] + 1):
        o = overrides.get(str(unit), {})
        shapes[unit] = UnitShape(
            floors=int(o.get("floors", building["floors"])),
            rooms_per_floor=int(o.get("rooms", building["rooms_per_floor"])),
        )
    return shapes


def room_label(kind: str, floor: int, index: int) -> str:
    """Rooms are written floor then index: 502 is floor 5, room 2; bungalows are just numbered."""
    if kind == "courtyard":
        return str(index)
    return f"{floor}{index:02d}"


def create_building(
    store: Store,
    *,
    grid_id: int,
    name: str,
    number: int = 0,
    kind: str = "apartment",
    units: int = 1,
    floors: int = 1,
    rooms_per_floor: int = 2,
    unit_layout: dict[int, dict[str, int]] | None = None,
    generate_households: bool = True,
    rooms: str = "vacant",
) -> int:
    """A building and, from its floors × units × rooms template, its households. Template rooms are
    `rooms` ("vacant": not yet surveyed, so never shown overdue) until a household is entered in them
    (a resident, a head or a head count: see `_entered`)."""
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A building needs a name."))
    records.require(
        kind in ("apartment", "courtyard"),
        QT_TRANSLATE_NOOP("Errors", "Unknown building kind {kind}."),
        kind=kind,
    )
    if kind == "courtyard":
        floors = 1
    records.require(
        1 <= units <= 50,
        QT_TRANSLATE_NOOP("Errors", "A building has 1 to 50 units, not {units}."),
        units=units,
    )
    records.require(
        1 <= floors <= 120,
        QT_TRANSLATE_NOOP("Errors", "A building has 1 to 120 floors, not {floors}."),
        floors=floors,
    )
    records.require(
        1 <= rooms_per_floor <= 200,
        QT_TRANSLATE_NOOP("Errors", "Rooms per floor must be 1 to 200, not {rooms}."),
        rooms=rooms_per_floor,
    )
    layout = {str(k): v for k, v in (unit_layout or {}).items()}
    with store.atomic():
        building_id = records.insert(
            store,
            "building",
            {
                "grid_id": grid_id,
                "name": name.strip(),
                "number": number,
                "kind": kind,
                "units": units,
                "floors": floors,
                "rooms_per_floor": rooms_per_floor,
                "unit_layout": json.dumps(layout),
            },
        )
        if generate_households:
            building = records.fetch(store, "building", building_id)
            for unit, shape in unit_shapes(building).items():
                for floor in range(1, shape.floors + 1):
                    for index in range(1, shape.rooms_per_floor + 1):
                        add_household(
                            store,
                            building_id=building_id,
                            unit=unit,
                            floor=floor,
                            room=room_label(kind, floor, index),
                            occupancy=rooms,
                        )
    store.changes.note("building", building=building_id, grid=grid_id)
    return building_id


def first_grid_id(store: Store) -> int | None:
    """The first active grid in board order (None when there is none)."""
    return store.scalar("SELECT id FROM grid WHERE archived_at IS NULL ORDER BY sort_order, id LIMIT 1")


def grid_community(store: Store, grid_id: int) -> int | None:
    """The community a grid belongs to."""
    return store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid_id])


def first_community_id(store: Store) -> int | None:
    """The first active community (None when there is none)."""
    return store.scalar("SELECT id FROM community WHERE archived_at IS NULL ORDER BY id LIMIT 1")


def active_grids(store: Store) -> list[Any]:
    """Active grids (id, name, community name) by community and board order."""
    return store.query(
        "SELECT g.id, g.name, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id"
        " WHERE g.archived_at IS NULL ORDER BY c.id, g.sort_order, g.id"
    )


def grid_buildings(store: Store, grid_id: int) -> list[Any]:
    """A grid's active buildings (id, name) by number."""
    return store.query(
        "SELECT id, name FROM building WHERE grid_id = ? AND archived_at IS NULL ORDER BY number, id",
        [grid_id],
    )


def row_exists(store: Store, table: str, row_id: int) -> bool:
    """Whether a named table has a row with this id."""
    if table not in records.NAMED_TABLES:
        raise ValueError(f"{table} has no name column")
    return bool(store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]))


def active_ids_named(store: Store, table: str, name: str) -> list[int]:
    """The ids of a named table's active rows called exactly this."""
    if table not in records.NAMED_TABLES:
        raise ValueError(f"{table} has no name column")
    return [
        r[0] for r in store.execute(f"SELECT id FROM {table} WHERE name = ? AND archived_at IS NULL", [name])
    ]


def add_household(
    store: Store,
    *,
    building_id: int,
    unit: int,
    floor: int,
    room: str,
    head_name: str = "",
    phone: str = "",
    people: int = 0,
    occupancy: str = "lived_in",
    notes: str = "",
) -> int:
    records.require(
        occupancy in OCCUPANCY, QT_TRANSLATE_NOOP("Errors", "Unknown occupancy {value}."), value=occupancy
    )
    records.require(bool(str(room).strip()), QT_TRANSLATE_NOOP("Errors", "A household needs a room number."))
    taken = store.scalar(
        "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ? AND archived_at IS NULL",
        [building_id, unit, str(room)],
    )
    if taken:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Unit {unit} room {room} already exists in this building."),
            unit=unit,
            room=room,
        )
    with store.atomic():
        household_id = records.insert(
            store,
            "household",
            {
                "building_id": building_id,
                "unit": unit,
                "floor": floor,
                "room": str(room).strip(),
                "head_name": head_name,
                "phone": phone,
                "people": people,
                "occupancy": occupancy,
                "notes": notes,
            },
        )
    store.changes.note("household", household=household_id, building=building_id)
    return household_id


def household_rooms(store: Store, household_ids: list[int]) -> list[str]:
    """The room numbers of these households."""
    return [
        r["room"]
        for r in store.query(
            f"SELECT room FROM household WHERE id IN ({','.join('?' for _ in household_ids)})", household_ids
        )
    ]


def household_places(store: Store, household_ids: list[int]) -> list[Any]:
    """Where these households are (building_id, unit, floor)."""
    marks = ",".join("?" for _ in household_ids)
    return store.query(f"SELECT building_id, unit, floor FROM household WHERE id IN ({marks})", household_ids)


def household_heading(store: Store, household_id: int) -> Any:
    """A household's building name, unit, room and head's name (None when there is no such household)."""
    return store.one(
        "SELECT b.name, h.unit, h.room, h.head_name FROM household h JOIN building b ON b.id = h.building_id"
        " WHERE h.id = ?",
        [household_id],
    )


def household_at(store: Store, building_id: int, unit: int, room: str) -> int | None:
    """The active household in this building, unit and room (None when there is none)."""
    return store.scalar(
        "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ? AND archived_at IS NULL",
        [building_id, unit, room],
    )


HOUSEHOLD_FIELDS = ("unit", "floor", "room", "head_name", "phone", "people", "occupancy", "notes")


def update_household(store: Store, household_id: int, **values: Any) -> dict[str, Any]:
    """Edit a household's own fields; returns the old values of what changed (for undo)."""
    unknown = set(values) - set(HOUSEHOLD_FIELDS)
    records.require(
        not unknown,
        QT_TRANSLATE_NOOP("Errors", "Cannot edit {fields} of a household."),
        fields=", ".join(sorted(unknown)),
    )
    if "occupancy" in values:
        records.require(
            values["occupancy"] in OCCUPANCY,
            QT_TRANSLATE_NOOP("Errors", "Unknown occupancy {value}."),
            value=values["occupancy"],
        )
    if "occupancy" not in values and (values.get("head_name") or values.get("people")):
        current = records.fetch(store, "household", household_id)
        if current["occupancy"] == "vacant" and not current["head_name"] and not current["people"]:
            values = {**values, "occupancy": "lived_in"}  # a room not yet surveyed, now entered
    with store.atomic():
        old = records.update(store, "household", household_id, values)
    store.changes.note("household", household=household_id, building=old["building_id"])
    return {k: old[k] for k in values}


def add_resident(
    store: Store,
    *,
    household_id: int,
    name: str,
    gender: str | None = None,
    birth_year: int | None = None,
    phone: str = "",
    id_number: str = "",
    tags: list[str] = (),  # type: ignore[assignment]
) -> int:
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A resident needs a name."))
    records.require(
        gender in (None, *GENDERS), QT_TRANSLATE_NOOP("Errors", "Unknown gender {value}."), value=gender
    )
    with store.atomic():
        resident_id = records.insert(
            store,
            "resident",
            {
                "household_id": household_id,
                "name": name.strip(),
                "gender": gender,
                "birth_year": birth_year,
                "phone": phone,
                "id_number": id_number,
            },
        )
        _entered(store, household_id)
        if tags:
            set_resident_tags(store, resident_id, list(tags))
        else:
            refresh_priority_tier(store, household_id)
    store.changes.note("resident", household=household_id)
    return resident_id


def _entered(store: Store, household_id: int) -> None:
    """A room not yet surveyed (vacant from its building's template) is lived in once someone is
    entered in it."""
    row = records.fetch(store, "household", household_id)
    if row["occupancy"] == "vacant" and not row["head_name"] and not row["people"]:
        records.update(store, "household", household_id, {"occupancy": "lived_in"})


def current_residents(store: Store, household_id: int) -> list[Any]:
    """The residents living in a household now (id, name, birth_year, tags as comma-joined codes)."""
    return store.query(
        "SELECT r.id, r.name, r.birth_year, group_concat(t.code) AS tags FROM resident r"
        " LEFT JOIN resident_tag rt ON rt.resident_id = r.id LEFT JOIN tag t ON t.id = rt.tag_id"
        " WHERE r.household_id = ? AND r.moved_out_at IS NULL AND r.archived_at IS NULL"
        " GROUP BY r.id ORDER BY r.id",
        [household_id],
    )


def resident_tag_codes(store: Store, resident_id: int) -> list[str]:
    """The codes of a resident's tags."""
    return [
        r[0]
        for r in store.execute(
            "SELECT t.code FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id WHERE rt.resident_id = ?",
            [resident_id],
        ).fetchall()
    ]


def tag_ids(store: Store, codes: list[str]) -> dict[str, int]:
    found = {
        r["code"]: r["id"]
        for r in store.query(
            f"SELECT id, code FROM tag WHERE code IN ({','.join('?' for _ in codes)})", codes
        )
    }
    missing = [c for c in codes if c not in found]
    records.require(
        not missing, QT_TRANSLATE_NOOP("Errors", "Unknown tag(s): {tags}."), tags=", ".join(missing)
    )
    return found


def set_resident_tags(store: Store, resident_id: int, codes: list[str]) -> list[str]:
    """Replace a resident's tags; returns the previous codes (for undo)."""
    resident = records.fetch(store, "resident", resident_id)
    with store.atomic():
        previous = [
            r["code"]
            for r in store.query(
                "SELECT t.code FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
                " WHERE rt.resident_id = ? ORDER BY t.id",
                [resident_id],
            )
        ]
        wanted = tag_ids(store, codes) if codes else {}
        for code in set(previous) - set(wanted):
            store.execute(
                "DELETE FROM resident_tag WHERE resident_id = ? AND tag_id ="
                " (SELECT id FROM tag WHERE code = ?)",
                [resident_id, code],
            )
        for code in [c for c in wanted if c not in previous]:
            records.insert(
                store, "resident_tag", {"resident_id": resident_id, "tag_id": wanted[code]}, audit=False
            )
        if set(previous) != set(wanted):
            records.log(
                store, "tags", "resident", resident["uid"], {"tags": previous}, {"tags": list(wanted)}
            )
        refresh_priority_tier(store, resident["household_id"])
    store.changes.note("resident", household=resident["household_id"])
    return previous


def refresh_priority_tier(store: Store, household_id: int) -> int:
    """Recompute the household's risk tier from the tags of the residents living there now."""
    tier = store.scalar(f"SELECT {risk.tier_sql('?')}", [household_id])
    store.execute(
        "UPDATE household SET priority_tier = ?, updated_at = ? WHERE id = ? AND priority_tier != ?",
        [tier, now_iso(), household_id, tier],
    )
    return int(Tier(tier))


def add_member(
    store: Store,
    *,
    community_id: int,
    name: str,
    kind: str,
    phone: str = "",
    branch: str = "",
    work_unit: str = "",
    home_household_id: int | None = None,
    active: bool = True,
) -> int:
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A member needs a name."))
    records.require(
        kind in MEMBER_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown member kind {kind}."), kind=kind
    )
    with store.atomic():
        member_id = records.insert(
            store,
            "member",
            {
                "community_id": community_id,
                "name": name.strip(),
                "kind": kind,
                "phone": phone,
                "branch": branch,
                "work_unit": work_unit,
                "home_household_id": home_household_id,
                "active": int(active),
            },
        )
    store.changes.note("member", member=member_id)
    return member_id


# -- editing, archiving, moving in and out, adjusting rooms --------------------------------------

_EDITABLE: dict[str, tuple[str, ...]] = {
    "community": ("name", "hotline", "address"),
    "grid": ("name", "sort_order"),
    "building": ("name", "number", "plan_x", "plan_y"),
    "resident": ("name", "gender", "birth_year", "phone", "id_number"),
    "member": ("name", "kind", "phone", "branch", "work_unit", "home_household_id", "active"),
}


def update_row(store: Store, table: str, row_id: int, **values: Any) -> dict[str, Any]:
    """Edit a community, grid, building, resident or member; returns the old values (for undo)."""
    allowed = _EDITABLE[table]
    unknown = set(values) - set(allowed)
    records.require(
        not unknown,
        QT_TRANSLATE_NOOP("Errors", "Cannot edit {fields} of a {table}."),
        fields=", ".join(sorted(unknown)),
        table=table,
    )
    if "name" in values:
        values["name"] = str(values["name"]).strip()
        records.require(bool(values["name"]), QT_TRANSLATE_NOOP("Errors", "A name cannot be empty."))
    if table == "member" and "kind" in values:
        records.require(
            values["kind"] in MEMBER_KINDS,
            QT_TRANSLATE_NOOP("Errors", "Unknown member kind {kind}."),
            kind=values["kind"],
        )
    if table == "resident" and "gender" in values:
        records.require(
            values["gender"] in (None, *GENDERS),
            QT_TRANSLATE_NOOP("Errors", "Unknown gender {value}."),
            value=values["gender"],
        )
    with store.atomic():
        old = records.update(store, table, row_id, values)
    _note_row(store, table, old)
    return {k: old[k] for k in values}


def _note_row(store: Store, table: str, row: dict[str, Any]) -> None:
    if table == "community":
        store.changes.everything = True
    elif table == "grid":
        store.changes.note("grid", grid=row["id"])
    elif table == "building":
        store.changes.note("building", building=row["id"], grid=row["grid_id"])
    elif table == "household":
        store.changes.note("household", household=row["id"], building=row["building_id"])
    elif table == "resident":
        store.changes.note("resident", household=row["household_id"])
    elif table == "member":
        store.changes.note("member", member=row["id"])
    else:
        store.changes.note(table)


def update_household_checked(store: Store, household_id: int, **values: Any) -> dict[str, Any]:
    """`update_household`, refusing a unit/room that another household already has."""
    household = records.fetch(store, "household", household_id)
    unit = values.get("unit", household["unit"])
    room = str(values.get("room", household["room"])).strip()
    if "room" in values:
        values["room"] = room
        records.require(bool(room), QT_TRANSLATE_NOOP("Errors", "A household needs a room number."))
    taken = store.scalar(
        "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ? AND archived_at IS NULL"
        " AND id != ?",
        [household["building_id"], unit, room, household_id],
    )
    if taken:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Unit {unit} room {room} already exists in this building."),
            unit=unit,
            room=room,
        )
    return update_household(store, household_id, **values)


ARCHIVABLE = ("community", "grid", "building", "household", "resident", "member")


def archive(store: Store, table: str, row_id: int) -> list[tuple[str, int]]:
    """Remove something from the ledger by archiving it (its history stays in the file).

    A building takes its households with it. A member who still covers households must hand them
    over first. Returns every (table, id) archived (undo puts them back: `models/undo.py`).
    """
    records.require(table in ARCHIVABLE, QT_TRANSLATE_NOOP("Errors", "Cannot remove a {table}."), table=table)
    row = records.fetch(store, table, row_id)
    records.require(row["archived_at"] is None, QT_TRANSLATE_NOOP("Errors", "This has already been removed."))
    if table == "member":
        covering = store.scalar(
            "SELECT (SELECT count(*) FROM pairing WHERE member_id = :m AND ended_on IS NULL)"
            " + (SELECT count(*) FROM scope WHERE member_id = :m AND ended_on IS NULL)",
            {"m": row_id},
        )
        records.require(
            not covering,
            QT_TRANSLATE_NOOP(
                "Errors", "{name} still covers households: reassign or end them before removing."
            ),
            name=row["name"],
        )
    archived = [(table, row_id)]
    stamp = now_iso()
    with store.atomic():
        records.update(store, table, row_id, {"archived_at": stamp}, action="archive")
        if table == "building":
            for (household_id,) in store.execute(
                "SELECT id FROM household WHERE building_id = ? AND archived_at IS NULL", [row_id]
            ).fetchall():
                records.update(store, "household", household_id, {"archived_at": stamp}, action="archive")
                archived.append(("household", household_id))
        if table == "resident":
            refresh_priority_tier(store, row["household_id"])
    _note_row(store, table, row)
    if table == "building":
        store.changes.everything = True
    return archived


@dataclass(frozen=True)
class MoveOut:
    """What `move_out` changed, for undo."""

    household_id: int
    resident_ids: tuple[int, ...]
    old: dict[str, Any]


def move_out(store: Store, household_id: int, *, when: str | None = None) -> MoveOut:
    """Everyone living in the household moves out; it becomes vacant (its history stays)."""
    stamp = when or now_iso()
    with store.atomic():
        residents = [
            r[0]
            for r in store.execute(
                "SELECT id FROM resident WHERE household_id = ? AND moved_out_at IS NULL"
                " AND archived_at IS NULL",
                [household_id],
            ).fetchall()
        ]
        for resident_id in residents:
            records.update(store, "resident", resident_id, {"moved_out_at": stamp}, action="move_out")
        old = update_household(store, household_id, occupancy="vacant", head_name="", phone="", people=0)
        refresh_priority_tier(store, household_id)
    return MoveOut(household_id, tuple(residents), old)


@dataclass(frozen=True)
class NewResident:
    name: str
    gender: str | None = None
    birth_year: int | None = None
    phone: str = ""
    id_number: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class MoveIn:
    household_id: int
    resident_ids: tuple[int, ...]
    old: dict[str, Any]


def move_in(
    store: Store,
    household_id: int,
    *,
    residents: list[NewResident],
    occupancy: str = "lived_in",
    phone: str = "",
) -> MoveIn:
    """New people move into a (usually vacant) household; the first named becomes its head."""
    records.require(bool(residents), QT_TRANSLATE_NOOP("Errors", "Name at least one resident moving in."))
    records.require(
        occupancy in ("lived_in", "rented_out"),
        QT_TRANSLATE_NOOP("Errors", "Unknown occupancy {value}."),
        value=occupancy,
    )
    with store.atomic():
        current = store.scalar(
            "SELECT count(*) FROM resident WHERE household_id = ? AND moved_out_at IS NULL"
            " AND archived_at IS NULL",
            [household_id],
        )
        ids = tuple(
            add_resident(
                store,
                household_id=household_id,
                name=r.name,
                gender=r.gender,
                birth_year=r.birth_year,
                phone=r.phone,
                id_number=r.id_number,
                tags=list(r.tags),
            )
            for r in residents
        )
        values: dict[str, Any] = {"occupancy": occupancy, "people": current + len(ids)}
        if not current:
            values["head_name"] = residents[0].name.strip()
            values["phone"] = phone or residents[0].phone
        old = update_household(store, household_id, **values)
    return MoveIn(household_id, ids, old)


@dataclass(frozen=True)
class Merge:
    """What `merge_rooms` changed, for undo."""

    kept: int
    merged: tuple[int, ...]
    moved_residents: tuple[tuple[int, int], ...]  # (resident id, former household id)
    ended_pairings: tuple[int, ...]
    old_kept: dict[str, Any]


def merge_rooms(store: Store, household_ids: list[int], *, room: str | None = None) -> Merge:
    """Several rooms that are really one home (knocked through): keep the first, archive the rest.

    Residents of the others move to the kept one; pairings with the others end ("merged"); their
    visits and requests stay with them as history.
    """
    ids = list(dict.fromkeys(household_ids))
    records.require(len(ids) >= 2, QT_TRANSLATE_NOOP("Errors", "Choose two or more rooms to merge."))
    rows = [records.fetch(store, "household", i) for i in ids]
    records.require(
        len({(r["building_id"], r["unit"]) for r in rows}) == 1,
        QT_TRANSLATE_NOOP("Errors", "Only rooms in the same unit of one building can be merged."),
    )
    kept, others = rows[0], rows[1:]
    stamp = now_iso()
    moved: list[tuple[int, int]] = []
    ended: list[int] = []
    with store.atomic():
        for other in others:
            for (resident_id,) in store.execute(
                "SELECT id FROM resident WHERE household_id = ? AND moved_out_at IS NULL"
                " AND archived_at IS NULL",
                [other["id"]],
            ).fetchall():
                records.update(store, "resident", resident_id, {"household_id": kept["id"]}, action="merge")
                moved.append((resident_id, other["id"]))
            for (pairing_id,) in store.execute(
                "SELECT id FROM pairing WHERE household_id = ? AND ended_on IS NULL", [other["id"]]
            ).fetchall():
                records.update(
                    store,
                    "pairing",
                    pairing_id,
                    {"ended_on": now_iso()[:10], "end_reason": "merged"},
                    action="end",
                )
                ended.append(pairing_id)
            records.update(store, "household", other["id"], {"archived_at": stamp}, action="archive")
            refresh_priority_tier(store, other["id"])
        values: dict[str, Any] = {}
        if room is not None and room.strip() and room.strip() != kept["room"]:
            values["room"] = room.strip()
        people = store.scalar(
            "SELECT count(*) FROM resident WHERE household_id = ? AND moved_out_at IS NULL"
            " AND archived_at IS NULL",
            [kept["id"]],
        )
        if moved:
            values["people"] = people
            if kept["occupancy"] == "vacant":
                values["occupancy"] = "lived_in"
        old = update_household_checked(store, kept["id"], **values) if values else {}
        refresh_priority_tier(store, kept["id"])
    store.changes.note("household", household=kept["id"], building=kept["building_id"])
    for other in others:
        store.changes.note("household", household=other["id"])
    return Merge(kept["id"], tuple(o["id"] for o in others), tuple(moved), tuple(ended), old)
