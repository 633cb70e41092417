"""Printed visit sheets: which households a sheet holds in walking order, sheet numbers, and re-entry.

A sheet is built (`member_sheet`, `building_sheet`, `grid_sheets`) as a plain `Sheet` without a
number; `record_sheets` gives it a number and stores its rows in printed order, so the paper that comes
back is entered by number (`load_sheet`, `enter_returned_sheet`) and each row becomes at most one visit
with source "paper" and the sheet number.

Walking order is building, unit, floor (from the top or from the bottom, as the operator chooses),
room: the order in which a visitor climbs the stairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from gridboard.models import board, ledger, records, requests, visits
from gridboard.models.addresses import address_text
from gridboard.models.area import Area
from gridboard.models.clock import new_uid, now_iso, today
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.pairing import MEMBER_HOUSEHOLDS_SQL
from gridboard.models.store import Store
from gridboard.models.vocab import (
    OPEN_REQUEST_STATUSES,
    REQUEST_CATEGORIES,
    REQUEST_URGENCIES,
    VISIT_METHODS,
    VISIT_OUTCOMES,
)

FLOOR_ORDERS = ("top", "bottom")
SHEET_KINDS = ("member", "building")
GRID_SECTIONS = ("member", "building")
_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)
_CHUNK = 900  # ids bound per IN (...) list, well under SQLite's limit


@dataclass(frozen=True)
class SheetRow:
    """One household on a sheet, with what the visitor should know before knocking."""

    position: int
    household_id: int
    building_id: int
    building_name: str
    unit: int
    floor: int
    room: str
    address: str
    head_name: str
    phone: str
    people: int
    occupancy: str
    priority_tier: int
    tags: tuple[str, ...]  # Chinese tag names, most pressing first
    last_visit_at: str | None
    last_outcome: str | None
    open_requests: tuple[str, ...]  # category codes of the household's open requests, oldest first
    visit_id: int | None = None  # the visit entered from this row of a returned sheet
    entered_outcome: str | None = None  # and how it went


@dataclass(frozen=True)
class SheetInfo:
    """The header of a sheet."""

    kind: str
    community_name: str
    community_hotline: str
    grid_id: int | None
    grid_name: str
    member_id: int | None
    member_name: str
    member_phone: str
    building_id: int | None
    building_name: str
    period: str
    floor_order: str
    sheet_no: str = ""
    printed_at: str = ""
    operator: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Sheet:
    info: SheetInfo
    rows: tuple[SheetRow, ...]

    @property
    def entered(self) -> int:
        return sum(1 for r in self.rows if r.visit_id is not None)


@dataclass(frozen=True)
class RowEntry:
    """What was written by hand on one row of a returned sheet."""

    position: int
    outcome: str
    method: str = "in_person"
    visited_at: str | date | datetime | None = None  # a day alone: the time was not written
    note: str = ""
    # The same household, member and day already has a visit (typed on the board): the row is that
    # visit, not a second one, unless the sheet's visitor really went twice.
    second_visit: bool = False
    # What was written in 情况及诉求 raised as a request in the same step (the note is its text).
    request_category: str | None = None
    request_urgency: str = "normal"


def same_day_visits(
    store: Store, household_ids: Sequence[int], day: date | str, member_id: int | None
) -> dict[int, list[tuple[int, str, str]]]:
    """Visits not withdrawn on `day` to each household (by `member_id` when given, else by anyone):
    {household: [(visit id, visited at, source)]}, so a sheet row is not counted a second time."""
    found: dict[int, list[tuple[int, str, str]]] = {}
    day_text = day.isoformat() if isinstance(day, date) else str(day)[:10]
    for chunk in _chunks(list(household_ids)):
        marks = ",".join("?" * len(chunk))
        by_member = (
            "AND EXISTS (SELECT 1 FROM visit_member vm WHERE vm.visit_id = v.id AND vm.member_id = ?)"
            if member_id
            else ""
        )
        rows = store.execute(
            f"""SELECT v.household_id, v.id, v.visited_at, v.source FROM visit v
                WHERE v.household_id IN ({marks}) AND v.withdrawn_at IS NULL
                    AND v.visited_at >= ? AND v.visited_at < date(?, '+1 day') {by_member}
                ORDER BY v.visited_at, v.id""",
            [*chunk, day_text, day_text, *([member_id] if member_id else [])],
        ).fetchall()
        for household_id, visit_id, at, source in rows:
            found.setdefault(household_id, []).append((visit_id, at, source))
    return found


# -- small pure helpers -----------------------------------------------------------------------------


def default_period(day: date | None = None) -> str:
    return (day or today()).strftime("%Y-%m")


def normalise_sheet_no(text: str) -> str:
    """What a person typed or a scanner sent (full-width digits, a prefix, spaces) → the sheet number."""
    value = unicodedata.normalize("NFKC", text or "").strip().upper()
    value = re.sub(r"^(GRIDBOARD:)?(SHEET:)?", "", value)
    return re.sub(r"\s+", "", value)


def walking_order_sql(floor_order: str) -> str:
    records.require(
        floor_order in FLOOR_ORDERS,
        QT_TRANSLATE_NOOP("Errors", "Unknown floor order {value}."),
        value=floor_order,
    )
    direction = "DESC" if floor_order == "top" else "ASC"
    return f"b.number, b.id, h.unit, h.floor {direction}, length(h.room), h.room, h.id"


def _pinyin(name: str) -> list[str]:
    """Sort key for Chinese names (pypinyin loads its dictionary on first use, not at import)."""
    from gridboard.models import pinyin

    return pinyin.readings(name)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# -- which households ------------------------------------------------------------------------------

_ROW_COLUMNS = """h.id, h.building_id, b.name AS building_name, b.kind AS building_kind,
    b.units AS building_units, h.unit, h.floor, h.room, h.head_name, h.phone, h.people, h.occupancy,
    h.priority_tier, h.last_visit_at, h.last_outcome"""


def _rows(store: Store, where: str, params: dict, floor_order: str, include_vacant: bool) -> list[SheetRow]:
    vacant = "" if include_vacant else "AND h.occupancy != 'vacant'"
    found = store.query(
        f"""SELECT {_ROW_COLUMNS} FROM household h JOIN building b ON b.id = h.building_id
        WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND {where} {vacant}
        ORDER BY {walking_order_sql(floor_order)}""",
        params,
    )
    ids = [r["id"] for r in found]
    tags = _tags(store, ids)
    requests = _open_requests(store, ids)
    return [
        SheetRow(
            position=index,
            household_id=r["id"],
            building_id=r["building_id"],
            building_name=r["building_name"],
            unit=r["unit"],
            floor=r["floor"],
            room=r["room"],
            address=address_text(
                r["building_name"], r["building_kind"], r["unit"], r["room"], r["building_units"]
            ),
            head_name=r["head_name"],
            phone=r["phone"],
            people=r["people"],
            occupancy=r["occupancy"],
            priority_tier=r["priority_tier"],
            tags=tuple(tags.get(r["id"], ())),
            last_visit_at=r["last_visit_at"],
            last_outcome=r["last_outcome"],
            open_requests=tuple(requests.get(r["id"], ())),
        )
        for index, r in enumerate(found, start=1)
    ]


def _tags(store: Store, ids: Sequence[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for household_id, name in store.execute(
            f"""SELECT r.household_id, t.name FROM resident r
            JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
            WHERE r.household_id IN ({",".join("?" * len(chunk))})
              AND r.moved_out_at IS NULL AND r.archived_at IS NULL AND t.archived_at IS NULL
            GROUP BY r.household_id, t.id ORDER BY r.household_id, t.tier DESC, t.id""",
            list(chunk),
        ):
            result.setdefault(household_id, []).append(name)
    return result


def _open_requests(store: Store, ids: Sequence[int]) -> dict[int, list[str]]:
    # "+status": look requests up by household; the status index would walk every open request in a city.
    result: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for household_id, category in store.execute(
            f"""SELECT household_id, category FROM request
            WHERE household_id IN ({",".join("?" * len(chunk))}) AND +status IN ({_OPEN})
              AND archived_at IS NULL ORDER BY household_id, collected_at, id""",
            list(chunk),
        ):
            result.setdefault(household_id, []).append(category)
    return result


def member_households(
    store: Store,
    member_id: int,
    *,
    grid_id: int | None = None,
    floor_order: str = "bottom",
    include_vacant: bool = False,
) -> list[SheetRow]:
    """Every household the member covers now (pairings and scopes), in walking order."""
    where = f"h.id IN ({MEMBER_HOUSEHOLDS_SQL})"
    params: dict = {"member": member_id}
    if grid_id is not None:
        where += " AND b.grid_id = :grid"
        params["grid"] = grid_id
    return _rows(store, where, params, floor_order, include_vacant)


def building_households(
    store: Store, building_id: int, *, floor_order: str = "top", include_vacant: bool = True
) -> list[SheetRow]:
    """Every household of the building, floor by floor (a door-knocking list)."""
    return _rows(store, "h.building_id = :building", {"building": building_id}, floor_order, include_vacant)


def grid_members(store: Store, grid_id: int) -> list[int]:
    """Members who cover at least one household of the grid, in pinyin order of their names."""
    rows = store.query(
        """SELECT m.id, m.name FROM member m WHERE m.archived_at IS NULL AND m.id IN (
            SELECT p.member_id FROM pairing p JOIN household h ON h.id = p.household_id
                JOIN building b ON b.id = h.building_id
            WHERE p.ended_on IS NULL AND h.archived_at IS NULL AND b.grid_id = :grid
            UNION
            SELECT s.member_id FROM scope s JOIN building b ON b.id = s.building_id
            WHERE s.ended_on IS NULL AND b.grid_id = :grid AND b.archived_at IS NULL)""",
        {"grid": grid_id},
    )
    return [r["id"] for r in sorted(rows, key=lambda r: (_pinyin(r["name"]), r["id"]))]


def grid_buildings(store: Store, grid_id: int) -> list[int]:
    return [
        r[0]
        for r in store.execute(
            "SELECT id FROM building WHERE grid_id = ? AND archived_at IS NULL ORDER BY number, id", [grid_id]
        )
    ]


# -- building sheets (not yet numbered) -------------------------------------------------------------


def _place(store: Store, *, grid_id: int | None) -> dict:
    row = store.one(
        "SELECT g.id AS grid_id, g.name AS grid_name, c.name AS community_name, c.hotline"
        " FROM grid g JOIN community c ON c.id = g.community_id WHERE g.id = ?",
        [grid_id],
    )
    if row is None:
        return {"grid_id": None, "grid_name": "", "community_name": "", "hotline": ""}
    return dict(row)


def _member(store: Store, member_id: int) -> dict:
    row = store.one("SELECT id, name, phone, community_id FROM member WHERE id = ?", [member_id])
    if row is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "No member with id {id}."), id=member_id)
    return dict(row)


def _member_info(
    store: Store, place: dict, member_id: int, member: dict, period: str, floor_order: str
) -> SheetInfo:
    """A member sheet's header; a place without a community takes the member's own."""
    community_name = place["community_name"] or (
        store.scalar("SELECT name FROM community WHERE id = ?", [member["community_id"]]) or ""
    )
    return SheetInfo(
        kind="member",
        community_name=community_name,
        community_hotline=place["hotline"] or "",
        grid_id=place["grid_id"],
        grid_name=place["grid_name"],
        member_id=member_id,
        member_name=member["name"],
        member_phone=member["phone"],
        building_id=None,
        building_name="",
        period=period,
        floor_order=floor_order,
    )


def _building(store: Store, building_id: int) -> dict:
    row = store.one("SELECT id, name, grid_id, kind, units FROM building WHERE id = ?", [building_id])
    if row is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "No building with id {id}."), id=building_id)
    return dict(row)


def member_sheet(
    store: Store,
    member_id: int,
    *,
    grid_id: int | None = None,
    floor_order: str = "bottom",
    period: str | None = None,
) -> Sheet:
    """A member's visit sheet (only their households in `grid_id` when given)."""
    member = _member(store, member_id)
    rows = member_households(store, member_id, grid_id=grid_id, floor_order=floor_order)
    if grid_id is None and rows:
        grid_id = int(store.scalar("SELECT grid_id FROM building WHERE id = ?", [rows[0].building_id]))
    place = _place(store, grid_id=grid_id)
    return Sheet(
        _member_info(store, place, member_id, member, period or default_period(), floor_order),
        tuple(rows),
    )


