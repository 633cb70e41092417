"""Chinese names, places, work units and phrases that make demo data look like a real ledger."""

from __future__ import annotations

import random

# The commonest surnames with their approximate shares (per mille) in the 2020 census, so a grid's
# roster reads like a real one: many 王/李/张, few 欧阳.
# fmt: off
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71), ("李", 69), ("张", 64), ("刘", 54), ("陈", 46), ("杨", 31), ("黄", 25), ("赵", 24),
    ("吴", 20), ("周", 19), ("徐", 15), ("孙", 15), ("马", 15), ("朱", 13), ("胡", 13), ("郭", 12),
    ("何", 12), ("林", 11), ("高", 11), ("罗", 10), ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8),
    ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7), ("邓", 7), ("曹", 7), ("彭", 6), ("曾", 6),
    ("肖", 6), ("田", 6), ("董", 6), ("袁", 5), ("潘", 5), ("于", 5), ("蒋", 5), ("蔡", 5),
    ("余", 5), ("杜", 5), ("叶", 5), ("程", 5), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
    ("任", 4), ("沈", 4), ("姚", 4), ("卢", 4), ("姜", 4), ("崔", 4), ("钟", 3), ("谭", 3),
    ("陆", 3), ("汪", 3), ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3),
    ("韦", 3), ("付", 3), ("方", 3), ("白", 3), ("邹", 3), ("孟", 3), ("熊", 3), ("秦", 3),
    ("邱", 3), ("江", 3), ("尹", 3), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
    ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2),
    ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("覃", 2), ("武", 2), ("戴", 2),
    ("欧阳", 0.5), ("司马", 0.1), ("上官", 0.1), ("诸葛", 0.05),
)
# fmt: on

# Given names by generation and sex: 建国/秀英 for people born before 1960, 伟/丽/海燕 for 1960–1989,
# 子涵/梓萱 for those born since 1990. Single characters are the one-character given names.
_GIVEN2 = {
    (
        "old",
        "M",
    ): "建国 建华 国庆 德明 志强 福生 文明 永福 长海 玉山 振华 树林 宝山 金生 有才 春生 庆祥 世荣 继忠 学文",
    (
        "old",
        "F",
    ): "秀英 桂兰 淑珍 玉兰 凤英 秀兰 桂英 玉珍 淑芬 翠花 素梅 秀珍 凤琴 桂芳 玉梅 春兰 秀云 金凤 淑兰 月英",
    (
        "mid",
        "M",
    ): "海涛 志刚 建军 晓东 永强 立新 卫东 红军 国强 小龙 俊峰 海波 建伟 明亮 文斌 振宇 东升 晓明 天宇 浩然",
    (
        "mid",
        "F",
    ): "海燕 丽娟 晓红 艳红 春梅 丽华 秀梅 晓燕 彩霞 亚楠 婷婷 雪梅 晓丽 红梅 美玲 丽萍 文静 玉洁 慧敏 小芳",
    (
        "young",
        "M",
    ): "子轩 浩宇 宇航 俊杰 梓豪 皓轩 博文 一鸣 睿泽 子墨 浩然 天佑 嘉懿 思远 晨阳 铭泽 宇轩 子豪 文博 沐阳",
    (
        "young",
        "F",
    ): "子涵 梓萱 欣怡 雨彤 诗琪 可馨 思语 佳怡 若曦 一诺 紫涵 语嫣 悦瑶 梦琪 雨萱 欣妍 诗涵 佳琪 梓涵 雨桐",
}
_GIVEN1 = {
    ("old", "M"): "福 贵 军 平 忠 林 山 成 荣 才 明 华",
    ("old", "F"): "英 兰 珍 芳 凤 琴 梅 霞 云 秀",
    ("mid", "M"): "伟 强 磊 军 勇 涛 斌 杰 鹏 辉 刚 峰 超 波 健 亮",
    ("mid", "F"): "丽 静 敏 燕 艳 娟 霞 芳 玲 红 莉 颖 琳 雪 慧 萍",
    ("young", "M"): "浩 宇 轩 博 泽 睿 辰 皓 铭 翔 航 哲",
    ("young", "F"): "涵 萱 怡 彤 琪 馨 瑶 婷 悦 妍 璐 雯",
}
_GIVEN = {key: (tuple(_GIVEN1[key].split()), tuple(_GIVEN2[key].split())) for key in _GIVEN2}


def _era(birth_year: int) -> str:
    if birth_year < 1960:
        return "old"
    return "mid" if birth_year < 1990 else "young"


