"""The demo's synthesis: one community's grids (buildings, households, people, team, pairings, scopes,
visits, sheets, requests, deliveries) and the file's last rows, from generators seeded per grid."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from gridboard.models import names
from gridboard.models.demo.plan import HISTORY_DAYS
from gridboard.models.demo.rows import Batch, Rows
from gridboard.models.ledger import room_label
from gridboard.models.requests import DEFAULT_TIME_LIMITS
from gridboard.models.supplies import COMMON_ITEMS
from gridboard.models.vocab import (
    RATINGS,
    REACHED_OUTCOMES,
    TAGS_BY_CODE,
)

# fmt: off
# Building types: (weight, kind, floors choices, units range, rooms-per-floor range).
_BUILDING_TYPES: tuple[tuple[float, str, tuple[int, ...], tuple[int, int], tuple[int, int]], ...] = (
    (0.10, "courtyard", (1,), (1, 1), (6, 16)),
    (0.10, "apartment", (3, 4, 5), (2, 4), (2, 2)),
    (0.38, "apartment", (6,), (2, 6), (2, 3)),
    (0.06, "apartment", (7,), (2, 4), (2, 2)),
    (0.14, "apartment", (11,), (1, 3), (2, 4)),
    (0.14, "apartment", (18,), (1, 2), (2, 4)),
    (0.08, "apartment", (26, 33, 33), (1, 2), (3, 4)),
)

# Shares of households, by what they are: "一老一少一困" mixed into ordinary families.
_HOUSEHOLD_TYPES: tuple[tuple[str, float], ...] = (
    ("alone_elder", 0.032),
    ("empty_nest", 0.062),
    ("single", 0.08),
    ("couple", 0.14),
    ("family", 0.40),
    ("three_gen", 0.19),
    ("grandparents_child", 0.026),
    ("single_parent", 0.07),
)
_TENANT_TYPES: tuple[tuple[str, float], ...] = (("single", 0.4), ("couple", 0.3), ("family", 0.3))

# Visit cycles by tier (the defaults in settings.py) and how far behind them members run.
_CYCLE = {2: 7, 1: 30, 0: 90}
_PACE = {2: 1.8, 1: 1.1, 0: 1.0}
# Shares of in-person and phone visits by tier (the rest by WeChat).
_METHODS = {2: (0.55, 0.30), 1: (0.68, 0.22), 0: (0.72, 0.18)}
_VISIT_SLOTS = (9 * 60, 14 * 60 + 30, 19 * 60)
# How much sparser visit records are two years ago than in the last nine months.
_RAMP = 1.6
_CATEGORY_WEIGHTS = {
    # Elderly and needy households ask for medicine and benefits; others for repairs and property.
    "priority": {"medicine": 22, "repairs": 16, "property": 8, "parking": 2, "benefits": 22,
                 "dispute": 4, "hazard": 8, "supplies": 10, "other": 8},
    "normal": {"medicine": 5, "repairs": 26, "property": 20, "parking": 12, "benefits": 8,
               "dispute": 9, "hazard": 10, "supplies": 2, "other": 8},
}
_LOOP = ("dispatched", "in_progress", "resolved", "followed_up") * 2  # a second round after reopening
_RESOLVE_MINUTES = {
    "medicine": (60, 1440), "repairs": (240, 7200), "property": (240, 7200), "parking": (600, 10080),
    "benefits": (1440, 14400), "dispute": (1440, 20160), "hazard": (120, 4320),
    "supplies": (60, 1440), "other": (240, 7200),
}
# fmt: on


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


@dataclass(slots=True)
class Household:
    id: int
    uid: str
    building: int
    kind: str
    unit: int
    floor: int
    room: str
    occupancy: str = "lived_in"
    head_name: str = ""
    phone: str = ""
    people: int = 0
    tier: int = 0
    has_elder: bool = False
    covered_from: int | None = None  # minute the first pairing or scope began
    members: list[int] = field(default_factory=list)  # who visits: paired first, then by scope
    created: str = ""
    updated: str = ""
    notes: str = ""
    last_visit: str | None = None
    last_outcome: str | None = None
    last_reached: str | None = None


@dataclass(slots=True)
class Building:
    id: int
    kind: str
    floors: int
    units: int
    rooms: int
    layout: dict[str, dict[str, int]]
    households: list[Household] = field(default_factory=list)


class Grid:
    """One grid: its buildings and households, team, pairings, scopes, visits and requests."""

    def __init__(
        self,
        w: Rows,
        rng: random.Random,
        community_id: int,
        community: str,
        index: int,
        target: int,
        building_number: list[int],
    ) -> None:
        self.w = w
        self.rng = rng
        self.names = names.NamePicker(rng)
        self.community_id = community_id
        self.community = community
        self.index = index
        self.target = target
        self.building_number = building_number
        self.buildings: list[Building] = []
        self.households: list[Household] = []
        self.area = rng.choice(names.AREA_CODES)
        self.branch = f"{community}{names.grid_name(index)}{'党支部' if rng.random() < 0.6 else '党小组'}"
        # Community staff who enter requests and print sheets (the `operator` of those rows).
        self.operators = [self.names.full(rng.choice("MF"), rng.randint(1975, 1998)) for _ in range(2)]
        # How well this grid keeps up with its visits (some grids lag behind).
        self.diligence = rng.uniform(0.8, 1.25)

    def build(self) -> None:
        w = self.w
        stamp = w.ts(w.setup + self.rng.randrange(1440 * 10))
        self.grid_id = w.add(
            "grid", self.rng, stamp, stamp, self.community_id, names.grid_name(self.index), self.index
        )
        self.make_buildings()
        for building in self.buildings:
            for household in building.households:
                self.fill_household(household)
        self.make_team()
        self.make_scopes()
        self.make_pairings()
        self.paper: list[tuple[int, int, int, int, int]] = []
        for household in self.households:
            if household.occupancy != "vacant":
                self.visit(household)
        self.printed_sheets()
        for household in self.households:
            w.rows["household"].append(
                (
                    household.id,
                    household.uid,
                    household.created,
                    household.updated,
                    household.building,
                    household.unit,
                    household.floor,
                    household.room,
                    household.head_name,
                    household.phone,
                    household.people,
                    household.occupancy,
                    household.notes,
                    household.tier,
                    household.last_visit,
                    household.last_outcome,
                    household.last_reached,
                )
            )
        # Households are added last, with their summaries known; a batch is written in COLUMNS order,
        # so they still land before the residents, members and visits that point at them.

    # -- buildings and households ---------------------------------------------------------------
    def make_buildings(self) -> None:
        rng, w = self.rng, self.w
        weights = [t[0] for t in _BUILDING_TYPES]
        total = 0
        while total < self.target - 8:
            _, kind, floor_choices, (u_lo, u_hi), (r_lo, r_hi) = rng.choices(_BUILDING_TYPES, weights)[0]
            floors = rng.choice(floor_choices)
            units = rng.randint(u_lo, u_hi)
            rooms = rng.randint(r_lo, r_hi)
            remaining = self.target - total
            if floors * units * rooms > remaining + 20:
                # Too big for what is left of the grid: a smaller walk-up or courtyard fills the gap.
                if remaining < 14:
                    kind, floors, units, rooms = "courtyard", 1, 1, max(remaining, 4)
                else:
                    kind, floors, rooms = "apartment", 6, 2
                    units = max(1, min(6, round(remaining / 12)))
            layout: dict[str, dict[str, int]] = {}
            if kind == "apartment" and units >= 2 and rng.random() < 0.15:
                # Some units differ: an end unit with an extra room per floor, or one floor lower.
                odd = rng.choice((1, units))
                layout[str(odd)] = (
                    {"rooms": rooms + 1} if rng.random() < 0.5 else {"floors": max(1, floors - 1)}
                )
            self.building_number[0] += 1
            number = self.building_number[0]
            name = f"{number}号{'院' if kind == 'courtyard' else '楼'}"
            stamp = w.ts(w.setup + rng.randrange(1440 * 20))
            building_id = w.add(
                "building",
                rng,
                stamp,
                stamp,
                self.grid_id,
                name,
                number,
                kind,
                units,
                floors,
                rooms,
                json.dumps(layout),
            )
            building = Building(building_id, kind, floors, units, rooms, layout)
            self.buildings.append(building)
            for unit in range(1, units + 1):
                shape = layout.get(str(unit), {})
                for floor in range(1, shape.get("floors", floors) + 1):
                    for i in range(1, shape.get("rooms", rooms) + 1):
                        household = Household(
                            id=w.next_id["household"],
                            uid=w.uid(rng),
                            building=building_id,
                            kind=kind,
                            unit=unit,
                            floor=floor,
                            room=room_label(kind, floor, i),
                        )
                        w.next_id["household"] += 1
                        household.created = household.updated = stamp
                        building.households.append(household)
                        self.households.append(household)
                        total += 1

    def fill_household(self, h: Household) -> None:
        rng, w = self.rng, self.w
        roll = rng.random()
        h.occupancy = "lived_in" if roll < 0.85 else "rented_out" if roll < 0.95 else "vacant"
        if h.occupancy == "vacant":
            # The owner is still on record, with a phone number to reach them.
            h.head_name = self.names.full(rng.choice("MF"), rng.randint(1955, 1990))
            h.phone = names.mobile(rng)
            return
        types = _HOUSEHOLD_TYPES if h.occupancy == "lived_in" else _TENANT_TYPES
        people = self.compose(_weighted(rng, types))
        tags = self.choose_tags(people, h)
        tiers = [TAGS_BY_CODE[code].tier for codes in tags for code in codes]
        h.tier = int(max(tiers, default=0))
        h.has_elder = any(w.today.year - p[1] >= 60 for p in people)
        h.people = len(people)
        stamp = h.created
        surname = self.names.surname()
        for i, ((gender, birth, relation), codes) in enumerate(zip(people, tags)):
            family = surname if relation == "kin" else None
            name = self.names.full(gender, birth, family)
            phone = names.mobile(rng) if w.today.year - birth >= 16 and rng.random() < 0.75 else ""
            id_number = names.id_number(rng, self.area, birth, gender) if rng.random() < 0.75 else ""
            if i == 0:
                h.head_name = name
                h.phone = phone or names.mobile(rng)
                phone = h.phone
            resident_id = w.add(
                "resident",
                rng,
                stamp,
                stamp,
                h.id,
                name,
                gender,
                birth,
                phone,
                id_number,
                None,
                w.initials(name),
            )
            for code in codes:
                w.add("resident_tag", rng, stamp, stamp, resident_id, w.tag_ids[code])
        if rng.random() < 0.01:
            # Someone who has left (moved out or died): kept on file, their tags no longer count.
            moved = w.ts(w.start + rng.randrange(HISTORY_DAYS * 1440))
            birth = rng.randint(1925, 1942)
            gender = rng.choice("MF")
            name = self.names.full(gender, birth, surname)
            resident_id = w.add(
                "resident", rng, stamp, moved, h.id, name, gender, birth, "", "", moved, w.initials(name)
            )
            w.add("resident_tag", rng, stamp, stamp, resident_id, w.tag_ids["aged_80"])
            h.updated = moved
        if rng.random() < 0.03:
            h.notes = rng.choice(("子女在外地", "有养犬", "门铃坏了请敲门", "白天上班，晚上在家"))

    def compose(self, kind: str) -> list[tuple[str, int, str]]:
        """Residents as (gender, birth year, 'kin'|'spouse'), the head first."""
        rng, year = self.rng, self.w.today.year
        other = {"M": "F", "F": "M"}

        def adult(lo: int, hi: int, relation: str = "kin", gender: str | None = None) -> tuple[str, int, str]:
            return (gender or rng.choice("MF"), year - rng.randint(lo, hi), relation)

        def couple(lo: int, hi: int) -> list[tuple[str, int, str]]:
            head = adult(lo, hi, gender="M" if rng.random() < 0.7 else "F")
            return [head, (other[head[0]], head[1] + rng.randint(-4, 4), "spouse")]

        def children(parent_birth: int, n: int) -> list[tuple[str, int, str]]:
            first = parent_birth + rng.randint(22, 36)
            return [(rng.choice("MF"), min(year, first + i * rng.randint(2, 6)), "kin") for i in range(n)]

        if kind == "alone_elder":
            return [adult(66, 90)]
        if kind == "empty_nest":
            return couple(62, 84)
        if kind == "single":
            return [adult(22, 58)]
        if kind == "couple":
            return couple(24, 64)
        if kind == "family":
            parents = couple(28, 54)
            return parents + children(parents[0][1], 1 if rng.random() < 0.65 else 2)
        if kind == "three_gen":
            parents = couple(30, 50)
            elders = [adult(55, 80)] if rng.random() < 0.5 else couple(55, 78)
            return [*elders, *parents, *children(parents[0][1], rng.randint(1, 3 - len(elders)))]
        if kind == "grandparents_child":
            elders = couple(56, 75)
            return [*elders, (rng.choice("MF"), year - rng.randint(4, 15), "kin")]
        parent = adult(28, 50)  # single parent
        return [parent, *children(parent[1], 1)]

    def choose_tags(self, people: list[tuple[str, int, str]], h: Household) -> list[list[str]]:
        """Each resident's tags, at shares close to real ledgers."""
        rng, year = self.rng, self.w.today.year
        tags: list[list[str]] = [[] for _ in people]
        ages = [year - birth for _, birth, _ in people]
        for i, age in enumerate(ages):
            if age >= 80:
                tags[i].append("aged_80")
        if len(people) == 1 and ages[0] >= 65:
            tags[0].append("living_alone")
        elif len(people) == 2 and min(ages) >= 60:
            tags[0].append("empty_nest")
            tags[1].append("empty_nest")
        oldest = max(range(len(people)), key=lambda i: ages[i])
        if rng.random() < (0.2 if ages[oldest] >= 60 else 0.035):
            tags[oldest].append("chronic")
        if rng.random() < 0.02:
            tags[rng.randrange(len(people))].append("disabled")
        roll = rng.random()
        if roll < 0.02:
            tags[0].append("dibao")
        elif roll < 0.03:
            tags[0].append("dibao_edge")
        elif roll < 0.033:
            tags[oldest].append("tekun")
        for i, age in enumerate(ages):
            if age < 16:
                if len(people) == 3 and min(ages[:2]) >= 55 and rng.random() < 0.3:
                    tags[i].append("left_behind")
                elif rng.random() < 0.006:
                    tags[i].append("child_difficulty")
        for i, (gender, _, _) in enumerate(people):
            if gender == "F" and 22 <= ages[i] <= 40 and rng.random() < 0.025:
                tags[i].append("pregnant")
            if gender == "M" and 30 <= ages[i] <= 75 and rng.random() < 0.03:
                tags[i].append("veteran")
        return [list(dict.fromkeys(t)) for t in tags]

    # -- members, teams, scopes, pairings ---------------------------------------------------
    def member(
        self,
        kind: str,
        *,
        home: Household | None = None,
        work_unit: str = "",
        branch: str | None = None,
        active: bool = True,
        since: int | None = None,
    ) -> int:
        rng, w = self.rng, self.w
        birth = rng.randint(1950, 1975) if kind == "community_member" else rng.randint(1965, 1998)
        name = self.names.full(rng.choice("MF"), birth)
        stamp = w.ts(since if since is not None else w.setup + rng.randrange(1440 * 30))
        return w.add(
            "member",
            rng,
            stamp,
            stamp,
            self.community_id,
            name,
            names.mobile(rng),
            kind,
            self.branch if branch is None else branch,
            work_unit,
            home.id if home else None,
            int(active),
            w.initials(name),
        )

    def resident_home(self, within: Iterable[Household] | None = None) -> Household | None:
        homes = [h for h in (within if within is not None else self.households) if h.occupancy != "vacant"]
        return self.rng.choice(homes) if homes else None

    def role(
        self,
        member_id: int,
        role: str,
        *,
        building: int | None = None,
        unit: int | None = None,
        started: int | None = None,
        ended: int | None = None,
    ) -> None:
        w = self.w
        started = w.start - self.rng.randrange(1440 * 25) if started is None else started
        stamp = w.ts(started)
        w.add(
            "grid_role",
            self.rng,
            stamp,
            w.ts(ended) if ended else stamp,
            self.grid_id,
            member_id,
            role,
            building,
            unit,
            w.day(started),
            w.day(ended) if ended else None,
        )

    def make_team(self) -> None:
        """The normal "1+1+1+N" team, and building and unit heads who live where they serve."""
        rng, w = self.rng, self.w
        unit = rng.choice(names.CADRE_UNITS)
        self.cadre = self.member("cadre", work_unit=unit, branch=f"{unit}机关党支部")
        self.role(self.cadre, "cadre_responsible")
        self.secretary = self.member("community_member", home=self.resident_home())
        self.role(self.secretary, "branch_secretary")
        if rng.random() < 0.15:
            # The previous grid worker left; the role history stays.
            changed = w.start + rng.randrange(100, 500) * 1440
            earlier = self.member("grid_worker", work_unit=f"{self.community}居委会", active=False)
            self.role(earlier, "grid_worker", ended=changed)
            self.grid_worker = self.member("grid_worker", work_unit=f"{self.community}居委会", since=changed)
            self.role(self.grid_worker, "grid_worker", started=changed)
        else:
            self.grid_worker = self.member("grid_worker", work_unit=f"{self.community}居委会")
            self.role(self.grid_worker, "grid_worker")
        for _ in range(rng.randint(2, 4)):
            kind = "volunteer" if rng.random() < 0.5 else "community_member"
            self.role(self.member(kind, home=self.resident_home()), "assistant")
        self.in_service: list[int] = []
        self.heads: dict[int, int] = {}  # building id -> building head
        self.unit_heads: dict[tuple[int, int], int] = {}
        for b in self.buildings:
            if rng.random() < 0.88:
                self.heads[b.id] = self.member("building_head", home=self.resident_home(b.households))
                self.role(self.heads[b.id], "building_head", building=b.id)
            if b.kind == "apartment" and b.units >= 2 and rng.random() < 0.5:
                for u in range(1, b.units + 1):
                    home = self.resident_home(h for h in b.households if h.unit == u)
                    self.unit_heads[(b.id, u)] = self.member("unit_head", home=home)
                    self.role(self.unit_heads[(b.id, u)], "unit_head", building=b.id, unit=u)

    def in_service_member(self) -> int:
        work_unit = self.rng.choice(names.WORK_UNITS)
        member_id = self.member(
            "in_service", home=self.resident_home(), work_unit=work_unit, branch=f"{work_unit}党支部"
        )
        self.in_service.append(member_id)
        return member_id

    def cover(self, members: list[int], households: Iterable[Household], since: int) -> None:
        for h in households:
            for m in members:
                if m not in h.members:
                    h.members.append(m)
            h.covered_from = since if h.covered_from is None else min(h.covered_from, since)

    def scope(self, member_id: int, b: Building, unit: int | None, floor: int | None) -> None:
        """包楼栋 / 包单元 / 包楼层, sometimes taken over from an earlier member."""
        rng, w = self.rng, self.w
        start = w.start - rng.randrange(1440 * 30)
        if rng.random() < 0.06:
            changed = w.start + rng.randrange(60, 600) * 1440
            earlier = self.member("community_member", home=self.resident_home(b.households), active=False)
            w.add(
                "scope",
                rng,
                w.ts(start),
                w.ts(changed),
                earlier,
                b.id,
                unit,
                floor,
                w.day(start),
                w.day(changed),
                "",
                rng.choice(names.END_REASONS),
            )
            start = changed
        w.add(
            "scope", rng, w.ts(start), w.ts(start), member_id, b.id, unit, floor, w.day(start), None, "", ""
        )
        self.cover(
            [member_id],
            (
                h
                for h in b.households
                if (unit is None or h.unit == unit) and (floor is None or h.floor == floor)
            ),
            start,
        )

    def make_scopes(self) -> None:
        rng = self.rng
        self.unscoped: list[Building] = []
        for b in self.buildings:
            units_headed = [u for u in range(1, b.units + 1) if (b.id, u) in self.unit_heads]
            if b.floors >= 11 and rng.random() < 0.85:
                # Towers are split by floors: each member takes a few floors of one unit or all units.
                floor = 1
                while floor <= b.floors:
                    span = rng.randint(2, 5)
                    member_id = self.member(
                        "community_member" if rng.random() < 0.6 else "volunteer",
                        home=self.resident_home(h for h in b.households if floor <= h.floor < floor + span),
                    )
                    units = [None] if b.units == 1 or rng.random() < 0.5 else list(range(1, b.units + 1))
                    for u in units:
                        for f in range(floor, min(floor + span, b.floors + 1)):
                            self.scope(member_id, b, u, f)
                    floor += span
            elif units_headed:
                for u in units_headed:
                    self.scope(self.unit_heads[(b.id, u)], b, u, None)
            elif b.id in self.heads and rng.random() < 0.8:
                self.scope(self.heads[b.id], b, None, None)
            else:
                self.unscoped.append(b)

    def pair(self, member_id: int, h: Household, mode: str, reason: str = "") -> None:
        rng, w = self.rng, self.w
        start = w.start + rng.randrange(-30, 200) * 1440
        if rng.random() < 0.06:
            # An earlier pairing ended (the member moved, or was reassigned): history is kept.
            changed = start + rng.randrange(30, 400) * 1440
            if changed < w.now - 1440:
                earlier = self.member(
                    "community_member", home=self.resident_home(), active=rng.random() < 0.5
                )
                w.add(
                    "pairing",
                    rng,
                    w.ts(start),
                    w.ts(changed),
                    earlier,
                    h.id,
                    mode,
                    w.day(start),
                    w.day(changed),
                    reason,
                    rng.choice(names.END_REASONS),
                )
                start = changed
        w.add("pairing", rng, w.ts(start), w.ts(start), member_id, h.id, mode, w.day(start), None, reason, "")
        h.members.insert(0, member_id)
        h.covered_from = start if h.covered_from is None else min(h.covered_from, start)

    def make_pairings(self) -> None:
        rng = self.rng
        for h in self.households:
            if h.occupancy == "vacant":
                continue
            if h.tier == 2 and rng.random() < 0.55:
                # N+1: a vulnerable household gets two or three members.
                team = [
                    self.in_service_member()
                    if not self.in_service or rng.random() < 0.5
                    else rng.choice(self.in_service)
                ]
                team.append(self.member("community_member", home=self.resident_home()))
                if rng.random() < 0.35:
                    team.append(self.cadre)
                for m in dict.fromkeys(team):
                    self.pair(m, h, "N+1", "重点户多人结对")
            elif h.tier >= 1 and rng.random() < 0.5:
                kind = "community_member" if rng.random() < 0.7 else "volunteer"
                self.pair(self.member(kind, home=self.resident_home()), h, "1+1", "一对一结对")
        # 1+N: in-service members who report to the community (双报到) each take a few households near
        # home, and a handful each in buildings no building or unit head covers.
        lived_in = [h for h in self.households if h.occupancy != "vacant"]
        for _ in range(rng.randint(1, 3) if lived_in else 0):
            member_id = self.in_service_member()
            for h in rng.sample(lived_in, min(len(lived_in), rng.randint(3, 6))):
                if member_id not in h.members:
                    self.pair(member_id, h, "1+N", "在职党员双报到")
        for b in self.unscoped:
            open_households = [h for h in b.households if h.occupancy != "vacant" and rng.random() < 0.5]
            while open_households:
                n = rng.randint(3, 8)
                take, open_households = open_households[:n], open_households[n:]
                member_id = self.in_service_member()
                for h in take:
                    self.pair(member_id, h, "1+N", "在职党员双报到")

    # -- visits and requests ----------------------------------------------------------------
    def visit(self, h: Household) -> None:
        """Two years of visits to one household, and what it asked for on them.

        The hot loop of the generator: locals and `random()` arithmetic rather than randrange/choices.
        """
        rng, w = self.rng, self.w
        rand = rng.random
        covered = h.covered_from is not None
        if covered and rand() < 0.025:
            return  # paired but never visited yet
        if not covered and rand() < 0.5:
            return
        members = h.members or [self.grid_worker]
        grid_worker = self.grid_worker
        cycle = _CYCLE[h.tier] * 1440
        pace = (_PACE[h.tier] if covered else 2.5) * self.diligence
        now, start, ts, uid = w.now, w.start, w.ts, w.uid
        stop = now
        if rand() < 0.09:
            # The member stopped coming some months ago: this household is now overdue.
            stop = now - int((60 + rand() * 240) * 1440)
        recent = now - 270 * 1440
        t = max(h.covered_from or start, start) + int(rand() * cycle)
        in_person_share, phone_share = _METHODS[h.tier]
        request_share = 0.035 if h.tier else 0.02
        notes = names.VISIT_NOTES
        visits, visit_members = w.rows["visit"], w.rows["visit_member"]
        next_id = w.next_id
        requests: list[tuple[int, int | None, int]] = []
        retries = 0
        while t < stop:
            roll = rand()
            if roll < in_person_share:
                method = "in_person"
                roll = rand()
                outcome = "met" if roll < 0.86 else "nobody_home" if roll < 0.98 else "refused"
                # Mornings, afternoons, or evenings when in-service members are free.
                minute = _VISIT_SLOTS[int(rand() * 3)] + int(rand() * 150)
            else:
                method = "phone" if roll < in_person_share + phone_share else "wechat"
                outcome = "met" if rand() < (0.9 if method == "phone" else 0.97) else "nobody_home"
                minute = 540 + int(rand() * 660)
            when = t - t % 1440 + minute
            if when > now:
                break
            visited_at = ts(when)
            roll = rand()
            if roll < 0.2:
                source = "paper"
                sheet = None  # numbered with its printed sheet once the grid's visits are known
                entered = when + (1 + int(rand() * 5)) * 1440
            else:
                source = "typed" if roll > 0.23 else "imported"
                sheet = None
                entered = when + (5 + int(rand() * 235) if roll > 0.23 else (1 + int(rand() * 29)) * 1440)
            stamp = ts(min(entered, now))
            note = notes[int(rand() * len(notes))] if outcome == "met" and rand() < 0.3 else ""
            visit_id = next_id["visit"]
            next_id["visit"] = visit_id + 1
            visits.append(
                (visit_id, uid(rng), stamp, stamp, h.id, visited_at, method, outcome, note, source, sheet)
            )
            first = members[0] if len(members) == 1 or rand() < 0.75 else members[int(rand() * len(members))]
            vm = next_id["visit_member"]
            visit_members.append((vm, uid(rng), stamp, stamp, visit_id, first))
            if rand() < 0.1 and first != grid_worker:
                # The grid worker came along.
                visit_members.append((vm + 1, uid(rng), stamp, stamp, visit_id, grid_worker))
                vm += 1
            next_id["visit_member"] = vm + 1
            if source == "paper":
                self.paper.append((len(visits) - 1, visit_id, h.id, h.building, when))
            # Visits are made in time order, so the last one made is the latest (and has the top id).
            h.last_visit, h.last_outcome = visited_at, outcome
            if outcome in REACHED_OUTCOMES:
                h.last_reached = visited_at
                retries = 0
                if outcome == "met" and rand() < request_share:
                    requests.append((min(when + 5 + int(rand() * 35), now), visit_id, first))
                # The first year's records are sparser: offices took a while to enter everything.
                ramp = 1.0 + _RAMP * max(0, recent - t) / (recent - start)
                t += int(cycle * pace * ramp * (0.5 + rand() * 0.85))
            elif retries < 2:
                retries += 1
                t += (1 + int(rand() * 4)) * 1440
            else:
                retries = 0
                t += int(cycle * pace * (0.5 + rand() * 0.5))
        # Requests that came by other ways: walk-in, phone, the 12345 hotline.
        if rand() < 0.15:
            for _ in range(1 + (rand() < 0.3)):
                requests.append((start + int(rand() * HISTORY_DAYS * 1440), None, members[0]))
        for collected, source_visit, member_id in requests:
            self.request(h, collected, source_visit, member_id)

    def printed_sheets(self) -> None:
        """Paper visits came back on printed sheets: one per building and month, numbered YYMMDD-NNN
        like sheets.record_sheets, each visit on its row (so the sheet-entry view finds them)."""
        rng, w = self.rng, self.w
        by_sheet: dict[tuple[int, str], list[tuple[int, int, int, int, int]]] = {}
        for paper in self.paper:
            by_sheet.setdefault((paper[3], w.day(paper[4])[:7]), []).append(paper)
        visits = w.rows["visit"]
        for (building_id, period), rows in by_sheet.items():
            printed = min(r[4] for r in rows) // 1440 * 1440 - rng.randint(1, 3) * 1440 + 8 * 60
            printed_day = w.day(printed)
            count = w.sheets_per_day[printed_day] = w.sheets_per_day.get(printed_day, 0) + 1
            sheet_no = f"{printed_day[2:].replace('-', '')}-{count:03d}"
            stamp = w.ts(printed)
            sheet_id = w.add(
                "printed_sheet",
                rng,
                stamp,
                stamp,
                sheet_no,
                "building",
                None,
                building_id,
                self.grid_id,
                period,
                "top",
                stamp,
                self.operators[0],
            )
            for position, (index, visit_id, household_id, _, _) in enumerate(
                sorted(rows, key=lambda r: r[2]), 1
            ):
                w.add("printed_sheet_row", rng, stamp, stamp, sheet_id, position, household_id, visit_id)
                visits[index] = (*visits[index][:-1], sheet_no)

    def request(self, h: Household, collected: int, visit_id: int | None, member_id: int) -> None:
        """One request through the loop as requests.py runs it: collected → dispatched →
        in_progress → resolved → followed_up, a dissatisfied rating reopening it once."""
        rng, w = self.rng, self.w
        weights = _CATEGORY_WEIGHTS["priority" if h.tier or h.has_elder else "normal"]
        category = rng.choices(list(weights), list(weights.values()))[0]
        text = rng.choice(names.REQUEST_TEXTS[category])
        roll = rng.random()
        urgency = "normal" if roll < 0.8 else "urgent" if roll < 0.96 else "critical"
        limit = DEFAULT_TIME_LIMITS[category][urgency] * 60
        if visit_id is not None:
            source, ticket = "visit", ""
        else:
            source = _weighted(rng, (("walk_in", 0.3), ("phone", 0.3), ("hotline", 0.4)))
            ticket = (
                f"{w.day(collected).replace('-', '')}{rng.randrange(10_000):04d}"
                if source == "hotline"
                else ""
            )
        operator = rng.choice(self.operators)
        request_id = w.next_id["request"]
        w.next_id["request"] += 1
        due = collected + limit
        # (step, minute, note, member, department, due, rating): request_step rows.
        steps: list[tuple[str, int, str, int | None, str, int | None, str | None]] = [
            ("collected", collected, "", None, "", due, None)
        ]
        status, times = "collected", dict.fromkeys(("dispatched", "in_progress", "resolved", "followed_up"))
        assignee_member, department, resolution, rating = None, "", "", None
        reopened_at, reopen_count = None, 0
        t = collected
        # Each step follows the last after a realistic delay; a few get stuck; none is after now.
        for step in _LOOP:
            if step == "dispatched" and status != "collected":
                break  # the loop goes round again only after a reopening
            # A well-run office: only requests of the last three weeks may still be waiting at a step;
            # older ones have all been closed (a tenth never called back).
            age = w.now - collected
            waiting = 0.0 if age > 21 * 1440 else 0.25 if w.now < due + 1440 else 0.04
            if rng.random() < (0.1 if step == "followed_up" else waiting):
                break
            if step == "dispatched":
                t += rng.randrange(5, 480)
            elif step == "in_progress":
                t += rng.randrange(10, 1440)
            elif step == "resolved":
                lo, hi = _RESOLVE_MINUTES[category]
                if rng.random() < 0.92:
                    hi = max(lo + 1, min(hi, due - t - 10))  # most are done within their time limit
                t += rng.randrange(lo, hi)
            else:
                t += rng.randrange(240, 7200)
            if t > w.now:
                break
            times[step], status, note = t, step, ""
            step_member, step_department, step_due, step_rating = None, "", None, None
            if step == "dispatched":
                step_due = due
                if rng.random() < 0.4:
                    assignee_member = step_member = member_id
                    department, note = "", "派给结对党员"
                else:
                    assignee_member, department = None, rng.choice(names.DEPARTMENTS)
                    step_department = department
                times["in_progress"] = times["resolved"] = times["followed_up"] = None
            elif step == "resolved":
                resolution = note = rng.choice(names.RESOLUTIONS)
            elif step == "followed_up":
                roll = rng.random()
                # A second call back after reopening is never worse than "basic".
                rating = (
                    "satisfied" if roll < 0.82 else "basic" if roll < 0.93 or reopen_count else "dissatisfied"
                )
                step_rating, note = rating, f"回访：{RATINGS[rating]}"
            steps.append((step, t, note, step_member, step_department, step_due, step_rating))
            if step == "followed_up" and rating == "dissatisfied":
                # requests.follow_up_request: reopened at once, collected again with a new due time.
                due = t + limit
                status, reopened_at, reopen_count, resolution = "collected", t, 1, ""
                times = dict.fromkeys(times)
                steps.append(("reopened", t, "居民不满意，重新办理", None, "", due, None))
        stamps = {k: (w.ts(v) if v is not None else None) for k, v in times.items()}
        w.rows["request"].append(
            (
                request_id,
                w.uid(rng),
                w.ts(collected),
                w.ts(steps[-1][1]),
                h.id,
                visit_id,
                category,
                text,
                urgency,
                source,
                ticket,
                status,
                assignee_member,
                department,
                w.ts(due),
                resolution,
                rating,
                w.ts(collected),
                stamps["dispatched"],
                stamps["in_progress"],
                stamps["resolved"],
                stamps["followed_up"],
                w.ts(reopened_at) if reopened_at is not None else None,
                reopen_count,
            )
        )
        for step, at, note, step_member, step_department, step_due, step_rating in steps:
            stamp = w.ts(at)
            w.add(
                "request_step",
                rng,
                stamp,
                stamp,
                request_id,
                step,
                stamp,
                operator,
                note,
                step_member,
                step_department,
                w.ts(step_due) if step_due is not None else None,
                step_rating,
            )
        if category == "supplies":
            self.supplies(h, request_id, collected, times["resolved"], operator)

    def supplies(self, h: Household, request_id: int, collected: int, resolved: int | None, by: str) -> None:
        """What a scarce-supplies request needs, and what was handed over when it was resolved."""
        rng, w = self.rng, self.w
        stamp = w.ts(collected)
        for item, unit in rng.sample(COMMON_ITEMS, rng.randint(1, 2)):
            quantity = float(rng.randint(1, 5))
            item_id = w.add("request_item", rng, stamp, stamp, request_id, item, quantity, unit)
            if resolved is not None:
                at = w.ts(resolved)
                w.add(
                    "supply_delivery",
                    rng,
                    at,
                    at,
                    None,
                    self.grid_id,
                    item,
                    quantity,
                    unit,
                    item_id,
                    h.id,
                    at,
                    by,
                    "",
                )


