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
