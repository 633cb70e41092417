"""Every figure of the coverage dashboard ("一屏知全域"), for an area and a period.

The figures come from the tallies (`gridboard.models.tallies`, kept exact by triggers), so a city
file costs about what a community does; only the overdue priority list reads households, through
its own index. Visit status is `rules`' definition throughout. `compute(store, filters)` returns one
`Dashboard` of plain dataclasses, safe to build in a worker thread (it only reads).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from gridboard.models import rules, service, supplies
from gridboard.models.area import Area
from gridboard.models.store import Store
from gridboard.models.tallies import coverage
from gridboard.models.tallies import requests as request_tally
from gridboard.models.tallies import visits as visit_tally
from gridboard.models.vocab import Tier, coverage_band

PERIODS = (7, 30, 90, 365)


@dataclass(frozen=True)
class Filters:
    """What the dashboard looks at: an area (all, a community or a grid) and a period ending today."""

    community_id: int | None = None
    grid_id: int | None = None
    period_days: int = 365
    now: datetime | None = None

    @property
    def moment(self) -> datetime:
        return (self.now or datetime.now()).replace(microsecond=0)

    @property
    def today(self) -> date:
        return self.moment.date()

    @property
    def weekly_trend(self) -> bool:
        """The resolution trend goes by week for short periods, by month for long ones."""
        return self.period_days <= request_tally.WEEKLY_TREND_DAYS

    @property
    def start(self) -> date:
        """First day of the period (inclusive)."""
        return self.today - timedelta(days=self.period_days - 1)

    def area(self) -> Area:
        return Area(community=self.community_id, grid=self.grid_id)

    def within(self) -> dict[str, int]:
        return self.area().as_dict()


@dataclass(frozen=True)
class Headline:
    households: int  # lived-in households
    paired: int
    visited_in_cycle: int
    priority: int
    priority_overdue: int
    visits_this_week: int
    visits_last_week: int
    open_requests: int
    overdue_requests: int
    median_resolve_hours: float | None  # requests resolved within the period
    rated: int  # requests rated within the period
    satisfied: int  # of those, satisfied or basically satisfied

    @property
    def paired_share(self) -> float | None:
        return self.paired / self.households if self.households else None

    @property
    def visited_share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class AreaBar:
    """One grid (or member): its lived-in households and how many were visited within cycle."""

    id: int
    name: str
    households: int
    visited_in_cycle: int
    community: str = ""

    @property
    def share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None

    @property
    def band(self) -> str:
        return coverage_band(self.share)

    @property
    def behind(self) -> int:
        return self.households - self.visited_in_cycle


@dataclass(frozen=True)
class VisitBucket:
    """Visits in one day or week (start date), by method, and distinct households reached."""

    start: date
    by_method: dict[str, int]
    households_reached: int

    @property
    def visits(self) -> int:
        return sum(self.by_method.values())


@dataclass(frozen=True)
class TrendPoint:
    start: date  # first day of the month (or week)
    resolved: int
    median_hours: float | None


@dataclass(frozen=True)
class GridPopulation:
    id: int
    name: str
    households: int  # lived-in
    residents: int
    priority: int


@dataclass(frozen=True)
class SpecialGroup:
    code: str
    name: str
    residents: int
    households: int  # lived-in households with such a resident
    visited_in_cycle: int  # of those households


@dataclass(frozen=True)
class FourLists:
    """Dadong's 四项清单: population basics, residents' requests, scarce supplies, special groups."""

    households: int
    residents: int
    by_grid: list[GridPopulation]
    open_by_category: dict[str, int]
    supplies: list[supplies.SupplyNeed]  # by item and unit (grid_id 0), most outstanding first
    special_groups: list[SpecialGroup]


@dataclass
class Dashboard:
    filters: Filters
    headline: Headline
    grids: list[AreaBar]
    members: list[AreaBar]  # members with households, most households behind first
    visits_by_day: list[VisitBucket]
    visits_by_week: list[VisitBucket]
    requests_by_category_status: dict[str, dict[str, int]]  # collected within the period
    open_request_ages: list[int]  # count per AGE_BUCKETS
    resolution_trend: list[TrendPoint]
    four_lists: FourLists
    overdue_priority: list[int] = field(default_factory=list)  # household ids, most overdue first

    def grid_communities(self) -> dict[int, str]:
        """Each grid's community (a file of several communities repeats grid names)."""
        return {bar.id: bar.community for bar in self.grids}


