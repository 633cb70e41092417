"""What the pairing board shows: the area tree with counts, a building's cells, one household in full.

Each query here is shaped for one screen and runs as one statement, so the board stays fast on a
city file (250,000 households): the tree is one grouped query (or a few buildings' rows of it), a
building's map is one query for all its cells, and a refreshed cell is the same query for its id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from gridboard.models import records, requests, visits
from gridboard.models.clock import today
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.rules import Cycles, current_cycles, rule_params, status_sql
from gridboard.models.store import Store
from gridboard.models.vocab import BUILTIN_TAGS, OPEN_REQUEST_STATUSES, REQUEST_CATEGORIES, REQUEST_URGENCIES

_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)

# Markers drawn on a cell, most serious first (a household shows each at most once).
MARKER_ORDER = "独残病幼困空高孕军"

# Two-character surnames are rare but real; everyone else's surname is the first character.
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
    "端木",
    "独孤",
)


def surname(name: str) -> str:
    name = name.strip()
    if not name:
        return ""
    return name[:2] if name[:2] in _COMPOUND_SURNAMES else name[:1]


def sort_markers(markers: str) -> str:
    unique = dict.fromkeys(m for m in markers if m.strip() and m != ",")
    return "".join(sorted(unique, key=lambda m: (MARKER_ORDER.index(m) if m in MARKER_ORDER else 99, m)))


# -- the area tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaNode:
    """A community, grid or building as the navigation tree lists it."""

    level: str  # "community", "grid", "building"
    id: int
    name: str
    parent_id: int | None  # community for a grid, grid for a building


@dataclass(frozen=True)
class BuildingCounts:
    """The figures a tree row shows for one building; grids and communities sum their buildings."""

    building_id: int
    households: int = 0  # lived in (vacant ones do not count)
    overdue: int = 0
    priority_overdue: int = 0
    visited_in_cycle: int = 0

    def __add__(self, other: BuildingCounts) -> BuildingCounts:
        return BuildingCounts(
            building_id=0,
            households=self.households + other.households,
            overdue=self.overdue + other.overdue,
            priority_overdue=self.priority_overdue + other.priority_overdue,
            visited_in_cycle=self.visited_in_cycle + other.visited_in_cycle,
        )


def area_nodes(store: Store) -> list[AreaNode]:
    """Every live community, grid and building in display order (parents before children)."""
    nodes = [
        AreaNode("community", r["id"], r["name"], None)
        for r in store.query("SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY id")
    ]
    nodes += [
        AreaNode("grid", r["id"], r["name"], r["community_id"])
        for r in store.query(
            "SELECT id, name, community_id FROM grid WHERE archived_at IS NULL ORDER BY sort_order, id"
        )
    ]
    nodes += [
        AreaNode("building", r["id"], r["name"], r["grid_id"])
        for r in store.query(
            "SELECT id, name, grid_id FROM building WHERE archived_at IS NULL ORDER BY grid_id, number, id"
        )
    ]
    return nodes


def _cutoffs(cycles: Cycles, on: date | None) -> dict[str, Any]:
    """The last day a visit may have been for a household of each tier to be still within cycle.

    `due < today` (rules.due_sql) is `date(last_reached_at) < today - cycle`, which for ISO text is
    `last_reached_at < cutoff`: a plain comparison instead of date arithmetic on every household.
    """
    day = on or today()
    return {
        f"cut_{name}": (day - timedelta(days=days)).isoformat()
        for name, days in (("high", cycles.high), ("priority", cycles.priority), ("normal", cycles.normal))
    }


_CUTOFF = "(CASE h.priority_tier WHEN 2 THEN :cut_high WHEN 1 THEN :cut_priority ELSE :cut_normal END)"


def building_counts(
    store: Store,
    building_ids: list[int] | None = None,
    *,
    on: date | None = None,
    cycles: Cycles | None = None,
) -> dict[int, BuildingCounts]:
    """Counts per building in one grouped query; pass the ids that changed to refresh only those.

    The same rules as `rules.coverage` (tests hold them equal), written so a city's 250,000
    households are counted in one pass without date arithmetic.
    """
    params: dict[str, Any] = _cutoffs(cycles or current_cycles(store), on)
    where = ""
    if building_ids is not None:
        if not building_ids:
            return {}
        marks = ",".join(f":b{i}" for i in range(len(building_ids)))
        where = f"AND h.building_id IN ({marks})"
        params.update({f"b{i}": b for i, b in enumerate(building_ids)})
    overdue = f"(h.last_reached_at IS NULL OR h.last_reached_at < {_CUTOFF})"
    rows = store.execute(
        f"""
        SELECT h.building_id,
            sum(h.occupancy != 'vacant'),
            sum(h.occupancy != 'vacant' AND {overdue}),
            sum(h.occupancy != 'vacant' AND h.priority_tier > 0 AND {overdue}),
            sum(h.occupancy != 'vacant' AND h.last_reached_at >= {_CUTOFF})
        FROM household h
        WHERE h.archived_at IS NULL {where}
        GROUP BY h.building_id
        """,
        params,
    ).fetchall()
    found = {
        building_id: BuildingCounts(
            building_id=building_id,
            households=households or 0,
            overdue=overdue_count or 0,
            priority_overdue=priority_overdue or 0,
            visited_in_cycle=visited or 0,
        )
        for building_id, households, overdue_count, priority_overdue, visited in rows
    }
    for building_id in building_ids or ():
        found.setdefault(building_id, BuildingCounts(building_id=building_id))
    return found


# -- a building's map --------------------------------------------------------------------------------


class Cell(NamedTuple):
    """One household as drawn on the floor map (a tuple: a building makes hundreds at once)."""

    id: int
    unit: int
    floor: int
    room: str
    surname: str
    head_name: str
    occupancy: str
    priority_tier: int
    status: str
    markers: str
    open_requests: int
    member_ids: tuple[int, ...]
    last_visit_at: str | None
    last_reached_at: str | None
    groups: str = ""  # the residents' special groups in full: 独居老人、慢性病


def _group_order(name: str) -> int:
    """Groups in the order of the built-in list (独居老人 first), others after."""
    return next((i for i, t in enumerate(BUILTIN_TAGS) if t.name_zh == name), len(BUILTIN_TAGS))


def marker_legend(store: Store) -> list[tuple[str, str]]:
    """Every marker the map can show, with the groups it stands for: [("独", "独居老人"), ("困", "低保、特困")]."""
    legend: dict[str, list[str]] = {}
    for r in store.query(
        "SELECT marker, name FROM tag WHERE archived_at IS NULL AND marker != '' ORDER BY builtin DESC, id"
    ):
        legend.setdefault(r["marker"], []).append(r["name"])
    return [(marker, "、".join(names)) for marker, names in legend.items()]


@dataclass(frozen=True)
class BuildingInfo:
    id: int
    grid_id: int
    community_id: int
    name: str
    kind: str
    units: int
    floors: int
    rooms_per_floor: int
    plan_x: float | None
    plan_y: float | None


def building_info(store: Store, building_id: int) -> BuildingInfo:
    row = store.one_required(
        "SELECT b.*, g.community_id FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.id = ?",
        [building_id],
    )
    if row is None:
        records.fetch(store, "building", building_id)  # raises the usual "No building with id"
    return BuildingInfo(
        id=row["id"],
        grid_id=row["grid_id"],
        community_id=row["community_id"],
        name=row["name"],
        kind=row["kind"],
        units=row["units"],
        floors=row["floors"],
        rooms_per_floor=row["rooms_per_floor"],
        plan_x=row["plan_x"],
        plan_y=row["plan_y"],
    )


def building_community(store: Store, building_id: int) -> int | None:
    """The community a building belongs to (through its grid); None when there is no such building."""
    return store.scalar(
        "SELECT g.community_id FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.id = ?",
        [building_id],
    )


def building_names(store: Store, building_ids: list[int]) -> dict[int, str]:
    """The names of the given buildings, by id (what the tree reads again after a rename)."""
    marks = ",".join("?" for _ in building_ids)
    return dict(
        store.execute(f"SELECT id, name FROM building WHERE id IN ({marks})", list(building_ids)).fetchall()
    )


def household_building(store: Store, household_id: int) -> int:
    """The building a household lives in."""
    return int(store.scalar("SELECT building_id FROM household WHERE id = ?", [household_id]))


def households_buildings(store: Store, household_ids: list[int]) -> set[int]:
    """The buildings the given households live in."""
    marks = ",".join("?" for _ in household_ids)
    return {
        r[0]
        for r in store.execute(
            f"SELECT DISTINCT building_id FROM household WHERE id IN ({marks})", list(household_ids)
        )
    }


def visit_household(store: Store, visit_id: int) -> int:
    """The household a visit was made to."""
    return int(store.scalar("SELECT household_id FROM visit WHERE id = ?", [visit_id]))


def _cells_sql(where: str) -> str:
    return f"""
        SELECT h.id, h.unit, h.floor, h.room, h.head_name, h.occupancy, h.priority_tier,
            h.last_visit_at, h.last_reached_at,
            {status_sql()} AS status,
            (SELECT group_concat(t.marker, '') FROM resident r
                JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
                WHERE r.household_id = h.id AND r.moved_out_at IS NULL AND r.archived_at IS NULL
                  AND t.archived_at IS NULL AND t.marker != '') AS markers,
            (SELECT group_concat(DISTINCT t.name) FROM resident r
                JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
                WHERE r.household_id = h.id AND r.moved_out_at IS NULL AND r.archived_at IS NULL
                  AND t.archived_at IS NULL) AS groups,
            (SELECT count(*) FROM request q WHERE q.household_id = h.id
                AND q.status IN ({_OPEN}) AND q.archived_at IS NULL) AS open_requests,
            (SELECT group_concat(p.member_id) FROM pairing p
                WHERE p.household_id = h.id AND p.ended_on IS NULL) AS paired_ids,
            (SELECT group_concat(s.member_id) FROM scope s
                WHERE s.building_id = h.building_id AND s.ended_on IS NULL
                  AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor))
                AS scope_ids
        FROM household h
        WHERE h.archived_at IS NULL AND {where}
        ORDER BY h.unit, h.floor, length(h.room), h.room
    """


def _ids(text: str | None) -> list[int]:
    return [int(x) for x in (text or "").split(",") if x]


def _cell(row: Any) -> Cell:
    (household_id, unit, floor, room, head_name, occupancy, tier, last_visit_at, last_reached_at,
     status, markers, groups, open_requests, paired_ids, scope_ids) = row  # fmt: skip
    if scope_ids:
        members = tuple(dict.fromkeys(_ids(paired_ids) + _ids(scope_ids)))
    else:
        members = tuple(_ids(paired_ids)) if paired_ids else ()
    return Cell(
        household_id,
        unit,
        floor,
        room,
        surname(head_name),
        head_name,
        occupancy,
        tier,
        status,
        sort_markers(markers) if markers else "",
        open_requests or 0,
        members,
        last_visit_at,
        last_reached_at,
        "、".join(sorted((groups or "").split(","), key=_group_order)) if groups else "",
    )


def building_cells(
    store: Store, building_id: int, *, on: date | None = None, cycles: Cycles | None = None
) -> list[Cell]:
    """Every household of a building with status, markers, open requests and members: one query."""
    params = {"building": building_id, **rule_params(cycles or current_cycles(store), on)}
    return [_cell(r) for r in store.execute(_cells_sql("h.building_id = :building"), params).fetchall()]


def cells(
    store: Store, household_ids: list[int], *, on: date | None = None, cycles: Cycles | None = None
) -> list[Cell]:
    """The same cells for a few households (what a visit or pairing just changed)."""
    if not household_ids:
        return []
    params: dict[str, Any] = rule_params(cycles or current_cycles(store), on)
    params.update({f"h{i}": h for i, h in enumerate(household_ids)})
    marks = ",".join(f":h{i}" for i in range(len(household_ids)))
    return [_cell(r) for r in store.execute(_cells_sql(f"h.id IN ({marks})"), params).fetchall()]


# -- the grid site plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanBlock:
    id: int
    name: str
    number: int
    units: int
    floors: int
    plan_x: float | None
    plan_y: float | None


def grid_blocks(store: Store, grid_id: int) -> list[PlanBlock]:
    return [
        PlanBlock(r["id"], r["name"], r["number"], r["units"], r["floors"], r["plan_x"], r["plan_y"])
        for r in store.query(
            "SELECT id, name, number, units, floors, plan_x, plan_y FROM building"
            " WHERE grid_id = ? AND archived_at IS NULL ORDER BY number, id",
            [grid_id],
        )
    ]


def set_building_position(
    store: Store, building_id: int, *, x: float | None, y: float | None
) -> tuple[float | None, float | None]:
    """Place a building on its grid's site plan; returns the old position (for undo)."""
    with store.atomic():
        old = records.update(store, "building", building_id, {"plan_x": x, "plan_y": y}, action="place")
    store.changes.note("building", building=building_id, grid=old["grid_id"])
    return old["plan_x"], old["plan_y"]


