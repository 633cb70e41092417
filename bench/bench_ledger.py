"""Benchmark of issue 4 (pairing, loads, proposals, search) on a city-scale file.

    python bench/bench_ledger.py [bench/data/city.gridboard]

Figures are medians in milliseconds and, in brackets, ratios against a raw baseline measured in
the same run: a full scan of the households (`SELECT sum(people) FROM household`).
Pinyin initials are filled first if the file has none (a demo or imported file), and timed.

What it measures: model functions only, never a screen (the members view, its sorting and painting
are bench_screens.py's). The baseline scans one table; it is neither the rows a screen shows nor the
least any of these functions must read, so its ratios compare runs, not designs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from gridboard.models import members, pairing, proposals, search
from gridboard.models.opening import open_store


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(path: str) -> None:
    store = open_store(Path(path), check="none", operator="bench")
    base = timed(lambda: store.scalar("SELECT sum(people) FROM household"))
    counts = {
        t: store.scalar(f"SELECT count(*) FROM {t}")
        for t in ("household", "resident", "member", "pairing", "scope")
    }
    print(f"file: {path}  {counts}")
    print(f"baseline (full scan of households): {base:.1f} ms")

    def report(name: str, ms: float) -> None:
        print(f"{name:<48} {ms:9.1f} ms  ({ms / base:6.2f}× baseline)")

    pending = search.pending_initials(store)
    start = time.perf_counter()
    search.fill_initials(store)
    report(f"fill pinyin initials ({pending} names, once)", (time.perf_counter() - start) * 1000)

    name = store.scalar("SELECT name FROM resident ORDER BY id LIMIT 1 OFFSET ?", [counts["resident"] // 2])
    phone = store.scalar(
        "SELECT phone FROM resident WHERE phone != '' ORDER BY id LIMIT 1 OFFSET ?", [counts["resident"] // 3]
    )
    number = store.scalar(
        "SELECT number FROM building ORDER BY id LIMIT 1 OFFSET ?", [counts["household"] // 400]
    )
    for query in (
        name[:1],
        name,
        search.initials(name),
        search.initials(name)[:2],
        phone[-4:],
        f"{number}-1-301",
        f"{number}号楼1单元301",
        "%",
        "zzzzq",
    ):
        hits = []
        ms = timed(lambda q=query, found=hits: found.append(len(search.search(store, q))))
        report(f"search {query!r} ({hits[-1]} hits)", ms)

    community = store.scalar("SELECT id FROM community ORDER BY id LIMIT 1")
    report(
        "member loads, one community", timed(lambda: members.member_loads(store, community_id=community), 3)
    )
    report("member loads, whole city", timed(lambda: members.member_loads(store), 3))
    busiest = store.scalar(
        "SELECT member_id FROM scope WHERE ended_on IS NULL GROUP BY member_id ORDER BY count(*) DESC LIMIT 1"
    )
    report(
        "one member's page (pairings, households, visits)",
        timed(
            lambda: (
                pairing.member_pairings(store, busiest),
                members.covered_households(store, busiest),
                members.member_visits(store, busiest),
            )
        ),
    )
    found = []
    report(
        "proposals, one community",
        timed(lambda: found.append(len(proposals.propose(store, community_id=community))), 3),
    )
    report(
        f"proposals, whole city ({len(proposals.unpaired_priority(store))} households)",
        timed(lambda: proposals.propose(store), 3),
    )
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/data/city.gridboard")
