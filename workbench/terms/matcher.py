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
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from workbench.terms.model import Entry
from workbench.terms.morphology import is_head, is_tail, prepositions
from workbench.text.normalize import key_text, matching_key

_WORD_TAIL = re.compile(r"\w*")
_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")
_EZAFE = "ی"
_MIN_ADJECTIVE = 3


@dataclass(frozen=True)
class Hit:
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

    @property
    def length(self) -> int:
        """Characters of the uninflected form, words joined by single spaces."""
        return sum(map(len, self.words)) + len(self.words) - 1


@dataclass(frozen=True)
class KeyHit:
    """A hit in matching-key offsets, before mapping back to the original text."""

    start: int
    end: int
    entry: int
    form: str
    adjectival: bool


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
                for pattern in self._patterns(index, form, adjectival):
                    table.setdefault(pattern.stem, []).append(pattern)
        for stem, patterns in table.items():
            self._automaton.add_word(stem, tuple(patterns))
        self._empty = not table
        if table:
            self._automaton.make_automaton()

    @staticmethod
    def _patterns(index: int, form: str, adjectival: bool) -> Iterable[_Pattern]:
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
            yield _Pattern(index, form, words, adjectival, False, base, head_exact, e_drop)
            variants = {base, "ڕ" + base[1:]} if base.startswith("ر") else {base}
            for prep in prepositions():
                for variant in sorted(variants):
                    yield _Pattern(
                        index, form, words, adjectival, True, prep + variant, head_exact, e_drop
                    )

    def find_in_key(self, key: str) -> list[KeyHit]:
        """Non-overlapping hits in matching-key text, in text order."""
        if self._empty:
            return []
        candidates: list[tuple[int, int, int, _Pattern]] = []  # start, end, extra, pattern
        for last, patterns in self._automaton.iter(key):
            for pattern in patterns:
                start = last - len(pattern.stem) + 1
                if start > 0 and (key[start - 1].isalnum() or key[start - 1] == "_"):
                    continue
                end = self._verify(key, last + 1, pattern)
                if end is not None:
                    extra = end - start - pattern.length
                    candidates.append((start, end, extra, pattern))
        return [
            KeyHit(start, end, p.entry, p.form, p.adjectival)
            for start, end, _, p in _resolve(candidates)
        ]

    def _verify(self, key: str, stem_end: int, p: _Pattern) -> int | None:
        """The key offset where the candidate ends, or None when it is not the term."""
        word_end = _WORD_TAIL.match(key, stem_end).end()  # type: ignore[union-attr]
        rest = key[stem_end:word_end]
        entry = self.entries[p.entry]
        proper = entry.proper and not p.adjectival
        previous = p.stem[-1]
        if p.e_drop and not rest.startswith("ان"):
            return None
        if len(p.words) == 1:
            return word_end if is_tail(rest, previous, proper, p.glued) else None
        if p.head_exact:
            if rest:
                return None
        elif not is_head(rest, previous, proper):
            return None
        position = word_end
        skipped = False
        for i, word in enumerate(p.words[1:], 1):
            last = i == len(p.words) - 1
            while True:
                m = _NEXT_WORD.match(key, position)
                if m is None:
                    return None
                token = m[1]
                if last and token.startswith(word):
                    if is_tail(token[len(word) :], word[-1], proper):
                        position = m.end()
                        break
                elif not last and token == word:
                    position = m.end()
                    break
                if i == 1 and not skipped and self._adjective(token):
                    skipped = True
                    position = m.end()
                    continue
                return None
        return position

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
        key = matching_key(text)
        hits: list[Hit] = []
        for h in self.find_in_key(key.text):
            start, end = key.original_span(h.start, h.end)
            hits.append(
                Hit(start, end, text[start:end], self.entries[h.entry], h.form, h.adjectival)
            )
        return hits


def _resolve(
    candidates: Sequence[tuple[int, int, int, _Pattern]],
) -> list[tuple[int, int, int, _Pattern]]:
    """Longest first, then leftmost, then the least inflected reading (عێراقی as the
    adjectival form rather than عێراق + ی), then by entry and form; keep those that overlap
    nothing kept."""
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2], c[3].entry, c[3].form))
    starts: list[int] = []
    kept: list[tuple[int, int, int, _Pattern]] = []
    for candidate in ordered:
        start, end = candidate[0], candidate[1]
        i = bisect_left(starts, start)
        if i > 0 and kept[i - 1][1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        kept.insert(i, candidate)
    return kept
