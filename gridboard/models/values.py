"""One set of rules for the values the file holds, used by every editor, action and the importer.

`clean_row(table, values)` is what `records.insert` and `records.update` apply to every row they
write: control characters and NUL are removed from text, and each known column is checked against its
rule (floors −5…120, units 1…50, people 0…99, birth years 1900…this year, names and notes of sensible
length, phones and ID numbers in a form a person could dial or read). A value outside its rule is an
`InvalidInput` that says which field and why. The importer's parsers read cells into the same ranges
(they import these constants), so the app's own export always imports again.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput

FLOORS = (-5, 120)  # basements to the tallest towers
UNITS = (1, 50)
ROOMS_PER_FLOOR = (1, 200)
PEOPLE = (0, 99)
EARLIEST_BIRTH_YEAR = 1900
EARLIEST_VISIT = "2000-01-01"
NAME_LENGTH = 40
ROOM_LENGTH = 20
PHONE_LENGTH = 24
TEXT_LENGTH = 4000

# C0 and C1 controls (tab and line breaks handled apart), soft hyphens, zero-width characters, BOMs,
# direction marks and variation selectors: invisible, and they make two equal names differ.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufe0e\ufe0f\ufeff\ufff9-\ufffb]"
)
_BREAKS_TO_SPACE = re.compile("\r\n|[\t\n\r\x85\u2028\u2029]")
_BREAKS_TO_NEWLINE = re.compile("\r\n|[\r\x85\u2028\u2029]")
_ROOM = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff-]+")
_PHONE = re.compile(r"[0-9+\-() ]+")
_ID = re.compile(r"\d{17}[\dX]|\d{15}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def strip_control(text: str, keep_newlines: bool = False) -> str:
    """`text` without control characters (NUL, C0, C1), zero-width characters, BOMs and direction marks.

    Line breaks (\\r\\n, \\r, \\n, U+2028/2029) and tabs become one space (vertical tabs and form
    feeds are controls, removed)
    each; with `keep_newlines` (notes) line breaks become \\n and tabs stay. Outer spaces are kept.
    """
    if text.isprintable():
        return text  # the common value: nothing to do (isprintable is False for any control or space but " ")
    text = _CONTROL.sub("", text)
    if keep_newlines:
        return _BREAKS_TO_NEWLINE.sub("\n", text)
    return _BREAKS_TO_SPACE.sub(" ", text)


def this_year() -> int:
    return date.today().year


def _refuse(template: str, **params: Any) -> None:
    raise InvalidInput(template, **params)


def _in_range(value: Any, low: int, high: int, template: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            _refuse(template, low=low, high=high, value=value)
    if not low <= value <= high:
        _refuse(template, low=low, high=high, value=value)
    return int(value)


def check_floor(value: Any) -> int:
    floor = _in_range(
        value,
        *FLOORS,
        QT_TRANSLATE_NOOP("Errors", "A floor is {low} to {high} (below 0 for basements), not {value}."),
    )
    if floor == 0:
        _refuse(
            QT_TRANSLATE_NOOP("Errors", "There is no floor 0: the ground floor is 1, the first basement -1.")
        )
    return floor


def check_unit(value: Any) -> int:
    return _in_range(value, *UNITS, QT_TRANSLATE_NOOP("Errors", "A unit is {low} to {high}, not {value}."))


def check_people(value: Any) -> int:
    return _in_range(
        value, *PEOPLE, QT_TRANSLATE_NOOP("Errors", "A household has {low} to {high} people, not {value}.")
    )


def check_birth_year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return _in_range(
        value,
        EARLIEST_BIRTH_YEAR,
        this_year(),
        QT_TRANSLATE_NOOP("Errors", "A birth year is {low} to {high} (not in the future), not {value}."),
    )


_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


def check_name(value: Any) -> str:
    """A name as written, spaces padded between Chinese characters taken out (王  丽 is 王丽)."""
    name = _CJK_GAP.sub("", " ".join(strip_control(str(value or "")).split()))
    if len(name) > NAME_LENGTH:
        _refuse(
            QT_TRANSLATE_NOOP("Errors", "A name has at most {length} characters; this one has {count}."),
            length=NAME_LENGTH,
            count=len(name),
        )
    return name


def check_room(value: Any) -> str:
    room = "".join(strip_control(str(value or "")).split())
    room = unicodedata.normalize("NFKC", room)
    if not room:
        _refuse(QT_TRANSLATE_NOOP("Errors", "A household needs a room number."))
    if len(room) > ROOM_LENGTH or not _ROOM.fullmatch(room):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A room is a number or a short label such as 502, B101, 101A or 18号商铺, not {value}.",
            ),
            value=room[:ROOM_LENGTH],
        )
    return room


def check_phone(value: Any) -> str:
    phone = strip_control(str(value or "")).strip()
    if phone and (
        len(phone) > PHONE_LENGTH or not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3
    ):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "A phone number is digits (with - or spaces), such as 13812345678 or 0931-8123456."
            )
        )
    return phone


def id_check_digit(id_number: str) -> str:
    """The 18th character an ID number's first 17 digits call for (GB 11643)."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(id_number[:17], _ID_WEIGHTS, strict=True)) % 11]


def check_id_number(value: Any) -> str:
    text = "".join(strip_control(str(value or "")).split()).upper()
    if not text:
        return ""
    if not _ID.fullmatch(text):
        _refuse(QT_TRANSLATE_NOOP("Errors", "An ID number has 18 characters: 17 digits, then a digit or X."))
    if len(text) == 18:
        if text[17] != id_check_digit(text):
            _refuse(QT_TRANSLATE_NOOP("Errors", "The ID number's check digit is wrong (a typo?)."))
    return text


def check_text(value: Any) -> str:
    text = strip_control(str(value or ""), keep_newlines=True)
    if len(text) > TEXT_LENGTH:
        _refuse(
            QT_TRANSLATE_NOOP("Errors", "A note has at most {length} characters; this one has {count}."),
            length=TEXT_LENGTH,
            count=len(text),
        )
    return text


def check_visit_time(value: str) -> str:
    if value[:10] < EARLIEST_VISIT:
        _refuse(QT_TRANSLATE_NOOP("Errors", "A visit cannot be dated before {day}."), day=EARLIEST_VISIT)
    return value


_NAMES = ("name", "head_name")
_NOTES = ("notes", "note", "text", "resolution", "feedback", "reason", "end_reason", "address", "phone_note")
RULES: dict[tuple[str, str], Any] = {
    ("household", "floor"): check_floor,
    ("household", "unit"): check_unit,
    ("household", "room"): check_room,
    ("household", "people"): check_people,
    ("household", "phone"): check_phone,
    ("household", "head_name"): check_name,
    ("resident", "name"): check_name,
    ("resident", "birth_year"): check_birth_year,
    ("resident", "phone"): check_phone,
    ("resident", "id_number"): check_id_number,
    ("member", "name"): check_name,
    ("member", "phone"): check_phone,
    ("member", "id_number"): check_id_number,
    ("building", "units"): check_unit,
    ("visit", "visited_at"): check_visit_time,
}


def clean_row(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """The row as the file keeps it: text without control characters, every known column in its rule."""
    cleaned: dict[str, Any] = {}
    for column, value in values.items():
        rule = RULES.get((table, column))
        if rule is not None and value is not None:
            value = rule(value)
        elif isinstance(value, str):
            value = (
                check_text(value)
                if column in _NOTES
                else check_name(value)
                if column in _NAMES
                else (strip_control(value))
            )
        cleaned[column] = value
    return cleaned
