"""A hit shown in its context: a window of its text around it, cut at words, the hit
highlighted; what the concordance of `kwb search` and the workbench's search screen show."""

from __future__ import annotations

from rich.text import Text

from workbench.display.text import HIT_STYLE, highlighted

CONTEXT = 40
"""Characters of context on each side of a hit (cut back to a word's edge)."""


def in_context(
    text: str,
    start: int,
    end: int,
    width: int = CONTEXT,
    style: str = HIT_STYLE,
    after: int | None = None,
) -> Text:
    """`text[start:end]` with up to `width` characters before it and `after` (default: as
    many) after it, cut at a space, … where text was left out; user text (never markup),
    the hit styled."""
    after = width if after is None else after
    left = max(0, start - width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + after)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    shown = highlighted(text[left:right], [(start - left, end - left)], style)
    if left > 0:
        shown = Text("… ") + shown
    if right < len(text):
        shown.append(" …")
    return shown
