"""The dashboard's points ranking (双积分) is the area's: a community's dashboard ranks its own grids
and the work units that served it, the whole file ranks them all, a grid ranks itself alone, and a
网格员 sees their own grids' services only."""

from __future__ import annotations

from datetime import date

from gridboard.models import dashboard, ledger, operators, service, units


def _grid_with_member(store, community: int, grid_name: str, unit: int, name: str) -> tuple[int, int]:
    """A grid with one in-service member living in it, linked to `unit`."""
    grid = ledger.create_grid(store, community_id=community, name=grid_name)
    building = ledger.create_building(
        store, rooms="lived_in", grid_id=grid, name=f"{grid_name}1号楼", number=1, units=1, floors=2,
        rooms_per_floor=1,
    )  # fmt: skip
    home = store.scalar("SELECT min(id) FROM household WHERE building_id = ?", [building])
    member = ledger.add_member(
        store, community_id=community, name=name, kind="in_service", home_household_id=home
    )
    units.set_member_unit(store, member_id=member, unit_id=unit)
    return grid, member


def test_the_points_ranking_follows_the_dashboards_area(db) -> None:
    today = date.today()
    east = ledger.create_community(db, name="东园社区")
    west = ledger.create_community(db, name="西园社区")
    tax = units.add_unit(db, name="区税务局", community_id=east)
    water = units.add_unit(db, name="区水务局", community_id=west)
    # Each community's first grid has the same name: grids are told apart by id, not by name.
    east1, east_a = _grid_with_member(db, east, "第一网格", tax, "东一")
    east2, east_b = _grid_with_member(db, east, "第二网格", tax, "东二")
    west1, west_a = _grid_with_member(db, west, "第一网格", water, "西一")

    def serve(member: int, times: int, **where) -> None:
        for _ in range(times):
            service.record_service(db, member_id=member, kind="post_shift", hours=2, served_on=today, **where)

    serve(east_a, 1)
    serve(east_b, 2)
    serve(west_a, 4)
    # A west member's duty at east's post: east was served, in a grid of west's (the member's home).
    serve(west_a, 1, community_id=east)
    # A service with no grid at all (a member with no home): the community's units count it.
    homeless = ledger.add_member(db, community_id=east, name="东三", kind="in_service")
    units.set_member_unit(db, member_id=homeless, unit_id=tax)
    serve(homeless, 1)

    def ranked(**area):
        points = dashboard.points_ranking(db, dashboard.Filters(**area))
        return (
            [(line.key, line.services) for line in points.by_grid],
            [(line.name, line.services) for line in points.by_unit],
        )

    assert ranked() == ([(west1, 5), (east2, 2), (east1, 1)], [("区水务局", 5), ("区税务局", 4)])
    # East ranks its own grids; its units are those that served east, wherever the grid was.
    assert ranked(community_id=east) == ([(east2, 2), (east1, 1)], [("区税务局", 4), ("区水务局", 1)])
    assert ranked(community_id=west) == ([(west1, 5)], [("区水务局", 4)])  # one of its five served east
    assert ranked(community_id=east, grid_id=east1) == ([(east1, 1)], [("区税务局", 1)])
    # A 网格员 of east's second grid: that grid's services only, whatever area is asked for.
    operators.create_operator(db, name="网格员", role="grid_worker", secret="1357", grid_ids=[east2])
    operators.sign_in(db, "网格员", "1357")
    assert ranked() == ranked(community_id=west) == ([(east2, 2)], [("区税务局", 2)])
