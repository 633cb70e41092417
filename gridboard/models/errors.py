"""Expected trouble from the world, shown to the user in plain words (bugs stay plain exceptions).

Messages are English templates marked with QT_TRANSLATE_NOOP so lupdate collects them into the
"Errors" context; the UI shows `error.translated(translate)` in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation without importing Qt; returns it unchanged."""
    return text


class KnownError(Exception):
    """An error the user can understand and act on.

    `template` is an English sentence with {named} fields; `params` fill them.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    def translated(self, translate: Callable[[str], str]) -> str:
        text = translate(self.template) or self.template
        try:
            return text.format(**self.params) if self.params else text
        except (KeyError, IndexError, ValueError):
            return str(self)


class NotAGridboardFile(KnownError):
    """The file is not a gridboard file at all."""


class DamagedFile(KnownError):
    """The file is a gridboard file but fails SQLite's integrity check or cannot be read."""


class TooNewFile(KnownError):
    """The file was written by a newer gridboard; we refuse it rather than damage it."""


class FileLocked(KnownError):
    """Another program holds the file."""


class InvalidInput(KnownError):
    """A value given by the user (or a file) breaks a rule; nothing was changed."""


class IllegalTransition(InvalidInput):
    """A request step that its current state does not allow."""


class Cancelled(Exception):
    """Raised from a progress callback when the user cancels long work; nothing is kept."""
