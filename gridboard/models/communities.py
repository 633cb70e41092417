"""Communities side by side (a street or city file): the dashboard's own figures, one row per community."""

from __future__ import annotations

from dataclasses import dataclass

from gridboard.models import dashboard
from gridboard.models.store import Store


@dataclass(frozen=True)
class CommunityRow:
    id: int
    name: str
    grids: int
    households: int
    paired: int
    visited_in_cycle: int
    priority_overdue: int
    visits_this_week: int
    open_requests: int
    overdue_requests: int

    @property
    def paired_share(self) -> float | None:
        return self.paired / self.households if self.households else None

    @property
    def visited_share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None


def community_rows(store: Store, filters: dashboard.Filters | None = None) -> list[CommunityRow]:
    """Every community still in use, with the figures the dashboard shows for it alone."""
    base = filters or dashboard.Filters()
    rows = []
    for community_id, name in store.execute(
        "SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY name, id"
    ).fetchall():
        f = dashboard.Filters(community_id=community_id, period_days=base.period_days, now=base.now)
        coverage = dashboard.grid_coverage(store, f)
        this_week, _ = dashboard.visits_in_weeks(store, f)
        req = dashboard.request_figures(store, f)
        rows.append(
            CommunityRow(
                id=community_id,
                name=name,
                grids=len(coverage),
                households=sum(c.households for c in coverage),
                paired=sum(c.paired for c in coverage),
                visited_in_cycle=sum(c.visited_in_cycle for c in coverage),
                priority_overdue=sum(c.priority_overdue for c in coverage),
                visits_this_week=this_week,
                open_requests=req.open,
                overdue_requests=req.overdue,
            )
        )
    return rows


def comparison_rows(store: Store, filters: dashboard.Filters | None = None) -> list[CommunityRow]:
    """The dashboard's comparison table: a row per community in a file of several, none in a file of one."""
    if (store.scalar("SELECT count(*) FROM community WHERE archived_at IS NULL") or 0) < 2:
        return []
    return community_rows(store, filters)
