"""Emergency mode's code labels, for the screens: they live in gridboard/emergency_labels.py (QtCore
only), where the emergency printouts read them too; this name stays for the UI's imports."""

from __future__ import annotations

from gridboard.emergency_labels import kind as kind
from gridboard.emergency_labels import role as role
from gridboard.emergency_labels import state as state