# -- one household in full ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ResidentLine:
    id: int
    name: str
    gender: str | None
    birth_year: int | None
    tags: tuple[str, ...]  # tag codes
    tag_names: tuple[str, ...]  # the file's (Chinese) names, for tags the UI has no label for


@dataclass(frozen=True)
class PairingLine:
    id: int
    member_id: int
    member_name: str
    mode: str  # "1+1", "N+1", "1+N", or "building"/"unit"/"floor" for a scope
    started_on: str
    ended_on: str | None
    end_reason: str


@dataclass(frozen=True)
class RequestLine:
    id: int
    category: str
    text: str
    urgency: str
    status: str
    collected_at: str


@dataclass(frozen=True)
class HouseholdDetail:
    id: int
    building_id: int
    building_name: str
    grid_id: int
    unit: int
    floor: int
    room: str
    head_name: str
    phone: str
    people: int
    occupancy: str
    notes: str
    priority_tier: int
    status: str
    last_visit_at: str | None
    last_reached_at: str | None
    residents: list[ResidentLine] = field(default_factory=list)
    pairings: list[PairingLine] = field(default_factory=list)  # current ones (history: pairing_history)
    visits: list[visits.Visit] = field(default_factory=list)  # newest first, withdrawn included
    requests: list[RequestLine] = field(default_factory=list)  # open ones


