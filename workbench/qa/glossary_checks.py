"""glossary-missing, glossary-forbidden, term-inconsistent: the desk's terms, used the same way."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from workbench.qa.context import Context
from workbench.qa.english import contains
from workbench.qa.model import Unit
from workbench.terms.matcher import Hit
from workbench.terms.model import Entry

Issue = tuple[str, tuple[str, ...]]


def _hits(unit: Unit) -> list[Hit]:
    return [h for h in unit.hits if isinstance(h, Hit)]


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


def missing(unit: Unit, ctx: Context) -> Iterable[Issue]:
    """A term found in the source, but none of its renderings in the target."""
    target = ctx.target_stems(unit)
    seen: set[str] = set()
    for hit in _hits(unit):
        if hit.entry.id in seen:
            continue
        seen.add(hit.entry.id)
        options = acceptable(hit)
        if options and not any(contains(target, r) for r in options):
            yield (
                f"{hit.surface} ({hit.entry.id}) should be rendered "
                + " / ".join(repr(r) for r in options[:4]),
                (),
            )


def forbidden(unit: Unit, ctx: Context) -> Iterable[Issue]:
    """The target uses a forbidden rendering of a term in the source."""
    target = ctx.target_stems(unit)
    seen: set[str] = set()
    for hit in _hits(unit):
        if hit.entry.id in seen:
            continue
        seen.add(hit.entry.id)
        for bad in hit.entry.forbidden:
            if contains(target, bad):
                yield (f"{bad!r} is a forbidden rendering of {hit.surface}; use {hit.target!r}", ())


def inconsistent(units: list[Unit], ctx: Context) -> Iterable[tuple[Unit, str, tuple[str, ...]]]:
    """One term rendered with different admitted renderings across the corpus: the minority."""
    uses: dict[str, list[tuple[Unit, str]]] = defaultdict(list)
    for unit in units:
        if not unit.translated:
            continue
        target = ctx.target_stems(unit)
        for entry_id, hits in _by_entry(unit).items():
            # Compare like with like: the noun's renderings, or the adjective's.
            used = {r for r in own_renderings(hits[0]) if contains(target, r)}
            if len(used) == 1:
                uses[entry_id].append((unit, used.pop()))
    for entry_id, found in uses.items():
        counts = Counter(rendering for _, rendering in found)
        ranked = counts.most_common(2)
        if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
            continue  # one rendering, or a tie: no majority to hold the others to
        majority = ranked[0][0]
        summary = ", ".join(f"{r} {n}×" for r, n in counts.most_common())
        majority_ids = tuple(dict.fromkeys(u.id for u, r in found if r == majority))[:20]
        for unit, rendering in found:
            if rendering != majority:
                yield (unit, f"{entry_id} rendered {rendering!r} here: {summary}", majority_ids)


def _by_entry(unit: Unit) -> dict[str, list[Hit]]:
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in _hits(unit):
        grouped[hit.entry.id + (" (adjective)" if hit.adjectival else "")].append(hit)
    return grouped
