"""Normalisers for the values office sheets hold: addresses, dates, phones, tags, genders, counts.

Every parser takes whatever a cell held (text, int, float, datetime, None) and returns `(value, None)`
or `(None, reason)`, never raises: the reason is an English template (lupdate context "Exchange")
that the import preview shows beside the sheet, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.vocab import BUILTIN_TAGS, MEMBER_KINDS, OCCUPANCY

Parsed = tuple[Any, str | None]

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


def clean_text(value: Any) -> str:
    """Text of a cell: full-width forms folded (NFKC), zero-width and outer spaces removed."""
    if value is None:
        return ""
    if type(value) is str:
        text = value
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if "\u200b" in text:
            text = text.replace("\u200b", "")
    return text.strip()


def plain_text(value: Any) -> str:
    """Free text (names, notes) as written, outer spaces (also the full-width one) removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\u200b", "").strip()


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

    building: str | None = None  # the building's name as written, e.g. "3号楼", "7号院"
    number: int | None = None  # the building's number when it has one
    unit: int | None = None
    room: str | None = None
    floor: int | None = None


_DASHES = re.compile(r"\s*[-—–_~/\\、.·]\s*")
_BUILDING = re.compile(r"(\d+)\s*(号楼|号院|栋楼|栋|幢|座|号|楼|#|院)")
_UNIT = re.compile(r"(\d+)\s*(单元|门洞|门)")
_ROOM = re.compile(r"(\d+[A-Za-z]?)\s*(室|户|房|号)?$")
_TRIPLE = re.compile(r"^(\d+)\s*(?:号楼|栋|幢|号|#)?-(\d+)(?:单元)?-(\d+[A-Za-z]?)(?:室|号)?$")
_PAIR = re.compile(r"^(\d+)-(\d+[A-Za-z]?)$")


