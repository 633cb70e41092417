"""Expected trouble from the world, shown to the user in plain words (bugs stay plain exceptions)."""


class KnownError(Exception):
    """An error the user can understand and act on; its message is shown as is."""


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
