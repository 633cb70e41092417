"""Subcommands of the `gridboard` command line; each module has `register(subparsers)`."""
