"""A household's risk tier, the one home of the rule (issue 19): the highest tier (vocab.Tier) of the
live tags of the residents living there now; 0 with none. Stored as `household.priority_tier`
(`ledger.refresh_priority_tier` for one household, the importer for many); `stats` finds households
whose stored tier is not what this says."""

from __future__ import annotations

# Tags held by residents living in a household now (not moved out, not archived; the tag not archived).
_LIVE_TAGS = (
    "FROM resident r JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id"
    " WHERE r.moved_out_at IS NULL AND r.archived_at IS NULL AND t.archived_at IS NULL"
)


def tier_sql(household_id: str) -> str:
    """The tier of the household whose id is the SQL expression `household_id` ("?", "h.id")."""
    return f"(SELECT coalesce(max(t.tier), 0) {_LIVE_TAGS} AND r.household_id = {household_id})"


# One row per household with any live tag (id, tier): the same rule for a whole file at once, as a
# grouped scan rather than one lookup per household.
TIERS_BY_HOUSEHOLD_SQL = (
    f"SELECT r.household_id AS id, max(t.tier) AS tier {_LIVE_TAGS} GROUP BY r.household_id"
)
