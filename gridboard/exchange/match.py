"""Finding what the drafts are in the file, and planning the rows to write (ids assigned here).

Rows match by uid-free identity: a building by (community, estate, name or number), a household by
(building, unit, room), a resident by name within its household and a member by name within the
community, and never by name alone: IDs, phones and birth years that differ make two people.
Matching rows are updated (a blank cell never erases what the file knows), the rest are added.
Every write is a `Statement` in the plan; nothing here executes one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from gridboard.exchange import parsers as p
from gridboard.exchange.plan import Plan, Problem, Statement
from gridboard.exchange.rows import (
    Drafts,
    HouseholdDraft,
    LinkDraft,
    Place,
    Source,
    column_letter,
    different_people,
)
from gridboard.models import records, risk
from gridboard.models.clock import new_uid, now_iso, today
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.search import initials
from gridboard.models.store import Store

_DIGITS = re.compile(r"\d+")


def grid_key(name: str) -> str:
    """One key for the ways one grid is written: 第一网格, 一网格, 1网格, 网格一 and 第1网格 are one grid."""
    text = p.arabic_numerals(p.clean_text(name)).replace(" ", "")
    match = re.fullmatch(r"第?0*(\d+)号?网格|网格0*(\d+)号?", text)
    if match:
        return f"#{match.group(1) or match.group(2)}"
    return text


def building_label(estate: str, name: str) -> str:
    """The building's name as shown everywhere: the estate before it (幸福小区1号楼)."""
    return name if not estate or name.startswith(estate) else f"{estate}{name}"


