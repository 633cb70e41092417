"""Normalisers for the values office sheets hold: addresses, dates, phones, IDs, tags, yes/no answers,
disabilities, kinds of member and pairing, relations to the head, names, grid and community names.

Every parser takes whatever a cell held (text, int, float, bool, datetime, None) and returns
`(value, None)` or `(None, reason)`, never raises: the reason is an English template (lupdate context
"Exchange") that the import preview shows beside the sheet, row and column. Two documented exceptions:
`parse_id_number` returns `(id, reason)` for a wrong check digit (kept, with a warning), and
`split_phone_note` returns a triple `(phone, note, reason)`. Text forms are cached (lru_cache): the
importer runs these on every cell of 50,000-row sheets.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.values import FLOORS, PEOPLE, UNITS, id_check_digit
from gridboard.models.values import strip_control as _strip_control
from gridboard.models.vocab import BUILTIN_TAGS, MEMBER_KINDS, OCCUPANCY

Parsed = tuple[Any, str | None]
_LOWEST_FLOOR, _TOP_FLOOR = FLOORS
_FIRST_UNIT, _LAST_UNIT = UNITS

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = re.compile("[零〇○一二两三四五六七八九十百千]+")


# C0/C1 controls (but the line and tab ones, handled below), soft hyphen, zero-width and direction marks,
# the BOM, interlinear annotation marks: nothing a person meant to write in a cell.


def _to_str(value: Any) -> str:
    try:
        return str(value)
    except (ValueError, TypeError):  # an int too long to print (over 4,300 digits): no text
        return ""


def strip_control(text: Any, keep_newlines: bool = False) -> str:
    """A cell's text without control characters: `values.strip_control`, the one rule, for any cell."""
    if type(text) is not str:
        text = "" if text is None else _to_str(text)
    return _strip_control(text, keep_newlines)


def clean_text(value: Any) -> str:
    """Text of a cell: controls and zero-width characters removed, full-width forms folded (NFKC), outer
    spaces removed. Inner line breaks stay (as \\n): they separate numbers and words in one cell."""
    if value is None:
        return ""
    if type(value) is str:
        text = value
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = _to_str(value)
    if not text.isprintable():
        text = strip_control(text, keep_newlines=True)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.strip()


def plain_text(value: Any, keep_newlines: bool = False) -> str:
    """Free text (names, notes) as written, controls removed, outer spaces (also the full-width one)
    removed. Line breaks and tabs become spaces unless `keep_newlines` (for notes)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if type(value) is str else _to_str(value)
    return strip_control(text, keep_newlines).strip()


_CJK = "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_DOT_CHARS = "[\u00b7\u2022\u30fb\u2027\u2219\u22c5\u1427\u0387]"
_NAME_DOTS = re.compile(f"\\s*{_DOT_CHARS}(?:\\s*{_DOT_CHARS})*\\s*")
_NAME_STOP_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\s*[.\u3002]+\\s*(?=[{_CJK}])")
_NAME_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}·])\\s+(?=[{_CJK}·])")


_PLAIN_CJK_NAME = re.compile("[\u4e00-\u9fff]{1,8}")


@lru_cache(maxsize=65536)
def _clean_name(text: str) -> str:
    text = strip_control(text)
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = _NAME_DOTS.sub("\u00b7", text)
        text = _NAME_STOP_BETWEEN_CJK.sub("\u00b7", text)
    text = " ".join(text.split())
    if " " in text and not text.isascii():
        text = _NAME_SPACE_BETWEEN_CJK.sub("", text)
    return text.strip(" \u00b7")


def clean_name(value: Any) -> str:
    """A person's name as written, padding folded: ' 王  丽 ', '王　丽' → 王丽; 'Li  Ming' → Li Ming;
    买买提•艾力, 买买提・艾力, 买买提.艾力 → 买买提·艾力 (one middle dot, U+00B7); controls removed."""
    if value is None:
        return ""
    if type(value) is not str:
        value = plain_text(value)
    if _PLAIN_CJK_NAME.fullmatch(value):
        return value  # 王丽, the commonest name: a city's worth of distinct names would thrash the cache
    return _clean_name(value)


def chinese_number(run: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零二 → 102; digit by digit without 十/百: 五零二 → 502."""
    if not run:
        return None
    if not any(ch in _CN_UNITS for ch in run):
        digits = [_CN_DIGITS.get(ch) for ch in run]
        if None in digits:
            return None
        return int("".join(str(d) for d in digits))
    total, current = 0, 0
    for ch in run:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def arabic_numerals(text: str) -> str:
    """Replace runs of Chinese numerals with digits (三号楼二单元 → 3号楼2单元)."""
    return _CN_RUN.sub(lambda m: str(chinese_number(m.group(0))), text)


# -- addresses ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """What an address cell said; parts it did not say are None."""

    building: str | None = None  # the building's name as written, e.g. "3号楼", "7号院", "A座", "平房区"
    number: int | None = None  # the building's number when it has one
    unit: int | None = None
    room: str | None = None  # "502", "B101" (basement); a courtyard's house as written: "12号院", "18号商铺"
    floor: int | None = None  # -5…-1 (basements) or 1…120
    estate: str | None = None  # the 小区 written before the building: "幸福小区"
    kind: str = "apartment"  # or "courtyard": bungalows, shops and village houses, all on floor 1


_DASHES = re.compile(r"\s*[-—–_~/\\、.·]\s*")
_BUILDING = re.compile(r"(\d+)\s*(号楼|号院|栋楼|栋|幢|座|号|楼|#|院)")
_LETTER_BUILDING = re.compile(r"([A-Za-z])(座|栋|幢|号楼|楼)")
_UNIT = re.compile(r"(\d+)\s*(单元|门洞|门)")
_ROOM = re.compile(r"((?:B|b|负|地下|-)?\d+[A-Za-z]?)\s*(室|户|房|号)?$")
_TRIPLE = re.compile(r"^(\d+)\s*(?:号楼|栋|幢|号|#)?-(\d+)(?:单元)?-((?:B|b)?\d+[A-Za-z]?)(?:室|号)?$")
_PAIR = re.compile(r"^(\d+)-((?:B|b)?\d+[A-Za-z]?)$")
_BASEMENT_ROOM = re.compile(r"(?:-|B|b|负|地下)0*(\d+)([A-Za-z]?)")
_NUMERAL = "(?:\\d+|[零〇○一二两三四五六七八九十百千]+)"
# Where the address proper starts: a number that a building, unit or room word follows, a lettered
# building (A座), or a basement room; what is before it is the estate (or a courtyard's name).
_ADDRESS_START = re.compile(
    r"(?:-|B|b|负|地下)\d+[A-Za-z]?(?=[室号]?$)"
    rf"|{_NUMERAL}(?=号楼|号院|号|栋|幢|座|楼|#|院|单元|门洞|-|室|[A-Za-z]?$)"
    r"|[A-Za-z](?=座|栋|幢|号楼)"
)
# Leading place names an address may carry: 甘肃省 兰州市 …街道 …社区 always go; a district (城关区) or a
# road number (幸福路12号) only when a name follows, since 平房区12号院 and 幸福路18号商铺 are houses.
_PLACE = re.compile(
    r"[^\d\-#()]{2,12}?(?:省|自治区|市|县|旗|盟|街道办事处|街道办|街道|镇|乡|社区居委会|社区|居委会|村委会)"
)
_PLACE_BEFORE_NAME = re.compile(
    r"[^\d\-#()]{2,12}?(?:自治州|州|地区|(?<!小)区)|[^\d\-#()]{1,12}?(?:路|大街|街|大道|巷|胡同)\d+号(?![院楼])"
)
_ADDRESS_LABEL = re.compile(r"^(?:家庭|现|居住|户籍)?(?:住址|地址|门牌号|门牌)[:：]?")
# A house number with what it is: 12号, 12号院, 18号商铺, 20号门面 (the room of a courtyard address).
_HOUSE = re.compile(r"\d+(?:-\d+)?号(?:院|院落|商铺|门面|门市|门市部|铺面|店|商店|门店|底商|平房|车库|库房)?")


