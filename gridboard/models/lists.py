"""What the big lists share: which community each grid belongs to, for a file of several communities."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from gridboard.models.store import Store


def grid_communities(store: Store) -> dict[int, str]:
    """grid id -> its community's name, when the file holds more than one community (lists of grids
    from several communities then show a community column: two 第一网格 in two communities are two
    grids); empty for a file of one community (the column stays hidden)."""
    communities = store.conn.execute("SELECT count(*) FROM (SELECT 1 FROM community LIMIT 2)").fetchone()[0]
    if communities < 2:
        return {}
    return dict(
        store.conn.execute(
            "SELECT g.id, c.name FROM grid g JOIN community c ON c.id = g.community_id"
        ).fetchall()
    )


@dataclass(frozen=True)
class RequestChoices:
    """What the requests list's filters offer: grids (labelled with their community in a file of
    several) and assignees (members who have had requests, then departments)."""

    grids: list[tuple[str, int]]  # (label, grid id)
    # (name, ("member", id)) then (name, ("department", name)): a combo's items, made off the GUI thread
    assignees: list[tuple[str, tuple[str, Any]]]


def request_choices(store: Store, communities: dict[int, str] | None = None) -> RequestChoices:
    from gridboard.models import requests as rq

    communities = grid_communities(store) if communities is None else communities
    grids = [
        (f"{communities[grid_id]} {name}" if grid_id in communities else name, grid_id)
        for grid_id, name in rq.grid_choices(store)
    ]
    members, departments = rq.assignee_choices(store)
    assignees: list[tuple[str, tuple[str, Any]]] = [(name, ("member", i)) for i, name in members]
    assignees += [(name, ("department", name)) for name in departments]
    return RequestChoices(grids, assignees)


@dataclass(frozen=True)
class RequestList:
    """One reading of the requests list: the ids in the secretary's order at `now`, the overdue
    counts of the summary, the community of each grid, and the filters' choices when asked for."""

    ids: list[int] | None  # None: only the choices were read
    now: str
    overdue_shown: int
    overdue_all: int
    communities: dict[int, str]
    choices: RequestChoices | None


def request_list(
    store: Store, f: Any, now: str, *, choices: bool = False, with_list: bool = True
) -> RequestList:
    """The requests list as the view shows it (run off the GUI thread for a file)."""
    from gridboard.models import requests as rq

    communities = grid_communities(store)
    return RequestList(
        ids=rq.request_ids(store, f, now=now) if with_list else None,
        now=now,
        overdue_shown=rq.count_requests(store, replace(f, overdue_only=True), now=now) if with_list else 0,
        overdue_all=rq.count_requests(store, rq.RequestFilter(overdue_only=True), now=now)
        if with_list
        else 0,
        communities=communities,
        choices=request_choices(store, communities) if choices else None,
    )
