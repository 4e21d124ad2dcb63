"""How similar two Sorani sentences are: the one fuzzy-match score of kwb (0–100).

The score is the OmegaT measure — Levenshtein distance over the words of the whole
sentences, normalised by the longer one — made to see through Sorani inflection:

    score = 100 × (1 − (d_words + d_forms) / (2 × n))

where `n` is the word count of the longer sentence, `d_words` the word-level edit distance
of the two matching keys, and `d_forms` the same distance once each word is replaced by
one representative of the forms of its word (`same_word`: هێزی, هێزەکان and هێزێک are one
word, and so are هەولیر and هەولێر, one letter apart). So a word replaced by another word
costs 1, a word that only changed its inflection or had a typo fixed costs ½, a word added
or removed costs 1. Punctuation is not a word and Latin words are compared without case;
the same matching key scores 100 and any difference at most 99, so 100 always means an
exact match.

Why words and not characters: a character measure sees any two Sorani sentences of similar
length as half-similar (the same few letters — ە ی ا ن ر — fill every sentence), and one
that weighs partial matches (rapidfuzz's WRatio) scores 85 for two unrelated sentences
that share one little word such as بۆ or لە. On the word measure a one-word overlap of
two-word sentences is at most 50, and unrelated news sentences score under 30.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from workbench.terms.morphology import is_tail

FUZZY_MINIMUM = 70.0
"""The least score at which kwb writes an old translation into an entry as a fuzzy draft
(the update of an edited article, `kwb add --pretranslate`). 70 is the minimum match value
CAT tools default to and the level translators treat as a usable fuzzy: one word in four
changed (75) passes, and so does one inflection changed in a sentence of two words (75);
two words in six changed (67) do not."""

SUGGESTION_MINIMUM = 60.0
"""The least score of a translation-memory suggestion shown by default (`kwb tm search`,
the workbench's TM panel): lower than `FUZZY_MINIMUM` because a suggestion is only shown,
higher than 50 so that one shared word never makes a suggestion."""

STEM_LETTERS = 3
"""Shortest stem two forms of one word share (بۆ and بۆیە are different words)."""

SPELLING_LETTERS = 4
"""Shortest words that one letter apart count as one word spelled two ways (a typo fixed:
هەولیر → هەولێر); shorter ones are often two words (کەر, کەڕ)."""


_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
"""A word: letters and digits, with the separators inside numbers (2,500, 2.5) and Latin
apostrophes; the matching key has no joiners or tatweel left to glue words."""


@lru_cache(maxsize=65_536)
def sentence_words(key: str) -> tuple[str, ...]:
    """The words of a matching key: numbers and Latin words (without case) included,
    punctuation not."""
    return tuple(_WORD.findall(key.casefold()))


@lru_cache(maxsize=262_144)
def same_word(a: str, b: str) -> bool:
    """Whether `a` and `b` are forms of one word: one stem of at least `STEM_LETTERS`
    letters, each followed by a chain of Sorani inflectional suffixes
    (`terms/data/suffixes.tsv`: هێزی, هێزەکان), or one spelling a letter away from the
    other (words of `SPELLING_LETTERS` or more). Derivations are other words: کوردستان is
    not کوردی."""
    if a == b:
        return True
    if min(len(a), len(b)) >= SPELLING_LETTERS and Levenshtein.distance(a, b, score_cutoff=1) <= 1:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    for end in range(common, STEM_LETTERS - 1, -1):
        previous = a[end - 1]
        if is_tail(a[end:], previous, False) and is_tail(b[end:], previous, False):
            return True
    return False


def _pairs_to_test(only_a: list[str], only_b: list[str]) -> set[tuple[str, str]]:
    """The pairs `same_word` may accept: forms of a word share their first letters, and
    two spellings a letter apart (of 4+ letters) share their first two or their last two."""
    by_head: dict[str, list[str]] = {}
    by_tail: dict[str, list[str]] = {}
    for y in only_b:
        by_head.setdefault(y[:2], []).append(y)
        if len(y) >= SPELLING_LETTERS - 1:
            by_tail.setdefault(y[-2:], []).append(y)
    pairs = {(x, y) for x in only_a for y in by_head.get(x[:2], ())}
    pairs.update(
        (x, y) for x in only_a if len(x) >= SPELLING_LETTERS - 1 for y in by_tail.get(x[-2:], ())
    )
    return pairs


def _folded(a: Sequence[str], b: Sequence[str]) -> tuple[list[str], list[str]]:
    """`a` and `b` with every word found on one side only replaced by the alphabetically
    first of its forms on either side, so that both sides agree."""
    only_a = sorted(set(a).difference(b))
    only_b = sorted(set(b).difference(a))
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        while parent.get(word, word) != word:
            word = parent[word]
        return word

    for x, y in sorted(_pairs_to_test(only_a, only_b)):
        if same_word(x, y):
            first, second = sorted((root(x), root(y)))
            if first != second:
                parent[second] = first
    if not parent:
        return list(a), list(b)
    return [root(w) for w in a], [root(w) for w in b]


def word_similarity(
    a: Sequence[str], b: Sequence[str], minimum: float = 0.0, same_key: bool = False
) -> float:
    """The score of two sentences given as words; 0.0 when it is certainly below `minimum`
    (the inflection pass is skipped when even halving the word distance can't reach it)."""
    if same_key:
        return 100.0
    n = max(len(a), len(b))
    if n == 0:
        return 0.0
    if 100.0 * min(len(a), len(b)) / n < minimum:
        return 0.0
    d_words = Levenshtein.distance(a, b)
    # folding can only lower the second distance down to the difference in length
    if 100.0 * (n + min(len(a), len(b)) - d_words) / (2 * n) < minimum:
        return 0.0
    d_forms = Levenshtein.distance(*_folded(a, b)) if d_words else 0
    return min(99.0, 100.0 * (2 * n - d_words - d_forms) / (2 * n))


def similarity(a_key: str, b_key: str, minimum: float = 0.0) -> float:
    """The score of two sentences given as matching keys (see the module docstring)."""
    return word_similarity(
        sentence_words(a_key), sentence_words(b_key), minimum, same_key=a_key == b_key
    )
