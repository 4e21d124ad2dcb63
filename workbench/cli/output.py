"""Shared output helpers: UTF-8 stdout regardless of locale, a rich console, and the order
Sorani is drawn in (see `workbench.display`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from workbench.display.bidi import Mode


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


def display_mode(project: Path | None = None, stderr: bool = False) -> Mode:
    """How to draw Sorani on stdout (or stderr): `KWB_RTL` if set; logical order when the
    stream is not a terminal, so `kwb match a.txt > m.txt` reads right in any editor;
    else the project's `[display] rtl`, else what the terminal is known to do."""
    from workbench.display.bidi import resolve_mode

    is_terminal = console(stderr).is_terminal
    configured = None
    if is_terminal and not os.environ.get("KWB_RTL"):
        configured = _configured_mode(project)
    return resolve_mode(configured=configured, is_terminal=is_terminal)


def _configured_mode(project: Path | None) -> str | None:
    """`[display] rtl` of the project found from `project` (or the current folder) upward."""
    from workbench.errors import InputError
    from workbench.store.project import find_root, load_project

    root = find_root(project)
    if root is None:
        return None
    try:
        return load_project(root).rtl
    except InputError:
        return None  # a broken kwb.toml is reported by the commands that read the project
