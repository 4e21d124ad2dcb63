"""Sorani word tokens with offsets, for matching and QA.

A token is a word with everything glued to it: ZWNJ, ZWJ and tatweel inside a word
(`ده‌ڵێت`, `کـورد`), Kurdish suffixes on Latin words (`BBCی`, `AMەکان`) and on numbers
(`٢٠٢١ـدا`, `SS١٩ی`), and numbers in any digit system with `٫`/`.`/`,` separators
(`٧٣٫٤`, `2,500`). A suffix glued by tatweel after a space or quote (`٢٠٢١ ـەوە`,
`"سێنچەری"ـی`) is its own token of kind `suffix`. Every other non-space character is a
`punct` token; tokens cover every non-space character of the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from workbench.gc_pause import paused_gc
from workbench.text.patterns import char_class
from workbench.text.tables import load


class Token(NamedTuple):
    """`text == source[start:end]`; `kind` is word, number, latin, suffix, url or punct."""

    start: int
    end: int
    text: str
    kind: str


def _pattern() -> re.Pattern[str]:
    t = load()
    letter = char_class(t.letters | t.harakat)
    glue = "\u200c\u200d\u0640"
    digit = "0-9\u0660-\u0669\u06f0-\u06f9"
    arabic_word = f"[{letter}][{letter}{glue}]*"
    suffix = f"(?:[{glue}]*[{letter}][{letter}{glue}]*|\u0640+)?"
    return re.compile(
        r"(?P<url>(?:https?://|www\.)[^\s\"”»)\]،؛]+[^\s\"”»)\]،؛.!?؟:]"
        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
        f"|(?P<number>[{digit}]+(?:[.,\u066b\u066c][{digit}]+)*{suffix})"
        f"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*[{digit}]*{suffix})"
        f"|(?P<word>{arabic_word})"
        f"|(?P<suffix>\u0640+[{letter}{glue}]*)"
        r"|(?P<punct>\.{2,}|[^\s])"
    )


_TOKEN = _pattern()


def tokenize(text: str) -> list[Token]:
    """All tokens of `text`, in order, with offsets into `text`."""
    with paused_gc():
        return [
            Token(m.start(), m.end(), m.group(), m.lastgroup or "punct")
            for m in _TOKEN.finditer(text)
        ]


def words(text: str) -> list[Token]:
    """Only the word-like tokens (words, numbers, Latin words, glued suffixes)."""
    return [t for t in tokenize(text) if t.kind not in ("punct", "url")]


def count_tokens(text: str, kinds: frozenset[str]) -> int:
    """How many tokens of `text` are of these kinds: `tokenize` counted without building
    the tokens (half the time, for counting the words of a whole project)."""
    return sum(1 for m in _TOKEN.finditer(text) if (m.lastgroup or "punct") in kinds)
