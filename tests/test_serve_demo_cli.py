"""Demo files carry units, reporting in, posts, services and escalations; the command line exports
the quarter's service cards and the street office's list (issue 21)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gridboard.cli import main
from gridboard.models import escalation as esc
from gridboard.models import requests as rq
from gridboard.models import service, units
from gridboard.models.demo import generate
from gridboard.models.opening import open_store


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "test.gridboard"
    generate(path, "test", seed=5)
    return path


def test_demo_has_those_who_come_to_serve(demo_file: Path) -> None:
    store = open_store(demo_file, allow_read_only=True)
    try:
        assert store.scalar("PRAGMA foreign_key_check") is None
        in_service = store.scalar("SELECT count(*) FROM member WHERE kind = 'in_service'")
        # Every in-service member belongs to a unit; most reported in; each who reported holds a post.
        assert store.scalar("SELECT count(*) FROM member WHERE kind = 'in_service' AND unit_id IS NULL") == 0
        reported = store.scalar("SELECT count(*) FROM report_in WHERE member_id IS NOT NULL")
        assert 0.7 * in_service <= reported <= in_service
        assert service.members_without_post(store) == []
        assert len(units.units(store)) >= 25
        assert store.scalar("SELECT count(*) FROM service_record") > reported
        assert store.scalar("SELECT count(*) FROM escalation") > 0
        assert service.ranking(store, "unit")[0].points > 0
        assert service.ranking(store, "grid")[0].points > 0
        # The open escalations' hand-overs are in their requests' histories.
        for e in esc.escalations(store):
            assert e.target in {s.department for s in rq.request_steps(store, e.request_id)}
    finally:
        store.close()


def test_export_service_cards_and_escalations(demo_file: Path, tmp_path: Path, capsys) -> None:
    quarter = service.quarter_of(date.today())
    out = tmp_path / "cards.xlsx"
    assert main(["export", "service-cards", str(demo_file), "--quarter", quarter, "--out", str(out)]) == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "汇总" and book.sheetnames[-1] == "服务明细"
    store = open_store(demo_file, allow_read_only=True)
    try:
        sheets = service.quarter_sheets(store, quarter)
        summary = list(book["汇总"].iter_rows(min_row=2, values_only=True))
        assert [(r[0], r[6]) for r in summary[:-1]] == [(s.unit_name, s.points) for s in sheets]
        assert summary[-1][4] == sum(s.services for s in sheets)
        detail = list(book["服务明细"].iter_rows(min_row=2, values_only=True))
        assert len(detail) == sum(s.services for s in sheets)
    finally:
        store.close()
    assert main(["export", "escalations", str(demo_file), "--out", str(tmp_path / "esc.xlsx")]) == 0
    assert "escalations written" in capsys.readouterr().out
    assert main(["export", "service-cards", str(demo_file), "--quarter", "2026Q9", "--out", str(out)]) == 2


def test_serve_commands_rise_and_print(demo_file: Path, tmp_path: Path, capsys) -> None:
    import shutil

    copy = tmp_path / "copy.gridboard"
    shutil.copy(demo_file, copy)
    assert main(["serve", "rise", str(copy)]) == 0
    assert "rose a level" in capsys.readouterr().out
    out = tmp_path / "esc.pdf"
    assert main(["serve", "print", "escalations", str(copy), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    out = tmp_path / "quarter.pdf"
    assert main(["serve", "print", "quarter-sheets", str(copy), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
