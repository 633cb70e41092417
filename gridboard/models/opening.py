"""Opening a gridboard file the way the app, the command line and the tests do: `store.open_store`
(the one owner of the connection, which knows nothing of the domain) with the domain's on-open hooks.

The hooks: tallies counted by other code are counted again (`tallies.ensure_current`), then the
coverage tallies' clock moves to today's cycles (`settings.advance_tallies`). Everything outside
`store.py` opens files through here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from gridboard.models import store as store_module
from gridboard.models import tallies
from gridboard.models.settings import advance_tallies
from gridboard.models.store import OnOpen, Store


def _bring_current(db: Any) -> None:
    tallies.ensure_current(db)


ON_OPEN = OnOpen(is_current=tallies.is_current, bring_current=_bring_current, after=advance_tallies)


def open_store(
    path: str | os.PathLike[str] | None,
    *,
    create: bool = False,
    operator: str | None = None,
    check: str = "quick",
    progress: Callable[[int, int], None] | None = None,
    allow_read_only: bool = False,
    passphrase: str | None = None,
) -> Store:
    """`store.open_store` with the domain's hooks; see there."""
    return store_module.open_store(
        path,
        create=create,
        operator=operator,
        check=check,
        progress=progress,
        allow_read_only=allow_read_only,
        passphrase=passphrase,
        on_open=ON_OPEN,
    )


def open_for_reading(path: str | os.PathLike[str], *, check: str = "none", operator: str = "reader") -> Store:
    """`store.open_for_reading` with the domain's hooks (an older file is upgraded first)."""
    return store_module.open_for_reading(path, check=check, operator=operator, on_open=ON_OPEN)


def finish_opening(store: Store) -> None:
    """`store.finish_opening` with the domain's hooks: after a deferred check passed."""
    store_module.finish_opening(store, on_open=ON_OPEN)
