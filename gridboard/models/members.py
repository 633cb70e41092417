"""The members list with each member's load (households, priority households, visited this cycle)."""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from gridboard.models.clock import today
from gridboard.models.rules import Cycles, current_cycles
from gridboard.models.settings import get_setting
from gridboard.models.store import Store
from gridboard.models.tallies import coverage as coverage_tally


class MemberLoad(NamedTuple):
    """One row of the members list. A tuple, so a city's tens of thousands are made straight from the
    query's rows (`MemberLoad._make`) without a Python constructor per member."""

    id: int
    name: str
    kind: str
    branch: str
    phone: str
    work_unit: str
    active: bool
    households: int  # lived-in households covered now (vacant ones carry no load)
    priority: int
    visited_in_cycle: int
    over_limit: bool

    @property
    def visited_share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None

    @property
    def affiliation(self) -> str:
        """What lists show beside the name: an in-service member's work unit, else the branch."""
        return self.work_unit if self.kind == "in_service" and self.work_unit else self.branch


def load_limit(store: Store) -> int:
    return int(get_setting(store, "member_load_limit"))


def _member_counts(
    store: Store, members_sql: str | None, params: dict[str, Any], cycles: Cycles, on: date | None
) -> dict[int, coverage_tally.Counts]:
    """The coverage tallies of members (all, or those `members_sql` selects)."""
    return coverage_tally.counts(
        store.db,
        "member",
        cycles.since(on or today()),
        subjects=members_sql,
        subject_params=params,
    )


def loads_by_member(store: Store, *, community_id: int | None = None) -> dict[int, int]:
    """Lived-in households each member (of a community) covers now; members with none are absent."""
    members_sql = None if community_id is None else "SELECT id FROM member WHERE community_id = :community"
    counts = _member_counts(store, members_sql, {"community": community_id}, current_cycles(store), None)
    return {member_id: c.households for member_id, c in counts.items() if c.households}


def member_loads(
    store: Store,
    *,
    community_id: int | None = None,
    include_inactive: bool = False,
    member_ids: list[int] | None = None,
    on: date | None = None,
    cycles: Cycles | None = None,
) -> list[MemberLoad]:
    """Every member (or the given ones) with their load, sorted by name: one statement over the
    coverage tallies (a city's 70,000 members in one pass, no Python per member but the tuple)."""
    params: dict[str, Any] = {"limit": load_limit(store)}
    where = ["m.archived_at IS NULL"]
    if community_id is not None:
        where.append("m.community_id = :community")
        params["community"] = community_id
    if not include_inactive:
        where.append("m.active = 1")
    if member_ids is not None:
        marks = ",".join(f":m{i}" for i in range(len(member_ids)))
        where.append(f"m.id IN ({marks or 'NULL'})")
        params.update({f"m{i}": v for i, v in enumerate(member_ids)})
    chosen = " AND ".join(where)
    since = (cycles or current_cycles(store)).since(on or today())
    # Members' rows of the tallies, found by subject (the primary key) for the chosen members only.
    subjects = (
        ""
        if community_id is None and member_ids is None
        else f" AND c.subject IN (SELECT m.id FROM member m WHERE {chosen})"
    )
    window, window_params = coverage_tally.catch_up_window(store.db, since)
    changes = "SELECT 0 AS subject, 0 AS change WHERE false"
    if window != "false":
        changes = (
            f"SELECT r.subject, sum(r.households * {coverage_tally.SIGN_SQL}) AS change FROM tally_reached r"
            f" WHERE r.kind = 'member' AND ({window}){subjects.replace('c.subject', 'r.subject')}"
            " GROUP BY r.subject"
        )
    rows = store.conn.execute(
        f"""
        WITH load AS (
            SELECT c.subject, sum(c.households) AS households, sum(c.households * (c.tier > 0)) AS priority,
                sum(c.in_cycle) AS in_cycle
            FROM tally_count c WHERE c.kind = 'member'{subjects} GROUP BY c.subject
        ),
        changed AS ({changes})
        SELECT m.id, m.name, m.kind, m.branch, m.phone, m.work_unit, m.active = 1,
            coalesce(l.households, 0), coalesce(l.priority, 0),
            coalesce(l.in_cycle, 0) + coalesce(ch.change, 0), coalesce(l.households, 0) > :limit
        FROM member m LEFT JOIN load l ON l.subject = m.id LEFT JOIN changed ch ON ch.subject = m.id
        WHERE {chosen} ORDER BY m.name, m.id
        """,
        {**params, **window_params},
    ).fetchall()
    return list(map(MemberLoad._make, rows))


