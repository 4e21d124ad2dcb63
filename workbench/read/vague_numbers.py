"""Sorani words that look like numbers but are none, or that a number may render but need
not: the number check reads the source without the first and lets the English have the
second. (Tables in data/numbers.tsv: quantifier-ckb, word-ckb-optional, ordinal-ckb.)"""

from __future__ import annotations

import re
from functools import cache

from workbench.read.tables import tables
from workbench.text.patterns import alternatives, trie_pattern


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = tables()
    scales = alternatives(t.scale_ckb)
    quantifiers = alternatives(t.quantifiers_ckb)
    endings = alternatives(t.ordinal_endings_ckb)
    return {
        # A quick look for any of the words.
        "clue": re.compile(trie_pattern([*t.quantifiers_ckb, *t.optional_ckb])),
        # A scale word after a word of an indefinite amount: no number (دەیان ملیۆن).
        "vague_scale": re.compile(rf"(?<!\w)(?:{quantifiers})\s+({scales})(?!\w)"),
        "optional": re.compile(trie_pattern(t.optional_ckb, whole=True)),
        # An ordinal: a number word and an ordinal ending (حەوتەمین); that it begins a word
        # is checked on each one found.
        "ordinal": re.compile(rf"({trie_pattern([*t.words_ckb, *t.bound_ckb])})(?:{endings})"),
    }


def without_vague_numbers(key: str) -> str:
    """A matching key with the words that look like numbers but are none blanked out (so
    that the offsets stay): a scale word after a word of an indefinite amount (دەیان ملیۆن,
    tens of millions), and the words a number may render but need not (هەر دوو, both:
    `sorani_optional_numbers`)."""
    p = _patterns()
    if p["clue"].search(key) is None:
        return key  # the usual case: none of those words
    t = tables()
    if any(word in key for word in t.quantifiers_ckb) and any(w in key for w in t.scale_ckb):
        key = p["vague_scale"].sub(_blank_scale, key)
    if any(word in key for word in t.optional_ckb):
        key = p["optional"].sub(_blank, key)
    return key


def _blank_scale(found: re.Match[str]) -> str:
    """The quantifier found, and its scale word blanked."""
    return found[0][: found.start(1) - found.start()] + "x" * len(found[1])


def sorani_optional_numbers(key: str) -> list[float]:
    """Numbers a Sorani matching key may be rendered with, but need not be: the words that
    may be numbers (هەر دوو, both: 2) and ordinals (حەوتەم, seventh: 7th)."""
    p = _patterns()
    t = tables()
    found = [t.optional_ckb[m[0]] for m in p["optional"].finditer(key)]
    numbers = {**t.words_ckb, **t.bound_ckb}
    found += [
        numbers[m[1]]
        for m in p["ordinal"].finditer(key)
        if not m.start() or not key[m.start() - 1].isalnum()
    ]
    return found


def _blank(found: re.Match[str]) -> str:
    """Letters as long as what was found: no number word, the same offsets."""
    return "x" * len(found.group())
