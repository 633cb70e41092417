"""Benchmark: what protecting a file with a passphrase (SQLCipher) costs, against the same file plain.

    python bench/bench_protected.py [FILE] [--repeat 5] [--work DIR]

FILE defaults to /work/data/street.gridboard; it is never written: a plain copy and a protected copy
(cipher.protect) are made in DIR (a temporary folder by default) and measured in the same run,
alternating plain and protected each round. Three figures, medians of --repeat rounds:

- open: `open_store` with its quick_check, migration check and tallies' clock (what the app does);
- log a visit: one `visits.log_visit` on a lived-in household (a transaction, triggers, summary);
- dashboard: `dashboard.compute` for the whole file over 12 months, as the dashboard worker reads it.

Ratios are protected / plain; the target is at most 1.3x. `--layouts hmac,no_hmac` measures several
protected layouts (cipher.LAYOUTS) against the same plain copy in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gridboard.models import cipher, dashboard, visits  # noqa: E402
from gridboard.models.opening import open_store  # noqa: E402
from gridboard.models.store import copy_database  # noqa: E402

PASSPHRASE = "bench passphrase"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def one_round(path: Path, household: int) -> dict[str, float]:
    times: dict[str, float] = {}
    holder: list = []
    times["open"] = timed(lambda: holder.append(open_store(path, operator="bench")))
    store = holder[0]
    try:
        times["log a visit"] = timed(lambda: visits.log_visit(store, household_id=household, note="bench"))
        dashboard.tune_for_reads(store)
        times["dashboard"] = timed(lambda: dashboard.compute(store, dashboard.Filters()))
    finally:
        store.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default="/work/data/street.gridboard")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", help="folder for the copies (default: a temporary one)")
    parser.add_argument(
        "--layouts",
        default=cipher.NEW_LAYOUT,
        help=f"protected layouts to measure, comma-separated, of {', '.join(cipher.LAYOUTS)} (default: the new one)",
    )
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-protected-"))
    work.mkdir(parents=True, exist_ok=True)
    plain = work / "plain.gridboard"
    layouts = [name.strip() for name in args.layouts.split(",") if name.strip()]
    protected = {name: work / f"protected-{name}.gridboard" for name in layouts}
    for made in (plain, *protected.values()):
        made.unlink(missing_ok=True)
    start = time.perf_counter()
    copy_database(Path(args.file), plain)  # a consistent copy; the source is only read
    # Migrate the plain copy first so both are measured at the same schema step.
    open_store(plain, operator="bench").close()
    for extra in plain.parent.glob("plain.before-*"):
        extra.unlink()
    copied = time.perf_counter() - start
    print(f"{args.file}: {plain.stat().st_size / 1e6:.0f} MB; copy {copied:.1f} s")
    for name, path in protected.items():
        cipher.NEW_LAYOUT = name
        start = time.perf_counter()
        cipher.protect(plain, path, PASSPHRASE)
        print(
            f"protected copy ({name}: {', '.join(cipher.LAYOUTS[name])}) made in {time.perf_counter() - start:.1f} s"
        )
    probe = open_store(plain, operator="bench")
    household = int(probe.scalar("SELECT id FROM household WHERE occupancy = 'lived_in' ORDER BY id LIMIT 1"))
    probe.close()
    # The key is derived once per file and run (what the app does when the passphrase is typed).
    start = time.perf_counter()
    for path in protected.values():
        cipher.forget(path)
        cipher.unlock(path, PASSPHRASE)  # its layout is found when it is first opened
    derive = (time.perf_counter() - start) / len(protected)
    results: dict[str, dict[str, list[float]]] = {"plain": {}, **{name: {} for name in protected}}
    for round_no in range(args.repeat + 1):
        for kind, path in (("plain", plain), *protected.items()):
            times = one_round(path, household)
            if round_no == 0:
                continue  # warm-up: the OS cache holds both files from here on
            for name, value in times.items():
                results[kind].setdefault(name, []).append(value)
    print(f"key derivation (once per file per run): {derive * 1000:.0f} ms")
    print(f"{'':14} {'plain':>10}" + "".join(f" {name:>12} {'ratio':>6}" for name in protected))
    for name in results["plain"]:
        a = statistics.median(results["plain"][name])
        line = f"{name:14} {a * 1000:8.0f}ms"
        for layout in protected:
            b = statistics.median(results[layout][name])
            line += f" {b * 1000:10.0f}ms {b / a:5.2f}x"
        print(line)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
