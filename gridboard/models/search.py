"""One search box: names, pinyin initials (zs for 张三), a phone's last four digits, an address (3-2-502).

Every query uses an index so results come as the user types, even in a city file: names and
initials by prefix range, phone tails by an index on substr(phone, -4), addresses by building number.
Pinyin initials are kept in `name_initials` columns (migration m006); rows written without them
(imports, demo data, renames) are filled on the next search by `fill_initials`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from gridboard.models.store import Store

# Readings that differ when a character is a surname (pypinyin gives the common reading).
_SURNAME_INITIALS = {
    "曾": "z",
    "单": "s",
    "解": "x",
    "仇": "q",
    "区": "o",
    "查": "z",
    "朴": "p",
    "乐": "y",
    "翟": "z",
    "盖": "g",
    "覃": "q",
    "缪": "m",
    "尉": "y",
    "长": "c",
    "重": "c",
    "万": "w",
    "秘": "b",
    "黑": "h",
    "召": "s",
    "句": "g",
    "折": "s",
    "冼": "x",
    "任": "r",
    "沈": "s",
    "纪": "j",
    "繁": "p",
    "員": "y",
}

# One past the highest character: `text >= p AND text < p || HIGH` is a prefix match that uses an index.
_HIGH = "\U0010ffff"
_MAX_SCAN = 2000


@lru_cache(maxsize=20000)
def _initial(char: str) -> str:
    from gridboard.models import pinyin

    if char.isascii():
        return char.lower() if char.isalnum() else ""
    letters = pinyin.first_letters(char)
    return letters[0][:1].lower() if letters and letters[0] else ""


class _Initials(dict):
    """A str.translate table that looks each character up once: a whole name in one C call."""

    def __missing__(self, code: int) -> str:
        found = self[code] = _initial(chr(code))
        return found


_INITIALS = _Initials()


def initials(name: str) -> str:
    """zs for 张三; a surname's own reading for the first character (曾 is z, 单 is s)."""
    name = name.strip()
    if not name:
        return ""
    first = _SURNAME_INITIALS.get(name[0]) or _initial(name[0])
    return first + name[1:].translate(_INITIALS)


def like_escape(text: str) -> str:
    """For LIKE … ESCAPE '\\': the user's % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def pending_initials(store: Store) -> int:
    """How many names still need their pinyin initials (an index answers this at once)."""
    return int(
        store.scalar(
            "SELECT (SELECT count(*) FROM resident WHERE name_initials IS NULL)"
            " + (SELECT count(*) FROM member WHERE name_initials IS NULL)"
        )
    )


def may_fill_initials(store: Store) -> bool:
    """Whether this connection may write the initials: a file it can write, and an operator who may
    change the ledger (a 只读 or 网格员 operator's role refuses the UPDATE: their pinyin search finds
    the names that have initials already)."""
    if store.read_only is not None:
        return False
    session = store.session
    return session is None or bool(session.may("ledger"))


def fill_initials(
    store: Store, *, batch: int = 50_000, progress: Callable[[int, int], None] | None = None
) -> int:
    """Give every resident and member without pinyin initials theirs; returns how many were filled."""
    total = pending_initials(store) if progress else 0
    filled = 0
    for table in ("resident", "member"):
        while True:
            rows = store.execute(
                f"SELECT id, name FROM {table} WHERE name_initials IS NULL LIMIT ?", [batch]
            ).fetchall()
            if not rows:
                break
            with store.atomic():
                store.conn.executemany(
                    f"UPDATE {table} SET name_initials = ? WHERE id = ?",
                    [(initials(name or ""), row_id) for row_id, name in rows],
                )
            filled += len(rows)
            if progress:
                progress(filled, total)
    return filled


@dataclass(frozen=True)
class Hit:
    """One search result; `household_id` is where Enter jumps (None for a member with no home)."""

    kind: str  # "resident", "member", "household"
    id: int
    name: str
    household_id: int | None
    building_id: int | None
    building_name: str
    unit: int | None
    room: str
    community_name: str
    grid_name: str
    phone: str
    matched: str  # "name", "initials", "phone", "address"


_ADDRESS_DASH = re.compile(r"^\s*(\d+)\s*[-－—_]\s*(\d+)\s*(?:[-－—_]\s*(\w*))?\s*$")
_ADDRESS_ZH = re.compile(
    r"^\s*(\d+)\s*(?:号楼|号|栋|幢|楼)\s*(?:(\d+)\s*(?:单元|门)?\s*(?:(\w+?)\s*(?:室|号)?)?)?\s*$"
)


def parse_address(text: str) -> tuple[int, int | None, str | None] | None:
    """`3-2-502`, `3-2`, `3号楼2单元502`, `3栋2单元502室` → (building number, unit, room prefix)."""
    for pattern in (_ADDRESS_DASH, _ADDRESS_ZH):
        match = pattern.match(text)
        if match:
            building, unit, room = match.groups()
            return int(building), int(unit) if unit else None, room or None
    return None


_PLACE = """
    b.id AS building_id, b.name AS building_name, h.unit, h.room, c.name AS community_name,
    g.name AS grid_name
