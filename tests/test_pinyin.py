"""Pinyin of names (gridboard.models.pinyin): read character by character, without pypinyin's phrase
dictionary, whose loading held Python's lock for over a second and froze the window."""

from __future__ import annotations

import subprocess
import sys

from gridboard.models import pinyin
from gridboard.models.search import initials
from gridboard.models.sheets import _pinyin


def test_names_read_as_names() -> None:
    assert pinyin.readings("张三") == ["zhang", "san"]
    assert pinyin.readings("周长山") == ["zhou", "chang", "shan"]  # 长 in a name: cháng
    assert _pinyin("钟长生") == ["zhong", "chang", "sheng"]
    assert pinyin.first_letters("李A四") == ["l", "s"]
    assert initials("张三") == "zs"


def test_the_phrase_dictionary_is_never_loaded() -> None:
    code = (
        "import sys; from gridboard.models import pinyin; pinyin.readings('王小明');"
        " from gridboard.models.search import initials; initials('王小明');"
        " print('pypinyin.phrases_dict' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