def room_floor(room: str) -> int:
    """The floor a room number says: 502 → 5, 1203 → 12; rooms below 100 (bungalows) are on floor 1."""
    digits = re.match(r"\d+", room)
    if not digits:
        return 1
    number = int(digits.group(0))
    return max(1, number // 100) if number >= 100 else 1


def normal_room(text: str) -> str:
    """0502 → 502, 502室 → 502, 12号 → 12; keeps a letter suffix (502A)."""
    text = text.strip().rstrip("室户房号").strip()
    match = re.fullmatch(r"0*(\d+)([A-Za-z]?)", text)
    if match:
        return (match.group(1) or "0") + match.group(2).upper()
    return text


def building_name(number: int, kind_word: str = "号楼") -> str:
    return f"{number}{'号院' if '院' in kind_word else '号楼'}"


@lru_cache(maxsize=65536)
def _parse_address(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The address is empty.")
    text = arabic_numerals(text.replace(" ", "").replace("\u3000", ""))
    match = _TRIPLE.match(_DASHES.sub("-", text))
    if match:
        room = normal_room(match.group(3))
        number = int(match.group(1))
        return Address(f"{number}号楼", number, int(match.group(2)), room, room_floor(room)), None
    building = unit = room = None
    number = None
    rest = text
    found = _BUILDING.search(rest)
    if found:
        number = int(found.group(1))
        building = building_name(number, found.group(2))
        # Anything before the building (a community or estate name) is dropped.
        rest = rest[found.end() :]
    found = _UNIT.search(rest)
    if found:
        unit = int(found.group(1))
        rest = rest[found.end() :]
    rest = rest.strip("-")
    if building is not None and unit is None and _PAIR.match(rest):
        unit_text, room_text = _PAIR.match(rest).groups()
        unit, rest = int(unit_text), room_text
    if rest:
        found = _ROOM.search(rest)
        if found and found.start() == 0 or (found and building is not None):
            room = normal_room(found.group(1))
        elif not found:
            return None, QT_TRANSLATE_NOOP("Exchange", "This is not an address gridboard can read.")
    if building is None and unit is None and room is None:
        return None, QT_TRANSLATE_NOOP("Exchange", "This is not an address gridboard can read.")
    if unit is not None and not 1 <= unit <= 50:
        return None, QT_TRANSLATE_NOOP("Exchange", "A unit number must be 1 to 50.")
    floor = room_floor(room) if room else None
    if floor is not None and floor > 120:
        return None, QT_TRANSLATE_NOOP("Exchange", "A room number says floor above 120.")
    return Address(building, number, unit, room, floor), None


def parse_address(value: Any) -> Parsed:
    """3号楼2单元502, 3-2-502, 3栋2单元0502室, 三号楼二单元五零二室, with a community name before it."""
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
    if not 1 <= unit <= 50:
        return None, QT_TRANSLATE_NOOP("Exchange", "A unit number must be 1 to 50.")
    return unit, None


def parse_unit(value: Any) -> Parsed:
    return _parse_unit(clean_text(value))


@lru_cache(maxsize=16384)
def _parse_room(text: str) -> Parsed:
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The room number is empty.")
    plain = arabic_numerals(text.replace(" ", ""))
    if re.search(r"单元|楼|栋|幢|-", plain):
        address, reason = _parse_address(plain)
        if address is None or address.room is None:
            return None, reason or QT_TRANSLATE_NOOP("Exchange", "The room number is empty.")
        return address.room, None
    room = normal_room(plain)
    if not re.fullmatch(r"\d+[A-Z]?", room):
        return None, QT_TRANSLATE_NOOP("Exchange", "A room must be a number such as 502.")
    if room_floor(room) > 120:
        return None, QT_TRANSLATE_NOOP("Exchange", "A room number says floor above 120.")
    return room, None


def parse_room(value: Any) -> Parsed:
    """502, 0502, 502室, 五零二 → "502"."""
    return _parse_room(clean_text(value))


def parse_floor(value: Any) -> Parsed:
    text = arabic_numerals(clean_text(value)).rstrip("层楼F").strip()
    if not text.lstrip("-").isdigit():
        return None, QT_TRANSLATE_NOOP("Exchange", "A floor must be a number.")
    floor = int(text)
    if not 1 <= floor <= 120:
        return None, QT_TRANSLATE_NOOP("Exchange", "A floor must be 1 to 120.")
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


def _plausible(year: int, month: int | None, day: int | None) -> Parsed:
    if not 1900 <= year <= date.today().year + 1:
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


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def parse_id_number(value: Any) -> Parsed:
    """An 18-character resident ID; returns (id, None), or a reason when the form or checksum is wrong."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value).replace(" ", "").upper()
    if not text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The ID number is empty.")
    if "*" in text:
        return None, QT_TRANSLATE_NOOP("Exchange", "The ID number is masked (****); it was not imported.")
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return None, QT_TRANSLATE_NOOP(
            "Exchange", "An ID number has 18 characters: 17 digits, then a digit or X."
        )
    check = _ID_CHECK[sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True)) % 11]
    if text[17] != check:
        return None, QT_TRANSLATE_NOOP("Exchange", "The ID number's check digit is wrong (a typo?).")
    return text, None


def id_birth(id_number: str) -> Day | None:
    """The birth date written inside an 18-character ID number."""
    day, _ = _parse_date_text(id_number[6:14]) if len(id_number) == 18 else (None, None)
    return day


def id_gender(id_number: str) -> str | None:
    if len(id_number) != 18 or not id_number[16].isdigit():
        return None
    return "M" if int(id_number[16]) % 2 else "F"


def mask_phone(phone: str) -> str:
    digits = phone.replace("-", "")
    if len(digits) < 7:
        return phone
    return phone[:3] + "****" + phone[-4:]


def mask_id(id_number: str) -> str:
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:] if len(id_number) > 8 else id_number


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
    "残疾人": "disabled",
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
}
_TAG_SPLIT = re.compile(r"[、,，;；/|\s]+")


def parse_tags(value: Any, extra: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Tag words → (known codes, unknown words); 无 / 否 / 一般 mean no tags."""
    text = clean_text(value)
    codes: list[str] = []
    unknown: list[str] = []
    for word in _TAG_SPLIT.split(text):
        word = word.strip("()（）")
        if not word or word in ("无", "否", "一般", "普通", "正常", "-"):
            continue
        code = TAG_SYNONYMS.get(word) or TAG_SYNONYMS.get(word.lower()) or (extra or {}).get(word)
        if code is None and word.endswith(("人员", "对象", "家庭")):
            code = TAG_SYNONYMS.get(word[:-2])
        if code is None:
            unknown.append(word)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


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
    "退休党员": "community_member",
    "居民党员": "community_member",
    "流动党员": "community_member",
    "双报到党员": "in_service",
    "在职党员双报到": "in_service",
    "报到党员": "in_service",
    "机关干部": "cadre",
    "下沉党员": "cadre",
    "专职网格员": "grid_worker",
    "楼长": "building_head",
    "楼院长": "building_head",
    "院长": "building_head",
    "志愿者党员": "volunteer",
    "党员志愿者": "volunteer",
}


def parse_member_kind(value: Any) -> Parsed:
    text = re.sub(r"[()（）\s]", "", clean_text(value))
    if not text:
        return "community_member", None
    if text in _KIND_WORDS:
        return _KIND_WORDS[text], None
    for word, code in _KIND_WORDS.items():
        if len(word) > 1 and word in text:
            return code, None
    return None, QT_TRANSLATE_NOOP("Exchange", "Unknown kind of member (社区党员, 在职党员, 下沉干部…).")


def parse_count(value: Any) -> Parsed:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = arabic_numerals(clean_text(value)).rstrip("人口").strip()
    if not text.isdigit():
        return None, QT_TRANSLATE_NOOP("Exchange", "A number of people must be a whole number.")
    count = int(text)
    if count > 99:
        return None, QT_TRANSLATE_NOOP("Exchange", "More than 99 people in one household.")
    return count, None
