"""Right-to-left display for terminals: wrap Sorani in logical order, then reorder each line.

Most terminals (xterm, tmux, kitty, Alacritty, Windows Terminal) draw characters left to
right, so Sorani shows backwards unless kwb reorders it ("visual" mode). GNOME Terminal
(VTE), Konsole and mlterm reorder by themselves and need the logical text ("terminal"
mode). Stored text is never changed; only what is drawn.
"""

from __future__ import annotations

import os
import re
from typing import Literal

Mode = Literal["visual", "terminal"]
MODES: tuple[Mode, ...] = ("visual", "terminal")
_WORDS = re.compile(r"\S+")


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
    return "".join(glyph for _, glyph in reorder(line, "visual"))


def visual_lines(text: str, width: int, mode: Mode | None = None) -> list[str]:
    """`text` wrapped to `width`, each line in the order the terminal should draw it."""
    lines = wrap(text, width)
    if (mode or detect_mode()) == "terminal":
        return lines
    return [visual_line(line) for line in lines]


def display(text: str, width: int, mode: Mode | None = None) -> str:
    """`visual_lines` joined by newlines, for a right-aligned table cell or panel."""
    return "\n".join(visual_lines(text, width, mode))


def reorder(line: str, mode: Mode | None = None) -> list[tuple[int, str]]:
    """The characters of one logical line in drawing order, as (logical index, glyph).

    Runs the Unicode bidi algorithm (python-bidi) on an RTL paragraph and keeps track of
    where each character came from, so styles given in logical offsets (glossary hits) land
    on the right glyphs after reordering. Glyphs are mirrored in RTL runs: "(" draws as ")".
    In "terminal" mode the line is returned in logical order.
    """
    if (mode or detect_mode()) == "terminal":
        return list(enumerate(line))
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS["R"]
    storage["base_dir"] = "R"
    algorithm.get_embedding_levels(line, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Like `wrap`, but as (start, end) offsets into `text` (spaces between lines dropped)."""
    spans: list[tuple[int, int]] = []
    start = end = -1
    for word in _WORDS.finditer(text):
        ws, we = word.span()
        while we - ws > width:
            if start >= 0:
                spans.append((start, end))
                start = -1
            spans.append((ws, ws + width))
            ws += width
        if start < 0:
            start, end = ws, we
        elif we - start <= width:
            end = we
        else:
            spans.append((start, end))
            start, end = ws, we
    if start >= 0:
        spans.append((start, end))
    return spans or [(0, 0)]


def layout(text: str, width: int, mode: Mode | None = None) -> list[list[tuple[int, str]]]:
    """`text` wrapped to `width` in logical order, each line in drawing order as
    (offset into `text`, glyph) pairs: what a right-to-left widget paints."""
    lines = []
    for start, end in wrap_spans(text, max(width, 1)):
        lines.append([(start + i, glyph) for i, glyph in reorder(text[start:end], mode)])
    return lines
