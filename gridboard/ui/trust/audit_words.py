"""The audit trail in words: every kind of action, kind of record, field and coded value as the
office reads it (Chinese in the app), never a code. Values arrive masked (`audit.audit_rows` passes
them through `masking`, the one rule); this only names codes, it never unmasks."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from gridboard.models import emergency, escalation, service, units, vocab
from gridboard.models.audit import AuditEntry
from gridboard.ui import labels

# Bookkeeping every row has: not a change anyone made.
HIDDEN = frozenset({"id", "uid", "created_at", "updated_at", "name_initials", "secret_hash"})


def hidden(column: str) -> bool:
    return column in HIDDEN or column.endswith("_uid")


def action_texts() -> dict[str, str]:
    """Each kind of action of the audit trail, in words."""
    return {
        "insert": QCoreApplication.translate("Trust", "added"),
        "update": QCoreApplication.translate("Trust", "changed"),
        "end": QCoreApplication.translate("Trust", "ended"),
        "withdraw": QCoreApplication.translate("Trust", "withdrawn"),
        "restore": QCoreApplication.translate("Trust", "restored"),
        "import": QCoreApplication.translate("Trust", "imported"),
        "sign_in": QCoreApplication.translate("Trust", "signed in"),
        "reveal": QCoreApplication.translate("Trust", "shown in full"),
        "purge": QCoreApplication.translate("Trust", "purged"),
        "archive": QCoreApplication.translate("Trust", "removed"),
        "unarchive": QCoreApplication.translate("Trust", "brought back"),
        "set_secret": QCoreApplication.translate("Trust", "new PIN"),
        "place": QCoreApplication.translate("Trust", "placed on the plan"),
        "correct": QCoreApplication.translate("Trust", "corrected"),
        "generate": QCoreApplication.translate("Trust", "made (demo)"),
        "tags": QCoreApplication.translate("Trust", "groups changed"),
        "merge": QCoreApplication.translate("Trust", "merged from another file"),
        "unmerge": QCoreApplication.translate("Trust", "merge undone"),
        "acknowledge": QCoreApplication.translate("Trust", "acknowledged"),
        "answer": QCoreApplication.translate("Trust", "answered"),
        "checkout": QCoreApplication.translate("Trust", "checked out"),
        "checkin": QCoreApplication.translate("Trust", "checked in"),
        "close": QCoreApplication.translate("Trust", "closed"),
        "discard": QCoreApplication.translate("Trust", "discarded"),
        "dispatch": QCoreApplication.translate("Trust", "dispatched"),
        "enter": QCoreApplication.translate("Trust", "entered"),
        "escalate": QCoreApplication.translate("Trust", "escalated"),
        "feedback": QCoreApplication.translate("Trust", "feedback"),
        "follow_up": QCoreApplication.translate("Trust", "followed up"),
        "move_back": QCoreApplication.translate("Trust", "moved back"),
        "move_out": QCoreApplication.translate("Trust", "moved out"),
        "progress": QCoreApplication.translate("Trust", "progress noted"),
        "receive": QCoreApplication.translate("Trust", "received"),
        "release": QCoreApplication.translate("Trust", "released"),
        "reopen": QCoreApplication.translate("Trust", "reopened"),
        "resolve": QCoreApplication.translate("Trust", "resolved"),
        "retract": QCoreApplication.translate("Trust", "retracted"),
        "rise": QCoreApplication.translate("Trust", "escalated a level"),
        "start": QCoreApplication.translate("Trust", "started"),
        "version": QCoreApplication.translate("Trust", "new version"),
        "delete": QCoreApplication.translate("Trust", "deleted"),
        "rollup": QCoreApplication.translate("Trust", "rolled up"),
    }


def column_texts() -> dict[str, str]:
    """Each field a change names, in words."""
    return {
        "acknowledged_at": QCoreApplication.translate("Trust", "acknowledged at"),
        "action": QCoreApplication.translate("Trust", "action"),
        "active": QCoreApplication.translate("Trust", "serving"),
        "added": QCoreApplication.translate("Trust", "added"),
        "added_at": QCoreApplication.translate("Trust", "added at"),
        "address": QCoreApplication.translate("Trust", "address"),
        "answer": QCoreApplication.translate("Trust", "answer"),
        "answer_due_at": QCoreApplication.translate("Trust", "answer due"),
        "answered_at": QCoreApplication.translate("Trust", "answered at"),
        "answered_by": QCoreApplication.translate("Trust", "answered by"),
        "archived_at": QCoreApplication.translate("Trust", "removed at"),
        "assignee_department": QCoreApplication.translate("Trust", "department in charge"),
        "assignee_member_id": QCoreApplication.translate("Trust", "member in charge"),
        "at": QCoreApplication.translate("Trust", "time"),
        "available_time": QCoreApplication.translate("Trust", "available time"),
        "birth_year": QCoreApplication.translate("Trust", "birth year"),
        "branch": QCoreApplication.translate("Trust", "party branch"),
        "building_id": QCoreApplication.translate("Trust", "building"),
        "builtin": QCoreApplication.translate("Trust", "built in"),
        "by_rule": QCoreApplication.translate("Trust", "by the rule"),
        "category": QCoreApplication.translate("Trust", "category"),
        "claimed_by": QCoreApplication.translate("Trust", "claimed by"),
        "claimed_on": QCoreApplication.translate("Trust", "claimed on"),
        "closed_at": QCoreApplication.translate("Trust", "closed at"),
        "code": QCoreApplication.translate("Trust", "code"),
        "collected_at": QCoreApplication.translate("Trust", "collected at"),
        "column_name": QCoreApplication.translate("Trust", "field"),
        "community_id": QCoreApplication.translate("Trust", "community"),
        "conflicts": QCoreApplication.translate("Trust", "conflicts"),
        "contact_name": QCoreApplication.translate("Trust", "contact"),
        "contact_phone": QCoreApplication.translate("Trust", "contact phone"),
        "contract_end": QCoreApplication.translate("Trust", "contract ends"),
        "contract_start": QCoreApplication.translate("Trust", "contract starts"),
        "contract_terms": QCoreApplication.translate("Trust", "contract terms"),
        "cycle_other_days": QCoreApplication.translate("Trust", "other households' cycle (days)"),
        "cycle_priority_days": QCoreApplication.translate("Trust", "priority households' cycle (days)"),
        "day": QCoreApplication.translate("Trust", "day"),
        "declared_by": QCoreApplication.translate("Trust", "declared by"),
        "delivered_at": QCoreApplication.translate("Trust", "delivered at"),
        "delivered_by": QCoreApplication.translate("Trust", "delivered by"),
        "department": QCoreApplication.translate("Trust", "department"),
        "description": QCoreApplication.translate("Trust", "description"),
        "disability": QCoreApplication.translate("Trust", "disability"),
        "dispatched_at": QCoreApplication.translate("Trust", "dispatched at"),
        "due_at": QCoreApplication.translate("Trust", "due"),
        "emergency_id": QCoreApplication.translate("Trust", "emergency"),
        "end_reason": QCoreApplication.translate("Trust", "why ended"),
        "ended_at": QCoreApplication.translate("Trust", "ended at"),
        "ended_on": QCoreApplication.translate("Trust", "ended on"),
        "ends_at": QCoreApplication.translate("Trust", "ends at"),
        "entered_by": QCoreApplication.translate("Trust", "entered by"),
        "escalated_at": QCoreApplication.translate("Trust", "escalated at"),
        "estate": QCoreApplication.translate("Trust", "estate"),
        "feedback": QCoreApplication.translate("Trust", "feedback"),
        "finished_on": QCoreApplication.translate("Trust", "finished on"),
        "floor": QCoreApplication.translate("Trust", "floor"),
        "floor_order": QCoreApplication.translate("Trust", "floor order"),
        "floors": QCoreApplication.translate("Trust", "floors"),
        "followed_up_at": QCoreApplication.translate("Trust", "followed up at"),
        "gender": QCoreApplication.translate("Trust", "gender"),
        "grid_id": QCoreApplication.translate("Trust", "grid"),
        "head_name": QCoreApplication.translate("Trust", "head of household"),
        "home_household_id": QCoreApplication.translate("Trust", "home"),
        "hotline": QCoreApplication.translate("Trust", "hotline"),
        "hotline_ticket": QCoreApplication.translate("Trust", "hotline ticket"),
        "hours": QCoreApplication.translate("Trust", "hours"),
        "household_id": QCoreApplication.translate("Trust", "household"),
        "id_number": QCoreApplication.translate("Trust", "ID number"),
        "instruction_id": QCoreApplication.translate("Trust", "instruction"),
        "issued_at": QCoreApplication.translate("Trust", "issued at"),
        "issued_by": QCoreApplication.translate("Trust", "issued by"),
        "item": QCoreApplication.translate("Trust", "item"),
        "kept_updated_at": QCoreApplication.translate("Trust", "kept version's time"),
        "kept_value": QCoreApplication.translate("Trust", "kept value"),
        "key": QCoreApplication.translate("Trust", "setting name"),
        "kind": QCoreApplication.translate("Trust", "kind"),
        "last_outcome": QCoreApplication.translate("Trust", "last outcome"),
        "last_reached_at": QCoreApplication.translate("Trust", "last reached"),
        "last_signed_in_at": QCoreApplication.translate("Trust", "last signed in"),
        "last_visit_at": QCoreApplication.translate("Trust", "last visit"),
        "level": QCoreApplication.translate("Trust", "level"),
        "location": QCoreApplication.translate("Trust", "place"),
        "lost_side": QCoreApplication.translate("Trust", "other file"),
        "lost_updated_at": QCoreApplication.translate("Trust", "other version's time"),
        "lost_value": QCoreApplication.translate("Trust", "other value"),
        "made_at": QCoreApplication.translate("Trust", "made at"),
        "marker": QCoreApplication.translate("Trust", "mark"),
        "meeting_id": QCoreApplication.translate("Trust", "meeting"),
        "member_id": QCoreApplication.translate("Trust", "member"),
        "met_at": QCoreApplication.translate("Trust", "met at"),
        "method": QCoreApplication.translate("Trust", "how"),
        "mode": QCoreApplication.translate("Trust", "pairing mode"),
        "moved_out_at": QCoreApplication.translate("Trust", "moved out at"),
        "name": QCoreApplication.translate("Trust", "name"),
        "need_id": QCoreApplication.translate("Trust", "need"),
        "new": QCoreApplication.translate("Trust", "new"),
        "note": QCoreApplication.translate("Trust", "note"),
        "notes": QCoreApplication.translate("Trust", "notes"),
        "number": QCoreApplication.translate("Trust", "number"),
        "occupancy": QCoreApplication.translate("Trust", "occupancy"),
        "offered_on": QCoreApplication.translate("Trust", "offered on"),
        "old": QCoreApplication.translate("Trust", "old"),
        "operator": QCoreApplication.translate("Trust", "operator"),
        "operator_id": QCoreApplication.translate("Trust", "operator"),
        "outcome": QCoreApplication.translate("Trust", "outcome"),
        "peer_mark": QCoreApplication.translate("Trust", "other file's mark"),
        "peer_name": QCoreApplication.translate("Trust", "other file's name"),
        "people": QCoreApplication.translate("Trust", "people"),
        "period": QCoreApplication.translate("Trust", "period"),
        "phone": QCoreApplication.translate("Trust", "phone"),
        "phone_note": QCoreApplication.translate("Trust", "phone note"),
        "places": QCoreApplication.translate("Trust", "places"),
        "plan_x": QCoreApplication.translate("Trust", "place on the plan (across)"),
        "plan_y": QCoreApplication.translate("Trust", "place on the plan (down)"),
        "points": QCoreApplication.translate("Trust", "points"),
        "points_each": QCoreApplication.translate("Trust", "points each"),
        "points_per_hour": QCoreApplication.translate("Trust", "points per hour"),
        "position": QCoreApplication.translate("Trust", "position"),
        "post_id": QCoreApplication.translate("Trust", "post"),
        "previous_id": QCoreApplication.translate("Trust", "previous"),
        "printed_at": QCoreApplication.translate("Trust", "printed at"),
        "priority_tier": QCoreApplication.translate("Trust", "risk tier"),
        "progress": QCoreApplication.translate("Trust", "progress"),
        "project_id": QCoreApplication.translate("Trust", "project"),
        "published_on": QCoreApplication.translate("Trust", "published on"),
        "quantity": QCoreApplication.translate("Trust", "quantity"),
        "raised_on": QCoreApplication.translate("Trust", "raised on"),
        "rating": QCoreApplication.translate("Trust", "rating"),
        "reason": QCoreApplication.translate("Trust", "reason"),
        "received_at": QCoreApplication.translate("Trust", "received at"),
        "received_by": QCoreApplication.translate("Trust", "received by"),
        "register_no": QCoreApplication.translate("Trust", "register number"),
        "reopen_count": QCoreApplication.translate("Trust", "times reopened"),
        "reopened_at": QCoreApplication.translate("Trust", "reopened at"),
        "reported_on": QCoreApplication.translate("Trust", "reported on"),
        "request_id": QCoreApplication.translate("Trust", "request"),
        "request_item_id": QCoreApplication.translate("Trust", "requested item"),
        "resident_id": QCoreApplication.translate("Trust", "resident"),
        "resolution": QCoreApplication.translate("Trust", "resolution"),
        "resolve_due_at": QCoreApplication.translate("Trust", "resolve by"),
        "resolved_at": QCoreApplication.translate("Trust", "resolved at"),
        "resource_id": QCoreApplication.translate("Trust", "resource"),
        "returned_at": QCoreApplication.translate("Trust", "returned at"),
        "reviewed_at": QCoreApplication.translate("Trust", "reviewed at"),
        "risen_at": QCoreApplication.translate("Trust", "risen at"),
        "role": QCoreApplication.translate("Trust", "role"),
        "room": QCoreApplication.translate("Trust", "room"),
        "rooms_per_floor": QCoreApplication.translate("Trust", "rooms per floor"),
        "secret_kind": QCoreApplication.translate("Trust", "PIN or password"),
        "served_on": QCoreApplication.translate("Trust", "served on"),
        "sheet_id": QCoreApplication.translate("Trust", "sheet"),
        "sheet_no": QCoreApplication.translate("Trust", "sheet number"),
        "shift_id": QCoreApplication.translate("Trust", "shift"),
        "skills": QCoreApplication.translate("Trust", "skills"),
        "slip_no": QCoreApplication.translate("Trust", "slip number"),
        "sort_order": QCoreApplication.translate("Trust", "order"),
        "source": QCoreApplication.translate("Trust", "source"),
        "started_at": QCoreApplication.translate("Trust", "started at"),
        "started_on": QCoreApplication.translate("Trust", "started on"),
        "starts_at": QCoreApplication.translate("Trust", "starts at"),
        "state": QCoreApplication.translate("Trust", "state"),
        "status": QCoreApplication.translate("Trust", "status"),
        "step": QCoreApplication.translate("Trust", "step"),
        "table_name": QCoreApplication.translate("Trust", "record kind"),
        "tag_id": QCoreApplication.translate("Trust", "group"),
        "text": QCoreApplication.translate("Trust", "text"),
        "tier": QCoreApplication.translate("Trust", "risk tier"),
        "title": QCoreApplication.translate("Trust", "title"),
        "unit": QCoreApplication.translate("Trust", "unit"),
        "unit_id": QCoreApplication.translate("Trust", "work unit"),
        "unit_layout": QCoreApplication.translate("Trust", "unit layout"),
        "units": QCoreApplication.translate("Trust", "units"),
        "updated": QCoreApplication.translate("Trust", "updated"),
        "urgency": QCoreApplication.translate("Trust", "urgency"),
        "value": QCoreApplication.translate("Trust", "value"),
        "via": QCoreApplication.translate("Trust", "from"),
        "visit_id": QCoreApplication.translate("Trust", "visit"),
        "visited_at": QCoreApplication.translate("Trust", "visited at"),
        "withdrawn_at": QCoreApplication.translate("Trust", "withdrawn at"),
        "withdrawn_reason": QCoreApplication.translate("Trust", "why withdrawn"),
        "work_unit": QCoreApplication.translate("Trust", "employer"),
        "grids": QCoreApplication.translate("Trust", "grids"),
        "what": QCoreApplication.translate("Trust", "what"),
        "file": QCoreApplication.translate("Trust", "file"),
        "rows": QCoreApplication.translate("Trust", "rows"),
        "tags": QCoreApplication.translate("Trust", "groups"),
        "community": QCoreApplication.translate("Trust", "community"),
        "grid": QCoreApplication.translate("Trust", "grid"),
        "building": QCoreApplication.translate("Trust", "building"),
        "household": QCoreApplication.translate("Trust", "household"),
        "residents": QCoreApplication.translate("Trust", "residents"),
        "members": QCoreApplication.translate("Trust", "members"),
        "visits": QCoreApplication.translate("Trust", "visits"),
        "requests": QCoreApplication.translate("Trust", "requests"),
        "count": QCoreApplication.translate("Trust", "count"),
        "imported": QCoreApplication.translate("Trust", "imported"),
        "skipped": QCoreApplication.translate("Trust", "skipped"),
        "book": QCoreApplication.translate("Trust", "workbook"),
        "sheet": QCoreApplication.translate("Trust", "worksheet"),
        "sheets": QCoreApplication.translate("Trust", "worksheets"),
        "path": QCoreApplication.translate("Trust", "file"),
        "purged": QCoreApplication.translate("Trust", "purged"),
        "years": QCoreApplication.translate("Trust", "years"),
        "residents_purged": QCoreApplication.translate("Trust", "residents purged"),
        "summary": QCoreApplication.translate("Trust", "summary"),
        "moved_out_before": QCoreApplication.translate("Trust", "moved out before"),
        "left_out": QCoreApplication.translate("Trust", "rows left out"),
    }


def table_texts() -> dict[str, str]:
    """Each kind of record, in words."""
    return {
        "audit_log": QCoreApplication.translate("Trust", "audit trail"),
        "building": QCoreApplication.translate("Trust", "building"),
        "community": QCoreApplication.translate("Trust", "community"),
        "community_need": QCoreApplication.translate("Trust", "community need"),
        "duty_post": QCoreApplication.translate("Trust", "duty post"),
        "duty_shift": QCoreApplication.translate("Trust", "duty shift"),
        "emergency": QCoreApplication.translate("Trust", "emergency"),
        "emergency_feedback": QCoreApplication.translate("Trust", "emergency feedback"),
        "emergency_instruction": QCoreApplication.translate("Trust", "instruction"),
        "emergency_roster": QCoreApplication.translate("Trust", "emergency roster"),
        "escalation": QCoreApplication.translate("Trust", "escalation"),
        "file_identity": QCoreApplication.translate("Trust", "file"),
        "grid": QCoreApplication.translate("Trust", "grid"),
        "grid_role": QCoreApplication.translate("Trust", "grid role"),
        "household": QCoreApplication.translate("Trust", "household"),
        "member": QCoreApplication.translate("Trust", "member"),
        "operator": QCoreApplication.translate("Trust", "operator account"),
        "operator_grid": QCoreApplication.translate("Trust", "operator's grid"),
        "org_unit": QCoreApplication.translate("Trust", "work unit"),
        "pairing": QCoreApplication.translate("Trust", "pairing"),
        "point_rule": QCoreApplication.translate("Trust", "point rule"),
        "post_claim": QCoreApplication.translate("Trust", "post claim"),
        "printed_sheet": QCoreApplication.translate("Trust", "printed sheet"),
        "printed_sheet_row": QCoreApplication.translate("Trust", "printed sheet row"),
        "report_in": QCoreApplication.translate("Trust", "reporting in"),
        "request": QCoreApplication.translate("Trust", "request"),
        "request_item": QCoreApplication.translate("Trust", "requested item"),
        "request_step": QCoreApplication.translate("Trust", "request step"),
        "resident": QCoreApplication.translate("Trust", "resident"),
        "resident_tag": QCoreApplication.translate("Trust", "resident's group"),
        "rollcall": QCoreApplication.translate("Trust", "roll call"),
        "scope": QCoreApplication.translate("Trust", "pairing scope"),
        "service_post": QCoreApplication.translate("Trust", "service post"),
        "service_project": QCoreApplication.translate("Trust", "service project"),
        "service_record": QCoreApplication.translate("Trust", "service record"),
        "setting": QCoreApplication.translate("Trust", "setting"),
        "supply_delivery": QCoreApplication.translate("Trust", "supply delivery"),
        "tag": QCoreApplication.translate("Trust", "group"),
        "travel_conflict": QCoreApplication.translate("Trust", "conflict between files"),
        "travel_cut": QCoreApplication.translate("Trust", "cut reference"),
        "travel_meeting": QCoreApplication.translate("Trust", "files meeting"),
        "unit_resource": QCoreApplication.translate("Trust", "unit resource"),
        "visit": QCoreApplication.translate("Trust", "visit"),
        "visit_member": QCoreApplication.translate("Trust", "visit's member"),
        "export": QCoreApplication.translate("Trust", "export"),
        "file": QCoreApplication.translate("Trust", "file"),
        "import": QCoreApplication.translate("Trust", "import"),
    }


def via_texts() -> dict[str, str]:
    return {
        "app": QCoreApplication.translate("Trust", "window"),
        "cli": QCoreApplication.translate("Trust", "command line"),
        "": "",
    }


def _roles() -> dict[str, str]:
    from gridboard.ui.trust.lock import role_texts

    return role_texts()


def _secret_kinds() -> dict[str, str]:
    return {
        "pin": QCoreApplication.translate("Trust", "PIN"),
        "password": QCoreApplication.translate("Trust", "password"),
    }


def _building_kinds() -> dict[str, str]:
    return {
        "apartment": QCoreApplication.translate("Trust", "apartment block"),
        "courtyard": QCoreApplication.translate("Trust", "courtyard (平房院落)"),
    }


def _steps() -> dict[str, str]:
    words = {code: labels.request_status(code) for code in vocab.REQUEST_STATUSES}
    words.update(
        {
            "reopened": QCoreApplication.translate("Trust", "reopened"),
            "withdrawn": QCoreApplication.translate("Trust", "withdrawn"),
        }
    )
    return words


def _of(function: Callable[[str], str], codes) -> dict[str, str]:
    return {code: function(code) for code in codes}


def _tags() -> dict[str, str]:
    return {code: labels.tag_label(code) for code in vocab.TAGS_BY_CODE}


def value_words() -> dict[tuple[str, str], dict[str, str]]:
    """(table or "", column) → {code: words}; "" is any table."""
    outcomes = _of(labels.visit_outcome, vocab.VISIT_OUTCOMES)
    return {
        ("", "method"): _of(labels.visit_method, vocab.VISIT_METHODS),
        ("", "outcome"): outcomes,
        ("", "last_outcome"): outcomes,
        ("visit", "source"): _of(labels.visit_source, vocab.VISIT_SOURCES),
        ("request", "source"): _of(labels.request_source, vocab.REQUEST_SOURCES),
        ("", "source"): {
            **_of(labels.visit_source, vocab.VISIT_SOURCES),
            **_of(labels.request_source, vocab.REQUEST_SOURCES),
        },
        ("request", "status"): _of(labels.request_status, vocab.REQUEST_STATUSES),
        ("service_project", "status"): dict(service.PROJECT_STATUSES),
        ("", "status"): _of(labels.request_status, vocab.REQUEST_STATUSES),
        ("request", "category"): _of(labels.request_category, vocab.REQUEST_CATEGORIES),
        ("service_post", "category"): dict(service.POST_CATEGORIES),
        ("", "category"): {
            **service.POST_CATEGORIES,
            **_of(labels.request_category, vocab.REQUEST_CATEGORIES),
        },
        ("", "urgency"): _of(labels.request_urgency, vocab.REQUEST_URGENCIES),
        ("", "rating"): _of(labels.rating, vocab.RATINGS),
        ("", "occupancy"): _of(labels.occupancy, vocab.OCCUPANCY),
        ("", "gender"): {
            "M": QCoreApplication.translate("Trust", "male"),
            "F": QCoreApplication.translate("Trust", "female"),
        },
        ("operator", "role"): _roles(),
        ("grid_role", "role"): _of(labels.grid_role, vocab.GRID_ROLES),
        ("emergency_roster", "role"): dict(emergency.ROSTER_ROLES),
        ("", "role"): {**emergency.ROSTER_ROLES, **_of(labels.grid_role, vocab.GRID_ROLES), **_roles()},
        ("member", "kind"): _of(labels.member_kind, vocab.MEMBER_KINDS),
        ("emergency", "kind"): dict(emergency.EMERGENCY_KINDS),
        ("building", "kind"): _building_kinds(),
        ("org_unit", "kind"): dict(units.UNIT_KINDS),
        ("service_record", "kind"): dict(service.SERVICE_KINDS),
        ("", "state"): {**emergency.ROLLCALL_STATES},
        ("", "step"): _steps(),
        ("", "via"): via_texts(),
        ("", "secret_kind"): _secret_kinds(),
        ("", "level"): dict(escalation.LEVEL_NAMES),
        ("", "tags"): _tags(),
        ("setting", "key"): _settings(),
        ("tag", "code"): _tags(),
    }


def _settings() -> dict[str, str]:
    return {
        "cycle_high_days": QCoreApplication.translate("Trust", "visit cycle of high-risk households (days)"),
        "cycle_priority_days": QCoreApplication.translate(
            "Trust", "visit cycle of priority households (days)"
        ),
        "cycle_normal_days": QCoreApplication.translate("Trust", "visit cycle of other households (days)"),
        "due_soon_days": QCoreApplication.translate("Trust", "days before a visit is due soon"),
        "member_load_limit": QCoreApplication.translate("Trust", "households a member can cover"),
        "lock_after_minutes": QCoreApplication.translate("Trust", "lock after idle minutes"),
    }


YES_NO = frozenset({"active", "builtin", "by_rule", "updated", "purged"})
_IMPORTED = re.compile(r"([a-z_]+): (\d+) added(?:, (\d+) updated, (\d+) unchanged)?")
# A value that reads like a code (snake_case letters), in a field that is not free text.
_CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
FREE_TEXT = frozenset(
    {
        "name",
        "head_name",
        "note",
        "notes",
        "text",
        "reason",
        "feedback",
        "answer",
        "resolution",
        "description",
        "title",
        "phone_note",
        "withdrawn_reason",
        "end_reason",
        "progress",
        "contract_terms",
        "skills",
        "address",
        "location",
        "branch",
        "work_unit",
        "estate",
        "department",
        "assignee_department",
        "contact_name",
        "file",
        "item",
        "operator",
        "peer_name",
        "hotline_ticket",
        "register_no",
        "slip_no",
        "sheet_no",
        "room",
    }
)


class Words:
    """Names codes for one viewer (the translations looked up once)."""

    def __init__(self) -> None:
        self.actions = action_texts()
        self.tables = table_texts()
        self.columns = column_texts()
        self.vias = via_texts()
        self.values = value_words()
        self.any_code: dict[str, str] = {}
        for words in self.values.values():
            for code, text in words.items():
                self.any_code.setdefault(code, text)
        self.other = QCoreApplication.translate("Trust", "other")
        self.yes = QCoreApplication.translate("Trust", "yes")
        self.no = QCoreApplication.translate("Trust", "no")
        # What an export or a printout holds (a reveal names it).
        self.kinds = {
            "ledger": QCoreApplication.translate("Trust", "residents' ledger"),
            "visits": QCoreApplication.translate("Trust", "visits"),
            "requests": QCoreApplication.translate("Trust", "requests"),
            "coverage": QCoreApplication.translate("Trust", "coverage"),
            "member": QCoreApplication.translate("Trust", "a member's households"),
            "building": QCoreApplication.translate("Trust", "a building's households"),
            "grid": QCoreApplication.translate("Trust", "a grid's households"),
        }

    def action(self, code: str) -> str:
        return self.actions.get(code, self.other)

    def table(self, code: str) -> str:
        return self.tables.get(code, self.other)

    def via(self, code: str) -> str:
        return self.vias.get(code or "", self.other)

    def column(self, code: str) -> str:
        return self.columns.get(code, self.other)

    def value(self, table: str, column: str, text: str) -> str:
        if not text:
            return text
        if text in ("True", "False") or (column in YES_NO and text in ("0", "1")):  # a yes/no
            return self.yes if text in ("True", "1") else self.no
        if column == "summary":  # an import's: "household: 3 added, 0 updated, 0 unchanged; …"
            return self._import_summary(text)
        if column in ("added", "updated"):  # a merge's: "household: 3; resident: 2"
            return "; ".join(self._counted(part) for part in text.split("; "))
        if column == "what":  # a reveal's: "export ledger", "print member"
            return self._revealed(text)
        words = self.values.get((table, column)) or self.values.get(("", column))
        free = column in FREE_TEXT or column.endswith("_by")  # words and people's names
        if words is None and (free or not _CODE.fullmatch(text.split(", ")[0])):
            return text
        parts = text.split(", ") if column in ("tags", "grids") else [text]
        return ", ".join(self._code(words or {}, part) for part in parts)

    def _counted(self, part: str) -> str:
        kind, _, count = part.partition(": ")
        return f"{self.table(kind)}: {count}" if count else self._code({}, part)

    def _import_summary(self, text: str) -> str:
        if text == "nothing to import":
            return QCoreApplication.translate("Trust", "nothing to import")
        parts = []
        for part in text.split("; "):
            found = _IMPORTED.fullmatch(part)
            if found is None:
                parts.append(self.other)
                continue
            kind, added, updated, unchanged = found.groups()
            if updated is None:
                parts.append(
                    QCoreApplication.translate("Trust", "{kind}: {added} added").format(
                        kind=self.table(kind), added=added
                    )
                )
            else:
                parts.append(
                    QCoreApplication.translate(
                        "Trust", "{kind}: {added} added, {updated} changed, {unchanged} unchanged"
                    ).format(kind=self.table(kind), added=added, updated=updated, unchanged=unchanged)
                )
        return "; ".join(parts)

    def _revealed(self, text: str) -> str:
        verb, _, kind = text.partition(" ")
        verbs = {
            "export": QCoreApplication.translate("Trust", "export"),
            "print": QCoreApplication.translate("Trust", "print"),
        }
        return f"{verbs.get(verb, self.other)} · {self.kinds.get(kind, self.table(kind))}"

    def _code(self, words: dict[str, str], part: str) -> str:
        if part in words:
            return words[part]
        if _CODE.fullmatch(part):
            return self.any_code.get(part, self.other)
        return part

    def summary(self, entry: AuditEntry) -> str:
        """old → new, field after field, in words (masked values as `audit` gives them)."""
        parts = []
        for c in entry.changes:
            if hidden(c.column) or (not c.old and not c.new):
                continue
            column = self.column(c.column) if c.column else ""
            old = self.value(entry.table, c.column, c.old)
            new = self.value(entry.table, c.column, c.new)
            prefix = f"{column}: " if column else ""
            if c.was or (c.old and c.new):
                parts.append(f"{prefix}{old or '—'} → {new or '—'}")
            else:
                parts.append(f"{prefix}{new or old}")
        return "; ".join(parts)

    def row(self, entry: AuditEntry) -> tuple[str, str, str, str, str, str]:
        """When, who, from, what (action · record kind), which record, the change."""
        return (
            entry.at[:19].replace("T", " "),
            entry.operator,
            self.via(entry.via),
            f"{self.action(entry.action)} · {self.table(entry.table)}",
            entry.record,
            self.summary(entry),
        )

    def cells(self, entry: AuditEntry) -> list[str]:
        """The .xlsx export's seven cells: when, who, from, action, record kind, record, change."""
        return [
            entry.at[:19].replace("T", " "),
            entry.operator,
            self.via(entry.via),
            self.action(entry.action),
            self.table(entry.table),
            entry.record,
            self.summary(entry),
        ]