def building_sheet(
    store: Store, building_id: int, *, floor_order: str = "top", period: str | None = None
) -> Sheet:
    """A building's door-knocking list: every household, floor by floor."""
    building = _building(store, building_id)
    place = _place(store, grid_id=building["grid_id"])
    return Sheet(
        SheetInfo(
            kind="building",
            community_name=place["community_name"],
            community_hotline=place["hotline"] or "",
            grid_id=place["grid_id"],
            grid_name=place["grid_name"],
            member_id=None,
            member_name="",
            member_phone="",
            building_id=building_id,
            building_name=building["name"],
            period=period or default_period(),
            floor_order=floor_order,
        ),
        tuple(building_households(store, building_id, floor_order=floor_order)),
    )


def grid_sheets(
    store: Store,
    grid_id: int,
    *,
    by: str = "member",
    floor_order: str = "bottom",
    period: str | None = None,
) -> list[Sheet]:
    """A grid's sheets: one per member covering households there, or one per building."""
    records.require(
        by in GRID_SECTIONS, QT_TRANSLATE_NOOP("Errors", "Unknown grid section {value}."), value=by
    )
    if by == "member":
        return _grid_member_sheets(store, grid_id, floor_order=floor_order, period=period)
    return [
        building_sheet(store, b, floor_order=floor_order, period=period)
        for b in grid_buildings(store, grid_id)
    ]


