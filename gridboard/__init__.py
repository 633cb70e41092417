"""gridboard: the grid-level member–household pairing board for community offices."""

import sys

__version__ = "0.1.0"

if sys.version_info < (3, 12):
    # PySide6 6.12 returns None from every void method (setFont, drawRect, setObjectName…) without
    # a new reference, which is harmless where None is immortal (Python 3.12+). On 3.11 each call
    # takes one reference from None until Python aborts with "none_dealloc: deallocating None"
    # (after a few thousand calls: printing a sheet, or simply a long session). True and False
    # suffer the same somewhere (a long test session aborts with "bool_dealloc"). Give them more
    # references than any session can use up, as 3.12 does.
    import ctypes

    for _immortal in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_immortal)).value += 1 << 48
    del _immortal
