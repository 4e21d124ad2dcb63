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
A term is also found as its nisba adjective (`nisba`: ئەمریکییەکان for ئەمریکا, هێرشە
درۆنییەکان for هێرشی درۆن), a reading that loses to any exact one of the same words, and in
the spelling variants of real text (`spelling`: عیراقییەکان for عێراق, ئەفریقای باشور), which
lose to exact and nisba readings alike.
Longest match wins; overlapping matches resolve longest-first, then leftmost, then by id.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count, pairwise, repeat
from operator import add, itemgetter
from typing import NamedTuple, cast

import ahocorasick

from workbench.gc_pause import paused_gc
from workbench.terms.model import Entry
from workbench.terms.morphology import is_head, is_tail, numerals, prepositions
from workbench.terms.nisba import derived_forms, nisba_phrases
from workbench.terms.spelling import respellings
from workbench.text.normalize import key_text, matching_key
from workbench.text.offsets import map_spans

_PUNCTUATION = re.compile(r"[^\w ]")
_CACHE_SIZE = 500_000
"""Distinct words (and phrase contexts) whose analysis is kept; cleared past this size."""
_PHRASE_WINDOW = 5
"""Words after a phrase's head that a phrase check may read: 3 more words and 1 adjective."""


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


def _tokens(key: str) -> tuple[list[str], list[int]]:
    """The words of a matching key (empty where punctuation or spaces follow each other),
    and the offset of each, with one past the end last."""
    tokens = _spaced(key).split(" ")
    return tokens, list(accumulate(map(add, map(len, tokens), repeat(1)), initial=0))


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
    """The source spelling (as written in the glossary) that matched, or whose nisba
    adjective matched when `derived`."""
    adjectival: bool = False
    derived: bool = False
    """Found as the nisba adjective derived from `form` (ئەمریکییەکان for ئەمریکا), which the
    glossary does not list; such a hit is also `adjectival`."""
    respelled: bool = False
    """Found in a spelling variant of `form` (عیراق for عێراق, فلیپین for فیلیپین) that the
    glossary does not list; with `derived`, in the nisba adjective of one (عیراقییەکان)."""

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
    derived: bool
    """A nisba adjective the glossary does not list: ranked after every exact reading."""
    respelled: bool
    """A spelling variant the glossary does not list: ranked after every other reading."""
    length: int
    """Characters of the uninflected form, words joined by single spaces."""


_Match = tuple[int, int, _Pattern]
"""A match found from a word's start: (length, extra characters of inflection, pattern)."""
_Found = tuple[_Match | None, tuple[_Pattern, ...], tuple[_Match, ...]]
"""A word's analysis: its best single-word match, the phrase patterns it can begin, and its
single-word matches of other entries (سەربازی: military, or soldier + ezafe), best first."""
_Analysis = _Found | None
_Phrases = tuple[tuple[_Match, ...], _Match]
"""The phrases found from one word, and the one overlap resolution ranks first."""
_Candidate = tuple[int, int, int, _Pattern]
"""A match in the text: (start, end, extra, pattern)."""