@dataclass(frozen=True)
class PointsRanking:
    """双积分: this quarter's service points in the area, most first (the serve view has other periods)."""

    by_grid: list[service.RankLine]
    by_unit: list[service.RankLine]


# -- the area filter -------------------------------------------------------------------------------

AREA_JOIN = "JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"


def area_where(filters: Filters) -> tuple[str, dict[str, Any]]:
    """SQL conditions (on h, b, g) and params for the filters' area; households not archived."""
    area, params = filters.area().conditions(prefix="")
    return " AND ".join(["h.archived_at IS NULL", "b.archived_at IS NULL", *area]), params


def own_grids(store: Store) -> frozenset[int] | None:
    """The grids a signed-in 网格员 works in (None: every grid may be looked at)."""
    session = getattr(store, "session", None)
    return getattr(session, "grids", None)


def own_area(store: Store, filters: Filters) -> Filters:
    """The filters a signed-in operator may look at: a 网格员 sees one of their own grids at a time
    (the whole file, a community or another grid becomes their first grid), so every figure, the
    tallies' included, counts their grids only."""
    grids = own_grids(store)
    if grids is None:
        return filters
    marks = ",".join("?" * len(grids))
    rows = (
        store.query(
            f"SELECT id, community_id FROM main.grid WHERE id IN ({marks}) ORDER BY community_id, sort_order, id",
            sorted(grids),
        )
        if grids
        else []
    )
    chosen = next((r for r in rows if r["id"] == filters.grid_id), rows[0] if rows else None)
    if chosen is None:  # no grid at all: nothing to count
        return replace(filters, community_id=None, grid_id=-1)
    return replace(filters, community_id=chosen["community_id"], grid_id=chosen["id"])


def _area_is_all(filters: Filters) -> bool:
    return filters.area().is_whole_file


def _rule_params(store: Store, filters: Filters, cycles: rules.Cycles | None = None) -> dict[str, Any]:
    return rules.rule_params(cycles or rules.current_cycles(store, filters.community_id), filters.today)


# -- figures ---------------------------------------------------------------------------------------


def _counts(store: Store, kind: str, filters: Filters, cycles: rules.Cycles) -> dict[int, coverage.Counts]:
    return coverage.counts(
        store.db,
        kind,
        cycles.since(filters.today),
        area=filters.area(),
    )


def grid_coverage(
    store: Store,
    filters: Filters,
    cycles: rules.Cycles | None = None,
    counts: dict[int, coverage.Counts] | None = None,
) -> list[rules.Coverage]:
    """Coverage by grid (rules.coverage's figures, from the tallies), community by community."""
    if counts is None:
        counts = _counts(store, "grid", filters, cycles or rules.current_cycles(store, filters.community_id))
    rows = []
    for grid_id, name in store.execute("SELECT id, name FROM grid ORDER BY community_id, sort_order, id"):
        c = counts.get(grid_id)
        # A grid whose households are all gone (or vacant and empty) has nothing to show.
        if c is not None and (c.households or c.residents):
            rows.append(
                rules.Coverage(
                    key=grid_id,
                    name=name,
                    households=c.households,
                    paired=c.paired,
                    visited_in_cycle=c.in_cycle,
                    priority=c.priority,
                    priority_overdue=c.priority - c.priority_in_cycle,
                    overdue=c.households - c.in_cycle,
                )
            )
    return rows


def grid_bars(store: Store, filters: Filters, rows: list[rules.Coverage] | None = None) -> list[AreaBar]:
    rows = rows if rows is not None else grid_coverage(store, filters)
    communities = _grid_communities(store, filters)
    return [
        AreaBar(r.key, r.name, r.households, r.visited_in_cycle, communities.get(r.key, "")) for r in rows
    ]


def _grid_communities(store: Store, filters: Filters) -> dict[int, str]:
    """Each grid's community name, when the area holds several communities (grid names repeat)."""
    if filters.grid_id is not None or filters.community_id is not None:
        return {}
    if (store.scalar("SELECT count(*) FROM community WHERE archived_at IS NULL") or 0) < 2:
        return {}
    return dict(store.execute("SELECT g.id, c.name FROM grid g JOIN community c ON c.id = g.community_id"))


