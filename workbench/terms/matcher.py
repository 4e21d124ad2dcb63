"""Find glossary terms in raw Sorani text the way a Sorani reader does.

Text and terms are compared on the matching key (so ك/ک, digits, ZWNJ and tatweel don't
matter), hits are reported at the original offsets. An Aho-Corasick automaton finds every
term's first-word stem at a word start (or after a glued preposition: لەهێزەکان); each
candidate is then checked word by word:
- a single word or the last word of a phrase: stem + inflectional suffix chain
  (هێزەکانیشیانەوە), never a derivation (کوردستان is not کورد);
- the head of an ezafe phrase: stem + a chain ending in ezafe (هێزی, هێزێکی, هێزە …);
- one intervening adjective after the head (هێزی بیانی شەڕکەر);
- middle words as written.
Longest match wins; overlapping matches resolve longest-first, then leftmost, then by id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter
from typing import NamedTuple, cast

import ahocorasick

from workbench.gc_pause import paused_gc
from workbench.terms.model import Entry
from workbench.terms.morphology import is_head, is_tail, prepositions
from workbench.text.normalize import Normalized, key_text, matching_key
from workbench.text.offsets import map_spans

_PUNCTUATION = re.compile(r"[^\w ]")
_CACHE_SIZE = 500_000
"""Distinct words (and phrase contexts) whose analysis is kept; cleared past this size."""
_PHRASE_WINDOW = 5
"""Words after a phrase's head that a phrase check may read: 3 more words and 1 adjective."""
_NOTHING: tuple[()] = ()


def _spaced(key: str) -> str:
    """`key` with every non-word character turned into a space, offsets unchanged.

    Faster than one regex substitution per character: find the few distinct punctuation
    characters present, then replace each everywhere at memory speed.
    """
    position = 0
    while (m := _PUNCTUATION.search(key, position)) is not None:
        key = key.replace(m.group(), " ")
        position = m.start()
    return key


def _next_token(key: str, tokens: list[str], starts: list[int], i: int) -> int:
    """The index of the word after token `i` if only spaces separate them (no punctuation,
    no line break), else -1."""
    j = i + 1
    while j < len(tokens) and not tokens[j]:
        j += 1
    if j >= len(tokens):
        return -1
    gap = key[starts[i] + len(tokens[i]) : starts[j]]
    if gap == " " or (gap.isspace() and "\n" not in gap):
        return j
    return -1


_EZAFE = "ی"
_MIN_ADJECTIVE = 3


class Hit(NamedTuple):
    """One occurrence of a term: `surface == text[start:end]` covers whole words."""

    start: int
    end: int
    surface: str
    entry: Entry
    form: str
    """The source spelling (as written in the glossary) that matched."""
    adjectival: bool = False

    @property
    def target(self) -> str:
        """The rendering to use: the adjectival one for an adjectival form (ئەمریکی → US)."""
        if self.adjectival and self.entry.adjectival_target:
            return self.entry.adjectival_target
        return self.entry.target

    @property
    def variants(self) -> tuple[str, ...]:
        """The admitted variants (of the adjectival rendering, for an adjectival form)."""
        if self.adjectival and self.entry.adjectival_target:
            return self.entry.adjectival_variants
        return self.entry.variants


@dataclass(frozen=True)
class _Pattern:
    entry: int
    form: str
    words: tuple[str, ...]
    adjectival: bool
    glued: bool
    stem: str
    head_exact: bool
    e_drop: bool
    proper: bool
    length: int = field(init=False)
    """Characters of the uninflected form, words joined by single spaces."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "length", sum(map(len, self.words)) + len(self.words) - 1)


_Match = tuple[int, int, _Pattern]
"""A match found from a word's start: (length, extra characters of inflection, pattern)."""
_Found = tuple[tuple[_Match, ...], tuple[_Pattern, ...]]
_Analysis = _Found | tuple[()]


