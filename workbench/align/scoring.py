"""How likely a group of Sorani sentences and a group of English sentences translate each other.

The evidence is a log-likelihood ratio, "translation" against "unrelated pair", summed over:
- length (Gale–Church): δ = (l_en − c·l_ckb) / √(s²·(l_ckb + l_en/c)/2) in characters, standard
  normal for most translations with a tenth twice as spread (loose or verbose ones), and
  `random_spread` times wider for unrelated pairs;
- anchors, each a key found on both sides: a glossary term in the Sorani and one of its
  renderings in the English (named entities, whose renderings are capitalized, weigh more), a
  number of equal value in any digit system, a Latin word of the Sorani in the English, an
  English name the Sorani writes in its own letters, an acronym it spells in letter names
  (`names.py`). A key
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

from workbench.align.names import NameIndex, english_acronyms, english_names, sorani_acronyms
from workbench.read.english import contains, stems
from workbench.read.numbers import english_digits, english_words, sorani_numbers
from workbench.terms.matcher import Matcher
from workbench.terms.renderings import acceptable
from workbench.text import key_text

MEAN_RATIO = 1.15
"""c: characters of English per character of Sorani, estimated on the demo corpus
(translations/*.po, 31 reviewed pairs: Σ len(en) / Σ len(ckb) = 1.150)."""
VARIANCE = 2.26
"""s²: variance of the length difference per character, same corpus (measured 2.263)."""
RANDOM_SPREAD = 8.46
"""Root-mean-square δ over the corpus's unrelated pairs (Sorani i, English j ≠ i): 8.458.
`estimate_length_model` recomputes all three; benchmarks/align.py prints them."""
TAIL_WEIGHT = 0.1
TAIL_SCALE = 2.0
"""A tenth of translations are loose or verbose: their δ spreads three times wider."""
PRIOR_WEIGHT = 500.0
"""Characters of evidence the prior ratio `c` is worth against a document's own ratio: a
short paragraph's, as the ratio differs from one translator and outlet to the next
(1.15 on the demo corpus, 1.01 on FLORES-200)."""
SCORE_OFFSET = -1.0
"""Prior log-odds that a candidate pair is right, before any evidence."""

ORPHAN = math.log(0.25 / 0.9)
"""Log-ratio for a sentence of a merge or split that shares none of the group's anchors:
P(no shared anchor | a real split or merge) ≈ 0.25 against ≈ 0.9 for a sentence added or
dropped next to a pair, whose short length alone cannot tell it from a split."""
ORPHAN_MIN_SHARED = 2
"""Shared anchors a group needs before an anchorless member counts as evidence."""

Key = tuple[str, str]
"""An anchor: ("term", entry id), ("name", entry id), ("number", value), ("latin", word),
("translit", consonant skeleton of an English name), ("acronym", letters) (see `names.py`)."""


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
    "translit": Kind(hit=0.7, extra=-0.5),
    "acronym": Kind(hit=0.7, extra=-0.5),
}


@dataclass(frozen=True)
class LengthModel:
    """Gale–Church length model for Sorani → English."""

    ratio: float = MEAN_RATIO
    variance: float = VARIANCE
    random_spread: float = RANDOM_SPREAD
    tail_weight: float = TAIL_WEIGHT
    tail_scale: float = TAIL_SCALE

    def spread_of(self, mean: float) -> float:
        """The variance of the length difference for a pair of `mean` characters."""
        return (mean if mean > 1.0 else 1.0) * self.variance

    def delta(self, ckb_chars: int, en_chars: int) -> float:
        """Gale–Church's δ: how many standard deviations the English length is off."""
        mean = (ckb_chars + en_chars / self.ratio) / 2
        return (en_chars - self.ratio * ckb_chars) / math.sqrt(self.spread_of(mean))

    def log_ratio(self, ckb_chars: int, en_chars: int) -> float:
        """log P(δ | translation) − log N(δ; 0, spread²): positive for likely lengths."""
        return self.log_ratio_of(self.delta(ckb_chars, en_chars) ** 2)

    def log_ratio_of(self, d2: float) -> float:
        """`log_ratio` from δ²: translations' δ is N(0, 1) with a share `tail_weight` of
        N(0, tail_scale²), as a loose translation or a verbose one is not rare; unrelated
        pairs' δ is N(0, spread²)."""
        w, k, spread = self.tail_weight, self.tail_scale, self.random_spread
        d2 = min(d2, 1000.0)
        near = (1.0 - w) * math.exp(-0.5 * d2) + (w / k) * math.exp(-0.5 * d2 / (k * k))
        return math.log(near) + math.log(spread) + 0.5 * d2 / (spread * spread)

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


Span = tuple[int, frozenset[Key], float, tuple[frozenset[Key], ...], float]
"""A run of consecutive pieces of one side: its length in characters, its anchor keys, the
sum of its keys' fixed log-ratios (misses on the Sorani side, extras on the English), the
keys of each of its pieces when it has more than one (else an empty tuple), and the most
its anchors can add to a pair with it (`PairScorer.pair` skips hopeless pairs with it)."""


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
    """Evidence that Sorani pieces [i0, i1) and English pieces [j0, j1) are translations.

    Everything per piece (lengths, glossary hits, numbers, stems) is computed once here;
    a run of pieces (`ckb_span`, `en_span`) is summed once, and `pair` then costs a few
    arithmetic operations and one small set intersection.
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
        model = self.length
        k2 = model.tail_scale * model.tail_scale
        s2 = model.random_spread * model.random_spread
        self._ratio, self._inv_ratio = model.ratio, 1.0 / model.ratio
        self._variance = model.variance
        self._near, self._tail = 1.0 - model.tail_weight, model.tail_weight / model.tail_scale
        self._tail_decay, self._random_decay = 0.5 / k2, 0.5 / s2
        self._log_spread = math.log(model.random_spread)
        self.most_length = math.log(self._near + self._tail) + self._log_spread
        """The most the length term adds to a pair (a perfect length match)."""
        self._slope = self._tail_decay - self._random_decay
        found = [sorani_keys(text, matcher) for text in ckb]
        renderings: dict[Key, set[str]] = {}
        for _, options in found:
            for k, rs in options.items():
                renderings.setdefault(k, set()).update(rs)
        candidates = {k: tuple(sorted(renderings.get(k, ()))) for keys, _ in found for k in keys}
        index = EnglishIndex(candidates)
        # Names the glossary already anchors are not counted twice.
        glossed = {s for rs in renderings.values() for r in rs for s in english_names(r)}
        en_names = [
            {k: v for k, v in english_names(text).items() if k not in glossed} for text in en
        ]
        names = NameIndex({k: v for found_names in en_names for k, v in found_names.items()})
        en_acronyms = [english_acronyms(text) for text in en]
        ckb_names = [
            {("translit", s) for s in names.sorani_names(text)}
            | {("acronym", a) for a in sorani_acronyms(text)}
            for text in ckb
        ]
        found = [
            (keys | spelled, options)
            for spelled, (keys, options) in zip(ckb_names, found, strict=True)
        ]
        written = set().union(*ckb_names)
        en_keys = [
            index.keys(text)
            | (
                ({("translit", s) for s in found_names} | {("acronym", a) for a in acronyms})
                & written
            )
            for text, found_names, acronyms in zip(en, en_names, en_acronyms, strict=True)
        ]
        df = Counter(k for keys in en_keys for k in keys)
        shared = frozenset(df)
        n_en = len(en)
        self._gain: dict[Key, float] = {}
        miss: dict[Key, float] = {}
        extra: dict[Key, float] = {}
        for k in shared:
            kind = KINDS[k[0]]
            rate = (df[k] + 0.5) / (n_en + 1)
            miss[k] = math.log((1 - kind.hit) / (1 - rate)) if rate < 1 else 0.0
            self._gain[k] = math.log(kind.hit / rate) - miss[k] - kind.extra
            extra[k] = kind.extra
        self._ckb_keys = [frozenset(keys & shared) for keys, _ in found]
        self._en_keys = en_keys
        self._ckb_lengths = [len(t) for t in ckb]
        self._en_lengths = [len(t) for t in en]
        self._ckb_base = [sum(map(miss.__getitem__, keys)) for keys in self._ckb_keys]
        self._en_base = [sum(map(extra.__getitem__, keys)) for keys in self._en_keys]

    def _span(
        self, lengths: list[int], keys: list[frozenset[Key]], base: list[float], i0: int, i1: int
    ) -> Span:
        members: tuple[frozenset[Key], ...] = ()
        if i1 - i0 == 1:
            united, total, fixed = keys[i0], lengths[i0], base[i0]
        else:
            members = tuple(keys[i0:i1])
            united = frozenset().union(*members)
            total = sum(lengths[i0:i1]) + i1 - i0 - 1
            fixed = sum(base[i0:i1])
        gain = self._gain
        bound = fixed + sum(g for g in map(gain.__getitem__, united) if g > 0)
        return total, united, fixed, members, bound

    def ckb_span(self, i0: int, i1: int) -> Span:
        """Sorani pieces i0 … i1−1 taken together."""
        return self._span(self._ckb_lengths, self._ckb_keys, self._ckb_base, i0, i1)

    def en_span(self, j0: int, j1: int) -> Span:
        """English pieces j0 … j1−1 taken together."""
        return self._span(self._en_lengths, self._en_keys, self._en_base, j0, j1)

    def pair(self, ckb: Span, en: Span, need: float = -math.inf) -> float:
        """Log-likelihood ratio for two runs of pieces (see `ckb_span`, `en_span`), or −inf
        as soon as it is sure not to exceed `need`. The length model is inlined (with its
        constants read once in `__init__`): this runs for every cell of the search."""
        c_chars, en_chars = ckb[0], en[0]
        mean = (c_chars + en_chars * self._inv_ratio) * 0.5
        off = en_chars - self._ratio * c_chars
        d2 = off * off / ((mean if mean > 1.0 else 1.0) * self._variance)
        if d2 > 1000.0:
            d2 = 1000.0
        # Both normals are at most their peak times the wider one's decay: a bound without exp.
        if self.most_length - d2 * self._slope + ckb[4] + en[2] <= need:
            return -math.inf
        near = self._near * math.exp(-0.5 * d2) + self._tail * math.exp(-d2 * self._tail_decay)
        total = math.log(near) + self._log_spread + d2 * self._random_decay + ckb[2] + en[2]
        common = ckb[1] & en[1]
        if common:
            gain = self._gain
            for k in common:
                total += gain[k]
            # The orphan term only lowers the total: not needed for a pair that lost.
            if total > need and len(common) >= ORPHAN_MIN_SHARED and (ckb[3] or en[3]):
                if ckb[3]:
                    other, members = en[1], ckb[3]
                else:
                    other, members = ckb[1], en[3]
                total += ORPHAN * sum(1 for keys in members if other.isdisjoint(keys))
        return total

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        """Log-likelihood ratio for Sorani pieces i … i+a−1 and English j … j+b−1."""
        return self.pair(self.ckb_span(i, i + a), self.en_span(j, j + b))

    def anchors(self, i: int, a: int, j: int, b: int) -> frozenset[Key]:
        """The anchor keys the two runs share (for reports and tests)."""
        return self.ckb_span(i, i + a)[1] & self.en_span(j, j + b)[1]


def score(evidence: float) -> float:
    """The probability-like score of a pair: sigmoid(evidence + SCORE_OFFSET), in [0, 1]."""
    z = max(-50.0, min(50.0, evidence + SCORE_OFFSET))
    return 1.0 / (1.0 + math.exp(-z))
