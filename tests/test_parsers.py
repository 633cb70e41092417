"""The cell normalisers: every address, date, phone and tag form offices write, and never a crash."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gridboard.exchange import parsers as p

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
    from gridboard.models.masking import mask_id, mask_phone

    assert mask_id("11010519491231002X") == "1101**********002X"
    assert mask_phone("13812345678") == "138****5678"


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
        p.parse_gender,
        p.parse_occupancy,
        p.parse_count,
        p.parse_member_kind,
    ):
        result, reason = parser(value)
        assert (result is None) != (reason is None), (parser.__name__, value, result, reason)
        if reason is not None:
            assert isinstance(reason, str) and reason
    # The one documented exception: a wrong check digit gives the ID and the reason.
    id_number, reason = p.parse_id_number(value)
    assert id_number is not None or reason
    assert id_number is None or reason is None or "check digit" in reason
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


# -- control characters and names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keep_newlines", "expected"),
    [
        ("王丽", False, "王丽"),
        ("王\x00丽", False, "王丽"),
        ("\ufeff王丽\u200b", False, "王丽"),
        ("王\u200c\u200d\u2060丽", False, "王丽"),
        ("a\x85b\x9fc\x7f", False, "a bc"),
        ("第一行\r\n第二行\n第三行\t完", False, "第一行 第二行 第三行 完"),
        ("第一行\r\n第二行\r第三行\t完", True, "第一行\n第二行\n第三行\t完"),
        ("a\u2028b\x0bc", True, "a\nbc"),  # a vertical tab is a control, not a line break
        ("  outer  ", False, "  outer  "),
        ("\u202e反向\u202c", False, "反向"),
    ],
)
def test_strip_control(text: str, keep_newlines: bool, expected: str) -> None:
    assert p.strip_control(text, keep_newlines=keep_newlines) == expected


def test_every_cell_goes_through_strip_control() -> None:
    assert p.clean_text("\u200b 3号楼\x00 ") == "3号楼"
    assert p.clean_text("13812345678\r\n13912345678") == "13812345678\n13912345678"
    assert p.plain_text(" 王丽\u200b\x07 ") == "王丽"
    assert p.plain_text("楼上漏水\n已报修") == "楼上漏水 已报修"
    assert p.plain_text("楼上漏水\r\n已报修", keep_newlines=True) == "楼上漏水\n已报修"
    assert p.parse_phone("\ufeff13812345678") == ("13812345678", None)
    assert p.parse_address("3号楼\u200b2单元\x00502")[0] == p.Address("3号楼", 3, 2, "502", 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("王丽", "王丽"),
        ("王  丽", "王丽"),
        ("王\u3000丽", "王丽"),
        (" 王丽 ", "王丽"),
        ("\t王 \n丽\x00", "王丽"),
        ("欧阳 娜娜", "欧阳娜娜"),
        ("Li Ming", "Li Ming"),
        ("  Li   Ming ", "Li Ming"),
        ("Ｌｉ\u3000Ｍｉｎｇ", "Li Ming"),
        ("J. Smith", "J. Smith"),
        ("买买提·艾力", "买买提·艾力"),
        ("买买提•艾力", "买买提·艾力"),
        ("买买提・艾力", "买买提·艾力"),
        ("买买提･艾力", "买买提·艾力"),
        ("买买提 · 艾力", "买买提·艾力"),
        ("买买提.艾力", "买买提·艾力"),
        ("买买提。艾力", "买买提·艾力"),
        ("买买提··艾力", "买买提·艾力"),
        ("王丽\u200b", "王丽"),
        ("", ""),
        (None, ""),
        (123, "123"),
    ],
)
def test_clean_name(value: object, expected: str) -> None:
    assert p.clean_name(value) == expected


# -- phones with notes --------------------------------------------------------------------------------

MASKED = "The phone number is masked (****); it was not imported."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("18712345678（女儿）", ("18712345678", "女儿", None)),
        ("18712345678(女儿)", ("18712345678", "女儿", None)),
        ("187 1234 5678(本人)", ("18712345678", "本人", None)),
        ("0931-8123456 (家)", ("0931-8123456", "家", None)),
        ("女儿 18712345678", ("18712345678", "女儿", None)),
        ("女儿：18712345678", ("18712345678", "女儿", None)),
        ("18712345678，女儿", ("18712345678", "女儿", None)),
        ("18712345678/13912345678", ("18712345678", "另：13912345678", None)),
        ("18712345678、13912345678", ("18712345678", "另：13912345678", None)),
        ("18712345678\n13912345678", ("18712345678", "另：13912345678", None)),
        ("18712345678  13912345678", ("18712345678", "另：13912345678", None)),
        ("187 1234 5678 139 1234 5678", ("18712345678", "另：13912345678", None)),
        ("18712345678（女儿）/13912345678（儿子）", ("18712345678", "女儿；另：13912345678（儿子）", None)),
        ("187****5678/13912345678", ("13912345678", "另：187****5678", None)),
        (18712345678.0, ("18712345678", "", None)),
        (18712345678, ("18712345678", "", None)),
        ("18712345678.0", ("18712345678", "", None)),
        ("18712345678", ("18712345678", "", None)),
        ("电话：18712345678", ("18712345678", "", None)),
        ("手机 18712345678（本人）", ("18712345678", "本人", None)),
        ("+86 138 1234 5678（本人）", ("13812345678", "本人", None)),
        ("(0936)1234567 家", ("0936-1234567", "家", None)),
        ("0931-8123456转801", ("0931-8123456", "转801", None)),
        ("3楼 18712345678", ("18712345678", "3楼", None)),
        ("１８７１２３４５６７８（女儿）", ("18712345678", "女儿", None)),
        ("187****5678", (None, "", MASKED)),
        ("女儿 187****5678", (None, "", MASKED)),
        ("call me maybe", (None, "", "A phone number holds only digits.")),
        ("女儿", (None, "", "A phone number holds only digits.")),
        ("", (None, "", "The phone number is empty.")),
        (None, (None, "", "The phone number is empty.")),
    ],
)
def test_split_phone_note(value: object, expected: tuple) -> None:
    assert p.split_phone_note(value) == expected


@pytest.mark.parametrize("value", ["1381234567", "23812345678", "12", True, 1.5, "1234"])
def test_split_phone_note_says_why(value: object) -> None:
    phone, note, reason = p.split_phone_note(value)
    assert phone is None and note == "" and reason


# -- ID numbers ---------------------------------------------------------------------------------------

LOST = "Excel stored this ID number as a number and lost its last digits; type it again as text."
CHECK = "The ID number's check digit is wrong (a typo?)."


def with_check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("11010519491231002X", ("11010519491231002X", None)),
        ("11010519491231002x", ("11010519491231002X", None)),
        (" 110105 19491231 002X ", ("11010519491231002X", None)),
        ("１１０１０５１９４９１２３１００２Ｘ", ("11010519491231002X", None)),
        ("110105194912310021", ("110105194912310021", CHECK)),
        ("62010219500315100x", ("62010219500315100X", CHECK)),
        (6.20102195003151e17, (None, LOST)),
        (620102195003151000, (None, LOST)),
        (1.10105194912310e17, (None, LOST)),
        (1.10105194912310e16, (None, LOST)),
        ("6.20102E+17", (None, LOST)),
        ("6.20102195003151e+17", (None, LOST)),
        ("620102500315123", ("620102500315123", None)),
        (620102500315123, ("620102500315123", None)),
        (620102500315123.0, ("620102500315123", None)),
        ("1101**********002X", (None, "The ID number is masked (****); it was not imported.")),
        ("", (None, "The ID number is empty.")),
        (None, (None, "The ID number is empty.")),
        ("12345", (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
        (12345, (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
        (1.5, (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
        (float("nan"), (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
        (float("inf"), (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
        (True, (None, "An ID number has 18 characters: 17 digits, then a digit or X.")),
    ],
)
def test_id_number_forms(value: object, expected: tuple) -> None:
    assert p.parse_id_number(value) == expected


@pytest.mark.parametrize(
    ("id_number", "birth", "gender"),
    [
        ("11010519491231002X", p.Day(1949, 12, 31), "F"),
        ("620102500315123", p.Day(1950, 3, 15), "M"),
        ("620102500315124", p.Day(1950, 3, 15), "F"),
        ("620102501315123", None, "M"),  # month 13: no birth date, the gender digit still reads
        ("12345", None, None),
        ("", None, None),
    ],
)
def test_birth_and_gender_inside_ids(id_number: str, birth: p.Day | None, gender: str | None) -> None:
    assert p.id_birth(id_number) == birth
    assert p.id_gender(id_number) == gender


@settings(max_examples=150, deadline=None)
@given(
    region=st.integers(110000, 659999),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    sequence=st.integers(0, 999),
    lower=st.booleans(),
)
def test_generated_ids_read_back_and_number_cells_never_do(
    region: int, born: date, sequence: int, lower: bool
) -> None:
    id_number = with_check_digit(f"{region}{born:%Y%m%d}{sequence:03d}")
    written = id_number.lower() if lower else id_number
    assert p.parse_id_number(written) == (id_number, None)
    assert p.id_birth(id_number) == p.Day(born.year, born.month, born.day)
    assert p.id_gender(id_number) == ("M" if sequence % 2 else "F")
    if id_number[-1] != "X":
        assert p.parse_id_number(float(id_number)) == (None, LOST)
        assert p.parse_id_number(int(float(id_number))) == (None, LOST)
    wrong = id_number[:17] + ("0" if id_number[17] != "0" else "1")
    assert p.parse_id_number(wrong) == (wrong, CHECK)
    if 1900 <= born.year <= 1999:
        old = f"{region}{born:%y%m%d}{sequence:03d}"
        assert p.parse_id_number(old) == (old, None)
        assert p.parse_id_number(int(old)) == (old, None)
        assert p.id_birth(old) == p.Day(born.year, born.month, born.day)
        assert p.id_gender(old) == ("M" if sequence % 2 else "F")


# -- yes / no -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["是", "√", "✓", "✔", "有", "1", "Y", "y", "yes", "Yes", "true", "TRUE", "是的", "☑", "■", "●",
              " 是 ", "１", 1, 1.0, True]
)  # fmt: skip
def test_yes(value: object) -> None:
    assert p.parse_yes_no(value) == (True, None)


@pytest.mark.parametrize(
    "value", ["否", "×", "✗", "✘", "无", "没有", "0", "N", "n", "no", "NO", "false", "□", "○", 0, 0.0, False]
)
def test_no(value: object) -> None:
    assert p.parse_yes_no(value) == (False, None)


@pytest.mark.parametrize(
    "value", ["", None, "   ", "maybe", "独居", 2, 0.5, float("nan"), datetime(2024, 1, 1)]
)
def test_yes_no_otherwise_says_why(value: object) -> None:
    answer, reason = p.parse_yes_no(value)
    assert answer is None and reason
    if value in ("", None, "   "):
        assert reason == "The yes/no cell is empty."


# -- disabilities -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("肢体二级", p.Disability("肢体", 2, "肢体二级")),
        ("二级肢体", p.Disability("肢体", 2, "肢体二级")),
        ("肢体残疾二级", p.Disability("肢体", 2, "肢体二级")),
        ("肢体残疾 2级", p.Disability("肢体", 2, "肢体二级")),
        ("视力三级", p.Disability("视力", 3, "视力三级")),
        ("听力 4级", p.Disability("听力", 4, "听力四级")),
        ("智力一级", p.Disability("智力", 1, "智力一级")),
        ("精神二级", p.Disability("精神", 2, "精神二级")),
        ("言语三级", p.Disability("言语", 3, "言语三级")),
        ("语言三级", p.Disability("言语", 3, "言语三级")),
        ("多重一级", p.Disability("多重", 1, "多重一级")),
        ("肢体", p.Disability("肢体", None, "肢体")),
        ("智障", p.Disability("智力", None, "智力")),
        ("二级", p.Disability(None, 2, "二级")),
        ("Ⅱ级", p.Disability(None, 2, "二级")),
        (2, p.Disability(None, 2, "二级")),
        ("肢体2", p.Disability("肢体", 2, "肢体二级")),  # 残疾类别 + 残疾等级 columns read together
        ("残疾人证 肢体二级", p.Disability("肢体", 2, "肢体二级")),
        ("肢体残疾二级（左腿）", p.Disability("肢体", 2, "肢体二级")),
        ("肢体(二级)", p.Disability("肢体", 2, "肢体二级")),
        ("肢体、视力二级", p.Disability("多重", 2, "多重二级")),
        ("是", p.Disability(None, None, "")),
        ("√", p.Disability(None, None, "")),
        (True, p.Disability(None, None, "")),
        ("残疾", p.Disability(None, None, "")),
    ],
)
def test_disability_forms(value: object, expected: p.Disability) -> None:
    assert p.parse_disability(value) == (expected, None)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("一户多残", "Not a disability"),
        ("精神病", "Not a disability"),
        ("肢体五级", "grade"),
        (7, "grade"),
        ("否", "no disability"),
        ("无", "no disability"),
        (0, "no disability"),
        (False, "no disability"),
        ("", "empty"),
        (None, "empty"),
    ],
)
def test_disability_otherwise_says_why(value: object, reason: str) -> None:
    found, why = p.parse_disability(value)
    assert found is None and reason in why


# -- tags ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("独居", "living_alone"),
        ("独居老人", "living_alone"),
        ("孤寡", "living_alone"),
        ("空巢", "empty_nest"),
        ("空巢老人", "empty_nest"),
        ("80岁以上", "aged_80"),
        ("80周岁以上", "aged_80"),
        ("八十周岁以上", "aged_80"),
        ("90岁以上老人", "aged_80"),
        ("高龄", "aged_80"),
        ("高龄老人", "aged_80"),
        ("特困供养", "tekun"),
        ("特困供养人员", "tekun"),
        ("五保户", "tekun"),
        ("低保", "dibao"),
        ("低保户", "dibao"),
        ("城乡低保", "dibao"),
        ("低保家庭", "dibao"),
        ("低保对象", "dibao"),
        ("低保边缘户", "dibao_edge"),
        ("低收入家庭", "dibao_edge"),
        ("残疾人", "disabled"),
        ("持证残疾人", "disabled"),
        ("慢性病", "chronic"),
        ("慢病", "chronic"),
        ("基础病", "chronic"),
        ("重病", "chronic"),
        ("大病", "chronic"),
        ("留守儿童", "left_behind"),
        ("困境儿童", "child_difficulty"),
        ("事实无人抚养儿童", "child_difficulty"),
        ("孤儿", "child_difficulty"),
        ("孕产妇", "pregnant"),
        ("孕妇", "pregnant"),
        ("退役军人", "veteran"),
        ("优抚对象", "veteran"),
        ("living_alone", "living_alone"),
        ("Veteran", "veteran"),
        # yes/no column headers
        ("是否独居老人", "living_alone"),
        ("独居老人（是/否）", "living_alone"),
        ("独居老人(是/否)", "living_alone"),
        ("是否为低保户", "dibao"),
        ("是否残疾", "disabled"),
        ("低保（√）", "dibao"),
        ("（独居）", "living_alone"),
        # not tags
        ("军属", None),
        ("姓名", None),
        ("户", None),
        ("", None),
    ],
)
def test_tag_code(word: str, code: str | None) -> None:
    assert p.tag_code(word) == code


def test_tag_code_with_the_offices_own_words() -> None:
    extra = {"军属": "veteran", "失独": "living_alone"}
    assert p.tag_code("军属", extra) == "veteran"
    assert p.tag_code("军属家庭", extra) == "veteran"
    assert p.tag_code("是否失独", extra) == "living_alone"
    assert p.tag_code("独居", extra) == "living_alone"
    assert p.tag_code("吸毒人员", extra) is None


@pytest.mark.parametrize(
    ("value", "codes", "unknown"),
    [
        ("独居、低保", ["living_alone", "dibao"], []),
        ("独居，低保,残疾/慢病；高龄;孕妇|留守儿童 退役军人", [
            "living_alone", "dibao", "disabled", "chronic", "aged_80", "pregnant", "left_behind", "veteran",
        ], []),
        ("独居\n低保\r\n残疾人", ["living_alone", "dibao", "disabled"], []),
        ("独居老人、独居", ["living_alone"], []),
        ("低保家庭 特困供养人员 低收入家庭", ["dibao", "tekun", "dibao_edge"], []),
        ("军属、独居、军属", ["living_alone"], ["军属"]),
        ("无", [], []),
        ("否", [], []),
        ("一般", [], []),
        ("普通", [], []),
        ("正常", [], []),
        ("-", [], []),
        ("暂无", [], []),
        ("", [], []),
        (None, [], []),
    ],
)  # fmt: skip
def test_parse_tags(value: object, codes: list[str], unknown: list[str]) -> None:
    assert p.parse_tags(value) == (codes, unknown)


def test_parse_tags_with_extra_words_keeps_the_order() -> None:
    assert p.parse_tags("独居、军属、低保", {"军属": "veteran"}) == (["living_alone", "veteran", "dibao"], [])


# -- kinds of member, pairing, relations, ditto -------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        *[(w, "building_head") for w in ("楼栋长", "楼长", "楼院长", "栋长")],
        *[(w, "unit_head") for w in ("单元长", "门栋长")],
        *[(w, "in_service") for w in ("报到党员", "双报到党员", "在职党员", "在职", "在职党员（双报到）")],
        *[(w, "grid_worker") for w in ("网格员", "专职网格员", "兼职网格员")],
        *[(w, "cadre") for w in ("下沉干部", "下沉党员", "机关干部", "包联干部")],
        *[(w, "community_member") for w in ("社区党员", "离退休党员", "退休党员", "农村党员", "党员", "")],
        *[(w, "volunteer") for w in ("志愿者", "党员志愿者")],
        (None, "community_member"),
        ("cadre", "cadre"),
    ],
)
def test_member_kinds(word: object, kind: str) -> None:
    assert p.parse_member_kind(word) == (kind, None)


@pytest.mark.parametrize("word", ["群众", "军属", "abc", 3])
def test_unknown_member_kind_says_why(word: object) -> None:
    kind, reason = p.parse_member_kind(word)
    assert kind is None and reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[(w, ("pairing", "1+1")) for w in ("1+1", "1＋1", "一对一", "1对1", "一帮一", " 1 + 1 ", "1+1结对")],
        *[(w, ("pairing", "N+1")) for w in ("N+1", "n+1", "多对一", "多帮一", "2+1", "3+1")],
        *[(w, ("pairing", "1+N")) for w in ("1+N", "1+n", "一对多", "1+2", "1+3")],
        *[(w, ("scope", "floor")) for w in ("包楼层", "包层", "楼层")],
        *[(w, ("scope", "unit")) for w in ("包单元", "单元")],
        *[(w, ("scope", "building")) for w in ("包楼栋", "包楼", "包栋", "包楼院")],
    ],
)
def test_pairing_modes(value: str, expected: tuple[str, str]) -> None:
    assert p.parse_pairing_mode(value) == (expected, None)


@pytest.mark.parametrize("value", ["2+2", "1+1+1+N", "结对", "xyz", "", None, 1, True])
def test_unknown_pairing_mode_says_why(value: object) -> None:
    found, reason = p.parse_pairing_mode(value)
    assert found is None and reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[(w, True) for w in ("同上", "同 上", " 同上 ", "〃", "″", '"', "''", "“”", "”", "々", "同前")],
        *[(w, True) for w in ("ditto", "Ditto", "同上。")],
        *[(w, False) for w in ("同左", "上", "", "王丽", "3号楼", "同上面那户")],
        (None, False),
        (3, False),
        (True, False),
        (datetime(2024, 1, 1), False),
    ],
)
def test_is_same_as_above(value: object, expected: bool) -> None:
    assert p.is_same_as_above(value) is expected


HEAD_WORDS = ("户主", "本人", "户主本人", "之户主", "户主(本人)", " 户 主 ")
KIN_WORDS = (  # noqa: SIM905 - a word list reads better as words
    "配偶 妻 夫 子 女 长子 次女 孙子 孙女 外孙 父 母 岳母 儿媳 女婿 兄 弟 姐 妹 其他 租户 保姆 "
    "妻子 丈夫 儿子 女儿 二女儿 小儿子 户主之妻 之子 外孙女 公公 婆婆 侄子 非亲属"
).split()


@pytest.mark.parametrize(
    ("value", "expected"), [*[(w, "head") for w in HEAD_WORDS], *[(w, "member") for w in KIN_WORDS]]
)
def test_relations(value: str, expected: str) -> None:
    assert p.parse_relation(value) == (expected, None)


@pytest.mark.parametrize("value", ["", None, "王建国", "502", 1, "3号楼"])
def test_unknown_relation_says_why(value: object) -> None:
    found, reason = p.parse_relation(value)
    assert found is None and reason


# -- addresses offices write --------------------------------------------------------------------------


def fields(address: p.Address) -> tuple:
    return (
        address.estate,
        address.building,
        address.number,
        address.unit,
        address.room,
        address.floor,
        address.kind,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an estate before the address
        ("幸福小区2-1-401", ("幸福小区", "2号楼", 2, 1, "401", 4, "apartment")),
        ("和谐家园3栋1单元502室", ("和谐家园", "3号楼", 3, 1, "502", 5, "apartment")),
        ("幸福社区幸福小区1号楼2单元301", ("幸福小区", "1号楼", 1, 2, "301", 3, "apartment")),
        ("兰州市城关区幸福社区幸福小区1号楼2单元301", ("幸福小区", "1号楼", 1, 2, "301", 3, "apartment")),
        ("城关区东岗街道幸福小区 1号楼 2单元 301", ("幸福小区", "1号楼", 1, 2, "301", 3, "apartment")),
        ("幸福路12号幸福小区3号楼2单元502", ("幸福小区", "3号楼", 3, 2, "502", 5, "apartment")),
        ("幸福社区3号楼2单元502", (None, "3号楼", 3, 2, "502", 5, "apartment")),
        ("幸福小区东区3号楼2单元502", ("幸福小区东区", "3号楼", 3, 2, "502", 5, "apartment")),
        ("三里河小区2-1-401", ("三里河小区", "2号楼", 2, 1, "401", 4, "apartment")),  # numerals in names stay
        ("幸福一村3号楼1单元101", ("幸福一村", "3号楼", 3, 1, "101", 1, "apartment")),
        ("7号院3号楼2单元502", ("7号院", "3号楼", 3, 2, "502", 5, "apartment")),
        ("地址：3号楼2单元502", (None, "3号楼", 3, 2, "502", 5, "apartment")),
        # lettered buildings keep the letter and the word as written
        ("金城花园A座", ("金城花园", "A座", None, None, None, None, "apartment")),
        ("金城花园A座3单元502", ("金城花园", "A座", None, 3, "502", 5, "apartment")),
        ("金城花园b栋1单元101", ("金城花园", "B栋", None, 1, "101", 1, "apartment")),
        # households without a room number: the house keeps its text, on floor 1
        ("平房区12号院", (None, "平房区", None, None, "12号院", 1, "courtyard")),
        ("城关区平房区12号院", (None, "平房区", None, None, "12号院", 1, "courtyard")),
        ("幸福路18号商铺", (None, "幸福路", None, None, "18号商铺", 1, "courtyard")),
        ("幸福路20号门面", (None, "幸福路", None, None, "20号门面", 1, "courtyard")),
        ("幸福路305号商铺", (None, "幸福路", None, None, "305号商铺", 1, "courtyard")),
        ("建设村3组15号", (None, "建设村3组", None, None, "15号", 1, "courtyard")),
        ("青城镇建设村3组15号", (None, "建设村3组", None, None, "15号", 1, "courtyard")),
        ("幸福里平房院3号", (None, "幸福里平房院", None, None, "3号", 1, "courtyard")),
        # the forms that always worked
        ("3-2-502", (None, "3号楼", 3, 2, "502", 5, "apartment")),
        ("3号楼2单元502", (None, "3号楼", 3, 2, "502", 5, "apartment")),
        ("7号院3号", (None, "7号院", 7, None, "3", 1, "courtyard")),
        ("7号院12号", (None, "7号院", 7, None, "12", 1, "courtyard")),
        ("7号院", (None, "7号院", 7, None, None, None, "courtyard")),
        ("三号楼二单元五零二室", (None, "3号楼", 3, 2, "502", 5, "apartment")),
        ("三号楼二单元", (None, "3号楼", 3, 2, None, None, "apartment")),
        ("0502", (None, None, None, None, "502", 5, "apartment")),
        ("502A", (None, None, None, None, "502A", 5, "apartment")),
        ("1203", (None, None, None, None, "1203", 12, "apartment")),
        ("12-3-1203", (None, "12号楼", 12, 3, "1203", 12, "apartment")),
        # basements
        ("B101", (None, None, None, None, "B101", -1, "apartment")),
        ("-101", (None, None, None, None, "B101", -1, "apartment")),
        ("3号楼2单元B101", (None, "3号楼", 3, 2, "B101", -1, "apartment")),
        ("3号楼2单元B502", (None, "3号楼", 3, 2, "B502", -5, "apartment")),
        ("3-2-B201", (None, "3号楼", 3, 2, "B201", -2, "apartment")),
        ("3号楼2单元12001", (None, "3号楼", 3, 2, "12001", 120, "apartment")),
    ],
)
def test_addresses_offices_write(text: str, expected: tuple) -> None:
    address, reason = p.parse_address(text)
    assert reason is None, text
    assert fields(address) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("3号楼2单元B601", "A room number says a basement deeper than 5 floors."),
        ("3号楼2单元12101", "A room number says floor above 120."),
        ("3号楼51单元101", "A unit number must be 1 to 50."),
        ("3-0-101", "A unit number must be 1 to 50."),
        ("幸福小区", "This is not an address gridboard can read."),
        ("楼上那家", "This is not an address gridboard can read."),
        ("", "The address is empty."),
        (None, "The address is empty."),
    ],
)
def test_addresses_that_say_why(text: object, reason: str) -> None:
    assert p.parse_address(text) == (None, reason)


def test_address_keeps_its_old_positional_shape() -> None:
    address = p.Address("3号楼", 3, 2, "502", 5)
    assert (address.estate, address.kind) == (None, "apartment")
    assert p.parse_address("3号楼2单元502")[0] == address


@pytest.mark.parametrize(
    ("room", "floor"),
    [("502", 5), ("1203", 12), ("12", 1), ("B101", -1), ("-101", -1), ("B201", -2), ("B1", -1), ("12号院", 1),
     ("18号商铺", 1), ("305号商铺", 1), ("", 1)],
)  # fmt: skip
def test_room_floor(room: str, floor: int) -> None:
    assert p.room_floor(room) == floor


@pytest.mark.parametrize(
    ("value", "expected"),
    [("502", "502"), ("0502", "502"), ("502室", "502"), ("五零二", "502"), ("B101", "B101"), ("b101", "B101"),
     ("-101", "B101"), ("负101", "B101"), ("地下101", "B101"), ("3-2-502", "502"), (502, "502")],
)  # fmt: skip
def test_room_forms(value: object, expected: str) -> None:
    assert p.parse_room(value) == (expected, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5), ("5层", 5), ("5楼", 5), ("5F", 5), ("五层", 5), ("第5层", 5), (5, 5), (5.0, 5), ("120", 120),
     ("-1", -1), ("B1", -1), ("负1层", -1), ("地下2层", -2), ("-5", -5)],
)  # fmt: skip
def test_floor_forms(value: object, expected: int) -> None:
    assert p.parse_floor(value) == (expected, None)


@pytest.mark.parametrize("value", ["0", "121", "-6", "B6", "abc", "", None, 5.5, True])
def test_bad_floors_say_why(value: object) -> None:
    floor, reason = p.parse_floor(value)
    assert floor is None and reason


ESTATES = ("幸福小区", "和谐家园", "金城花园", "三里河小区", "阳光100城", "幸福小区东区")


@settings(max_examples=150, deadline=None)
@given(
    estate=st.sampled_from(ESTATES),
    place=st.sampled_from(("", "兰州市", "城关区", "兰州市城关区", "幸福社区", "东岗街道幸福社区")),
    building=st.integers(1, 99),
    unit=st.integers(1, 9),
    floor=st.integers(-5, 33).filter(bool),
    index=st.integers(1, 9),
    form=st.integers(0, 2),
)
def test_addresses_with_estates_read_back(
    estate: str, place: str, building: int, unit: int, floor: int, index: int, form: int
) -> None:
    room = f"{floor}{index:02d}" if floor > 0 else f"B{-floor}{index:02d}"
    text = (
        place
        + estate
        + [
            f"{building}号楼{unit}单元{room}",
            f"{building}-{unit}-{room}",
            f" {building}栋 {unit}单元 {room}室",
        ][form]
    )
    address, reason = p.parse_address(text)
    assert reason is None, text
    assert fields(address) == (estate, f"{building}号楼", building, unit, room, floor, "apartment"), text


# -- grid and community names from sheet names and titles ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一网格", "一网格"),
        ("第一网格", "第一网格"),
        ("1网格", "1网格"),
        ("网格一", "网格一"),
        ("第1网格", "第1网格"),
        ("第１网格", "第1网格"),
        ("幸福社区第三网格居民花名册", "第三网格"),
        ("3号网格", "3号网格"),
        ("网格3", "网格3"),
        ("第十二网格（东区）", "第十二网格"),
        ("Sheet1", None),
        ("汇总", None),
        ("填表说明", None),
        ("网格员花名册", None),
        ("", None),
        (None, None),
    ],
)
def test_grid_name(text: object, expected: str | None) -> None:
    assert p.grid_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("兰州市城关区幸福社区第一网格居民花名册", "幸福社区"),
        ("XX街道幸福社区", "幸福社区"),
        ("东岗街道幸福社区居委会", "幸福社区"),
        ("甘肃省张掖市甘州区东街街道南关社区花名册", "南关社区"),
        ("幸福社区", "幸福社区"),
        ("建设路社区网格员名单", "建设路社区"),
        ("XX街道新市社区", "新市社区"),
        ("社区党员花名册", None),
        ("本社区居民", None),
        ("Sheet1", None),
        ("", None),
        (None, None),
    ],
)
def test_community_name(text: object, expected: str | None) -> None:
    assert p.community_name(text) == expected


# -- never a crash, always the same answer ------------------------------------------------------------

any_cell = st.one_of(
    st.text(),
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    st.datetimes(),
    st.text(
        alphabet="0123456789-号楼栋单元室院组商铺小区社区区市路一二三四五六七八九十BAx* 　（）()/、",
        max_size=24,
    ),
    st.text(
        alphabet="是否√×同上〃\"'肢体视力二级残疾独居低保人员家庭户网格第社区1+N对包楼层\u200b\x00\n\r\t",
        max_size=12,
    ),
)
PAIR_PARSERS = (
    p.parse_address,
    p.parse_building,
    p.parse_unit,
    p.parse_room,
    p.parse_floor,
    p.parse_date,
    p.parse_datetime,
    p.parse_phone,
    p.parse_gender,
    p.parse_occupancy,
    p.parse_count,
    p.parse_member_kind,
    p.parse_yes_no,
    p.parse_disability,
    p.parse_pairing_mode,
    p.parse_relation,
)
TEXT_FUNCTIONS = (p.clean_text, p.plain_text, p.clean_name, p.strip_control)


@settings(max_examples=300, deadline=None)
@given(any_cell)
def test_every_public_parser_never_raises_and_is_stable(value: object) -> None:
    for parser in PAIR_PARSERS:
        first = parser(value)
        assert first == parser(value), parser.__name__
        result, reason = first
        assert (result is None) != (reason is None), (parser.__name__, value, first)
        assert reason is None or (isinstance(reason, str) and reason)
    found, reason = p.parse_id_number(value)
    assert (found, reason) == p.parse_id_number(value)
    assert found is not None or reason
    assert found is None or reason in (None, CHECK)
    phone, note, reason = p.split_phone_note(value)
    assert (phone, note, reason) == p.split_phone_note(value)
    assert (phone is None) != (reason is None) and isinstance(note, str)
    assert phone is not None or note == ""
    for function in TEXT_FUNCTIONS:
        text = function(value)
        assert isinstance(text, str) and text == function(value)
    assert isinstance(p.is_same_as_above(value), bool)
    for name in (p.grid_name(value), p.community_name(value), p.tag_code(value)):  # type: ignore[arg-type]
        assert name is None or (isinstance(name, str) and name)
    codes, unknown = p.parse_tags(value)
    assert (codes, unknown) == p.parse_tags(value)
    assert all(isinstance(c, str) and c for c in codes + unknown)
    assert p.parse_tags(value, {"军属": "veteran"})[0][: len(codes)] == codes or unknown


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="王丽 　·•・.。\u200b\x00\n\tLi Ming", max_size=16)))
def test_cleaned_text_is_clean_and_cleaning_twice_changes_nothing(text: str) -> None:
    for keep in (False, True):
        stripped = p.strip_control(text, keep_newlines=keep)
        assert p.strip_control(stripped, keep_newlines=keep) == stripped
        allowed = "\n\t" if keep else ""
        assert not any(
            (unicodedata.category(ch) == "Cc" and ch not in allowed) or ch in "\u200b\u200c\u200d\u2060\ufeff"
            for ch in stripped
        )
    name = p.clean_name(text)
    assert p.clean_name(name) == name
    assert name == name.strip() and "  " not in name
    assert p.clean_text(p.clean_text(text)) == p.clean_text(text)


@settings(max_examples=150, deadline=None)
@given(
    number=st.sampled_from("3456789").flatmap(
        lambda d: st.integers(0, 10**9 - 1).map(lambda r: f"1{d}{r:09d}")
    ),
    note=st.sampled_from(("女儿", "本人", "儿子", "家", "单位")),
    form=st.integers(0, 4),
)
def test_phones_with_notes_read_back(number: str, note: str, form: int) -> None:
    text = [
        f"{number}（{note}）",
        f"{number}({note})",
        f"{note} {number}",
        f"{number[:3]} {number[3:7]} {number[7:]}（{note}）",
        f"{note}：{number}",
    ][form]
    assert p.split_phone_note(text) == (number, note, None)
    assert p.parse_phone(number) == (number, None)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789-#号楼栋幢单元室幸福小区社区城关市路院座A负地下一三 ", max_size=20),
        st.builds(
            lambda estate, b, word, u, room: f"{estate}{b}{word}{u}{'单元' if word != '-' else '-'}{room}",
            st.sampled_from(
                ("", "幸福小区", "阳光花园", "三里河小区", "城关区幸福小区", "幸福社区", "地址", "A")
            ),
            st.integers(0, 999).map(str) | st.sampled_from(("03", "007")),
            st.sampled_from(("号楼", "栋", "幢", "#", "-")),
            st.integers(0, 60).map(str) | st.sampled_from(("02", "00")),
            st.integers(0, 99999).map(str) | st.sampled_from(("0502", "0000", "502室")),
        ),
    )
)
def test_the_quick_address_forms_agree_with_the_full_reading(text: str) -> None:
    quick = p._common_address(text)
    assert quick is None or quick == p._read_address(text), text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(alphabet="王丽欧阳娜 　·.\u200b", max_size=8)))
def test_the_quick_name_form_agrees_with_the_full_cleaning(text: str) -> None:
    if p._PLAIN_CJK_NAME.fullmatch(text):
        assert p._clean_name.__wrapped__(text + "\u200b") == text