def community(w: Rows, index: int, grid_targets: list[int]) -> Iterator[Batch]:
    """The community's rows, one batch per grid."""
    rng = random.Random(f"{w.seed}:community:{index}")
    name = names.community_name(index)
    stamp = w.ts(w.setup + rng.randrange(1440 * 5))
    hotline = f"0936-{rng.randrange(8_000_000, 8_999_999)}"
    address = f"{rng.choice(names.STREET_NAMES)}{rng.randint(1, 300)}号"
    community_id = w.add("community", rng, stamp, stamp, name, hotline, address)
    building_number = [0]
    for g, target in enumerate(grid_targets, start=1):
        grid_rng = random.Random(f"{w.seed}:grid:{index}:{g}")
        Grid(w, grid_rng, community_id, name, g, target, building_number).build()
        yield w.take()


def finish(w: Rows, scale_name: str, operator: str) -> Batch:
    """The file's last rows: a past emergency, the demo marker and its audit entry."""
    rng = random.Random(f"{w.seed}:finish")
    # A past emergency (ended, so today's cycles are the normal ones), for the history views.
    start = w.start + 300 * 1440 + 8 * 60
    end = w.ts(start + 6 * 1440)
    w.add(
        "emergency",
        rng,
        w.ts(start),
        end,
        None,
        "暴雪应急响应",
        "blizzard",
        w.ts(start),
        end,
        "区应急指挥部",
        1,
        3,
    )
    stamp = w.ts(w.now)
    info = json.dumps({"scale": scale_name, "seed": w.seed, "today": w.today.isoformat()})
    # Marks the file as demo data, so the app can say so; and the audit trail says who made it.
    w.add("setting", rng, stamp, stamp, "demo", info)
    w.add("audit_log", rng, stamp, stamp, stamp, operator, "generate", "demo", None, None, info)
    return w.take()
