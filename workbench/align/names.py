"""Names and acronyms written in both scripts, found without a glossary: anchors for the aligner.

News is full of names — people, places, companies — and a Sorani translation writes an
English name in Sorani letters by ear: Siminoff سیمینۆف, Cuddeback کەدباک. Reduced to
their consonants (`data/transliteration.tsv`: vowels, semivowels and h-sounds dropped,
consonants English spells several ways in one class), the two spellings agree: smnf. So an
English capitalized word is an anchor key ("translit", skeleton) of every Sorani sentence
with a word whose skeleton starts with it (Sorani glues suffixes and prepositions on:
سیمینۆفیش, لەکالیفۆرنیا), or, for long skeletons, differs from it by one consonant
(Schwarzenegger szngr, شوارزینجەر szjr... one edit). Short skeletons (under three
consonants) and common English words are left out: they would match by chance. An English
acronym (IT, BBC) is the same anchor as the Sorani letter names that spell it (ئایتی,
بی بی سی).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.text import key_text

MIN_CONSONANTS = 3
"""Shortest skeleton that counts: two consonants match too many Sorani words by chance."""
FUZZY_CONSONANTS = 5
"""Shortest skeleton that may also match with one consonant added, dropped or changed."""
SUFFIXED_CONSONANTS = 4
"""Shortest skeleton matched at the start of a longer Sorani word (a name with a suffix)."""
MAX_SUFFIX = 2
"""Consonants a Sorani word may carry after the name (ەکان: kn, یش: s, دا: d)."""
_GLUED = ("ل", "ب")
"""Prepositions glued to a name's first letter (لە, بە written without the space)."""

_EN_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_CKB_WORD = re.compile(r"[\u0620-\u064a\u0660-\u06ff]+")


@dataclass(frozen=True)
class _Table:
    ckb: dict[str, str]
    en: list[tuple[str, tuple[str, ...]]]
    """English graphemes and the classes they may stand for, longest grapheme first."""
    common: frozenset[str]
    letters: dict[str, str]
    """Sorani letter names (matching key spelling) and the Latin letters they name."""
    acronym: re.Pattern[str]
    """Two letter names or more, spaced or glued, as whole words."""