"""
_PLACE_JOIN = """
    JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
    JOIN community c ON c.id = g.community_id
"""
_RESIDENT = f"""
    SELECT 'resident' AS kind, r.id, r.name, r.household_id, {_PLACE}, r.phone
    FROM resident r JOIN household h ON h.id = r.household_id {_PLACE_JOIN}
    WHERE r.moved_out_at IS NULL AND r.archived_at IS NULL AND h.archived_at IS NULL AND {{cond}}
"""
_MEMBER = f"""
    SELECT 'member' AS kind, m.id, m.name, m.home_household_id AS household_id,
        {_PLACE.replace("c.name", "coalesce(c.name, mc.name)")}, m.phone
    FROM member m JOIN community mc ON mc.id = m.community_id
    LEFT JOIN household h ON h.id = m.home_household_id
    LEFT JOIN building b ON b.id = h.building_id LEFT JOIN grid g ON g.id = b.grid_id
    LEFT JOIN community c ON c.id = g.community_id
    WHERE m.archived_at IS NULL AND {{cond}}
"""
_HOUSEHOLD = f"""
    SELECT 'household' AS kind, h.id, h.head_name AS name, h.id AS household_id, {_PLACE}, h.phone
    FROM household h {_PLACE_JOIN}
    WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND {{cond}}
"""


def search(store: Store, text: str, *, limit: int = 30) -> list[Hit]:
    """Everything the text could mean, best kinds first, at most `limit` hits."""
    text = text.strip()
    if not text:
        return []
    hits: list[Hit] = []

    def run(sql: str, params: list, matched: str) -> None:
        if len(hits) >= limit:
            return
        for row in store.query(f"{sql} LIMIT ?", [*params, limit - len(hits)]):
            hits.append(Hit(**dict(row), matched=matched))

    address = parse_address(text)
    if address is not None:
        number, unit, room = address
        cond = "b.number = ?"
        params: list = [number]
        if unit is not None:
            cond += " AND h.unit = ?"
            params.append(unit)
        if room:
            cond += " AND h.room >= ? AND h.room < ?"
            params += [room, room + _HIGH]
        run(
            _HOUSEHOLD.format(cond=cond) + " ORDER BY h.room = ? DESC, c.id, b.id, h.unit, h.floor, h.room",
            [*params, room or ""],
            "address",
        )
        return hits
    compact = text.replace(" ", "")
    if compact.isdigit():
        if len(compact) == 4:
            run(_RESIDENT.format(cond="substr(r.phone, -4) = ?"), [compact], "phone")
            run(_MEMBER.format(cond="substr(m.phone, -4) = ?"), [compact], "phone")
            run(_HOUSEHOLD.format(cond="substr(h.phone, -4) = ?"), [compact], "phone")
        elif len(compact) >= 7:
            run(_RESIDENT.format(cond="r.phone = ?"), [compact], "phone")
            run(_MEMBER.format(cond="m.phone = ?"), [compact], "phone")
            run(_HOUSEHOLD.format(cond="h.phone = ?"), [compact], "phone")
        return hits
    if compact.isascii() and compact.isalpha():
        if may_fill_initials(store):
            fill_initials(store)
        key = compact.lower()
        run(
            _MEMBER.format(cond="m.name_initials >= ? AND m.name_initials < ?"),
            [key, key + _HIGH],
            "initials",
        )
        run(
            _RESIDENT.format(cond="r.name_initials >= ? AND r.name_initials < ?"),
            [key, key + _HIGH],
            "initials",
        )
        return hits
    # A name: members by prefix and then anywhere in the name (a short table), residents by prefix.
    run(_MEMBER.format(cond="m.name >= ? AND m.name < ?"), [text, text + _HIGH], "name")
    seen = {(h.kind, h.id) for h in hits}
    before = len(hits)
    run(_MEMBER.format(cond="m.name LIKE ? ESCAPE '\\'"), [f"%{like_escape(text)}%"], "name")
    hits[before:] = [h for h in hits[before:] if (h.kind, h.id) not in seen]
    run(_RESIDENT.format(cond="r.name >= ? AND r.name < ?"), [text, text + _HIGH], "name")
    return hits
