"""Term extraction: recurring Sorani n-grams that the glossary does not cover yet.

Candidates are 1–4-word sequences of the corpus (never across punctuation, never starting
or ending with a stop word), grouped through inflection (هێزی شەڕکەر, هێزێکی شەڕکەر and
هێزە شەڕکەرەکان count as one), skipped where the glossary already matches, and ranked by
frequency and document spread. Where the containing segments are translated, the English
n-grams that co-occur most strongly (Dice coefficient over segments) are suggested as
renderings.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from workbench.terms.matcher import Matcher
from workbench.terms.morphology import is_head, is_tail
from workbench.terms.segments import Segment
from workbench.text import canonical_text, key_text, tokenize

MAX_WORDS = 4
MIN_STEM = 3
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass
class Candidate:
    """A term that may deserve a glossary entry."""

    term: str
    count: int
    docs: int
    example: str
    reference: str
    suggestions: list[tuple[str, float]] = field(default_factory=list)
    segments: set[int] = field(default_factory=set, repr=False)
    forms: Counter[str] = field(default_factory=Counter, repr=False)

    @property
    def score(self) -> float:
        return self.count * (1.0 + math.log(self.docs))

    def as_json(self) -> dict[str, object]:
        return {
            "term": self.term,
            "count": self.count,
            "docs": self.docs,
            "score": round(self.score, 2),
            "example": self.example,
            "reference": self.reference,
            "suggestions": [{"en": en, "dice": round(d, 3)} for en, d in self.suggestions],
        }


@cache
def english_stopwords() -> frozenset[str]:
    data = resources.files("workbench.terms").joinpath("data/english_stopwords.txt")
    return frozenset(
        line.split("#", 1)[0].strip()
        for line in data.read_text("utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    )


def _stem(word: str, head: bool) -> str:
    """The shortest stem of `word` whose rest is an inflection (a phrase head: ending in ezafe)."""
    for cut in range(MIN_STEM, len(word)):
        stem, rest = word[:cut], word[cut:]
        if (is_head if head else is_tail)(rest, stem[-1], False):
            return stem
    return word


def _runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Word tokens (text, start, end) in runs not broken by punctuation or numbers."""
    runs: list[list[tuple[str, int, int]]] = [[]]
    for t in tokenize(text):
        if t.kind == "word":
            runs[-1].append((t.text, t.start, t.end))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _english_ngrams(text: str, stop: frozenset[str]) -> set[str]:
    words = [w.casefold() for w in _ENGLISH_WORD.findall(text)]
    grams = set()
    for n in range(1, MAX_WORDS + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in stop or gram[-1] in stop:
                continue
            grams.add(" ".join(gram))
    return grams


def extract(
    segments: Iterable[Segment],
    matcher: Matcher,
    stopwords: Iterable[str],
    min_count: int = 2,
    limit: int = 50,
) -> list[Candidate]:
    """Candidate terms, best first."""
    stop = {key_text(w) for w in stopwords}
    eng_stop = english_stopwords()
    candidates: dict[tuple[str, ...], Candidate] = {}
    english: dict[str, set[int]] = defaultdict(set)
    docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for index, seg in enumerate(segments):
        text = canonical_text(seg.ckb)
        covered = bytearray(len(text) + 1)
        for hit in matcher.find(text):
            covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        if seg.en.strip():
            for gram in _english_ngrams(seg.en, eng_stop):
                english[gram].add(index)
        for run in _runs(text):
            keys = [key_text(w) for w, _, _ in run]
            for n in range(1, MAX_WORDS + 1):
                for i in range(len(run) - n + 1):
                    window = run[i : i + n]
                    first, last = keys[i], keys[i + n - 1]
                    if first in stop or last in stop or (n == 1 and len(first) < MIN_STEM):
                        continue
                    start, end = window[0][1], window[-1][2]
                    if covered.find(1, start, end) != -1:
                        continue
                    group = tuple(
                        _stem(k, head=(j == 0 and n > 1)) if j in (0, n - 1) else k
                        for j, k in enumerate(keys[i : i + n])
                    )
                    surface = text[start:end]
                    candidate = candidates.get(group)
                    if candidate is None:
                        candidate = candidates[group] = Candidate(
                            surface, 0, 0, text, f"{seg.file}:{seg.id}"
                        )
                    candidate.count += 1
                    candidate.forms[surface] += 1
                    if seg.en.strip():
                        candidate.segments.add(index)
                    docs[group].add(seg.doc)
    kept = [c for c in candidates.values() if c.count >= min_count]
    for group, c in candidates.items():
        c.docs = len(docs[group])
        c.term = c.forms.most_common(1)[0][0]
    kept = _drop_nested(kept)
    kept.sort(key=lambda c: (-c.score, c.term))
    for c in kept[:limit]:
        c.suggestions = _suggest(c, english)
    return kept[:limit]


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that only ever occurs inside one longer candidate (same count)."""
    by_count: dict[int, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_count[c.count].append(c)
    out = []
    for c in candidates:
        inside = any(
            other is not c and len(other.term) > len(c.term) and c.term in other.term
            for other in by_count[c.count]
        )
        if not inside:
            out.append(c)
    return out


def _suggest(
    candidate: Candidate, english: dict[str, set[int]], top: int = 3
) -> list[tuple[str, float]]:
    """English n-grams with the highest Dice coefficient against the candidate's segments."""
    mine = candidate.segments
    if not mine:
        return []
    scored = []
    for gram, where in english.items():
        shared = len(mine & where)
        if shared < min(2, len(mine)):
            continue
        dice = 2 * shared / (len(mine) + len(where))
        scored.append((dice, len(gram.split()), gram))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return [(gram, dice) for dice, _, gram in scored[:top]]
