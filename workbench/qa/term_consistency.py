"""term-inconsistent: a term rendered mostly one way and a few times another, across the
units checked together (a file, or the project). Which renderings a target uses is read in
the glossary checks' pass over a unit (`glossary_checks.term_uses`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

from workbench.qa.context import Context
from workbench.qa.glossary_checks import term_uses
from workbench.qa.model import Unit

MIN_MAJORITY = 3
"""A term is held to the rendering it has this many uses of, at least."""
MAJORITY_OVER_MINORITY = 1.5
"""…and a minority rendering is flagged when the majority has this many times its uses:
3 uses against 5 are exceptions to a rule; 8 against 9 are two renderings in use."""
FEW = 3
"""…and when it is used a few times: this many at most, or a quarter of the uses at most
(`FEW_SHARE`); 12 uses against 20 are a rendering in use, 12 against 200 exceptions."""
FEW_SHARE = 4


def inconsistent(units: list[Unit], ctx: Context) -> Iterable[tuple[Unit, str, tuple[str, ...]]]:
    """One term rendered mostly one way (more than half of its uses, `MIN_MAJORITY` at
    least) and a few times another admitted way across the corpus: the minority uses
    (`_few`). A target that has the majority rendering too is not one of them (the Popular
    Mobilization Forces (PMF))."""
    per_unit = ctx.values(term_uses, units)
    # Only a term used with two renderings or more can be inconsistent.
    renderings = Counter(term for term, _ in set(chain.from_iterable(per_unit)))
    contested = {term for term, n in renderings.items() if n > 1}
    uses: dict[str, list[tuple[Unit, str]]] = {}
    for unit, unit_uses in zip(units, per_unit, strict=True):
        for term, rendering in unit_uses:
            if term in contested:
                uses.setdefault(term, []).append((unit, rendering))
    for term, found in uses.items():
        counts = Counter(rendering for _, rendering in found)
        majority, most = counts.most_common(1)[0]
        if most * 2 <= counts.total() or most < MIN_MAJORITY:
            continue  # not mostly rendered one way: no majority to hold the others to
        few = {r for r, n in counts.items() if r != majority and _few(n, most)}
        if not few:
            continue
        summary = ", ".join(f"{r} {n}×" for r, n in counts.most_common())
        holders = [u for u, r in found if r == majority]
        with_majority = set(map(id, holders))
        majority_ids = _first_ids(holders, 20)
        for unit, rendering in found:
            if rendering in few and id(unit) not in with_majority:
                yield (unit, f"{term} rendered {rendering!r} here: {summary}", majority_ids)


def _first_ids(units: list[Unit], most: int) -> tuple[str, ...]:
    """The ids of the first `most` units (each id once)."""
    ids: dict[str, None] = {}
    for unit in units:
        ids[unit.id] = None
        if len(ids) == most:
            break
    return tuple(ids)


def _few(uses: int, majority: int) -> bool:
    """Whether a rendering's uses are a few against the majority rendering's: exceptions to
    it, not a second rendering in use."""
    if majority < MAJORITY_OVER_MINORITY * uses:
        return False
    return uses <= FEW or (uses + majority) >= FEW_SHARE * uses
