"""Pinyin initials prepared behind the search box go through the file's own opening: a protected file
opens with its key, and the window's operator and role apply there (a 只读 operator writes nothing)."""

from __future__ import annotations

import pytest
from conftest import TESTER

from gridboard.models import ledger, operators, search
from gridboard.models.store import Store
from gridboard.ui import main_window
from gridboard.ui import search as search_box
from gridboard.ui.ledger_feature import LedgerFeature

pytestmark = pytest.mark.gui


def _names_without_initials(store: Store) -> int:
    community = ledger.create_community(store, name="幸福社区")
    for name in ("张三", "赵六", "周舟"):
        ledger.add_member(store, community_id=community, name=name, kind="community_member")
    store.execute("UPDATE member SET name_initials = NULL")  # as an import or the demo leaves them
    store.take_changes()
    return search.pending_initials(store)


def _window(qtbot, store: Store, monkeypatch) -> main_window.MainWindow:
    monkeypatch.setattr(
        main_window,
        "FEATURES",
        ("gridboard.ui.board:BoardFeature", "gridboard.ui.ledger_feature:LedgerFeature"),
    )
    monkeypatch.setattr(search_box, "PREPARE_BEHIND", 0)  # these few names are prepared as a city's are
    window = main_window.MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("db", ["plain", "protected"], indirect=True)
def test_initials_are_prepared_on_the_files_own_opening_as_the_operator(
    gui, qtbot, db: Store, monkeypatch
) -> None:
    assert _names_without_initials(db) == 3
    opened: list[Store] = []
    adopt = operators.adopt

    def watch(store: Store, session) -> None:
        opened.append(store)
        adopt(store, session)

    monkeypatch.setattr(operators, "adopt", watch)
    window = _window(qtbot, db, monkeypatch)
    box = window.features.get(LedgerFeature).search
    box.setText("zs")
    hits = box.run()
    assert [h.name for h in hits] == ["张三"] and search.pending_initials(db) == 0
    # Prepared on a Store of its own, signed in as the window's operator with the same role.
    assert len(opened) == 1 and opened[0] is not db
    assert opened[0].operator == TESTER and opened[0].session.role == "admin" and opened[0].closed


def test_a_read_only_operator_searches_without_writing_initials(gui, qtbot, db: Store, monkeypatch) -> None:
    assert _names_without_initials(db) == 3
    operators.create_operator(db, name="看看", role="read_only", secret="1357")
    operators.start_session(db, operators.find_operator(db, "看看").id)
    window = _window(qtbot, db, monkeypatch)
    box = window.features.get(LedgerFeature).search
    box.setText("zs")
    assert box.run() == []  # no initials yet, and this role may not write them
    assert search.pending_initials(db) == 3
    box.setText("张")
    assert [h.name for h in box.run()] == ["张三"]  # by name it is found all the same
