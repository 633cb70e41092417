"""The names behind the dashboard's four lists (四项清单): households, open requests, supplies, groups.

Each list is a `NameList` of plain rows for the dashboard's area, masked by default with the one
rule (`masking`): names to their surname, phones to 138****5678, numbers inside texts hidden. The
screen shows the rows, prints them and exports them to .xlsx; it never reads the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gridboard.models.dashboard import AREA_JOIN, Filters, area_where
from gridboard.models.masking import mask_name, mask_phone, mask_text
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES

KINDS = ("population", "requests", "supplies", "groups")
# What each list's columns hold (the screen names them in Chinese).
COLUMNS: dict[str, tuple[str, ...]] = {
    "population": ("grid", "address", "head", "phone", "residents", "groups"),
    "requests": ("grid", "address", "head", "category", "urgency", "collected", "due", "overdue", "text"),
    "supplies": ("grid", "address", "head", "item", "quantity", "delivered", "outstanding"),
    "groups": ("grid", "address", "name", "group", "born", "phone", "last_visit"),
}
# A city lists hundreds of thousands of households: the list stops here and says how many there are.
LISTED = 20_000

_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)
_ADDRESS = "coalesce(nullif(b.number, ''), b.name) || '-' || h.unit || '-' || h.room"


@dataclass(frozen=True)
class NameList:
    kind: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    household_ids: list[int]  # the household of each row, to open it on the board
    total: int  # rows there are (more than len(rows) when cut at LISTED)
    masked: bool


def _tags_sql() -> str:
    return """(SELECT group_concat(DISTINCT t.name) FROM resident r2
        JOIN resident_tag rt ON rt.resident_id = r2.id JOIN tag t ON t.id = rt.tag_id
        WHERE r2.household_id = h.id AND r2.moved_out_at IS NULL AND r2.archived_at IS NULL
            AND t.archived_at IS NULL)"""


def names(
    store: Store,
    filters: Filters,
    kind: str,
    *,
    key: Any = None,
    masked: bool = True,
    limit: int = LISTED,
) -> NameList:
    """The rows of one of the four lists for the filters' area; `key` narrows it to one line of the
    dashboard's list (a grid id, a request category, a supply item, a group's tag code)."""
    if kind not in COLUMNS:
        raise ValueError(kind)
    where, params = area_where(filters)
    params = {**params, "key": key, "limit": limit, "now": filters.moment.isoformat(sep=" ")}
    name = mask_name if masked else (lambda s: s or "")
    phone = mask_phone if masked else (lambda s: s or "")
    text = mask_text if masked else (lambda s: s or "")
    order = "g.sort_order, g.id, b.number, b.id, h.unit, h.floor, h.room"
    if kind == "population":
        sql = f"""
            SELECT h.id, g.name, {_ADDRESS}, h.head_name, h.phone,
                (SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.moved_out_at IS NULL
                    AND r.archived_at IS NULL), {_tags_sql()}
            FROM household h {AREA_JOIN}
            WHERE {where} AND h.occupancy != 'vacant' AND (:key IS NULL OR g.id = :key)
            ORDER BY {order}"""

        def row(r: Any) -> tuple[Any, ...]:
            return (r[1], r[2], name(r[3]), phone(r[4]), r[5], (r[6] or "").replace(",", "、"))

    elif kind == "requests":
        sql = f"""
            SELECT h.id, g.name, {_ADDRESS}, h.head_name, q.category, q.urgency, q.collected_at, q.due_at,
                q.due_at < :now, q.text
            FROM request q JOIN household h ON h.id = q.household_id {AREA_JOIN}
            WHERE {where} AND q.status IN ({_OPEN}) AND q.archived_at IS NULL
                AND (:key IS NULL OR q.category = :key)
            ORDER BY q.due_at, q.id"""

        def row(r: Any) -> tuple[Any, ...]:
            return (
                r[1],
                r[2],
                name(r[3]),
                r[4],
                r[5],
                (r[6] or "")[:16],
                (r[7] or "")[:16],
                bool(r[8]),
                text(r[9]),
            )

    elif kind == "supplies":
        sql = f"""
            SELECT h.id, g.name, {_ADDRESS}, h.head_name, n.item, n.quantity, n.unit, n.delivered
            FROM tally_supply_need n JOIN household h ON h.id = n.household_id {AREA_JOIN}
            WHERE {where} AND (:key IS NULL OR n.item = :key)
            ORDER BY n.item, {order}"""

        def row(r: Any) -> tuple[Any, ...]:
            quantity, delivered = float(r[5] or 0), float(r[7] or 0)
            unit = r[6] or ""
            return (
                r[1],
                r[2],
                name(r[3]),
                r[4],
                f"{quantity:g}{unit}",
                f"{min(delivered, quantity):g}{unit}",
                f"{max(quantity - delivered, 0):g}{unit}",
            )

    else:
        sql = f"""
            SELECT h.id, g.name, {_ADDRESS}, r.name, group_concat(t.name), r.birth_year, r.phone,
                h.last_visit_at
            FROM resident r JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
                JOIN household h ON h.id = r.household_id {AREA_JOIN}
            WHERE {where} AND r.moved_out_at IS NULL AND r.archived_at IS NULL AND t.archived_at IS NULL
                AND h.occupancy != 'vacant' AND (:key IS NULL OR t.code = :key)
            GROUP BY r.id ORDER BY {order}, r.id"""

        def row(r: Any) -> tuple[Any, ...]:
            return (
                r[1],
                r[2],
                name(r[3]),
                (r[4] or "").replace(",", "、"),
                r[5] or "",
                phone(r[6]),
                (r[7] or "")[:10],
            )

    total = store.scalar(f"SELECT count(*) FROM ({sql})", params) or 0
    found = store.execute(f"{sql} LIMIT :limit", params).fetchall()
    return NameList(
        kind=kind,
        columns=COLUMNS[kind],
        rows=[row(r) for r in found],
        household_ids=[r[0] for r in found],
        total=int(total),
        masked=masked,
    )