def household_detail(store: Store, household_id: int, *, on: date | None = None) -> HouseholdDetail:
    params = {"h": household_id, **rule_params(current_cycles(store), on)}
    row = store.one_required(
        f"""
        SELECT h.*, {status_sql()} AS status, b.name AS building_name, b.grid_id
        FROM household h JOIN building b ON b.id = h.building_id WHERE h.id = :h
        """,
        params,
    )
    if row is None:
        records.fetch(store, "household", household_id)  # raises "No household with id"
    residents = [
        ResidentLine(
            id=r["id"],
            name=r["name"],
            gender=r["gender"],
            birth_year=r["birth_year"],
            tags=tuple(x for x in (r["codes"] or "").split(",") if x),
            tag_names=tuple(x for x in (r["names"] or "").split(",") if x),
        )
        for r in store.query(
            """
            SELECT r.id, r.name, r.gender, r.birth_year,
                group_concat(t.code, ',') AS codes, group_concat(t.name, ',') AS names
            FROM resident r
            LEFT JOIN resident_tag rt ON rt.resident_id = r.id
            LEFT JOIN tag t ON t.id = rt.tag_id AND t.archived_at IS NULL
            WHERE r.household_id = ? AND r.moved_out_at IS NULL AND r.archived_at IS NULL
            GROUP BY r.id ORDER BY r.id
            """,
            [household_id],
        )
    ]
    pairings = current_pairings(
        store, household_id, building_id=row["building_id"], unit=row["unit"], floor=row["floor"]
    )
    return HouseholdDetail(
        id=row["id"],
        building_id=row["building_id"],
        building_name=row["building_name"],
        grid_id=row["grid_id"],
        unit=row["unit"],
        floor=row["floor"],
        room=row["room"],
        head_name=row["head_name"],
        phone=row["phone"],
        people=row["people"],
        occupancy=row["occupancy"],
        notes=row["notes"],
        priority_tier=row["priority_tier"],
        status=row["status"],
        last_visit_at=row["last_visit_at"],
        last_reached_at=row["last_reached_at"],
        residents=residents,
        pairings=pairings,
        visits=visits.household_visits(store, household_id, include_withdrawn=True),
        requests=open_requests(store, household_id),
    )


