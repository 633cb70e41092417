"""`Area`: which part of the file a query is about (the whole file, a community, a grid, a building),
and the one way it becomes SQL conditions. Queries take an `Area` (or the `{"grid": 3}` dict of old,
read with `Area.of`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LEVELS = ("community", "grid", "building")


@dataclass(frozen=True)
class Area:
    """Nothing set: the whole file. Levels set together narrow each other (a grid of that community)."""

    community: int | None = None
    grid: int | None = None
    building: int | None = None

    @classmethod
    def of(cls, area: Area | Mapping[str, int | None] | None) -> Area:
        """An Area from what callers pass: an Area, None (the whole file) or {"community": 1, "grid": 3}."""
        if area is None:
            return WHOLE_FILE
        if isinstance(area, Area):
            return area
        unknown = set(area) - set(LEVELS)
        if unknown:
            raise ValueError(f"not an area level: {sorted(unknown)}")
        return cls(**{level: area.get(level) for level in LEVELS})

    @property
    def is_whole_file(self) -> bool:
        return self.community is None and self.grid is None and self.building is None

    def as_dict(self) -> dict[str, int]:
        """The levels set, as {"community": 1, "grid": 3}."""
        return {level: value for level in LEVELS if (value := getattr(self, level)) is not None}

    def conditions(
        self,
        *,
        community: str = "g.community_id",
        grid: str = "g.id",
        building: str = "b.id",
        prefix: str = "within",
    ) -> tuple[list[str], dict[str, Any]]:
        """SQL conditions, one per level set (`column = :within_grid`), on the columns given, and
        their params (named `prefix_level`, or just `level` with no prefix)."""
        columns = {"community": community, "grid": grid, "building": building}
        clauses, params = [], {}
        for level, value in self.as_dict().items():
            name = f"{prefix}_{level}" if prefix else level
            clauses.append(f"{columns[level]} = :{name}")
            params[name] = value
        return clauses, params

    def and_sql(self, **columns: str) -> tuple[str, dict[str, Any]]:
        """The conditions as " AND … AND …" to append to a WHERE (empty for the whole file)."""
        clauses, params = self.conditions(**columns)
        return " ".join(f"AND {c}" for c in clauses), params

    def grid_sql(self, column: str, *, prefix: str = "within") -> tuple[str, dict[str, Any]]:
        """The area as one condition on a grid id `column`, for rows kept per grid (the coverage
        tallies): a community is its grids, found through the grid table ("true" for the whole file).
        Such rows know no building, so a building's area is refused."""
        if self.building is not None:
            raise ValueError("rows kept per grid cannot be narrowed to a building")
        clauses, params = [], {}
        if self.grid is not None:
            clauses.append(f"{column} = :{prefix}_grid")
            params[f"{prefix}_grid"] = self.grid
        if self.community is not None:
            clauses.append(f"{column} IN (SELECT id FROM grid WHERE community_id = :{prefix}_community)")
            params[f"{prefix}_community"] = self.community
        return " AND ".join(clauses) or "true", params


WHOLE_FILE = Area()