def _grid_member_sheets(store: Store, grid_id: int, *, floor_order: str, period: str | None) -> list[Sheet]:
    """`member_sheet(m, grid_id=grid_id)` for each of `grid_members` who has households there, read
    in a few queries for the whole grid instead of five per member (a grid of 120 members took
    90–200 ms, which a print preview waited for before its first page)."""
    members = grid_members(store, grid_id)
    if not members:
        return []
    # The grid's households in walking order, as each member's sheet filters them (`_rows`).
    rows = _rows(store, "b.grid_id = :grid", {"grid": grid_id}, floor_order, False)
    covered: dict[int, set[int]] = {}
    for member_id, household_id in store.execute(
        """SELECT p.member_id, p.household_id FROM pairing p JOIN household h ON h.id = p.household_id
            JOIN building b ON b.id = h.building_id
        WHERE p.ended_on IS NULL AND b.grid_id = :grid
        UNION
        SELECT s.member_id, h.id FROM scope s JOIN building b ON b.id = s.building_id
            JOIN household h ON h.building_id = s.building_id
            AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
        WHERE s.ended_on IS NULL AND b.grid_id = :grid AND h.archived_at IS NULL""",
        {"grid": grid_id},
    ):
        covered.setdefault(member_id, set()).add(household_id)
    people: dict[int, dict] = {}
    for chunk in _chunks(members):
        for row in store.query(
            f"SELECT id, name, phone, community_id FROM member WHERE id IN ({','.join('?' * len(chunk))})",
            list(chunk),
        ):
            people[row["id"]] = dict(row)
    place = _place(store, grid_id=grid_id)
    period = period or default_period()
    sheets = []
    for member_id in members:
        mine = covered.get(member_id, set())
        shown = [r for r in rows if r.household_id in mine]
        if not shown:
            continue
        sheets.append(
            Sheet(
                _member_info(store, place, member_id, people[member_id], period, floor_order),
                tuple(replace(r, position=i) for i, r in enumerate(shown, start=1)),
            )
        )
    return sheets


