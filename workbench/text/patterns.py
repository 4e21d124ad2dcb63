"""Regex helpers shared by the text core and the language readers: a character class for a set
of characters, a trie-shaped alternation for a word list (one place for both, so every
pattern is built the same way)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def char_class(chars: frozenset[str] | set[str] | str) -> str:
    """A regex character class body (without brackets) matching exactly `chars`."""
    points = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = points[i], points[j]
        parts.append(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}")
        i = j + 1
    return "".join(parts)


def trie_pattern(words: Iterable[str], whole: bool = False) -> str:
    """A regex matching any of `words`, longest first, as a trie (دوو(?:سەد)?): the engine
    tries one branch per position instead of every word, and skips ahead to the letters a
    word can begin with. With `whole`, only whole words: no word character before (checked
    after the first letter, so the skipping still works) or after."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    complete = "" in groups
    groups.pop("", None)
    branches = []
    for first, rests in sorted(groups.items()):
        head = re.escape(first) + (rf"(?<!\w{re.escape(first)})" if whole else "")
        branches.append(head + trie_pattern(rests))
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    if whole:
        return body + r"(?!\w)"
    return body + "?" if complete else body


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
