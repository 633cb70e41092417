"""The demo's plan: the scales, how far back the history goes, and households wanted per grid."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    communities: int
    grids: int
    households: int


SCALES: dict[str, Scale] = {
    # "test" is small enough for unit tests yet has every kind of row.
    "test": Scale(communities=1, grids=2, households=800),
    "community": Scale(communities=1, grids=12, households=5_000),
    "street": Scale(communities=10, grids=120, households=50_000),
    "city": Scale(communities=60, grids=615, households=250_000),
}

# How far back the ledger goes: visits start two years ago, the structure was entered a month before.
HISTORY_DAYS = 730
SETUP_DAYS = 760
BASE_DAYS = 800  # minute offsets count from midnight this many days before today


def _apportion(total: int, weights: list[float], *, minimum: int) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainders), each at least `minimum`."""
    scale = (total - minimum * len(weights)) / sum(weights)
    shares = [minimum + w * scale for w in weights]
    counts = [math.floor(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan(spec: Scale, seed: int) -> list[list[int]]:
    """Households wanted in each grid of each community (communities vary: 2,000–8,000)."""
    rng = random.Random(f"{seed}:plan")
    weights = [rng.uniform(0.5, 1.5) for _ in range(spec.communities)]
    per_grid = spec.households / spec.grids
    return [
        [round(per_grid * rng.uniform(0.8, 1.2)) for _ in range(n)]
        for n in _apportion(spec.grids, weights, minimum=1)
    ]
