"""The dashboard of a rolled-up street file compares its communities (tests/artifacts/dashboard_communities.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from gridboard.models import demo
from gridboard.models.opening import open_store
from gridboard.sync.rollup import rollup
from gridboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
WAIT = 60_000


@pytest.fixture(scope="module")
def street_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("street")
    files = []
    for seed in (1, 2):
        path = folder / f"community-{seed}.gridboard"
        demo.generate(path, "community", seed=seed, households=300)
        if seed == 2:  # two offices of one street have two names (the demo calls every community alike)
            office = open_store(path, operator="社区")
            with office.atomic():
                office.execute("UPDATE community SET name = '和平社区'")
            office.close()
        files.append(path)
    street = folder / "street.gridboard"
    store = open_store(street, create=True, operator="街道")
    try:
        rollup(store, files)
    finally:
        store.close()
    return street


def lived_in(store, community_id: int) -> int:
    return store.scalar(
        "SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"
        " WHERE g.community_id = ? AND h.archived_at IS NULL AND b.archived_at IS NULL AND h.occupancy != 'vacant'",
        [community_id],
    )


def test_a_street_files_dashboard_compares_its_communities(
    gui, qtbot, street_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "street.gridboard"
    path.write_bytes(street_template.read_bytes())
    store = open_store(path, operator="街道")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1400, 1000)
    window.show()
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT)
    box = view.communities
    assert box.isVisible()
    table = box.table
    communities = store.query("SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY name, id")
    assert table.rowCount() == len(communities) == 2
    shown = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    # Each community's households against an independent count from the raw rows.
    assert shown == {c["name"]: f"{lived_in(store, c['id']):,}" for c in communities}
    # A street file opens on its first community; its grid box holds that community's grids.
    first = store.scalar("SELECT min(id) FROM community WHERE archived_at IS NULL")
    assert view.community_box.currentData() == first
    assert view.tiles["households"].value.text() == f"{lived_in(store, first):,}"
    assert view.grid_box.count() == 1 + store.scalar(
        "SELECT count(*) FROM grid WHERE community_id = ? AND archived_at IS NULL", [first]
    )
    # All communities is a choice away: the tile is their sum, and grids are chosen within a community.
    view.community_box.setCurrentIndex(view.community_box.findData(None))
    everyone = f"{sum(lived_in(store, c['id']) for c in communities):,}"
    qtbot.waitUntil(
        lambda: view.up_to_date and view.tiles["households"].value.text() == everyone, timeout=WAIT
    )
    assert [view.grid_box.itemData(i) for i in range(view.grid_box.count())] == [None]
    # Same-named grids of the two communities: each community counts its own.
    grids = {table.item(r, 0).text(): int(table.item(r, 1).text()) for r in range(table.rowCount())}
    assert grids == {
        c["name"]: store.scalar(
            "SELECT count(*) FROM grid WHERE community_id = ? AND archived_at IS NULL", [c["id"]]
        )
        for c in communities
    }
    named = store.scalar(
        "SELECT count(*) FROM grid g1 JOIN grid g2 ON g1.name = g2.name AND g1.community_id < g2.community_id"
    )
    assert named > 0  # the two communities do share grid names
    # The points by grid name each grid with its community (two 第一网格 are two grids).
    points = view.list_tables["points_grid"]
    names = [points.item(r, 1).text() for r in range(points.rowCount())]
    assert names and all(" · " in n and n.split(" · ")[0] in shown for n in names), names
    # The table is as tall as its rows: the charts start right under it.
    scroll = view.findChild(QScrollArea, "dashScroll")
    qtbot.waitUntil(lambda: 0 <= scroll.geometry().top() - box.geometry().bottom() < 20, timeout=WAIT)
    save_screenshot(window, "dashboard_communities")
    # Sorting by a figure sorts by its number, not its text.
    table.sortItems(2, Qt.SortOrder.DescendingOrder)
    values = [int(table.item(r, 2).text().replace(",", "")) for r in range(2)]
    assert values == sorted(values, reverse=True)
    # Double-clicking a community looks at it alone: the tiles show its own figures.
    row = 1
    name = table.item(row, 0).text()
    chosen = next(c for c in communities if c["name"] == name)
    table.cellDoubleClicked.emit(row, 0)
    assert view.community_box.currentData() == chosen["id"]
    qtbot.waitUntil(
        lambda: (
            view.up_to_date and view.tiles["households"].value.text() == f"{lived_in(store, chosen['id']):,}"
        ),
        timeout=WAIT,
    )
    assert box.isVisible()  # the comparison stays, for going on to another community
    window.close()
    store.close()


def test_a_community_file_shows_no_comparison(gui, qtbot, small) -> None:
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT)
    assert not view.communities.isVisible()
