"""The File menu's travel actions, driven as a user would (file dialogs answered at the ask seam)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridboard.models import visits
from gridboard.models.opening import open_store
from gridboard.ui import ask
from gridboard.ui.travel import TravelFeature
from tests.conftest import save_screenshot

pytestmark = pytest.mark.gui


def test_checkout_badge_checkin_with_preview_backup_and_restore(
    window, qtbot, small, tmp_path: Path, monkeypatch
) -> None:
    import gridboard.ui.travel as feature

    laptop = tmp_path / "第一网格.gridboard"
    monkeypatch.setattr(feature, "choose", lambda parent, title, label, items: 0)
    monkeypatch.setattr(ask, "save_file", lambda *args, **kwargs: str(laptop))
    shown: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: shown.append(text))
    assert window.features.get(TravelFeature).checkout() == laptop
    assert "第一网格" in shown[-1]
    # The grid carries a badge in the tree.
    from gridboard.ui.board.tree import AreaTreeModel

    tree = AreaTreeModel(small.store)
    community = tree.index(0, 0)
    assert "借出" in tree.index(0, 0, community).data()

    worked = open_store(laptop, operator="网格员")
    visits.log_visit(worked, household_id=worked.scalar("SELECT id FROM household LIMIT 1"), outcome="met")
    worked.close()

    previews: list[str] = []
    monkeypatch.setattr(ask, "open_file", lambda *args, **kwargs: str(laptop))
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text: previews.append(text) or True)
    before = small.store.scalar("SELECT count(*) FROM visit")
    result = window.features.get(TravelFeature).checkin()
    assert result is not None and result.written
    assert "走访 1" in previews[0]  # the preview said what would change, before it was written
    assert small.store.scalar("SELECT count(*) FROM visit") == before + 1

    window.features.get(TravelFeature).show_checked_out()
    dialog = window.features.get(TravelFeature).lists_dialog
    qtbot.addWidget(dialog)
    assert dialog.checkouts.rowCount() == 0
    save_screenshot(dialog, "travel_lists")

    from gridboard.models import backup

    # One gzip file for a plain file; a sealed pack (pieces beside it) for a protected one (--protected).
    usb = tmp_path / f"usb{backup.now_suffix(small.store.path)}"
    monkeypatch.setattr(ask, "save_file", lambda *args, **kwargs: str(usb))
    assert window.features.get(TravelFeature).backup_now() == usb and usb.exists()
    restored = tmp_path / "restored.gridboard"
    monkeypatch.setattr(ask, "open_file", lambda *args, **kwargs: str(usb))
    monkeypatch.setattr(feature, "choose", lambda parent, title, label, items: len(items) - 1)
    monkeypatch.setattr(ask, "save_file", lambda *args, **kwargs: str(restored))
    assert window.features.get(TravelFeature).restore() == restored
    copy = open_store(restored)
    assert copy.scalar("SELECT count(*) FROM visit") == before + 1
    copy.close()


@pytest.mark.parametrize("db", ["plain"], indirect=True)
def test_restoring_another_protected_files_pack_asks_its_passphrase(
    window, small, tmp_path: Path, monkeypatch
) -> None:
    """A protected file's day pack picked from a folder (another office's, a USB stick): the window
    asks the passphrase, asks again after a wrong one, and restores a protected file with the right one."""
    from datetime import date

    import gridboard.ui.travel as feature
    from gridboard.models import backup, cipher
    from gridboard.ui.trust import protect
    from tests.conftest import TEST_PASSPHRASE

    other = cipher.protect(small.store.path, tmp_path / "另一社区.gridboard", TEST_PASSPHRASE)
    made = backup.write_backup(other, backup.backup_path(other, date(2026, 3, 1)))
    cipher.forget(other)  # not this process's file any more: only the passphrase opens its pack
    asked: list[bool] = []
    answers = iter(["not the passphrase", TEST_PASSPHRASE])
    monkeypatch.setattr(
        protect, "ask_passphrase", lambda parent, path, again=False: asked.append(again) or next(answers)
    )
    restored = tmp_path / "restored.gridboard"
    monkeypatch.setattr(feature, "choose", lambda parent, title, label, items: len(items) - 1)
    monkeypatch.setattr(ask, "open_file", lambda *args, **kwargs: str(made))
    monkeypatch.setattr(ask, "save_file", lambda *args, **kwargs: str(restored))
    shown: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: shown.append(text))
    assert window.features.get(TravelFeature).restore() == restored
    assert asked == [False, True]  # asked, then asked again after the wrong one
    assert cipher.is_protected(restored) and not restored.read_bytes().startswith(b"SQLite format 3")
    copy = open_store(restored)
    try:
        assert copy.scalar("SELECT count(*) FROM household") == 24
    finally:
        copy.close()
    # Cancelled at the question: nothing is written.
    cipher.forget(restored)
    monkeypatch.setattr(protect, "ask_passphrase", lambda parent, path, again=False: None)
    monkeypatch.setattr(ask, "save_file", lambda *args, **kwargs: str(tmp_path / "second.gridboard"))
    assert window.features.get(TravelFeature).restore() is None
    assert not (tmp_path / "second.gridboard").exists()
