"""The log file: errors, crashes and long operations, rotated, in the user data folder (no Qt here).

`configure(folder)` is called once, when the app starts; modules log through
`logging.getLogger(__name__)` and never configure anything themselves. Nothing personal is logged on
purpose (no names, phones or ID numbers), only what was done, how long it took and what failed.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "gridboard.log"
MAX_BYTES = 1_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None


def configure(folder: Path, *, level: int = logging.INFO) -> Path | None:
    """Send the `gridboard` loggers to FOLDER/gridboard.log (1 MB a file, 5 kept); returns its path.

    Configured once: a later call returns the file already in use. A folder that cannot be made (a
    read-only profile) means no log file, never a refusal to start: None is returned.
    """
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger = logging.getLogger("gridboard")
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return Path(handler.baseFilename)


def log_path() -> Path | None:
    """The log file in use, if any."""
    return Path(_handler.baseFilename) if _handler is not None else None


def shutdown() -> None:
    """Close the log file (at exit, and between tests)."""
    global _handler
    if _handler is None:
        return
    logging.getLogger("gridboard").removeHandler(_handler)
    _handler.close()
    _handler = None