# -- the members list: ids in SQL order, rows fetched as they are shown -------------------------------

# What each column of the list sorts by (the members view's columns, in order).
MEMBER_SORTS = ("name", "kind", "affiliation", "phone", "households", "priority", "visited", "households")


@dataclass(frozen=True)
class MemberQuery:
    """Which members the list shows and in which order. `kind_order` lists kind codes in the order of
    their (translated) labels, so sorting by kind sorts as the column reads."""

    community_id: int | None = None
    text: str = ""
    over_only: bool = False
    sort: str = "households"
    descending: bool = True
    kind_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class MemberIds:
    ids: list[int]  # the members shown, in order
    total: int  # serving members of the community (or the file), before the text filter
    over: int  # of them over the load limit
    limit: int


_LOAD_JOIN = "LEFT JOIN tally_count l ON l.kind = 'member_all' AND l.subject = m.id"
_AFFILIATION = "(CASE WHEN m.kind = 'in_service' AND m.work_unit != '' THEN m.work_unit ELSE m.branch END)"


def _catch_up(store: Store, chosen: str) -> tuple[str, dict[str, Any]]:
    """A join adding each member's in-cycle change since the tallies' clock (usually none)."""
    since = current_cycles(store).since(today())
    window, params = coverage_tally.catch_up_window(store.db, since)
    if window == "false":
        return "", {}
    join = (
        f" LEFT JOIN (SELECT r.subject, sum(r.households * {coverage_tally.SIGN_SQL}) AS change"
        f" FROM tally_reached r WHERE r.kind = 'member' AND ({window})"
        f" AND r.subject IN (SELECT m.id FROM member m WHERE {chosen}) GROUP BY r.subject) ch"
        " ON ch.subject = m.id"
    )
    return join, params


# The list's readings kept per reading connection while the file is unchanged: sorting a city's 70,000
# members again (or coming back to "all") sorts cached keys instead of reading them again. Any commit
# (PRAGMA data_version: another connection's; total_changes: this one's) makes them stale, and so
# does another operator signing in (their grid views are temp views: temp.schema_version).
_MEMO: weakref.WeakKeyDictionary[Store, tuple[tuple[int, int, int], dict[Any, Any]]] = (
    weakref.WeakKeyDictionary()
)
_MEMO_SIZE = 8


def _memo(store: Store, key: Any, compute: Callable[[], Any]) -> Any:
    version = (
        store.conn.execute("PRAGMA data_version").fetchone()[0],
        store.conn.total_changes,
        store.conn.execute("PRAGMA temp.schema_version").fetchone()[0],  # another operator's grid views
    )
    held = _MEMO.get(store)
    if held is None or held[0] != version:
        held = (version, {})
        _MEMO[store] = held
    found = held[1]
    if key not in found:
        if len(found) >= _MEMO_SIZE:
            found.pop(next(iter(found)))
        found[key] = compute()
    return found[key]


def _key_map(store: Store, sql: str, chosen: str, params: dict[str, Any], group: str = "") -> dict[int, int]:
    """subject -> value of the coverage tallies' rows `sql` selects, for the members `chosen` selects
    (a whole file: one range of the tallies' primary key; one community: its members looked up)."""
    if ":community" in chosen:
        sql += f" AND c.subject IN (SELECT m.id FROM member m WHERE {chosen})"
    sql += group
    used = tuple(sorted((k, v) for k, v in params.items() if f":{k}" in sql))
    return _memo(store, (sql, used), lambda: dict(store.conn.execute(sql, params).fetchall()))


