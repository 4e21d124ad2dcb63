"""Sorani text for the terminal: wrapped in logical order, drawn in visual order, with
highlighted spans (glossary hits) kept on the right characters."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workbench.rtl import reorder, wrap_spans

HIT_STYLE = "bold black on yellow"


def highlighted_lines(
    text: str, spans: Sequence[tuple[int, int]], width: int, style: str = HIT_STYLE
) -> list[Text]:
    """Each paragraph of `text` wrapped to `width`, reordered for display, spans styled."""
    marked = [False] * len(text)
    for start, end in spans:
        marked[start:end] = [True] * (end - start)
    lines: list[Text] = []
    offset = 0
    for paragraph in text.split("\n"):
        for start, end in wrap_spans(paragraph, max(width, 10)):
            line = Text()
            for index, glyph in reorder(paragraph[start:end]):
                line.append(glyph, style if marked[offset + start + index] else "")
            lines.append(line)
        offset += len(paragraph) + 1
    return lines
