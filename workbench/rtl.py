"""Right-to-left display for terminals: wrap Sorani in logical order, then reorder each line.

Most terminals (xterm, tmux, kitty, Alacritty, Windows Terminal) draw characters left to
right, so Sorani shows backwards unless kwb reorders it ("visual" mode). GNOME Terminal
(VTE), Konsole and mlterm reorder by themselves and need the logical text ("terminal"
mode). Stored text is never changed; only what is drawn.
"""

from __future__ import annotations

import os
from typing import Literal

Mode = Literal["visual", "terminal"]
MODES: tuple[Mode, ...] = ("visual", "terminal")


def detect_mode(environ: dict[str, str] | None = None) -> Mode:
    """`KWB_RTL` if set, else "terminal" under terminals that reorder bidi text themselves."""
    env = os.environ if environ is None else environ
    chosen = env.get("KWB_RTL", "").strip().lower()
    if chosen in MODES:
        return chosen
    if env.get("TMUX"):
        return "visual"
    if env.get("VTE_VERSION") or env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return "terminal"
    return "visual"


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap of logical-order text into lines of at most `width` characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def visual_line(line: str) -> str:
    """One line of logical text in the visual (left-to-right drawing) order."""
    from bidi import get_display

    return str(get_display(line, base_dir="R"))


def visual_lines(text: str, width: int, mode: Mode | None = None) -> list[str]:
    """`text` wrapped to `width`, each line in the order the terminal should draw it."""
    lines = wrap(text, width)
    if (mode or detect_mode()) == "terminal":
        return lines
    return [visual_line(line) for line in lines]


def display(text: str, width: int, mode: Mode | None = None) -> str:
    """`visual_lines` joined by newlines, for a right-aligned table cell or panel."""
    return "\n".join(visual_lines(text, width, mode))
