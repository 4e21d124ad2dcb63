"""Errors the core raises for bad input; the CLI turns them into one-line messages."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input that kwb cannot read: names the file and, where known, the line."""

    def __init__(self, source: str | Path, message: str, line: int | None = None) -> None:
        self.source = str(source)
        self.line = line
        self.reason = message
        where = self.source if line is None else f"{self.source}:{line}"
        super().__init__(f"{where}: {message}")
