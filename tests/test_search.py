"""One search box: names, pinyin initials, phone tails, addresses; LIKE wildcards are literal."""

from __future__ import annotations

import pytest

from gridboard.models import ledger, search


@pytest.fixture
def people(small):
    store = small.store
    h502 = small.household(2, "502")
    ledger.add_resident(store, household_id=h502, name="张三", phone="13912345678")
    ledger.add_resident(store, household_id=small.household(1, "101"), name="曾小明", phone="13800001111")
    ledger.update_household(store, small.household(1, "102"), head_name="王%_芳", phone="0936-8765432")
    ledger.update_row(store, "member", small.member, phone="13700009999", home_household_id=h502)
    return small


def kinds(hits):
    return [(h.kind, h.name) for h in hits]


def test_initials() -> None:
    assert search.initials("张三") == "zs"
    assert search.initials("曾小明") == "zxm"  # the surname reading, not céng
    assert search.initials("欧阳娜娜") == "oynn"


def test_pinyin_initials_find_residents_and_members(people) -> None:
    hits = search.search(people.store, "zs")
    assert kinds(hits) == [("member", "张三"), ("resident", "张三")]
    assert hits[1].household_id == people.household(2, "502")
    assert kinds(search.search(people.store, "ZX")) == [("resident", "曾小明")]


def test_renamed_people_are_found_by_their_new_initials(people) -> None:
    rid = people.store.scalar("SELECT id FROM resident WHERE name = '曾小明'")
    ledger.update_row(people.store, "resident", rid, name="李明")
    assert kinds(search.search(people.store, "lm")) == [("resident", "李明")]
    assert search.search(people.store, "zxm") == []


def test_phone_tail(people) -> None:
    assert kinds(search.search(people.store, "5678")) == [("resident", "张三")]
    assert kinds(search.search(people.store, "9999")) == [("member", "张三")]
    assert kinds(search.search(people.store, "5432")) == [("household", "王%_芳")]


def test_addresses(people) -> None:
    for text in ("3-2-502", "3号楼2单元502", "3栋2单元502室"):
        hits = search.search(people.store, text)
        assert hits[0].household_id == people.household(2, "502"), text
        assert hits[0].matched == "address"
    assert len(search.search(people.store, "3-1")) == 12


def test_names_and_literal_wildcards(people) -> None:
    assert kinds(search.search(people.store, "张")) == [("member", "张三"), ("resident", "张三")]
    assert search.search(people.store, "%") == []
    assert search.search(people.store, "_") == []
    assert search.like_escape("50%_a\\") == "50\\%\\_a\\\\"