class Matcher:
    """A compiled glossary: build once, then `find` in any number of texts."""

    def __init__(
        self,
        entries: Iterable[Entry],
        stopwords: Iterable[str] = (),
        *,
        derive: bool = True,
        respell: bool = True,
    ) -> None:
        """Compile `entries`; with `derive`, terms are also found as their nisba adjectives
        (ئەمریکا as ئەمریکی, ئەمریکییەکان) where the glossary does not list them; with
        `respell`, in the spelling variants of real text (عیراق for عێراق)."""
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._stopwords = frozenset(key_text(w) for w in stopwords)
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Pattern]] = {}
        keys: dict[str, str] = {}

        def key(form: str) -> str:
            """The matching key of a glossary form, computed once per distinct form."""
            if form not in keys:
                keys[form] = key_text(form)
            return keys[form]

        variants = respellings(self.entries, _forms, key, self._stopwords) if respell else []
        for index, entry in enumerate(self.entries):
            for form, adjectival in _forms(entry):
                proper = entry.proper and not adjectival
                for pattern in self._patterns(index, form, key(form), adjectival, proper):
                    table.setdefault(pattern.stem, []).append(pattern)
            # An adjective inflects as any adjective, whatever the term does.
            for form, keyed in derived_forms(entry, key) if derive else ():
                for pattern in self._patterns(index, form, keyed, True, False, derived=True):
                    table.setdefault(pattern.stem, []).append(pattern)
            own = {key(f) for f, _ in _forms(entry)}
            for form, adjectival, keyed in variants[index] if respell else ():
                proper = entry.proper and not adjectival
                readings = [(keyed, adjectival, proper, False)]
                if derive and not adjectival:
                    readings += [(n, True, False, True) for n in nisba_phrases(entry, keyed, own)]
                for spelled, adjective, name, derived in readings:
                    for pattern in self._patterns(
                        index, form, spelled, adjective, name, derived, respelled=True
                    ):
                        table.setdefault(pattern.stem, []).append(pattern)
        for stem, patterns in table.items():
            # A leading space: the automaton runs over the key with every non-word
            # character turned into a space, so it only ever reports stems at word starts.
            self._automaton.add_word(" " + stem, tuple(patterns))
        self._empty = not table
        self._analyses: dict[str, _Analysis] = {}
        self._phrase_cache: dict[str, _Phrases | None] = {}
        self._nested: dict[int, tuple[Entry, ...]] = {}
        if table:
            self._automaton.make_automaton()

    @staticmethod
    def _patterns(
        index: int,
        form: str,
        keyed: str,
        adjectival: bool,
        proper: bool,
        derived: bool = False,
        respelled: bool = False,
    ) -> Iterable[_Pattern]:
        """The automaton patterns of glossary `form` as `keyed`: the matching key of the form
        itself, of its nisba adjective, or of a spelling variant of either."""
        words = tuple(keyed.split())
        if not words:
            return
        first = words[0]
        head_exact = True
        stem = first
        if len(words) > 1 and first.endswith(_EZAFE) and len(first) > 2:
            stem, head_exact = first[:-1], False
        length = sum(map(len, words)) + len(words) - 1  # computed once for all its patterns
        stems = [(stem, False)]
        if len(words) == 1 and stem.endswith("ە") and len(stem) > 2:
            stems.append((stem[:-1], True))  # ناوچە → ناوچان
        for base, e_drop in stems:
            yield _Pattern(
                index,
                form,
                words,
                adjectival,
                False,
                base,
                head_exact,
                e_drop,
                proper,
                derived,
                respelled,
                length,
            )
            spellings = [base, "ڕ" + base[1:]] if base.startswith("ر") else [base]
            # A spelling variant takes no glued preposition: بە + روار (رووار) is بەروار
            # "date", and a variant is a guess already.
            for prep in () if respelled else prepositions():
                for variant in spellings:
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
                        derived,
                        respelled,
                        length,
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
        tokens, starts = _tokens(key)
        found = self._analyses_of(tokens)
        # Only the tokens that begin some term (analysis not None) are visited in Python.
        hit_tokens = list(compress(count(), found))
        _nouns_after_numerals(tokens, found, hit_tokens)
        heads = self._phrase_matches(key, tokens, starts, found, hit_tokens)
        return _keep(found, starts, hit_tokens, heads)

    def _analyses_of(self, tokens: list[str]) -> list[_Analysis]:
        """The analysis of every token (each distinct word analysed once, then cached)."""
        analyses = self._analyses
        if len(analyses) > _CACHE_SIZE:
            analyses.clear()
        for word in set(tokens).difference(analyses):
            analyses[word] = self._analyse(word)
        return list(map(analyses.__getitem__, tokens))

    def _phrase_matches(
        self,
        key: str,
        tokens: list[str],
        starts: list[int],
        found: list[_Analysis],
        hit_tokens: list[int],
    ) -> dict[int, _Phrases]:
        """The phrases (length, extra, pattern) found from each token that begins one, by
        token index in text order; each check is cached on the text of the words it read."""
        phrase_cache = self._phrase_cache
        if len(phrase_cache) > _CACHE_SIZE:
            phrase_cache.clear()
        window_stop = len(tokens)
        analyses = cast(list[_Found], found)  # read only at hit tokens, which have one
        heads: dict[int, _Phrases] = {}
        for i in [i for i in hit_tokens if analyses[i][1]]:
            start = starts[i]
            context = key[start : starts[min(i + _PHRASE_WINDOW + 1, window_stop)] - 1]
            if context in phrase_cache:
                phrases = phrase_cache[context]
            else:
                ends, cacheable = self._phrase_ends(key, tokens, starts, i, analyses[i][1])
                phrases = (ends, min(ends, key=_phrase_rank)) if ends else None
                if cacheable:
                    phrase_cache[context] = phrases
            if phrases is not None:
                heads[i] = phrases
        return heads

    def _analyse(self, word: str) -> _Analysis:
        """The best single-word match of this word (length, extra, pattern), and the phrase
        patterns it can begin; None when it begins no term."""
        singles, phrases = self._word_matches(word)
        if not singles and not phrases:
            return None
        # All single-word matches of a word cover the same span, so overlap resolution can
        # only ever keep the one it ranks first: keep just that one (and its other entries).
        ranked: list[_Match] = sorted(singles, key=_single_rank)
        if not ranked:
            return None, tuple(phrases), ()
        entries = {ranked[0][2].entry}
        others = []
        for match in ranked[1:]:
            if match[2].entry not in entries:
                entries.add(match[2].entry)
                others.append(match)
        return ranked[0], tuple(phrases), tuple(others)

    def readings_at(self, text: str, start: int, end: int | None = None) -> tuple[Entry, ...]:
        """Every term that may be read from the word at offset `start` of raw `text` to
        `end` or beyond, before overlap resolution kept one; longest first. A check may
        accept any: سەربازی is military, or soldier with its ezafe; سەرۆکی in سەرۆکی
        پەرلەمانی کوردستان is president, or begins parliament speaker (which lost to
        Kurdistan Parliament). With no `end`, shorter terms too."""
        if self._empty:
            return ()
        raw = text[start:].split(maxsplit=1)
        first = _spaced(key_text(raw[0])).split(" ")[0] if raw else ""
        analysis = self._analyses[first] if first in self._analyses else self._analyse(first)
        if analysis is None:
            return ()
        best, heads, others = analysis
        least = len(key_text(text[start:end])) if end is not None else 0
        if not heads:  # one word: no need to read on
            if best is None or best[0] < least:
                return ()
            return tuple(self.entries[index] for index in _entries((best, *others)))
        key = matching_key(text)
        tokens, starts = _tokens(key.text)
        words = [(s, s + len(t)) for s, t in zip(starts[:-1], tokens, strict=True)]
        spans = map_spans(key.offsets, words)
        at = [i for i, (s, e) in enumerate(spans) if s == start and e > s]
        if not at:
            return ()
        singles, phrases = self._word_matches(tokens[at[0]])
        ends, _ = self._phrase_ends(key.text, tokens, starts, at[0], phrases)
        ranked = sorted((m for m in (*singles, *ends) if m[0] >= least), key=_phrase_rank)
        return tuple(self.entries[index] for index in _entries(ranked))

    def nested(self, entry: Entry) -> tuple[Entry, ...]:
        """The other terms inside a term's source form: قاسم سولەیمانی (Qassem Soleimani) has
        سولەیمانی (Soleimani) in it. Computed once per term."""
        key = id(entry)
        if key not in self._nested:
            found: dict[int, Entry] = {}
            source = entry.source
            for word in re.finditer(r"\S+", source):
                for other in self.readings_at(source, word.start()):
                    if other is not entry and other.id != entry.id:
                        found.setdefault(id(other), other)
            self._nested[key] = tuple(found.values())
        return self._nested[key]

    def _word_matches(self, word: str) -> tuple[list[_Match], list[_Pattern]]:
        """Every single-word match of a word (in the matching key), and the phrase patterns
        it can begin."""
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
        return singles, phrases

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
        found, key = self.find_each([text])
        return found[0], key

    def find_each(self, texts: Sequence[str]) -> tuple[list[list[Hit]], str]:
        """`find` in each of `texts` (offsets within that text) in one pass over them all,
        joined by line breaks (which no phrase spans); plus the joined text's matching key."""
        joined = "\n".join(texts)
        with paused_gc():
            key = matching_key(joined)
            found = self.find_in_key(key.text)
            spans = map_spans(key.offsets, [(start, end) for start, end, _ in found])
            return self._per_text(texts, joined, spans, found), key.text

    def _per_text(
        self,
        texts: Sequence[str],
        joined: str,
        spans: list[tuple[int, int]],
        found: list[tuple[int, int, _Pattern]],
    ) -> list[list[Hit]]:
        """The hits at `spans` of the joined `texts`, cut per text at offsets within it."""
        bounds = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))
        # Each text's hits are a slice: from the first that starts in it to the next text's.
        cuts = list(map(bisect_left, repeat([start for start, _ in spans]), bounds))
        entries = self.entries
        make = tuple.__new__  # skips NamedTuple's argument handling: hits can be many
        return [
            [
                make(
                    Hit,
                    (
                        s - base,
                        e - base,
                        joined[s:e],
                        entries[p.entry],
                        p.form,
                        p.adjectival,
                        p.derived,
                        p.respelled,
                    ),
                )
                for (s, e), (_, _, p) in zip(spans[first:stop], found[first:stop], strict=True)
            ]
            if first < stop
            else []
            for base, (first, stop) in zip(bounds[:-1], pairwise(cuts), strict=True)
        ]


