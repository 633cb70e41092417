"""The dashboard's readings, made off the GUI thread by ReadWorkers (gridboard.ui.reader): the
figures in one, and beside them, on a connection of their own, the communities compared and the points
ranking (SQLite reads in both at once: each releases Python's lock while it steps)."""

from __future__ import annotations

from dataclasses import dataclass

from gridboard.models import dashboard
from gridboard.models.communities import CommunityRow, comparison_rows
from gridboard.ui.reader import Job, ReadWorker

DashboardWorker = ReadWorker

__all__ = ["Beside", "DashboardWorker", "beside_job", "compute_job"]


def compute_job(filters: dashboard.Filters) -> Job:
    return lambda store: dashboard.compute(store, filters)


@dataclass(frozen=True)
class Beside:
    """Read beside the figures: one file of one community compares none (the table stays hidden)."""

    community_rows: list[CommunityRow]
    points: dashboard.PointsRanking


def beside_job(filters: dashboard.Filters) -> Job:
    return lambda store: Beside(comparison_rows(store, filters), dashboard.points_ranking(store, filters))
