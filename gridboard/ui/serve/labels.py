"""Translated labels for the serve vocabularies (unit kinds, post categories, service kinds, levels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_t = QCoreApplication.translate


def unit_kind(code: str) -> str:
    return {
        "government": _t("Serve", "Government office"),
        "institution": _t("Serve", "Public institution"),
        "state_enterprise": _t("Serve", "State enterprise"),
        "enterprise": _t("Serve", "Private enterprise"),
        "social_org": _t("Serve", "Social organisation"),
        "other": _t("Serve", "Other"),
    }.get(code, code)


def category(code: str) -> str:
    return {
        "policy": _t("Serve", "Policy outreach"),
        "environment": _t("Serve", "Environment clean-up"),
        "patrol": _t("Serve", "Safety patrol"),
        "elderly_disabled": _t("Serve", "Help for the elderly and disabled"),
        "legal": _t("Serve", "Legal advice"),
        "health": _t("Serve", "Health and medical"),
        "culture_sports": _t("Serve", "Culture and sports"),
        "other": _t("Serve", "Other"),
    }.get(code, code)


def service_kind(code: str) -> str:
    return {
        "visit": _t("Serve", "Household visit"),
        "post_shift": _t("Serve", "Shift at a post"),
        "request": _t("Serve", "Request handled"),
        "project_task": _t("Serve", "Project task"),
        "duty_shift": _t("Serve", "Emergency duty"),
        "other": _t("Serve", "Other service"),
    }.get(code, code)


def level(code: str) -> str:
    return {
        "community": _t("Serve", "Community whistle"),
        "street": _t("Serve", "Street office"),
        "district": _t("Serve", "District department"),
    }.get(code, code)


def escalation_state(code: str) -> str:
    return {
        "waiting": _t("Serve", "Waiting for the answer"),
        "answered": _t("Serve", "Answered, being handled"),
        "answer_overdue": _t("Serve", "Answer overdue"),
        "resolve_overdue": _t("Serve", "Resolution overdue"),
        "resolved": _t("Serve", "Resolved"),
        "risen": _t("Serve", "Risen a level"),
        "withdrawn": _t("Serve", "Withdrawn"),
    }.get(code, code)


def project_status(code: str) -> str:
    return {
        "planned": _t("Serve", "Planned"),
        "in_progress": _t("Serve", "Under way"),
        "done": _t("Serve", "Done"),
        "dropped": _t("Serve", "Dropped"),
    }.get(code, code)


def duty_kind(code: str) -> str:
    return {
        "vanguard_post": _t("Serve", "Party member vanguard post"),
        "commando_squad": _t("Serve", "Party member commando squad"),
        "responsibility_zone": _t("Serve", "Party member responsibility zone"),
        "checkpoint": _t("Serve", "Checkpoint"),
    }.get(code, code)


def claimed_by(code: str) -> str:
    return {"community": _t("Serve", "Community claimed"), "unit": _t("Serve", "Unit claimed")}.get(code, code)