# The member chart shows the dozen furthest behind; a city has tens of thousands of members.
MEMBERS_LISTED = 50


def member_bars(store: Store, filters: Filters, cycles: rules.Cycles | None = None) -> list[AreaBar]:
    """The members furthest behind: lived-in households they cover now against those in cycle."""
    cycles = cycles or rules.current_cycles(store, filters.community_id)
    rows = coverage.lagging_members(
        store.db,
        cycles.since(filters.today),
        area=filters.area(),
        limit=MEMBERS_LISTED,
    )
    return [AreaBar(member_id, name, households, done) for member_id, name, households, done in rows]


def visit_series(store: Store, filters: Filters) -> tuple[list[VisitBucket], list[VisitBucket]]:
    """Visits per day and per week (Monday start) in the period, by method, with households reached."""
    days, weeks = visit_tally.series(
        store.db, filters.community_id, filters.grid_id, filters.start, filters.today
    )
    return (
        [VisitBucket(day, methods, reached) for day, (methods, reached) in days.items()],
        [VisitBucket(monday, methods, reached) for monday, (methods, reached) in weeks.items()],
    )


def request_figures(store: Store, filters: Filters) -> request_tally.RequestFigures:
    """Open and overdue requests, ages, categories × statuses, resolution times and ratings."""
    return request_tally.figures(
        store.db,
        filters.community_id,
        filters.grid_id,
        filters.start,
        filters.today,
        filters.moment.isoformat(sep=" "),
    )


def visits_in_weeks(store: Store, filters: Filters) -> tuple[int, int]:
    """Visits (any outcome) this week so far, and all of last week (weeks start on Monday)."""
    return visit_tally.week_counts(store.db, filters.community_id, filters.grid_id, filters.today)


def population(
    coverage_rows: list[rules.Coverage], counts: dict[int, coverage.Counts]
) -> tuple[list[GridPopulation], int]:
    """Lived-in and priority households by grid, with current residents (of every household)."""
    grids = [
        GridPopulation(c.key, c.name, c.households, counts[c.key].residents, c.priority)
        for c in coverage_rows
    ]
    return grids, sum(g.residents for g in grids)


def special_groups(store: Store, filters: Filters, cycles: rules.Cycles) -> list[SpecialGroup]:
    """Each tag: residents carrying it now, their lived-in households, and those visited within cycle."""
    counts = _counts(store, "tag", filters, cycles)
    return [
        SpecialGroup(code, name, counts[tag_id].residents, counts[tag_id].households, counts[tag_id].in_cycle)
        for tag_id, code, name in store.execute(
            "SELECT id, code, name FROM tag WHERE archived_at IS NULL ORDER BY tier DESC, id"
        )
        if tag_id in counts and counts[tag_id].residents
    ]


def supplies_needed(store: Store, filters: Filters) -> list[supplies.SupplyNeed]:
    """Scarce supplies open requests are waiting for, by item and unit (the requests area's list)."""
    return supplies.needed_by_item(store, within=filters.within())


# -- overdue priority households ---------------------------------------------------------------------

# The due day as a number (julianday), cheaper to sort on than the due date's text.
_DUE = f"julianday(substr(h.last_reached_at, 1, 10)) + {rules.cycle_sql()}"
OVERDUE_SORTS: dict[str, tuple[str, ...]] = {
    # Never reached first, then the longest past due; ties by address.
    "overdue": ("h.last_reached_at IS NOT NULL", _DUE, "b.number", "b.id", "h.unit", "h.room"),
    "address": ("b.number", "b.id", "h.unit", "h.floor", "h.room"),
    "grid": ("g.sort_order", "g.id", "b.number", "b.id", "h.unit", "h.room"),
    "head": ("h.head_name", "h.id"),
    "tier": ("h.priority_tier DESC", "h.last_reached_at IS NOT NULL", _DUE, "h.id"),
}
# A whole city has tens of thousands overdue; the table lists the first of them in the chosen order
# (the headline tile counts them all).
OVERDUE_LISTED = 1000


