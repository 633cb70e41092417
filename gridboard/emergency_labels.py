"""Translated labels for emergency mode's codes (kinds, roll-call states, roster roles); QtCore only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# lupdate reads translate("Context", "text") calls.
translate = QCoreApplication.translate


def kind(code: str) -> str:
    return {
        "epidemic": translate("EmergencyLabels", "Epidemic"),
        "blizzard": translate("EmergencyLabels", "Blizzard"),
        "power_cut": translate("EmergencyLabels", "Power cut"),
        "flood": translate("EmergencyLabels", "Flood"),
        "heat": translate("EmergencyLabels", "Heat wave"),
        "other": translate("EmergencyLabels", "Other"),
    }.get(code, code)


def state(code: str) -> str:
    return {
        "reached_safe": translate("EmergencyLabels", "Reached, safe"),
        "reached_needs_help": translate("EmergencyLabels", "Reached, needs help"),
        "unreachable": translate("EmergencyLabels", "Unreachable"),
        "not_tried": translate("EmergencyLabels", "Not yet tried"),
    }.get(code, code)


def role(code: str) -> str:
    return {
        "temp_secretary": translate("EmergencyLabels", "Temporary branch secretary"),
        "cadre_sent_down": translate("EmergencyLabels", "Cadre sent down"),
        "community_worker": translate("EmergencyLabels", "Community worker"),
        "grid_leader": translate("EmergencyLabels", "Grid leader"),
        "building_head": translate("EmergencyLabels", "Building head"),
        "volunteer": translate("EmergencyLabels", "Member volunteer"),
    }.get(code, code)
