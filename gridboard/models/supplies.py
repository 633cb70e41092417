"""Scarce supplies (紧缺物资): the items and quantities on supplies requests, and the list per grid and item.

A supplies request records what it needs in `request_item` rows. What has been handed over is the
`supply_delivery` rows written against an item (the emergency roster uses the same table), so there
is one truth for "delivered" however the delivery was entered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gridboard.models import records
from gridboard.models.area import Area
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.settings import active_emergency_row
from gridboard.models.store import Store

# Items offices ask for most, with their usual unit (domain data, offered as suggestions; any text goes).
COMMON_ITEMS: tuple[tuple[str, str], ...] = (
    ("降压药", "盒"),
    ("降糖药", "盒"),
    ("胰岛素", "支"),
    ("医用氧气", "瓶"),
    ("婴幼儿奶粉", "罐"),
    ("纸尿裤", "包"),
    ("米面粮油", "份"),
    ("蔬菜包", "份"),
    ("饮用水", "桶"),
    ("取暖用品", "件"),
    ("口罩", "个"),
    ("退烧药", "盒"),
)


@dataclass(frozen=True)
class SupplyItem:
    """One line of what a request needs, as entered."""

    item: str
    quantity: float
    unit: str = ""


@dataclass(frozen=True)
class RequestItem:
    id: int
    request_id: int
    item: str
    quantity: float
    unit: str
    delivered: float

    @property
    def outstanding(self) -> float:
        return max(self.quantity - self.delivered, 0.0)


@dataclass(frozen=True, slots=True)  # slots: a city's list has a thousand of them
class SupplyNeed:
    """One row of the 紧缺物资 list: a grid's need for one item (in one unit)."""

    grid_id: int
    grid_name: str
    item: str
    unit: str
    needed: float
    delivered: float
    requests: int
    households: int

    @property
    def outstanding(self) -> float:
        return max(self.needed - self.delivered, 0.0)


def _as_item(value: SupplyItem | tuple[Any, ...] | dict[str, Any]) -> SupplyItem:
    if isinstance(value, SupplyItem):
        return value
    if isinstance(value, dict):
        return SupplyItem(str(value["item"]), float(value["quantity"]), str(value.get("unit", "")))
    item, quantity, *rest = value
    return SupplyItem(str(item), float(quantity), str(rest[0]) if rest else "")


def check_items(items: Iterable[SupplyItem | tuple[Any, ...] | dict[str, Any]]) -> list[SupplyItem]:
    """Normalise and validate item lines (names trimmed, quantities positive)."""
    checked = []
    for raw in items:
        value = _as_item(raw)
        name = value.item.strip()
        records.require(bool(name), QT_TRANSLATE_NOOP("Errors", "A supplies item needs a name."))
        records.require(
            value.quantity > 0,
            QT_TRANSLATE_NOOP("Errors", "The quantity of {item} must be more than zero."),
            item=name,
        )
        checked.append(SupplyItem(name, float(value.quantity), value.unit.strip()))
    return checked


def add_request_items(
    store: Store, request_id: int, items: Iterable[SupplyItem | tuple[Any, ...] | dict[str, Any]]
) -> list[int]:
    """Record what a supplies request needs; returns the new item ids."""
    checked = check_items(items)
    request = records.fetch(store, "request", request_id)
    with store.atomic():
        ids = [
            records.insert(
                store,
                "request_item",
                {"request_id": request_id, "item": i.item, "quantity": i.quantity, "unit": i.unit},
            )
            for i in checked
        ]
    store.changes.note("request_item", request=request_id, household=request["household_id"])
    return ids


def remove_request_item(store: Store, item_id: int) -> None:
    """An item entered by mistake: archived (kept in the file), no longer counted."""
    row = records.fetch(store, "request_item", item_id)
    request = records.fetch(store, "request", row["request_id"])
    with store.atomic():
        records.update(store, "request_item", item_id, {"archived_at": now_iso()}, action="archive")
    store.changes.note("request_item", request=row["request_id"], household=request["household_id"])


_DELIVERED = """
    (SELECT request_item_id, sum(quantity) AS delivered FROM supply_delivery
     WHERE request_item_id IS NOT NULL GROUP BY request_item_id)
"""


def request_items(store: Store, request_id: int) -> list[RequestItem]:
    rows = store.query(
        """
        SELECT ri.*, coalesce((SELECT sum(quantity) FROM supply_delivery d
                               WHERE d.request_item_id = ri.id), 0) AS delivered
        FROM request_item ri WHERE ri.request_id = ? AND ri.archived_at IS NULL ORDER BY ri.id
        """,
        [request_id],
    )
    return [
        RequestItem(r["id"], r["request_id"], r["item"], r["quantity"], r["unit"], r["delivered"])
        for r in rows
    ]


