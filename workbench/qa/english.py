"""English renderings found in a translation through case and inflection.

"combat forces" is found in "a combat force" and "the PMF's" counts as "PMF": both sides
are cut into words, possessives and plurals are stripped, ordinary words are lowercased,
and acronyms keep their case (so the country "US" is not the pronoun "us").
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'’-]*[A-Za-z0-9]|[A-Za-z0-9]")
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
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if len(lower) > 4 and lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        return lower[:-2]
    if len(lower) > 4 and lower.endswith("is") and word[:1].isupper():
        return lower[:-1]  # Iraqis, Sunnis, Yazidis (but crisis, basis keep their s)
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


_STEMS: dict[str, str] = {}


def stems(text: str) -> str:
    """The text as a space-separated, space-padded sequence of word stems."""
    cache = _STEMS
    if len(cache) > 200_000:
        cache.clear()
    out = []
    for word in _WORD.findall(text):
        s = cache.get(word)
        if s is None:
            s = cache[word] = stem(word)
        out.append(s)
    return " " + " ".join(out) + " "


@lru_cache(maxsize=65536)
def rendering_stems(rendering: str) -> str:
    """A rendering as the stem sequence to look for (space-padded)."""
    return stems(rendering)


def contains(target_stems: str, rendering: str) -> bool:
    """Whether a rendering occurs (inflected or not) in a target given as `stems(target)`."""
    wanted = rendering_stems(rendering)
    return wanted.strip() != "" and wanted in target_stems