def _nouns_after_numerals(tokens: list[str], found: list[_Analysis], hit_tokens: list[int]) -> None:
    """Read a word right after a numeral as the noun it must be there: ٢٥٠٠ سەربازی
    ئەمریکی is 2,500 US soldiers (soldier with its ezafe), not the adjective military,
    which the word is elsewhere. Where a word has such another reading, the more inflected
    one takes the best one's place in `found` (the cached analysis stays)."""
    analyses = cast(list[_Found], found)  # read only at hit tokens, which have one
    for i in [i for i in hit_tokens if analyses[i][2]]:  # words with another reading: few
        before = tokens[i - 1] if i else ""
        if not (before.isdigit() or before in numerals()):
            continue
        best, phrases, others = analyses[i]
        nouns = [m for m in others if not m[2].derived]  # a nisba is an adjective
        if not nouns:
            continue
        noun = max(nouns, key=itemgetter(1))
        if best is not None and noun[1] > best[1]:
            rest = tuple(m for m in others if m is not noun)
            found[i] = (noun, phrases, (best, *rest))


def _forms(entry: Entry) -> list[tuple[str, bool]]:
    """The glossary forms of `entry`, each with whether it is an adjectival one."""
    forms = [(f, False) for f in (entry.source, *entry.source_forms)]
    return forms + [(f, True) for f in entry.adjectival]


