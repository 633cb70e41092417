""" "In cycle", the one home of the rule (issue 19): a lived-in household reached on or after the first
day of its tier's cycle (the day is compared as the stored text, so an index on last_reached_at
serves it). `rules` binds the days as parameters; the coverage tallies read them from their clock.
A leaf: both `rules` and `tallies.coverage` build on it."""

from __future__ import annotations

LIVED_IN = "{h}.occupancy != 'vacant'"


def since_sql(h: str, *, normal: str, priority: str, high: str) -> str:
    """The first in-cycle day for household alias `h`'s tier, from three SQL expressions."""
    return f"CASE {h}.priority_tier WHEN 2 THEN {high} WHEN 1 THEN {priority} ELSE {normal} END"


def in_cycle_sql(h: str, since: str, *, never_reached_is_false: bool = False) -> str:
    """Household `h` is in cycle, given `since` (an SQL expression for its first in-cycle day).

    A household never reached is not in cycle: the comparison is NULL, which WHERE treats as false;
    `never_reached_is_false` makes it 0 instead (for sums that must not turn NULL)."""
    reached = f"ifnull({h}.last_reached_at, '')" if never_reached_is_false else f"{h}.last_reached_at"
    return f"({LIVED_IN.format(h=h)} AND {reached} >= {since})"
