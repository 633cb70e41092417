"""The one masking rule, form by form: every screen, printout and export shows what this shows."""

from __future__ import annotations

import re

import pytest

from gridboard.models.masking import mask_id, mask_phone, mask_text


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("+86 13812345678", "138****5678"),
        ("0931-8123456", "0931-*****56"),  # a landline with its area code
        ("010-12345678", "010-******78"),
        ("8123456", "*****56"),  # a local number: seven digits were shown in full before
        ("81234567", "******67"),
        ("5550001234", "********34"),
        ("12345", "12345"),  # service numbers are nobody's
        ("110", "110"),
        ("", ""),
    ],
)
def test_phones(phone: str, shown: str) -> None:
    assert mask_phone(phone) == shown


def test_id_numbers() -> None:
    assert mask_id("11010519491231002X") == "1101**********002X"
    assert mask_id("110105491231002") == "1101*******1002"
    assert mask_id("") == ""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("女儿电话139 1234 5678，身份证110101199001011234", "女儿电话139****5678，身份证1101**********1234"),
        ("电话0931-8123456或13812345678", "电话0931-*****56或138****5678"),
        ("身份证11010519491231002x", "身份证1101**********002X"),
        ("楼下漏水2次，3-2-502，12345热线", "楼下漏水2次，3-2-502，12345热线"),
        ("2026-12-01 23:39:24 回访", "2026-12-01 23:39:24 回访"),  # a date is not a phone
        ("已masked 138****5678", "已masked 138****5678"),  # masking twice changes nothing
        ("", ""),
    ],
)
def test_numbers_inside_free_text(text: str, shown: str) -> None:
    assert mask_text(text) == shown


def test_nothing_dialable_survives_masking() -> None:
    for text in ("13812345678", "0931-8123456", "8123456", "备注：13912345678 或 0931-8123456"):
        assert not re.search(r"\d{7}", mask_text(text).replace("-", ""))


def test_a_row_as_the_audit_trail_keeps_it() -> None:
    from gridboard.models.masking import mask_row, mask_value

    row = {
        "phone": "13812345678",
        "id_number": "11010519491231002X",
        "notes": "女儿电话13912345678",
        "visited_at": "2026-12-01 10:00:00",
        "people": 3,
        "secret_hash": "$argon2id$...",
    }
    assert mask_row(row) == {
        "phone": "138****5678",
        "id_number": "1101**********002X",
        "notes": "女儿电话139****5678",
        "visited_at": "2026-12-01 10:00:00",
        "people": 3,
        "secret_hash": "",
    }
    assert mask_row(mask_row(row)) == mask_row(row)
    assert mask_value("phone", "138****5678") == "138****5678"