def overdue_priority_ids(
    store: Store,
    filters: Filters,
    *,
    sort: str = "overdue",
    descending: bool = False,
    params: dict[str, Any] | None = None,
    limit: int | None = OVERDUE_LISTED,
) -> list[int]:
    """Priority households overdue for a visit (rules.overdue_sql), most overdue first by default."""
    params = params or _rule_params(store, filters)
    if sort == "overdue" and not descending and limit is not None and _area_is_all(filters):
        # A community's or grid's overdue households are few: sorting them all is quicker there.
        return _most_overdue(store, filters, params, limit)
    where, area = area_where(filters)
    terms = OVERDUE_SORTS[sort]
    if descending:
        terms = tuple(term[:-5] if term.endswith(" DESC") else term + " DESC" for term in terms)
    order = ", ".join(terms)
    rows = store.execute(
        f"""
        SELECT h.id FROM household h {AREA_JOIN}
        WHERE {where} AND h.priority_tier > 0 AND {rules.overdue_priority_sql()}
        ORDER BY {order} LIMIT :limit
        """,
        {**params, **area, "limit": -1 if limit is None else limit},
    ).fetchall()
    return [r[0] for r in rows]


def _most_overdue(store: Store, filters: Filters, params: dict[str, Any], limit: int) -> list[int]:
    """The whole file's first `limit` of OVERDUE_SORTS["overdue"] without sorting a city's overdue households:
    never reached first (by address), then each tier read in last-reached order from its index
    (which is its due order) and the tiers merged. Same result as the general query."""
    where, area = area_where(filters)
    place = "b.number, b.id, h.unit, h.room"
    base = f"FROM household h {AREA_JOIN} WHERE {where} AND h.priority_tier > 0 AND h.occupancy != 'vacant'"
    never = store.execute(
        f"SELECT h.id {base} AND h.last_reached_at IS NULL ORDER BY {place} LIMIT :limit",
        {**area, "limit": limit},
    ).fetchall()
    wanted = limit - len(never)
    reached: list[tuple[str, int, int, int, str, int]] = []
    for tier, name in ((Tier.PRIORITY, "priority"), (Tier.HIGH, "high")):
        if wanted <= 0:
            break
        query = (
            f"SELECT date(substr(h.last_reached_at, 1, 10), '+{params[f'cycle_{name}']} days') AS due,"
            f" {place}, h.id {base} AND h.priority_tier = {int(tier)} AND h.last_reached_at < :since"
        )
        since = params[f"since_{name}"]
        first = store.execute(
            f"{query} ORDER BY h.last_reached_at LIMIT :wanted", {**area, "since": since, "wanted": wanted}
        ).fetchall()
        if len(first) == wanted:
            # Households reached on the last day read are due together: take all of that day, so
            # the address decides among them as in the general query.
            end = (date.fromisoformat(first[-1][0]) - timedelta(days=params[f"cycle_{name}"] - 1)).isoformat()
            first = store.execute(
                f"{query} AND h.last_reached_at < :end", {**area, "since": since, "end": end}
            ).fetchall()
        reached.extend(tuple(row) for row in first)
    reached.sort()
    return [row[0] for row in never] + [row[-1] for row in reached[: max(wanted, 0)]]


@dataclass(frozen=True)
class OverdueRow:
    id: int
    grid: str
    building: str
    address: str  # building-unit-room
    head_name: str
    tier: int
    tags: str  # tag names, 、-separated
    last_reached_at: str | None
    due: str | None
    days_overdue: int | None  # None when never reached


def overdue_rows(store: Store, ids: list[int], filters: Filters) -> list[OverdueRow]:
    """Rows for some households of the overdue list (the item model asks for the rows shown)."""
    if not ids:
        return []
    params = _rule_params(store, filters)
    marks = ",".join(str(int(i)) for i in ids)
    rows = store.query(
        f"""
        SELECT h.id, g.name AS grid, b.name AS building, b.number, h.unit, h.room, h.head_name,
            h.priority_tier, h.last_reached_at, {rules.due_sql()} AS due,
            CAST(julianday(:today) - julianday({rules.due_sql()}) AS INTEGER) AS late,
            (SELECT group_concat(DISTINCT t.name) FROM resident r
                JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
                WHERE r.household_id = h.id AND r.moved_out_at IS NULL AND r.archived_at IS NULL
                    AND t.archived_at IS NULL) AS tags
        FROM household h {AREA_JOIN}
        WHERE h.id IN ({marks})
        """,
        params,
    )
    by_id = {
        r["id"]: OverdueRow(
            id=r["id"],
            grid=r["grid"],
            building=r["building"],
            address=f"{r['number'] or r['building']}-{r['unit']}-{r['room']}",
            head_name=r["head_name"],
            tier=r["priority_tier"],
            tags=(r["tags"] or "").replace(",", "、"),
            last_reached_at=r["last_reached_at"],
            due=r["due"],
            days_overdue=r["late"],
        )
        for r in rows
    }
    return [by_id[i] for i in ids if i in by_id]