def member_ids(store: Store, query: MemberQuery) -> MemberIds:
    """The ids of the serving members the list shows, in order, and the summary counts.

    Names, kinds, branches and phones are sorted in SQL (by name: read in order from the index
    member_list_name / member_list_community, m020_lists, without touching a member's row). Loads
    (households, priority, visited) are sorted on cached keys: the name-ordered ids, stably sorted
    by one dict of the coverage tallies (a city's 70,000 members in a few tens of milliseconds, no
    join of every member with the tallies). Ties stay in name order, whichever way a load is sorted.
    Names compare by code point (BINARY): for Chinese, the radical-and-stroke order of Unicode."""
    params: dict[str, Any] = {"limit": load_limit(store)}
    chosen = "m.active = 1 AND m.archived_at IS NULL"
    if query.community_id is not None:
        chosen += " AND m.community_id = :community"
        params["community"] = query.community_id
    limit = params["limit"]
    # Members over the limit are few: their ids, found in the tallies' one row per member.
    over_limit = set(
        _key_map(
            store,
            "SELECT c.subject, 1 FROM tally_count c WHERE c.kind = 'member_all' AND c.households > :limit",
            chosen,
            params,
        )
    )
    where = chosen
    text = query.text.strip()
    if text:
        from gridboard.models.search import like_escape

        params["text"] = f"%{like_escape(text)}%"
        where += (
            " AND (m.name LIKE :text ESCAPE '\\' OR m.branch LIKE :text ESCAPE '\\'"
            " OR m.work_unit LIKE :text ESCAPE '\\' OR substr(m.phone, -4) LIKE :text ESCAPE '\\')"
        )
    direction = "DESC" if query.descending else "ASC"
    loads = query.sort in ("households", "priority", "visited")
    if query.sort == "name":
        order = f"m.name {direction}, m.id {direction}"
    elif loads:
        order = "m.name, m.id"  # then sorted on the load, stably
    else:
        if query.sort == "kind":
            key = (
                "(CASE m.kind "
                + " ".join(f"WHEN :kind{i} THEN {i}" for i in range(len(query.kind_order)))
                + f" ELSE {len(query.kind_order)} END)"
                if query.kind_order
                else "m.kind"
            )
            params.update({f"kind{i}": code for i, code in enumerate(query.kind_order)})
        elif query.sort == "affiliation":
            key = _AFFILIATION
        else:
            key = "m.phone"
        order = f"{key} {direction}, m.name, m.id"
    sql = f"SELECT m.id FROM member m WHERE {where} ORDER BY {order}"
    used = tuple(sorted((k, v) for k, v in params.items() if f":{k}" in sql))
    ids = list(_memo(store, (sql, used), lambda: store.ids(sql, params)))  # one row: `Store.ids`
    if text:
        total, over = store.conn.execute(
            f"SELECT count(*), coalesce(sum(m.id IN (SELECT c.subject FROM tally_count c"
            f" WHERE c.kind = 'member_all' AND c.households > :limit)), 0) FROM member m WHERE {chosen}",
            params,
        ).fetchone()
    else:  # the summary from the rows themselves
        total, over = len(ids), len(over_limit.intersection(ids))
    if query.over_only:
        ids = [i for i in ids if i in over_limit]
    if loads:
        if query.sort == "households":
            keys = _key_map(
                store,
                "SELECT c.subject, c.households FROM tally_count c WHERE c.kind = 'member_all' AND c.households > 0",
                chosen,
                params,
            )
        elif query.sort == "priority":
            keys = _key_map(
                store,
                "SELECT c.subject, sum(c.households) FROM tally_count c WHERE c.kind = 'member' AND c.tier > 0",
                chosen,
                params,
                group=" GROUP BY c.subject",
            )
        else:
            keys = _visited(store, chosen, params)
        ids.sort(key=defaultdict(int, keys).__getitem__, reverse=query.descending)
    return MemberIds(ids=ids, total=total, over=over, limit=limit)


def _visited(store: Store, chosen: str, params: dict[str, Any]) -> dict[int, int]:
    """Households each member has reached this cycle: the tallies' row plus the change since their clock."""
    visited = dict(  # a copy: the cached map stays as read
        _key_map(
            store,
            "SELECT c.subject, c.in_cycle FROM tally_count c WHERE c.kind = 'member_all' AND c.in_cycle != 0",
            chosen,
            params,
        )
    )
    since = current_cycles(store).since(today())
    window, window_params = coverage_tally.catch_up_window(store.db, since)
    if window != "false":
        subjects = (
            f" AND r.subject IN (SELECT m.id FROM member m WHERE {chosen})" if ":community" in chosen else ""
        )
        sql = (
            f"SELECT r.subject, sum(r.households * {coverage_tally.SIGN_SQL}) FROM tally_reached r"
            f" WHERE r.kind = 'member' AND ({window}){subjects} GROUP BY r.subject"
        )
        both = {**params, **window_params}
        key = (sql, tuple(sorted((k, v) for k, v in both.items() if f":{k}" in sql)))
        for subject, change in _memo(store, key, lambda: store.conn.execute(sql, both).fetchall()):
            visited[subject] = visited.get(subject, 0) + change
    return visited


