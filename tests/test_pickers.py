"""Member pickers people can use: type-ahead by name, pinyin initials and phone tail; the household's
paired members and grid first; same-name members told apart; exact typing taken; dispatch defaults to
the paired member; 全部转交 asks whether the member left."""

from __future__ import annotations

import pytest

from gridboard.models import ledger, pairing, pickers, requests


@pytest.fixture
def crowd(small):
    store = small.store
    ids = {
        "zhang": small.member,
        "chen_a": ledger.add_member(
            store, community_id=small.community, name="陈春梅", kind="unit_head", phone="13800001234"
        ),
        "chen_b": ledger.add_member(
            store, community_id=small.community, name="陈春梅", kind="unit_head", phone="13900005678"
        ),
        "li": ledger.add_member(
            store, community_id=small.community, name="李玥", kind="volunteer", phone="13700009999"
        ),
    }
    household = small.household(1, "101")
    pairing.pair_member(store, member_id=ids["li"], household_id=household)
    pairing.pair_member(store, member_id=ids["chen_a"], household_id=small.household(2, "101"))
    store.take_changes()
    return small, ids, household


def test_choices_order_labels_and_matching(crowd) -> None:
    small, ids, household = crowd
    choices = pickers.member_choices(small.store, household_id=household)
    assert choices[0].id == ids["li"] and choices[0].paired
    assert choices[1].id == ids["chen_a"] and choices[1].same_grid  # works in the household's grid
    label = pickers.labels(choices)
    assert label[ids["chen_a"]] != label[ids["chen_b"]]
    assert "尾号1234" in label[ids["chen_a"]] and "尾号5678" in label[ids["chen_b"]]
    assert label[ids["li"]] == "李玥（志愿者）"
    by_id = {c.id: c for c in choices}
    assert by_id[ids["chen_a"]].matches("ccm") and by_id[ids["chen_a"]].matches("1234")
    assert not by_id[ids["chen_b"]].matches("1234") and by_id[ids["li"]].matches("李")
    assert pickers.resolve(choices, "李玥", label) == ids["li"]  # exact name, only one has it
    assert pickers.resolve(choices, "陈春梅", label) is None  # two have it: not a guess
    assert pickers.resolve(choices, "5678", label) == ids["chen_b"]
    assert pickers.resolve(choices, label[ids["chen_a"]], label) == ids["chen_a"]


@pytest.mark.gui
def test_print_dialog_takes_an_exactly_typed_name(window, qtbot, crowd) -> None:
    from gridboard.ui.printing.dialog import PrintDialog

    small, ids, _ = crowd
    dialog = PrintDialog(window)
    qtbot.addWidget(dialog)
    dialog.set_kind("member")
    box = dialog.member_combo
    box.lineEdit().setText("李玥")
    box.lineEdit().editingFinished.emit()  # Tab out of the box
    assert dialog.choices()["member_id"] == ids["li"]
    box.lineEdit().setText("lyue")  # not initials of anyone: nothing guessed
    assert box.member_id() is None
    box.lineEdit().setText("ly")
    assert box.member_id() == ids["li"]


@pytest.mark.gui
def test_dispatch_defaults_to_the_paired_member(window, qtbot, crowd) -> None:
    from gridboard.ui.requests.dialogs import DispatchDialog

    small, ids, household = crowd
    request = requests.raise_request(small.store, household_id=household, category="repairs", text="水管")
    dialog = DispatchDialog(window.notifier, [request], window)
    qtbot.addWidget(dialog)
    assert dialog.to_member.isChecked()
    assert dialog.member.member_id() == ids["li"]


@pytest.mark.gui
def test_hand_over_asks_whether_the_member_left_and_marks_it(window, qtbot, crowd, monkeypatch) -> None:
    from gridboard.ui import ask
    from gridboard.ui.pairing.dialogs import ReassignDialog

    small, ids, _ = crowd
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text: asked.append(text) or True)
    dialog = ReassignDialog(window, ids["li"])
    qtbot.addWidget(dialog)
    dialog.picker.select_member(ids["chen_b"])
    dialog.reason.setText("搬离")
    dialog.accept()
    assert asked and "李玥" in asked[0]
    assert small.store.scalar("SELECT active FROM member WHERE id = ?", [ids["li"]]) == 0
    new = small.store.query(
        "SELECT reason FROM pairing WHERE member_id = ? AND ended_on IS NULL", [ids["chen_b"]]
    )
    assert [r["reason"] for r in new] == [""]


@pytest.fixture
def two_communities(crowd):
    """The crowd's community and a second one (a street file): its own grid, building and member."""
    small, ids, household = crowd
    store = small.store
    other = ledger.create_community(store, name="和平社区")
    grid = ledger.create_grid(store, community_id=other, name="第一网格")
    building = ledger.create_building(
        store, rooms="lived_in", grid_id=grid, name="8号楼", number=8, units=1, floors=3, rooms_per_floor=2
    )
    ids["wang"] = ledger.add_member(store, community_id=other, name="王芳", kind="volunteer")
    store.take_changes()
    return small, ids, household, other, grid, building


def test_a_households_pickers_hold_its_own_communitys_members(two_communities) -> None:
    small, ids, household, other, _, _ = two_communities
    mine = {c.id for c in pickers.member_choices(small.store, household_id=household)}
    assert ids["wang"] not in mine and ids["li"] in mine
    theirs = {c.id for c in pickers.member_choices(small.store, community_id=other)}
    assert theirs == {ids["wang"]}
    assert ids["wang"] in {c.id for c in pickers.member_choices(small.store)}  # the whole file


@pytest.mark.gui
def test_print_dialog_of_a_street_file_prints_for_one_community(window, qtbot, two_communities) -> None:
    from gridboard.ui.printing.dialog import PrintDialog

    small, ids, _, other, other_grid, other_building = two_communities
    dialog = PrintDialog(window, kind="grid", target_id=other_grid)
    qtbot.addWidget(dialog)
    dialog.show()
    # It opens on the community of what is printed, and offers that community's choices only.
    assert dialog.community_combo.isVisible() and dialog.community_combo.currentData() == other
    grids = [dialog.grid_combo.itemData(i) for i in range(dialog.grid_combo.count())]
    assert grids == [None, other_grid]
    assert dialog.member_combo.choices == []  # read when a member's sheet is chosen (issue 15)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("member"))
    assert [c.id for c in dialog.member_combo.choices] == [ids["wang"]]
    buildings = [dialog.building_combo.itemData(i) for i in range(dialog.building_combo.count())]
    assert buildings == [other_building]
    # Another community: its members, buildings and grids.
    dialog.community_combo.setCurrentIndex(dialog.community_combo.findData(small.community))
    assert {c.id for c in dialog.member_combo.choices} == {
        ids["zhang"],
        ids["chen_a"],
        ids["chen_b"],
        ids["li"],
    }
    assert [dialog.building_combo.itemData(i) for i in range(dialog.building_combo.count())] == [
        small.building
    ]
    dialog.set_kind("member", ids["wang"])  # a member of the other community brings it back
    assert dialog.community_combo.currentData() == other
    assert dialog.choices()["member_id"] == ids["wang"]


@pytest.mark.gui
def test_print_dialog_of_one_community_asks_no_community(window, qtbot, crowd) -> None:
    from gridboard.ui.printing.dialog import PrintDialog

    dialog = PrintDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.community_combo.isVisible()
