"""The `gridboard` command: with no arguments it starts the app; subcommands use the same engine."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys

from gridboard.models.errors import KnownError, storage_error

# Each module here has `register(subparsers)`, adding its subcommands with `func=` set.
COMMAND_MODULES = (
    "gridboard.commands.inspect",
    "gridboard.commands.demo",
    "gridboard.commands.excel",
    "gridboard.commands.print",
    "gridboard.commands.service_cards",
    "gridboard.commands.snapshot",
    "gridboard.commands.travel",
    "gridboard.commands.audit",
    "gridboard.commands.about",
)


def build_parser() -> argparse.ArgumentParser:
    # No top-level FILE positional: argparse would give it the subcommand's name ("gridboard check X"
    # failed); `main` opens a bare path in the app before parsing.
    parser = argparse.ArgumentParser(
        prog="gridboard",
        usage="gridboard [FILE.gridboard] | gridboard COMMAND ...",
        description="The grid-level member–household pairing board. With a FILE (or nothing) it starts the app.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def version_text() -> str:
    """`gridboard --version`: the program's version and the file format (schema steps) it writes."""
    from gridboard import __version__
    from gridboard.models.schema import known_migration_names

    names = known_migration_names()
    return f"gridboard {__version__} (file format {len(names)}: {names[-1]})"


def _start_window(path: str | None) -> int:
    """The app, unless the window cannot start (missing system libraries): then plain words, exit 1."""
    from gridboard import startup

    problem = startup.window_problem()
    if problem is None:
        try:
            from gridboard.ui.app import run_app
        except ImportError as error:
            problem = startup.import_problem(error)
            if problem is None:
                raise
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return run_app(path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    # A bare path (or nothing) opens the app; anything else is a subcommand.
    if not argv or (
        len(argv) == 1
        and not argv[0].startswith("-")
        and argv[0] not in parser._subparsers._group_actions[0].choices
    ):  # noqa: SLF001
        return _start_window(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_usage(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KnownError as error:
        print(f"gridboard: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Whatever read our output (head, less) stopped early: no file is in trouble. Point stdout at
        # nothing so the interpreter's last flush does not fail again on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (sqlite3.Error, OSError) as error:
        # A locked, full, read-only or vanished file: a message, not a traceback. Anything else is a bug.
        known = storage_error(error, getattr(args, "db", None) or getattr(args, "file", None))
        if known is None:
            raise
        print(f"gridboard: {known}", file=sys.stderr)
        return 2
