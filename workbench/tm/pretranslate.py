"""Fill untranslated entries from the translation memory.

A sentence already translated elsewhere in the project (another article, an imported TMX)
gets that translation: marked fuzzy for a reviewer unless the translator trusts exact
matches. This is also how a repeated segment shares one translation across articles.

A sentence with no exact match gets the most similar one instead when the two are similar
as whole sentences (`store.similarity.FUZZY_MINIMUM`, the threshold of the msgmerge-style
update too): always fuzzy, with the memory's Sorani as `#| msgid`, as msgmerge does with a
compendium, so the translator sees what differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.store.pofile import FUZZY, Catalog, set_flag
from workbench.store.similarity import FUZZY_MINIMUM
from workbench.tm.index import Match, TranslationMemory

FUZZY_CANDIDATES = 5
"""Fuzzy matches looked at per entry (those from the entry's own file are skipped)."""


@dataclass
class Pretranslated:
    """How many entries were filled (`fuzzy` of them from similar sentences), and from where."""

    filled: int = 0
    fuzzy: int = 0
    sources: dict[str, int] = field(default_factory=dict)


def pretranslate(catalog: Catalog, tm: TranslationMemory, trust_exact: bool) -> Pretranslated:
    """Fill empty entries of `catalog` from the TM (in memory; the caller saves)."""
    report = Pretranslated()
    own = f"translations/{catalog.path.name}"

    def others(matches: list[Match]) -> list[Match]:
        return [m for m in matches if m.source != own]

    for entry in catalog.entries:
        if entry.msgstr.strip():
            continue
        exact = others(tm.exact(entry.msgid))
        if exact:
            best = exact[0]
            set_flag(entry, FUZZY, not trust_exact)
        else:
            similar = others(tm.search(entry.msgid, FUZZY_MINIMUM, FUZZY_CANDIDATES))
            if not similar:
                continue
            best = similar[0]
            set_flag(entry, FUZZY, True)
            entry.previous_msgid = best.ckb
            report.fuzzy += 1
        entry.msgstr = best.en
        report.filled += 1
        report.sources[best.source] = report.sources.get(best.source, 0) + 1
    return report