_PAIRING_LINES = """
    SELECT p.id, p.member_id, m.name AS member_name, p.mode, p.started_on, p.ended_on, p.end_reason
    FROM pairing p JOIN member m ON m.id = p.member_id
    WHERE p.household_id = :h {pairing_where}
    UNION ALL
    SELECT s.id, s.member_id, m.name, CASE WHEN s.floor IS NOT NULL THEN 'floor'
        WHEN s.unit IS NOT NULL THEN 'unit' ELSE 'building' END, s.started_on, s.ended_on, s.end_reason
    FROM scope s JOIN member m ON m.id = s.member_id
    WHERE s.building_id = :b AND (s.unit IS NULL OR s.unit = :unit)
      AND (s.floor IS NULL OR s.floor = :floor) {scope_where}
"""


def _pairing_lines(store: Store, sql: str, params: dict[str, Any]) -> list[PairingLine]:
    lines = [
        PairingLine(
            id=r["id"],
            member_id=r["member_id"],
            member_name=r["member_name"],
            mode=r["mode"],
            started_on=r["started_on"],
            ended_on=r["ended_on"],
            end_reason=r["end_reason"],
        )
        for r in store.query(sql, params)
    ]
    # Current ones first, then history; newest first within each.
    lines.sort(key=lambda p: p.started_on, reverse=True)
    lines.sort(key=lambda p: p.ended_on is not None)
    return lines