# -- everything ------------------------------------------------------------------------------------


def compute(store: Store, filters: Filters | None = None) -> Dashboard:
    """All dashboard figures for the filters' area and period."""
    filters = own_area(store, filters or Filters())
    cycles = rules.current_cycles(store, filters.community_id)
    params = rules.rule_params(cycles, filters.today)
    grid_counts = _counts(store, "grid", filters, cycles)
    coverage_rows = grid_coverage(store, filters, cycles, grid_counts)
    this_week, last_week = visits_in_weeks(store, filters)
    req = request_figures(store, filters)
    by_day, by_week = visit_series(store, filters)
    by_grid, residents = population(coverage_rows, grid_counts)
    headline = Headline(
        households=sum(c.households for c in coverage_rows),
        paired=sum(c.paired for c in coverage_rows),
        visited_in_cycle=sum(c.visited_in_cycle for c in coverage_rows),
        priority=sum(c.priority for c in coverage_rows),
        priority_overdue=sum(c.priority_overdue for c in coverage_rows),
        visits_this_week=this_week,
        visits_last_week=last_week,
        open_requests=req.open,
        overdue_requests=req.overdue,
        median_resolve_hours=req.median_hours,
        rated=req.rated,
        satisfied=req.satisfied,
    )
    return Dashboard(
        filters=filters,
        headline=headline,
        grids=grid_bars(store, filters, coverage_rows),
        members=member_bars(store, filters, cycles),
        visits_by_day=by_day,
        visits_by_week=by_week,
        requests_by_category_status=req.by_category_status,
        open_request_ages=req.ages,
        resolution_trend=[TrendPoint(start, resolved, hours) for start, resolved, hours in req.trend],
        four_lists=FourLists(
            households=headline.households,
            residents=residents,
            by_grid=by_grid,
            open_by_category=dict(req.open_by_category),
            supplies=supplies_needed(store, filters),
            special_groups=special_groups(store, filters, cycles),
        ),
        overdue_priority=overdue_priority_ids(store, filters, params=params),
    )


POINTS_SHOWN = 10


def points_ranking(store: Store, filters: Filters | None = None) -> PointsRanking:
    """The quarter's points ranking by grid and by work unit (双积分) for services in the area, the
    first POINTS_SHOWN of each. Apart from `compute`: the dashboard reads it beside the figures."""
    filters = own_area(store, filters or Filters())
    start, end = service.quarter_range(service.quarter_of(filters.today))
    grids, area = own_grids(store), filters.area()
    return PointsRanking(
        *(
            service.ranking(store, by, start=start, end=end, limit=POINTS_SHOWN, grids=grids, area=area)
            for by in ("grid", "unit")
        )
    )


def area_choices(store: Store) -> tuple[list[tuple[int, str]], list[tuple[int, int, str]]]:
    """Communities (id, name) and grids (id, community id, name) for the filter boxes: a 网格员's
    own grids and their communities only (the grid view of their connection holds just those)."""
    mine = " AND id IN (SELECT community_id FROM grid)" if own_grids(store) is not None else ""
    communities = [
        (r[0], r[1])
        for r in store.execute(f"SELECT id, name FROM community WHERE archived_at IS NULL{mine} ORDER BY id")
    ]
    grids = [
        (r[0], r[1], r[2])
        for r in store.execute(
            "SELECT id, community_id, name FROM grid WHERE archived_at IS NULL"
            " ORDER BY community_id, sort_order, id"
        )
    ]
    return communities, grids


def tune_for_reads(store: Store) -> None:
    """Give a read-only connection a big page cache and memory-mapped pages (for city-sized files)."""
    store.execute("PRAGMA cache_size = -65536")
    store.execute("PRAGMA mmap_size = 536870912")