def write_delivery(
    store: Store,
    *,
    emergency_id: int | None,
    grid_id: int,
    item: str,
    quantity: float,
    unit: str,
    household_id: int | None,
    delivered_at: str,
    note: str,
    request_item_id: int | None = None,
) -> int:
    """The one writer of a supply_delivery row (checked by the two actions that call it: a delivery
    against a request item, `record_delivery`, and one to a grid as a whole, `emergency.record_delivery`)."""
    row: dict[str, Any] = {
        "emergency_id": emergency_id,
        "grid_id": grid_id,
        "item": item,
        "quantity": float(quantity),
        "unit": unit,
        "household_id": household_id,
        "delivered_at": delivered_at,
        "delivered_by": store.operator,
        "note": note,
    }
    if request_item_id is not None:
        row["request_item_id"] = request_item_id
    with store.atomic():
        return records.insert(store, "supply_delivery", row)


def record_delivery(
    store: Store,
    *,
    request_item_id: int,
    quantity: float,
    delivered_at: str | None = None,
    note: str = "",
) -> int:
    """Something handed over against a request item (a supply_delivery row); returns its id."""
    records.require(quantity > 0, QT_TRANSLATE_NOOP("Errors", "A delivered quantity must be more than zero."))
    item = records.fetch(store, "request_item", request_item_id)
    records.require(
        item["archived_at"] is None, QT_TRANSLATE_NOOP("Errors", "This supplies item was removed.")
    )
    request = records.fetch(store, "request", item["request_id"])
    place = store.one_required(
        "SELECT b.grid_id, b.id AS building_id FROM household h JOIN building b ON b.id = h.building_id"
        " WHERE h.id = ?",
        [request["household_id"]],
    )
    current = active_emergency_row(store)
    delivery_id = write_delivery(
        store,
        emergency_id=None if current is None else current["id"],
        grid_id=place["grid_id"],
        item=item["item"],
        quantity=quantity,
        unit=item["unit"],
        request_item_id=request_item_id,
        household_id=request["household_id"],
        delivered_at=delivered_at or now_iso(),
        note=note,
    )
    store.changes.note(
        "supply_delivery",
        request=request["id"],
        household=request["household_id"],
        building=place["building_id"],
        grid=place["grid_id"],
    )
    return delivery_id


def needed_by_grid_item(
    store: Store,
    *,
    within: Area | dict[str, int] | None = None,
    open_only: bool = True,
    since: str | None = None,
) -> list[SupplyNeed]:
    """The 紧缺物资 list: needed / delivered / outstanding per grid and item (and unit).

    By default it counts the items of requests still open (collected, dispatched, in progress);
    with open_only=False, every request not withdrawn. `since` keeps requests collected on or after
    that date or time. `within` narrows to {"community": id} / {"grid": id} / {"building": id}.
    """
    if open_only:
        # The items of open requests are kept, with their grid and deliveries, by triggers in
        # tally_supply_need (tallies/requests.py): a few hundred rows, whose primary key already
        # groups them by grid, item and unit. Sorting the result here costs less than SQLite's sorter.
        clauses, params = _within(within, grid="n.grid_id", building="n.building_id")
        if since is not None:
            clauses.append("AND n.collected_at >= :since")
            params["since"] = str(since)
        rows = store.execute(
            f"""
            SELECT n.grid_id, g.name, g.sort_order, n.item, n.unit, sum(n.quantity),
                sum(min(n.delivered, n.quantity)), count(DISTINCT n.request_id),
                count(DISTINCT n.household_id)
            FROM tally_supply_need n JOIN grid g ON g.id = n.grid_id
            WHERE 1 {" ".join(clauses)}
            GROUP BY n.grid_id, n.item, n.unit
            """,
            params,
        ).fetchall()
        rows.sort(key=lambda r: (r[2], r[0], r[6] - r[5], r[3], r[4]))
    else:
        rows = _needed_from_items(store, within, since)
    return [
        SupplyNeed(grid_id, grid_name, item, unit, needed or 0.0, delivered or 0.0, requests, households)
        for grid_id, grid_name, _, item, unit, needed, delivered, requests, households in rows
    ]