# -- numbers and records ---------------------------------------------------------------------------


def _next_numbers(store: Store, count: int, day: date) -> list[str]:
    prefix = day.strftime("%y%m%d") + "-"
    last = store.scalar(
        "SELECT max(CAST(substr(sheet_no, 8) AS INTEGER)) FROM printed_sheet WHERE sheet_no LIKE ?",
        [prefix + "%"],
    )
    start = int(last or 0) + 1
    return [f"{prefix}{n:03d}" for n in range(start, start + count)]


def record_sheets(store: Store, sheets: Sequence[Sheet], *, day: date | None = None) -> list[Sheet]:
    """Give each sheet the next number (YYMMDD-NNN) and store it with its rows; returns numbered sheets."""
    with store.atomic():
        return store_numbered(store, number_sheets(store, sheets, day=day))


def number_sheets(store: Store, sheets: Sequence[Sheet], *, day: date | None = None) -> list[Sheet]:
    """The sheets with the next numbers, not stored yet: call it inside the transaction that then
    stores them (`store_numbered`), so the numbers are theirs meanwhile. A print preview shows its
    first page between the two (storing a grid's sheets in a city-sized file takes 50-80 ms)."""
    stamp = now_iso()
    numbers = _next_numbers(store, len(sheets), day or today())
    return [
        replace(sheet, info=replace(sheet.info, sheet_no=number, printed_at=stamp, operator=store.operator))
        for sheet, number in zip(sheets, numbers, strict=True)
    ]


