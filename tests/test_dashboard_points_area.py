"""The dashboard's points ranking (双积分) is the area's: a community's dashboard ranks its own grids
and the work units serving there, the whole file ranks them all, a grid ranks itself alone."""

from __future__ import annotations

from datetime import date

from gridboard.models import dashboard, ledger, service, units


def _place(store, community_name: str, unit_name: str) -> tuple[int, int, int]:
    """A community with one grid and one in-service member living there, linked to their unit."""
    community = ledger.create_community(store, name=community_name)
    grid = ledger.create_grid(store, community_id=community, name="第一网格")  # the same name in both
    building = ledger.create_building(
        store, rooms="lived_in", grid_id=grid, name="1号楼", number=1, units=1, floors=2, rooms_per_floor=1
    )
    home = store.scalar("SELECT min(id) FROM household WHERE building_id = ?", [building])
    unit = units.add_unit(store, name=unit_name, community_id=community)
    member = ledger.add_member(
        store, community_id=community, name=f"{community_name}党员", kind="in_service", home_household_id=home
    )
    units.set_member_unit(store, member_id=member, unit_id=unit)
    return community, grid, member


def test_the_points_ranking_follows_the_dashboards_area(db) -> None:
    today = date.today()
    east, east_grid, east_member = _place(db, "东园社区", "区税务局")
    west, west_grid, west_member = _place(db, "西园社区", "区水务局")
    service.record_service(db, member_id=east_member, kind="post_shift", hours=2, served_on=today)
    for _ in range(3):
        service.record_service(db, member_id=west_member, kind="post_shift", hours=2, served_on=today)

    def ranked(**area):
        points = dashboard.points_ranking(db, dashboard.Filters(**area))
        return [line.key for line in points.by_grid], [line.name for line in points.by_unit]

    assert ranked() == ([west_grid, east_grid], ["区水务局", "区税务局"])  # most points first
    assert ranked(community_id=east) == ([east_grid], ["区税务局"])
    assert ranked(community_id=west) == ([west_grid], ["区水务局"])
    assert ranked(community_id=east, grid_id=east_grid) == ([east_grid], ["区税务局"])
    whole = dashboard.points_ranking(db).by_grid
    assert [(line.services, line.members) for line in whole] == [(3, 1), (1, 1)]
