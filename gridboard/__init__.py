"""gridboard: the grid-level member–household pairing board for community offices."""

__version__ = "0.1.0"