@cache
def _table() -> _Table:
    """The transliteration table and the English words never taken for names, read once."""
    data = resources.files("workbench.align").joinpath("data/transliteration.tsv")
    ckb: dict[str, str] = {}
    en: list[tuple[str, tuple[str, ...]]] = []
    letters: dict[str, str] = {}
    for number, line in enumerate(data.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in ("ckb", "en", "name"):
            raise ValueError(f"transliteration.tsv:{number}: expected 4 tab-separated fields")
        script, grapheme, klass, _ = fields
        if script == "ckb":
            ckb[grapheme] = klass
        elif script == "en":
            en.append((grapheme, tuple(klass.split("|"))))
        else:
            letters[key_text(grapheme)] = klass
    en.sort(key=lambda pair: -len(pair[0]))
    from workbench.align.english import starters
    from workbench.terms.extract import english_stopwords

    name = "|".join(sorted(map(re.escape, letters), key=len, reverse=True))
    acronym = re.compile(rf"(?<!\w)(?:{name})(?:\s?(?:{name}))+(?!\w)")
    return _Table(ckb, en, starters() | english_stopwords(), letters, acronym)


def _collapse(classes: Iterable[str]) -> str:
    """The classes as one string, a repeated consonant written once (Cuddeback: kdbk)."""
    out: list[str] = []
    for klass in classes:
        for ch in klass:
            if not out or out[-1] != ch:
                out.append(ch)
    return "".join(out)


MAX_SPELLINGS = 8
"""Readings kept of one English name whose letters stand for two sounds (ch, ge, gi)."""


@cache
def english_spellings(word: str) -> tuple[str, ...]:
    """The consonant skeletons an English word may be written with in Sorani, the first
    one its key: `Nicholas` → (`ncls`, `nkls`)."""
    table = _table().en
    text = word.lower()
    readings: list[list[str]] = [[]]
    k = 0
    while k < len(text):
        for grapheme, classes in table:
            if text.startswith(grapheme, k):
                readings = [[*r, c] for r in readings for c in classes][:MAX_SPELLINGS]
                k += len(grapheme)
                break
        else:
            k += 1  # an apostrophe, a hyphen, a letter outside the table
    return tuple(dict.fromkeys(_collapse(r) for r in readings))


def english_skeleton(word: str) -> str:
    """The key skeleton of an English word: `Siminoff` → `smnf`."""
    return english_spellings(word)[0]


@cache
def sorani_skeleton(word: str) -> str:
    """The consonant skeleton of a Sorani word (matching key spelling): `سیمینۆف` → `smnf`."""
    table = _table().ckb
    return _collapse(table.get(ch, "") for ch in word)


def english_names(text: str) -> dict[str, tuple[str, ...]]:
    """The capitalized words of an English sentence that may be names: key skeleton →
    every skeleton the name may be written with."""
    common = _table().common
    out: dict[str, tuple[str, ...]] = {}
    for m in _EN_NAME.finditer(text):
        word = m.group()
        if word.lower() in common:
            continue
        spellings = english_spellings(word)
        if len(spellings[0]) >= MIN_CONSONANTS:
            out[spellings[0]] = spellings
    return out


def _deletions(skeleton: str) -> set[str]:
    return {skeleton[:k] + skeleton[k + 1 :] for k in range(len(skeleton))}


class NameIndex:
    """The English names of a document (key → spellings), looked up from Sorani words."""

    def __init__(self, names: Mapping[str, tuple[str, ...]]) -> None:
        self._exact: dict[str, set[str]] = {}
        self._near: dict[str, set[str]] = {}
        for key, spellings in names.items():
            for s in spellings:
                self._exact.setdefault(s, set()).add(key)
                if len(s) >= FUZZY_CONSONANTS:
                    for variant in (s, *_deletions(s)):
                        self._near.setdefault(variant, set()).add(key)
        self._lengths = sorted({len(s) for s in self._exact}, reverse=True)

    def _match(self, skeleton: str) -> set[str]:
        found: set[str] = set()
        for n in self._lengths:
            if n > len(skeleton):
                continue
            if len(skeleton) - n > MAX_SUFFIX:
                break
            if n < len(skeleton) and n < SUFFIXED_CONSONANTS:
                continue  # a short name with more after it: too often another word
            found |= self._exact.get(skeleton[:n], set())
        if self._near and len(skeleton) >= FUZZY_CONSONANTS - 1:
            for extra in range(min(MAX_SUFFIX, len(skeleton) - FUZZY_CONSONANTS + 1) + 1):
                stem = skeleton[: len(skeleton) - extra] if extra else skeleton
                for variant in (stem, *_deletions(stem)):
                    for key in self._near.get(variant, ()):
                        if key[0] == stem[0]:
                            found.add(key)
        return found

    def sorani_names(self, text: str) -> set[str]:
        """The keys of the English names that words of a Sorani sentence spell."""
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


_EN_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,5}(?![\w.])")


def english_acronyms(text: str) -> set[str]:
    """The acronyms of an English sentence: words of two to five capitals (IT, BBC, NATO)."""
    return set(_EN_ACRONYM.findall(text))


def _spelled(word: str, letters: dict[str, str]) -> str | None:
    """The letters a word of glued letter names spells (ئایتی: IT), or None."""
    out = []
    k = 0
    while k < len(word):
        for n in (5, 4, 3, 2):  # the longest name first
            if word[k : k + n] in letters:
                out.append(letters[word[k : k + n]])
                k += n
                break
        else:
            return None
    return "".join(out)


def sorani_acronyms(text: str) -> set[str]:
    """The acronyms a Sorani sentence spells in letter names (بی بی سی, ئایتی): BBC, IT."""
    table = _table()
    out = set()
    for m in table.acronym.finditer(key_text(text)):
        parts = [_spelled(word, table.letters) for word in m.group().split()]
        if all(parts):
            out.add("".join(p for p in parts if p))
    return out
