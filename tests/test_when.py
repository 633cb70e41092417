"""The one time rule (issue 19): every moment is stored as local "YYYY-MM-DD HH:MM:SS", from a datetime
or ISO text, by `clock.normalise_when`; visits, requests, escalations, duty shifts, instructions and the
emergency desk all go through it, so they store the same text for the same moment."""

from __future__ import annotations

import ast
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gridboard.models import duty, instructions, requests, visits
from gridboard.models.clock import normalise_when, now_iso, when_or_now
from gridboard.models.errors import InvalidInput


@pytest.fixture
def in_beijing(monkeypatch: pytest.MonkeyPatch):
    """Local time is China Standard Time (UTC+8) for the test, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-11-30 09:05:07", "2026-11-30 09:05:07"),
        ("2026-11-30T09:05:07", "2026-11-30 09:05:07"),  # "T" or a space between day and time
        ("  2026-11-30 09:05  ", "2026-11-30 09:05:00"),  # no seconds: on the minute; spaces around
        ("2026-11-30 09:05:07.987654", "2026-11-30 09:05:07"),  # fractions dropped, seconds kept
        ("2026-11-30", "2026-11-30 00:00:00"),  # a day alone is its midnight
        (datetime(2026, 11, 30, 9, 5, 7, 500_000), "2026-11-30 09:05:07"),
    ],
)
def test_a_moment_is_stored_as_local_text_to_the_second(given: str | datetime, stored: str) -> None:
    assert normalise_when(given) == stored
    assert when_or_now(given) == stored


def test_a_time_with_an_offset_becomes_local_time(in_beijing: None) -> None:
    assert normalise_when("2026-11-30T01:00:00Z") == "2026-11-30 09:00:00"
    assert normalise_when("2026-11-30 01:00:00+00:00") == "2026-11-30 09:00:00"
    assert normalise_when(datetime(2026, 11, 30, 1, 0, tzinfo=UTC)) == "2026-11-30 09:00:00"
    assert normalise_when("2026-11-30 09:00:00+08:00") == "2026-11-30 09:00:00"


@pytest.mark.parametrize(
    "text", ["", "   ", "yesterday", "2026-13-01", "30/11/2026 09:00", "2026-11-30 9:00"]
)
def test_text_that_is_not_a_time_is_refused_in_words(text: str) -> None:
    with pytest.raises(InvalidInput, match="is not a date and time"):
        normalise_when(text)


@pytest.mark.parametrize("nothing", [None, "", "  "])
def test_nothing_given_means_now(nothing: str | None) -> None:
    before = now_iso()
    assert before <= when_or_now(nothing) <= now_iso()


def test_every_writer_stores_the_same_text_for_the_same_moment(small, in_beijing: None) -> None:
    store = small.store
    moment = datetime.now().replace(microsecond=0) - timedelta(days=1, seconds=13)
    with_offset = moment.astimezone(UTC).isoformat()  # "...+00:00": the same moment
    expected = moment.isoformat(sep=" ")
    household = small.household(1, "101")
    visit = visits.log_visit(store, household_id=household, member_ids=[small.member], visited_at=with_offset)
    request = requests.raise_request(
        store, household_id=household, category="repairs", text="灯坏了", source="walk_in", at=with_offset
    )
    post = duty.add_duty_post(store, community_id=small.community, kind="checkpoint", name="东门卡点")
    shift = duty.add_shift(store, post_id=post, member_id=small.member, starts_at=moment, hours=2)
    issued = instructions.issue(
        store, text="今晚巡查", community_id=small.community, grid_ids=[small.grid], at=with_offset
    )
    assert store.scalar("SELECT visited_at FROM visit WHERE id = ?", [visit]) == expected
    assert requests.get_request(store, request).collected_at == expected
    # A shift keeps its seconds too (it used to drop them when given a datetime).
    assert store.scalar("SELECT starts_at FROM duty_shift WHERE id = ?", [shift]) == expected
    assert store.scalar("SELECT issued_at FROM emergency_instruction WHERE id = ?", [issued]) == expected


def test_a_request_step_cannot_be_in_the_future(small) -> None:
    household = small.household(1, "101")
    tomorrow = datetime.now() + timedelta(days=1)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        requests.raise_request(
            small.store,
            household_id=household,
            category="repairs",
            text="灯坏了",
            source="walk_in",
            at=tomorrow,
        )


def test_no_model_module_keeps_a_time_rule_of_its_own() -> None:
    models = Path(__file__).resolve().parent.parent / "gridboard" / "models"
    found = [
        f"{path.relative_to(models)}:{node.name}"
        for path in sorted(models.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name in {"_when", "_normalise", "normalise_when"}
    ]
    assert found == ["clock.py:normalise_when"]
