"""Emergency mode (战时状态): declaring and ending it, daily roll call, 1+4+N rosters, instructions
with each grid's feedback, supply deliveries, and the end-of-emergency report figures.

While an emergency is active `rules.current_cycles` swaps in its own cycles (priority households
daily by default), so the board, the dashboard and the roll call all read the same rule.

One module per sub-domain: `declaring`, `rollcall`, `rosters`, `instructing`, `deliveries`, `report`.
Their public names are all here too, so `from gridboard.models import emergency` keeps working.
"""

from __future__ import annotations

from gridboard.models.emergency.declaring import (
    EMERGENCY_KINDS,
    Emergency,
    active_emergency,
    declare_emergency,
    end_emergency,
    get_emergency,
    grids,
    latest_emergency,
    list_emergencies,
)
from gridboard.models.emergency.deliveries import SupplyLine, record_delivery, scarce_supplies
from gridboard.models.emergency.instructing import (
    Feedback,
    Instruction,
    feedback_rows,
    get_instruction,
    instruction_emergency,
    instructions,
    issue_instruction,
    record_feedback,
)
from gridboard.models.emergency.report import DayFigures, Report, report_figures
from gridboard.models.emergency.rollcall import (
    RECORDED_STATES,
    ROLLCALL_STATES,
    RollcallRow,
    paired_member_names,
    record_rollcall,
    rollcall_counts,
    rollcall_rows,
    withdraw_rollcall,
)
from gridboard.models.emergency.rosters import (
    CORE_ROLES,
    ROLE_FOR_KIND,
    ROSTER_ROLES,
    RosterEntry,
    add_to_roster,
    remove_from_roster,
    roster,
    roster_candidates,
    roster_gaps,
)

__all__ = [
    "EMERGENCY_KINDS",
    "Emergency",
    "active_emergency",
    "declare_emergency",
    "end_emergency",
    "get_emergency",
    "grids",
    "latest_emergency",
    "list_emergencies",
    "SupplyLine",
    "record_delivery",
    "scarce_supplies",
    "Feedback",
    "Instruction",
    "feedback_rows",
    "get_instruction",
    "instruction_emergency",
    "instructions",
    "issue_instruction",
    "record_feedback",
    "DayFigures",
    "Report",
    "report_figures",
    "RECORDED_STATES",
    "ROLLCALL_STATES",
    "RollcallRow",
    "paired_member_names",
    "record_rollcall",
    "rollcall_counts",
    "rollcall_rows",
    "withdraw_rollcall",
    "CORE_ROLES",
    "ROLE_FOR_KIND",
    "ROSTER_ROLES",
    "RosterEntry",
    "add_to_roster",
    "remove_from_roster",
    "roster",
    "roster_candidates",
    "roster_gaps",
]
