"""Shared output helpers: UTF-8 stdout regardless of locale, and a rich console."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def write(text: str) -> None:
    """Write text to stdout as UTF-8, whatever the terminal's locale."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def write_json_lines(rows: Any) -> None:
    """One compact JSON object per line, non-ASCII kept readable."""
    write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def console(stderr: bool = False) -> Console:
    """A rich console on stdout (or stderr)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)
