"""Sorani suffix chains: which endings turn a glossary term into an inflected form of itself.

A word matches a term when it is the term's stem followed by a chain of inflectional
suffixes in slot order (`data/suffixes.tsv`): هێز → هێزەکانیشیانەوە. Anything else after the
stem (ستان, ایەتی, تار …) makes another word, so it is not a match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.text.normalize import key_text

VOWELS = frozenset("اەۆێ")
SEMIVOWELS = frozenset("یو")

HEAD_SLOTS = frozenset({0, 1, 2})
NUMBER_SLOT = 1
EZAFE_SLOT = 2
POSTPOSITION_SLOT = 6


@dataclass(frozen=True)
class Suffix:
    slot: int
    text: str
    after: str  # "C", "V" or "any"


@cache
def suffixes() -> tuple[Suffix, ...]:
    """The suffix table, longest first within a slot."""
    data = resources.files("workbench.terms").joinpath("data/suffixes.tsv").read_text("utf-8")
    rows: list[Suffix] = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[2] not in ("C", "V", "any"):
            raise ValueError(f"suffixes.tsv:{number}: expected slot, suffix, C|V|any, gloss")
        rows.append(Suffix(int(fields[0]), fields[1], fields[2]))
    return tuple(sorted(rows, key=lambda s: (s.slot, -len(s.text))))


@cache
def prepositions() -> tuple[str, ...]:
    """Prepositions that may be glued to the following word."""
    data = resources.files("workbench.terms").joinpath("data/prepositions.tsv").read_text("utf-8")
    return tuple(
        line.split("\t")[0]
        for line in data.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def numerals() -> frozenset[str]:
    """Words that count the noun after them (دوو سەرباز, چەند سەربازێک), as matching keys:
    a word after one is a noun (`matcher`). Numbers in digits count too."""
    data = resources.files("workbench.terms").joinpath("data/numerals.tsv").read_text("utf-8")
    return frozenset(
        key_text(line.split("\t")[0])
        for line in data.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _fits(suffix: Suffix, previous: str) -> bool:
    if suffix.after == "any" or previous in SEMIVOWELS:
        return True
    return (previous in VOWELS) == (suffix.after == "V")


@cache
def parses(rest: str, previous: str, min_slot: int = 0) -> tuple[frozenset[int], ...]:
    """Every way `rest` splits into suffixes of slot ≥ `min_slot` after a stem ending in
    `previous`, as the sets of slots used. Empty tuple: `rest` is not an inflection."""
    if not rest:
        return (frozenset(),)
    found: list[frozenset[int]] = []
    for suffix in suffixes():
        if (
            suffix.slot < min_slot
            or not rest.startswith(suffix.text)
            or not _fits(suffix, previous)
        ):
            continue
        for tail in parses(rest[len(suffix.text) :], suffix.text[-1], suffix.slot + 1):
            found.append(tail | {suffix.slot})
    return tuple(dict.fromkeys(found))


@cache
def begins_chain(rest: str, previous: str, min_slot: int = 0) -> bool:
    """Whether `rest` is the beginning of some suffix chain after a stem ending in `previous`
    (ەک begins ەکە and ەکان): a word that ends so may be the stem inflected."""
    if not rest:
        return True
    for suffix in suffixes():
        if suffix.slot < min_slot or not _fits(suffix, previous):
            continue
        if suffix.text.startswith(rest):
            return True
        if rest.startswith(suffix.text) and begins_chain(
            rest[len(suffix.text) :], suffix.text[-1], suffix.slot + 1
        ):
            return True
    return False


@cache
def is_tail(rest: str, previous: str, proper: bool, glued: bool = False) -> bool:
    """Whether `rest` can end a term's last word (any chain; names skip number/definiteness).

    On a common noun, a glued preposition needs a definite/plural suffix or a postposition
    as well (بەهێز "strong" is a word of its own); a name takes one bare (لەهەولێر).
    """
    for slots in parses(rest, previous):
        if proper and (0 in slots or NUMBER_SLOT in slots):
            continue
        if glued and not proper and not (slots & {NUMBER_SLOT, POSTPOSITION_SLOT}):
            continue
        return True
    return False


@cache
def is_head(rest: str, previous: str, proper: bool) -> bool:
    """Whether `rest` can end the head word of an ezafe phrase: a chain ending in ezafe.

    A head ending in ە takes the definite linker ە invisibly: ناوچە کێشەلەسەرەکان.
    """
    if not rest and previous == "ە":
        return True
    for slots in parses(rest, previous):
        if EZAFE_SLOT not in slots or not slots <= HEAD_SLOTS:
            continue
        if proper and NUMBER_SLOT in slots:
            continue
        return True
    return False
