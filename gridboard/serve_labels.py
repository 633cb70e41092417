"""Translated labels for the serve vocabularies (unit kinds, post categories, service kinds, levels).
QtCore only (no widgets): the serve screens and the printouts read them alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def unit_kind(code: str) -> str:
    return {
        "government": QCoreApplication.translate("Serve", "Government office"),
        "institution": QCoreApplication.translate("Serve", "Public institution"),
        "state_enterprise": QCoreApplication.translate("Serve", "State enterprise"),
        "enterprise": QCoreApplication.translate("Serve", "Private enterprise"),
        "social_org": QCoreApplication.translate("Serve", "Social organisation"),
        "other": QCoreApplication.translate("Serve", "Other"),
    }.get(code, code)


def category(code: str) -> str:
    return {
        "policy": QCoreApplication.translate("Serve", "Policy outreach"),
        "environment": QCoreApplication.translate("Serve", "Environment clean-up"),
        "patrol": QCoreApplication.translate("Serve", "Safety patrol"),
        "elderly_disabled": QCoreApplication.translate("Serve", "Help for the elderly and disabled"),
        "legal": QCoreApplication.translate("Serve", "Legal advice"),
        "health": QCoreApplication.translate("Serve", "Health and medical"),
        "culture_sports": QCoreApplication.translate("Serve", "Culture and sports"),
        "other": QCoreApplication.translate("Serve", "Other"),
    }.get(code, code)


def service_kind(code: str) -> str:
    return {
        "visit": QCoreApplication.translate("Serve", "Household visit"),
        "post_shift": QCoreApplication.translate("Serve", "Shift at a post"),
        "request": QCoreApplication.translate("Serve", "Request handled"),
        "project_task": QCoreApplication.translate("Serve", "Project task"),
        "duty_shift": QCoreApplication.translate("Serve", "Emergency duty"),
        "other": QCoreApplication.translate("Serve", "Other service"),
    }.get(code, code)


def level(code: str) -> str:
    return {
        "community": QCoreApplication.translate("Serve", "Community whistle"),
        "street": QCoreApplication.translate("Serve", "Street office"),
        "district": QCoreApplication.translate("Serve", "District department"),
    }.get(code, code)


def escalation_state(code: str) -> str:
    return {
        "waiting": QCoreApplication.translate("Serve", "Waiting for the answer"),
        "answered": QCoreApplication.translate("Serve", "Answered, being handled"),
        "answer_overdue": QCoreApplication.translate("Serve", "Answer overdue"),
        "resolve_overdue": QCoreApplication.translate("Serve", "Resolution overdue"),
        "resolved": QCoreApplication.translate("Serve", "Resolved"),
        "risen": QCoreApplication.translate("Serve", "Risen a level"),
        "withdrawn": QCoreApplication.translate("Serve", "Withdrawn"),
    }.get(code, code)


def project_status(code: str) -> str:
    return {
        "planned": QCoreApplication.translate("Serve", "Planned"),
        "in_progress": QCoreApplication.translate("Serve", "Under way"),
        "done": QCoreApplication.translate("Serve", "Done"),
        "dropped": QCoreApplication.translate("Serve", "Dropped"),
    }.get(code, code)


def duty_kind(code: str) -> str:
    return {
        "vanguard_post": QCoreApplication.translate("Serve", "Party member vanguard post"),
        "commando_squad": QCoreApplication.translate("Serve", "Party member commando squad"),
        "responsibility_zone": QCoreApplication.translate("Serve", "Party member responsibility zone"),
        "checkpoint": QCoreApplication.translate("Serve", "Checkpoint"),
    }.get(code, code)


def claimed_by(code: str) -> str:
    return {
        "community": QCoreApplication.translate("Serve", "Community claimed"),
        "unit": QCoreApplication.translate("Serve", "Unit claimed"),
    }.get(code, code)
