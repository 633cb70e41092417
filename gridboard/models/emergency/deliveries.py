"""Supplies during an emergency (紧缺物资清单): deliveries recorded and what is still short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gridboard.models import records, supplies
from gridboard.models.clock import when_or_now
from gridboard.models.emergency.declaring import active_emergency
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store

# -- supplies (紧缺物资清单) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplyLine:
    grid_id: int
    grid_name: str
    item: str
    unit: str
    needed: float
    delivered: float

    @property
    def outstanding(self) -> float:
        return max(self.needed - self.delivered, 0.0)


def record_delivery(
    store: Store,
    *,
    grid_id: int,
    item: str,
    quantity: float,
    unit: str = "",
    emergency_id: int | None = None,
    household_id: int | None = None,
    at: str | datetime | None = None,
    note: str = "",
) -> int:
    """Supplies handed over to a grid as a whole (or one household in it), not against one request
    item (for those, `supplies.record_delivery`); they count against the grid's needs."""
    records.require(bool(item.strip()), QT_TRANSLATE_NOOP("Errors", "A delivery needs an item."))
    records.require(
        quantity > 0,
        QT_TRANSLATE_NOOP("Errors", "A quantity must be more than zero ({value})."),
        value=quantity,
    )
    records.fetch(store, "grid", grid_id)
    if emergency_id is None:
        current = active_emergency(store)
        emergency_id = current.id if current else None
    delivery_id = supplies.write_delivery(
        store,
        emergency_id=emergency_id,
        grid_id=grid_id,
        item=item.strip(),
        quantity=quantity,
        unit=unit.strip(),
        household_id=household_id,
        delivered_at=when_or_now(at),
        note=note,
    )
    store.changes.note("supply_delivery", grid=grid_id, household=household_id)
    return delivery_id


def scarce_supplies(store: Store, *, community_id: int | None = None) -> list[SupplyLine]:
    """The 紧缺物资清单 per grid and item: what open supplies requests need (the requests area's
    `supplies.needed_by_grid_item`, delivered against their items) plus what was handed to a grid
    as a whole (deliveries here with no request item), and what is still outstanding."""
    totals: dict[tuple[int, str, str], list[float]] = {}
    within = None if community_id is None else {"community": community_id}
    for need in supplies.needed_by_grid_item(store, within=within):
        acc = totals.setdefault((need.grid_id, need.item, need.unit or ""), [0.0, 0.0])
        acc[0] += need.needed
        acc[1] += need.delivered
    for key, quantity in supplies.grid_deliveries(store, within=within).items():
        totals.setdefault(key, [0.0, 0.0])[1] += quantity
    names = {
        r["id"]: (r["sort_order"], r["name"]) for r in store.query("SELECT id, name, sort_order FROM grid")
    }
    lines = [
        SupplyLine(
            grid_id=key[0],
            grid_name=names.get(key[0], (0, ""))[1],
            item=key[1],
            unit=key[2],
            needed=acc[0],
            delivered=acc[1],
        )
        for key, acc in totals.items()
    ]
    lines.sort(key=lambda line: (names.get(line.grid_id, (0, ""))[0], line.grid_id, line.item, line.unit))
    return lines
