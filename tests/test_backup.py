"""Daily backups: one a day, the newest 14 kept, cancelling leaves nothing behind."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gridboard.models import backup
from gridboard.models.errors import Cancelled
from gridboard.models.store import open_store


def test_one_backup_a_day_keeping_fourteen(small) -> None:
    store = small.store
    start = date(2026, 1, 1)
    for offset in range(20):
        backup.daily_backup(store, day=start + timedelta(days=offset))
    assert backup.daily_backup(store, day=start + timedelta(days=19)) is None  # already made today
    kept = sorted(backup.backup_folder(store.path).iterdir())
    assert len(kept) == 14
    assert kept[0].name.endswith("2026-01-07.gridboard")
    copy = open_store(kept[-1])
    assert copy.scalar("SELECT count(*) FROM household") == 24
    copy.close()


def test_cancelled_backup_leaves_nothing(small) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        backup.daily_backup(small.store, day=date(2026, 5, 1), progress=cancel)
    folder = backup.backup_folder(small.store.path)
    assert not any(folder.iterdir())