def room_floor(room: str) -> int:
    """The floor a room number says: 502 → 5, 1203 → 12; rooms below 100 (bungalows) and house numbers
    (12号院, 18号商铺) are on floor 1; basement rooms B101 / -101 → -1, B201 → -2."""
    if not isinstance(room, str):
        return 1
    basement = _BASEMENT_ROOM.fullmatch(room)
    if basement:
        number = int(basement.group(1))
        return -max(1, number // 100) if number >= 100 else -1
    digits = re.match(r"\d+", room)
    if not digits or "号" in room:
        return 1
    number = int(digits.group(0))
    return max(1, number // 100) if number >= 100 else 1


def normal_room(text: str) -> str:
    """0502 → 502, 502室 → 502, 12号 → 12; keeps a letter suffix (502A); basements B101, b101, -101,
    负101, 地下101 → B101."""
    text = text.strip().rstrip("室户房号").strip()
    match = re.fullmatch(r"0*(\d+)([A-Za-z]?)", text)
    if match:
        return (match.group(1) or "0") + match.group(2).upper()
    match = _BASEMENT_ROOM.fullmatch(text)
    if match:
        return "B" + match.group(1) + match.group(2).upper()
    return text


def building_name(number: int, kind_word: str = "号楼") -> str:
    return f"{number}{'号院' if '院' in kind_word else '号楼'}"


def _floor_problem(floor: int) -> str | None:
    if floor > _TOP_FLOOR:
        return QT_TRANSLATE_NOOP("Exchange", "A room number says floor above 120.")
    if floor < _LOWEST_FLOOR:
        return QT_TRANSLATE_NOOP("Exchange", "A room number says a basement deeper than 5 floors.")
    return None


_NOT_AN_ADDRESS = QT_TRANSLATE_NOOP("Exchange", "This is not an address gridboard can read.")


def _drop_places(text: str) -> str:
    """Drops leading province/city/street/community names, and districts and road numbers that a name
    follows; never the estate, never what the address needs (平房区12号院: 平房区 names the courtyard)."""
    for _ in range(8):
        found = _PLACE.match(text)
        strong = found is not None
        found = found or _PLACE_BEFORE_NAME.match(text)
        if not found:
            return text
        rest = text[found.end() :]
        if not _ADDRESS_START.search(rest) or (not strong and _ADDRESS_START.match(rest)):
            return text
        text = rest
    return text


# The forms nearly every ledger uses, read in one step: [estate]3号楼2单元502, [estate]3-2-502. Anything
# else (place names, numerals, letters, courtyards, basements) goes the long way; both agree (tested).
_COMMON_ADDRESS = re.compile(
    r"([^\W\d_]{0,20}?)0*(\d{1,3})(?:(?:号楼|栋|幢|#)0*(\d{1,2})单元|-0*(\d{1,2})-)0*(\d{1,4})(室?)"
)
_NOT_A_PLAIN_ESTATE = re.compile(
    r"省|市|(?<!小)区|县|旗|盟|州|街|镇|乡|社|委|路|巷|胡同|院|号|楼|栋|幢|座|单元|门|室|层|地址|住址|负|地下"
    r"|[A-Za-z]|[零〇○一二两三四五六七八九十百千]$"
)


def _common_address(text: str) -> Parsed | None:
    match = _COMMON_ADDRESS.fullmatch(text)
    if match is None:
        return None
    estate, building, unit_word, unit_dash, room, room_word = match.groups()
    if (estate and _NOT_A_PLAIN_ESTATE.search(estate)) or (room_word and unit_dash):
        return None
    number, unit, room_number = int(building), int(unit_word or unit_dash), int(room)
    floor = room_number // 100 if room_number >= 100 else 1
    if not _FIRST_UNIT <= unit <= _LAST_UNIT or floor > _TOP_FLOOR:
        return None
    return Address(f"{number}号楼", number, unit, str(room_number), floor, estate or None), None


@lru_cache(maxsize=65536)
def _parse_address(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The address is empty.")
    return _common_address(text) or _read_address(text)


def _read_address(text: str) -> Parsed:
    text = "".join(text.split())
    text = _drop_places(_ADDRESS_LABEL.sub("", text))
    start = _ADDRESS_START.search(text)
    if start is None:
        return None, _NOT_AN_ADDRESS
    prefix = text[: start.start()].strip("-—_~/\\、.·,，:：;；#")
    rest = arabic_numerals(text[start.start() :])
    estate = prefix or None
    building: str | None
    number: int | None
    unit: int | None
    room: str | None
    floor: int | None
    match = _TRIPLE.match(_DASHES.sub("-", rest))
    if match:
        room = normal_room(match.group(3))
        number = int(match.group(1))
        unit = int(match.group(2))
        if not _FIRST_UNIT <= unit <= _LAST_UNIT:
            return None, QT_TRANSLATE_NOOP("Exchange", "A unit number must be 1 to 50.")
        floor = room_floor(room)
        problem = _floor_problem(floor)
        if problem:
            return None, problem
        return Address(f"{number}号楼", number, unit, room, floor, estate), None
    if prefix and _HOUSE.fullmatch(rest):
        # A courtyard, a street of shops, a village group: the name before the number is the "building",
        # the house number with its word is the room (18号商铺 and 18号门面 are two households).
        return Address(prefix, None, None, rest, 1, None, "courtyard"), None
    building = unit = room = None
    number = None
    kind = "apartment"
    found = _BUILDING.match(rest)
    if found:
        number = int(found.group(1))
        building = building_name(number, found.group(2))
        rest = rest[found.end() :]
        if found.group(2) in ("号院", "院"):
            inner = _BUILDING.match(rest) or _LETTER_BUILDING.match(rest)
            if inner and inner.group(2) not in ("号", "院", "号院"):
                # 7号院3号楼…: the numbered compound is part of the estate, the block is the building.
                estate = (prefix or "") + building
                found = inner
                number = int(inner.group(1)) if inner.group(1).isdigit() else None
                building = (
                    building_name(number, inner.group(2))
                    if number is not None
                    else inner.group(1).upper() + inner.group(2)
                )
                rest = rest[inner.end() :]
            else:
                kind = "courtyard"
    else:
        found = _LETTER_BUILDING.match(rest)
        if found:
            building = found.group(1).upper() + found.group(2)
            rest = rest[found.end() :]
    found = _UNIT.search(rest)
    if found:
        unit = int(found.group(1))
        rest = rest[found.end() :]
        kind = "apartment"
    if building is not None or unit is not None or not _BASEMENT_ROOM.fullmatch(rest.rstrip("室户房号")):
        rest = rest.strip("-")  # a separator (3号楼-502); alone, -101 is a basement room
    pair = _PAIR.match(rest) if building is not None and unit is None else None
    if pair:
        unit_text, room_text = pair.groups()
        unit, rest = int(unit_text), room_text
        kind = "apartment"
    if rest:
        found = _ROOM.search(rest)
        if found and found.start() == 0 or (found and building is not None):
            room = normal_room(found.group(1))
        elif not found:
            return None, _NOT_AN_ADDRESS
    if building is None and unit is None and room is None:
        return None, _NOT_AN_ADDRESS
    if unit is not None and not _FIRST_UNIT <= unit <= _LAST_UNIT:
        return None, QT_TRANSLATE_NOOP("Exchange", "A unit number must be 1 to 50.")
    floor = None
    if room:
        floor = 1 if kind == "courtyard" else room_floor(room)
        problem = _floor_problem(floor)
        if problem:
            return None, problem
    return Address(building, number, unit, room, floor, estate, kind), None


def parse_address(value: Any) -> Parsed:
    """3号楼2单元502, 3-2-502, 3栋2单元0502室, 三号楼二单元五零二室, B101 (basement), with or without an
    estate before it (幸福小区2-1-401 → estate 幸福小区); place names before the estate (…市 …区 …街道
    …社区, a road number) are dropped. Courtyards: 7号院3号 → building 7号院 room 3; houses without a
    room number: 平房区12号院, 幸福路18号商铺, 建设村3组15号 → building 平房区 / 幸福路 / 建设村3组,
    room 12号院 / 18号商铺 / 15号 (kind "courtyard", floor 1). Lettered buildings: 金城花园A座3单元502 →
    building "A座" (letter upper-cased, word as written), number None."""
    return _parse_address(clean_text(value))


@lru_cache(maxsize=4096)
def _parse_building(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The building is empty.")
    plain = arabic_numerals(text.replace(" ", ""))
    if plain.isdigit():
        number = int(plain)
        return (f"{number}号楼", number), None
    found = _BUILDING.fullmatch(plain) or _BUILDING.search(plain)
    if found and found.group(0) == plain:
        number = int(found.group(1))
        return (building_name(number, found.group(2)), number), None
    # A named building ("幸福里平房院", "综合楼") keeps its name; its number, if any, is kept too.
    number = int(found.group(1)) if found else 0
    return (text.strip(), number), None


def parse_building(value: Any) -> Parsed:
    """A building cell: 3, 3号楼, 3栋, 三号楼, 7号院 → ("3号楼", 3); other names are kept as written."""
    return _parse_building(clean_text(value))


@lru_cache(maxsize=1024)
def _parse_unit(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The unit is empty.")
    plain = arabic_numerals(text.replace(" ", ""))
    match = re.fullmatch(r"0*(\d+)\s*(单元|门洞|门)?", plain)
    if not match:
        return None, QT_TRANSLATE_NOOP("Exchange", "A unit must be a number such as 2 or 2单元.")
    unit = int(match.group(1))
    if not _FIRST_UNIT <= unit <= _LAST_UNIT:
        return None, QT_TRANSLATE_NOOP("Exchange", "A unit number must be 1 to 50.")
    return unit, None


def parse_unit(value: Any) -> Parsed:
    return _parse_unit(clean_text(value))


@lru_cache(maxsize=16384)
def _parse_room(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The room number is empty.")
    plain = arabic_numerals("".join(text.split()))
    if not _BASEMENT_ROOM.fullmatch(plain.rstrip("室号")) and re.search(r"单元|楼|栋|幢|-", plain):
        address, reason = _parse_address(plain)
        if address is None or address.room is None:
            return None, reason or QT_TRANSLATE_NOOP("Exchange", "The room number is empty.")
        return address.room, None
    room = normal_room(plain)
    if not re.fullmatch(r"B?\d+[A-Z]?", room):
        return None, QT_TRANSLATE_NOOP("Exchange", "A room must be a number such as 502.")
    problem = _floor_problem(room_floor(room))
    if problem:
        return None, problem
    return room, None


def parse_room(value: Any) -> Parsed:
    """502, 0502, 502室, 五零二 → "502"; basements B101, -101 → "B101"."""
    return _parse_room(clean_text(value))


_FLOOR_FORM = re.compile(r"第?(?:(-|负|B|b|地下)\s*)?(\d+)\s*[层楼Ff]*")


def parse_floor(value: Any) -> Parsed:
    """5, 5层, 5楼, 5F, 五层; basements -1, B1, 负1层, 地下1层 → -1 (down to -5; up to 120)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int and not isinstance(value, bool):
        floor = value
    else:
        match = _FLOOR_FORM.fullmatch(arabic_numerals(clean_text(value)))
        if not match:
            return None, QT_TRANSLATE_NOOP("Exchange", "A floor must be a number.")
        floor = -int(match.group(2)) if match.group(1) else int(match.group(2))
    if not (1 <= floor <= _TOP_FLOOR or _LOWEST_FLOOR <= floor <= -1):
        return None, QT_TRANSLATE_NOOP("Exchange", "A floor must be 1 to 120, or -1 to -5 below ground.")
    return floor, None


# -- dates --------------------------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:\s+.*)?"),
    re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*月?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
    re.compile(r"(?P<y>\d{4})\s*年?"),
)


@dataclass(frozen=True)
class Day:
    """A date as precise as the sheet gave it (month and day may be unknown)."""

    year: int
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)


_year_cache: list[float] = [0.0, 0.0]  # (when looked up, the year then)


def _this_year() -> int:
    """The current year, looked up at most once a minute (this runs on every date cell)."""
    now = time.monotonic()
    if now - _year_cache[0] > 60:
        _year_cache[:] = [now, float(date.today().year)]
    return int(_year_cache[1])


def _plausible(year: int, month: int | None, day: int | None) -> Parsed:
    if not 1900 <= year <= _this_year() + 1:
        return None, QT_TRANSLATE_NOOP("Exchange", "The year is not between 1900 and next year.")
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None, QT_TRANSLATE_NOOP(
            "Exchange", "There is no such date (month 1–12, day within the month)."
        )
    return Day(year, month, day), None


@lru_cache(maxsize=16384)
def _parse_date_text(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The date is empty.")
    text = arabic_numerals(text)
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            parts = match.groupdict()
            return _plausible(
                int(parts["y"]),
                int(parts["m"]) if parts.get("m") else None,
                int(parts["d"]) if parts.get("d") else None,
            )
    if re.fullmatch(r"\d{1,5}(\.\d+)?", text):
        return _serial(float(text))
    return None, QT_TRANSLATE_NOOP("Exchange", "This is not a date gridboard can read.")


@lru_cache(maxsize=16384)
def _serial(number: float) -> Parsed:
    # Excel's day numbers: 1 is 1900-01-01 (with its famous 1900 leap-day bug, hence the epoch).
    if not 1 <= number < 80000:
        return None, QT_TRANSLATE_NOOP("Exchange", "This is not a date gridboard can read.")
    day = _EXCEL_EPOCH + timedelta(days=int(number))
    return _plausible(day.year, day.month, day.day)


def parse_date(value: Any) -> Parsed:
    """Excel day numbers, datetime cells, 1956-03-12, 1956-03, 1956年3月, 19560312, 1956.3.12, 1956."""
    if isinstance(value, bool):
        return None, QT_TRANSLATE_NOOP("Exchange", "This is not a date gridboard can read.")
    if isinstance(value, datetime):
        return _plausible(value.year, value.month, value.day)
    if isinstance(value, date):
        return _plausible(value.year, value.month, value.day)
    if isinstance(value, int | float):
        if 1900 <= value <= 2100 and float(value).is_integer():
            return _plausible(int(value), None, None)
        if 19000101 <= value <= 21001231:
            return _parse_date_text(str(int(value)))
        return _serial(float(value))
    return _parse_date_text(clean_text(value))


def parse_datetime(value: Any) -> Parsed:
    """A moment: datetime cells, 2024-03-05 14:30, or any date form (taken as midnight)."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0), None
    text = clean_text(value)
    match = re.fullmatch(r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if match:
        day, reason = _parse_date_text(match.group(1))
        if day is None:
            return None, reason
        hour, minute, second = int(match.group(2)), int(match.group(3)), int(match.group(4) or 0)
        if hour > 23 or minute > 59 or second > 59:
            return None, QT_TRANSLATE_NOOP("Exchange", "This is not a time of day.")
        return datetime(day.year, day.month, day.day, hour, minute, second), None
    if isinstance(value, float) and not value.is_integer() and 1 <= value < 80000:
        day, reason = _serial(value)
        if day is None:
            return None, reason
        seconds = round((value % 1) * 86400)
        return datetime.combine(day.as_date(), datetime.min.time()) + timedelta(seconds=seconds), None
    day, reason = parse_date(value)
    if day is None:
        return None, reason
    return datetime.combine(day.as_date(), datetime.min.time()), None


# -- phones and ID numbers ----------------------------------------------------------------------------

_PHONE_SPLIT = re.compile(r"[/,，;；、\n]|\s{2,}")


@lru_cache(maxsize=65536)
def _parse_phone_text(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The phone number is empty.")
    first = next((part for part in _PHONE_SPLIT.split(text) if part.strip()), "")
    if "*" in first:
        return None, QT_TRANSLATE_NOOP("Exchange", "The phone number is masked (****); it was not imported.")
    plain = re.sub(r"[\s()（）\-—.]", "", first.strip().removesuffix(".0"))
    plain = re.sub(r"^(\+|00)?86(?=1\d{10}$)", "", plain)
    plain = re.sub(r"^(\+|00)86(?=\d{9,11}$)", "0", plain)
    if not plain.isdigit():
        return None, QT_TRANSLATE_NOOP("Exchange", "A phone number holds only digits.")
    if len(plain) == 11 and plain.startswith("1"):
        if plain[1] not in "3456789":
            return None, QT_TRANSLATE_NOOP("Exchange", "This is not a mobile number (1 then 3–9).")
        return plain, None
    if plain.startswith("0") and 10 <= len(plain) <= 12:
        # A landline with its area code: 3-digit codes start 01/02, others are 4 digits.
        cut = 3 if plain[1] in "12" else 4
        return f"{plain[:cut]}-{plain[cut:]}", None
    if len(plain) in (7, 8) and not plain.startswith("0"):
        return plain, None
    if len(plain) in (3, 5) and plain.startswith(("1", "9")):
        return plain, None  # service numbers such as 12345, 110, 96345
    return None, QT_TRANSLATE_NOOP(
        "Exchange", "A phone number has 11 digits (mobile) or an area code and 7–8 digits."
    )


def parse_phone(value: Any) -> Parsed:
    """13812345678, 13812345678.0 (a number cell), '138 1234 5678', +86 138…, 0936-1234567."""
    if isinstance(value, bool):
        return None, QT_TRANSLATE_NOOP("Exchange", "A phone number holds only digits.")
    if isinstance(value, float):
        if not value.is_integer():
            return None, QT_TRANSLATE_NOOP("Exchange", "A phone number holds only digits.")
        value = int(value)
    if type(value) is int and 13_000_000_000 <= value < 20_000_000_000:
        return str(value), None  # the commonest cell: a mobile number stored as a number
    if (
        type(value) is str
        and len(value) == 11
        and value.isdigit()
        and value[0] == "1"
        and value[1] in "3456789"
    ):
        return value, None
    return _parse_phone_text(clean_text(value))


# A run that may be one phone number (or two written with a space between): digits and * (masks) with
# single dashes or spaces inside, a leading + or (0931) area code, a trailing .0 of a number cell.
_PHONE_SPAN = re.compile(
    r"(?:\+\s*)?(?:\(\s*0\d{2,3}\s*\)\s*)?[\d*](?:[\d*]|[\s\-—–]+(?=[\d*]))*(?:\.0(?!\d))?"
)
_OPENERS, _CLOSERS = "([{【〔", ")]}】〕"
_NOTE_CUTS = re.compile(r"[\s()\[\]{}【】〔〕:：,，;；]+")
# Words beside a number that are not a note about it.
_PHONE_LABELS = frozenset(
    ("电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "座机", "固话")
    + ("固定电话", "宅电", "号码", "tel", "mobile", "phone", "或", "或者", "和", "及", "还有")
)


def _top_level_parts(text: str) -> list[str]:
    """Splits at / , ; 、 | and line breaks that are not inside brackets (a note may hold a slash)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "/,;、|\n":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _numbers_in(span: str) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, phone, reason) for each number in a span: usually one, or several written with
    spaces between (187 1234 5678 139 1234 5678), taking as many pieces as make one valid number."""
    phone, reason = _parse_phone_text(" ".join(span.split()))
    if phone or not any(ch.isspace() for ch in span):
        return [(0, len(span), phone, reason)]
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", span)]
    found: list[tuple[int, int, str | None, str | None]] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            phone, reason = _parse_phone_text("".join(span[a:b] for a, b in pieces[i:j]))
            if phone:
                found.append((pieces[i][0], pieces[j - 1][1], phone, None))
                i = j
                break
        else:
            found.append((pieces[i][0], pieces[i][1], None, reason))
            i += 1
    return found


def _note_words(text: str) -> str:
    words = [w for w in _NOTE_CUTS.split(text) if w and w.lower() not in _PHONE_LABELS]
    return " ".join(words).strip("-—–_~.。")


def _read_part(part: str) -> tuple[list[str], list[str], str, str | None]:
    """One part of a phone cell → (valid numbers, unreadable numbers as written, note words, reason)."""
    valid: list[str] = []
    unreadable: list[str] = []
    reason: str | None = None
    kept, cursor = [], 0
    for span in _PHONE_SPAN.finditer(part):
        for start, end, found, why in _numbers_in(span.group(0)):
            a, b = span.start() + start, span.start() + end
            if found:
                valid.append(found)
            elif b - a >= 7 or "*" in part[a:b]:
                unreadable.append(part[a:b].strip())
                reason = reason or why
            else:
                continue  # a short number is part of the note: 3楼, 转801
            kept.append(part[cursor:a])
            cursor = b
    kept.append(part[cursor:])
    return valid, unreadable, _note_words(" ".join(kept)), reason


# The common written form, read in one step: a mobile number with a note in brackets (NFKC made them ASCII).
_MOBILE_WITH_NOTE = re.compile(r"(1[3-9]\d{9})(?:\.0)?\s*\(([^()\d*/,;、|\n]*)\)")


@lru_cache(maxsize=65536)
def _split_phone_text(text: str) -> tuple[str | None, str, str | None]:
    if not text:
        return None, "", QT_TRANSLATE_NOOP("Exchange", "The phone number is empty.")
    common = _MOBILE_WITH_NOTE.fullmatch(text)
    if common:
        return common.group(1), _note_words(common.group(2)), None
    phone: str | None = None
    first_reason: str | None = None
    notes: list[str] = []
    others: list[str] = []
    for part in _top_level_parts(text):
        valid, unreadable, words, reason = _read_part(part)
        first_reason = first_reason or reason
        others.extend(unreadable)
        if valid and phone is None:
            phone = valid[0]
            others.extend(valid[1:])
            if words:
                notes.append(words)
        elif valid:
            others.append("、".join(valid) + (f"（{words}）" if words else ""))
        elif words:
            notes.append(words)
    if phone is None:
        if first_reason is None:
            first_reason = _parse_phone_text(text)[1] or QT_TRANSLATE_NOOP(
                "Exchange", "A phone number holds only digits."
            )
        return None, "", first_reason
    if others:
        notes.append("另：" + "、".join(others))
    return phone, "；".join(notes), None


def split_phone_note(value: Any) -> tuple[str | None, str, str | None]:
    """(phone, note, reason) from a phone cell with words beside the number:
    18712345678（女儿） → ("18712345678", "女儿", None); 女儿 18712345678, 0931-8123456 (家) likewise;
    18712345678/13912345678 → the first number, note "另：13912345678" (other numbers are kept, as
    written, in the note); a masked or unreadable cell → (None, "", reason). Labels (电话, 手机…) are
    not notes. The number follows `parse_phone`'s rules."""
    if not isinstance(value, str):
        phone, reason = parse_phone(value)
        return phone, "", reason
    if len(value) == 11 and value.isdigit() and value[0] == "1" and value[1] in "3456789":
        return value, "", None
    plain = _PLAIN_MOBILE.fullmatch(value)
    if plain:  # +86 138 1234 5678, 138-1234-5678: common forms that need no splitting
        return plain.group(1) + plain.group(2) + plain.group(3), "", None
    return _split_phone_text(clean_text(value))


_PLAIN_MOBILE = re.compile(r"\s*(?:(?:\+|00)?86[\s-]*)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})\s*")


_ID_LOST_DIGITS = QT_TRANSLATE_NOOP(
    "Exchange", "Excel stored this ID number as a number and lost its last digits; type it again as text."
)
_ID_FORM = QT_TRANSLATE_NOOP("Exchange", "An ID number has 18 characters: 17 digits, then a digit or X.")
_ID_CHECK_DIGIT = QT_TRANSLATE_NOOP("Exchange", "The ID number's check digit is wrong (a typo?).")
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?E\+?(?:1[5-9])")


@lru_cache(maxsize=65536)
def _parse_id_text(text: str) -> Parsed:
    text = "".join(text.split()).upper()
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The ID number is empty.")
    if "*" in text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The ID number is masked (****); it was not imported.")
    if _SCIENTIFIC.fullmatch(text):
        return None, _ID_LOST_DIGITS  # 6.20102E+17: a number cell saved to CSV as Excel showed it
    if len(text) == 15 and text.isdigit():
        return text, None  # a first-generation ID: 6-digit region, YYMMDD, 3-digit sequence
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return None, _ID_FORM
    if text[17] != id_check_digit(text):
        return text, _ID_CHECK_DIGIT
    return text, None


def parse_id_number(value: Any) -> Parsed:
    """A resident ID: 18 characters (lowercase x accepted, returned upper-cased) or an old 15-digit one.

    Returns (id, None); (None, reason) when it is empty, masked or malformed; and, in this one case
    both, (id, reason) when an 18-character ID's check digit is wrong: the ID is kept as written (it is
    usually a typo the office wants to see) and the reason becomes a warning.
    A number cell of 16 or more digits (6.20102195003151e+17, 620102195003151000) is refused: Excel keeps
    15 significant digits, so the last ones are gone and any ID made from it would be wrong. A 15-digit
    number cell is an old ID, exact, and accepted. (An 18-digit text ending 000 that came from such a
    number cannot be told apart; the check digit usually catches it.)
    """
    if isinstance(value, bool):
        return None, _ID_FORM
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return None, _ID_FORM  # also nan and inf
        number = int(value)
        if 10**15 <= number < 10**19:
            return None, _ID_LOST_DIGITS
        if 10**14 <= number < 10**15:
            return _parse_id_text(str(number))
        return None, _ID_FORM
    return _parse_id_text(clean_text(value))


def id_birth(id_number: str) -> Day | None:
    """The birth date written inside an ID number: [6:14] of 18 characters, 19 + [6:12] of 15 digits."""
    if not isinstance(id_number, str):
        return None
    if len(id_number) == 18:
        digits = id_number[6:14]
    elif len(id_number) == 15:
        digits = "19" + id_number[6:12]
    else:
        return None
    if not digits.isdigit():
        return None
    day, _ = _parse_date_text(digits)
    return day


def id_gender(id_number: str) -> str | None:
    """M or F from the sequence digit: [16] of an 18-character ID, the last of a 15-digit one."""
    if not isinstance(id_number, str) or len(id_number) not in (15, 18):
        return None
    digit = id_number[16] if len(id_number) == 18 else id_number[14]
    if not digit.isdigit():
        return None
    return "M" if int(digit) % 2 else "F"


# -- words --------------------------------------------------------------------------------------------

TAG_SYNONYMS: dict[str, str] = {
    **{t.name_zh: t.code for t in BUILTIN_TAGS},
    **{t.code: t.code for t in BUILTIN_TAGS},
    **{t.name_en.lower(): t.code for t in BUILTIN_TAGS},
    "独居": "living_alone",
    "孤寡": "living_alone",
    "孤寡老人": "living_alone",
    "独居老年人": "living_alone",
    "空巢": "empty_nest",
    "空巢老年人": "empty_nest",
    "高龄": "aged_80",
    "80岁以上": "aged_80",
    "八十岁以上": "aged_80",
    "80岁以上老人": "aged_80",
    "80周岁以上": "aged_80",
    "高龄老年人": "aged_80",
    "80+": "aged_80",
    "残疾人": "disabled",
    "持证残疾人": "disabled",
    "残障": "disabled",
    "残疾人员": "disabled",
    "重度残疾": "disabled",
    "慢病": "chronic",
    "基础病": "chronic",
    "慢性病人": "chronic",
    "慢性病患者": "chronic",
    "患有基础病": "chronic",
    "重病": "chronic",
    "大病": "chronic",
    "低保户": "dibao",
    "城市低保": "dibao",
    "城乡低保": "dibao",
    "农村低保": "dibao",
    "低保对象": "dibao",
    "低保边缘户": "dibao_edge",
    "边缘户": "dibao_edge",
    "低收入": "dibao_edge",
    "特困户": "tekun",
    "特困供养": "tekun",
    "特困人员": "tekun",
    "五保": "tekun",
    "五保户": "tekun",
    "困境儿童": "child_difficulty",
    "事实无人抚养儿童": "child_difficulty",
    "孤儿": "child_difficulty",
    "留守": "left_behind",
    "留守儿童": "left_behind",
    "孕妇": "pregnant",
    "孕产妇": "pregnant",
    "产妇": "pregnant",
    "退役军人": "veteran",
    "军人": "veteran",
    "复员军人": "veteran",
    "退伍军人": "veteran",
    "老兵": "veteran",
    "优抚对象": "veteran",
}
_TAG_SPLIT = re.compile(r"[、,，;；/|\s]+")
_TAG_NONE = frozenset({"无", "否", "一般", "普通", "正常", "-", "--", "—", "——", "暂无", "没有"})
_TRAILING_BRACKET = re.compile(r"\s*[(\[【][^()\[\]【】]*[)\]】]\s*$")
_AGED_WORDS = re.compile(r"(?:[89]0|100)周?岁(?:以上|及以上)(?:老人|老年人)?")


@lru_cache(maxsize=8192)
def _tag_forms(word: str) -> tuple[str, ...]:
    """The forms a tag word is looked up in: as written; without a trailing （是/否）; without 是否 (为);
    without a 人员 / 对象 / 家庭 / 户 suffix."""
    forms: list[str] = []

    def add(form: str) -> None:
        form = form.strip(" ()[]【】:?")
        if form and form not in forms:
            forms.append(form)

    add(word)
    add(_TRAILING_BRACKET.sub("", word))
    for form in forms:  # forms added here are shorter and looked at too
        if form.startswith("是否"):
            rest = form[2:]
            add(rest)
            for lead in ("为", "属于", "属", "是"):
                if rest.startswith(lead):
                    add(rest[len(lead) :])
    for form in forms:
        for suffix in ("人员", "对象", "家庭", "户"):
            if form.endswith(suffix) and len(form) > len(suffix):
                add(form[: -len(suffix)])
    return tuple(forms)


@lru_cache(maxsize=8192)
def _builtin_tag(word: str) -> str | None:
    for form in _tag_forms(word):
        code = TAG_SYNONYMS.get(form) or TAG_SYNONYMS.get(form.lower())
        if code:
            return code
        if _AGED_WORDS.fullmatch(arabic_numerals(form)):
            return "aged_80"
    return None


def tag_code(word: str, extra: dict[str, str] | None = None) -> str | None:
    """One tag word (or a yes/no column's header) → its tag code, or None.

    独居 / 独居老人 / 孤寡 → living_alone; 低保家庭, 特困供养人员 (人员/对象/家庭/户 dropped); 是否独居老人,
    是否为低保户, 独居老人（是/否） (是否 and a trailing bracket dropped); `extra` holds the office's own
    words (word → code), looked up after the built-in ones.
    """
    text = word if type(word) is str and word.isascii() and word.isprintable() else clean_text(word)
    text = text.strip()
    if not text:
        return None
    code = _builtin_tag(text)
    if code is None and extra:
        for form in _tag_forms(text):
            code = extra.get(form) or extra.get(form.lower())
            if code:
                break
    return code


@lru_cache(maxsize=16384)
def _tag_words(text: str) -> tuple[tuple[str, str | None], ...]:
    words = []
    for word in _TAG_SPLIT.split(text):
        word = word.strip("()（）[]【】")
        if word and word not in _TAG_NONE:
            words.append((word, _builtin_tag(word)))
    return tuple(words)


def parse_tags(value: Any, extra: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Tag words → (known codes, unknown words); 无 / 否 / 一般 / 暂无 mean no tags. Words are separated by
    、 ， , / ； ; | spaces or line breaks; each goes through `tag_code`."""
    codes: list[str] = []
    unknown: list[str] = []
    for word, code in _tag_words(clean_text(value)):
        if code is None and extra:
            code = tag_code(word, extra)
        if code is None:
            if word not in unknown:
                unknown.append(word)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


_YES_WORDS = frozenset("是 √ ✓ ✔ ✅ 有 1 1.0 y yes true 是的 ☑ ■ ●".split())  # noqa: SIM905
_NO_WORDS = frozenset("否 × ✗ ✘ ✕ ✖ ❌ 无 没有 不是 0 0.0 n no false □ ☐ ○ 〇".split())  # noqa: SIM905


@lru_cache(maxsize=1024)
def _parse_yes_no_text(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The yes/no cell is empty.")
    word = "".join(text.split()).lower()
    if word in _YES_WORDS:
        return True, None
    if word in _NO_WORDS:
        return False, None
    return None, QT_TRANSLATE_NOOP("Exchange", "A yes/no cell holds 是 or 否 (√ or ×).")


def parse_yes_no(value: Any) -> Parsed:
    """是 √ ✓ ✔ 有 1 Y yes true 是的 ☑ ■ ● → True; 否 × ✗ ✘ 无 没有 0 N no false □ ○ → False; number
    cells 1 / 0; a blank cell → (None, reason) like every parser."""
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int | float):
        if value == 1:
            return True, None
        if value == 0:
            return False, None
        return None, QT_TRANSLATE_NOOP("Exchange", "A yes/no cell holds 是 or 否 (√ or ×).")
    return _parse_yes_no_text(clean_text(value))


@dataclass(frozen=True)
class Disability:
    """A disability as a certificate states it: category (视力 听力 言语 肢体 智力 精神 多重), grade 1–4
    (一级 the most severe), and the normalised text shown (肢体二级); unknown parts are None."""

    category: str | None
    grade: int | None
    text: str


DISABILITY_CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
_DISABILITY_WORDS = {
    **{c: c for c in DISABILITY_CATEGORIES},
    **{c + "残疾": c for c in DISABILITY_CATEGORIES},
    "视残": "视力",
    "低视力": "视力",
    "盲": "视力",
    "听残": "听力",
    "聋": "听力",
    "耳聋": "听力",
    "语言": "言语",
    "哑": "言语",
    "肢残": "肢体",
    "智残": "智力",
    "智障": "智力",
    "精残": "精神",
}
_DISABILITY_CATEGORY = re.compile("|".join(sorted(_DISABILITY_WORDS, key=len, reverse=True)))
_GRADE_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "I": 1, "II": 2,
                  "III": 3, "IV": 4, **{str(n): n for n in range(10)}, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}  # fmt: skip
_DISABILITY_GRADE = re.compile(r"第?(IV|III|II|I|[一二三四五六七八九壹贰叁肆0-9])(?:级|等)")
_BRACKETED = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]")
_DISABILITY_FILLER = re.compile(
    r"残疾人证|残疾证|持证|残疾人|残疾|残|类别|类型|类|等级|级别|[:,;/\-—、()\[\]【】]"
)
_BAD_GRADE = QT_TRANSLATE_NOOP("Exchange", "A disability grade is 一级 to 四级 (1 to 4).")
_UNKNOWN_DISABILITY = QT_TRANSLATE_NOOP(
    "Exchange",
    "Not a disability gridboard knows: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重, and 一级 to 四级.",
)
_NO_DISABILITY = QT_TRANSLATE_NOOP("Exchange", "The cell says there is no disability.")


def _disability(category: str | None, grade: int | None) -> Disability:
    return Disability(category, grade, (category or "") + ("一二三四"[grade - 1] + "级" if grade else ""))


@lru_cache(maxsize=4096)
def _parse_disability_text(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The disability cell is empty.")
    text = "".join(text.split()).upper()
    if not text.isdigit():
        answer = _parse_yes_no_text(text)[0]
        if answer is True:
            return Disability(None, None, ""), None
        if answer is False:
            return None, _NO_DISABILITY
    if text in ("0", "0级"):
        return None, _NO_DISABILITY
    categories: list[str] = []
    for found in _DISABILITY_CATEGORY.finditer(text):
        if _DISABILITY_WORDS[found.group(0)] not in categories:
            categories.append(_DISABILITY_WORDS[found.group(0)])
    rest = _DISABILITY_CATEGORY.sub(" ", text)
    grades = [_GRADE_NUMBERS[g] for g in _DISABILITY_GRADE.findall(rest)]
    rest = _DISABILITY_GRADE.sub(" ", rest)
    rest = _DISABILITY_FILLER.sub("", _BRACKETED.sub("", rest)).replace(" ", "")
    if not grades and rest in _GRADE_NUMBERS and rest not in ("I", "II", "III", "IV"):
        grades, rest = [_GRADE_NUMBERS[rest]], ""  # 肢体2: the grade column read beside the category
    if rest:
        return None, _UNKNOWN_DISABILITY
    if any(not 1 <= g <= 4 for g in grades):
        return None, _BAD_GRADE
    category = categories[0] if len(categories) == 1 else ("多重" if categories else None)
    return _disability(category, min(grades) if grades else None), None


def parse_disability(value: Any) -> Parsed:
    """A disability cell → Disability: 肢体二级, 二级肢体, 肢体残疾二级, 听力 4级, 残疾人证 肢体二级 →
    (肢体, 2, "肢体二级"); 肢体 → (肢体, None, "肢体"); 二级 or a number 2 → (None, 2, "二级"); 是 / √ (a
    yes/no column) → Disability(None, None, ""). Two categories (肢体、视力) are 多重, graded by the most
    severe. A remark in brackets is ignored (肢体二级（左腿）). 否 / 无 / 0 → (None, "no disability"
    reason); anything else (一户多残) → (None, reason)."""
    if isinstance(value, bool):
        return (Disability(None, None, ""), None) if value else (None, _NO_DISABILITY)
    if isinstance(value, int | float):
        if value == 0:
            return None, _NO_DISABILITY
        if value in (1, 2, 3, 4):
            return _disability(None, int(value)), None
        return None, _BAD_GRADE
    return _parse_disability_text(clean_text(value))


_GENDERS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F", "男性": "M", "女性": "F"}


def parse_gender(value: Any) -> Parsed:
    text = clean_text(value).lower()
    if text in _GENDERS:
        return _GENDERS[text], None
    return None, QT_TRANSLATE_NOOP("Exchange", "A gender is 男 or 女.")


_OCCUPANCY_WORDS = {
    **{v: k for k, v in OCCUPANCY.items()},
    **{k: k for k in OCCUPANCY},
    "居住": "lived_in",
    "常住": "lived_in",
    "在住": "lived_in",
    "入住": "lived_in",
    "户籍": "lived_in",
    "出租户": "rented_out",
    "租住": "rented_out",
    "租户": "rented_out",
    "流动人口": "rented_out",
    "空房": "vacant",
    "空户": "vacant",
    "无人居住": "vacant",
    "闲置": "vacant",
    "空挂户": "vacant",
}


def parse_occupancy(value: Any) -> Parsed:
    text = clean_text(value)
    if text in _OCCUPANCY_WORDS:
        return _OCCUPANCY_WORDS[text], None
    return None, QT_TRANSLATE_NOOP("Exchange", "Occupancy is 自住, 出租 or 空置.")


_KIND_WORDS = {
    **{v: k for k, v in MEMBER_KINDS.items()},
    **{k: k for k in MEMBER_KINDS},
    "党员": "community_member",
    "社区党员": "community_member",
    "退休党员": "community_member",
    "离退休党员": "community_member",
    "居民党员": "community_member",
    "流动党员": "community_member",
    "农村党员": "community_member",
    "在职": "in_service",
    "在职党员": "in_service",
    "双报到": "in_service",
    "双报到党员": "in_service",
    "在职党员双报到": "in_service",
    "报到党员": "in_service",
    "下沉干部": "cadre",
    "下沉党员": "cadre",
    "机关干部": "cadre",
    "包联干部": "cadre",
    "网格员": "grid_worker",
    "专职网格员": "grid_worker",
    "兼职网格员": "grid_worker",
    "网格长": "grid_worker",
    "楼栋长": "building_head",
    "楼长": "building_head",
    "楼院长": "building_head",
    "栋长": "building_head",
    "院长": "building_head",
    "单元长": "unit_head",
    "门栋长": "unit_head",
    "志愿者": "volunteer",
    "志愿者党员": "volunteer",
    "党员志愿者": "volunteer",
}
# For a longer phrase (在职党员（双报到）, 社区党员志愿者): the longest known word inside it decides.
_KIND_INSIDE = sorted((w for w in _KIND_WORDS if len(w) > 1 and not w.isascii()), key=len, reverse=True)


@lru_cache(maxsize=1024)
def _parse_member_kind_text(text: str) -> Parsed:
    text = re.sub(r"[()（）\[\]【】\s]", "", text)
    if not text:
        return "community_member", None
    if text in _KIND_WORDS:
        return _KIND_WORDS[text], None
    for word in _KIND_INSIDE:
        if word in text:
            return _KIND_WORDS[word], None
    return None, QT_TRANSLATE_NOOP("Exchange", "Unknown kind of member (社区党员, 在职党员, 下沉干部…).")


def parse_member_kind(value: Any) -> Parsed:
    """社区党员 / 退休党员 → community_member; 在职党员 / 双报到党员 → in_service; 下沉干部 / 包联干部 → cadre;
    网格员 → grid_worker; 楼栋长 / 楼长 / 楼院长 → building_head; 单元长 / 门栋长 → unit_head; 志愿者 →
    volunteer; blank → community_member; an unknown word → (None, reason)."""
    return _parse_member_kind_text(clean_text(value))


_PAIRING_FILLER = re.compile(r"结对|帮扶|联系|模式|方式|服务|制")
_PAIRING_FORM = re.compile(r"(\d+|N|多)(?:\+|对|帮|:)(\d+|N|多)")
_SCOPE_WORDS = {
    "包楼层": "floor",
    "包层": "floor",
    "楼层": "floor",
    "包单元": "unit",
    "单元": "unit",
    "包楼栋": "building",
    "包楼": "building",
    "包栋": "building",
    "包楼院": "building",
    "包院": "building",
    "楼栋": "building",
    "楼院": "building",
}
_UNKNOWN_PAIRING = QT_TRANSLATE_NOOP(
    "Exchange", "Unknown kind of pairing (1+1, N+1, 1+N, 包楼层, 包单元, 包楼栋)."
)


@lru_cache(maxsize=512)
def _parse_pairing_text(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The kind of pairing is empty.")
    text = "".join(text.split()).upper()
    if text in _SCOPE_WORDS:
        return ("scope", _SCOPE_WORDS[text]), None
    text = _PAIRING_FILLER.sub("", text)
    if text in _SCOPE_WORDS:
        return ("scope", _SCOPE_WORDS[text]), None
    match = _PAIRING_FORM.fullmatch(arabic_numerals(text))
    if not match:
        return None, _UNKNOWN_PAIRING
    members, households = match.groups()
    many_members = members in ("N", "多") or (members.isdigit() and int(members) >= 2)
    many_households = households in ("N", "多") or (households.isdigit() and int(households) >= 2)
    if members == "1" and households == "1":
        return ("pairing", "1+1"), None
    if many_members and households == "1":
        return ("pairing", "N+1"), None
    if members == "1" and many_households:
        return ("pairing", "1+N"), None
    return None, _UNKNOWN_PAIRING


def parse_pairing_mode(value: Any) -> Parsed:
    """A pairing's kind → ("pairing", "1+1" | "N+1" | "1+N") or ("scope", "floor" | "unit" | "building"):
    1+1, 1＋1, 一对一, 1对1, 一帮一; N+1, 多对一, 多帮一, 2+1; 1+N, 一对多, 1+3; 包楼层 / 包层 / 楼层, 包单元 /
    单元, 包楼栋 / 包楼 / 包栋 / 包楼院. 结对, 帮扶, 模式 around them are ignored."""
    if isinstance(value, bool) or not isinstance(value, str):
        return None, _UNKNOWN_PAIRING if value is not None else _parse_pairing_text("")[1]
    return _parse_pairing_text(clean_text(value))


_DITTO = frozenset(
    {
        "同上",
        "同前",
        "〃",
        "〃〃",
        "″",
        "′′",
        '"',
        '""',
        "''",
        "“”",
        "”",
        "“",
        "”“",
        "‘’",
        "’’",
        "〝〞",
        "〞",
        "々",
        "ditto",
    }
)


DITTO_FIRST = _DITTO_FIRST = frozenset("".join(_DITTO) + "D")


def is_same_as_above(value: Any) -> bool:
    """True for a cell that repeats the one above: 同上, 同 上, 同前, 〃, ″, ", '', “”, ”, 々, ditto (not 同左)."""
    if type(value) is not str or len(value) > 16 or not value:
        return False
    first = value[0]
    if first not in _DITTO_FIRST and first.isprintable() and first != " ":
        return False  # nearly every cell: it runs on all of them, so it has to say no quickly
    if value in _DITTO:
        return True
    text = "".join(strip_control(value).split())
    if len(text) > 1:
        text = text.rstrip("。.")  # 同上。
    return text in _DITTO or text.lower() == "ditto"


_HEAD_WORDS = frozenset({"户主", "本人", "户主本人", "本人户主", "之户主", "本户户主", "户长", "户主自己"})
_KIN_WORDS = frozenset(
    """
    配偶 妻 妻子 夫 丈夫 老伴 爱人 子 儿子 儿 女 女儿 子女 孙 孙子 孙女 孙子女 外孙 外孙子 外孙女 外孙子女 曾孙
    曾孙子 曾孙女 曾外孙 曾外孙女 父 父亲 母 母亲 父母 爸爸 妈妈 岳父 岳母 岳父母 公公 婆婆 公婆 继父 继母
    养父 养母 儿媳 儿媳妇 媳妇 媳 女婿 婿 孙媳 孙媳妇 孙女婿 兄 哥 哥哥 弟 弟弟 姐 姐姐 妹 妹妹 兄弟 姐妹
    兄弟姐妹 兄妹 姐弟 嫂 嫂子 弟媳 弟妹 姐夫 妹夫 祖父 祖母 祖父母 外祖父 外祖母 外祖父母 爷爷 奶奶 姥姥
    姥爷 外公 外婆 曾祖父 曾祖母 侄 侄子 侄女 外甥 外甥女 甥 侄孙 侄孙女 叔 叔叔 伯 伯父 伯母 婶 婶婶 姑
    姑姑 姑父 姑妈 舅 舅舅 舅妈 姨 姨妈 姨父 表哥 表弟 表姐 表妹 堂兄 堂弟 堂姐 堂妹 养子 养女 继子 继女
    亲属 其他亲属 非亲属 其他 其它 亲戚 租户 租客 房客 保姆 雇员 朋友 同居 同住 借住 寄住 家属 成员 户员
    """.split()  # noqa: SIM905 - a word list reads better as words
)
_RELATION_LEAD = re.compile(r"^(?:户主之|户主的|户主|之|的)")
_RELATION_ORDINAL = re.compile(r"^(?:[长次大二三四五六七八九幼小老])")


@lru_cache(maxsize=1024)
def _parse_relation_text(text: str) -> Parsed:
    word = re.sub(r"[\s()\[\]【】/、·]", "", text)
    if not word:
        return None, QT_TRANSLATE_NOOP("Exchange", "The relation to the head of household is empty.")
    if word in _HEAD_WORDS:
        return "head", None
    for form in (word, _RELATION_LEAD.sub("", word)):
        if form in _KIN_WORDS or _RELATION_ORDINAL.sub("", form) in _KIN_WORDS:
            return "member", None
    return None, QT_TRANSLATE_NOOP(
        "Exchange", "Unknown relation to the head of household (户主, 配偶, 子, 女, 其他…)."
    )


def parse_relation(value: Any) -> Parsed:
    """与户主关系 → ("head", None) for 户主 / 本人 / 户主本人 / 之户主; ("member", None) for a kinship or
    household word (配偶, 妻, 长子, 次女, 孙女, 外孙, 岳母, 儿媳, 女婿, 兄, 其他, 租户, 保姆…, also 户主之妻,
    二女儿); blank or anything else → (None, reason)."""
    if isinstance(value, int | float):  # bool too
        return None, QT_TRANSLATE_NOOP(
            "Exchange", "Unknown relation to the head of household (户主, 配偶, 子, 女, 其他…)."
        )
    return _parse_relation_text(clean_text(value))


def parse_count(value: Any) -> Parsed:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = arabic_numerals(clean_text(value)).rstrip("人口").strip()
    if not text.isdigit():
        return None, QT_TRANSLATE_NOOP("Exchange", "A number of people must be a whole number.")
    count = int(text)
    if count > PEOPLE[1]:
        return None, QT_TRANSLATE_NOOP("Exchange", "More than 99 people in one household.")
    return count, None


# -- sheet names and titles ---------------------------------------------------------------------------

_NUMERAL_CHARS = "0-9零〇一二两三四五六七八九十百"
_GRID_NAME = re.compile(
    rf"第?[{_NUMERAL_CHARS}]+号?网格|网格[{_NUMERAL_CHARS}]+(?!号楼|栋|单元|[{_NUMERAL_CHARS}])"
)
_COMMUNITY_NAME = re.compile(r"([\u4e00-\u9fff0-9]+?)社区")
_PLACE_CUTS = re.compile(r"街道办事处|办事处|街道|省|市|县|(?<!小)区|旗|镇|乡|州")
_NOT_A_COMMUNITY = frozenset(
    {"本", "各", "全", "该", "我", "所在", "所属", "全体", "辖区", "本辖区", "城市", "农村"}
)


def grid_name(text: Any) -> str | None:
    """The grid a sheet name or title names, as written in its short form: 一网格, 第一网格, 1网格, 网格一,
    第1网格, 3号网格, 网格3; 幸福社区第三网格居民花名册 → 第三网格. Sheet1, 汇总, 填表说明 → None."""
    found = _GRID_NAME.search("".join(clean_text(text).split()))
    return found.group(0) if found else None


def community_name(text: Any) -> str | None:
    """The …社区 a title names: 兰州市城关区幸福社区第一网格居民花名册 → 幸福社区; XX街道幸福社区 → 幸福社区
    (place names before it dropped). None when there is none (社区党员花名册, 本社区…)."""
    found = _COMMUNITY_NAME.search("".join(clean_text(text).split()))
    if not found:
        return None
    name = found.group(1)
    for cut in reversed(list(_PLACE_CUTS.finditer(name))):
        if len(name) - cut.end() >= 2:
            name = name[cut.end() :]
            break
    if name in _NOT_A_COMMUNITY or name.isdigit():
        return None
    return name + "社区"
