"""The cell normalisers: every address, date, phone and tag form offices write, and never a crash."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gridboard.exchange import parsers as p
from gridboard.exchange.headers import find_header, guess_kind, recognise

_CN = "零一二三四五六七八九"


def cn_digits(number: int) -> str:
    return "".join(_CN[int(d)] for d in str(number))


def cn_count(number: int) -> str:
    """1..99 the way people write them: 三, 十二, 二十, 二十三."""
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in text)


@pytest.mark.parametrize(
    "text",
    [
        "3号楼2单元502",
        "3-2-502",
        "3栋2单元0502室",
        "三号楼二单元五零二室",
        "３号楼２单元５０２",
        " 3 号楼 2 单元 502 ",
        "幸福小区3号楼2单元502室",
        "3幢2单元502",
        "3#2-502",
        "3号楼2-502",
    ],
)
def test_address_forms(text: str) -> None:
    address, reason = p.parse_address(text)
    assert reason is None
    assert (address.building, address.number, address.unit, address.room, address.floor) == (
        "3号楼",
        3,
        2,
        "502",
        5,
    )


def test_address_without_room_and_courtyards() -> None:
    address, _ = p.parse_address("三号楼二单元")
    assert (address.building, address.unit, address.room) == ("3号楼", 2, None)
    address, _ = p.parse_address("7号院12号")
    assert (address.building, address.unit, address.room, address.floor) == ("7号院", None, "12", 1)
    address, _ = p.parse_address("12-3-1203")
    assert (address.number, address.unit, address.room, address.floor) == (12, 3, "1203", 12)
    assert p.parse_address("楼上那家")[0] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (20000, p.Day(1954, 10, 3)),
        (20000.0, p.Day(1954, 10, 3)),
        ("1956-03", p.Day(1956, 3)),
        ("1956年3月", p.Day(1956, 3)),
        ("1956年3月12日", p.Day(1956, 3, 12)),
        ("19560312", p.Day(1956, 3, 12)),
        (19560312, p.Day(1956, 3, 12)),
        ("1956.3.12", p.Day(1956, 3, 12)),
        ("1956/03/12", p.Day(1956, 3, 12)),
        (datetime(1956, 3, 12, 8, 0), p.Day(1956, 3, 12)),
        (date(1956, 3, 12), p.Day(1956, 3, 12)),
        (1956, p.Day(1956)),
        ("一九五六年三月", p.Day(1956, 3)),
        ("１９５６－０３", p.Day(1956, 3)),
    ],
)
def test_date_forms(value: object, expected: p.Day) -> None:
    assert p.parse_date(value) == (expected, None)


@pytest.mark.parametrize("value", ["1956-13-01", "1956-02-30", "2999-01-01", "abc", "", True])
def test_bad_dates_say_why(value: object) -> None:
    day, reason = p.parse_date(value)
    assert day is None and reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("13812345678.0", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0086-13812345678", "13812345678"),
        ("0936-1234567", "0936-1234567"),
        ("(0936)1234567", "0936-1234567"),
        ("010 12345678", "010-12345678"),
        ("13812345678/13912345678", "13812345678"),
        ("12345", "12345"),
    ],
)
def test_phone_forms(value: object, expected: str) -> None:
    assert p.parse_phone(value) == (expected, None)


@pytest.mark.parametrize("value", ["138****5678", "1381234567", "电话", 1.5, "23812345678"])
def test_bad_phones_say_why(value: object) -> None:
    phone, reason = p.parse_phone(value)
    assert phone is None and reason


def test_tags_map_to_vocabulary_and_list_unknown_words() -> None:
    codes, unknown = p.parse_tags("独居、残疾人，慢病 低保户 80岁以上；孤寡/基础病 退伍军人 吸毒人员")
    assert codes == ["living_alone", "disabled", "chronic", "dibao", "aged_80", "veteran"]
    assert unknown == ["吸毒人员"]
    assert p.parse_tags("无") == ([], [])
    assert p.parse_tags("独居老人、空巢老人、高龄老人") == (["living_alone", "empty_nest", "aged_80"], [])


def test_id_numbers() -> None:
    assert p.parse_id_number("11010519491231002X") == ("11010519491231002X", None)
    assert p.parse_id_number("110105194912310021")[1]  # wrong check digit
    assert p.id_birth("11010519491231002X") == p.Day(1949, 12, 31)
    assert p.id_gender("11010519491231002X") == "F"
    assert p.mask_id("11010519491231002X") == "1101**********002X"
    assert p.mask_phone("13812345678") == "138****5678"


def test_header_row_found_under_merged_titles() -> None:
    rows = [
        ("幸福社区第一网格居民信息台账",),
        ("填报单位：幸福社区", None, None, "填报日期：2024年3月"),
        (),
        (
            "序号",
            "户主姓名",
            "楼号",
            "单元",
            "门牌号",
            "联系电话（手机）",
            "身份证号码",
            "出生年月",
            "重点人群",
            "备注",
        ),
        (1, "王建国", "3", "2", "502"),
    ]
    assert find_header(rows) == 3
    mapping = recognise(rows[3])
    assert mapping == {
        1: "head_name",
        2: "building",
        3: "unit",
        4: "room",
        5: "household_phone",
        6: "id_number",
        7: "birth",
        8: "tags",
        9: "notes",
    }
    assert guess_kind(set(mapping.values())) == "ledger"
    members = recognise(("姓名", "党员类别", "所在支部", "工作单位", "联系电话", "联系户"))
    assert members[0] == "member_name" and guess_kind(set(members.values())) == "members"
    assert guess_kind(set(recognise(("填写说明",)).values())) == "skip"


anything = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1)),
    st.dates(),
    st.booleans(),
    st.text(alphabet="0123456789-号楼栋单元室一二三四五六七八九十零 ０１２３#年月日./+()", max_size=20),
)


@settings(max_examples=200, deadline=None)
@given(anything)
def test_parsers_never_crash_and_always_give_a_value_or_a_reason(value: object) -> None:
    for parser in (
        p.parse_address,
        p.parse_date,
        p.parse_datetime,
        p.parse_phone,
        p.parse_building,
        p.parse_unit,
        p.parse_room,
        p.parse_floor,
        p.parse_id_number,
        p.parse_gender,
        p.parse_occupancy,
        p.parse_count,
        p.parse_member_kind,
    ):
        result, reason = parser(value)
        assert (result is None) != (reason is None), (parser.__name__, value, result, reason)
        if reason is not None:
            assert isinstance(reason, str) and reason
    codes, unknown = p.parse_tags(value)
    assert all(isinstance(c, str) for c in codes + unknown)


@settings(max_examples=120, deadline=None)
@given(
    building=st.integers(1, 99),
    unit=st.integers(1, 9),
    floor=st.integers(1, 33),
    index=st.integers(1, 9),
    form=st.integers(0, 5),
    pad=st.booleans(),
)
def test_written_addresses_read_back(
    building: int, unit: int, floor: int, index: int, form: int, pad: bool
) -> None:
    room = f"{floor}{index:02d}"
    written_room = room.zfill(4) if pad else room
    text = [
        f"{building}号楼{unit}单元{written_room}",
        f"{building}-{unit}-{written_room}",
        f"{building}栋{unit}单元{written_room}室",
        f"{cn_count(building) if building < 100 else building}号楼{cn_count(unit)}单元{cn_digits(int(room))}室",
        full_width(f"{building}号楼{unit}单元{written_room}"),
        f" {building} 幢 {unit} 单元 {written_room} ",
    ][form]
    address, reason = p.parse_address(text)
    assert reason is None, text
    assert (address.number, address.unit, address.room, address.floor) == (building, unit, room, floor), text


@settings(max_examples=120, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date.today()), st.integers(0, 6))
def test_written_dates_read_back(day: date, form: int) -> None:
    serial = (day - date(1899, 12, 30)).days
    # A bare number 1900–2100 in a birth column is a year, not an Excel day number of 1905.
    assume(form != 0 or serial > 2100)
    value, expected = [
        (serial, p.Day(day.year, day.month, day.day)),
        (day.strftime("%Y%m%d"), p.Day(day.year, day.month, day.day)),
        (f"{day.year}年{day.month}月", p.Day(day.year, day.month)),
        (f"{day.year}-{day.month:02d}", p.Day(day.year, day.month)),
        (f"{day.year}.{day.month}.{day.day}", p.Day(day.year, day.month, day.day)),
        (datetime(day.year, day.month, day.day), p.Day(day.year, day.month, day.day)),
        (f"{day.year}年{day.month}月{day.day}日", p.Day(day.year, day.month, day.day)),
    ][form]
    assert p.parse_date(value) == (expected, None)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from("3456789"), st.integers(0, 10**9 - 1), st.integers(0, 4))
def test_written_mobiles_read_back(second: str, rest: int, form: int) -> None:
    number = f"1{second}{rest:09d}"
    value = [
        int(number),
        float(number),
        f"{number[:3]} {number[3:7]} {number[7:]}",
        f"+86 {number}",
        full_width(number),
    ][form]
    assert p.parse_phone(value) == (number, None)
