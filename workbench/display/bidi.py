"""Right-to-left text for terminals: wrap in logical order, then put each line in drawing order.

Most terminals (xterm, tmux, kitty, Alacritty, Windows Terminal) draw characters left to
right, so Sorani shows backwards unless kwb reorders it ("visual" mode). GNOME Terminal
(VTE), Konsole and mlterm reorder by themselves and need the logical text ("terminal"
mode); so do pipes and files, which any editor reads in logical order. Stored text is
never changed; only what is drawn.

A line is wrapped before it is reordered: reordering a whole paragraph and letting the
terminal wrap it puts the end of a Sorani sentence on its first line.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from rich.cells import cell_len, get_character_cell_size

Mode = Literal["visual", "terminal"]
MODES: tuple[Mode, ...] = ("visual", "terminal")
Direction = Literal["rtl", "ltr", "auto"]
"""The paragraph direction: "rtl" for Sorani content (a sentence, a term), "ltr" for lines
the program composes in English around Sorani (a QA message, "هێز → forces"), "auto" for
free text that may be either (a note, a comment): the direction most of its words are
written in (see `base_direction`)."""

ELLIPSIS = "…"
_WORDS = re.compile(r"\S+")
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""The blocks of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their
presentation forms): a line without them needs no reordering in a left-to-right paragraph."""
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Marks, embeddings, overrides and isolates: kwb's canonical text drops them (see the
normalization table); in visual mode they have done their work once the line is reordered,
and a terminal would draw them as boxes or gaps."""


def detect_mode(environ: Mapping[str, str] | None = None) -> Mode:
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


def resolve_mode(
    chosen: str | None = None,
    *,
    configured: str | None = None,
    is_terminal: bool = True,
    environ: Mapping[str, str] | None = None,
) -> Mode:
    """The mode to draw in, by precedence: the command's `--rtl`, `KWB_RTL`, logical order
    for output that is not a terminal (a pipe or a file), the project's `[display] rtl`,
    then what the terminal is known to do."""
    env = os.environ if environ is None else environ
    for value in (chosen, env.get("KWB_RTL")):
        if value and value.strip().lower() in MODES:
            return value.strip().lower()  # type: ignore[return-value]
    if not is_terminal:
        return "terminal"
    if configured and configured.strip().lower() in MODES:
        return configured.strip().lower()  # type: ignore[return-value]
    return detect_mode({k: v for k, v in env.items() if k != "KWB_RTL"})


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Arabic script, Hebrew, Syriac …)."""
    return _RTL.search(text) is not None


def base_direction(text: str, direction: Direction = "auto") -> Literal["rtl", "ltr"]:
    """`direction`, or for "auto" the direction most words of `text` are written in (a
    word's first letter decides), on a tie that of its first letter; left to right when
    it has no letters.

    Unicode's own rule (P2: the first letter decides) reads an English note that opens
    with the Sorani term it explains ("عێراقی is both Iraq's and Iraqi") as a right-to-left
    paragraph, which scatters its English; counting words does not.
    """
    if direction != "auto":
        return direction
    counts = {"ltr": 0, "rtl": 0}
    first: Literal["rtl", "ltr"] | None = None
    for word in _WORDS.finditer(text):
        for char in word.group():
            kind = unicodedata.bidirectional(char)
            if kind in ("L", "R", "AL"):
                found: Literal["rtl", "ltr"] = "ltr" if kind == "L" else "rtl"
                counts[found] += 1
                first = first or found
                break
    if counts["ltr"] == counts["rtl"]:
        return first or "ltr"
    return "ltr" if counts["ltr"] > counts["rtl"] else "rtl"


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of logical-order `text` into lines of at most `width` cells, as
    (start, end) offsets into `text`; the spaces where a line breaks are dropped, and a word
    wider than a line is cut."""
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    start = end = -1
    used = 0
    for word in _WORDS.finditer(text):
        ws, we = word.span()
        size = cell_len(text[ws:we])
        if start >= 0 and used + cell_len(text[end:ws]) + size <= width:
            used += cell_len(text[end:ws]) + size
            end = we
            continue
        if start >= 0:
            spans.append((start, end))
            start = -1
        while size > width:
            cut, taken = ws, 0
            while cut < we and taken + get_character_cell_size(text[cut]) <= width:
                taken += get_character_cell_size(text[cut])
                cut += 1
            cut = max(cut, ws + 1)
            spans.append((ws, cut))
            ws = cut
            size = cell_len(text[ws:we])
        start, end, used = ws, we, size
    if start >= 0:
        spans.append((start, end))
    return spans or [(0, 0)]


def wrap(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` cells in logical order (see `wrap_spans`)."""
    return [text[start:end] for start, end in wrap_spans(text, width)]


def clip(text: str, width: int) -> str:
    """At most `width` cells of `text` from its logical start, ending in … when cut: a
    right-to-left line then shows its beginning, at the right end."""
    if cell_len(text) <= width:
        return text
    taken, cut = 0, 0
    while cut < len(text) and taken + get_character_cell_size(text[cut]) <= width - 1:
        taken += get_character_cell_size(text[cut])
        cut += 1
    return text[:cut].rstrip() + ELLIPSIS if width > 1 else ELLIPSIS[:width]


def reorder(line: str, mode: Mode, direction: Direction = "rtl") -> list[tuple[int, str]]:
    """The characters of one logical line in drawing order, as (logical index, glyph).

    Runs the Unicode bidi algorithm (python-bidi) on a paragraph of the given direction
    and keeps track of where each character came from, so styles given in logical offsets
    (glossary hits) land on the right glyphs. Glyphs are mirrored in right-to-left runs:
    "(" draws as ")". In "terminal" mode the line is returned in logical order.
    """
    if mode == "terminal":
        return list(enumerate(line))
    return list(_reordered(line, base_direction(line, direction)))


@lru_cache(maxsize=8192)
def _reordered(line: str, base: str) -> tuple[tuple[int, str], ...]:
    """`reorder` on a visual terminal, remembered: the editor draws the same glossary
    terms, notes and titles segment after segment, and the bidi pass is most of the cost
    of drawing a panel."""
    kept = [i for i, char in enumerate(line) if char not in _BIDI_CONTROLS]
    if base == "ltr" and not has_rtl(line):
        return tuple((i, line[i]) for i in kept)
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS["R" if base == "rtl" else "L"]
    storage["base_dir"] = "R" if base == "rtl" else "L"
    algorithm.get_embedding_levels("".join(line[i] for i in kept), storage, False, False)
    for char, index in zip(storage["chars"], kept, strict=True):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return tuple((char["index"], char["ch"]) for char in storage["chars"])


def visual_line(line: str, mode: Mode = "visual", direction: Direction = "rtl") -> str:
    """One line of logical text in drawing order for `mode`."""
    return "".join(glyph for _, glyph in reorder(line, mode, direction))


def layout(
    text: str, width: int, mode: Mode, direction: Direction = "rtl"
) -> list[list[tuple[int, str]]]:
    """`text` wrapped to `width` in logical order, each line in drawing order as
    (offset into `text`, glyph) pairs: what a right-to-left widget paints."""
    base = base_direction(text, direction)
    lines = []
    for start, end in wrap_spans(text, width):
        lines.append([(start + i, glyph) for i, glyph in reorder(text[start:end], mode, base)])
    return lines
