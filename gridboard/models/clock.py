"""Time helpers: one place that says what "now" and "today" are, in local time, as ISO text."""

from __future__ import annotations

import uuid
from datetime import date, datetime


def now_iso() -> str:
    """Local wall-clock time to the second; community offices think in local time."""
    return datetime.now().replace(microsecond=0).isoformat(sep=" ")


def today() -> date:
    return date.today()


def new_uid() -> str:
    return str(uuid.uuid4())


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])