def store_numbered(store: Store, numbered: Sequence[Sheet]) -> list[Sheet]:
    """Store sheets numbered by `number_sheets` with their rows; returns them with their ids."""
    stored = []
    with store.atomic():
        for sheet in numbered:
            info = sheet.info
            sheet_id = records.insert(
                store,
                "printed_sheet",
                {
                    "sheet_no": info.sheet_no,
                    "kind": info.kind,
                    "member_id": info.member_id,
                    "building_id": info.building_id,
                    "grid_id": info.grid_id,
                    "period": info.period,
                    "floor_order": info.floor_order,
                    "printed_at": info.printed_at,
                    "operator": info.operator,
                },
            )
            store.conn.executemany(
                "INSERT INTO printed_sheet_row (uid, created_at, updated_at, sheet_id, position, household_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (new_uid(), info.printed_at, info.printed_at, sheet_id, r.position, r.household_id)
                    for r in sheet.rows
                ],
            )
            stored.append(replace(sheet, info=replace(info, id=sheet_id)))
    store.changes.note("printed_sheet")
    return stored


def discard_unprinted(store: Store, sheet_nos: Sequence[str]) -> None:
    """Forget sheets numbered for a print that was then cancelled (never if a row was entered)."""
    with store.atomic():
        for number in sheet_nos:
            row = store.one("SELECT id, uid FROM printed_sheet WHERE sheet_no = ?", [number])
            if row is None:
                continue
            if store.scalar(
                "SELECT 1 FROM printed_sheet_row WHERE sheet_id = ? AND visit_id IS NOT NULL", [row["id"]]
            ):
                continue
            store.execute("DELETE FROM printed_sheet_row WHERE sheet_id = ?", [row["id"]])
            store.execute("DELETE FROM printed_sheet WHERE id = ?", [row["id"]])
            records.log(store, "discard", "printed_sheet", row["uid"], {"sheet_no": number}, None)
    store.changes.note("printed_sheet")


