"""Member pickers: who to offer first for a household, how to tell same-name members apart, and what
typing finds (a name, pinyin initials such as zs for 张三, or a phone's last digits)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from gridboard.models.search import initials as name_initials
from gridboard.models.store import Store
from gridboard.models.vocab import MEMBER_KINDS


@dataclass(frozen=True)
class MemberChoice:
    id: int
    name: str
    kind: str
    grid: str  # the grid where most of their households are ('' when none)
    phone_tail: str
    initials: str
    paired: bool  # paired with (or covering) the household the picker is for
    same_grid: bool  # works in that household's grid

    def keys(self) -> str:
        """What typing matches: name, initials, phone tail."""
        return f"{self.name} {self.initials} {self.phone_tail}"

    def matches(self, text: str) -> bool:
        text = text.strip().lower()
        if not text:
            return True
        if text.isdigit():
            return bool(self.phone_tail) and self.phone_tail.endswith(text[-4:])
        return text in self.name.lower() or self.initials.startswith(text)


def member_choices(
    store: Store,
    *,
    household_id: int | None = None,
    community_id: int | None = None,
    active_only: bool = True,
) -> list[MemberChoice]:
    """Serving members of a community (for a household: of its community), the household's paired
    members first, then those working in its grid, then the rest by name. Without either, every
    member of the file (a city holds tens of thousands: the pickers of one household or one
    community stay quick)."""
    if community_id is None and household_id is not None:
        community_id = store.scalar(
            "SELECT g.community_id FROM household h JOIN building b ON b.id = h.building_id"
            " JOIN grid g ON g.id = b.grid_id WHERE h.id = ?",
            [household_id],
        )
    rows = store.query(
        f"""
        SELECT m.id, m.name, m.kind, m.phone, coalesce(m.name_initials, '') AS initials,
            (SELECT g.name FROM pairing p JOIN household h ON h.id = p.household_id
                JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
                WHERE p.member_id = m.id AND p.ended_on IS NULL
                GROUP BY g.id ORDER BY count(*) DESC, g.sort_order LIMIT 1) AS grid,
            (SELECT b.grid_id FROM pairing p JOIN household h ON h.id = p.household_id
                JOIN building b ON b.id = h.building_id
                WHERE p.member_id = m.id AND p.ended_on IS NULL
                GROUP BY b.grid_id ORDER BY count(*) DESC LIMIT 1) AS grid_id
        FROM member m
        WHERE m.archived_at IS NULL {"AND m.active = 1" if active_only else ""}
            {"AND m.community_id = ?" if community_id is not None else ""}
        ORDER BY m.name, m.id
        """,
        [community_id] if community_id is not None else [],
    )
    paired: set[int] = set()
    grid_id = None
    if household_id is not None:
        from gridboard.models import pairing

        paired = set(pairing.household_member_ids(store, household_id))
        grid_id = store.scalar(
            "SELECT b.grid_id FROM household h JOIN building b ON b.id = h.building_id WHERE h.id = ?",
            [household_id],
        )
    choices = [
        MemberChoice(
            id=r["id"],
            name=r["name"],
            kind=r["kind"],
            grid=r["grid"] or "",
            phone_tail=(r["phone"] or "")[-4:] if len(r["phone"] or "") >= 4 else "",
            initials=(r["initials"] or name_initials(r["name"])).lower(),
            paired=r["id"] in paired,
            same_grid=grid_id is not None and r["grid_id"] == grid_id,
        )
        for r in rows
    ]
    choices.sort(key=lambda c: (not c.paired, not c.same_grid))
    return choices


def labels(
    choices: list[MemberChoice],
    kind_label: Callable[[str], str] = lambda code: MEMBER_KINDS.get(code, code),
    tail_label: Callable[[str], str] = lambda digits: f"尾号{digits}",
) -> dict[int, str]:
    """What each member is called in a picker: 陈春梅（单元长）, and where two share a name and a kind,
    their grid and phone tail too: 陈春梅（单元长 · 第三网格 · 尾号1234）."""
    same = Counter((c.name, c.kind) for c in choices)
    named = Counter(c.name for c in choices)
    result = {}
    for c in choices:
        parts = [kind_label(c.kind)]
        if same[(c.name, c.kind)] > 1 or named[c.name] > 1:
            if c.grid:
                parts.append(c.grid)
            if c.phone_tail:
                parts.append(tail_label(c.phone_tail))
            if len(parts) == 1 or same[(c.name, c.kind)] > 1 and not (c.grid or c.phone_tail):
                parts.append(f"#{c.id}")
        result[c.id] = f"{c.name}（{' · '.join(parts)}）"
    # Two still alike (same kind, grid and tail): their numbers tell them apart.
    seen = Counter(result.values())
    for c in choices:
        if seen[result[c.id]] > 1:
            result[c.id] = result[c.id][:-1] + f" · #{c.id}）"
    return result


def resolve(choices: list[MemberChoice], text: str, label_of: dict[int, str]) -> int | None:
    """The member typed: an exact label or name (when only one has it), else the only match."""
    text = text.strip()
    if not text:
        return None
    for c in choices:
        if label_of.get(c.id) == text:
            return c.id
    exact = [c.id for c in choices if c.name == text]
    if len(exact) == 1:
        return exact[0]
    found = [c.id for c in choices if c.matches(text)]
    return found[0] if len(found) == 1 else None
