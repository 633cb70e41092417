"""Translated labels for emergency mode's codes (kinds, roll-call states, roster roles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("EmergencyLabels", text)


def kind(code: str) -> str:
    return {
        "epidemic": _t("Epidemic"),
        "blizzard": _t("Blizzard"),
        "power_cut": _t("Power cut"),
        "flood": _t("Flood"),
        "heat": _t("Heat wave"),
        "other": _t("Other"),
    }.get(code, code)


def state(code: str) -> str:
    return {
        "reached_safe": _t("Reached, safe"),
        "reached_needs_help": _t("Reached, needs help"),
        "unreachable": _t("Unreachable"),
        "not_tried": _t("Not yet tried"),
    }.get(code, code)


def role(code: str) -> str:
    return {
        "temp_secretary": _t("Temporary branch secretary"),
        "cadre_sent_down": _t("Cadre sent down"),
        "community_worker": _t("Community worker"),
        "grid_leader": _t("Grid leader"),
        "building_head": _t("Building head"),
        "volunteer": _t("Member volunteer"),
    }.get(code, code)
