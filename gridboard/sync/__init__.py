"""Files that travel: merge by uid, a grid checked out to a laptop and back, a street roll-up (no Qt)."""
