"""Actions on the structure of the ledger: communities, grids, buildings, households, residents, members."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from gridboard.models import records
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
) -> int:
    """A building and, from its floors × units × rooms template, its (vacant-until-filled) households."""
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
                        )
    store.changes.note("building", building=building_id, grid=grid_id)
    return building_id


def building_grid(store: Store, building_id: int) -> int:
    return int(store.scalar("SELECT grid_id FROM building WHERE id = ?", [building_id]))


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
        if tags:
            set_resident_tags(store, resident_id, list(tags))
        else:
            refresh_priority_tier(store, household_id)
    store.changes.note("resident", household=household_id)
    return resident_id


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
    tier = store.scalar(
        "SELECT coalesce(max(t.tier), 0) FROM resident r"
        " JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id"
        " WHERE r.household_id = ? AND r.moved_out_at IS NULL AND r.archived_at IS NULL"
        " AND t.archived_at IS NULL",
        [household_id],
    )
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


def add_tag(store: Store, *, code: str, name: str, tier: int = 0, marker: str = "") -> int:
    """An office's own tag beside the built-in priority groups."""
    records.require(
        bool(code.strip()) and bool(name.strip()),
        QT_TRANSLATE_NOOP("Errors", "A tag needs a code and a name."),
    )
    records.require(0 <= tier <= 2, QT_TRANSLATE_NOOP("Errors", "A tag's tier is 0, 1 or 2."))
    exists = store.scalar("SELECT 1 FROM tag WHERE code = ?", [code])
    records.require(
        not exists, QT_TRANSLATE_NOOP("Errors", "A tag with code {code} already exists."), code=code
    )
    with store.atomic():
        tag_id = records.insert(
            store, "tag", {"code": code, "name": name, "builtin": 0, "tier": tier, "marker": marker[:1]}
        )
    store.changes.everything = True
    return tag_id