def current_pairings(
    store: Store, household_id: int, *, building_id: int, unit: int, floor: int
) -> list[PairingLine]:
    """Members covering a household now, by pairing or by scope (the partial indexes serve this)."""
    sql = _PAIRING_LINES.format(pairing_where="AND p.ended_on IS NULL", scope_where="AND s.ended_on IS NULL")
    return _pairing_lines(store, sql, {"h": household_id, "b": building_id, "unit": unit, "floor": floor})


def pairing_history(store: Store, household_id: int) -> list[PairingLine]:
    """Every pairing and scope that ever covered the household, current ones first.

    Ended rows have no index of their own (the file's indexes cover current ones only), so this
    reads the pairing and scope tables through: it is asked for, not shown on every click.
    """
    place = store.one_required("SELECT building_id, unit, floor FROM household WHERE id = ?", [household_id])
    if place is None:
        records.fetch(store, "household", household_id)
    sql = _PAIRING_LINES.format(pairing_where="", scope_where="")
    return _pairing_lines(
        store,
        sql,
        {"h": household_id, "b": place["building_id"], "unit": place["unit"], "floor": place["floor"]},
    )


def open_requests(store: Store, household_id: int) -> list[RequestLine]:
    """A household's open requests, oldest first (the requests feature owns the full lifecycle)."""
    return [
        RequestLine(r["id"], r["category"], r["text"], r["urgency"], r["status"], r["collected_at"])
        for r in store.query(
            f"SELECT id, category, text, urgency, status, collected_at FROM request"
            f" WHERE household_id = ? AND status IN ({_OPEN}) AND archived_at IS NULL"
            f" ORDER BY collected_at, id",
            [household_id],
        )
    ]


