"""The dashboard's figures are computed off the GUI thread by a ReadWorker (gridboard.ui.reader)."""

from __future__ import annotations

from gridboard.models import dashboard
from gridboard.ui.reader import Job, ReadWorker

DashboardWorker = ReadWorker

__all__ = ["DashboardWorker", "compute_job"]


def compute_job(filters: dashboard.Filters) -> Job:
    return lambda store: dashboard.compute(store, filters)