def load_sheet(store: Store, sheet_no: str) -> Sheet:
    """A printed sheet by number, with its rows in printed order and which were already entered.

    A row whose visit was later withdrawn counts as not entered, so the correction can be typed again.
    """
    number = normalise_sheet_no(sheet_no)
    head = store.one("SELECT * FROM printed_sheet WHERE sheet_no = ?", [number])
    if head is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "There is no printed sheet numbered {sheet_no}."), sheet_no=number
        )
    member = _member(store, head["member_id"]) if head["member_id"] else {"name": "", "phone": ""}
    building = _building(store, head["building_id"]) if head["building_id"] else {"name": ""}
    place = _place(store, grid_id=head["grid_id"])
    info = SheetInfo(
        kind=head["kind"],
        community_name=place["community_name"],
        community_hotline=place["hotline"] or "",
        grid_id=head["grid_id"],
        grid_name=place["grid_name"],
        member_id=head["member_id"],
        member_name=member["name"],
        member_phone=member["phone"],
        building_id=head["building_id"],
        building_name=building["name"],
        period=head["period"],
        floor_order=head["floor_order"],
        sheet_no=head["sheet_no"],
        printed_at=head["printed_at"],
        operator=head["operator"],
        id=head["id"],
    )
    printed = store.query(
        """SELECT r.position, r.household_id, v.id AS visit_id, v.outcome FROM printed_sheet_row r
        LEFT JOIN visit v ON v.id = r.visit_id AND v.withdrawn_at IS NULL
        WHERE r.sheet_id = ? ORDER BY r.position""",
        [head["id"]],
    )
    # Household details as they are now (the address or phone may have been corrected since).
    current = {
        r.household_id: r
        for r in _rows(
            store,
            "h.id IN (SELECT household_id FROM printed_sheet_row WHERE sheet_id = :sheet)",
            {"sheet": head["id"]},
            "bottom",
            True,
        )
    }
    rows = tuple(
        replace(
            current[p["household_id"]],
            position=p["position"],
            visit_id=p["visit_id"],
            entered_outcome=p["outcome"],
        )
        for p in printed
        if p["household_id"] in current
    )
    return Sheet(info, rows)


def enter_returned_sheet(
    store: Store,
    *,
    sheet_no: str,
    entries: Sequence[RowEntry],
    member_ids: Sequence[int] | None = None,
) -> list[int]:
    """Turn what was written on a returned sheet into visits (source "paper", with the sheet number).

    All rows land or none: a row already entered (or given twice) refuses the whole entry. The visits
    are credited to the sheet's member unless `member_ids` says who went.
    """
    with store.atomic():
        sheet = load_sheet(store, sheet_no)
        by_position = {r.position: r for r in sheet.rows}
        positions = [e.position for e in entries]
        unknown = [p for p in positions if p not in by_position]
        if unknown:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "Sheet {sheet_no} has no row {rows}."),
                sheet_no=sheet.info.sheet_no,
                rows=", ".join(map(str, unknown)),
            )
        twice = sorted({p for p in positions if positions.count(p) > 1})
        already = sorted({p for p in positions if by_position[p].visit_id is not None} | set(twice))
        if already:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Row {rows} of sheet {sheet_no} has already been entered; nothing was saved.",
                ),
                sheet_no=sheet.info.sheet_no,
                rows=", ".join(map(str, already)),
            )
        for entry in entries:
            records.require(
                entry.outcome in VISIT_OUTCOMES and entry.method in VISIT_METHODS,
                QT_TRANSLATE_NOOP("Errors", "Row {row}: choose how the visit went and how it was made."),
                row=entry.position,
            )
        members = (
            list(member_ids)
            if member_ids is not None
            else ([sheet.info.member_id] if sheet.info.member_id else [])
        )
        for entry in entries:
            if entry.request_category:
                records.require(
                    entry.request_category in REQUEST_CATEGORIES
                    and entry.request_urgency in REQUEST_URGENCIES,
                    QT_TRANSLATE_NOOP("Errors", "Row {row}: choose the request's category and urgency."),
                    row=entry.position,
                )
                records.require(
                    bool(entry.note.strip()),
                    QT_TRANSLATE_NOOP(
                        "Errors", "Row {row}: write the request under Situation and requests to raise it."
                    ),
                    row=entry.position,
                )
        visit_ids = []
        for entry in entries:
            row = by_position[entry.position]
            when = entry.visited_at or today()
            written = isinstance(when, datetime) or (isinstance(when, str) and len(when.strip()) > 10)
            if isinstance(when, date) and not isinstance(when, datetime):
                when = when.isoformat()
            note = entry.note.strip()
            earlier = same_day_visits(
                store, [row.household_id], str(when)[:10], members[0] if members else None
            )
            if earlier.get(row.household_id) and not entry.second_visit:
                # Typed on the board already: this row is that visit (its note added), not another.
                visit_id = earlier[row.household_id][0][0]
                old_note = store.scalar("SELECT note FROM visit WHERE id = ?", [visit_id]) or ""
                if note and note not in old_note:
                    records.update(
                        store,
                        "visit",
                        visit_id,
                        {"note": f"{old_note}；{note}" if old_note else note},
                        action="enter",
                    )
            else:
                visit_id = visits.log_visit(
                    store,
                    household_id=row.household_id,
                    member_ids=members,
                    visited_at=when,
                    method=entry.method,
                    outcome=entry.outcome,
                    note=note,
                    source="paper",
                    sheet_no=sheet.info.sheet_no,
                    time_written=written,
                )
            if entry.request_category:
                requests.raise_request(
                    store,
                    household_id=row.household_id,
                    category=entry.request_category,
                    text=note,
                    urgency=entry.request_urgency,
                    source="visit",
                    visit_id=visit_id,
                )
            row_id = store.scalar(
                "SELECT id FROM printed_sheet_row WHERE sheet_id = ? AND position = ?",
                [sheet.info.id, entry.position],
            )
            records.update(store, "printed_sheet_row", row_id, {"visit_id": visit_id}, action="enter")
            visit_ids.append(visit_id)
    store.changes.note("printed_sheet")
    return visit_ids