def needed_by_item(store: Store, *, within: Area | dict[str, int] | None = None) -> list[SupplyNeed]:
    """totals_by_item(needed_by_grid_item(store, within=within)) in one query, for a list by item
    alone (the dashboard's): one row per item and unit (grid_id 0), most outstanding first.

    A request and a household are in one grid, so distinct counts over the area equal the sums of
    the per-grid ones; only float sums may differ in the last digit (added in another order)."""
    clauses, params = _within(within, grid="n.grid_id", building="n.building_id")
    grid = "JOIN grid g ON g.id = n.grid_id" if Area.of(within).community is not None else ""
    rows = store.execute(
        f"""
        SELECT n.item, n.unit, sum(n.quantity), sum(min(n.delivered, n.quantity)),
            count(DISTINCT n.request_id), count(DISTINCT n.household_id)
        FROM tally_supply_need n {grid} WHERE 1 {" ".join(clauses)}
        GROUP BY n.item, n.unit
        """,
        params,
    ).fetchall()
    totals = {(r[0], r[1] or ""): list(r) for r in rows}
    # Supplies handed to a grid as a whole (the emergency desk's deliveries) count too, as on the desk.
    for (_grid, item, unit), quantity in grid_deliveries(store, within=within).items():
        row = totals.setdefault((item, unit), [item, unit, 0.0, 0.0, 0, 0])
        row[3] = (row[3] or 0.0) + quantity
    return sorted(
        (SupplyNeed(0, "", *row) for row in totals.values()), key=lambda n: (-n.outstanding, n.item)
    )


def grid_deliveries(
    store: Store, *, within: Area | dict[str, int] | None = None
) -> dict[tuple[int, str, str], float]:
    """Quantities handed over not against a request item (to a grid, or one household in it), by
    grid, item and unit: the one count the emergency desk and the dashboard both add."""
    clauses, params = _within(within, grid="d.grid_id", building="h.building_id")
    rows = store.query(
        f"""SELECT d.grid_id, d.item, d.unit, sum(d.quantity) AS q FROM supply_delivery d
            JOIN grid g ON g.id = d.grid_id LEFT JOIN household h ON h.id = d.household_id
            WHERE d.request_item_id IS NULL {" ".join(clauses)} GROUP BY d.grid_id, d.item, d.unit""",
        params,
    )
    return {(r["grid_id"], r["item"], r["unit"] or ""): float(r["q"]) for r in rows}


def _needed_from_items(store: Store, within: Area | dict[str, int] | None, since: str | None) -> list[Any]:
    """needed_by_grid_item from the raw rows: every item of a request not withdrawn."""
    clauses, params = _within(within)
    if since is not None:
        clauses.append("AND r.collected_at >= :since")
        params["since"] = str(since)
    return store.execute(
        f"""
        WITH delivered AS {_DELIVERED}
        SELECT g.id, g.name, g.sort_order, ri.item, ri.unit, sum(ri.quantity) AS needed,
            sum(min(coalesce(d.delivered, 0), ri.quantity)) AS delivered,
            count(DISTINCT r.id), count(DISTINCT r.household_id)
        -- CROSS JOIN keeps items as the outer loop: there are few of them, whereas starting
        -- from the area's grids makes SQLite walk every open request of the file once per grid.
        FROM request_item ri
        CROSS JOIN request r ON r.id = ri.request_id
        CROSS JOIN household h ON h.id = r.household_id
        CROSS JOIN building b ON b.id = h.building_id
        CROSS JOIN grid g ON g.id = b.grid_id
        LEFT JOIN delivered d ON d.request_item_id = ri.id
        WHERE ri.archived_at IS NULL AND r.archived_at IS NULL {" ".join(clauses)}
        GROUP BY g.id, ri.item, ri.unit
        ORDER BY g.sort_order, g.id, needed - delivered DESC, ri.item, ri.unit
        """,
        params,
    ).fetchall()


def totals_by_item(needs: Iterable[SupplyNeed]) -> list[SupplyNeed]:
    """The same list added up over grids (grid_id 0): one row per item and unit."""
    sums: dict[tuple[str, str], list[float]] = {}
    for n in needs:
        acc = sums.setdefault((n.item, n.unit), [0.0, 0.0, 0, 0])
        acc[0] += n.needed
        acc[1] += n.delivered
        acc[2] += n.requests
        acc[3] += n.households
    return sorted(
        (SupplyNeed(0, "", item, unit, a[0], a[1], int(a[2]), int(a[3])) for (item, unit), a in sums.items()),
        key=lambda n: (-n.outstanding, n.item),
    )


def _within(
    within: Area | dict[str, int] | None, *, grid: str = "g.id", building: str = "b.id"
) -> tuple[list[str], dict[str, Any]]:
    clauses, params = Area.of(within).conditions(grid=grid, building=building)
    return [f"AND {c}" for c in clauses], params
