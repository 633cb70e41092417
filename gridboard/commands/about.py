"""`gridboard about`: what this copy of the program is built from, as Help → About shows it, for the
command line (an office's support call, and the bundle test that checks an installed copy)."""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("about", help="the program's version and what it is built with")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run_about)


def built_with() -> dict[str, str]:
    """The versions of what the program runs on: Python, Qt, SQLite, and SQLCipher for protected files."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from gridboard import __version__
    from gridboard.models.schema import known_migration_names

    names = known_migration_names()
    versions = {
        "gridboard": __version__,
        "file_format": f"{len(names)}: {names[-1]}",
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": pyside_version,
        "sqlite": sqlite3.sqlite_version,
        "sqlcipher": "",
        "sqlcipher_sqlite": "",
    }
    try:
        import sqlcipher3.dbapi2 as sqlcipher
    except ImportError:
        return versions
    connection = sqlcipher.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    versions["sqlcipher"] = row[0] if row else ""
    versions["sqlcipher_sqlite"] = sqlcipher.sqlite_version
    return versions


def run_about(args: argparse.Namespace) -> int:
    versions = built_with()
    if args.json:
        json.dump(versions, sys.stdout, indent=1)
        print()
        return 0
    print(f"gridboard {versions['gridboard']} (file format {versions['file_format']})")
    print(f"Python {versions['python']}, Qt {versions['qt']}, PySide6 {versions['pyside6']}")
    print(f"SQLite {versions['sqlite']}")
    if versions["sqlcipher"]:
        print(f"SQLCipher {versions['sqlcipher']} (SQLite {versions['sqlcipher_sqlite']}): protected files")
    else:
        print("SQLCipher: not in this copy (files cannot be protected)")
    return 0
