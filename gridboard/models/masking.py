"""The one rule for what a masked screen, printout or export shows of a phone or ID number.

Enough to recognise a number one already knows, never enough to dial or copy it: a mobile keeps its
first three and last four digits (138****5678), a landline its area code and last two (0931-*****56),
a local number only its last two (*****56), an ID number its first four and last four characters.
Service numbers (110, 12345) are nobody's and stay whole. `mask_text` finds phone and ID numbers
inside free text (notes, requests) and masks them the same way.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-()（）+]")
# A run of digits, possibly split by spaces or dashes, long enough to be a phone or an ID number.
_NUMBER_IN_TEXT = re.compile(r"(?<![\dA-Za-z])(?:\+?86[\s-]?)?\d(?:[\d\s-]{5,22}\d)?[\dXx]?(?![\dA-Za-z])")


def mask_phone(phone: str) -> str:
    """138****5678, 0931-*****56, *****56; "" stays ""; service numbers (3–5 digits) stay whole."""
    text = (phone or "").strip()
    if "*" in text:
        return text  # masked already (the audit trail keeps masked values)
    digits = re.sub(r"\D", "", text)
    if digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits = digits[2:]
    if len(digits) <= 5:
        return text  # 110, 12345, 96345: service numbers, not a person's
    if len(digits) == 11 and digits[0] == "1":
        return f"{digits[:3]}****{digits[-4:]}"
    if digits[0] == "0" and len(digits) >= 9:
        area = 3 if digits[1] in "12" else 4
        return f"{digits[:area]}-{'*' * (len(digits) - area - 2)}{digits[-2:]}"
    return "*" * (len(digits) - 2) + digits[-2:]


def mask_name(name: str) -> str:
    """张** for 张三丰: the surname, the rest hidden (lists and printouts of names unless asked)."""
    text = (name or "").strip()
    if not text or "*" in text:
        return text
    return text[:1] + "*" * max(len(text) - 1, 1)


def mask_id(id_number: str) -> str:
    """1101**********002X: the first four and last four characters of an ID number."""
    text = (id_number or "").strip()
    if "*" in text:
        return text
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


_DATE = re.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2})?")


def _mask_number(match: re.Match[str]) -> str:
    found = match.group(0)
    if _DATE.fullmatch(found.strip()):
        return found  # 2026-12-01 (10:30): a date, not a number to hide
    digits = re.sub(r"\D", "", found)
    if len(digits) in (15, 18) or (len(digits) == 17 and found[-1] in "Xx"):
        return mask_id(_SEPARATORS.sub("", found).upper())
    if len(digits) >= 7:
        return mask_phone(found)
    return found


def mask_text(text: str) -> str:
    """Free text with every phone and ID number in it masked (女儿电话13912345678 → 女儿电话139****5678)."""
    if not text or not any(c.isdigit() for c in text):
        return text or ""
    return _NUMBER_IN_TEXT.sub(_mask_number, text)


# Columns a masked view shows through mask_phone / mask_id; anything else that is text through mask_text.
PHONE_COLUMNS = frozenset({"phone", "hotline", "contact_phone"})
ID_COLUMNS = frozenset({"id_number"})
# Never shown at all (an operator's PIN hash).
HIDDEN_COLUMNS = frozenset({"secret_hash"})


def mask_value(column: str, value: object) -> str:
    """One column's value as a masked screen shows it (lists and dicts item by item)."""
    if value is None:
        return ""
    if column in HIDDEN_COLUMNS:
        return ""
    if column.endswith(("_at", "_on")) or isinstance(value, (int, float)):
        return str(value)  # dates and counts
    if isinstance(value, (list, tuple)):
        return ", ".join(mask_value(column, v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {mask_value(str(k), v)}" for k, v in value.items())
    text = str(value)
    if column in PHONE_COLUMNS:
        return mask_phone(text)
    if column in ID_COLUMNS:
        return mask_id(text)
    return mask_text(text)


def mask_row(values: dict | None) -> dict | None:
    """A row with its text masked (numbers stay numbers): what the audit trail keeps of a change,
    so an old phone or ID number does not live on in full there."""
    if values is None:
        return None
    return {
        k: (mask_value(k, v) if isinstance(v, str) or k in HIDDEN_COLUMNS else v) for k, v in values.items()
    }
