"""Fixed vocabularies of the domain: codes stored in the file, with their Chinese names.

The codes never change once written to a file. Chinese names here are domain data (printed on
sheets, matched on import); the UI shows translated English labels from `gridboard.ui.labels`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Tier(IntEnum):
    """A household's risk tier, which sets its visit cycle."""

    NORMAL = 0
    PRIORITY = 1
    HIGH = 2


@dataclass(frozen=True)
class TagSpec:
    code: str
    name_zh: str
    name_en: str
    tier: Tier
    marker: str  # one character drawn on the map cell


# The priority groups of "一老一少一困" as the ledgers name them.
BUILTIN_TAGS: tuple[TagSpec, ...] = (
    TagSpec("living_alone", "独居老人", "Elderly living alone", Tier.HIGH, "独"),
    TagSpec("empty_nest", "空巢老人", "Empty-nest elderly", Tier.PRIORITY, "巢"),  # not 空: 空置 is a colour
    TagSpec("aged_80", "高龄老人", "Aged 80+", Tier.PRIORITY, "高"),
    TagSpec("disabled", "残疾", "Disabled", Tier.HIGH, "残"),
    TagSpec("chronic", "慢性病", "Chronic illness", Tier.HIGH, "病"),
    TagSpec("dibao", "低保", "Subsistence allowance", Tier.PRIORITY, "困"),
    TagSpec("dibao_edge", "低保边缘", "Near-low-income", Tier.PRIORITY, "困"),
    TagSpec("tekun", "特困", "Extreme poverty support", Tier.PRIORITY, "困"),
    TagSpec("child_difficulty", "困境儿童", "Child in difficulty", Tier.HIGH, "幼"),
    TagSpec("left_behind", "留守儿童", "Left-behind child", Tier.PRIORITY, "幼"),
    TagSpec("pregnant", "孕产妇", "Pregnant", Tier.PRIORITY, "孕"),
    TagSpec("veteran", "退役军人", "Veteran", Tier.PRIORITY, "军"),
)
TAGS_BY_CODE = {t.code: t for t in BUILTIN_TAGS}

MEMBER_KINDS = {
    "community_member": "社区党员",
    "in_service": "在职党员",
    "cadre": "下沉干部",
    "grid_worker": "网格员",
    "building_head": "楼院长",
    "unit_head": "单元长",
    "volunteer": "志愿者",
}

# The normal "1+1+1+N" grid team plus the building and unit heads.
GRID_ROLES = {
    "cadre_responsible": "包联干部",
    "branch_secretary": "网格党支部书记",
    "grid_worker": "专职网格员",
    "assistant": "网格协管员",
    "building_head": "楼院长",
    "unit_head": "单元长",
}

OCCUPANCY = {"lived_in": "自住", "rented_out": "出租", "vacant": "空置"}
PAIRING_MODES = ("1+1", "N+1", "1+N")
SCOPE_LEVELS = ("building", "unit", "floor")
VISIT_METHODS = {"in_person": "入户", "phone": "电话", "wechat": "微信"}
VISIT_OUTCOMES = {"met": "见面", "nobody_home": "无人在家", "refused": "拒访"}
# Outcomes where someone was reached; "nobody home" does not reset the visit clock.
REACHED_OUTCOMES = ("met", "refused")
VISIT_SOURCES = {"typed": "录入", "paper": "纸质走访单", "imported": "导入"}
GENDERS = {"M": "男", "F": "女"}

REQUEST_STATUSES = {
    "collected": "已收集",
    "dispatched": "已派单",
    "in_progress": "办理中",
    "resolved": "已办结",
    "followed_up": "已回访",
}
OPEN_REQUEST_STATUSES = ("collected", "dispatched", "in_progress")
REQUEST_CATEGORIES = {
    "medicine": "买药就医",
    "repairs": "维修",
    "property": "物业管理",
    "parking": "停车收费",
    "benefits": "政策待遇",
    "dispute": "矛盾纠纷",
    "hazard": "安全隐患",
    "supplies": "紧缺物资",
    "other": "其他",
}
REQUEST_URGENCIES = {"normal": "一般", "urgent": "紧急", "critical": "特急"}
REQUEST_SOURCES = {"visit": "走访", "walk_in": "来访", "phone": "电话", "hotline": "12345热线"}
RATINGS = {"satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意"}

# Visit status of a household, as drawn on the map.
VISIT_STATUSES = ("vacant", "not_paired", "never_visited", "overdue", "due_soon", "ok")

# Coverage bands (share visited within cycle) for colouring grids and buildings.
COVERAGE_BANDS = (("complete", 0.9), ("nearly", 0.6), ("behind", 0.1), ("not_started", 0.0))


def coverage_band(share: float | None) -> str:
    if share is None:
        return "not_started"
    for band, floor in COVERAGE_BANDS:
        if share >= floor:
            return band
    return "not_started"