# -- logging a visit from the board ---------------------------------------------------------------


@dataclass(frozen=True)
class VisitDefaults:
    member_ids: tuple[int, ...]
    method: str
    outcome: str
    day: date


def visit_defaults(store: Store, household_id: int) -> VisitDefaults:
    """What the visit dialog starts with: the paired member, today, and the last visit's method/outcome."""
    from gridboard.models.pairing import household_member_ids

    last = store.one(
        "SELECT method, outcome FROM visit WHERE household_id = ? AND withdrawn_at IS NULL"
        " ORDER BY visited_at DESC, id DESC LIMIT 1",
        [household_id],
    )
    return VisitDefaults(
        member_ids=tuple(household_member_ids(store, household_id)),
        method=last["method"] if last else "in_person",
        outcome=last["outcome"] if last else "met",
        day=today(),
    )


@dataclass(frozen=True)
class RequestDraft:
    """A request written down during a visit, raised together with it."""

    category: str
    text: str = ""
    urgency: str = "normal"


def log_visit_with_requests(
    store: Store,
    *,
    household_id: int,
    member_ids: list[int] | tuple[int, ...] = (),
    visited_at: str | None = None,
    method: str = "in_person",
    outcome: str = "met",
    note: str = "",
    new_requests: list[RequestDraft] | tuple[RequestDraft, ...] = (),
) -> int:
    """A visit and the requests raised during it, in one transaction: all of it is saved or none."""
    for draft in new_requests:
        records.require(
            draft.category in REQUEST_CATEGORIES,
            QT_TRANSLATE_NOOP("Errors", "Unknown request category {value}."),
            value=draft.category,
        )
        records.require(
            draft.urgency in REQUEST_URGENCIES,
            QT_TRANSLATE_NOOP("Errors", "Unknown urgency {value}."),
            value=draft.urgency,
        )
    with store.atomic():
        visit_id = visits.log_visit(
            store,
            household_id=household_id,
            member_ids=list(member_ids),
            visited_at=visited_at,
            method=method,
            outcome=outcome,
            note=note,
        )
        for draft in new_requests:
            requests.raise_request(
                store,
                household_id=household_id,
                category=draft.category,
                text=draft.text,
                urgency=draft.urgency,
                source="visit",
                visit_id=visit_id,
            )
    return visit_id


def member_choices(store: Store, community_id: int | None = None) -> list[tuple[int, str]]:
    """Active members (id, name) for the visit dialog and the member filter."""
    # Two statements, not "? IS NULL OR community_id = ?": that form cannot use the community's index,
    # and on a city file walked every member of the file in name order (seconds from a cold disk).
    if community_id is None:
        sql, params = (
            "SELECT id, name FROM member WHERE active = 1 AND archived_at IS NULL ORDER BY name, id",
            [],
        )
    else:
        sql = (
            "SELECT id, name FROM member WHERE community_id = ? AND active = 1 AND archived_at IS NULL"
            " ORDER BY name, id"
        )
        params = [community_id]
    return [(r["id"], r["name"]) for r in store.query(sql, params)]


def community_choices(store: Store) -> list[tuple[int, str]]:
    """Active communities (id, name) in the office's order, for the community boxes."""
    return [
        (r["id"], r["name"])
        for r in store.query("SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY id")
    ]