# -- the contact table posted at a unit entrance (对接服务联系表) --------------------------------------


@dataclass(frozen=True)
class Contact:
    role: str  # a grid role code (vocab.GRID_ROLES) or "paired" for a member paired with households here
    member_id: int
    name: str
    kind: str  # vocab.MEMBER_KINDS code
    phone: str
    rooms: tuple[str, ...] = ()  # for "paired": the rooms of this unit the member looks after


@dataclass(frozen=True)
class UnitContacts:
    community_name: str
    hotline: str
    grid_name: str
    building_id: int
    building_name: str
    building_kind: str
    unit: int
    contacts: tuple[Contact, ...]


_TEAM_ORDER = ("grid_worker", "branch_secretary", "cadre_responsible", "building_head", "unit_head")


def unit_contacts(store: Store, building_id: int, unit: int) -> UnitContacts:
    """Who residents of one unit call: the grid's team, the building and unit heads, paired members."""
    building = _building(store, building_id)
    place = _place(store, grid_id=building["grid_id"])
    team = store.query(
        f"""SELECT r.role, m.id, m.name, m.kind, m.phone FROM grid_role r JOIN member m ON m.id = r.member_id
        WHERE r.grid_id = :grid AND r.ended_on IS NULL AND m.archived_at IS NULL
          AND r.role IN ({",".join(f"'{role}'" for role in _TEAM_ORDER)})
          AND (r.role NOT IN ('building_head', 'unit_head') OR r.building_id = :building)
          AND (r.role != 'unit_head' OR r.unit = :unit)
        ORDER BY r.started_on, r.id""",
        {"grid": building["grid_id"], "building": building_id, "unit": unit},
    )
    contacts = [
        Contact(role=r["role"], member_id=r["id"], name=r["name"], kind=r["kind"], phone=r["phone"])
        for r in sorted(team, key=lambda r: _TEAM_ORDER.index(r["role"]))
    ]
    paired: dict[int, dict] = {}
    for r in store.query(
        """SELECT m.id, m.name, m.kind, m.phone, h.room FROM (
            SELECT p.member_id AS member_id, p.household_id AS household_id FROM pairing p
                JOIN household h ON h.id = p.household_id
            WHERE p.ended_on IS NULL AND h.building_id = :building AND h.unit = :unit
            UNION
            SELECT s.member_id, h.id FROM scope s JOIN household h ON h.building_id = s.building_id
                AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
            WHERE s.ended_on IS NULL AND s.building_id = :building AND h.unit = :unit
        ) c JOIN member m ON m.id = c.member_id JOIN household h ON h.id = c.household_id
        WHERE h.archived_at IS NULL AND m.archived_at IS NULL AND m.active = 1
        ORDER BY h.floor, length(h.room), h.room""",
        {"building": building_id, "unit": unit},
    ):
        entry = paired.setdefault(r["id"], {"row": r, "rooms": []})
        entry["rooms"].append(r["room"])
    for entry in sorted(paired.values(), key=lambda e: (_pinyin(e["row"]["name"]), e["row"]["id"])):
        r = entry["row"]
        # A unit head who is also paired here is listed once, with the rooms.
        in_team = next((i for i, c in enumerate(contacts) if c.member_id == r["id"]), None)
        if in_team is not None:
            contacts[in_team] = replace(contacts[in_team], rooms=tuple(entry["rooms"]))
            continue
        contacts.append(
            Contact(
                role="paired",
                member_id=r["id"],
                name=r["name"],
                kind=r["kind"],
                phone=r["phone"],
                rooms=tuple(entry["rooms"]),
            )
        )
    return UnitContacts(
        community_name=place["community_name"],
        hotline=place["hotline"] or "",
        grid_name=place["grid_name"],
        building_id=building_id,
        building_name=building["name"],
        building_kind=building["kind"],
        unit=unit,
        contacts=tuple(contacts),
    )


