"""Totals and coverage of a whole file, by community and grid: what `gridboard stats` reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from gridboard.models import rules
from gridboard.models.clock import today as today_
from gridboard.models.risk import TIERS_BY_HOUSEHOLD_SQL
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES, REACHED_OUTCOMES, REQUEST_STATUSES


@dataclass(frozen=True)
class Totals:
    communities: int
    grids: int
    buildings: int
    households: int
    households_lived_in: int  # not vacant: the ones that get visited
    priority_households: int
    residents: int  # living there now
    members: int  # active
    pairings: int  # active
    scopes: int  # active
    visits: int  # not withdrawn
    requests: int
    open_requests: int


def totals(store: Store) -> Totals:
    """Row counts as the app counts them: archived, moved-out, withdrawn and ended rows left out."""
    open_marks = ",".join("?" for _ in OPEN_REQUEST_STATUSES)
    row = store.one(
        f"""
        SELECT
            (SELECT count(*) FROM community WHERE archived_at IS NULL) AS communities,
            (SELECT count(*) FROM grid WHERE archived_at IS NULL) AS grids,
            (SELECT count(*) FROM building WHERE archived_at IS NULL) AS buildings,
            (SELECT count(*) FROM household WHERE archived_at IS NULL) AS households,
            (SELECT count(*) FROM household WHERE archived_at IS NULL AND occupancy != 'vacant')
                AS households_lived_in,
            (SELECT count(*) FROM household WHERE archived_at IS NULL AND occupancy != 'vacant'
                AND priority_tier > 0) AS priority_households,
            (SELECT count(*) FROM resident WHERE archived_at IS NULL AND moved_out_at IS NULL) AS residents,
            (SELECT count(*) FROM member WHERE archived_at IS NULL AND active = 1) AS members,
            (SELECT count(*) FROM pairing WHERE ended_on IS NULL) AS pairings,
            (SELECT count(*) FROM scope WHERE ended_on IS NULL) AS scopes,
            (SELECT count(*) FROM visit WHERE withdrawn_at IS NULL) AS visits,
            (SELECT count(*) FROM request WHERE archived_at IS NULL) AS requests,
            (SELECT count(*) FROM request WHERE archived_at IS NULL AND status IN ({open_marks}))
                AS open_requests
        """,
        list(OPEN_REQUEST_STATUSES),
    )
    return Totals(**{key: int(value) for key, value in dict(row or {}).items()})


def requests_by_status(store: Store) -> dict[str, int]:
    counts = dict.fromkeys(REQUEST_STATUSES, 0)
    for status, count in store.execute(
        "SELECT status, count(*) FROM request WHERE archived_at IS NULL GROUP BY status"
    ):
        counts[status] = count
    return counts


@dataclass(frozen=True)
class GridCoverage:
    community_id: int
    community: str
    coverage: rules.Coverage

    def as_dict(self) -> dict[str, Any]:
        return {"community_id": self.community_id, "community": self.community, **self.coverage.as_dict()}


@dataclass(frozen=True)
class FileStats:
    on: date
    totals: Totals
    requests_by_status: dict[str, int]
    total: rules.Coverage
    communities: list[rules.Coverage]
    grids: list[GridCoverage]

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "totals": asdict(self.totals),
            "requests_by_status": self.requests_by_status,
            "coverage": {
                "total": {k: v for k, v in self.total.as_dict().items() if k not in ("id", "name")},
                "communities": [c.as_dict() for c in self.communities],
                "grids": [g.as_dict() for g in self.grids],
            },
        }


def file_stats(store: Store, *, on: date | None = None) -> FileStats:
    """Totals, and coverage for the whole file, each community and each grid (empty ones too).

    One pass of `rules.coverage` by grid; communities and the total are its sums (every figure is a
    count), which on a city file is a third of the time of asking rules for each level.
    """
    day = on or today_()
    by_grid = {g.key: g for g in rules.coverage(store, "grid", on=day)}
    community_of = dict(store.execute("SELECT id, community_id FROM grid").fetchall())
    names = dict(store.execute("SELECT id, name FROM community").fetchall())
    sums = {c: _empty(c, names[c]) for c in names}
    for grid_id, coverage in by_grid.items():
        community_id = community_of[grid_id]
        sums[community_id] = _add(sums[community_id], coverage)
    communities: list[rules.Coverage] = []
    grids: list[GridCoverage] = []
    # Every community and grid is listed, even one with no households yet (coverage skips those).
    for row in store.query(
        "SELECT c.id AS community_id, c.name AS community, g.id AS grid_id, g.name AS grid"
        " FROM community c LEFT JOIN grid g ON g.community_id = c.id AND g.archived_at IS NULL"
        " WHERE c.archived_at IS NULL ORDER BY c.id, g.sort_order, g.id"
    ):
        if not communities or communities[-1].key != row["community_id"]:
            communities.append(sums[row["community_id"]])
        if row["grid_id"] is not None:
            coverage = by_grid.get(row["grid_id"]) or _empty(row["grid_id"], row["grid"])
            grids.append(GridCoverage(row["community_id"], row["community"], coverage))
    total = _empty(0, "")
    for coverage in sums.values():
        total = _add(total, coverage)
    return FileStats(
        on=day,
        totals=totals(store),
        requests_by_status=requests_by_status(store),
        total=total,
        communities=communities,
        grids=grids,
    )


_COUNTS = ("households", "paired", "visited_in_cycle", "priority", "priority_overdue", "overdue")


def _add(a: rules.Coverage, b: rules.Coverage) -> rules.Coverage:
    return replace(a, **{f: getattr(a, f) + getattr(b, f) for f in _COUNTS})


def _empty(key: int, name: str) -> rules.Coverage:
    return rules.Coverage(key, name, **dict.fromkeys(_COUNTS, 0))


# SQL: households whose stored summary columns differ from what their residents and visits say.
# The risk tier's rule (models/risk.py) and the same rules as visits.refresh_visit_summary, for all rows at once.
STALE_SUMMARY_SQL = f"""
    SELECT h.id FROM household h
    LEFT JOIN ({TIERS_BY_HOUSEHOLD_SQL}) tiers ON tiers.id = h.id
    LEFT JOIN (
        SELECT household_id AS id, max(visited_at) AS last_visit,
            max(CASE WHEN outcome IN ({",".join(f"'{o}'" for o in REACHED_OUTCOMES)}) THEN visited_at END)
                AS last_reached
        FROM visit WHERE withdrawn_at IS NULL GROUP BY household_id
    ) seen ON seen.id = h.id
    WHERE h.priority_tier != coalesce(tiers.tier, 0)
       OR h.last_visit_at IS NOT seen.last_visit
       OR h.last_reached_at IS NOT seen.last_reached
       OR h.last_outcome IS NOT (SELECT outcome FROM visit v WHERE v.household_id = h.id
                                 AND v.withdrawn_at IS NULL ORDER BY v.visited_at DESC, v.id DESC LIMIT 1)
"""


def stale_summaries(store: Store, *, limit: int = 20) -> tuple[int, list[int]]:
    """How many households have summary columns out of step with their rows, and the first few."""
    ids = [r[0] for r in store.execute(STALE_SUMMARY_SQL)]
    return len(ids), ids[:limit]
