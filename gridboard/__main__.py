"""Allows `python -m gridboard`."""

from gridboard.cli import main

raise SystemExit(main())
