"""`gridboard demo --scale community|street|city --out FILE`: write a realistic demo or benchmark file."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from gridboard.models import demo


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo", help="write a demo file: one community, a street (10) or a city (60 communities)"
    )
    p.add_argument("--scale", choices=tuple(demo.SCALES), default="community")
    p.add_argument("--out", required=True, help="the .gridboard file to write")
    p.add_argument("--seed", type=int, default=1, help="same seed and day, same file (default 1)")
    p.add_argument("--today", type=date.fromisoformat, help="the day the data ends (default: today)")
    p.add_argument("--households", type=int, help="override the scale's number of households")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    started = time.monotonic()
    counts = demo.generate(
        args.out,
        args.scale,
        seed=args.seed,
        today=args.today,
        households=args.households,
        progress=None if args.quiet else _Progress(started),
        overwrite=args.force,
    )
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    seconds = time.monotonic() - started
    what = ", ".join(
        f"{counts[table]:,} {label}"
        for table, label in (
            ("community", "communities"),
            ("grid", "grids"),
            ("household", "households"),
            ("resident", "residents"),
            ("member", "members"),
            ("visit", "visits"),
            ("request", "requests"),
        )
    )
    print(f"{args.out}: {what} in {seconds:.1f} s")
    return 0


class _Progress:
    """Grids done so far, on one line of stderr (a new line each tenth when not a terminal)."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        # The last step is finishing the file (indexes, the final write), after the last grid.
        text = f"grids {min(done, total - 1)}/{total - 1}{'' if done < total else ', done'}  {elapsed:.0f} s"
        if self.tty:
            print(f"\r{text}", end="", file=sys.stderr, flush=True)
        elif done == total or done % max(1, total // 10) == 0:
            print(text, file=sys.stderr, flush=True)
