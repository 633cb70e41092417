"""Every printout (pdftotext) and every default export shows no phone or ID number in full, residents'
and in notes alike; the audit trail and `gridboard audit` neither; revealing is recorded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import Small

from gridboard import cli
from gridboard.exchange import export
from gridboard.models import emergency, ledger, operators, pairing, requests, visits

pytestmark = pytest.mark.gui

# What a masked output must never hold: 11-digit mobiles, 7–8-digit local numbers (landlines with or
# without an area code), 15/18-character ID numbers.
MOBILE = re.compile(r"(?<![\d*])1[3-9]\d{9}(?![\d*])")
LOCAL = re.compile(r"(?<![\d*\-:./])\d{7,8}(?![\d*])")
ID = re.compile(r"(?<![\dA-Za-z*])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z*])")
PLANTED = [
    "13912345678",
    "8123456",
    "09318765432",
    "8765432",
    "11010519491231002X",
    "13511112222",
    "110101199001011234",
    "15822223333",
    "87654321",
    "620102198001011239",
]
# Members' own phones are printed in full on purpose: on their own visit sheet and on the entrance's
# contact table (对接服务联系表), which exists so residents can call them.
MEMBERS = {"13600001111", "13700002222"}


def leaks(text: str) -> list[str]:
    found = MOBILE.findall(text) + LOCAL.findall(text) + ID.findall(text)
    squeezed = re.sub(r"[\s\-]", "", text)
    found += [p for p in PLANTED if p in squeezed]
    return [f for f in found if f not in MEMBERS]


@pytest.fixture
def planted(small: Small) -> Small:
    """A community whose residents, notes, visits and requests are full of numbers."""
    s = small.store
    h1, h2 = small.household(1, "101"), small.household(2, "201")
    ledger.update_household(s, h1, head_name="刘芳", phone="13912345678", notes="女儿电话13511112222")
    ledger.update_household(s, h2, head_name="陈强", phone="8123456")
    ledger.add_resident(
        s,
        household_id=h1,
        name="刘芳",
        phone="13912345678",
        id_number="11010519491231002X",
        birth_year=1949,
        tags=["living_alone"],
    )
    ledger.add_resident(
        s,
        household_id=h2,
        name="陈强",
        phone="0931-8765432",
        id_number="620102198001011239",
        birth_year=1980,
        tags=["disabled"],
    )
    ledger.update_household(s, h2, notes="身份证110101199001011234 邻居87654321")
    member2 = ledger.add_member(
        s, community_id=small.community, name="王伟", kind="community_member", phone="13600001111"
    )
    s.execute("UPDATE member SET phone = '13700002222' WHERE id = ?", [small.member])
    pairing.pair_member(s, member_id=small.member, household_id=h1, mode="1+1")
    pairing.pair_member(s, member_id=member2, household_id=h2, mode="1+1")
    visits.log_visit(s, household_id=h1, member_ids=[small.member], note="女儿电话13511112222，已联系")
    requests.raise_request(s, household_id=h1, category="repairs", text="漏水，联系人15822223333")
    requests.raise_request(s, household_id=h2, category="medicine", text="代购药品 身份证110101199001011234")
    return small


def _pdf_text(path: Path) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_every_printout_is_masked(gui, planted: Small, tmp_path: Path) -> None:
    from gridboard.printing import documents, layout
    from gridboard.printing import emergency as printouts

    s = planted.store
    made = {
        "member": documents.member_sheet_document(s, planted.member, record=False),
        "building": documents.building_list_document(s, planted.building, record=False),
        "grid": documents.grid_sheets_document(s, planted.grid, record=False),
        "contact": documents.contact_table_document(s, planted.building),
        "requests": documents.todays_requests_document(s),
    }
    declared = emergency.declare_emergency(s, name="暴雪", community_id=planted.community)
    made["doorknock"] = printouts.doorknock_document(s, declared)
    made["grid_in_emergency"] = documents.grid_sheets_document(s, planted.grid, record=False)
    for name, document in made.items():
        out = tmp_path / f"{name}.pdf"
        layout.render_pdf(document, out)
        text = _pdf_text(out)
        assert "刘芳" in text or name in ("contact", "requests"), name  # the printout is really there
        assert not leaks(text), (name, leaks(text))


def test_every_default_export_is_masked(planted: Small, tmp_path: Path) -> None:
    for kind in export.EXPORT_KINDS:
        out = tmp_path / f"{kind}.xlsx"
        export.export(planted.store, kind, out)
        cells = " \n".join(
            str(c)
            for sheet in openpyxl.load_workbook(out).worksheets
            for row in sheet.iter_rows(values_only=True)
            for c in row
            if c is not None
        )
        assert not leaks(cells), (kind, leaks(cells))


def test_a_revealed_export_is_full_and_recorded(planted: Small, tmp_path: Path, capsys) -> None:
    s = planted.store
    path = s.path
    s.close()
    out = tmp_path / "full.xlsx"
    assert cli.main(["export", "ledger", str(path), "--out", str(out), "--reveal"]) == 2
    assert "why" in capsys.readouterr().err.lower()
    assert (
        cli.main(["export", "ledger", str(path), "--out", str(out), "--reveal", "--reason", "民政核对"]) == 0
    )
    cells = " ".join(
        str(c) for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row
    )
    assert "13912345678" in cells
    capsys.readouterr()
    assert cli.main(["audit", str(path), "--json", "--action", "reveal"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == 1 and entries[0]["via"] == "cli" and entries[0]["operator"] == "tester"
    assert {c["column"]: c["new"] for c in entries[0]["changes"]}["reason"] == "民政核对"


def test_a_read_only_operator_may_not_reveal(planted: Small) -> None:
    from gridboard.models.audit import record_reveal

    operators.create_operator(planted.store, name="只看", role="read_only", secret="1111")
    operators.sign_in(planted.store, "只看", "1111")
    with pytest.raises(operators.NotAllowed):
        record_reveal(planted.store, what="export ledger", reason="想看")


def test_the_audit_trail_and_its_command_show_nothing_in_full(planted: Small, capsys) -> None:
    path = planted.store.path
    raw = " ".join(str(v) for r in planted.store.query("SELECT old, new FROM audit_log") for v in r if v)
    assert not leaks(json.loads(json.dumps(raw)))  # the trail itself keeps numbers masked
    planted.store.close()
    assert cli.main(["audit", str(path)]) == 0
    text = capsys.readouterr().out
    assert "刘芳" in text and not leaks(text)
    assert cli.main(["audit", str(path), "--operator", "nobody", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["audit", str(path), "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out.strip() == "0 entries"
