"""Reading a sheet's rows into drafts: households with their residents, members, pairings and scopes.

Nothing here looks at the file being imported into: a draft is what the ledger says, in gridboard's
terms, with every problem named by sheet, row and column. `match` then finds what the drafts are in
the file. The office's ways of writing are read as they mean: 同上, 〃 and blank or merged cells under a
household's first row are "the same as above"; 户号 groups residents; 与户主关系 names the head.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from gridboard.exchange import parsers as p
from gridboard.exchange.headers import ADDRESS_FIELDS
from gridboard.exchange.plan import IGNORE, KEEP_AS_NOTE, Plan, Problem, Unknown
from gridboard.exchange.recognise import SheetLayout
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.values import NAME_LENGTH, this_year
from gridboard.models.vocab import MEMBER_KINDS

_BLANKS = frozenset({"", "无", "暂无", "/", "-", "—", "--", "none", "null", "n/a", "#n/a"})
# Cells that may be blank words or 同上 written some way: everything else skips those tests.
_ODD_EXACT = _BLANKS | {"None", "NULL", "N/A", "#N/A", "同上", "同前", "ditto", "Ditto"}
_ODD_FIRST = p.DITTO_FIRST | frozenset(" \u3000")
_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|共\s*计|总数|合计数|total)", re.IGNORECASE)
_TOTAL_START = frozenset("合总小共tT \t\r\n\u3000\xa0\u2002\u2003")  # first characters of a 合计 cell
_NOTE_ROW = re.compile(
    r"^(注|说明|备注|填表人|填报人|审核人|制表人|负责人|统计人|填报日期|填表日期|日期|签字)[:：\s]"
)
_NAME_SPLIT = re.compile(r"[、,，;；/\n]+|\s{2,}")
_FLOOR_WORD = re.compile(r"(-?\d+)\s*(?:层|楼层|F)$", re.IGNORECASE)
# Where a building is written as words alone ("综合楼"), one row of doors is assumed.
_COURTYARD_HINT = re.compile(r"院|平房|商铺|门面|沿街|村|组$")


class Source(NamedTuple):
    sheet: str
    row: int


# A household's place as the ledger gives it: community, grid, estate, building name, number, unit, room.
Place = tuple[str | None, str | None, str, str, int, int, str]


@dataclass(slots=True)
class ResidentDraft:
    name: str
    source: Source
    values: dict[str, Any] = field(default_factory=dict)
    tags: list[str] | None = None  # None: the ledger says nothing of tags (keep what the file has)


@dataclass(slots=True)
class HouseholdDraft:
    place: Place
    source: Source
    kind: str  # the building's kind: apartment or courtyard
    floor: int
    floor_given: bool
    register_no: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    residents: list[ResidentDraft] = field(default_factory=list)
    head: tuple[str, Source] | None = None  # from 与户主关系
    building: int | None = None  # set by match
    id: int | None = None  # set by match

    @property
    def community(self) -> str | None:
        return self.place[0]


@dataclass(slots=True)
class MemberDraft:
    community: str | None
    name: str
    source: Source
    values: dict[str, Any] = field(default_factory=dict)
    id: int | None = None  # set by match


@dataclass(slots=True)
class LinkDraft:
    """A row of a pairing table: members to a household (pairing) or to a floor, unit or building (scope)."""

    community: str | None
    members: list[tuple[str, str | None]]  # (name, phone)
    source: Source
    column: int | None  # the cell naming the household or building (what a problem with it points at)
    member_column: int | None = None  # the cell naming the members
    place: Place | None = None  # a household's place, or the building (room "") of a scope
    head_name: str | None = None  # a household named by its head alone
    mode: str | None = None  # as written: 1+1, N+1, 1+N
    level: str | None = None  # scope: floor, unit or building
    floor: int | None = None
    started_on: str | None = None


@dataclass
class Drafts:
    households: dict[Place, HouseholdDraft] = field(default_factory=dict)
    by_register: dict[tuple[str | None, str], HouseholdDraft] = field(default_factory=dict)
    members: list[MemberDraft] = field(default_factory=list)
    links: list[LinkDraft] = field(default_factory=list)


class RowReader:
    """Reads every importable sheet of a plan into drafts; problems go to the plan."""

    def __init__(self, plan: Plan, known_tags: dict[str, str], words: dict[tuple[str, str], str]) -> None:
        self.plan = plan
        self.known_tags = known_tags  # tag name (a custom tag of the file) → code
        self.words = words  # (vocabulary, word) → code, KEEP_AS_NOTE or IGNORE
        self.drafts = Drafts()
        self.ids_seen: dict[str, Source] = {}
        self.pending: list[tuple[SheetLayout, int, int, str, ResidentDraft, str | None]] = []
        self.member_index: dict[tuple[str | None, str], list[MemberDraft]] = {}
        self.failed_rows: set[tuple[str, int]] = set()  # rows already named by a problem
        self._tag_columns: dict[str, list[str]] = {}
        self._fields: dict[str, set[str]] = {}
        self._columns: dict[str, tuple[list[tuple[int, str]], Callable[[Any], Any]]] = {}
        self._memo: dict[Callable[[Any], Any], dict[Any, Any]] = {}
        self.parse_tags = partial(p.parse_tags, extra=known_tags)  # memoised per cell like the others
        self.this_year = this_year()

    def fields_of(self, layout: SheetLayout) -> set[str]:
        """The fields a layout maps, worked out once per read (it is asked on every row)."""
        found = self._fields.get(layout.name)
        if found is None:
            found = self._fields[layout.name] = layout.fields
        return found

    def columns_of(self, layout: SheetLayout) -> tuple[list[tuple[int, str]], Callable[[Any], Any]]:
        """(column, field) of a layout's mapped columns left to right, and a getter that takes all their
        cells from a row in one call; worked out once per read."""
        found = self._columns.get(layout.name)
        if found is None:
            columns = sorted(layout.mapping.items())
            if not columns:
                take: Callable[[Any], Any] = lambda row: ()  # noqa: E731
            elif len(columns) == 1:
                only = columns[0][0]
                take = lambda row: (row[only],)  # noqa: E731
            else:
                take = itemgetter(*(c for c, _ in columns))
            found = self._columns[layout.name] = (columns, take)
        return found

    def tag_columns(self, layout: SheetLayout) -> list[str]:
        """The yes/no group columns (tag:CODE) of a layout, looked up once per sheet."""
        found = self._tag_columns.get(layout.name)
        if found is None:
            found = self._tag_columns[layout.name] = [
                k for k in layout.mapping.values() if k.startswith("tag:")
            ]
        return found

    # -- problems ----------------------------------------------------------------------------------

    def problem(
        self,
        layout: SheetLayout,
        row: int,
        column: int | None,
        value: Any,
        reason: str,
        severity: str = "error",
        vocabulary_word: tuple[str, str] | None = None,
        **params: Any,
    ) -> None:
        column_text = ""
        if column is not None:
            header = layout.headers[column] if column < len(layout.headers) else ""
            column_text = f"{column_letter(column)} {header}".strip()
        self.plan.add_problem(
            Problem(
                layout.name,
                row,
                column_text,
                "" if value is None else p.plain_text(value),
                reason,
                severity,
                params,
                column,
                vocabulary_word,
            )
        )

    def unknown_word(
        self, layout: SheetLayout, row: int, column: int, vocabulary: str, word: str, value: Any
    ) -> str | None:
        """The code the office mapped this word to, else a warning the preview lets them map."""
        mapped = self.words.get((vocabulary, word))
        if mapped is not None:
            return mapped
        entry = self.plan.unknown.get((vocabulary, word))
        if entry is None:
            self.plan.unknown[(vocabulary, word)] = Unknown(vocabulary, word, 1, layout.name, row)
        else:
            entry.count += 1
        reason = {
            "tag": QT_TRANSLATE_NOOP(
                "Exchange", "Unknown group {word}: kept as a note on the resident; map it to a tag."
            ),
            "member_kind": QT_TRANSLATE_NOOP(
                "Exchange", "Unknown kind of member {word}: taken as 社区党员; map it to a kind."
            ),
            "occupancy": QT_TRANSLATE_NOOP(
                "Exchange", "Unknown occupancy {word}: taken as 自住; map it to 自住, 出租 or 空置."
            ),
        }[vocabulary]
        self.problem(layout, row, column, value, reason, "warning", (vocabulary, word), word=word)
        return None

    def too_long(self, layout: SheetLayout, row: int, column: int, name: str) -> bool:
        """A name longer than the file keeps (values.NAME_LENGTH) is an error on its cell."""
        if len(name) <= NAME_LENGTH:
            return False
        self.problem(
            layout,
            row,
            column,
            name[:NAME_LENGTH] + "…",
            QT_TRANSLATE_NOOP("Exchange", "A name has at most {length} characters; this cell has {count}."),
            length=NAME_LENGTH,
            count=len(name),
        )
        return True

    # -- cells -------------------------------------------------------------------------------------

    def cells_of(
        self, layout: SheetLayout, index: int, row: tuple[Any, ...], last: dict[str, tuple[int, Any]]
    ) -> dict[str, tuple[int, Any]]:
        """Field → (column, value) of one row: corrections applied, blanks dropped, 同上 resolved.

        Runs on every cell of every row: the common cell (a plain number or text) takes one test."""
        cells: dict[str, tuple[int, Any]] = {}
        fixes = self.plan.edits.cells
        width = len(row)
        columns, take = self.columns_of(layout)
        if not fixes:
            if columns and width <= columns[-1][0]:
                row = (*row, *(None,) * (columns[-1][0] + 1 - width))  # trailing blanks were trimmed
            values = take(row)  # every mapped cell in one call
        else:
            values = [
                fixes.get((layout.name, index + 1, c), row[c] if c < width else None) for c, _ in columns
            ]
        for (column, key), value in zip(columns, values):
            if value is None:
                continue
            if type(value) is str and (
                value in _ODD_EXACT  # "" too, before the indexing below
                or value[0] in _ODD_FIRST
                or value[-1] == " "
                or not value.isprintable()
            ):
                value = p.strip_control(value)
                if len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
                    value = value[1:]  # our own CSV export guards formula-like text with a quote
                if value.strip().lower() in _BLANKS:
                    continue
                if p.is_same_as_above(value):
                    if key not in last:
                        self.problem(
                            layout,
                            index + 1,
                            column,
                            value,
                            QT_TRANSLATE_NOOP(
                                "Exchange",
                                "同上 (same as above) with nothing above it: write the value itself.",
                            ),
                        )
                        self.failed_rows.add((layout.name, index + 1))
                        continue
                    value = last[key][1]
            cells[key] = (column, value)
        last.update(cells)
        return cells

    def text(self, cells: dict, key: str) -> str | None:
        cell = cells.get(key)
        if cell is None:
            return None
        value = cell[1]
        if type(value) is str and value.isprintable() and "  " not in value:
            return value.strip() or None  # the common cell, without the general path's work
        text = " ".join(p.plain_text(value).split())
        return text or None

    def parsed(self, parser: Callable[[Any], Any], raw: Any) -> Any:
        """parser(raw), worked out once per distinct cell value: a column holds the same few values
        (男/女, 户主/配偶, 1号楼) tens of thousands of times. Parsers are pure functions of the cell."""
        memo = self._memo.get(parser)
        if memo is None:
            memo = self._memo[parser] = {}
        key = raw if type(raw) is str else (type(raw), raw)  # 1, 1.0 and True are equal keys
        found = memo.get(key)
        if found is None:
            found = memo[key] = parser(raw)
        return found

    def parse(
        self,
        layout: SheetLayout,
        row: int,
        cells: dict,
        key: str,
        parser: Callable[[Any], tuple[Any, str | None]],
        severity: str = "error",
    ) -> Any:
        if key not in cells:
            return None
        column, raw = cells[key]
        value, reason = self.parsed(parser, raw)
        if value is None and reason:
            self.problem(layout, row, column, raw, reason, severity)
        return value

    # -- the whole book ----------------------------------------------------------------------------

    def read(self, layouts: list[SheetLayout], tick: Callable[[], None]) -> Drafts:
        left_out = self.plan.edits.left_out
        for layout in layouts:
            readers = {"ledger": self.ledger_row, "members": self.member_row, "pairings": self.link_row}
            read_row = readers[layout.kind]
            sheet = self.plan.book.sheet(layout.name)
            rows = sheet.rows
            self.check_columns(layout)
            if sheet.cut:
                self.problem(
                    layout,
                    len(rows),
                    None,
                    "",
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "The sheet is longer than gridboard reads at once: only its first {rows} rows were read."
                        " Split it into several sheets.",
                    ),
                    "warning",
                    rows=len(rows),
                )
            carry: dict[str, Any] = {}
            last: dict[str, tuple[int, Any]] = {}
            header = frozenset(h for h in layout.headers if h)
            for index in range(layout.header_row + 1, len(rows)):
                tick()
                row = rows[index]
                if not row:
                    continue
                if left_out and (layout.name, index + 1) in left_out:
                    self.plan.left_out.append((layout.name, index + 1))
                    continue
                skip = self.not_data(row, header)
                if skip:
                    self.plan.skipped_rows[skip] += 1
                    continue
                cells = self.cells_of(layout, index, row, last)
                if self.failed_rows and (layout.name, index + 1) in self.failed_rows:
                    carry.pop("household", None)
                    continue
                if len(cells) <= ("community" in cells) + ("grid" in cells):
                    continue  # only the place, carried down from above: nothing of its own
                self.plan.rows += 1
                read_row(layout, index + 1, cells, carry)
        self.resolve_pending()
        return self.drafts

    def not_data(self, row: tuple[Any, ...], header: frozenset[str]) -> str | None:
        """合计 rows, notes written under the table, a header repeated on each printed page.

        Runs on every row, so it counts in C and looks at no more than the first three filled cells."""
        filled = len(row) - row.count(None) - row.count("")
        if not filled:
            return "empty"
        first: Any = None
        seen = 0
        for cell in row:
            if cell is None or cell == "":
                continue
            if first is None:
                first = cell
            if type(cell) is str and cell[0] in _TOTAL_START and _TOTAL.match(cell.strip()):
                return "total"
            seen += 1
            if seen == 3:
                break
        if filled == 1 and type(first) is str and _NOTE_ROW.match(first.strip()):
            return "note"
        if filled >= 3 and type(first) is str and first.strip() in header:
            if sum(1 for c in row if type(c) is str and c.strip() in header) >= 3:
                return "header"
        return None

    def check_columns(self, layout: SheetLayout) -> None:
        fields = self.fields_of(layout)
        if layout.kind == "ledger" and not fields & (ADDRESS_FIELDS | {"register_no"}):
            self.problem(
                layout,
                layout.header_row + 1,
                None,
                "",
                QT_TRANSLATE_NOOP(
                    "Exchange", "No column gives the address (住址, 楼栋, 门牌号): assign one."
                ),
            )
        if layout.kind in ("members", "pairings") and "member_name" not in fields:
            self.problem(
                layout,
                layout.header_row + 1,
                None,
                "",
                QT_TRANSLATE_NOOP("Exchange", "No column gives the member's name (党员姓名): assign one."),
            )

    # -- places ------------------------------------------------------------------------------------

    def community(self, layout: SheetLayout, cells: dict, carry: dict) -> str | None:
        """The row's community: its own cell, the rows above, else the sheet's title."""
        return self.text(cells, "community") or carry.get("community") or layout.community

    def grid(self, layout: SheetLayout, cells: dict, carry: dict) -> str | None:
        """The row's grid: its own cell, the rows above, else the sheet's name or title."""
        return p.clean_text(cells["grid"][1]) if "grid" in cells else carry.get("grid") or layout.grid

    def place_parts(self, layout: SheetLayout, row: int, cells: dict) -> dict[str, Any] | None:
        """What the row's address cells say (possibly nothing); None after a problem."""
        parts: dict[str, Any] = {}
        if "address" in cells:
            column, raw = cells["address"]
            text = p.clean_text(raw)
            floor_word = _FLOOR_WORD.search(text) if layout.kind == "pairings" else None
            if floor_word:
                parts["floor"] = int(floor_word.group(1))
                text = text[: floor_word.start()]
            found, reason = p.parse_address(text)
            if found is None:
                self.problem(layout, row, column, raw, reason or "")
                return None
            if found.estate:
                parts["estate"] = found.estate
            if found.building:
                parts["building"] = (found.building, found.number or 0)
                parts["kind"] = found.kind
            if found.unit is not None:
                parts["unit"] = found.unit
            if found.room is not None:
                parts["room"] = found.room
                if found.floor is not None:
                    parts.setdefault("room_floor", found.floor)
        for key, parser in (("building", p.parse_building), ("unit", p.parse_unit), ("room", p.parse_room)):
            if key in cells:
                value = self.parse(layout, row, cells, key, parser)
                if value is None:
                    return None
                parts[key] = value
                if key == "building":
                    parts["kind"] = "courtyard" if _COURTYARD_HINT.search(value[0]) else "apartment"
        if "floor" in cells:
            floor = self.parse(layout, row, cells, "floor", p.parse_floor)
            if floor is None:
                return None
            parts["floor"] = floor
        estate = self.text(cells, "estate")
        if estate:
            parts["estate"] = estate
        return parts

    def place(
        self, layout: SheetLayout, row: int, cells: dict, carry: dict, parts: dict[str, Any]
    ) -> tuple[Place, dict[str, Any]] | None:
        """The household place from this row's parts and what the rows above said (merged, 同上)."""
        community = self.community(layout, cells, carry)
        grid = self.grid(layout, cells, carry)
        if "room" in parts and "building" not in parts and carry.get("building"):
            parts["building"] = carry["building"]
            parts.setdefault("kind", carry.get("kind", "apartment"))
            parts.setdefault("estate", carry.get("estate"))
            if "unit" not in parts and "unit" in self.fields_of(layout):
                parts["unit"] = carry.get("unit")
        elif (
            "room" in parts
            and "unit" not in parts
            and "unit" in self.fields_of(layout)
            and parts.get("building") == carry.get("building")
        ):
            parts["unit"] = carry.get("unit")
        if (
            "estate" not in parts
            and "estate" in self.fields_of(layout)
            and parts.get("building") == carry.get("building")
        ):
            parts["estate"] = carry.get("estate")
        column = next((cells[k][0] for k in ("address", "room", "building") if k in cells), None)
        if not parts.get("building"):
            self.problem(
                layout,
                row,
                column,
                cells[("address", "room", "building")[0]][1] if "address" in cells else "",
                QT_TRANSLATE_NOOP(
                    "Exchange", "The row does not say which building (楼栋) the household is in."
                ),
            )
            return None
        if parts.get("room") is None:
            self.problem(
                layout,
                row,
                column,
                cells["address"][1] if "address" in cells else "",
                QT_TRANSLATE_NOOP("Exchange", "The row has no room number (门牌号)."),
            )
            return None
        name, number = parts["building"]
        unit = parts.get("unit") or 1
        estate = parts.get("estate") or ""
        carry.update(
            community=community,
            grid=grid,
            estate=estate,
            building=parts["building"],
            kind=parts.get("kind", "apartment"),
            unit=unit,
        )
        return (community, grid, estate, name, number, unit, parts["room"]), parts

    # -- households and residents ------------------------------------------------------------------

    def ledger_row(self, layout: SheetLayout, row: int, cells: dict, carry: dict) -> None:
        source = Source(layout.name, row)
        parts = self.place_parts(layout, row, cells)
        if parts is None:
            return
        register_no = self.text(cells, "register_no")
        address_given = "building" in parts or "room" in parts
        household: HouseholdDraft | None = None
        if address_given:
            found = self.place(layout, row, cells, carry, parts)
            if found is None:
                return
            place, parts = found
            household = self.household(layout, row, place, parts, source, register_no, cells)
        elif register_no and register_no != carry.get("register_no"):
            community = self.community(layout, cells, carry)
            household = self.drafts.by_register.get((community, register_no))
            if household is None:
                self.resident_row(layout, row, cells, None, register_no, source, community)
                return
        elif carry.get("household") is not None:
            household = carry["household"]  # a family member under the head's row
        else:
            column = next((cells[k][0] for k in cells if k not in ("community", "grid")), None)
            self.problem(
                layout,
                row,
                column,
                "",
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "The row does not say where the household lives (no address and no row above to follow).",
                ),
            )
            return
        carry["household"] = household
        carry["register_no"] = household.register_no or register_no
        self.household_values(layout, row, cells, household)
        self.resident_row(layout, row, cells, household, register_no, source, household.community)

    def household(
        self,
        layout: SheetLayout,
        row: int,
        place: Place,
        parts: dict[str, Any],
        source: Source,
        register_no: str | None,
        cells: dict,
    ) -> HouseholdDraft:
        household = self.drafts.households.get(place)
        if household is None:
            floor = parts.get("floor")
            if floor is None:
                floor = parts.get("room_floor") or p.room_floor(place[6])
            household = HouseholdDraft(
                place, source, parts.get("kind", "apartment"), floor, "floor" in parts, register_no or ""
            )
            self.drafts.households[place] = household
        elif register_no and household.register_no and register_no != household.register_no:
            self.problem(
                layout,
                row,
                cells["register_no"][0],
                register_no,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "Household number {number} is at the same address as household {other} (row {other_row});"
                    " both were taken as one household.",
                ),
                "warning",
                number=register_no,
                other=household.register_no,
                other_row=household.source.row,
            )
        if register_no and not household.register_no:
            household.register_no = register_no
        if register_no:
            self.drafts.by_register.setdefault((place[0], register_no), household)
        return household

    def household_values(self, layout: SheetLayout, row: int, cells: dict, household: HouseholdDraft) -> None:
        values: dict[str, Any] = {}
        head = self.text(cells, "head_name")
        if head:
            values["head_name"] = p.clean_name(head)
        if "household_phone" in cells:
            phone, note = self.phone(layout, row, cells, "household_phone")
            values["phone"], values["phone_note"] = phone, note
        if "people" in cells:
            values["people"] = self.parse(layout, row, cells, "people", p.parse_count, "warning")
        if "occupancy" in cells:
            column, raw = cells["occupancy"]
            occupancy, _reason = self.parsed(p.parse_occupancy, raw)
            if occupancy is None:
                word = p.clean_text(raw)
                mapped = self.unknown_word(layout, row, column, "occupancy", word, raw)
                occupancy = mapped if mapped in ("lived_in", "rented_out", "vacant") else None
            values["occupancy"] = occupancy
        notes = self.text(cells, "notes")
        if notes:
            values["notes"] = notes
        for key, value in values.items():
            if value not in (None, "") and household.values.get(key) in (None, ""):
                household.values[key] = value

    def phone(self, layout: SheetLayout, row: int, cells: dict, key: str) -> tuple[str | None, str]:
        column, raw = cells[key]
        phone, note, reason = p.split_phone_note(raw)
        if phone is None and reason:
            self.problem(layout, row, column, raw, reason, "warning")
            if not note and "*" not in p.clean_text(raw):
                note = p.plain_text(raw)  # kept beside, never lost
        return phone, note

    def resident_row(
        self,
        layout: SheetLayout,
        row: int,
        cells: dict,
        household: HouseholdDraft | None,
        register_no: str | None,
        source: Source,
        community: str | None,
    ) -> None:
        name = self.text(cells, "name")
        if name is None and "name" not in self.fields_of(layout):
            name = self.text(cells, "head_name")  # a sheet of households: the head is its resident
        if not name:
            return
        name = p.clean_name(name)
        if self.too_long(layout, row, cells["name" if "name" in cells else "head_name"][0], name):
            return
        values: dict[str, Any] = {}
        tags: list[str] | None = None
        notes: list[str] = []
        relation = None
        if "relation" in cells:
            relation, _ = self.parsed(p.parse_relation, cells["relation"][1])
        if "gender" in cells:
            gender = self.parse(layout, row, cells, "gender", p.parse_gender, "warning")
            if gender:
                values["gender"] = gender
        birth = self.parse(layout, row, cells, "birth", p.parse_date)
        if birth is not None and type(cells["birth"][1]) in (int, float):
            number = cells["birth"][1]
            if not (1900 <= number <= 2100 or 19000101 <= number <= 21001231):
                self.problem(
                    layout,
                    row,
                    cells["birth"][0],
                    number,
                    QT_TRANSLATE_NOOP(
                        "Exchange", "The number {number} was read as an Excel day number: {day}. Check it."
                    ),
                    "warning",
                    number=p.plain_text(number),
                    day=birth.as_date().isoformat(),
                )
        if "phone" in cells:
            phone, note = self.phone(layout, row, cells, "phone")
            if phone:
                values["phone"] = phone
            if note:
                values["phone_note"] = note
        elif "household_phone" in cells and "name" not in self.fields_of(layout) and household is not None:
            values["phone"] = household.values.get("phone")  # a sheet of households: the head's phone
        if "id_number" in cells:
            birth = self.id_number(layout, row, cells, values, birth, source)
        if birth is not None and birth.year > self.this_year:
            self.problem(
                layout,
                row,
                cells["birth"][0] if "birth" in cells else cells["id_number"][0],
                birth.year,
                QT_TRANSLATE_NOOP("Exchange", "A birth date cannot be in the future."),
            )
        elif birth is not None:
            values["birth_year"] = birth.year
        if "tags" in cells:
            tags = []
            self.tag_words(layout, row, cells["tags"], tags, notes, values)
        for key in self.tag_columns(layout):
            if key in cells:
                column, raw = cells[key]
                answer, _ = self.parsed(p.parse_yes_no, raw)
                tags = tags if tags is not None else []
                if answer:
                    tags.append(key[4:])
                elif answer is None:
                    self.tag_words(layout, row, (column, raw), tags, notes, values)
        if "disability" in cells or "disability_grade" in cells:
            tags = tags if tags is not None else []
            self.disability(layout, row, cells, tags, values)
        if notes:
            values["notes"] = "；".join(dict.fromkeys(notes))
        resident = ResidentDraft(
            name, source, values, list(dict.fromkeys(tags)) if tags is not None else None
        )
        if household is None:
            self.pending.append(
                (layout, row, cells["register_no"][0], register_no or "", resident, community)
            )
            return
        self.add_resident(layout, row, cells, household, resident, relation)

    def add_resident(
        self,
        layout: SheetLayout,
        row: int,
        cells: dict,
        household: HouseholdDraft,
        resident: ResidentDraft,
        relation: str | None,
    ) -> None:
        name = resident.name
        head_cell = self.text(cells, "head_name")
        if relation == "head":
            if household.head is not None and household.head[0] != name:
                self.problem(
                    layout,
                    row,
                    cells["relation"][0],
                    name,
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "A second head of household for the same room: {name} here, {other} on row"
                        " {other_row}. Both were taken into one household; check the room numbers.",
                    ),
                    "warning",
                    name=name,
                    other=household.head[0],
                    other_row=household.head[1].row,
                )
            elif household.head is None:
                household.head = (name, resident.source)
        if (
            head_cell
            and "name" in self.fields_of(layout)
            and household.head
            and p.clean_name(head_cell) != household.head[0]
        ):
            self.problem(
                layout,
                row,
                cells["head_name"][0],
                head_cell,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "The head of household written here ({name}) is not the one on row {other_row} ({other}).",
                ),
                "warning",
                name=p.clean_name(head_cell),
                other=household.head[0],
                other_row=household.head[1].row,
            )
        for other in household.residents:
            if other.name != name or different_people(other.values, resident.values):
                continue
            self.problem(
                layout,
                row,
                cells.get("name", cells.get("head_name", (None,)))[0],
                name,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "Likely duplicate: {name} at this address is also on {other_sheet} row {other_row};"
                    " the rows were taken as one person.",
                ),
                "warning",
                name=name,
                other_sheet=other.source.sheet,
                other_row=other.source.row,
            )
            for k, v in resident.values.items():
                other.values.setdefault(k, v)
            if resident.tags is not None:
                other.tags = list(dict.fromkeys((other.tags or []) + resident.tags))
            return
        household.residents.append(resident)

    def resolve_pending(self) -> None:
        """Residents whose 户号 came before the household's own row, or points to no household."""
        for layout, row, column, register_no, resident, community in self.pending:
            household = self.drafts.by_register.get((community, register_no))
            if household is None:
                self.problem(
                    layout,
                    row,
                    column,
                    register_no,
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "Household number {number} matches no household in the sheets (no address row has it).",
                    ),
                    number=register_no,
                )
                continue
            household.residents.append(resident)

    def id_number(
        self, layout: SheetLayout, row: int, cells: dict, values: dict, birth: p.Day | None, source: Source
    ) -> p.Day | None:
        column, raw = cells["id_number"]
        id_number, reason = p.parse_id_number(raw)
        if reason:
            self.problem(layout, row, column, raw, reason, "warning")
        if not id_number:
            return birth
        values["id_number"] = id_number
        earlier = self.ids_seen.get(id_number)
        if earlier is not None and earlier != source:
            self.problem(
                layout,
                row,
                column,
                raw,
                QT_TRANSLATE_NOOP(
                    "Exchange", "Likely duplicate: the same ID number is on {other_sheet} row {other_row}."
                ),
                "warning",
                other_sheet=earlier.sheet,
                other_row=earlier.row,
            )
        else:
            self.ids_seen[id_number] = source
        born = p.id_birth(id_number)
        if birth is None:
            birth = born
        elif born is not None and born.year != birth.year:
            self.problem(
                layout,
                row,
                cells["birth"][0],
                cells["birth"][1],
                QT_TRANSLATE_NOOP("Exchange", "The birth year differs from the ID number's ({year})."),
                "warning",
                year=born.year,
            )
        gender = p.id_gender(id_number)
        if gender and values.get("gender") and gender != values["gender"]:
            self.problem(
                layout,
                row,
                cells["gender"][0],
                cells["gender"][1],
                QT_TRANSLATE_NOOP("Exchange", "The gender differs from the ID number's."),
                "warning",
            )
        elif gender:
            values["gender"] = gender
        return birth

    def tag_words(
        self,
        layout: SheetLayout,
        row: int,
        cell: tuple[int, Any],
        tags: list[str],
        notes: list[str],
        values: dict,
    ) -> None:
        column, raw = cell
        codes, unknown = self.parsed(self.parse_tags, raw)
        tags.extend(codes)
        for word in unknown:
            disability, _ = p.parse_disability(word)
            if disability is not None and disability.category:
                tags.append("disabled")
                values.setdefault("disability", disability.text)
                continue
            mapped = self.unknown_word(layout, row, column, "tag", word, raw)
            if mapped is None or mapped == KEEP_AS_NOTE:
                notes.append(word)
            elif mapped != IGNORE:
                tags.append(mapped)

    def disability(self, layout: SheetLayout, row: int, cells: dict, tags: list[str], values: dict) -> None:
        parts = [p.clean_text(cells[k][1]) for k in ("disability", "disability_grade") if k in cells]
        column = (cells["disability"] if "disability" in cells else cells["disability_grade"])[0]
        answer, _ = p.parse_yes_no(parts[0]) if len(parts) == 1 else (None, None)
        if answer is False:
            return
        if answer is True:
            tags.append("disabled")
            return
        found, reason = p.parse_disability("".join(parts))
        if found is None:
            self.problem(layout, row, column, " ".join(parts), reason or "", "warning")
            return
        tags.append("disabled")
        if found.text:
            values["disability"] = found.text

    # -- members -----------------------------------------------------------------------------------

    def member_row(self, layout: SheetLayout, row: int, cells: dict, carry: dict) -> None:
        source = Source(layout.name, row)
        community = self.community(layout, cells, carry)
        carry["community"] = community
        name = self.text(cells, "member_name")
        if not name:
            return
        if self.too_long(layout, row, cells["member_name"][0], name):
            return
        values: dict[str, Any] = {}
        if "member_kind" in cells:
            column, raw = cells["member_kind"]
            kind, _reason = p.parse_member_kind(raw)
            if kind is None:
                word = p.clean_text(raw)
                mapped = self.unknown_word(layout, row, column, "member_kind", word, raw)
                kind = mapped if mapped in MEMBER_KINDS else None
                if mapped is None or mapped == KEEP_AS_NOTE:
                    values["notes"] = word
            if kind:
                values["kind"] = kind
        if "phone" in cells:
            phone, note = self.phone(layout, row, cells, "phone")
            if phone:
                values["phone"] = phone
            if note:
                values["phone_note"] = note
        if "id_number" in cells:
            id_number, reason = p.parse_id_number(cells["id_number"][1])
            if reason:
                self.problem(layout, row, cells["id_number"][0], cells["id_number"][1], reason, "warning")
            if id_number:
                values["id_number"] = id_number
        for key in ("branch", "work_unit"):
            text = self.text(cells, key)
            if text:
                values[key] = text
        member = self.add_member(
            layout, row, cells, MemberDraft(community, p.clean_name(name), source, values)
        )
        if "contact_households" in cells:
            column, raw = cells["contact_households"]
            for part in _NAME_SPLIT.split(p.clean_text(raw)):
                if part.strip():
                    self.link_target(
                        layout,
                        row,
                        column,
                        part.strip(),
                        LinkDraft(
                            community,
                            [(member.name, member.values.get("phone"))],
                            source,
                            column,
                            member_column=cells["member_name"][0],
                        ),
                        carry,
                        cells,
                    )

    def add_member(self, layout: SheetLayout, row: int, cells: dict, member: MemberDraft) -> MemberDraft:
        """Two rows are one member when name and phone (or ID) agree; the same name alone is not enough."""
        same_name = self.member_index.setdefault((member.community, member.name), [])
        for other in same_name:
            differs = [
                k
                for k in ("phone", "id_number")
                if other.values.get(k) and member.values.get(k) and other.values[k] != member.values[k]
            ]
            agrees = [
                k
                for k in ("phone", "id_number")
                if other.values.get(k) and other.values.get(k) == member.values.get(k)
            ]
            if differs and not agrees:
                continue
            self.problem(
                layout,
                row,
                cells["member_name"][0],
                member.name,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "Member {name} is also on {other_sheet} row {other_row} with the same phone or ID:"
                    " taken as one member.",
                ),
                "warning",
                name=member.name,
                other_sheet=other.source.sheet,
                other_row=other.source.row,
            )
            for k, v in member.values.items():
                other.values.setdefault(k, v)
            return other
        if same_name:
            self.problem(
                layout,
                row,
                cells["member_name"][0],
                member.name,
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "Two members named {name} with different phones or IDs (also {other_sheet} row {other_row}):"
                    " kept as two people.",
                ),
                "warning",
                name=member.name,
                other_sheet=same_name[0].source.sheet,
                other_row=same_name[0].source.row,
            )
        same_name.append(member)
        self.drafts.members.append(member)
        return member

    # -- pairing tables ----------------------------------------------------------------------------

    def link_row(self, layout: SheetLayout, row: int, cells: dict, carry: dict) -> None:
        source = Source(layout.name, row)
        community = self.community(layout, cells, carry)
        names = self.text(cells, "member_name")
        phone = None
        if "phone" in cells:
            phone, _note = p.split_phone_note(cells["phone"][1])[:2]
        if names:
            members = [(p.clean_name(n), phone) for n in _NAME_SPLIT.split(names) if n.strip()]
            carry["members"] = members
        else:
            members = carry.get("members") or []
        if not members:
            self.problem(
                layout, row, None, "", QT_TRANSLATE_NOOP("Exchange", "The row has no member's name.")
            )
            return
        member_column = cells.get("member_name", (None,))[0]
        link = LinkDraft(community, members, source, member_column, member_column=member_column)
        if "mode" in cells:
            column, raw = cells["mode"]
            found, reason = p.parse_pairing_mode(raw)
            if found is None:
                self.problem(layout, row, column, raw, reason or "")
                return
            what, value = found
            if what == "scope":
                link.level = value
            else:
                link.mode = value
        if "started_on" in cells:
            started = self.parse(layout, row, cells, "started_on", p.parse_date)
            if started is None:
                return
            link.started_on = started.as_date().isoformat()
        parts = self.place_parts(layout, row, cells)
        if parts is None:
            return
        if link.level is not None:
            self.scope_target(layout, row, cells, carry, parts, link)
            return
        if any(k in parts for k in ("building", "room")):
            found = self.place(layout, row, cells, carry, parts)
            if found is None:
                return
            link.place = found[0]
            carry["link_household"] = (link.place, None)
            self.drafts.links.append(link)
            return
        head = self.text(cells, "head_name")
        if head:
            column = cells["head_name"][0]
            for part in _NAME_SPLIT.split(head):
                if part.strip():
                    self.link_target(layout, row, column, part.strip(), _copy(link), carry, cells)
            return
        if names and carry.get("link_household"):
            # A second member under the household's row (N+1), its cells left blank or merged away.
            link.place, link.head_name = carry["link_household"]
            self.drafts.links.append(link)
            return
        self.problem(
            layout,
            row,
            None,
            "",
            QT_TRANSLATE_NOOP(
                "Exchange", "Not paired: the row names no household (address or head of household)."
            ),
            "warning",
        )

    def link_target(
        self, layout: SheetLayout, row: int, column: int, text: str, link: LinkDraft, carry: dict, cells: dict
    ) -> None:
        """A household written in a pairing cell: an address (3-2-502) or its head's name (张三)."""
        address, _reason = p.parse_address(text)
        if address is not None and address.building and address.room:
            community = link.community
            grid = carry.get("grid") or layout.grid
            link.place = (
                community,
                grid,
                address.estate or "",
                address.building,
                address.number or 0,
                address.unit or 1,
                address.room,
            )
        else:
            link.head_name = p.clean_name(text)
        link.column = column
        carry["link_household"] = (link.place, link.head_name)
        self.drafts.links.append(link)

    def scope_target(
        self, layout: SheetLayout, row: int, cells: dict, carry: dict, parts: dict[str, Any], link: LinkDraft
    ) -> None:
        column = next((cells[k][0] for k in ("address", "building") if k in cells), None)
        if "building" not in parts:
            self.problem(
                layout,
                row,
                column,
                "",
                QT_TRANSLATE_NOOP(
                    "Exchange", "A 包楼栋/包单元/包楼层 row needs the building (and unit, floor)."
                ),
            )
            return
        name, number = parts["building"]
        community = self.community(layout, cells, carry)
        grid = self.grid(layout, cells, carry)
        unit = parts.get("unit")
        floor = parts.get("floor")
        if floor is None and parts.get("room") is not None and link.level == "floor":
            floor = parts.get("room_floor")
        if link.level in ("unit", "floor") and unit is None:
            unit = 1
        if link.level == "floor" and floor is None:
            self.problem(
                layout, row, column, "", QT_TRANSLATE_NOOP("Exchange", "A 包楼层 row needs the floor (5层).")
            )
            return
        link.place = (community, grid, parts.get("estate") or "", name, number, unit or 0, "")
        link.column = column  # a problem with the scope is about its building, not its member
        link.floor = floor if link.level == "floor" else None
        if link.level == "building":
            link.place = (community, grid, parts.get("estate") or "", name, number, 0, "")
        self.drafts.links.append(link)


def different_people(
    a: dict[str, Any], b: dict[str, Any], by: tuple[str, ...] = ("birth_year", "phone")
) -> bool:
    """Two records of one name are two people when their IDs differ, or, without IDs to compare, the
    other values `by` do (the same ID is one person whatever else differs)."""
    if a.get("id_number") and b.get("id_number"):
        return a["id_number"] != b["id_number"]
    return any(a.get(k) and b.get(k) and a[k] != b[k] for k in by)


def _copy(link: LinkDraft) -> LinkDraft:
    """A pairing row naming several households: one link each, the members' list not shared."""
    return replace(link, members=list(link.members))


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