def member_rows(store: Store, ids: list[int]) -> list[MemberLoad]:
    """The list's rows of these members (one page), in the order given."""
    if not ids:
        return []
    limit = int(load_limit(store))
    params: dict[str, Any] = {f"i{n}": v for n, v in enumerate(ids)}
    chosen = "m.id IN (" + ",".join(f":i{n}" for n in range(len(ids))) + ")"
    catch_up, catch_params = _catch_up(store, chosen)
    params.update(catch_params)
    in_cycle = "coalesce(l.in_cycle, 0)" + (" + coalesce(ch.change, 0)" if catch_up else "")
    found = store.conn.execute(
        f"""
        SELECT m.id, m.name, m.kind, m.branch, m.phone, m.work_unit, m.active = 1,
            coalesce(l.households, 0),
            coalesce((SELECT sum(c.households) FROM tally_count c
                WHERE c.kind = 'member' AND c.subject = m.id AND c.tier > 0), 0),
            {in_cycle}, coalesce(l.households, 0) > {limit}
        FROM member m {_LOAD_JOIN}{catch_up} WHERE {chosen}
        """,
        params,
    ).fetchall()
    by_id = {r[0]: MemberLoad._make(r) for r in found}
    return [by_id[i] for i in ids if i in by_id]


def member(store: Store, member_id: int) -> dict[str, Any]:
    """One member's own fields plus where they live (building, unit, room) when known."""
    row = store.one(
        """SELECT m.*, h.building_id AS home_building_id, b.name AS home_building, h.unit AS home_unit,
            h.room AS home_room, g.name AS grid_name
        FROM member m LEFT JOIN household h ON h.id = m.home_household_id
        LEFT JOIN building b ON b.id = h.building_id LEFT JOIN grid g ON g.id = b.grid_id
        WHERE m.id = ?""",
        [member_id],
    )
    return dict(row) if row else {}


@dataclass(frozen=True)
class CoveredHousehold:
    id: int
    building_id: int
    building_name: str
    unit: int
    floor: int
    room: str
    head_name: str
    priority_tier: int
    occupancy: str
    last_reached_at: str | None


def covered_households(store: Store, member_id: int) -> list[CoveredHousehold]:
    from gridboard.models.pairing import MEMBER_HOUSEHOLDS_SQL

    rows = store.query(
        f"""SELECT h.id, h.building_id, b.name AS building_name, h.unit, h.floor, h.room, h.head_name,
            h.priority_tier, h.occupancy, h.last_reached_at
        FROM household h JOIN building b ON b.id = h.building_id
        WHERE h.id IN ({MEMBER_HOUSEHOLDS_SQL}) AND h.archived_at IS NULL
        ORDER BY b.number, b.id, h.unit, h.floor, h.room""",
        {"member": member_id},
    )
    return [CoveredHousehold(**dict(r)) for r in rows]


@dataclass(frozen=True)
class MemberVisit:
    visit_id: int
    household_id: int
    visited_at: str
    method: str
    outcome: str
    note: str
    building_name: str
    unit: int
    room: str
    withdrawn: bool


def member_visits(store: Store, member_id: int, *, limit: int = 500) -> list[MemberVisit]:
    """The member's visit record, newest first."""
    rows = store.query(
        """SELECT v.id AS visit_id, v.household_id, v.visited_at, v.method, v.outcome, v.note,
            b.name AS building_name, h.unit, h.room, v.withdrawn_at IS NOT NULL AS withdrawn
        FROM visit_member vm JOIN visit v ON v.id = vm.visit_id
        JOIN household h ON h.id = v.household_id JOIN building b ON b.id = h.building_id
        WHERE vm.member_id = ? ORDER BY v.visited_at DESC LIMIT ?""",
        [member_id, limit],
    )
    return [MemberVisit(**{**dict(r), "withdrawn": bool(r["withdrawn"])}) for r in rows]
