"""Make the benchmark files under bench/data/ (gitignored) and report how long each took.

    python bench/make_data.py [community] [street] [city] [--seed N] [--today YYYY-MM-DD]

With no scale named it makes all three. Wall time is what the target (city under 3 minutes on a
2-core machine) is about; CPU time (this process and the producer process) shows how much of the
wall time was ours when other work shares the machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridboard.models import demo

DATA = Path(__file__).resolve().parent / "data"
SCALES = ("community", "street", "city")


def make(scale: str, *, seed: int, today: date | None) -> None:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"{scale}.gridboard"
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            print(f"  {scale}: {done}/{total} grids, {time.monotonic() - started:.0f} s", file=sys.stderr)

    counts = demo.generate(path, scale, seed=seed, today=today, progress=progress, overwrite=True)
    wall = time.monotonic() - started
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = [
        max(0.0, a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime)
        for a, b in zip(after, before, strict=True)
    ]
    size = path.stat().st_size / 1e6
    print(
        f"{scale}: {wall:.1f} s wall, CPU {cpu[0]:.1f} s writer + {cpu[1]:.1f} s producer; {size:.0f} MB; "
        f"{counts['household']:,} households, {counts['resident']:,} residents, {counts['member']:,} members, "
        f"{counts['visit']:,} visits, {counts['request']:,} requests"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Checked here, not by `choices`: argparse refuses an empty list against choices (Python 3.11).
    parser.add_argument("scales", nargs="*", metavar="{community,street,city}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat)
    args = parser.parse_args()
    unknown = sorted(set(args.scales) - set(SCALES))
    if unknown:
        parser.error(f"unknown scale {', '.join(unknown)} (choose from {', '.join(SCALES)})")
    for scale in args.scales or SCALES:
        make(scale, seed=args.seed, today=args.today)


if __name__ == "__main__":  # the producer process is spawned: it re-imports this file
    main()
