"""Time helpers: one place that says what "now" and "today" are, in local time, as ISO text."""

from __future__ import annotations

import os
import random
import time
from datetime import date, datetime

from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput


def now_iso() -> str:
    """Local wall-clock time to the second; community offices think in local time."""
    return datetime.now().replace(microsecond=0).isoformat(sep=" ")


def today() -> date:
    return date.today()


def normalise_when(value: str | datetime) -> str:
    """The one form a moment is stored in: local time as "YYYY-MM-DD HH:MM:SS" (rules, the board and
    the tallies compare these texts directly). Takes a datetime or ISO text ("T" or a space between
    day and time; a day alone is its midnight); seconds are kept and fractions dropped; a time with
    an offset is turned into local time. Anything else (empty text included) is refused in words."""
    if not isinstance(value, datetime):
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{value} is not a date and time."), value=value
            ) from None
        value = parsed
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat(sep=" ")


def when_or_now(value: str | datetime | None) -> str:
    """`normalise_when`, with nothing given (None or blank text) meaning now."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return now_iso()
    return normalise_when(value)


# uids are version 7 UUIDs (RFC 9562): the time in milliseconds first, so rows made together sit next
# to each other in the uid index (a bulk import writes a quarter faster than with random uuid4s), then a
# 12-bit sequence and 62 random bits. Everything after the time is made ahead, 4,096 uids at a time from
# one draw of a generator seeded by the OS once per process (and again in a forked child): an import
# makes 200,000 uids, and one os.urandom call each cost a sixth of it; a uid is then one concatenation.
_random = random.Random(os.urandom(32))
_suffixes: list[str] = []  # "7sss-vrrr-rrrrrrrrrrrr", the next one last
_SEQUENCE: list[str] = []  # "7sss-" for each of the 4,096 sequence numbers, made on first use
_VARIANT_AND_RANDOM: list[str] = []  # "vrrr-": the variant's bits 10 and 12 random bits, all 16,384
_last_ms = -1
_time_part = ""


def _reseed() -> None:
    _random.seed(os.urandom(32))
    _suffixes.clear()


os.register_at_fork(after_in_child=_reseed)


def _draw_suffixes() -> None:
    """The sequence runs 000…fff through one draw, so uids made in the same millisecond keep order;
    the 62 random bits are 14 that pick a ready-made "vrrr-" and 48 written out."""
    if not _VARIANT_AND_RANDOM:  # assigned whole, so two threads drawing at once make the same lists
        _SEQUENCE[:] = [f"7{n:03x}-" for n in range(4096)]
        _VARIANT_AND_RANDOM[:] = [f"{'89ab'[n >> 12]}{n & 0xFFF:03x}-" for n in range(4 * 4096)]
    bits = _random.getrandbits
    made = [sequence + _VARIANT_AND_RANDOM[bits(14)] + f"{bits(48):012x}" for sequence in _SEQUENCE]
    made.reverse()
    _suffixes.extend(made)


def new_uid() -> str:
    """A unique id for a row, the same on every machine it travels to (files are merged by uid)."""
    global _last_ms, _time_part
    ms = time.time_ns() // 1_000_000
    if ms != _last_ms:
        _last_ms = ms
        hex_ms = f"{ms:012x}"
        _time_part = f"{hex_ms[:8]}-{hex_ms[8:]}-"
    if not _suffixes:
        _draw_suffixes()
    return _time_part + _suffixes.pop()


def seeded_uid(source: random.Random) -> str:
    """A uid drawn from `source` instead of the process's own generator: the same seed gives the same
    uids, as the demo's reproducible files need. It is a version 4 UUID (all random, no time), because
    a file that must come out the same on every run cannot carry the time it was made."""
    # Formatted by hand: uuid.UUID(int=..., version=4) costs more than the rest of a demo row.
    h = source.getrandbits(128).to_bytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])
