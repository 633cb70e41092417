"""Big sheets make hundreds of thousands of small objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Without this the cyclic collector would scan them all again and again (a tenth of the time)
    for nothing. Reference counting still frees everything; the collector is back on when done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Straight into the oldest generation: re-enabled as they are, the first young collection
            # would scan every object made here to find no garbage.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
