"""The dashboard's communities compared (a street or city file): read for all communities at once, the
same figures as the dashboard shows for each community alone, an emergency's own cycles included."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridboard.models import dashboard, demo, emergency
from gridboard.models.communities import community_rows, comparison_rows
from gridboard.models.opening import open_store


@pytest.fixture(scope="module")
def street_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("street") / "street.gridboard"
    demo.generate(path, "street", seed=5, households=1500)
    return path


def test_each_communitys_row_is_the_dashboard_of_that_community_alone(
    street_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "street.gridboard"
    path.write_bytes(street_template.read_bytes())
    store = open_store(path, operator="街道")
    try:
        communities = [r[0] for r in store.execute("SELECT id FROM community ORDER BY id")]
        assert len(communities) == 10
        before = {r.id: r for r in comparison_rows(store)}
        # One community on an emergency footing: its cycles (and so its "in cycle") are its own.
        emergency.declare_emergency(store, name="防汛", community_id=communities[3], cycle_other_days=3)
        rows = {r.id: r for r in comparison_rows(store)}
        assert set(rows) == set(communities)
        assert sum(r.open_requests for r in rows.values()) > 0
        assert sum(r.overdue_requests for r in rows.values()) > 0
        for community_id in communities:
            alone = dashboard.compute(store, dashboard.Filters(community_id=community_id))
            row, h = rows[community_id], alone.headline
            assert (row.households, row.paired, row.visited_in_cycle, row.priority_overdue) == (
                h.households,
                h.paired,
                h.visited_in_cycle,
                h.priority_overdue,
            ), community_id
            assert (row.visits_this_week, row.open_requests, row.overdue_requests) == (
                h.visits_this_week,
                h.open_requests,
                h.overdue_requests,
            ), community_id
            assert row.grids == len(alone.grids)
        # The emergency shortened that community's cycles only: fewer of its households are in cycle.
        assert rows[communities[3]].visited_in_cycle < before[communities[3]].visited_in_cycle
        assert all(rows[c] == before[c] for c in communities if c != communities[3])
    finally:
        store.close()


def test_a_file_of_one_community_compares_nothing(db, small) -> None:
    assert comparison_rows(db) == []
    assert [r.name for r in community_rows(db)] == ["幸福社区"]
