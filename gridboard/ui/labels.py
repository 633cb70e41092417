"""The labels of the model's codes, for the screens: they live in gridboard/labels.py (QtCore only),
where printouts and the command line read them too; this name stays for the UI's imports."""

from __future__ import annotations

from gridboard.labels import coverage_band as coverage_band
from gridboard.labels import error_text as error_text
from gridboard.labels import grid_role as grid_role
from gridboard.labels import member_kind as member_kind
from gridboard.labels import occupancy as occupancy
from gridboard.labels import pairing_mode as pairing_mode
from gridboard.labels import rating as rating
from gridboard.labels import request_category as request_category
from gridboard.labels import request_source as request_source
from gridboard.labels import request_status as request_status
from gridboard.labels import request_urgency as request_urgency
from gridboard.labels import tag_label as tag_label
from gridboard.labels import visit_method as visit_method
from gridboard.labels import visit_outcome as visit_outcome
from gridboard.labels import visit_source as visit_source
from gridboard.labels import visit_status as visit_status
