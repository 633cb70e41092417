"""What the big lists share: which community each grid belongs to, for a file of several communities."""

from __future__ import annotations

from gridboard.models.store import Store


def grid_communities(store: Store) -> dict[int, str]:
    """grid id -> its community's name, when the file holds more than one community (lists of grids
    from several communities then show a community column: two 第一网格 in two communities are two
    grids); empty for a file of one community (the column stays hidden)."""
    communities = store.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM community LIMIT 2)"
    ).fetchone()[0]
    if communities < 2:
        return {}
    return dict(
        store.conn.execute("SELECT g.id, c.name FROM grid g JOIN community c ON c.id = g.community_id").fetchall()
    )