def building_units(store: Store, building_id: int) -> list[int]:
    return [
        r[0]
        for r in store.execute(
            "SELECT DISTINCT unit FROM household WHERE building_id = ? AND archived_at IS NULL ORDER BY unit",
            [building_id],
        )
    ]


# -- what can be chosen to print -------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    detail: str = ""  # the grid of a building, the kind of a member…
    units: int = 0


def printable_members(store: Store) -> list[Choice]:
    """Active members by the initials of their names (a city file holds tens of thousands)."""
    return [
        Choice(r["id"], r["name"], r["kind"])
        for r in store.query(
            "SELECT id, name, kind FROM member WHERE archived_at IS NULL AND active = 1"
            " ORDER BY coalesce(name_initials, ''), name, id"
        )
    ]


def printable_grids(store: Store, community_id: int | None = None) -> list[Choice]:
    """Grids to print for (of one community, or of the file)."""
    within, params = Area(community=community_id).and_sql()
    return [
        Choice(r["id"], r["name"], r["community"])
        for r in store.query(
            "SELECT g.id, g.name, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id"
            f" WHERE g.archived_at IS NULL {within} ORDER BY c.id, g.sort_order, g.id",
            params,
        )
    ]


def printable_buildings(store: Store, community_id: int | None = None) -> list[Choice]:
    """Buildings to print for (of one community, or of the file)."""
    within, params = Area(community=community_id).and_sql()
    return [
        Choice(r["id"], r["name"], r["grid"], r["units"])
        for r in store.query(
            "SELECT b.id, b.name, g.name AS grid, b.units FROM building b JOIN grid g ON g.id = b.grid_id"
            f" WHERE b.archived_at IS NULL {within} ORDER BY g.community_id, g.sort_order, g.id, b.number, b.id",
            params,
        )
    ]


def community_of(store: Store, kind: str, target_id: int | None) -> int | None:
    """The community a printout's member, building or grid belongs to (None when there is none)."""
    if target_id is None:
        return None
    if kind == "member":
        return store.scalar("SELECT community_id FROM member WHERE id = ?", [target_id])
    if kind in ("building", "contact"):
        return board.building_community(store, target_id)
    if kind in ("grid", "requests"):
        return ledger.grid_community(store, target_id)
    return None
