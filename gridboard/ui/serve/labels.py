"""The serve vocabularies' labels, for the screens: they live in gridboard/serve_labels.py (QtCore
only), where the printouts read them too; this name stays for the UI's imports."""

from __future__ import annotations

from gridboard.serve_labels import category as category
from gridboard.serve_labels import claimed_by as claimed_by
from gridboard.serve_labels import duty_kind as duty_kind
from gridboard.serve_labels import escalation_state as escalation_state
from gridboard.serve_labels import level as level
from gridboard.serve_labels import project_status as project_status
from gridboard.serve_labels import service_kind as service_kind
from gridboard.serve_labels import unit_kind as unit_kind
