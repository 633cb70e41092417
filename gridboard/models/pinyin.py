"""Pinyin of names, the one place pypinyin is imported.

pypinyin's phrase dictionary is not loaded: reading it is one call of over a second that holds
Python's lock, so whichever thread first sorted a list by name froze the window that long (a grid's
print preview did). Names are read character by character anyway; where a character reads
differently in names than alone, NAME_READINGS says so (周长山 is Zhou Changshan, not Zhangshan).
"""

from __future__ import annotations

import os

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # before pypinyin is first imported

from pypinyin import Style, lazy_pinyin, load_single_dict  # noqa: E402

# Readings first in names (pypinyin's first reading is the commonest in words).
NAME_READINGS = {"长": "cháng,zhǎng"}
load_single_dict({ord(char): readings for char, readings in NAME_READINGS.items()})

__all__ = ["Style", "first_letters", "readings"]


def readings(name: str) -> list[str]:
    """The name's syllables without tones (a sort key: 张三 -> ["zhang", "san"])."""
    return lazy_pinyin(name)


def first_letters(text: str) -> list[str]:
    """Each character's first letter (Han characters only; others are left out)."""
    return lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")