class Matcher:
    def __init__(self, store: Store, plan: Plan, drafts: Drafts, tick: Callable[[], None]) -> None:
        self.store = store
        self.plan = plan
        self.drafts = drafts
        self.tick = tick
        self.stamp = now_iso()
        self.next_id: dict[str, int] = {}
        self.layouts = {x.name: x for x in plan.layouts}
        self.default_community = plan.book.path.stem[:40] or "社区"
        self._drafts_index: tuple[dict[tuple, HouseholdDraft], dict[str, set[int]]] | None = None

    # -- plumbing ----------------------------------------------------------------------------------

    def new_id(self, table: str) -> int:
        if table not in self.next_id:
            top = int(self.store.scalar(f"SELECT coalesce(max(id), 0) FROM {table}"))
            self.plan.basis[table] = top
            self.next_id[table] = top + 1
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def write(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.plan.statements.append(Statement(sql, rows))

    def problem(
        self,
        source: Source,
        column: int | None,
        value: str,
        reason: str,
        severity: str = "error",
        **params: Any,
    ) -> None:
        layout = self.layouts[source.sheet]
        column_text = ""
        if column is not None:
            header = layout.headers[column] if column < len(layout.headers) else ""
            column_text = f"{column_letter(column)} {header}".strip()
        self.plan.add_problem(
            Problem(source.sheet, source.row, column_text, value, reason, severity, params, column)
        )

    # -- the whole match ---------------------------------------------------------------------------

    def run(self) -> None:
        self.load_structure()
        for household in self.drafts.households.values():
            household.building = self.building_id(
                household.place, household.source, kind=household.kind, create=True
            )
        self.match_households()
        self.match_residents()
        self.match_members()
        self.match_links()
        # New households got their tier on insert; those already in the file are worked out again.
        touched = [h for h in self.plan.touched_households if h not in self.inserted_households]
        if touched:
            self.write(
                f"UPDATE household SET priority_tier = {risk.tier_sql('household.id')}"
                " WHERE id IN (SELECT value FROM json_each(?))",
                [(json.dumps(touched),)],
            )

    # -- communities, grids, buildings -------------------------------------------------------------

    def load_structure(self) -> None:
        s = self.store
        self.communities = {
            r["name"]: r["id"]
            for r in s.query("SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY id")
        }
        self.grids: dict[tuple[int, str], int] = {}
        self.grid_lists: dict[int, list[int]] = {}
        for r in s.query(
            "SELECT id, community_id, name FROM grid WHERE archived_at IS NULL ORDER BY sort_order, id"
        ):
            self.grids.setdefault((r["community_id"], grid_key(r["name"])), r["id"])
            self.grid_lists.setdefault(r["community_id"], []).append(r["id"])
        self.buildings: dict[int, dict[str, Any]] = {}
        self.by_name: dict[tuple[int, str, str], list[dict[str, Any]]] = {}
        self.by_number: dict[tuple[int, str, int], list[dict[str, Any]]] = {}
        for r in s.query(
            "SELECT b.*, g.community_id FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.archived_at IS NULL"
        ):
            self.index_building(dict(r))
        self.building_of: dict[tuple, int | None] = {}
        self.new_buildings: dict[int, dict[str, Any]] = {}

    def index_building(self, b: dict[str, Any]) -> None:
        self.buildings[b["id"]] = b
        self.by_name.setdefault((b["community_id"], b["estate"], b["name"]), []).append(b)
        if b["number"]:
            self.by_number.setdefault((b["community_id"], b["estate"], b["number"]), []).append(b)

    def community_id(self, name: str | None) -> int:
        if name is None:
            if self.communities:
                return next(iter(self.communities.values()))
            name = self.default_community
        if name not in self.communities:
            cid = self.communities[name] = self.new_id("community")
            self.plan.add_count("community", "added")
            self.write(
                "INSERT INTO community (id, uid, created_at, updated_at, name) VALUES (?, ?, ?, ?, ?)",
                [(cid, new_uid(), self.stamp, self.stamp, name)],
            )
        return self.communities[name]

    def grid_id(self, cid: int, name: str) -> int:
        if (cid, grid_key(name)) not in self.grids:
            gid = self.new_id("grid")
            self.grids[(cid, grid_key(name))] = gid
            self.grid_lists.setdefault(cid, []).append(gid)
            self.plan.add_count("grid", "added")
            self.write(
                "INSERT INTO grid (id, uid, created_at, updated_at, community_id, name, sort_order)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(gid, new_uid(), self.stamp, self.stamp, cid, name, len(self.grid_lists[cid]))],
            )
        return self.grids[(cid, grid_key(name))]

    def find_building(self, cid: int, grid: str | None, estate: str, name: str, number: int) -> int | None:
        gid = self.grids.get((cid, grid_key(grid))) if grid is not None else None
        if grid is not None and gid is None:
            return None
        label = building_label(estate, name)
        # By name first; then by number when the file's name reads the same (3栋 is 3号楼).
        candidates = self.by_name.get((cid, estate, label), []) + self.by_name.get((cid, estate, name), [])
        if number:
            candidates += [
                b
                for b in self.by_number.get((cid, estate, number), [])
                if p.parse_building(b["name"].removeprefix(estate))[0][0] == name
            ]
        for b in candidates:
            if gid is None or b["grid_id"] == gid:
                return b["id"]
        return None

    def building_id(
        self, place: Place, source: Source, *, kind: str = "apartment", create: bool
    ) -> int | None:
        community, grid, estate, name, number, _unit, _room = place
        cid = self.community_id(community)
        token = (cid, grid, estate, name, number)
        if token in self.building_of:
            return self.building_of[token]
        found = self.find_building(cid, grid, estate, name, number)
        if found is None and grid is not None and not create:
            # A member of one grid may be paired with a household in the next one.
            found = self.find_building(cid, None, estate, name, number)
        if found is None and grid is None:
            found = self.find_building(cid, None, estate, name, number)
        if found is None and create:
            if grid is None:
                existing = self.grid_lists.get(cid, [])
                if len(existing) > 1:
                    self.problem(
                        source,
                        None,
                        building_label(estate, name),
                        QT_TRANSLATE_NOOP(
                            "Exchange",
                            "Building {name} is new and the community has several grids: add a 网格 column"
                            " (or name the sheet after its grid) to say which.",
                        ),
                        name=building_label(estate, name),
                    )
                    self.building_of[token] = None
                    return None
                gid = existing[0] if existing else self.grid_id(cid, "第一网格")
            else:
                gid = self.grid_id(cid, grid)
            found = self.new_id("building")
            record = {
                "id": found,
                "grid_id": gid,
                "community_id": cid,
                "estate": estate,
                "name": building_label(estate, name),
                "number": number,
                "kind": kind,
                "units": 1,
                "floors": 1,
                "rooms_per_floor": 1,
            }
            self.index_building(record)
            self.new_buildings[found] = record
            self.plan.add_count("building", "added")
        self.building_of[token] = found
        return found

    # -- households --------------------------------------------------------------------------------

    def match_households(self) -> None:
        s = self.store
        drafts = [h for h in self.drafts.households.values() if h.building]
        old_ids = sorted({h.building for h in drafts if h.building and h.building not in self.new_buildings})
        existing: dict[tuple[int, int, str], dict[str, Any]] = {}
        for r in s.query(
            "SELECT id, uid, building_id, unit, floor, room, head_name, phone, phone_note, people, occupancy,"
            " notes, register_no FROM household WHERE archived_at IS NULL"
            " AND building_id IN (SELECT value FROM json_each(?))",
            [json.dumps(old_ids)],
        ):
            existing[(r["building_id"], r["unit"], r["room"])] = dict(r)
        self.existing_households = existing
        grow: dict[int, dict[str, int]] = {}
        inserts: list[tuple] = []
        tiers = {
            r["code"]: int(r["tier"]) for r in s.query("SELECT code, tier FROM tag WHERE archived_at IS NULL")
        }
        self.inserted_households: set[int] = set()
        updates: list[tuple[dict, dict]] = []
        tally: Counter[str] = Counter()
        tick, stamp = self.tick, self.stamp
        for household in drafts:
            tick()
            if household.building is None:
                continue  # never: drafts have a building
            unit, room = household.place[5], household.place[6]
            building = self.buildings[household.building]
            shape = grow.get(household.building)
            if shape is None:
                shape = grow[household.building] = {
                    k: building[k] for k in ("units", "floors", "rooms_per_floor")
                }
            shape["units"] = max(shape["units"], min(unit, 50))
            shape["floors"] = max(shape["floors"], min(max(household.floor, 1), 120))
            digits = _DIGITS.match(room)
            index = int(digits.group(0)) if digits else 1
            if building["kind"] == "apartment" and index >= 100:
                index %= 100
            shape["rooms_per_floor"] = max(shape["rooms_per_floor"], min(max(index, 1), 200))
            values = {k: v for k, v in household.values.items() if v not in (None, "")}
            if household.head and "head_name" not in values:
                values["head_name"] = household.head[0]
            if household.register_no:
                values["register_no"] = household.register_no
            row = existing.get((household.building, unit, room))
            if row is None:
                if "head_name" not in values and household.residents:
                    values["head_name"] = household.residents[0].name
                if values.get("people") is None:
                    values["people"] = len(household.residents)
                household.id = self.new_id("household")
                self.inserted_households.add(household.id)
                tier = max(
                    [tiers.get(t, 0) for r in household.residents if r.tags for t in r.tags], default=0
                )
                inserts.append(
                    (
                        household.id,
                        new_uid(),
                        stamp,
                        stamp,
                        household.building,
                        unit,
                        household.floor,
                        room,
                        values.get("head_name") or "",
                        values.get("phone") or "",
                        values.get("phone_note") or "",
                        values.get("people") or 0,
                        values.get("occupancy") or "lived_in",
                        values.get("notes") or "",
                        values.get("register_no") or "",
                        tier,
                    )
                )
                tally["added"] += 1
            else:
                household.id = row["id"]
                if household.floor_given:
                    values["floor"] = household.floor
                changed = {k: v for k, v in values.items() if row.get(k) != v}
                if changed:
                    updates.append((row, changed))
                    tally["updated"] += 1
                else:
                    tally["unchanged"] += 1
            self.plan.touched_households.append(household.id)
        self.plan.add_count("household", "added", 0)
        for what, n in tally.items():
            self.plan.add_count("household", what, n)
        for bid, record in self.new_buildings.items():
            shape = grow.get(bid, {})
            self.write(
                "INSERT INTO building (id, uid, created_at, updated_at, grid_id, name, number, kind, units, floors,"
                " rooms_per_floor, unit_layout, estate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)",
                [
                    (
                        bid,
                        new_uid(),
                        self.stamp,
                        self.stamp,
                        record["grid_id"],
                        record["name"],
                        record["number"],
                        record["kind"],
                        shape.get("units", 1),
                        1 if record["kind"] == "courtyard" else shape.get("floors", 1),
                        shape.get("rooms_per_floor", 1),
                        record["estate"],
                    )
                ],
            )
        building_updates = []
        for bid, shape in grow.items():
            if bid in self.new_buildings:
                continue
            building = self.buildings[bid]
            bigger = {
                k: v
                for k, v in shape.items()
                if v > building[k] and not (k == "floors" and building["kind"] == "courtyard")
            }
            if bigger:
                building_updates.append((building, bigger))
        self.updates("building", building_updates)
        self.write(
            "INSERT INTO household (id, uid, created_at, updated_at, building_id, unit, floor, room, head_name,"
            " phone, phone_note, people, occupancy, notes, register_no, priority_tier)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        self.updates("household", updates)

    def updates(self, table: str, updates: list[tuple[dict, dict]]) -> None:
        """UPDATEs grouped by the set of columns changed, and their old/new values in the audit log."""
        if not updates:
            return
        groups: dict[tuple[str, ...], list[tuple]] = {}
        audit = []
        for row, changed in updates:
            columns = tuple(sorted(c for c in changed if c != "tags"))
            if columns:
                groups.setdefault(columns, []).append((*[changed[c] for c in columns], self.stamp, row["id"]))
            audit.append(
                records.audit_values(  # the signed-in operator, numbers masked, as records.log does
                    self.store,
                    "import",
                    table,
                    row["uid"],
                    {c: row.get(c) for c in sorted(changed)},
                    {c: changed[c] for c in sorted(changed)},
                    stamp=self.stamp,
                )
            )
        for columns, rows in groups.items():
            assignments = ", ".join(f"{c} = ?" for c in columns)
            self.write(f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = ?", rows)
        self.write(records.AUDIT_INSERT, audit)

    # -- residents ---------------------------------------------------------------------------------

    def match_residents(self) -> None:
        s = self.store
        tag_ids = {r["code"]: r["id"] for r in s.query("SELECT id, code FROM tag")}
        old_ids = [h["id"] for h in self.existing_households.values()]
        current: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for r in s.query(
            "SELECT r.id, r.uid, r.household_id, r.name, r.gender, r.birth_year, r.phone, r.phone_note, r.id_number,"
            " r.disability, r.notes, (SELECT group_concat(t.code) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
            "  WHERE rt.resident_id = r.id) AS tags"
            " FROM resident r WHERE r.moved_out_at IS NULL AND r.archived_at IS NULL"
            " AND r.household_id IN (SELECT value FROM json_each(?))",
            [json.dumps(old_ids)],
        ):
            current.setdefault((r["household_id"], r["name"]), []).append(dict(r))
        inserts: list[tuple] = []
        tag_rows: list[tuple] = []
        updates: list[tuple[dict, dict]] = []
        tally: Counter[str] = Counter()
        tick, stamp = self.tick, self.stamp
        for household in self.drafts.households.values():
            if household.id is None:
                continue
            for resident in household.residents:
                tick()
                # A phone that changed since the last import is the same resident, not a new one.
                known = current.get((household.id, resident.name)) if current else None
                row = _pick(known, resident.values, ("birth_year",)) if known else None
                tags = [t for t in resident.tags if t in tag_ids] if resident.tags else []
                v = resident.values
                if row is None:
                    rid = self.new_id("resident")
                    inserts.append(
                        (
                            rid,
                            new_uid(),
                            stamp,
                            stamp,
                            household.id,
                            resident.name,
                            v.get("gender"),
                            v.get("birth_year"),
                            v.get("phone") or "",
                            v.get("phone_note") or "",
                            v.get("id_number") or "",
                            v.get("disability") or "",
                            v.get("notes") or "",
                            initials(resident.name),
                        )
                    )
                    if tags:
                        tag_rows.extend([(new_uid(), stamp, stamp, rid, tag_ids[t]) for t in tags])
                    tally["added"] += 1
                    continue
                changed = {k: val for k, val in v.items() if val not in (None, "") and row.get(k) != val}
                if "notes" in changed and row.get("notes"):
                    merged = "；".join(dict.fromkeys([*row["notes"].split("；"), *v["notes"].split("；")]))
                    changed["notes"] = merged
                    if merged == row["notes"]:
                        del changed["notes"]
                if resident.tags:  # a blank tag cell keeps the tags the file has; a second ledger adds
                    old_tags = sorted((row["tags"] or "").split(",")) if row["tags"] else []
                    new_tags = sorted(set(old_tags) | set(tags))
                    if new_tags != old_tags:
                        changed["tags"] = new_tags
                        row = {**row, "tags": old_tags}
                        tag_rows.extend(
                            (new_uid(), self.stamp, self.stamp, row["id"], tag_ids[t])
                            for t in new_tags
                            if t not in old_tags
                        )
                if changed:
                    updates.append((row, changed))
                    tally["updated"] += 1
                else:
                    tally["unchanged"] += 1
        for what, n in tally.items():
            self.plan.add_count("resident", what, n)
        self.write(
            "INSERT INTO resident (id, uid, created_at, updated_at, household_id, name, gender, birth_year,"
            " phone, phone_note, id_number, disability, notes, name_initials)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        self.write(
            "INSERT INTO resident_tag (uid, created_at, updated_at, resident_id, tag_id) VALUES (?, ?, ?, ?, ?)",
            tag_rows,
        )
        self.updates("resident", updates)

    # -- members -----------------------------------------------------------------------------------

    def match_members(self) -> None:
        s = self.store
        current: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for r in s.query(
            "SELECT id, uid, community_id, name, kind, phone, phone_note, branch, work_unit, id_number, notes"
            " FROM member WHERE archived_at IS NULL ORDER BY id"
        ):
            current.setdefault((r["community_id"], r["name"]), []).append(dict(r))
        self.members_by_name: dict[tuple[int, str], list[dict[str, Any]]] = {
            k: [dict(x) for x in v] for k, v in current.items()
        }
        inserts: list[tuple] = []
        updates: list[tuple[dict, dict]] = []
        for member in self.drafts.members:
            cid = self.community_id(member.community)
            row = _pick(current.get((cid, member.name)), member.values)
            v = member.values
            if row is None:
                member.id = self.new_id("member")
                inserts.append(
                    (
                        member.id,
                        new_uid(),
                        self.stamp,
                        self.stamp,
                        cid,
                        member.name,
                        v.get("phone") or "",
                        v.get("phone_note") or "",
                        v.get("kind") or "community_member",
                        v.get("branch") or "",
                        v.get("work_unit") or "",
                        v.get("id_number") or "",
                        v.get("notes") or "",
                        initials(member.name),
                    )
                )
                self.members_by_name.setdefault((cid, member.name), []).append({"id": member.id, **v})
                self.plan.add_count("member", "added")
                continue
            member.id = row["id"]
            changed = {k: val for k, val in v.items() if val not in (None, "") and row.get(k) != val}
            if changed:
                updates.append((row, changed))
                self.plan.add_count("member", "updated")
            else:
                self.plan.add_count("member", "unchanged")
        self.write(
            "INSERT INTO member (id, uid, created_at, updated_at, community_id, name, phone, phone_note, kind, branch,"
            " work_unit, id_number, notes, name_initials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        self.updates("member", updates)

    def member_for(self, link: LinkDraft, cid: int, name: str, phone: str | None) -> int | None:
        candidates = self.members_by_name.get((cid, name), [])
        if phone:
            same = [m for m in candidates if m.get("phone") == phone]
            if same:
                return same[0]["id"]
        if len(candidates) == 1:
            return candidates[0]["id"]
        if len(candidates) > 1:
            self.problem(
                link.source,
                link.member_column,
                name,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "Not paired: {count} members are named {name}; add the member's phone to say which.",
                ),
                "warning",
                count=len(candidates),
                name=name,
            )
            return None
        self.problem(
            link.source,
            link.member_column,
            name,
            QT_TRANSLATE_NOOP(
                "Exchange", "Not paired: there is no member named {name} in the file or the sheets."
            ),
            "warning",
            name=name,
        )
        return None

    # -- pairings and scopes -----------------------------------------------------------------------

    def drafts_index(self) -> tuple[dict[tuple, HouseholdDraft], dict[str, set[int]]]:
        """The sheets' households by (community, place without grid) and by head's name, built once
        for all the pairing rows that look them up."""
        if self._drafts_index is None:
            by_place: dict[tuple, HouseholdDraft] = {}
            by_head: dict[str, set[int]] = {}
            for h in self.drafts.households.values():
                by_place.setdefault((self.community_id(h.place[0]), *h.place[2:]), h)
                head = h.values.get("head_name", (h.head or ("",))[0])
                if h.id:
                    by_head.setdefault(head, set()).add(h.id)
            self._drafts_index = (by_place, by_head)
        return self._drafts_index

    def household_for(self, link: LinkDraft, cid: int) -> int | None:
        by_place, by_head = self.drafts_index()
        if link.place is not None:
            draft = self.drafts.households.get(link.place)
            if draft is None:
                # The grid or the community may be left out in a pairing table: look by building, unit, room.
                draft = by_place.get((cid, *link.place[2:]))
            if draft is not None and draft.id is not None:
                return draft.id
            bid = self.building_id(link.place, link.source, create=False)
            if bid is not None:
                hid = self.store.scalar(
                    "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ? AND archived_at IS NULL",
                    [bid, link.place[5], link.place[6]],
                )
                if hid is not None:
                    return int(hid)
            _c, _g, estate, name, _n, unit, room = link.place
            address = f"{building_label(estate, name)} {unit}-{room}"
            self.problem(
                link.source,
                link.column,
                address,
                QT_TRANSLATE_NOOP(
                    "Exchange", "Not paired: no household at {address} in the file or the sheets."
                ),
                "warning",
                address=address,
            )
            return None
        head = link.head_name or ""
        found = set(by_head.get(head, ()))
        found |= {
            int(r["id"])
            for r in self.store.query(
                "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"
                " WHERE h.head_name = ? AND h.archived_at IS NULL AND g.community_id = ?",
                [head, cid],
            )
        }
        if len(found) == 1:
            return found.pop()
        reason = (
            QT_TRANSLATE_NOOP(
                "Exchange", "Not paired: no household's head is named {name}; give the address."
            )
            if not found
            else QT_TRANSLATE_NOOP(
                "Exchange", "Not paired: {count} households have a head named {name}; give the address."
            )
        )
        self.problem(link.source, link.column, head, reason, "warning", name=head, count=len(found))
        return None

    def match_links(self) -> None:
        s = self.store
        pairs: list[tuple[LinkDraft, int, int]] = []
        scopes: list[tuple[LinkDraft, int, int, int | None, int | None]] = []
        for link in self.drafts.links:
            self.tick()
            cid = self.community_id(link.community)
            members = [(self.member_for(link, cid, name, phone), name) for name, phone in link.members]
            if link.level is not None:
                bid = self.building_id(link.place, link.source, create=False) if link.place else None
                if bid is None:
                    self.problem(
                        link.source,
                        link.column,
                        link.place[3] if link.place else "",
                        QT_TRANSLATE_NOOP(
                            "Exchange", "Not paired: no building {name} in the file or the sheets."
                        ),
                        "warning",
                        name=building_label(link.place[2], link.place[3]) if link.place else "",
                    )
                    continue
                unit = (
                    (link.place[5] or None)
                    if link.place is not None and link.level in ("unit", "floor")
                    else None
                )
                for mid, _name in members:
                    if mid is not None:
                        scopes.append((link, mid, bid, unit, link.floor))
                continue
            hid = self.household_for(link, cid)
            if hid is None:
                continue
            for mid, _name in members:
                if mid is not None:
                    pairs.append((link, mid, hid))
        per_household = Counter(h for m, h in {(m, h) for _l, m, h in pairs})
        per_member = Counter(m for m, h in {(m, h) for _l, m, h in pairs})
        active = {
            (r["member_id"], r["household_id"])
            for r in s.query("SELECT member_id, household_id FROM pairing WHERE ended_on IS NULL")
        }
        rows: list[tuple] = []
        for link, mid, hid in pairs:
            if (mid, hid) in active:
                self.plan.add_count("pairing", "unchanged")
                continue
            active.add((mid, hid))
            mode = link.mode or ("N+1" if per_household[hid] > 1 else "1+N" if per_member[mid] > 1 else "1+1")
            rows.append(
                (
                    new_uid(),
                    self.stamp,
                    self.stamp,
                    mid,
                    hid,
                    mode,
                    link.started_on or today().isoformat(),
                    "导入",
                )
            )
            self.plan.add_count("pairing", "added")
        self.write(
            "INSERT INTO pairing (uid, created_at, updated_at, member_id, household_id, mode, started_on, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        current = {
            (r["member_id"], r["building_id"], r["unit"], r["floor"])
            for r in s.query("SELECT member_id, building_id, unit, floor FROM scope WHERE ended_on IS NULL")
        }
        scope_rows: list[tuple] = []
        for link, mid, bid, unit, floor in scopes:
            key = (mid, bid, unit, floor)
            if key in current:
                self.plan.add_count("scope", "unchanged")
                continue
            current.add(key)
            scope_rows.append(
                (
                    new_uid(),
                    self.stamp,
                    self.stamp,
                    mid,
                    bid,
                    unit,
                    floor,
                    link.started_on or today().isoformat(),
                    "导入",
                )
            )
            self.plan.add_count("scope", "added")
        self.write(
            "INSERT INTO scope (uid, created_at, updated_at, member_id, building_id, unit, floor, started_on, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            scope_rows,
        )


def _pick(
    rows: list[dict[str, Any]] | None, values: dict[str, Any], by: tuple[str, ...] = ("birth_year", "phone")
) -> dict[str, Any] | None:
    """The file's record a draft means, among those of that name; each is taken once."""
    if not rows:
        return None
    for index, row in enumerate(rows):
        if not different_people(row, values, by):
            return rows.pop(index)
    return None
