"""A household's address in words, the one home of the rule (issue 19): the long form printed on
sheets ("3号楼2单元502", as ledgers write it) and the short form lists show ("3号楼 2-502"); a courtyard's
bungalows have no unit ("东院7号", "东院 7"). `short_address_sql` is the short form in SQL."""

from __future__ import annotations


def address_text(building_name: str, kind: str, unit: int, room: str, units: int = 1) -> str:
    """3号楼2单元502; a courtyard's bungalow is 东院7号. Printed on sheets, as ledgers write it.
    (`units`, the building's number of units, is accepted and not used: every unit is written.)"""
    if kind == "courtyard":
        return f"{building_name}{room}号"
    return f"{building_name}{unit}单元{room}"


def short_address(building_name: str, kind: str, unit: int, room: str) -> str:
    """3号楼 2-502 (unit-room); a courtyard's bungalows have no unit: 东院 7."""
    if kind == "courtyard":
        return f"{building_name} {room}"
    return f"{building_name} {unit}-{room}"


def short_address_sql(building: str = "b", household: str = "h") -> str:
    """`short_address` as an SQL expression over a building and a household alias."""
    return (
        f"{building}.name || ' ' || CASE WHEN {building}.kind = 'courtyard' THEN {household}.room"
        f" ELSE {household}.unit || '-' || {household}.room END"
    )
