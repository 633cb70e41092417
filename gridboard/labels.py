"""Translated labels for the model's fixed vocabularies (codes stay English in the file). QtCore only
(no widgets): the screens, the printouts and the command line read them alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gridboard.models.vocab import TAGS_BY_CODE


def tag_label(code: str, fallback: str = "") -> str:
    spec = TAGS_BY_CODE.get(code)
    return QCoreApplication.translate("Labels", spec.name_en) if spec else (fallback or code)


def _tag_sources() -> None:
    """Never called: lets lupdate see the built-in tag names (vocab.BUILTIN_TAGS)."""
    for text in (
        QCoreApplication.translate("Labels", "Elderly living alone"),
        QCoreApplication.translate("Labels", "Empty-nest elderly"),
        QCoreApplication.translate("Labels", "Aged 80+"),
        QCoreApplication.translate("Labels", "Disabled"),
        QCoreApplication.translate("Labels", "Chronic illness"),
        QCoreApplication.translate("Labels", "Subsistence allowance"),
        QCoreApplication.translate("Labels", "Near-low-income"),
        QCoreApplication.translate("Labels", "Extreme poverty support"),
        QCoreApplication.translate("Labels", "Child in difficulty"),
        QCoreApplication.translate("Labels", "Left-behind child"),
        QCoreApplication.translate("Labels", "Pregnant"),
        QCoreApplication.translate("Labels", "Veteran"),
    ):
        del text


def member_kind(code: str) -> str:
    return {
        "community_member": QCoreApplication.translate("Labels", "Community member"),
        "in_service": QCoreApplication.translate("Labels", "In-service member"),
        "cadre": QCoreApplication.translate("Labels", "Cadre sent down"),
        "grid_worker": QCoreApplication.translate("Labels", "Grid worker"),
        "building_head": QCoreApplication.translate("Labels", "Building head"),
        "unit_head": QCoreApplication.translate("Labels", "Unit head"),
        "volunteer": QCoreApplication.translate("Labels", "Volunteer"),
    }.get(code, code)


def grid_role(code: str) -> str:
    return {
        "cadre_responsible": QCoreApplication.translate("Labels", "Cadre responsible"),
        "branch_secretary": QCoreApplication.translate("Labels", "Grid branch secretary"),
        "grid_worker": QCoreApplication.translate("Labels", "Full-time grid worker"),
        "assistant": QCoreApplication.translate("Labels", "Assistant"),
        "building_head": QCoreApplication.translate("Labels", "Building head"),
        "unit_head": QCoreApplication.translate("Labels", "Unit head"),
    }.get(code, code)


def occupancy(code: str) -> str:
    return {
        "lived_in": QCoreApplication.translate("Labels", "Lived in"),
        "rented_out": QCoreApplication.translate("Labels", "Rented out"),
        "vacant": QCoreApplication.translate("Labels", "Vacant"),
    }.get(code, code)


def visit_method(code: str) -> str:
    return {
        "in_person": QCoreApplication.translate("Labels", "In person"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"),
    }.get(code, code)


def visit_outcome(code: str) -> str:
    return {
        "met": QCoreApplication.translate("Labels", "Met"),
        "nobody_home": QCoreApplication.translate("Labels", "Nobody home"),
        "refused": QCoreApplication.translate("Labels", "Refused"),
    }.get(code, code)


def visit_source(code: str) -> str:
    return {
        "typed": QCoreApplication.translate("Labels", "Typed"),
        "paper": QCoreApplication.translate("Labels", "Paper sheet"),
        "imported": QCoreApplication.translate("Labels", "Imported"),
    }.get(code, code)


def visit_status(code: str) -> str:
    return {
        "vacant": QCoreApplication.translate("Labels", "Vacant"),
        "not_paired": QCoreApplication.translate("Labels", "Not paired"),
        "never_visited": QCoreApplication.translate("Labels", "Never visited"),
        "overdue": QCoreApplication.translate("Labels", "Overdue"),
        "due_soon": QCoreApplication.translate("Labels", "Due within 3 days"),
        "ok": QCoreApplication.translate("Labels", "Visited within cycle"),
    }.get(code, code)


def coverage_band(code: str) -> str:
    return {
        "complete": QCoreApplication.translate("Labels", "Complete (90%+)"),
        "nearly": QCoreApplication.translate("Labels", "Nearly (60–90%)"),
        "behind": QCoreApplication.translate("Labels", "Behind (10–60%)"),
        "not_started": QCoreApplication.translate("Labels", "Not started (<10%)"),
    }.get(code, code)


def pairing_mode(code: str) -> str:
    return {
        "1+1": QCoreApplication.translate("Labels", "1+1 (one member, one household)"),
        "N+1": QCoreApplication.translate("Labels", "N+1 (several members)"),
        "1+N": QCoreApplication.translate("Labels", "1+N (one member, several households)"),
    }.get(code, code)


def request_status(code: str) -> str:
    return {
        "collected": QCoreApplication.translate("Labels", "Collected"),
        "dispatched": QCoreApplication.translate("Labels", "Dispatched"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "resolved": QCoreApplication.translate("Labels", "Resolved"),
        "followed_up": QCoreApplication.translate("Labels", "Followed up"),
    }.get(code, code)


def request_category(code: str) -> str:
    return {
        "medicine": QCoreApplication.translate("Labels", "Medicine and care"),
        "repairs": QCoreApplication.translate("Labels", "Repairs"),
        "property": QCoreApplication.translate("Labels", "Property management"),
        "parking": QCoreApplication.translate("Labels", "Parking fees"),
        "benefits": QCoreApplication.translate("Labels", "Benefits"),
        "dispute": QCoreApplication.translate("Labels", "Dispute"),
        "hazard": QCoreApplication.translate("Labels", "Safety hazard"),
        "supplies": QCoreApplication.translate("Labels", "Scarce supplies"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }.get(code, code)


def request_urgency(code: str) -> str:
    return {
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "urgent": QCoreApplication.translate("Labels", "Urgent"),
        "critical": QCoreApplication.translate("Labels", "Critical"),
    }.get(code, code)


def request_source(code: str) -> str:
    return {
        "visit": QCoreApplication.translate("Labels", "Visit"),
        "walk_in": QCoreApplication.translate("Labels", "Walk-in"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "hotline": QCoreApplication.translate("Labels", "12345 hotline"),
    }.get(code, code)


def rating(code: str) -> str:
    return {
        "satisfied": QCoreApplication.translate("Labels", "Satisfied"),
        "basic": QCoreApplication.translate("Labels", "Basically satisfied"),
        "dissatisfied": QCoreApplication.translate("Labels", "Dissatisfied"),
    }.get(code, code)


def error_text(error: Exception) -> str:
    """A KnownError in the user's language."""
    translated = getattr(error, "translated", None)
    if translated is None:
        return str(error)
    return translated(lambda text: QCoreApplication.translate("Errors", text))