def _entries(matches: Iterable[_Match | None]) -> tuple[int, ...]:
    """The entries of `matches`, each once, in order."""
    return tuple(dict.fromkeys(m[2].entry for m in matches if m is not None))


def _single_rank(match: _Match) -> tuple[bool, bool, int, int, str]:
    """How `_resolve_cluster` ranks matches of the same span: exact readings before derived
    nisba ones (an ئەمریکی entry wins over ئەمریکا's adjective), both before spelling
    variants, least inflected, then by entry and form."""
    p = match[2]
    return p.respelled, p.derived, match[1], p.entry, p.form


def _phrase_rank(match: _Match) -> tuple[int, bool, bool, int, int, str]:
    """How `_resolve_cluster` ranks matches from the same start: longest first, then as
    `_single_rank`."""
    p = match[2]
    return -match[0], p.respelled, p.derived, match[1], p.entry, p.form


def _keep(
    found: list[_Analysis],
    starts: list[int],
    hit_tokens: list[int],
    heads: dict[int, _Phrases],
) -> list[tuple[int, int, _Pattern]]:
    """The non-overlapping matches, in text order, as (start, end, pattern).

    A single-word match covers just its word, so only phrases overlap other matches: the
    words between phrases keep their best match. A phrase with no other phrase starting
    inside it wins over everything it covers (it is the longest); phrases that overlap each
    other form a cluster for `_resolve_cluster`.
    """
    analyses = cast(list[_Found], found)  # read only at hit tokens, which have an analysis
    head_tokens = list(heads)
    kept: list[tuple[int, int, _Pattern]] = []
    position = 0  # index into hit_tokens of the first token not kept or covered yet
    for n, head in enumerate(head_tokens):
        first = bisect_left(hit_tokens, head, position)
        if first == len(hit_tokens) or hit_tokens[first] != head:
            continue  # inside the phrase or cluster kept before
        kept += _singles(analyses, starts, hit_tokens[position:first])
        start = starts[head]
        length, _, pattern = heads[head][1]
        resume = bisect_left(starts, start + length)  # the first token after the phrase
        if n + 1 == len(head_tokens) or head_tokens[n + 1] >= resume:
            kept.append((start, start + length, pattern))
        else:
            cluster, resume = _cluster(analyses, starts, hit_tokens, heads, head)
            kept += [(c[0], c[1], c[3]) for c in _resolve_cluster(cluster)]
        position = bisect_left(hit_tokens, resume, first)
    kept += _singles(analyses, starts, hit_tokens[position:])
    return kept


