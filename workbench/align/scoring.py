"""How likely a group of Sorani sentences and a group of English sentences translate each other.

The evidence is a log-likelihood ratio, "translation" against "unrelated pair", summed over:
- length (Gale–Church): δ = (l_en − c·l_ckb) / √(s²·(l_ckb + l_en/c)/2) in characters, standard
  normal for translations, and spread `random_spread` times wider for unrelated pairs;
- anchors, each a key found on both sides: a glossary term in the Sorani and one of its
  renderings in the English (named entities, whose renderings are capitalized, weigh more), a
  number of equal value in any digit system, a Latin word of the Sorani in the English. A key
  rare in the English document is strong evidence when present and costs little when
  missing; a named entity, number or Latin token on the English side alone counts against;
  in a merge or split rich in anchors, a sentence that shares none of them counts against.
Only keys seen on both sides somewhere in the document take part. The score shown to a
reviewer is `sigmoid(evidence + SCORE_OFFSET)`: probability-like, in [0, 1].
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from workbench.qa.english import contains, stems
from workbench.qa.glossary_checks import acceptable
from workbench.qa.numbers import english_digits, english_words, sorani_numbers
from workbench.terms.matcher import Matcher
from workbench.text import key_text

MEAN_RATIO = 1.15
"""c: characters of English per character of Sorani, estimated on the demo corpus
(translations/*.po, 31 reviewed pairs: Σ len(en) / Σ len(ckb) = 1.150)."""
VARIANCE = 2.26
"""s²: variance of the length difference per character, same corpus (measured 2.263)."""
RANDOM_SPREAD = 8.46
"""Root-mean-square δ over the corpus's unrelated pairs (Sorani i, English j ≠ i): 8.458.
`estimate_length_model` recomputes all three; benchmarks/align.py prints them."""
PRIOR_WEIGHT = 2000.0
"""Characters of evidence the prior ratio `c` is worth against a document's own ratio."""
SCORE_OFFSET = -1.0
"""Prior log-odds that a candidate pair is right, before any evidence."""

ORPHAN = math.log(0.25 / 0.9)
"""Log-ratio for a sentence of a merge or split that shares none of the group's anchors:
P(no shared anchor | a real split or merge) ≈ 0.25 against ≈ 0.9 for a sentence added or
dropped next to a pair, whose short length alone cannot tell it from a split."""
ORPHAN_MIN_SHARED = 2
"""Shared anchors a group needs before an anchorless member counts as evidence."""

Key = tuple[str, str]
"""An anchor: ("term", entry id), ("name", entry id), ("number", value), ("latin", word)."""


@dataclass(frozen=True)
class Kind:
    """How an anchor kind weighs: P(found in the English | translation), and the log-ratio
    added when it is on the English side alone."""

    hit: float
    extra: float


KINDS = {
    "term": Kind(hit=0.8, extra=0.0),
    "name": Kind(hit=0.9, extra=-1.0),
    "number": Kind(hit=0.9, extra=-1.0),
    "latin": Kind(hit=0.9, extra=-1.0),
}


@dataclass(frozen=True)
class LengthModel:
    """Gale–Church length model for Sorani → English."""

    ratio: float = MEAN_RATIO
    variance: float = VARIANCE
    random_spread: float = RANDOM_SPREAD

    def delta(self, ckb_chars: int, en_chars: int) -> float:
        """Gale–Church's δ: how many standard deviations the English length is off."""
        mean = (ckb_chars + en_chars / self.ratio) / 2
        return (en_chars - self.ratio * ckb_chars) / math.sqrt(max(mean, 1.0) * self.variance)

    def log_ratio(self, ckb_chars: int, en_chars: int) -> float:
        """log N(δ; 0, 1) − log N(δ; 0, spread²): positive for likely lengths."""
        d = self.delta(ckb_chars, en_chars)
        spread = self.random_spread
        return math.log(spread) - 0.5 * d * d * (1.0 - 1.0 / (spread * spread))

    def for_document(self, ckb_chars: int, en_chars: int) -> LengthModel:
        """This model with `c` moved toward the document's own overall ratio."""
        ratio = (en_chars + PRIOR_WEIGHT * self.ratio) / (ckb_chars + PRIOR_WEIGHT)
        return replace(self, ratio=ratio)


def estimate_length_model(pairs: Sequence[tuple[str, str]]) -> LengthModel:
    """c, s² and the spread of δ over unrelated pairs, from (Sorani, English) translations."""
    usable = [(len(c), len(e)) for c, e in pairs if c.strip() and e.strip()]
    if len(usable) < 2:
        return LengthModel()
    ratio = sum(e for _, e in usable) / sum(c for c, _ in usable)
    variance = statistics.fmean((e - ratio * c) ** 2 / ((c + e / ratio) / 2) for c, e in usable)
    model = LengthModel(ratio, variance)
    unrelated = [
        model.delta(c, e)
        for i, (c, _) in enumerate(usable)
        for j, (_, e) in enumerate(usable)
        if i != j
    ]
    spread = math.sqrt(max(statistics.fmean(d * d for d in unrelated), 1.0))
    return replace(model, random_spread=spread)


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_EN_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class _Side:
    """One side's sentences (or adjacent pairs of sentences) as lengths and anchor keys."""

    lengths: list[int]
    keys: list[frozenset[Key]]


def _joined(side: _Side) -> _Side:
    """Every two adjacent sentences as one: item i joins sentences i and i + 1."""
    return _Side(
        [a + b + 1 for a, b in pairwise(side.lengths)],
        [a | b for a, b in pairwise(side.keys)],
    )


def _sums(side: _Side, weights: dict[Key, float]) -> list[float]:
    """Per item of `side`, the sum of `weights` over its keys."""
    return [sum(map(weights.__getitem__, keys)) for keys in side.keys]


def _named(renderings: Iterable[str]) -> bool:
    return any(r[:1].isupper() for r in renderings)


def sorani_keys(text: str, matcher: Matcher | None) -> tuple[set[Key], dict[Key, set[str]]]:
    """The anchor keys of a Sorani sentence, and the English renderings of its term keys."""
    keys: set[Key] = set()
    renderings: dict[Key, set[str]] = {}
    key = key_text(text)
    for value in sorani_numbers(text, key):
        keys.add(("number", repr(value)))
    for word in _LATIN.findall(text):
        keys.add(("latin", word.casefold()))
    if matcher is not None:
        for hit in matcher.find(text):
            options = acceptable(hit)
            if not options:
                continue
            k: Key = ("name" if _named(options) else "term", hit.entry.id)
            keys.add(k)
            renderings.setdefault(k, set()).update(options)
    return keys, renderings


class EnglishIndex:
    """Finds which anchor keys of the Sorani document occur in an English sentence.

    Term renderings are indexed by their first word stem, so a sentence is checked only
    against the renderings whose first word it contains.
    """

    def __init__(self, universe: dict[Key, tuple[str, ...]]) -> None:
        self._plain: frozenset[Key] = frozenset(k for k in universe if k[0] in ("number", "latin"))
        self._by_first: dict[str, list[tuple[Key, str]]] = {}
        for k, options in universe.items():
            if k[0] in ("number", "latin"):
                continue
            for rendering in options:
                words = stems(rendering).split()
                if words:
                    self._by_first.setdefault(words[0], []).append((k, rendering))

    def keys(self, text: str) -> frozenset[Key]:
        """The keys present in `text`. A term found only inside a longer term's rendering
        ("Kurdistan" in "Kurdistan Region") does not count: the longer one is what it says."""
        found = {("latin", w.casefold()) for w in _EN_WORD.findall(text)}
        found.update(("number", repr(v)) for v in (*english_digits(text), *english_words(text)))
        found &= self._plain
        target = stems(text)
        matched: dict[Key, list[str]] = {}
        for word in set(target.split()):
            for k, rendering in self._by_first.get(word, ()):
                if contains(target, rendering):
                    matched.setdefault(k, []).append(stems(rendering).strip())
        for k, hits in matched.items():
            longer = [s for other, ss in matched.items() if other != k for s in ss]
            if not all(any(h in s and h != s for s in longer) for h in hits):
                found.add(k)
        return frozenset(found)


class PairScorer:
    """Evidence that Sorani sentences [i0, i1) and English sentences [j0, j1) are translations.

    Everything per sentence (lengths, glossary hits, numbers, stems) is computed once here;
    `evidence` then costs a few arithmetic operations and one small set intersection.
    """

    def __init__(
        self,
        ckb: Sequence[str],
        en: Sequence[str],
        matcher: Matcher | None = None,
        length: LengthModel | None = None,
    ) -> None:
        base = length or LengthModel()
        self.length = base.for_document(sum(map(len, ckb)), sum(map(len, en)))
        found = [sorani_keys(text, matcher) for text in ckb]
        renderings: dict[Key, set[str]] = {}
        for _, options in found:
            for k, rs in options.items():
                renderings.setdefault(k, set()).update(rs)
        candidates = {k: tuple(sorted(renderings.get(k, ()))) for keys, _ in found for k in keys}
        index = EnglishIndex(candidates)
        en_keys = [index.keys(text) for text in en]
        df = Counter(k for keys in en_keys for k in keys)
        shared = frozenset(df)
        ckb_keys = [frozenset(keys & shared) for keys, _ in found]
        n_en = len(en)
        self._gain: dict[Key, float] = {}
        self._miss: dict[Key, float] = {}
        self._extra: dict[Key, float] = {}
        for k in shared:
            kind = KINDS[k[0]]
            rate = (df[k] + 0.5) / (n_en + 1)
            miss = math.log((1 - kind.hit) / (1 - rate)) if rate < 1 else 0.0
            self._miss[k] = miss
            self._gain[k] = math.log(kind.hit / rate) - miss
            self._extra[k] = kind.extra
        single_ckb = _Side([len(t) for t in ckb], ckb_keys)
        single_en = _Side([len(t) for t in en], en_keys)
        # Index 0: single sentences; index 1: two adjacent sentences joined.
        self._ckb = (single_ckb, _joined(single_ckb))
        self._en = (single_en, _joined(single_en))
        self._ckb_miss = tuple(_sums(side, self._miss) for side in self._ckb)
        self._en_extra = tuple(_sums(side, self._extra) for side in self._en)

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        """Log-likelihood ratio for Sorani sentences i … i+a−1 and English j … j+b−1 (a, b ≤ 2)."""
        ckb, en = self._ckb[a - 1], self._en[b - 1]
        total = self.length.log_ratio(ckb.lengths[i], en.lengths[j])
        total += self._ckb_miss[a - 1][i] + self._en_extra[b - 1][j]
        common = ckb.keys[i] & en.keys[j]
        for k in common:
            total += self._gain[k] - self._extra[k]
        if len(common) >= ORPHAN_MIN_SHARED and (a == 2 or b == 2):
            total += self._orphans(i, a, j, b) * ORPHAN
        return total

    def _orphans(self, i: int, a: int, j: int, b: int) -> int:
        """Members of a 2–1 or 1–2 group that share no anchor with the other side."""
        if a == 2:
            other = self._en[0].keys[j]
            members = self._ckb[0].keys[i : i + 2]
        else:
            other = self._ckb[0].keys[i]
            members = self._en[0].keys[j : j + 2]
        return sum(1 for keys in members if other.isdisjoint(keys))

    def anchors(self, i: int, a: int, j: int, b: int) -> frozenset[Key]:
        """The anchor keys the two groups share (for reports and tests)."""
        return self._ckb[a - 1].keys[i] & self._en[b - 1].keys[j]


def score(evidence: float) -> float:
    """The probability-like score of a pair: sigmoid(evidence + SCORE_OFFSET), in [0, 1]."""
    z = max(-50.0, min(50.0, evidence + SCORE_OFFSET))
    return 1.0 / (1.0 + math.exp(-z))
