"""Row uids: version 7 UUIDs, unique, in time order, and different in a forked child (files merge by uid)."""

from __future__ import annotations

import os
import time
import uuid

import pytest

from gridboard.models.clock import new_uid


def test_a_uid_is_a_version_7_uuid_of_the_rfc_variant():
    parsed = uuid.UUID(new_uid())
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert str(parsed) == str(parsed).lower()


def test_uids_are_unique_and_later_ones_sort_after_earlier_ones():
    first = [new_uid() for _ in range(50_000)]
    time.sleep(0.002)
    later = new_uid()
    assert len(set(first)) == len(first)
    assert later > max(first)
    # The time in milliseconds leads: uuid7's first 48 bits.
    assert abs((uuid.UUID(later).int >> 80) - time.time_ns() // 1_000_000) < 5_000


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_draws_other_random_bits_than_its_parent():
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the demo generator's workers are such children
        os.write(write, "".join(new_uid() for _ in range(100)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = os.read(read, 100 * 36).decode()
    os.close(read)
    theirs = {child[i : i + 36][-12:] for i in range(0, len(child), 36)}
    ours = {new_uid()[-12:] for _ in range(100)}
    assert len(theirs) == 100 and not theirs & ours


def test_a_seeded_uid_is_a_version_4_uuid_the_same_for_the_same_seed():
    import random

    from gridboard.models.clock import seeded_uid

    first = [seeded_uid(random.Random("demo:1")) for _ in range(3)]
    again = random.Random("demo:1")
    assert [seeded_uid(again) for _ in range(3)][0] == first[0] == first[1]
    other = random.Random("demo:2")
    drawn = [seeded_uid(other) for _ in range(1000)]
    assert len(set(drawn)) == 1000 and first[0] not in drawn
    for uid in drawn[:50]:
        parsed = uuid.UUID(uid)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == uid
