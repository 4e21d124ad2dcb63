"""Reading Sorani back from what a terminal shows: the helpers of the display tests."""

from __future__ import annotations

import re

LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d5]+")
"""Arabic-script letters (digits, ، and ؟ left out: they keep their own order)."""


def sorani_words(line: str) -> list[str]:
    """The Sorani words of a line, left to right as they appear."""
    return LETTERS.findall(line)


def read_visual(lines: list[str]) -> list[str]:
    """The Sorani words of lines drawn in display order, in reading order: each line from
    its right end, lines from the top."""
    return [w[::-1] for line in lines for w in reversed(sorani_words(line))]


def contains(words: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` occurs in `words` as a run, in order."""
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))
