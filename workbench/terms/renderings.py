"""The renderings a glossary hit admits: those of the form that matched, and every rendering
that satisfies the glossary (a place and its adjective stand in for each other). The checks,
the aligner and the review deliverable read them the same way."""

from __future__ import annotations

from functools import lru_cache

from workbench.terms.matcher import Hit
from workbench.terms.model import Entry


def own_renderings(hit: Hit) -> tuple[str, ...]:
    """The renderings of the form that matched: the adjectival ones for ئەمریکی."""
    if hit.adjectival and hit.entry.adjectival_target:
        return (hit.entry.adjectival_target, *hit.entry.adjectival_variants)
    return hit.entry.renderings


@lru_cache(maxsize=65536)
def _acceptable(entry: Entry, adjectival: bool) -> tuple[str, ...]:
    own = (
        (entry.adjectival_target, *entry.adjectival_variants)
        if adjectival and entry.adjectival_target
        else entry.renderings
    )
    adjective = tuple(filter(None, (entry.adjectival_target, *entry.adjectival_variants)))
    return tuple(dict.fromkeys((*own, *entry.renderings, *adjective)))


def acceptable(hit: Hit) -> tuple[str, ...]:
    """Renderings that satisfy the glossary for this hit. A place and its adjective stand in
    for each other: عێراقی may be "Iraq's", and سەرۆکوەزیرانی عێراق "the Iraqi prime minister"."""
    return _acceptable(hit.entry, hit.adjectival)
