"""How gridboard names a file to SQLite (a leaf: `store` and `cipher` both use it)."""

from __future__ import annotations

import os
import urllib.parse
from typing import Any


def sqlite_uri(path: str | os.PathLike[str], **params: Any) -> str:
    """A `file:` URI for any path: `#`, `%`, `?`, spaces, Chinese, `\\\\server\\share` all escaped.

    The one way gridboard names a file to SQLite (a plain `f"file:{path}"` cuts the path at a `#` and
    silently opens, or makes, another file).
    """
    text = os.path.abspath(os.fspath(path))
    if os.sep != "/":
        text = text.replace(os.sep, "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/... -> /C:/...
    uri = "file://" + urllib.parse.quote(text, safe="/:")
    if params:
        uri += "?" + urllib.parse.urlencode(params)
    return uri
