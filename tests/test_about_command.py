"""`gridboard about`: the versions this copy runs on (Help → About's "Built with", on the command line)."""

from __future__ import annotations

import json
import sqlite3

from gridboard import __version__, cli
from gridboard.models import cipher


def test_about_names_the_sqlite_and_sqlcipher_this_copy_uses(capsys) -> None:
    assert cli.main(["about", "--json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert versions["gridboard"] == __version__
    assert versions["sqlite"] == sqlite3.sqlite_version
    assert cli.version_text().endswith(f"(file format {versions['file_format']})")
    # sqlcipher3 is a dependency: its own SQLite, and SQLCipher's version from the engine itself.
    assert cipher.available()
    assert versions["sqlcipher"][:1].isdigit() and versions["sqlcipher_sqlite"].count(".") == 2

    assert cli.main(["about"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == cli.version_text()
    assert f"SQLite {sqlite3.sqlite_version}" in lines
    assert lines[3].startswith(f"SQLCipher {versions['sqlcipher']} (SQLite {versions['sqlcipher_sqlite']})")
