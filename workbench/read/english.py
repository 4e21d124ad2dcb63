"""English renderings found in a translation through case and inflection.

"combat forces" is found in "a combat force" and "the PMF's" counts as "PMF": both sides
are cut into words, possessives and plurals are stripped, ordinary words are lowercased,
and acronyms keep their case (so the country "US" is not the pronoun "us").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word without possessive or plural ending; lowercased unless an acronym."""
    word = _POSSESSIVE.sub("", word)
    core = word.replace(".", "")
    if len(core) >= 2 and core.isupper():
        return core
    if len(core) >= 3 and core[:-1].isupper() and core[-1] == "s":
        return core[:-1]  # PMFs
    lower = word.casefold()
    if (singular := irregular_plurals().get(lower)) is not None:
        return singular  # children
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if len(lower) > 4 and lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        return lower[:-2]
    if len(lower) > 4 and lower.endswith("is") and word[:1].isupper():
        return lower[:-1]  # Iraqis, Sunnis, Yazidis (but crisis, basis keep their s)
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    if lower.endswith("men") and len(lower) > 4 and lower not in _NOT_MEN:
        return lower[:-3] + "man"  # gunmen, policemen, spokesmen, women
    return lower


@cache
def irregular_plurals() -> dict[str, str]:
    """Plural → singular for the plurals no ending rule reads (data/english_plurals.tsv)."""
    data = resources.files("workbench.read").joinpath("data/english_plurals.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in data.splitlines() if line and not line.startswith("#"))
    return {plural: singular.strip() for plural, singular in rows}


_NOT_MEN = frozenset({"yemen", "specimen", "abdomen", "regimen", "acumen", "stamen", "hymen"})
"""Words in -men that are not plurals of -man."""


_RUN = re.compile(r"[A-Za-z0-9.'’-]+")
"""A stretch of word characters: a word once the punctuation at its ends is stripped (U.S.,
al-Sudani, PMF's), or nothing when it has no letter or digit."""
_RUN_ENDS = ".'’-"


class _StemCache(dict[str, str]):
    """Run of word characters → the stem of its word ("" for a run with no word)."""

    def __missing__(self, run: str) -> str:
        word = run.strip(_RUN_ENDS)
        self[run] = found = stem(word) if word else ""
        return found


_STEMS = _StemCache()


_ASCII_RUNS = "".join(c if _RUN.fullmatch(c) else " " for c in map(chr, range(128)))
"""For ASCII text, `str.translate` table that blanks everything between runs."""


def stems(text: str) -> str:
    """The text as a space-separated, space-padded sequence of word stems."""
    cache = _STEMS
    if len(cache) > 200_000:
        cache.clear()
    runs = text.translate(_ASCII_RUNS).split() if text.isascii() else _RUN.findall(text)
    return " " + " ".join(filter(None, map(cache.__getitem__, runs))) + " "


@lru_cache(maxsize=65536)
def rendering_stems(rendering: str) -> str:
    """A rendering as the stem sequence to look for (space-padded)."""
    return stems(rendering)


def contains(target_stems: str, rendering: str) -> bool:
    """Whether a rendering occurs (inflected or not) in a target given as `stems(target)`."""
    wanted = rendering_stems(rendering)
    return wanted.strip() != "" and wanted in target_stems


_PARTING_HYPHEN = re.compile(r"-(?<!\b[Aa]l-)(?<!\b[Ee]l-)")  # the hyphen first: found fast
"""A hyphen between two words of their own: not the one after the Arabic article (al-Anbar
is not Anbar, nor al-Kadhimi Kadhimi)."""


def part_stems(text: str) -> str:
    """`stems` with hyphens parting words: "Tehran-backed" has Tehran in it. (`stems` keeps
    hyphenated words whole, so that which rendering a target uses stays one thing.)"""
    return stems(_PARTING_HYPHEN.sub(" ", text))


@lru_cache(maxsize=65536)
def rendering_part_stems(rendering: str) -> str:
    """A rendering as `part_stems` cuts it (space-padded)."""
    return part_stems(rendering)
