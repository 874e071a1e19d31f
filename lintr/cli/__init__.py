"""The command line: argument parsing, the `check`/`rules`/`explain` commands, progress."""

from lintr.cli.commands import main

__all__ = ["main"]
