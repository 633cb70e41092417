"""The three levels the day-by-day tallies are kept at: the whole file, one community, one grid."""

from __future__ import annotations

ALL, COMMUNITY, GRID = "all", "community", "grid"


def area_key(community_id: int | None = None, grid_id: int | None = None) -> tuple[str, int]:
    """(area, area_id) of a dashboard area: a grid wins over its community; the whole file is ("all", 0)."""
    if grid_id is not None:
        return GRID, grid_id
    if community_id is not None:
        return COMMUNITY, community_id
    return ALL, 0