def _singles(
    analyses: list[_Found], starts: list[int], tokens: list[int]
) -> list[tuple[int, int, _Pattern]]:
    """The best single-word matches of `tokens`, as (start, end, pattern)."""
    return [
        (starts[i], starts[i] + single[0], single[2])
        for i in tokens
        if (single := analyses[i][0]) is not None
    ]


def _cluster(
    analyses: list[_Found],
    starts: list[int],
    hit_tokens: list[int],
    heads: dict[int, _Phrases],
    head: int,
) -> tuple[list[_Candidate], int]:
    """The matches that overlap the phrases found from token `head`, transitively, as
    (start, end, extra, pattern), and the index of the first token after them."""
    cluster: list[_Candidate] = []
    cluster_end = -1
    for position in range(bisect_left(hit_tokens, head), len(hit_tokens)):
        i = hit_tokens[position]
        start = starts[i]
        if i > head and start >= cluster_end:
            return cluster, i
        single = analyses[i][0]
        phrases = heads.get(i)
        matches = phrases[0] if phrases is not None else ()
        for length, extra, pattern in (single, *matches) if single is not None else matches:
            cluster.append((start, start + length, extra, pattern))
            cluster_end = max(cluster_end, start + length)
    return cluster, len(starts)


def _resolve_cluster(cluster: Sequence[_Candidate]) -> list[_Candidate]:
    """Among overlapping candidates: longest first, then leftmost, then exact before nisba
    before spelling-variant readings, then the least inflected reading (عێراقی as the
    adjectival form rather than عێراق + ی), then by entry and form. A spelling variant
    takes the place only of exact readings it covers whole (ئەفریقای باشور over ئەفریقای),
    never of one it overlaps in part."""
    if any(c[3].respelled for c in cluster):
        cluster = _without_crossing_variants(cluster)
    ordered = sorted(
        cluster,
        key=lambda c: (
            c[0] - c[1],
            c[0],
            c[3].respelled,
            c[3].derived,
            c[2],
            c[3].entry,
            c[3].form,
        ),
    )
    base = cluster[0][0]
    taken = bytearray(max(c[1] for c in cluster) - base)
    kept: list[_Candidate] = []
    for candidate in ordered:
        start, end = candidate[0] - base, candidate[1] - base
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(candidate)
    kept.sort(key=itemgetter(0))
    return kept


def _without_crossing_variants(cluster: Sequence[_Candidate]) -> list[_Candidate]:
    """`cluster` without the spelling-variant readings that overlap an exact reading in part:
    a guess at a spelling does not cut a term read as written."""
    exact = [(c[0], c[1]) for c in cluster if not c[3].respelled]
    return [
        c
        for c in cluster
        if not c[3].respelled
        or not any(s < c[1] and c[0] < e and not (c[0] <= s and e <= c[1]) for s, e in exact)
    ]
