"""Names written in both scripts, found without a glossary: anchors for the aligner.

News is full of names — people, places, companies — and a Sorani translation writes an
English name in Sorani letters by ear: Siminoff سیمینۆف, Cuddeback کەدباک. Reduced to
their consonants (`data/transliteration.tsv`: vowels, semivowels and h-sounds dropped,
consonants English spells several ways in one class), the two spellings agree: smnf. So an
English capitalized word is an anchor key ("translit", skeleton) of every Sorani sentence
with a word whose skeleton starts with it (Sorani glues suffixes and prepositions on:
سیمینۆفیش, لەکالیفۆرنیا), or, for long skeletons, differs from it by one consonant
(Schwarzenegger szngr, شوارزینجەر szjr... one edit). Short skeletons (under three
consonants) and common English words are left out: they would match by chance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.text import key_text

MIN_CONSONANTS = 3
"""Shortest skeleton that counts: two consonants match too many Sorani words by chance."""
FUZZY_CONSONANTS = 5
"""Shortest skeleton that may also match with one consonant added, dropped or changed."""
MAX_SUFFIX = 2
"""Consonants a Sorani word may carry after the name (ەکان: kn, یش: s, دا: d)."""
_GLUED = ("ل", "ب")
"""Prepositions glued to a name's first letter (لە, بە written without the space)."""

_EN_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_CKB_WORD = re.compile(r"[\u0620-\u064a\u0660-\u06ff]+")


@dataclass(frozen=True)
class _Table:
    ckb: dict[str, str]
    en: list[tuple[str, str]]
    """English graphemes and their classes, longest first."""
    common: frozenset[str]


@cache
def _table() -> _Table:
    """The transliteration table and the English words never taken for names, read once."""
    data = resources.files("workbench.align").joinpath("data/transliteration.tsv")
    ckb: dict[str, str] = {}
    en: list[tuple[str, str]] = []
    for number, line in enumerate(data.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in ("ckb", "en"):
            raise ValueError(f"transliteration.tsv:{number}: expected 4 tab-separated fields")
        script, grapheme, klass, _ = fields
        if script == "ckb":
            ckb[grapheme] = klass
        else:
            en.append((grapheme, klass))
    en.sort(key=lambda pair: -len(pair[0]))
    from workbench.align.english import starters
    from workbench.terms.extract import english_stopwords

    return _Table(ckb, en, starters() | english_stopwords())


def _collapse(classes: Iterable[str]) -> str:
    """The classes as one string, a repeated consonant written once (Cuddeback: kdbk)."""
    out: list[str] = []
    for klass in classes:
        for ch in klass:
            if not out or out[-1] != ch:
                out.append(ch)
    return "".join(out)


@cache
def english_skeleton(word: str) -> str:
    """The consonant skeleton of an English word: `Siminoff` → `smnf`."""
    table = _table().en
    text = word.lower()
    classes: list[str] = []
    k = 0
    while k < len(text):
        for grapheme, klass in table:
            if text.startswith(grapheme, k):
                classes.append(klass)
                k += len(grapheme)
                break
        else:
            k += 1  # an apostrophe, a hyphen, a letter outside the table
    return _collapse(classes)


@cache
def sorani_skeleton(word: str) -> str:
    """The consonant skeleton of a Sorani word (matching key spelling): `سیمینۆف` → `smnf`."""
    table = _table().ckb
    return _collapse(table.get(ch, "") for ch in word)


def english_names(text: str) -> set[str]:
    """The skeletons of the capitalized words of an English sentence that may be names."""
    common = _table().common
    out = set()
    for m in _EN_NAME.finditer(text):
        word = m.group()
        if word.lower() in common:
            continue
        skeleton = english_skeleton(word)
        if len(skeleton) >= MIN_CONSONANTS:
            out.add(skeleton)
    return out


def _deletions(skeleton: str) -> set[str]:
    return {skeleton[:k] + skeleton[k + 1 :] for k in range(len(skeleton))}


class NameIndex:
    """The English name skeletons of a document, looked up from Sorani words."""

    def __init__(self, skeletons: Iterable[str]) -> None:
        self._exact = frozenset(skeletons)
        self._lengths = sorted({len(s) for s in self._exact}, reverse=True)
        self._near: dict[str, set[str]] = {}
        for s in self._exact:
            if len(s) >= FUZZY_CONSONANTS:
                for variant in (s, *_deletions(s)):
                    self._near.setdefault(variant, set()).add(s)

    def _match(self, skeleton: str) -> set[str]:
        found: set[str] = set()
        for n in self._lengths:
            if n > len(skeleton):
                continue
            if len(skeleton) - n > MAX_SUFFIX:
                break
            if skeleton[:n] in self._exact:
                found.add(skeleton[:n])
        if self._near and len(skeleton) >= FUZZY_CONSONANTS - 1:
            for extra in range(min(MAX_SUFFIX, len(skeleton) - FUZZY_CONSONANTS + 1) + 1):
                stem = skeleton[: len(skeleton) - extra] if extra else skeleton
                for variant in (stem, *_deletions(stem)):
                    for s in self._near.get(variant, ()):
                        if s[0] == stem[0]:
                            found.add(s)
        return found

    def sorani_names(self, text: str) -> set[str]:
        """The English name skeletons that words of a Sorani sentence spell."""
        if not self._exact:
            return set()
        found: set[str] = set()
        for word in _CKB_WORD.findall(key_text(text)):
            skeleton = sorani_skeleton(word)
            if len(skeleton) < MIN_CONSONANTS:
                continue
            found |= self._match(skeleton)
            if word[0] in _GLUED and len(word) > 3:
                found |= self._match(sorani_skeleton(word[1:]))
        return found
