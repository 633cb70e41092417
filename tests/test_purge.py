"""Purging residents who moved out long ago: a preview, admins only, an audit entry, nothing left of them."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import Small

from gridboard.models import ledger, operators, purge, tallies
from gridboard.ui import ask
from gridboard.ui.trust import TrustFeature


def _moved(small: Small) -> tuple[int, int]:
    s = small.store
    old = small.household(1, "101")
    recent = small.household(1, "102")
    ledger.add_resident(s, household_id=old, name="赵老五", phone="13912345678", tags=["living_alone"])
    ledger.add_resident(s, household_id=recent, name="钱小六", phone="13811112222")
    ledger.move_out(s, old, when="2019-05-01 10:00:00")
    ledger.move_out(s, recent, when="2025-06-01 10:00:00")
    return old, recent


def test_preview_then_purge_with_an_audit_entry(small: Small) -> None:
    _moved(small)
    s = small.store
    today = date(2026, 12, 1)
    preview = purge.purge_preview(s, years=3, today=today)
    assert [(c.name, c.moved_out_at) for c in preview] == [("赵老五", "2019-05-01")]
    assert purge.purge_moved_out(s, years=3, reason="超过保存期限", today=today) == 1
    assert s.scalar("SELECT count(*) FROM resident WHERE name = '赵老五'") == 0
    assert s.scalar("SELECT count(*) FROM resident WHERE name = '钱小六'") == 1
    assert s.scalar("SELECT count(*) FROM audit_log WHERE new LIKE '%赵老五%' OR old LIKE '%赵老五%'") == 0
    entry = s.one("SELECT operator, new FROM audit_log WHERE action = 'purge'")
    assert entry["operator"] == "tester" and '"rows": 1' in entry["new"] and "超过保存期限" in entry["new"]
    assert tallies.verify(s) == []
    assert purge.purge_preview(s, years=3, today=today) == []


def test_only_an_administrator_purges_and_a_reason_is_needed(small: Small) -> None:
    _moved(small)
    s = small.store
    with pytest.raises(operators.InvalidInput):
        purge.purge_moved_out(s, years=3, reason=" ")
    operators.create_operator(s, name="李娜", role="worker", secret="1357")
    operators.sign_in(s, "李娜", "1357")
    with pytest.raises(operators.NotAllowed):
        purge.purge_moved_out(s, years=3, reason="清理")
    assert s.scalar("SELECT count(*) FROM resident") == 2


@pytest.mark.gui
def test_purge_dialog_previews_and_purges(gui, qtbot, window, small: Small, monkeypatch) -> None:
    _moved(small)
    dialog = window.features.get(TrustFeature).open_purge()
    qtbot.addWidget(dialog)
    dialog.years.setValue(5)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "赵老五"
    dialog.reason.setText("超过保存期限")
    monkeypatch.setattr(ask, "confirm", lambda *a: True)
    assert dialog.purge() == 1
    assert dialog.table.rowCount() == 0 and not dialog.purge_button.isEnabled()