class Matcher:
    """A compiled glossary: build once, then `find` in any number of texts."""

    def __init__(self, entries: Iterable[Entry], stopwords: Iterable[str] = ()) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._stopwords = frozenset(key_text(w) for w in stopwords)
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Pattern]] = {}
        for index, entry in enumerate(self.entries):
            forms = [(f, False) for f in (entry.source, *entry.source_forms)]
            forms += [(f, True) for f in entry.adjectival]
            for form, adjectival in forms:
                proper = entry.proper and not adjectival
                for pattern in self._patterns(index, form, adjectival, proper):
                    table.setdefault(pattern.stem, []).append(pattern)
        for stem, patterns in table.items():
            # A leading space: the automaton runs over the key with every non-word
            # character turned into a space, so it only ever reports stems at word starts.
            self._automaton.add_word(" " + stem, tuple(patterns))
        self._empty = not table
        self._analyses: dict[str, _Analysis] = {}
        self._phrase_cache: dict[str, tuple[_Match, ...]] = {}
        if table:
            self._automaton.make_automaton()

    @staticmethod
    def _patterns(index: int, form: str, adjectival: bool, proper: bool) -> Iterable[_Pattern]:
        words = tuple(key_text(form).split())
        if not words:
            return
        first = words[0]
        head_exact = True
        stem = first
        if len(words) > 1 and first.endswith(_EZAFE) and len(first) > 2:
            stem, head_exact = first[:-1], False
        stems = [(stem, False)]
        if len(words) == 1 and stem.endswith("ە") and len(stem) > 2:
            stems.append((stem[:-1], True))  # ناوچە → ناوچان
        for base, e_drop in stems:
            yield _Pattern(index, form, words, adjectival, False, base, head_exact, e_drop, proper)
            variants = {base, "ڕ" + base[1:]} if base.startswith("ر") else {base}
            for prep in prepositions():
                for variant in sorted(variants):
                    yield _Pattern(
                        index,
                        form,
                        words,
                        adjectival,
                        True,
                        prep + variant,
                        head_exact,
                        e_drop,
                        proper,
                    )

    def find_in_key(self, key: str) -> list[tuple[int, int, _Pattern]]:
        """Non-overlapping hits in matching-key text, in text order, as (start, end, pattern).

        The key is cut into words once; each distinct word is analysed once (which terms'
        stems it starts with, and whether the rest is a valid ending), and each phrase check
        is cached on the text of the words it read, so the cost per running word is mostly
        a dictionary lookup.
        """
        if self._empty:
            return []
        with paused_gc():
            return self._find_in_key(key)

    def _find_in_key(self, key: str) -> list[tuple[int, int, _Pattern]]:
        tokens = _spaced(key).split(" ")
        starts = list(accumulate(map(add, map(len, tokens), repeat(1)), initial=0))
        analyses, phrase_cache = self._analyses, self._phrase_cache
        if len(analyses) > _CACHE_SIZE:
            analyses.clear()
        if len(phrase_cache) > _CACHE_SIZE:
            phrase_cache.clear()
        for word in set(tokens).difference(analyses):
            analyses[word] = self._analyse(word)
        found_per_token = list(map(analyses.__getitem__, tokens))
        window = _PHRASE_WINDOW
        last_token = len(tokens) - 1
        kept: list[tuple[int, int, int, _Pattern]] = []
        cluster: list[tuple[int, int, int, _Pattern]] = []
        cluster_end = -1
        # Only the tokens that begin some term (analysis non-empty) are visited in Python.
        for i in compress(count(), found_per_token):
            singles, phrases = cast(_Found, found_per_token[i])  # compress skipped the empty ones
            start = starts[i]
            if phrases:
                context = key[start : starts[min(i + window + 1, last_token + 1)] - 1]
                ends = phrase_cache.get(context)
                if ends is None:
                    ends, cacheable = self._phrase_ends(key, tokens, starts, i, phrases)
                    if cacheable:
                        phrase_cache[context] = ends
                matches = singles + ends if singles else ends
            else:
                matches = singles
            for length, extra, pattern in matches:
                end = start + length
                if start >= cluster_end:
                    if len(cluster) == 1:
                        kept.append(cluster[0])
                    elif cluster:
                        kept.extend(_resolve_cluster(cluster))
                    cluster = [(start, end, extra, pattern)]
                    cluster_end = end
                else:
                    cluster.append((start, end, extra, pattern))
                    if end > cluster_end:
                        cluster_end = end
        kept.extend(cluster if len(cluster) <= 1 else _resolve_cluster(cluster))
        return [(start, end, p) for start, end, _, p in kept]

    def _analyse(self, word: str) -> _Analysis:
        """The single-word matches of this word (length, extra, pattern), and the phrase
        patterns it can begin."""
        singles: list[_Match] = []
        phrases: list[_Pattern] = []
        for last, patterns in self._automaton.iter(" " + word):
            rest = word[last:]
            for p in patterns:
                if p.e_drop and not rest.startswith("ان"):
                    continue
                if len(p.words) == 1:
                    if is_tail(rest, p.stem[-1], p.proper, p.glued):
                        singles.append((len(word), len(word) - p.length, p))
                elif (not rest) if p.head_exact else is_head(rest, p.stem[-1], p.proper):
                    phrases.append(p)
        if not singles and not phrases:
            return _NOTHING
        return tuple(singles), tuple(phrases)

    def _phrase_ends(
        self, key: str, tokens: list[str], starts: list[int], i: int, phrases: Sequence[_Pattern]
    ) -> tuple[tuple[_Match, ...], bool]:
        """(length from the head's start, extra, pattern) for the phrases that follow token
        `i`, and whether the answer depends only on the next `_PHRASE_WINDOW` tokens (so it
        can be cached on their text)."""
        ends: list[_Match] = []
        furthest = i
        for p in phrases:
            end, seen = self._phrase_end(key, tokens, starts, i, p)
            furthest = max(furthest, seen)
            if end is not None:
                length = end - starts[i]
                ends.append((length, length - p.length, p))
        return tuple(ends), furthest <= i + _PHRASE_WINDOW

    def _phrase_end(
        self, key: str, tokens: list[str], starts: list[int], i: int, p: _Pattern
    ) -> tuple[int | None, int]:
        """Where the phrase starting with token `i` ends (None when its words don't follow),
        and the index of the furthest token read."""
        skipped = False
        last_index = len(p.words) - 1
        for n, word in enumerate(p.words[1:], 1):
            while True:
                following = _next_token(key, tokens, starts, i)
                if following < 0:
                    return None, i + 1
                i = following
                token = tokens[i]
                if n == last_index:
                    if token.startswith(word) and is_tail(token[len(word) :], word[-1], p.proper):
                        break
                elif token == word:
                    break
                if n == 1 and not skipped and self._adjective(token):
                    skipped = True
                    continue
                return None, i
        return starts[i] + len(tokens[i]), i

    def _adjective(self, token: str) -> bool:
        """A word that can stand between the head and its modifier: هێزی بیانی شەڕکەر."""
        return (
            token.endswith(_EZAFE)
            and len(token) >= _MIN_ADJECTIVE
            and token not in self._stopwords
            and not token.isdigit()
        )

    def find(self, text: str) -> list[Hit]:
        """Every term in raw `text`, at original offsets, in text order."""
        return self.find_keyed(text)[0]

    def find_keyed(self, text: str) -> tuple[list[Hit], str]:
        """`find`, plus the matching key of `text` it computed on the way."""
        with paused_gc():
            key = matching_key(text)
            return self._find(text, key), key.text

    def _find(self, text: str, key: Normalized) -> list[Hit]:
        found = self.find_in_key(key.text)
        spans = map_spans(key.offsets, [(start, end) for start, end, _ in found])
        entries = self.entries
        make = tuple.__new__  # skips NamedTuple's argument handling: hits can be many
        return [
            make(Hit, (s, e, text[s:e], entries[p.entry], p.form, p.adjectival))
            for (s, e), (_, _, p) in zip(spans, found, strict=True)
        ]


def _resolve_cluster(
    cluster: Sequence[tuple[int, int, int, _Pattern]],
) -> list[tuple[int, int, int, _Pattern]]:
    """Among overlapping candidates: longest first, then leftmost, then the least inflected
    reading (عێراقی as the adjectival form rather than عێراق + ی), then by entry and form."""
    ordered = sorted(cluster, key=lambda c: (c[0] - c[1], c[0], c[2], c[3].entry, c[3].form))
    base = cluster[0][0]
    taken = bytearray(max(c[1] for c in cluster) - base)
    kept: list[tuple[int, int, int, _Pattern]] = []
    for candidate in ordered:
        start, end = candidate[0] - base, candidate[1] - base
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(candidate)
    kept.sort(key=itemgetter(0))
    return kept