class NamePicker:
    """Draws Chinese names with a realistic surname mix from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _ in SURNAMES]
        total = 0.0
        self._cum: list[float] = []
        for _, weight in SURNAMES:
            total += weight
            self._cum.append(total)

    def surname(self) -> str:
        return self.rng.choices(self._surnames, cum_weights=self._cum)[0]

    def given(self, gender: str, birth_year: int) -> str:
        singles, doubles = _GIVEN[(_era(birth_year), gender)]
        # Some names have a single given character (王伟, 李静): more so in older people.
        if self.rng.random() < (0.3 if birth_year < 1975 else 0.12):
            return self.rng.choice(singles)
        # Half the time recombine two names' characters (建国 + 志强 → 建强) for a wider variety.
        first = self.rng.choice(doubles)
        if self.rng.random() < 0.5:
            return first
        return first[0] + self.rng.choice(doubles)[1]

    def full(self, gender: str, birth_year: int, surname: str | None = None) -> str:
        return (surname or self.surname()) + self.given(gender, birth_year)


# fmt: off
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "185", "186", "187", "188", "189",
)
# fmt: on


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


# GB 11643 check digit: weights 2^(17-i) mod 11, remainder mapped to 1 0 X 9 8 7 6 5 4 3 2.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def id_number(rng: random.Random, area: str, birth_year: int, gender: str) -> str:
    """An 18-digit resident ID: area, birth date, sequence (odd for men), check digit."""
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    seq = rng.randrange(0, 500) * 2 + (1 if gender == "M" else 0)
    first17 = f"{area}{birth_year:04d}{month:02d}{day:02d}{seq:03d}"
    return first17 + id_check_digit(first17)


# County-level area codes of the three cities in the source report (Zhangye, Shenyang Dadong, Anqing).
AREA_CODES = ("620702", "620721", "210104", "210102", "340802", "340803", "340811")

# fmt: off
COMMUNITY_NAMES = (
    "幸福", "和平", "建设", "团结", "光明", "新华", "东风", "胜利", "朝阳", "友谊", "长安", "滨河",
    "振兴", "康乐", "文化", "解放", "民主", "北关", "南关", "西街", "东街", "青年", "红星", "前进",
    "育才", "花园", "民安", "兴隆", "新村", "金城", "丹霞", "甘泉", "祁连", "湿地", "大观", "玉琳",
    "菱湖", "龙山", "集贤", "人民", "工农", "翠微", "钟楼", "鼓楼", "西关", "东关", "新乐", "长胜",
    "万寿", "小东", "大东", "津桥", "二台子", "东站", "劳动", "富民", "锦绣", "润泽", "祥和", "怡园",
    "安居", "馨园", "春晖", "南湖",
)

STREET_NAMES = (
    "县府街", "南街", "北街", "东环路", "西环路", "青年东街", "民主西街", "劳动街", "长寿路", "滨河路",
    "龙山路", "菱湖南路", "大东路", "小东路", "北海街",
)
# fmt: on

_NUMERALS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals as ledgers write them: 第十二网格."""
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def community_name(index: int) -> str:
    base = COMMUNITY_NAMES[index % len(COMMUNITY_NAMES)]
    # Past the list, a second community of the same name gets a number, as new estates do (幸福二社区).
    lap = index // len(COMMUNITY_NAMES)
    return f"{base}{chinese_number(lap + 1) if lap else ''}社区"


def grid_name(index: int) -> str:
    return f"第{chinese_number(index)}网格"


# fmt: off
# Where in-service members (在职党员) work, and the offices that send cadres down (下沉干部).
WORK_UNITS = (
    "市税务局", "区人民医院", "市第一中学", "区财政局", "市自然资源局", "区教育局", "市中医院",
    "区住建局", "市公安局交警支队", "区法院", "市图书馆", "区市场监管局", "国网供电公司",
    "市第二人民医院", "区实验小学", "市生态环境局", "区卫健委", "中国银行支行", "市自来水公司",
    "区文化馆", "市农业农村局", "市委党校", "区检察院", "市统计局", "区医保局",
)
CADRE_UNITS = (
    "区民政局", "街道办事处", "区人社局", "区委组织部", "区应急管理局", "区司法局", "区信访局",
    "区城管局", "区退役军人事务局", "区残联",
)

# Who takes a dispatched request when it is not a member: 多方接单.
DEPARTMENTS = (
    "物业公司", "区住建局", "社区卫生服务站", "供热公司", "自来水公司", "燃气公司", "派出所",
    "区城管局", "区民政局", "街道综治中心", "区市场监管局", "社区居委会",
)

REQUEST_TEXTS: dict[str, tuple[str, ...]] = {
    "medicine": ("需要代购降压药", "行动不便，需陪同就医", "慢病药品续方", "需要上门测血压", "胰岛素快用完了"),
    "repairs": ("楼道灯不亮", "厨房下水道堵塞", "单元门禁损坏", "暖气不热", "屋顶漏水", "水管冻裂"),
    "property": ("楼道无人打扫", "垃圾清运不及时", "电梯经常故障", "物业费收取有异议", "绿化带无人修剪"),
    "parking": ("停车收费标准不清楚", "车位被长期占用", "小区门口乱停车", "充电桩不够用"),
    "benefits": ("咨询高龄津贴办理", "低保年审材料", "医保报销咨询", "残疾证换领", "养老金资格认证"),
    "dispute": ("邻里噪音纠纷", "楼上漏水引发纠纷", "宠物扰民", "公共区域占用纠纷"),
    "hazard": ("楼道堆放杂物", "电动车楼道充电", "燃气管道老化", "消防通道被占", "外墙瓷砖松动"),
    "supplies": ("需要生活物资配送", "需要药品配送", "缺少取暖用品", "需要饮用水"),
    "other": ("咨询疫苗接种", "办理居住证明", "咨询老年大学报名", "反映小区夜间照明不足"),
}

RESOLUTIONS = ("已上门处理", "已协调物业解决", "已代购送达", "已联系相关部门办结", "已解释政策，居民认可",
               "已维修完毕", "双方达成和解", "已清理完毕")

VISIT_NOTES = (
    "身体状况良好", "老人精神不错", "血压偏高，已提醒按时服药", "家中暖气正常", "反映楼道灯不亮",
    "已送药上门", "子女近期回家探望", "已宣传防诈骗知识", "已检查燃气安全", "需关注独居情况",
    "已告知社区服务电话", "家中无异常", "已登记疫苗接种意愿", "已帮助申请高龄津贴",
)

END_REASONS = ("党员搬离", "工作调动", "住户搬走", "调整结对", "党员身体原因")
# fmt: on
