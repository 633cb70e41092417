"""Communities side by side (a street or city file): the dashboard's own figures, one row per community."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gridboard.models import dashboard, rules
from gridboard.models.store import Store
from gridboard.models.tallies import coverage
from gridboard.models.tallies import requests as request_tally
from gridboard.models.tallies import visits as visit_tally


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
    """Every community still in use, with the figures the dashboard shows for it alone.

    Read for all communities at once (a city has over a hundred): the grids' tally rows once per
    set of cycles in force (an emergency gives its community cycles of its own), the week's visits
    and the open requests grouped by community."""
    base = filters or dashboard.Filters()
    today = base.today
    communities = store.execute(
        "SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY name, id"
    ).fetchall()
    grids_of: dict[int, list[int]] = defaultdict(list)
    for grid_id, community_id in store.execute("SELECT id, community_id FROM grid"):
        grids_of[community_id].append(grid_id)
    counts_by_since: dict[tuple[str, str, str], dict[int, coverage.Counts]] = {}
    weeks = visit_tally.week_counts_by_community(store.db, today)
    requests = request_tally.open_by_community(store.db, base.moment.isoformat(sep=" "))
    rows = []
    for community_id, name in communities:
        since = rules.current_cycles(store, community_id).since(today)
        if since not in counts_by_since:
            counts_by_since[since] = coverage.counts(store.db, "grid", since)
        counts = counts_by_since[since]
        # The grids the dashboard shows: those with households or residents left.
        shown = [
            c
            for c in (counts.get(g) for g in grids_of.get(community_id, ()))
            if c and (c.households or c.residents)
        ]
        open_, overdue = requests.get(community_id, (0, 0))
        rows.append(
            CommunityRow(
                id=community_id,
                name=name,
                grids=len(shown),
                households=sum(c.households for c in shown),
                paired=sum(c.paired for c in shown),
                visited_in_cycle=sum(c.in_cycle for c in shown),
                priority_overdue=sum(c.priority - c.priority_in_cycle for c in shown),
                visits_this_week=weeks.get(community_id, (0, 0))[0],
                open_requests=open_,
                overdue_requests=overdue,
            )
        )
    return rows


def comparison_rows(store: Store, filters: dashboard.Filters | None = None) -> list[CommunityRow]:
    """The dashboard's comparison table: a row per community in a file of several, none in a file of one."""
    if (store.scalar("SELECT count(*) FROM community WHERE archived_at IS NULL") or 0) < 2:
        return []
    return community_rows(store, filters)
